/*
 * sim_trials.c — fmgr glue of aibiz.trial_npvs() and aibiz.settings(): the
 * trial NPVs of a simulation in trial order, so that trials of simulations
 * sharing random numbers can be correlated in SQL, and the sampling
 * settings a simulation was made with.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "aibiz.h"
#include "simval.h"
#include "simval_pg.h"

PG_FUNCTION_INFO_V1(aibiz_sim_trial_npvs);

/* trial_npvs(sim): float8[] of the trial NPVs, element i+1 = trial i */
Datum
aibiz_sim_trial_npvs(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h = PG_GETARG_SIM_PART(0, ABZ_SIM_PART_NPV);
	size_t		n = (size_t) h->trials;
	double	   *x;
	Datum	   *d;

	/* trials is bounded by the value's size, itself below 1 GB */
	x = palloc(sizeof(double) * n);
	d = palloc(sizeof(Datum) * n);
	abz_sim_trial_values(h, 0, x);
	for (size_t i = 0; i < n; i++)
		d[i] = Float8GetDatum(x[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(d, (int) n, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/* push "key": a string, or null when s is NULL */
static void
push_text(JsonbParseState **st, const char *key, const char *s)
{
	JsonbValue	jv;

	abz_jsonb_push_key(st, key);
	if (s == NULL)
		jv.type = jbvNull;
	else
	{
		jv.type = jbvString;
		jv.val.string.val = (char *) s;
		jv.val.string.len = strlen(s);
	}
	pushJsonbValue(st, WJB_VALUE, &jv);
}

/* push "key": a boolean */
static void
push_bool(JsonbParseState **st, const char *key, bool b)
{
	JsonbValue	jv;

	abz_jsonb_push_key(st, key);
	jv.type = jbvBool;
	jv.val.boolean = b;
	pushJsonbValue(st, WJB_VALUE, &jv);
}

PG_FUNCTION_INFO_V1(aibiz_sim_settings);

/*
 * settings(sim): format version, trials, requested trials, tolerance,
 * scenario, sampling and whether correlations were induced.  A version 1
 * value (aibiz 0.1) had none of these options: independent draws, its
 * trials as requested.  Mixed settings in a portfolio read as null.
 */
Datum
aibiz_sim_settings(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h = sim_arg_part(fcinfo, 0, ABZ_SIM_PART_SUMMARY, 0, &L);
	JsonbParseState *st = NULL;
	AbzSimView	v;
	const AbzSimExt *e;
	JsonbValue *res;

	abz_sim_view(h, &L, &v);
	e = v.ext;
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	abz_jsonb_push_int64(&st, "version", h->version);
	abz_jsonb_push_int64(&st, "trials", h->trials);
	abz_jsonb_push_int64(&st, "requested_trials", e ? e->requested : h->trials);
	abz_jsonb_push_key(&st, "tolerance");
	abz_jsonb_push_float8(&st, WJB_VALUE, e && e->tolerance > 0 ? e->tolerance : NAN);
	if (e && (e->mixed & ABZ_SIM_MIXED_SCENARIO))
		push_text(&st, "scenario", NULL);
	else
		abz_jsonb_push_int64(&st, "scenario", e ? e->scenario : 0);
	if (e && (e->mixed & ABZ_SIM_MIXED_SAMPLING))
		push_text(&st, "sampling", NULL);
	else
		push_text(&st, "sampling", e && e->sampling == ABZ_SAMPLING_LHS ? "lhs" : "mc");
	push_bool(&st, "correlated", e && e->correlated);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}
