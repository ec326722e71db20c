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
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "spec.h"

#define ABZ_MAX_DEPTH	8		/* nesting of calls inside a term */
#define ABZ_MAX_NUMLEN	400		/* characters of one number literal */

/* Cursor over the input text. */
typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	AbzKind		kind;
	AbzError   *err;
	double		plain_big;		/* first number > 1 of the value without %, or 0 */
} Parser;

/* Outcome of scanning one number literal. */
typedef enum NumStatus
{
	NUM_OK,
	NUM_BAD,					/* malformed: syntax error */
	NUM_LONG,					/* longer than ABZ_MAX_NUMLEN: limit */
	NUM_SPECIAL,				/* nan, inf, infinity (signed): domain error */
	NUM_RANGE					/* overflows a float8: domain error */
} NumStatus;

/* true for the whitespace the grammar skips */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* true for a character that may start a name */
static bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* true for a character that may continue a name */
static bool
is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* true for a decimal digit */
static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* skip whitespace */
static void
skip_ws(Parser *p)
{
	while (p->pos < p->len && is_space(p->s[p->pos]))
		p->pos++;
}

/* the next character, or NUL at the end */
static char
peek(const Parser *p)
{
	return p->pos < p->len ? p->s[p->pos] : '\0';
}

/* length of the name starting at pos (0 if none) */
static size_t
name_len(const char *s, size_t len, size_t pos)
{
	size_t		n = 0;

	if (pos >= len || !is_name_start(s[pos]))
		return 0;
	while (pos + n < len && is_name_char(s[pos + n]))
		n++;
	return n;
}

/* case-insensitive comparison of a name of length n with a lower-case word */
static bool
name_is(const char *name, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(name, word, n) == 0;
}

/* copy a name, lower-cased and truncated, for error fields */
static void
copy_name(char *dst, size_t cap, const char *name, size_t n)
{
	size_t		i;

	for (i = 0; i < n && i + 1 < cap; i++)
		dst[i] = (name[i] >= 'A' && name[i] <= 'Z') ? name[i] - 'A' + 'a' : name[i];
	dst[i] = '\0';
}

/* true if the name is nan, inf or infinity */
static bool
is_special_name(const char *name, size_t n)
{
	return name_is(name, n, "nan") || name_is(name, n, "inf") ||
		name_is(name, n, "infinity");
}

/*
 * Scan a number literal at pos: [+-] digits [. digits] [e [+-] digits]
 * [k|K|m|M|b|B|%].  Sets *end; converts into *out when out is not NULL.
 * A signed nan/inf is scanned whole and reported as NUM_SPECIAL.
 */
static NumStatus
scan_number(const char *s, size_t len, size_t pos, size_t *end, double *out)
{
	size_t		i = pos;
	size_t		mant_start,
				mant_end;
	size_t		ndigits = 0;
	long		exp10 = 0;
	int			shift = 0;
	char		buf[ABZ_MAX_NUMLEN + 32];
	double		v;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i < len && is_name_start(s[i]))
	{
		size_t		n = name_len(s, len, i);

		*end = i + n;
		return is_special_name(s + i, n) ? NUM_SPECIAL : NUM_BAD;
	}
	mant_start = pos;
	while (i < len && is_digit(s[i]))
		i++, ndigits++;
	if (i < len && s[i] == '.')
	{
		i++;
		while (i < len && is_digit(s[i]))
			i++, ndigits++;
	}
	mant_end = i;
	*end = i;
	if (ndigits == 0)
		return NUM_BAD;
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		size_t		j = i + 1;
		int			sign = 1;
		size_t		nexp = 0;

		if (j < len && (s[j] == '+' || s[j] == '-'))
			sign = s[j++] == '-' ? -1 : 1;
		while (j < len && is_digit(s[j]))
		{
			if (exp10 < 100000)
				exp10 = exp10 * 10 + (s[j] - '0');
			j++, nexp++;
		}
		if (nexp == 0)
		{
			*end = j;
			return NUM_BAD;
		}
		exp10 *= sign;
		i = j;
	}
	if (i < len)
	{
		switch (s[i])
		{
			case 'k':
			case 'K':
				shift = 3, i++;
				break;
			case 'm':
			case 'M':
				shift = 6, i++;
				break;
			case 'b':
			case 'B':
				shift = 9, i++;
				break;
			case '%':
				shift = -2, i++;
				break;
		}
	}
	*end = i;
	if (i < len && (is_name_char(s[i]) || s[i] == '.' || s[i] == '%'))
	{
		*end = i + 1;
		return NUM_BAD;
	}
	if (i - pos > ABZ_MAX_NUMLEN)
		return NUM_LONG;
	if (out == NULL)
		return NUM_OK;
	/* rebuild as mantissa e exponent so that suffixes scale exactly */
	snprintf(buf, sizeof(buf), "%.*se%ld", (int) (mant_end - mant_start),
			 s + mant_start, exp10 + shift);
	errno = 0;
	v = strtod(buf, NULL);
	if (isinf(v) || isnan(v))
		return NUM_RANGE;
	*out = v + 0.0;				/* -0 becomes 0 */
	return NUM_OK;
}

