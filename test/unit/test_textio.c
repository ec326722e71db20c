/*
 * test_textio.c — exact text forms: the shortest float8 formatters (the
 * precision loop and, when the build links it, PostgreSQL's shortest-decimal
 * routine the server installs), the projection text round trip of tricky
 * doubles under each, and the 128-bit integer text of Q95.32 values.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fixed.h"
#include "projval.h"
#include "spec.h"
#include "unit.h"

#ifdef ABZ_HAVE_PG_SHORTEST
/* PostgreSQL's shortest float8 text (common/shortest_dec.h), from libpgcommon */
int			double_to_shortest_decimal_buf(double f, char *result);

/* the formatter the server installs at load */
static int
pg_shortest(double v, char *buf)
{
	return double_to_shortest_decimal_buf(v, buf);
}
#endif

/* the formatters under test: NULL is the loop */
static const AbzNumFormat formatters[] = {
	NULL,
#ifdef ABZ_HAVE_PG_SHORTEST
	pg_shortest,
#endif
};
#define NFORMATTERS ((int) (sizeof(formatters) / sizeof(formatters[0])))

/* doubles whose text is easy to get wrong */
static double
tricky(int i)
{
	static const double v[] = {
		0.0, -0.0, 0.1, 1.0 / 3.0, -1.5, 1e-5, 1e-4, 1e14, 1e15, 1e21,
		4.9406564584124654e-324,	/* 5e-324, the least subnormal */
		2.2250738585072009e-308,	/* the largest subnormal */
		2.2250738585072014e-308,	/* the least normal */
		1.7976931348623157e308,		/* the largest finite */
		9007199254740991.0,			/* 2^53 - 1 */
		9007199254740992.0,			/* 2^53 */
		9007199254740994.0,			/* 2^53 + 2 (2^53 + 1 is not a double) */
		0x1p-44, 0x1p182, 0x1p275, 0x1.2b56d9c3ba004p+66, 0x1.85a99ba88a968p+65,
		-0x1.5360edc97a23cp+55, 123456789012345678.0, 0x1.fffffffffffffp93,
	};

	return i < (int) (sizeof(v) / sizeof(v[0])) ? v[i] : NAN;
}

/* bits equal (so -0.0 differs from 0.0) */
static int
same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

ABZ_SUITE(textio_shortest_reads_back)
{
	char		buf[40];
	char	   *end;

	for (int f = 0; f < NFORMATTERS; f++)
	{
		abz_set_num_shortest(formatters[f]);
		for (int i = 0; !isnan(tricky(i)); i++)
		{
			double		v = tricky(i);
			int			n = abz_num_shortest(v, buf);

			CHECK(n > 0 && (size_t) n == strlen(buf));
			CHECK(same_bits(strtod(buf, &end), v) && *end == '\0');
			CHECK(abz_num_is_shortest(v, buf, (size_t) n));
		}
		/* hand-checked spellings every formatter shares (float8 output's notation) */
		abz_num_shortest(0.1, buf);
		CHECK_STR(buf, "0.1");
		/* 1/3 = 0.33333333333333331483...: 16 digits are the fewest that read back */
		abz_num_shortest(1.0 / 3.0, buf);
		CHECK_STR(buf, "0.3333333333333333");
		abz_num_shortest(-0.0, buf);
		CHECK_STR(buf, "-0");
		abz_num_shortest(4.9406564584124654e-324, buf);
		CHECK_STR(buf, "5e-324");
		abz_num_shortest(1.7976931348623157e308, buf);
		CHECK_STR(buf, "1.7976931348623157e+308");
		/* decimal exponent 15: exponent notation; 14: fixed */
		abz_num_shortest(9007199254740991.0, buf);
		CHECK_STR(buf, "9.007199254740991e+15");
		abz_num_shortest(9007199254740994.0, buf);
		CHECK_STR(buf, "9.007199254740994e+15");
		abz_num_shortest(1e15, buf);
		CHECK_STR(buf, "1e+15");
		abz_num_shortest(1e14, buf);
		CHECK_STR(buf, "100000000000000");
		abz_num_shortest(1e-5, buf);
		CHECK_STR(buf, "1e-05");
		abz_num_shortest(1e-4, buf);
		CHECK_STR(buf, "0.0001");
		/* not the text of these values */
		CHECK(!abz_num_is_shortest(0.1, "0.10", 4));
		CHECK(!abz_num_is_shortest(0.1, "1e-1", 4));
		CHECK(!abz_num_is_shortest(0.0, "-0", 2));
	}
	abz_set_num_shortest(NULL);
}

