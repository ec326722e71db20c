/*
 * core_trial.c — throughput of the Monte Carlo trial in the standalone core:
 * trial-months per second on one core for the reference company
 * (subscription + usage streams, three risks, one funding round, 60 months).
 *
 * Build and run from the repository root:
 *   cc -O2 -Isrc/core bench/core_trial.c src/core/[a-z]*.c -lm -o build/core_trial
 *   ./build/core_trial [trials]
 *
 * Time is the process's CPU time, best of three runs, so that other load on
 * a shared machine disturbs the figure less.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"

typedef union SpecBuf
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
} SpecBuf;

static SpecBuf rev_buf,
			risk_buf,
			plan_buf;

/* append a term with its defaults, like the parser */
static AbzTerm *
term(AbzSpec *s, int code, int sub)
{
	AbzTerm    *t = &s->terms[s->nterms++];
	const AbzTermDef *td = &abz_kinds[s->kind].terms[code];

	t->term = (uint8_t) code;
	t->sub = (uint8_t) sub;
	for (int i = 0; i < td->nkeys; i++)
		t->key[td->keys[i].slot].a = td->keys[i].def;
	if (s->kind == ABZ_KIND_RISK)
		for (int i = 0; i < abz_strategies[sub].nkeys; i++)
			t->key[abz_strategies[sub].keys[i].slot].a = abz_strategies[sub].keys[i].def;
	return t;
}

/* set a key: dist, a, b, c */
static void
key(AbzTerm *t, int slot, AbzDist d, double a, double b, double c)
{
	t->key[slot].dist = (uint8_t) d;
	t->key[slot].a = a;
	t->key[slot].b = b;
	t->key[slot].c = c;
}

/*
 * The reference company:
 *   revenue: subscription(price=triangular(30,49,60), seats=3, cost=4)
 *          + usage(price=0.002, units=lognormal(30000,10000), cost=0.0007, cost_decline=30%)
 *   risk:    competition(freq=uniform(0.5,1.5), price=triangular(5%,10%,30%))
 *          + regulation(freq=0.5, loss=lognormal(200k,150k), strategy=transfer(2000,50%))
 *          + team(freq=1, churn=uniform(0,10%), strategy=mitigate(1000,30%))
 *   plan:    cash(1.5M) + team(6, 11k, growth=10%) + product(launch=3, churn=uniform(2%,4%))
 *          + marketing(budget=20k, cac=400, organic=5%) + round(month=18, amount=3M, p=0.6)
 *   market:  40k accounts, adoption 5 %, p 0.02, q 0.35, growth 8 %
 */
