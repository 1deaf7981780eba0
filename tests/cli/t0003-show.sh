# show: the text layout reads back to the same cells; CSV and JSON
. tests/cli/lib.sh
expect_exit 0 $YUSUAN show $SEED
cp $TMP/o $TMP/a.txt
expect_exit 0 $YUSUAN show $TMP/a.txt
cmp -s $TMP/a.txt $TMP/o || fail "show of show differs"
expect_exit 0 $YUSUAN show --format csv $TMP/a.txt
cp $TMP/o $TMP/a.csv
expect_exit 0 $YUSUAN show --format csv $SEED
# the same cells (their lines and columns differ: the seed has page breaks
# and rows that lost an empty cell)
sed -E 's/,(data|total|indicator|field),[0-9]+,[0-9]+,/,\1,,,/' $TMP/o > $TMP/b1
sed -E 's/,(data|total|indicator|field),[0-9]+,[0-9]+,/,\1,,,/' $TMP/a.csv > $TMP/b2
[ "$(wc -l < $TMP/b1)" -gt 1000 ] || fail "too few cells"
cmp -s $TMP/b1 $TMP/b2 || { diff $TMP/b1 $TMP/b2 | head; fail "cells differ after the round trip"; }
expect_exit 0 $YUSUAN show --table 03 --format csv $SEED
has $TMP/o "line,支出功能分类科目,政府支出经济分类科目,部门支出经济分类科目,合计"
has $TMP/o "115,2101901-托育机构,50502-商品和服务支出,30205-水费,2.880000,,2.880000,,,"
expect_exit 0 $YUSUAN show --table 12 --format json $SEED
has $TMP/o '"fen": 3273300000'
expect_exit 2 $YUSUAN show --table 14 $SEED
expect_exit 2 $YUSUAN show --format xml $SEED
