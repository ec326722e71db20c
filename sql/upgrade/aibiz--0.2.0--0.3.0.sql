-- aibiz 0.2.0 -> 0.3.0: the version 3 simulation format, laid out so that
-- the scalar questions read only a prefix of a stored value (a summary
-- block, then the per-month arrays, then the per-trial arrays with NPV
-- first).  The shared library reads versions 1, 2 and 3 and writes version
-- 3, so stored simulations keep reading as they are, and a value written
-- again (re-simulated, or read back from its text or binary form) takes the
-- version its form names; the new function rewrite() (its install part is
-- appended below) turns a stored version 2 value into version 3.
--
-- ALTER EXTENSION aibiz UPDATE runs this script as the bootstrap superuser in
-- a trusted install, in a schema its owner can write to, so it is written
-- like the install script: every operator and function qualified with
-- pg_catalog, every literal typed; it never replaces or adopts an object it
-- did not create.  Objects whose definition changes are dropped here and
-- re-created by the install script's own parts appended after this one.
\echo Use "ALTER EXTENSION aibiz UPDATE TO '0.3.0'" to load this file. \quit

-- the type's description names the text form 0.3.0 writes
COMMENT ON TYPE @extschema@.simulation IS
'Result of a Monte Carlo simulation (or a portfolio of them): per trial NPV, ARR at the horizon, risk loss, death and breakeven month; per month alive counts, mean and (single simulations) P5-P95 of revenue and cash; per risk category event and loss totals. Text form: "simulation v3 trials=... slots=... data=<base64>" (values stored by aibiz 0.2 keep their "simulation v2" form, values stored by aibiz 0.1 their "simulation v1" form), exact.';

-- simulate()'s description says where its bytes may differ
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, numeric, bigint, bigint, text, jsonb, float8) IS
'Monte Carlo simulation of a company over horizon months (at most 600): trials trials (at most aibiz.max_trials), trial i keyed by (seed, i), so the same inputs and seed give the same bytes on every run and in every parallel worker (across processors, libm may differ in last bits: see docs/simulation.md). market is any row with accounts, adoption, bass_p, bass_q, growth. scenario keys the shared draws of market-wide risks; sampling ''mc'' or ''lhs''; correlations: Spearman targets between once-per-trial inputs; tolerance: stop when the 95 % half-width of mean NPV is within tolerance x |mean|. NULL if an input before correlations is NULL.';
-- ---------------------------------------------------------------------------
-- 53_rewrite.sql — aibiz.rewrite(): a stored simulation in the format this
-- version writes, so that values kept from an earlier version gain its
-- faster reads.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rewrite(sim @extschema@.simulation)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_sim_rewrite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rewrite(@extschema@.simulation) IS
'The same simulation in format version 3 (summary and monthly arrays first, so that scalar questions read only a prefix of a stored value): a version 2 value (written by aibiz 0.2) is rewritten with the same trials and answers; a version 3 value is returned as it is, and so is a version 1 value (aibiz 0.1), which lacks the per-trial equity view that version 3 holds: re-simulate it. settings(sim)->>''version'' tells a value''s version.';
