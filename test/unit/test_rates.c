/*
 * test_rates.c — unit tests of rates written without %: the warning of a
 * rate key whose domain admits values above 1 (growth, expansion,
 * discount), the hint of a share key given a percentage number, and the
 * printer's percent form that reads back without a warning.
 */
#include <stdint.h>
#include <stdlib.h>

#include "override.h"
#include "spec.h"
#include "unit.h"

static union
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
}			r1, r2;

static AbzError rerr;

#define PLAN_MIN "cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%)"

/* parse text as kind into r1; true on success */
static int
rparse(AbzKind kind, const char *text)
{
	return abz_parse(kind, text, strlen(text), &r1.s, &rerr);
}

/* the canonical text of r1 (static storage) */
static const char *
rcanon(void)
{
	static char out[4096];

	abz_format(&r1.s, out, sizeof(out), NULL);
	return out;
}

/* text parses with no warning, prints as expect, which reads back to the same bytes without a warning */
static void
check_print(AbzKind kind, const char *text, const char *expect)
{
	const char *c;

	CHECK(rparse(kind, text));
	c = rcanon();
	CHECK_STR(c, expect);
	CHECK(abz_parse(kind, c, strlen(c), &r2.s, &rerr));
	CHECK(rerr.nwarn == 0);
	CHECK(memcmp(&r1.s, &r2.s, ABZ_SPEC_SIZE(r1.s.nterms)) == 0);
}

ABZ_SUITE(rates_warn)
{
	/* discount=30 is accepted (domain (-1, inf)) with one warning: 30 = 3,000 % a year */
	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=30)"));
	CHECK(rerr.nwarn == 1);
	CHECK_STR(rerr.warn[0].term, "valuation");
	CHECK_STR(rerr.warn[0].key, "discount");
	CHECK_STR(rerr.warn[0].msg, "discount=30 means 3,000 % a year; write 30% for 30 percent");
	/* the same rate written with % or as a fraction: no warning */
	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=30%)") && rerr.nwarn == 0);
	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=0.3)") && rerr.nwarn == 0);
	/* exactly 1 (100 %) is not above 1: no warning */
	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=1)") && rerr.nwarn == 0);
	/* monthly growth of usage: 5 = 500 % a month; a distribution warns on its first plain argument above 1 */
	CHECK(rparse(ABZ_KIND_REVENUE, "usage(price=1, units=10, growth=5)"));
	CHECK(rerr.nwarn == 1);
	CHECK_STR(rerr.warn[0].msg, "growth=5 means 500 % a month; write 5% for 5 percent");
	CHECK(rparse(ABZ_KIND_REVENUE, "usage(price=1, units=10, growth=pert(1%, 2, 4))"));
	CHECK(rerr.nwarn == 1);
	CHECK_STR(rerr.warn[0].msg, "growth=2 means 200 % a month; write 2% for 2 percent");
	/* a non-rate key above 1 never warns; two rate keys warn twice */
	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + team(headcount=1, cost=1k)") == 0);
	CHECK(rparse(ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=3, cost=1k, growth=12)"
				 " + product(churn=2%) + marketing(growth=1.5)"));
	CHECK(rerr.nwarn == 2);
	CHECK_STR(rerr.warn[1].msg, "growth=1.5 means 150 % a year; write 1.5% for 1.5 percent");
	/* more than ABZ_MAX_WARN: all counted, the first ABZ_MAX_WARN kept */
	CHECK(rparse(ABZ_KIND_REVENUE, "usage(price=1, units=1, growth=2) + usage(price=1, units=1, growth=3)"
				 " + usage(price=1, units=1, growth=4) + usage(price=1, units=1, growth=5)"
				 " + usage(price=1, units=1, growth=6)"));
	CHECK(rerr.nwarn == 5);
	CHECK_STR(rerr.warn[3].msg, "growth=5 means 500 % a month; write 5% for 5 percent");
}

