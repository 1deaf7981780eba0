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
# any harness failed.
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
for h in "$@"; do
	bin=$dir/fuzz_$h
	log=$dir/logs/$h.log
	if [ ! -x "$bin" ]; then
		echo "fuzz $h: $bin is missing (make -f tests/fuzz/fuzz.mk fuzz-build)"
		failed="$failed $h"
		continue
	fi
	: > "$log"
	# the kept inputs: each must run clean
	reg=${FUZZ_REGRESS:-tests/fuzz/regress}/$h
	if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
		n=$(ls -A "$reg" | wc -l)
		if $prefix "$bin" -timeout="$rtimeout" -rss_limit_mb="$rss" "$reg"/* >>"$log" 2>&1; then
			echo "fuzz $h: $n regression inputs pass"
		else
			echo "fuzz $h: a regression input FAILS (log: $log)"
			grep -E "ERROR|SUMMARY|Running:|fuzz invariant" "$log" | tail -n 8 | sed 's/^/    /'
			failed="$failed $h"
			continue
		fi
	fi
	if [ "$secs" -eq 0 ]; then
		# no fuzzing: the seeds once each too, so that every harness's
		# invariants are checked on real inputs
		seeds=tests/fuzz/corpus/$h
		if [ -d "$seeds" ] && [ -n "$(ls -A "$seeds" 2>/dev/null)" ]; then
			n=$(ls -A "$seeds" | wc -l)
			if $prefix "$bin" -timeout="$rtimeout" -rss_limit_mb="$rss" "$seeds"/* >>"$log" 2>&1; then
				echo "fuzz $h: $n seeds pass"
			else
				echo "fuzz $h: a seed FAILS (log: $log)"
				grep -E "ERROR|SUMMARY|Running:|fuzz invariant" "$log" | tail -n 8 | sed 's/^/    /'
				failed="$failed $h"
			fi
		fi
		continue
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
done
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed"
	exit 1
fi
exit 0
