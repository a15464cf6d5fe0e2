"""Reading and writing: hyoka/1 JSON, metrics, validation, CSV and HTML."""

import json
import os
import tempfile
import unittest
from decimal import Decimal

import hyoka

from . import support


@support.requires_reader
class Loading(unittest.TestCase):
    def test_load_seed_001(self):
        with hyoka.Portfolio.load(support.sheet('tokorozawa-010802.json')) as pf:
            self.assertEqual(pf.municipality_name, '所沢市')
            self.assertEqual(pf.municipality_code, '112089')
            self.assertEqual(pf.amount_unit, 'thousand_yen')
            self.assertEqual(pf.denominator(2007).population, 339300)
            p = pf.projects[0]
            self.assertEqual((p.code, p.name), ('010802', '情報セキュリティ対策推進事業'))
            self.assertEqual(p.department, '総合政策部')
            y = p.year(2007)
            self.assertEqual(y.phase, 'settled')
            self.assertEqual(y.settlement, 0)      # int yen, not 千円
            self.assertEqual(y.usage, 1054)
            self.assertEqual(y.general, 16627000)
            self.assertEqual(y.staff[0].amount, 16627000)
            self.assertEqual(y.figure('total_cost'), hyoka.Figure(16627000, None))
            self.assertEqual(y.figure('per_capita'), hyoka.Figure(Decimal('49.0'), None))
            self.assertEqual(y.figure('unit_cost'), hyoka.Figure(Decimal('15775.1'), None))
            self.assertEqual(y.stated['unit_cost'].value, Decimal('15775.5'))
            outcome = [i for i in p.indicators if i.kind == 'outcome'][0]
            self.assertEqual(outcome.values[2007].target, Decimal('60'))
            self.assertEqual(outcome.achievement(2007).value, Decimal('98.3'))
            ev = [e for e in p.evaluations if e.stage == 'primary'][0]
            self.assertEqual((ev.verdict, ev.date, ev.fiscal_year), ('improve', '2008-05-15', 2008))
            self.assertIn('reason', ev.comments)
            self.assertEqual(len(ev.goals), 2)

    def test_iterate_everything(self):
        for name in support.sheet_names():
            with self.subTest(sheet=name):
                with hyoka.Portfolio.load(support.sheet(name)) as pf:
                    self.walk(pf)

    def walk(self, pf):
        def project(p):
            self.assertIsInstance(p.code, (str, type(None)))
            for y in p.years:
                self.assertIsInstance(y.fiscal_year, int)
                for f in y.figures().values():
                    self.assertIsInstance(f, hyoka.Figure)
                for s in y.staff:
                    s.cost()
            for i in p.indicators:
                for fy, v in i.values.items():
                    self.assertIsInstance(v, hyoka.IndicatorValue)
                    i.achievement(fy)
            for e in p.evaluations:
                e.answers
                e.score()
                e.rating()
            for c in p.children:
                self.assertIs(c.parent, p)
                project(c)
        for p in pf:
            project(p)

    def test_loads_str_and_bytes(self):
        with open(support.sheet('tokorozawa-010802.json'), 'rb') as f:
            data = f.read()
        a = hyoka.Portfolio.loads(data)
        b = hyoka.Portfolio.loads(data.decode('utf-8'))
        self.assertEqual(a, b)
        self.assertEqual(a.dump(), data.decode('utf-8'))  # canonical: same bytes
        with self.assertRaises(TypeError):
            hyoka.Portfolio.loads(123)

    def test_round_trip_every_sheet(self):
        for name in support.sheet_names():
            with self.subTest(sheet=name):
                with open(support.sheet(name), encoding='utf-8') as f:
                    text = f.read()
                with hyoka.Portfolio.loads(text) as pf:
                    self.assertEqual(pf.dump(), text)
                    compact = pf.dump(compact=True)
                    self.assertNotIn('\n', compact.strip())
                    self.assertEqual(json.loads(compact), json.loads(text))
                    with hyoka.Portfolio.loads(compact) as again:
                        self.assertEqual(again, pf)

    def test_dump_yen(self):
        with hyoka.Portfolio.load(support.sheet('tokorozawa-010802.json')) as pf:
            doc = json.loads(pf.dump(yen=True))
            self.assertEqual(doc['projects'][0]['years'][1]['staff'][0]['amount'], 16627000)

    def test_save(self):
        with hyoka.Portfolio.load(support.sheet('tokorozawa-010802.json')) as pf, \
                tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'out.json')
            pf.save(path)
            with hyoka.Portfolio.load(path) as again:
                self.assertEqual(again, pf)

    def test_build_dump_load(self):
        with support.seed001() as pf:
            text = pf.dump()
            with hyoka.Portfolio.loads(text) as again:
                self.assertEqual(again, pf)
                self.assertEqual(again.projects[0].year(2007).figure('per_capita').value, Decimal('49.0'))

    def test_invalid_document(self):
        bad = '{\n  "format": "hyoka/1",\n  "projects": [{"code": "1", "years": [{"fiscal_year": "x"}]}]\n}'
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads(bad)
        ds = cm.exception.diagnostics
        self.assertTrue(any(d.severity == 'error' for d in ds))
        self.assertTrue(all(d.line for d in ds))
        self.assertTrue(ds[0].path.startswith('/projects/0'))

    def test_reader_limits(self):
        deep = '{"format": "hyoka/1", "projects": [], "extensions": ' + '[' * 100 + ']' * 100 + '}'
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads(deep, max_depth=8)
        self.assertIn('J004', [d.code for d in cm.exception.diagnostics])


