/*
 * dist_int.h — helpers shared by the files of the distributions (dist.c,
 * dist_moment.c): the shape parameters of the PERT and the lognormal and the
 * triangular inverse CDF.  Static inline so that the samplers on the trial
 * path keep them inlined.  Not part of the module's interface.
 */
#ifndef ABZ_DIST_INT_H
#define ABZ_DIST_INT_H

#include <math.h>
#include <stdbool.h>

#include "dist.h"

/* PERT shape parameters (lambda = 4); false when min == max */
static inline bool
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
static inline bool
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
static inline double
triangular_inv(double a, double mode, double c, double u)
{
	double		range = c - a;

	if (!(range > 0.0))
		return a;
	if (u * range < mode - a)
		return a + sqrt(u * range * (mode - a));
	return c - sqrt((1.0 - u) * range * (c - mode));
}

#endif							/* ABZ_DIST_INT_H */
