-- 90_charts: the SVG chart functions and the sparkline.  Charts are checked
-- through PostgreSQL's XML functions (well-formed, elements per series,
-- axis titles, legend entries, marker labels), not as pasted documents;
-- bad input gives its SQLSTATE and message.

-- SQLSTATE and message of a statement's error, or 'no error'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- values of an XPath over an SVG document, as text
CREATE FUNCTION pg_temp.xp(path text, svg text) RETURNS text[] LANGUAGE sql AS $$
	SELECT xpath(path, svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])::text[]
$$;

-- points of a path's d attribute ("M x,y L x,y ...")
CREATE FUNCTION pg_temp.points(d text) RETURNS int LANGUAGE sql AS $$
	SELECT array_length(regexp_split_to_array(d, ' L'), 1)
$$;

CREATE TEMP TABLE co AS SELECT
	'subscription(price=pert(40,50,70), seats=5, cost=4) + usage(price=0.002, units=normal(20000,5000))'::aibiz.revenue_model AS revenue,
	'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=1, loss=lognormal(200k,100k))'::aibiz.risk_profile AS risk,
	'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800, organic=2%) + round(month=12, amount=2M, p=50%)'::aibiz.plan AS plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1) AS market;
CREATE TEMP TABLE s AS
	SELECT aibiz.simulate(revenue, risk, plan, market, 24, 500, 7) AS sim,
		aibiz.simulate(revenue, risk, plan, market, 12, 500, 8) AS short FROM co;

-- ---- fan ----
CREATE TEMP TABLE fan AS SELECT aibiz.svg_fan(sim) AS svg FROM s;
-- a well-formed document, 640 x 360 with a viewBox, a <title>
SELECT xml_is_well_formed_document(svg) AS well_formed,
	pg_temp.xp('/s:svg/@width', svg) AS width, pg_temp.xp('/s:svg/@height', svg) AS height,
	pg_temp.xp('/s:svg/@viewBox', svg) AS viewbox, pg_temp.xp('/s:svg/s:title/text()', svg) AS title
FROM fan;
-- four series: two bands (filled, closed: 24 months there and back = 48
-- points), the median and the dashed mean (24 points each)
SELECT array_length(pg_temp.xp('//s:g[@class="series"]', svg), 1) AS series,
	pg_temp.xp('//s:g[@class="series"]/s:path/@fill-opacity', svg) AS band_opacity,
	pg_temp.xp('//s:g[@class="series"]/s:path/@stroke-dasharray', svg) AS dashed,
	(SELECT array_agg(pg_temp.points(d)) FROM unnest(pg_temp.xp('//s:g[@class="series"]/s:path/@d', svg)) d) AS points
FROM fan;
-- legend and axis titles
SELECT pg_temp.xp('//s:g[@class="legend"]/s:text/text()', svg) AS legend,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', svg) AS axis_titles
FROM fan;
-- revenue, a title that needs escaping, a currency; NULL title and currency take the defaults
SELECT pg_temp.xp('/s:svg/s:title/text()', f) AS title,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', f) AS axis_titles
FROM s, aibiz.svg_fan(sim, 'revenue', 'Revenue <A & B> "plan"', 'EUR') f;
SELECT pg_temp.xp('/s:svg/s:title/text()', f) AS title,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', f) AS axis_titles
FROM s, aibiz.svg_fan(sim, 'cash', NULL, NULL) f;
-- the same input gives the same bytes; a NULL simulation or metric gives NULL
SELECT md5(svg) = md5(aibiz.svg_fan(sim, 'cash')) AS deterministic,
	aibiz.svg_fan(NULL) IS NULL AS null_sim, aibiz.svg_fan(sim, NULL) IS NULL AS null_metric
FROM fan, s;

-- ---- survival ----
-- one series: one line of 25 points (months 0..24), no legend, y 0 % .. 100 %
SELECT xml_is_well_formed_document(f) AS well_formed,
	array_length(pg_temp.xp('//s:g[@class="series"]/s:path', f), 1) AS lines,
	pg_temp.points((pg_temp.xp('//s:g[@class="series"]/s:path/@d', f))[1]) AS points,
	pg_temp.xp('//s:g[@class="legend"]', f) AS legend,
	pg_temp.xp('//s:g[@class="y-axis"]/s:text[not(@class)]/text()', f) AS y_ticks,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', f) AS axis_titles
