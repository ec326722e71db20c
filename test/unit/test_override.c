/*
 * test_override.c — unit tests of override.c, generated over the schema
 * tables: for every key of every term (strategy arguments and entry-mode
 * keys included), setting it gives exactly the value the grammar reads from
 * the term written out with that key; absent terms are added when their
 * other keys have defaults and refused naming the missing key otherwise;
 * scaling by 1 is the identity; bad paths list the valid terms or keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "override.h"
#include "unit.h"

typedef union
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
} SpecBuf;

static SpecBuf base,
			got,
			want;

/* the required plan terms, present in every plan */
static const char *const plan_base = "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)";

/* a value inside the key's domain that is not its default, as text */
static const char *
probe_value(const AbzKeyDef *kd)
{
	if (kd->flags & ABZ_KEY_INT)
		return "7";
	if (kd->hi <= 1)
		return "0.37";
	return "3.5";
}

/* "k=v" for every required key of td other than skip (and cac for a budget) */
static void
required_args(const AbzTermDef *td, const AbzKeyDef *skip, char *out, size_t cap)
{
	out[0] = '\0';
	for (int i = 0; i < td->nkeys; i++)
	{
		const AbzKeyDef *kd = &td->keys[i];
		size_t		n = strlen(out);

		if (!(kd->flags & ABZ_KEY_REQUIRED) || kd == skip)
			continue;
		snprintf(out + n, cap - n, "%s%s=%s", n ? ", " : "", kd->name,
				 (kd->flags & ABZ_KEY_INT) ? "3" : (kd->hi <= 1 ? "0.5" : "2"));
	}
}

/* parse text of kind into b; false (and a failed check) on error */
static bool
parse(AbzKind kind, const char *text, SpecBuf *b)
{
	AbzError	err;
	bool		ok = abz_parse(kind, text, strlen(text), &b->s, &err);

	if (!ok)
		fprintf(stderr, "    parse of \"%s\" failed: %s %s\n", text, err.key, err.msg);
	return ok;
}

/* set path to val in base and compare with the hand-formed text expected */
static void
check_set(AbzKind kind, const char *base_text, const char *path, const char *val,
		  const char *expected_text)
{
	AbzPath		p;
	AbzError	err;
	bool		ok;

	if (!parse(kind, base_text, &base) || !parse(kind, expected_text, &want))
	{
		CHECK(false);
		return;
	}
	ok = abz_path_resolve(&base.s, path, strlen(path), true, &p, &err) &&
		abz_set_text(&base.s, &p, val, strlen(val), &got.s, &err);
	if (!ok)
		fprintf(stderr, "    set %s = %s on \"%s\": %s\n", path, val, base_text, err.msg);
	CHECK(ok && got.s.nterms == want.s.nterms &&
		  memcmp(&got.s, &want.s, ABZ_SPEC_SIZE(want.s.nterms)) == 0);
}

