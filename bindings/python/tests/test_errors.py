"""Every HYOKA_E* status maps to its own exception class under hyoka.Error."""

import ctypes
import unittest

import hyoka
from hyoka import _api, _ffi, errors
from hyoka._core import lib, ENUM_STATUS, enum_names

from . import support

EXPECTED = {
    'HYOKA_EINVAL': (hyoka.InvalidArgument, ValueError),
    'HYOKA_ENOMEM': (hyoka.OutOfMemory, MemoryError),
    'HYOKA_ERANGE': (hyoka.RangeError, ValueError),
    'HYOKA_EENCODING': (hyoka.EncodingError, ValueError),
    'HYOKA_ESYNTAX': (hyoka.HyokaSyntaxError, ValueError),
    'HYOKA_ENOTFOUND': (hyoka.NotFound, LookupError),
    'HYOKA_EEXIST': (hyoka.AlreadyExists, ValueError),
    'HYOKA_EDIVZERO': (hyoka.DivisionByZero, ZeroDivisionError),
    'HYOKA_EIO': (hyoka.HyokaIOError, OSError),
    'HYOKA_ELIMIT': (hyoka.LimitExceeded, ValueError),
    'HYOKA_EUNAVAILABLE': (hyoka.Unavailable, hyoka.Error),
    'HYOKA_ESTATE': (hyoka.StateError, RuntimeError),
    'HYOKA_EINVALID': (hyoka.InvalidDocument, ValueError),
}


class Mapping(unittest.TestCase):
    def test_every_library_status_has_a_class(self):
        names = enum_names(ENUM_STATUS)
        self.assertEqual(names[0], 'HYOKA_OK')
        for code in range(-1, -len(names), -1):
            name = lib.hyoka_status_name(code).decode()
            with self.subTest(name=name):
                cls, extra = EXPECTED[name]
                self.assertIs(errors.class_for(name), cls)
                self.assertEqual(cls.code, code)
                with self.assertRaises(cls) as cm:
                    _ffi.raise_status(code)
                e = cm.exception
                self.assertIsInstance(e, hyoka.Error)
                self.assertIsInstance(e, extra)
                self.assertEqual(e.code, code)
                self.assertEqual(e.status, name)
                self.assertTrue(str(e))

    def test_classes_are_distinct(self):
        classes = [c for c, _ in EXPECTED.values()]
        self.assertEqual(len(set(classes)), len(classes))
        self.assertNotIn(hyoka.MissingFeature, classes)

    def test_unknown_status_is_base_error(self):
        e = errors.from_status(-999, 'HYOKA_EFUTURE', 'from the future')
        self.assertIs(type(e), hyoka.Error)
        self.assertEqual(e.code, -999)

    def test_builtin_names_not_shadowed(self):
        self.assertFalse(issubclass(hyoka.HyokaSyntaxError, SyntaxError))
        self.assertFalse(hasattr(hyoka, 'SyntaxError'))
        self.assertFalse(hasattr(hyoka, 'IOError'))


