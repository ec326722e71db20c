/*
 * depend_pg.h — the fmgr glue of correlated inputs: reading the
 * correlations argument of aibiz.simulate, a jsonb object
 * {"pathA|pathB": rho, ...}, into the pair lists abz_corr_resolve() takes.
 */
#ifndef ABZ_DEPEND_PG_H
#define ABZ_DEPEND_PG_H

#include "postgres.h"
#include "utils/jsonb.h"

/*
 * The pairs of a correlations object, palloc'd: (*a)[p] and (*b)[p] the two
 * paths of key p (split at its one "|", each NUL-terminated), (*rho)[p] its
 * value as float8.  22023 with the expected form in the hint unless j is an
 * object whose keys are "pathA|pathB" and whose values are numbers in
 * [-1, 1]; 54000 beyond ABZ_CORR_MAX_PAIRS pairs.  An empty object gives
 * *npairs = 0.
 */
void		abz_corr_from_jsonb(Jsonb *j, int *npairs, char ***a, char ***b, double **rho);

#endif							/* ABZ_DEPEND_PG_H */
