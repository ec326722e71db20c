/*
 * projection_core.c — the standalone core's projection rate, without a
 * server: reads the inputs of bench/projection_inputs.awk, parses them with
 * abz_parse, then times abz_model_prepare + abz_model_project over every
 * company, and the same plus storing it as an aibiz.projection value: in
 * format 2 (float8, what aibiz.project() returns) and in format 1 (Q95.32,
 * what the sum aggregate converts each row to).  Prints the seconds (wall
 * clock, and CPU time last) of one pass of each (bench/projection.sh runs it once per round, between the
 * database's runs), then an FNV-1a hash of every format 2 value's bytes, so
 * that two builds can be checked to project the same bits.
 *
 * Usage: projection_core INPUTS.tsv HORIZON
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "model.h"
#include "projval.h"
#include "spec.h"

typedef struct Company
{
	AbzSpec    *spec[3];		/* revenue, risk, plan */
	AbzMarket	market;
} Company;

/* seconds of a clock */
static double
clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* seconds of the monotonic clock */
static double
now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* seconds this process has run on a CPU (not waiting for one on a busy machine) */
static double
cpu_now(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

/* read every company of the input file */
static Company *
read_inputs(const char *path, long *n)
{
	FILE	   *f = fopen(path, "r");
	Company    *cs = NULL;
	long		cap = 0;
	char	   *line = NULL;
	size_t		linecap = 0;

	if (f == NULL)
	{
		perror(path);
		exit(1);
	}
	*n = 0;
	while (getline(&line, &linecap, f) > 0)
	{
		char	   *field[9];
		char	   *p = line;
		int			i;

		for (i = 0; i < 9; i++)
		{
			field[i] = p;
			p = strchr(p, '\t');
			if (p == NULL)
				break;
			*p++ = '\0';
		}
		if (i < 9)
		{
			fprintf(stderr, "line %ld: too few fields\n", *n + 1);
			exit(1);
		}
		if (*n == cap)
		{
			cap = cap ? cap * 2 : 1024;
			cs = realloc(cs, cap * sizeof(Company));
		}
		cs[*n].spec[0] = bench_parse(ABZ_KIND_REVENUE, field[1], field[0]);
		cs[*n].spec[1] = bench_parse(ABZ_KIND_RISK, field[2], field[0]);
		cs[*n].spec[2] = bench_parse(ABZ_KIND_PLAN, field[3], field[0]);
		cs[*n].market.accounts = atof(field[4]);
		cs[*n].market.adoption = atof(field[5]);
		cs[*n].market.bass_p = atof(field[6]);
		cs[*n].market.bass_q = atof(field[7]);
		cs[*n].market.growth = atof(field[8]);
		(*n)++;
	}
	free(line);
	fclose(f);
	return cs;
}

/* FNV-1a 64 of n bytes, continuing from h */
static uint64_t
fnv1a(uint64_t h, const void *data, size_t n)
{
	const unsigned char *b = data;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

/*
 * project every company; store as a projection value (pack 1 float, 2
 * fixed); returns seconds.  With hash, the pack 1 value bytes are hashed
 * into it (outside the timing that matters: only the hash pass uses it).
 */
static double
run(Company *cs, long n, int horizon, int pack, double *checksum, uint64_t *hash,
	double *cpu)
{
	AbzModel   *m = malloc(abz_model_size(horizon));
	AbzMonth   *months = malloc(horizon * sizeof(AbzMonth));
	AbzProj    *p = malloc(ABZ_PROJ_SIZE(horizon));
	AbzError	err;
	double		c0 = cpu_now();
	double		t0 = now();
	double		sum = 0;

	for (long i = 0; i < n; i++)
	{
		double		npv;

		/* format 2 as aibiz.project() builds it: the engine writes into the value */
		AbzMonth   *out = pack == 1 ? abz_proj_float_months(p) : months;

		if (!abz_model_prepare(m, cs[i].spec[0], cs[i].spec[1], cs[i].spec[2],
							   &cs[i].market, horizon, &err) ||
			!abz_model_project(m, out, &npv, &err) ||
			(pack == 1 && !abz_proj_build_float(p, horizon, abz_model_launch(m), out, npv, &err)) ||
			(pack == 2 && !abz_proj_build(p, horizon, abz_model_launch(m), months, npv, &err)))
		{
			fprintf(stderr, "company %ld: %s\n", i + 1, err.msg);
			exit(1);
		}
		if (hash)
			*hash = fnv1a(*hash, p, ABZ_PROJ_FLOAT_SIZE(horizon));
		sum += npv;
	}
	*checksum = sum;
	*cpu = cpu_now() - c0;
	free(m);
	free(months);
	free(p);
	return now() - t0;
}

/* read the inputs, then time one pass of each loop; hash the values */
int
main(int argc, char **argv)
{
	long		n;
	int			horizon;
	Company    *cs;
	double		secs;
	double		cpu;
	double		checksum;
	uint64_t	hash = 0xcbf29ce484222325ULL;

	if (argc != 3)
	{
		fprintf(stderr, "usage: %s INPUTS.tsv HORIZON\n", argv[0]);
		return 2;
	}
	horizon = atoi(argv[2]);
	cs = read_inputs(argv[1], &n);
	run(cs, n < 1000 ? n : 1000, horizon, 0, &checksum, NULL, &cpu);	/* warm up */
	/* one pass each: the caller takes medians over interleaved rounds */
	for (int pack = 0; pack <= 2; pack++)
	{
		secs = run(cs, n, horizon, pack, &checksum, NULL, &cpu);
		printf("%s %ld %d %.6f %.17g %.6f\n",
			   pack == 0 ? "core_project" : pack == 1 ? "core_pack" : "core_fixed",
			   n, horizon, secs, checksum, cpu);
	}
	run(cs, n, horizon, 1, &checksum, &hash, &cpu);
	printf("core_hash %016llx\n", (unsigned long long) hash);
	return 0;
}
