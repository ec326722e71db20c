/*
 * test_model_streams.c — unit tests of the model's random streams and the
 * features built on them (model.c): separate streams per purpose (switching
 * a risk off leaves every other draw unchanged), market-scope risks shared
 * by the companies of one market, given once-per-trial inputs, the cap of
 * accounts at the market, the clamped mean of the projection and the
 * equity view, each checked by hand where a number is expected.
 */
#include <stdlib.h>

#include "dist.h"
#include "model.h"
#include "unit.h"

typedef union SpecBuf
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
} SpecBuf;

static SpecBuf rev_a,
			rev_b,
			risk_a,
			risk_b,
			plan_a;

/* start an empty spec of a kind */
static AbzSpec *
spec_init(SpecBuf *b, AbzKind kind)
{
	memset(b, 0, sizeof(*b));
	b->s.version = ABZ_SPEC_VERSION;
	b->s.kind = kind;
	return &b->s;
}

/* append a term with its defaults (code, strategy or entry mode) */
static AbzTerm *
term(AbzSpec *s, int code, int sub)
{
	AbzTerm    *t = &s->terms[s->nterms++];
	const AbzTermDef *td = &abz_kinds[s->kind].terms[code];

	memset(t, 0, sizeof(*t));
	t->term = (uint8_t) code;
	t->sub = (uint8_t) sub;
	for (int i = 0; i < td->nkeys; i++)
		t->key[td->keys[i].slot].a = td->keys[i].def;
	if (s->kind == ABZ_KIND_RISK)
		for (int i = 0; i < abz_strategies[sub].nkeys; i++)
			t->key[abz_strategies[sub].keys[i].slot].a = abz_strategies[sub].keys[i].def;
	return t;
}

/* set a key to a constant */
static void
kset(AbzTerm *t, int slot, double v)
{
	memset(&t->key[slot], 0, sizeof(AbzParam));
	t->key[slot].a = v;
}

/* set a key to a distribution */
static void
kdist(AbzTerm *t, int slot, AbzDist d, double a, double b, double c)
{
	t->key[slot].dist = (uint8_t) d;
	t->key[slot].a = a;
	t->key[slot].b = b;
	t->key[slot].c = c;
}

/* usage revenue: price per unit, units per account */
static AbzSpec *
usage_rev(SpecBuf *b, double price, double units)
{
	AbzSpec    *s = spec_init(b, ABZ_KIND_REVENUE);
	AbzTerm    *t = term(s, ABZ_REV_USAGE, 0);

	kset(t, USE_PRICE, price);
	kset(t, USE_UNITS, units);
	return s;
}

/*
 * A plan whose accounts fill the market in month 1 and stay there: budget
 * 1000 at cac 0.001 buys 10^6 accounts, capped at the room (M_1 = 100 in
 * market100()); churn 0 and organic 0 keep them.  Team 1 x 500.
 */
static AbzSpec *
fill_plan(double cash, double multiple, double discount)
{
	AbzSpec    *s = spec_init(&plan_a, ABZ_KIND_PLAN);
	AbzTerm    *t;

	kset(term(s, ABZ_PLAN_CASH, 0), CASH_AMOUNT, cash);
	t = term(s, ABZ_PLAN_TEAM, 0);
	kset(t, TEAM_HEADCOUNT, 1);
	kset(t, TEAM_COST, 500);
	t = term(s, ABZ_PLAN_PRODUCT, 0);
	kset(t, PROD_LAUNCH, 1);
	kset(t, PROD_CHURN, 0);
	t = term(s, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 1000);
	kset(t, MKT_CAC, 0.001);
	t = term(s, ABZ_PLAN_VALUATION, 0);
	kset(t, VAL_DISCOUNT, discount);
	kset(t, VAL_MULTIPLE, multiple);
	return s;
}

static const AbzMarket market100 = {100, 0, 0.3, 0, 0};

/* two model buffers of the largest size */
static AbzModel *
mbuf(int i)
{
	static AbzModel *m[2];

	if (m[i] == NULL)
		m[i] = malloc(abz_model_size(ABZ_MAX_HORIZON));
	return m[i];
}

