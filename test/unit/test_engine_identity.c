/*
 * test_engine_identity.c — every trial of a corpus of models keeps its
 * exact numbers: a 64-bit FNV-1a hash of the trial summaries (every field
 * of AbzTrial) and of the monthly revenue and cash series of 2000 trials
 * per case, pinned.  The cases cover the reference company of
 * bench/simulate.sh, licensing (gap arrivals and Poisson counts), training,
 * channel and joint-venture entry, rounds with p < 1, every strategy,
 * risks of scope=market, Poisson event counts, more events a month than are
 * sampled one by one, accounts capped by the market, early deaths, Latin hypercube sampling,
 * correlated inputs and a convergence tolerance.  The pins were taken from
 * the one-trial-at-a-time engine (abz_model_trial_inputs); the block
 * engine the driver uses (abz_sim_trials) must give the same bytes, and so
 * must the one-trial path, for any block split and either Philox refill.
 *
 * The pins hold for the C library's log, exp and pow they were taken with
 * (glibc's build for x86-64 processors with FMA); with another build those
 * differ in the last bit for 1 argument in 1,400 to 9,400 (docs/simulation.md,
 * "Across processors"), and so do the hashes: the three paths must then
 * still agree with each other.
 *
 * ABZ_IDENTITY_PRINT=1 in the environment prints the hashes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "rng.h"
#include "simulate.h"
#include "unit.h"

#ifndef ID_TRIALS
#define ID_TRIALS	2000
#endif

typedef struct IdCase
{
	const char *name;
	const char *rev;
	const char *risk;
	const char *plan;
	AbzMarket	mk;
	int			horizon;
	uint8_t		sampling;
	int			ncorr;			/* correlate inputs 0..ncorr-1 at 0.5 */
	double		tolerance;
	int64_t		scenario;		/* market key from (scenario, market hash) when not 0 */
	uint64_t	pin;
} IdCase;

#define REF_REV "subscription(price=pert(40,50,70), seats=5, cost=4, cost_decline=20%, expansion=1%) + usage(price=0.002, units=normal(20000,5000), growth=2%, price_decline=30%, cost=0.0008, cost_decline=40%)"
#define REF_RISK "competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=0.5, loss=lognormal(200k,100k), cost=5k) + privacy(freq=0.3, loss=pert(50k,150k,1M), churn=3%, strategy=transfer(premium=2k, cover=60%))"
#define REF_PLAN "cash(amount=3M) + team(headcount=12, cost=15k, growth=5%) + product(launch=3, churn=triangular(1%,2%,4%)) + marketing(budget=50k, cac=800, organic=2%, growth=10%) + round(month=18, amount=5M, p=60%) + valuation(discount=25%, multiple=6)"
#define REF_MARKET {200000, 0.02, 0.03, 0.4, 0.1}

