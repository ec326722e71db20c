/*
 * depend.c — the random streams and the matrix algebra of the dependence
 * module: Latin hypercube uniforms, keyed permutations, a Cholesky factor
 * that accepts singular (positive semi-definite) correlation matrices, and
 * the check of a correlation target, whose error names the smallest set of
 * inputs it can find whose correlations cannot hold together.
 *
 * Counter layout (see depend.h): element i of the stream with identifier id
 * and tag is the Philox4x32-10 block of counter (i, id, tag, 0xFFFFFFFF)
 * under the seed; a trial stream's fourth counter word is the high half of
 * its trial index, 0 for every trial index below 2^32, so the streams never
 * meet.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "depend_int.h"
#include "rng.h"

/* the most inputs of a failing set that are searched for a smaller failing set */
#define MINIMISE_MAX	16

/* the block of element i of the stream (tag, id) under key */
static inline void
dep_block(const uint32_t key[2], uint32_t i, uint32_t id, uint32_t tag, uint32_t out[4])
{
	const uint32_t ctr[4] = {i, id, tag, 0xFFFFFFFFu};

	abz_philox4x32(key, ctr, out);
}

/*
 * A uniform integer in [0, bound) from 64 random bits (words w[0] low, w[1]
 * high): the high half of x * bound.  Each value has probability within
 * bound / 2^64 < 2^-33 of 1 / bound.
 */
static inline uint32_t
dep_below(const uint32_t w[2], uint32_t bound)
{
	uint64_t	x = ((uint64_t) w[1] << 32) | w[0];

	return (uint32_t) (((unsigned __int128) x * bound) >> 64);
}

/* the seed as a Philox key, low half first (as rng.c) */
static inline void
dep_key(uint64_t seed, uint32_t key[2])
{
	key[0] = (uint32_t) seed;
	key[1] = (uint32_t) (seed >> 32);
}

/* n Latin hypercube uniforms of one input (see depend.h) */
void
abz_lhs_uniforms(uint64_t seed, uint32_t input_key, int32_t n, double *out)
{
	uint32_t	key[2];
	double		dn = (double) n;

	if (n <= 0)
		return;
	dep_key(seed, key);
	for (int32_t i = 0; i < n; i++)
		out[i] = (double) i;

	/*
	 * Fisher–Yates from the end: once position i is swapped, its stratum is
	 * final, so the block of i also gives its offset v_i (words 2, 3: the
	 * top 52 bits k, v = (k + 0.5) 2^-52 as abz_rng_uniform()).  (s + v) / n
	 * may round up to (s + 1) / n: then the largest double below it.
	 */
	for (int32_t i = n - 1; i >= 0; i--)
	{
		uint32_t	w[4];
		double		s,
					v,
					x,
					hi;

		dep_block(key, (uint32_t) i, input_key, ABZ_LHS_TAG, w);
		if (i > 0)
		{
			uint32_t	j = dep_below(w, (uint32_t) i + 1);

			s = out[j];
			out[j] = out[i];
			out[i] = s;
		}
		s = out[i];
		v = ((double) ((((uint64_t) w[3] << 32) | w[2]) >> 12) + 0.5) * 0x1.0p-52;
		x = (s + v) / dn;
		hi = (s + 1.0) / dn;
		out[i] = x < hi ? x : nextafter(hi, 0.0);
	}
}

/* a keyed permutation of 0..n-1 (see depend_int.h) */
void
abz_dep_permutation(uint64_t seed, uint32_t tag, uint32_t id, int32_t n, uint32_t *perm)
{
	uint32_t	key[2];

	dep_key(seed, key);
	for (int32_t i = 0; i < n; i++)
		perm[i] = (uint32_t) i;
	for (int32_t i = n - 1; i > 0; i--)
	{
		uint32_t	w[4],
					j,
					t;

		dep_block(key, (uint32_t) i, id, tag, w);
		j = dep_below(w, (uint32_t) i + 1);
		t = perm[j];
		perm[j] = perm[i];
		perm[i] = t;
	}
}

