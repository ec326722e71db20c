/*
 * test_specstore.c — the stored form of the input types (specstore.c):
 * sizes counted by hand, round trips of version 2, version 1 read as the
 * same value, and every cut and altered byte refused without reading past
 * the bytes given.
 */
#include <stdlib.h>

#include "unit.h"
#include "spec.h"

/* what zalloc allocated last */
static void *zalloc_last;

/* calloc as an AbzAlloc, remembering the allocation */
static void *
zalloc(size_t size)
{
	zalloc_last = calloc(1, size ? size : 1);
	return zalloc_last;
}

/* abz_spec_load with zalloc; a refused value's allocation is freed, not leaked */
static AbzSpec *
load(const unsigned char *buf, size_t size, AbzError *err)
{
	AbzSpec    *s;

	zalloc_last = NULL;
	s = abz_spec_load(buf, size, zalloc, err);
	if (s == NULL)
		free(zalloc_last);
	return s;
}

/* values of every kind, distribution and sub-term */
static const struct
{
	AbzKind		kind;
	const char *text;
}			samples[] = {
	{ABZ_KIND_REVENUE, "usage(price=0.01, units=500)"},
	{ABZ_KIND_REVENUE, "subscription(price=pert(20, 29, 49), seats=triangular(1, 3, 9), expansion=normal(0.01, 0.003), cost=lognormal(3, 1)) + usage(price=uniform(0.001, 0.002), units=1k) + advertising(impressions=1M, cpm=2) + licensing(deals=2, fee=50k, royalty=0.05, term=24)"},
	{ABZ_KIND_RISK, ""},
	{ABZ_KIND_RISK, "technology(freq=2, loss=uniform(10k, 20k), strategy=mitigate(cost=5k, effect=0.5)) + privacy(freq=0.1, strategy=transfer(premium=1k, cover=0.8)) + ethics(freq=1, strategy=avoid(forgo=0.05)) + regulation(freq=pert(0.1, 0.2, 0.5), loss=lognormal(100k, 30k), scope=market)"},
	{ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)"},
	{ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=5, cost=10k, growth=0.02) + product(churn=2%, launch=3) + marketing(budget=20k, cac=uniform(200, 400), growth=0.05, organic=0.1) + entry(mode=jv, stake=0.4) + training(cost=50k, every=6, decline=0.1) + round(month=24, amount=3M) + round(month=6, amount=uniform(1M, 2M), p=0.5) + valuation(discount=0.3, multiple=8)"},
};

/* the stored form of s in a new buffer; *size its length */
static unsigned char *
stored(const AbzSpec *s, size_t *size)
{
	unsigned char *b;

	*size = abz_spec_store_size(s);
	b = malloc(*size);
	CHECK(abz_spec_store(s, b) == *size);
	return b;
}

/* version 1 of s: four zero bytes, then the fixed value */
static unsigned char *
stored_v1(const AbzSpec *s, size_t *size)
{
	unsigned char *b;

	*size = 4 + ABZ_SPEC_SIZE(s->nterms);
	b = calloc(1, *size);
	memcpy(b + 4, s, ABZ_SPEC_SIZE(s->nterms));
	return b;
}

/* does buf (size bytes) load to exactly s? */
static bool
loads_to(const unsigned char *buf, size_t size, const AbzSpec *s)
{
	AbzError	err;
	AbzSpec    *back = load(buf, size, &err);
	bool		same = back != NULL && back->nterms == s->nterms &&
		memcmp(back, s, ABZ_SPEC_SIZE(s->nterms)) == 0;

	if (back == NULL)
		fprintf(stderr, "    load: %s\n", err.msg);
	free(back);
	return same;
}

ABZ_SUITE(specstore_sizes)
{
	/* 4 header bytes, 4 per term, 1 + 8 per argument of each slot that is not zero */
	static const struct
	{
		AbzKind		kind;
		const char *text;
		size_t		size;
	}			cases[] = {
		/* price, units, attach (1 by default): 4 + 4 + 3 * 9 */
		{ABZ_KIND_REVENUE, "usage(price=0.01, units=500)", 35},
		/* price pert (1 + 24), seats and attach (1 by default): 4 + 4 + 25 + 18 */
		{ABZ_KIND_REVENUE, "subscription(price=pert(20, 29, 49))", 51},
		{ABZ_KIND_RISK, "", 4},
		/* cash 13, team 22 (growth 0 left out), product 22 (launch 1 by default) */
		{ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)", 61},
		/* a churn of 0 is left out too: product holds launch alone (13) */
		{ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=0)", 52},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		AbzSpec    *s = unit_spec(cases[i].kind, cases[i].text);

		CHECK(s != NULL && abz_spec_store_size(s) == cases[i].size);
		free(s);
	}
}

