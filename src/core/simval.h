/*
 * simval.h — the Monte Carlo result value (aibiz.simulation): its layout,
 * the builder that fills it from trials, the exact trial-wise addition that
 * makes portfolios, type-7 quantiles, and the text and binary formats.
 *
 * Pure C, no PostgreSQL headers, no allocation: callers size memory with
 * abz_sim_layout() / abz_sim_builder_scratch() and hand it in.
 *
 * In memory a value is an AbzSimHeader followed by arrays at the offsets
 * abz_sim_layout() computes (all 8-byte aligned).  Versions 1 and 2 store
 * the per-trial arrays first; version 3 stores, after the header and the
 * version 2 block, a summary block (AbzSimSummary), then the per-month,
 * per-risk and category arrays, then the per-trial arrays (npv first), so
 * that a reader of a prefix answers the scalar questions.  The arrays:
 *
 *   per trial   npv, arr, loss          Q95.32 fixed (16 bytes, see fixed.h)
 *               death, breakeven        int16 month, 0 = never
 *   per month   alive                   int64, trials alive summed over members
 *               rev_sum, cash_sum       Q95.32, summed over trials and members
 *   per risk    events                  int64, summed over trials and members
 *   category    cat_loss                Q95.32
 *   optional    rev_q, cash_q           float8 [month][5]: P5 P25 P50 P75 P95
 *   version 2   eq_npv, exit, contrib, slots (per trial), surv (portfolios)
 *
 * Version 3 order: header, block, summary, alive, rev_sum, cash_sum,
 * events, cat_loss, rev_q, cash_q, npv, arr, loss, death, breakeven,
 * eq_npv, exit, contrib, slots, surv.  Versions 1 and 2: header, (block),
 * npv, arr, loss, death, breakeven, alive ... cash_q, (eq_npv ... surv).
 *
 * Fixed-point cells are stored as 16 raw bytes (memcpy in and out), so the
 * arrays need only 8-byte alignment.
 */
#ifndef ABZ_SIMVAL_H
#define ABZ_SIMVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fixed.h"
#include "model.h"
#include "spec.h"

#define ABZ_SIM_VERSION			3			/* written; versions 1 (aibiz 0.1) and 2 (0.2) still read */
#define ABZ_SIM_VERSION_2		2
#define ABZ_SIM_VERSION_1		1
#define ABZ_SIM_NQ				5			/* P5 P25 P50 P75 P95 */
#define ABZ_SIM_QUANTILE_CELLS	4000000		/* trial-months kept for monthly quantiles */
#define ABZ_SIM_MAX_BYTES		0x3FFFFFFF	/* 1 GB - 1: largest value and largest text */
#define ABZ_SIM_TEXT_PREFIX		"simulation v3 "
#define ABZ_SIM_TEXT_PREFIX_2	"simulation v2 "
#define ABZ_SIM_TEXT_PREFIX_1	"simulation v1 "

/*
 * Bytes of the longest readable text header: "simulation v1 " then
 * trials=<10 digits> horizon=<3> members=<19> seed=<20> data=, with single
 * spaces.  The 1 GB limit sizes the text with it.
 */
#define ABZ_SIM_TEXT_HEADER_MAX	112		/* with " slots=<2>" of version 2 */

/* header flags */
#define ABZ_SIM_HAS_QUANTILES	0x01	/* monthly quantiles present (members = 1) */
#define ABZ_SIM_MIXED_SEED		0x02	/* a portfolio of simulations with different seeds */
#define ABZ_SIM_HAS_SURVIVORS	0x04	/* version 2, members > 1: survivors per trial and month */
#define ABZ_SIM_FLAGS_KNOWN_1	0x03
#define ABZ_SIM_FLAGS_KNOWN		0x07

/* sampling of the once-per-trial inputs */
#define ABZ_SAMPLING_MC			0
#define ABZ_SAMPLING_LHS		1

/* AbzSimExt.mixed: a portfolio whose members differ in */
#define ABZ_SIM_MIXED_SCENARIO	0x01
#define ABZ_SIM_MIXED_SAMPLING	0x02

/* the quantile levels of the monthly fan */
extern const double abz_sim_levels[ABZ_SIM_NQ];

