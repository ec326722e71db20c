/*
 * risk_impact.h — which risk matters: each risk term of a profile removed
 * in turn, the same trials rerun with common random numbers, and the paired
 * change against the base simulation; then every term removed at once.
 */
#ifndef ABZ_RISK_IMPACT_H
#define ABZ_RISK_IMPACT_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "simulate.h"
#include "simval.h"
#include "spec.h"

/* AbzRiskImpact.term of the row that removes every term */
#define ABZ_RISK_IMPACT_ALL		(-1)

/* one variant against the base: the comparison is removed minus base */
typedef struct AbzRiskImpact
{
	int			term;			/* position in the profile (0-based), or ABZ_RISK_IMPACT_ALL */
	int			category;		/* the term's risk category (ABZ_RISK_*), or ABZ_RISK_NCAT */
	AbzSimComparison cmp;		/* compare(base, variant) */
} AbzRiskImpact;

/*
 * Run the base simulation of m (prepared with the risk profile risk, market
 * key set) under o into base, then for each term i of risk a simulation with
 * term i switched off (abz_model_disable_risk) into variant, compared with
 * the base right after it, then one with every term off.  base and variant
 * hold L->size bytes (L from abz_sim_layout_for(m, o)); scratch holds
 * abz_sim_scratch(m, o) bytes; variant is zeroed before each run, so one
 * buffer serves every variant.  o must run a fixed number of trials (no
 * tolerance).  rows[risk->nterms + 1] receives the single-term rows sorted
 * by |npv_diff| descending (ties by position), then the all-terms row.
 * Every term is switched back on before returning.  Returns the row count,
 * or -1 and err.
 */
int			abz_risk_impact(AbzModel *m, const AbzSpec *risk, const AbzSimOptions *o,
							const AbzSimLayout *L, void *base, void *variant, void *scratch,
							void (*tick) (void *), void *arg, AbzRiskImpact *rows,
							AbzError *err);

#endif							/* ABZ_RISK_IMPACT_H */
