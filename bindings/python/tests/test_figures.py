"""Figures against the seed values: int yen, decimal.Decimal, None with a reason."""

import unittest
from decimal import Decimal

import hyoka

from . import support


class Seed001Figures(unittest.TestCase):
    """Seed 001 (所沢市 010802), 平成19年度: 16,627,000 yen; 49.0 per capita with a
    population of 339,300; unit cost 15,775.1 with a usage of 1,054."""

    def setUp(self):
        self.pf = support.seed001()
        self.p = self.pf.projects[0]
        self.y7 = self.p.year(2007)

    def tearDown(self):
        self.pf.close()

    def test_total_cost(self):
        f = self.y7.figure('total_cost')
        self.assertEqual(f, hyoka.Figure(16627000, None))
        self.assertIs(type(f.value), int)
        self.assertTrue(f.available)

    def test_per_capita(self):
        f = self.y7.figure('per_capita')
        self.assertEqual(f, hyoka.Figure(Decimal('49.0'), None))
        self.assertEqual(str(f.value), '49.0')  # places kept
        self.assertIsInstance(f.value, Decimal)

    def test_unit_cost(self):
        self.assertEqual(self.y7.figure('unit_cost'), hyoka.Figure(Decimal('15775.1'), None))
        self.assertEqual(self.p.year(2006).figure('unit_cost').value, Decimal('73710.8'))
        self.assertEqual(self.p.year(2006).figure('per_capita').value, Decimal('36.2'))

    def test_unavailable_with_reason(self):
        f = self.y7.figure('per_household')
        self.assertEqual(f, hyoka.Figure(None, 'no_households'))
        self.assertFalse(f.available)
        self.assertTrue(f.message('en'))
        self.assertTrue(f.message('ja'))
        self.assertEqual(self.p.year(2006).figure('total_cost_change').reason, 'no_previous_year')

    def test_population_missing(self):
        self.pf.set_denominator(2007, population=None)
        self.assertEqual(self.y7.figure('per_capita'), hyoka.Figure(None, 'no_population'))
        self.y7.population = 339300  # the year's own population overrides
        self.assertEqual(self.y7.figure('per_capita').value, Decimal('49.0'))

    def test_every_figure(self):
        figs = self.y7.figures()
        names = [n for n in hyoka.FIGURES if n not in ('achievement', 'change', 'score', 'unspent',
                                                       'appropriation_rate', 'account_share',
                                                       'single_bidder_share', 'noncompetitive_share')]
        self.assertEqual(list(figs), names)
        self.assertEqual(figs['expense'], hyoka.Figure(0, None))
        self.assertEqual(figs['personnel'], hyoka.Figure(16627000, None))
        self.assertEqual(figs['general_revenue'], hyoka.Figure(16627000, None))
        self.assertEqual(figs['personnel_share'].value, Decimal('100.0'))
        self.assertEqual(figs['total_cost_change'].value, Decimal('35.9'))
        for name, f in figs.items():
            with self.subTest(name=name):
                self.assertIsInstance(f, hyoka.Figure)
                self.assertTrue((f.value is None) != (f.reason is None))
                if f.value is not None:
                    self.assertIsInstance(f.value, int if name in (
                        'expense', 'personnel', 'debt_service', 'indirect_costs', 'total_cost',
                        'general_revenue', 'specific_revenue') else Decimal)

    def test_rounding_override(self):
        self.pf.set_rounding('per_capita', 0, 'half_up')
        self.assertEqual(self.y7.figure('per_capita').value, Decimal('49'))
        self.pf.set_rounding('per_capita', 2, 'down', 'thousand_yen')
        self.assertEqual(self.y7.figure('per_capita').value, Decimal('0.04'))

    def test_thousand_yen_amounts(self):
        self.assertEqual(hyoka.yen_from_thousands('16627'), 16627000)

    def test_achievement(self):
        ind = self.p.indicators[0]
        self.assertEqual(ind.achievement(2006), hyoka.Figure(Decimal('90.0'), None))
        self.assertEqual(ind.achievement(2007), hyoka.Figure(Decimal('98.3'), None))
        self.assertEqual(ind.achievement(2008), hyoka.Figure(None, 'no_actual'))
        self.assertEqual(ind.change(2007).value, Decimal('555.6'))
        self.assertEqual(ind.figure(2007, 'achievement').value, Decimal('98.3'))

    def test_achievement_rules(self):
        ind = self.p.add_indicator('outcome', name='件数', unit='件', direction='decrease')
        ind.set_value(2007, target=20, actual=Decimal('21.3'))
        self.assertEqual(ind.achievement(2007).value, Decimal('93.9'))
        ind.set_value(2007, target=0)
        self.assertEqual(ind.achievement(2007).reason, 'target_zero')
        ind.direction = None
        ind.set_value(2007, target=20)
        self.assertEqual(ind.achievement(2007).reason, 'no_direction')
        ind.direction = 'maintain'
        ind.set_value(2007, actual=20)
        self.assertEqual(ind.achievement(2007).value, Decimal('100.0'))
        ind.not_settable = True
        self.assertEqual(ind.achievement(2007).reason, 'not_settable')


