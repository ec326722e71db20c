/*
 * dist_moment.c — means, variances and quantiles of the value grammar's
 * distributions: the mean of a parameter clamped to its key's domain (closed
 * forms for the normal and the lognormal), the variance, and the inverse CDF
 * (the standard normal quantile by Acklam's approximation with a Halley
 * step, the PERT's through the regularized incomplete beta).
 */
#include <math.h>

#include "dist.h"
#include "dist_int.h"

/* standard normal CDF */
static double
phi_cdf(double x)
{
	return 0.5 * erfc(-x * M_SQRT1_2);
}

/* standard normal density (0 at an infinite x) */
static double
phi_pdf(double x)
{
	return isinf(x) ? 0.0 : exp(-0.5 * x * x) * (0.5 * M_2_SQRTPI * M_SQRT1_2);
}

/*
 * E[min(max(Z, a), b)] - for Z = mu + sigma N(0,1) - in standardized ends
 * al = (lo - mu) / sigma, be = (hi - mu) / sigma:
 * lo Phi(al) + hi (1 - Phi(be)) + mu (Phi(be) - Phi(al)) + sigma (phi(al) - phi(be)),
 * an infinite end contributing nothing.
 */
static double
normal_mean_in(double mu, double sigma, double lo, double hi)
{
	double		al = (lo - mu) / sigma,
				be = (hi - mu) / sigma;
	double		pa = phi_cdf(al),
				pb = phi_cdf(be);
	double		e = mu * (pb - pa) + sigma * (phi_pdf(al) - phi_pdf(be));

	if (isfinite(lo))
		e += lo * pa;
	if (isfinite(hi))
		e += hi * (1.0 - pb);
	return e;
}

/*
 * E[min(max(X, lo), hi)] for X = exp(mu + sigma N): with L = max(lo, 0) and
 * P(X < x) = Phi((ln x - mu) / sigma), the partial mean of X on (L, hi) is
 * e^(mu + sigma^2 / 2) (Phi((ln hi - mu - sigma^2) / sigma) -
 * Phi((ln L - mu - sigma^2) / sigma)); below L and above hi the ends count.
 */
static double
lognormal_mean_in(double mu, double sigma, double lo, double hi)
{
	double		L = lo > 0.0 ? lo : 0.0;
	double		zl = L > 0.0 ? (log(L) - mu) / sigma : -HUGE_VAL,
				zh = isfinite(hi) ? (hi > 0.0 ? (log(hi) - mu) / sigma : -HUGE_VAL) : HUGE_VAL;
	double		m = exp(mu + 0.5 * sigma * sigma);
	double		e = m * (phi_cdf(zh - sigma) - phi_cdf(zl - sigma));

	if (L > 0.0)
		e += L * phi_cdf(zl);
	if (isfinite(hi))
		e += hi * (1.0 - phi_cdf(zh));
	return e;
}

/*
 * mean of a parameter clamped to [lo, hi], E[min(max(X, lo), hi)]: closed
 * forms for the normal and the lognormal (unbounded); a bounded distribution
 * lies inside its key's domain (the validator checks its ends), so its mean
 * is the mean, clamped only against rounding.
 */
double
abz_param_mean_in(const AbzParam *p, double lo, double hi)
{
	double		mu,
				sigma,
				e;

	switch (p->dist)
	{
		case ABZ_NORMAL:
			e = p->b > 0.0 ? normal_mean_in(p->a, p->b, lo, hi) : p->a;
			break;
		case ABZ_LOGNORMAL:
			e = lognormal_params(p->a, p->b, &mu, &sigma) ?
				lognormal_mean_in(mu, sigma, lo, hi) : p->a;
			break;
		default:
			e = abz_param_mean(p);
			break;
	}
	return e < lo ? lo : (e > hi ? hi : e);
}

/* variance of a parameter (0 for a constant) */
double
abz_param_variance(const AbzParam *p)
{
	double		al,
				be,
				d;

	switch (p->dist)
	{
		case ABZ_UNIFORM:
			d = p->b - p->a;
			return d * d / 12.0;
		case ABZ_TRIANGULAR:
			return (p->a * p->a + p->b * p->b + p->c * p->c
					- p->a * p->b - p->a * p->c - p->b * p->c) / 18.0;
		case ABZ_PERT:
			if (!pert_shapes(p, &al, &be))
				return 0.0;
			d = p->c - p->a;
			return d * d * al * be / ((al + be) * (al + be) * (al + be + 1.0));
		case ABZ_NORMAL:
		case ABZ_LOGNORMAL:
			return p->b * p->b;
		default:
			return 0.0;
	}
}

/*
 * Standard normal quantile: Acklam's rational approximation (relative error
 * below 1.15e-9) refined by one Halley step on erfc, which brings it to
 * about machine precision.  The upper half uses symmetry; 1 - q is exact
 * there (Sterbenz), so no precision is lost.
 */
