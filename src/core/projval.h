/*
 * projval.h — the value of aibiz.projection: the monthly series of the
 * expected path (docs/projection.md).  A projection denotes Q95.32 fixed-point
 * numbers, so that adding projections month by month (the sum aggregate) is
 * exact and does not depend on the order the rows arrive.
 *
 * Two formats, told apart by the version field (both current):
 *   1 (fixed): every number stored as a Q95.32 integer; what sums are.
 *   2 (float): every number stored as the float8 the engine computed; what
 *      aibiz.project() returns.  Its numbers are the fixed-point conversions
 *      of those float8 values (abz_fixed_from_double, round to nearest even),
 *      so every reader sees the same numbers in both formats, and the
 *      conversion is done only when projections are added.
 *
 * Pure C, no PostgreSQL headers.  An AbzProj is the exact in-memory and
 * on-disk body of a value (the fmgr glue prefixes an 8-byte varlena header):
 * a 40-byte header, then horizon x ABZ_MONTH_NFIELDS numbers in month-major
 * order (month 1's fields in ABZ_MONTH_FIELDS order, then month 2's, ...):
 * two 64-bit words each in format 1, one float8 each in format 2.  The body
 * needs only 8-byte alignment.
 */
#ifndef ABZ_PROJVAL_H
#define ABZ_PROJVAL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fixed.h"
#include "model.h"
#include "spec.h"

#define ABZ_PROJ_VERSION	1	/* format 1: Q95.32 fixed point (sums) */
#define ABZ_PROJ_VERSION_FLOAT	2	/* format 2: float8 (single projections) */

/*
 * Largest magnitude a stored number may have (exclusive): 2^126 raw, about
 * 2^94 = 2e28 in money units.  Sums that leave this range are an overflow,
 * so every stored value reads back through text and binary input.
 */
#define ABZ_PROJ_FIXED_LIMIT	(((abz_fixed) 1) << 126)

/*
 * Largest magnitude (exclusive) of a float8 in format 2: exactly the values
 * whose conversion lies inside ABZ_PROJ_FIXED_LIMIT.
 */
#define ABZ_PROJ_FLOAT_LIMIT	0x1p94

/*
 * Largest member count: 10^18 - 1, the most digits (18) the text form reads.
 * A sum beyond it is an overflow.
 */
#define ABZ_PROJ_MAX_MEMBERS	999999999999999999LL

/* One fixed-point number as two 64-bit words (8-byte aligned). */
typedef struct AbzFixWords
{
	uint64_t	lo;
	int64_t		hi;
} AbzFixWords;

/* The valuation: fixed (format 1) or float8 then 8 zero bytes (format 2). */
typedef union AbzProjNum
{
	AbzFixWords fix;
	double		flt;
} AbzProjNum;

/* A whole projection.  Header is 40 bytes, then the month values. */
typedef struct AbzProj
{
	uint32_t	version;		/* ABZ_PROJ_VERSION */
	int32_t		horizon;		/* months, 1..ABZ_MAX_HORIZON */
	int64_t		members;		/* projections summed into this one, >= 1 */
	int32_t		launch;			/* launch month (minimum over members), 1..ABZ_MAX_HORIZON */
	uint32_t	pad;			/* always zero */
	AbzProjNum	npv;			/* valuation (docs/model.md, "Valuation") */
	AbzFixWords v[];			/* horizon * ABZ_MONTH_NFIELDS values, month-major;
								 * format 2 holds float8 values here instead */
} AbzProj;

#define ABZ_PROJ_HEADER_SIZE	offsetof(AbzProj, v)
#define ABZ_PROJ_SIZE(h) \
	(ABZ_PROJ_HEADER_SIZE + (size_t) (h) * ABZ_MONTH_NFIELDS * sizeof(AbzFixWords))
#define ABZ_PROJ_MAXSIZE	ABZ_PROJ_SIZE(ABZ_MAX_HORIZON)
/* size of a format 2 (float) value */
#define ABZ_PROJ_FLOAT_SIZE(h) \
	(ABZ_PROJ_HEADER_SIZE + (size_t) (h) * ABZ_MONTH_NFIELDS * sizeof(double))

/* bytes of the binary form (after the varlena): header fields, npv, values */
#define ABZ_PROJ_BINARY_SIZE(h) \
	(4 + 4 + 8 + 4 + (size_t) (1 + (size_t) (h) * ABZ_MONTH_NFIELDS) * 16)
