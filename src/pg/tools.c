/*
 * tools.c — fmgr glue of the modeller's toolkit: aibiz.set and aibiz.scale
 * on the three input types, the jsonb casts back to them, and
 * aibiz.tornado, aibiz.spider, aibiz.sensitivity and aibiz.solve.  Paths,
 * overrides and the tools themselves live in the core (override.c,
 * tools.c).
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "override.h"
#include "tools.h"

PG_FUNCTION_INFO_V1(aibiz_set);
PG_FUNCTION_INFO_V1(aibiz_scale);
PG_FUNCTION_INFO_V1(aibiz_revenue_model_from_jsonb);
PG_FUNCTION_INFO_V1(aibiz_risk_profile_from_jsonb);
PG_FUNCTION_INFO_V1(aibiz_plan_from_jsonb);
PG_FUNCTION_INFO_V1(aibiz_tornado);
PG_FUNCTION_INFO_V1(aibiz_tornado_company);
PG_FUNCTION_INFO_V1(aibiz_spider);
PG_FUNCTION_INFO_V1(aibiz_spider_company);
PG_FUNCTION_INFO_V1(aibiz_sensitivity);
PG_FUNCTION_INFO_V1(aibiz_sensitivity_company);
PG_FUNCTION_INFO_V1(aibiz_solve);
PG_FUNCTION_INFO_V1(aibiz_solve_company);

/* the SQL name of a kind */
static const char *
kind_name(int kind)
{
	return (kind >= ABZ_KIND_REVENUE && kind <= ABZ_KIND_PLAN) ?
		abz_kinds[kind].type_name : "input value";
}

/* raise a core error of a tool: a value's errors name its type, the rest the function */
static void
tool_raise(const AbzError *err, const char *fn, int kind)
{
	if (err->term[0] && kind > 0)
		abz_raise(err, kind_name(kind));
	ereport(ERROR,
			(errcode(abz_sqlstate(err->code)),
			 err->term[0] ?
			 errmsg("aibiz.%s: term \"%s\"%s%s%s: %s", fn, err->term,
					err->key[0] ? ", key \"" : "", err->key, err->key[0] ? "\"" : "",
					err->msg) :
			 errmsg("aibiz.%s: %s", fn, err->msg),
			 err->detail[0] ? errdetail("%s", err->detail) : 0));
}

/* ---- set and scale ---- */

/* a new varlena with room for any spec */
static struct varlena *
spec_alloc(void)
{
	return (struct varlena *) palloc0(ABZ_VARHDRSZ + ABZ_SPEC_MAXSIZE);
}

/* finish a changed value: exact size */
static Datum
spec_result(struct varlena *v)
{
	SET_VARSIZE(v, ABZ_SPEC_VARSIZE(ABZ_SPEC_OF(v)));
	PG_RETURN_POINTER(v);
}

/* aibiz.set(value, path, new): the value with one key, strategy or mode replaced */
Datum
aibiz_set(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	text	   *path = PG_GETARG_TEXT_PP(1);
	text	   *val = PG_GETARG_TEXT_PP(2);
	struct varlena *v = spec_alloc();
	AbzPath		p;
	AbzError	err;

	if (!abz_path_resolve(s, VARDATA_ANY(path), VARSIZE_ANY_EXHDR(path), true, &p, &err))
		tool_raise(&err, "set", 0);
	if (!abz_set_text(s, &p, VARDATA_ANY(val), VARSIZE_ANY_EXHDR(val), ABZ_SPEC_OF(v), &err))
		tool_raise(&err, "set", s->kind);
	return spec_result(v);
}

/* aibiz.scale(value, path, factor): the value with one key multiplied */
Datum
aibiz_scale(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	text	   *path = PG_GETARG_TEXT_PP(1);
	double		factor = PG_GETARG_FLOAT8(2);
	struct varlena *v = spec_alloc();
	AbzPath		p;
	AbzError	err;

	if (!abz_path_resolve(s, VARDATA_ANY(path), VARSIZE_ANY_EXHDR(path), false, &p, &err))
		tool_raise(&err, "scale", 0);
	if (!abz_scale(s, &p, factor, ABZ_SPEC_OF(v), &err))
		tool_raise(&err, "scale", s->kind);
	return spec_result(v);
}

/* ---- jsonb back to a value ---- */

