/*
 * simulate.c — the Monte Carlo driver: trial i of a simulation is
 * abz_model_trial(model, seed, i) (its once-per-trial inputs drawn by block
 * when they are stratified or correlated, sim_inputs.c), computed
 * ABZ_SIM_BLOCK at a time (by the block engine, model_block.c, where it
 * runs the model; the same numbers either way) and added in index order
 * to a builder; with a tolerance, trials run in batches of
 * ABZ_SIM_BATCH until the 95 % confidence half-width of mean NPV is within
 * tolerance x |mean NPV|.
 */
#include <math.h>
#include <string.h>

#include "simulate.h"

/* trials between two ticks for a horizon */
int
abz_sim_tick_every(int horizon)
{
	int			every = ABZ_SIM_TICK_MONTHS / (horizon > 0 ? horizon : 1);

	return every > 0 ? every : 1;
}

/* trials between two ticks for model m (its horizon and the events a month can sample) */
int
abz_sim_tick_every_model(const AbzModel *m)
{
	int			every = abz_sim_tick_every(abz_model_horizon(m));
	double		w = abz_model_month_work(m);

	if (w > 1.0)
	{
		double		e = floor((double) every / w);

		/* whole blocks between two ticks where there are enough trials for one */
		if (e >= ABZ_SIM_BLOCK)
			e -= fmod(e, (double) ABZ_SIM_BLOCK);
		every = e >= 1.0 ? (int) e : 1;
	}
	return every;
}

/* the version 2 block a simulation of m under o starts with */
void
abz_sim_ext_for(const AbzModel *m, const AbzSimOptions *o, AbzSimExt *ext)
{
	memset(ext, 0, sizeof(*ext));
	ext->scenario = o->scenario;
	ext->tolerance = o->tolerance;
	ext->requested = o->trials;
	ext->sampling = o->sampling;
	ext->correlated = o->ncorr > 1;
	ext->nslots = abz_model_eq_slots(m, ext->slot);
}

/* the layout of a simulation of m under o (single, version 2, the model's equity slots) */
bool
abz_sim_layout_for(const AbzModel *m, const AbzSimOptions *o, AbzSimLayout *L, AbzError *err)
{
	AbzSimExt	ext;
	AbzSimShape s;

	abz_sim_ext_for(m, o, &ext);
	s.trials = o->trials;
	s.horizon = abz_model_horizon(m);
	s.nslots = ext.nslots;
	s.version = ABZ_SIM_VERSION;
	s.quantiles = true;
	s.survivors = false;
	return abz_sim_layout_shape(&s, L, err);
}

/* bytes of a block of trials: their series (revenue, then cash), then the block engine's state */
static size_t
block_series_bytes(const AbzModel *m)
{
	return 2 * sizeof(double) * ABZ_SIM_BLOCK * (size_t) abz_model_horizon(m) +
		((abz_model_block_size(m) + 7) & ~(size_t) 7);
}

/*
 * bytes of scratch a run needs: the builder's, the series of a block of
 * trials, and the inputs' of one block when drawn by block
 */
size_t
abz_sim_scratch(const AbzModel *m, const AbzSimOptions *o)
{
	size_t		b = abz_sim_builder_scratch(o->trials, abz_model_horizon(m));

	b = (b + 7) & ~(size_t) 7;
	b += block_series_bytes(m);
	return b + (abz_sim_inputs_by_block(o) ? abz_sim_inputs_scratch(m, o) : 0);
}

/*
 * The convergence rule after the first n trials: the 95 % half-width
 * 1.96 s / sqrt(n) of mean NPV (s the sample standard deviation) is within
 * tol x |mean|.  The state carries what the trials before gave (the exact
 * sum, and Welford's running mean and sum of squared deviations in trial
 * order), so each batch reads only its own trials and a run costs one pass.
 */
bool
abz_sim_converged(AbzConvergence *c, const AbzSimView *v, int32_t n, double tol)
{
	for (; c->n < n; c->n++)
	{
		abz_fixed	x = abz_sim_fx(v->npv, (size_t) c->n);
		double		d = abz_fixed_to_double(x),
					delta = d - c->mean;

		if (!abz_fixed_add(c->sum, x, &c->sum))
			return false;
		c->mean += delta / (double) (c->n + 1);
		c->m2 += delta * (d - c->mean);
	}
	if (n < 2)
		return false;
	return 1.96 * sqrt(c->m2 / (double) (n - 1) / (double) n) <=
		tol * fabs(abz_fixed_to_double(c->sum) / (double) n);
}

/*
 * trials first .. first + n - 1 into tr[], revenue[] and cash[] (the inputs
 * of in when not NULL): by the block engine when blk is given and it runs
 * the model, else one at a time
 */
