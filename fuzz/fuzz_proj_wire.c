/*
 * fuzz_proj_wire.c — libFuzzer harness of the binary and stored forms of
 * aibiz.projection.  A value the decoder accepts must validate, encode to
 * exactly the input, and print to text that parses back to identical
 * bytes.  The input is also taken as a stored value: whatever the stored
 * check accepts must be readable (printed, summarised, encoded) without
 * reading outside it.
 */
#include "fuzz_common.h"
#include "projval.h"

/* decode, then the round trips through binary and text */
static void
check_wire(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzProj    *p;
	AbzProj    *back;
	size_t		bytes;
	size_t		n;
	char	   *text;
	unsigned char *wire;

	fuzz_begin();
	p = abz_proj_decode(data, size, fuzz_alloc, &err);
	if (p == NULL)
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "decode failed without a reason");
		fuzz_free_last();
		return;
	}
	bytes = abz_proj_size(p);
	FUZZ_ASSERT(abz_proj_validate(p, bytes, &err), "decoded value does not validate: %s", err.msg);
	n = abz_proj_encode(p, NULL, 0);
	wire = malloc(n);
	FUZZ_ASSERT(abz_proj_encode(p, wire, n) == n && n == size && memcmp(wire, data, n) == 0,
				"encoding differs from the accepted input");
	free(wire);
	n = abz_proj_format(p, NULL, 0);
	text = malloc(n + 1);
	abz_proj_format(p, text, n + 1);
	back = abz_proj_parse(text, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL, "printed text does not parse: %s\n%s", err.msg, text);
	FUZZ_ASSERT(memcmp(back, p, bytes) == 0, "text round trip differs: %s", text);
	free(back);
	free(text);
	free(p);
}

/* the input as a stored body: readable if the stored check accepts it */
static void
check_stored(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzProjSummary sum;
	AbzProj    *p;
	AbzProj    *acc;
	char		buf[64];

	if (size > ABZ_PROJ_MAXSIZE)
		return;
	p = malloc(size ? size : 1);
	memcpy(p, data, size);
	if (abz_proj_check_stored(p, size, &err))
	{
		(void) abz_proj_format(p, buf, sizeof(buf));
		(void) abz_proj_summarise(p, &sum, &err);
		(void) abz_proj_encode(p, NULL, 0);
		acc = malloc(ABZ_PROJ_SIZE(p->horizon));
		abz_proj_to_fixed(acc, p);
		(void) abz_proj_add(acc, p, &err);
		free(acc);
	}
	free(p);
}

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_wire(data, size);
	check_stored(data, size);
	return 0;
}
