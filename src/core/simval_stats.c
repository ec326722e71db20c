/*
 * simval_stats.c — the statistics table of a simulation's trial NPVs:
 * count, mean, standard deviation, skewness, kurtosis, extremes, nine
 * percentiles and the standard error of the mean.
 *
 * The mean is the exact fixed-point sum over trials divided once; the
 * central moments are summed in trial order around it, so the table is a
 * function of the stored value alone.
 */
#include <math.h>

#include "simval_int.h"

const double abz_sim_stat_levels[ABZ_SIM_NSTAT_PCT] = {
	0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99
};

/* second, third and fourth central moments (divided by n) of x around mean */
static void
central_moments(const double *x, size_t n, double mean, double *m2, double *m3, double *m4)
{
	double		s2 = 0.0,
				s3 = 0.0,
				s4 = 0.0;

	for (size_t i = 0; i < n; i++)
	{
		double		d = x[i] - mean;
		double		d2 = d * d;

		s2 += d2;
		s3 += d2 * d;
		s4 += d2 * d2;
	}
	*m2 = s2 / (double) n;
	*m3 = s3 / (double) n;
	*m4 = s4 / (double) n;
}

/* statistics of the trial NPVs; see simval.h */
void
abz_sim_npv_statistics(const AbzSimHeader *h, double *scratch, AbzSimStats *out)
{
	size_t		n = (size_t) h->trials;
	double		m2,
				m3,
				m4;

	abz_sim_trial_values(h, 0, scratch);
	out->trials = h->trials;
	out->mean = abz_sim_trial_mean(h, 0);
	out->sd = n >= 2 ? abz_sim_trial_stddev(h, 0) : 0.0;
	if (abz_sim_summary(h))
	{
		out->min = abz_sim_summary(h)->npv_min;
		out->max = abz_sim_summary(h)->npv_max;
	}
	else
	{
		out->min = out->max = scratch[0];
		for (size_t i = 1; i < n; i++)
		{
			out->min = fmin(out->min, scratch[i]);
			out->max = fmax(out->max, scratch[i]);
		}
	}
	central_moments(scratch, n, out->mean, &m2, &m3, &m4);
	out->skewness = m2 > 0.0 ? m3 / pow(m2, 1.5) : 0.0;
	out->kurtosis = m2 > 0.0 ? m4 / (m2 * m2) : 0.0;
	out->se = out->sd / sqrt((double) n);
	/* abz_quantiles7 takes up to ABZ_SIM_NQ levels a call */
	for (int k = 0; k < ABZ_SIM_NSTAT_PCT; k += ABZ_SIM_NQ)
	{
		int			np = ABZ_SIM_NSTAT_PCT - k < ABZ_SIM_NQ ? ABZ_SIM_NSTAT_PCT - k : ABZ_SIM_NQ;

		abz_quantiles7(scratch, n, abz_sim_stat_levels + k, np, out->pct + k);
	}
}
