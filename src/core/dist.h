/*
 * dist.h — sampling, moments and quantiles of the distributions of the value
 * grammar (uniform, triangular, PERT, normal, lognormal) and the Poisson
 * event counts of the risk model.
 */
#ifndef ABZ_DIST_H
#define ABZ_DIST_H

#include <stdint.h>

#include "rng.h"
#include "spec.h"

/* one draw of a parameter (a constant draws nothing and returns its value) */
double		abz_param_sample(const AbzParam *p, AbzRng *r);

/* one draw clamped to [lo, hi] (the domain of its key) */
double		abz_param_sample_in(const AbzParam *p, double lo, double hi, AbzRng *r);

/* mean of a parameter clamped to [lo, hi]: E[min(max(X, lo), hi)] */
double		abz_param_mean_in(const AbzParam *p, double lo, double hi);

/* variance of a parameter (0 for a constant) */
double		abz_param_variance(const AbzParam *p);

/* inverse CDF at q in (0,1) (a constant returns its value) */
double		abz_param_quantile(const AbzParam *p, double q);

/* standard normal draw */
double		abz_rng_normal(AbzRng *r);

/* Poisson(mu) count, mu >= 0 */
uint32_t	abz_rng_poisson(double mu, AbzRng *r);

#endif							/* ABZ_DIST_H */
