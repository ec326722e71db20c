/*
 * grammar_term.c — pass 2 of the value grammar, terms and keys: one term
 * against its schema table (schema.c), its key=value arguments, the keys an
 * entry mode admits, and the defaults of the keys not given.
 */
#include <stdio.h>
#include <string.h>

#include "grammar_int.h"

/* find a key by name in a term definition */
const AbzKeyDef *
abz_gram_find_key(const AbzTermDef *td, const char *name, size_t n)
{
	for (int i = 0; i < td->nkeys; i++)
		if (name_is(name, n, td->keys[i].name))
			return &td->keys[i];
	return NULL;
}

/* fill the keys of td that were not given with their defaults; check required ones */
bool
abz_gram_fill_defaults(Parser *p, Ctx *ctx, const AbzTermDef *td, AbzTerm *t,
					   unsigned given, const char *owner)
{
	for (int i = 0; i < td->nkeys; i++)
	{
		const AbzKeyDef *kd = &td->keys[i];

		if (given & (1u << kd->slot))
			continue;
		if (kd->flags & ABZ_KEY_REQUIRED)
		{
			if (owner)
			{
				char		kname[32];

				snprintf(kname, sizeof(kname), "strategy.%s", kd->name);
				abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, kname,
						  "%s(): required key \"%s\" is missing", owner, kd->name);
			}
			else
				abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, kd->name,
						  "required key \"%s\" is missing", kd->name);
			return false;
		}
		memset(&t->key[kd->slot], 0, sizeof(AbzParam));
		t->key[kd->slot].a = kd->def;
	}
	return true;
}

/* an unknown key of term td: the error, the valid keys and the nearest */
static bool
unknown_key(Parser *p, const Ctx *ctx, const AbzTermDef *td, const char *kname,
			size_t kn, int code)
{
	const char *extra = p->kind == ABZ_KIND_RISK ? "strategy" :
		(p->kind == ABZ_KIND_PLAN && code == ABZ_PLAN_ENTRY) ? "mode" : NULL;
	const char *names[ABZ_MAX_KEYS + 1];
	char		what[48];

	abz_gram_dom_error(p, ctx, "unknown key \"%s\"", kname, kn);
	snprintf(what, sizeof(what), "keys of %s", td->name);
	abz_suggest(p->err, what, kname, kn, names, abz_key_names(td, extra, names));
	return false;
}

/* read a term's name and find its definition (t->term and ctx->term set); NULL on error */
static const AbzTermDef *
term_def(Parser *p, Ctx *ctx, AbzTerm *t)
{
	const AbzKindDef *kd = &abz_kinds[p->kind];
	const AbzTermDef *td = NULL;
	size_t		n;
	const char *name = take_name(p, &n);
	char		what[48];
	const char *names[ABZ_MAX_TERMS];

	copy_name(ctx->term, sizeof(ctx->term), name, n);
	for (int i = 0; i < kd->nterms; i++)
		if (name_is(name, n, kd->terms[i].name))
		{
			td = &kd->terms[i];
			t->term = (uint8_t) i;
		}
	if (td != NULL)
		return td;
	abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, NULL, "unknown term \"%s\"", ctx->term);
	snprintf(what, sizeof(what), "terms of %s", kd->type_name);
	abz_suggest(p->err, what, name, n, names, abz_term_names(kd->terms, kd->nterms, names));
	return NULL;
}

/*
 * read the value of key kname of term td into t: a risk's scope, strategy,
 * an entry's mode or a numeric key; *given marks the key slots read,
 * *have_special a strategy or mode
 */
