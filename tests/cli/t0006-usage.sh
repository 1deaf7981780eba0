# usage errors exit 2; -h exits 0
. tests/cli/lib.sh
expect_exit 2 $YUSUAN
expect_exit 2 $YUSUAN frobnicate
expect_exit 2 $YUSUAN check
expect_exit 2 $YUSUAN check --bogus $SEED
expect_exit 2 $YUSUAN check --format
expect_exit 2 $YUSUAN check --explain no.such.rule
expect_exit 0 $YUSUAN --help
has $TMP/o "usage: yusuan <command>"
for c in check show import rules; do
	expect_exit 0 $YUSUAN $c -h
	has $TMP/o "usage: yusuan $c"
done
expect_exit 0 $YUSUAN check --explain x13.round
has $TMP/o "四舍五入"
