#!/usr/bin/env python3
"""Generate a benchmark corpus: one hyoka/1 portfolio of N projects.

The projects are shaped like the real 事務事業評価 sheets (docs/seeds.md,
docs/format.md): five or six fiscal years each (settled years, the current
budget year and next year's plan), the six funding sources adding up to the
expense, staff lines costed by FTE × unit cost, hours × hourly rate or a
stated amount, six to nine indicators of every kind with targets, actuals,
forecasts and stated achievement rates, one or two jp-standard evaluations,
Japanese names and a few hundred characters of Japanese text. Amounts are in
thousand yen, a few of them down to the yen. Every stated figure is the
computed one, rounded as hyoka rounds it, so the corpus reads and validates
without a single diagnostic.

Output is deterministic: it depends only on the seed and N, and the
projects of a smaller N are the first projects of a larger one (each project
has its own random stream). About 4 KB of JSON per project, one project per
line.

    gen_corpus.py [--seed S] [--check] N OUT.json
"""

import argparse
import json
import os
import random
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 60

FIRST_YEAR = 2019  # denominators cover FIRST_YEAR..LAST_YEAR
BUDGET_YEAR = 2024
LAST_YEAR = 2025   # the plan year

# --------------------------------------------------------------------------
# Vocabulary

DEPARTMENTS = [
    ("総務部", ["総務課", "人事課", "情報政策課", "契約検査課"]),
    ("企画部", ["企画政策課", "財政課", "広報広聴課", "地域振興課"]),
    ("市民生活部", ["市民課", "危機管理課", "地域安全課", "市民協働推進課"]),
    ("福祉部", ["福祉総務課", "障害福祉課", "高齢者支援課", "生活支援課"]),
    ("こども未来部", ["こども政策課", "保育幼稚園課", "子育て支援課", "青少年課"]),
    ("健康部", ["健康づくり課", "保健予防課", "国保年金課", "地域医療課"]),
    ("環境部", ["環境政策課", "資源循環推進課", "みどり公園課", "環境保全課"]),
    ("産業経済部", ["商工観光課", "農政課", "雇用労働課", "企業誘致課"]),
    ("都市整備部", ["都市計画課", "道路維持課", "建築指導課", "住宅政策課"]),
    ("上下水道部", ["経営企画課", "給水課", "下水道整備課", "浄化センター"]),
    ("教育委員会", ["教育総務課", "学校教育課", "生涯学習課", "文化財保護課", "中央図書館"]),
    ("消防本部", ["消防総務課", "予防課", "警防課", "救急救助課"]),
]

GROUPS = ["企画係", "管理係", "事業係", "推進係", "支援係", "庶務係", "指導係", "整備係"]

