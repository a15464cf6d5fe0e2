"""Finding the library, the version check, lazy binding and the helpers."""

import os
import subprocess
import sys
import tempfile
import unittest
from decimal import Decimal

import hyoka
from hyoka import _ffi
from hyoka._core import lib

from . import support


def run_python(code, env_update, drop=()):
    env = dict(os.environ)
    for k in drop:
        env.pop(k, None)
    env.update(env_update)
    env['PYTHONPATH'] = support.PKG_DIR + os.pathsep + env.get('PYTHONPATH', '')
    return subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env,
                          timeout=120)


class FakeFunction:
    def __init__(self, value):
        self.value = value
        self.restype = None
        self.argtypes = None

    def __call__(self):
        return self.value


class FakeDLL:
    """Stands in for a CDLL: only the given symbols exist."""

    def __init__(self, **symbols):
        self.symbols = symbols

    def __getitem__(self, name):
        try:
            return self.symbols[name]
        except KeyError:
            raise AttributeError(name) from None


class VersionCheck(unittest.TestCase):
    def test_runtime_version(self):
        self.assertEqual(hyoka.version() // 10000, 1)
        self.assertEqual(hyoka.version_string().split('.')[0], '1')
        self.assertEqual(_ffi.check_version(hyoka.version())[0], 1)

    def test_accepts_any_1x(self):
        self.assertEqual(_ffi.check_version(10000), (1, 0, 0))
        self.assertEqual(_ffi.check_version(10203), (1, 2, 3))
        self.assertEqual(_ffi.check_version(19999), (1, 99, 99))

    def test_refuses_other_major(self):
        for number in (20000, 9999, 0, 30101):
            with self.subTest(number=number):
                with self.assertRaises(ImportError) as cm:
                    _ffi.check_version(number, '/x/libhyoka.so.2')
                self.assertIn('major version', str(cm.exception))
                self.assertIn('/x/libhyoka.so.2', str(cm.exception))

    def test_refuses_invalid(self):
        with self.assertRaises(ImportError):
            _ffi.check_version(-1)

    def test_fake_library_of_version_2(self):
        fake = FakeDLL(hyoka_version=FakeFunction(20100),
                       hyoka_version_string=FakeFunction(b'2.1.0'))
        with self.assertRaises(ImportError) as cm:
            _ffi.check_library(fake, 'libhyoka.so.2')
        self.assertIn('2.1.0', str(cm.exception))
        self.assertIn('major version 1', str(cm.exception))

    def test_fake_library_of_version_1(self):
        fake = FakeDLL(hyoka_version=FakeFunction(10100))
        self.assertEqual(_ffi.check_library(fake, 'fake'), (1, 1, 0))

    def test_not_libhyoka(self):
        with self.assertRaises(ImportError) as cm:
            _ffi.check_library(FakeDLL(), 'libc.so.6')
        self.assertIn('not libhyoka', str(cm.exception))


class LazyBinding(unittest.TestCase):
    def test_missing_symbol_raises_only_when_used(self):
        fake = FakeDLL(hyoka_version=FakeFunction(10000))
        partial = _ffi.Library(fake, 'fake.so', 'test')
        with self.assertRaises(hyoka.MissingFeature) as cm:
            partial.hyoka_csv_write_dir
        self.assertIsInstance(cm.exception, hyoka.Error)
        self.assertIsInstance(cm.exception, NotImplementedError)
        self.assertIn('hyoka_csv_write_dir', str(cm.exception))
        self.assertFalse(partial.has('hyoka_csv_write_dir'))

    def test_bound_once(self):
        f1 = lib.hyoka_portfolio_new
        self.assertIs(f1, lib.hyoka_portfolio_new)
        self.assertTrue(lib.has('hyoka_portfolio_new'))

    def test_every_prototype_is_a_public_function(self):
        # every name bound by the binding is a declared function of the headers
        include = os.path.join(support.REPO, 'include', 'hyoka')
        if not os.path.isdir(include):
            self.skipTest('headers not found')
        text = ''
        for name in os.listdir(include):
            if name.endswith('.h'):
                with open(os.path.join(include, name), encoding='utf-8') as f:
                    text += f.read()
        for name in _ffi.PROTOTYPES:
            with self.subTest(name=name):
                self.assertIn(name + '(', text)


class Finding(unittest.TestCase):
    def setUp(self):
        self.path = os.path.abspath(lib.path) if os.path.exists(lib.path) else None
        if not self.path:
            self.skipTest('the library was not loaded from a file path')
        # meson passes the real file (libhyoka.so.1.1.0); the SONAME link is beside it
        soname = os.path.join(os.path.dirname(self.path), _ffi.SONAME)
        self.sopath = soname if os.path.exists(soname) else None
        self.env = {}
        if 'LD_PRELOAD' in os.environ:  # a sanitizer runtime, say
            self.env['LD_PRELOAD'] = os.environ['LD_PRELOAD']

    def test_env_variable(self):
        r = run_python('import hyoka; print(hyoka.library_path())', dict(self.env, HYOKA_LIBRARY=self.path))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), self.path)

    def test_env_variable_folder(self):
        if not self.sopath:
            self.skipTest('no libhyoka.so.1 beside the library')
        r = run_python('import hyoka; print(hyoka.library_path())',
                       dict(self.env, HYOKA_LIBRARY=os.path.dirname(self.path)))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), self.sopath)

    def test_env_variable_wrong(self):
        r = run_python('import hyoka', dict(self.env, HYOKA_LIBRARY='/nonexistent/libhyoka.so.1'))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('ImportError', r.stderr)
        self.assertIn('HYOKA_LIBRARY', r.stderr)

    def test_env_variable_not_hyoka(self):
        import ctypes.util
        libc = ctypes.util.find_library('c')
        if not libc:
            self.skipTest('no libc found')
        r = run_python('import hyoka', dict(self.env, HYOKA_LIBRARY=libc))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('not libhyoka', r.stderr)

    def test_pkg_config(self):
        import shutil
        if not shutil.which('pkg-config') or not self.sopath:
            self.skipTest('pkg-config not available, or no libhyoka.so.1 beside the library')
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, 'hyoka.pc'), 'w') as f:
                f.write('libdir=%s\n\nName: hyoka\nDescription: test\nVersion: 1.0.0\n'
                        'Libs: -L${libdir} -lhyoka\n' % os.path.dirname(self.path))
            r = run_python('import hyoka, hyoka._core as c; print(hyoka.library_path()); print(c.lib.how)',
                           dict(self.env, PKG_CONFIG_PATH=d, PKG_CONFIG_LIBDIR=d), drop=('HYOKA_LIBRARY',))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [self.sopath, 'pkg-config'])

    def test_system_path(self):
        if not self.sopath:
            self.skipTest('no libhyoka.so.1 beside the library')
        with tempfile.TemporaryDirectory() as d:
            r = run_python('import hyoka, hyoka._core as c; print(hyoka.library_path()); print(c.lib.how)',
                           dict(self.env, LD_LIBRARY_PATH=os.path.dirname(self.path), PKG_CONFIG_PATH=d,
                                PKG_CONFIG_LIBDIR=d), drop=('HYOKA_LIBRARY',))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [_ffi.SONAME, 'system'])


