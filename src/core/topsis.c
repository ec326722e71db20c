/*
 * topsis.c — TOPSIS (technique for order of preference by similarity to the
 * ideal solution).  For alternatives i and criteria j:
 *
 *   r_ij = x_ij / sqrt(sum_i x_ij^2)          vector normalisation
 *   v_ij = w_j r_ij                            w / max(w), then to sum 1
 *   A+_j = max_i v_ij (benefit) or min_i (cost), A-_j the opposite
 *   d+_i = |v_i - A+|, d-_i = |v_i - A-|       Euclidean distances
 *   C_i  = d-_i / (d+_i + d-_i)
 */
#include <math.h>
#include <stdlib.h>

#include "topsis.h"

/* ascending order of doubles */
static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/*
 * Check the weights and store them normalised to sum 1 in wn.  They are
 * first divided by the largest weight, so that their sum lies in [1, k] and
 * cannot overflow.  False with err set when a weight is negative or not
 * finite, or when every weight is 0.
 */
static bool
weight_norm(const double *w, int k, double *wn, AbzError *err)
{
	double		big = 0.0;
	double		sum = 0.0;

	for (int j = 0; j < k; j++)
	{
		if (!isfinite(w[j]) || w[j] < 0.0)
		{
			char		nb[ABZ_NUM_TEXT];

			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "weight %d is %s; weights must be finite and >= 0",
							 j + 1, abz_num_text(w[j], nb));
		}
		big = fmax(big, w[j]);
	}
	if (!(big > 0.0))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "the weights must not all be 0");
	for (int j = 0; j < k; j++)
		sum += w[j] / big;
	for (int j = 0; j < k; j++)
		wn[j] = (w[j] / big) / sum;
	return true;
}

/*
 * Euclidean norm of column j, summed in ascending order of the scaled
 * squares so that the result is the same for every row order, and scaled by
 * the largest magnitude so that no square overflows.
 */
static double
column_norm(const double *x, size_t n, int k, int j, double *scratch)
{
	double		big = 0.0;
	double		sum = 0.0;

	for (size_t i = 0; i < n; i++)
		big = fmax(big, fabs(x[i * k + j]));
	if (big == 0.0)
		return 0.0;
	for (size_t i = 0; i < n; i++)
	{
		double		s = x[i * k + j] / big;

		scratch[i] = s * s;
	}
	qsort(scratch, n, sizeof(double), cmp_double);
	for (size_t i = 0; i < n; i++)
		sum += scratch[i];
	return big * sqrt(sum);
}

/*
 * Weighted normalised value v_ij: x is divided by the column norm first, so
 * |x / norm| <= 1 and no subnormal norm can overflow, then weighted.
 */
static inline double
weighted(double x, double norm, double w)
{
	return norm > 0.0 ? (x / norm) * w : 0.0;
}

/* closeness of every alternative; see topsis.h */
bool
abz_topsis(const double *x, size_t n, int k, const double *w,
		   const bool *benefit, double *scratch, double *out, AbzError *err)
{
	double		wn[ABZ_TOPSIS_MAX_CRITERIA];
	double		best[ABZ_TOPSIS_MAX_CRITERIA];
	double		worst[ABZ_TOPSIS_MAX_CRITERIA];
	double		norm[ABZ_TOPSIS_MAX_CRITERIA];

	if (k < 1 || k > ABZ_TOPSIS_MAX_CRITERIA)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "%d criteria; between 1 and %d are allowed",
						 k, ABZ_TOPSIS_MAX_CRITERIA);
	for (size_t i = 0; i < n * (size_t) k; i++)
		if (!isfinite(x[i]))
			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "criterion %d of alternative %zu is not finite",
							 (int) (i % k) + 1, i / k + 1);
	if (!weight_norm(w, k, wn, err))
		return false;
	for (int j = 0; j < k; j++)
	{
		bool		up = benefit == NULL || benefit[j];

		norm[j] = column_norm(x, n, k, j, scratch);
		best[j] = worst[j] = n > 0 ? weighted(x[j], norm[j], wn[j]) : 0.0;
		for (size_t i = 1; i < n; i++)
		{
			double		v = weighted(x[i * k + j], norm[j], wn[j]);

			best[j] = up ? fmax(best[j], v) : fmin(best[j], v);
			worst[j] = up ? fmin(worst[j], v) : fmax(worst[j], v);
		}
	}
	for (size_t i = 0; i < n; i++)
	{
		double		dp = 0.0,
					dm = 0.0;

		for (int j = 0; j < k; j++)
		{
			double		v = weighted(x[i * k + j], norm[j], wn[j]);

			dp += (v - best[j]) * (v - best[j]);
			dm += (v - worst[j]) * (v - worst[j]);
		}
		dp = sqrt(dp);
		dm = sqrt(dm);
		out[i] = dp + dm > 0.0 ? dm / (dp + dm) : 0.5;
	}
	return true;
}
