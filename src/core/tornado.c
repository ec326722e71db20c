/*
 * tornado.c — the horizontal tornado chart of svg.h: per input two bars
 * from a base value, sorted by swing.
 */
#include "svg.h"
#include "svgint.h"

#include <math.h>
#include <stdlib.h>

#define BAR_ROW		26			/* pixels per tornado bar */

/* qsort context-free comparison of (swing, index) pairs: larger swing first */
typedef struct SwingKey
{
	double		swing;
	int			index;
} SwingKey;

/* order of two swing keys */
static int
cmp_swing(const void *a, const void *b)
{
	const SwingKey *x = a,
			   *y = b;

	if (x->swing != y->swing)
		return x->swing > y->swing ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* inputs by swing descending, ties in input order (see svg.h) */
void
abz_tornado_order(const double *low, const double *high, int n, int *order)
{
	SwingKey	keys[ABZ_SVG_MAX_BARS];

	if (n > ABZ_SVG_MAX_BARS)
		n = ABZ_SVG_MAX_BARS;
	for (int i = 0; i < n; i++)
		keys[i] = (SwingKey) {fabs(high[i] - low[i]), i};
	qsort(keys, n, sizeof(SwingKey), cmp_swing);
	for (int i = 0; i < n; i++)
		order[i] = keys[i].index;
}

/* one tornado row: its label and its two bars */
static void
put_tornado_row(AbzText *t, const Frame *f, const AbzSvgTornado *tc, int i, double y)
{
	int			k = tc->order[i];
	double		xb = abz_svg_px(f, tc->base),
				xl = abz_svg_px(f, tc->low[k]),
				xh = abz_svg_px(f, tc->high[k]);

	abz_svg_put_f(t, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#1f2937\">", f->x0 - 8, y + 13);
	abz_svg_put_cut(t, tc->labels[k], ABZ_SVG_LABEL_CHARS);
	abz_text_puts(t, "</text>");
	abz_svg_put_f(t, "<rect class=\"low\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
		  fmin(xb, xl), y, fabs(xl - xb), abz_svg_palette[0]);
	abz_svg_put_f(t, "<rect class=\"high\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
		  fmin(xb, xh), y, fabs(xh - xb), abz_svg_palette[1]);
}

/* vertical grid lines at the x ticks */
static void
put_vgrid(AbzText *t, const Frame *f)
{
	for (int i = 0; i < f->xa.nticks; i++)
	{
		double		x = abz_svg_px(f, f->xa.ticks[i]);

		abz_svg_put_f(t, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>",
			  x, x, f->y0, f->y1);
	}
}

/* write a tornado chart (see svg.h) */
size_t
abz_svg_tornado(const AbzSvgTornado *tc, char *buf, size_t cap)
{
	AbzText		t;
	Frame		f;
	static const LegendItem items[2] = {
		{"output at the input's low value", "#4e79a7", ABZ_SVG_BAND, 1.0, true},
		{"output at the input's high value", "#f28e2b", ABZ_SVG_BAND, 1.0, true}
	};
	int			n = tc->n < ABZ_SVG_MAX_BARS ? tc->n : ABZ_SVG_MAX_BARS;
	int			height = TITLE_H + ROW_H + 10 + MARK_H + BAR_ROW * n + MB;
	int			chars = 0;
	double		lo = tc->base,
				hi = tc->base;
	char		num[ABZ_NUM_LABEL];

	for (int i = 0; i < n; i++)
	{
		int			c = abz_svg_char_count(tc->labels[i]);

		chars = c > chars ? c : chars;
		abz_svg_grow(&lo, &hi, tc->low[i]);
		abz_svg_grow(&lo, &hi, tc->high[i]);
	}
	chars = chars < ABZ_SVG_LABEL_CHARS ? chars : ABZ_SVG_LABEL_CHARS + 1;
	abz_axis_ticks(lo, hi, 6, 0, &f.xa);
	f.x0 = 12 + CHAR_W * chars + 10;
	f.x1 = ABZ_SVG_WIDTH - MR;
	f.y0 = TITLE_H + ROW_H + 10 + MARK_H;
	f.y1 = f.y0 + BAR_ROW * n;

	abz_text_init(&t, buf, cap);
	abz_svg_put_head(&t, tc->title, height);
	abz_svg_put_legend(&t, items, 2);
	abz_text_puts(&t, "<g class=\"grid\">");
	put_vgrid(&t, &f);
	abz_text_puts(&t, "</g>");
	abz_svg_put_xaxis(&t, &f, tc->xtitle, false);
	abz_text_puts(&t, "<g class=\"bars\">");
	for (int i = 0; i < n; i++)
		put_tornado_row(&t, &f, tc, i, f.y0 + BAR_ROW * i + 4);
	abz_text_puts(&t, "</g>");
	abz_svg_put_f(&t, "<g class=\"base\"><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
		  "stroke=\"#1f2937\" stroke-width=\"1.5\"/><text x=\"%.1f\" y=\"%.1f\" "
		  "text-anchor=\"middle\" fill=\"#1f2937\" font-weight=\"bold\">base ",
		  abz_svg_px(&f, tc->base), abz_svg_px(&f, tc->base), f.y0 - 2, f.y1, abz_svg_px(&f, tc->base), f.y0 - 5);
	abz_fmt_num(tc->base, num);
	abz_svg_put_num(&t, num);
	abz_text_puts(&t, "</text></g></svg>");
	return abz_text_end(&t, cap);
}
