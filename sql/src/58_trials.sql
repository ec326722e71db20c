-- ---------------------------------------------------------------------------
-- 58_trials.sql — the trial NPVs of a simulation in trial order, and the
-- sampling settings it was made with.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.trial_npvs(sim @extschema@.simulation) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'aibiz_sim_trial_npvs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_npvs(@extschema@.simulation) IS
'the NPV of every trial in trial order (element i + 1 is trial i): trials of simulations that share random numbers (same seed, or market-wide risks of one market and scenario) can be paired and correlated';

CREATE FUNCTION @extschema@.settings(sim @extschema@.simulation) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'aibiz_sim_settings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.settings(@extschema@.simulation) IS
'how a simulation was sampled: format version, trials, requested_trials, tolerance (null when trials were fixed), scenario, sampling (mc or lhs; null when a portfolio mixes them), correlated';
