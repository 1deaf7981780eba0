# publish: build --format all writes all five formats; show -o publishes a
# disclosure read from text or XLSX; CSV in GB18030; the HTML site in
# headless Chromium (every table and chart renders, no request leaves
# localhost); refusals.
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu

expect_exit 0 $YUSUAN build $EX --format all -o $TMP/out
for f in tables.txt tables.json tables.xlsx tables.pdf csv/01.csv csv/13.csv html/index.html html/03.html \
         html/findings.html html/style.css; do
	[ -s $TMP/out/$f ] || fail "build --format all did not write $f"
done
has $TMP/o "写出 $TMP/out/tables.pdf"
ls $TMP/out | grep -q '\.tmp' && fail "a temporary file was left behind"
head -c 4 $TMP/out/tables.pdf | grep -q '%PDF' || fail "tables.pdf is not a PDF"
# a killed run's temporary files (of a process that is gone) are swept by
# the next; a running writer's are not touched
sh -c 'exit 0' & dead=$!
wait $dead
: > $TMP/out/tables.pdf.tmp$dead
: > $TMP/out/csv/01.csv.tmp$dead
: > $TMP/out/tables.txt.tmp$$
# (every format but pdf: the files the rest of this script reads stay)
expect_exit 0 $YUSUAN build $EX --format text,csv,json,xlsx,html -o $TMP/out --quiet
[ ! -e $TMP/out/tables.pdf.tmp$dead ] && [ ! -e $TMP/out/csv/01.csv.tmp$dead ] ||
	fail "a dead run's temporary files were left"
[ -e $TMP/out/tables.txt.tmp$$ ] || fail "a live process's temporary file was removed"
rm $TMP/out/tables.txt.tmp$$
# CSV: UTF-8 with BOM by default
head -c 3 $TMP/out/csv/01.csv | od -An -tx1 | grep -q 'ef bb bf' || fail "csv without BOM"

# the workbook is a disclosure yusuan reads: the same amounts, to the 分,
# in the same cells, as the text layout
expect_exit 0 $YUSUAN show $TMP/out/tables.xlsx --format json
grep -E '^ *"(fen|label)"' $TMP/o > $TMP/from-xlsx
expect_exit 0 $YUSUAN show $TMP/out/tables.txt --format json
grep -E '^ *"(fen|label)"' $TMP/o > $TMP/from-txt
[ "$(grep -c fen $TMP/from-txt)" -gt 300 ] || fail "too few amounts"
cmp $TMP/from-xlsx $TMP/from-txt || fail "tables.xlsx does not hold the amounts of tables.txt"
expect_exit 0 $YUSUAN check $TMP/out/tables.xlsx

# so is the JSON: the same text back, and the seed's JSON checks as the
# seed does, finding for finding, at the seed's lines
expect_exit 0 $YUSUAN show $TMP/out/tables.json
cmp $TMP/o $TMP/out/tables.txt || fail "tables.json does not read back to tables.txt"
expect_exit 0 $YUSUAN show $SEED --format json
cp $TMP/o $TMP/seed.json
expect_exit 0 $YUSUAN check $SEED
sed "s|$SEED|F|" $TMP/o > $TMP/check-seed
expect_exit 0 $YUSUAN check $TMP/seed.json
sed "s|$TMP/seed.json|F|" $TMP/o > $TMP/check-json
cmp $TMP/check-seed $TMP/check-json || fail "check of the seed's JSON differs from check of the seed"
printf '{"tables":[{"id":"01","rows":[{"cells":{"in_amount":{"text":"1.000000","fen":1}}}]}]}' > $TMP/bad.json
expect_exit 3 $YUSUAN check $TMP/bad.json
has $TMP/e "bad.json：tables[0].rows[0].cells.in_amount：文字“1.000000”与 fen 1 不一致"

# GB18030 CSV decodes to the UTF-8 one
expect_exit 0 $YUSUAN build $EX --format csv --encoding gb18030 -o $TMP/gb --quiet
iconv -f GB18030 -t UTF-8 $TMP/gb/csv/03.csv > $TMP/gb03.csv || fail "not GB18030"
tail -c +4 $TMP/out/csv/03.csv | cmp - $TMP/gb03.csv || fail "GB18030 CSV differs from the UTF-8 one"

# show -o: a published disclosure as a site with its findings
expect_exit 0 $YUSUAN show $SEED -o $TMP/seed --format html,xlsx
has $TMP/o "检查：0 个错误，7 个警告，4 个提示"
[ -s $TMP/seed/html/findings.html ] && [ -s $TMP/seed/tables.xlsx ] || fail "show -o did not publish"
[ -e $TMP/seed/tables.pdf ] && fail "show -o wrote a format it was not asked for"
has $TMP/seed/html/findings.html 'href="12.html#r'

# refusals
expect_exit 2 $YUSUAN build $EX --format docx -o $TMP/x
has $TMP/e "未知格式“docx”"
expect_exit 2 $YUSUAN build $EX --encoding latin1 -o $TMP/x
expect_exit 2 $YUSUAN show $SEED --format pdf
has $TMP/e "需要 -o 输出目录"
: > $TMP/file
expect_exit 4 $YUSUAN build $EX --format all -o $TMP/file --quiet
has $TMP/e "已存在，但不是文件夹"

# the site in a real browser (the plain build's suite: the files are the same)
if ! sanitized; then
	node tests/browser/check-html.mjs $TMP/out/html > $TMP/browser.log 2>&1 || { cat $TMP/browser.log; fail "browser check"; }
	has $TMP/browser.log "check-html: OK"
	has $TMP/browser.log "index.html: 5 charts"
	node tests/browser/check-html.mjs $TMP/seed/html > $TMP/browser.log 2>&1 || { cat $TMP/browser.log; fail "browser check (seed)"; }
	# ...and the check sees what is wrong with a site: a copy of it spoilt
	# page by page (a request leaving 127.0.0.1, a script's error and
	# exception, a popup, a missing stylesheet, amounts left-aligned, a table
	# hidden when printed, a findings link to no element)
	cp -r $TMP/out/html $TMP/bad
	sed -i 's|</body>|<img src="http://127.0.0.2:9/x.png"><script>console.error("boom"); window.open("02.html"); throw new Error("kaput")</script></body>|' $TMP/bad/index.html
	sed -i 's|</head>|<link rel="stylesheet" href="gone.css"><style>table.budget td.num{text-align:left!important}</style></head>|' $TMP/bad/03.html
	sed -i 's|</head>|<style>@media print{table{display:none}}</style></head>|' $TMP/bad/04.html
	sed -i 's|href="\([0-9]*\.html\)#[^"]*"|href="\1#nosuch"|' $TMP/bad/findings.html
	expect_exit 1 node tests/browser/check-html.mjs $TMP/bad
	for want in "index.html: request to a non-local address: http://127.0.0.2:9/x.png" \
		"index.html: console error: boom" "index.html: page error: Error: kaput" \
		"index.html: page opened a popup" "03.html: HTTP 404 for gone.css" "03.html: 426 td.num not right-aligned" \
		"04.html: hidden when printed: table #1" 'findings.html: link 12.html#nosuch: no element with id "nosuch"'; do
		has $TMP/o "FAIL $want"
	done
fi
# and nothing on the pages left as they were
for p in 01 02 05 06 07 08 09 10 11 12 13; do
	hasnt $TMP/o "FAIL $p.html"
done
echo ok
