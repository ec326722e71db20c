/*
 * override.c — fmgr glue of the overrides: aibiz.set and aibiz.scale on the
 * three input types, and the casts from their jsonb form back to them.
 * Paths and changes live in the core (src/core/override_path.c and
 * override.c); the jsonb form is turned into the text form and read by the
 * one parser.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"

#include "aibiz.h"
#include "override.h"

PG_FUNCTION_INFO_V1(aibiz_set);
PG_FUNCTION_INFO_V1(aibiz_scale);
PG_FUNCTION_INFO_V1(aibiz_revenue_model_from_jsonb);
PG_FUNCTION_INFO_V1(aibiz_risk_profile_from_jsonb);
PG_FUNCTION_INFO_V1(aibiz_plan_from_jsonb);

/* the SQL name of a kind */
static const char *
kind_name(int kind)
{
	return (kind >= ABZ_KIND_REVENUE && kind <= ABZ_KIND_PLAN) ?
		abz_kinds[kind].type_name : "input value";
}

/* ---- set and scale ---- */

/* a zeroed spec with room for any number of terms */
static AbzSpec *
spec_alloc(void)
{
	return (AbzSpec *) palloc0(ABZ_SPEC_MAXSIZE);
}

/* a changed value in its stored form; frees the fixed value v */
static Datum
spec_result(AbzSpec *v)
{
	struct varlena *r = abz_spec_to_varlena(v);

	pfree(v);
	PG_RETURN_POINTER(r);
}

/* aibiz.set(value, path, new): the value with one key, strategy or mode replaced */
Datum
aibiz_set(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	text	   *path = PG_GETARG_TEXT_PP(1);
	text	   *val = PG_GETARG_TEXT_PP(2);
	AbzSpec    *v = spec_alloc();
	AbzPath		p;
	AbzError	err;

	if (!abz_path_resolve(s, VARDATA_ANY(path), VARSIZE_ANY_EXHDR(path), true, &p, &err))
		abz_raise_tool(&err, "set", 0);
	if (!abz_set_text(s, &p, VARDATA_ANY(val), VARSIZE_ANY_EXHDR(val), v, &err))
		abz_raise_tool(&err, "set", s->kind);
	abz_warn(&err, abz_kinds[s->kind].type_name);
	return spec_result(v);
}

/* aibiz.scale(value, path, factor): the value with one key multiplied */
Datum
aibiz_scale(PG_FUNCTION_ARGS)
{
	AbzSpec    *s = PG_GETARG_ABZSPEC(0);
	text	   *path = PG_GETARG_TEXT_PP(1);
	double		factor = PG_GETARG_FLOAT8(2);
	AbzSpec    *v = spec_alloc();
	AbzPath		p;
	AbzError	err;

	if (!abz_path_resolve(s, VARDATA_ANY(path), VARSIZE_ANY_EXHDR(path), false, &p, &err))
		abz_raise_tool(&err, "scale", 0);
	if (!abz_scale(s, &p, factor, v, &err))
		abz_raise_tool(&err, "scale", s->kind);
	return spec_result(v);
}

/* ---- jsonb back to a value ---- */

/* names of the arguments of each distribution in the jsonb form */
static const char *const dist_arg_names[ABZ_NDIST][3] = {
	{"value"}, {"min", "max"}, {"min", "mode", "max"}, {"min", "mode", "max"},
	{"mean", "sd"}, {"mean", "sd"}
};

/* where the reader is in a jsonb form: the type, and the term and key once known */
typedef struct JsonCtx
{
	int			kind;
	char		term[32];
	char		key[64];
} JsonCtx;

/* raise 22023 for a malformed jsonb form, naming the type, term and key */
pg_attribute_noreturn()
static void
json_fail(const JsonCtx *c, const char *msg, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid jsonb for type aibiz.%s%s%s%s%s%s%s: %s%s%s%s", kind_name(c->kind),
					c->term[0] ? ", term \"" : "", c->term, c->term[0] ? "\"" : "",
					c->key[0] ? ", key \"" : "", c->key, c->key[0] ? "\"" : "",
					msg, what ? " \"" : "", what ? what : "", what ? "\"" : ""),
			 errdetail("The jsonb form is an array of term objects: {\"term\": name, key: number or {\"dist\": name, arguments}, ...}.")));
}