/* The fixed header of a value (40 bytes). */
typedef struct AbzSimHeader
{
	uint8_t		version;		/* ABZ_SIM_VERSION */
	uint8_t		flags;			/* ABZ_SIM_* */
	uint16_t	pad;			/* always zero */
	int32_t		horizon;		/* months, 1..ABZ_MAX_HORIZON */
	int32_t		trials;			/* >= 1 */
	int32_t		launch;			/* launch month; the earliest over members */
	int32_t		qtrials;		/* trials behind the monthly quantiles, 0 if none */
	int32_t		pad2;			/* always zero */
	int64_t		members;		/* simulations summed, >= 1 */
	int64_t		seed;			/* seed of a single simulation, or the members' common seed */
} AbzSimHeader;

/*
 * Version 2 adds this block right after the header (160 bytes), and per
 * trial the equity view (equity NPV, exit, total contributions and the
 * contributions per equity slot) and, in a portfolio, the number of members
 * alive at each month.
 */
typedef struct AbzSimExt
{
	int64_t		scenario;		/* market-wide risk scenario; 0 when mixed */
	double		tolerance;		/* convergence tolerance, 0 when trials were fixed */
	int32_t		requested;		/* trials asked for (>= trials) */
	int32_t		nslots;			/* equity slots, 0..ABZ_EQ_MAX_SLOTS */
	uint8_t		sampling;		/* ABZ_SAMPLING_* */
	uint8_t		correlated;		/* 1 when rank correlations were induced */
	uint8_t		mixed;			/* ABZ_SIM_MIXED_* */
	uint8_t		pad[5];			/* always zero */
	int16_t		slot[ABZ_EQ_MAX_SLOTS];	/* slot months, ascending from 0; unused zero */
} AbzSimExt;

/* bytes a reader needs to check a header: the header and the version 2 block */
#define ABZ_SIM_HEADER_BYTES	(((sizeof(AbzSimHeader) + 7) & ~(size_t) 7) + sizeof(AbzSimExt))

/*
 * Version 3 adds this block right after the version 2 block (64 bytes):
 * the answers of the scalar questions, computed from the arrays when the
 * value is made (built, summed or read from text or binary input) by the
 * same code that answers them from the arrays of an older value, so the
 * answers are the same bits.  Input checks that it matches the arrays.
 */
typedef struct AbzSimSummary
{
	double		npv_mean;		/* abz_sim_trial_mean(npv) */
	double		arr_mean;		/* abz_sim_trial_mean(arr) */
	double		loss_mean;		/* abz_sim_trial_mean(loss) */
	double		npv_sd;			/* abz_sim_trial_stddev(npv); 0 for one trial */
	int64_t		breakeven;		/* trials with a breakeven month */
	int64_t		failed;			/* trials with a death month */
	double		npv_min;		/* smallest trial NPV */
	double		npv_max;		/* largest trial NPV */
} AbzSimSummary;

/* bytes of a version 3 value before its per-month arrays */
#define ABZ_SIM_SUMMARY_END		(ABZ_SIM_HEADER_BYTES + sizeof(AbzSimSummary))

/* the parts of a version 3 value a reader may stop after (abz_sim_prefix_bytes) */
#define ABZ_SIM_PART_SUMMARY	0	/* header, version 2 block, summary */
#define ABZ_SIM_PART_MONTHS		1	/* ... and the per-month, per-risk and category arrays */
#define ABZ_SIM_PART_NPV		2	/* ... and the per-trial NPVs */

/* the shape that sizes a value */
typedef struct AbzSimShape
{
	int32_t		trials;
	int32_t		horizon;
	int32_t		nslots;			/* version 2 */
	uint8_t		version;		/* ABZ_SIM_VERSION or ABZ_SIM_VERSION_1 */
	bool		quantiles;		/* a single simulation */
	bool		survivors;		/* version 2 portfolio */
} AbzSimShape;

/* Offsets (bytes from the header) and total size of a value's arrays. */
typedef struct AbzSimLayout
{
	size_t		summary,		/* version 3 (0 before) */
				npv,
				arr,
				loss,
				death,
				breakeven,
				alive,
				rev_sum,
				cash_sum,
				events,
				cat_loss,
				rev_q,
				cash_q,
				ext,			/* version 2 (0 in version 1) */
				eq_npv,
				exit,
				contrib,
				slots,
				surv;			/* 0 when absent */
	size_t		size;			/* total bytes including the header */
	size_t		wire;			/* bytes of the binary (send/recv) form */
	size_t		text;			/* bytes of the text form, without NUL */
} AbzSimLayout;

