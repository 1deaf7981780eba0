# check on the seed: no errors, the known anomalies with their lines
. tests/cli/lib.sh
expect_exit 0 $YUSUAN check $SEED
has $TMP/o "读到 13 张表（13 张一套）"
# what was read, table by table: rows, amounts read, unreadable, identities
has $TMP/o "      71       146         0    180  预算03表 支出总表"
has $TMP/o "小结：核对了 577 个等式，覆盖率 100.0 %；0 个错误，7 个警告，4 个提示"
has $TMP/o "000_c2fdc67ddbce1acd.txt:286  [pres.numbering] 表题编号“预算表12”"
has $TMP/o "000_c2fdc67ddbce1acd.txt:79:1  [pres.name_variants]"
has $TMP/o "000_c2fdc67ddbce1acd.txt:108:1  [cls.dedicated] 30109 职业年金缴费 列在 2080505 下"
has $TMP/o ":314:16  [perf.misplaced] 指标“提供清洁、维修等物业服务人员数量 ≥ 65”"
has $TMP/o ":315:16  [perf.misplaced] 指标“提供餐饮服务人员数量 = 267”"
has $TMP/o ":316:16  [perf.misplaced] 指标“提供安保服务人员数量 = 105”"
expect_exit 0 $YUSUAN check --format json $SEED
has $TMP/o '"errors": 0'
has $TMP/o '"warnings": 7'
has $TMP/o '"tables": ['
has $TMP/o '"rule": "perf.misplaced"'
has $TMP/o '"line": 315'
expect_exit 0 $YUSUAN check --format csv $SEED
has $TMP/o "rule,severity,table,row,column,found,expected,difference,line,col,message,rows,amounts_read,amounts_unreadable,identities"
# a row per finding, a coverage row per table and one for the document
[ "$(grep -c '^coverage,' $TMP/o)" -eq 14 ] || fail "csv: expected 14 coverage rows"
[ "$(grep -c ',warning,\|,notice,' $TMP/o)" -eq 11 ] || fail "csv: expected 11 findings"
# year over year: last year's 三公 were lower
sed '267s/^25\.400000\t\t16\.000000/20.000000\t\t10.600000/' $SEED > $TMP/last.txt
expect_exit 0 $YUSUAN check --previous $TMP/last.txt $SEED
has $TMP/o "[yoy.sangong] “三公”经费财政拨款预算总额 比上年增加：20.000000 → 25.400000（+27.0%）"
# the same file as last year's: nothing changed, and that is said (yoy.same)
expect_exit 0 $YUSUAN check --previous $SEED $SEED
has $TMP/o "[yoy.same]"
[ "$(grep -c 'yoy\.' $TMP/o)" -eq 1 ] || fail "year-over-year findings against the same file"
