/*
 * tools.h — the modeller's toolkit over the monthly model: tornado and
 * spider sensitivity of the expected path, Monte Carlo rank-correlation
 * sensitivity, and goal seek (Brent's method) on one input.
 *
 * Pure C, no PostgreSQL headers.  A caller fills an AbzTools with the three
 * inputs, the market, the horizon and scratch memory of
 * abz_tools_scratch_size(horizon) bytes (8-byte aligned), then calls the
 * tools.  Inputs are changed with override.h, so each variant is checked
 * exactly like input.
 */
#ifndef ABZ_TOOLS_H
#define ABZ_TOOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "override.h"
#include "projval.h"
#include "spec.h"

/* What a tool measures. */
typedef enum AbzMetric
{
	ABZ_METRIC_NPV = 0,			/* npv of the projection */
	ABZ_METRIC_BREAKEVEN,		/* breakeven month; horizon + 1 if none */
	ABZ_METRIC_ARR,				/* 12 x net revenue at the horizon */
	ABZ_METRIC_LOWEST_CASH,		/* lowest month-end cash */
	ABZ_METRIC_SURVIVAL,		/* simulation: share of trials alive at the horizon */
	ABZ_METRIC_P_NPV_POSITIVE,	/* simulation: share of trials with NPV > 0 */
	ABZ_METRIC_N
} AbzMetric;

#define ABZ_METRIC_NPROJ	4	/* metrics of the expected path come first */

extern const char *const abz_metric_names[ABZ_METRIC_N];

/* the metric of a name (case-sensitive, as listed); false if unknown */
bool		abz_metric_from_name(const char *name, AbzMetric *out);

/* which of the three inputs a path changes */
enum
{
	ABZ_IN_REVENUE = 0, ABZ_IN_RISK, ABZ_IN_PLAN
};
extern const char *const abz_input_names[3];	/* "revenue", "risk", "plan" */

/* The inputs, the market and the scratch of the tools. */
typedef struct AbzTools
{
	const AbzSpec *spec[3];		/* revenue, risk, plan */
	AbzMarket	market;
	int			horizon;
	void		(*tick) (void *);	/* called between projections and trial blocks, may not return */
	void	   *arg;
	int64_t		projections;	/* projections run so far */
	int64_t		trials_run;		/* trials run so far */
	/* scratch, set by abz_tools_init */
	AbzModel   *model;
	AbzMonth   *months;
	AbzProj    *proj;
	AbzSpec    *work;
	AbzInput   *inputs;			/* ABZ_MAX_INPUTS */
} AbzTools;

/* bytes of scratch the tools need for a horizon */
size_t		abz_tools_scratch_size(int horizon);

/* set up t over the inputs with scratch of abz_tools_scratch_size(horizon) bytes */
void		abz_tools_init(AbzTools *t, void *scratch, const AbzSpec *revenue,
						   const AbzSpec *risk, const AbzSpec *plan,
						   const AbzMarket *market, int horizon);

/*
 * Resolve a path that may start with "revenue.", "risk." or "plan."; without
 * one, the input whose terms name it: the one that has the term when only
 * one has it (team.cost is the plan's unless the risk profile has a team
 * risk), else the prefix is needed.  *which is ABZ_IN_*.
 */
bool		abz_tools_path(const AbzTools *t, const char *path, size_t len, bool may_add,
						   int *which, AbzPath *out, AbzError *err);

/* an expected-path metric of the inputs with spec[which] replaced by alt (NULL: none) */
bool		abz_tools_metric(AbzTools *t, int which, const AbzSpec *alt, AbzMetric metric,
							 double *out, AbzError *err);

/*
 * any metric of the inputs with spec[which] replaced by alt (NULL: none);
 * simulation metrics run trials trials with seed
 */
bool		abz_tools_eval(AbzTools *t, int which, const AbzSpec *alt, AbzMetric metric,
						   int32_t trials, int64_t seed, double *out, AbzError *err);

/* a constant parameter of value v */
AbzParam	abz_constant(double v);

