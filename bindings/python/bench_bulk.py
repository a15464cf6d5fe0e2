#!/usr/bin/env python3
"""Bulk benchmark: every figure of a 10,000-project document, from Python and
from the ``hyoka`` program, in the same run.

    python3 bench_bulk.py [--cli PATH] [--projects N] [--repeat R] [--stream] [FILE]
    python3 bench_bulk.py --child stream FILE

Without FILE, a hyoka/1 document of N projects (default 10,000) is generated
in a temporary folder. The CLI is given by --cli, else $HYOKA_CLI, else the
cli/hyoka of the build tree holding $HYOKA_LIBRARY, else the build folders
of the source tree and PATH. It times

    hyoka metrics --json FILE > /dev/null
    hyoka.Portfolio.load(FILE).metrics()          (read, validate, every figure, parsed)

and prints the best of R runs of each and their ratio (Python / CLI). The
target is a ratio of at most 1.3. Exit status 0, or 1 with --check when the
ratio is above --max-ratio.

With --stream it also times the streaming path, the same work as the
program's one project at a time:

    for project in hyoka.stream(FILE):     (read, one top-level project at a time)
        stream.validate()                  (its diagnostics, P003 across the stream)
        year.figures()                     (every cost year: one bulk call)
        indicator.figures(fy)              (every indicator year: one bulk call)
        evaluation.score(), .rating()

and its ratio to the program, then the same with year.figure_values() and
indicator.figure_values(fy) (every value, no Figure objects). ``--child stream FILE`` runs that path once
and prints ``RESULT seconds cpu_seconds projects figures diagnostics`` (the
timed part only, after ``import hyoka``), for tests/bench/run_bench.py,
which measures it in a fresh process with its peak RSS.
``--child stream-values FILE`` is the same with ``year.figure_values()``
and ``indicator.figure_values(fy)``: every value, no Figure objects and no
reasons for the unavailable figures.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def make_project(i):
    """One realistic project: five cost years, staff, indicators, two evaluations."""
    years = []
    for k, fy in enumerate(range(2019, 2024)):
        settled = fy <= 2022
        expense = 1000 + (i * 37 + k * 101) % 9000          # 千円
        national = expense // 4
        general = expense - national
        years.append({
            'fiscal_year': fy,
            'phase': 'settled' if settled else 'budget',
            'initial_budget': expense,
            'final_budget': expense + (100 if settled else 0),
            **({'settlement': expense} if settled else {}),
            'funding': {'national': national, 'prefectural': 0, 'bonds': 0, 'user_charges': 0,
                        'other': 0, 'general': general},
            'staff': [
                {'category': 'regular', 'headcount': '2', 'fte': '0.%02d' % (10 + (i + k) % 80),
                 'unit_cost': 8400},
                {'category': 'part_time', 'hours': '%d' % (100 + (i * 7 + k) % 400), 'hourly_rate': 1.2},
            ],
            'debt_service': 0,
            'indirect_costs': (i + k) % 50,
            'usage': 100 + (i * 13 + k * 17) % 5000,
            'beneficiaries': 50 + (i + k) % 300,
        })
    indicators = [
        {'kind': 'activity', 'name': '講座開催回数', 'unit': '回', 'direction': 'increase',
         'values': [{'fiscal_year': fy, 'target': 10 + (i + n) % 5, 'actual': 8 + (i * 3 + n) % 9}
                    for n, fy in enumerate(range(2019, 2023))]},
        {'kind': 'outcome', 'name': '参加者満足度', 'unit': '%', 'direction': 'increase',
         'values': [{'fiscal_year': fy, 'target': 80, 'actual': '%d.%d' % (60 + (i + n) % 35, n)}
                    for n, fy in enumerate(range(2019, 2023))]},
        {'kind': 'outcome', 'name': '待機件数', 'unit': '件', 'direction': 'decrease',
         'values': [{'fiscal_year': fy, 'target': 20, 'actual': 15 + (i + n) % 10}
                    for n, fy in enumerate(range(2019, 2023))]},
    ]
    evaluations = [
        {'stage': 'primary', 'scheme': 'jp-standard', 'fiscal_year': 2023, 'date': '2023-05-15',
         'evaluator': '課長', 'verdict': 'maintain', 'budget': 'status_quo',
         'scores': {'relevance': 'A', 'effectiveness': 'B', 'efficiency': 'A', 'achievement': 'B'},
         'comments': {'reason': '概ね順調に推移している。'}},
        {'stage': 'secondary', 'scheme': 'jp-standard', 'fiscal_year': 2023, 'date': '2023-07-01',
         'evaluator': '行政評価委員会', 'verdict': 'improve', 'budget': 'status_quo'},
    ]
    return {
        'code': '%06d' % (i + 1),
        'name': '事業%d' % (i + 1),
        'organization': {'department': '部%d' % (i % 12), 'section': '課%d' % (i % 40)},
        'policy': [{'level': '政策', 'code': str(1 + i % 8), 'name': '政策%d' % (1 + i % 8)},
                   {'level': '施策', 'code': str(1 + i % 5), 'name': '施策'}],
        'duty': 'autonomous', 'period': 'recurring', 'start_fiscal_year': 2010,
        'texts': {'purpose': '市民サービスの向上を図る。', 'target': '市民'},
        'years': years,
        'indicators': indicators,
        'evaluations': evaluations,
    }


def make_document(n):
    return {
        'format': 'hyoka/1',
        'amount_unit': 'thousand_yen',
        'municipality': {'name': 'ベンチ市', 'code': '112089'},
        'denominators': [{'fiscal_year': fy, 'population': 340000 + fy, 'households': 150000 + fy}
                         for fy in range(2019, 2024)],
        'projects': [make_project(i) for i in range(n)],
    }


def stream_figures(path, values_only=False):
    """Every figure of every project of @p path through the stream and the
    bulk figure calls, each project validated: (projects, figures,
    diagnostics). Every figure is converted to its Python value (the program
    prints every one), and counted when it has one. With @p values_only,
    figure_values() in place of figures(): the same values, no Figure
    objects, and no reason for the unavailable ones."""
    import hyoka
    projects = figures = diagnostics = 0
    with hyoka.stream(path) as s:
        for p in s:
            diagnostics += len(s.validate())
            for y in p.years:
                if values_only:
                    for v in y.figure_values().values():
                        figures += v is not None
                else:
                    for f in y.figures().values():
                        figures += f.value is not None
            for ind in p.indicators:
                for fy in ind.years:
                    if values_only:
                        for v in ind.figure_values(fy).values():
                            figures += v is not None
                    else:
                        for f in ind.figures(fy).values():
                            figures += f.value is not None
            for e in p.evaluations:
                figures += (e.score().value is not None) + (e.rating().code is not None)
            projects += 1
        diagnostics += len(s.diagnostics or ())
    return projects, figures, diagnostics


def child(mode, path):
    """One timed run of @p mode in this process: the RESULT line."""
    if mode not in ('stream', 'stream-values'):
        raise SystemExit('bench_bulk: unknown --child mode %r' % mode)
    import hyoka  # noqa: F401  (loading the library is not timed)
    t0, c0 = time.perf_counter(), time.process_time()
    projects, figures, diagnostics = stream_figures(path, values_only=mode == 'stream-values')
    t1, c1 = time.perf_counter(), time.process_time()
    print('RESULT %.6f %.6f %d %d %d' % (t1 - t0, c1 - c0, projects, figures, diagnostics))
    return 0


def find_cli(explicit):
    candidates = [explicit, os.environ.get('HYOKA_CLI')]
    lib = os.environ.get('HYOKA_LIBRARY')
    if lib:  # the program of the same build tree as the library
        libdir = lib if os.path.isdir(lib) else os.path.dirname(lib)
        candidates.append(os.path.join(os.path.dirname(os.path.abspath(libdir)), 'cli', 'hyoka'))
    root = os.path.dirname(os.path.dirname(HERE))
    for b in sorted(os.listdir(root)) if os.path.isdir(root) else ():
        if b.startswith('build'):
            candidates.append(os.path.join(root, b, 'cli', 'hyoka'))
    candidates.append(shutil.which('hyoka'))
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def best_of(repeat, fn, child=False):
    """Best wall time and best CPU time (user + system) of ``repeat`` runs.

    CPU time is the steadier measure on a busy machine; for a child process
    it is read from RUSAGE_CHILDREN."""
    import resource
    walls = []
    cpus = []
    who = resource.RUSAGE_CHILDREN if child else resource.RUSAGE_SELF
    for _ in range(repeat):
        r0 = resource.getrusage(who)
        t0 = time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(who)
        cpus.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return min(walls), min(cpus)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('file', nargs='?', help='a hyoka/1 document (default: generate one)')
    ap.add_argument('--cli', help='the hyoka program (default: $HYOKA_CLI, build folders, PATH)')
    ap.add_argument('--projects', type=int, default=10000)
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--check', action='store_true', help='exit 1 when the ratio exceeds --max-ratio')
    ap.add_argument('--max-ratio', type=float, default=1.3)
    ap.add_argument('--stream', action='store_true',
                    help='also time the stream with the bulk figure calls (validating each project)')
    ap.add_argument('--child', metavar='MODE',
                    help='run MODE (stream or stream-values) once on FILE and print its RESULT line')
    args = ap.parse_args(argv)
    if args.child:
        if not args.file:
            ap.error('--child needs FILE')
        return child(args.child, args.file)

    import hyoka

    tmp = None
    path = args.file
    if path is None:
        tmp = tempfile.mkdtemp(prefix='hyoka-bench-')
        path = os.path.join(tmp, 'bulk.json')
        t0 = time.perf_counter()
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(make_document(args.projects), f, ensure_ascii=False, indent=1)
        print('generated %s: %d projects, %.1f MB in %.2f s'
              % (path, args.projects, os.path.getsize(path) / 1e6, time.perf_counter() - t0))
    try:
        cli = find_cli(args.cli)

        def python_run():
            with hyoka.Portfolio.load(path) as pf:
                m = pf.metrics()
            return m

        def python_full():
            m = python_run()
            for p in m['projects']:   # decode every project into dicts with Decimal
                pass
            return m

        m = python_full()
        nproj = len(m['projects'])
        nyears = sum(len(p['years']) for p in m['projects'])
        print('python: %d projects, %d cost years, %d diagnostics'
              % (nproj, nyears, len(m['diagnostics'])))
        del m
        t_py, c_py = best_of(args.repeat, python_run)
        print('python  Portfolio.load(FILE).metrics()    %.3f s wall  %.3f s cpu' % (t_py, c_py))
        t_full, c_full = best_of(args.repeat, python_full)
        print('python  ... and every project decoded     %.3f s wall  %.3f s cpu' % (t_full, c_full))
        if args.stream:
            got = stream_figures(path)
            print('stream: %d projects, %d figures, %d diagnostics' % got)
            t_st, c_st = best_of(args.repeat, lambda: stream_figures(path))
            print('python  hyoka.stream + bulk figures       %.3f s wall  %.3f s cpu' % (t_st, c_st))
            t_sv, c_sv = best_of(args.repeat, lambda: stream_figures(path, values_only=True))
            print('python  ... with figure_values()          %.3f s wall  %.3f s cpu' % (t_sv, c_sv))
        if not cli:
            print('CLI not found (give --cli or HYOKA_CLI): no ratio')
            return 0

        def cli_run():
            with open(os.devnull, 'wb') as null:
                r = subprocess.run([cli, 'metrics', '--json', path], stdout=null, stderr=null)
            if r.returncode not in (0, 1):
                raise SystemExit('%s metrics failed with status %d' % (cli, r.returncode))

        cli_run()
        t_cli, c_cli = best_of(args.repeat, cli_run, child=True)
        print('cli     hyoka metrics --json FILE        %.3f s wall  %.3f s cpu  (%s)' % (t_cli, c_cli, cli))
        ratio = t_py / t_cli
        cratio = c_py / c_cli if c_cli else float('nan')
        print('ratio   python / cli                     %.2f wall  %.2f cpu  (target <= %.2f)'
              % (ratio, cratio, args.max_ratio))
        print('ratio   python decoded / cli             %.2f wall  %.2f cpu'
              % (t_full / t_cli, c_full / c_cli if c_cli else float('nan')))
        if args.stream:
            print('ratio   python stream + bulk / cli       %.2f wall  %.2f cpu  (target <= %.2f)'
                  % (t_st / t_cli, c_st / c_cli if c_cli else float('nan'), args.max_ratio))
            print('ratio   python stream + figure_values / cli  %.2f wall  %.2f cpu'
                  % (t_sv / t_cli, c_sv / c_cli if c_cli else float('nan')))
        if args.check and min(ratio, cratio) > args.max_ratio:
            return 1
        return 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
