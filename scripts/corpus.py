#!/usr/bin/env python3
"""corpus.py - check every document of one or more folders and write CORPUS.md.

    scripts/corpus.py DIR [DIR...] [--out CORPUS.md] [--yusuan build/yusuan] [--jobs 1]
                      [--ledger tests/corpus/expected.tsv]

For each folder: `yusuan check --jobs N --format json DIR` (documents paired as
check pairs them: X.text.pdf + X.tables.pdf, X.part1.pdf + X.part2.pdf), then
`pdftotext -layout` on the same PDF files, one after the other, as the floor
of what reading a PDF costs.  Figures per family and in all: documents,
tables, coverage (amount cells read / (read + unreadable)), identities,
findings, errors and warnings by rule, seconds per document.

The family of a document is the `family` column of DIR/manifest.tsv (its
`file` column names any one of the document's files) when the folder has
one; else the file name before its first `_NN` (2026_fz_01.pdf -> 2026_fz);
else its first two `_`-separated words (2017_js_renda.pdf -> 2017_js).

The ledger (tests/corpus/expected.tsv: file, page, rule, table, row,
figures, why) lists every error that remains on the development corpus and
why it is a real error of the document (and warnings proven on the printed
page, so that they stay reported).  Every error finding must match a
ledger line (the same file, rule and table, and page unless the ledger's is
0), and every ledger line of a document checked must be matched: CORPUS.md
lists what does not, and the exit status is 1.

Exit 0 when CORPUS.md was written and the ledger holds, 1 when it does not,
2 on bad usage or a missing tool.  Used by `make corpus CORPUS=DIR`; it reads only the folders
it is given.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time


def family_of(files, manifest):
    for f in files:
        name = os.path.basename(f)
        if name in manifest:
            return manifest[name]
    name = os.path.basename(files[0])
    stem = name.split('.')[0]
    m = re.search(r'_\d\d(?!\d)', stem)
    if m:
        return stem[:m.start()]
    parts = stem.split('_')
    return '_'.join(parts[:2]) if len(parts) > 1 else stem


def read_manifest(folder):
    path = os.path.join(folder, 'manifest.tsv')
    fam = {}
    if not os.path.exists(path):
        return fam
    with open(path, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row.get('file') and row.get('family'):
                fam[row['file']] = row['family']
    return fam


def pdftotext_seconds(files):
    """Wall-clock seconds of pdftotext -layout over a document's PDFs; None
    when it has none."""
    pdfs = [f for f in files if f.lower().endswith('.pdf')]
    if not pdfs:
        return None
    t0 = time.monotonic()
    for f in pdfs:
        subprocess.run(['pdftotext', '-layout', f, '-'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
    return time.monotonic() - t0


def pct(read, unread):
    """Coverage as check computes it: per mille rounded down, one decimal."""
    if read + unread == 0:
        return '-'
    pm = read * 1000 // (read + unread)
    return '%d.%d %%' % (pm // 10, pm % 10)


def num(n):
    return '{:,}'.format(n)


class Agg:
    def __init__(self):
        self.docs = self.unreadable = self.tables = self.unrecognised = 0
        self.read = self.unread = self.identities = self.noid = 0
        self.count = {'errors': 0, 'warnings': 0, 'notices': 0}
        self.rules = {}
        self.ms = 0
        self.floor = 0.0
        self.floor_docs = 0
        self.floor_ms = 0

    def add(self, d, floor):
        self.docs += 1
        self.ms += d['ms']
        if floor is not None:
            self.floor += floor
            self.floor_docs += 1
            self.floor_ms += d['ms']
        if d['status'] != 'read':
            self.unreadable += 1
            return
        self.tables += d['tables']
        self.unrecognised += d['unrecognised']
        self.read += d['amounts_read']
        self.unread += d['amounts_unreadable']
        self.identities += d['identities']
        self.noid += d['identities'] == 0
        for k in self.count:
            self.count[k] += d[k]
        for rule, c in d['rules'].items():
            r = self.rules.setdefault(rule, {'errors': 0, 'warnings': 0, 'notices': 0})
            for k in r:
                r[k] += c[k]


def section(folder, run, floors, families, out):
    groups = {}
    total = Agg()
    for d in run['documents']:
        fam = families[d['file']]
        groups.setdefault(fam, Agg()).add(d, floors[d['file']])
        total.add(d, floors[d['file']])
    names = sorted(groups)
    w = out.write
    w('## %s\n\n' % folder)
    w('| family | documents | unreadable | tables | titles not recognised | coverage | identities | '
      'documents with 0 identities | errors | warnings | notices | s / document | pdftotext -layout s / document '
      '| × floor |\n')
    w('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n')
    for name, a in [(n, groups[n]) for n in names] + [('**all**', total)]:
        per = a.ms / 1000 / a.docs if a.docs else 0
        floor = a.floor / a.floor_docs if a.floor_docs else None
        ratio = (a.floor_ms / 1000) / a.floor if a.floor else None
        w('| %s | %d | %d | %s | %d | %s | %s | %d | %s | %s | %s | %.3f | %s | %s |\n' %
          (name, a.docs, a.unreadable, num(a.tables), a.unrecognised, pct(a.read, a.unread), num(a.identities),
           a.noid, num(a.count['errors']), num(a.count['warnings']), num(a.count['notices']), per,
           '%.3f' % floor if floor is not None else '-', '%.1f' % ratio if ratio is not None else '-'))
    w('\nAmount cells: %s read, %s unreadable (text in an amount column that is not an amount).\n\n' %
      (num(total.read), num(total.unread)))
    # errors and warnings by rule, per family
    rules = sorted(total.rules, key=lambda r: (-total.rules[r]['errors'], -total.rules[r]['warnings'], r))
    rules = [r for r in rules if total.rules[r]['errors'] or total.rules[r]['warnings']]
    w('### Errors and warnings by rule\n\n')
    if not rules:
        w('None.\n\n')
    else:
        w('Each cell: errors / warnings.\n\n')
        w('| rule | %s | all |\n' % ' | '.join(names))
        w('|---|%s---:|\n' % ('---:|' * len(names)))
        for r in rules:
            cells = []
            for n in names + [None]:
                c = (groups[n] if n else total).rules.get(r)
                cells.append('%d / %d' % (c['errors'], c['warnings']) if c and (c['errors'] or c['warnings']) else '')
            w('| `%s` | %s |\n' % (r, ' | '.join(cells)))
        w('\n')
    w('### Documents\n\n')
    w('| document | family | tables | coverage | identities | errors | warnings | s | pdftotext s |\n')
    w('|---|---|---:|---:|---:|---:|---:|---:|---:|\n')
    for d in run['documents']:
        name = ' + '.join(os.path.relpath(f, folder) for f in d['file'].split(' + '))
        fl = floors[d['file']]
        if d['status'] != 'read':
            w('| %s | %s | unreadable: %s | | | | | %.3f | %s |\n' %
              (name, families[d['file']], d['error'].replace('|', '\\|'), d['ms'] / 1000,
               '%.3f' % fl if fl is not None else '-'))
            continue
        w('| %s | %s | %d | %s | %s | %d | %d | %.3f | %s |\n' %
          (name, families[d['file']], d['tables'], pct(d['amounts_read'], d['amounts_unreadable']),
           num(d['identities']), d['errors'], d['warnings'], d['ms'] / 1000, '%.3f' % fl if fl is not None else '-'))
    w('\n')


def read_ledger(path):
    lines = []
    with open(path, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            if row.get('file') and row.get('rule'):
                lines.append(row)
    return lines


def ledger_check(yusuan, sections, ledger):
    """The error findings no ledger line explains, and the ledger lines of
    the documents checked that no finding bears out."""
    unexplained, unmatched, matched = [], [], set()
    checked = set()
    for folder, run, floors, families in sections:
        for d in run['documents']:
            files = d['file'].split(' + ')
            names = [os.path.basename(f) for f in files]
            checked.update(names)
            ledgered = any(l['file'] in names for l in ledger)
            if not d.get('errors') and not ledgered:
                continue
            p = subprocess.run([yusuan, 'check', '--format', 'json'] + files, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, check=False)
            try:
                rep = json.loads(p.stdout.decode('utf-8'))
            except ValueError:
                continue
            # every error must be in the ledger; a ledger line (an error or
            # a warning) must be borne out by a finding of its rule
            for f in rep['findings']:
                if f['severity'] != 'error' and not ledgered:
                    continue
                hit = False
                # a page is of the finding's file (a document of several files)
                fnames = [os.path.basename(f['file'])] if f.get('file') else names
                for i, l in enumerate(ledger):
                    if l['file'] not in fnames or l['rule'] != f['rule']:
                        continue
                    if (l.get('table') or '') != (f.get('table') or ''):
                        continue
                    page = int(l.get('page') or 0)
                    if page and page != (f.get('page') or 0):
                        continue
                    hit = True
                    matched.add(i)
                if not hit and f['severity'] == 'error':
                    unexplained.append((names[0], f))
    for i, l in enumerate(ledger):
        if l['file'] in checked and i not in matched:
            unmatched.append(l)
    return unexplained, unmatched


def main():
    ap = argparse.ArgumentParser(description='check a corpus and write CORPUS.md')
    ap.add_argument('folders', nargs='+')
    ap.add_argument('--out', default='CORPUS.md')
    ap.add_argument('--yusuan', default='build/yusuan')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--ledger', default=None)
    a = ap.parse_args()
    if not shutil.which('pdftotext'):
        print('corpus.py: pdftotext not found (poppler-utils: scripts/deps.sh --corpus)', file=sys.stderr)
        return 2
    sections = []
    for folder in a.folders:
        folder = folder.rstrip('/') or '/'
        if not os.path.isdir(folder):
            print('corpus.py: %s: not a folder' % folder, file=sys.stderr)
            return 2
        print('corpus.py: checking %s ...' % folder, file=sys.stderr)
        p = subprocess.run([a.yusuan, 'check', '--jobs', str(a.jobs), '--format', 'json', folder],
                           stdout=subprocess.PIPE, check=False)
        if p.returncode not in (0, 1, 3):
            print('corpus.py: yusuan check exited %d' % p.returncode, file=sys.stderr)
            return 2
        run = json.loads(p.stdout.decode('utf-8'))
        manifest = read_manifest(folder)
        families, floors = {}, {}
        print('corpus.py: pdftotext -layout on the same files ...', file=sys.stderr)
        for d in run['documents']:
            files = d['file'].split(' + ')
            families[d['file']] = family_of(files, manifest)
            floors[d['file']] = pdftotext_seconds(files)
        sections.append((folder, run, floors, families))
    ver = subprocess.run([a.yusuan, '--version'], stdout=subprocess.PIPE, check=False).stdout.decode().strip()
    rev = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=False).stdout.decode().strip()
    if rev:
        ver += ' (commit %s)' % rev
    with open(a.out + '.tmp', 'w', encoding='utf-8') as out:
        out.write('# Corpus\n\n')
        out.write('Written by `make corpus CORPUS=DIR` (scripts/corpus.py) with %s, `check --jobs %d`. '
                  'A document is a file, or a department\'s PDFs named alike (X.text.pdf + X.tables.pdf, '
                  'X.part1.pdf + X.part2.pdf: docs/check.md). Coverage = amount cells read / (read + unreadable), '
                  'rounded down. Seconds are wall clock per document (reading and checking), beside '
                  '`pdftotext -layout` on the same PDF files (the floor); "× floor" is the ratio of the two over '
                  'the documents that are PDFs. Findings are what check reports; nothing here says they are '
                  'right: judge a finding by the arithmetic of the printed page.\n\n' % (ver, a.jobs))
        for s in sections:
            section(*s, out)
        bad = False
        if a.ledger:
            ledger = read_ledger(a.ledger)
            unexplained, unmatched = ledger_check(a.yusuan, sections, ledger)
            bad = bool(unexplained or unmatched)
            out.write('## Ledger\n\n`%s` lists %d errors that remain, each with the printed figures and why it is '
                      'a real error of the document. ' % (a.ledger, len(ledger)))
            if not bad:
                out.write('Every error reported is in the ledger, and every ledger line of the documents checked '
                          'was reported.\n\n')
            else:
                out.write('These do not agree with it:\n\n')
                for name, f in unexplained:
                    out.write('- not in the ledger: %s page %s `%s` %s: %s\n' % (
                        name, f.get('page') or '-', f['rule'], f.get('table') or '', f['message'][:160]))
                for l in unmatched:
                    out.write('- in the ledger, not reported: %s page %s `%s` %s\n' % (
                        l['file'], l.get('page') or '-', l['rule'], l.get('table') or ''))
                out.write('\n')
                for name, f in unexplained:
                    print('corpus.py: not in the ledger: %s page %s %s %s' % (name, f.get('page'), f['rule'],
                                                                           f.get('table')), file=sys.stderr)
                for l in unmatched:
                    print('corpus.py: in the ledger, not reported: %s %s %s' % (l['file'], l['rule'], l.get('table')),
                          file=sys.stderr)
    os.replace(a.out + '.tmp', a.out)
    print('corpus.py: wrote %s' % a.out, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
