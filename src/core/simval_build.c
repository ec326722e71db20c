/*
 * simval_build.c — filling a single simulation value from its trials: the
 * per-trial arrays, monthly sums in exact fixed point (with a fast path for
 * ordinary magnitudes), event and loss totals, alive counts and the monthly
 * quantiles.
 */
#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "simval_int.h"

/* ---- fixed-point conversion on the hot path ---- */

/* the fast path of the conversion: |s| < FX_FAST */
#define FX_FAST 9.0e18

/* round s (already scaled by 2^32, |s| < FX_FAST) to the nearest integer, ties to even */
static inline int64_t
fx_round(double s)
{
#if defined(__x86_64__) && defined(__SSE2__)
	return _mm_cvtsd_si64(_mm_set_sd(s));
#else
	return llrint(s);
#endif
}

/* round v * 2^32 to the nearest integer (ties to even), as abz_fixed_from_double */
static inline bool
fx_of(double v, abz_fixed *out)
{
	double		s = v * 4294967296.0;

	if (fabs(s) < FX_FAST)
	{
		*out = (abz_fixed) fx_round(s);
		return true;
	}
	return abz_fixed_from_double(v, out);
}

/* cells[i] += v in fixed point; false if v is not finite or the sum overflows */
static inline bool
fx_accum(unsigned char *cells, size_t i, double v)
{
	abz_fixed	x,
				s;

	if (!fx_of(v, &x))
		return false;
	return abz_fixed_add(abz_sim_fx(cells, i), x, &s) &&
		(abz_sim_set_fx(cells, i, s), true);
}

/* ---- building a single simulation ---- */

/* bytes of scratch memory a builder needs */
size_t
abz_sim_builder_scratch(int32_t trials, int32_t horizon)
{
	size_t		H = (size_t) horizon;
	size_t		Q = (size_t) abz_sim_qtrials(trials, horizon);

	return sizeof(double) * (2 * H + 2 * H * Q);
}

/* start a single simulation in a zeroed value, with scratch memory */
void
abz_sim_builder_init(AbzSimBuilder *b, void *value, const AbzSimLayout *L,
					 void *scratch, int32_t trials, int32_t horizon,
					 int32_t launch, int64_t seed, const AbzSimExt *ext)
{
	AbzSimHeader *h = (AbzSimHeader *) value;
	double	   *s = (double *) scratch;
	int32_t		Q = abz_sim_qtrials(trials, horizon);

	memset(h, 0, sizeof(AbzSimHeader));
	h->version = ABZ_SIM_VERSION;
	h->flags = ABZ_SIM_HAS_QUANTILES;
	h->horizon = horizon;
	h->trials = trials;
	h->launch = launch;
	h->qtrials = Q;
	h->members = 1;
	h->seed = seed;
	abz_sim_view(h, L, &b->v);
	*b->v.ext = *ext;
	b->horizon = horizon;
	b->trials = trials;
	b->qtrials = Q;
	b->added = 0;
	b->revenue = s;
	b->cash = s + horizon;
	b->qrev = s + 2 * (size_t) horizon;
	b->qcash = b->qrev + (size_t) horizon * Q;
	memset(b->rev_fast, 0, sizeof(abz_fixed) * (size_t) horizon);
	memset(b->cash_fast, 0, sizeof(abz_fixed) * (size_t) horizon);
}

/* the error for a trial total (npv, arr, risk loss) that does not fit */
static bool
total_error(size_t i, const char *what, double v, AbzError *err)
{
	char		buf[ABZ_NUM_TEXT];

	if (!isfinite(v))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "simulation trial %zu: %s is not a finite number (%s)",
						 i, what, abz_num_text(v, buf));
	return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
					 "simulation trial %zu: %s %s is out of range", i, what, abz_num_text(v, buf));
}

