/*
 * simval.c — the aibiz.simulation value: layout, building from trials,
 * validation, exact trial-wise addition (portfolios), type-7 quantiles by
 * selection, accessor arithmetic, and the binary and text forms.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "simval.h"

const double abz_sim_levels[ABZ_SIM_NQ] = {0.05, 0.25, 0.5, 0.75, 0.95};

#define WIRE_HEADER		36		/* bytes of the header in the binary form */
#define TEXT_PREFIX_MAX	160		/* bound on the readable prefix of the text form */
#define FX_BYTES		16

/* round up to a multiple of 8 */
static size_t
align8(size_t n)
{
	return (n + 7) & ~(size_t) 7;
}

/* number of trials that feed the monthly quantiles: min(trials, 4e6 / horizon) */
int32_t
abz_sim_qtrials(int32_t trials, int32_t horizon)
{
	int32_t		cap = ABZ_SIM_QUANTILE_CELLS / horizon;

	return trials < cap ? trials : cap;
}

/* bytes of base64 text for n bytes */
static size_t
b64_len(size_t n)
{
	return (n + 2) / 3 * 4;
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
	L->wire = WIRE_HEADER + T * (3 * FX_BYTES + 2 * sizeof(int16_t)) +
		H * (sizeof(int64_t) + 2 * FX_BYTES) +
		ABZ_RISK_NCAT * (sizeof(int64_t) + FX_BYTES) +
		(quantiles ? 2 * H * ABZ_SIM_NQ * sizeof(double) : 0);
	L->text = TEXT_PREFIX_MAX + b64_len(L->wire);
	/* the value, its binary form and its text (plus a varlena header) must fit 1 GB */
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

/* a const view of a value known to be valid */
static void
const_view(const AbzSimHeader *h, AbzSimView *v)
{
	AbzSimLayout L;
	AbzError	err;

	if (!abz_sim_layout_of(h, &L, &err))
		abort();				/* validated values always have a layout */
	abz_sim_view((AbzSimHeader *) h, &L, v);
}

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
					 int32_t launch, int64_t seed)
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

