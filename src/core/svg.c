/*
 * svg.c — the x-y plot writer of svg.h, and the text helpers every chart
 * writer shares (svgint.h).
 */
#include "svg.h"
#include "svgint.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *const abz_svg_palette[ABZ_SVG_MAX_SERIES] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#79706e"
};

/* append printf-formatted text (short: numbers and attributes) */
void
abz_svg_put_f(AbzText *t, const char *fmt,...)
{
	char		tmp[256];
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		abz_text_put(t, tmp, (size_t) n < sizeof(tmp) ? (size_t) n : sizeof(tmp) - 1);
}

/*
 * Length of the UTF-8 sequence at p that XML 1.0 cannot hold, 0 if none:
 * U+FFFE, U+FFFF (EF BF BE, EF BF BF) and encoded surrogates U+D800 ..
 * U+DFFF (ED A0 80 .. ED BF BF).  Reads past p[0] only while the bytes
 * match, so never past the terminating NUL.
 */
static int
xml_nonchar_len(const unsigned char *p)
{
	if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
		return 3;
	if (p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80)
		return 3;
	return 0;
}

/* append the byte at p escaped for XML text and attributes */
static void
put_escaped_byte(AbzText *t, const unsigned char *p)
{
	switch (*p)
	{
		case '&':
			abz_text_puts(t, "&amp;");
			break;
		case '<':
			abz_text_puts(t, "&lt;");
			break;
		case '>':
			abz_text_puts(t, "&gt;");
			break;
		case '"':
			abz_text_puts(t, "&quot;");
			break;
		case '\'':
			abz_text_puts(t, "&#39;");
			break;
		default:
			/* XML 1.0 has no control characters but tab, newline, return */
			abz_text_put(t, (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
						 *p == 0x7F ? " " : (const char *) p, 1);
	}
}

/*
 * Append at most maxcp characters of s (0, or more than ABZ_SVG_TEXT_CHARS:
 * ABZ_SVG_TEXT_CHARS), escaped, and an ellipsis if s is longer.  The cap
 * counts characters of s, before escaping, so one string adds at most
 * about 6 * ABZ_SVG_TEXT_CHARS bytes however long s is.  Characters XML 1.0
 * forbids become U+FFFD (see xml_nonchar_len) or, for controls, a space.
 */
void
abz_svg_put_cut(AbzText *t, const char *s, int maxcp)
{
	int			cp = 0;

	if (maxcp <= 0 || maxcp > ABZ_SVG_TEXT_CHARS)
		maxcp = ABZ_SVG_TEXT_CHARS;
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
	{
		int			bad;

		if ((*p & 0xC0) != 0x80 && ++cp > maxcp)
		{
			abz_text_puts(t, "&#8230;");
			return;
		}
		bad = xml_nonchar_len(p);
		if (bad > 0)
		{
			abz_text_puts(t, "\xef\xbf\xbd");
			p += bad - 1;
		}
		else
			put_escaped_byte(t, p);
	}
}

/* append s with XML escaping, cut to ABZ_SVG_TEXT_CHARS characters */
void
abz_svg_escape(AbzText *t, const char *s)
{
	abz_svg_put_cut(t, s, 0);
}

/*
 * characters of s (UTF-8 lead bytes; a fair estimate in other encodings),
 * counted up to ABZ_SVG_TEXT_CHARS + 1: the most a cut text shows
 */
int
abz_svg_char_count(const char *s)
{
	int			n = 0;

	for (const unsigned char *p = (const unsigned char *) s;
		 *p && n <= ABZ_SVG_TEXT_CHARS; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* append a number label of axis.c, its minus sign as a character reference */
void
abz_svg_put_num(AbzText *t, const char *label)
{
	if (strncmp(label, MINUS_UTF8, 3) == 0)
	{
		abz_text_puts(t, "&#8722;");
		label += 3;
	}
	abz_text_puts(t, label);
}

/* the opening tag, the <title>, a white background and the heading */
void
abz_svg_put_head(AbzText *t, const char *title, int height)
{
	abz_svg_put_f(t, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		  "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\" "
		  "font-size=\"11\"><title>", ABZ_SVG_WIDTH, height, ABZ_SVG_WIDTH, height);
	abz_svg_escape(t, title);
	abz_svg_put_f(t, "</title><rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>"
		  "<text x=\"12\" y=\"22\" font-size=\"14\" font-weight=\"bold\" fill=\"#1f2937\">",
		  ABZ_SVG_WIDTH, height);
	abz_svg_escape(t, title);
	abz_text_puts(t, "</text>");
}

/* pixel width of a legend entry */
static double
legend_width(const LegendItem *it)
{
	return 22 + CHAR_W * abz_svg_char_count(it->name) + 16;
}

/* rows a legend needs (0 with fewer than two entries) */
static int
legend_rows(const LegendItem *items, int n)
{
	double		x = ML;
	int			rows = 1;

	if (n < 2)
		return 0;
	for (int i = 0; i < n; i++)
	{
		double		w = legend_width(&items[i]);

		if (x + w > ABZ_SVG_WIDTH - MR && x > ML)
		{
			rows++;
			x = ML;
		}
		x += w;
	}
	return rows;
}

/* the legend below the heading (nothing with fewer than two entries) */
void
abz_svg_put_legend(AbzText *t, const LegendItem *items, int n)
{
	double		x = ML,
				y = TITLE_H + 4;

	if (n < 2)
		return;
	abz_text_puts(t, "<g class=\"legend\">");
	for (int i = 0; i < n; i++)
	{
		const LegendItem *it = &items[i];
		double		w = legend_width(it);

		if (x + w > ABZ_SVG_WIDTH - MR && x > ML)
		{
			x = ML;
			y += ROW_H;
		}
		if (it->box)
			abz_svg_put_f(t, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"10\" fill=\"%s\" "
				  "fill-opacity=\"%.2f\"/>", x, y + 1, it->color, it->opacity);
		else
			abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
				  "stroke-width=\"2\"%s/>", x, x + 16, y + 6, y + 6, it->color,
				  it->kind == ABZ_SVG_DASHED ? " stroke-dasharray=\"5 3\"" : "");
		abz_svg_put_f(t, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#374151\">", x + 22, y + 10);
		abz_svg_escape(t, it->name);
		abz_text_puts(t, "</text>");
		x += w;
	}
	abz_text_puts(t, "</g>");
}

/* pixel x of a value */
double
abz_svg_px(const Frame *f, double x)
{
	/* halves: no overflow for ranges near DBL_MAX */
	return f->x0 + (x / 2 - f->xa.lo / 2) / (f->xa.hi / 2 - f->xa.lo / 2) * (f->x1 - f->x0);
}

/* pixel y of a value */
static double
py(const Frame *f, double y)
{
	return f->y1 - (y / 2 - f->ya.lo / 2) / (f->ya.hi / 2 - f->ya.lo / 2) * (f->y1 - f->y0);
}

/* a tick label, with a % sign on a percentage axis */
static void
put_tick(AbzText *t, double v, double step, bool percent)
{
	char		buf[ABZ_NUM_LABEL];

	abz_fmt_tick(v, step, buf);
	abz_svg_put_num(t, buf);
	if (percent)
		abz_text_puts(t, "%");
}

/* the y axis: grid lines, tick labels, zero line, title */
static void
put_yaxis(AbzText *t, const Frame *f, const char *title, bool percent)
{
	abz_text_puts(t, "<g class=\"y-axis\">");
	for (int i = 0; i < f->ya.nticks; i++)
	{
		double		y = py(f, f->ya.ticks[i]);

		abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>",
			  f->x0, f->x1, y, y);
		abz_svg_put_f(t, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#4b5563\">",
			  f->x0 - 6, y + 4);
		put_tick(t, f->ya.ticks[i], f->ya.step, percent);
		abz_text_puts(t, "</text>");
	}
	if (f->ya.lo < 0 && f->ya.hi > 0)
		abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#6b7280\" "
			  "stroke-dasharray=\"4 3\"/>", f->x0, f->x1, py(f, 0), py(f, 0));
	abz_svg_put_f(t, "<text class=\"axis-title\" x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" "
		  "text-anchor=\"middle\" fill=\"#1f2937\">", (f->y0 + f->y1) / 2, (f->y0 + f->y1) / 2);
	abz_svg_escape(t, title);
	abz_text_puts(t, "</text></g>");
}

/* the x axis: axis line, tick labels, title */
void
abz_svg_put_xaxis(AbzText *t, const Frame *f, const char *title, bool percent)
{
	abz_text_puts(t, "<g class=\"x-axis\">");
	abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\"/>",
		  f->x0, f->x1, f->y1, f->y1);
	for (int i = 0; i < f->xa.nticks; i++)
	{
		double		x = abz_svg_px(f, f->xa.ticks[i]);

		abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9ca3af\"/>",
			  x, x, f->y1, f->y1 + 4);
		abz_svg_put_f(t, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#4b5563\">",
			  x, f->y1 + 16);
		put_tick(t, f->xa.ticks[i], f->xa.step, percent);
		abz_text_puts(t, "</text>");
	}
	abz_svg_put_f(t, "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
		  "fill=\"#1f2937\">", (f->x0 + f->x1) / 2, f->y1 + MB - 10);
	abz_svg_escape(t, title);
	abz_text_puts(t, "</text></g>");
}

