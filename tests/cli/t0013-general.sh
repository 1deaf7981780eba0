# the general reader from the CLI: a PDF of another layout, a document in two
# PDFs, the recognised tables in text and JSON, a known error, the lines view
. tests/cli/lib.sh
C=tests/fixtures/corpus

expect_exit 0 $YUSUAN check $C/2017_js_renda.pdf
has $TMP/o "读到 12 张表（通用读取，PDF）"
has $TMP/o "      19        19         0      7  一般公共预算支出预算表（gp_expend，第 16 页）"
has $TMP/o "；0 个错误，0 个警告"

# a department that published its text and its tables as two files
expect_exit 0 $YUSUAN check $C/2018_js_zhengxie.part1.pdf $C/2018_js_zhengxie.part2.pdf --format json
grep -q '"kind": "sangong"' $TMP/o || fail "json lacks the 三公 table"
grep -q '"unrecognised": \[\]' $TMP/o || fail "json lacks the unrecognised list"
expect_exit 3 $YUSUAN check $C/2018_js_zhengxie.part1.pdf
has $TMP/e "没有读到任何表：没有一个表题与版式描述相符"

# a known error: the table part headed with another government's bureau
expect_exit 0 $YUSUAN check $C/2024_shpt_guihuaziyuanju_juesuan.pdf
has $TMP/o "第 7 页  [gen.department] 部门名称“上海市规划和自然资源局”与文中其他 4 处的“上海市普陀区规划和自然资源局”不一致"
# the 情况说明 is checked in this layout too: item 31 says 350.35 万元, then
# 2024年预算安排352.67万元 (a real error, in tests/corpus/expected.tsv)
expect_exit 1 $YUSUAN check $C/2024_shpt_wanlijiedao.pdf --format csv
has $TMP/o "gen.empty,warning"
has $TMP/o "narrative.consistent,error"
has $TMP/o "写作 352.67万元，而第 9 页写作 350.35万元"

