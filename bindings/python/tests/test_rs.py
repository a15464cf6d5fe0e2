"""The RS tables of the national review sheets (rs.h): the real 2024 sample
(tests/data/rs-sample-2024; 出典: 行政事業レビュー見える化サイト, PDL 1.0)
read, written back and read again, in folders and in memory."""

import os
import tempfile
import unittest
from decimal import Decimal

import hyoka
from hyoka._core import lib

from . import support

SAMPLE = os.path.join(support.REPO, 'tests', 'data', 'rs-sample-2024')


@unittest.skipUnless(lib.has('hyoka_rs_read_dir') and os.path.isdir(SAMPLE),
                     'the RS reader is not exported by this libhyoka, or the sample is absent')
class Rs(unittest.TestCase):
    def test_table_names(self):
        names = hyoka.rs_table_names()
        self.assertEqual(len(names), 15)
        self.assertEqual((names[0], names[5], names[-1]), ('1-1', '2-1', '6-1'))

    def test_read_sample(self):
        with hyoka.read_rs(SAMPLE) as pf:
            self.assertEqual([p.code for p in pf.projects], ['11', '884', '1319', '3522', '18556'])
            p = pf.find_project('884')
            b = p.records('budgets')[2]
            self.assertEqual((b['budget_year'], b['appropriation'], b['execution']), (2023, 40217000, 28433000))
            self.assertEqual(b['stated_execution_rate'], Decimal('0.70699'))
            self.assertEqual(b.figure('appropriation_rate'), hyoka.Figure(Decimal('0.70699'), None))
            self.assertEqual(p.records('reflections')[0]['amount'], -569000)
            codes = [d.code for d in pf.validate()]
            self.assertIn('V013', codes)   # kept as printed, reported
            self.assertIn('V014', codes)

    def test_round_trip_folder_and_tables(self):
        with hyoka.Portfolio.from_rs_dir(SAMPLE) as pf, tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'out')
            pf.to_rs_dir(out)
            names = sorted(os.listdir(out))
            self.assertIn('2-1_RS_2024_予算・執行_サマリ.csv', names)
            with hyoka.Portfolio.from_rs_dir(out) as back:
                self.assertEqual(pf, back)
            tables = pf.to_rs_tables()
            self.assertEqual(sorted(tables), hyoka.rs_table_names())
            self.assertTrue(tables['3-1'].startswith(b'\xef\xbb\xbf'))
            with hyoka.Portfolio.from_rs_tables(tables) as again:
                self.assertEqual(pf, again)
                self.assertEqual(again.to_rs_tables(), tables)
            with hyoka.Portfolio.loads(pf.dump()) as via_json:
                self.assertEqual(via_json.to_rs_tables(), tables)
            pf.to_rs_dir(out, year=2030, replace=True)
            self.assertIn('6-1_RS_2030_その他備考.csv', os.listdir(out))

    def test_missing_and_bad(self):
        common = 'シート種別,事業年度,予算事業ID,事業名,府省庁の建制順,政策所管府省庁,府省庁,局・庁,部,課,室,班,係'
        row = 'レビューシート,2024,1,事業,1,省,省,局,,課,,,'
        with hyoka.Portfolio.from_rs_tables({'6-1': common + ',備考\n' + row + ',メモ\n'}) as pf:
            self.assertEqual(pf.projects[0].code, '1')
            self.assertEqual([d.code for d in pf.validate()].count('V010'), 14)
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.from_rs_tables({'6-1': common + ',備考,備考\n' + row + ',a,b\n'})
        self.assertIn('V015', [d.code for d in cm.exception.diagnostics])
        with self.assertRaises(hyoka.InvalidArgument):
            hyoka.Portfolio.from_rs_tables({'7-1': b''})


if __name__ == '__main__':
    unittest.main()
