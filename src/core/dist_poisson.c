/*
 * dist_poisson.c — Poisson event counts: sequential inversion of the CDF
 * below mean 10 and Hoermann's PTRS transformed rejection (1993) from 10 up.
 * A pure function of the random stream it is given, like every sampler.
 */
#include <math.h>

#include "dist.h"

#define ABZ_POISSON_INVERSION_MAX	10.0

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
