# The store as a dataset: every example query of docs/dataset.md runs on a
# database of three disclosures and gives the result the page shows; on
# PostgreSQL too when a server can be started here (the same views, the
# same results); query, rank and the Fiscal Data Package
. tests/cli/lib.sh
DB=$TMP/ds.db
expect_exit 0 $YUSUAN build examples/2026-beijing-jiguan-shiwu --db $DB -o $TMP/out
sed -e '360s/2026/2025/' -e '53s/867\.596000\t867\.596000/800.000000\t800.000000/' \
    -e '267s/^25\.400000\t\t16\.000000\t9\.400000\t\t9\.400000/30.000000\t5.000000\t15.600000\t9.400000\t\t9.400000/' \
    $SEED > $TMP/last.txt
expect_exit 0 $YUSUAN import $TMP/last.txt --db $DB
expect_exit 0 $YUSUAN import tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf --db $DB
[ "$(sqlite3 $DB 'pragma user_version')" -eq "$(sed -n 's/^#define YS_SCHEMA_VERSION \([0-9]*\).*/\1/p' include/yusuan/store.h)" ] || fail "schema version"

# the examples: a ```sql block, then the ```text block of its result
awk -v dir="$TMP" '
/^```sql$/ { n++; f = dir "/q" n ".sql"; mode = 1; next }
/^```text$/ && n && !done[n] { f = dir "/q" n ".expected"; mode = 2; printf "" > f; next }
/^```$/ { if (mode == 2) done[n] = 1; mode = 0; next }
mode { print > f }
' docs/dataset.md
nq=$(ls $TMP/q*.sql | wc -l)
[ "$nq" -ge 8 ] || fail "docs/dataset.md has $nq example queries"
for q in $TMP/q*.sql; do
	e=${q%.sql}.expected
	[ -f "$e" ] || fail "$q: no result shown in docs/dataset.md"
	sqlite3 -batch $DB < "$q" > ${q%.sql}.sqlite 2>&1 || { cat ${q%.sql}.sqlite; fail "$q failed on SQLite"; }
	cmp -s ${q%.sql}.sqlite "$e" || { cat "$q"; diff "$e" ${q%.sql}.sqlite; fail "$q: docs/dataset.md shows another result"; }
done

# PostgreSQL: a throw-away server, the tables as schema.sql has them (BIGINT
# for INTEGER), the rows copied, the v5 views created as written
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)
# the server runs as its own user when we are root (it refuses root), as us otherwise
if [ "$(id -u)" -eq 0 ]; then AS="runuser -u postgres --"; id postgres >/dev/null 2>&1 || PGBIN=; else AS=; fi
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && command -v psql >/dev/null; then
	# a folder the server's user can reach (the scratch folder is root's own)
	PGD=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-dataset-pg.XXXXXX") && chmod 755 $PGD || fail "a folder for PostgreSQL"
	[ -z "$AS" ] || chown postgres $PGD || fail "a folder for PostgreSQL"
	$AS $PGBIN/initdb -D $PGD/data -U yusuan --auth=trust -E UTF8 --locale=C.UTF-8 > $PGD/init.log 2>&1 ||
		fail "initdb: $(tail -3 $PGD/init.log)"
	$AS $PGBIN/pg_ctl -D $PGD/data -o "-k $PGD -c listen_addresses=''" -l $PGD/log -w start > /dev/null ||
		fail "postgres did not start: $(tail -3 $PGD/log)"
	trap '$AS $PGBIN/pg_ctl -D $PGD/data -m immediate stop > /dev/null 2>&1; rm -rf $PGD' EXIT
	PSQL="psql -X -q -h $PGD -U yusuan -d postgres -v ON_ERROR_STOP=1"
	# (a line's PostgreSQL form after "-- pg:" in its place, as scripts/schema-pg.sh does)
	sed -E '/-- pg:/s/^([[:space:]]*).*-- pg: ?/\1/' src/store/schema.sql |
	sed -e 's/) WITHOUT ROWID;/);/' -e "s/DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))/DEFAULT ''/" \
	    -e 's/\bINTEGER\b/BIGINT/g' -e '/^PRAGMA/d' > $PGD/schema.sql
	$PSQL -f $PGD/schema.sql > $PGD/schema.log 2>&1 || fail "the schema on PostgreSQL: $(grep -m3 ERROR $PGD/schema.log)"
	for t in disclosure dtable dheader drow dcell budget bfile bunit bincome bproject bindicator bitem bother \
	         otable ocolumn orow ocell dprose dunread; do
		sqlite3 -batch -csv $DB "SELECT * FROM $t" | $PSQL -c "\\copy $t FROM STDIN WITH (FORMAT csv)" ||
			fail "copying $t to PostgreSQL"
	done
	for q in $TMP/q*.sql; do
		$PSQL -A -t -F '|' -f "$q" > ${q%.sql}.pg 2>&1 || { cat ${q%.sql}.pg; fail "$q failed on PostgreSQL"; }
		cmp -s ${q%.sql}.pg ${q%.sql}.sqlite || { diff ${q%.sql}.sqlite ${q%.sql}.pg; fail "$q: PostgreSQL differs from SQLite"; }
	done
	echo "PostgreSQL: $nq queries agree"
else
	echo "PostgreSQL: no server here, skipped"
fi

# yusuan query: totals as the views say them, shares, change from the year before
sum_of() { sqlite3 -batch $DB "SELECT sum(fen) FROM ys_spending WHERE fund = 'all' AND $1"; }
y26=$(sum_of "year = 2026")
y25=$(sum_of "year = 2025")
expect_exit 0 $YUSUAN query --db $DB --by year --format csv
has $TMP/o "year,fen,wanyuan,share,previous_fen,change_fen,change_pct"
has $TMP/o "2026,$y26,"
has $TMP/o ",100.0%,$y25,$((y26 - y25)),+0.2%"
expect_exit 0 $YUSUAN query --db $DB --year 2026 --by func_class,kind
has $TMP/o "201             project    8,678.090000  24.4%"
expect_exit 0 $YUSUAN query --db $DB --year 2026 --func 201 --by func_kuan,func_xiang --format json
has $TMP/o '"func_xiang": "2010350"'
hasnt $TMP/o '"func_kuan": "20508"'
expect_exit 0 $YUSUAN query --db $DB --year 2026 --fund gp --by unit
has $TMP/o "第一幼儿园"
expect_exit 0 $YUSUAN query --db $DB --year 2025 --fund gp --by unit
has $TMP/o "第2块"
expect_exit 2 $YUSUAN query --db $DB --by colour
has $TMP/e "未知的维度“colour”"
expect_exit 2 $YUSUAN query --by year
expect_exit 0 $YUSUAN query --db $DB --by year,department,func_class --datapackage $TMP/fdp
has $TMP/fdp/datapackage.json '"profile": "fiscal-data-package"'
has $TMP/fdp/datapackage.json '"columnType": "functional-classification:generic:level1:code"'
has $TMP/fdp/spending.csv "year,department,func_class,amount,fen,currency,direction,phase"
has $TMP/fdp/spending.csv "2026,北京市机关事务管理中心,201,277245380.52,27724538052,CNY,expenditure,approved"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" $TMP/fdp/datapackage.json || fail "datapackage.json is not JSON"

# yusuan rank
expect_exit 0 $YUSUAN rank --db $DB sangong --year 2026
has $TMP/o "北京市机关事务管理中心  2026"
expect_exit 0 $YUSUAN rank --db $DB change
has $TMP/o "2026年比2025年"
has $TMP/o "   1  201             一般公共服务支出"
expect_exit 0 $YUSUAN rank --db $DB project-share --year 2024 --format json
share=$(sqlite3 -batch $DB "SELECT (sum(CASE WHEN kind = 'project' THEN fen ELSE 0 END) * 2000 / sum(fen) + 1) / 2
                             FROM ys_spending WHERE fund = 'all' AND year = 2024")
has $TMP/o "\"share_tenths\": $share,"
expect_exit 2 $YUSUAN rank --db $DB biggest