/* add the next trial (with b->revenue and b->cash filled by the engine) */
bool
abz_sim_builder_add(AbzSimBuilder *b, const AbzTrial *t, AbzError *err)
{
	AbzSimView *v = &b->v;
	size_t		i = (size_t) b->added;
	int			H = b->horizon;
	abz_fixed	x;

	if (b->added >= b->trials)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "more trials than the simulation holds");
	if (!fx_of(t->npv, &x))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "simulation trial %zu: npv %g is out of range", i, t->npv);
	abz_sim_set_fx(v->npv, i, x);
	if (!fx_of(t->arr, &x))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "simulation trial %zu: arr %g is out of range", i, t->arr);
	abz_sim_set_fx(v->arr, i, x);
	if (!fx_of(t->risk_loss, &x))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "simulation trial %zu: risk loss %g is out of range", i, t->risk_loss);
	abz_sim_set_fx(v->loss, i, x);
	if (t->death_month < 0 || t->death_month > H ||
		t->breakeven_month < 0 || t->breakeven_month > H)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "simulation trial %zu: death month %d or breakeven month %d outside 0..%d",
						 i, (int) t->death_month, (int) t->breakeven_month, H);
	v->death[i] = (int16_t) t->death_month;
	v->breakeven[i] = (int16_t) t->breakeven_month;
	/* deaths by month; abz_sim_builder_finish turns them into alive counts */
	if (t->death_month > 0)
		v->alive[t->death_month - 1]++;
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
	{
		if (t->events[c] == 0 && t->loss[c] == 0)
			continue;
		v->events[c] += t->events[c];
		if (!fx_accum(v->cat_loss, c, t->loss[c]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation trial %zu: loss %g of a risk category is out of range", i, t->loss[c]);
	}
	for (int m = 0; m < H; m++)
	{
		double		r = b->revenue[m] * 4294967296.0;
		double		c = b->cash[m] * 4294967296.0;
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
		else if (!fx_accum(v->rev_sum, m, b->revenue[m]) ||
				 !fx_accum(v->cash_sum, m, b->cash[m]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "simulation trial %zu, month %d: revenue %g or cash %g is out of range",
							 i, m + 1, b->revenue[m], b->cash[m]);
	}
	if (i < (size_t) b->qtrials)
	{
		size_t		Q = (size_t) b->qtrials;

		for (int m = 0; m < H; m++)
		{
			b->qrev[m * Q + i] = b->revenue[m];
			b->qcash[m * Q + i] = b->cash[m];
		}
	}
	b->added++;
	return true;
}

/* finish after all trials: alive counts and monthly quantiles */
bool
abz_sim_builder_finish(AbzSimBuilder *b, void (*tick) (void *), void *arg,
					   AbzError *err)
{
	AbzSimView *v = &b->v;
	int64_t		alive = b->trials;
	size_t		Q = (size_t) b->qtrials;

	if (b->added != b->trials)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "simulation finished after %d of %d trials", (int) b->added, (int) b->trials);
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
	for (int m = 0; m < b->horizon; m++)
	{
		if (tick)
			tick(arg);
		abz_quantiles7(b->qrev + m * Q, Q, abz_sim_levels, ABZ_SIM_NQ,
					   v->rev_q + m * ABZ_SIM_NQ);
		abz_quantiles7(b->qcash + m * Q, Q, abz_sim_levels, ABZ_SIM_NQ,
					   v->cash_q + m * ABZ_SIM_NQ);
	}
	return true;
}

/* ---- quantiles by selection ---- */

/* compare doubles for qsort */
static int
dcmp(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* sort x[lo..hi] by insertion (short ranges) */
static void
insertion_sort(double *x, size_t lo, size_t hi)
{
	for (size_t i = lo + 1; i <= hi; i++)
	{
		double		v = x[i];
		size_t		j = i;

		while (j > lo && x[j - 1] > v)
		{
			x[j] = x[j - 1];
			j--;
		}
		x[j] = v;
	}
}

/*
 * One branch-free Lomuto pass over x[lo..hi]: move the values below the
 * pivot (v < pivot, or v <= pivot when le) to the front, in order, and
 * return the index after them.  Two elements per iteration, on pointers;
 * always inlined with a constant le, so each pass has its own loop.
 */
static inline __attribute__((always_inline)) size_t
lomuto(double *x, size_t lo, size_t hi, double pivot, bool le)
{
	double	   *p = x + lo,
			   *q = x + lo,
			   *end = x + hi + 1;

#define BELOW(v) (le ? (v) <= pivot : (v) < pivot)
	for (; end - p >= 2; p += 2)
	{
		double		v = p[0],
					w;

		p[0] = *q;
		*q = v;
		q += BELOW(v);
		w = p[1];
		p[1] = *q;
		*q = w;
		q += BELOW(w);
	}
	if (p < end)
	{
		double		v = *p;

		*p = *q;
		*q = v;
		q += BELOW(v);
	}
#undef BELOW
	return (size_t) (q - x);
}

/*
 * Put the k-th smallest of x[lo..hi] at x[k], smaller-or-equal values before
 * it and greater-or-equal after.  Quickselect with two branch-free Lomuto
 * passes (below the pivot, then equal to it), so ties (dead companies' zero
 * revenue) cost nothing.  On long ranges the pivot is chosen as Floyd and
 * Rivest do (CACM 18(3), 1975): select k first within a window of about
 * n^(2/3) elements around it, shifted so that the pivot lands just on the
 * far side of the k-th value; the pass then leaves k in the smaller part,
 * and the next pass leaves it in a part of a few hundred elements.  So a
 * selection costs about n + min(k, n - k) element visits instead of about
 * three n with a median of three.  After many rounds the rest is sorted,
 * bounding the worst case.  The result (the order statistics) does not
 * depend on the pivots.
 */
static void
select_kth(double *x, size_t lo, size_t hi, size_t k)
{
	int			rounds = 0;

	while (hi > lo)
	{
		size_t		mid = lo + (hi - lo) / 2;
		size_t		i,
					e;
		double		a,
					b,
					c,
					pivot;

		if (hi - lo < 16)
		{
			insertion_sort(x, lo, hi);
			return;
		}
		if (++rounds > 64)
		{
			qsort(x + lo, hi - lo + 1, sizeof(double), dcmp);
			return;
		}
		if (hi - lo > 600)
		{
			/* Floyd-Rivest: a pivot from a window around k, see above */
			double		n = (double) (hi - lo + 1),
						i = (double) (k - lo + 1),
						z = log(n),
						s = 0.5 * exp(2.0 * z / 3.0),
						sd = 0.5 * sqrt(z * s * (n - s) / n) * (i < n / 2.0 ? -1.0 : 1.0),
						wl = (double) k - i * s / n + sd,
						wh = (double) k + (n - i) * s / n + sd;
			size_t		l2 = wl <= (double) lo ? lo : (size_t) wl,
						h2 = wh >= (double) hi ? hi : (size_t) wh;

			if (l2 > k)
				l2 = k;
			if (h2 < k)
				h2 = k;
			select_kth(x, l2, h2, k);
			pivot = x[k];
		}
		else
		{
			a = x[lo];
			b = x[mid];
			c = x[hi];
			pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
		}
		/* x[lo..i-1] < pivot <= x[i..hi] */
		i = lomuto(x, lo, hi, pivot, false);
		if (k < i)
		{
			hi = i - 1;
			continue;
		}
		/* x[i..e-1] == pivot < x[e..hi]; the pivot is in the range, so e > i */
		e = lomuto(x, i, hi, pivot, true);
		if (k < e)
			return;
		lo = e;
	}
}

/*
 * Put every order statistic ks[a..b] (ascending, distinct, inside [lo, hi])
 * in place: select the middle one, then recurse on each side, so each level
 * of the recursion touches every element once.
 */
static void
multi_select(double *x, size_t lo, size_t hi, const size_t *ks, int a, int b)
{
	while (a <= b)
	{
		int			mid = a + (b - a) / 2;
		size_t		k = ks[mid];

		select_kth(x, lo, hi, k);
		if (a < mid)
			multi_select(x, lo, k - 1, ks, a, mid - 1);
		a = mid + 1;
		lo = k + 1;
	}
}

/* up to ABZ_SIM_NQ type-7 quantiles at ascending ps (as percentile_cont); reorders x */
void
abz_quantiles7(double *x, size_t n, const double *ps, int np, double *out)
{
	size_t		ks[ABZ_SIM_NQ] = {0};
	int			nk = 0;

	/* select the distinct ranks floor(h) */
	for (int q = 0; q < np; q++)
	{
		size_t		f = (size_t) floor(ps[q] * (double) (n - 1));

		if (nk == 0 || ks[nk - 1] < f)
			ks[nk++] = f;
	}
	multi_select(x, 0, n - 1, ks, 0, nk - 1);
	for (int q = 0; q < np; q++)
	{
		double		h = ps[q] * (double) (n - 1);
		size_t		f = (size_t) floor(h);
		size_t		end = n;
		double		lo = x[f],
					hi;

		if ((double) f == ceil(h))
		{
			out[q] = lo;
			continue;
		}
		/*
		 * rank f + 1 is the smallest value after f up to the next selected
		 * rank (everything from there on is at least as large)
		 */
		for (int k = 0; k < nk; k++)
			if (ks[k] > f)
			{
				end = ks[k] + 1;
				break;
			}
		hi = x[f + 1];
		for (size_t i = f + 2; i < end; i++)
			hi = x[i] < hi ? x[i] : hi;
		/* as percentile_cont: lo + (h - floor(h)) * (hi - lo) */
		out[q] = lo + (h - (double) f) * (hi - lo);
	}
}

/* type-7 quantile (as percentile_cont) of x[0..n-1] at p in [0,1]; reorders x */
double
abz_quantile7(double *x, size_t n, double p)
{
	double		out;

	abz_quantiles7(x, n, &p, 1, &out);
	return out;
}

/* ---- questions ---- */

/* per-trial values as doubles: which 0 = npv, 1 = arr, 2 = loss */
void
abz_sim_trial_values(const AbzSimHeader *h, int which, double *out)
{
	AbzSimView	v;
	const unsigned char *cells;

	const_view(h, &v);
	cells = which == 0 ? v.npv : which == 1 ? v.arr : v.loss;
	for (int32_t i = 0; i < h->trials; i++)
		out[i] = abz_fixed_to_double(abz_sim_fx(cells, i));
}

/* mean of a per-trial fixed array: exact integer sum, one rounding, one division */
double
abz_sim_trial_mean(const AbzSimHeader *h, int which)
{
	AbzSimView	v;
	const unsigned char *cells;
	abz_fixed	sum = 0;
	double		dsum = 0;
	bool		exact = true;

	const_view(h, &v);
	cells = which == 0 ? v.npv : which == 1 ? v.arr : v.loss;
	for (int32_t i = 0; i < h->trials; i++)
	{
		abz_fixed	x = abz_sim_fx(cells, i);

		if (exact && !abz_fixed_add(sum, x, &sum))
			exact = false;
		dsum += abz_fixed_to_double(x);
	}
	return (exact ? abz_fixed_to_double(sum) : dsum) / (double) h->trials;
}

/* sample standard deviation (n - 1) of a per-trial array, two passes in trial order */
double
abz_sim_trial_stddev(const AbzSimHeader *h, int which)
{
	AbzSimView	v;
	const unsigned char *cells;
	double		mean = abz_sim_trial_mean(h, which);
	double		ss = 0;

	const_view(h, &v);
	cells = which == 0 ? v.npv : which == 1 ? v.arr : v.loss;
	for (int32_t i = 0; i < h->trials; i++)
	{
		double		d = abz_fixed_to_double(abz_sim_fx(cells, i)) - mean;

		ss += d * d;
	}
	return sqrt(ss / (double) (h->trials - 1));
}

/* share of (trial, member) pairs alive at month (0..horizon; month 0 is 1) */
double
abz_sim_survival(const AbzSimHeader *h, int32_t month)
{
	AbzSimView	v;

	if (month <= 0)
		return 1.0;
	const_view(h, &v);
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
	AbzSimView	v;

	const_view(h, &v);
	return share_with_month(v.death, h->trials);
}

/* share of trials with a breakeven month */
double
abz_sim_breakeven_probability(const AbzSimHeader *h)
{
	AbzSimView	v;

	const_view(h, &v);
	return share_with_month(v.breakeven, h->trials);
}

/* share of trials with NPV <= x */
double
abz_sim_npv_cdf(const AbzSimHeader *h, double x)
{
	AbzSimView	v;
	int64_t		n = 0;

	const_view(h, &v);
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
	const_view(h, &v);
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
	qsort(scratch, n, sizeof(double), dcmp);
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

/* ---- validation ---- */

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

/* check a value as strictly as the builder makes them */
bool
abz_sim_validate(const AbzSimHeader *h, size_t size, AbzError *err)
{
	AbzSimLayout L;
	AbzSimView	v;
	int64_t		cap;
	bool		single;

	if (size < sizeof(AbzSimHeader))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated (%zu bytes)", size);
	if (h->version != ABZ_SIM_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported format version %d (expected %d)", h->version, ABZ_SIM_VERSION);
	if ((h->flags & ~ABZ_SIM_FLAGS_KNOWN) || h->pad || h->pad2)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown flags or nonzero padding");
	if (h->members < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "members must be at least 1");
	single = h->members == 1;
	if (((h->flags & ABZ_SIM_HAS_QUANTILES) != 0) != single)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "monthly quantiles must be present exactly when members = 1");
	if (single && (h->flags & ABZ_SIM_MIXED_SEED))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "a single simulation has one seed");
	if ((h->flags & ABZ_SIM_MIXED_SEED) && h->seed != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "a mixed-seed portfolio stores seed 0");
	if (!abz_sim_layout_of(h, &L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_BINARY;
		return false;
	}
	if (size != L.size)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value has %zu bytes, %zu expected for %d trials over %d months",
						 size, L.size, (int) h->trials, (int) h->horizon);
	if (h->launch < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "launch month %d is below 1", (int) h->launch);
	if (h->qtrials != (single ? abz_sim_qtrials(h->trials, h->horizon) : 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "quantile trial count %d does not match trials and horizon", (int) h->qtrials);
	if (__builtin_mul_overflow((int64_t) h->trials, h->members, &cap))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "trials times members overflows");
	abz_sim_view((AbzSimHeader *) h, &L, &v);
	for (int32_t i = 0; i < h->trials; i++)
	{
		if (v.death[i] < 0 || v.death[i] > h->horizon ||
			v.breakeven[i] < 0 || v.breakeven[i] > h->horizon)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "trial %d: death month %d or breakeven month %d outside 0..%d",
							 (int) i, v.death[i], v.breakeven[i], (int) h->horizon);
	}
	if (!fx_nonneg(v.loss, h->trials) || !fx_nonneg(v.cat_loss, ABZ_RISK_NCAT))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "risk losses must not be negative");
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		if (v.events[c] < 0)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "event counts must not be negative");
	for (int m = 0; m < h->horizon; m++)
		if (v.alive[m] < 0 || v.alive[m] > (m == 0 ? cap : v.alive[m - 1]))
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "alive count %" PRId64 " at month %d is negative, above %" PRId64 " or rising",
							 v.alive[m], m + 1, cap);
	if (single)
	{
		/* a single simulation's alive counts are exactly its trials' death months */
		int64_t		deaths[ABZ_MAX_HORIZON + 1];
		int64_t		alive = h->trials;

		memset(deaths, 0, sizeof(deaths));
		for (int32_t i = 0; i < h->trials; i++)
		{
			deaths[v.death[i]]++;
			if (v.breakeven[i] != 0 && v.breakeven[i] < h->launch)
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "trial %d: breakeven month %d before launch %d",
								 (int) i, v.breakeven[i], (int) h->launch);
		}
		for (int m = 0; m < h->horizon; m++)
		{
			alive -= deaths[m + 1];
			if (v.alive[m] != alive)
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "alive count at month %d does not match the trials' death months",
								 m + 1);
		}
		if (!quantiles_ok(v.rev_q, h->horizon) || !quantiles_ok(v.cash_q, h->horizon))
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "monthly quantiles must be finite and ordered P5 <= P25 <= P50 <= P75 <= P95");
	}
	return true;
}

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

	const_view(a, &va);
	const_view(b, &vb);
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