/* names of the arguments of each distribution in the jsonb form */
static const char *const dist_arg_names[ABZ_NDIST][3] = {
	{"value"}, {"min", "max"}, {"min", "mode", "max"}, {"min", "mode", "max"},
	{"mean", "sd"}, {"mean", "sd"}
};

/* raise 22023 for a malformed jsonb form of kind */
pg_attribute_noreturn()
static void
json_fail(int kind, const char *msg, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid jsonb for type aibiz.%s: %s%s%s%s", kind_name(kind), msg,
					what ? " \"" : "", what ? what : "", what ? "\"" : ""),
			 errdetail("The jsonb form is an array of term objects: {\"term\": name, key: number or {\"dist\": name, arguments}, ...}.")));
}

/* append a name after checking it is one (letters, digits, underscores) */
static void
put_name(StringInfo out, const JsonbValue *v, int kind)
{
	int			n;

	if (v->type != jbvString)
		json_fail(kind, "a name must be a string", NULL);
	n = v->val.string.len;
	if (n < 1 || n > 31)
		json_fail(kind, "a name must have 1 to 31 characters", NULL);
	for (int i = 0; i < n; i++)
	{
		char		c = v->val.string.val[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
			  (i > 0 && c >= '0' && c <= '9')))
			json_fail(kind, "invalid name", pnstrdup(v->val.string.val, n));
	}
	appendBinaryStringInfo(out, v->val.string.val, n);
}

/* append a jsonb number as its shortest exact float8 text */
static void
put_number(StringInfo out, const JsonbValue *v, int kind)
{
	char		buf[32];
	double		d;

	if (v->type != jbvNumeric)
		json_fail(kind, "expected a number", NULL);
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
	if (!isfinite(d))
		json_fail(kind, "numbers must be finite", NULL);
	abz_num_pg(d, buf);
	appendStringInfoString(out, buf);
}

/* the member key of an object container, or NULL */
static JsonbValue *
member(JsonbContainer *obj, const char *key)
{
	return getKeyJsonValueFromContainer(obj, key, strlen(key), NULL);
}

/* append a distribution written as {"dist": name, arguments by name} */
static void
put_dist(StringInfo out, JsonbContainer *obj, int kind)
{
	JsonbValue *name = member(obj, "dist");
	int			dist = -1;

	if (name == NULL || name->type != jbvString)
		json_fail(kind, "a distribution object needs \"dist\"", NULL);
	for (int d = 1; d < ABZ_NDIST; d++)
		if (strlen(abz_dist_names[d]) == (size_t) name->val.string.len &&
			strncmp(abz_dist_names[d], name->val.string.val, name->val.string.len) == 0)
			dist = d;
	if (dist < 0)
		json_fail(kind, "unknown distribution", pnstrdup(name->val.string.val,
														 name->val.string.len));
	if (JsonContainerSize(obj) != (uint32) abz_dist_arity[dist] + 1)
		json_fail(kind, "unexpected members in the distribution", abz_dist_names[dist]);
	appendStringInfo(out, "%s(", abz_dist_names[dist]);
	for (int i = 0; i < abz_dist_arity[dist]; i++)
	{
		JsonbValue *a = member(obj, dist_arg_names[dist][i]);

		if (a == NULL)
			json_fail(kind, "a distribution argument is missing", dist_arg_names[dist][i]);
		if (i > 0)
			appendStringInfoString(out, ", ");
		put_number(out, a, kind);
	}
	appendStringInfoChar(out, ')');
}

/* append a key's value: a number or a distribution object */
static void
put_param(StringInfo out, const JsonbValue *v, int kind)
{
	if (v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data))
		put_dist(out, v->val.binary.data, kind);
	else
		put_number(out, v, kind);
}

/* append key=value pairs of an object, skipping the member named skip */
static void
put_pairs(StringInfo out, JsonbContainer *obj, const char *skip, int kind, bool *first,
		  void (*special) (StringInfo, const char *, const JsonbValue *, int))
{
	JsonbIterator *it = JsonbIteratorInit(obj);
	JsonbValue	k,
				v;
	JsonbIteratorToken tok;
	char	   *key = NULL;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (tok == WJB_KEY)
		{
			k = v;
			key = pnstrdup(k.val.string.val, k.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE || strcmp(key, skip) == 0)
			continue;
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		if (strcmp(key, ABZ_JSONB_TERM_KEY) == 0)
			appendStringInfoString(out, "term");
		else
			put_name(out, &k, kind);
		appendStringInfoChar(out, '=');
		if (special && (strcmp(key, "strategy") == 0 || strcmp(key, "mode") == 0))
			special(out, key, &v, kind);
		else
			put_param(out, &v, kind);
	}
}

