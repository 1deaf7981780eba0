# Every example of README.md and docs/*.md ("    $ command" blocks) is run
# and its output compared with what the page shows: the pages stay true
. tests/cli/lib.sh
python3 tests/cli/docexamples.py $YUSUAN $TMP/scratch > $TMP/o 2>&1 || { cat $TMP/o; fail "an example of the documentation disagrees with the program"; }
has $TMP/o "0 disagree"
# the comparison itself: a page line the program does not print is caught
mkdir -p $TMP/page
printf 'Try:\n\n    $ build/yusuan rules\n    这一行不会出现\n' > $TMP/page/x.md
expect_exit 1 python3 tests/cli/docexamples.py $YUSUAN $TMP/scratch2 $TMP/page/x.md