#ifdef ABZ_HAVE_PG_SHORTEST
ABZ_SUITE(textio_two_spellings)
{
	char		buf[40];

	/*
	 * 2^-44 = 5.684341886080801486968994140625e-14 exactly.  Rounded to 16
	 * digits it is ...801e-14, which lies below the half-way point to the
	 * next lower double (the gap below a power of two is half the gap
	 * above), so the loop needs 17 digits; the shortest routine takes the
	 * 16-digit ...802e-14, inside the wider upper half-gap.
	 */
	abz_num_shortest_loop(0x1p-44, buf);
	CHECK_STR(buf, "5.6843418860808015e-14");
	abz_set_num_shortest(pg_shortest);
	abz_num_shortest(0x1p-44, buf);
	CHECK_STR(buf, "5.684341886080802e-14");
	/* text input reads both spellings */
	CHECK(abz_num_is_shortest(0x1p-44, "5.684341886080802e-14", 21));
	CHECK(abz_num_is_shortest(0x1p-44, "5.6843418860808015e-14", 22));
	CHECK(!abz_num_is_shortest(0x1p-44, "5.68434188608080149e-14", 23));
	/* and the other way round: an integer the loop writes in 9 digits */
	abz_num_shortest_loop(0x1.2b56d9c3ba004p+66, buf);
	CHECK_STR(buf, "8.62786676e+19");
	CHECK(abz_num_is_shortest(0x1.2b56d9c3ba004p+66, "8.62786676e+19", 14));
	abz_set_num_shortest(NULL);
	/* with the loop alone only its spelling is read */
	CHECK(!abz_num_is_shortest(0x1p-44, "5.684341886080802e-14", 21));
}
#endif

/* a format 2 projection of 2 months whose numbers are the tricky doubles from first */
static AbzProj *
tricky_projection(int first)
{
	AbzMonth	m[2];
	AbzError	err;
	AbzProj    *p = calloc(1, ABZ_PROJ_FLOAT_SIZE(2));
	int			k = first;

	for (int t = 0; t < 2; t++)
		for (int f = 0; f < ABZ_MONTH_NFIELDS; f++)
		{
			double		v = tricky(k++);

			if (isnan(v) || !abz_proj_float_ok(v))
				k = 0, v = tricky(k++);
			m[t].v[f] = v;
		}
	if (!abz_proj_build_float(p, 2, 1, m, tricky(first), &err))
	{
		free(p);
		return NULL;
	}
	return p;
}

ABZ_SUITE(textio_projection_round_trip)
{
	for (int f = 0; f < NFORMATTERS; f++)
	{
		abz_set_num_shortest(formatters[f]);
		for (int first = 0; !isnan(tricky(first)); first++)
		{
			AbzProj    *p;
			AbzProj    *back;
			AbzError	err;
			char		text[4096];
			size_t		n;

			if (!abz_proj_float_ok(tricky(first)))
				continue;		/* npv out of format 2's range */
			p = tricky_projection(first);
			CHECK(p != NULL);
			if (p == NULL)
				continue;
			n = abz_proj_format(p, text, sizeof(text));
			CHECK(n < sizeof(text));
			back = abz_proj_parse(text, n, malloc, &err);
			CHECK(back != NULL && memcmp(back, p, ABZ_PROJ_FLOAT_SIZE(2)) == 0);
			free(back);
			free(p);
		}
	}
	abz_set_num_shortest(NULL);
}

