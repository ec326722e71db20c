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

/* the summary block starts right after the version 2 block, at a fixed offset */
_Static_assert(ABZ_SIM_HEADER_BYTES == 200 && sizeof(AbzSimSummary) == 64,
			   "the version 3 prefix has a fixed size");

/* number of trials that feed the monthly quantiles: min(trials, 4e6 / horizon) */
int32_t
abz_sim_qtrials(int32_t trials, int32_t horizon)
{
	int32_t		cap = ABZ_SIM_QUANTILE_CELLS / horizon;

	return trials < cap ? trials : cap;
}

/* the bytes of the binary form of a value of shape s */
static size_t
wire_size(const AbzSimShape *s)
{
	size_t		T = (size_t) s->trials,
				H = (size_t) s->horizon;
	size_t		n = ABZ_SIM_WIRE_HEADER + T * (3 * FX_BYTES + 2 * sizeof(int16_t)) +
		H * (sizeof(int64_t) + 2 * FX_BYTES) +
		ABZ_RISK_NCAT * (sizeof(int64_t) + FX_BYTES) +
		(s->quantiles ? 2 * H * ABZ_SIM_NQ * sizeof(double) : 0);

	if (s->version >= 2)
		n += ABZ_SIM_WIRE_EXT + T * (3 + (size_t) s->nslots) * FX_BYTES +
			(s->survivors ? H * T * sizeof(uint32_t) : 0);
	return n;
}

/* the version 2 arrays after the version 1 ones, from off; returns the new end */
static size_t
layout_v2(const AbzSimShape *s, AbzSimLayout *L, size_t off)
{
	size_t		T = (size_t) s->trials;

	L->eq_npv = off;
	off += T * FX_BYTES;
	L->exit = off;
	off += T * FX_BYTES;
	L->contrib = off;
	off += T * FX_BYTES;
	L->slots = off;
	off += T * (size_t) s->nslots * FX_BYTES;
	L->surv = s->survivors ? off : 0;
	if (s->survivors)
		off = align8(off + (size_t) s->horizon * T * sizeof(uint32_t));
	return off;
}

/* the per-trial arrays every version has, from off; returns the new end */
static size_t
layout_trials(const AbzSimShape *s, AbzSimLayout *L, size_t off)
{
	size_t		T = (size_t) s->trials;

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
	return off;
}

/* the per-month, per-risk and category arrays every version has, from off */
static size_t
layout_months(const AbzSimShape *s, AbzSimLayout *L, size_t off)
{
	size_t		H = (size_t) s->horizon;

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
	if (s->quantiles)
	{
		L->rev_q = off;
		off += H * ABZ_SIM_NQ * sizeof(double);
		L->cash_q = off;
		off += H * ABZ_SIM_NQ * sizeof(double);
	}
	return off;
}

/*
 * The arrays of versions 1 and 2 (trials first) or of version 3 (the
 * summary, months, then trials), from off; returns the new end.
 */
static size_t
layout_arrays(const AbzSimShape *s, AbzSimLayout *L, size_t off)
{
	if (s->version >= 3)
	{
		L->summary = off;
		off = layout_months(s, L, off + align8(sizeof(AbzSimSummary)));
		off = layout_trials(s, L, off);
	}
	else
		off = layout_months(s, L, layout_trials(s, L, off));
	return off;
}

