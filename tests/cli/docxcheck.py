#!/usr/bin/python3
"""docxcheck.py REPORT.docx REPORT.html REPORT.txt - report.docx read back by
python3-docx (as Word or WPS would open it), against the other two writers.

- the headings (Word's own Heading 1-4 styles) are the HTML's <h1>-<h4>, in
  order, each also a line of report.txt;
- every figure of the text (amounts, percentages, counts: a number and its
  unit as report.txt prints it) is in the document's paragraphs, as often;
- the tables are real tables: as many as the HTML has, with every amount of
  report.txt's tables in their cells.
Prints 'docx: OK, H headings, F figures, T tables, C cells' or what differs;
exit 1 on a difference.
"""
import html
import re
import sys
from collections import Counter

import docx

path, hpath, tpath = sys.argv[1:4]
d = docx.Document(path)
bad = []

heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
page = open(hpath, encoding="utf-8").read()
hheads = [html.unescape(re.sub(r"<[^>]*>", "", m))
          for m in re.findall(r"<h[1-4] id=\"b\d+\">(.*?)</h[1-4]>", page)]
if heads != hheads:
    bad.append("headings differ from report.html's:\n  docx %s\n  html %s" % (heads, hheads))
txt = open(tpath, encoding="utf-8").read()
lines = set(l.strip() for l in txt.splitlines())
for h in heads:
    if h not in lines:
        bad.append("heading %s is no line of report.txt" % h)

# the text: from the second 第一部分 (the first is the 目录's) to 第二部分's heading
part1 = [i for i, l in enumerate(txt.splitlines()) if l.startswith("第一部分")]
part2 = [i for i, l in enumerate(txt.splitlines()) if l.startswith("第二部分")]
if len(part1) < 2 or len(part2) < 2:
    bad.append("report.txt has no 第一部分/第二部分 after its 目录")
    body, tables_txt = "", ""
else:
    all_lines = txt.splitlines()
    body = "\n".join(all_lines[part1[1]:part2[1]])
    tables_txt = "\n".join(all_lines[part2[1]:])
FIG = re.compile(r"\d[\d,]*(?:\.\d+)?(?:万元|亿元|元|%|台（套）|台|个|辆)")
want = Counter(FIG.findall(body))
paras = "\n".join(p.text for p in d.paragraphs)
got = Counter(FIG.findall(paras))
for f, k in want.items():
    if got[f] < k:
        bad.append("figure %s: %d in report.txt's text, %d in the docx" % (f, k, got[f]))

hn = len(re.findall(r"<table[^>]* id=\"t", page))
if len(d.tables) != hn or hn == 0:
    bad.append("%d tables in the docx, %d in report.html" % (len(d.tables), hn))
cells = Counter()
for t in d.tables:
    for row in t.rows:
        seen = set()
        for c in row.cells:
            # a merged cell is returned once per grid column it spans
            if id(c._tc) in seen:
                continue
            seen.add(id(c._tc))
            cells.update(re.findall(r"-?\d[\d,]*\.\d+", c.text))
amounts = Counter(re.findall(r"-?\d[\d,]*\.\d{2,}", tables_txt))
missing = [a for a, k in amounts.items() if cells[a] < k]
if missing:
    bad.append("%d amounts of report.txt's tables not in the docx's cells, e.g. %s" % (len(missing), missing[:5]))

if bad:
    print("\n".join(bad))
    sys.exit(1)
print("docx: OK, %d headings, %d figures, %d tables, %d cells" % (len(heads), sum(want.values()), len(d.tables), sum(amounts.values())))
