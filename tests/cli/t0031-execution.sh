# 预算 and 决算 (schema v7, docs/dataset.md): ys_phase tells a 决算 from a
# 预算; ys_execution puts a department's budget and outturn of one year side
# by side by 功能分类 类 and 部门经济分类 类 - the outturn what the 决算's own
# class rows print, each 分 once - on SQLite and on PostgreSQL (the
# throwaway server of tests/pg/run.sh), the same rows
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
FINAL=tests/fixtures/corpus/2024_shpt_guihuaziyuanju_juesuan.pdf
DB=$TMP/e.db
s() { sqlite3 -batch "$DB" "$1" || fail "sqlite3: $1"; }
expect_exit 0 $YUSUAN import $FINAL --db $DB
[ "$(s 'pragma user_version')" -eq "$(sed -n 's/^#define YS_SCHEMA_VERSION \([0-9]*\).*/\1/p' include/yusuan/store.h)" ] || fail "schema version"
[ "$(s 'select phase from ys_phase')" = final ] || fail "the 决算 is not a final"
# a department and year with a 决算 only: nothing to set it against
[ "$(s 'select count(*) from ys_execution')" -eq 0 ] || fail "execution without a budget"
sqlite3 -batch $DB < tests/fixtures/execution/budget-from-final.sql || fail "the budget"
[ "$(s 'select group_concat(phase) from (select phase from ys_phase order by disclosure_id)')" = "final,budget" ] ||
	fail "phases"
Q='SELECT dimension, code, budget_fen, final_fen, rate_permille FROM ys_execution ORDER BY dimension, code'
s "$Q" > $TMP/sqlite.txt
[ "$(grep -c '^func_class|' $TMP/sqlite.txt)" -eq 5 ] || { cat $TMP/sqlite.txt; fail "not the five 类 of spending"; }
[ "$(grep -c '^econ_class|' $TMP/sqlite.txt)" -eq 4 ] || { cat $TMP/sqlite.txt; fail "not the four economic classes"; }
# the outturn of each 类 is the 支出决算表's own 类 row (合计); the budget is
# twice it (the copy), executed at 500 ‰
s "SELECT func_code, fen FROM ys_amount WHERE disclosure_id = 1 AND table_kind = 'expend' AND row_kind = 'data'
   AND length(func_code) = 3 AND rtrim(column_id, '0123456789') = 'total' ORDER BY func_code" > $TMP/rows.txt
[ "$(wc -l < $TMP/rows.txt)" -eq 5 ] || { cat $TMP/rows.txt; fail "the 决算's 类 rows"; }
while IFS='|' read code fen; do
	has $TMP/sqlite.txt "func_class|$code|$((2 * fen))|$fen|500"
done < $TMP/rows.txt
# economic classes from their 款 rows (301's thirteen), the 类 row not
# counted again (303: its 30302, 310: its 31002)
has $TMP/sqlite.txt "econ_class|301|$((2 * $(s "SELECT sum(fen) FROM ys_amount WHERE disclosure_id = 1 AND table_kind = 'gp_basic' AND econ_code LIKE '301__' AND column_id LIKE 'total%'")))|"
has $TMP/sqlite.txt "econ_class|303|135920000|67960000|500"
has $TMP/sqlite.txt "econ_class|310|79520000|39760000|500"
# a second budget of the year (1.5 times the outturn) replaces the first;
# the rate rounds half up: 67960000 of 101940000 is 666.67 ‰
sed -e 's/SELECT 2,/SELECT 3,/' -e "s/'b'/'c'/" -e 's/fen \* 2,/fen * 3 \/ 2,/' \
	tests/fixtures/execution/budget-from-final.sql > $TMP/second.sql
grep -q 'SELECT 3,' $TMP/second.sql && grep -q 'fen \* 3 / 2,' $TMP/second.sql || fail "the second budget's SQL"
sqlite3 -batch $DB < $TMP/second.sql || fail "the second budget"
has /dev/stdin "econ_class|303|101940000|67960000|667" <<EOT
$(s "$Q")
EOT
[ "$(s 'select count(*) from ys_execution')" -eq 9 ] || fail "two budgets counted"

# PostgreSQL: the same import, the same budget, the same rows
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$PG" -c "$1" || fail "psql: $1"; }
psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli31 WITH (FORCE)" \
	-c "CREATE DATABASE cli31" > /dev/null 2>&1 || fail "CREATE DATABASE"
PG="${YS_TEST_PG}cli31"
expect_exit 0 $YUSUAN import $FINAL --db "$PG"
psql -X -q -v ON_ERROR_STOP=1 "$PG" -f tests/fixtures/execution/budget-from-final.sql > /dev/null || fail "the budget on PostgreSQL"
q "$Q" > $TMP/pg.txt
cmp -s $TMP/sqlite.txt $TMP/pg.txt || { diff $TMP/sqlite.txt $TMP/pg.txt; fail "PostgreSQL differs from SQLite"; }
psql -X -q "${YS_TEST_PG}postgres" -c "DROP DATABASE cli31 WITH (FORCE)" > /dev/null 2>&1
# docs/dataset.md shows these rows
sed -n 's/^    \(\(econ\|func\)_class|.*\)$/\1/p' docs/dataset.md > $TMP/doc.txt
cmp -s $TMP/doc.txt $TMP/sqlite.txt || { diff $TMP/doc.txt $TMP/sqlite.txt; fail "docs/dataset.md shows other rows"; }
