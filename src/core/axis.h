/*
 * axis.h — scales for charts: "nice" tick selection (steps 1, 2 or 5 times a
 * power of ten, the axis running from the tick at or below the data's
 * minimum to the tick at or above its maximum), compact number labels with
 * k / M / B suffixes and percentages, and the empirical distribution of a
 * sample on an even grid.
 *
 * Pure C, no PostgreSQL headers, no allocation.
 */
#ifndef ABZ_AXIS_H
#define ABZ_AXIS_H

#include <stddef.h>

#define ABZ_AXIS_MAX_TICKS	32		/* most ticks abz_axis_ticks() returns */
#define ABZ_NUM_LABEL		32		/* bytes a number label needs, with NUL */

/* A linear axis: its ends and its ticks. */
typedef struct AbzAxis
{
	double		lo,
				hi;				/* ends of the axis: first and last tick */
	double		step;			/* distance between ticks */
	int			nticks;			/* ticks lo, lo + step, ..., hi */
	double		ticks[ABZ_AXIS_MAX_TICKS];
} AbzAxis;

/*
 * Ticks covering [lo, hi] (finite) with about target intervals (2..10): the
 * step is 1, 2 or 5 times 10^k nearest (hi - lo) / target, at least min_step
 * (0 for none; 1 for whole months).  lo == hi widens to a unit-sized range.
 */
void		abz_axis_ticks(double lo, double hi, int target, double min_step, AbzAxis *out);

/*
 * The same step, but the axis ends exactly at lo and hi (for an x axis that
 * should not run past its data): the ticks are the multiples of the step
 * between them.
 */
void		abz_axis_exact(double lo, double hi, int target, double min_step, AbzAxis *out);

/*
 * A tick label: v with a k (10^3), M (10^6) or B (10^9) suffix by its size,
 * with just the decimals that step needs (trailing zeros dropped); the minus
 * sign is U+2212.  buf holds ABZ_NUM_LABEL bytes.  Returns the length.
 */
size_t		abz_fmt_tick(double v, double step, char *buf);

/* v with a k / M / B suffix and 3 significant digits: 1.5k, 2M, −121k, 0 */
size_t		abz_fmt_num(double v, char *buf);

/* a share (0.37) as a percentage with at most one decimal: 37%, 12.5% */
size_t		abz_fmt_pct(double share, char *buf);

/*
 * Empirical distribution of x[0..n-1] (n >= 1, finite) on points evenly
 * spaced from its minimum to its maximum: px[k] and cdf[k] = share of x <= px[k].
 * Sorts x.  Returns the points used: 1 when every x is equal.
 */
int			abz_ecdf_grid(double *x, size_t n, int points, double *px, double *cdf);

#endif							/* ABZ_AXIS_H */
