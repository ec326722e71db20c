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
