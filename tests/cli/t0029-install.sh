# make install PREFIX: everything installed; the installed yusuan checks the
# seed from a copy of the tree moved away (its data found beside it, not in
# the build tree); yusuan(1) is generated from the option tables and
# renders; a program builds against the installed library with pkg-config
. tests/cli/lib.sh
san=
case $YUSUAN in */build/san/*) san=SAN=1 ;; esac
P=$TMP/prefix
n=$((n + 1))
make --no-print-directory install $san PREFIX=$P > $TMP/install.log 2>&1 || { tail -20 $TMP/install.log; fail "make install PREFIX=$P failed"; }
for f in bin/yusuan lib/libyusuan.a lib/pkgconfig/yusuan.pc share/man/man1/yusuan.1; do
	[ -s $P/$f ] || fail "make install did not write $f"
done
for f in include/yusuan/*.h; do
	cmp -s $f $P/$f || fail "make install did not write $f"
done
for f in $(cd data && find catalog score templates -type f); do
	cmp -s data/$f $P/share/yusuan/$f || fail "make install did not write share/yusuan/$f"
done

# the man page: what `help --man` writes, built beside the binary and installed
expect_exit 0 $YUSUAN help --man
cmp -s $TMP/o "$(dirname $YUSUAN)/yusuan.1" || fail "build's yusuan.1 is not what 'yusuan help --man' writes"
cmp -s $TMP/o $P/share/man/man1/yusuan.1 || fail "the installed yusuan.1 is not what 'yusuan help --man' writes"
cp $TMP/o $TMP/yusuan.1
has $TMP/yusuan.1 '.TH YUSUAN 1'
for s in 名称 概述 描述 命令 环境 文件 退出状态; do
	has $TMP/yusuan.1 ".SH $s"
done
# rendered: with man, else groff, else the structure above is all we check
if command -v groff > /dev/null 2>&1; then
	groff -man -Tutf8 -K utf8 -ww -z $TMP/yusuan.1 2> $TMP/groff.err || fail "groff failed on yusuan.1"
	[ ! -s $TMP/groff.err ] || { cat $TMP/groff.err; fail "groff warns on yusuan.1"; }
fi
if command -v man > /dev/null 2>&1; then
	LANG=C.UTF-8 MANWIDTH=100 man -l $TMP/yusuan.1 > $TMP/man.txt 2> $TMP/man.err || { cat $TMP/man.err; fail "man -l yusuan.1 failed"; }
elif command -v groff > /dev/null 2>&1; then
	# plain text: no overstruck bold or underline (grotty -b -u), which grep could not find
	GROFF_NO_SGR=1 groff -man -Tutf8 -K utf8 -P-b -P-u $TMP/yusuan.1 > $TMP/man.txt || fail "groff failed on yusuan.1"
else
	echo "# neither man nor groff: yusuan.1 checked for its structure only"
	sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' $TMP/yusuan.1 > $TMP/man.txt
fi
# a section per command, and every option its -h lists (one table for both)
cmds=$($YUSUAN -h | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ "$(echo $cmds | wc -w)" -ge 12 ] || fail "yusuan -h lists the commands '$cmds'"
for c in $cmds; do
	has $TMP/man.txt "yusuan $c"
	expect_exit 0 $YUSUAN $c -h
	awk -F'   *' '/^  -/ { print $2 }' $TMP/o > $TMP/opts
	[ -s $TMP/opts ] || fail "$c -h lists no options"
	while IFS= read -r opt; do
		grep -qF -- "$opt" $TMP/man.txt || fail "the man page lacks '$opt' of $c -h"
	done < $TMP/opts
done
has $TMP/man.txt "YUSUAN_DATA"

# a program against the installed library, by pkg-config
export PKG_CONFIG_PATH=$P/lib/pkgconfig
cat > $TMP/prog.c <<'EOF'
#include <stdio.h>
#include <yusuan/yusuan.h>

int main(int argc, char **argv)
{
	ys_amount a;
	char buf[YS_MONEY_FMT_MAX];
	if (argc != 2 || ys_money_parse("1,234.5", 7, YS_UNIT_WANYUAN, &a, NULL))
		return 2;
	ys_money_format(buf, a.fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
	printf("%s 万元 = %lld 分\n", buf, (long long)a.fen);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	ys_check_opts opts = { NULL, NULL, NULL };
	int rc = ys_doc_read_file(&ctx, argv[1], &doc) || ys_catalog_open(&ctx, NULL, doc->year, &cat);
	opts.catalog = cat;
	if (rc || ys_check(&ctx, doc, &opts, &rep)) {
		fprintf(stderr, "%s\n", ctx.msg);
		rc = 3;
	} else {
		printf("%s %d: %d identities, %d errors\n", ys_catalog_dir(cat), doc->year, rep->identities,
		       rep->count[YS_SEV_ERROR]);
	}
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	return rc;
}
EOF
n=$((n + 1))
cc -std=c11 -Wall -Wextra -Werror -o $TMP/prog $TMP/prog.c $(pkg-config --cflags --libs yusuan) 2> $TMP/cc.err ||
	{ cat $TMP/cc.err; fail "cannot build a program with pkg-config --cflags --libs yusuan"; }
D=$(pkg-config --variable=datadir yusuan)
[ "$D" = "$P/share/yusuan" ] || fail "yusuan.pc's datadir is '$D'"
expect_exit 0 env YUSUAN_DATA=$D $TMP/prog $SEED
has $TMP/o "1,234.500000 万元 = 1234500000 分"
has $TMP/o "$P/share/yusuan/catalog/2026 2026: "
# the same figures as the command line's check
expect_exit 0 $YUSUAN check $SEED
eqs=$(sed -n 's/^小结：核对了 \([0-9]*\) 个等式.*/\1/p' $TMP/o)
[ -n "$eqs" ] || fail "check printed no summary"
expect_exit 0 env YUSUAN_DATA=$D $TMP/prog $SEED
has $TMP/o ": $eqs identities, 0 errors"
cp $TMP/o $TMP/prog.out

