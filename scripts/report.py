#!/usr/bin/python3
"""report.py — run the demo's analysis sections and write the reports.

Each section is one SQL file in demo/ (see docs/demo.md for the format).
For every section this runs each query once and renders its result
twice: as an aligned plain-text table on the terminal (numbers
right-aligned, long text cut with an ellipsis to fit the width) and as a
table (and a chart, where the query asks for one) in a self-contained HTML
file: one stylesheet in the file, inline SVG, no external assets, and one
inline script that records the page height for the screenshot.

A section whose required objects do not exist yet is skipped, so the demo
runs on whatever part of the extension is installed.  A query that fails
is reported in place and makes the script exit with status 1 after the
whole report is written.

Connection settings come from the libpq environment (PGHOST, PGPORT,
PGUSER, PGDATABASE).  Needs Debian's python3-psycopg2; run with
/usr/bin/python3.
"""

import argparse
import datetime
import decimal
import html
import math
import os
import re
import shutil
import sys
import textwrap

import psycopg2


# ---------------------------------------------------------------- parsing

class Query:
    """one statement of a section with its own directives"""

    def __init__(self, sql, directives):
        self.sql = sql
        self.chart = directives.get("chart", "")
        self.caption = directives.get("caption", "")


class Section:
    """one demo/*.sql file: title, requirements, description, queries"""

    def __init__(self, path):
        self.path = path
        self.title = os.path.basename(path)
        self.requires = []
        self.about = []
        self.placeholder = ""
        self.queries = []
        self._parse(open(path, encoding="utf-8").read())

    def _directive(self, line, pending):
        key, _, value = line[3:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            self.title = value
        elif key == "requires":
            self.requires += [r.strip() for r in value.split(",") if r.strip()]
        elif key == "about":
            self.about.append(value)
        elif key == "placeholder":
            self.placeholder = (self.placeholder + " " + value).strip()
        else:
            pending[key] = value

    def _parse(self, text):
        """split into statements, honouring quotes, comments and $tag$ quoting"""
        i, n = 0, len(text)
        start, content, pending = 0, False, {}
        while i < n:
            c = text[i]
            if text.startswith("--", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                if text.startswith("--@", i):
                    self._directive(text[i:end], pending)
                i = end
                continue
            if text.startswith("/*", i):
                depth, i = 1, i + 2
                while i < n and depth:
                    if text.startswith("/*", i):
                        depth, i = depth + 1, i + 2
                    elif text.startswith("*/", i):
                        depth, i = depth - 1, i + 2
                    else:
                        i += 1
                continue
            if c in "'\"":
                content = True
                i += 1
                while i < n:
                    if text[i] == c and text.startswith(c * 2, i):
                        i += 2
                    elif text[i] == c:
                        i += 1
                        break
                    else:
                        i += 1
                continue
            m = re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", text[i:]) if c == "$" else None
            if m:
                content = True
                end = text.find(m.group(0), i + len(m.group(0)))
                i = n if end < 0 else end + len(m.group(0))
                continue
            if c == ";":
                if content:
                    self.queries.append(Query(text[start:i].strip(), pending))
                start, content, pending = i + 1, False, {}
            elif not c.isspace():
                content = True
            i += 1
        if content:
            self.queries.append(Query(text[start:].strip(), pending))


# ---------------------------------------------------------------- database

def missing_objects(cur, names):
    """the required names that are neither a relation, a type nor a function"""
    missing = []
    for name in names:
        name = name.rstrip("()")
        schema, _, obj = name.rpartition(".")
        cur.execute(
            """SELECT to_regclass(%(n)s) IS NOT NULL
                   OR to_regtype(%(n)s) IS NOT NULL
                   OR EXISTS (SELECT 1 FROM pg_proc
                              WHERE proname = %(o)s
                                AND pronamespace = to_regnamespace(%(s)s))""",
            {"n": name, "o": obj, "s": schema or "public"})
        if not cur.fetchone()[0]:
            missing.append(name)
    return missing


# ---------------------------------------------------------------- formatting

def is_number(v):
    return isinstance(v, (int, float, decimal.Decimal)) and not isinstance(v, bool)


def fmt_value(v):
    """a cell as text: grouped integers, a few significant digits otherwise"""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return "{:,}".format(v)
    if isinstance(v, (float, decimal.Decimal)):
        f = float(v)
        if math.isnan(f) or math.isinf(f):
            return str(f)
        if f == int(f) and abs(f) < 1e15:
            return "{:,}".format(int(f))
        if abs(f) >= 1000:
            return "{:,.0f}".format(f)
        return "{:.4g}".format(f)
    return str(v)


NUMERIC_TEXT = re.compile(r"^[-+−]?[\d,]*\.?\d+(e[-+]?\d+)?( ?[kMB%])?( / .*)?$")


def looks_numeric(v):
    """a cell to right-align: a number, or text that reads as one (4.07 M, 76.6 %)"""
    return is_number(v) or (isinstance(v, str) and bool(NUMERIC_TEXT.match(v.strip())))


def numeric_columns(cols, rows):
    """per column: True when every non-null cell reads as a number (right-aligned)"""
    return [bool(rows) and all(r[i] is None or looks_numeric(r[i]) for r in rows)
            and any(r[i] is not None for r in rows) for i in range(len(cols))]


def clip(text, width):
    """text cut to width characters, with an ellipsis when cut"""
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def text_table(cols, rows, width):
    """a result set as aligned plain text at most width columns wide:
    numbers right-aligned, long text cut with an ellipsis"""
    cells = [[" ".join(fmt_value(v).split()) for v in r] for r in rows]
    right = numeric_columns(cols, rows)
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    gap = 2
    # shrink the widest column until the table fits (no column below 8)
    while sum(widths) + gap * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= 8:
            break
        widths[i] -= 1
    def line(values, pad=" "):
        out = []
        for i, v in enumerate(values):
            v = clip(v, widths[i])
            out.append(v.rjust(widths[i], pad) if right[i] else v.ljust(widths[i], pad))
        return (" " * gap).join(out).rstrip()
    out = [line(cols), (" " * gap).join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    if not rows:
        out.append("(no rows)")
    return "\n".join(out)


def esc(s):
    return html.escape(str(s), quote=True)


def nice_ticks(lo, hi, count=5):
    """round tick values covering [lo, hi]"""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw)
    first = math.floor(lo / step) * step
    ticks = [round(first, 12)]
    while ticks[-1] < hi - step * 1e-9:
        ticks.append(round(first + len(ticks) * step, 12))
    return ticks


def short_num(v):
    """compact axis label: 1.2k, 3M, 0.25"""
    a = abs(v)
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            return "{:g}{}".format(round(v / div, 2), suffix)
    return "{:g}".format(round(v, 4))


# ---------------------------------------------------------------- charts

W, H = 720, 300
ML, MR, MT, MB = 64, 16, 24, 36
PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2",
           "#4d7c0f", "#be185d"]


class Plot:
    """an SVG plot area with linear axes"""

    def __init__(self, xs, ys, ylo=None, yhi=None, title=""):
        self.x0, self.x1 = min(xs), max(xs)
        if self.x1 == self.x0:
            self.x1 = self.x0 + 1
        lo = min(ys) if ylo is None else ylo
        hi = max(ys) if yhi is None else yhi
        self.yt = nice_ticks(lo, hi, 6)
        self.y0, self.y1 = self.yt[0], self.yt[-1]
        self.parts = []
        self.title = title

    def px(self, x):
        return ML + (x - self.x0) / (self.x1 - self.x0) * (W - ML - MR)

    def py(self, y):
        return H - MB - (y - self.y0) / (self.y1 - self.y0) * (H - MT - MB)

    def path(self, pts):
        return " ".join("%.1f,%.1f" % (self.px(x), self.py(y)) for x, y in pts)

    def svg(self, xlabel, ylabel=""):
        out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" '
               'role="img" class="chart"><title>%s</title>' % (W, H, esc(self.title))]
        if ylabel:
            out.append('<text class="axis" x="%d" y="%d">%s</text>' % (ML, MT - 4, esc(ylabel)))
        if self.y0 < 0 < self.y1:
            out.append('<line class="zero" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>'
                       % (ML, W - MR, self.py(0), self.py(0)))
        for t in self.yt:
            y = self.py(t)
            out.append('<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>'
                       '<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>'
                       % (ML, W - MR, y, y, ML - 6, y + 4, esc(short_num(t))))
        for t in nice_ticks(self.x0, self.x1, 8):
            if self.x0 <= t <= self.x1:
                x = self.px(t)
                out.append('<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>'
                           % (x, H - MB + 16, esc(short_num(t))))
        out.append('<text class="axis" x="%d" y="%d" text-anchor="end">%s</text>'
                   % (W - MR, H - 4, esc(xlabel)))
        out.append('<line class="axisline" x1="%d" x2="%d" y1="%d" y2="%d"/>'
                   % (ML, W - MR, H - MB, H - MB))
        out += self.parts
        out.append("</svg>")
        return "".join(out)


