/*
 * override.c — change one input of a value at a resolved path (paths are
 * in override_path.c): set the key from a parameter or from text of the
 * value grammar, or scale it; add an absent term with its defaults.  Every
 * result goes through abz_validate(), the same check as text and binary
 * input.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "override.h"

/* a new term of code with every key at its default (direct mode, accept strategy) */
static void
default_term(AbzKind kind, int code, AbzTerm *t)
{
	const AbzTermDef *td = &abz_kinds[kind].terms[code];

	memset(t, 0, sizeof(*t));
	t->term = (uint8_t) code;
	if (kind == ABZ_KIND_PLAN && code == ABZ_PLAN_ENTRY)
		return;					/* direct: no keys */
	for (int i = 0; i < td->nkeys; i++)
		t->key[td->keys[i].slot].a = td->keys[i].def;
}

/*
 * Copy s into out and return the term the path changes, adding it with its
 * defaults when absent; false if the value already has the most terms.
 */
static AbzTerm *
target_term(const AbzSpec *s, const AbzPath *path, AbzSpec *out, AbzError *err)
{
	memcpy(out, s, ABZ_SPEC_SIZE(s->nterms));
	if (path->pos >= 0)
		return &out->terms[path->pos];
	if (s->nterms >= ABZ_MAX_TERMS)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "more than %d terms", ABZ_MAX_TERMS);
		return NULL;
	}
	default_term((AbzKind) s->kind, path->code, &out->terms[out->nterms]);
	return &out->terms[out->nterms++];
}

/* an added term: every required key but the one set must have been given */
static bool
check_added(const AbzPath *path, AbzError *err)
{
	const AbzTermDef *td = &abz_kinds[path->kind].terms[path->code];

	if (path->pos >= 0 || path->target != ABZ_TARGET_KEY)
		return true;
	for (int i = 0; i < td->nkeys; i++)
		if ((td->keys[i].flags & ABZ_KEY_REQUIRED) && td->keys[i].slot != path->slot)
		{
			abz_error(err, ABZ_ERR_DOMAIN, td->name, td->keys[i].name,
					  "required key \"%s\" is missing", td->keys[i].name);
			snprintf(err->detail, sizeof(err->detail),
					 "Setting %s adds the term \"%s\", whose key \"%s\" has no default.",
					 path->text, td->name, td->keys[i].name);
			return false;
		}
	return true;
}

/* put a changed value into canonical order and validate it like input */
static bool
finish(const AbzPath *path, AbzSpec *out, AbzError *err)
{
	abz_sort_terms(out);
	if (abz_validate(out, ABZ_SPEC_SIZE(out->nterms), err))
		return true;
	if (path->pos < 0 && err->detail[0] == '\0')
		snprintf(err->detail, sizeof(err->detail),
				 "Setting %s added the term \"%s\" with its defaults.", path->text,
				 abz_kinds[path->kind].terms[path->code].name);
	return false;
}

/* the name of a path's term, for parse errors */
static const char *
term_name(const AbzPath *path)
{
	return abz_kinds[path->kind].terms[path->code].name;
}

/* out = s with the path's key set to v */
bool
abz_set_param(const AbzSpec *s, const AbzPath *path, const AbzParam *v, AbzSpec *out,
			  AbzError *err)
{
	AbzTerm    *t;

	memset(err, 0, sizeof(*err));
	if (path->target != ABZ_TARGET_KEY)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "path \"%s\" does not name a numeric key", path->text);
	if (!check_added(path, err) || (t = target_term(s, path, out, err)) == NULL)
		return false;
	t->key[path->slot] = *v;
	memset(t->key[path->slot].pad, 0, sizeof(t->key[path->slot].pad));
	return finish(path, out, err);
}

/* out = s with the path's key, strategy or mode set from text */
bool
abz_set_text(const AbzSpec *s, const AbzPath *path, const char *text, size_t len,
			 AbzSpec *out, AbzError *err)
{
	AbzTerm    *t;
	AbzParam	v;
	char		kname[48];

	memset(err, 0, sizeof(*err));
	if (path->target == ABZ_TARGET_KEY)
	{
		AbzError	parsed;
		bool		ok;

		snprintf(kname, sizeof(kname), "%s%s",
				 path->kind == ABZ_KIND_RISK && path->slot >= RK_S1 ? "strategy." : "",
				 path->key->name);
		if (!abz_parse_param(text, len, term_name(path), kname, path->key, &v, err))
			return false;
		memcpy(&parsed, err, sizeof(parsed));
		ok = abz_set_param(s, path, &v, out, err);
		if (ok)					/* keep the parse's warnings */
		{
			err->nwarn = parsed.nwarn;
			memcpy(err->warn, parsed.warn, sizeof(err->warn));
		}
		return ok;
	}
	if ((t = target_term(s, path, out, err)) == NULL)
		return false;
	if (path->target == ABZ_TARGET_STRATEGY)
	{
		if (!abz_parse_strategy(text, len, term_name(path), t, err))
			return false;
	}
	else if (path->target == ABZ_TARGET_SCOPE)
	{
		if (!abz_parse_scope(text, len, term_name(path), t, err))
			return false;
	}
	else if (!abz_parse_mode(text, len, t, err))
		return false;
	return finish(path, out, err);
}

/* every argument of p times factor (-0 becomes 0) */
void
abz_param_scale(const AbzParam *p, double factor, AbzParam *out)
{
	int			arity = p->dist < ABZ_NDIST ? abz_dist_arity[p->dist] : 1;

	*out = *p;
	out->a = p->a * factor + 0.0;
	if (arity > 1)
		out->b = p->b * factor + 0.0;
	if (arity > 2)
		out->c = p->c * factor + 0.0;
}

/* out = s with the path's key scaled; the term must exist */
bool
abz_scale(const AbzSpec *s, const AbzPath *path, double factor, AbzSpec *out, AbzError *err)
{
	AbzParam	v;

	memset(err, 0, sizeof(*err));
	if (!isfinite(factor))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "scale factor must be finite");
	if (path->target != ABZ_TARGET_KEY)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "path \"%s\" names a %s, not a number; use aibiz.set", path->text,
						 path->target == ABZ_TARGET_MODE ? "mode" :
						 path->target == ABZ_TARGET_SCOPE ? "scope" : "strategy");
	if (path->pos < 0)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "path \"%s\": the value has no term \"%s\" to scale",
						 path->text, term_name(path));
	abz_param_scale(&s->terms[path->pos].key[path->slot], factor, &v);
	return abz_set_param(s, path, &v, out, err);
}

/* the domain of a key as a closed interval (a strict lower bound nudged inward) */
void
abz_key_interval(const AbzKeyDef *kd, double *lo, double *hi)
{
	*lo = kd->lo;
	*hi = kd->hi;
	if (kd->flags & ABZ_KEY_POSITIVE)
		*lo = nextafter(kd->lo, HUGE_VAL);
}
