#!/bin/sh
# symbols.sh LIB - the library exports only ys_ names (include/yusuan is
# its API; internals shared between its files carry ys_ too, file-local
# helpers are static): fail on any other global symbol defined in LIB
# (libyusuan.a or .so).
set -u
lib=${1:?usage: symbols.sh LIB}
[ -f "$lib" ] || { echo "symbols.sh: no $lib" >&2; exit 2; }
# global definitions: code, data, bss, read-only, common (nm's capitals);
# AddressSanitizer's one-definition-rule markers of a global (__odr_asan.NAME,
# in `make test SAN=1`) are the compiler's, named after a ys_ global
others=$(nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 && $2 ~ /^[TDBRCGSVW]$/ { print $3 }' |
	grep -v '^ys_' | grep -v '^__odr_asan\.ys_' | sort -u)
n=$(nm -g --defined-only "$lib" | awk 'NF == 3' | wc -l)
[ "$n" -gt 0 ] || { echo "symbols.sh: nm found no symbols in $lib" >&2; exit 2; }
if [ -n "$others" ]; then
	echo "$lib exports names without ys_:"
	echo "$others" | sed 's/^/    /'
	exit 1
fi
echo "$lib: $n global symbols, all ys_"