/* the equity view of trial i: equity NPV, exit, contributions per slot and in total */
static bool
add_equity(AbzSimBuilder *b, const AbzTrial *t, size_t i, AbzError *err)
{
	AbzSimView *v = &b->v;
	int32_t		ns = v->ext->nslots;
	abz_fixed	x,
				total = 0;

	if (!fx_of(t->eq_npv, &x))
		return total_error(i, "equity npv", t->eq_npv, err);
	abz_sim_set_fx(v->eq_npv, i, x);
	if (!fx_of(t->exit, &x) || x < 0)
		return total_error(i, "exit value", t->exit, err);
	abz_sim_set_fx(v->exit, i, x);
	/* without slots the engine reports the total in contrib[0] */
	for (int32_t k = 0; k < (ns > 0 ? ns : 1); k++)
	{
		if (!fx_of(t->contrib[k], &x) || x < 0 || !abz_fixed_add(total, x, &total))
			return total_error(i, "contribution", t->contrib[k], err);
		if (ns > 0)
			abz_sim_set_fx(v->slots, i * (size_t) ns + (size_t) k, x);
	}
	abz_sim_set_fx(v->contrib, i, total);
	return true;
}

/* the trial's event counts and losses per risk category */
static bool
add_events(AbzSimBuilder *b, const AbzTrial *t, size_t i, AbzError *err)
{
	AbzSimView *v = &b->v;
	char		nb[ABZ_NUM_TEXT];

	for (int c = 0; c < ABZ_RISK_NCAT; c++)
	{
		if (t->events[c] == 0 && t->loss[c] == 0)
			continue;
		/* the engine's per-trial counter saturates at 2^32 - 1: a count there is unknown */
		if (t->events[c] == UINT32_MAX)
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation trial %zu: %u or more \"%s\" risk events, more than a trial counts",
							 i, (unsigned) UINT32_MAX, abz_kinds[ABZ_KIND_RISK].terms[c].name);
		v->events[c] += t->events[c];
		if (!fx_accum(v->cat_loss, c, t->loss[c]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation trial %zu: loss %s of a risk category is out of range",
							 i, abz_num_text(t->loss[c], nb));
	}
	return true;
}

