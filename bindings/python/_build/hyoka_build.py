"""The PEP 517 build backend of the hyoka Python package.

In-tree (``backend-path = ["_build"]`` in pyproject.toml) and pure standard
library, so that ``pip install ./bindings/python`` needs nothing a fresh
virtual environment lacks, and no package index: the build requirements are
empty. It builds libhyoka.so.1 from the C sources with meson (see
``libhyoka_build.py``) and writes a wheel that carries it as
``hyoka/_native/libhyoka.so.1``, which the package loads first.

Where the C sources are: ``csrc/`` of an sdist, else the source tree two
levels up (bindings/python in the repository). The package's metadata is
the ``[project]`` table of pyproject.toml; its version is ``__version__`` of
hyoka/__init__.py. Nothing is written into the source tree: meson builds in
a temporary folder, and this module writes no bytecode.
"""

import base64
import hashlib
import io
import os
import re
import sys
import sysconfig
import tarfile
import tempfile
import time
import zipfile

sys.dont_write_bytecode = True  # nothing into the source tree (the imports below included)

HERE = os.path.dirname(os.path.abspath(__file__))       # <project>/_build
PROJECT = os.path.dirname(HERE)                         # bindings/python, or the unpacked sdist
PACKAGE = 'hyoka'
NATIVE = PACKAGE + '/_native'                           # where the wheel carries the library


# --------------------------------------------------------------------------
# The shared recipe, the C sources and the metadata
# --------------------------------------------------------------------------

