/*
 * test_simv3.c — format version 3 of aibiz.simulation answers every
 * question with the same bits as version 2: simulations from the engine
 * (plain, with equity rounds, stopped early by a tolerance, a portfolio)
 * are copied into the version 2 layout and back, and every question is
 * asked of both.
 */
#include <stdlib.h>
#include <string.h>

#include "simulate.h"
#include "simval.h"
#include "unit.h"

/* a and b are the same doubles, bit for bit (NaN alike) */
static int
same_bits(const double *a, const double *b, size_t n)
{
	return memcmp(a, b, n * sizeof(double)) == 0;
}

/* every question of the core asked of two values; true if all answers have the same bits */
static void
check_same_answers(const AbzSimHeader *a, const AbzSimHeader *b)
{
	size_t		T = (size_t) a->trials;
	int			H = a->horizon;
	double	   *xa = malloc(sizeof(double) * T),
			   *xb = malloc(sizeof(double) * T);
	double		ra[8],
				rb[8],
				la[50],
				lb[50],
				pa[50],
				pb[50];
	int64_t		ca[40],
				cb[40];
	AbzSimStats sa,
				sb;
	AbzSimInvestor ia,
				ib;
	AbzError	err;
	double		(*sva)[6] = malloc(sizeof(double[6]) * (size_t) H),
				(*svb)[6] = malloc(sizeof(double[6]) * (size_t) H);

	for (int w = 0; w < 3; w++)
	{
		ra[0] = abz_sim_trial_mean(a, w);
		rb[0] = abz_sim_trial_mean(b, w);
		ra[1] = T > 1 ? abz_sim_trial_stddev(a, w) : 0;
		rb[1] = T > 1 ? abz_sim_trial_stddev(b, w) : 0;
		CHECK(same_bits(ra, rb, 2));
		abz_sim_trial_values(a, w, xa);
		abz_sim_trial_values(b, w, xb);
		CHECK(same_bits(xa, xb, T));
	}
	ra[0] = abz_sim_failure_probability(a);
	rb[0] = abz_sim_failure_probability(b);
	ra[1] = abz_sim_breakeven_probability(a);
	rb[1] = abz_sim_breakeven_probability(b);
	ra[2] = abz_sim_npv_cdf(a, 0);
	rb[2] = abz_sim_npv_cdf(b, 0);
	abz_sim_tail_risk(a, 0.95, xa, &ra[3], &ra[4]);
	abz_sim_tail_risk(b, 0.95, xb, &rb[3], &rb[4]);
	abz_sim_trial_values(a, 0, xa);
	abz_sim_trial_values(b, 0, xb);
	ra[5] = abz_quantile7(xa, T, 0.37);
	rb[5] = abz_quantile7(xb, T, 0.37);
	CHECK(same_bits(ra, rb, 6));
	for (int m = 0; m <= H; m++)
		CHECK(abz_sim_survival(a, m) == abz_sim_survival(b, m));
	abz_sim_npv_statistics(a, xa, &sa);
	abz_sim_npv_statistics(b, xb, &sb);
	CHECK(memcmp(&sa, &sb, sizeof(sa)) == 0);
	CHECK(abz_sim_histogram(a, 40, xa, ca, &ra[0], &ra[1]) ==
		  abz_sim_histogram(b, 40, xb, cb, &rb[0], &rb[1]));
	CHECK(memcmp(ca, cb, sizeof(ca)) == 0 && same_bits(ra, rb, 2));
	CHECK(abz_sim_exceedance(a, 50, xa, la, pa) == abz_sim_exceedance(b, 50, xb, lb, pb));
	CHECK(same_bits(la, lb, 50) && same_bits(pa, pb, 50));
	memset(&ia, 0, sizeof(ia));
	memset(&ib, 0, sizeof(ib));
	CHECK(abz_sim_investor(a, xa, &ia, NULL, &err) == abz_sim_investor(b, xb, &ib, NULL, &err));
	CHECK(memcmp(&ia, &ib, sizeof(ia)) == 0);
	if (a->members > 1)
	{
		CHECK(abz_sim_survivors(a, xa, sva, NULL, &err) && abz_sim_survivors(b, xb, svb, NULL, &err));
		CHECK(same_bits(&sva[0][0], &svb[0][0], 6 * (size_t) H));
	}
	free(sva);
	free(svb);
	free(xa);
	free(xb);
}

/*
 * v3 (version 3) against its copy in version 2: the same answers; the
 * binary forms differ only in the version byte; the copy back is the same
 * bytes; both forms read back to the same bytes.
 */
