/*
 * rng.c — Philox4x32-10 counter-based random numbers (Salmon, Moraes, Dror
 * and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC11; the
 * Random123 reference).
 *
 * The 64-bit key (a seed or a market key) is the Philox key (low half
 * first); the counter of a block is (draw, stream, trial low, trial high)
 * with a 32-bit draw counter per stream.  One block is four 32-bit
 * words, i.e. two 64-bit draws; words are taken from the end of the block.
 */
#include <stddef.h>

#include "rng.h"

#define PHILOX_M0	0xD2511F53u
#define PHILOX_M1	0xCD9E8D57u
#define PHILOX_W0	0x9E3779B9u	/* golden ratio */
#define PHILOX_W1	0xBB67AE85u	/* sqrt(3) - 1 */

/*
 * One Philox round on (c0, c1, c2, c3) with round key (k0, k1): two 32x32->64
 * multiplies, xors with the key.  Written on locals, unrolled by the caller,
 * so the whole block stays in registers.
 */
#define PHILOX_ROUND(k0, k1) \
	do { \
		uint64_t	p0_ = (uint64_t) PHILOX_M0 * c0; \
		uint64_t	p1_ = (uint64_t) PHILOX_M1 * c2; \
		c0 = (uint32_t) (p1_ >> 32) ^ c1 ^ (k0); \
		c1 = (uint32_t) p1_; \
		c2 = (uint32_t) (p0_ >> 32) ^ c3 ^ (k1); \
		c3 = (uint32_t) p0_; \
	} while (0)

/* ten rounds; the key is bumped by the Weyl constants between rounds */
static inline void
philox10(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t c2,
		 uint32_t c3, uint32_t out[4])
{
	PHILOX_ROUND(k0, k1);
	PHILOX_ROUND(k0 + 1 * PHILOX_W0, k1 + 1 * PHILOX_W1);
	PHILOX_ROUND(k0 + 2 * PHILOX_W0, k1 + 2 * PHILOX_W1);
	PHILOX_ROUND(k0 + 3 * PHILOX_W0, k1 + 3 * PHILOX_W1);
	PHILOX_ROUND(k0 + 4 * PHILOX_W0, k1 + 4 * PHILOX_W1);
	PHILOX_ROUND(k0 + 5 * PHILOX_W0, k1 + 5 * PHILOX_W1);
	PHILOX_ROUND(k0 + 6 * PHILOX_W0, k1 + 6 * PHILOX_W1);
	PHILOX_ROUND(k0 + 7 * PHILOX_W0, k1 + 7 * PHILOX_W1);
	PHILOX_ROUND(k0 + 8 * PHILOX_W0, k1 + 8 * PHILOX_W1);
	PHILOX_ROUND(k0 + 9 * PHILOX_W0, k1 + 9 * PHILOX_W1);
	out[0] = c0;
	out[1] = c1;
	out[2] = c2;
	out[3] = c3;
}

/* the Philox4x32-10 block for (key, counter): the reference function */
void
abz_philox4x32(const uint32_t key[2], const uint32_t ctr[4], uint32_t out[4])
{
	philox10(key[0], key[1], ctr[0], ctr[1], ctr[2], ctr[3], out);
}

/* start stream 0 of one trial */
void
abz_rng_init(AbzRng *r, uint64_t seed, uint64_t trial)
{
	abz_rng_init_stream(r, seed, 0, trial);
}

/* start stream `stream` of one trial under key */
void
abz_rng_init_stream(AbzRng *r, uint64_t key, uint32_t stream, uint64_t trial)
{
	r->key[0] = (uint32_t) key;
	r->key[1] = (uint32_t) (key >> 32);
	r->trial = trial;
	r->stream = stream;
	r->draw = 0;
	r->buf[0] = r->buf[1] = r->buf[2] = r->buf[3] = 0;
	r->avail = 0;
}

/* 0 when the tests ask for the SSE2 refill */
static int	rng_wide = 1;

/* refill with the widest instructions there are (on) or with SSE2 */
void
abz_rng_set_wide(int on)
{
	rng_wide = on;
}

/* blocks the buffer holds */
#define RNG_NBLOCKS	(sizeof(((AbzRng *) 0)->buf) / (4 * sizeof(uint32_t)))

