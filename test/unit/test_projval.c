/*
 * test_projval.c — the aibiz.projection value without a server: building
 * from synthetic months, exact and order-independent addition, canonical
 * text round trips, strict validation and the summaries.
 */
#include <stdlib.h>

#include "projval.h"
#include "unit_econ.h"
#include "unit.h"

/* the parser's last allocation, freed by the test when parsing fails */
static void *last_alloc;

/* zeroed allocation for the parser */
static void *
zalloc(size_t n)
{
	last_alloc = calloc(1, n);
	return last_alloc;
}

/* synthetic months: value of field f in month t is seed + t + f/8 (exact in Q95.32) */
static void
fill_months(AbzMonth *m, int h, double seed)
{
	int			t;
	int			f;

	for (t = 0; t < h; t++)
		for (f = 0; f < ABZ_MONTH_NFIELDS; f++)
			m[t].v[f] = seed + (t + 1) + f / 8.0;
}

/* a built projection of horizon h (caller frees) */
static AbzProj *
make(int h, double seed, int launch)
{
	AbzMonth   *m = calloc((size_t) h, sizeof(AbzMonth));
	AbzProj    *p = calloc(1, ABZ_PROJ_SIZE(h));
	AbzError	err;

	fill_months(m, h, seed);
	if (!abz_proj_build(p, h, launch, m, seed * 10, &err))
	{
		free(p);
		p = NULL;
	}
	free(m);
	return p;
}

/* text of p (caller frees) */
static char *
text_of(const AbzProj *p)
{
	size_t		n = abz_proj_format(p, NULL, 0);
	char	   *s = malloc(n + 1);

	abz_proj_format(p, s, n + 1);
	return s;
}

/* parse a NUL-terminated string */
static AbzProj *
parse(const char *s, AbzError *err)
{
	AbzProj    *p;

	last_alloc = NULL;
	p = abz_proj_parse(s, strlen(s), zalloc, err);
	if (p == NULL)
		free(last_alloc);
	return p;
}

/* building from months: values, header, overflow of a single value */
ABZ_SUITE(projval_build)
{
	AbzProj    *p = make(3, 1.0, 2);
	AbzMonth	m[1];
	AbzProj    *q = calloc(1, ABZ_PROJ_SIZE(1));
	AbzError	err;

	CHECK(p != NULL);
	CHECK(p->version == ABZ_PROJ_VERSION && p->horizon == 3 && p->members == 1 && p->launch == 2);
	/* month 2, field 3 = 1 + 2 + 3/8 = 3.375; npv = 10 */
	CHECK(abz_proj_value(p, 2, 3) == 3.375);
	CHECK(abz_proj_npv(p) == 10.0);
	/* raw: 3.375 * 2^32 = 14495514624 */
	CHECK(abz_proj_fixed(p, 2, 3) == (abz_fixed) 14495514624LL);
	CHECK(ABZ_PROJ_SIZE(3) == 40 + 3 * ABZ_MONTH_NFIELDS * 16);

	/* not finite or too large: overflow naming the field and month */
	memset(m, 0, sizeof(m));
	m[0].v[ABZ_M_CASH] = 1e300;
	CHECK(!abz_proj_build(q, 1, 1, m, 0, &err));
	CHECK(err.code == ABZ_ERR_OVERFLOW);
	CHECK(strstr(err.msg, "cash of month 1") != NULL);
	m[0].v[ABZ_M_CASH] = 0;
	CHECK(!abz_proj_build(q, 1, 1, m, NAN, &err));
	CHECK(err.code == ABZ_ERR_OVERFLOW && strstr(err.msg, "npv") != NULL);
	/* 2^93 fits (raw 2^125), 2^94 does not (raw 2^126 is the exclusive limit) */
	m[0].v[0] = ldexp(1.0, 93);
	CHECK(abz_proj_build(q, 1, 1, m, 0, &err));
	m[0].v[0] = ldexp(1.0, 94);
	CHECK(!abz_proj_build(q, 1, 1, m, 0, &err));
	free(p);
	free(q);
}

