# yusuan diff: two versions of one disclosure (every differing cell named),
# two years (figures only), stored documents, formats and exit codes
. tests/cli/lib.sh
sed -e '53s/867\.596000\t867\.596000/870.000000\t870.000000/' -e '267s/\t16\.000000/\t18.000000/' $SEED > $TMP/v2.txt
expect_exit 0 $YUSUAN diff $SEED $SEED
has $TMP/o "共 0 个数字有变化，0 个单元格不同"
expect_exit 1 $YUSUAN diff $SEED $TMP/v2.txt
has $TMP/o "同一部门同一年度的两个版本"
has $TMP/o "03表 2010350/50501/30101 · 合计：“867.596000” → “870.000000”（+2.404000 万元）  [旧：第 53 行；新：第 53 行]"
has $TMP/o "09表 第1行 · 公务接待费：“16.000000” → “18.000000”"
has $TMP/o "逐格比较：比较了"
has $TMP/o "，3 个不同"
has $TMP/o "公务接待费"
has $TMP/o "+12.5%"
# 类 / 款 / 项 of 功能分类 with the catalog's name of the 款
has $TMP/o "20103 政府办公厅（室）及相关机构事务"
cp $TMP/o $TMP/text.out
expect_exit 1 $YUSUAN diff $SEED $TMP/v2.txt --format json
has $TMP/o '"versions": true'
has $TMP/o '"column_id": "reception"'
has $TMP/o '"new_fen": 18000000'
expect_exit 1 $YUSUAN diff $SEED $TMP/v2.txt --format html -o $TMP/d.html
grep -q '<svg' $TMP/d.html || fail "no chart in the page"
! grep -q 'https\?://' $TMP/d.html || fail "the page names another host"
! grep -q '<link\|<script' $TMP/d.html || fail "the page is not self-contained"
expect_exit 1 $YUSUAN diff $SEED $TMP/v2.txt --format xlsx -o $TMP/d.xlsx
[ "$(head -c 2 $TMP/d.xlsx)" = PK ] || fail "no workbook"

# another year: figures, no cells unless asked
sed '360s/2026/2027/' $SEED > $TMP/y2027.txt
expect_exit 1 $YUSUAN diff $SEED $TMP/v2.txt
expect_exit 0 $YUSUAN diff $SEED $TMP/y2027.txt
has $TMP/o "只比较上面的数字"
expect_exit 0 $YUSUAN diff $SEED $TMP/y2027.txt --cells
has $TMP/o "，0 个不同"

# stored documents, and one stored against a file
DB=$TMP/d.db
expect_exit 0 $YUSUAN import $SEED --db $DB
expect_exit 0 $YUSUAN import $TMP/v2.txt --db $DB
expect_exit 1 $YUSUAN diff --db $DB --doc 1 --doc 2
has $TMP/o "03表 2010350/50501/30101 · 合计：“867.596000” → “870.000000”"
expect_exit 1 $YUSUAN diff --db $DB --doc 1 $TMP/v2.txt
has $TMP/o "，3 个不同"

# usage and input errors
expect_exit 2 $YUSUAN diff $SEED
has $TMP/e "要给出两份公开"
expect_exit 2 $YUSUAN diff $SEED $SEED --format xlsx
expect_exit 2 $YUSUAN diff --doc 1 $SEED
expect_exit 2 $YUSUAN diff $SEED $SEED $SEED
expect_exit 3 $YUSUAN diff $SEED $BAD/empty.txt
expect_exit 0 $YUSUAN diff -h
has $TMP/o "退出码：0 没有不同，1 有不同"
