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

/* "00" .. "99": two digits per lookup */
static const char digit_pairs[201] =
"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
"8081828384858687888990919293949596979899";

#define TEN19 UINT64_C(10000000000000000000)

/* the decimal digits of u, exactly width of them (zero-padded); width <= 20 */
static void
put_digits(uint64_t u, char *end, int width)
{
	char	   *p = end;

	while (p - end > -width + 1)
	{
		memcpy(p - 2, digit_pairs + 2 * (u % 100), 2);
		u /= 100;
		p -= 2;
	}
	if (p - end > -width)
		*--p = (char) ('0' + u % 10);
}

/* number of decimal digits of u (1 for 0) */
static int
count_digits(uint64_t u)
{
	int			n = 1;

	while (u >= 10000)
	{
		u /= 10000;
		n += 4;
	}
	return n + (u >= 10) + (u >= 100) + (u >= 1000);
}

/*
 * raw scaled integer as decimal text (exact); returns length.  At most one
 * 128-bit division (by 10^19) splits the magnitude into 64-bit halves.
 */
int
abz_fixed_format(abz_fixed x, char *buf)
{
	int			len = 0;
	unsigned __int128 u;
	uint64_t	hi,
				lo;
	int			nd;

	if (x < 0)
	{
		buf[len++] = '-';
		u = (unsigned __int128) 0 - (unsigned __int128) x;
	}
	else
		u = (unsigned __int128) x;
	if ((u >> 64) == 0)
	{
		lo = (uint64_t) u;
		nd = count_digits(lo);
		put_digits(lo, buf + len + nd, nd);
		len += nd;
		buf[len] = '\0';
		return len;
	}
	if (u / TEN19 >= TEN19)
	{
		/* 39 digits: u >= 10^38, only the two largest magnitudes of a raw int128 */
		unsigned __int128 top = u / TEN19;

		buf[len++] = (char) ('0' + (int) (top / TEN19));
		hi = (uint64_t) (top % TEN19);
		lo = (uint64_t) (u % TEN19);
		put_digits(hi, buf + len + 19, 19);
		len += 19;
	}
	else
	{
		hi = (uint64_t) (u / TEN19);
		lo = (uint64_t) (u - (unsigned __int128) hi * TEN19);
		nd = count_digits(hi);
		put_digits(hi, buf + len + nd, nd);
		len += nd;
	}
	put_digits(lo, buf + len + 19, 19);
	len += 19;
	buf[len] = '\0';
	return len;
}

/*
 * parse the raw scaled integer written by abz_fixed_format; false if
 * malformed, above 2^126 in magnitude or longer than 40 digits
 */
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
	/* up to 38 digits cannot overflow (10^38 < 2^127): take them 19 at a time */
	while (digits < 38 && *s >= '0' && *s <= '9')
	{
		uint64_t	chunk = 0;
		uint64_t	scale = 1;
		int			k = 0;

		while (k < 19 && digits + k < 38 && s[k] >= '0' && s[k] <= '9')
		{
			chunk = chunk * 10 + (uint64_t) (s[k] - '0');
			scale *= 10;
			k++;
		}
		u = u * scale + chunk;
		digits += k;
		s += k;
	}
	if (u > limit)
		return false;
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
