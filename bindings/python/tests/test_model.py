"""Building a portfolio from scratch; every property reads back what was set."""

import unittest
from decimal import Decimal

import hyoka

from . import support


class PortfolioProperties(unittest.TestCase):
    def setUp(self):
        self.pf = hyoka.Portfolio()

    def tearDown(self):
        self.pf.close()

    def test_empty(self):
        pf = self.pf
        self.assertEqual(len(pf.projects), 0)
        self.assertEqual(list(pf), [])
        self.assertIsNone(pf.municipality_name)
        self.assertIsNone(pf.municipality_code)
        self.assertEqual(pf.amount_unit, 'yen')
        self.assertEqual(pf.stated_tolerance, 0)
        self.assertEqual(pf.denominators, {})
        self.assertFalse(pf.closed)

    def test_municipality(self):
        pf = self.pf
        pf.set_municipality('所沢市', '112089')
        self.assertEqual((pf.municipality_name, pf.municipality_code), ('所沢市', '112089'))
        pf.municipality_name = '真岡市'
        self.assertEqual((pf.municipality_name, pf.municipality_code), ('真岡市', '112089'))
        pf.municipality_code = None
        self.assertIsNone(pf.municipality_code)
        with self.assertRaises(hyoka.InvalidArgument):
            pf.municipality_code = '112088'
        self.assertIsNone(pf.municipality_code)

    def test_settings(self):
        pf = self.pf
        pf.amount_unit = 'thousand_yen'
        self.assertEqual(pf.amount_unit, 'thousand_yen')
        pf.stated_tolerance = 2
        self.assertEqual(pf.stated_tolerance, 2)
        self.assertEqual(pf.achievement_rule, 'by_direction')
        ind = pf.add_project(code='r').add_indicator('activity', name='n')
        ind.set_value(2020, target=12, actual=35)
        self.assertEqual(ind.achievement(2020).reason, 'no_direction')
        pf.achievement_rule = 'ratio'
        self.assertEqual(pf.achievement_rule, 'ratio')
        self.assertEqual(str(ind.achievement(2020).value), '291.7')
        with self.assertRaises(hyoka.InvalidArgument):
            pf.achievement_rule = 'sideways'
        self.assertEqual(pf.achievement_rule, 'ratio')
        r = pf.rounding('per_capita')
        self.assertEqual(r, hyoka.Rounding(1, 'half_up', 'yen', False))
        pf.set_rounding('per_capita', 2, 'down', 'thousand_yen')
        self.assertEqual(pf.rounding('per_capita'), hyoka.Rounding(2, 'down', 'thousand_yen', True))
        pf.clear_rounding('per_capita')
        self.assertFalse(pf.rounding('per_capita').overridden)

    def test_denominators(self):
        pf = self.pf
        pf.set_denominator(2007, population=339300, households=145000)
        pf.set_denominator('平成20年度', population=340000)
        self.assertEqual(pf.denominator(2007), hyoka.Denominator(339300, 145000))
        self.assertEqual(pf.denominator(2008), hyoka.Denominator(340000, None))
        self.assertEqual(list(pf.denominators), [2007, 2008])
        pf.set_denominator(2007, households=None)
        self.assertEqual(pf.denominator(2007), hyoka.Denominator(339300, None))
        self.assertEqual(pf.denominator(1999), hyoka.Denominator(None, None))


