/*
 * test_spec.c — unit tests of the value grammar, the validator and the
 * canonical printer (grammar.c, validate.c, print.c): every term and key,
 * number forms, distributions, strategies, entry modes, canonical text
 * checked by hand, bit-identical round trips and every error class.
 */
#include <stdint.h>
#include <stdlib.h>

#include "spec.h"
#include "unit.h"

static union
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
}			buf1, buf2;

static AbzError last_err;

/* parse text; true on success */
static int
parse(AbzKind kind, const char *text)
{
	return abz_parse(kind, text, strlen(text), &buf1.s, &last_err);
}

/* canonical text of buf1 (static storage) */
static const char *
canon(void)
{
	static char out[ABZ_MAX_INPUT];

	abz_format(&buf1.s, out, sizeof(out), NULL);
	return out;
}

/* parse text, check its canonical form, and that the form parses to the same bytes */
static void
check_canon(AbzKind kind, const char *text, const char *expect)
{
	const char *c;

	if (!parse(kind, text))
	{
		fprintf(stderr, "    parse of \"%s\" failed: %s\n", text, last_err.msg);
		CHECK(0);
		return;
	}
	c = canon();
	CHECK_STR(c, expect);
	CHECK(abz_parse(kind, c, strlen(c), &buf2.s, &last_err));
	CHECK(buf1.s.nterms == buf2.s.nterms &&
		  memcmp(&buf1.s, &buf2.s, ABZ_SPEC_SIZE(buf1.s.nterms)) == 0);
	CHECK(abz_validate(&buf1.s, ABZ_SPEC_SIZE(buf1.s.nterms), &last_err));
}

/* parse text expecting an error with this code, term and key */
static void
check_err(AbzKind kind, const char *text, AbzErrCode code, const char *term,
		  const char *key)
{
	int			ok = parse(kind, text);

	CHECK(!ok);
	if (ok)
		return;
	if (last_err.code != code || strcmp(last_err.term, term) != 0 ||
		strcmp(last_err.key, key) != 0)
		fprintf(stderr, "    \"%s\": got code %d term \"%s\" key \"%s\" (%s)\n",
				text, last_err.code, last_err.term, last_err.key, last_err.msg);
	CHECK(last_err.code == code);
	CHECK_STR(last_err.term, term);
	CHECK_STR(last_err.key, key);
}

/* as check_err, and the message must contain msg */
static void
check_msg(AbzKind kind, const char *text, AbzErrCode code, const char *term,
		  const char *key, const char *msg)
{
	check_err(kind, text, code, term, key);
	if (strstr(last_err.msg, msg) == NULL)
		fprintf(stderr, "    message \"%s\" lacks \"%s\"\n", last_err.msg, msg);
	CHECK(strstr(last_err.msg, msg) != NULL);
}

/* true if a parameter slot is all zero bytes */
static bool
all_zero_param(const AbzParam *p)
{
	static const AbzParam zero;

	return memcmp(p, &zero, sizeof(zero)) == 0;
}

/* the value of slot of term i of buf1 */
static double
slot_a(int i, int slot)
{
	return buf1.s.terms[i].key[slot].a;
}

#define PLAN_BASE "cash(amount=1M) + team(headcount=5, cost=10k) + product(churn=2%)"

ABZ_SUITE(spec_numbers)
{
	/* suffixes scale exactly: 1.1k must be 1100, not 1.1 * 1000 = 1100.0000000000002 */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1.1k)"));
	CHECK(slot_a(0, SUB_PRICE) == 1100.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1.1K)"));
	CHECK(slot_a(0, SUB_PRICE) == 1100.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=2.5M)"));
	CHECK(slot_a(0, SUB_PRICE) == 2500000.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=2.5m)"));
	CHECK(slot_a(0, SUB_PRICE) == 2500000.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=3B)"));
	CHECK(slot_a(0, SUB_PRICE) == 3e9);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=0.7b)"));
	CHECK(slot_a(0, SUB_PRICE) == 7e8);
	/* n% is exactly the double nearest n/100, as if the literal were written out */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, attach=3%)"));
	CHECK(slot_a(0, SUB_ATTACH) == 0.03);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, attach=7%)"));
	CHECK(slot_a(0, SUB_ATTACH) == 0.07);
	/* 57 * 0.01 = 0.5700000000000001, but 57% is the literal 0.57 */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, attach=57%)"));
	CHECK(slot_a(0, SUB_ATTACH) == 0.57);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, attach=12.5%)"));
	CHECK(slot_a(0, SUB_ATTACH) == 0.125);
	/* scientific, with suffix combined: 1.5e2k = 150000 */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1.5e2k)"));
	CHECK(slot_a(0, SUB_PRICE) == 150000.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=2E-3)"));
	CHECK(slot_a(0, SUB_PRICE) == 0.002);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=+4.)"));
	CHECK(slot_a(0, SUB_PRICE) == 4.0);
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=.5)"));
	CHECK(slot_a(0, SUB_PRICE) == 0.5);
	/* 50e-2% = 0.005 */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, attach=50e-2%)"));
	CHECK(slot_a(0, SUB_ATTACH) == 0.005);
	/* signed: expansion may be negative; -0 is stored as +0 (default, omitted) */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=1, expansion=-2%)"));
	CHECK(slot_a(0, SUB_EXPANSION) == -0.02);
	check_canon(ABZ_KIND_REVENUE, "subscription(price=1, expansion=-0)", "subscription(price=1)");
	CHECK(!signbit(slot_a(0, SUB_EXPANSION)));
	/* underflow reads as zero or a subnormal, both finite */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=1e-400)", "subscription(price=0)");
	check_canon(ABZ_KIND_REVENUE, "subscription(price=5e-324)", "subscription(price=5e-324)");
	/* many digits still read exactly */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=0.1000000000000000055511151231257827)",
				"subscription(price=0.1)");
}