/* the same for format 2: every number one float8 */
#define ABZ_PROJ_FLOAT_BINARY_SIZE(h) \
	(4 + 4 + 8 + 4 + (size_t) (1 + (size_t) (h) * ABZ_MONTH_NFIELDS) * 8)

/* true if p is in format 2 (float) */
static inline bool
abz_proj_is_float(const void *p)
{
	return ((const uint32_t *) p)[0] == ABZ_PROJ_VERSION_FLOAT;
}

/* the float8 values of a format 2 value */
static inline const double *
abz_proj_floats(const void *p)
{
	return (const double *) ((const char *) p + ABZ_PROJ_HEADER_SIZE);
}

/*
 * The month area of a format 2 value being built (ABZ_PROJ_FLOAT_SIZE
 * bytes at p), as the engine's months: abz_model_project() can write there
 * and abz_proj_build_float() then only fills the header and checks.
 */
static inline AbzMonth *
abz_proj_float_months(AbzProj *p)
{
	return (AbzMonth *) (void *) ((char *) p + ABZ_PROJ_HEADER_SIZE);
}

/* bytes of a value of either format (its version must be valid) */
size_t		abz_proj_size(const AbzProj *p);

/* true if x is inside the stored fixed-point range */
static inline bool
abz_proj_fixed_ok(abz_fixed x)
{
	return x > -ABZ_PROJ_FIXED_LIMIT && x < ABZ_PROJ_FIXED_LIMIT;
}

/* true if a format 2 float8 has a conversion in the stored range (false for NaN) */
static inline bool
abz_proj_float_ok(double v)
{
	return fabs(v) < ABZ_PROJ_FLOAT_LIMIT;
}

/* check a horizon: ABZ_ERR_DOMAIN below 1, ABZ_ERR_LIMIT above ABZ_MAX_HORIZON */
bool		abz_proj_check_horizon(int64_t h, AbzError *err);

/* check members (1..ABZ_PROJ_MAX_MEMBERS), launch (1..ABZ_MAX_HORIZON) and npv */
bool		abz_proj_check_header(const AbzProj *p, AbzError *err);

/*
 * Check a stored value of size bytes before reading it, in O(1): version,
 * horizon, exact size, padding, members and launch.  Every reader of a
 * stored datum calls it (abz_proj_validate checks every number too).
 * False and err (ABZ_ERR_BINARY) if the value cannot be read.
 */
bool		abz_proj_check_stored(const void *body, size_t size, AbzError *err);

/* load/store one fixed-point number */
abz_fixed	abz_proj_load(AbzFixWords w);
AbzFixWords abz_proj_store(abz_fixed x);

/* abz_fixed_from_double restricted to the stored range, with a fast path for common magnitudes */
bool		abz_proj_fixed_from_double(double v, abz_fixed *out);

/* the fixed value of field f (ABZ_M_*) in month t (1..horizon) */
abz_fixed	abz_proj_fixed(const AbzProj *p, int t, int f);

/* the same as a double */
double		abz_proj_value(const AbzProj *p, int t, int f);

/* the valuation as a double */
double		abz_proj_npv(const AbzProj *p);

/*
 * Fill out (ABZ_PROJ_SIZE(horizon) bytes) from months[0..horizon-1] of the
 * expected path: one member, launch month, npv.  False and err
 * (ABZ_ERR_OVERFLOW) if a value is not finite or outside the fixed range.
 */
bool		abz_proj_build(AbzProj *out, int horizon, int launch,
						   const AbzMonth *months, double npv, AbzError *err);

/*
 * The same in format 2 (float): out needs ABZ_PROJ_FLOAT_SIZE(horizon)
 * bytes; the months are copied as they are, or not at all when months is
 * abz_proj_float_months(out) (the engine wrote them in place).  Same errors
 * as abz_proj_build (every value must have a fixed-point conversion).
 */
bool		abz_proj_build_float(AbzProj *out, int horizon, int launch,
								 const AbzMonth *months, double npv, AbzError *err);

/*
 * Write src (either format, valid) in format 1 into dst
 * (ABZ_PROJ_SIZE(src->horizon) bytes; may not overlap src).
 */
void		abz_proj_to_fixed(AbzProj *dst, const AbzProj *src);

