/*
 * test_engine_edges.c — the block engine (abz_sim_trials with a block's
 * scratch) gives every trial the bytes of the one-trial path
 * (abz_model_trial_inputs): every AbzTrial field and every month of the
 * revenue and cash series, compared trial by trial, over models at the
 * edges: horizons of 1 and 600 months, a launch after the horizon, deaths
 * in month 1 (by losses and by costs), rounds in month 1 and month H with
 * p < 1, a market of no accounts, a shrinking market that caps the
 * accounts, values that overflow to infinity, training every month with a
 * joint venture, Poisson counts past EV_CAP (company and market scope, Latin
 * hypercube), frequencies near 0 and near the largest double, no risks;
 * each in calls of 16, 15, 13, 7 and 1 trials (301 trials, 67 at 600
 * months), and with risk terms switched off (risk_impact).  Each case also
 * checks that it reaches its edge.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "simulate.h"
#include "unit.h"

/* what a case must show in the one-trial run */
enum
{
	EDGE_NONE,
	EDGE_DEATH1,				/* a trial dies in month 1 */
	EDGE_NONFINITE,				/* a trial's value overflows */
	EDGE_CAP,					/* a trial counts more than 1024 events of a risk in a month */
	EDGE_NOREV					/* no trial earns revenue */
};

typedef struct EdgeCase
{
	const char *name;
	const char *rev;
	const char *risk;
	const char *plan;
	AbzMarket	mk;
	int			horizon;
	uint8_t		sampling;
	int64_t		scenario;		/* market key from (scenario, market hash) when not 0 */
	int			edge;
} EdgeCase;

#define MK {10000, 0.05, 0.03, 0.5, 0.0}

static const EdgeCase cases[] = {
	{"h1", "subscription(price=uniform(10,20), seats=1)", "competition(freq=6, churn=5%)", "cash(amount=100k) + team(headcount=1, cost=1k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100) + valuation(multiple=2)", MK, 1, 0, 0, EDGE_NONE},
	{"h600", "subscription(price=uniform(10,20), seats=1) + usage(price=0.01, units=100, growth=1%)", "competition(freq=2, churn=uniform(0,5%)) + regulation(freq=0.5, loss=lognormal(50k,20k))", "cash(amount=1M) + team(headcount=2, cost=5k, growth=3%) + product(launch=3, churn=2%) + marketing(budget=5k, cac=100, growth=5%) + round(month=600, amount=1M, p=50%) + valuation(discount=10%, multiple=2)", MK, 600, 0, 0, EDGE_NONE},
	{"launch after H", "subscription(price=10, seats=1)", "competition(freq=2, churn=1%)", "cash(amount=100k) + team(headcount=1, cost=1k) + product(launch=30, churn=2%) + marketing(budget=1k, cac=100) + valuation(multiple=2)", MK, 12, 0, 0, EDGE_NOREV},
	{"kill month1", "subscription(price=10, seats=1)", "regulation(freq=uniform(10,200), loss=lognormal(1M,500k))", "cash(amount=uniform(10k,3M)) + team(headcount=1, cost=1k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100) + round(month=1, amount=100k, p=50%) + round(month=2, amount=1M, p=30%) + valuation(multiple=2)", MK, 24, 0, 0, EDGE_DEATH1},
	{"rounds at 1 and H, p < 1", "subscription(price=10, seats=1)", "competition(freq=1, churn=1%)", "cash(amount=10k) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100) + round(month=1, amount=5k, p=uniform(0,1)) + round(month=12, amount=5k, p=70%) + round(month=13, amount=1k) + valuation(multiple=2, discount=20%)", MK, 12, 0, 0, EDGE_NONE},
	{"zero accounts", "subscription(price=10, seats=1)", "competition(freq=1, churn=1%)", "cash(amount=10k) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=0, cac=100, organic=0) + valuation(multiple=2)", MK, 24, 0, 0, EDGE_NONE},
	{"shrink cap", "subscription(price=normal(30,5), seats=2) + advertising(impressions=500, cpm=3, users=1, fill=80%)", "competition(freq=6, churn=uniform(0,10%), share=5%)", "cash(amount=100k) + team(headcount=2, cost=8k) + product(launch=1, churn=0.1%) + marketing(budget=50k, cac=5, organic=50%) + valuation(multiple=4)", {2000, 0.0, 0.2, 0.9, -0.6}, 60, 0, 0, EDGE_NONE},
	{"overflow", "subscription(price=uniform(1e200,1e300), seats=1000)", "competition(freq=1, churn=1%)", "cash(amount=10k) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=1M, cac=1, organic=50%) + valuation(multiple=1000)", {1e9, 0.5, 0.03, 0.9, 0.0}, 60, 0, 0, EDGE_NONFINITE},
	{"training every1 jv", "subscription(price=uniform(20,40), seats=3)", "ethics(freq=triangular(0.5,1,3), cost=uniform(0,2k), churn=1%)", "cash(amount=500k) + team(headcount=4, cost=10k) + product(launch=6, churn=2%) + marketing(budget=10k, cac=300, organic=1%) + entry(mode=jv, stake=30%) + training(cost=uniform(20k,60k), every=1, decline=20%) + valuation(multiple=5)", MK, 30, 0, 0, EDGE_NONE},
	{"poisson cap company", "subscription(price=50, seats=1)", "competition(freq=uniform(100,50000), churn=0.001%, loss=uniform(0,1)) + team(freq=uniform(0,3), cost=100)", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 12, 0, 0, EDGE_CAP},
	{"poisson market lhs", "subscription(price=50, seats=1)", "competition(freq=uniform(100,50000), churn=0.001%, loss=uniform(0,1), scope=market) + regulation(freq=uniform(0,40), loss=1k, scope=market)", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 12, 1, 5, EDGE_CAP},
	{"freq zero mix", "subscription(price=50, seats=1)", "competition(freq=uniform(0,0.5), churn=1%) + privacy(freq=0, loss=1k)", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 36, 0, 0, EDGE_NONE},
	{"no risk", "subscription(price=50, seats=1)", "", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 36, 0, 0, EDGE_NONE},
	{"zero market", "subscription(price=10, seats=1)", "competition(freq=1, churn=1%)", "cash(amount=10k) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100, organic=10%) + valuation(multiple=2)", {0, 0.0, 0.03, 0.5, 0.0}, 24, 0, 0, EDGE_NOREV},
	{"tiny values", "subscription(price=uniform(0,1e-300), seats=1)", "competition(freq=1, churn=100%)", "cash(amount=0) + team(headcount=0, cost=0) + product(launch=1, churn=100%) + marketing(budget=0, cac=1e-300) + valuation(multiple=0)", MK, 24, 0, 0, EDGE_NONE},
	{"overflow npv", "subscription(price=10, seats=1)", "competition(freq=1, churn=1%)", "cash(amount=1e308) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100) + round(month=3, amount=1e308, p=50%) + valuation(multiple=1e300)", MK, 24, 0, 0, EDGE_NONFINITE},
	{"kill by cost", "subscription(price=10, seats=1)", "team(freq=uniform(1,300), cost=lognormal(1M, 1M))", "cash(amount=uniform(1,1M)) + team(headcount=1, cost=2k) + product(launch=1, churn=2%) + marketing(budget=1k, cac=100) + valuation(multiple=2)", MK, 24, 0, 0, EDGE_DEATH1},
	{"freq huge", "subscription(price=50, seats=1)", "competition(freq=uniform(1e300,1e308), churn=0.001%, loss=uniform(0,1)) + regulation(freq=lognormal(1e300,1e306), loss=1, scope=market)", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 6, 0, 3, EDGE_CAP},
	{"freq tiny", "subscription(price=50, seats=1)", "competition(freq=uniform(0,1e-300), churn=1%, loss=uniform(0,1)) + regulation(freq=pert(0,1e-10,1), loss=1, scope=market)", "cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)", MK, 24, 0, 3, EDGE_NONE},
};

