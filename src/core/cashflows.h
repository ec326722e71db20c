/*
 * cashflows.h — the dated cash-flow lists behind aibiz.cashflows and the
 * XNPV/XIRR aggregates: per date one amount, held as an exact Q95.32 sum
 * (fixed.h), so merging lists in any order gives the same value bit for bit.
 *
 * Pure C, no PostgreSQL headers.  An AbzCashflows is the exact in-memory and
 * on-disk body of an aibiz.cashflows value (the fmgr glue prefixes an 8-byte
 * varlena header).
 */
#ifndef ABZ_CASHFLOWS_H
#define ABZ_CASHFLOWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fixed.h"
#include "spec.h"

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

/*
 * Largest magnitude (inclusive) of a stored amount: 2^126 raw, about 2e28 in
 * money units, the range text input reads.  Sums beyond it are an overflow.
 */
#define ABZ_CF_AMOUNT_LIMIT		(((abz_fixed) 1) << 126)

/* bytes of the binary form: version, flags, rate, count, then per date day, hi, lo */
#define ABZ_CF_WIRE_HEADER		14
#define ABZ_CF_WIRE_FLOW		20
#define ABZ_CF_WIRE_SIZE(n)		(ABZ_CF_WIRE_HEADER + (size_t) (n) * ABZ_CF_WIRE_FLOW)

/* true if x is an amount a list may hold */
static inline bool
abz_cf_amount_ok(abz_fixed x)
{
	return x >= -ABZ_CF_AMOUNT_LIMIT && x <= ABZ_CF_AMOUNT_LIMIT;
}

/*
 * Check the structure of a list of size bytes (version, flags, padding,
 * lengths, rate): O(1), done on every read of a stored value.  canonical
 * also demands the canonical form and checks every flow (sorted unique
 * dates in range, amounts within ABZ_CF_AMOUNT_LIMIT), as input does.
 */
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
 * Binary form (big-endian): version byte, flags byte, rate float8, int32
 * count, then per date int32 day, int64 high and low halves of the amount.
 * Decode checks every length against len before calling alloc (once, for
 * ABZ_CF_SIZE(count) zeroed bytes) and accepts exactly what text input
 * accepts; the result is canonical.  NULL and err (ABZ_ERR_BINARY, or
 * ABZ_ERR_DOMAIN for a bad rate) otherwise; memory from alloc is not freed.
 */
AbzCashflows *abz_cf_decode(const unsigned char *buf, size_t len, AbzAlloc alloc,
							AbzError *err);

/* the binary form of a normalised list into buf (cap bytes); returns its size */
size_t		abz_cf_encode(const AbzCashflows *cf, unsigned char *buf, size_t cap);

#endif							/* ABZ_CASHFLOWS_H */
