# build --previous and --format report: the 情况说明 written from the budget
# against last year's, in report.pdf/.docx/.html/.txt; the PDF read back by
# check with no error and no narrative finding; the DOCX read back by
# python3-docx (headings, every figure of the text, the tables); last year as
# a detail or as a disclosure; the reasons sheet and detail.reasons; a
# department's wording (texts sheet) and another template folder (--template)
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
PY=/usr/bin/python3

expect_exit 0 $YUSUAN build $EX --previous $EX/previous-2025 -o $TMP/out --format report
for f in report.pdf report.docx report.html report.txt; do
	has $TMP/o "写出 $TMP/out/$f"
	[ -s $TMP/out/$f ] || fail "no $f"
done
hasnt $TMP/out/.yusuan-files tables.txt
# the text compares with last year, figures from both years' tables, the
# reasons from the reasons sheet
has $TMP/out/report.txt "2026年度收入预算35495.14万元，比2025年年初预算数32474.47万元增加3020.67万元，增长9.30%。主要原因是一般公共预算拨款增加"
has $TMP/out/report.txt "教育支出（类）3198.60万元，比2025年3582.43万元减少383.83万元，下降10.71%，主要原因是所属幼儿园人员经费"
# the report read back: 13 tables, no error, no narrative finding
expect_exit 0 $YUSUAN check $TMP/out/report.pdf
has $TMP/o "读到 13 张表（13 张一套）"
has $TMP/o "核对了 577 个等式，覆盖率 100.0 %；0 个错误"
hasnt $TMP/o "[narrative."
# report.docx read back as Word reads it, against the other two writers
$PY tests/cli/docxcheck.py $TMP/out/report.docx $TMP/out/report.html $TMP/out/report.txt > $TMP/docx.log 2>&1 ||
	{ cat $TMP/docx.log; fail "report.docx read back"; }
has $TMP/docx.log "docx: OK, 18 headings,"
has $TMP/docx.log ", 13 tables,"
# the checker fails a document whose figure differs, or that lost a heading
mkdir $TMP/bad && cp $TMP/out/report.* $TMP/bad/
$PY - $TMP/bad/report.docx <<'PYEOF' || fail "editing the docx"
import sys, zipfile
p = sys.argv[1]
z = zipfile.ZipFile(p)
items = [(i, z.read(i.filename)) for i in z.infolist()]
z.close()
with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as out:
    for i, data in items:
        if i.filename == "word/document.xml":
            s = data.decode()
            s = s.replace("32474.47", "32474.74", 1).replace('<w:pStyle w:val="Heading3"/>', "", 1)
            data = s.encode()
        out.writestr(i, data)