#define NCASES (int) (sizeof(cases) / sizeof(cases[0]))

/* the one-trial path's trials [0, n) (inputs by block when o asks) */
static void
edge_one(AbzModel *m, const AbzSimOptions *o, int32_t n, void *scratch, AbzTrial *t,
		 double *rev, double *cash)
{
	size_t		H = (size_t) abz_model_horizon(m);
	AbzSimInputs in,
			   *inp = NULL;
	AbzError	err;

	if (abz_sim_inputs_by_block(o))
	{
		abz_sim_inputs_init(&in, m, o, scratch);
		inp = &in;
	}
	for (int32_t i = 0; i < n; i++)
	{
		if (inp && (i == 0 || i - inp->first >= inp->cap))
			CHECK(abz_sim_inputs_fill(inp, m, o, i, n - i < inp->cap ? n - i : inp->cap, &err));
		abz_model_trial_inputs(m, (uint64_t) o->seed, (uint64_t) i,
							   inp ? abz_sim_inputs_row(inp, i) : NULL, &t[i],
							   rev + i * H, cash + i * H);
	}
}

/* trials of the block path in calls of step that differ from the one-trial path's */
static int
edge_diff(AbzModel *m, const AbzSimOptions *o, int32_t n, int step, void *scratch,
		  const AbzTrial *t1, const double *r1, const double *c1)
{
	size_t		H = (size_t) abz_model_horizon(m);
	AbzSimInputs in,
			   *inp = NULL;
	AbzTrial	tb[ABZ_SIM_BLOCK];
	double	   *rb = malloc(sizeof(double) * H * ABZ_SIM_BLOCK),
			   *cb = malloc(sizeof(double) * H * ABZ_SIM_BLOCK);
	void	   *blk = malloc(abz_model_block_size(m));
	AbzError	err;
	int			bad = 0;

	if (abz_sim_inputs_by_block(o))
	{
		abz_sim_inputs_init(&in, m, o, scratch);
		inp = &in;
	}
	for (int32_t i = 0; i < n;)
	{
		int32_t		k = n - i < step ? n - i : step;

		if (inp && (i == 0 || i - inp->first >= inp->cap))
			CHECK(abz_sim_inputs_fill(inp, m, o, i, n - i < inp->cap ? n - i : inp->cap, &err));
		if (inp && i + k > inp->first + inp->cap)
			k = inp->first + inp->cap - i;
		memset(tb, 0xa5, sizeof(tb));
		abz_sim_trials(m, o, inp, i, k, blk, tb, rb, cb);
		for (int32_t j = 0; j < k; j++)
			bad += memcmp(&tb[j], &t1[i + j], sizeof(AbzTrial)) != 0 ||
				memcmp(rb + j * H, r1 + (i + j) * H, sizeof(double) * H) != 0 ||
				memcmp(cb + j * H, c1 + (i + j) * H, sizeof(double) * H) != 0;
		i += k;
	}
	free(rb);
	free(cb);
	free(blk);
	return bad;
}

