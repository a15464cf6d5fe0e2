"""Several Python threads using distinct portfolios at once, and one portfolio
shared by several threads (the binding serialises the calls on it)."""

import threading
import time
import unittest
from decimal import Decimal

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
                figures.append((p.code, i.name, fy, i.achievement(fy), tuple(sorted(i.figures(fy).items()))))
    diags = [(d.code, d.path, d.line, d.column, d.message) for d in pf.validate()]
    return figures, diags


def run_threads(target, args_of, threads=THREADS):
    errors = []
    results = {}

    def wrap(n):
        try:
            results[n] = target(*args_of(n))
        except BaseException as e:  # reported by the main thread
            errors.append((n, e))

    pool = [threading.Thread(target=wrap, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
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


class SharedPortfolio(unittest.TestCase):
    """Threads editing, reading and validating ONE portfolio at once, with no
    lock of their own: every call must work (or raise StateError for an
    object another thread removed), never crash, and the portfolio must end
    exactly as the threads left it."""

    SECONDS = 3.0
    WORKERS = 6

    def test_edit_and_validate_one_portfolio(self):
        pf = hyoka.Portfolio()
        pf.set_municipality('所沢市', '112089')
        pf.set_denominator(2007, population=339300)
        kept = {}           # thread -> {code: settlement} of the projects it keeps
        seen_removed = []   # StateError from objects another thread removed
        deadline = time.monotonic() + self.SECONDS

        def work(n):
            mine = {}
            k = 0
            while time.monotonic() < deadline:
                k += 1
                code = 'T%d-%d' % (n, k)
                p = pf.add_project(code=code, name='事業 %d' % k)
                y = p.add_year(2007, phase='settled', settlement=1000 * k, usage=k)
                y.add_staff('regular', fte=Decimal('0.5'), unit_cost=8400000)
                ind = p.add_indicator('outcome', name='率', unit='%', direction='increase')
                ind.set_value(2007, target=10, actual=k % 11)
                mine[code] = 1000 * k
                # read everybody's projects while others add and remove theirs
                for other in pf.projects:
                    try:
                        for oy in other.years:
                            oy.figure('total_cost')
                            oy.figure('per_capita')
                        other.code
                    except hyoka.StateError:
                        seen_removed.append(n)
                pf.validate()
                if k % 3 == 0:
                    pf.metrics(lazy=False)
                if k % 2 == 0:  # remove one of this thread's own projects again
                    gone = 'T%d-%d' % (n, k - 1)
                    pf.remove_project(pf.find_project(gone))
                    del mine[gone]
            kept[n] = mine
            return k

        results, errors = run_threads(work, lambda n: (n,), threads=self.WORKERS)
        self.assertEqual(errors, [])
        self.assertEqual(len(results), self.WORKERS)
        expected = {code: s for mine in kept.values() for code, s in mine.items()}
        got = {p.code: p.years[0].settlement for p in pf.projects}
        self.assertEqual(got, expected)
        self.assertEqual(len(pf.projects), len(expected))
        self.assertEqual([d for d in pf.validate() if d.severity == 'error'], [])
        copy = hyoka.Portfolio.loads(pf.dump())
        self.assertTrue(copy == pf)


if __name__ == '__main__':
    unittest.main()
