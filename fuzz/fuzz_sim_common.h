/*
 * fuzz_sim_common.h — checks shared by the simulation value harnesses
 * (fuzz_sim_text.c, fuzz_sim_wire.c): what every accepted value must
 * satisfy, and the questions every readable value must answer without
 * reading past it (for version 3, past the prefix each question reads).
 */
#ifndef FUZZ_SIM_COMMON_H
#define FUZZ_SIM_COMMON_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simval.h"

/* stop with a message: the harness found a bug */
static void
fuzz_fail(const char *what, const AbzError *err)
{
	fprintf(stderr, "%s%s%s\n", what, err ? ": " : "", err ? err->msg : "");
	abort();
}

/* a failure must say why, with an input error code */
static void
fuzz_check_refusal(const AbzError *err)
{
	if (err->msg[0] == '\0' || err->code == ABZ_OK)
		fuzz_fail("refusal without a message or code", NULL);
}

/*
 * the version 2 questions: the investor's view, survivors, a comparison with
 * itself; survivors are at most the members only in a validated value (a
 * stored value is read after its header check alone)
 */
static void
fuzz_sim_equity(const AbzSimHeader *h, double *scratch, bool validated)
{
	AbzSimInvestor inv;
	AbzSimComparison c;
	AbzError	err;
	double		(*rows)[6] = malloc(sizeof(double[6]) * (size_t) h->horizon);
	bool		ok = abz_sim_investor(h, scratch, &inv, NULL, &err);

	if (ok != (h->version >= 2))
		fuzz_fail("investor() answers exactly version 2 values", &err);
	if (!ok)
		fuzz_check_refusal(&err);
	if (ok && (inv.p_moic_1 < 0 || inv.p_moic_1 > 1 || inv.p_moic_3 > inv.p_moic_1))
		fuzz_fail("MOIC probabilities out of order", NULL);
	if (abz_sim_survivors(h, scratch, rows, NULL, &err))
	{
		for (int m = 0; m < h->horizon; m++)
			if (!(rows[m][1] <= rows[m][3] && rows[m][3] <= rows[m][5] &&
				  (!validated || rows[m][5] <= (double) h->members)))
				fuzz_fail("survivor quantiles out of order", NULL);
	}
	else
		fuzz_check_refusal(&err);
	if (abz_sim_compare(h, h, &c, &err))
	{
		if (c.npv_diff != 0.0 || c.p_b_better != 0.0)
			fuzz_fail("a value compared with itself differs", NULL);
	}
	else
		fuzz_check_refusal(&err);
	free(rows);
}

/*
 * Ask a value whose header passed abz_sim_check_header every question the
 * accessors ask (they read stored values after that check alone); validated
 * when it also passed abz_sim_validate.
 */
static void
fuzz_sim_questions(const AbzSimHeader *h, const AbzSimLayout *L, bool validated)
{
	size_t		T = (size_t) h->trials;
	double	   *scratch = malloc(sizeof(double) * T);
	double		loss[4],
				prob[4],
				lo,
				hi,
				var,
				es,
				q[ABZ_SIM_NQ];
	int64_t		counts[4];

	abz_sim_trial_values(h, 0, scratch);
	abz_quantiles7(scratch, T, abz_sim_levels, ABZ_SIM_NQ, q);
	for (int k = 1; k < ABZ_SIM_NQ; k++)
		if (!(q[k] >= q[k - 1]))
			fuzz_fail("quantiles out of order", NULL);
	(void) abz_sim_trial_mean(h, 1);
	if (T >= 2)
		(void) abz_sim_trial_stddev(h, 2);
	(void) abz_sim_npv_cdf(h, 0.0);
	abz_sim_tail_risk(h, 0.95, scratch, &var, &es);
	abz_sim_histogram(h, 4, scratch, counts, &lo, &hi);
	abz_sim_exceedance(h, 4, scratch, loss, prob);
	for (int32_t m = 0; m <= h->horizon; m++)
		(void) abz_sim_survival(h, m);
	(void) abz_sim_failure_probability(h);
	(void) abz_sim_breakeven_probability(h);
	fuzz_sim_equity(h, scratch, validated);
	free(scratch);
	(void) L;
}

