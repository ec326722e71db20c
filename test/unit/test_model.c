/*
 * test_model.c — unit tests of the monthly model (model.c): the expected
 * path against hand computations and closed forms, and the trial mode
 * (bit-identical to the projection without uncertainty, deterministic,
 * statistically sane).
 *
 * Specs are built by hand: spec_term() fills a term's defaults from the
 * schema tables (abz_kinds, abz_strategies, abz_entry_modes) like the parser.
 */
#include <stdlib.h>

#include "model.h"
#include "unit.h"

/* a spec buffer with room for ABZ_MAX_TERMS terms */
typedef union SpecBuf
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
} SpecBuf;

static SpecBuf rev_buf,
			risk_buf,
			plan_buf;
static AbzSpec *REV = &rev_buf.s,
		   *RISK = &risk_buf.s,
		   *PLAN = &plan_buf.s;

/* start an empty spec of a kind */
static AbzSpec *
spec_init(AbzSpec *s, AbzKind kind)
{
	memset(s, 0, ABZ_SPEC_MAXSIZE);
	s->version = ABZ_SPEC_VERSION;
	s->kind = kind;
	return s;
}

/* fill the defaults of a key list into a term */
static void
fill_defaults(AbzTerm *t, const AbzTermDef *td)
{
	for (int i = 0; i < td->nkeys; i++)
		t->key[td->keys[i].slot].a = td->keys[i].def;
}

/* append a term (code, strategy or entry mode) with its defaults */
static AbzTerm *
spec_term(AbzSpec *s, int code, int sub)
{
	AbzTerm    *t = &s->terms[s->nterms++];

	memset(t, 0, sizeof(*t));
	t->term = (uint8_t) code;
	t->sub = (uint8_t) sub;
	if (s->kind == ABZ_KIND_PLAN && code == ABZ_PLAN_ENTRY)
		fill_defaults(t, &abz_entry_modes[sub]);
	else
		fill_defaults(t, &abz_kinds[s->kind].terms[code]);
	if (s->kind == ABZ_KIND_RISK)
		fill_defaults(t, &abz_strategies[sub]);
	return t;
}

/* set a key to a constant */
static void
kset(AbzTerm *t, int slot, double v)
{
	t->key[slot].dist = ABZ_CONST;
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

/* the base plan: cash, team, product */
static void
base_plan(double cash, double headcount, double cost, int launch, double churn)
{
	AbzTerm    *t;

	spec_init(PLAN, ABZ_KIND_PLAN);
	kset(spec_term(PLAN, ABZ_PLAN_CASH, 0), CASH_AMOUNT, cash);
	t = spec_term(PLAN, ABZ_PLAN_TEAM, 0);
	kset(t, TEAM_HEADCOUNT, headcount);
	kset(t, TEAM_COST, cost);
	t = spec_term(PLAN, ABZ_PLAN_PRODUCT, 0);
	kset(t, PROD_LAUNCH, launch);
	kset(t, PROD_CHURN, churn);
}

/* a model buffer of the largest size, reused by every test */
static AbzModel *
model(void)
{
	static AbzModel *m;

	if (m == NULL)
		m = malloc(abz_model_size(ABZ_MAX_HORIZON));
	return m;
}

static AbzMonth rows[ABZ_MAX_HORIZON];

/* prepare and project; CHECKs success */
static double
project(const AbzMarket *mk, int H)
{
	AbzError	err;
	double		npv = 0.0;
	bool		ok = abz_model_prepare(model(), REV, RISK, PLAN, mk, H, &err);

	CHECK(ok);
	if (!ok)
	{
		fprintf(stderr, "    prepare: %s\n", err.msg);
		return NAN;
	}
	ok = abz_model_project(model(), rows, &npv, &err);
	CHECK(ok);
	if (!ok)
		fprintf(stderr, "    project: %s\n", err.msg);
	return npv;
}

#define V(t, f) rows[(t) - 1].v[ABZ_M_##f]

/*
 * Months 1-3 by hand.  Market 1000 accounts, adoption 0, p = 0.3, q = 0,
 * growth 0: F(tau) = 1 - exp(-0.3 tau), tau0 = 0, A_t = 1000 (F(t/12) - F((t-1)/12)).
 * Subscription price 100, seats 2, attach 0.5, cost 10; churn 0.1; marketing
 * budget 500, cac 50, organic 0.2; team 2 x 1000; cash 10000; discount 0.
 *   t=1: A = 24.690087971667275, o = 4.938017594, phi = 0, b = 10,
 *        n = 14.938017594333456 = C1; S1 = 0.5*n*2*100 = 1493.8017594333455;
 *        cost = 0.5*C*2*10 = 149.38017594333456;
 *        F = 1493.80176 - 149.38018 - 2000 - 500 = -1155.578416509989; K = 8844.421583490011
 *   t=2: A = 24.08048752761871, o = 4.816097506, phi = C1/1000,
 *        b = 10 (1 - 0.014938) = 9.85062, n = 14.666717329580408,
 *        C2 = 0.9 C1 + n = 28.110933164480517, S2 = 0.9 S1 + 100 n = 2811.093316448052,
 *        F = 2811.0933 - 281.10933 - 2500 = 29.98398480324704, K = 8874.40556829326
 *   t=3: A = 23.48593817216116, n = 14.416078302787426, C3 = 39.71591815081989,
 *        S3 = 3971.59181508199, F = 1074.432633573791, K = 9948.83820186705
 */
ABZ_SUITE(model_hand_months)
{
	AbzMarket	mk = {1000, 0, 0.3, 0, 0};
	AbzTerm    *t;
	double		npv;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_SUBSCRIPTION, 0);
	kset(t, SUB_PRICE, 100);
	kset(t, SUB_SEATS, 2);
	kset(t, SUB_ATTACH, 0.5);
	kset(t, SUB_COST, 10);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(10000, 2, 1000, 1, 0.1);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 500);
	kset(t, MKT_CAC, 50);
	kset(t, MKT_ORGANIC, 0.2);
	kset(spec_term(PLAN, ABZ_PLAN_VALUATION, 0), VAL_DISCOUNT, 0);

	npv = project(&mk, 3);
	CHECK_NEAR(V(1, NEW_ACCOUNTS), 14.938017594333456, 1e-12);
	CHECK_NEAR(V(1, ACCOUNTS), 14.938017594333456, 1e-12);
	CHECK_NEAR(V(1, REVENUE), 1493.8017594333455, 1e-12);
	CHECK_NEAR(V(1, REV_SUBSCRIPTION), 1493.8017594333455, 1e-12);
	CHECK_NEAR(V(1, COST_OF_REVENUE), 149.38017594333456, 1e-12);
	CHECK_NEAR(V(1, GROSS_PROFIT), 1493.8017594333455 - 149.38017594333456, 1e-12);
	CHECK(V(1, OPEX) == 2000);
	CHECK(V(1, MARKETING) == 500);
	CHECK_NEAR(V(1, CASH_FLOW), -1155.578416509989, 1e-12);
	CHECK_NEAR(V(1, CASH), 8844.421583490011, 1e-12);
	CHECK_NEAR(V(2, NEW_ACCOUNTS), 14.666717329580408, 1e-12);
	CHECK_NEAR(V(2, ACCOUNTS), 28.110933164480517, 1e-12);
	CHECK_NEAR(V(2, REVENUE), 2811.093316448052, 1e-12);
	CHECK_NEAR(V(2, CASH_FLOW), 29.98398480324704, 1e-11);
	CHECK_NEAR(V(3, NEW_ACCOUNTS), 14.416078302787426, 1e-12);
	CHECK_NEAR(V(3, ACCOUNTS), 39.71591815081989, 1e-12);
	CHECK_NEAR(V(3, REVENUE), 3971.59181508199, 1e-12);
	CHECK_NEAR(V(3, COST_OF_REVENUE), 397.1591815081989, 1e-12);
	CHECK_NEAR(V(3, CASH), 9948.83820186705, 1e-12);
	CHECK(V(3, GROSS_REVENUE) == V(3, REVENUE));
	CHECK(V(3, REV_USAGE) == 0 && V(3, TRAINING) == 0 && V(3, RISK_COST) == 0 && V(3, FUNDING) == 0);
	/* discount 0, multiple 0: NPV = sum of F */
	CHECK_NEAR(npv, -1155.578416509989 + 29.98398480324704 + 1074.432633573791, 1e-11);
}

