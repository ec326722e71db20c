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
