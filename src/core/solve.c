/*
 * solve.c — goal seek: the constant at a path that brings a metric of the
 * expected path or of a simulation to a target, by Brent's method
 * (bisection, secant and inverse quadratic interpolation on a bracket).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tools.h"

/* f(x) = metric at x - target, for the goal seek */
static bool
solve_f(AbzTools *t, int which, const AbzPath *path, AbzMetric metric, double x,
		int32_t trials, int64_t seed, double *metric_out, AbzError *err)
{
	AbzParam	v = abz_constant(x);

	return abz_set_param(t->spec[which], path, &v, t->work, err) &&
		abz_tools_eval(t, which, t->work, metric, trials, seed, metric_out, err);
}

/* check the arguments of a goal seek */
static bool
solve_check(const AbzPath *path, AbzMetric metric, double target, double lo, double hi,
			int32_t trials, AbzError *err)
{
	if (path->target != ABZ_TARGET_KEY)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "path \"%s\" does not name a numeric key", path->text);
	if (path->key->flags & ABZ_KEY_INT)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "path \"%s\" names a whole-number key; solve needs a continuous one",
						 path->text);
	if (!isfinite(target) || !isfinite(lo) || !isfinite(hi) || !(lo < hi))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "solve needs finite target and bounds with lo < hi");
	if (metric >= ABZ_METRIC_NPROJ && trials < 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "metric %s needs trials", abz_metric_names[metric]);
	if (metric < ABZ_METRIC_NPROJ && trials > 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "metric %s is of the expected path; with trials use survival or p_npv_positive",
						 abz_metric_names[metric]);
	return true;
}

/* Brent's state: the best point b, the previous a, the counterpoint c */
typedef struct Brent
{
	double		a, b, c, fa, fb, fc, d, e;
} Brent;

/* one step of Brent's method: the next point to try; false when converged */
static bool
brent_step(Brent *s, double xtol, double *next)
{
	double		tol1,
				xm,
				p,
				q,
				r,
				u;

	if ((s->fb > 0) == (s->fc > 0))
	{
		s->c = s->a;
		s->fc = s->fa;
		s->d = s->e = s->b - s->a;
	}
	if (fabs(s->fc) < fabs(s->fb))
	{
		s->a = s->b, s->b = s->c, s->c = s->a;
		s->fa = s->fb, s->fb = s->fc, s->fc = s->fa;
	}
	tol1 = 2.0 * DBL_EPSILON * fabs(s->b) + 0.5 * xtol;
	xm = 0.5 * (s->c - s->b);
	if (fabs(xm) <= tol1 || s->fb == 0.0)
		return false;
	if (fabs(s->e) >= tol1 && fabs(s->fa) > fabs(s->fb))
	{
		u = s->fb / s->fa;
		if (s->a == s->c)
		{
			p = 2.0 * xm * u;	/* secant */
			q = 1.0 - u;
		}
		else
		{
			q = s->fa / s->fc;	/* inverse quadratic interpolation */
			r = s->fb / s->fc;
			p = u * (2.0 * xm * q * (q - r) - (s->b - s->a) * (r - 1.0));
			q = (q - 1.0) * (r - 1.0) * (u - 1.0);
		}
		if (p > 0)
			q = -q;
		p = fabs(p);
		if (2.0 * p < fmin(3.0 * xm * q - fabs(tol1 * q), fabs(s->e * q)))
		{
			s->e = s->d;
			s->d = p / q;
		}
		else
			s->d = s->e = xm;
	}
	else
		s->d = s->e = xm;
	s->a = s->b;
	s->fa = s->fb;
	*next = s->b + (fabs(s->d) > tol1 ? s->d : copysign(tol1, xm));
	return true;
}

/* Goal seek by Brent's method (see tools.h). */
bool
abz_solve(AbzTools *t, int which, const AbzPath *path, AbzMetric metric, double target,
		  double lo, double hi, int32_t trials, int64_t seed, AbzSolveResult *out,
		  AbzError *err)
{
	Brent		s;
	double		mlo,
				mhi,
				m,
				x;
	double		xtol = 1e-13 * (fabs(lo) + fabs(hi)) + DBL_MIN;

	memset(out, 0, sizeof(*out));
	if (!solve_check(path, metric, target, lo, hi, trials, err) ||
		!solve_f(t, which, path, metric, lo, trials, seed, &mlo, err) ||
		!solve_f(t, which, path, metric, hi, trials, seed, &mhi, err))
		return false;
	if ((mlo - target > 0) == (mhi - target > 0) && mlo != target && mhi != target)
	{
		char		n[5][32];

		abz_num_shortest(target, n[0]);
		abz_num_shortest(lo, n[1]);
		abz_num_shortest(hi, n[2]);
		abz_num_shortest(mlo, n[3]);
		abz_num_shortest(mhi, n[4]);
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
				  "%s does not cross %s between %s = %s and %s: it is %s at %s and %s at %s",
				  abz_metric_names[metric], n[0], path->text, n[1], n[2], n[3], n[1], n[4], n[2]);
		snprintf(err->detail, sizeof(err->detail),
				 "Widen [lo, hi] so that the metric is on both sides of the target.");
		return false;
	}
	memset(&s, 0, sizeof(s));
	s.a = s.c = lo;
	s.fa = s.fc = mlo - target;
	s.b = hi;
	s.fb = mhi - target;
	s.d = s.e = hi - lo;
	if (s.fa == 0.0)
	{
		/* lo itself reaches the target */
		s.b = lo;
		s.fb = 0.0;
	}
	while (out->iterations < ABZ_SOLVE_MAX_ITER && brent_step(&s, xtol, &x))
	{
		if (!solve_f(t, which, path, metric, x, trials, seed, &m, err))
			return false;
		out->iterations++;
		s.b = x;
		s.fb = m - target;
	}
	out->value = s.b;
	out->achieved = s.fb + target;
	/* report the metric exactly as evaluated at b, not re-derived from the difference */
	return solve_f(t, which, path, metric, s.b, trials, seed, &out->achieved, err);
}
