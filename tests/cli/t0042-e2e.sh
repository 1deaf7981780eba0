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

# one planted error: 收支总表's 一般公共预算拨款 one 分 more than the detail
sed '80s/393\.779040\t393\.779040/393.779040\t393.779041/' $SEED > $TMP/budget.txt
cmp -s $SEED $TMP/budget.txt && fail "the planted error did not change the file"

cat > $TMP/steps.json <<JSON
[
 {"do": "goto", "path": "/login"},
 {"do": "fill", "sel": "input[name=name]", "value": "编辑"},
 {"do": "fill", "sel": "input[name=password]", "value": "editor-pass"},
 {"do": "submit", "sel": "form[action='/login'] button"},
 {"do": "expect", "sel": "h1, h2", "text": "工作清单"},
 {"do": "expect", "sel": "body", "text": "编辑（editor）"}
]
JSON
# until the upload page: the editor's upload through the API
TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"name":"编辑","password":"editor-pass"}' "${URL}api/v1/login" |
	sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
[ -n "$TOKEN" ] || fail "login by API"
st=$(curl -s -o $TMP/up.json -w '%{http_code}' -H "Authorization: Bearer $TOKEN" --data-binary @$TMP/budget.txt \
	"${URL}api/v1/documents?name=budget.txt")
[ "$st" = 201 ] || { cat $TMP/up.json; fail "upload: $st"; }
DOC=$(sed -n 's/^{"id": *\([0-9]*\),.*/\1/p' $TMP/up.json | head -1)
[ -n "$DOC" ] || DOC=$(tr ',' '\n' < $TMP/up.json | sed -n 's/^{*"id": *\([0-9]*\).*/\1/p' | head -1)
[ -n "$DOC" ] || fail "no document id in the upload's answer"

# the page says what yusuan check says
$YUSUAN check $TMP/budget.txt > $TMP/check.txt
ERRORS=$(sed -n 's/.*；\([0-9]*\) 个错误.*/\1/p' $TMP/check.txt)
[ "${ERRORS:-0}" -ge 1 ] || fail "the planted error was not found by check"
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
 {"do": "fill", "sel": "tr.sev-error select[name=state]", "value": "dismissed"},
 {"do": "fill", "sel": "tr.sev-error input[name=reason]", "value": "经核对为录入误差，已更正"},
 {"do": "submit", "sel": "tr.sev-error form button"},
 {"do": "goto", "path": "/documents/$DOC"},
 {"do": "expect", "sel": "tr.sev-error .review", "text": "经核对为录入误差，已更正"},
 {"do": "goto", "path": "/audit"},
 {"do": "expect", "sel": "td", "text": "经核对为录入误差，已更正"}
]
JSON
node tests/browser/serve-e2e.mjs "$URL" $TMP/steps.json > $TMP/e2e.log 2>&1 || { cat $TMP/e2e.log; fail "editor's steps"; }
has $TMP/e2e.log "serve-e2e: OK"
node tests/browser/serve-e2e.mjs "$URL" $TMP/steps2.json > $TMP/e2e.log 2>&1 || { cat $TMP/e2e.log; fail "reviewer's steps"; }
has $TMP/e2e.log "serve-e2e: OK"

# the editor changes the detailed budget online (docs/api.md, 预算明细): an
# item, then the income that pays for it (the rules find the first save
# unbalanced), builds, and sees the tables change
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