ABZ_SUITE(spec_shortest)
{
	char		b[32];

	/* shortest digits that read back; fixed notation for exponents in [-4, 15) */
	abz_num_shortest(0.1, b);
	CHECK_STR(b, "0.1");
	abz_num_shortest(0.1 + 0.2, b);
	CHECK_STR(b, "0.30000000000000004");
	abz_num_shortest(1000000, b);
	CHECK_STR(b, "1000000");
	abz_num_shortest(1e15, b);
	CHECK_STR(b, "1e+15");
	abz_num_shortest(123456789012345.0, b);
	CHECK_STR(b, "123456789012345");
	abz_num_shortest(0.0001, b);
	CHECK_STR(b, "0.0001");
	abz_num_shortest(0.00001, b);
	CHECK_STR(b, "1e-05");
	abz_num_shortest(-2.5, b);
	CHECK_STR(b, "-2.5");
	abz_num_shortest(0, b);
	CHECK_STR(b, "0");
	abz_num_shortest(1.7976931348623157e308, b);
	CHECK_STR(b, "1.7976931348623157e+308");
	abz_num_shortest(5e-324, b);
	CHECK_STR(b, "5e-324");
	abz_num_shortest(1.0 / 3.0, b);
	CHECK_STR(b, "0.3333333333333333");
	CHECK(strtod(b, NULL) == 1.0 / 3.0);
	/* the returned length is the string's length */
	CHECK(abz_num_shortest(12.25, b) == 5);
}

/* next value of a 64-bit xorshift generator */
static uint64_t
next_bits(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

ABZ_SUITE(spec_shortest_random)
{
	uint64_t	state = 0x9e3779b97f4a7c15ULL;
	int			bad = 0;

	/* 20000 random positive finite doubles of every magnitude print and read back exactly */
	for (int i = 0; i < 20000; i++)
	{
		uint64_t	bits = next_bits(&state) & 0x7fffffffffffffffULL;
		double		v;
		char		b[32],
					text[128];

		memcpy(&v, &bits, sizeof(v));
		if (!isfinite(v))
			continue;
		abz_num_shortest(v, b);
		if (strtod(b, NULL) != v)
			bad++;
		snprintf(text, sizeof(text), "usage(price=%s, units=1)", b);
		if (!parse(ABZ_KIND_REVENUE, text) || slot_a(0, USE_PRICE) != v ||
			strcmp(canon(), text) != 0)
			bad++;
	}
	CHECK(bad == 0);
}

ABZ_SUITE(spec_revenue)
{
	/* every key of every term, given out of order and in mixed case */
	check_canon(ABZ_KIND_REVENUE,
				"SUBSCRIPTION(cost_decline=10%, Cost=2, EXPANSION=1%, attach=0.5, seats=3, price=49)",
				"subscription(price=49, seats=3, attach=0.5, expansion=0.01, cost=2, cost_decline=0.1)");
	CHECK(slot_a(0, SUB_SEATS) == 3 && slot_a(0, SUB_COST_DECLINE) == 0.1);
	check_canon(ABZ_KIND_REVENUE,
				"usage(cost_decline=0.3, cost=0.0004, price_decline=0.2, growth=0.05, attach=0.8, units=10k, price=0.002)",
				"usage(price=0.002, units=10000, attach=0.8, growth=0.05, price_decline=0.2, cost=0.0004, cost_decline=0.3)");
	check_canon(ABZ_KIND_REVENUE,
				"advertising(cost=0.1, growth=2%, fill=0.6, users=20, cpm=4.5, impressions=300)",
				"advertising(impressions=300, cpm=4.5, users=20, fill=0.6, growth=0.02, cost=0.1)");
	check_canon(ABZ_KIND_REVENUE,
				"licensing(cost=10k, term=24, base=1M, royalty=2%, fee=250k, deals=3)",
				"licensing(deals=3, fee=250000, royalty=0.02, base=1000000, term=24, cost=10000)");
	/* defaults are filled and omitted on output */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=10, seats=1, attach=1, expansion=0)",
				"subscription(price=10)");
	CHECK(slot_a(0, SUB_SEATS) == 1 && slot_a(0, SUB_ATTACH) == 1);
	check_canon(ABZ_KIND_REVENUE, "licensing(deals=1)", "licensing(deals=1)");
	CHECK(slot_a(0, LIC_TERM) == 12);
	/* terms sort by code, repeats keep their order (stable), whitespace is free */
	check_canon(ABZ_KIND_REVENUE,
				" licensing( deals = 1 )\n+\tusage(price=2,units=1)+usage(price=1,units=1) + subscription(price=5) ",
				"subscription(price=5) + usage(price=2, units=1) + usage(price=1, units=1) + licensing(deals=1)");
	CHECK(buf1.s.nterms == 4 && buf1.s.terms[1].term == ABZ_REV_USAGE);
	/* unused slots and padding are zero */
	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=5)"));
	for (int k = SUB_COST_DECLINE + 1; k < ABZ_MAX_KEYS; k++)
		CHECK(buf1.s.terms[0].key[k].dist == 0 && buf1.s.terms[0].key[k].a == 0);
	CHECK(buf1.s.version == ABZ_SPEC_VERSION && buf1.s.kind == ABZ_KIND_REVENUE);
}

