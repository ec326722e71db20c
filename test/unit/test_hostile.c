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

/* calls of the allocator, so a test can see nothing was allocated, and its last result */
static int	nalloc;
static void *last;

/* zeroed allocation that counts and remembers itself */
static void *
counting_alloc(size_t n)
{
	nalloc++;
	last = calloc(1, n);
	return last;
}

/* a stored projection with an altered version, horizon or header is refused before reading */
ABZ_SUITE(hostile_proj_stored)
{
	AbzProj    *p = ones(2);
	size_t		size = ABZ_PROJ_SIZE(2);
	AbzError	err;

	CHECK(abz_proj_check_stored(p, size, &err));
	p->version = 9;
	CHECK(!abz_proj_check_stored(p, size, &err) && err.code == ABZ_ERR_BINARY);
	p->version = ABZ_PROJ_VERSION_FLOAT;	/* format 2 needs fewer bytes */
	CHECK(!abz_proj_check_stored(p, size, &err));
	p->version = ABZ_PROJ_VERSION;
	p->horizon = 600;
	CHECK(!abz_proj_check_stored(p, size, &err));
	p->horizon = 0;
	CHECK(!abz_proj_check_stored(p, size, &err));
	p->horizon = 2;
	p->members = ABZ_PROJ_MAX_MEMBERS + 1;
	CHECK(!abz_proj_check_stored(p, size, &err));
	p->members = 1;
	p->launch = 0;
	CHECK(!abz_proj_check_stored(p, size, &err));
	p->launch = 1;
	CHECK(!abz_proj_check_stored(p, 16, &err));
	CHECK(abz_proj_check_stored(p, size, &err));
	free(p);
}

