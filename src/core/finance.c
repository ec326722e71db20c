/*
 * finance.c — NPV, IRR (Newton with a scanned-bracket Brent fallback), and
 * XNPV/XIRR of the exact dated cash-flow lists (cashflows.c).
 *
 * Root finding.  Newton's method from the guess is tried first.  If it fails
 * (diverges, leaves r > -1, stalls) the NPV is evaluated on a grid over
 * 1 + r in [0.01, 10001] (r from -99 % to 1,000,000 %), uniform in ln(1 + r)
 * with step 0.0025 (0.25 % relative spacing, about 5,500 points); every sign
 * change is refined by Brent's method.  Two roots closer than one grid step
 * and roots of even multiplicity (no sign change) are not seen by the scan.
 * The lists themselves (storage, text and binary forms) are in cashflows.c.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finance.h"

/* NPV-like function of a rate: value, derivative and the sum of |terms| */
typedef double (*RateFn) (const void *ctx, double r, double *deriv, double *scale);

/* ---- periodic flows ---- */

typedef struct PeriodicFlows
{
	const double *f;
	size_t		n;
} PeriodicFlows;

/* sum f_i (1+r)^-i by Horner in x = 1/(1+r), with d/dr and sum |f_i| x^i */
static double
periodic_value(const void *ctx, double r, double *deriv, double *scale)
{
	const PeriodicFlows *pf = ctx;
	double		x = 1.0 / (1.0 + r);
	double		p = 0.0,
				dp = 0.0,
				ap = 0.0;
	size_t		i;

	for (i = pf->n; i-- > 0;)
	{
		dp = dp * x + p;
		p = p * x + pf->f[i];
		ap = ap * x + fabs(pf->f[i]);
	}
	if (deriv)
		*deriv = -dp * x * x;
	if (scale)
		*scale = ap;
	return p;
}

/* ---- dated flows ---- */

typedef struct DatedFlows
{
	const AbzCashflows *cf;
} DatedFlows;

/* sum a_i (1+r)^-t_i, t_i = (d_i - d_0)/365, with d/dr and sum |terms| */
static double
dated_value(const void *ctx, double r, double *deriv, double *scale)
{
	const AbzCashflows *cf = ((const DatedFlows *) ctx)->cf;
	double		l = log1p(r);
	double		v = 0.0,
				dv = 0.0,
				av = 0.0;
	int32_t		d0 = cf->flows[0].day;
	uint32_t	i;

	for (i = 0; i < cf->n; i++)
	{
		double		t = (double) ((int64_t) cf->flows[i].day - d0) / 365.0;
		double		a = abz_cf_amount(&cf->flows[i]);
		double		term = a * exp(-t * l);

		v += term;
		dv -= t * term;
		av += fabs(term);
	}
	if (deriv)
		*deriv = dv / (1.0 + r);
	if (scale)
		*scale = av;
	return v;
}

/* ---- root finding ---- */

/* Newton from guess; true with *root when it converges to a genuine root */
static bool
newton(RateFn fn, const void *ctx, double guess, double *root)
{
	double		r = guess;
	int			it;

	for (it = 0; it < 100; it++)
	{
		double		d,
					scale,
					v = fn(ctx, r, &d, &scale);
		double		rn;

		if (!isfinite(v) || !isfinite(d) || d == 0.0)
			return false;
		if (v == 0.0)
		{
			*root = r;
			return true;
		}
		rn = r - v / d;
		if (!(rn > -1.0) || !isfinite(rn))
			return false;
		if (fabs(rn - r) <= 1e-13 * fmax(1.0, fabs(rn)))
		{
			v = fn(ctx, rn, NULL, &scale);
			if (isfinite(v) && fabs(v) <= 1e-9 * scale)
			{
				*root = rn;
				return true;
			}
			return false;
		}
		r = rn;
	}
	return false;
}

