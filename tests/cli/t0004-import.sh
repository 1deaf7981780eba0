# import: one transaction, check --db finds what check FILE finds
. tests/cli/lib.sh
DB=$TMP/b.db
expect_exit 0 $YUSUAN import $SEED --db $DB
has $TMP/o "公开文件编号 1：13 张表，278 行"
expect_exit 0 $YUSUAN check --db $DB
has $TMP/o "小结：核对了 577 个等式，覆盖率 100.0 %；0 个错误，7 个警告，4 个提示"
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
has $TMP/e "没有这个数据库"
expect_exit 3 $YUSUAN check --db $DB --doc 7
expect_exit 2 $YUSUAN import $SEED

# any layout is stored whole: check --db gives what check FILE gives - the
# general reader's tables with their columns (Shanghai, Jiangsu),
# the text outside the tables and the titles not read - and a
# migrated database holds them as a fresh one does (test_store)
same_check() {
	db=$TMP/any-$1.db
	shift
	expect_exit 0 $YUSUAN import "$@" --db $db
	"$YUSUAN" check "$@" --format json > $TMP/file.json
	"$YUSUAN" check --db $db --format json > $TMP/db.json
	python3 - "$TMP/file.json" "$TMP/db.json" <<'PY' || fail "check --db differs from check FILE for $*"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("file", None)
ok = a == b
if not ok:
    for k in a:
        if a.get(k) != b.get(k):
            print("differs:", k, str(a.get(k))[:300], "|", str(b.get(k))[:300])
sys.exit(0 if ok else 1)
PY
}
same_check sh tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf
same_check js tests/fixtures/corpus/2017_js_renda.pdf
[ "$(sqlite3 $TMP/any-sh.db 'select count(*) from otable')" -gt 5 ] || fail "no table of another layout stored"
[ "$(sqlite3 $TMP/any-sh.db 'select count(*) from dprose')" -gt 10 ] || fail "no text outside the tables stored"
# yusuan's own PDF: the 13 tables, on their pages
expect_exit 0 $YUSUAN build examples/2026-beijing-jiguan-shiwu -o $TMP/own --format pdf --quiet
same_check own $TMP/own/tables.pdf