/* exact, order-independent addition; horizon mismatch; overflow */
ABZ_SUITE(projval_add)
{
	AbzProj    *a = make(4, 0.1, 3);
	AbzProj    *b = make(4, 0.2, 1);
	AbzProj    *c = make(4, 1e9 + 0.3, 2);
	AbzProj    *x = make(4, 0.1, 3);
	AbzProj    *y = make(4, 1e9 + 0.3, 2);
	AbzProj    *other = make(5, 0.0, 1);
	AbzError	err;
	abz_fixed	fa,
				fb,
				fc;

	fa = abz_proj_fixed(a, 2, 5);
	fb = abz_proj_fixed(b, 2, 5);
	fc = abz_proj_fixed(c, 2, 5);
	/* (a + b) + c */
	CHECK(abz_proj_add(a, b, &err));
	CHECK(abz_proj_add(a, c, &err));
	/* (c + b) + a in another order */
	CHECK(abz_proj_add(y, b, &err));
	CHECK(abz_proj_add(y, x, &err));
	CHECK(memcmp(a, y, ABZ_PROJ_SIZE(4)) == 0);
	/* the sum is the integer sum of the fixed values */
	CHECK(abz_proj_fixed(a, 2, 5) == fa + fb + fc);
	CHECK(a->members == 3 && a->launch == 1);

	/* different horizons: a clear error naming both, accumulator untouched */
	memcpy(x, a, ABZ_PROJ_SIZE(4));
	CHECK(!abz_proj_add(a, other, &err));
	CHECK(err.code == ABZ_ERR_DOMAIN);
	CHECK_STR(err.msg, "cannot add projections of different horizons (4 and 5 months)");
	CHECK(memcmp(a, x, ABZ_PROJ_SIZE(4)) == 0);

	/* overflow: 2^93 + 2^93 = 2^94 leaves the stored range */
	{
		AbzMonth	m[1];
		AbzProj    *p = calloc(1, ABZ_PROJ_SIZE(1));
		AbzProj    *q = calloc(1, ABZ_PROJ_SIZE(1));

		memset(m, 0, sizeof(m));
		m[0].v[ABZ_M_REVENUE] = ldexp(1.0, 93);
		CHECK(abz_proj_build(p, 1, 1, m, 0, &err));
		CHECK(abz_proj_build(q, 1, 1, m, 0, &err));
		CHECK(!abz_proj_add(p, q, &err));
		CHECK(err.code == ABZ_ERR_OVERFLOW);
		CHECK(strstr(err.msg, "revenue of month 1") != NULL);
		free(p);
		free(q);
	}
	free(a);
	free(b);
	free(c);
	free(x);
	free(y);
	free(other);
}