def columns_index(cols):
    return {c.lower(): i for i, c in enumerate(cols)}


def group_rows(cols, rows, key):
    """split rows by the value of column key (all in one group if absent)"""
    idx = columns_index(cols)
    if key not in idx:
        return [("", rows)]
    groups = {}
    for r in rows:
        groups.setdefault(r[idx[key]], []).append(r)
    return list(groups.items())


def chart_fan(cols, rows):
    """fan chart: rows month, p5, p25, p50, p75, p95 [, metric]"""
    idx = columns_index(cols)
    need = ["month", "p5", "p25", "p50", "p75", "p95"]
    if any(k not in idx for k in need):
        raise ValueError("fan chart needs columns " + ", ".join(need))
    out = []
    for metric, grp in group_rows(cols, rows, "metric"):
        pts = [[float(r[idx[k]]) for k in need] for r in grp
               if all(r[idx[k]] is not None for k in need)]
        if not pts:
            continue
        pts.sort()
        plot = Plot([p[0] for p in pts], [v for p in pts for v in p[1:]],
                    title="fan chart " + str(metric))
        for lo, hi, cls in ((1, 5, "band90"), (2, 4, "band50")):
            poly = [(p[0], p[lo]) for p in pts] + [(p[0], p[hi]) for p in reversed(pts)]
            plot.parts.append('<polygon class="%s" points="%s"/>' % (cls, plot.path(poly)))
        plot.parts.append('<polyline class="median" points="%s"/>'
                          % plot.path([(p[0], p[3]) for p in pts]))
        head = '<figcaption>%s P5–P95 (light), P25–P75 (dark), median (line)</figcaption>' \
            % (esc(metric) + ":" if metric else "")
        out.append("<figure>%s%s</figure>" % (plot.svg("month", str(metric or "")), head))
    return "".join(out)


