/*
 * model.h — the monthly model (docs/model.md): one engine that runs the
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

/* A market: its five numbers (accounts, adoption, Bass p, q, growth). */
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
 * A 64-bit identity of a market built from numbers: h = 0, then for each of
 * accounts, adoption, bass_p, bass_q, growth (in that order)
 * h = splitmix64(h XOR the IEEE 754 bits of the number), where -0.0 counts
 * as 0.0 and splitmix64(z) adds 0x9e3779b97f4a7c15 and applies the
 * splitmix64 finaliser.  Equal numbers give equal identities.
 */
uint64_t	abz_market_hash(const AbzMarket *m);

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

/*
 * Equity slots: the months in which an investor may put money in, month 0
 * (the starting cash) and each distinct round month <= H, ascending.  A
 * model whose rounds fall in more distinct months has no slots (its equity
 * IRR is not kept; MOIC and equity NPV are) and reports the total of its
 * contributions in contrib[0].  (A plan has at most ABZ_MAX_TERMS terms,
 * three of them required, so every valid plan fits.)
 */
#define ABZ_EQ_MAX_SLOTS	64

/* What one Monte Carlo trial reports (docs/simulation.md). */
typedef struct AbzTrial
{
	double		npv;			/* discounted F_t plus terminal value if alive at H */
	double		arr;			/* 12 * R_H if alive at H, else 0 */
	double		risk_loss;		/* cash lost to risk events (after cover) */
	int32_t		death_month;	/* first month with cash < 0; 0 if it survives */
	int32_t		breakeven_month;	/* first month >= launch with F_t >= 0; 0 if never */
	uint32_t	events[ABZ_RISK_NCAT];	/* event counts per category */
	double		loss[ABZ_RISK_NCAT];	/* cash losses per category */
	/* the equity view: contributions in, exit out, both dated */
	double		eq_npv;			/* PV(exit) - PV(contributions) at the valuation rate */
	double		exit;			/* multiple * 12 * R_H + K_H if alive at H, else 0 */
	double		contrib[ABZ_EQ_MAX_SLOTS];	/* contributions per equity slot (abz_model_eq_slots) */
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

/* the work of a month of a trial, in months without risk events (>= 1; see model_risk.c) */
double		abz_model_month_work(const AbzModel *m);

/*
 * The expected path (the projection): out[0..horizon-1] are months
 * 1..H; *npv the valuation.  False and err (ABZ_ERR_OVERFLOW) if a value
 * overflows float8.
 */
bool		abz_model_project(AbzModel *m, AbzMonth *out, double *npv, AbzError *err);

/*
 * The expected path's summary in trial form: npv, arr and the equity view
 * (eq_npv, exit, contrib[] with each round at p * amount); the other fields
 * are 0.  False and err (ABZ_ERR_OVERFLOW) if a value overflows float8.
 */
bool		abz_model_project_equity(AbzModel *m, AbzTrial *out, AbzError *err);

/*
 * One trial keyed by (seed, trial).  revenue and cash, when not
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
/*
 * The equity slots of the model (see ABZ_EQ_MAX_SLOTS) into months[]; returns
 * their count, 0 when the rounds use more distinct months than fit.
 */
int			abz_model_eq_slots(const AbzModel *m, int16_t months[ABZ_EQ_MAX_SLOTS]);

/*
 * Random streams.  Trial i of a simulation draws from Philox streams keyed by
 * (seed, stream, i): one for the keys of revenue and plan terms, one for
 * rounds, one per licensing term, one per risk term (its position in the
 * risk profile).  A risk term with scope=market draws its freq, event counts
 * and event impacts from streams keyed instead by (market_key, category and
 * occurrence, i), so companies of one market in one scenario share them.
 * abz_model_set_market_key() sets that key (prepare resets it to 0, so set
 * it after prepare): the caller mixes the scenario and the market's identity
 * into it, abz_market_key() = splitmix64(identity ^ splitmix64(scenario)).
 * Stream ids and draw order: model.c's header comment and docs/model.md.
 */
uint64_t	abz_market_key(int64_t scenario, uint64_t market_identity);
void		abz_model_set_market_key(AbzModel *m, uint64_t market_key);

/*
 * Switch risk term i (position in the risk profile) off or on: an off term
 * has no events, costs or forgone revenue, and every other stream keeps its
 * numbers (removing a term with common random numbers).  Survives until the
 * model is prepared again.
 */
void		abz_model_disable_risk(AbzModel *m, int i, bool off);

/*
 * One trial whose once-per-trial inputs are given (inputs[0..nrand-1], in
 * abz_model_rand_source() order, already in their domains) instead of drawn:
 * for Latin hypercube and correlated sampling.  inputs NULL: abz_model_trial().
 */
void		abz_model_trial_inputs(AbzModel *m, uint64_t seed, uint64_t trial,
								   const double *inputs, AbzTrial *out,
								   double *revenue, double *cash);

/*
 * The block engine (model_block.c): trials first .. first + n - 1
 * (n <= ABZ_MODEL_LANES) keyed by seed, computed together, each exactly as
 * abz_model_trial_inputs() computes it: out[l], revenue[l * H ..] and
 * cash[l * H ..] are trial first + l's (H the horizon).  inputs: NULL, or
 * the once-per-trial inputs, input i of trial first + l at
 * inputs[i * stride + l].  scratch: abz_model_block_size() bytes,
 * 8-aligned.  Only where abz_model_block_ok() says so (a model without
 * licensing terms, a processor with AVX-512F); elsewhere trials run one at
 * a time.
 */
#define ABZ_MODEL_LANES		16
size_t		abz_model_block_size(const AbzModel *m);
bool		abz_model_block_ok(const AbzModel *m);
void		abz_model_trials_block(AbzModel *m, void *scratch, uint64_t seed, uint64_t first,
								   int n, const double *inputs, size_t stride, AbzTrial *out,
								   double *revenue, double *cash);

/*
 * Once-per-trial input i: a stable 32-bit identity (kind, term position,
 * slot) for keying its stratification, whether it belongs to a market-scope
 * risk (then keyed by the market key, not the seed), and its value at
 * probability u (the clamped quantile of its distribution).
 */
uint32_t	abz_model_rand_id(const AbzModel *m, int i);
bool		abz_model_rand_market(const AbzModel *m, int i);
double		abz_model_rand_quantile(const AbzModel *m, int i, double u);

/* the market-stream value of input i (a market-scope freq) in trial `trial` */
double		abz_model_rand_market_value(const AbzModel *m, int i, uint64_t trial);

int			abz_model_nrand(const AbzModel *m);
void		abz_model_rand_source(const AbzModel *m, int i, AbzKind *kind, int *term, int *slot);
void		abz_model_rand_values(const AbzModel *m, double *out);

#endif							/* ABZ_MODEL_H */
