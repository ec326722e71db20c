/*
 * projection_core.c — the standalone core's projection rate, without a
 * server: reads the inputs of bench/projection_inputs.awk, parses them with
 * abz_parse, then times abz_model_prepare + abz_model_project over every
 * company, and the same plus storing it as an aibiz.projection value: in
 * format 2 (float8, what aibiz.project() returns) and in format 1 (Q95.32,
 * what the sum aggregate converts each row to).  Prints seconds per pass.
 *
 * Usage: projection_core INPUTS.tsv HORIZON
 */
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

/* seconds of a monotonic clock */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
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

/* project every company; store as a projection value (pack 1 float, 2 fixed); returns seconds */
static double
run(Company *cs, long n, int horizon, int pack, double *checksum)
{
	AbzModel   *m = malloc(abz_model_size(horizon));
	AbzMonth   *months = malloc(horizon * sizeof(AbzMonth));
	AbzProj    *p = malloc(ABZ_PROJ_SIZE(horizon));
	AbzError	err;
	double		t0 = now();
	double		sum = 0;

	for (long i = 0; i < n; i++)
	{
		double		npv;

		if (!abz_model_prepare(m, cs[i].spec[0], cs[i].spec[1], cs[i].spec[2],
							   &cs[i].market, horizon, &err) ||
			!abz_model_project(m, months, &npv, &err) ||
			(pack == 1 && !abz_proj_build_float(p, horizon, abz_model_launch(m), months, npv, &err)) ||
			(pack == 2 && !abz_proj_build(p, horizon, abz_model_launch(m), months, npv, &err)))
		{
			fprintf(stderr, "company %ld: %s\n", i + 1, err.msg);
			exit(1);
		}
		sum += npv;
	}
	*checksum = sum;
	free(m);
	free(months);
	free(p);
	return now() - t0;
}

/* read the inputs, then time both loops (best of three each) */
int
main(int argc, char **argv)
{
	long		n;
	int			horizon;
	Company    *cs;
	double		secs;
	double		checksum;

	if (argc != 3)
	{
		fprintf(stderr, "usage: %s INPUTS.tsv HORIZON\n", argv[0]);
		return 2;
	}
	horizon = atoi(argv[2]);
	cs = read_inputs(argv[1], &n);
	run(cs, n < 1000 ? n : 1000, horizon, 0, &checksum);	/* warm up */
	/* best of three: the machine may be shared */
	for (int pack = 0; pack <= 2; pack++)
	{
		double		best = 1e300;

		for (int r = 0; r < 3; r++)
		{
			secs = run(cs, n, horizon, pack, &checksum);
			if (secs < best)
				best = secs;
		}
		printf("%s %ld %d %.6f %.17g\n",
			   pack == 0 ? "core_project" : pack == 1 ? "core_pack" : "core_fixed",
			   n, horizon, best, checksum);
	}
	return 0;
}
