/*
 * bass.c — nonlinear least squares for the Bass diffusion model.
 *
 * For given (p, q) the per-period shares g_i = F(t_i) - F(t_i - 1) are
 * fixed and the best m is m* = Σ y g / Σ g², so the sum of squares is a
 * function of (p, q) alone: S(p, q) = Σ y² - (Σ y g)² / Σ g².  A simplex
 * search over (ln p, ln q) minimises it.
 */
#include <math.h>
#include <string.h>

#include "bass.h"

#define SIMPLEX_MAX_ITER	4000
#define SIMPLEX_TOL			1e-14

/* the data of one fit */
typedef struct Points
{
	const double *t;
	const double *y;
	size_t		n;
} Points;

/* cumulative adoption share at time t */
double
abz_bass_cdf(double p, double q, double t)
{
	double		e;

	if (t <= 0.0)
		return 0.0;
	e = exp(-(p + q) * t);
	return (1.0 - e) / (1.0 + (q / p) * e);
}

/* best m for (p, q) and the sum of squares it leaves; HUGE_VAL if none */
static double
profiled_sse(const Points *d, double p, double q, double *m)
{
	double		yg = 0.0,
				gg = 0.0,
				sse = 0.0;

	for (size_t i = 0; i < d->n; i++)
	{
		double		g = abz_bass_cdf(p, q, d->t[i]) - abz_bass_cdf(p, q, d->t[i] - 1.0);

		yg += d->y[i] * g;
		gg += g * g;
	}
	if (!(gg > 0.0) || !(yg > 0.0) || !isfinite(yg / gg))
		return HUGE_VAL;
	*m = yg / gg;
	for (size_t i = 0; i < d->n; i++)
	{
		double		g = abz_bass_cdf(p, q, d->t[i]) - abz_bass_cdf(p, q, d->t[i] - 1.0);
		double		r = d->y[i] - *m * g;

		sse += r * r;
	}
	return isfinite(sse) ? sse : HUGE_VAL;
}

/* the objective at simplex point x = (ln p, ln q) */
static double
objective(const Points *d, const double x[2])
{
	double		m;

	if (x[0] > 5.0 || x[1] > 5.0 || x[0] < -30.0 || x[1] < -30.0)
		return HUGE_VAL;
	return profiled_sse(d, exp(x[0]), exp(x[1]), &m);
}

/* the grid point with the least sum of squares, as (ln p, ln q) */
static void
grid_start(const Points *d, double x[2])
{
	static const double ps[] = {1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3};
	static const double qs[] = {1e-3, 0.03, 0.1, 0.2, 0.4, 0.7, 1.0, 2.0};
	double		best = HUGE_VAL;

	x[0] = log(0.01);
	x[1] = log(0.3);
	for (size_t i = 0; i < sizeof(ps) / sizeof(ps[0]); i++)
		for (size_t j = 0; j < sizeof(qs) / sizeof(qs[0]); j++)
		{
			double		c[2] = {log(ps[i]), log(qs[j])};
			double		f = objective(d, c);

			if (f < best)
			{
				best = f;
				x[0] = c[0];
				x[1] = c[1];
			}
		}
}

/* order the three simplex vertices by objective value, best first */
static void
sort3(double v[3][2], double f[3])
{
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2 - i; j++)
			if (f[j + 1] < f[j])
			{
				double		tf = f[j],
							t0 = v[j][0],
							t1 = v[j][1];

				f[j] = f[j + 1];
				v[j][0] = v[j + 1][0];
				v[j][1] = v[j + 1][1];
				f[j + 1] = tf;
				v[j + 1][0] = t0;
				v[j + 1][1] = t1;
			}
}

/* the point c + s (w - c) and its value */
static double
along(const Points *d, const double c[2], const double w[2], double s, double out[2])
{
	out[0] = c[0] + s * (w[0] - c[0]);
	out[1] = c[1] + s * (w[1] - c[1]);
	return objective(d, out);
}

/* one Nelder-Mead step on a sorted simplex; false when it has converged */
static bool
simplex_step(const Points *d, double v[3][2], double f[3])
{
	double		c[2] = {(v[0][0] + v[1][0]) / 2, (v[0][1] + v[1][1]) / 2};
	double		r[2],
				e[2],
				k[2];
	double		fr,
				fe,
				fk;

	if (fabs(f[2] - f[0]) <= SIMPLEX_TOL * (fabs(f[0]) + 1e-300) &&
		fabs(v[2][0] - v[0][0]) + fabs(v[2][1] - v[0][1]) < 1e-10)
		return false;
	fr = along(d, c, v[2], -1.0, r);
	if (fr < f[0] && (fe = along(d, c, v[2], -2.0, e)) < fr)
		memcpy(v[2], e, sizeof(e)), f[2] = fe;
	else if (fr < f[1])
		memcpy(v[2], r, sizeof(r)), f[2] = fr;
	else if ((fk = along(d, c, v[2], 0.5, k)) < f[2])
		memcpy(v[2], k, sizeof(k)), f[2] = fk;
	else
		for (int i = 1; i < 3; i++)
			f[i] = along(d, v[0], v[i], 0.5, v[i]);
	sort3(v, f);
	return true;
}

/* Nelder-Mead from x; returns iterations used, x the best vertex */
static int
simplex(const Points *d, double x[2])
{
	double		v[3][2] = {{x[0], x[1]}, {x[0] + 0.3, x[1]}, {x[0], x[1] + 0.3}};
	double		f[3];
	int			it;

	for (int i = 0; i < 3; i++)
		f[i] = objective(d, v[i]);
	sort3(v, f);
	for (it = 0; it < SIMPLEX_MAX_ITER && simplex_step(d, v, f); it++)
		;
	x[0] = v[0][0];
	x[1] = v[0][1];
	return it;
}

/* fit; see bass.h */
bool
abz_bass_fit(const double *t, const double *y, size_t n, AbzBassFit *out,
			 AbzError *err)
{
	Points		d = {t, y, n};
	double		x[2],
				sse,
				mean = 0.0,
				sst = 0.0;

	if (n < ABZ_BASS_MIN_PERIODS)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "%zu periods; a Bass fit needs at least %d",
						 n, ABZ_BASS_MIN_PERIODS);
	grid_start(&d, x);
	memset(out, 0, sizeof(*out));
	out->iterations = simplex(&d, x);
	/* restart once from the optimum: the simplex may have collapsed early */
	out->iterations += simplex(&d, x);
	out->p = exp(x[0]);
	out->q = exp(x[1]);
	sse = profiled_sse(&d, out->p, out->q, &out->m);
	if (sse == HUGE_VAL)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "no Bass curve with a positive market potential fits the adopters");
	for (size_t i = 0; i < n; i++)
		mean += y[i] / (double) n;
	for (size_t i = 0; i < n; i++)
		sst += (y[i] - mean) * (y[i] - mean);
	out->rmse = sqrt(sse / (double) n);
	out->r2 = sst > 0.0 ? 1.0 - sse / sst : (sse == 0.0 ? 1.0 : 0.0);
	out->periods = (int) n;
	return true;
}
