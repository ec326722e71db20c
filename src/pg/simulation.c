/*
 * simulation.c — fmgr glue of aibiz.simulation: text and binary I/O, the
 * header check every read of a stored value starts with, aibiz.simulate(),
 * and the exact trial-wise addition behind the aibiz.portfolio aggregate.
 * The questions asked of a value are in sim_query.c.
 */
#include "postgres.h"

#include <math.h>

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "aibiz.h"
#include "depend.h"
#include "depend_pg.h"
#include "progress.h"
#include "simulate.h"
#include "simval.h"
#include "simval_pg.h"

/* raise a core error; what, if not NULL, prefixes "aibiz.simulation: " to its message */
pg_attribute_noreturn()
static void
sim_raise(const AbzError *err, const char *what)
{
	ereport(ERROR,
			(errcode(abz_sqlstate(err->code)),
			 errmsg("%s%s%s", what ? what : "", what ? " aibiz.simulation: " : "", err->msg),
			 err->code == ABZ_ERR_LIMIT ?
			 errhint("A simulation's text form (about 133 bytes per trial, 21 more per equity slot) "
					 "must fit in 1 GB: at most %d trials over 1 month, %d over %d months, without slots.",
					 abz_sim_max_trials(1, true), abz_sim_max_trials(ABZ_MAX_HORIZON, true),
					 ABZ_MAX_HORIZON) : 0));
	pg_unreachable();
}

/*
 * Check the header of a stored value of size bytes (after the varlena
 * header): its format version first, then its size against trials and
 * horizon.  A value this build cannot read is data corruption (XX001),
 * never a read past the buffer.
 */
void
sim_check_stored(const AbzSimHeader *h, size_t size, AbzSimLayout *L)
{
	AbzError	err;

	if (!abz_sim_check_header(h, size, L, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("cannot read stored aibiz.simulation value of %zu bytes: %s", size, err.msg),
				 size >= sizeof(AbzSimHeader) &&
				 (h->version < ABZ_SIM_VERSION_1 || h->version > ABZ_SIM_VERSION) ?
				 errhint("The value was not written by this version of aibiz; reload it from its source.") : 0));
}

/* a new varlena for a value of layout L, zeroed */
static struct varlena *
sim_alloc(const AbzSimLayout *L)
{
	struct varlena *v = (struct varlena *) palloc0(ABZ_VARHDRSZ + L->size);

	SET_VARSIZE(v, ABZ_VARHDRSZ + L->size);
	return v;
}

/*
 * A simulation datum, detoasted, with its size checked against its header (a
 * damaged stored value is an error, never a read past the buffer); its
 * layout into L if not NULL.
 */
AbzSimHeader *
abz_sim_datum(Datum d, AbzSimLayout *L)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	AbzSimLayout layout;

	if (VARSIZE(v) < ABZ_VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("cannot read stored aibiz.simulation value of %u bytes", VARSIZE(v))));
	sim_check_stored(SIM_OF(v), VARSIZE(v) - ABZ_VARHDRSZ, L ? L : &layout);
	return SIM_OF(v);
}

/* argument n, detoasted and checked as abz_sim_datum() does */
AbzSimHeader *
sim_arg(FunctionCallInfo fcinfo, int n, AbzSimLayout *L)
{
	return abz_sim_datum(PG_GETARG_DATUM(n), L);
}

/* error for a stored value of raw bytes whose slice came back short */
pg_attribute_noreturn()
static void
sim_short(Size raw)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("cannot read stored aibiz.simulation value of %zu bytes", (size_t) raw)));
	pg_unreachable();
}

/* the first bytes (after the varlena header) of a datum of raw size raw, as a slice */
static AbzSimHeader *
sim_slice(Datum d, Size raw, size_t bytes)
{
	struct varlena *v = PG_DETOAST_DATUM_SLICE(d, 0, ABZ_VARHDRSZ + bytes);

	if (VARSIZE(v) < ABZ_VARHDRSZ + bytes)
		sim_short(raw);
	return SIM_OF(v);
}

/*
 * Argument n, read only up to the end of part (ABZ_SIM_PART_*) when it is
 * of version 3, whose parts come in that order (older versions are read
 * whole).  The first slice holds want bytes (at least the header, the
 * version 2 block and the summary); its header is checked against the
 * value's full size (toast_raw_datum_size) before anything else is read,
 * and a part that ends later is fetched as a second, longer slice.  For a
 * value stored out of line and compressed with pglz, PostgreSQL fetches and
 * decompresses only the chunks a slice needs.  L receives the full layout.
 */
