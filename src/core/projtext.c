/*
 * projtext.c — the canonical text form of aibiz.projection: printing and
 * the strict parser that reads exactly what the printer writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "projval.h"
#include "textbuf.h"

/* ---- text ---- */

/* a bounded output buffer that counts what it could not write */
typedef AbzText Out;

/* append n bytes */
static inline void
out_put(Out *o, const char *s, size_t n)
{
	abz_text_put(o, s, n);
}

/* append a raw fixed integer */
static void
out_fixed(Out *o, AbzFixWords w)
{
	char		tmp[ABZ_FIXED_TEXT_MAX];
	int			n = abz_fixed_format(abz_proj_load(w), tmp);

	out_put(o, tmp, (size_t) n);
}

/* append a float8 in its shortest exact form */
static void
out_float(Out *o, double x)
{
	char		tmp[40];
	int			n = abz_num_shortest(x, tmp);

	out_put(o, tmp, (size_t) n);
}

/* canonical text of a value (snprintf-like) */
size_t
abz_proj_format(const AbzProj *p, char *buf, size_t cap)
{
	Out			o;
	char		tmp[128];
	int			n;
	int			t;
	int			f;

	abz_text_init(&o, buf, cap);
	n = snprintf(tmp, sizeof(tmp), "v%u;h=%d;n=%lld;l=%d;npv=",
				 p->version, (int) p->horizon, (long long) p->members, (int) p->launch);
	out_put(&o, tmp, (size_t) n);
	if (abz_proj_is_float(p))
	{
		const double *v = abz_proj_floats(p);

		out_float(&o, p->npv.flt);
		for (size_t i = 0; i < (size_t) p->horizon * ABZ_MONTH_NFIELDS; i++)
		{
			out_put(&o, i % ABZ_MONTH_NFIELDS == 0 ? ";" : ",", 1);
			out_float(&o, v[i]);
		}
		return abz_text_end(&o, cap);
	}
	out_fixed(&o, p->npv.fix);
	for (t = 0; t < p->horizon; t++)
	{
		const AbzFixWords *row = p->v + (size_t) t * ABZ_MONTH_NFIELDS;

		for (f = 0; f < ABZ_MONTH_NFIELDS; f++)
		{
			out_put(&o, f == 0 ? ";" : ",", 1);
			out_fixed(&o, row[f]);
		}
	}
	return abz_text_end(&o, cap);
}

/* an upper bound of the text length for a horizon, NUL included */
size_t
abz_proj_text_max(int horizon)
{
	/* each number: sign and at most 39 digits, plus its separator */
	return 128 + (1 + (size_t) horizon * ABZ_MONTH_NFIELDS) * 41;
}

/* the parser's cursor */
typedef struct In
{
	const char *s;
	size_t		len;
	size_t		pos;
	AbzError   *err;
} In;

/* syntax error at the cursor */
static bool
in_fail(In *in, const char *what)
{
	return abz_error(in->err, ABZ_ERR_SYNTAX, NULL, NULL,
					 "expected %s at offset %zu", what, in->pos);
}

/* consume the literal lit or fail */
static bool
in_lit(In *in, const char *lit)
{
	size_t		n = strlen(lit);

	if (in->len - in->pos < n || memcmp(in->s + in->pos, lit, n) != 0)
	{
		char		what[32];

		snprintf(what, sizeof(what), "\"%s\"", lit);
		return in_fail(in, what);
	}
	in->pos += n;
	return true;
}

/* a canonical unsigned integer (no sign, no leading zero) of at most 18 digits */
static bool
in_uint(In *in, int64_t *out)
{
	int64_t		v = 0;
	size_t		start = in->pos;

	while (in->pos < in->len && in->s[in->pos] >= '0' && in->s[in->pos] <= '9')
	{
		if (in->pos - start >= 18)
			return abz_error(in->err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "integer at offset %zu is out of range", start);
		v = v * 10 + (in->s[in->pos] - '0');
		in->pos++;
	}
	if (in->pos == start)
	{
		in->pos = start;
		return in_fail(in, "an integer");
	}
	if (in->s[start] == '0' && in->pos - start > 1)
	{
		in->pos = start;
		return in_fail(in, "an integer without leading zeros");
	}
	*out = v;
	return true;
}

/* a canonical raw fixed integer ("0" or -?[1-9][0-9]*) inside the stored range */
static bool
in_fixed(In *in, AbzFixWords *out)
{
	char		tok[ABZ_FIXED_TEXT_MAX];
	size_t		start = in->pos;
	size_t		n = 0;
	const char *end;
	abz_fixed	x;

	while (in->pos < in->len &&
		   ((in->s[in->pos] >= '0' && in->s[in->pos] <= '9') ||
			(in->s[in->pos] == '-' && in->pos == start)))
	{
		if (n + 1 >= sizeof(tok))
			return abz_error(in->err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "number at offset %zu is out of range", start);
		tok[n++] = in->s[in->pos++];
	}
	tok[n] = '\0';
	in->pos = start;
	if (n == 0 || (tok[0] == '-' && n == 1))
		return in_fail(in, "a number");
	if ((tok[0] == '0' && n > 1) || (tok[0] == '-' && tok[1] == '0'))
		return in_fail(in, "a number without leading zeros or \"-0\"");
	if (!abz_fixed_parse(tok, &end, &x) || !abz_proj_fixed_ok(x))
		return abz_error(in->err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "number at offset %zu is out of range", start);
	in->pos = start + n;
	*out = abz_proj_store(x);
	return true;
}

