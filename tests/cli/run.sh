#!/bin/sh
# run.sh [SCRIPT...] - run tests/cli/tNNNN-*.sh (all, or the ones named: a
# path or a number such as t0008) with $YUSUAN set, $JOBS at a time (default:
# the machine's processors and one), and print a summary in the scripts' order.
# Each script gets its own scratch folder $TMP; its output is shown when it
# fails.
set -u
cd "$(dirname "$0")/../.." || exit 2
: "${YUSUAN:?set YUSUAN to the yusuan binary}"
export YUSUAN

if [ "${1:-}" = "--one" ]; then
	# one script, run by the loop below through xargs
	t=$2
	name=$(basename "$t" .sh)
	TMP=$BASE/$name
	mkdir -p "$TMP"
	export TMP
	start=$(date +%s)
	if sh "$t" > "$BASE/$name.log" 2>&1; then
		echo "ok   $t ($(($(date +%s) - start)) s)" > "$BASE/$name.status"
	else
		echo "FAIL $t" > "$BASE/$name.status"
	fi
	exit 0
fi

scripts=""
if [ $# -eq 0 ]; then
	scripts=$(ls tests/cli/t[0-9]*.sh)
else
	for a in "$@"; do
		case $a in
		*.sh) scripts="$scripts $a" ;;
		*) scripts="$scripts $(ls tests/cli/"$a"*.sh)" ;;
		esac
	done
fi
BASE=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-cli.XXXXXX")
export BASE
# one more than the processors: the scripts spend much of their time
# waiting (servers, PostgreSQL, Chromium, pipes)
JOBS=${JOBS:-$(($(nproc 2>/dev/null || echo 1) + 1))}
# the long ones first, so that the others fill in beside them
long="t0011 t0012 t0010 t0027"
{
	for l in $long; do
		for t in $scripts; do
			case $t in */$l-*) echo "$t" ;; esac
		done
	done
	for t in $scripts; do
		skip=0
		for l in $long; do
			case $t in */$l-*) skip=1 ;; esac
		done
		[ $skip -eq 1 ] || echo "$t"
	done
} | xargs -P "$JOBS" -n 1 sh tests/cli/run.sh --one

pass=0 fail=0
for t in $scripts; do
	name=$(basename "$t" .sh)
	if [ -f "$BASE/$name.status" ] && grep -q '^ok' "$BASE/$name.status"; then
		pass=$((pass + 1))
		cat "$BASE/$name.status"
	else
		fail=$((fail + 1))
		echo "FAIL $t"
		sed 's/^/    /' "$BASE/$name.log" 2>/dev/null
	fi
done
rm -rf "$BASE"
total=$((pass + fail))
pct=$((total ? 100 * pass / total : 100))
echo "cli: ${pct}%: Scripts: $total, Failures: $fail"
[ "$fail" -eq 0 ]
