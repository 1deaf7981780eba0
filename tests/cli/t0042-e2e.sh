# Headless Chromium end to end of yusuan serve (issue 15): a reviewer and an
# editor do by hand, through the pages, what docs/api.md describes — the
# steps are data (tests/browser/serve-e2e.mjs runs them on one tab).
. tests/cli/lib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
command -v node > /dev/null || fail "node is needed (scripts/deps.sh --test)"
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null; done; }
trap cleanup EXIT
DB=$TMP/e2e.db
printf 'review-pass\n' | $YUSUAN user add 审核 --role reviewer --db "$DB" > /dev/null || fail "user add"
printf 'editor-pass\n' | $YUSUAN user add 编辑 --role editor --department 北京市机关事务管理中心 --db "$DB" > /dev/null ||
	fail "user add"
mkfifo "$TMP/fifo"
$YUSUAN serve --db "$DB" --listen 127.0.0.1:0 > "$TMP/fifo" 2> "$TMP/serve.err" &
PIDS="$PIDS $!"
read -r line < "$TMP/fifo"
URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
[ -n "$URL" ] || { cat "$TMP/serve.err"; fail "serve did not start"; }

# one planted error: 收支总表's 一般公共预算拨款 one 分 more than the detail,
# printed as a PDF (the server draws a finding's page from it)
sed '80s/393\.779040\t393\.779040/393.779040\t393.779041/' $SEED > $TMP/budget.txt
cmp -s $SEED $TMP/budget.txt && fail "the planted error did not change the file"
$YUSUAN show $TMP/budget.txt -o $TMP/pdf --format pdf > /dev/null 2>&1 || fail "show --format pdf"
PDF=$TMP/pdf/tables.pdf
# the page says what yusuan check says of the same file
$YUSUAN check $PDF > $TMP/check.txt
ERRORS=$(sed -n 's/.*；\([0-9]*\) 个错误.*/\1/p' $TMP/check.txt)
[ "${ERRORS:-0}" -ge 1 ] || fail "the planted error was not found by check"
# the bureau expects the department's disclosure by a date to come
$YUSUAN ledger add 北京市机关事务管理中心 --year 2026 --due 2099-12-31 --db "$DB" > /dev/null || fail "ledger add"

# the editor uploads the PDF on the upload page; the check runs as a job
cat > $TMP/steps.json <<JSON
[
 {"do": "goto", "path": "/login"},
 {"do": "fill", "sel": "input[name=name]", "value": "编辑"},
 {"do": "fill", "sel": "input[name=password]", "value": "editor-pass"},
 {"do": "submit", "sel": "form[action='/login'] button"},
 {"do": "expect", "sel": "h1, h2", "text": "工作清单"},
 {"do": "expect", "sel": "body", "text": "编辑（editor）"},
 {"do": "click", "sel": "#nav-upload"},
 {"do": "files", "sel": "#upload-files", "paths": ["$PDF"]},
 {"do": "submit", "sel": "#upload-submit"},
 {"do": "until", "sel": "#jobs-status[data-pending='0']", "reload": true, "seconds": 90},
 {"do": "expect", "sel": "tr.job[data-state='done']", "text": "tables.pdf"},
 {"do": "keep", "sel": "tr.job[data-state='done'] a[href^='/documents/']", "attr": "href", "as": "doc"},
 {"do": "click", "sel": "tr.job[data-state='done'] a[href^='/documents/']"},
 {"do": "expect", "sel": "p", "text": "$ERRORS 个错误"}
]
JSON
node tests/browser/serve-e2e.mjs "$URL" $TMP/steps.json > $TMP/e2e.log 2>&1 || { cat $TMP/e2e.log; fail "editor's upload"; }
has $TMP/e2e.log "serve-e2e: OK"
DOC=$(curl -s -H 'Content-Type: application/json' -d '{"name":"审核","password":"review-pass"}' "${URL}api/v1/login" |
	sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
[ -n "$DOC" ] || fail "login by API"
RTOKEN=$DOC
DOC=$(curl -s -H "Authorization: Bearer $RTOKEN" "${URL}api/v1/documents" | tr ',' '\n' | sed -n 's/^.*"id": *\([0-9]*\).*/\1/p' | head -1)
[ -n "$DOC" ] || fail "no stored document"

# the reviewer opens the finding on its page of the PDF, confirms one,
# dismisses the other with a reason, exports the review; the ledger says
# the department's disclosure is in
cat > $TMP/steps2.json <<JSON
[
 {"do": "goto", "path": "/login"},
 {"do": "fill", "sel": "input[name=name]", "value": "审核"},
 {"do": "fill", "sel": "input[name=password]", "value": "review-pass"},
 {"do": "submit", "sel": "form[action='/login'] button"},
 {"do": "click", "sel": "a[href='/documents/$DOC']"},
 {"do": "expect", "sel": "p", "text": "$ERRORS 个错误"},
 {"do": "expect", "sel": "tr.sev-error td", "text": "393.779041"},
 {"do": "count", "sel": "table.budget", "min": 13},
 {"do": "keep", "sel": "tr.sev-error", "attr": "id", "as": "e1"},
 {"do": "keep", "sel": "tr.sev-error ~ tr.sev-error", "attr": "id", "as": "e2"},
 {"do": "click", "sel": "#{e1} a[id^='fp']"},
 {"do": "image", "sel": "#finding-page"},
 {"do": "expect", "sel": "#finding-message", "text": "393.779041"},
 {"do": "click", "sel": "#finding-back"},
 {"do": "fill", "sel": "#{e1} select[name=state]", "value": "confirmed"},
 {"do": "fill", "sel": "#{e1} input[name=comment]", "value": "请按明细更正"},
 {"do": "submit", "sel": "#{e1} form button"},
 {"do": "goto", "path": "/documents/$DOC"},
 {"do": "fill", "sel": "#{e2} select[name=state]", "value": "dismissed"},
 {"do": "fill", "sel": "#{e2} input[name=reason]", "value": "经核对为录入误差，已更正"},
 {"do": "submit", "sel": "#{e2} form button"},
 {"do": "goto", "path": "/documents/$DOC"},
 {"do": "expect", "sel": "#{e1} .review", "text": "请按明细更正"},
 {"do": "expect", "sel": "#{e2} .review", "text": "经核对为录入误差，已更正"},
 {"do": "fetch", "path": "/documents/$DOC/review.xlsx", "status": 200, "type": "application/vnd.openxmlformats", "min_bytes": 2000},
 {"do": "fetch", "path": "/documents/$DOC/review.pdf", "status": 200, "type": "application/pdf", "min_bytes": 10000},
 {"do": "goto", "path": "/audit"},
 {"do": "expect", "sel": "td", "text": "经核对为录入误差，已更正"},
 {"do": "click", "sel": "#nav-ledger"},
 {"do": "expect", "sel": "tr.ledger-row[data-state='on_time'] td.ledger-dept", "text": "北京市机关事务管理中心"}
]
JSON
node tests/browser/serve-e2e.mjs "$URL" $TMP/steps2.json > $TMP/e2e.log 2>&1 || { cat $TMP/e2e.log; fail "reviewer's steps"; }
has $TMP/e2e.log "serve-e2e: OK"
# what the export holds: the confirmed finding, with its comment
curl -s -H "Authorization: Bearer $RTOKEN" -o $TMP/review.xlsx "${URL}api/v1/documents/$DOC/review.xlsx"
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())' \
	$TMP/review.xlsx > $TMP/ss.xml 2> /dev/null || fail "review.xlsx is not a workbook"