AbzSimHeader *
sim_arg_part(FunctionCallInfo fcinfo, int n, int part, size_t want, AbzSimLayout *L)
{
	Datum		d = PG_GETARG_DATUM(n);
	Size		raw = toast_raw_datum_size(d);
	size_t		first = Max(want, ABZ_SIM_SUMMARY_END);
	AbzSimLayout layout;
	AbzSimHeader *h;
	size_t		need;

	if (L == NULL)
		L = &layout;
	if (raw < ABZ_VARHDRSZ + sizeof(AbzSimHeader))
		sim_short(raw);
	if (raw <= ABZ_VARHDRSZ + first)
		return sim_arg(fcinfo, n, L);
	h = sim_slice(d, raw, first);
	sim_check_stored(h, raw - ABZ_VARHDRSZ, L);
	if (h->version < 3)
		return sim_arg(fcinfo, n, L);
	need = abz_sim_prefix_bytes(h, L, part);
	if (need > first)
	{
		h = sim_slice(d, raw, need);
		sim_check_stored(h, raw - ABZ_VARHDRSZ, L);
	}
	return h;
}

/* ---- I/O ---- */

PG_FUNCTION_INFO_V1(aibiz_simulation_in);

/* text input: "simulation v1 trials=... data=<base64>" */
Datum
aibiz_simulation_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	size_t		len = strlen(text);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *v;
	unsigned char *wire;

	if (!abz_sim_text_layout(text, len, &L, &err))
		sim_raise(&err, err.code == ABZ_ERR_SYNTAX ?
				  "invalid input syntax for type" : "invalid value for type");
	v = sim_alloc(&L);
	wire = palloc(L.wire);
	if (!abz_sim_parse(text, len, wire, SIM_OF(v), &L, &err))
		sim_raise(&err, err.code == ABZ_ERR_SYNTAX ?
				  "invalid input syntax for type" : "invalid value for type");
	pfree(wire);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_out);

/* text output: exact, reads back to the same bytes */
Datum
aibiz_simulation_out(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	char	   *buf;

	buf = palloc(L.text + 1);
	abz_sim_format(h, &L, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_recv);

/* binary input: the versioned big-endian form, validated like text input */
Datum
aibiz_simulation_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const unsigned char *bytes = (const unsigned char *) pq_getmsgbytes(buf, len);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *v;

	if (!abz_sim_wire_layout(bytes, (size_t) len, &L, &err))
		sim_raise(&err, "invalid binary value for type");
	v = sim_alloc(&L);
	if (!abz_sim_from_wire(bytes, (size_t) len, SIM_OF(v), &L, &err))
		sim_raise(&err, "invalid binary value for type");
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(aibiz_sim_rewrite);

/*
 * rewrite(sim): a version 2 value in the version this build writes (its
 * binary form read back as version 3, which recomputes the summary);
 * versions 1 and 3 unchanged
 */
Datum
aibiz_sim_rewrite(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	unsigned char *wire;
	AbzError	err;
	struct varlena *v;

	if (h->version != ABZ_SIM_VERSION_2)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	wire = palloc(L.wire);
	abz_sim_to_wire(h, wire);
	wire[0] = ABZ_SIM_VERSION;
	if (!abz_sim_wire_layout(wire, L.wire, &L, &err))
		sim_raise(&err, "cannot rewrite value of type");
	v = sim_alloc(&L);
	if (!abz_sim_from_wire(wire, L.wire, SIM_OF(v), &L, &err))
		sim_raise(&err, "cannot rewrite value of type");
	pfree(wire);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(aibiz_simulation_send);

/* binary output */
Datum
aibiz_simulation_send(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg(fcinfo, 0, &L);
	StringInfoData buf;

	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, (int) L.wire);
	abz_sim_to_wire(h, (unsigned char *) buf.data + buf.len);
	buf.len += (int) L.wire;
	buf.data[buf.len] = '\0';
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- simulate ---- */

/* the sampling named by text: 'mc' or 'lhs' */
static uint8
sampling_arg(text *t)
{
	char	   *name = text_to_cstring(t);

	if (strcmp(name, "mc") == 0)
		return ABZ_SAMPLING_MC;
	if (strcmp(name, "lhs") == 0)
		return ABZ_SAMPLING_LHS;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aibiz.simulate: unknown sampling \"%s\"", name),
			 errdetail("Valid samplings are mc (plain Monte Carlo) and lhs (Latin hypercube)."),
			 errhint("Pass sampling => 'mc' or sampling => 'lhs'.")));
	return ABZ_SAMPLING_MC;
}

/*
 * The trials argument, declared numeric so that trials => 1e6 is accepted
 * as analysts write it: a whole number from 1 to aibiz.max_trials.
 */
static int32
trials_arg(Numeric n)
{
	double		d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(n)));
	char	   *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));

	if (!(d >= 1.0) || d != floor(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aibiz.simulate: trials must be a whole number of at least 1, got %s", text),
				 errhint("Pass a count such as trials => 10000 or trials => 1e5.")));
	if (d > (double) abz_max_trials)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s trials exceed the limit of %d", text, abz_max_trials),
				 errhint("Use fewer trials, or have a superuser raise aibiz.max_trials.")));
	return (int32) d;
}

