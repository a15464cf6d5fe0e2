#!/usr/bin/env python3
"""Rewrite the HYOKA_1.0 node of lib/libhyoka.map from the public headers.

Development aid for the 1.0 series only: once 1.0 is released the node is
frozen and new symbols go into a new node by hand (see abi/README.md).

usage: abi/update-map.py [--defined-in OBJECT_DIR]
With --defined-in, only functions defined in the object files found there
(nm) are listed, so the library links while modules are being written.
"""
import glob
import os
import re
import subprocess
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(top, 'tests', 'checks'))
import hyokadecls  # noqa: E402

headers = sorted(glob.glob(os.path.join(top, 'include', 'hyoka', '*.h')))
names = set()
for h in headers:
    names.update(n for n, _k, _l in hyokadecls.header_declarations(h))

if len(sys.argv) == 3 and sys.argv[1] == '--defined-in':
    defined = set()
    for o in glob.glob(os.path.join(sys.argv[2], '*.o')):
        out = subprocess.run(['nm', '--defined-only', o], capture_output=True, text=True).stdout
        defined.update(l.split()[-1] for l in out.splitlines() if l.split()[-2:-1] == ['T'])
    missing = sorted(names - defined)
    if missing:
        print('not yet defined (left out):', ' '.join(missing))
    names &= defined

path = os.path.join(top, 'lib', 'libhyoka.map')
text = open(path, encoding='utf-8').read()
body = ''.join('    %s;\n' % n for n in sorted(names))
text = re.sub(r'(HYOKA_1\.0 \{\n  global:\n)(.*?)(  local:)', lambda m: m.group(1) + body + m.group(3), text,
              flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
print('%d symbols in HYOKA_1.0' % len(names))