/* one series: a path (a closed one for a band) inside its own group */
static void
put_series(AbzText *t, const Frame *f, const AbzSvgSeries *s)
{
	if (s->n < 1)
		return;
	abz_text_puts(t, "<g class=\"series\">");
	if (s->kind == ABZ_SVG_BAND)
	{
		for (int i = 0; i < s->n; i++)
			abz_svg_put_f(t, "%s%.1f,%.1f", i == 0 ? "<path d=\"M" : " L", abz_svg_px(f, s->x[i]), py(f, s->y[i]));
		for (int i = s->n - 1; i >= 0; i--)
			abz_svg_put_f(t, " L%.1f,%.1f", abz_svg_px(f, s->x[i]), py(f, s->y2[i]));
		abz_svg_put_f(t, " Z\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\"/>", s->color, s->opacity);
	}
	else
	{
		for (int i = 0; i < s->n; i++)
			abz_svg_put_f(t, "%s%.1f,%.1f", i == 0 ? "<path d=\"M" : " L", abz_svg_px(f, s->x[i]), py(f, s->y[i]));
		abz_svg_put_f(t, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\"%s/>",
			  s->color, s->kind == ABZ_SVG_DASHED ? " stroke-dasharray=\"6 4\"" : "");
	}
	abz_text_puts(t, "</g>");
}

