/*
 * model_step.h — the parts of the monthly step shared by the one-trial run()
 * (model_run.c) and the block engine (model_block.c): the plan's constants
 * of a run, acquisition and churn, the revenue streams, the operating
 * costs and the funding of a month.  Static inline (always inlined), so
 * each caller's copy performs exactly the same floating-point operations in
 * the same order.
 */
#ifndef ABZ_MODEL_STEP_H
#define ABZ_MODEL_STEP_H

#include "model_risk.h"

/* model_run.c: licensing revenue of month t for revenue term j; adds its cost to *c */
double		abz_mdl_licensing(AbzModel *m, int j, int t, double pi, double *c, bool trial);

/*
 * Accounts never exceed the market: C_t = M_t, every subscription MRR pool
 * scaled by M_t / C_t (before this month's pool update); ss[0..nsub-1]
 * are the subscription terms' states.
 */
static inline void
cap_accounts(StreamState *ss, int nsub, Shocked *st, double Mt)
{
	double		f = Mt / st->C;

	for (int j = 0; j < nsub; j++)
		ss[j].pool *= f;
	st->C = Mt;
}

/*
 * an equity contribution of amt at a slot (slot < 0: after the horizon,
 * never reached) with discount factor disc; a model without slots adds
 * every contribution into contrib[0] (the total)
 */
static inline void
eq_put(const AbzModel *m, AbzTrial *tr, int slot, double amt, double disc, double *pv)
{
	if (m->eq_nslot == 0)
		tr->contrib[0] += amt;
	else if (slot >= 0)
		tr->contrib[slot] += amt;
	*pv += amt * disc;
}

/* advance the year-based factors of the revenue terms ss[0..nrev-1] to month t (before launch) */
static inline void
advance_streams(StreamState *ss, int nrev)
{
	for (int j = 0; j < nrev; j++)
	{
		StreamState *s = &ss[j];

		if (s->code == ABZ_REV_SUBSCRIPTION)
			s->cf *= s->f0;
		else if (s->code == ABZ_REV_USAGE)
		{
			s->cf *= s->f2;
			s->pf *= s->f1;
		}
	}
}

/*
 * The streams of month t >= launch: advance each term's factors, update the
 * MRR pools, add revenue per kind to rev[] and cost of revenue to *cor.
 * Returns gross revenue G_t.  ss: the run's revenue term states (m->ss, or
 * a lane's in a block of trials, which has no licensing terms); kend[c]:
 * where the terms of kind c end in ss.
 */
static inline __attribute__((always_inline)) double
streams(AbzModel *m, StreamState *ss, StreamState *const kend[ABZ_REV_NTERMS], int t,
		double C, double n, double pi, double rev[4], double *cor, bool trial)
{
	double		c = 0.0,
				r_sub = 0.0,
				r_use = 0.0,
				r_adv = 0.0,
				r_lic = 0.0;
	bool		aged = t > m->launch;	/* growth by age d = t - launch */
	StreamState *s = ss,
			   *end;

	for (end = kend[ABZ_REV_SUBSCRIPTION]; s < end; s++)
	{
		s->cf *= s->f0;
		s->pool = s->pool * s->g + s->kr * n * pi;
		r_sub += s->pool;
		c += s->kc * C * s->cf;
	}
	for (end = kend[ABZ_REV_USAGE]; s < end; s++)
	{
		double		cg;

		s->cf *= s->f2;
		s->pf *= s->f1;
		if (aged)
			s->gf *= s->f0;
		cg = C * s->gf;
		r_use += s->kr * cg * s->pf * pi;
		c += s->kc * cg * s->cf;
	}
	for (end = kend[ABZ_REV_ADVERTISING]; s < end; s++)
	{
		if (aged)
			s->gf *= s->f0;
		r_adv += s->kr * C * s->gf * pi;
		c += s->kc * C;
	}
	for (end = kend[ABZ_REV_LICENSING]; s < end; s++)
		r_lic += abz_mdl_licensing(m, (int) (s - ss), t, pi, &c, trial);
	rev[ABZ_REV_SUBSCRIPTION] = r_sub;
	rev[ABZ_REV_USAGE] = r_use;
	rev[ABZ_REV_ADVERTISING] = r_adv;
	rev[ABZ_REV_LICENSING] = r_lic;
	*cor = c;
	return ((r_sub + r_use) + r_adv) + r_lic;
}

/* the plan's constants of one run */
typedef struct RunConst
{
	double		churn;			/* product churn per month */
	double		budget;			/* marketing budget at launch */
	double		cac;			/* acquisition cost per account */
	double		inv_cac;		/* 1 / cac, 0 when cac is 0 */
	double		mkt_f;			/* monthly growth factor of the budget */
	double		capture;		/* organic capture times the entry's reach */
	double		keep;			/* the company's share: 1 - joint-venture stake */
	double		team0;			/* team cost a month at month 0 */
	double		team_f;			/* its monthly growth factor */
	double		train0;			/* cost of a training run at month 0 (0 without one) */
	double		train_f;		/* its monthly decline factor */
	double		v;				/* monthly discount factor */
	double		fixed_risk;		/* fixed monthly risk costs (premiums, mitigation) */
	double		netf;			/* net of gross revenue: (1 - cut) keep (1 - forgo) */
	double		multiple;		/* exit multiple of 12 R_H */
	int			every;			/* months between training runs (0: none) */
} RunConst;