ABZ_SUITE(spec_distributions)
{
	check_canon(ABZ_KIND_REVENUE, "usage(price=uniform(1,2), units=PERT(1k, 5k, 20k))",
				"usage(price=uniform(1, 2), units=pert(1000, 5000, 20000))");
	CHECK(buf1.s.terms[0].key[USE_UNITS].dist == ABZ_PERT);
	CHECK(buf1.s.terms[0].key[USE_UNITS].c == 20000);
	/* pert mean (1000 + 4*5000 + 20000) / 6 = 6833.33... */
	CHECK_NEAR(abz_param_mean(&buf1.s.terms[0].key[USE_UNITS]), 41000.0 / 6.0, 1e-15);
	CHECK_NEAR(abz_param_mean(&buf1.s.terms[0].key[USE_PRICE]), 1.5, 1e-15);
	check_canon(ABZ_KIND_REVENUE,
				"usage(price=triangular(0.001, 0.002, 0.004), units=normal(100, 20), cost=lognormal(0.001, 0.0005))",
				"usage(price=triangular(0.001, 0.002, 0.004), units=normal(100, 20), cost=lognormal(0.001, 0.0005))");
	CHECK(buf1.s.terms[0].key[USE_COST].dist == ABZ_LOGNORMAL);
	CHECK(buf1.s.terms[0].key[USE_COST].c == 0);
	/* suffixes inside distributions; degenerate ranges are allowed */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=pert(1k, 1k, 1k), attach=uniform(10%, 30%))",
				"subscription(price=pert(1000, 1000, 1000), attach=uniform(0.1, 0.3))");
	/* a normal may sit at a domain edge, its samples are clamped later */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=1, attach=normal(1, 0.2))",
				"subscription(price=1, attach=normal(1, 0.2))");
	/* a distribution that equals the default constant is still printed */
	check_canon(ABZ_KIND_REVENUE, "subscription(price=1, seats=uniform(1, 1))",
				"subscription(price=1, seats=uniform(1, 1))");
}

ABZ_SUITE(spec_risk)
{
	check_canon(ABZ_KIND_RISK, "", "");
	CHECK(buf1.s.nterms == 0);
	check_canon(ABZ_KIND_RISK, "  \n ", "");
	check_canon(ABZ_KIND_RISK,
				"team(freq=0.2) + technology(share=0.1, cost=1k, price=5%, churn=0.02, loss=50k, freq=1)",
				"technology(freq=1, loss=50000, churn=0.02, price=0.05, cost=1000, share=0.1) + team(freq=0.2)");
	/* every category */
	check_canon(ABZ_KIND_RISK,
				"data(freq=1)+market(freq=1)+privacy(freq=1)+ethics(freq=1)+regulation(freq=1)+competition(freq=1)+technology(freq=1)+team(freq=1)",
				"technology(freq=1) + competition(freq=1) + regulation(freq=1) + ethics(freq=1) + privacy(freq=1) + market(freq=1) + data(freq=1) + team(freq=1)");
	/* strategies: accept (omitted), mitigate, transfer, avoid */
	check_canon(ABZ_KIND_RISK, "technology(freq=1, strategy=accept)", "technology(freq=1)");
	check_canon(ABZ_KIND_RISK, "technology(freq=1, strategy=ACCEPT())", "technology(freq=1)");
	check_canon(ABZ_KIND_RISK, "regulation(strategy=mitigate(effect=50%, cost=5k), freq=0.5)",
				"regulation(freq=0.5, strategy=mitigate(cost=5000, effect=0.5))");
	CHECK(buf1.s.terms[0].sub == ABZ_STRAT_MITIGATE);
	CHECK(slot_a(0, RK_S1) == 5000 && slot_a(0, RK_S2) == 0.5);
	check_canon(ABZ_KIND_RISK, "privacy(freq=0.1, loss=2M, strategy=transfer(premium=uniform(1k,2k), cover=0.8))",
				"privacy(freq=0.1, loss=2000000, strategy=transfer(premium=uniform(1000, 2000), cover=0.8))");
	CHECK(buf1.s.terms[0].sub == ABZ_STRAT_TRANSFER);
	check_canon(ABZ_KIND_RISK, "ethics(freq=1, strategy=avoid)", "ethics(freq=1, strategy=avoid())");
	CHECK(buf1.s.terms[0].sub == ABZ_STRAT_AVOID && slot_a(0, RK_S1) == 0);
	check_canon(ABZ_KIND_RISK, "ethics(freq=1, strategy=avoid(forgo=5%))",
				"ethics(freq=1, strategy=avoid(forgo=0.05))");
	/* repeated categories keep input order */
	check_canon(ABZ_KIND_RISK, "market(freq=2) + market(freq=1)", "market(freq=2) + market(freq=1)");
	/* accept leaves the strategy slots zero */
	CHECK(parse(ABZ_KIND_RISK, "data(freq=1)"));
	CHECK(buf1.s.terms[0].key[RK_S1].a == 0 && buf1.s.terms[0].key[RK_S2].a == 0);
	/* scope: company (the default) prints nothing and leaves its slot zero */
	check_canon(ABZ_KIND_RISK, "competition(freq=1, scope=company)", "competition(freq=1)");
	CHECK(all_zero_param(&buf1.s.terms[0].key[RK_SCOPE]));
	/* market prints after the keys, before the strategy; its slot is the constant 1 */
	check_canon(ABZ_KIND_RISK, "competition(scope=MARKET, strategy=mitigate(cost=1, effect=0.5), freq=1)",
				"competition(freq=1, scope=market, strategy=mitigate(cost=1, effect=0.5))");
	CHECK(slot_a(0, RK_SCOPE) == 1.0 && buf1.s.terms[0].key[RK_SCOPE].dist == ABZ_CONST);
	check_canon(ABZ_KIND_RISK, "market(freq=2, scope=market) + market(freq=1)",
				"market(freq=2, scope=market) + market(freq=1)");
	check_msg(ABZ_KIND_RISK, "competition(freq=1, scope=global)", ABZ_ERR_DOMAIN, "competition",
			  "scope", "unknown scope");
	check_msg(ABZ_KIND_RISK, "competition(freq=1, scope=1)", ABZ_ERR_DOMAIN, "competition",
			  "scope", "company or market");
	check_msg(ABZ_KIND_RISK, "competition(freq=1, scope=market, scope=company)", ABZ_ERR_DOMAIN,
			  "competition", "scope", "given twice");
	/* binary input: the scope slot holds the whole number 0 or 1 only */
	CHECK(parse(ABZ_KIND_RISK, "data(freq=1)"));
	buf1.s.terms[0].key[RK_SCOPE].a = 2.0;
	CHECK(!abz_validate(&buf1.s, ABZ_SPEC_SIZE(1), &last_err));
	buf1.s.terms[0].key[RK_SCOPE].a = 0.5;
	CHECK(!abz_validate(&buf1.s, ABZ_SPEC_SIZE(1), &last_err));
}

