/*
 * simval_equity.c — questions a version 2 simulation answers beyond NPV: the
 * investor's view (MOIC, equity IRR, equity NPV), the paired comparison of
 * two simulations that share their random numbers, and the distribution of
 * a portfolio's survivors per month.
 */
#include <math.h>
#include <string.h>

#include "simval_int.h"

/* the error for a value stored by aibiz 0.1 that lacks what a question needs */
bool
abz_sim_require_v2(const AbzSimHeader *h, const char *what, AbzError *err)
{
	if (h->version >= 2)
		return true;
	return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
					 "this simulation was stored by aibiz 0.1: it has no equity view or survivor counts, which %s needs; re-simulate it",
					 what);
}

/* present value at monthly rate r of the slots of trial i minus the exit at H */
static double
equity_gap(const AbzSimView *v, size_t i, int32_t H, double exit, double r)
{
	double		lv = -log1p(r),
				pv = exit * exp(lv * H);
	int32_t		ns = v->ext->nslots;

	for (int32_t k = 0; k < ns; k++)
		pv -= abz_fixed_to_double(abz_sim_fx(v->slots, i * (size_t) ns + (size_t) k)) *
			exp(lv * v->ext->slot[k]);
	return pv;
}

/*
 * The annualised equity IRR of trial i: the monthly rate r > -1 at which the
 * present value of the exit equals that of the contributions.  Contributions
 * come no later than the exit, so the gap falls from +inf (r -> -1) as r
 * rises, through one root; bisection on log(1 + r).  -1 (a total loss) when
 * the exit is 0; NaN when nothing was put in.
 */
double
abz_sim_trial_irr(const AbzSimView *v, size_t i, int32_t H)
{
	double		exit = abz_fixed_to_double(abz_sim_fx(v->exit, i)),
				paid = abz_fixed_to_double(abz_sim_fx(v->contrib, i)),
				lo = -0.99,
				hi = 1.0;

	if (!(paid > 0.0) || v->ext->nslots == 0)
		return NAN;
	if (!(exit > 0.0))
		return -1.0;
	/* widen the bracket: at most 60 doublings cover any finite multiple */
	for (int k = 0; k < 60 && equity_gap(v, i, H, exit, hi) > 0.0; k++)
		hi = hi * 2.0 + 1.0;
	for (int k = 0; k < 60 && equity_gap(v, i, H, exit, lo) < 0.0; k++)
		lo = -1.0 + (lo + 1.0) / 16.0;
	for (int k = 0; k < 200 && hi - lo > 1e-15 * (1.0 + fabs(lo)); k++)
	{
		double		mid = 0.5 * (lo + hi);

		if (equity_gap(v, i, H, exit, mid) > 0.0)
			lo = mid;
		else
			hi = mid;
	}
	return pow(1.0 + 0.5 * (lo + hi), 12.0) - 1.0;
}

/* mean of a fixed-point array (exact sum) */
static double
fx_mean(const unsigned char *cells, size_t n)
{
	abz_fixed	s = 0;

	for (size_t i = 0; i < n; i++)
		if (!abz_fixed_add(s, abz_sim_fx(cells, i), &s))
			return NAN;
	return abz_fixed_to_double(s) / (double) n;
}

/* mean and P10/P50/P90 of the first n of x (x is reordered) */
static void
summarise(double *x, size_t n, double out[4])
{
	static const double lv[3] = {0.10, 0.50, 0.90};
	double		s = 0.0;

	if (n == 0)
	{
		out[0] = out[1] = out[2] = out[3] = NAN;
		return;
	}
	for (size_t i = 0; i < n; i++)
		s += x[i];
	out[0] = s / (double) n;
	abz_quantiles7(x, n, lv, 3, out + 1);
}

/* the investor's view (see simval.h) */
bool
abz_sim_investor(const AbzSimHeader *h, double *scratch, AbzSimInvestor *out,
				 void (*poll) (void *), AbzError *err)
{
	AbzSimView	v;
	size_t		T = (size_t) h->trials,
				n = 0,
				ge1 = 0,
				ge3 = 0;

	if (!abz_sim_require_v2(h, "investor()", err))
		return false;
	abz_sim_const_view(h, &v);
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < T; i++)
	{
		double		paid = abz_fixed_to_double(abz_sim_fx(v.contrib, i)),
					moic;

		if (!(paid > 0.0))
			continue;
		moic = abz_fixed_to_double(abz_sim_fx(v.exit, i)) / paid;
		ge1 += moic >= 1.0;
		ge3 += moic >= 3.0;
		scratch[n++] = moic;
	}
	out->funded = (int64_t) n;
	out->p_moic_1 = n ? (double) ge1 / (double) n : NAN;
	out->p_moic_3 = n ? (double) ge3 / (double) n : NAN;
	summarise(scratch, n, out->moic);
	n = 0;
	for (size_t i = 0; i < T && v.ext->nslots > 0; i++)
	{
		double		r;

		if (poll && i % ABZ_SIM_POLL_TRIALS == ABZ_SIM_POLL_TRIALS - 1)
			poll(NULL);
		r = abz_sim_trial_irr(&v, i, h->horizon);
		if (!isnan(r))
			scratch[n++] = r;
	}
	summarise(scratch, n, out->irr);
	out->equity_npv_mean = fx_mean(v.eq_npv, T);
	return true;
}