/* a syntax or limit error at the current position, with a hint of the text */
static bool
text_error(Parser *p, AbzErrCode code, const char *msg)
{
	size_t		n = p->len - p->pos;

	abz_error(p->err, code, NULL, NULL, "%s", msg);
	if (p->pos >= p->len)
		snprintf(p->err->detail, sizeof(p->err->detail), "at end of input");
	else
	{
		char		snippet[24];
		size_t		k;

		/* printable ASCII only, so the detail is valid in any encoding */
		for (k = 0; k < n && k < 20; k++)
		{
			unsigned char c = (unsigned char) p->s[p->pos + k];

			snippet[k] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
		}
		snippet[k] = '\0';
		snprintf(p->err->detail, sizeof(p->err->detail),
				 "at character %zu: \"%s%s\"", p->pos + 1, snippet, n > 20 ? "..." : "");
	}
	return false;
}

/* ---- pass 1: the generic grammar ---- */

static bool recognise_call(Parser *p, int depth);

/* recognise a number at the current position */
static bool
recognise_number(Parser *p)
{
	size_t		end;
	NumStatus	st = scan_number(p->s, p->len, p->pos, &end, NULL);

	if (st == NUM_BAD)
		return text_error(p, ABZ_ERR_SYNTAX, "invalid number");
	if (st == NUM_LONG)
		return text_error(p, ABZ_ERR_LIMIT, "number literal is too long");
	p->pos = end;
	return true;
}

/* recognise the value of a key: a number, a name, or a call */
static bool
recognise_value(Parser *p, int depth)
{
	char		c = peek(p);

	if (is_name_start(c))
	{
		size_t		save = p->pos;

		p->pos += name_len(p->s, p->len, p->pos);
		skip_ws(p);
		if (peek(p) == '(')
		{
			p->pos = save;
			return recognise_call(p, depth + 1);
		}
		return true;
	}
	if (is_digit(c) || c == '.' || c == '+' || c == '-')
		return recognise_number(p);
	return text_error(p, ABZ_ERR_SYNTAX, "expected a number, a name or a distribution");
}

/* recognise one argument of a call: key=value or a positional number */
static bool
recognise_arg(Parser *p, int depth)
{
	size_t		n = name_len(p->s, p->len, p->pos);

	if (n == 0)
	{
		char		c = peek(p);

		if (is_digit(c) || c == '.' || c == '+' || c == '-')
			return recognise_number(p);
		return text_error(p, ABZ_ERR_SYNTAX, "expected a key name");
	}
	if (is_special_name(p->s + p->pos, n))
	{
		/* a positional nan or inf reads as a number, rejected by pass 2 */
		size_t		save = p->pos;

		p->pos += n;
		skip_ws(p);
		if (peek(p) != '=')
			return true;
		p->pos = save;
	}
	p->pos += n;
	skip_ws(p);
	if (peek(p) != '=')
		return text_error(p, ABZ_ERR_SYNTAX, "expected \"=\" after the key name");
	p->pos++;
	skip_ws(p);
	return recognise_value(p, depth);
}

