-- The intended volatility, strictness and parallel marking of every function
-- and aggregate of the extension, written down by hand with the reason, and
-- checked against the catalog.  A function that is added without an entry
-- here, or whose marking drifts, fails this file.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS aibiz;

SELECT plan(5);

CREATE TEMP VIEW abz_procs AS
SELECT p.oid::regprocedure::text AS sig, p.prokind, p.provolatile,
       p.proisstrict, p.proparallel
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
 AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'aibiz';

-- name: function or aggregate name; n: how many overloads; vol, strict, par:
-- the intended marking of every overload of that name.
CREATE TEMP TABLE abz_intended (name text PRIMARY KEY, n int, vol "char",
                                strict bool, par "char", why text);

-- Type support: pure functions of their argument bytes.
INSERT INTO abz_intended VALUES
  ('revenue_model_in', 1, 'i', true, 's', 'parses text; depends on nothing else'),
  ('revenue_model_out', 1, 'i', true, 's', 'canonical text'),
  ('revenue_model_recv', 1, 'i', true, 's', 'validates bytes'),
  ('revenue_model_send', 1, 'i', true, 's', 'bytes of the value'),
  ('revenue_model_eq', 1, 'i', true, 's', 'byte equality'),
  ('revenue_model_ne', 1, 'i', true, 's', 'byte inequality'),
  ('revenue_model_hash', 1, 'i', true, 's', 'hash of the bytes'),
  ('revenue_model_hash_extended', 1, 'i', true, 's', 'seeded hash of the bytes'),
  ('risk_profile_in', 1, 'i', true, 's', 'parses text'),
  ('risk_profile_out', 1, 'i', true, 's', 'canonical text'),
  ('risk_profile_recv', 1, 'i', true, 's', 'validates bytes'),
  ('risk_profile_send', 1, 'i', true, 's', 'bytes of the value'),
  ('risk_profile_eq', 1, 'i', true, 's', 'byte equality'),
  ('risk_profile_ne', 1, 'i', true, 's', 'byte inequality'),
  ('risk_profile_hash', 1, 'i', true, 's', 'hash of the bytes'),
  ('risk_profile_hash_extended', 1, 'i', true, 's', 'seeded hash of the bytes'),
  ('plan_in', 1, 'i', true, 's', 'parses text'),
  ('plan_out', 1, 'i', true, 's', 'canonical text'),
  ('plan_recv', 1, 'i', true, 's', 'validates bytes'),
  ('plan_send', 1, 'i', true, 's', 'bytes of the value'),
  ('plan_eq', 1, 'i', true, 's', 'byte equality'),
  ('plan_ne', 1, 'i', true, 's', 'byte inequality'),
  ('plan_hash', 1, 'i', true, 's', 'hash of the bytes'),
  ('plan_hash_extended', 1, 'i', true, 's', 'seeded hash of the bytes'),
  ('projection_in', 1, 'i', true, 's', 'parses text'),
  ('projection_out', 1, 'i', true, 's', 'exact text'),
  ('projection_recv', 1, 'i', true, 's', 'validates bytes'),
  ('projection_send', 1, 'i', true, 's', 'bytes of the value'),
  ('simulation_in', 1, 'i', true, 's', 'parses text'),
  ('simulation_out', 1, 'i', true, 's', 'exact text'),
  ('simulation_recv', 1, 'i', true, 's', 'validates bytes'),
  ('simulation_send', 1, 'i', true, 's', 'bytes of the value'),
  ('cashflows_in', 1, 'i', true, 's', 'parses text'),
  ('cashflows_out', 1, 'i', true, 's', 'exact text'),
  ('cashflows_recv', 1, 'i', true, 's', 'validates bytes'),
  ('cashflows_send', 1, 'i', true, 's', 'bytes of the value'),
  ('jsonb', 3, 'i', true, 's', 'the cast of each input type to jsonb'),
  ('terms', 3, 'i', true, 's', 'row view of a value');