/* Brent's method (zeroin) on [a, b] with f(a), f(b) of opposite signs */
static double
brent(RateFn fn, const void *ctx, double a, double b, double fa, double fb)
{
	double		c = a,
				fc = fa,
				d = b - a,
				e = d;
	int			it;

	for (it = 0; it < 200; it++)
	{
		double		tol,
					m,
					p,
					q,
					s;

		if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0))
		{
			c = a;
			fc = fa;
			d = e = b - a;
		}
		if (fabs(fc) < fabs(fb))
		{
			a = b;
			b = c;
			c = a;
			fa = fb;
			fb = fc;
			fc = fa;
		}
		tol = 2.0 * DBL_EPSILON * fabs(b) + 1e-17;
		m = 0.5 * (c - b);
		if (fabs(m) <= tol || fb == 0.0)
			break;
		if (fabs(e) >= tol && fabs(fa) > fabs(fb))
		{
			s = fb / fa;
			if (a == c)
			{
				p = 2.0 * m * s;
				q = 1.0 - s;
			}
			else
			{
				double		qq = fa / fc,
							rr = fb / fc;

				p = s * (2.0 * m * qq * (qq - rr) - (b - a) * (rr - 1.0));
				q = (qq - 1.0) * (rr - 1.0) * (s - 1.0);
			}
			if (p > 0.0)
				q = -q;
			else
				p = -p;
			if (2.0 * p < fmin(3.0 * m * q - fabs(tol * q), fabs(e * q)))
			{
				e = d;
				d = p / q;
			}
			else
				d = e = m;
		}
		else
			d = e = m;
		a = b;
		fa = fb;
		b += fabs(d) > tol ? d : (m > 0.0 ? tol : -tol);
		fb = fn(ctx, b, NULL, NULL);
	}
	return b;
}

/* receives each root the scan finds, in ascending order */
typedef void (*RootSink) (double root, void *arg);

/* scan the rate range for sign changes and refine each; returns the count */
static long
scan_roots(RateFn fn, const void *ctx, RootSink sink, void *arg, AbzTick tick)
{
	const double ulo = log(ABZ_IRR_SCAN_LO);
	const double uhi = log(ABZ_IRR_SCAN_HI);
	long		steps = (long) ceil((uhi - ulo) / ABZ_IRR_SCAN_STEP);
	long		k,
				count = 0;
	bool		have_prev = false;
	double		prev_r = 0.0,
				prev_v = 0.0;

	for (k = 0; k <= steps; k++)
	{
		double		r = k == steps ? ABZ_IRR_SCAN_HI - 1.0 : expm1(ulo + k * ABZ_IRR_SCAN_STEP);
		double		v = fn(ctx, r, NULL, NULL);

		if (tick)
			tick();
		if (!isfinite(v))
		{
			have_prev = false;
			continue;
		}
		if (v == 0.0)
		{
			sink(r, arg);
			count++;
			have_prev = false;
			continue;
		}
		if (have_prev && ((prev_v < 0.0) != (v < 0.0)))
		{
			sink(brent(fn, ctx, prev_r, r, prev_v, v), arg);
			count++;
		}
		have_prev = true;
		prev_r = r;
		prev_v = v;
	}
	return count;
}

/* keeps the root nearest to a target */
typedef struct Nearest
{
	double		target;
	double		best;
	bool		found;
} Nearest;

/* RootSink keeping the root nearest to the target (the lower one on a tie) */
static void
nearest_sink(double root, void *arg)
{
	Nearest    *nr = arg;

	if (!nr->found || fabs(root - nr->target) < fabs(nr->best - nr->target))
	{
		nr->best = root;
		nr->found = true;
	}
}

/* collects roots into an array, counting past its end */
typedef struct Collect
{
	double	   *roots;
	size_t		cap;
	size_t		n;
} Collect;

/* RootSink storing each root */
static void
collect_sink(double root, void *arg)
{
	Collect    *c = arg;

	if (c->n < c->cap)
		c->roots[c->n] = root;
	c->n++;
}

/* true if the nonzero values change sign somewhere (a root may exist) */
static bool
has_sign_change(const double *f, size_t n)
{
	int			sign = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		int			s = f[i] > 0.0 ? 1 : f[i] < 0.0 ? -1 : 0;

		if (s == 0)
			continue;
		if (sign != 0 && s != sign)
			return true;
		sign = s;
	}
	return false;
}

