/*
 * sim_query.c — fmgr glue of the questions asked of an aibiz.simulation:
 * the scalar accessors, the row outputs and the jsonb summary.  Every
 * function reads its value through sim_arg(), sim_arg_part() (a version 3
 * value only up to the part it needs) or sim_header(), which check the
 * stored format version and size first.
 */
#include "postgres.h"

#include <math.h>

#include "access/detoast.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "progress.h"
#include "simval.h"
#include "simval_pg.h"

/* largest bins / points of the row outputs */
#define SIM_MAX_ROWS 100000

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

/*
 * Header fields only: detoast just the header and the version 2 block (the
 * check reads the block's slot count), checked against the full size.
 */
static AbzSimHeader *
sim_header(FunctionCallInfo fcinfo)
{
	const Size	want = ABZ_VARHDRSZ + ABZ_SIM_HEADER_BYTES;
	Size		raw = toast_raw_datum_size(PG_GETARG_DATUM(0));
	struct varlena *v = PG_DETOAST_DATUM_SLICE(PG_GETARG_DATUM(0), 0, Min(raw, want));
	AbzSimLayout L;

	if (raw < ABZ_VARHDRSZ + sizeof(AbzSimHeader) ||
		VARSIZE(v) < Min(raw, want))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("cannot read stored aibiz.simulation value of %zu bytes", (size_t) raw)));
	sim_check_stored(SIM_OF(v), raw - ABZ_VARHDRSZ, &L);
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
	int32		month = PG_GETARG_INT32(1);
	/* version 3: the alive counts follow the summary, month m ends 8 m bytes later */
	AbzSimHeader *h = sim_arg_part(fcinfo, 0, ABZ_SIM_PART_SUMMARY,
								   ABZ_SIM_SUMMARY_END + 8 * (size_t) Max(0, Min(month, ABZ_MAX_HORIZON)),
								   NULL);

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
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM_PART(0, ABZ_SIM_PART_SUMMARY), 0));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_stddev);

/* npv_stddev(sim): sample standard deviation of NPV over trials; NULL for one trial */
Datum
aibiz_sim_npv_stddev(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_SUMMARY);

	if (h->trials < 2)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(abz_sim_trial_stddev(h, 0));
}

PG_FUNCTION_INFO_V1(aibiz_sim_arr_mean);

/* arr_mean(sim) */
Datum
aibiz_sim_arr_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM_PART(0, ABZ_SIM_PART_SUMMARY), 1));
}

PG_FUNCTION_INFO_V1(aibiz_sim_loss_mean);

/* loss_mean(sim): mean total risk loss per trial */
Datum
aibiz_sim_loss_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(abz_sim_trial_mean(PG_GETARG_SIM_PART(0, ABZ_SIM_PART_SUMMARY), 2));
}

PG_FUNCTION_INFO_V1(aibiz_sim_npv_quantile);

/* npv_quantile(sim, q): type 7, as percentile_cont */
Datum
aibiz_sim_npv_quantile(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
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
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
	double		x = PG_GETARG_FLOAT8(1);

	check_finite(x, "x");
	PG_RETURN_FLOAT8(abz_sim_npv_cdf(h, x));
}

/* VaR or ES of argument 0 at the level in argument 1 (see abz_sim_tail_risk) */
static double
tail_risk(FunctionCallInfo fcinfo, bool shortfall)
{
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
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
	PG_RETURN_FLOAT8(abz_sim_breakeven_probability(PG_GETARG_SIM_PART(0, ABZ_SIM_PART_SUMMARY)));
}

/* ---- row outputs ---- */

PG_FUNCTION_INFO_V1(aibiz_sim_fan);

