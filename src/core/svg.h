/*
 * svg.h — charts as SVG text: an x-y plot (lines, dashed lines, bands,
 * bars, labelled vertical markers, legend, nice axes with titles), a
 * horizontal tornado chart, and a Unicode block sparkline.
 *
 * Every chart is 640 pixels wide with a viewBox, styled by attributes only
 * (no stylesheet, no ids), so it can be pasted into any HTML page.  Output
 * depends only on the description: the same description gives the same
 * bytes.  Text is copied as given (UTF-8 expected) with & < > " ' escaped,
 * control characters replaced by spaces and the other code points XML 1.0
 * forbids (U+FFFE, U+FFFF, encoded surrogates) by U+FFFD; every free text
 * (title, axis title, legend and marker name) is cut to ABZ_SVG_TEXT_CHARS
 * characters, a tornado label to ABZ_SVG_LABEL_CHARS, with an ellipsis.
 * Numbers use ASCII and XML character references only.
 *
 * Pure C, no PostgreSQL headers, no allocation: each writer is snprintf-like
 * (returns the length the whole text needs; call with cap 0 to size it).
 */
#ifndef ABZ_SVG_H
#define ABZ_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "axis.h"
#include "textbuf.h"

#define ABZ_SVG_WIDTH		640
#define ABZ_SVG_HEIGHT		360
#define ABZ_SVG_MAX_SERIES	10		/* lines of a multi-series chart: one colour each */
#define ABZ_SVG_MAX_MARKERS	8
#define ABZ_SVG_MAX_BARS	100		/* bars of a tornado chart */
#define ABZ_SVG_LABEL_CHARS	30		/* longer tornado labels are cut with an ellipsis */
#define ABZ_SVG_TEXT_CHARS	80		/* longer titles and names are cut with an ellipsis */

/* ten distinguishable series colours */
extern const char *const abz_svg_palette[ABZ_SVG_MAX_SERIES];

typedef enum AbzSvgKind
{
	ABZ_SVG_LINE,				/* solid polyline */
	ABZ_SVG_DASHED,				/* dashed polyline */
	ABZ_SVG_BAND				/* filled area between y (lower) and y2 (upper) */
} AbzSvgKind;

/* One series of an x-y plot. */
typedef struct AbzSvgSeries
{
	AbzSvgKind	kind;
	const char *name;			/* legend text; NULL for none */
	const char *color;			/* "#rrggbb" */
	double		opacity;		/* fill opacity of a band */
	const double *x,
			   *y,
			   *y2;				/* n points; y2 only for a band */
	int			n;
} AbzSvgSeries;

/* A vertical line at x, labelled with its name and x (e.g. "P5 -121k"). */
typedef struct AbzSvgMarker
{
	double		x;
	const char *name;
	const char *color;
	bool		dashed;
} AbzSvgMarker;

/* An x-y plot. */
typedef struct AbzSvgPlot
{
	const char *title;			/* <title> and heading */
	const char *xtitle,
			   *ytitle;			/* axis titles, with units */
	bool		xpercent,
				ypercent;		/* values are percentages: ticks get a % sign */
	bool		yzero;			/* the y axis includes 0 */
	double		xmin_step;		/* smallest x tick step (1 for months), or 0 */
	double		yfix_lo,
				yfix_hi;		/* fixed y range when yfix_lo < yfix_hi */
	const AbzSvgSeries *series;
	int			nseries;
	const AbzSvgMarker *markers;
	int			nmarkers;
	const double *bar_x;		/* nbars + 1 ascending bar edges */
	const double *bar_y;		/* nbars bar heights (>= 0) */
	int			nbars;
	const char *bar_name;		/* legend text of the bars; NULL for none */
	const char *bar_color;
} AbzSvgPlot;

/* Write an x-y plot into buf (cap bytes); returns the length it needs. */
size_t		abz_svg_plot(const AbzSvgPlot *p, char *buf, size_t cap);

/* A horizontal tornado chart: per label, bars from base to low and to high. */
typedef struct AbzSvgTornado
{
	const char *title;
	const char *xtitle;			/* value axis title, with units */
	const char *const *labels;
	const double *low,
			   *high;
	double		base;
	int			n;				/* 1..ABZ_SVG_MAX_BARS */
	const int  *order;			/* bar i is input order[i] (see abz_tornado_order) */
} AbzSvgTornado;

/* order[0..n-1]: inputs by swing |high - low| descending, ties in input order */
void		abz_tornado_order(const double *low, const double *high, int n, int *order);

/* Write a tornado chart into buf (cap bytes); returns the length it needs. */
size_t		abz_svg_tornado(const AbzSvgTornado *t, char *buf, size_t cap);

/*
 * A sparkline of v[0..n-1] (finite where not null): one of the eight blocks
 * U+2581..U+2588 per value, scaled from the smallest to the largest; a space
 * for a null; a constant series is a flat line of U+2584.  buf (cap bytes)
 * gets UTF-8; returns the length it needs (3 bytes per value at most).
 */
size_t		abz_sparkline(const double *v, const bool *isnull, size_t n,
						  char *buf, size_t cap);

/* append s with XML escaping (see above) */
void		abz_svg_escape(AbzText *t, const char *s);

#endif							/* ABZ_SVG_H */
