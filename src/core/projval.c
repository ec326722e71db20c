/*
 * projval.c — the aibiz.projection value: building it from the engine's
 * months, exact month-wise addition, validation, canonical text and the
 * summaries (breakeven, runway, totals).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "projval.h"
#include "screen.h"
#include "textbuf.h"

/* load one fixed-point number */
abz_fixed
abz_proj_load(AbzFixWords w)
{
	return abz_fixed_join(w.hi, w.lo);
}

/* store one fixed-point number */
AbzFixWords
abz_proj_store(abz_fixed x)
{
	AbzFixWords w;

	abz_fixed_split(x, &w.hi, &w.lo);
	return w;
}


static inline bool fast_fixed(double v, abz_fixed *out);

/* bytes of a value of either format */
size_t
abz_proj_size(const AbzProj *p)
{
	return abz_proj_is_float(p) ? ABZ_PROJ_FLOAT_SIZE(p->horizon) : ABZ_PROJ_SIZE(p->horizon);
}

/* the fixed-point conversion of a float8 known to be in range */
static inline abz_fixed
float_fixed(double v)
{
	abz_fixed	x = 0;

	(void) fast_fixed(v, &x);
	return x;
}

/* the fixed value of field f (ABZ_M_*) in month t (1..horizon) */
abz_fixed
abz_proj_fixed(const AbzProj *p, int t, int f)
{
	size_t		i = (size_t) (t - 1) * ABZ_MONTH_NFIELDS + f;

	if (abz_proj_is_float(p))
		return float_fixed(abz_proj_floats(p)[i]);
	return abz_proj_load(p->v[i]);
}

/* the valuation as a fixed-point number */
static abz_fixed
npv_fixed(const AbzProj *p)
{
	if (abz_proj_is_float(p))
		return float_fixed(p->npv.flt);
	return abz_proj_load(p->npv.fix);
}

/* the value of field f in month t as a double */
double
abz_proj_value(const AbzProj *p, int t, int f)
{
	return abz_fixed_to_double(abz_proj_fixed(p, t, f));
}

/* the valuation as a double */
double
abz_proj_npv(const AbzProj *p)
{
	return abz_fixed_to_double(npv_fixed(p));
}

/*
 * abz_fixed_from_double(v) computed without library calls when v * 2^32 fits
 * in 62 bits, which is every money value a projection normally holds: the
 * scaling by 2^32 is exact, and adding and subtracting 2^52 rounds to the
 * nearest integer with ties to even, exactly as rint() does (IEEE arithmetic;
 * the code must not be built with -ffast-math).  Other values (large, NaN,
 * infinite) take the general path.
 */
static inline bool
fast_fixed(double v, abz_fixed *out)
{
	const double two52 = 4503599627370496.0;	/* 2^52 */
	const double two62 = 4611686018427387904.0;	/* 2^62 */
	double		s = v * 4294967296.0;
	double		a = fabs(s);

	if (a < two52)
	{
		double		c = copysign(two52, s);

		*out = (abz_fixed) (int64_t) ((s + c) - c);
		return true;
	}
	if (a < two62)
	{
		*out = (abz_fixed) (int64_t) s;	/* already an integer */
		return true;
	}
	return abz_fixed_from_double(v, out) && abz_proj_fixed_ok(*out);
}

/* abz_fixed_from_double restricted to the stored range, with a fast path */
bool
abz_proj_fixed_from_double(double v, abz_fixed *out)
{
	return fast_fixed(v, out);
}

/* convert one double for storage; false and err if it does not fit */
static bool
store_double(double v, AbzFixWords *out, const char *what, int month, AbzError *err)
{
	abz_fixed	x;
	char		nb[ABZ_NUM_TEXT];

	if (!fast_fixed(v, &x))
	{
		if (month > 0)
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "value out of range: %s of month %d is beyond the fixed-point range (%s)",
							 what, month, abz_num_text(v, nb));
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "value out of range: %s is beyond the fixed-point range (%s)",
						 what, abz_num_text(v, nb));
	}
	*out = abz_proj_store(x);
	return true;
}

