/*
 * test_tick_work.c — the driver's tick (which honours a cancel) comes about
 * every millisecond of work also when a month samples many risk events:
 * abz_sim_tick_every_model() divides the horizon's trials by the work of a
 * month (abz_model_month_work), and leaves models whose risks arrive by
 * gaps at abz_sim_tick_every(horizon), so their progress counts stay.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "simulate.h"
#include "unit.h"

static int	tw_ticks;

/* count a tick */
static void
tw_tick(void *arg)
{
	(void) arg;
	tw_ticks++;
}

/* a prepared model of horizon H with risk profile risk (malloc'd), NULL on failure */
static AbzModel *
tw_model(const char *risk, int H)
{
	AbzMarket	mk = {10000, 0.05, 0.03, 0.5, 0.0};
	AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, "subscription(price=50, seats=1)"),
			   *rk = unit_spec(ABZ_KIND_RISK, risk),
			   *plan = unit_spec(ABZ_KIND_PLAN, "cash(amount=1e12) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)");
	AbzModel   *m = malloc(abz_model_size(H));
	AbzError	err;
	bool		ok = rev && rk && plan && abz_model_prepare(m, rev, rk, plan, &mk, H, &err);

	free(rev);
	free(rk);
	free(plan);
	if (!ok)
	{
		free(m);
		return NULL;
	}
	return m;
}

/* ticks of a simulation of trials trials of m */
static int
tw_run(AbzModel *m, int32_t trials)
{
	AbzSimOptions o = unit_sim_opts(3, trials);
	AbzSimLayout L;
	AbzError	err;
	bool		conv;
	void	   *v,
			   *s;

	if (!abz_sim_layout_for(m, &o, &L, &err))
		return -1;
	v = calloc(1, L.size);
	s = malloc(abz_sim_scratch(m, &o));
	tw_ticks = 0;
	if (!abz_simulate(m, &o, v, &L, s, tw_tick, NULL, &conv, &err))
		tw_ticks = -1;
	free(v);
	free(s);
	return tw_ticks;
}

ABZ_SUITE(tick_work)
{
	/* 8 risks at 1e6 a year: 83,333 a month each, EV_CAP = 1024 sampled one by one */
	const char *heavy = "competition(freq=1e6, loss=uniform(0,1)) + regulation(freq=1e6, loss=uniform(0,1)) + privacy(freq=1e6, loss=uniform(0,1)) + technology(freq=1e6, loss=uniform(0,1)) + market(freq=1e6, loss=uniform(0,1)) + team(freq=1e6, cost=uniform(0,1)) + data(freq=1e6, loss=uniform(0,1)) + ethics(freq=uniform(1e5,1e6), cost=uniform(0,1))";
	AbzModel   *m = tw_model(heavy, 1);
	AbzModel   *g = tw_model("competition(freq=2, churn=1%) + regulation(freq=triangular(0.5,1,3), loss=1k)", 60);
	AbzModel   *r = tw_model("competition(freq=uniform(0,1200), churn=0.001%)", 12);

	CHECK(m && g && r);
	if (!m || !g || !r)
		return;
	/* a month's work 1 + 8 x 1024 = 8193; 32768 / 1 = 32768 trials -> 32768 / 8193 = 3 */
	CHECK_NEAR(abz_model_month_work(m), 8193.0, 0.0);
	CHECK(abz_sim_tick_every_model(m) == 3);
	/* 600 trials: a tick before trials 3, 6, .. 600 (200) and one for the quantiles;
	 * by the horizon alone, one tick in all (32768 trials between two) */
	CHECK(tw_run(m, 600) == 201);
	/* risks by gaps (at most 3 a year here): the horizon's count, 32768 / 60 = 546 */
	CHECK_NEAR(abz_model_month_work(g), 1.0, 0.0);
	CHECK(abz_sim_tick_every_model(g) == abz_sim_tick_every(60));
	CHECK(abz_sim_tick_every_model(g) == 546);
	/*
	 * a frequency drawn per trial counts at its 99.99 % quantile: 1199.88 a
	 * year, 99.99 a month; 32768 / 12 = 2730 trials / 100.99 = 27.03 -> 27,
	 * rounded down to whole blocks of 16 -> 16
	 */
	CHECK_NEAR(abz_model_month_work(r), 1.0 + 1199.88 / 12.0, 1e-12);
	CHECK(abz_sim_tick_every_model(r) == 16);
	free(m);
	free(g);
	free(r);
}
