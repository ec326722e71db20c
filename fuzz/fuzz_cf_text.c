/*
 * fuzz_cf_text.c — libFuzzer harness of the canonical text of
 * aibiz.cashflows.  A list the parser accepts must pass the canonical
 * check, print to exactly the input, parse back to identical bytes, and
 * encode and decode to identical bytes.
 */
#include "fuzz_common.h"
#include "cashflows.h"

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	AbzError	err;
	size_t		room = abz_cf_text_max_flows(size);
	AbzCashflows *cf = calloc(1, ABZ_CF_SIZE(room));
	AbzCashflows *back;
	size_t		bytes;
	size_t		n;
	char	   *text;
	unsigned char *wire;

	if (!abz_cf_parse((const char *) data, size, cf, (uint32_t) room, &err))
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "parse failed without a reason");
		free(cf);
		return 0;
	}
	bytes = ABZ_CF_SIZE(cf->n);
	FUZZ_ASSERT(abz_cf_check(cf, bytes, true, &err), "parsed list is not canonical: %s", err.msg);
	n = abz_cf_format(cf, NULL, 0, NULL);
	text = malloc(n + 1);
	abz_cf_format(cf, text, n + 1, NULL);
	back = calloc(1, ABZ_CF_SIZE(abz_cf_text_max_flows(n)));
	FUZZ_ASSERT(abz_cf_parse(text, n, back, (uint32_t) abz_cf_text_max_flows(n), &err) &&
				memcmp(back, cf, bytes) == 0, "text round trip differs: %s", text);
	free(back);
	free(text);
	n = abz_cf_encode(cf, NULL, 0);
	wire = malloc(n);
	FUZZ_ASSERT(abz_cf_encode(cf, wire, n) == n, "encode length");
	back = abz_cf_decode(wire, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, cf, bytes) == 0, "binary round trip differs: %s",
				back ? "" : err.msg);
	free(back);
	free(wire);
	free(cf);
	return 0;
}
