/*
 * textio_core.c — text output and input of aibiz.projection,
 * aibiz.simulation and aibiz.cashflows in the standalone core, per value.
 *
 * Builds the reference company's 60-month expected path (format 2, float8,
 * as aibiz.project returns it; and format 1, fixed, as a sum), a 10k-trial
 * simulation and the path's cash flows with a rate, then times the core
 * printers and parsers the type I/O functions call.  Every value is checked
 * to read back byte for byte and to print back to the same text.
 *
 * Usage: textio_core REVENUE RISK PLAN ACCOUNTS ADOPTION P Q GROWTH HORIZON TRIALS REPS
 * Prints one line per operation: "name microseconds-per-value bytes".
 * Built with -DTEXTIO_PG_SHORTEST the float8 printer is PostgreSQL's
 * shortest-decimal routine (libpgcommon), as the server sets it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "cashflows.h"
#include "model.h"
#include "projval.h"
#include "simulate.h"
#include "simval.h"
#include "spec.h"

/* PostgreSQL's shortest float8 text (common/shortest_dec.h), from libpgcommon */
int			double_to_shortest_decimal_buf(double f, char *result);

/* the server's float8 formatter */
static int
pg_shortest(double v, char *buf)
{
	return double_to_shortest_decimal_buf(v, buf);
}

/* seconds on the monotonic clock */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *
xalloc(size_t n)
{
	void	   *p = calloc(1, n);

	if (p == NULL)
		exit(3);
	return p;
}

static void
die(const char *what, const AbzError *err)
{
	fprintf(stderr, "%s: %s\n", what, err ? err->msg : "mismatch");
	exit(1);
}

/* median of n doubles (sorts them) */
static int
cmpd(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

static double
median(double *t, int n)
{
	qsort(t, n, sizeof(double), cmpd);
	return t[n / 2];
}

static const AbzProj *g_proj;
static size_t g_proj_size;
static char *g_text;
static size_t g_len;
static size_t g_cap;

static void
proj_out(void)
{
	abz_proj_format(g_proj, g_text, g_cap);
}

static void
proj_in(void)
{
	AbzError	err;
	AbzProj    *p = abz_proj_parse(g_text, g_len, xalloc, &err);

	if (p == NULL || memcmp(p, g_proj, g_proj_size) != 0)
		die("projection text input", p ? NULL : &err);
	free(p);
}

static const AbzSimHeader *g_sim;
static AbzSimLayout g_L;

static void
sim_out(void)
{
	abz_sim_format(g_sim, &g_L, g_text);
}

static void
sim_in(void)
{
	AbzSimLayout L;
	AbzError	err;
	unsigned char *wire;
	AbzSimHeader *h;

	if (!abz_sim_text_layout(g_text, g_len, &L, &err))
		die("simulation text layout", &err);
	h = xalloc(L.size);
	wire = malloc(L.wire);
	if (!abz_sim_parse(g_text, g_len, wire, h, &L, &err))
		die("simulation text input", &err);
	if (memcmp(h, g_sim, L.size) != 0)
		die("simulation read back", NULL);
	free(wire);
	free(h);
}

static unsigned char *g_wire;

static void
sim_send(void)
{
	abz_sim_to_wire(g_sim, g_wire);
}

static void
sim_recv(void)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *h;

	if (!abz_sim_wire_layout(g_wire, g_L.wire, &L, &err))
		die("simulation binary layout", &err);
	h = xalloc(L.size);
	if (!abz_sim_from_wire(g_wire, g_L.wire, h, &L, &err) || memcmp(h, g_sim, L.size) != 0)
		die("simulation binary input", &err);
	free(h);
}

static const AbzCashflows *g_cf;

static void
cf_out(void)
{
	abz_cf_format(g_cf, g_text, g_cap, pg_shortest);
}

static void
cf_in(void)
{
	AbzError	err;
	uint32_t	maxf = (uint32_t) abz_cf_text_max_flows(g_len);
	AbzCashflows *cf = xalloc(ABZ_CF_SIZE(maxf));

	if (!abz_cf_parse(g_text, g_len, cf, maxf, &err))
		die("cashflows text input", &err);
	if (cf->n != g_cf->n || cf->rate != g_cf->rate ||
		memcmp(cf->flows, g_cf->flows, cf->n * sizeof(AbzFlow)) != 0)
		die("cashflows read back", NULL);
	free(cf);
}

/* microseconds per call of fn: median of reps timings of a batch */
static double
time_us(void (*fn) (void), int reps, int batch)
{
	double	   *t = malloc(sizeof(double) * reps);
	double		m;

	fn();						/* warm */
	for (int r = 0; r < reps; r++)
	{
		double		t0 = now();

		for (int i = 0; i < batch; i++)
			fn();
		t[r] = (now() - t0) / batch * 1e6;
	}
	m = median(t, reps);
	free(t);
	return m;
}

