#!/bin/sh
# headers.sh [CC] - the public headers are ISO C11: each one alone, and all
# of them together, compile with -std=c11 -Wpedantic -Werror (a library
# user's strictest compiler), with nothing but include/ on the path.
set -u
cd "$(dirname "$0")/../.." || exit 2
cc=${1:-${CC:-cc}}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ys-headers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
flags="-std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only"
bad=0 n=0
: > "$tmp/all.c"
for h in include/yusuan/*.h; do
	inc="#include \"yusuan/$(basename "$h")\""
	echo "$inc" >> "$tmp/all.c"
	printf '%s\nint ys_header_test_%s;\n' "$inc" "$n" > "$tmp/one.c"
	$cc $flags "$tmp/one.c" 2> "$tmp/err" || { echo "$h alone:"; sed 's/^/    /' "$tmp/err"; bad=1; }
	n=$((n + 1))
done
echo 'int ys_header_test;' >> "$tmp/all.c"
$cc $flags "$tmp/all.c" 2> "$tmp/err" || { echo "all headers together:"; sed 's/^/    /' "$tmp/err"; bad=1; }
[ $bad = 0 ] && echo "$n public headers: ISO C11, -Wpedantic clean"
exit $bad