# (topic, target people, activity noun, outcome noun, legal basis or None)
TOPICS = [
    ("自主防災組織育成", "市内の自治会と自主防災組織", "防災訓練", "自主防災組織の結成率", "災害対策基本法"),
    ("子育て支援センター運営", "就学前の子どもとその保護者", "子育て相談", "子育てに不安を感じる保護者の割合", "児童福祉法"),
    ("高齢者見守りネットワーク", "ひとり暮らしの高齢者", "見守り訪問", "見守り登録者の安否確認率", "老人福祉法"),
    ("特定健康診査", "40歳から74歳の国民健康保険被保険者", "受診勧奨", "特定健診の受診率", "高齢者の医療の確保に関する法律"),
    ("ごみ減量推進", "市民と市内の事業所", "出前講座", "一人一日当たりのごみ排出量", "廃棄物の処理及び清掃に関する法律"),
    ("道路維持補修", "市道を利用する市民", "舗装補修", "道路の損傷による事故件数", "道路法"),
    ("図書館サービス充実", "市民と市内の在勤・在学者", "蔵書の貸出", "図書館利用者の満足度", "図書館法"),
    ("観光プロモーション", "市外からの観光客", "観光イベント", "観光入込客数", None),
    ("商店街活性化支援", "市内の商店街と商店会", "空き店舗補助", "商店街の空き店舗率", None),
    ("情報セキュリティ対策", "市の職員", "セキュリティ研修", "情報セキュリティ研修の受講率", "個人情報の保護に関する法律"),
    ("公園施設長寿命化", "公園を利用する市民", "遊具点検", "公園利用者の満足度", "都市公園法"),
    ("就労支援", "求職中の市民", "就労相談", "相談者の就職率", None),
    ("地域公共交通確保", "交通不便地域の住民", "コミュニティバス運行", "公共交通の利用者数", "地域公共交通の活性化及び再生に関する法律"),
    ("学校図書館支援", "市立小中学校の児童生徒", "読み聞かせ", "読書が好きな児童生徒の割合", "学校図書館法"),
    ("文化財保存活用", "市民と来訪者", "史跡の公開", "文化財の公開日数", "文化財保護法"),
    ("救急体制整備", "市民と市内への来訪者", "救命講習", "救急隊の現場到着時間", "消防法"),
    ("空き家対策", "市内の空き家の所有者", "空き家相談", "管理不全の空き家の件数", "空家等対策の推進に関する特別措置法"),
    ("障害者就労支援", "就労を希望する障害のある市民", "職場実習", "一般就労への移行者数", "障害者総合支援法"),
    ("生涯学習講座", "市民", "市民講座", "講座受講者の満足度", "社会教育法"),
    ("農地保全", "市内の農業者", "農地パトロール", "遊休農地の面積", "農地法"),
    ("窓口サービス改善", "市役所の窓口を利用する市民", "オンライン申請", "窓口の平均待ち時間", None),
    ("地球温暖化対策", "市民と事業者", "省エネ設備補助", "市域の温室効果ガス排出量", "地球温暖化対策の推進に関する法律"),
    ("消費生活相談", "消費者トラブルに遭った市民", "消費生活相談", "相談の解決率", "消費者安全法"),
    ("スポーツ推進", "市民", "スポーツ教室", "週一回以上運動する市民の割合", "スポーツ基本法"),
]

ACTIONS = ["推進事業", "支援事業", "運営事業", "整備事業", "事業", "対策事業", "充実事業"]

POLICIES = [
    ("1", "安全・安心に暮らせるまち"), ("2", "健やかに暮らせるまち"), ("3", "子どもが育つまち"),
    ("4", "学び続けるまち"), ("5", "活力あるまち"), ("6", "環境と共生するまち"),
    ("7", "快適に暮らせるまち"), ("8", "計画の推進に向けて"),
]
MEASURES = ["の充実", "の推進", "の向上", "の確保", "の強化", "の支援"]

KAN = [("2", "総務費"), ("3", "民生費"), ("4", "衛生費"), ("5", "労働費"), ("6", "農林水産業費"),
       ("7", "商工費"), ("8", "土木費"), ("9", "消防費"), ("10", "教育費")]