@support.requires_reader
class Validation(unittest.TestCase):
    def test_seed_001_diagnostics(self):
        with hyoka.Portfolio.load(support.sheet('tokorozawa-010802.json')) as pf:
            ds = pf.validate()
            got = [(d.code, d.severity, d.path) for d in ds]
            self.assertEqual(got, [
                ('C005', 'warning', '/projects/0/years/1/stated/unit_cost'),
                ('C007', 'info', '/projects/0/years/2'),
                ('I002', 'warning', '/projects/0/indicators/1/values/0'),
                ('I002', 'warning', '/projects/0/indicators/2/values/0'),
            ])
            for d in ds:
                self.assertIsInstance(d, hyoka.Diagnostic)
                self.assertIsInstance(d.line, int)
                self.assertIsInstance(d.column, int)
                self.assertTrue(d.message)
            ja = pf.validate(lang='ja')
            self.assertEqual([d.code for d in ja], [d.code for d in ds])
            self.assertNotEqual(ja[0].message, ds[0].message)
            self.assertIn('15775.5', ja[0].message.replace(',', ''))

    def test_seed_002_e002(self):
        with hyoka.Portfolio.load(support.sheet('seed-002-00832.json')) as pf:
            codes = [d.code for d in pf.validate()]
            self.assertIn('E002', codes)

    def test_clean_sheet(self):
        with hyoka.Portfolio.load(support.sheet('sample-city-portfolio.json')) as pf:
            ds = pf.validate()
            self.assertEqual([(d.code, d.path) for d in ds],
                             [('I003', '/projects/1/indicators/3/values/0/stated_achievement')])


def _ledger(warnings=1500):
    """A ledger whose one funding error comes after many I002 warnings."""
    inds = [{'kind': 'outcome', 'name': 'i%d' % i, 'unit': '件', 'values': [{'fiscal_year': 2020, 'actual': i}]}
            for i in range(warnings)]
    return json.dumps({'format': 'hyoka/1', 'projects': [
        {'code': 'A', 'name': 'a', 'indicators': inds},
        {'code': 'B', 'name': 'b', 'years': [{'fiscal_year': 2020, 'settlement': 1000, 'funding': {'general': 900}}],
         'indicators': [{'kind': 'outcome', 'name': 'o', 'unit': '%',
                         'values': [{'fiscal_year': 2020, 'target': 50, 'actual': 40}]}]}]}, ensure_ascii=False)


