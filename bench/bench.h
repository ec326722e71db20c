/*
 * bench.h — what the standalone benchmark drivers share: reading an input
 * value of the value grammar into a spec of its exact size.
 */
#ifndef ABZ_BENCH_H
#define ABZ_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"

/* parse text as kind into a malloc'd spec of its exact size; exits on error (what names the input) */
static inline AbzSpec *
bench_parse(AbzKind kind, const char *text, const char *what)
{
	static union
	{
		AbzSpec		s;
		char		bytes[ABZ_SPEC_MAXSIZE];
	}			scratch;
	AbzError	err;
	AbzSpec    *s;

	if (!abz_parse(kind, text, strlen(text), &scratch.s, &err))
	{
		fprintf(stderr, "%s: aibiz.%s: %s (term \"%s\", key \"%s\")\n", what,
				abz_kinds[kind].type_name, err.msg, err.term, err.key);
		exit(2);
	}
	s = malloc(ABZ_SPEC_SIZE(scratch.s.nterms));
	if (s == NULL)
		exit(2);
	memcpy(s, &scratch.s, ABZ_SPEC_SIZE(scratch.s.nterms));
	return s;
}

#endif							/* ABZ_BENCH_H */
