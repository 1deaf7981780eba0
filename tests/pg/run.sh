#!/bin/sh
# tests/pg/run.sh CMD [ARG...]: run CMD beside a throwaway PostgreSQL.
#
# Makes a cluster of its own (Debian's postgresql: initdb and pg_ctl in a
# temporary folder) that listens on a Unix socket in that folder only - no
# TCP port, so suites running at once cannot collide - and exports
# YS_TEST_PG, the URI of that server without a database name: a test
# appends one ("${YS_TEST_PG}mydb") and makes it (CREATE DATABASE through
# the database "postgres").  When CMD ends, however it ends (or on INT, TERM,
# HUP), the server is stopped and the folder removed; the exit status is
# CMD's.  When YS_TEST_PG is set already, CMD runs on that server: make test
# starts one for the unit and CLI suites together.
#
# initdb refuses to run as root: as root the cluster runs as the user
# "postgres" (Debian's package makes it), or "nobody" when there is none.
# The binaries are taken from PATH, else from the newest
# /usr/lib/postgresql/*/bin (where Debian puts them).  The server is made for
# tests: fsync off, little memory.
set -eu
if [ -n "${YS_TEST_PG:-}" ]; then
	exec "$@"
fi
[ $# -gt 0 ] || { echo "用法：tests/pg/run.sh 命令 [参数…]" >&2; exit 2; }

bindir=""
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
	bindir=$(dirname "$(command -v initdb)")
else
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4n -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			bindir=$d
			break
		fi
	done
fi
if [ -z "$bindir" ]; then
	echo "tests/pg/run.sh：找不到 PostgreSQL 的 initdb 和 pg_ctl（PATH 里和 /usr/lib/postgresql/*/bin 下都没有）；" \
		"请安装：scripts/deps.sh --test（Debian 的 postgresql 包）" >&2
	exit 2
fi

# The socket's path must fit in sun_path (108 bytes) and be written in the
# URI as is: a plain folder under TMPDIR, else under /tmp (as root always
# /tmp: the server's user must reach it).
tmp=${TMPDIR:-/tmp}
case "$tmp" in
*[!A-Za-z0-9/._-]*) tmp=/tmp ;;
esac
[ ${#tmp} -le 60 ] && [ "$(id -u)" -ne 0 ] || tmp=/tmp
dir=$(mktemp -d "$tmp/yusuan-pg.XXXXXX")

as=""
if [ "$(id -u)" -eq 0 ]; then
	if id postgres >/dev/null 2>&1; then
		user=postgres
	else
		user=nobody
	fi
	chown "$user" "$dir"
	as="runuser -u $user --"
fi

started=0
stop() {
	if [ "$started" = 1 ]; then
		$as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

fail() {
	echo "tests/pg/run.sh：$1（$bindir）" >&2
	[ -f "$dir/$2" ] && sed 's/^/    /' "$dir/$2" >&2
	exit 2
}
$as "$bindir/initdb" -D "$dir/data" -U yusuan -A trust -E UTF8 --locale=C --no-sync \
	> "$dir/initdb.log" 2>&1 || fail "initdb 失败" initdb.log
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = 5432
max_connections = 40
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
started=1
$as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null 2>&1 ||
	fail "PostgreSQL 没有启动" server.log

YS_TEST_PG="postgresql://yusuan@$(printf %s "$dir" | sed 's|/|%2F|g'):5432/"
export YS_TEST_PG
set +e
"$@"
status=$?
exit $status
