/*
 * specstore.c — the stored form of the three input types (revenue_model,
 * risk_profile, plan): writing a value in format version 2 and reading a
 * stored value of either version back into the fixed in-memory AbzSpec.
 *
 * Version 1 (written by aibiz 0.3.0 and before) is the AbzSpec itself, ten
 * 32-byte slots per term whether used or not, after four zero bytes that
 * aligned it to 8.  Version 2 keeps only the slots that are not zero:
 *
 *     header   version (2), kind, uint16 term count
 *     per term term code, sub-term code, uint16 mask of the stored slots
 *     per slot distribution code, then its float8 arguments (1 to 3)
 *
 * in the machine's byte order, unaligned (read with memcpy).  A slot is
 * stored when any of its bytes is not zero, so a slot left out is the
 * constant 0 and reads back as the same 32 zero bytes; a value has exactly
 * one stored form, so equal values are equal byte for byte on disk.
 * Reading checks the header against the bytes present before it allocates
 * (at most one fixed value of 64 terms), and every later count and code
 * before it writes; a refused value's allocation is left to the caller.
 */
#include <string.h>

#include "spec.h"

#define STORE_HEADER	4		/* version, kind, uint16 term count */
#define STORE_TERM		4		/* term, sub, uint16 slot mask */
#define STORE_MASK_ALL	((1u << ABZ_MAX_KEYS) - 1)

/* v1: four zero bytes, then the AbzSpec */
#define V1_PAD			4

/* a slot that reads back as the constant 0 */
static const AbzParam zero_param;

/* is slot p stored (any byte not zero)? */
static inline bool
param_stored(const AbzParam *p)
{
	return memcmp(p, &zero_param, sizeof(zero_param)) != 0;
}

/* the number of sub-term codes a term of this kind admits */
static int
sub_codes(AbzKind kind, int term)
{
	if (kind == ABZ_KIND_RISK)
		return ABZ_STRAT_N;
	if (kind == ABZ_KIND_PLAN && term == ABZ_PLAN_ENTRY)
		return ABZ_ENTRY_N;
	return 1;
}

/* is every byte of slot p past its distribution's arguments zero? */
static bool
param_tail_zero(const AbzParam *p)
{
	size_t		used = offsetof(AbzParam, a) + 8 * (size_t) abz_dist_arity[p->dist];

	return memcmp(p->pad, zero_param.pad, sizeof(p->pad)) == 0 &&
		memcmp((const char *) p + used, (const char *) &zero_param + used,
			   sizeof(AbzParam) - used) == 0;
}

/*
 * check the term, sub-term and distribution codes of a fixed value, and
 * that its padding and unused arguments are zero (as every value written
 * is), so that its version 2 form holds all of it
 */
static bool
check_codes(const AbzSpec *s, AbzError *err)
{
	if (memcmp(s->pad, zero_param.pad, sizeof(s->pad)) != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "padding is not zero");
	for (int i = 0; i < s->nterms; i++)
	{
		const AbzTerm *t = &s->terms[i];

		if (t->term >= abz_kinds[s->kind].nterms || t->sub >= sub_codes(s->kind, t->term))
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "unknown term code %d/%d in term %d", t->term, t->sub, i + 1);
		if (memcmp(t->pad, zero_param.pad, sizeof(t->pad)) != 0)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "padding of term %d is not zero", i + 1);
		for (int k = 0; k < ABZ_MAX_KEYS; k++)
		{
			if (t->key[k].dist >= ABZ_NDIST)
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "unknown distribution code %d in term %d",
								 t->key[k].dist, i + 1);
			if (!param_tail_zero(&t->key[k]))
				return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
								 "slot %d of term %d has bytes past its arguments",
								 k + 1, i + 1);
		}
	}
	return true;
}

