"""Ownership: children keep parents alive, handles are freed exactly once,
context managers, transfers, removals, and no leak over 100,000 cycles."""

import gc
import time
import unittest
import weakref

import hyoka
from hyoka._core import lib

from . import support


class CountingFree:
    """Wrap a free function of the binding to count calls per handle."""

    def __init__(self, name):
        self.name = name
        self.calls = []

    def __enter__(self):
        self.real = getattr(lib, self.name)
        real = self.real
        calls = self.calls

        def counting(ptr):
            calls.append(ptr)
            return real(ptr)
        lib.__dict__[self.name] = counting
        return self

    def __exit__(self, *exc):
        lib.__dict__[self.name] = self.real


class ParentKeptAlive(unittest.TestCase):
    def test_child_outlives_dropped_portfolio(self):
        pf = support.seed001()
        year = pf.projects[0].year(2007)
        staff = year.staff[0]
        ind = pf.projects[0].indicators[0]
        ref = weakref.ref(pf)
        del pf
        gc.collect()
        self.assertIsNotNone(ref())          # kept alive by its children
        self.assertEqual(year.figure('per_capita').value, hyoka.parse_decimal('49.0'))
        self.assertEqual(staff.amount, 16627000)
        self.assertEqual(ind.achievement(2007).value, hyoka.parse_decimal('98.3'))
        self.assertEqual(year.project.portfolio.municipality_name, '所沢市')
        del year, staff, ind
        gc.collect()
        self.assertIsNone(ref())             # and freed once they are gone

    def test_child_of_standalone_project(self):
        p = hyoka.Project(code='1')
        y = p.add_year(2007, settlement=10)
        ref = weakref.ref(p)
        del p
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(y.settlement, 10)
        del y
        gc.collect()
        self.assertIsNone(ref())

    def test_same_wrapper_for_same_child(self):
        with support.seed001() as pf:
            self.assertIs(pf.projects[0], pf.projects[0])
            self.assertIs(pf.projects[0].years[1], pf.projects[0].year(2007))
            self.assertIs(pf.projects[-1], pf.find_project('010802'))

    def test_wrapper_table_forgets_collected_children(self):
        # one wrapper per child while it is alive; none kept once collected
        with hyoka.Portfolio() as pf:
            p = pf.add_project(code='1')
            for fy in range(2001, 2006):
                p.add_year(fy)
            years = list(p.years)
            self.assertIs(p.years[2], years[2])
            self.assertEqual(len(p._kids), 5)
            del years
            gc.collect()
            self.assertEqual(len(p._kids), 0)
            y = p.years[0]
            self.assertIs(p.year(2001), y)
            self.assertEqual(len(p._kids), 1)


