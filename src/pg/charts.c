/*
 * charts.c — fmgr glue of the chart functions: SVG fan, survival, NPV
 * histogram, cumulative and exceedance curves and tornado charts drawn by
 * the core's writers (svg.h) from a simulation or from arrays, and the
 * Unicode sparkline of a float8[].
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "aibiz.h"
#include "axis.h"
#include "simval.h"
#include "svg.h"

#define MAX_BINS		200		/* histogram bins */
#define CDF_POINTS		201		/* points of the cumulative and exceedance curves */
#define DEFAULT_UNIT	"money units"

/* the text of an SVG writer's output (sized first with cap 0) */
#define SVG_TEXT(writer, desc) \
	do { \
		size_t		n_ = writer((desc), NULL, 0); \
		char	   *b_; \
		if (n_ >= MaxAllocSize - VARHDRSZ) \
			ereport(ERROR, \
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), \
					 errmsg("chart of %zu bytes is too large", n_))); \
		b_ = palloc(n_ + 1); \
		writer((desc), b_, n_ + 1); \
		PG_RETURN_TEXT_P(cstring_to_text_with_len(b_, (int) n_)); \
	} while (0)

/*
 * Bytes of a free text the charts read: enough for ABZ_SVG_TEXT_CHARS + 1
 * characters, so the writers still see that a longer text goes on and cut
 * it with an ellipsis.
 */
#define CHART_TEXT_BYTES	((ABZ_SVG_TEXT_CHARS + 1) * MAX_MULTIBYTE_CHAR_LEN)

/*
 * A free text (title, unit, name, label) as a C string, cut to the part a
 * chart can show before anything is escaped: only the first
 * CHART_TEXT_BYTES bytes are read (and detoasted), ending at a character
 * boundary, so a huge text costs no more than a short one.
 */
static char *
chart_text(Datum d)
{
	text	   *t = DatumGetTextPSlice(d, 0, CHART_TEXT_BYTES);
	int			len = VARSIZE_ANY_EXHDR(t);

	return pnstrdup(VARDATA_ANY(t), pg_mbcliplen(VARDATA_ANY(t), len, len));
}

/* free-text argument n as a C string (see chart_text), or dflt when it is NULL */
static char *
text_arg_or(FunctionCallInfo fcinfo, int n, const char *dflt)
{
	if (PG_ARGISNULL(n))
		return pstrdup(dflt);
	return chart_text(PG_GETARG_DATUM(n));
}

/* an axis title "what (unit)" */
static char *
axis_title(const char *what, FunctionCallInfo fcinfo, int unit_arg)
{
	return psprintf("%s (%s)", what, text_arg_or(fcinfo, unit_arg, DEFAULT_UNIT));
}

/* a 1-D array's elements, or an error naming it; n = 0 for an empty array */
static void
array_elems(ArrayType *arr, const char *what, const char *name,
			Datum **elems, bool **nulls, int *n)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s: %s must be a one-dimensional array", what, name)));
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, elems, nulls, n);
}

/* error unless the element lists of what have n and m elements alike */
static void
check_same_length(const char *what, const char *a, int n, const char *b, int m)
{
	if (n != m)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s: %s and %s must have the same length, got %d and %d",
						what, a, b, n, m)));
}

/* error if element i (0-based) of array name is NULL */
static void
check_not_null(const char *what, const char *name, const bool *nulls, int i)
{
	if (nulls[i])
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: element %d of %s is null", what, i + 1, name)));
}

/* error unless v is finite */
static void
check_finite_elem(const char *what, const char *name, int i, double v)
{
	if (!isfinite(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: element %d of %s must be a finite number, got %g",
						what, i + 1, name, v)));
}

/* the elements of a float8[] (no NULLs, finite); n as in array_elems */
static double *
float8_elems(ArrayType *arr, const char *what, const char *name, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	double	   *out;

	array_elems(arr, what, name, &elems, &nulls, n);
	out = palloc(sizeof(double) * Max(*n, 1));
	for (int i = 0; i < *n; i++)
	{
		check_not_null(what, name, nulls, i);
		out[i] = DatumGetFloat8(elems[i]);
		check_finite_elem(what, name, i, out[i]);
	}
	return out;
}

/* ---- fan ---- */

/* the monthly quantiles of metric ("cash" or "revenue") of a simulation, or an error */
static const double *
fan_quantiles(const AbzSimView *v, const AbzSimHeader *h, const char *metric, bool *cash)
{
	if (strcmp(metric, "cash") != 0 && strcmp(metric, "revenue") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_fan: unknown metric \"%s\"", metric),
				 errhint("The metric is 'cash' or 'revenue'.")));
	*cash = strcmp(metric, "cash") == 0;
	if ((*cash ? v->cash_q : v->rev_q) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_fan: aibiz.simulation of %lld members has no monthly quantiles",
						(long long) h->members),
				 errdetail("A portfolio keeps monthly sums, not the quantiles a fan chart draws."),
				 errhint("Chart a member's simulation, or read aibiz.fan() for the portfolio's monthly mean.")));
	return *cash ? v->cash_q : v->rev_q;
}

