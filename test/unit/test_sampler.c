/*
 * test_sampler.c — a prepared sampler (sampler.h) draws exactly what
 * abz_param_sample_in() draws: the same values, bit for bit, and the same
 * number of words from the stream, for every distribution, with and
 * without clamping, and for the degenerate cases (PERT with min = max,
 * lognormal with sd 0, PERT with the mode at an end, where a shape is 1).
 */
#include <math.h>
#include <string.h>

#include "unit.h"
#include "dist.h"
#include "sampler.h"

#define N_DRAWS 5000

/* draw n times both ways from two copies of one stream; count mismatches */
static int
mismatches(const AbzParam *p, double lo, double hi, uint64_t trial)
{
	AbzSampler	s;
	AbzRng		a,
				b;
	int			bad = 0;

	abz_sampler_init(&s, p, lo, hi);
	abz_rng_init(&a, 20240611, trial);
	abz_rng_init(&b, 20240611, trial);
	for (int i = 0; i < N_DRAWS; i++)
	{
		double		x = abz_sampler_draw(&s, &a),
					y = abz_param_sample_in(p, lo, hi, &b);

		/* bitwise: == would let -0.0 and 0.0 pass */
		bad += memcmp(&x, &y, sizeof(double)) != 0;
	}
	/* the streams are at the same position afterwards */
	bad += abz_rng_u64(&a) != abz_rng_u64(&b);
	return bad;
}

/* one parameter */
static AbzParam
param(int dist, double a, double b, double c)
{
	AbzParam	p;

	memset(&p, 0, sizeof(p));
	p.dist = (uint8_t) dist;
	p.a = a;
	p.b = b;
	p.c = c;
	return p;
}

ABZ_SUITE(sampler_same_draws)
{
	const struct
	{
		AbzParam	p;
		double		lo,
					hi;
	}			cases[] = {
		{param(ABZ_CONST, 0.25, 0, 0), 0, 1},
		{param(ABZ_UNIFORM, 0.0, 0.05, 0), 0, 1},
		{param(ABZ_UNIFORM, -2.0, 3.0, 0), -1, 1},	/* clamped both ways */
		{param(ABZ_TRIANGULAR, 0.0, 0.05, 0.15), 0, 1},
		{param(ABZ_TRIANGULAR, 5.0, 5.0, 5.0), 0, 10},	/* min = max */
		{param(ABZ_PERT, 50e3, 150e3, 1e6), 0, HUGE_VAL},
		{param(ABZ_PERT, 40, 50, 70), 45, 60},	/* clamped */
		{param(ABZ_PERT, 0, 0, 1), 0, 1},	/* alpha = 1 */
		{param(ABZ_PERT, 0, 1, 1), 0, 1},	/* beta = 1 */
		{param(ABZ_PERT, 3, 3, 3), 0, 10},	/* min = max: the constant */
		{param(ABZ_NORMAL, 20000, 5000, 0), 0, HUGE_VAL},
		{param(ABZ_NORMAL, 0.02, 0.05, 0), 0, 1},	/* often clamped at 0 */
		{param(ABZ_LOGNORMAL, 200e3, 100e3, 0), 0, HUGE_VAL},
		{param(ABZ_LOGNORMAL, 200e3, 100e3, 0), 0, 250e3},	/* clamped */
		{param(ABZ_LOGNORMAL, 200e3, 0, 0), 0, HUGE_VAL},	/* sd 0: the mean */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(mismatches(&cases[i].p, cases[i].lo, cases[i].hi, (uint64_t) i) == 0);
}
