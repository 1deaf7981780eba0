# yusuan serve's jobs (docs/api.md, "Uploads as jobs") on SQLite and on
# PostgreSQL (a throwaway server, tests/pg/run.sh): several files in one
# multipart upload become jobs that worker threads check (two documents and
# one failed job with its Chinese error), a document's check equals `yusuan
# check --format json` of the file, malformed multipart and a form without
# its CSRF token are refused with no job stored, an editor's job for another
# department fails as the synchronous upload does, a job whose worker died
# is run again; and two serve processes on one PostgreSQL share six queued
# jobs, each run exactly once.  What is refused before the store is asked
# (roles, CSRF, malformed multipart) is tested on SQLite only.
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
. tests/cli/servelib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
DEPT=北京市机关事务管理中心
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null; done; }
trap cleanup EXIT

# start DB NAME WORKERS: a server on a free loopback port; its URL in $URL,
# its process in $SPID
start() {
	rm -f "$TMP/$2.fifo"
	mkfifo "$TMP/$2.fifo"
	$YUSUAN serve --db "$1" --listen 127.0.0.1:0 --threads 2 --workers "$3" > "$TMP/$2.fifo" 2> "$TMP/$2.err" &
	SPID=$!
	PIDS="$PIDS $SPID"
	read -r line < "$TMP/$2.fifo"
	URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
	[ -n "$URL" ] || { cat "$TMP/$2.err"; fail "serve did not start on $1"; }
}
stop() { kill "$1" && wait "$1" 2> /dev/null; }
jget() { $PY -c "import json,sys; d=json.load(open('$TMP/b')); print($1)"; }
# wait_batch TOKEN BATCH: until none of the batch's jobs is queued or
# running (at most 60 s); the jobs in $TMP/b
wait_batch() {
	$PY - "${URL}api/v1/jobs?batch=$2" "$1" "$TMP/b" <<-'PY' || fail "the jobs of $2 did not end: $(cat $TMP/b)"
		import json, sys, time, urllib.request
		url, token, out = sys.argv[1:4]
		for i in range(600):
		    with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})) as r:
		        body = r.read()
		    if not any(j["state"] in ("queued", "running") for j in json.loads(body)["jobs"]):
		        break
		    time.sleep(0.1)
		open(out, "wb").write(body)
		sys.exit(0 if i < 599 else 1)
	PY
}
njobs() { code GET "${URL}api/v1/jobs" -H "Authorization: Bearer $A" > /dev/null && jget 'len(d["jobs"])'; }
ndocs() { code GET "${URL}api/v1/documents" -H "Authorization: Bearer $A" > /dev/null && jget 'len(d["documents"])'; }

# the files: the seed (text), the same as a workbook, one that is no disclosure
cp $SEED $TMP/seed.txt
(cd $TMP && $YUSUAN show seed.txt -o x --format xlsx > /dev/null && mv x/tables.xlsx tables.xlsx) || fail "xlsx"
printf '这不是部门预算\n' > $TMP/bad.txt
(cd $TMP && $YUSUAN check seed.txt --format json > seed.cli.json; $YUSUAN check tables.xlsx --format json > tables.cli.json)
# malformed multipart bodies (boundary XB)
printf -- '--XB\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nhello' > $TMP/mp.trunc
printf -- '--XB\r\nContent-Disposition: form-data; name="files"\r\n\r\nhello\r\n--XB--\r\n' > $TMP/mp.noname
printf -- '--XB\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n' > $TMP/mp.headers
printf -- '--XB--\r\n' > $TMP/mp.empty

