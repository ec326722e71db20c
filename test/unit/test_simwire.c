/*
 * test_simwire.c — unit tests of the hostile-input paths of the simulation
 * value: text whose data disagrees with its readable header, a header that
 * claims more than its data holds, binary forms whose layout disagrees with
 * the one handed in, the format-version check on every read, the exact
 * 1 GB trial limit, and the per-trial event counter.
 *
 * Every decode target is allocated with a guard zone after it, so a decoder
 * that writes past the value it was sized for fails here even without a
 * sanitizer.
 */
#include <stdint.h>
#include <stdlib.h>

#include "simval.h"
#include "unit.h"

#define GUARD		4096
#define GUARD_BYTE	0xA5

/* a synthetic trial i (as test_simval.c, but self-contained) */
static void
trial_of(int i, int H, AbzTrial *t, double *rev, double *cash)
{
	memset(t, 0, sizeof(*t));
	t->npv = (i % 5) * 100.25 - 50;
	t->arr = (i % 3) * 7.5;
	t->death_month = (i % 4 == 0) ? 1 + i % H : 0;
	t->breakeven_month = (i % 3 == 0) ? 0 : 1 + i % H;
	t->events[ABZ_RISK_DATA] = (uint32_t) (i % 2);
	t->loss[ABZ_RISK_DATA] = (i % 2) * 10.0;
	t->risk_loss = t->loss[ABZ_RISK_DATA];
	for (int m = 0; m < H; m++)
	{
		rev[m] = m + i;
		cash[m] = 100 - m + i;
	}
}

/* build a single simulation; caller frees */
static AbzSimHeader *
build(int32_t trials, int32_t H, AbzSimLayout *L)
{
	AbzError	err;
	AbzSimBuilder b;
	AbzTrial	t;
	void	   *value;
	void	   *scratch;

	if (!abz_sim_layout(trials, H, true, L, &err))
		abort();
	value = calloc(1, L->size);
	scratch = malloc(abz_sim_builder_scratch(trials, H));
	abz_sim_builder_init(&b, value, L, scratch, trials, H, 1, 7, unit_sim_ext(trials));
	for (int i = 0; i < trials; i++)
	{
		trial_of(i, H, &t, b.revenue, b.cash);
		if (!abz_sim_builder_add(&b, &t, &err))
			abort();
	}
	if (!abz_sim_builder_finish(&b, NULL, NULL, NULL, &err))
		abort();
	free(scratch);
	return value;
}

/* size bytes followed by a guard zone */
static unsigned char *
guarded(size_t size)
{
	unsigned char *p = malloc(size + GUARD);

	memset(p, 0, size);
	memset(p + size, GUARD_BYTE, GUARD);
	return p;
}

/* the guard zone after size bytes is intact */
static int
guard_ok(const unsigned char *p, size_t size)
{
	for (size_t i = 0; i < GUARD; i++)
		if (p[size + i] != GUARD_BYTE)
			return 0;
	return 1;
}

/* standard padded base64 of n bytes into dst (NUL-terminated); returns its length */
static size_t
b64(const unsigned char *s, size_t n, char *dst)
{
	static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t		o = 0;

	for (size_t i = 0; i < n; i += 3)
	{
		uint32_t	w = (uint32_t) s[i] << 16;

		if (i + 1 < n)
			w |= (uint32_t) s[i + 1] << 8;
		if (i + 2 < n)
			w |= s[i + 2];
		dst[o++] = A[(w >> 18) & 63];
		dst[o++] = A[(w >> 12) & 63];
		dst[o++] = i + 1 < n ? A[(w >> 6) & 63] : '=';
		dst[o++] = i + 2 < n ? A[w & 63] : '=';
	}
	dst[o] = '\0';
	return o;
}

/* set the big-endian int32 at wire offset at */
static void
put_be32(unsigned char *w, size_t at, uint32_t x)
{
	w[at] = (unsigned char) (x >> 24);
	w[at + 1] = (unsigned char) (x >> 16);
	w[at + 2] = (unsigned char) (x >> 8);
	w[at + 3] = (unsigned char) x;
}

