# init BOOK.xlsx: the workbook template; the example converted into it builds the same tables
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
# a name ending in .xlsx writes a workbook, not a folder
expect_exit 0 $YUSUAN init $TMP/book.xlsx
[ -f $TMP/book.xlsx ] || fail "init book.xlsx did not write a file"
[ "$(head -c 2 $TMP/book.xlsx)" = PK ] || fail "book.xlsx is not a zip archive"
has $TMP/o "已写出空白的预算明细工作簿 $TMP/book.xlsx"
# never over a file, whichever way the workbook is named
expect_exit 3 $YUSUAN init $TMP/book.xlsx
has $TMP/e "已存在：init 不覆盖已有的文件或文件夹"
expect_exit 3 $YUSUAN init --xlsx $TMP/book.xlsx
has $TMP/e "已存在"
# the empty template reads, and says in Chinese what is missing
expect_exit 3 $YUSUAN build $TMP/book.xlsx -o $TMP/none
has $TMP/e "没有部门和年度"
[ ! -e $TMP/none ] || fail "an empty template built something"
# the example converted into the template builds the same tables, byte for byte
expect_exit 0 $YUSUAN init --xlsx $TMP/ex.xlsx --from $EX
has $TMP/o "已把 $EX 的预算写进工作簿 $TMP/ex.xlsx"
expect_exit 0 $YUSUAN build $EX -o $TMP/csv --quiet
expect_exit 0 $YUSUAN build $TMP/ex.xlsx -o $TMP/xl --quiet
has $TMP/o "已编制 北京市机关事务管理中心 2026：125 条明细，13 张表"
cmp $TMP/csv/tables.txt $TMP/xl/tables.txt || fail "the converted workbook builds other tables"
# and a workbook converted again
expect_exit 0 $YUSUAN init $TMP/again.xlsx --from $TMP/ex.xlsx
expect_exit 0 $YUSUAN build $TMP/again.xlsx -o $TMP/again --quiet
cmp $TMP/csv/tables.txt $TMP/again/tables.txt || fail "a workbook converted again builds other tables"
# an unreadable --from: exit 3, no workbook left behind
expect_exit 3 $YUSUAN init $TMP/bad.xlsx --from $TMP/nowhere
[ ! -e $TMP/bad.xlsx ] || fail "a failed init left a workbook"
# usage: Chinese; --xlsx needs the name build recognises; --catalog is for
# a workbook (its 代码表) or --previous; --previous goes with --from
expect_exit 0 $YUSUAN init -h
has $TMP/o "用法：yusuan init 文件夹"
has $TMP/o "--from 预算"
expect_exit 2 $YUSUAN init --xlsx $TMP/book
has $TMP/e "须以 .xlsx 结尾"
[ ! -e $TMP/book ] || fail "a refused init wrote something"
expect_exit 2 $YUSUAN init $TMP/dir --catalog data/catalog
has $TMP/e "--catalog 只用于工作簿"
expect_exit 2 $YUSUAN init $TMP/dir --previous $EX
has $TMP/e "--previous 要与 --from 一起用"
[ ! -e $TMP/dir ] || fail "a refused init wrote something"
# a folder filled from a budget (init DIR --from) builds the same tables
expect_exit 0 $YUSUAN init $TMP/dir --from $EX
has $TMP/o "已把 $EX 的预算写进文件夹 $TMP/dir"
expect_exit 0 $YUSUAN build $TMP/dir -o $TMP/fromdir --quiet
cmp $TMP/csv/tables.txt $TMP/fromdir/tables.txt || fail "the folder filled by init --from builds other tables"
expect_exit 2 $YUSUAN init
has $TMP/e "没有给出文件夹或工作簿"
# a folder: new or empty, never a file or a folder holding files
: > $TMP/afile
expect_exit 3 $YUSUAN init $TMP/afile
has $TMP/e "不是文件夹"
mkdir -p $TMP/full && : > $TMP/full/支出明细.csv
expect_exit 3 $YUSUAN init $TMP/full
has $TMP/e "文件夹里已有文件"
[ ! -e $TMP/full/items.csv ] || fail "init wrote into a folder holding files"
mkdir -p $TMP/empty
expect_exit 0 $YUSUAN init $TMP/empty
[ -f $TMP/empty/items.csv ] || fail "init did not write into an empty folder"
