/*
 * test_suggest.c — errors about unknown names list the valid ones and
 * suggest the nearest; errors about misplaced characters say the fix.
 */
#include "unit.h"
#include "spec.h"

static union
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
}			out;

/* parse text as kind, expecting failure; the error in *err */
static int
fails(AbzKind kind, const char *text, AbzError *err)
{
	return !abz_parse(kind, text, strlen(text), &out.s, err);
}

ABZ_SUITE(suggest_terms_keys)
{
	AbzError	err;

	CHECK(fails(ABZ_KIND_REVENUE, "subscripton(price=1)", &err));
	CHECK_STR(err.hint, "Did you mean \"subscription\"?");
	CHECK_STR(err.detail, "Valid terms of revenue_model: subscription, usage, advertising, licensing.");
	/* a swap of two letters counts once */
	CHECK(fails(ABZ_KIND_REVENUE, "usage(pirce=1, units=1)", &err));
	CHECK_STR(err.hint, "Did you mean \"price\"?");
	CHECK_STR(err.detail, "Valid keys of usage: price, units, attach, growth, price_decline, cost, cost_decline.");
	/* case does not matter */
	CHECK(fails(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=1%) + MARKETTING(budget=1, cac=1)", &err));
	CHECK_STR(err.hint, "Did you mean \"marketing\"?");
	/* nothing near: the list, no guess */
	CHECK(fails(ABZ_KIND_REVENUE, "banana(price=1)", &err));
	CHECK_STR(err.hint, "");
	CHECK(strstr(err.detail, "Valid terms of revenue_model") == err.detail);
	/* risk keys include strategy; entry keys include mode */
	CHECK(fails(ABZ_KIND_RISK, "regulation(freq=1, stratgy=accept())", &err));
	CHECK_STR(err.hint, "Did you mean \"strategy\"?");
	CHECK(strstr(err.detail, "strategy.") != NULL);
	CHECK(fails(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=1%) + entry(mdoe=jv)", &err));
	CHECK_STR(err.hint, "Did you mean \"mode\"?");
}

ABZ_SUITE(suggest_values)
{
	AbzError	err;

	CHECK(fails(ABZ_KIND_REVENUE, "subscription(price=nromal(10, 2))", &err));
	CHECK_STR(err.hint, "Did you mean \"normal\"?");
	CHECK_STR(err.detail, "Valid distributions: uniform, triangular, pert, normal, lognormal.");
	CHECK(fails(ABZ_KIND_RISK, "regulation(freq=1, strategy=mitgate(cost=1, effect=50%))", &err));
	CHECK_STR(err.hint, "Did you mean \"mitigate\"?");
	CHECK(fails(ABZ_KIND_RISK, "regulation(freq=1, strategy=mitigate(cots=1, effect=50%))", &err));
	CHECK_STR(err.hint, "Did you mean \"cost\"?");
	CHECK(fails(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=1%) + entry(mode=chanel)", &err));
	CHECK_STR(err.hint, "Did you mean \"channel\"?");
	/* thousands separators and currency signs */
	CHECK(fails(ABZ_KIND_REVENUE, "subscription(price=1,000)", &err));
	CHECK(strstr(err.hint, "thousands separators") != NULL);
	CHECK(fails(ABZ_KIND_REVENUE, "subscription(price=49$)", &err));
	CHECK(err.code == ABZ_ERR_SYNTAX && strstr(err.hint, "currency") != NULL);
}

/* with no valid names (the keys of a strategy without arguments) the detail says so */
ABZ_SUITE(suggest_none)
{
	AbzError	err;

	abz_error(&err, ABZ_ERR_DOMAIN, NULL, NULL, "unknown key \"cost\"");
	abz_suggest(&err, "keys of accept", "cost", 4, NULL, 0);
	CHECK(strcmp(err.detail, "There are no keys of accept.") == 0);
	CHECK(err.hint[0] == '\0');
}
