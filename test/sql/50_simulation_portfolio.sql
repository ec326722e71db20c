-- 50_simulation_portfolio: aibiz.portfolio — exact trial-wise sums that are
-- bit-identical serially, in parallel and in any order; closed under
-- itself; what a portfolio keeps and drops; mismatches.
\set VERBOSITY sqlstate

-- (regular tables: parallel workers cannot read temporary ones)
CREATE TABLE inputs AS SELECT
	'subscription(price=pert(40,50,70), seats=2) + usage(price=0.002, units=normal(20000,5000))'::aibiz.revenue_model AS revenue,
	'competition(freq=2, churn=uniform(0,5%)) + regulation(freq=1, loss=lognormal(50k,20k))'::aibiz.risk_profile AS risk,
	'cash(amount=300k) + team(headcount=3, cost=10k) + product(churn=triangular(1%,2%,4%)) + marketing(budget=10k, cac=500, organic=1%)'::aibiz.plan AS plan,
	aibiz.market(50000, 0.02, 0.03, 0.4, 0.1) AS market;

-- 20000 simulations of 64 trials x 12 months, each with its own seed
CREATE TABLE sims (id int PRIMARY KEY, sim aibiz.simulation);
INSERT INTO sims SELECT g, aibiz.simulate(revenue, risk, plan, market, 12, 64, g) FROM inputs, generate_series(1, 20000) g;
ALTER TABLE sims SET (parallel_workers = 2);
ANALYZE sims;
CREATE TABLE firms AS SELECT g AS id, revenue, risk, plan, market FROM inputs, generate_series(1, 2000) g;
ALTER TABLE firms SET (parallel_workers = 2);
ANALYZE firms;

CREATE TEMP TABLE results (how text PRIMARY KEY, p aibiz.simulation);
-- serially, in table order and in two other orders
SET max_parallel_workers_per_gather = 0;
INSERT INTO results SELECT 'serial', aibiz.portfolio(sim) FROM sims;
INSERT INTO results SELECT 'serial, descending', aibiz.portfolio(sim ORDER BY id DESC) FROM sims;
INSERT INTO results SELECT 'serial, shuffled', aibiz.portfolio(sim ORDER BY md5(id::text)) FROM sims;
-- a portfolio of portfolios (by id mod 7) is the portfolio
INSERT INTO results SELECT 'portfolio of portfolios', aibiz.portfolio(p)
	FROM (SELECT aibiz.portfolio(sim) AS p FROM sims GROUP BY id % 7) g;
-- Forced parallel: two workers each aggregate part of the table, the leader
-- combines.  (CREATE TABLE AS may run in parallel; INSERT ... SELECT may not.)
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
	CREATE TEMP TABLE par AS SELECT aibiz.portfolio(sim) AS p FROM sims;
INSERT INTO results SELECT 'parallel', p FROM par;
-- in parallel with the simulations themselves run in the workers: 2000
-- companies, the same inputs, seeds 1..2000 (so the serial answer is the
-- portfolio of the first 2000 stored simulations)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
	CREATE TEMP TABLE par_sim AS SELECT aibiz.portfolio(aibiz.simulate(revenue, risk, plan, market, 12, 64, id)) AS p
	FROM firms;
INSERT INTO results SELECT 'parallel simulate', p FROM par_sim;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
INSERT INTO results SELECT 'serial simulate', aibiz.portfolio(sim) FROM sims WHERE id <= 2000;

-- every way gives the same bytes
SELECT how, md5(p::text) = (SELECT md5(p::text) FROM results WHERE how = 'serial') AS same_as_serial
FROM results WHERE how NOT LIKE '%simulate' ORDER BY how;
SELECT (SELECT p::text FROM results WHERE how = 'parallel simulate')
	 = (SELECT p::text FROM results WHERE how = 'serial simulate') AS parallel_simulate_same;

-- What a portfolio is: 20000 members, 64 trials, 12 months; mixed seeds
SELECT aibiz.members(p), aibiz.trials(p), aibiz.horizon(p), p::text LIKE 'simulation v3 trials=64 horizon=12 members=20000 seed=mixed slots=% data=%' AS header
FROM results WHERE how = 'serial';
-- Trial-wise sums: the portfolio's mean NPV and ARR are the sums of the
-- members' (to rounding: each member's mean is rounded once)
SELECT round((aibiz.npv_mean(p) / (SELECT sum(aibiz.npv_mean(sim)) FROM sims))::numeric, 9) AS npv_ratio,
	round((aibiz.arr_mean(p) / (SELECT sum(aibiz.arr_mean(sim)) FROM sims))::numeric, 9) AS arr_ratio,
	round((aibiz.loss_mean(p) / (SELECT sum(aibiz.loss_mean(sim)) FROM sims))::numeric, 9) AS loss_ratio
