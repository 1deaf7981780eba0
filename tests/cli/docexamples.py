#!/usr/bin/env python3
"""docexamples.py - run every example of README.md and docs/*.md and compare
its output with what the page shows.

    tests/cli/docexamples.py YUSUAN SCRATCH [FILE.md ...]

An example is an indented block (four spaces) whose first line starts with
"$ ": each "$ " line is a command, run with bash in SCRATCH (where
build/yusuan is YUSUAN and examples/, tests/, data/ are the project's), and
the lines up to the next "$ " line are its output as the page shows it.
The page may leave things out: a line that is only "…" stands for any
number of lines, and "..." or "…" inside a line for any text.  Every line
the page shows must appear, in order.  Exit 0 when every example agrees,
1 otherwise (each disagreement printed with the real output), 2 on bad
usage.
"""
import glob
import os
import re
import subprocess
import sys


def examples(path):
    """(line number, command, expected lines) of each example of a page."""
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith('    $ '):
            i += 1
            continue
        # the block: indented or blank lines, up to a line that is neither
        j = i
        block = []
        while j < len(lines) and (lines[j].startswith('    ') or not lines[j].strip()):
            block.append((j + 1, lines[j][4:]))
            j += 1
        while block and not block[-1][1].strip():
            block.pop()
        cur = None
        for no, text in block:
            if text.startswith('$ '):
                if cur:
                    out.append(cur)
                cur = (no, text[2:], [])
            elif cur is not None:
                cur[2].append(text.rstrip())
        if cur:
            out.append(cur)
        i = j
    return out


def pattern(line):
    """A page's line as a regex: '...' and '…' inside it match any text."""
    parts = re.split(r'\.\.\.|…', line.strip())
    return re.compile('^' + '.*'.join(re.escape(p) for p in parts) + '$')


def agrees(expected, actual):
    """Do the expected lines (with '…' gaps) appear in actual, in order?"""
    actual = [a.rstrip() for a in actual]
    pos = 0
    gap = False
    for e in expected:
        if e.strip() in ('…', '...'):
            gap = True
            continue
        if not e.strip():
            continue
        rx = pattern(e)
        if gap:
            while pos < len(actual) and not rx.match(actual[pos].strip()):
                pos += 1
            if pos == len(actual):
                return False, e
        else:
            while pos < len(actual) and not actual[pos].strip():
                pos += 1
            if pos == len(actual) or not rx.match(actual[pos].strip()):
                return False, e
        pos += 1
        gap = False
    return True, None


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    yusuan, scratch = os.path.abspath(sys.argv[1]), sys.argv[2]
    top = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
    pages = sys.argv[3:] or [os.path.join(top, 'README.md')] + sorted(glob.glob(os.path.join(top, 'docs', '*.md')))
    os.makedirs(os.path.join(scratch, 'build'), exist_ok=True)
    link = os.path.join(scratch, 'build', 'yusuan')
    if not os.path.exists(link):
        os.symlink(yusuan, link)
    for d in ('examples', 'tests', 'data'):
        if not os.path.exists(os.path.join(scratch, d)):
            os.symlink(os.path.join(top, d), os.path.join(scratch, d))
    env = dict(os.environ, PATH=os.path.join(scratch, 'build') + ':' + os.environ.get('PATH', ''))
    bad = n = 0
    for page in pages:
        for no, cmd, expected in examples(page):
            n += 1
            p = subprocess.run(['bash', '-c', cmd], cwd=scratch, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=300)
            actual = p.stdout.decode('utf-8', 'replace').split('\n')
            ok, line = agrees(expected, actual)
            if not ok:
                bad += 1
                rel = os.path.relpath(page, top)
                print('%s:%d: $ %s' % (rel, no, cmd))
                print('  the page shows a line the command does not print: %s' % line)
                print('  the command printed:')
                for a in actual[:60]:
                    print('    ' + a)
    print('%d examples, %d disagree' % (n, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
