# import: one transaction, check --db finds what check FILE finds
. tests/cli/lib.sh
DB=$TMP/b.db
expect_exit 0 $YUSUAN import $SEED --db $DB
has $TMP/o "as disclosure 1: 13 tables, 278 rows, 北京市机关事务管理中心 2026"
expect_exit 0 $YUSUAN check --db $DB
has $TMP/o "小结：核对了 577 个等式，覆盖率 100.0 %；0 个错误，8 个警告，3 个提示"
has $TMP/o "000_c2fdc67ddbce1acd.txt:108:1  [cls.dedicated]"
n0=$(sqlite3 $DB "select count(*) from dcell")
# a bad file writes nothing
expect_exit 3 $YUSUAN import $BAD/word-in-amount.txt --db $DB
[ "$(sqlite3 $DB 'select count(*) from disclosure')" -eq 1 ] || fail "a failed import wrote a disclosure"
[ "$(sqlite3 $DB 'select count(*) from dcell')" -eq "$n0" ] || fail "a failed import wrote cells"
[ "$(sqlite3 $DB 'pragma integrity_check')" = ok ] || fail "integrity_check"
expect_exit 0 $YUSUAN import --list --db $DB
has $TMP/o "北京市机关事务管理中心"
expect_exit 4 $YUSUAN check --db $TMP/none.db
has $TMP/e "no such database"
expect_exit 3 $YUSUAN check --db $DB --doc 7
expect_exit 2 $YUSUAN import $SEED
