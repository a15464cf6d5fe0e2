"""Shared helpers: feature detection, sample sheets, the seed-001 builder."""

import os
import unittest
from decimal import Decimal

import hyoka
from hyoka._core import lib

HERE = os.path.dirname(os.path.abspath(__file__))
PKG_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(PKG_DIR))
SHEETS = os.path.join(REPO, 'examples', 'sheets')


def sheet(name):
    return os.path.join(SHEETS, name)


def sheet_names():
    if not os.path.isdir(SHEETS):
        return []
    return sorted(n for n in os.listdir(SHEETS) if n.endswith('.json'))


HAS_READER = lib.has('hyoka_json_read') and lib.has('hyoka_json_read_file')
HAS_WRITER = lib.has('hyoka_json_write')
HAS_METRICS = lib.has('hyoka_metrics_write')
HAS_CSV = lib.has('hyoka_csv_write_dir') and lib.has('hyoka_csv_read_dir')
HAS_HTML = lib.has('hyoka_html_project') and lib.has('hyoka_html_write_dir')
# AddressSanitizer keeps freed memory in quarantine: resident memory grows
# by design, so the leak tests measure nothing under it.
UNDER_ASAN = lib.has('__asan_init')

requires_plain_allocator = unittest.skipIf(
    UNDER_ASAN, 'the library is built with AddressSanitizer (its quarantine makes RSS grow)')

requires_reader = unittest.skipUnless(
    HAS_READER and os.path.isdir(SHEETS),
    'the JSON reader (hyoka_json_read) is not exported by this libhyoka yet, or examples/sheets is absent')
requires_writer = unittest.skipUnless(HAS_WRITER, 'hyoka_json_write is not exported by this libhyoka yet')
requires_metrics = unittest.skipUnless(HAS_METRICS, 'hyoka_metrics_write is not exported by this libhyoka yet')
requires_csv = unittest.skipUnless(HAS_CSV, 'the CSV module (hyoka_csv_*) is not exported by this libhyoka yet')
requires_html = unittest.skipUnless(HAS_HTML, 'the HTML module (hyoka_html_*) is not exported by this libhyoka yet')


def seed001():
    """所沢市 010802 平成19年度 (seed 001), built from scratch."""
    pf = hyoka.Portfolio()
    pf.set_municipality('所沢市', '112089')
    pf.set_denominator(2006, population=338000)
    pf.set_denominator(2007, population=339300)
    p = pf.add_project(code='010802', name='情報セキュリティ対策推進事業',
                       department='総合政策部', section='情報統計課', phone='2998-9036')
    p.duty = 'autonomous'
    p.start_fiscal_year = 2003
    p.add_policy('政策', '8', '計画の推進に向け')
    y6 = p.add_year(2006, phase='settled', initial_budget=0, settlement=0, usage=166)
    y6.general = 12236000
    y6.add_staff('regular', fte=Decimal('1.33'), amount=12236000)
    y7 = p.add_year(2007, phase='settled', initial_budget=0, settlement=0, usage=1054)
    y7.general = 16627000
    y7.add_staff('regular', fte=Decimal('1.77'), amount=16627000)
    y7.set_stated('total_cost', '16627', 'thousand_yen')
    y7.set_stated('per_capita', '49.0')
    y7.set_stated('unit_cost', '15775.5')
    ind = p.add_indicator('outcome', name='情報セキュリティ研修受講率', unit='%', direction='increase')
    ind.set_value(2006, target=10, actual=9, stated_achievement='90.0')
    ind.set_value(2007, target=60, actual=59, stated_achievement='98.3')
    ind.set_value(2008, target=80)
    ev = p.add_evaluation('primary', fiscal_year=2008, date='2008-05-15', evaluator='情報統計課長',
                          verdict='improve', budget='status_quo')
    return pf


def rss_bytes():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
