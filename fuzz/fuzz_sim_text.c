/*
 * fuzz_sim_text.c — libFuzzer harness of the aibiz.simulation text input.
 * Each input is sized (abz_sim_text_layout) and parsed into memory of
 * exactly that size; an accepted value must validate, round-trip through
 * both external forms, format back to the very input bytes (the text form
 * is canonical), and answer every question.  A refusal must say why.
 */
#include <stdint.h>

#include "fuzz_sim_common.h"

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	AbzSimLayout L;
	AbzError	err;
	unsigned char *wire;
	AbzSimHeader *value;
	char	   *again;

	if (!abz_sim_text_layout(text, size, &L, &err))
	{
		fuzz_check_refusal(&err);
		return 0;
	}
	/* the data was checked against the header: sizes follow from the input's length */
	if (L.wire > size)
		fuzz_fail("accepted a header claiming more bytes than the input holds", NULL);
	wire = malloc(L.wire);
	value = malloc(L.size);
	if (!abz_sim_parse(text, size, wire, value, &L, &err))
		fuzz_check_refusal(&err);
	else
	{
		again = fuzz_sim_accepted(value, &L);
		if (strlen(again) != size || memcmp(again, text, size) != 0)
			fuzz_fail("accepted text is not the canonical form of its value", NULL);
		free(again);
	}
	free(value);
	free(wire);
	return 0;
}
