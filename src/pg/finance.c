/*
 * finance.c — fmgr glue of the finance functions: npv, irr, irr_all, the
 * aibiz.cashflows type (text and binary I/O, accessors; the lists and their
 * forms are in the core, cashflows.c) and the transition,
 * combine and final functions of the xnpv/xirr aggregates.
 *
 * A cashflows value is an 8-byte varlena header (4 bytes length, 4 of zero
 * padding) followed by an AbzCashflows (finance.h).  Stored and transmitted
 * values are canonical.  An aggregate's transition value may carry an
 * unsorted tail and spare room: the transition function, called in aggregate
 * context, appends in place (returning the same pointer, so the executor
 * neither copies nor frees it) and, when the room is used up, sorts the tail
 * into the prefix and, if that did not free at least half the room, moves to
 * a list twice as large.  Each row therefore costs amortised O(log n).
 * Every other function reads such a value through a normalised copy and
 * output functions print only the canonical form.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "cashflows_glue.h"
#include "finance.h"

#define CF_OF(ptr)			((AbzCashflows *) ((char *) (ptr) + ABZ_VARHDRSZ))
#define CF_VARSIZE(cap)		(ABZ_VARHDRSZ + ABZ_CF_SIZE(cap))
#define CF_FIRST_ROOM		64

PG_FUNCTION_INFO_V1(abz_npv_sql);
PG_FUNCTION_INFO_V1(abz_irr_sql);
PG_FUNCTION_INFO_V1(abz_irr_all_sql);
PG_FUNCTION_INFO_V1(abz_cashflows_in);
PG_FUNCTION_INFO_V1(abz_cashflows_out);
PG_FUNCTION_INFO_V1(abz_cashflows_recv);
PG_FUNCTION_INFO_V1(abz_cashflows_send);
PG_FUNCTION_INFO_V1(abz_cashflows_add);
PG_FUNCTION_INFO_V1(abz_cashflows_add_rate);
PG_FUNCTION_INFO_V1(abz_cashflows_combine);
PG_FUNCTION_INFO_V1(abz_cashflows_xnpv_final);
PG_FUNCTION_INFO_V1(abz_cashflows_xirr_final);
PG_FUNCTION_INFO_V1(abz_cashflows_xnpv);
PG_FUNCTION_INFO_V1(abz_cashflows_flows);
PG_FUNCTION_INFO_V1(abz_cashflows_final);

/* interrupt check for the core's long loops */
static void
abz_tick(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* raise a core error of a finance function */
pg_attribute_noreturn()
static void
finance_raise(const AbzError *err, const char *what)
{
	ereport(ERROR,
			(errcode(err->code == ABZ_ERR_OVERFLOW ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE :
					 err->code == ABZ_ERR_LIMIT ? ERRCODE_PROGRAM_LIMIT_EXCEEDED :
					 err->code == ABZ_ERR_SYNTAX ? ERRCODE_INVALID_TEXT_REPRESENTATION :
					 err->code == ABZ_ERR_BINARY ? ERRCODE_INVALID_BINARY_REPRESENTATION :
					 ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s", what, err->msg)));
	pg_unreachable();
}

/* the elements of a float8[] as a palloc'd C array (no NULLs, one dimension) */
static double *
flows_of(ArrayType *arr, int *n, const char *what)
{
	Datum	   *elems;
	bool	   *nulls;
	double	   *out;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: flows must be a one-dimensional array", what)));
	deconstruct_array(arr, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, n);
	out = palloc(sizeof(double) * Max(*n, 1));
	for (i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s: flow %d is null", what, i + 1)));
		out[i] = DatumGetFloat8(elems[i]);
	}
	return out;
}

/* npv(rate, flows, t0): sum flows[i] / (1 + rate)^(t0 + i) */
Datum
abz_npv_sql(PG_FUNCTION_ARGS)
{
	double		rate = PG_GETARG_FLOAT8(0);
	int			n;
	double	   *flows = flows_of(PG_GETARG_ARRAYTYPE_P(1), &n, "npv");
	int32		t0 = PG_GETARG_INT32(2);
	AbzError	err;
	double		v;

	if (!abz_npv(rate, flows, (size_t) n, t0, &v, &err))
		finance_raise(&err, "npv");
	PG_RETURN_FLOAT8(v);
}

/* irr(flows, guess): the rate where the NPV of flows at t = 0, 1, ... is 0 */
Datum
abz_irr_sql(PG_FUNCTION_ARGS)
{
	int			n;
	double	   *flows = flows_of(PG_GETARG_ARRAYTYPE_P(0), &n, "irr");
	double		guess = PG_GETARG_FLOAT8(1);
	AbzError	err;
	double		r;
	bool		found;

	if (!abz_irr(flows, (size_t) n, guess, &r, &found, &err, abz_tick))
		finance_raise(&err, "irr");
	if (!found)
	{
		ereport(NOTICE,
				(errmsg("irr: no internal rate of return exists for these flows"),
				 errdetail("The net present value does not reach zero for any rate between -0.99 and 10000.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_FLOAT8(r);
}

/* irr_all(flows): every sign-change root, ascending */
Datum
abz_irr_all_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			n;
	double	   *flows = flows_of(PG_GETARG_ARRAYTYPE_P(0), &n, "irr_all");
	double	   *roots = palloc(sizeof(double) * Max(n, 1));
	AbzError	err;
	long		k,
				i;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	k = abz_irr_all(flows, (size_t) n, roots, (size_t) Max(n, 1), &err, abz_tick);
	if (k < 0)
		finance_raise(&err, "irr_all");
	for (i = 0; i < k && i < Max(n, 1); i++)
	{
		Datum		value = Float8GetDatum(roots[i]);
		bool		isnull = false;

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &value, &isnull);
	}
	return (Datum) 0;
}

/* ---- the cashflows type ---- */

/* a new palloc'd cashflows varlena with room for cap flows */
static struct varlena *
cf_alloc(uint32 cap)
{
	struct varlena *v;

	if (cap > ABZ_CF_MAX_DATES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.cashflows cannot hold more than %d dates", ABZ_CF_MAX_DATES)));
	v = palloc(CF_VARSIZE(cap));
	memset(v, 0, ABZ_VARHDRSZ);
	SET_VARSIZE(v, CF_VARSIZE(cap));
	abz_cf_init(CF_OF(v), cap);
	return v;
}

/* the list of a detoasted value, its structure checked */
static AbzCashflows *
cf_checked(struct varlena *v)
{
	AbzCashflows *cf = CF_OF(v);
	AbzError	err;

	if (VARSIZE(v) < ABZ_VARHDRSZ ||
		!abz_cf_check(cf, VARSIZE(v) - ABZ_VARHDRSZ, false, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid aibiz.cashflows value: %s", err.msg)));
	return cf;
}

/* a canonical copy of a value (never modifies it) */
static struct varlena *
cf_canonical_copy(Datum d)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	AbzCashflows *cf = cf_checked(v);
	struct varlena *out;
	AbzCashflows *o;
	AbzError	err;

	if (cf->nsorted == cf->n && cf->n == cf->cap)
		return v;
	out = cf_alloc(cf->n);
	o = CF_OF(out);
	memcpy(o, cf, ABZ_CF_SIZE(cf->n));
	o->cap = cf->n;
	if (!abz_cf_normalize(o, palloc(sizeof(AbzFlow) * Max(o->n, 1)), &err))
		finance_raise(&err, "aibiz.cashflows");
	o->cap = o->n;
	SET_VARSIZE(out, CF_VARSIZE(o->n));
	return out;
}

/* cashflows_in: canonical text only */
Datum
abz_cashflows_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	size_t		len = strlen(text);
	size_t		maxflows = abz_cf_text_max_flows(len);
	struct varlena *v;
	AbzError	err;

	if (maxflows > ABZ_CF_MAX_DATES)
		maxflows = ABZ_CF_MAX_DATES;
	v = cf_alloc((uint32) maxflows);
	if (!abz_cf_parse(text, len, CF_OF(v), (uint32) maxflows, &err))
		ereport(ERROR,
				(errcode(err.code == ABZ_ERR_LIMIT ? ERRCODE_PROGRAM_LIMIT_EXCEEDED :
						 err.code == ABZ_ERR_DOMAIN ? ERRCODE_INVALID_PARAMETER_VALUE :
						 ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type aibiz.cashflows: %s", err.msg)));
	SET_VARSIZE(v, CF_VARSIZE(CF_OF(v)->n));
	PG_RETURN_POINTER(v);
}

/*
 * The canonical list of an argument for output: a stored value altered to
 * hold what input would refuse (an amount text cannot read back) is not
 * printed.
 */
static AbzCashflows *
cf_for_output(Datum d)
{
	struct varlena *v = cf_canonical_copy(d);
	AbzCashflows *cf = CF_OF(v);
	AbzError	err;

	if (!abz_cf_check(cf, VARSIZE(v) - ABZ_VARHDRSZ, true, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid aibiz.cashflows value: %s", err.msg)));
	return cf;
}

/* cashflows_out: canonical text */
Datum
abz_cashflows_out(PG_FUNCTION_ARGS)
{
	AbzCashflows *cf = cf_for_output(PG_GETARG_DATUM(0));
	size_t		len = abz_cf_format(cf, NULL, 0, abz_num_pg);
	char	   *buf;

	if (len >= MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.cashflows value is too large to output")));
	buf = palloc(len + 1);
	abz_cf_format(cf, buf, len + 1, abz_num_pg);
	PG_RETURN_CSTRING(buf);
}

/* cashflows_send: the layout of abz_cf_encode */
Datum
abz_cashflows_send(PG_FUNCTION_ARGS)
{
	AbzCashflows *cf = cf_for_output(PG_GETARG_DATUM(0));
	size_t		size = abz_cf_encode(cf, NULL, 0);
	bytea	   *out;

	if (size >= MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.cashflows value is too large to send")));
	out = palloc(VARHDRSZ + size);
	abz_cf_encode(cf, (unsigned char *) VARDATA(out), size);
	SET_VARSIZE(out, VARHDRSZ + size);
	PG_RETURN_BYTEA_P(out);
}

/*
 * cashflows_recv: the layout of abz_cf_decode, every length checked before
 * allocating, exactly as strict as text input
 */
Datum
abz_cashflows_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	AbzError	err;
	AbzCashflows *cf = abz_cf_decode((const unsigned char *) buf->data + buf->cursor,
									 (size_t) (buf->len - buf->cursor), abz_varlena_alloc, &err);

	if (cf == NULL)
		ereport(ERROR,
				(errcode(abz_sqlstate(err.code)),
				 errmsg("invalid binary aibiz.cashflows: %s", err.msg)));
	buf->cursor = buf->len;
	PG_RETURN_POINTER((char *) cf - ABZ_VARHDRSZ);
}

/*
 * Add one flow to a transition value.  In aggregate context the value is
 * the executor's own copy and may be changed in place; elsewhere a new
 * canonical value is built.
 */
static Datum
cf_add(FunctionCallInfo fcinfo, Datum state, bool has_rate, double rate,
	   double amount, DateADT day, const char *what)
{
	struct varlena *v = PG_DETOAST_DATUM(state);
	bool		in_place = AggCheckCallContext(fcinfo, NULL) &&
		v == (struct varlena *) DatumGetPointer(state);
	AbzCashflows *cf = cf_checked(v);
	AbzError	err;

	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cash flow date must be finite")));
	if (!in_place)
	{
		struct varlena *copy = cf_alloc(cf->n + 1);
		AbzCashflows *c = CF_OF(copy);
		uint32		cap = c->cap;

		memcpy(c, cf, ABZ_CF_SIZE(cf->n));
		c->cap = cap;
		v = copy;
		cf = c;
	}
	else if (cf->n == cf->cap)
	{
		/* full: fold the tail in; grow unless that freed half the room */
		if (!abz_cf_normalize(cf, palloc(sizeof(AbzFlow) * Max(cf->n, 1)), &err))
			finance_raise(&err, what);
		if (cf->n >= cf->cap / 2)
		{
			uint32		room = cf->cap < CF_FIRST_ROOM / 2 ? CF_FIRST_ROOM : cf->cap * 2;
			struct varlena *bigger;

			if (room > ABZ_CF_MAX_DATES)
				room = ABZ_CF_MAX_DATES;
			if (cf->n >= room)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("aibiz.cashflows cannot hold more than %d dates",
								ABZ_CF_MAX_DATES)));
			bigger = cf_alloc(room);
			memcpy(CF_OF(bigger), cf, ABZ_CF_SIZE(cf->n));
			CF_OF(bigger)->cap = room;
			v = bigger;
			cf = CF_OF(bigger);
		}
	}
	if ((has_rate && !abz_cf_set_rate(cf, rate, &err)) ||
		!abz_cf_append(cf, (int32_t) day, amount, &err))
		finance_raise(&err, what);
	if (!in_place)
	{
		if (!abz_cf_normalize(cf, palloc(sizeof(AbzFlow) * cf->n), &err))
			finance_raise(&err, what);
		cf->cap = cf->n;
		SET_VARSIZE(v, CF_VARSIZE(cf->n));
	}
	PG_RETURN_POINTER(v);
}

/* add amount under an integer key (a day, or a period) to a list; see cashflows_glue.h */
Datum
abz_cf_add_keyed(FunctionCallInfo fcinfo, Datum state, double amount,
				 int32 key, const char *what)
{
	return cf_add(fcinfo, state, false, 0.0, amount, (DateADT) key, what);
}

/* the canonical list of a value; see cashflows_glue.h */
AbzCashflows *
abz_cf_canonical(Datum d)
{
	return CF_OF(cf_canonical_copy(d));
}

/* xirr transition: (state, amount, day) */
Datum
abz_cashflows_add(PG_FUNCTION_ARGS)
{
	return cf_add(fcinfo, PG_GETARG_DATUM(0), false, 0.0,
				  PG_GETARG_FLOAT8(1), PG_GETARG_DATEADT(2), "xirr");
}

/* xnpv transition: (state, rate, amount, day); the rate must not change */
Datum
abz_cashflows_add_rate(PG_FUNCTION_ARGS)
{
	return cf_add(fcinfo, PG_GETARG_DATUM(0), true, PG_GETARG_FLOAT8(1),
				  PG_GETARG_FLOAT8(2), PG_GETARG_DATEADT(3), "xnpv");
}

/* combine: merge two lists into a new canonical one */
Datum
abz_cashflows_combine(PG_FUNCTION_ARGS)
{
	AbzCashflows *a = CF_OF(cf_canonical_copy(PG_GETARG_DATUM(0)));
	AbzCashflows *b = CF_OF(cf_canonical_copy(PG_GETARG_DATUM(1)));
	struct varlena *v = cf_alloc(a->n + b->n);
	AbzCashflows *o = CF_OF(v);
	AbzError	err;

	if (!abz_cf_merge(a, b, o, &err))
		finance_raise(&err, "aibiz.cashflows");
	o->cap = o->n;
	SET_VARSIZE(v, CF_VARSIZE(o->n));
	PG_RETURN_POINTER(v);
}

/*
 * cashflows final: the canonical form, always in new memory, since the
 * transition value may still change in place afterwards (window aggregates)
 */
Datum
abz_cashflows_final(PG_FUNCTION_ARGS)
{
	struct varlena *v = cf_canonical_copy(PG_GETARG_DATUM(0));

	if (v == (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(0)))
	{
		struct varlena *copy = palloc(VARSIZE(v));

		memcpy(copy, v, VARSIZE(v));
		v = copy;
	}
	PG_RETURN_POINTER(v);
}

/* XNPV of a list at rate; NULL for an empty list */
static Datum
cf_xnpv(FunctionCallInfo fcinfo, AbzCashflows *cf, double rate)
{
	AbzError	err;
	double		v;

	if (cf->n == 0)
		PG_RETURN_NULL();
	if (!abz_xnpv(cf, rate, &v, &err))
		finance_raise(&err, "xnpv");
	PG_RETURN_FLOAT8(v);
}

/* xnpv final: the rate kept in the state */
Datum
abz_cashflows_xnpv_final(PG_FUNCTION_ARGS)
{
	AbzCashflows *cf = CF_OF(cf_canonical_copy(PG_GETARG_DATUM(0)));

	if (cf->n > 0 && !(cf->flags & ABZ_CF_HAS_RATE))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("xnpv: the cash-flow list has no rate")));
	return cf_xnpv(fcinfo, cf, cf->rate);
}

/* xnpv(cashflows, rate): XNPV of a stored list at any rate */
Datum
abz_cashflows_xnpv(PG_FUNCTION_ARGS)
{
	return cf_xnpv(fcinfo, CF_OF(cf_canonical_copy(PG_GETARG_DATUM(0))),
				   PG_GETARG_FLOAT8(1));
}

/* xirr final (also xirr(cashflows)): NULL and a NOTICE when no rate exists */
Datum
abz_cashflows_xirr_final(PG_FUNCTION_ARGS)
{
	AbzCashflows *cf = CF_OF(cf_canonical_copy(PG_GETARG_DATUM(0)));
	AbzError	err;
	double		r;
	bool		found;

	if (cf->n == 0)
		PG_RETURN_NULL();
	if (!abz_xirr(cf, &r, &found, &err, abz_tick))
		finance_raise(&err, "xirr");
	if (!found)
	{
		ereport(NOTICE,
				(errmsg("xirr: no internal rate of return exists for these flows"),
				 errdetail("The net present value does not reach zero for any rate between -0.99 and 10000.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_FLOAT8(r);
}

/* flows(cashflows): one row per date with its summed amount */
Datum
abz_cashflows_flows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzCashflows *cf = CF_OF(cf_canonical_copy(PG_GETARG_DATUM(0)));
	uint32		i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < cf->n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = DateADTGetDatum((DateADT) cf->flows[i].day);
		values[1] = Float8GetDatum(abz_cf_amount(&cf->flows[i]));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