-- The models: the result depends only on the arguments (the simulation's
-- random numbers are keyed by seed and trial), so IMMUTABLE, and safe in
-- parallel workers and on foreign shards.
INSERT INTO abz_intended VALUES
  ('project', 6, 'i', true, 's', 'expected path of the arguments; plain and companies-row forms, each with a market row, an aibiz.market or a market name'),
  ('simulate', 6, 'i', false, 's', 'counter-based random numbers: same inputs and seed, same bytes; not strict (correlations and tolerance may be NULL); forms as project'),
  ('unit_economics', 1, 'i', true, 's', 'arithmetic on the arguments'),
  ('market', 1, 'i', false, 's', 'builds a market from its arguments; not strict, since id may be NULL (NULL when a number is)'),
  ('market_by_name', 1, 's', true, 's', 'reads aibiz.markets');

-- Accessors of projections and simulations.
INSERT INTO abz_intended VALUES
  ('rows', 1, 'i', true, 's', 'unpacks a projection'),
  ('breakeven_month', 1, 'i', true, 's', 'reads a projection'),
  ('runway', 1, 'i', true, 's', 'reads a projection'),
  ('arr', 1, 'i', true, 's', 'reads a projection'),
  ('launch_month', 1, 'i', true, 's', 'reads a projection'),
  ('horizon', 2, 'i', true, 's', 'reads a projection or simulation'),
  ('members', 2, 'i', true, 's', 'reads a projection or simulation'),
  ('summary', 2, 'i', true, 's', 'reads a projection or simulation'),
  ('projection_add', 1, 'i', true, 's', 'exact fixed-point sum of two projections: the + operator'),
  ('projection_sum_add', 1, 'i', false, 's', 'sfunc and combinefunc of sum: not strict, so it converts the first projection to fixed point itself'),
  ('simulation_add', 1, 'i', true, 's', 'exact trial-wise sum: sfunc and combinefunc of portfolio'),
  ('trials', 1, 'i', true, 's', 'reads a simulation'),
  ('survival', 1, 'i', true, 's', 'reads a simulation'),
  ('npv_mean', 1, 'i', true, 's', 'reads a simulation'),
  ('npv_stddev', 1, 'i', true, 's', 'reads a simulation'),
  ('npv_quantile', 1, 'i', true, 's', 'reads a simulation'),
  ('npv_cdf', 1, 'i', true, 's', 'reads a simulation'),
  ('value_at_risk', 1, 'i', true, 's', 'reads a simulation'),
  ('expected_shortfall', 1, 'i', true, 's', 'reads a simulation'),
  ('breakeven_probability', 1, 'i', true, 's', 'reads a simulation'),
  ('arr_mean', 1, 'i', true, 's', 'reads a simulation'),
  ('loss_mean', 1, 'i', true, 's', 'reads a simulation'),
  ('fan', 1, 'i', true, 's', 'reads a simulation'),
  ('survival_curve', 1, 'i', true, 's', 'reads a simulation'),
  ('risk_attribution', 1, 'i', true, 's', 'reads a simulation'),
  ('loss_exceedance', 1, 'i', true, 's', 'reads a simulation'),
  ('statistics', 1, 'i', true, 's', 'reads a simulation'),
  ('npv_histogram', 1, 'i', true, 's', 'reads a simulation'),
  ('investor', 1, 'i', true, 's', 'reads a simulation'),
  ('compare', 1, 'i', true, 's', 'reads two simulations'),
  ('survivors', 1, 'i', true, 's', 'reads a simulation'),
  ('trial_npvs', 1, 'i', true, 's', 'reads a simulation'),
  ('settings', 1, 'i', true, 's', 'reads a simulation'),
  ('rewrite', 4, 'i', true, 's', 'the same value in the current stored format (a simulation, or one of the three input types)');

-- Finance.  npv has two overloads: of a rate and flows, and of a projection.
INSERT INTO abz_intended VALUES
  ('npv', 2, 'i', true, 's', 'arithmetic on the arguments'),
  ('irr', 1, 'i', true, 's', 'root of the arguments'' NPV'),
  ('irr_all', 1, 'i', true, 's', 'roots of the arguments'' NPV'),
  ('flows', 1, 'i', true, 's', 'reads a cash-flow list'),
  ('cashflows_add', 2, 'i', true, 's', 'sfuncs of the dated aggregates'),
  ('cashflows_combine', 1, 'i', true, 's', 'combinefunc of the dated aggregates'),
  ('cashflows_final', 1, 'i', true, 's', 'finalfunc of cashflows()'),
  ('cashflows_xnpv_final', 1, 'i', true, 's', 'finalfunc of xnpv()');

