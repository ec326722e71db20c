/*
 * axis.c — scales for charts: nice ticks, compact number labels and the
 * empirical distribution of a sample on an even grid (see axis.h).
 */
#include "axis.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MINUS "\xe2\x88\x92"	/* U+2212 MINUS SIGN */

/* the nice step (1, 2 or 5 times 10^k) nearest raw > 0 */
static double
nice_step(double raw)
{
	double		mag = pow(10.0, floor(log10(raw)));
	double		f = raw / mag;

	if (f < 1.5)
		return mag;
	if (f < 3.0)
		return 2 * mag;
	if (f < 7.0)
		return 5 * mag;
	return 10 * mag;
}

/* sort the ends, widen an empty or vanishing range around its value */
static void
axis_range(double *lo, double *hi, double min_step)
{
	if (*hi < *lo)
	{
		double		t = *lo;

		*lo = *hi;
		*hi = t;
	}
	if (*hi - *lo <= fmax(fabs(*lo), fabs(*hi)) * 1e-12)
	{
		double		d = fmax(fabs(*lo) * 0.1, fmax(min_step, 1e-300));

		if (*lo == 0 && min_step <= 0)
			d = 1;
		*lo -= d;
		*hi += d;
	}
}

/* the nice step for about target intervals over [lo, hi], at least min_step */
static double
axis_step(double lo, double hi, int target, double min_step)
{
	double		step;

	target = target < 2 ? 2 : target > 10 ? 10 : target;
	step = nice_step(hi / target - lo / target);
	return step < min_step ? min_step : step;
}

/*
 * Ticks at multiples of the nice step: from the one at or below lo to the one
 * at or above hi, or (exact) only those within [lo, hi] with the axis ending
 * at lo and hi.
 */
static void
axis_make(double lo, double hi, int target, double min_step, bool exact, AbzAxis *out)
{
	double		step;
	double		k0,
				k1;

	axis_range(&lo, &hi, min_step);
	step = axis_step(lo, hi, target, min_step);
	for (;;)
	{
		k0 = exact ? ceil(lo / step) : floor(lo / step);
		k1 = exact ? floor(hi / step) : ceil(hi / step);
		if (k1 - k0 + 1 <= ABZ_AXIS_MAX_TICKS)
			break;
		/* rounding of a near-boundary step: widen until the ticks fit */
		step = nice_step(step * 1.5);
	}
	out->step = step;
	out->nticks = (int) (k1 - k0) + 1;
	for (int i = 0; i < out->nticks; i++)
		out->ticks[i] = (k0 + i) * step;
	out->lo = exact ? lo : out->ticks[0];
	out->hi = exact ? hi : out->ticks[out->nticks - 1];
}

/* ticks covering [lo, hi] with about target intervals (see axis.h) */
void
abz_axis_ticks(double lo, double hi, int target, double min_step, AbzAxis *out)
{
	axis_make(lo, hi, target, min_step, false, out);
}

/* ticks within [lo, hi], the axis ending at lo and hi (see axis.h) */
void
abz_axis_exact(double lo, double hi, int target, double min_step, AbzAxis *out)
{
	axis_make(lo, hi, target, min_step, true, out);
}

/* drop trailing zeros after a decimal point, and the point itself */
static void
trim_zeros(char *s)
{
	char	   *dot = strchr(s, '.');
	size_t		n;

	if (dot == NULL)
		return;
	n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
}

/* write sign, digits and suffix into buf; a zero loses its sign */
static size_t
put_label(char *buf, int negative, const char *digits, const char *suffix)
{
	if (strcmp(digits, "0") == 0)
		return (size_t) snprintf(buf, ABZ_NUM_LABEL, "0");
	return (size_t) snprintf(buf, ABZ_NUM_LABEL, "%s%s%s",
							 negative ? MINUS : "", digits, suffix);
}

