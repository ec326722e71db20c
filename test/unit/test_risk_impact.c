/*
 * test_risk_impact.c — the risk impact driver: one row per term sorted by
 * |mean NPV change| then the all-terms row; a term that never happens has
 * exactly no impact; removing every term is exactly the empty profile, and
 * removing the last term exactly the profile without it (streams keyed by
 * position); the model is left with every term on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "risk_impact.h"
#include "unit.h"

static const AbzMarket ri_market = {50000, 0.02, 0.03, 0.4, 0.1};

#define RI_H	36
#define RI_T	1500

/* a simulation of (rev, risk, plan) into a new value of layout L; NULL on error */
static void *
ri_simulate(const AbzSpec *rev, const AbzSpec *risk, const AbzSpec *plan,
			const AbzSimOptions *o, AbzSimLayout *L)
{
	AbzModel   *m = malloc(abz_model_size(RI_H));
	AbzError	err;
	void	   *value = NULL,
			   *scratch;
	bool		conv;

	if (abz_model_prepare(m, rev, risk, plan, &ri_market, RI_H, &err) &&
		abz_sim_layout_for(m, o, L, &err))
	{
		value = calloc(1, L->size);
		scratch = malloc(abz_sim_scratch(m, o));
		if (!abz_simulate(m, o, value, L, scratch, NULL, NULL, &conv, &err))
		{
			free(value);
			value = NULL;
		}
		free(scratch);
	}
	free(m);
	return value;
}

/* counts the driver's ticks */
static void
ri_tick(void *arg)
{
	(*(int *) arg)++;
}

/* compare(base, the simulation of risk) equals row exactly */
static bool
ri_row_is(const void *base, const AbzSpec *rev, const char *risk, const AbzSpec *plan,
		  const AbzSimOptions *o, const AbzRiskImpact *row)
{
	AbzSpec    *k = unit_spec(ABZ_KIND_RISK, risk);
	AbzSimLayout L;
	AbzSimComparison c;
	AbzError	err;
	void	   *v = k ? ri_simulate(rev, k, plan, o, &L) : NULL;
	bool		ok = v && abz_sim_compare(base, v, &c, &err) &&
		c.npv_diff == row->cmp.npv_diff && c.npv_diff_se == row->cmp.npv_diff_se &&
		c.survival_diff == row->cmp.survival_diff &&
		c.equity_npv_diff == row->cmp.equity_npv_diff && c.trials == row->cmp.trials;

	free(v);
	free(k);
	return ok;
}

