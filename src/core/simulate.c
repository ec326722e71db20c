/*
 * simulate.c — the Monte Carlo driver: trial i of a simulation is
 * abz_model_trial(model, seed, i), added in index order to a builder.
 */
#include <string.h>

#include "simulate.h"

/* trials between two ticks for a horizon */
int
abz_sim_tick_every(int horizon)
{
	int			every = ABZ_SIM_TICK_MONTHS / (horizon > 0 ? horizon : 1);

	return every > 0 ? every : 1;
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
	ext->correlated = o->ncorr > 0;
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

/* run trials 0..trials-1 of m into value (layout L from abz_sim_layout_for) */
bool
abz_simulate(AbzModel *m, const AbzSimOptions *o,
			 void *value, const AbzSimLayout *L, void *scratch,
			 void (*tick) (void *), void *arg, AbzError *err)
{
	AbzSimBuilder b;
	AbzSimExt	ext;
	AbzSimLayout want;
	AbzTrial	t;
	int			horizon = abz_model_horizon(m);
	int			every = abz_sim_tick_every(horizon);
	int			countdown = every;


	/* the value must have been sized for exactly this run */
	if (!abz_sim_layout_for(m, o, &want, err))
		return false;
	if (memcmp(&want, L, sizeof(want)) != 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "simulation value sized for another run");
	abz_sim_ext_for(m, o, &ext);
	abz_sim_builder_init(&b, value, L, scratch, o->trials, horizon,
						 abz_model_launch(m), o->seed, &ext);
	for (int32_t i = 0; i < o->trials; i++)
	{
		if (tick && --countdown == 0)
		{
			tick(arg);
			countdown = every;
		}
		abz_model_trial(m, (uint64_t) o->seed, (uint64_t) i, &t, b.revenue, b.cash);
		if (!abz_sim_builder_add(&b, &t, err))
			return false;
	}
	return abz_sim_builder_finish(&b, tick, arg, err);
}
