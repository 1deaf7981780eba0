# what README.md and docs/*.md state about behaviour is what yusuan does
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu

# README: the identity count check prints for the example's published.txt
said=$(grep -o '小结：核对了 [0-9]* 个等式' README.md | head -1)
[ -n "$said" ] || fail "README shows no summary line of check"
expect_exit 0 $YUSUAN check $EX/published.txt
has $TMP/o "$said"

# check.md: a finding about no amounts has null expected/found/difference and no _fen keys
expect_exit 0 $YUSUAN check $SEED --format json
[ "$(grep -c '"expected": null' $TMP/o)" -eq "$(grep -c '"rule":' $TMP/o)" ] || fail "expected not null"
hasnt $TMP/o '_fen'
has $TMP/o '"unrecognised": []'
sed '80s/393\.779040\t393\.779040/393.779040\t393.779041/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check $TMP/m.txt --format json
[ "$(grep -c '"expected_fen"' $TMP/o)" -eq "$(grep -c '"expected": "' $TMP/o)" ] || fail "_fen keys without amounts"
has $TMP/o '"difference": "0.000001"'
has $TMP/o '"difference_fen": 1'
# check.md: every catalog file kind it lists is one --catalog-file takes
kinds=$(tr '\n' ' ' < docs/check.md | grep -o 'replaces one file (`[^)]*)' | grep -o '`[a-z_]*`' | tr -d '`')
[ -n "$kinds" ] || fail "no catalog kinds in docs/check.md"
for k in $kinds; do
	f=$(ls data/catalog/*/$k.csv data/catalog/*/dept_gov_$k.csv 2>/dev/null | tail -1)
	[ -n "$f" ] || fail "no catalog file for kind $k"
	expect_exit 0 $YUSUAN check $SEED --catalog-file $k=$f
done

# show -h and check.md: show reads a PDF
expect_exit 0 $YUSUAN show -h
has $TMP/o "PDF"
expect_exit 0 $YUSUAN show tests/fixtures/corpus/2024_shpt_wanlijiedao.pdf
has $TMP/o "部门财务收支预算总表"

# storage.md: the schema version and every table of a fresh database
expect_exit 0 $YUSUAN import $SEED --db $TMP/s.db
v=$(sqlite3 $TMP/s.db 'pragma user_version')
grep -q "creates version $v" docs/storage.md || fail "docs/storage.md does not say version $v"
for t in $(sqlite3 $TMP/s.db "select name from sqlite_master where type = 'table' and name <> 'meta'"); do
	grep -qF "| \`$t\` |" docs/storage.md || fail "docs/storage.md does not describe table $t"
done
grep -qF '`file_sha256`' docs/storage.md || fail "docs/storage.md lacks file_sha256"

# batch.md: its example commands, the generator built as it says (smaller corpus)
line=$(grep -o 'cc -O2 -o build/bench/gen bench/gen.c' docs/batch.md)
[ -n "$line" ] || fail "docs/batch.md does not say how to build build/bench/gen"
cc -O2 -o $TMP/gen bench/gen.c || fail "bench/gen.c does not build as docs/batch.md says"
grep -q 'build/bench/gen 1000 1000 > items.csv' docs/batch.md || fail "docs/batch.md example changed"
$TMP/gen 3 40 > $TMP/items.csv || fail "gen"
expect_exit 0 $YUSUAN batch $TMP/items.csv --year 2026 -o $TMP/batch
f=$(ls $TMP/batch/*.txt | head -1)
expect_exit 0 $YUSUAN check "$f"
