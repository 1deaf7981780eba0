# the rule list, and docs/rules.md generated from it is current
. tests/cli/lib.sh
expect_exit 0 $YUSUAN rules --format json
[ "$(grep -c '"id":' $TMP/o)" -ge 80 ] || fail "fewer than 80 rules"
expect_exit 0 $YUSUAN rules --format markdown
cmp -s $TMP/o docs/rules.md || fail "docs/rules.md is out of date: run build/yusuan rules --format markdown > docs/rules.md"