/* ---- binary form ---- */

/* big-endian writers */
static inline unsigned char *
put64(unsigned char *p, uint64_t x)
{
	for (int k = 7; k >= 0; k--)
		*p++ = (unsigned char) (x >> (8 * k));
	return p;
}

static inline unsigned char *
put32(unsigned char *p, uint32_t x)
{
	for (int k = 3; k >= 0; k--)
		*p++ = (unsigned char) (x >> (8 * k));
	return p;
}

static inline unsigned char *
put16(unsigned char *p, uint16_t x)
{
	p[0] = (unsigned char) (x >> 8);
	p[1] = (unsigned char) x;
	return p + 2;
}

/* big-endian readers */
static inline uint64_t
get64(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint64_t	x = 0;

	for (int k = 0; k < 8; k++)
		x = (x << 8) | p[k];
	*pp = p + 8;
	return x;
}

static inline uint32_t
get32(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t	x = ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | p[3];

	*pp = p + 4;
	return x;
}

static inline uint16_t
get16(const unsigned char **pp)
{
	const unsigned char *p = *pp;

	*pp = p + 2;
	return (uint16_t) ((p[0] << 8) | p[1]);
}

/* fixed cells to the wire */
static unsigned char *
put_fx(unsigned char *p, const unsigned char *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int64_t		hi;
		uint64_t	lo;

		abz_fixed_split(abz_sim_fx(cells, i), &hi, &lo);
		p = put64(p, (uint64_t) hi);
		p = put64(p, lo);
	}
	return p;
}