/* Typed pointers into one value. */
typedef struct AbzSimView
{
	AbzSimHeader *h;
	AbzSimSummary *sum;			/* version 3; NULL before */
	unsigned char *npv,
			   *arr,
			   *loss;			/* 16-byte fixed cells */
	int16_t    *death,
			   *breakeven;
	int64_t    *alive;
	unsigned char *rev_sum,
			   *cash_sum;
	int64_t    *events;
	unsigned char *cat_loss;
	double	   *rev_q,
			   *cash_q;			/* NULL when absent */
	AbzSimExt  *ext;			/* version 2; the rest NULL in version 1 */
	unsigned char *eq_npv,
			   *exit,
			   *contrib,
			   *slots;			/* [trial][nslots] */
	uint32_t   *surv;			/* [month][trial], portfolios only */
} AbzSimView;

/* number of trials that feed the monthly quantiles: min(trials, 4e6 / horizon) */
int32_t		abz_sim_qtrials(int32_t trials, int32_t horizon);

/*
 * Compute the layout of a value.  False and err (54000) if the value or its
 * text would exceed 1 GB; (22023) if trials or horizon are out of range.
 * Nothing is allocated: call this before allocating.
 */
bool		abz_sim_layout_shape(const AbzSimShape *s, AbzSimLayout *out, AbzError *err);

/* the layout of a version 2 value without equity slots (portfolio when !quantiles) */
bool		abz_sim_layout(int32_t trials, int32_t horizon, bool quantiles,
						   AbzSimLayout *out, AbzError *err);

/* the shape of a value from its header (and its version 2 block when present) */
void		abz_sim_shape_of(const AbzSimHeader *h, int32_t nslots, AbzSimShape *out);

/* point a view at a value whose header is filled and whose layout is L */
void		abz_sim_view(AbzSimHeader *h, const AbzSimLayout *L, AbzSimView *v);

/* layout of an existing (validated) value */
bool		abz_sim_layout_of(const AbzSimHeader *h, AbzSimLayout *out, AbzError *err);

/*
 * Bytes from the start of a value (layout L) up to the end of part
 * (ABZ_SIM_PART_*): a prefix in version 3, the whole value (L->size)
 * before, whose parts are not in that order.
 */
size_t		abz_sim_prefix_bytes(const AbzSimHeader *h, const AbzSimLayout *L, int part);

/* the summary block of a version 3 value, NULL for older versions */
const AbzSimSummary *abz_sim_summary(const AbzSimHeader *h);

/* fill the summary block of a version 3 value from its arrays (nothing before) */
void		abz_sim_summarize(AbzSimHeader *h);

/*
 * Copy a version 2 or 3 value src into dst, laid out for version (2 or 3)
 * by L (from abz_sim_layout_shape with src's shape and that version):
 * the same arrays, the summary computed in version 3.
 */
void		abz_sim_convert(const AbzSimHeader *src, AbzSimHeader *dst, uint8_t version,
							const AbzSimLayout *L);

/*
 * The check every read of a stored value starts with (constant time): size
 * at least a header, format version ABZ_SIM_VERSION, known flags, zero
 * padding, members >= 1, quantiles exactly when members = 1, launch >= 1,
 * the quantile trial count, and size equal to what trials and horizon imply.
 * Fills the layout; false and err (22P03, or 54000 past the limit).
 */
bool		abz_sim_check_header(const AbzSimHeader *h, size_t size, AbzSimLayout *out,
								 AbzError *err);

/*
 * The largest trials a value over horizon months (with monthly quantiles or
 * without) may hold: its text form, with the longest header
 * (ABZ_SIM_TEXT_HEADER_MAX) and 8 bytes of framing, fits in 1 GB - 1.
 */
int32_t		abz_sim_max_trials(int32_t horizon, bool quantiles);

/* read one 16-byte fixed cell */
static inline abz_fixed
abz_sim_fx(const unsigned char *cells, size_t i)
{
	abz_fixed	x;

	__builtin_memcpy(&x, cells + 16 * i, 16);
	return x;
}

