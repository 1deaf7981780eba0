# table 09 of a department without 三公 spending is blank and reads back;
# a folder published into again holds only this run's files; the JSON
# example of docs/publish.md is what build writes
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
mkdir -p $TMP/nosg
cp $EX/*.csv $TMP/nosg/
sed -i 's/,30217,/,30214,/; s/,30231,/,30218,/' $TMP/nosg/items.csv
expect_exit 0 $YUSUAN build $TMP/nosg -o $TMP/nosg-out --format text,xlsx,json
tab5=$(printf '\t\t\t\t\t')
sed -n '/^预算09表/,/^预算10表/p' $TMP/nosg-out/tables.txt > $TMP/t09
grep -qx "$tab5" $TMP/t09 || { cat $TMP/t09; fail "table 09 is not one blank row"; }
hasnt $TMP/t09 "0.000000"
for f in tables.txt tables.xlsx tables.json; do
	expect_exit 0 $YUSUAN check $TMP/nosg-out/$f
	has $TMP/o "读到 13 张表（13 张一套）"
done

# --format text after a fuller run: last run's files go, a user's file stays
expect_exit 0 $YUSUAN build $EX -o $TMP/out --format text,csv,json,xlsx,html --quiet
echo mine > $TMP/out/notes.txt
expect_exit 0 $YUSUAN build $EX -o $TMP/out --format text
has $TMP/o "删除 $TMP/out/tables.xlsx"
has $TMP/o "删除 $TMP/out/html/findings.html"
[ "$(cd $TMP/out && ls -A | sort | tr '\n' ' ')" = ".yusuan-files notes.txt tables.txt " ] ||
	fail "left in the folder: $(ls -A $TMP/out)"
# a tables.pdf yusuan did not write is left, and named
echo '%PDF' > $TMP/out/tables.pdf
expect_exit 0 $YUSUAN build $EX -o $TMP/out --format text
has $TMP/o "保留 $TMP/out/tables.pdf"
[ -e $TMP/out/tables.pdf ] || fail "a file yusuan did not write was removed"

# docs/publish.md's amount example is an amount of the example's tables.json
ex=$(grep -o '{"fen": [0-9]*, "wanyuan": "[0-9,.]*"}' docs/publish.md | head -1)
fen=$(echo "$ex" | sed 's/.*"fen": \([0-9]*\),.*/\1/')
wy=$(echo "$ex" | sed 's/.*"wanyuan": "\([^"]*\)".*/\1/')
[ -n "$fen" ] && [ -n "$wy" ] || fail "no amount example in docs/publish.md"
expect_exit 0 $YUSUAN build $EX -o $TMP/json --format json --quiet
grep -A1 "\"fen\": $fen,\$" $TMP/json/tables.json | grep -qF "\"wanyuan\": \"$wy\"" ||
	fail "docs/publish.md: {\"fen\": $fen, \"wanyuan\": \"$wy\"} is not in tables.json"
