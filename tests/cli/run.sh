#!/bin/sh
# run.sh - run every tests/cli/tNNNN-*.sh with $YUSUAN set; print a summary.
set -u
cd "$(dirname "$0")/../.." || exit 2
: "${YUSUAN:?set YUSUAN to the yusuan binary}"
export YUSUAN
TMP=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-cli.XXXXXX")
export TMP
pass=0 fail=0
for t in tests/cli/t[0-9]*.sh; do
	if sh "$t" > "$TMP/out" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $t"
		sed 's/^/    /' "$TMP/out"
	fi
done
rm -rf "$TMP"
total=$((pass + fail))
pct=$((total ? 100 * pass / total : 100))
echo "cli: ${pct}%: Scripts: $total, Failures: $fail"
[ "$fail" -eq 0 ]
