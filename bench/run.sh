#!/bin/sh
# bench/run.sh - compile a corpus of department budgets with yusuan, and do the
# same aggregations with the sqlite3 shell and DuckDB, in one run.
#
#   bench/run.sh [RUNS] [--no-10m]     (make bench)
#
# Corpora (bench/gen.c, deterministic): 1,000 departments of ~1,000 line items
# (1 M items) and 1,000 departments of ~10,000 (10 M items).  Every engine reads
# the same CSV and writes its results to files.  Each engine runs RUNS times
# (default 5); we report the median wall time, the spread (min-max) and the
# peak resident memory (GNU time's %M), and `wc -l` on the same bytes as the
# floor.  Results go to bench/results.md; BENCHMARKS.md quotes them.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-5}
TEN=1
[ "${2:-}" = "--no-10m" ] && TEN=0
W=${BENCH_DIR:-/tmp/yusuan-bench}
mkdir -p "$W" build/bench
cc -O2 -Wall -Wextra -Werror -o build/bench/gen bench/gen.c
[ -d bench/node_modules/@duckdb/node-api ] || (cd bench && npm install --silent --no-audit --no-fund)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }

# run NAME CMD...: RUNS timings of CMD; prints "median min max peak_mb"
run() {
	name=$1
	shift
	: > "$W/$name.times"
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -rf "$W/out-$name"
		$TIME -f "%e %M" -o "$W/$name.one" "$@" > /dev/null 2> "$W/$name.err" || {
			cat "$W/$name.err" >&2
			echo "bench: $name failed" >&2
			exit 1
		}
		tail -n 1 "$W/$name.one" >> "$W/$name.times"
		i=$((i + 1))
	done
	sort -n "$W/$name.times" | awk -v n="$RUNS" '
		{ t[NR] = $1; if ($2 > m) m = $2 }
		END { printf "%.3f %.3f %.3f %.1f\n", t[int((n + 1) / 2)], t[1], t[n], m / 1024 }'
}

row() { # engine label stats...
	printf '| %s | %s | %s s | %s–%s s | %s MB |\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$W/results.md"
}

corpus() { # label departments items_per_department
	label=$1
	csv="$W/items-$label.csv"
	[ -s "$csv" ] || build/bench/gen "$2" "$3" > "$csv"
	items=$(($(wc -l < "$csv") - 1))
	mb=$(($(wc -c < "$csv") / 1000000))
	echo "== $label: $items items, $mb MB" >&2
	printf '\n### %s: %s line items of %s departments, %s MB of CSV (%s runs each)\n\n' "$label" "$items" "$2" "$mb" "$RUNS" >> "$W/results.md"
	printf '| engine | what | median | spread | peak memory |\n|---|---|---|---|---|\n' >> "$W/results.md"
	set -- $(run "wc-$label" wc -l "$csv")
	row "wc -l" "count the lines (the floor)" "$@"
	set -- $(run "yusuan-$label" build/yusuan batch "$csv" --year 2026 -o "$W/out-yusuan-$label")
	yus=$1
	row "yusuan batch" "check the detail, compile all 13 tables of every department, write them" "$@"
	if [ "$label" = 1M ] || [ "${PEERS_10M:-1}" = 1 ]; then
		set -- $(run "duckdb-$label" node bench/peers/duckdb.mjs "$csv" "$W/out-duckdb-$label")
		duck=$1
		row "DuckDB" "load the CSV, the six aggregations, write them (@duckdb/node-api, default threads)" "$@"
		set -- $(run "sqlite-$label" bench/peers/sqlite.sh "$csv" "$W/out-sqlite-$label")
		row "sqlite3 shell" "import the CSV, the six aggregations, write them" "$@"
		awk -v y="$yus" -v d="$duck" 'BEGIN { printf "\nyusuan is %.1f× faster than DuckDB end to end.\n", d / y }' >> "$W/results.md"
		agree "$label"
	fi
}

# agree LABEL: for three departments, yusuan's 本年支出合计 (table 01) equals the
# sum DuckDB and sqlite3 give, to the 分
agree() {
	for d in 部门0001 部门0500 部门1000; do
		y=$(build/yusuan show --table 01 --format csv "$W/out-yusuan-$1/$d.txt" |
			awk -F'"' '/本年支出合计/ { v = $(NF - 1); gsub(/[,.]/, "", v); sub(/^0+/, "", v); print v }')
		# sums of 分 stay far below 2^53: awk's doubles hold them exactly
		k=$(awk -F, -v d="$d" '$1 == d { s += $3 } END { printf "%.0f\n", s }' "$W/out-duckdb-$1/by_class.csv")
		q=$(awk -F, -v d="\"$d\"" '$1 == d { s += $3 } END { printf "%.0f\n", s }' "$W/out-sqlite-$1/by_class.csv")
		[ "$y" = "$k" ] && [ "$y" = "$q" ] || { echo "bench: $d: yusuan $y, DuckDB $k, sqlite3 $q 分" >&2; exit 1; }
	done
	echo "The three engines agree to the 分 on the spending of 部门0001, 部门0500 and 部门1000." >> "$W/results.md"
}

duckver=$(cd bench && node -e "import('@duckdb/node-api').then(m=>console.log(m.version()))" 2>/dev/null || echo '?')
{
	echo "## Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) processors ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
	echo
	echo "yusuan $(build/yusuan --version | cut -d' ' -f2), DuckDB $duckver (@duckdb/node-api, Node $(node --version)), sqlite3 $(sqlite3 --version | cut -d' ' -f1)."
} > "$W/results.md"

corpus 1M 1000 1000
if [ "$TEN" = 1 ]; then
	RUNS=${RUNS10:-3}
	corpus 10M 1000 10000
fi
cp "$W/results.md" bench/results.md
cat bench/results.md
