-- 50_simulation.sql — Monte Carlo: the aibiz.simulation type, aibiz.simulate(),
-- its accessors and row outputs, and the aibiz.portfolio aggregate.

CREATE TYPE @extschema@.simulation;

CREATE FUNCTION @extschema@.simulation_in(cstring) RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulation_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_out(@extschema@.simulation) RETURNS cstring
	AS 'MODULE_PATHNAME', 'aibiz_simulation_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_recv(internal) RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulation_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_send(@extschema@.simulation) RETURNS bytea
	AS 'MODULE_PATHNAME', 'aibiz_simulation_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.simulation (
	INPUT = @extschema@.simulation_in,
	OUTPUT = @extschema@.simulation_out,
	RECEIVE = @extschema@.simulation_recv,
	SEND = @extschema@.simulation_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.simulation IS
'Result of a Monte Carlo simulation (or a portfolio of them): per trial NPV, ARR at the horizon, risk loss, death and breakeven month; per month alive counts, mean and (single simulations) P5-P95 of revenue and cash; per risk category event and loss totals. Text form: "simulation v3 trials=... slots=... data=<base64>" (values stored by aibiz 0.2 keep their "simulation v2" form, values stored by aibiz 0.1 their "simulation v1" form), exact.';
COMMENT ON FUNCTION @extschema@.simulation_in(cstring) IS 'text input of aibiz.simulation (the exact form written by its output)';
COMMENT ON FUNCTION @extschema@.simulation_out(@extschema@.simulation) IS 'text output of aibiz.simulation: a readable header then the base64 of the binary form';
COMMENT ON FUNCTION @extschema@.simulation_recv(internal) IS 'binary input of aibiz.simulation (versioned, validated like text input)';
COMMENT ON FUNCTION @extschema@.simulation_send(@extschema@.simulation) IS 'binary output of aibiz.simulation (versioned, big-endian)';

-- running simulations: aibiz.simulate() is in 52_simulate.sql

-- scalar accessors

CREATE FUNCTION @extschema@.trials(sim @extschema@.simulation) RETURNS int
	AS 'MODULE_PATHNAME', 'aibiz_sim_trials' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trials(@extschema@.simulation) IS 'number of trials of a simulation';

CREATE FUNCTION @extschema@.horizon(sim @extschema@.simulation) RETURNS int
	AS 'MODULE_PATHNAME', 'aibiz_sim_horizon' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.horizon(@extschema@.simulation) IS 'horizon of a simulation in months';

CREATE FUNCTION @extschema@.members(sim @extschema@.simulation) RETURNS bigint
	AS 'MODULE_PATHNAME', 'aibiz_sim_members' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.members(@extschema@.simulation) IS 'number of simulations summed into a portfolio (1 for a single simulation)';

CREATE FUNCTION @extschema@.survival(sim @extschema@.simulation, month int) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_survival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival(@extschema@.simulation, int) IS
'share of trials alive at the end of month (0..horizon; 1 at month 0); in a portfolio, the expected share of its members alive';

CREATE FUNCTION @extschema@.npv_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_mean(@extschema@.simulation) IS 'mean NPV over trials (a portfolio: of the trial-wise sum)';

