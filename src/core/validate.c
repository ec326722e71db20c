/*
 * validate.c — the one check every input value passes, whether it came from
 * text (after abz_parse) or from binary input: layout, codes, padding,
 * domains from the schema tables, required and repeated terms, canonical
 * order.  Layout faults (that only binary input can produce) are
 * ABZ_ERR_BINARY; out-of-domain values are ABZ_ERR_DOMAIN.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "spec.h"

/* true if n bytes at p are all zero */
static bool
all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != 0)
			return false;
	return true;
}

/* write a domain bound ("inf" for infinity) */
static void
fmt_bound(double v, char *buf)
{
	if (isinf(v))
		snprintf(buf, 32, "%s", v > 0 ? "inf" : "-inf");
	else
		abz_num_shortest(v, buf);
}

/* true if v lies in the domain of kd */
static bool
in_domain(const AbzKeyDef *kd, double v)
{
	if (kd->flags & ABZ_KEY_POSITIVE)
		return v > kd->lo && v <= kd->hi;
	return v >= kd->lo && v <= kd->hi;
}

/* an error for value v outside the domain of kd */
static bool
domain_error(AbzError *err, const char *term, const char *key, const AbzKeyDef *kd,
			 double v, const char *what)
{
	char		val[32],
				lo[32],
				hi[32];

	abz_num_shortest(v, val);
	fmt_bound(kd->lo, lo);
	fmt_bound(kd->hi, hi);
	abz_error(err, ABZ_ERR_DOMAIN, term, key, "%s%s is outside %s%s, %s%s",
			  what, val, (kd->flags & ABZ_KEY_POSITIVE) ? "(" : "[",
			  lo, hi, isinf(kd->hi) ? ")" : "]");
	/* a share given as a percentage number: say how to write it */
	if ((kd->flags & ABZ_KEY_RATE) && kd->hi <= 1 && v > 1 && v <= 100)
		snprintf(err->hint, sizeof(err->hint),
				 "A share is a fraction of 1: for %s percent write %s%% or %g.",
				 val, val, v / 100);
	return false;
}

/* check one parameter slot against its key definition */
static bool
check_param(const AbzParam *p, const AbzKeyDef *kd, const char *term, const char *key,
			AbzError *err)
{
	const char *dn = abz_dist_names[p->dist];
	double		v[3] = {p->a, p->b, p->c};
	int			arity = abz_dist_arity[p->dist];

	for (int i = 0; i < arity; i++)
		if (!isfinite(v[i]))
			return abz_error(err, ABZ_ERR_DOMAIN, term, key,
							 "nan and infinity are not allowed");
	for (int i = 0; i < arity; i++)
		if (v[i] == 0 && signbit(v[i]))
			return abz_error(err, ABZ_ERR_BINARY, term, key,
							 "negative zero is not canonical");
	if ((kd->flags & ABZ_KEY_INT) && p->dist != ABZ_CONST)
		return abz_error(err, ABZ_ERR_DOMAIN, term, key,
						 "must be a whole-number constant, not a distribution");
	if ((kd->flags & ABZ_KEY_INT) && p->a != floor(p->a))
	{
		char		val[32];

		abz_num_shortest(p->a, val);
		return abz_error(err, ABZ_ERR_DOMAIN, term, key,
						 "value %s is not a whole number", val);
	}
	switch (p->dist)
	{
		case ABZ_CONST:
			if (!in_domain(kd, p->a))
				return domain_error(err, term, key, kd, p->a, "value ");
			break;
		case ABZ_UNIFORM:
			if (p->a > p->b)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "uniform minimum exceeds its maximum");
			if (!in_domain(kd, p->a))
				return domain_error(err, term, key, kd, p->a, "uniform minimum ");
			if (!in_domain(kd, p->b))
				return domain_error(err, term, key, kd, p->b, "uniform maximum ");
			break;
		case ABZ_TRIANGULAR:
		case ABZ_PERT:
			if (p->a > p->b)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "%s minimum exceeds its mode", dn);
			if (p->b > p->c)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "%s mode exceeds its maximum", dn);
			if (!in_domain(kd, p->a))
				return domain_error(err, term, key, kd, p->a, "minimum ");
			if (!in_domain(kd, p->c))
				return domain_error(err, term, key, kd, p->c, "maximum ");
			break;
		case ABZ_NORMAL:
			if (p->b < 0)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "normal standard deviation must not be negative");
			if (!in_domain(kd, p->a))
				return domain_error(err, term, key, kd, p->a, "mean ");
			break;
		case ABZ_LOGNORMAL:
			if (p->a <= 0)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "lognormal mean must be greater than 0");
			if (p->b < 0)
				return abz_error(err, ABZ_ERR_DOMAIN, term, key,
								 "lognormal standard deviation must not be negative");
			if (!in_domain(kd, p->a))
				return domain_error(err, term, key, kd, p->a, "mean ");
			break;
	}
	return true;
}

