#!/usr/bin/env python3
"""Generate the 15 RS tables of a review year at the published size: by
default 5,700 projects, about 120,000 rows of 3-1 (indicators) and 200,000
rows of 5-1 (recipients and contracts), deterministic for a seed.

The headers are those of the real sample (tests/data/rs-sample-2024) and
the texts are drawn from its cells, so the tables have the published
columns and realistic sizes; the structure (a total row and an account row
per budget year, an activity row and four rows per output or outcome, a
block row, recipient rows and contract rows) and the numbers are made
here, with the published quirks: trailing spaces in number cells,
`5252000.0`, `TRUE`/`FALSE` and `f`, `-` for not applicable.

usage: gen_rs.py OUT_DIR [--projects N] [--seed S] [--year Y] [--sample DIR]
Writes OUT_DIR/{table}_RS_{year}_{title}.csv (UTF-8 with BOM, CRLF) and
prints the row counts and the total size. Not committed output: run it.
"""
import argparse
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, '..', 'data', 'rs-sample-2024')


def load_sample(folder):
    """table -> (title, header, rows as dicts)."""
    out = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.csv') or '_RS_' not in name:
            continue
        table, rest = name.split('_RS_', 1)
        title = rest.split('_', 1)[1][:-4]
        with open(os.path.join(folder, name), encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(f))
        out[table] = (title, rows[0], [dict(zip(rows[0], r)) for r in rows[1:]])
    return out


