/*
 * fuzz_cf_wire.c — libFuzzer harness of the binary form of aibiz.cashflows.
 * A list the decoder accepts must pass the canonical check, encode and
 * decode back to identical bytes, and print to text that parses back to
 * identical bytes: binary input is exactly as strict as text input.
 */
#include "fuzz_common.h"
#include "cashflows.h"

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzCashflows *cf;
	AbzCashflows *back;
	size_t		bytes;
	size_t		n;
	size_t		room;
	char	   *text;
	unsigned char *wire;

	fuzz_begin();
	cf = abz_cf_decode(data, size, fuzz_alloc, &err);
	if (cf == NULL)
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "decode failed without a reason");
		fuzz_free_last();
		return 0;
	}
	bytes = ABZ_CF_SIZE(cf->n);
	FUZZ_ASSERT(abz_cf_check(cf, bytes, true, &err), "decoded list is not canonical: %s", err.msg);
	n = abz_cf_encode(cf, NULL, 0);
	FUZZ_ASSERT(n == size, "encoding length differs from the input");
	wire = malloc(n);
	abz_cf_encode(cf, wire, n);
	back = abz_cf_decode(wire, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, cf, bytes) == 0, "binary round trip differs");
	free(back);
	free(wire);
	n = abz_cf_format(cf, NULL, 0, NULL);
	text = malloc(n + 1);
	abz_cf_format(cf, text, n + 1, NULL);
	room = abz_cf_text_max_flows(n);
	back = calloc(1, ABZ_CF_SIZE(room));
	FUZZ_ASSERT(abz_cf_parse(text, n, back, (uint32_t) room, &err), "printed text does not parse: %s\n%s",
				err.msg, text);
	FUZZ_ASSERT(memcmp(back, cf, bytes) == 0, "text round trip differs: %s", text);
	free(back);
	free(text);
	free(cf);
	return 0;
}
