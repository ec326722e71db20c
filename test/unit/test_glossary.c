/*
 * test_glossary.c — docs/glossary.md names every key of the grammar: for
 * every term of every input type (every risk category once, as
 * <category>), every key appears as a path `term.key`, every strategy
 * argument as `<category>.strategy.key`.  Runs from the repository root,
 * as make unit does.
 */
#include <stdlib.h>

#include "spec.h"
#include "unit.h"

/* the glossary's text (static storage), or NULL */
static const char *
glossary(void)
{
	static char text[200000];
	FILE	   *f = fopen("docs/glossary.md", "r");
	size_t		n;

	if (f == NULL)
		return NULL;
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

/* check that the glossary holds "`prefix.key`" */
static void
check_path(const char *doc, const char *prefix, const char *key)
{
	char		path[96];
	int			found;

	snprintf(path, sizeof(path), "`%s.%s`", prefix, key);
	found = strstr(doc, path) != NULL;
	if (!found)
		fprintf(stderr, "    docs/glossary.md lacks %s\n", path);
	CHECK(found);
}

ABZ_SUITE(glossary_keys)
{
	const char *doc = glossary();

	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	for (int kind = ABZ_KIND_REVENUE; kind <= ABZ_KIND_PLAN; kind++)
	{
		const AbzKindDef *kd = &abz_kinds[kind];

		for (int t = 0; t < kd->nterms; t++)
		{
			const char *term = kind == ABZ_KIND_RISK ? "<category>" : kd->terms[t].name;

			for (int k = 0; k < kd->terms[t].nkeys; k++)
				check_path(doc, term, kd->terms[t].keys[k].name);
			if (kind == ABZ_KIND_RISK)
				break;			/* every category has the same keys */
		}
	}
	for (int s = 0; s < ABZ_STRAT_N; s++)
		for (int k = 0; k < abz_strategies[s].nkeys; k++)
			check_path(doc, "<category>.strategy", abz_strategies[s].keys[k].name);
	check_path(doc, "<category>", "strategy");
	check_path(doc, "<category>", "scope");
	check_path(doc, "entry", "mode");
}