ABZ_SUITE(rates_share_hint)
{
	/* a share in [0, 1] given 30 stays an error, whose hint says how to write 30 percent */
	CHECK(!rparse(ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=30)"));
	CHECK(rerr.code == ABZ_ERR_DOMAIN);
	CHECK_STR(rerr.key, "churn");
	CHECK_STR(rerr.msg, "value 30 is outside [0, 1]");
	CHECK_STR(rerr.hint, "A share is a fraction of 1: for 30 percent write 30% or 0.3.");
	/* above 100 no such reading: no hint */
	CHECK(!rparse(ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=300)"));
	CHECK_STR(rerr.hint, "");
	/* a non-rate key out of its domain gets no hint */
	CHECK(!rparse(ABZ_KIND_PLAN, PLAN_MIN " + round(month=0, amount=1)"));
	CHECK_STR(rerr.hint, "");
}

ABZ_SUITE(rates_print)
{
	/* 30 prints as 3000% (30 * 100), 1.5 as 150%, 0.3 and 1 unchanged */
	check_print(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=3000%)",
				"cash(amount=1000000) + team(headcount=1, cost=1000) + product(churn=0.02)"
				" + valuation(discount=3000%)");
	check_print(ABZ_KIND_PLAN, PLAN_MIN " + valuation(discount=1)",
				"cash(amount=1000000) + team(headcount=1, cost=1000) + product(churn=0.02)"
				" + valuation(discount=1)");
	check_print(ABZ_KIND_REVENUE, "usage(price=2, units=3, growth=150%)",
				"usage(price=2, units=3, growth=150%)");
	/* fractions shift across the point: 1.2345 -> 123.45%, 1.005 -> 100.5% */
	check_print(ABZ_KIND_REVENUE, "subscription(price=2, expansion=123.45%)",
				"subscription(price=2, expansion=123.45%)");
	check_print(ABZ_KIND_REVENUE, "subscription(price=2, expansion=100.5%)",
				"subscription(price=2, expansion=100.5%)");
	/* a distribution: only its arguments above 1 take the % */
	check_print(ABZ_KIND_REVENUE, "usage(price=2, units=3, growth=pert(0.5, 200%, 300%))",
				"usage(price=2, units=3, growth=pert(0.5, 200%, 300%))");
	/* exponent form: 1e20 is written 1e+20 and prints as 1e+22% */
	check_print(ABZ_KIND_REVENUE, "usage(price=2, units=3, growth=1e22%)",
				"usage(price=2, units=3, growth=1e+22%)");
	/* 1 + 2^-52, the float8 after 1, is shortest 1.0000000000000002: 17 digits survive */
	CHECK(rparse(ABZ_KIND_REVENUE, "usage(price=2, units=3, growth=1.0000000000000002)"));
	CHECK_STR(rcanon(), "usage(price=2, units=3, growth=100.00000000000002%)");
	check_print(ABZ_KIND_REVENUE, "usage(price=2, units=3, growth=100.00000000000002%)",
				"usage(price=2, units=3, growth=100.00000000000002%)");
	CHECK(r1.s.terms[0].key[USE_GROWTH].a == 1.0 + 0x1p-52);
}

ABZ_SUITE(rates_override)
{
	AbzPath		p;
	const char *path = "valuation.discount";

	CHECK(rparse(ABZ_KIND_PLAN, PLAN_MIN " + valuation()"));
	memcpy(&r2, &r1, sizeof(r1));
	CHECK(abz_path_resolve(&r2.s, path, strlen(path), true, &p, &rerr));
	/* set() of a rate with a plain 40 keeps the warning of its parse */
	CHECK(abz_set_text(&r2.s, &p, "40", 2, &r1.s, &rerr));
	CHECK(rerr.nwarn == 1);
	CHECK_STR(rerr.warn[0].msg, "discount=40 means 4,000 % a year; write 40% for 40 percent");
	CHECK(abz_set_text(&r2.s, &p, "40%", 3, &r1.s, &rerr) && rerr.nwarn == 0);
}