/* write one 16-byte fixed cell */
static inline void
abz_sim_set_fx(unsigned char *cells, size_t i, abz_fixed x)
{
	__builtin_memcpy(cells + 16 * i, &x, 16);
}

/* ---- building a single simulation from trials ---- */

typedef struct AbzSimBuilder
{
	AbzSimView	v;
	int32_t		horizon;
	int32_t		trials;
	int32_t		qtrials;
	int32_t		added;			/* trials added so far */
	double	   *revenue;		/* [horizon] scratch the engine fills per trial */
	double	   *cash;			/* [horizon] */
	double	   *qrev;			/* [horizon][qtrials]: revenue by month, first qtrials trials */
	double	   *qcash;			/* [horizon][qtrials] */
	/*
	 * Monthly sums of the values below 2^31 in magnitude (each below 2^63 as
	 * fixed point, so 2^31 trials stay below 2^94: no overflow check needed);
	 * larger values go, checked, straight to the value's sums.
	 */
	abz_fixed	rev_fast[ABZ_MAX_HORIZON];
	abz_fixed	cash_fast[ABZ_MAX_HORIZON];
} AbzSimBuilder;

/* bytes of scratch memory a builder needs (8-byte aligned start) */
size_t		abz_sim_builder_scratch(int32_t trials, int32_t horizon);

/*
 * Start a single simulation in value (L->size bytes, zeroed by the caller)
 * using scratch (abz_sim_builder_scratch() bytes).  L must come from
 * abz_sim_layout(trials, horizon, true).
 */
void		abz_sim_builder_init(AbzSimBuilder *b, void *value, const AbzSimLayout *L,
								 void *scratch, int32_t trials, int32_t horizon,
								 int32_t launch, int64_t seed, const AbzSimExt *ext);

/*
 * Add the next trial; revenue and cash are b->revenue and b->cash as the
 * engine left them.  False and err (22003) if a value is not finite or out
 * of the fixed-point range or an event count reached the engine's ceiling
 * 2^32 - 1 (so is not known exactly), (22023) if a month is out of range.
 */
bool		abz_sim_builder_add(AbzSimBuilder *b, const AbzTrial *t, AbzError *err);

/*
 * Add the next n trials at once, trial j's series at rev + j * horizon and
 * cash + j * horizon (b->revenue and b->cash are not used): the same value
 * and errors as abz_sim_builder_add one by one, with the monthly quantile
 * cells written n at a time.  On an error the trials before the failing one
 * stay added.
 */
bool		abz_sim_builder_add_block(AbzSimBuilder *b, const AbzTrial *t, int n,
									  const double *rev, const double *cash, AbzError *err);

/*
 * Finish after the trials added: alive counts and monthly quantiles.  Fewer
 * trials than the value was laid out for (a convergence rule stopped early)
 * move the value into the smaller layout of the trials it holds, which
 * *L (if not NULL) receives.  tick, if not NULL, is called once per month
 * (it may not return, e.g. on cancel).
 */
bool		abz_sim_builder_finish(AbzSimBuilder *b, void (*tick) (void *), void *arg,
								   AbzSimLayout *L, AbzError *err);

/* ---- checking, adding ---- */

/*
 * Check a value of size bytes as strictly as the builder makes them: its
 * header (abz_sim_check_header), months in range, alive counts monotone and <= trials*members,
 * quantiles finite and ordered, losses and counts non-negative.
 */
bool		abz_sim_validate(const AbzSimHeader *h, size_t size, AbzError *err);

/*
 * Trial-wise exact sum a + b into out (size from abz_sim_add_layout; out may
 * be a itself when a has no quantiles).  False and err: (22023) if trials or
 * horizons differ, (22003) on fixed-point or counter overflow.
 */
bool		abz_sim_add_layout(const AbzSimHeader *a, const AbzSimHeader *b,
							   AbzSimLayout *out, AbzError *err);
bool		abz_sim_add(const AbzSimHeader *a, const AbzSimHeader *b,
						AbzSimHeader *out, const AbzSimLayout *L, AbzError *err);

/* ---- questions ---- */