class Helpers(unittest.TestCase):
    def test_names_from_library(self):
        self.assertEqual(hyoka.names('phase'), ['plan', 'budget', 'forecast', 'settled'])
        self.assertIn('per_capita', hyoka.FIGURES)
        self.assertEqual(hyoka.names('lang'), ['en', 'ja'])
        with self.assertRaises(hyoka.InvalidArgument):
            hyoka.names('nope')

    def test_decimals_exact(self):
        self.assertEqual(str(hyoka.parse_decimal('98.30')), '98.30')
        self.assertEqual(hyoka.parse_printed('16,627'), Decimal('16627'))
        self.assertEqual(hyoka.parse_printed('△1,200'), Decimal('-1200'))
        self.assertEqual(hyoka.format_decimal(Decimal('73710.8'), grouping=True), '73,710.8')
        self.assertEqual(hyoka.divide(16627000, 1054, 1), Decimal('15775.1'))
        self.assertEqual(hyoka.divide(16627000, 339300, 1), Decimal('49.0'))
        self.assertEqual(hyoka.round_decimal('2.5', 0, 'half_even'), Decimal('2'))
        self.assertEqual(hyoka.round_decimal('-2.5', 0), Decimal('-3'))
        self.assertEqual(hyoka.yen_from_thousands(Decimal('1068.978')), 1068978)
        self.assertEqual(hyoka.yen_to_thousands(1068978), Decimal('1068.978'))

    def test_float_refused(self):
        with self.assertRaises(TypeError):
            hyoka.parse_decimal(0.1)
        with self.assertRaises(TypeError):
            hyoka.divide(0.1, 3)

    def test_calendar(self):
        self.assertEqual(hyoka.parse_fiscal_year('平成19年度'), 2007)
        self.assertEqual(hyoka.parse_fiscal_year('H19'), 2007)
        self.assertEqual(hyoka.parse_fiscal_year('令和元年度'), 2019)
        self.assertEqual(hyoka.format_fiscal_year(2019), '令和元年度')
        self.assertEqual(hyoka.format_fiscal_year(2019, strict=True), '平成31年度')
        self.assertEqual(hyoka.parse_date('平成20年5月15日'), '2008-05-15')
        self.assertEqual(hyoka.format_date('2008-05-15'), '平成20年5月15日')

    def test_municipality_code(self):
        self.assertTrue(hyoka.check_municipality_code('112089'))
        with self.assertRaises(hyoka.InvalidArgument):
            hyoka.check_municipality_code('112088')

    def test_texts(self):
        self.assertTrue(hyoka.code_title('C005'))
        self.assertIsNone(hyoka.code_title('Z999'))
        self.assertTrue(hyoka.reason_message('no_population', 'ja'))
        self.assertTrue(hyoka.strerror(-3))
        self.assertEqual(hyoka.limit('fiscal_year_min'), 1868)