/*
 * Text "simulation v1 trials=<header_trials> ..." whose data is the binary
 * form of a value of real trials with its trials field set to wire_trials.
 * Returns the malloc'd text.
 */
static char *
forged_text(const AbzSimHeader *h, const AbzSimLayout *L, int32_t header_trials,
			int32_t wire_trials)
{
	unsigned char *wire = malloc(L->wire);
	char	   *text = malloc(200 + L->wire * 2);
	int			n;

	abz_sim_to_wire(h, wire);
	put_be32(wire, 8, (uint32_t) wire_trials);
	n = sprintf(text, "simulation v3 trials=%d horizon=%d members=1 seed=7 slots=0 data=",
				(int) header_trials, (int) h->horizon);
	b64(wire, L->wire, text + n);
	free(wire);
	return text;
}

/* parse text through the public two-step API into a guarded value; true if accepted */
static int
parse_guarded(const char *text, AbzError *err, int *guard)
{
	AbzSimLayout L;
	unsigned char *wire,
			   *value;
	int			ok;

	*guard = 1;
	if (!abz_sim_text_layout(text, strlen(text), &L, err))
		return 0;
	wire = guarded(L.wire);
	value = guarded(L.size);
	ok = abz_sim_parse(text, strlen(text), wire, (AbzSimHeader *) value, &L, err);
	*guard = guard_ok(value, L.size) && guard_ok(wire, L.wire);
	free(wire);
	free(value);
	return ok;
}

ABZ_SUITE(simwire_text_header_mismatch)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *h = build(200, 6, &L);
	char	   *text;
	int			guard;

	/* data claims 201 trials under a header of 200: refused, nothing written past the value */
	text = forged_text(h, &L, 200, 201);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX);
	CHECK(guard);
	free(text);
	/* data claims 199: refused too */
	text = forged_text(h, &L, 200, 199);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX);
	CHECK(guard);
	free(text);
	/* a large mismatch: a million trials claimed inside a 200-trial value */
	text = forged_text(h, &L, 200, 1000000);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX);
	CHECK(guard);
	CHECK(strstr(err.msg, "header") != NULL);
	free(text);
	/* the untouched value still parses */
	text = forged_text(h, &L, 200, 200);
	CHECK(parse_guarded(text, &err, &guard) && guard);
	free(text);
	free(h);
}

/* text whose readable header says version text_version over data of version, flags |= or_flags */
static char *
version_text(const AbzSimHeader *h, const AbzSimLayout *L, int text_version, int version,
			 int or_flags)
{
	unsigned char *wire = malloc(L->wire);
	char	   *text = malloc(200 + L->wire * 2);
	int			n;

	abz_sim_to_wire(h, wire);
	wire[0] = (unsigned char) version;
	wire[1] |= (unsigned char) or_flags;
	n = sprintf(text, "simulation v%d trials=%d horizon=%d members=1 seed=7 slots=0 data=",
				text_version, (int) h->trials, (int) h->horizon);
	b64(wire, L->wire, text + n);
	free(wire);
	return text;
}

ABZ_SUITE(simwire_text_version_mismatch)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *h = build(20, 6, &L);
	char	   *text;
	int			guard;

	/*
	 * Versions 2 and 3 have the same binary form but the version byte, so a
	 * mismatch there leaves every other field equal: the message must name
	 * the two versions, not print two identical headers.
	 */
	text = version_text(h, &L, 3, 2, 0);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX && guard);
	CHECK_STR(err.msg, "the data's header (v2 trials=20 horizon=6 members=1 seed=7 slots=0) "
			  "does not match the readable header (v3 trials=20 horizon=6 members=1 seed=7 slots=0)");
	free(text);
	text = version_text(h, &L, 2, 3, 0);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX && guard);
	CHECK(strstr(err.msg, "(v3 trials=20") != NULL && strstr(err.msg, "(v2 trials=20") != NULL);
	free(text);
	/* a mixed-seed flag the readable header does not imply: named as such */
	text = version_text(h, &L, 3, 3, ABZ_SIM_MIXED_SEED);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX && guard);
	CHECK(strstr(err.msg, "seed=7 (mixed)") != NULL);
	free(text);
	/* flags alone differ (survivor counts in a single simulation): the flags are named */
	text = version_text(h, &L, 3, 3, ABZ_SIM_HAS_SURVIVORS);
	CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX && guard);
	CHECK_STR(err.msg, "the data's flags (5) do not match those of its readable header "
			  "(v3 trials=20 horizon=6 members=1 seed=7 slots=0: flags 1)");
	free(text);
	/* the same text with matching versions parses */
	text = version_text(h, &L, 3, 3, 0);
	CHECK(parse_guarded(text, &err, &guard) && guard);
	free(text);
	free(h);
}

