# yusuan serve's editor of a stored detailed budget (docs/api.md, 预算明细) on
# SQLite and on PostgreSQL (a throwaway server, tests/pg/run.sh): an item
# changed from the version its editor saw, with its audit row; the tables
# built before and after differ by exactly that amount; two editors from one
# version: one saved, the other 409 with the first's value; a change that
# breaks a detail rule shows the rule's finding and the build refuses it;
# who may; refused requests change nothing; the pages with their ids.  On
# PostgreSQL two serve processes and 50 editors at once: 50 different items
# all saved with 50 audit rows, 50 saves of one item from one version: one.
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
. tests/cli/servelib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
EX=examples/2026-beijing-jiguan-shiwu
DEPT=北京市机关事务管理中心
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null; done; }
trap cleanup EXIT

# start DB NAME: a server on a free loopback port; its URL in $URL
start() {
	rm -f "$TMP/$2.fifo"
	mkfifo "$TMP/$2.fifo"
	$YUSUAN serve --db "$1" --listen 127.0.0.1:0 --threads 3 > "$TMP/$2.fifo" 2> "$TMP/$2.err" &
	PIDS="$PIDS $!"
	read -r line < "$TMP/$2.fifo"
	URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
	[ -n "$URL" ] || { cat "$TMP/$2.err"; fail "serve did not start on $1"; }
}
# post TOKEN PATH JSON: the status of a JSON POST, the body in $TMP/b
post() {
	code POST "$URL$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data-raw "$3"
}
jget() { $PY -c "import json,sys; d=json.load(open('$TMP/b')); print($1)"; }
# the budget as its editor sees it, in $TMP/budget.json
budget() {
	[ "$(code GET "${URL}api/v1/budgets/$BID" -H "Authorization: Bearer $E")" = 200 ] || fail "get budget: $(cat $TMP/b)"
	cp $TMP/b $TMP/budget.json
}
bget() { $PY -c "import json,sys; d=json.load(open('$TMP/budget.json')); print($1)"; }
# audit rows of changes to the budget, as JSON lines in $TMP/audit
audit() {
	[ "$(code GET "${URL}api/v1/audit?limit=10000" -H "Authorization: Bearer $A")" = 200 ] || fail "audit"
	$PY -c "import json, sys; sys.stdout.writelines(json.dumps(a, ensure_ascii=False) + '\n' for a in json.load(open('$TMP/b'))['audit']
		if a['action'] == '修改预算' and a['object'].startswith('预算 $BID '))" > $TMP/audit
}