/*
 * Subscription steady state.  Market 1e13 accounts (phi ~ 1e-11), organic 0,
 * budget 1000, cac 100: n = 10 per month.  C_t = (n/c)(1 - (1-c)^t).
 * MRR: S_t = S_{t-1} g + a n seats price with g = (1-c)(1+e), so
 * S_t = k (1 - g^t)/(1 - g), k = 0.8*10*1*50 = 400.
 */
ABZ_SUITE(model_subscription_closed_form)
{
	AbzMarket	mk = {1e13, 0, 0.03, 0.4, 0};
	AbzTerm    *t;
	double		c = 0.05,
				e = 0.01,
				g = (1 - c) * (1 + e);

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_SUBSCRIPTION, 0);
	kset(t, SUB_PRICE, 50);
	kset(t, SUB_ATTACH, 0.8);
	kset(t, SUB_EXPANSION, e);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 0, 0, 1, c);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 1000);
	kset(t, MKT_CAC, 100);
	project(&mk, 120);
	for (int m = 1; m <= 120; m += 17)
	{
		CHECK_NEAR(V(m, NEW_ACCOUNTS), 10, 1e-9);
		CHECK_NEAR(V(m, ACCOUNTS), 10 / c * (1 - pow(1 - c, m)), 1e-9);
		CHECK_NEAR(V(m, REVENUE), 400 * (1 - pow(g, m)) / (1 - g), 1e-9);
	}
	/* far out the accounts approach n/c = 200 */
	CHECK_NEAR(V(120, ACCOUNTS), 200, 0.01);
}

/*
 * Bass adoption: organic 1, no churn, no budget: every new adopter is won,
 * C_t = M (F(tau0 + t/12) - adoption) with F(tau0) = adoption.
 */
ABZ_SUITE(model_bass_closed_form)
{
	AbzMarket	mk = {50000, 0.1, 0.03, 0.38, 0};
	double		p = 0.03,
				q = 0.38,
				a = 0.1;
	double		tau0 = log((1 + q / p * a) / (1 - a)) / (p + q);
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_USAGE, 0);
	kset(t, USE_PRICE, 1);
	kset(t, USE_UNITS, 1);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 0, 0, 1, 0);
	kset(spec_term(PLAN, ABZ_PLAN_MARKETING, 0), MKT_ORGANIC, 1);
	project(&mk, 240);
	for (int m = 1; m <= 240; m += 23)
	{
		double		e = exp(-(p + q) * (tau0 + m / 12.0));
		double		F = (1 - e) / (1 + q / p * e);

		CHECK_NEAR(V(m, ACCOUNTS), 50000 * (F - a), 1e-9);
		/* usage revenue = C * units * price */
		CHECK_NEAR(V(m, REV_USAGE), 50000 * (F - a), 1e-9);
	}
	/* with market growth 10 %/yr: M_t = 50000 * 1.1^(t/12), A_t = M_t dF */
	mk.growth = 0.1;
	project(&mk, 2);
	{
		double		e1 = exp(-(p + q) * (tau0 + 1 / 12.0));
		double		F1 = (1 - e1) / (1 + q / p * e1);

		CHECK_NEAR(V(1, NEW_ACCOUNTS), 50000 * pow(1.1, 1 / 12.0) * (F1 - a), 1e-12);
	}
}

/*
 * Licensing, expected path: deals 12/yr -> 1 per month from launch 2;
 * fee 1000, royalty 0.1 x base 5000 = 500 per active deal, term 3, cost 200.
 *   month 1: nothing; month 2: 1000 + 500 = 1500; month 3: 1000 + 1000 = 2000;
 *   months 4, 5: 1000 + 1500 = 2500 (three deals inside the window).
 * A price cut does not touch royalties: competition freq 12 (mu = 1 per
 * month), price 0.1 -> pi_t = 0.9^t, fee = 1000 pi_t: month 2 = 810 + 500.
 */
ABZ_SUITE(model_licensing)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_LICENSING, 0);
	kset(t, LIC_DEALS, 12);
	kset(t, LIC_FEE, 1000);
	kset(t, LIC_ROYALTY, 0.1);
	kset(t, LIC_BASE, 5000);
	kset(t, LIC_TERM, 3);
	kset(t, LIC_COST, 200);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 0, 0, 2, 0);
	project(&mk, 5);
	CHECK(V(1, REVENUE) == 0 && V(1, COST_OF_REVENUE) == 0);
	CHECK_NEAR(V(2, REV_LICENSING), 1500, 1e-12);
	CHECK_NEAR(V(3, REV_LICENSING), 2000, 1e-12);
	CHECK_NEAR(V(4, REV_LICENSING), 2500, 1e-12);
	CHECK_NEAR(V(5, REV_LICENSING), 2500, 1e-12);
	CHECK_NEAR(V(5, COST_OF_REVENUE), 200, 1e-12);
	CHECK_NEAR(V(5, CASH_FLOW), 2300, 1e-12);

	t = spec_term(RISK, ABZ_RISK_COMPETITION, 0);
	kset(t, RK_FREQ, 12);
	kset(t, RK_PRICE, 0.1);
	project(&mk, 5);
	CHECK_NEAR(V(2, REV_LICENSING), 1310, 1e-12);
	CHECK_NEAR(V(5, REV_LICENSING), 1000 * pow(0.9, 5) + 1500, 1e-12);
}

