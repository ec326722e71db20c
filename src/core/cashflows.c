/*
 * cashflows.c — the exact dated cash-flow lists behind aibiz.cashflows and
 * the XNPV/XIRR aggregates: building and merging them, checking a stored
 * value, and their canonical text and binary forms.  Text and binary input
 * accept exactly the same values: canonical lists whose every amount lies
 * within ABZ_CF_AMOUNT_LIMIT, the range text input reads back.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cashflows.h"
#include "textbuf.h"
#include "wire.h"

/* ---- dated cash-flow lists ---- */

/* an empty list with room for cap flows */
AbzCashflows *
abz_cf_init(void *mem, uint32_t cap)
{
	AbzCashflows *cf = mem;

	memset(cf, 0, ABZ_CF_SIZE(cap));
	cf->version = ABZ_CASHFLOWS_VERSION;
	cf->cap = cap;
	return cf;
}

/* the amount of a flow */
static abz_fixed
flow_fixed(const AbzFlow *f)
{
	return abz_fixed_join(f->hi, f->lo);
}

/* store an amount into a flow */
static void
flow_set(AbzFlow *f, int32_t day, abz_fixed x)
{
	f->day = day;
	f->pad = 0;
	abz_fixed_split(x, &f->hi, &f->lo);
}

/* a flow's amount as a double */
double
abz_cf_amount(const AbzFlow *f)
{
	return abz_fixed_to_double(flow_fixed(f));
}

/* add b into the amount of flow a; false with err on overflow */
static bool
flow_add(AbzFlow *a, abz_fixed b, AbzError *err)
{
	abz_fixed	sum;

	if (!abz_fixed_add(flow_fixed(a), b, &sum) || !abz_cf_amount_ok(sum))
		return abz_error(err, ABZ_ERR_OVERFLOW, "", "",
						 "sum of amounts is out of range");
	flow_set(a, a->day, sum);
	return true;
}

/* check the structure of a list of size bytes */
bool
abz_cf_check(const AbzCashflows *cf, size_t size, bool canonical, AbzError *err)
{
	static const double zero = 0.0;
	uint32_t	i;

	if (size < ABZ_CF_SIZE(0))
		return abz_error(err, ABZ_ERR_BINARY, "", "", "value is too short");
	if (cf->version != ABZ_CASHFLOWS_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, "", "",
						 "unsupported format version %u", cf->version);
	if ((cf->flags & ~ABZ_CF_HAS_RATE) != 0 || cf->pad[0] != 0 || cf->pad[1] != 0)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "invalid flags or padding");
	if (cf->cap > ABZ_CF_MAX_DATES || size != ABZ_CF_SIZE(cf->cap) ||
		cf->n > cf->cap || cf->nsorted > cf->n)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "invalid length");
	if (cf->flags & ABZ_CF_HAS_RATE)
	{
		if (!isfinite(cf->rate) || !(cf->rate > -1.0))
			return abz_error(err, ABZ_ERR_BINARY, "", "", "invalid rate");
	}
	else if (memcmp(&cf->rate, &zero, sizeof(double)) != 0)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "rate set without its flag");
	if (!canonical)
		return true;
	if (cf->nsorted != cf->n || cf->n != cf->cap)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "list is not canonical");
	for (i = 0; i < cf->n; i++)
	{
		const AbzFlow *f = &cf->flows[i];

		if (f->pad != 0 || f->day < ABZ_DAY_MIN || f->day > ABZ_DAY_MAX)
			return abz_error(err, ABZ_ERR_BINARY, "", "", "invalid date in flow %u", i + 1);
		if (i > 0 && f->day <= cf->flows[i - 1].day)
			return abz_error(err, ABZ_ERR_BINARY, "", "",
							 "dates are not sorted and unique at flow %u", i + 1);
		if (!abz_cf_amount_ok(flow_fixed(f)))
			return abz_error(err, ABZ_ERR_BINARY, "", "",
							 "amount of flow %u is out of range", i + 1);
	}
	return true;
}

