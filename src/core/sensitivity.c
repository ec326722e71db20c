/*
 * sensitivity.c — Monte Carlo sensitivity: the trials of aibiz.simulate with
 * every once-per-trial draw recorded, and per drawn key its Spearman rank
 * correlation with trial NPV and its share of the squared correlations.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"
#include "tools.h"

/* prepare the model of the inputs as given; returns its once-per-trial key count */
int
abz_tools_prepare(AbzTools *t, AbzError *err)
{
	if (!abz_model_prepare(t->model, t->spec[0], t->spec[1], t->spec[2], &t->market,
						   t->horizon, err))
		return -1;
	return abz_model_nrand(t->model);
}

/* a value and its trial, for ranking */
typedef struct RankPair
{
	double		v;
	int32_t		i;
} RankPair;

/* order of RankPair: value, then trial (deterministic ties) */
static int
pair_cmp(const void *a, const void *b)
{
	const RankPair *x = a,
			   *y = b;

	if (x->v != y->v)
		return x->v < y->v ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* bytes of scratch abz_sensitivity needs */
size_t
abz_sensitivity_scratch(int32_t trials, int nrand)
{
	size_t		n = trials > 0 ? (size_t) trials : 0;

	if (nrand < 0 || (size_t) nrand + 3 > SIZE_MAX / 16 / (n ? n : 1))
		return SIZE_MAX;
	/* draws (nrand columns), npv, npv ranks, input ranks, pairs */
	return n * sizeof(double) * ((size_t) nrand + 3) + n * sizeof(RankPair);
}

/* ranks 1..n of v (ties get their average rank) into rank */
static void
rank_of(const double *v, int32_t n, RankPair *pairs, double *rank)
{
	int32_t		i = 0;

	for (int32_t k = 0; k < n; k++)
	{
		pairs[k].v = v[k];
		pairs[k].i = k;
	}
	qsort(pairs, (size_t) n, sizeof(pairs[0]), pair_cmp);
	while (i < n)
	{
		int32_t		j = i;
		double		r;

		while (j + 1 < n && pairs[j + 1].v == pairs[i].v)
			j++;
		r = (i + j) / 2.0 + 1.0;
		for (int32_t k = i; k <= j; k++)
			rank[pairs[k].i] = r;
		i = j + 1;
	}
}

/* Pearson correlation of two rank vectors (mean (n+1)/2); 0 if one is constant */
static double
rank_corr(const double *x, const double *y, int32_t n)
{
	double		m = (n + 1) / 2.0,
				sxy = 0.0,
				sxx = 0.0,
				syy = 0.0;

	for (int32_t i = 0; i < n; i++)
	{
		double		dx = x[i] - m,
					dy = y[i] - m;

		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx <= 0.0 || syy <= 0.0)
		return 0.0;
	return sxy / sqrt(sxx * syy);
}

/* run the trials, keeping each trial's NPV and once-per-trial draws (column-major) */
static void
sens_trials(AbzTools *t, int64_t seed, int32_t trials, int nrand, double *draws, double *npv)
{
	int			every = abz_sim_tick_every_model(t->model);
	int			countdown = every;
	double		vals[ABZ_MAX_INPUTS * 2];
	AbzTrial	tr;

	for (int32_t i = 0; i < trials; i++)
	{
		if (t->tick && --countdown == 0)
		{
			t->tick(t->arg);
			countdown = every;
		}
		abz_model_trial(t->model, (uint64_t) seed, (uint64_t) i, &tr, NULL, NULL);
		npv[i] = tr.npv;
		abz_model_rand_values(t->model, vals);
		for (int j = 0; j < nrand; j++)
			draws[(size_t) j * trials + i] = vals[j];
	}
	t->trials_run += trials;
}

/* Monte Carlo sensitivity (see tools.h). */
int
abz_sensitivity(AbzTools *t, int64_t seed, int32_t trials, void *scratch, AbzSensRow *rows,
				AbzError *err)
{
	int			nrand = abz_model_nrand(t->model);
	double	   *draws = scratch;
	double	   *npv = draws + (size_t) nrand * trials;
	double	   *nrank = npv + trials;
	double	   *xrank = nrank + trials;
	RankPair   *pairs = (RankPair *) (xrank + trials);
	double		total = 0.0;

	if (trials < 2)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "sensitivity needs at least 2 trials, got %d", trials), -1;
	if (nrand > ABZ_MAX_INPUTS * 2)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "too many uncertain keys"), -1;
	sens_trials(t, seed, trials, nrand, draws, npv);
	rank_of(npv, trials, pairs, nrank);
	for (int j = 0; j < nrand; j++)
	{
		AbzKind		kind;
		int			term,
					slot;
		const AbzSpec *s;

		if (t->tick)
			t->tick(t->arg);
		abz_model_rand_source(t->model, j, &kind, &term, &slot);
		s = t->spec[kind - 1];
		rows[j].which = kind - 1;
		abz_path_name(s, term, slot, ABZ_TARGET_KEY, rows[j].path);
		rank_of(draws + (size_t) j * trials, trials, pairs, xrank);
		rows[j].rho = rank_corr(xrank, nrank, trials);
		total += rows[j].rho * rows[j].rho;
	}
	for (int j = 0; j < nrand; j++)
		rows[j].share = total > 0.0 ? rows[j].rho * rows[j].rho / total : 0.0;
	/* insertion sort: equal shares keep draw order */
	for (int j = 1; j < nrand; j++)
	{
		AbzSensRow	tmp = rows[j];
		int			k = j;

		while (k > 0 && rows[k - 1].share < tmp.share)
		{
			rows[k] = rows[k - 1];
			k--;
		}
		rows[k] = tmp;
	}
	return nrand;
}

