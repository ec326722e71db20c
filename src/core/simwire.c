/*
 * simwire.c — the two external forms of a simulation value: the binary form
 * (send/recv, big-endian, versioned) and the text form (a readable header
 * and the base64 of the binary form).  Every input goes through one
 * decoder: sizes come from the header, the input's length is checked
 * against them before the caller allocates, and the header inside text
 * data must equal the readable one.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base64.h"
#include "simval_int.h"

/* ---- binary form ---- */

/* big-endian writers */
static inline unsigned char *
put64(unsigned char *p, uint64_t x)
{
	for (int k = 7; k >= 0; k--)
		*p++ = (unsigned char) (x >> (8 * k));
	return p;
}

static inline unsigned char *
put32(unsigned char *p, uint32_t x)
{
	for (int k = 3; k >= 0; k--)
		*p++ = (unsigned char) (x >> (8 * k));
	return p;
}

static inline unsigned char *
put16(unsigned char *p, uint16_t x)
{
	p[0] = (unsigned char) (x >> 8);
	p[1] = (unsigned char) x;
	return p + 2;
}

/* big-endian readers */
static inline uint64_t
get64(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint64_t	x = 0;

	for (int k = 0; k < 8; k++)
		x = (x << 8) | p[k];
	*pp = p + 8;
	return x;
}

static inline uint32_t
get32(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t	x = ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | p[3];

	*pp = p + 4;
	return x;
}

static inline uint16_t
get16(const unsigned char **pp)
{
	const unsigned char *p = *pp;

	*pp = p + 2;
	return (uint16_t) ((p[0] << 8) | p[1]);
}

/* fixed cells to the wire */
static unsigned char *
put_fx(unsigned char *p, const unsigned char *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int64_t		hi;
		uint64_t	lo;

		abz_fixed_split(abz_sim_fx(cells, i), &hi, &lo);
		p = put64(p, (uint64_t) hi);
		p = put64(p, lo);
	}
	return p;
}

/* fixed cells from the wire */
static const unsigned char *
get_fx(const unsigned char *p, unsigned char *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int64_t		hi = (int64_t) get64(&p);
		uint64_t	lo = get64(&p);

		abz_sim_set_fx(cells, i, abz_fixed_join(hi, lo));
	}
	return p;
}

/* float8 array to the wire as IEEE bits */
static unsigned char *
put_f8(unsigned char *p, const double *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		uint64_t	u;

		memcpy(&u, &x[i], 8);
		p = put64(p, u);
	}
	return p;
}

/* float8 array from the wire */
static const unsigned char *
get_f8(const unsigned char *p, double *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		uint64_t	u = get64(&p);

		memcpy(&x[i], &u, 8);
	}
	return p;
}

/* the version 2 block to the wire (ABZ_SIM_WIRE_EXT bytes) */
static unsigned char *
put_ext(unsigned char *p, const AbzSimExt *e)
{
	uint64_t	tol;

	memcpy(&tol, &e->tolerance, sizeof(tol));
	p = put64(p, (uint64_t) e->scenario);
	p = put64(p, tol);
	p = put32(p, (uint32_t) e->requested);
	p = put32(p, (uint32_t) e->nslots);
	*p++ = e->sampling;
	*p++ = e->correlated;
	*p++ = e->mixed;
	memset(p, 0, 5);
	p += 5;
	for (int k = 0; k < ABZ_EQ_MAX_SLOTS; k++)
		p = put16(p, (uint16_t) e->slot[k]);
	return p;
}

/* the version 2 block from the wire; nonzero padding is kept for the validator */
static void
get_ext(const unsigned char *p, AbzSimExt *e)
{
	uint64_t	tol;

	e->scenario = (int64_t) get64(&p);
	tol = get64(&p);
	memcpy(&e->tolerance, &tol, sizeof(tol));
	e->requested = (int32_t) get32(&p);
	e->nslots = (int32_t) get32(&p);
	e->sampling = *p++;
	e->correlated = *p++;
	e->mixed = *p++;
	memcpy(e->pad, p, 5);
	p += 5;
	for (int k = 0; k < ABZ_EQ_MAX_SLOTS; k++)
		e->slot[k] = (int16_t) get16(&p);
}