/* whether the one-trial run shows the case's edge */
static bool
edge_reached(const EdgeCase *c, int32_t n, int H, const AbzTrial *t, const double *rev)
{
	bool		hit = c->edge == EDGE_NONE || c->edge == EDGE_NOREV;

	for (int32_t i = 0; i < n; i++)
	{
		if (c->edge == EDGE_DEATH1 && t[i].death_month == 1)
			hit = true;
		if (c->edge == EDGE_NONFINITE && (!isfinite(t[i].npv) || !isfinite(t[i].exit)))
			hit = true;
		for (int k = 0; c->edge == EDGE_CAP && k < ABZ_RISK_NCAT; k++)
			if (t[i].events[k] > 1024u * (uint32_t) H)
				hit = true;
		for (int s = 0; c->edge == EDGE_NOREV && s < H; s++)
			if (rev[(size_t) i * H + s] != 0.0)
				hit = false;
	}
	return hit;
}

/* one case: both paths, every split, then each of the first two risk terms switched off */
static void
edge_case(const EdgeCase *c, AbzModel *m)
{
	static const int steps[] = {16, 15, 13, 7, 1};
	int			H = abz_model_horizon(m);
	int32_t		n = H >= 600 ? 67 : 301;
	AbzSimOptions o = unit_sim_opts(42, n);
	void	   *scratch;
	AbzTrial   *t1 = calloc((size_t) n, sizeof(AbzTrial));
	double	   *r1 = malloc(sizeof(double) * (size_t) H * (size_t) n),
			   *c1 = malloc(sizeof(double) * (size_t) H * (size_t) n);

	o.sampling = c->sampling;
	scratch = malloc(abz_sim_scratch(m, &o));
	edge_one(m, &o, n, scratch, t1, r1, c1);
	if (!edge_reached(c, n, H, t1, r1))
		printf("    %s: the edge is not reached\n", c->name);
	CHECK(edge_reached(c, n, H, t1, r1));
	for (int s = 0; s < 5; s++)
	{
		int			bad = edge_diff(m, &o, n, steps[s], scratch, t1, r1, c1);

		if (bad)
			printf("    %s, calls of %d: %d trials differ\n", c->name, steps[s], bad);
		CHECK(bad == 0);
	}
	for (int d = 0; d < 2 && c->risk[0] != '\0'; d++)
	{
		abz_model_disable_risk(m, d, true);
		edge_one(m, &o, n, scratch, t1, r1, c1);
		CHECK(edge_diff(m, &o, n, 16, scratch, t1, r1, c1) == 0);
		abz_model_disable_risk(m, d, false);
	}
	free(scratch);
	free(t1);
	free(r1);
	free(c1);
}

ABZ_SUITE(engine_edges)
{
	for (int c = 0; c < NCASES; c++)
	{
		const EdgeCase *ec = &cases[c];
		AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, ec->rev),
				   *risk = unit_spec(ABZ_KIND_RISK, ec->risk),
				   *plan = unit_spec(ABZ_KIND_PLAN, ec->plan);
		AbzModel   *m = malloc(abz_model_size(ec->horizon));
		AbzError	err;
		bool		ok = rev && risk && plan &&
			abz_model_prepare(m, rev, risk, plan, &ec->mk, ec->horizon, &err);

		CHECK(ok);
		if (ok)
		{
			if (ec->scenario)
				abz_model_set_market_key(m, abz_market_key(ec->scenario,
														   abz_market_hash(&ec->mk)));
			edge_case(ec, m);
		}
		free(m);
		free(rev);
		free(risk);
		free(plan);
	}
}