static const IdCase cases[] = {
	{"reference", REF_REV, REF_RISK, REF_PLAN, REF_MARKET, 60, ABZ_SAMPLING_MC, 0, 0, 0,
	UINT64_C(0xeb4b9e1668a2146a)},
	{"reference lhs", REF_REV, REF_RISK, REF_PLAN, REF_MARKET, 60, ABZ_SAMPLING_LHS, 0, 0, 0,
	UINT64_C(0x5f7c998f2f0c9755)},
	{"reference correlated", REF_REV, REF_RISK, REF_PLAN, REF_MARKET, 60, ABZ_SAMPLING_MC, 2, 0, 0,
	UINT64_C(0x8b19bc43f4490d5e)},
	{"reference lhs correlated", REF_REV, REF_RISK, REF_PLAN, REF_MARKET, 36, ABZ_SAMPLING_LHS, 3, 0, 0,
	UINT64_C(0xd42198431c0398dc)},
	{"reference tolerance", REF_REV, REF_RISK, REF_PLAN, REF_MARKET, 60, ABZ_SAMPLING_MC, 0, 0.05, 0,
	UINT64_C(0xeb4b9e1668a2146a)},
	{"licensing training jv",
		"subscription(price=uniform(20,40), seats=3, expansion=2%) + licensing(deals=pert(6,12,24), fee=1000, royalty=5%, base=10k, term=12, cost=100) + advertising(impressions=2000, cpm=5, users=3, fill=50%, cost=0.1, growth=5%)",
		"technology(freq=4, loss=lognormal(10k,5k), strategy=mitigate(cost=1k, effect=50%)) + data(freq=1, share=uniform(0,10%), strategy=avoid(forgo=5%)) + ethics(freq=triangular(0.5,1,3), cost=uniform(0,2k), churn=1%)",
		"cash(amount=500k) + team(headcount=4, cost=10k) + product(launch=6, churn=2%) + marketing(budget=10k, cac=300, organic=1%) + entry(mode=jv, stake=30%) + training(cost=uniform(20k,60k), every=6, decline=20%) + round(month=12, amount=1M, p=50%) + round(month=24, amount=2M, p=uniform(30%,90%)) + round(month=24, amount=500k) + valuation(discount=30%, multiple=5)",
	{50000, 0.01, 0.02, 0.3, 0.05}, 48, ABZ_SAMPLING_MC, 0, 0, 0, UINT64_C(0x10ba9cb546e1b707)},
	{"market scope poisson",
		"usage(price=1, units=triangular(10, 20, 40), growth=3%) + licensing(deals=150, fee=200, royalty=1%, base=1k, term=6)",
		"market(freq=triangular(1,2,3), churn=2%, price=uniform(0,2%), loss=pert(1k,5k,20k), scope=market) + competition(freq=150, churn=0.1%, price=uniform(0,0.1%)) + regulation(freq=2, loss=lognormal(200k, 100k), scope=market) + team(freq=0.5, cost=normal(3k,1k))",
		"cash(amount=2M) + team(headcount=5, cost=12k, growth=3%) + product(launch=1, churn=pert(1%,3%,6%)) + marketing(budget=20k, cac=400, organic=3%) + entry(mode=channel, cut=20%, reach=150%) + valuation(multiple=3)",
	{80000, 0.05, 0.03, 0.5, 0.0}, 60, ABZ_SAMPLING_MC, 0, 0, 7, UINT64_C(0x87d037a65d522992)},
	{"market scope lhs",
		"usage(price=1, units=triangular(10, 20, 40), growth=3%)",
		"market(freq=triangular(1,2,3), churn=2%, price=uniform(0,2%), loss=pert(1k,5k,20k), scope=market) + privacy(freq=uniform(0.5,1), loss=100k)",
		"cash(amount=1M) + team(headcount=5, cost=12k) + product(launch=2, churn=2%) + marketing(budget=20k, cac=400) + valuation(multiple=3)",
	{80000, 0.05, 0.03, 0.5, 0.0}, 40, ABZ_SAMPLING_LHS, 2, 0, 11, UINT64_C(0xcfed7b2139c23508)},
	{"training jv no licensing",
		"subscription(price=uniform(20,40), seats=3, expansion=2%) + subscription(price=5, seats=1, cost=1) + advertising(impressions=2000, cpm=5, users=3, fill=50%, cost=0.1, growth=5%) + usage(price=0.01, units=1000, price_decline=10%, cost=0.004, cost_decline=50%)",
		"technology(freq=4, loss=lognormal(10k,5k), strategy=mitigate(cost=1k, effect=50%)) + data(freq=1, share=uniform(0,10%), strategy=avoid(forgo=5%)) + ethics(freq=triangular(0.5,1,3), cost=uniform(0,2k), churn=1%) + privacy(freq=0.5, loss=pert(10k,50k,200k), strategy=transfer(premium=uniform(500,1500), cover=uniform(20%,80%)))",
		"cash(amount=500k) + team(headcount=4, cost=10k, growth=uniform(0%,10%)) + product(launch=6, churn=2%) + marketing(budget=uniform(5k,15k), cac=300, organic=1%, growth=pert(0%,10%,30%)) + entry(mode=jv, stake=30%) + training(cost=uniform(20k,60k), every=6, decline=20%) + round(month=12, amount=1M, p=50%) + round(month=24, amount=2M, p=uniform(30%,90%)) + round(month=24, amount=500k) + round(month=60, amount=1M) + valuation(discount=uniform(20%,40%), multiple=5)",
	{50000, 0.01, 0.02, 0.3, 0.05}, 48, ABZ_SAMPLING_MC, 0, 0, 0, UINT64_C(0x0f4ac1e08c16065e)},
	{"market scope poisson no licensing",
		"usage(price=1, units=triangular(10, 20, 40), growth=3%) + subscription(price=normal(30,5), seats=2, cost=3)",
		"market(freq=triangular(1,2,3), churn=2%, price=uniform(0,2%), loss=pert(1k,5k,20k), scope=market) + competition(freq=150, churn=0.1%, price=uniform(0,0.1%)) + regulation(freq=2, loss=lognormal(200k, 100k), scope=market) + team(freq=0.5, cost=normal(3k,1k)) + technology(freq=200, loss=100, scope=market)",
		"cash(amount=2M) + team(headcount=5, cost=12k, growth=3%) + product(launch=1, churn=pert(1%,3%,6%)) + marketing(budget=20k, cac=400, organic=3%) + entry(mode=channel, cut=20%, reach=150%) + valuation(multiple=3)",
	{80000, 0.05, 0.03, 0.5, 0.0}, 60, ABZ_SAMPLING_LHS, 3, 0, 7, UINT64_C(0x9a49c48825136f57)},
	{"many events",
		"subscription(price=50, seats=1)",
		"competition(freq=20000, churn=0.001%, loss=uniform(0,1)) + market(freq=100000, loss=1, scope=market)",
		"cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=1, churn=1%) + marketing(budget=1k, cac=100) + valuation(multiple=1)",
	{10000, 0.05, 0.03, 0.5, 0.0}, 6, ABZ_SAMPLING_MC, 0, 0, 3, UINT64_C(0xaa5d9150a1517275)},
	{"capped accounts",
		"subscription(price=normal(30,5), seats=2) + subscription(price=10, seats=1, cost=2, cost_decline=10%) + advertising(impressions=500, cpm=3, users=1, fill=80%)",
		"competition(freq=6, churn=uniform(0,10%), share=5%) + market(freq=1, price=3%)",
		"cash(amount=100k) + team(headcount=2, cost=8k) + product(launch=2, churn=uniform(0.5%,3%)) + marketing(budget=5k, cac=50, organic=50%) + valuation(multiple=4)",
	{2000, 0.3, 0.2, 0.9, 0.1}, 36, ABZ_SAMPLING_MC, 0, 0, 0, UINT64_C(0x3fd1492e3462a3d7)},
	{"early deaths",
		"usage(price=uniform(0.5,2), units=100, growth=pert(0%,5%,20%))",
		"regulation(freq=3, loss=lognormal(300k,300k)) + team(freq=2, cost=uniform(1k,10k))",
		"cash(amount=uniform(100k,400k)) + team(headcount=6, cost=15k, growth=10%) + product(launch=4, churn=3%) + marketing(budget=30k, cac=1k, growth=20%) + round(month=6, amount=300k, p=40%) + valuation(multiple=2)",
	{30000, 0.0, 0.01, 0.3, 0.02}, 24, ABZ_SAMPLING_MC, 0, 0, 0, UINT64_C(0x43c9efc5c04d9957)},
};