ABZ_SUITE(simwire_wire_layout_mismatch)
{
	AbzSimLayout L,
				L2;
	AbzError	err;
	AbzSimHeader *h = build(200, 6, &L);
	unsigned char *wire = malloc(L.wire);
	unsigned char *value = guarded(L.size);

	abz_sim_to_wire(h, wire);
	/* from_wire handed the layout of 200 trials, data saying 201: refused, nothing written past */
	put_be32(wire, 8, 201);
	CHECK(!abz_sim_from_wire(wire, L.wire, (AbzSimHeader *) value, &L, &err) &&
		  err.code == ABZ_ERR_BINARY);
	CHECK(guard_ok(value, L.size));
	put_be32(wire, 8, 5000000);
	CHECK(!abz_sim_from_wire(wire, L.wire, (AbzSimHeader *) value, &L, &err) &&
		  err.code == ABZ_ERR_BINARY);
	CHECK(guard_ok(value, L.size));
	/* horizon too */
	put_be32(wire, 8, 200);
	put_be32(wire, 4, 7);
	CHECK(!abz_sim_from_wire(wire, L.wire, (AbzSimHeader *) value, &L, &err) &&
		  err.code == ABZ_ERR_BINARY);
	CHECK(guard_ok(value, L.size));
	put_be32(wire, 4, 6);
	CHECK(abz_sim_wire_layout(wire, L.wire, &L2, &err));
	CHECK(abz_sim_from_wire(wire, L.wire, (AbzSimHeader *) value, &L2, &err));
	CHECK(memcmp(value, h, L.size) == 0);
	/* every truncation is 22P03 */
	for (size_t n = 0; n < L.wire; n += 97)
		CHECK(!abz_sim_wire_layout(wire, n, &L2, &err) && err.code == ABZ_ERR_BINARY);
	free(value);
	free(wire);
	free(h);
}

ABZ_SUITE(simwire_short_data)
{
	AbzSimLayout L;
	AbzError	err;
	const char *lit = "simulation v1 trials=15000000 horizon=1 members=1 seed=0 data=AAAA";

	CHECK(strlen(lit) == 66);
	/* sizing refuses before anything is allocated: the data is not as long as the header says */
	CHECK(!abz_sim_text_layout(lit, strlen(lit), &L, &err) && err.code == ABZ_ERR_SYNTAX);
	CHECK(strstr(err.msg, "base64") != NULL);
	CHECK(!abz_sim_text_layout("simulation v1 trials=1 horizon=1 members=1 seed=0 data=", 55,
							   &L, &err) && err.code == ABZ_ERR_SYNTAX);
}

ABZ_SUITE(simwire_version_every_read)
{
	AbzSimLayout L,
				L2;
	AbzError	err;
	AbzSimHeader *h = build(10, 3, &L);

	CHECK(abz_sim_check_header(h, L.size, &L2, &err) && L2.size == L.size && L2.wire == L.wire);
	h->version = 4;
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err) && err.code == ABZ_ERR_BINARY);
	CHECK(strstr(err.msg, "versions 1 to 3") != NULL);
	h->version = 2;				/* readable, but a version 2 value has no 64-byte summary */
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err) && err.code == ABZ_ERR_BINARY);
	CHECK(abz_sim_check_header(h, L.size - 64, &L2, &err));
	h->version = 1;				/* readable, but a version 1 value of these dimensions is smaller */
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err) && err.code == ABZ_ERR_BINARY);
	h->version = 0;
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err));
	h->version = ABZ_SIM_VERSION;
	h->flags |= 0x80;
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err));
	h->flags &= 0x7f;
	CHECK(!abz_sim_check_header(h, L.size - 8, &L2, &err));
	CHECK(!abz_sim_check_header(h, 12, &L2, &err));
	h->members = 0;
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err));
	h->members = 1;
	h->trials = 11;
	CHECK(!abz_sim_check_header(h, L.size, &L2, &err));
	h->trials = 10;
	CHECK(abz_sim_check_header(h, L.size, &L2, &err));
	free(h);
}

