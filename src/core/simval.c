/*
 * simval.c — the aibiz.simulation value's memory layout: sizes and offsets
 * from trials and horizon (with the 1 GB limit), views into a value, and
 * the header check every read of a stored value goes through.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "simval_int.h"

#define FX_BYTES		ABZ_SIM_FX_BYTES
#define align8			abz_sim_align8

/* number of trials that feed the monthly quantiles: min(trials, 4e6 / horizon) */
int32_t
abz_sim_qtrials(int32_t trials, int32_t horizon)
{
	int32_t		cap = ABZ_SIM_QUANTILE_CELLS / horizon;

	return trials < cap ? trials : cap;
}

/* compute the layout of a value; 54000 past 1 GB, 22023 for bad dimensions */
bool
abz_sim_layout(int32_t trials, int32_t horizon, bool quantiles,
			   AbzSimLayout *L, AbzError *err)
{
	size_t		T,
				H,
				off;

	if (trials < 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "trials must be at least 1, got %d", (int) trials);
	if (horizon < 1 || horizon > ABZ_MAX_HORIZON)
		return abz_error(err, horizon < 1 ? ABZ_ERR_DOMAIN : ABZ_ERR_LIMIT, NULL, NULL,
						 "horizon must be between 1 and %d months, got %d",
						 ABZ_MAX_HORIZON, (int) horizon);
	T = (size_t) trials;
	H = (size_t) horizon;
	off = align8(sizeof(AbzSimHeader));
	L->npv = off;
	off += T * FX_BYTES;
	L->arr = off;
	off += T * FX_BYTES;
	L->loss = off;
	off += T * FX_BYTES;
	L->death = off;
	off = align8(off + T * sizeof(int16_t));
	L->breakeven = off;
	off = align8(off + T * sizeof(int16_t));
	L->alive = off;
	off += H * sizeof(int64_t);
	L->rev_sum = off;
	off += H * FX_BYTES;
	L->cash_sum = off;
	off += H * FX_BYTES;
	L->events = off;
	off += ABZ_RISK_NCAT * sizeof(int64_t);
	L->cat_loss = off;
	off += ABZ_RISK_NCAT * FX_BYTES;
	if (quantiles)
	{
		L->rev_q = off;
		off += H * ABZ_SIM_NQ * sizeof(double);
		L->cash_q = off;
		off += H * ABZ_SIM_NQ * sizeof(double);
	}
	else
		L->rev_q = L->cash_q = 0;
	L->size = off;
	L->wire = ABZ_SIM_WIRE_HEADER + T * (3 * FX_BYTES + 2 * sizeof(int16_t)) +
		H * (sizeof(int64_t) + 2 * FX_BYTES) +
		ABZ_RISK_NCAT * (sizeof(int64_t) + FX_BYTES) +
		(quantiles ? 2 * H * ABZ_SIM_NQ * sizeof(double) : 0);
	L->text = ABZ_SIM_TEXT_HEADER_MAX + abz_sim_b64_len(L->wire);
	/*
	 * The value and its text, each with 8 bytes of framing (a varlena header
	 * and padding, or a protocol field's length and a NUL), must fit in
	 * 1 GB - 1.  The text is the larger: ABZ_SIM_TEXT_HEADER_MAX bytes for
	 * the longest readable header plus the base64 of the binary form.
	 */
	if (L->size + 8 > ABZ_SIM_MAX_BYTES || L->text + 8 > ABZ_SIM_MAX_BYTES)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "a simulation of %d trials over %d months needs %zu bytes as text, more than the 1 GB limit",
						 (int) trials, (int) horizon, L->text);
	return true;
}

/* point a view at a value whose header is filled and whose layout is L */
void
abz_sim_view(AbzSimHeader *h, const AbzSimLayout *L, AbzSimView *v)
{
	unsigned char *base = (unsigned char *) h;

	v->h = h;
	v->npv = base + L->npv;
	v->arr = base + L->arr;
	v->loss = base + L->loss;
	v->death = (int16_t *) (base + L->death);
	v->breakeven = (int16_t *) (base + L->breakeven);
	v->alive = (int64_t *) (base + L->alive);
	v->rev_sum = base + L->rev_sum;
	v->cash_sum = base + L->cash_sum;
	v->events = (int64_t *) (base + L->events);
	v->cat_loss = base + L->cat_loss;
	v->rev_q = L->rev_q ? (double *) (base + L->rev_q) : NULL;
	v->cash_q = L->cash_q ? (double *) (base + L->cash_q) : NULL;
}

/* layout of an existing value, from its header */
bool
abz_sim_layout_of(const AbzSimHeader *h, AbzSimLayout *L, AbzError *err)
{
	return abz_sim_layout(h->trials, h->horizon,
						  (h->flags & ABZ_SIM_HAS_QUANTILES) != 0, L, err);
}

/* a const view of a value whose header has been checked */
void
abz_sim_const_view(const AbzSimHeader *h, AbzSimView *v)
{
	AbzSimLayout L;
	AbzError	err;

	if (!abz_sim_layout_of(h, &L, &err))
		abort();				/* validated values always have a layout */
	abz_sim_view((AbzSimHeader *) h, &L, v);
}


/* check a value's header against its size: see simval.h */
bool
abz_sim_check_header(const AbzSimHeader *h, size_t size, AbzSimLayout *L, AbzError *err)
{
	bool		single;

	if (size < sizeof(AbzSimHeader))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated (%zu bytes)", size);
	if (h->version != ABZ_SIM_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported format version %d (this build reads version %d)",
						 (int) h->version, ABZ_SIM_VERSION);
	if ((h->flags & ~ABZ_SIM_FLAGS_KNOWN) || h->pad || h->pad2)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown flags or nonzero padding");
	if (h->members < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "members must be at least 1");
	single = h->members == 1;
	if (((h->flags & ABZ_SIM_HAS_QUANTILES) != 0) != single)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "monthly quantiles must be present exactly when members = 1");
	if (!abz_sim_layout_of(h, L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_BINARY;
		return false;
	}
	if (size != L->size)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value has %zu bytes, %zu expected for %d trials over %d months",
						 size, L->size, (int) h->trials, (int) h->horizon);
	if (h->launch < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "launch month %d is below 1", (int) h->launch);
	if (h->qtrials != (single ? abz_sim_qtrials(h->trials, h->horizon) : 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "quantile trial count %d does not match trials and horizon", (int) h->qtrials);
	return true;
}

/* the largest number of trials whose value fits the 1 GB limit */
int32_t
abz_sim_max_trials(int32_t horizon, bool quantiles)
{
	AbzSimLayout L;
	AbzError	err;
	int32_t		lo = 0,
				hi = INT32_MAX;

	/* sizes grow with trials: bisect for the last one abz_sim_layout accepts */
	while (lo < hi)
	{
		int32_t		mid = lo + (int32_t) (((int64_t) hi - lo + 1) / 2);

		if (abz_sim_layout(mid, horizon, quantiles, &L, &err))
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}
