/*
 * model_block.c — the block engine: up to ABZ_MODEL_LANES trials of one
 * model stepped together, month by month, each trial a lane.
 *
 * A lane is set up exactly as abz_model_trial_inputs() sets up its trial
 * (abz_mdl_setup_run() draws its keys, rounds and first arrivals from its
 * own Philox streams, keyed by (seed, stream id, trial)), then its run state
 * (the plan's constants, revenue term states, risk streams and next
 * arrivals, round amounts) is copied into the block.  The month loop then
 * runs every live lane through month t before month t + 1: the lanes are
 * independent, so the processor overlaps their dependency chains (accounts,
 * pools, cash), which in a single trial follow one another month by month.
 * A lane performs exactly the floating-point operations of run()
 * (model_run.c), in the same order, with the same shared steps
 * (model_step.h), so its numbers are bit for bit those of the one-trial
 * path.  Risk events are stepped per lane when its next arrival comes (or
 * every month when it counts events by Poisson draws); a lane that dies
 * stops and fills its series' tail.
 *
 * Models with licensing terms (their deal history and arrival streams are
 * per trial state this engine does not hold) run one trial at a time:
 * abz_model_block_ok() says which.
 */
#include <string.h>

#include "model_step.h"

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

/* the run state of every lane of a block */
typedef struct Block
{
	RunConst	rc[ABZ_MODEL_LANES];
	Shocked		st[ABZ_MODEL_LANES];
	double		K[ABZ_MODEL_LANES];
	double		disc[ABZ_MODEL_LANES];
	double		tf[ABZ_MODEL_LANES];
	double		trf[ABZ_MODEL_LANES];
	double		bf[ABZ_MODEL_LANES];
	double		npv[ABZ_MODEL_LANES];
	double		R[ABZ_MODEL_LANES];
	double		risk_loss[ABZ_MODEL_LANES];
	double		eq_pv[ABZ_MODEL_LANES];
	double		rnext_any[ABZ_MODEL_LANES];
	double		next_round[ABZ_MODEL_LANES];
	int			ri[ABZ_MODEL_LANES];
	int			breakeven[ABZ_MODEL_LANES];
	int			train_in[ABZ_MODEL_LANES];
	bool		alive[ABZ_MODEL_LANES];
	bool		rpois[ABZ_MODEL_LANES];
	StreamState *ss;			/* [lane][nrev] */
	LaneRisk   *rk;				/* [lane][nrisk] */
	double	   *ramt;			/* [lane][nround] */
	double	   *row;			/* [nrand] the given inputs of the lane being set up */
} Block;

/* bytes of a part of n elements of size sz, rounded up to 8 */
static size_t
part(size_t n, size_t sz)
{
	return (n * sz + 7) & ~(size_t) 7;
}

/* bytes of the block state of model m (abz_model_trials_block's scratch) */
size_t
abz_model_block_size(const AbzModel *m)
{
	return part(1, sizeof(Block)) +
		part((size_t) ABZ_MODEL_LANES * (size_t) m->nrev, sizeof(StreamState)) +
		part((size_t) ABZ_MODEL_LANES * (size_t) m->nrisk, sizeof(LaneRisk)) +
		part((size_t) ABZ_MODEL_LANES * (size_t) m->nround, sizeof(double)) +
		part((size_t) m->nrand, sizeof(double));
}

/* whether the block engine runs this model (no licensing terms) */
bool
abz_model_block_ok(const AbzModel *m)
{
	return m->nlic == 0;
}

/* point the parts of the block state in scratch */
static Block *
block_at(const AbzModel *m, void *scratch)
{
	Block	   *B = scratch;
	char	   *p = (char *) scratch + part(1, sizeof(Block));

	B->ss = (StreamState *) p;
	p += part((size_t) ABZ_MODEL_LANES * (size_t) m->nrev, sizeof(StreamState));
	B->rk = (LaneRisk *) p;
	p += part((size_t) ABZ_MODEL_LANES * (size_t) m->nrisk, sizeof(LaneRisk));
	B->ramt = (double *) p;
	p += part((size_t) ABZ_MODEL_LANES * (size_t) m->nround, sizeof(double));
	B->row = (double *) p;
	return B;
}

