"""Build libhyoka.so.1 for a binding package, and carry its C sources.

The Python package (bindings/python, PEP 517 backend in _build/) and the
Ruby gem (bindings/ruby, native extension in ext/hyoka/) both ship the C
library inside themselves. This file is the one recipe they share:

* ``SOURCES`` and :func:`copy_sources`: the parts of the C project a package
  carries so that the library can be built from the package alone (the
  Python sdist's ``csrc/``, the gem's ``ext/hyoka/csrc/``);
* :func:`build`: ``meson setup`` + ``meson compile`` of the shared library
  only, in a temporary folder, then ``libhyoka.so.1`` copied out.

It needs Python 3.8+ and its standard library only (meson itself is a
Python program, so wherever meson runs, this runs), plus meson >= 1.0,
ninja and a C11 compiler. Nothing is written into the C sources.

Command line (used by the gem's Makefile)::

    python3 libhyoka_build.py copy SOURCE_ROOT DEST
    python3 libhyoka_build.py build SOURCE_ROOT OUT_DIR

``HYOKA_BUILD_JOBS`` (optional) limits the compiler jobs meson runs.
"""

import os
import shutil
import subprocess
import sys
import tempfile

#: The library's file name, as its SONAME (major version 1).
SONAME = 'libhyoka.so.1'

#: What a package carries of the C project, from the top of the source tree:
#: the files and folders the top-level meson.build reads when building the
#: library (it also configures the program and the examples, so they come
#: too; tests, docs and bindings are skipped by the options of build()).
SOURCES = ('meson.build', 'meson.options', 'meson_options.txt', 'COPYING', 'include', 'lib', 'cli', 'examples')

#: meson options of a package build: a shared library optimised as
#: distributions build theirs (-O2, no debug information; the release
#: buildtype's -O3 and link-time optimisation took three times as long to
#: build: 105 s against 34 s with two jobs), warnings not fatal (the user's
#: compiler may warn where ours does not), nothing but the library.
MESON_OPTIONS = ('--buildtype=plain', '-Doptimization=2', '-Dwerror=false', '-Ddefault_library=shared',
                 '-Dtests=false', '-Ddocs=disabled', '-Dbindings=disabled', '-Dslow_tests=false', '-Dfuzz=false')

#: The meson target of the shared library (lib/meson.build).
TARGET = 'lib/hyoka:shared_library'

_NEEDS = ('building libhyoka needs meson (>= 1.0), ninja and a C compiler; on Debian or Ubuntu: '
          'apt-get install meson ninja-build gcc pkg-config')


class BuildError(Exception):
    """The C library could not be built (missing tools, or a failed step)."""


def is_source_root(root):
    """True when @p root holds the C project (its meson.build and lib/)."""
    return os.path.isfile(os.path.join(root, 'meson.build')) and os.path.isdir(os.path.join(root, 'lib'))


def _junk(name):
    """Files a package never carries: hidden files, editor and patch leftovers, bytecode."""
    return (name.startswith('.') or name.endswith(('~', '.swp', '.orig', '.rej', '.pyc'))
            or name == '__pycache__')


def source_files(root):
    """The relative paths (with '/') of the files of ``SOURCES`` under @p root, sorted."""
    if not is_source_root(root):
        raise BuildError('%s does not hold the hyoka C sources (meson.build, lib/)' % root)
    out = []
    for entry in SOURCES:
        path = os.path.join(root, entry)
        if os.path.isfile(path):
            out.append(entry)
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _junk(d))
                rel = os.path.relpath(folder, root).replace(os.sep, '/')
                out.extend(rel + '/' + f for f in files if not _junk(f))
        elif entry != 'meson_options.txt':  # the older name of meson.options, optional
            raise BuildError('%s is missing from the C sources in %s' % (entry, root))
    return sorted(out)


def copy_sources(root, dest):
    """Copy the C sources the packages carry from @p root into @p dest."""
    for rel in source_files(root):
        target = os.path.join(dest, *rel.split('/'))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(root, *rel.split('/')), target)
    return dest


def _tool(name):
    path = shutil.which(name)
    if not path:
        raise BuildError('%s not found. %s' % (name, _NEEDS))
    return path


def _run(cmd, log):
    log('+ ' + ' '.join(cmd))
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    if proc.stdout:
        log(proc.stdout.rstrip())
    if proc.returncode != 0:
        raise BuildError('%s failed (exit status %d). %s' % (os.path.basename(cmd[0]), proc.returncode, _NEEDS))


def build(root, out_dir, log=None):
    """Build the shared library from the C sources in @p root, in a temporary
    folder, and copy it to ``out_dir/libhyoka.so.1``.

    :return: the path of the copy.
    :raises BuildError: when a tool is missing or a step fails.
    """
    log = log or (lambda text: print(text, file=sys.stderr))
    if not is_source_root(root):
        raise BuildError('%s does not hold the hyoka C sources (meson.build, lib/)' % root)
    meson = _tool('meson')
    _tool('ninja')
    jobs = os.environ.get('HYOKA_BUILD_JOBS', '').strip()
    with tempfile.TemporaryDirectory(prefix='hyoka-build-') as tmp:
        builddir = os.path.join(tmp, 'build')
        _run([meson, 'setup', builddir, os.path.abspath(root)] + list(MESON_OPTIONS), log)
        _run([meson, 'compile', '-C', builddir] + (['-j', jobs] if jobs else []) + [TARGET], log)
        built = os.path.join(builddir, 'lib', SONAME)
        if not os.path.exists(built):
            raise BuildError('meson built no %s in %s' % (SONAME, os.path.dirname(built)))
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, SONAME)
        shutil.copyfile(os.path.realpath(built), target)  # the file itself, not the SONAME link
        os.chmod(target, 0o755)
    return target


def main(argv):
    if len(argv) != 3 or argv[0] not in ('copy', 'build'):
        print('usage: libhyoka_build.py copy SOURCE_ROOT DEST | build SOURCE_ROOT OUT_DIR', file=sys.stderr)
        return 2
    try:
        if argv[0] == 'copy':
            copy_sources(argv[1], argv[2])
        else:
            print(build(argv[1], argv[2]))
    except BuildError as e:
        print('libhyoka_build: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
