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

#include "fixed.h"
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

/* ---- dated cash flows ---- */

#define ABZ_CASHFLOWS_VERSION	1
#define ABZ_CF_HAS_RATE			0x01	/* rate is set (an xnpv state) */
#define ABZ_CF_MAX_DATES		4000000	/* distinct dates in one list */
/* day numbers are days from 2000-01-01, the range of a PostgreSQL date */
#define ABZ_DAY_MIN				(-2451545)
#define ABZ_DAY_MAX				(2147483494 - 2451545 - 1)

/* One date and its exact summed amount (24 bytes, 8-aligned). */
typedef struct AbzFlow
{
	int32_t		day;			/* days from 2000-01-01 */
	int32_t		pad;			/* always zero */
	int64_t		hi;				/* Q95.32 amount, high half (abz_fixed_split) */
	uint64_t	lo;				/* low half */
} AbzFlow;

/*
 * A list of dated flows.  flows[0..nsorted-1] is sorted by day with unique
 * days; flows[nsorted..n-1] is an unsorted tail of appended flows; flows
 * [n..cap-1] is zeroed room.  A canonical list (the only form text and
 * binary input accept, and the only form they output) has
 * nsorted == n == cap.  Header is 24 bytes.
 */
typedef struct AbzCashflows
{
	uint8_t		version;		/* ABZ_CASHFLOWS_VERSION */
	uint8_t		flags;			/* ABZ_CF_* */
	uint8_t		pad[2];			/* always zero */
	uint32_t	n;				/* flows in use */
	uint32_t	nsorted;		/* sorted, unique prefix */
	uint32_t	cap;			/* room */
	double		rate;			/* xnpv rate when ABZ_CF_HAS_RATE, else 0 */
	AbzFlow		flows[];
} AbzCashflows;

#define ABZ_CF_SIZE(cap)	(offsetof(AbzCashflows, flows) + (size_t) (cap) * sizeof(AbzFlow))

/* an empty list with room for cap flows in mem (ABZ_CF_SIZE(cap) bytes) */
AbzCashflows *abz_cf_init(void *mem, uint32_t cap);

/* check the structure of a list of size bytes; canonical demands the canonical form */
bool		abz_cf_check(const AbzCashflows *cf, size_t size, bool canonical, AbzError *err);

/* set or check the xnpv rate of a list (every row must give the same rate) */
bool		abz_cf_set_rate(AbzCashflows *cf, double rate, AbzError *err);

/* append one flow (n < cap); false with err for a bad date or amount */
bool		abz_cf_append(AbzCashflows *cf, int32_t day, double amount, AbzError *err);

/*
 * Sort the tail and merge it into the sorted prefix, summing equal days;
 * scratch has room for cf->n flows.  Afterwards nsorted == n (cap unchanged).
 */
bool		abz_cf_normalize(AbzCashflows *cf, AbzFlow *scratch, AbzError *err);

/*
 * Merge two normalised lists into out (room for a->n + b->n flows); rates
 * must agree when both are set.  out's cap is left as given by abz_cf_init.
 */
bool		abz_cf_merge(const AbzCashflows *a, const AbzCashflows *b,
						 AbzCashflows *out, AbzError *err);

/* a normalised list's flow i as a double */
double		abz_cf_amount(const AbzFlow *f);

/*
 * Text of a normalised list into buf (cap bytes, NUL-terminated when
 * cap > 0); returns the length the full text needs, like snprintf.
 * Format: "v1", then " rate=<float8>" for an xnpv state, then one
 * " YYYY-MM-DD:<raw Q95.32 integer>" per date.  fmt formats the rate.
 */
size_t		abz_cf_format(const AbzCashflows *cf, char *buf, size_t cap,
						  AbzNumFormat fmt);

/* upper bound of the flows a text of len bytes can hold */
size_t		abz_cf_text_max_flows(size_t len);

/* parse text (len bytes) into out (room for maxflows); demands canonical input */
bool		abz_cf_parse(const char *text, size_t len, AbzCashflows *out,
						 uint32_t maxflows, AbzError *err);

/* days from 2000-01-01 to and from a proleptic Gregorian date */
int64_t		abz_days_from_civil(int64_t y, int m, int d);
void		abz_civil_from_days(int64_t z, int64_t *y, int *m, int *d);

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