/* append a name after checking it is one (letters, digits, underscores) */
static void
put_name(StringInfo out, const JsonbValue *v, const JsonCtx *c)
{
	int			n;

	if (v->type != jbvString)
		json_fail(c, "a name must be a string", NULL);
	n = v->val.string.len;
	if (n < 1 || n > 31)
		json_fail(c, "a name must have 1 to 31 characters", NULL);
	for (int i = 0; i < n; i++)
	{
		char		ch = v->val.string.val[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
			  (i > 0 && ch >= '0' && ch <= '9')))
			json_fail(c, "invalid name", pnstrdup(v->val.string.val, n));
	}
	appendBinaryStringInfo(out, v->val.string.val, n);
}

/*
 * append the decimal text of a numeric ([-]digits[.digits]) as
 * [-]d[.ddd][e<exp>]: the same decimal number, exactly, in the form the
 * value grammar reads, so that the parser rounds it (or reports it out of
 * range) as it does the number written in text
 */
static void
put_decimal(StringInfo out, const char *s, const JsonCtx *c)
{
	StringInfoData d;
	long		before = 0,		/* digits before the point */
				lead = 0;		/* zeros before the first significant digit */
	bool		point = false;

	initStringInfo(&d);
	if (*s == '-')
		appendStringInfoChar(out, *s++);
	for (; *s; s++)
	{
		CHECK_FOR_INTERRUPTS();
		if (*s == '.' && !point)
		{
			point = true;
			continue;
		}
		if (*s < '0' || *s > '9')
			json_fail(c, "expected a finite number", NULL);
		before += !point;
		if (d.len == 0 && *s == '0')
			lead++;
		else
			appendStringInfoChar(&d, *s);
	}
	while (d.len > 0 && d.data[d.len - 1] == '0')
		d.data[--d.len] = '\0';
	if (d.len == 0)
	{
		out->len -= out->len > 0 && out->data[out->len - 1] == '-';
		appendStringInfoChar(out, '0');
		return;
	}
	appendStringInfoChar(out, d.data[0]);
	if (d.len > 1)
		appendStringInfo(out, ".%s", d.data + 1);
	if (before - lead - 1 != 0)
		appendStringInfo(out, "e%ld", before - lead - 1);
	pfree(d.data);
}

/* append a jsonb number as the same decimal number in the value grammar */
static void
put_number(StringInfo out, const JsonbValue *v, const JsonCtx *c)
{
	if (v->type != jbvNumeric)
		json_fail(c, "expected a number", NULL);
	put_decimal(out, DatumGetCString(DirectFunctionCall1(numeric_out,
														 NumericGetDatum(v->val.numeric))), c);
}

/* the member key of an object container, or NULL */
static JsonbValue *
member(JsonbContainer *obj, const char *key)
{
	return getKeyJsonValueFromContainer(obj, key, strlen(key), NULL);
}

/* append a distribution written as {"dist": name, arguments by name} */
static void
put_dist(StringInfo out, JsonbContainer *obj, const JsonCtx *c)
{
	JsonbValue *name = member(obj, "dist");
	int			dist = -1;

	if (name == NULL || name->type != jbvString)
		json_fail(c, "a distribution object needs \"dist\"", NULL);
	for (int d = 1; d < ABZ_NDIST; d++)
		if (strlen(abz_dist_names[d]) == (size_t) name->val.string.len &&
			strncmp(abz_dist_names[d], name->val.string.val, name->val.string.len) == 0)
			dist = d;
	if (dist < 0)
		json_fail(c, "unknown distribution", pnstrdup(name->val.string.val,
													  name->val.string.len));
	if (JsonContainerSize(obj) != (uint32) abz_dist_arity[dist] + 1)
		json_fail(c, "unexpected members in the distribution", abz_dist_names[dist]);
	appendStringInfo(out, "%s(", abz_dist_names[dist]);
	for (int i = 0; i < abz_dist_arity[dist]; i++)
	{
		JsonbValue *a = member(obj, dist_arg_names[dist][i]);

		if (a == NULL)
			json_fail(c, "a distribution argument is missing", dist_arg_names[dist][i]);
		if (i > 0)
			appendStringInfoString(out, ", ");
		put_number(out, a, c);
	}
	appendStringInfoChar(out, ')');
}

/* append a key's value: a number or a distribution object */
static void
put_param(StringInfo out, const JsonbValue *v, const JsonCtx *c)
{
	if (v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data))
		put_dist(out, v->val.binary.data, c);
	else
		put_number(out, v, c);
}

