/*
 * depend_path.c — correlation pairs named by paths ("usage.units",
 * "subscription[2].price", "competition.freq") resolved to the inputs a
 * model samples once per trial, and assembled into a checked target matrix.
 *
 * A path is resolved with abz_path_resolve() in each of the three values
 * whose kind has a term of that name (only "team" has two readings: a plan
 * term and a risk), and must name a key the model lists among its
 * once-per-trial inputs (abz_model_rand_source()).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "depend_int.h"
#include "override.h"

/* the three values of a model, indexed by AbzKind (entry 0 unused) */
typedef struct Specs
{
	const AbzModel *m;
	const AbzSpec *spec[4];
	const int  *index;			/* model index of each matrix row (names) */
} Specs;

/* an empty risk profile, for a model prepared without one */
static const AbzSpec empty_risk = {.version = ABZ_SPEC_VERSION, .kind = ABZ_KIND_RISK};

/* the term code of name in kind, or -1 */
static int
term_code(int kind, const char *name)
{
	for (int c = 0; c < abz_kinds[kind].nterms; c++)
		if (strcmp(abz_kinds[kind].terms[c].name, name) == 0)
			return c;
	return -1;
}

/* the model's once-per-trial index of (kind, term position, slot), or -1 */
static int
rand_index(const AbzModel *m, int kind, int pos, int slot)
{
	int			n = abz_model_nrand(m);

	for (int i = 0; i < n; i++)
	{
		AbzKind		k;
		int			t,
					s;

		abz_model_rand_source(m, i, &k, &t, &s);
		if ((int) k == kind && t == pos && s == slot)
			return i;
	}
	return -1;
}

/* the canonical path of the model's once-per-trial input i */
static void
input_name(const Specs *c, int i, char *buf, size_t cap)
{
	AbzKind		k;
	int			t,
				s;
	char		path[ABZ_PATH_MAX];

	abz_model_rand_source(c->m, i, &k, &t, &s);
	abz_path_name(c->spec[k], t, s, ABZ_TARGET_KEY, path);
	snprintf(buf, cap, "%s", path);
}

/* the name of matrix row i (callback of abz_dep_check) */
static void
row_name(const void *ctx, int i, char *buf, size_t cap)
{
	const Specs *c = ctx;

	input_name(c, c->index[i], buf, cap);
}

/* the error for a path that resolves but is not sampled once per trial */
static bool
not_sampled(const AbzPath *p, AbzError *err)
{
	if (p->target != ABZ_TARGET_KEY)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "correlation path \"%s\" names a %s, not a number", p->text,
						 p->target == ABZ_TARGET_MODE ? "mode" : "strategy");
	if (p->kind == ABZ_KIND_RISK && p->slot >= RK_LOSS && p->slot <= RK_SHARE)
	{
		abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
				  "correlation path \"%s\" names a per-event impact, drawn anew for every "
				  "risk event", p->text);
		snprintf(err->detail, sizeof(err->detail),
				 "Of a risk, only freq and the strategy's arguments are sampled once per trial.");
		return false;
	}
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
			  "correlation path \"%s\" names a constant, not a distribution", p->text);
	snprintf(err->detail, sizeof(err->detail),
			 "Only a key written as a distribution, e.g. normal(100, 10), is sampled once "
			 "per trial; a constant has no variation to correlate.");
	return false;
}

/* the error for a term name that no kind has: every term name in the detail */
static bool
unknown_term(const char *path, const char *word, AbzError *err)
{
	const char *names[3 * ABZ_MAX_TERMS];
	int			n = 0;

	for (int kind = ABZ_KIND_REVENUE; kind <= ABZ_KIND_PLAN; kind++)
		for (int c = 0; c < abz_kinds[kind].nterms; c++)
		{
			const char *nm = abz_kinds[kind].terms[c].name;
			bool		dup = false;

			for (int i = 0; i < n; i++)
				dup |= strcmp(names[i], nm) == 0;
			if (!dup)
				names[n++] = nm;
		}
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "correlation path \"%.40s\": unknown term \"%s\"",
			  path, word);
	abz_suggest(err, "terms", word, strlen(word), names, n);
	return false;
}

