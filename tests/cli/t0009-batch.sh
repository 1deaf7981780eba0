# batch: many departments from one export, in parallel, checked
. tests/cli/lib.sh
mkdir -p build/bench
cc -O2 -o $TMP/gen bench/gen.c || fail "cannot build bench/gen.c"
$TMP/gen 20 60 7 > $TMP/items.csv
expect_exit 0 $YUSUAN batch $TMP/items.csv --year 2026 -o $TMP/b3 --threads 3
has $TMP/o "compiled 20 of 20 departments"
expect_exit 0 $YUSUAN batch $TMP/items.csv --year 2026 -o $TMP/b1 --threads 1
for f in $TMP/b1/*.txt; do
	cmp -s $f $TMP/b3/$(basename $f) || fail "threads change $(basename $f)"
done
[ "$(ls $TMP/b1 | wc -l)" -eq 20 ] || fail "one file per department"
# every department's tables pass check (warnings allowed)
for d in 部门0001 部门0010 部门0020; do
	expect_exit 0 $YUSUAN check $TMP/b1/$d.txt
	has $TMP/o "读到 13 张表（13 张一套）"
	has $TMP/o "；0 个错误"
done
# the same department's spending, summed independently of yusuan, to the 分
want=$(awk -F, '$1 == "部门0001" { v = $11; sub(/\./, "", v); s += v } END { printf "%.0f\n", s }' $TMP/items.csv)
got=$($YUSUAN show --table 01 --format csv $TMP/b1/部门0001.txt |
	awk -F'"' '/本年支出合计/ { v = $(NF - 1); gsub(/[,.]/, "", v); sub(/^0+/, "", v); print v }')
[ "$want" = "$got" ] || fail "部门0001 spends $want 分 in the export, $got in table 01"
# JSON output
expect_exit 0 $YUSUAN batch $TMP/items.csv --year 2026 -o $TMP/bj --format json --threads 2
has $TMP/bj/部门0002.json '"department": "部门0002"'
# a department whose rows are not together
{ head -n 1 $TMP/items.csv; grep '^部门0001,' $TMP/items.csv | head -3; grep '^部门0002,' $TMP/items.csv | head -2;
  grep '^部门0001,' $TMP/items.csv | tail -1; } > $TMP/split.csv
expect_exit 3 $YUSUAN batch $TMP/split.csv --year 2026 --format none
has $TMP/e "split.csv:7:1: 部门 '部门0001' comes back after other departments"
# an unreadable amount: file, line and column
sed '5s/,[0-9.]*$/,12x/' $TMP/items.csv > $TMP/bad.csv
expect_exit 3 $YUSUAN batch $TMP/bad.csv --year 2026 --format none
has $TMP/e "bad.csv:5:"
has $TMP/e "金额 '12x' is not an amount in 万元"
# a department with a detail error is reported, not compiled; the others are
sed '3s/,2[0-9]\{6\},/,2270101,/' $TMP/items.csv > $TMP/cls.csv
expect_exit 1 $YUSUAN batch $TMP/cls.csv --year 2026 -o $TMP/bc --threads 2
has $TMP/e "cls.csv:3  [detail.codes] 部门0001"
has $TMP/o "compiled 19 of 20 departments"
[ ! -e $TMP/bc/部门0001.txt ] || fail "a refused department was written"
expect_exit 2 $YUSUAN batch $TMP/items.csv
has $TMP/e "须给出 --year 年度"
