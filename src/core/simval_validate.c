/*
 * simval_validate.c — checking a simulation value as strictly as the
 * builder makes them, after its header (abz_sim_check_header): months in
 * range, alive counts consistent with the trials, quantiles finite and
 * ordered, losses and counts non-negative.
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "simval_int.h"

/* a fixed cell array holds no negative value */
static bool
fx_nonneg(const unsigned char *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (abz_sim_fx(cells, i) < 0)
			return false;
	return true;
}

/* quantile rows: finite and ordered */
static bool
quantiles_ok(const double *q, int horizon)
{
	for (int m = 0; m < horizon; m++)
	{
		const double *r = q + m * ABZ_SIM_NQ;

		for (int k = 0; k < ABZ_SIM_NQ; k++)
			if (!isfinite(r[k]) || (k > 0 && r[k] < r[k - 1]))
				return false;
	}
	return true;
}

/* bytes [from, to) of a value are zero */
static bool
zero_bytes(const AbzSimHeader *h, size_t from, size_t to)
{
	const unsigned char *p = (const unsigned char *) h;

	for (size_t i = from; i < to; i++)
		if (p[i] != 0)
			return false;
	return true;
}

/* per-trial months in 0..horizon, losses and counts non-negative */
static bool
check_trials(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	for (int32_t i = 0; i < h->trials; i++)
	{
		if (v->death[i] < 0 || v->death[i] > h->horizon ||
			v->breakeven[i] < 0 || v->breakeven[i] > h->horizon)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "trial %d: death month %d or breakeven month %d outside 0..%d",
							 (int) i, v->death[i], v->breakeven[i], (int) h->horizon);
	}
	if (!fx_nonneg(v->loss, h->trials) || !fx_nonneg(v->cat_loss, ABZ_RISK_NCAT))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "risk losses must not be negative");
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		if (v->events[c] < 0)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "event counts must not be negative");
	return true;
}

/* alive counts non-negative, non-increasing and at most trials x members */
static bool
check_alive(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	int64_t		cap;

	if (__builtin_mul_overflow((int64_t) h->trials, h->members, &cap))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "trials times members overflows");
	for (int m = 0; m < h->horizon; m++)
		if (v->alive[m] < 0 || v->alive[m] > (m == 0 ? cap : v->alive[m - 1]))
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "alive count %" PRId64 " at month %d is negative, above %" PRId64 " or rising",
							 v->alive[m], m + 1, cap);
	return true;
}

/* a single simulation: alive counts from its death months, breakeven after launch, quantiles */
static bool
check_single(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	int64_t		deaths[ABZ_MAX_HORIZON + 1];
	int64_t		alive = h->trials;

	memset(deaths, 0, sizeof(deaths));
	for (int32_t i = 0; i < h->trials; i++)
	{
		deaths[v->death[i]]++;	/* 0..horizon, checked by check_trials */
		if (v->breakeven[i] != 0 && v->breakeven[i] < h->launch)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "trial %d: breakeven month %d before launch %d",
							 (int) i, v->breakeven[i], (int) h->launch);
	}
	for (int m = 0; m < h->horizon; m++)
	{
		alive -= deaths[m + 1];
		if (v->alive[m] != alive)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "alive count at month %d does not match the trials' death months",
							 m + 1);
	}
	if (!quantiles_ok(v->rev_q, h->horizon) || !quantiles_ok(v->cash_q, h->horizon))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "monthly quantiles must be finite and ordered P5 <= P25 <= P50 <= P75 <= P95");
	return true;
}

