"""Records (budgets, blocks, recipients, contracts...), project flags and the
indicator's logic-model properties, on numbers of the national review
sheets' open data (review year 2024)."""

import unittest
from decimal import Decimal

import hyoka


class Records(unittest.TestCase):
    def setUp(self):
        self.pf = hyoka.Portfolio()
        self.p = self.pf.add_project(code='884', name='法教育の推進')

    def tearDown(self):
        self.pf.close()

    def test_budget_fields_and_figures(self):
        b = self.p.add_record('budgets', budget_year=2023, appropriation=40217000, execution=28433000,
                              carried_out=8260000, stated_execution_rate='0.70699')
        self.assertEqual(b.kind, 'budgets')
        self.assertEqual(b['appropriation'], 40217000)
        self.assertEqual(b['stated_execution_rate'], Decimal('0.70699'))
        self.assertEqual(b.fields['budget_year'], 2023)
        self.assertNotIn('initial', b.fields)            # missing is absent, not 0
        self.assertIsNone(b.get('initial'))
        self.assertEqual(b.figure('unspent'), hyoka.Figure(3524000, None))
        self.assertEqual(b.figure('appropriation_rate'), hyoka.Figure(Decimal('0.70699'), None))
        self.assertEqual(b.figure('account_share'), hyoka.Figure(None, 'not_a_figure'))
        self.assertEqual(list(self.p.records('budgets')), [b])
        self.assertIs(b.project, self.p)
        self.assertIsNone(b.parent)

    def test_missing_not_applicable_zero(self):
        b = self.p.add_record('budgets')
        b['reserve'] = 0
        b['supplementary'] = hyoka.NOT_APPLICABLE
        self.assertEqual(b['reserve'], 0)
        self.assertIs(b['supplementary'], hyoka.NOT_APPLICABLE)
        self.assertEqual(dict(b.fields), {'supplementary': hyoka.NOT_APPLICABLE, 'reserve': 0})
        del b['reserve']
        self.assertNotIn('reserve', b.fields)
        b['supplementary'] = None
        self.assertEqual(len(b.fields), 0)

    def test_types_and_refusals(self):
        blk = self.p.add_record('blocks', block='A', recipient_count=26, total=1437000)
        rec = blk.add_child('recipients', name='株式会社ＩＡＣＥトラベル', corporate_number='7010001128717',
                            other=False)
        c = rec.add_child('contracts', amount=141000, method='その他', bidders=0, winning_bid_ratio='95.70')
        self.assertIs(c.parent, rec)
        self.assertIs(c.project, self.p)
        self.assertIs(rec['other'], False)
        self.assertEqual(c['winning_bid_ratio'], Decimal('95.70'))
        self.assertEqual([r['name'] for r in blk.children('recipients')], ['株式会社ＩＡＣＥトラベル'])
        self.assertEqual(len(blk.children('expenses')), 0)
        with self.assertRaises(KeyError):
            c['appropriation'] = 1                      # not a field of contracts
        with self.assertRaises(KeyError):
            c.fields['nonsense']
        with self.assertRaises(hyoka.InvalidArgument):
            c['bidders'] = -1
        with self.assertRaises(TypeError):
            rec['other'] = 'yes'
        with self.assertRaises(hyoka.InvalidArgument):
            self.p.add_record('recipients')               # hangs under blocks
        with self.assertRaises(hyoka.InvalidArgument):
            rec.add_child('items')
        with self.assertRaises(KeyError):                 # a refused field leaves no record behind
            blk.add_child('recipients', appropriation=1)
        self.assertEqual(len(blk.children('recipients')), 1)

    def test_block_shares(self):
        # 11, block B: 1,841,580,000 of 2,105,314,000 with one bidder
        blk = self.p.add_record('blocks', block='B')
        r = blk.add_child('recipients', name='株式会社ＮＴＴデータ')
        r.add_child('contracts', amount=1841580000, method='一般競争契約（総合評価）', bidders=1)
        r.add_child('contracts', amount=263734000, method='国庫債務負担行為等', bidders=0)
        self.assertEqual(blk.figure('single_bidder_share'), hyoka.Figure(Decimal('87.5'), None))
        self.assertEqual(blk.figure('noncompetitive_share'), hyoka.Figure(Decimal('0.0'), None))
        self.assertEqual(self.p.add_record('blocks').figure('single_bidder_share'),
                         hyoka.Figure(None, 'no_contracts'))

    def test_remove_and_extensions(self):
        a = self.p.add_record('laws', number=1, name='デジタル庁設置法', law_id='503AC0000000036')
        b = self.p.add_record('laws', number=2)
        a.set_extension('列X', '値')
        self.assertEqual(a.extensions, {'列X': '値'})
        self.p.remove_record(a)
        self.assertFalse(a.alive)
        self.assertEqual(list(self.p.records('laws')), [b])
        with self.assertRaises(hyoka.StateError):
            a['number']

    def test_round_trip(self):
        self.p.add_record('reflections', account_type='一般会計', amount=-569000)
        self.p.set_flag('no_planned_end', True)
        self.p.set_flag('methods.direct', True)
        self.p.set_flag('start_unknown', False)
        self.p.ministry = '法務省'
        back = hyoka.Portfolio.loads(self.pf.dump())
        try:
            self.assertEqual(back, self.pf)
            p = back.projects[0]
            self.assertEqual(p.records('reflections')[0]['amount'], -569000)
            self.assertEqual(p.flags, {'start_unknown': False, 'no_planned_end': True, 'methods.direct': True})
            self.assertEqual(p.ministry, '法務省')
        finally:
            back.close()
        self.p.set_flag('start_unknown', None)
        self.assertNotIn('start_unknown', self.p.flags)

    def test_indicator_additions(self):
        ind = self.p.add_indicator('action', number=1, goal='法教育推進協議会の開催', term='short',
                                   measurement='qualitative', target_fiscal_year=2024)
        self.assertEqual((ind.kind, ind.number, ind.term, ind.measurement), ('action', 1, 'short', 'qualitative'))
        self.assertEqual(ind.target_fiscal_year, 2024)
        self.assertIsNone(ind.baseline)
        ind.baseline = ('2400', 2021)
        self.assertEqual(ind.baseline, hyoka.Baseline(Decimal('2400'), 2021))
        ind.number = None
        self.assertIsNone(ind.number)

    def test_achievement_with_rs_rounding(self):
        # 11's output 10 of 2023: 20 ÷ 21 printed 95.2381 (5 places)
        ind = self.p.add_indicator('activity', direction='increase')
        ind.set_value(2023, target=21, actual=20, stated_achievement='95.2381')
        self.assertEqual(ind.achievement(2023).value, Decimal('95.2'))
        self.pf.set_rounding('achievement', 5)
        self.assertEqual(ind.achievement(2023).value, Decimal('95.23810'))
        self.assertEqual(ind.achievement(2023).value, ind.value(2023).stated_achievement)


if __name__ == '__main__':
    unittest.main()