/* the simulation options of the arguments after the market (horizon first at argument first) */
static void
sim_options(FunctionCallInfo fcinfo, int first, AbzSimOptions *o)
{
	memset(o, 0, sizeof(*o));
	o->trials = trials_arg(PG_GETARG_NUMERIC(first + 1));
	o->seed = PG_GETARG_INT64(first + 2);
	o->scenario = PG_GETARG_INT64(first + 3);
	o->sampling = sampling_arg(PG_GETARG_TEXT_PP(first + 4));
	if (!PG_ARGISNULL(first + 6))
	{
		double		tol = PG_GETARG_FLOAT8(first + 6);

		if (!(tol > 0.0 && tol < 1.0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aibiz.simulate: tolerance must be above 0 and below 1, got %g", tol),
					 errhint("tolerance is relative: 0.01 stops when the 95 %% half-width of mean NPV is within 1 %% of |mean NPV|.")));
		o->tolerance = tol;
	}
}

/*
 * The correlation targets of a correlations argument, resolved against the
 * model's once-per-trial inputs into o (palloc'd arrays).  A market-wide
 * risk's freq is shared by its market and cannot be rearranged: 22023.
 */
static void
sim_correlations(const AbzModel *model, const AbzSpec *revenue, const AbzSpec *risk,
				 const AbzSpec *plan, Jsonb *corr, AbzSimOptions *o)
{
	int			npairs,
				k,
				*index;
	char	  **a,
			  **b;
	double	   *rho,
			   *target;
	AbzError	err;
	int			cap;

	abz_corr_from_jsonb(corr, &npairs, &a, &b, &rho);
	if (npairs == 0)
		return;
	cap = Min(2 * npairs, abz_model_nrand(model));
	index = palloc(sizeof(int) * (Max(cap, 1)));
	target = palloc(sizeof(double) * (Max(cap, 1)) * (Max(cap, 1)));
	if (!abz_corr_resolve(model, revenue, risk, plan, npairs, (const char *const *) a,
						  (const char *const *) b, rho, &k, index, target, &err))
		abz_raise_tool(&err, "simulate", 0);
	for (int i = 0; i < k; i++)
		if (abz_model_rand_market(model, index[i]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aibiz.simulate: a correlation names the freq of a market-wide risk"),
					 errdetail("Its draws are shared by every company of the market in the scenario, so they are not rearranged."),
					 errhint("Correlate company inputs only, or make the risk scope=company.")));
	o->ncorr = k;
	o->corr_index = index;
	o->corr_target = target;
}

/* run a simulation of already-read inputs under options o (correlations may be NULL) */
static Datum
run_simulation(const AbzSpec *revenue, const AbzSpec *risk, const AbzSpec *plan,
			   HeapTupleHeader market, int32 horizon, AbzSimOptions *o, Jsonb *corr)
{
	AbzMarket	mk;
	AbzSimLayout L;
	AbzError	err;
	AbzModel   *model;
	struct varlena *v;
	void	   *scratch;
	bool		converged;
	AbzProgress pr;

	abz_check_horizon(horizon);
	abz_market_from_record(market, &mk);
	model = (AbzModel *) palloc(abz_model_size(horizon));
	if (!abz_model_prepare(model, revenue, risk, plan, &mk, horizon, &err))
		abz_raise(&err, "simulation");
	abz_notice_no_accounts(plan, &mk, horizon, "aibiz.simulate");
	abz_model_set_market_key(model, abz_market_key(o->scenario, abz_market_identity(market, &mk)));
	if (corr)
		sim_correlations(model, revenue, risk, plan, corr, o);
	/* size everything before allocating the value */
	if (!abz_sim_layout_for(model, o, &L, &err))
		sim_raise(&err, NULL);
	v = sim_alloc(&L);
	scratch = palloc(abz_sim_scratch(model, o));
	abz_progress_begin(&pr, "aibiz.simulate", o->trials, abz_sim_tick_every_model(model));
	if (!abz_simulate(model, o, SIM_OF(v), &L, scratch, abz_progress_tick, &pr, &converged, &err))
		sim_raise(&err, NULL);
	SET_VARSIZE(v, ABZ_VARHDRSZ + L.size);
	if (!converged)
		ereport(NOTICE,
				(errmsg("aibiz.simulate: the 95 %% half-width of mean NPV is still above %g x |mean NPV| after all %d trials",
						o->tolerance, o->trials),
				 errhint("Raise trials, or accept a wider tolerance.")));
	pfree(scratch);
	pfree(model);
	return PointerGetDatum(v);
}