/* the flows of one month, as they go into a row */
typedef struct Month
{
	double		n;				/* new accounts */
	double		G;				/* gross revenue */
	double		rev[ABZ_REV_NTERMS];	/* gross revenue by stream kind */
	double		cor;			/* cost of revenue */
	double		B;				/* marketing budget (before the stake) */
	double		R;				/* net revenue */
	double		opex;			/* the company's shares of the costs */
	double		mkt;
	double		train;
	double		riskc;
	double		fund;			/* funding */
	double		F;				/* operating cash flow */
} Month;

/* the plan's constants of a run, from the plan terms and the risks switched on */
static inline __attribute__((always_inline)) void
run_const(const AbzModel *m, RunConst *rc)
{
	const Term *pl = m->plan;
	double		forgo = 0.0;

	rc->churn = pl[ABZ_PLAN_PRODUCT].k[PROD_CHURN];
	rc->budget = pl[ABZ_PLAN_MARKETING].k[MKT_BUDGET];
	rc->cac = pl[ABZ_PLAN_MARKETING].k[MKT_CAC];
	rc->inv_cac = rc->cac > 0.0 ? 1.0 / rc->cac : 0.0;
	rc->mkt_f = pl[ABZ_PLAN_MARKETING].f[0];
	rc->capture = pl[ABZ_PLAN_MARKETING].k[MKT_ORGANIC] * pl[ABZ_PLAN_ENTRY].k[ENTRY_REACH];
	rc->keep = 1.0 - pl[ABZ_PLAN_ENTRY].k[ENTRY_STAKE];
	rc->team0 = pl[ABZ_PLAN_TEAM].k[TEAM_HEADCOUNT] * pl[ABZ_PLAN_TEAM].k[TEAM_COST];
	rc->team_f = pl[ABZ_PLAN_TEAM].f[0];
	rc->train0 = m->have_train ? pl[ABZ_PLAN_TRAINING].k[TRAIN_COST] : 0.0;
	rc->train_f = pl[ABZ_PLAN_TRAINING].f[0];
	rc->every = m->have_train ? (int) pl[ABZ_PLAN_TRAINING].k[TRAIN_EVERY] : 0;
	rc->v = pl[ABZ_PLAN_VALUATION].f[0];
	rc->multiple = pl[ABZ_PLAN_VALUATION].k[VAL_MULTIPLE];
	rc->fixed_risk = 0.0;
	for (int i = 0; i < m->nrisk; i++)
		if (!m->roff[i])
		{
			forgo += m->risk[i].f[3];
			rc->fixed_risk += m->risk[i].f[2];
		}
	rc->netf = (1.0 - pl[ABZ_PLAN_ENTRY].k[ENTRY_CUT]) * rc->keep * keepf(forgo);
}

/*
 * New accounts of month t >= launch (organic capture of the adopters A_t
 * plus paid acquisition b = sigma B (1 - phi) / cac, phi = C / M_t, within
 * the room left in the market M_t), then churn: updates the accounts.
 * Mser, Aser, invM: the series M_t, A_t and 1 / M_t (t = 1 at index 0);
 * ss[0..nsub-1]: the subscription terms' states (capped with the accounts).
 */
static inline __attribute__((always_inline)) double
acquire(StreamState *ss, int nsub, const RunConst *rc, Shocked *st, double B, int t,
		const double *Mser, const double *Aser, const double *invM)
{
	double		Mt = Mser[t - 1],
				room = Mt - st->C,
				b = 0.0,
				n;

	if (B > 0.0 && st->C < Mt)
	{
		double		sb = st->sig * B;

		if (rc->cac > 0.0)
			b = (sb * rc->inv_cac) * (1.0 - st->C * invM[t - 1]);
		else
			b = sb > 0.0 ? HUGE_VAL : 0.0;
	}
	n = rc->capture * st->sig * Aser[t - 1] + b;
	if (room < 0.0)
		room = 0.0;
	if (n > room)
		n = room;
	st->C = st->C * (1.0 - rc->churn) + n;
	if (st->C > Mt)
		cap_accounts(ss, nsub, st, Mt);
	return n;
}

/*
 * The operating costs of a month, the company's shares: team and extra
 * opex, marketing, a training run every rc->every months (*train_in counts
 * down to it), risk losses and fixed risk costs.  tf, trf: the team's and
 * training's growth factors to this month.
 */
static inline __attribute__((always_inline)) void
month_costs(const RunConst *rc, const Shocked *st, Month *mo, double tf, double trf,
			int *train_in)
{
	mo->opex = (rc->team0 * tf + st->E) * rc->keep;
	mo->mkt = mo->B * rc->keep;
	if (--*train_in == 0)
	{
		mo->train = rc->train0 * trf * rc->keep;
		*train_in = rc->every;
	}
	mo->riskc = st->L * rc->keep + rc->fixed_risk;
}

/*
 * The funding of month t: every round of month t (its amount this run,
 * ramt[] by round index), entered as an equity contribution too; *ri and
 * *next step past them.
 */
static inline __attribute__((always_inline)) double
fund_rounds(const AbzModel *m, const double *ramt, AbzTrial *tr, int t, double disc,
			int *ri, double *next, double *eq_pv)
{
	double		fund = 0.0;

	while (t >= *next)
	{
		if (*next == t)
		{
			int			r = m->rord[*ri];

			fund += ramt[r];
			if (tr)
				eq_put(m, tr, m->rslot[r], ramt[r], disc, eq_pv);
		}
		(*ri)++;
		*next = *ri < m->nround ? m->round[m->rord[*ri]].k[ROUND_MONTH] : HUGE_VAL;
	}
	return fund;
}

#endif							/* ABZ_MODEL_STEP_H */