class FreedOnce(unittest.TestCase):
    def test_portfolio_close_then_gc(self):
        with CountingFree('hyoka_portfolio_free') as c:
            pf = hyoka.Portfolio()
            ptr = pf._ptr
            pf.close()
            pf.close()
            del pf
            gc.collect()
        self.assertEqual(c.calls, [ptr])

    def test_portfolio_gc_only(self):
        with CountingFree('hyoka_portfolio_free') as c:
            pf = hyoka.Portfolio()
            ptr = pf._ptr
            del pf
            gc.collect()
        self.assertEqual(c.calls, [ptr])

    def test_context_manager(self):
        with CountingFree('hyoka_portfolio_free') as c:
            with hyoka.Portfolio() as pf:
                p = pf.add_project(code='1', name='x')
                self.assertFalse(pf.closed)
            self.assertTrue(pf.closed)
            self.assertEqual(len(c.calls), 1)
            with self.assertRaises(hyoka.StateError):
                len(pf.projects)
            with self.assertRaises(hyoka.StateError):
                pf.dump()
            with self.assertRaises(hyoka.StateError):
                p.name                    # a child of a closed portfolio
            self.assertFalse(p.alive)
            with self.assertRaises(hyoka.StateError):
                with pf:
                    pass
            del pf, p
            gc.collect()
        self.assertEqual(len(c.calls), 1)

    def test_close_on_exception(self):
        with CountingFree('hyoka_portfolio_free') as c:
            with self.assertRaises(KeyError):
                with hyoka.Portfolio():
                    raise KeyError('x')
        self.assertEqual(len(c.calls), 1)

    def test_standalone_project_freed_once(self):
        with CountingFree('hyoka_project_free') as c:
            p = hyoka.Project(code='1')
            ptr = p._ptr
            del p
            gc.collect()
        self.assertEqual(c.calls, [ptr])

    def test_transfer_to_portfolio(self):
        with CountingFree('hyoka_project_free') as cp, CountingFree('hyoka_portfolio_free') as cf:
            pf = hyoka.Portfolio()
            pfptr = pf._ptr
            p = hyoka.Project(code='1', name='standalone')
            self.assertTrue(p.owned)
            self.assertIs(pf.add_project(p), p)
            self.assertFalse(p.owned)
            self.assertIs(pf.projects[0], p)
            self.assertIs(p.portfolio, pf)
            with self.assertRaises(hyoka.StateError):
                pf.add_project(p)                    # already owned
            with self.assertRaises(hyoka.StateError):
                hyoka.Portfolio().add_project(p)
            del pf
            gc.collect()
            self.assertEqual(p.name, 'standalone')   # p keeps the portfolio alive
            del p
            gc.collect()
        self.assertEqual(cp.calls, [])               # never freed as a project
        self.assertEqual(cf.calls.count(pfptr), 1)   # freed with its portfolio

    def test_transfer_to_parent_project(self):
        with CountingFree('hyoka_project_free') as c:
            parent = hyoka.Project(code='1')
            child = hyoka.Project(code='1.1')
            parent.add_child(child)
            pptr = parent._ptr
            del parent
            gc.collect()
            self.assertEqual(child.code, '1.1')
            self.assertEqual(child.parent.code, '1')
            del child
            gc.collect()
        self.assertEqual(c.calls, [pptr])

    def test_transfer_scheme(self):
        with CountingFree('hyoka_scheme_free') as c:
            pf = hyoka.Portfolio()
            s = hyoka.Scheme('x')
            pf.add_scheme(s)
            with self.assertRaises(hyoka.StateError):
                pf.add_scheme(s)
            builtin = hyoka.Scheme.builtin('jp-standard')
            with self.assertRaises(hyoka.StateError):
                pf.add_scheme(builtin)
            del pf, s, builtin
            gc.collect()
            lone = hyoka.Scheme('y')
            ptr = lone._ptr
            del lone
            gc.collect()
        self.assertEqual(c.calls, [ptr])

    def test_removed_children_die(self):
        with support.seed001() as pf:
            p = pf.projects[0]
            y = p.year(2006)
            s = y.staff[0]
            p.remove_year(y)
            self.assertFalse(y.alive)
            self.assertFalse(s.alive)
            with self.assertRaises(hyoka.StateError):
                y.settlement
            with self.assertRaises(hyoka.StateError):
                s.fte
            self.assertEqual([x.fiscal_year for x in p.years], [2007])
            ev = p.evaluations[0]
            p.remove_evaluation(ev)
            with self.assertRaises(hyoka.StateError):
                ev.verdict
            pf.remove_project(p)
            with self.assertRaises(hyoka.StateError):
                p.code
            self.assertEqual(len(pf.projects), 0)
            with self.assertRaises(hyoka.NotFound):
                pf.remove_project(p)

    def test_copy_module_and_pickle(self):
        import copy
        import pickle
        with CountingFree('hyoka_portfolio_free') as c:
            pf = support.seed001()
            q = copy.copy(pf)
            r = copy.deepcopy(pf)
            self.assertIsNot(q._ptr, pf._ptr)
            self.assertEqual(q, pf)
            self.assertEqual(r, pf)
            p = copy.copy(pf.projects[0])
            self.assertTrue(p.owned)
            self.assertEqual(p, pf.projects[0])
            for borrowed in (pf.projects[0].years[0], pf.projects[0].indicators[0],
                             pf.projects[0].evaluations[0], pf.projects[0].years[0].staff[0]):
                with self.assertRaises(TypeError):
                    copy.copy(borrowed)
                with self.assertRaises(TypeError):
                    pickle.dumps(borrowed)
            if support.HAS_READER:
                again = pickle.loads(pickle.dumps(pf))
                self.assertEqual(again, pf)
                again.close()
            ptrs = {pf._ptr, q._ptr, r._ptr}
            del pf, q, r, p, borrowed
            gc.collect()
        self.assertTrue(ptrs <= set(c.calls))
        self.assertEqual(len(c.calls), len(set(c.calls)))  # each freed once

    def test_empty_portfolio_is_true(self):
        with hyoka.Portfolio() as pf:
            self.assertTrue(pf)
            self.assertEqual(list(pf), [])

    def test_copy_is_independent(self):
        pf = support.seed001()
        q = pf.copy()
        pf.close()
        self.assertEqual(q.projects[0].code, '010802')
        p2 = q.projects[0].copy()
        q.close()
        self.assertEqual(p2.year(2007).figure('total_cost').value, 16627000)


@support.requires_plain_allocator
class NoLeak(unittest.TestCase):
    CYCLES = 100_000
    WARMUP = 10_000

    def cycle(self, i):
        if i % 2:
            with hyoka.Portfolio() as pf:
                p = pf.add_project(code='P%d' % i, name='事業')
                y = p.add_year(2007, phase='settled', settlement=i)
                y.figure('total_cost')
        else:
            pf = hyoka.Portfolio()                    # freed by the garbage collector
            pf.add_project(hyoka.Project(code='P%d' % i, name='事業'))
            hyoka.Project(code='standalone')          # never added: freed by GC

    def test_rss_flat_over_100k_cycles(self):
        t0 = time.perf_counter()
        for i in range(self.WARMUP):
            self.cycle(i)
        gc.collect()
        before = support.rss_bytes()
        for i in range(self.CYCLES):
            self.cycle(i)
        gc.collect()
        after = support.rss_bytes()
        elapsed = time.perf_counter() - t0
        growth = after - before
        self.assertLess(growth, 4 << 20, 'RSS grew by %.1f MB over %d cycles'
                        % (growth / 1048576, self.CYCLES))
        if elapsed > 20:
            print('\nnote: %d cycles took %.1f s (machine under load?)' % (self.CYCLES, elapsed))

    @support.requires_reader
    def test_rss_flat_over_loads(self):
        text = ('{"format": "hyoka/1", "projects": [{"code": "1", "name": "x", "years": '
                '[{"fiscal_year": 2007, "phase": "settled", "settlement": 1000}]}]}')
        for _ in range(3000):
            hyoka.Portfolio.loads(text).close()
        gc.collect()
        before = support.rss_bytes()
        for i in range(20000):
            pf = hyoka.Portfolio.loads(text)
            if i % 2:
                pf.close()
            try:
                hyoka.Portfolio.loads('{"format": "hyoka/1", "projects": [{"bogus": 1}]}')
            except hyoka.InvalidDocument:
                pass
        gc.collect()
        growth = support.rss_bytes() - before
        self.assertLess(growth, 4 << 20, 'RSS grew by %.1f MB' % (growth / 1048576))


if __name__ == '__main__':
    unittest.main()