PURPOSE = [
    "{t}を通じて、{p}が安心して暮らせる環境を整える。",
    "{p}の負担を軽くし、{o}を高める。",
    "{a}を計画的に実施し、{p}の生活の質を向上させる。",
]
INTENT = [
    "{p}が必要な支援を必要な時に受けられる状態にする。",
    "{a}の参加者を増やし、地域での取組を定着させる。",
    "{o}について、目標値の達成を目指す。",
]
RESULT = [
    "誰もが住み慣れた地域で安心して暮らし続けられるまちになる。",
    "市民の満足度が高まり、持続可能な行政サービスが実現する。",
    "地域の活力が高まり、定住人口の維持につながる。",
]
SUMMARY = [
    "{a}を年間を通じて実施するほか、関係機関と連携して周知・啓発を行う。補助金の交付事務も担当課で行う。",
    "委託事業者と協力して{a}を行い、実施状況を四半期ごとに確認して改善につなげる。",
    "{p}を対象に{a}を実施し、参加者アンケートの結果を翌年度の計画に反映する。",
]
BACKGROUND = [
    "国の制度改正と市民ニーズの高まりを受け、平成{y}年度に事業を開始した。",
    "市民意識調査で要望が多かったことから、総合計画の重点施策として位置づけられた。",
]
ENVIRONMENT = [
    "人口減少と高齢化が進み、{p}の状況も多様化している。",
    "デジタル化の進展により、手続のオンライン化への期待が高まっている。",
    "物価と人件費の上昇により、委託料が増える傾向にある。",
]
OPINIONS = [
    "議会から事業の効果を分かりやすく示すよう求められている。",
    "利用者アンケートでは、開催日時の拡充を求める意見が多い。",
    "関係団体から補助対象の拡大について要望がある。",
]
DONE = [
    "{a}を実施したほか、広報紙とホームページで事業を周知した。参加者からの意見をもとに実施方法を一部見直した。",
    "{a}の回数を増やし、新たに土日の実施を試行した。関係機関との連絡会議を年4回開催した。",
]
PLANNED = [
    "事業の成果を検証し、{a}の実施方法を見直す。対象者への周知を強化する。",
    "オンラインでの申込みを導入し、{p}の利便性を高める。",
]
REASONS = [
    "{o}は目標をおおむね達成しているが、対象者の一部に支援が届いていないため、実施方法を改善して継続する。",
    "成果は上がっているものの、費用が増加傾向にあるため、委託内容を見直して効率化を図る。",
    "{a}への参加者が固定化しているため、新たな層への働きかけが必要である。",
    "事業の必要性は高く、現状の規模で継続することが妥当である。",
]
ISSUES = ["担い手の高齢化", "周知不足", "委託料の上昇", "参加者の固定化", "関係機関との連携", "事務の効率化"]
GOAL_WHAT = ["実施方法の見直し", "周知の強化", "委託内容の見直し", "オンライン化の推進", "関係機関との連携強化"]
GOAL_LEVEL = ["参加者を1割増やす", "費用を5%削減する", "全対象者に周知する", "手続の半数をオンライン化する"]
NOT_SETTABLE = ["国の統計の公表時期が遅く、年度内に実績を把握できないため。",
                "事業の性質上、数値目標を設定することが難しいため。"]
LONG_TERM_NOTE = ["総合計画の目標年度までに大幅に改善する", "現状の水準を維持する"]

CONTINUE_VERDICTS = [("expand", ["increase"]), ("maintain", ["status_quo"]), ("improve", ["status_quo", "decrease"]),
                     ("reduce", ["decrease"]), ("integrate", ["decrease", "status_quo"]),
                     ("review", ["status_quo"])]
END_VERDICTS = [("complete", ["end"]), ("abolish", ["end", "decrease"]), ("end", ["end"])]
CRITERIA = ["relevance", "effectiveness", "efficiency", "achievement", "contribution"]

# --------------------------------------------------------------------------
# Exact arithmetic, rounded as hyoka rounds (half_up: ties away from zero)

Q = [Decimal(1).scaleb(-k) for k in range(4)]


def ratio(num, den, places, percent=False):
    """num ÷ den (× 100 for percentages), rounded half_up, as a string."""
    d = (Decimal(num) * (100 if percent else 1) / Decimal(den)).quantize(Q[places], rounding=ROUND_HALF_UP)
    return str(d.copy_abs() if d.is_zero() else d)


def thousands(yen):
    """A money value for the document (thousand yen): an int, or a float
    whose shortest repr is the exact decimal (three places at most)."""
    if yen % 1000 == 0:
        return yen // 1000
    return float(Decimal(yen) / 1000)


def stated_thousands(yen):
    return str((Decimal(yen) / 1000).quantize(Q[0], rounding=ROUND_HALF_UP))


def dec_text(d):
    """A decimal value as written: an int when whole, else a string."""
    if d == d.to_integral_value():
        return int(d)
    return str(d)


# --------------------------------------------------------------------------