/* copy the trial abz_mdl_setup_run() just set up in m into lane l */
static void
capture_lane(AbzModel *m, Block *B, int l, AbzTrial *tr)
{
	LaneRisk   *rk = B->rk + (size_t) l * m->nrisk;

	run_const(m, &B->rc[l]);
	memcpy(B->ss + (size_t) l * m->nrev, m->ss, sizeof(StreamState) * (size_t) m->nrev);
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
		B->ramt[(size_t) l * m->nround + r] = m->ramt[r];
	B->rpois[l] = m->rpois;
	B->rnext_any[l] = m->rnext_any;
	B->st[l] = (Shocked) {0.0, 1.0, 1.0, 0.0, 0.0};
	B->K[l] = m->plan[ABZ_PLAN_CASH].k[CASH_AMOUNT];
	B->disc[l] = B->tf[l] = B->trf[l] = B->bf[l] = 1.0;
	B->npv[l] = B->R[l] = B->risk_loss[l] = B->eq_pv[l] = 0.0;
	B->ri[l] = 0;
	B->next_round[l] = m->nround > 0 ? m->round[m->rord[0]].k[ROUND_MONTH] : HUGE_VAL;
	B->breakeven[l] = 0;
	B->train_in[l] = B->rc[l].every;
	B->alive[l] = true;
	eq_put(m, tr, 0, B->K[l], 1.0, &B->eq_pv[l]);
}

/* one risk event of risk i in a lane (rk its state, ss its revenue terms) */
static void
lane_event(const AbzModel *m, LaneRisk *rk, StreamState *ss, Shocked *st, int i)
{
	double		x[NEV];

	abz_mdl_event_impacts(m, i, &rk->rsk, &rk->rmi, x);
	apply_shock(ss, m->kind_end[ABZ_REV_SUBSCRIPTION], st, x[0], x[1], x[2], x[3], x[4],
				rk->cover);
}

/*
 * the risk events of month t in a lane, as trial_risks() (model_risk.h)
 * steps them in one trial; returns the lane's next arrival of any risk
 */
static double
lane_risks(const AbzModel *m, LaneRisk *rk, StreamState *ss, Shocked *st, int t,
		   AbzTrial *tr, double keep)
{
	double		next_any = HUGE_VAL;

	for (int i = 0; i < m->nrisk; i++)
	{
		LaneRisk   *r = &rk[i];
		double		mu = r->mu;
		int			cat = m->risk[i].code;
		uint32_t	n = 0;
		double		before = st->L;
		AbzRng	   *arr = m->rmarket[i] ? &r->rma : &r->rsk;

		if (mu <= 0.0 || m->roff[i])
			continue;
		if (mu <= GAP_MAX)
		{
			while (r->rnext <= t)
			{
				lane_event(m, r, ss, st, i);
				r->rnext += gap(mu, arr);
				n++;
			}
		}
		else
		{
			n = abz_rng_poisson(mu, arr);
			for (uint32_t e = 0; e < n && e < EV_CAP; e++)
				lane_event(m, r, ss, st, i);
			if (n > EV_CAP)
				abz_mdl_trial_bulk(m, ss, st, i, (double) (n - EV_CAP), r->cover);
		}
		if (r->rnext < next_any)
			next_any = r->rnext;
		if (n > 0)
		{
			/* saturating: absurd rates must not wrap the count */
			tr->events[cat] = n > UINT32_MAX - tr->events[cat] ?
				UINT32_MAX : tr->events[cat] + n;
			tr->loss[cat] += (st->L - before) * keep;
		}
	}
	return next_any;
}

/*
 * Month t of lane l: run()'s month in trial mode (model_run.c), on the
 * lane's state; rev and cash are the lane's series.  Returns false when
 * the lane dies this month.
 */