class ProjectProperties(unittest.TestCase):
    TEXTS = ('code', 'name', 'department', 'section', 'group', 'head', 'contact', 'phone',
             'legal_basis', 'purpose', 'target', 'intent', 'result', 'summary', 'background',
             'environment', 'opinions', 'activities_done', 'activities_planned', 'ministry', 'bureau',
             'office', 'team', 'jurisdiction', 'ministry_order', 'preparer', 'issues', 'overview_url', 'notes',
             'other_notes', 'sheet_type', 'category', 'major_expense', 'old_code', 'display_order')

    def test_every_text(self):
        p = hyoka.Project()
        for i, name in enumerate(self.TEXTS):
            with self.subTest(name=name):
                self.assertIsNone(getattr(p, name))
                value = '%s テキスト %d' % (name, i)
                setattr(p, name, value)
                self.assertEqual(getattr(p, name), value)
        self.assertEqual(len(p.texts), len(self.TEXTS))
        self.assertEqual(p.texts['purpose'], 'purpose テキスト 9')
        p.purpose = None
        self.assertIsNone(p.purpose)
        self.assertNotIn('purpose', p.texts)

    def test_texts_cover_the_library_enumeration(self):
        fields = [n.rpartition('.')[2] for n in hyoka.names('project_text')]
        self.assertEqual(sorted(fields), sorted(self.TEXTS))

    def test_enums_and_years(self):
        p = hyoka.Project(code='1', name='x', duty='statutory_entrusted', period='fixed_term')
        self.assertEqual(p.duty, 'statutory_entrusted')
        self.assertEqual(p.period, 'fixed_term')
        p.duty = None
        self.assertIsNone(p.duty)
        self.assertIsNone(p.start_fiscal_year)
        p.start_fiscal_year = 2003
        p.end_fiscal_year = '令和2年度'
        self.assertEqual((p.start_fiscal_year, p.end_fiscal_year), (2003, 2020))
        p.end_fiscal_year = None
        self.assertIsNone(p.end_fiscal_year)
        with self.assertRaises(TypeError):
            hyoka.Project(colour='red')

    def test_classes(self):
        p = hyoka.Project()
        p.add_policy('政策', '8', '計画の推進に向け')
        p.add_policy('施策', '1', None)
        self.assertEqual(p.policy, [hyoka.ClassLevel('政策', '8', '計画の推進に向け'),
                                    hyoka.ClassLevel('施策', '1', None)])
        p.account = [('会計', None, '一般会計'), {'level': '款', 'code': '2', 'name': '総務費'}]
        self.assertEqual(p.account[1], hyoka.ClassLevel('款', '2', '総務費'))
        p.policy = []
        self.assertEqual(p.policy, [])

    def test_extensions(self):
        p = hyoka.Project()
        p.set_extension('b', '2')
        p.set_extension('a', '1')
        self.assertEqual(list(p.extensions.items()), [('b', '2'), ('a', '1')])
        self.assertEqual(p.extension('a'), '1')
        p.set_extension('b', None)
        self.assertIsNone(p.extension('b'))
        p.extensions = {'x': 'ｘ', 'y': ''}
        self.assertEqual(p.extensions, {'x': 'ｘ', 'y': ''})

    def test_children(self):
        parent = hyoka.Project(code='1379')
        child = parent.add_child(code='01', name='細事業')
        self.assertIs(child.parent, parent)
        self.assertEqual([c.code for c in parent.children], ['01'])
        standalone = hyoka.Project(code='02')
        parent.add_child(standalone)
        self.assertFalse(standalone.owned)
        self.assertIs(parent.children[1], standalone)
        parent.remove_child(0)
        self.assertFalse(child.alive)
        self.assertEqual(len(parent.children), 1)

    def test_copy_and_equal(self):
        p = hyoka.Project(code='1', name='x')
        p.add_year(2007, settlement=5)
        q = p.copy()
        self.assertTrue(q.owned)
        self.assertEqual(p, q)
        q.name = 'y'
        self.assertNotEqual(p, q)


class YearProperties(unittest.TestCase):
    FIELDS = ('initial_budget', 'final_budget', 'settlement', 'national', 'prefectural', 'bonds',
              'user_charges', 'other', 'general', 'debt_service', 'indirect_costs', 'usage',
              'beneficiaries', 'population', 'households')

    def test_every_amount(self):
        y = hyoka.Project().add_year(2007)
        self.assertEqual(y.fiscal_year, 2007)
        self.assertIsNone(y.phase)
        for i, name in enumerate(self.FIELDS):
            with self.subTest(name=name):
                self.assertIsNone(getattr(y, name))
                setattr(y, name, 1000 + i)
                self.assertEqual(getattr(y, name), 1000 + i)
                self.assertIs(type(getattr(y, name)), int)
                setattr(y, name, 0)
                self.assertEqual(getattr(y, name), 0)  # 0 is not missing
        y.settlement = None
        self.assertIsNone(y.settlement)
        self.assertEqual(sorted(self.FIELDS), sorted(hyoka.names('cost_field')))

    def test_phase_year_funding(self):
        p = hyoka.Project()
        y = p.add_year('H19', phase='budget', final_budget=10)
        self.assertEqual((y.fiscal_year, y.phase, y.final_budget), (2007, 'budget', 10))
        y.phase = 'settled'
        y.fiscal_year = 2008
        self.assertEqual((y.fiscal_year, y.phase), (2008, 'settled'))
        y.funding = {'national': 5, 'general': 3}
        self.assertEqual(y.funding, {'national': 5, 'prefectural': None, 'bonds': None,
                                     'user_charges': None, 'other': None, 'general': 3})
        self.assertIs(p.year(2008), y)
        self.assertIsNone(p.year(2007))
        self.assertIs(y.project, p)

    def test_staff(self):
        y = hyoka.Project().add_year(2016, phase='settled', settlement=223000)
        s = y.add_staff('regular', fte='0.30', unit_cost=8400000)
        s2 = y.add_staff('part_time', hours=Decimal('220'), hourly_rate=1050, headcount=4)
        self.assertEqual([x.category for x in y.staff], ['regular', 'part_time'])
        self.assertEqual(s.fte, Decimal('0.30'))
        self.assertEqual(str(s.fte), '0.30')  # places kept
        self.assertEqual(s.unit_cost, 8400000)
        self.assertIsNone(s.hours)
        self.assertEqual(s2.hours, Decimal('220'))
        self.assertEqual(s2.headcount, Decimal('4'))
        self.assertEqual(s.cost(), hyoka.Figure(2520000, None))
        self.assertEqual(s2.cost(), hyoka.Figure(231000, None))
        s.amount = 2520000
        self.assertEqual(s.amount, 2520000)
        s.category = 'reappointed'
        self.assertEqual(s.category, 'reappointed')
        y.remove_staff(s2)
        self.assertFalse(s2.alive)
        self.assertEqual(len(y.staff), 1)
        with self.assertRaises(TypeError):
            s.fte = 0.3  # floats are refused
        self.assertEqual(y.figure('personnel'), hyoka.Figure(2520000, None))

    def test_stated(self):
        y = hyoka.Project().add_year(2007)
        y.set_stated('unit_cost', '15775.5')
        y.set_stated('total_cost', Decimal('16627'), 'thousand_yen')
        self.assertEqual(y.stated['unit_cost'], hyoka.Stated(Decimal('15775.5'), 'yen'))
        self.assertEqual(y.stated['total_cost'], hyoka.Stated(Decimal('16627'), 'thousand_yen'))
        y.clear_stated('unit_cost')
        self.assertNotIn('unit_cost', y.stated)


