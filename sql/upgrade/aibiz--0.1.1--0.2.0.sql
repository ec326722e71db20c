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
-- ---------------------------------------------------------------------------
-- 21_cases.sql — the shipped case studies as companies: a revenue model, a
-- risk profile, a plan and a market for each, drawn from the case's story.
--
-- The numbers are illustrative, at the scale of the sample companies, not
-- figures of the companies named.  This one statement fills the rows for a
-- fresh install and for the update from 0.1.1 (which adds the columns first),
-- so both hold the same values.  Only the extension's own scripts may change
-- shipped rows (trigger guard_shipped_rows).
-- ---------------------------------------------------------------------------

UPDATE @extschema@.cases c
SET revenue = v.revenue::@extschema@.revenue_model,
	risk = v.risk::@extschema@.risk_profile,
	plan = v.plan::@extschema@.plan,
	market_id = v.market_id
FROM (VALUES
-- Google BERT: language understanding sold as an API (usage) and licensed
-- to enterprises (deal fees and royalties); a large research team, yearly
-- retraining, fast-moving technology and competition.  Market: search and
-- recommendation in e-commerce.
(1, 10,
 'usage(price=0.002, units=pert(30k, 100k, 400k), attach=70%, growth=1%, price_decline=20%, cost=0.0006, cost_decline=25%)'
 ' + licensing(deals=10, fee=lognormal(500k, 250k), royalty=1%, base=1M, term=24, cost=40k)',
 'technology(freq=0.8, churn=triangular(1%, 3%, 8%), strategy=mitigate(cost=20k, effect=40%))'
 ' + competition(freq=1.5, price=triangular(2%, 5%, 12%), share=5%)'
 ' + regulation(freq=0.2, loss=lognormal(200k, 150k))'
 ' + data(freq=0.3, cost=8000, churn=1%)',
 'cash(amount=20M) + team(headcount=30, cost=15k, growth=5%) + product(launch=6, churn=1.5%)'
 ' + marketing(budget=150k, cac=3000, growth=10%, organic=2%)'
 ' + training(cost=lognormal(1M, 400k), every=12, decline=20%)'
 ' + round(month=18, amount=30M, p=60%) + valuation(multiple=6)'),
-- Microsoft Azure Machine Learning: a cloud platform paid by subscription
-- (seats) and by usage (compute), sold through a partner channel that takes
-- a cut and multiplies reach.  Market: transport and routing in logistics,
-- one of the industries the study names.
(2, 8,
 'subscription(price=300, seats=5, attach=60%, expansion=1%, cost=45, cost_decline=20%)'
 ' + usage(price=0.08, units=pert(2k, 5k, 15k), growth=1.5%, price_decline=15%, cost=0.03, cost_decline=25%)',
 'technology(freq=0.5, churn=triangular(1%, 2%, 6%), strategy=mitigate(cost=15k, effect=50%))'
 ' + competition(freq=2, price=triangular(2%, 5%, 10%), share=4%)'
 ' + privacy(freq=0.15, loss=lognormal(500k, 400k), churn=2%, strategy=transfer(premium=4000, cover=70%))'
 ' + market(freq=0.5, share=triangular(3%, 8%, 20%))',
 'cash(amount=15M) + team(headcount=35, cost=14k, growth=6%) + product(launch=4, churn=1.2%)'
 ' + marketing(budget=120k, cac=9000, growth=15%, organic=3%)'
 ' + entry(mode=channel, cut=20%, reach=3)'
 ' + training(cost=400k, every=6, decline=20%)'
 ' + round(month=15, amount=25M, p=70%) + valuation(multiple=8)'),
-- Amazon intelligent customer service: a per-seat subscription (one seat
-- per service agent it assists), one revenue stream, sensitive customer
-- data.  Market: insurance and intelligent customer service.
(3, 3,
 'subscription(price=120, seats=pert(10, 30, 80), expansion=1.5%, cost=25, cost_decline=20%)',
 'technology(freq=0.4, churn=triangular(1%, 2%, 5%), cost=5000)'
 ' + competition(freq=1, price=triangular(2%, 4%, 10%), share=5%)'
 ' + regulation(freq=0.3, loss=lognormal(150k, 100k), cost=3000)'
 ' + privacy(freq=0.2, loss=lognormal(800k, 600k), churn=3%, strategy=transfer(premium=3000, cover=60%))',
 'cash(amount=12M) + team(headcount=25, cost=13k, growth=5%) + product(launch=3, churn=0.8%)'
 ' + marketing(budget=80k, cac=35k, growth=10%, organic=3%)'
 ' + training(cost=200k, every=6, decline=15%)'
 ' + round(month=12, amount=10M, p=70%) + valuation(multiple=5)')
) v (id, market_id, revenue, risk, plan)
WHERE c.id OPERATOR(pg_catalog.=) v.id AND c.builtin;
-- ---------------------------------------------------------------------------
-- 25_market.sql — the aibiz.market composite type, its constructor
-- aibiz.market(accounts, adoption, bass_p, bass_q, growth [, id]) and the
-- look-up of a market of aibiz.markets by name.
--
-- The type and every function taking it belong to the extension, so a call
-- such as aibiz.project(revenue, risk, plan, aibiz.market(...)) written over
-- the columns of a foreign table can be sent to the remote server by
-- postgres_fdw (docs/scale-out.md).  The functions that take a market also
-- take any row with its five columns (a row of aibiz.markets) and a market
-- name (text); those forms are conveniences that are evaluated locally.
-- ---------------------------------------------------------------------------

-- A market: the five numbers of the adoption model, and an optional id.
CREATE TYPE @extschema@.market AS (
	accounts float8,
	adoption float8,
	bass_p float8,
	bass_q float8,
	growth float8,
	id bigint
);

