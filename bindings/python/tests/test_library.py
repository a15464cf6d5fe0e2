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


if __name__ == '__main__':
    unittest.main()