class EvaluationFigures(unittest.TestCase):
    def test_jp_standard(self):
        p = hyoka.Project()
        ev = p.add_evaluation('self', fiscal_year=2012, scheme='jp-standard')
        self.assertEqual(ev.score(), hyoka.Figure(None, 'no_scores'))
        self.assertEqual(ev.rating().reason, 'no_scores')
        ev.answers = {'relevance': 'A', 'efficiency': 'A', 'effectiveness': 'B', 'contribution': 'A'}
        self.assertEqual(ev.score(), hyoka.Figure(Decimal('2.8'), None))
        self.assertEqual(ev.rating(), hyoka.Rating('A', '良好', None))

    def test_us_omb_part(self):
        pf = hyoka.Portfolio()
        p = pf.add_project(code='0121')
        ev = p.add_evaluation('external', fiscal_year=2024, scheme='us-omb-part')
        ev.answers = {'purpose': 80, 'planning': 70, 'management': 75}
        self.assertEqual(ev.rating().code, 'results_not_demonstrated')
        ev.set_answer('results', Decimal('60'))
        self.assertEqual(ev.score().value, Decimal('68.0'))
        self.assertEqual(ev.rating(), hyoka.Rating('adequate', 'Adequate', None))
        pf.close()

    def test_unknown_scheme(self):
        ev = hyoka.Project().add_evaluation('self', scheme='city-unknown')
        ev.set_answer('x', '1')
        self.assertEqual(ev.score().reason, 'no_scheme')

    def test_custom_scheme(self):
        pf = hyoka.Portfolio()
        s = hyoka.Scheme('sakura-3point')
        for code, w in (('relevance', 2), ('effectiveness', 1), ('efficiency', 1)):
            s.add_criterion(code, weight=w, options=[('3', None, 3), ('2', None, 2), ('1', None, 1)])
        s.add_verdict('maintain')
        s.add_band(Decimal('2.5'), 'A')
        s.add_band(0, 'B')
        pf.add_scheme(s)
        ev = pf.add_project(code='0230').add_evaluation('primary', scheme='sakura-3point')
        ev.answers = {'relevance': '3', 'effectiveness': '2', 'efficiency': '3'}
        self.assertEqual(ev.score().value, Decimal('2.8'))
        self.assertEqual(ev.rating().code, 'A')
        pf.close()