-- Aggregates: never strict at the aggregate level (pg_proc.proisstrict is
-- false for every aggregate), IMMUTABLE, and PARALLEL SAFE with a combine
-- function.  xnpv and xirr also exist as plain functions of a cashflows value.
INSERT INTO abz_intended VALUES
  ('sum', 1, 'i', false, 's', 'month-wise roll-up of projections'),
  ('portfolio', 1, 'i', false, 's', 'trial-wise roll-up of simulations'),
  ('cashflows', 1, 'i', false, 's', 'dated flows merged by date');
INSERT INTO abz_intended VALUES
  ('xnpv', 2, 'i', NULL, 's', 'aggregate (not strict) and function of a cashflows value (strict)'),
  ('xirr', 2, 'i', NULL, 's', 'aggregate (not strict) and function of a cashflows value (strict)');

-- Window function: a pure function of its partition's rows; not strict, so
-- that rows with NULL criteria take no part and benefit may be NULL.
INSERT INTO abz_intended VALUES
  ('topsis', 1, 'i', false, 's', 'closeness over the rows of its window partition');

-- The Bass fit: an exact per-period list (the cashflows state) and its fit.
INSERT INTO abz_intended VALUES
  ('bass_add', 1, 'i', true, 's', 'sfunc of bass_fit()'),
  ('bass_final', 1, 'i', true, 's', 'finalfunc of bass_fit()'),
  ('bass_fit', 1, 'i', false, 's', 'least squares over per-period sums');
-- Charts: text drawn from the arguments alone (same arguments, same
-- bytes).  Not strict, so that a NULL title or unit takes its default; a
-- NULL simulation or array gives NULL.  svg_survival has an array form
-- (C) and a one-simulation form (SQL, calling the array form).
INSERT INTO abz_intended VALUES
  ('svg_fan', 1, 'i', false, 's', 'SVG of a simulation''s monthly quantiles; NULL title takes the default'),
  ('svg_survival', 2, 'i', false, 's', 'SVG of simulations'' survival; NULL title takes the default'),
  ('svg_histogram', 1, 'i', false, 's', 'SVG of a simulation''s trial NPVs; NULL title takes the default'),
  ('svg_cumulative', 1, 'i', false, 's', 'SVG of a simulation''s trial NPVs; NULL title takes the default'),
  ('svg_exceedance', 1, 'i', false, 's', 'SVG of a simulation''s trial NPVs; NULL title takes the default'),
  ('svg_tornado', 1, 'i', false, 's', 'SVG of the argument arrays; NULL title takes the default'),
  ('sparkline', 1, 'i', true, 's', 'text of the argument array');
-- The toolkit: functions of their arguments only (simulation metrics and
-- sensitivity key their random numbers by seed and trial), so IMMUTABLE
-- and parallel safe.  solve is not strict: trials may be NULL (expected-path
-- metrics); it returns NULL itself when another argument is NULL.
INSERT INTO abz_intended VALUES
  ('set', 3, 'i', true, 's', 'one key replaced, validated like input; one overload per input type'),
  ('scale', 3, 'i', true, 's', 'one key multiplied, validated like input; one overload per input type'),
  ('revenue_model_from_jsonb', 1, 'i', true, 's', 'parses the jsonb form; the cast back from jsonb'),
  ('risk_profile_from_jsonb', 1, 'i', true, 's', 'parses the jsonb form; the cast back from jsonb'),
  ('plan_from_jsonb', 1, 'i', true, 's', 'parses the jsonb form; the cast back from jsonb'),
  ('tornado', 6, 'i', true, 's', 'projections of the arguments; plain and companies-row forms, each with a market row, an aibiz.market or a market name'),
  ('spider', 6, 'i', true, 's', 'projections of the arguments; plain and companies-row forms, each with a market row, an aibiz.market or a market name'),
  ('sensitivity', 6, 'i', true, 's', 'trials keyed by seed and trial; plain and companies-row forms, each with a market row, an aibiz.market or a market name'),
  ('solve', 6, 'i', false, 's', 'trials may be NULL, so not strict; NULL for other NULL arguments; forms as tornado'),
  ('risk_impact', 6, 'i', true, 's', 'trials keyed by seed and trial, one simulation per risk term; forms as tornado');

