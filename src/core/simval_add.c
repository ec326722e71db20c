/*
 * simval_add.c — the exact trial-wise sum of two simulation values, behind
 * the aibiz.portfolio aggregate: commutative and associative, so any
 * grouping and order of the members give the same bytes.
 */
#include <string.h>

#include "simval_int.h"

/* ---- trial-wise addition ---- */

/* layout of a + b; 22023 if trials or horizons differ */
bool
abz_sim_add_layout(const AbzSimHeader *a, const AbzSimHeader *b,
				   AbzSimLayout *L, AbzError *err)
{
	if (a->trials != b->trials)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add simulations with different numbers of trials: %d and %d",
						 (int) a->trials, (int) b->trials);
	if (a->horizon != b->horizon)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add simulations with different horizons: %d and %d months",
						 (int) a->horizon, (int) b->horizon);
	return abz_sim_layout(a->trials, a->horizon, false, L, err);
}

/* out[i] = a[i] + b[i] for n fixed cells; false on overflow */
static bool
fx_add_cells(unsigned char *out, const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		abz_fixed	s;

		if (!abz_fixed_add(abz_sim_fx(a, i), abz_sim_fx(b, i), &s))
			return false;
		abz_sim_set_fx(out, i, s);
	}
	return true;
}

/* the earlier of two death months, 0 meaning none */
static inline int16_t
first_death(int16_t a, int16_t b)
{
	if (a == 0)
		return b;
	if (b == 0)
		return a;
	return a < b ? a : b;
}

/* the later of two breakeven months, 0 (never) if either never breaks even */
static inline int16_t
last_breakeven(int16_t a, int16_t b)
{
	if (a == 0 || b == 0)
		return 0;
	return a > b ? a : b;
}

/*
 * Trial-wise exact sum a + b into out, which has layout L (no quantiles).
 * out may alias a when a has no quantiles (same layout).  Every operation is
 * commutative and associative, so any grouping and order give the same bytes.
 */
bool
abz_sim_add(const AbzSimHeader *a, const AbzSimHeader *b,
			AbzSimHeader *out, const AbzSimLayout *L, AbzError *err)
{
	AbzSimView	va,
				vb,
				vo;
	AbzSimHeader h;
	size_t		T = (size_t) a->trials;
	size_t		H = (size_t) a->horizon;
	int64_t		cap;

	memset(&h, 0, sizeof(h));
	h.version = ABZ_SIM_VERSION;
	h.horizon = a->horizon;
	h.trials = a->trials;
	h.launch = a->launch < b->launch ? a->launch : b->launch;
	h.qtrials = 0;
	if (__builtin_add_overflow(a->members, b->members, &h.members) ||
		__builtin_mul_overflow((int64_t) h.trials, h.members, &cap))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "portfolio member count overflows");
	if ((a->flags | b->flags) & ABZ_SIM_MIXED_SEED || a->seed != b->seed)
	{
		h.flags = ABZ_SIM_MIXED_SEED;
		h.seed = 0;
	}
	else
		h.seed = a->seed;

	abz_sim_const_view(a, &va);
	abz_sim_const_view(b, &vb);
	*out = h;
	abz_sim_view(out, L, &vo);
	if (!fx_add_cells(vo.npv, va.npv, vb.npv, T) ||
		!fx_add_cells(vo.arr, va.arr, vb.arr, T) ||
		!fx_add_cells(vo.loss, va.loss, vb.loss, T) ||
		!fx_add_cells(vo.rev_sum, va.rev_sum, vb.rev_sum, H) ||
		!fx_add_cells(vo.cash_sum, va.cash_sum, vb.cash_sum, H) ||
		!fx_add_cells(vo.cat_loss, va.cat_loss, vb.cat_loss, ABZ_RISK_NCAT))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "portfolio sum overflows the fixed-point range");
	for (size_t i = 0; i < T; i++)
	{
		vo.death[i] = first_death(va.death[i], vb.death[i]);
		vo.breakeven[i] = last_breakeven(va.breakeven[i], vb.breakeven[i]);
	}
	for (size_t m = 0; m < H; m++)
		if (__builtin_add_overflow(va.alive[m], vb.alive[m], &vo.alive[m]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "portfolio alive count overflows");
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		if (__builtin_add_overflow(va.events[c], vb.events[c], &vo.events[c]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "portfolio event count overflows");
	/* zero the padding after the int16 arrays so equal sums are equal bytes */
	memset(vo.death + T, 0, L->breakeven - L->death - T * sizeof(int16_t));
	memset(vo.breakeven + T, 0, L->alive - L->breakeven - T * sizeof(int16_t));
	return true;
}

