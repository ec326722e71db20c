/*
 * bass.h — fitting the Bass diffusion model to per-period adopters.
 */
#ifndef ABZ_BASS_H
#define ABZ_BASS_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

/* fewest periods a fit needs (three parameters) */
#define ABZ_BASS_MIN_PERIODS 3

typedef struct AbzBassFit
{
	double		p;				/* innovation coefficient per period */
	double		q;				/* imitation coefficient per period */
	double		m;				/* market potential (adopters in all) */
	double		rmse;			/* sqrt(SSE / n) */
	double		r2;				/* 1 - SSE / SST */
	int			periods;		/* n */
	int			iterations;		/* simplex iterations used */
} AbzBassFit;

/* cumulative adoption share F(t) = (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t) */
double		abz_bass_cdf(double p, double q, double t);

/*
 * Least-squares fit of y_i = m (F(t_i) - F(t_i - 1)) to n points, t
 * ascending whole periods >= 1 (period t runs from t-1 to t, time 0 the
 * start of diffusion).  m is profiled out (its optimum is closed-form for
 * given p and q); p > 0 and q >= 0 are searched by a Nelder-Mead simplex
 * on (ln p, ln q) from the best point of a fixed grid, so the fit is a
 * deterministic function of the points.  False with err when n is below
 * ABZ_BASS_MIN_PERIODS or no positive m fits.
 */
bool		abz_bass_fit(const double *t, const double *y, size_t n,
						 AbzBassFit *out, AbzError *err);

#endif							/* ABZ_BASS_H */