static double
normal_quantile(double q)
{
	static const double a[6] = {
		-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
		1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
	};
	static const double b[5] = {
		-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
		6.680131188771972e+01, -1.328068155288572e+01
	};
	static const double c[6] = {
		-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
		-2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
	};
	static const double d[4] = {
		7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
		3.754408661907416e+00
	};
	double		x,
				t,
				e,
				u;

	if (!(q > 0.0))
		return q == 0.0 ? -INFINITY : q;	/* q < 0 or NaN: NaN out */
	if (q >= 1.0)
		return q == 1.0 ? INFINITY : NAN;
	if (q > 0.5)
		return -normal_quantile(1.0 - q);
	if (q == 0.5)
		return 0.0;
	if (q < 0.02425)
	{
		t = sqrt(-2.0 * log(q));
		x = (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) /
			((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1.0);
	}
	else
	{
		double		s = q - 0.5;

		t = s * s;
		x = (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * s /
			(((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1.0);
	}
	/* Halley step: e = Phi(x) - q, Phi(x) = erfc(-x / sqrt 2) / 2 */
	e = 0.5 * erfc(-x / M_SQRT2) - q;
	u = e * sqrt(2.0 * M_PI) * exp(0.5 * x * x);
	return x - u / (1.0 + 0.5 * x * u);
}

/* continued fraction of the incomplete beta (modified Lentz) */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double		qab = a + b,
				qap = a + 1.0,
				qam = a - 1.0;
	double		c = 1.0,
				d = 1.0 - qab * x / qap,
				h;
	int			m;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (m = 1; m <= 300; m++)
	{
		double		m2 = 2.0 * m,
					aa,
					del;

		aa = m * (b - m) * x / ((qam + m2) * (a + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < 1e-16)
			break;
	}
	return h;
}

/* regularized incomplete beta I_x(a, b), lbeta = lgamma(a + b) - lgamma(a) - lgamma(b) */
static double
beta_inc(double a, double b, double lbeta, double x)
{
	double		front;

	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;
	front = exp(lbeta + a * log(x) + b * log1p(-x));
	if (x < (a + 1.0) / (a + b + 2.0))
		return front * beta_cf(a, b, x) / a;
	return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

/*
 * inverse of I_x(a, b) in x: Newton steps from the mean, each kept inside
 * the bracket [lo, hi] that the signs of I_x - q have narrowed (a step
 * leaving it bisects instead), until a step or the bracket is below 1e-15.
 * The CDF is monotone, so this converges like bisection at worst and
 * quadratically near the root (5 to 8 evaluations instead of 50).
 */
static double
beta_quantile(double a, double b, double q)
{
	double		lbeta = lgamma(a + b) - lgamma(a) - lgamma(b);
	double		lo = 0.0,
				hi = 1.0,
				x = a / (a + b);

	for (int i = 0; i < 200; i++)
	{
		double		f = beta_inc(a, b, lbeta, x) - q,
					pdf,
					nx;

		if (f == 0.0)
			return x;
		if (f < 0.0)
			lo = x;
		else
			hi = x;
		if (hi - lo <= 1e-15)
			break;
		pdf = exp(lbeta + (a - 1.0) * log(x) + (b - 1.0) * log1p(-x));
		nx = x - f / pdf;
		if (!(nx > lo && nx < hi))
			nx = 0.5 * (lo + hi);
		if (fabs(nx - x) <= 1e-15)
			return nx;
		x = nx;
	}
	return x;
}

/*
 * inverse CDF at q in (0,1) (a constant returns its value); q = 0 and 1 give
 * the ends of the support (+-inf for the normal), q outside [0,1] NaN
 */
double
abz_param_quantile(const AbzParam *p, double q)
{
	double		al,
				be,
				mu,
				sigma;

	if (p->dist != ABZ_CONST && !(q >= 0.0 && q <= 1.0))
		return NAN;
	switch (p->dist)
	{
		case ABZ_UNIFORM:
			return p->a + (p->b - p->a) * q;
		case ABZ_TRIANGULAR:
			return triangular_inv(p->a, p->b, p->c, q);
		case ABZ_PERT:
			if (!pert_shapes(p, &al, &be))
				return p->a;
			return p->a + (p->c - p->a) * beta_quantile(al, be, q);
		case ABZ_NORMAL:
			if (p->b == 0.0)
				return p->a;
			return p->a + p->b * normal_quantile(q);
		case ABZ_LOGNORMAL:
			if (!lognormal_params(p->a, p->b, &mu, &sigma))
				return p->a;
			return exp(mu + sigma * normal_quantile(q));
		default:
			return p->a;
	}
}
