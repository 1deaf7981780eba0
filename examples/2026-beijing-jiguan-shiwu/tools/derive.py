#!/usr/bin/env python3
"""derive.py - how the detail of this example was made from the published tables.

Not part of the build or the tests: run once, by hand, to (re)write the CSV files
of this folder from published.txt.  All arithmetic is in integer 分.

The published tables fix most of the detail.  Where they leave a split open, this
script picks values that satisfy every table (README.md lists the choices):
- non-fiscal money (928.02 万元 = 事业收入 60.02 + 单位资金 868) is basic spending at
  2010350 (人员 200 on 30101, 公用 650 on 30299, 本级) and 2050201 (人员 18 on 30199;
  公用 20 on 30201, 9.02 on 30213, 31 on 30299; 第一幼儿园); 事业收入 pays the
  kindergarten's 公用 60.02, 单位资金 the rest;
- a 功能 项 that several units share is split between them in proportion to each
  unit's 05 figures (人员 and 公用 separately), the last share taking the remainder;
  2080505's 30109 职业年金 (166.4568) belongs to 本级, which has no 2080506 row;
- project money goes to the six disclosed projects as their 项目总额 say, the rest to
  undisclosed projects of each unit;
- the three indicator rows printed under 管理中心机动经费 (物业 ≥65, 餐饮 =267,
  安保 =105) are 各办公区后勤服务保障's first indicators.
"""
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
EX = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(EX))


def fen(s):
    s = s.strip().replace(',', '')
    if not s:
        return 0
    ip, _, dp = s.partition('.')
    dp = (dp + '000000')[:6]
    return int(ip) * 1000000 + int(dp)


