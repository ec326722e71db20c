/*
 * specwire.c — the binary form of the three input types (revenue_model,
 * risk_profile, plan) and the check every reader applies to a stored value
 * before trusting its header.  Binary input validates exactly as strictly
 * as text input (abz_validate).
 */
#include <string.h>

#include "spec.h"
#include "wire.h"

/* bytes of the binary header: version, kind, int16 term count */
#define WIRE_HEADER		4
/* least bytes of one term: term and sub codes, a code byte and one float8 per slot */
#define WIRE_MIN_TERM	(2 + ABZ_MAX_KEYS * 9)

/* the SQL name of a kind, for messages */
static const char *
kind_name(int kind)
{
	return (kind >= ABZ_KIND_REVENUE && kind <= ABZ_KIND_PLAN) ?
		abz_kinds[kind].type_name : "input value";
}

/* read the float8 arguments of one slot at *pos; false if the bytes run out */
static bool
decode_param(const unsigned char *buf, size_t len, size_t *pos, AbzParam *p)
{
	double	   *args[3] = {&p->a, &p->b, &p->c};
	int			arity;

	if (len - *pos < 1)
		return false;
	p->dist = buf[(*pos)++];
	if (p->dist >= ABZ_NDIST)
		return true;			/* reported by the caller */
	arity = abz_dist_arity[p->dist];
	if (len - *pos < (size_t) arity * 8)
		return false;
	for (int i = 0; i < arity; i++, *pos += 8)
		*args[i] = abz_getf8(buf + *pos) + 0.0;	/* -0 becomes 0 as in text input */
	return true;
}

/* read the terms of a value whose header is checked */
static bool
decode_terms(AbzSpec *s, const unsigned char *buf, size_t len, AbzError *err)
{
	size_t		pos = WIRE_HEADER;
	const char *type = kind_name(s->kind);

	for (int i = 0; i < s->nterms; i++)
	{
		AbzTerm    *t = &s->terms[i];

		if (len - pos < 2)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated");
		t->term = buf[pos++];
		t->sub = buf[pos++];
		for (int k = 0; k < ABZ_MAX_KEYS; k++)
		{
			if (!decode_param(buf, len, &pos, &t->key[k]))
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated");
			if (t->key[k].dist >= ABZ_NDIST)
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "unknown distribution code %d", t->key[k].dist);
		}
	}
	if (pos != len)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "%zu bytes follow the last term of this %s", len - pos, type);
	return true;
}

/* decode the binary form of a value of kind; lengths are checked before allocating */
AbzSpec *
abz_spec_decode(AbzKind kind, const unsigned char *buf, size_t len, AbzAlloc alloc,
				AbzError *err)
{
	AbzSpec    *s;
	int			nterms;

	if (len < WIRE_HEADER)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated");
		return NULL;
	}
	if (buf[0] != ABZ_SPEC_VERSION)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unsupported format version %d", buf[0]);
		return NULL;
	}
	if (buf[1] != (int) kind)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "it holds a %s", kind_name(buf[1]));
		return NULL;
	}
	nterms = (int) ((abz_get32(buf) & 0xffff));
	if (nterms > ABZ_MAX_TERMS)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "more than %d terms", ABZ_MAX_TERMS);
		return NULL;
	}
	if ((len - WIRE_HEADER) / WIRE_MIN_TERM < (size_t) nterms)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated");
		return NULL;
	}
	if ((s = alloc(ABZ_SPEC_SIZE(nterms))) == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "out of memory");
		return NULL;
	}
	s->version = ABZ_SPEC_VERSION;
	s->kind = (uint8_t) kind;
	s->nterms = (uint16_t) nterms;
	if (!decode_terms(s, buf, len, err) || !abz_validate(s, ABZ_SPEC_SIZE(nterms), err))
		return NULL;
	return s;
}

/* the binary form of a valid value into buf (cap bytes); returns its size */
size_t
abz_spec_encode(const AbzSpec *s, unsigned char *buf, size_t cap)
{
	size_t		size = WIRE_HEADER;
	unsigned char *b = buf;

	for (int i = 0; i < s->nterms; i++)
		for (int k = 0; k < ABZ_MAX_KEYS; k++)
			size += (k == 0 ? 2 : 0) + 1 + 8 * (size_t) abz_dist_arity[s->terms[i].key[k].dist];
	if (cap < size)
		return size;
	*b++ = s->version;
	*b++ = s->kind;
	*b++ = (unsigned char) (s->nterms >> 8);
	*b++ = (unsigned char) s->nterms;
	for (int i = 0; i < s->nterms; i++)
	{
		const AbzTerm *t = &s->terms[i];

		*b++ = t->term;
		*b++ = t->sub;
		for (int k = 0; k < ABZ_MAX_KEYS; k++)
		{
			const AbzParam *p = &t->key[k];
			const double args[3] = {p->a, p->b, p->c};

			*b++ = p->dist;
			for (int a = 0; a < abz_dist_arity[p->dist]; a++)
				b = abz_putf8(b, args[a]);
		}
	}
	return size;
}
