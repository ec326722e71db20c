/*
 * dist.c — samplers, variances and quantiles of the value grammar's
 * distributions, and Poisson event counts.
 *
 * Every sampler is a pure function of the random stream it is given: the
 * same stream position always yields the same value (rejection methods may
 * use a variable number of draws, which is still deterministic).
 *
 * Methods: uniform and triangular by inversion; normal by Marsaglia's polar
 * method; lognormal as exp of a normal with sigma^2 = ln(1 + s^2/m^2),
 * mu = ln m - sigma^2/2 (m, s the mean and sd of the variable itself); PERT
 * as min + (max - min) Beta(alpha, beta), lambda = 4, the beta from two
 * Marsaglia-Tsang gammas; Poisson by sequential inversion below mean 10 and
 * Hoermann's PTRS transformed rejection (1993) from 10 up.
 *
 * A prepared sampler (sampler.h) draws the same values with the
 * distribution's derived constants computed once.
 */
#include <math.h>

#include "dist.h"
#include "sampler.h"

#define ABZ_POISSON_INVERSION_MAX	10.0

/* standard normal draw (Marsaglia polar method; the second value is dropped) */
double
abz_rng_normal(AbzRng *r)
{
	double		u,
				v,
				s;

	do
	{
		u = 2.0 * abz_rng_uniform(r) - 1.0;
		v = 2.0 * abz_rng_uniform(r) - 1.0;
		s = u * u + v * v;
	} while (s >= 1.0 || s == 0.0);
	return u * sqrt(-2.0 * log(s) / s);
}

/*
 * Gamma(shape, 1) draw for shape >= 1, given Marsaglia and Tsang's
 * constants d = shape - 1/3 and c = 1 / sqrt(9 d)
 */
static inline double
gamma_dc(double d, double c, AbzRng *r)
{
	double		x,
				v,
				u;

	for (;;)
	{
		do
		{
			x = abz_rng_normal(r);
			v = 1.0 + c * x;
		} while (v <= 0.0);
		v = v * v * v;
		u = abz_rng_uniform(r);
		if (u < 1.0 - 0.0331 * (x * x) * (x * x))
			return d * v;
		if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
			return d * v;
	}
}

/* Marsaglia and Tsang's constants d and c of a shape >= 1 */
static inline void
gamma_consts(double shape, double *d, double *c)
{
	*d = shape - 1.0 / 3.0;
	*c = 1.0 / sqrt(9.0 * *d);
}

/* Gamma(shape, 1) draw (Marsaglia and Tsang 2000; boosted below shape 1) */
static double
rng_gamma(double shape, AbzRng *r)
{
	double		d,
				c,
				u;

	if (shape < 1.0)
	{
		u = abz_rng_uniform(r);
		return rng_gamma(shape + 1.0, r) * pow(u, 1.0 / shape);
	}
	gamma_consts(shape, &d, &c);
	return gamma_dc(d, c, r);
}

/* PERT shape parameters (lambda = 4); false when min == max */
static bool
pert_shapes(const AbzParam *p, double *alpha, double *beta)
{
	double		range = p->c - p->a;

	if (!(range > 0.0))
		return false;
	*alpha = 1.0 + 4.0 * (p->b - p->a) / range;
	*beta = 1.0 + 4.0 * (p->c - p->b) / range;
	return true;
}

/* lognormal log-scale parameters from the variable's mean m and sd s; false if degenerate */
static bool
lognormal_params(double m, double s, double *mu, double *sigma)
{
	double		s2;

	if (!(m > 0.0) || !(s > 0.0))
		return false;
	s2 = log1p((s / m) * (s / m));
	*sigma = sqrt(s2);
	*mu = log(m) - 0.5 * s2;
	return true;
}

/* triangular inverse CDF at u */
static double
triangular_inv(double a, double mode, double c, double u)
{
	double		range = c - a;

	if (!(range > 0.0))
		return a;
	if (u * range < mode - a)
		return a + sqrt(u * range * (mode - a));
	return c - sqrt((1.0 - u) * range * (c - mode));
}

