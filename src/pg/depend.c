/*
 * depend.c — fmgr glue of correlated inputs: the correlations argument of
 * aibiz.simulate, a jsonb object such as
 * {"usage.units|subscription.price": -0.6}, read into pair lists.  The
 * paths are resolved, and the matrix checked, by the core
 * (src/core/depend_path.c).
 */
#include "postgres.h"

#include <math.h>
#include <stdlib.h>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "depend.h"
#include "depend_pg.h"

#define CORR_HINT "Write the correlations as a jsonb object such as " \
	"'{\"usage.units|subscription.price\": -0.6}': each key names two inputs " \
	"separated by \"|\", each value is a rank correlation in [-1, 1]."

/* raise 22023 about the correlations argument, with the expected form in the hint */
pg_attribute_noreturn()
static void
corr_fail(const char *msg, const char *key)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 key ? errmsg("invalid correlations: key \"%s\" %s", key, msg) :
			 errmsg("invalid correlations: %s", msg),
			 errhint(CORR_HINT)));
	pg_unreachable();
}

/* a key as shown in messages: at most 60 bytes, cut at a character boundary */
static char *
shown_key(const char *key)
{
	int			len = (int) strlen(key),
				cut = pg_mbcliplen(key, len, 60);

	return cut < len ? psprintf("%.*s...", cut, key) : pstrdup(key);
}

/* split a key "pathA|pathB" at its one "|" into two palloc'd strings */
static void
split_key(const JsonbValue *k, char **a, char **b)
{
	char	   *key = pnstrdup(k->val.string.val, k->val.string.len);
	char	   *bar = strchr(key, '|');

	if (memchr(k->val.string.val, '\0', k->val.string.len) != NULL)
		corr_fail("contains a NUL character", shown_key(key));
	if (bar == NULL || strchr(bar + 1, '|') != NULL)
		corr_fail("must name two inputs separated by one \"|\"", shown_key(key));
	if (bar == key || bar[1] == '\0')
		corr_fail("must name an input on each side of \"|\"", shown_key(key));
	*a = pnstrdup(key, bar - key);
	*b = pstrdup(bar + 1);
}

/*
 * The float8 of a member value: a number in [-1, 1], checked exactly on the
 * numeric (so -1.0000000000000000000001 is refused although it rounds to
 * -1), converted by strtod (a tiny value becomes 0 or a subnormal).
 */
static double
pair_value(const JsonbValue *v, const char *key)
{
	Datum		num,
				abs;
	char	   *text;

	if (v->type != jbvNumeric)
		corr_fail("must have a number as its value", key);
	num = NumericGetDatum(v->val.numeric);
	abs = DirectFunctionCall1(numeric_abs, num);
	text = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, abs,
										  NumericGetDatum(int64_to_numeric(1)))) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid correlations: key \"%s\" has %s, outside [-1, 1]", key,
						shown_key(text)),
				 errhint(CORR_HINT)));
	return strtod(text, NULL) + 0.0;
}

/* the pairs of a correlations object (see depend_pg.h) */
void
abz_corr_from_jsonb(Jsonb *j, int *npairs, char ***a, char ***b, double **rho)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	uint32		n;
	int			p = 0;
	char	   *key = NULL;

	if (!JB_ROOT_IS_OBJECT(j) || JB_ROOT_IS_SCALAR(j))
		corr_fail("expected a jsonb object", NULL);
	n = JB_ROOT_COUNT(j);
	if (n > ABZ_CORR_MAX_PAIRS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("invalid correlations: %u pairs, more than the limit of %d",
						n, ABZ_CORR_MAX_PAIRS)));
	*a = palloc(sizeof(char *) * (n + 1));
	*b = palloc(sizeof(char *) * (n + 1));
	*rho = palloc(sizeof(double) * (n + 1));
	it = JsonbIteratorInit(&j->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (tok == WJB_KEY)
		{
			split_key(&v, &(*a)[p], &(*b)[p]);
			key = shown_key(pnstrdup(v.val.string.val, v.val.string.len));
		}
		else if (tok == WJB_VALUE)
		{
			if (key == NULL || p >= (int) n)
				elog(ERROR, "unexpected jsonb object layout");
			(*rho)[p++] = pair_value(&v, key);
			pfree(key);
			key = NULL;
		}
	}
	*npairs = p;
}
