/*
 * fuzz_proj_text.c — libFuzzer harness of the canonical text of
 * aibiz.projection.  A value the parser accepts must validate, print to
 * exactly the input (the text form is canonical), parse back to identical
 * bytes, and encode and decode to identical bytes.
 */
#include "fuzz_common.h"
#include "projval.h"

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	AbzError	err;
	AbzProj    *p;
	AbzProj    *back;
	AbzProjSummary sum;
	size_t		bytes;
	size_t		n;
	char	   *text;
	unsigned char *wire;

	fuzz_begin();
	p = abz_proj_parse((const char *) data, size, fuzz_alloc, &err);
	if (p == NULL)
	{
		FUZZ_ASSERT(err.code != ABZ_OK && err.msg[0], "parse failed without a reason");
		fuzz_free_last();
		return 0;
	}
	bytes = abz_proj_size(p);
	FUZZ_ASSERT(abz_proj_validate(p, bytes, &err), "parsed value does not validate: %s", err.msg);
	FUZZ_ASSERT(abz_proj_check_stored(p, bytes, &err), "parsed value fails the stored check");
	n = abz_proj_format(p, NULL, 0);
	FUZZ_ASSERT(n + 1 <= abz_proj_text_max(p->horizon), "text longer than its bound");
	text = malloc(n + 1);
	abz_proj_format(p, text, n + 1);
	FUZZ_ASSERT(n == size && memcmp(text, data, size) == 0, "accepted text is not canonical");
	back = abz_proj_parse(text, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, p, bytes) == 0, "text round trip differs");
	free(back);
	free(text);
	n = abz_proj_encode(p, NULL, 0);
	wire = malloc(n);
	FUZZ_ASSERT(abz_proj_encode(p, wire, n) == n, "encode length");
	back = abz_proj_decode(wire, n, fuzz_alloc, &err);
	FUZZ_ASSERT(back != NULL && memcmp(back, p, bytes) == 0, "binary round trip differs: %s",
				back ? "" : err.msg);
	free(back);
	free(wire);
	(void) abz_proj_summarise(p, &sum, &err);
	free(p);
	return 0;
}