def chart_survival(cols, rows):
    """survival curve: rows month, survival [, one text column naming series]"""
    idx = columns_index(cols)
    if "month" not in idx or "survival" not in idx:
        raise ValueError("survival curve needs columns month, survival")
    label = next((c.lower() for c, v in zip(cols, rows[0] if rows else [])
                  if isinstance(v, str)), None)
    series = group_rows(cols, rows, label) if label else [("", rows)]
    xs = [float(r[idx["month"]]) for r in rows] or [0]
    plot = Plot([0] + xs, [0, 1], ylo=0, yhi=1, title="survival curve")
    legend = []
    for k, (name, grp) in enumerate(series):
        pts = sorted((float(r[idx["month"]]), float(r[idx["survival"]])) for r in grp
                     if r[idx["survival"]] is not None)
        step, prev = [], 1.0
        for m, s in [(0.0, 1.0)] + pts:
            step += [(m, prev), (m, s)]
            prev = s
        color = PALETTE[k % len(PALETTE)]
        plot.parts.append('<polyline class="line" style="stroke:%s" points="%s"/>'
                          % (color, plot.path(step)))
        if name:
            legend.append('<span style="color:%s">■</span> %s' % (color, esc(name)))
    cap = '<figcaption>share of trials alive at each month %s</figcaption>' % " ".join(legend)
    return "<figure>%s%s</figure>" % (plot.svg("month", "share alive"), cap)


def chart_line(cols, rows):
    """lines: the first column is x, every other numeric column a series"""
    if not rows or len(cols) < 2:
        raise ValueError("line chart needs an x column and at least one series")
    series = [i for i in range(1, len(cols)) if any(is_number(r[i]) for r in rows)]
    pts = {i: sorted((float(r[0]), float(r[i])) for r in rows
                     if r[0] is not None and r[i] is not None) for i in series}
    plot = Plot([x for i in series for x, _ in pts[i]],
                [y for i in series for _, y in pts[i]] + [0], title="line chart")
    legend = []
    for k, i in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        plot.parts.append('<polyline class="line" style="stroke:%s" points="%s"/>'
                          % (color, plot.path(pts[i])))
        legend.append('<span style="color:%s">■</span> %s' % (color, esc(cols[i])))
    cap = "<figcaption>%s</figcaption>" % " &nbsp; ".join(legend)
    return "<figure>%s%s</figure>" % (plot.svg(cols[0]), cap)


