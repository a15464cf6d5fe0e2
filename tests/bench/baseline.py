#!/usr/bin/env python3
"""Plain-Python baseline: what a user scripts today without hyoka.

Reads a hyoka/1 document with the standard json module (decimals as
decimal.Decimal, so nothing goes through binary floating point) and
computes every figure of docs/guide.md#figures with Decimal and int arithmetic, rounded
once by the document's rules (or the defaults): for every cost year the
fifteen cost-year figures, for every indicator value its achievement and
change, for every evaluation its weighted score and rating (jp-standard
built in, document schemes as given). No validation.

    baseline.py FILE           prints: RESULT seconds cpu_seconds projects figures
    baseline.py --dump FILE    prints the figures as JSON (for cross-checks)

Fiscal years must be integers (the era strings the hyoka reader also
accepts are not handled here).
"""

import json
import sys
import time
from decimal import (ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal,
                     getcontext)

getcontext().prec = 80

MODES = {"half_up": ROUND_HALF_UP, "down": ROUND_DOWN, "up": ROUND_UP, "half_even": ROUND_HALF_EVEN,
         "floor": ROUND_FLOOR, "ceiling": ROUND_CEILING}
YEAR_FIGURES = ["expense", "personnel", "debt_service", "indirect_costs", "total_cost", "general_revenue",
                "specific_revenue", "per_capita", "per_household", "unit_cost", "per_beneficiary",
                "execution_rate", "personnel_share", "general_revenue_share", "total_cost_change"]
SPECIFIC = ("national", "prefectural", "bonds", "user_charges", "other")

JP_OPTIONS = {"A": 3, "B": 2, "C": 1, "3": 3, "2": 2, "1": 1}
JP_STANDARD = {
    "id": "jp-standard",
    "criteria": {c: {"weight": Decimal(1), "options": JP_OPTIONS, "range": None, "required": False}
                 for c in ("relevance", "effectiveness", "efficiency", "achievement", "contribution")},
    "bands": [(Decimal("2.5"), "A"), (Decimal("1.5"), "B"), (Decimal(0), "C")],
    "missing": None,
}


def dec(v):
    if v is None:
        return None
    if isinstance(v, Decimal):
        return v
    return Decimal(v) if isinstance(v, (int, str)) else Decimal(str(v))


class Rules:
    def __init__(self, doc):
        self.rules = {}
        for name, r in (doc.get("rounding") or {}).items():
            self.rules[name] = (int(r.get("places", 1 if name not in YEAR_FIGURES[:7] else 0)),
                                MODES[r.get("mode", "half_up")], r.get("unit", "yen"))

    def get(self, name):
        return self.rules.get(name, (0 if name in YEAR_FIGURES[:7] else 1, ROUND_HALF_UP, "yen"))

    def ratio(self, name, num, den, percent=False):
        places, mode, unit = self.get(name)
        if unit == "thousand_yen":
            den = den * 1000
        q = Decimal(num) * (100 if percent else 1) / Decimal(den)
        q = q.quantize(Decimal(1).scaleb(-places), rounding=mode)
        return q.copy_abs() if q.is_zero() else q  # no "-0.0"


def scheme_from_doc(s):
    crit = {}
    for c in s.get("criteria") or []:
        opts = {o["code"]: dec(o.get("score")) for o in c.get("options") or []}
        rng = c.get("range")
        crit[c["code"]] = {"weight": dec(c.get("weight", 1)), "options": opts if c.get("options") else None,
                           "range": (dec(rng.get("min")), dec(rng.get("max"))) if rng else None,
                           "required": bool(c.get("required"))}
    rating = s.get("rating") or {}
    bands = [(dec(b["min"]), b["code"]) for b in rating.get("bands") or []]
    bands.sort(key=lambda b: b[0], reverse=True)
    missing = (rating.get("missing") or {}).get("code")
    return {"id": s["id"], "criteria": crit, "bands": bands, "missing": missing}


