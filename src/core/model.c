/*
 * model.c — the monthly model (docs/model.md).
 *
 * abz_model_prepare() resolves the three specs into per-term key values,
 * lists the keys that are distributions, and precomputes everything that
 * does not vary by trial (market M_t and A_t, monthly growth factors of
 * constant keys).  One monthly step, run(), serves both the expected path
 * (every distribution at its mean, risk events and licensing deals at their
 * expected monthly effect, rounds at p·amount) and a Monte Carlo trial
 * (keys sampled once per trial, Poisson events with per-event impacts,
 * Bernoulli rounds, death when cash goes negative).  A trial without any
 * uncertainty therefore reproduces the projection bit for bit.
 *
 * Random streams of trial i (docs/model.md): Philox streams keyed by
 * (seed, stream id, i), each with its own draw counter, so that one
 * stream's numbers never depend on what another drew:
 *   0x00000000       keys of revenue and plan terms that are distributions,
 *                    once, in canonical term order and slot order (rounds'
 *                    keys in their canonical order);
 *   0x00010000       rounds: one uniform per round with 0 < p < 1, canonical
 *                    order (closes when u < p);
 *   0x00020000 + l   licensing term l (l-th licensing term of the revenue
 *                    model): first arrival, then monthly arrivals from launch;
 *   0x00030000 + r   keys of the risk term at position r of the profile:
 *                    freq, then the strategy's arguments;
 *   0x00040000 + r   events of risk term r: first arrival, then each month
 *                    each event's impacts (loss, churn, price, cost, share;
 *                    constants draw nothing) and the gap to the next arrival
 *                    (or a Poisson count above GAP_MAX events a month).
 * A risk term with scope=market draws instead from streams keyed by
 * (market key, stream id, i), with c its category and o the occurrence of
 * that category in the profile (0 for the first):
 *   0x00050000 + 256 c + o   freq: the clamped quantile of one uniform;
 *   0x00060000 + 256 c + o   arrivals (first arrival, gaps, Poisson counts);
 *   0x00070000 + 256 c + o   impacts: exactly five uniforms per event (loss,
 *                            churn, price, cost, share), each mapped through
 *                            its clamped quantile when random;
 * its strategy's arguments stay on the company stream 0x00030000 + r.  Two
 * companies with the same market key and the same freq therefore have the
 * same event months trial by trial, and comonotonic impacts.  A stream
 * draws at most a few thousand blocks per trial (events per risk and month
 * are capped at EV_CAP), far below the 2^32-block ceiling of its counter.
 */
#include <math.h>
#include <string.h>

#include "dist.h"
#include "model.h"
#include "screen.h"
#include "rng.h"
#include "sampler.h"

#define NEV			5			/* per-event impacts: loss, churn, price, cost, share */
#define EV_CAP		1024		/* events per risk and month sampled one by one */
#define GAP_MAX		8.0			/* mean events per month drawn as arrival gaps */
#define MAX_RAND	(ABZ_MAX_TERMS * 16)

/* stream ids of a trial (see the header comment) */
#define ST_KEYS		0x00000000u
#define ST_ROUNDS	0x00010000u
#define ST_LIC		0x00020000u
#define ST_RKEYS	0x00030000u
#define ST_REVENTS	0x00040000u
#define ST_MFREQ	0x00050000u
#define ST_MARRIVE	0x00060000u
#define ST_MIMPACT	0x00070000u

/* one term's key values for the current run and its derived factors */
typedef struct Term
{
	double		k[ABZ_MAX_KEYS];	/* key values (means, constants or samples) */
	double		f[4];			/* derived factors, see derive_term() */
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

/* what one run reports besides the monthly rows */
typedef struct RunOut
{
	AbzMonth   *rows;			/* projection rows or NULL */
	double	   *revenue;		/* trial series or NULL */
	double	   *cash;
	AbzTrial   *tr;				/* trial summary or NULL */
	double		npv;
} RunOut;

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

/* bytes to allocate for a model of this horizon (1..ABZ_MAX_HORIZON) */
size_t
abz_model_size(int horizon)
{
	if (horizon < 1)
		horizon = 1;
	if (horizon > ABZ_MAX_HORIZON)
		horizon = ABZ_MAX_HORIZON;
	return sizeof(AbzModel) + sizeof(double) * (size_t) horizon * (3 + ABZ_MAX_TERMS);
}

/* horizon of a prepared model */
int
abz_model_horizon(const AbzModel *m)
{
	return m->horizon;
}

/* launch month of a prepared model */
int
abz_model_launch(const AbzModel *m)
{
	return m->launch;
}

/* domain of a key for clamping: [lo, hi], strict lower bound nudged inward */
static void
key_domain(const AbzKeyDef *kd, double *lo, double *hi)
{
	*lo = kd->lo;
	*hi = kd->hi;
	if (kd->flags & ABZ_KEY_POSITIVE)
		*lo = nextafter(kd->lo, HUGE_VAL);
}

/* resolve one key slot (kd its definition, NULL if unused): constant value now, or register it as random */
static bool
resolve_key(AbzModel *m, AbzKind kind, const AbzTerm *src, Term *dst, int slot,
			const AbzKeyDef *kd, bool per_trial, AbzError *err)
{
	const AbzParam *p = &src->key[slot];
	double		lo,
				hi,
				mean;

	if (kd == NULL)
	{
		dst->k[slot] = 0.0;
		return true;
	}
	if (p->dist >= ABZ_NDIST)
		return abz_error(err, ABZ_ERR_DOMAIN, abz_kinds[kind].terms[src->term].name,
						 kd->name, "unknown distribution code %d", p->dist);
	key_domain(kd, &lo, &hi);
	mean = abz_param_mean_in(p, lo, hi);
	dst->k[slot] = mean;
	if (p->dist == ABZ_CONST || !per_trial)
		return true;
	if (m->nrand >= MAX_RAND)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "too many uncertain keys");
	m->rand[m->nrand].p = *p;
	m->rand[m->nrand].lo = lo;
	m->rand[m->nrand].hi = hi;
	m->rand[m->nrand].mean = mean;
	m->rand[m->nrand].off = (uint32_t) ((char *) &dst->k[slot] - (char *) m);
	m->rand[m->nrand].kind = (uint8_t) kind;
	m->rand[m->nrand].slot = (uint8_t) slot;
	m->rand[m->nrand].term = (uint16_t) m->cur_term;
	m->nrand++;
	dst->rnd |= (uint16_t) (1u << slot);
	return true;
}

