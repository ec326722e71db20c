/*
 * simulation.c — fmgr glue of aibiz.simulation: text and binary I/O,
 * aibiz.simulate(), the accessors and row outputs, the summary, and the
 * exact trial-wise addition behind the aibiz.portfolio aggregate.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "simulate.h"
#include "simval.h"

/* largest bins / points of the row outputs */
#define SIM_MAX_ROWS 100000

/* the simulation inside a detoasted varlena */
#define SIM_OF(ptr)		((AbzSimHeader *) ((char *) (ptr) + ABZ_VARHDRSZ))
#define PG_GETARG_SIM(n) sim_arg(fcinfo, (n), NULL)

/* raise a core error; what, if not NULL, prefixes "aibiz.simulation: " to its message */
pg_attribute_noreturn()
static void
sim_raise(const AbzError *err, const char *what)
{
	ereport(ERROR,
			(errcode(abz_sqlstate(err->code)),
			 errmsg("%s%s%s", what ? what : "", what ? " aibiz.simulation: " : "", err->msg),
			 err->code == ABZ_ERR_LIMIT ?
			 errhint("A simulation holds 52 bytes per trial; its text form must stay under 1 GB.") : 0));
	pg_unreachable();
}

/* a new varlena for a value of layout L, zeroed */
static struct varlena *
sim_alloc(const AbzSimLayout *L)
{
	struct varlena *v = (struct varlena *) palloc0(ABZ_VARHDRSZ + L->size);

	SET_VARSIZE(v, ABZ_VARHDRSZ + L->size);
	return v;
}

/* argument n, detoasted and checked as abz_sim_datum() does */
static AbzSimHeader *
sim_arg(FunctionCallInfo fcinfo, int n, AbzSimLayout *L)
{
	return abz_sim_datum(PG_GETARG_DATUM(n), L);
}

/*
 * A simulation datum, detoasted, with its size checked against its header (a
 * damaged stored value is an error, never a read past the buffer); its
 * layout into L if not NULL.
 */
AbzSimHeader *
abz_sim_datum(Datum d, AbzSimLayout *L)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	AbzSimHeader *h = SIM_OF(v);
	AbzSimLayout layout;
	AbzError	err;

	if (L == NULL)
		L = &layout;
	if (VARSIZE(v) < ABZ_VARHDRSZ + sizeof(AbzSimHeader) ||
		h->version != ABZ_SIM_VERSION ||
		!abz_sim_layout_of(h, L, &err) ||
		VARSIZE(v) != ABZ_VARHDRSZ + L->size)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt aibiz.simulation value of %u bytes", VARSIZE(v))));
	return h;
}

/* ---- I/O ---- */

PG_FUNCTION_INFO_V1(aibiz_simulation_in);

/* text input: "simulation v1 trials=... data=<base64>" */
Datum
aibiz_simulation_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	size_t		len = strlen(text);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *v;
	unsigned char *wire;

	if (!abz_sim_text_layout(text, len, &L, &err))
		sim_raise(&err, "invalid input syntax for type");
	v = sim_alloc(&L);
	wire = palloc(L.wire);
	if (!abz_sim_parse(text, len, wire, SIM_OF(v), &L, &err))
		sim_raise(&err, err.code == ABZ_ERR_SYNTAX ?
				  "invalid input syntax for type" : "invalid value for type");
	pfree(wire);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_out);

/* text output: exact, reads back to the same bytes */
Datum
aibiz_simulation_out(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	char	   *buf;

	buf = palloc(L.text + 1);
	abz_sim_format(h, &L, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_recv);

/* binary input: the versioned big-endian form, validated like text input */
Datum
aibiz_simulation_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const unsigned char *bytes = (const unsigned char *) pq_getmsgbytes(buf, len);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *v;

	if (!abz_sim_wire_layout(bytes, (size_t) len, &L, &err))
		sim_raise(&err, "invalid binary value for type");
	v = sim_alloc(&L);
	if (!abz_sim_from_wire(bytes, (size_t) len, SIM_OF(v), &L, &err))
		sim_raise(&err, "invalid binary value for type");
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_send);

