#!/bin/sh
# run.sh HARNESS... - replay the kept inputs of each harness, then fuzz it.
#
# Environment: FUZZ_DIR (build/fuzz), FUZZ_SECONDS (10; 0 replays only),
# FUZZ_TIMEOUT (seconds one input may take while fuzzing, 20),
# FUZZ_REGRESS_TIMEOUT (the same for a kept input, 5), FUZZ_RSS_MB (2048),
# FUZZ_PREFIX (a command to run the fuzzer under, e.g. "nice -n 10"),
# FUZZ_ARGS (more libFuzzer options), FUZZ_REGRESS (the folder of kept
# inputs, tests/fuzz/regress).  Run from the top of the tree.
#
# For each harness h: every file in tests/fuzz/regress/h/ is run once; then
# build/fuzz/fuzz_h fuzzes for FUZZ_SECONDS on build/fuzz/corpus/h (seeded
# from tests/fuzz/corpus/h; tests/ is never written), with the dictionary
# tests/fuzz/dict/h.dict when there is one.  Crashes go to
# build/fuzz/artifacts/h/, the log to build/fuzz/logs/h.log.  Exits 1 if
# any harness failed.  The harnesses run $JOBS at a time (default: the
# machine's processors), each one's lines printed together, in the order
# given.
set -u
dir=${FUZZ_DIR:-build/fuzz}
secs=${FUZZ_SECONDS:-10}
timeout=${FUZZ_TIMEOUT:-20}
rtimeout=${FUZZ_REGRESS_TIMEOUT:-5}
rss=${FUZZ_RSS_MB:-2048}
prefix=${FUZZ_PREFIX:-}
root=$(pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
mkdir -p "$dir/logs"
failed=""
# replay BIN DIR WHAT: run every file of DIR once (if any); 1 when one fails
replay() {
	[ -d "$2" ] && [ -n "$(ls -A "$2" 2>/dev/null)" ] || return 0
	if $prefix "$1" -timeout="$rtimeout" -rss_limit_mb="$rss" "$2"/* >>"$log" 2>&1; then
		echo "fuzz $h: $(ls -A "$2" | wc -l) $3 pass"
		return 0
	fi
	echo "fuzz $h: one of the $3 FAILS (log: $log)"
	grep -E "ERROR|SUMMARY|Running:|fuzz invariant" "$log" | tail -n 8 | sed 's/^/    /'
	failed="$failed $h"
	return 1
}
# one HARNESS: its lines, and "failed" into $dir/logs/HARNESS.failed
one() {
	h=$1
	bin=$dir/fuzz_$h
	log=$dir/logs/$h.log
	if [ ! -x "$bin" ]; then
		echo "fuzz $h: $bin is missing (make -f tests/fuzz/fuzz.mk fuzz-build)"
		failed="$failed $h"
		return
	fi
	: > "$log"
	# the kept inputs: each must run clean; without fuzzing, the seeds
	# too, so that every harness's invariants are checked on real inputs
	replay "$bin" "${FUZZ_REGRESS:-tests/fuzz/regress}/$h" "regression inputs" || return
	if [ "$secs" -eq 0 ]; then
		replay "$bin" "tests/fuzz/corpus/$h" seeds
		return
	fi
	corpus=$dir/corpus/$h
	art=$dir/artifacts/$h/
	mkdir -p "$corpus" "$art"
	[ -d tests/fuzz/corpus/$h ] && cp -p tests/fuzz/corpus/$h/* "$corpus"/ 2>/dev/null
	dict=
	[ -f tests/fuzz/dict/$h.dict ] && dict=-dict=tests/fuzz/dict/$h.dict
	if $prefix "$bin" -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb="$rss" \
		-artifact_prefix="$art" -print_final_stats=1 $dict ${FUZZ_ARGS:-} "$corpus" >>"$log" 2>&1; then
		last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
		echo "fuzz $h: ok  $last"
	else
		echo "fuzz $h: FAILED (log: $log, inputs in $art)"
		grep -E "ERROR|SUMMARY|fuzz invariant|Test unit written" "$log" | tail -n 8 | sed 's/^/    /'
		failed="$failed $h"
	fi
}
if [ "${1:-}" = "--one" ]; then
	failed=""
	one "$2" > "$dir/logs/$2.out"
	[ -z "$failed" ] || echo "$2" > "$dir/logs/$2.failed"
	exit 0
fi
for h in "$@"; do rm -f "$dir/logs/$h.failed" "$dir/logs/$h.out"; done
for h in "$@"; do echo "$h"; done | xargs -P "${JOBS:-$(nproc 2>/dev/null || echo 1)}" -n 1 sh "$0" --one
for h in "$@"; do
	cat "$dir/logs/$h.out" 2>/dev/null
	[ ! -e "$dir/logs/$h.failed" ] || failed="$failed $h"
	[ -e "$dir/logs/$h.out" ] || failed="$failed $h"
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
exit 0