/* append a strategy object {"name": ..., args} or an entry mode string */
static void
put_special(StringInfo out, const char *key, const JsonbValue *v, int kind)
{
	bool		first = true;
	JsonbValue *name;

	if (strcmp(key, "mode") == 0)
	{
		put_name(out, v, kind);
		return;
	}
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		json_fail(kind, "strategy must be an object {\"name\": ..., arguments}", NULL);
	name = member(v->val.binary.data, "name");
	if (name == NULL)
		json_fail(kind, "strategy needs \"name\"", NULL);
	put_name(out, name, kind);
	appendStringInfoChar(out, '(');
	put_pairs(out, v->val.binary.data, "name", kind, &first, NULL);
	appendStringInfoChar(out, ')');
}

/* the text form of the jsonb form of a value of kind */
static char *
json_to_text(Jsonb *j, int kind)
{
	StringInfoData out;
	uint32		n;

	if (!JB_ROOT_IS_ARRAY(j) || JB_ROOT_IS_SCALAR(j))
		json_fail(kind, "expected an array of term objects", NULL);
	n = JB_ROOT_COUNT(j);
	if (n > ABZ_MAX_TERMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("invalid jsonb for type aibiz.%s: more than %d terms",
						kind_name(kind), ABZ_MAX_TERMS)));
	initStringInfo(&out);
	for (uint32 i = 0; i < n; i++)
	{
		JsonbValue *t = getIthJsonbValueFromContainer(&j->root, i);
		JsonbValue *name;
		bool		first = true;

		CHECK_FOR_INTERRUPTS();
		if (t->type != jbvBinary || !JsonContainerIsObject(t->val.binary.data))
			json_fail(kind, "expected an array of term objects", NULL);
		name = member(t->val.binary.data, "term");
		if (name == NULL)
			json_fail(kind, "a term object needs \"term\"", NULL);
		if (i > 0)
			appendStringInfoString(&out, " + ");
		put_name(&out, name, kind);
		appendStringInfoChar(&out, '(');
		put_pairs(&out, t->val.binary.data, "term", kind, &first, put_special);
		appendStringInfoChar(&out, ')');
	}
	return out.data;
}

/* parse the jsonb form of kind into a new value, validated like text input */
static Datum
from_jsonb(Jsonb *j, AbzKind kind)
{
	char	   *txt = json_to_text(j, kind);
	struct varlena *v = spec_alloc();
	AbzError	err;

	if (!abz_parse(kind, txt, strlen(txt), ABZ_SPEC_OF(v), &err))
		abz_raise(&err, kind_name(kind));
	return spec_result(v);
}

/* jsonb -> aibiz.revenue_model */
Datum
aibiz_revenue_model_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_REVENUE);
}

/* jsonb -> aibiz.risk_profile */
Datum
aibiz_risk_profile_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_RISK);
}

/* jsonb -> aibiz.plan */
Datum
aibiz_plan_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_PLAN);
}

/* ---- the tools ---- */

/* honour cancellation between projections and trial blocks */
static void
tools_tick(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/* set up the tools over three specs, a market row and a horizon */
static void
tools_setup(AbzTools *t, AbzSpec *const spec[3], HeapTupleHeader market, int32 horizon)
{
	AbzMarket	mk;

	abz_check_horizon(horizon);
	abz_market_from_record(market, &mk);
	abz_tools_init(t, palloc(abz_tools_scratch_size(horizon)), spec[0], spec[1], spec[2],
				   &mk, horizon);
	t->tick = tools_tick;
}

/* the metric named by a text argument; projection_only rejects simulation metrics */
static AbzMetric
metric_arg(text *name, bool projection_only, const char *fn)
{
	char	   *s = text_to_cstring(name);
	AbzMetric	m;

	if (!abz_metric_from_name(s, &m) || (projection_only && m >= ABZ_METRIC_NPROJ))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.%s: unknown metric \"%s\"", fn, s),
				 errhint(projection_only ?
						 "Use npv, breakeven_month, arr or lowest_cash." :
						 "Use npv, breakeven_month, arr or lowest_cash, or with trials survival or p_npv_positive.")));
	return m;
}

