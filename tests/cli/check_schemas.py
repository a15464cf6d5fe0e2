#!/usr/bin/env python3
"""The JSON Schemas of docs/schemas/ against the documents of the tree and
what the program prints:

- every sample document (examples/sheets/*.json, tests/data/json/sample.json)
  is valid hyoka/1, and so is what `hyoka convert --to json` writes of it;
- the committed outputs of tests/cli/expected/ (check and metrics) are valid
  hyoka-check/1 and hyoka-metrics/1;
- `hyoka check|metrics|summary --json` on every sample, on several files at
  once and on files that cannot be read print valid documents;
- each schema refuses a document that is wrong (so the check can fail).

Exit status 77 (skipped) when the jsonschema module is missing (Debian:
python3-jsonschema). usage: check_schemas.py HYOKA SOURCE_ROOT
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import schemas
from tally import check, finish

if not schemas.available():
    print('jsonschema is not installed (apt-get install python3-jsonschema): skipped')
    sys.exit(77)

hyoka, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.environ['LC_ALL'] = 'C.UTF-8'


def valid(kind, doc, what):
    found = schemas.problems(root, kind, doc)
    check(not found, '%s is valid %s' % (what, kind), '\n'.join(found[:5]))


def run_json(*args):
    p = subprocess.run([hyoka] + list(args), cwd=root, capture_output=True)
    try:
        return json.loads(p.stdout)
    except ValueError:
        check(False, 'hyoka %s prints JSON' % ' '.join(args), p.stdout.decode('utf-8', 'replace')[:300])
        return None


samples = sorted(glob.glob(os.path.join(root, 'examples', 'sheets', '*.json'))) + \
    [os.path.join(root, 'tests', 'data', 'json', 'sample.json')]
check(len(samples) >= 6, 'there are sample documents (%d)' % len(samples))
for path in samples:
    name = os.path.relpath(path, root)
    with open(path, encoding='utf-8') as f:
        valid('hyoka-1', json.load(f), name)
    doc = run_json('convert', '--to', 'json', path, '-')
    if doc is not None:
        valid('hyoka-1', doc, 'convert --to json ' + name)
    for cmd in ('check', 'metrics', 'summary'):
        doc = run_json(cmd, '--json', path)
        if doc is not None:
            valid(schemas.OUTPUT_KIND[cmd], doc, '%s --json %s' % (cmd, name))

for path in sorted(glob.glob(os.path.join(root, 'tests', 'cli', 'expected', '*.json'))):
    kind = 'hyoka-metrics-1' if '.metrics.' in path else 'hyoka-check-1'
    with open(path, encoding='utf-8') as f:
        valid(kind, json.load(f), os.path.relpath(path, root))

with tempfile.TemporaryDirectory() as tmp:
    syntax = os.path.join(tmp, 'syntax.json')
    with open(syntax, 'w') as f:
        f.write('{"format": "hyoka/1",')
    missing = os.path.join(tmp, 'missing.json')
    files = [samples[0], syntax, missing, samples[1]]
    for cmd in ('check', 'metrics', 'summary'):
        doc = run_json(cmd, '--json', *files)
        if doc is not None:
            valid(schemas.OUTPUT_KIND[cmd], doc, '%s --json with unreadable files' % cmd)
        doc = run_json(cmd, '--json', syntax)
        if doc is not None:
            valid(schemas.OUTPUT_KIND[cmd], doc, '%s --json of one unreadable file' % cmd)

# Each schema refuses what is wrong.
for kind, doc in (('hyoka-1', {'format': 'hyoka/1', 'projects': [{'code': 1}]}),
                  ('hyoka-1', {'format': 'hyoka/1', 'projects': [{'years': [{'fiscal_year': 2000, 'phase': 'x'}]}]}),
                  ('hyoka-check-1', {'format': 'hyoka-check/1', 'files': [{'file': 'a'}]}),
                  ('hyoka-metrics-1', {'format': 'hyoka-metrics/1', 'projects': [{'code': 'A'}], 'diagnostics': []}),
                  ('hyoka-metrics-1', [{'format': 'hyoka-metrics/1', 'projects': [], 'diagnostics': []}] * 2),
                  ('hyoka-summary-1', {'format': 'hyoka-summary/1', 'files': [{'fiscal_year': 2020}]})):
    check(bool(schemas.problems(root, kind, doc)), '%s refuses %s' % (kind, json.dumps(doc)[:60]))

finish()
