/*
 * screen.c — the AVX2 loop of the overflow screen (screen.h) and the
 * run-time check that the processor has AVX2.  Compiled for the baseline
 * x86-64 like everything else; only abz_screen_below_avx2 is built for
 * AVX2 (a target attribute) and only called after abz_screen_avx2_ok().
 * Integer operations only, so its verdict is abz_screen_sse2's exactly.
 */
#include "screen.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

/* true if this processor runs AVX2 code */
bool
abz_screen_avx2_ok(void)
{
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx2");
}

/* sixteen values a step into four accumulators, the rest by abz_screen_sse2 */
__attribute__((target("avx2")))
bool
abz_screen_below_avx2(const double *v, size_t n, uint64_t limit_bits)
{
	const __m256i mask = _mm256_set1_epi64x(INT64_MAX),
				lim = _mm256_set1_epi64x((long long) limit_bits);
	__m256i		acc0 = _mm256_setzero_si256(),
				acc1 = _mm256_setzero_si256(),
				acc2 = _mm256_setzero_si256(),
				acc3 = _mm256_setzero_si256();
	uint64_t	lane[4];
	size_t		i = 0;

#define ABZ_SCREEN_STEP256(acc, k) \
	acc = _mm256_or_si256(acc, _mm256_sub_epi64(lim, _mm256_and_si256( \
						  _mm256_loadu_si256((const __m256i *) (v + i + (k))), mask)))
	for (; i + 16 <= n; i += 16)
	{
		ABZ_SCREEN_STEP256(acc0, 0);
		ABZ_SCREEN_STEP256(acc1, 4);
		ABZ_SCREEN_STEP256(acc2, 8);
		ABZ_SCREEN_STEP256(acc3, 12);
	}
#undef ABZ_SCREEN_STEP256
	acc0 = _mm256_or_si256(_mm256_or_si256(acc0, acc1), _mm256_or_si256(acc2, acc3));
	_mm256_storeu_si256((__m256i *) lane, acc0);
	if (((lane[0] | lane[1] | lane[2] | lane[3]) >> 63) != 0)
		return false;
	return abz_screen_sse2(v + i, n - i, limit_bits);
}

#else

/* no AVX2 loop off x86-64 */
bool
abz_screen_avx2_ok(void)
{
	return false;
}

/* never called off x86-64; the portable loop */
bool
abz_screen_below_avx2(const double *v, size_t n, uint64_t limit_bits)
{
	return abz_screen_sse2(v, n, limit_bits);
}

#endif