/* check one term's layout and every slot */
static bool
check_term(AbzKind kind, const AbzTerm *t, AbzError *err)
{
	const AbzKindDef *kd = &abz_kinds[kind];
	const char *name;

	if (t->term >= kd->nterms)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown term code %d", t->term);
	name = kd->terms[t->term].name;
	if (!all_zero(t->pad, sizeof(t->pad)))
		return abz_error(err, ABZ_ERR_BINARY, name, NULL, "nonzero padding");
	if (kind == ABZ_KIND_RISK)
	{
		if (t->sub >= ABZ_STRAT_N)
			return abz_error(err, ABZ_ERR_BINARY, name, "strategy",
							 "unknown strategy code %d", t->sub);
	}
	else if (kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_ENTRY)
	{
		if (t->sub >= ABZ_ENTRY_N)
			return abz_error(err, ABZ_ERR_BINARY, name, "mode",
							 "unknown mode code %d", t->sub);
	}
	else if (t->sub != 0)
		return abz_error(err, ABZ_ERR_BINARY, name, NULL, "nonzero sub-term code %d", t->sub);
	for (int slot = 0; slot < ABZ_MAX_KEYS; slot++)
	{
		const AbzParam *p = &t->key[slot];
		const AbzKeyDef *key = abz_key_def(kind, t, slot);
		char		kname[32];

		if (key == NULL)
		{
			if (!all_zero(p, sizeof(*p)))
				return abz_error(err, ABZ_ERR_BINARY, name, NULL,
								 "unused key slot %d is not zero", slot);
			continue;
		}
		/* a strategy's arguments are named strategy.cost, strategy.effect, ... */
		snprintf(kname, sizeof(kname), "%s%s",
				 kind == ABZ_KIND_RISK && slot >= RK_S1 ? "strategy." : "", key->name);
		if (p->dist >= ABZ_NDIST)
			return abz_error(err, ABZ_ERR_BINARY, name, kname,
							 "unknown distribution code %d", p->dist);
		if (!all_zero(p->pad, sizeof(p->pad)))
			return abz_error(err, ABZ_ERR_BINARY, name, kname, "nonzero padding");
		if ((abz_dist_arity[p->dist] < 2 && p->b != 0) ||
			(abz_dist_arity[p->dist] < 3 && p->c != 0) ||
			(abz_dist_arity[p->dist] < 2 && signbit(p->b)) ||
			(abz_dist_arity[p->dist] < 3 && signbit(p->c)))
			return abz_error(err, ABZ_ERR_BINARY, name, kname,
							 "unused distribution argument is not zero");
		if (!check_param(p, key, name, kname, err))
			return false;
	}
	if (kind == ABZ_KIND_PLAN && t->term == ABZ_PLAN_MARKETING)
	{
		const AbzParam *budget = &t->key[MKT_BUDGET];

		/*
		 * cac's first argument is its constant, the minimum of a bounded
		 * distribution, or the mean of a normal or lognormal
		 */
		if (!(budget->dist == ABZ_CONST && budget->a == 0) &&
			!(t->key[MKT_CAC].a > 0))
			return abz_error(err, ABZ_ERR_DOMAIN, name, "cac",
							 "cac must be greater than 0 when budget is not 0");
	}
	return true;
}

/* true if term x must come after term y in canonical order */
static bool
out_of_order(AbzKind kind, const AbzTerm *x, const AbzTerm *y)
{
	if (x->term != y->term)
		return x->term < y->term;
	return kind == ABZ_KIND_PLAN && x->term == ABZ_PLAN_ROUND &&
		x->key[ROUND_MONTH].a < y->key[ROUND_MONTH].a;
}

/* check term counts: required terms, repeats, at least one term */
static bool
check_counts(const AbzSpec *s, AbzError *err)
{
	const AbzKindDef *kd = &abz_kinds[s->kind];
	int			count[256];

	memset(count, 0, sizeof(count));
	for (int i = 0; i < s->nterms; i++)
		count[s->terms[i].term]++;
	if (s->nterms == 0 && !kd->allow_empty)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "at least one term is required");
	for (int i = 0; i < kd->nterms; i++)
	{
		const AbzTermDef *td = &kd->terms[i];

		if ((td->flags & ABZ_TERM_REQUIRED) && count[i] == 0)
			return abz_error(err, ABZ_ERR_DOMAIN, td->name, NULL,
							 "required term \"%s\" is missing", td->name);
		if (!(td->flags & ABZ_TERM_REPEAT) && count[i] > 1)
			return abz_error(err, ABZ_ERR_DOMAIN, td->name, NULL,
							 "term \"%s\" may appear only once", td->name);
	}
	return true;
}

/* Check a value (from text or binary input) as strictly as the parser does. */
bool
abz_validate(const AbzSpec *s, size_t size, AbzError *err)
{
	if (size < offsetof(AbzSpec, terms))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "value is truncated");
	if (s->version != ABZ_SPEC_VERSION)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "unsupported format version %d", s->version);
	if (s->kind < ABZ_KIND_REVENUE || s->kind > ABZ_KIND_PLAN)
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "unknown value kind %d", s->kind);
	if (!all_zero(s->pad, sizeof(s->pad)))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL, "nonzero padding");
	if (s->nterms > ABZ_MAX_TERMS)
		return abz_error(err, ABZ_ERR_LIMIT, NULL, NULL, "more than %d terms", ABZ_MAX_TERMS);
	if (size != ABZ_SPEC_SIZE(s->nterms))
		return abz_error(err, ABZ_ERR_BINARY, NULL, NULL,
						 "size %zu does not match %d terms", size, s->nterms);
	for (int i = 0; i < s->nterms; i++)
		if (!check_term((AbzKind) s->kind, &s->terms[i], err))
			return false;
	if (!check_counts(s, err))
		return false;
	for (int i = 1; i < s->nterms; i++)
		if (out_of_order((AbzKind) s->kind, &s->terms[i], &s->terms[i - 1]))
			return abz_error(err, ABZ_ERR_BINARY, abz_kinds[s->kind].terms[s->terms[i].term].name,
							 NULL, "terms are not in canonical order");
	return true;
}
