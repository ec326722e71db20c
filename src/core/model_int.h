/*
 * model_int.h — what the files of the monthly model share: the engine's
 * form of the specs (struct AbzModel and its parts), the run's state types,
 * the small arithmetic helpers of the monthly step (static inline, so they
 * stay inlined in the hot loop) and the steps one file calls in another.
 * Not part of the model's interface (that is model.h).
 *
 *   model.c        prepare: check, resolve the specs, derive the factors
 *   model_draw.c   the stream ids; once-per-trial keys, rounds, arrivals
 *   model_risk.c   risk events and shocks of a month
 *   model_run.c    the monthly step run() and its entry points
 */
#ifndef ABZ_MODEL_INT_H
#define ABZ_MODEL_INT_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "dist.h"
#include "model.h"
#include "rng.h"
#include "sampler.h"

#define NEV			5			/* per-event impacts: loss, churn, price, cost, share */
#define EV_CAP		1024		/* events per risk and month sampled one by one */
#define GAP_MAX		8.0			/* mean events per month drawn as arrival gaps */
#define MAX_RAND	(ABZ_MAX_TERMS * 16)

/* one term's key values for the current run and its derived factors */
typedef struct Term
{
	double		k[ABZ_MAX_KEYS];	/* key values (means, constants or samples) */
	double		f[4];			/* derived factors, see model.c's derive_*() */
	uint16_t	rnd;			/* slots sampled once per trial */
	uint8_t		code;			/* term code within its kind */
	uint8_t		sub;			/* strategy or entry mode */
} Term;

/* per-event impacts of a risk term */
typedef struct RiskEv
{
	AbzSampler	s[NEV];			/* the impacts clamped to their domains, constants precomputed */
	double		mean[NEV];		/* clamped mean (the constant when not random) */
	uint8_t		rnd;			/* impacts that are distributions */
} RiskEv;

/* a key that is a distribution, sampled once per trial */
typedef struct RandKey
{
	AbzParam	p;
	double		lo;
	double		hi;
	double		mean;			/* E[min(max(X, lo), hi)], for the projection */
	uint32_t	off;			/* byte offset of the target double in AbzModel */
	uint8_t		kind;			/* where it comes from: AbzKind, */
	uint8_t		slot;			/* key slot */
	uint16_t	term;			/* and index of the term in its spec */
} RandKey;

/* running state of one revenue term during a run */
typedef struct StreamState
{
	int			code;			/* revenue term code */
	double		f0;				/* copies of the term's derived factors */
	double		f1;
	double		f2;
	double		pool;			/* subscription MRR S */
	double		cf;				/* cost decline factor (1-d)^(t/12) */
	double		pf;				/* price decline factor (1-d)^(t/12) */
	double		gf;				/* growth by age (1+g)^(t-launch) */
	double		kr;				/* revenue per account (and unit of the factors) */
	double		kc;				/* cost per account (and unit of the factors) */
	double		g;				/* subscription: (1-churn)(1+expansion) */
	double		next;			/* licensing: next arrival (months) */
	double		win;			/* licensing: deals inside the royalty window */
} StreamState;

struct AbzModel
{
	int			horizon;
	int			launch;
	int			nrev;
	int			nrisk;
	int			nround;
	int			nrand;
	int			nlic;
	bool		have_train;
	Term		rev[ABZ_MAX_TERMS];
	Term		risk[ABZ_MAX_TERMS];
	Term		plan[ABZ_PLAN_NTERMS];	/* single plan terms by code */
	Term		round[ABZ_MAX_TERMS];	/* rounds in canonical order */
	uint8_t		rord[ABZ_MAX_TERMS];	/* round indices sorted by month */
	RiskEv		ev[ABZ_MAX_TERMS];
	RandKey		rand[MAX_RAND];
	uint64_t	market_key;		/* key of the market-scope streams */
	bool		roff[ABZ_MAX_TERMS];	/* risk term switched off */
	bool		rmarket[ABZ_MAX_TERMS];	/* risk term has scope=market */
	uint32_t	rmid[ABZ_MAX_TERMS];	/* 256 category + occurrence */
	int			eq_nslot;		/* equity slots (0: too many round months) */
	int16_t		eq_month[ABZ_EQ_MAX_SLOTS];
	int8_t		rslot[ABZ_MAX_TERMS];	/* equity slot of each round, -1 if none */
	/* scratch of one run */
	AbzRng		rsk[ABZ_MAX_TERMS];	/* company event stream per risk */
	AbzRng		rma[ABZ_MAX_TERMS];	/* market arrivals per market-scope risk */
	AbzRng		rmi[ABZ_MAX_TERMS];	/* market impacts per market-scope risk */
	AbzRng		lrng[ABZ_MAX_TERMS];	/* stream per licensing term */
	StreamState ss[ABZ_MAX_TERMS];
	double		rnext[ABZ_MAX_TERMS];	/* next arrival per risk */
	double		rnext_any;		/* earliest of rnext */
	bool		rpois;			/* a risk counts events by Poisson draws */
	double		ramt[ABZ_MAX_TERMS];	/* funding per round this run */
	int			lic_slot[ABZ_MAX_TERMS];	/* licensing history row per revenue term */
	int			kind_end[ABZ_REV_NTERMS];	/* revenue terms of code c end at kind_end[c] */
	int			cur_term;		/* index in its spec of the term being resolved */
	/* M_t at series[t-1], A_t at series[H+t-1], 1/M_t at series[2H+t-1], deal history after */
	double		series[];
};