/* compute the layout of a value of shape s; 54000 past 1 GB, 22023 for bad dimensions */
bool
abz_sim_layout_shape(const AbzSimShape *s, AbzSimLayout *L, AbzError *err)
{
	size_t		off;

	if (s->trials < 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "trials must be at least 1, got %d", (int) s->trials);
	if (s->horizon < 1 || s->horizon > ABZ_MAX_HORIZON)
		return abz_error(err, s->horizon < 1 ? ABZ_ERR_DOMAIN : ABZ_ERR_LIMIT, NULL, NULL,
						 "horizon must be between 1 and %d months, got %d",
						 ABZ_MAX_HORIZON, (int) s->horizon);
	if (s->nslots < 0 || s->nslots > ABZ_EQ_MAX_SLOTS)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "equity slots must be between 0 and %d, got %d",
						 ABZ_EQ_MAX_SLOTS, (int) s->nslots);
	memset(L, 0, sizeof(*L));
	off = align8(sizeof(AbzSimHeader));
	if (s->version >= 2)
	{
		L->ext = off;
		off += align8(sizeof(AbzSimExt));
	}
	off = layout_arrays(s, L, off);
	if (s->version >= 2)
		off = layout_v2(s, L, off);
	L->size = off;
	L->wire = wire_size(s);
	L->text = ABZ_SIM_TEXT_HEADER_MAX + abz_sim_b64_len(L->wire);
	/*
	 * The value and its text, each with 8 bytes of framing (a varlena header
	 * and padding, or a protocol field's length and a NUL), must fit in
	 * 1 GB - 1.  The text is the larger: ABZ_SIM_TEXT_HEADER_MAX bytes for
	 * the longest readable header plus the base64 of the binary form.
	 * Trials below 2^31 and horizon below 601 keep every product far from
	 * size_t overflow.
	 */
	if (L->size + 8 > ABZ_SIM_MAX_BYTES || L->text + 8 > ABZ_SIM_MAX_BYTES)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "a simulation of %d trials over %d months needs %zu bytes as text, more than the 1 GB limit",
						 (int) s->trials, (int) s->horizon, L->text);
	return true;
}

/* the layout of a version 2 value without equity slots */
bool
abz_sim_layout(int32_t trials, int32_t horizon, bool quantiles,
			   AbzSimLayout *L, AbzError *err)
{
	AbzSimShape s = {trials, horizon, 0, ABZ_SIM_VERSION, quantiles, !quantiles};

	return abz_sim_layout_shape(&s, L, err);
}

/* the shape of a value from its header and its equity slot count */
void
abz_sim_shape_of(const AbzSimHeader *h, int32_t nslots, AbzSimShape *out)
{
	out->trials = h->trials;
	out->horizon = h->horizon;
	out->version = h->version;
	out->nslots = h->version >= 2 ? nslots : 0;
	out->quantiles = (h->flags & ABZ_SIM_HAS_QUANTILES) != 0;
	out->survivors = (h->flags & ABZ_SIM_HAS_SURVIVORS) != 0;
}

/* point a view at a value whose header is filled and whose layout is L */
void
abz_sim_view(AbzSimHeader *h, const AbzSimLayout *L, AbzSimView *v)
{
	unsigned char *base = (unsigned char *) h;

	v->h = h;
	v->sum = L->summary ? (AbzSimSummary *) (base + L->summary) : NULL;
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
	v->ext = L->ext ? (AbzSimExt *) (base + L->ext) : NULL;
	v->eq_npv = L->ext ? base + L->eq_npv : NULL;
	v->exit = L->ext ? base + L->exit : NULL;
	v->contrib = L->ext ? base + L->contrib : NULL;
	v->slots = L->ext ? base + L->slots : NULL;
	v->surv = L->surv ? (uint32_t *) (base + L->surv) : NULL;
}

/* layout of an existing value, from its header */
bool
abz_sim_layout_of(const AbzSimHeader *h, AbzSimLayout *L, AbzError *err)
{
	const AbzSimExt *ext = (const AbzSimExt *) ((const char *) h + align8(sizeof(AbzSimHeader)));
	AbzSimShape s;

	abz_sim_shape_of(h, h->version >= 2 ? ext->nslots : 0, &s);
	return abz_sim_layout_shape(&s, L, err);
}

/* bytes up to the end of a part of a value: a prefix in version 3 only */
size_t
abz_sim_prefix_bytes(const AbzSimHeader *h, const AbzSimLayout *L, int part)
{
	if (h->version < 3)
		return L->size;
	switch (part)
	{
		case ABZ_SIM_PART_SUMMARY:
			return L->summary + sizeof(AbzSimSummary);
		case ABZ_SIM_PART_MONTHS:
			return L->npv;
		default:
			return L->npv + (size_t) h->trials * FX_BYTES;
	}
}

