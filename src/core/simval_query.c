/*
 * simval_query.c — the questions asked of a simulation value: per-trial
 * values, exact means, spread, survival, breakeven and failure shares, the
 * NPV distribution function, tail risk, histogram and loss exceedance.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "simval_int.h"

/* ---- questions ---- */

/* per-trial values as doubles: which 0 = npv, 1 = arr, 2 = loss */
void
abz_sim_trial_values(const AbzSimHeader *h, int which, double *out)
{
	AbzSimView	v;
	const unsigned char *cells;

	abz_sim_const_view(h, &v);
	cells = which == 0 ? v.npv : which == 1 ? v.arr : v.loss;
	for (int32_t i = 0; i < h->trials; i++)
		out[i] = abz_fixed_to_double(abz_sim_fx(cells, i));
}

/* mean of fixed cells: exact integer sum, one rounding, one division */
static double
cells_mean(const unsigned char *cells, int32_t trials)
{
	abz_fixed	sum = 0;
	double		dsum = 0;
	bool		exact = true;

	for (int32_t i = 0; i < trials; i++)
	{
		abz_fixed	x = abz_sim_fx(cells, i);

		if (exact && !abz_fixed_add(sum, x, &sum))
			exact = false;
		dsum += abz_fixed_to_double(x);
	}
	return (exact ? abz_fixed_to_double(sum) : dsum) / (double) trials;
}

/* sample standard deviation (n - 1) of fixed cells around mean, in trial order */
static double
cells_stddev(const unsigned char *cells, int32_t trials, double mean)
{
	double		ss = 0;

	for (int32_t i = 0; i < trials; i++)
	{
		double		d = abz_fixed_to_double(abz_sim_fx(cells, i)) - mean;

		ss += d * d;
	}
	return sqrt(ss / (double) (trials - 1));
}

/* the fixed cells of a per-trial array of a view: which 0 = npv, 1 = arr, 2 = loss */
static const unsigned char *
trial_cells(const AbzSimView *v, int which)
{
	return which == 0 ? v->npv : which == 1 ? v->arr : v->loss;
}

/* mean of a per-trial fixed array (from the summary in version 3) */
double
abz_sim_trial_mean(const AbzSimHeader *h, int which)
{
	const AbzSimSummary *s = abz_sim_summary(h);
	AbzSimView	v;

	if (s)
		return which == 0 ? s->npv_mean : which == 1 ? s->arr_mean : s->loss_mean;
	abz_sim_const_view(h, &v);
	return cells_mean(trial_cells(&v, which), h->trials);
}

/* sample standard deviation (n - 1) of a per-trial array, two passes in trial order */
double
abz_sim_trial_stddev(const AbzSimHeader *h, int which)
{
	const AbzSimSummary *s = abz_sim_summary(h);
	AbzSimView	v;

	if (s && which == 0)
		return s->npv_sd;
	abz_sim_const_view(h, &v);
	return cells_stddev(trial_cells(&v, which), h->trials, abz_sim_trial_mean(h, which));
}

/* share of (trial, member) pairs alive at month (0..horizon; month 0 is 1) */
double
abz_sim_survival(const AbzSimHeader *h, int32_t month)
{
	AbzSimView	v;

	if (month <= 0)
		return 1.0;
	abz_sim_const_view(h, &v);
	return (double) v.alive[month - 1] / ((double) h->trials * (double) h->members);
}

/* share of the trials whose month (death or breakeven) is set */
static double
share_with_month(const int16_t *month, int32_t trials)
{
	int64_t		n = 0;

	for (int32_t i = 0; i < trials; i++)
		n += month[i] > 0;
	return (double) n / (double) trials;
}

/* share of trials in which a death occurs (in a portfolio: any member's) */
double
abz_sim_failure_probability(const AbzSimHeader *h)
{
	const AbzSimSummary *s = abz_sim_summary(h);
	AbzSimView	v;

	if (s)
		return (double) s->failed / (double) h->trials;
	abz_sim_const_view(h, &v);
	return share_with_month(v.death, h->trials);
}

/* share of trials with a breakeven month */
double
abz_sim_breakeven_probability(const AbzSimHeader *h)
{
	const AbzSimSummary *s = abz_sim_summary(h);
	AbzSimView	v;

	if (s)
		return (double) s->breakeven / (double) h->trials;
	abz_sim_const_view(h, &v);
	return share_with_month(v.breakeven, h->trials);
}

/* trials whose month (death or breakeven) is set */
static int64_t
count_with_month(const int16_t *month, int32_t trials)
{
	int64_t		n = 0;

	for (int32_t i = 0; i < trials; i++)
		n += month[i] > 0;
	return n;
}