/* the three inputs of the plain form (arguments 0..2) */
static void
spec_args(FunctionCallInfo fcinfo, AbzSpec *spec[3])
{
	for (int i = 0; i < 3; i++)
		spec[i] = PG_GETARG_ABZSPEC(i);
}

#define TORNADO_NCOLS 10

/* the tornado rows of t into the result set */
static Datum
tornado_common(FunctionCallInfo fcinfo, AbzSpec *const spec[3], HeapTupleHeader market,
			   int32 horizon, text *metric_name)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzMetric	metric = metric_arg(metric_name, true, "tornado");
	AbzTools	t;
	AbzTornadoRow *rows;
	AbzError	err;
	double		base;
	int			n;

	tools_setup(&t, spec, market, horizon);
	rows = palloc(sizeof(AbzTornadoRow) * ABZ_TOOLS_MAX_INPUTS);
	n = abz_tornado(&t, metric, rows, &base, &err);
	if (n < 0)
		tool_raise(&err, "tornado", 0);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[TORNADO_NCOLS];
		bool		nulls[TORNADO_NCOLS] = {false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(abz_input_names[rows[i].which]);
		values[2] = CStringGetTextDatum(rows[i].path);
		values[3] = CStringGetTextDatum(rows[i].dist ? "distribution" : "constant");
		values[4] = Float8GetDatum(rows[i].low_input);
		values[5] = Float8GetDatum(rows[i].high_input);
		values[6] = Float8GetDatum(rows[i].low_value);
		values[7] = Float8GetDatum(rows[i].high_value);
		values[8] = Float8GetDatum(base);
		values[9] = Float8GetDatum(rows[i].swing);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* aibiz.tornado(revenue, risk, plan, market, horizon, metric) */
Datum
aibiz_tornado(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	spec_args(fcinfo, spec);
	return tornado_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4),
						  PG_GETARG_TEXT_PP(5));
}

/* aibiz.tornado(company, market, horizon, metric); no rows without the three inputs */
Datum
aibiz_tornado_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	return tornado_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(1), PG_GETARG_INT32(2),
						  PG_GETARG_TEXT_PP(3));
}

#define SPIDER_NCOLS 5

/* the spider rows into the result set */
static Datum
spider_common(FunctionCallInfo fcinfo, AbzSpec *const spec[3], HeapTupleHeader market,
			  int32 horizon, text *metric_name)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzMetric	metric = metric_arg(metric_name, true, "spider");
	AbzTools	t;
	AbzSpiderRow *rows;
	AbzError	err;
	int			n;

	tools_setup(&t, spec, market, horizon);
	rows = palloc(sizeof(AbzSpiderRow) * ABZ_TOOLS_MAX_INPUTS * ABZ_SPIDER_NSTEPS);
	n = abz_spider(&t, metric, rows, &err);
	if (n < 0)
		tool_raise(&err, "spider", 0);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[SPIDER_NCOLS];
		bool		nulls[SPIDER_NCOLS] = {false};

		values[0] = CStringGetTextDatum(abz_input_names[rows[i].which]);
		values[1] = CStringGetTextDatum(rows[i].path);
		values[2] = Float8GetDatum(rows[i].factor);
		values[3] = Float8GetDatum(rows[i].input);
		values[4] = Float8GetDatum(rows[i].value);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* aibiz.spider(revenue, risk, plan, market, horizon, metric) */
Datum
aibiz_spider(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	spec_args(fcinfo, spec);
	return spider_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4),
						 PG_GETARG_TEXT_PP(5));
}

/* aibiz.spider(company, market, horizon, metric) */
Datum
aibiz_spider_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	return spider_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(1), PG_GETARG_INT32(2),
						 PG_GETARG_TEXT_PP(3));
}

/* check a trial count like aibiz.simulate does (sensitivity needs two) */
static void
check_trials(int32 trials, int32 least)
{
	if (trials < least)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trials must be at least %d, got %d", least, trials)));
	if (trials > abz_max_trials)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%d trials exceed the limit of %d", trials, abz_max_trials),
				 errhint("Use fewer trials, or have a superuser raise aibiz.max_trials.")));
}

#define SENS_NCOLS 5