/* recognise name '(' [arg (',' arg)*] ')' */
static bool
recognise_call(Parser *p, int depth)
{
	size_t		n = name_len(p->s, p->len, p->pos);

	if (depth > ABZ_MAX_DEPTH)
		return text_error(p, ABZ_ERR_LIMIT, "nesting is too deep");
	if (n == 0)
		return text_error(p, ABZ_ERR_SYNTAX, "expected a term name");
	p->pos += n;
	skip_ws(p);
	if (peek(p) != '(')
		return text_error(p, ABZ_ERR_SYNTAX, "expected \"(\" after the name");
	p->pos++;
	skip_ws(p);
	if (peek(p) == ')')
	{
		p->pos++;
		return true;
	}
	for (;;)
	{
		if (!recognise_arg(p, depth))
			return false;
		skip_ws(p);
		if (peek(p) == ',')
		{
			p->pos++;
			skip_ws(p);
			continue;
		}
		if (peek(p) == ')')
		{
			p->pos++;
			return true;
		}
		text_error(p, ABZ_ERR_SYNTAX,
				   p->pos >= p->len ? "unbalanced parentheses" :
				   "expected \",\" or \")\"");
		if (p->pos < p->len)
			snprintf(p->err->hint, sizeof(p->err->hint),
					 "A number takes only the suffixes k, M, B or %%; "
					 "currency signs and units are not part of a value.");
		return false;
	}
}

/* recognise a whole value; counts its terms into *nterms */
static bool
recognise(Parser *p, int *nterms)
{
	*nterms = 0;
	skip_ws(p);
	if (p->pos >= p->len)
		return true;
	for (;;)
	{
		if (*nterms >= ABZ_MAX_TERMS)
			return text_error(p, ABZ_ERR_LIMIT, "more than 64 terms");
		if (!recognise_call(p, 1))
			return false;
		(*nterms)++;
		skip_ws(p);
		if (p->pos >= p->len)
			return true;
		if (peek(p) != '+')
			return text_error(p, ABZ_ERR_SYNTAX,
							  peek(p) == ')' ? "unbalanced parentheses" :
							  "expected \"+\" or the end of input");
		p->pos++;
		skip_ws(p);
	}
}

/* ---- pass 2: interpretation against the schema ---- */

/* Names of the term and key being read, for error messages. */
typedef struct Ctx
{
	char		term[32];
	char		key[32];
} Ctx;

/* a domain error naming the term and key in ctx */
static bool
dom_error(Parser *p, const Ctx *ctx, const char *msg, const char *name, size_t n)
{
	char		word[64];

	copy_name(word, sizeof(word), name ? name : "", name ? n : 0);
	abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, ctx->key, msg, word);
	return false;
}

/* read a name at the current position (well-formed after pass 1) */
static const char *
take_name(Parser *p, size_t *n)
{
	const char *name = p->s + p->pos;

	*n = name_len(p->s, p->len, p->pos);
	p->pos += *n;
	skip_ws(p);
	return name;
}

/* read a number; domain errors for nan/inf and overflow */
static bool
take_number(Parser *p, const Ctx *ctx, double *out)
{
	size_t		end;
	size_t		start = p->pos;
	NumStatus	st = scan_number(p->s, p->len, p->pos, &end, out);

	p->pos = end;
	skip_ws(p);
	if (st == NUM_SPECIAL)
		return dom_error(p, ctx, "nan and infinity are not allowed", NULL, 0);
	if (st != NUM_OK)
	{
		char		lit[40];
		size_t		n = end - start;

		snprintf(lit, sizeof(lit), "%.*s%s", (int) (n > 24 ? 24 : n),
				 p->s + start, n > 24 ? "..." : "");
		abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, ctx->key,
				  "value %s is out of range for float8", lit);
		return false;
	}
	if (out != NULL && *out > 1 && p->s[end - 1] != '%' && p->plain_big == 0)
		p->plain_big = *out;
	return true;
}

