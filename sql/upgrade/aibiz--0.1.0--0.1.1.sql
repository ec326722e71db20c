-- aibiz 0.1.0 -> 0.1.1: make the SQL side a security boundary and let dump
-- and restore (serial and parallel) keep every user row.
--
-- ALTER EXTENSION aibiz UPDATE runs this script as the bootstrap superuser in
-- a trusted install, in a schema its owner can write to, so it is written
-- like the install script: every operator and function qualified with
-- pg_catalog, every literal typed; it never replaces or adopts an object it did not create.
--
-- What changes:
--   * market() and sample_companies() are re-created with search_path =
--     pg_catalog, pg_temp and pg_catalog-qualified bodies;
--   * every CHECK constraint and default of the tables is re-created
--     qualified and exactly typed;
--   * companies.market_id loses its foreign key (a soft reference now);
--   * ids 1..1000 of markets and cases are reserved for shipped rows, ids
--     above 1000 for the user's rows;
--   * a trigger keeps the shipped rows read-only, and TRUNCATE of markets
--     and cases is no longer granted.
\echo Use "ALTER EXTENSION aibiz UPDATE TO '0.1.1'" to load this file. \quit

-- Refuse to upgrade while a row sits in the other side's id range: the new
-- constraints would fail on it, and today it already breaks dump and restore.
DO $check$
DECLARE
	bad pg_catalog.text;
BEGIN
	SELECT pg_catalog.string_agg(pg_catalog.format('%s id %s (builtin = %s)', t.tab, t.id, t.builtin),
								 ', ' ORDER BY t.tab, t.id)
	INTO bad
	FROM (SELECT 'markets'::pg_catalog.text, m.id, m.builtin FROM @extschema@.markets m
		  UNION ALL
		  SELECT 'cases'::pg_catalog.text, c.id, c.builtin FROM @extschema@.cases c) t (tab, id, builtin)
	WHERE t.id OPERATOR(pg_catalog.<) 1
	   OR (t.id OPERATOR(pg_catalog.<=) 1000) OPERATOR(pg_catalog.<>) t.builtin;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION USING
			ERRCODE = 'check_violation',
			MESSAGE = 'aibiz 0.1.1 reserves ids 1..1000 for shipped rows and ids above 1000 for your rows; these rows are on the wrong side',
			DETAIL = pg_catalog.format('Rows: %s.', bad),
			HINT = 'Give your own rows an id above 1000 (update companies.market_id to match), and for a shipped row whose builtin flag was cleared insert a copy with a new id, then set its builtin back to true; then run ALTER EXTENSION aibiz UPDATE again.';
	END IF;
END
$check$;

-- Keeps the shipped rows of the reference tables read-only outside the
-- extension's own scripts (argument: the boolean column that marks a shipped
-- row; without one every row is shipped).
CREATE FUNCTION @extschema@.guard_shipped_rows() RETURNS trigger
AS 'MODULE_PATHNAME', 'abz_guard_shipped_rows'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.guard_shipped_rows() IS
	'trigger: refuses UPDATE and DELETE of shipped rows, and INSERT or UPDATE of a row marked as shipped, outside the extension''s own scripts';