-- Overloads whose volatility differs from their name's: a market passed by
-- name is looked up in aibiz.markets, which a user may edit, so STABLE.
CREATE TEMP TABLE abz_intended_sig (sig text PRIMARY KEY, vol "char", why text);
INSERT INTO abz_intended_sig
SELECT p.sig, 's', 'reads aibiz.markets (market given by name)'
FROM abz_procs p
WHERE split_part(p.sig, '(', 1) IN ('aibiz.project', 'aibiz.simulate', 'aibiz.tornado',
                                    'aibiz.spider', 'aibiz.sensitivity', 'aibiz.solve',
                                    'aibiz.risk_impact', 'aibiz.sustainability')
  AND split_part(p.sig, ',', CASE WHEN split_part(p.sig, '(', 2) LIKE 'aibiz.companies,%' THEN 2 ELSE 4 END) = 'text';

-- The sustainability verdict: PL/pgSQL over the models and accessors above,
-- a function of its arguments only, so IMMUTABLE and parallel safe.  Not
-- strict: thresholds may be NULL (the defaults); NULL inputs give no rows.
INSERT INTO abz_intended VALUES
  ('sustainability', 4, 'i', false, 's', 'simulation, projection and unit economics of the arguments; plain and companies-row forms, each with a market row (or an aibiz.market) or a market name'),
  ('sustainability_score', 1, 'i', false, 's', 'arithmetic on the given values; thresholds may be NULL');

-- The generator reads aibiz.markets, so STABLE, not IMMUTABLE.
INSERT INTO abz_intended VALUES
  ('sample_companies', 1, 's', true, 's', 'reads the markets table');

-- The trigger that keeps shipped rows read-only: a trigger function has no
-- SQL arguments (so not strict), acts on the row being written (VOLATILE) and
-- reads whether an extension script is running, which is backend-local
-- state (PARALLEL RESTRICTED).
INSERT INTO abz_intended VALUES
  ('guard_shipped_rows', 1, 'v', false, 'r', 'trigger; reads backend-local extension-script state');

SELECT is_empty(
	$$SELECT DISTINCT split_part(sig, '(', 1) FROM abz_procs
	  WHERE split_part(sig, '(', 1) NOT IN (SELECT 'aibiz.' || name FROM abz_intended)$$,
	'every function of the extension has an intended marking here');

SELECT is_empty(
	$$SELECT i.name, i.n, count(p.sig) FROM abz_intended i
	  LEFT JOIN abz_procs p ON split_part(p.sig, '(', 1) = 'aibiz.' || i.name
	  GROUP BY i.name, i.n HAVING count(p.sig) <> i.n$$,
	'every intended name has exactly its overloads');

SELECT is_empty(
	$$SELECT p.sig, p.provolatile, coalesce(s.vol, i.vol) FROM abz_procs p
	  JOIN abz_intended i ON split_part(p.sig, '(', 1) = 'aibiz.' || i.name
	  LEFT JOIN abz_intended_sig s ON s.sig = p.sig
	  WHERE p.provolatile <> coalesce(s.vol, i.vol)$$,
	'volatility as intended');

SELECT is_empty(
	$$SELECT p.sig, p.proisstrict FROM abz_procs p
	  JOIN abz_intended i ON split_part(p.sig, '(', 1) = 'aibiz.' || i.name
	  WHERE p.proisstrict IS DISTINCT FROM coalesce(i.strict, p.prokind = 'f')$$,
	'strictness as intended (functions strict, aggregates not)');

SELECT is_empty(
	$$SELECT p.sig, p.proparallel FROM abz_procs p
	  JOIN abz_intended i ON split_part(p.sig, '(', 1) = 'aibiz.' || i.name
	  WHERE p.proparallel <> i.par$$,
	'parallel marking as intended');

SELECT * FROM finish();
ROLLBACK;