def compute(doc, dump=None):
    factor = 1000 if doc.get("amount_unit") == "thousand_yen" else 1
    rules = Rules(doc)
    pmode = rules.get("personnel")[1]
    denoms = {d["fiscal_year"]: d for d in doc.get("denominators") or []}
    schemes = {"jp-standard": JP_STANDARD}
    for s in doc.get("schemes") or []:
        schemes[s["id"]] = scheme_from_doc(s)

    def yen(v):
        if v is None:
            return None
        if isinstance(v, int):
            return v * factor
        y = dec(v) * factor
        if y != y.to_integral_value():
            raise ValueError("money finer than a yen: %s" % v)
        return int(y)

    count = 0

    def year_figures(y):
        st = {k: yen(y.get(k)) for k in ("initial_budget", "final_budget", "settlement")}
        phase = y.get("phase")
        if st["settlement"] is not None and phase in (None, "settled"):
            expense = st["settlement"]
        elif st["final_budget"] is not None:
            expense = st["final_budget"]
        elif st["initial_budget"] is not None:
            expense = st["initial_budget"]
        else:
            expense = st["settlement"]
        personnel = 0
        for line in y.get("staff") or []:
            fte, uc = line.get("fte"), line.get("unit_cost")
            hours, rate = line.get("hours"), line.get("hourly_rate")
            if fte is not None and uc is not None:
                personnel += int((dec(fte) * yen(uc)).quantize(Decimal(1), rounding=pmode))
            elif hours is not None and rate is not None:
                personnel += int((dec(hours) * yen(rate)).quantize(Decimal(1), rounding=pmode))
            elif line.get("amount") is not None:
                personnel += yen(line["amount"])
        debt = yen(y.get("debt_service")) or 0
        indirect = yen(y.get("indirect_costs")) or 0
        total = None if expense is None else expense + personnel + debt + indirect
        funding = y.get("funding") or {}
        general = yen(funding.get("general"))
        specific = sum(yen(funding.get(k)) or 0 for k in SPECIFIC)
        den = denoms.get(y["fiscal_year"], {})
        pop = y.get("population", den.get("population"))
        hh = y.get("households", den.get("households"))
        f = {"expense": expense, "personnel": personnel, "debt_service": debt, "indirect_costs": indirect,
             "total_cost": total, "general_revenue": general, "specific_revenue": specific}
        for name, n in (("per_capita", pop), ("per_household", hh), ("unit_cost", y.get("usage")),
                        ("per_beneficiary", y.get("beneficiaries"))):
            f[name] = rules.ratio(name, total, n) if total is not None and n else None
        fb, se = st["final_budget"], st["settlement"]
        f["execution_rate"] = rules.ratio("execution_rate", se, fb, True) if fb and se is not None else None
        f["personnel_share"] = rules.ratio("personnel_share", personnel, total, True) if total else None
        f["general_revenue_share"] = (rules.ratio("general_revenue_share", general, expense, True)
                                      if expense and general is not None else None)
        return f, total

    def achievement(direction, target, actual):
        if direction == "maintain":
            if actual == target:
                return Decimal(100).quantize(Decimal(1).scaleb(-rules.get("achievement")[0]))
            direction = "decrease" if actual > target else "increase"
        if direction == "increase":
            return rules.ratio("achievement", actual, target, True)
        if direction == "decrease" and actual != 0:
            return rules.ratio("achievement", target, actual, True)
        return None

    def evaluation(e):
        s = schemes.get(e.get("scheme") or "jp-standard")
        if s is None:
            return None, None
        scores = e.get("scores") or {}
        if s["missing"] and any(c["required"] and k not in scores for k, c in s["criteria"].items()):
            missing = s["missing"]
        else:
            missing = None
        num = den = Decimal(0)
        for k, v in scores.items():
            c = s["criteria"].get(k)
            if c is None:
                return None, missing
            if c["options"] is not None:
                if v not in c["options"]:
                    return None, missing
                sc = c["options"][v]
            else:
                sc = dec(v)
                lo, hi = c["range"] or (None, None)
                if (lo is not None and sc < lo) or (hi is not None and sc > hi):
                    return None, missing
            if sc is None:
                continue
            num += c["weight"] * sc
            den += c["weight"]
        if den == 0:
            return None, missing
        score = rules.ratio("score", num, den)
        rating = missing
        if rating is None:
            for lo, code in s["bands"]:
                if num >= lo * den:
                    rating = code
                    break
        return score, rating

    def project(p):
        nonlocal count
        out_years = []
        years = [(y["fiscal_year"],) + year_figures(y) for y in p.get("years") or []]
        totals = {}
        for fy, f, total in years:
            totals.setdefault(fy, total)
        for fy, f, total in years:
            prev = totals.get(fy - 1)
            f["total_cost_change"] = (rules.ratio("total_cost_change", total - prev, prev, True)
                                      if total is not None and prev else None)
            count += len(YEAR_FIGURES)
            if dump is not None:
                out_years.append(dict(fiscal_year=fy, **f))
        out_inds = []
        for ind in p.get("indicators") or []:
            values = ind.get("values") or []
            actuals = {v["fiscal_year"]: dec(v.get("actual")) for v in values}
            out_vals = []
            for v in values:
                fy = v["fiscal_year"]
                t, a = dec(v.get("target")), actuals[fy]
                ach = None
                if not ind.get("not_settable") and t is not None and t != 0 and a is not None:
                    ach = achievement(ind.get("direction"), t, a)
                pa = actuals.get(fy - 1)
                change = rules.ratio("change", a - pa, pa, True) if a is not None and pa else None
                count += 2
                if dump is not None:
                    out_vals.append({"fiscal_year": fy, "achievement": ach, "change": change})
            out_inds.append({"values": out_vals})
        out_evals = []
        for e in p.get("evaluations") or []:
            score, rating = evaluation(e)
            count += 2
            if dump is not None:
                out_evals.append({"score": score, "rating": rating})
        children = [project(c) for c in p.get("children") or []]
        if dump is not None:
            return {"code": p.get("code"), "years": out_years, "indicators": out_inds,
                    "evaluations": out_evals, "children": children}
        return None

    out = [project(p) for p in doc.get("projects") or []]
    if dump is not None:
        dump.extend(out)
    return count


def main(argv):
    dump = "--dump" in argv
    args = [a for a in argv if a != "--dump"]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 64
    t0, c0 = time.perf_counter(), time.process_time()
    with open(args[0], "rb") as f:
        doc = json.load(f, parse_float=Decimal)
    out = [] if dump else None
    n = compute(doc, out)
    t1, c1 = time.perf_counter(), time.process_time()
    if dump:
        json.dump(out, sys.stdout, default=str, ensure_ascii=False)
        print()
    else:
        print("RESULT %.6f %.6f %d %d" % (t1 - t0, c1 - c0, len(doc.get("projects") or []), n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
