#!/usr/bin/env python3
"""Render the HTML pages of hyoka in headless Chromium and check them.

usage: check_render.py --pages HTML_SEED_PAGES --out DIR [--sheets DIR]
                       [--chromium PATH] [--hyoka PATH] [--jobs N]

1. Runs HTML_SEED_PAGES (tests/html_seed_pages.c) to write the pages of the
   four seed sheets (and an English page, an empty index, an "edge"
   portfolio of hostile text and awkward numbers, and "rs", a national
   review sheet with its budget cycle, logic model and spending blocks)
   under DIR/pages.
2. For every page, before rendering:
   - it is well-formed: html.parser sees every element closed in order,
     only the elements hyoka writes, no raw '<' or '>' in text, only the
     character references hyoka writes; every <svg> parses as XML;
   - it is self-contained: one <style>, no <script>, no src=, no url(),
     no @import or @font-face, no link to another site.
3. Renders it with Chromium: --screenshot (1240x1754, kept as
   DIR/screenshots/NAME.png) and --dump-dom in one run, and checks the rendered DOM:
   - not blank: body text longer than 500 characters on a project page,
     the project's name present;
   - no script, img, iframe, object or embed element exists (escaping held);
   - the number of rect.bar elements of each cost chart equals the number
     of non-zero segments the cost table implies (its funding cells and
     its total, read from the data-yen attributes), per year and in all;
   - the number of circle.point.target / circle.point.actual elements of
     each indicator chart equals the number of targets / actuals in the
     indicator table, and there is one chart per indicator with a value;
   - the screenshot is a PNG that is not one uniform colour (decoded here
     with zlib).
4. examples/sheets/*.json: rendered through `hyoka convert --to html` once
   the program offers it (--hyoka); skipped until then.

Exit status: 0 all good, 1 a check failed, 77 no Chromium (skipped).
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser

VOID = {'meta', 'br', 'img', 'input', 'link', 'hr', 'col', 'area', 'base', 'wbr', 'source', 'track', 'embed',
        'param'}
# Elements hyoka writes; anything else in a page is a failure of escaping.
ALLOWED = {'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'section', 'div', 'p', 'h1', 'h2',
           'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'br', 'figure',
           'figcaption', 'ul', 'li', 'a', 'footer', 'svg', 'g', 'line', 'polyline', 'rect', 'circle', 'text'}
SVG_EMPTY = {'line', 'polyline', 'rect', 'circle'}
CHARREFS = {'#39', '#10', '#13', '#x2028', '#x2029'}
ENTITIES = {'amp', 'lt', 'gt', 'quot'}
FORBIDDEN_DOM = {'script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'input'}

# Names the seed pages must show (tests/seeds.c).
SEED_NAMES = {
    'seed-001': '情報セキュリティ対策推進事業',
    'seed-001-en': '情報セキュリティ対策推進事業',
    'seed-002': '個人情報セキュリティ対策事業',
    'seed-003': '情報化安全対策事業',
    'seed-004': '真岡市セキュリティポリシー遵守運用事業',
    'edge': '</script><script>alert(1)</script>',
    'rs': '法教育の推進',
}

failures = []


def fail(page, msg):
    failures.append('%s: %s' % (page, msg))


# --------------------------------------------------------------------------
# Well-formedness of the page as written

class StrictChecker(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=False)
        self.page = page
        self.stack = []
        self.counts = {}
        self.in_style = False
        self.errors = []

    def err(self, msg):
        if len(self.errors) < 10:
            self.errors.append('line %d: %s' % (self.getpos()[0], msg))

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in ALLOWED:
            self.err('unexpected element <%s>' % tag)
        for name, value in attrs:
            if value is None:
                self.err('attribute %s without a value in <%s>' % (name, tag))
            elif name in ('src', 'srcset', 'style', 'background') or name.startswith('on'):
                self.err('attribute %s in <%s>' % (name, tag))
            elif name in ('href', 'xlink:href') and not re.fullmatch(r'project-\d+\.html|index\.html', value):
                self.err('link to %r' % value)
        if tag == 'style':
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in SVG_EMPTY:
            self.err('self-closing <%s/>' % tag)
        if tag not in ALLOWED:
            self.err('unexpected element <%s>' % tag)

    def handle_endtag(self, tag):
        if tag == 'style':
            self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.err('</%s> closes <%s>' % (tag, self.stack[-1] if self.stack else 'nothing'))
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if not self.in_style and ('<' in data or '>' in data):
            self.err('raw < or > in text %r' % data[:40])

    def handle_entityref(self, name):
        if name not in ENTITIES:
            self.err('entity &%s;' % name)

    def handle_charref(self, name):
        if '#' + name not in CHARREFS:
            self.err('character reference &#%s;' % name)

    def handle_comment(self, data):
        self.err('comment in the page')


def check_source(page, text):
    if not text.startswith('<!DOCTYPE html>\n'):
        fail(page, 'does not start with <!DOCTYPE html>')
    if not re.search(r'<html lang="(ja|en)">', text):
        fail(page, 'no <html lang>')
    if '<meta charset="utf-8">' not in text:
        fail(page, 'no <meta charset="utf-8">')
    # In the markup itself (tags and the style sheet); the same words in
    # escaped document text are harmless text.
    tags = re.sub(r'"[^"]*"', '""', ' '.join(re.findall(r'<[^>]*>', text))).lower()
    style = ' '.join(re.findall(r'<style>(.*?)</style>', text, flags=re.S)).lower()
    for bad in ('<script', 'src=', 'xlink:href', '<link', '<iframe', '<object', '<embed', '<img', '<base'):
        if bad in tags:
            fail(page, 'markup contains %r' % bad)
    for bad in ('url(', '@import', '@font-face', 'http', '//', 'expression('):
        if bad in style:
            fail(page, 'style sheet contains %r' % bad)
    if '<script' in text.lower():
        fail(page, 'contains <script')
    if '@page{size:A4;margin:12mm}' not in text:
        fail(page, 'no @page rule for A4')
    c = StrictChecker(page)
    c.feed(text)
    c.close()
    for e in c.errors:
        fail(page, 'not well-formed: ' + e)
    if c.stack:
        fail(page, 'elements left open: %s' % ' '.join(c.stack))
    if c.counts.get('style', 0) != 1:
        fail(page, '%d <style> elements' % c.counts.get('style', 0))
    if c.counts.get('title', 0) < 1:
        fail(page, 'no <title>')
    for svg in re.findall(r'<svg\b.*?</svg>', text, flags=re.S):
        try:
            root = ET.fromstring(svg)
        except ET.ParseError as e:
            fail(page, 'an <svg> is not well-formed XML: %s' % e)
            continue
        for a in ('viewBox', 'role', 'aria-label', 'width'):
            if a not in root.attrib:
                fail(page, 'an <svg> has no %s' % a)
        if root.attrib.get('width') != '100%' or root.attrib.get('role') != 'img':
            fail(page, 'an <svg> is not width="100%" role="img"')
        for el in root.iter():
            for a in ('x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points'):
                v = el.attrib.get(a)
                if v is not None and el is not root and not re.fullmatch(r'-?\d+(\.\d)?([ ,]-?\d+(\.\d)?)*', v):
                    fail(page, 'coordinate %s=%r in <%s>' % (a, v, el.tag))


# --------------------------------------------------------------------------
# The rendered DOM

class Node:
    __slots__ = ('tag', 'attrs', 'children', 'parent', 'text')

    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.children = []
        self.parent = parent
        self.text = []

    def classes(self):
        return (self.attrs.get('class') or '').split()

    def iter(self):
        yield self
        for c in self.children:
            yield from c.iter()

    def find_all(self, tag=None, cls=(), **attrs):
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if any(c not in n.classes() for c in cls):
                continue
            if any(n.attrs.get(k.replace('_', '-')) != v for k, v in attrs.items()):
                continue
            yield n

    def all_text(self):
        out = []
        for n in self.iter():
            if n.tag in ('style', 'title') and n is not self:
                continue
            out.extend(n.text)
        return ''.join(out)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#document', [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def parse_dom(text):
    b = TreeBuilder()
    b.feed(text)
    b.close()
    return b.root


def year_cells(row):
    """The cells of a cost-table row that belong to fiscal years, in order."""
    return [c for c in row.children if c.tag == 'td' and 'unit' not in c.classes()]


def expected_segments(table):
    """Non-zero segments per year column implied by a cost table."""
    years = int(table.attrs.get('data-years', '0'))
    src_rows = list(table.find_all('tr', cls=('row-source',)))
    total_rows = list(table.find_all('tr', cls=('row-total',)))
    if len(src_rows) != 6 or len(total_rows) != 1:
        return None
    totals = year_cells(total_rows[0])
    sources = [year_cells(r) for r in src_rows]
    if len(totals) != years or any(len(s) != years for s in sources):
        return None
    out = []
    for i in range(years):
        n, funded = 0, 0
        for s in sources:
            v = s[i].attrs.get('data-yen')
            if v is not None:
                funded += int(v)
                n += int(v) != 0
        t = totals[i].attrs.get('data-yen')
        if t is not None and int(t) - funded != 0:
            n += 1
        out.append(n)
    return out


def check_dom(page, dom, name, is_index):
    body = next(dom.find_all('body'), None)
    if body is None:
        fail(page, 'no body in the rendered DOM')
        return 0, 0
    text = body.all_text()
    least = 500 if not is_index else 100
    if len(text) <= least:
        fail(page, 'body text is only %d characters' % len(text))
    if name and name not in text:
        fail(page, 'the project name %r is not shown' % name)
    for n in dom.iter():
        if n.tag in FORBIDDEN_DOM:
            fail(page, 'a <%s> element exists in the rendered page' % n.tag)
    bars_total = 0
    charts = [s for s in dom.find_all('svg') if s.parent and 'cost-chart' in s.parent.classes()]
    tables = {t.attrs.get('data-project'): t for t in dom.find_all('table', cls=('cost-table',))}
    for svg in charts:
        proj = svg.attrs.get('data-project')
        bars = list(svg.find_all('rect', cls=('bar',)))
        table = tables.get(proj)
        if table is None:
            fail(page, 'cost chart of project %s has no cost table' % proj)
            continue
        exp = expected_segments(table)
        if exp is None:
            fail(page, 'cost table of project %s is not as expected' % proj)
            continue
        groups = [g for g in svg.find_all('g', cls=('year',))]
        if len(groups) != len(exp):
            fail(page, 'project %s: %d year groups for %d years' % (proj, len(groups), len(exp)))
        for g, e in zip(groups, exp):
            got = len(list(g.find_all('rect', cls=('bar',))))
            if got != e or int(g.attrs.get('data-segments', -1)) != e:
                fail(page, 'project %s, fiscal year %s: %d bars (data-segments %s), the table implies %d'
                     % (proj, g.attrs.get('data-fiscal-year'), got, g.attrs.get('data-segments'), e))
        if len(bars) != sum(exp) or int(svg.attrs.get('data-segments', -1)) != sum(exp):
            fail(page, 'project %s: %d bars, the table implies %d' % (proj, len(bars), sum(exp)))
        for b in bars:
            if not any(c.startswith('seg-') for c in b.classes()) or not any(c.tag == 'title' for c in b.children):
                fail(page, 'a bar without a segment class or a title')
        bars_total += len(bars)
    if len(list(dom.find_all('rect', cls=('bar',)))) != bars_total:
        fail(page, 'bars outside the cost charts')
    if len(charts) != len(tables):
        fail(page, '%d cost tables but %d cost charts' % (len(tables), len(charts)))

    points_total = 0
    rows = {}
    for kind in ('target', 'actual'):
        for tr in dom.find_all('tr', cls=('ind-' + kind,)):
            key = (tr.attrs.get('data-project'), tr.attrs.get('data-indicator'))
            rows[(key, kind)] = sum(1 for c in tr.children if c.tag == 'td' and 'data-value' in c.attrs)
    indicators = {k for (k, _kind) in rows}
    charted = set()
    for svg in dom.find_all('svg'):
        if not (svg.parent and 'indicator-chart' in svg.parent.classes()):
            continue
        key = (svg.attrs.get('data-project'), svg.attrs.get('data-indicator'))
        charted.add(key)
        for kind in ('target', 'actual'):
            got = len(list(svg.find_all('circle', cls=('point', kind))))
            exp = rows.get((key, kind))
            if exp is None or got != exp or int(svg.attrs.get('data-%ss' % kind, -1)) != exp:
                fail(page, 'indicator %s: %d %s points, the table has %s' % (key, got, kind, exp))
            points_total += got
    for key in indicators:
        has = rows.get((key, 'target'), 0) + rows.get((key, 'actual'), 0) > 0
        if has != (key in charted):
            fail(page, 'indicator %s: %s chart' % (key, 'no' if has else 'an unexpected'))
    if len(list(dom.find_all('circle', cls=('point',)))) != points_total:
        fail(page, 'points outside the indicator charts')
    return bars_total, points_total


# --------------------------------------------------------------------------
# PNG, decoded with zlib only

def png_rows(path):
    """Decode a PNG (8-bit, not interlaced) with zlib; yield its rows of
    pixels one by one, so a caller can stop early. Returns (width, height,
    bytes per pixel, generator)."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        length, ctype = struct.unpack('>I4s', data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if ctype == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', chunk)
        elif ctype == b'IDAT':
            idat.append(chunk)
        elif ctype == b'IEND':
            break
        pos += 12 + length
    if ihdr is None:
        raise ValueError('no IHDR chunk')
    width, height, depth, ctype, _c, _f, interlace = ihdr
    if depth != 8 or interlace != 0 or ctype not in (0, 2, 4, 6):
        raise ValueError('unsupported PNG (depth %d, colour type %d, interlace %d)' % (depth, ctype, interlace))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b''.join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError('image data of %d bytes for %dx%d pixels' % (len(raw), width, height))

    def rows():
        prev = bytearray(stride)
        for y in range(height):
            f = raw[y * (stride + 1)]
            line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            if f == 1:
                for x in range(bpp, stride):
                    line[x] = (line[x] + line[x - bpp]) & 255
            elif f == 2:
                for x in range(stride):
                    line[x] = (line[x] + prev[x]) & 255
            elif f == 3:
                for x in range(stride):
                    a = line[x - bpp] if x >= bpp else 0
                    line[x] = (line[x] + ((a + prev[x]) >> 1)) & 255
            elif f == 4:
                for x in range(stride):
                    if x < bpp:
                        line[x] = (line[x] + prev[x]) & 255
                        continue
                    a, b, c = line[x - bpp], prev[x], prev[x - bpp]
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            elif f != 0:
                raise ValueError('filter type %d' % f)
            yield bytes(line)
            prev = line
    return width, height, bpp, rows()


