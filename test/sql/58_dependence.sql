-- 58_dependence: market-wide risks shared by the companies of one market,
-- Latin hypercube sampling, rank correlations and the convergence
-- tolerance of aibiz.simulate, end to end; trial_npvs() and settings().
\set VERBOSITY sqlstate
SET extra_float_digits = 0;

-- the SQLSTATE and message of a statement's error (NULL if none)
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---- trial_npvs() and settings() ----
-- A company without uncertainty: every trial is the expected path, so all
-- trial NPVs equal npv_mean; the array has one element per trial.
CREATE TEMP TABLE flat AS SELECT aibiz.simulate('usage(price=0.002, units=20000)',
	'', 'cash(amount=1M) + team(headcount=2, cost=10k) + product(churn=0.02) + marketing(budget=20k, cac=500)',
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 7, 3) AS s;
SELECT array_length(aibiz.trial_npvs(s), 1) AS n,
       (SELECT count(DISTINCT x) FROM unnest(aibiz.trial_npvs(s)) x) AS distinct_npvs,
       (aibiz.trial_npvs(s))[1] = aibiz.npv_mean(s) AS equals_mean,
       aibiz.settings(s) FROM flat;

-- ---- market-wide risks ----
-- rev/plan of a small company; km: a market-wide regulation risk (2 events a
-- year, lognormal losses of 200k) and a company technology risk; kc: the
-- same with both risks the company's own.  m1 and m2 differ by one account,
-- so they are different markets (different identities).
CREATE TEMP TABLE mw AS SELECT
	'usage(price=0.002, units=normal(20000, 5000))'::aibiz.revenue_model AS r,
	'regulation(freq=2, loss=lognormal(200k, 100k), scope=market) + technology(freq=1, loss=uniform(10k, 50k))'::aibiz.risk_profile AS km,
	'regulation(freq=2, loss=lognormal(200k, 100k)) + technology(freq=1, loss=uniform(10k, 50k))'::aibiz.risk_profile AS kc,
	'cash(amount=3M) + team(headcount=5, cost=10k) + product(churn=0.02) + marketing(budget=20k, cac=500)'::aibiz.plan AS p,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1) AS m1,
	aibiz.market(200001, 0.02, 0.03, 0.4, 0.1) AS m2;

-- Correlation of the trial NPVs of two companies simulated with different
-- seeds (so their own draws are independent), 4000 trials each.  The
-- regulation losses (2 a year x 200k over 36 months, against revenue noise
-- of 5000 units x 0.002 a month) dominate the NPV spread, so sharing them
-- gives a clearly positive r (above 0.5).  Independent pairs: r has
-- standard error 1/sqrt(4000) = 0.0158 around 0, so |r| < 3/sqrt(4000) =
-- 0.047 fails by chance 0.3 % of the time (and, the draws being fixed, the
-- result is the same on every run).
CREATE TEMP TABLE pairs AS
SELECT 'same market, market-wide' AS pair,
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m1, 36, 4000, 1)) AS a,
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m1, 36, 4000, 2)) AS b FROM mw
UNION ALL
SELECT 'other market, market-wide',
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m1, 36, 4000, 1)),
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m2, 36, 4000, 2)) FROM mw
UNION ALL
SELECT 'same market, other scenario',
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m1, 36, 4000, 1)),
       aibiz.trial_npvs(aibiz.simulate(r, km, p, m1, 36, 4000, 2, scenario => 1)) FROM mw
UNION ALL
SELECT 'same market, scope=company',
       aibiz.trial_npvs(aibiz.simulate(r, kc, p, m1, 36, 4000, 1)),
       aibiz.trial_npvs(aibiz.simulate(r, kc, p, m1, 36, 4000, 2)) FROM mw;
SELECT pair, round(corr(x, y)::numeric, 2) AS r,
       CASE WHEN pair = 'same market, market-wide' THEN corr(x, y) > 0.5
            ELSE abs(corr(x, y)) < 3 / sqrt(4000) END AS as_expected
  FROM pairs, unnest(a, b) u(x, y) GROUP BY pair ORDER BY pair;

