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

/*
 * argument n checked, read up to the end of part (ABZ_SIM_PART_*) and at
 * least want bytes when of version 3, whole before; its layout into L if not NULL
 */
AbzSimHeader *sim_arg_part(FunctionCallInfo fcinfo, int n, int part, size_t want,
						   AbzSimLayout *L);

/* argument n read up to the end of part (a version 3 prefix) */
#define PG_GETARG_SIM_PART(n, part) sim_arg_part(fcinfo, (n), (part), 0, NULL)

#endif							/* ABZ_SIMVAL_PG_H */