def chart_bar(cols, rows):
    """horizontal bars: first text column as label, first numeric as value"""
    first = rows[0] if rows else []
    li = next((i for i, v in enumerate(first) if isinstance(v, str)), None)
    vi = next((i for i, v in enumerate(first) if is_number(v)), None)
    if li is None or vi is None:
        raise ValueError("bar chart needs a text column and a numeric column")
    data = [(str(r[li]), float(r[vi])) for r in rows if r[vi] is not None]
    top = max([abs(v) for _, v in data] + [1e-300])
    # label column wide enough for the longest label at ~6.5 px a character
    bh, width = 22, W
    lw = min(360, 16 + int(6.5 * max([len(name) for name, _ in data] + [4])))
    out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="chart" '
           'role="img"><title>%s</title>' % (width, bh * len(data) + 8, esc(cols[vi]))]
    for k, (name, v) in enumerate(data):
        y = 4 + k * bh
        w = abs(v) / top * (width - lw - 90)
        out.append('<text class="tick" x="%d" y="%d" text-anchor="end">%s</text>'
                   '<rect class="bar" x="%d" y="%d" width="%.1f" height="%d"/>'
                   '<text class="tick" x="%.1f" y="%d">%s</text>'
                   % (lw - 8, y + 15, esc(name), lw, y + 3, w, bh - 6,
                      lw + w + 6, y + 15, esc(fmt_value(v))))
    out.append("</svg>")
    return '<figure>%s<figcaption>%s by %s</figcaption></figure>' % (
        "".join(out), esc(cols[vi]), esc(cols[li]))


CHARTS = {"fan": chart_fan, "survival": chart_survival, "bar": chart_bar, "line": chart_line}


# ---------------------------------------------------------------- HTML

CSS = """
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --accent:#2563eb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
       color: var(--ink); margin: 0; background: #f9fafb; }
header { background: #111827; color: #f9fafb; padding: 24px 40px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: #d1d5db; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 40px 48px; }
nav ol { columns: 2; padding-left: 20px; }
nav a { color: var(--accent); text-decoration: none; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px;
          padding: 8px 24px 20px; margin: 20px 0; }
section h2 { font-size: 20px; margin: 12px 0 6px; }
.about { color: var(--muted); margin: 0 0 12px; }
.status { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px;
          background: #f3f4f6; color: var(--muted); margin-left: 8px; vertical-align: middle; }
.note { color: var(--muted); font-style: italic; }
.error { color: #b91c1c; white-space: pre-wrap; font-family: ui-monospace, monospace; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left;
         vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; white-space: nowrap; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.long { min-width: 320px; }
section h3 { font-size: 15px; margin: 16px 0 4px; }
details summary { cursor: pointer; color: var(--accent); }
pre.sql { background: #f3f4f6; padding: 8px 12px; border-radius: 6px; font-size: 12px;
          overflow-x: auto; }
figure { margin: 8px 0 16px; }
figcaption { color: var(--muted); font-size: 13px; }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
svg .grid { stroke: #eef0f3; }
svg .axisline { stroke: #9ca3af; }
svg .zero { stroke: #6b7280; stroke-dasharray: 4 3; }
svg .tick, svg .axis { font-size: 11px; fill: #4b5563; }
svg .band90 { fill: #bfdbfe; }
svg .band50 { fill: #60a5fa; }
svg .median { fill: none; stroke: #1e3a8a; stroke-width: 2; }
svg .line { fill: none; stroke-width: 2; }
svg .bar { fill: var(--accent); }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
"""

LONG_TABLE = 30


def render_table(cols, rows, folded=False):
    """a result set as an HTML table (folded away when long or charted);
    inline SVG cells are embedded"""
    right = numeric_columns(cols, rows)
    head = "".join('<th%s>%s</th>' % (' class="num"' if right[i] else "", esc(c))
                   for i, c in enumerate(cols))
    body = []
    for r in rows:
        cells = []
        for i, v in enumerate(r):
            if isinstance(v, str) and v.lstrip().startswith("<svg"):
                cells.append("<td>%s</td>" % v)
            elif right[i]:
                cells.append('<td class="num">%s</td>' % esc(fmt_value(v)))
            else:
                text = fmt_value(v)
                cls = ' class="long"' if len(text) > 80 else ""
                cells.append("<td%s>%s</td>" % (cls, esc(text)))
        body.append("<tr>%s</tr>" % "".join(cells))
    table = '<div class="scroll"><table><thead><tr>%s</tr></thead><tbody>%s</tbody></table></div>' \
        % (head, "".join(body))
    if folded or len(rows) > LONG_TABLE:
        return "<details><summary>table: %d rows</summary>%s</details>" % (len(rows), table)
    return table


def render_section(num, sec, status, parts):
    anchor = "s%d" % num
    badge = '<span class="status">%s</span>' % esc(status) if status else ""
    about = "".join('<p class="about">%s</p>' % esc(a) for a in [" ".join(sec.about)] if a)
    return ('<section id="%s"><h2>%d. %s%s</h2>%s%s</section>'
            % (anchor, num, esc(sec.title), badge, about, "".join(parts)))