/* enter the keys of td with slots in [lo, hi) into defs, the first of a slot winning */
static void
add_defs(const AbzKeyDef *defs[ABZ_MAX_KEYS], const AbzTermDef *td, int lo, int hi)
{
	for (int i = 0; td != NULL && i < td->nkeys; i++)
	{
		int			s = td->keys[i].slot;

		if (s >= lo && s < hi && defs[s] == NULL)
			defs[s] = &td->keys[i];
	}
}

/*
 * The key definitions of a term by slot, exactly as abz_key_def() gives
 * them (a risk's strategy keys from its strategy, an entry term's from its
 * mode), in one pass over the term's key lists instead of a search per slot.
 */
static void
term_defs(AbzKind kind, const AbzTerm *src, const AbzKeyDef *defs[ABZ_MAX_KEYS])
{
	const AbzTermDef *base = &abz_kinds[kind].terms[src->term];

	memset(defs, 0, sizeof(defs[0]) * ABZ_MAX_KEYS);
	if (kind == ABZ_KIND_PLAN && src->term == ABZ_PLAN_ENTRY)
		base = src->sub < ABZ_ENTRY_N ? &abz_entry_modes[src->sub] : NULL;
	if (kind == ABZ_KIND_RISK)
	{
		add_defs(defs, base, 0, RK_S1);
		if (src->sub < ABZ_STRAT_N)
			add_defs(defs, &abz_strategies[src->sub], RK_S1, ABZ_MAX_KEYS);
	}
	else
		add_defs(defs, base, 0, ABZ_MAX_KEYS);
}

/* resolve every slot of a term, in slot order */
static bool
resolve_term(AbzModel *m, AbzKind kind, const AbzTerm *src, Term *dst, AbzError *err)
{
	const AbzKeyDef *defs[ABZ_MAX_KEYS];

	memset(dst, 0, sizeof(*dst));
	dst->code = src->term;
	dst->sub = src->sub;
	term_defs(kind, src, defs);
	for (int s = 0; s < ABZ_MAX_KEYS; s++)
	{
		bool		per_trial = true;

		/* a risk's impacts are sampled per event, not per trial */
		if (kind == ABZ_KIND_RISK && s >= RK_LOSS && s <= RK_SHARE)
			per_trial = false;
		if (!resolve_key(m, kind, src, dst, s, defs[s], per_trial, err))
			return false;
	}
	return true;
}

/* a plan term absent from the plan: its keys at their defaults */
static void
default_term(Term *dst, int code)
{
	const AbzTermDef *td = &abz_kinds[ABZ_KIND_PLAN].terms[code];

	memset(dst, 0, sizeof(*dst));
	dst->code = (uint8_t) code;
	for (int i = 0; i < td->nkeys; i++)
		dst->k[td->keys[i].slot] = td->keys[i].def;
}

/* recompute the derived factors of a term from its key values */
static void
derive_term(AbzKind kind, Term *t, bool all)
{
	const double tw = 1.0 / 12.0;
	double	   *k = t->k;

	/* whether slot s changed since the factors were last derived */
#define CHANGED(s) (all || (t->rnd & (1u << (s))))

	if (kind == ABZ_KIND_REVENUE)
	{
		switch (t->code)
		{
			case ABZ_REV_SUBSCRIPTION:
				if (CHANGED(SUB_COST_DECLINE))
					t->f[0] = pow(1.0 - k[SUB_COST_DECLINE], tw);
				break;
			case ABZ_REV_USAGE:
				t->f[0] = 1.0 + k[USE_GROWTH];
				if (CHANGED(USE_PRICE_DECLINE))
					t->f[1] = pow(1.0 - k[USE_PRICE_DECLINE], tw);
				if (CHANGED(USE_COST_DECLINE))
					t->f[2] = pow(1.0 - k[USE_COST_DECLINE], tw);
				break;
			case ABZ_REV_ADVERTISING:
				t->f[0] = 1.0 + k[ADV_GROWTH];
				t->f[1] = k[ADV_USERS] * k[ADV_IMPRESSIONS] * k[ADV_FILL] * k[ADV_CPM] / 1000.0;
				break;
			case ABZ_REV_LICENSING:
				t->f[0] = k[LIC_DEALS] / 12.0;
				t->f[1] = k[LIC_ROYALTY] * k[LIC_BASE];
				break;
		}
	}
	else if (kind == ABZ_KIND_RISK)
	{
		double		lambda = k[RK_FREQ];

		t->f[1] = t->f[2] = t->f[3] = 0.0;
		switch (t->sub)
		{
			case ABZ_STRAT_MITIGATE:
				lambda *= keepf(k[RK_S2]);
				t->f[2] = k[RK_S1];
				break;
			case ABZ_STRAT_TRANSFER:
				t->f[1] = k[RK_S2];
				t->f[2] = k[RK_S1];
				break;
			case ABZ_STRAT_AVOID:
				lambda = 0.0;
				t->f[3] = k[RK_S1];
				break;
		}
		t->f[0] = lambda / 12.0;
	}
	else
	{
		switch (t->code)
		{
			case ABZ_PLAN_TEAM:
				if (CHANGED(TEAM_GROWTH))
					t->f[0] = pow(1.0 + k[TEAM_GROWTH], tw);
				break;
			case ABZ_PLAN_MARKETING:
				if (CHANGED(MKT_GROWTH))
					t->f[0] = pow(1.0 + k[MKT_GROWTH], tw);
				break;
			case ABZ_PLAN_TRAINING:
				if (CHANGED(TRAIN_DECLINE))
					t->f[0] = pow(1.0 - k[TRAIN_DECLINE], tw);
				break;
			case ABZ_PLAN_VALUATION:
				if (CHANGED(VAL_DISCOUNT))
				{
					double		rho = pow(1.0 + k[VAL_DISCOUNT], tw) - 1.0;

					t->f[0] = 1.0 / (1.0 + rho);
				}
				break;
		}
	}
#undef CHANGED
}

/* derive every term (all) or only those with keys sampled this trial */
static void
derive(AbzModel *m, bool all)
{
	for (int i = 0; i < m->nrev; i++)
		if (all || m->rev[i].rnd)
			derive_term(ABZ_KIND_REVENUE, &m->rev[i], all);
	for (int i = 0; i < m->nrisk; i++)
		if (all || m->risk[i].rnd)
			derive_term(ABZ_KIND_RISK, &m->risk[i], all);
	for (int c = 0; c < ABZ_PLAN_NTERMS; c++)
		if (all || m->plan[c].rnd)
			derive_term(ABZ_KIND_PLAN, &m->plan[c], all);
}