ABZ_SUITE(spec_plan)
{
	check_canon(ABZ_KIND_PLAN, PLAN_BASE,
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02)");
	CHECK(slot_a(2, PROD_LAUNCH) == 1);
	check_canon(ABZ_KIND_PLAN,
				"valuation(multiple=8, discount=30%) + round(p=0.5, amount=5M, month=18) + training(decline=0.2, every=6, cost=100k)"
				" + entry(mode=direct) + marketing(organic=1%, growth=0.1, cac=300, budget=50k)"
				" + product(churn=2%, launch=4) + team(growth=5%, cost=10k, headcount=5) + cash(amount=1M)",
				"cash(amount=1000000) + team(headcount=5, cost=10000, growth=0.05) + product(launch=4, churn=0.02)"
				" + marketing(budget=50000, cac=300, growth=0.1, organic=0.01) + entry()"
				" + training(cost=100000, every=6, decline=0.2) + round(month=18, amount=5000000, p=0.5)"
				" + valuation(discount=0.3, multiple=8)");
	CHECK(buf1.s.nterms == 8);
	/* valuation default discount 0.25 is filled */
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + valuation()",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + valuation()");
	CHECK(slot_a(3, VAL_DISCOUNT) == 0.25);
	/* entry modes: channel fills reach 1, jv admits stake */
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + entry(cut=20%, mode=Channel)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + entry(mode=channel, cut=0.2)");
	CHECK(buf1.s.terms[3].sub == ABZ_ENTRY_CHANNEL && slot_a(3, ENTRY_REACH) == 1);
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=channel, reach=1.5)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + entry(mode=channel, reach=1.5)");
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=channel)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + entry(mode=channel)");
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=jv, stake=0.4)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + entry(mode=jv, stake=0.4)");
	CHECK(buf1.s.terms[3].key[ENTRY_CUT].a == 0 && buf1.s.terms[3].key[ENTRY_REACH].a == 0);
	/* direct leaves every entry slot zero */
	CHECK(parse(ABZ_KIND_PLAN, PLAN_BASE " + entry()"));
	CHECK(slot_a(3, ENTRY_REACH) == 0);
	/* rounds sort by month, equal months keep input order */
	check_canon(ABZ_KIND_PLAN,
				PLAN_BASE " + round(month=24, amount=3) + round(month=6, amount=1) + round(month=24, amount=2)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02)"
				" + round(month=6, amount=1) + round(month=24, amount=3) + round(month=24, amount=2)");
	/* budget 0 needs no cac; a distribution for cac with a positive minimum is fine */
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + marketing(organic=0.02)",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02) + marketing(organic=0.02)");
	check_canon(ABZ_KIND_PLAN, PLAN_BASE " + marketing(budget=uniform(0, 10k), cac=pert(100, 200, 400))",
				"cash(amount=1000000) + team(headcount=5, cost=10000) + product(churn=0.02)"
				" + marketing(budget=uniform(0, 10000), cac=pert(100, 200, 400))");
	/* whole-number keys at their bounds */
	CHECK(parse(ABZ_KIND_PLAN, PLAN_BASE " + training(cost=1, every=600) + round(month=1, amount=0)"));
	/* discount is strictly above -1 */
	CHECK(parse(ABZ_KIND_PLAN, PLAN_BASE " + valuation(discount=-0.5)"));
}

ABZ_SUITE(spec_syntax_errors)
{
	check_err(ABZ_KIND_REVENUE, "", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_PLAN, "   ", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1", ABZ_ERR_SYNTAX, "", "");
	CHECK_STR(last_err.detail, "at end of input");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1))", ABZ_ERR_SYNTAX, "", "");
	CHECK(strstr(last_err.detail, "at character 22") != NULL);
	check_err(ABZ_KIND_REVENUE, "subscription(price=1) x", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1) +", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price 1)", ABZ_ERR_SYNTAX, "", "");
	check_msg(ABZ_KIND_REVENUE, "subscription(price)", ABZ_ERR_SYNTAX, "", "", "expected \"=\"");
	check_err(ABZ_KIND_REVENUE, "subscription(price=)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1,)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription price=1", ABZ_ERR_SYNTAX, "", "");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=1x)", ABZ_ERR_SYNTAX, "", "", "invalid number");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1.2.3)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1e)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1kk)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1%%)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=--1)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=.)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=-abc)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=pert(1,2,3)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "(price=1)", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1);", ABZ_ERR_SYNTAX, "", "");
	/* an embedded NUL is garbage, not an end */
	CHECK(!abz_parse(ABZ_KIND_REVENUE, "subscription(price=1)\0x", 23, &buf1.s, &last_err));
	CHECK(last_err.code == ABZ_ERR_SYNTAX);
	/* syntax is checked before words: an unknown key inside unbalanced text */
	check_err(ABZ_KIND_REVENUE, "subscription(foo=1", ABZ_ERR_SYNTAX, "", "");
}

