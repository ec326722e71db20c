/*
 * risk_impact.c — the impact of each risk term on a simulation: the term
 * switched off, the same trials rerun (every other random stream keeps its
 * numbers, since streams are keyed by term position), and the paired
 * comparison against the base.  Unlike the cash losses of a simulation's
 * risk attribution, this counts every effect of a term: its losses, churn,
 * price and share shocks, extra costs, premiums and forgone revenue.
 *
 * Memory is the caller's: one value for the base and one reused for every
 * variant, each compared with the base as soon as it is run.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "risk_impact.h"

/* run one simulation of m under o into a zeroed value of layout *L0 */
static bool
run_into(AbzModel *m, const AbzSimOptions *o, const AbzSimLayout *L0, void *value,
		 void *scratch, void (*tick) (void *), void *arg, AbzError *err)
{
	AbzSimLayout L = *L0;
	bool		converged;

	memset(value, 0, L0->size);
	return abz_simulate(m, o, value, &L, scratch, tick, arg, &converged, err);
}

/* the variant in which the terms flagged in off[] are switched off, against base */
static bool
run_variant(AbzModel *m, int nterms, const bool *off, const AbzSimOptions *o,
			const AbzSimLayout *L, const void *base, void *variant, void *scratch,
			void (*tick) (void *), void *arg, AbzSimComparison *cmp, AbzError *err)
{
	bool		ok;

	for (int i = 0; i < nterms; i++)
		abz_model_disable_risk(m, i, off[i]);
	ok = run_into(m, o, L, variant, scratch, tick, arg, err);
	for (int i = 0; i < nterms; i++)
		abz_model_disable_risk(m, i, false);
	return ok && abz_sim_compare(base, variant, cmp, err);
}

/* order of single-term rows: larger |npv_diff| first, then by position */
static int
cmp_rows(const void *pa, const void *pb)
{
	const AbzRiskImpact *a = pa;
	const AbzRiskImpact *b = pb;
	double		x = fabs(a->cmp.npv_diff);
	double		y = fabs(b->cmp.npv_diff);

	if (x != y)
		return x > y ? -1 : 1;
	return (a->term > b->term) - (a->term < b->term);
}

/* the driver (risk_impact.h) */
int
abz_risk_impact(AbzModel *m, const AbzSpec *risk, const AbzSimOptions *o,
				const AbzSimLayout *L, void *base, void *variant, void *scratch,
				void (*tick) (void *), void *arg, AbzRiskImpact *rows, AbzError *err)
{
	int			n = risk->nterms;
	bool		off[ABZ_MAX_TERMS];

	if (o->tolerance != 0.0 || n > ABZ_MAX_TERMS)
	{
		abz_error(err, ABZ_ERR_DOMAIN, "", "",
				  "risk impact needs a fixed number of trials and at most %d risk terms",
				  ABZ_MAX_TERMS);
		return -1;
	}
	memset(off, 0, sizeof(off));
	if (!run_into(m, o, L, base, scratch, tick, arg, err))
		return -1;
	for (int i = 0; i < n; i++)
	{
		rows[i].term = i;
		rows[i].category = risk->terms[i].term;
		off[i] = true;
		if (!run_variant(m, n, off, o, L, base, variant, scratch, tick, arg, &rows[i].cmp, err))
			return -1;
		off[i] = false;
	}
	for (int i = 0; i < n; i++)
		off[i] = true;
	rows[n].term = ABZ_RISK_IMPACT_ALL;
	rows[n].category = ABZ_RISK_NCAT;
	if (!run_variant(m, n, off, o, L, base, variant, scratch, tick, arg, &rows[n].cmp, err))
		return -1;
	qsort(rows, (size_t) n, sizeof(AbzRiskImpact), cmp_rows);
	return n + 1;
}
