/*
 * grammar_param.c — pass 2 of the value grammar, the values of keys: a
 * number or a distribution with its positional arguments (and the warning
 * for a rate above 1 written without %), a risk term's strategy with its
 * arguments, a plan entry's mode and a risk's scope.
 */
#include <stdio.h>
#include <string.h>

#include "grammar_int.h"

/* read a distribution's positional arguments after its name */
static bool
take_dist(Parser *p, const Ctx *ctx, int dist, AbzParam *out)
{
	double		v[3] = {0, 0, 0};
	double		extra;
	int			n = 0;

	p->pos++;					/* '(' */
	skip_ws(p);
	while (peek(p) != ')')
	{
		if (!at_number(p) && !at_special(p))
			return abz_gram_dom_error(p, ctx,
									  "the arguments of a distribution must be numbers",
									  NULL, 0);
		if (!abz_gram_take_number(p, ctx, n < 3 ? &v[n] : &extra))
			return false;
		n++;
		if (peek(p) == ',')
		{
			p->pos++;
			skip_ws(p);
		}
	}
	p->pos++;
	skip_ws(p);
	if (n != abz_dist_arity[dist])
	{
		abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, ctx->key,
				  "%s takes %d arguments, got %d", abz_dist_names[dist],
				  abz_dist_arity[dist], n);
		return false;
	}
	memset(out, 0, sizeof(*out));
	out->dist = (uint8_t) dist;
	out->a = v[0];
	out->b = v[1];
	out->c = v[2];
	return true;
}

/*
 * Write v * 100 for a message, with thousands separators ("3,000").
 */
static void
percent_text(double v, char *buf, size_t cap)
{
	char		raw[64];
	char	   *dot;
	size_t		intlen,
				o = 0;

	snprintf(raw, sizeof(raw), "%.10g", v * 100);
	if (strchr(raw, 'e') != NULL)
	{
		snprintf(buf, cap, "%s", raw);
		return;
	}
	dot = strchr(raw, '.');
	intlen = dot ? (size_t) (dot - raw) : strlen(raw);
	for (size_t i = 0; raw[i] != '\0' && o + 2 < cap; i++)
	{
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

/*
 * Add a warning to err that key=v (written without %) is read as v * 100
 * percent; v > 1.
 */
void
abz_warn_rate(AbzError *err, const char *term, const char *key,
			  const AbzKeyDef *kd, double v)
{
	AbzWarning *w;
	char		val[32],
				pct[64];
	const char *per = abz_key_per(kd);

	if (err->nwarn++ >= ABZ_MAX_WARN)
		return;
	w = &err->warn[err->nwarn - 1];
	abz_num_shortest(v, val);
	percent_text(v, pct, sizeof(pct));
	snprintf(w->term, sizeof(w->term), "%s", term ? term : "");
	snprintf(w->key, sizeof(w->key), "%s", key ? key : "");
	snprintf(w->msg, sizeof(w->msg), "%s=%s means %s %%%s%s; write %s%% for %s percent",
			 kd->name, val, pct, per[0] ? " " : "", per, val, val);
	snprintf(w->hint, sizeof(w->hint),
			 "A rate is a fraction: 0.05 and 5%% both mean five percent.  "
			 "Output prints a rate above 1 with %%, so reading it back does not warn.");
}

/* read a numeric key's value: a number or a distribution */
static bool
take_param_raw(Parser *p, const Ctx *ctx, AbzParam *out)
{
	size_t		n;
	const char *name;

	memset(out, 0, sizeof(*out));
	if (at_number(p))
		return abz_gram_take_number(p, ctx, &out->a);
	name = take_name(p, &n);
	if (peek(p) == '(')
	{
		for (int d = 1; d < ABZ_NDIST; d++)
			if (name_is(name, n, abz_dist_names[d]))
				return take_dist(p, ctx, d, out);
		abz_gram_dom_error(p, ctx, "unknown distribution \"%s\"", name, n);
		abz_suggest(p->err, "distributions", name, n, abz_dist_names + 1, ABZ_NDIST - 1);
		return false;
	}
	if (is_special_name(name, n))
		return abz_gram_dom_error(p, ctx, "nan and infinity are not allowed", NULL, 0);
	for (int d = 1; d < ABZ_NDIST; d++)
		if (name_is(name, n, abz_dist_names[d]))
			return abz_gram_dom_error(p, ctx, "distribution \"%s\" needs its arguments", name, n);
	return abz_gram_dom_error(p, ctx, "expected a number or a distribution, got \"%s\"", name, n);
}

/*
 * read the value of key kd (NULL if unknown): a rate whose domain admits
 * values above 1 given a plain number above 1 gets a warning
 */
bool
abz_gram_take_param(Parser *p, const Ctx *ctx, const AbzKeyDef *kd, AbzParam *out)
{
	p->plain_big = 0;
	if (!take_param_raw(p, ctx, out))
		return false;
	if (p->plain_big > 0 && abz_key_rate_open(kd))
		abz_warn_rate(p->err, ctx->term, ctx->key, kd, p->plain_big);
	return true;
}

/* read a strategy's name and find its definition (t->sub set); NULL on error */
static const AbzTermDef *
strategy_def(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;
	const AbzTermDef *sd = NULL;
	const char *names[ABZ_STRAT_N];

	if (at_number(p))
	{
		abz_gram_dom_error(p, ctx, "strategy must be accept, mitigate, transfer or avoid",
						   NULL, 0);
		return NULL;
	}
	name = take_name(p, &n);
	for (int s = 0; s < ABZ_STRAT_N; s++)
		if (name_is(name, n, abz_strategies[s].name))
		{
			sd = &abz_strategies[s];
			t->sub = (uint8_t) s;
		}
	if (sd != NULL)
		return sd;
	abz_gram_dom_error(p, ctx, "unknown strategy \"%s\"", name, n);
	abz_suggest(p->err, "strategies", name, n, names,
				abz_term_names(abz_strategies, ABZ_STRAT_N, names));
	return NULL;
}

/* read one key=value argument of strategy sd into t; *given marks its slot */
static bool
take_strategy_arg(Parser *p, Ctx *ctx, const AbzTermDef *sd, AbzTerm *t, unsigned *given)
{
	const AbzKeyDef *kd;
	size_t		kn;
	const char *kname;

	if (at_number(p) || at_special(p))
		return abz_gram_dom_error(p, ctx, "the arguments of a strategy are key=value",
								  NULL, 0);
	kname = take_name(p, &kn);
	kd = abz_gram_find_key(sd, kname, kn);
	if (kd == NULL)
	{
		char		word[32];
		char		what[48];
		const char *names[ABZ_MAX_KEYS];

		copy_name(word, sizeof(word), kname, kn);
		abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, "strategy",
				  "unknown key \"%s\" of %s()", word, sd->name);
		snprintf(what, sizeof(what), "keys of %s", sd->name);
		abz_suggest(p->err, what, kname, kn, names, abz_key_names(sd, NULL, names));
		return false;
	}
	if (*given & (1u << kd->slot))
	{
		char		path[32];

		snprintf(path, sizeof(path), "strategy.%s", kd->name);
		abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, path,
				  "key \"%s\" of %s() is given twice", kd->name, sd->name);
		return false;
	}
	*given |= 1u << kd->slot;
	p->pos++;					/* '=' */
	skip_ws(p);
	return abz_gram_take_param(p, ctx, kd, &t->key[kd->slot]);
}