COMMENT ON TYPE @extschema@.market IS
	'a market: accounts (>= 0), adoption (in [0, 1)), bass_p (> 0, per year), bass_q (>= 0, per year), growth (> -1, per year) and id (the aibiz.markets id it came from, NULL for a market built from numbers)';

-- Build a market from its five model numbers (and an optional id), checking their domains.
CREATE FUNCTION @extschema@.market(accounts float8, adoption float8,
								   bass_p float8, bass_q float8, growth float8,
								   id bigint DEFAULT NULL)
RETURNS @extschema@.market
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.market;
BEGIN
	IF market.accounts IS NULL OR market.adoption IS NULL OR market.bass_p IS NULL
	   OR market.bass_q IS NULL OR market.growth IS NULL THEN
		RETURN NULL;
	END IF;
	IF NOT (market.accounts OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.accounts OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market accounts must be a finite number >= 0, got %', market.accounts
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.adoption OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.adoption OPERATOR(pg_catalog.<) '1'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market adoption must be in [0, 1), got %', market.adoption
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_p OPERATOR(pg_catalog.>) '0'::pg_catalog.float8
			AND market.bass_p OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_p must be a finite number > 0, got %', market.bass_p
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_q OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.bass_q OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_q must be a finite number >= 0, got %', market.bass_q
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.growth OPERATOR(pg_catalog.>) '-1'::pg_catalog.float8
			AND market.growth OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market growth must be a finite number > -1, got %', market.growth
			USING ERRCODE = '22023';
	END IF;
	m.accounts := market.accounts;
	m.adoption := market.adoption;
	m.bass_p := market.bass_p;
	m.bass_q := market.bass_q;
	m.growth := market.growth;
	m.id := market.id;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market(float8, float8, float8, float8, float8, bigint) IS
	'an aibiz.market from accounts, adoption, bass_p, bass_q and growth (checked as aibiz.markets checks them) and an optional id (NULL by default); NULL when one of the five numbers is NULL';

-- The market of aibiz.markets with this name, its id included; 22023 naming the valid names otherwise.
CREATE FUNCTION @extschema@.market_by_name(name text)
RETURNS @extschema@.market
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.market;
	names text;
BEGIN
	SELECT mk.accounts, mk.adoption, mk.bass_p, mk.bass_q, mk.growth, mk.id
	INTO m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth, m.id
	FROM @extschema@.markets mk
	WHERE mk.name OPERATOR(pg_catalog.=) market_by_name.name;
	IF NOT FOUND THEN
		SELECT pg_catalog.string_agg(mk.name, ', ' ORDER BY mk.name) INTO names
		FROM @extschema@.markets mk;
		RAISE EXCEPTION 'no market named "%" in aibiz.markets', market_by_name.name
			USING ERRCODE = '22023',
				  DETAIL = pg_catalog.format('A market passed as text is the name of a row of aibiz.markets: %s.',
											 coalesce(names, 'the table is empty')),
				  HINT = 'Pass a name listed in aibiz.markets, a row of aibiz.markets, or aibiz.market(accounts, adoption, bass_p, bass_q, growth) for a market built from numbers.';
	END IF;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market_by_name(text) IS
	'the aibiz.market of the row of aibiz.markets with this name (its id included); 22023 listing the valid names when there is none. The functions that take a market call it for a market passed as text.';
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
'Monte Carlo simulation of a company over horizon months (at most 600): trials trials (at most aibiz.max_trials), trial i keyed by (seed, i), so the same inputs and seed give the same bytes everywhere. market is any row with accounts, adoption, bass_p, bass_q, growth. scenario keys the shared draws of market-wide risks; sampling ''mc'' or ''lhs''; correlations: Spearman targets between once-per-trial inputs; tolerance: stop when the 95 % half-width of mean NPV is within tolerance x |mean|. NULL if an input before correlations is NULL.';

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
-- ---------------------------------------------------------------------------
-- 75_sustain.sql — the sustainability verdict: eight criteria of a company's
-- simulation, expected path and unit economics, each against a threshold,
-- scored as the weighted share of criteria met.
--
-- sustainability_score() scores given criterion values; sustainability()
-- gathers them from aibiz.simulate, aibiz.project, aibiz.unit_economics and
-- aibiz.investor and scores them.  Both are PL/pgSQL with search_path =
-- pg_catalog, pg_temp and every operator pg_catalog-qualified.
-- ---------------------------------------------------------------------------

-- Score eight criterion values (sustainability's order) against their thresholds.
CREATE FUNCTION @extschema@.sustainability_score(vals float8[],
												 thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8
AS $fn$
DECLARE
	names text[] := ARRAY['survival', 'npv_positive', 'ltv_cac', 'gross_margin',
						  'breakeven', 'risk_losses', 'concentration', 'moic']::pg_catalog.text[];
	cmps text[] := ARRAY['>=', '>=', '>=', '>=', '>=', '<=', '<=', '>=']::pg_catalog.text[];
	thr float8[] := ARRAY['0.8', '0.6', '3', '0.5', '0.5', '0.1', '0.8', '0.5']::pg_catalog.float8[];
	wts float8[] := ARRAY['1', '1', '1', '1', '1', '1', '1', '1']::pg_catalog.float8[];
	ok boolean[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::pg_catalog.bool[];
	maxw float8;
	met float8 := '0'::pg_catalog.float8;
	counted float8 := '0'::pg_catalog.float8;
	s float8;
	v text;
	i integer;
	k text;
	j jsonb;
	sk text;
	sj jsonb;
BEGIN
	IF vals IS NULL THEN
		RETURN;
	END IF;
	IF COALESCE(pg_catalog.array_ndims(vals), 0) OPERATOR(pg_catalog.<>) 1
	   OR pg_catalog.cardinality(vals) OPERATOR(pg_catalog.<>) 8 THEN
		RAISE EXCEPTION 'sustainability_score: vals must be a one-dimensional array of 8 criterion values, got %',
			COALESCE(pg_catalog.array_dims(vals), 'an empty array'::pg_catalog.text)
			USING ERRCODE = '22023',
				  DETAIL = pg_catalog.format('Criteria, in order: %s.', pg_catalog.array_to_string(names, ', '));
	END IF;

	-- overrides: {"name": threshold} or {"name": {"threshold": t, "weight": w}}
	IF thresholds IS NOT NULL THEN
		IF pg_catalog.jsonb_typeof(thresholds) OPERATOR(pg_catalog.<>) 'object'::pg_catalog.text THEN
			RAISE EXCEPTION 'sustainability thresholds must be a jsonb object, got %',
				pg_catalog.jsonb_typeof(thresholds)
				USING ERRCODE = '22023',
					  HINT = 'Write {"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}.';
		END IF;
		FOR k, j IN SELECT e.key, e.value FROM pg_catalog.jsonb_each(thresholds) e ORDER BY e.key LOOP
			i := pg_catalog.array_position(names, k);
			IF i IS NULL THEN
				RAISE EXCEPTION 'sustainability thresholds: unknown criterion "%"', k
					USING ERRCODE = '22023',
						  DETAIL = pg_catalog.format('Valid criteria: %s.', pg_catalog.array_to_string(names, ', '));
			END IF;
			IF pg_catalog.jsonb_typeof(j) OPERATOR(pg_catalog.=) 'number'::pg_catalog.text THEN
				thr[i] := j::pg_catalog.float8;
			ELSIF pg_catalog.jsonb_typeof(j) OPERATOR(pg_catalog.=) 'object'::pg_catalog.text THEN
				FOR sk, sj IN SELECT e.key, e.value FROM pg_catalog.jsonb_each(j) e ORDER BY e.key LOOP
					IF pg_catalog.jsonb_typeof(sj) OPERATOR(pg_catalog.<>) 'number'::pg_catalog.text THEN
						RAISE EXCEPTION 'sustainability thresholds, criterion "%", key "%": expected a number', k, sk
							USING ERRCODE = '22023';
					END IF;
					IF sk OPERATOR(pg_catalog.=) 'threshold'::pg_catalog.text THEN
						thr[i] := sj::pg_catalog.float8;
					ELSIF sk OPERATOR(pg_catalog.=) 'weight'::pg_catalog.text THEN
						wts[i] := sj::pg_catalog.float8;
					ELSE
						RAISE EXCEPTION 'sustainability thresholds, criterion "%": unknown key "%"', k, sk
							USING ERRCODE = '22023',
								  DETAIL = 'Valid keys: threshold, weight.';
					END IF;
				END LOOP;
			ELSE
				RAISE EXCEPTION 'sustainability thresholds, criterion "%": expected a number or an object, got %',
					k, pg_catalog.jsonb_typeof(j)
					USING ERRCODE = '22023',
						  HINT = 'Write {"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}.';
			END IF;
			IF wts[i] OPERATOR(pg_catalog.<) '0'::pg_catalog.float8 THEN
				RAISE EXCEPTION 'sustainability thresholds, criterion "%", key "weight": value % is below 0', k, wts[i]
					USING ERRCODE = '22023';
			END IF;
		END LOOP;
	END IF;
	-- weights above 1e300 count relative to the largest, so no sum overflows
	maxw := (SELECT pg_catalog.max(w) FROM pg_catalog.unnest(wts) w);
	IF maxw OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 THEN
		RAISE EXCEPTION 'sustainability thresholds: every weight is 0'
			USING ERRCODE = '22023',
				  HINT = 'Give at least one criterion a weight above 0.';
	END IF;
	IF maxw OPERATOR(pg_catalog.<=) '1e300'::pg_catalog.float8 THEN
		maxw := '1'::pg_catalog.float8;
	END IF;

	-- a NULL value is undefined: reported, not counted; +-Infinity compare as numbers
	FOR i IN 1..8 LOOP
		IF vals[i] OPERATOR(pg_catalog.=) 'NaN'::pg_catalog.float8 THEN
			RAISE EXCEPTION 'sustainability_score: the value of criterion "%" is NaN', names[i]
				USING ERRCODE = '22023',
					  HINT = 'Pass NULL for a value that is undefined.';
		END IF;
		IF vals[i] IS NOT NULL THEN
			IF cmps[i] OPERATOR(pg_catalog.=) '>='::pg_catalog.text THEN
				ok[i] := vals[i] OPERATOR(pg_catalog.>=) thr[i];
			ELSE
				ok[i] := vals[i] OPERATOR(pg_catalog.<=) thr[i];
			END IF;
			counted := counted OPERATOR(pg_catalog.+) (wts[i] OPERATOR(pg_catalog./) maxw);
			IF ok[i] THEN
				met := met OPERATOR(pg_catalog.+) (wts[i] OPERATOR(pg_catalog./) maxw);
			END IF;
		END IF;
	END LOOP;

	IF counted OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		s := ('100'::pg_catalog.float8 OPERATOR(pg_catalog.*) met) OPERATOR(pg_catalog./) counted;
		IF s OPERATOR(pg_catalog.>=) '80'::pg_catalog.float8 THEN
			v := 'sustainable';
		ELSIF s OPERATOR(pg_catalog.>=) '50'::pg_catalog.float8 THEN
			v := 'fragile';
		ELSE
			v := 'unsustainable';
		END IF;
	END IF;

	FOR i IN 1..8 LOOP
		verdict := v;
		score := s;
		criterion := names[i];
		value := vals[i];
		threshold := thr[i];
		comparison := cmps[i];
		weight := wts[i];
		passed := ok[i];
		RETURN NEXT;
	END LOOP;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability_score(float8[], jsonb) IS
'scores 8 criterion values given in the order survival, npv_positive, ltv_cac, gross_margin, breakeven, risk_losses, concentration, moic (NULL = undefined, excluded from the score) against their thresholds, overridable per name in thresholds ({"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}); one row per criterion with the verdict and score repeated';

-- Gather the eight criterion values of a company and score them.
CREATE FUNCTION @extschema@.sustainability(revenue @extschema@.revenue_model,
										   risk @extschema@.risk_profile,
										   plan @extschema@.plan,
										   market record,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $fn$
DECLARE
	sim @extschema@.simulation;
	p @extschema@.projection;
	m record;
	ue record;
	vals float8[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::pg_catalog.float8[];
	mean_revenue float8;
	loss float8;
	profit float8;
BEGIN
	IF revenue IS NULL OR risk IS NULL OR plan IS NULL OR market IS NULL
	   OR horizon IS NULL OR trials IS NULL OR seed IS NULL THEN
		RETURN;
	END IF;
	-- a bad override fails before the simulation runs
	PERFORM FROM @extschema@.sustainability_score(vals, thresholds);

	sim := @extschema@.simulate(revenue, risk, plan, market, horizon, trials, seed);
	p := @extschema@.project(revenue, risk, plan, market, horizon);

	vals[1] := @extschema@.survival(sim, horizon);
	vals[2] := '1'::pg_catalog.float8 OPERATOR(pg_catalog.-) @extschema@.npv_cdf(sim, '0'::pg_catalog.float8);

	-- LTV/CAC; with churn 0 the lifetime is endless: +Infinity when an
	-- account earns a gross profit; undefined without paid acquisition or
	-- per-account revenue
	SELECT u.* INTO ue FROM @extschema@.unit_economics(revenue, plan) u;
	IF ue.ltv_to_cac IS NOT NULL THEN
		vals[3] := ue.ltv_to_cac;
	ELSIF ue.churn OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 AND ue.gross_margin IS NOT NULL
		  AND ue.cac OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		profit := ue.arpa OPERATOR(pg_catalog.*) ue.gross_margin;
		vals[3] := pg_catalog.sign(profit) OPERATOR(pg_catalog.*) 'Infinity'::pg_catalog.float8;
		IF profit OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 THEN
			vals[3] := '0'::pg_catalog.float8;
		END IF;
	END IF;

	-- gross margin and the largest stream kind's share, at month H of the expected path
	SELECT r.* INTO m FROM @extschema@.rows(p) r WHERE r.month OPERATOR(pg_catalog.=) horizon;
	IF m.revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[4] := m.gross_profit OPERATOR(pg_catalog./) m.revenue;
	END IF;
	IF m.gross_revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[7] := GREATEST(m.rev_subscription, m.rev_usage, m.rev_advertising, m.rev_licensing)
				   OPERATOR(pg_catalog./) m.gross_revenue;
	END IF;

	vals[5] := @extschema@.breakeven_probability(sim);

	-- mean risk loss per trial over mean revenue per trial (both over the horizon)
	loss := @extschema@.loss_mean(sim);
	SELECT pg_catalog.sum(f.mean) INTO mean_revenue FROM @extschema@.fan(sim) f
	WHERE f.metric OPERATOR(pg_catalog.=) 'revenue'::pg_catalog.text;
	IF mean_revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[6] := loss OPERATOR(pg_catalog./) mean_revenue;
	ELSIF loss OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[6] := 'Infinity'::pg_catalog.float8;
	END IF;

	vals[8] := (@extschema@.investor(sim)).p_moic_1;

	RETURN QUERY SELECT s.* FROM @extschema@.sustainability_score(vals, thresholds) s;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint, jsonb) IS
'sustainability verdict of a company over horizon months from trials simulated trials (seed) and its expected path: per criterion (survival at H >= 0.8, P(NPV > 0) >= 0.6, LTV/CAC >= 3, gross margin at H >= 0.5, breakeven probability >= 0.5, mean risk loss / mean revenue <= 0.1, largest stream kind''s share of revenue at H <= 0.8, P(MOIC >= 1) >= 0.5) its value, threshold, weight and whether it is met; score = 100 x weight met / weight of defined criteria; sustainable >= 80, fragile >= 50, else unsustainable; thresholds overrides per criterion; no rows when an input is NULL';

-- The same for a row of aibiz.companies.
CREATE FUNCTION @extschema@.sustainability(company @extschema@.companies,
										   market record,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $fn$
BEGIN
	IF company IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY SELECT s.* FROM @extschema@.sustainability(company.revenue, company.risk, company.plan,
		market, horizon, trials, seed, thresholds) s;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.companies, record, int, int, bigint, jsonb) IS
'sustainability verdict of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- The verdict of a company in the market of aibiz.markets with this name.
CREATE FUNCTION @extschema@.sustainability(revenue @extschema@.revenue_model,
										   risk @extschema@.risk_profile,
										   plan @extschema@.plan,
										   market text,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $$ SELECT s.* FROM @extschema@.sustainability($1, $2, $3, @extschema@.market_by_name($4),
												 $5, $6, $7, $8) s $$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint, jsonb) IS
'as aibiz.sustainability with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none; no rows when the name is NULL';

-- The verdict of a row of aibiz.companies in the market of aibiz.markets with this name.
CREATE FUNCTION @extschema@.sustainability(company @extschema@.companies,
										   market text,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $$ SELECT s.* FROM @extschema@.sustainability($1, @extschema@.market_by_name($2),
												 $3, $4, $5, $6) s $$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.companies, text, int, int, bigint, jsonb) IS
'as aibiz.sustainability of a row of aibiz.companies with aibiz.market_by_name(market); 22023 listing the valid names when there is none';

-- ---------------------------------------------------------------------------
-- 80_sample.sql — aibiz.sample_companies(n, seed): plausible, varied
-- companies across the shipped markets, for demos and benchmarks.
--
-- Deterministic: every draw is a hash of (seed, company, field) through
-- hashint8extended, never random(), so the same (n, seed) gives the same
-- rows on every server.  Each run of 12 consecutive companies covers the 12
-- shipped markets once, in an order drawn per run.  A latent "quality" draw
-- moves churn, acquisition cost, organic reach and spending discipline
-- together, so the sample spreads from sustainable through fragile to
-- failing companies.
--
-- The function runs with search_path = pg_catalog, pg_temp, and every
-- operator and function it calls is written pg_catalog-qualified
-- (OPERATOR(pg_catalog.*) and so on, parenthesised because OPERATOR() has one
-- precedence for all operators), so nothing a user creates can take part.
-- ---------------------------------------------------------------------------

-- Generate n sample companies for seed, ready to insert into aibiz.companies;
-- id is the company's number i (1..n): its draws depend on (seed, i) alone,
-- so company i is the same whatever n.
CREATE FUNCTION @extschema@.sample_companies(n integer, seed bigint DEFAULT 0)
RETURNS TABLE (id bigint, name text, market_id integer,
			   revenue @extschema@.revenue_model,
			   risk @extschema@.risk_profile,
			   plan @extschema@.plan)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	n_markets integer;
BEGIN
	IF (n OPERATOR(pg_catalog.<) 0) THEN
		RAISE EXCEPTION 'sample_companies: n must be >= 0, got %', n
			USING ERRCODE = '22023';
	END IF;
	IF (n OPERATOR(pg_catalog.>) 10000000) THEN
		RAISE EXCEPTION 'sample_companies: n % exceeds the limit of 10000000', n
			USING ERRCODE = '54000',
				  HINT = 'Generate in batches with different seeds.';
	END IF;
	IF (n OPERATOR(pg_catalog.=) 0) THEN
		RETURN;
	END IF;
	SELECT pg_catalog.count(*) INTO n_markets FROM @extschema@.markets mk
	WHERE mk.builtin AND (mk.id OPERATOR(pg_catalog.>=) 1) AND (mk.id OPERATOR(pg_catalog.<=) 12);
	IF (n_markets OPERATOR(pg_catalog.=) 0) THEN
		RAISE EXCEPTION 'sample_companies needs the shipped markets, and none is left in aibiz.markets'
			USING ERRCODE = '22023';
	END IF;

	RETURN QUERY
	WITH
	-- Typical figures per shipped market: the chance each revenue stream is
	-- present, its central price and volume, the acquisition cost of an
	-- account, its monthly churn and the cost of a training run.  Every
	-- company scatters around them.
	prof (slug, noun, sub_p, sub_price, sub_seats, use_p, use_price, use_units,
		  adv_p, adv_users, adv_impr, adv_cpm, lic_p, lic_deals, lic_fee,
		  lic_royalty, lic_base, cac, churn, train) AS (VALUES
		('fintech.credit_scoring', 'Credit',
		 0.6, 2000, 2, 0.7, 0.15, 20000, 0.0, 0, 0, 0, 0.25, 3, 150000, 0, 0,
		 60000, 0.012, 150000),
		('fintech.quant_trading', 'Capital',
		 0.7, 5000, 2, 0.4, 0.01, 200000, 0.0, 0, 0, 0, 0.35, 2, 300000, 0.02, 200000,
		 90000, 0.025, 250000),
		('fintech.insurance_service', 'Assure',
		 0.8, 120, 30, 0.6, 0.05, 40000, 0.0, 0, 0, 0, 0.1, 2, 100000, 0, 0,
		 35000, 0.012, 100000),
		('healthcare.diagnosis', 'Diagnostics',
		 0.8, 3000, 1, 0.6, 4, 800, 0.0, 0, 0, 0, 0.15, 2, 250000, 0, 0,
		 70000, 0.008, 300000),
		('healthcare.drug_discovery', 'Therapeutics',
		 0.4, 20000, 1, 0.2, 50, 300, 0.0, 0, 0, 0, 0.9, 2, 800000, 0.02, 2000000,
		 250000, 0.01, 600000),
		('healthcare.health_management', 'Health',
		 0.8, 3, 500, 0.3, 0.2, 2000, 0.15, 2000, 20, 8, 0.0, 0, 0, 0, 0,
		 15000, 0.018, 80000),
		('logistics.warehouse', 'Stock',
		 0.9, 900, 2, 0.4, 0.02, 30000, 0.0, 0, 0, 0, 0.05, 2, 80000, 0, 0,
		 15000, 0.015, 60000),
		('logistics.routing', 'Routes',
		 0.5, 300, 5, 0.8, 0.08, 5000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 9000, 0.02, 60000),
		('logistics.supply_chain_finance', 'Trade',
		 0.4, 4000, 1, 0.7, 3, 2000, 0.0, 0, 0, 0, 0.4, 3, 200000, 0, 0,
		 55000, 0.01, 150000),
		('ecommerce.recommendation', 'Commerce',
		 0.7, 300, 1, 0.5, 0.0005, 500000, 0.5, 3000, 25, 3, 0.0, 0, 0, 0, 0,
		 4000, 0.03, 100000),
		('ecommerce.behaviour_prediction', 'Insights',
		 0.8, 250, 1, 0.5, 0.001, 200000, 0.3, 2000, 20, 3, 0.0, 0, 0, 0, 0,
		 3500, 0.03, 80000),
		('ecommerce.fraud_detection', 'Shield',
		 0.4, 400, 1, 0.9, 0.01, 30000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 6000, 0.015, 100000)
	),
	mk AS (
		SELECT m.id, m.regulatory_intensity AS reg, m.data_sensitivity AS sens, p.*
		FROM @extschema@.markets m
		JOIN prof p ON (p.slug OPERATOR(pg_catalog.=) m.name)
		WHERE m.builtin AND (m.id OPERATOR(pg_catalog.>=) 1) AND (m.id OPERATOR(pg_catalog.<=) 12)
	),
	k AS (SELECT pg_catalog.count(*)::int AS nm FROM mk),
	-- one shuffled order of the markets per run of nm companies
	blocks AS (
		SELECT b.blk,
			   pg_catalog.array_agg(mk.id ORDER BY pg_catalog.hashint8extended(((b.blk OPERATOR(pg_catalog.*) 64) OPERATOR(pg_catalog.+) mk.id), seed), mk.id) AS ids
		FROM k, pg_catalog.generate_series(0, ((n OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm)) b (blk)
		CROSS JOIN mk
		GROUP BY b.blk
	),
	co AS (
		SELECT g.i, mk.*,
			   -- 80 uniform draws in [0, 1) per company, u[f] for field f
			   ARRAY(SELECT (((pg_catalog.hashint8extended(((g.i::bigint OPERATOR(pg_catalog.*) 128) OPERATOR(pg_catalog.+) f), seed) OPERATOR(pg_catalog.>>) 11)
							 OPERATOR(pg_catalog.&) 9007199254740991)::float8 OPERATOR(pg_catalog./) 9007199254740992.0)
					 FROM pg_catalog.generate_series(1, 80) f ORDER BY f) AS u
		FROM k CROSS JOIN pg_catalog.generate_series(1, n) g (i)
		JOIN blocks bl ON (bl.blk OPERATOR(pg_catalog.=) ((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm))
		JOIN mk ON (mk.id OPERATOR(pg_catalog.=) bl.ids[(((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog.%) k.nm) OPERATOR(pg_catalog.+) 1)])
	),
	-- company-level draws: stage, quality, which streams
	base AS (
		SELECT co.*,
			   CASE WHEN (u[3] OPERATOR(pg_catalog.<) 0.45) THEN 0 WHEN (u[3] OPERATOR(pg_catalog.<) 0.85) THEN 1 ELSE 2 END AS stage,
			   u[4] AS q,
			   (u[5] OPERATOR(pg_catalog.<) sub_p) AS has_sub,
			   (u[10] OPERATOR(pg_catalog.<) use_p) AS has_use,
			   (u[15] OPERATOR(pg_catalog.<) adv_p) AS has_adv,
			   (u[17] OPERATOR(pg_catalog.<) lic_p) AS has_lic
		FROM co
	),
	streams AS (
		SELECT b.*,
			   -- at least one stream: the market's most likely one
			   has_sub OR (NOT (has_use OR has_adv OR has_lic)
						   AND (sub_p OPERATOR(pg_catalog.>=) greatest(use_p, lic_p))) AS w_sub,
			   has_use OR (NOT (has_sub OR has_adv OR has_lic)
						   AND (use_p OPERATOR(pg_catalog.>) sub_p) AND (use_p OPERATOR(pg_catalog.>=) lic_p)) AS w_use,
			   has_lic OR (NOT (has_sub OR has_use OR has_adv)
						   AND (lic_p OPERATOR(pg_catalog.>) greatest(sub_p, use_p))) AS w_lic
		FROM base b
	),
	rev AS (
		SELECT s.*,
			   pg_catalog.concat_ws(' + ',
				 CASE WHEN w_sub THEN pg_catalog.format(
					 'subscription(price=%s, seats=%s, attach=%s%%, expansion=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) :: numeric, (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])))::int)),
					 greatest(1, pg_catalog.round(sub_seats OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[7]))),
					 CASE WHEN w_use OR has_adv OR w_lic THEN pg_catalog.round((40 OPERATOR(pg_catalog.+) (60 OPERATOR(pg_catalog.*) u[7]))::numeric) ELSE 100 END,
					 pg_catalog.round((u[9] OPERATOR(pg_catalog.*) 1.2)::numeric, 1),
					 pg_catalog.round(((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8]))))::int)),
					 pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[8]))::numeric))
				 END,
				 CASE WHEN w_use THEN pg_catalog.format(
					 'usage(price=%s, units=%s, growth=%s%%, price_decline=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11]))::numeric,
						   (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])))::int)),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.<) 0.5) THEN pg_catalog.format('pert(%s, %s, %s)',
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12]))))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12]))))::int)))
						  ELSE pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric,
									 (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int))::text
					 END,
					 pg_catalog.round((u[14] OPERATOR(pg_catalog.*) 2.5)::numeric, 1),
					 pg_catalog.round((5 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[14]))::numeric),
					 pg_catalog.round(((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13]))))::int)),
					 pg_catalog.round((15 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[13]))::numeric))
				 END,
				 CASE WHEN has_adv THEN pg_catalog.format(
					 'advertising(impressions=%s, cpm=%s, users=%s, fill=%s%%, growth=%s%%, cost=%s)',
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.5) AND (u[19] OPERATOR(pg_catalog.<) 0.75)
						  THEN pg_catalog.format('triangular(%s, %s, %s)',
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) 0.5)::numeric), pg_catalog.round(adv_impr::numeric),
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (1.5 OPERATOR(pg_catalog.+) u[16]))::numeric))
						  ELSE pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric)::text
					 END,
					 pg_catalog.round((adv_cpm OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric, 1),
					 pg_catalog.round((adv_users OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[16])))::numeric, -2),
					 pg_catalog.round((40 OPERATOR(pg_catalog.+) (50 OPERATOR(pg_catalog.*) u[16]))::numeric),
					 pg_catalog.round((u[16] OPERATOR(pg_catalog.*) 1.5)::numeric, 1),
					 pg_catalog.round((0.005 OPERATOR(pg_catalog.+) (0.01 OPERATOR(pg_catalog.*) u[16]))::numeric, 3))
				 END,
				 CASE WHEN w_lic THEN pg_catalog.format(
					 'licensing(deals=%s, fee=%s, royalty=%s%%, base=%s, term=%s, cost=%s)',
					 pg_catalog.round((lic_deals OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.75)
						  THEN pg_catalog.format('lognormal(%s, %s)',
									  pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
									  pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.6)::numeric, -3))
						  ELSE pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3)::text
					 END,
					 pg_catalog.round(((lic_royalty OPERATOR(pg_catalog.*) 100) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 pg_catalog.round((lic_base OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
					 (12 OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[18] OPERATOR(pg_catalog.*) 4)::int)),
					 pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.1)::numeric, -3))
				 END) AS revenue_text
		FROM streams s
	),
	-- the risk register: each category present with a chance that follows the
	-- market (regulation with regulatory intensity, privacy with data
	-- sensitivity); sometimes with a strategy; regulation and market risks
	-- are market-wide (scope=market: shared by the companies of a market)
	rk AS (
		SELECT r.i,
			   pg_catalog.string_agg(pg_catalog.format('%s(freq=%s%s%s%s)', c.cat,
						  pg_catalog.round((c.f_lo OPERATOR(pg_catalog.+) ((c.f_hi OPERATOR(pg_catalog.-) c.f_lo) OPERATOR(pg_catalog.*) r.u[(48 OPERATOR(pg_catalog.+) c.k)]))::numeric, 2),
						  CASE
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'technology') THEN pg_catalog.format(', churn=triangular(1%%, %s%%, 10%%), cost=%s',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((3000 OPERATOR(pg_catalog.+) (12000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'competition') THEN pg_catalog.format(', price=triangular(1%%, %s%%, 12%%), share=%s%%',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((2 OPERATOR(pg_catalog.+) (8 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((30000 OPERATOR(pg_catalog.+) ((300000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) ((200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((8000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', churn=pert(0.5%%, %s%%, 8%%), loss=%s',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((20000 OPERATOR(pg_catalog.+) (100000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', loss=lognormal(%s, %s), churn=%s%%',
								  pg_catalog.round((100000 OPERATOR(pg_catalog.+) ((1500000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((80000 OPERATOR(pg_catalog.+) ((1200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN pg_catalog.format(', share=triangular(3%%, %s%%, 25%%)',
								  pg_catalog.round((5 OPERATOR(pg_catalog.+) (10 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'data') THEN pg_catalog.format(', cost=%s, churn=%s%%',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (10000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((0.5 OPERATOR(pg_catalog.+) (2.5 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  ELSE pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) (60000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((10000 OPERATOR(pg_catalog.+) (40000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) (4000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
						  END,
						  CASE
							  WHEN (r.u[(64 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.>=) 0.35) THEN ''
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', strategy=transfer(premium=%s, cover=%s%%)',
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((4000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -2), pg_catalog.round((50 OPERATOR(pg_catalog.+) (40 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', strategy=avoid(forgo=%s%%)',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN ''
							  ELSE pg_catalog.format(', strategy=mitigate(cost=%s, effect=%s%%)',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (15000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((25 OPERATOR(pg_catalog.+) (45 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
						  END,
						  -- a regulation change or a price war hits the whole market
						  CASE WHEN (c.cat OPERATOR(pg_catalog.=) ANY (ARRAY['regulation', 'market']::pg_catalog.text[]))
							   THEN ', scope=market' ELSE '' END), ' + ' ORDER BY c.k) AS risk_text
		FROM co r
		CROSS JOIN (VALUES
			(1, 'technology', 0.2, 0.8, 0.7, 0.0),
			(2, 'competition', 0.5, 2.0, 0.8, 0.0),
			(3, 'regulation', 0.05, 0.5, 0.1, 0.8),
			(4, 'ethics', 0.05, 0.3, 0.3, 0.0),
			(5, 'privacy', 0.05, 0.3, 0.1, 0.8),
			(6, 'market', 0.2, 0.8, 0.5, 0.0),
			(7, 'data', 0.1, 0.5, 0.4, 0.0),
			(8, 'team', 0.3, 1.0, 0.5, 0.0)
		) c (k, cat, f_lo, f_hi, p_base, p_market)
		WHERE (r.u[(40 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.<) (c.p_base OPERATOR(pg_catalog.+) (c.p_market OPERATOR(pg_catalog.*)
			  CASE WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN r.reg WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN r.sens ELSE 0 END)))
		GROUP BY r.i
	),
	-- the operating plan: stage sets cash and team size; quality moves churn,
	-- acquisition cost, organic reach and spending together
	pl0 AS (
		SELECT b.i, b.q, b.u,
			   greatest(2, pg_catalog.round(((ARRAY[6, 18, 45])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) (0.8 OPERATOR(pg_catalog.*) u[22])))::numeric)) AS heads,
			   pg_catalog.round((9000 OPERATOR(pg_catalog.+) (9000 OPERATOR(pg_catalog.*) u[23]))::numeric, -2) AS tcost,
			   pg_catalog.round(((ARRAY[30000, 100000, 300000])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[26])))::numeric, -3) AS budget,
			   CASE WHEN (u[32] OPERATOR(pg_catalog.<) 0.55)
					THEN pg_catalog.round(((b.train OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[33])) OPERATOR(pg_catalog.*) (ARRAY[0.4, 1, 2.5])[(stage OPERATOR(pg_catalog.+) 1)])::numeric, -3)
			   END AS train_cost,
			   (ARRAY[3, 6, 6, 12])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[33] OPERATOR(pg_catalog.*) 4)::int)] AS every,
			   (1 OPERATOR(pg_catalog.+) pg_catalog.floor((u[20] OPERATOR(pg_catalog.*) u[20]) OPERATOR(pg_catalog.*) (6 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) ((sub_p OPERATOR(pg_catalog.<) 0.5) OR (lic_p OPERATOR(pg_catalog.>) 0.5))::int)))::int) AS launch,
			   ((cac OPERATOR(pg_catalog.*) (1.8 OPERATOR(pg_catalog.-) (1.3 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[27]))) AS cac_v,
			   ((churn OPERATOR(pg_catalog.*) (1.6 OPERATOR(pg_catalog.-) (1.1 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[25]))) AS churn_v
		FROM base b
	),
	-- cash covers the planned monthly burn for 9 to 36 months
	pl AS (
		SELECT p.*,
			   ((((heads OPERATOR(pg_catalog.*) tcost) OPERATOR(pg_catalog.+) budget) OPERATOR(pg_catalog.+) coalesce((train_cost OPERATOR(pg_catalog./) every), 0))
			   OPERATOR(pg_catalog.*) (9 OPERATOR(pg_catalog.+) (27 OPERATOR(pg_catalog.*) u[21]))) AS cash
		FROM pl0 p
	),
	plans AS (
		SELECT p.i,
			   pg_catalog.concat_ws(' + ',
				 pg_catalog.format('cash(amount=%s)', pg_catalog.round(p.cash::numeric, -5)),
				 pg_catalog.format('team(headcount=%s, cost=%s, growth=%s%%)',
						p.heads, p.tcost,
						pg_catalog.round((5 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[24]))::numeric)),
				 pg_catalog.format('product(launch=%s, churn=%s%%)', p.launch, pg_catalog.round((p.churn_v OPERATOR(pg_catalog.*) 100)::numeric, 2)),
				 pg_catalog.format('marketing(budget=%s, cac=%s, growth=%s%%, organic=%s%%)',
						p.budget,
						CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.25) AND (u[19] OPERATOR(pg_catalog.<) 0.5)
							 THEN pg_catalog.format('pert(%s, %s, %s)', pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 0.7)::numeric, -2),
										 pg_catalog.round(p.cac_v::numeric, -2), pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 2)::numeric, -2))
							 ELSE pg_catalog.round(p.cac_v::numeric, -2)::text
						END,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[28]))::numeric),
						pg_catalog.round((0.5 OPERATOR(pg_catalog.+) ((5 OPERATOR(pg_catalog.*) p.q) OPERATOR(pg_catalog.*) u[29]))::numeric, 2)),
				 CASE WHEN (u[30] OPERATOR(pg_catalog.<) 0.15) THEN pg_catalog.format('entry(mode=channel, cut=%s%%, reach=%s)',
						pg_catalog.round((15 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[31]))::numeric), pg_catalog.round((1.5 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[31]))::numeric, 1))
					  WHEN (u[30] OPERATOR(pg_catalog.<) 0.22) THEN pg_catalog.format('entry(mode=jv, stake=%s%%)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[31]))::numeric))
				 END,
				 CASE WHEN p.train_cost IS NOT NULL THEN pg_catalog.format('training(cost=%s, every=%s, decline=%s%%)',
						p.train_cost, p.every,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[33]))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.7) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(9 OPERATOR(pg_catalog.+) pg_catalog.floor(u[35] OPERATOR(pg_catalog.*) 15)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[36])))::numeric, -5),
						pg_catalog.round((35 OPERATOR(pg_catalog.+) ((60 OPERATOR(pg_catalog.*) u[37]) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) p.q))))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.25) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(30 OPERATOR(pg_catalog.+) pg_catalog.floor(u[38] OPERATOR(pg_catalog.*) 12)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (3 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[38])))::numeric, -5),
						pg_catalog.round((25 OPERATOR(pg_catalog.+) ((50 OPERATOR(pg_catalog.*) u[38]) OPERATOR(pg_catalog.*) p.q))::numeric))
				 END,
				 pg_catalog.format('valuation(discount=%s%%, multiple=%s)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[39]))::numeric), pg_catalog.round((3 OPERATOR(pg_catalog.+) (9 OPERATOR(pg_catalog.*) u[40]))::numeric, 1))
			   ) AS plan_text
		FROM pl p
	),
	named AS (
		SELECT r.i, r.id, r.revenue_text,
			   ((((ARRAY['Aster', 'Lumen', 'Nova', 'Quanta', 'Cobalt', 'Helix', 'Vertex', 'Orbit',
					  'Sable', 'Tessel', 'Kite', 'Ember', 'Iris', 'Polar', 'Cedar', 'Vela',
					  'Zephyr', 'Atlas', 'Bright', 'Clear', 'Deep', 'Fathom', 'Granite', 'Harbor'])
				   [(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[1] OPERATOR(pg_catalog.*) 24)::int)]
			   OPERATOR(pg_catalog.||) (ARRAY['', 'ly', 'ify', 'io', ' AI', 'Mind', 'Logic', 'Path',
						 'Signal', 'Scale', 'Sense', 'Works'])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[2] OPERATOR(pg_catalog.*) 12)::int)])
			   OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) r.noun) AS base_name
		FROM rev r
	)
	SELECT nd.i::bigint,
		   CASE WHEN (pg_catalog.row_number() OVER w OPERATOR(pg_catalog.=) 1) THEN nd.base_name
				ELSE ((nd.base_name OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) pg_catalog.row_number() OVER w) END,
		   nd.id,
		   nd.revenue_text::@extschema@.revenue_model,
		   coalesce(rk.risk_text, '')::@extschema@.risk_profile,
		   plans.plan_text::@extschema@.plan
	FROM named nd
	JOIN plans ON (plans.i OPERATOR(pg_catalog.=) nd.i)
	LEFT JOIN rk ON (rk.i OPERATOR(pg_catalog.=) nd.i)
	WINDOW w AS (PARTITION BY nd.base_name ORDER BY nd.i)
	ORDER BY nd.i;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sample_companies(integer, bigint) IS
	'n plausible, varied sample companies across the 12 shipped markets, deterministic for (n, seed); id is the company''s number 1..n, and company id is the same for every n >= id (so shards can each keep a slice, e.g. WHERE id % 3 = k); insert them into aibiz.companies';
