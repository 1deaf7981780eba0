#!/bin/sh
# Install the Debian packages yusuan needs to build, test and run.
# Idempotent: packages already installed are left alone and nothing is
# downloaded when all are present. Uses sudo when not run as root.
set -eu

PKGS="build-essential pkg-config
libsqlite3-dev sqlite3
libjansson-dev
libutf8proc-dev
libzip-dev libexpat1-dev
libxlsxwriter-dev
libcairo2-dev libpango1.0-dev fonts-noto-cjk
libpoppler-glib-dev
check"

missing=""
# make bench also needs Node.js with npm (DuckDB's peer), GNU time (peak
# memory) and the sqlite3 shell: installed from Debian when not on PATH
if [ "${1:-}" = "--bench" ]; then
	PKGS=""
	command -v node >/dev/null 2>&1 || missing="$missing nodejs"
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
	[ -x /usr/bin/time ] || missing="$missing time"
	command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
fi

for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

[ -z "$missing" ] && exit 0

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