/* check a fixed value of size bytes (the body of version 1) before reading it */
bool
abz_spec_check_stored(const void *body, size_t size, AbzError *err)
{
	const AbzSpec *s = body;

	if (size < ABZ_SPEC_SIZE(0))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes is shorter than its header", size);
	if (s->version != ABZ_SPEC_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported format version %d", s->version);
	if (s->kind < ABZ_KIND_REVENUE || s->kind > ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown kind %d", s->kind);
	if (s->nterms > ABZ_MAX_TERMS || size != ABZ_SPEC_SIZE(s->nterms))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes does not match its %d terms", size, s->nterms);
	return check_codes(s, err);
}

/* ---- writing ---- */

/* bytes of the stored form (version 2) of a valid value */
size_t
abz_spec_store_size(const AbzSpec *s)
{
	size_t		size = STORE_HEADER + (size_t) s->nterms * STORE_TERM;

	for (int i = 0; i < s->nterms; i++)
		for (int k = 0; k < ABZ_MAX_KEYS; k++)
			if (param_stored(&s->terms[i].key[k]))
				size += 1 + 8 * (size_t) abz_dist_arity[s->terms[i].key[k].dist];
	return size;
}

/* write one term's slot mask and stored slots at b; returns the end */
static unsigned char *
store_term(const AbzTerm *t, unsigned char *b)
{
	uint16_t	mask = 0;

	for (int k = 0; k < ABZ_MAX_KEYS; k++)
		if (param_stored(&t->key[k]))
			mask |= (uint16_t) (1u << k);
	*b++ = t->term;
	*b++ = t->sub;
	memcpy(b, &mask, sizeof(mask));
	b += sizeof(mask);
	for (int k = 0; k < ABZ_MAX_KEYS; k++)
	{
		const AbzParam *p = &t->key[k];
		const double args[3] = {p->a, p->b, p->c};

		if (!(mask & (1u << k)))
			continue;
		*b++ = p->dist;
		memcpy(b, args, 8 * (size_t) abz_dist_arity[p->dist]);
		b += 8 * (size_t) abz_dist_arity[p->dist];
	}
	return b;
}

/*
 * The stored form (version 2) of a valid value into buf, which has room
 * for abz_spec_store_size(s) bytes; returns the bytes written.
 */
size_t
abz_spec_store(const AbzSpec *s, unsigned char *buf)
{
	unsigned char *b = buf;
	uint16_t	nterms = s->nterms;

	*b++ = ABZ_SPEC_STORED;
	*b++ = s->kind;
	memcpy(b, &nterms, sizeof(nterms));
	b += sizeof(nterms);
	for (int i = 0; i < s->nterms; i++)
		b = store_term(&s->terms[i], b);
	return (size_t) (b - buf);
}

/* ---- reading ---- */

/* read one stored slot at *pos into p (zeroed); false (and err) unless it is whole and canonical */
static inline bool
load_param(const unsigned char *buf, size_t size, size_t *pos, AbzParam *p, int term,
		   AbzError *err)
{
	int			dist;

	if (size - *pos < 1)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "term %d is truncated", term);
	dist = buf[(*pos)++];
	if (dist >= ABZ_NDIST)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unknown distribution code %d in term %d", dist, term);
	if (size - *pos < 8 * (size_t) abz_dist_arity[dist])
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "term %d is truncated", term);
	/* a slot left out is the constant 0: storing it is not canonical */
	if (dist == ABZ_CONST && memcmp(buf + *pos, &zero_param.a, 8) == 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "term %d stores a slot that is zero", term);
	p->dist = (uint8_t) dist;
	/* fixed-size copies: the compiler turns each into one load */
	memcpy(&p->a, buf + *pos, 8);
	if (abz_dist_arity[dist] >= 2)
		memcpy(&p->b, buf + *pos + 8, 8);
	if (abz_dist_arity[dist] >= 3)
		memcpy(&p->c, buf + *pos + 16, 8);
	*pos += 8 * (size_t) abz_dist_arity[dist];
	return true;
}