FROM s, aibiz.svg_survival(sim) f;
-- the first point is month 0 at 100 %: the top grid line (plot top y = 34 + 10 = 44)
SELECT split_part((pg_temp.xp('//s:g[@class="series"]/s:path/@d', f))[1], ' ', 1) AS first_point
FROM s, aibiz.svg_survival(sim) f;
-- several series: one line each (25 and 13 points), a legend naming them
SELECT array_length(pg_temp.xp('//s:g[@class="series"]/s:path', f), 1) AS lines,
	(SELECT array_agg(pg_temp.points(d)) FROM unnest(pg_temp.xp('//s:g[@class="series"]/s:path/@d', f)) d) AS points,
	pg_temp.xp('//s:g[@class="series"]/s:path/@stroke', f) AS colours,
	pg_temp.xp('//s:g[@class="legend"]/s:text/text()', f) AS legend
FROM s, aibiz.svg_survival(ARRAY['two years', 'one year & <more>'], ARRAY[sim, short], 'Two plans') f;
-- a portfolio has survival (but no fan)
SELECT array_length(pg_temp.xp('//s:g[@class="series"]/s:path', aibiz.svg_survival(p)), 1) AS lines
FROM (SELECT aibiz.portfolio(x) FROM (SELECT sim FROM s UNION ALL SELECT sim FROM s) t(x)) u(p);

-- ---- NPV histogram ----
-- 30 bars by default, 10 when asked; four labelled markers, shown with the
-- numbers they round (3 significant digits, k / M suffix, U+2212 minus)
SELECT xml_is_well_formed_document(aibiz.svg_histogram(sim)) AS well_formed,
	array_length(pg_temp.xp('//s:g[@class="bars"]/s:rect', aibiz.svg_histogram(sim)), 1) AS bars,
	array_length(pg_temp.xp('//s:g[@class="bars"]/s:rect', aibiz.svg_histogram(sim, 10)), 1) AS bars_10,
	pg_temp.xp('//s:g[@class="markers"]/s:line', aibiz.svg_histogram(sim, 10)) IS NOT NULL AS has_lines
FROM s;
SELECT pg_temp.xp('//s:text[@class="marker"]/text()', aibiz.svg_histogram(sim)) AS labels,
	round(aibiz.npv_quantile(sim, 0.05)) AS p5, round(aibiz.npv_quantile(sim, 0.5)) AS p50,
	round(aibiz.npv_quantile(sim, 0.95)) AS p95, round(aibiz.npv_mean(sim)) AS mean
FROM s;
-- the bar heights are shares of trials: they sum to 100 % of the plot's
-- pixel scale; here the bar counts of npv_histogram sum to the trials
SELECT sum(n) AS trials FROM s, aibiz.npv_histogram(sim, 30) h(bin, lo, hi, n, share);
SELECT pg_temp.xp('//s:text[@class="axis-title"]/text()', aibiz.svg_histogram(sim, 30, NULL, 'USD')) AS axis_titles
FROM s;

-- ---- cumulative and exceedance ----
-- one curve of 201 points each, markers, y axis 0 % .. 100 %
SELECT pg_temp.points((pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_cumulative(sim)))[1]) AS cdf_points,
	pg_temp.points((pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_exceedance(sim)))[1]) AS exc_points,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', aibiz.svg_cumulative(sim)) AS cdf_titles,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', aibiz.svg_exceedance(sim, 'Upside', 'EUR')) AS exc_titles,
	array_length(pg_temp.xp('//s:text[@class="marker"]', aibiz.svg_exceedance(sim)), 1) AS markers
FROM s;
-- the cumulative curve rises from the bottom (y pixels fall), the exceedance curve falls:
-- last point of the cumulative is 100 % (y = top), first of the exceedance below 100 %
SELECT split_part(split_part(c, ' L', 201), ',', 2)::float8 < split_part(split_part(c, ' L', 1), ',', 2)::float8 AS cdf_rises,
	split_part(split_part(e, ' L', 201), ',', 2)::float8 > split_part(split_part(e, ' L', 1), ',', 2)::float8 AS exc_falls
FROM s, LATERAL (SELECT (pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_cumulative(sim)))[1],
	(pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_exceedance(sim)))[1]) x(c, e);

