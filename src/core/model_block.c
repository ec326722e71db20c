/*
 * model_block.c — the block engine: ABZ_MODEL_LANES trials of one model
 * stepped together, month by month, each trial a lane of a structure of
 * arrays, the arithmetic eight lanes per AVX-512 instruction.
 *
 * A lane is set up exactly as abz_model_trial_inputs() sets up its trial
 * (abz_mdl_setup_run() draws its keys, rounds and first arrivals from its
 * own Philox streams, keyed by (seed, stream id, trial)); its run state (the
 * plan's constants, revenue term states, risk streams and next arrivals,
 * round amounts) is then copied into the block's arrays.  Each month every
 * lane performs exactly the floating-point operations of run()
 * (model_run.c and model_step.h) in the same order: the same products and
 * sums in the same association, each branch of run() a select (both sides
 * computed, the lane's side kept), no product fused with a sum; so a lane's
 * numbers are bit for bit those of the one-trial path.  What is common to
 * every trial of a model (launch, round months, the training schedule, the
 * market series) is stepped once for the block.
 *
 * Risk events are rare: a lane steps its risks (lane_risks(), the same
 * draws and shocks as trial_risks() in model_risk.h) only in the months its
 * next arrival comes, or every month for a risk counted by Poisson draws.
 * A lane that dies records its summary and series tail at once and is
 * left out of every later store.  Lanes past the trials of a short block
 * copy lane 0 and are never stored.
 *
 * The vector month (model_block_step.h) is compiled for AVX-512F and chosen
 * at run time when the processor has it; elsewhere (and where the model has
 * licensing terms, whose deal history and arrival streams are per-trial
 * state this engine does not hold) trials run one at a time:
 * abz_model_block_ok() says which.  Two lanes per SSE2 instruction were
 * measured slower than one trial at a time, so there is no SSE2 form.
 */
#include <string.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "model_step.h"

/* no product is fused with a sum anywhere in this file (bit identity with run()) */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize ("fp-contract=off")
#endif

#define LANES		ABZ_MODEL_LANES

_Static_assert(LANES % 8 == 0, "lanes fill AVX-512 vectors");

/* a lane array: one double per lane, aligned for the widest vector */
#define LANEARR(name)	double name[LANES] __attribute__((aligned(64)))

/* one risk term's state in one lane */
typedef struct LaneRisk
{
	AbzRng		rsk;			/* the company's event stream */
	AbzRng		rma;			/* the market's arrival and impact streams (scope=market) */
	AbzRng		rmi;
	double		rnext;			/* next arrival */
	double		mu;				/* events per month this trial */
	double		cover;			/* share of a loss covered this trial */
} LaneRisk;

/* the revenue term states of a block: [term * LANES + lane] */
typedef struct BlockTerms
{
	double	   *pool,
			   *cf,
			   *pf,
			   *gf,
			   *kr,
			   *kc,
			   *g,
			   *f0,
			   *f1,
			   *f2;
} BlockTerms;

#define NTERMV		10			/* arrays of BlockTerms */

/* the run state of every lane of a block */
typedef struct Block
{
	/* the plan's constants of each lane's run (RunConst) */
	LANEARR(churn);
	LANEARR(budget);
	LANEARR(cac);
	LANEARR(inv_cac);
	LANEARR(mkt_f);
	LANEARR(capture);
	LANEARR(keep);
	LANEARR(team0);
	LANEARR(team_f);
	LANEARR(train0);
	LANEARR(train_f);
	LANEARR(v);
	LANEARR(fixed_risk);
	LANEARR(netf);
	LANEARR(multiple);
	/* the company state (Shocked), the month's flows and run()'s running sums */
	LANEARR(C);
	LANEARR(pi);
	LANEARR(sig);
	LANEARR(E);
	LANEARR(L);
	LANEARR(K);
	LANEARR(F);
	LANEARR(fund);
	LANEARR(disc);
	LANEARR(tf);
	LANEARR(trf);
	LANEARR(bf);
	LANEARR(npv);
	LANEARR(R);
	LANEARR(risk_loss);
	LANEARR(eq_pv);
	LANEARR(rnext_any);
	int			breakeven[LANES];
	bool		alive[LANES];
	bool		rpois[LANES];
	int			every;			/* months between training runs (common) */
	int			n;				/* lanes holding trials */
	uint32_t	pois;			/* lanes with a risk counted by Poisson draws, a bit each */
	uint32_t	live;			/* lanes alive, a bit each */
	BlockTerms	tm;
	LaneRisk   *rk;				/* [lane * nrisk + risk] */
	double	   *ramt;			/* [round * LANES + lane] */
	double	   *row;			/* [nrand] the given inputs of the lane being set up */
} Block;