/* the suffix unit of a magnitude: 1, 10^3, 10^6 or 10^9 */
static double
unit_of(double a, const char **suffix)
{
	if (a >= 1e9)
		return *suffix = "B", 1e9;
	if (a >= 1e6)
		return *suffix = "M", 1e6;
	if (a >= 1e3)
		return *suffix = "k", 1e3;
	return *suffix = "", 1.0;
}

/* a tick label with the decimals step needs (see axis.h) */
size_t
abz_fmt_tick(double v, double step, char *buf)
{
	double		a = fabs(v);
	const char *suffix;
	double		unit;
	char		digits[ABZ_NUM_LABEL];
	int			decimals = 0;

	if (!isfinite(v) || a >= 1e15)
		return (size_t) snprintf(buf, ABZ_NUM_LABEL, "%.3g", v);
	if (step > 0 && a < step * 1e-6)
		return put_label(buf, 0, "0", "");
	unit = unit_of(a, &suffix);
	if (step > 0)
	{
		double		d = -log10(step / unit);

		decimals = d > 0 ? (int) ceil(d - 1e-9) : 0;
		if (decimals > 9)
			decimals = 9;
	}
	snprintf(digits, sizeof(digits), "%.*f", decimals, a / unit);
	trim_zeros(digits);
	return put_label(buf, v < 0, digits, suffix);
}

/* v with 3 significant digits and a k / M / B suffix (see axis.h) */
size_t
abz_fmt_num(double v, char *buf)
{
	double		a = fabs(v);
	const char *suffix;
	double		unit;
	char		digits[ABZ_NUM_LABEL];

	if (!isfinite(v) || a >= 1e15)
		return (size_t) snprintf(buf, ABZ_NUM_LABEL, "%.3g", v);
	if (a < 5e-10)
		return put_label(buf, 0, "0", "");
	unit = unit_of(a, &suffix);
	for (;;)
	{
		double		s = a / unit;
		int			decimals = s >= 100 ? 0 : s >= 10 ? 1 : 2;

		if (s < 1)				/* below 1, unit 1: 3 significant digits */
			decimals = 2 - (int) floor(log10(s));
		if (decimals > 9)
			decimals = 9;
		snprintf(digits, sizeof(digits), "%.*f", decimals, s);
		/* 999.6k rounds to 1000k: say 1M instead */
		if (strtod(digits, NULL) >= 1000 && unit < 1e9)
		{
			unit *= 1e3;
			suffix = unit == 1e3 ? "k" : unit == 1e6 ? "M" : "B";
			continue;
		}
		break;
	}
	trim_zeros(digits);
	return put_label(buf, v < 0, digits, suffix);
}

/* a share as a percentage, at most one decimal (see axis.h) */
size_t
abz_fmt_pct(double share, char *buf)
{
	char		digits[ABZ_NUM_LABEL];
	double		p = share * 100;

	if (!isfinite(p) || fabs(p) >= 1e15)
		return (size_t) snprintf(buf, ABZ_NUM_LABEL, "%.3g%%", p);
	snprintf(digits, sizeof(digits), "%.1f", fabs(p));
	trim_zeros(digits);
	if (strcmp(digits, "0") == 0)
		return (size_t) snprintf(buf, ABZ_NUM_LABEL, "0%%");
	return put_label(buf, p < 0, digits, "%");
}

/* qsort order of doubles */
static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* empirical distribution on an even grid (see axis.h) */
int
abz_ecdf_grid(double *x, size_t n, int points, double *px, double *cdf)
{
	double		lo,
				hi;
	size_t		j = 0;

	qsort(x, n, sizeof(double), cmp_double);
	lo = x[0];
	hi = x[n - 1];
	if (lo == hi || points < 2)
	{
		px[0] = hi;
		cdf[0] = 1.0;
		return 1;
	}
	for (int k = 0; k < points; k++)
	{
		px[k] = k == points - 1 ? hi : lo + (hi - lo) * k / (points - 1);
		while (j < n && x[j] <= px[k])
			j++;
		cdf[k] = (double) j / (double) n;
	}
	return points;
}
