/*
 * grammar.c — the value grammar shared by revenue_model, risk_profile and
 * plan (docs/types.md): text in, canonical AbzSpec out.
 *
 * Parsing runs in two passes over the text.  The first recognises the
 * generic grammar (terms, key=value arguments, nested calls, numbers) and
 * reports syntax errors and limits only, so a malformed input is always a
 * syntax error whatever its words.  The second pass walks the now
 * well-formed text again and interprets it against the schema tables of
 * schema.c: term and key names, distributions, strategies, entry modes.
 * Defaults are filled, terms are sorted into canonical order and the result
 * is checked by abz_validate(), which also owns every domain check.
 *
 * This file holds the entry points: a whole value (abz_parse), one
 * argument on its own for overrides (abz_parse_param, abz_parse_strategy,
 * abz_parse_scope, abz_parse_mode) and the canonical order of terms.  The
 * tokens are in grammar_lex.c, pass 1 in grammar_syntax.c, terms and keys
 * in grammar_term.c, the values of keys in grammar_param.c.
 */
#include <stdio.h>
#include <string.h>

#include "grammar_int.h"

/* the sort key of a term: its code, rounds also by month */
static int
term_cmp(const AbzTerm *x, const AbzTerm *y, AbzKind kind)
{
	if (x->term != y->term)
		return x->term < y->term ? -1 : 1;
	if (kind == ABZ_KIND_PLAN && x->term == ABZ_PLAN_ROUND)
	{
		double		mx = x->key[ROUND_MONTH].a,
					my = y->key[ROUND_MONTH].a;

		if (mx != my)
			return mx < my ? -1 : 1;
	}
	return 0;
}

/* stable insertion sort of the terms into canonical order */
void
abz_sort_terms(AbzSpec *s)
{
	AbzTerm		tmp;

	for (int i = 1; i < s->nterms; i++)
	{
		int			j = i;

		memcpy(&tmp, &s->terms[i], sizeof(tmp));
		while (j > 0 && term_cmp(&s->terms[j - 1], &tmp, s->kind) > 0)
		{
			memcpy(&s->terms[j], &s->terms[j - 1], sizeof(tmp));
			j--;
		}
		memcpy(&s->terms[j], &tmp, sizeof(tmp));
	}
}

/*
 * Parse text (len bytes, need not be NUL-terminated) as a value of kind into
 * out, which has room for ABZ_MAX_TERMS terms and need not be zeroed (the
 * terms filled are zeroed first).  Fills defaults, sorts terms into
 * canonical order and validates.  Returns false and fills err on error.
 */
bool
abz_parse(AbzKind kind, const char *text, size_t len, AbzSpec *out, AbzError *err)
{
	Parser		p;
	int			nterms;

	memset(err, 0, sizeof(*err));
	if (kind < ABZ_KIND_REVENUE || kind > ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "unknown value kind %d", (int) kind);
	if (len > ABZ_MAX_INPUT)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "input is longer than %d bytes",
				  ABZ_MAX_INPUT);
		snprintf(err->detail, sizeof(err->detail), "the input has %zu bytes", len);
		return false;
	}
	memset(&p, 0, sizeof(p));
	p.s = text;
	p.len = len;
	p.kind = kind;
	p.err = err;
	if (!abz_gram_recognise(&p, &nterms))
		return false;
	if (nterms == 0 && !abz_kinds[kind].allow_empty)
	{
		abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
				  "empty input, at least one term is required");
		return false;
	}
	memset(out, 0, ABZ_SPEC_SIZE(nterms));
	out->version = ABZ_SPEC_VERSION;
	out->kind = (uint8_t) kind;
	out->nterms = (uint16_t) nterms;
	p.pos = 0;
	skip_ws(&p);
	for (int i = 0; i < nterms; i++)
	{
		if (!abz_gram_take_term(&p, &out->terms[i]))
			return false;
		if (peek(&p) == '+')
		{
			p.pos++;
			skip_ws(&p);
		}
	}
	abz_sort_terms(out);
	return abz_validate(out, ABZ_SPEC_SIZE(nterms), err);
}

