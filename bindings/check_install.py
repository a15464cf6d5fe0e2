#!/usr/bin/env python3
"""Install a binding the way a user does, offline, and use it.

    check_install.py python --source ROOT --python /usr/bin/python3 --scratch DIR
    check_install.py ruby   --source ROOT --ruby ruby --gem gem --scratch DIR

Both copy the source tree into the scratch folder first (the files git
knows, or every file but build folders outside a git checkout), then, with
no HYOKA_LIBRARY and no package index:

python: make a fresh virtual environment, ``pip install --no-index`` the
    copy's bindings/python, run a five-line example (every sheet of
    examples/sheets, one figure each) that must load the library carried in
    the package; then build an sdist from the copy, install the wheel built
    from the sdist alone, and run the example again.
ruby: ``gem build`` the copy's bindings/ruby/hyoka.gemspec from another
    folder, ``gem install --local`` it into a scratch GEM_HOME, and run the
    example with ruby.

Last, the copy of the source tree must hold exactly the files it held
before (nothing written, changed or left behind by the builds).

Exit status 0 on success, 1 on failure, 77 (skipped) when a tool is missing.
"""

import argparse
import os
import shutil
import subprocess
import sys

SKIP = 77

PYTHON_EXAMPLE = '''\
import glob, os, sys, hyoka
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.json'))):
    with hyoka.Portfolio.load(path) as pf:
        y = pf.projects[0].years[-1]
        print(os.path.basename(path), y.fiscal_year, y.figure('total_cost').value)
'''

RUBY_EXAMPLE = '''\
require 'hyoka'
Dir.glob(File.join(ARGV[0], '*.json')).sort.each do |path|
  pf = Hyoka::Portfolio.load(path)
  y = pf.projects.first.years.last
  puts "#{File.basename(path)} #{y.fiscal_year} #{y.figure(:total_cost).value.inspect}"
end
'''

# What must come out of the example: where the library was loaded from, and
# that the binding's version is the library's.
PYTHON_WHERE = 'import hyoka; print(hyoka.library_path()); print(hyoka.__version__ == hyoka.version_string())'
RUBY_WHERE = 'require "hyoka"; puts Hyoka.library_path; puts Hyoka::VERSION == Hyoka.library_version_string'


class Failure(Exception):
    pass


def log(text):
    print(text, flush=True)


def user_env(extra=None):
    """The environment of a user who set nothing for hyoka."""
    env = {k: v for k, v in os.environ.items()
           if k not in ('HYOKA_LIBRARY', 'HYOKA_SYSTEM_LIBRARY', 'PYTHONPATH', 'LD_LIBRARY_PATH', 'LD_PRELOAD',
                        'RUBYLIB', 'RUBYOPT', 'GEM_HOME', 'GEM_PATH', 'PKG_CONFIG_PATH', 'VIRTUAL_ENV',
                        'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS')
           and not k.startswith(('MESON_', 'ASAN_', 'UBSAN_'))}
    env.setdefault('HYOKA_BUILD_JOBS', '2')  # the machine running the tests is shared
    env.update(extra or {})
    return env


def run(cmd, cwd, env, what):
    log('$ ' + ' '.join(cmd))
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          check=False)
    if proc.returncode != 0:
        raise Failure('%s failed (exit status %d):\n%s' % (what, proc.returncode, proc.stdout[-6000:]))
    return proc.stdout


# --------------------------------------------------------------------------
# The copy of the source tree
# --------------------------------------------------------------------------

def tree_files(source):
    """The files of the source tree, relative: git's list in a checkout
    (tracked and untracked but not ignored), else a walk without build folders."""
    git = shutil.which('git')
    if git and os.path.exists(os.path.join(source, '.git')):
        out = subprocess.run([git, '-C', source, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
                             stdout=subprocess.PIPE, check=True).stdout
        return sorted({p for p in out.decode('utf-8').split('\0') if p and os.path.isfile(os.path.join(source, p))})
    files = []
    for folder, dirs, names in os.walk(source):
        dirs[:] = [d for d in dirs if not d.startswith(('build', '.')) and d != '__pycache__']
        files.extend(os.path.relpath(os.path.join(folder, n), source) for n in names)
    return sorted(files)


def copy_tree(source, dest):
    for rel in tree_files(source):
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(source, rel), target)
    log('copied the source tree to %s' % dest)


def snapshot(root):
    """{relative path: (size, mtime)} of every file and folder under root."""
    out = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            out[os.path.relpath(path, root)] = (st.st_size if not os.path.isdir(path) else 0, st.st_mtime_ns)
    return out


def check_unchanged(root, before):
    after = snapshot(root)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(p for p in set(before) & set(after) if before[p] != after[p] and not os.path.isdir(
        os.path.join(root, p)))
    if added or removed or changed:
        raise Failure('the builds changed the source tree:\n  added: %s\n  removed: %s\n  changed: %s'
                      % (added[:20], removed[:20], changed[:20]))
    log('the source tree is unchanged (%d files and folders)' % len(after))


