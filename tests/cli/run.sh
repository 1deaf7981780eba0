#!/bin/sh
# run.sh - run every tests/cli/tNNNN-*.sh with $YUSUAN set; print a summary.
set -u
cd "$(dirname "$0")/../.." || exit 2
: "${YUSUAN:?set YUSUAN to the yusuan binary}"
export YUSUAN
BASE=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-cli.XXXXXX")
pass=0 fail=0
for t in tests/cli/t[0-9]*.sh; do
	# each script its own scratch folder
	TMP=$BASE/$(basename "$t" .sh)
	mkdir -p "$TMP"
	export TMP
	start=$(date +%s)
	if sh "$t" > "$BASE/$(basename "$t" .sh).log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $t ($(($(date +%s) - start)) s)"
	else
		fail=$((fail + 1))
		echo "FAIL $t"
		sed 's/^/    /' "$BASE/$(basename "$t" .sh).log"
	fi
done
rm -rf "$BASE"
total=$((pass + fail))
pct=$((total ? 100 * pass / total : 100))
echo "cli: ${pct}%: Scripts: $total, Failures: $fail"
[ "$fail" -eq 0 ]