ABZ_SUITE(spec_domain_errors)
{
	check_msg(ABZ_KIND_REVENUE, "subscriptions(price=1)", ABZ_ERR_DOMAIN, "subscriptions", "",
			  "unknown term \"subscriptions\"");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=1, foo=2)", ABZ_ERR_DOMAIN, "subscription", "foo",
			  "unknown key \"foo\"");
	check_msg(ABZ_KIND_REVENUE, "subscription(seats=2)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "required key \"price\" is missing");
	check_err(ABZ_KIND_REVENUE, "usage(price=1)", ABZ_ERR_DOMAIN, "usage", "units");
	check_err(ABZ_KIND_REVENUE, "advertising(impressions=1)", ABZ_ERR_DOMAIN, "advertising", "cpm");
	check_err(ABZ_KIND_REVENUE, "licensing(fee=1)", ABZ_ERR_DOMAIN, "licensing", "deals");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=1, PRICE=2)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "given twice");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=-1)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "value -1 is outside [0, inf)");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=1, attach=1.5)", ABZ_ERR_DOMAIN, "subscription", "attach",
			  "value 1.5 is outside [0, 1]");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1, expansion=-1.5)", ABZ_ERR_DOMAIN, "subscription", "expansion");
	check_err(ABZ_KIND_REVENUE, "usage(price=1, units=1, price_decline=2)", ABZ_ERR_DOMAIN, "usage", "price_decline");
	check_err(ABZ_KIND_REVENUE, "advertising(impressions=1, cpm=1, fill=101%)", ABZ_ERR_DOMAIN, "advertising", "fill");
	check_err(ABZ_KIND_REVENUE, "licensing(deals=1, royalty=-0.1)", ABZ_ERR_DOMAIN, "licensing", "royalty");
	/* whole-number keys */
	check_msg(ABZ_KIND_REVENUE, "licensing(deals=1, term=12.5)", ABZ_ERR_DOMAIN, "licensing", "term",
			  "not a whole number");
	check_msg(ABZ_KIND_REVENUE, "licensing(deals=1, term=uniform(6, 12))", ABZ_ERR_DOMAIN, "licensing", "term",
			  "not a distribution");
	check_err(ABZ_KIND_REVENUE, "licensing(deals=1, term=0)", ABZ_ERR_DOMAIN, "licensing", "term");
	check_err(ABZ_KIND_REVENUE, "licensing(deals=1, term=601)", ABZ_ERR_DOMAIN, "licensing", "term");
	/* distributions */
	check_msg(ABZ_KIND_REVENUE, "subscription(price=pert(3, 2, 4))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "minimum exceeds its mode");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=triangular(1, 5, 4))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "mode exceeds its maximum");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(2, 1))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=uniform(-1, 1))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "-1 is outside");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1, attach=pert(0.5, 0.9, 1.1))", ABZ_ERR_DOMAIN, "subscription", "attach");
	check_err(ABZ_KIND_REVENUE, "subscription(price=normal(1, -1))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=normal(-1, 1))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=lognormal(0, 1))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "lognormal mean must be greater than 0");
	check_err(ABZ_KIND_REVENUE, "subscription(price=lognormal(1, -1))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1, attach=lognormal(2, 1))", ABZ_ERR_DOMAIN, "subscription", "attach");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=gamma(1, 2))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "unknown distribution \"gamma\"");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=pert(1, 2))", ABZ_ERR_DOMAIN, "subscription", "price",
			  "pert takes 3 arguments, got 2");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(1, 2, 3, 4, 5))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform())", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(a=1, b=2))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=pert)", ABZ_ERR_DOMAIN, "subscription", "price");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=cheap)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "expected a number or a distribution");
	/* a positional argument that is a call lacks its "=": syntax */
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(1, pert(1,2,3)))", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(1, x))", ABZ_ERR_SYNTAX, "", "");
	check_err(ABZ_KIND_REVENUE, "subscription(1)", ABZ_ERR_DOMAIN, "subscription", "");
	check_err(ABZ_KIND_REVENUE, "subscription(inf)", ABZ_ERR_DOMAIN, "subscription", "");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1, nan = 2)", ABZ_ERR_DOMAIN, "subscription", "nan");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(inf=1))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_RISK, "data(freq=1, strategy=avoid(nan))", ABZ_ERR_DOMAIN, "data", "strategy");
	/* NaN, infinity, overflow */
	check_msg(ABZ_KIND_REVENUE, "subscription(price=NaN)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "nan and infinity");
	check_err(ABZ_KIND_REVENUE, "subscription(price=inf)", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=-Infinity)", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=+inf)", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=uniform(1, inf))", ABZ_ERR_DOMAIN, "subscription", "price");
	check_msg(ABZ_KIND_REVENUE, "subscription(price=1e999)", ABZ_ERR_DOMAIN, "subscription", "price",
			  "out of range");
	check_err(ABZ_KIND_REVENUE, "subscription(price=1e308k)", ABZ_ERR_DOMAIN, "subscription", "price");
	check_err(ABZ_KIND_REVENUE, "subscription(price=pert(1, 2, 1e400))", ABZ_ERR_DOMAIN, "subscription", "price");
	/* risk */
	check_err(ABZ_KIND_RISK, "weather(freq=1)", ABZ_ERR_DOMAIN, "weather", "");
	check_err(ABZ_KIND_RISK, "technology(loss=1)", ABZ_ERR_DOMAIN, "technology", "freq");
	check_err(ABZ_KIND_RISK, "technology(freq=1, churn=2)", ABZ_ERR_DOMAIN, "technology", "churn");
	check_err(ABZ_KIND_RISK, "technology(freq=-1)", ABZ_ERR_DOMAIN, "technology", "freq");
	check_msg(ABZ_KIND_RISK, "technology(freq=1, strategy=ignore)", ABZ_ERR_DOMAIN, "technology", "strategy",
			  "unknown strategy \"ignore\"");
	check_msg(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate(cost=1))", ABZ_ERR_DOMAIN, "technology",
			  "strategy.effect", "mitigate(): required key \"effect\" is missing");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate)", ABZ_ERR_DOMAIN, "technology", "strategy.cost");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate(cost=1, effect=1, cover=1))",
			  ABZ_ERR_DOMAIN, "technology", "strategy");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate(cost=1, effect=1, cost=2))",
			  ABZ_ERR_DOMAIN, "technology", "strategy.cost");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate(cost=1, effect=1.5))",
			  ABZ_ERR_DOMAIN, "technology", "strategy.effect");
	/* the risk's own cost and the strategy's cost are told apart */
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=mitigate(cost=-1, effect=1))",
			  ABZ_ERR_DOMAIN, "technology", "strategy.cost");
	check_err(ABZ_KIND_RISK, "technology(freq=1, cost=-1, strategy=mitigate(cost=1, effect=1))",
			  ABZ_ERR_DOMAIN, "technology", "cost");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=transfer(premium=-1, cover=1))",
			  ABZ_ERR_DOMAIN, "technology", "strategy.premium");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=avoid(forgo=2))", ABZ_ERR_DOMAIN, "technology", "strategy.forgo");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=accept(), strategy=avoid())",
			  ABZ_ERR_DOMAIN, "technology", "strategy");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=5)", ABZ_ERR_DOMAIN, "technology", "strategy");
	check_err(ABZ_KIND_RISK, "technology(freq=1, strategy=accept(1))", ABZ_ERR_DOMAIN, "technology", "strategy");
	/* strategy is not a key of the other kinds */
	check_err(ABZ_KIND_REVENUE, "subscription(price=1, strategy=accept)", ABZ_ERR_DOMAIN, "subscription", "strategy");
	/* plan */
	check_msg(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1)", ABZ_ERR_DOMAIN, "product", "",
			  "required term \"product\" is missing");
	check_err(ABZ_KIND_PLAN, "team(headcount=1, cost=1) + product(churn=0)", ABZ_ERR_DOMAIN, "cash", "");
	check_msg(ABZ_KIND_PLAN, PLAN_BASE " + cash(amount=2)", ABZ_ERR_DOMAIN, "cash", "", "only once");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + valuation() + valuation()", ABZ_ERR_DOMAIN, "valuation", "");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry() + entry()", ABZ_ERR_DOMAIN, "entry", "");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + marketing() + marketing()", ABZ_ERR_DOMAIN, "marketing", "");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + training(cost=1, every=1) + training(cost=1, every=1)",
			  ABZ_ERR_DOMAIN, "training", "");
	check_err(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1) + product(churn=0)", ABZ_ERR_DOMAIN, "team", "cost");
	check_err(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(launch=2)", ABZ_ERR_DOMAIN, "product", "churn");
	check_err(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=1.01)", ABZ_ERR_DOMAIN, "product", "churn");
	check_err(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0, launch=0)", ABZ_ERR_DOMAIN, "product", "launch");
	check_err(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0, launch=2.5)", ABZ_ERR_DOMAIN, "product", "launch");
	check_err(ABZ_KIND_PLAN, "cash(amount=-1) + team(headcount=1, cost=1) + product(churn=0)", ABZ_ERR_DOMAIN, "cash", "amount");
	check_msg(ABZ_KIND_PLAN, PLAN_BASE " + marketing(budget=1k)", ABZ_ERR_DOMAIN, "marketing", "cac",
			  "cac must be greater than 0");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + marketing(budget=1k, cac=0)", ABZ_ERR_DOMAIN, "marketing", "cac");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + marketing(budget=uniform(0, 1), cac=uniform(0, 10))",
			  ABZ_ERR_DOMAIN, "marketing", "cac");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + marketing(organic=2)", ABZ_ERR_DOMAIN, "marketing", "organic");
	check_msg(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=jv, cut=0.2)", ABZ_ERR_DOMAIN, "entry", "cut",
			  "not allowed with mode=jv");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(stake=0.2)", ABZ_ERR_DOMAIN, "entry", "stake");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(stake=0.2, mode=channel)", ABZ_ERR_DOMAIN, "entry", "stake");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=franchise)", ABZ_ERR_DOMAIN, "entry", "mode");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=jv, mode=jv)", ABZ_ERR_DOMAIN, "entry", "mode");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=jv())", ABZ_ERR_DOMAIN, "entry", "mode");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=channel, cut=1.2)", ABZ_ERR_DOMAIN, "entry", "cut");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + training(cost=1)", ABZ_ERR_DOMAIN, "training", "every");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + training(cost=1, every=pert(1, 2, 3))", ABZ_ERR_DOMAIN, "training", "every");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + round(amount=1)", ABZ_ERR_DOMAIN, "round", "month");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + round(month=6, amount=1, p=1.5)", ABZ_ERR_DOMAIN, "round", "p");
	check_msg(ABZ_KIND_PLAN, PLAN_BASE " + valuation(discount=-1)", ABZ_ERR_DOMAIN, "valuation", "discount",
			  "value -1 is outside (-1, inf)");
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + valuation(multiple=-1)", ABZ_ERR_DOMAIN, "valuation", "multiple");
	/* mode is a key of entry only */
	check_err(ABZ_KIND_PLAN, PLAN_BASE " + valuation(mode=jv)", ABZ_ERR_DOMAIN, "valuation", "mode");
}

