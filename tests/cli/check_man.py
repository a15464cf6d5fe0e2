#!/usr/bin/env python3
"""The manual page hyoka(1) against the hyoka program it describes.

The page is made at build time by `hyoka --man` (cli/meson.build). This
check reads the page as roff and fails when it and the program differ:

- the commands of the page are those of `hyoka --help`;
- the options of each command, with their values, are those of
  `hyoka COMMAND --help` and of its usage line, and the program parses each
  of them as the page says: a flag is accepted alone, an option with a
  value refuses to go without one, every word of a|b|c is accepted and
  another word refused, naming the option; an option the page does not
  list is refused;
- the options without a command and the exit statuses are those of
  `hyoka --help`;
- every example of EXAMPLES runs and exits 0 (in a temporary folder where
  examples/ and tests/data/ are the folders of the source tree);
- the page is ASCII and groff reads it without a warning (when groff is
  installed).

usage: check_man.py HYOKA MANPAGE SOURCE_ROOT
Prints one line per check and ends with "N passed, N failed".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from tally import check, finish

hyoka, page, root = (os.path.abspath(a) for a in sys.argv[1:4])


def run(*args, cwd=None):
    p = subprocess.run([hyoka] + list(args), capture_output=True, cwd=cwd)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def unroff(s):
    """The text of a roff line: escapes resolved, fonts dropped."""
    s = re.sub(r'\\\[u([0-9A-F]{4,6})\]', lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r'\\f[BIRP]', '', s)
    return s.replace('\\-', '-').replace('\\&', '').replace('\\e', '\\')


raw = open(page, 'rb').read()
check(all(b < 0x80 for b in raw), 'the page is ASCII (other characters as \\[uXXXX])')
lines = raw.decode('utf-8', 'replace').splitlines()

# Sections, and in COMMANDS the options of each command: a .TP tag line is
# "--name" or "--name VALUE" (or "-h, --help").
sections, section, sub = {}, None, None
for i, line in enumerate(lines):
    if line.startswith('.SH '):
        section = unroff(line[4:]).strip('"')
        sections[section] = []
        sub = None
    elif section is not None:
        sections[section].append(line)

for name in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'EXIT STATUS', 'EXAMPLES', 'SEE ALSO'):
    check(name in sections, 'the page has the section ' + name)


def tagged(body):
    """(tag, text) of each .TP paragraph of a section's lines."""
    out = []
    for i, line in enumerate(body):
        if line == '.TP' and i + 2 < len(body):
            out.append((unroff(body[i + 1]), unroff(body[i + 2])))
    return out


def option_of(tag):
    """'--lang ja|en' -> ('--lang', 'ja|en'); '-h, --help' -> ('--help', None)."""
    tag = tag.split(', ')[-1]
    name, _, value = tag.partition(' ')
    return name, value or None


man_commands = {}
body = sections.get('COMMANDS', [])
current = None
for i, line in enumerate(body):
    if line.startswith('.SS '):
        current = unroff(line[4:]).strip('"').split()[-1]
        man_commands[current] = []
    elif current:
        man_commands[current].append(line)

# What the program says about itself.
rc, main_help, _ = run('--help')
help_commands = re.findall(r'^  (\w+) ', main_help.split('Commands:')[1].split('\n\n')[0], re.M)
check(rc == 0 and help_commands and list(man_commands) == help_commands,
      'the commands of the page are those of hyoka --help (%s)' % ', '.join(help_commands),
      'page: %s' % list(man_commands))


def help_options(text):
    """{name: value} of the Options: part of a --help."""
    opts = {}
    part = text.split('\nOptions:\n')[1].split('\n\n')[0]
    for line in part.splitlines():
        m = re.match(r'^  (?:-h, )?(--[\w-]+)(?: (\S+))?', line)
        if m:
            opts[m.group(1)] = m.group(2)
    return opts


def usage_options(text):
    """{name: (value, required)} of the usage line of a --help."""
    usage = ' '.join(text.split('\n\n')[0].split())
    opts = {}
    for m in re.finditer(r'(\[)?(--[\w-]+)(?: ([^\s\]]+))?(\])?', usage):
        opts[m.group(2)] = (m.group(3), not m.group(1))
    return opts


synopsis = [unroff(l) for l in sections.get('SYNOPSIS', []) if not l.startswith('.')]