/* every flow must be finite */
static bool
check_flows(const double *flows, size_t n, AbzError *err)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (!isfinite(flows[i]))
			return abz_error(err, ABZ_ERR_DOMAIN, "", "",
							 "flow %zu is not finite", i + 1);
	return true;
}

/* NPV of flows at t = t0, t0 + 1, ... */
bool
abz_npv(double rate, const double *flows, size_t n, int t0, double *out,
		AbzError *err)
{
	double		sum = 0.0;
	size_t		i;

	if (!isfinite(rate) || !(rate > -1.0))
		return abz_error(err, ABZ_ERR_DOMAIN, "", "",
						 "rate must be a finite number greater than -1");
	if (!check_flows(flows, n, err))
		return false;
	for (i = 0; i < n; i++)
		sum += flows[i] / pow(1.0 + rate, (double) t0 + (double) i);
	if (!isfinite(sum))
		return abz_error(err, ABZ_ERR_OVERFLOW, "", "",
						 "npv is out of range for type double precision");
	*out = sum;
	return true;
}

/* IRR of flows at t = 0, 1, ... */
bool
abz_irr(const double *flows, size_t n, double guess, double *out, bool *found,
		AbzError *err, AbzTick tick)
{
	PeriodicFlows pf = {flows, n};
	Nearest		nr = {guess, 0.0, false};
	double		root;

	*found = false;
	if (!isfinite(guess) || !(guess > -1.0))
		return abz_error(err, ABZ_ERR_DOMAIN, "", "",
						 "guess must be a finite number greater than -1");
	if (!check_flows(flows, n, err))
		return false;
	if (!has_sign_change(flows, n))
		return true;
	if (newton(periodic_value, &pf, guess, &root))
	{
		*out = root;
		*found = true;
		return true;
	}
	scan_roots(periodic_value, &pf, nearest_sink, &nr, tick);
	if (nr.found)
	{
		*out = nr.best;
		*found = true;
	}
	return true;
}

/* every sign-change root in the scanned range */
long
abz_irr_all(const double *flows, size_t n, double *roots, size_t cap,
			AbzError *err, AbzTick tick)
{
	PeriodicFlows pf = {flows, n};
	Collect		c = {roots, cap, 0};

	if (!check_flows(flows, n, err))
		return -1;
	if (!has_sign_change(flows, n))
		return 0;
	scan_roots(periodic_value, &pf, collect_sink, &c, tick);
	return (long) c.n;
}

/* XNPV of a normalised list */
bool
abz_xnpv(const AbzCashflows *cf, double rate, double *out, AbzError *err)
{
	double		sum = 0.0;
	uint32_t	i;

	if (!isfinite(rate) || !(rate > -1.0))
		return abz_error(err, ABZ_ERR_DOMAIN, "", "",
						 "rate must be a finite number greater than -1");
	for (i = 0; i < cf->n; i++)
	{
		double		t = (double) ((int64_t) cf->flows[i].day - cf->flows[0].day) / 365.0;

		sum += abz_cf_amount(&cf->flows[i]) / pow(1.0 + rate, t);
	}
	if (!isfinite(sum))
		return abz_error(err, ABZ_ERR_OVERFLOW, "", "",
						 "xnpv is out of range for type double precision");
	*out = sum;
	return true;
}

/* XIRR of a normalised list */
bool
abz_xirr(const AbzCashflows *cf, double *out, bool *found, AbzError *err,
		 AbzTick tick)
{
	DatedFlows	df = {cf};
	Nearest		nr = {0.1, 0.0, false};
	int			sign = 0;
	bool		change = false;
	double		root;
	uint32_t	i;

	*found = false;
	for (i = 0; i < cf->n && !change; i++)
	{
		double		a = abz_cf_amount(&cf->flows[i]);
		int			s = a > 0.0 ? 1 : a < 0.0 ? -1 : 0;

		if (s != 0 && sign != 0 && s != sign)
			change = true;
		if (s != 0)
			sign = s;
	}
	if (!change)
		return true;
	if (newton(dated_value, &df, 0.1, &root))
	{
		*out = root;
		*found = true;
		return true;
	}
	scan_roots(dated_value, &df, nearest_sink, &nr, tick);
	if (nr.found)
	{
		*out = nr.best;
		*found = true;
	}
	return true;
}