-- Identical events trial by trial: a company whose only randomness is a
-- market-wide risk with a constant loss (regulation, 2 a year, 100k each)
-- has trial NPV = expected path - discounted losses, so two such companies
-- simulated with different seeds have equal NPVs in a trial exactly when
-- their events fall in the same months.  Market-wide: all 2000 trials equal;
-- company scope (seeds 1 and 2): only trials without events agree, about
-- P(no event in 36 months) = exp(-2 x 3) = 0.25 % of 2000 = 5 trials.
CREATE TEMP TABLE ev AS
SELECT scope, aibiz.trial_npvs(aibiz.simulate('usage(price=0.002, units=20000)',
		('regulation(freq=2, loss=100k' || CASE scope WHEN 'market' THEN ', scope=market)' ELSE ')' END)::aibiz.risk_profile,
		p, m1, 36, 2000, 1)) AS a,
       aibiz.trial_npvs(aibiz.simulate('usage(price=0.002, units=20000)',
		('regulation(freq=2, loss=100k' || CASE scope WHEN 'market' THEN ', scope=market)' ELSE ')' END)::aibiz.risk_profile,
		p, m1, 36, 2000, 2)) AS b
  FROM mw, (VALUES ('market'), ('company')) v(scope);
SELECT scope, count(*) FILTER (WHERE x = y) AS equal_trials,
       count(DISTINCT x) > 20 AS npvs_vary
  FROM ev, unnest(a, b) u(x, y) GROUP BY scope ORDER BY scope;

-- ---- a portfolio's tail ----
-- 30 sample companies in one market, each simulated with its own seed
-- (seed => id): once with every risk the company's own (scope=market
-- removed), once with competition, regulation and market risks
-- market-wide (the samples mark regulation and market risks so; competition
-- is made so here).  Shared events hit many
-- companies in the same trial, so the portfolio's losses add up instead of
-- averaging out: its P5 NPV is lower (the means agree within noise, since
-- every company keeps its own distributions).  Figures (2000 trials, 60
-- months): see the output and docs/dependence.md.
CREATE TABLE dep_port AS
SELECT id, revenue, replace(risk::text, ', scope=market', '')::aibiz.risk_profile AS own,
       replace(risk::text, 'competition(', 'competition(scope=market, ')::aibiz.risk_profile AS shared,
       plan
  FROM aibiz.sample_companies(30);
SELECT count(*) FILTER (WHERE shared::text LIKE '%scope=market%') > 20 AS most_share,
       count(*) FILTER (WHERE own::text LIKE '%scope=market%') AS own_shared FROM dep_port;
CREATE TEMP TABLE tails AS
SELECT aibiz.portfolio(aibiz.simulate(revenue, own, plan, m1, 60, 2000, id)) AS own,
       aibiz.portfolio(aibiz.simulate(revenue, shared, plan, m1, 60, 2000, id)) AS shared
  FROM dep_port, mw;
SELECT round(aibiz.npv_quantile(own, 0.05)::numeric, -4) AS p5_own,
       round(aibiz.npv_quantile(shared, 0.05)::numeric, -4) AS p5_shared,
       aibiz.npv_quantile(shared, 0.05) < aibiz.npv_quantile(own, 0.05) AS shared_lower,
       aibiz.npv_stddev(shared) > aibiz.npv_stddev(own) AS shared_wider
  FROM tails;

-- ---- serial, parallel and shuffled portfolios agree bit for bit ----
-- A portfolio is an exact fixed-point sum and each member's market-wide
-- draws depend only on (scenario, market, trial): workers, order and
-- plan do not change a byte.
ALTER TABLE dep_port SET (parallel_workers = 2);
ANALYZE dep_port;
CREATE TEMP TABLE md5s (how text, h text);
SET max_parallel_workers_per_gather = 0;
INSERT INTO md5s SELECT 'serial', md5(aibiz.portfolio(aibiz.simulate(revenue, shared, plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 500, id))::text) FROM dep_port;
INSERT INTO md5s SELECT 'shuffled', md5(aibiz.portfolio(aibiz.simulate(revenue, shared, plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 500, id) ORDER BY random())::text) FROM dep_port;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT aibiz.portfolio(aibiz.simulate(revenue, shared, plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 500, id)) FROM dep_port;
SELECT md5(aibiz.portfolio(aibiz.simulate(revenue, shared, plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 500, id))::text) AS h FROM dep_port \gset
INSERT INTO md5s VALUES ('parallel', :'h');
RESET max_parallel_workers_per_gather;
SELECT count(*) AS runs, count(DISTINCT h) AS distinct_bytes FROM md5s;

-- A portfolio whose members differ in scenario and sampling says so with
-- nulls; its members' requested trials were 300 each.
SELECT aibiz.settings(aibiz.portfolio(s)) FROM (
	SELECT aibiz.simulate(r, km, p, m1, 12, 300, 1) AS s FROM mw
	UNION ALL
	SELECT aibiz.simulate(r, km, p, m1, 12, 300, 2, scenario => 3, sampling => 'lhs') FROM mw) x;

