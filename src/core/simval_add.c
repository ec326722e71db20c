/*
 * simval_add.c — the exact trial-wise sum of two simulation values, behind
 * the aibiz.portfolio aggregate: commutative and associative, so any
 * grouping and order of the members give the same bytes.
 */
#include <string.h>

#include "simval_int.h"

/* ---- trial-wise addition ---- */

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

/* the equity slot months of a + b (the union), 0 when it does not fit */
static int32_t
slot_union(const AbzSimExt *a, const AbzSimExt *b, int16_t *out)
{
	int32_t		i = 0,
				j = 0,
				n = 0;

	if (a->nslots == 0 || b->nslots == 0)
		return 0;
	while (i < a->nslots || j < b->nslots)
	{
		int16_t		m;

		if (j >= b->nslots || (i < a->nslots && a->slot[i] <= b->slot[j]))
			m = a->slot[i];
		else
			m = b->slot[j];
		if (i < a->nslots && a->slot[i] == m)
			i++;
		if (j < b->nslots && b->slot[j] == m)
			j++;
		if (n == ABZ_EQ_MAX_SLOTS)
			return 0;
		out[n++] = m;
	}
	return n;
}

/* the version 2 block of a + b */
static void
ext_sum(const AbzSimExt *a, const AbzSimExt *b, int32_t trials, AbzSimExt *out)
{
	memset(out, 0, sizeof(*out));
	out->mixed = a->mixed | b->mixed;
	if (a->scenario != b->scenario)
		out->mixed |= ABZ_SIM_MIXED_SCENARIO;
	if (a->sampling != b->sampling)
		out->mixed |= ABZ_SIM_MIXED_SAMPLING;
	out->scenario = (out->mixed & ABZ_SIM_MIXED_SCENARIO) ? 0 : a->scenario;
	out->sampling = (out->mixed & ABZ_SIM_MIXED_SAMPLING) ? 0 : a->sampling;
	out->correlated = a->correlated | b->correlated;
	out->tolerance = 0.0;
	out->requested = trials;
	out->nslots = slot_union(a, b, out->slot);
}

/* layout of a + b; 22023 if trials or horizons differ or a value is of version 1 */
bool
abz_sim_add_layout(const AbzSimHeader *a, const AbzSimHeader *b,
				   AbzSimLayout *L, AbzError *err)
{
	AbzSimView	va,
				vb;
	AbzSimExt	e;
	AbzSimShape s;

	if (a->trials != b->trials)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add simulations with different numbers of trials: %d and %d",
						 (int) a->trials, (int) b->trials);
	if (a->horizon != b->horizon)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add simulations with different horizons: %d and %d months",
						 (int) a->horizon, (int) b->horizon);
	if (a->version < 2 || b->version < 2)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add a simulation stored by aibiz 0.1 to a portfolio: it has no equity view or survivor counts; re-simulate it");
	abz_sim_const_view(a, &va);
	abz_sim_const_view(b, &vb);
	ext_sum(va.ext, vb.ext, a->trials, &e);
	s.trials = a->trials;
	s.horizon = a->horizon;
	s.nslots = e.nslots;
	s.version = ABZ_SIM_VERSION;
	s.quantiles = false;
	s.survivors = true;
	return abz_sim_layout_shape(&s, L, err);
}

/* survivors of trial i at month index m (0-based) of a view */
static inline uint32_t
survivors_at(const AbzSimView *v, size_t T, size_t m, size_t i)
{
	if (v->surv)
		return v->surv[m * T + i];
	return v->death[i] == 0 || (size_t) v->death[i] > m + 1;
}

/* contributions of trial i at slot month `month` of a view (0 if it has no such slot) */
static abz_fixed
slot_at(const AbzSimView *v, size_t i, int16_t month)
{
	for (int32_t k = 0; k < v->ext->nslots; k++)
		if (v->ext->slot[k] == month)
			return abz_sim_fx(v->slots, i * (size_t) v->ext->nslots + (size_t) k);
	return 0;
}

/* the version 2 arrays of a + b into out (whose block is filled) */
static bool
add_v2(const AbzSimView *va, const AbzSimView *vb, AbzSimView *vo, size_t T, size_t H,
	   AbzError *err)
{
	int32_t		ns = vo->ext->nslots;

	if (!fx_add_cells(vo->eq_npv, va->eq_npv, vb->eq_npv, T) ||
		!fx_add_cells(vo->exit, va->exit, vb->exit, T) ||
		!fx_add_cells(vo->contrib, va->contrib, vb->contrib, T))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "portfolio equity sum overflows the fixed-point range");
	for (size_t i = 0; i < T; i++)
		for (int32_t k = 0; k < ns; k++)
		{
			abz_fixed	x;

			if (!abz_fixed_add(slot_at(va, i, vo->ext->slot[k]), slot_at(vb, i, vo->ext->slot[k]), &x))
				return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
								 "portfolio equity sum overflows the fixed-point range");
			abz_sim_set_fx(vo->slots, i * (size_t) ns + (size_t) k, x);
		}
	for (size_t m = 0; m < H; m++)
		for (size_t i = 0; i < T; i++)
			if (__builtin_add_overflow(survivors_at(va, T, m, i), survivors_at(vb, T, m, i),
									   &vo->surv[m * T + i]))
				return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
								 "portfolio survivor count overflows");
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

/* the header of a + b: members added (a survivor count fits 32 bits), seed kept or mixed */
static bool
sum_header(const AbzSimHeader *a, const AbzSimHeader *b, AbzSimHeader *h, AbzError *err)
{
	int64_t		cap;

	memset(h, 0, sizeof(*h));
	h->version = ABZ_SIM_VERSION;
	h->horizon = a->horizon;
	h->trials = a->trials;
	h->launch = a->launch < b->launch ? a->launch : b->launch;
	h->qtrials = 0;
	if (__builtin_add_overflow(a->members, b->members, &h->members) ||
		__builtin_mul_overflow((int64_t) h->trials, h->members, &cap) ||
		h->members > UINT32_MAX)
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "portfolio member count overflows");
	if ((a->flags | b->flags) & ABZ_SIM_MIXED_SEED || a->seed != b->seed)
	{
		h->flags = ABZ_SIM_MIXED_SEED;
		h->seed = 0;
	}
	else
		h->seed = a->seed;
	h->flags |= ABZ_SIM_HAS_SURVIVORS;
	return true;
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
	AbzSimExt	e;
	size_t		T = (size_t) a->trials;
	size_t		H = (size_t) a->horizon;

	if (!sum_header(a, b, &h, err))
		return false;
	abz_sim_const_view(a, &va);
	abz_sim_const_view(b, &vb);
	ext_sum(va.ext, vb.ext, h.trials, &e);	/* before out, which may alias a, is written */
	*out = h;
	abz_sim_view(out, L, &vo);
	*vo.ext = e;
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
	if (!add_v2(&va, &vb, &vo, T, H, err))
		return false;
	/* zero the padding after the int16 arrays so equal sums are equal bytes */
	memset(vo.death + T, 0, abz_sim_align8(T * sizeof(int16_t)) - T * sizeof(int16_t));
	memset(vo.breakeven + T, 0, abz_sim_align8(T * sizeof(int16_t)) - T * sizeof(int16_t));
	/* the summary of the summed trials (version 3) */
	abz_sim_summarize(out);
	return true;
}

