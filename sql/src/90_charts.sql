-- 90_charts.sql — charts as SVG text (fan, survival, NPV histogram,
-- cumulative and exceedance curves, tornado) and a Unicode sparkline.
-- The chart functions are not strict: a NULL title or unit takes its
-- default, and a NULL simulation or array gives NULL.

CREATE FUNCTION @extschema@.svg_fan(sim @extschema@.simulation, metric text DEFAULT 'cash',
		title text DEFAULT NULL, currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_fan' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_fan(@extschema@.simulation, text, text, text) IS
'SVG fan chart of monthly cash or revenue: P5-P95 and P25-P75 bands, median line, dashed mean line; metric is ''cash'' or ''revenue''; currency names the unit on the y axis';

CREATE FUNCTION @extschema@.svg_survival(names text[], sims @extschema@.simulation[],
		title text DEFAULT NULL) RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_survival' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_survival(text[], @extschema@.simulation[], text) IS
'SVG survival chart: per simulation one line of the share of trials alive (%) from month 0 to the horizon, named by names (1 to 10 series; a legend when more than one)';

CREATE FUNCTION @extschema@.svg_survival(sim @extschema@.simulation, title text DEFAULT NULL)
	RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN sim IS NULL THEN NULL
		ELSE @extschema@.svg_survival(ARRAY['survival']::text[], ARRAY[sim], title) END;
COMMENT ON FUNCTION @extschema@.svg_survival(@extschema@.simulation, text) IS
'SVG survival chart of one simulation: share of trials alive (%) by month';

CREATE FUNCTION @extschema@.svg_histogram(sim @extschema@.simulation, bins int DEFAULT 30,
		title text DEFAULT NULL, currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_histogram' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_histogram(@extschema@.simulation, int, text, text) IS
'SVG histogram of the trial NPVs (bins 1 to 200, equal width from the smallest to the largest NPV, bar height the share of trials in %) with labelled markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_cumulative(sim @extschema@.simulation, title text DEFAULT NULL,
		currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_cumulative' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_cumulative(@extschema@.simulation, text, text) IS
'SVG curve of the NPV cumulative distribution P(NPV <= x) in %, at 201 points from the smallest to the largest NPV, with markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_exceedance(sim @extschema@.simulation, title text DEFAULT NULL,
		currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_exceedance' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_exceedance(@extschema@.simulation, text, text) IS
'SVG curve of the NPV exceedance probability P(NPV > x) = 100 % - P(NPV <= x), with markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_tornado(labels text[], low float8[], high float8[], base float8,
		title text DEFAULT NULL, axis text DEFAULT 'NPV (money units)') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_tornado' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_tornado(text[], float8[], float8[], float8, text, text) IS
'SVG tornado chart: per label (1 to 100) a bar from base to the output at the input''s low value and one to its high value, sorted by swing |high - low| descending; axis titles the value axis';

CREATE FUNCTION @extschema@.sparkline(float8[]) RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sparkline(float8[]) IS
'one-line sparkline: per element one of the blocks U+2581..U+2588 scaled from the smallest to the largest value, a space for NULL, U+2584 throughout for a constant series';
