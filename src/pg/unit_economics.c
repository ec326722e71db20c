/*
 * unit_economics.c — fmgr glue of aibiz.unit_economics(revenue, plan): one
 * row of per-account figures at launch prices (computed by the core's
 * unit_econ.c); an output beyond float8 is 22003 naming it.
 */
#include "postgres.h"

#include "funcapi.h"

#include "aibiz.h"
#include "unit_econ.h"

PG_FUNCTION_INFO_V1(abz_unit_economics_fn);

/* aibiz.unit_economics(revenue, plan): one row of OUT parameters */
Datum
abz_unit_economics_fn(PG_FUNCTION_ARGS)
{
	AbzSpec    *revenue = PG_GETARG_ABZSPEC(0);
	AbzSpec    *plan = PG_GETARG_ABZSPEC(1);
	AbzUnitEcon ue;
	AbzError	err;
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("aibiz.unit_economics must be called in a context that accepts a record")));
	tupdesc = BlessTupleDesc(tupdesc);
	if (!abz_unit_economics(revenue, plan, &ue, &err))
	{
		if (err.code == ABZ_ERR_OVERFLOW)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("aibiz.unit_economics: %s", err.msg),
					 errdetail("Output \"%s\" of these inputs does not fit in double precision.", err.key)));
		abz_raise(&err, "plan");
	}
	memset(nulls, 0, sizeof(nulls));
	values[0] = Float8GetDatum(ue.arpa);
	values[1] = Float8GetDatum(ue.cost_per_account);
	values[2] = Float8GetDatum(ue.gross_margin);
	nulls[2] = (ue.nulls & ABZ_UE_NO_GM) != 0;
	values[3] = Float8GetDatum(ue.churn);
	values[4] = Float8GetDatum(ue.ltv);
	nulls[4] = (ue.nulls & ABZ_UE_NO_LTV) != 0;
	values[5] = Float8GetDatum(ue.cac);
	nulls[5] = (ue.nulls & ABZ_UE_NO_CAC) != 0;
	values[6] = Float8GetDatum(ue.ltv_to_cac);
	nulls[6] = (ue.nulls & ABZ_UE_NO_RATIO) != 0;
	values[7] = Float8GetDatum(ue.payback_months);
	nulls[7] = (ue.nulls & ABZ_UE_NO_PAYBACK) != 0;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