/* binary output */
Datum
aibiz_simulation_send(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	StringInfoData buf;

	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, (int) L.wire);
	abz_sim_to_wire(h, (unsigned char *) buf.data + buf.len);
	buf.len += (int) L.wire;
	buf.data[buf.len] = '\0';
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- simulate ---- */

/* the driver's tick: honour cancel and statement_timeout */
static void
sim_tick(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/* run a simulation of already-read inputs */
static Datum
run_simulation(const AbzSpec *revenue, const AbzSpec *risk, const AbzSpec *plan,
			   HeapTupleHeader market, int32 horizon, int32 trials, int64 seed)
{
	AbzMarket	mk;
	AbzSimLayout L;
	AbzError	err;
	AbzModel   *model;
	struct varlena *v;
	void	   *scratch;

	abz_check_horizon(horizon);
	if (trials < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trials must be at least 1, got %d", trials)));
	if (trials > abz_max_trials)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%d trials exceed the limit of %d", trials, abz_max_trials),
				 errhint("Use fewer trials, or have a superuser raise aibiz.max_trials.")));
	/* size everything before allocating anything */
	if (!abz_sim_layout(trials, horizon, true, &L, &err))
		sim_raise(&err, NULL);
	abz_market_from_record(market, &mk);
	model = (AbzModel *) palloc(abz_model_size(horizon));
	if (!abz_model_prepare(model, revenue, risk, plan, &mk, horizon, &err))
		abz_raise(&err, "simulation");
	v = sim_alloc(&L);
	scratch = palloc(abz_sim_builder_scratch(trials, horizon));
	if (!abz_simulate(model, seed, trials, SIM_OF(v), &L, scratch, sim_tick, NULL, &err))
		sim_raise(&err, NULL);
	pfree(scratch);
	pfree(model);
	return PointerGetDatum(v);
}

PG_FUNCTION_INFO_V1(aibiz_simulate);

/* simulate(revenue, risk, plan, market, horizon, trials, seed) */
Datum
aibiz_simulate(PG_FUNCTION_ARGS)
{
	return run_simulation(PG_GETARG_ABZSPEC(0), PG_GETARG_ABZSPEC(1), PG_GETARG_ABZSPEC(2),
						  PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4),
						  PG_GETARG_INT32(5), PG_GETARG_INT64(6));
}

PG_FUNCTION_INFO_V1(aibiz_simulate_company);

/* simulate(company aibiz.companies, market, horizon, trials, seed); NULL if an input is NULL */
Datum
aibiz_simulate_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
		PG_RETURN_NULL();
	return run_simulation(spec[0], spec[1], spec[2], PG_GETARG_HEAPTUPLEHEADER(1),
						  PG_GETARG_INT32(2), PG_GETARG_INT32(3), PG_GETARG_INT64(4));
}

/* ---- scalar accessors ---- */

/* per-trial values (0 npv, 1 arr, 2 loss) as a palloc'd double array */
static double *
trial_values(const AbzSimHeader *h, int which)
{
	double	   *x = palloc(sizeof(double) * (size_t) h->trials);

	abz_sim_trial_values(h, which, x);
	return x;
}

/* error unless v is a finite number */
static void
check_finite(double v, const char *name)
{
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", name)));
}

/* error unless level is in (0, 1) */
static void
check_level(double level)
{
	if (!(level > 0 && level < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("level must be between 0 and 1 (exclusive), got %g", level)));
}

/* header fields only: detoast just the header */
static AbzSimHeader *
sim_header(FunctionCallInfo fcinfo)
{
	struct varlena *v = PG_DETOAST_DATUM_SLICE(PG_GETARG_DATUM(0), 0,
											   ABZ_VARHDRSZ + sizeof(AbzSimHeader));

	if (VARSIZE(v) < ABZ_VARHDRSZ + sizeof(AbzSimHeader))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt aibiz.simulation value")));
	return SIM_OF(v);
}

PG_FUNCTION_INFO_V1(aibiz_sim_trials);

/* trials(sim) */
Datum
aibiz_sim_trials(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(sim_header(fcinfo)->trials);
}

PG_FUNCTION_INFO_V1(aibiz_sim_horizon);

/* horizon(sim) */
Datum
aibiz_sim_horizon(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(sim_header(fcinfo)->horizon);
}