ABZ_SUITE(specstore_bytes)
{
	/* usage(price=0.01, units=500): version 2, kind 1, one term; usage (1), sub 0, mask 0x0007 */
	AbzSpec    *s = unit_spec(ABZ_KIND_REVENUE, "usage(price=0.01, units=500)");
	static const unsigned char head[] = {2, 1, 1, 0, 1, 0, 7, 0, 0};
	double		v[3];
	size_t		size;
	unsigned char *b = stored(s, &size);

	CHECK(memcmp(b, head, sizeof(head)) == 0);
	memcpy(&v[0], b + 9, 8);
	memcpy(&v[1], b + 18, 8);
	memcpy(&v[2], b + 27, 8);
	CHECK(v[0] == 0.01 && v[1] == 500 && v[2] == 1);
	CHECK(b[17] == 0 && b[26] == 0);	/* constants */
	free(b);
	free(s);
}

ABZ_SUITE(specstore_round_trip)
{
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		AbzSpec    *s = unit_spec(samples[i].kind, samples[i].text);
		size_t		size;
		size_t		size1;
		unsigned char *b;
		unsigned char *b1;

		if (s == NULL)
		{
			CHECK(s != NULL);
			continue;
		}
		b = stored(s, &size);
		b1 = stored_v1(s, &size1);
		CHECK(loads_to(b, size, s));
		CHECK(loads_to(b1, size1, s));
		CHECK(size * 3 <= size1);	/* a third of version 1 at most */
		free(b);
		free(b1);
		free(s);
	}
}

/* every prefix and every single-byte change of buf: refused, or read as a value that stores back to the same bytes */
static void
hostile(const unsigned char *buf, size_t size, int *refused, int *bad)
{
	unsigned char *c = malloc(size);

	for (size_t n = 0; n < size; n++)
	{
		unsigned char *cut = malloc(n ? n : 1);
		AbzError	err;
		AbzSpec    *s;

		memcpy(cut, buf, n);
		s = load(cut, n, &err);
		*refused += s == NULL;
		*bad += s != NULL;
		free(s);
		free(cut);
	}
	for (size_t at = 0; at < size; at++)
		for (int x = 1; x < 256; x <<= 1)
		{
			AbzError	err;
			AbzSpec    *s;

			memcpy(c, buf, size);
			c[at] ^= (unsigned char) x;
			s = load(c, size, &err);
			if (s == NULL)
			{
				*refused += 1;
				*bad += err.code != ABZ_ERR_BINARY || err.msg[0] == '\0';
			}
			else if (c[0] == ABZ_SPEC_STORED)
			{
				unsigned char *again = malloc(abz_spec_store_size(s));

				/* accepted: its only stored form is the bytes given */
				*bad += abz_spec_store_size(s) != size ||
					abz_spec_store(s, again) != size || memcmp(again, c, size) != 0;
				free(again);
			}
			free(s);
		}
	free(c);
}

ABZ_SUITE(specstore_hostile)
{
	int			refused = 0;
	int			bad = 0;

	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
	{
		AbzSpec    *s = unit_spec(samples[i].kind, samples[i].text);
		size_t		size;
		unsigned char *b;

		if (s == NULL)
			continue;
		b = stored(s, &size);
		hostile(b, size, &refused, &bad);
		free(b);
		free(s);
	}
	CHECK(bad == 0);
	CHECK(refused > 1000);
}

ABZ_SUITE(specstore_refusals)
{
	AbzSpec    *s = unit_spec(ABZ_KIND_PLAN, "cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)");
	size_t		size;
	unsigned char *b = stored(s, &size);
	unsigned char *c = malloc(size + 1);
	AbzError	err;
	static const unsigned char zero8[8];

	/* a stored slot that is the constant 0: not the one stored form of the value */
	memcpy(c, b, size);
	memcpy(c + 9, zero8, 8);
	CHECK(load(c, size, &err) == NULL && strstr(err.msg, "zero") != NULL);
	/* a mask naming slot 11 */
	memcpy(c, b, size);
	c[7] = 0x04;
	CHECK(load(c, size, &err) == NULL && strstr(err.msg, "mask") != NULL);
	/* a byte after the last term */
	memcpy(c, b, size);
	c[size] = 0;
	CHECK(load(c, size + 1, &err) == NULL && strstr(err.msg, "follow") != NULL);
	/* 65 terms */
	memcpy(c, b, size);
	c[2] = 65;
	CHECK(load(c, size, &err) == NULL && strstr(err.msg, "more than 64") != NULL);
	/* an unknown version, and none at all */
	c[0] = 3;
	CHECK(load(c, size, &err) == NULL && strstr(err.msg, "version 3") != NULL);
	CHECK(load(c, 0, &err) == NULL);
	free(c);
	free(b);
	free(s);
}