/* trial i's monthly revenue and cash into the exact sums (fast path for ordinary magnitudes) */
static bool
add_months(AbzSimBuilder *b, const double *rev, const double *cash, size_t i, AbzError *err)
{
	AbzSimView *v = &b->v;
	char		nb[2][ABZ_NUM_TEXT];

	for (int m = 0; m < b->horizon; m++)
	{
		double		r = rev[m] * 4294967296.0;
		double		c = cash[m] * 4294967296.0;
#if defined(__x86_64__) && defined(__SSE2__)
		/*
		 * cvtsd2si returns INT64_MIN for a value out of the int64 range or
		 * NaN; any other result is the value rounded as abz_fixed_from_double
		 * rounds it, so one integer test replaces the two range tests
		 */
		int64_t		xr = fx_round(r),
					xc = fx_round(c);

		if ((xr != INT64_MIN) & (xc != INT64_MIN))
		{
			b->rev_fast[m] += xr;
			b->cash_fast[m] += xc;
		}
#else
		if (fabs(r) < FX_FAST && fabs(c) < FX_FAST)
		{
			b->rev_fast[m] += fx_round(r);
			b->cash_fast[m] += fx_round(c);
		}
#endif
		else if (!fx_accum(v->rev_sum, m, rev[m]) ||
				 !fx_accum(v->cash_sum, m, cash[m]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation trial %zu, month %d: revenue %s or cash %s is out of range",
							 i, m + 1, abz_num_text(rev[m], nb[0]),
							 abz_num_text(cash[m], nb[1]));
	}
	return true;
}

/*
 * Whether every x[0..n-1] takes add_months' fast path: |x * 2^32| < FX_FAST
 * (a narrower test than the one add_months makes, so add_months would take
 * the fast path for each of them too)
 */
static bool
all_fast(const double *x, size_t n)
{
	/* the same test as |x| < FX_FAST / 2^32: scaling by 2^32 is exact and monotone */
	const double lim = FX_FAST / 4294967296.0;
	size_t		k = 0;
	bool		ok = true;

#if defined(__x86_64__) && defined(__SSE2__)
	{
		/* two lanes at a time: a lane fails when !(|x| < lim), NaN included */
		const __m128d abs = _mm_castsi128_pd(_mm_set1_epi64x(INT64_MAX)),
					vlim = _mm_set1_pd(lim);
		__m128d		bad = _mm_setzero_pd();

		for (; k + 2 <= n; k += 2)
			bad = _mm_or_pd(bad, _mm_cmpnlt_pd(_mm_and_pd(_mm_loadu_pd(x + k), abs), vlim));
		ok = _mm_movemask_pd(bad) == 0;
	}
#endif
	for (; k < n; k++)
		ok &= fabs(x[k]) < lim;
	return ok;
}

/*
 * The monthly sums of n trials whose series (rev + j * H, cash + j * H) all
 * passed all_fast: month by month, the block's sum in registers, then added
 * to the fast sums once (exact, so the same sums as trial by trial)
 */
static void
add_months_fast(AbzSimBuilder *b, const double *rev, const double *cash, size_t n)
{
	size_t		H = (size_t) b->horizon;

	for (size_t m = 0; m < H; m++)
	{
		abz_fixed	r = 0,
					c = 0;

		for (size_t j = 0; j < n; j++)
		{
			r += fx_round(rev[j * H + m] * 4294967296.0);
			c += fx_round(cash[j * H + m] * 4294967296.0);
		}
		b->rev_fast[m] += r;
		b->cash_fast[m] += c;
	}
}

/* the next trial's totals: all but its monthly sums and quantile cells */
static bool
add_totals(AbzSimBuilder *b, const AbzTrial *t, AbzError *err)
{
	AbzSimView *v = &b->v;
	size_t		i = (size_t) b->added;
	int			H = b->horizon;
	abz_fixed	x;

	if (b->added >= b->trials)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "more trials than the simulation holds");
	if (!fx_of(t->npv, &x))
		return total_error(i, "npv", t->npv, err);
	abz_sim_set_fx(v->npv, i, x);
	if (!fx_of(t->arr, &x))
		return total_error(i, "arr", t->arr, err);
	abz_sim_set_fx(v->arr, i, x);
	if (!fx_of(t->risk_loss, &x))
		return total_error(i, "risk loss", t->risk_loss, err);
	abz_sim_set_fx(v->loss, i, x);
	if (t->death_month < 0 || t->death_month > H ||
		t->breakeven_month < 0 || t->breakeven_month > H)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "simulation trial %zu: death month %d or breakeven month %d outside 0..%d",
						 i, (int) t->death_month, (int) t->breakeven_month, H);
	v->death[i] = (int16_t) t->death_month;
	v->breakeven[i] = (int16_t) t->breakeven_month;
	if (!add_equity(b, t, i, err))
		return false;
	/* deaths by month; abz_sim_builder_finish turns them into alive counts */
	if (t->death_month > 0)
		v->alive[t->death_month - 1]++;
	return add_events(b, t, i, err);
}

/* the next trial's totals and monthly sums, series rev and cash */
static bool
add_trial(AbzSimBuilder *b, const AbzTrial *t, const double *rev, const double *cash,
		  AbzError *err)
{
	return add_totals(b, t, err) && add_months(b, rev, cash, (size_t) b->added, err);
}

/*
 * The monthly quantile cells of trials first .. first + n - 1 (those below
 * qtrials), their series at rev + j * stride and cash + j * stride: month by
 * month, so the n cells of a month are written side by side.
 */
