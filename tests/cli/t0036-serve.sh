# yusuan serve (docs/api.md) on SQLite and on PostgreSQL (a throwaway server,
# tests/pg/run.sh): who may do what (every role × every route, a table), an
# upload's check equals `yusuan check --format json`, a review kept across
# re-uploads, the workflow's optimistic locking, hostile requests; and on
# PostgreSQL two serve processes with concurrent editors: no lost update, the
# audit log complete.
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
. tests/cli/servelib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
# Debian's python3 (a python3 earlier on PATH may take a second to start)
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
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
jget() { $PY -c "import json,sys; d=json.load(open('$TMP/b')); print($1)"; }

suite() {
	DB=$1
	echo "== $DB"
	printf 'admin-pass\n' | $YUSUAN user add 管理 --role admin --db "$DB" > /dev/null || fail "user add"
	printf 'review-pass\n' | $YUSUAN user add 审核 --role reviewer --db "$DB" > /dev/null || fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 编辑 --role editor --department "$DEPT" --db "$DB" > /dev/null ||
		fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 别的编辑 --role editor --department 别的部门 --db "$DB" > /dev/null ||
		fail "user add"
	printf 'viewer-pass\n' | $YUSUAN user add 读者 --role viewer --db "$DB" > /dev/null || fail "user add"
	expect_exit 3 sh -c "printf 'short\n' | $YUSUAN user add 短 --role viewer --db '$DB'"
	has $TMP/e "口令太短"
	expect_exit 3 sh -c "printf 'long-enough\n' | $YUSUAN user add 管理 --role viewer --db '$DB'"
	has $TMP/e "已有用户"
	expect_exit 2 $YUSUAN user add x --role root --db "$DB"
	expect_exit 0 $YUSUAN user list --db "$DB"
	has $TMP/o "编辑	editor	$DEPT"
	start "$DB" a
	A=$(login 管理 admin-pass)
	R=$(login 审核 review-pass)
	E=$(login 编辑 editor-pass)
	E2=$(login 别的编辑 editor-pass)
	V=$(login 读者 viewer-pass)

	# the upload's check is `yusuan check --format json` of the same file
	cp $SEED $TMP/seed.txt
	[ "$(code POST "${URL}api/v1/documents?name=seed.txt" -H "Authorization: Bearer $E" --data-binary @$TMP/seed.txt)" = 201 ] ||
		{ cat $TMP/b; fail "upload"; }
	(cd $TMP && $YUSUAN check seed.txt --format json > cli.json)
	$PY - "$TMP/b" "$TMP/cli.json" <<-'PY' || fail "the upload's check differs from yusuan check --format json"
		import json, sys
		up, cli = (json.load(open(p)) for p in sys.argv[1:3])
		sys.exit(0 if up["check"] == cli and up["stored"] and up["department"] == "北京市机关事务管理中心" else 1)
	PY
	DOC=$(jget 'd["id"]')
	# the same bytes again: that document, not another
	[ "$(code POST "${URL}api/v1/documents" -H "Authorization: Bearer $A" -H 'X-File-Name: again.txt' --data-binary @$TMP/seed.txt)" = 200 ] ||
		fail "same file again"
	[ "$(jget 'd["id"], d["stored"]')" = "$DOC False" ] || fail "same file stored twice"
	# another department's editor may not upload it
	[ "$(code POST "${URL}api/v1/documents?name=x.txt" -H "Authorization: Bearer $E2" --data-binary @$TMP/seed.txt)" = 403 ] ||
		fail "an editor uploaded another department's document"

	# who may do what: method, path, body; anonymous, admin, reviewer,
	# editor, viewer (a body that is refused shows the role was let in);
	# one Python for the 125 requests (a curl each is slow on a busy machine)
	$PY - "$URL" "$DOC" "$A" "$R" "$E" "$V" <<-'PY' || fail "authorisation matrix"
		import http.client, sys, urllib.parse
		url, doc, tokens = sys.argv[1], sys.argv[2], [None] + sys.argv[3:7]
		u = urllib.parse.urlsplit(url)
		table = """
		GET /healthz - 200 200 200 200 200
		GET /api/v1/me - 401 200 200 200 200
		GET /api/v1/documents - 401 200 200 200 200
		POST /api/v1/documents - 401 400 403 400 403
		GET /api/v1/documents/DOC - 401 200 200 200 403
		GET /api/v1/documents/999999 - 401 404 404 404 404
		POST /api/v1/documents/DOC/reviews {} 401 400 400 403 403
		GET /api/v1/workflow - 401 200 200 200 200
		POST /api/v1/workflow {} 401 400 400 400 403
		GET /api/v1/audit - 401 200 200 403 403
		GET /api/v1/users - 401 200 403 403 403
		POST /api/v1/users {} 401 400 403 403 403
		DELETE /api/v1/users/999999 - 401 404 403 403 403
		PUT /api/v1/users - 405 405 405 405 405
		GET / - 303 303 303 303 303
		GET /login - 200 200 200 200 200
		GET /style.css - 200 200 200 200 200
		GET /worklist - 303 200 200 200 200
		GET /documents/DOC - 303 200 200 200 403
		GET /audit - 303 200 200 403 403
		GET /users - 303 200 403 403 403
		POST /documents/DOC/review x=1 303 400 400 403 403
		POST /workflow x=1 303 400 400 400 403
		POST /users x=1 303 400 403 403 403
		POST /users/999999/delete x=1 303 404 403 403 403
		"""
		bad = 0
		c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
		for line in table.strip().splitlines():
		    method, path, body, *want = line.split()
		    path = path.replace("DOC", doc)
		    for tok, w in zip(tokens, want):
		        h = {"Content-Type": "application/json" if path.startswith("/api/") else "application/x-www-form-urlencoded"}
		        if tok:
		            h["Authorization"] = "Bearer " + tok
		        c.request(method, path, body=None if body == "-" else body.encode(), headers=h)
		        r = c.getresponse()
		        text = r.read()
		        if r.status != int(w):
		            print(f"{method} {path} as {tok and tok[:6]}: {r.status}, wanted {w}: {text[:200].decode()}")
		            bad = 1
		        if r.getheader("Connection", "").lower() == "close":
		            c.close()
		            c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
		sys.exit(bad)
	PY
	# and every route of the route table (src/serve/api.c, read here, so a
	# route added there is in this check): each role the route names gets
	# in (neither 401 nor 403: objects that do not exist, empty bodies), every
	# other role 403, no login 401 (a page: 303 to /login)
	$PY - "$URL" "$A" "$R" "$E" "$V" src/serve/api.c <<-'PY' || fail "every route × every role"
		import http.client, re, sys, urllib.parse
		url, tokens = sys.argv[1], dict(zip(["admin", "reviewer", "editor", "viewer"], sys.argv[2:6]))
		u = urllib.parse.urlsplit(url)
		src = open(sys.argv[6], encoding="utf-8").read()
		macros = {"R_ANON": {"anon"}, "ALL": {"admin", "reviewer", "editor", "viewer"},
		          "STAFF": {"admin", "reviewer"}, "YS_ROLE_ADMIN": {"admin"}, "YS_ROLE_REVIEWER": {"reviewer"},
		          "YS_ROLE_EDITOR": {"editor"}, "YS_ROLE_VIEWER": {"viewer"}}
		routes = re.findall(r'\{ "(GET|POST|DELETE)", "([^"]+)", ([A-Z_ |]+), ([A-Z_ |0]+), \w+ \}', src)
		assert len(routes) >= 60, len(routes)
		# logging out ends the session the later requests use: last
		routes.sort(key=lambda r: r[1].endswith("/logout"))
		bad, n = 0, 0
		c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
		for method, pattern, roles, flags in routes:
		    may = set().union(*(macros[r.strip()] for r in roles.split("|")))
		    page = "RF_PAGE" in flags
		    path = pattern.replace("{id}", "999999").replace("{n}", "0")
		    body = None if method == "GET" else (b"x=1" if page else b"{}")
		    for who in ["anon", "admin", "reviewer", "editor", "viewer"]:
		        h = {"Content-Type": "application/x-www-form-urlencoded" if page else "application/json"}
		        if who != "anon":
		            h["Authorization"] = "Bearer " + tokens[who]
		        c.request(method, path, body=body, headers=h)
		        r = c.getresponse()
		        r.read()
		        n += 1
		        if pattern.endswith("/login"):
		            ok = r.status not in (403,)  # 401: the name and password are wrong
		        elif "anon" in may or who in may:
		            ok = r.status not in (401, 403)
		        elif who == "anon":
		            ok = r.status == (303 if page else 401)
		        else:
		            ok = r.status == 403
		        if not ok:
		            print(f"{method} {path} as {who}: {r.status} ({'may' if who in may or 'anon' in may else 'may not'})")
		            bad = 1
		        if r.getheader("Connection", "").lower() == "close":
		            c.close()
		            c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
		print(f"{len(routes)} routes × 5: {n} requests")
		sys.exit(bad)
	PY
	# (the last requests logged the four out)
	A=$(login 管理 admin-pass)
	R=$(login 审核 review-pass)
	E=$(login 编辑 editor-pass)
	V=$(login 读者 viewer-pass)
	# editors see their departments only
	[ "$(code GET "${URL}api/v1/documents/$DOC" -H "Authorization: Bearer $E2")" = 403 ] || fail "other editor saw it"
	[ "$(code GET "${URL}api/v1/documents" -H "Authorization: Bearer $E2")" = 200 ] || fail "list"
	[ "$(jget 'len(d["documents"])')" = 0 ] || fail "other editor listed it"

	# review: dismiss a finding; it is kept when the department uploads
	# the document again (changed), and a review of the old one is 409
	code GET "${URL}api/v1/documents/$DOC" -H "Authorization: Bearer $R" > /dev/null
	KEY=$(jget 'd["findings"][0]["key"]')
	NF=$(jget 'len(d["findings"])')
	[ "$NF" -gt 3 ] || fail "too few findings"
	body=$($PY -c 'import json,sys; print(json.dumps({"key": sys.argv[1], "state": "dismissed", "reason": "全角半角不影响理解", "comment": "x'"'"'); DROP TABLE review; --"}, ensure_ascii=False))' "$KEY")
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw "$body")" = 200 ] ||
		fail "review: $(cat $TMP/b)"
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw '{"key":"no such","state":"confirmed"}')" = 404 ] ||
		fail "review of a finding that is not there"
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw "$(printf %s "$body" | sed 's/全角半角不影响理解//')")" = 400 ] ||
		fail "dismissed without a reason"
	{ cat $TMP/seed.txt; echo; } > $TMP/seed2.txt
	NAME='<img src=x onerror=alert(1)>.txt'
	[ "$(code POST "${URL}api/v1/documents" -H "Authorization: Bearer $E" -H "X-File-Name: $NAME" --data-binary @$TMP/seed2.txt)" = 201 ] ||
		fail "re-upload: $(cat $TMP/b)"
	DOC2=$(jget 'd["id"]')
	[ "$DOC2" != "$DOC" ] || fail "re-upload kept the id"
	[ "$(code GET "${URL}api/v1/documents/$DOC2?tables=1" -H "Authorization: Bearer $E")" = 200 ] || fail "get doc2"
	[ "$(jget 'len(d["document"]["tables"])')" = 13 ] || fail "the tables of doc2"
	$PY - "$TMP/b" "$KEY" <<-'PY' || fail "the review was not kept across the re-upload"
		import json, sys
		d = json.load(open(sys.argv[1]))
		f = [f for f in d["findings"] if f["key"] == sys.argv[2]]
		r = f[0]["review"]
		sys.exit(0 if r["state"] == "dismissed" and r["reason"] == "全角半角不影响理解"
		         and r["comment"] == "x'); DROP TABLE review; --" and r["user"] == "审核" else 1)
	PY
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw "$body")" = 409 ] ||
		fail "a review of a replaced document was not 409"
	has $TMP/b "文档已有更新的版本"
	# script in a name is escaped on the pages
	[ "$(code GET "${URL}documents/$DOC2" -H "Authorization: Bearer $R")" = 200 ] || fail "document page"
	hasnt $TMP/b "<img src=x"
	has $TMP/b "&lt;img src=x onerror=alert(1)&gt;.txt"
	has $TMP/b "x&#39;); DROP TABLE review; --"
	has $TMP/b '<table class="budget" id="t01">'

	# workflow: editor submits, the reviewer's stale version is 409 with
	# the current state, roles and departments as allowed
	wf() { code POST "${URL}api/v1/workflow" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
		--data-raw "{\"department\":\"$2\",\"year\":2026,\"to\":\"$3\",\"version\":$4}"; }
	[ "$(wf "$E" "$DEPT" 提交 0)" = 200 ] || fail "submit: $(cat $TMP/b)"
	[ "$(wf "$R" "$DEPT" 审核 0)" = 409 ] || fail "stale version not 409"
	[ "$(jget 'd["state"], d["version"]')" = "提交 1" ] || fail "409 without the current state: $(cat $TMP/b)"
	[ "$(wf "$E" "$DEPT" 审核 1)" = 403 ] || fail "an editor reviewed"
	[ "$(wf "$E2" "$DEPT" 编制 1)" = 403 ] || fail "another department's editor"
	[ "$(wf "$R" "$DEPT" 公开 1)" = 400 ] || fail "a step skipped"
	# 4294969322 is 2026 in 32 bits
	[ "$(code POST "${URL}api/v1/workflow" -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
		--data-raw "{\"department\":\"$DEPT\",\"year\":4294969322,\"to\":\"审核\",\"version\":1}")" = 400 ] ||
		fail "a year out of range: $(cat $TMP/b)"
	[ "$(wf "$R" "$DEPT" 审核 1)" = 200 ] || fail "review step"
	[ "$(wf "$R" "$DEPT" 批复 2)" = 200 ] || fail "approve"
	[ "$(wf "$R" "$DEPT" 公开 3)" = 403 ] || fail "a reviewer published"
	[ "$(code GET "${URL}api/v1/documents/$DOC2" -H "Authorization: Bearer $V")" = 403 ] || fail "viewer saw unpublished"
	[ "$(wf "$A" "$DEPT" 公开 3)" = 200 ] || fail "publish"
	[ "$(code GET "${URL}api/v1/documents/$DOC2" -H "Authorization: Bearer $V")" = 200 ] || fail "viewer: published"
	[ "$(code GET "${URL}api/v1/audit?limit=1000" -H "Authorization: Bearer $A")" = 200 ] || fail "audit"
	[ "$(jget 'sum(1 for a in d["audit"] if a["action"] == "流程")')" = 4 ] || fail "workflow audit"
	[ "$(jget '[a["before"], a["after"]] == ["批复（版本 3）", "公开（版本 4）"] and a["user"] == "管理" for a in d["audit"][:1]')" ] ||
		fail "audit entry"

	# hostile requests
	truncate -s 65M $TMP/big.txt
	[ "$(code POST "${URL}api/v1/documents?name=big.txt" -H "Authorization: Bearer $A" --data-binary @$TMP/big.txt)" = 413 ] ||
		fail "65 MiB upload not 413"
	head -c 70000 /dev/zero | tr '\0' a > $TMP/form.txt
	[ "$(code POST "${URL}api/v1/workflow" -H "Authorization: Bearer $A" -H 'Content-Type: application/json' --data-binary @$TMP/form.txt)" = 413 ] ||
		fail "70 KB form not 413"
	[ "$(code POST "${URL}api/v1/workflow" -H "Authorization: Bearer $A" -H 'Content-Type: application/json' --data-raw '{"department":')" = 400 ] ||
		fail "bad JSON"
	for p in /../../etc/passwd /style.css/../../etc/passwd /%2e%2e/%2e%2e/etc/passwd /documents/1%2f..%2f..%2fetc%2fpasswd \
		/api/v1/documents/1x /api/v1/documents/%31 /worklist/ //worklist; do
		got=$(code GET "$URL${p#/}" --path-as-is -H "Authorization: Bearer $A")
		[ "$got" = 404 ] || [ "$p" = /api/v1/documents/%31 ] || fail "path $p: $got"
	done
	[ "$(code POST "${URL}api/v1/documents" -H "Authorization: Bearer $A" -H 'X-File-Name: ../../etc/passwd' --data-binary @$TMP/seed2.txt)" = 200 ] ||
		fail "a path as the name: $(cat $TMP/b)"
	[ "$(code POST "${URL}api/v1/documents" -H "Authorization: Bearer $A" -H "$(printf 'X-File-Name: a\377.txt')" --data-binary @$TMP/seed2.txt)" = 400 ] ||
		fail "a name that is not UTF-8: $(cat $TMP/b)"
	# SQL-looking input is stored as it is
	[ "$(code POST "${URL}api/v1/users" -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
		--data-raw "{\"name\":\"x'); DROP TABLE users; --\",\"role\":\"viewer\",\"password\":\"long-enough\"}")" = 201 ] ||
		fail "user add by the API: $(cat $TMP/b)"
	expect_exit 0 $YUSUAN user list --db "$DB"
	has $TMP/o "x'); DROP TABLE users; --	viewer"
	# a session by cookie needs the CSRF token to write
	rm -f $TMP/jar
	[ "$(code POST "${URL}login" -c $TMP/jar --data-raw 'name=%E5%AE%A1%E6%A0%B8&password=review-pass')" = 303 ] || fail "form login"
	grep -q 'HttpOnly_127.0.0.1.*ys_session' $TMP/jar || fail "session cookie not HttpOnly"
	[ "$(code GET "${URL}worklist" -b $TMP/jar)" = 200 ] || fail "worklist by cookie"
	CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' $TMP/b | head -1)
	[ -n "$CSRF" ] || fail "no CSRF token in the page"
	[ "$(code POST "${URL}workflow" -b $TMP/jar --data-raw "department=x&year=2026&to=%E6%8F%90%E4%BA%A4&version=0")" = 403 ] ||
		fail "form without CSRF token"
	has $TMP/b "CSRF"
	[ "$(code POST "${URL}api/v1/workflow" -b $TMP/jar -H 'Content-Type: application/json' --data-raw '{}')" = 403 ] ||
		fail "API by cookie without CSRF token"
	[ "$(code POST "${URL}workflow" -b $TMP/jar --data-raw "csrf=${CSRF}0&department=x&year=2026&to=%E6%8F%90%E4%BA%A4&version=0")" = 403 ] ||
		fail "a wrong CSRF token"
	[ "$(code POST "${URL}workflow" -b $TMP/jar --data-raw "csrf=$CSRF&department=%E5%88%AB&year=2026&to=%E5%AE%A1%E6%A0%B8&version=0")" = 400 ] ||
		fail "form with CSRF token: $(cat $TMP/b)"
	[ "$(code POST "${URL}logout" -b $TMP/jar --data-raw "csrf=$CSRF")" = 303 ] || fail "logout"
	[ "$(code GET "${URL}worklist" -b $TMP/jar)" = 303 ] || fail "the session outlived its logout"
	# the login rate limit is in the store: five failures, then 429 even
	# for the right password
	for i in 1 2 3 4 5; do
		[ "$(code POST "${URL}api/v1/login" -H 'Content-Type: application/json' --data-raw '{"name":"读者","password":"wrong"}')" = 401 ] ||
			fail "wrong password $i"
	done
	[ "$(code POST "${URL}api/v1/login" -H 'Content-Type: application/json' --data-raw '{"name":"读者","password":"viewer-pass"}')" = 429 ] ||
		fail "no rate limit"
	[ "$(code GET "${URL}healthz")" = 200 ] || fail "healthz"
}

