#!/usr/bin/env python3
"""Scale check: large but legal inputs must not take super-linear time.

libFuzzer works on small inputs, so it cannot see an algorithm that is
quadratic in the number of projects, cost years or CSV rows. This script
writes such documents at two sizes, N and 4N, runs the hyoka command-line
program on them, and fails when a command takes longer than the limit, or
when 4N costs more than SLOWDOWN (default 8) times N (linear: about 4,
quadratic: about 16).

    tests/fuzz/scale_check.py HYOKA_PROGRAM [--n N] [--limit SECONDS] [--only NAME] [--strict]

Cases:
  dup-codes     N top-level projects sharing one code   -> hyoka check   (P003)
  same-year     one project with N cost years of one fiscal year, each
                stating total_cost_change (C008; no previous year anywhere)
                -> hyoka check, metrics --json, convert --to html
  year-order    one project with N cost years: even fiscal years, repeated
                and unsorted, then the odd years before them at the very end
                (the first cost year of the previous year found last)
                -> hyoka check, metrics --json, convert --to html
  year-columns  one project with a power of two >= N cost years, a late
                fiscal year at every even position and an early one at every
                odd one (the worst order for a Shell sort with halving gaps)
                -> hyoka convert --to html
  same-year-text  as same-year -> hyoka metrics (text)               [known]
  csv-ext       CSV: one project with N extension rows   -> hyoka convert --from csv
  csv-answers   CSV: one evaluation with N answer rows   -> hyoka convert --from csv
  csv-comments  CSV: one evaluation with N comment rows  -> hyoka convert --from csv
  csv-years     CSV: one project with N year rows of one fiscal year -> hyoka convert --from csv
  csv-staff     CSV: as csv-years, and a staff row for each of the N years
  csv-values    CSV: one indicator with N/5 values (fiscal years are at most 8,132)
  csv-indicators CSV: one project with N indicators, a value each
  csv-schemes   CSV: N schemes, a criterion each
  csv-criteria  CSV: one scheme with N criteria, an option each
  csv-options   CSV: one criterion with N options
  csv-verdicts  CSV: one scheme with N verdicts and N budget directions
  csv-bands     CSV: one scheme with N rating bands, highest first
  projects      N projects with distinct codes           -> hyoka check, metrics
  ext-json      one project with N extensions (JSON)     -> hyoka check

Known cases are still quadratic and do not fail the run unless --strict:
they are printed with the reason.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def doc(projects, **extra):
    d = {"format": "hyoka/1"}
    d.update(extra)
    d["projects"] = projects
    return d


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))


def write_csv_dir(path, tables):
    os.makedirs(path, exist_ok=True)
    for name, rows in tables.items():
        with open(os.path.join(path, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            f.write("\r\n".join(rows) + "\r\n")


PROJECT_HEADER = ("project,code,name,department,section,group,head,contact,phone,duty,period,"
                  "start_fiscal_year,end_fiscal_year,legal_basis,purpose,target,intent,result,summary,"
                  "background,environment,opinions,activities_done,activities_planned")
PROJECT_ROW = "1,P1,事業" + "," * 21


def make(case, n, where):
    """Write the input of @case at size @n; return the command arguments."""
    if case == "dup-codes":
        p = os.path.join(where, "dup-codes.json")
        write_json(p, doc([{"code": "1", "name": "p"} for _ in range(n)]))
        return [["check", p]]
    if case in ("same-year", "same-year-text"):
        p = os.path.join(where, "same-year.json")
        years = [{"fiscal_year": 2000, "settlement": i, "stated": {"total_cost_change": "1.0"}}
                 for i in range(n)]
        write_json(p, doc([{"code": "1", "name": "p", "years": years}]))
        if case == "same-year-text":
            return [["metrics", p]]
        return [["check", p], ["metrics", "--json", p], ["convert", "--to", "html", p, os.path.join(where, "html")]]
    if case == "year-order":
        p = os.path.join(where, "year-order.json")
        tail = min(2000, n // 2)
        years = [{"fiscal_year": 6000 + 2 * ((k * 7919) % 2000), "settlement": 1000 + k,
                  "stated": {"total_cost_change": "1.0"}} for k in range(n - tail)]
        years += [{"fiscal_year": 5999 + 2 * j, "settlement": 500 + j} for j in range(tail)]
        write_json(p, doc([{"code": "1", "name": "p", "years": years}]))
        return [["check", p], ["metrics", "--json", p], ["convert", "--to", "html", p, os.path.join(where, "html")]]
    if case == "year-columns":
        p = os.path.join(where, "year-columns.json")
        m = 1 << max(0, n - 1).bit_length()
        years = [{"fiscal_year": 5000 if i % 2 == 0 else 2000, "settlement": i} for i in range(m)]
        write_json(p, doc([{"code": "1", "name": "p", "years": years}]))
        return [["convert", "--to", "html", p, os.path.join(where, "html")]]
    if case == "csv-write-years":
        p = os.path.join(where, "csv-write-years.json")
        years = [{"fiscal_year": 2000, "settlement": i, "staff": [{"amount": i}]} for i in range(n)]
        write_json(p, doc([{"code": "1", "name": "p", "years": years}]))
        return [["convert", "--to", "csv", p, os.path.join(where, "out-csv-write-years")]]
    if case == "projects":
        p = os.path.join(where, "projects.json")
        write_json(p, doc([{"code": str(i), "name": "p", "years": [{"fiscal_year": 2000, "settlement": i}]}
                           for i in range(n)]))
        return [["check", p], ["metrics", p]]
    if case == "ext-json":
        p = os.path.join(where, "ext.json")
        write_json(p, doc([{"code": "1", "name": "p", "extensions": {"k%d" % i: "v" for i in range(n)}}]))
        return [["check", p]]
    if case == "csv-ext":
        d = os.path.join(where, "csv-ext")
        write_csv_dir(d, {"document": ["key,value", "format,hyoka/1"],
                          "projects": [PROJECT_HEADER, PROJECT_ROW],
                          "extensions": ["project,key,value"] + ["1,k%d,v" % i for i in range(n)]})
        return [["convert", "--from", "csv", "--to", "json", d, os.path.join(where, "out-ext.json")]]
    if case in ("csv-answers", "csv-comments"):
        d = os.path.join(where, case)
        tables = {"document": ["key,value", "format,hyoka/1"],
                  "projects": [PROJECT_HEADER, PROJECT_ROW],
                  "evaluations": ["project,evaluation,stage,scheme,fiscal_year,date,evaluator,verdict,"
                                  "budget,expected_outcome,expected_cost",
                                  "1,1,primary,jp-standard,2007,,,,,,"]}
        if case == "csv-answers":
            tables["answers"] = ["project,evaluation,criterion,answer"] + ["1,1,c%d,A" % i for i in range(n)]
        else:
            tables["comments"] = ["project,evaluation,key,text"] + ["1,1,r%d,t" % i for i in range(n)]
        write_csv_dir(d, tables)
        return [["convert", "--from", "csv", "--to", "json", d, os.path.join(where, "out-%s.json" % case)]]
    if case in ("csv-years", "csv-staff", "csv-values", "csv-indicators"):
        d = os.path.join(where, case)
        tables = {"document": ["key,value", "format,hyoka/1"],
                  "projects": [PROJECT_HEADER, PROJECT_ROW]}
        if case in ("csv-years", "csv-staff"):
            tables["years"] = ["project,fiscal_year,year_index,settlement"] + \
                              ["1,2000,%d,%d" % (i + 1, i) for i in range(n)]
        if case == "csv-staff":
            tables["staff"] = ["project,fiscal_year,year_index,staff_index,headcount,unit_cost"] + \
                              ["1,2000,%d,1,1,%d" % (i + 1, i) for i in range(n)]
        if case == "csv-values":
            m = min(n // 5, 9999 - 1868 + 1)
            tables["indicators"] = ["project,indicator,name", "1,1,i"]
            tables["values"] = ["project,indicator,fiscal_year,target,actual"] + \
                               ["1,1,%d,%d,%d" % (9999 - i, i, i) for i in range(m)]
        if case == "csv-indicators":
            tables["indicators"] = ["project,indicator,name"] + ["1,%d,i%d" % (i + 1, i) for i in range(n)]
            tables["values"] = ["project,indicator,fiscal_year,target"] + \
                               ["1,%d,2000,%d" % (i + 1, i) for i in range(n)]
        write_csv_dir(d, tables)
        return [["convert", "--from", "csv", "--to", "json", d, os.path.join(where, "out-%s.json" % case)]]
    if case in ("csv-schemes", "csv-criteria", "csv-options", "csv-verdicts", "csv-bands"):
        d = os.path.join(where, case)
        rows = ["scheme,element,criterion,code,label,score,min,group,kind"]
        if case == "csv-schemes":
            for i in range(n):
                rows += ["s%d,scheme,,,S,,,," % i, "s%d,criterion,,c,C,,,," % i]
        else:
            rows.append("s,scheme,,,S,,,,")
        if case == "csv-criteria":
            rows += ["s,criterion,,c%d,C,,,," % i for i in range(n)]
            rows += ["s,option,c%d,A,,1,,," % i for i in range(n)]
        if case == "csv-options":
            rows.append("s,criterion,,c,C,,,,")
            rows += ["s,option,c,o%d,,%d,,," % (i, i) for i in range(n)]
        if case == "csv-verdicts":
            rows += ["s,verdict,,v%d,V,,,continue," % i for i in range(n)]
            rows += ["s,budget,,b%d,B,,,,same" % i for i in range(n)]
        if case == "csv-bands":
            rows += ["s,band,,b%d,B,,%d,," % (i, n - i) for i in range(n)]
        write_csv_dir(d, {"document": ["key,value", "format,hyoka/1"], "schemes": rows})
        return [["convert", "--from", "csv", "--to", "json", d, os.path.join(where, "out-%s.json" % case)]]
    raise ValueError(case)


CASES = ["dup-codes", "same-year", "year-order", "year-columns", "same-year-text", "csv-write-years",
         "csv-ext", "csv-answers", "csv-comments", "csv-years", "csv-staff", "csv-values", "csv-indicators",
         "csv-schemes", "csv-criteria", "csv-options", "csv-verdicts", "csv-bands", "projects", "ext-json"]

# Cases still super-linear, and why: reported, not failed (unless --strict).
KNOWN = {
    "same-year-text": "the text output computes each figure with the public hyoka_costs_figure(), "
                      "whose previous-year lookup scans the project's cost years",
}


def run(program, args, limit):
    t0 = time.monotonic()
    try:
        r = subprocess.run([program] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=limit)
        code = r.returncode
    except subprocess.TimeoutExpired:
        return None, "timeout"
    return time.monotonic() - t0, code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("program")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--limit", type=float, default=30.0)
    ap.add_argument("--slowdown", type=float, default=8.0)
    ap.add_argument("--only", action="append")
    ap.add_argument("--strict", action="store_true", help="fail on known super-linear cases too")
    a = ap.parse_args()

    failed = False
    with tempfile.TemporaryDirectory(prefix="hyoka-scale-") as tmp:
        for case in a.only or CASES:
            times = []
            for n in (a.n, 4 * a.n):
                where = os.path.join(tmp, "%s-%d" % (case, n))
                os.makedirs(where)
                total = 0.0
                status = "ok"
                for args in make(case, n, where):
                    t, code = run(a.program, args, a.limit)
                    if t is None:
                        total, status = None, "timeout after %.0f s" % a.limit
                        break
                    if code not in (0, 1):
                        status = "exit %s" % code
                    total += t
                times.append(total)
                known = case in KNOWN and not a.strict
                if total is None and known:
                    status += " (known: %s)" % KNOWN[case]
                print("%-14s n=%-7d %s  %s" % (case, n, "%.3f s" % total if total is not None else "-", status))
                if status.startswith("exit") or (total is None and not known):
                    failed = True
                if total is None or status.startswith("exit"):
                    break
            if len(times) == 2 and None not in times:
                ratio = times[1] / max(times[0], 0.05)
                verdict = "ok" if ratio <= a.slowdown else "SUPER-LINEAR"
                known = case in KNOWN and not a.strict
                if ratio > a.slowdown and known:
                    verdict += " (known: %s)" % KNOWN[case]
                print("%-14s 4N/N = %.1f  %s" % (case, ratio, verdict))
                if ratio > a.slowdown and not known:
                    failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