/*
 * The 1 GB limit: the text form, with the longest readable header a value can
 * have (112 bytes), plus 8 bytes of framing must fit in 1 GB - 1.  Text bytes
 * are 112 + 4 ceil(wire / 3); version 2 without equity slots: wire = 36 + 160
 * + 100 T + 40 H + 192, plus 80 H with quantiles (a single simulation) or
 * 4 H T survivor counts without (a portfolio).  By hand: the text fits while
 * 4 ceil(wire / 3) <= 1073741823 - 8 - 112 = 1073741703, i.e. ceil(wire / 3)
 * <= 268435425, wire <= 805306275.  H = 1 with quantiles: wire = 508 + 100 T,
 * T <= 805305767 / 100 = 8053057.7.  Without: wire = 428 + 104 T, T <=
 * 805305847 / 104 = 7743325.5.  H = 600 with quantiles: wire = 72388 + 100 T,
 * T <= 805233887 / 100 = 8052338.9.
 */
ABZ_SUITE(simwire_trial_limit)
{
	AbzSimLayout L;
	AbzError	err;

	CHECK(abz_sim_layout(8053057, 1, true, &L, &err));
	CHECK(L.text + 8 <= ABZ_SIM_MAX_BYTES);
	CHECK(!abz_sim_layout(8053058, 1, true, &L, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(abz_sim_layout(7743325, 1, false, &L, &err));
	CHECK(!abz_sim_layout(7743326, 1, false, &L, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(abz_sim_layout(8052338, 600, true, &L, &err));
	CHECK(!abz_sim_layout(8052339, 600, true, &L, &err) && err.code == ABZ_ERR_LIMIT);
	CHECK(abz_sim_max_trials(1, true) == 8053057);
	CHECK(abz_sim_max_trials(1, false) == 7743325);
	CHECK(abz_sim_max_trials(600, true) == 8052338);
	/* the longest readable header is what the limit assumes */
	{
		AbzSimHeader *hh;
		AbzSimLayout Ls;
		char	   *buf;
		size_t		n;

		CHECK(abz_sim_layout(1, 1, false, &Ls, &err));
		hh = calloc(1, Ls.size);
		hh->version = ABZ_SIM_VERSION;
		hh->flags = ABZ_SIM_HAS_SURVIVORS;
		hh->trials = 1;
		hh->horizon = 1;
		hh->launch = 1;
		hh->members = INT64_MAX;
		hh->seed = INT64_MIN;
		buf = calloc(1, Ls.text + 1);
		n = abz_sim_format(hh, &Ls, buf);
		CHECK(n == strlen(buf) && n <= Ls.text);
		/* 1-digit trials, horizon and slots: 9 + 2 + 1 digits short of the longest header */
		CHECK((size_t) (strstr(buf, "data=") + 5 - buf) == ABZ_SIM_TEXT_HEADER_MAX - 12);
		free(buf);
		free(hh);
	}
}

ABZ_SUITE(simwire_event_counter)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimBuilder b;
	AbzTrial	t;
	void	   *value,
			   *scratch;

	CHECK(abz_sim_layout(2, 3, true, &L, &err));
	value = calloc(1, L.size);
	scratch = malloc(abz_sim_builder_scratch(2, 3));
	abz_sim_builder_init(&b, value, &L, scratch, 2, 3, 1, 0, unit_sim_ext(2));
	trial_of(1, 3, &t, b.revenue, b.cash);
	t.events[ABZ_RISK_MARKET] = UINT32_MAX - 1;
	CHECK(abz_sim_builder_add(&b, &t, &err));
	/* a saturated count (2^32 - 1: the counter's ceiling) is an error, not a silent cap */
	trial_of(2, 3, &t, b.revenue, b.cash);
	t.events[ABZ_RISK_MARKET] = UINT32_MAX;
	CHECK(!abz_sim_builder_add(&b, &t, &err) && err.code == ABZ_ERR_OVERFLOW);
	CHECK(strstr(err.msg, "market") != NULL);
	free(scratch);
	free(value);
}

ABZ_SUITE(simwire_padding)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *h = build(5, 3, &L);	/* 5 int16 = 10 bytes, padded to 16 */
	unsigned char *base = (unsigned char *) h;

	CHECK(abz_sim_validate(h, L.size, &err));
	/* the padding after the death and breakeven months is zero in every value */
	base[L.death + 10] = 1;
	CHECK(!abz_sim_validate(h, L.size, &err) && err.code == ABZ_ERR_BINARY);
	base[L.death + 10] = 0;
	base[L.breakeven + 15] = 0x80;
	CHECK(!abz_sim_validate(h, L.size, &err) && err.code == ABZ_ERR_BINARY);
	base[L.breakeven + 15] = 0;
	CHECK(abz_sim_validate(h, L.size, &err));
	free(h);
}

ABZ_SUITE(simwire_base64_groups)
{
	int			seen = 0;

	/* binary sizes of every remainder mod 3: no padding, "xx==" and "xxx=" */
	for (int32_t trials = 1; trials <= 6 && seen != 7; trials++)
	{
		AbzSimLayout L;
		AbzSimHeader *h = build(trials, 2, &L);
		int			rest = (int) (L.wire % 3);
		char	   *text = malloc(L.text + 1);
		size_t		n = abz_sim_format(h, &L, text);
		AbzError	err;
		int			guard;
		char		keep;

		seen |= 1 << rest;
		CHECK(parse_guarded(text, &err, &guard) && guard);
		/* padding exactly where the length says */
		CHECK((rest == 0 && text[n - 1] != '=') || (rest == 1 && !strcmp(text + n - 2, "==")) ||
			  (rest == 2 && text[n - 1] == '=' && text[n - 2] != '='));
		/* a character outside the alphabet in a full group */
		keep = text[n - 9];
		text[n - 9] = '*';
		CHECK(!parse_guarded(text, &err, &guard) && err.code == ABZ_ERR_SYNTAX &&
			  strstr(err.msg, "base64") != NULL);
		text[n - 9] = keep;
		/* set bits the padding leaves unused: 'B' is 1, 'Q' is 16 (low 4 bits zero) */
		if (rest == 1)
		{
			keep = text[n - 3];
			text[n - 3] = (char) (keep == 'B' ? 'C' : 'B');
			CHECK(!parse_guarded(text, &err, &guard) && strstr(err.msg, "base64") != NULL);
			text[n - 3] = keep;
			/* "xxx=" where "xx==" belongs */
			text[n - 2] = 'A';
			CHECK(!parse_guarded(text, &err, &guard) && strstr(err.msg, "base64") != NULL);
			text[n - 2] = '=';
		}
		if (rest == 2)
		{
			keep = text[n - 2];
			text[n - 2] = (char) (keep == 'B' ? 'C' : 'B');
			CHECK(!parse_guarded(text, &err, &guard) && strstr(err.msg, "base64") != NULL);
			text[n - 2] = keep;
			/* "xx==" where "xxx=" belongs */
			text[n - 2] = '=';
			CHECK(!parse_guarded(text, &err, &guard) && strstr(err.msg, "base64") != NULL);
			text[n - 2] = keep;
		}
		if (rest == 0)
		{
			keep = text[n - 1];
			text[n - 1] = '=';
			CHECK(!parse_guarded(text, &err, &guard) && strstr(err.msg, "base64") != NULL);
			text[n - 1] = keep;
		}
		CHECK(parse_guarded(text, &err, &guard) && guard);
		free(text);
		free(h);
	}
	CHECK(seen == 7);
}
