# yusuan site: a static site of a whole store - rankings and trends, a page
# per department and per document with its findings and score - checked in
# headless Chromium (every page loads, nothing leaves localhost, charts drawn,
# no broken link)
. tests/cli/lib.sh
DB=$TMP/s.db
expect_exit 0 $YUSUAN build examples/2026-beijing-jiguan-shiwu --db $DB -o $TMP/out
sed -e '360s/2026/2025/' -e '53s/867\.596000\t867\.596000/800.000000\t800.000000/' -e '267s/^25\.400000\t\t16\.000000/30.000000\t5.000000\t15.600000/' $SEED > $TMP/last.txt
expect_exit 0 $YUSUAN import $TMP/last.txt --db $DB
expect_exit 0 $YUSUAN import tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf --db $DB
expect_exit 0 $YUSUAN site --db $DB -o $TMP/site
has $TMP/o "3 份公开，2 个部门，3 个年度，6 个网页"
for f in index.html style.css dept-1.html dept-2.html doc-1.html doc-2.html doc-3.html; do
	[ -s $TMP/site/$f ] || fail "site: no $f"
done
# the department of two years: both documents, spending by year
grep -l '北京市机关事务管理中心' $TMP/site/dept-*.html > $TMP/dept || fail "no page for the department"
d=$(cat $TMP/dept)
has $d 'href="doc-1.html"'
has $d 'href="doc-2.html"'
has $d '各年度支出：基本支出与项目支出'
# a document: its check's findings (the edited 三公 row) and its score with evidence
has $TMP/site/doc-2.html '检查结果：'
has $TMP/site/doc-2.html '透明度得分：'
has $TMP/site/doc-2.html 'x09.codes'
# the same findings as check gives
$YUSUAN check $TMP/last.txt > $TMP/check.txt
counts=$(tail -1 $TMP/check.txt | sed 's/.*；\([0-9]*\) 个错误，\([0-9]*\) 个警告，\([0-9]*\) 个提示/\1 个错误，\2 个警告，\3 个提示/')
has $TMP/site/doc-2.html "检查结果：$counts（核对 577 个等式）"
has $TMP/site/index.html '支出功能分类各类的增减：2026年比2025年'
! grep -q 'https\?://' $TMP/site/*.html || fail "the site names another host"
# in a real browser (the plain build's suite: the files are the same)
if ! sanitized; then
	node tests/browser/check-site.mjs $TMP/site --min-charts 4 > $TMP/browser.log 2>&1 || { cat $TMP/browser.log; fail "browser check"; }
	has $TMP/browser.log "check-site: OK, 6 pages"
	# the checker fails a page that fetches from elsewhere or links nowhere
	cp -r $TMP/site $TMP/bad
	sed -i 's|</main>|<img src="http://example.com/x.png" alt=""><a href="nowhere.html">x</a></main>|' $TMP/bad/doc-3.html
	expect_exit 1 node tests/browser/check-site.mjs $TMP/bad
	has $TMP/o "request to a non-local address: http://example.com/x.png"
	has $TMP/o "link to missing page nowhere.html"
fi
# without scores; usage
expect_exit 0 $YUSUAN site --db $DB -o $TMP/site2 --no-score
hasnt $TMP/site2/doc-1.html '透明度得分'
expect_exit 2 $YUSUAN site --db $DB
expect_exit 4 $YUSUAN site --db $TMP/none.db -o $TMP/site3
has $TMP/e "没有这个数据库"
[ ! -e $TMP/none.db ] || fail "site created the database it was to read"
sqlite3 $TMP/empty.db 'pragma user_version = 0' && expect_exit 0 $YUSUAN import --list --db $TMP/empty.db
expect_exit 3 $YUSUAN site --db $TMP/empty.db -o $TMP/site3
has $TMP/e "数据库中没有公开文件"
