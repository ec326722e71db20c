/*
 * advice.c — explanations of surprising but valid inputs.  A plan whose
 * accounts stay 0 is valid (licensing revenue needs no accounts), but it is
 * usually a forgotten marketing term; project() and simulate() say so.
 */
#include <stdio.h>
#include <string.h>

#include "advice.h"

/* the first term of code in a plan, or NULL */
static const AbzTerm *
plan_term(const AbzSpec *plan, int code)
{
	for (int i = 0; i < plan->nterms; i++)
		if (plan->terms[i].term == code)
			return &plan->terms[i];
	return NULL;
}

/* true if a slot is the constant 0 */
static bool
const_zero(const AbzParam *p)
{
	return p->dist == ABZ_CONST && p->a == 0;
}

/* fill the advice */
static bool
advise(AbzWarning *out, const char *term, const char *key, const char *msg,
	   const char *hint)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->term, sizeof(out->term), "%s", term);
	snprintf(out->key, sizeof(out->key), "%s", key);
	snprintf(out->msg, sizeof(out->msg), "%s", msg);
	snprintf(out->hint, sizeof(out->hint), "%s", hint);
	return true;
}

/* true (and out) if plan acquires no account in mk over horizon months */
bool
abz_no_acquisition(const AbzSpec *plan, const AbzMarket *mk, int horizon,
				   AbzWarning *out)
{
	const AbzTerm *prod = plan_term(plan, ABZ_PLAN_PRODUCT);
	const AbzTerm *mkt = plan_term(plan, ABZ_PLAN_MARKETING);
	const AbzTerm *entry = plan_term(plan, ABZ_PLAN_ENTRY);
	bool		paid,
				organic;
	char		msg[160];

	if (prod != NULL && prod->key[PROD_LAUNCH].a > horizon)
	{
		snprintf(msg, sizeof(msg), "the product launches in month %.0f, after the %d-month horizon",
				 prod->key[PROD_LAUNCH].a, horizon);
		return advise(out, "product", "launch", msg,
					  "Set product(launch=...) within the horizon, or project over more months.");
	}
	if (mk->accounts == 0)
		return advise(out, "", "", "the market has 0 accounts",
					  "Use a market with accounts > 0.");
	paid = mkt != NULL && !const_zero(&mkt->key[MKT_BUDGET]);
	organic = mkt != NULL && !const_zero(&mkt->key[MKT_ORGANIC]) &&
		!(entry != NULL && entry->sub == ABZ_ENTRY_CHANNEL && const_zero(&entry->key[ENTRY_REACH]));
	if (paid || organic)
		return false;
	if (mkt != NULL && !const_zero(&mkt->key[MKT_ORGANIC]))
		return advise(out, "entry", "reach", "the channel's reach is 0 and there is no marketing budget",
					  "Set entry(reach=...) above 0, or marketing(budget=..., cac=...).");
	return advise(out, "marketing", mkt ? "budget" : "",
				  "the plan has no marketing budget and no organic capture",
				  "Set marketing(budget=..., cac=...) for paid acquisition, or "
				  "marketing(organic=...) for the share of new adopters won without paid spend.");
}
