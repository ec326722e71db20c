/*
 * model_risk.h — the risk step of the month loop, inlined into run()
 * (model_run.c): a call per month would cost the loop its registers.  A
 * month's risk events in a trial (arrivals from each risk's stream, or its
 * market's for scope=market; their impacts drawn by model_risk.c), or their
 * expected effect in the projection, each applied as a shock to the
 * company state.
 */
#ifndef ABZ_MODEL_RISK_H
#define ABZ_MODEL_RISK_H

#include "model_int.h"

/*
 * model_risk.c: the impacts of one event of risk i (company stream rng, or
 * the market's impact stream mr for scope=market) into x[]; one event of
 * risk i in a trial; n more at their mean impacts (ss: the run's revenue
 * streams, cover: the risk's cover this run)
 */
void		abz_mdl_event_impacts(const AbzModel *m, int i, AbzRng *rng, AbzRng *mr,
								  double x[NEV]);
void		abz_mdl_trial_event(AbzModel *m, Shocked *st, int i, AbzRng *rng);
void		abz_mdl_trial_bulk(const AbzModel *m, StreamState *ss, Shocked *st, int i,
							   double n, double cover);

/*
 * apply one shock (an event, or the expected effect of a month of events)
 * to the company state; returns the factor of the subscription pools
 */
static inline double
shock_state(Shocked *st, double loss, double churn, double price, double cost,
			double share, double cover)
{
	double		fc = keepf(churn),
				fp = keepf(price);

	st->L += loss * (1.0 - cover);
	st->C *= fc;
	st->pi *= fp;
	st->E += cost;
	st->sig *= keepf(share);
	return fc * fp;
}

/* one shock to the company state and the subscription pools ss[0..nsub-1] */
static inline void
apply_shock(StreamState *ss, int nsub, Shocked *st, double loss, double churn,
			double price, double cost, double share, double cover)
{
	double		fs = shock_state(st, loss, churn, price, cost, share, cover);

	if (fs != 1.0)
		for (int j = 0; j < nsub; j++)
			ss[j].pool *= fs;
}

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
				abz_mdl_trial_bulk(m, m->ss, st, i, (double) (n - EV_CAP), m->risk[i].f[1]);
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
static inline void
expected_risks(AbzModel *m, Shocked *st)
{
	for (int i = 0; i < m->nrisk; i++)
	{
		double		mu = m->risk[i].f[0];
		const double *e = m->ev[i].mean;

		if (mu > 0.0 && !m->roff[i])
			apply_shock(m->ss, m->kind_end[ABZ_REV_SUBSCRIPTION], st, mu * e[0], mu * e[1], mu * e[2], mu * e[3], mu * e[4],
						m->risk[i].f[1]);
	}
}

#endif							/* ABZ_MODEL_RISK_H */