void
abz_sim_trials(AbzModel *m, const AbzSimOptions *o, AbzSimInputs *in, int32_t first,
			   int32_t n, void *blk, AbzTrial *tr, double *revenue, double *cash)
{
	size_t		H = (size_t) abz_model_horizon(m);

	if (blk && abz_model_block_ok(m))
	{
		abz_model_trials_block(m, blk, (uint64_t) o->seed, (uint64_t) first, n,
							   in ? in->cols + (first - in->first) : NULL,
							   in ? (size_t) in->cap : 0, tr, revenue, cash);
		return;
	}
	for (int32_t j = 0; j < n; j++)
		abz_model_trial_inputs(m, (uint64_t) o->seed, (uint64_t) (first + j),
							   in ? abz_sim_inputs_row(in, first + j) : NULL,
							   &tr[j], revenue + (size_t) j * H, cash + (size_t) j * H);
}

/*
 * run trials [first, end) into the builder, their inputs drawn by block when
 * in is not NULL: ABZ_SIM_BLOCK trials at a time (abz_sim_trials), then
 * added to the builder as a block; the tick is polled between
 * blocks, every abz_sim_tick_every() trials or so
 */
static bool
run_trials(AbzModel *m, const AbzSimOptions *o, AbzSimBuilder *b, AbzSimInputs *in,
		   int32_t first, int32_t end, AbzTickState *ts, double *rev, AbzError *err)
{
	AbzTrial	t[ABZ_SIM_BLOCK];
	size_t		H = (size_t) abz_model_horizon(m);
	double	   *cash = rev + ABZ_SIM_BLOCK * H;
	void	   *blk = cash + ABZ_SIM_BLOCK * H;

	for (int32_t i = first; i < end;)
	{
		int32_t		n = end - i < ABZ_SIM_BLOCK ? end - i : ABZ_SIM_BLOCK;

		/* a block never crosses a tick: the tick comes every `every` trials */
		if (ts->tick)
		{
			if (n > ts->countdown)
				n = ts->countdown;
			ts->countdown -= n;
			if (ts->countdown == 0)
			{
				ts->tick(ts->arg);
				ts->countdown = ts->every;
			}
		}
		if (in)
		{
			if (i == first || i - in->first >= in->cap)
			{
				int32_t		nb = end - i < in->cap ? end - i : in->cap;

				if (!abz_sim_inputs_fill(in, m, o, i, nb, err))
					return false;
			}
			if (i + n > in->first + in->cap)
				n = in->first + in->cap - i;
		}
		abz_sim_trials(m, o, in, i, n, blk, t, rev, cash);
		if (!abz_sim_builder_add_block(b, t, n, rev, cash, err))
			return false;
		i += n;
	}
	return true;
}

/*
 * Run a simulation of m under o into value (laid out by abz_sim_layout_for,
 * zeroed) with scratch (abz_sim_scratch bytes, 8-aligned).  *L is the
 * layout on entry and the value's final layout on return (smaller when a
 * tolerance stopped early); *converged says whether the rule was met.
 */
bool
abz_simulate(AbzModel *m, const AbzSimOptions *o, void *value, AbzSimLayout *L,
			 void *scratch, void (*tick) (void *), void *arg, bool *converged,
			 AbzError *err)
{
	AbzSimBuilder b;
	AbzSimExt	ext;
	AbzSimLayout want;
	AbzSimInputs inputs,
			   *in = NULL;
	AbzTickState ts = {tick, arg, 0, 0};
	AbzConvergence conv = {0, 0, 0.0, 0.0};
	int			horizon = abz_model_horizon(m);
	int32_t		step = o->tolerance > 0.0 ? ABZ_SIM_BATCH : o->trials,
				done = 0;
	size_t		bs = (abz_sim_builder_scratch(o->trials, horizon) + 7) & ~(size_t) 7;
	double	   *series = (double *) ((char *) scratch + bs);

	/* the value must have been sized for exactly this run */
	if (!abz_sim_layout_for(m, o, &want, err))
		return false;
	if (memcmp(&want, L, sizeof(want)) != 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "simulation value sized for another run");
	ts.every = ts.countdown = abz_sim_tick_every_model(m);
	abz_sim_ext_for(m, o, &ext);
	abz_sim_builder_init(&b, value, L, scratch, o->trials, horizon,
						 abz_model_launch(m), o->seed, &ext);
	if (abz_sim_inputs_by_block(o))
	{
		abz_sim_inputs_init(&inputs, m, o, (char *) scratch + bs + block_series_bytes(m));
		inputs.poll = tick;
		in = &inputs;
	}
	*converged = o->tolerance <= 0.0;
	while (done < o->trials && !*converged)
	{
		int32_t		end = o->trials - done < step ? o->trials : done + step;

		if (!run_trials(m, o, &b, in, done, end, &ts, series, err))
			return false;
		done = end;
		if (o->tolerance > 0.0)
			*converged = abz_sim_converged(&conv, &b.v, done, o->tolerance);
	}
	if (o->tolerance <= 0.0 && !run_trials(m, o, &b, in, 0, o->trials, &ts, series, err))
		return false;
	return abz_sim_builder_finish(&b, tick, arg, L, err);
}
