-- aibiz 0.1.1 -> 0.2.0: the decision layer (equity view, paired comparison,
-- risk impact, sustainability, cases as companies), dependence and sampling
-- (market-wide risks, correlated inputs, Latin hypercube, convergence), the
-- aibiz.market composite type for scale-out, and the version 2 simulation
-- format.  Simulations stored by 0.1.x keep reading; the accessors that need
-- what they lack say to re-simulate.
--
-- ALTER EXTENSION aibiz UPDATE runs this script as the bootstrap superuser in
-- a trusted install, in a schema its owner can write to, so it is written
-- like the install script: every operator and function qualified with
-- pg_catalog, every literal typed; it never replaces or adopts an object it
-- did not create.  Objects whose definition changes are dropped here and
-- re-created by the install script's own parts appended after this one.
\echo Use "ALTER EXTENSION aibiz UPDATE TO '0.2.0'" to load this file. \quit

-- simulate() gains scenario, sampling, correlations and tolerance (52_simulate.sql)
DROP FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile,
								   @extschema@.plan, record, pg_catalog.int4, pg_catalog.int4,
								   pg_catalog.int8);
DROP FUNCTION @extschema@.simulate(@extschema@.companies, record, pg_catalog.int4,
								   pg_catalog.int4, pg_catalog.int8);

-- market() now returns the aibiz.market composite type (with an id) rather
-- than a row of aibiz.markets, and sample_companies() gains an id column:
-- both are re-created by 25_market.sql and 80_sample.sql.  No extension
-- object depends on either.
DROP FUNCTION @extschema@.market(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8,
								 pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.sample_companies(pg_catalog.int4, pg_catalog.int8);

-- Cases as companies: four nullable columns, appended after builtin as the
-- install script declares them; 21_cases.sql (appended below) fills the
-- shipped rows.  Rows you added keep NULL there until you model them.
ALTER TABLE @extschema@.cases
	ADD COLUMN revenue @extschema@.revenue_model,
	ADD COLUMN risk @extschema@.risk_profile,
	ADD COLUMN plan @extschema@.plan,
	ADD COLUMN market_id integer;
COMMENT ON TABLE @extschema@.cases IS
	'case studies scored 0-10 on the study''s criteria, each optionally modelled as a company (revenue, risk, plan, market_id); the shipped rows are its three cases with illustrative scores and models';
COMMENT ON COLUMN @extschema@.cases.revenue IS
	'the case as a company: how an account is monetised; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.risk IS
	'the case as a company: its risk register; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.plan IS
	'the case as a company: its operating plan; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.market_id IS
	'the case as a company: the aibiz.markets id it sells into, a soft reference like companies.market_id (no foreign key); NULL when the case is not modelled';

-- the simulation format version 2 (its text form now says so)
COMMENT ON TYPE @extschema@.simulation IS
'Result of a Monte Carlo simulation (or a portfolio of them): per trial NPV, ARR at the horizon, risk loss, death and breakeven month; per month alive counts, mean and (single simulations) P5-P95 of revenue and cash; per risk category event and loss totals. Text form: "simulation v2 trials=... slots=... data=<base64>" (values stored by aibiz 0.1 keep their "simulation v1" form), exact.';

-- project(): its comment describes the model without citing another document
COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, pg_catalog.int4) IS
'Expected path of the monthly model over horizon months (1..600): every distribution at its mean, risk events at their expected monthly effect, rounds at p x amount. market is any row with accounts, adoption, bass_p, bass_q and growth (a row of aibiz.markets or aibiz.market(...)).';
