#!/usr/bin/env python3
"""make-corpus.py - (re)make the seed corpora in tests/fuzz/corpus/ from the
project's fixtures and example.  Not run by the build: it made the committed
seeds.  Run from the top of the tree; needs build/yusuan (for the published
XLSX and the per-table text) and cc (for bench/gen.c).

Seeds follow each harness's input format (see the harness's header comment):
a selector byte first where the harness takes one, parts separated by 0x1E,
XLSX as "name\\n" + bytes parts (and as raw zip bytes).
"""
import hashlib, os, shutil, subprocess, sys, tempfile, zipfile

ROOT = os.getcwd()
OUT = os.path.join(ROOT, 'tests', 'fuzz', 'corpus')
EX = os.path.join(ROOT, 'examples', '2026-beijing-jiguan-shiwu')
FIX = os.path.join(ROOT, 'tests', 'fixtures')
YUSUAN = os.path.join(ROOT, 'build', 'yusuan')
SEP = b'\x1e'

def rd(p):
    with open(p, 'rb') as f:
        return f.read()

def put(h, name, data):
    d = os.path.join(OUT, h)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)

def parts_of_zip(path):
    z = zipfile.ZipFile(path)
    return SEP.join(n.encode() + b'\n' + z.read(n) for n in z.namelist())

for h in os.listdir(OUT) if os.path.isdir(OUT) else []:
    shutil.rmtree(os.path.join(OUT, h))

# ---- money: byte 0 = unit (mod 3) / rule / group flag, then the text
money = ['33,149.176143', '33149.176143', '-0.000001', '１２３．４５', '−5', '－１，２３４', '—', '--', '-', '/',
         '1.5E-3', '33149.176142999998', '9223372036854775807', '-92233720368547758.08', ' 12 ', '\u300012\u3000',
         '1,234,567.89', '0', '.5', '5.', '1,23', '12.3.4', '0.0000000001', '92233720.3685477580',
         '1e400', '-0.5e-2', '+7', '\u00a0-3.25\u00a0', '三百八十', '380.5155191']
for i, s in enumerate(money):
    put('money', '%02d' % i, bytes([i % 6 | (0x80 if i % 4 == 0 else 0)]) + s.encode())
for i, v in enumerate([0, 1, -1, 2**63 - 1, -2**63, 999999, 10**10, -10**12 - 5]):
    put('money', 'int%02d' % i, bytes([i % 3 | 0x80]) + v.to_bytes(8, 'little', signed=True))

# ---- text_decode: encodings and line ends; short pieces of the seed
for n in ['seed-gb18030.txt', 'seed-crlf.txt', 'seed-bom.txt', 'binary.bin', 'blank.txt', 'no-tables.txt']:
    put('text_decode', n, rd(os.path.join(FIX, 'bad', n))[:6000])
put('text_decode', 'codenames.txt', '2010350-事业运行\n2010350 事业运行\n11000022Y0000004247 65-各办公区互联网接入费\n'
    '11000024T000002854566-管理中心机动经费\n合 计\n（室）ＡＢ\u3000\n'.encode())
put('text_decode', 'gb-short.txt', '合计\r\n事业运行\r'.encode('gb18030'))

# ---- doc_text: the seed, the bad fixtures, each table alone
put('doc_text', 'seed.txt', rd(os.path.join(FIX, 'seed', os.listdir(os.path.join(FIX, 'seed'))[0])))
for n in sorted(os.listdir(os.path.join(FIX, 'bad'))):
    if n.endswith('.txt') and n not in ('seed-crlf.txt', 'seed-bom.txt'):
        put('doc_text', 'bad-' + n, rd(os.path.join(FIX, 'bad', n)))
pub = os.path.join(EX, 'published.txt')
for t in range(1, 14):
    r = subprocess.run([YUSUAN, 'show', pub, '--table', '%02d' % t, '--format', 'text'], capture_output=True)
    if r.returncode == 0 and r.stdout:
        put('doc_text', 'table%02d.txt' % t, r.stdout)

# ---- doc_json: tables as yusuan writes them in JSON (show --format json),
# compact; a hand-written one whose text and 分 disagree
import json
def compact(b):
    return json.dumps(json.loads(b), ensure_ascii=False, separators=(',', ':')).encode()
for t in ['01', '02', '05', '09', '12', '13']:
    r = subprocess.run([YUSUAN, 'show', os.path.join(FIX, 'seed', os.listdir(os.path.join(FIX, 'seed'))[0]),
                        '--table', t, '--format', 'json'], capture_output=True)
    if r.returncode == 0 and r.stdout:
        put('doc_json', 't%s.json' % t, compact(r.stdout))
put('doc_json', 'fen-disagrees.json',
    b'{"tables":[{"id":"01","rows":[{"cells":{"in_label":"x","in_amount":{"text":"1.000000","fen":1}}}]}]}')

# ---- doc_general and doc_pdf: a few pages of tables from real disclosures of
# other layouts (../shared/corpus: their text layers, "-- page N --" marks)
SHARED = os.path.join(ROOT, '..', 'shared', 'corpus')
def table_pages(name, npages):
    text = rd(os.path.join(SHARED, name)).decode()
    pages = text.split('-- page ')[1:]
    pages = ['-- page ' + p for p in pages]
    first = next((i for i, p in enumerate(pages) if p.count('\t') > 30), 0)
    return ''.join(pages[max(first - 1, 0):first + npages]).encode()