/* the version 2 block: known codes, zero padding, ascending slot months from 0 */
static bool
check_ext(const AbzSimHeader *h, const AbzSimExt *e, AbzError *err)
{
	bool		single = h->members == 1;

	if (e->sampling > ABZ_SAMPLING_LHS || e->correlated > 1 ||
		(e->mixed & ~(ABZ_SIM_MIXED_SCENARIO | ABZ_SIM_MIXED_SAMPLING)) ||
		(single && e->mixed != 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown sampling or mixture codes");
	for (int k = 0; k < 5; k++)
		if (e->pad[k] != 0)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding in the version 2 block");
	if (!(e->tolerance >= 0.0 && e->tolerance < 1.0) || (!single && e->tolerance != 0.0) ||
		e->requested < h->trials || (e->tolerance == 0.0 && e->requested != h->trials))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "tolerance %g or requested trials %d do not fit %d trials",
						 e->tolerance, (int) e->requested, (int) h->trials);
	if (((e->mixed & ABZ_SIM_MIXED_SCENARIO) && e->scenario != 0) ||
		((e->mixed & ABZ_SIM_MIXED_SAMPLING) && e->sampling != 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "a mixed portfolio stores scenario and sampling 0");
	for (int k = 0; k < ABZ_EQ_MAX_SLOTS; k++)
	{
		bool		ok = k >= e->nslots ? e->slot[k] == 0 :
			(k == 0 ? e->slot[0] == 0 : e->slot[k] > e->slot[k - 1] && e->slot[k] <= h->horizon);

		if (!ok)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "equity slot months must rise from 0 to at most the horizon");
	}
	return true;
}

/* the equity view: exit and contributions non-negative, slots summing to the total */
static bool
check_equity(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	int32_t		ns = v->ext->nslots;

	if (!fx_nonneg(v->exit, h->trials) || !fx_nonneg(v->contrib, h->trials) ||
		!fx_nonneg(v->slots, (size_t) h->trials * (size_t) ns))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "exit values and contributions must not be negative");
	for (int32_t i = 0; ns > 0 && i < h->trials; i++)
	{
		abz_fixed	sum = 0;

		for (int32_t k = 0; k < ns; k++)
			if (!abz_fixed_add(sum, abz_sim_fx(v->slots, (size_t) i * ns + k), &sum))
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "contributions overflow");
		if (sum != abz_sim_fx(v->contrib, i))
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "trial %d: contributions per slot do not add up to the total", (int) i);
	}
	return true;
}

/* survivors per trial and month: at most members, non-increasing, summing to the alive counts */
static bool
check_survivors(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	size_t		T = (size_t) h->trials;

	for (int m = 0; m < h->horizon; m++)
	{
		int64_t		sum = 0;

		for (size_t i = 0; i < T; i++)
		{
			uint32_t	s = v->surv[(size_t) m * T + i];

			if (s > (uint64_t) h->members || (m > 0 && s > v->surv[(size_t) (m - 1) * T + i]))
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "survivors of trial %zu at month %d are above the members or rising",
								 i, m + 1);
			sum += s;
		}
		if (sum != v->alive[m])
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "survivors at month %d do not add up to the alive count", m + 1);
	}
	return true;
}

/* everything version 2 adds */
static bool
check_v2(const AbzSimHeader *h, const AbzSimLayout *L, const AbzSimView *v, AbzError *err)
{
	if (!check_ext(h, v->ext, err) || !check_equity(h, v, err))
		return false;
	if (v->surv && !zero_bytes(h, L->surv + (size_t) h->horizon * h->trials * sizeof(uint32_t), L->size))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding after the survivor counts");
	return v->surv == NULL || check_survivors(h, v, err);
}

/* the summary block (version 3) is exactly what the arrays give */
static bool
check_summary(const AbzSimHeader *h, const AbzSimView *v, AbzError *err)
{
	AbzSimSummary s;

	abz_sim_summary_compute(h, &s);
	if (memcmp(&s, v->sum, sizeof(s)) != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "the summary block does not match the trials");
	return true;
}

/* check a value as strictly as the builder makes them */
bool
abz_sim_validate(const AbzSimHeader *h, size_t size, AbzError *err)
{
	AbzSimLayout L;
	AbzSimView	v;

	if (!abz_sim_check_header(h, size, &L, err))
		return false;
	if (h->members == 1 && (h->flags & ABZ_SIM_MIXED_SEED))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "a single simulation has one seed");
	if ((h->flags & ABZ_SIM_MIXED_SEED) && h->seed != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "a mixed-seed portfolio stores seed 0");
	/* the padding after the int16 arrays is zero, so equal values are equal bytes */
	if (!zero_bytes(h, L.death + (size_t) h->trials * sizeof(int16_t),
					L.death + abz_sim_align8((size_t) h->trials * sizeof(int16_t))) ||
		!zero_bytes(h, L.breakeven + (size_t) h->trials * sizeof(int16_t),
					L.breakeven + abz_sim_align8((size_t) h->trials * sizeof(int16_t))))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding after the trial months");
	abz_sim_view((AbzSimHeader *) h, &L, &v);
	if (!check_trials(h, &v, err) || !check_alive(h, &v, err))
		return false;
	if (v.ext && !check_v2(h, &L, &v, err))
		return false;
	if (v.sum && !check_summary(h, &v, err))
		return false;
	return h->members != 1 || check_single(h, &v, err);
}
