/*
 * test_hostile.c — hostile values of the projection, cashflows and input
 * types: counts and amounts at and beyond their bounds, altered stored
 * headers, and unit economics whose outputs overflow float8.
 */
#include <stdlib.h>

#include "finance.h"
#include "projval.h"
#include "unit_econ.h"
#include "unit.h"

/* a format 1 projection of horizon h with every value 1.0 (caller frees) */
static AbzProj *
ones(int h)
{
	AbzMonth   *m = calloc((size_t) h, sizeof(AbzMonth));
	AbzProj    *p = calloc(1, ABZ_PROJ_SIZE(h));
	AbzError	err;

	for (int t = 0; t < h; t++)
		for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
			m[t].v[f] = 1.0;
	if (!abz_proj_build(p, h, 1, m, 1.0, &err))
		abort();
	free(m);
	return p;
}

/* member counts: 10^18 - 1 is the largest the text form carries */
ABZ_SUITE(hostile_proj_members)
{
	AbzProj    *a = ones(1);
	AbzProj    *b = ones(1);
	AbzError	err;
	size_t		n;
	char	   *txt;
	AbzProj    *q;

	a->members = 999999999999999999LL;
	CHECK(abz_proj_validate(a, ABZ_PROJ_SIZE(1), &err));
	n = abz_proj_format(a, NULL, 0);
	txt = malloc(n + 1);
	abz_proj_format(a, txt, n + 1);
	q = abz_proj_parse(txt, n, (AbzAlloc) malloc, &err);
	CHECK(q != NULL && q->members == 999999999999999999LL);
	free(q);
	free(txt);
	/* 10^18 does not read back as text: no value may hold it */
	a->members = 1000000000000000000LL;
	CHECK(!abz_proj_validate(a, ABZ_PROJ_SIZE(1), &err) && err.code == ABZ_ERR_DOMAIN);
	/* a sum reaching 10^18 members is an overflow, and leaves acc unchanged */
	a->members = 500000000000000000LL;
	b->members = 500000000000000000LL;
	CHECK(!abz_proj_add(a, b, &err) && err.code == ABZ_ERR_OVERFLOW);
	CHECK(a->members == 500000000000000000LL);
	b->members = 499999999999999999LL;
	CHECK(abz_proj_add(a, b, &err) && a->members == 999999999999999999LL);
	/* INT64_MAX members never pass validation either */
	a->members = INT64_MAX;
	CHECK(!abz_proj_validate(a, ABZ_PROJ_SIZE(1), &err));
	free(a);
	free(b);
}

/* a cashflows list holding an amount text input cannot read is not canonical */
ABZ_SUITE(hostile_cf_amount)
{
	AbzCashflows *cf = abz_cf_init(calloc(1, ABZ_CF_SIZE(1)), 1);
	AbzError	err;
	char		buf[256];
	size_t		len;
	AbzCashflows *back = calloc(1, ABZ_CF_SIZE(4));

	cf->n = cf->nsorted = 1;
	cf->flows[0].day = 0;
	/* 2^126 exactly: the largest magnitude text input reads */
	abz_fixed_split((abz_fixed) 1 << 126, &cf->flows[0].hi, &cf->flows[0].lo);
	CHECK(abz_cf_check(cf, ABZ_CF_SIZE(1), true, &err));
	len = abz_cf_format(cf, buf, sizeof(buf), NULL);
	CHECK(abz_cf_parse(buf, len, back, 4, &err));
	/* 2^126 + 1 and -(2^126 + 1): text input rejects them, so must every check */
	abz_fixed_split(((abz_fixed) 1 << 126) + 1, &cf->flows[0].hi, &cf->flows[0].lo);
	len = abz_cf_format(cf, buf, sizeof(buf), NULL);
	CHECK(!abz_cf_parse(buf, len, back, 4, &err));
	CHECK(!abz_cf_check(cf, ABZ_CF_SIZE(1), true, &err) && err.code == ABZ_ERR_BINARY);
	abz_fixed_split(-((abz_fixed) 1 << 126) - 1, &cf->flows[0].hi, &cf->flows[0].lo);
	CHECK(!abz_cf_check(cf, ABZ_CF_SIZE(1), true, &err) && err.code == ABZ_ERR_BINARY);
	/* the most negative 128-bit integer */
	cf->flows[0].hi = INT64_MIN;
	cf->flows[0].lo = 0;
	CHECK(!abz_cf_check(cf, ABZ_CF_SIZE(1), true, &err) && err.code == ABZ_ERR_BINARY);
	free(cf);
	free(back);
}