/*
 * Convert n doubles with the fast path of fast_fixed, without branches;
 * false if any value needs the general path (then out is incomplete).  On
 * x86-64 one cvtsd2si rounds to nearest with ties to even (the default
 * MXCSR mode, which PostgreSQL never changes) and converts, as rint() and
 * the cast do; |v·2^32| >= 2^62 and NaN are flagged for the general path.
 */
static bool
convert_all(const double *v, AbzFixWords *out, size_t n)
{
	const double two62 = 4611686018427387904.0;	/* 2^62 */
	bool		ok = true;

	for (size_t i = 0; i < n; i++)
	{
		double		s = v[i] * 4294967296.0;
		int64_t		r;

#if defined(__x86_64__) && defined(__SSE2__)
		r = _mm_cvtsd_si64(_mm_set_sd(s));	/* INT64_MIN when out of range */
#else
		{
			const double two52 = 4503599627370496.0;	/* 2^52 */
			double		c = copysign(two52, s) * (double) (fabs(s) < two52);
			double		t = (s + c) - c;

			/* clamp (NaN goes to the bound) so that the conversion is defined */
			t = t < two62 ? t : two62;
			t = t > -two62 ? t : -two62;
			r = (int64_t) t;
		}
#endif
		ok &= fabs(s) < two62;
		out[i].lo = (uint64_t) r;
		out[i].hi = r >> 63;
	}
	return ok;
}

/* fill out from the engine's months; false and err on overflow */
bool
abz_proj_build(AbzProj *out, int horizon, int launch,
			   const AbzMonth *months, double npv, AbzError *err)
{
	int			t;
	int			f;

	memset(out, 0, ABZ_PROJ_HEADER_SIZE);
	out->version = ABZ_PROJ_VERSION;
	out->horizon = horizon;
	out->members = 1;
	out->launch = launch;
	if (!store_double(npv, &out->npv.fix, "npv", 0, err))
		return false;
	if (convert_all(&months[0].v[0], out->v, (size_t) horizon * ABZ_MONTH_NFIELDS))
		return true;
	/* some value is large, not finite or out of range: the general path */
	for (t = 0; t < horizon; t++)
	{
		AbzFixWords *row = out->v + (size_t) t * ABZ_MONTH_NFIELDS;

		for (f = 0; f < ABZ_MONTH_NFIELDS; f++)
			if (!store_double(months[t].v[f], &row[f], abz_month_names[f], t + 1, err))
				return false;
	}
	return true;
}


/* fill out in format 2 from the engine's months; false and err on overflow */
bool
abz_proj_build_float(AbzProj *out, int horizon, int launch,
					 const AbzMonth *months, double npv, AbzError *err)
{
	const double *v = &months[0].v[0];
	size_t		n = (size_t) horizon * ABZ_MONTH_NFIELDS;
	size_t		i;
	char		nb[ABZ_NUM_TEXT];

	memset(out, 0, ABZ_PROJ_HEADER_SIZE);
	out->version = ABZ_PROJ_VERSION_FLOAT;
	out->horizon = horizon;
	out->members = 1;
	out->launch = launch;
	if (!abz_proj_float_ok(npv))
		return store_double(npv, &out->npv.fix, "npv", 0, err);
	out->npv.flt = npv;
	if ((const void *) v != (const void *) out->v)
		memcpy(out->v, v, n * sizeof(double));
	if (!abz_screen_below(v, n, ABZ_SCREEN_2P94))
	{
		/* report the first value out of range, as abz_proj_build does */
		for (i = 0; i < n; i++)
			if (!abz_proj_float_ok(v[i]))
				return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
								 "value out of range: %s of month %d is beyond the fixed-point range (%s)",
								 abz_month_names[i % ABZ_MONTH_NFIELDS],
								 (int) (i / ABZ_MONTH_NFIELDS) + 1, abz_num_text(v[i], nb));
	}
	return true;
}

/* write src (either format) in format 1 into dst */
void
abz_proj_to_fixed(AbzProj *dst, const AbzProj *src)
{
	size_t		n = (size_t) src->horizon * ABZ_MONTH_NFIELDS;
	const double *v;

	if (!abz_proj_is_float(src))
	{
		memcpy(dst, src, ABZ_PROJ_SIZE(src->horizon));
		return;
	}
	memcpy(dst, src, ABZ_PROJ_HEADER_SIZE);
	dst->version = ABZ_PROJ_VERSION;
	dst->npv.fix = abz_proj_store(float_fixed(src->npv.flt));
	v = abz_proj_floats(src);
	if (convert_all(v, dst->v, n))
		return;
	for (size_t i = 0; i < n; i++)
		dst->v[i] = abz_proj_store(float_fixed(v[i]));
}