/* the binary form of a value into buf (L->wire bytes) */
void
abz_sim_to_wire(const AbzSimHeader *h, unsigned char *buf)
{
	AbzSimView	v;
	unsigned char *p = buf;
	size_t		T = (size_t) h->trials;
	size_t		H = (size_t) h->horizon;

	abz_sim_const_view(h, &v);
	*p++ = h->version;
	*p++ = h->flags;
	p = put16(p, 0);
	p = put32(p, (uint32_t) h->horizon);
	p = put32(p, (uint32_t) h->trials);
	p = put32(p, (uint32_t) h->launch);
	p = put32(p, (uint32_t) h->qtrials);
	p = put64(p, (uint64_t) h->members);
	p = put64(p, (uint64_t) h->seed);
	if (v.ext)
		p = put_ext(p, v.ext);
	p = put_fx(p, v.npv, T);
	p = put_fx(p, v.arr, T);
	p = put_fx(p, v.loss, T);
	for (size_t i = 0; i < T; i++)
		p = put16(p, (uint16_t) v.death[i]);
	for (size_t i = 0; i < T; i++)
		p = put16(p, (uint16_t) v.breakeven[i]);
	for (size_t m = 0; m < H; m++)
		p = put64(p, (uint64_t) v.alive[m]);
	p = put_fx(p, v.rev_sum, H);
	p = put_fx(p, v.cash_sum, H);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		p = put64(p, (uint64_t) v.events[c]);
	p = put_fx(p, v.cat_loss, ABZ_RISK_NCAT);
	if (v.rev_q)
	{
		p = put_f8(p, v.rev_q, H * ABZ_SIM_NQ);
		p = put_f8(p, v.cash_q, H * ABZ_SIM_NQ);
	}
	if (v.ext)
	{
		p = put_fx(p, v.eq_npv, T);
		p = put_fx(p, v.exit, T);
		p = put_fx(p, v.contrib, T);
		p = put_fx(p, v.slots, T * (size_t) v.ext->nslots);
		if (v.surv)
			for (size_t k = 0; k < H * T; k++)
				p = put32(p, v.surv[k]);
	}
}

/* the header (and version 2 block) of a binary form, checked for the fields that size the value */
static bool
wire_header(const unsigned char *buf, size_t len, AbzSimHeader *h, AbzSimExt *ext,
			AbzError *err)
{
	const unsigned char *p = buf;
	unsigned	known;

	if (len < ABZ_SIM_WIRE_HEADER)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "binary simulation is truncated (%zu bytes)", len);
	memset(h, 0, sizeof(*h));
	memset(ext, 0, sizeof(*ext));
	h->version = *p++;
	h->flags = *p++;
	h->pad = get16(&p);
	h->horizon = (int32_t) get32(&p);
	h->trials = (int32_t) get32(&p);
	h->launch = (int32_t) get32(&p);
	h->qtrials = (int32_t) get32(&p);
	h->members = (int64_t) get64(&p);
	h->seed = (int64_t) get64(&p);
	if (h->version < ABZ_SIM_VERSION_1 || h->version > ABZ_SIM_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported binary format version %d (this build reads versions %d to %d)",
						 h->version, ABZ_SIM_VERSION_1, ABZ_SIM_VERSION);
	known = h->version == ABZ_SIM_VERSION_1 ? ABZ_SIM_FLAGS_KNOWN_1 : ABZ_SIM_FLAGS_KNOWN;
	if ((h->flags & ~known) || h->pad != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown flags or nonzero padding");
	if (h->version >= 2)
	{
		if (len < ABZ_SIM_WIRE_HEADER + ABZ_SIM_WIRE_EXT)
			return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
							 "binary simulation is truncated (%zu bytes)", len);
		get_ext(p, ext);
	}
	return true;
}

/*
 * The layout a binary header implies, and the check that len is exactly its
 * binary size: every array's length follows from trials, horizon, the flags
 * and the slot count, so this one comparison covers every length before
 * anything is allocated.
 */
static bool
wire_layout_of(const AbzSimHeader *h, const AbzSimExt *ext, size_t len, AbzSimLayout *L,
			   AbzError *err)
{
	AbzSimShape shape;

	abz_sim_shape_of(h, ext->nslots, &shape);
	if (!abz_sim_layout_shape(&shape, L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_BINARY;
		return false;
	}
	if (len != L->wire)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "binary simulation has %zu bytes, %zu expected for %d trials over %d months",
						 len, L->wire, (int) h->trials, (int) h->horizon);
	return true;
}

/* read a binary form's header and compute the value's layout */
bool
abz_sim_wire_layout(const unsigned char *buf, size_t len, AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	AbzSimExt	ext;

	return wire_header(buf, len, &h, &ext, err) && wire_layout_of(&h, &ext, len, L, err);
}