/* fixed cells from the wire */
static const unsigned char *
get_fx(const unsigned char *p, unsigned char *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int64_t		hi = (int64_t) get64(&p);
		uint64_t	lo = get64(&p);

		abz_sim_set_fx(cells, i, abz_fixed_join(hi, lo));
	}
	return p;
}

/* float8 array to the wire as IEEE bits */
static unsigned char *
put_f8(unsigned char *p, const double *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		uint64_t	u;

		memcpy(&u, &x[i], 8);
		p = put64(p, u);
	}
	return p;
}

/* float8 array from the wire */
static const unsigned char *
get_f8(const unsigned char *p, double *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		uint64_t	u = get64(&p);

		memcpy(&x[i], &u, 8);
	}
	return p;
}

/* the binary form of a value into buf (L->wire bytes) */
void
abz_sim_to_wire(const AbzSimHeader *h, unsigned char *buf)
{
	AbzSimView	v;
	unsigned char *p = buf;
	size_t		T = (size_t) h->trials;
	size_t		H = (size_t) h->horizon;

	const_view(h, &v);
	*p++ = h->version;
	*p++ = h->flags;
	p = put16(p, 0);
	p = put32(p, (uint32_t) h->horizon);
	p = put32(p, (uint32_t) h->trials);
	p = put32(p, (uint32_t) h->launch);
	p = put32(p, (uint32_t) h->qtrials);
	p = put64(p, (uint64_t) h->members);
	p = put64(p, (uint64_t) h->seed);
	p = put_fx(p, v.npv, T);
	p = put_fx(p, v.arr, T);
	p = put_fx(p, v.loss, T);
	for (size_t i = 0; i < T; i++)
		p = put16(p, (uint16_t) v.death[i]);
	for (size_t i = 0; i < T; i++)
		p = put16(p, (uint16_t) v.breakeven[i]);
	for (size_t m = 0; m < H; m++)
		p = put64(p, (uint64_t) v.alive[m]);
	p = put_fx(p, v.rev_sum, H);
	p = put_fx(p, v.cash_sum, H);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		p = put64(p, (uint64_t) v.events[c]);
	p = put_fx(p, v.cat_loss, ABZ_RISK_NCAT);
	if (v.rev_q)
	{
		p = put_f8(p, v.rev_q, H * ABZ_SIM_NQ);
		p = put_f8(p, v.cash_q, H * ABZ_SIM_NQ);
	}
}

