-- load.sql — fill aibiz.companies with the demo sample (200 synthetic
-- companies from aibiz.sample_companies, seed 42) and compute, once, what
-- the report sections read:
--
--   demo_projection     every company's expected path (aibiz.project)
--   demo_showcase       the showcase company: the median expected-NPV
--                       company of the logistics.routing market
--   demo_showcase_sim   its simulation: 200,000 trials, seed 42
--   demo_sim            every company simulated: 2,000 trials, seed = id
--   demo_sector_sim     the sector portfolios, aibiz.portfolio(demo_sim.sim)
--   demo_money(x)       money as text with three significant digits: 4.07 M
--
-- Simulations are stored because simulate() is re-run for every reference
-- to it that PostgreSQL inlines (docs/simulation.md); a stored value is
-- computed once and read many times.  A step whose functions are not in
-- the extension is skipped, and so are the sections that need its table.
-- Every run gives the same figures.

CREATE FUNCTION demo_money(x float8) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN abs(x) >= 1e9 THEN to_char(x / 1e9, 'FM999990.00') || ' B'
	WHEN abs(x) >= 1e8 THEN to_char(x / 1e6, 'FM999990') || ' M'
	WHEN abs(x) >= 1e7 THEN to_char(x / 1e6, 'FM999990.0') || ' M'
	WHEN abs(x) >= 1e6 THEN to_char(x / 1e6, 'FM999990.00') || ' M'
	WHEN abs(x) >= 1e5 THEN to_char(x / 1e3, 'FM999990') || ' k'
	WHEN abs(x) >= 1e4 THEN to_char(x / 1e3, 'FM999990.0') || ' k'
	WHEN abs(x) >= 1e3 THEN to_char(x / 1e3, 'FM999990.00') || ' k'
	ELSE to_char(round(x::numeric), 'FM999990')
END;

-- true when every name is a function of the aibiz schema
CREATE FUNCTION demo_has(VARIADIC names text[]) RETURNS boolean
LANGUAGE sql STABLE
RETURN (SELECT bool_and(EXISTS (SELECT 1 FROM pg_proc
								WHERE proname = n
								  AND pronamespace = 'aibiz'::regnamespace))
		FROM unnest(names) n);

DO $$
BEGIN
	IF to_regclass('aibiz.companies') IS NULL OR NOT demo_has('sample_companies') THEN
		RAISE NOTICE 'no sample loaded: aibiz.companies or aibiz.sample_companies() is not there yet';
		RETURN;
	END IF;
	INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
	SELECT name, market_id, revenue, risk, plan
	FROM aibiz.sample_companies(200, 42);
	RAISE NOTICE '% sample companies loaded',
		(SELECT count(*) FROM aibiz.companies);
END
$$;

DO $$
BEGIN
	IF NOT demo_has('project') THEN
		RAISE NOTICE 'no projections: aibiz.project() is not there yet';
		RETURN;
	END IF;
	CREATE TABLE demo_projection AS
	SELECT c.id, c.name, m.sector, m.name AS market, aibiz.project(c, m) AS p
	FROM aibiz.companies c
	JOIN aibiz.markets m ON m.id = c.market_id;

	-- the showcase: rank the market's companies by expected NPV (then id)
	-- and take the middle one, the lower of the two for an even count
	CREATE TABLE demo_showcase AS
	SELECT id, name, market, npv_rank, companies
	FROM (SELECT id, name, market,
				 row_number() OVER (ORDER BY aibiz.npv(p), id) AS npv_rank,
				 count(*) OVER () AS companies
		  FROM demo_projection
		  WHERE market = 'logistics.routing') r
	WHERE npv_rank = (companies + 1) / 2;
	RAISE NOTICE 'showcase company: %', (SELECT name FROM demo_showcase);
END
$$;

DO $$
BEGIN
	IF NOT demo_has('simulate', 'portfolio') OR to_regclass('demo_showcase') IS NULL THEN
		RAISE NOTICE 'no simulations: aibiz.simulate() is not there yet';
		RETURN;
	END IF;
	CREATE TABLE demo_showcase_sim AS
	SELECT c.id, aibiz.simulate(c, m, trials => 200000, seed => 42) AS sim
	FROM demo_showcase d
	JOIN aibiz.companies c USING (id)
	JOIN aibiz.markets m ON m.id = c.market_id;

	-- one seed per company: independent draws, so that portfolios diversify
	CREATE TABLE demo_sim AS
	SELECT c.id, m.sector, aibiz.simulate(c, m, trials => 2000, seed => c.id) AS sim
	FROM aibiz.companies c
	JOIN aibiz.markets m ON m.id = c.market_id;

	CREATE TABLE demo_sector_sim AS
	SELECT sector, count(*) AS companies, aibiz.portfolio(sim) AS sim
	FROM demo_sim
	GROUP BY sector;

	-- the same companies with every market-wide risk made company-wide, as if
	-- each company drew its own regulation changes and price wars
	CREATE TABLE demo_sector_indep AS
	SELECT m.sector, aibiz.portfolio(aibiz.simulate(c.revenue,
			   replace(c.risk::text, ', scope=market', '')::aibiz.risk_profile,
			   c.plan, m, trials => 2000, seed => c.id)) AS sim
	FROM aibiz.companies c
	JOIN aibiz.markets m ON m.id = c.market_id
	GROUP BY m.sector;
	RAISE NOTICE '% companies simulated', (SELECT count(*) FROM demo_sim);
END
$$;