/* the arrays of a binary form (after its header) into a view */
static void
wire_body(const unsigned char *p, size_t T, size_t H, AbzSimView *v)
{
	p = get_fx(p, v->npv, T);
	p = get_fx(p, v->arr, T);
	p = get_fx(p, v->loss, T);
	for (size_t i = 0; i < T; i++)
		v->death[i] = (int16_t) get16(&p);
	for (size_t i = 0; i < T; i++)
		v->breakeven[i] = (int16_t) get16(&p);
	for (size_t m = 0; m < H; m++)
		v->alive[m] = (int64_t) get64(&p);
	p = get_fx(p, v->rev_sum, H);
	p = get_fx(p, v->cash_sum, H);
	for (int c = 0; c < ABZ_RISK_NCAT; c++)
		v->events[c] = (int64_t) get64(&p);
	p = get_fx(p, v->cat_loss, ABZ_RISK_NCAT);
	if (v->rev_q)
	{
		p = get_f8(p, v->rev_q, H * ABZ_SIM_NQ);
		p = get_f8(p, v->cash_q, H * ABZ_SIM_NQ);
	}
	if (v->ext)
	{
		p = get_fx(p, v->eq_npv, T);
		p = get_fx(p, v->exit, T);
		p = get_fx(p, v->contrib, T);
		p = get_fx(p, v->slots, T * (size_t) v->ext->nslots);
		if (v->surv)
			for (size_t k = 0; k < H * T; k++)
				v->surv[k] = get32(&p);
	}
}

/*
 * Decode a binary form into out (L->size bytes) and validate it.  The
 * layout is derived again from the binary header and must be the caller's
 * L, whatever the caller computed it from: a header that disagrees with the
 * memory it is decoded into is refused before a byte is written.
 */
bool
abz_sim_from_wire(const unsigned char *buf, size_t len, AbzSimHeader *out,
				  const AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	AbzSimExt	ext;
	AbzSimLayout own;
	AbzSimView	v;

	if (!wire_header(buf, len, &h, &ext, err) || !wire_layout_of(&h, &ext, len, &own, err))
		return false;
	if (memcmp(&own, L, sizeof(own)) != 0)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "binary simulation of %d trials over %d months does not fit the %zu bytes it is decoded into",
						 (int) h.trials, (int) h.horizon, L->size);
	*out = h;
	memset((unsigned char *) out + sizeof(AbzSimHeader), 0, L->size - sizeof(AbzSimHeader));
	abz_sim_view(out, L, &v);
	if (v.ext)
		*v.ext = ext;
	wire_body(buf + ABZ_SIM_WIRE_HEADER + (v.ext ? ABZ_SIM_WIRE_EXT : 0),
			  (size_t) h.trials, (size_t) h.horizon, &v);
	/* version 3: the summary is not sent; it follows from the arrays */
	abz_sim_summarize(out);
	return abz_sim_validate(out, L->size, err);
}

/* ---- text form ---- */

/* the readable prefix of the text form; returns its length */
static int
text_prefix(const AbzSimHeader *h, char *buf)
{
	char		seed[24];
	char		slots[16] = "";

	if (h->flags & ABZ_SIM_MIXED_SEED)
		strcpy(seed, "mixed");
	else
		snprintf(seed, sizeof(seed), "%" PRId64, h->seed);
	if (h->version >= 2)
	{
		AbzSimView	v;

		abz_sim_const_view(h, &v);
		snprintf(slots, sizeof(slots), "slots=%d ", (int) v.ext->nslots);
	}
	return snprintf(buf, ABZ_SIM_TEXT_HEADER_MAX + 1, "%strials=%d horizon=%d members=%" PRId64 " seed=%s %sdata=",
					h->version >= 3 ? ABZ_SIM_TEXT_PREFIX :
					h->version == 2 ? ABZ_SIM_TEXT_PREFIX_2 : ABZ_SIM_TEXT_PREFIX_1,
					(int) h->trials, (int) h->horizon, h->members, seed, slots);
}