/* check that a spec is of the expected kind and its term codes are known */
static bool
check_spec(const AbzSpec *s, AbzKind kind, AbzError *err)
{
	const char *tn = abz_kinds[kind].type_name;

	if (s->kind != kind)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "value is not a %s", tn);
	if (s->nterms > ABZ_MAX_TERMS)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "%s has more than %d terms",
						 tn, ABZ_MAX_TERMS);
	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].term >= abz_kinds[kind].nterms)
			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "%s has an unknown term code %d",
							 tn, s->terms[i].term);
	return true;
}

/* precompute the market: M_t and A_t for t = 1..H */
static void
prepare_market(AbzModel *m, const AbzMarket *mk)
{
	int			H = m->horizon;
	double		p = mk->bass_p,
				q = mk->bass_q,
				a = mk->adoption;
	double		tau0 = log((1.0 + (q / p) * a) / (1.0 - a)) / (p + q);
	double		fprev = a;

	for (int t = 1; t <= H; t++)
	{
		double		tau = tau0 + t / 12.0;
		double		e = exp(-(p + q) * tau);
		double		f = (1.0 - e) / (1.0 + (q / p) * e);
		double		mt = mk->accounts * pow(1.0 + mk->growth, t / 12.0);

		m->series[t - 1] = mt;
		m->series[H + t - 1] = mt * (f - fprev);
		m->series[2 * H + t - 1] = mt > 0.0 ? 1.0 / mt : 0.0;
		fprev = f;
	}
}

/* resolve the revenue terms */
static bool
prepare_revenue(AbzModel *m, const AbzSpec *revenue, AbzError *err)
{
	int			i = 0;

	/* terms grouped by kind (the canonical order already is), stable */
	m->nlic = 0;
	for (int code = 0; code < ABZ_REV_NTERMS; code++)
	{
		m->kind_end[code] = i;
		for (int src = 0; src < revenue->nterms; src++)
		{
			if (revenue->terms[src].term != code)
				continue;
			m->cur_term = src;
			if (!resolve_term(m, ABZ_KIND_REVENUE, &revenue->terms[src], &m->rev[i], err))
				return false;
			m->lic_slot[i] = -1;
			if (code == ABZ_REV_LICENSING)
				m->lic_slot[i] = m->nlic++;
			i++;
		}
		m->kind_end[code] = i;
	}
	m->nrev = i;
	if (m->nrev == 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "revenue_model has no terms");
	return true;
}

/* resolve the risk terms and their per-event impacts */
static bool
prepare_risk(AbzModel *m, const AbzSpec *risk, AbzError *err)
{
	uint32_t	occ[ABZ_RISK_NCAT] = {0};

	m->nrisk = risk ? risk->nterms : 0;
	for (int i = 0; i < m->nrisk; i++)
	{
		const AbzTerm *src = &risk->terms[i];
		RiskEv	   *ev = &m->ev[i];

		m->roff[i] = false;
		m->rmarket[i] = src->key[RK_SCOPE].a >= 0.5;
		m->rmid[i] = ((uint32_t) src->term << 8) | (occ[src->term]++ & 0xffu);

		if (src->sub >= ABZ_STRAT_N)
			return abz_error(err, ABZ_ERR_DOMAIN, abz_kinds[ABZ_KIND_RISK].terms[src->term].name,
							 NULL, "unknown strategy code %d", src->sub);
		m->cur_term = i;
		if (!resolve_term(m, ABZ_KIND_RISK, src, &m->risk[i], err))
			return false;
		memset(ev, 0, sizeof(*ev));
		for (int j = 0; j < NEV; j++)
		{
			const AbzKeyDef *kd = abz_key_def(ABZ_KIND_RISK, src, RK_LOSS + j);
			const AbzParam *p = &src->key[RK_LOSS + j];
			double		lo,
						hi;

			key_domain(kd, &lo, &hi);
			abz_sampler_init(&ev->s[j], p, lo, hi);
			ev->mean[j] = m->risk[i].k[RK_LOSS + j];
			if (p->dist != ABZ_CONST)
				ev->rnd |= (uint8_t) (1u << j);
		}
	}
	return true;
}

/*
 * The equity slots: month 0 and each distinct round month <= H, ascending
 * (rord is the month order); none when they do not fit ABZ_EQ_MAX_SLOTS.
 */
static void
prepare_slots(AbzModel *m)
{
	int			n = 1;

	m->eq_month[0] = 0;
	for (int j = 0; j < m->nround; j++)
	{
		int			r = m->rord[j];
		int			month = (int) m->round[r].k[ROUND_MONTH];

		m->rslot[r] = -1;
		if (month > m->horizon)
			continue;
		if (m->eq_month[n - 1] != month)
		{
			if (n == ABZ_EQ_MAX_SLOTS)
			{
				n = 0;
				break;
			}
			m->eq_month[n++] = (int16_t) month;
		}
		m->rslot[r] = (int8_t) (n - 1);
	}
	if (n == 0)
		for (int j = 0; j < m->nround; j++)
			m->rslot[j] = -1;
	m->eq_nslot = n;
}

