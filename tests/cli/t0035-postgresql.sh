# PostgreSQL: import, check --db, import --list, the same file twice, build
# --db and a rebuild, a failed import, documents of any layout and two
# imports at once - what t0004, t0008 and t0016 do on SQLite, on a
# throwaway server (tests/pg/run.sh; make test starts one for the suites)
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$DB" -c "$1" || fail "psql: $1"; }
psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli24 WITH (FORCE)" \
	-c "CREATE DATABASE cli24" > /dev/null 2>&1 || fail "CREATE DATABASE"
DB="${YS_TEST_PG}cli24"

expect_exit 0 $YUSUAN import $SEED --db "$DB"
has $TMP/o "公开文件编号 1：13 张表，278 行"
expect_exit 0 $YUSUAN check --db "$DB"
has $TMP/o "小结：核对了 577 个等式，覆盖率 100.0 %；0 个错误，7 个警告，4 个提示"
has $TMP/o "000_c2fdc67ddbce1acd.txt:108:1  [cls.dedicated]"
V=$(sed -n "s/^#define YS_SCHEMA_VERSION \([0-9]*\).*/\1/p" include/yusuan/store.h)
[ "$(q 'select value from meta where key = $$schema_version$$')" = "$V" ] || fail "schema version not recorded"
n0=$(q "select count(*) from dcell")
[ "$n0" -gt 500 ] || fail "cells not stored"
# a bad file writes nothing
expect_exit 3 $YUSUAN import $BAD/word-in-amount.txt --db "$DB"
[ "$(q 'select count(*) from disclosure')" -eq 1 ] || fail "a failed import wrote a disclosure"
[ "$(q 'select count(*) from dcell')" -eq "$n0" ] || fail "a failed import wrote cells"
expect_exit 0 $YUSUAN import --list --db "$DB"
has $TMP/o "北京市机关事务管理中心"
expect_exit 3 $YUSUAN check --db "$DB" --doc 7
# the same file twice: refused, or replaced with --replace
cp $SEED $TMP/copy.txt
expect_exit 3 $YUSUAN import $TMP/copy.txt --db "$DB"
has $TMP/e "与已导入的公开表 1"
expect_exit 0 $YUSUAN import $TMP/copy.txt --db "$DB" --replace
has $TMP/o "替换了内容相同的公开表 1"
[ "$(q 'select count(*) from disclosure')" -eq 1 ] || fail "--replace kept the old one"
[ "$(q 'select file from disclosure')" = "$TMP/copy.txt" ] || fail "--replace did not store the new one"
[ "$(q 'select count(*) from dcell')" -eq "$n0" ] || fail "--replace left cells behind"

# a server that is not there: a store error (exit 4) that hides the password
expect_exit 4 $YUSUAN check --db "postgresql://yusuan:topsecret@%2Fnonexistent-dir:5432/x"
has $TMP/e "连不上数据库"
hasnt $TMP/e "topsecret"
# a database with other tables is not taken over
psql -X -q "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli24other WITH (FORCE)" \
	-c "CREATE DATABASE cli24other" > /dev/null 2>&1 || fail "CREATE DATABASE"
psql -X -q "${YS_TEST_PG}cli24other" -c "CREATE TABLE accounts(id integer)" > /dev/null || fail "CREATE TABLE"
expect_exit 4 $YUSUAN import $SEED --db "${YS_TEST_PG}cli24other"
has $TMP/e "不是 yusuan 的数据库"

# any layout is stored whole: check --db gives what check FILE gives
expect_exit 0 $YUSUAN import tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf --db "$DB"
"$YUSUAN" check tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf --format json > $TMP/file.json
"$YUSUAN" check --db "$DB" --format json > $TMP/db.json
python3 - "$TMP/file.json" "$TMP/db.json" <<'PY' || fail "check --db differs from check FILE"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("file", None)
sys.exit(0 if a == b else 1)
PY
[ "$(q 'select count(*) from otable')" -gt 5 ] || fail "no table of another layout stored"
[ "$(q 'select count(*) from dprose')" -gt 10 ] || fail "no text outside the tables stored"

# build --db stores detail and tables; build --db alone rebuilds the same
expect_exit 0 $YUSUAN build examples/2026-beijing-jiguan-shiwu --db "$DB" -o $TMP/b1 --quiet
expect_exit 0 $YUSUAN build --db "$DB" -o $TMP/b2 --quiet
cmp -s $TMP/b1/tables.txt $TMP/b2/tables.txt || fail "the rebuilt tables differ"
[ "$(q 'select count(*) from budget where disclosure_id is not null')" -eq 1 ] || fail "budget not stored"
[ "$(q 'select count(*) from bitem')" -eq 125 ] || fail "items not stored"

# two processes import at once: both succeed, nothing lost, ids distinct
before=$(q "select count(*) from disclosure")
for i in 1 2 3 4; do
	cp $SEED $TMP/at-once-$i.txt
	printf '\n%.0s' $(seq $i) >> $TMP/at-once-$i.txt # another file, the same tables
done
( for i in 1 2; do $YUSUAN import $TMP/at-once-$i.txt --db "$DB" || echo fail; done > $TMP/p1 2>&1 ) &
( for i in 3 4; do $YUSUAN import $TMP/at-once-$i.txt --db "$DB" || echo fail; done > $TMP/p2 2>&1 ) &
wait
cat $TMP/p1 $TMP/p2 > $TMP/o
hasnt $TMP/o "fail"
[ "$(grep -c '公开文件编号' $TMP/o)" -eq 4 ] || fail "not every import reported its id"
[ "$(sed -n 's/.*公开文件编号 \([0-9]*\)：.*/\1/p' $TMP/o | sort -u | wc -l)" -eq 4 ] || fail "ids not distinct"
[ "$(q 'select count(*) from disclosure')" -eq $((before + 4)) ] || fail "an import was lost"
[ "$(q "select count(*) from dcell c join disclosure d on d.id = c.disclosure_id where d.file like '%at-once-%'")" \
	-eq $((4 * n0)) ] || fail "cells were lost"
# storage.md: its example of a line with its PostgreSQL form after "-- pg:"
# becomes that form; a word only SQLite knows stops the build
grep '^    SELECT printf' docs/storage.md | scripts/schema-pg.sh > $TMP/o 2> $TMP/e || fail "schema-pg.sh refused the example"
has $TMP/o "    SELECT lpad((tid + 1)::text, 2, '0') AS code,"
hasnt $TMP/o "printf"
echo "SELECT group_concat(title) FROM dtable;" | scripts/schema-pg.sh > $TMP/o 2> $TMP/e && fail "schema-pg.sh let group_concat through"
has $TMP/e "schema.sql:1:"
psql -X -q "${YS_TEST_PG}postgres" -c "DROP DATABASE cli24 WITH (FORCE)" -c "DROP DATABASE cli24other WITH (FORCE)" \
	> /dev/null 2>&1
exit 0