/* what every lane shares in a month: the next round and training run */
typedef struct BlockClock
{
	int			ri;				/* next round (index in month order) */
	double		next_round;		/* its month */
	int			train_in;		/* months to the next training run */
} BlockClock;

/* bytes of a part of n elements of size sz, rounded up to 64 */
static size_t
part(size_t n, size_t sz)
{
	return (n * sz + 63) & ~(size_t) 63;
}

/* bytes of the block state of model m (abz_model_trials_block's scratch) */
size_t
abz_model_block_size(const AbzModel *m)
{
	return 64 + part(1, sizeof(Block)) +
		NTERMV * part((size_t) m->nrev * LANES, sizeof(double)) +
		part((size_t) LANES * (size_t) m->nrisk, sizeof(LaneRisk)) +
		part((size_t) m->nround * LANES, sizeof(double)) +
		part((size_t) m->nrand, sizeof(double));
}

/* point the parts of the block state in scratch (aligned to 64 inside it) */
static Block *
block_at(const AbzModel *m, void *scratch)
{
	char	   *p = (char *) (((uintptr_t) scratch + 63) & ~(uintptr_t) 63);
	Block	   *B = (Block *) p;
	double	  **tv[NTERMV] = {&B->tm.pool, &B->tm.cf, &B->tm.pf, &B->tm.gf, &B->tm.kr,
	&B->tm.kc, &B->tm.g, &B->tm.f0, &B->tm.f1, &B->tm.f2};

	p += part(1, sizeof(Block));
	for (int i = 0; i < NTERMV; i++)
	{
		*tv[i] = (double *) p;
		p += part((size_t) m->nrev * LANES, sizeof(double));
	}
	B->rk = (LaneRisk *) p;
	p += part((size_t) LANES * (size_t) m->nrisk, sizeof(LaneRisk));
	B->ramt = (double *) p;
	p += part((size_t) m->nround * LANES, sizeof(double));
	B->row = (double *) p;
	return B;
}

/* copy the plan's constants and revenue term states m's run just set up into lane l */
static void
capture_consts(AbzModel *m, Block *B, int l)
{
	RunConst	rc;

	run_const(m, &rc);
	B->churn[l] = rc.churn;
	B->budget[l] = rc.budget;
	B->cac[l] = rc.cac;
	B->inv_cac[l] = rc.inv_cac;
	B->mkt_f[l] = rc.mkt_f;
	B->capture[l] = rc.capture;
	B->keep[l] = rc.keep;
	B->team0[l] = rc.team0;
	B->team_f[l] = rc.team_f;
	B->train0[l] = rc.train0;
	B->train_f[l] = rc.train_f;
	B->v[l] = rc.v;
	B->fixed_risk[l] = rc.fixed_risk;
	B->netf[l] = rc.netf;
	B->multiple[l] = rc.multiple;
	B->every = rc.every;
	for (int j = 0; j < m->nrev; j++)
	{
		const StreamState *s = &m->ss[j];
		int			k = j * LANES + l;

		B->tm.pool[k] = s->pool;
		B->tm.cf[k] = s->cf;
		B->tm.pf[k] = s->pf;
		B->tm.gf[k] = s->gf;
		B->tm.kr[k] = s->kr;
		B->tm.kc[k] = s->kc;
		B->tm.g[k] = s->g;
		B->tm.f0[k] = s->f0;
		B->tm.f1[k] = s->f1;
		B->tm.f2[k] = s->f2;
	}
}

