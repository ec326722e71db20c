-- The shipped schema (docs/schema.md): tables, columns, shipped rows, the dump
-- policy, the market() constructor and the sample generator.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS aibiz;

SELECT plan(52);

-- tables and their columns
SELECT has_schema('aibiz');
SELECT tables_are('aibiz', ARRAY['markets', 'risk_categories', 'companies', 'cases'],
	'aibiz has exactly the shipped tables');
SELECT columns_are('aibiz', 'markets',
	ARRAY['id', 'sector', 'use_case', 'name', 'accounts', 'adoption', 'bass_p', 'bass_q',
	      'growth', 'regulatory_intensity', 'data_sensitivity', 'description', 'builtin']);
SELECT columns_are('aibiz', 'risk_categories',
	ARRAY['name', 'ord', 'title', 'description', 'default_strategy', 'strategy_note']);
SELECT columns_are('aibiz', 'cases',
	ARRAY['id', 'name', 'company', 'tech_leadership', 'business_model',
	      'market_performance', 'ecosystem', 'lessons', 'builtin',
	      'revenue', 'risk', 'plan', 'market_id']);
SELECT col_type_is('aibiz', 'cases', 'revenue', 'aibiz', 'revenue_model',
	'cases.revenue is aibiz.revenue_model');
SELECT col_type_is('aibiz', 'cases', 'plan', 'aibiz', 'plan', 'cases.plan is aibiz.plan');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
	    WHERE attrelid = 'aibiz.cases'::regclass AND attnum > 0 AND NOT attnotnull
	      AND attname IN ('revenue', 'risk', 'plan', 'market_id')),
	ARRAY['revenue', 'risk', 'plan', 'market_id'],
	'the case-as-company columns are nullable, so cases without a model keep working');
SELECT col_isnt_fk('aibiz', 'cases', ARRAY['market_id'],
	'cases.market_id is a soft reference, no foreign key');
SELECT columns_are('aibiz', 'companies',
	ARRAY['id', 'name', 'market_id', 'revenue', 'risk', 'plan', 'attrs', 'created_at']);
SELECT col_type_is('aibiz', 'markets', 'accounts', 'double precision', 'markets.accounts is float8');
SELECT col_type_is('aibiz', 'markets', 'bass_p', 'double precision', 'markets.bass_p is float8');
SELECT col_type_is('aibiz', 'companies', 'revenue', 'aibiz', 'revenue_model',
	'companies.revenue is aibiz.revenue_model');
SELECT col_type_is('aibiz', 'companies', 'risk', 'aibiz', 'risk_profile',
	'companies.risk is aibiz.risk_profile');
SELECT col_type_is('aibiz', 'companies', 'plan', 'aibiz', 'plan',
	'companies.plan is aibiz.plan');
SELECT is((SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef
	    WHERE adrelid = 'aibiz.companies'::regclass
	      AND adnum = (SELECT attnum FROM pg_attribute
	                   WHERE attrelid = 'aibiz.companies'::regclass AND attname = 'risk')),
	$$''::aibiz.risk_profile$$, 'a company has no risks by default');
SELECT col_is_pk('aibiz', 'markets', 'id', 'markets.id is the primary key');
SELECT col_is_pk('aibiz', 'risk_categories', 'name', 'risk_categories.name is the primary key');
SELECT col_is_pk('aibiz', 'cases', 'id', 'cases.id is the primary key');
SELECT col_is_pk('aibiz', 'companies', 'id', 'companies.id is the primary key');
SELECT col_is_unique('aibiz', 'markets', ARRAY['name'], 'market names are unique');
SELECT col_isnt_fk('aibiz', 'companies', ARRAY['market_id'],
	'companies.market_id is a soft reference, no foreign key (a restore loads tables in any order)');
SELECT has_index('aibiz', 'companies', 'companies_market_id_idx', ARRAY['market_id'],
	'companies.market_id is indexed for the join to markets');

-- shipped rows
SELECT is((SELECT count(*)::int FROM aibiz.markets), 12, '12 markets shipped');
SELECT is((SELECT count(*)::int FROM aibiz.risk_categories), 8, '8 risk categories shipped');
SELECT is((SELECT count(*)::int FROM aibiz.cases), 3, '3 cases shipped');
SELECT is((SELECT count(*)::int FROM aibiz.companies), 0, 'no companies shipped');
SELECT results_eq(
	'SELECT name FROM aibiz.risk_categories ORDER BY ord',
	ARRAY['technology', 'competition', 'regulation', 'ethics', 'privacy', 'market', 'data', 'team'],
	'risk categories in the order of the risk_profile grammar');
SELECT set_eq(
	'SELECT sector, count(*)::int FROM aibiz.markets GROUP BY sector',
	$$VALUES ('fintech', 3), ('healthcare', 3), ('logistics', 3), ('ecommerce', 3)$$,
	'three markets in each of the four sectors');
SELECT set_eq('SELECT company FROM aibiz.cases',
	ARRAY['Google', 'Microsoft', 'Amazon'], 'the study''s three cases');
