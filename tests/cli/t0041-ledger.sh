# The ledger of what is due (docs/api.md) on SQLite and on PostgreSQL (a
# throwaway server, tests/pg/run.sh): four departments set up to be each in
# one state (已提交, 逾期提交, 未提交, 逾期未提交, by due dates before and after
# the store's today), one that uploaded without being expected, who may do
# what, the audit rows of changes, a CSV import; the audit log refuses
# UPDATE and DELETE on both stores; a general-layout document's page draws
# its tables as `yusuan show -o DIR` draws g01.html …
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
. tests/cli/servelib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
SEEDDEPT=北京市机关事务管理中心
GEN=tests/fixtures/corpus2026/fz_11.pdf
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null; wait "$p" 2> /dev/null; done; }
trap cleanup EXIT

start() {
	rm -f "$TMP/$2.fifo"
	mkfifo "$TMP/$2.fifo"
	$YUSUAN serve --db "$1" --listen 127.0.0.1:0 --threads 2 > "$TMP/$2.fifo" 2> "$TMP/$2.err" &
	PIDS="$PIDS $!"
	read -r line < "$TMP/$2.fifo"
	URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
	[ -n "$URL" ] || { cat "$TMP/$2.err"; fail "serve did not start on $1"; }
}
jget() { $PY -c "import json,sys; d=json.load(open('$TMP/b')); print($1)"; }
# dates around today (UTC, the stores' clock)
PAST=$($PY -c 'import datetime as d; print((d.datetime.now(d.timezone.utc).date() - d.timedelta(days=3)).isoformat())')
FUTURE=$($PY -c 'import datetime as d; print((d.datetime.now(d.timezone.utc).date() + d.timedelta(days=30)).isoformat())')
# the seed as other departments' documents
for d in 按时部门 迟交部门 编外部门; do
	sed "s/$SEEDDEPT/$d/g" $SEED > "$TMP/$d.txt"
done
# the general layout's tables as show draws them
expect_exit 0 $YUSUAN show $GEN -o $TMP/show --format html