/*
 * acc += x month by month (exact): members add, launch is the minimum.  acc
 * must be in format 1; x may be in either (a float8 adds its fixed-point
 * conversion).  acc is unchanged when the horizons differ or acc is not in
 * format 1 (ABZ_ERR_DOMAIN); on ABZ_ERR_OVERFLOW it is left partly updated.
 */
bool		abz_proj_add(AbzProj *acc, const AbzProj *x, AbzError *err);

/* a value holds at least a header, of a version this build reads (22P03-class error) */
bool		abz_proj_check_version(const void *body, size_t size, AbzError *err);

/*
 * Check a value (from binary input or a raw copy) of size bytes as strictly
 * as text input: version, horizon, exact size, members, launch, padding and
 * the range of every number (format 2: finite and below
 * ABZ_PROJ_FLOAT_LIMIT in magnitude, npv's unused 8 bytes zero).
 */
bool		abz_proj_validate(const AbzProj *p, size_t size, AbzError *err);

/*
 * Binary form (big-endian): int32 version, int32 horizon, int64 members,
 * int32 launch, then npv and the month values: format 1 as int64 high and
 * low halves, format 2 as float8.  Decode checks version, horizon and the
 * exact length before calling alloc (once, abz_proj_size bytes, zeroed),
 * then validates as strictly as text input.  NULL and err (ABZ_ERR_BINARY)
 * otherwise; memory from alloc is not freed.
 */
AbzProj    *abz_proj_decode(const unsigned char *buf, size_t len, AbzAlloc alloc,
							AbzError *err);

/* bytes of the binary form of a valid value */
size_t		abz_proj_wire_size(const AbzProj *p);

/* the binary form into buf (cap bytes); returns its size (nothing written if cap is short) */
size_t		abz_proj_encode(const AbzProj *p, unsigned char *buf, size_t cap);

/*
 * Canonical text into buf (cap bytes, NUL-terminated when cap > 0); returns
 * the length the full text needs, excluding the NUL, like snprintf.  The form
 * is "vF;h=H;n=MEMBERS;l=LAUNCH;npv=N" then, per month, ";" and the month's
 * ABZ_MONTH_NFIELDS numbers separated by ",".  Format 1 writes raw Q95.32
 * integers; format 2 writes each float8 as the printf "%.Ng" text with the
 * least N that reads back bit for bit (the shortest exact decimal form).
 */
size_t		abz_proj_format(const AbzProj *p, char *buf, size_t cap);

/* an upper bound of abz_proj_format's length for a horizon, NUL included */
size_t		abz_proj_text_max(int horizon);

/*
 * Parse the canonical text (len bytes, need not be NUL-terminated).  The
 * header is checked before alloc(ABZ_PROJ_SIZE(horizon)) is called.  Returns
 * the new value, or NULL and err (ABZ_ERR_SYNTAX, ABZ_ERR_DOMAIN or
 * ABZ_ERR_LIMIT); memory obtained from alloc is not freed on error.
 */
AbzProj    *abz_proj_parse(const char *text, size_t len, AbzAlloc alloc, AbzError *err);

/* What aibiz.summary() reports, derived from the months. */
typedef struct AbzProjSummary
{
	int			breakeven;		/* first month >= launch with cash_flow >= 0; 0 if none */
	int			runway;			/* first month with cash < 0; 0 if none */
	double		npv;
	double		arr;			/* 12 x revenue at the horizon */
	double		revenue;		/* total net revenue */
	double		gross_profit;	/* total gross profit */
	double		costs;			/* total cost of revenue + opex + marketing + training + risk cost */
	double		cash_flow;		/* total operating cash flow */
	double		funding;		/* total funding */
	double		peak_burn;		/* largest monthly operating loss, 0 if none */
	double		min_cash;		/* lowest month-end cash */
	double		final_cash;		/* cash at the horizon */
	double		final_accounts; /* accounts at the horizon */
} AbzProjSummary;

/* first month >= launch with cash_flow >= 0; 0 if none */
int			abz_proj_breakeven(const AbzProj *p);

/* first month with cash < 0; 0 if none */
int			abz_proj_runway(const AbzProj *p);

/* summarise; false and err (ABZ_ERR_OVERFLOW) if a total leaves the fixed range */
bool		abz_proj_summarise(const AbzProj *p, AbzProjSummary *out, AbzError *err);

#endif							/* ABZ_PROJVAL_H */