/* one draw of a parameter (a constant draws nothing and returns its value) */
double
abz_param_sample(const AbzParam *p, AbzRng *r)
{
	double		al,
				be,
				x,
				y,
				mu,
				sigma;

	switch (p->dist)
	{
		case ABZ_UNIFORM:
			return p->a + (p->b - p->a) * abz_rng_uniform(r);
		case ABZ_TRIANGULAR:
			return triangular_inv(p->a, p->b, p->c, abz_rng_uniform(r));
		case ABZ_PERT:
			if (!pert_shapes(p, &al, &be))
				return p->a;
			x = rng_gamma(al, r);
			y = rng_gamma(be, r);
			return p->a + (p->c - p->a) * (x / (x + y));
		case ABZ_NORMAL:
			return p->a + p->b * abz_rng_normal(r);
		case ABZ_LOGNORMAL:
			if (!lognormal_params(p->a, p->b, &mu, &sigma))
				return p->a;
			return exp(mu + sigma * abz_rng_normal(r));
		default:
			return p->a;
	}
}

/* one draw clamped to [lo, hi] (the domain of its key) */
double
abz_param_sample_in(const AbzParam *p, double lo, double hi, AbzRng *r)
{
	double		x = abz_param_sample(p, r);

	if (x < lo)
		return lo;
	if (x > hi)
		return hi;
	return x;
}

/* standard normal CDF and density */
static double
phi_cdf(double x)
{
	return 0.5 * erfc(-x * M_SQRT1_2);
}

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

/* regularized incomplete beta I_x(a, b) */
static double
beta_inc(double a, double b, double x)
{
	double		front;

	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) +
				a * log(x) + b * log1p(-x));
	if (x < (a + 1.0) / (a + b + 2.0))
		return front * beta_cf(a, b, x) / a;
	return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

