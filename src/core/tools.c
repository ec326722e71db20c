/*
 * tools.c — the metrics of the toolkit and tornado and spider of the
 * expected path (sensitivity.c and solve.c hold the other tools).  Every variant of the inputs is made by override.c (and so
 * validated like input), run by the engine of model.c, and measured on the
 * projection value of projval.c, so a tool's metric is exactly what
 * aibiz.npv(aibiz.project(...)) and its siblings return for that variant.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dist.h"
#include "fixed.h"
#include "simulate.h"
#include "tools.h"

const char *const abz_metric_names[ABZ_METRIC_N] = {
	"npv", "breakeven_month", "arr", "lowest_cash", "survival", "p_npv_positive"
};

const char *const abz_input_names[3] = {"revenue", "risk", "plan"};

/* round up to 16 bytes */
static size_t
align16(size_t n)
{
	return (n + 15) & ~(size_t) 15;
}

/* the metric of a name; false if unknown */
bool
abz_metric_from_name(const char *name, AbzMetric *out)
{
	for (int i = 0; i < ABZ_METRIC_N; i++)
		if (strcmp(name, abz_metric_names[i]) == 0)
		{
			*out = (AbzMetric) i;
			return true;
		}
	return false;
}

/* bytes of scratch the tools need for a horizon */
size_t
abz_tools_scratch_size(int horizon)
{
	return align16(abz_model_size(horizon)) +
		align16(sizeof(AbzMonth) * (size_t) horizon) +
		align16(ABZ_PROJ_FLOAT_SIZE(horizon)) +
		align16(ABZ_SPEC_MAXSIZE) +
		align16(sizeof(AbzInput) * ABZ_MAX_INPUTS);
}

/* set up t over the inputs with its scratch */
void
abz_tools_init(AbzTools *t, void *scratch, const AbzSpec *revenue, const AbzSpec *risk,
			   const AbzSpec *plan, const AbzMarket *market, int horizon)
{
	char	   *p = scratch;

	memset(t, 0, sizeof(*t));
	t->spec[ABZ_IN_REVENUE] = revenue;
	t->spec[ABZ_IN_RISK] = risk;
	t->spec[ABZ_IN_PLAN] = plan;
	t->market = *market;
	t->horizon = horizon;
	t->model = (AbzModel *) p;
	p += align16(abz_model_size(horizon));
	t->months = (AbzMonth *) p;
	p += align16(sizeof(AbzMonth) * (size_t) horizon);
	t->proj = (AbzProj *) p;
	p += align16(ABZ_PROJ_FLOAT_SIZE(horizon));
	t->work = (AbzSpec *) p;
	p += align16(ABZ_SPEC_MAXSIZE);
	t->inputs = (AbzInput *) p;
}

/* the lower-cased first word of a path (up to '[' or '.') */
static void
first_word(const char *path, size_t len, char word[32])
{
	size_t		i = 0,
				n = 0;

	while (i < len && (path[i] == ' ' || path[i] == '\t'))
		i++;
	while (i < len && path[i] != '[' && path[i] != '.' && n < 31)
	{
		char		c = path[i++];

		word[n++] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
	}
	word[n] = '\0';
}

/* true if kind has a term of that name */
static bool
has_term(AbzKind kind, const char *name)
{
	for (int c = 0; c < abz_kinds[kind].nterms; c++)
		if (strcmp(abz_kinds[kind].terms[c].name, name) == 0)
			return true;
	return false;
}

/* the error for a path no input knows */
static bool
unknown_path(const char *word, AbzError *err)
{
	char		list[240] = "";

	for (int k = ABZ_KIND_REVENUE; k <= ABZ_KIND_PLAN; k++)
	{
		size_t		n = strlen(list);

		snprintf(list + n, sizeof(list) - n, "%s%s:", n ? "; " : "", abz_input_names[k - 1]);
		for (int c = 0; c < abz_kinds[k].nterms; c++)
		{
			n = strlen(list);
			snprintf(list + n, sizeof(list) - n, " %s", abz_kinds[k].terms[c].name);
		}
	}
	abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL, "path names an unknown term \"%.31s\"", word);
	snprintf(err->detail, sizeof(err->detail), "Valid terms (%s).", list);
	return false;
}