def check_example(out, where, prefix, version_ok, sheets):
    lines = out.strip().splitlines()
    expected = sorted(n for n in os.listdir(sheets) if n.endswith('.json'))
    got = [line.split()[0] for line in lines]
    if got != expected or any(len(line.split()) != 3 for line in lines):
        raise Failure('the example printed:\n%s\nexpected one line per sheet of %s' % (out, sheets))
    path, same = where.strip().splitlines()[-2:]
    if not os.path.realpath(path).startswith(os.path.realpath(prefix) + os.sep):
        raise Failure('the library was loaded from %s, not from the installed package under %s' % (path, prefix))
    if same != version_ok:
        raise Failure("the package's version is not the version of the library it carries")
    log(out.rstrip())
    log('library: %s' % path)


# --------------------------------------------------------------------------
# Python
# --------------------------------------------------------------------------

def check_python(args, src, scratch, sheets):
    python = shutil.which(args.python) or args.python
    if not os.path.exists(python) or subprocess.run([python, '-c', 'import venv, ensurepip'],
                                                    capture_output=True).returncode != 0:
        log('%s with venv and ensurepip not found' % args.python)
        return SKIP
    env = user_env({'PIP_NO_INDEX': '1', 'PIP_DISABLE_PIP_VERSION_CHECK': '1', 'PIP_NO_CACHE_DIR': '1'})
    venv = os.path.join(scratch, 'venv')
    run([python, '-m', 'venv', venv], scratch, env, 'python3 -m venv')
    vpy = os.path.join(venv, 'bin', 'python')
    pkg = os.path.join(src, 'bindings', 'python')

    run([vpy, '-m', 'pip', 'install', '--no-index', pkg], scratch, env, 'pip install ' + pkg)
    example = os.path.join(scratch, 'example.py')
    with open(example, 'w') as f:
        f.write(PYTHON_EXAMPLE)
    check_example(run([vpy, example, sheets], scratch, env, 'the example'),
                  run([vpy, '-c', PYTHON_WHERE], scratch, env, 'import hyoka'), venv, 'True', sheets)

    # an sdist of the copy, and the wheel built from the sdist alone
    dist = os.path.join(scratch, 'dist')
    os.makedirs(dist)
    name = run([vpy, '-c', 'import sys; sys.path.insert(0, "_build"); import hyoka_build; '
                'print(hyoka_build.build_sdist(sys.argv[1]))', dist], pkg, env, 'build_sdist').strip().splitlines()[-1]
    unpacked = os.path.join(scratch, 'sdist')
    shutil.unpack_archive(os.path.join(dist, name), unpacked)
    sdist = os.path.join(unpacked, name[:-len('.tar.gz')])
    run([vpy, '-m', 'pip', 'install', '--no-index', '--force-reinstall', sdist], scratch, env,
        'pip install of the sdist')
    check_example(run([vpy, example, sheets], scratch, env, 'the example (sdist)'),
                  run([vpy, '-c', PYTHON_WHERE], scratch, env, 'import hyoka'), venv, 'True', sheets)
    return 0


# --------------------------------------------------------------------------
# Ruby
# --------------------------------------------------------------------------

def check_ruby(args, src, scratch, sheets):
    ruby = shutil.which(args.ruby)
    gem = shutil.which(args.gem)
    if not ruby or not gem or subprocess.run([ruby, '-e', 'require "ffi"'], capture_output=True).returncode != 0:
        log('ruby, gem or the ffi gem not found')
        return SKIP
    gem_home = os.path.join(scratch, 'gems')
    out = os.path.join(scratch, 'out')
    os.makedirs(out)
    env = user_env()
    # from another folder than the gemspec's
    run([gem, 'build', os.path.join(src, 'bindings', 'ruby', 'hyoka.gemspec')], out, env, 'gem build')
    gems = [n for n in os.listdir(out) if n.endswith('.gem')]
    if len(gems) != 1:
        raise Failure('gem build left %s in %s, not one gem' % (gems, out))
    env = user_env({'GEM_HOME': gem_home})
    run([gem, 'install', '--local', '--no-document', os.path.join(out, gems[0])], out, env, 'gem install')
    example = os.path.join(scratch, 'example.rb')
    with open(example, 'w') as f:
        f.write(RUBY_EXAMPLE)
    check_example(run([ruby, example, sheets], scratch, env, 'the example'),
                  run([ruby, '-e', RUBY_WHERE], scratch, env, 'require "hyoka"'), gem_home, 'true', sheets)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('lang', choices=('python', 'ruby'))
    ap.add_argument('--source', required=True, help='top of the source tree')
    ap.add_argument('--scratch', required=True, help='a folder to work in (emptied first)')
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('--ruby', default='ruby')
    ap.add_argument('--gem', default='gem')
    args = ap.parse_args()
    for tool in ('meson', 'ninja'):
        if not shutil.which(tool):
            log('%s not found: the package cannot build the library' % tool)
            return SKIP
    scratch = os.path.abspath(args.scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    src = os.path.join(scratch, 'src')
    copy_tree(os.path.abspath(args.source), src)
    before = snapshot(src)
    sheets = os.path.join(src, 'examples', 'sheets')
    try:
        status = (check_python if args.lang == 'python' else check_ruby)(args, src, scratch, sheets)
        if status == 0:
            check_unchanged(src, before)
    except Failure as e:
        log('FAIL: %s' % e)
        return 1
    if status == 0:
        shutil.rmtree(scratch, ignore_errors=True)
        log('OK')
    return status


if __name__ == '__main__':
    sys.exit(main())
