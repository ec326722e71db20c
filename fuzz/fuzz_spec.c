/*
 * fuzz_spec.c — libFuzzer harness of the value grammar.  Each input is
 * parsed as each of the three kinds; for every successful parse the
 * canonical text must parse back to identical bytes, the validator must
 * accept the value, and the printer's length contract must hold.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

static union
{
	AbzSpec		s;
	char		bytes[ABZ_SPEC_MAXSIZE];
	double		align;
}			first, second;

static char text[ABZ_MAX_INPUT * 2];

/* parse data as kind and check the round trip */
static void
check_kind(AbzKind kind, const uint8_t *data, size_t size)
{
	AbzError	err;
	size_t		n,
				n2;

	if (!abz_parse(kind, (const char *) data, size, &first.s, &err))
	{
		if (err.code == ABZ_OK || err.msg[0] == '\0')
			abort();			/* every failure must say why */
		return;
	}
	if (first.s.kind != kind || first.s.nterms > ABZ_MAX_TERMS)
		abort();
	if (!abz_validate(&first.s, ABZ_SPEC_SIZE(first.s.nterms), &err))
		abort();
	n = abz_format(&first.s, text, sizeof(text), NULL);
	if (n >= sizeof(text) || strlen(text) != n)
		abort();
	n2 = abz_format(&first.s, NULL, 0, NULL);
	if (n2 != n)
		abort();
	if (!abz_parse(kind, text, n, &second.s, &err))
	{
		fprintf(stderr, "canonical text does not parse: %s\n%s\n", err.msg, text);
		abort();
	}
	if (memcmp(&first.s, &second.s, ABZ_SPEC_SIZE(first.s.nterms)) != 0)
	{
		fprintf(stderr, "round trip differs: %s\n", text);
		abort();
	}
}

/* libFuzzer entry point */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_kind(ABZ_KIND_REVENUE, data, size);
	check_kind(ABZ_KIND_RISK, data, size);
	check_kind(ABZ_KIND_PLAN, data, size);
	return 0;
}