/* text form into buf (L->text + 1 bytes); the binary form is written at its end first */
size_t
abz_sim_format(const AbzSimHeader *h, const AbzSimLayout *L, char *buf)
{
	int			n = text_prefix(h, buf);
	unsigned char *wire = (unsigned char *) buf + L->text + 1 - L->wire;
	size_t		len;

	/*
	 * Encode in place: the binary form sits at the end of buf, and base64
	 * writes 4 bytes only after reading the 3 they encode, never overtaking
	 * its input because the prefix bound leaves room.
	 */
	abz_sim_to_wire(h, wire);
	len = (size_t) n + abz_b64_encode(wire, L->wire, buf + n);
	buf[len] = '\0';
	return len;
}

/* parse a decimal int64 field "name=<digits>" followed by a space; advances *pp */
static bool
parse_field(const char **pp, const char *end, const char *name, int64_t *out, bool allow_mixed,
			bool *mixed)
{
	const char *p = *pp;
	size_t		nl = strlen(name);
	bool		neg = false;
	uint64_t	u = 0;
	int			digits = 0;

	if ((size_t) (end - p) < nl + 1 || memcmp(p, name, nl) != 0 || p[nl] != '=')
		return false;
	p += nl + 1;
	if (allow_mixed && end - p >= 5 && memcmp(p, "mixed", 5) == 0)
	{
		*mixed = true;
		*out = 0;
		p += 5;
	}
	else
	{
		if (p < end && *p == '-')
		{
			neg = true;
			p++;
		}
		while (p < end && *p >= '0' && *p <= '9')
		{
			if (digits == 0 && *p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9')
				return false;	/* no leading zeros: the form is canonical */
			if (++digits > 19)
				return false;
			u = u * 10 + (uint64_t) (*p - '0');
			p++;
		}
		if (digits == 0 || u > (neg ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX) ||
			(neg && u == 0))
			return false;
		*out = neg ? (int64_t) (0 - u) : (int64_t) u;
	}
	if (p >= end || *p != ' ')
		return false;
	*pp = p + 1;
	return true;
}

/* the version named by the text's prefix, 0 if none; advances *pp */
static int
text_version(const char **pp, const char *end)
{
	size_t		pl = strlen(ABZ_SIM_TEXT_PREFIX);

	if ((size_t) (end - *pp) < pl)
		return 0;
	if (memcmp(*pp, ABZ_SIM_TEXT_PREFIX, pl) == 0)
	{
		*pp += pl;
		return ABZ_SIM_VERSION;
	}
	if (memcmp(*pp, ABZ_SIM_TEXT_PREFIX_2, pl) == 0)
	{
		*pp += pl;
		return ABZ_SIM_VERSION_2;
	}
	if (memcmp(*pp, ABZ_SIM_TEXT_PREFIX_1, pl) == 0)
	{
		*pp += pl;
		return ABZ_SIM_VERSION_1;
	}
	return 0;
}

/* parse the readable prefix; fills h's version, trials, horizon, members, seed, flags and *nslots */
static bool
parse_prefix(const char *text, size_t len, AbzSimHeader *h, int32_t *nslots, size_t *data_at,
			 AbzError *err)
{
	const char *p = text;
	const char *end = text + len;
	int64_t		trials,
				horizon,
				members,
				seed,
				slots = 0;
	bool		mixed = false;
	int			version;

	memset(h, 0, sizeof(*h));
	version = text_version(&p, end);
	if (version == 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "expected \"%s\" followed by trials, horizon, members, seed, slots and data",
						 ABZ_SIM_TEXT_PREFIX "...");
	if (!parse_field(&p, end, "trials", &trials, false, NULL) ||
		!parse_field(&p, end, "horizon", &horizon, false, NULL) ||
		!parse_field(&p, end, "members", &members, false, NULL) ||
		!parse_field(&p, end, "seed", &seed, true, &mixed) ||
		(version >= 2 && !parse_field(&p, end, "slots", &slots, false, NULL)))
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "malformed header: expected trials=<n> horizon=<n> members=<n> seed=<n>%s data=",
						 version >= 2 ? " slots=<n>" : "");
	if ((size_t) (end - p) < 5 || memcmp(p, "data=", 5) != 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL, "expected data= after the header");
	if (trials < 1 || trials > INT32_MAX || horizon < 1 || horizon > INT32_MAX || members < 1 ||
		slots < 0 || slots > ABZ_EQ_MAX_SLOTS)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "trials, horizon and members must be positive, slots between 0 and %d",
						 ABZ_EQ_MAX_SLOTS);
	h->version = (uint8_t) version;
	h->trials = (int32_t) trials;
	h->horizon = (int32_t) horizon;
	h->members = members;
	h->seed = seed;
	h->flags = (members == 1 ? ABZ_SIM_HAS_QUANTILES : 0) | (mixed ? ABZ_SIM_MIXED_SEED : 0) |
		(version >= 2 && members > 1 ? ABZ_SIM_HAS_SURVIVORS : 0);
	*nslots = (int32_t) slots;
	*data_at = (size_t) (p + 5 - text);
	return true;
}