class DefaultLanguage(unittest.TestCase):
    """Without ``lang``, messages follow the locale through hyoka_lang_default()."""

    CODE = ('import hyoka\n'
            'pf = hyoka.Portfolio()\n'
            'pf.add_project(code="1").add_year(2007, phase="settled", settlement=1)\n'
            'print(hyoka.default_lang())\n'
            'print(pf.validate()[0].message == pf.validate(lang=hyoka.default_lang())[0].message)\n'
            'print(hyoka.code_title("C005") == hyoka.code_title("C005", hyoka.default_lang()))\n')

    def run_with(self, **locale):
        env = {k: v for k, v in locale.items() if v is not None}
        if 'LD_PRELOAD' in os.environ:
            env['LD_PRELOAD'] = os.environ['LD_PRELOAD']
        r = run_python(self.CODE, env, drop=[k for k, v in locale.items() if v is None])
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.split()

    def test_follows_the_locale(self):
        if not lib.has('hyoka_lang_default'):
            self.skipTest('the library has no hyoka_lang_default (older than 1.1)')
        self.assertEqual(self.run_with(LC_ALL=None, LC_MESSAGES=None, LANG='ja_JP.UTF-8'), ['ja', 'True', 'True'])
        self.assertEqual(self.run_with(LC_ALL='C', LC_MESSAGES=None, LANG='ja_JP.UTF-8'), ['en', 'True', 'True'])
        self.assertEqual(self.run_with(LC_ALL=None, LC_MESSAGES=None, LANG=None), ['en', 'True', 'True'])

    def test_messages_differ_by_language(self):
        pf = hyoka.Portfolio()
        pf.add_project(code='1').add_year(2007, phase='settled', settlement=1)
        self.assertNotEqual(pf.validate(lang='en')[0].message, pf.validate(lang='ja')[0].message)
        self.assertIn(hyoka.default_lang(), ('en', 'ja'))


class Documentation(unittest.TestCase):
    """What help() shows: readable signatures, and no reference to a
    document a user of the package does not have."""

    def pages(self):
        import inspect
        import pydoc
        for name in hyoka.__all__:
            obj = getattr(hyoka, name)
            if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismodule(obj):
                yield name, pydoc.render_doc(obj, renderer=pydoc.plaintext)

    def test_signatures_are_readable(self):
        for name, text in self.pages():
            with self.subTest(name=name):
                self.assertNotIn('object at 0x', text)
        import inspect
        self.assertEqual(str(inspect.signature(hyoka.Portfolio.set_municipality)), '(self, name=KEEP, code=KEEP)')
        self.assertEqual(repr(hyoka.KEEP), 'KEEP')

    def test_references_are_to_files_the_user_has(self):
        import re
        docs = os.path.join(support.REPO, 'docs')
        for name, text in self.pages():
            with self.subTest(name=name):
                self.assertNotIn('§', text)
                self.assertNotIn('DESIGN', text)
                for ref in re.findall(r'docs/[\w.-]+', text):
                    if os.path.isdir(docs):
                        self.assertTrue(os.path.exists(os.path.join(support.REPO, ref)), ref)