def check_png(page, path):
    """Not one uniform colour: at least 16 colours, and at least 2% of the
    pixels of the whole image differ from the top-left one. Rows are decoded
    until that is shown (a good page shows it in its first rows)."""
    try:
        width, height, bpp, rows = png_rows(path)
        if (width, height) != (1240, 1754):
            fail(page, 'screenshot is %dx%d' % (width, height))
        need = width * height // 50
        colours, other, background = set(), 0, None
        for row in rows:
            px = [row[i:i + bpp] for i in range(0, len(row), bpp)]
            if background is None:
                background = px[0]
            colours.update(px)
            other += sum(1 for p in px if p != background)
            if len(colours) >= 16 and other >= need:
                return
    except (ValueError, zlib.error, struct.error, TypeError) as e:
        fail(page, 'screenshot %s cannot be read: %s' % (path, e))
        return
    fail(page, 'screenshot looks blank: %d colours, %d pixels differ from the background' % (len(colours), other))


# --------------------------------------------------------------------------
# Chromium

def chromium_cmd(exe, extra, url):
    return [exe, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--hide-scrollbars', '--force-device-scale-factor=1'] + extra + [url]


def run_chromium(exe, extra, url):
    with tempfile.TemporaryDirectory(prefix='hyoka-render-') as profile:
        cmd = chromium_cmd(exe, ['--user-data-dir=' + profile] + extra, url)
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)