# suite DB SQL FULL: FULL=1 also what does not depend on the store (who may
# do what, CSRF, malformed multipart: refused before the store is asked)
suite() {
	DB=$1
	sql=$2
	FULL=$3
	echo "== $DB"
	printf 'admin-pass\n' | $YUSUAN user add 管理 --role admin --db "$DB" > /dev/null || fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 编辑 --role editor --department "$DEPT" --db "$DB" > /dev/null || fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 别的编辑 --role editor --department 别的部门 --db "$DB" > /dev/null ||
		fail "user add"
	if [ $FULL = 1 ]; then
		printf 'viewer-pass\n' | $YUSUAN user add 读者 --role viewer --db "$DB" > /dev/null || fail "user add"
		printf 'review-pass\n' | $YUSUAN user add 审核 --role reviewer --db "$DB" > /dev/null || fail "user add"
	fi

	# a server without workers only queues: the page refreshes itself
	# while a job waits; then its worker "dies" holding it
	start "$DB" q 0
	A=$(login 管理 admin-pass)
	{ cat $TMP/seed.txt; echo; } > $TMP/seed1.txt
	[ "$(code POST "${URL}api/v1/jobs?name=seed1.txt" -H "Authorization: Bearer $A" --data-binary @$TMP/seed1.txt)" = 202 ] ||
		fail "a job by the body: $(cat $TMP/b)"
	set -- $(jget 'd["jobs"][0]["id"], d["batch"], d["jobs"][0]["state"], d["jobs"][0]["file"]')
	STALE=$1 SBATCH=$2
	[ "$3 $4" = "queued seed1.txt" ] || fail "queued: $(cat $TMP/b)"
	[ "$(code GET "${URL}jobs/$STALE" -H "Authorization: Bearer $A")" = 200 ] || fail "job page"
	has $TMP/b '<meta http-equiv="refresh" content="2">'
	has $TMP/b "<tr id=\"job-$STALE\" class=\"job\" data-state=\"queued\">"
	has $TMP/b "<td id=\"job-$STALE-state\" class=\"state\">排队中</td>"
	stop $SPID
	$sql "UPDATE job SET state = 'running', worker = 'gone:1/1', tries = 1, heartbeat = 1 WHERE id = $STALE" ||
		fail "sql"

	start "$DB" a 2
	E=$(login 编辑 editor-pass)
	E2=$(login 别的编辑 editor-pass)

	# who may: anonymous, admin, reviewer, editor, viewer (a refused body
	# shows the role was let in)
	if [ $FULL = 1 ]; then
		V=$(login 读者 viewer-pass)
		R=$(login 审核 review-pass)
		$PY - "$URL" "$A" "$R" "$E" "$V" <<-'PY' || fail "authorisation matrix"
			import http.client, sys, urllib.parse
			u = urllib.parse.urlsplit(sys.argv[1])
			tokens = [None] + sys.argv[2:6]
			table = """
			GET /upload - 303 200 403 200 403
			POST /upload x=1 303 400 403 400 403
			GET /jobs - 303 200 200 200 403
			GET /jobs/999999 - 303 404 404 404 403
			POST /api/v1/jobs - 401 400 403 400 403
			GET /api/v1/jobs - 401 200 200 200 403
			GET /api/v1/jobs/999999 - 401 404 404 404 403
			"""
			bad = 0
			for line in table.strip().splitlines():
			    method, path, body, *want = line.split()
			    for tok, w in zip(tokens, want):
			        c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
			        h = {"Content-Type": "application/x-www-form-urlencoded"}
			        if tok:
			            h["Authorization"] = "Bearer " + tok
			        c.request(method, path, body=None if body == "-" else body.encode(), headers=h)
			        r = c.getresponse()
			        text = r.read()
			        if r.status != int(w):
			            print(f"{method} {path} as {tok and tok[:6]}: {r.status}, wanted {w}: {text[:200].decode()}")
			            bad = 1
			        c.close()
			sys.exit(bad)
		PY
	fi

	# three files in one upload from the page, by cookie with the CSRF token
	rm -f $TMP/jar
	[ "$(code POST "${URL}login" -c $TMP/jar --data-raw 'name=%E7%AE%A1%E7%90%86&password=admin-pass')" = 303 ] ||
		fail "form login"
	[ "$(code GET "${URL}upload" -b $TMP/jar)" = 200 ] || fail "upload page"
	for id in upload-form upload-files upload-submit; do has $TMP/b "id=\"$id\""; done
	has $TMP/b 'enctype="multipart/form-data"'
	has $TMP/b 'multiple'
	CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' $TMP/b | head -1)
	[ -n "$CSRF" ] || fail "no CSRF token in the upload page"
	# without the token: 403, nothing queued
	if [ $FULL = 1 ]; then
		before=$(njobs)
		[ "$(code POST "${URL}upload" -b $TMP/jar -F "files=@$TMP/seed.txt")" = 403 ] || fail "upload without CSRF token"
		has $TMP/b "CSRF"
		[ "$(code POST "${URL}upload" -b $TMP/jar -F "csrf=${CSRF}0" -F "files=@$TMP/seed.txt")" = 403 ] ||
			fail "upload with a wrong CSRF token"
		[ "$(njobs)" = "$before" ] || fail "a job was queued without the CSRF token"
	fi
	to=$(curl -s -o $TMP/b -w '%{http_code} %{redirect_url}' -b $TMP/jar -F "csrf=$CSRF" -F "files=@$TMP/seed.txt" \
		-F "files=@$TMP/tables.xlsx" -F "files=@$TMP/bad.txt" "${URL}upload")
	case $to in
	"303 ${URL}jobs?batch="*) ;;
	*) fail "upload: $to $(cat $TMP/b)" ;;
	esac
	BATCH=${to#*batch=}
	wait_batch "$A" "$BATCH"
	$PY - "$TMP/b" > $TMP/ids <<-'PY' || fail "the three jobs"
		import json, sys
		j = json.load(open(sys.argv[1]))["jobs"]
		assert [x["file"] for x in j] == ["seed.txt", "tables.xlsx", "bad.txt"], j
		assert [x["state"] for x in j] == ["done", "done", "failed"], j
		assert all(isinstance(x["document"], int) and x["error"] is None and x["progress"]["permille"] == 1000
		           and x["department"] == "北京市机关事务管理中心" and x["tries"] == 1 for x in j[:2]), j
		assert j[2]["document"] is None and "bad.txt" in j[2]["error"] and "没有读到任何表" in j[2]["error"], j
		print(j[0]["document"], j[1]["document"], j[0]["id"], j[2]["id"])
	PY
	set -- $(cat $TMP/ids)
	D1=$1 D2=$2 J1=$3 J3=$4
	# each document's check is `yusuan check --format json` of its file
	for f in seed:$D1 tables:$D2; do
		[ "$(code GET "${URL}api/v1/documents/${f#*:}" -H "Authorization: Bearer $A")" = 200 ] || fail "document ${f#*:}"
		$PY - "$TMP/b" "$TMP/${f%:*}.cli.json" <<-'PY' || fail "the check of ${f%:*} differs from yusuan check --format json"
			import json, sys
			api, cli = (json.load(open(p)) for p in sys.argv[1:3])
			for x in api["findings"]:
			    del x["key"], x["review"]
			sys.exit(0 if all(api[k] == cli[k] for k in ("findings", "coverage", "summary")) and cli["findings"] else 1)
		PY
	done
	# the page of the batch: rows, states, links to the documents, no refresh
	[ "$(code GET "${URL}jobs?batch=$BATCH" -b $TMP/jar)" = 200 ] || fail "jobs page"
	hasnt $TMP/b 'http-equiv="refresh"'
	has $TMP/b "<td id=\"job-$J1-state\" class=\"state\">完成</td>"
	has $TMP/b "<a id=\"job-$J1-doc\" href=\"/documents/$D1\">"
	has $TMP/b "<td id=\"job-$J3-state\" class=\"state\">失败</td>"
	has $TMP/b "<span id=\"job-$J3-error\" class=\"msg\">bad.txt：没有读到任何表"
	# the document and its audit row are stored together: one upload row each
	[ "$(code GET "${URL}api/v1/audit?limit=1000" -H "Authorization: Bearer $A")" = 200 ] || fail "audit"
	[ "$(jget "sum(a['action'] == '上传' and a['object'] in ('文档 $D1', '文档 $D2') for a in d['audit'])")" = 2 ] ||
		fail "audit rows of the two documents"

	# the job whose worker died was queued again and run by this server
	wait_batch "$A" "$SBATCH"
	[ "$(jget 'd["jobs"][0]["id"], d["jobs"][0]["state"], d["jobs"][0]["tries"], d["jobs"][0]["error"]')" = "$STALE done 2 None" ] ||
		fail "the stale job was not run again: $(cat $TMP/b)"

	# malformed multipart: 400, no job stored
	docs=$(ndocs)
	if [ $FULL = 1 ]; then
		before=$(njobs)
		[ "$(code POST "${URL}api/v1/jobs" -H "Authorization: Bearer $A" -H 'Content-Type: multipart/form-data' \
			--data-binary @$TMP/seed.txt)" = 400 ] || fail "multipart without a boundary: $(cat $TMP/b)"
		has $TMP/b "boundary"
		for m in trunc noname headers empty; do
			[ "$(code POST "${URL}api/v1/jobs" -H "Authorization: Bearer $A" -H 'Content-Type: multipart/form-data; boundary=XB' \
				--data-binary @$TMP/mp.$m)" = 400 ] || fail "multipart $m: $(cat $TMP/b)"
		done
		has $TMP/b "一个部分也没有"
		[ "$(code POST "${URL}upload" -b $TMP/jar -H "X-CSRF-Token: $CSRF" -H 'Content-Type: multipart/form-data; boundary=XB' \
			--data-binary @$TMP/mp.noname)" = 400 ] || fail "the page: a part without a file name"
		has $TMP/b "没有文件名"
		has $TMP/b "<!DOCTYPE html>"
		[ "$(njobs)" = "$before" ] || fail "a malformed upload queued a job"
	fi

	# a document is stored with its audit row or not at all: with the
	# audit row refused (a trigger), neither the synchronous upload nor a
	# job leaves a document
	$sql "$REFUSE_AUDIT" || fail "trigger"
	{ cat $TMP/seed.txt; echo; echo; echo; } > $TMP/seed3.txt
	st=$(code POST "${URL}api/v1/documents?name=seed3.txt" -H "Authorization: Bearer $A" --data-binary @$TMP/seed3.txt)
	[ "$st" = 409 ] || [ "$st" = 500 ] || fail "upload with its audit row refused: $st $(cat $TMP/b)"
	has $TMP/b "audit refused"
	[ "$(code POST "${URL}api/v1/jobs?name=seed3.txt" -H "Authorization: Bearer $A" --data-binary @$TMP/seed3.txt)" = 202 ] ||
		fail "job: $(cat $TMP/b)"
	wait_batch "$A" "$(jget 'd["batch"]')"
	[ "$(jget 'd["jobs"][0]["state"], d["jobs"][0]["document"]')" = "failed None" ] || fail "job with its audit row refused: $(cat $TMP/b)"
	has $TMP/b "audit refused"
	[ "$(ndocs)" = "$docs" ] || fail "a document was stored without its audit row"
	$sql "DROP TRIGGER no_audit${DROP_ON:-}" || fail "drop trigger"

	# an editor's job for another department fails with the synchronous
	# upload's message, nothing stored; editors see their own jobs only
	{ cat $TMP/seed.txt; echo; echo; } > $TMP/seed2.txt
	[ "$(code POST "${URL}api/v1/jobs" -H "Authorization: Bearer $E2" -F "files=@$TMP/seed2.txt")" = 202 ] ||
		fail "editor's job: $(cat $TMP/b)"
	set -- $(jget 'd["batch"], d["jobs"][0]["id"]')
	B2=$1 J2=$2
	[ "$(code POST "${URL}api/v1/documents?name=seed2.txt" -H "Authorization: Bearer $E2" --data-binary @$TMP/seed2.txt)" = 403 ] ||
		fail "the synchronous upload"
	want=$(jget 'd["error"]')
	wait_batch "$E2" "$B2"
	[ "$(jget 'd["jobs"][0]["state"]')" = failed ] || fail "another department's job: $(cat $TMP/b)"
	[ "$(jget 'd["jobs"][0]["error"]')" = "$want" ] || fail "another message than the synchronous upload's: $(cat $TMP/b)"
	has $TMP/b "只能上传本部门的"
	[ "$(ndocs)" = "$docs" ] || fail "another department's job stored a document"
	[ "$(code GET "${URL}api/v1/jobs/$J1" -H "Authorization: Bearer $E2")" = 403 ] || fail "an editor saw another's job"
	[ "$(code GET "${URL}api/v1/jobs/$J2" -H "Authorization: Bearer $E2")" = 200 ] || fail "an editor's own job"
	[ "$(code GET "${URL}api/v1/jobs/$J1" -H "Authorization: Bearer $E")" = 200 ] ||
		fail "an editor of the document's department"
	if [ $FULL = 1 ]; then
		[ "$(code GET "${URL}api/v1/jobs" -H "Authorization: Bearer $V")" = 403 ] || fail "a viewer listed jobs"
		[ "$(code GET "${URL}upload" -H "Authorization: Bearer $V")" = 403 ] || fail "a viewer's upload page"
	fi
	[ "$(code GET "${URL}api/v1/jobs/999999" -H "Authorization: Bearer $A")" = 404 ] || fail "no such job"
	stop $SPID
}

REFUSE_AUDIT="CREATE TRIGGER no_audit BEFORE INSERT ON audit WHEN NEW.action = '上传' BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
suite "$TMP/s.db" "sqlite3 $TMP/s.db" 1

psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli37 WITH (FORCE)" \
	-c "CREATE DATABASE cli37" > /dev/null 2>&1 || fail "CREATE DATABASE"
PG="${YS_TEST_PG}cli37"
q() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$PG" -c "$1" || fail "psql: $1"; }
REFUSE_AUDIT="CREATE OR REPLACE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql AS \$\$BEGIN RAISE EXCEPTION 'audit refused'; END\$\$;
CREATE TRIGGER no_audit BEFORE INSERT ON audit FOR EACH ROW WHEN (NEW.action = '上传') EXECUTE FUNCTION no_audit()"
DROP_ON=" ON audit"
suite "$PG" q 0

# two serve processes on one PostgreSQL: six jobs queued by a third (which
# runs none), both start at once and take them from the one queue; each is
# run exactly once: one try, one document, one audit row
start "$PG" q 0
docs=$(q "select count(*) from disclosure")
set --
for i in 1 2 3 4 5 6; do
	{ cat $TMP/seed.txt; printf "\n%${i}s\n" ""; } > $TMP/six$i.txt
	set -- "$@" -F "files=@$TMP/six$i.txt"
done
[ "$(code POST "${URL}api/v1/jobs" -H "Authorization: Bearer $A" "$@")" = 202 ] || fail "six jobs: $(cat $TMP/b)"
B6=$(jget 'd["batch"]')
[ "$(jget 'len(d["jobs"])')" = 6 ] || fail "six jobs: $(cat $TMP/b)"
for s in b c; do
	$YUSUAN serve --db "$PG" --listen 127.0.0.1:0 --threads 1 --workers 2 > $TMP/$s.out 2> $TMP/$s.err &
	PIDS="$PIDS $!"
done
wait_batch "$A" "$B6"
[ "$(q "select count(*) from job where batch = '$B6' and state = 'done' and tries = 1 and data = ''")" = 6 ] ||
	fail "six jobs run once: $(q "select id, state, tries, worker, error from job where batch = '$B6'")"
[ "$(q "select count(distinct document_id) from job where batch = '$B6'")" = 6 ] || fail "six documents"
[ "$(q "select count(*) from disclosure")" = $((docs + 6)) ] || fail "documents stored more than once"
[ "$(q "select count(*) from audit where action = '上传' and object in (select '文档 ' || document_id from job where batch = '$B6')")" = 6 ] ||
	fail "audit rows of the six jobs"
echo "workers: $(q "select split_part(worker, '/', 1), count(*) from job where batch = '$B6' group by 1" | tr '\n' ' ')"
echo "ok"