/* prepare model i; CHECKs success */
static AbzModel *
prep(int i, const AbzSpec *rev, const AbzSpec *risk, const AbzSpec *plan,
	 const AbzMarket *mk, int H)
{
	AbzError	err;
	bool		ok = abz_model_prepare(mbuf(i), rev, risk, plan, mk, H, &err);

	if (!ok)
		fprintf(stderr, "    prepare: %s\n", err.msg);
	CHECK(ok);
	return mbuf(i);
}

/* Pearson correlation of x and y (n values) */
static double
correlation(const double *x, const double *y, int n)
{
	double		mx = 0,
				my = 0,
				sxx = 0,
				syy = 0,
				sxy = 0;

	for (int i = 0; i < n; i++)
	{
		mx += x[i] / n;
		my += y[i] / n;
	}
	for (int i = 0; i < n; i++)
	{
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
		sxy += (x[i] - mx) * (y[i] - my);
	}
	return sxy / sqrt(sxx * syy);
}

/*
 * Three risks: technology by arrival gaps (freq 2 a year), competition (freq
 * 3, random loss and churn), data by Poisson counts (freq 120 a year = 10 a
 * month > GAP_MAX).  Switching competition off: it has no events, the
 * others keep their event counts and losses trial by trial (their streams
 * are keyed by their positions 0 and 2, untouched).
 */
ABZ_SUITE(model_streams_disable)
{
	AbzSpec    *risk = spec_init(&risk_a, ABZ_KIND_RISK);
	AbzTerm    *t;
	AbzModel   *m;
	int			same = 0,
				comp_on = 0,
				comp_off = 0;

	t = term(risk, ABZ_RISK_TECHNOLOGY, 0);
	kset(t, RK_FREQ, 2);
	kdist(t, RK_LOSS, ABZ_NORMAL, 1000, 300, 0);
	t = term(risk, ABZ_RISK_COMPETITION, 0);
	kdist(t, RK_FREQ, ABZ_UNIFORM, 2, 4, 0);
	kdist(t, RK_LOSS, ABZ_UNIFORM, 0, 2000, 0);
	kset(t, RK_CHURN, 0.01);
	t = term(risk, ABZ_RISK_DATA, 0);
	kset(t, RK_FREQ, 120);
	kset(t, RK_LOSS, 100);
	m = prep(0, usage_rev(&rev_a, 1, 10), risk, fill_plan(1e7, 2, 0.1), &market100, 36);
	for (int i = 0; i < 200; i++)
	{
		AbzTrial	on,
					off;

		abz_model_disable_risk(m, 1, false);
		abz_model_trial(m, 77, (uint64_t) i, &on, NULL, NULL);
		abz_model_disable_risk(m, 1, true);
		abz_model_trial(m, 77, (uint64_t) i, &off, NULL, NULL);
		same += on.events[ABZ_RISK_TECHNOLOGY] == off.events[ABZ_RISK_TECHNOLOGY] &&
			on.events[ABZ_RISK_DATA] == off.events[ABZ_RISK_DATA] &&
			on.loss[ABZ_RISK_TECHNOLOGY] == off.loss[ABZ_RISK_TECHNOLOGY] &&
			on.loss[ABZ_RISK_DATA] == off.loss[ABZ_RISK_DATA];
		comp_on += on.events[ABZ_RISK_COMPETITION] > 0;
		comp_off += off.events[ABZ_RISK_COMPETITION] > 0;
	}
	CHECK(same == 200);
	/* 3 a year over 3 years: P(no event) = e^-9, so nearly every trial has one */
	CHECK(comp_on > 190);
	CHECK(comp_off == 0);
	/* switched back on, the trial is the first one again */
	{
		AbzTrial	a,
					b;

		abz_model_disable_risk(m, 1, false);
		abz_model_trial(m, 77, 5, &a, NULL, NULL);
		abz_model_disable_risk(m, 1, true);
		abz_model_disable_risk(m, 1, false);
		abz_model_trial(m, 77, 5, &b, NULL, NULL);
		CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	}
}

