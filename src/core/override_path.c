/*
 * override_path.c — the paths of a value's inputs: resolve a path such as
 * "usage[2].price" against the schema tables of schema.c (term, index, key,
 * a risk's strategy key, an entry's mode), write the canonical path of a
 * key, and list a value's inputs with their paths.  Setting and scaling
 * the key a path names is in override.c.
 */
#include <stdio.h>
#include <string.h>

#include "override.h"

#define PATH_INPUT_MAX	200		/* bytes of path text accepted */

/* A path split into its words: term, index (0 if none), key, sub-key. */
typedef struct PathWords
{
	char		term[32];
	int			index;
	char		key[32];
	char		sub[32];
	int			nwords;			/* 2 or 3 */
} PathWords;

/* true for a character of a name */
static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		(c >= '0' && c <= '9');
}

/* read a name at *i into dst (lower-cased); false if none or too long */
static bool
read_name(const char *s, size_t len, size_t *i, char dst[32])
{
	size_t		n = 0;

	if (*i >= len || !name_char(s[*i]) || (s[*i] >= '0' && s[*i] <= '9'))
		return false;
	while (*i < len && name_char(s[*i]))
	{
		if (n >= 31)
			return false;
		dst[n++] = (s[*i] >= 'A' && s[*i] <= 'Z') ? s[*i] - 'A' + 'a' : s[*i];
		(*i)++;
	}
	dst[n] = '\0';
	return true;
}

/* split the text of a path; a syntax error names the path */
static bool
split_path(const char *s, size_t len, PathWords *w, const char *shown, AbzError *err)
{
	size_t		i = 0;

	memset(w, 0, sizeof(*w));
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (!read_name(s, len, &i, w->term))
		goto bad;
	if (i < len && s[i] == '[')
	{
		long		n = 0;

		i++;
		if (i >= len || s[i] < '0' || s[i] > '9')
			goto bad;
		while (i < len && s[i] >= '0' && s[i] <= '9')
		{
			n = n * 10 + (s[i++] - '0');
			if (n > 1000)
				goto bad;
		}
		if (i >= len || s[i] != ']' || n < 1)
			goto bad;
		i++;
		w->index = (int) n;
	}
	if (i >= len || s[i] != '.')
		goto bad;
	i++;
	if (!read_name(s, len, &i, w->key))
		goto bad;
	w->nwords = 2;
	if (i < len && s[i] == '.')
	{
		i++;
		if (!read_name(s, len, &i, w->sub))
			goto bad;
		w->nwords = 3;
	}
	if (i == len)
		return true;
bad:
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "invalid path \"%s\"", shown);
	snprintf(err->detail, sizeof(err->detail),
			 "A path is term.key, term[n].key (n counts from 1 among the terms of that name), "
			 "risk.strategy.key or entry.mode.");
	return false;
}

/* the valid keys of td (plus extra) in the detail, the nearest to word in the hint */
static void
keys_detail(AbzError *err, const char *word, const AbzTermDef *td, const char *extra)
{
	const char *names[ABZ_MAX_KEYS + 1];
	char		what[48];

	snprintf(what, sizeof(what), "keys of %s", td->name);
	abz_suggest(err, what, word, strlen(word), names, abz_key_names(td, extra, names));
}

/* find a key by name in a term definition */
static const AbzKeyDef *
find_key(const AbzTermDef *td, const char *name)
{
	for (int i = 0; td != NULL && i < td->nkeys; i++)
		if (strcmp(td->keys[i].name, name) == 0)
			return &td->keys[i];
	return NULL;
}

/* find the code of the term word into out->code; false and an error if unknown */
static bool
term_code(const AbzSpec *s, const PathWords *w, const char *shown, AbzPath *out,
		  AbzError *err)
{
	const AbzKindDef *kd = &abz_kinds[s->kind];
	const AbzTermDef *td = NULL;
	const char *names[ABZ_MAX_TERMS];
	char		what[48];

	for (int c = 0; c < kd->nterms; c++)
		if (strcmp(kd->terms[c].name, w->term) == 0)
		{
			td = &kd->terms[c];
			out->code = (uint8_t) c;
		}
	if (td != NULL)
		return true;
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "path \"%s\": unknown term \"%s\"",
			  shown, w->term);
	snprintf(what, sizeof(what), "terms of %s", kd->type_name);
	abz_suggest(err, what, w->term, strlen(w->term), names,
				abz_term_names(kd->terms, kd->nterms, names));
	return false;
}

/* the error of a path whose term the value lacks (count: terms of that name) */
static bool
missing_term(const PathWords *w, int count, bool may_add, const char *shown, AbzError *err)
{
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
			  count == 0 ? "path \"%s\": the value has no term \"%s\"" :
			  "path \"%s\": the value has fewer terms \"%s\"", shown, w->term);
	if (count > 0)
		snprintf(err->detail, sizeof(err->detail), "It has %d: %s[1] to %s[%d].",
				 count, w->term, w->term, count);
	else if (may_add)
		snprintf(err->detail, sizeof(err->detail),
				 "It has none; an absent term is added as %s.%s or %s[1].%s.",
				 w->term, w->key, w->term, w->key);
	else
		snprintf(err->detail, sizeof(err->detail),
				 "Use aibiz.set to add the term with its defaults.");
	return false;
}