static void
add_cells(AbzSimBuilder *b, size_t first, size_t n, const double *rev, const double *cash,
		  size_t stride)
{
	size_t		Q = (size_t) b->qtrials;

	if (first >= Q)
		return;
	if (n > Q - first)
		n = Q - first;
	for (size_t m = 0; m < (size_t) b->horizon; m++)
	{
		double	   *qr = b->qrev + m * Q + first,
				   *qc = b->qcash + m * Q + first;

		for (size_t j = 0; j < n; j++)
		{
			qr[j] = rev[j * stride + m];
			qc[j] = cash[j * stride + m];
		}
	}
}

/* add the next trial (with b->revenue and b->cash filled by the engine) */
bool
abz_sim_builder_add(AbzSimBuilder *b, const AbzTrial *t, AbzError *err)
{
	if (!add_trial(b, t, b->revenue, b->cash, err))
		return false;
	add_cells(b, (size_t) b->added, 1, b->revenue, b->cash, 0);
	b->added++;
	return true;
}

/*
 * Add the next n trials t[0..n-1], trial j's series at rev + j * horizon and
 * cash + j * horizon; the same as adding them one by one.  On an error the
 * trials before the failing one stay added.
 */
bool
abz_sim_builder_add_block(AbzSimBuilder *b, const AbzTrial *t, int n, const double *rev,
						  const double *cash, AbzError *err)
{
	size_t		H = (size_t) b->horizon,
				first = (size_t) b->added;
	bool		fast = all_fast(rev, (size_t) n * H) && all_fast(cash, (size_t) n * H),
				ok = true;
	int			j;

	/* with every month on the fast path, no month can fail: the totals first */
	for (j = 0; j < n; j++)
	{
		if (!(fast ? add_totals(b, &t[j], err) :
			  add_trial(b, &t[j], rev + j * H, cash + j * H, err)))
		{
			ok = false;
			break;
		}
		b->added++;
	}
	if (fast)
		add_months_fast(b, rev, cash, (size_t) j);
	add_cells(b, first, (size_t) j, rev, cash, H);
	return ok;
}

/* one array's move in compact(): from and to offsets, bytes, bytes of padding after it */
typedef struct SimMove
{
	size_t		from,
				to,
				len,
				pad;
} SimMove;

/*
 * Move the arrays of a value built for b->trials trials down to the layout
 * of its first n (< b->trials) trials, new.  Every array starts no later
 * than before and ends before the next one's old start, so moving them in
 * layout order (ascending offsets: version 3 keeps the per-month arrays in
 * place and moves the per-trial ones) never overwrites data still to move;
 * the padding after the int16 arrays is cleared again.
 */
static void
compact(AbzSimBuilder *b, const AbzSimLayout *old, const AbzSimLayout *new, size_t n)
{
	unsigned char *base = (unsigned char *) b->v.h;
	size_t		H = (size_t) b->horizon,
				ns = (size_t) b->v.ext->nslots,
				pad16 = abz_sim_align8(n * sizeof(int16_t)) - n * sizeof(int16_t);
	SimMove		move[] = {
		{old->npv, new->npv, n * ABZ_SIM_FX_BYTES, 0},
		{old->arr, new->arr, n * ABZ_SIM_FX_BYTES, 0},
		{old->loss, new->loss, n * ABZ_SIM_FX_BYTES, 0},
		{old->death, new->death, n * sizeof(int16_t), pad16},
		{old->breakeven, new->breakeven, n * sizeof(int16_t), pad16},
		{old->alive, new->alive, H * sizeof(int64_t), 0},
		{old->rev_sum, new->rev_sum, H * ABZ_SIM_FX_BYTES, 0},
		{old->cash_sum, new->cash_sum, H * ABZ_SIM_FX_BYTES, 0},
		{old->events, new->events, ABZ_RISK_NCAT * sizeof(int64_t), 0},
		{old->cat_loss, new->cat_loss, ABZ_RISK_NCAT * ABZ_SIM_FX_BYTES, 0},
		{old->rev_q, new->rev_q, H * ABZ_SIM_NQ * sizeof(double), 0},
		{old->cash_q, new->cash_q, H * ABZ_SIM_NQ * sizeof(double), 0},
		{old->eq_npv, new->eq_npv, n * ABZ_SIM_FX_BYTES, 0},
		{old->exit, new->exit, n * ABZ_SIM_FX_BYTES, 0},
		{old->contrib, new->contrib, n * ABZ_SIM_FX_BYTES, 0},
		{old->slots, new->slots, n * ns * ABZ_SIM_FX_BYTES, 0},
	};
	const size_t nmove = sizeof(move) / sizeof(move[0]);

	/* into layout order: insertion sort of 16 entries by their new offset */
	for (size_t k = 1; k < nmove; k++)
		for (size_t j = k; j > 0 && move[j - 1].to > move[j].to; j--)
		{
			SimMove		t = move[j];

			move[j] = move[j - 1];
			move[j - 1] = t;
		}
	for (size_t k = 0; k < nmove; k++)
	{
		memmove(base + move[k].to, base + move[k].from, move[k].len);
		memset(base + move[k].to + move[k].len, 0, move[k].pad);
	}
	abz_sim_view(b->v.h, new, &b->v);
}