# what the reader sees, and the tables as it aligned them
expect_exit 0 $YUSUAN show $C/2017_js_renda.pdf --format lines
has $TMP/o "2010101	行政运行	4,545.94"
expect_exit 0 $YUSUAN show $C/2024_shpt_wanlijiedao.pdf
has $TMP/o "2010507	专项普查活动	257,700	257,700"
expect_exit 3 $YUSUAN show $SEED --format lines
has $TMP/e "不是可读取的 PDF"
# show -o publishes what the general reader read: a file per table (CSV,
# an XLSX sheet, an HTML page) with its columns as read, the PDF with every
# table; the JSON already holds them
F=tests/fixtures/corpus2026/fz_01.pdf
expect_exit 0 $YUSUAN check --format json $F
nt=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['coverage']['tables_read'])" $TMP/o)
[ "$nt" -ge 5 ] || fail "fz_01: $nt tables"
expect_exit 0 $YUSUAN show $F -o $TMP/gen
has $TMP/o "已发布 $F：$nt 张表"
[ "$(ls $TMP/gen/csv | grep -c '^g[0-9][0-9]\.csv$')" -eq "$nt" ] || { ls $TMP/gen/csv; fail "not a CSV per table"; }
[ "$(ls $TMP/gen/html | grep -c '^g[0-9][0-9]\.html$')" -eq "$nt" ] || { ls $TMP/gen/html; fail "not a page per table"; }
expect_exit 0 $YUSUAN show $F --format json
python3 - $TMP/o $TMP/gen <<'PY' || fail "the published tables are not the tables read"
import csv, json, re, sys, zipfile
read = json.load(open(sys.argv[1]))['tables']
out = sys.argv[2]
wb = zipfile.ZipFile(out + '/tables.xlsx')
sheets = re.findall(r'<sheet name="([^"]*)"', wb.read('xl/workbook.xml').decode())
assert len(sheets) == len(read), (sheets, len(read))
shared = [re.sub(r'<[^>]+>', '', x) for x in re.findall(r'<si>(.*?)</si>', wb.read('xl/sharedStrings.xml').decode(), re.S)]
for i, t in enumerate(read):
    name = 'g%02d' % (i + 1)
    assert sheets[i].startswith(name + ' '), sheets[i]
    rows = list(csv.reader(open('%s/csv/%s.csv' % (out, name), encoding='utf-8-sig', newline='')))
    cols = t['columns']
    # its columns as read, in order, and a line per row
    assert rows[0] == ['line'] + [c['label'] for c in cols], (rows[0], cols)
    assert len(rows) == 1 + len(t['rows']), name
    for r, row in zip(rows[1:], t['rows']):
        for k, c in enumerate(cols):
            cell = row['cells'].get(c['id'], {})
            assert r[1 + k] == cell.get('text', ''), (name, r, cell)
    # the sheet: the title, and every amount read as a number to the 分
    x = wb.read('xl/worksheets/sheet%d.xml' % (i + 1)).decode()
    strings = [shared[int(v)] for v in re.findall(r't="s"><v>(\d+)</v>', x)]
    assert t['title'] in strings, (name, t['title'])
    nums = sorted(round(float(v) * 100) for v in re.findall(r'<c r="[A-Z]+\d+" s="\d+"><v>([^<]+)</v>', x))
    scale = 100 if t['unit'] == '元' else 1000000
    fens = sorted(cell['fen'] * 100 // scale for row in t['rows'] for cell in row['cells'].values() if 'fen' in cell)
    assert nums == fens, (name, nums[:5], fens[:5])
    # the page: the title and every label
    page = open('%s/html/%s.html' % (out, name), encoding='utf-8').read()
    assert t['title'] in page, name
    for c in cols:
        assert c['label'].replace('&', '&amp;') in page, (name, c['label'])
index = open(out + '/html/index.html', encoding='utf-8').read()
assert all('href="g%02d.html"' % (i + 1) in index for i in range(len(read)))
PY
if command -v pdftotext > /dev/null; then
	pdftotext -layout $TMP/gen/tables.pdf $TMP/gen.txt
	has $TMP/gen.txt "部门预算公开表（$nt 张）"
	has $TMP/gen.txt "办公楼物业项目绩效目标表"
	has $TMP/gen.txt "23195.94"
fi
# published again from the seed into the same folder: the general tables' files go
expect_exit 0 $YUSUAN show $SEED -o $TMP/gen
has $TMP/o "删除 $TMP/gen/csv/g01.csv"
[ ! -e $TMP/gen/html/g01.html ] || fail "html/g01.html left behind"
# a Beijing PDF: its 13-table model's tables and, beside them, the 预算14表
# forms the general reader read
expect_exit 0 $YUSUAN show tests/fixtures/corpus2026/bj_14.pdf -o $TMP/bj --format csv,xlsx
for f in csv/08.csv csv/09.csv csv/g01.csv csv/g02.csv; do [ -s $TMP/bj/$f ] || fail "bj_14: no $f"; done
python3 - $TMP/bj/tables.xlsx <<'PY' || fail "bj_14: the workbook's sheets"
import re, sys, zipfile
names = re.findall(r'<sheet name="([^"]*)"', zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())
assert names[:2] == ['预算08表', '预算09表'] and names[2].startswith('g01 预算14表-1') and names[3].startswith('g02 预算14表-2'), names
PY
# the site's findings link to the general table's cell, marked on its page
expect_exit 0 $YUSUAN show tests/fixtures/corpus2026/fz_11.pdf -o $TMP/fz11 --format html
python3 - $TMP/fz11/html <<'PY' || fail "fz_11: findings not linked to their cells"
import re, sys
d = sys.argv[1]
links = re.findall(r'href="(g\d\d)\.html#(r\d+-[^"]+)"', open(d + '/findings.html', encoding='utf-8').read())
assert len(links) >= 4, links
for page, cell in links:
    html = open('%s/%s.html' % (d, page), encoding='utf-8').read()
    assert re.search(r'id="%s"[^>]*class="[^"]*error' % re.escape(cell), html), (page, cell)
PY
echo ok
