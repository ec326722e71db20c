/*
 * projection.c — fmgr glue of the expected path (docs/model.md): the
 * aibiz.projection type (text and binary I/O), aibiz.project(), the row
 * output and summaries, and the exact month-wise sum aggregate.
 */
#include "postgres.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"
#include "catalog/pg_type.h"

#include "aibiz.h"
#include "projval.h"

/*
 * A stored projection: varlena header, 4 bytes of zero padding so that the
 * AbzProj is 8-byte aligned, then the AbzProj.
 */
#define ABZ_PROJ_OF(ptr)		((AbzProj *) ((char *) (ptr) + ABZ_VARHDRSZ))
#define ABZ_PROJ_VARSIZE(h)		(ABZ_VARHDRSZ + ABZ_PROJ_FLOAT_SIZE(h))
#define PG_GETARG_ABZPROJ(n)	proj_datum(PG_GETARG_DATUM(n))
#define ABZ_PROJ_DATUM(p)		PointerGetDatum((char *) (p) - ABZ_VARHDRSZ)

PG_FUNCTION_INFO_V1(abz_projection_in);
PG_FUNCTION_INFO_V1(abz_projection_out);
PG_FUNCTION_INFO_V1(abz_projection_recv);
PG_FUNCTION_INFO_V1(abz_projection_send);
PG_FUNCTION_INFO_V1(abz_project);
PG_FUNCTION_INFO_V1(abz_project_company);
PG_FUNCTION_INFO_V1(abz_projection_add);
PG_FUNCTION_INFO_V1(abz_projection_sum_add);
PG_FUNCTION_INFO_V1(abz_projection_rows);
PG_FUNCTION_INFO_V1(abz_projection_breakeven);
PG_FUNCTION_INFO_V1(abz_projection_runway);
PG_FUNCTION_INFO_V1(abz_projection_npv);
PG_FUNCTION_INFO_V1(abz_projection_arr);
PG_FUNCTION_INFO_V1(abz_projection_horizon);
PG_FUNCTION_INFO_V1(abz_projection_members);
PG_FUNCTION_INFO_V1(abz_projection_launch);
PG_FUNCTION_INFO_V1(abz_projection_summary);

/* a new varlena with room for a projection body of size bytes; returns the body */
static void *
proj_alloc(size_t size)
{
	char	   *v;

	if (size > ABZ_PROJ_MAXSIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.projection of %zu bytes exceeds the limit", size)));
	v = palloc0(ABZ_VARHDRSZ + size);
	SET_VARSIZE(v, ABZ_VARHDRSZ + size);
	return v + ABZ_VARHDRSZ;
}

/* the detoasted projection of a datum, its stored header checked (XX001 if it cannot be read) */
static AbzProj *
proj_datum(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	AbzProj    *p = ABZ_PROJ_OF(v);
	AbzError	err;

	if (VARSIZE(v) < ABZ_VARHDRSZ ||
		!abz_proj_check_stored(p, VARSIZE(v) - ABZ_VARHDRSZ, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid stored aibiz.projection value: %s", err.msg),
				 errhint("The value was not written by this version of aibiz.")));
	return p;
}

/* a copy of a projection in format 1 (fixed) in a new varlena */
static AbzProj *
proj_copy_fixed(const AbzProj *p)
{
	AbzProj    *q = proj_alloc(ABZ_PROJ_SIZE(p->horizon));

	abz_proj_to_fixed(q, p);
	return q;
}

/* ---- I/O ---- */

/* text input: the canonical form of abz_proj_format */
Datum
abz_projection_in(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	AbzError	err;
	AbzProj    *p = abz_proj_parse(s, strlen(s), proj_alloc, &err);

	if (p == NULL)
		abz_raise(&err, "projection");
	PG_RETURN_DATUM(ABZ_PROJ_DATUM(p));
}

/* text output: version, horizon, members, launch, npv and the raw fixed integers */
Datum
abz_projection_out(PG_FUNCTION_ARGS)
{
	AbzProj    *p = PG_GETARG_ABZPROJ(0);
	size_t		cap = abz_proj_text_max(p->horizon);
	char	   *buf = palloc(cap);

	abz_proj_format(p, buf, cap);
	PG_RETURN_CSTRING(buf);
}

/*
 * binary input (the layout of abz_proj_decode): version, horizon and the
 * exact length are checked before allocating; validated as text input is
 */
Datum
abz_projection_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	AbzError	err;
	AbzProj    *p = abz_proj_decode((const unsigned char *) buf->data + buf->cursor,
									(size_t) (buf->len - buf->cursor), proj_alloc, &err);

	if (p == NULL)
		ereport(ERROR,
				(errcode(abz_sqlstate(err.code)),
				 errmsg("invalid binary aibiz.projection: %s", err.msg)));
	buf->cursor = buf->len;
	PG_RETURN_DATUM(ABZ_PROJ_DATUM(p));
}