/* Resolve a path, optionally prefixed by revenue., risk. or plan. */
bool
abz_tools_path(const AbzTools *t, const char *path, size_t len, bool may_add,
			   int *which, AbzPath *out, AbzError *err)
{
	char		word[32];
	int			found = -1;
	AbzError	first;

	first_word(path, len, word);
	for (int w = 0; w < 3; w++)
	{
		size_t		n = strlen(abz_input_names[w]);

		if (len > n && strncasecmp(path, abz_input_names[w], n) == 0 && path[n] == '.')
		{
			*which = w;
			return abz_path_resolve(t->spec[w], path + n + 1, len - n - 1, may_add, out, err);
		}
	}
	memset(&first, 0, sizeof(first));
	for (int w = 0; w < 3; w++)
	{
		AbzPath		p;
		AbzError	e;

		if (!has_term((AbzKind) (w + 1), word))
			continue;
		if (!abz_path_resolve(t->spec[w], path, len, may_add, &p, &e))
		{
			if (first.code == ABZ_OK)
				first = e;
			continue;
		}
		/* a term the value has wins over one that would be added */
		if (found >= 0 && (out->pos >= 0) != (p.pos >= 0))
		{
			if (p.pos >= 0)
			{
				found = w;
				*out = p;
			}
			continue;
		}
		if (found >= 0)
		{
			abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
					  "path \"%s\" names a key of both the %s and the %s",
					  p.text, abz_input_names[found], abz_input_names[w]);
			snprintf(err->detail, sizeof(err->detail), "Write %s.%s or %s.%s.",
					 abz_input_names[found], p.text, abz_input_names[w], p.text);
			return false;
		}
		found = w;
		*out = p;
	}
	if (found >= 0)
	{
		*which = found;
		return true;
	}
	if (first.code != ABZ_OK)
	{
		*err = first;
		return false;
	}
	return unknown_path(word, err);
}

/* run the engine on specs and measure an expected-path metric */
static bool
project_metric(AbzTools *t, const AbzSpec *const s[3], AbzMetric metric, double *out,
			   AbzError *err)
{
	AbzProjSummary sum;
	double		npv;

	if (t->tick)
		t->tick(t->arg);
	t->projections++;
	if (!abz_model_prepare(t->model, s[0], s[1], s[2], &t->market, t->horizon, err) ||
		!abz_model_project(t->model, t->months, &npv, err) ||
		!abz_proj_build_float(t->proj, t->horizon, abz_model_launch(t->model), t->months,
							  npv, err) ||
		!abz_proj_summarise(t->proj, &sum, err))
		return false;
	switch (metric)
	{
		case ABZ_METRIC_NPV:
			*out = sum.npv;
			break;
		case ABZ_METRIC_BREAKEVEN:
			*out = sum.breakeven > 0 ? sum.breakeven : t->horizon + 1;
			break;
		case ABZ_METRIC_ARR:
			*out = sum.arr;
			break;
		default:
			*out = sum.min_cash;
			break;
	}
	return true;
}

/* run trials 0..trials-1 and measure a simulation metric */
static bool
simulate_metric(AbzTools *t, const AbzSpec *const s[3], AbzMetric metric, int32_t trials,
				int64_t seed, double *out, AbzError *err)
{
	int			every;
	int			countdown;
	int64_t		hits = 0;
	AbzTrial	tr;

	if (!abz_model_prepare(t->model, s[0], s[1], s[2], &t->market, t->horizon, err))
		return false;
	every = abz_sim_tick_every_model(t->model);
	countdown = every;
	for (int32_t i = 0; i < trials; i++)
	{
		if (t->tick && --countdown == 0)
		{
			t->tick(t->arg);
			countdown = every;
		}
		abz_model_trial(t->model, (uint64_t) seed, (uint64_t) i, &tr, NULL, NULL);
		if (metric == ABZ_METRIC_SURVIVAL)
			hits += tr.death_month == 0;
		else
		{
			abz_fixed	x;

			/* as the simulation value stores it: the fixed-point NPV */
			hits += abz_fixed_from_double(tr.npv, &x) ? x > 0 : tr.npv > 0;
		}
	}
	t->trials_run += trials;
	*out = (double) hits / (double) trials;
	return true;
}

/* the inputs with spec[which] replaced by alt (when not NULL) */
static void
with_alt(const AbzTools *t, int which, const AbzSpec *alt, const AbzSpec *s[3])
{
	for (int w = 0; w < 3; w++)
		s[w] = t->spec[w];
	if (alt)
		s[which] = alt;
}

/* any metric of the inputs with spec[which] replaced by alt (simulation metrics run trials) */
bool
abz_tools_eval(AbzTools *t, int which, const AbzSpec *alt, AbzMetric metric, int32_t trials,
			   int64_t seed, double *out, AbzError *err)
{
	const AbzSpec *s[3];

	with_alt(t, which, alt, s);
	if (metric >= ABZ_METRIC_NPROJ)
		return simulate_metric(t, s, metric, trials, seed, out, err);
	return project_metric(t, s, metric, out, err);
}

/* an expected-path metric of the inputs with spec[which] replaced by alt */
bool
abz_tools_metric(AbzTools *t, int which, const AbzSpec *alt, AbzMetric metric,
				 double *out, AbzError *err)
{
	const AbzSpec *s[3];

	with_alt(t, which, alt, s);
	return project_metric(t, s, metric, out, err);
}

