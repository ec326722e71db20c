/*
 * grammar_lex.c — the tokens of the value grammar: number literals with
 * their suffixes (k, M, B, %), and the errors that point into the text
 * (syntax and limit errors with a snippet, domain errors naming the term
 * and key).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar_int.h"

/* skip digits [. digits] from *i; the number of digits */
static size_t
scan_digits(const char *s, size_t len, size_t *i)
{
	size_t		ndigits = 0;

	while (*i < len && is_digit(s[*i]))
		(*i)++, ndigits++;
	if (*i < len && s[*i] == '.')
	{
		(*i)++;
		while (*i < len && is_digit(s[*i]))
			(*i)++, ndigits++;
	}
	return ndigits;
}

/*
 * Scan an exponent e [+-] digits at *i into *exp10 (none: nothing read).
 * False if the e has no digits; *i is then past what was read.
 */
static bool
scan_exponent(const char *s, size_t len, size_t *i, long *exp10)
{
	size_t		j = *i + 1;
	int			sign = 1;
	size_t		nexp = 0;
	long		e = 0;

	if (!(*i < len && (s[*i] == 'e' || s[*i] == 'E')))
		return true;
	if (j < len && (s[j] == '+' || s[j] == '-'))
		sign = s[j++] == '-' ? -1 : 1;
	while (j < len && is_digit(s[j]))
	{
		if (e < 100000)
			e = e * 10 + (s[j] - '0');
		j++, nexp++;
	}
	*i = j;
	if (nexp == 0)
		return false;
	*exp10 = e * sign;
	return true;
}

/* the power of ten of a suffix k, M, B or % at *i, stepping over it (0 if none) */
static int
scan_suffix(const char *s, size_t len, size_t *i)
{
	if (*i >= len)
		return 0;
	switch (s[*i])
	{
		case 'k':
		case 'K':
			(*i)++;
			return 3;
		case 'm':
		case 'M':
			(*i)++;
			return 6;
		case 'b':
		case 'B':
			(*i)++;
			return 9;
		case '%':
			(*i)++;
			return -2;
	}
	return 0;
}

/*
 * Convert the mantissa text (n bytes) times 10^exp10 into *out: rebuilt as
 * mantissa e exponent so that suffixes scale exactly.
 */
static NumStatus
convert_number(const char *mant, size_t n, long exp10, double *out)
{
	char		buf[ABZ_MAX_NUMLEN + 32];
	double		v;

	snprintf(buf, sizeof(buf), "%.*se%ld", (int) n, mant, exp10);
	errno = 0;
	v = strtod(buf, NULL);
	if (isinf(v) || isnan(v))
		return NUM_RANGE;
	*out = v + 0.0;				/* -0 becomes 0 */
	return NUM_OK;
}

/*
 * Scan a number literal at pos: [+-] digits [. digits] [e [+-] digits]
 * [k|K|m|M|b|B|%].  Sets *end; converts into *out when out is not NULL.
 * A signed nan/inf is scanned whole and reported as NUM_SPECIAL.
 */
NumStatus
abz_gram_scan_number(const char *s, size_t len, size_t pos, size_t *end, double *out)
{
	size_t		i = pos;
	size_t		mant_end;
	long		exp10 = 0;
	int			shift;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i < len && is_name_start(s[i]))
	{
		size_t		n = name_len(s, len, i);

		*end = i + n;
		return is_special_name(s + i, n) ? NUM_SPECIAL : NUM_BAD;
	}
	if (scan_digits(s, len, &i) == 0)
	{
		*end = i;
		return NUM_BAD;
	}
	mant_end = i;
	if (!scan_exponent(s, len, &i, &exp10))
	{
		*end = i;
		return NUM_BAD;
	}
	shift = scan_suffix(s, len, &i);
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
	return convert_number(s + pos, mant_end - pos, exp10 + shift, out);
}

/* a syntax or limit error at the current position, with a hint of the text */
bool
abz_gram_text_error(Parser *p, AbzErrCode code, const char *msg)
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

/* a domain error naming the term and key in ctx */
bool
abz_gram_dom_error(Parser *p, const Ctx *ctx, const char *msg, const char *name, size_t n)
{
	char		word[64];

	copy_name(word, sizeof(word), name ? name : "", name ? n : 0);
	abz_error(p->err, ABZ_ERR_DOMAIN, ctx->term, ctx->key, msg, word);
	return false;
}

/* read a number; domain errors for nan/inf and overflow */
bool
abz_gram_take_number(Parser *p, const Ctx *ctx, double *out)
{
	size_t		end;
	size_t		start = p->pos;
	NumStatus	st = abz_gram_scan_number(p->s, p->len, p->pos, &end, out);

	p->pos = end;
	skip_ws(p);
	if (st == NUM_SPECIAL)
		return abz_gram_dom_error(p, ctx, "nan and infinity are not allowed", NULL, 0);
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