/* format, check that it prints back the same after reading, time both */
static void
run(const char *name, void (*out) (void), void (*in) (void), size_t len, int reps, int batch)
{
	char	   *copy;

	g_len = len;
	copy = malloc(len + 1);
	memcpy(copy, g_text, len + 1);
	in();
	out();
	if (strcmp(copy, g_text) != 0)
		die(name, NULL);
	free(copy);
	printf("%s_out %.3f %zu\n", name, time_us(out, reps, batch), len);
	printf("%s_in %.3f %zu\n", name, time_us(in, reps, batch), len);
}

int
main(int argc, char **argv)
{
	AbzMarket	mk;
	AbzModel   *m;
	AbzMonth   *months;
	AbzError	err;
	double		npv;
	int			horizon,
				trials,
				reps;
	AbzProj    *pf,
			   *px;
	AbzCashflows *cf;
	AbzSimOptions opts;
	bool		conv;
	void	   *scratch;

	if (argc != 12)
	{
		fprintf(stderr, "usage: %s REVENUE RISK PLAN ACCOUNTS ADOPTION P Q GROWTH HORIZON TRIALS REPS\n", argv[0]);
		return 2;
	}
#ifdef TEXTIO_PG_SHORTEST
	abz_set_num_shortest(pg_shortest);
#endif
	mk.accounts = atof(argv[4]);
	mk.adoption = atof(argv[5]);
	mk.bass_p = atof(argv[6]);
	mk.bass_q = atof(argv[7]);
	mk.growth = atof(argv[8]);
	horizon = atoi(argv[9]);
	trials = atoi(argv[10]);
	reps = atoi(argv[11]);
	m = xalloc(abz_model_size(horizon));
	months = xalloc(sizeof(AbzMonth) * horizon);
	if (!abz_model_prepare(m, bench_parse(ABZ_KIND_REVENUE, argv[1], "revenue"),
						   bench_parse(ABZ_KIND_RISK, argv[2], "risk"),
						   bench_parse(ABZ_KIND_PLAN, argv[3], "plan"), &mk, horizon, &err) ||
		!abz_model_project(m, months, &npv, &err))
		die("project", &err);
	pf = xalloc(ABZ_PROJ_FLOAT_SIZE(horizon));
	px = xalloc(ABZ_PROJ_SIZE(horizon));
	if (!abz_proj_build_float(pf, horizon, abz_model_launch(m), months, npv, &err) ||
		!abz_proj_build(px, horizon, abz_model_launch(m), months, npv, &err))
		die("projection", &err);
	g_cap = abz_proj_text_max(horizon);
	g_text = malloc(g_cap);

	g_proj = pf;
	g_proj_size = ABZ_PROJ_FLOAT_SIZE(horizon);
	run("projection_float", proj_out, proj_in, abz_proj_format(pf, g_text, g_cap), reps, 20);
	g_proj = px;
	g_proj_size = ABZ_PROJ_SIZE(horizon);
	run("projection_fixed", proj_out, proj_in, abz_proj_format(px, g_text, g_cap), reps, 20);

	/* cash flows: cash_flow + funding per month, 30 days apart, with a rate */
	cf = xalloc(ABZ_CF_SIZE(horizon));
	abz_cf_init(cf, horizon);
	for (int t = 0; t < horizon; t++)
		if (!abz_cf_append(cf, 9161 + 30 * t,
						   months[t].v[ABZ_M_CASH_FLOW] + months[t].v[ABZ_M_FUNDING], &err))
			die("cashflows", &err);
	{
		AbzFlow    *fs = xalloc(sizeof(AbzFlow) * horizon);

		if (!abz_cf_set_rate(cf, 0.1 / 3, &err) || !abz_cf_normalize(cf, fs, &err))
			die("cashflows", &err);
		free(fs);
	}
	g_cf = cf;
	run("cashflows", cf_out, cf_in, abz_cf_format(cf, g_text, g_cap, pg_shortest), reps, 50);

	/* the simulation */
	opts = (AbzSimOptions) {.seed = 1, .trials = trials};
	if (!abz_sim_layout_for(m, &opts, &g_L, &err))
		die("layout", &err);
	g_sim = xalloc(g_L.size);
	scratch = xalloc(abz_sim_scratch(m, &opts));
	if (!abz_simulate(m, &opts, (void *) g_sim, &g_L, scratch, NULL, NULL, &conv, &err))
		die("simulate", &err);
	free(g_text);
	g_text = malloc(g_L.text + 1);
	g_len = abz_sim_format(g_sim, &g_L, g_text);
	printf("simulation_sizes memory=%zu binary=%zu text=%zu\n", g_L.size, g_L.wire, g_len);
	run("simulation", sim_out, sim_in, g_len, reps, 1);
	/* the binary form, for reference */
	g_wire = malloc(g_L.wire);
	printf("simulation_send %.3f %zu\n", time_us(sim_send, reps, 1), g_L.wire);
	printf("simulation_recv %.3f %zu\n", time_us(sim_recv, reps, 1), g_L.wire);
	return 0;
}