/* canonical text round trip and strict parsing */
ABZ_SUITE(projval_text)
{
	AbzProj    *p = make(2, -3.5, 1);
	AbzProj    *q;
	AbzError	err;
	char	   *s;
	char		small[8];
	size_t		n;
	char		buf[2048];
	char		one[1024];
	int			f;

	s = text_of(p);
	/* header and the first numbers: npv = -35 -> -35 * 2^32; month 1 field 0 = -2.5 */
	CHECK(strncmp(s, "v1;h=2;n=1;l=1;npv=-150323855360;-10737418240,", 46) == 0);
	q = parse(s, &err);
	CHECK(q != NULL);
	CHECK(q && memcmp(p, q, ABZ_PROJ_SIZE(2)) == 0);
	CHECK(strlen(s) < abz_proj_text_max(2));
	n = abz_proj_format(p, small, sizeof(small));
	CHECK(n == strlen(s));
	CHECK_STR(small, "v1;h=2;");
	free(q);
	free(s);

	/* a hand-written horizon-1 value with all 17 fields */
	strcpy(one, "v1;h=1;n=7;l=5;npv=4294967296;0");
	for (f = 1; f < ABZ_MONTH_NFIELDS; f++)
		strcat(one, ",-1");
	q = parse(one, &err);
	CHECK(q != NULL);
	if (q)
	{
		CHECK(q->members == 7 && q->launch == 5 && abz_proj_npv(q) == 1.0);
		CHECK(abz_proj_value(q, 1, ABZ_M_CASH) == ldexp(-1.0, -32));
		abz_proj_format(q, buf, sizeof(buf));
		CHECK_STR(buf, one);
		free(q);
	}

	/* strictness */
#define BAD(text, code_) do { \
		AbzProj *r_ = parse(text, &err); \
		CHECK(r_ == NULL && err.code == (code_)); \
		free(r_); } while (0)
	BAD("", ABZ_ERR_SYNTAX);
	BAD("v3;h=1;n=1;l=1;npv=0;0", ABZ_ERR_DOMAIN);
	CHECK(strstr(err.msg, "unsupported version 3") != NULL);
	BAD("v1;h=0;n=1;l=1;npv=0", ABZ_ERR_DOMAIN);
	BAD("v1;h=601;n=1;l=1;npv=0", ABZ_ERR_LIMIT);
	BAD("v1;h=99999999999999999999;n=1", ABZ_ERR_DOMAIN);
	BAD("v1;h=01;n=1;l=1;npv=0", ABZ_ERR_SYNTAX);
	BAD("v1;h=1;n=0;l=1;npv=0", ABZ_ERR_DOMAIN);
	BAD("v1;h=1;n=1;l=0;npv=0", ABZ_ERR_DOMAIN);
	BAD("v1;h=1;n=1;l=601;npv=0", ABZ_ERR_DOMAIN);
	BAD("v1;h=1;n=1;l=1;npv=-0", ABZ_ERR_SYNTAX);
	BAD("v1;h=1;n=1;l=1;npv=007", ABZ_ERR_SYNTAX);
	/* too short for the horizon: rejected before allocating */
	BAD("v1;h=600;n=1;l=1;npv=0;0", ABZ_ERR_SYNTAX);
	CHECK(strstr(err.msg, "too short") != NULL);
	/* one field missing, one too many, trailing blank, a space inside */
	strcpy(buf, one);
	*strrchr(buf, ',') = '\0';
	BAD(buf, ABZ_ERR_SYNTAX);
	snprintf(buf, sizeof(buf), "%s,0", one);
	BAD(buf, ABZ_ERR_SYNTAX);
	snprintf(buf, sizeof(buf), "%s ", one);
	BAD(buf, ABZ_ERR_SYNTAX);
	snprintf(buf, sizeof(buf), "v1;h=1;n=7;l=5;npv= 1%s", one + 20);
	BAD(buf, ABZ_ERR_SYNTAX);
	/* 2^126 = 85070591730234615865843651857942052864 is outside the stored range */
	snprintf(buf, sizeof(buf), "v1;h=1;n=7;l=5;npv=85070591730234615865843651857942052864%s", one + 29);
	BAD(buf, ABZ_ERR_DOMAIN);
	snprintf(buf, sizeof(buf), "v1;h=1;n=7;l=5;npv=-85070591730234615865843651857942052863%s", one + 29);
	q = parse(buf, &err);
	CHECK(q != NULL);
	free(q);
	/* not NUL-terminated: the parser stops at len */
	last_alloc = NULL;
	q = abz_proj_parse(one, strlen(one) - 1, zalloc, &err);
	CHECK(q == NULL && err.code == ABZ_ERR_SYNTAX);
	free(last_alloc);
	free(p);
#undef BAD
}

/* validation of raw values as binary input sees them */
ABZ_SUITE(projval_validate)
{
	AbzProj    *p = make(2, 1.0, 1);
	AbzError	err;

	CHECK(abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err));
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2) - 16, &err) && err.code == ABZ_ERR_BINARY);
	CHECK(!abz_proj_validate(p, 10, &err) && err.code == ABZ_ERR_BINARY);
	p->pad = 1;
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err) && err.code == ABZ_ERR_BINARY);
	p->pad = 0;
	p->version = 9;
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err) && err.code == ABZ_ERR_BINARY);
	p->version = ABZ_PROJ_VERSION;
	p->members = 0;
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err) && err.code == ABZ_ERR_DOMAIN);
	p->members = 1;
	p->v[5] = abz_proj_store(ABZ_PROJ_FIXED_LIMIT);
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err) && err.code == ABZ_ERR_DOMAIN);
	p->v[5] = abz_proj_store(-ABZ_PROJ_FIXED_LIMIT + 1);
	CHECK(abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err));
	p->horizon = 601;
	CHECK(!abz_proj_validate(p, ABZ_PROJ_SIZE(2), &err) && err.code == ABZ_ERR_LIMIT);
	free(p);
}

