/*
 * test_screen.c — the overflow screen (screen.h): the AVX2 loop, where the
 * processor has it, gives the SSE2 loop's verdict and both give a scalar
 * reference's, on arrays of every length up to 300 with NaN, infinities
 * and the values at and next to both bounds placed anywhere.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "screen.h"
#include "unit.h"

/* the definition itself: every |v[i]|'s bits (sign cleared) <= limit_bits */
static bool
screen_reference(const double *v, size_t n, uint64_t limit_bits)
{
	for (size_t i = 0; i < n; i++)
	{
		uint64_t	b;

		memcpy(&b, &v[i], sizeof(b));
		if ((b & ~(UINT64_C(1) << 63)) > limit_bits)
			return false;
	}
	return true;
}

/* xorshift64 */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

ABZ_SUITE(screen_avx2_agrees)
{
	/* 2^94 fails the ±2^94 screen, the float8 below it passes; DBL_MAX passes the finite one */
	static const double specials[] = {NAN, -NAN, INFINITY, -INFINITY, 0x1p94, -0x1p94,
		0x1.fffffffffffffp93, -0x1.fffffffffffffp93, 0x1.fffffffffffffp1023, -0.0, 5e-324};
	const int	nspecial = (int) (sizeof(specials) / sizeof(specials[0]));
	static double v[300];
	uint64_t	s = 88172645463325252ULL;
	int			agree = 0,
				rejected = 0,
				trials = 0;

	/* the cases by hand: one value past each bound, at any position, fails */
	for (size_t i = 0; i < 300; i++)
		v[i] = 1.0;
	v[299] = 0x1p94;
	CHECK(!abz_screen_below(v, 300, ABZ_SCREEN_2P94));
	CHECK(abz_screen_below(v, 300, ABZ_SCREEN_FINITE));
	v[299] = INFINITY;
	CHECK(!abz_screen_below(v, 300, ABZ_SCREEN_FINITE));
	v[299] = 1.0;
	v[5] = NAN;
	CHECK(!abz_screen_below(v, 300, ABZ_SCREEN_FINITE));
	v[5] = 0x1.fffffffffffffp93;
	CHECK(abz_screen_below(v, 300, ABZ_SCREEN_2P94));

	/* random arrays: all three verdicts agree */
	for (int trial = 0; trial < 30000; trial++)
	{
		size_t		n = (size_t) (trial % 301);

		for (size_t i = 0; i < n; i++)
			v[i] = (double) (next(&s) % 2001) - 1000.0;
		if (n > 0 && trial % 3 != 0)
			v[next(&s) % n] = specials[next(&s) % (uint64_t) nspecial];
		for (int k = 0; k < 2; k++)
		{
			uint64_t	lim = k ? ABZ_SCREEN_FINITE : ABZ_SCREEN_2P94;
			bool		ref = screen_reference(v, n, lim);
			bool		ok = abz_screen_below(v, n, lim) == ref &&
				abz_screen_sse2(v, n, lim) == ref;

			if (abz_screen_avx2_ok() && n >= 16)
				ok = ok && abz_screen_below_avx2(v, n, lim) == ref;
			agree += ok;
			rejected += !ref;
			trials++;
		}
	}
	CHECK(agree == trials);
	/* the specials made a good share of the arrays fail, so both verdicts were tested */
	CHECK(rejected > trials / 5 && rejected < trials);
}
