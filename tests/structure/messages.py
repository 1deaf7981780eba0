#!/usr/bin/env python3
"""messages.py [SRC...] - every message the library leaves for a user is in
Chinese (docs/errors.md): list each ys_error(...) call in src/ whose format
string has no CJK character, or reads as English around a Chinese word
("expected 万元 or 元"), and fail if there is one.  A format that is only a
placeholder ("%s") passes a message made elsewhere on and is not
counted."""
import os, re, sys

CJK = re.compile(r'[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]')
CALL = re.compile(r'\bys_error\s*\(')
STR = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# words of an English message; identifiers, option names and SQL stay English
ENGLISH = set('''expected found cannot not must than more the is are has have no of or and an in with
out memory too long bad missing unknown empty invalid was were be should could does a to for at by
on it this that amount amounts overflows file row cell'''.split())


def english(fmt):
    text = re.sub(r'%[-+ #0-9.*]*[a-z]+', ' ', fmt)
    text = re.sub(r'[\w.\[\]]*[\[._][\w.\[\]]*', ' ', text)  # tables[0].unit, dept_code
    words = re.findall(r'[A-Za-z]+', text)
    return sum(w.lower() in ENGLISH for w in words) >= 2


def calls(text):
    for m in CALL.finditer(text):
        # the arguments up to the matching parenthesis
        depth, i = 1, m.end()
        instr = False
        while i < len(text) and depth:
            c = text[i]
            if instr:
                if c == '\\':
                    i += 1
                elif c == '"':
                    instr = False
            elif c == '"':
                instr = True
            elif c == '(':
                depth += 1
            elif c == ')':
                depth -= 1
            i += 1
        yield m.start(), text[m.end():i - 1]


def fmt_of(args):
    # ctx, code, then the format: the string literals up to the next comma
    # outside them
    parts, depth, cur, instr, k = [], 0, '', False, 0
    while k < len(args):
        c = args[k]
        if instr:
            cur += c
            if c == '\\':
                cur += args[k + 1]
                k += 1
            elif c == '"':
                instr = False
        elif c == '"':
            instr = True
            cur += c
        elif c in '([':
            depth += 1
            cur += c
        elif c in ')]':
            depth -= 1
            cur += c
        elif c == ',' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += c
        k += 1
    parts.append(cur)
    if len(parts) < 3:
        return None
    return ''.join(STR.findall(parts[2])) if '"' in parts[2] else None


def main(roots):
    bad = 0
    for root in roots:
        for d, _, fs in os.walk(root):
            for f in sorted(fs):
                if not f.endswith('.c'):
                    continue
                p = os.path.join(d, f)
                text = open(p, encoding='utf-8').read()
                for pos, args in calls(text):
                    fmt = fmt_of(args)
                    if fmt is None or (CJK.search(fmt) and not english(fmt)):
                        continue
                    if re.fullmatch(r'(%[-0-9.*]*[a-z]+|[\s:：;.,]|\\n)*', fmt):
                        continue  # a message made elsewhere, passed on
                    line = text.count('\n', 0, pos) + 1
                    print('%s:%d: "%s"' % (p, line, fmt))
                    bad += 1
    print('%d messages without Chinese' % bad)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['src']))