/* copy the trial abz_mdl_setup_run() just set up in m into lane l; its first contribution */
static void
capture_lane(AbzModel *m, Block *B, int l, AbzTrial *tr)
{
	LaneRisk   *rk = B->rk + (size_t) l * m->nrisk;
	double		pv = 0.0;

	capture_consts(m, B, l);
	for (int i = 0; i < m->nrisk; i++)
	{
		rk[i].mu = m->risk[i].f[0];
		rk[i].cover = m->risk[i].f[1];
		rk[i].rnext = m->rnext[i];
		if (m->roff[i] || !(rk[i].mu > 0.0))
			continue;
		rk[i].rsk = m->rsk[i];
		if (m->rmarket[i])
		{
			rk[i].rma = m->rma[i];
			rk[i].rmi = m->rmi[i];
		}
	}
	for (int r = 0; r < m->nround; r++)
		B->ramt[r * LANES + l] = m->ramt[r];
	B->rpois[l] = m->rpois;
	B->rnext_any[l] = m->rnext_any;
	B->C[l] = B->E[l] = B->L[l] = 0.0;
	B->pi[l] = B->sig[l] = 1.0;
	B->K[l] = m->plan[ABZ_PLAN_CASH].k[CASH_AMOUNT];
	B->disc[l] = B->tf[l] = B->trf[l] = B->bf[l] = 1.0;
	B->npv[l] = B->R[l] = B->risk_loss[l] = 0.0;
	B->breakeven[l] = 0;
	B->alive[l] = true;
	eq_put(m, tr, 0, B->K[l], 1.0, &pv);
	B->eq_pv[l] = pv;
}

/* lane dst becomes a copy of lane src (the lanes past a short block's trials) */
static void
copy_lane(const AbzModel *m, Block *B, int dst, int src)
{
	double	   *a = B->churn;

	/* the lane arrays churn .. rnext_any are consecutive in Block */
	for (double *x = a; x <= B->rnext_any; x += LANES)
		x[dst] = x[src];
	for (int j = 0; j < m->nrev; j++)
	{
		double	  **tv[NTERMV] = {&B->tm.pool, &B->tm.cf, &B->tm.pf, &B->tm.gf, &B->tm.kr,
		&B->tm.kc, &B->tm.g, &B->tm.f0, &B->tm.f1, &B->tm.f2};

		for (int i = 0; i < NTERMV; i++)
			(*tv[i])[j * LANES + dst] = (*tv[i])[j * LANES + src];
	}
	for (int r = 0; r < m->nround; r++)
		B->ramt[r * LANES + dst] = B->ramt[r * LANES + src];
	B->breakeven[dst] = 0;
	B->rpois[dst] = false;
	B->alive[dst] = false;
}

/*
 * a shock (shock_state(), model_risk.h) on lane l: the company state st
 * and the lane's subscription pools
 */
static void
lane_shock(const AbzModel *m, Block *B, int l, Shocked *st, double loss, double churn,
		   double price, double cost, double share, double cover)
{
	double		fs = shock_state(st, loss, churn, price, cost, share, cover);

	if (fs != 1.0)
		for (int j = 0; j < m->kind_end[ABZ_REV_SUBSCRIPTION]; j++)
			B->tm.pool[j * LANES + l] *= fs;
}

/* one event of risk i on lane l (abz_mdl_trial_event) */
static void
lane_event(const AbzModel *m, Block *B, int l, LaneRisk *rk, Shocked *st, int i)
{
	double		x[NEV];

	abz_mdl_event_impacts(m, i, &rk->rsk, &rk->rmi, x);
	lane_shock(m, B, l, st, x[0], x[1], x[2], x[3], x[4], rk->cover);
}

