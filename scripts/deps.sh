#!/bin/sh
# Install the Debian packages yusuan needs to build, test and run.
#
#   scripts/deps.sh           build and run (make, make demo, make serve-demo:
#                             libmicrohttpd, libargon2, curl)
#   scripts/deps.sh --test    also what the tests use (make test): Check,
#                             python3-docx (report.docx read back, t0032),
#                             PostgreSQL (the store suites run on a
#                             throwaway server, tests/pg/run.sh; Debian's
#                             package also starts a cluster of its own, which
#                             the tests do not use),
#                             clang (the fuzz harnesses' replay) and, for the
#                             HTML site's browser test, Debian's chromium and
#                             Node.js (tests/browser/check-html.mjs drives
#                             Chromium through the DevTools protocol with
#                             Node's own modules: no npm package), groff
#                             (the man page's test renders yusuan.1)
#   scripts/deps.sh --fuzz    clang with its runtime (libFuzzer, the
#                             sanitizers) for the fuzz harnesses (make fuzz;
#                             make test replays their kept inputs)
#   scripts/deps.sh --corpus  what make corpus needs besides: python3 and
#                             poppler-utils (pdftotext -layout, the floor
#                             the corpus run is timed against)
#   scripts/deps.sh --bench   what make bench needs besides: Node.js/npm
#                             (DuckDB's peer), GNU time, the sqlite3 shell;
#                             wrk and nginx for bench/serve.sh
#
# Idempotent: packages already installed are left alone, apt-get runs only
# when one is missing.  Uses sudo when not run as root.
set -eu

mode=${1:-}

PKGS="build-essential pkg-config
libsqlite3-dev sqlite3
libpq-dev
libargon2-dev libmicrohttpd-dev
libjansson-dev
libutf8proc-dev
libzip-dev libexpat1-dev
libxlsxwriter-dev
libcairo2-dev libpango1.0-dev fonts-noto-cjk
libpoppler-glib-dev
curl"

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
case "$mode" in
--test)
	PKGS="$PKGS check chromium clang libclang-rt-dev python3 python3-docx poppler-utils postgresql groff-base"
	;;
--corpus)
	PKGS="$PKGS python3 poppler-utils"
	;;
--fuzz)
	PKGS="$PKGS clang libclang-rt-dev"
	;;
--bench)
	PKGS=""
	[ -x /usr/bin/time ] || missing="$missing time"
	# bench/serve.sh: wrk against yusuan serve and nginx
	command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
	[ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
	command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
	;;
"") ;;
*)
	echo "usage: scripts/deps.sh [--test|--fuzz|--corpus|--bench]" >&2
	exit 2
	;;
esac
# Node.js from another source (NodeSource's nodejs ships npm and conflicts
# with Debian's npm) counts as present when it is on PATH.  Any Node from 18
# (Debian 12's) on runs the browser test; only the benchmark needs npm.
if [ "$mode" = --test ] || [ "$mode" = --bench ]; then
	command -v node >/dev/null 2>&1 || missing="$missing nodejs"
fi
if [ "$mode" = --bench ]; then
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi

for p in $PKGS; do
	installed "$p" || missing="$missing $p"
done

if [ -n "$missing" ]; then
	echo "deps.sh: installing:$missing" >&2
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	else
		SUDO="sudo"
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi
exit 0