/* a character of a float8's text: digits, sign, point, exponent mark */
static inline bool
float_char(char c)
{
	return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e';
}

/*
 * a float8 in the form abz_num_shortest writes (or, for the few values it
 * spells differently, abz_num_shortest_loop), in the format 2 range
 */
static bool
in_float(In *in, double *out)
{
	char		tok[40];
	size_t		start = in->pos;
	size_t		n = 0;
	char	   *end;
	double		x;

	while (in->pos < in->len && float_char(in->s[in->pos]))
	{
		if (n + 1 >= sizeof(tok))
			return in_fail(in, "a float8 number of at most 38 characters");
		tok[n++] = in->s[in->pos++];
	}
	tok[n] = '\0';
	in->pos = start;
	if (n == 0)
		return in_fail(in, "a number");
	x = strtod(tok, &end);
	if (end != tok + n)
		return in_fail(in, "a number");
	if (!abz_proj_float_ok(x))
		return abz_error(in->err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "number at offset %zu is out of range", start);
	if (!abz_num_is_shortest(x, tok, n))
		return in_fail(in, "a number in its shortest form");
	in->pos = start + n;
	*out = x;
	return true;
}

/* parse the canonical text; the header is checked before allocating */
AbzProj *
abz_proj_parse(const char *text, size_t len, AbzAlloc alloc, AbzError *err)
{
	In			in = {text, len, 0, err};
	int64_t		version;
	int64_t		horizon;
	int64_t		members;
	int64_t		launch;
	AbzProj		head;
	AbzProj    *p;
	int			t;
	int			f;
	bool		flt;

	if (!in_lit(&in, "v") || !in_uint(&in, &version))
		return NULL;
	if (version != ABZ_PROJ_VERSION && version != ABZ_PROJ_VERSION_FLOAT)
	{
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
				  "unsupported version %lld (expected %d or %d)", (long long) version,
				  ABZ_PROJ_VERSION, ABZ_PROJ_VERSION_FLOAT);
		return NULL;
	}
	flt = version == ABZ_PROJ_VERSION_FLOAT;
	memset(&head, 0, sizeof(head));
	head.version = (uint32_t) version;
	if (!in_lit(&in, ";h=") || !in_uint(&in, &horizon) || !abz_proj_check_horizon(horizon, err))
		return NULL;
	if (!in_lit(&in, ";n=") || !in_uint(&in, &members) ||
		!in_lit(&in, ";l=") || !in_uint(&in, &launch) ||
		!in_lit(&in, ";npv=") ||
		!(flt ? in_float(&in, &head.npv.flt) : in_fixed(&in, &head.npv.fix)))
		return NULL;
	if (launch < 1 || launch > ABZ_MAX_HORIZON)
	{
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
				  "launch month must be in 1..%d, got %lld", ABZ_MAX_HORIZON, (long long) launch);
		return NULL;
	}
	head.members = members;
	head.launch = (int32_t) launch;
	if (!abz_proj_check_header(&head, err))
		return NULL;
	/* every month needs at least 2 bytes per number: reject short input before allocating */
	if (len - in.pos < (size_t) horizon * ABZ_MONTH_NFIELDS * 2)
	{
		abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
				  "input too short for horizon %d (%d numbers per month)",
				  (int) horizon, ABZ_MONTH_NFIELDS);
		return NULL;
	}
	p = (AbzProj *) alloc(flt ? ABZ_PROJ_FLOAT_SIZE(horizon) : ABZ_PROJ_SIZE(horizon));
	if (p == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "out of memory");
		return NULL;
	}
	p->version = (uint32_t) version;
	p->horizon = (int32_t) horizon;
	p->members = members;
	p->launch = head.launch;
	p->pad = 0;
	p->npv = head.npv;
	for (t = 0; t < horizon; t++)
		for (f = 0; f < ABZ_MONTH_NFIELDS; f++)
		{
			size_t		i = (size_t) t * ABZ_MONTH_NFIELDS + f;

			/* the separator, checked inline: in_lit only on the error path */
			if (in.pos < len && in.s[in.pos] == (f == 0 ? ';' : ','))
				in.pos++;
			else if (!in_lit(&in, f == 0 ? ";" : ","))
				return NULL;
			if (flt ? !in_float(&in, (double *) p->v + i) : !in_fixed(&in, &p->v[i]))
				return NULL;
		}
	if (in.pos != len)
	{
		in_fail(&in, "end of input");
		return NULL;
	}
	return p;
}