/* Cholesky factor of a PSD correlation matrix held in the upper triangle (see depend_int.h) */
int
abz_dep_chol(double *a, int ld, int s, double *diag)
{
	for (int j = 0; j < s; j++)
	{
		double	   *lj = a + (size_t) j * ld;
		double		d = 1.0;

		for (int i = 0; i < j; i++)
		{
			const double *li = a + (size_t) i * ld;
			double		r = li[j];	/* C_ij, upper triangle */

			for (int m = 0; m < i; m++)
				r -= lj[m] * li[m];
			if (diag[i] > 0.0)
				lj[i] = r / diag[i];
			else if (fabs(r) > ABZ_DEP_RES_TOL)
				return j;
			else
				lj[i] = 0.0;
			d -= lj[i] * lj[i];
		}
		if (d < -ABZ_DEP_PIV_TOL)
			return j;
		diag[j] = d > ABZ_DEP_PIV_TOL ? sqrt(d) : 0.0;
	}
	return -1;
}

/* the upper triangle of a copied into its lower triangle */
static void
restore_lower(double *a, int k)
{
	for (int i = 1; i < k; i++)
		for (int j = 0; j < i; j++)
			a[(size_t) i * k + j] = a[(size_t) j * k + i];
}

/* the names of rows i and j into ni, nj */
static void
pair_names(AbzDepName name, const void *ctx, int i, int j, char *ni, char *nj)
{
	name(ctx, i, ni, ABZ_DEP_NAME_MAX);
	name(ctx, j, nj, ABZ_DEP_NAME_MAX);
}

/* the first entry out of [-1, 1], off the unit diagonal or asymmetric; false and err */
static bool
check_entries(int k, const double *a, AbzDepName name, const void *ctx, AbzError *err)
{
	char		ni[ABZ_DEP_NAME_MAX],
				nj[ABZ_DEP_NAME_MAX],
				b1[ABZ_NUM_TEXT],
				b2[ABZ_NUM_TEXT];

	for (int i = 0; i < k; i++)
		for (int j = i; j < k; j++)
		{
			double		u = a[(size_t) i * k + j],
						l = a[(size_t) j * k + i];

			if (i == j && u == 1.0)
				continue;
			if (i == j || !(u >= -1.0 && u <= 1.0) || l != u)
				pair_names(name, ctx, i, j, ni, nj);
			if (i == j)
				return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
								 "correlation of %s with itself must be 1, got %s",
								 ni, abz_num_text(u, b1));
			if (!(u >= -1.0 && u <= 1.0))
				return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
								 "correlation of %s and %s must be in [-1, 1], got %s",
								 ni, nj, abz_num_text(u, b1));
			if (l != u)
				return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
								 "correlation of %s and %s is given as both %s and %s",
								 ni, nj, abz_num_text(u, b1), abz_num_text(l, b2));
		}
	return true;
}

/*
 * The inputs of rows 0..j linked to row j by a chain of non-zero
 * correlations among rows 0..j, ascending, into set; returns their count.
 * A factor of a matrix whose rows split into unlinked groups is the
 * factors of the groups, so row j's failure is its group's.
 */
static int
linked_rows(int k, const double *a, int j, int *set)
{
	bool		seen[ABZ_CORR_MAX_K] = {false};
	int			queue[ABZ_CORR_MAX_K];
	int			head = 0,
				tail = 0,
				n = 0;

	seen[j] = true;
	queue[tail++] = j;
	while (head < tail)
	{
		int			r = queue[head++];

		for (int c = 0; c <= j; c++)
			if (!seen[c] && a[(size_t) (r < c ? r : c) * k + (r < c ? c : r)] != 0.0)
			{
				seen[c] = true;
				queue[tail++] = c;
			}
	}
	for (int r = 0; r <= j; r++)
		if (seen[r])
			set[n++] = r;
	return n;
}