/* resolve the plan: single terms by code (defaults when absent), rounds */
static bool
prepare_plan(AbzModel *m, const AbzSpec *plan, AbzError *err)
{
	bool		have[ABZ_PLAN_NTERMS] = {false};

	for (int c = 0; c < ABZ_PLAN_NTERMS; c++)
		default_term(&m->plan[c], c);
	m->nround = 0;
	for (int i = 0; i < plan->nterms; i++)
	{
		const AbzTerm *src = &plan->terms[i];

		m->cur_term = i;
		if (src->term == ABZ_PLAN_ROUND)
		{
			int			j = m->nround++;

			if (!resolve_term(m, ABZ_KIND_PLAN, src, &m->round[j], err))
				return false;
			/* insertion into the month order, stable */
			while (j > 0 && m->round[m->rord[j - 1]].k[ROUND_MONTH] >
				   m->round[m->nround - 1].k[ROUND_MONTH])
			{
				m->rord[j] = m->rord[j - 1];
				j--;
			}
			m->rord[j] = (uint8_t) (m->nround - 1);
			continue;
		}
		if (src->term == ABZ_PLAN_ENTRY && src->sub >= ABZ_ENTRY_N)
			return abz_error(err, ABZ_ERR_DOMAIN, "entry", "mode",
							 "unknown entry mode code %d", src->sub);
		if (have[src->term])
			return abz_error(err, ABZ_ERR_DOMAIN, abz_kinds[ABZ_KIND_PLAN].terms[src->term].name,
							 NULL, "plan term appears more than once");
		have[src->term] = true;
		if (!resolve_term(m, ABZ_KIND_PLAN, src, &m->plan[src->term], err))
			return false;
	}
	for (int c = ABZ_PLAN_CASH; c <= ABZ_PLAN_PRODUCT; c++)
		if (!have[c])
			return abz_error(err, ABZ_ERR_DOMAIN, abz_kinds[ABZ_KIND_PLAN].terms[c].name,
							 NULL, "plan has no %s term", abz_kinds[ABZ_KIND_PLAN].terms[c].name);
	m->have_train = have[ABZ_PLAN_TRAINING];
	m->launch = (int) m->plan[ABZ_PLAN_PRODUCT].k[PROD_LAUNCH];
	if (m->launch < 1)
		m->launch = 1;
	prepare_slots(m);
	/* keys of another entry mode do not apply */
	if (m->plan[ABZ_PLAN_ENTRY].sub != ABZ_ENTRY_CHANNEL)
	{
		m->plan[ABZ_PLAN_ENTRY].k[ENTRY_CUT] = 0.0;
		m->plan[ABZ_PLAN_ENTRY].k[ENTRY_REACH] = 1.0;
		m->plan[ABZ_PLAN_ENTRY].rnd &= (uint16_t) ~((1u << ENTRY_CUT) | (1u << ENTRY_REACH));
	}
	if (m->plan[ABZ_PLAN_ENTRY].sub != ABZ_ENTRY_JV)
	{
		m->plan[ABZ_PLAN_ENTRY].k[ENTRY_STAKE] = 0.0;
		m->plan[ABZ_PLAN_ENTRY].rnd &= (uint16_t) ~(1u << ENTRY_STAKE);
	}
	return true;
}

/*
 * Prepare a model: check the market and horizon, resolve the specs into the
 * engine's form, precompute what does not vary by trial.  The keys that are
 * distributions are registered in resolve order: revenue terms, risk terms,
 * plan terms, each in canonical order and slot order.
 */
bool
abz_model_prepare(AbzModel *m, const AbzSpec *revenue, const AbzSpec *risk,
				  const AbzSpec *plan, const AbzMarket *market,
				  int horizon, AbzError *err)
{
	if (horizon < 1)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, "horizon",
						 "horizon must be at least 1 month, got %d", horizon);
	if (horizon > ABZ_MAX_HORIZON)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, "horizon",
						 "horizon must be at most %d months, got %d", ABZ_MAX_HORIZON, horizon);
	if (!abz_market_check(market, err))
		return false;
	if (!check_spec(revenue, ABZ_KIND_REVENUE, err) ||
		(risk && !check_spec(risk, ABZ_KIND_RISK, err)) ||
		!check_spec(plan, ABZ_KIND_PLAN, err))
		return false;

	/*
	 * Only the counts and the per-kind bounds need zeroing: every term,
	 * impact set, round and slot below a count is filled by its prepare
	 * step, and nothing reads past the counts.  Clearing the fixed arrays
	 * (tens of kB) would cost more than a short projection.
	 */
	m->horizon = horizon;
	m->launch = 0;
	m->nrev = m->nrisk = m->nround = m->nrand = m->nlic = 0;
	m->have_train = false;
	m->market_key = 0;
	m->eq_nslot = 0;
	memset(m->kind_end, 0, sizeof(m->kind_end));
	if (!prepare_revenue(m, revenue, err) ||
		!prepare_risk(m, risk, err) ||
		!prepare_plan(m, plan, err))
		return false;
	prepare_market(m, market);
	derive(m, true);
	return true;
}

/* the company state that risk shocks change */
typedef struct Shocked
{
	double		C;				/* accounts */
	double		pi;				/* price multiplier */
	double		sig;			/* acquisition multiplier */
	double		E;				/* extra opex */
	double		L;				/* cash loss this month after cover, before stake */
} Shocked;

/*
 * Accounts never exceed the market: C_t = M_t, every subscription MRR pool
 * scaled by M_t / C_t (before this month's pool update).
 */