-- ---- correlations: errors (22023, naming the inputs) ----
CREATE TEMP TABLE ic AS SELECT
	'subscription(price=uniform(20, 40)) + usage(price=0.002, units=lognormal(40000, 15000))'::aibiz.revenue_model AS r,
	'competition(freq=uniform(0.1, 0.6), loss=lognormal(20000, 10000))'::aibiz.risk_profile AS k,
	'competition(freq=uniform(0.1, 0.6), loss=lognormal(20000, 10000), scope=market)'::aibiz.risk_profile AS km,
	'cash(amount=500000) + team(headcount=4, cost=9000) + product(churn=0.03) + marketing(budget=8000, cac=400)'::aibiz.plan AS p;
SELECT pg_temp.err($$SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	correlations => '{"usage.unitz|subscription.price": 0.5}') FROM ic$$);
SELECT pg_temp.err($$SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	correlations => '{"advertising.cpm|subscription.price": 0.5}') FROM ic$$);
-- 0.9, 0.9, -0.9: determinant 1 - 3 x 0.81 - 2 x 0.729 = -2.888 < 0
SELECT pg_temp.err($$SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	correlations => '{"usage.units|subscription.price": 0.9, "usage.units|competition.freq": 0.9,
	                  "subscription.price|competition.freq": -0.9}') FROM ic$$);
-- a market-wide freq is shared by the market: never rearranged
SELECT pg_temp.err($$SELECT aibiz.simulate(r, km, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	correlations => '{"usage.units|competition.freq": 0.5}') FROM ic$$);
SELECT pg_temp.err($$SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	sampling => 'qmc') FROM ic$$);
SELECT pg_temp.err($$SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 100,
	tolerance => 0) FROM ic$$);
-- correlated and stratified: the same bytes on repeat, and settings say so
SELECT md5(a::text) = md5(b::text) AS same_bytes, aibiz.settings(a)
  FROM (SELECT aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 2000, 7,
	               sampling => 'lhs', correlations => '{"usage.units|subscription.price": -0.6}') AS a,
               aibiz.simulate(r, k, p, aibiz.market(20000, 0, 0.03, 0.4, 0.05), 36, 2000, 7,
	               sampling => 'lhs', correlations => '{"usage.units|subscription.price": -0.6}') AS b
          FROM ic OFFSET 0) x;

-- ---- Latin hypercube: steadier means ----
-- A model dominated by one input (usage units uniform on 10k..50k, no
-- risks): the standard deviation over 50 seeds of the mean NPV of 200
-- trials.  Plain Monte Carlo: sd(NPV) / sqrt(200) = 321,977 / 14.14 =
-- 22,768 (sd of NPV from 100,000 trials); measured 22,721.  Latin
-- hypercube: NPV is nearly linear in units, whose stratified mean over 200
-- slices is almost exact, so the spread falls to 120 (ratio 0.005; the
-- test asks for below 0.5).  Both average the same mean: the expected path
-- at units = 30,000 has NPV -464,294 (aibiz.project), the 50 Latin
-- hypercube means average -464,282 and the plain ones -465,877, within
-- 3 x 22,721 / sqrt(50) = 9,640.
CREATE TEMP TABLE lhs AS
SELECT sampling, seed, aibiz.npv_mean(aibiz.simulate('usage(price=0.002, units=uniform(10000, 50000))'::aibiz.revenue_model,
		''::aibiz.risk_profile,
		'cash(amount=2M) + team(headcount=3, cost=10k) + product(churn=0.02) + marketing(budget=20k, cac=500)'::aibiz.plan,
		aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 200, seed, sampling => sampling)) AS mean
  FROM (VALUES ('mc'), ('lhs')) v(sampling), generate_series(1, 50) seed;
SELECT round(((SELECT stddev(mean) FROM lhs WHERE sampling = 'lhs') /
             (SELECT stddev(mean) FROM lhs WHERE sampling = 'mc'))::numeric, 3) AS sd_ratio,
       (SELECT stddev(mean) FROM lhs WHERE sampling = 'lhs') <
       0.5 * (SELECT stddev(mean) FROM lhs WHERE sampling = 'mc') AS lhs_steadier,
       abs((SELECT avg(mean) FROM lhs WHERE sampling = 'lhs') - (SELECT avg(mean) FROM lhs WHERE sampling = 'mc'))
       < 3 * (SELECT stddev(mean) FROM lhs WHERE sampling = 'mc') / sqrt(50) AS same_mean;