/* fan(sim): per month and metric, P5..P95 (NULL in a portfolio) and the mean */
Datum
aibiz_sim_fan(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg_part(fcinfo, 0, ABZ_SIM_PART_MONTHS, 0, &L);
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
	AbzSimHeader *h = sim_arg_part(fcinfo, 0, ABZ_SIM_PART_MONTHS, 0, &L);
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
	AbzSimHeader *h = sim_arg_part(fcinfo, 0, ABZ_SIM_PART_MONTHS, 0, &L);
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
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
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

/* a portfolio's survivors at the horizon: mean, P5 and P95 (version 2 only) */
static void
push_survivors(JsonbParseState **st, const AbzSimHeader *h)
{
	double		(*rows)[6];
	AbzError	err;

	if (h->version < 2)
		return;
	rows = palloc(sizeof(double[6]) * (size_t) h->horizon);
	if (!abz_sim_survivors(h, palloc(sizeof(double) * (size_t) h->trials), rows,
						   abz_progress_tick, &err))
		return;
	push_num(st, "survivors_mean", rows[h->horizon - 1][0]);
	push_num(st, "survivors_p5", rows[h->horizon - 1][1]);
	push_num(st, "survivors_p95", rows[h->horizon - 1][5]);
}

PG_FUNCTION_INFO_V1(aibiz_sim_summary);

/* summary(sim): the headline numbers as jsonb */
Datum
aibiz_sim_summary(PG_FUNCTION_ARGS)
{
	static const double ps[] = {0.05, 0.25, 0.5, 0.75, 0.95};
	/* a version 3 value up to its trial NPVs; a version 1 or 2 value whole */
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
	JsonbParseState *st = NULL;
	JsonbValue *res;
	double	   *x;
	double		q[5],
				var,
				es;

	/* a version 3 portfolio's survivor counts come last: read it whole (older versions already are) */
	if (h->members > 1 && h->version >= 3)
		h = PG_GETARG_SIM(0);
	x = trial_values(h, 0);

	abz_quantiles7(x, (size_t) h->trials, ps, 5, q);
	abz_sim_tail_risk(h, 0.95, x, &var, &es);
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	push_num(&st, "trials", h->trials);
	push_num(&st, "horizon", h->horizon);
	abz_jsonb_push_int64(&st, "members", h->members);
	push_num(&st, "launch", h->launch);
	/* the seed exactly (a bigint does not survive float8), null when mixed */
	if (h->flags & ABZ_SIM_MIXED_SEED)
		push_num(&st, "seed", NAN);
	else
		abz_jsonb_push_int64(&st, "seed", h->seed);
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
	/* a portfolio reports how many members survive, not whether any fails */
	if (h->members == 1)
		push_num(&st, "failure_probability", abz_sim_failure_probability(h));
	else
		push_survivors(&st, h);
	push_num(&st, "arr_mean", abz_sim_trial_mean(h, 1));
	push_num(&st, "loss_mean", abz_sim_trial_mean(h, 2));
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}


PG_FUNCTION_INFO_V1(aibiz_sim_statistics);

/* statistics(sim): one row, the statistics table of trial NPVs */
Datum
aibiz_sim_statistics(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
	Datum		values[8 + ABZ_SIM_NSTAT_PCT];
	bool		nulls[8 + ABZ_SIM_NSTAT_PCT] = {false};
	TupleDesc	desc;
	AbzSimStats s;
	int			k = 0;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "aibiz.statistics: the result type must be a row type");
	abz_sim_npv_statistics(h, palloc(sizeof(double) * (size_t) h->trials), &s);
	values[k++] = Int64GetDatum(s.trials);
	values[k++] = Float8GetDatum(s.mean);
	nulls[k] = s.trials < 2;
	values[k++] = Float8GetDatum(s.sd);
	nulls[k] = s.sd == 0.0;
	values[k++] = Float8GetDatum(s.skewness);
	nulls[k] = s.sd == 0.0;
	values[k++] = Float8GetDatum(s.kurtosis);
	values[k++] = Float8GetDatum(s.min);
	values[k++] = Float8GetDatum(s.max);
	for (int i = 0; i < ABZ_SIM_NSTAT_PCT; i++)
		values[k++] = Float8GetDatum(s.pct[i]);
	nulls[k] = s.trials < 2;
	values[k++] = Float8GetDatum(s.se);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}
