/*
 * types.c — fmgr glue of the three input types aibiz.revenue_model,
 * aibiz.risk_profile and aibiz.plan: text and binary I/O, equality and
 * hashing, the jsonb cast and the terms() row view.  Parsing, validation
 * and printing live in the core (grammar.c, validate.c, print.c).
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "aibiz.h"

/* the SQL name of a kind, for messages */
static const char *
kind_name(int kind)
{
	return (kind >= ABZ_KIND_REVENUE && kind <= ABZ_KIND_PLAN) ?
		abz_kinds[kind].type_name : "input value";
}

/*
 * parse text input of kind into a new value in its stored form; frees the
 * parse buffer, as array_in and record_in call it per element in one context.
 * The buffer is not zeroed here: abz_parse zeroes the terms it fills.
 */
static Datum
spec_in(const char *text, AbzKind kind)
{
	AbzSpec    *s = palloc(ABZ_SPEC_MAXSIZE);
	AbzError	err;
	struct varlena *v;

	if (!abz_parse(kind, text, strlen(text), s, &err))
		abz_raise(&err, kind_name(kind));
	abz_warn(&err, kind_name(kind));
	v = abz_spec_to_varlena(s);
	pfree(s);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(abz_revenue_model_in);
/* revenue_model text input */
Datum
abz_revenue_model_in(PG_FUNCTION_ARGS)
{
	return spec_in(PG_GETARG_CSTRING(0), ABZ_KIND_REVENUE);
}

PG_FUNCTION_INFO_V1(abz_risk_profile_in);
/* risk_profile text input */
Datum
abz_risk_profile_in(PG_FUNCTION_ARGS)
{
	return spec_in(PG_GETARG_CSTRING(0), ABZ_KIND_RISK);
}

PG_FUNCTION_INFO_V1(abz_plan_in);
/* plan text input */
Datum
abz_plan_in(PG_FUNCTION_ARGS)
{
	return spec_in(PG_GETARG_CSTRING(0), ABZ_KIND_PLAN);
}

PG_FUNCTION_INFO_V1(abz_spec_out);
/*
 * canonical text output of any of the three types; frees the fixed copy,
 * as array_out and record_out call it once per element in one context
 */
Datum
abz_spec_out(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	size_t		n = abz_format(s, NULL, 0, abz_num_pg);
	char	   *buf = palloc(n + 1);

	abz_format(s, buf, n + 1, abz_num_pg);
	pfree(s);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary input (the layout of abz_spec_decode): every length is checked
 * against the bytes present before allocating; validated as text input is;
 * the decoded fixed value is freed (array_recv calls this per element).
 */
static Datum
spec_recv(StringInfo buf, AbzKind kind)
{
	AbzError	err;
	AbzSpec    *s = abz_spec_decode(kind, (const unsigned char *) buf->data + buf->cursor,
									(size_t) (buf->len - buf->cursor), abz_zeroed_alloc, &err);
	struct varlena *v;

	if (s == NULL && err.code == ABZ_ERR_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("invalid binary value for type aibiz.%s: %s", kind_name(kind), err.msg)));
	if (s == NULL)
		abz_raise(&err, kind_name(kind));
	buf->cursor = buf->len;
	v = abz_spec_to_varlena(s);
	pfree(s);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(abz_revenue_model_recv);
/* revenue_model binary input */
Datum
abz_revenue_model_recv(PG_FUNCTION_ARGS)
{
	return spec_recv((StringInfo) PG_GETARG_POINTER(0), ABZ_KIND_REVENUE);
}

PG_FUNCTION_INFO_V1(abz_risk_profile_recv);
/* risk_profile binary input */
Datum
abz_risk_profile_recv(PG_FUNCTION_ARGS)
{
	return spec_recv((StringInfo) PG_GETARG_POINTER(0), ABZ_KIND_RISK);
}

PG_FUNCTION_INFO_V1(abz_plan_recv);
/* plan binary input */
Datum
abz_plan_recv(PG_FUNCTION_ARGS)
{
	return spec_recv((StringInfo) PG_GETARG_POINTER(0), ABZ_KIND_PLAN);
}

PG_FUNCTION_INFO_V1(abz_spec_send);
/* binary output of any of the three types, in the layout spec_recv reads; frees the fixed copy */
Datum
abz_spec_send(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	size_t		size = abz_spec_encode(s, NULL, 0);
	bytea	   *out = palloc(VARHDRSZ + size);

	abz_spec_encode(s, (unsigned char *) VARDATA(out), size);
	SET_VARSIZE(out, VARHDRSZ + size);
	pfree(s);
	PG_RETURN_BYTEA_P(out);
}

/* is a detoasted value stored in the format version this build writes? */
static inline bool
stored_current(const struct varlena *v)
{
	return VARSIZE_ANY_EXHDR(v) >= 1 &&
		*(const unsigned char *) VARDATA_ANY(v) == ABZ_SPEC_STORED;
}

PG_FUNCTION_INFO_V1(aibiz_spec_rewrite);
/*
 * rewrite(value) of any of the three types: a value stored in format
 * version 1 (aibiz 0.3 and before) in the compact version 2 this build
 * writes, the same value; a version 2 value is returned as it is
 */
Datum
aibiz_spec_rewrite(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	if (stored_current(v))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_POINTER(abz_spec_to_varlena(abz_spec_datum(PointerGetDatum(v))));
}

/*
 * Equality of two values.  Called where memory is not reset between calls
 * (ANALYZE compares every sampled value with the ones it tracks), so it
 * allocates nothing that outlives it: two values stored in version 2 are
 * compared as bytes (a value has one version 2 form), others as their
 * fixed forms, freed afterwards.
 */
static bool
spec_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	bool		eq;

	if (stored_current(a) && stored_current(b))
		eq = VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
			memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
	else
	{
		AbzSpec    *x = abz_spec_datum(PointerGetDatum(a));
		AbzSpec    *y = abz_spec_datum(PointerGetDatum(b));

		eq = x->nterms == y->nterms && memcmp(x, y, ABZ_SPEC_SIZE(x->nterms)) == 0;
		pfree(x);
		pfree(y);
	}
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return eq;
}

PG_FUNCTION_INFO_V1(abz_spec_eq);
/* = : the same canonical value */
Datum
abz_spec_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(spec_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(abz_spec_ne);
/* <> : not the same canonical value */
Datum
abz_spec_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!spec_equal(fcinfo));
}

