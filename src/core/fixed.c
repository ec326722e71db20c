/*
 * fixed.c — Q95.32 fixed-point numbers for exact, order-independent sums.
 */
#include <math.h>
#include <string.h>

#include "fixed.h"

/* largest magnitude accepted from a double: 2^94, leaving headroom for sums */
#define ABZ_FIXED_LIMIT 19807040628566084398385987584.0	/* 2^94 */

/* round v to the nearest Q95.32 value; false if v is not finite or out of range */
bool
abz_fixed_from_double(double v, abz_fixed *out)
{
	double		scaled;

	if (!isfinite(v))
		return false;
	scaled = rint(ldexp(v, ABZ_FIXED_FRAC_BITS));
	if (fabs(scaled) >= ABZ_FIXED_LIMIT * 4294967296.0)
		return false;
	*out = (abz_fixed) scaled;
	return true;
}

/* the nearest double to x */
double
abz_fixed_to_double(abz_fixed x)
{
	return ldexp((double) x, -ABZ_FIXED_FRAC_BITS);
}

/* *out = a + b; false on overflow */
bool
abz_fixed_add(abz_fixed a, abz_fixed b, abz_fixed *out)
{
	return !__builtin_add_overflow(a, b, out);
}

/* raw scaled integer as decimal text (exact); returns length */
int
abz_fixed_format(abz_fixed x, char *buf)
{
	char		tmp[ABZ_FIXED_TEXT_MAX];
	int			n = 0;
	int			len = 0;
	unsigned __int128 u;

	if (x < 0)
	{
		buf[len++] = '-';
		u = (unsigned __int128) 0 - (unsigned __int128) x;
	}
	else
		u = (unsigned __int128) x;
	do
	{
		tmp[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u != 0);
	while (n > 0)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
	return len;
}

/* parse the raw scaled integer written by abz_fixed_format; false if malformed or out of range */
bool
abz_fixed_parse(const char *s, const char **end, abz_fixed *out)
{
	const unsigned __int128 limit = (unsigned __int128) 1 << 126;
	unsigned __int128 u = 0;
	bool		neg = false;
	int			digits = 0;

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	while (*s >= '0' && *s <= '9')
	{
		unsigned	d = (unsigned) (*s - '0');

		/* test before multiplying: 10 * 2^126 would wrap past 2^128 */
		if (u > (limit - d) / 10 || ++digits > 40)
			return false;
		u = u * 10 + d;
		s++;
	}
	if (digits == 0)
		return false;
	if (end)
		*end = s;
	*out = neg ? -(abz_fixed) u : (abz_fixed) u;
	return true;
}

/* split into two 64-bit halves, for binary send */
void
abz_fixed_split(abz_fixed x, int64_t *hi, uint64_t *lo)
{
	*hi = (int64_t) (x >> 64);
	*lo = (uint64_t) x;
}

/* join two 64-bit halves, for binary receive */
abz_fixed
abz_fixed_join(int64_t hi, uint64_t lo)
{
	return (abz_fixed) (((unsigned __int128) (uint64_t) hi << 64) | lo);
}