/* ---- one argument on its own (overrides) ---- */

/*
 * Set up a parser over one argument's text and run pass 1 on it: a number,
 * a name or a call, then the end of the input.
 */
static bool
arg_begin(Parser *p, const char *text, size_t len, AbzError *err)
{
	memset(err, 0, sizeof(*err));
	if (len > ABZ_MAX_INPUT)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "input is longer than %d bytes",
						 ABZ_MAX_INPUT);
	memset(p, 0, sizeof(*p));
	p->s = text;
	p->len = len;
	p->err = err;
	skip_ws(p);
	if (p->pos >= p->len)
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "empty input, a value is required");
	if (!abz_gram_recognise_value(p, 1))
		return false;
	skip_ws(p);
	if (p->pos < p->len)
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected the end of input");
	p->pos = 0;
	skip_ws(p);
	return true;
}

/* the context of an argument's errors */
static void
arg_ctx(Ctx *ctx, const char *term, const char *key)
{
	memset(ctx, 0, sizeof(*ctx));
	snprintf(ctx->term, sizeof(ctx->term), "%s", term ? term : "");
	snprintf(ctx->key, sizeof(ctx->key), "%s", key ? key : "");
}

/*
 * Parse text (len bytes) as the value of one numeric key: a number with an
 * optional suffix, or a distribution.  Errors name term and key.  The
 * domain is not checked here (abz_validate does it on the whole value);
 * kd (may be NULL) only decides the warning of a rate written without %.
 */
bool
abz_parse_param(const char *text, size_t len, const char *term, const char *key,
				const AbzKeyDef *kd, AbzParam *out, AbzError *err)
{
	Parser		p;
	Ctx			ctx;

	if (!arg_begin(&p, text, len, err))
		return false;
	arg_ctx(&ctx, term, key);
	return abz_gram_take_param(&p, &ctx, kd, out);
}

/*
 * Parse text as a risk term's strategy (accept, mitigate(cost=..,
 * effect=..), transfer(premium=.., cover=..), avoid(forgo=..)) into t: its
 * strategy code and argument slots (missing optional arguments at their
 * defaults, required ones an error).
 */
bool
abz_parse_strategy(const char *text, size_t len, const char *term, AbzTerm *t,
				   AbzError *err)
{
	Parser		p;
	Ctx			ctx;

	if (!arg_begin(&p, text, len, err))
		return false;
	arg_ctx(&ctx, term, "strategy");
	memset(&t->key[RK_S1], 0, sizeof(AbzParam) * (RK_S2 - RK_S1 + 1));
	t->sub = 0;
	return abz_gram_take_strategy(&p, &ctx, t);
}

/* Parse text as a risk term's scope (company or market) into its RK_SCOPE slot. */
bool
abz_parse_scope(const char *text, size_t len, const char *term, AbzTerm *t, AbzError *err)
{
	Parser		p;
	Ctx			ctx;

	if (!arg_begin(&p, text, len, err))
		return false;
	arg_ctx(&ctx, term, "scope");
	return abz_gram_take_scope(&p, &ctx, t);
}

/*
 * Parse text as an entry term's mode (direct, channel, jv) into t->sub; the
 * keys the new mode admits are reset to their defaults, the others cleared.
 */
bool
abz_parse_mode(const char *text, size_t len, AbzTerm *t, AbzError *err)
{
	Parser		p;
	Ctx			ctx;
	const AbzTermDef *md;

	if (!arg_begin(&p, text, len, err))
		return false;
	arg_ctx(&ctx, "entry", "mode");
	if (!abz_gram_take_mode(&p, &ctx, t))
		return false;
	memset(t->key, 0, sizeof(t->key));
	md = &abz_entry_modes[t->sub];
	for (int i = 0; i < md->nkeys; i++)
		t->key[md->keys[i].slot].a = md->keys[i].def;
	return true;
}
