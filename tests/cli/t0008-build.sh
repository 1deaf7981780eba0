# init and build: the example compiles into the seed's tables; errors refuse
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
expect_exit 0 $YUSUAN build $EX -o $TMP/out --db $TMP/b.db
has $TMP/o "已编制 北京市机关事务管理中心 2026：125 条明细，13 张表"
has $TMP/o "个等式，0 个错误，1 个警告，1 个提示"
# the tables' warnings are listed as check lists them, at their tables.txt lines
has $TMP/e "$TMP/out/tables.txt:303:1  [perf.categories]"
has $TMP/o "201 一般公共服务支出              27,724.538052      26,874.538052"
has $TMP/e "projects.csv:4  [detail.projects]"
# the compiled tables check clean, like the published ones
expect_exit 0 $YUSUAN check $TMP/out/tables.txt
has $TMP/o "；0 个错误，1 个警告，1 个提示"
# rebuilt from the database alone, the same text
expect_exit 0 $YUSUAN build --db $TMP/b.db -o $TMP/again --quiet
cmp -s $TMP/out/tables.txt $TMP/again/tables.txt || fail "rebuild from the database differs"
expect_exit 0 $YUSUAN build --db $TMP/b.db -o $TMP/csv --format csv --quiet
[ -f $TMP/csv/csv/01.csv ] && [ -f $TMP/csv/csv/13.csv ] || fail "csv: one file per table"
expect_exit 0 $YUSUAN check --db $TMP/b.db
has $TMP/o "；0 个错误，1 个警告"
# detail with an error: nothing built, the file and line named
mkdir -p $TMP/bad && cp $EX/*.csv $TMP/bad/
sed -i '3s/,200.000000$/,-200.000000/' $TMP/bad/items.csv
expect_exit 1 $YUSUAN build $TMP/bad -o $TMP/badout
has $TMP/e "items.csv:3  [detail.negative] 金额为负：-200.000000 万元"
has $TMP/e "个错误，没有编制，什么也没有写"
[ ! -e $TMP/badout ] || fail "a refused build wrote output"
# unreadable detail: exit 3 with file:line:column
cp $EX/*.csv $TMP/bad/
sed -i '3s/,200.000000$/,二百/' $TMP/bad/items.csv
expect_exit 3 $YUSUAN build $TMP/bad
has $TMP/e "items.csv:3:"
# GB18030 input reads the same
mkdir -p $TMP/gb && for f in $EX/*.csv; do iconv -f UTF-8 -t GB18030 $f > $TMP/gb/$(basename $f); done
expect_exit 0 $YUSUAN build $TMP/gb -o $TMP/gbout --quiet
cmp -s $TMP/out/tables.txt $TMP/gbout/tables.txt || fail "GB18030 input builds different tables"
# init writes a template that says what to fill in, and never overwrites
expect_exit 0 $YUSUAN init $TMP/new
has $TMP/new/items.csv "# 支出明细（items）：必填的表。支出明细：每个 单位 × 功能分类"
has $TMP/new/items.csv "单位,功能分类,经济分类,政府经济分类,资金来源"
expect_exit 3 $YUSUAN init $TMP/new
expect_exit 3 $YUSUAN build $TMP/new
has $TMP/e "没有部门和年度"
expect_exit 2 $YUSUAN build
# docs/input-format.md is generated from the description and current
expect_exit 0 $YUSUAN init --doc
cmp -s $TMP/o docs/input-format.md || fail "docs/input-format.md is out of date: build/yusuan init --doc > docs/input-format.md"