ABZ_SUITE(spec_limits)
{
	static char big[ABZ_MAX_INPUT + 64];
	size_t		n = 0;

	/* longer than ABZ_MAX_INPUT bytes, even if it is whitespace */
	memset(big, ' ', ABZ_MAX_INPUT + 1);
	CHECK(!abz_parse(ABZ_KIND_RISK, big, ABZ_MAX_INPUT + 1, &buf1.s, &last_err));
	CHECK(last_err.code == ABZ_ERR_LIMIT);
	/* exactly ABZ_MAX_INPUT bytes of whitespace is an empty profile */
	CHECK(abz_parse(ABZ_KIND_RISK, big, ABZ_MAX_INPUT, &buf1.s, &last_err));
	/* 64 terms are fine, 65 are a limit */
	for (int i = 0; i < ABZ_MAX_TERMS; i++)
		n += (size_t) sprintf(big + n, "%sdata(freq=%d)", i ? "+" : "", i);
	CHECK(abz_parse(ABZ_KIND_RISK, big, n, &buf1.s, &last_err));
	CHECK(buf1.s.nterms == ABZ_MAX_TERMS && slot_a(63, RK_FREQ) == 63);
	n += (size_t) sprintf(big + n, "+data(freq=1)");
	CHECK(!abz_parse(ABZ_KIND_RISK, big, n, &buf1.s, &last_err));
	CHECK(last_err.code == ABZ_ERR_LIMIT);
	/* nesting */
	check_err(ABZ_KIND_RISK, "a(b=c(d=e(f=g(h=i(j=k(l=m(n=o(p=q()))))))))", ABZ_ERR_LIMIT, "", "");
	/* a number literal of 500 digits */
	n = (size_t) sprintf(big, "subscription(price=");
	memset(big + n, '1', 500);
	n += 500;
	n += (size_t) sprintf(big + n, ")");
	CHECK(!abz_parse(ABZ_KIND_REVENUE, big, n, &buf1.s, &last_err));
	CHECK(last_err.code == ABZ_ERR_LIMIT);
}

