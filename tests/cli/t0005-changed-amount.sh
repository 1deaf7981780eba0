# a changed amount is an error that names its table and row
. tests/cli/lib.sh
sed '80s/393\.779040\t393\.779040/393.779040\t393.779041/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check $TMP/m.txt
has $TMP/o "m.txt:80:"
has $TMP/o "[sum.row] 合计 = 基本支出 + 项目支出 不成立：预算03表 支出总表 2050201/50501/30101 基本支出 为 393.779041，应为 393.779040，差额 +0.000001"
sed '267s/^25\.400000/25.410000/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check --format json $TMP/m.txt
has $TMP/o '"table": "09"'
has $TMP/o '"line": 267'
has $TMP/o '"expected": "25.400000"'
has $TMP/o '"found": "25.410000"'