/* set or check the xnpv rate of a list */
bool
abz_cf_set_rate(AbzCashflows *cf, double rate, AbzError *err)
{
	if (!isfinite(rate) || !(rate > -1.0))
		return abz_error(err, ABZ_ERR_DOMAIN, "", "",
						 "rate must be a finite number greater than -1");
	if (cf->flags & ABZ_CF_HAS_RATE)
	{
		if (cf->rate != rate)
			return abz_error(err, ABZ_ERR_DOMAIN, "", "",
							 "rate must be the same in every row");
		return true;
	}
	cf->flags |= ABZ_CF_HAS_RATE;
	cf->rate = rate == 0.0 ? 0.0 : rate;	/* no negative zero */
	return true;
}

/* append one flow */
bool
abz_cf_append(AbzCashflows *cf, int32_t day, double amount, AbzError *err)
{
	abz_fixed	x;

	if (day < ABZ_DAY_MIN || day > ABZ_DAY_MAX)
		return abz_error(err, ABZ_ERR_DOMAIN, "", "", "date is not finite");
	if (!isfinite(amount))
		return abz_error(err, ABZ_ERR_DOMAIN, "", "", "amount is not finite");
	if (!abz_fixed_from_double(amount, &x) || !abz_cf_amount_ok(x))
		return abz_error(err, ABZ_ERR_OVERFLOW, "", "",
						 "amount %g is out of range", amount);
	/* fast paths for input in date order: extend or add to the sorted prefix */
	if (cf->nsorted == cf->n && cf->n > 0)
	{
		AbzFlow    *last = &cf->flows[cf->n - 1];

		if (last->day == day)
			return flow_add(last, x, err);
		if (last->day < day && cf->n < cf->cap)
		{
			flow_set(&cf->flows[cf->n++], day, x);
			cf->nsorted = cf->n;
			return true;
		}
	}
	if (cf->n >= cf->cap)
		return abz_error(err, ABZ_ERR_LIMIT, "", "", "cash-flow list is full");
	flow_set(&cf->flows[cf->n++], day, x);
	if (cf->n == 1)
		cf->nsorted = 1;
	return true;
}

/* merge sort of f[0..n) by day using tmp (room for n) */
static void
sort_flows(AbzFlow *f, AbzFlow *tmp, size_t n)
{
	size_t		h,
				i,
				j,
				k;

	if (n <= 16)
	{
		for (i = 1; i < n; i++)
		{
			AbzFlow		x = f[i];

			for (j = i; j > 0 && f[j - 1].day > x.day; j--)
				f[j] = f[j - 1];
			f[j] = x;
		}
		return;
	}
	h = n / 2;
	sort_flows(f, tmp, h);
	sort_flows(f + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h || j < n;)
	{
		if (j >= n || (i < h && f[i].day <= f[j].day))
			tmp[k++] = f[i++];
		else
			tmp[k++] = f[j++];
	}
	memcpy(f, tmp, n * sizeof(AbzFlow));
}

/*
 * merge sorted runs a[0..na) and b[0..nb) into out, summing equal days;
 * returns the count or -1 with err on overflow
 */
static long
merge_runs(const AbzFlow *a, size_t na, const AbzFlow *b, size_t nb,
		   AbzFlow *out, AbzError *err)
{
	size_t		i = 0,
				j = 0,
				k = 0;

	while (i < na || j < nb)
	{
		const AbzFlow *next;

		if (j >= nb || (i < na && a[i].day <= b[j].day))
			next = &a[i++];
		else
			next = &b[j++];
		if (k > 0 && out[k - 1].day == next->day)
		{
			if (!flow_add(&out[k - 1], flow_fixed(next), err))
				return -1;
		}
		else
			out[k++] = *next;
	}
	return (long) k;
}