@support.requires_reader
class CountsAndRules(unittest.TestCase):
    def test_ledger(self):
        with hyoka.Portfolio.loads(_ledger()) as pf:
            ds = pf.validate(limit=1000)
            self.assertIsInstance(ds, hyoka.Diagnostics)
            self.assertEqual(len(ds), 1000)
            self.assertEqual((ds.total, ds.dropped, ds.ignored, ds.errors), (1501, 501, 0, 1))
            self.assertEqual(ds.counts, {'error': 1, 'warning': 1500, 'info': 0})
            self.assertEqual(ds[-1].code, 'C001')
            self.assertEqual(ds.tally, [
                hyoka.Tally('C001', 'error', 1, 'funding sources do not add up to the expense'),
                hyoka.Tally('I002', 'warning', 1500, 'actual without target, and not marked not-settable')])
            everything = pf.validate()
            self.assertEqual((len(everything), everything.total, everything.dropped), (1501, 1501, 0))

    def test_rules(self):
        with hyoka.Portfolio.loads(_ledger(10)) as pf:
            ds = pf.validate(rules=hyoka.Rules(ignore='I002'))
            self.assertEqual([d.code for d in ds], ['C001'])
            self.assertEqual((ds.total, ds.ignored), (1, 10))
            ds = pf.validate(rules=hyoka.Rules(select=['I'], min_severity='warning'))
            self.assertEqual({d.code for d in ds}, {'I002'})
            self.assertEqual(ds.errors, 0)
        rules = hyoka.Rules(select='C00', ignore=['C007'])
        self.assertTrue(rules.allows('C001', 'error'))
        self.assertFalse(rules.allows('C007', 'info'))
        self.assertFalse(rules.allows('I002', 'warning'))
        with self.assertRaises(hyoka.InvalidArgument):
            rules.select('I-2')
        rules.close()
        with self.assertRaises(hyoka.StateError):
            rules.select('I')

    def test_rules_files(self):
        rules = hyoka.Rules.parse('# a city that sets no targets for activities\nignore = I002\nmin-severity = warning\n')
        self.assertFalse(rules.allows('I002', 'warning'))
        self.assertFalse(rules.allows('C007', 'info'))
        self.assertTrue(rules.allows('C001', 'error'))
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Rules.parse('ignore = I002\nnot a rule\nmin-severity = fatal\n')
        ds = cm.exception.diagnostics
        self.assertEqual([(d.code, d.line, d.column) for d in ds], [('R001', 2, 1), ('R001', 3, 16)])
        self.assertEqual(ds.errors, 2)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'hyoka.conf')
            with open(path, 'w', encoding='utf-8') as f:
                f.write('select = I\n')
            self.assertTrue(hyoka.Rules.read_file(path).allows('I002', 'warning'))
            with self.assertRaises(hyoka.HyokaIOError):
                hyoka.Rules.read_file(os.path.join(tmp, 'missing.conf'))

    def test_reading_error_counts(self):
        doc = json.dumps({'format': 'hyoka/1', 'denominators': [
            {'fiscal_year': '平成%d年度' % (32 + i), 'population': 1} for i in range(1500)],
            'projects': [{'code': 'A', 'name': 'a', 'duty': 'bogus'}]}, ensure_ascii=False)
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads(doc, rules=hyoka.Rules(ignore=['S', 'Y']))
        ds = cm.exception.diagnostics
        # the rules hide the warnings, never the error that stops the read
        self.assertEqual([d.code for d in ds], ['S004'])
        self.assertEqual((ds.total, ds.ignored, ds.errors), (1, 1500, 1))
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.loads(doc)
        ds = cm.exception.diagnostics
        self.assertEqual((len(ds), ds.total, ds.dropped, ds.errors), (1000, 1501, 501, 1))
        self.assertIn('S004', str(cm.exception))
        self.assertIn('and 1500 more', str(cm.exception))