PG_FUNCTION_INFO_V1(aibiz_sim_members);

/* members(sim): simulations summed */
Datum
aibiz_sim_members(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(sim_header(fcinfo)->members);
}

PG_FUNCTION_INFO_V1(aibiz_sim_survival);

/* survival(sim, month): share of member-trials alive at the end of month */
Datum
aibiz_sim_survival(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	int32		month = PG_GETARG_INT32(1);

	if (month < 0 || month > h->horizon)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("month must be between 0 and the horizon %d, got %d", h->horizon, month)));
	PG_RETURN_FLOAT8(abz_sim_survival(h, month));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_mean);

/* npv_mean(sim) */
Datum
aibiz_sim_npv_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM(0), 0));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_stddev);

/* npv_stddev(sim): sample standard deviation of NPV over trials; NULL for one trial */
Datum
aibiz_sim_npv_stddev(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);

	if (h->trials < 2)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(abz_sim_trial_stddev(h, 0));
}

PG_FUNCTION_INFO_V1(aibiz_sim_arr_mean);

/* arr_mean(sim) */
Datum
aibiz_sim_arr_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM(0), 1));
}

PG_FUNCTION_INFO_V1(aibiz_sim_loss_mean);

/* loss_mean(sim): mean total risk loss per trial */
Datum
aibiz_sim_loss_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM(0), 2));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_quantile);

/* npv_quantile(sim, q): type 7, as percentile_cont */
Datum
aibiz_sim_npv_quantile(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	double		q = PG_GETARG_FLOAT8(1);

	if (!(q >= 0 && q <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quantile must be between 0 and 1, got %g", q)));
	PG_RETURN_FLOAT8(abz_quantile7(trial_values(h, 0), (size_t) h->trials, q));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_cdf);

/* npv_cdf(sim, x): share of trials with NPV <= x */
Datum
aibiz_sim_npv_cdf(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	double		x = PG_GETARG_FLOAT8(1);

	check_finite(x, "x");
	PG_RETURN_FLOAT8(abz_sim_npv_cdf(h, x));
}

/* VaR or ES of argument 0 at the level in argument 1 (see abz_sim_tail_risk) */
static double
tail_risk(FunctionCallInfo fcinfo, bool shortfall)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	double		level = PG_GETARG_FLOAT8(1);
	double	   *scratch;
	double		var,
				es;

	check_level(level);
	scratch = palloc(sizeof(double) * (size_t) h->trials);
	abz_sim_tail_risk(h, level, scratch, &var, &es);
	pfree(scratch);
	return shortfall ? es : var;
}

PG_FUNCTION_INFO_V1(aibiz_sim_value_at_risk);

/* value_at_risk(sim, level) = -Q_{1-level}(NPV) */
Datum
aibiz_sim_value_at_risk(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(tail_risk(fcinfo, false));
}

PG_FUNCTION_INFO_V1(aibiz_sim_expected_shortfall);

/* expected_shortfall(sim, level) = -mean of the NPVs at or below Q_{1-level} */
Datum
aibiz_sim_expected_shortfall(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(tail_risk(fcinfo, true));
}

PG_FUNCTION_INFO_V1(aibiz_sim_breakeven_probability);

/* breakeven_probability(sim) */
Datum
aibiz_sim_breakeven_probability(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_breakeven_probability(PG_GETARG_SIM(0)));
}

/* ---- row outputs ---- */

PG_FUNCTION_INFO_V1(aibiz_sim_fan);

