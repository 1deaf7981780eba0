# make corpus: scripts/corpus.py over a folder writes CORPUS.md with the
# figures per family (a manifest's, or the file-name prefix) and in all,
# beside pdftotext -layout on the same files
. tests/cli/lib.sh
command -v pdftotext > /dev/null || fail "pdftotext missing: scripts/deps.sh --test installs poppler-utils"
C=tests/fixtures/corpus
F=$TMP/corpus
mkdir -p $F
cp $C/2017_js_renda.pdf $C/2018_js_zhengxie.part1.pdf $C/2018_js_zhengxie.part2.pdf $F/
cp $SEED $F/2026_xx_01.txt
sed '45s/2,285\.945232/2,285.945233/' $SEED > $F/2026_xx_03.txt
printf 'file\tfamily\n2017_js_renda.pdf\tJiangsu 公开表\n2018_js_zhengxie.part2.pdf\tJiangsu 公开表\n' > $F/manifest.tsv
python3 scripts/corpus.py $F --out $TMP/C.md --yusuan $YUSUAN > $TMP/o 2> $TMP/e || { cat $TMP/e; fail "corpus.py failed"; }
has $TMP/C.md "## $F"
has $TMP/C.md "| Jiangsu 公开表 | 2 | 0 |"
has $TMP/C.md "| 2026_xx | 2 | 0 | 26 |"
has $TMP/C.md "| **all** | 4 | 0 |"
has $TMP/C.md "| 2018_js_zhengxie.part1.pdf + 2018_js_zhengxie.part2.pdf | Jiangsu 公开表 | 12 |"
# the figures are the run's: identities and errors in all, errors by rule
expect_exit 1 $YUSUAN check --jobs 1 --format json $F
python3 -c "
import json,sys
s=json.load(open(sys.argv[1]))['summary']
print('| **all** | %d | %d | %d | %d | %s | {:,} | 0 | %d | %d |'.format(s['identities']) % (s['documents'], s['unreadable'], s['tables'], s['unrecognised'], s['coverage'] + ' %', s['errors'], s['warnings']))
" $TMP/o > $TMP/all
has $TMP/C.md "$(cat $TMP/all)"
grep -qF '| `t02.carry` | 1 / 0 |  | 1 / 0 |' $TMP/C.md || { grep t02 $TMP/C.md; fail "errors by rule"; }
# timed beside the floor, for the PDFs only
grep -q '^| 2017_js_renda.pdf | Jiangsu 公开表 | 12 | .* | [0-9.]* | [0-9.]* |$' $TMP/C.md || fail "no pdftotext time for a PDF"
grep -q '^| 2026_xx_01.txt | 2026_xx | 13 | .* | - |$' $TMP/C.md || fail "a text file has no floor"
echo ok
