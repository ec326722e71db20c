/*
 * main.c — runs every registered core test suite and prints the summary
 * line "N passed, N failed"; exits non-zero if anything failed.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define MAX_SUITES 1024

static struct
{
	const char *name;
	abz_suite_fn fn;
}			suites[MAX_SUITES];
static int	nsuites;
static int	npassed;
static int	nfailed;
static const char *current;

/* add a suite (called from constructors before main); no suite is ever dropped */
void
abz_unit_register(const char *name, abz_suite_fn fn)
{
	if (nsuites >= MAX_SUITES)
	{
		fprintf(stderr, "too many suites: raise MAX_SUITES in test/unit/main.c (at %s)\n", name);
		exit(2);
	}
	suites[nsuites].name = name;
	suites[nsuites].fn = fn;
	nsuites++;
}

/* count one assertion */
void
abz_unit_result(int ok, const char *file, int line, const char *expr)
{
	if (ok)
		npassed++;
	else
	{
		nfailed++;
		fprintf(stderr, "FAIL %s: %s:%d: %s\n", current, file, line, expr);
	}
}

/* run the suites named on the command line, or all */
int
main(int argc, char **argv)
{
	for (int i = 0; i < nsuites; i++)
	{
		int			run = argc < 2;

		for (int j = 1; j < argc; j++)
			if (strcmp(argv[j], suites[i].name) == 0)
				run = 1;
		if (!run)
			continue;
		current = suites[i].name;
		int			before = nfailed;

		suites[i].fn();
		printf("%-24s %s\n", suites[i].name, nfailed == before ? "ok" : "FAILED");
	}
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* a value of kind parsed from text (malloc'd); NULL, with the message printed, if it does not parse */
AbzSpec *
unit_spec(AbzKind kind, const char *text)
{
	AbzSpec    *s = calloc(1, ABZ_SPEC_MAXSIZE);
	AbzError	err;

	if (!abz_parse(kind, text, strlen(text), s, &err))
	{
		fprintf(stderr, "    %s\n", err.msg);
		free(s);
		return NULL;
	}
	return s;
}
