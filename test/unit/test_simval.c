/*
 * test_simval.c — unit tests of the simulation value: layout and limits,
 * type-7 quantiles, building from synthetic trials, validation, binary and
 * text round trips, the exact, order-independent portfolio sum, and the
 * driver over a real model (determinism, ticks).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "simulate.h"
#include "simval.h"
#include "unit.h"

/* a small deterministic generator for synthetic data (not the product's rng) */
static uint64_t
lcg(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 11;
}

/* uniform in [0,1) from lcg */
static double
lcg_unit(uint64_t *s)
{
	return (double) lcg(s) / 9007199254740992.0;
}

/* compare for qsort */
static int
cmp_d(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* reference type-7 quantile on a sorted copy, written as percentile_cont does */
static double
ref_q7(const double *x, size_t n, double p)
{
	double	   *s = malloc(n * sizeof(double));
	double		h = p * (double) (n - 1);
	size_t		f = (size_t) floor(h),
				c = (size_t) ceil(h);
	double		r;

	memcpy(s, x, n * sizeof(double));
	qsort(s, n, sizeof(double), cmp_d);
	r = f == c ? s[f] : s[f] + (h - (double) f) * (s[c] - s[f]);
	free(s);
	return r;
}

ABZ_SUITE(simval_quantile)
{
	double		x4[] = {4, 1, 3, 2};
	double		one[] = {7};
	double		q;
	uint64_t	s = 1;

	/* sorted 1,2,3,4: h = 0.5*3 = 1.5 -> 2 + 0.5*(3-2) = 2.5 */
	q = abz_quantile7(x4, 4, 0.5);
	CHECK(q == 2.5);
	/* h = 0.05*3 = 0.15 -> 1 + 0.15*(2-1) = 1.15 */
	q = abz_quantile7(x4, 4, 0.05);
	CHECK_NEAR(q, 1.15, 1e-15);
	CHECK(abz_quantile7(x4, 4, 0.0) == 1);
	CHECK(abz_quantile7(x4, 4, 1.0) == 4);
	CHECK(abz_quantile7(one, 1, 0.3) == 7);

	/* random arrays with many ties (like dead companies' zero revenue) against a sort */
	for (int round = 0; round < 40; round++)
	{
		size_t		n = 1 + lcg(&s) % 3000;
		double	   *x = malloc(n * sizeof(double));
		double	   *y = malloc(n * sizeof(double));
		double		ps[] = {0, 0.05, 0.5, 0.95, 1};
		double		out[5];
		int			bad = 0;

		for (size_t i = 0; i < n; i++)
			x[i] = (round % 3 == 0) ? (double) (lcg(&s) % 4) :
				(round % 3 == 1) ? (double) i : lcg_unit(&s) * 100 - 50;
		memcpy(y, x, n * sizeof(double));
		abz_quantiles7(y, n, ps, 5, out);
		for (int k = 0; k < 5; k++)
			if (out[k] != ref_q7(x, n, ps[k]))
				bad++;
		CHECK(bad == 0);
		free(x);
		free(y);
	}
}

ABZ_SUITE(simval_layout)
{
	AbzSimLayout L;
	AbzError	err;

	CHECK(abz_sim_layout(1000, 60, true, &L, &err));
	/*
	 * header 40, version 2 block 160, summary 64 (8 fields of 8 bytes), per
	 * month 8 + 16 + 16, categories 8*(8+16), quantiles 2*60*5*8, then per
	 * trial 3*16 + 2 + 2 (int16 arrays padded to 8: 2000 each), then the
	 * equity view: per trial 3*16 (no slots)
	 */
	CHECK(L.size == 40 + 160 + 64 + 48000 + 2000 + 2000 + 60 * 40 + 8 * 24 + 2 * 60 * 5 * 8 + 48000);
	/* the prefixes: summary ends at 264; the months at 264 + 2400 + 192 + 4800 = 7656 */
	CHECK(L.summary == 200 && L.alive == 264 && L.npv == 7656);
	CHECK(L.wire == 36 + 160 + 52000 + 60 * 40 + 8 * 24 + 2 * 60 * 5 * 8 + 48000);
	CHECK(!abz_sim_layout(0, 60, true, &L, &err) && err.code == ABZ_ERR_DOMAIN);
	CHECK(!abz_sim_layout(10, 601, true, &L, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(!abz_sim_layout(10, 0, true, &L, &err) && err.code == ABZ_ERR_DOMAIN);
	/* 100 bytes per trial: 10M trials are about 1.0 GB binary, 1.33 GB as text */
	CHECK(!abz_sim_layout(10000000, 60, true, &L, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(abz_sim_layout(8000000, 600, true, &L, &err));
	CHECK(!abz_sim_layout(INT32_MAX, 600, true, &L, &err) && err.code == ABZ_ERR_LIMIT);
	/* quantile trials: min(trials, 4e6 / horizon) */
	CHECK(abz_sim_qtrials(100000, 600) == 6666);
	CHECK(abz_sim_qtrials(1000, 60) == 1000);
	CHECK(abz_sim_qtrials(1000000, 60) == 66666);
}

/* a synthetic trial i of a simulation "k" */
static void
synth_trial(int k, int i, int H, AbzTrial *t, double *rev, double *cash)
{
	memset(t, 0, sizeof(*t));
	t->npv = (i % 7) * 1000.5 - 2000 + k * 0.1;
	t->arr = (i % 3) * 12.25;
	t->death_month = (i % 4 == 0) ? 1 + (i / 4 + k) % H : 0;
	t->breakeven_month = (i % 5 == 0) ? 0 : 1 + (i + k) % H;
	t->events[ABZ_RISK_REGULATION] = (uint32_t) (i % 3);
	t->loss[ABZ_RISK_REGULATION] = (i % 3) * 1000.0;
	t->events[ABZ_RISK_TEAM] = 1;
	t->loss[ABZ_RISK_TEAM] = 0.1;
	t->risk_loss = t->loss[ABZ_RISK_REGULATION] + t->loss[ABZ_RISK_TEAM];
	for (int m = 0; m < H; m++)
	{
		int			dead = t->death_month > 0 && m + 1 >= t->death_month;

		rev[m] = dead ? 0 : (m + 1) * 10.0 + i;
		cash[m] = dead ? -5 : 1000 - 3.0 * m + i * 0.5;
	}
}

/* build a simulation of trials synthetic trials; caller frees */
static AbzSimHeader *
synth_sim(int k, int32_t trials, int32_t H, int64_t seed, AbzSimLayout *L)
{
	AbzError	err;
	AbzSimBuilder b;
	AbzTrial	t;
	void	   *value,
			   *scratch;

	if (!abz_sim_layout(trials, H, true, L, &err))
		return NULL;
	value = calloc(1, L->size);
	scratch = malloc(abz_sim_builder_scratch(trials, H));
	abz_sim_builder_init(&b, value, L, scratch, trials, H, 1, seed, unit_sim_ext(trials));
	for (int i = 0; i < trials; i++)
	{
		synth_trial(k, i, H, &t, b.revenue, b.cash);
		if (!abz_sim_builder_add(&b, &t, &err))
			abort();
	}
	if (!abz_sim_builder_finish(&b, NULL, NULL, NULL, &err))
		abort();
	free(scratch);
	return value;
}

ABZ_SUITE(simval_build)
{
	AbzSimLayout L;
	AbzSimView	v;
	AbzError	err;
	AbzSimHeader *h = synth_sim(0, 20, 5, 42, &L);
	double		npv[20];
	double		col[20];
	double		mean = 0;

	CHECK(h != NULL);
	CHECK(abz_sim_validate(h, L.size, &err));
	abz_sim_view(h, &L, &v);
	CHECK(h->trials == 20 && h->horizon == 5 && h->members == 1 && h->seed == 42);
	CHECK(h->qtrials == 20 && (h->flags & ABZ_SIM_HAS_QUANTILES));

	/*
	 * deaths: trials 0,4,8,12,16 die in months 1,2,3,4,5 (1 + i/4), so alive
	 * at month m is 20 - m
	 */
	for (int m = 0; m < 5; m++)
		CHECK(v.alive[m] == 20 - (m + 1));
	CHECK(abz_sim_survival(h, 0) == 1.0);
	CHECK(abz_sim_survival(h, 5) == 15.0 / 20.0);
	/* breakeven: all trials but multiples of 5 (0,5,10,15) -> 16/20 */
	CHECK(abz_sim_breakeven_probability(h) == 0.8);
	/* events: regulation i%3 over 20 trials = 7*0 + 7*1 + 6*2 = 19; team 20 */
	CHECK(v.events[ABZ_RISK_REGULATION] == 19);
	CHECK(v.events[ABZ_RISK_TEAM] == 20);
	CHECK(abz_fixed_to_double(abz_sim_fx(v.cat_loss, ABZ_RISK_REGULATION)) == 19000.0);

	/* NPV mean against a direct double sum (all values exact in binary) */
	abz_sim_trial_values(h, 0, npv);
	for (int i = 0; i < 20; i++)
		mean += npv[i];
	CHECK(abz_sim_trial_mean(h, 0) == mean / 20);
	CHECK(npv[3] == 3 * 1000.5 - 2000);

	/* monthly revenue sum at month 3: alive trials pay 30 + i */
	{
		double		sum = 0;

		for (int i = 0; i < 20; i++)
			if (!(i % 4 == 0 && 3 >= 1 + i / 4))
				sum += 30 + i;
		CHECK(abz_fixed_to_double(abz_sim_fx(v.rev_sum, 2)) == sum);
	}
	/* month-3 quantiles against the reference */
	for (int i = 0; i < 20; i++)
	{
		AbzTrial	t;
		double		rev[5],
					cash[5];

		synth_trial(0, i, 5, &t, rev, cash);
		col[i] = cash[2];
	}
	for (int k = 0; k < ABZ_SIM_NQ; k++)
		CHECK(v.cash_q[2 * ABZ_SIM_NQ + k] == ref_q7(col, 20, abz_sim_levels[k]));
	free(h);
}

/* add one trial whose npv (or month-2 cash) is v; the error message */
static void
bad_trial(double npv, double cash2, char *msg, size_t size)
{
	AbzSimLayout L;
	AbzSimBuilder b;
	AbzTrial	t;
	AbzError	err;
	void	   *value,
			   *scratch;

	msg[0] = '\0';
	if (!abz_sim_layout(1, 3, true, &L, &err))
		return;
	value = calloc(1, L.size);
	scratch = malloc(abz_sim_builder_scratch(1, 3));
	abz_sim_builder_init(&b, value, &L, scratch, 1, 3, 1, 1, unit_sim_ext(1));
	synth_trial(0, 1, 3, &t, b.revenue, b.cash);
	t.npv = npv;
	b.cash[1] = cash2;
	if (!abz_sim_builder_add(&b, &t, &err))
		snprintf(msg, size, "%s", err.msg);
	free(scratch);
	free(value);
}

ABZ_SUITE(simval_nonfinite_messages)
{
	char		msg[256];

	/* NaN, Infinity and -Infinity as PostgreSQL prints float8, whatever the sign of a NaN */
	bad_trial(-NAN, 0, msg, sizeof(msg));
	CHECK_STR(msg, "simulation trial 0: npv is not a finite number (NaN)");
	bad_trial(NAN, 0, msg, sizeof(msg));
	CHECK_STR(msg, "simulation trial 0: npv is not a finite number (NaN)");
	bad_trial(-INFINITY, 0, msg, sizeof(msg));
	CHECK_STR(msg, "simulation trial 0: npv is not a finite number (-Infinity)");
	/* a finite number beyond the fixed-point range keeps its value */
	bad_trial(1e300, 0, msg, sizeof(msg));
	CHECK_STR(msg, "simulation trial 0: npv 1e+300 is out of range");
	bad_trial(0, INFINITY, msg, sizeof(msg));
	CHECK_STR(msg, "simulation trial 0, month 2: revenue 21 or cash Infinity is out of range");
	{
		char		buf[ABZ_NUM_TEXT];

		CHECK_STR(abz_num_text(-NAN, buf), "NaN");
		CHECK_STR(abz_num_text(INFINITY, buf), "Infinity");
		CHECK_STR(abz_num_text(-INFINITY, buf), "-Infinity");
		CHECK_STR(abz_num_text(-2.5e-7, buf), "-2.5e-07");
	}
}

ABZ_SUITE(simval_validate)
{
	AbzSimLayout L;
	AbzSimView	v;
	AbzError	err;
	AbzSimHeader *h = synth_sim(0, 16, 4, 1, &L);
	unsigned char *copy = malloc(L.size);

	abz_sim_view(h, &L, &v);
#define CORRUPT(stmt) do { memcpy(copy, h, L.size); \
	{ AbzSimHeader *c = (AbzSimHeader *) copy; AbzSimView cv; abz_sim_view(c, &L, &cv); (void) cv; stmt; \
	  CHECK(!abz_sim_validate(c, L.size, &err) && err.code == ABZ_ERR_BINARY); } } while (0)

	CHECK(abz_sim_validate(h, L.size, &err));
	CHECK(!abz_sim_validate(h, L.size - 8, &err));
	CORRUPT(c->version = 4);
	CORRUPT(c->version = 2);	/* a version 2 value is smaller (no summary) */
	CORRUPT(c->version = 1);	/* a version 1 value is smaller */
	CORRUPT(cv.sum->npv_mean = nextafter(cv.sum->npv_mean, 1e300));
	CORRUPT(cv.sum->npv_sd = 0);
	CORRUPT(cv.sum->breakeven++);
	CORRUPT(cv.sum->failed++);
	CORRUPT(cv.sum->npv_max = cv.sum->npv_max + 1);
	CORRUPT(c->flags |= 0x80);
	CORRUPT(c->flags &= ~ABZ_SIM_HAS_QUANTILES);
	CORRUPT(c->members = 0);
	CORRUPT(c->qtrials = 3);
	CORRUPT(c->launch = 0);
	CORRUPT(c->pad = 1);
	CORRUPT(cv.death[3] = 5);
	CORRUPT(cv.death[3] = -1);
	CORRUPT(cv.breakeven[2] = 99);
	CORRUPT(cv.alive[1] = cv.alive[0] + 1);
	CORRUPT(cv.alive[0] = 17);
	CORRUPT(cv.death[1] = 2);	/* alive counts no longer match the deaths */
	CORRUPT(cv.events[0] = -1);
	CORRUPT(abz_sim_set_fx(cv.loss, 0, -1));
	CORRUPT(cv.rev_q[1] = cv.rev_q[0] - 1);
	CORRUPT(cv.cash_q[4] = NAN);
	free(copy);
	free(h);
}

ABZ_SUITE(simval_wire_text)
{
	AbzSimLayout L,
				L2;
	AbzError	err;
	AbzSimHeader *h = synth_sim(3, 37, 7, -9, &L);
	unsigned char *wire = malloc(L.wire);
	void	   *back = calloc(1, L.size);
	char	   *text = malloc(L.text + 1);
	size_t		tl;

	abz_sim_to_wire(h, wire);
	CHECK(wire[0] == ABZ_SIM_VERSION);
	CHECK(abz_sim_wire_layout(wire, L.wire, &L2, &err) && L2.size == L.size);
	CHECK(abz_sim_from_wire(wire, L.wire, back, &L2, &err));
	CHECK(memcmp(back, h, L.size) == 0);
	CHECK(!abz_sim_wire_layout(wire, L.wire - 1, &L2, &err) && err.code == ABZ_ERR_BINARY);
	CHECK(!abz_sim_wire_layout(wire, 10, &L2, &err) && err.code == ABZ_ERR_BINARY);
	wire[0] = 9;
	CHECK(!abz_sim_wire_layout(wire, L.wire, &L2, &err) && err.code == ABZ_ERR_BINARY);
	wire[0] = ABZ_SIM_VERSION;
	/* a binary header claiming 2^31-1 trials is refused as a limit before allocating */
	{
		unsigned char big[36 + 160];

		memcpy(big, wire, sizeof(big));
		big[8] = 0x7f;
		big[9] = big[10] = big[11] = 0xff;
		CHECK(!abz_sim_wire_layout(big, sizeof(big), &L2, &err) && err.code == ABZ_ERR_LIMIT);
		/* a version 2 header without its block is truncated */
		CHECK(!abz_sim_wire_layout(big, 36, &L2, &err) && err.code == ABZ_ERR_BINARY);
	}

	tl = abz_sim_format(h, &L, text);
	CHECK(tl == strlen(text) && tl <= L.text);
	CHECK(strncmp(text, "simulation v3 trials=37 horizon=7 members=1 seed=-9 slots=0 data=", 65) == 0);
	memset(back, 0xAA, L.size);
	CHECK(abz_sim_text_layout(text, tl, &L2, &err) && L2.size == L.size);
	CHECK(abz_sim_parse(text, tl, wire, back, &L2, &err));
	CHECK(memcmp(back, h, L.size) == 0);
	/* the text of the parsed value is the same text */
	{
		char	   *again = malloc(L.text + 1);

		abz_sim_format(back, &L, again);
		CHECK_STR(again, text);
		free(again);
	}
	/* malformed texts */
	{
		char	   *bad = malloc(tl + 1);

		memcpy(bad, text, tl + 1);
		bad[tl - 10] = '*';
		CHECK(!abz_sim_parse(bad, tl, wire, back, &L2, &err) && err.code == ABZ_ERR_SYNTAX);
		CHECK(!abz_sim_parse(text, tl - 4, wire, back, &L2, &err) && err.code == ABZ_ERR_SYNTAX);
		memcpy(bad, text, tl + 1);
		bad[strlen("simulation v1 trials=37 horizon=7 members=1 seed=-")] = '8';
		CHECK(!abz_sim_parse(bad, tl, wire, back, &L2, &err) && err.code == ABZ_ERR_SYNTAX);
		CHECK(!abz_sim_text_layout("simulation v1 trials=037 horizon=7", 34, &L2, &err));
		CHECK(!abz_sim_text_layout("garbage", 7, &L2, &err) && err.code == ABZ_ERR_SYNTAX);
		CHECK(!abz_sim_text_layout("simulation v1 trials=2000000000 horizon=600 members=1 seed=0 data=",
								   66, &L2, &err) && err.code == ABZ_ERR_LIMIT);
		free(bad);
	}
	free(text);
	free(back);
	free(wire);
	free(h);
}

/* a + b into a new value */
static AbzSimHeader *
add_new(const AbzSimHeader *a, const AbzSimHeader *b, AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader *out;

	if (!abz_sim_add_layout(a, b, L, err))
		return NULL;
	out = calloc(1, L->size);
	if (!abz_sim_add(a, b, out, L, err))
	{
		free(out);
		return NULL;
	}
	return out;
}

ABZ_SUITE(simval_add)
{
	AbzSimLayout La,
				L,
				L2;
	AbzError	err;
	AbzSimHeader *a = synth_sim(0, 24, 6, 5, &La);
	AbzSimHeader *b = synth_sim(1, 24, 6, 5, &La);
	AbzSimHeader *c = synth_sim(2, 24, 6, 7, &La);
	AbzSimHeader *ab = add_new(a, b, &L, &err);
	AbzSimHeader *ba = add_new(b, a, &L, &err);
	AbzSimHeader *ab_c = add_new(ab, c, &L, &err);
	AbzSimHeader *bc = add_new(b, c, &L, &err);
	AbzSimHeader *a_bc = add_new(a, bc, &L, &err);
	AbzSimView	va,
				vb,
				vab;

	CHECK(ab && ba && ab_c && a_bc);
	CHECK(memcmp(ab, ba, L.size) == 0);
	CHECK(memcmp(ab_c, a_bc, L.size) == 0);
	CHECK(abz_sim_validate(ab, L.size, &err));
	CHECK(abz_sim_validate(ab_c, L.size, &err));
	CHECK(ab->members == 2 && ab_c->members == 3);
	CHECK(ab->qtrials == 0 && !(ab->flags & ABZ_SIM_HAS_QUANTILES));
	CHECK(ab->seed == 5 && !(ab->flags & ABZ_SIM_MIXED_SEED));
	CHECK(ab_c->seed == 0 && (ab_c->flags & ABZ_SIM_MIXED_SEED));
	/* a portfolio drops the quantiles (2*6*5*8) and adds survivors (6*24*4, 8-aligned) */
	CHECK(L.size == La.size - 2 * 6 * 5 * 8 + 6 * 24 * 4);

	abz_sim_view(a, &La, &va);
	abz_sim_view(b, &La, &vb);
	abz_sim_view(ab, &L, &vab);
	/* trial-wise: npv of trial 3 is (3*1000.5-2000) + (3*1000.5-2000+0.1) */
	CHECK(abz_sim_fx(vab.npv, 3) == abz_sim_fx(va.npv, 3) + abz_sim_fx(vb.npv, 3));
	/* death: first member death; a's trial 4 dies in month 2, b's in month 3 -> 2 */
	CHECK(va.death[4] == 2 && vb.death[4] == 3 && vab.death[4] == 2);
	CHECK(vab.death[1] == 0);
	/* breakeven: last member's; trial 5 never breaks even in a -> 0 */
	CHECK(vab.breakeven[5] == 0);
	CHECK(vab.breakeven[1] == (va.breakeven[1] > vb.breakeven[1] ? va.breakeven[1] : vb.breakeven[1]));
	for (int m = 0; m < 6; m++)
		CHECK(vab.alive[m] == va.alive[m] + vb.alive[m]);
	/* survival is the share of member-trials alive */
	CHECK(abz_sim_survival(ab, 6) == (double) (va.alive[5] + vb.alive[5]) / 48.0);
	/* in place: out aliases a portfolio input */
	CHECK(abz_sim_add(ab, c, ab, &L, &err));
	CHECK(memcmp(ab, ab_c, L.size) == 0);

	/* mismatches */
	{
		AbzSimLayout Ld;
		AbzSimHeader *d = synth_sim(0, 25, 6, 5, &Ld);
		AbzSimHeader *e = synth_sim(0, 24, 7, 5, &Ld);

		CHECK(!abz_sim_add_layout(a, d, &L2, &err) && err.code == ABZ_ERR_DOMAIN);
		CHECK(strstr(err.msg, "24") && strstr(err.msg, "25"));
		CHECK(!abz_sim_add_layout(a, e, &L2, &err) && err.code == ABZ_ERR_DOMAIN);
		free(d);
		free(e);
	}
	/* overflow: a per-trial NPV at 2^126 (raw) twice */
	{
		AbzSimView	vx;
		abz_fixed	big = (abz_fixed) 1 << 126;

		abz_sim_view(a, &La, &vx);
		abz_sim_set_fx(vx.npv, 0, big);
		CHECK(!abz_sim_add_layout(a, a, &L2, &err) || (add_new(a, a, &L2, &err) == NULL &&
													   err.code == ABZ_ERR_OVERFLOW));
	}
	free(a);
	free(b);
	free(c);
	free(ba);
	free(ab_c);
	free(bc);
	free(a_bc);
	free(ab);
}

ABZ_SUITE(simval_exact_order)
{
	/*
	 * 200 simulations whose per-trial values are not binary fractions summed
	 * in two different orders give the same bytes (fixed-point is exact)
	 */
	enum
	{
		N = 200, T = 8, H = 3
	};
	AbzSimLayout L,
				Lp;
	AbzError	err;
	AbzSimHeader *sims[N];
	AbzSimHeader *fwd = NULL,
			   *rev = NULL;

	for (int k = 0; k < N; k++)
		sims[k] = synth_sim(k, T, H, 0, &L);
	for (int k = 0; k < N; k++)
	{
		AbzSimHeader *nf = fwd ? add_new(fwd, sims[k], &Lp, &err) : NULL;
		AbzSimHeader *nr = rev ? add_new(rev, sims[N - 1 - k], &Lp, &err) : NULL;

		if (fwd)
		{
			free(fwd);
			fwd = nf;
			free(rev);
			rev = nr;
		}
		else
		{
			fwd = add_new(sims[0], sims[1], &Lp, &err);
			rev = add_new(sims[N - 1], sims[N - 2], &Lp, &err);
			k++;
		}
	}
	CHECK(fwd && rev && fwd->members == N);
	CHECK(memcmp(fwd, rev, Lp.size) == 0);
	/* mean NPV of the portfolio = sum over k of (mean NPV of k) (to rounding) */
	{
		double		sum = 0;

		for (int k = 0; k < N; k++)
			sum += abz_sim_trial_mean(sims[k], 0);
		CHECK_NEAR(abz_sim_trial_mean(fwd, 0), sum, 1e-12);
	}
	for (int k = 0; k < N; k++)
		free(sims[k]);
	free(fwd);
	free(rev);
}

ABZ_SUITE(simval_stddev)
{
	AbzSimLayout L;
	AbzSimHeader *h = synth_sim(0, 20, 5, 1, &L);
	double		x[20],
				mean = 0,
				ss = 0;

	/* two-pass sample standard deviation of the NPVs (all exact binary values) */
	abz_sim_trial_values(h, 0, x);
	for (int i = 0; i < 20; i++)
		mean += x[i];
	mean /= 20;
	for (int i = 0; i < 20; i++)
		ss += (x[i] - mean) * (x[i] - mean);
	CHECK_NEAR(abz_sim_trial_stddev(h, 0), sqrt(ss / 19), 1e-14);
	free(h);
}

/* polls of the driver's tick while a block of inputs is drawn (tick(NULL)) */
static int	unit_polls = 0;

/* counts the driver's ticks, and its polls apart */

static void
count_tick(void *arg)
{
	if (arg == NULL)
		unit_polls++;
	else
		(*(int *) arg)++;
}

ABZ_SUITE(simval_driver)
{
	AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, "subscription(price=pert(40,50,70), seats=2)");
	AbzSpec    *risk = unit_spec(ABZ_KIND_RISK, "regulation(freq=2, loss=lognormal(50k,20k))");
	AbzSpec    *plan = unit_spec(ABZ_KIND_PLAN,
								  "cash(amount=200k) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=5k, cac=400)");
	AbzMarket	mk = {50000, 0.02, 0.03, 0.4, 0.1};
	AbzSimLayout L;
	AbzSimOptions o9,
				o10;
	bool		conv;
	AbzError	err;
	AbzModel   *m;
	void	   *a,
			   *b,
			   *scratch;
	int			ticks = 0;
	const int	T = 3000,
				H = 36;

	CHECK(rev && risk && plan);
	if (!rev || !risk || !plan)
		return;
	m = malloc(abz_model_size(H));
	CHECK(abz_model_prepare(m, rev, risk, plan, &mk, H, &err));
	o9 = unit_sim_opts(9, T);
	CHECK(abz_sim_layout_for(m, &o9, &L, &err));
	a = calloc(1, L.size);
	b = calloc(1, L.size);
	scratch = malloc(abz_sim_scratch(m, &o9));
	CHECK(abz_simulate(m, &o9, a, &L, scratch, count_tick, &ticks, &conv, &err));
	/* a tick every 32768 / 36 = 910 trials (3 in 3000), and one per month of the quantiles */
	CHECK(abz_sim_tick_every(H) == 910);
	CHECK(ticks == 3 + H);
	CHECK(unit_polls == 0);
	CHECK(abz_sim_validate(a, L.size, &err));
	/*
	 * investor() polls every 1024 trials of its IRR search (at trials 1024
	 * and 2048 of 3000) when the value has equity slots, survivors() once
	 * per month
	 */
	{
		AbzSimInvestor inv;
		double	   *x = malloc(sizeof(double) * T);
		double		(*rows)[6] = malloc(sizeof(double[6]) * H);
		AbzSimView	va;
		AbzSimLayout La;

		CHECK(abz_sim_layout_of(a, &La, &err));
		abz_sim_view(a, &La, &va);
		CHECK(abz_sim_investor(a, x, &inv, count_tick, &err));
		CHECK(unit_polls == (va.ext->nslots > 0 ? 2 : 0));
		unit_polls = 0;
		CHECK(abz_sim_survivors(a, x, rows, count_tick, &err));
		CHECK(unit_polls == H);
		unit_polls = 0;
		free(rows);
		free(x);
	}
	/* the same model and seed give the same bytes, also from a reused model */
	CHECK(abz_simulate(m, &o9, b, &L, scratch, NULL, NULL, &conv, &err));
	CHECK(memcmp(a, b, L.size) == 0);
	/*
	 * Latin hypercube: the block of T = 3000 trials draws every input's
	 * column first; with 3000 draws a column there is no poll (the first at
	 * draw 4096).  Then 9000 trials: a poll at draws 4096 and 8192 of each
	 * of the model's k columns, 2k in all, and the same ticks as ever.
	 */
	{
		AbzSimOptions ol = unit_sim_opts(9, 9000);
		AbzSimLayout Ll;
		void	   *v,
				   *sc;
		int			k = abz_model_nrand(m);

		ol.sampling = ABZ_SAMPLING_LHS;
		CHECK(k > 0);
		CHECK(abz_sim_layout_for(m, &ol, &Ll, &err));
		v = calloc(1, Ll.size);
		sc = malloc(abz_sim_scratch(m, &ol));
		ticks = 0;
		CHECK(abz_simulate(m, &ol, v, &Ll, sc, count_tick, &ticks, &conv, &err));
		CHECK(unit_polls == 2 * k);
		CHECK(ticks == 9 + H);	/* 9000 / 910 = 9 ticks, one per month */
		free(sc);
		free(v);
	}
	/* another seed differs */
	memset(b, 0, L.size);
	o10 = unit_sim_opts(10, T);
	CHECK(abz_simulate(m, &o10, b, &L, scratch, NULL, NULL, &conv, &err));
	CHECK(memcmp(a, b, L.size) != 0);
	/* launch month 2 is recorded; breakeven never precedes it (the validator checks) */
	CHECK(((AbzSimHeader *) a)->launch == 2);
	free(scratch);
	free(a);
	free(b);
	free(m);
	free(rev);
	free(risk);
	free(plan);
}

ABZ_SUITE(simval_mutations)
{
	/*
	 * Random byte changes and truncations of a binary form: decoding either
	 * refuses them or yields a value that passes validation and encodes back
	 * to exactly the bytes read (run under ASan by make unit-asan).
	 */
	AbzSimLayout L;
	AbzSimHeader *h = synth_sim(1, 12, 5, 3, &L);
	unsigned char *wire = malloc(L.wire);
	unsigned char *mut = malloc(L.wire);
	uint64_t	s = 99;
	int			accepted = 0,
				bad = 0;

	abz_sim_to_wire(h, wire);
	for (int round = 0; round < 3000; round++)
	{
		size_t		len = L.wire;
		AbzSimLayout L2;
		AbzError	err;

		memcpy(mut, wire, L.wire);
		mut[lcg(&s) % L.wire] ^= (unsigned char) (1 + lcg(&s) % 255);
		if (round % 10 == 0)
			len = lcg(&s) % L.wire;
		if (abz_sim_wire_layout(mut, len, &L2, &err))
		{
			void	   *v = calloc(1, L2.size);

			if (abz_sim_from_wire(mut, len, v, &L2, &err))
			{
				unsigned char *back = malloc(L2.wire);

				accepted++;
				abz_sim_to_wire(v, back);
				if (!abz_sim_validate(v, L2.size, &err) || memcmp(back, mut, len) != 0)
					bad++;
				free(back);
			}
			free(v);
		}
	}
	/* changes to NPV, cash sums or quantile mantissas are legal values */
	CHECK(accepted > 0);
	CHECK(bad == 0);
	free(mut);
	free(wire);
	free(h);
}

ABZ_SUITE(simval_accessors)
{
	/*
	 * The 20 synthetic trials: NPV (i % 7) * 1000.5 - 2000, so -2000,
	 * -999.5, 1, 1001.5, 2002, 3002.5 three times each and 4003 twice;
	 * risk loss (i % 3) * 1000 + 0.1: 0.1 seven times, 1000.1 seven times,
	 * 2000.1 six times.
	 */
	AbzSimLayout L;
	AbzSimHeader *h = synth_sim(0, 20, 5, 1, &L);
	double		scratch[20],
				var,
				es,
				lo,
				hi,
				loss[3],
				prob[3];
	int64_t		counts[4];

	/* 9 of 20 NPVs are <= 1 */
	CHECK(abz_sim_npv_cdf(h, 1) == 0.45);
	CHECK(abz_sim_npv_cdf(h, -2001) == 0);
	/* level 0.9: Q(0.1) at h = 1.9 between two -2000s; ES the mean of the three -2000s */
	abz_sim_tail_risk(h, 0.9, scratch, &var, &es);
	CHECK(var == 2000 && es == 2000);
	/* level 0.8: Q(0.2) at h = 3.8 between two -999.5s; ES = (3*2000 + 3*999.5)/6 */
	abz_sim_tail_risk(h, 0.8, scratch, &var, &es);
	CHECK(var == 999.5);
	CHECK_NEAR(es, 1499.75, 1e-15);
	/* 2 bins over [-2000, 4003] split at 1001.5: 9 below, 11 from there */
	CHECK(abz_sim_histogram(h, 2, scratch, counts, &lo, &hi) == 2);
	CHECK(lo == -2000 && hi == 4003 && counts[0] == 9 && counts[1] == 11);
	/* 3 points 0, 1000.05, 2000.1: P(loss >= x) = 1, 13/20, 6/20 */
	CHECK(abz_sim_exceedance(h, 3, scratch, loss, prob) == 3);
	/* (the stored losses are 2000.1 rounded to a multiple of 2^-32) */
	CHECK(loss[0] == 0);
	CHECK_NEAR(loss[2], 2000.1, 1e-12);
	CHECK(prob[0] == 1 && prob[1] == 0.65 && prob[2] == 0.3);
	free(h);
}

/*
 * The statistics table on seven synthetic trials with NPV (i % 7) * 1000.5
 * - 2000: -2000, -999.5, 1, 1001.5, 2002, 3002.5, 4003.  By hand: mean
 * 7010.5 / 7 = 1001.5; deviations 1000.5 * (-3..3), so skewness 0, m2 =
 * 1000.5^2 * 28/7, m4 = 1000.5^4 * 196/7, kurtosis (196/7) / (28/7)^2 = 1.75;
 * sd = 1000.5 sqrt(28/6); P25 at h = 1.5: -999.5 + 0.5 * 1000.5 = -499.25;
 * P1 at h = 0.06: -2000 + 0.06 * 1000.5 = -1939.97; P99 at h = 5.94:
 * 3002.5 + 0.94 * 1000.5 = 3942.97; se = sd / sqrt(7).
 */
ABZ_SUITE(simval_statistics)
{
	AbzSimLayout L;
	AbzSimHeader *h = synth_sim(0, 7, 5, 1, &L);
	double		scratch[7];
	AbzSimStats s;

	abz_sim_npv_statistics(h, scratch, &s);
	CHECK(s.trials == 7);
	CHECK(s.mean == 1001.5);
	CHECK_NEAR(s.sd, 1000.5 * sqrt(28.0 / 6.0), 1e-14);
	CHECK(fabs(s.skewness) < 1e-15);
	CHECK_NEAR(s.kurtosis, 1.75, 1e-14);
	CHECK(s.min == -2000 && s.max == 4003);
	CHECK_NEAR(s.pct[0], -1939.97, 1e-12);
	CHECK(s.pct[3] == -499.25);
	CHECK(s.pct[4] == 1001.5);
	CHECK_NEAR(s.pct[8], 3942.97, 1e-12);
	CHECK_NEAR(s.se, s.sd / sqrt(7.0), 1e-15);
	free(h);

	/* one trial: no spread */
	h = synth_sim(0, 1, 5, 1, &L);
	abz_sim_npv_statistics(h, scratch, &s);
	CHECK(s.trials == 1 && s.sd == 0 && s.kurtosis == 0 && s.min == s.max);
	CHECK(s.pct[0] == s.mean && s.pct[8] == s.mean);
	free(h);
}
