/*
 * model_int.h — what the files of the monthly model share: the engine's
 * form of the specs (struct AbzModel and its parts), the run's state types,
 * the small arithmetic helpers of the monthly step (static inline, so they
 * stay inlined in the hot loop) and the steps one file calls in another.
 * Not part of the model's interface (that is model.h).
 *
 *   model.c        prepare: check, resolve the specs, derive the factors
 *   model_draw.c   the start of a run: keys, rounds, streams, first
 *                  arrivals; the stream ids; the once-per-trial inputs
 *   model_risk.c   risk terms: resolving a risk profile, one event's draws
 *   model_risk.h   a month's risk events and shocks, inlined into run()
 *   model_run.c    the monthly step run() and its entry points
 *   model_step.h   the parts of the monthly step run() shares with the
 *                  block engine (model_block.c)
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

/* model.c: a key's domain for clamping; resolve a term's keys; derive the factors */
void		abz_mdl_key_domain(const AbzKeyDef *kd, double *lo, double *hi);
bool		abz_mdl_resolve_term(AbzModel *m, AbzKind kind, const AbzTerm *src, Term *dst,
								 AbzError *err);
void		abz_mdl_derive(AbzModel *m, bool all);

/* model_risk.c: resolve the risk terms and their per-event impacts */
bool		abz_mdl_prepare_risk(AbzModel *m, const AbzSpec *risk, AbzError *err);

/* model_draw.c: set up a run, keys at their means (tk NULL) or drawn */
void		abz_mdl_setup_run(AbzModel *m, const TrialKey *tk);

#endif							/* ABZ_MODEL_INT_H */
