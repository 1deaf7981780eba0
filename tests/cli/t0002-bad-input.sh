# bad input: exit 3 with file:line, or read correctly
. tests/cli/lib.sh
expect_exit 3 $YUSUAN check $BAD/empty.txt
has $TMP/e "empty.txt：文件是空的"
expect_exit 3 $YUSUAN check $BAD/binary.bin
has $TMP/e "binary.bin:1：偏移 7 处有 NUL 字节"
expect_exit 3 $YUSUAN check $BAD/truncated-03.txt
has $TMP/e "truncated-03.txt:77：预算03表 支出总表：本表没有以合计行结尾：文件被截断了？"
expect_exit 3 $YUSUAN check $BAD/word-in-amount.txt
has $TMP/e "word-in-amount.txt:60:37：预算03表 支出总表：合计 列：应为以万元计的金额，实为“三百八十”"
expect_exit 3 $YUSUAN check $BAD/no-tables.txt
expect_exit 3 $YUSUAN check $BAD/nonexistent.txt
has $TMP/e "无法打开"
# the file cut inside table 12 reads, and check says table 13 is missing
expect_exit 1 $YUSUAN check $BAD/truncated-12.txt
has $TMP/o "[comp.tables] 缺少 13表 单位整体支出绩效目标表"
for f in seed-gb18030.txt seed-crlf.txt seed-bom.txt; do
	expect_exit 0 $YUSUAN check $BAD/$f
	has $TMP/o "；0 个错误，7 个警告"
done