/* breakeven, runway and the totals of a summary */
ABZ_SUITE(projval_summary)
{
	/* 5 months: cash_flow -30, -10, 0, 20, -5; cash 70, 60, 60, 80, -1; revenue 1..5 */
	static const double flow[5] = {-30, -10, 0, 20, -5};
	static const double cash[5] = {70, 60, 60, 80, -1};
	AbzMonth	m[5];
	AbzProj    *p = calloc(1, ABZ_PROJ_SIZE(5));
	AbzProjSummary s;
	AbzError	err;
	int			t;

	memset(m, 0, sizeof(m));
	for (t = 0; t < 5; t++)
	{
		m[t].v[ABZ_M_CASH_FLOW] = flow[t];
		m[t].v[ABZ_M_CASH] = cash[t];
		m[t].v[ABZ_M_REVENUE] = t + 1;
		m[t].v[ABZ_M_OPEX] = 2;
		m[t].v[ABZ_M_MARKETING] = 0.5;
		m[t].v[ABZ_M_ACCOUNTS] = 10 * (t + 1);
	}
	CHECK(abz_proj_build(p, 5, 1, m, 12.25, &err));
	CHECK(abz_proj_breakeven(p) == 3);		/* F_3 = 0 counts */
	CHECK(abz_proj_runway(p) == 5);
	p->launch = 4;
	CHECK(abz_proj_breakeven(p) == 4);		/* months before launch do not count */
	p->launch = 5;
	CHECK(abz_proj_breakeven(p) == 0);
	p->launch = 1;
	CHECK(abz_proj_summarise(p, &s, &err));
	CHECK(s.breakeven == 3 && s.runway == 5);
	CHECK(s.npv == 12.25);
	CHECK(s.arr == 60.0);				/* 12 x 5 */
	CHECK(s.revenue == 15.0);			/* 1+2+3+4+5 */
	CHECK(s.costs == 12.5);				/* 5 x (2 + 0.5) */
	CHECK(s.cash_flow == -25.0);
	CHECK(s.peak_burn == 30.0);
	CHECK(s.min_cash == -1.0 && s.final_cash == -1.0);
	CHECK(s.final_accounts == 50.0);
	free(p);
}

/* the fast conversion agrees with abz_fixed_from_double bit for bit */
ABZ_SUITE(projval_fast_fixed)
{
	static const double fixed_cases[] = {
		0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 1e-12, -1e-12, 1e-300, 5e-324,
		0.5 / 4294967296.0, 1.5 / 4294967296.0, 2.5 / 4294967296.0, -2.5 / 4294967296.0,
		1048576.5, 1048575.5 + 0.5 / 4294967296.0, 1e15, -1e15, 1048576.0 - 1.0 / 4294967296.0,
		1073741823.75, 1073741824.0, 1073741824.0 + 0.5, 2147483648.0, -2147483648.0,
		1e18, 9.2e18, 1e20, -1e20, 1e28, 1.9e28, 2e28, 1e29, INFINITY, -INFINITY, NAN
	};
	uint64_t	state = 88172645463325252ULL;
	int			bad = 0;

	for (size_t i = 0; i < sizeof(fixed_cases) / sizeof(fixed_cases[0]); i++)
	{
		abz_fixed	a = 0,
					b = 0;
		bool		oka = abz_proj_fixed_from_double(fixed_cases[i], &a);
		bool		okb = abz_fixed_from_double(fixed_cases[i], &b) &&
			b > -ABZ_PROJ_FIXED_LIMIT && b < ABZ_PROJ_FIXED_LIMIT;

		if (oka != okb || (oka && a != b))
		{
			fprintf(stderr, "    case %zu: %.17g\n", i, fixed_cases[i]);
			bad++;
		}
	}
	/* random doubles of every magnitude and ties at 2^-33 */
	for (int i = 0; i < 200000; i++)
	{
		double		v;
		abz_fixed	a = 0,
					b = 0;

		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		v = ldexp((double) (state >> 11), (int) (state % 120) - 100);
		if (i % 3 == 0)
			v = ldexp((double) (int64_t) (state >> 20) + 0.5, -32);
		if (i % 2)
			v = -v;
		if (abz_proj_fixed_from_double(v, &a) != abz_fixed_from_double(v, &b) ||
			a != b)
			bad++;
	}
	CHECK(bad == 0);
}

/* parse a value of kind into a static buffer (the suites below use one at a time per kind) */
static AbzSpec *
spec_of(AbzKind kind, const char *text)
{
	static AbzSpec *buf[4];
	AbzError	err;

	if (buf[kind] == NULL)
		buf[kind] = malloc(ABZ_SPEC_MAXSIZE);
	if (!abz_parse(kind, text, strlen(text), buf[kind], &err))
	{
		fprintf(stderr, "    parse error: %s\n", err.msg);
		return NULL;
	}
	return buf[kind];
}