/* fan(sim): per month and metric, P5..P95 (NULL in a portfolio) and the mean */
Datum
aibiz_sim_fan(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	AbzSimView	v;

	InitMaterializedSRF(fcinfo, 0);
	abz_sim_view(h, &L, &v);
	for (int m = 0; m < h->horizon; m++)
	{
		for (int metric = 0; metric < 2; metric++)
		{
			Datum		values[8];
			bool		nulls[8] = {0};
			const double *q = metric == 0 ? v.rev_q : v.cash_q;
			const unsigned char *sum = metric == 0 ? v.rev_sum : v.cash_sum;

			values[0] = Int32GetDatum(m + 1);
			values[1] = CStringGetTextDatum(metric == 0 ? "revenue" : "cash");
			for (int k = 0; k < ABZ_SIM_NQ; k++)
			{
				if (q)
					values[2 + k] = Float8GetDatum(q[m * ABZ_SIM_NQ + k]);
				else
					nulls[2 + k] = true;
			}
			values[7] = Float8GetDatum(abz_fixed_to_double(abz_sim_fx(sum, m)) / h->trials);
			tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(aibiz_sim_survival_curve);

/* survival_curve(sim): month, expected members alive, share alive */
Datum
aibiz_sim_survival_curve(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	AbzSimView	v;

	InitMaterializedSRF(fcinfo, 0);
	abz_sim_view(h, &L, &v);
	for (int m = 0; m < h->horizon; m++)
	{
		Datum		values[3];
		bool		nulls[3] = {0};

		values[0] = Int32GetDatum(m + 1);
		values[1] = Float8GetDatum((double) v.alive[m] / h->trials);
		values[2] = Float8GetDatum(abz_sim_survival(h, m + 1));
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(aibiz_sim_risk_attribution);

/* risk_attribution(sim): per category events per trial, mean loss, share of loss */
Datum
aibiz_sim_risk_attribution(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	AbzSimView	v;
	abz_fixed	total = 0;
	bool		exact = true;
	double		dtotal = 0;

	InitMaterializedSRF(fcinfo, 0);
	abz_sim_view(h, &L, &v);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
	{
		if (exact && !abz_fixed_add(total, abz_sim_fx(v.cat_loss, c), &total))
			exact = false;
		dtotal += abz_fixed_to_double(abz_sim_fx(v.cat_loss, c));
	}
	if (exact)
		dtotal = abz_fixed_to_double(total);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
	{
		Datum		values[4];
		bool		nulls[4] = {0};
		double		loss = abz_fixed_to_double(abz_sim_fx(v.cat_loss, c));

		values[0] = CStringGetTextDatum(abz_kinds[ABZ_KIND_RISK].terms[c].name);
		values[1] = Float8GetDatum((double) v.events[c] / h->trials);
		values[2] = Float8GetDatum(loss / h->trials);
		if (dtotal > 0)
			values[3] = Float8GetDatum(loss / dtotal);
		else
			nulls[3] = true;
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* error unless n rows is in 1..SIM_MAX_ROWS */
static void
check_rows(int32 n, const char *name)
{
	if (n < 1 || n > SIM_MAX_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be between 1 and %d, got %d", name, SIM_MAX_ROWS, n)));
}

PG_FUNCTION_INFO_V1(aibiz_sim_loss_exceedance);

/*
 * loss_exceedance(sim, points): P(total risk loss >= x) at points losses
 * evenly spaced from 0 to the largest trial loss (one row if that is 0).
 */
Datum
aibiz_sim_loss_exceedance(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimHeader *h = PG_GETARG_SIM(0);
	int32		points = PG_GETARG_INT32(1);
	double	   *scratch,
			   *loss,
			   *prob;

	check_rows(points, "points");
	InitMaterializedSRF(fcinfo, 0);
	scratch = palloc(sizeof(double) * (size_t) h->trials);
	loss = palloc(sizeof(double) * points);
	prob = palloc(sizeof(double) * points);
	points = abz_sim_exceedance(h, points, scratch, loss, prob);
	for (int k = 0; k < points; k++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		CHECK_FOR_INTERRUPTS();
		values[0] = Float8GetDatum(loss[k]);
		values[1] = Float8GetDatum(prob[k]);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_histogram);

/*
 * npv_histogram(sim, bins): equal-width bins from the smallest to the largest
 * trial NPV; bin k holds [lo, hi), the last also hi.  One bin if all equal.
 */
Datum
aibiz_sim_npv_histogram(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimHeader *h = PG_GETARG_SIM(0);
	int32		bins = PG_GETARG_INT32(1);
	double	   *scratch;
	int64	   *count;
	double		lo,
				hi;

	check_rows(bins, "bins");
	InitMaterializedSRF(fcinfo, 0);
	scratch = palloc(sizeof(double) * (size_t) h->trials);
	count = palloc(sizeof(int64) * bins);
	bins = abz_sim_histogram(h, bins, scratch, count, &lo, &hi);
	for (int b = 0; b < bins; b++)
	{
		Datum		values[5];
		bool		nulls[5] = {0};

		CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum(b + 1);
		values[1] = Float8GetDatum(b == 0 ? lo : lo + (hi - lo) * b / bins);
		values[2] = Float8GetDatum(b == bins - 1 ? hi : lo + (hi - lo) * (b + 1) / bins);
		values[3] = Int64GetDatum(count[b]);
		values[4] = Float8GetDatum((double) count[b] / (double) h->trials);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---- summary ---- */

/* push "key": value (a float8, or null if not finite) */
static void
push_num(JsonbParseState **st, const char *key, double v)
{
	abz_jsonb_push_key(st, key);
	abz_jsonb_push_float8(st, WJB_VALUE, v);
}

PG_FUNCTION_INFO_V1(aibiz_sim_summary);

/* summary(sim): the headline numbers as jsonb */
Datum
aibiz_sim_summary(PG_FUNCTION_ARGS)
{
	static const double ps[] = {0.05, 0.25, 0.5, 0.75, 0.95};
	AbzSimHeader *h = PG_GETARG_SIM(0);
	JsonbParseState *st = NULL;
	JsonbValue *res;
	double	   *x = trial_values(h, 0);
	double		q[5],
				var,
				es;

	abz_quantiles7(x, (size_t) h->trials, ps, 5, q);
	abz_sim_tail_risk(h, 0.95, x, &var, &es);
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	push_num(&st, "trials", h->trials);
	push_num(&st, "horizon", h->horizon);
	push_num(&st, "members", (double) h->members);
	push_num(&st, "launch", h->launch);
	push_num(&st, "seed", (h->flags & ABZ_SIM_MIXED_SEED) ? NAN : (double) h->seed);
	push_num(&st, "npv_mean", abz_sim_trial_mean(h, 0));
	push_num(&st, "npv_p5", q[0]);
	push_num(&st, "npv_p25", q[1]);
	push_num(&st, "npv_p50", q[2]);
	push_num(&st, "npv_p75", q[3]);
	push_num(&st, "npv_p95", q[4]);
	push_num(&st, "p_npv_positive", 1.0 - abz_sim_npv_cdf(h, 0));
	push_num(&st, "value_at_risk_95", var);
	push_num(&st, "expected_shortfall_95", es);
	push_num(&st, "survival", abz_sim_survival(h, h->horizon));
	push_num(&st, "breakeven_probability", abz_sim_breakeven_probability(h));
	push_num(&st, "failure_probability", abz_sim_failure_probability(h));
	push_num(&st, "arr_mean", abz_sim_trial_mean(h, 1));
	push_num(&st, "loss_mean", abz_sim_trial_mean(h, 2));
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* ---- portfolio ---- */

PG_FUNCTION_INFO_V1(aibiz_sim_add);

/*
 * Trial-wise exact sum: the transition and combine function of
 * aibiz.portfolio.  Inside an aggregate the state is ours, so once it is a
 * portfolio (no monthly quantiles, same layout as the sum) it is updated in
 * place instead of copying the whole value per row.
 */
Datum
aibiz_sim_add(PG_FUNCTION_ARGS)
{
	Datum		ad = PG_GETARG_DATUM(0);
	AbzSimHeader *a = PG_GETARG_SIM(0);
	struct varlena *av = (struct varlena *) ((char *) a - ABZ_VARHDRSZ);
	AbzSimHeader *b = PG_GETARG_SIM(1);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *out;
	bool		own = (Pointer) av != DatumGetPointer(ad) ||
		AggCheckCallContext(fcinfo, NULL) == AGG_CONTEXT_AGGREGATE;

	if (!abz_sim_add_layout(a, b, &L, &err))
		sim_raise(&err, NULL);
	if (own && !(a->flags & ABZ_SIM_HAS_QUANTILES))
		out = av;
	else
		out = sim_alloc(&L);
	if (!abz_sim_add(a, b, SIM_OF(out), &L, &err))
		sim_raise(&err, NULL);
	PG_RETURN_POINTER(out);
}
