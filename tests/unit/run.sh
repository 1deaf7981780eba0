#!/bin/sh
# run.sh BIN... - run the unit test binaries, $JOBS at a time (default: the
# machine's processors); each one's output is printed whole, in the order
# given; fails when one fails.
set -u
if [ "${1:-}" = "--one" ]; then
	out=$BASE/$(basename "$2")
	start=$(date +%s)
	if CK_VERBOSITY=${CK_VERBOSITY:-normal} "$2" > "$out.log" 2>&1; then
		echo "ok $(($(date +%s) - start))" > "$out.status"
	else
		echo FAIL > "$out.status"
	fi
	exit 0
fi
BASE=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-unit.XXXXXX")
export BASE
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 1)}
# the long ones first, so that the others fill in beside them
long="test_write test_narrative test_store test_render test_compile"
{
	for l in $long; do
		for t in "$@"; do [ "$(basename "$t")" != "$l" ] || echo "$t"; done
	done
	for t in "$@"; do
		case " $long " in *" $(basename "$t") "*) ;; *) echo "$t" ;; esac
	done
} | xargs -P "$JOBS" -n 1 sh "$0" --one
fail=0
for t in "$@"; do
	out=$BASE/$(basename "$t")
	cat "$out.log" 2>/dev/null
	if grep -q '^ok' "$out.status" 2>/dev/null; then
		echo "ok   $(basename "$t") ($(cut -d' ' -f2 "$out.status") s)"
	else
		fail=1
		echo "FAIL $t"
	fi
done
rm -rf "$BASE"
exit $fail