if os.path.isdir(SHARED):
    for n in ['2017_js_renda.txt', '2018_js_zhengxie.txt', '2023_shpt_wanlijiedao.txt',
              '2024_shpt_shegongbu_juesuan.txt', '2024_shpt_shehuifuliyuan_unit.txt']:
        put('doc_general', n, table_pages(n, 4))
        put('doc_pdf', n, table_pages(n, 1))
    put('doc_pdf', 'positions', '收支预算总表\n^80 %12 @300 一般公共预算\t@500 合计\n单 位\t@150 当 年 收 入\n'
        '201\t一般公共服务支出\t1,234.56\n-- page 2 --\n^-5 @1e6 x\t@-1e300 y\n'.encode())
put('doc_general', 'seed-layout.txt', rd(pub)[:8000])

# ---- catalog: byte 0 = file (0-5) | 0x08 root | kind again << 4, then the file
files = ['function', 'dept_econ', 'gov_econ', 'revenue', 'dept_gov_map', 'variants']
for i, f in enumerate(files):
    lines = rd(os.path.join(ROOT, 'data', 'catalog', '2025', f + '.csv')).split(b'\n')
    body = b'\n'.join(lines[:40]) + b'\n'
    put('catalog', f, bytes([i | (i << 4)]) + body)
    put('catalog', f + '-root', bytes([i | 0x08 | (((i + 1) % 6) << 4)]) + body)

# ---- input_csv: byte 0 = first sheet (| 0x80 compile, | 0x40 empty folder), parts by 0x1E
sheets = ['department', 'units', 'codes', 'income', 'carryover', 'projects', 'indicators', 'items',
          'procurement', 'services', 'sangong', 'performance']
extra = {'services': '一级目录,二级目录,三级目录,金额（万元）\n机关事务,后勤服务,物业管理,12.500000\n'.encode(),
         'sangong': '项目,金额（万元）\n公务接待费,1.200000\n公务用车运行维护费,3.000000\n'.encode()}
def sheet(s):
    p = os.path.join(EX, s + '.csv')
    return rd(p) if os.path.exists(p) else extra[s]
for i, s in enumerate(sheets):
    put('input_csv', s, bytes([i]) + sheet(s))
put('input_csv', 'all-compile', bytes([0x80 | 0x40]) + SEP.join(sheet(s) for s in sheets))
put('input_csv', 'compile', bytes([0x80 | 9]) + extra['services'] + SEP + extra['sangong'])
put('input_csv', 'gb18030-units', bytes([1]) + rd(os.path.join(EX, 'units.csv')).decode().encode('gb18030'))

# ---- input_xlsx and doc_xlsx: parts and raw zips
for n in sorted(os.listdir(os.path.join(FIX, 'xlsx'))):
    p = os.path.join(FIX, 'xlsx', n)
    raw = rd(p)
    put('input_xlsx', 'raw-' + n, raw)
    if zipfile.is_zipfile(p) and n != 'bomb.xlsx':
        put('input_xlsx', 'parts-' + n, parts_of_zip(p))
    if n in ('garbage.xlsx', 'not-a-workbook.xlsx', 'bad-string.xlsx'):
        put('doc_xlsx', 'raw-' + n, raw)
with tempfile.TemporaryDirectory() as tmp:
    r = subprocess.run([YUSUAN, 'show', pub, '-o', tmp, '--format', 'xlsx'], capture_output=True)
    x = os.path.join(tmp, 'tables.xlsx')
    if r.returncode == 0 and os.path.exists(x):
        put('doc_xlsx', 'raw-tables.xlsx', rd(x))
        put('doc_xlsx', 'parts-tables', parts_of_zip(x))
        # one table per workbook: sheet k alone
        z = zipfile.ZipFile(x)
        names = z.namelist()
        sheetsx = sorted(n for n in names if n.startswith('xl/worksheets/sheet'))
        keep = [n for n in names if not n.startswith('xl/worksheets/')]
        for k in (3, 12, 13):
            nm = 'xl/worksheets/sheet%d.xml' % k
            if nm in names:
                wb = b'<workbook><sheets><sheet name="t" r:id="rIdX"/></sheets></workbook>'
                rels = ('<Relationships><Relationship Id="rIdX" Target="worksheets/sheet%d.xml"/></Relationships>' % k).encode()
                parts = [b'xl/workbook.xml\n' + wb, b'xl/_rels/workbook.xml.rels\n' + rels]
                if 'xl/sharedStrings.xml' in names:
                    parts.append(b'xl/sharedStrings.xml\n' + z.read('xl/sharedStrings.xml'))
                parts.append(nm.encode() + b'\n' + z.read(nm))
                put('doc_xlsx', 'parts-sheet%d' % k, SEP.join(parts))
    else:
        sys.stderr.write('make-corpus: no tables.xlsx: %s\n' % r.stderr.decode())

# ---- batch: a small export from bench/gen.c, and hand-made corner cases
with tempfile.TemporaryDirectory() as tmp:
    gen = os.path.join(tmp, 'gen')
    subprocess.run(['cc', '-O1', '-o', gen, os.path.join(ROOT, 'bench', 'gen.c')], check=True)
    for d, n, seed in ((2, 8, 7), (3, 3, 1)):
        out = subprocess.run([gen, str(d), str(n), str(seed)], capture_output=True, check=True).stdout
        put('batch', 'gen-%d-%d' % (d, n), out)
        lines = out.split(b'\n')
        put('batch', 'crlf-bom-%d-%d' % (d, n), b'\xef\xbb\xbf' + b'\r\n'.join(lines))
        if d == 2:
            put('batch', 'quoted', b'\n'.join([lines[0]] + [b'"' + l.replace(b',', b'","') + b'"' for l in lines[1:4] if l]) + b'\n')
            put('batch', 'yuan', lines[0].replace('万元'.encode(), '元'.encode()) + b'\n# a comment\n' +
                b'\n'.join(lines[1:5]) + b'\n')
