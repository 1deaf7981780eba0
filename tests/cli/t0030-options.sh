# the one option parser (cli/opts.c): every command reads its options by
# its table; -h is generated from it; errors in Chinese, exit 2
. tests/cli/lib.sh

# --opt=value and --opt value are one thing; so are -o DIR, -oDIR, -o=DIR
expect_exit 0 $YUSUAN check $SEED --format json
cp $TMP/o $TMP/a
expect_exit 0 $YUSUAN check $SEED --format=json
cmp -s $TMP/o $TMP/a || fail "--format=json and --format json differ"
has $TMP/o '"findings"'
for o in "-o $TMP/s1" "-o$TMP/s2" "-o=$TMP/s3"; do
	expect_exit 0 $YUSUAN show $SEED $o --format text
done
for d in s1 s2 s3; do
	[ -f $TMP/$d/tables.txt ] || fail "show $d: -o spelled another way wrote nothing"
done
# an option repeated: the last value counts; a list takes each
expect_exit 0 $YUSUAN check $SEED --format csv --format json
cmp -s $TMP/o $TMP/a || fail "the last --format does not count"
f=$(ls data/catalog/*/function.csv | tail -1)
expect_exit 0 $YUSUAN check $SEED --catalog-file function=$f --catalog-file function=$f
args=""
for i in $(seq 17); do args="$args --catalog-file function=$f"; done
expect_exit 2 $YUSUAN check $SEED $args
has $TMP/e "--catalog-file 最多给 16 次"
# options anywhere, before or after the arguments
expect_exit 0 $YUSUAN check --format json $SEED
cmp -s $TMP/o $TMP/a || fail "an option before the file reads differently"

# -- ends the options: a file whose name begins with '-'
cp $SEED $TMP/-seed.txt
cd $TMP
expect_exit 2 $YUSUAN check -seed.txt
has $TMP/e "未知选项“-seed.txt”"
expect_exit 0 $YUSUAN check --format json -- -seed.txt
has $TMP/o '"file": "-seed.txt"'
cd - > /dev/null

# usage errors: said in Chinese, with the usage lines, exit 2
expect_exit 2 $YUSUAN check $SEED --bogus
has $TMP/e "yusuan: 未知选项“--bogus”"
has $TMP/e "用法：yusuan check FILE"
has $TMP/e "“yusuan check -h”显示全部选项"
hasnt $TMP/o "用法"
expect_exit 2 $YUSUAN check $SEED --format=xml
has $TMP/e "--format 的值“xml”不认识：应为 text、json、csv 之一"
expect_exit 2 $YUSUAN check $SEED --format
has $TMP/e "选项 --format 需要一个值（F）"
expect_exit 2 $YUSUAN show $SEED -o
has $TMP/e "选项 -o 需要一个值（输出目录）"
expect_exit 2 $YUSUAN import $SEED --db $TMP/x.db --replace=yes
has $TMP/e "选项 --replace 不带值"
[ ! -e $TMP/x.db ] || fail "a refused import made a database"
expect_exit 2 $YUSUAN check $SEED --jobs 0
has $TMP/e "--jobs 的值应为 1 到 64 之间的整数，而不是“0”"
for bad in 2x '' ' 2' +2 99999999999999999999; do
	expect_exit 2 $YUSUAN check $SEED --jobs "$bad"
	has $TMP/e "--jobs 的值应为 1 到 64 之间的整数"
done
expect_exit 2 $YUSUAN batch $SEED --year 26
has $TMP/e "--year 的值应为 1990 到 2200 之间的整数，而不是“26”"
expect_exit 2 $YUSUAN import $SEED $SEED --db $TMP/x.db
has $TMP/e "多余的参数“$SEED”：yusuan import 只接受 1 个参数"
expect_exit 2 $YUSUAN rules extra
has $TMP/e "多余的参数“extra”：yusuan rules 不接受参数"
expect_exit 2 $YUSUAN show $SEED --table 14
has $TMP/e "--table “14”：应为 01 到 13"

# -h and --help, generated from the table: every option the parser takes,
# the arguments, the exit codes; `help CMD` is the same text
for c in build batch init check show import rules diff query rank score site serve user ledger; do
	expect_exit 0 $YUSUAN $c -h
	cp $TMP/o $TMP/h
	has $TMP/h "用法：yusuan $c"
	has $TMP/h "选项："
	has $TMP/h "  -h, --help"
	has $TMP/h "退出码："
	hasnt $TMP/e "yusuan"
	expect_exit 0 $YUSUAN $c --help
	cmp -s $TMP/o $TMP/h || fail "$c --help differs from $c -h"
	expect_exit 0 $YUSUAN help $c
	cmp -s $TMP/o $TMP/h || fail "help $c differs from $c -h"
	# each option -h lists is one the parser knows (not "未知选项")
	for opt in $(grep -o '^  -[-a-z]*\(, --[-a-z]*\)\?' $TMP/h | sed 's/.*[ ,] *//'); do
		[ "$opt" = --help ] && continue
		$YUSUAN $c $opt > /dev/null 2> $TMP/e < /dev/null
		hasnt $TMP/e "未知选项"
	done
done
expect_exit 0 $YUSUAN check -h
has $TMP/o "  --doc ID"
has $TMP/o "  FILE"
expect_exit 0 $YUSUAN build -h
has $TMP/o "  --db PATH"
expect_exit 2 $YUSUAN help frobnicate
has $TMP/e "help 后面是一个命令或 --man，而不是“frobnicate”"
# -h after an error in the line: the error counts (as before)
expect_exit 2 $YUSUAN check --bogus -h

# a list option keeps its place among the arguments: diff's two sides are
# in the order given, a --doc before or after a file
cp $SEED $TMP/new.txt
expect_exit 0 $YUSUAN import $SEED --db $TMP/d.db
expect_exit 0 $YUSUAN diff --db $TMP/d.db --doc 1 $TMP/new.txt
has $TMP/o "新：北京市机关事务管理中心 2026年（$TMP/new.txt）"
expect_exit 0 $YUSUAN diff $TMP/new.txt --db $TMP/d.db --doc 1
has $TMP/o "旧：北京市机关事务管理中心 2026年（$TMP/new.txt）"
expect_exit 2 $YUSUAN diff --db $TMP/d.db --doc 1 --doc 1 $TMP/new.txt
has $TMP/e "只比较两份公开"
# an empty value (an unset "$DB") is a usage error, not a file named ""
expect_exit 2 $YUSUAN import $SEED --db ""
has $TMP/e "--db 的值是空的（应为 数据库）"
expect_exit 2 $YUSUAN query --db=
has $TMP/e "--db 的值是空的"
# choices and ranges of the commands main added, by their tables
expect_exit 2 $YUSUAN query --db $TMP/d.db --fund x
has $TMP/e "--fund 的值“x”不认识：应为 all、gp、gf、soc、fiscal 之一"
expect_exit 2 $YUSUAN rank --db $TMP/d.db sangong --year 26
has $TMP/e "--year 的值应为 1900 到 9999 之间的整数，而不是“26”"
expect_exit 2 $YUSUAN site --db $TMP/d.db -o $TMP/site extra
has $TMP/e "多余的参数“extra”：yusuan site 不接受参数"