/* binary output, the layout abz_projection_recv reads */
Datum
abz_projection_send(PG_FUNCTION_ARGS)
{
	AbzProj    *p = PG_GETARG_ABZPROJ(0);
	size_t		size = abz_proj_wire_size(p);
	bytea	   *out = palloc(VARHDRSZ + size);

	abz_proj_encode(p, (unsigned char *) VARDATA(out), size);
	SET_VARSIZE(out, VARHDRSZ + size);
	PG_RETURN_BYTEA_P(out);
}

/* ---- aibiz.project ---- */

/* the engine's scratch space and the market row's layout, kept across calls of one expression */
typedef struct ProjectCache
{
	int			horizon;
	AbzModel   *model;
	/* market rows of this type have the five columns as float8 at these numbers */
	Oid			mk_typid;
	int32		mk_typmod;
	TupleDesc	mk_desc;
	AttrNumber	mk_att[5];
	bool		noticed;		/* the no-acquisition NOTICE was raised at this call site */
} ProjectCache;

static const char *const market_cols[5] = {"accounts", "adoption", "bass_p", "bass_q", "growth"};

/* the cached model of this call site, sized for horizon */
static ProjectCache *
project_cache(FunctionCallInfo fcinfo, int horizon)
{
	ProjectCache *c = (ProjectCache *) fcinfo->flinfo->fn_extra;
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(mcxt, sizeof(ProjectCache));
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->horizon != horizon)
	{
		if (c->model)
			pfree(c->model);
		c->horizon = 0;
		c->model = MemoryContextAllocZero(mcxt, abz_model_size(horizon));
		c->horizon = horizon;
	}
	return c;
}

/* remember the layout of a market row type; false unless its five columns are float8 */
static bool
market_layout(ProjectCache *c, MemoryContext mcxt, HeapTupleHeader rec)
{
	Oid			typid = HeapTupleHeaderGetTypeId(rec);
	int32		typmod = HeapTupleHeaderGetTypMod(rec);
	TupleDesc	td = lookup_rowtype_tupdesc(typid, typmod);
	int			found = 0;

	for (int k = 0; k < 5; k++)
	{
		c->mk_att[k] = InvalidAttrNumber;
		for (int i = 0; i < td->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(td, i);

			if (!att->attisdropped && strcmp(NameStr(att->attname), market_cols[k]) == 0)
			{
				if (att->atttypid == FLOAT8OID)
				{
					c->mk_att[k] = att->attnum;
					found++;
				}
				break;
			}
		}
	}
	if (c->mk_desc)
		FreeTupleDesc(c->mk_desc);
	c->mk_desc = NULL;
	if (found == 5)
	{
		MemoryContext old = MemoryContextSwitchTo(mcxt);

		c->mk_desc = CreateTupleDescCopy(td);
		MemoryContextSwitchTo(old);
		c->mk_typid = typid;
		c->mk_typmod = typmod;
	}
	ReleaseTupleDesc(td);
	return c->mk_desc != NULL;
}

/*
 * Read a market row.  Rows of a type whose five columns are float8 are read
 * by remembered column numbers; anything else, and every row that is not a
 * valid market, goes through abz_market_from_record, which reads any numeric
 * columns and raises the errors.
 */
static void
read_market(ProjectCache *c, MemoryContext mcxt, HeapTupleHeader rec, AbzMarket *out)
{
	HeapTupleData tup;
	double		v[5];
	AbzError	err;

	if ((c->mk_desc == NULL ||
		 c->mk_typid != HeapTupleHeaderGetTypeId(rec) ||
		 c->mk_typmod != HeapTupleHeaderGetTypMod(rec)) &&
		!market_layout(c, mcxt, rec))
	{
		abz_market_from_record(rec, out);
		return;
	}
	tup.t_len = HeapTupleHeaderGetDatumLength(rec);
	ItemPointerSetInvalid(&tup.t_self);
	tup.t_tableOid = InvalidOid;
	tup.t_data = rec;
	for (int k = 0; k < 5; k++)
	{
		bool		isnull;
		Datum		d = heap_getattr(&tup, c->mk_att[k], c->mk_desc, &isnull);

		if (isnull)
		{
			abz_market_from_record(rec, out);	/* raises the error */
			return;
		}
		v[k] = DatumGetFloat8(d);
	}
	out->accounts = v[0];
	out->adoption = v[1];
	out->bass_p = v[2];
	out->bass_q = v[3];
	out->growth = v[4];
	if (!abz_market_check(out, &err))
		abz_market_from_record(rec, out);	/* raises the error */
}