static void
cap_accounts(AbzModel *m, Shocked *st, double Mt)
{
	double		f = Mt / st->C;

	for (int j = 0; j < m->kind_end[ABZ_REV_SUBSCRIPTION]; j++)
		m->ss[j].pool *= f;
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

/* apply one shock (an event, or the expected effect of a month of events) */
static inline void
apply_shock(AbzModel *m, Shocked *st, double loss, double churn, double price,
			double cost, double share, double cover)
{
	double		fc = keepf(churn),
				fp = keepf(price),
				fs = fc * fp;

	st->L += loss * (1.0 - cover);
	st->C *= fc;
	st->pi *= fp;
	st->E += cost;
	st->sig *= keepf(share);
	if (fs != 1.0)
		for (int j = 0; j < m->kind_end[ABZ_REV_SUBSCRIPTION]; j++)
			m->ss[j].pool *= fs;
}

/*
 * one risk event in a trial: draw its impacts and apply them.  Company
 * scope: random impacts drawn from the risk's event stream (constants draw
 * nothing).  Market scope: exactly NEV uniforms from the market's impact
 * stream, each random impact its clamped quantile at its uniform.
 */
static inline void
trial_event(AbzModel *m, Shocked *st, int i, AbzRng *rng)
{
	const RiskEv *ev = &m->ev[i];
	double		x[NEV];

	if (m->rmarket[i])
	{
		AbzRng	   *mr = &m->rmi[i];

		for (int j = 0; j < NEV; j++)
		{
			double		u = abz_rng_uniform(mr);

			x[j] = (ev->rnd & (1u << j)) ?
				clampd(abz_param_quantile(&ev->s[j].p, u), ev->s[j].lo, ev->s[j].hi) :
				ev->mean[j];
		}
	}
	else
		for (int j = 0; j < NEV; j++)
			x[j] = (ev->rnd & (1u << j)) ? abz_sampler_draw(&ev->s[j], rng) : ev->mean[j];
	apply_shock(m, st, x[0], x[1], x[2], x[3], x[4], m->risk[i].f[1]);
}

/* the stream of risk i's arrivals: its market's (scope=market) or its own */
static inline AbzRng *
arrivals(AbzModel *m, int i)
{
	return m->rmarket[i] ? &m->rma[i] : &m->rsk[i];
}

/* n events beyond the sampled ones: applied at their mean impacts, in closed form */
static void
trial_bulk(AbzModel *m, Shocked *st, int i, double n)
{
	const double *mu = m->ev[i].mean;

	apply_shock(m, st, n * mu[0], 1.0 - pow(keepf(mu[1]), n), 1.0 - pow(keepf(mu[2]), n),
				n * mu[3], 1.0 - pow(keepf(mu[4]), n), m->risk[i].f[1]);
}

/* exponential gap to the next arrival of a process with mu arrivals per month */
static inline double
gap(double mu, AbzRng *rng)
{
	return -log(abz_rng_uniform(rng)) / mu;
}

/* the risk events of month t in a trial; returns the next arrival of any risk */
static double
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
				trial_event(m, st, i, rng);
				m->rnext[i] += gap(mu, arr);
				n++;
			}
		}
		else
		{
			n = abz_rng_poisson(mu, arr);
			for (uint32_t e = 0; e < n && e < EV_CAP; e++)
				trial_event(m, st, i, rng);
			if (n > EV_CAP)
				trial_bulk(m, st, i, (double) (n - EV_CAP));
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

/* the expected monthly effect of every risk (projection) */
static void
expected_risks(AbzModel *m, Shocked *st)
{
	for (int i = 0; i < m->nrisk; i++)
	{
		double		mu = m->risk[i].f[0];
		const double *e = m->ev[i].mean;

		if (mu > 0.0 && !m->roff[i])
			apply_shock(m, st, mu * e[0], mu * e[1], mu * e[2], mu * e[3], mu * e[4],
						m->risk[i].f[1]);
	}
}

/* new licensing deals of month t for revenue term j (from its own stream in a trial) */
static inline double
lic_deals(AbzModel *m, int j, int t, bool trial)
{
	double		mu = m->rev[j].f[0];
	double		n = 0.0;
	AbzRng	   *rng = &m->lrng[m->lic_slot[j]];

	if (!trial)
		return mu;
	if (mu <= 0.0)
		return 0.0;
	if (mu > GAP_MAX)
		return (double) abz_rng_poisson(mu, rng);
	while (m->ss[j].next <= t)
	{
		n += 1.0;
		m->ss[j].next += gap(mu, rng);
	}
	return n;
}

/* the per-run constants of every revenue term */
static void
setup_streams(AbzModel *m)
{
	double		churn = m->plan[ABZ_PLAN_PRODUCT].k[PROD_CHURN];

	for (int j = 0; j < m->nrev; j++)
	{
		const double *k = m->rev[j].k;
		StreamState *s = &m->ss[j];

		s->code = m->rev[j].code;
		s->f0 = m->rev[j].f[0];
		s->f1 = m->rev[j].f[1];
		s->f2 = m->rev[j].f[2];
		s->cf = s->pf = s->gf = 1.0;
		switch (s->code)
		{
			case ABZ_REV_SUBSCRIPTION:
				s->kr = k[SUB_ATTACH] * k[SUB_SEATS] * k[SUB_PRICE];
				s->kc = k[SUB_ATTACH] * k[SUB_SEATS] * k[SUB_COST];
				s->g = (1.0 - churn) * (1.0 + k[SUB_EXPANSION]);
				break;
			case ABZ_REV_USAGE:
				s->kr = k[USE_ATTACH] * k[USE_UNITS] * k[USE_PRICE];
				s->kc = k[USE_ATTACH] * k[USE_UNITS] * k[USE_COST];
				break;
			case ABZ_REV_ADVERTISING:
				s->kr = m->rev[j].f[1];
				s->kc = k[ADV_USERS] * k[ADV_COST];
				break;
		}
	}
}

/* the trial's context: seed, trial index, optional given inputs */
typedef struct TrialKey
{
	uint64_t	seed;
	uint64_t	trial;
	const double *inputs;		/* once-per-trial inputs, or NULL to draw them */
} TrialKey;

/*
 * Draw the once-per-trial keys: revenue and plan keys from the keys stream,
 * each risk term's from its own key stream, a market-scope freq as the
 * clamped quantile of one uniform of its market stream.  Given inputs
 * replace every draw.
 */
static void
draw_keys(AbzModel *m, const TrialKey *tk)
{
	AbzRng		keys,
				rk;
	int			cur = -1;

	abz_rng_init_stream(&keys, tk->seed, ST_KEYS, tk->trial);
	for (int i = 0; i < m->nrand; i++)
	{
		const RandKey *k = &m->rand[i];
		double	   *dst = (double *) ((char *) m + k->off);

		if (tk->inputs)
			*dst = clampd(tk->inputs[i], k->lo, k->hi);
		else if (k->kind != ABZ_KIND_RISK)
			*dst = abz_param_sample_in(&k->p, k->lo, k->hi, &keys);
		else if (k->slot == RK_FREQ && m->rmarket[k->term])
		{
			AbzRng		mf;

			abz_rng_init_stream(&mf, m->market_key, ST_MFREQ | m->rmid[k->term], tk->trial);
			*dst = clampd(abz_param_quantile(&k->p, abz_rng_uniform(&mf)), k->lo, k->hi);
		}
		else
		{
			if (k->term != cur)
			{
				cur = k->term;
				abz_rng_init_stream(&rk, tk->seed, ST_RKEYS | (uint32_t) cur, tk->trial);
			}
			*dst = abz_param_sample_in(&k->p, k->lo, k->hi, &rk);
		}
	}
}

/* the funding of each round this run: p * amount (expected), or amount with probability p */
static void
setup_rounds(AbzModel *m, const TrialKey *tk)
{
	AbzRng		rr;

	if (tk)
		abz_rng_init_stream(&rr, tk->seed, ST_ROUNDS, tk->trial);
	for (int i = 0; i < m->nround; i++)
	{
		double		p = m->round[i].k[ROUND_P],
					amt = m->round[i].k[ROUND_AMOUNT];

		if (tk == NULL)
			m->ramt[i] = p * amt;
		else if (p >= 1.0)
			m->ramt[i] = amt;
		else if (p <= 0.0)
			m->ramt[i] = 0.0;
		else
			m->ramt[i] = abz_rng_uniform(&rr) < p ? amt : 0.0;
	}
}

/* the event streams of a trial and the first arrivals of risks and licensing terms */
static void
setup_arrivals(AbzModel *m, const TrialKey *tk)
{
	m->rnext_any = HUGE_VAL;
	m->rpois = false;
	for (int i = 0; i < m->nrisk; i++)
	{
		double		mu = m->risk[i].f[0];

		m->rnext[i] = HUGE_VAL;
		if (m->roff[i] || !(mu > 0.0))
			continue;
		abz_rng_init_stream(&m->rsk[i], tk->seed, ST_REVENTS | (uint32_t) i, tk->trial);
		if (m->rmarket[i])
		{
			abz_rng_init_stream(&m->rma[i], m->market_key, ST_MARRIVE | m->rmid[i], tk->trial);
			abz_rng_init_stream(&m->rmi[i], m->market_key, ST_MIMPACT | m->rmid[i], tk->trial);
		}
		if (mu <= GAP_MAX)
			m->rnext[i] = gap(mu, arrivals(m, i));
		if (m->rnext[i] < m->rnext_any)
			m->rnext_any = m->rnext[i];
		m->rpois |= mu > GAP_MAX;
	}
	for (int j = 0; j < m->nrev; j++)
	{
		double		mu = m->rev[j].f[0];
		AbzRng	   *lr;

		if (m->rev[j].code != ABZ_REV_LICENSING)
			continue;
		lr = &m->lrng[m->lic_slot[j]];
		abz_rng_init_stream(lr, tk->seed, ST_LIC | (uint32_t) m->lic_slot[j], tk->trial);
		if (mu > 0.0 && mu <= GAP_MAX)
			m->ss[j].next = (m->launch - 1) + gap(mu, lr);
	}
}

/* set up a run: keys at their means (tk NULL) or drawn; rounds; first arrivals */
static void
setup_run(AbzModel *m, const TrialKey *tk)
{
	if (tk == NULL)
		for (int i = 0; i < m->nrand; i++)
			*(double *) ((char *) m + m->rand[i].off) = m->rand[i].mean;
	else
		draw_keys(m, tk);
	derive(m, false);
	setup_rounds(m, tk);
	memset(m->ss, 0, sizeof(StreamState) * (size_t) m->nrev);
	setup_streams(m);
	if (tk)
		setup_arrivals(m, tk);
}

/* advance the year-based factors of every revenue term to month t (before launch) */
static void
advance_streams(AbzModel *m)
{
	for (int j = 0; j < m->nrev; j++)
	{
		StreamState *s = &m->ss[j];

		if (s->code == ABZ_REV_SUBSCRIPTION)
			s->cf *= s->f0;
		else if (s->code == ABZ_REV_USAGE)
		{
			s->cf *= s->f2;
			s->pf *= s->f1;
		}
	}
}

/* licensing revenue of month t for revenue term j; adds its cost to *c */
static double
licensing(AbzModel *m, int j, int t, double pi, double *c, bool trial)
{
	const Term *tm = &m->rev[j];
	const double *k = tm->k;
	StreamState *s = &m->ss[j];
	int			H = m->horizon;
	double	   *h = m->series + 3 * H + (size_t) m->lic_slot[j] * H;
	double		nd = lic_deals(m, j, t, trial);
	int			term = (int) k[LIC_TERM];

	h[t - 1] = nd;
	s->win += nd;
	if (t - term >= m->launch)
		s->win -= h[t - term - 1];
	*c += nd * k[LIC_COST];
	return k[LIC_FEE] * pi * nd + tm->f[1] * s->win;
}

/*
 * The streams of month t >= launch: advance each term's factors, update the
 * MRR pools, add revenue per kind to rev[] and cost of revenue to *cor.
 * Returns gross revenue G_t.
 */
static inline __attribute__((always_inline)) double
streams(AbzModel *m, StreamState *const kend[ABZ_REV_NTERMS], int t, double C,
		double n, double pi, double rev[4], double *cor, bool trial)
{
	double		c = 0.0,
				r_sub = 0.0,
				r_use = 0.0,
				r_adv = 0.0,
				r_lic = 0.0;
	bool		aged = t > m->launch;	/* growth by age d = t - launch */
	StreamState *s = m->ss,
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
		r_lic += licensing(m, (int) (s - m->ss), t, pi, &c, trial);
	rev[ABZ_REV_SUBSCRIPTION] = r_sub;
	rev[ABZ_REV_USAGE] = r_use;
	rev[ABZ_REV_ADVERTISING] = r_adv;
	rev[ABZ_REV_LICENSING] = r_lic;
	*cor = c;
	return ((r_sub + r_use) + r_adv) + r_lic;
}

/*
 * One run over months 1..H: the expected path when trial is false, else a
 * trial (its streams set up by setup_run()).  Same arithmetic in both
 * modes.  Inlined into its callers, so that each mode's copy drops the
 * other's branches.
 */
static inline __attribute__((always_inline)) void
run(AbzModel *m, bool trial, RunOut *o)
{
	const Term *pl = m->plan;
	int			H = m->horizon,
				launch = m->launch;
	double		churn = pl[ABZ_PLAN_PRODUCT].k[PROD_CHURN];
	double		budget = pl[ABZ_PLAN_MARKETING].k[MKT_BUDGET],
				cac = pl[ABZ_PLAN_MARKETING].k[MKT_CAC],
				inv_cac = cac > 0.0 ? 1.0 / cac : 0.0,
				mkt_f = pl[ABZ_PLAN_MARKETING].f[0];
	double		capture = pl[ABZ_PLAN_MARKETING].k[MKT_ORGANIC] * pl[ABZ_PLAN_ENTRY].k[ENTRY_REACH];
	double		keep = 1.0 - pl[ABZ_PLAN_ENTRY].k[ENTRY_STAKE];
	double		team0 = pl[ABZ_PLAN_TEAM].k[TEAM_HEADCOUNT] * pl[ABZ_PLAN_TEAM].k[TEAM_COST],
				team_f = pl[ABZ_PLAN_TEAM].f[0];
	double		train0 = m->have_train ? pl[ABZ_PLAN_TRAINING].k[TRAIN_COST] : 0.0,
				train_f = pl[ABZ_PLAN_TRAINING].f[0];
	int			every = m->have_train ? (int) pl[ABZ_PLAN_TRAINING].k[TRAIN_EVERY] : 0;
	double		v = pl[ABZ_PLAN_VALUATION].f[0];
	double		forgo = 0.0,
				fixed_risk = 0.0,
				netf;
	Shocked		st = {0.0, 1.0, 1.0, 0.0, 0.0};
	double		K = pl[ABZ_PLAN_CASH].k[CASH_AMOUNT];
	double		disc = 1.0,
				tf = 1.0,
				trf = 1.0,
				bf = 1.0,
				npv = 0.0,
				R = 0.0;
	int			ri = 0,
				t;
	double		next_round = m->nround > 0 ? m->round[m->rord[0]].k[ROUND_MONTH] : HUGE_VAL;
	bool		alive = true;
	AbzTrial   *tr = o->tr;
	AbzMonth   *rows = o->rows;
	double	   *rev_out = o->revenue,
			   *cash_out = o->cash;
	bool		rpois = trial && m->rpois;
	double		rnext_any = trial ? m->rnext_any : HUGE_VAL;
	double		risk_loss = 0.0,
				eq_pv = 0.0;	/* PV of the equity contributions */
	int			breakeven = 0,
				train_in = every;	/* months to the next training run */
	const double *Mser = m->series,		/* M_t */
			   *Aser = m->series + H,	/* A_t */
			   *invM = m->series + 2 * H;	/* 1 / M_t */
	StreamState *kend[ABZ_REV_NTERMS];

	for (int c = 0; c < ABZ_REV_NTERMS; c++)
		kend[c] = m->ss + m->kind_end[c];

	for (int i = 0; i < m->nrisk; i++)
		if (!m->roff[i])
		{
			forgo += m->risk[i].f[3];
			fixed_risk += m->risk[i].f[2];
		}
	if (tr)
		eq_put(m, tr, 0, K, 1.0, &eq_pv);
	netf = (1.0 - pl[ABZ_PLAN_ENTRY].k[ENTRY_CUT]) * keep * keepf(forgo);

	for (t = 1; t <= H; t++)
	{
		double		n = 0.0,
					G = 0.0,
					cor = 0.0,
					B = 0.0,
					rev[4] = {0.0, 0.0, 0.0, 0.0};
		double		opex,
					mkt,
					train = 0.0,
					riskc,
					fund = 0.0,
					F;

		disc *= v;
		tf *= team_f;
		trf *= train_f;
		if (t < launch)
			advance_streams(m);

		/* 1. risk events */
		st.L = 0.0;
		if (trial)
		{
			if (rpois || rnext_any <= t)
				rnext_any = trial_risks(m, &st, t, tr, keep);
		}
		else
			expected_risks(m, &st);

		/* 2-3. acquisition, churn, revenue (from launch) */
		if (t >= launch)
		{
			double		Mt = Mser[t - 1],
						room = Mt - st.C,
						b = 0.0;

			if (t > launch)
				bf *= mkt_f;
			B = budget * bf;
			if (B > 0.0 && st.C < Mt)
			{
				/* b = sigma B (1 - phi) / cac, phi = C / M_t */
				double		sb = st.sig * B;

				if (cac > 0.0)
					b = (sb * inv_cac) * (1.0 - st.C * invM[t - 1]);
				else
					b = sb > 0.0 ? HUGE_VAL : 0.0;
			}
			n = capture * st.sig * Aser[t - 1] + b;
			if (room < 0.0)
				room = 0.0;
			if (n > room)
				n = room;
			st.C = st.C * (1.0 - churn) + n;
			if (st.C > Mt)
				cap_accounts(m, &st, Mt);
			G = streams(m, kend, t, st.C, n, st.pi, rev, &cor, trial);
		}
		R = G * netf;

		/* 4. operating costs; 5. funding; 6. cash */
		opex = (team0 * tf + st.E) * keep;
		mkt = B * keep;
		if (--train_in == 0)
		{
			train = train0 * trf * keep;
			train_in = every;
		}
		riskc = st.L * keep + fixed_risk;
		while (t >= next_round)
		{
			if (next_round == t)
			{
				fund += m->ramt[m->rord[ri]];
				if (tr)
					eq_put(m, tr, m->rslot[m->rord[ri]], m->ramt[m->rord[ri]], disc, &eq_pv);
			}
			ri++;
			next_round = ri < m->nround ? m->round[m->rord[ri]].k[ROUND_MONTH] : HUGE_VAL;
		}
		cor *= keep;
		/* the costs sum off the revenue's dependency chain */
		F = R - (((cor + opex) + (mkt + train)) + riskc);
		K += F + fund;
		npv += F * disc;

		if (rows)
		{
			double	   *x = rows[t - 1].v;

			x[ABZ_M_ACCOUNTS] = st.C;
			x[ABZ_M_NEW_ACCOUNTS] = n;
			x[ABZ_M_REVENUE] = R;
			x[ABZ_M_GROSS_REVENUE] = G;
			x[ABZ_M_REV_SUBSCRIPTION] = rev[ABZ_REV_SUBSCRIPTION];
			x[ABZ_M_REV_USAGE] = rev[ABZ_REV_USAGE];
			x[ABZ_M_REV_ADVERTISING] = rev[ABZ_REV_ADVERTISING];
			x[ABZ_M_REV_LICENSING] = rev[ABZ_REV_LICENSING];
			x[ABZ_M_COST_OF_REVENUE] = cor;
			x[ABZ_M_GROSS_PROFIT] = R - cor;
			x[ABZ_M_OPEX] = opex;
			x[ABZ_M_MARKETING] = mkt;
			x[ABZ_M_TRAINING] = train;
			x[ABZ_M_RISK_COST] = riskc;
			x[ABZ_M_CASH_FLOW] = F;
			x[ABZ_M_FUNDING] = fund;
			x[ABZ_M_CASH] = K;
		}
		if (rev_out)
			rev_out[t - 1] = R;
		if (cash_out)
			cash_out[t - 1] = K;
		if (trial)
		{
			risk_loss += st.L * keep;
			if (breakeven == 0 && t >= launch && F >= 0.0)
				breakeven = t;
			if (K < 0.0)
			{
				alive = false;
				tr->death_month = t;
				break;
			}
		}
	}
	if (!alive)
	{
		/* a dead company has revenue 0 and keeps its cash at death */
		for (int s = t + 1; s <= H; s++)
		{
			if (rev_out)
				rev_out[s - 1] = 0.0;
			if (cash_out)
				cash_out[s - 1] = K;
		}
		R = 0.0;
	}
	else
		npv += pl[ABZ_PLAN_VALUATION].k[VAL_MULTIPLE] * 12.0 * R * disc;
	o->npv = npv;
	if (tr)
	{
		tr->exit = alive ? pl[ABZ_PLAN_VALUATION].k[VAL_MULTIPLE] * 12.0 * R + K : 0.0;
		tr->eq_npv = tr->exit * disc - eq_pv;
		tr->npv = npv;
		tr->arr = alive ? 12.0 * R : 0.0;
		tr->risk_loss = risk_loss;
		tr->breakeven_month = breakeven;
	}
}

/*
 * The expected path: out[0..H-1] are months 1..H, *npv the valuation.
 * False and err (ABZ_ERR_OVERFLOW) if a value overflows float8.
 */
bool
abz_model_project(AbzModel *m, AbzMonth *out, double *npv, AbzError *err)
{
	RunOut		o = {out, NULL, NULL, NULL, 0.0};

	const double *v = &out[0].v[0];
	size_t		n = (size_t) m->horizon * ABZ_MONTH_NFIELDS;

	setup_run(m, NULL);
	run(m, false, &o);
	if (!abz_screen_below(v, n, ABZ_SCREEN_FINITE))
		for (int t = 0; t < m->horizon; t++)
			for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
				if (!isfinite(out[t].v[f]))
					return abz_error(err, ABZ_ERR_OVERFLOW, NULL, abz_month_names[f],
									 "value out of range: overflow in %s at month %d",
									 abz_month_names[f], t + 1);
	if (!isfinite(o.npv))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, "npv",
						 "value out of range: overflow in npv");
	*npv = o.npv;
	return true;
}