/*
 * Channel and joint venture.  Flat market (1e12 accounts, tiny p) so that
 * paid acquisition dominates: budget 1000, cac 10 -> n = 100 per month.
 * Usage price 1, units 10: G_t = 10 C_t.
 *   channel cut 0.25: R = 0.75 G; reach 3 multiplies organic capture.
 *   jv stake 0.4: R = 0.6 G, opex, marketing, cost of revenue x 0.6,
 *   mitigation cost not scaled.
 */
ABZ_SUITE(model_entry_modes)
{
	AbzMarket	mk = {1e12, 0, 1e-9, 0, 0};
	AbzTerm    *t;
	double		base_org;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_USAGE, 0);
	kset(t, USE_PRICE, 1);
	kset(t, USE_UNITS, 10);
	kset(t, USE_COST, 0.2);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 1, 1000, 1, 0);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 1000);
	kset(t, MKT_CAC, 10);
	kset(t, MKT_ORGANIC, 0.5);
	project(&mk, 3);
	base_org = V(1, NEW_ACCOUNTS) - 100;
	CHECK(base_org > 0);
	CHECK_NEAR(V(2, REVENUE), 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, COST_OF_REVENUE), 2 * V(2, ACCOUNTS), 1e-12);

	t = spec_term(PLAN, ABZ_PLAN_ENTRY, ABZ_ENTRY_CHANNEL);
	kset(t, ENTRY_CUT, 0.25);
	kset(t, ENTRY_REACH, 3);
	project(&mk, 3);
	CHECK_NEAR(V(1, NEW_ACCOUNTS) - 100, 3 * base_org, 1e-9);
	CHECK_NEAR(V(2, GROSS_REVENUE), 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, REVENUE), 0.75 * 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, COST_OF_REVENUE), 2 * V(2, ACCOUNTS), 1e-12);

	PLAN->nterms--;
	t = spec_term(PLAN, ABZ_PLAN_ENTRY, ABZ_ENTRY_JV);
	kset(t, ENTRY_STAKE, 0.4);
	t = spec_term(RISK, ABZ_RISK_PRIVACY, ABZ_STRAT_MITIGATE);
	kset(t, RK_FREQ, 0);
	kset(t, RK_S1, 70);
	kset(t, RK_S2, 0.5);
	project(&mk, 3);
	CHECK_NEAR(V(1, NEW_ACCOUNTS) - 100, base_org, 1e-9);
	CHECK_NEAR(V(2, GROSS_REVENUE), 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, REV_USAGE), 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, REVENUE), 0.6 * 10 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, COST_OF_REVENUE), 0.6 * 2 * V(2, ACCOUNTS), 1e-12);
	CHECK_NEAR(V(2, OPEX), 600, 1e-12);
	CHECK_NEAR(V(2, MARKETING), 600, 1e-12);
	CHECK_NEAR(V(2, RISK_COST), 70, 1e-12);
	CHECK_NEAR(V(2, CASH_FLOW), 0.6 * 8 * V(2, ACCOUNTS) - 600 - 600 - 70, 1e-12);
}

/* the shared setup of the risk tests: usage on a flat market, paid n = 100 */
static void
risk_setup(void)
{
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_USAGE, 0);
	kset(t, USE_PRICE, 2);
	kset(t, USE_UNITS, 1);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(1e6, 1, 1000, 1, 0);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 1000);
	kset(t, MKT_CAC, 10);
}

/*
 * Each risk effect alone, expected path, freq 6/yr -> mu = 0.5 per month.
 * Without risks: C_t = 100 t, revenue 2 C_t, opex 1000.
 */
ABZ_SUITE(model_risk_effects)
{
	AbzMarket	mk = {1e12, 0, 1e-9, 0, 0};
	AbzTerm    *t;

	/* loss 1000: risk cost 0.5*1000 = 500 per month */
	risk_setup();
	t = spec_term(RISK, ABZ_RISK_REGULATION, 0);
	kset(t, RK_FREQ, 6);
	kset(t, RK_LOSS, 1000);
	project(&mk, 3);
	CHECK_NEAR(V(1, RISK_COST), 500, 1e-12);
	CHECK_NEAR(V(3, RISK_COST), 500, 1e-12);
	CHECK_NEAR(V(3, ACCOUNTS), 300, 1e-9);
	/* transfer(premium 50, cover 0.4): 500*0.6 + 50 = 350 */
	t->sub = ABZ_STRAT_TRANSFER;
	kset(t, RK_S1, 50);
	kset(t, RK_S2, 0.4);
	project(&mk, 3);
	CHECK_NEAR(V(2, RISK_COST), 350, 1e-12);
	/* mitigate(cost 30, effect 0.5): mu = 0.25, 0.25*1000 + 30 = 280 */
	t->sub = ABZ_STRAT_MITIGATE;
	kset(t, RK_S1, 30);
	kset(t, RK_S2, 0.5);
	project(&mk, 3);
	CHECK_NEAR(V(2, RISK_COST), 280, 1e-12);
	/* avoid(forgo 0.1): no loss, revenue x 0.9 */
	t->sub = ABZ_STRAT_AVOID;
	kset(t, RK_S1, 0.1);
	kset(t, RK_S2, 0);
	project(&mk, 3);
	CHECK(V(2, RISK_COST) == 0);
	CHECK_NEAR(V(2, REVENUE), 0.9 * 2 * 200, 1e-9);
	CHECK_NEAR(V(2, GROSS_REVENUE), 2 * 200, 1e-9);

	/* churn 0.2: C x 0.9 before acquisition: C1 = 100, C2 = 190, C3 = 271 */
	risk_setup();
	t = spec_term(RISK, ABZ_RISK_MARKET, 0);
	kset(t, RK_FREQ, 6);
	kset(t, RK_CHURN, 0.2);
	project(&mk, 3);
	CHECK_NEAR(V(2, ACCOUNTS), 190, 1e-9);
	CHECK_NEAR(V(3, ACCOUNTS), 271, 1e-9);
	CHECK_NEAR(V(3, REVENUE), 542, 1e-9);

	/* price 0.1: pi_t = 0.95^t; revenue_t = 2 * 100 t * 0.95^t */
	t->key[RK_CHURN].a = 0;
	kset(t, RK_PRICE, 0.1);
	project(&mk, 3);
	CHECK_NEAR(V(3, ACCOUNTS), 300, 1e-9);
	CHECK_NEAR(V(3, REVENUE), 600 * pow(0.95, 3), 1e-9);

	/* cost 100: E_t = 50 t, opex = 1000 + 50 t */
	t->key[RK_PRICE].a = 0;
	kset(t, RK_COST, 100);
	project(&mk, 3);
	CHECK_NEAR(V(1, OPEX), 1050, 1e-12);
	CHECK_NEAR(V(3, OPEX), 1150, 1e-12);

	/* share 0.2: sigma_t = 0.9^t, n_t = 100 sigma_t */
	t->key[RK_COST].a = 0;
	kset(t, RK_SHARE, 0.2);
	project(&mk, 3);
	CHECK_NEAR(V(1, NEW_ACCOUNTS), 90, 1e-9);
	CHECK_NEAR(V(3, NEW_ACCOUNTS), 100 * pow(0.9, 3), 1e-9);

	/* an expected shock above 1 never drives a multiplier below 0 */
	kset(t, RK_FREQ, 120);
	kset(t, RK_SHARE, 0.5);		/* mu * share = 5 */
	project(&mk, 3);
	CHECK(V(1, NEW_ACCOUNTS) == 0 && V(3, ACCOUNTS) == 0);

	/* subscription MRR is cut by churn and price shocks */
	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 10);
	kset(t, RK_FREQ, 6);
	kset(t, RK_SHARE, 0);
	kset(t, RK_PRICE, 0.1);
	kset(t, RK_CHURN, 0.2);
	project(&mk, 2);
	/* S1 = 100*10*0.95 = 950; S2 = 950*0.9*0.95 + 100*10*0.95^2 */
	CHECK_NEAR(V(1, REVENUE), 950, 1e-9);
	CHECK_NEAR(V(2, REVENUE), 950 * 0.9 * 0.95 + 1000 * 0.95 * 0.95, 1e-9);
}