/* size a value from its text form; the data must be as long as the header implies */
bool
abz_sim_text_layout(const char *text, size_t len, AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	AbzSimShape shape;
	int32_t		nslots;
	size_t		at;

	if (!parse_prefix(text, len, &h, &nslots, &at, err))
		return false;
	abz_sim_shape_of(&h, nslots, &shape);
	if (!abz_sim_layout_shape(&shape, L, err))
	{
		if (err->code != ABZ_ERR_LIMIT)
			err->code = ABZ_ERR_SYNTAX;
		return false;
	}
	if (len - at != abz_sim_b64_len(L->wire))
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "data has %zu base64 characters, %zu expected for %d trials over %d months",
						 len - at, abz_sim_b64_len(L->wire), (int) h.trials, (int) h.horizon);
	return true;
}

/* a header's fields as the readable header names them (version, slots and a mixed seed included) */
static void
header_words(const AbzSimHeader *h, int32_t nslots, char *buf, size_t n)
{
	int			k;

	k = snprintf(buf, n, "v%d trials=%d horizon=%d members=%" PRId64 " seed=%" PRId64 "%s",
				 (int) h->version, (int) h->trials, (int) h->horizon, h->members, h->seed,
				 (h->flags & ABZ_SIM_MIXED_SEED) ? " (mixed)" : "");
	if (h->version >= 2 && k >= 0 && (size_t) k < n)
		snprintf(buf + k, n - (size_t) k, " slots=%d", (int) nslots);
}

/* the readable header and the binary header inside the data say the same */
static bool
same_header(const AbzSimHeader *text, int32_t nslots, const unsigned char *wire, size_t len,
			AbzError *err)
{
	AbzSimHeader w;
	AbzSimExt	ext;
	char		data_words[160],
				text_words[160];

	if (!wire_header(wire, len, &w, &ext, err))
		return false;
	if (w.version == text->version && ext.nslots == nslots &&
		w.trials == text->trials && w.horizon == text->horizon &&
		w.members == text->members && w.seed == text->seed && w.flags == text->flags)
		return true;
	header_words(&w, w.version >= 2 ? ext.nslots : 0, data_words, sizeof(data_words));
	header_words(text, nslots, text_words, sizeof(text_words));
	if (strcmp(data_words, text_words) == 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "the data's flags (%d) do not match those of its readable header (%s: flags %d)",
						 (int) w.flags, text_words, (int) text->flags);
	return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
					 "the data's header (%s) does not match the readable header (%s)",
					 data_words, text_words);
}

/*
 * Parse a text form into out (layout L from abz_sim_text_layout), using wire
 * (L->wire bytes) as scratch.  The layout is derived again from the readable
 * header and must be L; the data must decode to exactly L->wire bytes whose
 * header equals the readable one; then the one binary decoder takes over.
 */
bool
abz_sim_parse(const char *text, size_t len, unsigned char *wire,
			  AbzSimHeader *out, const AbzSimLayout *L, AbzError *err)
{
	AbzSimHeader h;
	AbzSimLayout own;
	int32_t		nslots;
	size_t		at;

	if (!abz_sim_text_layout(text, len, &own, err) ||
		!parse_prefix(text, len, &h, &nslots, &at, err))
		return false;
	if (memcmp(&own, L, sizeof(own)) != 0)
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "text of %d trials over %d months does not fit the %zu bytes it is decoded into",
						 (int) h.trials, (int) h.horizon, L->size);
	if (!abz_b64_decode(text + at, len - at, wire, L->wire))
		return abz_error(err, ABZ_ERR_SYNTAX, NULL, NULL,
						 "data is not the canonical base64 of a %d-trial, %d-month simulation",
						 (int) h.trials, (int) h.horizon);
	if (!same_header(&h, nslots, wire, L->wire, err) || !abz_sim_from_wire(wire, L->wire, out, L, err))
	{
		/* text input reports a malformed value as a syntax error */
		if (err->code == ABZ_ERR_BINARY)
			err->code = ABZ_ERR_SYNTAX;
		return false;
	}
	return true;
}
