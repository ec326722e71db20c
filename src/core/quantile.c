/*
 * quantile.c — type-7 quantiles (as percentile_cont) by selection:
 * quickselect with branch-free partitioning and Floyd-Rivest pivots, and
 * several order statistics in one pass.
 */
#include <math.h>
#include <stdlib.h>

#include "simval_int.h"

const double abz_sim_levels[ABZ_SIM_NQ] = {0.05, 0.25, 0.5, 0.75, 0.95};

/* ---- quantiles by selection ---- */

/* compare doubles for qsort */
int
abz_sim_dcmp(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* sort x[lo..hi] by insertion (short ranges) */
static void
insertion_sort(double *x, size_t lo, size_t hi)
{
	for (size_t i = lo + 1; i <= hi; i++)
	{
		double		v = x[i];
		size_t		j = i;

		while (j > lo && x[j - 1] > v)
		{
			x[j] = x[j - 1];
			j--;
		}
		x[j] = v;
	}
}

/*
 * One branch-free Lomuto pass over x[lo..hi]: move the values below the
 * pivot (v < pivot, or v <= pivot when le) to the front, in order, and
 * return the index after them.  Two elements per iteration, on pointers;
 * always inlined with a constant le, so each pass has its own loop.
 */
static inline __attribute__((always_inline)) size_t
lomuto(double *x, size_t lo, size_t hi, double pivot, bool le)
{
	double	   *p = x + lo,
			   *q = x + lo,
			   *end = x + hi + 1;

#define BELOW(v) (le ? (v) <= pivot : (v) < pivot)
	for (; end - p >= 2; p += 2)
	{
		double		v = p[0],
					w;

		p[0] = *q;
		*q = v;
		q += BELOW(v);
		w = p[1];
		p[1] = *q;
		*q = w;
		q += BELOW(w);
	}
	if (p < end)
	{
		double		v = *p;

		*p = *q;
		*q = v;
		q += BELOW(v);
	}
#undef BELOW
	return (size_t) (q - x);
}

/*
 * Put the k-th smallest of x[lo..hi] at x[k], smaller-or-equal values before
 * it and greater-or-equal after.  Quickselect with two branch-free Lomuto
 * passes (below the pivot, then equal to it), so ties (dead companies' zero
 * revenue) cost nothing.  On long ranges the pivot is chosen as Floyd and
 * Rivest do (CACM 18(3), 1975): select k first within a window of about
 * n^(2/3) elements around it, shifted so that the pivot lands just on the
 * far side of the k-th value; the pass then leaves k in the smaller part,
 * and the next pass leaves it in a part of a few hundred elements.  So a
 * selection costs about n + min(k, n - k) element visits instead of about
 * three n with a median of three.  After many rounds the rest is sorted,
 * bounding the worst case.  The result (the order statistics) does not
 * depend on the pivots.
 */
static void
select_kth(double *x, size_t lo, size_t hi, size_t k)
{
	int			rounds = 0;

	while (hi > lo)
	{
		size_t		mid = lo + (hi - lo) / 2;
		size_t		i,
					e;
		double		a,
					b,
					c,
					pivot;

		if (hi - lo < 16)
		{
			insertion_sort(x, lo, hi);
			return;
		}
		if (++rounds > 64)
		{
			qsort(x + lo, hi - lo + 1, sizeof(double), abz_sim_dcmp);
			return;
		}
		if (hi - lo > 600)
		{
			/* Floyd-Rivest: a pivot from a window around k, see above */
			double		n = (double) (hi - lo + 1),
						i = (double) (k - lo + 1),
						z = log(n),
						s = 0.5 * exp(2.0 * z / 3.0),
						sd = 0.5 * sqrt(z * s * (n - s) / n) * (i < n / 2.0 ? -1.0 : 1.0),
						wl = (double) k - i * s / n + sd,
						wh = (double) k + (n - i) * s / n + sd;
			size_t		l2 = wl <= (double) lo ? lo : (size_t) wl,
						h2 = wh >= (double) hi ? hi : (size_t) wh;

			if (l2 > k)
				l2 = k;
			if (h2 < k)
				h2 = k;
			select_kth(x, l2, h2, k);
			pivot = x[k];
		}
		else
		{
			a = x[lo];
			b = x[mid];
			c = x[hi];
			pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
		}
		/* x[lo..i-1] < pivot <= x[i..hi] */
		i = lomuto(x, lo, hi, pivot, false);
		if (k < i)
		{
			hi = i - 1;
			continue;
		}
		/* x[i..e-1] == pivot < x[e..hi]; the pivot is in the range, so e > i */
		e = lomuto(x, i, hi, pivot, true);
		if (k < e)
			return;
		lo = e;
	}
}

/*
 * Put every order statistic ks[a..b] (ascending, distinct, inside [lo, hi])
 * in place: select the middle one, then recurse on each side, so each level
 * of the recursion touches every element once.
 */
static void
multi_select(double *x, size_t lo, size_t hi, const size_t *ks, int a, int b)
{
	while (a <= b)
	{
		int			mid = a + (b - a) / 2;
		size_t		k = ks[mid];

		select_kth(x, lo, hi, k);
		if (a < mid)
			multi_select(x, lo, k - 1, ks, a, mid - 1);
		a = mid + 1;
		lo = k + 1;
	}
}

/* up to ABZ_SIM_NQ type-7 quantiles at ascending ps (as percentile_cont); reorders x */
void
abz_quantiles7(double *x, size_t n, const double *ps, int np, double *out)
{
	size_t		ks[ABZ_SIM_NQ] = {0};
	int			nk = 0;

	/* select the distinct ranks floor(h) */
	for (int q = 0; q < np; q++)
	{
		size_t		f = (size_t) floor(ps[q] * (double) (n - 1));

		if (nk == 0 || ks[nk - 1] < f)
			ks[nk++] = f;
	}
	multi_select(x, 0, n - 1, ks, 0, nk - 1);
	for (int q = 0; q < np; q++)
	{
		double		h = ps[q] * (double) (n - 1);
		size_t		f = (size_t) floor(h);
		size_t		end = n;
		double		lo = x[f],
					hi;

		if ((double) f == ceil(h))
		{
			out[q] = lo;
			continue;
		}
		/*
		 * rank f + 1 is the smallest value after f up to the next selected
		 * rank (everything from there on is at least as large)
		 */
		for (int k = 0; k < nk; k++)
			if (ks[k] > f)
			{
				end = ks[k] + 1;
				break;
			}
		hi = x[f + 1];
		for (size_t i = f + 2; i < end; i++)
			hi = x[i] < hi ? x[i] : hi;
		/* as percentile_cont: lo + (h - floor(h)) * (hi - lo) */
		out[q] = lo + (h - (double) f) * (hi - lo);
	}
}

/* type-7 quantile (as percentile_cont) of x[0..n-1] at p in [0,1]; reorders x */
double
abz_quantile7(double *x, size_t n, double p)
{
	double		out;

	abz_quantiles7(x, n, &p, 1, &out);
	return out;
}

