/*
 * core_trial.c — throughput of the Monte Carlo trial in the standalone core:
 * trial-months per second on one core for the reference company
 * (subscription + usage streams, three risks, one funding round, 60 months).
 *
 * Build and run from the repository root:
 *   cc -O2 -Isrc/core bench/core_trial.c src/core/[a-z]*.c -lm -o build/core_trial
 *   ./build/core_trial [trials]
 *
 * Time is the process's CPU time, best of three runs, so that other load on
 * a shared machine disturbs the figure less.  Times one trial at a time
 * (abz_model_trial) and, where the model and processor allow it, the block
 * engine (abz_model_trials_block, 16 trials at a time); both must give the
 * same mean NPV to the last digit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "model.h"

/* the reference company (market: 40k accounts, adoption 5 %, p 0.02, q 0.35, growth 8 %) */
static const char *const rev_text =
	"subscription(price=triangular(30,49,60), seats=3, cost=4)"
	" + usage(price=0.002, units=lognormal(30000,10000), cost=0.0007, cost_decline=30%)";
static const char *const risk_text =
	"competition(freq=uniform(0.5,1.5), price=triangular(5%,10%,30%))"
	" + regulation(freq=0.5, loss=lognormal(200k,150k), strategy=transfer(premium=2000, cover=50%))"
	" + team(freq=1, churn=uniform(0,10%), strategy=mitigate(cost=1000, effect=30%))";
static const char *const plan_text =
	"cash(amount=1.5M) + team(headcount=6, cost=11k, growth=10%)"
	" + product(launch=3, churn=uniform(2%,4%))"
	" + marketing(budget=20k, cac=400, organic=5%)"
	" + round(month=18, amount=3M, p=0.6)";

/* seconds of CPU time of this process */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int
main(int argc, char **argv)
{
	AbzMarket	mk = {40000, 0.05, 0.02, 0.35, 0.08};
	long		trials = argc > 1 ? atol(argv[1]) : 500000;
	int			H = 60;
	AbzModel   *m = malloc(abz_model_size(H));
	AbzError	err;
	AbzTrial	tr[ABZ_MODEL_LANES];
	static double rev_s[ABZ_MODEL_LANES * 60],
				cash_s[ABZ_MODEL_LANES * 60];
	void	   *blk;
	double		npv,
				sum = 0,
				best = 0,
				t1;
	long		dead = 0;
	static AbzMonth rows[60];

	AbzSpec    *rev = bench_parse(ABZ_KIND_REVENUE, rev_text, "revenue"),
			   *risk = bench_parse(ABZ_KIND_RISK, risk_text, "risk"),
			   *plan = bench_parse(ABZ_KIND_PLAN, plan_text, "plan");

	if (!abz_model_prepare(m, rev, risk, plan, &mk, H, &err) ||
		!abz_model_project(m, rows, &npv, &err))
	{
		fprintf(stderr, "error: %s\n", err.msg);
		return 1;
	}
	blk = malloc(abz_model_block_size(m));
	for (int mode = 0; mode < 2; mode++)
	{
		if (mode == 1 && !abz_model_block_ok(m))
		{
			printf("block engine: not for this model or processor\n");
			break;
		}
		for (int rep = 0; rep < 3; rep++)
		{
			double		t0 = now();

			sum = 0;
			dead = 0;
			for (long i = 0; i < trials; i += mode ? ABZ_MODEL_LANES : 1)
			{
				int			n = trials - i < ABZ_MODEL_LANES ? (int) (trials - i) : ABZ_MODEL_LANES;

				if (mode == 0)
				{
					abz_model_trial(m, 12345, (uint64_t) i, &tr[0], NULL, NULL);
					n = 1;
				}
				else
					abz_model_trials_block(m, blk, 12345, (uint64_t) i, n, NULL, 0, tr, rev_s,
										   cash_s);
				for (int j = 0; j < n; j++)
				{
					sum += tr[j].npv;
					dead += tr[j].death_month != 0;
				}
			}
			t1 = now() - t0;
			if (rep == 0 || t1 < best)
				best = t1;
		}
		printf("%s: projection npv %.0f, trial mean npv %.17g, deaths %.2f%%\n",
			   mode ? "block engine" : "one at a time", npv, sum / trials, 100.0 * dead / trials);
		printf("%ld trials x %d months in %.3f s CPU: %.1f M trial-months/s (%.0f ns per trial)\n",
			   trials, H, best, trials * (double) H / best / 1e6, best / trials * 1e9);
	}
	free(blk);
	free(m);
	return 0;
}