PYEOF
expect_exit 1 $PY tests/cli/docxcheck.py $TMP/bad/report.docx $TMP/bad/report.html $TMP/bad/report.txt
has $TMP/o "figure 32474.47万元:"
has $TMP/o "headings differ from report.html's"
# report.html: the headings and the 13 tables
[ "$(grep -c '<table class="budget" id="t' $TMP/out/report.html)" -eq 13 ] || fail "report.html: not 13 tables"
has $TMP/out/report.html '<h2 id="b36">四、财政拨款“三公”经费预算情况说明</h2>'

# last year as a disclosure (its published tables) gives the same text
expect_exit 0 $YUSUAN build $EX/previous-2025 -o $TMP/p25 --quiet
expect_exit 0 $YUSUAN build $EX --previous $TMP/p25/tables.txt -o $TMP/disc --format report --quiet
sed -n '/^第一部分/,/^第二部分/p' $TMP/out/report.txt > $TMP/a
sed -n '/^第一部分/,/^第二部分/p' $TMP/disc/report.txt > $TMP/b
# ... but for 机关运行经费, which a disclosure's tables do not hold
grep -v '机关运行经费' $TMP/a > $TMP/a2; grep -v '机关运行经费' $TMP/b > $TMP/b2
cmp -s $TMP/a2 $TMP/b2 || { diff $TMP/a2 $TMP/b2 | head; fail "--previous tables.txt: another text than --previous DIR"; }
# without --previous: no comparison
expect_exit 0 $YUSUAN build $EX -o $TMP/alone --format report --quiet
has $TMP/alone/report.txt "2026年度收入预算35495.14万元。"
hasnt $TMP/alone/report.txt "比2025年"
# last year unreadable: refused, nothing written
expect_exit 3 $YUSUAN build $EX --previous $TMP/nonexistent -o $TMP/none --format report
[ ! -e $TMP/none/report.pdf ] || fail "a refused build wrote a report"

# a change over 10 % without its reason: detail.reasons at the sheet's line,
# the text prints the change without a reason
mkdir $TMP/dept && cp $EX/*.csv $TMP/dept/
sed -i 's/^205 教育支出,[^,]*,/205 教育支出,,/' $TMP/dept/reasons.csv
line=$(grep -n '^205 教育支出' $TMP/dept/reasons.csv | cut -d: -f1)
expect_exit 0 $YUSUAN build $TMP/dept --previous $EX/previous-2025 -o $TMP/nr --format report --quiet
has $TMP/e "$TMP/dept/reasons.csv:$line  [detail.reasons] 205 教育支出：2025 年 3582.43 万元，2026 年 3198.60 万元"
has $TMP/nr/report.txt "教育支出（类）3198.60万元，比2025年3582.43万元减少383.83万元，下降10.71%。"
# a department's wording: a texts line named like the section replaces it,
# an empty one leaves it out
printf 'sangong,\n' >> $TMP/dept/texts.csv
expect_exit 0 $YUSUAN build $TMP/dept --previous $EX/previous-2025 -o $TMP/own --format report --quiet
hasnt $TMP/own/report.txt "财政拨款“三公”经费预算情况说明"
has $TMP/own/report.txt "四、其他情况说明"
# another template folder
cp -r data/templates/beijing $TMP/tpl
sed -i 's/^## 本部门职责情况$/## 本部门主要职责/' $TMP/tpl/10-duties.txt
expect_exit 0 $YUSUAN build $EX --previous $EX/previous-2025 --template $TMP/tpl -o $TMP/tp --format report --quiet
has $TMP/tp/report.txt "（一）本部门主要职责"
hasnt $TMP/tp/report.txt "（一）本部门职责情况"
echo '{bad' > $TMP/tpl/10-duties.txt
expect_exit 3 $YUSUAN build $EX --template $TMP/tpl -o $TMP/tp2 --format report
has $TMP/e "10-duties.txt:1"

# yoy.printed: last year's figures the text prints (比2025年年初预算数 X) or
# implies (本年 Y，比上年减少 Z) against last year's disclosure
expect_exit 0 $YUSUAN check $TMP/out/report.pdf --previous $TMP/p25/tables.txt
hasnt $TMP/o "[yoy.printed]"
has $TMP/o "[yoy.sangong] 公务用车运行维护费 比上年增加：8.742000 → 9.400000"
# last year's 收入总计 and 三公 (total, 公务接待费) as if published otherwise
sed -e 's/^收入总计\t32,474.468969/收入总计\t32,574.468969/' -e 's/^26.742000\t\t18.000000/26.942000\t\t18.200000/' \
	$TMP/p25/tables.txt > $TMP/p25x.txt
expect_exit 0 $YUSUAN check $TMP/out/report.pdf --previous $TMP/p25x.txt
[ "$(grep -c '\[yoy.printed\]' $TMP/o)" -eq 3 ] || { cat $TMP/o; fail "not the three figures of last year"; }
has $TMP/o "[yoy.printed] “2026年度收入预算35495.14万元，比2025年年初预算数32474.47万元增加3020.67万元，增长9.30%。”：上年的收入预算写作 32474.47万元，而上年公开的 $TMP/p25x.txt 预算01表 收支总表 收入总计为 32,574.468969 万元"
has $TMP/o "：“三公”经费 25.40万元，比上年减少 1.34万元：上年应为 26.74万元，而上年公开的 $TMP/p25x.txt 预算09表 财政拨款“三公”经费支出表 “三公”经费财政拨款预算总额为 26.942000 万元"
has $TMP/o "：上年的公务接待费写作 18.00万元，而上年公开的 $TMP/p25x.txt 预算09表 财政拨款“三公”经费支出表 公务接待费为 18.200000 万元"
# a disclosure of another year than the one before is not compared
sed -e 's/2025/2024/g' $TMP/p25x.txt > $TMP/p24.txt
expect_exit 0 $YUSUAN check $TMP/out/report.pdf --previous $TMP/p24.txt
hasnt $TMP/o "[yoy.printed]"

# init --previous: the reasons sheet with a line per change that needs a
# reason, last year's reason offered where the subject is unchanged; built
# as it is, detail.reasons names each of those lines
mkdir $TMP/noreasons && cp $EX/*.csv $TMP/noreasons/ && rm $TMP/noreasons/reasons.csv
expect_exit 0 $YUSUAN init $TMP/init --from $TMP/noreasons --previous $EX/previous-2025
has $TMP/o "变化原因表添了 4 行要填原因的变化"
has $TMP/init/reasons.csv "“三公”经费,,落实过紧日子要求，从严控制公务接待,2025 年 26.74 万元，2026 年 25.40 万元，减少 1.34 万元（5.02%）"
has $TMP/init/reasons.csv "205 教育支出,,,2025 年 3582.43 万元，2026 年 3198.60 万元，减少 383.83 万元（10.71%）"
has $TMP/init/reasons.csv "229 其他支出,,,2025 年 0 万元，2026 年 1417.95 万元，增加 1417.95 万元（上年为 0）"
expect_exit 0 $YUSUAN build $TMP/init --previous $EX/previous-2025 -o $TMP/initout --quiet
[ "$(grep -c '\[detail.reasons\]' $TMP/e)" -eq 4 ] || { cat $TMP/e; fail "not the four lines to fill"; }

# last year stored: build --db --previous-doc, check --db --previous-doc
expect_exit 0 $YUSUAN import $TMP/p25/tables.txt --db $TMP/s.db
has $TMP/o "公开文件编号 1"
expect_exit 0 $YUSUAN build $EX --db $TMP/s.db --previous-doc 1 -o $TMP/stored --format report --quiet
sed -n '/^第一部分/,/^第二部分/p' $TMP/stored/report.txt | grep -v '机关运行经费' > $TMP/c2
cmp -s $TMP/b2 $TMP/c2 || { diff $TMP/b2 $TMP/c2 | head; fail "--previous-doc: another text than --previous tables.txt"; }
expect_exit 0 $YUSUAN import $TMP/p25x.txt --db $TMP/s.db
expect_exit 0 $YUSUAN import $TMP/stored/report.pdf --db $TMP/s.db
expect_exit 0 $YUSUAN check --db $TMP/s.db --doc 4 --previous-doc 1
hasnt $TMP/o "[yoy.printed]"
expect_exit 0 $YUSUAN check --db $TMP/s.db --doc 4 --previous-doc 3
[ "$(grep -c '\[yoy.printed\]' $TMP/o)" -eq 3 ] || { cat $TMP/o; fail "stored: not the three figures of last year"; }
expect_exit 3 $YUSUAN check --db $TMP/s.db --doc 4 --previous-doc 9
expect_exit 2 $YUSUAN check $TMP/out/report.pdf --previous-doc 1
has $TMP/e "--previous-doc 与 --db 一起用"
expect_exit 2 $YUSUAN build $EX --previous-doc 1
has $TMP/e "--previous-doc 与 --db 一起用"
expect_exit 2 $YUSUAN build $EX --db $TMP/s.db --previous-doc x
