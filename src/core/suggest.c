/*
 * suggest.c — helping a user who wrote a name that does not exist: the list
 * of the names that do (for an error's detail) and the nearest of them (for
 * its hint), by optimal-string-alignment edit distance.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "spec.h"

#define MAX_NAME 32

/* edit distance of a (len an) and b, case-insensitive; a swap counts once */
static int
edit_distance(const char *a, size_t an, const char *b)
{
	size_t		bn = strlen(b);
	int			d[MAX_NAME + 1][MAX_NAME + 1];

	if (an > MAX_NAME || bn > MAX_NAME)
		return MAX_NAME;
	for (size_t i = 0; i <= an; i++)
		d[i][0] = (int) i;
	for (size_t j = 0; j <= bn; j++)
		d[0][j] = (int) j;
	for (size_t i = 1; i <= an; i++)
		for (size_t j = 1; j <= bn; j++)
		{
			int			cost = tolower((unsigned char) a[i - 1]) != b[j - 1];
			int			best = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && tolower((unsigned char) a[i - 1]) == b[j - 2] &&
				tolower((unsigned char) a[i - 2]) == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[an][bn];
}

/* how far a word of len letters may be from a name to be suggested */
static int
tolerance(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

/* list the valid names and suggest the nearest; see spec.h */
void
abz_suggest(AbzError *err, const char *what, const char *word, size_t len,
			const char *const *names, int n)
{
	size_t		used;
	int			best = -1,
				best_d = MAX_NAME,
				ties = 0;

	if (n == 0)
	{
		snprintf(err->detail, sizeof(err->detail), "There are no %s.", what);
		err->hint[0] = '\0';
		return;
	}
	used = (size_t) snprintf(err->detail, sizeof(err->detail), "Valid %s: ", what);
	for (int i = 0; i < n && used < sizeof(err->detail); i++)
	{
		int			d = edit_distance(word, len, names[i]);

		used += (size_t) snprintf(err->detail + used, sizeof(err->detail) - used,
								  "%s%s", names[i], i + 1 < n ? ", " : ".");
		if (d < best_d)
		{
			best_d = d;
			best = i;
			ties = 0;
		}
		else if (d == best_d)
			ties++;
	}
	err->hint[0] = '\0';
	if (best >= 0 && ties == 0 && best_d > 0 && best_d <= tolerance(len))
		snprintf(err->hint, sizeof(err->hint), "Did you mean \"%s\"?", names[best]);
}

/* the names of a term table; see spec.h */
int
abz_term_names(const AbzTermDef *defs, int n, const char **names)
{
	for (int i = 0; i < n; i++)
		names[i] = defs[i].name;
	return n;
}

/* the key names of a term definition; see spec.h */
int
abz_key_names(const AbzTermDef *td, const char *extra, const char **names)
{
	int			n = 0;

	for (int i = 0; td != NULL && i < td->nkeys; i++)
		names[n++] = td->keys[i].name;
	if (extra)
		names[n++] = extra;
	return n;
}