static void
check_v2_v3(const AbzSimHeader *v3)
{
	AbzSimLayout L3,
				L2,
				Lw;
	AbzSimShape s;
	AbzError	err;
	AbzSimHeader *v2,
			   *back,
			   *in;
	unsigned char *w3,
			   *w2;

	CHECK(abz_sim_layout_of(v3, &L3, &err));
	CHECK(abz_sim_validate(v3, L3.size, &err));
	abz_sim_shape_of(v3, ((const AbzSimExt *) ((const char *) v3 + 40))->nslots, &s);
	s.version = 2;
	CHECK(abz_sim_layout_shape(&s, &L2, &err));
	/* version 3 adds the 64-byte summary and nothing else */
	CHECK(L3.size == L2.size + 64 && L3.wire == L2.wire && L3.text == L2.text);
	v2 = malloc(L2.size);
	back = malloc(L3.size);
	abz_sim_convert(v3, v2, 2, &L2);
	CHECK(v2->version == 2 && abz_sim_validate(v2, L2.size, &err));
	abz_sim_convert(v2, back, 3, &L3);
	CHECK(memcmp(back, v3, L3.size) == 0);
	check_same_answers(v2, v3);
	w3 = malloc(L3.wire);
	w2 = malloc(L2.wire);
	abz_sim_to_wire(v3, w3);
	abz_sim_to_wire(v2, w2);
	CHECK(w3[0] == 3 && w2[0] == 2 && memcmp(w3 + 1, w2 + 1, L3.wire - 1) == 0);
	/* a version 2 binary form reads back as version 2, a version 3 one as version 3 */
	CHECK(abz_sim_wire_layout(w2, L2.wire, &Lw, &err) && Lw.size == L2.size);
	in = malloc(L2.size);
	CHECK(abz_sim_from_wire(w2, L2.wire, in, &L2, &err) && memcmp(in, v2, L2.size) == 0);
	free(in);
	in = malloc(L3.size);
	CHECK(abz_sim_from_wire(w3, L3.wire, in, &L3, &err) && memcmp(in, v3, L3.size) == 0);
	free(in);
	free(w2);
	free(w3);
	free(back);
	free(v2);
}

/* a simulation of the model under o (malloc'd), its layout in *L */
static AbzSimHeader *
run(AbzModel *m, const AbzSimOptions *o, AbzSimLayout *L)
{
	AbzError	err;
	bool		conv;
	void	   *v,
			   *scratch;

	if (!abz_sim_layout_for(m, o, L, &err))
		return NULL;
	v = calloc(1, L->size);
	scratch = malloc(abz_sim_scratch(m, o));
	if (!abz_simulate(m, o, v, L, scratch, NULL, NULL, &conv, &err))
	{
		free(v);
		v = NULL;
	}
	free(scratch);
	return v;
}

ABZ_SUITE(simv3_same_answers)
{
	AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, "subscription(price=pert(40,50,70), seats=2)");
	AbzSpec    *risk = unit_spec(ABZ_KIND_RISK, "regulation(freq=2, loss=lognormal(50k,20k))");
	AbzSpec    *plan = unit_spec(ABZ_KIND_PLAN,
								  "cash(amount=200k) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=5k, cac=400)");
	AbzMarket	mk = {50000, 0.02, 0.03, 0.4, 0.1};
	AbzSimOptions o = unit_sim_opts(9, 1500);
	AbzSimLayout La,
				Lb,
				Lc,
				Lp;
	AbzError	err;
	AbzModel   *m;
	AbzSimHeader *a,
			   *b,
			   *c,
			   *one,
			   *p;

	CHECK(rev && risk && plan);
	if (!rev || !risk || !plan)
		return;
	m = malloc(abz_model_size(36));
	CHECK(abz_model_prepare(m, rev, risk, plan, &mk, 36, &err));
	a = run(m, &o, &La);
	o.seed = 10;
	o.sampling = ABZ_SAMPLING_LHS;
	b = run(m, &o, &Lb);
	/* a tolerance stops after a batch of 1000 (or 2000) of the 5000 trials laid out */
	o = unit_sim_opts(11, 5000);
	o.tolerance = 0.5;
	c = run(m, &o, &Lc);
	o = unit_sim_opts(12, 1);
	one = run(m, &o, &Lc);
	CHECK(a && b && c && one);
	if (!a || !b || !c || !one)
		return;
	CHECK(a->version == 3 && c->trials < 5000);
	check_v2_v3(a);
	check_v2_v3(b);
	check_v2_v3(c);
	check_v2_v3(one);
	CHECK(abz_sim_add_layout(a, b, &Lp, &err));
	p = malloc(Lp.size);
	CHECK(abz_sim_add(a, b, p, &Lp, &err));
	CHECK(p->version == 3 && p->members == 2);
	check_v2_v3(p);
	/* a version 2 value added to a version 3 one gives the same sum */
	{
		AbzSimLayout L2;
		AbzSimShape s;
		AbzSimHeader *a2,
				   *q = malloc(Lp.size);

		abz_sim_shape_of(a, ((const AbzSimExt *) ((const char *) a + 40))->nslots, &s);
		s.version = 2;
		CHECK(abz_sim_layout_shape(&s, &L2, &err));
		a2 = malloc(L2.size);
		abz_sim_convert(a, a2, 2, &L2);
		CHECK(abz_sim_add(a2, b, q, &Lp, &err) && memcmp(p, q, Lp.size) == 0);
		free(a2);
		free(q);
	}
	free(p);
	free(a);
	free(b);
	free(c);
	free(one);
	free(m);
	free(rev);
	free(risk);
	free(plan);
}