/* unit economics by hand (see test/sql/40_projection.sql for the arithmetic) */
ABZ_SUITE(projval_unit_econ)
{
	AbzUnitEcon ue;
	AbzError	err;
	AbzSpec    *rev = spec_of(ABZ_KIND_REVENUE,
							  "subscription(price=100, seats=2, attach=50%, cost=10, cost_decline=20%)"
							  " + usage(price=0.01, units=1000, price_decline=10%, cost=0.004, cost_decline=50%)"
							  " + advertising(impressions=2000, cpm=5, users=3, fill=50%, cost=0.1)"
							  " + licensing(deals=12, fee=1000)");
	AbzSpec    *plan = spec_of(ABZ_KIND_PLAN,
							   "cash(amount=1M) + team(headcount=1, cost=1) + product(launch=12, churn=5%)"
							   " + marketing(budget=1000, cac=200) + entry(mode=channel, cut=10%)");

	CHECK(rev && plan);
	if (!rev || !plan)
		return;
	CHECK(abz_unit_economics(rev, plan, &ue, &err));
	/* gross 100 + 9 + 15 = 124, x 0.9 = 111.6; cost 8 + 2 + 0.3 = 10.3 */
	CHECK_NEAR(ue.arpa, 111.6, 1e-12);
	CHECK_NEAR(ue.cost_per_account, 10.3, 1e-12);
	CHECK_NEAR(ue.gross_margin, 101.3 / 111.6, 1e-12);
	CHECK_NEAR(ue.ltv, 2026.0, 1e-12);
	CHECK(ue.cac == 200.0);
	CHECK_NEAR(ue.ltv_to_cac, 10.13, 1e-12);
	CHECK_NEAR(ue.payback_months, 200.0 / 101.3, 1e-12);
	CHECK(ue.nulls == 0);
	/* wrong kinds */
	CHECK(!abz_unit_economics(plan, plan, &ue, &err) && err.code == ABZ_ERR_DOMAIN);
	/* no marketing, churn 0 */
	plan = spec_of(ABZ_KIND_PLAN, "cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)");
	CHECK(plan && abz_unit_economics(rev, plan, &ue, &err));
	CHECK(ue.nulls == (ABZ_UE_NO_LTV | ABZ_UE_NO_CAC | ABZ_UE_NO_RATIO | ABZ_UE_NO_PAYBACK));
}

/* the engine's months packed and read back within half a unit of 2^-32 */
ABZ_SUITE(projval_engine)
{
	AbzSpec    *rev = spec_of(ABZ_KIND_REVENUE, "subscription(price=100, cost=3) + usage(price=0.01, units=500)");
	AbzSpec    *risk = spec_of(ABZ_KIND_RISK, "technology(freq=2, loss=1000)");
	AbzSpec    *plan = spec_of(ABZ_KIND_PLAN,
							   "cash(amount=50000) + team(headcount=2, cost=4000) + product(launch=2, churn=3%)"
							   " + marketing(budget=2000, cac=150, organic=20%)");
	AbzMarket	mk = {20000, 0.01, 0.03, 0.38, 0.05};
	AbzModel   *m = malloc(abz_model_size(36));
	AbzMonth	months[36];
	AbzProj    *p = malloc(ABZ_PROJ_SIZE(36));
	AbzError	err;
	double		npv;
	double		worst = 0;

	CHECK(rev && risk && plan);
	if (!rev || !risk || !plan)
		return;
	CHECK(abz_model_prepare(m, rev, risk, plan, &mk, 36, &err));
	CHECK(abz_model_project(m, months, &npv, &err));
	CHECK(abz_proj_build(p, 36, abz_model_launch(m), months, npv, &err));
	CHECK(p->launch == 2);
	for (int t = 1; t <= 36; t++)
		for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
			worst = fmax(worst, fabs(abz_proj_value(p, t, f) - months[t - 1].v[f]));
	CHECK(worst <= ldexp(1.0, -33) * 1.0000001);
	CHECK(fabs(abz_proj_npv(p) - npv) <= ldexp(1.0, -33));
	free(m);
	free(p);
}

