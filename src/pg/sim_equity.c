/*
 * sim_equity.c — fmgr glue of the questions only a version 2 simulation
 * answers: investor(sim), compare(a, b) and survivors(sim).
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "progress.h"
#include "simval.h"
#include "simval_pg.h"

/* raise a core error of a question */
pg_attribute_noreturn()
static void
equity_raise(const AbzError *err, const char *what)
{
	ereport(ERROR,
			(errcode(abz_sqlstate(err->code)),
			 errmsg("aibiz.%s: %s", what, err->msg),
			 err->code == ABZ_ERR_DOMAIN && strstr(err->msg, "re-simulate") ?
			 errhint("Run aibiz.simulate() again on the same inputs; the new value answers it.") : 0));
	pg_unreachable();
}

/* a float8 datum, NULL when x is NaN */
static void
put_num(Datum *values, bool *nulls, int k, double x)
{
	nulls[k] = isnan(x);
	values[k] = Float8GetDatum(x);
}

/* a one-row result of the function's declared row type */
static Datum
one_row(FunctionCallInfo fcinfo, Datum *values, bool *nulls)
{
	TupleDesc	desc;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "aibiz: the result type must be a row type");
	return HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls));
}

PG_FUNCTION_INFO_V1(aibiz_sim_investor);

/* investor(sim): MOIC and equity IRR quantiles, P(MOIC >= 1), P(MOIC >= 3), mean equity NPV */
Datum
aibiz_sim_investor(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	AbzSimInvestor r;
	AbzError	err;
	Datum		values[12];
	bool		nulls[12] = {false};
	int			k = 0;

	if (!abz_sim_investor(h, palloc(sizeof(double) * (size_t) h->trials), &r,
						  abz_progress_tick, &err))
		equity_raise(&err, "investor");
	values[k++] = Int64GetDatum(r.funded);
	for (int i = 0; i < 4; i++)
		put_num(values, nulls, k++, r.moic[i]);
	for (int i = 0; i < 4; i++)
		put_num(values, nulls, k++, r.irr[i]);
	put_num(values, nulls, k++, r.p_moic_1);
	put_num(values, nulls, k++, r.p_moic_3);
	put_num(values, nulls, k++, r.equity_npv_mean);
	PG_RETURN_DATUM(one_row(fcinfo, values, nulls));
}

PG_FUNCTION_INFO_V1(aibiz_sim_compare);

/* compare(a, b): b against a with common random numbers */
Datum
aibiz_sim_compare(PG_FUNCTION_ARGS)
{
	AbzSimHeader *a = PG_GETARG_SIM(0);
	AbzSimHeader *b = PG_GETARG_SIM(1);
	AbzSimComparison c;
	AbzError	err;
	Datum		values[6];
	bool		nulls[6] = {false};

	if (!abz_sim_compare(a, b, &c, &err))
		equity_raise(&err, "compare");
	values[0] = Int64GetDatum(c.trials);
	put_num(values, nulls, 1, c.npv_diff);
	put_num(values, nulls, 2, c.npv_diff_se);
	put_num(values, nulls, 3, c.p_b_better);
	put_num(values, nulls, 4, c.survival_diff);
	put_num(values, nulls, 5, c.equity_npv_diff);
	PG_RETURN_DATUM(one_row(fcinfo, values, nulls));
}

PG_FUNCTION_INFO_V1(aibiz_sim_survivors);

/* survivors(sim): per month the mean and P5..P95 of members alive */
Datum
aibiz_sim_survivors(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM(0);
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
	double		(*rows)[6];
	AbzError	err;

	rows = palloc(sizeof(double[6]) * (size_t) h->horizon);
	if (!abz_sim_survivors(h, palloc(sizeof(double) * (size_t) h->trials), rows,
						   abz_progress_tick, &err))
		equity_raise(&err, "survivors");
	InitMaterializedSRF(fcinfo, 0);
	for (int m = 0; m < h->horizon; m++)
	{
		Datum		values[8];
		bool		nulls[8] = {false};

		CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum(m + 1);
		values[1] = Int64GetDatum(h->members);
		for (int i = 0; i < 6; i++)
			values[2 + i] = Float8GetDatum(rows[m][i]);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
	return (Datum) 0;
}