/*
 * Trial i of two simulations draws the same numbers only when they sample
 * alike: the same sampling (mc or lhs), and both or neither rearranged by
 * correlations.  Iman–Conover reorders by ranks, which a change of a
 * distribution's parameters keeps, so two correlated runs of the same
 * inputs and targets pair; that the targets are the same is the caller's
 * to ensure.  Different scenarios do pair: only the market-wide draws
 * differ, which is what a scenario comparison asks.
 */
static bool
same_sampling(const AbzSimHeader *a, const AbzSimHeader *b, AbzError *err)
{
	AbzSimView	va,
				vb;

	abz_sim_const_view(a, &va);
	abz_sim_const_view(b, &vb);
	if (va.ext->sampling != vb.ext->sampling ||
		((va.ext->mixed | vb.ext->mixed) & ABZ_SIM_MIXED_SAMPLING))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "compare() pairs simulations that share their random numbers: they need the same sampling (mc or lhs)");
	if (va.ext->correlated != vb.ext->correlated)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "compare() pairs simulations that share their random numbers: one has correlated inputs (rearranged over the run) and the other not");
	return true;
}

/* two simulations pair when they share seed, trials, horizon and sampling */
static bool
pairable(const AbzSimHeader *a, const AbzSimHeader *b, AbzError *err)
{
	if (a->trials != b->trials || a->horizon != b->horizon)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "compare() pairs simulations trial by trial: they need the same trials and horizon, got %d and %d trials over %d and %d months",
						 (int) a->trials, (int) b->trials, (int) a->horizon, (int) b->horizon);
	if ((a->flags | b->flags) & ABZ_SIM_MIXED_SEED || a->seed != b->seed)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "compare() pairs simulations that share their random numbers: they need the same seed");
	if (!abz_sim_require_v2(a, "compare()", err) || !abz_sim_require_v2(b, "compare()", err))
		return false;
	return same_sampling(a, b, err);
}

/* paired comparison of b against a (common random numbers) */
bool
abz_sim_compare(const AbzSimHeader *a, const AbzSimHeader *b, AbzSimComparison *out,
				AbzError *err)
{
	AbzSimView	va,
				vb;
	size_t		T = (size_t) a->trials,
				wins = 0;
	abz_fixed	sa = 0,
				sb = 0;
	double		mean,
				ss = 0.0;

	if (!pairable(a, b, err))
		return false;
	abz_sim_const_view(a, &va);
	abz_sim_const_view(b, &vb);
	for (size_t i = 0; i < T; i++)
	{
		abz_fixed	x = abz_sim_fx(va.npv, i),
					y = abz_sim_fx(vb.npv, i);

		wins += y > x;
		if (!abz_fixed_add(sa, x, &sa) || !abz_fixed_add(sb, y, &sb))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "NPV sum out of range");
	}
	/* the mean difference from the exact sums; the spread around it in float8 */
	mean = (abz_fixed_to_double(sb) - abz_fixed_to_double(sa)) / (double) T;
	for (size_t i = 0; i < T; i++)
	{
		double		d = abz_fixed_to_double(abz_sim_fx(vb.npv, i)) -
			abz_fixed_to_double(abz_sim_fx(va.npv, i)) - mean;

		ss += d * d;
	}
	out->trials = (int64_t) T;
	out->npv_diff = mean;
	out->npv_diff_se = T > 1 ? sqrt(ss / (double) (T - 1) / (double) T) : NAN;
	out->p_b_better = (double) wins / (double) T;
	out->survival_diff = abz_sim_survival(b, b->horizon) - abz_sim_survival(a, a->horizon);
	out->equity_npv_diff = fx_mean(vb.eq_npv, T) - fx_mean(va.eq_npv, T);
	return true;
}

/*
 * Survivors per month of a portfolio (a single simulation: 1 or 0 per
 * trial): out[m] = mean, P5, P25, P50, P75, P95 of the members alive at the
 * end of month m + 1 over trials.  scratch holds trials doubles; poll, if
 * not NULL, is called with NULL once per month.
 */
bool
abz_sim_survivors(const AbzSimHeader *h, double *scratch, double (*out)[6],
				  void (*poll) (void *), AbzError *err)
{
	static const double lv[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
	AbzSimView	v;
	size_t		T = (size_t) h->trials;

	if (!abz_sim_require_v2(h, "survivors()", err))
		return false;
	abz_sim_const_view(h, &v);
	for (int m = 0; m < h->horizon; m++)
	{
		if (poll)
			poll(NULL);
		for (size_t i = 0; i < T; i++)
			scratch[i] = v.surv ? (double) v.surv[(size_t) m * T + i] :
				(double) (v.death[i] == 0 || v.death[i] > m + 1);
		out[m][0] = (double) v.alive[m] / (double) T;
		abz_quantiles7(scratch, T, lv, 5, out[m] + 1);
	}
	return true;
}