/* resolve the term word and index to a position (or -1 to add) */
static bool
resolve_term(const AbzSpec *s, const PathWords *w, bool may_add, const char *shown,
			 AbzPath *out, AbzError *err)
{
	int			count = 0,
				want;

	if (!term_code(s, w, shown, out, err))
		return false;
	out->pos = -1;
	want = w->index > 0 ? w->index : 1;
	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].term == out->code && ++count == want)
			out->pos = i;
	count = 0;
	for (int i = 0; i < s->nterms; i++)
		count += s->terms[i].term == out->code;
	if (w->index == 0 && count > 1)
	{
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
				  "path \"%s\": term \"%s\" appears %d times", shown, w->term, count);
		snprintf(err->detail, sizeof(err->detail),
				 "Name one of them: %s[1] to %s[%d].", w->term, w->term, count);
		return false;
	}
	if (out->pos >= 0)
		return true;
	/* only an absent term is added: an index past the last is a typo */
	if (may_add && count == 0 && want == 1)
		return true;
	return missing_term(w, count, may_add, shown, err);
}

/* resolve a risk term's strategy words */
static bool
resolve_strategy(const AbzSpec *s, const PathWords *w, const char *shown, AbzPath *out,
				 AbzError *err)
{
	int			sub = out->pos >= 0 ? s->terms[out->pos].sub : ABZ_STRAT_ACCEPT;
	const AbzTermDef *sd = &abz_strategies[sub];

	if (w->nwords == 2)
	{
		out->target = ABZ_TARGET_STRATEGY;
		return true;
	}
	out->key = find_key(sd, w->sub);
	if (out->key != NULL)
	{
		out->slot = out->key->slot;
		return true;
	}
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
			  "path \"%s\": strategy %s() of term \"%s\" has no key \"%s\"",
			  shown, sd->name, w->term, w->sub);
	keys_detail(err, w->sub, sd, NULL);
	return false;
}

/* resolve the key words of a path whose term is resolved */
static bool
resolve_key(const AbzSpec *s, const PathWords *w, const char *shown, AbzPath *out,
			AbzError *err)
{
	AbzKind		kind = (AbzKind) s->kind;
	const AbzTermDef *td = &abz_kinds[kind].terms[out->code];
	bool		is_entry = kind == ABZ_KIND_PLAN && out->code == ABZ_PLAN_ENTRY;

	if (kind == ABZ_KIND_RISK && strcmp(w->key, "strategy") == 0)
		return resolve_strategy(s, w, shown, out, err);
	if (w->nwords == 2 && is_entry && strcmp(w->key, "mode") == 0)
	{
		out->target = ABZ_TARGET_MODE;
		return true;
	}
	if (w->nwords == 2 && kind == ABZ_KIND_RISK && strcmp(w->key, "scope") == 0)
	{
		out->target = ABZ_TARGET_SCOPE;
		out->slot = RK_SCOPE;
		return true;
	}
	out->key = w->nwords == 2 ? find_key(td, w->key) : NULL;
	if (out->key == NULL)
	{
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "path \"%s\": term \"%s\" has no key \"%s\"",
				  shown, td->name, w->nwords == 2 ? w->key : w->sub);
		keys_detail(err, w->nwords == 2 ? w->key : w->sub, td, kind == ABZ_KIND_RISK ? "strategy" :
					is_entry ? "mode" : NULL);
		return false;
	}
	out->slot = out->key->slot;
	if (is_entry)
	{
		int			mode = out->pos >= 0 ? s->terms[out->pos].sub : ABZ_ENTRY_DIRECT;

		if (find_key(&abz_entry_modes[mode], w->key) == NULL)
		{
			abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
					  "path \"%s\": key \"%s\" is not allowed with mode=%s",
					  shown, w->key, abz_entry_modes[mode].name);
			snprintf(err->detail, sizeof(err->detail),
					 "cut and reach belong to mode=channel, stake to mode=jv; set entry.mode first.");
			return false;
		}
	}
	return true;
}

/* the path as shown in messages: printable ASCII only, whatever the encoding, cut at 40 bytes */
static void
shown_text(const char *path, size_t len, char shown[64])
{
	size_t		k;

	for (k = 0; k < len && k < 40; k++)
		shown[k] = (path[k] >= 0x20 && path[k] < 0x7f && path[k] != '"') ? path[k] : '?';
	snprintf(shown + k, 64 - k, "%s", len > 40 ? "..." : "");
}

/* the lower-cased term word of a path whose syntax is checked as abz_path_resolve does */
bool
abz_path_term(const char *path, size_t len, char term[32], AbzError *err)
{
	PathWords	w;
	char		shown[64];

	memset(err, 0, sizeof(*err));
	shown_text(path, len, shown);
	term[0] = '\0';
	if (len > PATH_INPUT_MAX)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "path \"%s\" is too long", shown);
	if (!split_path(path, len, &w, shown, err))
		return false;
	memcpy(term, w.term, sizeof(w.term));
	return true;
}

