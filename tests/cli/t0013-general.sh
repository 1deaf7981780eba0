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
echo ok
