#!/bin/sh
# demo.sh BIN - the main job, as `make demo` runs it.
#
# Compiles the detailed 2026 budget of 北京市机关事务管理中心
# (examples/2026-beijing-jiguan-shiwu) into the 13 published tables: the
# detail is checked, stored with the tables in out/budget.db (one
# transaction), the tables are published into out/ (text, CSV, JSON, XLSX,
# PDF and a static HTML site), checked against every rule; the department's
# published tables are checked beside them.
set -eu
BIN=${1:-build/yusuan}
EX=examples/2026-beijing-jiguan-shiwu
OUT=out
mkdir -p "$OUT"
rm -f "$OUT"/budget.db "$OUT"/budget.db-wal "$OUT"/budget.db-shm

echo "== yusuan build $EX --db $OUT/budget.db -o $OUT --format all"
"$BIN" build "$EX" --db "$OUT/budget.db" -o "$OUT" --format all | grep -v '^  wrote'
echo "   wrote $OUT/tables.txt, tables.json, tables.xlsx, tables.pdf, csv/01.csv … 13.csv,"
echo "         html/index.html (open it in a browser)"
echo
echo "== yusuan check $OUT/tables.txt"
set +e
"$BIN" check "$OUT/tables.txt" | tee "$OUT/check.txt"
rc=$?
set -e
echo
echo "== the published tables ($EX/published.txt), checked"
"$BIN" check "$EX/published.txt" | tail -1
echo
echo "check exit code: $rc (0: no errors, 1: errors found)"
exit "$rc"
