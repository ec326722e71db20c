/*
 * model.h — the monthly model of SPEC §5 and §6: one engine that runs the
 * expected path (projection) and Monte Carlo trials with the same monthly
 * step.
 *
 * Usage: allocate abz_model_size(horizon) bytes, abz_model_prepare() once per
 * (revenue, risk, plan, market, horizon), then abz_model_project() for the
 * expected path or abz_model_trial() once per trial.  The model holds its own
 * scratch space, so one AbzModel serves one thread at a time.
 */
#ifndef ABZ_MODEL_H
#define ABZ_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spec.h"

/* A market: the five numbers of SPEC §2 (accounts, adoption, Bass p, q, growth). */
typedef struct AbzMarket
{
	double		accounts;		/* addressable accounts at t = 0, >= 0 */
	double		adoption;		/* cumulative adoption at t = 0, in [0, 1) */
	double		bass_p;			/* innovation, per year, > 0 */
	double		bass_q;			/* imitation, per year, >= 0 */
	double		growth;			/* market growth per year, > -1 */
} AbzMarket;

/* check a market's numbers; false and err (22023) if out of domain */
bool		abz_market_check(const AbzMarket *m, AbzError *err);

/*
 * The monthly series.  Every flow is the company's own share (after a joint
 * venture's stake).  Field order is the column order of the row outputs.
 */
#define ABZ_MONTH_FIELDS(X) \
	X(ACCOUNTS, accounts) \
	X(NEW_ACCOUNTS, new_accounts) \
	X(REVENUE, revenue)					/* net revenue R_t */ \
	X(GROSS_REVENUE, gross_revenue)		/* G_t, before cut, stake, forgo */ \
	X(REV_SUBSCRIPTION, rev_subscription) \
	X(REV_USAGE, rev_usage) \
	X(REV_ADVERTISING, rev_advertising) \
	X(REV_LICENSING, rev_licensing) \
	X(COST_OF_REVENUE, cost_of_revenue) \
	X(GROSS_PROFIT, gross_profit)		/* revenue - cost_of_revenue */ \
	X(OPEX, opex)						/* team + extra opex E */ \
	X(MARKETING, marketing) \
	X(TRAINING, training) \
	X(RISK_COST, risk_cost)				/* losses after cover + mitigation + premiums */ \
	X(CASH_FLOW, cash_flow)				/* operating cash flow F_t */ \
	X(FUNDING, funding) \
	X(CASH, cash)

#define ABZ_MONTH_ENUM(id, name) ABZ_M_##id,
enum
{
	ABZ_MONTH_FIELDS(ABZ_MONTH_ENUM)
	ABZ_MONTH_NFIELDS
};
#undef ABZ_MONTH_ENUM

/* column names, indexed by ABZ_M_* */
extern const char *const abz_month_names[ABZ_MONTH_NFIELDS];

/* one month: v[ABZ_M_*] */
typedef struct AbzMonth
{
	double		v[ABZ_MONTH_NFIELDS];
} AbzMonth;

/* What one Monte Carlo trial reports (SPEC §7). */
typedef struct AbzTrial
{
	double		npv;			/* discounted F_t plus terminal value if alive at H */
	double		arr;			/* 12 * R_H if alive at H, else 0 */
	double		risk_loss;		/* cash lost to risk events (after cover) */
	int32_t		death_month;	/* first month with cash < 0; 0 if it survives */
	int32_t		breakeven_month;	/* first month >= launch with F_t >= 0; 0 if never */
	uint32_t	events[ABZ_RISK_NCAT];	/* event counts per category */
	double		loss[ABZ_RISK_NCAT];	/* cash losses per category */
} AbzTrial;

typedef struct AbzModel AbzModel;

/* bytes to allocate for a model of this horizon (1..ABZ_MAX_HORIZON) */
size_t		abz_model_size(int horizon);

/*
 * Prepare a model: check the market and horizon, resolve the specs into the
 * engine's form, precompute what does not vary by trial.  risk may be an
 * empty profile.  False and err on a domain or limit error.
 */
bool		abz_model_prepare(AbzModel *m, const AbzSpec *revenue, const AbzSpec *risk,
							  const AbzSpec *plan, const AbzMarket *market,
							  int horizon, AbzError *err);

/* horizon and launch month of a prepared model */
int			abz_model_horizon(const AbzModel *m);
int			abz_model_launch(const AbzModel *m);

/*
 * The expected path (SPEC §5, "projection"): out[0..horizon-1] are months
 * 1..H; *npv the valuation.  False and err (ABZ_ERR_OVERFLOW) if a value
 * overflows float8.
 */
bool		abz_model_project(AbzModel *m, AbzMonth *out, double *npv, AbzError *err);

/*
 * One trial (SPEC §6) keyed by (seed, trial).  revenue and cash, when not
 * NULL, receive the horizon monthly values of R_t and K_t (a dead company
 * has revenue 0 and keeps its cash at death).
 */
void		abz_model_trial(AbzModel *m, uint64_t seed, uint64_t trial, AbzTrial *out,
							double *revenue, double *cash);

/*
 * The keys a trial samples once (every key that is a distribution, risk
 * impacts excepted: they are drawn per event), in draw order.  After
 * abz_model_trial(), abz_model_rand_values() gives the values that trial
 * drew (clamped to the keys' domains); reading them changes nothing.
 */
int			abz_model_nrand(const AbzModel *m);
void		abz_model_rand_source(const AbzModel *m, int i, AbzKind *kind, int *term, int *slot);
void		abz_model_rand_values(const AbzModel *m, double *out);

#endif							/* ABZ_MODEL_H */
