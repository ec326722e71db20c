/*
 * model_risk.c — the risk terms of a model: resolving a risk profile (each
 * term's keys, its scope and its market-stream identity, 256 category +
 * occurrence, and the samplers of its per-event impacts), switching terms
 * off, and the draws of one event.  A month's events are stepped through by
 * trial_risks() in model_risk.h, inlined into the month loop; arrivals come
 * as exponential gaps (up to GAP_MAX events a month) or Poisson counts
 * (above), from the risk's own event stream or, for a risk with
 * scope=market, from its market's arrival stream (model_draw.c opens the
 * streams).  An event's impacts come from the risk's event stream or as
 * quantiles of its market's impact stream; events beyond EV_CAP a month
 * count at their mean impacts.
 */
#include <math.h>
#include <string.h>

#include "model_risk.h"

/* resolve the risk terms and their per-event impacts */
bool
abz_mdl_prepare_risk(AbzModel *m, const AbzSpec *risk, AbzError *err)
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
		if (!abz_mdl_resolve_term(m, ABZ_KIND_RISK, src, &m->risk[i], err))
			return false;
		memset(ev, 0, sizeof(*ev));
		for (int j = 0; j < NEV; j++)
		{
			const AbzKeyDef *kd = abz_key_def(ABZ_KIND_RISK, src, RK_LOSS + j);
			const AbzParam *p = &src->key[RK_LOSS + j];
			double		lo,
						hi;

			abz_mdl_key_domain(kd, &lo, &hi);
			abz_sampler_init(&ev->s[j], p, lo, hi);
			ev->mean[j] = m->risk[i].k[RK_LOSS + j];
			if (p->dist != ABZ_CONST)
				ev->rnd |= (uint8_t) (1u << j);
		}
	}
	return true;
}

/* switch risk term i off or on (until the next prepare) */
void
abz_model_disable_risk(AbzModel *m, int i, bool off)
{
	if (i >= 0 && i < m->nrisk)
		m->roff[i] = off;
}

/*
 * The impacts of one event of risk i into x[].  Company scope: random
 * impacts drawn from the risk's event stream rng (constants draw nothing).
 * Market scope: exactly NEV uniforms from the market's impact stream mr,
 * each random impact its clamped quantile at its uniform.
 */
void
abz_mdl_event_impacts(const AbzModel *m, int i, AbzRng *rng, AbzRng *mr, double x[NEV])
{
	const RiskEv *ev = &m->ev[i];

	if (m->rmarket[i])
		for (int j = 0; j < NEV; j++)
		{
			double		u = abz_rng_uniform(mr);

			x[j] = (ev->rnd & (1u << j)) ?
				clampd(abz_param_quantile(&ev->s[j].p, u), ev->s[j].lo, ev->s[j].hi) :
				ev->mean[j];
		}
	else
		for (int j = 0; j < NEV; j++)
			x[j] = (ev->rnd & (1u << j)) ? abz_sampler_draw(&ev->s[j], rng) : ev->mean[j];
}

/* one risk event in a trial: draw its impacts and apply them */
void
abz_mdl_trial_event(AbzModel *m, Shocked *st, int i, AbzRng *rng)
{
	double		x[NEV];

	abz_mdl_event_impacts(m, i, rng, &m->rmi[i], x);
	apply_shock(m->ss, m->kind_end[ABZ_REV_SUBSCRIPTION], st, x[0], x[1], x[2], x[3], x[4],
				m->risk[i].f[1]);
}

/* n events beyond the sampled ones: applied at their mean impacts, in closed form */
void
abz_mdl_trial_bulk(const AbzModel *m, StreamState *ss, Shocked *st, int i, double n,
				   double cover)
{
	const double *mu = m->ev[i].mean;

	apply_shock(ss, m->kind_end[ABZ_REV_SUBSCRIPTION], st, n * mu[0],
				1.0 - pow(keepf(mu[1]), n), 1.0 - pow(keepf(mu[2]), n),
				n * mu[3], 1.0 - pow(keepf(mu[4]), n), cover);
}

/* the largest events per month risk i's frequency reaches in all but 1e-4 of trials */
static double
risk_mu_high(const AbzModel *m, int i)
{
	double		mu = m->risk[i].f[0];

	if (m->risk[i].sub == ABZ_STRAT_AVOID || !(m->risk[i].rnd & (1u << RK_FREQ)))
		return mu;
	for (int r = 0; r < m->nrand; r++)
	{
		const RandKey *k = &m->rand[r];
		double		q;

		if (k->kind != ABZ_KIND_RISK || k->slot != RK_FREQ ||
			k->off != (uint32_t) ((const char *) &m->risk[i].k[RK_FREQ] - (const char *) m))
			continue;
		q = clampd(abz_param_quantile(&k->p, 0.9999), k->lo, k->hi) / 12.0;
		return q > mu ? q : mu;
	}
	return mu;
}

/*
 * The work of a month of a trial in units of a month without risk events:
 * 1 plus, for each risk whose count can be drawn by Poisson (more than
 * GAP_MAX events a month), the events sampled one by one (at most EV_CAP).
 * Risks drawn by gaps add a few events a month at most and are not counted.
 */
double
abz_model_month_work(const AbzModel *m)
{
	double		w = 1.0;

	for (int i = 0; i < m->nrisk; i++)
	{
		double		mu = m->roff[i] ? 0.0 : risk_mu_high(m, i);

		if (mu > GAP_MAX)
			w += mu < EV_CAP ? mu : EV_CAP;
	}
	return w;
}