class BundledLibrary(unittest.TestCase):
    """The order of the search with a library carried in the package
    (hyoka/_native/libhyoka.so.1, as pip install puts it)."""

    def setUp(self):
        path = os.path.abspath(lib.path) if os.path.exists(lib.path) else None
        if not path:
            self.skipTest('the library was not loaded from a file path')
        self.lib = os.path.realpath(path)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        import shutil
        shutil.copytree(os.path.join(support.PKG_DIR, 'hyoka'), os.path.join(self.tmp.name, 'hyoka'),
                        ignore=shutil.ignore_patterns('__pycache__'))
        self.bundled = os.path.join(self.tmp.name, 'hyoka', '_native', _ffi.SONAME)
        os.makedirs(os.path.dirname(self.bundled))
        shutil.copyfile(self.lib, self.bundled)
        self.nosys = os.path.join(self.tmp.name, 'no-pkg-config')
        os.makedirs(self.nosys)

    def where(self, **env):
        full = {k: v for k, v in os.environ.items() if k not in ('HYOKA_LIBRARY', 'PYTHONPATH', 'LD_LIBRARY_PATH')}
        full.update(PYTHONPATH=self.tmp.name, PKG_CONFIG_PATH=self.nosys, PKG_CONFIG_LIBDIR=self.nosys)
        full.update(env)
        return subprocess.run([sys.executable, '-c', 'import hyoka, hyoka._core as c; print(hyoka.library_path()); '
                               'print(c.lib.how)'], capture_output=True, text=True, env=full, timeout=120,
                              cwd=self.tmp.name)  # not the source tree's package from the current folder

    def test_bundled_before_system(self):
        r = self.where(LD_LIBRARY_PATH=os.path.dirname(self.lib))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [self.bundled, 'bundled'])

    def test_environment_before_bundled(self):
        r = self.where(HYOKA_LIBRARY=self.lib)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [self.lib, 'HYOKA_LIBRARY'])

    def test_system_when_asked(self):
        soname = os.path.join(os.path.dirname(self.lib), _ffi.SONAME)
        if not os.path.exists(soname):
            self.skipTest('no libhyoka.so.1 beside the library')
        r = self.where(HYOKA_SYSTEM_LIBRARY='1', LD_LIBRARY_PATH=os.path.dirname(self.lib))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [_ffi.SONAME, 'system'])
        # asked for, but absent: an error, not the bundled one
        r = self.where(HYOKA_SYSTEM_LIBRARY='yes')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('HYOKA_SYSTEM_LIBRARY', r.stderr)


class BuildBackend(unittest.TestCase):
    """The in-tree PEP 517 backend, without building (python-install, a
    test of suite 'bindings', builds and installs for real)."""

    @classmethod
    def setUpClass(cls):
        import importlib.util
        path = os.path.join(support.PKG_DIR, '_build', 'hyoka_build.py')
        spec = importlib.util.spec_from_file_location('hyoka_build_under_test', path)
        cls.backend = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.backend)

    def test_no_build_requirements(self):
        self.assertEqual(self.backend.get_requires_for_build_wheel(), [])
        self.assertEqual(self.backend.get_requires_for_build_sdist(), [])

    def test_toml_subset_reads_pyproject_as_tomllib(self):
        try:
            import tomllib
        except ImportError:
            self.skipTest('tomllib needs Python 3.11')
        with open(os.path.join(support.PKG_DIR, 'pyproject.toml'), encoding='utf-8') as f:
            text = f.read()
        self.assertEqual(self.backend._parse_toml_subset(text), tomllib.loads(text))
        with self.assertRaises(ValueError):
            self.backend._parse_toml_subset('[project]\nversion = 1\n')

    def test_metadata(self):
        project = self.backend._project()
        self.assertEqual(project['version'], hyoka.__version__)
        text = self.backend._metadata(project)
        self.assertIn('Name: hyoka\n', text)
        self.assertIn('Version: %s\n' % hyoka.__version__, text)
        self.assertIn('Requires-Python: >=3.8\n', text)
        self.assertRegex(self.backend._platform_tag(), r'^[a-z0-9_]+$')
        with tempfile.TemporaryDirectory() as d:
            info = self.backend.prepare_metadata_for_build_wheel(d)
            self.assertEqual(info, 'hyoka-%s.dist-info' % hyoka.__version__)
            self.assertEqual(sorted(os.listdir(os.path.join(d, info))), ['METADATA', 'WHEEL', 'top_level.txt'])

    def test_package_files(self):
        names = [arc for arc, _ in self.backend._package_files()]
        modules = sorted('hyoka/' + n for n in os.listdir(os.path.join(support.PKG_DIR, 'hyoka')) if n.endswith('.py'))
        self.assertEqual(sorted(names), modules)


if __name__ == '__main__':
    unittest.main()
