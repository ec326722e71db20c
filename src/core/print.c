/*
 * print.c — the canonical text of an input value: lower case, terms in
 * canonical order joined by " + ", keys in schema order joined by ", ",
 * defaults omitted (required keys always printed), numbers in the shortest
 * form that reads back to the same float8 (a rate's numbers above 1 as
 * percentages, "3000%" for 30, so that reading them back raises no
 * warning).  abz_parse(abz_format(x)) == x byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "textbuf.h"

/* the output and the number formatter */
typedef struct Out
{
	AbzText		t;
	AbzNumFormat fmt;
} Out;

/* append n bytes */
static inline void
put(Out *o, const char *s, size_t n)
{
	abz_text_put(&o->t, s, n);
}

/* append a NUL-terminated string */
static inline void
puts_(Out *o, const char *s)
{
	abz_text_puts(&o->t, s);
}

/*
 * append a number written by the formatter (b, n bytes) times 100 with a %
 * suffix, by moving its decimal point two places: "30" -> "3000%",
 * "1.5" -> "150%", "1e+20" -> "1e+22%".  The parser shifts the exponent
 * back before converting, so the text reads back to the same float8.
 */
static void
put_percent(Out *o, const char *b, int n)
{
	char		r[96];
	const char *e = memchr(b, 'e', (size_t) n);
	const char *dot = memchr(b, '.', (size_t) n);
	int			k = 0;

	if (e != NULL)
		k = snprintf(r, sizeof(r), "%.*se%+d%%", (int) (e - b), b, atoi(e + 1) + 2);
	else
	{
		int			ilen = dot ? (int) (dot - b) : n;
		int			flen = dot ? n - ilen - 1 : 0;

		memcpy(r, b, (size_t) ilen);
		k = ilen;
		for (int i = 0; i < 2; i++)
			r[k++] = i < flen ? dot[1 + i] : '0';
		if (flen > 2)
		{
			r[k++] = '.';
			memcpy(r + k, dot + 3, (size_t) (flen - 2));
			k += flen - 2;
		}
		r[k++] = '%';
	}
	put(o, r, (size_t) k);
}

/* append a number in the shortest exact form; as a percentage if pct and v > 1 */
static void
put_num(Out *o, double v, bool pct)
{
	char		b[64];
	int			n = o->fmt(v, b);

	if (pct && v > 1 && n > 0 && n < 40)
		put_percent(o, b, n);
	else
		put(o, b, (size_t) n);
}

/*
 * append a constant or a distribution; a rate key's numbers above 1 print
 * with %, so that reading the text back raises no warning
 */
static void
put_param(Out *o, const AbzParam *p, const AbzKeyDef *kd)
{
	double		v[3] = {p->a, p->b, p->c};
	bool		pct = (kd->flags & ABZ_KEY_RATE) != 0;

	if (p->dist == ABZ_CONST)
	{
		put_num(o, p->a, pct);
		return;
	}
	puts_(o, abz_dist_names[p->dist]);
	puts_(o, "(");
	for (int i = 0; i < abz_dist_arity[p->dist]; i++)
	{
		if (i > 0)
			puts_(o, ", ");
		put_num(o, v[i], pct);
	}
	puts_(o, ")");
}

/* true if a slot holds its key's constant default */
static bool
is_default(const AbzParam *p, const AbzKeyDef *kd)
{
	return p->dist == ABZ_CONST && p->a == kd->def;
}

/* append "key=value" for each key of td that is required or not default */
static void
put_keys(Out *o, const AbzTermDef *td, const AbzTerm *t, bool *first)
{
	for (int i = 0; i < td->nkeys; i++)
	{
		const AbzKeyDef *kd = &td->keys[i];
		const AbzParam *p = &t->key[kd->slot];

		if (!(kd->flags & ABZ_KEY_REQUIRED) && is_default(p, kd))
			continue;
		if (!*first)
			puts_(o, ", ");
		*first = false;
		puts_(o, kd->name);
		puts_(o, "=");
		put_param(o, p, kd);
	}
}

