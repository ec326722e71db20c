/*
 * test_simblock.c — unit tests of abz_sim_builder_add_block: the same value
 * bytes and the same errors as adding the trials one by one, on blocks of
 * every size up to ABZ_SIM_BLOCK, with ordinary months (the block's sums in
 * registers), huge months (the checked path) and past the quantile cap.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"
#include "simval.h"
#include "unit.h"

/* synthetic trial i (0-based): series rev[H] and cash[H]; huge: month 2 of trial 5 above 2^31 */
static void
block_trial(int i, int H, bool huge, AbzTrial *t, double *rev, double *cash)
{
	memset(t, 0, sizeof(*t));
	t->npv = (i % 7) * 1000.5 - 2000;
	t->arr = (i % 3) * 12.25;
	t->death_month = (i % 4 == 0) ? 1 + (i / 4) % H : 0;
	t->breakeven_month = (i % 5 == 0) ? 0 : 1 + i % H;
	t->events[ABZ_RISK_TEAM] = 1;
	t->loss[ABZ_RISK_TEAM] = 0.1;
	t->risk_loss = 0.1;
	for (int m = 0; m < H; m++)
	{
		/* -0.0 and 0.0 both appear, and fractions that are not exact in fixed point */
		rev[m] = (i % 6 == 0) ? ((m & 1) ? -0.0 : 0.0) : (m + 1) * 10.1 + i / 3.0;
		cash[m] = 1000 - 3.7 * m - i * 0.3;
	}
	if (huge && i == 5 && H > 2)
		rev[2] = 3.0e12 + i;
}

/*
 * Build trials trials of horizon H one by one (block 0) or block by block of
 * the given size; the value (L.size bytes) or NULL with the error in msg,
 * *added the trials added.  bad_at >= 0: that trial's month-1 cash is NaN.
 */
static void *
build(int32_t trials, int32_t H, int block, bool huge, int bad_at, char *msg,
	  int32_t *added, AbzSimLayout *L)
{
	AbzSimBuilder b;
	AbzTrial	t[ABZ_SIM_BLOCK];
	AbzError	err;
	double	   *rev = malloc(sizeof(double) * ABZ_SIM_BLOCK * (size_t) H),
			   *cash = malloc(sizeof(double) * ABZ_SIM_BLOCK * (size_t) H);
	void	   *value,
			   *scratch;
	bool		ok = true;

	msg[0] = '\0';
	if (!abz_sim_layout(trials, H, true, L, &err))
		abort();
	value = calloc(1, L->size);
	scratch = malloc(abz_sim_builder_scratch(trials, H));
	abz_sim_builder_init(&b, value, L, scratch, trials, H, 1, 7, unit_sim_ext(trials));
	for (int i = 0; ok && i < trials;)
	{
		int			n = block == 0 ? 1 : (trials - i < block ? trials - i : block);

		for (int j = 0; j < n; j++)
		{
			block_trial(i + j, H, huge, &t[j], rev + (size_t) j * H, cash + (size_t) j * H);
			if (i + j == bad_at)
				cash[(size_t) j * H + 1] = NAN;
		}
		if (block == 0)
		{
			memcpy(b.revenue, rev, sizeof(double) * H);
			memcpy(b.cash, cash, sizeof(double) * H);
			ok = abz_sim_builder_add(&b, &t[0], &err);
		}
		else
			ok = abz_sim_builder_add_block(&b, t, n, rev, cash, &err);
		i += n;
	}
	*added = b.added;
	if (ok && !abz_sim_builder_finish(&b, NULL, NULL, L, &err))
		ok = false;
	if (!ok)
		snprintf(msg, 256, "%s", err.msg);
	free(scratch);
	free(rev);
	free(cash);
	if (!ok)
	{
		free(value);
		return NULL;
	}
	return value;
}

/* block by block against one by one: equal bytes, or equal errors after equal trials */
static bool
same_as_single(int32_t trials, int32_t H, int block, bool huge, int bad_at)
{
	AbzSimLayout L1,
				L2;
	char		m1[256],
				m2[256];
	int32_t		a1,
				a2;
	void	   *v1 = build(trials, H, 0, huge, bad_at, m1, &a1, &L1),
			   *v2 = build(trials, H, block, huge, bad_at, m2, &a2, &L2);
	bool		same = (v1 == NULL) == (v2 == NULL) && strcmp(m1, m2) == 0 && a1 == a2 &&
		(v1 == NULL || (L1.size == L2.size && memcmp(v1, v2, L1.size) == 0));

	free(v1);
	free(v2);
	return same;
}

ABZ_SUITE(simval_build_block)
{
	AbzSimLayout L;
	char		msg[256];
	int32_t		added;
	void	   *v;

	for (int block = 1; block <= ABZ_SIM_BLOCK; block++)
	{
		CHECK(same_as_single(37, 7, block, false, -1));
		CHECK(same_as_single(37, 7, block, true, -1));
		CHECK(same_as_single(1, 3, block, false, -1));
	}
	/* a horizon of 600 caps the quantile trials at 6666: blocks straddle the cap */
	CHECK(abz_sim_qtrials(6700, 600) == 6666);
	CHECK(same_as_single(6700, 600, ABZ_SIM_BLOCK, false, -1));
	CHECK(same_as_single(6700, 600, 5, true, -1));
	/*
	 * trial 21's month-2 cash is NaN (its revenue 2 * 10.1 + 21 / 3 = 27.2):
	 * trials 0..20 stay added, the same message either way
	 */
	CHECK(same_as_single(40, 5, ABZ_SIM_BLOCK, false, 21));
	CHECK(same_as_single(40, 5, 3, true, 21));
	v = build(40, 5, ABZ_SIM_BLOCK, false, 21, msg, &added, &L);
	CHECK(v == NULL && added == 21);
	CHECK_STR(msg, "simulation trial 21, month 2: revenue 27.2 or cash NaN is out of range");
	/* the huge month goes to the checked sums: month 3's sum holds it exactly */
	v = build(8, 4, ABZ_SIM_BLOCK, true, -1, msg, &added, &L);
	CHECK(v != NULL);
	if (v)
	{
		AbzSimView	sv;

		abz_sim_view(v, &L, &sv);
		/* trials 0 and 6 pay 0; the others 30.3 + i/3, trial 5 3e12 + 5 instead */
		{
			double		sum = 0;

			for (int i = 1; i < 8; i++)
				if (i != 6)
					sum += i == 5 ? 3.0e12 + 5 : 3 * 10.1 + i / 3.0;
			CHECK(fabs(abz_fixed_to_double(abz_sim_fx(sv.rev_sum, 2)) - sum) < 1e-3);
		}
		free(v);
	}
}