/*
 * Hash of the fixed form, whatever the stored version, so that hash
 * indexes built on values of aibiz 0.3 stay valid; frees what it reads.
 */
static uint64
spec_hash(FunctionCallInfo fcinfo, bool extended, uint64 seed)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	AbzSpec    *s = abz_spec_datum(PointerGetDatum(v));
	uint64		h;

	if (extended)
		h = DatumGetUInt64(hash_any_extended((const unsigned char *) s,
											 ABZ_SPEC_SIZE(s->nterms), seed));
	else
		h = DatumGetUInt32(hash_any((const unsigned char *) s, ABZ_SPEC_SIZE(s->nterms)));
	pfree(s);
	PG_FREE_IF_COPY(v, 0);
	return h;
}

PG_FUNCTION_INFO_V1(abz_spec_hash);
/* hash of the canonical fixed form */
Datum
abz_spec_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) spec_hash(fcinfo, false, 0));
}

PG_FUNCTION_INFO_V1(abz_spec_hash_extended);
/* seeded 64-bit hash of the canonical fixed form */
Datum
abz_spec_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(spec_hash(fcinfo, true, (uint64) PG_GETARG_INT64(1)));
}

/* ---- jsonb ---- */

/* push a string as a key or a value */
static void
push_string(JsonbParseState **st, JsonbIteratorToken tok, const char *str)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) str;
	v.val.string.len = strlen(str);
	pushJsonbValue(st, tok, &v);
}

/* names of the arguments of each distribution in jsonb and terms() */
static const char *const dist_arg_names[ABZ_NDIST][3] = {
	{"value"}, {"min", "max"}, {"min", "mode", "max"}, {"min", "mode", "max"},
	{"mean", "sd"}, {"mean", "sd"}
};