SELECT is_empty($$SELECT c.id FROM aibiz.cases c LEFT JOIN aibiz.markets m ON m.id = c.market_id
	WHERE c.revenue IS NULL OR c.risk IS NULL OR c.plan IS NULL OR NOT m.builtin IS TRUE$$,
	'every shipped case is modelled as a company in a shipped market');
-- each shipped case projects a plausible path: revenue at month 60 and a
-- breakeven within the horizon, with cash never below 0 on the expected path
SELECT is_empty($$SELECT c.id FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id,
	LATERAL aibiz.project(c.revenue, c.risk, c.plan, m) p
	WHERE (aibiz.arr(p, 60) > 0 AND aibiz.breakeven_month(p) BETWEEN 1 AND 60
	       AND aibiz.runway(p) IS NULL) IS NOT TRUE$$,
	'every shipped case projects positive revenue, a breakeven and no negative cash over 60 months');

-- pg_dump keeps user rows
SELECT set_eq(
	$$SELECT c.oid::regclass::text, e.cond
	  FROM pg_extension x, unnest(x.extconfig, x.extcondition) AS e (oid, cond)
	  JOIN pg_class c ON c.oid = e.oid
	  WHERE x.extname = 'aibiz'$$,
	$$VALUES ('aibiz.markets', 'WHERE NOT builtin'), ('aibiz.markets_id_seq', ''),
	         ('aibiz.cases', 'WHERE NOT builtin'), ('aibiz.cases_id_seq', ''),
	         ('aibiz.companies', ''), ('aibiz.companies_id_seq', '')$$,
	'pg_extension_config_dump registrations');

-- the market() constructor
SELECT has_function('aibiz', 'market',
	ARRAY['double precision', 'double precision', 'double precision', 'double precision',
	      'double precision', 'bigint']);
SELECT function_returns('aibiz', 'market',
	ARRAY['double precision', 'double precision', 'double precision', 'double precision',
	      'double precision', 'bigint'], 'aibiz.market');
SELECT volatility_is('aibiz', 'market',
	ARRAY['double precision', 'double precision', 'double precision', 'double precision',
	      'double precision', 'bigint'], 'immutable');
SELECT isnt_strict('aibiz', 'market',
	ARRAY['double precision', 'double precision', 'double precision', 'double precision',
	      'double precision', 'bigint']);
SELECT row_eq(
	$$SELECT accounts, adoption, bass_p, bass_q, growth, id
	  FROM aibiz.market(5000, 0.1, 0.02, 0.4, 0.05)$$,
	ROW(5000::float8, 0.1::float8, 0.02::float8, 0.4::float8, 0.05::float8, NULL::bigint),
	'market() sets the five numbers and a NULL id');
SELECT throws_ok('SELECT aibiz.market(-1, 0.1, 0.02, 0.3, 0.05)', '22023',
	'market accounts must be a finite number >= 0, got -1', 'negative accounts');
SELECT throws_ok('SELECT aibiz.market(1000, 1, 0.02, 0.3, 0.05)', '22023',
	'market adoption must be in [0, 1), got 1', 'adoption of 1');
SELECT throws_ok('SELECT aibiz.market(1000, 0.1, 0, 0.3, 0.05)', '22023',
	'market bass_p must be a finite number > 0, got 0', 'bass_p of 0');
SELECT throws_ok('SELECT aibiz.market(1000, 0.1, 0.02, -0.3, 0.05)', '22023',
	'market bass_q must be a finite number >= 0, got -0.3', 'negative bass_q');
SELECT throws_ok('SELECT aibiz.market(1000, 0.1, 0.02, 0.3, -1)', '22023',
	'market growth must be a finite number > -1, got -1', 'growth of -100%');
SELECT throws_ok($$SELECT aibiz.market('NaN', 0.1, 0.02, 0.3, 0.05)$$, '22023',
	'market accounts must be a finite number >= 0, got NaN', 'NaN accounts');
SELECT throws_ok($$SELECT aibiz.market(1000, 0.1, 0.02, 'Infinity', 0.05)$$, '22023',
	'market bass_q must be a finite number >= 0, got Infinity', 'infinite bass_q');
SELECT throws_ok($$INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption,
	bass_p, bass_q, growth) VALUES ('x', 'x', 'x.x', 1, 1, 0.1, 0.1, 0)$$, '23514',
	NULL, 'the markets table rejects adoption of 1');

-- the sample generator
SELECT has_function('aibiz', 'sample_companies', ARRAY['integer', 'bigint']);
SELECT volatility_is('aibiz', 'sample_companies', ARRAY['integer', 'bigint'], 'stable');
SELECT is_strict('aibiz', 'sample_companies', ARRAY['integer', 'bigint']);
SELECT throws_ok('SELECT * FROM aibiz.sample_companies(-5)', '22023',
	'sample_companies: n must be >= 0, got -5', 'negative n');
SELECT lives_ok(
	$$INSERT INTO aibiz.companies (id, name, market_id, revenue, risk, plan)
	  SELECT * FROM aibiz.sample_companies(24, 1)$$,
	'sample companies insert into aibiz.companies');
SELECT results_eq(
	'SELECT count(DISTINCT market_id)::int FROM aibiz.companies',
	ARRAY[12], '24 sample companies cover the 12 markets');

SELECT * FROM finish();
ROLLBACK;