class Provoked(unittest.TestCase):
    """Real failures of the library, with the message of hyoka_error_last()."""

    def check(self, cls, fn, *args, contains=None):
        with self.assertRaises(cls) as cm:
            fn(*args)
        e = cm.exception
        self.assertIsInstance(e, hyoka.Error)
        self.assertEqual(e.code, cls.code)
        self.assertTrue(e.message)
        if contains:
            self.assertIn(contains, e.message)
        return e

    def test_einval(self):
        self.check(hyoka.InvalidArgument, hyoka.check_municipality_code, '112088')
        pf = hyoka.Portfolio()
        self.check(hyoka.InvalidArgument, pf.set_rounding, 'per_capita', 99)
        self.check(hyoka.InvalidArgument, setattr, pf, 'stated_tolerance', -1)
        y = pf.add_project(code='1').add_year(2007)
        self.check(hyoka.InvalidArgument, setattr, y, 'usage', -5)       # negative count
        self.check(hyoka.InvalidArgument, setattr, y, 'phase', 'done')   # unknown name

    def test_erange(self):
        self.check(hyoka.RangeError, hyoka.parse_decimal, '0.1234567890123456789')
        y = hyoka.Project(code='1').add_year(2007)
        self.check(hyoka.RangeError, setattr, y, 'fiscal_year', 10000)
        self.check(hyoka.RangeError, hyoka.yen_from_thousands, '1068.9785')
        self.check(hyoka.RangeError, setattr, y, 'settlement', 1 << 63)

    def test_eencoding(self):
        p = hyoka.Project()
        self.check(hyoka.EncodingError, setattr, p, 'name', 'bad \ud800 surrogate')
        self.check(hyoka.EncodingError, setattr, p, 'name', 'nul\0inside')
        self.assertIsNone(p.name)  # unchanged on failure

    def test_esyntax(self):
        self.check(hyoka.HyokaSyntaxError, hyoka.parse_decimal, '12abc')
        self.check(hyoka.HyokaSyntaxError, hyoka.check_municipality_code, '12')
        self.check(hyoka.HyokaSyntaxError, hyoka.parse_fiscal_year, 'いつか')

    def test_enotfound(self):
        p = hyoka.Project()
        ind = p.add_indicator('outcome')
        self.check(hyoka.NotFound, ind.remove_year, 1999)
        s = hyoka.Scheme('x')
        self.check(hyoka.NotFound, s.set_required, 'nope')

    def test_eexist(self):
        s = hyoka.Scheme('city')
        s.add_criterion('relevance')
        self.check(hyoka.AlreadyExists, s.add_criterion, 'relevance')
        pf = hyoka.Portfolio()
        pf.add_scheme(hyoka.Scheme('dup'))
        self.check(hyoka.AlreadyExists, pf.add_scheme, hyoka.Scheme('dup'))

    def test_edivzero(self):
        self.check(hyoka.DivisionByZero, hyoka.divide, 1, 0)

    @support.requires_writer
    def test_eio(self):
        pf = hyoka.Portfolio()
        e = self.check(hyoka.HyokaIOError, pf.save, '/nonexistent-dir/x/y.json')
        self.assertIsInstance(e, OSError)

    def test_eio_on_load(self):
        with self.assertRaises(hyoka.HyokaIOError) as cm:
            hyoka.Portfolio.load('/nonexistent-dir/none.json')
        self.assertIsInstance(cm.exception.__cause__, FileNotFoundError)

    def test_elimit(self):
        n = hyoka.limit('text_max')
        if n > 64 << 20:
            self.skipTest('text limit too large to provoke cheaply')
        p = hyoka.Project()
        self.check(hyoka.LimitExceeded, setattr, p, 'purpose', 'x' * (n + 1))

    def test_eunavailable_is_a_figure_not_an_exception(self):
        y = hyoka.Project().add_year(2007, phase='settled', settlement=1000)
        f = y.figure('per_capita')
        self.assertIsNone(f.value)
        self.assertEqual(f.reason, 'no_population')

    def test_estate(self):
        jp = hyoka.Scheme.builtin('jp-standard')
        self.check(hyoka.StateError, setattr, jp, 'name', 'mine')

    def test_enomem(self):
        libc = ctypes.CDLL(None)
        libc.malloc.restype = ctypes.c_void_p
        libc.malloc.argtypes = [ctypes.c_size_t]
        libc.realloc.restype = ctypes.c_void_p
        libc.realloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
        libc.free.restype = None
        libc.free.argtypes = [ctypes.c_void_p]
        MALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
        REALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
        FREE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
        # compatible with the C library's malloc, so earlier objects stay valid
        m = MALLOC(lambda size, user: None)
        r = REALLOC(lambda ptr, size, user: None)
        f = FREE(lambda ptr, user: libc.free(ptr))
        set_allocator = lib._dll['hyoka_set_allocator']
        set_allocator.restype = ctypes.c_int
        set_allocator.argtypes = [MALLOC, REALLOC, FREE, ctypes.c_void_p]
        self.assertEqual(set_allocator(m, r, f, None), 0)
        try:
            with self.assertRaises(hyoka.OutOfMemory) as cm:
                hyoka.Portfolio()
        finally:
            set_allocator(ctypes.cast(None, MALLOC), ctypes.cast(None, REALLOC), ctypes.cast(None, FREE), None)
        self.assertIsInstance(cm.exception, MemoryError)
        self.assertEqual(cm.exception.code, hyoka.OutOfMemory.code)
        hyoka.Portfolio().close()  # the default allocator is back

    @support.requires_reader
    def test_einvalid(self):
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads('{"format": "hyoka/1", "projects": [{"code": "1", "bogus": 1}]}')
        e = cm.exception
        self.assertEqual(e.code, hyoka.InvalidDocument.code)
        self.assertTrue(e.diagnostics)
        d = e.diagnostics[0]
        self.assertIsInstance(d, hyoka.Diagnostic)
        self.assertEqual(d.code, 'S002')
        self.assertEqual(d.severity, 'error')
        self.assertEqual(d.line, 1)
        self.assertTrue(d.column)
        self.assertIn('S002', str(e))
        # the message says where the diagnostics are, in Python's terms
        self.assertIn('1 error', e.message)
        self.assertIn('.diagnostics', e.message)
        self.assertNotIn('report', e.message)

    @support.requires_reader
    def test_einvalid_syntax_lang(self):
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads('{"format": "hyoka/1",\n "projects": [}', lang='ja')
        d = cm.exception.diagnostics[0]
        self.assertEqual(d.code, 'J001')
        self.assertEqual(d.line, 2)

    def test_message_is_this_threads(self):
        import threading
        seen = {}

        def worker(i):
            try:
                hyoka.parse_decimal('bad%d' % i)
            except hyoka.HyokaSyntaxError as e:
                seen[i] = e.message

        ts = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        for i in range(8):
            self.assertIn('bad%d' % i, seen[i])


