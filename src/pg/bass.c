/*
 * bass.c — fmgr glue of the bass_fit(t, adopters) aggregate.
 *
 * The state is an aibiz.cashflows list keyed by period: period t is kept
 * under key t, its adopters summed exactly (Q95.32), so the state, its
 * combine function (cashflows_combine) and therefore the fit are the same
 * for every row order, in parallel and across shards.  The final function
 * reads the canonical list and fits with the core (bass.c).
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "utils/builtins.h"

#include "aibiz.h"
#include "bass.h"
#include "cashflows_glue.h"

/* largest period number bass_fit accepts */
#define BASS_MAX_PERIOD 100000

PG_FUNCTION_INFO_V1(abz_bass_add);
PG_FUNCTION_INFO_V1(abz_bass_final);

/* bass_fit transition: (state, t, adopters) */
Datum
abz_bass_add(PG_FUNCTION_ARGS)
{
	double		t = PG_GETARG_FLOAT8(1);
	double		adopters = PG_GETARG_FLOAT8(2);

	if (!(t >= 1 && t <= BASS_MAX_PERIOD) || t != floor(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.bass_fit: period t must be a whole number from 1 to %d, got %g",
						BASS_MAX_PERIOD, t),
				 errhint("Number the periods 1, 2, ... from the start of diffusion; adopters are those of the period ending at t.")));
	if (!isfinite(adopters))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.bass_fit: adopters of period %g must be finite", t)));
	return abz_cf_add_keyed(fcinfo, PG_GETARG_DATUM(0), adopters, (int32) t,
							"aibiz.bass_fit");
}

/* bass_fit final: (p, q, m, rmse, r2, periods), NULL and a notice when there is no fit */
Datum
abz_bass_final(PG_FUNCTION_ARGS)
{
	AbzCashflows *cf = abz_cf_canonical(PG_GETARG_DATUM(0));
	double	   *t = palloc(sizeof(double) * Max(cf->n, 1));
	double	   *y = palloc(sizeof(double) * Max(cf->n, 1));
	TupleDesc	desc;
	Datum		values[6];
	bool		nulls[6] = {false};
	AbzBassFit	fit;
	AbzError	err;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "aibiz.bass_fit: the result type must be a row type");
	for (uint32 i = 0; i < cf->n; i++)
	{
		if (cf->flows[i].day < 1 || cf->flows[i].day > BASS_MAX_PERIOD ||
			(cf->flags & ABZ_CF_HAS_RATE))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aibiz.bass_final: the list is not one of adopters per period"),
					 errdetail("Its keys must be periods 1 to %d without a rate, as bass_fit builds them.",
							   BASS_MAX_PERIOD)));
		t[i] = cf->flows[i].day;
		y[i] = abz_cf_amount(&cf->flows[i]);
	}
	if (!abz_bass_fit(t, y, cf->n, &fit, &err))
	{
		ereport(NOTICE,
				(errmsg("aibiz.bass_fit: no fit: %s", err.msg)));
		PG_RETURN_NULL();
	}
	values[0] = Float8GetDatum(fit.p);
	values[1] = Float8GetDatum(fit.q);
	values[2] = Float8GetDatum(fit.m);
	values[3] = Float8GetDatum(fit.rmse);
	values[4] = Float8GetDatum(fit.r2);
	values[5] = Int32GetDatum(fit.periods);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}
