/*
 * tools.c — fmgr glue of the modeller's toolkit: aibiz.tornado,
 * aibiz.spider, aibiz.sensitivity and aibiz.solve, each with its
 * companies-row form.  The tools live in the core (src/core/tools.c,
 * sensitivity.c, solve.c).
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "tools.h"

PG_FUNCTION_INFO_V1(aibiz_tornado);
PG_FUNCTION_INFO_V1(aibiz_tornado_company);
PG_FUNCTION_INFO_V1(aibiz_spider);
PG_FUNCTION_INFO_V1(aibiz_spider_company);
PG_FUNCTION_INFO_V1(aibiz_sensitivity);
PG_FUNCTION_INFO_V1(aibiz_sensitivity_company);
PG_FUNCTION_INFO_V1(aibiz_solve);
PG_FUNCTION_INFO_V1(aibiz_solve_company);

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
		abz_raise_tool(&err, "tornado", 0);
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
		abz_raise_tool(&err, "spider", 0);
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
#define SENS_MAX_BYTES	((Size) 1 << 30)	/* scratch of one sensitivity call */

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
		abz_raise_tool(&err, "sensitivity", 0);
	need = abz_sensitivity_scratch(trials, n);
	if (need > SENS_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("aibiz.sensitivity of %d trials and %d uncertain keys needs %zu bytes, more than the limit of 1 GB",
						trials, n, need),
				 errhint("Use fewer trials.")));
	rows = palloc0(sizeof(AbzSensRow) * (n + 1));
	n = abz_sensitivity(&t, seed, trials,
						palloc_extended(need + 16, MCXT_ALLOC_HUGE), rows, &err);
	if (n < 0)
		abz_raise_tool(&err, "sensitivity", 0);
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
		abz_raise_tool(&err, "solve", 0);
	if (!abz_solve(&t, which, &p, metric, PG_GETARG_FLOAT8(first + 2),
				   PG_GETARG_FLOAT8(first + 3), PG_GETARG_FLOAT8(first + 4), trials,
				   PG_GETARG_INT64(first + 7), &r, &err))
		abz_raise_tool(&err, "solve", which + 1);
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