/* type-7 quantile (as percentile_cont) of x[0..n-1] at p in [0,1]; reorders x */
double		abz_quantile7(double *x, size_t n, double p);

/* up to ABZ_SIM_NQ type-7 quantiles at ascending ps; reorders x */
void		abz_quantiles7(double *x, size_t n, const double *ps, int np, double *out);

/* per-trial values as doubles: which 0 = npv, 1 = arr, 2 = loss */
void		abz_sim_trial_values(const AbzSimHeader *h, int which, double *out);

/* exact sum of a per-trial fixed array, as a double mean; which as above */
double		abz_sim_trial_mean(const AbzSimHeader *h, int which);

/* sample standard deviation (n - 1) of a per-trial array; which as above; trials >= 2 */
double		abz_sim_trial_stddev(const AbzSimHeader *h, int which);

/* share of trials with NPV <= x */
double		abz_sim_npv_cdf(const AbzSimHeader *h, double x);

/*
 * Tail risk of NPV at level in (0,1): *var = -Q_{1-level}(NPV) (type 7),
 * *es = -(mean of the trial NPVs at or below that quantile, summed exactly).
 * scratch holds trials doubles.
 */
void		abz_sim_tail_risk(const AbzSimHeader *h, double level, double *scratch,
							  double *var, double *es);

/*
 * NPV histogram: bins equal-width bins over [*lo, *hi] (the smallest and
 * largest NPV), bin k holding [lo + k w, lo + (k+1) w) and the last also hi;
 * counts[bins].  Returns the bins used: 1 when every NPV is equal.  scratch
 * holds trials doubles.
 */
int			abz_sim_histogram(const AbzSimHeader *h, int bins, double *scratch,
							  int64_t *counts, double *lo, double *hi);

/*
 * Loss exceedance: at points losses evenly spaced from 0 to the largest trial
 * loss, loss[k] and prob[k] = P(trial risk loss >= loss[k]).  Returns the
 * points used: 1 (loss 0, probability 1) when no trial lost anything.
 * scratch holds trials doubles.
 */
int			abz_sim_exceedance(const AbzSimHeader *h, int points, double *scratch,
							   double *loss, double *prob);

/* percentiles of the NPV statistics table: P1 P5 P10 P25 P50 P75 P90 P95 P99 */
#define ABZ_SIM_NSTAT_PCT 9
extern const double abz_sim_stat_levels[ABZ_SIM_NSTAT_PCT];

/* the summary statistics of trial NPVs (a Monte Carlo tool's statistics table) */
typedef struct AbzSimStats
{
	int64_t		trials;
	double		mean;			/* exact sum / trials */
	double		sd;				/* sample standard deviation (n - 1); 0 for one trial */
	double		skewness;		/* m3 / m2^1.5 over trials (0 when sd = 0) */
	double		kurtosis;		/* m4 / m2^2 (3 for a normal; 0 when sd = 0) */
	double		min;
	double		max;
	double		pct[ABZ_SIM_NSTAT_PCT];	/* type-7 quantiles at abz_sim_stat_levels */
	double		se;				/* sd / sqrt(trials) */
} AbzSimStats;

/* statistics of the trial NPVs; scratch holds trials doubles */
void		abz_sim_npv_statistics(const AbzSimHeader *h, double *scratch, AbzSimStats *out);

/* share of (trial, member) pairs alive at month (0..horizon; month 0 is 1) */
double		abz_sim_survival(const AbzSimHeader *h, int32_t month);

/* share of trials in which a death occurs (in a portfolio: any member's) */
double		abz_sim_failure_probability(const AbzSimHeader *h);

/* share of trials with a breakeven month */
double		abz_sim_breakeven_probability(const AbzSimHeader *h);

/* ---- the equity view, paired comparison, survivors (version 2) ---- */

/* false and err (22023, "re-simulate") when h is of version 1; what names the question */
bool		abz_sim_require_v2(const AbzSimHeader *h, const char *what, AbzError *err);

/* the investor's view of a simulation */
typedef struct AbzSimInvestor
{
	int64_t		funded;			/* trials with contributions > 0 (MOIC is defined) */
	double		moic[4];		/* mean, P10, P50, P90 of exit / contributions */
	double		irr[4];			/* mean, P10, P50, P90 of the annualised equity IRR (NaN if not kept) */
	double		p_moic_1;		/* share of funded trials with MOIC >= 1 */
	double		p_moic_3;		/* ... >= 3 */
	double		equity_npv_mean;	/* mean equity NPV over all trials */
} AbzSimInvestor;