/*
 * A risk term with freq 0 and no costs changes nothing, so switching it off
 * gives bit-identical trials (summary and series); a risk with costs
 * (mitigate's cost, avoid's forgone revenue) switched off projects exactly
 * as the profile without it.
 */
ABZ_SUITE(model_streams_disable_identity)
{
	AbzSpec    *risk = spec_init(&risk_a, ABZ_KIND_RISK);
	AbzSpec    *rev = usage_rev(&rev_a, 1, 10);
	AbzSpec    *plan = fill_plan(5000, 2, 0.1);
	AbzTerm    *t;
	AbzModel   *m;
	static double r1[48],
				c1[48],
				r2[48],
				c2[48];
	int			same = 0;

	t = term(risk, ABZ_RISK_TECHNOLOGY, 0);
	kdist(t, RK_FREQ, ABZ_PERT, 1, 2, 6);
	kdist(t, RK_LOSS, ABZ_LOGNORMAL, 800, 400, 0);
	kset(term(risk, ABZ_RISK_REGULATION, 0), RK_FREQ, 0);
	t = term(risk, ABZ_RISK_TEAM, 0);
	kset(t, RK_FREQ, 4);
	kdist(t, RK_COST, ABZ_UNIFORM, 0, 200, 0);
	m = prep(0, rev, risk, plan, &market100, 48);
	for (int i = 0; i < 100; i++)
	{
		AbzTrial	a,
					b;

		abz_model_disable_risk(m, 1, false);
		abz_model_trial(m, 3, (uint64_t) i, &a, r1, c1);
		abz_model_disable_risk(m, 1, true);
		abz_model_trial(m, 3, (uint64_t) i, &b, r2, c2);
		same += memcmp(&a, &b, sizeof(a)) == 0 && memcmp(r1, r2, sizeof(r1)) == 0 &&
			memcmp(c1, c2, sizeof(c1)) == 0;
	}
	CHECK(same == 100);

	/* costs of a switched-off term vanish: as if the profile lacked it */
	{
		AbzSpec    *r2s = spec_init(&risk_b, ABZ_KIND_RISK);
		AbzMonth   *rows_a = malloc(sizeof(AbzMonth) * 48),
				   *rows_b = malloc(sizeof(AbzMonth) * 48);
		double		npv_a = 0,
					npv_b = 0;
		AbzError	err;

		kset(term(r2s, ABZ_RISK_TECHNOLOGY, 0), RK_FREQ, 1);
		memcpy(&risk_a, &risk_b, sizeof(risk_a));
		t = term(&risk_a.s, ABZ_RISK_ETHICS, ABZ_STRAT_AVOID);
		kset(t, RK_FREQ, 3);
		kset(t, RK_S1, 0.3);
		t = term(&risk_a.s, ABZ_RISK_PRIVACY, ABZ_STRAT_MITIGATE);
		kset(t, RK_FREQ, 3);
		kset(t, RK_S1, 250);
		kset(t, RK_S2, 0.5);
		m = prep(0, rev, &risk_a.s, plan, &market100, 48);
		abz_model_disable_risk(m, 1, true);
		abz_model_disable_risk(m, 2, true);
		CHECK(abz_model_project(m, rows_a, &npv_a, &err));
		m = prep(1, rev, r2s, plan, &market100, 48);
		CHECK(abz_model_project(m, rows_b, &npv_b, &err));
		CHECK(npv_a == npv_b);
		CHECK(memcmp(rows_a, rows_b, sizeof(AbzMonth) * 48) == 0);
		free(rows_a);
		free(rows_b);
	}
}

/*
 * Two companies of one market: different revenue, the same market-scope
 * competition risk (freq 2 a year) with different loss distributions, and
 * a company-scope technology risk each.  Same market key: the competition
 * event counts agree trial by trial and the NPVs move together (the losses
 * dominate their spread).  Different market keys, or scope=company with
 * different seeds: independent, |r| < 0.1 over 2000 trials (the standard
 * error of r near 0 is 1/sqrt(2000) = 0.022, so 0.1 is 4.5 of them).
 */