/* true if the next character starts a number */
static bool
at_number(const Parser *p)
{
	char		c = peek(p);

	return is_digit(c) || c == '.' || c == '+' || c == '-';
}

/* true if a nan or inf name (a positional number to reject) comes next */
static bool
at_special(const Parser *p)
{
	size_t		n = name_len(p->s, p->len, p->pos);
	size_t		i = p->pos + n;

	if (n == 0 || !is_special_name(p->s + p->pos, n))
		return false;
	while (i < p->len && is_space(p->s[i]))
		i++;
	return i >= p->len || p->s[i] != '=';
}

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
			return dom_error(p, ctx, "the arguments of a distribution must be numbers",
							 NULL, 0);
		if (!take_number(p, ctx, n < 3 ? &v[n] : &extra))
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
		return take_number(p, ctx, &out->a);
	name = take_name(p, &n);
	if (peek(p) == '(')
	{
		for (int d = 1; d < ABZ_NDIST; d++)
			if (name_is(name, n, abz_dist_names[d]))
				return take_dist(p, ctx, d, out);
		dom_error(p, ctx, "unknown distribution \"%s\"", name, n);
		abz_suggest(p->err, "distributions", name, n, abz_dist_names + 1, ABZ_NDIST - 1);
		return false;
	}
	if (is_special_name(name, n))
		return dom_error(p, ctx, "nan and infinity are not allowed", NULL, 0);
	for (int d = 1; d < ABZ_NDIST; d++)
		if (name_is(name, n, abz_dist_names[d]))
			return dom_error(p, ctx, "distribution \"%s\" needs its arguments", name, n);
	return dom_error(p, ctx, "expected a number or a distribution, got \"%s\"", name, n);
}

/*
 * read the value of key kd (NULL if unknown): a rate whose domain admits
 * values above 1 given a plain number above 1 gets a warning
 */
static bool
take_param(Parser *p, const Ctx *ctx, const AbzKeyDef *kd, AbzParam *out)
{
	p->plain_big = 0;
	if (!take_param_raw(p, ctx, out))
		return false;
	if (p->plain_big > 0 && abz_key_rate_open(kd))
		abz_warn_rate(p->err, ctx->term, ctx->key, kd, p->plain_big);
	return true;
}

/* find a key by name in a term definition */
static const AbzKeyDef *
find_key(const AbzTermDef *td, const char *name, size_t n)
{
	for (int i = 0; i < td->nkeys; i++)
		if (name_is(name, n, td->keys[i].name))
			return &td->keys[i];
	return NULL;
}