/* building agrees with abz_fixed_from_double value by value */
ABZ_SUITE(projval_build_exact)
{
	enum { H = 37 };				/* 629 values: a tail after the groups of eight */
	AbzMonth	m[H];
	AbzProj    *p = malloc(ABZ_PROJ_SIZE(H));
	AbzError	err;
	uint64_t	state = 0x9E3779B97F4A7C15ULL;
	int			bad = 0;
	int			built = 0;

	for (int round = 0; round < 300; round++)
	{
		for (int t = 0; t < H; t++)
			for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
			{
				double		v;

				state ^= state << 13;
				state ^= state >> 7;
				state ^= state << 17;
				/* magnitudes 2^-40 .. 2^29, half of them ties at 2^-33 */
				v = ldexp((double) (state >> 11), (int) (state % 70) - 93);
				if (state & 1)
					v = ldexp((double) (int64_t) (state >> 24) + 0.5, -32);
				if (state & 2)
					v = -v;
				m[t].v[f] = v;
			}
		if (round == 299)
			m[H - 1].v[3] = 1e25;	/* one value for the general path */
		if (!abz_proj_build(p, H, 1, m, 0.0, &err))
		{
			bad++;
			continue;
		}
		built++;
		for (int t = 0; t < H; t++)
			for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
			{
				abz_fixed	x;

				if (!abz_fixed_from_double(m[t].v[f], &x) || x != abz_proj_fixed(p, t + 1, f))
					bad++;
			}
	}
	CHECK(built == 300);
	CHECK(bad == 0);
	free(p);
}

/* mutated text never crashes the parser, and whatever it accepts is canonical */
ABZ_SUITE(projval_text_mutations)
{
	AbzProj    *p = make(3, 12345.678, 2);
	char	   *s = text_of(p);
	size_t		len = strlen(s);
	char	   *buf = malloc(len + 16);
	uint64_t	state = 12345;
	int			accepted = 0;
	int			noncanonical = 0;
	static const char alphabet[] = "0123456789-;,=vhnlpu x";

	for (int i = 0; i < 20000; i++)
	{
		size_t		n = len;
		AbzError	err;
		AbzProj    *q;
		int			edits;

		memcpy(buf, s, len);
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		edits = 1 + (int) (state % 3);
		for (int e = 0; e < edits; e++)
		{
			size_t		at;

			if (n == 0)
				break;
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			at = (size_t) (state >> 8) % n;
			switch (state % 3)
			{
				case 0:			/* replace */
					buf[at] = alphabet[(state >> 40) % (sizeof(alphabet) - 1)];
					break;
				case 1:			/* delete */
					memmove(buf + at, buf + at + 1, n - at - 1);
					n--;
					break;
				default:		/* truncate */
					n = at + 1;
					break;
			}
		}
		last_alloc = NULL;
		q = abz_proj_parse(buf, n, zalloc, &err);
		if (q == NULL)
		{
			free(last_alloc);
			continue;
		}
		accepted++;
		{
			char	   *t = text_of(q);

			if (strlen(t) != n || memcmp(t, buf, n) != 0)
				noncanonical++;
			free(t);
		}
		CHECK(abz_proj_validate(q, abz_proj_size(q), &err));
		free(q);
	}
	CHECK(noncanonical == 0);
	CHECK(accepted > 0);		/* digit replacements keep the value valid */
	free(buf);
	free(s);
	free(p);
}

/*
 * Format 2 (float): a built value keeps the months as they are, denotes their
 * fixed-point conversions (every accessor and the summary agree with the
 * format 1 build), round-trips through text, converts to format 1 exactly
 * as abz_proj_build, and adds like its fixed form in any order.
 */
