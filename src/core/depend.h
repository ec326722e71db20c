/*
 * depend.h — dependence between the once-per-trial inputs of a simulation:
 * Latin hypercube uniforms, the check of a rank-correlation target, the
 * Iman–Conover rearrangement that imposes it, and the resolution of input
 * paths ("usage.units", "subscription[2].price", "competition.freq") to the
 * inputs a model samples once per trial.
 *
 * Pure C, no PostgreSQL headers, no allocation: the caller passes every
 * buffer.  Every result is a deterministic function of the seed and the
 * identifiers passed in, whatever the thread or the order of calls.
 *
 * Random streams.  The trial streams of rng.h use the Philox counter
 * (draw, stream, trial low, trial high), under the seed or a market key,
 * with a trial index below 2^31.  The streams here set the counter's high
 * word to 0xFFFFFFFF and its third word to a tag, so they cannot meet a
 * trial stream under any key:
 *
 *   Latin hypercube, input key q, element i:  (i, q, 0xFFFFFFFF, 0xFFFFFFFF)
 *   Iman–Conover score column j, element i:    (i, j, 0xFFFFFFFE, 0xFFFFFFFF)
 *
 * one Philox4x32-10 block per element, keyed by the seed (low half first).
 */
#ifndef ABZ_DEPEND_H
#define ABZ_DEPEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "spec.h"

/* the most inputs a correlation matrix may have: what a model samples once per trial */
#define ABZ_CORR_MAX_K		(ABZ_MAX_TERMS * 16)
/* the most trials the rearrangement accepts */
#define ABZ_CORR_MAX_N		INT32_MAX
/* the most pairs: every distinct pair of ABZ_CORR_MAX_K inputs */
#define ABZ_CORR_MAX_PAIRS	(ABZ_CORR_MAX_K * (ABZ_CORR_MAX_K - 1) / 2)

/* the counter tags (third counter word) of the streams above */
#define ABZ_LHS_TAG			0xFFFFFFFFu
#define ABZ_IC_TAG			0xFFFFFFFEu

/*
 * n Latin hypercube uniforms of one input: out[i] = (perm[i] + v_i) / n,
 * perm a permutation of 0..n-1 and v_i in (0, 1), both from the stream of
 * (seed, input_key).  Each stratum [s/n, (s+1)/n) receives exactly one
 * value and every value lies in the open interval (0, 1).  n <= 0 writes
 * nothing.
 */
void		abz_lhs_uniforms(uint64_t seed, uint32_t input_key, int32_t n, double *out);

/*
 * Check a k x k correlation target (row-major): finite entries in [-1, 1],
 * unit diagonal, symmetric, positive semi-definite within 1e-10 (a singular
 * matrix, e.g. a pair at 1 or -1, is accepted).  names[i] names row i in
 * messages (NULL: "column i+1").  The lower triangle is used as workspace
 * and restored exactly before returning.  False and err (ABZ_ERR_DOMAIN)
 * naming the pair, or the set of inputs whose correlations cannot hold
 * together.
 */
bool		abz_corr_check(int k, double *target, const char *const *names, AbzError *err);

/*
 * Bytes of scratch abz_ic_rearrange() needs for k columns of n values; 0 if
 * k or n is out of range (negative, k > ABZ_CORR_MAX_K) or the size does
 * not fit in size_t.  Never 0 otherwise.
 */
size_t		abz_ic_scratch(int k, int32_t n);

/*
 * Iman–Conover: rearrange the n values of each column cols[0..k-1] (each a
 * permutation of itself: the values, hence the marginals, are unchanged) so
 * that their Spearman rank correlations approximate target (k x k,
 * row-major, checked as abz_corr_check does).  Van der Waerden scores
 * Phi^-1(i/(n+1)), one independent keyed permutation per column, corrected
 * for their sample correlation, mixed by the Cholesky factor of the target
 * (adjusted to 2 sin(pi r / 6) when that stays positive semi-definite);
 * each column then takes its sorted values in the rank order of its mixed
 * scores, ties broken by trial index.  k <= 1 or n <= 1 leaves the columns
 * as they are.  scratch has abz_ic_scratch(k, n) bytes, 8-byte aligned (as
 * palloc and malloc return it).
 * False and err (ABZ_ERR_DOMAIN: a bad target or a non-finite value;
 * ABZ_ERR_LIMIT: k or n out of range) leave the columns untouched.
 */
bool		abz_ic_rearrange(int k, int32_t n, double *const *cols, const double *target,
							 uint64_t seed, void *scratch, AbzError *err);

/*
 * Resolve npairs correlations a[p] | b[p] = rho[p] against a prepared model
 * m and its specs (risk may be NULL).  Paths use the grammar of aibiz.set()
 * (term, term[n], key, risk.strategy.key); "team", a term of a plan and a
 * risk, is looked up in both.  The matrix rows are the inputs
 * named in any pair, by ascending model index: *k_out rows, index_out[r]
 * the model's once-per-trial index (abz_model_rand_source) of row r,
 * target_out the k x k matrix (unit diagonal, unnamed pairs 0).  index_out
 * has room for min(2 * npairs, abz_model_nrand(m)) ints and target_out for
 * the square of that many doubles.  False and err (ABZ_ERR_DOMAIN) for an
 * unknown path, a path that is not sampled once per trial (a constant, a
 * per-event risk impact, a strategy or mode), a self pair, a pair given
 * twice, a rho outside [-1, 1], or a matrix abz_corr_check() refuses.
 */
bool		abz_corr_resolve(const AbzModel *m, const AbzSpec *revenue, const AbzSpec *risk,
							 const AbzSpec *plan, int npairs, const char *const *a,
							 const char *const *b, const double *rho, int *k_out,
							 int *index_out, double *target_out, AbzError *err);

#endif							/* ABZ_DEPEND_H */