/* whether s has a term of code */
static bool
term_present(const AbzSpec *s, int code)
{
	for (int i = 0; i < s->nterms; i++)
		if (s->terms[i].term == code)
			return true;
	return false;
}

/* the error for a path whose term the value of kind lacks */
static void
absent_term(const char *path, int kind, const char *word, AbzError *e)
{
	memset(e, 0, sizeof(*e));
	abz_error(e, ABZ_ERR_DOMAIN, NULL, NULL,
			  "correlation path \"%.40s\": the %s has no term \"%s\"", path,
			  abz_kinds[kind].type_name, word);
}

/*
 * Of the errors met resolving a path in several values, keep the first,
 * unless a later one suggests a name (it then read the path as meant).
 */
static void
keep_error(AbzError *kept, bool *have, const AbzError *e)
{
	if (!*have || (kept->hint[0] == '\0' && e->hint[0] != '\0'))
		*kept = *e;
	*have = true;
}

/* the model index of the input a path names; false and err */
static bool
resolve_path(const Specs *c, const char *path, int *out, AbzError *err)
{
	size_t		len = strlen(path);
	char		word[32];
	AbzError	kept,
				e;
	bool		have_err = false,
				have_ns = false;
	AbzPath		p,
				ns;

	*out = -1;
	if (!abz_path_term(path, len, word, err))
		return false;
	for (int kind = ABZ_KIND_REVENUE; kind <= ABZ_KIND_PLAN; kind++)
	{
		int			code = term_code(kind, word),
					idx;

		if (code < 0)
			continue;
		if (!term_present(c->spec[kind], code))
		{
			absent_term(path, kind, word, &e);
			keep_error(&kept, &have_err, &e);
			continue;
		}
		if (!abz_path_resolve(c->spec[kind], path, len, false, &p, &e))
		{
			keep_error(&kept, &have_err, &e);
			continue;
		}
		idx = p.target == ABZ_TARGET_KEY ? rand_index(c->m, kind, p.pos, p.slot) : -1;
		if (idx < 0)
		{
			ns = p;
			have_ns = true;
		}
		else if (*out >= 0)
			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "correlation path \"%s\" names two inputs", p.text);
		else
			*out = idx;
	}
	if (*out >= 0)
		return true;
	if (have_ns)
		return not_sampled(&ns, err);
	if (have_err)
	{
		*err = kept;
		return false;
	}
	return unknown_term(path, word, err);
}

/* the name of input i for a pair error */
static const char *
pair_name(const Specs *c, int i, char buf[ABZ_DEP_NAME_MAX])
{
	input_name(c, i, buf, ABZ_DEP_NAME_MAX);
	return buf;
}

/* resolve pair p into (*ia, *ib), checking rho and the self pair */
static bool
resolve_pair(const Specs *c, const char *a, const char *b, double rho, int *ia, int *ib,
			 AbzError *err)
{
	char		na[ABZ_DEP_NAME_MAX],
				nb[ABZ_DEP_NAME_MAX],
				num[ABZ_NUM_TEXT];

	if (!resolve_path(c, a, ia, err) || !resolve_path(c, b, ib, err))
		return false;
	/* a market-wide freq is the market's draw, shared by its companies: never rearranged */
	for (int s = 0; s < 2; s++)
		if (abz_model_rand_market(c->m, s ? *ib : *ia))
		{
			abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
					  "correlation path \"%.40s\" names %s, the freq of a market-wide risk",
					  s ? b : a, pair_name(c, s ? *ib : *ia, s ? nb : na));
			snprintf(err->detail, sizeof(err->detail), "%s",
					 "Its draws are shared by every company of the market in the scenario, so they are not rearranged.");
			snprintf(err->hint, sizeof(err->hint), "%s",
					 "Correlate company inputs only, or make the risk scope=company.");
			return false;
		}
	if (*ia == *ib)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "correlation pair \"%.40s\" and \"%.40s\" names %s twice", a, b,
						 pair_name(c, *ia, na));
	if (!(rho >= -1.0 && rho <= 1.0))
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "correlation of %s and %s must be in [-1, 1], got %s",
						 pair_name(c, *ia, na), pair_name(c, *ib, nb), abz_num_text(rho, num));
	return true;
}