static bool
take_key_value(Parser *p, Ctx *ctx, const AbzTermDef *td, AbzTerm *t, const char *kname,
			   size_t kn, unsigned *given, bool *have_special)
{
	const AbzKeyDef *key;
	bool		is_strategy = p->kind == ABZ_KIND_RISK && name_is(kname, kn, "strategy");
	bool		is_mode = p->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY &&
		name_is(kname, kn, "mode");

	if (p->kind == ABZ_KIND_RISK && name_is(kname, kn, "scope"))
	{
		if (*given & (1u << RK_SCOPE))
			return abz_gram_dom_error(p, ctx, "key \"%s\" is given twice", kname, kn);
		*given |= 1u << RK_SCOPE;
		return abz_gram_take_scope(p, ctx, t);
	}
	if (is_strategy || is_mode)
	{
		if (*have_special)
			return abz_gram_dom_error(p, ctx, "key \"%s\" is given twice", kname, kn);
		*have_special = true;
		return is_strategy ? abz_gram_take_strategy(p, ctx, t) : abz_gram_take_mode(p, ctx, t);
	}
	key = abz_gram_find_key(td, kname, kn);
	if (key == NULL)
		return unknown_key(p, ctx, td, kname, kn, t->term);
	if (*given & (1u << key->slot))
		return abz_gram_dom_error(p, ctx, "key \"%s\" is given twice", kname, kn);
	*given |= 1u << key->slot;
	return abz_gram_take_param(p, ctx, key, &t->key[key->slot]);
}

/* read one key=value argument of term td into t (see take_key_value) */
static bool
take_term_arg(Parser *p, Ctx *ctx, const AbzTermDef *td, AbzTerm *t, unsigned *given,
			  bool *have_special)
{
	size_t		kn;
	const char *kname;

	ctx->key[0] = '\0';
	if (at_number(p) || at_special(p))
	{
		abz_gram_dom_error(p, ctx, "arguments of a term are key=value", NULL, 0);
		snprintf(p->err->hint, sizeof(p->err->hint),
				 "Write numbers without thousands separators (1000 or 1k): "
				 "a comma separates key=value arguments.");
		return false;
	}
	kname = take_name(p, &kn);
	copy_name(ctx->key, sizeof(ctx->key), kname, kn);
	p->pos++;					/* '=' */
	skip_ws(p);
	return take_key_value(p, ctx, td, t, kname, kn, given, have_special);
}

/*
 * the definition whose defaults complete an entry term of td: its mode's,
 * once every key given is found allowed with that mode; NULL on error
 */
static const AbzTermDef *
entry_mode_def(Parser *p, const Ctx *ctx, const AbzTermDef *td, const AbzTerm *t,
			   unsigned given)
{
	const AbzTermDef *md = &abz_entry_modes[t->sub];

	for (int i = 0; i < td->nkeys; i++)
		if ((given & (1u << td->keys[i].slot)) &&
			abz_gram_find_key(md, td->keys[i].name, strlen(td->keys[i].name)) == NULL)
		{
			abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, td->keys[i].name,
					  "key \"%s\" is not allowed with mode=%s",
					  td->keys[i].name, md->name);
			return NULL;
		}
	return md;
}

/* read one term into t */
bool
abz_gram_take_term(Parser *p, AbzTerm *t)
{
	const AbzTermDef *td;
	unsigned	given = 0;
	bool		have_special = false;
	Ctx			ctx;

	memset(&ctx, 0, sizeof(ctx));
	memset(t, 0, sizeof(*t));
	td = term_def(p, &ctx, t);
	if (td == NULL)
		return false;
	p->pos++;					/* '(' */
	skip_ws(p);
	while (peek(p) != ')')
	{
		if (!take_term_arg(p, &ctx, td, t, &given, &have_special))
			return false;
		if (peek(p) == ',')
		{
			p->pos++;
			skip_ws(p);
		}
	}
	p->pos++;
	skip_ws(p);
	ctx.key[0] = '\0';
	if (p->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
	{
		td = entry_mode_def(p, &ctx, td, t, given);
		if (td == NULL)
			return false;
	}
	return abz_gram_fill_defaults(p, &ctx, td, t, given, NULL);
}
