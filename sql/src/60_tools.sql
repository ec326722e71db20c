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