static void
market_pair(bool market, uint64_t key_a, uint64_t key_b, uint64_t seed_b,
			int *same_events, double *r)
{
	enum
	{
		N = 2000
	};
	static double npv_a[N],
				npv_b[N];
	AbzSpec    *ra = spec_init(&risk_a, ABZ_KIND_RISK),
			   *rb = spec_init(&risk_b, ABZ_KIND_RISK);
	AbzTerm    *t;
	AbzModel   *ma,
			   *mb;

	t = term(ra, ABZ_RISK_TECHNOLOGY, 0);
	kset(t, RK_FREQ, 1);
	kset(t, RK_LOSS, 1000);
	t = term(ra, ABZ_RISK_COMPETITION, 0);
	kset(t, RK_FREQ, 2);
	kdist(t, RK_LOSS, ABZ_NORMAL, 20000, 5000, 0);
	kset(t, RK_SCOPE, market ? 1 : 0);
	t = term(rb, ABZ_RISK_TECHNOLOGY, 0);
	kset(t, RK_FREQ, 1);
	kset(t, RK_LOSS, 2000);
	t = term(rb, ABZ_RISK_COMPETITION, 0);
	kset(t, RK_FREQ, 2);
	kdist(t, RK_LOSS, ABZ_UNIFORM, 5000, 15000, 0);
	kdist(t, RK_PRICE, ABZ_TRIANGULAR, 0, 0.02, 0.05);
	kset(t, RK_SCOPE, market ? 1 : 0);
	ma = prep(0, usage_rev(&rev_a, 1, 10), ra, fill_plan(1e7, 2, 0.1), &market100, 36);
	mb = prep(1, usage_rev(&rev_b, 3, 4), rb, fill_plan(1e7, 3, 0.1), &market100, 36);
	abz_model_set_market_key(ma, key_a);
	abz_model_set_market_key(mb, key_b);
	*same_events = 0;
	for (int i = 0; i < N; i++)
	{
		AbzTrial	a,
					b;

		abz_model_trial(ma, 11, (uint64_t) i, &a, NULL, NULL);
		abz_model_trial(mb, seed_b, (uint64_t) i, &b, NULL, NULL);
		*same_events += a.events[ABZ_RISK_COMPETITION] == b.events[ABZ_RISK_COMPETITION];
		npv_a[i] = a.npv;
		npv_b[i] = b.npv;
	}
	*r = correlation(npv_a, npv_b, N);
}

ABZ_SUITE(model_streams_market)
{
	uint64_t	k1 = abz_market_key(1, 42),
				k2 = abz_market_key(2, 42);
	int			same;
	double		r;

	/* the key mixes both inputs */
	CHECK(k1 != k2 && k1 != abz_market_key(1, 43));
	CHECK(abz_market_key(1, 42) == k1);

	market_pair(true, k1, k1, 12, &same, &r);
	CHECK(same == 2000);
	CHECK(r > 0.5);

	market_pair(true, k1, k2, 12, &same, &r);
	CHECK(same < 2000);
	CHECK(fabs(r) < 0.1);

	market_pair(false, k1, k1, 12, &same, &r);
	CHECK(same < 2000);
	CHECK(fabs(r) < 0.1);
}

/*
 * Given inputs replace the once-per-trial draws: feeding a trial's own
 * drawn values back reproduces it exactly (the other streams do not move);
 * identities, market flags and quantiles of the inputs.
 */
