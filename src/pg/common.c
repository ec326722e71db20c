/*
 * common.c — module magic, GUCs and the helpers every piece of the fmgr glue
 * shares: error mapping, varlena packing, market rows.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "executor/executor.h"
#include "utils/numeric.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/typcache.h"

#include "advice.h"
#include "aibiz.h"
#include "progress.h"

PG_MODULE_MAGIC;

int			abz_max_trials = 1000000;

void		_PG_init(void);

/* register the extension's GUCs; install the core's float8 formatter */
void
_PG_init(void)
{
	DefineCustomIntVariable("aibiz.max_trials",
							"Largest number of Monte Carlo trials one simulation may run.",
							"Raising it needs superuser: it bounds memory and time per call.",
							&abz_max_trials,
							1000000, 1, 100000000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	abz_progress_define();
	MarkGUCPrefixReserved("aibiz");
	/* the core prints float8 with PostgreSQL's shortest exact routine */
	abz_set_num_shortest(abz_num_pg);
}

/* the SQLSTATE of a core error code */
int
abz_sqlstate(AbzErrCode code)
{
	switch (code)
	{
		case ABZ_ERR_SYNTAX:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
		case ABZ_ERR_LIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case ABZ_ERR_OVERFLOW:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case ABZ_ERR_BINARY:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		default:
			return ERRCODE_INVALID_PARAMETER_VALUE;
	}
}

/* raise err as an ERROR naming the type (e.g. "plan"), its term and key */
void
abz_raise(const AbzError *err, const char *type_name)
{
	const char *what = err->code == ABZ_ERR_SYNTAX ? "invalid input syntax for type" :
		err->code == ABZ_ERR_BINARY ? "invalid binary value for type" :
		"invalid value for type";

	if (err->term[0] && err->key[0])
		ereport(ERROR,
				(errcode(abz_sqlstate(err->code)),
				 errmsg("%s aibiz.%s, term \"%s\", key \"%s\": %s",
						what, type_name, err->term, err->key, err->msg),
				 err->detail[0] ? errdetail("%s", err->detail) : 0,
				 err->hint[0] ? errhint("%s", err->hint) : 0));
	else if (err->term[0])
		ereport(ERROR,
				(errcode(abz_sqlstate(err->code)),
				 errmsg("%s aibiz.%s, term \"%s\": %s",
						what, type_name, err->term, err->msg),
				 err->detail[0] ? errdetail("%s", err->detail) : 0,
				 err->hint[0] ? errhint("%s", err->hint) : 0));
	else
		ereport(ERROR,
				(errcode(abz_sqlstate(err->code)),
				 errmsg("%s aibiz.%s: %s", what, type_name, err->msg),
				 err->detail[0] ? errdetail("%s", err->detail) : 0,
				 err->hint[0] ? errhint("%s", err->hint) : 0));
	pg_unreachable();
}

/*
 * raise the warnings of a successful parse (rates above 1 written without
 * %) as WARNINGs naming the type, term and key
 */
void
abz_warn(const AbzError *err, const char *type_name)
{
	for (int i = 0; i < err->nwarn && i < ABZ_MAX_WARN; i++)
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("aibiz.%s, term \"%s\", key \"%s\": %s",
						type_name, err->warn[i].term, err->warn[i].key, err->warn[i].msg),
				 errhint("%s", err->warn[i].hint)));
	if (err->nwarn > ABZ_MAX_WARN)
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("aibiz.%s: %d more rates above 1 written without %%",
						type_name, err->nwarn - ABZ_MAX_WARN)));
}

/*
 * A NOTICE (with a HINT naming the key to set) if plan acquires no account
 * in market mk over horizon months; what names the function.  True if raised.
 */
bool
abz_notice_no_accounts(const AbzSpec *plan, const AbzMarket *mk, int horizon,
					   const char *what)
{
	AbzWarning	w;

	if (!abz_no_acquisition(plan, mk, horizon, &w))
		return false;
	ereport(NOTICE,
			(errmsg("%s: accounts stay 0 over the %d-month horizon: %s",
					what, horizon, w.msg),
			 errdetail("Revenue that needs no accounts (licensing deals) still flows."),
			 errhint("%s", w.hint)));
	return true;
}

