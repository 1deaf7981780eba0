# build shows the compiled tables' findings as check does, --quiet hides
# progress and never a finding, and the exit code is what build -h says
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
mkdir -p $TMP/ex && cp $EX/*.csv $TMP/ex/
# 三公 figures that disagree with the items: the detail passes its rules,
# the compiled table 09 fails x09.codes
printf '项目,金额（万元）\n公务用车运行维护费,99.000000\n' > $TMP/ex/sangong.csv
expect_exit 1 $YUSUAN build $TMP/ex -o $TMP/out
has $TMP/e "预算09表 财政拨款“三公”经费支出表"
has $TMP/e "错误  $TMP/out/tables.txt:263:34  [x09.codes] 公务用车运行维护费 ≤ 03 中 30231 全部支出 不成立"
has $TMP/e "编好的表有 1 个错误（见上）：表已写入 $TMP/out/"
has $TMP/o "检查：核对了"
has $TMP/o "1 个错误"
has $TMP/o "写出 $TMP/out/tables.txt"
# as build -h says: the tables are written, to be looked at
[ -s $TMP/out/tables.txt ] || fail "exit 1 on the tables' errors, but tables.txt was not written"
# the finding is where tables.txt has it, and check of tables.txt finds it there too
sed -n 263p $TMP/out/tables.txt | grep -q "99.000000" || fail "line 263 of tables.txt is not the 三公 row"
expect_exit 1 $YUSUAN check $TMP/out/tables.txt
has $TMP/o "tables.txt:263:34  [x09.codes]"
# --quiet: no progress, every finding still
expect_exit 1 $YUSUAN build $TMP/ex -o $TMP/q --quiet
has $TMP/e "[x09.codes]"
has $TMP/e "[perf.categories]"
has $TMP/e "[detail.projects]"
hasnt $TMP/o "wrote"
hasnt $TMP/o "支出功能分类（类）"
# without the disagreement: exit 0, the warnings still listed
rm $TMP/ex/sangong.csv
expect_exit 0 $YUSUAN build $TMP/ex -o $TMP/ok --quiet
has $TMP/e "[perf.categories]"
hasnt $TMP/e "错误  "
echo ok
