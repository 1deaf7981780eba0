# reports point at the place that is wrong: a renamed title, swapped cells
. tests/cli/lib.sh
# a title whose words differ is read by its numbering, with a warning there
sed '47s/预算03表 支出总表/预算03表 支出预算表/' $SEED > $TMP/m.txt
expect_exit 0 $YUSUAN check $TMP/m.txt
has $TMP/o "读到 13 张表（13 张一套）"
has $TMP/o "m.txt:47  [pres.title] 表题“预算03表 支出预算表”不是本表的标准名称"
# a numbered title that names no table is refused at its own line
sed '47s/预算03表 支出总表/预算14表 支出预算表/' $SEED > $TMP/m.txt
expect_exit 3 $YUSUAN check $TMP/m.txt
has $TMP/e "m.txt:47:1：表题“预算14表 支出预算表”不是已知的表名"
hasnt $TMP/e "预算02表"
# 人员经费 and 公用经费 swapped in one row of 05: the row, not the 合计 row
sed '173s/3,123\.265000\t15,073\.183052/15,073.183052\t3,123.265000/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check $TMP/m.txt
has $TMP/o "m.txt:173:42  [sum.total]"
has $TMP/o "与本行公用经费（3,123.265000）对调后各等式均成立"
hasnt $TMP/o "m.txt:201:"
# one cell is named once among the candidates
sed '267s/^25\.400000/26.400000/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check $TMP/m.txt
has $TMP/o "第1行 “三公”经费财政拨款预算总额、因公出国（境）费用、公务接待费（第 267 行） 中哪一项有误"