class ValidationFromScratch(unittest.TestCase):
    def test_seed_001_built(self):
        with support.seed001() as pf:
            ds = pf.validate()
            c005 = [d for d in ds if d.code == 'C005']
            self.assertEqual(len(c005), 1)
            self.assertEqual(c005[0].path, '/projects/0/years/1/stated/unit_cost')
            self.assertIsNone(c005[0].line)      # not read from text: no position
            self.assertIsNone(c005[0].column)

    def test_codes(self):
        pf = hyoka.Portfolio()
        p = pf.add_project()                      # P001: no code or name
        p2 = pf.add_project(code='A', name='a', start_fiscal_year=2010, end_fiscal_year=2005)  # P002
        pf.add_project(code='A', name='dup')      # P003
        y = p2.add_year(2008, phase='settled', settlement=-5)  # C002
        p2.add_year(2008)                         # C008
        codes = {d.code for d in pf.validate()}
        for code in ('P001', 'P002', 'P003', 'C002', 'C008'):
            self.assertIn(code, codes)
        severities = {d.code: d.severity for d in pf.validate()}
        self.assertEqual(severities['P001'], 'error')
        ja = pf.validate('ja')
        self.assertEqual(len(ja), len(pf.validate()))
        with self.assertRaises(hyoka.InvalidArgument):
            pf.validate('fr')
        pf.close()


@support.requires_metrics
class Metrics(unittest.TestCase):
    def test_from_scratch(self):
        with support.seed001() as pf:
            m = pf.metrics()
        # usable after the portfolio is closed
        self.assertEqual(m['format'], 'hyoka-metrics/1')
        p = m['projects'][0]
        y = p['years'][1]
        self.assertEqual(y['fiscal_year'], 2007)
        self.assertEqual(y['total_cost'], 16627000)
        self.assertIs(type(y['total_cost']), int)
        self.assertEqual(y['per_capita'], Decimal('49.0'))
        self.assertEqual(y['unit_cost'], Decimal('15775.1'))
        self.assertIsNone(y['per_household'])
        self.assertIn('per_household', y['unavailable'])
        self.assertIsInstance(y['unavailable']['per_household'], str)
        self.assertEqual(p['indicators'][0]['values'][1]['achievement'], Decimal('98.3'))
        self.assertIn('C005', [d['code'] for d in m['diagnostics']])
        self.assertEqual(len(m['projects']), 1)
        self.assertEqual(set(m), {'format', 'projects', 'diagnostics'})

    def test_lazy_equals_eager(self):
        with support.seed001() as pf:
            pf.add_project(code='2', name='two').add_year(2007, settlement=1)
            lazy = pf.metrics()
            eager = pf.metrics(lazy=False)
            self.assertEqual(lazy.to_dict(), eager)
            self.assertEqual(json.loads(pf.metrics_json()), json.loads(pf.metrics_json(compact=False)))
            self.assertEqual(lazy['projects'][-1]['code'], '2')
            self.assertEqual(lazy['projects'][0:2][1]['code'], '2')
            with self.assertRaises(IndexError):
                lazy['projects'][2]

    def test_without_validation(self):
        with support.seed001() as pf:
            self.assertEqual(list(pf.metrics(validate=False)['diagnostics']), [])

    def test_empty(self):
        with hyoka.Portfolio() as pf:
            m = pf.metrics()
            self.assertEqual(len(m['projects']), 0)
            self.assertEqual(list(m['projects']), [])
            self.assertEqual(m['diagnostics'], [])

    @support.requires_reader
    def test_matches_per_figure_calls(self):
        for name in support.sheet_names():
            with self.subTest(sheet=name), hyoka.Portfolio.load(support.sheet(name)) as pf:
                m = pf.metrics()

                def check(mp, p):
                    self.assertEqual(mp['code'], p.code)
                    for my, y in zip(mp['years'], p.years):
                        for fig, f in y.figures().items():
                            self.assertEqual(my[fig], f.value, (name, p.code, y.fiscal_year, fig))
                    for mc, c in zip(mp['children'], p.children):
                        check(mc, c)
                for mp, p in zip(m['projects'], pf.projects):
                    check(mp, p)