PG_FUNCTION_INFO_V1(aibiz_svg_fan);

/* svg_fan(sim, metric, title, currency): P5-P95 and P25-P75 bands, median, mean */
Datum
aibiz_svg_fan(PG_FUNCTION_ARGS)
{
	AbzSimLayout L;
	AbzSimHeader *h;
	AbzSimView	v;
	const double *q;
	bool		cash;
	int			H;
	double	   *x,
			   *col[ABZ_SIM_NQ + 1];
	AbzSvgSeries s[4];
	AbzSvgPlot	p = {0};

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	h = abz_sim_datum(PG_GETARG_DATUM(0), &L);
	abz_sim_view(h, &L, &v);
	q = fan_quantiles(&v, h, text_to_cstring(PG_GETARG_TEXT_PP(1)), &cash);
	H = h->horizon;
	x = palloc(sizeof(double) * H);
	for (int k = 0; k <= ABZ_SIM_NQ; k++)
		col[k] = palloc(sizeof(double) * H);
	for (int m = 0; m < H; m++)
	{
		x[m] = m + 1;
		for (int k = 0; k < ABZ_SIM_NQ; k++)
			col[k][m] = q[m * ABZ_SIM_NQ + k];
		col[ABZ_SIM_NQ][m] = abz_fixed_to_double(abz_sim_fx(cash ? v.cash_sum : v.rev_sum, m))
			/ h->trials;
	}
	s[0] = (AbzSvgSeries) {ABZ_SVG_BAND, "P5-P95", "#4e79a7", 0.22, x, col[0], col[4], H};
	s[1] = (AbzSvgSeries) {ABZ_SVG_BAND, "P25-P75", "#4e79a7", 0.45, x, col[1], col[3], H};
	s[2] = (AbzSvgSeries) {ABZ_SVG_LINE, "median", "#1f3b63", 1, x, col[2], NULL, H};
	s[3] = (AbzSvgSeries) {ABZ_SVG_DASHED, "mean", "#e15759", 1, x, col[5], NULL, H};
	p.title = text_arg_or(fcinfo, 2,
						  psprintf("%s by month: percentile fan of %d trials",
								   cash ? "Cash" : "Revenue", h->qtrials));
	p.xtitle = "month";
	p.ytitle = axis_title(cash ? "cash" : "revenue", fcinfo, 3);
	p.xmin_step = 1;
	p.series = s;
	p.nseries = 4;
	SVG_TEXT(abz_svg_plot, &p);
}

/* ---- survival ---- */

/* survival series k of sim: x = months 0..H, y = % alive */
static void
survival_series(AbzSimHeader *h, const char *name, int k, AbzSvgSeries *s)
{
	double	   *x = palloc(sizeof(double) * (h->horizon + 1)),
			   *y = palloc(sizeof(double) * (h->horizon + 1));

	for (int m = 0; m <= h->horizon; m++)
	{
		x[m] = m;
		y[m] = 100 * abz_sim_survival(h, m);
	}
	*s = (AbzSvgSeries) {ABZ_SVG_LINE, name, abz_svg_palette[k], 1, x, y, NULL, h->horizon + 1};
}

PG_FUNCTION_INFO_V1(aibiz_svg_survival);

/* svg_survival(names, sims, title): one survival line per simulation, in % */
Datum
aibiz_svg_survival(PG_FUNCTION_ARGS)
{
	Datum	   *names,
			   *sims;
	bool	   *nnull,
			   *snull;
	int			nn,
				ns;
	AbzSvgSeries s[ABZ_SVG_MAX_SERIES];
	AbzSvgPlot	p = {0};

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	array_elems(PG_GETARG_ARRAYTYPE_P(0), "svg_survival", "names", &names, &nnull, &nn);
	array_elems(PG_GETARG_ARRAYTYPE_P(1), "svg_survival", "sims", &sims, &snull, &ns);
	check_same_length("svg_survival", "names", nn, "sims", ns);
	if (ns < 1 || ns > ABZ_SVG_MAX_SERIES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_survival: between 1 and %d series, got %d", ABZ_SVG_MAX_SERIES, ns),
				 errhint("More lines than colours would not be readable; draw several charts.")));
	for (int k = 0; k < ns; k++)
	{
		check_not_null("svg_survival", "names", nnull, k);
		check_not_null("svg_survival", "sims", snull, k);
		survival_series(abz_sim_datum(sims[k], NULL), chart_text(names[k]), k, &s[k]);
	}
	p.title = text_arg_or(fcinfo, 2, "Survival: share of companies alive by month");
	p.xtitle = "month";
	p.ytitle = "alive (% of trials)";
	p.ypercent = true;
	p.yfix_lo = 0;
	p.yfix_hi = 100;
	p.xmin_step = 1;
	p.series = s;
	p.nseries = ns;
	SVG_TEXT(abz_svg_plot, &p);
}

