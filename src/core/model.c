/*
 * model.c — the monthly model (docs/model.md): preparing a model.
 *
 * abz_model_prepare() resolves the three specs into per-term key values,
 * lists the keys that are distributions, and precomputes everything that
 * does not vary by trial (market M_t and A_t, monthly growth factors of
 * constant keys).  One monthly step, run() in model_run.c, serves both the
 * expected path (every distribution at its mean, risk events and licensing
 * deals at their expected monthly effect, rounds at p·amount) and a Monte
 * Carlo trial (keys sampled once per trial, Poisson events with per-event
 * impacts, Bernoulli rounds, death when cash goes negative).  A trial
 * without any uncertainty therefore reproduces the projection bit for bit.
 *
 * The model's files (model_int.h lists what they share):
 *   model.c        this file: resolve keys, derive factors, prepare, and
 *                  the accessors of a prepared model;
 *   model_draw.c   the random streams of a trial (their ids and draw order
 *                  are in its header comment and docs/model.md): the
 *                  once-per-trial keys, rounds, first arrivals, and the
 *                  once-per-trial input API;
 *   model_risk.c   risk terms: resolving a risk profile, switching terms
 *                  off, one event's draws (model_risk.h: a month's risk
 *                  events and shocks, inlined into the month loop);
 *   model_run.c    the monthly step run(), its revenue streams and
 *                  acquisition, and the projection and trial entry points.
 */
#include <math.h>
#include <string.h>

#include "model_int.h"

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
void
abz_mdl_key_domain(const AbzKeyDef *kd, double *lo, double *hi)
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
	if (p->dist == ABZ_CONST)
	{
		/*
		 * A constant (most keys): its value clamped to the domain, exactly as
		 * abz_param_mean_in below would, without computing the domain's
		 * nudged lower bound unless it is needed (below a strict bound x
		 * means <= x).
		 */
		mean = p->a;
		if (mean < kd->lo || ((kd->flags & ABZ_KEY_POSITIVE) && mean <= kd->lo))
			abz_mdl_key_domain(kd, &mean, &hi);
		else if (mean > kd->hi)
			mean = kd->hi;
		dst->k[slot] = mean;
		return true;
	}
	abz_mdl_key_domain(kd, &lo, &hi);
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
bool
abz_mdl_resolve_term(AbzModel *m, AbzKind kind, const AbzTerm *src, Term *dst,
					 AbzError *err)
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

/* whether slot s of term t changed since its factors were last derived */
#define CHANGED(s) (all || (t->rnd & (1u << (s))))

