/*
 * core_rng.c — nanoseconds per uniform, normal and Poisson draw of the core
 * generator.  Build and run from the top of the tree:
 *
 *   cc -std=gnu11 -O2 -Isrc/core -o build/bench_rng bench/core_rng.c \
 *      src/core/rng.c src/core/dist.c src/core/schema.c -lm && ./build/bench_rng
 */
#include <stdio.h>
#include <time.h>

#include "dist.h"

/* wall-clock seconds */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* time n calls of one draw kind; prints ns per call and a checksum */
static void
bench(const char *name, int kind, double arg, long n)
{
	AbzRng		r;
	double		sum = 0.0,
				t0,
				t1;
	long		i;

	abz_rng_init(&r, 12345, 0);
	t0 = now();
	for (i = 0; i < n; i++)
	{
		switch (kind)
		{
			case 0:
				sum += abz_rng_uniform(&r);
				break;
			case 1:
				sum += abz_rng_normal(&r);
				break;
			default:
				sum += abz_rng_poisson(arg, &r);
				break;
		}
	}
	t1 = now();
	printf("%-16s %8.2f ns/draw   (checksum %.6g)\n", name, (t1 - t0) * 1e9 / n, sum / n);
}

/* run each kind for about a second in all */
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
