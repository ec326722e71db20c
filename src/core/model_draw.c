/*
 * model_draw.c — the start of a run and the random streams of a trial: the
 * keys (at their means, or drawn once per trial), the rounds' funding, the
 * revenue streams' constants, the event streams and first arrivals; the
 * market key; and the interface to once-per-trial inputs (for stratified
 * and correlated sampling).
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
 * The events themselves are drawn month by month in model_risk.c and
 * model_run.c (licensing deals).
 */
#include <math.h>
#include <string.h>

#include "model_int.h"

/* stream ids of a trial (see the header comment) */
#define ST_KEYS		0x00000000u
#define ST_ROUNDS	0x00010000u
#define ST_LIC		0x00020000u
#define ST_RKEYS	0x00030000u
#define ST_REVENTS	0x00040000u
#define ST_MFREQ	0x00050000u
#define ST_MARRIVE	0x00060000u
#define ST_MIMPACT	0x00070000u

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

/* set up a run: keys at their means (tk NULL) or drawn; rounds; first arrivals */
void
abz_mdl_setup_run(AbzModel *m, const TrialKey *tk)
{
	if (tk == NULL)
		for (int i = 0; i < m->nrand; i++)
			*(double *) ((char *) m + m->rand[i].off) = m->rand[i].mean;
	else
		draw_keys(m, tk);
	abz_mdl_derive(m, false);
	setup_rounds(m, tk);
	memset(m->ss, 0, sizeof(StreamState) * (size_t) m->nrev);
	setup_streams(m);
	if (tk)
		setup_arrivals(m, tk);
}

/* market key = splitmix64(identity xor splitmix64(scenario)) */
uint64_t
abz_market_key(int64_t scenario, uint64_t market_identity)
{
	return abz_splitmix64(market_identity ^ abz_splitmix64((uint64_t) scenario));
}

/* set the key of the market-scope streams (prepare resets it to 0) */
void
abz_model_set_market_key(AbzModel *m, uint64_t market_key)
{
	m->market_key = market_key;
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
