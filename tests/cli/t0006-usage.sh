# usage errors exit 2; -h exits 0
. tests/cli/lib.sh
expect_exit 2 $YUSUAN
expect_exit 2 $YUSUAN frobnicate
expect_exit 2 $YUSUAN check
expect_exit 2 $YUSUAN check --bogus $SEED
expect_exit 2 $YUSUAN check --format
expect_exit 2 $YUSUAN check --explain no.such.rule
expect_exit 0 $YUSUAN --help
has $TMP/o "用法：yusuan <命令>"
for c in show import rules; do
	expect_exit 0 $YUSUAN $c -h
	has $TMP/o "用法：yusuan $c"
done
for c in check build; do
	expect_exit 0 $YUSUAN $c -h
	has $TMP/o "用法：yusuan $c"
done
# build -h says what exit 1 means, as build does it (t0008)
has $TMP/o "明细无误而编好的表有错误时，表照常写出"
expect_exit 2 $YUSUAN check --jobs 0 $SEED
expect_exit 2 $YUSUAN check --jobs 2 --previous $SEED $SEED
expect_exit 0 $YUSUAN check --explain x13.round
has $TMP/o "四舍五入"
# usage errors are the CLI's own (2); a value the library refuses is input
# refused (3), never usage: exit codes as docs/errors.md says
expect_exit 2 $YUSUAN check $SEED --catalog-file nonsense=/dev/null
has $TMP/e "--catalog-file 的 KIND“nonsense”"
expect_exit 2 $YUSUAN check --db $TMP/x.db --doc abc
expect_exit 2 $YUSUAN import $SEED --db ""
# a PostgreSQL server that cannot be reached is the database's error (4)
expect_exit 4 $YUSUAN import $SEED --db postgresql://127.0.0.1:1/x
has $TMP/e "连不上数据库"
for c in check show import build batch init rules; do
	expect_exit 0 $YUSUAN $c -h
	has $TMP/o "退出码："
	has $TMP/o "2 用法错误"
done