/* copy buf1 to buf2, apply a corruption, and expect validate to fail with code */
static void
corrupt(size_t off, uint8_t byte, AbzErrCode code)
{
	size_t		size = ABZ_SPEC_SIZE(buf1.s.nterms);

	memcpy(&buf2, &buf1, size);
	((uint8_t *) &buf2.s)[off] = byte;
	CHECK(!abz_validate(&buf2.s, size, &last_err));
	if (last_err.code != code)
		fprintf(stderr, "    offset %zu: code %d (%s)\n", off, last_err.code, last_err.msg);
	CHECK(last_err.code == code);
}

ABZ_SUITE(spec_validate)
{
	size_t		size,
				t0 = offsetof(AbzSpec, terms);
	AbzTerm    *t;

	CHECK(parse(ABZ_KIND_PLAN, PLAN_BASE " + entry(mode=channel) + round(month=3, amount=1) + round(month=9, amount=2)"));
	size = ABZ_SPEC_SIZE(buf1.s.nterms);
	CHECK(abz_validate(&buf1.s, size, &last_err));
	/* size must match nterms */
	CHECK(!abz_validate(&buf1.s, size - 1, &last_err));
	CHECK(last_err.code == ABZ_ERR_BINARY);
	CHECK(!abz_validate(&buf1.s, 4, &last_err));
	corrupt(0, 2, ABZ_ERR_BINARY);	/* version */
	corrupt(1, 9, ABZ_ERR_BINARY);	/* kind */
	corrupt(5, 1, ABZ_ERR_BINARY);	/* header padding */
	corrupt(t0 + 0, 40, ABZ_ERR_BINARY);	/* term code */
	corrupt(t0 + 1, 1, ABZ_ERR_BINARY);	/* sub of cash */
	corrupt(t0 + 3, 1, ABZ_ERR_BINARY);	/* term padding */
	corrupt(t0 + 8, 7, ABZ_ERR_BINARY);	/* dist code of cash.amount */
	corrupt(t0 + 9, 1, ABZ_ERR_BINARY);	/* param padding */
	corrupt(t0 + 8 + 32 + 16, 1, ABZ_ERR_BINARY);	/* unused slot 1 of cash */
	corrupt(t0 + 8 + 16, 0x40, ABZ_ERR_BINARY);	/* unused b of a constant */
	corrupt(t0 + 3 * sizeof(AbzTerm) + 1, 7, ABZ_ERR_BINARY);	/* entry mode code */
	/* a term code that is valid but changes team into cash: team's cost slot is unused in cash */
	corrupt(t0 + sizeof(AbzTerm), ABZ_PLAN_CASH, ABZ_ERR_BINARY);
	/* nterms beyond the limit */
	memcpy(&buf2, &buf1, size);
	buf2.s.nterms = ABZ_MAX_TERMS + 1;
	CHECK(!abz_validate(&buf2.s, ABZ_SPEC_SIZE(ABZ_MAX_TERMS + 1), &last_err));
	CHECK(last_err.code == ABZ_ERR_LIMIT);
	/* NaN, infinity and negative zero in a stored value */
	memcpy(&buf2, &buf1, size);
	buf2.s.terms[0].key[CASH_AMOUNT].a = NAN;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_DOMAIN);
	CHECK_STR(last_err.term, "cash");
	CHECK_STR(last_err.key, "amount");
	buf2.s.terms[0].key[CASH_AMOUNT].a = -INFINITY;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_DOMAIN);
	buf2.s.terms[0].key[CASH_AMOUNT].a = -0.0;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_BINARY);
	/* a distribution's unused third argument must be zero */
	memcpy(&buf2, &buf1, size);
	t = &buf2.s.terms[0];
	t->key[CASH_AMOUNT].dist = ABZ_UNIFORM;
	t->key[CASH_AMOUNT].a = 1;
	t->key[CASH_AMOUNT].b = 2;
	CHECK(abz_validate(&buf2.s, size, &last_err));
	t->key[CASH_AMOUNT].c = 3;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_BINARY);
	/* an entry slot the mode does not admit must be zero (stake with channel) */
	memcpy(&buf2, &buf1, size);
	buf2.s.terms[3].key[ENTRY_STAKE].a = 0.5;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_BINARY);
	/* rounds out of month order, then terms out of code order */
	memcpy(&buf2, &buf1, size);
	buf2.s.terms[4].key[ROUND_MONTH].a = 12;
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_BINARY);
	memcpy(&buf2, &buf1, size);
	memcpy(&buf2.s.terms[0], &buf1.s.terms[1], sizeof(AbzTerm));
	memcpy(&buf2.s.terms[1], &buf1.s.terms[0], sizeof(AbzTerm));
	CHECK(!abz_validate(&buf2.s, size, &last_err) && last_err.code == ABZ_ERR_BINARY);
	/* an empty revenue model is invalid, an empty risk profile valid */
	memset(&buf2, 0, sizeof(buf2));
	buf2.s.version = ABZ_SPEC_VERSION;
	buf2.s.kind = ABZ_KIND_REVENUE;
	CHECK(!abz_validate(&buf2.s, ABZ_SPEC_SIZE(0), &last_err) && last_err.code == ABZ_ERR_DOMAIN);
	buf2.s.kind = ABZ_KIND_RISK;
	CHECK(abz_validate(&buf2.s, ABZ_SPEC_SIZE(0), &last_err));
	/* valuation(discount=0.25) relabelled as a second cash: a layout-valid repeat */
	CHECK(parse(ABZ_KIND_PLAN, PLAN_BASE " + valuation()"));
	corrupt(t0 + 3 * sizeof(AbzTerm), ABZ_PLAN_CASH, ABZ_ERR_DOMAIN);
	CHECK_STR(last_err.term, "cash");
	/* a strategy code beyond avoid */
	CHECK(parse(ABZ_KIND_RISK, "data(freq=1)"));
	corrupt(t0 + 1, ABZ_STRAT_N, ABZ_ERR_BINARY);
}

