#!/usr/bin/env python3
"""Write debian/libhyoka1.symbols from lib/libhyoka.map.

Every name of a version node HYOKA_<major>.<minor> is listed with that node
and the first release that has it, <major>.<minor>.0; the node itself is
listed as dpkg-gensymbols sees it (HYOKA_1.0@HYOKA_1.0). debian/rules sets
DPKG_GENSYMBOLS_CHECK_LEVEL=4, so a package whose library exports a symbol
this file lacks (or lacks one it lists) fails to build; the 'debian-symbols'
test of the checks suite fails as soon as the map and this file disagree.

usage: tools/gen_debian_symbols.py [OUTPUT]        write the file (default
                                                   debian/libhyoka1.symbols)
       tools/gen_debian_symbols.py --check FILE    exit 1 when FILE differs
                                                   from what this writes
"""
import os
import re
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(top, 'tests', 'checks'))
import hyokadecls  # noqa: E402

SONAME = 'libhyoka.so.1'
PACKAGE = 'libhyoka1'
DEV_PACKAGE = 'libhyoka-dev'


def symbols_text(map_path):
    entries = []
    for node, _parent, names in hyokadecls.map_nodes(map_path):
        m = re.fullmatch(r'HYOKA_(\d+)\.(\d+)', node)
        if not m:
            raise hyokadecls.ParseError('%s: node %s is not named HYOKA_<major>.<minor>' % (map_path, node))
        since = '%s.%s.0' % m.groups()
        entries.append(('%s@%s' % (node, node), since))
        entries.extend(('%s@%s' % (n, node), since) for n in names)
    lines = ['%s %s #MINVER#' % (SONAME, PACKAGE),
             '* Build-Depends-Package: %s' % DEV_PACKAGE]
    lines.extend(' %s %s' % e for e in sorted(entries))
    return '\n'.join(lines) + '\n'


def main(argv):
    text = symbols_text(os.path.join(top, 'lib', 'libhyoka.map'))
    if len(argv) == 3 and argv[1] == '--check':
        try:
            with open(argv[2], encoding='utf-8') as f:
                old = f.read()
        except OSError as e:
            print('gen_debian_symbols: %s' % e, file=sys.stderr)
            return 1
        if old != text:
            print('gen_debian_symbols: %s differs from lib/libhyoka.map; run tools/gen_debian_symbols.py'
                  % argv[2], file=sys.stderr)
            return 1
        print('gen_debian_symbols: %s lists the %d symbols of lib/libhyoka.map'
              % (argv[2], text.count('\n') - 2))
        return 0
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith('-')):
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1] if len(argv) == 2 else os.path.join(top, 'debian', PACKAGE + '.symbols')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