/* append key=value pairs of an object, skipping the member named skip */
static void
put_pairs(StringInfo out, JsonbContainer *obj, const char *skip, JsonCtx *c, bool *first,
		  void (*special) (StringInfo, const char *, const JsonbValue *, JsonCtx *))
{
	JsonbIterator *it = JsonbIteratorInit(obj);
	JsonbValue	k,
				v;
	JsonbIteratorToken tok;
	char	   *key = NULL;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (tok == WJB_KEY)
		{
			k = v;
			key = pnstrdup(k.val.string.val, k.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE || strcmp(key, skip) == 0)
			continue;
		if (!*first)
			appendStringInfoString(out, ", ");
		*first = false;
		snprintf(c->key, sizeof(c->key), "%s%.31s", special ? "" : "strategy.",
				 strcmp(key, ABZ_JSONB_TERM_KEY) == 0 ? "term" : key);
		if (strcmp(key, ABZ_JSONB_TERM_KEY) == 0)
			appendStringInfoString(out, "term");
		else
			put_name(out, &k, c);
		appendStringInfoChar(out, '=');
		if (special && (strcmp(key, "strategy") == 0 || strcmp(key, "mode") == 0 ||
						strcmp(key, "scope") == 0))
			special(out, key, &v, c);
		else
			put_param(out, &v, c);
	}
}

/* append a strategy object {"name": ..., args}, or an entry mode or risk scope string */
static void
put_special(StringInfo out, const char *key, const JsonbValue *v, JsonCtx *c)
{
	bool		first = true;
	JsonbValue *name;

	if (strcmp(key, "mode") == 0 || strcmp(key, "scope") == 0)
	{
		put_name(out, v, c);
		return;
	}
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		json_fail(c, "strategy must be an object {\"name\": ..., arguments}", NULL);
	name = member(v->val.binary.data, "name");
	if (name == NULL)
		json_fail(c, "strategy needs \"name\"", NULL);
	put_name(out, name, c);
	appendStringInfoChar(out, '(');
	put_pairs(out, v->val.binary.data, "name", c, &first, NULL);
	appendStringInfoChar(out, ')');
}

/* the text form of the jsonb form of a value of kind */
static char *
json_to_text(Jsonb *j, int kind)
{
	StringInfoData out;
	uint32		n;
	JsonCtx		ctx = {.kind = kind};
	JsonCtx    *c = &ctx;

	if (!JB_ROOT_IS_ARRAY(j) || JB_ROOT_IS_SCALAR(j))
		json_fail(c, "expected an array of term objects", NULL);
	n = JB_ROOT_COUNT(j);
	if (n > ABZ_MAX_TERMS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("invalid jsonb for type aibiz.%s: more than %d terms",
						kind_name(kind), ABZ_MAX_TERMS)));
	initStringInfo(&out);
	for (uint32 i = 0; i < n; i++)
	{
		JsonbValue *t = getIthJsonbValueFromContainer(&j->root, i);
		JsonbValue *name;
		bool		first = true;

		CHECK_FOR_INTERRUPTS();
		ctx.term[0] = ctx.key[0] = '\0';
		if (t->type != jbvBinary || !JsonContainerIsObject(t->val.binary.data))
			json_fail(c, "expected an array of term objects", NULL);
		name = member(t->val.binary.data, "term");
		if (name == NULL)
			json_fail(c, "a term object needs \"term\"", NULL);
		if (i > 0)
			appendStringInfoString(&out, " + ");
		put_name(&out, name, c);
		snprintf(ctx.term, sizeof(ctx.term), "%.*s", name->val.string.len, name->val.string.val);
		appendStringInfoChar(&out, '(');
		put_pairs(&out, t->val.binary.data, "term", c, &first, put_special);
		appendStringInfoChar(&out, ')');
	}
	return out.data;
}

/* parse the jsonb form of kind into a new value, validated like text input */
static Datum
from_jsonb(Jsonb *j, AbzKind kind)
{
	char	   *txt = json_to_text(j, kind);
	AbzSpec    *v = spec_alloc();
	AbzError	err;

	/* no warnings: a jsonb number is the value itself, never a percentage */
	if (!abz_parse(kind, txt, strlen(txt), v, &err))
		abz_raise(&err, kind_name(kind));
	return spec_result(v);
}

/* jsonb -> aibiz.revenue_model */
Datum
aibiz_revenue_model_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_REVENUE);
}

/* jsonb -> aibiz.risk_profile */
Datum
aibiz_risk_profile_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_RISK);
}

/* jsonb -> aibiz.plan */
Datum
aibiz_plan_from_jsonb(PG_FUNCTION_ARGS)
{
	return from_jsonb(PG_GETARG_JSONB_P(0), ABZ_KIND_PLAN);
}
