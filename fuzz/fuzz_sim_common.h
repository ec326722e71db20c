/*
 * fuzz_sim_common.h — checks shared by the simulation value harnesses
 * (fuzz_sim_text.c, fuzz_sim_wire.c): what every accepted value must
 * satisfy, and the questions every readable value must answer without
 * reading past it.
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

/* the version 2 questions: the investor's view, survivors, a comparison with itself */
static void
fuzz_sim_equity(const AbzSimHeader *h, double *scratch)
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
				  rows[m][5] <= (double) h->members))
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
 * accessors ask (they read stored values after that check alone).
 */
static void
fuzz_sim_questions(const AbzSimHeader *h, const AbzSimLayout *L)
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
	fuzz_sim_equity(h, scratch);
	free(scratch);
	(void) L;
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
	fuzz_sim_questions(h, L);
	fuzz_sim_double(h);
	free(again);
	free(back);
	free(wire);
	return text;
}

#endif							/* FUZZ_SIM_COMMON_H */
