-- ---------------------------------------------------------------------------
-- 65_market_args.sql — every function that takes a market, in two more
-- forms: with an aibiz.market (the form postgres_fdw can send to a remote
-- server, since the type, the constructor and the function all belong to the
-- extension) and with a market name (text), looked up in aibiz.markets by
-- aibiz.market_by_name().  The forms taking any row (a row of aibiz.markets)
-- are declared with the functions themselves.
-- ---------------------------------------------------------------------------

-- project of a company in an aibiz.market
CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int) IS
	'expected path of a company in an aibiz.market, as aibiz.project with a market row; the form postgres_fdw can send to a remote server (docs/scale-out.md)';

-- project of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.project($1, $2, $3, @extschema@.market_by_name($4), $5) $$;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int) IS
	'as aibiz.project with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- project of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.project(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, @extschema@.market, int) IS
	'expected path of a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- project of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.project(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.project($1, @extschema@.market_by_name($2), $3) $$;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, text, int) IS
	'as aibiz.project with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- simulate of a company in an aibiz.market
CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
AS 'MODULE_PATHNAME', 'aibiz_simulate_v2'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'Monte Carlo simulation of a company in an aibiz.market, as aibiz.simulate with a market row; the form postgres_fdw can send to a remote server';

-- simulate of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.simulate($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8, $9, $10, $11) $$;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'as aibiz.simulate with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- simulate of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
AS 'MODULE_PATHNAME', 'aibiz_simulate_company_v2'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, @extschema@.market, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'Monte Carlo simulation of a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- simulate of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.simulate($1, @extschema@.market_by_name($2), $3, $4, $5, $6, $7, $8, $9) $$;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, text, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'as aibiz.simulate with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- tornado of a company in an aibiz.market
CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
AS 'MODULE_PATHNAME', 'aibiz_tornado'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, text) IS
	'tornado of a company in an aibiz.market, as aibiz.tornado with a market row';

-- tornado of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20 COST 1000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.tornado($1, $2, $3, @extschema@.market_by_name($4), $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, text) IS
	'as aibiz.tornado with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- tornado of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
AS 'MODULE_PATHNAME', 'aibiz_tornado_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, @extschema@.market, int, text) IS
	'tornado of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- tornado of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20 COST 1000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.tornado($1, @extschema@.market_by_name($2), $3, $4) f $$;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, text, int, text) IS
	'as aibiz.tornado with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- spider of a company in an aibiz.market
CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
AS 'MODULE_PATHNAME', 'aibiz_spider'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 140 COST 5000;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, text) IS
	'spider of a company in an aibiz.market, as aibiz.spider with a market row';

-- spider of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 140 COST 5000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.spider($1, $2, $3, @extschema@.market_by_name($4), $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, text) IS
	'as aibiz.spider with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- spider of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
AS 'MODULE_PATHNAME', 'aibiz_spider_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 140 COST 5000;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, @extschema@.market, int, text) IS
	'spider of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- spider of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 140 COST 5000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.spider($1, @extschema@.market_by_name($2), $3, $4) f $$;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, text, int, text) IS
	'as aibiz.spider with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- sensitivity of a company in an aibiz.market
CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
AS 'MODULE_PATHNAME', 'aibiz_sensitivity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 10000;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, int, bigint) IS
	'Monte Carlo sensitivity of a company in an aibiz.market, as aibiz.sensitivity with a market row';

-- sensitivity of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10 COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.sensitivity($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7) f $$;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint) IS
	'as aibiz.sensitivity with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- sensitivity of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
AS 'MODULE_PATHNAME', 'aibiz_sensitivity_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 10000;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, @extschema@.market, int, int, bigint) IS
	'Monte Carlo sensitivity of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- sensitivity of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10 COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.sensitivity($1, @extschema@.market_by_name($2), $3, $4, $5) f $$;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, text, int, int, bigint) IS
	'as aibiz.sensitivity with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- solve of a company in an aibiz.market
CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
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
AS 'MODULE_PATHNAME', 'aibiz_solve'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, text, text, float8, float8, float8, int, int, bigint) IS
	'goal seek on a company in an aibiz.market, as aibiz.solve with a market row; NULL when an argument other than trials is NULL';

-- solve of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
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
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.solve($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8, $9, $10, $11, $12) f $$;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, text, text, float8, float8, float8, int, int, bigint) IS
	'as aibiz.solve with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- solve of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
	market @extschema@.market,
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
AS 'MODULE_PATHNAME', 'aibiz_solve_company'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, @extschema@.market, text, text, float8, float8, float8, int, int, bigint) IS
	'goal seek on a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- solve of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
	market text,
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
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.solve($1, @extschema@.market_by_name($2), $3, $4, $5, $6, $7, $8, $9, $10) f $$;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, text, text, text, float8, float8, float8, int, int, bigint) IS
	'as aibiz.solve with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';