#define NCASES (int) (sizeof(cases) / sizeof(cases[0]))

/* FNV-1a 64 over n bytes */
/*
 * true when libm's log is the build the pins were taken with: the two x86-64
 * glibc builds differ on this argument (last bit of its log)
 */
static bool
pinned_libm(void)
{
	volatile double u = 0x1.82ef9d8fedb6dp-1;
	double		r = log(u);
	uint64_t	bits;

	memcpy(&bits, &r, sizeof(bits));
	return bits == UINT64_C(0xbfd1ec971d970428);
}

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
	{
		h ^= c[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* the once-per-trial inputs' options of a case (correlations of inputs 0..ncorr-1 at 0.5) */
static AbzSimOptions
case_opts(const IdCase *c, const AbzModel *m, int *idx, double *target)
{
	AbzSimOptions o = unit_sim_opts(1, ID_TRIALS);
	int			k = c->ncorr < abz_model_nrand(m) ? c->ncorr : abz_model_nrand(m);

	o.sampling = c->sampling;
	o.tolerance = c->tolerance;
	o.scenario = c->scenario;
	for (int p = 0; p < k; p++)
	{
		idx[p] = p;
		for (int q = 0; q < k; q++)
			target[p * k + q] = p == q ? 1.0 : 0.5;
	}
	if (k > 1)
	{
		o.ncorr = k;
		o.corr_index = idx;
		o.corr_target = target;
	}
	return o;
}

/*
 * The hash of trials [0, n) computed the way the driver does, in calls of
 * `step` trials (0: the one-trial path abz_model_trial_inputs).
 */
static uint64_t
case_hash(AbzModel *m, const AbzSimOptions *o, int32_t n, int32_t step, void *scratch)
{
	int			H = abz_model_horizon(m);
	AbzSimInputs in,
			   *inp = NULL;
	uint64_t	h = UINT64_C(0xcbf29ce484222325);
	AbzTrial   *tr = malloc(sizeof(AbzTrial) * ABZ_SIM_BLOCK);
	double	   *rev = malloc(sizeof(double) * (size_t) H * ABZ_SIM_BLOCK),
			   *cash = malloc(sizeof(double) * (size_t) H * ABZ_SIM_BLOCK);
	void	   *blk = malloc(abz_model_block_size(m));
	AbzError	err;

	if (abz_sim_inputs_by_block(o))
	{
		abz_sim_inputs_init(&in, m, o, scratch);
		inp = &in;
	}
	for (int32_t i = 0; i < n;)
	{
		int32_t		k = step == 0 ? 1 : (n - i < step ? n - i : step);

		if (inp && (i == 0 || i - inp->first >= inp->cap))
			CHECK(abz_sim_inputs_fill(inp, m, o, i, n - i < inp->cap ? n - i : inp->cap, &err));
		if (inp && i + k > inp->first + inp->cap)
			k = inp->first + inp->cap - i;
		if (step == 0)
			abz_model_trial_inputs(m, (uint64_t) o->seed, (uint64_t) i,
								   inp ? abz_sim_inputs_row(inp, i) : NULL, tr, rev, cash);
		else
			abz_sim_trials(m, o, inp, i, k, blk, tr, rev, cash);
		for (int32_t j = 0; j < k; j++)
		{
			h = fnv(h, &tr[j], sizeof(AbzTrial));
			h = fnv(h, rev + (size_t) j * H, sizeof(double) * (size_t) H);
			h = fnv(h, cash + (size_t) j * H, sizeof(double) * (size_t) H);
		}
		i += k;
	}
	free(blk);
	free(tr);
	free(rev);
	free(cash);
	return h;
}

ABZ_SUITE(engine_identity)
{
	bool		print = getenv("ABZ_IDENTITY_PRINT") != NULL;
	bool		pinned = pinned_libm();

	if (!pinned)
		printf("engine_identity: this C library's log differs from the pinned build; "
			   "the paths are compared with each other only\n");
	for (int c = 0; c < NCASES; c++)
	{
		const IdCase *ic = &cases[c];
		AbzSpec    *rev = unit_spec(ABZ_KIND_REVENUE, ic->rev),
				   *risk = unit_spec(ABZ_KIND_RISK, ic->risk),
				   *plan = unit_spec(ABZ_KIND_PLAN, ic->plan);
		AbzModel   *m = malloc(abz_model_size(ic->horizon));
		AbzError	err;
		int			idx[8];
		double		target[64];
		AbzSimOptions o;
		void	   *scratch;
		uint64_t	h1,
					hb,
					h7;

		CHECK(rev && risk && plan);
		if (!rev || !risk || !plan)
			continue;
		CHECK(abz_model_prepare(m, rev, risk, plan, &ic->mk, ic->horizon, &err));
		if (ic->scenario)
			abz_model_set_market_key(m, abz_market_key(ic->scenario, abz_market_hash(&ic->mk)));
		o = case_opts(ic, m, idx, target);
		scratch = malloc(abz_sim_scratch(m, &o));
		/* the one-trial path with the SSE2 refill, the block engine with the widest */
		abz_rng_set_wide(0);
		h1 = case_hash(m, &o, ID_TRIALS, 0, scratch);
		abz_rng_set_wide(1);
		hb = case_hash(m, &o, ID_TRIALS, ABZ_SIM_BLOCK, scratch);
		h7 = case_hash(m, &o, ID_TRIALS, 7, scratch);
		if (print)
			printf("    %-34s %s one %016llx block %016llx by7 %016llx\n", ic->name,
				   abz_model_block_ok(m) ? "block" : "one-by-one",
				   (unsigned long long) h1, (unsigned long long) hb, (unsigned long long) h7);
		CHECK(hb == h1);
		CHECK(h7 == h1);
		if (pinned)
			CHECK(h1 == ic->pin);
		free(scratch);
		free(m);
		free(rev);
		free(risk);
		free(plan);
	}
}
