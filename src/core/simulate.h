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
 * trials between two ticks for model m: abz_sim_tick_every() of its horizon
 * when its risks are drawn by gaps, fewer when a month can sample many
 * events (abz_model_month_work), so that the tick still comes about every
 * millisecond of work (then a multiple of ABZ_SIM_BLOCK when 16 or more)
 */
int			abz_sim_tick_every_model(const AbzModel *m);

/* trials per batch of a run with a tolerance (the convergence rule is checked after each) */
#define ABZ_SIM_BATCH		1000

/* most input values (inputs x trials) drawn at once for stratified or correlated sampling */
#define ABZ_SIM_INPUT_CELLS	(16 * 1024 * 1024)
/* draws of a block between two polls of the driver's tick (a cancel is honoured there) */
#define ABZ_SIM_POLL_CELLS	4096

/* how a simulation samples: everything but the model */
typedef struct AbzSimOptions
{
	int64_t		seed;
	int32_t		trials;			/* trials to run (the most, with a tolerance) */
	int64_t		scenario;		/* recorded; the market key is set on the model */
	uint8_t		sampling;		/* ABZ_SAMPLING_MC or ABZ_SAMPLING_LHS */
	double		tolerance;		/* 0: run all trials */
	int			ncorr;			/* inputs with a rank correlation target, 0 for none */
	const int  *corr_index;		/* [ncorr] model input indices, ascending */
	const double *corr_target;	/* [ncorr * ncorr] Spearman targets */
} AbzSimOptions;

/* the driver's callback state */
typedef struct AbzTickState
{
	void		(*tick) (void *);
	void	   *arg;
	int			every;
	int			countdown;
} AbzTickState;

/* the once-per-trial inputs of a block of trials (sim_inputs.c) */
typedef struct AbzSimInputs
{
	int			k;				/* inputs of the model */
	int32_t		cap;			/* trials per block */
	int32_t		first;			/* first trial of the filled block */
	double	   *cols;			/* [k][cap] */
	double	   *row;			/* [k] the row handed to a trial */
	double	  **colp;			/* [ncorr] the correlated columns */
	void		(*poll) (void *);	/* called with NULL every ABZ_SIM_POLL_CELLS draws, or NULL */
	void	   *ic;				/* Iman–Conover scratch */
} AbzSimInputs;

int32_t		abz_sim_input_block(const AbzModel *m, const AbzSimOptions *o);
bool		abz_sim_inputs_by_block(const AbzSimOptions *o);
size_t		abz_sim_inputs_scratch(const AbzModel *m, const AbzSimOptions *o);
void		abz_sim_inputs_init(AbzSimInputs *in, const AbzModel *m, const AbzSimOptions *o,
								void *scratch);
bool		abz_sim_inputs_fill(AbzSimInputs *in, const AbzModel *m, const AbzSimOptions *o,
								int32_t first, int32_t n, AbzError *err);
const double *abz_sim_inputs_row(AbzSimInputs *in, int32_t trial);

/* trials the driver computes together (abz_sim_trials) */
#define ABZ_SIM_BLOCK		ABZ_MODEL_LANES

/*
 * Trials first .. first + n - 1 (n <= ABZ_SIM_BLOCK) of a simulation of m
 * under o: tr[j] their summaries, revenue[j * H ..] and cash[j * H ..] their
 * monthly series (H the horizon).  in: their once-per-trial inputs when
 * drawn by block (filled for these trials), else NULL.  blk: the block
 * engine's scratch (abz_model_block_size() bytes, 8-aligned), or NULL to
 * run the trials one at a time.  Each trial's numbers are exactly
 * abz_model_trial_inputs()'s either way.
 */
void		abz_sim_trials(AbzModel *m, const AbzSimOptions *o, AbzSimInputs *in,
						   int32_t first, int32_t n, void *blk, AbzTrial *tr,
						   double *revenue, double *cash);

/* the version 2 block (equity slots, sampling) a simulation of m under o gets */
void		abz_sim_ext_for(const AbzModel *m, const AbzSimOptions *o, AbzSimExt *ext);

/* the layout of a simulation of m under o; 54000 past 1 GB */
bool		abz_sim_layout_for(const AbzModel *m, const AbzSimOptions *o, AbzSimLayout *L,
							   AbzError *err);

/* bytes of scratch abz_simulate needs */
size_t		abz_sim_scratch(const AbzModel *m, const AbzSimOptions *o);

/* what the convergence rule has read of the trials so far */
typedef struct AbzConvergence
{
	int32_t		n;				/* trials read */
	abz_fixed	sum;			/* exact sum of their NPVs */
	double		mean;			/* Welford's running mean */
	double		m2;				/* and sum of squared deviations */
} AbzConvergence;

/* the convergence rule after the first n trials of a view (c starts zeroed) */
bool		abz_sim_converged(AbzConvergence *c, const AbzSimView *v, int32_t n, double tol);

/*
 * Run a simulation of m under o into value (laid out by abz_sim_layout_for,
 * zeroed) with scratch (abz_sim_scratch bytes).  Trial i is keyed by (seed,
 * i), so the result depends only on the model, the options and the trial
 * count.  *L is the layout on entry and the final layout on return (smaller
 * when a tolerance stopped early); *converged says whether the rule was met
 * (true without a tolerance).  tick(arg), if not NULL, runs every
 * abz_sim_tick_every_model(m) trials and once per month while the quantiles
 * are computed; it may not return.  While a block of inputs is drawn (Latin
 * hypercube or correlations) tick(NULL) runs every ABZ_SIM_POLL_CELLS
 * draws: it counts no progress, it only lets the caller honour a cancel.
 * False and err on a value out of range.
 */
bool		abz_simulate(AbzModel *m, const AbzSimOptions *o, void *value, AbzSimLayout *L,
						 void *scratch, void (*tick) (void *), void *arg, bool *converged,
						 AbzError *err);

#endif							/* ABZ_SIMULATE_H */