/* read the term at *pos into t; false (and err) unless its bytes and codes are whole */
static bool
load_term(AbzKind kind, const unsigned char *buf, size_t size, size_t *pos, AbzTerm *t,
		  int term, AbzError *err)
{
	uint16_t	mask;

	if (size - *pos < STORE_TERM)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "term %d is truncated", term);
	t->term = buf[*pos];
	t->sub = buf[*pos + 1];
	memcpy(&mask, buf + *pos + 2, sizeof(mask));
	*pos += STORE_TERM;
	if (t->term >= abz_kinds[kind].nterms || t->sub >= sub_codes(kind, t->term))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unknown term code %d/%d in term %d", t->term, t->sub, term);
	if (mask & ~STORE_MASK_ALL)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "slot mask 0x%04x of term %d names slots past %d",
						 mask, term, ABZ_MAX_KEYS);
	for (unsigned m = mask; m != 0; m &= m - 1)
		if (!load_param(buf, size, pos, &t->key[__builtin_ctz(m)], term, err))
			return false;
	return true;
}

/* read a version-2 body whose header is checked into out (zeroed, room for its terms) */
static bool
load_v2(const unsigned char *buf, size_t size, AbzSpec *out, AbzError *err)
{
	size_t		pos = STORE_HEADER;

	for (int i = 0; i < out->nterms; i++)
		if (!load_term((AbzKind) out->kind, buf, size, &pos, &out->terms[i], i + 1, err))
			return false;
	if (pos != size)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "%zu bytes follow the last term", size - pos);
	return true;
}

/* the term count of a version-2 header, checked against the bytes present */
static bool
v2_header(const unsigned char *buf, size_t size, int *nterms, AbzError *err)
{
	uint16_t	n;

	if (size < STORE_HEADER)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes is shorter than its header", size);
	if (buf[1] < ABZ_KIND_REVENUE || buf[1] > ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown kind %d", buf[1]);
	memcpy(&n, buf + 2, sizeof(n));
	if (n > ABZ_MAX_TERMS)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "%d terms, more than %d", n, ABZ_MAX_TERMS);
	if ((size - STORE_HEADER) / STORE_TERM < n)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "value of %zu bytes cannot hold its %d terms", size, n);
	*nterms = n;
	return true;
}

/* read a version-1 body (four zero bytes, then the fixed value) into a copy */
static AbzSpec *
load_v1(const unsigned char *buf, size_t size, AbzAlloc alloc, AbzError *err)
{
	AbzSpec    *s;

	if (size < V1_PAD + ABZ_SPEC_SIZE(0) || size > V1_PAD + ABZ_SPEC_MAXSIZE ||
		memcmp(buf, &zero_param, V1_PAD) != 0)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
				  "value of %zu bytes is not a value of format version 1", size);
		return NULL;
	}
	if ((s = alloc(size - V1_PAD)) == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "out of memory");
		return NULL;
	}
	memcpy(s, buf + V1_PAD, size - V1_PAD);
	return abz_spec_check_stored(s, size - V1_PAD, err) ? s : NULL;
}

/*
 * Read a stored value (size bytes after the varlena header, either format
 * version) into a fixed AbzSpec from alloc.  NULL and err (ABZ_ERR_BINARY)
 * if the bytes are not a whole value of a known version.
 */
AbzSpec *
abz_spec_load(const unsigned char *buf, size_t size, AbzAlloc alloc, AbzError *err)
{
	AbzSpec    *s;
	int			nterms = 0;

	if (size < 1)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value of 0 bytes has no header");
		return NULL;
	}
	if (buf[0] == 0)
		return load_v1(buf, size, alloc, err);
	if (buf[0] != ABZ_SPEC_STORED)
	{
		abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unsupported format version %d", buf[0]);
		return NULL;
	}
	if (!v2_header(buf, size, &nterms, err))
		return NULL;
	if ((s = alloc(ABZ_SPEC_SIZE(nterms))) == NULL)
	{
		abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "out of memory");
		return NULL;
	}
	s->version = ABZ_SPEC_VERSION;
	s->kind = buf[1];
	s->nterms = (uint16_t) nterms;
	return load_v2(buf, size, s, err) ? s : NULL;
}
