-- ---------------------------------------------------------------------------
-- 52_simulate.sql — aibiz.simulate() with its sampling options, and the
-- questions only a version 2 simulation answers: the investor's view, the
-- paired comparison of two simulations, the survivors of a portfolio.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
									 risk @extschema@.risk_profile,
									 plan @extschema@.plan,
									 market record,
									 horizon int DEFAULT 60,
									 trials numeric DEFAULT 10000,
									 seed bigint DEFAULT 0,
									 scenario bigint DEFAULT 0,
									 sampling text DEFAULT 'mc',
									 correlations jsonb DEFAULT NULL,
									 tolerance float8 DEFAULT NULL)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, numeric, bigint, bigint, text, jsonb, float8) IS
'Monte Carlo simulation of a company over horizon months (at most 600): trials trials (at most aibiz.max_trials), trial i keyed by (seed, i), so the same inputs and seed give the same bytes on every run and in every parallel worker (across processors, libm may differ in last bits: see docs/simulation.md). market is any row with accounts, adoption, bass_p, bass_q, growth. scenario keys the shared draws of market-wide risks; sampling ''mc'' or ''lhs''; correlations: Spearman targets between once-per-trial inputs; tolerance: stop when the 95 % half-width of mean NPV is within tolerance x |mean|. NULL if an input before correlations is NULL.';

CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
									 market record,
									 horizon int DEFAULT 60,
									 trials numeric DEFAULT 10000,
									 seed bigint DEFAULT 0,
									 scenario bigint DEFAULT 0,
									 sampling text DEFAULT 'mc',
									 correlations jsonb DEFAULT NULL,
									 tolerance float8 DEFAULT NULL)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate_company_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, record, int, numeric, bigint, bigint, text, jsonb, float8) IS
'Monte Carlo simulation of a row of aibiz.companies in its market row (e.g. a row of aibiz.markets); NULL if the company has no revenue model, risk profile or plan. Companies simulated with the same seed share random streams (common random numbers); pass seed => id for independent draws.';

CREATE FUNCTION @extschema@.investor(sim @extschema@.simulation,
									 OUT funded_trials bigint,
									 OUT moic_mean float8, OUT moic_p10 float8,
									 OUT moic_p50 float8, OUT moic_p90 float8,
									 OUT irr_mean float8, OUT irr_p10 float8,
									 OUT irr_p50 float8, OUT irr_p90 float8,
									 OUT p_moic_1 float8, OUT p_moic_3 float8,
									 OUT equity_npv_mean float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_sim_investor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.investor(@extschema@.simulation) IS
'the equity view: MOIC (exit / contributions) and annualised equity IRR (mean, P10, P50, P90) over trials with contributions, P(MOIC >= 1), P(MOIC >= 3), mean equity NPV; needs a simulation made by aibiz 0.2 or later';

CREATE FUNCTION @extschema@.compare(a @extschema@.simulation, b @extschema@.simulation,
									OUT trials bigint,
									OUT npv_diff float8, OUT npv_diff_se float8,
									OUT p_b_better float8, OUT survival_diff float8,
									OUT equity_npv_diff float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_sim_compare' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compare(@extschema@.simulation, @extschema@.simulation) IS
'paired comparison of b against a (same seed, trials and horizon: common random numbers): mean NPV difference and its paired standard error, P(NPV_b > NPV_a), difference in survival at the horizon and in mean equity NPV';

CREATE FUNCTION @extschema@.survivors(sim @extschema@.simulation)
	RETURNS TABLE (month int, members bigint, mean float8, p5 float8, p25 float8,
				   p50 float8, p75 float8, p95 float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_survivors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.survivors(@extschema@.simulation) IS
'per month, the number of members alive at its end over trials: mean and P5/P25/P50/P75/P95 (a single simulation: 0 or 1 per trial)';
