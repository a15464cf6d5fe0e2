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
# Counts, the limit and rules (docs/rules.md): a ledger whose one error
# comes after 1,500 warnings; a reading error after 1,500 warnings.
with tempfile.TemporaryDirectory() as tmp:
    def write_json(name, doc):
        p = os.path.join(tmp, name)
        with open(p, 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False)
        return p
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
    check(rc == 1 and out == b'' and b' error S004: ' in err,
          'metrics --json: a document that cannot be read exits 1, writes nothing, says why', out.decode())

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
    check(rc == 2 and b'review year' in err, 'convert --to rs of a sheet without a review year fails, saying why',
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
