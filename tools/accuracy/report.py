#!/usr/bin/python3
"""report.py -- how often the reply reader finds what the case tables expect (make accuracy).

Reads the tables of tests/data/replies/ and the output of build/replies-dump for them; prints,
for three kinds of text and for texts that hold no reply, the share of rows whose basic and
enhanced codes are right, next to what two naive regular expressions find (a three-digit
2xx-5xx number not inside a longer number, then the first X.Y.Z after it). With -v, every row
that differs, column by column.
"""
import re
import subprocess
import sys
from pathlib import Path

KINDS = {
    'bounces': 'bounce Diagnostic-Code lines and MTA bounce text',
    'hard': 'application errors, MTA log lines, ESP webhooks, transcripts, nested and localized replies',
    'corpus': 'what real MTAs and clients wrote against a scripted server (corpus/)',
    'none': 'texts that hold no reply (a false code is an error)',
    'other': 'the other tables (plain replies, warnings, edge cases)',
}
BOUNCES = {'dsn', 'forms-bounces', 'multiline', 'gmail', 'microsoft', 'yahoo', 'providers',
           'blocklists', 'exchange-qmail', 'gateways'}
HARD = {'applications', 'forms-applications', 'forms-mta-logs', 'forms-esp', 'forms-transcripts',
        'forms-international', 'postfix', 'exim', 'sendmail', 'other-mtas', 'pasted'}
NONE = {'no-code', 'forms-not-codes'}
CHECKED = ['basic', 'enhanced', 'stage', 'status_code', 'form', 'remote_host', 'remote_ip',
           'warnings', 'explain_text']
DUMP_COLS = ['basic', 'enhanced', 'stage', 'status_code', 'form', 'remote_host', 'remote_ip',
             'warnings', 'explain_text']

NAIVE_BASIC = re.compile(r'(?<![0-9])[2-5][0-9][0-9](?![0-9])')
NAIVE_ENH = re.compile(r'(?<![0-9.])[245]\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9])')


def kind_of(path):
    if path.parent.name == 'corpus':
        return 'corpus'
    stem = path.stem
    if stem in NONE:
        return 'none'
    if stem in BOUNCES:
        return 'bounces'
    if stem in HARD:
        return 'hard'
    return 'other'


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n in 'nrt\\':
                out.append({'n': '\n', 'r': '\r', 't': '\t', '\\': '\\'}[n])
                i += 2
                continue
            if n == 'x' and i + 3 < len(s):
                out.append(chr(int(s[i + 2:i + 4], 16)))
                i += 4
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def rows(path):
    header = None
    for lineno, line in enumerate(path.read_text(encoding='utf-8', errors='surrogateescape').split('\n'), 1):
        if not line or line.startswith('#'):
            continue
        fields = line.split('\t')
        if header is None:
            header = fields
            continue
        yield lineno, dict(zip(header, fields))


def naive(text):
    m = NAIVE_BASIC.search(text)
    start = m.end() if m else 0
    e = NAIVE_ENH.search(text, start)
    return (m.group(0) if m else '-'), (e.group(0) if e else '-')


def same(col, want, got):
    if col == 'warnings':
        return set(want.split(',')) <= set(got.split(',')) or (want == '-' and got in ('-', 'no_code'))
    if col == 'enhanced' or col == 'status_code':
        return want == got or (want != '-' and got != '-' and
                               [int(x) for x in want.split('.')] == [int(x) for x in got.split('.')])
    return want == got


def main():
    verbose = '-v' in sys.argv
    root = Path(__file__).resolve().parents[2]
    dump = Path(sys.argv[sys.argv.index('--dump') + 1]) if '--dump' in sys.argv else root / 'build' / 'replies-dump'
    only = [a for a in sys.argv[1:] if a.endswith('.tsv')]
    base = root / 'tests' / 'data' / 'replies'
    files = [Path(p) for p in only] or sorted(base.glob('*.tsv')) + sorted((base / 'corpus').glob('*.tsv'))
    out = subprocess.run([str(dump)] + [str(f) for f in files], capture_output=True, check=True).stdout
    got = {}
    for line in out.decode('utf-8', 'surrogateescape').split('\n'):
        if line:
            f = line.split('\t')
            got[(f[0], int(f[1]))] = dict(zip(DUMP_COLS, f[2:]))
    totals = {k: [0, 0, 0] for k in KINDS}    # rows, ours right, naive right
    colbad = {}
    for path in files:
        kind = kind_of(path)
        for lineno, want in rows(path):
            g = got[(str(path), lineno)]
            text = unescape(want.get('text', ''))
            t = totals[kind]
            t[0] += 1
            wb, we = want.get('basic', ''), want.get('enhanced', '')
            codes_ok = (wb == '' or same('basic', wb, g['basic'])) and (we == '' or same('enhanced', we, g['enhanced']))
            nb, ne = naive(text)
            t[1] += codes_ok
            t[2] += (wb == '' or nb == wb) and (we == '' or ne == we or
                                                 (we != '-' and ne != '-' and [int(x) for x in we.split('.')] == [int(x) for x in ne.split('.')]))
            bad = [c for c in CHECKED if want.get(c, '') != '' and not same(c, want[c], g[c])
                   and not (c == 'form' and g['basic'] == '-' and g['enhanced'] == '-')]
            for c in bad:
                colbad[c] = colbad.get(c, 0) + 1
            if bad and verbose:
                print('%s:%d: %s' % (path.relative_to(root), lineno, text[:160].replace('\n', '\\n')))
                for c in bad:
                    print('    %-12s want %-20s got %s' % (c, want[c][:300], g[c][:300]))
    print('%-8s %6s %10s %10s  %s' % ('kind', 'rows', 'smtpcode', 'naive', ''))
    for k, (n, ours, nv) in totals.items():
        if n:
            print('%-8s %6d %9.1f%% %9.1f%%  %s' % (k, n, 100.0 * ours / n, 100.0 * nv / n, KINDS[k]))
    print('columns that differ: ' + ', '.join('%s %d' % kv for kv in sorted(colbad.items())))


if __name__ == '__main__':
    main()
