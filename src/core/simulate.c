/*
 * simulate.c — the Monte Carlo driver: trial i of a simulation is
 * abz_model_trial(model, seed, i), added in index order to a builder.
 */
#include "simulate.h"

/* trials between two ticks for a horizon */
int
abz_sim_tick_every(int horizon)
{
	int			every = ABZ_SIM_TICK_MONTHS / (horizon > 0 ? horizon : 1);

	return every > 0 ? every : 1;
}

/* run trials 0..trials-1 of m into value */
bool
abz_simulate(AbzModel *m, int64_t seed, int32_t trials,
			 void *value, const AbzSimLayout *L, void *scratch,
			 void (*tick) (void *), void *arg, AbzError *err)
{
	AbzSimBuilder b;
	AbzTrial	t;
	int			horizon = abz_model_horizon(m);
	int			every = abz_sim_tick_every(horizon);
	int			countdown = every;

	abz_sim_builder_init(&b, value, L, scratch, trials, horizon,
						 abz_model_launch(m), seed);
	for (int32_t i = 0; i < trials; i++)
	{
		if (tick && --countdown == 0)
		{
			tick(arg);
			countdown = every;
		}
		abz_model_trial(m, (uint64_t) seed, (uint64_t) i, &t, b.revenue, b.cash);
		if (!abz_sim_builder_add(&b, &t, err))
			return false;
	}
	return abz_sim_builder_finish(&b, tick, arg, err);
}
