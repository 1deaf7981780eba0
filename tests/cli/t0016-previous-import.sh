# --previous takes the same department's disclosure and notices the same
# one; import stores a file once (its SHA-256), again with --replace; a
# refusal of the input as given is exit 3 (input refused), not 2 (usage)
. tests/cli/lib.sh
sed '362s/北京市机关事务管理中心/上海市某某区教育局/' $SEED > $TMP/other.txt
expect_exit 3 $YUSUAN check $SEED --previous $TMP/other.txt
has $TMP/e "--previous $TMP/other.txt 是“上海市某某区教育局”的公开表"
hasnt $TMP/o "summary"
expect_exit 0 $YUSUAN check $SEED --previous $SEED
has $TMP/o "[yoy.same] --previous $SEED 与本公开表内容相同"
# the same content in another format is the same document too
expect_exit 0 $YUSUAN show $SEED --format json
cp $TMP/o $TMP/seed.json
expect_exit 0 $YUSUAN check $SEED --previous $TMP/seed.json
has $TMP/o "[yoy.same]"
# last year's figures: no yoy.same
sed '267s/^25\.400000\t\t16\.000000/20.000000\t\t10.600000/' $SEED > $TMP/last.txt
expect_exit 0 $YUSUAN check $SEED --previous $TMP/last.txt
hasnt $TMP/o "[yoy.same]"

DB=$TMP/i.db
expect_exit 0 $YUSUAN import $SEED --db $DB
expect_exit 3 $YUSUAN import $SEED --db $DB
has $TMP/e "与已导入的公开表 1"
has $TMP/e "--replace"
cp $SEED $TMP/copy.txt
expect_exit 3 $YUSUAN import $TMP/copy.txt --db $DB
[ "$(sqlite3 $DB 'select count(*) from disclosure')" -eq 1 ] || fail "the same file was stored twice"
expect_exit 0 $YUSUAN import $TMP/copy.txt --db $DB --replace
has $TMP/o "替换了内容相同的公开表 1"
[ "$(sqlite3 $DB 'select count(*) from disclosure')" -eq 1 ] || fail "--replace kept the old one"
[ "$(sqlite3 $DB 'select file from disclosure')" = "$TMP/copy.txt" ] || fail "--replace did not store the new one"
[ "$(sqlite3 $DB 'pragma integrity_check')" = ok ] || fail "integrity_check"
expect_exit 0 $YUSUAN import $TMP/last.txt --db $DB
[ "$(sqlite3 $DB 'select count(*) from disclosure')" -eq 2 ] || fail "another file was not stored"