/* the matrix row of every used model index (row[i] = -1 if unused); returns k */
static int
assign_rows(int nrand, const bool *used, int *row, int *index_out)
{
	int			k = 0;

	for (int i = 0; i < nrand; i++)
	{
		row[i] = used[i] ? k : -1;
		if (used[i])
			index_out[k++] = i;
	}
	return k;
}

/* enter the pairs into the k x k matrix; false and err on a pair given twice */
static bool
fill_matrix(const Specs *c, int npairs, const char *const *a, const char *const *b,
			const double *rho, const int *row, int k, double *t, AbzError *err)
{
	char		na[ABZ_DEP_NAME_MAX],
				nb[ABZ_DEP_NAME_MAX];

	for (int i = 0; i < k; i++)
		for (int j = 0; j < k; j++)
			t[(size_t) i * k + j] = i == j ? 1.0 : NAN;
	for (int p = 0; p < npairs; p++)
	{
		int			ia,
					ib;
		size_t		x,
					y;

		if (!resolve_pair(c, a[p], b[p], rho[p], &ia, &ib, err))
			return false;
		x = (size_t) row[ia] * k + row[ib];
		y = (size_t) row[ib] * k + row[ia];
		if (!isnan(t[x]))
			return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
							 "correlation of %s and %s is given twice",
							 pair_name(c, ia, na), pair_name(c, ib, nb));
		t[x] = t[y] = rho[p] + 0.0;
	}
	for (size_t i = 0; i < (size_t) k * k; i++)
		if (isnan(t[i]))
			t[i] = 0.0;
	return true;
}

/* resolve correlation pairs into a checked target (see depend.h) */
bool
abz_corr_resolve(const AbzModel *m, const AbzSpec *revenue, const AbzSpec *risk,
				 const AbzSpec *plan, int npairs, const char *const *a,
				 const char *const *b, const double *rho, int *k_out,
				 int *index_out, double *target_out, AbzError *err)
{
	Specs		c = {.m = m, .spec = {NULL, revenue, risk ? risk : &empty_risk, plan},
	.index = index_out};
	bool		used[ABZ_CORR_MAX_K] = {false};
	int			row[ABZ_CORR_MAX_K];
	int			nrand = abz_model_nrand(m),
				k;

	memset(err, 0, sizeof(*err));
	*k_out = 0;
	if (nrand > ABZ_CORR_MAX_K)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "%d uncertain inputs, more than the limit of %d", nrand, ABZ_CORR_MAX_K);
	if (npairs < 0 || npairs > ABZ_CORR_MAX_PAIRS)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL,
						 "%d correlation pairs, more than the limit of %d", npairs,
						 ABZ_CORR_MAX_PAIRS);
	/* first pass: which inputs are named, every pair checked */
	for (int p = 0; p < npairs; p++)
	{
		int			ia,
					ib;

		if (!resolve_pair(&c, a[p], b[p], rho[p], &ia, &ib, err))
			return false;
		used[ia] = used[ib] = true;
	}
	k = assign_rows(nrand, used, row, index_out);
	if (!fill_matrix(&c, npairs, a, b, rho, row, k, target_out, err) ||
		!abz_dep_check(k, target_out, row_name, &c, err))
		return false;
	*k_out = k;
	return true;
}
