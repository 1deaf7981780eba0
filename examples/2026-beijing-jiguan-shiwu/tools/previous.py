#!/usr/bin/env python3
"""previous.py - last year's budget of this example, derived from this year's.

The department's 2025 budget was not published with the seed, so `make demo`
compares the 2026 budget with a 2025 budget made from it by fixed rules (integer
分, the same output every run).  Run by hand to (re)write previous-2025/:

    python3 examples/2026-beijing-jiguan-shiwu/tools/previous.py

The rules, each a change the 2026 情况说明 then has to explain or not:
- every line item of 2026 is a 2025 line item scaled by its 类's factor, rounded
  down to the 分: 201 一般公共服务 x 93/100 (2026 is 7.5 % more: no reason needed),
  205 教育 x 112/100 (2026 is 10.7 % less: a reason), 208 社会保障和就业 x 102/100,
  210 卫生健康 x 97/100, 221 住房保障 x 96/100;
- 229 其他支出 (the 上年结转 of 2026) did not exist in 2025 (a class from zero: a
  reason);
- 公务接待费 (30217) was 18.00 万元 (x 9/8: 2026's 16.00 is 11.1 % less; the 三公
  total changes: reasons for both);
- 政府采购 was A 330.00 and C 2,100.00 万元 (2026 is 1.1 % less: no reason);
- income and carry-over by source are what the 2025 items spend (the detail rule
  detail.balance holds), everything else (units, projects, indicators, table 13)
  is 2026's, the year 2025;
- reasons.csv holds 2025's own reasons, one of which (“三公”经费) `init --previous`
  offers again for 2026.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
EX = os.path.dirname(HERE)
OUT = os.path.join(EX, 'previous-2025')

FACTOR = {'201': (93, 100), '205': (112, 100), '208': (102, 100), '210': (97, 100), '221': (96, 100)}
RECEPTION = (9, 8)


def fen(s):
    s = s.strip().replace(',', '')
    if not s:
        return 0
    ip, _, dp = s.partition('.')
    dp = (dp + '000000')[:6]
    return int(ip) * 1000000 + int(dp)


def wan(v):
    return '%d.%06d' % (v // 1000000, v % 1000000)


def read(name):
    """The comment lines and the records (header first) of a CSV of the folder."""
    with open(os.path.join(EX, name), encoding='utf-8', newline='') as fh:
        rows = list(csv.reader(fh))
    comments = [r for r in rows if r and r[0].startswith('#')]
    records = [r for r in rows if r and not r[0].startswith('#')]
    return comments, records


def write(name, comments, records):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        for c in comments:
            fh.write(','.join(c) + '\n')
        w.writerows(records)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in ('units.csv', 'codes.csv', 'projects.csv', 'indicators.csv', 'performance.csv'):
        write(name, *read(name))
    comments, dept = read('department.csv')
    dept[1][dept[0].index('年度')] = '2025'
    write('department.csv', comments, dept)

    comments, items = read('items.csv')
    head, rows = items[0], items[1:]
    col = {h: i for i, h in enumerate(head)}
    amount = col['金额（万元）']
    out, income, carry = [], {}, {}
    for r in rows:
        func, econ = r[col['功能分类']], r[col['经济分类']]
        if func.startswith('229'):
            continue
        num, den = RECEPTION if econ == '30217' else FACTOR[func[:3]]
        v = fen(r[amount]) * num // den
        r = list(r)
        r[amount] = wan(v)
        out.append(r)
        fund = r[col['资金来源']]
        book = carry if r[col['上年结转']] == '是' else income
        book[fund] = book.get(fund, 0) + v
    write('items.csv', comments, [head] + out)
    write('income.csv', read('income.csv')[0], [['收入来源', '金额（万元）']] + [[k, wan(v)] for k, v in income.items()])
    write('carryover.csv', read('carryover.csv')[0],
          [['结转来源', '金额（万元）']] + [[k, wan(v)] for k, v in carry.items()])
    write('procurement.csv', read('procurement.csv')[0],
          [['采购类别', '采购项目', '金额（万元）'], ['A', '货物', '330.000000'], ['C', '服务', '2100.000000']])
    write('reasons.csv', [['# 变化原因: 2025 年与 2024 年相比的原因（由 tools/previous.py 写出）']],
          [['科目', '原因'],
           ['“三公”经费', '落实过紧日子要求，从严控制公务接待'],
           ['公务接待费', '落实过紧日子要求，从严控制公务接待']])


if __name__ == '__main__':
    main()
