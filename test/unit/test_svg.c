/*
 * test_svg.c — chart scales and writers: nice ticks, number labels, the
 * empirical distribution grid, XML escaping, sparklines, tornado order and
 * the structure of written plots.  Expected values are worked out by hand
 * in the comments.
 */
#include <stdlib.h>

#include "axis.h"
#include "svg.h"
#include "unit.h"

#define M "\xe2\x88\x92"		/* U+2212 */

/* occurrences of needle in hay */
static int
count_of(const char *hay, const char *needle)
{
	int			n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

ABZ_SUITE(axis_ticks)
{
	AbzAxis		a;

	/* raw step (900k + 121k) / 5 = 204.2k -> 200k; from -200k (not -2.5M) to 1M */
	abz_axis_ticks(-121000, 900000, 5, 0, &a);
	CHECK(a.step == 200000);
	CHECK(a.nticks == 7);
	CHECK(a.lo == -200000 && a.hi == 1000000);
	CHECK(a.ticks[1] == 0);
	/* percentages: 100 / 5 = 20 */
	abz_axis_ticks(0, 100, 5, 0, &a);
	CHECK(a.step == 20 && a.nticks == 6 && a.lo == 0 && a.hi == 100);
	/* months 1..60: 59/8 = 7.4 -> 10; 0, 10, ..., 60 */
	abz_axis_ticks(1, 60, 8, 1, &a);
	CHECK(a.step == 10 && a.nticks == 7 && a.lo == 0 && a.hi == 60);
	/* months 1..3: 0.25 -> 0.2, raised to whole months: 1, 2, 3 */
	abz_axis_ticks(1, 3, 8, 1, &a);
	CHECK(a.step == 1 && a.nticks == 3 && a.lo == 1 && a.hi == 3);
	/* a constant 5 widens by 10 %: [4.5, 5.5], step 0.2, 4.4 .. 5.6 */
	abz_axis_ticks(5, 5, 5, 0, &a);
	CHECK_NEAR(a.step, 0.2, 1e-15);
	CHECK(a.nticks == 7);
	CHECK_NEAR(a.lo, 4.4, 1e-12);
	CHECK_NEAR(a.hi, 5.6, 1e-12);
	/* zero widens to [-1, 1]: step 0.4 -> 0.5 */
	abz_axis_ticks(0, 0, 5, 0, &a);
	CHECK(a.step == 0.5 && a.nticks == 5 && a.lo == -1 && a.hi == 1);
	/* all negative: 1.2M / 5 = 240k -> 200k; -2.4M .. -1M */
	abz_axis_ticks(-2300000, -1100000, 5, 0, &a);
	CHECK(a.step == 200000 && a.nticks == 8 && a.lo == -2400000 && a.hi == -1000000);
	/* reversed ends are sorted */
	abz_axis_ticks(100, 0, 5, 0, &a);
	CHECK(a.lo == 0 && a.hi == 100);
	/* exact ends: months 1..36, 35/8 = 4.4 -> 5; ticks 5 .. 35 inside */
	abz_axis_exact(1, 36, 8, 1, &a);
	CHECK(a.step == 5 && a.nticks == 7 && a.lo == 1 && a.hi == 36);
	CHECK(a.ticks[0] == 5 && a.ticks[6] == 35);
	/* -121k .. 900k exact: 200k steps from 0 to 800k */
	abz_axis_exact(-121000, 900000, 5, 0, &a);
	CHECK(a.lo == -121000 && a.hi == 900000 && a.nticks == 5 && a.ticks[0] == 0);
	/* extreme ends stay finite */
	abz_axis_ticks(-1e308, 1e308, 5, 0, &a);
	CHECK(isfinite(a.lo) && isfinite(a.hi) && a.nticks <= ABZ_AXIS_MAX_TICKS);
}

ABZ_SUITE(number_labels)
{
	char		b[ABZ_NUM_LABEL];

	abz_fmt_num(1500, b);
	CHECK_STR(b, "1.5k");
	abz_fmt_num(2e6, b);
	CHECK_STR(b, "2M");
	abz_fmt_num(-121000, b);
	CHECK_STR(b, M "121k");
	abz_fmt_num(-121234, b);
	CHECK_STR(b, M "121k");
	abz_fmt_num(0, b);
	CHECK_STR(b, "0");
	abz_fmt_num(-0.0, b);
	CHECK_STR(b, "0");
	abz_fmt_num(12345, b);		/* 12.345k, 3 digits */
	CHECK_STR(b, "12.3k");
	abz_fmt_num(999600, b);		/* 999.6k rounds to 1000k: 1M */
	CHECK_STR(b, "1M");
	abz_fmt_num(1.25e9, b);
	CHECK_STR(b, "1.25B");
	abz_fmt_num(0.0123, b);
	CHECK_STR(b, "0.0123");
	abz_fmt_num(37, b);
	CHECK_STR(b, "37");
	abz_fmt_num(3e15, b);
	CHECK_STR(b, "3e+15");

	abz_fmt_tick(1400000, 200000, b);	/* 0.2 of a million: one decimal */
	CHECK_STR(b, "1.4M");
	abz_fmt_tick(1000000, 200000, b);
	CHECK_STR(b, "1M");
	abz_fmt_tick(-200000, 200000, b);
	CHECK_STR(b, M "200k");
	abz_fmt_tick(1e-17, 0.1, b);	/* rounding noise at zero */
	CHECK_STR(b, "0");
	abz_fmt_tick(3 * 0.1, 0.1, b);	/* 0.30000000000000004 */
	CHECK_STR(b, "0.3");
	abz_fmt_tick(1500, 500, b);
	CHECK_STR(b, "1.5k");
	abz_fmt_tick(500, 500, b);
	CHECK_STR(b, "500");
	abz_fmt_tick(60, 10, b);
	CHECK_STR(b, "60");
	abz_fmt_tick(10200000, 200000, b);	/* 10.2M: the step's decimal kept */
	CHECK_STR(b, "10.2M");

	abz_fmt_pct(0.37, b);
	CHECK_STR(b, "37%");
	abz_fmt_pct(0.125, b);
	CHECK_STR(b, "12.5%");
	abz_fmt_pct(0, b);
	CHECK_STR(b, "0%");
	abz_fmt_pct(1, b);
	CHECK_STR(b, "100%");
}

ABZ_SUITE(ecdf_grid)
{
	double		x[4] = {3, 1, 2, 2};
	double		same[2] = {7, 7};
	double		px[3],
				cdf[3];

	/* sorted 1 2 2 3; grid 1, 2, 3: shares 1/4, 3/4, 1 */
	CHECK(abz_ecdf_grid(x, 4, 3, px, cdf) == 3);
	CHECK(px[0] == 1 && px[1] == 2 && px[2] == 3);
	CHECK(cdf[0] == 0.25 && cdf[1] == 0.75 && cdf[2] == 1);
	CHECK(abz_ecdf_grid(same, 2, 3, px, cdf) == 1);
	CHECK(px[0] == 7 && cdf[0] == 1);
}

/* text written by abz_svg_escape */
static const char *
escaped(const char *s, char *buf, size_t cap)
{
	AbzText		t;

	abz_text_init(&t, buf, cap);
	abz_svg_escape(&t, s);
	abz_text_end(&t, cap);
	return buf;
}

ABZ_SUITE(svg_escape)
{
	char		b[128];

	CHECK_STR(escaped("a<b & \"c\" 'd'>", b, sizeof(b)),
			  "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
	CHECK_STR(escaped("x\x01y\tz", b, sizeof(b)), "x y\tz");
	CHECK_STR(escaped("Café", b, sizeof(b)), "Café");
}

ABZ_SUITE(sparkline)
{
	double		up[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	double		flat[3] = {5, 5, 5};
	double		gap[3] = {1, 0, 3};
	bool		gapnull[3] = {false, true, false};
	double		mid[3] = {0, 10, 5};
	char		b[64];

	/* (v - 1) / 7 * 8 floors to 0, 1, ..., 6, and 8 caps at 7 */
	abz_sparkline(up, NULL, 8, b, sizeof(b));
	CHECK_STR(b, "▁▂▃▄▅▆▇█");
	abz_sparkline(flat, NULL, 3, b, sizeof(b));
	CHECK_STR(b, "▄▄▄");
	abz_sparkline(gap, gapnull, 3, b, sizeof(b));
	CHECK_STR(b, "▁ █");
	/* 5 of 0..10: 4 of 8 */
	abz_sparkline(mid, NULL, 3, b, sizeof(b));
	CHECK_STR(b, "▁█▅");
	CHECK(abz_sparkline(up, NULL, 0, b, sizeof(b)) == 0 && b[0] == '\0');
	/* sizing with no buffer gives the full length: 3 bytes per block */
	CHECK(abz_sparkline(up, NULL, 8, NULL, 0) == 24);
}

ABZ_SUITE(tornado)
{
	double		low[3] = {0, -5, 1},
				high[3] = {1, 5, 1};
	double		tlow[2] = {0, 0},
				thigh[2] = {1, -1};
	int			order[3];
	const char *labels[3] = {"price", "churn <x>", "cac"};
	AbzSvgTornado tc = {"T", "NPV (EUR)", labels, low, high, 0.5, 3, order};
	size_t		n;
	char	   *buf;

	/* swings 1, 10, 0 */
	abz_tornado_order(low, high, 3, order);
	CHECK(order[0] == 1 && order[1] == 0 && order[2] == 2);
	/* equal swings keep input order */
	abz_tornado_order(tlow, thigh, 2, order);
	CHECK(order[0] == 0 && order[1] == 1);
	abz_tornado_order(low, high, 3, order);
	n = abz_svg_tornado(&tc, NULL, 0);
	buf = malloc(n + 1);
	CHECK(abz_svg_tornado(&tc, buf, n + 1) == n && strlen(buf) == n);
	CHECK(count_of(buf, "<rect class=\"low\"") == 3);
	CHECK(count_of(buf, "<rect class=\"high\"") == 3);
	CHECK(strstr(buf, "churn &lt;x&gt;") != NULL);
	/* the first bar row is churn: its label comes before price's */
	CHECK(strstr(buf, "churn &lt;x&gt;") < strstr(buf, ">price<"));
	CHECK(strstr(buf, ">base 0.5</text>") != NULL);
	/* height: 34 + 18 + 10 + 14 + 3 * 26 + 48 = 202 */
	CHECK(strstr(buf, "height=\"202\" viewBox=\"0 0 640 202\"") != NULL);
	free(buf);
}

ABZ_SUITE(svg_plot)
{
	double		x[3] = {1, 2, 3},
				lo[3] = {-121000, -50000, 0},
				hi[3] = {100000, 400000, 900000},
				mid[3] = {0, 100000, 300000};
	AbzSvgSeries s[2] = {
		{ABZ_SVG_BAND, "P5\xe2\x80\x93P95", "#4e79a7", 0.2, x, lo, hi, 3},
		{ABZ_SVG_LINE, "median", "#1f3b63", 1, x, mid, NULL, 3}
	};
	AbzSvgMarker mk[2] = {{-121000, "P5", "#374151", true}, {-120000, "P6", "#374151", false}};
	AbzSvgPlot	p = {"Fan & co", "month", "cash (money units)", false, false, false, 1, 0, 0,
	s, 2, mk, 2, NULL, NULL, 0, NULL, NULL};
	size_t		n = abz_svg_plot(&p, NULL, 0);
	char	   *buf = malloc(n + 1),
			   *again = malloc(n + 1);

	CHECK(abz_svg_plot(&p, buf, n + 1) == n && strlen(buf) == n);
	abz_svg_plot(&p, again, n + 1);
	CHECK(strcmp(buf, again) == 0);
	CHECK(strncmp(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\"", 62) == 0);
	CHECK(strcmp(buf + n - 6, "</svg>") == 0);
	CHECK(strstr(buf, "<title>Fan &amp; co</title>") != NULL);
	CHECK(count_of(buf, "<path ") == 2);
	CHECK(count_of(buf, "<g class=\"legend\">") == 1);
	/* the y axis runs from -200k to 1M: both ends labelled */
	CHECK(strstr(buf, ">&#8722;200k</text>") != NULL);
	CHECK(strstr(buf, ">1M</text>") != NULL);
	CHECK(strstr(buf, ">P5 &#8722;121k</text>") != NULL);
	CHECK(strstr(buf, ">P6 &#8722;120k</text>") != NULL);
	/* close markers take two label rows, so the plot starts lower: 34 + 18 + 10 + 2 * 14 */
	CHECK(strstr(buf, "y1=\"90.0\" y2=\"90.0\"") != NULL);
	CHECK(strstr(buf, ">cash (money units)</text>") != NULL);
	/* one series: no legend */
	p.nseries = 1;
	p.nmarkers = 0;
	abz_svg_plot(&p, buf, n + 1);
	CHECK(strstr(buf, "class=\"legend\"") == NULL);
	free(buf);
	free(again);
}

/*
 * U+FFFE and U+FFFF (EF BF BE, EF BF BF) and UTF-8-encoded surrogates (ED A0
 * 80 .. ED BF BF) are not XML 1.0 characters: each becomes U+FFFD
 */
ABZ_SUITE(svg_escape_nonchars)
{
	char		b[128];

	CHECK_STR(escaped("a\xef\xbf\xbe" "b\xef\xbf\xbf" "c", b, sizeof(b)),
			  "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
	CHECK_STR(escaped("s\xed\xa0\x80" "t\xed\xbf\xbf", b, sizeof(b)),
			  "s\xef\xbf\xbd" "t\xef\xbf\xbd");
	/* neighbours that XML allows pass unchanged: U+FFFD, U+D7FF, U+E000, U+10000 */
	CHECK_STR(escaped("\xef\xbf\xbd\xed\x9f\xbf\xee\x80\x80\xf0\x90\x80\x80", b, sizeof(b)),
			  "\xef\xbf\xbd\xed\x9f\xbf\xee\x80\x80\xf0\x90\x80\x80");
}

/*
 * every free text is cut to ABZ_SVG_TEXT_CHARS (80) characters with an
 * ellipsis before it is escaped: a 100,000-character title of '"' gives
 * 80 "&quot;" in the <title> and 80 in the heading, the axis titles and a
 * legend name likewise, and the chart stays a few kilobytes
 */
ABZ_SUITE(svg_text_cap)
{
	enum
	{
		LONG = 100000
	};
	char	   *big = malloc(LONG + 1);
	double		x[2] = {1, 2},
				y[2] = {1, 2};
	AbzSvgSeries s[2] = {
		{ABZ_SVG_LINE, big, "#4e79a7", 1, x, y, NULL, 2},
		{ABZ_SVG_LINE, "b", "#1f3b63", 1, x, y, NULL, 2}
	};
	AbzSvgPlot	p = {big, big, big, false, false, false, 1, 0, 0,
	s, 2, NULL, 0, NULL, NULL, 0, NULL, NULL};
	const char *labels[1] = {big};
	double		lo[1] = {0},
				hi[1] = {1};
	int			order[1] = {0};
	AbzSvgTornado tc = {big, big, labels, lo, hi, 0, 1, order};
	size_t		n;
	char	   *buf;
	char		b[1024];

	memset(big, '"', LONG);
	big[LONG] = '\0';
	CHECK(ABZ_SVG_TEXT_CHARS == 80);
	escaped(big, b, sizeof(b));
	CHECK(strlen(b) == 80 * 6 + 7);
	CHECK(strcmp(b + 80 * 6, "&#8230;") == 0);
	n = abz_svg_plot(&p, NULL, 0);
	CHECK(n < 10000);
	buf = malloc(n + 1);
	abz_svg_plot(&p, buf, n + 1);
	/* title, heading, x title, y title, legend name */
	CHECK(count_of(buf, "&quot;") == 5 * 80);
	CHECK(count_of(buf, "&#8230;") == 5);
	free(buf);
	n = abz_svg_tornado(&tc, NULL, 0);
	CHECK(n < 10000);
	buf = malloc(n + 1);
	abz_svg_tornado(&tc, buf, n + 1);
	/* title, heading, x title at 80; the bar label at 30 */
	CHECK(count_of(buf, "&quot;") == 3 * 80 + 30);
	free(buf);
	free(big);
}