/* Resolve a path in s (see override.h). */
bool
abz_path_resolve(const AbzSpec *s, const char *path, size_t len, bool may_add,
				 AbzPath *out, AbzError *err)
{
	PathWords	w;
	char		shown[64];
	size_t		k;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	shown_text(path, len, shown);
	if (s->kind < ABZ_KIND_REVENUE || s->kind > ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "unknown value kind %d", s->kind);
	if (len > PATH_INPUT_MAX)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "path \"%s\" is too long", shown);
	if (!split_path(path, len, &w, shown, err))
		return false;
	out->kind = s->kind;
	out->target = ABZ_TARGET_KEY;
	if (!resolve_term(s, &w, may_add, shown, out, err) ||
		!resolve_key(s, &w, shown, out, err))
		return false;
	/* the canonical text: the index only when the name repeats or was given */
	{
		int			count = 0,
					nth = 0;

		for (int i = 0; i < s->nterms; i++)
			if (s->terms[i].term == out->code)
			{
				count++;
				if (i == out->pos)
					nth = count;
			}
		if (out->pos < 0)
			nth = ++count;
		if (count > 1 || w.index > 0)
			snprintf(out->text, sizeof(out->text), "%s[%d].", w.term, nth);
		else
			snprintf(out->text, sizeof(out->text), "%s.", w.term);
		k = strlen(out->text);
		snprintf(out->text + k, sizeof(out->text) - k, "%s%s%s", w.key,
				 w.nwords == 3 ? "." : "", w.nwords == 3 ? w.sub : "");
	}
	return true;
}

/* the canonical path of a slot (or strategy/mode) of term pos of s */
void
abz_path_name(const AbzSpec *s, int pos, int slot, AbzTarget target, char buf[ABZ_PATH_MAX])
{
	const AbzTerm *t = &s->terms[pos];
	const char *tn = abz_kinds[s->kind].terms[t->term].name;
	const AbzKeyDef *kd = abz_key_def((AbzKind) s->kind, t, slot);
	int			count = 0,
				nth = 0;
	size_t		n;

	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].term == t->term)
		{
			count++;
			if (i == pos)
				nth = count;
		}
	if (count > 1)
		snprintf(buf, ABZ_PATH_MAX, "%s[%d].", tn, nth);
	else
		snprintf(buf, ABZ_PATH_MAX, "%s.", tn);
	n = strlen(buf);
	if (target == ABZ_TARGET_STRATEGY)
		snprintf(buf + n, ABZ_PATH_MAX - n, "strategy");
	else if (target == ABZ_TARGET_MODE)
		snprintf(buf + n, ABZ_PATH_MAX - n, "mode");
	else if (target == ABZ_TARGET_SCOPE)
		snprintf(buf + n, ABZ_PATH_MAX - n, "scope");
	else
		snprintf(buf + n, ABZ_PATH_MAX - n, "%s%s",
				 s->kind == ABZ_KIND_RISK && slot >= RK_S1 ? "strategy." : "",
				 kd ? kd->name : "?");
}

/* add the shown, non-integer keys of td in term pos to out */
static int
add_inputs(const AbzSpec *s, int pos, const AbzTermDef *td, AbzInput *out, int n)
{
	const AbzTerm *t = &s->terms[pos];

	for (int i = 0; td != NULL && i < td->nkeys; i++)
	{
		const AbzKeyDef *kd = &td->keys[i];
		const AbzParam *p = &t->key[kd->slot];
		AbzInput   *in = &out[n];

		if (kd->flags & ABZ_KEY_INT)
			continue;
		if (!(kd->flags & ABZ_KEY_REQUIRED) && p->dist == ABZ_CONST && p->a == kd->def)
			continue;
		memset(in, 0, sizeof(*in));
		in->path.kind = s->kind;
		in->path.code = t->term;
		in->path.slot = kd->slot;
		in->path.target = ABZ_TARGET_KEY;
		in->path.pos = pos;
		in->path.key = kd;
		abz_path_name(s, pos, kd->slot, ABZ_TARGET_KEY, in->path.text);
		in->value = *p;
		n++;
	}
	return n;
}

/* The inputs of s in canonical order (see override.h). */
int
abz_inputs(const AbzSpec *s, AbzInput *out)
{
	int			n = 0;

	for (int i = 0; i < s->nterms && i < ABZ_MAX_TERMS; i++)
	{
		const AbzTerm *t = &s->terms[i];
		const AbzTermDef *td = &abz_kinds[s->kind].terms[t->term];

		if (s->kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
			td = t->sub < ABZ_ENTRY_N ? &abz_entry_modes[t->sub] : NULL;
		n = add_inputs(s, i, td, out, n);
		if (s->kind == ABZ_KIND_RISK && t->sub < ABZ_STRAT_N)
			n = add_inputs(s, i, &abz_strategies[t->sub], out, n);
	}
	return n;
}