/* v clamped to the domain of kd */
static double
clamp_key(const AbzKeyDef *kd, double v)
{
	double		lo,
				hi;

	abz_key_interval(kd, &lo, &hi);
	return v < lo ? lo : (v > hi ? hi : v);
}

/* p scaled by factor with every point clamped to the domain (a normal's or lognormal's sd kept) */
static void
scaled_clamped(const AbzParam *p, const AbzKeyDef *kd, double factor, AbzParam *out)
{
	int			arity = abz_dist_arity[p->dist];
	bool		spread = p->dist == ABZ_NORMAL || p->dist == ABZ_LOGNORMAL;

	abz_param_scale(p, factor, out);
	out->a = clamp_key(kd, out->a);
	if (arity > 1 && !spread)
		out->b = clamp_key(kd, out->b);
	if (arity > 2)
		out->c = clamp_key(kd, out->c);
}

/* the metric with input in set to the parameter v */
static bool
metric_at(AbzTools *t, int which, const AbzInput *in, const AbzParam *v, AbzMetric metric,
		  double *out, AbzError *err)
{
	return abz_set_param(t->spec[which], &in->path, v, t->work, err) &&
		abz_tools_metric(t, which, t->work, metric, out, err);
}

/* a constant parameter */
AbzParam
abz_constant(double v)
{
	AbzParam	p;

	memset(&p, 0, sizeof(p));
	p.a = v + 0.0;
	return p;
}

/* one tornado row: the input at its low and high settings */
static bool
tornado_row(AbzTools *t, int which, const AbzInput *in, AbzMetric metric,
			AbzTornadoRow *row, AbzError *err)
{
	const AbzParam *p = &in->value;
	AbzParam	lo,
				hi;

	memset(row, 0, sizeof(*row));
	row->which = which;
	memcpy(row->path, in->path.text, ABZ_PATH_MAX);
	row->dist = p->dist != ABZ_CONST;
	if (row->dist)
	{
		row->low_input = clamp_key(in->path.key, abz_param_quantile(p, 0.1));
		row->high_input = clamp_key(in->path.key, abz_param_quantile(p, 0.9));
	}
	else
	{
		row->low_input = clamp_key(in->path.key, p->a * 0.8);
		row->high_input = clamp_key(in->path.key, p->a * 1.2);
	}
	lo = abz_constant(row->low_input);
	hi = abz_constant(row->high_input);
	if (!metric_at(t, which, in, &lo, metric, &row->low_value, err) ||
		!metric_at(t, which, in, &hi, metric, &row->high_value, err))
		return false;
	row->swing = fabs(row->high_value - row->low_value);
	return true;
}

/* tornado order: swing descending, then input order */
static int
tornado_cmp(const void *a, const void *b)
{
	const AbzTornadoRow *x = a,
			   *y = b;

	if (x->swing != y->swing)
		return x->swing > y->swing ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* Tornado of the expected path (see tools.h). */
int
abz_tornado(AbzTools *t, AbzMetric metric, AbzTornadoRow *rows, double *base, AbzError *err)
{
	int			n = 0;

	if (metric >= ABZ_METRIC_NPROJ)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "metric %s needs a simulation", abz_metric_names[metric]), -1;
	if (!abz_tools_metric(t, 0, NULL, metric, base, err))
		return -1;
	for (int w = 0; w < 3; w++)
	{
		int			k = abz_inputs(t->spec[w], t->inputs);

		for (int i = 0; i < k; i++)
		{
			if (!tornado_row(t, w, &t->inputs[i], metric, &rows[n], err))
				return -1;
			rows[n].ord = n;
			n++;
		}
	}
	qsort(rows, (size_t) n, sizeof(rows[0]), tornado_cmp);
	return n;
}

/* Spider of the expected path (see tools.h). */
int
abz_spider(AbzTools *t, AbzMetric metric, AbzSpiderRow *rows, AbzError *err)
{
	int			n = 0;

	if (metric >= ABZ_METRIC_NPROJ)
		return abz_error(err, ABZ_ERR_DOMAIN, NULL, NULL,
						 "metric %s needs a simulation", abz_metric_names[metric]), -1;
	for (int w = 0; w < 3; w++)
	{
		int			k = abz_inputs(t->spec[w], t->inputs);

		for (int i = 0; i < k; i++)
		{
			const AbzInput *in = &t->inputs[i];

			for (int j = 0; j < ABZ_SPIDER_NSTEPS; j++)
			{
				AbzSpiderRow *r = &rows[n++];
				AbzParam	v;

				r->which = w;
				memcpy(r->path, in->path.text, ABZ_PATH_MAX);
				r->factor = (7 + j) / 10.0;
				scaled_clamped(&in->value, in->path.key, r->factor, &v);
				r->input = clamp_key(in->path.key, abz_param_mean(&v));
				if (!metric_at(t, w, in, &v, metric, &r->value, err))
					return -1;
			}
		}
	}
	return n;
}