/* a spec in its stored form (format version 2) in a new palloc'd varlena */
struct varlena *
abz_spec_to_varlena(const AbzSpec *s)
{
	size_t		size = abz_spec_store_size(s);
	struct varlena *v = (struct varlena *) palloc(VARHDRSZ + size);

	SET_VARSIZE(v, VARHDRSZ + size);
	abz_spec_store(s, (unsigned char *) VARDATA(v));
	return v;
}

/* a zeroed varlena with room for a body of size bytes after the 8-byte header; returns the body */
void *
abz_varlena_alloc(size_t size)
{
	char	   *v;

	if (size > MaxAllocSize - ABZ_VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz value of %zu bytes exceeds the size limit", size)));
	v = palloc0(ABZ_VARHDRSZ + size);
	SET_VARSIZE(v, ABZ_VARHDRSZ + size);
	return v + ABZ_VARHDRSZ;
}

/* zeroed palloc'd memory, an AbzAlloc for the core's readers */
void *
abz_zeroed_alloc(size_t size)
{
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz value of %zu bytes exceeds the size limit", size)));
	return palloc0(size);
}

/*
 * The fixed in-memory spec of a datum, read from its stored form (either
 * format version) with every count checked against the bytes present
 * (XX001 if it cannot be read).  Short and compressed datums are read in
 * place after detoasting; nothing points into the datum afterwards, so a
 * detoasted copy is freed.
 */
AbzSpec *
abz_spec_datum(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(d);
	AbzError	err;
	AbzSpec    *s;

	s = abz_spec_load((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v),
					  abz_zeroed_alloc, &err);
	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored value of an aibiz input type: %s", err.msg),
				 errhint("The value was not written by this version of aibiz.")));
	if ((Pointer) v != DatumGetPointer(d))
		pfree(v);
	return s;
}

/* one named float8 column of a market row, erroring if absent or NULL */
static double
market_column(HeapTupleHeader rec, const char *name)
{
	bool		isnull;
	Datum		d;
	Oid			typid;
	TupleDesc	tupdesc;
	int			i;
	bool		found = false;

	tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(rec),
									 HeapTupleHeaderGetTypMod(rec));
	typid = InvalidOid;
	for (i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
		{
			typid = att->atttypid;
			found = true;
			break;
		}
	}
	ReleaseTupleDesc(tupdesc);
	if (!found)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("market row has no column \"%s\"", name),
				 errdetail("A market is any row with the columns accounts, adoption, bass_p, bass_q and growth.")));
	d = GetAttributeByName(rec, name, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("market column \"%s\" is null", name)));
	switch (typid)
	{
		case FLOAT8OID:
			return DatumGetFloat8(d);
		case FLOAT4OID:
			return (double) DatumGetFloat4(d);
		case INT2OID:
			return (double) DatumGetInt16(d);
		case INT4OID:
			return (double) DatumGetInt32(d);
		case INT8OID:
			return (double) DatumGetInt64(d);
		case NUMERICOID:
			return DatumGetFloat8(DirectFunctionCall1(numeric_float8, d));
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("market column \"%s\" must be numeric", name)));
	}
	pg_unreachable();
}

/* read accounts, adoption, bass_p, bass_q, growth from any row; errors if missing or NULL */
void
abz_market_from_record(HeapTupleHeader rec, AbzMarket *out)
{
	AbzError	err;

	out->accounts = market_column(rec, "accounts");
	out->adoption = market_column(rec, "adoption");
	out->bass_p = market_column(rec, "bass_p");
	out->bass_q = market_column(rec, "bass_q");
	out->growth = market_column(rec, "growth");
	if (!abz_market_check(out, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid market: %s", err.msg),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
}

/*
 * The identity of a market row: its "id" column when the row has one of an
 * integer type (smallint, integer, bigint) that is not NULL, read as a
 * two's-complement 64-bit number; otherwise abz_market_hash() of the five
 * numbers m read from the same row.
 */
uint64
abz_market_identity(HeapTupleHeader rec, const AbzMarket *m)
{
	TupleDesc	tupdesc;
	Oid			typid = InvalidOid;
	bool		isnull;
	Datum		d;
	int			i;

	tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(rec),
									 HeapTupleHeaderGetTypMod(rec));
	for (i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), "id") == 0)
		{
			typid = att->atttypid;
			break;
		}
	}
	ReleaseTupleDesc(tupdesc);
	if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
		return (uint64) abz_market_hash(m);
	d = GetAttributeByName(rec, "id", &isnull);
	if (isnull)
		return (uint64) abz_market_hash(m);
	if (typid == INT2OID)
		return (uint64) (int64) DatumGetInt16(d);
	if (typid == INT4OID)
		return (uint64) (int64) DatumGetInt32(d);
	return (uint64) DatumGetInt64(d);
}