-- Without uncertainty every trial has the same NPV (-212207.4): one bar,
-- four markers all labelled -212k (3 significant digits), and the
-- cumulative and exceedance curves are a single step of two points.
CREATE TEMP TABLE flat AS SELECT aibiz.simulate('subscription(price=50, seats=5, cost=4)'::aibiz.revenue_model,
	''::aibiz.risk_profile,
	'cash(amount=1M) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=0, cac=800, organic=2%)'::aibiz.plan,
	aibiz.market(1000, 0.02, 0.03, 0.4, 0.1), 12, 50, 1) AS sim;
SELECT round(aibiz.npv_quantile(sim, 0.05)::numeric, 1) AS p5, round(aibiz.npv_quantile(sim, 0.95)::numeric, 1) AS p95,
	array_length(pg_temp.xp('//s:g[@class="bars"]/s:rect', aibiz.svg_histogram(sim)), 1) AS bars,
	pg_temp.xp('//s:text[@class="marker"]/text()', aibiz.svg_histogram(sim)) AS labels,
	pg_temp.points((pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_cumulative(sim)))[1]) AS cdf_points,
	pg_temp.points((pg_temp.xp('//s:g[@class="series"]/s:path/@d', aibiz.svg_exceedance(sim)))[1]) AS exc_points,
	xml_is_well_formed_document(aibiz.svg_fan(sim)) AS fan_well_formed
FROM flat;

-- ---- tornado ----
-- swings |high - low|: price 2, churn 15, cac 0.5: bars churn, price, cac
CREATE TEMP TABLE tor AS SELECT aibiz.svg_tornado(ARRAY['price', 'churn', 'cac'],
	ARRAY[-1, -5, 0]::float8[], ARRAY[1, 10, 0.5]::float8[], 0, 'Swings', 'NPV (k EUR)') AS svg;
SELECT xml_is_well_formed_document(svg) AS well_formed,
	pg_temp.xp('//s:g[@class="bars"]/s:text/text()', svg) AS labels,
	array_length(pg_temp.xp('//s:rect[@class="low"]', svg), 1) AS low_bars,
	array_length(pg_temp.xp('//s:rect[@class="high"]', svg), 1) AS high_bars,
	pg_temp.xp('//s:g[@class="base"]/s:text/text()', svg) AS base,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', svg) AS axis_title,
	pg_temp.xp('//s:g[@class="legend"]/s:text/text()', svg) AS legend,
	-- height 34 + 18 + 10 + 14 + 3 * 26 + 48 = 202
	pg_temp.xp('/s:svg/@height', svg) AS height
FROM tor;
-- a long label is cut to 30 characters with an ellipsis; the order follows the swing
SELECT pg_temp.xp('//s:g[@class="bars"]/s:text/text()',
	aibiz.svg_tornado(ARRAY['short', repeat('x', 40)], ARRAY[0, 0]::float8[], ARRAY[1, 2]::float8[], 0)) AS labels;
-- U+FFFE and U+FFFF are not XML 1.0 characters: they are written as U+FFFD
-- (in labels and titles alike), so the chart stays a well-formed document
SELECT xml_is_well_formed_document(svg) AS well_formed,
	pg_temp.xp('//s:g[@class="bars"]/s:text/text()', svg) = ARRAY['ok', E'\uFFFD', E'a\uFFFDb'] AS labels_replaced,
	pg_temp.xp('/s:svg/s:title/text()', svg) = ARRAY[E'T\uFFFD'] AS title_replaced
FROM (SELECT aibiz.svg_tornado(ARRAY['ok', E'\uFFFE', E'a\uFFFFb'], ARRAY[0, 0, 0]::float8[],
		ARRAY[3, 2, 1]::float8[], 0, E'T\uFFFE') AS svg) t;
-- every free text is cut to 80 characters with an ellipsis before it is
-- escaped: a title and an axis of a million '"' (6 bytes each escaped) give
-- a chart of a few kilobytes, the <title>, heading and axis title holding
-- 80 '"' and an ellipsis each
SELECT length(svg) < 10000 AS small, xml_is_well_formed_document(svg) AS well_formed,
	pg_temp.xp('/s:svg/s:title/text()', svg) = ARRAY[repeat('"', 80) || E'\u2026'] AS title_cut,
	pg_temp.xp('//s:text[@class="axis-title"]/text()', svg) = ARRAY[repeat('"', 80) || E'\u2026'] AS axis_cut