/* the header of a binary form, checked for the fields that size the value */
static bool
wire_header(const unsigned char *buf, size_t len, AbzSimHeader *h, AbzError *err)
{
	const unsigned char *p = buf;

	if (len < WIRE_HEADER)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "binary simulation is truncated (%zu bytes)", len);
	memset(h, 0, sizeof(*h));
	h->version = *p++;
	h->flags = *p++;
	h->pad = get16(&p);
	h->horizon = (int32_t) get32(&p);
	h->trials = (int32_t) get32(&p);
	h->launch = (int32_t) get32(&p);
	h->qtrials = (int32_t) get32(&p);
	h->members = (int64_t) get64(&p);
	h->seed = (int64_t) get64(&p);
	if (h->version != ABZ_SIM_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported binary format version %d (expected %d)",
						 h->version, ABZ_SIM_VERSION);
	if ((h->flags & ~ABZ_SIM_FLAGS_KNOWN) || h->pad != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown flags or nonzero padding");
	return true;
}

/* read a binary form's header and compute the value's layout */
bool
abz_sim_wire_layout(const unsigned char *buf, size_t len, AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;

	if (!wire_header(buf, len, &h, err))
		return false;
	if (!abz_sim_layout_of(&h, L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_BINARY;
		return false;
	}
	if (len != L->wire)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "binary simulation has %zu bytes, %zu expected for %d trials over %d months",
						 len, L->wire, (int) h.trials, (int) h.horizon);
	return true;
}