/* append one term */
static void
put_term(Out *o, AbzKind kind, const AbzTerm *t)
{
	const AbzTermDef *td = &abz_kinds[kind].terms[t->term];
	bool		first = true;

	puts_(o, td->name);
	puts_(o, "(");
	if (kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
	{
		if (t->sub != ABZ_ENTRY_DIRECT)
		{
			puts_(o, "mode=");
			puts_(o, abz_entry_modes[t->sub].name);
			first = false;
		}
		put_keys(o, &abz_entry_modes[t->sub], t, &first);
	}
	else
		put_keys(o, td, t, &first);
	if (kind == ABZ_KIND_RISK && t->key[RK_SCOPE].a != 0.0)
	{
		if (!first)
			puts_(o, ", ");
		puts_(o, "scope=market");
		first = false;
	}
	if (kind == ABZ_KIND_RISK && t->sub != ABZ_STRAT_ACCEPT)
	{
		bool		sfirst = true;

		if (!first)
			puts_(o, ", ");
		puts_(o, "strategy=");
		puts_(o, abz_strategies[t->sub].name);
		puts_(o, "(");
		put_keys(o, &abz_strategies[t->sub], t, &sfirst);
		puts_(o, ")");
	}
	puts_(o, ")");
}

/* the formatter abz_num_shortest() calls; NULL: the precision loop */
static AbzNumFormat num_shortest_fn = NULL;

/* install the shortest-decimal formatter (see spec.h) */
void
abz_set_num_shortest(AbzNumFormat fmt)
{
	num_shortest_fn = fmt;
}

/* shortest exact text of a finite double; returns length */
int
abz_num_shortest(double v, char *buf)
{
	if (num_shortest_fn != NULL)
		return num_shortest_fn(v, buf);
	return abz_num_shortest_loop(v, buf);
}

/*
 * formats a finite double in the shortest form that reads back exactly;
 * returns length.  The digits are the fewest (1 to 17 significant) that
 * strtod reads back to v; like float8 output they are written in fixed
 * notation when the decimal exponent is in [-4, 15), else as d.ddde+XX.
 */
int
abz_num_shortest_loop(double v, char *buf)
{
	char		sci[40];
	int			prec = 1;
	int			exp10;
	char	   *e;

	for (; prec <= 17; prec++)
	{
		snprintf(sci, sizeof(sci), "%.*e", prec - 1, v);
		if (strtod(sci, NULL) == v)
			break;
	}
	if (prec > 17)
		prec = 17;
	e = strchr(sci, 'e');
	exp10 = e ? atoi(e + 1) : 0;
	if (exp10 >= -4 && exp10 < 15)
		return snprintf(buf, 32, "%.*f", prec - 1 - exp10 > 0 ? prec - 1 - exp10 : 0, v);
	return snprintf(buf, 32, "%s", sci);
}

/* tok (n bytes) is the text the formatter or the loop writes for v */
bool
abz_num_is_shortest(double v, const char *tok, size_t n)
{
	char		canon[40];

	if ((size_t) abz_num_shortest(v, canon) == n && memcmp(canon, tok, n) == 0)
		return true;
	if (num_shortest_fn == NULL)
		return false;
	/* the rare value the two spell differently: earlier releases wrote the loop's */
	return (size_t) abz_num_shortest_loop(v, canon) == n && memcmp(canon, tok, n) == 0;
}

/*
 * Canonical text of a value into buf (cap bytes, NUL-terminated when cap > 0).
 * Returns the length the full text needs, excluding the NUL, like snprintf.
 * fmt may be NULL for abz_num_shortest.
 */
size_t
abz_format(const AbzSpec *s, char *buf, size_t cap, AbzNumFormat fmt)
{
	Out			o;

	abz_text_init(&o.t, buf, cap);
	o.fmt = fmt ? fmt : abz_num_shortest;
	for (int i = 0; i < s->nterms; i++)
	{
		if (i > 0)
			puts_(&o, " + ");
		put_term(&o, (AbzKind) s->kind, &s->terms[i]);
	}
	return abz_text_end(&o.t, cap);
}
