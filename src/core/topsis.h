/*
 * topsis.h — TOPSIS ranking: closeness of alternatives to the ideal
 * alternative over weighted criteria (vector normalisation).
 */
#ifndef ABZ_TOPSIS_H
#define ABZ_TOPSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

/* most criteria per alternative */
#define ABZ_TOPSIS_MAX_CRITERIA 1000

/*
 * Closeness in [0, 1] of each of n alternatives, each a row of k criteria
 * in x (row-major, n * k finite values).  w holds k weights (>= 0, finite,
 * positive sum; normalised to sum 1), benefit k flags (true: larger is
 * better; NULL: all true).  scratch holds n doubles.  The result does not
 * depend on the order of the rows: column norms are summed in sorted order.
 * Where every alternative coincides with the ideal and the anti-ideal
 * (d+ = d- = 0) the closeness is 0.5.  False with err set on bad input.
 */
bool		abz_topsis(const double *x, size_t n, int k, const double *w,
					   const bool *benefit, double *scratch, double *out,
					   AbzError *err);

#endif							/* ABZ_TOPSIS_H */
