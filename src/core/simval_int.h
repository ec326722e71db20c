/*
 * simval_int.h — helpers shared by the files that implement the simulation
 * value (simval.c, simval_build.c, simval_validate.c, simval_add.c,
 * simval_query.c, quantile.c, simwire.c); not part of the public API.
 */
#ifndef ABZ_SIMVAL_INT_H
#define ABZ_SIMVAL_INT_H

#include "simval.h"

#define ABZ_SIM_WIRE_HEADER	36		/* bytes of the header in the binary form */
#define ABZ_SIM_FX_BYTES	16		/* bytes of one fixed-point cell */
#define ABZ_SIM_WIRE_EXT	160		/* bytes of the version 2 block in the binary form */

/* round up to a multiple of 8 */
static inline size_t
abz_sim_align8(size_t n)
{
	return (n + 7) & ~(size_t) 7;
}

/* bytes of padded base64 text for n bytes */
static inline size_t
abz_sim_b64_len(size_t n)
{
	return (n + 2) / 3 * 4;
}

/* a const view of a value whose header has been checked (abz_sim_check_header) */
void		abz_sim_const_view(const AbzSimHeader *h, AbzSimView *v);

/* the summary block a value's arrays give (any version with trials >= 1) */
void		abz_sim_summary_compute(const AbzSimHeader *h, AbzSimSummary *out);

/* compare doubles for qsort */
int			abz_sim_dcmp(const void *a, const void *b);

#endif							/* ABZ_SIMVAL_INT_H */
