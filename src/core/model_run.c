/*
 * model_run.c — the monthly step of the model and its entry points.
 *
 * run() steps months 1..H: risk events (model_risk.h), acquisition and
 * churn against the market, revenue by stream (subscription pools, usage,
 * advertising, licensing deals and royalty windows), operating costs,
 * funding rounds and cash; death ends a trial when cash goes negative.
 * abz_mdl_setup_run() (model_draw.c) puts the keys at their means
 * (projection) or draws them, and sets up the streams first.
 * abz_model_project(), abz_model_project_equity() and
 * abz_model_trial_inputs() each inline run() in their own mode.
 */
#include <math.h>
#include <string.h>

#include "model_step.h"
#include "screen.h"

/* what one run reports besides the monthly rows */
typedef struct RunOut
{
	AbzMonth   *rows;			/* projection rows or NULL */
	double	   *revenue;		/* trial series or NULL */
	double	   *cash;
	AbzTrial   *tr;				/* trial summary or NULL */
	double		npv;
} RunOut;

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

/* licensing revenue of month t for revenue term j; adds its cost to *c */
double
abz_mdl_licensing(AbzModel *m, int j, int t, double pi, double *c, bool trial)
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

/* the projection row of a month: accounts, flows and cash K */
static inline __attribute__((always_inline)) void
fill_row(double *x, const Shocked *st, const Month *mo, double K)
{
	x[ABZ_M_ACCOUNTS] = st->C;
	x[ABZ_M_NEW_ACCOUNTS] = mo->n;
	x[ABZ_M_REVENUE] = mo->R;
	x[ABZ_M_GROSS_REVENUE] = mo->G;
	x[ABZ_M_REV_SUBSCRIPTION] = mo->rev[ABZ_REV_SUBSCRIPTION];
	x[ABZ_M_REV_USAGE] = mo->rev[ABZ_REV_USAGE];
	x[ABZ_M_REV_ADVERTISING] = mo->rev[ABZ_REV_ADVERTISING];
	x[ABZ_M_REV_LICENSING] = mo->rev[ABZ_REV_LICENSING];
	x[ABZ_M_COST_OF_REVENUE] = mo->cor;
	x[ABZ_M_GROSS_PROFIT] = mo->R - mo->cor;
	x[ABZ_M_OPEX] = mo->opex;
	x[ABZ_M_MARKETING] = mo->mkt;
	x[ABZ_M_TRAINING] = mo->train;
	x[ABZ_M_RISK_COST] = mo->riskc;
	x[ABZ_M_CASH_FLOW] = mo->F;
	x[ABZ_M_FUNDING] = mo->fund;
	x[ABZ_M_CASH] = K;
}

/* after death in month t: revenue 0 and the cash at death K for months t+1..H */
static void
dead_tail(double *rev_out, double *cash_out, int t, int H, double K)
{
	for (int s = t + 1; s <= H; s++)
	{
		if (rev_out)
			rev_out[s - 1] = 0.0;
		if (cash_out)
			cash_out[s - 1] = K;
	}
}

/*
 * One run over months 1..H: the expected path when trial is false, else a
 * trial (its streams set up by abz_mdl_setup_run()).  Same arithmetic in
 * both modes.  Inlined into its callers, so that each mode's copy drops the
 * other's branches.
 */
static inline __attribute__((always_inline)) void
run(AbzModel *m, bool trial, RunOut *o)
{
	RunConst	rc;
	Shocked		st = {0.0, 1.0, 1.0, 0.0, 0.0};
	int			H = m->horizon,
				launch = m->launch,
				ri = 0,
				breakeven = 0,
				train_in,		/* months to the next training run */
				t;
	double		K = m->plan[ABZ_PLAN_CASH].k[CASH_AMOUNT],
				disc = 1.0,
				tf = 1.0,
				trf = 1.0,
				bf = 1.0,
				npv = 0.0,
				R = 0.0,
				risk_loss = 0.0,
				eq_pv = 0.0;	/* PV of the equity contributions */
	double		next_round = m->nround > 0 ? m->round[m->rord[0]].k[ROUND_MONTH] : HUGE_VAL;
	bool		alive = true;
	AbzTrial   *tr = o->tr;
	AbzMonth   *rows = o->rows;
	double	   *rev_out = o->revenue,
			   *cash_out = o->cash;
	bool		rpois = trial && m->rpois;
	double		rnext_any = trial ? m->rnext_any : HUGE_VAL;
	const double *Mser = m->series,		/* M_t */
			   *Aser = m->series + H,	/* A_t */
			   *invM = m->series + 2 * H;	/* 1 / M_t */
	StreamState *kend[ABZ_REV_NTERMS];

	for (int c = 0; c < ABZ_REV_NTERMS; c++)
		kend[c] = m->ss + m->kind_end[c];
	run_const(m, &rc);
	train_in = rc.every;
	if (tr)
		eq_put(m, tr, 0, K, 1.0, &eq_pv);

	for (t = 1; t <= H; t++)
	{
		Month		mo = {0};

		disc *= rc.v;
		tf *= rc.team_f;
		trf *= rc.train_f;
		if (t < launch)
			advance_streams(m->ss, m->nrev);

		/* 1. risk events */
		st.L = 0.0;
		if (trial)
		{
			if (rpois || rnext_any <= t)
				rnext_any = trial_risks(m, &st, t, tr, rc.keep);
		}
		else
			expected_risks(m, &st);

		/* 2-3. acquisition, churn, revenue (from launch) */
		if (t >= launch)
		{
			if (t > launch)
				bf *= rc.mkt_f;
			mo.B = rc.budget * bf;
			mo.n = acquire(m->ss, m->kind_end[ABZ_REV_SUBSCRIPTION], &rc, &st, mo.B, t,
						   Mser, Aser, invM);
			mo.G = streams(m, m->ss, kend, t, st.C, mo.n, st.pi, mo.rev, &mo.cor, trial);
		}
		R = mo.R = mo.G * rc.netf;

		/* 4. operating costs; 5. funding; 6. cash */
		month_costs(&rc, &st, &mo, tf, trf, &train_in);
		mo.fund = fund_rounds(m, m->ramt, tr, t, disc, &ri, &next_round, &eq_pv);
		mo.cor *= rc.keep;
		/* the costs sum off the revenue's dependency chain */
		mo.F = R - (((mo.cor + mo.opex) + (mo.mkt + mo.train)) + mo.riskc);
		K += mo.F + mo.fund;
		npv += mo.F * disc;

		if (rows)
			fill_row(rows[t - 1].v, &st, &mo, K);
		if (rev_out)
			rev_out[t - 1] = R;
		if (cash_out)
			cash_out[t - 1] = K;
		if (trial)
		{
			risk_loss += st.L * rc.keep;
			if (breakeven == 0 && t >= launch && mo.F >= 0.0)
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
		dead_tail(rev_out, cash_out, t, H, K);
		R = 0.0;
	}
	else
		npv += rc.multiple * 12.0 * R * disc;
	o->npv = npv;
	if (tr)
	{
		tr->exit = alive ? rc.multiple * 12.0 * R + K : 0.0;
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

	abz_mdl_setup_run(m, NULL);
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
	abz_mdl_setup_run(m, &tk);
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
	abz_mdl_setup_run(m, NULL);
	run(m, false, &o);
	if (!isfinite(out->npv) || !isfinite(out->eq_npv) || !isfinite(out->exit))
		return abz_error(err, ABZ_ERR_OVERFLOW, NULL, "eq_npv",
						 "value out of range: overflow in the equity view");
	return true;
}