suite() {
	DB=$1
	echo "== $DB"
	expect_exit 0 $YUSUAN build $EX --db "$DB" -o $TMP/out --quiet
	for u in "管理 admin" "审核 reviewer" "读者 viewer"; do
		set -- $u
		printf 'pass-word\n' | $YUSUAN user add $1 --role $2 --db "$DB" > /dev/null || fail "user add $1"
	done
	for u in 编辑 编辑二; do
		printf 'pass-word\n' | $YUSUAN user add $u --role editor --department $DEPT --db "$DB" > /dev/null ||
			fail "user add $u"
	done
	printf 'pass-word\n' | $YUSUAN user add 别的编辑 --role editor --department 别的部门 --db "$DB" > /dev/null ||
		fail "user add"
	start "$DB" a
	A=$(login 管理 pass-word)
	R=$(login 审核 pass-word)
	V=$(login 读者 pass-word)
	E=$(login 编辑 pass-word)
	E3=$(login 编辑二 pass-word)
	E2=$(login 别的编辑 pass-word)

	# the stored budget, as `yusuan build --db` stored it
	[ "$(code GET "${URL}api/v1/budgets" -H "Authorization: Bearer $E")" = 200 ] || fail "list: $(cat $TMP/b)"
	[ "$(jget 'len(d["budgets"]), d["budgets"][0]["department"], d["budgets"][0]["version"]')" = "1 $DEPT 0" ] ||
		fail "list: $(cat $TMP/b)"
	BID=$(jget 'd["budgets"][0]["id"]')
	budget
	# as many rows as the example's CSV files have (a comment and a header line each)
	rows() { echo $(($(cat "$@" | wc -l) - 2 * $#)); }
	[ "$(bget 'len(d["items"]), len(d["projects"]), len(d["indicators"]), d["summary"]["errors"]')" = \
		"$(rows $EX/items.csv) $(rows $EX/projects.csv) $(rows $EX/indicators.csv $EX/performance.csv) 0" ] ||
		fail "the budget's rows: $(head -c 300 $TMP/budget.json)"
	A1=$(bget 'd["items"][1]["amount_fen"]')
	# the tables as built now (the server's build of the unchanged budget)
	[ "$(post "$E" "api/v1/budgets/$BID/build" '{}')" = 201 ] || fail "build: $(cat $TMP/b)"
	DOC1=$(jget 'd["document"]')

	# who may: another department's editor, a viewer, a reviewer (sees, does not change)
	[ "$(post "$E2" "api/v1/budgets/$BID/items/1" '{"version":0,"amount":"1.000000"}')" = 403 ] || fail "other editor saved"
	[ "$(post "$V" "api/v1/budgets/$BID/items/1" '{"version":0,"amount":"1.000000"}')" = 403 ] || fail "viewer saved"
	[ "$(post "$R" "api/v1/budgets/$BID/items/1" '{"version":0,"amount":"1.000000"}')" = 403 ] || fail "reviewer saved"
	[ "$(post "$E2" "api/v1/budgets/$BID/build" '{}')" = 403 ] || fail "other editor built"
	[ "$(post "$V" "api/v1/budgets/$BID/build" '{}')" = 403 ] || fail "viewer built"
	[ "$(code GET "${URL}api/v1/budgets/$BID" -H "Authorization: Bearer $E2")" = 403 ] || fail "other editor saw it"
	[ "$(code GET "${URL}api/v1/budgets/$BID" -H "Authorization: Bearer $V")" = 403 ] || fail "viewer saw it"
	[ "$(code GET "${URL}budgets" -H "Authorization: Bearer $V")" = 403 ] || fail "viewer saw the list page"
	[ "$(code GET "${URL}budgets/$BID" -H "Authorization: Bearer $E2")" = 403 ] || fail "other editor saw the page"
	[ "$(code GET "${URL}api/v1/budgets/$BID" -H "Authorization: Bearer $R")" = 200 ] || fail "reviewer did not see it"
	[ "$(code GET "${URL}api/v1/budgets" -H "Authorization: Bearer $E2")" = 200 ] || fail "other editor's list"
	[ "$(jget 'len(d["budgets"])')" = 0 ] || fail "other editor listed it"
	[ "$(code POST "${URL}api/v1/budgets/$BID/items/1" -H 'Content-Type: application/json' --data-raw '{}')" = 401 ] ||
		fail "anonymous"
	# refused as given: no version, not an amount, not a code, a field items do not have, no such row
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"amount":"1.000000"}')" = 400 ] || fail "no version"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"version":0,"amount":"1.0000001"}')" = 400 ] || fail "7 decimals"
	has $TMP/b "金额"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"version":0,"amount":"1e3"}')" = 400 ] || fail "1e3"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"version":0,"func":"201035"}')" = 400 ] || fail "6-digit func"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"version":0,"name":"x"}')" = 400 ] || fail "a field items lack"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" "{\"version\":0,\"amount\":\"1'); DROP TABLE bitem; --\"}")" = 400 ] ||
		fail "SQL as an amount"
	[ "$(post "$E" "api/v1/budgets/$BID/items/125" '{"version":0,"amount":"1.000000"}')" = 404 ] || fail "item 125"
	[ "$(post "$E" "api/v1/budgets/$BID/incomes/9" '{"version":0,"amount":"1.000000"}')" = 404 ] || fail "income 9"
	[ "$(post "$E" "api/v1/budgets/999999/items/1" '{"version":0,"amount":"1.000000"}')" = 404 ] || fail "budget 999999"
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" '{"version":3,"amount":"1.000000"}')" = 409 ] || fail "version 3 of 0"
	# nothing of that changed anything
	budget
	[ "$(bget 'd["version"], d["items"][1]["amount_fen"], d["items"][1]["version"], d["items"][1]["func"]')" = "0 $A1 0 2010350" ] ||
		fail "a refused request changed the budget: $(head -c 400 $TMP/budget.json)"
	audit
	[ ! -s $TMP/audit ] || fail "audit rows of refused changes: $(cat $TMP/audit)"

	# two editors change item 1 from version 0: the first is saved, the
	# second gets 409 and the first's value; the audit row says who, before
	# and after
	NEW1=$($PY -c "print('%d.%06d' % divmod($A1 + 1000000, 1000000))")
	NEW2=$($PY -c "print('%d.%06d' % divmod($A1 + 2000000, 1000000))")
	[ "$(post "$E" "api/v1/budgets/$BID/items/1" "{\"version\":0,\"amount\":\"$NEW1\"}")" = 200 ] || fail "save: $(cat $TMP/b)"
	[ "$(jget 'd["version"], d["budget_version"], d["after"]["amount_fen"] - d["before"]["amount_fen"]')" = "1 1 1000000" ] ||
		fail "saved: $(cat $TMP/b)"
	# the budget's income no longer equals its spending: detail.balance at
	# the income row, shown in the answer
	[ "$(jget '[(f["severity"], f.get("row")) for f in d["findings"] if f["rule"] == "detail.balance"]')" = \
		"[('error', {'kind': 'income', 'n': 0})]" ] || fail "detail.balance not shown: $(cat $TMP/b)"
	[ "$(post "$E3" "api/v1/budgets/$BID/items/1" "{\"version\":0,\"amount\":\"$NEW2\"}")" = 409 ] ||
		fail "a second save from version 0: $(cat $TMP/b)"
	[ "$(jget 'd["version"], d["current"]["amount"], d["current"]["amount_fen"]')" = "1 $NEW1 $((A1 + 1000000))" ] ||
		fail "the 409 does not show the first's change: $(cat $TMP/b)"
	audit
	[ "$(wc -l < $TMP/audit)" = 1 ] || fail "audit rows: $(cat $TMP/audit)"
	$PY - $TMP/audit "$BID" "$A1" <<-'PY' || fail "the audit row: $(cat $TMP/audit)"
		import json, sys
		a = json.loads(open(sys.argv[1]).read())
		b, c = json.loads(a["before"]), json.loads(a["after"])
		sys.exit(0 if a["user"] == "编辑" and a["object"] == f"预算 {sys.argv[2]} 明细 1" and b["amount_fen"] == int(sys.argv[3])
		         and c["amount_fen"] == int(sys.argv[3]) + 1000000 else 1)
	PY
	# a detail with errors is not built
	[ "$(post "$E" "api/v1/budgets/$BID/build" '{}')" = 422 ] || fail "built with detail.balance: $(cat $TMP/b)"
	has $TMP/b "detail.balance"
	# a code the catalog does not know: detail.codes at item 2
	[ "$(post "$E3" "api/v1/budgets/$BID/items/2" '{"version":0,"econ":"30188"}')" = 200 ] || fail "econ: $(cat $TMP/b)"
	[ "$(jget '[f.get("row") for f in d["findings"] if f["rule"] == "detail.codes"]')" = "[{'kind': 'item', 'n': 2}]" ] ||
		fail "detail.codes not shown at item 2: $(cat $TMP/b)"
	[ "$(post "$E3" "api/v1/budgets/$BID/items/2" '{"version":1,"econ":"30102"}')" = 200 ] || fail "econ back"
	[ "$(jget 'd["version"], [f["rule"] for f in d["findings"] if f["rule"] == "detail.codes"]')" = "2 []" ] ||
		fail "detail.codes stays: $(cat $TMP/b)"
	# the income follows: the budget balances again and builds; every
	# amount of the tables that changed changed by exactly the item's
	INC=$(bget 'd["income"][0]["amount_fen"]')
	[ "$(bget 'd["income"][0]["n"], d["income"][0]["fund"]')" = "0 一般公共预算" ] || fail "income 0"
	[ "$(post "$E" "api/v1/budgets/$BID/incomes/0" "{\"version\":0,\"amount\":\"$($PY -c "print('%d.%06d' % divmod($INC + 1000000, 1000000))")\"}")" = 200 ] ||
		fail "income: $(cat $TMP/b)"
	[ "$(jget 'd["summary"]["errors"], d["budget_version"]')" = "0 4" ] || fail "after the income: $(cat $TMP/b)"
	[ "$(post "$E" "api/v1/budgets/$BID/build" '{}')" = 201 ] || fail "build: $(cat $TMP/b)"
	DOC2=$(jget 'd["document"]')
	for d in $DOC1 $DOC2; do
		[ "$(code GET "${URL}api/v1/documents/$d?tables=1" -H "Authorization: Bearer $E")" = 200 ] || fail "doc $d"
		cp $TMP/b $TMP/doc$d.json
	done
	$PY - $TMP/doc$DOC1.json $TMP/doc$DOC2.json <<-'PY' || fail "the tables did not change by the item's amount"
		import json, sys
		def cells(p):
		    out = {}
		    for t in json.load(open(p))["document"]["tables"]:
		        for i, r in enumerate(t["rows"]):
		            for c, v in r["cells"].items():
		                if "fen" in v:
		                    out[(t["id"], i, r.get("label", ""), c)] = v["fen"]
		    return out
		a, b = cells(sys.argv[1]), cells(sys.argv[2])
		changed = {k: b[k] - a[k] for k in a if k in b and a[k] != b[k]}
		print(len(changed), "cells changed, by", set(changed.values()))
		income = [k for k in changed if k[0] == "01" and k[2] == "一般公共预算拨款收入" and k[3] == "in_amount"]
		sys.exit(0 if a.keys() == b.keys() and changed and set(changed.values()) == {1000000} and income else 1)
	PY
	[ "$(code GET "${URL}api/v1/budgets" -H "Authorization: Bearer $A")" = 200 ] || fail "list"
	[ "$(jget 'd["budgets"][0]["document"], d["budgets"][0]["version"], d["budgets"][0]["changed_by"]')" = "$DOC2 4 编辑" ] ||
		fail "the list after the build: $(cat $TMP/b)"

	# a project and an indicator (the second of the first project's: after
	# the unit-wide ones of table 13) change as items do
	[ "$(post "$E" "api/v1/budgets/$BID/projects/2" '{"version":0,"name":"改过的项目名称","disclosed":"否"}')" = 200 ] ||
		fail "project: $(cat $TMP/b)"
	[ "$(jget 'd["after"]["name"], d["after"]["disclosed"], d["before"]["disclosed"]')" = "改过的项目名称 False True" ] ||
		fail "project: $(cat $TMP/b)"
	IND=$(bget 'len([i for i in d["indicators"] if i["project"] == ""]) + 1')
	[ "$(post "$E" "api/v1/budgets/$BID/indicators/$IND" '{"version":0,"value":"98","op":"≥"}')" = 200 ] ||
		fail "indicator: $(cat $TMP/b)"
	[ "$(jget 'd["before"]["l3"] == d["after"]["l3"], d["after"]["value"], d["after"]["op"]')" = "True 98 ≥" ] ||
		fail "indicator: $(cat $TMP/b)"
	budget
	[ "$(bget "d['projects'][2]['name'], d['indicators'][$IND]['value'], d['indicators'][$IND]['project'] == d['projects'][0]['code']")" = \
		"改过的项目名称 98 True" ] || fail "project and indicator as stored: $(head -c 300 $TMP/budget.json)"
	[ "$(post "$E" "api/v1/budgets/$BID/indicators/$IND" '{"version":0,"op":"约等于"}')" = 409 ] || fail "stale indicator"
	[ "$(post "$E" "api/v1/budgets/$BID/indicators/$IND" '{"version":1,"op":"约等于"}')" = 400 ] || fail "indicator op"

	# the pages: a cookie session with its CSRF token
	[ "$(code POST "${URL}login" -c $TMP/jar --data-urlencode name=编辑二 --data-urlencode password=pass-word)" = 303 ] ||
		fail "page login"
	[ "$(code GET "${URL}budgets" -b $TMP/jar)" = 200 ] || fail "budgets page"
	has $TMP/b "id=\"budget-$BID\""
	[ "$(code GET "${URL}budgets/$BID" -b $TMP/jar)" = 200 ] || fail "budget page"
	has $TMP/b "id=\"item-1-amount\" form=\"f-item-1\" name=\"amount\" size=\"16\" value=\"$NEW1\""
	has $TMP/b 'id="item-1-save"'
	has $TMP/b 'id="build"'
	has $TMP/b "<a id=\"doc-link\" href=\"/documents/$DOC2\">"
	CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' $TMP/b | head -1)
	# a save from a version seen before the others' change: 409, their value shown
	[ "$(code POST "${URL}budgets/$BID/items/1" -b $TMP/jar --data-raw "csrf=$CSRF&version=0&amount=1.000000")" = 409 ] ||
		fail "stale page save"
	has $TMP/b 'id="conflict"'
	has $TMP/b "金额（万元） $NEW1"
	[ "$(code POST "${URL}budgets/$BID/items/1" -b $TMP/jar --data-raw "version=1&amount=1.000000")" = 403 ] ||
		fail "a page save without its CSRF token"
	[ "$(code POST "${URL}budgets/$BID/items/3" -b $TMP/jar --data-raw "csrf=$CSRF&version=0&amount=-5.000000")" = 303 ] ||
		fail "page save: $(cat $TMP/b)"
	[ "$(code GET "${URL}budgets/$BID?saved=item-3" -b $TMP/jar)" = 200 ] || fail "page after the save"
	has $TMP/b '<p id="msg" class="ok">已保存：明细 3'
	has $TMP/b "value=\"-5.000000\""
	has $TMP/b 'data-rule="detail.negative"'
	[ "$(code POST "${URL}budgets/$BID/build" -b $TMP/jar --data-raw "csrf=$CSRF")" = 422 ] || fail "page build with errors"
	has $TMP/b 'id="build-refused"'
	budget
	[ "$(bget 'd["version"], d["items"][3]["amount"], d["items"][3]["version"]')" = "7 -5.000000 1" ] ||
		fail "the page's save: $(head -c 300 $TMP/budget.json)"
	audit
	[ "$(wc -l < $TMP/audit)" = 7 ] || fail "audit rows: $(cat $TMP/audit)"

	# submitted (提交), the budget is the reviewers': changed again only when sent back to 编制
	[ "$(post "$E" api/v1/workflow "{\"department\":\"$DEPT\",\"year\":2026,\"to\":\"提交\",\"version\":0}")" = 200 ] ||
		fail "submit: $(cat $TMP/b)"
	[ "$(post "$E" "api/v1/budgets/$BID/items/4" '{"version":0,"amount":"1.000000"}')" = 409 ] || fail "changed after 提交"
	has $TMP/b "退回编制后才能修改"
	[ "$(post "$R" api/v1/workflow "{\"department\":\"$DEPT\",\"year\":2026,\"to\":\"编制\",\"version\":1}")" = 200 ] ||
		fail "send back: $(cat $TMP/b)"
	[ "$(post "$E" "api/v1/budgets/$BID/items/4" '{"version":0,"amount":"1.000000"}')" = 200 ] || fail "changed after 退回"
}

suite "$TMP/s.db"
cleanup
PIDS=""

psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli39 WITH (FORCE)" \
	-c "CREATE DATABASE cli39" > /dev/null 2>&1 || fail "CREATE DATABASE"
PG="${YS_TEST_PG}cli39"
suite "$PG"

# two serve processes on one PostgreSQL, 50 editors with sessions of their
# own (made in the database: 50 argon2 logins would take longer than the
# rest; logging in is t0036's), each saving at once
URL1=$URL
start "$PG" b
URL2=$URL
URL=$URL1
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$PG" -c "$1" || fail "psql: $1"; }
q "INSERT INTO users(name, role, pwhash) SELECT 'ed' || i, 'editor', 'x' FROM generate_series(1, 50) i;
   INSERT INTO user_department SELECT id, '$DEPT' FROM users WHERE name LIKE 'ed%';
   INSERT INTO sessions SELECT encode(sha256(convert_to(md5(name) || md5(name || '.'), 'UTF8')), 'hex'), id, 0, '',
          extract(epoch FROM now())::bigint + 3600 FROM users WHERE name LIKE 'ed%'" > /dev/null
q "SELECT substr(name, 3), md5(name) || md5(name || '.') FROM users WHERE name LIKE 'ed%' ORDER BY id" | tr '|' ' ' > $TMP/tokens
[ "$(wc -l < $TMP/tokens)" = 50 ] || fail "50 sessions"
V0=$(q "SELECT version FROM bversion WHERE budget_id = $BID AND kind = 'budget'")
CPIDS=""
S=$(date +%s%N)
while read -r i T; do
	u=$URL1
	[ $((i % 2)) = 0 ] && u=$URL2
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
		--data-raw "{\"version\":0,\"amount\":\"$i.000000\"}" "${u}api/v1/budgets/$BID/items/$((i + 9))" > $TMP/own.$i &
	CPIDS="$CPIDS $!"
	curl -s -o $TMP/sameb.$i -w '%{http_code}\n' -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
		--data-raw "{\"version\":0,\"amount\":\"$i.000000\"}" "${u}api/v1/budgets/$BID/items/100" > $TMP/same.$i &
	CPIDS="$CPIDS $!"
done < $TMP/tokens
wait $CPIDS
echo "100 saves by 50 editors on two servers: $((($(date +%s%N) - S) / 1000000)) ms"
[ "$(cat $TMP/own.* | grep -c '^200$')" = 50 ] || fail "50 items: $(cat $TMP/own.* | sort | uniq -c)"
[ "$(cat $TMP/same.* | grep -c '^200$')" = 1 ] || fail "one item: $(cat $TMP/same.* | sort | uniq -c)"
[ "$(cat $TMP/same.* | grep -c '^409$')" = 49 ] || fail "one item: $(cat $TMP/same.* | sort | uniq -c)"
# the audit log has each save, the budget counted each, the one item holds the winner's amount
[ "$(q "SELECT count(*) FROM audit WHERE action = '修改预算' AND user_name LIKE 'ed%' AND object LIKE '预算 $BID 明细 %' AND object <> '预算 $BID 明细 100'")" = 50 ] ||
	fail "audit of the 50 items"
[ "$(q "SELECT count(*) FROM audit WHERE action = '修改预算' AND object = '预算 $BID 明细 100'")" = 1 ] || fail "audit of the one item"
[ "$(q "SELECT version FROM bversion WHERE budget_id = $BID AND kind = 'budget'")" = $((V0 + 51)) ] || fail "budget version"
W=$(grep -l '^200$' $TMP/same.* | sed 's/.*same\.//')
[ "$(q "SELECT amount FROM bitem WHERE budget_id = $BID AND idx = 100")" = $((W * 1000000)) ] || fail "item 100 is not the winner's"
[ "$(q "SELECT count(*) FROM bitem WHERE budget_id = $BID AND idx BETWEEN 10 AND 59 AND amount = (idx - 9) * 1000000")" = 50 ] ||
	fail "the 50 items' amounts"
# a 409's body shows the winner's amount
L=$(grep -l '^409$' $TMP/same.* | head -1 | sed 's/.*same\.//')
grep -q "\"amount\":\"$W.000000\"" $TMP/sameb.$L || fail "409 body: $(cat $TMP/sameb.$L)"
echo "ok"