/* the summary block of a version 2 or 3 value as its arrays give it */
void
abz_sim_summary_compute(const AbzSimHeader *h, AbzSimSummary *out)
{
	AbzSimView	v;
	AbzSimSummary s;

	abz_sim_const_view(h, &v);
	memset(&s, 0, sizeof(s));
	s.npv_mean = cells_mean(v.npv, h->trials);
	s.arr_mean = cells_mean(v.arr, h->trials);
	s.loss_mean = cells_mean(v.loss, h->trials);
	s.npv_sd = h->trials >= 2 ? cells_stddev(v.npv, h->trials, s.npv_mean) : 0.0;
	s.breakeven = count_with_month(v.breakeven, h->trials);
	s.failed = count_with_month(v.death, h->trials);
	s.npv_min = s.npv_max = abz_fixed_to_double(abz_sim_fx(v.npv, 0));
	for (int32_t i = 1; i < h->trials; i++)
	{
		double		x = abz_fixed_to_double(abz_sim_fx(v.npv, i));

		s.npv_min = fmin(s.npv_min, x);
		s.npv_max = fmax(s.npv_max, x);
	}
	*out = s;
}

/* fill the summary block of a version 3 value from its arrays */
void
abz_sim_summarize(AbzSimHeader *h)
{
	AbzSimView	v;

	abz_sim_const_view(h, &v);
	if (v.sum)
		abz_sim_summary_compute(h, v.sum);
}

/* share of trials with NPV <= x */
double
abz_sim_npv_cdf(const AbzSimHeader *h, double x)
{
	AbzSimView	v;
	int64_t		n = 0;

	abz_sim_const_view(h, &v);
	for (int32_t i = 0; i < h->trials; i++)
		n += abz_fixed_to_double(abz_sim_fx(v.npv, i)) <= x;
	return (double) n / (double) h->trials;
}

/* VaR and ES of NPV at level: the quantile by selection, the tail summed exactly */
void
abz_sim_tail_risk(const AbzSimHeader *h, double level, double *scratch,
				  double *var, double *es)
{
	AbzSimView	v;
	double		q;
	abz_fixed	sum = 0;
	double		dsum = 0;
	bool		exact = true;
	int64_t		n = 0;

	abz_sim_trial_values(h, 0, scratch);
	q = abz_quantile7(scratch, (size_t) h->trials, 1.0 - level);
	abz_sim_const_view(h, &v);
	for (int32_t i = 0; i < h->trials; i++)
	{
		abz_fixed	x = abz_sim_fx(v.npv, i);
		double		d = abz_fixed_to_double(x);

		if (d <= q)
		{
			if (exact && !abz_fixed_add(sum, x, &sum))
				exact = false;
			dsum += d;
			n++;
		}
	}
	/* n >= 1: the smallest NPV is at or below any quantile */
	*var = -q;
	*es = -(exact ? abz_fixed_to_double(sum) : dsum) / (double) n;
}

/* equal-width NPV histogram over [min, max]; returns the bins used */
int
abz_sim_histogram(const AbzSimHeader *h, int bins, double *scratch,
				  int64_t *counts, double *lo, double *hi)
{
	size_t		n = (size_t) h->trials;
	double		width;

	abz_sim_trial_values(h, 0, scratch);
	*lo = *hi = scratch[0];
	for (size_t i = 1; i < n; i++)
	{
		*lo = scratch[i] < *lo ? scratch[i] : *lo;
		*hi = scratch[i] > *hi ? scratch[i] : *hi;
	}
	if (*hi == *lo)
		bins = 1;
	width = *hi - *lo;
	memset(counts, 0, sizeof(int64_t) * (size_t) bins);
	for (size_t i = 0; i < n; i++)
	{
		int			b = bins == 1 ? 0 : (int) ((scratch[i] - *lo) / width * bins);

		counts[b < 0 ? 0 : b >= bins ? bins - 1 : b]++;
	}
	return bins;
}

/* P(trial risk loss >= x) at points losses from 0 to the largest; returns the points used */
int
abz_sim_exceedance(const AbzSimHeader *h, int points, double *scratch,
				   double *loss, double *prob)
{
	size_t		n = (size_t) h->trials;
	size_t		below = 0;
	double		max;

	abz_sim_trial_values(h, 2, scratch);
	qsort(scratch, n, sizeof(double), abz_sim_dcmp);
	max = scratch[n - 1];
	if (max <= 0)
		points = 1;
	for (int k = 0; k < points; k++)
	{
		double		at = points == 1 ? 0 : (k == points - 1 ? max : max * k / (points - 1));

		while (below < n && scratch[below] < at)
			below++;
		loss[k] = at;
		prob[k] = (double) (n - below) / (double) n;
	}
	return points;
}

