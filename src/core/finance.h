/*
 * finance.h — discounting and internal rates of return: NPV/IRR of periodic
 * flows and the dated cash-flow lists behind the XNPV/XIRR aggregates.
 *
 * Pure C, no PostgreSQL headers.  A cash-flow list (AbzCashflows) is the
 * exact in-memory and on-disk body of an aibiz.cashflows value (the fmgr
 * glue prefixes an 8-byte varlena header): per date one amount, held as an
 * exact Q95.32 sum (fixed.h), so merging lists in any order gives the same
 * value bit for bit.
 */
#ifndef ABZ_FINANCE_H
#define ABZ_FINANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cashflows.h"
#include "spec.h"

/* called once per step of a long loop (the glue checks for interrupts) */
typedef void (*AbzTick) (void);

/* the rate range scanned for roots: 1 + r in [ABZ_IRR_SCAN_LO, ABZ_IRR_SCAN_HI] */
#define ABZ_IRR_SCAN_LO		0.01	/* r = -0.99 */
#define ABZ_IRR_SCAN_HI		10001.0	/* r = 10000 (1,000,000 %) */
#define ABZ_IRR_SCAN_STEP	0.0025	/* grid step in ln(1 + r) */

/*
 * NPV of flows[0..n-1] at t = t0, t0 + 1, ...: sum flows[i] / (1 + rate)^(t0 + i).
 * rate must exceed -1.  False with err (22023 domain, 22003 overflow).
 */
bool		abz_npv(double rate, const double *flows, size_t n, int t0,
					double *out, AbzError *err);

/*
 * IRR of flows at t = 0, 1, ...: Newton from guess, else the sign-change
 * root of the scanned range nearest to guess.  *found is false (and *out
 * untouched) when no root exists; err is set for bad input only.
 */
bool		abz_irr(const double *flows, size_t n, double guess, double *out,
					bool *found, AbzError *err, AbzTick tick);

/*
 * Every sign-change root of the NPV of flows in the scanned range, in
 * ascending order, into roots (room for cap); returns how many there are
 * (possibly more than cap) or -1 with err on bad input.
 */
long		abz_irr_all(const double *flows, size_t n, double *roots, size_t cap,
						AbzError *err, AbzTick tick);

/*
 * XNPV of a normalised list: sum a_i / (1 + rate)^((d_i - d_0) / 365), d_0
 * the earliest date.  False with err (domain: rate <= -1; overflow).
 * An empty list gives 0 (the glue returns NULL for no rows).
 */
bool		abz_xnpv(const AbzCashflows *cf, double rate, double *out, AbzError *err);

/* XIRR of a normalised list (Newton from 0.1, else the scanned root nearest 0.1) */
bool		abz_xirr(const AbzCashflows *cf, double *out, bool *found,
					 AbzError *err, AbzTick tick);

#endif							/* ABZ_FINANCE_H */
