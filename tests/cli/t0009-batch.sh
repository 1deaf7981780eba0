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
has $TMP/e "split.csv:7:1：部门“部门0001”在其他部门之后又出现"
# an unreadable amount: file, line and column
sed '5s/,[0-9.]*$/,12x/' $TMP/items.csv > $TMP/bad.csv
expect_exit 3 $YUSUAN batch $TMP/bad.csv --year 2026 --format none
has $TMP/e "bad.csv:5:"
has $TMP/e "金额“12x”不是以万元为单位的金额"
# a department with a detail error is reported, not compiled; the others are
sed '3s/,2[0-9]\{6\},/,2270101,/' $TMP/items.csv > $TMP/cls.csv
expect_exit 1 $YUSUAN batch $TMP/cls.csv --year 2026 -o $TMP/bc --threads 2
has $TMP/e "cls.csv:3  [detail.codes] 部门0001"
has $TMP/o "compiled 19 of 20 departments"
[ ! -e $TMP/bc/部门0001.txt ] || fail "a refused department was written"
expect_exit 2 $YUSUAN batch $TMP/items.csv
has $TMP/e "须给出 --year 年度"
# the export is CSV as the detail sheets are (src/csv.c, one parser):
# text after a closing quote, a quote never closed, a record of more
# cells than batch takes - each an error where it is, none read silently
sed '2s/^部门0001/"部门0001"x/' $TMP/items.csv > $TMP/q1.csv
expect_exit 3 $YUSUAN batch $TMP/q1.csv --year 2026 --format none
has $TMP/e "q1.csv:2:9：右引号之后还有文字"
sed '3s/^部门0001,单位1/部门0001,"单位1/' $TMP/items.csv > $TMP/q2.csv
expect_exit 3 $YUSUAN batch $TMP/q2.csv --year 2026 --format none
has $TMP/e "q2.csv:3:8：引号内的字段没有结束"
# 64 columns (the extra ones unnamed and empty), a record of 70 cells:
# with a quote in it, cells 65-70 were dropped without a word
awk -F, -v OFS=, 'NR <= 3 { for (i = 12; i <= 64; i++) $i = ""; if (NR == 3) { $2 = "\"" $2 "\""; for (i = 65; i <= 70; i++) $i = "x" } print }' \
	$TMP/items.csv > $TMP/q3.csv
expect_exit 3 $YUSUAN batch $TMP/q3.csv --year 2026 --format none
has $TMP/e "q3.csv:3:65：一行超过 64 个单元格"
# quoted fields that are right: "" inside, a comma inside, CRLF line ends
# (the department names the output file)
sed -e 's/^部门0001,/"部门""0001""",/' -e 's/^部门0002,/"部门,0002",/' -e 's/$/\r/' $TMP/items.csv > $TMP/q4.csv
expect_exit 0 $YUSUAN batch $TMP/q4.csv --year 2026 -o $TMP/b4 --threads 1
has $TMP/o "compiled 20 of 20 departments"
[ -e $TMP/b4/'部门"0001"'.txt ] || fail 'the department 部门"0001" (quoted with "") was not read whole'
[ -e $TMP/b4/部门,0002.txt ] || fail 'the department 部门,0002 (quoted with a comma) was not read whole'
cmp -s $TMP/b4/部门0003.txt $TMP/b1/部门0003.txt || fail 'CRLF line ends change 部门0003'