class IntegerArguments(unittest.TestCase):
    """An int that does not fit the C parameter raises OverflowError before
    the call, instead of reaching the library with its low bits only."""

    def check(self, fn, *args, **kwargs):
        with self.assertRaises(OverflowError) as cm:
            fn(*args, **kwargs)
        e = cm.exception
        self.assertIsInstance(e, hyoka.IntegerOverflow)
        self.assertIsInstance(e, hyoka.RangeError)   # HYOKA_ERANGE, as the library's own
        self.assertEqual(e.code, hyoka.RangeError.code)
        self.assertIn('out of range', str(e))
        return e

    def test_remove_project_beyond_size_t(self):
        pf = hyoka.Portfolio()
        for code in ('0', '1', '2'):
            pf.add_project(code=code)
        first = pf.projects[0]
        self.check(pf.remove_project, 2 ** 64)        # was: project 0 removed
        self.assertEqual([p.code for p in pf.projects], ['0', '1', '2'])
        self.assertTrue(first.alive)
        with self.assertRaises(hyoka.NotFound):
            pf.remove_project(-4)
        self.assertEqual(len(pf.projects), 3)

    def test_add_year_beyond_int32(self):
        p = hyoka.Project(code='1')
        e = self.check(p.add_year, 2 ** 32 + 2024)   # was: 2024 added
        self.assertIn('fiscal year', str(e))
        self.assertEqual(len(p.years), 0)
        self.check(p.add_year, -2 ** 31 - 1)
        self.check(hyoka.format_fiscal_year, 2 ** 40)

    def test_set_rounding_places_beyond_int(self):
        pf = hyoka.Portfolio()
        before = pf.rounding('per_capita')
        e = self.check(pf.set_rounding, 'per_capita', places=2 ** 32 + 2)   # was: 2 places
        self.assertIn('places', str(e))
        self.assertEqual(pf.rounding('per_capita'), before)
        self.check(hyoka.round_decimal, '1.5', 2 ** 32)
        self.check(pf.rollup, 'policy', depth=2 ** 32 + 1)

    def test_every_c_integer_type(self):
        y = hyoka.Project(code='1').add_year(2007)
        self.check(setattr, y, 'settlement', 1 << 63)                      # int64
        self.check(setattr, y, 'fiscal_year', 1 << 31)                     # int32
        self.check(hyoka.Scheme('s').set_required, 2 ** 64)                # size_t
        self.check(hyoka.Portfolio.loads, '{}', max_depth=2 ** 64 + 1)     # size_t struct field
        self.check(hyoka.Portfolio.loads, '{}', max_diagnostics=-1)
        # the bounds themselves pass the binding's check (the library may refuse them)
        y.settlement = (1 << 63) - 1
        self.assertEqual(y.settlement, (1 << 63) - 1)

    def test_raw_functions_are_checked_too(self):
        # the check comes from the C types of hyoka._api, for every bound function
        e = self.check(lib.hyoka_limit, 2 ** 31)
        self.assertIn('hyoka_limit', str(e))
        self.assertEqual(lib.hyoka_limit(_api.HYOKA_LIMIT_FISCAL_YEAR_MIN), 1868)


class MessagesNameThings(unittest.TestCase):
    """A refusal of the library names the call with the document names the
    caller gave (the library's own text may only have their numbers)."""

    def test_refused_call_is_named(self):
        pf = hyoka.Portfolio()
        y = pf.add_project(code='1').add_year(2007)
        cases = [
            (lambda: y.set_stated('achievement', '1'), "Year.set_stated('achievement', '1')"),
            (lambda: pf.set_rounding('achievement', 1, unit='thousand_yen'),
             "Portfolio.set_rounding('achievement', 1, unit='thousand_yen')"),
            (lambda: pf.ranking('achievement'), "Portfolio.ranking('achievement')"),
            (lambda: setattr(y, 'fiscal_year', 10000), 'Year.fiscal_year = 10000'),
        ]
        for fn, call in cases:
            with self.subTest(call=call):
                with self.assertRaises(hyoka.InvalidArgument if 'fiscal' not in call else hyoka.RangeError) as cm:
                    fn()
                e = cm.exception
                self.assertTrue(e.from_library)
                self.assertEqual(e.call, call)
                self.assertTrue(e.message.startswith(call + ': '), e.message)
                self.assertEqual(str(e), e.message)

    def test_checks_of_the_binding_name_the_value_already(self):
        y = hyoka.Project(code='1').add_year(2007)
        with self.assertRaises(hyoka.InvalidArgument) as cm:
            y.phase = 'done'
        self.assertIsNone(cm.exception.call)
        self.assertIn("unknown phase 'done'", str(cm.exception))
        self.assertIn('settled', str(cm.exception))


if __name__ == '__main__':
    unittest.main()