FROM (SELECT aibiz.svg_tornado(ARRAY['a'], ARRAY[0]::float8[], ARRAY[1]::float8[], 0,
		repeat('"', 1000000), repeat('"', 1000000)) AS svg) t;
-- the currency is cut likewise: "NPV (" and 75 of its characters, 80 in all
SELECT length(svg) < 20000 AS small,
	'NPV (' || repeat('x', 75) || E'\u2026' = ANY (pg_temp.xp('//s:text[@class="axis-title"]/text()', svg)) AS currency_cut
FROM (SELECT aibiz.svg_histogram(sim, 30, NULL, repeat('x', 1000000)) AS svg FROM s) t;
-- and a series name in the legend
SELECT length(svg) < 20000 AS small,
	repeat('n', 80) || E'\u2026' = ANY (pg_temp.xp('//s:g[@class="legend"]/s:text/text()', svg)) AS name_cut
FROM (SELECT aibiz.svg_survival(ARRAY[repeat('n', 1000000), 'b'], ARRAY[sim, sim]) AS svg FROM s) t;
-- working from rows
SELECT pg_temp.xp('//s:g[@class="bars"]/s:text/text()',
	aibiz.svg_tornado(array_agg(k ORDER BY abs(hi - lo) DESC), array_agg(lo ORDER BY abs(hi - lo) DESC),
		array_agg(hi ORDER BY abs(hi - lo) DESC), 100)) AS labels
FROM (VALUES ('a', 90.0::float8, 110.0::float8), ('b', 50, 120), ('c', 99, 100)) v(k, lo, hi);

-- ---- sparkline ----
-- (v - min) / (max - min) * 8, floored, capped at 7: ▁▂▃▄▅▆▇█
SELECT aibiz.sparkline(ARRAY[1, 2, 3, 4, 5, 6, 7, 8]::float8[]) AS rising,
	aibiz.sparkline(ARRAY[5, 5, 5]::float8[]) AS flat,
	aibiz.sparkline(ARRAY[1, NULL, 3]::float8[]) AS gap,
	aibiz.sparkline(ARRAY[0, 10, 5]::float8[]) AS mid,
	aibiz.sparkline('{}'::float8[]) = '' AS empty,
	aibiz.sparkline(NULL) IS NULL AS null_array,
	aibiz.sparkline(ARRAY[NULL, NULL]::float8[]) = '  ' AS all_null;

-- ---- bad input ----
SELECT pg_temp.err($$SELECT aibiz.svg_fan(sim, 'profit') FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_fan(aibiz.portfolio(x)) FROM (SELECT sim FROM s UNION ALL SELECT sim FROM s) t(x)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_histogram(sim, 0) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_histogram(sim, 201) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival(ARRAY['a'], ARRAY[sim, sim]) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival(ARRAY['a', NULL], ARRAY[sim, sim]) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival(ARRAY['a', 'b'], ARRAY[sim, NULL]) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival('{}'::text[], '{}'::aibiz.simulation[])$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival(array_agg(g::text), array_agg(sim)) FROM s, generate_series(1, 11) g$$);
SELECT pg_temp.err($$SELECT aibiz.svg_survival(ARRAY[['a'], ['b']], ARRAY[[sim], [sim]]) FROM s$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a', 'b'], ARRAY[1]::float8[], ARRAY[1, 2]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a', 'b'], ARRAY[1, 2]::float8[], ARRAY[1]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a'], ARRAY[NULL]::float8[], ARRAY[1]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY[NULL::text], ARRAY[0]::float8[], ARRAY[1]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a'], ARRAY['NaN']::float8[], ARRAY[1]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a'], ARRAY[0]::float8[], ARRAY['Infinity']::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(ARRAY['a'], ARRAY[0]::float8[], ARRAY[1]::float8[], 'NaN')$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado('{}'::text[], '{}'::float8[], '{}'::float8[], 0)$$);
SELECT pg_temp.err($$SELECT aibiz.svg_tornado(array_agg(g::text), array_agg(g::float8), array_agg(g::float8), 0) FROM generate_series(1, 101) g$$);
SELECT pg_temp.err($$SELECT aibiz.sparkline(ARRAY[[1, 2], [3, 4]]::float8[])$$);
SELECT pg_temp.err($$SELECT aibiz.sparkline(ARRAY[1, 'NaN']::float8[])$$);
SELECT pg_temp.err($$SELECT aibiz.sparkline(ARRAY['-Infinity', 1]::float8[])$$);