static inline __attribute__((always_inline)) bool
lane_month(AbzModel *m, Block *B, int l, int t, AbzTrial *tr, double *rev, double *cash)
{
	const RunConst *rc = &B->rc[l];
	Shocked    *st = &B->st[l];
	StreamState *ss = B->ss + (size_t) l * m->nrev;
	StreamState *kend[ABZ_REV_NTERMS];
	int			H = m->horizon,
				launch = m->launch,
				nsub = m->kind_end[ABZ_REV_SUBSCRIPTION];
	Month		mo = {0};
	double		R;

	B->disc[l] *= rc->v;
	B->tf[l] *= rc->team_f;
	B->trf[l] *= rc->train_f;
	if (t < launch)
		advance_streams(ss, m->nrev);

	/* 1. risk events */
	st->L = 0.0;
	if (B->rpois[l] || B->rnext_any[l] <= t)
		B->rnext_any[l] = lane_risks(m, B->rk + (size_t) l * m->nrisk, ss, st, t, tr,
									 rc->keep);

	/* 2-3. acquisition, churn, revenue (from launch) */
	if (t >= launch)
	{
		for (int c = 0; c < ABZ_REV_NTERMS; c++)
			kend[c] = ss + m->kind_end[c];
		if (t > launch)
			B->bf[l] *= rc->mkt_f;
		mo.B = rc->budget * B->bf[l];
		mo.n = acquire(ss, nsub, rc, st, mo.B, t, m->series, m->series + H, m->series + 2 * H);
		mo.G = streams(m, ss, kend, t, st->C, mo.n, st->pi, mo.rev, &mo.cor, true);
	}
	R = B->R[l] = mo.R = mo.G * rc->netf;

	/* 4. operating costs; 5. funding; 6. cash */
	month_costs(rc, st, &mo, B->tf[l], B->trf[l], &B->train_in[l]);
	mo.fund = fund_rounds(m, B->ramt + (size_t) l * m->nround, tr, t, B->disc[l], &B->ri[l],
						  &B->next_round[l], &B->eq_pv[l]);
	mo.cor *= rc->keep;
	mo.F = R - (((mo.cor + mo.opex) + (mo.mkt + mo.train)) + mo.riskc);
	B->K[l] += mo.F + mo.fund;
	B->npv[l] += mo.F * B->disc[l];
	rev[t - 1] = R;
	cash[t - 1] = B->K[l];
	B->risk_loss[l] += st->L * rc->keep;
	if (B->breakeven[l] == 0 && t >= launch && mo.F >= 0.0)
		B->breakeven[l] = t;
	return !(B->K[l] < 0.0);
}

/* the end of lane l's run (dead at month t, or alive at the horizon): its summary */
static void
lane_finish(const AbzModel *m, Block *B, int l, int t, AbzTrial *tr, double *rev, double *cash)
{
	const RunConst *rc = &B->rc[l];
	double		R = B->R[l],
				K = B->K[l],
				disc = B->disc[l];
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
		B->npv[l] += rc->multiple * 12.0 * R * disc;
	tr->exit = alive ? rc->multiple * 12.0 * R + K : 0.0;
	tr->eq_npv = tr->exit * disc - B->eq_pv[l];
	tr->npv = B->npv[l];
	tr->arr = alive ? 12.0 * R : 0.0;
	tr->risk_loss = B->risk_loss[l];
	tr->breakeven_month = B->breakeven[l];
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
	for (int t = 1; t <= H && live > 0; t++)
		for (int l = 0; l < n; l++)
		{
			double	   *rev = revenue + (size_t) l * H,
					   *csh = cash + (size_t) l * H;

			if (!B->alive[l])
				continue;
			if (!lane_month(m, B, l, t, &out[l], rev, csh))
			{
				B->alive[l] = false;
				lane_finish(m, B, l, t, &out[l], rev, csh);
				live--;
			}
		}
	for (int l = 0; l < n; l++)
		if (B->alive[l])
			lane_finish(m, B, l, H, &out[l], revenue + (size_t) l * H, cash + (size_t) l * H);
}