/* decode a binary form into out (L->size bytes, as from abz_sim_wire_layout) and validate it */
bool
abz_sim_from_wire(const unsigned char *buf, size_t len, AbzSimHeader *out,
				  const AbzSimLayout *L, AbzError *err)
{
	AbzSimView	v;
	const unsigned char *p = buf + WIRE_HEADER;
	size_t		T,
				H;

	if (!wire_header(buf, len, out, err))
		return false;
	if (len != L->wire)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "binary simulation has the wrong size");
	memset((unsigned char *) out + sizeof(AbzSimHeader), 0, L->size - sizeof(AbzSimHeader));
	T = (size_t) out->trials;
	H = (size_t) out->horizon;
	abz_sim_view(out, L, &v);
	p = get_fx(p, v.npv, T);
	p = get_fx(p, v.arr, T);
	p = get_fx(p, v.loss, T);
	for (size_t i = 0; i < T; i++)
		v.death[i] = (int16_t) get16(&p);
	for (size_t i = 0; i < T; i++)
		v.breakeven[i] = (int16_t) get16(&p);
	for (size_t m = 0; m < H; m++)
		v.alive[m] = (int64_t) get64(&p);
	p = get_fx(p, v.rev_sum, H);
	p = get_fx(p, v.cash_sum, H);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		v.events[c] = (int64_t) get64(&p);
	p = get_fx(p, v.cat_loss, ABZ_RISK_NCAT);
	if (v.rev_q)
	{
		p = get_f8(p, v.rev_q, H * ABZ_SIM_NQ);
		p = get_f8(p, v.cash_q, H * ABZ_SIM_NQ);
	}
	return abz_sim_validate(out, L->size, err);
}