/* raise an engine error: overflow as 22003, the rest as their codes */
static void
project_raise(const AbzError *err)
{
	if (err->code == ABZ_ERR_OVERFLOW)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aibiz.project: %s", err->msg),
				 err->detail[0] ? errdetail("%s", err->detail) : 0));
	abz_raise(err, "projection");
}

/* run the expected path and store it in format 2 (float8, converted only when added) */
static Datum
project_common(FunctionCallInfo fcinfo, const AbzSpec *revenue, const AbzSpec *risk,
			   const AbzSpec *plan, HeapTupleHeader market_rec, int32 horizon)
{
	AbzMarket	market;
	ProjectCache *c;
	AbzError	err;
	double		npv;
	AbzProj    *p;
	AbzMonth   *months;

	abz_check_horizon(horizon);
	c = project_cache(fcinfo, horizon);
	read_market(c, fcinfo->flinfo->fn_mcxt, market_rec, &market);
	if (!abz_model_prepare(c->model, revenue, risk, plan, &market, horizon, &err))
		project_raise(&err);
	if (!c->noticed)
		c->noticed = abz_notice_no_accounts(plan, &market, horizon, "aibiz.project");

	/*
	 * The engine writes its months straight into the new value, and
	 * abz_proj_build_float fills the header around them: every byte is
	 * written, only the varlena padding needs zeroing.
	 */
	p = (AbzProj *) ((char *) palloc(ABZ_PROJ_VARSIZE(horizon)) + ABZ_VARHDRSZ);
	SET_VARSIZE((char *) p - ABZ_VARHDRSZ, ABZ_PROJ_VARSIZE(horizon));
	memset((char *) p - ABZ_VARHDRSZ + VARHDRSZ, 0, ABZ_VARHDRSZ - VARHDRSZ);
	months = abz_proj_float_months(p);
	if (!abz_model_project(c->model, months, &npv, &err) ||
		!abz_proj_build_float(p, horizon, abz_model_launch(c->model), months, npv, &err))
		project_raise(&err);
	return ABZ_PROJ_DATUM(p);
}

/* aibiz.project(revenue, risk, plan, market record, horizon) */
Datum
abz_project(PG_FUNCTION_ARGS)
{
	return project_common(fcinfo, PG_GETARG_ABZSPEC(0), PG_GETARG_ABZSPEC(1),
						  PG_GETARG_ABZSPEC(2), PG_GETARG_HEAPTUPLEHEADER(3),
						  PG_GETARG_INT32(4));
}

/* aibiz.project(company aibiz.companies, market record, horizon) */
Datum
abz_project_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	/* like the strict form: a company without one of its inputs has no projection */
	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
		PG_RETURN_NULL();
	return project_common(fcinfo, spec[0], spec[1], spec[2],
						  PG_GETARG_HEAPTUPLEHEADER(1), PG_GETARG_INT32(2));
}

/* ---- the sum aggregate ---- */

/* a += b in place (a in format 1, b either); errors as SQL errors */
static void
proj_add(AbzProj *a, const AbzProj *b)
{
	AbzError	err;

	if (a->horizon != b->horizon)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot add aibiz.projection values of different horizons: %d and %d months",
						a->horizon, b->horizon),
				 errhint("Project every company with the same horizon before summing.")));
	if (!abz_proj_add(a, b, &err))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aibiz.projection out of range: %s", err.msg)));
}

/* a + b month by month, exactly, in format 1 (the + operator) */
Datum
abz_projection_add(PG_FUNCTION_ARGS)
{
	AbzProj    *a = PG_GETARG_ABZPROJ(0);
	AbzProj    *b = PG_GETARG_ABZPROJ(1);

	/* never change an argument: the result is a new value in format 1 */
	a = proj_copy_fixed(a);
	proj_add(a, b);
	PG_RETURN_DATUM(ABZ_PROJ_DATUM(a));
}

/*
 * Transition and combine function of aibiz.sum (not strict): the state is
 * NULL until the first projection, then a value in format 1 updated in
 * place.  Inputs in format 2 add their fixed-point conversions, so the sum
 * of any set of projections is the same in any order or grouping.
 */
Datum
abz_projection_sum_add(PG_FUNCTION_ARGS)
{
	AbzProj    *a;
	AbzProj    *b;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("aibiz.projection_sum_add must be called as an aggregate transition function")));
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	b = PG_GETARG_ABZPROJ(1);
	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(ABZ_PROJ_DATUM(proj_copy_fixed(b)));
	a = PG_GETARG_ABZPROJ(0);
	/* the state is made by this function, so always fixed; be safe anyway */
	if (abz_proj_is_float(a))
		a = proj_copy_fixed(a);
	proj_add(a, b);
	PG_RETURN_DATUM(ABZ_PROJ_DATUM(a));
}