/* one Monte Carlo trial keyed by (seed, trial) */
void
abz_model_trial(AbzModel *m, uint64_t seed, uint64_t trial, AbzTrial *out,
				double *revenue, double *cash)
{
	abz_model_trial_inputs(m, seed, trial, NULL, out, revenue, cash);
}

/* one trial whose once-per-trial inputs are given (NULL: drawn) */
void
abz_model_trial_inputs(AbzModel *m, uint64_t seed, uint64_t trial,
					   const double *inputs, AbzTrial *out,
					   double *revenue, double *cash)
{
	TrialKey	tk = {seed, trial, inputs};
	RunOut		o = {NULL, revenue, cash, out, 0.0};

	memset(out, 0, sizeof(*out));
	setup_run(m, &tk);
	run(m, true, &o);
}

/*
 * The expected path's summary in trial form: npv, arr, and the equity view
 * (contributions p * amount at each round month, exit at H).  False and err
 * (ABZ_ERR_OVERFLOW) if a value overflows float8.
 */
bool
abz_model_project_equity(AbzModel *m, AbzTrial *out, AbzError *err)
{
	RunOut		o = {NULL, NULL, NULL, out, 0.0};

	memset(out, 0, sizeof(*out));
	setup_run(m, NULL);
	run(m, false, &o);
	if (!isfinite(out->npv) || !isfinite(out->eq_npv) || !isfinite(out->exit))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, "eq_npv",
						 "value out of range: overflow in the equity view");
	return true;
}

