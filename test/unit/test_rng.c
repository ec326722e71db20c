/*
 * test_rng.c — Philox4x32-10 known answers, the (seed, trial, draw) stream
 * layout, and a statistical quality check of the uniforms.
 *
 * Statistical thresholds: every statistic below is a sum of about 10^6
 * independent terms, so it is close to normal with a known standard error
 * (written next to each check).  We accept within 5 standard errors: a
 * correct generator fails one check with probability about 6e-7, while a
 * generator with a real defect of that size (a biased bit, a reused stream,
 * a correlation of 0.5%) fails it.  The seeds are fixed, so the run is
 * deterministic anyway; the margins say why the fixed outcome is meaningful.
 */
#include <stdint.h>

#include "unit.h"
#include "rng.h"

#define N_DRAWS 1000000

/* Random123 kat_vectors for philox4x32_10 */
ABZ_SUITE(rng_philox_kat)
{
	static const struct
	{
		uint32_t	ctr[4];
		uint32_t	key[2];
		uint32_t	out[4];
	}			kat[3] = {
		{{0, 0, 0, 0}, {0, 0},
		{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
		{{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff},
		{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
		{{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
		{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
	};
	int			i,
				j;

	for (i = 0; i < 3; i++)
	{
		uint32_t	out[4];

		abz_philox4x32(kat[i].key, kat[i].ctr, out);
		for (j = 0; j < 4; j++)
			CHECK(out[j] == kat[i].out[j]);
	}
}

/* the stream is philox(seed halves, (draw, trial)), words taken from the end */
ABZ_SUITE(rng_stream_layout)
{
	const uint64_t seed = 0x0123456789abcdefULL;
	const uint64_t trial = 0x00000005fedcba98ULL;
	uint32_t	key[2] = {0x89abcdef, 0x01234567};
	AbzRng		r;
	uint64_t	blk;
	int			mismatches = 0;

	abz_rng_init(&r, seed, trial);
	for (blk = 0; blk < 100; blk++)
	{
		uint32_t	ctr[4] = {(uint32_t) blk, 0, 0xfedcba98, 0x00000005};
		uint32_t	out[4];
		uint64_t	a,
					b;

		abz_philox4x32(key, ctr, out);
		a = abz_rng_u64(&r);
		b = abz_rng_u64(&r);
		if (a != (((uint64_t) out[3] << 32) | out[2]) ||
			b != (((uint64_t) out[1] << 32) | out[0]))
			mismatches++;
	}
	CHECK(mismatches == 0);

	/*
	 * stream != 0: counter (draw, stream, trial low, trial high).  Checked
	 * block by block against the reference for two streams; `make unit`
	 * runs the AVX-512 refill (where the processor has it) and the SSE2
	 * one, `make unit-asan` the scalar one (ABZ_RNG_SCALAR).
	 */
	{
		static const uint32_t streams[2] = {7, 0xfffffffeu};

		for (int si = 0; si < 4; si++)
		{
			abz_rng_set_wide(si < 2);
			abz_rng_init_stream(&r, seed, streams[si % 2], trial);
			for (blk = 0; blk < 50; blk++)
			{
				uint32_t	ctr[4] = {(uint32_t) blk, streams[si % 2], 0xfedcba98, 0x00000005};
				uint32_t	out[4];
				uint64_t	a,
							b;

				abz_philox4x32(key, ctr, out);
				a = abz_rng_u64(&r);
				b = abz_rng_u64(&r);
				if (a != (((uint64_t) out[3] << 32) | out[2]) ||
					b != (((uint64_t) out[1] << 32) | out[0]))
					mismatches++;
			}
		}
		abz_rng_set_wide(1);
		CHECK(mismatches == 0);
	}

	/* the 32-bit draw counter wraps inside its stream: block 2^32 - 1, then block 0 */
	{
		uint32_t	ctr[4] = {0xffffffffu, 3, 0xfedcba98, 0x00000005};
		uint32_t	ctr0[4] = {0, 3, 0xfedcba98, 0x00000005};
		uint32_t	out[4],
					out0[4];

		abz_rng_init_stream(&r, seed, 3, trial);
		r.draw = 0xffffffffu;
		abz_philox4x32(key, ctr, out);
		abz_philox4x32(key, ctr0, out0);
		CHECK(abz_rng_u64(&r) == (((uint64_t) out[3] << 32) | out[2]));
		CHECK(abz_rng_u64(&r) == (((uint64_t) out[1] << 32) | out[0]));
		CHECK(abz_rng_u64(&r) == (((uint64_t) out0[3] << 32) | out0[2]));
	}

	/* uniform is (k + 0.5) 2^-52 of the top 52 bits of the same draw */
	{
		AbzRng		r2;
		int			bad = 0;
		int			i;

		abz_rng_init(&r, 42, 7);
		abz_rng_init(&r2, 42, 7);
		for (i = 0; i < 1000; i++)
		{
			uint64_t	k = abz_rng_u64(&r) >> 12;

			if (abz_rng_uniform(&r2) != ((double) k + 0.5) / 4503599627370496.0)
				bad++;
		}
		CHECK(bad == 0);
	}
}

/* same (seed, trial) gives the same stream; any other seed or trial another */
ABZ_SUITE(rng_determinism)
{
	AbzRng		a,
				b,
				c,
				d;
	int			same = 0,
				diff_trial = 0,
				diff_seed = 0;
	int			i;

	abz_rng_init(&a, 2024, 3);
	abz_rng_init(&b, 2024, 3);
	abz_rng_init(&c, 2024, 4);
	abz_rng_init(&d, 2025, 3);
	for (i = 0; i < 1000; i++)
	{
		uint64_t	x = abz_rng_u64(&a);

		same += x == abz_rng_u64(&b);
		diff_trial += x == abz_rng_u64(&c);
		diff_seed += x == abz_rng_u64(&d);
	}
	CHECK(same == 1000);
	CHECK(diff_trial == 0);
	CHECK(diff_seed == 0);

	/* a trial's stream does not depend on what other trials drew before */
	abz_rng_init(&a, 99, 1000);
	abz_rng_init(&b, 99, 999);
	for (i = 0; i < 37; i++)
		(void) abz_rng_u64(&b);
	abz_rng_init(&b, 99, 1000);
	CHECK(abz_rng_u64(&a) == abz_rng_u64(&b));
}

/* uniforms lie in the open interval and the extremes map inside it */
ABZ_SUITE(rng_uniform_range)
{
	AbzRng		r;
	double		lo = 1.0,
				hi = 0.0;
	int			i;

	abz_rng_init(&r, 1, 0);
	for (i = 0; i < N_DRAWS; i++)
	{
		double		u = abz_rng_uniform(&r);

		lo = u < lo ? u : lo;
		hi = u > hi ? u : hi;
	}
	CHECK(lo > 0.0);
	CHECK(hi < 1.0);
	/* 10^6 draws: the minimum is about 1e-6, the maximum 1 - 1e-6 */
	CHECK(lo < 1e-4);
	CHECK(hi > 1.0 - 1e-4);
	/* the endpoints of the construction, k = 0 and k = 2^52 - 1, stay inside */
	{
		volatile double k0 = 0.0,
					kmax = 4503599627370495.0;

		CHECK((k0 + 0.5) * 0x1.0p-52 == 0x1.0p-53);
		CHECK((kmax + 0.5) * 0x1.0p-52 == 1.0 - 0x1.0p-53);
		CHECK((kmax + 0.5) * 0x1.0p-52 < 1.0);
	}
}

/*
 * Moments, 64-bucket chi-square and lag-1 serial correlation of 10^6
 * uniforms of one stream.
 */
ABZ_SUITE(rng_uniform_quality)
{
	AbzRng		r;
	long		bucket[64] = {0};
	double		sum = 0.0,
				sum2 = 0.0,
				lag = 0.0,
				prev = 0.0;
	double		mean,
				var,
				corr,
				chi2 = 0.0,
				expect = N_DRAWS / 64.0;
	int			i;

	abz_rng_init(&r, 20240601, 0);
	for (i = 0; i < N_DRAWS; i++)
	{
		double		u = abz_rng_uniform(&r);

		sum += u;
		sum2 += (u - 0.5) * (u - 0.5);
		if (i > 0)
			lag += (prev - 0.5) * (u - 0.5);
		bucket[(int) (u * 64.0)]++;
		prev = u;
	}
	mean = sum / N_DRAWS;
	var = sum2 / N_DRAWS;

	/* mean 1/2, standard error sqrt(1/12 / 10^6) = 2.89e-4; 5 SE = 1.44e-3 */
	CHECK(fabs(mean - 0.5) < 1.44e-3);

	/*
	 * E[(u - 1/2)^2] = 1/12; Var((u - 1/2)^2) = 1/80 - 1/144 = 1/180, so the
	 * standard error is sqrt(1/180 / 10^6) = 7.45e-5; 5 SE = 3.7e-4
	 */
	CHECK(fabs(var - 1.0 / 12.0) < 3.7e-4);

	/*
	 * chi-square with 63 degrees of freedom: mean 63, sd sqrt(126) = 11.2.
	 * Accept 63 +- 5 sd, i.e. (7, 119): too large is non-uniform, too small
	 * (far more even than chance) is a broken, e.g. stratified, generator.
	 */
	for (i = 0; i < 64; i++)
		chi2 += (bucket[i] - expect) * (bucket[i] - expect) / expect;
	CHECK(chi2 > 7.0 && chi2 < 119.0);
	if (!(chi2 > 7.0 && chi2 < 119.0))
		fprintf(stderr, "    chi2 = %g\n", chi2);

	/*
	 * lag-1 serial correlation: under independence about N(0, 1/N), SE 1e-3;
	 * 5 SE = 5e-3
	 */
	corr = (lag / (N_DRAWS - 1)) / (1.0 / 12.0);
	CHECK(fabs(corr) < 5e-3);
}

/*
 * Independence between trials: adjacent trial streams (t, t+1) at the same
 * position, and draw 0 of consecutive trials (the first value every trial
 * uses).  10^6 pairs, correlation SE 1e-3, accept 5e-3.
 */
ABZ_SUITE(rng_trial_independence)
{
	static double prev[1000];
	double		cross = 0.0,
				first = 0.0,
				prev_first = 0.0;
	long		npairs = 0;
	int			t,
				i;

	for (t = 0; t < 1001; t++)
	{
		AbzRng		r;

		abz_rng_init(&r, 77, (uint64_t) t);
		for (i = 0; i < 1000; i++)
		{
			double		u = abz_rng_uniform(&r);

			if (t > 0)
			{
				cross += (prev[i] - 0.5) * (u - 0.5);
				npairs++;
			}
			prev[i] = u;
		}
	}
	CHECK(fabs(cross / npairs * 12.0) < 5e-3);

	/* first draws of 10^6 consecutive trials: lag-1 correlation, SE 1e-3 */
	for (t = 0; t < N_DRAWS; t++)
	{
		AbzRng		r;
		double		u;

		abz_rng_init(&r, 5, (uint64_t) t);
		u = abz_rng_uniform(&r);
		if (t > 0)
			first += (prev_first - 0.5) * (u - 0.5);
		prev_first = u;
	}
	CHECK(fabs(first / (N_DRAWS - 1) * 12.0) < 5e-3);
}