CREATE FUNCTION @extschema@.npv_stddev(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_stddev(@extschema@.simulation) IS 'sample standard deviation of NPV over trials (NULL for a single trial)';

CREATE FUNCTION @extschema@.npv_quantile(sim @extschema@.simulation, q float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_quantile(@extschema@.simulation, float8) IS
'quantile q (0..1) of NPV over trials, interpolated like percentile_cont (type 7)';

CREATE FUNCTION @extschema@.npv_cdf(sim @extschema@.simulation, x float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_cdf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_cdf(@extschema@.simulation, float8) IS 'share of trials with NPV <= x';

CREATE FUNCTION @extschema@.value_at_risk(sim @extschema@.simulation, level float8 DEFAULT 0.95) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_value_at_risk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value_at_risk(@extschema@.simulation, float8) IS
'value at risk of NPV at level (0..1 exclusive): -npv_quantile(sim, 1 - level); positive when that quantile is a loss';

CREATE FUNCTION @extschema@.expected_shortfall(sim @extschema@.simulation, level float8 DEFAULT 0.95) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_expected_shortfall' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.expected_shortfall(@extschema@.simulation, float8) IS
'expected shortfall of NPV at level: minus the mean of the trial NPVs at or below npv_quantile(sim, 1 - level)';

CREATE FUNCTION @extschema@.breakeven_probability(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_breakeven_probability' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.breakeven_probability(@extschema@.simulation) IS
'share of trials with a breakeven month (first month from launch with operating cash flow >= 0); in a portfolio, trials where every member broke even';

CREATE FUNCTION @extschema@.arr_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_arr_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arr_mean(@extschema@.simulation) IS 'mean ARR at the horizon (12 x net revenue of the last month, 0 if dead)';

CREATE FUNCTION @extschema@.loss_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_loss_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loss_mean(@extschema@.simulation) IS 'mean total cash lost to risk events per trial (after insurance cover)';

-- row outputs

CREATE FUNCTION @extschema@.fan(sim @extschema@.simulation)
	RETURNS TABLE(month int, metric text, p5 float8, p25 float8, p50 float8, p75 float8, p95 float8, mean float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_fan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION @extschema@.fan(@extschema@.simulation) IS
'fan chart rows: per month, metric revenue and cash, P5/P25/P50/P75/P95 (from the first min(trials, 4000000/horizon) trials; NULL for a portfolio) and the mean over all trials';

CREATE FUNCTION @extschema@.survival_curve(sim @extschema@.simulation)
	RETURNS TABLE(month int, alive float8, survival float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_survival_curve' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.survival_curve(@extschema@.simulation) IS
'per month 1..horizon: expected number of members alive (1 at most for a single simulation) and the share alive';

CREATE FUNCTION @extschema@.risk_attribution(sim @extschema@.simulation)
	RETURNS TABLE(category text, events_per_trial float8, mean_loss float8, share_of_loss float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_risk_attribution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@.risk_attribution(@extschema@.simulation) IS
'per risk category (catalogue order): events per trial, cash loss per trial, and its share of all risk losses (NULL when there are none)';

CREATE FUNCTION @extschema@.loss_exceedance(sim @extschema@.simulation, points int DEFAULT 50)
	RETURNS TABLE(loss float8, probability float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_loss_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.loss_exceedance(@extschema@.simulation, int) IS
'loss exceedance curve: P(total risk loss of a trial >= loss) at points losses evenly spaced from 0 to the largest (one row when no trial lost anything)';

CREATE FUNCTION @extschema@.npv_histogram(sim @extschema@.simulation, bins int DEFAULT 20)
	RETURNS TABLE(bin int, lo float8, hi float8, trials bigint, frequency float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_histogram' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.npv_histogram(@extschema@.simulation, int) IS
'NPV histogram: bins equal-width bins from the smallest to the largest trial NPV, [lo, hi) (the last includes hi); one bin when all NPVs are equal';

CREATE FUNCTION @extschema@.summary(sim @extschema@.simulation) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'aibiz_sim_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.summary(@extschema@.simulation) IS
'headline numbers of a simulation as jsonb: trials, horizon, members, NPV mean and quantiles, P(NPV > 0), VaR and ES at 95 %, survival at the horizon, breakeven probability, mean ARR and loss';

-- portfolios

CREATE FUNCTION @extschema@.simulation_add(a @extschema@.simulation, b @extschema@.simulation)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_sim_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.simulation_add(@extschema@.simulation, @extschema@.simulation) IS
'exact trial-wise sum of two simulations with the same trials and horizon (the step of aibiz.portfolio)';

CREATE AGGREGATE @extschema@.portfolio(@extschema@.simulation) (
	SFUNC = @extschema@.simulation_add,
	STYPE = @extschema@.simulation,
	COMBINEFUNC = @extschema@.simulation_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.portfolio(@extschema@.simulation) IS
'portfolio of simulations with equal trials and horizon: trial-wise sums of NPV, ARR and risk loss, summed alive counts, revenue and cash means and risk totals; exact (fixed point), so serial, parallel and sharded runs give the same bytes. Monthly quantiles are dropped; a trial''s death month is its first member death, its breakeven month the last member''s.';