/*
 * NPV of a known stream: licensing fee 1000 per deal at 12 deals/yr = 1000
 * per month from month 1, no costs, H = 12, discount 10 %/yr, multiple 5.
 * rho = 1.1^(1/12) - 1; NPV = 1000 (1 - 1.1^-1)/rho + 5*12*1000/1.1.
 */
ABZ_SUITE(model_npv)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;
	double		rho = pow(1.1, 1 / 12.0) - 1,
				npv;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_LICENSING, 0);
	kset(t, LIC_DEALS, 12);
	kset(t, LIC_FEE, 1000);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 0, 0, 1, 0);
	t = spec_term(PLAN, ABZ_PLAN_VALUATION, 0);
	kset(t, VAL_DISCOUNT, 0.1);
	kset(t, VAL_MULTIPLE, 5);
	npv = project(&mk, 12);
	CHECK_NEAR(V(12, CASH_FLOW), 1000, 1e-12);
	CHECK_NEAR(V(12, CASH), 12000, 1e-12);
	CHECK_NEAR(npv, 1000 * (1 - 1 / 1.1) / rho + 60000 / 1.1, 1e-11);
	/* default valuation: discount 0.25, multiple 0 */
	PLAN->nterms--;
	npv = project(&mk, 12);
	rho = pow(1.25, 1 / 12.0) - 1;
	CHECK_NEAR(npv, 1000 * (1 - 1 / 1.25) / rho, 1e-11);
}

/*
 * Training every 3 months, cost 1200, decline 19 %/yr: 1200 * 0.81^(t/12)
 * at t = 3, 6, 9 (before launch too); team growth 21 %/yr: 1000 * 1.21^(t/12).
 */
ABZ_SUITE(model_training_team)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 1);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 1, 1000, 7, 0);
	kset(&PLAN->terms[1], TEAM_GROWTH, 0.21);
	t = spec_term(PLAN, ABZ_PLAN_TRAINING, 0);
	kset(t, TRAIN_COST, 1200);
	kset(t, TRAIN_EVERY, 3);
	kset(t, TRAIN_DECLINE, 0.19);
	project(&mk, 9);
	for (int m = 1; m <= 9; m++)
	{
		double		tr = m % 3 == 0 ? 1200 * pow(0.81, m / 12.0) : 0;

		CHECK_NEAR(V(m, TRAINING), tr, 1e-12);
		CHECK_NEAR(V(m, OPEX), 1000 * pow(1.21, m / 12.0), 1e-12);
		CHECK_NEAR(V(m, CASH_FLOW), -tr - 1000 * pow(1.21, m / 12.0), 1e-12);
	}
}

/*
 * Rounds: month 2 amount 5000 p 0.5 and month 2 amount 1000 (p 1): expected
 * funding 3500 in month 2; month 4 amount 800 p 0.25 -> 200.  Cash 100,
 * team 1000/month: K = 100 - 1000 t + funding so far.
 */
ABZ_SUITE(model_rounds)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 1);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(100, 1, 1000, 1, 0);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 4);
	kset(t, ROUND_AMOUNT, 800);
	kset(t, ROUND_P, 0.25);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 2);
	kset(t, ROUND_AMOUNT, 5000);
	kset(t, ROUND_P, 0.5);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 2);
	kset(t, ROUND_AMOUNT, 1000);
	project(&mk, 4);
	CHECK(V(1, FUNDING) == 0);
	CHECK(V(2, FUNDING) == 3500);
	CHECK(V(3, FUNDING) == 0);
	CHECK(V(4, FUNDING) == 200);
	CHECK(V(1, CASH) == -900);
	CHECK(V(2, CASH) == 1600);
	CHECK(V(4, CASH) == -200);
	/* funding is not operating cash flow */
	CHECK(V(2, CASH_FLOW) == -1000);
}

/*
 * Launch delay: launch 4 -> months 1-3 have no accounts, revenue or
 * marketing but pay the team; month 4 acquires from A_4 and budget B_4 =
 * budget; the budget grows from launch: B_5 = 500 * 1.2^(1/12).
 */
