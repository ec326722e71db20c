/*
 * risk_impact.c — fmgr glue of aibiz.risk_impact: which risk term matters,
 * each removed in turn and the same trials rerun (src/core/risk_impact.c),
 * with its companies-row form.  The market key is set as aibiz.simulate
 * sets it, so the base run is that simulation.
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "aibiz.h"
#include "risk_impact.h"
#include "simulate.h"
#include "simval.h"

PG_FUNCTION_INFO_V1(aibiz_risk_impact);
PG_FUNCTION_INFO_V1(aibiz_risk_impact_company);

#define RISK_IMPACT_NCOLS 8

/* the driver's tick: honour cancel and statement_timeout */
static void
risk_impact_tick(void *arg)
{
	CHECK_FOR_INTERRUPTS();
}

/* the canonical text of term i of a risk profile alone */
static text *
risk_term_text(const AbzSpec *risk, int i)
{
	AbzSpec    *one = palloc0(ABZ_SPEC_SIZE(1));
	size_t		n;
	char	   *buf;

	memcpy(one, risk, offsetof(AbzSpec, terms));
	one->nterms = 1;
	memcpy(&one->terms[0], &risk->terms[i], sizeof(AbzTerm));
	n = abz_format(one, NULL, 0, abz_num_pg);
	buf = palloc(n + 1);
	abz_format(one, buf, n + 1, abz_num_pg);
	return cstring_to_text_with_len(buf, (int) n);
}

/* the rows into the result set: ord, term, category, risk_term, then the comparison */
static void
risk_impact_rows(FunctionCallInfo fcinfo, const AbzSpec *risk, const AbzRiskImpact *rows,
				 int n)
{
	ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[RISK_IMPACT_NCOLS];
		bool		nulls[RISK_IMPACT_NCOLS] = {false};
		bool		all = rows[i].term == ABZ_RISK_IMPACT_ALL;

		values[0] = Int32GetDatum(i + 1);
		if (all)
			nulls[1] = nulls[3] = true;
		else
		{
			values[1] = Int32GetDatum(rows[i].term + 1);
			values[3] = PointerGetDatum(risk_term_text(risk, rows[i].term));
		}
		values[2] = CStringGetTextDatum(all ? "all" :
										abz_kinds[ABZ_KIND_RISK].terms[rows[i].category].name);
		values[4] = Float8GetDatum(rows[i].cmp.npv_diff);
		values[5] = Float8GetDatum(rows[i].cmp.npv_diff_se);
		values[6] = Float8GetDatum(rows[i].cmp.survival_diff);
		values[7] = Float8GetDatum(rows[i].cmp.equity_npv_diff);
		tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
	}
}

/* risk impact of three inputs in a market row, options from argument first (horizon) on */
static Datum
risk_impact_common(FunctionCallInfo fcinfo, AbzSpec *const spec[3], HeapTupleHeader market,
				   int first)
{
	int32		horizon = PG_GETARG_INT32(first);
	AbzSimOptions o;
	AbzMarket	mk;
	AbzSimLayout L;
	AbzError	err;
	AbzModel   *model;
	AbzRiskImpact *rows;
	void	   *base,
			   *variant,
			   *scratch;
	int			n;

	memset(&o, 0, sizeof(o));
	o.trials = PG_GETARG_INT32(first + 1);
	o.seed = PG_GETARG_INT64(first + 2);
	o.scenario = PG_GETARG_INT64(first + 3);
	abz_check_trials(o.trials, "risk_impact");
	abz_check_horizon(horizon);
	abz_market_from_record(market, &mk);
	model = (AbzModel *) palloc(abz_model_size(horizon));
	if (!abz_model_prepare(model, spec[0], spec[1], spec[2], &mk, horizon, &err))
		abz_raise(&err, "simulation");
	abz_notice_no_accounts(spec[2], &mk, horizon, "aibiz.risk_impact");
	abz_model_set_market_key(model, abz_market_key(o.scenario, abz_market_identity(market, &mk)));
	/* size everything before allocating: two values, each below 1 GB */
	if (!abz_sim_layout_for(model, &o, &L, &err))
		abz_raise_tool(&err, "risk_impact", 0);
	base = palloc(L.size);
	variant = palloc(L.size);
	scratch = palloc(abz_sim_scratch(model, &o));
	rows = palloc(sizeof(AbzRiskImpact) * (spec[1]->nterms + 1));
	n = abz_risk_impact(model, spec[1], &o, &L, base, variant, scratch, risk_impact_tick,
						NULL, rows, &err);
	if (n < 0)
		abz_raise_tool(&err, "risk_impact", 0);
	pfree(scratch);
	pfree(variant);
	pfree(base);
	risk_impact_rows(fcinfo, spec[1], rows, n);
	return (Datum) 0;
}

/* aibiz.risk_impact(revenue, risk, plan, market, horizon, trials, seed, scenario) */
Datum
aibiz_risk_impact(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	for (int i = 0; i < 3; i++)
		spec[i] = PG_GETARG_ABZSPEC(i);
	return risk_impact_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(3), 4);
}

/* aibiz.risk_impact(company, market, horizon, trials, seed, scenario); no rows without the three inputs */
Datum
aibiz_risk_impact_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	return risk_impact_common(fcinfo, spec, PG_GETARG_HEAPTUPLEHEADER(1), 2);
}
