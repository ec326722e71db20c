-- ---------------------------------------------------------------------------
-- 57_risk_impact.sql — aibiz.risk_impact(): which risk term matters.  Each
-- term of the risk profile is switched off in turn and the same trials are
-- rerun with common random numbers (every other random stream keeps its
-- numbers); the rows compare each variant with the base simulation, and a
-- last row removes every term at once.  Plain and companies-row forms, each
-- with a market row, an aibiz.market or a market name.
-- ---------------------------------------------------------------------------

-- risk impact of a company in a market row
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market record,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint, bigint) IS
	'which risk term matters: per term of the risk profile, the term removed and the same trials rerun with common random numbers (seed, trials, scenario as aibiz.simulate with sampling mc): term position, category, the term''s text, mean NPV change (removed minus base) with its paired standard error, change in survival at the horizon and in mean equity NPV; sorted by |npv_diff| descending, then one row (term NULL, category all) removing every term at once. Counts every effect of a term (losses, churn, price and share shocks, costs, premiums, forgone revenue), unlike aibiz.risk_attribution (cash losses only).';

-- risk impact of a company in an aibiz.market
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, int, bigint, bigint) IS
	'risk impact of a company in an aibiz.market, as aibiz.risk_impact with a market row; the form postgres_fdw can send to a remote server';

-- risk impact of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 9 COST 100000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.risk_impact($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8) f $$;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint, bigint) IS
	'as aibiz.risk_impact with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- risk impact of a row of aibiz.companies in a market row
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market record,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, record, int, int, bigint, bigint) IS
	'risk impact of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- risk impact of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, @extschema@.market, int, int, bigint, bigint) IS
	'risk impact of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- risk impact of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 9 COST 100000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.risk_impact($1, @extschema@.market_by_name($2), $3, $4, $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, text, int, int, bigint, bigint) IS
	'as aibiz.risk_impact with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';
