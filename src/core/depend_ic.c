/*
 * depend_ic.c — the Iman–Conover rearrangement (Iman and Conover, "A
 * distribution-free approach to inducing rank correlation among input
 * variables", 1982): each column keeps its values, only their order across
 * the n trials changes, so that the columns' rank correlations approach a
 * target.
 *
 * Steps, for k columns of n values:
 *   1. scores a_i = Phi^-1(i / (n + 1)), i = 1..n (van der Waerden);
 *   2. score matrix S (n x k): column j is a permuted by the keyed
 *      permutation of stream (tag ABZ_IC_TAG, id j);
 *   3. E = sample correlation of S's columns, L_E its Cholesky factor (the
 *      identity if E is singular, e.g. n <= k);
 *   4. C = the target with every r off the diagonal replaced by
 *      2 sin(pi r / 6) (the Pearson correlation of two normals whose
 *      Spearman correlation is r), or the target itself if that matrix is
 *      not positive semi-definite; L_C its factor;
 *   5. T = S inv(L_E)' L_C': its columns have sample correlation exactly C;
 *   6. column j takes its own values, sorted, in the rank order of T's
 *      column j (ties by trial index); both sorts are a stable radix sort
 *      of the doubles' order-preserving 64-bit images, in the scratch.
 */
#include <math.h>
#include <string.h>

#include "depend_int.h"
#include "dist.h"

/* byte offsets of the scratch regions */
typedef struct Layout
{
	size_t		s;				/* S, then T: n x k doubles, row-major */
	size_t		lc;				/* target, then its factor: k x k */
	size_t		le;				/* E, then its factor: k x k */
	size_t		dc;				/* diagonal of L_C: k */
	size_t		de;				/* diagonal of L_E: k */
	size_t		y;				/* one row: k */
	size_t		work;			/* scores + permutation, then sort keys and indices */
	size_t		total;
} Layout;

/* *acc += count * size (8-byte multiple); false on overflow */
static bool
add_region(size_t *acc, size_t *off, size_t count, size_t size)
{
	size_t		bytes;

	*off = *acc;
	return !__builtin_mul_overflow(count, size, &bytes) &&
		!__builtin_add_overflow(*acc, bytes, acc);
}

/* the scratch layout for k columns of n values; false if out of range or too big */
static bool
layout(int k, int32_t n, Layout *L)
{
	size_t		kk = (size_t) k,
				nn = (size_t) n,
				nk,
				per_n = 2 * sizeof(uint64_t) + 2 * sizeof(uint32_t);

	if (k < 0 || k > ABZ_CORR_MAX_K || n < 0)
		return false;
	L->total = 64;
	return !__builtin_mul_overflow(nn, kk, &nk) &&
		add_region(&L->total, &L->s, nk, sizeof(double)) &&
		add_region(&L->total, &L->lc, kk * kk, sizeof(double)) &&
		add_region(&L->total, &L->le, kk * kk, sizeof(double)) &&
		add_region(&L->total, &L->dc, kk, sizeof(double)) &&
		add_region(&L->total, &L->de, kk, sizeof(double)) &&
		add_region(&L->total, &L->y, kk, sizeof(double)) &&
		add_region(&L->total, &L->work, nn, per_n);
}

/* bytes of scratch for k columns of n values (see depend.h) */
size_t
abz_ic_scratch(int k, int32_t n)
{
	Layout		L;

	return layout(k, n, &L) ? L.total : 0;
}

/* an order-preserving map of a finite double to 64 bits (-0 below +0) */
static inline uint64_t
key_of(double x)
{
	uint64_t	u;

	memcpy(&u, &x, sizeof(u));
	return (u >> 63) ? ~u : u | (UINT64_C(1) << 63);
}