/* One row of a tornado. */
typedef struct AbzTornadoRow
{
	int			which;			/* ABZ_IN_* */
	char		path[ABZ_PATH_MAX];
	bool		dist;			/* a distribution (P10/P90) or a constant (-/+20 %) */
	double		low_input;		/* P10, or 0.8 x the constant, clamped to the domain */
	double		high_input;		/* P90, or 1.2 x the constant, clamped */
	double		low_value;		/* the metric with the input at low_input */
	double		high_value;
	double		swing;			/* |high_value - low_value| */
	int			ord;			/* position in input order */
} AbzTornadoRow;

#define ABZ_TOOLS_MAX_INPUTS	(3 * ABZ_MAX_INPUTS)

/*
 * Tornado: rows (room for ABZ_TOOLS_MAX_INPUTS) sorted by swing, largest
 * first (ties in input order); *base is the metric of the inputs as given.
 * Returns the row count, or -1 and err.
 */
int			abz_tornado(AbzTools *t, AbzMetric metric, AbzTornadoRow *rows, double *base,
						AbzError *err);

#define ABZ_SPIDER_NSTEPS	7	/* factors 0.7, 0.8, ..., 1.3 */

/* One point of a spider. */
typedef struct AbzSpiderRow
{
	int			which;
	char		path[ABZ_PATH_MAX];
	double		factor;
	double		input;			/* the value the projection uses: constant or clamped mean */
	double		value;			/* the metric */
} AbzSpiderRow;

/*
 * Spider: for every input, in input order, the metric with the input scaled
 * by 0.7, 0.8, ..., 1.3 (every argument, clamped to the key's domain).
 * rows has room for ABZ_TOOLS_MAX_INPUTS * ABZ_SPIDER_NSTEPS.  Returns the
 * row count, or -1 and err.
 */
int			abz_spider(AbzTools *t, AbzMetric metric, AbzSpiderRow *rows, AbzError *err);

/* One row of the Monte Carlo sensitivity. */
typedef struct AbzSensRow
{
	int			which;
	char		path[ABZ_PATH_MAX];
	double		rho;			/* Spearman rank correlation with trial NPV */
	double		share;			/* rho^2 / sum of rho^2 */
} AbzSensRow;

/* prepare the model of the inputs as given; returns its once-per-trial key count or -1 */
int			abz_tools_prepare(AbzTools *t, AbzError *err);

/* bytes of scratch abz_sensitivity needs (SIZE_MAX if that overflows) */
size_t		abz_sensitivity_scratch(int32_t trials, int nrand);

/*
 * Monte Carlo sensitivity after abz_tools_prepare() returned nrand: trial i
 * is abz_model_trial(model, seed, i), the trials of aibiz.simulate.
 * scratch has abz_sensitivity_scratch(trials, nrand) bytes (8-byte
 * aligned); rows room for nrand.  Rows sorted by share, largest first (ties
 * in draw order).  Returns nrand, or -1 and err.
 */
int			abz_sensitivity(AbzTools *t, int64_t seed, int32_t trials, void *scratch,
							AbzSensRow *rows, AbzError *err);

/* The answer of a goal seek. */
typedef struct AbzSolveResult
{
	double		value;			/* the input value found */
	double		achieved;		/* the metric there */
	int			iterations;		/* metric evaluations after the two ends */
} AbzSolveResult;

#define ABZ_SOLVE_MAX_ITER	200

/*
 * Goal seek: the constant x in [lo, hi] set at path (resolved by
 * abz_tools_path, which input in which) at which the metric reaches
 * target, by Brent's method.  Simulation metrics run trials trials with
 * seed.  No sign change of metric - target between lo and hi is
 * ABZ_ERR_DOMAIN naming both values.
 */
bool		abz_solve(AbzTools *t, int which, const AbzPath *path, AbzMetric metric,
					  double target, double lo, double hi, int32_t trials, int64_t seed,
					  AbzSolveResult *out, AbzError *err);

#endif							/* ABZ_TOOLS_H */