ABZ_SUITE(model_launch_delay)
{
	AbzMarket	mk = {1000, 0, 0.3, 0, 0};
	AbzTerm    *t;
	double		A4 = 1000 * (exp(-0.3 * 3 / 12.0) - exp(-0.3 * 4 / 12.0));

	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 10);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 1, 100, 4, 0);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 500);
	kset(t, MKT_CAC, 100);
	kset(t, MKT_GROWTH, 0.2);
	kset(t, MKT_ORGANIC, 0.5);
	project(&mk, 5);
	CHECK(abz_model_launch(model()) == 4 && abz_model_horizon(model()) == 5);
	for (int m = 1; m <= 3; m++)
	{
		CHECK(V(m, ACCOUNTS) == 0 && V(m, REVENUE) == 0 && V(m, MARKETING) == 0);
		CHECK(V(m, OPEX) == 100 && V(m, CASH_FLOW) == -100);
	}
	CHECK_NEAR(V(4, NEW_ACCOUNTS), 0.5 * A4 + 5, 1e-12);
	CHECK_NEAR(V(4, REVENUE), 10 * (0.5 * A4 + 5), 1e-12);
	CHECK(V(4, MARKETING) == 500);
	CHECK_NEAR(V(5, MARKETING), 500 * pow(1.2, 1 / 12.0), 1e-12);
}

/* errors of prepare and project */
ABZ_SUITE(model_errors)
{
	AbzMarket	mk = {1000, 0, 0.3, 0, 0};
	AbzError	err;
	double		npv;

	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_SUBSCRIPTION, 0), SUB_PRICE, 1);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(0, 1, 100, 1, 0);
	CHECK(!abz_model_prepare(model(), REV, RISK, PLAN, &mk, 0, &err) && err.code == ABZ_ERR_DOMAIN);
	CHECK(!abz_model_prepare(model(), REV, RISK, PLAN, &mk, 601, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(abz_model_prepare(model(), REV, NULL, PLAN, &mk, 600, &err));
	mk.adoption = 1;
	CHECK(!abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err) && err.code == ABZ_ERR_DOMAIN);
	mk.adoption = 0;
	/* a plan passed as a revenue model */
	CHECK(!abz_model_prepare(model(), PLAN, RISK, PLAN, &mk, 60, &err) && err.code == ABZ_ERR_DOMAIN);
	/* overflow: price 1e300 x 1e300 accounts */
	mk.accounts = 1e300;
	kset(&REV->terms[0], SUB_PRICE, 1e300);
	kset(spec_term(PLAN, ABZ_PLAN_MARKETING, 0), MKT_ORGANIC, 1);
	CHECK(abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err));
	CHECK(!abz_model_project(model(), rows, &npv, &err) && err.code == ABZ_ERR_OVERFLOW);
}

/* ---- trials ---- */

static double trev[ABZ_MAX_HORIZON],
			tcash[ABZ_MAX_HORIZON];

/* a company without any uncertainty: every stream, team growth, rounds p = 1 */
static void
certain_company(void)
{
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_SUBSCRIPTION, 0);
	kset(t, SUB_PRICE, 49);
	kset(t, SUB_SEATS, 3);
	kset(t, SUB_ATTACH, 0.7);
	kset(t, SUB_EXPANSION, 0.01);
	kset(t, SUB_COST, 4);
	kset(t, SUB_COST_DECLINE, 0.2);
	t = spec_term(REV, ABZ_REV_USAGE, 0);
	kset(t, USE_PRICE, 0.002);
	kset(t, USE_UNITS, 30000);
	kset(t, USE_GROWTH, 0.02);
	kset(t, USE_PRICE_DECLINE, 0.3);
	kset(t, USE_COST, 0.0007);
	kset(t, USE_COST_DECLINE, 0.4);
	t = spec_term(REV, ABZ_REV_ADVERTISING, 0);
	kset(t, ADV_IMPRESSIONS, 200);
	kset(t, ADV_CPM, 3);
	kset(t, ADV_GROWTH, 0.01);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(2e6, 8, 12000, 3, 0.03);
	kset(&PLAN->terms[1], TEAM_GROWTH, 0.15);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 20000);
	kset(t, MKT_CAC, 400);
	kset(t, MKT_GROWTH, 0.3);
	kset(t, MKT_ORGANIC, 0.05);
	t = spec_term(PLAN, ABZ_PLAN_ENTRY, ABZ_ENTRY_CHANNEL);
	kset(t, ENTRY_CUT, 0.1);
	kset(t, ENTRY_REACH, 1.5);
	t = spec_term(PLAN, ABZ_PLAN_TRAINING, 0);
	kset(t, TRAIN_COST, 50000);
	kset(t, TRAIN_EVERY, 6);
	kset(t, TRAIN_DECLINE, 0.2);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 12);
	kset(t, ROUND_AMOUNT, 3e6);
	t = spec_term(PLAN, ABZ_PLAN_VALUATION, 0);
	kset(t, VAL_DISCOUNT, 0.3);
	kset(t, VAL_MULTIPLE, 6);
}

/* a trial without uncertainty computes exactly the projection */
ABZ_SUITE(model_trial_equals_projection)
{
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	AbzTrial	tr;
	double		npv;
	int			be = 0;
	bool		same = true;

	certain_company();
	npv = project(&mk, 60);
	abz_model_trial(model(), 42, 7, &tr, trev, tcash);
	CHECK(tr.npv == npv);
	for (int m = 1; m <= 60; m++)
	{
		same = same && trev[m - 1] == V(m, REVENUE) && tcash[m - 1] == V(m, CASH);
		if (be == 0 && m >= 3 && V(m, CASH_FLOW) >= 0)
			be = m;
	}
	CHECK(same);
	CHECK(tr.death_month == 0);
	CHECK(tr.arr == 12 * V(60, REVENUE));
	CHECK(be > 3 && tr.breakeven_month == be);
	CHECK(tr.risk_loss == 0);
	/* the trial does not disturb a later projection */
	abz_model_trial(model(), 1, 2, &tr, NULL, NULL);
	{
		double		npv2;
		AbzError	err;

		CHECK(abz_model_project(model(), rows, &npv2, &err) && npv2 == npv);
	}
}