ABZ_SUITE(model_streams_inputs)
{
	AbzSpec    *risk = spec_init(&risk_a, ABZ_KIND_RISK);
	AbzSpec    *rev = usage_rev(&rev_a, 1, 10);
	AbzTerm    *t;
	AbzModel   *m;
	double		in[8];
	int			same = 0;

	kdist(&rev->terms[0], USE_PRICE, ABZ_NORMAL, 10, 100, 0);
	t = term(risk, ABZ_RISK_MARKET, ABZ_STRAT_MITIGATE);
	kdist(t, RK_FREQ, ABZ_UNIFORM, 1, 3, 0);
	kset(t, RK_LOSS, 500);
	kset(t, RK_SCOPE, 1);
	kset(t, RK_S1, 10);
	kdist(t, RK_S2, ABZ_UNIFORM, 0.1, 0.3, 0);
	m = prep(0, rev, risk, fill_plan(1e6, 2, 0.1), &market100, 24);
	abz_model_set_market_key(m, 9);
	CHECK(abz_model_nrand(m) == 3);
	for (int i = 0; i < 50; i++)
	{
		AbzTrial	a,
					b;

		abz_model_trial(m, 5, (uint64_t) i, &a, NULL, NULL);
		abz_model_rand_values(m, in);
		abz_model_trial_inputs(m, 5, (uint64_t) i, in, &b, NULL, NULL);
		same += memcmp(&a, &b, sizeof(a)) == 0;
	}
	CHECK(same == 50);
	/* order: revenue, then risk (freq, strategy effect) */
	CHECK(abz_model_rand_id(m, 0) == ((uint32_t) ABZ_KIND_REVENUE << 24 | USE_PRICE));
	CHECK(abz_model_rand_id(m, 1) == ((uint32_t) ABZ_KIND_RISK << 24 | RK_FREQ));
	CHECK(abz_model_rand_id(m, 2) == ((uint32_t) ABZ_KIND_RISK << 24 | RK_S2));
	CHECK(!abz_model_rand_market(m, 0));
	CHECK(abz_model_rand_market(m, 1));
	CHECK(!abz_model_rand_market(m, 2));
	/* quantiles: normal(10, 100) median 10, clamped at 0 below; uniform(1, 3) at 0.25 is 1.5 */
	CHECK(abz_model_rand_quantile(m, 0, 0.5) == 10.0);
	CHECK(abz_model_rand_quantile(m, 0, 0.01) == 0.0);
	CHECK_NEAR(abz_model_rand_quantile(m, 1, 0.25), 1.5, 1e-15);
}

/*
 * Accounts never exceed the market.  Market 1000 accounts, adoption 0.1,
 * p 0.02, q 0.3, growth -50% a year: M_t = 1000 * 0.5^(t/12).  The plan
 * fills the room in month 1 (budget 1000 at cac 0.001), churn 1%:
 *   t = 1: n = room = M_1, C_1 = M_1.
 *   t = 2: room = M_2 - C_1 < 0, n = 0, C = 0.99 C_1 = 0.99 M_1 >
 *          M_2 = 0.9439 M_1: capped, C_2 = M_2.
 * and so on every month.  Subscription price 10, seats 1, attach 1,
 * expansion 0: the MRR pool is 10 per account; capped, the pool is scaled
 * by M_t / (0.99 C_{t-1}) before the update pool * 0.99, so R_t = 10 M_t.
 * At t = 24: M = 250, C = 250, R = 2500 (without the cap the model kept
 * 749 accounts here).
 */