/* *acc += x with the stored range as the limit */
static bool
add_words(AbzFixWords *acc, AbzFixWords x)
{
	abz_fixed	r;

	if (!abz_fixed_add(abz_proj_load(*acc), abz_proj_load(x), &r) || !abz_proj_fixed_ok(r))
		return false;
	*acc = abz_proj_store(r);
	return true;
}

/* acc += x month by month (exact); members add, launch is the minimum */
bool
abz_proj_add(AbzProj *acc, const AbzProj *x, AbzError *err)
{
	size_t		n;
	size_t		i;
	int64_t		members;

	if (acc->horizon != x->horizon)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "cannot add projections of different horizons (%d and %d months)",
						 (int) acc->horizon, (int) x->horizon);
	if (abz_proj_is_float(acc))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "the sum of projections must be in the fixed format");
	if (__builtin_add_overflow(acc->members, x->members, &members) ||
		members > ABZ_PROJ_MAX_MEMBERS)
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "member count of the sum exceeds %lld",
						 (long long) ABZ_PROJ_MAX_MEMBERS);
	if (!add_words(&acc->npv.fix, abz_proj_store(npv_fixed(x))))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
						 "sum of npv is out of range");
	n = (size_t) acc->horizon * ABZ_MONTH_NFIELDS;
	for (i = 0; i < n; i++)
		if (!add_words(&acc->v[i], abz_proj_is_float(x) ?
					   abz_proj_store(float_fixed(abz_proj_floats(x)[i])) : x->v[i]))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL,
							 "sum of %s of month %d is out of range",
							 abz_month_names[i % ABZ_MONTH_NFIELDS],
							 (int) (i / ABZ_MONTH_NFIELDS) + 1);
	acc->members = members;
	if (x->launch < acc->launch)
		acc->launch = x->launch;
	return true;
}

/* check a horizon: below 1 is a bad value, above the limit a limit error */
bool
abz_proj_check_horizon(int64_t h, AbzError *err)
{
	if (h < 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "horizon must be at least 1 month, got %lld", (long long) h);
	if (h > ABZ_MAX_HORIZON)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "horizon %lld exceeds the limit of %d months",
						 (long long) h, ABZ_MAX_HORIZON);
	return true;
}

/* check the header fields other than version and horizon */
bool
abz_proj_check_header(const AbzProj *p, AbzError *err)
{
	if (p->members < 1 || p->members > ABZ_PROJ_MAX_MEMBERS)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "member count must be in 1..%lld, got %lld",
						 (long long) ABZ_PROJ_MAX_MEMBERS, (long long) p->members);
	if (p->launch < 1 || p->launch > ABZ_MAX_HORIZON)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "launch month must be in 1..%d, got %d", ABZ_MAX_HORIZON, (int) p->launch);
	if (abz_proj_is_float(p) ? !abz_proj_float_ok(p->npv.flt) : !abz_proj_fixed_ok(abz_proj_load(p->npv.fix)))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "npv is out of range");
	return true;
}

/* a value holds at least a header, of a version this build reads */
bool
abz_proj_check_version(const void *body, size_t size, AbzError *err)
{
	const AbzProj *p = body;

	if (size < ABZ_PROJ_HEADER_SIZE)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes is shorter than its header", size);
	if (p->version != ABZ_PROJ_VERSION && p->version != ABZ_PROJ_VERSION_FLOAT)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported version %u (expected %d or %d)", p->version,
						 ABZ_PROJ_VERSION, ABZ_PROJ_VERSION_FLOAT);
	return true;
}