/* ---- rows and summaries ---- */

/* aibiz.rows(p): one row per month, the ABZ_MONTH_FIELDS columns */
Datum
abz_projection_rows(PG_FUNCTION_ARGS)
{
	AbzProj    *p = PG_GETARG_ABZPROJ(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		values[1 + ABZ_MONTH_NFIELDS];
	bool		nulls[1 + ABZ_MONTH_NFIELDS];
	int			t;
	int			f;

	InitMaterializedSRF(fcinfo, 0);
	memset(nulls, 0, sizeof(nulls));
	for (t = 1; t <= p->horizon; t++)
	{
		CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum(t);
		for (f = 0; f < ABZ_MONTH_NFIELDS; f++)
			values[1 + f] = Float8GetDatum(abz_proj_value(p, t, f));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* aibiz.breakeven_month(p): first month >= launch with cash_flow >= 0, NULL if none */
Datum
abz_projection_breakeven(PG_FUNCTION_ARGS)
{
	int			t = abz_proj_breakeven(PG_GETARG_ABZPROJ(0));

	if (t == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t);
}

/* aibiz.runway(p): first month with cash < 0, NULL if none */
Datum
abz_projection_runway(PG_FUNCTION_ARGS)
{
	int			t = abz_proj_runway(PG_GETARG_ABZPROJ(0));

	if (t == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t);
}

/* aibiz.npv(p) */
Datum
abz_projection_npv(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_proj_npv(PG_GETARG_ABZPROJ(0)));
}

/* aibiz.arr(p, month): 12 x revenue of that month */
Datum
abz_projection_arr(PG_FUNCTION_ARGS)
{
	AbzProj    *p = PG_GETARG_ABZPROJ(0);
	int32		month = PG_GETARG_INT32(1);

	if (month < 1 || month > p->horizon)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("month %d is outside the projection's months 1..%d", month, p->horizon)));
	PG_RETURN_FLOAT8(12.0 * abz_proj_value(p, month, ABZ_M_REVENUE));
}

/* aibiz.horizon(p) */
Datum
abz_projection_horizon(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_ABZPROJ(0)->horizon);
}

/* aibiz.members(p) */
Datum
abz_projection_members(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_ABZPROJ(0)->members);
}

/* aibiz.launch_month(p) */
Datum
abz_projection_launch(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_ABZPROJ(0)->launch);
}

/* push key: a float8 with its shortest exact digits */
static void
push_float(JsonbParseState **st, const char *key, double x)
{
	abz_jsonb_push_key(st, key);
	abz_jsonb_push_float8(st, WJB_VALUE, x);
}

/* push key: an int, or null when it is zero and zero_null */
static void
push_int(JsonbParseState **st, const char *key, int64 x, bool zero_null)
{
	JsonbValue	v;

	abz_jsonb_push_key(st, key);
	if (zero_null && x == 0)
		v.type = jbvNull;
	else
	{
		v.type = jbvNumeric;
		v.val.numeric = DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(x)));
	}
	pushJsonbValue(st, WJB_VALUE, &v);
}

/* aibiz.summary(p): the headline figures as jsonb, for people */
Datum
abz_projection_summary(PG_FUNCTION_ARGS)
{
	AbzProj    *p = PG_GETARG_ABZPROJ(0);
	AbzProjSummary s;
	AbzError	err;
	JsonbParseState *st = NULL;
	JsonbValue *res;

	if (!abz_proj_summarise(p, &s, &err))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aibiz.summary: %s", err.msg)));
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	push_int(&st, "horizon", p->horizon, false);
	push_int(&st, "members", p->members, false);
	push_int(&st, "launch_month", p->launch, false);
	push_float(&st, "npv", s.npv);
	push_int(&st, "breakeven_month", s.breakeven, true);
	push_int(&st, "runway", s.runway, true);
	push_float(&st, "arr", s.arr);
	push_float(&st, "total_revenue", s.revenue);
	push_float(&st, "total_gross_profit", s.gross_profit);
	push_float(&st, "total_costs", s.costs);
	push_float(&st, "total_cash_flow", s.cash_flow);
	push_float(&st, "total_funding", s.funding);
	push_float(&st, "peak_burn", s.peak_burn);
	push_float(&st, "min_cash", s.min_cash);
	push_float(&st, "final_cash", s.final_cash);
	push_float(&st, "final_accounts", s.final_accounts);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}