/* the reference company of bench/core_trial.c, with distributions and risks */
static void
uncertain_company(void)
{
	AbzTerm    *t;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_SUBSCRIPTION, 0);
	kdist(t, SUB_PRICE, ABZ_TRIANGULAR, 30, 49, 60);
	kset(t, SUB_SEATS, 3);
	kset(t, SUB_COST, 4);
	t = spec_term(REV, ABZ_REV_USAGE, 0);
	kset(t, USE_PRICE, 0.002);
	kdist(t, USE_UNITS, ABZ_LOGNORMAL, 30000, 10000, 0);
	kset(t, USE_COST, 0.0007);
	spec_init(RISK, ABZ_KIND_RISK);
	t = spec_term(RISK, ABZ_RISK_COMPETITION, 0);
	kdist(t, RK_FREQ, ABZ_UNIFORM, 0.5, 1.5, 0);
	kdist(t, RK_PRICE, ABZ_PERT, 0.05, 0.1, 0.3);
	t = spec_term(RISK, ABZ_RISK_REGULATION, ABZ_STRAT_TRANSFER);
	kset(t, RK_FREQ, 0.5);
	kdist(t, RK_LOSS, ABZ_LOGNORMAL, 200000, 150000, 0);
	kset(t, RK_S1, 2000);
	kset(t, RK_S2, 0.5);
	t = spec_term(RISK, ABZ_RISK_TEAM, ABZ_STRAT_MITIGATE);
	kset(t, RK_FREQ, 1);
	kdist(t, RK_CHURN, ABZ_UNIFORM, 0, 0.1, 0);
	kset(t, RK_S1, 1000);
	kset(t, RK_S2, 0.3);
	base_plan(1.5e6, 6, 11000, 3, 0.03);
	kdist(&PLAN->terms[2], PROD_CHURN, ABZ_UNIFORM, 0.02, 0.04, 0);
	t = spec_term(PLAN, ABZ_PLAN_MARKETING, 0);
	kset(t, MKT_BUDGET, 20000);
	kset(t, MKT_CAC, 400);
	kset(t, MKT_ORGANIC, 0.05);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 18);
	kset(t, ROUND_AMOUNT, 3e6);
	kset(t, ROUND_P, 0.6);
}

/* same (seed, trial) -> identical; another trial or seed -> different */
ABZ_SUITE(model_trial_determinism)
{
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	AbzTrial	a,
				b;
	AbzError	err;
	double		rev2[60],
				cash2[60];
	int			differ = 0;

	uncertain_company();
	CHECK(abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err));
	abz_model_trial(model(), 2026, 5, &a, trev, tcash);
	abz_model_trial(model(), 2026, 6, &b, NULL, NULL);
	abz_model_trial(model(), 2026, 5, &b, rev2, cash2);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	CHECK(memcmp(trev, rev2, sizeof(rev2)) == 0 && memcmp(tcash, cash2, sizeof(cash2)) == 0);
	for (int i = 0; i < 20; i++)
	{
		abz_model_trial(model(), 2026, 100 + i, &b, NULL, NULL);
		differ += b.npv != a.npv;
	}
	CHECK(differ == 20);
	abz_model_trial(model(), 2027, 5, &b, NULL, NULL);
	CHECK(b.npv != a.npv);
	/* a fresh model of the same inputs gives the same trial */
	CHECK(abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err));
	abz_model_trial(model(), 2026, 5, &b, NULL, NULL);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
}

/* prepare, then one trial and the projection; results into tr, rev, cash, out */
static void
prepare_run(AbzModel *m, const AbzMarket *mk, AbzTrial *tr, double *rev, double *cash,
			AbzMonth *out, double *npv)
{
	AbzError	err;

	CHECK(abz_model_prepare(m, REV, RISK, PLAN, mk, 60, &err));
	abz_model_trial(m, 2026, 5, tr, rev, cash);
	CHECK(abz_model_project(m, out, npv, &err));
}

/*
 * prepare clears only what the specs use: a model prepared in a buffer of
 * garbage bytes, or reused after a larger company (more terms, rounds,
 * licensing history), gives bit for bit the results of a zeroed buffer.
 */
ABZ_SUITE(model_prepare_reuse)
{
	static AbzMonth out[2][60];
	static double rev[2][60],
				cash[2][60];
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	AbzTrial	tr[2];
	double		npv[2];
	size_t		sz = abz_model_size(60);
	AbzModel   *zero = calloc(1, sz),
			   *junk = malloc(sz);

	for (int company = 0; company < 2; company++)
	{
		if (company == 0)
			uncertain_company();
		else
			certain_company();
		prepare_run(zero, &mk, &tr[0], rev[0], cash[0], out[0], &npv[0]);
		/* garbage everywhere */
		memset(junk, 0xA5, sz);
		prepare_run(junk, &mk, &tr[1], rev[1], cash[1], out[1], &npv[1]);
		CHECK(memcmp(&tr[0], &tr[1], sizeof(AbzTrial)) == 0);
		CHECK(memcmp(rev[0], rev[1], sizeof(rev[0])) == 0);
		CHECK(memcmp(cash[0], cash[1], sizeof(cash[0])) == 0);
		CHECK(memcmp(out[0], out[1], sizeof(out[0])) == 0);
		CHECK(npv[0] == npv[1]);
	}
	/* the certain company (three streams, training, a round) then the uncertain one */
	memset(zero, 0, sz);
	prepare_run(zero, &mk, &tr[0], rev[0], cash[0], out[0], &npv[0]);
	uncertain_company();
	prepare_run(junk, &mk, &tr[1], rev[1], cash[1], out[1], &npv[1]);
	memset(zero, 0, sz);
	prepare_run(zero, &mk, &tr[0], rev[0], cash[0], out[0], &npv[0]);
	CHECK(memcmp(&tr[0], &tr[1], sizeof(AbzTrial)) == 0);
	CHECK(memcmp(rev[0], rev[1], sizeof(rev[0])) == 0);
	CHECK(memcmp(out[0], out[1], sizeof(out[0])) == 0);
	CHECK(tr[0].npv == tr[1].npv && npv[0] == npv[1]);
	free(zero);
	free(junk);
}

/*
 * Statistics over many trials.  Over H = 60 months a risk with yearly rate
 * lambda has lambda * 5 events on average; mitigation halves lambda;
 * avoided risks never occur.  Loss uniform(100, 300) has mean 200, so the
 * mean loss of 15 events is 3000 (sd per trial sqrt(15 (200^2 + 3333)) ~ 806).
 */