/* the digits of x one at a time, as earlier releases wrote them */
static void
fixed_reference(abz_fixed x, char *buf)
{
	char		tmp[48];
	int			n = 0,
				len = 0;
	unsigned __int128 u = x < 0 ? (unsigned __int128) 0 - (unsigned __int128) x : (unsigned __int128) x;

	if (x < 0)
		buf[len++] = '-';
	do
	{
		tmp[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u != 0);
	while (n > 0)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
}

/* format x, compare with the reference, parse back when in range */
static void
check_fixed(abz_fixed x)
{
	char		got[ABZ_FIXED_TEXT_MAX];
	char		want[ABZ_FIXED_TEXT_MAX];
	const char *end;
	abz_fixed	back;
	int			n = abz_fixed_format(x, got);
	unsigned __int128 mag = x < 0 ? (unsigned __int128) 0 - (unsigned __int128) x : (unsigned __int128) x;

	fixed_reference(x, want);
	CHECK_STR(got, want);
	CHECK((size_t) n == strlen(want));
	if (mag <= (unsigned __int128) 1 << 126)
		CHECK(abz_fixed_parse(got, &end, &back) && back == x && *end == '\0');
	else
		CHECK(!abz_fixed_parse(got, &end, &back));
}

ABZ_SUITE(textio_fixed_digits)
{
	const unsigned __int128 ten19 = (unsigned __int128) 10000000000000000000ULL;
	const abz_fixed lim = (abz_fixed) 1 << 126;
	uint64_t	s = 0x9E3779B97F4A7C15ULL;
	abz_fixed	back;
	const char *end;

	check_fixed(0);
	check_fixed(1);
	check_fixed(-1);
	check_fixed((abz_fixed) UINT64_MAX);
	check_fixed((abz_fixed) UINT64_MAX + 1);
	check_fixed(-(abz_fixed) UINT64_MAX - 1);
	check_fixed((abz_fixed) ten19 - 1);
	check_fixed((abz_fixed) ten19);
	check_fixed((abz_fixed) (ten19 * ten19) - 1);	/* 38 nines */
	check_fixed((abz_fixed) (ten19 * ten19));		/* 10^38: 39 digits */
	check_fixed(lim);
	check_fixed(-lim);
	check_fixed(lim + 1);
	check_fixed((abz_fixed) (((unsigned __int128) 1 << 127) - 1));	/* int128 max */
	check_fixed((abz_fixed) ((unsigned __int128) 1 << 127));	/* int128 min */
	for (int i = 0; i < 20000; i++)
	{
		uint64_t	a,
					b;

		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		a = s;
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		b = s;
		/* magnitudes of every length: shift a random 128-bit word down */
		check_fixed((abz_fixed) ((((unsigned __int128) a << 64) | b) >> (i % 128)));
		check_fixed(-(abz_fixed) ((((unsigned __int128) a << 64) | b) >> (1 + i % 127)));
	}
	/* 2^126 = 85070591730234615865843651857942052864 is the largest magnitude read */
	CHECK(abz_fixed_parse("85070591730234615865843651857942052864", &end, &back) && back == lim);
	CHECK(!abz_fixed_parse("85070591730234615865843651857942052865", &end, &back));
	CHECK(abz_fixed_parse("-85070591730234615865843651857942052864", &end, &back) && back == -lim);
	/* leading zeros count toward the 40-digit limit */
	CHECK(abz_fixed_parse("0000000000000000000000000000000000000012", &end, &back) && back == 12);
	CHECK(!abz_fixed_parse("00000000000000000000000000000000000000012", &end, &back));
	CHECK(!abz_fixed_parse("-", &end, &back));
	CHECK(!abz_fixed_parse("", &end, &back));
	CHECK(abz_fixed_parse("17;", &end, &back) && back == 17 && *end == ';');
}