ABZ_SUITE(projval_float_form)
{
	enum
	{
		H = 7
	};
	AbzMonth	m[H];
	AbzProj    *fx = calloc(1, ABZ_PROJ_SIZE(H));
	AbzProj    *fl = calloc(1, ABZ_PROJ_FLOAT_SIZE(H));
	AbzProj    *cv = calloc(1, ABZ_PROJ_SIZE(H));
	AbzProj    *s1 = calloc(1, ABZ_PROJ_SIZE(H));
	AbzProj    *s2 = calloc(1, ABZ_PROJ_SIZE(H));
	AbzProj    *q;
	AbzProjSummary a,
				b;
	AbzError	err;
	uint64_t	state = 12345;
	char	   *t;
	bool		same = true;

	/* awkward values: thirds, tiny, large, negative, subnormal, -0 */
	for (int i = 0; i < H; i++)
		for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
		{
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			m[i].v[f] = ((double) (state >> 11) / 9007199254740992.0 - 0.3) *
				pow(10.0, (double) (int) (state % 25) - 8) / 3.0;
		}
	m[0].v[0] = 5e-324;
	m[0].v[1] = -0.0;
	m[1].v[2] = 1.9807040628566082e+28;	/* largest float8 below 2^94 */
	CHECK(abz_proj_build(fx, H, 2, m, -1.0 / 3.0, &err));
	CHECK(abz_proj_build_float(fl, H, 2, m, -1.0 / 3.0, &err));
	CHECK(abz_proj_is_float(fl) && !abz_proj_is_float(fx));
	CHECK(abz_proj_size(fl) == 40 + H * ABZ_MONTH_NFIELDS * 8 && abz_proj_size(fx) == ABZ_PROJ_SIZE(H));
	CHECK(memcmp(abz_proj_floats(fl), m, sizeof(m)) == 0);
	CHECK(abz_proj_validate(fl, ABZ_PROJ_FLOAT_SIZE(H), &err));
	CHECK(!abz_proj_validate(fl, ABZ_PROJ_SIZE(H), &err) && err.code == ABZ_ERR_BINARY);
	for (int i = 1; i <= H; i++)
		for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
			same &= abz_proj_fixed(fl, i, f) == abz_proj_fixed(fx, i, f);
	CHECK(same);
	CHECK(abz_proj_npv(fl) == abz_proj_npv(fx));
	CHECK(abz_proj_summarise(fl, &a, &err) && abz_proj_summarise(fx, &b, &err));
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	/* conversion to format 1 is the fixed build */
	abz_proj_to_fixed(cv, fl);
	CHECK(memcmp(cv, fx, ABZ_PROJ_SIZE(H)) == 0);
	/* text round trip, byte for byte and bit for bit (-1/3 needs 16 digits) */
	t = text_of(fl);
	CHECK(strncmp(t, "v2;h=7;n=1;l=2;npv=-0.3333333333333333;5e-324,-0,", 49) == 0);
	q = parse(t, &err);
	CHECK(q != NULL && memcmp(q, fl, ABZ_PROJ_FLOAT_SIZE(H)) == 0);
	if (q)
	{
		char	   *t2 = text_of(q);

		CHECK(strcmp(t, t2) == 0);
		free(t2);
	}
	free(q);
	free(t);
	/* a float member adds its conversion: fx + fl == fx + fx == fl + fx (as fixed) */
	m[1].v[2] = 1e27;			/* twice the largest value would overflow */
	CHECK(abz_proj_build(fx, H, 2, m, -1.0 / 3.0, &err));
	CHECK(abz_proj_build_float(fl, H, 2, m, -1.0 / 3.0, &err));
	memcpy(s1, fx, ABZ_PROJ_SIZE(H));
	CHECK(abz_proj_add(s1, fl, &err));
	memcpy(s2, fx, ABZ_PROJ_SIZE(H));
	CHECK(abz_proj_add(s2, fx, &err));
	CHECK(memcmp(s1, s2, ABZ_PROJ_SIZE(H)) == 0);
	abz_proj_to_fixed(s2, fl);
	CHECK(abz_proj_add(s2, fx, &err));
	CHECK(memcmp(s1, s2, ABZ_PROJ_SIZE(H)) == 0 && s1->members == 2);
	/* a float accumulator is refused */
	CHECK(!abz_proj_add(fl, fx, &err) && err.code == ABZ_ERR_DOMAIN);
	/* out of range: 2^94, NaN */
	m[3].v[4] = 0x1p94;
	CHECK(!abz_proj_build_float(fl, H, 2, m, 0, &err) && err.code == ABZ_ERR_OVERFLOW);
	CHECK(strstr(err.msg, abz_month_names[4]) != NULL && strstr(err.msg, "month 4") != NULL);
	m[3].v[4] = 0;
	CHECK(!abz_proj_build_float(fl, H, 2, m, NAN, &err) && err.code == ABZ_ERR_OVERFLOW);
	/* nonzero bytes after the float npv are refused */
	CHECK(abz_proj_build_float(fl, H, 2, m, 1, &err));
	fl->npv.fix.hi = 1;
	CHECK(!abz_proj_validate(fl, ABZ_PROJ_FLOAT_SIZE(H), &err) && err.code == ABZ_ERR_BINARY);
	free(fx);
	free(fl);
	free(cv);
	free(s1);
	free(s2);
}