/* ---- NPV distribution ---- */

/* the markers P5, P50, P95 and mean of the trial NPVs of h */
static void
npv_markers(const AbzSimHeader *h, AbzSvgMarker *mk)
{
	static const double ps[3] = {0.05, 0.50, 0.95};
	double	   *x = palloc(sizeof(double) * (size_t) h->trials);
	double		q[3];

	abz_sim_trial_values(h, 0, x);
	abz_quantiles7(x, (size_t) h->trials, ps, 3, q);
	pfree(x);
	mk[0] = (AbzSvgMarker) {q[0], "P5", "#374151", true};
	mk[1] = (AbzSvgMarker) {q[1], "P50", "#111827", false};
	mk[2] = (AbzSvgMarker) {q[2], "P95", "#374151", true};
	mk[3] = (AbzSvgMarker) {abz_sim_trial_mean(h, 0), "mean", "#e15759", true};
}

PG_FUNCTION_INFO_V1(aibiz_svg_histogram);

/* svg_histogram(sim, bins, title, currency): NPV histogram with P5, P50, P95, mean */
Datum
aibiz_svg_histogram(PG_FUNCTION_ARGS)
{
	AbzSimHeader *h;
	int32		bins;
	double	   *edge,
			   *share,
				lo,
				hi;
	int64	   *count;
	AbzSvgMarker mk[4];
	AbzSvgPlot	p = {0};

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	h = abz_sim_datum(PG_GETARG_DATUM(0), NULL);
	bins = PG_GETARG_INT32(1);
	if (bins < 1 || bins > MAX_BINS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_histogram: bins must be between 1 and %d, got %d", MAX_BINS, bins)));
	count = palloc(sizeof(int64) * bins);
	edge = palloc(sizeof(double) * (bins + 1));
	share = palloc(sizeof(double) * bins);
	{
		double	   *scratch = palloc(sizeof(double) * (size_t) h->trials);

		bins = abz_sim_histogram(h, bins, scratch, count, &lo, &hi);
		pfree(scratch);
	}
	for (int b = 0; b < bins; b++)
	{
		edge[b] = b == 0 ? lo : lo + (hi - lo) * b / bins;
		share[b] = 100.0 * (double) count[b] / (double) h->trials;
	}
	edge[bins] = hi;
	if (lo == hi)				/* every NPV equal: one bar of visible width */
	{
		double		d = Max(fabs(lo) * 0.05, 1.0);

		edge[0] = lo - d;
		edge[1] = hi + d;
	}
	npv_markers(h, mk);
	p.title = text_arg_or(fcinfo, 2, psprintf("NPV distribution of %d trials", h->trials));
	p.xtitle = axis_title("NPV", fcinfo, 3);
	p.ytitle = "share of trials (%)";
	p.ypercent = true;
	p.markers = mk;
	p.nmarkers = 4;
	p.bar_x = edge;
	p.bar_y = share;
	p.nbars = bins;
	p.bar_color = "#4e79a7";
	SVG_TEXT(abz_svg_plot, &p);
}

/* the NPV distribution curve of h in % (exceedance: 100 - cumulative) into *s */
static void
npv_curve(const AbzSimHeader *h, bool exceedance, AbzSvgSeries *s)
{
	double	   *x = palloc(sizeof(double) * (size_t) h->trials);
	double	   *px = palloc(sizeof(double) * CDF_POINTS),
			   *py = palloc(sizeof(double) * CDF_POINTS);
	int			n;

	abz_sim_trial_values(h, 0, x);
	n = abz_ecdf_grid(x, (size_t) h->trials, CDF_POINTS, px, py);
	pfree(x);
	if (n == 1)					/* every NPV equal: a step at that value */
	{
		px[1] = px[0];
		py[0] = 0;
		py[1] = 1;
		n = 2;
	}
	for (int k = 0; k < n; k++)
		py[k] = 100 * (exceedance ? 1 - py[k] : py[k]);
	*s = (AbzSvgSeries) {ABZ_SVG_LINE, NULL, "#4e79a7", 1, px, py, NULL, n};
}

/* the cumulative or exceedance chart of argument 0 */
static Datum
npv_curve_chart(FunctionCallInfo fcinfo, bool exceedance)
{
	AbzSimHeader *h = abz_sim_datum(PG_GETARG_DATUM(0), NULL);
	AbzSvgSeries s;
	AbzSvgMarker mk[4];
	AbzSvgPlot	p = {0};

	npv_curve(h, exceedance, &s);
	npv_markers(h, mk);
	p.title = text_arg_or(fcinfo, 1, exceedance ?
						  psprintf("NPV exceedance P(NPV > x) of %d trials", h->trials) :
						  psprintf("NPV cumulative distribution P(NPV <= x) of %d trials", h->trials));
	p.xtitle = axis_title("NPV x", fcinfo, 2);
	p.ytitle = exceedance ? "P(NPV > x) (%)" : "P(NPV <= x) (%)";
	p.ypercent = true;
	p.yfix_lo = 0;
	p.yfix_hi = 100;
	p.series = &s;
	p.nseries = 1;
	p.markers = mk;
	p.nmarkers = 4;
	SVG_TEXT(abz_svg_plot, &p);
}

PG_FUNCTION_INFO_V1(aibiz_svg_cumulative);

/* svg_cumulative(sim, title, currency): P(NPV <= x) in % */
Datum
aibiz_svg_cumulative(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return npv_curve_chart(fcinfo, false);
}

PG_FUNCTION_INFO_V1(aibiz_svg_exceedance);

/* svg_exceedance(sim, title, currency): P(NPV > x) in % */
Datum
aibiz_svg_exceedance(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	return npv_curve_chart(fcinfo, true);
}

/* ---- tornado ---- */

PG_FUNCTION_INFO_V1(aibiz_svg_tornado);

/* svg_tornado(labels, low, high, base, title, axis): bars sorted by swing */
Datum
aibiz_svg_tornado(PG_FUNCTION_ARGS)
{
	Datum	   *lab;
	bool	   *lnull;
	int			nl,
				nlow,
				nhigh;
	double	   *low,
			   *high,
				base;
	const char **labels;
	int		   *order;
	AbzSvgTornado tc;

	for (int a = 0; a < 4; a++)
		if (PG_ARGISNULL(a))
			PG_RETURN_NULL();
	array_elems(PG_GETARG_ARRAYTYPE_P(0), "svg_tornado", "labels", &lab, &lnull, &nl);
	low = float8_elems(PG_GETARG_ARRAYTYPE_P(1), "svg_tornado", "low", &nlow);
	high = float8_elems(PG_GETARG_ARRAYTYPE_P(2), "svg_tornado", "high", &nhigh);
	check_same_length("svg_tornado", "labels", nl, "low", nlow);
	check_same_length("svg_tornado", "labels", nl, "high", nhigh);
	base = PG_GETARG_FLOAT8(3);
	if (!isfinite(base))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_tornado: base must be a finite number, got %g", base)));
	if (nl < 1 || nl > ABZ_SVG_MAX_BARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("svg_tornado: between 1 and %d bars, got %d", ABZ_SVG_MAX_BARS, nl),
				 errhint("Keep the inputs with the largest swings: ORDER BY swing DESC LIMIT %d.",
						 ABZ_SVG_MAX_BARS)));
	labels = palloc(sizeof(char *) * nl);
	for (int i = 0; i < nl; i++)
	{
		check_not_null("svg_tornado", "labels", lnull, i);
		labels[i] = chart_text(lab[i]);
	}
	order = palloc(sizeof(int) * nl);
	abz_tornado_order(low, high, nl, order);
	tc = (AbzSvgTornado) {text_arg_or(fcinfo, 4, "Tornado: output at each input's low and high value"),
		text_arg_or(fcinfo, 5, "NPV (" DEFAULT_UNIT ")"), labels, low, high, base, nl, order};
	SVG_TEXT(abz_svg_tornado, &tc);
}

/* ---- sparkline ---- */

PG_FUNCTION_INFO_V1(aibiz_sparkline);

/* sparkline(float8[]): one block character per element, a space for NULL */
Datum
aibiz_sparkline(PG_FUNCTION_ARGS)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	double	   *v;
	size_t		len;
	char	   *buf;

	if (GetDatabaseEncoding() != PG_UTF8 && GetDatabaseEncoding() != PG_SQL_ASCII)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("sparkline: the block characters need a UTF8 database, not %s",
						GetDatabaseEncodingName())));
	array_elems(PG_GETARG_ARRAYTYPE_P(0), "sparkline", "values", &elems, &nulls, &n);
	v = palloc(sizeof(double) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		v[i] = nulls[i] ? 0 : DatumGetFloat8(elems[i]);
		if (!nulls[i])
			check_finite_elem("sparkline", "values", i, v[i]);
	}
	len = abz_sparkline(v, nulls, (size_t) n, NULL, 0);
	if (len >= MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sparkline: %d values make a text too long", n)));
	buf = palloc(len + 1);
	abz_sparkline(v, nulls, (size_t) n, buf, len + 1);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) len));
}
