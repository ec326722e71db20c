/*
 * cashflows_glue.h — what the fmgr glue of other aggregates borrows from the
 * aibiz.cashflows glue (finance.c): exact, order-independent sums of
 * amounts under integer keys, with the in-place transition of the finance
 * aggregates.
 */
#ifndef ABZ_CASHFLOWS_GLUE_H
#define ABZ_CASHFLOWS_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "finance.h"

/*
 * Transition: add amount under key (a day from 2000-01-01, or any integer
 * key) to the list state, in place when called as an aggregate transition;
 * errors name what.
 */
Datum		abz_cf_add_keyed(FunctionCallInfo fcinfo, Datum state, double amount,
							 int32 key, const char *what);

/* the canonical (sorted, merged) list of a cashflows datum, never modifying it */
AbzCashflows *abz_cf_canonical(Datum d);

#endif							/* ABZ_CASHFLOWS_GLUE_H */