# the installed tree moved away: it finds its own data, not the build tree's
mv $P $TMP/moved
Y=$TMP/moved/bin/yusuan
expect_exit 0 env -u YUSUAN_DATA $Y --data-dir
[ "$(cat $TMP/o)" = "$TMP/moved/share/yusuan" ] || fail "the moved yusuan takes its data from '$(cat $TMP/o)'"
expect_exit 0 env -u YUSUAN_DATA $Y check $SEED
cp $TMP/o $TMP/moved.out
expect_exit 0 $YUSUAN check $SEED
cmp -s $TMP/o $TMP/moved.out || fail "the moved yusuan checks the seed differently"
# and its score's items (share/yusuan/score)
expect_exit 0 env -u YUSUAN_DATA $Y score $SEED
cp $TMP/o $TMP/moved.out
expect_exit 0 $YUSUAN score $SEED
cmp -s $TMP/o $TMP/moved.out || fail "the moved yusuan scores the seed differently"
# a program elsewhere names the data by YUSUAN_DATA; so can yusuan
expect_exit 0 env YUSUAN_DATA=$TMP/moved/share/yusuan $TMP/prog $SEED
has $TMP/o "$TMP/moved/share/yusuan/catalog/2026 2026: $eqs identities, 0 errors"
expect_exit 0 env YUSUAN_DATA=$TMP/elsewhere $Y --data-dir
has $TMP/o "$TMP/elsewhere"
expect_exit 3 env YUSUAN_DATA=$TMP/elsewhere $Y check $SEED
has $TMP/e "$TMP/elsewhere/catalog"
# the build's own yusuan still takes the build tree's data
expect_exit 0 env -u YUSUAN_DATA $YUSUAN --data-dir
[ "$(cat $TMP/o)" = "$PWD/data" ] || fail "build's yusuan takes its data from '$(cat $TMP/o)'"

# DESTDIR stages the same tree under another root; uninstall removes it
n=$((n + 1))
make --no-print-directory install $san PREFIX=/opt/ys DESTDIR=$TMP/stage > $TMP/install.log 2>&1 || { tail -20 $TMP/install.log; fail "make install DESTDIR failed"; }
[ -x $TMP/stage/opt/ys/bin/yusuan ] || fail "make install DESTDIR did not write bin/yusuan"
grep -qx 'prefix=/opt/ys' $TMP/stage/opt/ys/lib/pkgconfig/yusuan.pc || fail "a staged yusuan.pc does not name its PREFIX"
make --no-print-directory uninstall PREFIX=/opt/ys DESTDIR=$TMP/stage > $TMP/install.log 2>&1 || fail "make uninstall failed"
[ -z "$(find $TMP/stage -type f)" ] || fail "make uninstall left $(find $TMP/stage -type f | head -1)"
