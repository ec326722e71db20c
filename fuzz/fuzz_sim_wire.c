/*
 * fuzz_sim_wire.c — libFuzzer harness of the aibiz.simulation binary
 * input and of stored values.  Each input is decoded as a binary form
 * (abz_sim_wire_layout, then abz_sim_from_wire into memory of exactly that
 * size); an accepted value must validate, encode back to the very input
 * bytes, round-trip through text, and answer every question.  The same
 * bytes are also read as a stored value: whatever passes the header check
 * that every read starts with must answer every question without reading
 * past it, and a value of version 3 each question the server answers from
 * a prefix without reading past that prefix.
 */
#include <stdint.h>

#include "fuzz_sim_common.h"

/* data as a binary form */
static void
check_wire(const uint8_t *data, size_t size)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *value;
	unsigned char *wire;
	char	   *text;

	if (!abz_sim_wire_layout(data, size, &L, &err))
	{
		fuzz_check_refusal(&err);
		return;
	}
	if (L.wire != size)
		fuzz_fail("accepted a binary form whose length is not its layout's", NULL);
	value = malloc(L.size);
	if (!abz_sim_from_wire(data, size, value, &L, &err))
		fuzz_check_refusal(&err);
	else
	{
		wire = malloc(L.wire);
		abz_sim_to_wire(value, wire);
		if (memcmp(wire, data, size) != 0)
			fuzz_fail("accepted binary form is not the encoding of its value", NULL);
		free(wire);
		text = fuzz_sim_accepted(value, &L);
		free(text);
	}
	free(value);
}

/* data as a stored value: header check, then the accessors' questions */
static void
check_stored(const uint8_t *data, size_t size)
{
	AbzSimLayout L;
	AbzError	err;
	AbzSimHeader *value;

	if (size < sizeof(AbzSimHeader))
		return;
	value = malloc(size);
	memcpy(value, data, size);
	if (abz_sim_check_header(value, size, &L, &err))
	{
		if (L.size != size)
			fuzz_fail("header check accepted the wrong size", NULL);
		fuzz_sim_questions(value, &L, false);
		fuzz_sim_prefix_questions(value, &L);
		if (abz_sim_validate(value, size, &err))
		{
			char	   *text = fuzz_sim_accepted(value, &L);

			free(text);
		}
	}
	else
		fuzz_check_refusal(&err);
	free(value);
}

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_wire(data, size);
	check_stored(data, size);
	return 0;
}