-- markets: qualified CHECKs and defaults, the reserved id ranges
ALTER TABLE @extschema@.markets
	DROP CONSTRAINT markets_accounts_check,
	ADD CONSTRAINT markets_accounts_check CHECK (accounts OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		AND accounts OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	DROP CONSTRAINT markets_adoption_check,
	ADD CONSTRAINT markets_adoption_check CHECK (adoption OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		AND adoption OPERATOR(pg_catalog.<) '1'::pg_catalog.float8),
	DROP CONSTRAINT markets_bass_p_check,
	ADD CONSTRAINT markets_bass_p_check CHECK (bass_p OPERATOR(pg_catalog.>) '0'::pg_catalog.float8
		AND bass_p OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	DROP CONSTRAINT markets_bass_q_check,
	ADD CONSTRAINT markets_bass_q_check CHECK (bass_q OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		AND bass_q OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	DROP CONSTRAINT markets_growth_check,
	ADD CONSTRAINT markets_growth_check CHECK (growth OPERATOR(pg_catalog.>) '-1'::pg_catalog.float8
		AND growth OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	DROP CONSTRAINT markets_regulatory_intensity_check,
	ADD CONSTRAINT markets_regulatory_intensity_check CHECK (regulatory_intensity OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		AND regulatory_intensity OPERATOR(pg_catalog.<=) '1'::pg_catalog.float8),
	DROP CONSTRAINT markets_data_sensitivity_check,
	ADD CONSTRAINT markets_data_sensitivity_check CHECK (data_sensitivity OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		AND data_sensitivity OPERATOR(pg_catalog.<=) '1'::pg_catalog.float8),
	ALTER COLUMN regulatory_intensity SET DEFAULT '0.5'::pg_catalog.float8,
	ALTER COLUMN data_sensitivity SET DEFAULT '0.5'::pg_catalog.float8,
	ADD CONSTRAINT markets_id_range CHECK (id OPERATOR(pg_catalog.>=) 1
		AND (id OPERATOR(pg_catalog.<=) 1000) OPERATOR(pg_catalog.=) builtin);

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.markets
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows('builtin');

COMMENT ON COLUMN @extschema@.markets.id IS
	'market id: shipped rows use 1..1000 (1..12 today), your rows ids above 1000 (1001 and up when omitted)';

-- risk_categories: qualified CHECKs, every row shipped
ALTER TABLE @extschema@.risk_categories
	DROP CONSTRAINT risk_categories_name_check,
	ADD CONSTRAINT risk_categories_name_check
		CHECK (name OPERATOR(pg_catalog.=) ANY (ARRAY['technology', 'competition',
			'regulation', 'ethics', 'privacy', 'market', 'data',
			'team']::pg_catalog.text[])),
	DROP CONSTRAINT risk_categories_ord_check,
	ADD CONSTRAINT risk_categories_ord_check
		CHECK (ord OPERATOR(pg_catalog.>=) 1 AND ord OPERATOR(pg_catalog.<=) 8),
	DROP CONSTRAINT risk_categories_default_strategy_check,
	ADD CONSTRAINT risk_categories_default_strategy_check
		CHECK (default_strategy OPERATOR(pg_catalog.=) ANY (ARRAY['accept',
			'mitigate', 'transfer', 'avoid']::pg_catalog.text[]));

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.risk_categories
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows();

-- cases: qualified CHECKs, the reserved id ranges
ALTER TABLE @extschema@.cases
	DROP CONSTRAINT cases_tech_leadership_check,
	ADD CONSTRAINT cases_tech_leadership_check CHECK (tech_leadership OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		AND tech_leadership OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	DROP CONSTRAINT cases_business_model_check,
	ADD CONSTRAINT cases_business_model_check CHECK (business_model OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		AND business_model OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	DROP CONSTRAINT cases_market_performance_check,
	ADD CONSTRAINT cases_market_performance_check CHECK (market_performance OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		AND market_performance OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	DROP CONSTRAINT cases_ecosystem_check,
	ADD CONSTRAINT cases_ecosystem_check CHECK (ecosystem OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		AND ecosystem OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	ADD CONSTRAINT cases_id_range CHECK (id OPERATOR(pg_catalog.>=) 1
		AND (id OPERATOR(pg_catalog.<=) 1000) OPERATOR(pg_catalog.=) builtin);

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.cases
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows('builtin');

COMMENT ON COLUMN @extschema@.cases.id IS
	'case id: shipped rows use 1..1000 (1..3 today), your rows ids above 1000 (1001 and up when omitted)';

-- companies: market_id becomes a soft reference; qualified CHECK and defaults
ALTER TABLE @extschema@.companies
	DROP CONSTRAINT companies_market_id_fkey,
	DROP CONSTRAINT companies_attrs_check,
	ADD CONSTRAINT companies_attrs_check
		CHECK (pg_catalog.jsonb_typeof(attrs) OPERATOR(pg_catalog.=) 'object'::pg_catalog.text),
	ALTER COLUMN risk SET DEFAULT ''::@extschema@.risk_profile,
	ALTER COLUMN attrs SET DEFAULT '{}'::pg_catalog.jsonb,
	ALTER COLUMN created_at SET DEFAULT pg_catalog.now();

COMMENT ON COLUMN @extschema@.companies.market_id IS
	'the market it sells into: an id of aibiz.markets, a soft reference (no foreign key, so a restore may load the tables in any order); join on it to get the market';

-- TRUNCATE fires no row trigger, so only companies (no shipped rows) keeps
-- it.  0.1.0 granted it, with grant option, to the extension's owner.  When
-- that owner also owns the tables (an install by a superuser), TRUNCATE is
-- the owner's own privilege, which a fresh install keeps without the grant
-- option; otherwise (a trusted install) it goes.
DO $revoke$
BEGIN
	IF (SELECT x.extowner FROM pg_catalog.pg_extension x
		WHERE x.extname OPERATOR(pg_catalog.=) 'aibiz'::pg_catalog.name)
	   OPERATOR(pg_catalog.<>)
	   (SELECT c.relowner FROM pg_catalog.pg_class c
		WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.markets'::pg_catalog.regclass::pg_catalog.oid) THEN
		REVOKE TRUNCATE ON @extschema@.markets, @extschema@.cases FROM @extowner@ CASCADE;
	ELSE
		REVOKE GRANT OPTION FOR TRUNCATE ON @extschema@.markets, @extschema@.cases
			FROM @extowner@ CASCADE;
	END IF;
END
$revoke$;

-- The two PL/pgSQL functions are dropped here and created again, with a
-- pinned search_path and qualified bodies, by the parts of the install
-- script appended below (25_market.sql, 80_sample.sql).
DROP FUNCTION @extschema@.market(float8, float8, float8, float8, float8);
DROP FUNCTION @extschema@.sample_companies(integer, bigint);
-- ---------------------------------------------------------------------------
-- 25_market.sql — the market() constructor: a market row from its five
-- model numbers, for the functions that take a market.
-- ---------------------------------------------------------------------------

-- Build a market row from its five model numbers, checking their domains.
CREATE FUNCTION @extschema@.market(accounts float8, adoption float8,
								   bass_p float8, bass_q float8, growth float8)
RETURNS @extschema@.markets
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.markets;
BEGIN
	IF NOT (market.accounts OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.accounts OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market accounts must be a finite number >= 0, got %', market.accounts
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.adoption OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.adoption OPERATOR(pg_catalog.<) '1'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market adoption must be in [0, 1), got %', market.adoption
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_p OPERATOR(pg_catalog.>) '0'::pg_catalog.float8
			AND market.bass_p OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_p must be a finite number > 0, got %', market.bass_p
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_q OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.bass_q OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_q must be a finite number >= 0, got %', market.bass_q
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.growth OPERATOR(pg_catalog.>) '-1'::pg_catalog.float8
			AND market.growth OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market growth must be a finite number > -1, got %', market.growth
			USING ERRCODE = '22023';
	END IF;
	m.accounts := market.accounts;
	m.adoption := market.adoption;
	m.bass_p := market.bass_p;
	m.bass_q := market.bass_q;
	m.growth := market.growth;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market(float8, float8, float8, float8, float8) IS
	'a market row with only accounts, adoption, bass_p, bass_q and growth set, for functions that take a market';
-- ---------------------------------------------------------------------------
-- 55_statistics.sql — the statistics table of a simulation's trial NPVs.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.statistics(sim @extschema@.simulation,
	OUT trials bigint, OUT mean float8, OUT sd float8, OUT skewness float8,
	OUT kurtosis float8, OUT min float8, OUT max float8,
	OUT p1 float8, OUT p5 float8, OUT p10 float8, OUT p25 float8, OUT p50 float8,
	OUT p75 float8, OUT p90 float8, OUT p95 float8, OUT p99 float8,
	OUT se_mean float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_statistics' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.statistics(@extschema@.simulation) IS
'statistics table of the trial NPVs in one row: trials, mean, sample standard deviation, skewness m3/m2^1.5, kurtosis m4/m2^2 (3 for a normal), min, max, percentiles P1..P99 (type 7, as percentile_cont) and the standard error of the mean sd/sqrt(trials); sd and se NULL for one trial, skewness and kurtosis NULL when every NPV is equal';
-- 60_tools.sql — the modeller's toolkit: overrides (aibiz.set, aibiz.scale),
-- the jsonb casts back to the three input types, tornado and spider of the
-- expected path, Monte Carlo rank sensitivity and goal seek.

-- overrides

CREATE FUNCTION @extschema@.set(value @extschema@.revenue_model, path text, new text)
	RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.set(value @extschema@.risk_profile, path text, new text)
	RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.set(value @extschema@.plan, path text, new text)
	RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.set(@extschema@.revenue_model, text, text) IS
'the revenue model with the key at path (term[n].key, n counting from 1 among terms of that name) replaced by new, a number (suffixes k, M, B, %) or a distribution; an absent term is added with its defaults; validated like input';
COMMENT ON FUNCTION @extschema@.set(@extschema@.risk_profile, text, text) IS
'the risk profile with the key at path (category[n].key, category.strategy, category.strategy.key) replaced by new; an absent risk is added; validated like input';
COMMENT ON FUNCTION @extschema@.set(@extschema@.plan, text, text) IS
'the plan with the key at path (term[n].key or entry.mode) replaced by new; an absent term (marketing, entry, training, round, valuation) is added with its defaults; validated like input';

CREATE FUNCTION @extschema@.scale(value @extschema@.revenue_model, path text, factor float8)
	RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.scale(value @extschema@.risk_profile, path text, factor float8)
	RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.scale(value @extschema@.plan, path text, factor float8)
	RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.scale(@extschema@.revenue_model, text, float8) IS
'the revenue model with the key at path multiplied by factor: a constant, both ends of a uniform, the three points of a triangular or PERT, mean and sd of a normal or lognormal; validated like input';
COMMENT ON FUNCTION @extschema@.scale(@extschema@.risk_profile, text, float8) IS
'the risk profile with the key at path multiplied by factor (every parameter of a distribution); validated like input';
COMMENT ON FUNCTION @extschema@.scale(@extschema@.plan, text, float8) IS
'the plan with the key at path multiplied by factor (every parameter of a distribution); validated like input';

-- jsonb back to the input types

CREATE FUNCTION @extschema@.revenue_model_from_jsonb(jsonb) RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_revenue_model_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.revenue_model)
	WITH FUNCTION @extschema@.revenue_model_from_jsonb(jsonb);
CREATE FUNCTION @extschema@.risk_profile_from_jsonb(jsonb) RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_risk_profile_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.risk_profile)
	WITH FUNCTION @extschema@.risk_profile_from_jsonb(jsonb);
CREATE FUNCTION @extschema@.plan_from_jsonb(jsonb) RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_plan_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.plan)
	WITH FUNCTION @extschema@.plan_from_jsonb(jsonb);
COMMENT ON FUNCTION @extschema@.revenue_model_from_jsonb(jsonb) IS
'the revenue model of its jsonb form (an array of term objects, as the cast to jsonb writes it; keys may be omitted for their defaults), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.revenue_model) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.revenue_model = x';
COMMENT ON FUNCTION @extschema@.risk_profile_from_jsonb(jsonb) IS
'the risk profile of its jsonb form (an array of term objects with a strategy object each), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.risk_profile) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.risk_profile = x';
COMMENT ON FUNCTION @extschema@.plan_from_jsonb(jsonb) IS
'the plan of its jsonb form (an array of term objects, entry with its mode), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.plan) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.plan = x';

-- tornado and spider of the expected path

CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
									risk @extschema@.risk_profile,
									plan @extschema@.plan,
									market record,
									horizon int DEFAULT 60,
									metric text DEFAULT 'npv')
	RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
				   high_input float8, low_value float8, high_value float8,
				   base_value float8, swing float8)
	AS 'MODULE_PATHNAME', 'aibiz_tornado' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 COST 1000;
COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, text) IS
'one row per input (every key a value shows, whole-number keys excepted): a distribution at its P10 and P90, a constant at -20 % and +20 % (clamped to the key''s domain); the metric (npv, breakeven_month, arr or lowest_cash) of the expected path at each, the base value and the swing |high - low|, sorted by swing, largest first';

CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
									market record,
									horizon int DEFAULT 60,
									metric text DEFAULT 'npv')
	RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
				   high_input float8, low_value float8, high_value float8,
				   base_value float8, swing float8)
	AS 'MODULE_PATHNAME', 'aibiz_tornado_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 COST 1000;
COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, record, int, text) IS
'tornado of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
								   risk @extschema@.risk_profile,
								   plan @extschema@.plan,
								   market record,
								   horizon int DEFAULT 60,
								   metric text DEFAULT 'npv')
	RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
	AS 'MODULE_PATHNAME', 'aibiz_spider' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 140 COST 5000;
COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, text) IS
'per input (as in tornado) and factor 0.7, 0.8, ..., 1.3: the input scaled by factor (every parameter, clamped to the key''s domain), the value the projection uses (constant or mean) and the metric of the expected path';

CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
								   market record,
								   horizon int DEFAULT 60,
								   metric text DEFAULT 'npv')
	RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
	AS 'MODULE_PATHNAME', 'aibiz_spider_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 140 COST 5000;
COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, record, int, text) IS
'spider of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- Monte Carlo sensitivity

CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
										risk @extschema@.risk_profile,
										plan @extschema@.plan,
										market record,
										horizon int DEFAULT 60,
										trials int DEFAULT 10000,
										seed bigint DEFAULT 0)
	RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
				   variance_share float8)
	AS 'MODULE_PATHNAME', 'aibiz_sensitivity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 10 COST 10000;
COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint) IS
'per key sampled once per trial (a distribution of a revenue or plan key, a risk''s freq or strategy argument): Spearman rank correlation of its draws with trial NPV over the trials of aibiz.simulate with the same seed, and its share of NPV variance (squared rank correlations normalised to sum 1), sorted by share';

CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
										market record,
										horizon int DEFAULT 60,
										trials int DEFAULT 10000,
										seed bigint DEFAULT 0)
	RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
				   variance_share float8)
	AS 'MODULE_PATHNAME', 'aibiz_sensitivity_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 10 COST 10000;
COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, record, int, int, bigint) IS
'Monte Carlo sensitivity of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- goal seek

CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
								  risk @extschema@.risk_profile,
								  plan @extschema@.plan,
								  market record,
								  path text,
								  metric text,
								  target float8,
								  lo float8,
								  hi float8,
								  horizon int DEFAULT 60,
								  trials int DEFAULT NULL,
								  seed bigint DEFAULT 0,
								  OUT value float8,
								  OUT achieved float8,
								  OUT iterations int)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_solve' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, text, text, float8, float8, float8, int, int, bigint) IS
'goal seek by Brent''s method: the constant in [lo, hi] that, set at path (optionally prefixed revenue., risk. or plan.), brings the metric to target; npv, breakeven_month, arr or lowest_cash of the expected path, or with trials survival (at the horizon) or p_npv_positive of the simulation with seed; returns the value, the metric achieved there and the evaluations used; 22023 when the metric does not cross target between lo and hi; NULL when an argument other than trials is NULL';

CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
								  market record,
								  path text,
								  metric text,
								  target float8,
								  lo float8,
								  hi float8,
								  horizon int DEFAULT 60,
								  trials int DEFAULT NULL,
								  seed bigint DEFAULT 0,
								  OUT value float8,
								  OUT achieved float8,
								  OUT iterations int)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_solve_company' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, record, text, text, float8, float8, float8, int, int, bigint) IS
'goal seek on a row of aibiz.companies in a market row; NULL when the company lacks one of its three inputs';
-- ---------------------------------------------------------------------------
-- 70_decide.sql — ranking tools: the topsis() window function and the
-- aibiz.case_ranking view of the case studies.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.topsis(criteria float8[], weights float8[],
								   benefit boolean[] DEFAULT NULL)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_topsis_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.topsis(float8[], float8[], boolean[]) IS
'TOPSIS closeness to the ideal in [0, 1] over the rows of the window partition: criteria vector-normalised per column, weighted (weights normalised to sum 1), distances to the best and worst value per criterion (benefit false: smaller is better; NULL: all larger-is-better); rows with NULL criteria get NULL';

-- The case studies ranked by TOPSIS over their four criteria, equal weights.
CREATE VIEW @extschema@.case_ranking AS
SELECT r.id, r.name, r.company,
	   r.tech_leadership, r.business_model, r.market_performance, r.ecosystem,
	   r.closeness,
	   pg_catalog.rank() OVER (ORDER BY r.closeness DESC) AS rank
FROM (SELECT c.id, c.name, c.company,
			 c.tech_leadership, c.business_model, c.market_performance, c.ecosystem,
			 @extschema@.topsis(
				 ARRAY[c.tech_leadership::float8, c.business_model::float8,
					   c.market_performance::float8, c.ecosystem::float8],
				 ARRAY[1, 1, 1, 1]::float8[]) OVER () AS closeness
	  FROM @extschema@.cases c) r;
COMMENT ON VIEW @extschema@.case_ranking IS
'every case study (shipped and added) ranked by TOPSIS closeness over tech_leadership, business_model, market_performance and ecosystem with equal weights; rank 1 is closest to the ideal';
GRANT SELECT ON @extschema@.case_ranking TO PUBLIC;

-- Bass diffusion fitted to adopters per period.
CREATE TYPE @extschema@.bass_params AS (
	p float8,
	q float8,
	m float8,
	rmse float8,
	r2 float8,
	periods int
);
COMMENT ON TYPE @extschema@.bass_params IS
'a fitted Bass diffusion model: innovation p and imitation q per period, market potential m, root mean squared error and R^2 of the per-period adopters, number of periods';

CREATE FUNCTION @extschema@.bass_add(@extschema@.cashflows, t float8, adopters float8)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_bass_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bass_add(@extschema@.cashflows, float8, float8) IS
'add the adopters of period t (a whole number >= 1) to a per-period list kept exactly (transition function of bass_fit)';

CREATE FUNCTION @extschema@.bass_final(@extschema@.cashflows)
RETURNS @extschema@.bass_params
AS 'MODULE_PATHNAME', 'abz_bass_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bass_final(@extschema@.cashflows) IS
'least-squares Bass fit of a per-period adopters list; NULL and a notice with fewer than 3 periods or no fit (final function of bass_fit)';