/* the bars of a histogram */
static void
put_bars(AbzText *t, const Frame *f, const AbzSvgPlot *p)
{
	if (p->nbars < 1)
		return;
	abz_text_puts(t, "<g class=\"bars\">");
	for (int i = 0; i < p->nbars; i++)
	{
		double		xa = abz_svg_px(f, p->bar_x[i]),
					xb = abz_svg_px(f, p->bar_x[i + 1]),
					ya = py(f, p->bar_y[i]),
					yb = py(f, 0);

		abz_svg_put_f(t, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
			  "stroke=\"#ffffff\" stroke-width=\"0.5\"/>",
			  xa, ya, fmax(xb - xa, 0.5), fmax(yb - ya, 0), p->bar_color);
	}
	abz_text_puts(t, "</g>");
}

/* the label of marker m: "name value" */
static void
marker_label(const AbzSvgMarker *m, char *num)
{
	abz_fmt_num(m->x, num);
}

/* pixel width of a marker's label */
static double
marker_width(const AbzSvgMarker *m)
{
	char		num[ABZ_NUM_LABEL];

	marker_label(m, num);
	return CHAR_W * (abz_svg_char_count(m->name) + 1 + abz_svg_char_count(num));
}

/*
 * Place marker labels in rows above the plot, left to right in x order, each
 * in the first row where it does not overlap; row[i] and centre cx[i].
 * Returns the rows used.
 */
static int
place_markers(const Frame *f, const AbzSvgMarker *m, int n, int *row, double *cx)
{
	double		end[ABZ_SVG_MAX_MARKERS];
	int			order[ABZ_SVG_MAX_MARKERS];
	int			rows = 0;

	for (int i = 0; i < n; i++)
		order[i] = i;
	for (int i = 1; i < n; i++)		/* insertion sort by x, stable */
		for (int j = i; j > 0 && m[order[j]].x < m[order[j - 1]].x; j--)
		{
			int			k = order[j];

			order[j] = order[j - 1];
			order[j - 1] = k;
		}
	for (int k = 0; k < n; k++)
	{
		int			i = order[k];
		double		w = marker_width(&m[i]);
		double		c = fmin(fmax(abz_svg_px(f, m[i].x), f->x0 + w / 2), f->x1 - w / 2);
		int			r = 0;

		while (r < rows && end[r] + 8 > c - w / 2)
			r++;
		if (r == rows)
			rows++;
		end[r] = c + w / 2;
		row[i] = r;
		cx[i] = c;
	}
	return rows;
}

/* the markers: a vertical line each, then (over every line) their labels above the plot */
static void
put_markers(AbzText *t, const Frame *f, const AbzSvgMarker *m, int n,
			const int *row, const double *cx)
{
	if (n < 1)
		return;
	abz_text_puts(t, "<g class=\"markers\">");
	for (int i = 0; i < n; i++)
	{
		double		x = abz_svg_px(f, m[i].x);

		abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			  "stroke-width=\"1.5\"%s/>", x, x, f->y0 - 3 - MARK_H * row[i], f->y1, m[i].color,
			  m[i].dashed ? " stroke-dasharray=\"4 3\"" : "");
	}
	for (int i = 0; i < n; i++)
	{
		char		num[ABZ_NUM_LABEL];

		abz_svg_put_f(t, "<text class=\"marker\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			  "fill=\"%s\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" "
			  "paint-order=\"stroke\">", cx[i], f->y0 - 6 - MARK_H * row[i], m[i].color);
		abz_svg_escape(t, m[i].name);
		abz_text_puts(t, " ");
		marker_label(&m[i], num);
		abz_svg_put_num(t, num);
		abz_text_puts(t, "</text>");
	}
	abz_text_puts(t, "</g>");
}

