"""Several Python threads using distinct portfolios at once."""

import threading
import unittest

import hyoka

from . import support

THREADS = 8
ROUNDS = 25


def summary(pf):
    """What a thread computes from one document: figures, diagnostics, canonical text."""
    figures = []
    for p in pf.projects:
        for y in p.years:
            figures.append((p.code, y.fiscal_year, tuple(sorted(y.figures().items()))))
        for i in p.indicators:
            for fy in i.years:
                figures.append((p.code, i.name, fy, i.achievement(fy)))
    diags = [(d.code, d.path, d.line, d.column, d.message) for d in pf.validate()]
    return figures, diags


def run_threads(target, args_of):
    errors = []
    results = {}

    def wrap(n):
        try:
            results[n] = target(*args_of(n))
        except BaseException as e:  # reported by the main thread
            errors.append((n, e))

    threads = [threading.Thread(target=wrap, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return results, errors


class Threads(unittest.TestCase):
    def test_build_from_scratch_in_threads(self):
        with support.seed001() as pf:
            expected = summary(pf)

        def work(n):
            for _ in range(ROUNDS):
                with support.seed001() as pf:
                    got = summary(pf)
                    if got != expected:
                        raise AssertionError('thread %d computed different figures' % n)
                    try:
                        hyoka.parse_decimal('x%d' % n)
                    except hyoka.HyokaSyntaxError as e:
                        if 'x%d' % n not in e.message:
                            raise AssertionError('another thread\'s message: %s' % e.message)
            return True

        results, errors = run_threads(work, lambda n: (n,))
        self.assertEqual(errors, [])
        self.assertEqual(len(results), THREADS)

    @support.requires_reader
    def test_load_different_documents(self):
        names = support.sheet_names()
        self.assertTrue(names)
        texts = {}
        expected = {}
        for name in names:
            with open(support.sheet(name), 'rb') as f:
                texts[name] = f.read()
            with hyoka.Portfolio.loads(texts[name]) as pf:
                expected[name] = (summary(pf), pf.dump())

        def work(n):
            for r in range(ROUNDS):
                name = names[(n + r) % len(names)]
                with hyoka.Portfolio.loads(texts[name]) as pf:
                    got = (summary(pf), pf.dump())
                if got != expected[name]:
                    raise AssertionError('thread %d: %s differs' % (n, name))
                try:
                    hyoka.Portfolio.loads(b'{"format": "hyoka/1", "projects": [{"n%d": 1}]}' % n)
                except hyoka.InvalidDocument as e:
                    if not e.diagnostics or e.diagnostics[0].code != 'S002':
                        raise AssertionError('wrong diagnostics in thread %d' % n)
            return True

        results, errors = run_threads(work, lambda n: (n,))
        self.assertEqual(errors, [])
        self.assertEqual(len(results), THREADS)

    @support.requires_reader
    def test_load_files_and_metrics(self):
        names = support.sheet_names()

        def work(n):
            out = []
            for r in range(ROUNDS):
                name = names[(n * 3 + r) % len(names)]
                with hyoka.Portfolio.load(support.sheet(name)) as pf:
                    m = pf.metrics()
                out.append((name, [p['code'] for p in m['projects']]))
            return out

        results, errors = run_threads(work, lambda n: (n,))
        self.assertEqual(errors, [])
        for n, out in results.items():
            for name, codes in out:
                with hyoka.Portfolio.load(support.sheet(name)) as pf:
                    self.assertEqual(codes, [p.code for p in pf.projects])


if __name__ == '__main__':
    unittest.main()
