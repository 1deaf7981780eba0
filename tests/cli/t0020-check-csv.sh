# check --format csv opens right in a spreadsheet: RFC 4180 read by a real
# CSV parser (python3's csv, Excel's dialect), UTF-8 with BOM, CRLF, every
# row the header's field count, amounts plain numbers equal to the JSON's 分
. tests/cli/lib.sh
# an amount over 1,000 万元 that fails (02's carry-over) and a name with a
# comma and quotes, which the cls.name message quotes
sed '45s/2,285\.945232/2,285.945233/; 53s/30101-基本工资/30101-基本,"工资"/' $SEED > $TMP/m.txt
expect_exit 1 $YUSUAN check --format csv $TMP/m.txt
cp $TMP/o $TMP/m.csv
expect_exit 1 $YUSUAN check --format json $TMP/m.txt
cp $TMP/o $TMP/m.json
python3 - "$TMP/m.csv" "$TMP/m.json" <<'PY' || fail "the CSV does not read back as the JSON"
import csv, json, re, sys
from decimal import Decimal
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no UTF-8 BOM'
assert raw.count(b'\n') == raw.count(b'\r\n'), 'a line ends without CRLF'
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), dialect='excel', strict=True))
head = rows[0]
for i, r in enumerate(rows):
    assert len(r) == len(head), 'row %d has %d fields, the header %d' % (i, len(r), len(head))
js = json.load(open(sys.argv[2], encoding='utf-8'))
finds = [dict(zip(head, r)) for r in rows[1:] if r[0] != 'coverage']
assert len(finds) == len(js['findings']), (len(finds), len(js['findings']))
plain = re.compile(r'^-?[0-9]+(\.[0-9]+)?$')
n = big = quoted = 0
for c, j in zip(finds, js['findings']):
    assert c['rule'] == j['rule'] and c['message'] == j['message'], (c['rule'], j['rule'])
    quoted += ',' in c['message'] and '"' in c['message']
    if j['expected'] is None:
        assert c['found'] == c['expected'] == c['difference'] == ''
        continue
    for k in ('found', 'expected', 'difference'):
        assert plain.match(c[k]), 'not a plain number: %r' % c[k]
        # the seed prints 万元: 1 万元 = 1,000,000 分
        assert Decimal(c[k]) * 1000000 == j[k + '_fen'], (k, c[k], j[k + '_fen'])
        big += abs(j[k + '_fen']) >= 1000 * 1000000
    n += 1
assert n >= 3 and big >= 3 and quoted >= 1, (n, big, quoted)
cov = [dict(zip(head, r)) for r in rows[1:] if r[0] == 'coverage']
assert len(cov) == len(js['coverage']['tables']) + 1
assert int(cov[-1]['amounts_read']) == js['coverage']['amounts_read']
assert int(cov[-1]['identities']) == js['summary']['identities']
print('csv: %d rows, %d with amounts, read back as the JSON' % (len(rows), n))
PY
echo ok