/* push a parameter: a number, or {"dist": name, args...} */
static void
push_param(JsonbParseState **st, const AbzParam *p)
{
	double		v[3] = {p->a, p->b, p->c};

	if (p->dist == ABZ_CONST)
	{
		abz_jsonb_push_float8(st, WJB_VALUE, p->a);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	push_string(st, WJB_KEY, "dist");
	push_string(st, WJB_VALUE, abz_dist_names[p->dist]);
	for (int i = 0; i < abz_dist_arity[p->dist]; i++)
	{
		push_string(st, WJB_KEY, dist_arg_names[p->dist][i]);
		abz_jsonb_push_float8(st, WJB_VALUE, v[i]);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* push "key": value for every key of td, defaults included (licensing's term as term_months) */
static void
push_keys(JsonbParseState **st, const AbzTermDef *td, const AbzTerm *t)
{
	for (int i = 0; i < td->nkeys; i++)
	{
		push_string(st, WJB_KEY, strcmp(td->keys[i].name, "term") == 0 ?
					ABZ_JSONB_TERM_KEY : td->keys[i].name);
		push_param(st, &t->key[td->keys[i].slot]);
	}
}

PG_FUNCTION_INFO_V1(abz_spec_jsonb);
/* jsonb form: an array of term objects, every key with its value; frees the fixed copy */
Datum
abz_spec_jsonb(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < s->nterms; i++)
	{
		const AbzTerm *t = &s->terms[i];
		const AbzTermDef *td = &abz_kinds[s->kind].terms[t->term];

		CHECK_FOR_INTERRUPTS();
		pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
		push_string(&st, WJB_KEY, "term");
		push_string(&st, WJB_VALUE, td->name);
		if (s->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
		{
			push_string(&st, WJB_KEY, "mode");
			push_string(&st, WJB_VALUE, abz_entry_modes[t->sub].name);
			td = &abz_entry_modes[t->sub];
		}
		push_keys(&st, td, t);
		if (s->kind == ABZ_KIND_RISK)
		{
			push_string(&st, WJB_KEY, "scope");
			push_string(&st, WJB_VALUE, t->key[RK_SCOPE].a != 0.0 ? "market" : "company");
			push_string(&st, WJB_KEY, "strategy");
			pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
			push_string(&st, WJB_KEY, "name");
			push_string(&st, WJB_VALUE, abz_strategies[t->sub].name);
			push_keys(&st, &abz_strategies[t->sub], t);
			pushJsonbValue(&st, WJB_END_OBJECT, NULL);
		}
		pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	}
	res = pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	pfree(s);
	PG_RETURN_POINTER(JsonbValueToJsonb(res));
}

/* ---- terms(): one row per key ---- */

#define TERMS_NCOLS 8

/* emit one row of terms(); p may be NULL for a strategy or mode row */
static void
put_row(ReturnSetInfo *rsi, int ord, const char *term, const char *key,
		const char *dist, const AbzParam *p)
{
	Datum		values[TERMS_NCOLS];
	bool		nulls[TERMS_NCOLS];
	double		v[3];

	memset(nulls, true, sizeof(nulls));
	values[0] = Int32GetDatum(ord);
	values[1] = CStringGetTextDatum(term);
	values[2] = CStringGetTextDatum(key);
	nulls[0] = nulls[1] = nulls[2] = false;
	values[3] = CStringGetTextDatum(p == NULL ? dist :
									p->dist == ABZ_CONST ? "const" : abz_dist_names[p->dist]);
	nulls[3] = false;
	if (p != NULL)
	{
		values[4] = Float8GetDatum(abz_param_mean(p));
		nulls[4] = false;
		if (p->dist != ABZ_CONST)
		{
			v[0] = p->a, v[1] = p->b, v[2] = p->c;
			for (int i = 0; i < abz_dist_arity[p->dist]; i++)
			{
				values[5 + i] = Float8GetDatum(v[i]);
				nulls[5 + i] = false;
			}
		}
	}
	tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
}

/* emit the rows of every key of td, prefixing names with prefix */
static void
put_key_rows(ReturnSetInfo *rsi, int ord, const char *term, const AbzTermDef *td,
			 const AbzTerm *t, const char *prefix)
{
	char		name[64];

	for (int i = 0; i < td->nkeys; i++)
	{
		snprintf(name, sizeof(name), "%s%s", prefix, td->keys[i].name);
		put_row(rsi, ord, term, name, NULL, &t->key[td->keys[i].slot]);
	}
}

PG_FUNCTION_INFO_V1(abz_spec_terms);
/* row view: (ord, term, key, dist, value, p1, p2, p3) per key, defaults included */
Datum
abz_spec_terms(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < s->nterms; i++)
	{
		const AbzTerm *t = &s->terms[i];
		const AbzTermDef *td = &abz_kinds[s->kind].terms[t->term];

		CHECK_FOR_INTERRUPTS();
		if (s->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
		{
			put_row(rsi, i + 1, td->name, "mode", abz_entry_modes[t->sub].name, NULL);
			put_key_rows(rsi, i + 1, td->name, &abz_entry_modes[t->sub], t, "");
			continue;
		}
		put_key_rows(rsi, i + 1, td->name, td, t, "");
		if (s->kind == ABZ_KIND_RISK)
		{
			put_row(rsi, i + 1, td->name, "scope", t->key[RK_SCOPE].a != 0.0 ? "market" : "company", NULL);
			put_row(rsi, i + 1, td->name, "strategy", abz_strategies[t->sub].name, NULL);
			put_key_rows(rsi, i + 1, td->name, &abz_strategies[t->sub], t, "strategy.");
		}
	}
	return (Datum) 0;
}
