/*
 * unit_econ.c — unit economics at launch prices (docs/projection.md) from a revenue
 * model and a plan.  An output that leaves the float8 range is an overflow
 * error, never Infinity or NaN.
 */
#include <math.h>
#include <string.h>

#include "unit_econ.h"

/* mean of slot in term t of kind, clamped to the key's domain */
static double
mean_of(AbzKind kind, const AbzTerm *t, int slot)
{
	const AbzKeyDef *kd = abz_key_def(kind, t, slot);
	double		v = abz_param_mean(&t->key[slot]);

	if (kd == NULL)
		return 0.0;
	if (v < kd->lo)
		v = kd->lo;
	if (v > kd->hi)
		v = kd->hi;
	return v;
}

/* the first term with code in a value, or NULL */
static const AbzTerm *
find_term(const AbzSpec *s, int code)
{
	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].term == code)
			return &s->terms[i];
	return NULL;
}

/* false and err (ABZ_ERR_OVERFLOW) naming the first defined output that is not finite */
static bool
check_finite(const AbzUnitEcon *u, AbzError *err)
{
	const struct
	{
		const char *name;
		double		v;
		int			null_flag;
	}			outs[] = {
		{"arpa", u->arpa, 0},
		{"cost_per_account", u->cost_per_account, 0},
		{"gross_margin", u->gross_margin, ABZ_UE_NO_GM},
		{"churn", u->churn, 0},
		{"ltv", u->ltv, ABZ_UE_NO_LTV},
		{"cac", u->cac, ABZ_UE_NO_CAC},
		{"ltv_to_cac", u->ltv_to_cac, ABZ_UE_NO_RATIO},
		{"payback_months", u->payback_months, ABZ_UE_NO_PAYBACK},
	};

	for (size_t i = 0; i < sizeof(outs) / sizeof(outs[0]); i++)
		if (!(u->nulls & outs[i].null_flag) && !isfinite(outs[i].v))
			return abz_error(err, ABZ_ERR_OVERFLOW, NULL, outs[i].name,
							 "%s is out of range for type double precision", outs[i].name);
	return true;
}

/* compute unit economics at launch */
bool
abz_unit_economics(const AbzSpec *revenue, const AbzSpec *plan,
				   AbzUnitEcon *out, AbzError *err)
{
	const AbzTerm *product;
	const AbzTerm *entry;
	const AbzTerm *marketing;
	double		years;
	double		gross = 0.0;
	double		cost = 0.0;
	double		cut = 0.0;
	double		stake = 0.0;
	double		profit;

	if (revenue->kind != ABZ_KIND_REVENUE || plan->kind != ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "unit economics need a revenue model and a plan");
	memset(out, 0, sizeof(*out));
	product = find_term(plan, ABZ_PLAN_PRODUCT);
	years = (product ? mean_of(ABZ_KIND_PLAN, product, PROD_LAUNCH) : 1.0) / 12.0;
	out->churn = product ? mean_of(ABZ_KIND_PLAN, product, PROD_CHURN) : 0.0;

	for (int i = 0; i < revenue->nterms; i++)
	{
		const AbzTerm *t = &revenue->terms[i];

#define M(slot) mean_of(ABZ_KIND_REVENUE, t, slot)
		switch (t->term)
		{
			case ABZ_REV_SUBSCRIPTION:
				gross += M(SUB_ATTACH) * M(SUB_SEATS) * M(SUB_PRICE);
				cost += M(SUB_ATTACH) * M(SUB_SEATS) * M(SUB_COST) *
					pow(1.0 - M(SUB_COST_DECLINE), years);
				break;
			case ABZ_REV_USAGE:
				gross += M(USE_ATTACH) * M(USE_UNITS) * M(USE_PRICE) *
					pow(1.0 - M(USE_PRICE_DECLINE), years);
				cost += M(USE_ATTACH) * M(USE_UNITS) * M(USE_COST) *
					pow(1.0 - M(USE_COST_DECLINE), years);
				break;
			case ABZ_REV_ADVERTISING:
				gross += M(ADV_USERS) * M(ADV_IMPRESSIONS) * M(ADV_FILL) * M(ADV_CPM) / 1000.0;
				cost += M(ADV_USERS) * M(ADV_COST);
				break;
			default:			/* licensing: paid per deal, not per account */
				break;
		}
#undef M
	}

	entry = find_term(plan, ABZ_PLAN_ENTRY);
	if (entry && entry->sub == ABZ_ENTRY_CHANNEL)
		cut = mean_of(ABZ_KIND_PLAN, entry, ENTRY_CUT);
	if (entry && entry->sub == ABZ_ENTRY_JV)
		stake = mean_of(ABZ_KIND_PLAN, entry, ENTRY_STAKE);
	out->arpa = gross * (1.0 - cut) * (1.0 - stake);
	out->cost_per_account = cost * (1.0 - stake);
	profit = out->arpa - out->cost_per_account;

	if (out->arpa > 0.0)
		out->gross_margin = profit / out->arpa;
	else
		out->nulls |= ABZ_UE_NO_GM;
	if (out->churn > 0.0 && !(out->nulls & ABZ_UE_NO_GM))
		out->ltv = out->arpa * out->gross_margin / out->churn;
	else
		out->nulls |= ABZ_UE_NO_LTV;

	marketing = find_term(plan, ABZ_PLAN_MARKETING);
	if (marketing && mean_of(ABZ_KIND_PLAN, marketing, MKT_BUDGET) > 0.0)
		out->cac = mean_of(ABZ_KIND_PLAN, marketing, MKT_CAC) * (1.0 - stake);
	else
		out->nulls |= ABZ_UE_NO_CAC;
	if (!(out->nulls & (ABZ_UE_NO_LTV | ABZ_UE_NO_CAC)) && out->cac > 0.0)
		out->ltv_to_cac = out->ltv / out->cac;
	else
		out->nulls |= ABZ_UE_NO_RATIO;
	if (!(out->nulls & ABZ_UE_NO_CAC) && profit > 0.0)
		out->payback_months = out->cac / profit;
	else
		out->nulls |= ABZ_UE_NO_PAYBACK;
	return check_finite(out, err);
}