def wan(v):
    """分 -> 万元 with 6 decimals."""
    sign = '-' if v < 0 else ''
    v = abs(v)
    return '%s%d.%06d' % (sign, v // 1000000, v % 1000000)


def key(s):
    return re.sub(r'\s', '', unicodedata.normalize('NFKC', s))


lines = open(os.path.join(EX, 'published.txt'), encoding='utf-8').read().split('\n')


def table_lines(title_re):
    out, on = [], False
    for i, l in enumerate(lines):
        if re.match(r'^预算\d\d表|^预算表\d\d', l):
            on = bool(re.search(title_re, l))
            continue
        if on:
            out.append((i + 1, l.split('\t')))
    return out


def codename(cell):
    m = re.match(r'^(\d+)-(.*)$', cell.strip())
    return (m.group(1), m.group(2)) if m else (None, None)


# ---- 03: all money by (功能, 政府经济, 部门经济) --------------------------------
t03 = {}
names = {'function': {}, 'gov_econ': {}, 'dept_econ': {}}
for ln, c in table_lines('支出总表$'):
    f, fn = codename(c[0]) if c else (None, None)
    if not f:
        continue
    g, gn = codename(c[1])
    e, en = codename(c[2])
    names['function'].setdefault(f, fn)
    names['gov_econ'].setdefault(g, gn)
    names['dept_econ'].setdefault(e, en)
    basic, proj = fen(c[4]), fen(c[5])
    assert fen(c[3]) == basic + proj
    t03[(f, g, e)] = (basic, proj)

# ---- 05: 一般公共预算 by unit block × 功能 --------------------------------------
t05 = []  # (block, func, pers, pub, proj)
block, prev = 0, None
for ln, c in table_lines('一般公共预算支出表'):
    if len(c) < 8 or not re.match(r'^\d{7}$', c[0].strip()):
        continue
    code = c[0].strip()
    if prev and code <= prev:
        block += 1
    prev = code
    names['function'].setdefault(code, c[1].strip())
    t05.append((block, code, fen(c[4]), fen(c[5]), fen(c[6])))

UNITS = [('北京市机关事务管理中心本级', '事业单位'), ('第一幼儿园', '事业单位'), ('第二幼儿园', '事业单位')]

# ---- the choices the tables leave open ----------------------------------------
# non-fiscal basic money: (func, econ, unit, fund, carry, amount)
NONFISCAL = [
    ('2010350', '30101', 0, '单位资金', '是', fen('200')),
    ('2010350', '30299', 0, '单位资金', '是', fen('650')),
    ('2050201', '30199', 1, '单位资金', '是', fen('18')),
    ('2050201', '30201', 1, '事业收入', '', fen('20')),
    ('2050201', '30213', 1, '事业收入', '', fen('9.02')),
    ('2050201', '30299', 1, '事业收入', '', fen('31')),
]

PROJECTS = [  # code, name, unit, disclosed
    ('11000022Y0000004247 65', '各办公区互联网接入费', 0, '是'),
    ('11000024T000002854566', '管理中心机动经费', 0, '是'),
    ('11000024T0000028649 79', '各办公区后勤服务保障', 0, '是'),
    ('11000024T0000029623 90', '局第一幼儿园主园区后勤保障经费', 1, '是'),
    ('11000024T000002968001', '市机关事务局第二幼儿园后勤服务保障经费', 2, '是'),
    ('11000024T000002968033', '市机关事务局第二幼儿园专用设备购置经费', 2, '是'),
    ('EX-0-OTHER', '本级其他项目（本例未公开）', 0, '否'),
    ('EX-0-CARRY', '本级上年结转项目（本例未公开）', 0, '否'),
    ('EX-1-OTHER', '第一幼儿园其他项目（本例未公开）', 1, '否'),
    ('EX-1-CHILDCARE', '第一幼儿园托育服务（本例未公开）', 1, '否'),
    ('EX-2-OTHER', '第二幼儿园其他项目（本例未公开）', 2, '否'),
]
# project money: (project code, func, econ, amount); all 一般公共预算, current
# except the 2299999 line, which is the 上年结转 一般公共预算 money
PROJECT_MONEY = [
    ('11000022Y0000004247 65', '2010399', '30299', fen('333.88')),
    ('11000024T000002854566', '2010399', '30299', fen('100')),
    ('11000024T0000028649 79', '2010399', '30209', fen('3273.30')),
    ('11000024T0000029623 90', '2050201', '30209', fen('282.74')),
    ('11000024T0000029623 90', '2050201', '30299', fen('49.388829')),
    ('11000024T000002968001', '2050201', '30209', fen('209.043965')),
    ('11000024T000002968001', '2050201', '30299', fen('60.291171')),
    ('11000024T000002968033', '2050201', '31003', fen('7.952902')),
    ('EX-1-OTHER', '2050201', '30201', fen('12')),
    ('EX-1-OTHER', '2050201', '30299', fen('8.16')),
    ('EX-2-OTHER', '2050201', '30201', fen('12')),
    ('EX-2-OTHER', '2050201', '30299', fen('3.12')),
]

# ---- basic items --------------------------------------------------------------
items = []  # unit, func, econ, fund, carry, kind, project, amount
nonfiscal = {}
for f, e, u, fund, carry, amt in NONFISCAL:
    items.append((u, f, e, fund, carry, '基本支出', '', amt))
    nonfiscal[(f, e)] = nonfiscal.get((f, e), 0) + amt

gp_basic = {}  # (func, econ) -> 一般公共预算 basic money
for (f, g, e), (basic, proj) in t03.items():
    if basic:
        gp_basic[(f, e)] = basic - nonfiscal.get((f, e), 0)
        assert gp_basic[(f, e)] >= 0


def personnel(e):
    return e.startswith('301') or e.startswith('303')


by_func = {}
for b, f, pers, pub, proj in t05:
    by_func.setdefault(f, []).append((b, pers, pub))

for f, blocks in sorted(by_func.items()):
    for cls in ('pers', 'pub'):
        econs = sorted(e for (ff, e) in gp_basic if ff == f and personnel(e) == (cls == 'pers'))
        targets = [(b, pers if cls == 'pers' else pub) for b, pers, pub in blocks]
        total = sum(t for _, t in targets)
        assert total == sum(gp_basic[(f, e)] for e in econs), (f, cls)
        if total == 0:
            continue
        alloc = {}
        if f == '2080505':
            # 30109 职业年金 is 本级's (block 0); the rest is 30108 by block
            alloc[('30109', 0)] = gp_basic[(f, '30109')]
            for b, t in targets:
                alloc[('30108', b)] = t - alloc.get(('30109', b), 0)
        else:
            # proportional, the last econ and the last block take the rest
            for bi, (b, t) in enumerate(targets):
                left = t
                for ei, e in enumerate(econs):
                    a = gp_basic[(f, e)]
                    if bi == len(targets) - 1:
                        share = a - sum(alloc.get((e, bb), 0) for bb, _ in targets[:-1])
                    elif ei == len(econs) - 1:
                        share = left
                    else:
                        share = a * t // total
                    alloc[(e, b)] = share
                    left -= share
        for (e, b), amt in sorted(alloc.items(), key=lambda x: (x[0][1], x[0][0])):
            assert amt >= 0, (f, e, b, amt)
            if amt:
                items.append((b, f, e, '一般公共预算', '', '基本支出', '', amt))

# ---- project items ------------------------------------------------------------
proj_left = {(f, e): p for (f, g, e), (b, p) in t03.items() if p}
for code, f, e, amt in PROJECT_MONEY:
    unit = [p[2] for p in PROJECTS if p[0] == code][0]
    items.append((unit, f, e, '一般公共预算', '', '项目支出', code, amt))
    proj_left[(f, e)] -= amt
for (f, e), amt in sorted(proj_left.items()):
    if not amt:
        continue
    assert amt > 0, (f, e, amt)
    if f == '2299999':
        items.append((0, f, e, '一般公共预算', '是', '项目支出', 'EX-0-CARRY', amt))
    elif f == '2101901':
        items.append((1, f, e, '一般公共预算', '', '项目支出', 'EX-1-CHILDCARE', amt))
    else:
        assert f in ('2010350', '2010399'), (f, e)
        items.append((0, f, e, '一般公共预算', '', '项目支出', 'EX-0-OTHER', amt))

# ---- projects' targets (table 12), the misplaced rows moved -------------------
indicators = []
goals = {}
cur = None
MISPLACED = ('提供清洁、维修等物业服务人员数量', '提供餐饮服务人员数量', '提供安保服务人员数量')
moved = []
for ln, c in table_lines('项目支出绩效目标表'):
    cells = [x.strip() for x in c]
    if not any(cells) or cells[0] in ('项目名称', '金额单位：万元') or cells[2:4] == ['财政资金', '其他资金']:
        continue
    if cells[0]:
        m = re.match(r'^(\d{8}[A-Z][\d ]+?)-(.*)$', cells[0])
        cur = m.group(1)
        goal = [x for x in cells[1:] if len(x) > 25][0]
        goals[cur] = goal
    # the indicator: the first 一级 name and the five cells after it
    k = next(i for i, x in enumerate(cells) if x in ('产出指标', '效益指标', '满意度指标', '成本指标'))
    ind = (cur, cells[k], cells[k + 1], cells[k + 2], cells[k + 3], cells[k + 4],
           cells[k + 5] if k + 5 < len(cells) else '')
    if ind[3] in MISPLACED:
        moved.append(ind)
        continue
    indicators.append(ind)
hq = '11000024T0000028649 79'
first = next(i for i, x in enumerate(indicators) if x[0] == hq)
indicators[first:first] = [(hq,) + m[1:] for m in moved]

# ---- table 13 -----------------------------------------------------------------
perf, goal13, notes13, unit13 = [], '', '', ''
for ln, c in table_lines('单位整体支出绩效目标表'):
    cells = [x.strip() for x in c]
    if not any(cells):
        continue
    k0 = key(cells[0])
    if k0 == '单位名称':
        unit13 = cells[2]
    elif k0 == '整体绩效目标' and cells[1] != '活动':  # not the indicators' header row
        goal13 = cells[1]
    elif k0 == '其他说明':
        notes13 = cells[1]
    elif cells[0] == '' and len(cells) > 2 and cells[1] in ('后勤管理', '后勤服务'):
        run = cells[2]
        l1 = re.match(r'^(产出指标|效益指标|满意度指标|成本指标)', run).group(1)
        rest = run[len(l1):]
        l2 = re.match(r'^(.*?指标)', rest).group(1)
        perf.append((cells[1], l1, l2, rest[len(l2):], cells[4], cells[5], cells[6]))

# ---- names the department prints its own way ----------------------------------
cat = {}
for kind, fname in (('function', 'function.csv'), ('gov_econ', 'gov_econ.csv'), ('dept_econ', 'dept_econ.csv')):
    with open(os.path.join(ROOT, 'data', 'catalog', '2025', fname), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            cat[(kind, row['code'])] = row['name']
variants = {}
with open(os.path.join(ROOT, 'data', 'catalog', '2025', 'variants.csv'), encoding='utf-8') as fh:
    for row in csv.DictReader(fh):
        variants.setdefault((row['kind'], row['code']), set()).add(key(row['name']))
codes = []
for kind, tab in names.items():
    for code, name in sorted(tab.items()):
        c = cat.get((kind, code))
        # the compiler prints the catalog's name unless told otherwise, so every
        # printing that differs from it (variants included) is named here
        if c is None or key(c) != key(name):
            codes.append((kind, code, name))

# ---- write --------------------------------------------------------------------
def write(name, header, rows, comment):
    with open(os.path.join(EX, name), 'w', encoding='utf-8', newline='') as fh:
        fh.write('# ' + comment + '\n')
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


write('department.csv', ['部门名称', '年度', '单位名称', '整体绩效目标', '其他说明'],
      [('北京市机关事务管理中心', 2026, unit13, goal13, notes13)], '部门: the department, the year, table 13 texts')
write('units.csv', ['单位名称', '单位类型'], UNITS, '单位: in the order of table 05')
write('codes.csv', ['分类', '编码', '名称'],
      [({'function': '功能分类', 'gov_econ': '政府经济分类', 'dept_econ': '部门经济分类'}[k], c, n) for k, c, n in codes],
      '科目名称: codes the catalog lacks, or that this department prints its own way')
write('income.csv', ['收入来源', '金额（万元）'], [('一般公共预算', '33149.176143'), ('事业收入', '60.020000')],
      '收入: the year\'s income by source')
write('carryover.csv', ['结转来源', '金额（万元）'], [('一般公共预算', '1417.945232'), ('单位资金', '868.000000')],
      '上年结转: carry-over by source')
write('projects.csv', ['项目编码', '项目名称', '单位', '是否公开', '绩效目标'],
      [(c, n, UNITS[u][0], d, goals.get(c, '')) for c, n, u, d in PROJECTS], '项目')
write('indicators.csv', ['项目编码', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'], indicators,
      '项目绩效指标: in the order of table 12')
items.sort(key=lambda x: (x[0], x[1], x[5], x[2], x[6]))
write('items.csv', ['单位', '功能分类', '经济分类', '资金来源', '上年结转', '支出类型', '项目编码', '金额（万元）'],
      [(UNITS[u][0], f, e, fund, carry, kind, proj, wan(amt)) for u, f, e, fund, carry, kind, proj, amt in items],
      '支出明细: one row per unit x 功能分类 x 经济分类 x fund x basic/project')
write('procurement.csv', ['采购类别', '采购项目', '金额（万元）'],
      [('A', '货物', '363.999200'), ('C', '服务', '2039.831857')], '政府采购')
write('performance.csv', ['活动', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'], perf,
      '整体绩效指标 (table 13)')
print('items: %d, projects: %d, indicators: %d, codes: %d' % (len(items), len(PROJECTS), len(indicators), len(codes)),
      file=sys.stderr)
