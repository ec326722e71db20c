/*
 * unit_econ.h — unit economics of a revenue model under a plan:
 * ARPA, cost per account, gross margin, LTV, CAC, LTV/CAC and payback, at
 * launch prices.
 *
 * Pure C, no PostgreSQL headers.
 */
#ifndef ABZ_UNIT_ECON_H
#define ABZ_UNIT_ECON_H

#include <stdbool.h>

#include "spec.h"

/* which fields of AbzUnitEcon are undefined (SQL NULL) */
#define ABZ_UE_NO_GM		0x01	/* ARPA = 0 */
#define ABZ_UE_NO_LTV		0x02	/* churn = 0 or no gross margin */
#define ABZ_UE_NO_CAC		0x04	/* no paid marketing */
#define ABZ_UE_NO_RATIO		0x08	/* LTV or CAC undefined, or CAC = 0 */
#define ABZ_UE_NO_PAYBACK	0x10	/* CAC undefined or gross profit per account <= 0 */

/*
 * The result, per account and month, as the company's own share (after a
 * channel's cut and a joint venture's stake).
 */
typedef struct AbzUnitEcon
{
	double		arpa;			/* net revenue per account per month */
	double		cost_per_account;	/* cost of revenue per account per month */
	double		gross_margin;	/* (arpa - cost_per_account) / arpa */
	double		churn;			/* monthly account churn */
	double		ltv;			/* arpa * gross_margin / churn */
	double		cac;			/* marketing.cac x (1 - stake) */
	double		ltv_to_cac;		/* ltv / cac */
	double		payback_months; /* cac / (arpa * gross_margin) */
	int			nulls;			/* ABZ_UE_* */
} AbzUnitEcon;

/*
 * Compute unit economics at launch: price multiplier 1, price and cost
 * declines applied up to the launch month, usage and impressions at age 0,
 * every distribution at its mean.  Licensing is not per account and is left
 * out.  False and err if the kinds are wrong (ABZ_ERR_DOMAIN) or an output
 * is not finite (ABZ_ERR_OVERFLOW, err->key naming the output).
 */
bool		abz_unit_economics(const AbzSpec *revenue, const AbzSpec *plan,
							   AbzUnitEcon *out, AbzError *err);

#endif							/* ABZ_UNIT_ECON_H */
