"""hyoka.stream(): the projects of a document one at a time, as a whole read gives them."""

import io
import os
import tempfile
import unittest

import hyoka

from . import support


def _shape(p):
    """What a project holds and computes, to compare."""
    return (p.code, p.name, len(p.children), [y.figures() for y in p.years],
            [ind.figures(fy) for ind in p.indicators for fy in ind.years])


def whole(path):
    with hyoka.Portfolio.load(path) as pf:
        return [_shape(p) for p in pf.projects]


def streamed(source, **options):
    out = []
    with hyoka.stream(source, **options) as s:
        for p in s:
            out.append(_shape(p))
    return out


@support.requires_reader
class StreamSheets(unittest.TestCase):
    def test_every_sheet_every_source(self):
        for name in support.sheet_names():
            path = support.sheet(name)
            with self.subTest(sheet=name):
                want = whole(path)
                self.assertEqual(streamed(path), want)
                with open(path, 'rb') as f:
                    data = f.read()
                self.assertEqual(streamed(data), want)
                self.assertEqual(streamed(io.BytesIO(data)), want)
                self.assertEqual(streamed(_Trickle(data, 7)), want)

    def test_header_and_figures_see_the_document(self):
        path = support.sheet('sample-city-portfolio.json')
        with hyoka.Portfolio.load(path) as pf:
            want = {p.code: p.years[0].figure('per_capita') for p in pf.projects if p.years}
        with hyoka.stream(path) as s:
            self.assertTrue(s.portfolio.municipality_name)
            got = {p.code: p.years[0].figure('per_capita') for p in s if p.years}
        self.assertEqual(got, want)

    def test_validate_and_detach(self):
        doc = (b'{"format": "hyoka/1", "projects": [{"code": "1", "name": "a"}, '
               b'{"code": "1", "name": "b"}]}')
        with hyoka.stream(doc) as s:
            first = next(s)
            self.assertEqual(s.index, 0)
            kept = s.detach()
            self.assertFalse(first.alive)
            second = next(s)
            codes = [d.code for d in s.validate()]
            self.assertIn('P003', codes)
            self.assertEqual(second.name, 'b')
            with self.assertRaises(StopIteration):
                next(s)
            self.assertFalse(second.alive)
        self.assertEqual(kept.name, 'a')
        self.assertTrue(kept.owned)
        kept.close()

    CLEAN = (b'{"format": "hyoka/1", "municipality": {"name": "X"}, "projects": [{"code": "1", "name": "a", '
             b'"organization": {"department": "d", "section": "s"}, "duty": "autonomous", "period": "recurring", '
             b'"start_fiscal_year": 2010, "texts": {"purpose": "p"}, "indicators": [{"kind": "outcome", '
             b'"name": "n", "unit": "%", "direction": "increase"}]}, {"code": "1", "name": "b"}]}')

    def test_validate_of_a_clean_project_then_of_one_with_problems(self):
        got = []
        with hyoka.stream(self.CLEAN) as s:
            for _ in s:
                with self.assertRaises(hyoka.InvalidArgument):
                    s.validate('xx')
                got.append(s.validate())
        clean, dup = got
        self.assertEqual(list(clean), [])
        self.assertEqual((clean.total, clean.dropped, clean.ignored, clean.counts, clean.tally, clean.errors),
                         (0, 0, 0, {'error': 0, 'warning': 0, 'info': 0}, [], 0))
        self.assertIn('P003', [d.code for d in dup])
        self.assertGreaterEqual(dup.total, 1)
        self.assertEqual(dup.total, sum(dup.counts.values()))

    def test_errors_raise_at_the_end_with_diagnostics(self):
        doc = b'{"format": "hyoka/1", "projects": [{"code": "1", "name": "a", "bogus": 1}, {"code": "2"'
        s = hyoka.stream(doc)
        got = []
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            for p in s:
                got.append(p.code)
        self.assertEqual(got, ['1'])
        self.assertEqual([d.code for d in cm.exception.diagnostics], ['S002', 'J001'])
        self.assertEqual([d.code for d in s.diagnostics], ['S002', 'J001'])

    def test_a_failing_file_object(self):
        class Broken(io.RawIOBase):
            def readinto(self, b):
                raise OSError('disk on fire')
        with self.assertRaises(OSError):
            for _ in hyoka.stream(Broken()):
                pass

    def test_bad_source(self):
        with self.assertRaises(TypeError):
            hyoka.stream(42)
        with self.assertRaises(hyoka.HyokaIOError):
            hyoka.stream(os.path.join(tempfile.gettempdir(), 'no-such-dir-hyoka', 'x.json'))


class _Trickle(io.RawIOBase):
    """A file object that gives a few bytes at a time."""

    def __init__(self, data, n):
        self.data, self.at, self.n = data, 0, n

    def readable(self):
        return True

    def readinto(self, b):
        chunk = self.data[self.at:self.at + min(self.n, len(b))]
        b[:len(chunk)] = chunk
        self.at += len(chunk)
        return len(chunk)


if __name__ == '__main__':
    unittest.main()