class IndicatorProperties(unittest.TestCase):
    def test_everything(self):
        p = hyoka.Project()
        ind = p.add_indicator('outcome', name='受講率', unit='%', direction='increase',
                              definition='受講者 ÷ 対象者')
        self.assertEqual((ind.kind, ind.name, ind.unit, ind.direction, ind.definition),
                         ('outcome', '受講率', '%', 'increase', '受講者 ÷ 対象者'))
        self.assertFalse(ind.not_settable)
        ind.not_settable = True
        ind.not_settable_reason = '設定困難'
        self.assertTrue(ind.not_settable)
        self.assertEqual(ind.not_settable_reason, '設定困難')
        ind.not_settable = False
        ind.long_term_note = '未定'
        self.assertEqual(ind.long_term_note, '未定')
        self.assertIsNone(ind.long_term)
        ind.long_term = (Decimal('80'), 2010)
        self.assertEqual(ind.long_term, hyoka.LongTerm(Decimal('80'), 2010))
        ind.long_term = 90
        self.assertEqual(ind.long_term, hyoka.LongTerm(Decimal('90'), None))
        ind.long_term = None
        self.assertIsNone(ind.long_term)
        ind.set_value(2006, target=10, actual=9, stated_achievement='90.0')
        ind.set_value(2007, target='60', actual=Decimal('59'))
        ind.set_value(2008, forecast=400)
        self.assertEqual(ind.years, [2006, 2007, 2008])
        self.assertEqual(ind.values[2006], hyoka.IndicatorValue(Decimal('10'), Decimal('9'), None,
                                                                Decimal('90.0')))
        self.assertEqual(ind.value(2008).forecast, Decimal('400'))
        ind.set_value(2007, actual=None)
        self.assertIsNone(ind.value(2007).actual)
        self.assertEqual(ind.value(2007).target, Decimal('60'))
        ind.remove_year(2008)
        self.assertEqual(ind.years, [2006, 2007])
        ind.kind = 'activity'
        ind.direction = None
        self.assertEqual((ind.kind, ind.direction), ('activity', None))
        self.assertIs(ind.project, p)
        self.assertEqual([i.name for i in p.indicators], ['受講率'])
        p.remove_indicator(0)
        self.assertFalse(ind.alive)
        with self.assertRaises(hyoka.StateError):
            ind.name


