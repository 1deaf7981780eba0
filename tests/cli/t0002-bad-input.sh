# bad input: exit 3 with file:line, or read correctly
. tests/cli/lib.sh
expect_exit 3 $YUSUAN check $BAD/empty.txt
has $TMP/e "empty.txt: file is empty"
expect_exit 3 $YUSUAN check $BAD/binary.bin
has $TMP/e "binary.bin:1: NUL byte"
expect_exit 3 $YUSUAN check $BAD/truncated-03.txt
has $TMP/e "truncated-03.txt:77: 预算03表 支出总表: the table ends without its 合计 row: truncated?"
expect_exit 3 $YUSUAN check $BAD/word-in-amount.txt
has $TMP/e "word-in-amount.txt:60:37: 预算03表 支出总表: column 合计: expected an amount in 万元, found '三百八十'"
expect_exit 3 $YUSUAN check $BAD/no-tables.txt
expect_exit 3 $YUSUAN check $BAD/nonexistent.txt
has $TMP/e "cannot open"
# the file cut inside table 12 reads, and check says table 13 is missing
expect_exit 1 $YUSUAN check $BAD/truncated-12.txt
has $TMP/o "[comp.tables] 缺少 13表 单位整体支出绩效目标表"
for f in seed-gb18030.txt seed-crlf.txt seed-bom.txt; do
	expect_exit 0 $YUSUAN check $BAD/$f
	has $TMP/o "；0 个错误，8 个警告"
done