/* a number formatter with two decimals, to see that abz_format uses it */
static int
fmt_fixed2(double v, char *b)
{
	return snprintf(b, 32, "%.2f", v);
}

ABZ_SUITE(spec_format)
{
	char		small[8];
	size_t		need;

	CHECK(parse(ABZ_KIND_REVENUE, "subscription(price=49)"));
	/* snprintf contract: the full length, truncated and NUL-terminated */
	need = abz_format(&buf1.s, small, sizeof(small), NULL);
	CHECK(need == strlen("subscription(price=49)"));
	CHECK_STR(small, "subscri");
	CHECK(abz_format(&buf1.s, NULL, 0, NULL) == need);
	/* a custom number formatter is used for every number */
	{
		char		out[128];

		CHECK(parse(ABZ_KIND_REVENUE, "usage(price=1.5, units=pert(1, 2, 3))"));
		CHECK(abz_format(&buf1.s, out, sizeof(out), fmt_fixed2) == strlen(out));
		CHECK_STR(out, "usage(price=1.50, units=pert(1.00, 2.00, 3.00))");
	}
	/* the snippet in a syntax error's detail is printable ASCII */
	CHECK(!parse(ABZ_KIND_REVENUE, "subscription(price=1) \xc3\xa9t\xc3\xa9"));
	CHECK_STR(last_err.detail, "at character 23: \"??t??\"");
}

/* an error message cut inside a multi-byte character stays valid UTF-8 */
ABZ_SUITE(error_utf8)
{
	AbzError	err;
	/* "é" is 0xC3 0xA9: a precision of 3 bytes keeps "ab" and half of it */
	abz_error(&err, ABZ_ERR_DOMAIN, NULL, NULL, "x%.3sy", "ab\xc3\xa9");
	CHECK(strcmp(err.msg, "xab?y") == 0);
	/* whole characters stay as they are */
	abz_error(&err, ABZ_ERR_DOMAIN, NULL, NULL, "%s", "caf\xc3\xa9 \xe2\x82\xac");
	CHECK(strcmp(err.msg, "caf\xc3\xa9 \xe2\x82\xac") == 0);
	/* a stray continuation byte and a lone lead byte at the end */
	abz_error(&err, ABZ_ERR_DOMAIN, NULL, NULL, "%s", "a\x80" "b\xe2\x82");
	CHECK(strcmp(err.msg, "a?b??") == 0);
}
