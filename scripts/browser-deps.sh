#!/bin/sh
# Install what the headless-browser check of the HTML site needs
# (tests/browser/check-html.mjs): Debian's chromium, Node.js and npm, and
# the pinned playwright-core from tests/browser/package-lock.json.
# Idempotent: packages already installed are left alone, apt-get runs only
# when one is missing, and npm only when node_modules/playwright-core is not
# there. Uses sudo when not run as root.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
browser_dir="$here/../tests/browser"

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=""
installed chromium || missing="$missing chromium"
# Node.js from another source (NodeSource's nodejs package ships npm and
# conflicts with Debian's npm) counts as present when it is on PATH.
installed nodejs || command -v node >/dev/null 2>&1 || missing="$missing nodejs"
installed npm || command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -n "$missing" ]; then
	echo "browser-deps.sh: installing:$missing" >&2
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

if [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
	echo "browser-deps.sh: installing playwright-core in tests/browser" >&2
	cd "$browser_dir"
	if [ -f package-lock.json ]; then
		npm ci --silent --no-audit --no-fund
	else
		npm install --silent --no-audit --no-fund
	fi
fi
