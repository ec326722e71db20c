/*
 * core_rng.c — nanoseconds per uniform, normal and Poisson draw of the core
 * generator.  Build and run from the top of the tree:
 *
 *   cc -std=gnu11 -O2 -Isrc/core -o build/bench_rng bench/core_rng.c \
 *      src/core/rng.c src/core/dist*.c src/core/schema.c -lm && ./build/bench_rng
 *
 * Time is the process's CPU time, best of three runs, so that other load on
 * a shared machine disturbs the figures less.
 */
#include <stdio.h>
#include <time.h>

#include "dist.h"

/* process CPU seconds */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* one timed run of n draws of one kind; returns CPU seconds, adds to *sum */
static double
run_once(int kind, double arg, long n, double *sum)
{
	AbzRng		r;
	double		t0 = now();
	long		i;

	abz_rng_init(&r, 12345, 0);
	for (i = 0; i < n; i++)
	{
		switch (kind)
		{
			case 0:
				*sum += abz_rng_uniform(&r);
				break;
			case 1:
				*sum += abz_rng_normal(&r);
				break;
			default:
				*sum += abz_rng_poisson(arg, &r);
				break;
		}
	}
	return now() - t0;
}

/* best of three runs; prints ns per draw and the mean draw as a checksum */
static void
bench(const char *name, int kind, double arg, long n)
{
	double		best = 1e30,
				sum = 0.0;
	int			rep;

	for (rep = 0; rep < 3; rep++)
	{
		double		t;

		sum = 0.0;
		t = run_once(kind, arg, n, &sum);
		if (t < best)
			best = t;
	}
	printf("%-16s %8.2f ns/draw   (mean %.6g)\n", name, best * 1e9 / n, sum / n);
}

/* run each kind for a few seconds in all */
int
main(void)
{
	const long	n = 20000000;

	bench("uniform", 0, 0, n);
	bench("normal", 1, 0, n / 4);
	bench("poisson(0.1)", 2, 0.1, n);
	bench("poisson(4)", 2, 4.0, n / 4);
	bench("poisson(300)", 2, 300.0, n / 4);
	return 0;
}