#if defined(__SSE2__) && !defined(ABZ_RNG_SCALAR)
#include <emmintrin.h>

/* the SSE2 refill computes two blocks, the AVX-512 refill all eight */
_Static_assert(RNG_NBLOCKS == 8, "the AVX-512 refill fills eight blocks");

#if defined(__GNUC__) || defined(__clang__)
#include <immintrin.h>
#define ABZ_RNG_AVX512 1

/*
 * The next eight blocks of the stream into the buffer, four blocks per
 * AVX-512 register (one block per 128-bit lane, lanes as in the SSE2
 * refill below): the same words as the scalar rounds.  Block j (counter
 * draw + j) lands in buf[4 * (7 - j) ..], where the scalar refill puts it,
 * so the stream does not depend on which refill ran.  A refill costs about
 * the latency of ten multiplies whatever its width, so a stream that draws
 * many numbers refills a quarter as often as with SSE2.
 */
static void __attribute__((target("avx512f")))
refill_avx512(AbzRng *r)
{
	const __m512i mul = _mm512_set4_epi32(0, (int) PHILOX_M1, 0, (int) PHILOX_M0);
	const __m512i weyl = _mm512_set4_epi32(0, (int) PHILOX_W1, 0, (int) PHILOX_W0);
	__m512i		key = _mm512_set4_epi32(0, (int) r->key[1], 0, (int) r->key[0]);
	uint32_t	d = r->draw;
	int			th = (int) (uint32_t) (r->trial >> 32),
				tl = (int) (uint32_t) r->trial,
				sid = (int) r->stream;
	/* lane i of hi holds block 3 - i, of lo block 7 - i */
	__m512i		hi = _mm512_set_epi32(th, tl, sid, (int) d,
									  th, tl, sid, (int) (d + 1u),
									  th, tl, sid, (int) (d + 2u),
									  th, tl, sid, (int) (d + 3u));
	__m512i		lo = _mm512_set_epi32(th, tl, sid, (int) (d + 4u),
									  th, tl, sid, (int) (d + 5u),
									  th, tl, sid, (int) (d + 6u),
									  th, tl, sid, (int) (d + 7u));

	for (int round = 0; round < 10; round++)
	{
		__m512i		ph = _mm512_mul_epu32(hi, mul);
		__m512i		pl = _mm512_mul_epu32(lo, mul);

		hi = _mm512_xor_si512(_mm512_shuffle_epi32(ph, _MM_PERM_ABCD),
							  _mm512_xor_si512(_mm512_srli_epi64(hi, 32), key));
		lo = _mm512_xor_si512(_mm512_shuffle_epi32(pl, _MM_PERM_ABCD),
							  _mm512_xor_si512(_mm512_srli_epi64(lo, 32), key));
		key = _mm512_add_epi32(key, weyl);
	}
	_mm512_storeu_si512((void *) &r->buf[16], hi);
	_mm512_storeu_si512((void *) &r->buf[0], lo);
	r->draw += 8u;
	r->avail = 32;
}

/* whether the processor has AVX-512F (asked once) */
static int
have_avx512(void)
{
	static int	have = -1;

	if (have < 0)
	{
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx512f") ? 1 : 0;
	}
	return have;
}
#endif

/*
 * Compute the next two blocks of the stream into the buffer, each block in
 * one SSE2 register: lanes (c0, c1, c2, c3).  A round is one pmuludq (the
 * products c0 * M0 and c2 * M1 as two 64-bit lanes), a shuffle to
 * (hi p1, lo p1, hi p0, lo p0), and xors with (c1, 0, c3, 0) and the round
 * key (k0, 0, k1, 0): the same words as the scalar rounds below, a third of
 * the instructions, the two blocks' rounds overlapping.  Block j lands in
 * buf[4 * (1 - j) ..]: words are taken from the end, so the stream reads
 * the same as with any other refill.
 */