/* the equity slots of the model into months[]; their count */
int
abz_model_eq_slots(const AbzModel *m, int16_t months[ABZ_EQ_MAX_SLOTS])
{
	for (int k = 0; k < m->eq_nslot; k++)
		months[k] = m->eq_month[k];
	return m->eq_nslot;
}

/* a documented 64-bit mix of a scenario and a market identity */
static uint64_t
splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* market key = splitmix64(identity xor splitmix64(scenario)) */
uint64_t
abz_market_key(int64_t scenario, uint64_t market_identity)
{
	return splitmix64(market_identity ^ splitmix64((uint64_t) scenario));
}

/* set the key of the market-scope streams (prepare resets it to 0) */
void
abz_model_set_market_key(AbzModel *m, uint64_t market_key)
{
	m->market_key = market_key;
}

/* switch risk term i off or on (until the next prepare) */
void
abz_model_disable_risk(AbzModel *m, int i, bool off)
{
	if (i >= 0 && i < m->nrisk)
		m->roff[i] = off;
}

/* stable identity of once-per-trial input i: kind << 24 | term << 8 | slot */
uint32_t
abz_model_rand_id(const AbzModel *m, int i)
{
	const RandKey *k = &m->rand[i];

	return ((uint32_t) k->kind << 24) | ((uint32_t) k->term << 8) | k->slot;
}