/* the events of risk i in month t on lane l; returns their count */
static uint32_t
lane_risk(const AbzModel *m, Block *B, int l, LaneRisk *r, Shocked *st, int i, int t)
{
	double		mu = r->mu;
	AbzRng	   *arr = m->rmarket[i] ? &r->rma : &r->rsk;
	const double *e = m->ev[i].mean;
	uint32_t	n = 0;
	double		x;

	if (mu <= GAP_MAX)
	{
		while (r->rnext <= t)
		{
			lane_event(m, B, l, r, st, i);
			r->rnext += gap(mu, arr);
			n++;
		}
		return n;
	}
	n = abz_rng_poisson(mu, arr);
	for (uint32_t k = 0; k < n && k < EV_CAP; k++)
		lane_event(m, B, l, r, st, i);
	if (n > EV_CAP)
	{
		/* abz_mdl_trial_bulk(): the events past EV_CAP at their mean impacts */
		x = (double) (n - EV_CAP);
		lane_shock(m, B, l, st, x * e[0], 1.0 - pow(keepf(e[1]), x),
				   1.0 - pow(keepf(e[2]), x), x * e[3], 1.0 - pow(keepf(e[4]), x), r->cover);
	}
	return n;
}

/*
 * The risk events of month t on lane l, as trial_risks() (model_risk.h)
 * steps them in one trial: the lane's company state is taken out of the
 * arrays, shocked, and put back.  Sets the lane's next arrival of any risk.
 */
static void
lane_risks(const AbzModel *m, Block *B, int l, int t, AbzTrial *tr)
{
	LaneRisk   *rk = B->rk + (size_t) l * m->nrisk;
	double		next_any = HUGE_VAL,
				keep = B->keep[l];
	Shocked		st = {B->C[l], B->pi[l], B->sig[l], B->E[l], B->L[l]};

	for (int i = 0; i < m->nrisk; i++)
	{
		int			cat = m->risk[i].code;
		double		before = st.L;
		uint32_t	n;

		if (rk[i].mu <= 0.0 || m->roff[i])
			continue;
		n = lane_risk(m, B, l, &rk[i], &st, i, t);
		if (rk[i].rnext < next_any)
			next_any = rk[i].rnext;
		if (n > 0)
		{
			/* saturating: absurd rates must not wrap the count */
			tr->events[cat] = n > UINT32_MAX - tr->events[cat] ?
				UINT32_MAX : tr->events[cat] + n;
			tr->loss[cat] += (st.L - before) * keep;
		}
	}
	B->C[l] = st.C;
	B->pi[l] = st.pi;
	B->sig[l] = st.sig;
	B->E[l] = st.E;
	B->L[l] = st.L;
	B->rnext_any[l] = next_any;
}

/*
 * fund_rounds() for every lane: the funding of month t into B->fund (each
 * lane's round amounts summed in round order), each round a contribution of
 * a live lane
 */
static void
block_rounds(const AbzModel *m, Block *B, BlockClock *ck, int t, int n, AbzTrial *out)
{
	for (int l = 0; l < LANES; l++)
		B->fund[l] = 0.0;
	while (t >= ck->next_round)
	{
		if (ck->next_round == t)
		{
			int			r = m->rord[ck->ri];
			const double *amt = B->ramt + r * LANES;

			for (int l = 0; l < LANES; l++)
				B->fund[l] += amt[l];
			for (int l = 0; l < n; l++)
				if (B->alive[l])
				{
					double		pv = B->eq_pv[l];

					eq_put(m, &out[l], m->rslot[r], amt[l], B->disc[l], &pv);
					B->eq_pv[l] = pv;
				}
		}
		ck->ri++;
		ck->next_round = ck->ri < m->nround ?
			m->round[m->rord[ck->ri]].k[ROUND_MONTH] : HUGE_VAL;
	}
}

/*
 * The scalar part of month t: the risk events of each live lane when due
 * (due: a superset of those lanes, one bit per lane), the rounds; returns
 * whether a training run falls in month t (common to all)
 */
static bool
block_common(const AbzModel *m, Block *B, BlockClock *ck, int t, uint32_t due, AbzTrial *out)
{
	bool		train = false;

	for (; due; due &= due - 1)
	{
		int			l = __builtin_ctz(due);

		if (B->alive[l] && (B->rpois[l] || B->rnext_any[l] <= t))
			lane_risks(m, B, l, t, &out[l]);
	}
	if (--ck->train_in == 0)
	{
		train = true;
		ck->train_in = B->every;
	}
	block_rounds(m, B, ck, t, B->n, out);
	return train;
}

