/*
 * fuzz_spec_wire.c — libFuzzer harness of the binary and stored forms of
 * revenue_model, risk_profile and plan.  An input is decoded as the kind its
 * second byte names; a value the decoder accepts must validate, encode and
 * decode back to identical bytes, and print to text that parses back to
 * identical bytes.  The input is also taken as a stored value: whatever the
 * stored-value reader accepts must be readable (printed and encoded) without
 * reading outside it, and whatever it reads stores back to the same value.
 */
#include "fuzz_common.h"
#include "spec.h"

static char text[ABZ_MAX_INPUT * 2];

/* decode, then the round trips through binary and text */
static void
check_wire(const uint8_t *data, size_t size)
{
	AbzKind		kind = (size > 1 && data[1] >= 1 && data[1] <= 3) ? (AbzKind) data[1] : ABZ_KIND_PLAN;
	AbzError	err;
	AbzSpec    *s;
	AbzSpec    *back;
	unsigned char *wire;
	size_t		n;
	size_t		bytes;

	fuzz_begin();
	s = abz_spec_decode(kind, data, size, fuzz_alloc, &err);
	if (s == NULL)
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "decode failed without a reason");
		fuzz_free_last();
		return;
	}
	bytes = ABZ_SPEC_SIZE(s->nterms);
	FUZZ_ASSERT(abz_validate(s, bytes, &err), "decoded value does not validate: %s", err.msg);
	FUZZ_ASSERT(abz_spec_check_stored(s, bytes, &err), "decoded value fails the stored check");
	n = abz_spec_encode(s, NULL, 0);
	FUZZ_ASSERT(n <= size, "encoding is longer than its input");
	wire = malloc(n);
	FUZZ_ASSERT(abz_spec_encode(s, wire, n) == n, "encode length");
	back = abz_spec_decode(kind, wire, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, s, bytes) == 0, "binary round trip differs");
	free(back);
	free(wire);
	n = abz_format(s, text, sizeof(text), NULL);
	FUZZ_ASSERT(n < sizeof(text), "text too long");
	back = calloc(1, ABZ_SPEC_MAXSIZE);
	FUZZ_ASSERT(abz_parse(kind, text, n, back, &err) && memcmp(back, s, bytes) == 0,
				"text round trip differs: %s", text);
	free(back);
	free(s);
}

/*
 * the input as a stored body (either format version): whatever the reader
 * accepts prints and encodes without reading outside it, and stores as version 2 that
 * reads back to the same value; an accepted version 2 body is the one
 * stored form of its value, byte for byte
 */
static void
check_stored(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzSpec    *s;
	AbzSpec    *back;
	unsigned char *again;
	size_t		n;

	fuzz_begin();
	s = abz_spec_load(data, size, fuzz_alloc, &err);
	if (s == NULL)
	{
		FUZZ_ASSERT(err.code == ABZ_ERR_BINARY && err.msg[0], "load failed without a reason");
		fuzz_free_last();
		return;
	}
	(void) abz_format(s, text, sizeof(text), NULL);
	(void) abz_spec_encode(s, NULL, 0);
	n = abz_spec_store_size(s);
	FUZZ_ASSERT(n <= ABZ_SPEC_SIZE(s->nterms) + 4, "stored form longer than version 1");
	again = malloc(n);
	FUZZ_ASSERT(abz_spec_store(s, again) == n, "store length");
	FUZZ_ASSERT(data[0] != ABZ_SPEC_STORED || (n == size && memcmp(again, data, n) == 0),
				"a version 2 body is not the stored form of the value it reads as");
	back = abz_spec_load(again, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, s, ABZ_SPEC_SIZE(s->nterms)) == 0,
				"stored form reads back differently");
	free(back);
	free(again);
	free(s);
}

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_wire(data, size);
	check_stored(data, size);
	return 0;
}
