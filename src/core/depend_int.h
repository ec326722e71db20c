/*
 * depend_int.h — what the files of the dependence module share: keyed
 * permutations, the positive semi-definite Cholesky factor and the matrix
 * check with a name callback.  Not part of the module's interface.
 */
#ifndef ABZ_DEPEND_INT_H
#define ABZ_DEPEND_INT_H

#include <stddef.h>
#include <stdint.h>

#include "depend.h"

/* pivots of a Cholesky factor at or below this count as zero (singular, still PSD) */
#define ABZ_DEP_PIV_TOL		1e-10
/* after a zero pivot, the rest of its column must be this close to zero */
#define ABZ_DEP_RES_TOL		1e-5

/* bytes of a row name in messages, NUL included (a path is at most 96) */
#define ABZ_DEP_NAME_MAX	100

/* writes the name of matrix row i (at most cap bytes, NUL included) */
typedef void (*AbzDepName) (const void *ctx, int i, char *buf, size_t cap);

/*
 * perm[0..n-1] = a permutation of 0..n-1, Fisher–Yates from the last
 * position down, position i swapped with one uniform in [0, i] drawn from
 * the block of counter (i, id, tag, 0xFFFFFFFF) keyed by seed.
 */
void		abz_dep_permutation(uint64_t seed, uint32_t tag, uint32_t id, int32_t n,
								uint32_t *perm);

/*
 * Cholesky factor of the s x s correlation matrix whose strict upper
 * triangle is held in a (row stride ld; the diagonal is taken as 1 and never
 * read).  The strict lower triangle of a receives the factor, diag its
 * diagonal; the upper triangle is not written.  Pivots at or below
 * ABZ_DEP_PIV_TOL are zero (their column then must vanish within
 * ABZ_DEP_RES_TOL).  Returns -1 if the matrix is positive semi-definite
 * within these tolerances, else the first row j such that rows 0..j are not.
 */
int			abz_dep_chol(double *a, int ld, int s, double *diag);

/*
 * abz_corr_check() with row names from a callback: a is used as workspace
 * (its strict lower triangle) and restored exactly.
 */
bool		abz_dep_check(int k, double *a, AbzDepName name, const void *ctx, AbzError *err);

#endif							/* ABZ_DEPEND_INT_H */
