#!/usr/bin/env python3
"""Make rs-sample-2024.json, the hyoka/1 form of the parts of the RS sample
(review year 2024, five projects) that validation, the HTML sheet and
metrics read: budgets (2-1), the logic model (3-1, 3-2), the review's
outcome (4-1) and the spending blocks (5-1). Values are copied as printed.

Source: 行政事業レビュー見える化サイト (https://rssystem.go.jp), open data of
review year 2024, Public Data License 1.0 (PDL1.0); see SOURCE.md.

usage: make_sample_json.py DIR_OF_THE_15_TABLES > rs-sample-2024.json
"""
import csv
import glob
import json
import os
import sys

DIR = sys.argv[1]


def table(prefix):
    path = glob.glob(os.path.join(DIR, prefix + '_RS_*.csv'))[0]
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def num(cell):
    cell = cell.strip()
    if cell.endswith('.0'):
        cell = cell[:-2]
    return int(cell)


def put(obj, key, cell, conv=None):
    if cell is None or cell.strip() == '':
        return
    obj[key] = conv(cell) if conv else cell


projects = {}
order = []


def project(row):
    pid = row['予算事業ID']
    if pid not in projects:
        projects[pid] = {'code': pid, 'name': row['事業名'], 'organization': {'ministry': row['府省庁']}}
        order.append(pid)
    return projects[pid]


# 2-1 budgets
TOTAL = [('initial', '当初予算（合計）'), ('supplementary', '補正予算（合計）'),
         ('carried_in', '前年度からの繰越し（合計）'), ('reserve', '予備費等（合計）'),
         ('appropriation', '計（歳出予算現額合計）'), ('execution', '執行額（合計）')]
TOTAL_AFTER = [('carried_out', '翌年度への繰越し(合計）'), ('request', '翌年度要求額（合計）')]
ACCOUNT = [('initial', '当初予算')] + [('supplementary_%d' % i, '第%d次補正予算' % i) for i in range(1, 6)] + \
    [('carried_in', '前年度から繰越し')] + [('reserve_%d' % i, '予備費等%d' % i) for i in range(1, 5)] + \
    [('appropriation', '歳出予算現額'), ('execution', '執行額'), ('request', '翌年度要求額'), ('priority_request', '要望額')]
for row in table('2-1'):
    b = {'budget_year': int(row['予算年度'])}
    if row['会計区分'] or row['会計']:
        put(b, 'account_type', row['会計区分'])
        put(b, 'account', row['会計'])
        put(b, 'subaccount', row['勘定'])
        for key, col in ACCOUNT:
            put(b, key, row[col], num)
        put(b, 'notes', row['備考'])
    else:
        for key, col in TOTAL:
            put(b, key, row[col], num)
        put(b, 'stated_execution_rate', row['執行率'])
        for key, col in TOTAL_AFTER:
            put(b, key, row[col], num)
        put(b, 'change_reason', row['主な増減理由'])
        put(b, 'special_notes', row['その他特記事項'])
    project(row).setdefault('budgets', []).append(b)

# 3-1 indicators: one node per (kind, number, term), four rows each
KIND = {'アクティビティ': 'action', 'アウトプット': 'activity', 'アウトカム': 'outcome'}
TERM = {'1.短期': 'short', '2.中期': 'medium', '3.長期': 'long'}
DIRECTION = {'上がると良い指標': 'increase', '下がると良い指標': 'decrease'}
MEASUREMENT = {'定量的': 'quantitative', '定性的': 'qualitative'}
ROW_VALUE = {'2.目標値': 'target', '3.実績値': 'actual', '4.達成率': 'stated_achievement'}
nodes = {}
for row in table('3-1'):
    p = project(row)
    kind = KIND[row['種別（アクティビティ・アウトプット・アウトカム）']]
    key = (row['予算事業ID'], kind, row['アクティビティ・アウトプット・アウトカムの番号'], row['アウトカムの期間'])
    if key not in nodes:
        ind = {'kind': kind}
        put(ind, 'name', row['活動指標／成果指標'])
        put(ind, 'unit', row['単位'])
        put(ind, 'direction', row['改善の上向き／下向き'], DIRECTION.get)
        ind['number'] = int(key[2])
        put(ind, 'term', row['アウトカムの期間'], TERM.get)
        put(ind, 'measurement', row['成果目標の種類'], MEASUREMENT.get)
        put(ind, 'goal', row['アクティビティ／活動目標／成果目標'])
        put(ind, 'source', row['成果実績及び目標値の根拠として用いた統計・データ名（出典）'])
        put(ind, 'qualitative_reason', row['定性的なアウトカム目標を設定している理由'])
        put(ind, 'qualitative_result', row['定性的なアウトカムに関する成果実績'])
        put(ind, 'kpi_name', row['事業に関連するKPIが定められている閣議決定等の名称'])
        put(ind, 'kpi_section', row['事業に関連するKPIが定められている閣議決定等の該当箇所'])
        put(ind, 'kpi_url', row['事業に関連するKPIが定められている閣議決定等のURL'])
        ind['_values'] = {}
        nodes[key] = ind
        p.setdefault('indicators', []).append(ind)
    ind = nodes[key]
    which = row['目標年度／目標値／実績値／達成率']
    years = [k for k in row if len(k) == 4 and k.isdigit() and row[k].strip()]
    if which == '1.目標年度':
        for y in years:
            ind['target_fiscal_year'] = int(y)
    elif which in ROW_VALUE:
        for y in years:
            ind['_values'].setdefault(int(y), {})[ROW_VALUE[which]] = row[y].strip()