/* inverse of I_x(a, b) in x by bisection (the CDF is monotone; 1e-15 in x) */
static double
beta_quantile(double a, double b, double q)
{
	double		lo = 0.0,
				hi = 1.0;
	int			i;

	for (i = 0; i < 200 && hi - lo > 1e-15; i++)
	{
		double		mid = 0.5 * (lo + hi);

		if (beta_inc(a, b, mid) < q)
			lo = mid;
		else
			hi = mid;
	}
	return 0.5 * (lo + hi);
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

/*
 * Poisson by sequential inversion of the CDF (small mean).  Below mean 1 a
 * squeeze skips exp() for most zeros: e^-mu >= 1 - mu + mu^2/2 - mu^3/6 for
 * mu >= 0, so u under that bound is a zero without computing F(0).  (Within
 * rounding of the bound the full inversion decides, consistently.)
 */
static uint32_t
poisson_inversion(double mu, AbzRng *r)
{
	double		u = abz_rng_uniform(r);
	double		p,
				f;
	uint32_t	k = 0;

	if (mu < 1.0 && u <= 1.0 - mu * (1.0 - mu * (0.5 - mu * (1.0 / 6.0))))
		return 0;
	p = exp(-mu);
	f = p;
	/* f reaches 1 up to rounding; the bound stops a u above the rounded total */
	while (u > f && k < 1000)
	{
		k++;
		p *= mu / k;
		if (p == 0.0)
			break;
		f += p;
	}
	return k;
}

/* a non-negative whole double as a count, saturating at UINT32_MAX */
static inline uint32_t
count_of(double k)
{
	return k >= 4294967295.0 ? UINT32_MAX : (uint32_t) k;
}

/* Poisson by PTRS, transformed rejection with squeeze (Hoermann 1993), mean >= 10 */
static uint32_t
poisson_ptrs(double mu, AbzRng *r)
{
	double		slam = sqrt(mu);
	double		loglam = log(mu);
	double		b = 0.931 + 2.53 * slam;
	double		a = -0.059 + 0.02483 * b;
	double		invalpha = 1.1239 + 1.1328 / (b - 3.4);
	double		vr = 0.9277 - 3.6224 / (b - 2.0);

	for (;;)
	{
		double		u = abz_rng_uniform(r) - 0.5;
		double		v = abz_rng_uniform(r);
		double		us = 0.5 - fabs(u);
		double		k = floor((2.0 * a / us + b) * u + mu + 0.43);

		if (us >= 0.07 && v <= vr)
			return count_of(k);
		if (k < 0.0 || (us < 0.013 && v > us))
			continue;
		if (log(v) + log(invalpha) - log(a / (us * us) + b) <=
			-mu + k * loglam - lgamma(k + 1.0))
			return count_of(k);
	}
}

/* Poisson(mu) count, mu >= 0 */
uint32_t
abz_rng_poisson(double mu, AbzRng *r)
{
	if (!(mu > 0.0))
		return 0;
	if (isinf(mu))
		return UINT32_MAX;
	if (mu < ABZ_POISSON_INVERSION_MAX)
		return poisson_inversion(mu, r);
	return poisson_ptrs(mu, r);
}

/* ---- prepared samplers (sampler.h) ---- */

/* how a sampler draws */
enum
{
	SAMP_CONST,					/* k[0], no draw */
	SAMP_PERT,					/* k[] = gamma constants of alpha and beta */
	SAMP_LOGNORMAL,				/* k[0] = mu, k[1] = sigma */
	SAMP_UNIFORM,				/* by inversion, as abz_param_sample */
	SAMP_TRIANGULAR,
	SAMP_GENERIC				/* abz_param_sample */
};

/* precompute the draw of p clamped to [lo, hi] */
void
abz_sampler_init(AbzSampler *s, const AbzParam *p, double lo, double hi)
{
	double		al,
				be;

	s->p = *p;
	s->lo = lo;
	s->hi = hi;
	s->k[0] = s->k[1] = s->k[2] = s->k[3] = 0.0;
	s->method = SAMP_GENERIC;
	if (p->dist == ABZ_UNIFORM)
		s->method = SAMP_UNIFORM;
	else if (p->dist == ABZ_TRIANGULAR)
		s->method = SAMP_TRIANGULAR;
	else if (p->dist == ABZ_PERT)
	{
		if (!pert_shapes(p, &al, &be))
		{
			s->method = SAMP_CONST;
			s->k[0] = p->a;
		}
		else if (al >= 1.0 && be >= 1.0)
		{
			s->method = SAMP_PERT;
			gamma_consts(al, &s->k[0], &s->k[1]);
			gamma_consts(be, &s->k[2], &s->k[3]);
		}
	}
	else if (p->dist == ABZ_LOGNORMAL)
	{
		if (lognormal_params(p->a, p->b, &s->k[0], &s->k[1]))
			s->method = SAMP_LOGNORMAL;
		else
		{
			s->method = SAMP_CONST;
			s->k[0] = p->a;
		}
	}
}

/* one draw: the same value as abz_param_sample_in(&s->p, s->lo, s->hi, r) */
double
abz_sampler_draw(const AbzSampler *s, AbzRng *r)
{
	const AbzParam *p = &s->p;
	double		x,
				y;

	switch (s->method)
	{
		case SAMP_CONST:
			x = s->k[0];
			break;
		case SAMP_PERT:
			x = gamma_dc(s->k[0], s->k[1], r);
			y = gamma_dc(s->k[2], s->k[3], r);
			x = p->a + (p->c - p->a) * (x / (x + y));
			break;
		case SAMP_LOGNORMAL:
			x = exp(s->k[0] + s->k[1] * abz_rng_normal(r));
			break;
		case SAMP_UNIFORM:
			x = p->a + (p->b - p->a) * abz_rng_uniform(r);
			break;
		case SAMP_TRIANGULAR:
			x = triangular_inv(p->a, p->b, p->c, abz_rng_uniform(r));
			break;
		default:
			x = abz_param_sample(p, r);
			break;
	}
	if (x < s->lo)
		return s->lo;
	if (x > s->hi)
		return s->hi;
	return x;
}
