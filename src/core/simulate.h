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
/* how a simulation samples: everything but the model */
typedef struct AbzSimOptions
{
	int64_t		seed;
	int32_t		trials;			/* trials to run (the most, with a tolerance) */
	int64_t		scenario;		/* recorded; the market key is set on the model */
	uint8_t		sampling;		/* ABZ_SAMPLING_MC or ABZ_SAMPLING_LHS */
	double		tolerance;		/* 0: run all trials */
	int			ncorr;			/* inputs with a rank correlation target, 0 for none */
	const int  *corr_index;		/* [ncorr] model input indices */
	const double *corr_target;	/* [ncorr * ncorr] Spearman targets */
} AbzSimOptions;

/* the version 2 block (equity slots, sampling) a simulation of m under o gets */
void		abz_sim_ext_for(const AbzModel *m, const AbzSimOptions *o, AbzSimExt *ext);

/* the layout of a simulation of m under o; 54000 past 1 GB */
bool		abz_sim_layout_for(const AbzModel *m, const AbzSimOptions *o, AbzSimLayout *L,
							   AbzError *err);

bool		abz_simulate(AbzModel *m, const AbzSimOptions *o,
						 void *value, const AbzSimLayout *L, void *scratch,
						 void (*tick) (void *), void *arg, AbzError *err);

#endif							/* ABZ_SIMULATE_H */