/* true if any of arguments 0..n-1 is NULL (the strict part of the signature) */
static bool
any_null(FunctionCallInfo fcinfo, int n)
{
	for (int i = 0; i < n; i++)
		if (PG_ARGISNULL(i))
			return true;
	return false;
}

PG_FUNCTION_INFO_V1(aibiz_simulate_v2);

/*
 * simulate(revenue, risk, plan, market, horizon, trials, seed, scenario,
 * sampling, correlations, tolerance); NULL if an argument before
 * correlations is NULL
 */
Datum
aibiz_simulate_v2(PG_FUNCTION_ARGS)
{
	AbzSimOptions o;

	if (any_null(fcinfo, 9))
		PG_RETURN_NULL();
	sim_options(fcinfo, 4, &o);
	return run_simulation(PG_GETARG_ABZSPEC(0), PG_GETARG_ABZSPEC(1), PG_GETARG_ABZSPEC(2),
						  PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4), &o,
						  PG_ARGISNULL(9) ? NULL : PG_GETARG_JSONB_P(9));
}

PG_FUNCTION_INFO_V1(aibiz_simulate_company_v2);

/* simulate(company aibiz.companies, market, horizon, trials, seed, ...); NULL if an input is NULL */
Datum
aibiz_simulate_company_v2(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];
	AbzSimOptions o;

	if (any_null(fcinfo, 7) || !abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
		PG_RETURN_NULL();
	sim_options(fcinfo, 2, &o);
	return run_simulation(spec[0], spec[1], spec[2], PG_GETARG_HEAPTUPLEHEADER(1),
						  PG_GETARG_INT32(2), &o, PG_ARGISNULL(7) ? NULL : PG_GETARG_JSONB_P(7));
}

/* the 0.1 entry points, kept for the 0.1 scripts' CREATE FUNCTION; never called after an update */
PG_FUNCTION_INFO_V1(aibiz_simulate);
Datum
aibiz_simulate(PG_FUNCTION_ARGS)
{
	AbzSimOptions o = {0};

	o.trials = PG_GETARG_INT32(5);
	o.seed = PG_GETARG_INT64(6);
	abz_check_trials(o.trials, "simulate");
	return run_simulation(PG_GETARG_ABZSPEC(0), PG_GETARG_ABZSPEC(1), PG_GETARG_ABZSPEC(2),
						  PG_GETARG_HEAPTUPLEHEADER(3), PG_GETARG_INT32(4), &o, NULL);
}

PG_FUNCTION_INFO_V1(aibiz_simulate_company);
Datum
aibiz_simulate_company(PG_FUNCTION_ARGS)
{
	AbzSpec    *spec[3];
	AbzSimOptions o = {0};

	if (!abz_company_specs(PG_GETARG_HEAPTUPLEHEADER(0), spec))
		PG_RETURN_NULL();
	o.trials = PG_GETARG_INT32(3);
	o.seed = PG_GETARG_INT64(4);
	abz_check_trials(o.trials, "simulate");
	return run_simulation(spec[0], spec[1], spec[2], PG_GETARG_HEAPTUPLEHEADER(1),
						  PG_GETARG_INT32(2), &o, NULL);
}

/* ---- portfolio ---- */

PG_FUNCTION_INFO_V1(aibiz_sim_add);

/*
 * Trial-wise exact sum: the transition and combine function of
 * aibiz.portfolio.  Inside an aggregate the state is ours, so once it is a
 * portfolio (no monthly quantiles, same layout as the sum) it is updated in
 * place instead of copying the whole value per row.
 */
Datum
aibiz_sim_add(PG_FUNCTION_ARGS)
{
	Datum		ad = PG_GETARG_DATUM(0);
	AbzSimHeader *a = PG_GETARG_SIM(0);
	struct varlena *av = (struct varlena *) ((char *) a - ABZ_VARHDRSZ);
	AbzSimHeader *b = PG_GETARG_SIM(1);
	AbzSimLayout L;
	AbzError	err;
	struct varlena *out;
	bool		own = (Pointer) av != DatumGetPointer(ad) ||
		AggCheckCallContext(fcinfo, NULL) == AGG_CONTEXT_AGGREGATE;

	AbzSimLayout La;

	abz_progress_row(fcinfo->flinfo, "aibiz.portfolio");
	if (!abz_sim_add_layout(a, b, &L, &err))
		sim_raise(&err, NULL);
	/* in place only when the sum has a's layout (same equity slots) */
	if (own && !(a->flags & ABZ_SIM_HAS_QUANTILES) &&
		abz_sim_layout_of(a, &La, &err) && memcmp(&La, &L, sizeof(L)) == 0)
		out = av;
	else
		out = sim_alloc(&L);
	if (!abz_sim_add(a, b, SIM_OF(out), &L, &err))
		sim_raise(&err, NULL);
	PG_RETURN_POINTER(out);
}
