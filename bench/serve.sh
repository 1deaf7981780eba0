#!/bin/sh
# bench/serve.sh [SECONDS] - yusuan serve under wrk, beside nginx serving the
# same page as a static file (the floor), in one run on loopback:
#
#   GET /api/v1/documents/ID       a document's findings with their reviews (JSON)
#   GET /documents/ID              the document page: findings, review forms, the 13 tables
#   nginx: that page, saved        the same bytes from a file
#   POST /api/v1/documents         an upload read and checked (8 connections)
#
# 200 connections, 2 wrk threads, SECONDS (10) each; p50, p99 and requests/s
# from wrk --latency.  yusuan serve on SQLite with 4 threads.  Needs wrk and
# nginx (scripts/deps.sh --bench) and a built build/yusuan.  Prints a
# Markdown table.
set -eu
cd "$(dirname "$0")/.."
SECS=${1:-10}
BIN=${YUSUAN:-build/yusuan}
command -v wrk > /dev/null || { echo "bench/serve.sh：需要 wrk（scripts/deps.sh --bench）" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench/serve.sh：需要 nginx（scripts/deps.sh --bench）" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-bench-serve.XXXXXX")
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null; done; rm -rf "$T"' EXIT INT TERM

printf 'bench-password\n' | "$BIN" user add bench --role admin --db "$T/s.db" > /dev/null
mkfifo "$T/fifo"
"$BIN" serve --db "$T/s.db" --listen 127.0.0.1:0 --threads 4 > "$T/fifo" 2> "$T/serve.err" &
pids="$pids $!"
read -r line < "$T/fifo"
URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"name":"bench","password":"bench-password"}' \
	"${URL}api/v1/login" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
EX=examples/2026-beijing-jiguan-shiwu/published.txt
ID=$(curl -s -H "Authorization: Bearer $TOKEN" --data-binary @$EX "${URL}api/v1/documents?name=published.txt" |
	sed -n 's/^{"id":\([0-9]*\),.*/\1/p')
[ -n "$ID" ] || { echo "bench/serve.sh：上传失败" >&2; exit 1; }

# nginx with the page as a file
mkdir -p "$T/www" "$T/nginx"
curl -s -H "Authorization: Bearer $TOKEN" "${URL}documents/$ID" > "$T/www/page.html"
chmod 755 "$T" "$T/www"     # nginx's workers run as another user when started as root
chmod 644 "$T/www/page.html"
PORT=$(( 20000 + $$ % 20000 ))
cat > "$T/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 2;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $T/nginx;
    proxy_temp_path $T/nginx;
    fastcgi_temp_path $T/nginx;
    uwsgi_temp_path $T/nginx;
    scgi_temp_path $T/nginx;
    server {
        listen 127.0.0.1:$PORT;
        root $T/www;
        default_type text/html;
    }
}
EOF
"$NGINX" -c "$T/nginx/nginx.conf" -p "$T/nginx" &
pids="$pids $!"
for i in 1 2 3 4 5 6 7 8 9 10; do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/page.html" && break
	sleep 0.2
done

cat > "$T/post.lua" <<EOF
local f = io.open("$EX", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Authorization"] = "Bearer $TOKEN"
EOF

# run NAME CONNECTIONS URL [wrk args]: a table row
run() {
	name=$1 c=$2 u=$3
	shift 3
	wrk -t2 -c"$c" -d"${SECS}s" --latency "$@" "$u" > "$T/wrk.out" 2>&1
	p50=$(awk '$1 == "50%" { print $2 }' "$T/wrk.out")
	p99=$(awk '$1 == "99%" { print $2 }' "$T/wrk.out")
	rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$T/wrk.out")
	non2xx=$(awk '/Non-2xx/ { print $5 }' "$T/wrk.out")
	printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$c" "$p50" "$p99" "$rps" "${non2xx:-0}"
}
echo "| what | connections | p50 | p99 | requests/s | non-2xx |"
echo "|---|---|---|---|---|---|"
run "nginx: the document page as a static file ($(wc -c < "$T/www/page.html") bytes)" 200 "http://127.0.0.1:$PORT/page.html"
run "yusuan: GET /api/v1/documents/ID (findings and reviews, JSON)" 200 "${URL}api/v1/documents/$ID" \
	-H "Authorization: Bearer $TOKEN"
run "yusuan: GET /documents/ID (the document page)" 200 "${URL}documents/$ID" -H "Authorization: Bearer $TOKEN"
run "yusuan: GET /healthz" 200 "${URL}healthz"
run "yusuan: POST /api/v1/documents (upload read and checked)" 8 "${URL}api/v1/documents?name=published.txt" \
	-s "$T/post.lua"
