#!/bin/sh
# serve-demo.sh BIN - `make serve-demo`: the web application on the example.
#
# A fresh SQLite store out/serve.db with the example budget of
# 北京市机关事务管理中心 for 2026 and 2025 compiled into it (yusuan build
# --db), an admin and an editor of that department (passwords made up and
# printed), then yusuan serve on SERVE_LISTEN (127.0.0.1:8080); the
# department's published tables and a Shanghai PDF of another layout are
# uploaded through the API, as a department would (and a page of a real
# Beijing PDF), two departments registered as due in the ledger, and the
# URL printed.
# Reads only the repository (examples/, tests/fixtures/). Ctrl-C stops it.
set -eu
BIN=${1:-build/yusuan}
LISTEN=${SERVE_LISTEN:-127.0.0.1:8080}
EX=examples/2026-beijing-jiguan-shiwu
OUT=out
DB=$OUT/serve.db
mkdir -p "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm" "$OUT/serve.fifo"

echo "== 编入示例预算：$EX（2026）和 $EX/previous-2025（2025）"
"$BIN" build "$EX" --db "$DB" > /dev/null 2>&1 || { echo "serve-demo：yusuan build $EX 失败" >&2; exit 1; }
"$BIN" build "$EX/previous-2025" --db "$DB" > /dev/null 2>&1 || { echo "serve-demo：yusuan build $EX/previous-2025 失败" >&2; exit 1; }
pw() { head -c 12 /dev/urandom | base64 | tr -d '/+=' | cut -c1-12; }
ADMIN_PW=$(pw)
EDITOR_PW=$(pw)
printf '%s\n' "$ADMIN_PW" | "$BIN" user add admin --role admin --db "$DB"
printf '%s\n' "$EDITOR_PW" | "$BIN" user add editor --role editor --department 北京市机关事务管理中心 --db "$DB"

mkfifo "$OUT/serve.fifo"
"$BIN" serve --db "$DB" --listen "$LISTEN" > "$OUT/serve.fifo" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$OUT/serve.fifo"' EXIT INT TERM
read -r line < "$OUT/serve.fifo"
URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
[ -n "$URL" ] || { echo "serve-demo：yusuan serve 没有启动" >&2; exit 1; }

token() {
	curl -s -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"password\":\"$2\"}" "${URL}api/v1/login" |
		sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p'
}
upload() {
	printf '   上传 %s：' "$2"
	curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $1" --data-binary @"$2" \
		"${URL}api/v1/documents?name=$(basename "$2")"
}
echo "== 上传公开文件（JSON 接口，docs/api.md）"
upload "$(token editor "$EDITOR_PW")" "$EX/published.txt"
upload "$(token admin "$ADMIN_PW")" tests/fixtures/corpus/2023_shpt_wanlijiedao.pdf
upload "$(token admin "$ADMIN_PW")" tests/fixtures/corpus2026/bj_14.pdf
echo "== 应交清单：2026 年应公开的部门和截止日期（yusuan ledger，docs/api.md）"
"$BIN" ledger add 北京市机关事务管理中心 --year 2026 --due 2026-02-28 --db "$DB" > /dev/null
"$BIN" ledger add 北京市公安局 --year 2026 --due 2026-02-28 --db "$DB" > /dev/null

echo
echo "yusuan serve 在 $URL"
echo "  管理员：admin / $ADMIN_PW"
echo "  编辑（北京市机关事务管理中心）：editor / $EDITOR_PW"
echo "  应交清单：${URL}ledger；预算明细（在线编辑、编制 13 张表）：${URL}budgets"
echo "  上传页：${URL}upload（一次可选几个文件，每个文件作为任务检查，进度在 ${URL}jobs）"
echo "Ctrl-C 停止。"
wait $pid