ABZ_SUITE(model_trial_statistics)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;
	AbzTrial	tr;
	AbzError	err;
	const int	N = 4000;
	double		ev[4] = {0},
				loss = 0,
				lic4 = 0,
				closed = 0;
	bool		tally_ok = true;

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_LICENSING, 0);
	kset(t, LIC_DEALS, 12);
	kset(t, LIC_FEE, 1000);
	kset(t, LIC_ROYALTY, 0.1);
	kset(t, LIC_BASE, 5000);
	kset(t, LIC_TERM, 3);
	spec_init(RISK, ABZ_KIND_RISK);
	t = spec_term(RISK, ABZ_RISK_REGULATION, 0);
	kset(t, RK_FREQ, 3);
	kdist(t, RK_LOSS, ABZ_UNIFORM, 100, 300, 0);
	t = spec_term(RISK, ABZ_RISK_MARKET, 0);
	kset(t, RK_FREQ, 240);		/* 20 per month: counted by Poisson draws */
	t = spec_term(RISK, ABZ_RISK_DATA, ABZ_STRAT_MITIGATE);
	kdist(t, RK_FREQ, ABZ_UNIFORM, 4, 8, 0);
	kset(t, RK_S1, 0);
	kset(t, RK_S2, 0.5);
	t = spec_term(RISK, ABZ_RISK_ETHICS, ABZ_STRAT_AVOID);
	kset(t, RK_FREQ, 50);
	base_plan(1e9, 1, 1000, 2, 0);
	t = spec_term(PLAN, ABZ_PLAN_ROUND, 0);
	kset(t, ROUND_MONTH, 2);
	kset(t, ROUND_AMOUNT, 5000);
	kset(t, ROUND_P, 0.3);
	CHECK(abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err));
	for (int i = 0; i < N; i++)
	{
		abz_model_trial(model(), 99, i, &tr, trev, tcash);
		ev[0] += tr.events[ABZ_RISK_REGULATION];
		ev[1] += tr.events[ABZ_RISK_MARKET];
		ev[2] += tr.events[ABZ_RISK_DATA];
		ev[3] += tr.events[ABZ_RISK_ETHICS];
		loss += tr.loss[ABZ_RISK_REGULATION];
		tally_ok = tally_ok && tr.risk_loss == tr.loss[ABZ_RISK_REGULATION];
		lic4 += trev[3];
		/* month 2: cash moves by -1000 + licensing revenue + funding */
		closed += (tcash[1] - tcash[0] - trev[1] + 1000) == 5000;
	}
	CHECK(tally_ok);
	CHECK_NEAR(ev[0] / N, 15, 0.02);		/* sd of the mean 0.06 */
	CHECK_NEAR(ev[1] / N, 1200, 0.003);		/* sd of the mean 0.55 */
	CHECK_NEAR(ev[2] / N, 15, 0.02);
	CHECK(ev[3] == 0);
	CHECK_NEAR(loss / N, 3000, 0.03);		/* sd of the mean 13 */
	/* month 4: fee 1000 N4 + 500 (N2 + N3 + N4), mean 2500, sd of the mean 26 */
	CHECK_NEAR(lic4 / N, 2500, 0.05);
	CHECK_NEAR(closed / N, 0.3, 0.1);		/* sd 0.007 */
}

/*
 * Death: cash 2500, team 1000 per month, nothing else: K = 1500, 500, -500
 * -> death in month 3; later months keep -500 and revenue 0, no terminal
 * value, ARR 0.  The projection keeps going (no death).
 */
ABZ_SUITE(model_trial_death)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;
	AbzTrial	tr;
	double		d = 1 / pow(1.25, 1 / 12.0);

	spec_init(REV, ABZ_KIND_REVENUE);
	t = spec_term(REV, ABZ_REV_LICENSING, 0);
	kset(t, LIC_DEALS, 0);
	spec_init(RISK, ABZ_KIND_RISK);
	base_plan(2500, 1, 1000, 1, 0);
	t = spec_term(PLAN, ABZ_PLAN_VALUATION, 0);
	kset(t, VAL_MULTIPLE, 10);
	project(&mk, 6);
	CHECK(V(6, CASH) == -3500);
	abz_model_trial(model(), 1, 1, &tr, trev, tcash);
	CHECK(tr.death_month == 3);
	CHECK(tr.breakeven_month == 0);
	CHECK(tcash[0] == 1500 && tcash[1] == 500 && tcash[2] == -500);
	CHECK(tcash[3] == -500 && tcash[5] == -500 && trev[5] == 0);
	CHECK(tr.arr == 0);
	CHECK_NEAR(tr.npv, -1000 * (d + d * d + d * d * d), 1e-12);
}

/*
 * A key sampled once per trial: revenue is linear in the usage price, so the
 * mean revenue over trials approaches the expected path (price at its mean).
 */
ABZ_SUITE(model_trial_sampled_keys)
{
	AbzMarket	mk = {1e12, 0, 1e-9, 0, 0};
	AbzTrial	tr;
	double		sum = 0,
				lo = HUGE_VAL,
				hi = 0;
	const int	N = 4000;
	bool		nonneg = true;

	risk_setup();
	kdist(&REV->terms[0], USE_PRICE, ABZ_UNIFORM, 1, 3, 0);
	project(&mk, 12);
	CHECK_NEAR(V(12, REVENUE), 2 * 1200, 1e-9);
	for (int i = 0; i < N; i++)
	{
		abz_model_trial(model(), 5, i, &tr, trev, NULL);
		sum += trev[11];
		lo = fmin(lo, trev[11]);
		hi = fmax(hi, trev[11]);
	}
	/* uniform(1,3) x 1200: mean 2400, sd 693, sd of the mean 11 */
	CHECK_NEAR(sum / N, 2400, 0.025);
	CHECK(lo >= 1200 && hi <= 3600 && hi - lo > 2000);
	/* a normal that reaches below 0 is clamped to the key's domain */
	kdist(&REV->terms[0], USE_PRICE, ABZ_NORMAL, 0.1, 10, 0);
	project(&mk, 12);
	for (int i = 0; i < 200; i++)
	{
		abz_model_trial(model(), 5, i, &tr, trev, NULL);
		nonneg = nonneg && trev[11] >= 0;
		lo = fmin(lo, trev[11]);
	}
	CHECK(nonneg && lo == 0);
}

/*
 * Events with constant impacts in a trial, exactly: regulation freq 12,
 * loss 1000, transfer(premium 10, cover 0.25): each event costs 750 and every
 * month 10, nothing else flows, so K_H = 1e6 - 750 events - 10 H and the
 * category tallies match.  Over 500 trials the mean count is about 12 * 5 = 60.
 */
ABZ_SUITE(model_trial_event_accounting)
{
	AbzMarket	mk = {0, 0, 0.03, 0.4, 0};
	AbzTerm    *t;
	AbzTrial	tr;
	AbzError	err;
	bool		exact = true;
	double		events = 0;

	spec_init(REV, ABZ_KIND_REVENUE);
	kset(spec_term(REV, ABZ_REV_LICENSING, 0), LIC_DEALS, 0);
	spec_init(RISK, ABZ_KIND_RISK);
	t = spec_term(RISK, ABZ_RISK_REGULATION, ABZ_STRAT_TRANSFER);
	kset(t, RK_FREQ, 12);
	kset(t, RK_LOSS, 1000);
	kset(t, RK_S1, 10);
	kset(t, RK_S2, 0.25);
	base_plan(1e6, 0, 0, 1, 0);
	CHECK(abz_model_prepare(model(), REV, RISK, PLAN, &mk, 60, &err));
	for (int i = 0; i < 500; i++)
	{
		uint32_t	n;

		abz_model_trial(model(), 3, i, &tr, trev, tcash);
		n = tr.events[ABZ_RISK_REGULATION];
		events += n;
		exact = exact && tr.loss[ABZ_RISK_REGULATION] == 750.0 * n &&
			tr.risk_loss == 750.0 * n && tcash[59] == 1e6 - 750.0 * n - 600 &&
			tr.death_month == 0;
		for (int c = 0; c < ABZ_RISK_NCAT; c++)
			if (c != ABZ_RISK_REGULATION)
				exact = exact && tr.events[c] == 0 && tr.loss[c] == 0;
	}
	CHECK(exact);
	CHECK_NEAR(events / 500, 60, 0.05);	/* sd of the mean 0.35 */
	/* the projection: 12/12 * 1000 * 0.75 + 10 = 760 a month */
	project(&mk, 60);
	CHECK_NEAR(V(7, RISK_COST), 760, 1e-12);
}