/* whether the rows set[0..n-1] except skip (-1: none) form a PSD matrix; n <= MINIMISE_MAX */
static bool
subset_psd(int k, const double *a, const int *set, int n, int skip)
{
	double		sub[MINIMISE_MAX * MINIMISE_MAX],
				diag[MINIMISE_MAX];
	int			rows[MINIMISE_MAX],
				s = 0;

	for (int i = 0; i < n; i++)
		if (i != skip)
			rows[s++] = set[i];
	for (int i = 0; i < s; i++)
		for (int j = i + 1; j < s; j++)
			sub[i * MINIMISE_MAX + j] = a[(size_t) rows[i] * k + rows[j]];
	return abz_dep_chol(sub, MINIMISE_MAX, s, diag) < 0;
}

/* drop, one by one in order, every input whose removal leaves the set failing */
static int
minimise_set(int k, const double *a, int *set, int n)
{
	if (n > MINIMISE_MAX)
		return n;
	for (int i = 0; i < n;)
	{
		if (!subset_psd(k, a, set, n, i))
		{
			memmove(&set[i], &set[i + 1], sizeof(int) * (size_t) (n - i - 1));
			n--;
		}
		else
			i++;
	}
	return n;
}

/* the error for a set of rows whose correlations are not PSD */
static bool
psd_error(const int *set, int n, AbzDepName name, const void *ctx, AbzError *err)
{
	char		list[200],
				nm[ABZ_DEP_NAME_MAX];
	size_t		used = 0;
	int			shown = 0;

	list[0] = '\0';
	for (; shown < n; shown++)
	{
		name(ctx, set[shown], nm, sizeof(nm));
		if (used + strlen(nm) + 2 + 24 >= sizeof(list))
			break;
		used += (size_t) snprintf(list + used, sizeof(list) - used, "%s%s",
								  shown > 0 ? ", " : "", nm);
	}
	if (shown < n)
		snprintf(list + used, sizeof(list) - used, " and %d more", n - shown);
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
			  "correlations of %s are not positive semi-definite", list);
	snprintf(err->detail, sizeof(err->detail),
			 "No joint distribution has these rank correlations together: their matrix must be "
			 "positive semi-definite (two inputs that both rise with a third cannot fall with "
			 "each other).");
	snprintf(err->hint, sizeof(err->hint), "Weaken the correlations among these inputs.");
	return false;
}

/* abz_corr_check() with a name callback (see depend_int.h) */
bool
abz_dep_check(int k, double *a, AbzDepName name, const void *ctx, AbzError *err)
{
	double		diag[ABZ_CORR_MAX_K];
	int			set[ABZ_CORR_MAX_K];
	int			j,
				n;

	memset(err, 0, sizeof(*err));
	if (k < 0 || k > ABZ_CORR_MAX_K)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "%d correlated inputs, more than the limit of %d", k, ABZ_CORR_MAX_K);
	if (!check_entries(k, a, name, ctx, err))
		return false;
	j = abz_dep_chol(a, k, k, diag);
	restore_lower(a, k);
	if (j < 0)
		return true;
	n = minimise_set(k, a, set, linked_rows(k, a, j, set));
	return psd_error(set, n, name, ctx, err);
}

/* a row name from an array of names, or "column i+1" */
static void
array_name(const void *ctx, int i, char *buf, size_t cap)
{
	const char *const *names = ctx;

	if (names != NULL && names[i] != NULL)
		snprintf(buf, cap, "%s", names[i]);
	else
		snprintf(buf, cap, "column %d", i + 1);
}

/* check a correlation target (see depend.h) */
bool
abz_corr_check(int k, double *target, const char *const *names, AbzError *err)
{
	return abz_dep_check(k, target, array_name, names, err);
}