CREATE AGGREGATE @extschema@.bass_fit(t float8, adopters float8) (
	SFUNC = @extschema@.bass_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.bass_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bass_fit(float8, float8) IS
'Bass diffusion p, q, m fitted by nonlinear least squares to adopters per period t = 1, 2, ... (rows of one period are summed exactly), with RMSE and R^2; the same bits for every row order and in parallel';

-- ---------------------------------------------------------------------------
-- 80_sample.sql — aibiz.sample_companies(n, seed): plausible, varied
-- companies across the shipped markets, for demos and benchmarks (SPEC §9).
--
-- Deterministic: every draw is a hash of (seed, company, field) through
-- hashint8extended, never random(), so the same (n, seed) gives the same
-- rows on every server.  Each run of 12 consecutive companies covers the 12
-- shipped markets once, in an order drawn per run.  A latent "quality" draw
-- moves churn, acquisition cost, organic reach and spending discipline
-- together, so the sample spreads from sustainable through fragile to
-- failing companies.
--
-- The function runs with search_path = pg_catalog, pg_temp, and every
-- operator and function it calls is written pg_catalog-qualified
-- (OPERATOR(pg_catalog.*) and so on, parenthesised because OPERATOR() has one
-- precedence for all operators), so nothing a user creates can take part.
-- ---------------------------------------------------------------------------

-- Generate n sample companies for seed, ready to insert into aibiz.companies.
CREATE FUNCTION @extschema@.sample_companies(n integer, seed bigint DEFAULT 0)
RETURNS TABLE (name text, market_id integer,
			   revenue @extschema@.revenue_model,
			   risk @extschema@.risk_profile,
			   plan @extschema@.plan)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	n_markets integer;
BEGIN
	IF (n OPERATOR(pg_catalog.<) 0) THEN
		RAISE EXCEPTION 'sample_companies: n must be >= 0, got %', n
			USING ERRCODE = '22023';
	END IF;
	IF (n OPERATOR(pg_catalog.>) 10000000) THEN
		RAISE EXCEPTION 'sample_companies: n % exceeds the limit of 10000000', n
			USING ERRCODE = '54000',
				  HINT = 'Generate in batches with different seeds.';
	END IF;
	IF (n OPERATOR(pg_catalog.=) 0) THEN
		RETURN;
	END IF;
	SELECT pg_catalog.count(*) INTO n_markets FROM @extschema@.markets mk
	WHERE mk.builtin AND (mk.id OPERATOR(pg_catalog.>=) 1) AND (mk.id OPERATOR(pg_catalog.<=) 12);
	IF (n_markets OPERATOR(pg_catalog.=) 0) THEN
		RAISE EXCEPTION 'sample_companies needs the shipped markets, and none is left in aibiz.markets'
			USING ERRCODE = '22023';
	END IF;

	RETURN QUERY
	WITH
	-- Typical figures per shipped market: the chance each revenue stream is
	-- present, its central price and volume, the acquisition cost of an
	-- account, its monthly churn and the cost of a training run.  Every
	-- company scatters around them.
	prof (slug, noun, sub_p, sub_price, sub_seats, use_p, use_price, use_units,
		  adv_p, adv_users, adv_impr, adv_cpm, lic_p, lic_deals, lic_fee,
		  lic_royalty, lic_base, cac, churn, train) AS (VALUES
		('fintech.credit_scoring', 'Credit',
		 0.6, 2000, 2, 0.7, 0.15, 20000, 0.0, 0, 0, 0, 0.25, 3, 150000, 0, 0,
		 60000, 0.012, 150000),
		('fintech.quant_trading', 'Capital',
		 0.7, 5000, 2, 0.4, 0.01, 200000, 0.0, 0, 0, 0, 0.35, 2, 300000, 0.02, 200000,
		 90000, 0.025, 250000),
		('fintech.insurance_service', 'Assure',
		 0.8, 120, 30, 0.6, 0.05, 40000, 0.0, 0, 0, 0, 0.1, 2, 100000, 0, 0,
		 35000, 0.012, 100000),
		('healthcare.diagnosis', 'Diagnostics',
		 0.8, 3000, 1, 0.6, 4, 800, 0.0, 0, 0, 0, 0.15, 2, 250000, 0, 0,
		 70000, 0.008, 300000),
		('healthcare.drug_discovery', 'Therapeutics',
		 0.4, 20000, 1, 0.2, 50, 300, 0.0, 0, 0, 0, 0.9, 2, 800000, 0.02, 2000000,
		 250000, 0.01, 600000),
		('healthcare.health_management', 'Health',
		 0.8, 3, 500, 0.3, 0.2, 2000, 0.15, 2000, 20, 8, 0.0, 0, 0, 0, 0,
		 15000, 0.018, 80000),
		('logistics.warehouse', 'Stock',
		 0.9, 900, 2, 0.4, 0.02, 30000, 0.0, 0, 0, 0, 0.05, 2, 80000, 0, 0,
		 15000, 0.015, 60000),
		('logistics.routing', 'Routes',
		 0.5, 300, 5, 0.8, 0.08, 5000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 9000, 0.02, 60000),
		('logistics.supply_chain_finance', 'Trade',
		 0.4, 4000, 1, 0.7, 3, 2000, 0.0, 0, 0, 0, 0.4, 3, 200000, 0, 0,
		 55000, 0.01, 150000),
		('ecommerce.recommendation', 'Commerce',
		 0.7, 300, 1, 0.5, 0.0005, 500000, 0.5, 3000, 25, 3, 0.0, 0, 0, 0, 0,
		 4000, 0.03, 100000),
		('ecommerce.behaviour_prediction', 'Insights',
		 0.8, 250, 1, 0.5, 0.001, 200000, 0.3, 2000, 20, 3, 0.0, 0, 0, 0, 0,
		 3500, 0.03, 80000),
		('ecommerce.fraud_detection', 'Shield',
		 0.4, 400, 1, 0.9, 0.01, 30000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 6000, 0.015, 100000)
	),
	mk AS (
		SELECT m.id, m.regulatory_intensity AS reg, m.data_sensitivity AS sens, p.*
		FROM @extschema@.markets m
		JOIN prof p ON (p.slug OPERATOR(pg_catalog.=) m.name)
		WHERE m.builtin AND (m.id OPERATOR(pg_catalog.>=) 1) AND (m.id OPERATOR(pg_catalog.<=) 12)
	),
	k AS (SELECT pg_catalog.count(*)::int AS nm FROM mk),
	-- one shuffled order of the markets per run of nm companies
	blocks AS (
		SELECT b.blk,
			   pg_catalog.array_agg(mk.id ORDER BY pg_catalog.hashint8extended(((b.blk OPERATOR(pg_catalog.*) 64) OPERATOR(pg_catalog.+) mk.id), seed), mk.id) AS ids
		FROM k, pg_catalog.generate_series(0, ((n OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm)) b (blk)
		CROSS JOIN mk
		GROUP BY b.blk
	),
	co AS (
		SELECT g.i, mk.*,
			   -- 80 uniform draws in [0, 1) per company, u[f] for field f
			   ARRAY(SELECT (((pg_catalog.hashint8extended(((g.i::bigint OPERATOR(pg_catalog.*) 128) OPERATOR(pg_catalog.+) f), seed) OPERATOR(pg_catalog.>>) 11)
							 OPERATOR(pg_catalog.&) 9007199254740991)::float8 OPERATOR(pg_catalog./) 9007199254740992.0)
					 FROM pg_catalog.generate_series(1, 80) f ORDER BY f) AS u
		FROM k CROSS JOIN pg_catalog.generate_series(1, n) g (i)
		JOIN blocks bl ON (bl.blk OPERATOR(pg_catalog.=) ((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm))
		JOIN mk ON (mk.id OPERATOR(pg_catalog.=) bl.ids[(((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog.%) k.nm) OPERATOR(pg_catalog.+) 1)])
	),
	-- company-level draws: stage, quality, which streams
	base AS (
		SELECT co.*,
			   CASE WHEN (u[3] OPERATOR(pg_catalog.<) 0.45) THEN 0 WHEN (u[3] OPERATOR(pg_catalog.<) 0.85) THEN 1 ELSE 2 END AS stage,
			   u[4] AS q,
			   (u[5] OPERATOR(pg_catalog.<) sub_p) AS has_sub,
			   (u[10] OPERATOR(pg_catalog.<) use_p) AS has_use,
			   (u[15] OPERATOR(pg_catalog.<) adv_p) AS has_adv,
			   (u[17] OPERATOR(pg_catalog.<) lic_p) AS has_lic
		FROM co
	),
	streams AS (
		SELECT b.*,
			   -- at least one stream: the market's most likely one
			   has_sub OR (NOT (has_use OR has_adv OR has_lic)
						   AND (sub_p OPERATOR(pg_catalog.>=) greatest(use_p, lic_p))) AS w_sub,
			   has_use OR (NOT (has_sub OR has_adv OR has_lic)
						   AND (use_p OPERATOR(pg_catalog.>) sub_p) AND (use_p OPERATOR(pg_catalog.>=) lic_p)) AS w_use,
			   has_lic OR (NOT (has_sub OR has_use OR has_adv)
						   AND (lic_p OPERATOR(pg_catalog.>) greatest(sub_p, use_p))) AS w_lic
		FROM base b
	),
	rev AS (
		SELECT s.*,
			   pg_catalog.concat_ws(' + ',
				 CASE WHEN w_sub THEN pg_catalog.format(
					 'subscription(price=%s, seats=%s, attach=%s%%, expansion=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) :: numeric, (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])))::int)),
					 greatest(1, pg_catalog.round(sub_seats OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[7]))),
					 CASE WHEN w_use OR has_adv OR w_lic THEN pg_catalog.round((40 OPERATOR(pg_catalog.+) (60 OPERATOR(pg_catalog.*) u[7]))::numeric) ELSE 100 END,
					 pg_catalog.round((u[9] OPERATOR(pg_catalog.*) 1.2)::numeric, 1),
					 pg_catalog.round(((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8]))))::int)),
					 pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[8]))::numeric))
				 END,
				 CASE WHEN w_use THEN pg_catalog.format(
					 'usage(price=%s, units=%s, growth=%s%%, price_decline=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11]))::numeric,
						   (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])))::int)),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.<) 0.5) THEN pg_catalog.format('pert(%s, %s, %s)',
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12]))))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12]))))::int)))
						  ELSE pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric,
									 (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int))::text
					 END,
					 pg_catalog.round((u[14] OPERATOR(pg_catalog.*) 2.5)::numeric, 1),
					 pg_catalog.round((5 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[14]))::numeric),
					 pg_catalog.round(((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13]))))::int)),
					 pg_catalog.round((15 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[13]))::numeric))
				 END,
				 CASE WHEN has_adv THEN pg_catalog.format(
					 'advertising(impressions=%s, cpm=%s, users=%s, fill=%s%%, growth=%s%%, cost=%s)',
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.5) AND (u[19] OPERATOR(pg_catalog.<) 0.75)
						  THEN pg_catalog.format('triangular(%s, %s, %s)',
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) 0.5)::numeric), pg_catalog.round(adv_impr::numeric),
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (1.5 OPERATOR(pg_catalog.+) u[16]))::numeric))
						  ELSE pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric)::text
					 END,
					 pg_catalog.round((adv_cpm OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric, 1),
					 pg_catalog.round((adv_users OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[16])))::numeric, -2),
					 pg_catalog.round((40 OPERATOR(pg_catalog.+) (50 OPERATOR(pg_catalog.*) u[16]))::numeric),
					 pg_catalog.round((u[16] OPERATOR(pg_catalog.*) 1.5)::numeric, 1),
					 pg_catalog.round((0.005 OPERATOR(pg_catalog.+) (0.01 OPERATOR(pg_catalog.*) u[16]))::numeric, 3))
				 END,
				 CASE WHEN w_lic THEN pg_catalog.format(
					 'licensing(deals=%s, fee=%s, royalty=%s%%, base=%s, term=%s, cost=%s)',
					 pg_catalog.round((lic_deals OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.75)
						  THEN pg_catalog.format('lognormal(%s, %s)',
									  pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
									  pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.6)::numeric, -3))
						  ELSE pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3)::text
					 END,
					 pg_catalog.round(((lic_royalty OPERATOR(pg_catalog.*) 100) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 pg_catalog.round((lic_base OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
					 (12 OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[18] OPERATOR(pg_catalog.*) 4)::int)),
					 pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.1)::numeric, -3))
				 END) AS revenue_text
		FROM streams s
	),
	-- the risk register: each category present with a chance that follows the
	-- market (regulation with regulatory intensity, privacy with data
	-- sensitivity); sometimes with a strategy
	rk AS (
		SELECT r.i,
			   pg_catalog.string_agg(pg_catalog.format('%s(freq=%s%s%s)', c.cat,
						  pg_catalog.round((c.f_lo OPERATOR(pg_catalog.+) ((c.f_hi OPERATOR(pg_catalog.-) c.f_lo) OPERATOR(pg_catalog.*) r.u[(48 OPERATOR(pg_catalog.+) c.k)]))::numeric, 2),
						  CASE
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'technology') THEN pg_catalog.format(', churn=triangular(1%%, %s%%, 10%%), cost=%s',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((3000 OPERATOR(pg_catalog.+) (12000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'competition') THEN pg_catalog.format(', price=triangular(1%%, %s%%, 12%%), share=%s%%',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((2 OPERATOR(pg_catalog.+) (8 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((30000 OPERATOR(pg_catalog.+) ((300000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) ((200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((8000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', churn=pert(0.5%%, %s%%, 8%%), loss=%s',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((20000 OPERATOR(pg_catalog.+) (100000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', loss=lognormal(%s, %s), churn=%s%%',
								  pg_catalog.round((100000 OPERATOR(pg_catalog.+) ((1500000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((80000 OPERATOR(pg_catalog.+) ((1200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN pg_catalog.format(', share=triangular(3%%, %s%%, 25%%)',
								  pg_catalog.round((5 OPERATOR(pg_catalog.+) (10 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'data') THEN pg_catalog.format(', cost=%s, churn=%s%%',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (10000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((0.5 OPERATOR(pg_catalog.+) (2.5 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  ELSE pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) (60000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((10000 OPERATOR(pg_catalog.+) (40000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) (4000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
						  END,
						  CASE
							  WHEN (r.u[(64 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.>=) 0.35) THEN ''
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', strategy=transfer(premium=%s, cover=%s%%)',
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((4000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -2), pg_catalog.round((50 OPERATOR(pg_catalog.+) (40 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', strategy=avoid(forgo=%s%%)',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN ''
							  ELSE pg_catalog.format(', strategy=mitigate(cost=%s, effect=%s%%)',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (15000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((25 OPERATOR(pg_catalog.+) (45 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
						  END), ' + ' ORDER BY c.k) AS risk_text
		FROM co r
		CROSS JOIN (VALUES
			(1, 'technology', 0.2, 0.8, 0.7, 0.0),
			(2, 'competition', 0.5, 2.0, 0.8, 0.0),
			(3, 'regulation', 0.05, 0.5, 0.1, 0.8),
			(4, 'ethics', 0.05, 0.3, 0.3, 0.0),
			(5, 'privacy', 0.05, 0.3, 0.1, 0.8),
			(6, 'market', 0.2, 0.8, 0.5, 0.0),
			(7, 'data', 0.1, 0.5, 0.4, 0.0),
			(8, 'team', 0.3, 1.0, 0.5, 0.0)
		) c (k, cat, f_lo, f_hi, p_base, p_market)
		WHERE (r.u[(40 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.<) (c.p_base OPERATOR(pg_catalog.+) (c.p_market OPERATOR(pg_catalog.*)
			  CASE WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN r.reg WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN r.sens ELSE 0 END)))
		GROUP BY r.i
	),
	-- the operating plan: stage sets cash and team size; quality moves churn,
	-- acquisition cost, organic reach and spending together
	pl0 AS (
		SELECT b.i, b.q, b.u,
			   greatest(2, pg_catalog.round(((ARRAY[6, 18, 45])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) (0.8 OPERATOR(pg_catalog.*) u[22])))::numeric)) AS heads,
			   pg_catalog.round((9000 OPERATOR(pg_catalog.+) (9000 OPERATOR(pg_catalog.*) u[23]))::numeric, -2) AS tcost,
			   pg_catalog.round(((ARRAY[30000, 100000, 300000])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[26])))::numeric, -3) AS budget,
			   CASE WHEN (u[32] OPERATOR(pg_catalog.<) 0.55)
					THEN pg_catalog.round(((b.train OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[33])) OPERATOR(pg_catalog.*) (ARRAY[0.4, 1, 2.5])[(stage OPERATOR(pg_catalog.+) 1)])::numeric, -3)
			   END AS train_cost,
			   (ARRAY[3, 6, 6, 12])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[33] OPERATOR(pg_catalog.*) 4)::int)] AS every,
			   (1 OPERATOR(pg_catalog.+) pg_catalog.floor((u[20] OPERATOR(pg_catalog.*) u[20]) OPERATOR(pg_catalog.*) (6 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) ((sub_p OPERATOR(pg_catalog.<) 0.5) OR (lic_p OPERATOR(pg_catalog.>) 0.5))::int)))::int) AS launch,
			   ((cac OPERATOR(pg_catalog.*) (1.8 OPERATOR(pg_catalog.-) (1.3 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[27]))) AS cac_v,
			   ((churn OPERATOR(pg_catalog.*) (1.6 OPERATOR(pg_catalog.-) (1.1 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[25]))) AS churn_v
		FROM base b
	),
	-- cash covers the planned monthly burn for 9 to 36 months
	pl AS (
		SELECT p.*,
			   ((((heads OPERATOR(pg_catalog.*) tcost) OPERATOR(pg_catalog.+) budget) OPERATOR(pg_catalog.+) coalesce((train_cost OPERATOR(pg_catalog./) every), 0))
			   OPERATOR(pg_catalog.*) (9 OPERATOR(pg_catalog.+) (27 OPERATOR(pg_catalog.*) u[21]))) AS cash
		FROM pl0 p
	),
	plans AS (
		SELECT p.i,
			   pg_catalog.concat_ws(' + ',
				 pg_catalog.format('cash(amount=%s)', pg_catalog.round(p.cash::numeric, -5)),
				 pg_catalog.format('team(headcount=%s, cost=%s, growth=%s%%)',
						p.heads, p.tcost,
						pg_catalog.round((5 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[24]))::numeric)),
				 pg_catalog.format('product(launch=%s, churn=%s%%)', p.launch, pg_catalog.round((p.churn_v OPERATOR(pg_catalog.*) 100)::numeric, 2)),
				 pg_catalog.format('marketing(budget=%s, cac=%s, growth=%s%%, organic=%s%%)',
						p.budget,
						CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.25) AND (u[19] OPERATOR(pg_catalog.<) 0.5)
							 THEN pg_catalog.format('pert(%s, %s, %s)', pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 0.7)::numeric, -2),
										 pg_catalog.round(p.cac_v::numeric, -2), pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 2)::numeric, -2))
							 ELSE pg_catalog.round(p.cac_v::numeric, -2)::text
						END,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[28]))::numeric),
						pg_catalog.round((0.5 OPERATOR(pg_catalog.+) ((5 OPERATOR(pg_catalog.*) p.q) OPERATOR(pg_catalog.*) u[29]))::numeric, 2)),
				 CASE WHEN (u[30] OPERATOR(pg_catalog.<) 0.15) THEN pg_catalog.format('entry(mode=channel, cut=%s%%, reach=%s)',
						pg_catalog.round((15 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[31]))::numeric), pg_catalog.round((1.5 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[31]))::numeric, 1))
					  WHEN (u[30] OPERATOR(pg_catalog.<) 0.22) THEN pg_catalog.format('entry(mode=jv, stake=%s%%)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[31]))::numeric))
				 END,
				 CASE WHEN p.train_cost IS NOT NULL THEN pg_catalog.format('training(cost=%s, every=%s, decline=%s%%)',
						p.train_cost, p.every,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[33]))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.7) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(9 OPERATOR(pg_catalog.+) pg_catalog.floor(u[35] OPERATOR(pg_catalog.*) 15)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[36])))::numeric, -5),
						pg_catalog.round((35 OPERATOR(pg_catalog.+) ((60 OPERATOR(pg_catalog.*) u[37]) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) p.q))))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.25) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(30 OPERATOR(pg_catalog.+) pg_catalog.floor(u[38] OPERATOR(pg_catalog.*) 12)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (3 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[38])))::numeric, -5),
						pg_catalog.round((25 OPERATOR(pg_catalog.+) ((50 OPERATOR(pg_catalog.*) u[38]) OPERATOR(pg_catalog.*) p.q))::numeric))
				 END,
				 pg_catalog.format('valuation(discount=%s%%, multiple=%s)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[39]))::numeric), pg_catalog.round((3 OPERATOR(pg_catalog.+) (9 OPERATOR(pg_catalog.*) u[40]))::numeric, 1))
			   ) AS plan_text
		FROM pl p
	),
	named AS (
		SELECT r.i, r.id, r.revenue_text,
			   ((((ARRAY['Aster', 'Lumen', 'Nova', 'Quanta', 'Cobalt', 'Helix', 'Vertex', 'Orbit',
					  'Sable', 'Tessel', 'Kite', 'Ember', 'Iris', 'Polar', 'Cedar', 'Vela',
					  'Zephyr', 'Atlas', 'Bright', 'Clear', 'Deep', 'Fathom', 'Granite', 'Harbor'])
				   [(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[1] OPERATOR(pg_catalog.*) 24)::int)]
			   OPERATOR(pg_catalog.||) (ARRAY['', 'ly', 'ify', 'io', ' AI', 'Mind', 'Logic', 'Path',
						 'Signal', 'Scale', 'Sense', 'Works'])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[2] OPERATOR(pg_catalog.*) 12)::int)])
			   OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) r.noun) AS base_name
		FROM rev r
	)
	SELECT CASE WHEN (pg_catalog.row_number() OVER w OPERATOR(pg_catalog.=) 1) THEN nd.base_name
				ELSE ((nd.base_name OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) pg_catalog.row_number() OVER w) END,
		   nd.id,
		   nd.revenue_text::@extschema@.revenue_model,
		   coalesce(rk.risk_text, '')::@extschema@.risk_profile,
		   plans.plan_text::@extschema@.plan
	FROM named nd
	JOIN plans ON (plans.i OPERATOR(pg_catalog.=) nd.i)
	LEFT JOIN rk ON (rk.i OPERATOR(pg_catalog.=) nd.i)
	WINDOW w AS (PARTITION BY nd.base_name ORDER BY nd.i)
	ORDER BY nd.i;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sample_companies(integer, bigint) IS
	'n plausible, varied sample companies across the 12 shipped markets, deterministic for (n, seed); insert them into aibiz.companies';
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
-- ---------------------------------------------------------------------------
-- 95_views.sql — plain views over aibiz.companies for BI tools: the
-- expected-path KPIs and unit economics of every company, and its monthly
-- rows.  They compute on read (a projection takes tens of microseconds), so
-- they always reflect the current rows; column names are unique across
-- companies, markets and each other, so the views join without aliases.
-- ---------------------------------------------------------------------------

-- One row per company: its market and the headline numbers of its projection.
CREATE VIEW @extschema@.company_kpis AS
SELECT c.id AS company_id,
	   c.name AS company,
	   c.market_id,
	   m.sector AS market_sector,
	   m.use_case AS market_use_case,
	   @extschema@.horizon(p) AS horizon_months,
	   @extschema@.launch_month(p) AS launch_month,
	   @extschema@.npv(p) AS npv,
	   @extschema@.breakeven_month(p) AS breakeven_month,
	   @extschema@.runway(p) AS cash_out_month,
	   @extschema@.arr(p, 12) AS arr_month_12,
	   @extschema@.arr(p, @extschema@.horizon(p)) AS arr_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'min_cash')::float8 AS lowest_cash,
	   (s OPERATOR(pg_catalog.->>) 'final_cash')::float8 AS cash_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'final_accounts')::float8 AS accounts_at_horizon,
	   u.arpa, u.gross_margin, u.ltv, u.cac, u.ltv_to_cac, u.payback_months
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.summary(p) s
CROSS JOIN LATERAL @extschema@.unit_economics(c.revenue, c.plan) u;
COMMENT ON VIEW @extschema@.company_kpis IS
'one row per company of aibiz.companies (joined to its market): the expected path over 60 months (npv, breakeven month, month cash runs out, ARR at month 12 and at the horizon, lowest and final cash, final accounts) and unit economics at launch; computed when read';

-- One row per company and month of its projection.
CREATE VIEW @extschema@.company_months AS
SELECT c.id AS company_id,
	   c.name AS company,
	   r.month,
	   r.accounts AS customer_accounts,
	   r.new_accounts AS new_customer_accounts,
	   r.revenue AS net_revenue,
	   r.gross_revenue,
	   r.rev_subscription AS subscription_revenue,
	   r.rev_usage AS usage_revenue,
	   r.rev_advertising AS advertising_revenue,
	   r.rev_licensing AS licensing_revenue,
	   r.cost_of_revenue,
	   r.gross_profit,
	   r.opex,
	   r.marketing AS marketing_spend,
	   r.training AS training_cost,
	   r.risk_cost,
	   r.cash_flow AS operating_cash_flow,
	   r.funding,
	   r.cash AS closing_cash
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.rows(p) r;
COMMENT ON VIEW @extschema@.company_months IS
'one row per company of aibiz.companies and month 1..60 of its expected path: accounts, new accounts, net and gross revenue and revenue by stream, cost of revenue, gross profit, opex, marketing, training, risk cost, operating cash flow, funding and closing cash; computed when read';

GRANT SELECT ON @extschema@.company_kpis, @extschema@.company_months TO PUBLIC;
