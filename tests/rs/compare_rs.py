#!/usr/bin/env python3
"""Compare two folders of RS tables (the national review sheets' open
data) cell by cell, by value: for every table, every project's rows in
order and every column of either header (found by name), a cell equal when
it is the same text (spaces at the ends aside), both "not applicable"
(-, －, ー), the same boolean (TRUE/FALSE/t/f) or the same number
("5252000.0" and "5252000"); empty is none of these, so empty, "-" and 0
stay apart. Rows are grouped by 予算事業ID, projects compared in the
order of the first folder.

usage: compare_rs.py EXPECTED_DIR ACTUAL_DIR
Prints one line per difference (at most 50) and a summary; exits 1 when
there is any difference.
"""
import csv
import os
import sys
from decimal import Decimal, InvalidOperation

NA = {'-', '－', 'ー'}
TRUE = {'TRUE', 'true', 'True', 't', 'T'}
FALSE = {'FALSE', 'false', 'False', 'f', 'F'}


def table_files(folder):
    """table number ("2-1") -> path."""
    out = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith('.csv') and '_RS_' in name:
            out.setdefault(name.split('_RS_')[0], os.path.join(folder, name))
    return out


def read(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    by_project = {}
    order = []
    for row in body:
        cells = dict(zip(header, row))
        pid = cells.get('予算事業ID', '')
        if pid not in by_project:
            by_project[pid] = []
            order.append(pid)
        by_project[pid].append(cells)
    return header, order, by_project


def value(cell):
    s = cell.strip(' ')
    if s == '':
        return ('empty',)
    if s in NA:
        return ('na',)
    if s in TRUE:
        return ('bool', True)
    if s in FALSE:
        return ('bool', False)
    try:
        return ('num', Decimal(s))
    except InvalidOperation:
        return ('text', s)


def same(a, b):
    return a == b or value(a) == value(b)


def compare(expected, actual):
    """The differences between two folders of RS tables, as lines."""
    ef, af = table_files(expected), table_files(actual)
    diffs = []
    cells = rows = 0
    for table in sorted(ef):
        if table not in af:
            diffs.append('%s: table missing from %s' % (table, actual))
            continue
        eh, eorder, erows = read(ef[table])
        ah, _, arows = read(af[table])
        columns = list(eh) + [h for h in ah if h not in eh]
        if set(arows) - set(erows):
            diffs.append('%s: projects not expected: %s' % (table, sorted(set(arows) - set(erows))))
        for pid in eorder:
            er, ar = erows[pid], arows.get(pid, [])
            if len(er) != len(ar):
                diffs.append('%s: project %s: %d rows expected, %d written' % (table, pid, len(er), len(ar)))
            for i, (e, a) in enumerate(zip(er, ar)):
                rows += 1
                for h in columns:
                    cells += 1
                    if not same(e.get(h, ''), a.get(h, '')):
                        diffs.append('%s: project %s row %d column %s: %r expected, %r written'
                                     % (table, pid, i + 1, h, e.get(h, ''), a.get(h, '')))
    if not ef:
        diffs.append('%s: no RS table' % expected)
    compare.counts = (len(ef), rows, cells)
    return diffs


def main():
    diffs = compare(sys.argv[1], sys.argv[2])
    for d in diffs[:50]:
        print(d)
    print('%d tables, %d rows, %d cells compared, %d differences' % (compare.counts + (len(diffs),)))
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