for ind in nodes.values():
    values = ind.pop('_values')
    if values:
        ind['values'] = [dict({'fiscal_year': y}, **values[y]) for y in sorted(values)]
    # members in the order hyoka/1 writes them
    first = ['kind', 'name', 'unit', 'direction', 'values']
    items = sorted(ind.items(), key=lambda kv: first.index(kv[0]) if kv[0] in first else len(first))
    ind.clear()
    ind.update(items)

# 3-2 links
LINK = [('from_number', '派生元ーアクティビティ・アウトプット・アウトカムの番号', int),
        ('from_kind', '派生元ー種別（アクティビティ・アウトプット・アウトカム）', None),
        ('from_term', '派生元ーアウトカムの期間', None),
        ('from_goal', '派生元ーアクティビティの内容/ 活動目標／成果目標', None),
        ('from_indicator', '派生元ー活動指標／成果指標', None),
        ('to_number', '派生先ーアクティビティ・アウトプット・アウトカムの番号', int),
        ('to_kind', '派生先ー種別（アクティビティ・アウトプット・アウトカム）', None),
        ('to_term', '派生先ーアウトカムの期間', None),
        ('to_goal', '派生先ー 活動目標／成果目標', None),
        ('to_indicator', '派生先ー活動指標／成果指標', None),
        ('connection', '後続アウトカムへのつながり', None),
        ('single_stage_reason', 'アウトカムを複数段階で設定できない理由', None)]
for row in table('3-2'):
    link = {}
    for key, col, conv in LINK:
        put(link, key, row[col], conv)
    project(row).setdefault('links', []).append(link)

# 4-1 the review's outcome
VERDICT = {'現状通り': 'status_quo', '事業内容の一部改善': 'partial_improvement',
           '事業全体の抜本的な改善': 'fundamental_improvement', '終了予定': 'end_as_planned', '廃止': 'abolish'}
BUDGET = {'現状通り': 'status_quo', '執行等改善': 'execution_improvement', '年度内に改善を検討': 'review_within_year',
          '縮減': 'reduction', '予定通り終了': 'end_as_planned', '廃止': 'abolish'}
for row in table('4-1'):
    p = project(row)
    e = {'stage': 'committee', 'scheme': 'jp-rs-review', 'fiscal_year': int(row['事業年度'])}
    put(e, 'verdict', row['行政事業レビュー推進チームの所見'], VERDICT.get)
    put(e, 'budget', row['所見を踏まえた改善点／概算要求における反映状況'], BUDGET.get)
    comments = {}
    put(comments, 'opinion', row['行政事業レビュー推進チームの所見の詳細'])
    put(comments, 'reflection', row['所見を踏まえた改善点／概算要求における反映状況の詳細'])
    if comments:
        e['comments'] = comments
    p.setdefault('evaluations', []).append(e)
    if row['反映額（一般会計）'].strip():
        p.setdefault('reflections', []).append({'account_type': '一般会計', 'account': '一般会計',
                                                'amount': num(row['反映額（一般会計）'])})
    if row['反映額（特別会計）－反映額'].strip():
        r = {'account_type': '特別会計'}
        put(r, 'account', row['反映額（特別会計）－会計'])
        put(r, 'subaccount', row['反映額（特別会計）－勘定'])
        r['amount'] = num(row['反映額（特別会計）－反映額'])
        p.setdefault('reflections', []).append(r)

# 5-1 blocks, recipients, contracts
blocks = {}
for row in table('5-1'):
    if not row['支出先ブロック番号']:
        continue
    p = project(row)
    bkey = (row['予算事業ID'], row['支出先ブロック番号'])
    if bkey not in blocks:
        blocks[bkey] = {'block': row['支出先ブロック番号']}
        p.setdefault('blocks', []).append(blocks[bkey])
    b = blocks[bkey]
    if row['支出先ブロック名'] and not row['支出先名']:
        put(b, 'name', row['支出先ブロック名'])
        put(b, 'recipient_count', row['支出先の数'], num)
        put(b, 'role', row['事業を行う上での役割'])
        put(b, 'total', row['ブロックの合計支出額'], num)
        continue
    recs = b.setdefault('recipients', [])
    if row['支出先の合計支出額'].strip() and not row['金額'].strip():
        r = {'name': row['支出先名']}
        put(r, 'corporate_number', row['法人番号'].strip())
        put(r, 'location', row['所在地'])
        put(r, 'corporate_type', row['法人種別'])
        put(r, 'other', row['その他支出先'], lambda v: v.strip() == 'TRUE')
        put(r, 'total', row['支出先の合計支出額'], num)
        recs.append(r)
        continue
    c = {}
    put(c, 'summary', row['契約概要'])
    put(c, 'amount', row['金額'], num)
    put(c, 'method', row['契約方式等'])
    put(c, 'method_detail', row['具体的な契約方式等'])
    put(c, 'bidders', row['入札者数'], num)
    put(c, 'winning_bid_ratio', row['落札率'].strip())
    put(c, 'single_bid_reason', row['一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（支出額10億円以上）'])
    put(c, 'other', row['その他の契約'], lambda v: v.strip() == 'TRUE')
    recs[-1].setdefault('contracts', []).append(c)

MEMBERS = ['code', 'name', 'organization', 'indicators', 'evaluations', 'budgets', 'blocks', 'links', 'reflections']
doc = {'format': 'hyoka/1', 'amount_unit': 'yen',
       'projects': [{k: projects[pid][k] for k in MEMBERS if k in projects[pid]} for pid in order]}
json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write('\n')