# ---------------------------------------------------------------- main

def banner(num, title, width):
    line = "=" * min(width, 78)
    print("\n%s\n %d. %s\n%s" % (line, num, title, line))


def run_query(cur, q, width, where):
    """run one statement: terminal output and HTML parts; returns (parts, failures)"""
    if q.caption:
        print("\n" + textwrap.fill(q.caption, width, initial_indent="-- ",
                                   subsequent_indent="   "))
    try:
        cur.execute(q.sql)
        if cur.description is None:
            return [], 0
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except psycopg2.Error as e:
        print("ERROR: %s" % str(e).strip())
        return ['<h3>%s</h3>' % esc(q.caption or "query"), '<p class="error">%s</p><pre class="sql">%s</pre>'
                % (esc(str(e).strip()), esc(q.sql))], 1
    parts, failures = [], 0
    if q.caption:
        parts.append('<h3>%s</h3>' % esc(q.caption))
    if q.chart and len(rows) > LONG_TABLE:
        print("(%d rows, drawn as a %s chart in the HTML report)" % (len(rows), q.chart))
    else:
        print(text_table(cols, rows, width))
    if q.chart:
        try:
            parts.append(CHARTS[q.chart](cols, rows))
        except (KeyError, ValueError, TypeError) as e:
            failures += 1
            parts.append('<p class="error">chart %s: %s</p>' % (esc(q.chart), esc(e)))
            print("chart %s in %s: %s" % (q.chart, where, e), file=sys.stderr)
    parts.append(render_table(cols, rows, folded=bool(q.chart)))
    return parts, failures


def run_section(cur, sec, width):
    """run one section unless it is a placeholder or misses objects"""
    missing = missing_objects(cur, sec.requires)
    if not sec.queries:
        status, msg = "planned", sec.placeholder or "Placeholder: no query enabled yet."
    elif missing:
        status = "not available yet"
        msg = "Skipped: needs %s, which this build does not have yet." % ", ".join(missing)
    else:
        status, msg = "", ""
    if msg:
        print("(%s)" % msg)
        return status, ['<p class="note">%s</p>' % esc(msg)], 0
    parts, failures = [], 0
    for q in sec.queries:
        p, f = run_query(cur, q, width, sec.path)
        parts += p
        failures += f
    return ("error" if failures else ""), parts, failures


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body><header><h1>{title}</h1>
<p>aibiz {ext} on PostgreSQL {server} · {sample} · generated {stamp}</p></header>
<main><nav><h2>Contents</h2><ol>{toc}</ol></nav>{body}</main>
<footer>Shipped market, risk and case figures are illustrative defaults;
sample companies are synthetic.</footer>
<script>document.documentElement.dataset.height = document.body.scrollHeight;</script>
</body></html>
"""


def server_facts(cur):
    """server version, extension version and the sample's size, for the header"""
    cur.execute("SELECT current_setting('server_version'), "
                "(SELECT extversion FROM pg_extension WHERE extname = 'aibiz'), "
                "to_regclass('aibiz.companies') IS NOT NULL")
    server, ext, have_companies = cur.fetchone()
    sample = "no sample companies"
    if have_companies:
        cur.execute("SELECT count(*) FROM aibiz.companies")
        sample = "%d sample companies" % cur.fetchone()[0]
    return server, ext or "?", sample


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="report/index.html", help="HTML file to write")
    ap.add_argument("--title", default="aibiz demo report")
    ap.add_argument("sections", nargs="+", help="demo/NN_name.sql files, in order")
    args = ap.parse_args()

    width = min(shutil.get_terminal_size((100, 40)).columns, 120)
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    server, ext, sample = server_facts(cur)

    failures = 0
    toc, body = [], []
    for num, path in enumerate(args.sections, 1):
        sec = Section(path)
        banner(num, sec.title, width)
        for a in sec.about:
            print(textwrap.fill(a, min(width, 78)))
        status, parts, nfail = run_section(cur, sec, width)
        failures += nfail
        toc.append('<li><a href="#s%d">%s</a>%s</li>'
                   % (num, esc(sec.title), " <small>(%s)</small>" % esc(status) if status else ""))
        body.append(render_section(num, sec, status, parts))
    conn.close()

    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = PAGE.format(title=esc(args.title), css=CSS, ext=esc(ext), server=esc(server),
                       sample=esc(sample), stamp=stamp, toc="".join(toc), body="\n".join(body))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(page)
    print("\nreport: %s (%d sections%s)" % (
        args.out, len(args.sections), ", %d failed queries" % failures if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
