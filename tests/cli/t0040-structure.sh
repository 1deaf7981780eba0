# The shape of the library (docs/internals.md): the readers a one-way house
# (no reader calls another; open.c above them chooses), only ys_ names
# exported, the public headers ISO C11 and -Wpedantic clean.
. tests/cli/lib.sh
build=$(dirname "$YUSUAN")
expect_exit 0 sh tests/structure/readers.sh "$build/obj/src/read"
has $TMP/o "ok   open (top) -> text (reader)"
has $TMP/o "ok   xlsx (reader) -> detail (base)"
hasnt $TMP/o "BAD"
# the check itself fails on a reader calling a reader, a base calling up,
# and a file in no layer
printf 'open text\njson text\n' > $TMP/edges
expect_exit 1 sh tests/structure/readers.sh --edges $TMP/edges
has $TMP/o "BAD  json (reader) -> text (reader)"
printf 'detail xlsx\n' > $TMP/edges
expect_exit 1 sh tests/structure/readers.sh --edges $TMP/edges
has $TMP/o "BAD  detail (base) -> xlsx (reader)"
printf 'open newreader\n' > $TMP/edges
expect_exit 1 sh tests/structure/readers.sh --edges $TMP/edges
has $TMP/o "src/read/newreader.c is in no layer"
expect_exit 0 sh tests/structure/symbols.sh "$build/libyusuan.a"
has $TMP/o "all ys_"
expect_exit 0 sh tests/structure/headers.sh
has $TMP/o "-Wpedantic clean"
# every message the library leaves for a user is in Chinese
expect_exit 0 python3 tests/structure/messages.py src
has $TMP/o "0 messages without Chinese"
printf 'static int f(ys_ctx *ctx) { return ys_error(ctx, YS_EIO, "%%s: cannot open", "x"); }\n' > $TMP/m.c
printf 'static int g(ys_ctx *ctx) { return ys_error(ctx, YS_EIO, "%%s：无法打开", "x"); }\n' >> $TMP/m.c
printf 'static int h(ys_ctx *ctx) { return ys_error(ctx, YS_EPARSE, "%%s: expected 万元 or 元", "x"); }\n' >> $TMP/m.c
expect_exit 1 python3 tests/structure/messages.py $TMP
has $TMP/o 'm.c:1: "%s: cannot open"'
has $TMP/o 'm.c:3: "%s: expected 万元 or 元"'
has $TMP/o "2 messages without Chinese"
