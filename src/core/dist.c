/*
 * dist.c — samplers of the value grammar's distributions: one draw of a
 * parameter, clamped or not, and the prepared samplers of sampler.h, which
 * draw the same values with the distribution's derived constants computed
 * once.  Means, variances and quantiles are in dist_moment.c, Poisson event
 * counts in dist_poisson.c.
 *
 * Every sampler is a pure function of the random stream it is given: the
 * same stream position always yields the same value (rejection methods may
 * use a variable number of draws, which is still deterministic).
 *
 * Methods: uniform and triangular by inversion; normal by Marsaglia's polar
 * method; lognormal as exp of a normal with sigma^2 = ln(1 + s^2/m^2),
 * mu = ln m - sigma^2/2 (m, s the mean and sd of the variable itself); PERT
 * as min + (max - min) Beta(alpha, beta), lambda = 4, the beta from two
 * Marsaglia-Tsang gammas.
 */
#include <math.h>

#include "dist.h"
#include "dist_int.h"
#include "sampler.h"

/*
 * standard normal draw (Marsaglia polar method; the second value is
 * dropped); inline in the samplers, which draw many
 */
static inline __attribute__((always_inline)) double
rng_normal(AbzRng *r)
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

/* standard normal draw */
double
abz_rng_normal(AbzRng *r)
{
	return rng_normal(r);
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
			x = rng_normal(r);
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
			return p->a + p->b * rng_normal(r);
		case ABZ_LOGNORMAL:
			if (!lognormal_params(p->a, p->b, &mu, &sigma))
				return p->a;
			return exp(mu + sigma * rng_normal(r));
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
			x = exp(s->k[0] + s->k[1] * rng_normal(r));
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