/* every key of one term definition: set it to a constant and to a distribution */
static void
keys_of(AbzKind kind, const char *tname, const AbzTermDef *td, const char *prefix,
		const char *other_base, const char *head)
{
	for (int i = 0; i < td->nkeys; i++)
	{
		const AbzKeyDef *kd = &td->keys[i];
		char		req[160],
					req_all[160],
					basetxt[400],
					exp[400],
					path[64];
		const char *v = probe_value(kd);
		bool		budget = kind == ABZ_KIND_PLAN && strcmp(kd->name, "budget") == 0;

		required_args(td, kd, req, sizeof(req));
		required_args(td, NULL, req_all, sizeof(req_all));
		snprintf(path, sizeof(path), "%s.%s%s", tname, prefix, kd->name);
		/* the term present with its required keys (and a cac for a budget) */
		snprintf(basetxt, sizeof(basetxt), "%s%s%s(%s%s%s%s%s)", other_base,
				 other_base[0] ? " + " : "", tname, head, head[0] && req_all[0] ? ", " : "",
				 req_all, budget ? (req_all[0] ? ", cac=2" : "cac=2") : "", "");
		snprintf(exp, sizeof(exp), "%s%s%s(%s%s%s%s%s%s=%s%s)", other_base,
				 other_base[0] ? " + " : "", tname, head, head[0] ? ", " : "",
				 req, req[0] ? ", " : "", budget ? "cac=2, " : "", kd->name, v,
				 prefix[0] ? "))" : "");
		if (prefix[0])
		{
			/* strategy keys: head holds "freq=1, strategy=NAME(", closed above */
			snprintf(basetxt, sizeof(basetxt), "%s(%s%s))", tname, head, req_all);
			snprintf(exp, sizeof(exp), "%s(%s%s%s%s=%s))", tname, head, req,
					 req[0] ? ", " : "", kd->name, v);
		}
		check_set(kind, basetxt, path, v, exp);
		if (!(kd->flags & ABZ_KEY_INT))
		{
			/* a distribution inside the domain */
			const char *d = kd->hi <= 1 ? "uniform(0.25, 0.5)" : "pert(1, 2, 4)";
			char		exp2[400];
			char	   *at = strstr(exp, "=0.37");

			if (at == NULL)
				at = strstr(exp, "=3.5");
			snprintf(exp2, sizeof(exp2), "%.*s=%s%s", (int) (at - exp), exp, d,
					 at + (kd->hi <= 1 ? 5 : 4));
			check_set(kind, basetxt, path, d, exp2);
		}
	}
}

ABZ_SUITE(override_every_key)
{
	char		head[64];

	for (int c = 0; c < ABZ_REV_NTERMS; c++)
	{
		const AbzTermDef *td = &abz_kinds[ABZ_KIND_REVENUE].terms[c];

		keys_of(ABZ_KIND_REVENUE, td->name, td, "", "", "");
	}
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
	{
		const AbzTermDef *td = &abz_kinds[ABZ_KIND_RISK].terms[c];

		keys_of(ABZ_KIND_RISK, td->name, td, "", "", "");
		for (int s = 1; s < ABZ_STRAT_N; s++)
		{
			snprintf(head, sizeof(head), "freq=1, strategy=%s(", abz_strategies[s].name);
			keys_of(ABZ_KIND_RISK, td->name, &abz_strategies[s], "strategy.", "", head);
		}
	}
	for (int c = 0; c < ABZ_PLAN_NTERMS; c++)
	{
		const AbzTermDef *td = &abz_kinds[ABZ_KIND_PLAN].terms[c];

		if (c == ABZ_PLAN_ENTRY)
		{
			keys_of(ABZ_KIND_PLAN, "entry", &abz_entry_modes[ABZ_ENTRY_CHANNEL], "",
					plan_base, "mode=channel");
			keys_of(ABZ_KIND_PLAN, "entry", &abz_entry_modes[ABZ_ENTRY_JV], "",
					plan_base, "mode=jv");
		}
		else if (c <= ABZ_PLAN_PRODUCT)
		{
			/* the required terms are in the base already: set them in place */
			for (int i = 0; i < td->nkeys; i++)
			{
				const AbzKeyDef *kd = &td->keys[i];
				char		path[64],
							exp[300];
				const char *v = probe_value(kd);

				snprintf(path, sizeof(path), "%s.%s", td->name, kd->name);
				/* the base's own term is changed in place: the expectation written whole */
				if (c == ABZ_PLAN_CASH)
					snprintf(exp, sizeof(exp), "cash(amount=%s) + team(headcount=1, cost=1) + product(churn=0.1)", v);
				else if (c == ABZ_PLAN_TEAM)
					snprintf(exp, sizeof(exp), "cash(amount=1) + team(headcount=%s, cost=%s, growth=%s) + product(churn=0.1)",
							 i == 0 ? v : "1", i == 1 ? v : "1", i == 2 ? v : "0");
				else
					snprintf(exp, sizeof(exp), "cash(amount=1) + team(headcount=1, cost=1) + product(launch=%s, churn=%s)",
							 i == 0 ? v : "1", i == 1 ? v : "0.1");
				check_set(ABZ_KIND_PLAN, plan_base, path, v, exp);
			}
		}
		else
			keys_of(ABZ_KIND_PLAN, td->name, td, "", plan_base, "");
	}
}

