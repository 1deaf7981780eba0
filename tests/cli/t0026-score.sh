# yusuan score: one document item by item with evidence; a folder ranked
# (parts of one document paired as check pairs them); items as data
. tests/cli/lib.sh
expect_exit 0 $YUSUAN score $SEED
has $TMP/o "北京市机关事务管理中心 2026年"
has $TMP/o "透明度得分："
has $TMP/o "table.sangong"
has $TMP/o "预算09表 财政拨款“三公”经费支出表：1 行"
has $TMP/o "文字说明中没有“名词解释”"
expect_exit 0 $YUSUAN score $SEED --format json
has $TMP/o '"id": "sangong.car"'
has $TMP/o '"found_permille": 1000'

# a folder: the seed, the seed without its 三公 table, a document in two PDFs
mkdir -p $TMP/corpus
cp $SEED $TMP/corpus/a-seed.txt
awk '/^预算09表/{skip=1} /^预算10表/{skip=0} !skip' $SEED > $TMP/corpus/b-no09.txt
cp tests/fixtures/corpus/2017_js_shengweibangongting.part1.pdf tests/fixtures/corpus/2017_js_shengweibangongting.part2.pdf $TMP/corpus/
expect_exit 0 $YUSUAN score --jobs 2 $TMP/corpus --format csv
[ "$(grep -c '^[0-9]' $TMP/o)" -eq 3 ] || fail "three documents ranked"
has $TMP/o "2017_js_shengweibangongting.part1.pdf + $TMP/corpus/2017_js_shengweibangongting.part2.pdf"
# the seed above the seed without 09, by the points of table.sangong and 三公's parts at least
first=$(grep -n 'a-seed.txt' $TMP/o | cut -d: -f1)
second=$(grep -n 'b-no09.txt' $TMP/o | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "the seed ranks below the seed without 09"
expect_exit 0 $YUSUAN score $TMP/corpus
has $TMP/o "透明度得分，从高到低（满分 100"
has $TMP/o "3 份文档，3 份读出"
has $TMP/o "没有找到这张表（09表 财政拨款“三公”经费支出表）"
expect_exit 0 $YUSUAN score $TMP/corpus --ranking
hasnt $TMP/o "table.sangong"
# an unreadable document is ranked last, and the run says so (exit 3)
cp $BAD/binary.bin $TMP/corpus/c-bad.txt
expect_exit 3 $YUSUAN score $TMP/corpus --ranking
tail -2 $TMP/o | head -1 | grep -q "（无法读取）" || fail "the unreadable document is not last"

# items as data: other points, an unknown item refused at its line
printf 'table.sangong 50 表 三公表\ncoverage 50 原则 覆盖率\n' > $TMP/items.txt
expect_exit 0 $YUSUAN score $TMP/corpus/b-no09.txt --items $TMP/items.txt
has $TMP/o "透明度得分：50.0 / 100"
printf 'coverage 50 原则 覆盖率\nsunshine 5 原则 阳光\n' > $TMP/bad-items.txt
expect_exit 3 $YUSUAN score $SEED --items $TMP/bad-items.txt
has $TMP/e "bad-items.txt:2: 不认识的评分项“sunshine”"
expect_exit 2 $YUSUAN score
expect_exit 2 $YUSUAN score $SEED --format csv
expect_exit 0 $YUSUAN score -h
has $TMP/o "data/score/items.txt"