/* parse text into a spec buffer; CHECKs success */
static bool
parse_into(AbzSpec *out, AbzKind kind, const char *text)
{
	AbzError	err;
	bool		ok = abz_parse(kind, text, strlen(text), out, &err);

	CHECK(ok);
	if (!ok)
		fprintf(stderr, "    parse: %s\n", err.msg);
	return ok;
}

/*
 * Parsed values drive the model exactly like the hand-built ones: the text
 * of uncertain_company() gives the same projection rows and the same trials.
 */
ABZ_SUITE(model_parsed_inputs)
{
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	static AbzMonth hand[60];
	static SpecBuf pr,
				pk,
				pp;
	AbzTrial	a,
				b;
	AbzError	err;
	double		npv_hand,
				npv;

	uncertain_company();
	npv_hand = project(&mk, 60);
	memcpy(hand, rows, sizeof(hand));
	abz_model_trial(model(), 77, 3, &a, NULL, NULL);

	if (!parse_into(&pr.s, ABZ_KIND_REVENUE,
					"subscription(price=triangular(30,49,60), seats=3, cost=4)"
					" + usage(price=0.002, units=lognormal(30000,10000), cost=0.0007)") ||
		!parse_into(&pk.s, ABZ_KIND_RISK,
					"competition(freq=uniform(0.5,1.5), price=pert(5%,10%,30%))"
					" + regulation(freq=0.5, loss=lognormal(200k,150k),"
					"   strategy=transfer(premium=2000, cover=50%))"
					" + team(freq=1, churn=uniform(0,0.1),"
					"   strategy=mitigate(cost=1000, effect=0.3))") ||
		!parse_into(&pp.s, ABZ_KIND_PLAN,
					"cash(amount=1.5M) + team(headcount=6, cost=11000)"
					" + product(launch=3, churn=uniform(0.02,0.04))"
					" + marketing(budget=20000, cac=400, organic=0.05)"
					" + round(month=18, amount=3M, p=0.6)"))
		return;
	CHECK(abz_model_prepare(model(), &pr.s, &pk.s, &pp.s, &mk, 60, &err));
	CHECK(abz_model_project(model(), rows, &npv, &err));
	CHECK(npv == npv_hand);
	CHECK(memcmp(rows, hand, sizeof(hand)) == 0);
	abz_model_trial(model(), 77, 3, &b, NULL, NULL);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);

	/* entry modes from text: a channel's reach and cut, a jv's stake */
	if (!parse_into(&pp.s, ABZ_KIND_PLAN,
					"cash(amount=1M) + team(headcount=1, cost=1000) + product(churn=0)"
					" + marketing(organic=0.5) + entry(mode=channel, cut=0.25, reach=3)"))
		return;
	CHECK(abz_model_prepare(model(), &pr.s, NULL, &pp.s, &mk, 3, &err));
	CHECK(abz_model_project(model(), rows, &npv, &err));
	CHECK_NEAR(rows[1].v[ABZ_M_REVENUE], 0.75 * rows[1].v[ABZ_M_GROSS_REVENUE], 1e-12);
	CHECK(rows[0].v[ABZ_M_NEW_ACCOUNTS] > 0);
	if (!parse_into(&pp.s, ABZ_KIND_PLAN,
					"cash(amount=1M) + team(headcount=1, cost=1000) + product(churn=0)"
					" + marketing(organic=0.5) + entry(mode=jv, stake=40%)"))
		return;
	CHECK(abz_model_prepare(model(), &pr.s, NULL, &pp.s, &mk, 3, &err));
	CHECK(abz_model_project(model(), rows, &npv, &err));
	CHECK_NEAR(rows[1].v[ABZ_M_REVENUE], 0.6 * rows[1].v[ABZ_M_GROSS_REVENUE], 1e-12);
	CHECK_NEAR(rows[1].v[ABZ_M_OPEX], 600, 1e-12);
}

ABZ_SUITE(model_market_nonfinite)
{
	AbzMarket	m = {1000, 0, 0.03, 0.38, 0};
	AbzError	err;

	/* a non-finite market number prints as PostgreSQL prints float8 */
	m.accounts = -NAN;
	CHECK(!abz_market_check(&m, &err));
	CHECK_STR(err.msg, "market accounts must be a finite number >= 0, got NaN");
	m.accounts = 1000;
	m.growth = -INFINITY;
	CHECK(!abz_market_check(&m, &err));
	CHECK_STR(err.msg, "market growth must be > -1, got -Infinity");
}

/*
 * Market identity hash.  mix(0) = 0xe220a8397b1dcdaf is the first output of
 * the reference splitmix64 generator seeded with 0, so the all-zero market
 * (h = mix(mix(mix(mix(mix(0))))) with every bits(x) = 0) starts from it;
 * the two full values below come from an independent Python implementation
 * of the formula in model.h (struct.pack('<d', x), 64-bit wrap-around).
 */
ABZ_SUITE(market_hash)
{
	AbzMarket	zero = {0, 0, 0, 0, 0};
	AbzMarket	negz = {-0.0, -0.0, 0, -0.0, 0};
	AbzMarket	m = {50000, 0.05, 0.01, 0.4, 0.1};
	AbzMarket	m2 = {50000, 0.05, 0.01, 0.4, 0.1000000000000001};
	AbzMarket	swap = {50000, 0.05, 0.4, 0.01, 0.1};

	CHECK(abz_market_hash(&zero) == UINT64_C(0x78ae5a9a6b5fd45e));
	CHECK(abz_market_hash(&negz) == abz_market_hash(&zero));
	CHECK(abz_market_hash(&m) == UINT64_C(0xbac3661ee2cdd00d));
	CHECK(abz_market_hash(&m2) != abz_market_hash(&m));
	CHECK(abz_market_hash(&swap) != abz_market_hash(&m));
}
