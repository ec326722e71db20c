/*
 * core_depend.c — time per call of the dependence module: Latin hypercube
 * uniforms of one input (abz_lhs_uniforms) and the Iman–Conover
 * rearrangement (abz_ic_rearrange) of k = 3 and k = 10 columns, for
 * n = 10,000 trials.  Build and run from the top of the tree:
 *
 *   cc -std=gnu11 -O2 -Isrc/core -o build/bench_depend bench/core_depend.c \
 *      src/core/depend*.c src/core/dist*.c src/core/rng.c src/core/schema.c \
 *      src/core/override*.c src/core/suggest.c src/core/model*.c src/core/market.c \
 *      src/core/bass.c src/core/validate.c src/core/grammar*.c src/core/print.c -lm \
 *      && ./build/bench_depend
 *
 * Time is the process's CPU time, best of three runs, so that other load on
 * a shared machine disturbs the figures less.  The target of the k-column
 * case has 0.3 between neighbouring columns and 0 elsewhere (positive
 * definite: a tridiagonal Toeplitz matrix with off-diagonal 0.3 has
 * eigenvalues 1 + 0.6 cos(pi j / (k + 1)) > 0.4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "depend.h"

#define N		10000
#define KMAX	10

/* process CPU seconds */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double col[KMAX][N];

/* best of three runs of reps LHS calls; returns microseconds per call */
static double
bench_lhs(int reps)
{
	double		best = 1e30,
				sum = 0.0;

	for (int run = 0; run < 3; run++)
	{
		double		t0 = now();

		for (int r = 0; r < reps; r++)
		{
			abz_lhs_uniforms((uint64_t) r, 1, N, col[0]);
			sum += col[0][r % N];
		}
		if (now() - t0 < best)
			best = now() - t0;
	}
	if (sum < 0.0)				/* never: keeps the calls from being optimised away */
		printf("checksum %g\n", sum);
	return best / reps * 1e6;
}

/* best of three runs of reps rearrangements of k columns; microseconds per call */
static double
bench_ic(int k, int reps)
{
	double		target[KMAX * KMAX],
				best = 1e30;
	double	   *cols[KMAX];
	void	   *scratch = malloc(abz_ic_scratch(k, N));
	AbzError	err;

	for (int i = 0; i < k; i++)
	{
		cols[i] = col[i];
		abz_lhs_uniforms(7, (uint32_t) i, N, col[i]);
		for (int j = 0; j < k; j++)
			target[i * k + j] = i == j ? 1.0 : (i - j == 1 || j - i == 1) ? 0.3 : 0.0;
	}
	for (int run = 0; run < 3; run++)
	{
		double		t0 = now();

		for (int r = 0; r < reps; r++)
			if (!abz_ic_rearrange(k, N, cols, target, (uint64_t) r, scratch, &err))
			{
				fprintf(stderr, "abz_ic_rearrange: %s\n", err.msg);
				exit(2);
			}
		if (now() - t0 < best)
			best = now() - t0;
	}
	free(scratch);
	return best / reps * 1e6;
}

int
main(void)
{
	printf("n = %d trials\n", N);
	printf("abz_lhs_uniforms        %8.1f us per call\n", bench_lhs(200));
	printf("abz_ic_rearrange k = 3  %8.1f us per call\n", bench_ic(3, 20));
	printf("abz_ic_rearrange k = 10 %8.1f us per call\n", bench_ic(10, 10));
	return 0;
}