/* a copy of the first n bytes of h alone in its allocation (ASan sees a read past them) */
static AbzSimHeader *
fuzz_sim_prefix_copy(const AbzSimHeader *h, size_t n)
{
	AbzSimHeader *p = malloc(n);

	memcpy(p, h, n);
	return p;
}

/*
 * A version 3 value whose header passed the check: each question the
 * server answers from a prefix (abz_sim_prefix_bytes) is asked of a copy of
 * that prefix alone, as the server's slice reader hands it over.
 */
static void
fuzz_sim_prefix_questions(const AbzSimHeader *h, const AbzSimLayout *L)
{
	size_t		T = (size_t) h->trials;
	AbzSimHeader *p;
	AbzSimView	v;
	AbzSimStats st;
	double	   *scratch,
				sum = 0,
				var,
				es,
				lo,
				hi;
	int64_t		counts[4];
	int32_t		months[3] = {0, 1, h->horizon};

	if (h->version < 3)
		return;
	p = fuzz_sim_prefix_copy(h, abz_sim_prefix_bytes(h, L, ABZ_SIM_PART_SUMMARY));
	for (int w = 0; w < 3; w++)
		sum += abz_sim_trial_mean(p, w);
	if (T >= 2)
		sum += abz_sim_trial_stddev(p, 0);
	sum += abz_sim_breakeven_probability(p) + abz_sim_failure_probability(p);
	free(p);
	/* survival(m) reads the summary and m alive counts after it */
	for (int k = 0; k < 3; k++)
	{
		p = fuzz_sim_prefix_copy(h, ABZ_SIM_SUMMARY_END + 8 * (size_t) months[k]);
		sum += abz_sim_survival(p, months[k]);
		free(p);
	}
	/* fan, survival_curve and risk_attribution read the per-month arrays */
	p = fuzz_sim_prefix_copy(h, abz_sim_prefix_bytes(h, L, ABZ_SIM_PART_MONTHS));
	abz_sim_view(p, L, &v);
	for (int32_t m = 0; m < h->horizon; m++)
	{
		sum += (double) v.alive[m] + abz_fixed_to_double(abz_sim_fx(v.rev_sum, m)) +
			abz_fixed_to_double(abz_sim_fx(v.cash_sum, m));
		if (v.rev_q)
			sum += v.rev_q[m * ABZ_SIM_NQ] + v.cash_q[m * ABZ_SIM_NQ + ABZ_SIM_NQ - 1];
	}
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		sum += (double) v.events[c] + abz_fixed_to_double(abz_sim_fx(v.cat_loss, c));
	free(p);
	/* the NPV questions read the trial NPVs too */
	p = fuzz_sim_prefix_copy(h, abz_sim_prefix_bytes(h, L, ABZ_SIM_PART_NPV));
	scratch = malloc(sizeof(double) * T);
	sum += abz_sim_npv_cdf(p, 0.0);
	abz_sim_tail_risk(p, 0.95, scratch, &var, &es);
	abz_sim_histogram(p, 4, scratch, counts, &lo, &hi);
	abz_sim_npv_statistics(p, scratch, &st);
	free(scratch);
	free(p);
	(void) sum;
}

/*
 * An accepted value of version 2 or 3 copied into the other version: the
 * copy validates and answers the questions with the same bits.
 */
