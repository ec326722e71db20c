/*
 * sim_inputs.c — the once-per-trial inputs of a block of trials when they
 * are stratified (Latin hypercube) or rank-correlated (Iman–Conover): each
 * input's column of values for the block is drawn first, then rearranged,
 * and trial j of the block reads row j.
 *
 * A column holds, for trial i of the block:
 *   - the freq of a market-scope risk: the value the market's stream gives
 *     (never stratified or rearranged, so companies of one market keep
 *     sharing it);
 *   - with sampling 'lhs': the quantile of a stratified uniform
 *     (abz_lhs_uniforms keyed by the block key and the input's identity);
 *   - otherwise: the quantile of the uniform of Philox block (key, counter
 *     (trial, identity, ABZ_SIM_INPUT_TAG, 0xFFFFFFFF)), a stream of its own.
 * Then the correlated inputs' columns are rearranged by Iman–Conover, which
 * permutes each column: every input's values (its marginal) are unchanged.
 * The block key is the seed for the first block and splitmix64(seed xor
 * block) after, so blocks are stratified independently.
 */
#include <string.h>

#include "depend.h"
#include "rng.h"
#include "simulate.h"

/* the counter tag of the unstratified input streams (third counter word) */
#define ABZ_SIM_INPUT_TAG	0xFFFFFFFDu

/* trials per block: all of them, unless the columns would pass ABZ_SIM_INPUT_CELLS */
int32_t
abz_sim_input_block(const AbzModel *m, const AbzSimOptions *o)
{
	int			k = abz_model_nrand(m);
	int32_t		cap = k > 0 ? (int32_t) (ABZ_SIM_INPUT_CELLS / k) : o->trials;

	if (o->tolerance > 0.0)
		cap = cap < ABZ_SIM_BATCH ? cap : ABZ_SIM_BATCH;
	if (cap < 1)
		cap = 1;
	return o->trials < cap ? o->trials : cap;
}

/* whether the inputs are drawn by block (stratified or correlated) */
bool
abz_sim_inputs_by_block(const AbzSimOptions *o)
{
	return o->sampling == ABZ_SAMPLING_LHS || o->ncorr > 1;
}

/* bytes of scratch the inputs of one block need (8-aligned parts) */
size_t
abz_sim_inputs_scratch(const AbzModel *m, const AbzSimOptions *o)
{
	size_t		k = (size_t) abz_model_nrand(m),
				n = (size_t) abz_sim_input_block(m, o);
	size_t		ic = o->ncorr > 1 ? abz_ic_scratch(o->ncorr, (int32_t) n) : 0;

	return k * n * sizeof(double) + k * sizeof(double) +
		(size_t) o->ncorr * sizeof(double *) + ((ic + 7) & ~(size_t) 7);
}

/* point the parts of the inputs' scratch */
void
abz_sim_inputs_init(AbzSimInputs *in, const AbzModel *m, const AbzSimOptions *o, void *scratch)
{
	char	   *p = scratch;

	in->k = abz_model_nrand(m);
	in->cap = abz_sim_input_block(m, o);
	in->cols = (double *) p;
	p += (size_t) in->k * (size_t) in->cap * sizeof(double);
	in->row = (double *) p;
	p += (size_t) in->k * sizeof(double);
	in->colp = (double **) p;
	p += (size_t) o->ncorr * sizeof(double *);
	in->ic = p;
	in->poll = NULL;
}

/* the uniform of input `id` in trial `trial` of an unstratified column */
static double
input_uniform(uint64_t key, uint32_t id, uint64_t trial)
{
	uint32_t	k[2] = {(uint32_t) key, (uint32_t) (key >> 32)};
	uint32_t	ctr[4] = {(uint32_t) trial, id, ABZ_SIM_INPUT_TAG, 0xFFFFFFFFu};
	uint32_t	out[4];
	uint64_t	u;

	abz_philox4x32(k, ctr, out);
	u = (((uint64_t) out[3] << 32) | out[2]) >> 12;
	return ((double) u + 0.5) * 0x1.0p-52;
}

/*
 * One input's column for trials first .. first + n - 1.  A block can hold
 * millions of draws whose quantile functions (a PERT's inverse beta) take
 * microseconds each, so the driver's tick is polled (with NULL: honour a
 * cancel, count no progress) every ABZ_SIM_POLL_CELLS draws.
 */
static void
fill_column(const AbzSimInputs *in, const AbzModel *m, const AbzSimOptions *o, int i,
			uint64_t key, int32_t first, int32_t n, double *col)
{
	uint32_t	id = abz_model_rand_id(m, i);

	if (abz_model_rand_market(m, i))
	{
		for (int32_t j = 0; j < n; j++)
			col[j] = abz_model_rand_market_value(m, i, (uint64_t) first + (uint64_t) j);
		return;
	}
	if (o->sampling == ABZ_SAMPLING_LHS)
		abz_lhs_uniforms(key, id, n, col);
	else
		for (int32_t j = 0; j < n; j++)
			col[j] = input_uniform(key, id, (uint64_t) first + (uint64_t) j);
	for (int32_t j = 0; j < n; j++)
	{
		if (in->poll && j % ABZ_SIM_POLL_CELLS == ABZ_SIM_POLL_CELLS - 1)
			in->poll(NULL);
		col[j] = abz_model_rand_quantile(m, i, col[j]);
	}
}

/* draw (and rearrange) the inputs of the block of n trials starting at first */
bool
abz_sim_inputs_fill(AbzSimInputs *in, const AbzModel *m, const AbzSimOptions *o,
					int32_t first, int32_t n, AbzError *err)
{
	int32_t		block = first / in->cap;
	uint64_t	key = block == 0 ? (uint64_t) o->seed :
		abz_splitmix64((uint64_t) o->seed ^ (uint64_t) block);

	in->first = first;
	for (int i = 0; i < in->k; i++)
		fill_column(in, m, o, i, key, first, n, in->cols + (size_t) i * (size_t) in->cap);
	if (o->ncorr < 2)
		return true;
	for (int q = 0; q < o->ncorr; q++)
		in->colp[q] = in->cols + (size_t) o->corr_index[q] * (size_t) in->cap;
	return abz_ic_rearrange(o->ncorr, n, in->colp, o->corr_target, key, in->ic, err);
}

/* the inputs of trial `trial` (inside the filled block) as one row */
const double *
abz_sim_inputs_row(AbzSimInputs *in, int32_t trial)
{
	size_t		j = (size_t) (trial - in->first);

	for (int i = 0; i < in->k; i++)
		in->row[i] = in->cols[(size_t) i * (size_t) in->cap + j];
	return in->row;
}