def denominators(seed):
    rng = random.Random("hyoka-bench/%d/portfolio" % seed)
    pop = rng.randrange(80000, 400000)
    hh = pop * rng.randrange(40, 48) // 100
    out = []
    for fy in range(FIRST_YEAR, LAST_YEAR + 1):
        out.append({"fiscal_year": fy, "population": pop, "households": hh})
        pop = pop - rng.randrange(0, pop // 150)
        hh = hh + rng.randrange(0, hh // 200)
    return out


def make_project(seed, index, denoms):
    rng = random.Random("hyoka-bench/%d/%d" % (seed, index))
    choice, rint = rng.choice, rng.randint

    dept, sections = choice(DEPARTMENTS)
    section = choice(sections)
    topic, people, activity, outcome, law = choice(TOPICS)
    name = topic + choice(ACTIONS)
    fill = {"t": topic, "p": people, "a": activity, "o": outcome}

    nyears = rint(5, 6)
    years_fy = list(range(LAST_YEAR - nyears + 1, LAST_YEAR + 1))
    first = years_fy[0]
    start = first - rint(0, 12)
    period = choice(["recurring", "recurring", "recurring", "fixed_term"])
    ending = rng.random() < 0.06  # an end-type verdict: nothing planned after the evaluated year

    pcode, pname = choice(POLICIES)
    m = rint(1, 6)
    kan = choice(KAN)
    code = "%02d%02d%06d" % (DEPARTMENTS.index((dept, sections)) + 1, sections.index(section) + 1, index)

    p = {
        "code": code,
        "name": name,
        "organization": {
            "department": dept, "section": section, "group": choice(GROUPS),
            "phone": "内線%04d" % rint(1000, 8999),
        },
        "policy": [
            {"level": "政策", "code": pcode, "name": pname},
            {"level": "施策", "code": "%s-%d" % (pcode, m), "name": topic + choice(MEASURES)},
        ],
        "account": [
            {"level": "会計", "code": "1", "name": "一般会計"},
            {"level": "款", "code": kan[0], "name": kan[1]},
        ],
        "duty": "autonomous" if rng.random() < 0.9 else "statutory_entrusted",
        "period": period,
        "start_fiscal_year": start,
    }
    if period == "fixed_term":
        p["end_fiscal_year"] = LAST_YEAR + rint(0, 4)
    if law:
        p["legal_basis"] = law
    texts = {
        "purpose": choice(PURPOSE).format(**fill),
        "target": people,
        "intent": choice(INTENT).format(**fill),
        "result": choice(RESULT),
        "summary": choice(SUMMARY).format(**fill),
    }
    r = rng.random()
    if r < 0.15:
        texts["background"] = choice(BACKGROUND).format(y=rint(10, 30))
    elif r < 0.3:
        texts["environment"] = choice(ENVIRONMENT).format(**fill)
    elif r < 0.4:
        texts["opinions"] = choice(OPINIONS)
    elif r < 0.55:
        texts["activities_done"] = choice(DONE).format(**fill)
    elif r < 0.7:
        texts["activities_planned"] = choice(PLANNED).format(**fill)
    p["texts"] = texts

    # ---- cost years -----------------------------------------------------
    scale = choice([1, 1, 2, 5, 10, 30])
    base = rint(800, 20000) * scale  # thousand yen
    fte_h = rint(10, 250)            # FTE in hundredths
    unit_k = choice([7800, 8000, 8200, 8400, 8600])  # thousand yen per FTE
    part_hours = rint(200, 1600) if rng.random() < 0.3 else 0
    rate_y = choice([1000, 1050, 1100, 1150])  # yen per hour
    amount_line = rint(300, 3000) if rng.random() < 0.12 else 0  # 千円, stated amount only
    debt = rint(100, 3000) if rng.random() < 0.15 else 0
    indirect = rint(50, 800) if rng.random() < 0.3 else 0
    usage0 = rint(100, 20000)
    benef0 = rint(50, 5000) if rng.random() < 0.4 else 0
    nat_share = choice([0, 0, 0, 0, 25, 33, 50])
    pref_share = choice([0, 0, 0, 10, 25])
    bond_share = choice([0] * 9 + [20])
    user_share = choice([0] * 5 + [5, 10])
    other_share = choice([0] * 9 + [5])
    if nat_share + pref_share + bond_share + user_share + other_share > 90:
        bond_share = other_share = 0  # general revenue always covers the rest

    style = rint(0, 2)  # which figures the sheet prints
    with_headcount = rng.random() < 0.4
    with_final = rng.random() < 0.3
    years = []
    prev_total = None
    for fy in years_fy:
        phase = "settled" if fy < BUDGET_YEAR else ("budget" if fy == BUDGET_YEAR else "plan")
        grow = 1000 + rint(-80, 120)
        base = max(100, base * grow // 1000)
        initial_y = base * 1000
        y = {"fiscal_year": fy, "phase": phase}
        if ending and fy >= BUDGET_YEAR:
            initial_y = 0
        y["initial_budget"] = thousands(initial_y)
        if phase == "settled":
            final_y = initial_y + choice([0, 0, 0, rint(-5, 12) * initial_y // 100 // 1000 * 1000])
            final_y = max(final_y, 0)
            settle_y = final_y * rint(820, 1000) // 1000
            if rng.random() < 0.15:   # down to the yen
                settle_y = settle_y - rint(1, 999) if settle_y > 1000 else settle_y
            else:
                settle_y = settle_y // 1000 * 1000
            if with_final or final_y != initial_y:
                y["final_budget"] = thousands(final_y)
            y["settlement"] = thousands(settle_y)
            expense = settle_y
        else:
            expense = initial_y

        # funding: shares of the expense, general revenue the rest
        fund = {}
        rest = expense
        for key, share in (("national", nat_share), ("prefectural", pref_share), ("bonds", bond_share),
                           ("user_charges", user_share), ("other", other_share)):
            if share:
                v = expense * share // 100 // 1000 * 1000
                fund[key] = thousands(v)
                rest -= v
        assert rest >= 0
        fund["general"] = thousands(rest)
        y["funding"] = fund

        # staff
        staff = []
        personnel = 0
        f = max(5, fte_h + rint(-10, 10))
        cost = f * unit_k * 10  # yen: (f/100) × unit_k × 1000
        line = {"category": "regular"}
        if with_headcount:
            line["headcount"] = max(1, (f + 99) // 100 + rint(0, 2))
        line["fte"] = "%d.%02d" % divmod(f, 100)
        line["unit_cost"] = unit_k
        if cost % 1000 == 0 and rng.random() < 0.3:
            line["amount"] = cost // 1000
        staff.append(line)
        personnel += cost
        if part_hours:
            h = max(50, part_hours + rint(-100, 100))
            staff.append({"category": "part_time", "headcount": rint(1, 4), "hours": h,
                          "hourly_rate": thousands(rate_y)})
            personnel += h * rate_y
        if amount_line:
            staff.append({"category": "reappointed", "headcount": 1, "amount": amount_line})
            personnel += amount_line * 1000
        y["staff"] = staff
        if debt:
            y["debt_service"] = debt
        if indirect:
            y["indirect_costs"] = indirect
        total = expense + personnel + debt * 1000 + indirect * 1000

        usage = benef = None
        if phase == "settled":
            usage = max(1, usage0 * rint(900, 1150) // 1000)
            y["usage"] = usage
            if benef0:
                benef = max(1, benef0 * rint(900, 1150) // 1000)
                y["beneficiaries"] = benef
        den = denoms[fy - FIRST_YEAR]
        st = {"total_cost": stated_thousands(total)}
        if phase == "settled":
            if style == 0:
                st["per_capita"] = ratio(total, den["population"], 1)
                if usage:
                    st["unit_cost"] = ratio(total, usage, 0)  # the document rounds unit_cost to the yen
            elif style == 1:
                st["expense"] = stated_thousands(expense)
                st["personnel"] = stated_thousands(personnel)
                if final_y:
                    st["execution_rate"] = ratio(settle_y, final_y, 1, percent=True)
            else:
                st["per_household"] = ratio(total, den["households"], 1)
                if benef:
                    st["per_beneficiary"] = ratio(total, benef, 1)
                if total:
                    st["personnel_share"] = ratio(personnel, total, 1, percent=True)
                if expense:
                    st["general_revenue_share"] = ratio(rest, expense, 1, percent=True)
            if prev_total:
                st["total_cost_change"] = ratio(total - prev_total, prev_total, 1, percent=True)
        else:
            st = {}
        if st:
            y["stated"] = st
        prev_total = total
        years.append(y)
    p["years"] = years

    # ---- indicators -----------------------------------------------------
    settled = [fy for fy in years_fy if fy < BUDGET_YEAR]
    kinds = ["target", "activity", "activity", "outcome", "outcome", "upper_outcome"]
    extra = rint(0, 3)
    kinds += [choice(["activity", "outcome", "target"]) for _ in range(extra)]
    inds = []
    for n, kind in enumerate(kinds):
        pct = kind in ("outcome", "upper_outcome") and rng.random() < 0.5
        if kind == "target":
            nm, unit = choice([people.split("の")[-1] + "の数", "対象者数", "対象施設数"]), choice(["人", "件", "団体", "箇所"])
        elif kind == "activity":
            nm, unit = activity + choice(["の実施回数", "の参加者数", "の件数"]), choice(["回", "人", "件"])
        elif pct:
            nm, unit = outcome if "率" in outcome or "割合" in outcome else outcome + "の達成率", "%"
        else:
            nm, unit = outcome if n == 3 else "%s%s" % (activity, choice(["の満足度指数", "の利用者数", "の成果件数"])), \
                choice(["人", "件", "点", "日"])
        if kind == "upper_outcome":
            nm = choice(["住み続けたいと思う市民の割合", "市の施策に満足している市民の割合", "地域活動に参加している市民の割合"])
            unit, pct = "%", True
        ind = {"kind": kind, "name": nm, "unit": unit}
        if rng.random() < 0.15:
            ind["definition"] = choice(["実績報告の集計による", "市民意識調査による", "%s ÷ 対象者数 × 100" % nm, "年度末時点の件数"])
        not_settable = kind != "target" and rng.random() < 0.04
        direction = None
        if kind != "target":
            direction = choice(["increase", "increase", "increase", "decrease", "maintain"])
            ind["direction"] = direction
        if not_settable:
            ind["not_settable"] = True
            ind["not_settable_reason"] = choice(NOT_SETTABLE)
        values = []
        prev_actual = None
        if pct:
            level = Decimal(rint(300, 900)) / 10  # tenths of a percent
        else:
            level = Decimal(rint(5, 5000))
        for fy in years_fy:
            shown = fy >= BUDGET_YEAR - 1 and fy <= BUDGET_YEAR
            v = {"fiscal_year": fy}
            step = Decimal(rint(-30, 60)) / 1000
            if pct:
                tgt = min(Decimal(100), (level * (1 + step)).quantize(Q[1], rounding=ROUND_HALF_UP))
                act = min(Decimal(100), (tgt * Decimal(rint(850, 1100)) / 1000).quantize(Q[1], rounding=ROUND_HALF_UP))
            else:
                tgt = (level * (1 + step)).quantize(Q[0], rounding=ROUND_HALF_UP)
                act = (tgt * Decimal(rint(800, 1150)) / 1000).quantize(Q[0], rounding=ROUND_HALF_UP)
            level = tgt
            has_target = kind != "target" and not not_settable
            if has_target:
                v["target"] = dec_text(tgt)
            if fy in settled:
                v["actual"] = dec_text(act)
                if has_target and tgt != 0:
                    d = direction
                    if d == "maintain":
                        d = None if act == tgt else ("decrease" if act > tgt else "increase")
                    if d is None:
                        v["stated_achievement"] = "100.0"
                    elif d == "increase":
                        v["stated_achievement"] = ratio(act, tgt, 1, percent=True)
                    elif act != 0:
                        v["stated_achievement"] = ratio(tgt, act, 1, percent=True)
                prev_actual = act
            elif fy == BUDGET_YEAR:
                v["forecast"] = dec_text(act)
            if shown and len(v) > 1:
                values.append(v)
        ind["values"] = values
        if kind in ("outcome", "upper_outcome") and rng.random() < 0.5:
            if rng.random() < 0.8:
                lt = level * Decimal(rint(1000, 1300)) / 1000
                lt = min(Decimal(100), lt.quantize(Q[1])) if pct else lt.quantize(Q[0])
                ind["long_term_target"] = {"value": dec_text(lt), "fiscal_year": LAST_YEAR + rint(1, 5)}
            else:
                ind["long_term_target"] = {"note": choice(LONG_TERM_NOTE)}
        inds.append(ind)
    p["indicators"] = inds

    # ---- evaluations ----------------------------------------------------
    efy = settled[-1]
    if ending:
        verdict, budgets = choice(END_VERDICTS)
    else:
        verdict, budgets = choice(CONTINUE_VERDICTS)
    evals = []
    month, day = rint(5, 7), rint(1, 28)
    stages = ["primary"] if rng.random() < 0.8 else ["primary", "secondary"]
    scale3 = rng.random() < 0.5
    for k, stage in enumerate(stages):
        e = {"stage": stage, "scheme": "jp-standard", "fiscal_year": efy,
             "date": "%d-%02d-%02d" % (efy + 1, month + k, day),
             "evaluator": section + "長" if stage == "primary" else "行政評価委員会",
             "verdict": verdict, "budget": choice(budgets),
             "scores": {c: (choice("123") if scale3 else choice("AABC")) for c in CRITERIA},
             "expected": {"outcome": choice(["up", "same", "same", "down"]),
                          "cost": choice(["down", "same", "same", "up"])},
             "comments": {"reason": choice(REASONS).format(**fill)}}
        if rng.random() < 0.3:
            e["comments"]["issues"] = "、".join(rng.sample(ISSUES, 2))
        if stage == "primary" and rng.random() < 0.5:
            e["goals"] = [{"what": choice(GOAL_WHAT), "level": choice(GOAL_LEVEL),
                           "by": "%d-%02d" % (efy + 1 + rint(0, 1), rint(1, 12))} for _ in range(rint(1, 2))]
        evals.append(e)
    p["evaluations"] = evals
    if rng.random() < 0.1:
        p["extensions"] = {"ledger_id": "L%08d" % index, "updated_by": section}
    return p


def header(seed):
    return {
        "format": "hyoka/1",
        "amount_unit": "thousand_yen",
        "municipality": {"name": "さくら市", "code": "092142"},
        "denominators": denominators(seed),
        "rounding": {"unit_cost": {"places": 0, "mode": "half_up", "unit": "yen"}},
        "stated_tolerance": 0,
    }


def generate(n, out, seed=1):
    """Write the corpus to the binary file object @out; return its size."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    h = header(seed)
    denoms = h["denominators"]
    head = dumps(h)
    size = 0
    buf = []

    def put(s):
        nonlocal size
        b = s.encode("utf-8")
        size += len(b)
        buf.append(b)
        if len(buf) >= 512:
            out.write(b"".join(buf))
            buf.clear()

    put(head[:-1] + ',"projects":[\n')
    for i in range(n):
        put(dumps(make_project(seed, i, denoms)) + (",\n" if i + 1 < n else "\n"))
    put("]}\n")
    out.write(b"".join(buf))
    return size


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--check", action="store_true", help="re-read the output with the json module and count projects")
    ap.add_argument("n", type=int, help="number of projects")
    ap.add_argument("out", help="output file ('-' for stdout)")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    if a.out == "-":
        size = generate(a.n, sys.stdout.buffer, a.seed)
    else:
        tmp = a.out + ".tmp"
        with open(tmp, "wb") as f:
            size = generate(a.n, f, a.seed)
        os.replace(tmp, a.out)
    if a.check and a.out != "-":
        with open(a.out, "rb") as f:
            doc = json.load(f)
        assert len(doc["projects"]) == a.n
    print("%s: %d projects, %d bytes (%.0f bytes per project)" % (a.out, a.n, size, size / max(a.n, 1)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