/* alive counts from the deaths per month, and the exact monthly sums */
static bool
finish_months(AbzSimBuilder *b, AbzError *err)
{
	AbzSimView *v = &b->v;
	int64_t		alive = b->added;

	for (int m = 0; m < b->horizon; m++)
	{
		abz_fixed	r,
					c;

		alive -= v->alive[m];
		v->alive[m] = alive;
		if (!abz_fixed_add(abz_sim_fx(v->rev_sum, m), b->rev_fast[m], &r) ||
			!abz_fixed_add(abz_sim_fx(v->cash_sum, m), b->cash_fast[m], &c))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation month %d: revenue or cash sum out of range", m + 1);
		abz_sim_set_fx(v->rev_sum, m, r);
		abz_sim_set_fx(v->cash_sum, m, c);
	}
	return true;
}

/*
 * Finish after the trials added (all of them, or fewer when a convergence
 * rule stopped early): alive counts and monthly quantiles; with fewer, the
 * value is moved into the layout of the trials it holds, returned in *L.
 */
bool
abz_sim_builder_finish(AbzSimBuilder *b, void (*tick) (void *), void *arg,
					   AbzSimLayout *L, AbzError *err)
{
	AbzSimView *v = &b->v;
	size_t		Q = (size_t) b->qtrials,
				n;
	AbzSimShape shape;
	AbzSimLayout now;

	if (b->added < 1 || b->added > b->trials)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "simulation finished after %d of %d trials", (int) b->added, (int) b->trials);
	if (!finish_months(b, err))
		return false;
	/* the quantiles of the first qtrials(added) trials: a prefix of each month's row */
	n = (size_t) abz_sim_qtrials(b->added, b->horizon);
	for (int m = 0; m < b->horizon; m++)
	{
		if (tick)
			tick(arg);
		abz_quantiles7(b->qrev + m * Q, n, abz_sim_levels, ABZ_SIM_NQ,
					   v->rev_q + m * ABZ_SIM_NQ);
		abz_quantiles7(b->qcash + m * Q, n, abz_sim_levels, ABZ_SIM_NQ,
					   v->cash_q + m * ABZ_SIM_NQ);
	}
	abz_sim_shape_of(v->h, v->ext->nslots, &shape);
	if (!abz_sim_layout_shape(&shape, &now, err))
		return false;
	if (b->added < b->trials)
	{
		AbzSimLayout fewer;

		shape.trials = b->added;
		if (!abz_sim_layout_shape(&shape, &fewer, err))
			return false;
		compact(b, &now, &fewer, (size_t) b->added);
		v->h->trials = b->added;
		v->h->qtrials = (int32_t) n;
		now = fewer;
	}
	abz_sim_summarize(v->h);
	if (L)
		*L = now;
	return true;
}