class Gen:
    def __init__(self, sample, seed, year):
        self.s = sample
        self.r = random.Random(seed)
        self.year = year
        self.texts = {}
        for table, (_, header, rows) in sample.items():
            for h in header:
                vals = [row[h] for row in rows if row.get(h, '')]
                self.texts[(table, h)] = vals or ['']

    def pick(self, table, col):
        return self.r.choice(self.texts[(table, col)])

    def amount(self, lo=1000, hi=10 ** 10):
        v = self.r.randrange(lo, hi) // 1000 * 1000
        k = self.r.random()
        return '%d ' % v if k < 0.2 else '%d.0' % v if k < 0.25 else str(v)

    def flag(self, word=True):
        v = self.r.random() < 0.3
        return ('TRUE' if v else 'FALSE') if word else ('t' if v else 'f')

    def common(self, table, p):
        d = {
            'シート種別': 'レビューシート', '事業年度': str(self.year), '予算事業ID': str(p['id']),
            '事業名': p['name'], '府省庁の建制順': str(p['order']), '建制順': str(p['order']),
            '政策所管府省庁': p['ministry'], '所管府省庁': p['ministry'], '府省庁': p['ministry'],
            '局・庁': p['bureau'], '部': '', '課': p['section'], '室': '', '班': '', '係': '',
        }
        return d

    def project(self, i):
        r = self.r
        return {'id': 100 + i, 'name': self.pick('1-2', '事業名') + ' %d' % i, 'order': 1 + i % 40,
                'ministry': self.pick('1-1', '府省庁'), 'bureau': self.pick('1-1', '局・庁'),
                'section': self.pick('1-1', '課'), 'k': 5 if i % 25 < 19 else 4,
                'contracts': [1 + (r.random() < 0.67) for _ in range(12)]}

    def rows(self, table, p):
        c = self.common(table, p)
        pick = lambda col: self.pick(table, col)  # noqa: E731
        r = self.r
        if table == '1-1':
            return [dict(c, **{'その他担当組織_作成責任者_no': '1', '作成責任者': pick('作成責任者')})]
        if table == '1-2':
            d = {h: pick(h) for h in ('事業の目的', '現状・課題', '事業の概要', '事業区分', '主要経費', '備考')}
            d.update({'事業開始年度': str(r.randrange(1990, self.year)), '開始年度不明': 'FALSE',
                      '終了予定なし': 'TRUE', '実施方法ー直接実施': '1', '整理表表示順': str(p['id'])})
            return [dict(c, **d)]
        if table == '1-3':
            first = {h: pick(h) for h in ('政策', '施策', '政策・施策URL', '法令名', '法令番号', '条', '計画通知名')}
            first.update({'番号（政策・施策）': '1', '政策所管府省庁_P': p['ministry'], '番号（根拠法令）': '1',
                          '番号（関係する計画・通知等）': '1'})
            return [dict(c, **first), dict(c, **{'番号（関係する計画・通知等）': '2', '計画通知名': pick('計画通知名')})]
        if table == '1-4':
            return [dict(c, **{'番号（補助率等）': '1', '補助対象': pick('補助対象'), '補助率': pick('補助率')})]
        if table == '1-5':
            return [dict(c)]
        if table == '2-1':
            out = []
            for y in range(self.year, self.year - 4, -1):
                init, sup = r.randrange(10 ** 6, 10 ** 10) // 1000 * 1000, r.randrange(0, 10 ** 8) // 1000 * 1000
                appr = init + sup
                ex = r.randrange(0, appr + 1) // 1000 * 1000
                rate = ('%.5f' % (ex / appr)).rstrip('0').rstrip('.') if appr else ''
                out.append(dict(c, **{'予算年度': str(y), '当初予算（合計）': str(init), '補正予算（合計）': str(sup),
                                      '前年度からの繰越し（合計）': '0', '予備費等（合計）': '0',
                                      '計（歳出予算現額合計）': str(appr), '執行額（合計）': str(ex), '執行率': rate,
                                      '翌年度への繰越し(合計）': '0', '翌年度要求額（合計）': '%d.0' % init,
                                      '主な増減理由': pick('主な増減理由')}))
                acct = {'予算年度': str(y), '会計区分': '一般会計', '会計': '一般会計', '当初予算': str(init),
                        '第1次補正予算': str(sup), '歳出予算現額': str(appr), '執行額': str(ex),
                        '翌年度要求額': str(init), '要望額': '0'}
                for h in ('第2次補正予算', '第3次補正予算', '第4次補正予算', '第5次補正予算', '前年度から繰越し',
                          '予備費等1', '予備費等2', '予備費等3', '予備費等4'):
                    acct[h] = '0'
                out.append(dict(c, **acct))
            return out
        if table == '2-2':
            return [dict(c, **{'予算年度': str(y), '会計区分': '一般会計', '会計': '一般会計', '予算種別': '当初予算',
                               '所管': p['ministry'], '組織・勘定': pick('組織・勘定'), '項': pick('項'),
                               '目': pick('目'), '予算額（歳出予算項目ごと）': self.amount()})
                    for y in range(self.year, self.year - 4, -1) for _ in range(2)]
        if table == '3-1':
            out = []
            for n in (1, 2):
                out.append(dict(c, **{'アクティビティ・アウトプット・アウトカムの番号': str(n),
                                      '種別（アクティビティ・アウトプット・アウトカム）': 'アクティビティ',
                                      'アクティビティ／活動目標／成果目標': pick('アクティビティ／活動目標／成果目標')}))
            for k in range(p['k']):
                kind = 'アウトプット' if k < 2 else 'アウトカム'
                node = {'アクティビティ・アウトプット・アウトカムの番号': str(10 + k),
                        '種別（アクティビティ・アウトプット・アウトカム）': kind,
                        'アクティビティ／活動目標／成果目標': pick('アクティビティ／活動目標／成果目標'),
                        '活動指標／成果指標': pick('活動指標／成果指標'), '単位': pick('単位')}
                if kind == 'アウトカム':
                    node.update({'アウトカムの期間': ['1.短期', '2.中期', '3.長期'][k % 3], '成果目標の種類': '定量的',
                                 '改善の上向き／下向き': '上がると良い指標',
                                 '成果実績及び目標値の根拠として用いた統計・データ名（出典）': pick(
                                     '成果実績及び目標値の根拠として用いた統計・データ名（出典）')})
                targets = {y: r.randrange(1, 1000) for y in range(self.year - 3, self.year + 1)}
                actuals = {y: r.randrange(1, 1000) for y in range(self.year - 3, self.year)}
                rows4 = [{'目標年度／目標値／実績値／達成率': '1.目標年度', str(self.year + 2): '1'},
                         dict({'目標年度／目標値／実績値／達成率': '2.目標値'}, **{str(y): str(v) for y, v in targets.items()}),
                         dict({'目標年度／目標値／実績値／達成率': '3.実績値'}, **{str(y): str(v) for y, v in actuals.items()}),
                         dict({'目標年度／目標値／実績値／達成率': '4.達成率'},
                              **{str(y): ('%.5f' % (actuals[y] * 100 / targets[y])).rstrip('0').rstrip('.')
                                 for y in actuals})]
                out.extend(dict(c, **node, **x) for x in rows4)
            return out
        if table == '3-2':
            return [dict(c, **{'派生元ーアクティビティ・アウトプット・アウトカムの番号': str(a),
                               '派生元ー種別（アクティビティ・アウトプット・アウトカム）': 'アクティビティ',
                               '派生先ーアクティビティ・アウトプット・アウトカムの番号': str(10 + a),
                               '派生先ー種別（アクティビティ・アウトプット・アウトカム）': 'アウトプット',
                               '後続アウトカムへのつながり': pick('後続アウトカムへのつながり')}) for a in range(5)]
        if table == '4-1':
            d = {h: pick(h) for h in ('事業所管部局による点検・改善ー点検結果', '事業所管部局による点検・改善ー改善の方向性',
                                      '行政事業レビュー推進チームの所見の詳細',
                                      '所見を踏まえた改善点／概算要求における反映状況の詳細')}
            d.update({'行政事業レビュー推進チームの所見': r.choice(['現状通り', '事業内容の一部改善']),
                      '所見を踏まえた改善点／概算要求における反映状況': r.choice(['現状通り', '執行等改善', '縮減']),
                      '反映額（一般会計）': str(-r.randrange(0, 10 ** 6) // 1000 * 1000)})
            return [dict(c, **d)]
        if table == '5-1':
            out = []
            for b in range(3):
                block = chr(ord('A') + b)
                out.append(dict(c, **{'支出先ブロック番号': block, '支出先ブロック名': pick('支出先ブロック名'),
                                      '支出先の数': '4', '事業を行う上での役割': pick('事業を行う上での役割'),
                                      'ブロックの合計支出額': self.amount()}))
                for j in range(4):
                    rec = {'支出先ブロック番号': block, '支出先名': pick('支出先名'),
                           '法人番号': '%013d ' % r.randrange(10 ** 12, 10 ** 13), '所在地': pick('所在地'),
                           '法人種別': '301', 'その他支出先': 'FALSE'}
                    out.append(dict(c, **rec, **{'支出先の合計支出額': self.amount()}))
                    for _ in range(p['contracts'][b * 4 + j]):
                        out.append(dict(c, **rec, **{'契約概要': pick('契約概要'), '金額': self.amount(),
                                                     '契約方式等': pick('契約方式等'), '入札者数': str(r.randrange(0, 5)),
                                                     '落札率': str(r.randrange(50, 100)), 'その他の契約': 'FALSE'}))
            return out
        if table == '5-2':
            return [dict(c, **{'支出元の支出先ブロック名': p['ministry'], '担当組織からの支出': 'TRUE',
                               '支出先の支出先ブロック': chr(ord('A') + b), '支出先の支出先ブロック名': pick(
                                   '支出先の支出先ブロック名')}) for b in range(3)]
        if table == '5-3':
            return [dict(c, **{'支出先ブロック番号': chr(ord('A') + b % 3), '支出先名': pick('支出先名'),
                               '費目': pick('費目'), '使途': pick('使途'), '金額': self.amount()}) for b in range(4)]
        if table == '5-4':
            pre = '（国庫債務負担行為等による契約）'
            return [dict(c, **{'支出先ブロック' + pre: 'A', '契約先名' + pre: pick('契約先名' + pre),
                               '契約額' + pre: self.amount(), 'その他の契約': 'f', 'その他の契約' + pre: 'f',
                               '落札率（％）' + pre: '-'}) for _ in range(2)]
        if table == '6-1':
            return [dict(c, **{'備考': pick('備考') if r.random() < 0.2 else ''})]
        raise ValueError(table)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--projects', type=int, default=5700)
    ap.add_argument('--seed', type=int, default=20240)
    ap.add_argument('--year', type=int, default=2024)
    ap.add_argument('--sample', default=SAMPLE)
    a = ap.parse_args()
    sample = load_sample(a.sample)
    g = Gen(sample, a.seed, a.year)
    projects = [g.project(i) for i in range(a.projects)]
    os.makedirs(a.out, exist_ok=True)
    total = 0
    for table in sorted(sample, key=lambda t: [int(x) for x in t.split('-')]):
        title, header, _ = sample[table]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator='\r\n')
        w.writerow(header)
        n = 0
        for p in projects:
            for row in g.rows(table, p):
                w.writerow([row.get(h, '') for h in header])
                n += 1
        data = b'\xef\xbb\xbf' + buf.getvalue().encode('utf-8')
        with open(os.path.join(a.out, '%s_RS_%d_%s.csv' % (table, a.year, title)), 'wb') as f:
            f.write(data)
        total += len(data)
        print('%s: %d rows, %d bytes' % (table, n, len(data)))
    print('total: %d projects, %d bytes' % (a.projects, total))


if __name__ == '__main__':
    main()
