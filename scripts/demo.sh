#!/bin/sh
# demo.sh BIN - the main job, as `make demo` runs it.
#
# Compiles the detailed 2026 budget of 北京市机关事务管理中心
# (examples/2026-beijing-jiguan-shiwu) into the 13 published tables: the
# detail is checked, stored with the tables in out/budget.db (one
# transaction), the tables are published into out/ (text, CSV, JSON, XLSX,
# PDF and a static HTML site) with the report (the 情况说明 written from the
# budget against last year's, previous-2025/, then the 13 tables: report.pdf,
# .docx, .html, .txt), checked against every rule; the report is read back
# and checked, text and tables; the department's published tables are
# checked beside them.
set -eu
BIN=${1:-build/yusuan}
EX=examples/2026-beijing-jiguan-shiwu
OUT=out
mkdir -p "$OUT"
rm -f "$OUT"/budget.db "$OUT"/budget.db-wal "$OUT"/budget.db-shm

echo "== yusuan build $EX --previous $EX/previous-2025 --db $OUT/budget.db -o $OUT --format all,report"
"$BIN" build "$EX" --previous "$EX/previous-2025" --db "$OUT/budget.db" -o "$OUT" --format all,report --quiet
echo "   已写出 $OUT/tables.txt、tables.json、tables.xlsx、tables.pdf、csv/01.csv … 13.csv、"
echo "         html/index.html（用浏览器打开）、"
echo "         report.pdf、report.docx、report.html、report.txt（情况说明和 13 张表）"
echo
echo "== yusuan check $OUT/report.pdf （读回报告：说明文字和表）"
set +e
"$BIN" check "$OUT/report.pdf" > "$OUT/report-check.txt"
rrc=$?
set -e
tail -1 "$OUT/report-check.txt"
narr=$(grep -c '\[narrative\.' "$OUT/report-check.txt" || true)
echo "   情况说明的发现：$narr 条（完整的检查结果：$OUT/report-check.txt）"
if [ "$rrc" -ne 0 ] || [ "$narr" -ne 0 ]; then
	echo "报告读回后不干净：有错误或情况说明的发现" >&2
	exit 1
fi
echo
echo "== yusuan check $OUT/tables.txt"
set +e
"$BIN" check "$OUT/tables.txt" | tee "$OUT/check.txt"
rc=$?
set -e
echo
echo "== 检查该部门公开的表（$EX/published.txt）"
"$BIN" check "$EX/published.txt" | tail -1
echo
echo "check 的退出码：$rc（0 没有错误，1 有错误）"
exit "$rc"
