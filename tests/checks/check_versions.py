#!/usr/bin/env python3
"""Check that every place stating hyoka's version states the same one.

The release number is written in six places: meson.build (the project),
include/hyoka/version.h (HYOKA_VERSION_STRING and its three parts), the
Python package (hyoka/__init__.py), the Ruby gem (lib/hyoka/version.rb) and
the top entry of debian/changelog. A release that moves one and forgets
another would build packages that disagree; this test fails first.

usage: check_versions.py SOURCE_ROOT MESON_PROJECT_VERSION
"""
import os
import re
import sys


def read(top, rel):
    with open(os.path.join(top, rel), encoding='utf-8') as f:
        return f.read()


def found(rel, pattern, text):
    m = re.search(pattern, text, re.M)
    if not m:
        raise SystemExit('%s: no version found (pattern %r)' % (rel, pattern))
    return m.group(1)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    top, expected = sys.argv[1], sys.argv[2]
    header = read(top, 'include/hyoka/version.h')
    parts = '.'.join(found('include/hyoka/version.h', r'^#define HYOKA_VERSION_%s (\d+)' % p, header)
                     for p in ('MAJOR', 'MINOR', 'PATCH'))
    stated = {
        'include/hyoka/version.h (HYOKA_VERSION_STRING)':
            found('version.h', r'^#define HYOKA_VERSION_STRING "([^"]+)"', header),
        'include/hyoka/version.h (MAJOR.MINOR.PATCH)': parts,
        'bindings/python/hyoka/__init__.py':
            found('__init__.py', r"^__version__ = '([^']+)'", read(top, 'bindings/python/hyoka/__init__.py')),
        'bindings/ruby/lib/hyoka/version.rb':
            found('version.rb', r"^\s*VERSION = '([^']+)'", read(top, 'bindings/ruby/lib/hyoka/version.rb')),
    }
    changelog = os.path.join(top, 'debian', 'changelog')
    if os.path.exists(changelog):
        # "hyoka (1.1.0-1) unstable; ..." or a native "hyoka (1.1.0) ...".
        stated['debian/changelog (top entry)'] = found(
            'debian/changelog', r'^hyoka \(([0-9.]+)(?:-[^)]*)?\)', read(top, 'debian/changelog'))
    wrong = ['%s says %s' % (k, v) for k, v in stated.items() if v != expected]
    for w in wrong:
        print('meson.build says %s but %s' % (expected, w), file=sys.stderr)
    if not wrong:
        print('all %d places say %s' % (len(stated) + 1, expected))
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