/* read strategy=name or name(key=value, ...) of a risk term */
bool
abz_gram_take_strategy(Parser *p, Ctx *ctx, AbzTerm *t)
{
	const AbzTermDef *sd = strategy_def(p, ctx, t);
	unsigned	given = 0;

	if (sd == NULL)
		return false;
	if (peek(p) == '(')
	{
		p->pos++;
		skip_ws(p);
		while (peek(p) != ')')
		{
			if (!take_strategy_arg(p, ctx, sd, t, &given))
				return false;
			if (peek(p) == ',')
			{
				p->pos++;
				skip_ws(p);
			}
		}
		p->pos++;
		skip_ws(p);
	}
	return abz_gram_fill_defaults(p, ctx, sd, t, given, sd->name);
}

/* read mode=direct|channel|jv of a plan entry term */
bool
abz_gram_take_mode(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;

	if (at_number(p))
		return abz_gram_dom_error(p, ctx, "mode must be direct, channel or jv", NULL, 0);
	name = take_name(p, &n);
	if (peek(p) == '(')
		return abz_gram_dom_error(p, ctx, "mode \"%s\" takes no arguments", name, n);
	for (int m = 0; m < ABZ_ENTRY_N; m++)
		if (name_is(name, n, abz_entry_modes[m].name))
		{
			t->sub = (uint8_t) m;
			return true;
		}
	{
		const char *names[ABZ_ENTRY_N];

		abz_gram_dom_error(p, ctx, "unknown mode \"%s\"", name, n);
		abz_suggest(p->err, "entry modes", name, n, names,
					abz_term_names(abz_entry_modes, ABZ_ENTRY_N, names));
		return false;
	}
}

/* read scope=company|market of a risk term into its RK_SCOPE slot (0 or 1) */
bool
abz_gram_take_scope(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;

	if (at_number(p) || at_special(p))
		return abz_gram_dom_error(p, ctx, "scope must be company or market", NULL, 0);
	name = take_name(p, &n);
	if (peek(p) == '(')
		return abz_gram_dom_error(p, ctx, "scope \"%s\" takes no arguments", name, n);
	memset(&t->key[RK_SCOPE], 0, sizeof(AbzParam));
	if (name_is(name, n, "market"))
		t->key[RK_SCOPE].a = 1.0;
	else if (!name_is(name, n, "company"))
		return abz_gram_dom_error(p, ctx,
								  "unknown scope \"%s\": scope must be company or market",
								  name, n);
	return true;
}