static void
refill_sse2(AbzRng *r)
{
	const __m128i mul = _mm_set_epi32(0, (int) PHILOX_M1, 0, (int) PHILOX_M0);
	const __m128i weyl = _mm_set_epi32(0, (int) PHILOX_W1, 0, (int) PHILOX_W0);
	__m128i		key = _mm_set_epi32(0, (int) r->key[1], 0, (int) r->key[0]);
	uint32_t	d0 = r->draw,
				d1 = r->draw + 1u;
	int			th = (int) (uint32_t) (r->trial >> 32),
				tl = (int) (uint32_t) r->trial,
				sid = (int) r->stream;
	__m128i		a = _mm_set_epi32(th, tl, sid, (int) d0);
	__m128i		b = _mm_set_epi32(th, tl, sid, (int) d1);

	for (int round = 0; round < 10; round++)
	{
		__m128i		pa = _mm_mul_epu32(a, mul);
		__m128i		pb = _mm_mul_epu32(b, mul);

		/* (c1, 0, c3, 0) ^ key is computed while the multiply runs */
		a = _mm_xor_si128(_mm_shuffle_epi32(pa, _MM_SHUFFLE(0, 1, 2, 3)),
						  _mm_xor_si128(_mm_srli_epi64(a, 32), key));
		b = _mm_xor_si128(_mm_shuffle_epi32(pb, _MM_SHUFFLE(0, 1, 2, 3)),
						  _mm_xor_si128(_mm_srli_epi64(b, 32), key));
		key = _mm_add_epi32(key, weyl);
	}
	_mm_storeu_si128((__m128i *) &r->buf[4], a);
	_mm_storeu_si128((__m128i *) &r->buf[0], b);
	r->draw += 2u;
	r->avail = 8;
}

/*
 * Compute the next blocks of the stream into the buffer (eight with
 * AVX-512, else two with SSE2).  Called by the inline abz_rng_u64()
 * (rng.h) when the buffer is used up.
 */
void
abz_rng_refill(AbzRng *r)
{
#ifdef ABZ_RNG_AVX512
	if (rng_wide && have_avx512())
	{
		refill_avx512(r);
		return;
	}
#endif
	refill_sse2(r);
}
#else
/*
 * Compute the next RNG_NBLOCKS blocks of the stream into the buffer.  Block j
 * (counter draw + j) lands in buf[4 * (RNG_NBLOCKS - 1 - j) ..], so taking
 * words from the end yields the blocks in counter order, each from its last
 * word down: the stream does not depend on the buffer size.  Called by the
 * inline abz_rng_u64() (rng.h) when the buffer is used up.
 */
void
abz_rng_refill(AbzRng *r)
{
	uint32_t	c0[RNG_NBLOCKS],
				c1[RNG_NBLOCKS],
				c2[RNG_NBLOCKS],
				c3[RNG_NBLOCKS];
	uint32_t	k0 = r->key[0],
				k1 = r->key[1];
	size_t		j;
	int			round;

	for (j = 0; j < RNG_NBLOCKS; j++)
	{
		uint32_t	d = r->draw + (uint32_t) j;

		c0[j] = d;
		c1[j] = r->stream;
		c2[j] = (uint32_t) r->trial;
		c3[j] = (uint32_t) (r->trial >> 32);
	}
	for (round = 0; round < 10; round++)
	{
		for (j = 0; j < RNG_NBLOCKS; j++)
		{
			uint64_t	p0 = (uint64_t) PHILOX_M0 * c0[j];
			uint64_t	p1 = (uint64_t) PHILOX_M1 * c2[j];

			c0[j] = (uint32_t) (p1 >> 32) ^ c1[j] ^ k0;
			c1[j] = (uint32_t) p1;
			c2[j] = (uint32_t) (p0 >> 32) ^ c3[j] ^ k1;
			c3[j] = (uint32_t) p0;
		}
		k0 += PHILOX_W0;
		k1 += PHILOX_W1;
	}
	for (j = 0; j < RNG_NBLOCKS; j++)
	{
		uint32_t   *out = &r->buf[4 * (RNG_NBLOCKS - 1 - j)];

		out[0] = c0[j];
		out[1] = c1[j];
		out[2] = c2[j];
		out[3] = c3[j];
	}
	r->draw += (uint32_t) RNG_NBLOCKS;
	r->avail = (int) (4 * RNG_NBLOCKS);
}
#endif
