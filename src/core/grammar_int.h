/*
 * grammar_int.h — what the files of the value grammar share (grammar.c,
 * grammar_lex.c, grammar_syntax.c, grammar_term.c, grammar_param.c): the
 * cursor over the text, the error context, character classes and the
 * shared steps of the two passes.  Not part of the module's interface.
 */
#ifndef ABZ_GRAMMAR_INT_H
#define ABZ_GRAMMAR_INT_H

#include <stdbool.h>
#include <stddef.h>
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

/* Names of the term and key being read, for error messages. */
typedef struct Ctx
{
	char		term[32];
	char		key[32];
} Ctx;

/* true for the whitespace the grammar skips */
static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* true for a character that may start a name */
static inline bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* true for a character that may continue a name */
static inline bool
is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* true for a decimal digit */
static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* skip whitespace */
static inline void
skip_ws(Parser *p)
{
	while (p->pos < p->len && is_space(p->s[p->pos]))
		p->pos++;
}

/* the next character, or NUL at the end */
static inline char
peek(const Parser *p)
{
	return p->pos < p->len ? p->s[p->pos] : '\0';
}

/* length of the name starting at pos (0 if none) */
static inline size_t
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
static inline bool
name_is(const char *name, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(name, word, n) == 0;
}

/* copy a name, lower-cased and truncated, for error fields */
static inline void
copy_name(char *dst, size_t cap, const char *name, size_t n)
{
	size_t		i;

	for (i = 0; i < n && i + 1 < cap; i++)
		dst[i] = (name[i] >= 'A' && name[i] <= 'Z') ? name[i] - 'A' + 'a' : name[i];
	dst[i] = '\0';
}

/* true if the name is nan, inf or infinity */
static inline bool
is_special_name(const char *name, size_t n)
{
	return name_is(name, n, "nan") || name_is(name, n, "inf") ||
		name_is(name, n, "infinity");
}
/* true if the next character starts a number */
static inline bool
at_number(const Parser *p)
{
	char		c = peek(p);

	return is_digit(c) || c == '.' || c == '+' || c == '-';
}

/* true if a nan or inf name (a positional number to reject) comes next */
static inline bool
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

/* read a name at the current position (well-formed after pass 1) */
static inline const char *
take_name(Parser *p, size_t *n)
{
	const char *name = p->s + p->pos;

	*n = name_len(p->s, p->len, p->pos);
	p->pos += *n;
	skip_ws(p);
	return name;
}

/* ---- numbers and errors (grammar_lex.c) ---- */

/* scan a number literal at pos; converts into *out when out is not NULL */
NumStatus	abz_gram_scan_number(const char *s, size_t len, size_t pos, size_t *end,
								 double *out);

/* a syntax or limit error at the current position, with a hint of the text */
bool		abz_gram_text_error(Parser *p, AbzErrCode code, const char *msg);

/* a domain error naming the term and key in ctx */
bool		abz_gram_dom_error(Parser *p, const Ctx *ctx, const char *msg, const char *name,
							   size_t n);

/* read a number; domain errors for nan/inf and overflow */
bool		abz_gram_take_number(Parser *p, const Ctx *ctx, double *out);

/* ---- pass 1: the generic grammar (grammar_syntax.c) ---- */

/* recognise the value of a key: a number, a name, or a call */
bool		abz_gram_recognise_value(Parser *p, int depth);

/* recognise a whole value; counts its terms into *nterms */
bool		abz_gram_recognise(Parser *p, int *nterms);

/* ---- pass 2: terms and keys (grammar_term.c) ---- */

/* find a key by name in a term definition */
const AbzKeyDef *abz_gram_find_key(const AbzTermDef *td, const char *name, size_t n);

/* fill the keys of td that were not given with their defaults; check required ones */
bool		abz_gram_fill_defaults(Parser *p, Ctx *ctx, const AbzTermDef *td, AbzTerm *t,
								   unsigned given, const char *owner);

/* read one term into t */
bool		abz_gram_take_term(Parser *p, AbzTerm *t);

/* ---- pass 2: the values of keys (grammar_param.c) ---- */

/* read the value of key kd (NULL if unknown), warning of a rate above 1 without % */
bool		abz_gram_take_param(Parser *p, const Ctx *ctx, const AbzKeyDef *kd, AbzParam *out);

/* read strategy=name or name(key=value, ...) of a risk term */
bool		abz_gram_take_strategy(Parser *p, Ctx *ctx, AbzTerm *t);

/* read mode=direct|channel|jv of a plan entry term */
bool		abz_gram_take_mode(Parser *p, Ctx *ctx, AbzTerm *t);

/* read scope=company|market of a risk term into its RK_SCOPE slot (0 or 1) */
bool		abz_gram_take_scope(Parser *p, Ctx *ctx, AbzTerm *t);

#endif							/* ABZ_GRAMMAR_INT_H */
