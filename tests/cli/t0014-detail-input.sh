# the detailed budget's input: what a first user tripped over (issue 11),
# each kept as it was reproduced; errors collected like a compiler's
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
# copy NAME: a fresh copy of the example in $TMP/NAME
copy() { rm -rf $TMP/$1 && mkdir -p $TMP/$1 && cp $EX/*.csv $TMP/$1/; }

# a code with the wrong name (2011301-事业运行, 30211-办公费) built silently
# with the catalog's name: now an error that names both
copy names
sed -i '3s/,2010350,30101,/,2011301-事业运行,30101,/; 4s/,2010350,30101,/,2010350-事业运行,30211-办公费,/' $TMP/names/items.csv
expect_exit 1 $YUSUAN build $TMP/names -o $TMP/out
has $TMP/e "names/items.csv:3  [detail.code_names] 支出功能分类 2011301 写作“事业运行”，2026 年分类目录中是“行政运行”"
has $TMP/e "names/items.csv:4  [detail.code_names] 部门支出经济分类 30211 写作“办公费”，2026 年分类目录中是“差旅费”"
hasnt $TMP/e "2010350 写作"
[ ! -e $TMP/out ] || fail "a refused build wrote output"

# 30299X silently became 30299: junk after a code is refused where it is
copy junk
sed -i '8s/,30201,/,30299X,/' $TMP/junk/items.csv
expect_exit 3 $YUSUAN build $TMP/junk -o $TMP/out
has $TMP/e "junk/items.csv:8:28: 经济分类“30299X”：编码 30299 后面的“X”不是名称"

# 采购类别 as the docs show it (A 货物) was refused: every form is read
copy proc
sed -i 's/^A,货物,/A 货物,货物,/; s/^C,服务,/Ｃ－服务,服务,/' $TMP/proc/procurement.csv
expect_exit 0 $YUSUAN build $TMP/proc -o $TMP/proc-out --quiet
$YUSUAN build $EX -o $TMP/ex-out --quiet > /dev/null 2>&1 || fail "the example does not build"
cmp -s $TMP/proc-out/tables.txt $TMP/ex-out/tables.txt || fail "A 货物 builds other tables than A"
grep -q "A 货物" docs/input-format.md || fail "docs/input-format.md no longer shows A 货物"

# two typos took two runs: every error of a run is reported, each at its
# place, then a count
copy two
sed -i '3s/,200.000000$/,二百/; 5s/,607.148600$/,607.1486x/' $TMP/two/items.csv
expect_exit 3 $YUSUAN build $TMP/two -o $TMP/out
has $TMP/e "two/items.csv:3:42: 金额“二百”不是以万元为单位的金额：应为数字"
has $TMP/e "two/items.csv:5:51: 金额“607.1486x”"
has $TMP/e "two: 输入有 2 处错误"

# at most 50, then reading stops (and says so)
copy many
for i in $(seq 1 60); do echo "北京市机关事务管理中心本级,2010350,30101,单位资金,是,基本支出,,x$i"; done >> $TMP/many/items.csv
expect_exit 3 $YUSUAN build $TMP/many -o $TMP/out
[ "$(grep -c 'many/items.csv:[0-9]*:42: 金额“x' $TMP/e)" -eq 50 ] || fail "not 50 errors: $(grep -c items.csv $TMP/e)"
has $TMP/e "报告了前 50 处后停止读取（上限 50 处）"

# a fund row removed from income.csv blamed department.csv: now income.csv
copy income
sed -i '/^事业收入,/d' $TMP/income/income.csv
expect_exit 1 $YUSUAN build $TMP/income -o $TMP/out
has $TMP/e "income/income.csv:2  [detail.balance] 收入表没有 事业收入 一行（即为 0），但支出明细花了其中 60.020000 万元（第一笔在 $TMP/income/items.csv:49）"
hasnt $TMP/e "department.csv"

# a bad 一级指标 blamed the compiled text: now indicators.csv at its cell
copy ind
sed -i '3s/,成本指标,/,成本指木,/' $TMP/ind/indicators.csv
expect_exit 3 $YUSUAN build $TMP/ind -o $TMP/out
has $TMP/e "ind/indicators.csv:3:24: 一级指标“成本指木”"
hasnt $TMP/e "(compiled)"

# the workbook rounded 10.1234567 where CSV refuses it, and said
# book.xlsx[items]:5:12: one rule for decimals, sheet!A1 places
XE=tests/fixtures/xlsx/detail-errors.xlsx
expect_exit 3 $YUSUAN build $XE -o $TMP/out
has $TMP/e "yusuan: $XE: 支出明细!H2: 金额 10.1234567 有 7 位小数：以万元为单位最多 6 位"
has $TMP/e "yusuan: $XE: 支出明细!C3: 经济分类“30299X”"
has $TMP/e "yusuan: $XE: 项目绩效指标!B2: 一级指标“成本指木”"
has $TMP/e "$XE: 输入有 3 处错误"
hasnt $TMP/e "[支出明细]"
hasnt $TMP/e "政府采购"      # A 货物 is read
copy dec
sed -i '3s/,200.000000$/,10.1234567/' $TMP/dec/items.csv
expect_exit 3 $YUSUAN build $TMP/dec -o $TMP/out
has $TMP/e "dec/items.csv:3:51: 金额“10.1234567”不是以万元为单位的金额：小数位数超过单位所允许的"
# a workbook's findings name the row's first cell
expect_exit 0 $YUSUAN build tests/fixtures/xlsx/example.xlsx -o $TMP/xout
has $TMP/e "tests/fixtures/xlsx/example.xlsx: 项目!A3  [detail.projects]"

# nothing half-written: a refused input stores nothing
expect_exit 3 $YUSUAN build $TMP/two --db $TMP/two.db -o $TMP/out
[ ! -e $TMP/two.db ] || fail "a refused input created the database"
expect_exit 0 $YUSUAN build $EX --db $TMP/ok.db -o $TMP/ok --quiet
cp $TMP/ok.db $TMP/ok-before.db
expect_exit 3 $YUSUAN build $TMP/two --db $TMP/ok.db -o $TMP/ok --quiet
cmp -s $TMP/ok.db $TMP/ok-before.db || fail "a refused input changed the database"
echo "ok: detail input"