/* set a path on text and expect failure with code; returns the error */
static AbzError
expect_fail(AbzKind kind, const char *text, const char *path, const char *val,
			AbzErrCode code)
{
	AbzPath		p;
	AbzError	err;
	bool		ok;

	memset(&err, 0, sizeof(err));
	if (!parse(kind, text, &base))
	{
		CHECK(false);
		return err;
	}
	ok = abz_path_resolve(&base.s, path, strlen(path), true, &p, &err) &&
		abz_set_text(&base.s, &p, val, strlen(val), &got.s, &err);
	CHECK(!ok && err.code == code);
	return err;
}

ABZ_SUITE(override_add_and_errors)
{
	AbzError	e;

	/* adding terms whose other keys all have defaults */
	check_set(ABZ_KIND_PLAN, plan_base, "valuation.multiple", "8",
			  "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + valuation(multiple=8)");
	check_set(ABZ_KIND_RISK, "", "privacy.freq", "normal(1, 0.2)", "privacy(freq=normal(1, 0.2))");
	/* an absent term is added with no index or [1] */
	check_set(ABZ_KIND_RISK, "", "privacy[1].freq", "0.5", "privacy(freq=0.5)");
	/* round month leaves the canonical order: the result is re-sorted */
	check_set(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + round(month=6, amount=1) + round(month=12, amount=2)",
			  "round[1].month", "18",
			  "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + round(month=12, amount=2) + round(month=18, amount=1)");
	/* adding a term that needs another key: the error names it */
	e = expect_fail(ABZ_KIND_REVENUE, "subscription(price=1)", "usage.price", "2", ABZ_ERR_DOMAIN);
	CHECK_STR(e.key, "units");
	e = expect_fail(ABZ_KIND_PLAN, plan_base, "marketing.budget", "10k", ABZ_ERR_DOMAIN);
	CHECK_STR(e.key, "cac");
	e = expect_fail(ABZ_KIND_PLAN, plan_base, "round.p", "0.5", ABZ_ERR_DOMAIN);
	CHECK_STR(e.key, "month");
	e = expect_fail(ABZ_KIND_RISK, "", "privacy.loss", "1k", ABZ_ERR_DOMAIN);
	CHECK_STR(e.key, "freq");
	/* an index must name an existing term: a typo adds no phantom term */
	e = expect_fail(ABZ_KIND_REVENUE, "usage(price=1, units=2)", "usage[2].units", "4", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.msg, "\"usage[2].units\"") != NULL && strstr(e.detail, "usage[1] to usage[1]") != NULL);
	e = expect_fail(ABZ_KIND_REVENUE, "subscription(price=49, seats=3) + usage(price=0.01, units=1k)",
					"subscription[2].price", "1", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.msg, "\"subscription[2].price\"") != NULL &&
		  strstr(e.detail, "subscription[1] to subscription[1]") != NULL);
	e = expect_fail(ABZ_KIND_RISK, "data(freq=1)", "data[2].freq", "3", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.detail, "data[1] to data[1]") != NULL);
	e = expect_fail(ABZ_KIND_RISK, "", "privacy[2].freq", "1", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.msg, "\"privacy[2].freq\"") != NULL);
	/* bad paths list what is valid */
	e = expect_fail(ABZ_KIND_PLAN, plan_base, "teem.headcount", "1", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.msg, "teem.headcount") != NULL && strstr(e.detail, "cash, team, product") != NULL);
	e = expect_fail(ABZ_KIND_PLAN, plan_base, "team.heads", "1", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.detail, "headcount, cost, growth") != NULL);
	e = expect_fail(ABZ_KIND_REVENUE, "usage(price=1, units=2) + usage(price=1, units=3)", "usage.price", "1", ABZ_ERR_DOMAIN);
	CHECK(strstr(e.detail, "usage[1] to usage[2]") != NULL);
	expect_fail(ABZ_KIND_REVENUE, "usage(price=1, units=2)", "usage[3].price", "1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "cash[2].amount", "1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team.headcount.x", "1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team", "1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team[0].cost", "1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "entry.cut", "0.1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_RISK, "data(freq=1)", "data.strategy.effect", "0.1", ABZ_ERR_DOMAIN);
	/* bad values: syntax 22P02, domain 22023, whole numbers */
	expect_fail(ABZ_KIND_PLAN, plan_base, "team.headcount", "1 +", ABZ_ERR_SYNTAX);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team.headcount", "", ABZ_ERR_SYNTAX);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team.headcount", "-1", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "product.churn", "120%", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "product.launch", "2.5", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "product.launch", "uniform(1, 3)", ABZ_ERR_DOMAIN);
	expect_fail(ABZ_KIND_PLAN, plan_base, "team.cost", "triangular(3, 2, 1)", ABZ_ERR_DOMAIN);
	/* strategy and mode */
	check_set(ABZ_KIND_RISK, "data(freq=1, strategy=mitigate(cost=1, effect=0.5))", "data.strategy", "avoid(forgo=2%)",
			  "data(freq=1, strategy=avoid(forgo=0.02))");
	check_set(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + entry(mode=channel, cut=0.2)",
			  "entry.mode", "jv", "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + entry(mode=jv)");
	expect_fail(ABZ_KIND_RISK, "data(freq=1)", "data.strategy", "mitigate(cost=1)", ABZ_ERR_DOMAIN);
	/* scope, and a strategy change keeps the scope */
	check_set(ABZ_KIND_RISK, "competition(freq=1)", "competition.scope", "market",
			  "competition(freq=1, scope=market)");
	check_set(ABZ_KIND_RISK, "competition(freq=1, scope=market)", "competition.scope", "company",
			  "competition(freq=1)");
	check_set(ABZ_KIND_RISK, "competition(freq=1, scope=market)", "competition.strategy",
			  "transfer(premium=1, cover=0.5)",
			  "competition(freq=1, scope=market, strategy=transfer(premium=1, cover=0.5))");
	check_set(ABZ_KIND_RISK, "data(freq=1) + data(freq=2)", "data[2].scope", "market",
			  "data(freq=1) + data(freq=2, scope=market)");
	expect_fail(ABZ_KIND_RISK, "competition(freq=1)", "competition.scope", "worldwide", ABZ_ERR_DOMAIN);
	e = expect_fail(ABZ_KIND_RISK, "competition(freq=1)", "competition.scope", "", ABZ_ERR_SYNTAX);
	{
		AbzPath		p;
		AbzError	err;

		CHECK(parse(ABZ_KIND_RISK, "competition(freq=1)", &base));
		CHECK(abz_path_resolve(&base.s, "competition.scope", 17, true, &p, &err));
		CHECK(!abz_scale(&base.s, &p, 2.0, &got.s, &err) && strstr(err.msg, "scope") != NULL);
	}
}

