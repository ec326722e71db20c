/*
 * fuzz_spec.c — libFuzzer harness of the value grammar.  Each input is
 * parsed as each of the three kinds; for every successful parse the
 * canonical text must parse back to identical bytes, the validator must
 * accept the value, and the printer's length contract must hold.  The raw
 * bytes are also checked as a stored value: whatever the validator accepts
 * must print to text that parses back to the same bytes, so binary input
 * is exactly as strict as text input.
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

/* validate data as a raw AbzSpec; if accepted, text must reproduce it */
static void
check_raw(const uint8_t *data, size_t size)
{
	AbzError	err;
	size_t		n;

	if (size < offsetof(AbzSpec, terms) || size > ABZ_SPEC_MAXSIZE)
		return;
	memcpy(&first, data, size);
	if (!abz_validate(&first.s, size, &err))
		return;
	n = abz_format(&first.s, text, sizeof(text), NULL);
	if (!abz_parse((AbzKind) first.s.kind, text, n, &second.s, &err) ||
		memcmp(&first.s, &second.s, size) != 0)
	{
		fprintf(stderr, "validated value does not round trip: %s\n", text);
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
	check_raw(data, size);
	return 0;
}
