/*
 * projwire.c — the binary form of aibiz.projection (send/receive) and the
 * O(1) check every reader applies to a stored value before trusting its
 * header.
 */
#include <string.h>

#include "projval.h"
#include "wire.h"

/* bytes of the binary header: version, horizon, members, launch */
#define WIRE_HEADER		20

/* bytes of the binary form of a value of this version and horizon */
static size_t
wire_size(uint32_t version, int64_t horizon)
{
	return version == ABZ_PROJ_VERSION_FLOAT ?
		ABZ_PROJ_FLOAT_BINARY_SIZE(horizon) : ABZ_PROJ_BINARY_SIZE(horizon);
}

/* check a stored value's header and size before reading it */
bool
abz_proj_check_stored(const void *body, size_t size, AbzError *err)
{
	const AbzProj *p = body;

	if (!abz_proj_check_version(p, size, err))
		return false;
	if (p->horizon < 1 || p->horizon > ABZ_MAX_HORIZON || size != abz_proj_size(p))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes does not match horizon %d", size, (int) p->horizon);
	if (p->pad != 0 || (abz_proj_is_float(p) && p->npv.fix.hi != 0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding");
	if (p->members < 1 || p->members > ABZ_PROJ_MAX_MEMBERS ||
		p->launch < 1 || p->launch > ABZ_MAX_HORIZON)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "member count %lld or launch month %d out of range",
						 (long long) p->members, (int) p->launch);
	return true;
}

/* bytes of the binary form of a valid value */
size_t
abz_proj_wire_size(const AbzProj *p)
{
	return wire_size(p->version, p->horizon);
}

/* read the npv and month values of a length-checked binary value */
static void
decode_numbers(AbzProj *p, const unsigned char *b)
{
	size_t		n = (size_t) p->horizon * ABZ_MONTH_NFIELDS;

	if (abz_proj_is_float(p))
	{
		double	   *v = (double *) p->v;

		p->npv.flt = abz_getf8(b);
		for (size_t i = 0; i < n; i++)
			v[i] = abz_getf8(b + 8 * (i + 1));
		return;
	}
	p->npv.fix.hi = (int64_t) abz_get64(b);
	p->npv.fix.lo = abz_get64(b + 8);
	for (size_t i = 0; i < n; i++)
	{
		p->v[i].hi = (int64_t) abz_get64(b + 16 * (i + 1));
		p->v[i].lo = abz_get64(b + 16 * (i + 1) + 8);
	}
}

/* decode the binary form; lengths are checked before allocating */
AbzProj *
abz_proj_decode(const unsigned char *buf, size_t len, AbzAlloc alloc, AbzError *err)
{
	uint32_t	version;
	int32_t		horizon;
	AbzProj    *p;

	if (len < WIRE_HEADER)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
				  "%zu bytes are shorter than the %d-byte header", len, WIRE_HEADER);
		return NULL;
	}
	version = abz_get32(buf);
	horizon = (int32_t) abz_get32(buf + 4);
	if (version != ABZ_PROJ_VERSION && version != ABZ_PROJ_VERSION_FLOAT)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
				  "unsupported version %d (expected %d or %d)", (int32_t) version,
				  ABZ_PROJ_VERSION, ABZ_PROJ_VERSION_FLOAT);
		return NULL;
	}
	if (horizon < 1 || horizon > ABZ_MAX_HORIZON)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "horizon %d outside 1..%d",
				  horizon, ABZ_MAX_HORIZON);
		return NULL;
	}
	if (len != wire_size(version, horizon))
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
				  "%zu bytes of data for horizon %d, expected %zu",
				  len - 8, horizon, wire_size(version, horizon) - 8);
		return NULL;
	}
	p = alloc(version == ABZ_PROJ_VERSION_FLOAT ?
			  ABZ_PROJ_FLOAT_SIZE(horizon) : ABZ_PROJ_SIZE(horizon));
	if (p == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "out of memory");
		return NULL;
	}
	p->version = version;
	p->horizon = horizon;
	p->members = (int64_t) abz_get64(buf + 8);
	p->launch = (int32_t) abz_get32(buf + 16);
	decode_numbers(p, buf + WIRE_HEADER);
	if (!abz_proj_validate(p, abz_proj_size(p), err))
	{
		err->code = ABZ_ERR_BINARY;
		return NULL;
	}
	return p;
}

/* the binary form of a valid value */
size_t
abz_proj_encode(const AbzProj *p, unsigned char *buf, size_t cap)
{
	size_t		size = abz_proj_wire_size(p);
	size_t		n = (size_t) p->horizon * ABZ_MONTH_NFIELDS;
	unsigned char *b = buf;

	if (cap < size)
		return size;
	b = abz_put32(b, p->version);
	b = abz_put32(b, (uint32_t) p->horizon);
	b = abz_put64(b, (uint64_t) p->members);
	b = abz_put32(b, (uint32_t) p->launch);
	if (abz_proj_is_float(p))
	{
		const double *v = abz_proj_floats(p);

		b = abz_putf8(b, p->npv.flt);
		for (size_t i = 0; i < n; i++)
			b = abz_putf8(b, v[i]);
		return size;
	}
	b = abz_put64(abz_put64(b, (uint64_t) p->npv.fix.hi), p->npv.fix.lo);
	for (size_t i = 0; i < n; i++)
		b = abz_put64(abz_put64(b, (uint64_t) p->v[i].hi), p->v[i].lo);
	return size;
}