def _recipe():
    """libhyoka_build: beside this file in an sdist, in bindings/ of the repository."""
    import importlib.util
    for folder in (HERE, os.path.dirname(PROJECT)):
        path = os.path.join(folder, 'libhyoka_build.py')
        if os.path.exists(path):
            spec = importlib.util.spec_from_file_location('libhyoka_build', path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise RuntimeError('hyoka: libhyoka_build.py not found beside %s nor in %s' % (HERE, os.path.dirname(PROJECT)))


def _c_root(recipe):
    for root in (os.path.join(PROJECT, 'csrc'), os.path.dirname(os.path.dirname(PROJECT))):
        if recipe.is_source_root(root):
            return root
    raise RuntimeError('hyoka: the C sources are neither in %s nor two levels up; build from the '
                       'repository or from an sdist' % os.path.join(PROJECT, 'csrc'))


def _toml_value(text, where):
    """One value of the TOML subset pyproject.toml uses: a string, or an
    array or inline table of strings (Python < 3.11 has no tomllib)."""
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('\\"', '"').replace('\\\\', '\\')
    if text.startswith('[') and text.endswith(']'):
        return [_toml_value(m.group(0), where) for m in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
    if text.startswith('{') and text.endswith('}'):
        return {k: _toml_value(v, where) for k, v in re.findall(r'([\w-]+)\s*=\s*("(?:[^"\\]|\\.)*")', text)}
    raise ValueError('pyproject.toml: %s: value outside the subset this backend reads: %s' % (where, text))


def _parse_toml(text):
    """pyproject.toml as nested dicts: tomllib (Python 3.11+), else _parse_toml_subset."""
    try:
        import tomllib
    except ImportError:
        return _parse_toml_subset(text)
    return tomllib.loads(text)


def _parse_toml_subset(text):
    """The TOML pyproject.toml is written in: [tables], comment lines, and
    key = string, array of strings (over several lines too) or inline table
    of strings. Anything else is refused, not guessed."""
    doc = {}
    table = doc
    pending = None      # key, text of a multi-line array
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.split('#', 1)[0].strip() if '"' not in line else line.strip()
        if pending:
            pending[1] += ' ' + stripped
            if stripped.endswith(']'):
                table[pending[0]] = _toml_value(pending[1], 'line %d' % number)
                pending = None
            continue
        if not stripped or stripped.startswith('#'):
            continue
        m = re.match(r'^\[([\w.-]+)\]$', stripped)
        if m:
            table = doc
            for part in m.group(1).split('.'):
                table = table.setdefault(part, {})
            continue
        key, sep, value = stripped.partition('=')
        key, value = key.strip().strip('"'), value.strip()
        if not sep:
            raise ValueError('pyproject.toml: line %d is not key = value' % number)
        if value.startswith('[') and not value.endswith(']'):
            pending = [key, value]
            continue
        table[key] = _toml_value(value, 'line %d' % number)
    return doc


def _project():
    """The [project] table, with the version filled in from hyoka/__init__.py."""
    with open(os.path.join(PROJECT, 'pyproject.toml'), encoding='utf-8') as f:
        project = dict(_parse_toml(f.read())['project'])
    with open(os.path.join(PROJECT, PACKAGE, '__init__.py'), encoding='utf-8') as f:
        m = re.search(r"^__version__ = '([^']+)'", f.read(), re.M)
    if not m:
        raise RuntimeError('hyoka/__init__.py has no __version__')
    project['version'] = m.group(1)
    return project


def _metadata(project):
    """The core metadata (METADATA of a wheel, PKG-INFO of an sdist), version 2.1."""
    lines = ['Metadata-Version: 2.1', 'Name: ' + project['name'], 'Version: ' + project['version'],
             'Summary: ' + project.get('description', '')]
    if project.get('keywords'):
        lines.append('Keywords: ' + ','.join(project['keywords']))
    if project.get('license', {}).get('text'):
        lines.append('License: ' + project['license']['text'])
    for name, url in project.get('urls', {}).items():
        lines.append('Project-URL: %s, %s' % (name, url))
    lines.extend('Classifier: ' + c for c in project.get('classifiers', []))
    if project.get('requires-python'):
        lines.append('Requires-Python: ' + project['requires-python'])
    lines.extend('Requires-Dist: ' + d for d in project.get('dependencies', []))
    readme = project.get('readme')
    body = ''
    if readme:
        lines.append('Description-Content-Type: text/markdown')
        with open(os.path.join(PROJECT, readme), encoding='utf-8') as f:
            body = f.read()
    return '\n'.join(lines) + '\n\n' + body


def _dist_name(project):
    return '%s-%s' % (re.sub(r'[-_.]+', '_', project['name']).lower(), project['version'])


def _platform_tag():
    """The wheel's platform tag, of the running platform: linux_x86_64..."""
    return re.sub(r'[-.]', '_', sysconfig.get_platform())


def _package_files():
    """(path in the archive, path on disk) of the package's modules."""
    out = []
    for folder, dirs, files in os.walk(os.path.join(PROJECT, PACKAGE)):
        dirs[:] = sorted(d for d in dirs if d not in ('__pycache__', '_native'))
        for name in sorted(files):
            if name.endswith('.py'):
                disk = os.path.join(folder, name)
                out.append((os.path.relpath(disk, PROJECT).replace(os.sep, '/'), disk))
    return out


def _timestamp():
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    return int(os.environ.get('SOURCE_DATE_EPOCH', time.time()))


def _leaves_no_bytecode(hook):
    """Run a hook, then remove the bytecode Python wrote for this module
    when the frontend imported it (before it could say not to)."""
    import functools

    @functools.wraps(hook)
    def run(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        finally:
            cache = os.path.join(HERE, '__pycache__')
            stem = os.path.splitext(os.path.basename(__file__))[0] + '.'
            if os.path.isdir(cache):
                for name in os.listdir(cache):
                    if name.startswith(stem) and name.endswith('.pyc'):
                        os.remove(os.path.join(cache, name))
                if not os.listdir(cache):
                    os.rmdir(cache)
    return run


# --------------------------------------------------------------------------
# Wheel
# --------------------------------------------------------------------------

class _Wheel:
    """A wheel being written: every file is hashed into RECORD."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
        self.record = []
        self.date = time.gmtime(max(_timestamp(), 315532800))[:6]  # zip cannot hold dates before 1980

    def add(self, name, data, executable=False):
        info = zipfile.ZipInfo(name, self.date)
        info.external_attr = (0o755 if executable else 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode('ascii')
        self.record.append('%s,sha256=%s,%d' % (name, digest, len(data)))

    def close(self, record_name):
        self.record.append(record_name + ',,')
        info = zipfile.ZipInfo(record_name, self.date)
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, '\n'.join(self.record) + '\n', zipfile.ZIP_DEFLATED)
        self.zip.close()


def _dist_info_files(project, tag):
    """{name: bytes} of the .dist-info folder, RECORD aside."""
    return {
        'METADATA': _metadata(project).encode('utf-8'),
        'WHEEL': ('Wheel-Version: 1.0\nGenerator: hyoka_build (in-tree)\nRoot-Is-Purelib: false\n'
                  'Tag: %s\n' % tag).encode('ascii'),
        'top_level.txt': (PACKAGE + '\n').encode('ascii'),
    }


@_leaves_no_bytecode
def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    recipe = _recipe()
    project = _project()
    dist = _dist_name(project)
    tag = 'py3-none-' + _platform_tag()
    name = '%s-%s.whl' % (dist, tag)
    with tempfile.TemporaryDirectory(prefix='hyoka-wheel-') as tmp:
        library = recipe.build(_c_root(recipe), tmp)
        wheel = _Wheel(os.path.join(wheel_directory, name))
        try:
            for arcname, disk in _package_files():
                with open(disk, 'rb') as f:
                    wheel.add(arcname, f.read())
            with open(library, 'rb') as f:
                wheel.add('%s/%s' % (NATIVE, recipe.SONAME), f.read(), executable=True)
            info = dist + '.dist-info'
            for key, data in sorted(_dist_info_files(project, tag).items()):
                wheel.add('%s/%s' % (info, key), data)
            with open(os.path.join(_c_root(recipe), 'COPYING'), 'rb') as f:
                wheel.add(info + '/COPYING', f.read())
            wheel.close(info + '/RECORD')
        except BaseException:
            wheel.zip.close()
            os.remove(os.path.join(wheel_directory, name))
            raise
    return name


@_leaves_no_bytecode
def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project = _project()
    info = _dist_name(project) + '.dist-info'
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for key, data in _dist_info_files(project, 'py3-none-' + _platform_tag()).items():
        with open(os.path.join(metadata_directory, info, key), 'wb') as f:
            f.write(data)
    return info


@_leaves_no_bytecode
def get_requires_for_build_wheel(config_settings=None):
    return []


# --------------------------------------------------------------------------
# sdist
# --------------------------------------------------------------------------

def _sdist_files(recipe):
    """(path in the sdist, path on disk): the package, its build backend and
    the C sources (under csrc/)."""
    out = [('pyproject.toml', os.path.join(PROJECT, 'pyproject.toml')),
           ('README.md', os.path.join(PROJECT, 'README.md')),
           ('_build/hyoka_build.py', os.path.abspath(__file__))]
    out += _package_files()
    recipe_path = os.path.abspath(recipe.__file__)
    out.append(('_build/libhyoka_build.py', recipe_path))
    root = _c_root(recipe)
    out += [('csrc/' + rel, os.path.join(root, *rel.split('/'))) for rel in recipe.source_files(root)]
    return out


@_leaves_no_bytecode
def build_sdist(sdist_directory, config_settings=None):
    recipe = _recipe()
    project = _project()
    dist = _dist_name(project)
    name = dist + '.tar.gz'
    mtime = _timestamp()

    def add(tar, arcname, data, mode=0o644):
        info = tarfile.TarInfo(dist + '/' + arcname)
        info.size = len(data)
        info.mtime = mtime
        info.mode = mode
        info.uname = info.gname = ''
        tar.addfile(info, io.BytesIO(data))

    path = os.path.join(sdist_directory, name)
    try:
        with tarfile.open(path, 'w:gz', format=tarfile.PAX_FORMAT) as tar:
            add(tar, 'PKG-INFO', _metadata(project).encode('utf-8'))
            for arcname, disk in _sdist_files(recipe):
                with open(disk, 'rb') as f:
                    add(tar, arcname, f.read(), 0o755 if os.access(disk, os.X_OK) else 0o644)
    except BaseException:
        if os.path.exists(path):
            os.remove(path)
        raise
    return name


@_leaves_no_bytecode
def get_requires_for_build_sdist(config_settings=None):
    return []
