/*
 * simval_pg.h — what the fmgr glue files of aibiz.simulation share: reading
 * a stored value (detoasted, its header checked) and raising core errors.
 */
#ifndef ABZ_SIMVAL_PG_H
#define ABZ_SIMVAL_PG_H

#include "fmgr.h"

#include "simval.h"

/* the simulation inside a detoasted varlena */
#define SIM_OF(ptr)		((AbzSimHeader *) ((char *) (ptr) + ABZ_VARHDRSZ))
#define PG_GETARG_SIM(n) sim_arg(fcinfo, (n), NULL)

/* check a stored value's header (version first) against its size; XX001 if unreadable */
void		sim_check_stored(const AbzSimHeader *h, size_t size, AbzSimLayout *L);

/* argument n, detoasted and checked; its layout into L if not NULL */
AbzSimHeader *sim_arg(FunctionCallInfo fcinfo, int n, AbzSimLayout *L);

#endif							/* ABZ_SIMVAL_PG_H */