suite() {
	DB=$1
	echo "== $DB"
	printf 'admin-pass\n' | $YUSUAN user add 管理 --role admin --db "$DB" > /dev/null || fail "user add"
	printf 'review-pass\n' | $YUSUAN user add 审核 --role reviewer --db "$DB" > /dev/null || fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 编辑 --role editor --department 按时部门 --department 迟交部门 \
		--db "$DB" > /dev/null || fail "user add"
	printf 'viewer-pass\n' | $YUSUAN user add 读者 --role viewer --db "$DB" > /dev/null || fail "user add"
	start "$DB" a
	A=$(login 管理 admin-pass)
	R=$(login 审核 review-pass)
	E=$(login 编辑 editor-pass)
	V=$(login 读者 viewer-pass)

	# documents: two expected departments and one not expected
	for d in 按时部门 迟交部门 编外部门; do
		[ "$(code POST "${URL}api/v1/documents?name=$d.txt" -H "Authorization: Bearer $A" --data-binary @"$TMP/$d.txt")" = 201 ] ||
			fail "upload $d: $(cat $TMP/b)"
	done
	Y=$(jget 'd["year"]')
	[ "$(jget 'd["department"]')" = 编外部门 ] || fail "the seed's department not changed"

	# the ledger: two by the API (one changed after), two by a CSV import
	add() { code POST "${URL}api/v1/ledger" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
		--data-raw "{\"department\":\"$2\",\"year\":$Y,\"due\":\"$3\"}"; }
	[ "$(add "$A" 按时部门 "$PAST")" = 201 ] || fail "ledger add: $(cat $TMP/b)"
	[ "$(add "$A" 按时部门 "$FUTURE")" = 200 ] || fail "ledger change: $(cat $TMP/b)"
	[ "$(jget 'd["changed"], d["added"]')" = "True False" ] || fail "ledger change answer"
	[ "$(add "$A" 按时部门 "$FUTURE")" = 200 ] || fail "ledger same again"
	[ "$(add "$A" 迟交部门 "$PAST")" = 201 ] || fail "ledger add 2"
	# refused: roles, bad dates, names, years; nothing stored by them
	[ "$(add "$R" 别的 "$PAST")" = 403 ] || fail "a reviewer added to the ledger"
	[ "$(add "$E" 按时部门 "$PAST")" = 403 ] || fail "an editor changed the ledger"
	[ "$(add "$V" 别的 "$PAST")" = 403 ] || fail "a viewer added to the ledger"
	[ "$(add "" 别的 "$PAST")" = 401 ] || fail "anonymous added to the ledger"
	[ "$(add "$A" 别的 "$Y-02-30")" = 400 ] || fail "February 30th"
	has $TMP/b "YYYY-MM-DD"
	[ "$(add "$A" 别的 "$Y-2-1")" = 400 ] || fail "a short date"
	[ "$(add "$A" " 别的" "$PAST")" = 400 ] || fail "a name with a space"
	[ "$(code POST "${URL}api/v1/ledger" -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
		--data-raw "{\"department\":\"别的\",\"year\":99999,\"due\":\"$PAST\"}")" = 400 ] || fail "year 99999"
	# a CSV whose third row is bad stores none of its rows
	printf '\357\273\277部门,年度,截止日期\r\n未交部门,%s,%s\r\n缺交部门,%s,%s-13-01\r\n' "$Y" "$FUTURE" "$Y" "$Y" > $TMP/bad.csv
	[ "$(code POST "${URL}api/v1/ledger/import?name=bad.csv" -H "Authorization: Bearer $A" --data-binary @$TMP/bad.csv)" = 400 ] ||
		fail "bad CSV: $(cat $TMP/b)"
	has $TMP/b "bad.csv:3:1"
	printf '\357\273\277部门,年度,截止日期\r\n未交部门,%s,%s\r\n"缺交部门",%s,%s\r\n\r\n迟交部门,%s,%s\r\n' \
		"$Y" "$FUTURE" "$Y" "$PAST" "$Y" "$PAST" > $TMP/list.csv
	[ "$(code POST "${URL}api/v1/ledger/import" -H "Authorization: Bearer $R" --data-binary @$TMP/list.csv)" = 403 ] ||
		fail "a reviewer imported"
	[ "$(code POST "${URL}api/v1/ledger/import" -H "Authorization: Bearer $A" --data-binary @$TMP/list.csv)" = 200 ] ||
		fail "CSV import: $(cat $TMP/b)"
	[ "$(jget 'd["added"], d["changed"], d["unchanged"]')" = "2 0 1" ] || fail "CSV import answer: $(cat $TMP/b)"

	# each department in its state; the one not expected apart
	[ "$(code GET "${URL}api/v1/ledger?year=$Y" -H "Authorization: Bearer $R")" = 200 ] || fail "ledger: $(cat $TMP/b)"
	$PY - "$TMP/b" "$FUTURE" "$PAST" <<-'PY' || fail "ledger states: $(cat $TMP/b)"
		import json, sys
		d = json.load(open(sys.argv[1]))
		future, past = sys.argv[2:4]
		got = {r["department"]: (r["state"], r["due"], r["document"] is not None, r["workflow"]) for r in d["ledger"]}
		want = {"按时部门": ("已提交", future, True, "编制"), "迟交部门": ("逾期提交", past, True, "编制"),
		        "未交部门": ("未提交", future, False, "编制"), "缺交部门": ("逾期未提交", past, False, "编制")}
		assert got == want, got
		assert d["counts"] == {"on_time": 1, "late": 1, "pending": 1, "missing": 1}, d["counts"]
		assert [r["department"] for r in d["unexpected"]] == ["编外部门"], d["unexpected"]
		on = [r for r in d["ledger"] if r["department"] == "按时部门"][0]
		assert on["findings"]["errors"] == 0 and on["findings"]["warnings"] == 7, on
		assert past < d["today"] < future, d["today"]
	PY
	# an editor sees its departments only; a viewer none; another year is empty
	[ "$(code GET "${URL}api/v1/ledger?year=$Y" -H "Authorization: Bearer $E")" = 200 ] || fail "editor's ledger"
	[ "$(jget 'sorted(r["department"] for r in d["ledger"]), d["unexpected"]')" = "['按时部门', '迟交部门'] []" ] ||
		fail "editor sees: $(cat $TMP/b)"
	[ "$(code GET "${URL}api/v1/ledger?year=$Y" -H "Authorization: Bearer $V")" = 403 ] || fail "a viewer read the ledger"
	[ "$(code GET "${URL}api/v1/ledger?year=$Y")" = 401 ] || fail "anonymous read the ledger"
	[ "$(code GET "${URL}api/v1/ledger?year=abc" -H "Authorization: Bearer $A")" = 400 ] || fail "year abc"
	[ "$(code GET "${URL}api/v1/ledger?year=1999" -H "Authorization: Bearer $A")" = 200 ] || fail "an empty year"
	[ "$(jget 'len(d["ledger"]), len(d["unexpected"])')" = "0 0" ] || fail "1999 not empty"

	# the audit rows: two registered by the API, one changed, two imported
	[ "$(code GET "${URL}api/v1/audit?limit=1000" -H "Authorization: Bearer $A")" = 200 ] || fail "audit"
	$PY - "$TMP/b" "$Y" "$PAST" "$FUTURE" <<-'PY' || fail "ledger audit rows: $(cat $TMP/b)"
		import json, sys
		d = json.load(open(sys.argv[1]))
		y, past, future = sys.argv[2:5]
		rows = [(a["action"], a["object"], a["before"], a["after"], a["user"]) for a in reversed(d["audit"])
		        if a["object"].startswith("应交")]
		want = [("登记应交", f"应交 按时部门 {y}年", "", f"截止 {past}", "管理"),
		        ("改应交", f"应交 按时部门 {y}年", f"截止 {past}", f"截止 {future}", "管理"),
		        ("登记应交", f"应交 迟交部门 {y}年", "", f"截止 {past}", "管理"),
		        ("登记应交", f"应交 未交部门 {y}年", "", f"截止 {future}", "管理"),
		        ("登记应交", f"应交 缺交部门 {y}年", "", f"截止 {past}", "管理")]
		assert rows == want, rows
	PY

	# the page: by role, and its form by cookie with the CSRF token
	[ "$(code GET "${URL}ledger?year=$Y" -H "Authorization: Bearer $R")" = 200 ] || fail "ledger page"
	for s in 'id="ledger-table"' 'id="ledger-unexpected"' 'data-state="missing"' 'data-state="late"' \
		'data-state="on_time"' 'data-state="pending"' 'data-state="unexpected"' '<span id="ledger-count-late">逾期提交 1</span>' \
		'编外部门' 'id="nav-ledger"'; do
		has $TMP/b "$s"
	done
	hasnt $TMP/b 'id="ledger-add"'
	[ "$(code GET "${URL}ledger?year=$Y" -H "Authorization: Bearer $E")" = 200 ] || fail "editor's ledger page"
	hasnt $TMP/b '未交部门'
	[ "$(code GET "${URL}ledger" -H "Authorization: Bearer $V")" = 403 ] || fail "viewer's ledger page"
	rm -f $TMP/jar
	[ "$(code POST "${URL}login" -c $TMP/jar --data-raw 'name=%E7%AE%A1%E7%90%86&password=admin-pass')" = 303 ] || fail "form login"
	[ "$(code GET "${URL}ledger" -b $TMP/jar)" = 200 ] || fail "ledger page by cookie"
	has $TMP/b "<h2>${Y}年应交清单</h2>" # the newest year of the ledger
	for s in 'id="ledger-add"' 'id="ledger-department"' 'id="ledger-due"' 'id="ledger-import"' 'id="ledger-csv"'; do
		has $TMP/b "$s"
	done
	CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' $TMP/b | head -1)
	[ "$(code POST "${URL}ledger" -b $TMP/jar --data-raw "department=x&year=$Y&due=$FUTURE")" = 403 ] ||
		fail "ledger form without CSRF token"
	[ "$(code POST "${URL}ledger" -b $TMP/jar --data-raw "csrf=$CSRF&department=%E8%A1%A8%E5%8D%95%E9%83%A8%E9%97%A8&year=$Y&due=$FUTURE")" = 303 ] ||
		fail "ledger form: $(cat $TMP/b)"
	[ "$(code POST "${URL}ledger/import" -b $TMP/jar --data-urlencode "csrf=$CSRF" --data-urlencode "csv=导入部门,$Y,$PAST")" = 303 ] ||
		fail "ledger import form: $(cat $TMP/b)"
	[ "$(code GET "${URL}api/v1/ledger?year=$Y" -H "Authorization: Bearer $A")" = 200 ] || fail "ledger after the forms"
	[ "$(jget 'sorted((r["department"], r["state"]) for r in d["ledger"] if r["department"] in ("表单部门", "导入部门"))')" = "[('导入部门', '逾期未提交'), ('表单部门', '未提交')]" ] ||
		fail "the forms' entries: $(cat $TMP/b)"

	# a general-layout document's page holds its tables as show draws them
	[ "$(code POST "${URL}api/v1/documents?name=fz_11.pdf" -H "Authorization: Bearer $A" --data-binary @$GEN)" = 201 ] ||
		fail "upload $GEN: $(cat $TMP/b)"
	GDOC=$(jget 'd["id"]')
	[ "$(code GET "${URL}documents/$GDOC" -H "Authorization: Bearer $R")" = 200 ] || fail "general document page"
	$PY - "$TMP/b" "$TMP/show/html" <<-'PY' || fail "the page's general tables differ from show's"
		import glob, re, sys
		page = open(sys.argv[1], encoding="utf-8").read()
		pages = sorted(glob.glob(sys.argv[2] + "/g*.html"))
		assert len(pages) >= 2, pages
		marked = 0
		for p in pages:
		    t = re.search(r'<table class="budget" id="tg\d\d">.*?</table>', open(p, encoding="utf-8").read(), re.S).group(0)
		    assert t in page, p
		    marked += len(re.findall(r'<td[^>]*class="[^"]*error', t))
		assert marked >= 1, marked
	PY
	cleanup
	PIDS=""
}