/* the end of lane l's run (dead at month t, or alive at the horizon): its summary */
static void
lane_finish(const AbzModel *m, Block *B, int l, int t, AbzTrial *tr, double *rev, double *cash)
{
	double		R = B->R[l],
				K = B->K[l],
				disc = B->disc[l],
				multiple = B->multiple[l],
				npv = B->npv[l];
	bool		alive = B->alive[l];

	if (!alive)
	{
		tr->death_month = t;
		for (int s = t + 1; s <= m->horizon; s++)
		{
			rev[s - 1] = 0.0;
			cash[s - 1] = K;
		}
		R = 0.0;
	}
	else
		npv += multiple * 12.0 * R * disc;
	tr->exit = alive ? multiple * 12.0 * R + K : 0.0;
	tr->eq_npv = tr->exit * disc - B->eq_pv[l];
	tr->npv = npv;
	tr->arr = alive ? 12.0 * R : 0.0;
	tr->risk_loss = B->risk_loss[l];
	tr->breakeven_month = B->breakeven[l];
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ABZ_BLOCK_AVX512 1
#define BW				8
#define BLOCK_TARGET	"avx512f"
#define BLOCK_FN(name)	name##_avx512
#include "model_block_step.h"
#undef BW
#undef BLOCK_TARGET
#undef BLOCK_FN
#endif

/* whether this processor runs the vector month */
static bool
block_cpu(void)
{
#ifdef ABZ_BLOCK_AVX512
	static int	have = -1;

	if (have < 0)
	{
		__builtin_cpu_init();
		have = __builtin_cpu_supports("avx512f") ? 1 : 0;
	}
	return have == 1;
#else
	return false;
#endif
}

/* whether the block engine runs this model here (no licensing terms, an AVX-512 processor) */
bool
abz_model_block_ok(const AbzModel *m)
{
	return m->nlic == 0 && block_cpu();
}

/*
 * Trials first .. first + n - 1 (n <= ABZ_MODEL_LANES) keyed by seed, as
 * abz_model_trial_inputs() computes them one by one; see model.h.
 */
void
abz_model_trials_block(AbzModel *m, void *scratch, uint64_t seed, uint64_t first, int n,
					   const double *inputs, size_t stride, AbzTrial *out,
					   double *revenue, double *cash)
{
	Block	   *B = block_at(m, scratch);
	BlockClock	ck;
	int			H = m->horizon,
				live = n;

	for (int l = 0; l < n; l++)
	{
		TrialKey	tk = {seed, first + (uint64_t) l, NULL};

		if (inputs)
		{
			for (int i = 0; i < m->nrand; i++)
				B->row[i] = inputs[(size_t) i * stride + (size_t) l];
			tk.inputs = B->row;
		}
		memset(&out[l], 0, sizeof(AbzTrial));
		abz_mdl_setup_run(m, &tk);
		capture_lane(m, B, l, &out[l]);
	}
	for (int l = n; l < LANES; l++)
		copy_lane(m, B, l, 0);
	B->n = n;
	B->live = n >= 32 ? ~0u : (1u << n) - 1u;
	B->pois = 0;
	for (int l = 0; l < n; l++)
		B->pois |= (uint32_t) B->rpois[l] << l;
	ck.ri = 0;
	ck.next_round = m->nround > 0 ? m->round[m->rord[0]].k[ROUND_MONTH] : HUGE_VAL;
	ck.train_in = B->every;
#ifdef ABZ_BLOCK_AVX512
	for (int t = 1; t <= H && live > 0; t++)
		live = block_month_avx512(m, B, &ck, t, out, revenue, cash);
#endif
	for (int l = 0; l < n; l++)
		if (B->alive[l])
			lane_finish(m, B, l, H, &out[l], revenue + (size_t) l * H, cash + (size_t) l * H);
}