/* sort the tail and merge it into the sorted prefix */
bool
abz_cf_normalize(AbzCashflows *cf, AbzFlow *scratch, AbzError *err)
{
	long		k;

	if (cf->nsorted == cf->n)
		return true;
	sort_flows(cf->flows + cf->nsorted, scratch, cf->n - cf->nsorted);
	k = merge_runs(cf->flows, cf->nsorted, cf->flows + cf->nsorted,
				   cf->n - cf->nsorted, scratch, err);
	if (k < 0)
		return false;
	memcpy(cf->flows, scratch, (size_t) k * sizeof(AbzFlow));
	memset(cf->flows + k, 0, (cf->n - (size_t) k) * sizeof(AbzFlow));
	cf->n = cf->nsorted = (uint32_t) k;
	return true;
}

/* merge two normalised lists into out */
bool
abz_cf_merge(const AbzCashflows *a, const AbzCashflows *b, AbzCashflows *out,
			 AbzError *err)
{
	long		k;

	out->flags = 0;
	out->rate = 0.0;
	if (a->flags & ABZ_CF_HAS_RATE)
	{
		out->flags = ABZ_CF_HAS_RATE;
		out->rate = a->rate;
	}
	if (b->flags & ABZ_CF_HAS_RATE)
	{
		if ((out->flags & ABZ_CF_HAS_RATE) && out->rate != b->rate)
			return abz_error(err, ABZ_ERR_DOMAIN, "", "",
							 "rate must be the same in every row");
		out->flags = ABZ_CF_HAS_RATE;
		out->rate = b->rate;
	}
	k = merge_runs(a->flows, a->n, b->flows, b->n, out->flows, err);
	if (k < 0)
		return false;
	out->n = out->nsorted = (uint32_t) k;
	return true;
}

/* days from 2000-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm) */
int64_t
abz_days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 - 10957;
}

