/*
 * rng.h — counter-based random numbers keyed by (seed, trial, draw).
 *
 * Philox4x32-10: the seed is the key, (trial, draw) the counter.  A trial's
 * stream depends only on the seed and its index, so a trial computes the same
 * numbers in any process, in any order, on any machine.
 */
#ifndef ABZ_RNG_H
#define ABZ_RNG_H

#include <stdint.h>

typedef struct AbzRng
{
	uint32_t	key[2];			/* from the seed */
	uint64_t	trial;			/* stream: the trial index */
	uint64_t	draw;			/* next block of the stream */
	uint32_t	buf[4];			/* current block */
	int			avail;			/* 32-bit words left in buf (taken from the end) */
} AbzRng;

/* start the stream of one trial */
void		abz_rng_init(AbzRng *r, uint64_t seed, uint64_t trial);

/* the Philox4x32-10 block for (key, counter): the reference function */
void		abz_philox4x32(const uint32_t key[2], const uint32_t ctr[4], uint32_t out[4]);

/* next 64 random bits */
uint64_t	abz_rng_u64(AbzRng *r);

/* uniform double in the open interval (0, 1): (k + 0.5) * 2^-52, k the top 52 bits of a draw */
double		abz_rng_uniform(AbzRng *r);

#endif							/* ABZ_RNG_H */