/* whether input i is the freq of a market-scope risk (keyed by the market key) */
bool
abz_model_rand_market(const AbzModel *m, int i)
{
	const RandKey *k = &m->rand[i];

	return k->kind == ABZ_KIND_RISK && k->slot == RK_FREQ && m->rmarket[k->term];
}

/*
 * The value trial `trial` draws for input i when it is the freq of a
 * market-scope risk: from the market's stream, as an unstratified trial
 * does, so stratified and correlated runs keep market draws shared.
 */
double
abz_model_rand_market_value(const AbzModel *m, int i, uint64_t trial)
{
	const RandKey *k = &m->rand[i];
	AbzRng		mf;

	abz_rng_init_stream(&mf, m->market_key, ST_MFREQ | m->rmid[k->term], trial);
	return clampd(abz_param_quantile(&k->p, abz_rng_uniform(&mf)), k->lo, k->hi);
}

/* input i at probability u: its quantile clamped to its key's domain */
double
abz_model_rand_quantile(const AbzModel *m, int i, double u)
{
	const RandKey *k = &m->rand[i];

	return clampd(abz_param_quantile(&k->p, u), k->lo, k->hi);
}

/* number of keys a trial samples once (its distributions) */
int
abz_model_nrand(const AbzModel *m)
{
	return m->nrand;
}

/* where once-per-trial key i comes from: the spec's kind, the term's index in it, the slot */
void
abz_model_rand_source(const AbzModel *m, int i, AbzKind *kind, int *term, int *slot)
{
	*kind = (AbzKind) m->rand[i].kind;
	*term = m->rand[i].term;
	*slot = m->rand[i].slot;
}

/* the values the last trial drew for its once-per-trial keys, out[0..nrand-1] */
void
abz_model_rand_values(const AbzModel *m, double *out)
{
	for (int i = 0; i < m->nrand; i++)
		out[i] = *(const double *) ((const char *) m + m->rand[i].off);
}