class EvaluationProperties(unittest.TestCase):
    def test_everything(self):
        p = hyoka.Project()
        ev = p.add_evaluation('primary', fiscal_year=2008, date='平成20年5月15日', evaluator='課長',
                              scheme='jp-standard', verdict='improve', budget='status_quo')
        self.assertEqual((ev.stage, ev.fiscal_year, ev.date, ev.evaluator, ev.scheme, ev.verdict,
                          ev.budget), ('primary', 2008, '2008-05-15', '課長', 'jp-standard', 'improve',
                                       'status_quo'))
        import datetime
        ev.date = datetime.date(2008, 6, 1)
        self.assertEqual(ev.date, '2008-06-01')
        ev.date = '2008-12'
        self.assertEqual(ev.date, '2008-12')
        ev.date = None
        self.assertIsNone(ev.date)
        ev.expected_outcome = 'up'
        ev.expected_cost = 'down'
        self.assertEqual((ev.expected_outcome, ev.expected_cost), ('up', 'down'))
        ev.expected_outcome = None
        self.assertEqual((ev.expected_outcome, ev.expected_cost), (None, 'down'))
        ev.set_answer('relevance', 'A')
        ev.set_answer('effectiveness', 'B')
        self.assertEqual(ev.answers, {'relevance': 'A', 'effectiveness': 'B'})
        ev.answers = {'efficiency': 'C'}
        self.assertEqual(ev.answers, {'efficiency': 'C'})
        ev.set_comment('reason', '概ね順調')
        self.assertEqual(ev.comments, {'reason': '概ね順調'})
        ev.comments = {}
        self.assertEqual(ev.comments, {})
        ev.add_goal('研修を終える', '全員受講', '2008-12')
        ev.add_goal('手順の定着', None, None)
        self.assertEqual(ev.goals, [hyoka.Goal('研修を終える', '全員受講', '2008-12'),
                                    hyoka.Goal('手順の定着', None, None)])
        ev.remove_goal(0)
        self.assertEqual(len(ev.goals), 1)
        ev.stage = 'secondary'
        ev.verdict = None
        self.assertEqual((ev.stage, ev.verdict), ('secondary', None))
        self.assertIs(ev.project, p)


class SchemeProperties(unittest.TestCase):
    def test_builtins(self):
        ids = [s.id for s in hyoka.Scheme.builtins()]
        self.assertIn('jp-standard', ids)
        self.assertIn('us-omb-part', ids)
        jp = hyoka.Scheme.builtin('jp-standard')
        self.assertTrue(jp.is_builtin)
        self.assertIn('improve', [v.code for v in jp.verdicts])
        self.assertIsNone(hyoka.Scheme.builtin('nope'))
        omb = hyoka.Scheme.builtin('us-omb-part')
        self.assertEqual(len(omb.criteria), 4)
        self.assertIsNotNone(omb.missing_rating)
        mine = jp.copy()
        self.assertFalse(mine.is_builtin)
        self.assertEqual(mine, jp)
        mine.name = 'ours'
        self.assertEqual(mine.name, 'ours')

    def test_custom(self):
        s = hyoka.Scheme('city-3point', name='3段階評点')
        i = s.add_criterion('relevance', '妥当性', weight=2,
                            options=[('3', '妥当', 3), ('2', 'おおむね', 2), ('1', '不十分', 1)])
        s.add_criterion('score', '点数', range=(0, 100), required=True)
        s.add_verdict('maintain', '現状継続')
        s.add_verdict('end', '終了', group='end')
        s.add_budget_direction('status_quo', '現状どおり')
        s.add_band(Decimal('2.5'), 'A', '良好')
        s.add_band(0, 'B')
        s.set_missing_rating('RND', '不明')
        c = s.criteria
        self.assertEqual(i, 0)
        self.assertEqual(c[0].code, 'relevance')
        self.assertEqual(c[0].weight, Decimal('2'))
        self.assertEqual(c[0].options[0], hyoka.Option('3', '妥当', Decimal('3')))
        self.assertEqual(c[1].range, (Decimal('0'), Decimal('100')))
        self.assertTrue(c[1].required)
        self.assertEqual(s.verdicts[1], hyoka.Verdict('end', '終了', 'end'))
        self.assertEqual(s.budget_directions, [hyoka.BudgetDirection('status_quo', '現状どおり', 'same')])
        self.assertEqual([b.code for b in s.bands], ['A', 'B'])
        self.assertEqual(s.missing_rating, ('RND', '不明'))
        pf = hyoka.Portfolio()
        pf.add_scheme(s)
        self.assertIs(pf.find_scheme('city-3point'), s)
        self.assertIs(pf.schemes[0], s)
        self.assertTrue(pf.find_scheme('jp-standard').is_builtin)
        self.assertIsNone(pf.find_scheme('nope'))
        pf.remove_scheme(0)
        self.assertFalse(s.alive)


class Seed001FromScratch(unittest.TestCase):
    def test_build(self):
        with support.seed001() as pf:
            p = pf.projects[0]
            self.assertEqual((p.code, p.name), ('010802', '情報セキュリティ対策推進事業'))
            self.assertEqual([y.fiscal_year for y in p.years], [2006, 2007])
            self.assertEqual(p.years[1].settlement, 0)
            self.assertEqual(p.years[1].staff[0].fte, Decimal('1.77'))
            self.assertIs(p.portfolio, pf)
            self.assertIsNone(p.parent)
            self.assertIs(pf.find_project('010802'), p)
            self.assertIsNone(pf.find_project('nope'))


if __name__ == '__main__':
    unittest.main()