/* check a trials argument of function fn: below 1 is 22023, above aibiz.max_trials 54000 */
void
abz_check_trials(int32 trials, const char *fn)
{
	if (trials < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.%s: trials must be at least 1, got %d", fn, trials)));
	if (trials > abz_max_trials)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.%s: %d trials exceed the limit of %d", fn, trials, abz_max_trials),
				 errhint("Use fewer trials, or have a superuser raise aibiz.max_trials.")));
}

/* check a horizon argument: below 1 is a bad value (22023), above 600 a limit (54000) */
void
abz_check_horizon(int32 horizon)
{
	if (horizon < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon must be at least 1 month, got %d", horizon)));
	if (horizon > ABZ_MAX_HORIZON)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("horizon %d exceeds the limit of %d months", horizon, ABZ_MAX_HORIZON),
				 errhint("Use a horizon of at most %d months (50 years).", ABZ_MAX_HORIZON)));
}

/* float8 shortest text, for the core printer */
int
abz_num_pg(double v, char *buf)
{
	return double_to_shortest_decimal_buf(v, buf);
}

/*
 * The revenue, risk and plan of a row of aibiz.companies (or any row with
 * those columns), detoasted; false if one of them is NULL.
 */
bool
abz_company_specs(HeapTupleHeader company, AbzSpec *spec[3])
{
	static const char *const cols[3] = {"revenue", "risk", "plan"};

	for (int i = 0; i < 3; i++)
	{
		bool		isnull;
		Datum		d = GetAttributeByName(company, cols[i], &isnull);

		if (isnull)
			return false;
		spec[i] = abz_spec_datum(d);
	}
	return true;
}

/* push "key": v, an int64 as an exact JSON number (a bigint does not survive float8) */
void
abz_jsonb_push_int64(JsonbParseState **st, const char *key, int64 v)
{
	JsonbValue	jv;

	abz_jsonb_push_key(st, key);
	jv.type = jbvNumeric;
	jv.val.numeric = int64_to_numeric(v);
	pushJsonbValue(st, WJB_VALUE, &jv);
}

/* push a float8 as a jsonb value: the shortest digits that read back exactly; null if not finite */
void
abz_jsonb_push_float8(JsonbParseState **st, JsonbIteratorToken tok, double v)
{
	JsonbValue	val;
	char		buf[32];

	if (isfinite(v))
	{
		abz_num_pg(v, buf);
		val.type = jbvNumeric;
		val.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
															  ObjectIdGetDatum(InvalidOid),
															  Int32GetDatum(-1)));
	}
	else
		val.type = jbvNull;
	pushJsonbValue(st, tok, &val);
}

/* push a jsonb object key */
void
abz_jsonb_push_key(JsonbParseState **st, const char *key)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	pushJsonbValue(st, WJB_KEY, &k);
}

/* raise a core error of a tool: a value's errors name its type, the rest the function */
void
abz_raise_tool(const AbzError *err, const char *fn, int kind)
{
	if (err->term[0] && kind > 0)
		abz_raise(err, (kind >= ABZ_KIND_REVENUE && kind <= ABZ_KIND_PLAN) ?
				  abz_kinds[kind].type_name : "input value");
	ereport(ERROR,
			(errcode(abz_sqlstate(err->code)),
			 err->term[0] ?
			 errmsg("aibiz.%s: term \"%s\"%s%s%s: %s", fn, err->term,
					err->key[0] ? ", key \"" : "", err->key, err->key[0] ? "\"" : "",
					err->msg) :
			 errmsg("aibiz.%s: %s", fn, err->msg),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
}