class PortfolioFigures(unittest.TestCase):
    def make(self):
        pf = hyoka.Portfolio()
        for code, dept, amounts in (('A', '総務部', (100, 200)), ('B', '市民部', (300, None)),
                                    ('C', '総務部', (50, 400))):
            p = pf.add_project(code=code, name=code, department=dept)
            p.add_policy('政策', code.lower(), None)
            for fy, amount in zip((2022, 2023), amounts):
                if amount is not None:
                    p.add_year(fy, phase='settled', settlement=amount * 1000)
        return pf

    def test_rollup(self):
        with self.make() as pf:
            rows = pf.rollup('department')
            self.assertEqual([r.key for r in rows], sorted(['総務部', '市民部']))
            by = {r.key: r for r in rows}
            self.assertEqual(by['総務部'].projects, 2)
            self.assertEqual(by['総務部'].totals['total_cost'], 750000)
            self.assertIs(type(by['総務部'].totals['expense']), int)
            years = pf.rollup('fiscal_year')
            self.assertEqual([(r.key, r.totals['expense']) for r in years],
                             [('2022', 450000), ('2023', 600000)])
            one = pf.rollup('department', fiscal_year=2023)
            self.assertEqual({r.key: r.totals['expense'] for r in one}, {'総務部': 600000})
            self.assertEqual(len(pf.rollup('policy', depth=1)), 3)
            self.assertEqual(pf.rollup('verdict')[0].key, '')
            with self.assertRaises(hyoka.InvalidArgument):
                pf.rollup('colour')

    def test_ranking(self):
        with self.make() as pf:
            r = pf.ranking('total_cost', 2023)
            self.assertEqual([(x.project.code, x.value, x.reason) for x in r],
                             [('C', 400000, None), ('A', 200000, None), ('B', None, 'no_year')])
            self.assertIs(r[0].project, pf.projects[2])
            r = pf.ranking('total_cost', 2023, descending=False)
            self.assertEqual([x.project.code for x in r], ['A', 'C', 'B'])


if __name__ == '__main__':
    unittest.main()


def _one_by_one(call, names):
    """{name: Figure} by the one-figure call, or the exception it raises."""
    out = {}
    for name in names:
        try:
            out[name] = call(name)
        except hyoka.Error as e:
            out[name] = type(e)
    return out


def _bulk(call):
    try:
        return call()
    except hyoka.Error as e:
        return type(e)


@support.requires_reader
class BulkFigures(unittest.TestCase):
    """figures() comes from one bulk call of the library (hyoka_costs_figures(),
    hyoka_indicator_figures()) and equals figure() for every name."""

    def check_project(self, p):
        for y in p.years:
            one = _one_by_one(y.figure, hyoka_year_names())
            bulk = _bulk(y.figures)
            if isinstance(bulk, dict):
                self.assertEqual(bulk, one)
            else:  # a figure overflows: both raise
                self.assertIn(bulk, one.values())
            if isinstance(bulk, dict):  # figure_values(): the values alone, None where unavailable
                self.assertEqual(y.figure_values(), {k: f.value for k, f in bulk.items()})
                self.assertEqual([type(v) for v in y.figure_values().values()],
                                 [type(f.value) for f in bulk.values()])
            else:
                self.assertRaises(bulk, y.figure_values)
        for ind in p.indicators:
            for fy in ind.years + [1900]:
                one = _one_by_one(lambda name: ind.figure(fy, name), ('achievement', 'change'))
                self.assertEqual(ind.figures(fy), one)
                self.assertEqual(ind.figure_values(fy), {k: f.value for k, f in one.items()})
        for child in p.children:
            self.check_project(child)

    def test_every_sheet(self):
        for name in support.sheet_names():
            with self.subTest(sheet=name):
                pf = hyoka.Portfolio.load(support.sheet(name))
                try:
                    for p in pf.projects:
                        self.check_project(p)
                finally:
                    pf.close()

    def test_overflow_raises_like_figure(self):
        pf = hyoka.Portfolio()
        p = pf.add_project(code='1')
        y = p.add_year(2020)
        y.settlement = 2 ** 63 - 5
        y.debt_service = 10
        with self.assertRaises(hyoka.RangeError):
            y.figure('total_cost')
        with self.assertRaises(hyoka.RangeError):
            y.figures()
        y.debt_service = None
        self.assertEqual(y.figures()['total_cost'], hyoka.Figure(2 ** 63 - 5, None))
        self.assertEqual(y.figures()['per_capita'], hyoka.Figure(None, 'no_population'))
        self.assertEqual(y.figure_values()['total_cost'], 2 ** 63 - 5)
        self.assertIsNone(y.figure_values()['per_capita'])
        y.debt_service = 10
        with self.assertRaises(hyoka.RangeError):
            y.figure_values()
        pf.close()


def hyoka_year_names():
    return [n for n in hyoka.FIGURES if n not in ('achievement', 'change', 'score', 'unspent', 'appropriation_rate',
                                                 'account_share', 'single_bidder_share', 'noncompetitive_share')]