ABZ_SUITE(model_market_cap)
{
	AbzSpec    *rev = spec_init(&rev_a, ABZ_KIND_REVENUE);
	AbzSpec    *plan = fill_plan(1e7, 0, 0.1);
	AbzMarket	mk = {1000, 0.1, 0.02, 0.3, -0.5};
	AbzMonth   *rows = malloc(sizeof(AbzMonth) * 36);
	AbzModel   *m;
	AbzError	err;
	double		npv;
	int			over = 0;

	kset(term(rev, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 10);
	kset(&plan->terms[2], PROD_CHURN, 0.01);
	m = prep(0, rev, NULL, plan, &mk, 36);
	CHECK(abz_model_project(m, rows, &npv, &err));
	CHECK_NEAR(rows[0].v[ABZ_M_ACCOUNTS], 1000 * pow(0.5, 1 / 12.0), 1e-12);
	CHECK_NEAR(rows[1].v[ABZ_M_ACCOUNTS], 1000 * pow(0.5, 2 / 12.0), 1e-12);
	CHECK_NEAR(rows[23].v[ABZ_M_ACCOUNTS], 250, 1e-12);
	CHECK_NEAR(rows[23].v[ABZ_M_REV_SUBSCRIPTION], 2500, 1e-12);
	for (int t = 1; t <= 36; t++)
		over += rows[t - 1].v[ABZ_M_ACCOUNTS] > 1000 * pow(0.5, t / 12.0) * (1 + 1e-12);
	CHECK(over == 0);
	free(rows);
}

/*
 * The projection uses the mean of the clamped variable.  price =
 * normal(10, 100) clamped to [0, inf): E = mu Phi(mu/s) + s phi(mu/s) =
 * 10 Phi(0.1) + 100 phi(0.1) = 10 (0.539827837277029) + 100
 * (0.396952547477012) = 45.0935331204715 (the unclamped mean is 10).
 * Revenue is linear in the price and nothing can die (cash 10^7, no
 * risks, no rounds), so the mean NPV of the trials estimates the projected
 * NPV: within 3 standard errors over 4000 trials.
 */
ABZ_SUITE(model_clamped_mean)
{
	AbzParam	p = {ABZ_NORMAL, {0}, 10, 100, 0};
	AbzParam	ln = {ABZ_LOGNORMAL, {0}, 0.5, 1, 0};
	AbzSpec    *rev = usage_rev(&rev_a, 1, 10);
	AbzMonth   *rows = malloc(sizeof(AbzMonth) * 24);
	AbzModel   *m;
	AbzError	err;
	double		npv = 0,
				sum = 0,
				sum2 = 0,
				mean,
				se;
	enum
	{
		N = 4000
	};

	CHECK_NEAR(abz_param_mean_in(&p, 0, HUGE_VAL), 45.0935331204715, 1e-12);
	/* no clamp: the mean; both sides: [0, 20] */
	CHECK_NEAR(abz_param_mean_in(&p, -HUGE_VAL, HUGE_VAL), 10, 1e-12);
	/* lognormal mean 0.5 sd 1 clamped to [0, 1] (a churn): below its mean 0.5 */
	CHECK(abz_param_mean_in(&ln, 0, 1) < 0.5 && abz_param_mean_in(&ln, 0, 1) > 0.2);
	/* unclamped the lognormal closed form gives the mean back */
	CHECK_NEAR(abz_param_mean_in(&ln, 0, HUGE_VAL), 0.5, 1e-12);

	kdist(&rev->terms[0], USE_PRICE, ABZ_NORMAL, 10, 100, 0);
	m = prep(0, rev, NULL, fill_plan(1e7, 2, 0.1), &market100, 24);
	CHECK(abz_model_project(m, rows, &npv, &err));
	/* month 1: 100 accounts x 10 units x 45.09 */
	CHECK_NEAR(rows[0].v[ABZ_M_REV_USAGE], 100 * 10 * 45.0935331204715, 1e-12);
	for (int i = 0; i < N; i++)
	{
		AbzTrial	tr;

		abz_model_trial(m, 2026, (uint64_t) i, &tr, NULL, NULL);
		sum += tr.npv;
		sum2 += tr.npv * tr.npv;
	}
	mean = sum / N;
	se = sqrt((sum2 / N - mean * mean) / (N - 1));
	CHECK(fabs(mean - npv) < 3 * se);
	free(rows);
}

/*
 * Equity of a two-round plan by hand.  Market 100 accounts filled in month
 * 1 (fill_plan), usage 1 x 10 per account: R_t = 1000; team 500, marketing
 * 1000: F_t = -500.  Cash 2000; round(month=2, amount=500) surely,
 * round(month=3, amount=300, p=0.5); H = 4; multiple 2; discount 1.02^12 -
 * 1, so rho = 0.02 a month.  Slots: months 0, 2, 3.
 *   K_4 = 2000 - 4 (500) + 500 + x = 500 + x, x = 300 or 0;
 *   exit = 2 (12) (1000) + K_4 = 24800 or 24500;
 *   eq_npv = exit / 1.02^4 - (2000 + 500 / 1.02^2 + x / 1.02^3)
 *          = 22911.366565 - 2763.281091 = 20148.085474  (x = 300)
 *          = 22634.212938 - 2480.584391 = 20153.628547  (x = 0).
 * Expected path: x = p amount = 150, exit 24650, eq_npv =
 * 22772.789752 - 2621.932741 = 20150.857011.
 */
ABZ_SUITE(model_equity)
{
	AbzSpec    *plan = fill_plan(2000, 2, pow(1.02, 12) - 1);
	AbzTerm    *t;
	AbzModel   *m;
	AbzTrial	tr;
	AbzError	err;
	int16_t		months[ABZ_EQ_MAX_SLOTS];
	bool		seen[2] = {false, false};

	t = term(plan, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 3);
	kset(t, ROUND_AMOUNT, 300);
	kset(t, ROUND_P, 0.5);
	t = term(plan, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 2);
	kset(t, ROUND_AMOUNT, 500);
	m = prep(0, usage_rev(&rev_a, 1, 10), NULL, plan, &market100, 4);
	CHECK(abz_model_eq_slots(m, months) == 3);
	CHECK(months[0] == 0 && months[1] == 2 && months[2] == 3);
	for (uint64_t i = 0; i < 64 && !(seen[0] && seen[1]); i++)
	{
		bool		got;

		abz_model_trial(m, 8, i, &tr, NULL, NULL);
		got = tr.contrib[2] != 0.0;
		seen[got] = true;
		CHECK(tr.contrib[0] == 2000 && tr.contrib[1] == 500);
		CHECK(tr.contrib[2] == (got ? 300 : 0));
		CHECK_NEAR(tr.exit, got ? 24800 : 24500, 1e-12);
		CHECK_NEAR(tr.eq_npv, got ? 20148.085474474443 : 20153.628547030603, 1e-9);
	}
	CHECK(seen[0] && seen[1]);
	CHECK(abz_model_project_equity(m, &tr, &err));
	CHECK(tr.contrib[0] == 2000 && tr.contrib[1] == 500 && tr.contrib[2] == 150);
	CHECK_NEAR(tr.exit, 24650, 1e-12);
	CHECK_NEAR(tr.eq_npv, 20150.857010752523, 1e-9);

	/* a dead company: no exit, only what it was given counts */
	kset(&plan->terms[0], CASH_AMOUNT, 400);
	m = prep(0, usage_rev(&rev_a, 1, 10), NULL, plan, &market100, 4);
	abz_model_trial(m, 8, 0, &tr, NULL, NULL);
	/* K_1 = 400 - 500 < 0: dies in month 1 before any round */
	CHECK(tr.death_month == 1 && tr.exit == 0 && tr.contrib[1] == 0 && tr.contrib[2] == 0);
	CHECK_NEAR(tr.eq_npv, -400, 1e-12);

	/*
	 * A plan has at most 64 terms, so at most 61 rounds and 62 slots: every
	 * plan fits ABZ_EQ_MAX_SLOTS.  This one: 5 other terms and 59 rounds in
	 * months 1..59, H = 60: 60 slots; with H = 30 the rounds after month 30
	 * have none.
	 */
	plan = fill_plan(1e6, 2, 0.1);
	for (int k = 1; k <= 59; k++)
	{
		t = term(plan, ABZ_PLAN_ROUND, 0);
		kset(t, ROUND_MONTH, k);
		kset(t, ROUND_AMOUNT, 1);
	}
	m = prep(0, usage_rev(&rev_a, 1, 10), NULL, plan, &market100, 60);
	CHECK(abz_model_eq_slots(m, months) == 60 && months[59] == 59);
	m = prep(0, usage_rev(&rev_a, 1, 10), NULL, plan, &market100, 30);
	CHECK(abz_model_eq_slots(m, months) == 31 && months[30] == 30);
	abz_model_trial(m, 1, 0, &tr, NULL, NULL);
	CHECK(tr.contrib[0] == 1e6 && tr.contrib[30] == 1 && tr.contrib[31] == 0);
}
