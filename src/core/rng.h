/*
 * rng.h — counter-based random numbers keyed by (key, stream, trial, draw).
 *
 * Philox4x32-10: the 64-bit key (a seed or a market key) is the key,
 * (draw, stream, trial) the counter.  A stream depends only on the key, its
 * stream id and the trial index, so a trial computes the same numbers in any
 * process, in any order, on any machine, and one stream's numbers do not
 * depend on how many another stream used.
 *
 * The draw counter is 32 bits: a stream holds 2^32 blocks (2^33 64-bit
 * draws).  The model draws far fewer per stream and trial (its event counts
 * are capped); past the ceiling a stream would wrap to its first block,
 * which repeats numbers but never touches another stream.
 */
#ifndef ABZ_RNG_H
#define ABZ_RNG_H

#include <stdint.h>

typedef struct AbzRng
{
	uint32_t	key[2];			/* from the seed or market key */
	uint64_t	trial;			/* the trial index */
	uint32_t	stream;			/* the stream id within a trial */
	uint32_t	draw;			/* next block of the stream (wraps at 2^32) */
	uint32_t	buf[32];		/* current blocks (two, or eight with AVX-512, computed together) */
	int			avail;			/* 32-bit words left in buf (taken from the end) */
} AbzRng;

/* start stream 0 of one trial */
void		abz_rng_init(AbzRng *r, uint64_t seed, uint64_t trial);

/* start stream `stream` of one trial under key: counter (draw, stream, trial low, trial high) */
void		abz_rng_init_stream(AbzRng *r, uint64_t key, uint32_t stream, uint64_t trial);

/* the Philox4x32-10 block for (key, counter): the reference function */
void		abz_philox4x32(const uint32_t key[2], const uint32_t ctr[4], uint32_t out[4]);

/*
 * Refill with the widest instructions the processor has (on, the default:
 * eight blocks with AVX-512) or with SSE2 (two blocks); for tests, which
 * check that every refill yields the same stream.
 */
void		abz_rng_set_wide(int on);

/* compute the next block(s) of the stream into buf (called when buf is used up) */
void		abz_rng_refill(AbzRng *r);

/*
 * next 64 random bits: the last two unused words of the buffer, high word
 * first.  Inline: a draw is a few instructions, a refill every fourth draw.
 */
static inline uint64_t
abz_rng_u64(AbzRng *r)
{
	uint64_t	v;

	if (__builtin_expect(r->avail < 2, 0))
		abz_rng_refill(r);
	v = ((uint64_t) r->buf[r->avail - 1] << 32) | r->buf[r->avail - 2];
	r->avail -= 2;
	return v;
}

/*
 * uniform double in the open interval (0, 1): (k + 0.5) * 2^-52 for the top
 * 52 bits k of a draw.  Every value is exact, the set is symmetric (u and
 * 1 - u both occur) and runs from 2^-53 to 1 - 2^-53.  With 53 bits the
 * upper midpoints (k + 0.5) * 2^-53, k >= 2^52, are not doubles and the top
 * one rounds to 1.0, so 52 is the most an exact open midpoint grid allows.
 */
/*
 * splitmix64 (Steele, Lea and Flood): add the golden-ratio increment, then
 * the finaliser.  Mixes keys (market identities, scenarios, block keys)
 * into well-spread 64-bit Philox keys.
 */
static inline uint64_t
abz_splitmix64(uint64_t z)
{
	z += UINT64_C(0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static inline double
abz_rng_uniform(AbzRng *r)
{
	uint64_t	k = abz_rng_u64(r) >> 12;

	return ((double) k + 0.5) * 0x1.0p-52;
}

#endif							/* ABZ_RNG_H */