/* widen [*lo, *hi] to hold v */
void
abz_svg_grow(double *lo, double *hi, double v)
{
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* the data range of a plot: x over series, bar edges and markers; y over series and bars */
static void
data_range(const AbzSvgPlot *p, double *xlo, double *xhi, double *ylo, double *yhi)
{
	*xlo = *ylo = INFINITY;
	*xhi = *yhi = -INFINITY;
	for (int s = 0; s < p->nseries; s++)
		for (int i = 0; i < p->series[s].n; i++)
		{
			abz_svg_grow(xlo, xhi, p->series[s].x[i]);
			abz_svg_grow(ylo, yhi, p->series[s].y[i]);
			if (p->series[s].kind == ABZ_SVG_BAND)
				abz_svg_grow(ylo, yhi, p->series[s].y2[i]);
		}
	for (int i = 0; i < p->nbars; i++)
	{
		abz_svg_grow(xlo, xhi, p->bar_x[i]);
		abz_svg_grow(xlo, xhi, p->bar_x[i + 1]);
		abz_svg_grow(ylo, yhi, p->bar_y[i]);
	}
	for (int i = 0; i < p->nmarkers; i++)
		abz_svg_grow(xlo, xhi, p->markers[i].x);
	if (p->yzero || p->nbars > 0)
		abz_svg_grow(ylo, yhi, 0);
	if (p->yfix_lo < p->yfix_hi)
	{
		*ylo = p->yfix_lo;
		*yhi = p->yfix_hi;
	}
	if (*xlo > *xhi)
		*xlo = *xhi = 0;
	if (*ylo > *yhi)
		*ylo = *yhi = 0;
}

/* the legend entries of a plot: named series, then the bars */
static int
plot_legend(const AbzSvgPlot *p, LegendItem *items)
{
	int			n = 0;

	for (int s = 0; s < p->nseries && n < ABZ_SVG_MAX_SERIES; s++)
		if (p->series[s].name)
			items[n++] = (LegendItem) {p->series[s].name, p->series[s].color,
				p->series[s].kind, p->series[s].opacity, p->series[s].kind == ABZ_SVG_BAND};
	if (p->bar_name && n < ABZ_SVG_MAX_SERIES + 1)
		items[n++] = (LegendItem) {p->bar_name, p->bar_color, ABZ_SVG_BAND, 1.0, true};
	return n;
}

/* write an x-y plot (see svg.h) */
size_t
abz_svg_plot(const AbzSvgPlot *p, char *buf, size_t cap)
{
	AbzText		t;
	Frame		f;
	LegendItem	items[ABZ_SVG_MAX_SERIES + 1];
	int			nitems = plot_legend(p, items);
	int			row[ABZ_SVG_MAX_MARKERS];
	double		cx[ABZ_SVG_MAX_MARKERS];
	int			nmark = p->nmarkers < ABZ_SVG_MAX_MARKERS ? p->nmarkers : ABZ_SVG_MAX_MARKERS;
	double		xlo,
				xhi,
				ylo,
				yhi;

	data_range(p, &xlo, &xhi, &ylo, &yhi);
	abz_axis_exact(xlo, xhi, 8, p->xmin_step, &f.xa);
	abz_axis_ticks(ylo, yhi, 5, 0, &f.ya);
	f.x0 = ML;
	f.x1 = ABZ_SVG_WIDTH - MR;
	f.y1 = ABZ_SVG_HEIGHT - MB;
	f.y0 = TITLE_H + ROW_H * legend_rows(items, nitems) + 10;
	/* marker label rows go above the plot: lay out once to count them */
	f.y0 += MARK_H * place_markers(&f, p->markers, nmark, row, cx);

	abz_text_init(&t, buf, cap);
	abz_svg_put_head(&t, p->title, ABZ_SVG_HEIGHT);
	abz_svg_put_legend(&t, items, nitems);
	put_yaxis(&t, &f, p->ytitle, p->ypercent);
	abz_svg_put_xaxis(&t, &f, p->xtitle, p->xpercent);
	put_bars(&t, &f, p);
	for (int s = 0; s < p->nseries; s++)
		put_series(&t, &f, &p->series[s]);
	put_markers(&t, &f, p->markers, nmark, row, cx);
	abz_text_puts(&t, "</svg>");
	return abz_text_end(&t, cap);
}
