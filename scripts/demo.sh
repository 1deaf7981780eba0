#!/bin/sh
# demo.sh BIN - the main job, as `make demo` runs it.
#
# Reads the published 2026 budget of 北京市机关事务管理中心, stores it in
# out/budget.db (one transaction), writes its tables as JSON and CSV, and
# checks it against every rule.  (When `yusuan build` compiles detail into
# the 13 tables, the demo will build them from the example's detail.)
set -eu
BIN=${1:-build/yusuan}
EX=examples/2026-beijing-jiguan-shiwu
OUT=out
mkdir -p "$OUT"
rm -f "$OUT"/budget.db "$OUT"/budget.db-wal "$OUT"/budget.db-shm

echo "== import $EX/published.txt into $OUT/budget.db"
"$BIN" import "$EX/published.txt" --db "$OUT/budget.db"
"$BIN" show --format json "$EX/published.txt" > "$OUT/tables.json"
"$BIN" show --format csv "$EX/published.txt" > "$OUT/cells.csv"
echo "   wrote $OUT/tables.json and $OUT/cells.csv"
echo
echo "== check (from the database)"
set +e
"$BIN" check --db "$OUT/budget.db" | tee "$OUT/check.txt"
rc=$?
set -e
"$BIN" check --db "$OUT/budget.db" --format json > "$OUT/check.json"
echo
echo "check exit code: $rc (0: no errors, 1: errors found)"
exit "$rc"