static void
fuzz_sim_other_version(const AbzSimHeader *h)
{
	AbzSimLayout L;
	AbzSimShape s;
	AbzError	err;
	AbzSimHeader *o;
	AbzSimStats sa,
				sb;
	size_t		T = (size_t) h->trials;
	double	   *x = malloc(sizeof(double) * T),
				a[7],
				b[7];

	if (h->version < 2)
	{
		free(x);
		return;
	}
	abz_sim_shape_of(h, ((const AbzSimExt *) ((const char *) h + 40))->nslots, &s);
	s.version = h->version == 3 ? 2 : 3;
	if (!abz_sim_layout_shape(&s, &L, &err))
		fuzz_fail("the other version has no layout", &err);
	o = malloc(L.size);
	abz_sim_convert(h, o, s.version, &L);
	if (!abz_sim_validate(o, L.size, &err))
		fuzz_fail("the value in the other version does not validate", &err);
	for (int w = 0; w < 3; w++)
	{
		a[w] = abz_sim_trial_mean(h, w);
		b[w] = abz_sim_trial_mean(o, w);
	}
	a[3] = T >= 2 ? abz_sim_trial_stddev(h, 0) : 0;
	b[3] = T >= 2 ? abz_sim_trial_stddev(o, 0) : 0;
	a[4] = abz_sim_breakeven_probability(h);
	b[4] = abz_sim_breakeven_probability(o);
	a[5] = abz_sim_failure_probability(h);
	b[5] = abz_sim_failure_probability(o);
	a[6] = abz_sim_survival(h, h->horizon);
	b[6] = abz_sim_survival(o, h->horizon);
	abz_sim_npv_statistics(h, x, &sa);
	abz_sim_npv_statistics(o, x, &sb);
	if (memcmp(a, b, sizeof(a)) != 0 || memcmp(&sa, &sb, sizeof(sa)) != 0)
		fuzz_fail("versions 2 and 3 of one value answer differently", NULL);
	free(o);
	free(x);
}

/* the portfolio sum of a value with itself is valid when it does not overflow */
static void
fuzz_sim_double(const AbzSimHeader *h)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *out;

	if (!abz_sim_add_layout(h, h, &L, &err))
	{
		/* only a version 1 value (stored by aibiz 0.1) is refused */
		if (h->version >= 2)
			fuzz_fail("a value cannot be added to itself", &err);
		fuzz_check_refusal(&err);
		return;
	}
	out = calloc(1, L.size);
	if (abz_sim_add(h, h, out, &L, &err) && !abz_sim_validate(out, L.size, &err))
		fuzz_fail("a portfolio sum does not validate", &err);
	free(out);
}

/*
 * A value accepted from outside: it validates, its binary form decodes to
 * the same bytes, and its text form parses back to the same bytes and
 * formats to the same text.  Returns the malloc'd text (caller frees).
 */
static char *
fuzz_sim_accepted(const AbzSimHeader *h, const AbzSimLayout *L)
{
	AbzError	err;
	AbzSimLayout L2;
	unsigned char *wire = malloc(L->wire);
	AbzSimHeader *back = malloc(L->size);
	char	   *text = malloc(L->text + 1),
			   *again = malloc(L->text + 1);
	size_t		n;

	if (!abz_sim_validate(h, L->size, &err))
		fuzz_fail("accepted value does not validate", &err);
	abz_sim_to_wire(h, wire);
	if (!abz_sim_wire_layout(wire, L->wire, &L2, &err) ||
		!abz_sim_from_wire(wire, L->wire, back, &L2, &err) ||
		memcmp(back, h, L->size) != 0)
		fuzz_fail("binary round trip differs", &err);
	n = abz_sim_format(h, L, text);
	if (n > L->text || strlen(text) != n)
		fuzz_fail("text longer than its layout says", NULL);
	memset(back, 0x5a, L->size);
	if (!abz_sim_text_layout(text, n, &L2, &err) || L2.size != L->size ||
		!abz_sim_parse(text, n, wire, back, &L2, &err) || memcmp(back, h, L->size) != 0)
		fuzz_fail("text round trip differs", &err);
	if (abz_sim_format(back, L, again) != n || memcmp(again, text, n) != 0)
		fuzz_fail("text of the parsed value differs", NULL);
	fuzz_sim_questions(h, L, true);
	fuzz_sim_prefix_questions(h, L);
	fuzz_sim_other_version(h);
	fuzz_sim_double(h);
	free(again);
	free(back);
	free(wire);
	return text;
}

#endif							/* FUZZ_SIM_COMMON_H */