for cmd in help_commands:
    rc, text, _ = run(cmd, '--help')
    want = help_options(text)
    got = {}
    required = set()
    for tag, desc in tagged(man_commands.get(cmd, [])):
        name, value = option_of(tag)
        got[name] = value
        if '(required)' in desc:
            required.add(name)
    check(got == want, 'hyoka %s: the page lists the options of its --help (%s)' % (cmd, ' '.join(sorted(want))),
          'page: %s\nhelp: %s' % (got, want))
    usage = usage_options(text)
    check({n: v for n, (v, _) in usage.items()} == {n: v for n, v in got.items() if n != '--help'}
          and {n for n, (_, r) in usage.items() if r} == required,
          'hyoka %s: the page lists the options of its usage line, the required ones as required' % cmd,
          'usage: %s' % usage)
    line = next((l for l in synopsis if l.startswith('hyoka %s ' % cmd)), '')
    check(line and usage_options(line) == usage, 'hyoka %s: SYNOPSIS gives its usage line' % cmd, line)

    # The program parses each option as the page says.
    for name, value in got.items():
        if name == '--help':
            continue
        if value is None:
            rc, out, err = run(cmd, name, '--help')
            check(rc == 0 and out == text, 'hyoka %s %s: a flag, accepted' % (cmd, name), err)
            continue
        rc, _, err = run(cmd, name)
        check(rc == 64 and 'option %s needs a value' % name in err,
              'hyoka %s %s: takes a value (%s)' % (cmd, name, value), err)
        if '|' in value:
            for word in value.split('|'):
                rc, _, err = run(cmd, name, word, '--help')
                check(rc == 0, 'hyoka %s %s %s: accepted' % (cmd, name, word), err)
            rc, _, err = run(cmd, name, 'no-such-word', '--help')
            check(rc == 64 and name in err and 'no-such-word' in err,
                  'hyoka %s %s: another word is refused, naming the option' % (cmd, name), err)
    rc, _, err = run(cmd, '--not-in-the-page', '--help')
    check(rc == 64 and "unknown option '--not-in-the-page'" in err,
          'hyoka %s: an option the page does not list is refused' % cmd, err)

# Options without a command.
want = help_options(main_help)
got = {}
for tag, _ in tagged(sections.get('OPTIONS', [])):
    name, value = option_of(tag)
    got[name] = value
check(got == want, 'OPTIONS lists the options of hyoka --help (%s)' % ' '.join(sorted(want)), str(got))
for name in got:
    rc, _, err = run(name)
    check(rc == 0, 'hyoka %s exits 0' % name, err)

# Exit statuses.
statuses = [int(unroff(t).split()[-1]) for t, _ in tagged(sections.get('EXIT STATUS', []))]
help_statuses = [int(n) for n in re.findall(r'(?:^|,) (\d+) ', main_help.split('Exit status:')[1])]
check(statuses and statuses == help_statuses and 64 in statuses,
      'EXIT STATUS lists those of hyoka --help (%s)' % statuses, str(help_statuses))

# Examples: the lines of the .nf blocks, run in order.
examples, body, verbatim = [], sections.get('EXAMPLES', []), False
for line in body:
    if line == '.nf':
        verbatim = True
    elif line == '.fi':
        verbatim = False
    elif verbatim:
        examples.append(unroff(line))
check(len(examples) >= len(help_commands), 'EXAMPLES has an example per command (%d)' % len(examples))
check(all(any(e.startswith('hyoka %s ' % c) for e in examples) for c in help_commands),
      'every command has an example')
sh = shutil.which('sh')
with tempfile.TemporaryDirectory() as tmp:
    os.symlink(os.path.join(root, 'examples'), os.path.join(tmp, 'examples'))
    os.makedirs(os.path.join(tmp, 'tests'))
    os.symlink(os.path.join(root, 'tests', 'data'), os.path.join(tmp, 'tests', 'data'))
    for example in examples:
        command = re.sub(r'^hyoka ', lambda _: "'%s' " % hyoka.replace("'", "'\\''"), example)
        p = subprocess.run([sh, '-c', command], cwd=tmp, capture_output=True)
        check(p.returncode == 0, 'example runs and exits 0: ' + example,
              p.stderr.decode('utf-8', 'replace')[-2000:])

# groff reads it without a warning.
groff = shutil.which('groff')
if groff:
    p = subprocess.run([groff, '-man', '-ww', '-z', '-Tutf8', page], capture_output=True)
    check(p.returncode == 0 and not p.stderr, 'groff -man -ww reads the page without a warning', p.stderr.decode())
else:
    print('skip    groff is not installed: the page is not linted')

finish()