has $TMP/ss.xml "请按明细更正"

# the editor changes the detailed budget online (docs/api.md, 预算明细): an
# item, then the income that pays for it (the rules find the first save
# unbalanced), builds, and sees the tables change
TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"name":"编辑","password":"editor-pass"}' "${URL}api/v1/login" |
	sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
[ -n "$TOKEN" ] || fail "login by API"
$YUSUAN build examples/2026-beijing-jiguan-shiwu --db "$DB" -o $TMP/out --quiet > /dev/null 2>&1 || fail "build --db"
BID=$(curl -s -H "Authorization: Bearer $TOKEN" "${URL}api/v1/budgets" | sed -n 's/^{"budgets":\[{"id":\([0-9]*\),.*/\1/p')
[ -n "$BID" ] || fail "no stored budget"
cat > $TMP/steps3.json <<JSON
[
 {"do": "goto", "path": "/login"},
 {"do": "fill", "sel": "input[name=name]", "value": "编辑"},
 {"do": "fill", "sel": "input[name=password]", "value": "editor-pass"},
 {"do": "submit", "sel": "form[action='/login'] button"},
 {"do": "click", "sel": "#nav-budgets"},
 {"do": "click", "sel": "#budget-$BID"},
 {"do": "expect", "sel": "#findings-summary", "text": "0 个错误"},
 {"do": "fill", "sel": "#item-1-amount", "value": "668.596000"},
 {"do": "submit", "sel": "#item-1-save"},
 {"do": "expect", "sel": "#msg", "text": "已保存"},
 {"do": "expect", "sel": "#findings li.finding[data-rule='detail.balance']", "text": "33,150.176143"},
 {"do": "fill", "sel": "#income-0-amount", "value": "33150.176143"},
 {"do": "submit", "sel": "#income-0-save"},
 {"do": "expect", "sel": "#findings-summary", "text": "0 个错误"},
 {"do": "submit", "sel": "#build"},
 {"do": "expect", "sel": "#msg", "text": "已编制 13 张表"},
 {"do": "click", "sel": "#built-doc"},
 {"do": "count", "sel": "table.budget", "min": 13},
 {"do": "expect", "sel": "table#t01 td", "text": "33,150.176143"}
]
JSON
grep -q '33,150.176143' $TMP/out/tables.txt && fail "the example already has the changed figure"
node tests/browser/serve-e2e.mjs "$URL" $TMP/steps3.json > $TMP/e2e.log 2>&1 || { cat $TMP/e2e.log; fail "editor's budget steps"; }
has $TMP/e2e.log "serve-e2e: OK"
# the driver fails when a page lacks what a step expects
printf '[{"do": "goto", "path": "/login"}, {"do": "expect", "sel": "h1", "text": "没有这个标题"}]' > $TMP/bad.json
expect_exit 1 node tests/browser/serve-e2e.mjs "$URL" $TMP/bad.json
has $TMP/o "FAIL 2 expect h1"
echo "ok"