/* ---- text form ---- */

static const char b64chars[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 (with padding) of n bytes into dst; returns the length */
static size_t
b64_encode(const unsigned char *src, size_t n, char *dst)
{
	char	   *d = dst;
	size_t		i;

	for (i = 0; i + 3 <= n; i += 3)
	{
		uint32_t	w = ((uint32_t) src[i] << 16) | ((uint32_t) src[i + 1] << 8) | src[i + 2];

		*d++ = b64chars[(w >> 18) & 63];
		*d++ = b64chars[(w >> 12) & 63];
		*d++ = b64chars[(w >> 6) & 63];
		*d++ = b64chars[w & 63];
	}
	if (i < n)
	{
		uint32_t	w = (uint32_t) src[i] << 16;

		if (i + 1 < n)
			w |= (uint32_t) src[i + 1] << 8;
		*d++ = b64chars[(w >> 18) & 63];
		*d++ = b64chars[(w >> 12) & 63];
		*d++ = i + 1 < n ? b64chars[(w >> 6) & 63] : '=';
		*d++ = '=';
	}
	return (size_t) (d - dst);
}

/* value of a base64 character, -1 if not one */
static int
b64_val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decode canonical base64 of exactly n bytes (the length b64_len(n), '='
 * padding, zero unused bits) into dst; false if anything else.
 */
static bool
b64_decode(const char *src, size_t len, unsigned char *dst, size_t n)
{
	size_t		o = 0;

	if (len != b64_len(n))
		return false;
	for (size_t i = 0; i < len; i += 4)
	{
		int			c[4];
		int			pad = 0;
		uint32_t	w;

		for (int k = 0; k < 4; k++)
		{
			if (src[i + k] == '=' && i + 4 == len && k >= 2)
			{
				c[k] = 0;
				pad++;
			}
			else if (pad > 0 || (c[k] = b64_val((unsigned char) src[i + k])) < 0)
				return false;
		}
		w = ((uint32_t) c[0] << 18) | ((uint32_t) c[1] << 12) | ((uint32_t) c[2] << 6) | (uint32_t) c[3];
		if (n - o != (size_t) (3 - pad) && !(pad == 0 && n - o > 3))
			return false;
		if ((pad == 1 && (w & 0xFF)) || (pad == 2 && (w & 0xFFFF)))
			return false;
		dst[o++] = (unsigned char) (w >> 16);
		if (pad < 2)
			dst[o++] = (unsigned char) (w >> 8);
		if (pad < 1)
			dst[o++] = (unsigned char) w;
	}
	return o == n;
}

/* the readable prefix of the text form; returns its length */
static int
text_prefix(const AbzSimHeader *h, char *buf)
{
	char		seed[24];

	if (h->flags & ABZ_SIM_MIXED_SEED)
		strcpy(seed, "mixed");
	else
		snprintf(seed, sizeof(seed), "%" PRId64, h->seed);
	return snprintf(buf, TEXT_PREFIX_MAX, ABZ_SIM_TEXT_PREFIX "trials=%d horizon=%d members=%" PRId64 " seed=%s data=",
					(int) h->trials, (int) h->horizon, h->members, seed);
}

/* text form into buf (L->text + 1 bytes); the binary form is written at its end first */
size_t
abz_sim_format(const AbzSimHeader *h, const AbzSimLayout *L, char *buf)
{
	int			n = text_prefix(h, buf);
	unsigned char *wire = (unsigned char *) buf + L->text + 1 - L->wire;
	size_t		len;

	/*
	 * Encode in place: the binary form sits at the end of buf, and base64
	 * writes 4 bytes only after reading the 3 they encode, never overtaking
	 * its input because the prefix bound leaves room.
	 */
	abz_sim_to_wire(h, wire);
	len = (size_t) n + b64_encode(wire, L->wire, buf + n);
	buf[len] = '\0';
	return len;
}

/* parse a decimal int64 field "name=<digits>" followed by a space; advances *pp */
static bool
parse_field(const char **pp, const char *end, const char *name, int64_t *out, bool allow_mixed,
			bool *mixed)
{
	const char *p = *pp;
	size_t		nl = strlen(name);
	bool		neg = false;
	uint64_t	u = 0;
	int			digits = 0;

	if ((size_t) (end - p) < nl + 1 || memcmp(p, name, nl) != 0 || p[nl] != '=')
		return false;
	p += nl + 1;
	if (allow_mixed && end - p >= 5 && memcmp(p, "mixed", 5) == 0)
	{
		*mixed = true;
		*out = 0;
		p += 5;
	}
	else
	{
		if (p < end && *p == '-')
		{
			neg = true;
			p++;
		}
		while (p < end && *p >= '0' && *p <= '9')
		{
			if (digits == 0 && *p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9')
				return false;	/* no leading zeros: the form is canonical */
			if (++digits > 19)
				return false;
			u = u * 10 + (uint64_t) (*p - '0');
			p++;
		}
		if (digits == 0 || u > (neg ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX) ||
			(neg && u == 0))
			return false;
		*out = neg ? (int64_t) (0 - u) : (int64_t) u;
	}
	if (p >= end || *p != ' ')
		return false;
	*pp = p + 1;
	return true;
}

/* parse the readable prefix; fills h's trials, horizon, members, seed, flags */
static bool
parse_prefix(const char *text, size_t len, AbzSimHeader *h, size_t *data_at, AbzError *err)
{
	const char *p = text;
	const char *end = text + len;
	size_t		pl = strlen(ABZ_SIM_TEXT_PREFIX);
	int64_t		trials,
				horizon,
				members,
				seed;
	bool		mixed = false;

	memset(h, 0, sizeof(*h));
	if (len < pl || memcmp(p, ABZ_SIM_TEXT_PREFIX, pl) != 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "expected \"%s\" followed by trials, horizon, members, seed and data",
						 ABZ_SIM_TEXT_PREFIX "...");
	p += pl;
	if (!parse_field(&p, end, "trials", &trials, false, NULL) ||
		!parse_field(&p, end, "horizon", &horizon, false, NULL) ||
		!parse_field(&p, end, "members", &members, false, NULL) ||
		!parse_field(&p, end, "seed", &seed, true, &mixed))
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "malformed header: expected trials=<n> horizon=<n> members=<n> seed=<n> data=");
	if ((size_t) (end - p) < 5 || memcmp(p, "data=", 5) != 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL, "expected data= after the header");
	if (trials < 1 || trials > INT32_MAX || horizon < 1 || horizon > INT32_MAX || members < 1)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "trials, horizon and members must be positive");
	h->trials = (int32_t) trials;
	h->horizon = (int32_t) horizon;
	h->members = members;
	h->seed = seed;
	h->flags = (members == 1 ? ABZ_SIM_HAS_QUANTILES : 0) | (mixed ? ABZ_SIM_MIXED_SEED : 0);
	*data_at = (size_t) (p + 5 - text);
	return true;
}

/* size a value from its text form */
bool
abz_sim_text_layout(const char *text, size_t len, AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	size_t		at;

	if (!parse_prefix(text, len, &h, &at, err))
		return false;
	if (!abz_sim_layout_of(&h, L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_SYNTAX;
		return false;
	}
	return true;
}

/* parse a text form into out (layout L from abz_sim_text_layout), using wire as scratch */
bool
abz_sim_parse(const char *text, size_t len, unsigned char *wire,
			  AbzSimHeader *out, const AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	size_t		at;

	if (!parse_prefix(text, len, &h, &at, err))
		return false;
	if (!b64_decode(text + at, len - at, wire, L->wire))
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "data is not the canonical base64 of a %d-trial, %d-month simulation",
						 (int) h.trials, (int) h.horizon);
	if (!abz_sim_from_wire(wire, L->wire, out, L, err))
	{
		/* text input reports a malformed value as a syntax error */
		if (err->code == ABZ_ERR_BINARY)
			err->code = ABZ_ERR_SYNTAX;
		return false;
	}
	if (out->trials != h.trials || out->horizon != h.horizon || out->members != h.members ||
		out->seed != h.seed || out->flags != h.flags)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "header fields do not match the data");
	return true;
}
