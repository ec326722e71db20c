/*
 * model_risk.c — the risk events of a month.  In a trial each risk's
 * arrivals come as exponential gaps (up to GAP_MAX events a month) or
 * Poisson counts (above), from its own event stream or, for a risk with
 * scope=market, from its market's arrival stream (model_draw.c opens the
 * streams; trial_risks() in model_int.h steps through them, inlined in the
 * month loop).  Here: one event's impacts, drawn from the risk's stream or
 * as quantiles of its market's impact stream; events beyond EV_CAP a month
 * at their mean impacts; in the projection, each risk's expected monthly
 * effect.  Every event is a shock to the company state (accounts, price,
 * acquisition, extra opex, cash loss after cover).
 */
#include <math.h>

#include "model_int.h"

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
void
abz_mdl_trial_event(AbzModel *m, Shocked *st, int i, AbzRng *rng)
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

/* n events beyond the sampled ones: applied at their mean impacts, in closed form */
void
abz_mdl_trial_bulk(AbzModel *m, Shocked *st, int i, double n)
{
	const double *mu = m->ev[i].mean;

	apply_shock(m, st, n * mu[0], 1.0 - pow(keepf(mu[1]), n), 1.0 - pow(keepf(mu[2]), n),
				n * mu[3], 1.0 - pow(keepf(mu[4]), n), m->risk[i].f[1]);
}

/* the expected monthly effect of every risk (projection) */
void
abz_mdl_expected_risks(AbzModel *m, Shocked *st)
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
