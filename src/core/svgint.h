/*
 * svgint.h — what the chart writers share inside the core: layout
 * constants, the plot frame, legend entries and the text helpers of svg.c.
 * Not for use outside src/core/svg.c and src/core/tornado.c.
 */
#ifndef ABZ_SVGINT_H
#define ABZ_SVGINT_H

#include "svg.h"

#define ML			72			/* left margin: y tick labels and y title */
#define MR			20			/* right margin */
#define MB			48			/* bottom margin: x tick labels and x title */
#define TITLE_H		34			/* heading band at the top */
#define ROW_H		18			/* one legend row */
#define MARK_H		14			/* one row of marker labels */
#define CHAR_W		6.2			/* estimated width of a character at 11 px */
#define MINUS_UTF8	"\xe2\x88\x92"

/* The drawing area of a plot and its axes. */
typedef struct Frame
{
	double		x0,
				x1,
				y0,
				y1;				/* pixels: left, right, top, bottom */
	AbzAxis		xa,
				ya;
} Frame;

/* One legend entry. */
typedef struct LegendItem
{
	const char *name;
	const char *color;
	AbzSvgKind	kind;
	double		opacity;
	bool		box;			/* a filled square (bars, bands) */
} LegendItem;

/* append printf-formatted text (short: numbers and attributes) */
void		abz_svg_put_f(AbzText *t, const char *fmt,...) __attribute__((format(printf, 2, 3)));

/* append at most maxcp characters of s (0: ABZ_SVG_TEXT_CHARS), escaped; an ellipsis if cut */
void		abz_svg_put_cut(AbzText *t, const char *s, int maxcp);

/* characters of s (UTF-8 lead bytes), counted up to ABZ_SVG_TEXT_CHARS + 1 */
int			abz_svg_char_count(const char *s);

/* append a number label of axis.c, its minus sign as a character reference */
void		abz_svg_put_num(AbzText *t, const char *label);

/* the opening tag, the <title>, a white background and the heading */
void		abz_svg_put_head(AbzText *t, const char *title, int height);

/* the legend below the heading (nothing with fewer than two entries) */
void		abz_svg_put_legend(AbzText *t, const LegendItem *items, int n);

/* the x axis: axis line, tick labels, title */
void		abz_svg_put_xaxis(AbzText *t, const Frame *f, const char *title, bool percent);

/* pixel x of a value */
double		abz_svg_px(const Frame *f, double x);

/* widen [*lo, *hi] to hold v */
void		abz_svg_grow(double *lo, double *hi, double v);

#endif							/* ABZ_SVGINT_H */