/* the derived factors of a revenue term */
static void
derive_revenue(Term *t, bool all)
{
	const double tw = 1.0 / 12.0;
	double	   *k = t->k;

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

/*
 * the derived factors of a risk term: f[0] events per month after the
 * strategy, f[1] cover, f[2] fixed monthly cost, f[3] revenue forgone
 */
static void
derive_risk(Term *t)
{
	double	   *k = t->k;
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

/* the derived factors of a single plan term (monthly growth, decline, discount) */
static void
derive_plan(Term *t, bool all)
{
	const double tw = 1.0 / 12.0;
	double	   *k = t->k;

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

/* derive every term (all) or only those with keys sampled this trial */
void
abz_mdl_derive(AbzModel *m, bool all)
{
	for (int i = 0; i < m->nrev; i++)
		if (all || m->rev[i].rnd)
			derive_revenue(&m->rev[i], all);
	for (int i = 0; i < m->nrisk; i++)
		if (all || m->risk[i].rnd)
			derive_risk(&m->risk[i]);
	for (int c = 0; c < ABZ_PLAN_NTERMS; c++)
		if (all || m->plan[c].rnd)
			derive_plan(&m->plan[c], all);
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

/*
 * The growth factors (1 + growth)^(t/12), t = 1..n, of the last base
 * 1 + growth this thread asked for.  The markets of one query often share
 * their growth, and these pow() calls were the largest part of preparing a
 * model.  A pure cache: each factor is the same pow() result as before, so
 * no model changes by a bit.  Thread-local, so that models on different
 * threads stay independent.
 */
typedef struct GrowthMemo
{
	double		base;			/* 1 + growth, compared bit for bit */
	int			n;				/* factors computed: f[t - 1] for t = 1..n */
	double		f[ABZ_MAX_HORIZON];
} GrowthMemo;

static _Thread_local GrowthMemo growth_memo;

/* (1 + growth)^(t/12) for t = 1..H at [t - 1], from the memo */
static const double *
growth_factors(double base, int H)
{
	GrowthMemo *g = &growth_memo;

	if (g->n == 0 || memcmp(&g->base, &base, sizeof(base)) != 0)
	{
		g->base = base;
		g->n = 0;
	}
	for (; g->n < H; g->n++)
		g->f[g->n] = pow(base, (g->n + 1) / 12.0);
	return g->f;
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
	const double *gf = growth_factors(1.0 + mk->growth, H);

	/* M_t first, so that the loop of exp() calls below reads plain memory */
	for (int t = 1; t <= H; t++)
		m->series[t - 1] = mk->accounts * gf[t - 1];
	for (int t = 1; t <= H; t++)
	{
		double		tau = tau0 + t / 12.0;
		double		e = exp(-(p + q) * tau);
		double		f = (1.0 - e) / (1.0 + (q / p) * e);
		double		mt = m->series[t - 1];

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
			if (!abz_mdl_resolve_term(m, ABZ_KIND_REVENUE, &revenue->terms[src], &m->rev[i],
									  err))
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


/* resolve a round into the next round slot and insert it into the month order (stable) */
static bool
add_round(AbzModel *m, const AbzTerm *src, AbzError *err)
{
	int			j = m->nround++;

	if (!abz_mdl_resolve_term(m, ABZ_KIND_PLAN, src, &m->round[j], err))
		return false;
	while (j > 0 && m->round[m->rord[j - 1]].k[ROUND_MONTH] >
		   m->round[m->nround - 1].k[ROUND_MONTH])
	{
		m->rord[j] = m->rord[j - 1];
		j--;
	}
	m->rord[j] = (uint8_t) (m->nround - 1);
	return true;
}

/* the keys of another entry mode do not apply: neutral values, not sampled */
static void
drop_other_entry_keys(AbzModel *m)
{
	Term	   *e = &m->plan[ABZ_PLAN_ENTRY];

	if (e->sub != ABZ_ENTRY_CHANNEL)
	{
		e->k[ENTRY_CUT] = 0.0;
		e->k[ENTRY_REACH] = 1.0;
		e->rnd &= (uint16_t) ~((1u << ENTRY_CUT) | (1u << ENTRY_REACH));
	}
	if (e->sub != ABZ_ENTRY_JV)
	{
		e->k[ENTRY_STAKE] = 0.0;
		e->rnd &= (uint16_t) ~(1u << ENTRY_STAKE);
	}
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
			if (!add_round(m, src, err))
				return false;
			continue;
		}
		if (src->term == ABZ_PLAN_ENTRY && src->sub >= ABZ_ENTRY_N)
			return abz_error(err, ABZ_ERR_DOMAIN, "entry", "mode",
							 "unknown entry mode code %d", src->sub);
		if (have[src->term])
			return abz_error(err, ABZ_ERR_DOMAIN, abz_kinds[ABZ_KIND_PLAN].terms[src->term].name,
							 NULL, "plan term appears more than once");
		have[src->term] = true;
		if (!abz_mdl_resolve_term(m, ABZ_KIND_PLAN, src, &m->plan[src->term], err))
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
	drop_other_entry_keys(m);
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
		!abz_mdl_prepare_risk(m, risk, err) ||
		!prepare_plan(m, plan, err))
		return false;
	prepare_market(m, market);
	abz_mdl_derive(m, true);
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