ABZ_SUITE(override_scale)
{
	static const char *const values[] = {
		"subscription(price=normal(10, 2), seats=uniform(1, 3), cost=pert(0.5, 1, 2)) + usage(price=lognormal(0.01, 0.002), units=triangular(10, 20, 40))",
		"technology(freq=2, loss=1000) + competition(freq=lognormal(1, 0.3), strategy=mitigate(cost=500, effect=0.4))",
		"cash(amount=2M) + team(headcount=5, cost=12k, growth=0.05) + product(launch=3, churn=0.02) + round(month=12, amount=1M, p=0.7)",
	};
	AbzInput	in[ABZ_MAX_INPUTS];

	for (int k = 0; k < 3; k++)
	{
		AbzKind		kind = (AbzKind) (k + 1);
		int			n;

		if (!parse(kind, values[k], &base))
		{
			CHECK(false);
			continue;
		}
		n = abz_inputs(&base.s, in);
		CHECK(n > 0);
		for (int i = 0; i < n; i++)
		{
			AbzError	err;
			bool		ok = abz_scale(&base.s, &in[i].path, 1.0, &got.s, &err);

			CHECK(ok && memcmp(&got.s, &base.s, ABZ_SPEC_SIZE(base.s.nterms)) == 0);
		}
	}
	/* scale by 2: every argument doubles (normal: mean and sd) */
	check_set(ABZ_KIND_REVENUE, "subscription(price=1)", "subscription.price", "normal(20, 4)",
			  "subscription(price=normal(20, 4))");
	{
		AbzPath		p;
		AbzError	err;

		parse(ABZ_KIND_REVENUE, "subscription(price=normal(10, 2), seats=uniform(1, 3)) + usage(price=1, units=triangular(10, 20, 40))", &base);
		parse(ABZ_KIND_REVENUE, "subscription(price=normal(20, 4), seats=uniform(1, 3)) + usage(price=1, units=triangular(10, 20, 40))", &want);
		CHECK(abz_path_resolve(&base.s, "subscription.price", 18, false, &p, &err));
		CHECK(abz_scale(&base.s, &p, 2.0, &got.s, &err) &&
			  memcmp(&got.s, &want.s, ABZ_SPEC_SIZE(want.s.nterms)) == 0);
		parse(ABZ_KIND_REVENUE, "subscription(price=normal(10, 2), seats=uniform(1, 3)) + usage(price=1, units=triangular(5, 10, 20))", &want);
		CHECK(abz_path_resolve(&base.s, "USAGE.Units", 11, false, &p, &err));
		CHECK_STR(p.text, "usage.units");
		CHECK(abz_scale(&base.s, &p, 0.5, &got.s, &err) &&
			  memcmp(&got.s, &want.s, ABZ_SPEC_SIZE(want.s.nterms)) == 0);
		/* an absent term cannot be scaled; a strategy is not a number */
		CHECK(abz_path_resolve(&base.s, "advertising.cpm", 15, false, &p, &err) == false);
		CHECK(abz_path_resolve(&base.s, "subscription[2].price", 21, false, &p, &err) == false &&
			  strstr(err.detail, "subscription[1] to subscription[1]") != NULL);
		/* scale by -1 of a churn: out of domain */
		parse(ABZ_KIND_PLAN, plan_base, &base);
		CHECK(abz_path_resolve(&base.s, "product.churn", 13, false, &p, &err));
		CHECK(!abz_scale(&base.s, &p, -1.0, &got.s, &err) && err.code == ABZ_ERR_DOMAIN);
		/* scale by 0 gives +0, never -0 */
		CHECK(abz_path_resolve(&base.s, "team.cost", 9, false, &p, &err));
		CHECK(abz_scale(&base.s, &p, -0.0, &got.s, &err));
	}
}

ABZ_SUITE(override_inputs)
{
	AbzInput	in[ABZ_MAX_INPUTS];
	int			n;

	/* shown keys only; launch and month are whole numbers and left out */
	parse(ABZ_KIND_PLAN, "cash(amount=2M) + team(headcount=5, cost=12k) + product(launch=3, churn=0.02) + round(month=12, amount=1M) + round(month=24, amount=2M, p=0.5)", &base);
	n = abz_inputs(&base.s, in);
	CHECK(n == 7);
	if (n == 7)
	{
		CHECK_STR(in[0].path.text, "cash.amount");
		CHECK_STR(in[1].path.text, "team.headcount");
		CHECK_STR(in[2].path.text, "team.cost");
		CHECK_STR(in[3].path.text, "product.churn");
		CHECK_STR(in[4].path.text, "round[1].amount");
		CHECK_STR(in[5].path.text, "round[2].amount");
		CHECK_STR(in[6].path.text, "round[2].p");
	}
	parse(ABZ_KIND_RISK, "team(freq=2, strategy=transfer(premium=100, cover=0.5))", &base);
	n = abz_inputs(&base.s, in);
	CHECK(n == 3);
	if (n == 3)
		CHECK_STR(in[2].path.text, "team.strategy.cover");
}