/* trials of the investor's IRR search between two polls */
#define ABZ_SIM_POLL_TRIALS		1024

/* the annualised equity IRR of trial i of a view (-1 for exit 0, NaN if nothing paid or no slots) */
double		abz_sim_trial_irr(const AbzSimView *v, size_t i, int32_t horizon);

/*
 * The investor's view; scratch holds trials doubles.  poll, if not NULL, is
 * called with NULL every ABZ_SIM_POLL_TRIALS trials of the IRR search (a
 * bisection per trial, microseconds each) so the caller can honour a cancel.
 */
bool		abz_sim_investor(const AbzSimHeader *h, double *scratch, AbzSimInvestor *out,
							 void (*poll) (void *), AbzError *err);

/* b against a, trial by trial */
typedef struct AbzSimComparison
{
	int64_t		trials;
	double		npv_diff;		/* mean NPV_b - NPV_a */
	double		npv_diff_se;	/* its paired standard error sd(d) / sqrt(n) */
	double		p_b_better;		/* share of trials with NPV_b > NPV_a */
	double		survival_diff;	/* survival_b(H) - survival_a(H) */
	double		equity_npv_diff;	/* mean equity NPV_b - mean equity NPV_a */
} AbzSimComparison;

/* paired comparison; 22023 when seed, trials or horizon differ or a value is of version 1 */
bool		abz_sim_compare(const AbzSimHeader *a, const AbzSimHeader *b,
							AbzSimComparison *out, AbzError *err);

/*
 * per month: mean, P5, P25, P50, P75, P95 of members alive; scratch holds
 * trials doubles; poll, if not NULL, is called with NULL once per month
 */
bool		abz_sim_survivors(const AbzSimHeader *h, double *scratch, double (*out)[6],
							  void (*poll) (void *), AbzError *err);

/* ---- text and binary forms ---- */

/*
 * Binary form (big-endian, the body of send/recv): the header fields then
 * every array in the order of versions 1 and 2 (per-trial arrays first),
 * whatever the version; fixed cells as int64 high word, uint64 low word;
 * float8 as its IEEE bits.  Version 3 sends no summary block: input
 * computes it from the arrays.  buf must hold L->wire bytes.
 */
void		abz_sim_to_wire(const AbzSimHeader *h, unsigned char *buf);

/*
 * Read the header fields of a binary form and compute the value's layout, so
 * the caller can allocate; false and err (22P03 or 54000) if it is malformed.
 */
bool		abz_sim_wire_layout(const unsigned char *buf, size_t len,
								AbzSimLayout *out, AbzError *err);

/*
 * Decode a binary form into out (L->size bytes) and validate it.  The layout
 * the binary header implies must equal L (22P03 otherwise, before anything
 * is written), so out is never written past L->size.
 */
bool		abz_sim_from_wire(const unsigned char *buf, size_t len, AbzSimHeader *out,
							  const AbzSimLayout *L, AbzError *err);

/*
 * Text form: "simulation v3 trials=T horizon=H members=M seed=S slots=N
 * data=" (v2 alike; v1 without slots) then the base64 of the binary form.  buf must hold L->text + 1 bytes.  Returns
 * the length.
 */
size_t		abz_sim_format(const AbzSimHeader *h, const AbzSimLayout *L, char *buf);

/*
 * Parse a text form: first abz_sim_text_layout() to size the value (it also
 * checks that the data is exactly as long as the header implies, so nothing
 * is allocated on a header's word alone), then abz_sim_parse() to fill it.
 * wire is scratch of L->wire bytes.  The binary header inside the data must
 * equal the readable header.  Errors are 22P02, or 54000 past the limit.
 */
bool		abz_sim_text_layout(const char *text, size_t len, AbzSimLayout *out,
								AbzError *err);
bool		abz_sim_parse(const char *text, size_t len, unsigned char *wire,
						  AbzSimHeader *out, const AbzSimLayout *L, AbzError *err);

#endif							/* ABZ_SIMVAL_H */
