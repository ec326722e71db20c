/*
 * aibiz.h — shared declarations of the fmgr glue: how the core's values sit
 * in varlenas, how core errors become ereports, and how a market row is read.
 */
#ifndef ABZ_PG_H
#define ABZ_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "access/htup_details.h"
#include "utils/jsonb.h"

#include "spec.h"
#include "model.h"

/*
 * The header of the varlenas whose bodies hold doubles in place
 * (projection, simulation, cashflows): varlena header, then 4 bytes of zero
 * padding so that the body is 8-byte aligned.  The three input types store
 * their compact form right after the varlena header (specstore.c).
 */
#define ABZ_VARHDRSZ		8

/* the fixed spec of argument n, read from its stored form */
#define PG_GETARG_ABZSPEC(n) abz_spec_datum(PG_GETARG_DATUM(n))

/* the fixed spec of a datum (a new palloc'd copy); XX001 unless abz_spec_load reads it */
AbzSpec    *abz_spec_datum(Datum d);

/* zeroed palloc'd memory (an AbzAlloc) */
void	   *abz_zeroed_alloc(size_t size);

/* a zeroed varlena for a body of size bytes after the 8-byte header; returns the body */
void	   *abz_varlena_alloc(size_t size);

/*
 * The jsonb member name of licensing's "term" key (months of royalties): a
 * member "term" would replace the term object's own "term" (its name).
 */
#define ABZ_JSONB_TERM_KEY	"term_months"

/* GUC aibiz.max_trials */
extern int	abz_max_trials;

/* the SQLSTATE of a core error code */
int			abz_sqlstate(AbzErrCode code);

/* revenue, risk and plan of a company row, detoasted; false if one is NULL */
bool		abz_company_specs(HeapTupleHeader company, AbzSpec *spec[3]);

/* raise err as an ERROR naming the type (e.g. "plan"), its term and key */
pg_attribute_noreturn()
void		abz_raise(const AbzError *err, const char *type_name);

/* raise the warnings of a successful parse as WARNINGs naming the type, term and key */
void		abz_warn(const AbzError *err, const char *type_name);

/*
 * A NOTICE (with a HINT naming the key to set) if plan acquires no account
 * in market mk over horizon months; what names the function.  True if raised.
 */
bool		abz_notice_no_accounts(const AbzSpec *plan, const AbzMarket *mk, int horizon,
								   const char *what);

/* raise a core error of a tool fn: a value's errors (with a term) name its type (kind > 0), the rest the function */
pg_attribute_noreturn()
void		abz_raise_tool(const AbzError *err, const char *fn, int kind);

/* a spec in its stored form (format version 2) in a new palloc'd varlena */
struct varlena *abz_spec_to_varlena(const AbzSpec *s);

/* read accounts, adoption, bass_p, bass_q, growth from any row; errors if missing or NULL */
void		abz_market_from_record(HeapTupleHeader rec, AbzMarket *out);

/*
 * The identity of a market: the row's integer "id" column when present and
 * not NULL, else abz_market_hash(m), a 64-bit hash of the five numbers' bit
 * patterns (see model.h).  Markets with the same id, or built from the same
 * numbers without one, share an identity.  m is the market read from rec.
 */
uint64		abz_market_identity(HeapTupleHeader rec, const AbzMarket *m);

/* check a trials argument of aibiz.<fn>: 22023 below 1, 54000 above aibiz.max_trials */
void		abz_check_trials(int32 trials, const char *fn);

/* check a horizon argument: < 1 is 22023, > 600 is 54000 */
void		abz_check_horizon(int32 horizon);

/* push a float8 as a jsonb value (shortest exact digits; null if not finite) */
void		abz_jsonb_push_float8(JsonbParseState **st, JsonbIteratorToken tok, double v);

/* push a jsonb object key */
void		abz_jsonb_push_key(JsonbParseState **st, const char *key);

/* push "key": v as an exact JSON integer */
void		abz_jsonb_push_int64(JsonbParseState **st, const char *key, int64 v);

/* a simulation datum, detoasted and size-checked; its layout into L if not NULL */
struct AbzSimHeader;
struct AbzSimLayout;
struct AbzSimHeader *abz_sim_datum(Datum d, struct AbzSimLayout *L);

/* float8 shortest text, for the core printer */
int			abz_num_pg(double v, char *buf);

#endif							/* ABZ_PG_H */