/* fill the keys of td that were not given with their defaults; check required ones */
static bool
fill_defaults(Parser *p, Ctx *ctx, const AbzTermDef *td, AbzTerm *t,
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

/* read strategy=name or name(key=value, ...) of a risk term */
static bool
take_strategy(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;
	const AbzTermDef *sd = NULL;
	unsigned	given = 0;

	if (at_number(p))
		return dom_error(p, ctx, "strategy must be accept, mitigate, transfer or avoid",
						 NULL, 0);
	name = take_name(p, &n);
	for (int s = 0; s < ABZ_STRAT_N; s++)
		if (name_is(name, n, abz_strategies[s].name))
		{
			sd = &abz_strategies[s];
			t->sub = (uint8_t) s;
		}
	if (sd == NULL)
	{
		const char *names[ABZ_STRAT_N];

		dom_error(p, ctx, "unknown strategy \"%s\"", name, n);
		abz_suggest(p->err, "strategies", name, n, names,
					abz_term_names(abz_strategies, ABZ_STRAT_N, names));
		return false;
	}
	if (peek(p) == '(')
	{
		p->pos++;
		skip_ws(p);
		while (peek(p) != ')')
		{
			const AbzKeyDef *kd;
			size_t		kn;
			const char *kname;

			if (at_number(p) || at_special(p))
				return dom_error(p, ctx, "the arguments of a strategy are key=value", NULL, 0);
			kname = take_name(p, &kn);
			kd = find_key(sd, kname, kn);
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
			if (given & (1u << kd->slot))
			{
				char		kname[32];

				snprintf(kname, sizeof(kname), "strategy.%s", kd->name);
				abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, kname,
						  "key \"%s\" of %s() is given twice", kd->name, sd->name);
				return false;
			}
			given |= 1u << kd->slot;
			p->pos++;			/* '=' */
			skip_ws(p);
			if (!take_param(p, ctx, kd, &t->key[kd->slot]))
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
	return fill_defaults(p, ctx, sd, t, given, sd->name);
}

/* read mode=direct|channel|jv of a plan entry term */
static bool
take_mode(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;

	if (at_number(p))
		return dom_error(p, ctx, "mode must be direct, channel or jv", NULL, 0);
	name = take_name(p, &n);
	if (peek(p) == '(')
		return dom_error(p, ctx, "mode \"%s\" takes no arguments", name, n);
	for (int m = 0; m < ABZ_ENTRY_N; m++)
		if (name_is(name, n, abz_entry_modes[m].name))
		{
			t->sub = (uint8_t) m;
			return true;
		}
	{
		const char *names[ABZ_ENTRY_N];

		dom_error(p, ctx, "unknown mode \"%s\"", name, n);
		abz_suggest(p->err, "entry modes", name, n, names,
					abz_term_names(abz_entry_modes, ABZ_ENTRY_N, names));
		return false;
	}
}

/* read scope=company|market of a risk term into its RK_SCOPE slot (0 or 1) */
static bool
take_scope(Parser *p, Ctx *ctx, AbzTerm *t)
{
	size_t		n;
	const char *name;

	if (at_number(p) || at_special(p))
		return dom_error(p, ctx, "scope must be company or market", NULL, 0);
	name = take_name(p, &n);
	if (peek(p) == '(')
		return dom_error(p, ctx, "scope \"%s\" takes no arguments", name, n);
	memset(&t->key[RK_SCOPE], 0, sizeof(AbzParam));
	if (name_is(name, n, "market"))
		t->key[RK_SCOPE].a = 1.0;
	else if (!name_is(name, n, "company"))
		return dom_error(p, ctx, "unknown scope \"%s\": scope must be company or market",
						 name, n);
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

	dom_error(p, ctx, "unknown key \"%s\"", kname, kn);
	snprintf(what, sizeof(what), "keys of %s", td->name);
	abz_suggest(p->err, what, kname, kn, names, abz_key_names(td, extra, names));
	return false;
}

/* read one term into t */
static bool
take_term(Parser *p, AbzTerm *t)
{
	const AbzKindDef *kd = &abz_kinds[p->kind];
	const AbzTermDef *td = NULL;
	size_t		n;
	const char *name = take_name(p, &n);
	unsigned	given = 0;
	bool		have_special = false;
	Ctx			ctx;

	memset(&ctx, 0, sizeof(ctx));
	memset(t, 0, sizeof(*t));
	copy_name(ctx.term, sizeof(ctx.term), name, n);
	for (int i = 0; i < kd->nterms; i++)
		if (name_is(name, n, kd->terms[i].name))
		{
			td = &kd->terms[i];
			t->term = (uint8_t) i;
		}
	if (td == NULL)
	{
		char		what[48];
		const char *names[ABZ_MAX_TERMS];

		abz_error(p->err, ABZ_ERR_DOMAIN, ctx.term, NULL, "unknown term \"%s\"", ctx.term);
		snprintf(what, sizeof(what), "terms of %s", kd->type_name);
		abz_suggest(p->err, what, name, n, names, abz_term_names(kd->terms, kd->nterms, names));
		return false;
	}
	p->pos++;					/* '(' */
	skip_ws(p);
	while (peek(p) != ')')
	{
		const AbzKeyDef *key;
		size_t		kn;
		const char *kname;
		bool		is_strategy,
					is_mode;

		ctx.key[0] = '\0';
		if (at_number(p) || at_special(p))
		{
			dom_error(p, &ctx, "arguments of a term are key=value", NULL, 0);
			snprintf(p->err->hint, sizeof(p->err->hint),
					 "Write numbers without thousands separators (1000 or 1k): "
					 "a comma separates key=value arguments.");
			return false;
		}
		kname = take_name(p, &kn);
		copy_name(ctx.key, sizeof(ctx.key), kname, kn);
		p->pos++;				/* '=' */
		skip_ws(p);
		is_strategy = p->kind == ABZ_KIND_RISK && name_is(kname, kn, "strategy");
		is_mode = p->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY &&
			name_is(kname, kn, "mode");
		if (p->kind == ABZ_KIND_RISK && name_is(kname, kn, "scope"))
		{
			if (given & (1u << RK_SCOPE))
				return dom_error(p, &ctx, "key \"%s\" is given twice", kname, kn);
			given |= 1u << RK_SCOPE;
			if (!take_scope(p, &ctx, t))
				return false;
		}
		else if (is_strategy || is_mode)
		{
			if (have_special)
				return dom_error(p, &ctx, "key \"%s\" is given twice", kname, kn);
			have_special = true;
			if (!(is_strategy ? take_strategy(p, &ctx, t) : take_mode(p, &ctx, t)))
				return false;
		}
		else
		{
			key = find_key(td, kname, kn);
			if (key == NULL)
				return unknown_key(p, &ctx, td, kname, kn, t->term);
			if (given & (1u << key->slot))
				return dom_error(p, &ctx, "key \"%s\" is given twice", kname, kn);
			given |= 1u << key->slot;
			if (!take_param(p, &ctx, key, &t->key[key->slot]))
				return false;
		}
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
		const AbzTermDef *md = &abz_entry_modes[t->sub];

		for (int i = 0; i < td->nkeys; i++)
			if ((given & (1u << td->keys[i].slot)) && find_key(md, td->keys[i].name,
															   strlen(td->keys[i].name)) == NULL)
			{
				abz_error(p->err, ABZ_ERR_DOMAIN, ctx.term, td->keys[i].name,
						  "key \"%s\" is not allowed with mode=%s",
						  td->keys[i].name, md->name);
				return false;
			}
		td = md;
	}
	return fill_defaults(p, &ctx, td, t, given, NULL);
}

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
 * out, which has room for ABZ_MAX_TERMS terms.  Fills defaults, sorts terms
 * into canonical order and validates.  Returns false and fills err on error.
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
	if (!recognise(&p, &nterms))
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
		if (!take_term(&p, &out->terms[i]))
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
		return text_error(p, ABZ_ERR_SYNTAX, "empty input, a value is required");
	if (!recognise_value(p, 1))
		return false;
	skip_ws(p);
	if (p->pos < p->len)
		return text_error(p, ABZ_ERR_SYNTAX, "expected the end of input");
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
	return take_param(&p, &ctx, kd, out);
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
	return take_strategy(&p, &ctx, t);
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
	return take_scope(&p, &ctx, t);
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
	if (!take_mode(&p, &ctx, t))
		return false;
	memset(t->key, 0, sizeof(t->key));
	md = &abz_entry_modes[t->sub];
	for (int i = 0; i < md->nkeys; i++)
		t->key[md->keys[i].slot].a = md->keys[i].def;
	return true;
}