/* the company state that risk shocks change */
typedef struct Shocked
{
	double		C;				/* accounts */
	double		pi;				/* price multiplier */
	double		sig;			/* acquisition multiplier */
	double		E;				/* extra opex */
	double		L;				/* cash loss this month after cover, before stake */
} Shocked;

/* the trial's context: seed, trial index, optional given inputs */
typedef struct TrialKey
{
	uint64_t	seed;
	uint64_t	trial;
	const double *inputs;		/* once-per-trial inputs, or NULL to draw them */
} TrialKey;

/* clamp x to [lo, hi] */
static inline double
clampd(double x, double lo, double hi)
{
	return x < lo ? lo : (x > hi ? hi : x);
}

/* a multiplier 1 - x that never drops below 0 */
static inline double
keepf(double x)
{
	double		r = 1.0 - x;

	return r > 0.0 ? r : 0.0;
}

/* exponential gap to the next arrival of a process with mu arrivals per month */
static inline double
gap(double mu, AbzRng *rng)
{
	return -log(abz_rng_uniform(rng)) / mu;
}

/* the stream of risk i's arrivals: its market's (scope=market) or its own */
static inline AbzRng *
arrivals(AbzModel *m, int i)
{
	return m->rmarket[i] ? &m->rma[i] : &m->rsk[i];
}

/* model.c: derive every term (all) or only those with keys sampled this trial */
void		abz_mdl_derive(AbzModel *m, bool all);

/* model_draw.c: set up a run, keys at their means (tk NULL) or drawn */
void		abz_mdl_setup_run(AbzModel *m, const TrialKey *tk);

/* model_risk.c: one event of risk i in a trial; n more at their mean impacts; a projection month */
void		abz_mdl_trial_event(AbzModel *m, Shocked *st, int i, AbzRng *rng);
void		abz_mdl_trial_bulk(AbzModel *m, Shocked *st, int i, double n);
void		abz_mdl_expected_risks(AbzModel *m, Shocked *st);

/*
 * The month loop of a trial (model_run.c) steps through the risks here,
 * inlined: a call per month with events would cost the loop its registers.
 */
/* the risk events of month t in a trial; returns the next arrival of any risk */
static inline double
trial_risks(AbzModel *m, Shocked *st, int t, AbzTrial *tr, double keep)
{
	double		next_any = HUGE_VAL;

	for (int i = 0; i < m->nrisk; i++)
	{
		double		mu = m->risk[i].f[0];
		int			cat = m->risk[i].code;
		uint32_t	n = 0;
		double		before = st->L;
		AbzRng	   *rng = &m->rsk[i],
				   *arr = arrivals(m, i);

		if (mu <= 0.0 || m->roff[i])
			continue;
		if (mu <= GAP_MAX)
		{
			while (m->rnext[i] <= t)
			{
				abz_mdl_trial_event(m, st, i, rng);
				m->rnext[i] += gap(mu, arr);
				n++;
			}
		}
		else
		{
			n = abz_rng_poisson(mu, arr);
			for (uint32_t e = 0; e < n && e < EV_CAP; e++)
				abz_mdl_trial_event(m, st, i, rng);
			if (n > EV_CAP)
				abz_mdl_trial_bulk(m, st, i, (double) (n - EV_CAP));
		}
		if (m->rnext[i] < next_any)
			next_any = m->rnext[i];
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

#endif							/* ABZ_MODEL_INT_H */