/* check a value of size bytes as strictly as text input */
bool
abz_proj_validate(const AbzProj *p, size_t size, AbzError *err)
{
	size_t		n;
	size_t		i;

	if (!abz_proj_check_version(p, size, err) ||
		!abz_proj_check_horizon(p->horizon, err))
		return false;
	if (size != abz_proj_size(p))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes does not match horizon %d (%zu bytes)",
						 size, (int) p->horizon, abz_proj_size(p));
	if (p->pad != 0 || (abz_proj_is_float(p) && p->npv.fix.hi != 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding");
	if (!abz_proj_check_header(p, err))
		return false;
	n = (size_t) p->horizon * ABZ_MONTH_NFIELDS;
	if (abz_proj_is_float(p))
	{
		for (i = 0; i < n; i++)
			if (!abz_proj_float_ok(abz_proj_floats(p)[i]))
				return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
								 "%s of month %d is out of range",
								 abz_month_names[i % ABZ_MONTH_NFIELDS],
								 (int) (i / ABZ_MONTH_NFIELDS) + 1);
		return true;
	}
	for (i = 0; i < n; i++)
		if (!abz_proj_fixed_ok(abz_proj_load(p->v[i])))
			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "%s of month %d is out of range",
							 abz_month_names[i % ABZ_MONTH_NFIELDS],
							 (int) (i / ABZ_MONTH_NFIELDS) + 1);
	return true;
}

/* ---- summaries ---- */

/* first month >= launch with cash_flow >= 0; 0 if none */
int
abz_proj_breakeven(const AbzProj *p)
{
	int			t;

	for (t = p->launch; t <= p->horizon; t++)
		if (abz_proj_fixed(p, t, ABZ_M_CASH_FLOW) >= 0)
			return t;
	return 0;
}

/* first month with cash < 0; 0 if none */
int
abz_proj_runway(const AbzProj *p)
{
	int			t;

	for (t = 1; t <= p->horizon; t++)
		if (abz_proj_fixed(p, t, ABZ_M_CASH) < 0)
			return t;
	return 0;
}

/* exact total of some fields over all months; false on overflow */
static bool
total(const AbzProj *p, const int *fields, int nfields, double *out)
{
	abz_fixed	sum = 0;
	int			t;
	int			i;

	for (t = 1; t <= p->horizon; t++)
		for (i = 0; i < nfields; i++)
			if (!abz_fixed_add(sum, abz_proj_fixed(p, t, fields[i]), &sum))
				return false;
	*out = abz_fixed_to_double(sum);
	return true;
}

/* summarise a projection */
bool
abz_proj_summarise(const AbzProj *p, AbzProjSummary *out, AbzError *err)
{
	static const int f_revenue[] = {ABZ_M_REVENUE};
	static const int f_gross[] = {ABZ_M_GROSS_PROFIT};
	static const int f_costs[] = {ABZ_M_COST_OF_REVENUE, ABZ_M_OPEX, ABZ_M_MARKETING,
	ABZ_M_TRAINING, ABZ_M_RISK_COST};
	static const int f_flow[] = {ABZ_M_CASH_FLOW};
	static const int f_funding[] = {ABZ_M_FUNDING};
	abz_fixed	min_cash;
	abz_fixed	min_flow = 0;
	int			h = p->horizon;
	int			t;

	out->breakeven = abz_proj_breakeven(p);
	out->runway = abz_proj_runway(p);
	out->npv = abz_proj_npv(p);
	out->arr = 12.0 * abz_proj_value(p, h, ABZ_M_REVENUE);
	if (!total(p, f_revenue, 1, &out->revenue) ||
		!total(p, f_gross, 1, &out->gross_profit) ||
		!total(p, f_costs, 5, &out->costs) ||
		!total(p, f_flow, 1, &out->cash_flow) ||
		!total(p, f_funding, 1, &out->funding))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, NULL, "a total is out of range");
	min_cash = abz_proj_fixed(p, 1, ABZ_M_CASH);
	for (t = 1; t <= h; t++)
	{
		abz_fixed	cash = abz_proj_fixed(p, t, ABZ_M_CASH);
		abz_fixed	flow = abz_proj_fixed(p, t, ABZ_M_CASH_FLOW);

		if (cash < min_cash)
			min_cash = cash;
		if (flow < min_flow)
			min_flow = flow;
	}
	out->peak_burn = min_flow < 0 ? -abz_fixed_to_double(min_flow) : 0.0;
	out->min_cash = abz_fixed_to_double(min_cash);
	out->final_cash = abz_proj_value(p, h, ABZ_M_CASH);
	out->final_accounts = abz_proj_value(p, h, ABZ_M_ACCOUNTS);
	return true;
}