/* truncated or oversized binary projections: 22P03, nothing allocated */
ABZ_SUITE(hostile_proj_decode)
{
	AbzProj    *p = ones(1);
	size_t		n = abz_proj_encode(p, NULL, 0);
	unsigned char *wire = malloc(n);
	AbzError	err;
	AbzProj    *q;

	CHECK(n == ABZ_PROJ_BINARY_SIZE(1) && abz_proj_encode(p, wire, n) == n);
	q = abz_proj_decode(wire, n, counting_alloc, &err);
	CHECK(q != NULL && memcmp(q, p, ABZ_PROJ_SIZE(1)) == 0);
	free(q);
	nalloc = 0;
	for (size_t len = 0; len < n; len += 7)
		CHECK(abz_proj_decode(wire, len, counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	/* horizon 600 claimed with the bytes of one month */
	wire[6] = 0x02;
	wire[7] = 0x58;
	CHECK(abz_proj_decode(wire, n, counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	CHECK(nalloc == 0);
	/* members 10^18 (0x0de0b6b3a7640000) is refused as in text */
	wire[6] = 0;
	wire[7] = 1;
	memcpy(wire + 8, "\x0d\xe0\xb6\xb3\xa7\x64\x00\x00", 8);
	CHECK(abz_proj_decode(wire, n, counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	CHECK(strstr(err.msg, "member count") != NULL);
	free(last);
	free(wire);
	free(p);
}

/* binary cashflows: truncation and counts refused before allocating, amounts as strict as text */
ABZ_SUITE(hostile_cf_decode)
{
	/* version 1, flags 0, rate 0, one date: day 0, amount 2^126 (hi 2^62, lo 0) */
	unsigned char wire[34] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
		0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	unsigned char again[34];
	AbzError	err;
	AbzCashflows *cf;

	cf = abz_cf_decode(wire, sizeof(wire), counting_alloc, &err);
	CHECK(cf != NULL && cf->n == 1 && cf->cap == 1);
	CHECK(cf != NULL && abz_cf_encode(cf, again, sizeof(again)) == sizeof(again) &&
		  memcmp(again, wire, sizeof(wire)) == 0);
	free(cf);
	/* 2^126 + 1: text input refuses it, so binary does */
	wire[33] = 1;
	CHECK(abz_cf_decode(wire, sizeof(wire), counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	free(last);
	wire[33] = 0;
	nalloc = 0;
	for (size_t len = 0; len < sizeof(wire); len += 3)
		CHECK(abz_cf_decode(wire, len, counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	/* a count of 4,000,000 with one date's bytes */
	wire[10] = 0x00, wire[11] = 0x3d, wire[12] = 0x09, wire[13] = 0x00;
	CHECK(abz_cf_decode(wire, sizeof(wire), counting_alloc, &err) == NULL && err.code == ABZ_ERR_BINARY);
	CHECK(nalloc == 0);
}

/* stored and binary input values: altered headers and truncation */
ABZ_SUITE(hostile_spec_wire)
{
	AbzSpec    *s = spec(ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)");
	size_t		size = ABZ_SPEC_SIZE(s->nterms);
	size_t		n = abz_spec_encode(s, NULL, 0);
	unsigned char *wire = malloc(n);
	unsigned char hdr[4] = {1, ABZ_KIND_PLAN, 0, 64};
	AbzError	err;
	AbzSpec    *q;

	CHECK(abz_spec_check_stored(s, size, &err));
	s->version = 2;
	CHECK(!abz_spec_check_stored(s, size, &err) && err.code == ABZ_ERR_BINARY);
	s->version = 1;
	s->nterms = 64;
	CHECK(!abz_spec_check_stored(s, size, &err));
	s->nterms = 3;
	s->terms[0].term = 99;
	CHECK(!abz_spec_check_stored(s, size, &err));
	s->terms[0].term = ABZ_PLAN_CASH;
	s->terms[1].key[0].dist = ABZ_NDIST;
	CHECK(!abz_spec_check_stored(s, size, &err));
	s->terms[1].key[0].dist = ABZ_CONST;
	s->kind = 9;
	CHECK(!abz_spec_check_stored(s, size, &err));
	s->kind = ABZ_KIND_PLAN;
	CHECK(abz_spec_check_stored(s, size, &err));

	CHECK(abz_spec_encode(s, wire, n) == n);
	q = abz_spec_decode(ABZ_KIND_PLAN, wire, n, counting_alloc, &err);
	CHECK(q != NULL && memcmp(q, s, size) == 0);
	free(q);
	/* every truncation is a binary error; a revenue_model's bytes are not a plan */
	for (size_t len = 0; len < n; len += 5)
	{
		last = NULL;
		q = abz_spec_decode(ABZ_KIND_PLAN, wire, len, counting_alloc, &err);
		CHECK(q == NULL && err.code == ABZ_ERR_BINARY);
		free(last);
	}
	last = NULL;
	CHECK(abz_spec_decode(ABZ_KIND_REVENUE, wire, n, counting_alloc, &err) == NULL &&
		  err.code == ABZ_ERR_BINARY);
	free(last);
	/* 64 terms announced in 4 bytes: refused before allocating */
	nalloc = 0;
	CHECK(abz_spec_decode(ABZ_KIND_PLAN, hdr, sizeof(hdr), counting_alloc, &err) == NULL &&
		  err.code == ABZ_ERR_BINARY && nalloc == 0);
	free(wire);
	free(s);
}

/* a 39-digit raw number past 2^128 must not wrap into range when parsed */
ABZ_SUITE(hostile_fixed_parse_wrap)
{
	const char *end;
	abz_fixed	x;
	AbzError	err;
	AbzCashflows *cf = calloc(1, ABZ_CF_SIZE(4));
	/* 385070591730234615865843651857942052863 = 10 x 38507059173023461586584365185794205286 + 3 > 2^128 */
	const char *big = "385070591730234615865843651857942052863";
	char		text[128];

	CHECK(!abz_fixed_parse(big, &end, &x));
	CHECK(!abz_fixed_parse("340282366920938463463374607431768211457", &end, &x));	/* 2^128 + 1 */
	CHECK(abz_fixed_parse("85070591730234615865843651857942052864", &end, &x) &&
		  x == (abz_fixed) 1 << 126);
	CHECK(!abz_fixed_parse("85070591730234615865843651857942052865", &end, &x));
	snprintf(text, sizeof(text), "v1 2000-01-01:%s", big);
	CHECK(!abz_cf_parse(text, strlen(text), cf, 4, &err));
	snprintf(text, sizeof(text), "v1;h=1;n=1;l=1;npv=%s;0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", big);
	CHECK(abz_proj_parse(text, strlen(text), (AbzAlloc) counting_alloc, &err) == NULL);
	free(cf);
}