def render(exe, html_path, png_path):
    """One Chromium run takes the screenshot and dumps the DOM."""
    url = 'file://' + os.path.abspath(html_path)
    return run_chromium(exe, ['--screenshot=' + png_path, '--dump-dom', '--window-size=1240,1754'], url)


def find_chromium(given):
    if given:
        return given if os.path.exists(given) else shutil.which(given)
    for name in ('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'):
        p = shutil.which(name)
        if p:
            return p
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pages', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--sheets')
    ap.add_argument('--chromium')
    ap.add_argument('--hyoka')
    ap.add_argument('--jobs', type=int, default=4)
    args = ap.parse_args()

    exe = find_chromium(args.chromium)
    if not exe:
        print('check_render: no Chromium found (apt-get install chromium); skipped')
        return 77

    out = os.path.abspath(args.out)
    pages_dir = os.path.join(out, 'pages')
    shots_dir = os.path.join(out, 'screenshots')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(pages_dir)
    os.makedirs(shots_dir)
    r = subprocess.run([args.pages, pages_dir], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        print('check_render: %s failed (%d):\n%s' % (args.pages, r.returncode, r.stderr))
        return 1

    if args.sheets and os.path.isdir(args.sheets):
        sheets = sorted(f for f in os.listdir(args.sheets) if f.endswith('.json'))
        converted = 0
        if args.hyoka and os.path.exists(args.hyoka):
            for f in sheets:
                dest = os.path.join(pages_dir, 'sheet-' + f[:-5])
                c = subprocess.run([args.hyoka, 'convert', '--to', 'html', os.path.join(args.sheets, f), dest],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                converted += c.returncode == 0
        if sheets and not converted:
            print('check_render: %d examples/sheets/*.json skipped (hyoka convert --to html not available yet)'
                  % len(sheets))

    pages = []
    for folder in sorted(os.listdir(pages_dir)):
        d = os.path.join(pages_dir, folder)
        for f in sorted(os.listdir(d)):
            if f.endswith('.html'):
                pages.append((folder, f, os.path.join(d, f)))
    if not pages:
        print('check_render: no page written')
        return 1

    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for folder, f, path in pages:
            page = '%s/%s' % (folder, f)
            text = open(path, encoding='utf-8').read()
            check_source(page, text)
            png = os.path.join(shots_dir, '%s-%s.png' % (folder, f[:-5]))
            jobs[pool.submit(render, exe, path, png)] = (page, folder, f, png)
        results = {}
        for fut in concurrent.futures.as_completed(jobs):
            results[jobs[fut]] = fut.result()

    total_bars = total_points = 0
    for (page, folder, f, png), run in sorted(results.items()):
        shot = dom = run
        if shot.returncode != 0 or not os.path.exists(png):
            fail(page, 'chromium --screenshot failed (%d): %s' % (shot.returncode, shot.stderr[-400:]))
        else:
            check_png(page, png)
        if dom.returncode != 0 or not dom.stdout:
            fail(page, 'chromium --dump-dom failed (%d)' % dom.returncode)
            continue
        tree = parse_dom(dom.stdout.decode('utf-8', 'replace'))
        is_index = f == 'index.html'
        name = None if is_index else SEED_NAMES.get(folder)
        bars, points = check_dom(page, tree, name, is_index)
        total_bars += bars
        total_points += points
        print('  %-28s %3d bars %3d points  %s' % (page, bars, points, png))

    print('check_render: %d pages, %d bars, %d points; screenshots in %s' % (len(pages), total_bars, total_points,
                                                                           shots_dir))
    if failures:
        for f in failures:
            print('FAIL ' + f)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