static void
reference(AbzSpec *rev, AbzSpec *risk, AbzSpec *plan)
{
	AbzTerm    *t;

	rev->version = risk->version = plan->version = ABZ_SPEC_VERSION;
	rev->kind = ABZ_KIND_REVENUE;
	risk->kind = ABZ_KIND_RISK;
	plan->kind = ABZ_KIND_PLAN;
	t = term(rev, ABZ_REV_SUBSCRIPTION, 0);
	key(t, SUB_PRICE, ABZ_TRIANGULAR, 30, 49, 60);
	key(t, SUB_SEATS, ABZ_CONST, 3, 0, 0);
	key(t, SUB_COST, ABZ_CONST, 4, 0, 0);
	t = term(rev, ABZ_REV_USAGE, 0);
	key(t, USE_PRICE, ABZ_CONST, 0.002, 0, 0);
	key(t, USE_UNITS, ABZ_LOGNORMAL, 30000, 10000, 0);
	key(t, USE_COST, ABZ_CONST, 0.0007, 0, 0);
	key(t, USE_COST_DECLINE, ABZ_CONST, 0.3, 0, 0);
	t = term(risk, ABZ_RISK_COMPETITION, ABZ_STRAT_ACCEPT);
	key(t, RK_FREQ, ABZ_UNIFORM, 0.5, 1.5, 0);
	key(t, RK_PRICE, ABZ_TRIANGULAR, 0.05, 0.1, 0.3);
	t = term(risk, ABZ_RISK_REGULATION, ABZ_STRAT_TRANSFER);
	key(t, RK_FREQ, ABZ_CONST, 0.5, 0, 0);
	key(t, RK_LOSS, ABZ_LOGNORMAL, 200000, 150000, 0);
	key(t, RK_S1, ABZ_CONST, 2000, 0, 0);
	key(t, RK_S2, ABZ_CONST, 0.5, 0, 0);
	t = term(risk, ABZ_RISK_TEAM, ABZ_STRAT_MITIGATE);
	key(t, RK_FREQ, ABZ_CONST, 1, 0, 0);
	key(t, RK_CHURN, ABZ_UNIFORM, 0, 0.1, 0);
	key(t, RK_S1, ABZ_CONST, 1000, 0, 0);
	key(t, RK_S2, ABZ_CONST, 0.3, 0, 0);
	key(term(plan, ABZ_PLAN_CASH, 0), CASH_AMOUNT, ABZ_CONST, 1.5e6, 0, 0);
	t = term(plan, ABZ_PLAN_TEAM, 0);
	key(t, TEAM_HEADCOUNT, ABZ_CONST, 6, 0, 0);
	key(t, TEAM_COST, ABZ_CONST, 11000, 0, 0);
	key(t, TEAM_GROWTH, ABZ_CONST, 0.1, 0, 0);
	t = term(plan, ABZ_PLAN_PRODUCT, 0);
	key(t, PROD_LAUNCH, ABZ_CONST, 3, 0, 0);
	key(t, PROD_CHURN, ABZ_UNIFORM, 0.02, 0.04, 0);
	t = term(plan, ABZ_PLAN_MARKETING, 0);
	key(t, MKT_BUDGET, ABZ_CONST, 20000, 0, 0);
	key(t, MKT_CAC, ABZ_CONST, 400, 0, 0);
	key(t, MKT_ORGANIC, ABZ_CONST, 0.05, 0, 0);
	t = term(plan, ABZ_PLAN_ROUND, 0);
	key(t, ROUND_MONTH, ABZ_CONST, 18, 0, 0);
	key(t, ROUND_AMOUNT, ABZ_CONST, 3e6, 0, 0);
	key(t, ROUND_P, ABZ_CONST, 0.6, 0, 0);
}

/* seconds of CPU time of this process */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int
main(int argc, char **argv)
{
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	long		trials = argc > 1 ? atol(argv[1]) : 500000;
	int			H = 60;
	AbzModel   *m = malloc(abz_model_size(H));
	AbzError	err;
	AbzTrial	tr;
	double		npv,
				sum = 0,
				best = 0,
				t1;
	long		dead = 0;
	static AbzMonth rows[60];

	reference(&rev_buf.s, &risk_buf.s, &plan_buf.s);
	if (!abz_model_prepare(m, &rev_buf.s, &risk_buf.s, &plan_buf.s, &mk, H, &err) ||
		!abz_model_project(m, rows, &npv, &err))
	{
		fprintf(stderr, "error: %s\n", err.msg);
		return 1;
	}
	for (int rep = 0; rep < 3; rep++)
	{
		double		t0 = now();

		sum = 0;
		dead = 0;
		for (long i = 0; i < trials; i++)
		{
			abz_model_trial(m, 12345, (uint64_t) i, &tr, NULL, NULL);
			sum += tr.npv;
			dead += tr.death_month != 0;
		}
		t1 = now() - t0;
		if (rep == 0 || t1 < best)
			best = t1;
	}
	printf("projection npv %.0f, trial mean npv %.0f, deaths %.2f%%\n",
		   npv, sum / trials, 100.0 * dead / trials);
	printf("%ld trials x %d months in %.3f s CPU: %.1f M trial-months/s (%.0f ns per trial)\n",
		   trials, H, best, trials * (double) H / best / 1e6, best / trials * 1e9);
	free(m);
	return 0;
}