/* the double of a key_of() value */
static inline double
double_of(uint64_t k)
{
	uint64_t	u = (k >> 63) ? k & ~(UINT64_C(1) << 63) : ~k;
	double		x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

/*
 * Stable LSD radix sort of key[0..n-1] by bytes, carrying idx along when
 * not NULL; tkey and tidx are buffers of the same sizes.  Stable, so equal
 * keys keep their order: the result does not depend on any library sort.
 * A byte that every key shares is skipped.
 */
static void
radix_sort(int32_t n, uint64_t *key, uint32_t *idx, uint64_t *tkey, uint32_t *tidx)
{
	uint32_t	count[8][256];
	uint64_t   *k0 = key;
	uint32_t   *i0 = idx;

	memset(count, 0, sizeof(count));
	for (int32_t i = 0; i < n; i++)
		for (int b = 0; b < 8; b++)
			count[b][(key[i] >> (8 * b)) & 255]++;
	for (int b = 0; b < 8; b++)
	{
		uint32_t	off[256],
					sum = 0;
		uint64_t   *tk;
		uint32_t   *ti;

		if (count[b][(key[0] >> (8 * b)) & 255] == (uint32_t) n)
			continue;
		for (int d = 0; d < 256; d++)
		{
			off[d] = sum;
			sum += count[b][d];
		}
		for (int32_t i = 0; i < n; i++)
		{
			uint32_t	pos = off[(key[i] >> (8 * b)) & 255]++;

			tkey[pos] = key[i];
			if (idx != NULL)
				tidx[pos] = idx[i];
		}
		tk = key, key = tkey, tkey = tk;
		ti = idx, idx = tidx, tidx = ti;
	}
	if (key != k0)
	{
		memcpy(k0, key, sizeof(uint64_t) * (size_t) n);
		if (idx != NULL)
			memcpy(i0, idx, sizeof(uint32_t) * (size_t) n);
	}
}

/* the Spearman-to-Pearson map of normal scores, exact at -1, 0 and 1 */
static double
pearson_of_rank(double r)
{
	if (r == 1.0 || r == -1.0 || r == 0.0)
		return r;
	return 2.0 * sin(M_PI * r / 6.0);
}

/* factor of the adjusted target into lc/dc, or of the target itself (already checked PSD) */
static void
target_factor(int k, const double *target, double *lc, double *dc)
{
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			lc[(size_t) i * k + j] = pearson_of_rank(target[(size_t) i * k + j]);
	if (abz_dep_chol(lc, k, k, dc) < 0)
		return;
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			lc[(size_t) i * k + j] = target[(size_t) i * k + j];
	(void) abz_dep_chol(lc, k, k, dc);
}

/* the score matrix S: column j holds the scores in the order of permutation j */
static void
build_scores(int k, int32_t n, uint64_t seed, double *s, double *score, uint32_t *perm)
{
	const AbzParam std = {.dist = ABZ_NORMAL, .a = 0.0, .b = 1.0};

	for (int32_t i = 0; i < n; i++)
		score[i] = abz_param_quantile(&std, (double) (i + 1) / ((double) n + 1.0));
	for (int j = 0; j < k; j++)
	{
		abz_dep_permutation(seed, ABZ_IC_TAG, (uint32_t) j, n, perm);
		for (int32_t i = 0; i < n; i++)
			s[(size_t) i * k + j] = score[perm[i]];
	}
}

/*
 * E, the sample correlation of S's columns, into the upper triangle of le
 * and its factor below; false if E is singular (then L_E = I is used).
 * Every column is a permutation of the same scores, so all share their
 * mean and sum of squares.
 */
static bool
score_factor(int k, int32_t n, const double *s, const double *score, double *le, double *de)
{
	double		mean = 0.0,
				ss = 0.0;

	for (int32_t i = 0; i < n; i++)
		mean += score[i];
	mean /= (double) n;
	for (int32_t i = 0; i < n; i++)
		ss += (score[i] - mean) * (score[i] - mean);
	if (!(ss > 0.0))
		return false;
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			le[(size_t) i * k + j] = 0.0;
	for (int32_t r = 0; r < n; r++)
	{
		const double *row = s + (size_t) r * k;

		for (int i = 0; i < k; i++)
		{
			double		di = row[i] - mean;
			double	   *ei = le + (size_t) i * k;

			for (int j = i + 1; j < k; j++)
				ei[j] += di * (row[j] - mean);
		}
	}
	for (int i = 0; i < k; i++)
		for (int j = i + 1; j < k; j++)
			le[(size_t) i * k + j] /= ss;
	if (abz_dep_chol(le, k, k, de) >= 0)
		return false;
	for (int i = 0; i < k; i++)
		if (de[i] < 1e-4)		/* a pivot below 1e-8: numerically singular */
			return false;
	return true;
}

/* every row t = L_C inv(L_E) s (as row vectors: T = S inv(L_E)' L_C'), in place */
static void
mix_rows(int k, int32_t n, double *s, const double *lc, const double *dc,
		 const double *le, const double *de, bool use_e, double *y)
{
	for (int32_t r = 0; r < n; r++)
	{
		double	   *row = s + (size_t) r * k;

		for (int j = 0; j < k; j++)
		{
			double		t = row[j];

			if (use_e)
			{
				for (int m = 0; m < j; m++)
					t -= le[(size_t) j * k + m] * y[m];
				t /= de[j];
			}
			y[j] = t;
		}
		for (int j = 0; j < k; j++)
		{
			double		t = dc[j] * y[j];

			for (int m = 0; m < j; m++)
				t += lc[(size_t) j * k + m] * y[m];
			row[j] = t;
		}
	}
}

/*
 * Column j takes its sorted values in the rank order of T's column j: sort
 * the trials by T (ties by trial index, the sort being stable), sort the
 * values, give the q-th smallest value to the q-th trial.  key, tkey hold
 * n keys, idx, tidx n indices.
 */
static void
reorder_column(int k, int32_t n, int j, const double *t, double *col, uint64_t *key,
			   uint64_t *tkey, uint32_t *idx, uint32_t *tidx)
{
	for (int32_t r = 0; r < n; r++)
	{
		key[r] = key_of(t[(size_t) r * k + j]);
		idx[r] = (uint32_t) r;
	}
	radix_sort(n, key, idx, tkey, tidx);
	for (int32_t r = 0; r < n; r++)
		key[r] = key_of(col[r]);
	radix_sort(n, key, NULL, tkey, NULL);
	for (int32_t q = 0; q < n; q++)
		col[idx[q]] = double_of(key[q]);
}

/* false and err if a column holds a value that is not finite */
static bool
check_columns(int k, int32_t n, double *const *cols, AbzError *err)
{
	for (int j = 0; j < k; j++)
		for (int32_t i = 0; i < n; i++)
			if (!isfinite(cols[j][i]))
				return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
								 "column %d of the correlated inputs holds a non-finite value "
								 "at trial %d", j + 1, (int) i);
	return true;
}