ABZ_SUITE(risk_impact_rows)
{
	AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, "subscription(price=pert(40,60,90), seats=2, cost=5)");
	AbzSpec    *risk = unit_spec(ABZ_KIND_RISK,
								"technology(freq=0) + competition(freq=2, price=10%) + "
								"regulation(freq=1, loss=lognormal(60k, 30k)) + market(freq=1, churn=5%)");
	AbzSpec    *plan = unit_spec(ABZ_KIND_PLAN,
								"cash(amount=400k) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=8k, cac=300)");
	AbzSimOptions o = unit_sim_opts(4, RI_T);
	AbzSimLayout L;
	AbzRiskImpact rows[5];
	AbzError	err;
	AbzModel   *m;
	void	   *base,
			   *variant,
			   *scratch,
			   *again;
	int			n,
				ticks = 0;
	bool		seen[4] = {false};

	CHECK(rev && risk && plan);
	if (!rev || !risk || !plan)
		return;
	m = malloc(abz_model_size(RI_H));
	CHECK(abz_model_prepare(m, rev, risk, plan, &ri_market, RI_H, &err));
	CHECK(abz_sim_layout_for(m, &o, &L, &err));
	base = malloc(L.size);
	variant = malloc(L.size);
	scratch = malloc(abz_sim_scratch(m, &o));
	n = abz_risk_impact(m, risk, &o, &L, base, variant, scratch, ri_tick, &ticks, rows, &err);
	CHECK(n == 5);
	/* six simulations, each ticking at least once per month of its quantiles */
	CHECK(ticks >= 6 * RI_H);
	/* the base is the plain simulation, and the model is left with every term on */
	again = ri_simulate(rev, risk, plan, &o, &L);
	CHECK(again && memcmp(again, base, L.size) == 0);
	free(again);
	again = calloc(1, L.size);
	{
		AbzSimLayout L2 = L;
		bool		conv;

		CHECK(abz_simulate(m, &o, again, &L2, scratch, NULL, NULL, &conv, &err));
		CHECK(memcmp(again, base, L.size) == 0);
	}
	free(again);
	/* each term once, sorted by |npv_diff|, then the all-terms row */
	for (int i = 0; i < 4; i++)
	{
		CHECK(rows[i].term >= 0 && rows[i].term < 4 && !seen[rows[i].term]);
		if (rows[i].term >= 0 && rows[i].term < 4)
		{
			seen[rows[i].term] = true;
			CHECK(rows[i].category == risk->terms[rows[i].term].term);
		}
		if (i > 0)
			CHECK(fabs(rows[i - 1].cmp.npv_diff) >= fabs(rows[i].cmp.npv_diff));
		CHECK(rows[i].cmp.trials == RI_T);
	}
	CHECK(rows[4].term == ABZ_RISK_IMPACT_ALL && rows[4].category == ABZ_RISK_NCAT);
	/* technology(freq=0) never happens: exactly no impact, last of the singles */
	CHECK(rows[3].term == 0);
	CHECK(rows[3].cmp.npv_diff == 0 && rows[3].cmp.npv_diff_se == 0 &&
		  rows[3].cmp.survival_diff == 0 && rows[3].cmp.equity_npv_diff == 0);
	/* the harmful terms: removing them raises NPV and survival */
	for (int i = 0; i < 3; i++)
		CHECK(rows[i].cmp.npv_diff > 4 * rows[i].cmp.npv_diff_se && rows[i].cmp.survival_diff >= 0);
	/* every term off is the empty profile; the last term off is the profile without it */
	CHECK(ri_row_is(base, rev, "", plan, &o, &rows[4]));
	for (int i = 0; i < 4; i++)
		if (rows[i].term == 3)
			CHECK(ri_row_is(base, rev, "technology(freq=0) + competition(freq=2, price=10%) + "
							"regulation(freq=1, loss=lognormal(60k, 30k))", plan, &o, &rows[i]));
	/* a tolerance is refused */
	o.tolerance = 0.01;
	CHECK(abz_risk_impact(m, risk, &o, &L, base, variant, scratch, NULL, NULL, rows, &err) == -1);
	CHECK(err.code == ABZ_ERR_DOMAIN);
	free(scratch);
	free(variant);
	free(base);
	free(m);
	free(rev);
	free(risk);
	free(plan);
}

ABZ_SUITE(risk_impact_empty)
{
	AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, "subscription(price=50)");
	AbzSpec    *risk = unit_spec(ABZ_KIND_RISK, "");
	AbzSpec    *plan = unit_spec(ABZ_KIND_PLAN, "cash(amount=100k) + team(headcount=1, cost=5k) + product(churn=2%)");
	AbzSimOptions o = unit_sim_opts(1, 50);
	AbzSimLayout L;
	AbzRiskImpact rows[1];
	AbzError	err;
	AbzModel   *m;
	void	   *base,
			   *variant,
			   *scratch;

	CHECK(rev && risk && plan);
	if (!rev || !risk || !plan)
		return;
	m = malloc(abz_model_size(RI_H));
	CHECK(abz_model_prepare(m, rev, risk, plan, &ri_market, RI_H, &err));
	CHECK(abz_sim_layout_for(m, &o, &L, &err));
	base = malloc(L.size);
	variant = malloc(L.size);
	scratch = malloc(abz_sim_scratch(m, &o));
	/* nothing to remove: one all-terms row with no change */
	CHECK(abz_risk_impact(m, risk, &o, &L, base, variant, scratch, NULL, NULL, rows, &err) == 1);
	CHECK(rows[0].term == ABZ_RISK_IMPACT_ALL && rows[0].cmp.npv_diff == 0 &&
		  rows[0].cmp.npv_diff_se == 0 && rows[0].cmp.survival_diff == 0);
	free(scratch);
	free(variant);
	free(base);
	free(m);
	free(rev);
	free(risk);
	free(plan);
}