-- ---- convergence ----
-- tolerance 0.003: batches of 1000 until 1.96 sd / sqrt(n) <= 0.003 |mean|.
-- This company has mean NPV -2,100,288 and sd 298,421 (10,000 trials,
-- seed 5), sd / |mean| = 0.1421, so the rule needs
-- n >= (1.96 x 0.1421 / 0.003)^2 = 8,618: the first whole batch is 9,000.
-- The rule holds at the reported n and not at n - 1000; with plain Monte
-- Carlo the first n - 1000 trials are the simulation of n - 1000 trials.
CREATE TEMP TABLE conv AS SELECT aibiz.simulate(r, km, p, m1, 36, 50000, 5, tolerance => 0.003) AS s FROM mw;
CREATE TEMP TABLE conv_prev AS SELECT aibiz.simulate(r, km, p, m1, 36, aibiz.trials(s) - 1000, 5) AS s FROM mw, conv;
SELECT aibiz.trials(c.s) AS reached, aibiz.trials(c.s) % 1000 = 0 AS whole_batches,
       aibiz.trials(c.s) BETWEEN 2000 AND 49000 AS stopped_early,
       (aibiz.settings(c.s))->'requested_trials' AS requested,
       1.96 * aibiz.npv_stddev(c.s) / sqrt(aibiz.trials(c.s)) <= 0.003 * abs(aibiz.npv_mean(c.s)) AS met,
       1.96 * aibiz.npv_stddev(v.s) / sqrt(aibiz.trials(v.s)) > 0.003 * abs(aibiz.npv_mean(v.s)) AS not_met_before,
       aibiz.trial_npvs(v.s) = (aibiz.trial_npvs(c.s))[1:aibiz.trials(v.s)] AS prefix
  FROM conv c, conv_prev v;
-- The value stopped early is complete: its text form reads back to the
-- same bytes, and its statistics count the trials reached.
SELECT (s::text::aibiz.simulation)::text = s::text AS text_roundtrip,
       (aibiz.statistics(s)).trials AS statistics_trials,
       (SELECT count(*) FROM aibiz.fan(s)) AS fan_rows
  FROM conv;
-- Unconverged at the maximum: a NOTICE, and all trials kept (the rule
-- would need about (1.96 x 0.1421 / 0.0001)^2 = 7.8 million trials).
\set VERBOSITY default
SELECT aibiz.trials(aibiz.simulate(r, km, p, m1, 36, 2000, 5, tolerance => 0.0001)) AS trials,
       (aibiz.settings(aibiz.simulate(r, km, p, m1, 36, 2000, 5, tolerance => 0.0001)))->'requested_trials' AS requested
  FROM mw;
\set VERBOSITY sqlstate
-- Same bytes on repeat and in parallel workers: 8 companies (mc and lhs)
-- with a tolerance, summed as hashes in a parallel aggregate.  Each needs
-- about (1.96 x 0.1421 / 0.005)^2 = 3,103 trials, so 3,000 or 4,000 (near
-- the boundary a sample's own sd decides): 24,000 to 32,000 in all.
CREATE TABLE dep_conv AS SELECT g AS seed, CASE WHEN g % 2 = 0 THEN 'lhs' ELSE 'mc' END AS sampling,
	r, km, p FROM mw, generate_series(1, 8) g;
ALTER TABLE dep_conv SET (parallel_workers = 2);
ANALYZE dep_conv;
CREATE TEMP TABLE conv_h (how text, n bigint, h numeric);
SET max_parallel_workers_per_gather = 0;
INSERT INTO conv_h SELECT 'serial', sum(aibiz.trials(s)), sum(('x' || substr(md5(s::text), 1, 8))::bit(32)::int)
  FROM (SELECT aibiz.simulate(r, km, p, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 20000, seed,
                              sampling => sampling, tolerance => 0.005) s FROM dep_conv) x;
INSERT INTO conv_h SELECT 'repeat', sum(aibiz.trials(s)), sum(('x' || substr(md5(s::text), 1, 8))::bit(32)::int)
  FROM (SELECT aibiz.simulate(r, km, p, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 20000, seed,
                              sampling => sampling, tolerance => 0.005) s FROM dep_conv) x;
SET max_parallel_workers_per_gather = 2;
-- the simulations run under the Partial Aggregate, in the workers
EXPLAIN (COSTS OFF) SELECT sum(aibiz.trials(aibiz.simulate(r, km, p, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 20000, seed,
                              sampling => sampling, tolerance => 0.005))) FROM dep_conv;
SELECT sum(aibiz.trials(aibiz.simulate(r, km, p, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 20000, seed,
                              sampling => sampling, tolerance => 0.005))) AS n,
       sum(('x' || substr(md5(aibiz.simulate(r, km, p, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 20000, seed,
                              sampling => sampling, tolerance => 0.005)::text), 1, 8))::bit(32)::int) AS h
  FROM dep_conv \gset
INSERT INTO conv_h VALUES ('parallel', :n, :h);
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SELECT count(*) AS runs, count(DISTINCT (n, h)) AS distinct_results, min(n) AS trials_of_8 FROM conv_h;

DROP TABLE dep_port, dep_conv;