# the audit log refuses UPDATE and DELETE with an error, not silently
suite "$TMP/s.db"
sqlite3 "$TMP/s.db" "DELETE FROM audit" > $TMP/o 2>&1 && fail "SQLite: DELETE FROM audit worked"
has $TMP/o "append-only"
sqlite3 "$TMP/s.db" "UPDATE audit SET after = 'x'" > $TMP/o 2>&1 && fail "SQLite: UPDATE audit worked"
has $TMP/o "append-only"
[ "$(sqlite3 "$TMP/s.db" "SELECT count(*) FROM audit WHERE object LIKE '应交%'")" = 7 ] || fail "SQLite: audit rows"
# the command line on the same store: add, import, list
expect_exit 0 $YUSUAN ledger add 命令行部门 --year "$Y" --due "$PAST" --db "$TMP/s.db"
has $TMP/o "命令行部门 ${Y}年：截止 $PAST（新登记）"
expect_exit 0 $YUSUAN ledger add 命令行部门 --year "$Y" --due "$PAST" --db "$TMP/s.db"
has $TMP/o "（与已登记的相同）"
expect_exit 3 $YUSUAN ledger add 命令行部门 --year "$Y" --due "$Y-02-30" --db "$TMP/s.db"
has $TMP/e "YYYY-MM-DD"
expect_exit 2 $YUSUAN ledger add 命令行部门 --due "$PAST" --db "$TMP/s.db"
expect_exit 3 $YUSUAN ledger import $TMP/bad.csv --db "$TMP/s.db"
has $TMP/e "bad.csv:3:1"
printf '部门,年度,截止日期\n缺交部门,%s,%s\n' "$Y" "$FUTURE" > $TMP/one.csv
expect_exit 0 $YUSUAN ledger import $TMP/one.csv --db "$TMP/s.db"
has $TMP/o "新登记 0 个，改了 1 个，0 个与已登记的相同"
expect_exit 0 $YUSUAN ledger list --year "$Y" --db "$TMP/s.db"
has $TMP/o "命令行部门	$Y	$PAST	逾期未提交	—	—	编制"
has $TMP/o "缺交部门	$Y	$FUTURE	未提交	—	—	编制"
has $TMP/o "迟交部门	$Y	$PAST	逾期提交	"
has $TMP/o "编外部门	$Y	—	未列入	"
[ "$(sqlite3 "$TMP/s.db" "SELECT count(*) FROM audit WHERE user_name = '（命令行）' AND object LIKE '应交%'")" = 2 ] ||
	fail "SQLite: the command line's audit rows"

psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli41 WITH (FORCE)" \
	-c "CREATE DATABASE cli41" > /dev/null 2>&1 || fail "CREATE DATABASE"
PG="${YS_TEST_PG}cli41"
suite "$PG"
psql -X -q -v ON_ERROR_STOP=1 "$PG" -c "DELETE FROM audit" > $TMP/o 2>&1 && fail "PostgreSQL: DELETE FROM audit worked"
has $TMP/o "append-only"
psql -X -q -v ON_ERROR_STOP=1 "$PG" -c "UPDATE audit SET after = 'x'" > $TMP/o 2>&1 && fail "PostgreSQL: UPDATE audit worked"
has $TMP/o "append-only"
[ "$(psql -X -q -t -A "$PG" -c "SELECT count(*) FROM audit WHERE object LIKE '应交%'")" = 7 ] || fail "PostgreSQL: audit rows"
echo ok