FROM results WHERE how = 'serial';
-- survival is the expected share of members alive: the mean of the members'
-- survival; survival_curve's alive is the expected number of members alive
SELECT round((aibiz.survival(p, 12) / (SELECT avg(aibiz.survival(sim, 12)) FROM sims))::numeric, 9) AS survival_ratio,
	(SELECT round((alive / 20000 / survival)::numeric, 9) FROM aibiz.survival_curve(p) WHERE month = 12) AS alive_is_members_times_share
FROM results WHERE how = 'serial';
-- the fan of a portfolio has no quantiles (they cannot be summed) but keeps
-- the mean, which is the sum of the members' means
SELECT count(*) AS rows, bool_and(p5 IS NULL AND p25 IS NULL AND p50 IS NULL AND p75 IS NULL AND p95 IS NULL) AS quantiles_null,
	round((sum(mean) FILTER (WHERE month = 12 AND metric = 'revenue')
		   / (SELECT sum(f.mean) FROM sims, aibiz.fan(sim) f WHERE f.month = 12 AND f.metric = 'revenue'))::numeric, 9) AS revenue_mean_ratio
FROM results, aibiz.fan(p) WHERE how = 'serial';
-- risk totals add up: events per trial of the portfolio = sum over members
SELECT category, round((r.events_per_trial / nullif(m.events, 0))::numeric, 9) AS events_ratio
FROM results, aibiz.risk_attribution(p) r
	JOIN (SELECT category, sum(events_per_trial) AS events FROM sims, aibiz.risk_attribution(sim) GROUP BY category) m USING (category)
WHERE how = 'serial' AND category IN ('competition', 'regulation') ORDER BY category;

-- Death and breakeven of a portfolio trial: the first member death and the
-- last member's breakeven.  Two members: the portfolio's trial dies when
-- either does, so its survival is at most either member's, and its
-- breakeven probability at most either member's.
SELECT aibiz.survival(aibiz.portfolio(sim), 12) = (SELECT (aibiz.survival(a.sim, 12) + aibiz.survival(b.sim, 12)) / 2 FROM sims a, sims b WHERE a.id = 1 AND b.id = 2) AS survival_is_mean_share,
	-- a portfolio's summary counts survivors, not "any member fails": the
	-- mean survivors at the horizon are the alive share times the members
	-- (alive / trials = 2 * alive / (2 * trials), exact in binary), and no
	-- failure_probability is reported
	(aibiz.summary(aibiz.portfolio(sim))->>'survivors_mean')::float8
		= 2 * aibiz.survival(aibiz.portfolio(sim), 12)
		AND NOT aibiz.summary(aibiz.portfolio(sim)) ? 'failure_probability' AS survivors_not_failure,
	aibiz.breakeven_probability(aibiz.portfolio(sim)) <= least(min(aibiz.breakeven_probability(sim)), 1) AS breakeven_at_most_each
FROM sims WHERE id <= 2;
-- a portfolio of one simulation is that simulation, quantiles included
SELECT aibiz.portfolio(sim)::text = (SELECT sim::text FROM sims WHERE id = 5) AS single_member FROM sims WHERE id = 5;
-- adding the same simulation twice doubles every NPV: quantiles double exactly
SELECT aibiz.npv_quantile(aibiz.portfolio(sim), 0.3) = 2 * (SELECT aibiz.npv_quantile(sim, 0.3) FROM sims WHERE id = 5) AS doubled
FROM (SELECT sim FROM sims WHERE id = 5 UNION ALL SELECT sim FROM sims WHERE id = 5) x;

-- Mismatches are errors naming both sides.
\set VERBOSITY default
SELECT aibiz.portfolio(s) FROM (SELECT aibiz.simulate(revenue, risk, plan, market, 12, 64, 1) FROM inputs
	UNION ALL SELECT aibiz.simulate(revenue, risk, plan, market, 12, 65, 1) FROM inputs) x(s);
SELECT aibiz.portfolio(s) FROM (SELECT aibiz.simulate(revenue, risk, plan, market, 12, 64, 1) FROM inputs
	UNION ALL SELECT aibiz.simulate(revenue, risk, plan, market, 13, 64, 1) FROM inputs) x(s);
\set VERBOSITY sqlstate
-- NULLs are skipped, like sum()
SELECT aibiz.members(aibiz.portfolio(s)) FROM (SELECT sim FROM sims WHERE id <= 3 UNION ALL SELECT NULL) x(s);
-- the company overload and a portfolio by market, as analysts write it
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
	SELECT 'portfolio test ' || g, (SELECT min(id) FROM aibiz.markets), revenue, risk, plan FROM inputs, generate_series(1, 3) g;
SELECT aibiz.members(aibiz.portfolio(aibiz.simulate(c, m, trials => 64, horizon => 12, seed => c.id))),
	aibiz.trials(aibiz.portfolio(aibiz.simulate(c, m, trials => 64, horizon => 12, seed => c.id)))
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id WHERE c.name LIKE 'portfolio test %';
DELETE FROM aibiz.companies WHERE name LIKE 'portfolio test %';
DROP TABLE sims, firms, inputs;