/* the Iman–Conover rearrangement (see depend.h) */
bool
abz_ic_rearrange(int k, int32_t n, double *const *cols, const double *target,
				 uint64_t seed, void *scratch, AbzError *err)
{
	Layout		L;
	char	   *base = scratch;
	double	   *s,
			   *lc,
			   *le;
	bool		use_e;

	memset(err, 0, sizeof(*err));
	if (!layout(k, n, &L))
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "%d correlated inputs and %d trials are out of range", k, (int) n);
	if (k == 0)
		return true;
	s = (double *) (base + L.s);
	lc = (double *) (base + L.lc);
	le = (double *) (base + L.le);
	memcpy(lc, target, sizeof(double) * (size_t) k * (size_t) k);
	if (!abz_corr_check(k, lc, NULL, err) || !check_columns(k, n, cols, err))
		return false;
	if (k == 1 || n <= 1)
		return true;
	target_factor(k, target, lc, (double *) (base + L.dc));
	build_scores(k, n, seed, s, (double *) (base + L.work),
				 (uint32_t *) (base + L.work + sizeof(double) * (size_t) n));
	use_e = score_factor(k, n, s, (double *) (base + L.work), le, (double *) (base + L.de));
	mix_rows(k, n, s, lc, (double *) (base + L.dc), le, (double *) (base + L.de), use_e,
			 (double *) (base + L.y));
	{
		uint64_t   *key = (uint64_t *) (base + L.work);
		uint32_t   *idx = (uint32_t *) (key + 2 * (size_t) n);

		for (int j = 0; j < k; j++)
			reorder_column(k, n, j, s, cols[j], key, key + n, idx, idx + n);
	}
	return true;
}
