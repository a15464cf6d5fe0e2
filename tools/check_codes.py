#!/usr/bin/env python3
"""Check the code tables of the documentation against the registry of
diagnostic codes, lib/codes.h: every code, its severity and its title in
English and Japanese, as hyoka_code_title() gives them.

- docs/glossary.md lists every code once, in tables of
  | Code | Severity | English | 日本語 |, the English the title with a capital
  and a full stop, the Japanese the title and 。, each optionally followed
  by an explanation in brackets ("Unknown member (outside `extensions`).");
- docs/validation.md has a section "### CODE — title (severity)" for every
  code of validation (P, C, I, E, B) and for Y001;
- docs/format.md has a row | CODE | severity | title... | for every code
  of the JSON reader (J, S) and Y001, the meaning starting with the title;
- docs/csv.md has such a row for every code of the CSV reader (V) and
  docs/rules.md for every code of rules files (R).

usage: check_codes.py SOURCE_ROOT
Prints one line per problem and exits 1 when there is any.
"""
import os
import re
import sys

SEVERITY = {'HYOKA_SEVERITY_ERROR': 'error', 'HYOKA_SEVERITY_WARNING': 'warning', 'HYOKA_SEVERITY_INFO': 'info'}


def registry(root):
    """code -> (severity, title_en, title_ja), in catalog order."""
    text = open(os.path.join(root, 'lib', 'codes.h'), encoding='utf-8').read()
    text = text.replace('\\\n', ' ')
    codes = {}
    for m in re.finditer(r'#define HYOKA__CODE_(\w+) (\w+), (\w+), (\w+),\s*"((?:[^"\\]|\\.)*)",\s*'
                         r'"((?:[^"\\]|\\.)*)"', text):
        name, code, severity, _kind, en, ja = m.groups()
        if name != code:
            sys.exit('codes.h: HYOKA__CODE_%s defines %s' % (name, code))
        codes[code] = (SEVERITY[severity], en, ja)
    listed = re.search(r'#define HYOKA__CODES\(X\)(.*?)\n\n', text, re.S)
    order = re.findall(r'X\((\w+)\)', listed.group(1)) if listed else []
    if sorted(order) != sorted(codes):
        sys.exit('codes.h: HYOKA__CODES lists %s, the macros define %s' % (order, sorted(codes)))
    return {c: codes[c] for c in order}


problems = []


def problem(where, what):
    problems.append('%s: %s' % (where, what))


def read(root, name):
    return open(os.path.join(root, 'docs', name), encoding='utf-8').read()


def rows(text):
    """The cells of every table row: [cell, ...]."""
    for line in text.splitlines():
        if line.startswith('|') and not re.match(r'\|[-| ]+\|$', line):
            yield [c.strip() for c in line.strip().strip('|').split('|')]


def explained(doc, title, end, open_bracket):
    """doc is title [+ bracketed explanation] + end."""
    if not doc.endswith(end):
        return False
    doc = doc[:-len(end)]
    if doc == title:
        return True
    return doc.startswith(title + open_bracket) and doc.endswith(')' if open_bracket.strip() == '(' else '）')


def check_glossary(root, codes):
    seen = {}
    for cells in rows(read(root, 'glossary.md')):
        if len(cells) != 4 or not re.fullmatch(r'[A-Z]\d{3}', cells[0]):
            continue
        code, severity, en, ja = cells
        if code in seen:
            problem('glossary.md', '%s is listed twice' % code)
        seen[code] = True
        if code not in codes:
            problem('glossary.md', '%s is not in lib/codes.h' % code)
            continue
        want_sev, want_en, want_ja = codes[code]
        if severity != want_sev:
            problem('glossary.md', '%s: severity "%s", the registry says "%s"' % (code, severity, want_sev))
        title_en = want_en[0].upper() + want_en[1:]
        if not explained(en, title_en, '.', ' ('):
            problem('glossary.md', '%s: "%s" is not "%s." (with an optional "(...)")' % (code, en, title_en))
        if not (explained(ja, want_ja, '。', '(') or explained(ja, want_ja, '。', '（')):
            problem('glossary.md', '%s: "%s" is not "%s。" (with an optional "(...)")' % (code, ja, want_ja))
    for code in codes:
        if code not in seen:
            problem('glossary.md', '%s is missing' % code)


def check_sections(root, codes):
    text = read(root, 'validation.md')
    found = {}
    for m in re.finditer(r'^### ([A-Z]\d{3}) — (.*) \((error|warning|info)\)$', text, re.M):
        found[m.group(1)] = (m.group(3), m.group(2))
    for code, (severity, en, _ja) in codes.items():
        if code[0] not in 'PCIEBY':
            continue
        if code not in found:
            problem('validation.md', 'no section "### %s — %s (%s)"' % (code, en, severity))
        elif found[code] != (severity, en):
            problem('validation.md', '%s: section says "%s (%s)", the registry "%s (%s)"'
                    % (code, found[code][1], found[code][0], en, severity))
    for code in found:
        if code not in codes:
            problem('validation.md', '%s is not in lib/codes.h' % code)


def check_table(root, name, letters, codes):
    found = {}
    for cells in rows(read(root, name)):
        if len(cells) >= 3 and re.fullmatch(r'[A-Z]\d{3}', cells[0]) and cells[1] in SEVERITY.values():
            found[cells[0]] = (cells[1], cells[2])
    for code, (severity, en, _ja) in codes.items():
        if code[0] not in letters:
            continue
        if code not in found:
            problem(name, 'no row | %s | %s | %s... |' % (code, severity, en))
            continue
        sev, meaning = found[code]
        if sev != severity:
            problem(name, '%s: severity "%s", the registry says "%s"' % (code, sev, severity))
        if not (meaning == en or meaning.startswith(en + ' (') or meaning.startswith(en + ': ')):
            problem(name, '%s: "%s" does not start with the title "%s"' % (code, meaning, en))
    for code in found:
        if code not in codes:
            problem(name, '%s is not in lib/codes.h' % code)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    codes = registry(root)
    check_glossary(root, codes)
    check_sections(root, codes)
    check_table(root, 'format.md', 'JSY', codes)
    check_table(root, 'csv.md', 'V', codes)
    check_table(root, 'rules.md', 'R', codes)
    for p in problems:
        print(p)
    print('%d codes in lib/codes.h; %s' % (len(codes), 'the docs agree' if not problems else
                                              '%d problems' % len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