/* the proleptic Gregorian date of a day number from 2000-01-01 */
void
abz_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468 + 10957;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* ISO 8601 date text (astronomical year, at least 4 digits); returns length */
static int
format_day(int32_t day, char *buf)
{
	int64_t		y;
	int			m,
				d;

	abz_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		return sprintf(buf, y < 0 ? "-%04lld-%02d-%02d" : "%04lld-%02d-%02d",
					   (long long) (y < 0 ? -y : y), m, d);
	/* the common case without printf: YYYY-MM-DD */
	buf[0] = (char) ('0' + y / 1000);
	buf[1] = (char) ('0' + y / 100 % 10);
	buf[2] = (char) ('0' + y / 10 % 10);
	buf[3] = (char) ('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char) ('0' + m / 10);
	buf[6] = (char) ('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char) ('0' + d / 10);
	buf[9] = (char) ('0' + d % 10);
	buf[10] = '\0';
	return 10;
}

/* the default rate formatter: 17 significant digits read back exactly */
static int
num_17g(double v, char *buf)
{
	return sprintf(buf, "%.17g", v);
}

/* text of a normalised list */
size_t
abz_cf_format(const AbzCashflows *cf, char *buf, size_t cap, AbzNumFormat fmt)
{
	char		tmp[ABZ_FIXED_TEXT_MAX + 32];
	AbzText		t;
	uint32_t	i;
	int			k;

	abz_text_init(&t, buf, cap);
	abz_text_put(&t, "v1", 2);
	if (cf->flags & ABZ_CF_HAS_RATE)
	{
		abz_text_put(&t, " rate=", 6);
		k = (fmt ? fmt : num_17g) (cf->rate, tmp);
		abz_text_put(&t, tmp, (size_t) k);
	}
	for (i = 0; i < cf->n; i++)
	{
		tmp[0] = ' ';
		k = 1 + format_day(cf->flows[i].day, tmp + 1);
		tmp[k++] = ':';
		k += abz_fixed_format(flow_fixed(&cf->flows[i]), tmp + k);
		abz_text_put(&t, tmp, (size_t) k);
	}
	return abz_text_end(&t, cap);
}

/* upper bound of the flows a text of len bytes can hold (" YYYY-MM-DD:0" is 13) */
size_t
abz_cf_text_max_flows(size_t len)
{
	return len / 13 + 1;
}

/* parse a canonical date token s[0..n); false if it is not one */
static bool
parse_day(const char *s, size_t n, int32_t *day)
{
	char		canon[32];
	int64_t		y = 0,
				dd;
	int			m,
				d,
				i = 0,
				digits = 0;
	bool		neg = false;

	if (n < 10 || n > 20)
		return false;
	if (s[0] == '-')
	{
		neg = true;
		i = 1;
	}
	for (; i < (int) n && s[i] >= '0' && s[i] <= '9' && digits < 9; i++, digits++)
		y = y * 10 + (s[i] - '0');
	if (digits < 4 || i + 6 != (int) n || s[i] != '-' || s[i + 3] != '-')
		return false;
	if (!(s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		  s[i + 4] >= '0' && s[i + 4] <= '9' && s[i + 5] >= '0' && s[i + 5] <= '9'))
		return false;
	m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	d = (s[i + 4] - '0') * 10 + (s[i + 5] - '0');
	if (neg)
		y = -y;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	dd = abz_days_from_civil(y, m, d);
	if (dd < ABZ_DAY_MIN || dd > ABZ_DAY_MAX)
		return false;
	/* canonical: the date formats back to exactly this text (rejects 02-30) */
	if ((size_t) format_day((int32_t) dd, canon) != n || memcmp(canon, s, n) != 0)
		return false;
	*day = (int32_t) dd;
	return true;
}

/* parse canonical text into out */
bool
abz_cf_parse(const char *text, size_t len, AbzCashflows *out, uint32_t maxflows,
			 AbzError *err)
{
	size_t		pos = 0;
	uint32_t	n = 0;

	abz_cf_init(out, maxflows);
	if (len < 2 || text[0] != 'v' || text[1] != '1' || (len > 2 && text[2] != ' '))
		return abz_error(err, ABZ_ERR_SYNTAX, "", "",
						 "expected the format version \"v1\" at the start");
	pos = 2;
	while (pos < len)
	{
		size_t		start,
					end;

		if (text[pos] != ' ' || pos + 1 >= len)
			return abz_error(err, ABZ_ERR_SYNTAX, "", "",
							 "expected one space between items at byte %zu", pos + 1);
		start = ++pos;
		while (pos < len && text[pos] != ' ')
			pos++;
		end = pos;
		if (end - start > 5 && memcmp(text + start, "rate=", 5) == 0 && n == 0 &&
			!(out->flags & ABZ_CF_HAS_RATE))
		{
			char		num[64];
			char	   *stop;
			double		r;

			if (end - start - 5 >= sizeof(num))
				return abz_error(err, ABZ_ERR_SYNTAX, "", "", "invalid rate");
			memcpy(num, text + start + 5, end - start - 5);
			num[end - start - 5] = '\0';
			r = strtod(num, &stop);
			if (*stop != '\0' || stop == num)
				return abz_error(err, ABZ_ERR_SYNTAX, "", "", "invalid rate \"%s\"", num);
			if (!abz_cf_set_rate(out, r, err))
				return false;
			continue;
		}
		{
			const char *colon = memchr(text + start, ':', end - start);
			const char *stop;
			char		num[ABZ_FIXED_TEXT_MAX + 1];
			char		canon[ABZ_FIXED_TEXT_MAX];
			int32_t		day;
			abz_fixed	x;
			size_t		nlen;

			if (colon == NULL || !parse_day(text + start, (size_t) (colon - text - start), &day))
				return abz_error(err, ABZ_ERR_SYNTAX, "", "",
								 "expected a date YYYY-MM-DD at byte %zu", start + 1);
			nlen = (size_t) (text + end - colon - 1);
			if (nlen == 0 || nlen >= sizeof(num))
				return abz_error(err, ABZ_ERR_SYNTAX, "", "",
								 "invalid amount at byte %zu", (size_t) (colon - text) + 2);
			memcpy(num, colon + 1, nlen);
			num[nlen] = '\0';
			if (!abz_fixed_parse(num, &stop, &x) || *stop != '\0' ||
				(size_t) abz_fixed_format(x, canon) != nlen || memcmp(canon, num, nlen) != 0)
				return abz_error(err, ABZ_ERR_SYNTAX, "", "",
								 "invalid amount \"%s\"", num);
			if (n > 0 && day <= out->flows[n - 1].day)
				return abz_error(err, ABZ_ERR_SYNTAX, "", "",
								 "dates must be sorted and unique at byte %zu", start + 1);
			if (n >= maxflows)
				return abz_error(err, ABZ_ERR_LIMIT, "", "", "too many dates");
			flow_set(&out->flows[n++], day, x);
		}
	}
	out->n = out->nsorted = out->cap = n;
	return true;
}


/* the rate of a binary value: set with its flag (as text input does) or zero */
static bool
decode_rate(AbzCashflows *cf, int flags, uint64_t bits, AbzError *err)
{
	double		rate;

	memcpy(&rate, &bits, sizeof(rate));
	if ((flags & ~ABZ_CF_HAS_RATE) != 0)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "invalid flags %d", flags);
	if (flags & ABZ_CF_HAS_RATE)
		return abz_cf_set_rate(cf, rate, err);
	if (bits != 0)
		return abz_error(err, ABZ_ERR_BINARY, "", "", "rate set without its flag");
	return true;
}

/* decode the binary form; lengths are checked before allocating */
AbzCashflows *
abz_cf_decode(const unsigned char *buf, size_t len, AbzAlloc alloc, AbzError *err)
{
	AbzCashflows *cf;
	uint32_t	n;
	void	   *mem;

	if (len < ABZ_CF_WIRE_HEADER)
	{
		abz_error(err, ABZ_ERR_BINARY, "", "",
				  "%zu bytes are shorter than the %d-byte header", len, ABZ_CF_WIRE_HEADER);
		return NULL;
	}
	if (buf[0] != ABZ_CASHFLOWS_VERSION)
	{
		abz_error(err, ABZ_ERR_BINARY, "", "", "unsupported format version %d", buf[0]);
		return NULL;
	}
	n = abz_get32(buf + 10);
	if (n > ABZ_CF_MAX_DATES || ABZ_CF_WIRE_SIZE(n) != len)
	{
		abz_error(err, ABZ_ERR_BINARY, "", "", "count %u does not match the data", n);
		return NULL;
	}
	if ((mem = alloc(ABZ_CF_SIZE(n))) == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, "", "", "out of memory");
		return NULL;
	}
	cf = abz_cf_init(mem, n);
	if (!decode_rate(cf, buf[1], abz_get64(buf + 2), err))
	{
		err->code = ABZ_ERR_BINARY;
		return NULL;
	}
	for (uint32_t i = 0; i < n; i++)
	{
		const unsigned char *p = buf + ABZ_CF_WIRE_SIZE(i);

		cf->flows[i].day = (int32_t) abz_get32(p);
		cf->flows[i].hi = (int64_t) abz_get64(p + 4);
		cf->flows[i].lo = abz_get64(p + 12);
	}
	cf->n = cf->nsorted = n;
	if (!abz_cf_check(cf, ABZ_CF_SIZE(n), true, err))
	{
		err->code = ABZ_ERR_BINARY;
		return NULL;
	}
	return cf;
}

/* the binary form of a normalised list */
size_t
abz_cf_encode(const AbzCashflows *cf, unsigned char *buf, size_t cap)
{
	size_t		size = ABZ_CF_WIRE_SIZE(cf->n);
	unsigned char *p = buf;
	uint64_t	bits;

	if (cap < size)
		return size;
	*p++ = cf->version;
	*p++ = cf->flags;
	memcpy(&bits, &cf->rate, sizeof(bits));
	p = abz_put32(abz_put64(p, bits), cf->n);
	for (uint32_t i = 0; i < cf->n; i++)
		p = abz_put64(abz_put64(abz_put32(p, (uint32_t) cf->flows[i].day),
						(uint64_t) cf->flows[i].hi), cf->flows[i].lo);
	return size;
}