/* two flows on one date whose sum leaves the text range: an overflow */
ABZ_SUITE(hostile_cf_sum)
{
	AbzCashflows *a = abz_cf_init(calloc(1, ABZ_CF_SIZE(1)), 1);
	AbzCashflows *b = abz_cf_init(calloc(1, ABZ_CF_SIZE(1)), 1);
	AbzCashflows *o = abz_cf_init(calloc(1, ABZ_CF_SIZE(2)), 2);
	AbzError	err;

	a->n = a->nsorted = b->n = b->nsorted = 1;
	abz_fixed_split((abz_fixed) 1 << 125, &a->flows[0].hi, &a->flows[0].lo);
	abz_fixed_split(((abz_fixed) 1 << 125) + 1, &b->flows[0].hi, &b->flows[0].lo);
	CHECK(!abz_cf_merge(a, b, o, &err) && err.code == ABZ_ERR_OVERFLOW);
	abz_fixed_split((abz_fixed) 1 << 125, &b->flows[0].hi, &b->flows[0].lo);
	CHECK(abz_cf_merge(a, b, o, &err) && o->n == 1);
	free(a);
	free(b);
	free(o);
}

/* parse a value of kind or abort */
static AbzSpec *
spec(AbzKind kind, const char *text)
{
	AbzSpec    *s = calloc(1, ABZ_SPEC_MAXSIZE);
	AbzError	err;

	if (!abz_parse(kind, text, strlen(text), s, &err))
	{
		fprintf(stderr, "    %s\n", err.msg);
		abort();
	}
	return s;
}

/* unit economics whose outputs leave float8: 22003 naming the output */
ABZ_SUITE(hostile_unit_econ)
{
	AbzSpec    *rev = spec(ABZ_KIND_REVENUE,
						   "subscription(price=1e300, seats=1e300, cost=0)");
	AbzSpec    *plan = spec(ABZ_KIND_PLAN,
							"cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.5) + marketing(budget=1, cac=1)");
	AbzSpec    *cheap = spec(ABZ_KIND_REVENUE, "subscription(price=1e300, cost=1e300)");
	AbzSpec    *tiny = spec(ABZ_KIND_PLAN,
							"cash(amount=1) + team(headcount=1, cost=1) + product(churn=1e-300) + marketing(budget=1, cac=1)");
	AbzUnitEcon ue;
	AbzError	err;

	/* arpa = 1e600: out of range */
	memset(&err, 0, sizeof(err));
	CHECK(!abz_unit_economics(rev, plan, &ue, &err) && err.code == ABZ_ERR_OVERFLOW);
	CHECK(strstr(err.msg, "arpa") != NULL);
	/* arpa 1e300 fine; ltv = arpa * margin / churn = 1e300 * 0.5... / 1e-300 overflows */
	free(rev);
	rev = spec(ABZ_KIND_REVENUE, "subscription(price=1e300, cost=5e299)");
	CHECK(!abz_unit_economics(rev, tiny, &ue, &err) && err.code == ABZ_ERR_OVERFLOW);
	CHECK(strstr(err.msg, "ltv") != NULL);
	/* the same inputs with a plain churn: every output finite */
	CHECK(abz_unit_economics(rev, plan, &ue, &err));
	CHECK(ue.arpa == 1e300 && ue.ltv == 1e300 * 0.5 / 0.5);
	/* cost 1e300, price 1e300: finite, margin 0 */
	CHECK(abz_unit_economics(cheap, plan, &ue, &err) && ue.gross_margin == 0.0);
	free(rev);
	free(plan);
	free(cheap);
	free(tiny);
}