/* the sensitivity rows into the result set */
static Datum
sensitivity_common(FunctionCallInfo fcinfo, AbzSpec *const spec[3], HeapTupleHeader market,
				   int32 horizon, int32 trials, int64 seed)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzTools	t;
	AbzSensRow *rows;
	AbzError	err;
	size_t		need;
	int			n;

	check_trials(trials, 2);
	tools_setup(&t, spec, market, horizon);
	n = abz_tools_prepare(&t, &err);
	if (n < 0)
		tool_raise(&err, "sensitivity", 0);
	need = abz_sensitivity_scratch(trials, n);
	if (need > MaxAllocHugeSize / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.sensitivity of %d trials and %d uncertain keys needs too much memory",
						trials, n),
				 errhint("Use fewer trials.")));
	rows = palloc0(sizeof(AbzSensRow) * (n + 1));
	n = abz_sensitivity(&t, seed, trials,
						palloc_extended(need + 16, MCXT_ALLOC_HUGE), rows, &err);
	if (n < 0)
		tool_raise(&err, "sensitivity", 0);
	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[SENS_NCOLS];
		bool		nulls[SENS_NCOLS] = {false};

		values[0] = Int32GetDatum(i + 1);
		values[1] = CStringGetTextDatum(abz_input_names[rows[i].which]);
		values[2] = CStringGetTextDatum(rows[i].path);
		values[3] = Float8GetDatum(rows[i].rho);
		values[4] = Float8GetDatum(rows[i].share);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* aibiz.sensitivity(revenue, risk, plan, market, horizon, trials, seed) */
Datum
aibiz_sensitivity(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	spec_args(fcinfo, spec);
	return sensitivity_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4),
							  PG_GETARG_INT32(5), PG_GETARG_INT64(6));
}

/* aibiz.sensitivity(company, market, horizon, trials, seed) */
Datum
aibiz_sensitivity_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	return sensitivity_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(1), PG_GETARG_INT32(2),
							  PG_GETARG_INT32(3), PG_GETARG_INT64(4));
}

/*
 * The goal seek of the arguments from first on: path, metric, target, lo,
 * hi, horizon, trials (may be NULL), seed, after the market at first - 1.
 * NULL when another argument is NULL.
 */
static Datum
solve_common(FunctionCallInfo fcinfo, AbzSpec *const spec[3], int first)
{
	TupleDesc	desc;
	AbzTools	t;
	AbzPath		p;
	AbzError	err;
	AbzSolveResult r;
	AbzMetric	metric;
	text	   *path;
	int			which;
	int32		trials = 0;
	Datum		values[3];
	bool		nulls[3] = {false};

	for (int i = first - 1; i <= first + 7; i++)
		if (i != first + 6 && PG_ARGISNULL(i))
			PG_RETURN_NULL();
	if (!PG_ARGISNULL(first + 6))
		check_trials(trials = PG_GETARG_INT32(first + 6), 1);
	path = PG_GETARG_TEXT_PP(first);
	metric = metric_arg(PG_GETARG_TEXT_PP(first + 1), false, "solve");
	tools_setup(&t, spec, PG_GETARG_HEAPTUPLEHEADER(first - 1), PG_GETARG_INT32(first + 5));
	if (!abz_tools_path(&t, VARDATA_ANY(path), VARSIZE_ANY_EXHDR(path), true, &which, &p, &err))
		tool_raise(&err, "solve", 0);
	if (!abz_solve(&t, which, &p, metric, PG_GETARG_FLOAT8(first + 2),
				   PG_GETARG_FLOAT8(first + 3), PG_GETARG_FLOAT8(first + 4), trials,
				   PG_GETARG_INT64(first + 7), &r, &err))
		tool_raise(&err, "solve", which + 1);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "aibiz.solve must return a row");
	values[0] = Float8GetDatum(r.value);
	values[1] = Float8GetDatum(r.achieved);
	values[2] = Int32GetDatum(r.iterations);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/* aibiz.solve(revenue, risk, plan, market, path, metric, target, lo, hi, horizon, trials, seed) */
Datum
aibiz_solve(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	for (int i = 0; i < 3; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	spec_args(fcinfo, spec);
	return solve_common(fcinfo, spec, 4);
}

/* aibiz.solve(company, market, path, metric, target, lo, hi, horizon, trials, seed) */
Datum
aibiz_solve_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (PG_ARGISNULL(0) || !abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
		PG_RETURN_NULL();
	return solve_common(fcinfo, spec, 2);
}