/* the summary block of a version 3 value (at a fixed offset), NULL before */
const AbzSimSummary *
abz_sim_summary(const AbzSimHeader *h)
{
	if (h->version < 3)
		return NULL;
	return (const AbzSimSummary *) ((const char *) h + ABZ_SIM_HEADER_BYTES);
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


/* version, flags and padding of a header */
static bool
check_version(const AbzSimHeader *h, size_t size, AbzError *err)
{
	unsigned	known = h->version == ABZ_SIM_VERSION_1 ? ABZ_SIM_FLAGS_KNOWN_1 : ABZ_SIM_FLAGS_KNOWN;

	if (h->version < ABZ_SIM_VERSION_1 || h->version > ABZ_SIM_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported format version %d (this build reads versions %d to %d)",
						 (int) h->version, ABZ_SIM_VERSION_1, ABZ_SIM_VERSION);
	if ((h->flags & ~known) || h->pad || h->pad2)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown flags or nonzero padding");
	if (h->version >= 2 && size < align8(sizeof(AbzSimHeader)) + sizeof(AbzSimExt))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated (%zu bytes)", size);
	return true;
}

/* check a value's header against its size: see simval.h */
bool
abz_sim_check_header(const AbzSimHeader *h, size_t size, AbzSimLayout *L, AbzError *err)
{
	bool		single;

	if (size < sizeof(AbzSimHeader))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated (%zu bytes)", size);
	if (!check_version(h, size, err))
		return false;
	if (h->members < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "members must be at least 1");
	single = h->members == 1;
	if (((h->flags & ABZ_SIM_HAS_QUANTILES) != 0) != single)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "monthly quantiles must be present exactly when members = 1");
	if (h->version >= 2 && ((h->flags & ABZ_SIM_HAS_SURVIVORS) != 0) == single)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "survivor counts must be present exactly when members > 1");
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

/* copy a version 2 or 3 value into the layout L of version (2 or 3); see simval.h */
void
abz_sim_convert(const AbzSimHeader *src, AbzSimHeader *dst, uint8_t version,
				const AbzSimLayout *L)
{
	AbzSimView	a,
				b;
	size_t		T = (size_t) src->trials,
				H = (size_t) src->horizon;

	abz_sim_const_view(src, &a);
	memset(dst, 0, L->size);
	*dst = *src;
	dst->version = version;
	abz_sim_view(dst, L, &b);
	*b.ext = *a.ext;
	memcpy(b.npv, a.npv, T * FX_BYTES);
	memcpy(b.arr, a.arr, T * FX_BYTES);
	memcpy(b.loss, a.loss, T * FX_BYTES);
	memcpy(b.death, a.death, T * sizeof(int16_t));
	memcpy(b.breakeven, a.breakeven, T * sizeof(int16_t));
	memcpy(b.alive, a.alive, H * sizeof(int64_t));
	memcpy(b.rev_sum, a.rev_sum, H * FX_BYTES);
	memcpy(b.cash_sum, a.cash_sum, H * FX_BYTES);
	memcpy(b.events, a.events, ABZ_RISK_NCAT * sizeof(int64_t));
	memcpy(b.cat_loss, a.cat_loss, ABZ_RISK_NCAT * FX_BYTES);
	if (a.rev_q)
	{
		memcpy(b.rev_q, a.rev_q, H * ABZ_SIM_NQ * sizeof(double));
		memcpy(b.cash_q, a.cash_q, H * ABZ_SIM_NQ * sizeof(double));
	}
	memcpy(b.eq_npv, a.eq_npv, T * FX_BYTES);
	memcpy(b.exit, a.exit, T * FX_BYTES);
	memcpy(b.contrib, a.contrib, T * FX_BYTES);
	memcpy(b.slots, a.slots, T * (size_t) a.ext->nslots * FX_BYTES);
	if (a.surv)
		memcpy(b.surv, a.surv, H * T * sizeof(uint32_t));
	abz_sim_summarize(dst);
}