@support.requires_csv
class Csv(unittest.TestCase):
    def test_round_trip(self):
        with support.seed001() as pf, tempfile.TemporaryDirectory() as d:
            pf.to_csv_dir(d)
            names = sorted(os.listdir(d))
            self.assertIn('projects.csv', names)
            with open(os.path.join(d, 'projects.csv'), 'rb') as f:
                self.assertTrue(f.read().startswith(b'\xef\xbb\xbf'))  # UTF-8 with BOM by default
            with hyoka.Portfolio.from_csv_dir(d) as again:
                self.assertEqual(again, pf)

    def test_cp932(self):
        with support.seed001() as pf, tempfile.TemporaryDirectory() as d:
            pf.to_csv_dir(d, encoding='cp932')
            with open(os.path.join(d, 'projects.csv'), 'rb') as f:
                self.assertIn('情報セキュリティ'.encode('cp932'), f.read())
            with hyoka.Portfolio.from_csv_dir(d, encoding='cp932') as again:
                self.assertEqual(again, pf)

    def test_cp932_unmappable(self):
        with support.seed001() as pf, tempfile.TemporaryDirectory() as d:
            pf.projects[0].name = 'emoji 😀'
            with self.assertRaises(hyoka.EncodingError):
                pf.to_csv_dir(d, encoding='cp932')

    def test_tables_in_memory(self):
        with support.seed001() as pf:
            tables = pf.to_csv_tables(encoding='utf-8-nobom')
            self.assertEqual(set(tables), set(hyoka.csv_table_names()))
            self.assertTrue(tables['projects'].startswith(b'project'))
            with hyoka.Portfolio.from_csv_tables(tables, encoding='utf-8-nobom') as again:
                self.assertEqual(again, pf)

    def test_metrics_csv(self):
        """The figures as two CSV tables, one call (hyoka_metrics_csv_write)."""
        with support.seed001() as pf:
            tables = pf.metrics_csv(encoding='utf-8-nobom')
            self.assertEqual(set(tables), {'metrics_years', 'metrics_indicators'})
            years = tables['metrics_years'].decode('utf-8').split('\r\n')
            self.assertTrue(years[0].startswith('project,code,parent_code,name,fiscal_year,phase,expense,'))
            rows = [r.split(',') for r in years[1:] if r]
            self.assertEqual(len(rows), sum(len(p.years) for p in pf.projects))
            head = years[0].split(',')
            row = dict(zip(head, rows[-1]))
            self.assertEqual(row['code'], pf.projects[0].code)
            self.assertEqual(int(row['total_cost']), pf.projects[0].years[-1].figure('total_cost').value)
            self.assertTrue(tables['metrics_indicators'].startswith(b'project,code,parent_code,indicator,'))
            sjis = pf.metrics_csv(encoding='cp932')['metrics_years']
            self.assertEqual(sjis.decode('cp932'), tables['metrics_years'].decode('utf-8'))

    def test_bad_encoding_name(self):
        with hyoka.Portfolio() as pf:
            with self.assertRaises(hyoka.InvalidArgument):
                pf.to_csv_dir('/tmp/nowhere', encoding='latin-1')

    def test_invalid_tables(self):
        with self.assertRaises(hyoka.InvalidDocument) as cm:
            hyoka.Portfolio.from_csv_tables({'projects': b'nonsense,header\r\n1,2\r\n'},
                                            encoding='utf-8-nobom')
        self.assertTrue(cm.exception.diagnostics)


@support.requires_html
class Html(unittest.TestCase):
    def test_project_page(self):
        with support.seed001() as pf:
            page = pf.projects[0].to_html()
            self.assertIn('情報セキュリティ対策推進事業', page)
            self.assertIn('<svg', page)
            self.assertNotIn('<script', page)
            en = pf.projects[0].to_html(lang='en')
            self.assertNotEqual(page, en)

    def test_dir(self):
        with support.seed001() as pf, tempfile.TemporaryDirectory() as d:
            pf.to_html_dir(d, lang='ja')
            # the pages and the marker of a folder hyoka wrote
            self.assertEqual(sorted(os.listdir(d)), ['.hyoka-output', 'index.html', 'project-1.html'])
            self.assertIn('project-1.html', pf.to_html())

    def test_escaping(self):
        p = hyoka.Project(code='<x>', name='<script>alert(1)</script>')
        page = p.to_html()
        self.assertNotIn('<script>', page)


if __name__ == '__main__':
    unittest.main()
