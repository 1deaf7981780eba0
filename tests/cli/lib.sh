# lib.sh - assertions for the CLI tests (sourced).
SEED=tests/fixtures/seed/000_c2fdc67ddbce1acd.txt
BAD=tests/fixtures/bad
n=0
fail() { echo "not ok: $*"; exit 1; }
# expect_exit CODE CMD...: run CMD, keep stdout in $TMP/o and stderr in $TMP/e
expect_exit() {
	want=$1; shift
	n=$((n + 1))
	"$@" > "$TMP/o" 2> "$TMP/e"
	got=$?
	[ "$got" -eq "$want" ] || { cat "$TMP/o" "$TMP/e" | head -20; fail "[$n] $* exited $got, wanted $want"; }
}
# has FILE TEXT: FILE contains TEXT (fixed string)
has() { grep -qF -- "$2" "$1" || { head -20 "$1"; fail "[$n] $1 lacks '$2'"; }; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "[$n] $1 has '$2'"; }
# sanitized: $YUSUAN is the ASan+UBSan build (make test SAN=1).  Checks of
# files that do not depend on the build (a browser loading the published
# site) run once, in the plain build's suite.
sanitized() { case $YUSUAN in */san/*) return 0 ;; esac; return 1; }
