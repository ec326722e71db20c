/*
 * screen.h — a branch-free range screen over an array of float8: is every
 * |v[i]| strictly below a bound?  Used where the engine and the projection
 * value check a whole monthly series for overflow at once.  Long arrays go
 * to an AVX2 copy of the loop (screen.c) on processors that have it,
 * checked at run time; the verdict is the same either way.
 */
#ifndef ABZ_SCREEN_H
#define ABZ_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

/* IEEE bits of the largest finite float8, and of the largest below 2^94 */
#define ABZ_SCREEN_FINITE	UINT64_C(0x7fefffffffffffff)
#define ABZ_SCREEN_2P94		UINT64_C(0x45cfffffffffffff)

/* arrays at least this long go to the AVX2 loop where it is available */
#define ABZ_SCREEN_AVX2_MIN	64

/* abz_screen_sse2 with 256-bit registers (screen.c); only where abz_screen_avx2_ok() */
bool		abz_screen_below_avx2(const double *v, size_t n, uint64_t limit_bits);

/* true if this processor runs AVX2 code (screen.c; false off x86-64) */
bool		abz_screen_avx2_ok(void);

/*
 * True if every v[i] is a number whose magnitude's bits are <= limit_bits
 * (for a positive limit, |v[i]| <= the float8 with those bits; NaN fails).
 * With the sign cleared, the bits of x exceed the limit's exactly when
 * (limit - bits) goes negative; OR-ing those keeps the sign, so there is no
 * branch or compare chain per value.  SSE2 and scalar only.
 */
static inline bool
abz_screen_sse2(const double *v, size_t n, uint64_t limit_bits)
{
	uint64_t	bad = 0;
	size_t		i = 0;

#if defined(__x86_64__) && defined(__SSE2__)
	{
		/*
		 * two values per register; eight per step into four accumulators,
		 * so that the ORs do not wait on each other
		 */
		const __m128i mask = _mm_set1_epi64x(INT64_MAX),
					lim = _mm_set1_epi64x((long long) limit_bits);
		__m128i		acc0 = _mm_setzero_si128(),
					acc1 = _mm_setzero_si128(),
					acc2 = _mm_setzero_si128(),
					acc3 = _mm_setzero_si128();
		uint64_t	lane[2];

#define ABZ_SCREEN_STEP(acc, k) \
		acc = _mm_or_si128(acc, _mm_sub_epi64(lim, _mm_and_si128( \
						   _mm_loadu_si128((const __m128i *) (v + i + (k))), mask)))
		for (; i + 8 <= n; i += 8)
		{
			ABZ_SCREEN_STEP(acc0, 0);
			ABZ_SCREEN_STEP(acc1, 2);
			ABZ_SCREEN_STEP(acc2, 4);
			ABZ_SCREEN_STEP(acc3, 6);
		}
		for (; i + 2 <= n; i += 2)
			ABZ_SCREEN_STEP(acc0, 0);
#undef ABZ_SCREEN_STEP
		acc0 = _mm_or_si128(_mm_or_si128(acc0, acc1), _mm_or_si128(acc2, acc3));
		_mm_storeu_si128((__m128i *) lane, acc0);
		bad = lane[0] | lane[1];
	}
#endif
	for (; i < n; i++)
	{
		uint64_t	b;

		memcpy(&b, &v[i], sizeof(b));
		bad |= limit_bits - (b & ~(UINT64_C(1) << 63));
	}
	return (bad >> 63) == 0;
}

/* abz_screen_sse2's verdict, by the AVX2 loop for long arrays where it runs */
static inline bool
abz_screen_below(const double *v, size_t n, uint64_t limit_bits)
{
	if (n >= ABZ_SCREEN_AVX2_MIN && abz_screen_avx2_ok())
		return abz_screen_below_avx2(v, n, limit_bits);
	return abz_screen_sse2(v, n, limit_bits);
}

#endif							/* ABZ_SCREEN_H */
