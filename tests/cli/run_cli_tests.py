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
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

from tally import check, finish

hyoka, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
update = '--update' in sys.argv[3:]
sheets_dir = os.path.join('examples', 'sheets')
expected_dir = os.path.join(root, 'tests', 'cli', 'expected')
# CP932 writes the JIS forms as Windows does and reads back the Windows forms.
WINDOWS_FORMS = str.maketrans({'\u301c': '\uff5e', '\u2016': '\u2225', '\u2212': '\uff0d', '\u2014': '\u2015',
                               '\u00a2': '\uffe0', '\u00a3': '\uffe1', '\u00ac': '\uffe2'})


def run(*args, cwd=root, stdin=None):
    p = subprocess.run([hyoka] + list(args), cwd=cwd, capture_output=True, input=stdin)
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
                    (['convert', '--to', 'pdf', 'a', 'b'], "--to takes json, csv or html, not 'pdf'"),
                    (['convert', '--from', 'html', '--to', 'json', 'a', 'b'], "--from takes json or csv, not 'html'"),
                    (['convert', '--encoding', 'latin1', '--to', 'csv', 'a', 'b'],
                     "--encoding takes utf-8, utf-8-nobom or cp932, not 'latin1'"),
                    (['convert', 'a', 'b'], 'option --to is required'),
                    (['convert', '--to', 'csv', os.path.join(sheets_dir, sheets[0]), '-'], '--to csv writes a folder'),
                    (['convert', '--from', 'csv', '--to', 'json', '-', 'b'], '--from csv reads a folder'),
                    (['check'], 'missing operand (expects FILE...)'),
                    (['convert', '--to', 'json', 'a', 'b', 'c'], 'too many operands (expects IN OUT)'),
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

finish()
