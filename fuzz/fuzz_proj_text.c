/*
 * fuzz_proj_text.c — libFuzzer harness of the canonical text of
 * aibiz.projection.  A value the parser accepts must validate, print to
 * exactly the input (the text form is canonical; a float8 may instead be in
 * the precision loop's spelling, which the printer writes differently for
 * a few values), parse back to identical bytes, and encode and decode to
 * identical bytes.  Built with PostgreSQL's shortest float8 routine, the
 * harness installs it as the server does.
 */
#include <stdlib.h>

#include "fuzz_common.h"
#include "projval.h"

#ifdef ABZ_HAVE_PG_SHORTEST
/* PostgreSQL's shortest float8 text (common/shortest_dec.h), from libpgcommon */
int			double_to_shortest_decimal_buf(double f, char *result);

/* the formatter the server installs */
static int
pg_shortest(double v, char *buf)
{
	return double_to_shortest_decimal_buf(v, buf);
}
#endif

/*
 * in (the accepted input) equals out (its printed text) but for float8
 * numbers that in spells as the precision loop does for the same value
 */
static bool
same_but_loop_spellings(const char *in, size_t n, const char *out, size_t m)
{
	size_t		i = 0,
				j = 0;

	while (i < n && j < m)
	{
		size_t		a = i,
					b = j;
		char		tok[48];
		char		loop[48];
		double		x;

		while (a < n && in[a] != ';' && in[a] != ',')
			a++;
		while (b < m && out[b] != ';' && out[b] != ',')
			b++;
		/* "npv=": compare the names, then the numbers */
		if (a - i > 4 && b - j > 4 && memcmp(in + i, "npv=", 4) == 0 &&
			memcmp(out + j, "npv=", 4) == 0)
			i += 4, j += 4;
		if (a - i != b - j || memcmp(in + i, out + j, a - i) != 0)
		{
			if (a - i >= sizeof(tok) || b - j >= sizeof(tok) || (a == n) != (b == m) ||
				(a < n && in[a] != out[b]))
				return false;
			memcpy(tok, out + j, b - j);
			tok[b - j] = '\0';
			x = strtod(tok, NULL);
			memcpy(tok, in + i, a - i);
			tok[a - i] = '\0';
			/* the same value, and the input token is the loop's text of it */
			if (strtod(tok, NULL) != x || abz_num_shortest_loop(x, loop) != (int) (a - i) ||
				strcmp(tok, loop) != 0)
				return false;
		}
		i = a + 1;
		j = b + 1;
	}
	return i >= n && j >= m;
}

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzProj    *p;
	AbzProj    *back;
	AbzProjSummary sum;
	size_t		bytes;
	size_t		n;
	char	   *text;
	unsigned char *wire;

#ifdef ABZ_HAVE_PG_SHORTEST
	abz_set_num_shortest(pg_shortest);
#endif
	fuzz_begin();
	p = abz_proj_parse((const char *) data, size, fuzz_alloc, &err);
	if (p == NULL)
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "parse failed without a reason");
		fuzz_free_last();
		return 0;
	}
	bytes = abz_proj_size(p);
	FUZZ_ASSERT(abz_proj_validate(p, bytes, &err), "parsed value does not validate: %s", err.msg);
	FUZZ_ASSERT(abz_proj_check_stored(p, bytes, &err), "parsed value fails the stored check");
	n = abz_proj_format(p, NULL, 0);
	FUZZ_ASSERT(n + 1 <= abz_proj_text_max(p->horizon), "text longer than its bound");
	text = malloc(n + 1);
	abz_proj_format(p, text, n + 1);
	FUZZ_ASSERT((n == size && memcmp(text, data, size) == 0) ||
				same_but_loop_spellings((const char *) data, size, text, n),
				"accepted text is not canonical");
	back = abz_proj_parse(text, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, p, bytes) == 0, "text round trip differs");
	free(back);
	free(text);
	n = abz_proj_encode(p, NULL, 0);
	wire = malloc(n);
	FUZZ_ASSERT(abz_proj_encode(p, wire, n) == n, "encode length");
	back = abz_proj_decode(wire, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, p, bytes) == 0, "binary round trip differs: %s",
				back ? "" : err.msg);
	free(back);
	free(wire);
	(void) abz_proj_summarise(p, &sum, &err);
	free(p);
	return 0;
}
