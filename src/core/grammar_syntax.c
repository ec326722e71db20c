/*
 * grammar_syntax.c — pass 1 of the value grammar: recognise the generic
 * grammar (terms, key=value arguments, nested calls, numbers) and report
 * syntax errors and limits only, so that a malformed input is always a
 * syntax error whatever its words.
 */
#include <stdio.h>

#include "grammar_int.h"

static bool recognise_call(Parser *p, int depth);

/* recognise a number at the current position */
static bool
recognise_number(Parser *p)
{
	size_t		end;
	NumStatus	st = abz_gram_scan_number(p->s, p->len, p->pos, &end, NULL);

	if (st == NUM_BAD)
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "invalid number");
	if (st == NUM_LONG)
		return abz_gram_text_error(p, ABZ_ERR_LIMIT, "number literal is too long");
	p->pos = end;
	return true;
}

/* recognise the value of a key: a number, a name, or a call */
bool
abz_gram_recognise_value(Parser *p, int depth)
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
	return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected a number, a name or a distribution");
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
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected a key name");
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
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected \"=\" after the key name");
	p->pos++;
	skip_ws(p);
	return abz_gram_recognise_value(p, depth);
}

/* recognise name '(' [arg (',' arg)*] ')' */
static bool
recognise_call(Parser *p, int depth)
{
	size_t		n = name_len(p->s, p->len, p->pos);

	if (depth > ABZ_MAX_DEPTH)
		return abz_gram_text_error(p, ABZ_ERR_LIMIT, "nesting is too deep");
	if (n == 0)
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected a term name");
	p->pos += n;
	skip_ws(p);
	if (peek(p) != '(')
		return abz_gram_text_error(p, ABZ_ERR_SYNTAX, "expected \"(\" after the name");
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
		abz_gram_text_error(p, ABZ_ERR_SYNTAX,
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
bool
abz_gram_recognise(Parser *p, int *nterms)
{
	*nterms = 0;
	skip_ws(p);
	if (p->pos >= p->len)
		return true;
	for (;;)
	{
		if (*nterms >= ABZ_MAX_TERMS)
			return abz_gram_text_error(p, ABZ_ERR_LIMIT, "more than 64 terms");
		if (!recognise_call(p, 1))
			return false;
		(*nterms)++;
		skip_ws(p);
		if (p->pos >= p->len)
			return true;
		if (peek(p) != '+')
			return abz_gram_text_error(p, ABZ_ERR_SYNTAX,
									   peek(p) == ')' ? "unbalanced parentheses" :
									   "expected \"+\" or the end of input");
		p->pos++;
		skip_ws(p);
	}
}
