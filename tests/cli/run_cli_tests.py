#!/usr/bin/env python3
"""Tests of the hyoka program (cli/) through its command line.

- `check --json` and `metrics --json` on every sample sheet are compared
  byte for byte with the expectations committed in tests/cli/expected/
  (regenerate them on purpose with --update and review the diff);
- exit statuses: 0 fine, 1 errors, 2 unreadable input, 64 usage;
- --help of hyoka and of every command, compared byte for byte with
  tests/cli/expected/help*.txt; a usage error names the bad option;
- convert: JSON → CSV → JSON and JSON → CSV (cp932) → JSON give the same
  canonical JSON; JSON → HTML writes an index and one sheet per project.

usage: run_cli_tests.py HYOKA SOURCE_ROOT [--update]
Prints one line per check and ends with "N passed, N failed".
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

import schemas
from tally import check, finish

hyoka, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
# Messages follow the locale (hyoka_lang_default()): the expectations are English.
for name in ('LC_ALL', 'LC_MESSAGES', 'LANG'):
    os.environ.pop(name, None)
os.environ['LC_ALL'] = 'C.UTF-8'
update = '--update' in sys.argv[3:]
sheets_dir = os.path.join('examples', 'sheets')
expected_dir = os.path.join(root, 'tests', 'cli', 'expected')
# CP932 writes the JIS forms as Windows does and reads back the Windows forms.
WINDOWS_FORMS = str.maketrans({'\u301c': '\uff5e', '\u2016': '\u2225', '\u2212': '\uff0d', '\u2014': '\u2015',
                               '\u00a2': '\uffe0', '\u00a3': '\uffe1', '\u00ac': '\uffe2'})


# Every JSON document the program prints here, checked against its schema
# (docs/schemas) at the end.
json_outputs = []


def run(*args, cwd=root, stdin=None):
    p = subprocess.run([hyoka] + list(args), cwd=cwd, capture_output=True, input=stdin)
    if args and args[0] in ('check', 'metrics', 'summary') and '--json' in args and p.stdout:
        json_outputs.append((schemas.OUTPUT_KIND[args[0]], ' '.join(args), p.stdout))
    return p.returncode, p.stdout, p.stderr


def expect_file(name, data):
    path = os.path.join(expected_dir, name)
    if update:
        with open(path, 'wb') as f:
            f.write(data)
        check(True, 'updated ' + name)
        return
    try:
        with open(path, 'rb') as f:
            want = f.read()
    except FileNotFoundError:
        check(False, name, 'no expectation committed (run with --update)')
        return
    if want == data:
        check(True, name)
    else:
        a, b = want.decode('utf-8', 'replace').splitlines(), data.decode('utf-8', 'replace').splitlines()
        diff = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        check(False, name, 'first difference at line %d:\n  want: %s\n  got:  %s' % (
            diff + 1, a[diff] if diff < len(a) else '<end>', b[diff] if diff < len(b) else '<end>'))


sheets = sorted(f for f in os.listdir(os.path.join(root, sheets_dir)) if f.endswith('.json'))
check(len(sheets) >= 5, 'there are sample sheets (%d)' % len(sheets))

for sheet in sheets:
    path = os.path.join(sheets_dir, sheet)
    base = sheet[:-5]
    rc, out, err = run('check', '--json', path)
    check(rc == 0, 'check %s exits 0 (warnings only)' % sheet, err.decode())
    json.loads(out)
    expect_file(base + '.check.json', out)
    rc, out, err = run('check', '--json', '--lang', 'ja', path)
    expect_file(base + '.check.ja.json', out)
    rc, out, err = run('metrics', '--json', path)
    check(rc == 0, 'metrics %s exits 0' % sheet, err.decode())
    doc = json.loads(out)
    check(doc.get('format') == 'hyoka-metrics/1', 'metrics %s is hyoka-metrics/1' % sheet)
    expect_file(base + '.metrics.json', out)
    with tempfile.TemporaryDirectory() as tmp:
        # the tables of metrics --csv, byte for byte (written as the projects are read)
        fig = os.path.join(tmp, 'figures')
        rc, _, err = run('metrics', '--csv', fig, path)
        check(rc == 0, 'metrics --csv %s exits 0' % sheet, err.decode())
        for table in ('metrics_years', 'metrics_indicators'):
            data = open(os.path.join(fig, table + '.csv'), 'rb').read() if os.path.isdir(fig) else b''
            expect_file('%s.%s.csv' % (base, table), data)
    rc, out, err = run('check', path)
    lines = [l for l in out.decode().splitlines() if l]
    check(all(l.startswith(path + ':') for l in lines), 'check %s prints FILE:LINE:COL lines' % sheet, out.decode())

    with tempfile.TemporaryDirectory() as tmp:
        canon = os.path.join(tmp, 'canon.json')
        rc, _, err = run('convert', '--to', 'json', path, canon)
        check(rc == 0, 'convert %s to json' % sheet, err.decode())
        for enc in ('utf-8', 'utf-8-nobom', 'cp932'):
            csv_dir = os.path.join(tmp, 'csv-' + enc)
            back = os.path.join(tmp, 'back-' + enc + '.json')
            rc, _, err = run('convert', '--to', 'csv', '--encoding', enc, path, csv_dir)
            if rc != 0 and enc == 'cp932' and b'cannot be written in CP932' in err:
                check(True, 'convert %s to csv (%s) refuses a character CP932 lacks, naming its cell' % (sheet, enc))
                continue
            check(rc == 0, 'convert %s to csv (%s)' % (sheet, enc), err.decode())
            rc, _, err = run('convert', '--from', 'csv', '--encoding', enc, '--to', 'json', csv_dir, back)
            check(rc == 0, 'convert %s back from csv (%s)' % (sheet, enc), err.decode())
            want = open(canon, 'rb').read()
            if enc == 'cp932':
                want = want.decode('utf-8').translate(WINDOWS_FORMS).encode('utf-8')
            same = os.path.exists(back) and want == open(back, 'rb').read()
            check(same, '%s: JSON -> CSV (%s) -> JSON loses nothing%s' % (
                sheet, enc, ' (JIS forms come back as the Windows forms)' if enc == 'cp932' else ''))
        html_dir = os.path.join(tmp, 'html')
        rc, _, err = run('convert', '--to', 'html', '--lang', 'ja', path, html_dir)
        n_projects = len(json.load(open(canon, encoding='utf-8'))['projects'])
        files = sorted(os.listdir(html_dir)) if os.path.isdir(html_dir) else []
        # the pages, and the marker of a folder hyoka wrote (docs/output.md)
        check(rc == 0 and 'index.html' in files and '.hyoka-output' in files and len(files) == n_projects + 2,
              'convert %s to html: index and %d sheets' % (sheet, n_projects), ' '.join(files) + err.decode())

# Summary on the portfolio.
rc, out, err = run('summary', os.path.join(sheets_dir, 'sample-city-portfolio.json'))
check(rc == 0 and b'by fiscal year' in out and b'ranking by total cost' in out, 'summary prints its tables')
rc, out, err = run('summary', '--json', '--year', '令和5年度', os.path.join(sheets_dir, 'sample-city-portfolio.json'))
check(rc == 0 and json.loads(out)['files'][0]['fiscal_year'] == 2023, 'summary --json --year 令和5年度')

# Exit statuses.
with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        p = os.path.join(tmp, name)
        with open(p, 'wb') as f:
            f.write(text)
        return p
    errors = write('errors.json', b'{"format": "hyoka/1", "projects": [{"name": "no code"}]}')
    rc, out, _ = run('check', errors)
    check(rc == 1 and b'error P001' in out, 'check: a document with errors exits 1')
    shape = write('shape.json', b'{"format": "hyoka/1", "projects": [{"code": 1}]}')
    rc, out, _ = run('check', shape)
    check(rc == 1 and b'error S003' in out, 'check: a shape error exits 1')
    syntax = write('syntax.json', b'{"format": "hyoka/1",')
    rc, out, _ = run('check', syntax)
    check(rc == 2 and b'error J001' in out, 'check: a JSON syntax error exits 2')
    rc, out, _ = run('check', os.path.join(tmp, 'missing.json'))
    check(rc == 2 and b'cannot read' in out, 'check: a missing file exits 2')
    rc, _, _ = run('check', errors, syntax)
    check(rc == 2, 'check: unreadable input outranks errors')
    rc, out, _ = run('check', '--json', errors, os.path.join(sheets_dir, sheets[0]))
    doc = json.loads(out)
    check(rc == 1 and len(doc['files']) == 2 and 'P001' in [d['code'] for d in doc['files'][0]['diagnostics']],
          'check --json on several files')
    rc, out, _ = run('check', '-', stdin=open(os.path.join(root, sheets_dir, sheets[0]), 'rb').read())
    check(rc == 0, 'check reads standard input')
    # every pair of sample sheets, one after the other on standard input:
    # text after the end of the first document (J001), never a crash
    for a in sheets:
        for b in sheets:
            both = b''.join(open(os.path.join(root, sheets_dir, n), 'rb').read() for n in (a, b))
            rc, out, _ = run('check', '-', stdin=both)
            check(rc == 2 and b'J001' in out and b'text after the end' in out,
                  'check - on %s then %s: J001, exit 2' % (a, b))
# Counts, the limit and rules (docs/rules.md): a ledger whose one error
# comes after 1,500 warnings; a reading error after 1,500 warnings.
def write_json_in(folder, name, doc):
    """doc as a JSON file called name in folder; returns its path."""
    p = os.path.join(folder, name)
    with open(p, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
    return p


with tempfile.TemporaryDirectory() as tmp:
    def write_json(name, doc):
        return write_json_in(tmp, name, doc)
    ledger = write_json('ledger.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'A', 'name': 'a', 'indicators': [
            {'kind': 'outcome', 'name': 'i%d' % i, 'unit': '件', 'values': [{'fiscal_year': 2020, 'actual': i}]}
            for i in range(1500)]},
        {'code': 'B', 'name': 'b', 'years': [{'fiscal_year': 2020, 'settlement': 1000, 'funding': {'general': 900}}],
         'indicators': [{'kind': 'outcome', 'name': 'o', 'unit': '%',
                         'values': [{'fiscal_year': 2020, 'target': 50, 'actual': 40}]}]}]})
    rc, out, err = run('check', ledger)
    lines = out.decode().splitlines()
    check(rc == 1, 'check: an error after 1,500 warnings exits 1', err.decode())
    check(sum(1 for l in lines if ' error C001: ' in l) == 1 and len(lines) == 1003,
          'check: the error is shown among the 1,000 diagnostics kept', '\n'.join(lines[-5:]))
    check(lines[-3:] == [ledger + ': 1501 diagnostics: 1 error, 1500 warnings; 501 not shown (limit 1000)',
                         ledger + ':    1 × C001 error: funding sources do not add up to the expense',
                         ledger + ': 1500 × I002 warning: actual without target, and not marked not-settable'],
          'check: the counts, the dropped count and the tally by code end the output', '\n'.join(lines[-3:]))
    rc, out, _ = run('check', '--lang', 'ja', ledger)
    check(out.decode().splitlines()[-3] == ledger + ': 診断 1501 件 (エラー 1、警告 1500)。上限 1000 件を超えた 501 件は表示していない',
          'check --lang ja: the counts in Japanese', out.decode().splitlines()[-3])
    rc, out, _ = run('check', '--json', ledger)
    f = json.loads(out)['files'][0]
    check(rc == 1 and f['total'] == 1501 and f['dropped'] == 501 and f['ignored'] == 0 and
          f['counts'] == {'error': 1, 'warning': 1500, 'info': 0} and len(f['diagnostics']) == 1000 and
          [(t['code'], t['severity'], t['count']) for t in f['tally']] == [('C001', 'error', 1), ('I002', 'warning', 1500)],
          'check --json: total, dropped, counts and tally', str({k: v for k, v in f.items() if k != 'diagnostics'}))
    rc, out, _ = run('metrics', '--json', ledger)
    check(rc == 1 and json.loads(out)['format'] == 'hyoka-metrics/1', 'metrics --json: exit status 1, the figures written')

    bad = write_json('bad.json', {'format': 'hyoka/1', 'denominators': [
        {'fiscal_year': '平成%d年度' % (32 + i), 'population': 1} for i in range(1500)],
        'projects': [{'code': 'A', 'name': 'a', 'duty': 'bogus'}]})
    rc, out, _ = run('check', bad)
    check(rc == 1 and b' error S004: ' in out and b'1501 diagnostics: 1 error, 1500 warnings; 501 not shown' in out,
          'check: a reading error after 1,500 warnings exits 1 and is shown')
    rc, out, err = run('metrics', '--json', bad)
    # (until 1.1 it wrote nothing: now --json is always one JSON document)
    doc = json.loads(out)
    check(rc == 1 and doc['file'] == bad and doc['projects'] == [] and 'error' in doc and
          'S004' in [d['code'] for d in doc['diagnostics']] and b' error S004: ' in err,
          'metrics --json: a document that cannot be read exits 1, writes its name, error and diagnostics, says why',
          out.decode()[:300])

    # Rules from the command line.
    rc, out, _ = run('check', '--ignore', 'I002', ledger)
    lines = out.decode().splitlines()
    check(rc == 1 and len(lines) == 3 and lines[1] == ledger + ': 1 diagnostic: 1 error; 1500 ignored by the rules',
          'check --ignore I002: the error alone, the rest counted as ignored', out.decode())
    rc, out, _ = run('check', '--select', 'I,P', ledger)
    check(rc == 0 and b'C001' not in out and b'1500 diagnostics: 1500 warnings; 500 not shown' in out,
          'check --select I,P: what is not selected is not reported and does not count', out.decode()[-300:])
    rc, out, _ = run('check', '--min-severity', 'error', ledger)
    check(rc == 1 and out.decode().count(' error C001: ') == 1 and b'I002' not in out, 'check --min-severity error')
    rc, out, err = run('check', '--select', 'I-2', ledger)
    check(rc == 64 and b"--select: 'I-2' is not a code or a code prefix" in err, 'check --select refuses a bad code',
          err.decode())
    # Rules from hyoka.conf beside the input, --config, --no-config.
    conf = os.path.join(tmp, 'hyoka.conf')
    with open(conf, 'w', encoding='utf-8') as f:
        f.write('# this city sets no targets for its activity indicators\nignore = I002\n')
    rc, out, _ = run('check', ledger)
    check(rc == 1 and b'1500 ignored by the rules' in out and b'I002' not in out, 'check reads hyoka.conf beside the input')
    rc, out, _ = run('check', '--no-config', ledger)
    check('1500 × I002' in out.decode(), 'check --no-config reads no rules file')
    rc, out, _ = run('check', '--ignore', 'C', ledger)
    check(rc == 0 and out.decode().splitlines() == [ledger + ': 0 diagnostics; 1501 ignored by the rules'],
          'the options add to the rules file', out.decode())
    other = os.path.join(tmp, 'other.conf')
    with open(other, 'w', encoding='utf-8') as f:
        f.write('min-severity = error\n')
    rc, out, _ = run('check', '--config', other, ledger)
    check(rc == 1 and b'1 diagnostic: 1 error; 1500 ignored' in out, 'check --config FILE reads FILE instead')
    with open(conf, 'w', encoding='utf-8') as f:
        f.write('ignore = I002\nthis line is not a rule\nmin-severity = fatal\n')
    rc, out, _ = run('check', ledger)
    lines = out.decode().splitlines()
    check(rc == 2 and lines[0].startswith(conf + ':2:1: error R001: ') and lines[1].startswith(conf + ':3:16: error R001: ')
          and 'cannot read: bad rules file' in lines[2], 'check: a bad hyoka.conf is an unreadable input (R001 lines)',
          out.decode())
    rc, _, err = run('check', '--config', os.path.join(tmp, 'missing.conf'), ledger)
    check(rc == 2, 'check --config: a missing rules file is an unreadable input')
    os.remove(conf)

    # CSV sub-projects nested deeper than 29 levels: V009, no crash.
    deep = os.path.join(tmp, 'deep')
    os.mkdir(deep)
    with open(os.path.join(deep, 'projects.csv'), 'w', encoding='utf-8') as f:
        f.write('project,code,name\n')
        for k in range(1, 1201):
            f.write('%s,P%d,level %d\n' % ('.'.join(['1'] * k), k, k))
    rc, _, err = run('convert', '--from', 'csv', '--encoding', 'utf-8-nobom', '--to', 'json', deep,
                     os.path.join(tmp, 'deep.json'))
    check(rc == 1 and b'error V009: projects: row 31, column 1 (project): project 1.1.' in err and
          b'1171 diagnostics: 1171 errors; 171 not shown (limit 1000)' in err,
          'convert --from csv: sub-projects 1,200 deep are V009, no crash', err.decode()[-400:])

# Issue 14: findings about what the program writes.
with tempfile.TemporaryDirectory() as tmp:
    def write_doc(name, doc):
        return write_json_in(tmp, name, doc)
    sheet = os.path.join(root, sheets_dir, 'sample-city-portfolio.json')
    one = os.path.join(root, sheets_dir, sheets[0])

    # Write failures: /dev/full and a closed standard output exit 74 with a message.
    def run_closed(*args):
        p = subprocess.run(['sh', '-c', 'exec "$0" "$@" >&-', hyoka] + list(args), cwd=root, capture_output=True)
        return p.returncode, p.stderr
    for args in (['convert', '--to', 'json', sheet, '-'], ['metrics', sheet], ['metrics', '--json', sheet],
                 ['check', '--json', sheet], ['check', sheet], ['summary', sheet], ['summary', '--json', sheet],
                 ['--help'], ['check', '--help']):
        with open('/dev/full', 'wb') as full:
            p = subprocess.run([hyoka] + args, cwd=root, stdout=full, stderr=subprocess.PIPE)
        check(p.returncode == 74 and b'cannot write standard output: No space left on device' in p.stderr,
              'hyoka %s > /dev/full exits 74 and says why' % ' '.join(args), p.stderr.decode()[-300:])
        rc, err = run_closed(*args)
        check(rc == 74 and b'cannot write standard output' in err,
              'hyoka %s >&- exits 74 and says why' % ' '.join(args), err.decode()[-300:])
    rc, _, err = run('convert', '--to', 'json', sheet, '/dev/full')
    check(rc == 74 and b'/dev/full' in err, 'convert to /dev/full exits 74, naming it', err.decode())
    # convert to a named file (written as it is read, put in place at the end):
    # the bytes of standard output; a bad input or a missing folder leaves
    # nothing, and an existing file as it was
    with tempfile.TemporaryDirectory() as out_dir:
        named = os.path.join(out_dir, 'out.json')
        rc, _, err = run('convert', '--to', 'json', sheet, named)
        _, to_stdout, _ = run('convert', '--to', 'json', sheet, '-')
        check(rc == 0 and open(named, 'rb').read() == to_stdout and os.listdir(out_dir) == ['out.json'],
              'convert to a named file: the bytes of standard output, nothing beside it', err.decode())
        cut = os.path.join(tmp, 'cut.json')
        with open(cut, 'wb') as f:
            f.write(open(sheet, 'rb').read()[:-40])
        with open(named, 'wb') as f:
            f.write(b'old')
        rc, _, err = run('convert', '--to', 'json', cut, named)
        check(rc == 2 and open(named, 'rb').read() == b'old' and os.listdir(out_dir) == ['out.json'],
              'convert of a cut document leaves the named file as it was', err.decode())
        rc, _, err = run('convert', '--to', 'json', sheet, os.path.join(out_dir, 'no', 'such', 'out.json'))
        check(rc == 74 and b'no/such/out.json' in err and os.listdir(out_dir) == ['out.json'],
              'convert into a missing folder exits 74, naming the file', err.decode())
    with open('/dev/null', 'wb') as null:
        p = subprocess.run([hyoka, 'summary', sheet], cwd=root, stdout=null, stderr=subprocess.PIPE)
    check(p.returncode == 0, 'summary > /dev/null exits 0 (a device that takes the output)')

    # --json is one document whatever happens, one entry per file with its name.
    syntax = os.path.join(tmp, 'syntax.json')
    with open(syntax, 'w') as f:
        f.write('{"format": "hyoka/1",')
    missing = os.path.join(tmp, 'missing.json')
    files = [syntax, one, missing]
    rc, out, _ = run('metrics', '--json', *files)
    docs = json.loads(out)
    check(rc == 2 and [d['file'] for d in docs] == files and docs[0]['projects'] == [] and
          docs[0]['diagnostics'][0]['code'] == 'J001' and 'error' in docs[0] and 'error' not in docs[1] and
          docs[1]['projects'] and 'error' in docs[2],
          'metrics --json: an unreadable, a good and a missing file give three objects naming their files',
          out.decode()[:400])
    rc, out, _ = run('summary', '--json', *files)
    entries = json.loads(out)['files']
    check(rc == 2 and [e['file'] for e in entries] == files and 'tables' in entries[1] and
          entries[0]['diagnostics'][0]['code'] == 'J001' and 'cannot read' not in entries[2]['error'] and
          entries[2]['error'], 'summary --json: one entry per file, the unreadable ones with error and diagnostics',
          out.decode()[:400])
    rc, out, _ = run('check', '--json', *files)
    entries = json.loads(out)['files']
    check(rc == 2 and [e['file'] for e in entries] == files and entries[2]['error'],
          'check --json: one entry per file, in order')
    rc, out, _ = run('metrics', '--json', one)
    doc = json.loads(out)
    check(doc['file'] == one and all('phase' in y for p in doc['projects'] for y in p['years']) and
          any(y['phase'] == 'settled' for p in doc['projects'] for y in p['years']),
          'metrics --json: the file member, and each year\'s phase')
    weird = os.fsencode(tmp) + b'/bad\xff name\n.json'
    with open(one, 'rb') as f, open(weird, 'wb') as g:
        g.write(f.read())
    for cmd in ('check', 'metrics', 'summary'):
        p = subprocess.run([hyoka.encode(), cmd.encode(), b'--json', weird], cwd=root, capture_output=True)
        try:
            ok = p.returncode == 0 and b'\\ufffd name\\n.json' in p.stdout and json.loads(p.stdout) is not None
        except ValueError:
            ok = False
        check(ok, '%s --json: a file name that is not UTF-8 is still valid JSON' % cmd, p.stdout.decode('utf-8', 'replace')[:200])

    # Overflow: C009 in check, a null with its reason in metrics and summary, the rest computed.
    ovf = write_doc('overflow.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'BIG', 'name': 'big', 'years': [{'fiscal_year': 2022, 'phase': 'settled', 'settlement': 1000,
                                                  'funding': {'general': 1000},
                                                  'staff': [{'category': 'regular', 'fte': 2,
                                                             'unit_cost': 9000000000000000000}]}]},
        {'code': 'OK', 'name': 'good', 'years': [{'fiscal_year': 2022, 'phase': 'settled', 'settlement': 5000,
                                                 'funding': {'general': 5000},
                                                 'staff': [{'category': 'regular', 'fte': '0.5',
                                                            'unit_cost': 8000000}]}]}]})
    rc, out, _ = run('check', ovf)
    check(rc == 1 and b' error C009: ' in out, 'check: 2 FTE x 9e18 yen is C009')
    rc, out, err = run('metrics', '--json', ovf)
    doc = json.loads(out)
    big, good = doc['projects'][0]['years'][0], doc['projects'][1]['years'][0]
    check(rc == 1 and big['personnel'] is None and big['total_cost'] is None and big['expense'] == 1000 and
          big['unavailable']['personnel'] == 'an amount does not fit in 64-bit yen (fiscal year 2022)' and
          'expense' not in big['unavailable'] and good['personnel'] == 4000000 and good['total_cost'] == 4005000 and
          'personnel' not in good.get('unavailable', {}),
          'metrics --json: the overflowing figures alone are null with their reason', json.dumps(big)[:300])
    rc, out, _ = run('summary', ovf)
    text = out.decode()
    check(rc == 1 and '-- fiscal year 2022' in text and '4,005,000  good' in text and
          'BIG                - (overflow)' in text and '6,000' in text,
          'summary: the good project\'s figures, the overflowing ones shown as - (overflow)', text)
    rc, out, _ = run('summary', '--json', ovf)
    f0 = json.loads(out)['files'][0]
    rank = {r['code']: r for r in f0['tables']['ranking_total_cost']}
    row = f0['tables']['by_fiscal_year'][0]
    check(f0['fiscal_year'] == 2022 and rank['OK']['total_cost'] == 4005000 and
          rank['BIG'] == {'code': 'BIG', 'total_cost': None, 'reason': 'overflow'} and row['expense'] == 6000 and
          row['total_cost'] is None and row['unavailable'] == {'personnel': 'overflow', 'total_cost': 'overflow'},
          'summary --json: null with reason overflow for the affected totals only', json.dumps(f0)[:400])

    # Control characters from documents never reach the output raw.
    forged = '\n x.json:1:1: error P001: forged\x1b[31m\x85\x7f'
    ctl = write_doc('control.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'C\x1b[2J', 'name': 'n\rame', 'organization': {'department': 'dep\nx'},
         'years': [{'fiscal_year': 2022, 'phase': 'settled', 'settlement': 10}],
         'indicators': [{'kind': 'outcome', 'name': 'ind\x07', 'unit': '%',
                         'values': [{'fiscal_year': 2022, 'target': 1, 'actual': 1}]}],
         'evaluations': [{'stage': 'primary', 'fiscal_year': 2022, 'verdict': 'v' + forged,
                          'scores': {'q' + forged: '1'}}]}]})
    def raw_controls(data):
        text = data.decode('utf-8')
        return [c for c in text if (ord(c) < 0x20 and c != '\n') or 0x7f <= ord(c) < 0xa0]
    rc, out, _ = run('check', ctl)
    lines = out.decode().splitlines()
    check(rc == 1 and not raw_controls(out) and all(l.startswith(ctl + ':') for l in lines) and
          sum(' error E001: ' in l for l in lines) == 2 and not any('error P001' in l.split(': ', 2)[1] for l in lines)
          and '\\u000a x.json:1:1: error P001: forged\\u001b[31m\\u0085\\u007f' in out.decode(),
          'check: a verdict and a score key with a newline and escapes cannot forge a line', out.decode())
    rc, out, err = run('metrics', ctl)
    check(not raw_controls(out) and not raw_controls(err) and 'C\\u001b[2J n\\u000dame' in out.decode() and
          'v\\u000a x.json' in out.decode() and 'ind\\u0007' in out.decode(),
          'metrics: names, codes and verdicts escaped in the text tables', out.decode())
    rc, out, err = run('summary', ctl)
    check(not raw_controls(out) and not raw_controls(err) and 'dep\\u000ax' in out.decode() and
          'C\\u001b[2J' in out.decode(), 'summary: department, code and name escaped', out.decode())
    rc, out, _ = run('check', '--json', ctl)
    check(json.loads(out)['files'][0]['diagnostics'] and not [c for c in out.decode() if ord(c) < 0x20 and c != '\n'],
          'check --json: valid JSON, no raw C0 control character')
    newline_name = os.path.join(tmp, 'x\n.json:1:1: error')
    with open(newline_name, 'w') as f:
        f.write('{"format": "hyoka/1",')
    rc, out, _ = run('check', newline_name)
    check(rc == 2 and all(l.startswith(tmp) for l in out.decode().splitlines()) and 'x\\u000a.json' in out.decode(),
          'check: a file name with a newline is escaped', out.decode())

    # metrics --csv: one row per project and fiscal year, and the indicators.
    fig = os.path.join(tmp, 'figures')
    rc, _, err = run('metrics', '--csv', fig, ovf)
    files = sorted(os.listdir(fig)) if os.path.isdir(fig) else []
    check(rc == 1 and files == ['.hyoka-output', 'metrics_indicators.csv', 'metrics_years.csv'],
          'metrics --csv writes the two tables into a folder (exit status 1: C009)', ' '.join(files) + err.decode())
    with open(os.path.join(fig, 'metrics_years.csv'), encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    check([(r['code'], r['fiscal_year'], r['phase']) for r in rows] == [('BIG', '2022', 'settled'), ('OK', '2022', 'settled')]
          and rows[0]['personnel'] == '' and rows[0]['personnel_reason'] == 'overflow' and rows[0]['expense'] == '1000'
          and rows[1]['total_cost'] == '4005000' and rows[1]['per_capita_reason'] == 'no_population',
          'metrics --csv: every figure with the reason of each unavailable one', str(rows)[:400])
    with open(sheet, encoding='utf-8') as f:
        doc = json.load(f)
    rc, _, err = run('metrics', '--csv', fig, '--encoding', 'cp932', sheet)
    with open(os.path.join(fig, 'metrics_indicators.csv'), encoding='cp932', newline='') as f:
        rows = list(csv.DictReader(f))
    def tree(projects):
        for p in projects:
            yield p
            yield from tree(p.get('children', []))
    n_values = sum(len(i.get('values', [])) for p in tree(doc['projects']) for i in p.get('indicators', []))
    check(rc == 0 and len(rows) == n_values and rows[0]['code'] == doc['projects'][0]['code'] and
          rows[0]['achievement'] != '', 'metrics --csv --encoding cp932: one row per indicator value, replacing the folder',
          err.decode())
    nested = write_doc('nested.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'P', 'name': 'p', 'years': [{'fiscal_year': 2020, 'settlement': 5}],
         'children': [{'code': 'P-1', 'name': 'c', 'years': [{'fiscal_year': 2020, 'settlement': 2}]}]}]})
    rc, _, _ = run('metrics', '--csv', fig, '--no-config', nested)
    with open(os.path.join(fig, 'metrics_years.csv'), encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    check([(r['project'], r['code'], r['parent_code']) for r in rows] == [('1', 'P', ''), ('1.1', 'P-1', 'P')],
          'metrics --csv: sub-projects after their parent, with its code', str(rows)[:300])
    rc, _, err = run('metrics', '--csv', fig, nested, ovf)
    check(rc == 64 and b'--csv takes one input file' in err, 'metrics --csv with two inputs is a usage error')
    # an input with an error after its first project, or a cell CP932 lacks in
    # its last: the folder stays as it was, and nothing is left beside it
    def snapshot(d):
        return {n: open(os.path.join(d, n), 'rb').read() for n in sorted(os.listdir(d))}
    before = snapshot(fig)
    good = '{"code": "G", "name": "g", "years": [{"fiscal_year": 2020, "settlement": 5}]}'
    bad_inputs = {'cut.json': '{"format": "hyoka/1", "projects": [%s, {"code": "H", "years": [' % good,
                  'shape.json': '{"format": "hyoka/1", "projects": [%s, {"code": "H", "years": 5}]}' % good,
                  'emoji.json': '{"format": "hyoka/1", "projects": [%s, {"code": "H", "name": "\U0001F600", '
                                '"years": [{"fiscal_year": 2020, "settlement": 1}]}]}' % good}
    for name, text in bad_inputs.items():
        bad = os.path.join(tmp, name)
        with open(bad, 'w', encoding='utf-8') as f:
            f.write(text)
        rc, _, err = run('metrics', '--csv', fig, '--encoding', 'cp932', '--no-config', bad)
        left = [n for n in os.listdir(tmp) if n.startswith('.figures.')]
        check(rc in (1, 2) and snapshot(fig) == before and not left,
              'metrics --csv leaves the folder as it was on a bad input (%s: exit status %d)' % (name, rc),
              err.decode() + ' '.join(left))
    # the text tables are printed as the projects are read: those before an error stay
    rc, out, _ = run('metrics', '--no-config', os.path.join(tmp, 'cut.json'))
    check(rc == 2 and out.decode().startswith('G g\n') and 'H' not in out.decode(),
          'metrics: the tables of the projects before a syntax error stay printed (exit status 2)', out.decode())
    with open(os.path.join(tmp, 'notes.txt'), 'w') as f:
        f.write('mine')
    rc, _, err = run('metrics', '--csv', tmp, nested)
    check(rc == 74 and b'hyoka did not write' in err, 'metrics --csv refuses a folder of other files (74)', err.decode())

    # convert takes one input.
    rc, _, err = run('convert', '--to', 'json', one, sheet, os.path.join(tmp, 'out.json'))
    check(rc == 64 and b'convert takes one input and one output' in err, 'convert with several inputs says it takes one',
          err.decode())

    # summary: the latest settled fiscal year by default, a warning for an empty year.
    years = write_doc('years.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'A', 'name': 'a', 'years': [{'fiscal_year': y, 'phase': ph, 'settlement': 100}
                                             for y, ph in ((2020, 'settled'), (2021, 'settled'), (2022, 'budget'),
                                                           (2023, 'plan'))]},
        {'code': 'B', 'name': 'b', 'years': [{'fiscal_year': y, 'phase': 'plan', 'settlement': 100}
                                             for y in (2022, 2023, 2024)]}]})
    rc, out, err = run('summary', '--json', years)
    check(json.loads(out)['files'][0]['fiscal_year'] == 2021 and b'fiscal year' not in err,
          'summary: the latest settled fiscal year by default (2021, not 2022 or 2024)', err.decode())
    rc, out, err = run('summary', '--year', '2030', years)
    check(rc == 0 and b'no project has a cost year for fiscal year 2030' in err and b'-- fiscal year 2030' in out,
          'summary --year 2030 warns that the year is empty', err.decode())
    plans = write_doc('plans.json', {'format': 'hyoka/1', 'projects': [
        {'code': 'A', 'name': 'a', 'years': [{'fiscal_year': 2024, 'phase': 'plan', 'settlement': 1}]}]})
    rc, out, err = run('summary', '--json', plans)
    check(json.loads(out)['files'][0]['fiscal_year'] == 2024 and b'no settled fiscal year' in err,
          'summary: without a settled year, the latest, said on standard error', err.decode())

    # The language follows the locale (hyoka_lang_default()); --lang overrides.
    def run_env(env, *args):
        e = {k: v for k, v in os.environ.items() if k not in ('LC_ALL', 'LC_MESSAGES', 'LANG')}
        e.update(env)
        p = subprocess.run([hyoka] + list(args), cwd=root, capture_output=True, env=e)
        return p.returncode, p.stdout, p.stderr
    errors = write_doc('errors.json', {'format': 'hyoka/1', 'projects': [{'name': 'no code'}]})
    for env in ({'LANG': 'ja_JP.UTF-8'}, {'LC_ALL': 'ja_JP.UTF-8', 'LANG': 'C'}, {'LC_MESSAGES': 'ja'}):
        rc, out, _ = run_env(env, 'check', errors)
        check(' エラー P001: ' in out.decode(), 'check: Japanese messages with %s' % env, out.decode())
        rc, out, _ = run_env(env, 'check', '--lang', 'en', errors)
        check(' error P001: ' in out.decode(), 'check --lang en overrides %s' % env)
    rc, out, _ = run_env({'LANG': 'en_US.UTF-8'}, 'check', errors)
    check(' error P001: ' in out.decode(), 'check: English messages with LANG=en_US.UTF-8')
    for env, args, lang in (({'LANG': 'C'}, [], 'ja'), ({'LANG': 'ja_JP.UTF-8'}, [], 'ja'),
                            ({'LANG': 'ja_JP.UTF-8'}, ['--lang', 'en'], 'en')):
        site = os.path.join(tmp, 'site-%s-%d' % (lang, len(args)))
        rc, _, err = run_env(env, 'convert', '--to', 'html', *args, one, site)
        with open(os.path.join(site, 'index.html'), encoding='utf-8') as f:
            page = f.read()
        check(rc == 0 and ('lang="%s"' % lang) in page[:300],
              'convert --to html %s with %s: pages in %s' % (' '.join(args), env, lang), page[:200])
# Streaming (docs/streaming.md): check, metrics --json, summary and convert
# --to json to standard output read a JSON input one project at a time.
with tempfile.TemporaryDirectory() as tmp:
    def write_text(name, text):
        p = os.path.join(tmp, name)
        with open(p, 'w', encoding='utf-8') as f:
            f.write(text)
        return p

    def named(out, path, as_name):
        return out.replace(path.encode(), as_name.encode())

    # Standard input gives what the file gives, lines and columns of the
    # validation's diagnostics included (placed from a copy of the input).
    sheet = os.path.join(sheets_dir, 'tokorozawa-010802.json')
    text = open(os.path.join(root, sheet), 'rb').read()
    for args in (['check'], ['check', '--json'], ['metrics', '--json'], ['convert', '--to', 'json']):
        tail = ['-'] if args[0] == 'convert' else []
        rc_f, out_f, err_f = run(*(args + [sheet] + tail))
        rc_s, out_s, err_s = run(*(args + ['-'] + tail), stdin=text)
        check(rc_s == rc_f and out_s == named(out_f, sheet, '-') and err_s == named(err_f, sheet, '-') and
              (args[0] == 'convert' or b':106:26: ' in out_f + err_f or b'"line": 106, "column": 26' in out_f or
               b'"line":106,"column":26' in out_f),
              'hyoka %s - (standard input) gives what the file gives' % ' '.join(args), out_s.decode()[:300])

    # Header members after "projects": a file is read as if they came first.
    doc = json.loads(open(os.path.join(root, sheets_dir, 'sample-city-portfolio.json'), encoding='utf-8').read())
    first = write_json_in(tmp, 'first.json', doc)
    last = write_json_in(tmp, 'last.json', dict([('format', 'hyoka/1'), ('projects', doc['projects'])] +
                                              [(k, v) for k, v in doc.items() if k not in ('format', 'projects')]))
    rc1, out1, _ = run('metrics', '--json', first)
    rc2, out2, _ = run('metrics', '--json', last)
    m1, m2 = json.loads(out1), json.loads(out2)
    check(rc1 == rc2 == 0 and m1['projects'] == m2['projects'] and
          [d['code'] for d in m1['diagnostics']] == [d['code'] for d in m2['diagnostics']],
          'metrics --json: header members after "projects" apply to the projects before them')
    rc1, out1, _ = run('check', '--json', first)
    rc2, out2, _ = run('check', '--json', last)
    f1, f2 = json.loads(out1)['files'][0], json.loads(out2)['files'][0]
    check(rc1 == rc2 == 0 and f1['tally'] == f2['tally'] and
          [d['path'] for d in f1['diagnostics']] == [d['path'] for d in f2['diagnostics']],
          'check: header members after "projects", the same diagnostics')
    rc, out, _ = run('check', '-', stdin=open(last, 'rb').read())
    check(rc == 2 and b'error J007: ' in out, 'check -: a header member after "projects" on standard input is J007 '
          '(read after the projects it governs)', out.decode()[:300])

    # A syntax error after two good projects: what a whole read gives.
    good = [json.dumps(p, ensure_ascii=False) for p in doc['projects']]
    cut = write_text('cut.json', '{"format": "hyoka/1", "amount_unit": "thousand_yen", "projects": [\n' +
                     ',\n'.join(good[:2]) + ',\n{"code": "X", "name": tru}\n]}\n')
    rc, out, _ = run('check', cut)
    lines = out.decode().splitlines()
    check(rc == 2 and lines[0].startswith(cut + ':4:26: error J001: ') and lines[0].endswith('[/projects/2/name]') and
          lines[1] == cut + ': 1 diagnostic: 1 error', 'check: a syntax error after two good projects (exit 2, '
          'its line and column, no validation)', out.decode())
    rc, out, err = run('metrics', '--json', cut)
    m = json.loads(out)
    check(rc == 2 and m['file'] == cut and m['projects'] == [] and 'error' in m and
          [d['code'] for d in m['diagnostics']] == ['J001'] and b'error J001' in err,
          'metrics --json: a syntax error after two good projects: no project, its error, exit 2', out.decode()[:300])
    # ... when figures have left already, they stay, and "error" follows.
    many = []
    for n in range(4):
        for p in doc['projects']:
            q = dict(p, code='%s-%d' % (p['code'], n))
            many.append(json.dumps(q, ensure_ascii=False))
    late = write_text('late.json', json.dumps(dict((k, v) for k, v in doc.items() if k != 'projects'),
                                              ensure_ascii=False)[:-1] +
                      ', "projects": [\n' + ',\n'.join(many) + ',\n{"code": "X", "name": tru}\n]}\n')
    rc, out, err = run('metrics', '--json', late)
    m = json.loads(out)
    keys = list(m)
    check(rc == 2 and keys[:3] == ['format', 'file', 'projects'] and keys[-1] == 'error' and
          0 < len(m['projects']) <= len(many) and [d['code'] for d in m['diagnostics']] == ['J001'],
          'metrics --json: a syntax error once figures have left: those projects, the diagnostics, then "error" '
          '(exit 2)', str(keys) + ' ' + str(len(m['projects'])))
    rc, out, err = run('convert', '--to', 'json', late, '-')
    check(rc == 2 and b'error J001' in err, 'convert --to json -: a syntax error exits 2', err.decode()[:300])

    # A duplicate code far from its first: P003, the first's index named.
    dup = [dict(doc['projects'][0], code='P-%d' % n) for n in range(300)]
    dup[299]['code'] = 'P-3'
    far = write_json_in(tmp, 'far.json', dict(doc, projects=dup))
    rc, out, _ = run('check', '--json', far)
    f = json.loads(out)['files'][0]
    p003 = [d for d in f['diagnostics'] if d['code'] == 'P003']
    check(len(p003) == 1 and p003[0]['path'].startswith('/projects/299') and p003[0]['line'] > 0 and
          ('P003', 'error', 1) in [(t['code'], t['severity'], t['count']) for t in f['tally']] and rc == 1,
          'check: a duplicate code 296 projects after the first is P003, with its line', str(p003) + str(f['tally']))

    # summary: the default year (latest settled) first seen at the second
    # project; the projects before it are still ranked, as no_year.
    ps = [dict(q) for q in doc['projects'][:4]]
    ps[0]['years'] = [y for y in ps[0]['years'] if y['fiscal_year'] == 2021]
    ps[1]['years'] = [y for y in ps[1]['years'] if y['fiscal_year'] in (2022, 2023)]
    ps[3]['years'] = []
    late_year = write_json_in(tmp, 'late-year.json', dict(doc, projects=ps))
    rc, out, _ = run('summary', '--json', late_year)
    e = json.loads(out)['files'][0]
    ranking = e['tables']['ranking_total_cost']
    with_year = sorted((q for q in ranking if q['total_cost'] is not None), key=lambda q: -q['total_cost'])
    check(rc == 0 and e['fiscal_year'] == 2023 and [q['code'] for q in ranking] ==
          [q['code'] for q in with_year] + [ps[0]['code'], ps[3]['code']] and len(with_year) == 2 and
          [q.get('reason') for q in ranking[2:]] == ['no_year', 'no_year'],
          'summary: a default year first seen at the second project still ranks the first (no_year)', str(ranking))

    # metrics --json of several files: an array of the documents of each.
    other = os.path.join(sheets_dir, 'moka-security-policy.json')
    outs = [run('metrics', '--json', f)[1] for f in (sheet, other)]
    rc, out, _ = run('metrics', '--json', sheet, other)
    check(rc == 0 and out == b'[\n' + outs[0] + b',\n' + outs[1] + b']\n',
          'metrics --json of two files: "[", the document of each, "]"', out.decode()[:200])


# The RS tables of the national review sheets (the real 2024 sample): to
# hyoka/1 and back, and RS to RS, every cell the same by value.
sys.path.insert(0, os.path.join(root, 'tests', 'rs'))
import compare_rs  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    sample = os.path.join(root, 'tests', 'data', 'rs-sample-2024')
    as_json, back, direct = (os.path.join(tmp, n) for n in ('rs.json', 'back', 'direct'))
    rc, _, err = run('convert', '--from', 'rs', '--to', 'json', sample, as_json)
    check(rc == 0 and 'warning V013: 1-2: row 6, column 23 (主要経費)' in err.decode(),
          'convert --from rs: the sample to hyoka/1, warnings with table, row and column', err.decode())
    with open(as_json, encoding='utf-8') as f:
        doc = json.load(f)
    check(len(doc['projects']) == 5 and doc['projects'][1]['code'] == '884' and
          doc['projects'][1]['budgets'][2]['stated_execution_rate'] == '0.70699',
          'convert --from rs: 5 projects, the printed execution rate 0.70699 of 884 in 2023')
    rc, _, err = run('convert', '--to', 'rs', as_json, back)
    check(rc == 0 and len(os.listdir(back)) == 16, 'convert --to rs: 15 tables and the marker', err.decode())
    check(compare_rs.compare(sample, back) == [], 'RS -> hyoka/1 -> RS: every cell of the sample by value')
    rc, _, err = run('convert', '--from', 'rs', '--to', 'rs', sample, direct)
    check(rc == 0 and compare_rs.compare(sample, direct) == [], 'RS -> RS: every cell of the sample by value',
          err.decode())
    rc, _, err = run('convert', '--to', 'rs', os.path.join(sheets_dir, sheets[0]), os.path.join(tmp, 'none'))
    check(rc == 74 and b'review year' in err, 'convert --to rs of a sheet without a review year: no output (74), saying why',
          err.decode())
    rc, _, err = run('convert', '--from', 'rs', '--to', 'json', tmp, os.path.join(tmp, 'x.json'))
    check(rc == 1 and b'V008' in err, 'convert --from rs of a folder without RS tables: V008', err.decode())

for args in (['frobnicate'], ['check'], ['check', '--bogus', 'x'], ['check', '--lang', 'fr', 'x'],
             ['convert', '--to', 'pdf', 'a', 'b'], ['convert', 'a'], []):
    rc, _, _ = run(*args)
    check(rc == 64, 'usage error exits 64: hyoka %s' % ' '.join(args))
# A usage error names what is wrong on standard error, prints nothing on
# standard output, and says where the help is.
for args, named in ((['check', '--bogus', 'x'], "unknown option '--bogus'"),
                    (['metrics', '--bogus=1', 'x'], "unknown option '--bogus'"),
                    (['summary', '-x', 'f'], "unknown option '-x'"),
                    (['check', '--lang', 'fr', 'x'], "--lang takes ja or en, not 'fr'"),
                    (['check', '--lang=fr', 'x'], "--lang takes ja or en, not 'fr'"),
                    (['check', 'x', '--lang'], 'option --lang needs a value'),
                    (['check', '--json=yes', 'x'], 'option --json takes no value'),
                    (['summary', '--year', 'someday', 'f'], '--year: '),
                    (['convert', '--to', 'pdf', 'a', 'b'], "--to takes json, csv, html or rs, not 'pdf'"),
                    (['convert', '--from', 'html', '--to', 'json', 'a', 'b'], "--from takes json, csv or rs, not 'html'"),
                    (['convert', '--from', 'rs', '--to', 'json', '-', 'b'], '--from rs reads a folder'),
                    (['convert', '--to', 'rs', 'a', '-'], '--to rs writes a folder'),
                    (['convert', '--encoding', 'latin1', '--to', 'csv', 'a', 'b'],
                     "--encoding takes utf-8, utf-8-nobom or cp932, not 'latin1'"),
                    (['convert', 'a', 'b'], 'option --to is required'),
                    (['convert', '--to', 'csv', os.path.join(sheets_dir, sheets[0]), '-'], '--to csv writes a folder'),
                    (['convert', '--from', 'csv', '--to', 'json', '-', 'b'], '--from csv reads a folder'),
                    (['check'], 'missing operand (expects FILE...)'),
                    (['convert', '--to', 'json', 'a', 'b', 'c'], 'too many operands (expects IN OUT): convert takes one input'),
                    (['frobnicate'], "unknown command 'frobnicate'"),
                    (['--frobnicate'], "unknown option '--frobnicate'")):
    rc, out, err = run(*args)
    err = err.decode()
    check(rc == 64 and out == b'' and named in err and ' --help' in err,
          'usage error names it: hyoka %s' % ' '.join(args), err)
# The help of hyoka and of every command, as committed.
for args, name in ((['--help'], 'help.txt'), (['check', '--help'], 'help-check.txt'),
                   (['metrics', '--help'], 'help-metrics.txt'), (['convert', '--help'], 'help-convert.txt'),
                   (['summary', '--help'], 'help-summary.txt')):
    rc, out, err = run(*args)
    check(rc == 0 and err == b'', 'hyoka %s exits 0' % ' '.join(args), err.decode())
    expect_file(name, out)
for cmd in ('check', 'metrics', 'convert', 'summary'):
    rc, out, _ = run(cmd, '--help')
    check(rc == 0 and out.startswith(b'usage: hyoka ' + cmd.encode()), '%s --help' % cmd)
    rc, short, _ = run(cmd, 'x', '-h')
    check(rc == 0 and short == out, '%s -h after an operand is --help' % cmd)
    rc, other, _ = run('help', cmd)
    check(rc == 0 and other == out, 'hyoka help %s is %s --help' % (cmd, cmd))
    lines = out.decode().splitlines()
    wide = [l for l in lines if sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l) > 79]
    check(not wide, '%s --help fits in 79 columns' % cmd, '\n'.join(wide))
rc, out, _ = run('--help')
check(rc == 0 and b'Commands:' in out, 'hyoka --help')
rc, out, _ = run('--version')
check(rc == 0 and out.startswith(b'hyoka 1.'), 'hyoka --version')

# Every --json output above is one valid JSON document of its format.
bad = []
for kind, line, out in json_outputs:
    try:
        doc = json.loads(out)
    except ValueError as e:
        bad.append('hyoka %s: not JSON: %s' % (line, e))
        continue
    if schemas.available():
        bad += ['hyoka %s: %s' % (line, p) for p in schemas.problems(root, kind, doc)[:3]]
check(not bad and len(json_outputs) > 20, 'every --json output (%d) is one JSON document%s' % (
    len(json_outputs), ', valid against docs/schemas' if schemas.available() else ' (jsonschema missing: not validated)'),
    '\n'.join(bad[:10]))

finish()