suite "$TMP/s.db"
cleanup
PIDS=""

psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli36 WITH (FORCE)" \
	-c "CREATE DATABASE cli36" > /dev/null 2>&1 || fail "CREATE DATABASE"
PG="${YS_TEST_PG}cli36"
suite "$PG"

# two serve processes on one PostgreSQL: 20 editors at once move one
# department's year from the version they all saw - one wins, 19 get 409;
# 20 other departments' years at once all move; the audit log has each
URL1=$URL
start "$PG" b
URL2=$URL
URL=$URL1
A=$(login 管理 admin-pass)
CPIDS=""
for i in $(seq 1 20); do
	u=$URL1
	[ $((i % 2)) = 0 ] && u=$URL2
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
		--data-raw '{"department":"并发部门","year":2027,"to":"提交","version":0}' "${u}api/v1/workflow" > $TMP/same.$i &
	CPIDS="$CPIDS $!"
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $A" -H 'Content-Type: application/json' \
		--data-raw "{\"department\":\"部门$i\",\"year\":2027,\"to\":\"提交\",\"version\":0}" "${u}api/v1/workflow" > $TMP/own.$i &
	CPIDS="$CPIDS $!"
done
wait $CPIDS
[ "$(cat $TMP/same.* | grep -c '^200$')" = 1 ] || fail "one year: $(cat $TMP/same.* | sort | uniq -c)"
[ "$(cat $TMP/same.* | grep -c '^409$')" = 19 ] || fail "one year: $(cat $TMP/same.* | sort | uniq -c)"
[ "$(cat $TMP/own.* | grep -c '^200$')" = 20 ] || fail "own years: $(cat $TMP/own.* | sort | uniq -c)"
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$PG" -c "$1" || fail "psql: $1"; }
[ "$(q "select count(*) from audit where object = '流程 并发部门 2027年'")" = 1 ] || fail "audit of the contested year"
[ "$(q "select count(*) from audit where object like '流程 部门%2027年'")" = 20 ] || fail "audit of the 20 years"
[ "$(q "select version from workflow where department = '并发部门'")" = 1 ] || fail "version"
# sessions live in the database: a token from one server works on the other
[ "$(code GET "${URL2}api/v1/me" -H "Authorization: Bearer $A")" = 200 ] || fail "a session of one server on the other"
echo "ok"
