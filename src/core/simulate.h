/*
 * simulate.h — the Monte Carlo driver: runs trials 0..N-1 of a prepared
 * AbzModel into a simulation value (simval.h), calling back every few
 * thousand trial-months so a caller can honour cancellation.
 */
#ifndef ABZ_SIMULATE_H
#define ABZ_SIMULATE_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "simval.h"
#include "spec.h"

/* trial-months between two ticks of the driver (about a millisecond of work) */
#define ABZ_SIM_TICK_MONTHS 32768

/* trials between two ticks for a horizon */
int			abz_sim_tick_every(int horizon);

/*
 * Run trials 0..trials-1 of m with seed into value (L->size bytes, zeroed,
 * L from abz_sim_layout(trials, horizon, true)) using scratch
 * (abz_sim_builder_scratch bytes).  Trial i is abz_model_trial(m, seed, i),
 * so the result depends only on the model, the seed and the trial count.
 * tick(arg), if not NULL, runs every abz_sim_tick_every(horizon) trials and
 * once per month while the quantiles are computed; it may not return.
 * False and err on a value out of range.
 */
bool		abz_simulate(AbzModel *m, int64_t seed, int32_t trials,
						 void *value, const AbzSimLayout *L, void *scratch,
						 void (*tick) (void *), void *arg, AbzError *err);

#endif							/* ABZ_SIMULATE_H */
