-- 57_equity: the investor's view, the paired comparison and the survivors
-- of a portfolio, each checked against a hand calculation.
\set VERBOSITY sqlstate
SET extra_float_digits = 0;

-- A company without revenue (no marketing: no accounts) and without
-- uncertainty, so every trial is the expected path: cash 1M at month 0,
-- rounds of 500k at months 12 and 24 (p = 100 %), a team of one at 10k a
-- month, discount 12.682503013196977 % a year (1 % a month), 36 months.
--   cash at 36: 1,000,000 + 2 * 500,000 - 36 * 10,000 = 1,640,000
--   exit = multiple * 12 * R_H + K_H = 0 + 1,640,000 (alive at 36)
--   contributions: 1,000,000 at 0, 500,000 at 12 and at 24: 2,000,000
--   MOIC = 1,640,000 / 2,000,000 = 0.82
--   equity NPV = 1,640,000 / 1.01^36 - 1,000,000 - 500,000 / 1.01^12
--                - 500,000 / 1.01^24 = -691,270.76
--   equity IRR: the monthly r with 1,000,000 + 500,000 v^12 + 500,000 v^24
--                = 1,640,000 v^36, v = 1 / (1 + r): r = -0.7425343 %,
--                annualised (1 + r)^12 - 1 = -8.555374 %
CREATE TEMP TABLE eq AS SELECT aibiz.simulate(
	'subscription(price=10)', '',
	'cash(amount=1M) + team(headcount=1, cost=10k) + product(churn=0) + round(month=12, amount=500k, p=100%) + round(month=24, amount=500k, p=100%) + valuation(discount=12.682503013196977%)',
	aibiz.market(1000, 0.1, 0.02, 0.3, 0), 36, 3, 1) AS sim;
SELECT funded_trials, moic_mean, moic_p10, moic_p90, p_moic_1, p_moic_3,
	round(equity_npv_mean::numeric, 2) AS equity_npv_mean,
	round(irr_mean::numeric, 8) AS irr_mean, irr_p50 = irr_mean AS irr_same_every_trial
FROM eq, aibiz.investor(sim);
-- three equity slots: months 0, 12 and 24
SELECT split_part(sim::text, ' data=', 1) AS header FROM eq;

-- A trial that dies: nothing is recovered (exit 0, MOIC 0, IRR -100 %).
-- cash 100k, a team of one at 10k: cash goes negative in month 11.
CREATE TEMP TABLE dead AS SELECT aibiz.simulate(
	'subscription(price=10)', '', 'cash(amount=100k) + team(headcount=1, cost=10k) + product(churn=0)',
	aibiz.market(1000, 0.1, 0.02, 0.3, 0), 24, 2, 1) AS sim;
SELECT moic_mean, irr_mean, p_moic_1, round(equity_npv_mean::numeric, 2) AS equity_npv_mean,
	aibiz.survival(sim, 24) AS survival
FROM dead, aibiz.investor(sim);

-- compare(a, a): no difference and no spread.
CREATE TEMP TABLE co AS SELECT
	'subscription(price=pert(40,50,70), seats=5)'::aibiz.revenue_model AS revenue,
	'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%))'::aibiz.risk_profile AS risk,
	'cash(amount=1M) + team(headcount=6, cost=15k) + product(churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800)'::aibiz.plan AS plan;
CREATE TEMP TABLE pair AS SELECT
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 4000, 11) AS a,
	aibiz.simulate(revenue, risk, aibiz.set(plan, 'marketing.budget', '40k'),
				   aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 4000, 11) AS b,
	aibiz.simulate(revenue, risk, aibiz.set(plan, 'marketing.budget', '40k'),
				   aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 4000, 12) AS b_other_seed
FROM co;
SELECT trials, npv_diff, npv_diff_se, p_b_better, survival_diff, equity_npv_diff
FROM pair, aibiz.compare(a, a);
-- a real pair (budget 30k vs 40k): the mean difference is the difference of
-- the means, and common random numbers make its standard error far smaller
-- than two independent runs' sqrt(sd_a^2 / n + sd_b^2 / n) (docs state the ratio)
SELECT abs(c.npv_diff - (aibiz.npv_mean(b) - aibiz.npv_mean(a))) < 1e-6 * abs(aibiz.npv_mean(a)) AS diff_of_means,
	c.npv_diff_se < 0.5 * sqrt((aibiz.npv_stddev(a) ^ 2 + aibiz.npv_stddev(b) ^ 2) / 4000) AS paired_se_below_half,
	c.p_b_better BETWEEN 0 AND 1 AS probability,
	c.survival_diff = aibiz.survival(b, 36) - aibiz.survival(a, 36) AS survival_diff
FROM pair, aibiz.compare(a, b) c;
-- simulations that do not share their random numbers do not pair: 22023
SELECT * FROM pair, aibiz.compare(a, b_other_seed);
SELECT * FROM pair, co, aibiz.compare(a, aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 36, 3999, 11));
-- A simulation stored by aibiz 0.1: the version 1 form, built by hand for
-- one trial over one month (36-byte header: version 1, flags 1, horizon 1,
-- trials 1, launch 1, quantile trials 1, members 1, seed 0; then npv, arr,
-- loss, death, breakeven of the trial, alive count 1, sums, events, losses
-- and quantiles all 0: 400 bytes).  It still reads and answers what it
-- holds; the questions it cannot answer say to re-simulate (22023).
CREATE TEMP TABLE old AS SELECT 'simulation v1 trials=1 horizon=1 members=1 seed=0 data=AQEAAAAAAAEAAAABAAAAAQAAAAEAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='::aibiz.simulation AS sim;
SELECT aibiz.trials(sim), aibiz.npv_mean(sim), aibiz.survival(sim, 1),
	left(sim::text, 14) AS form, sim::text::aibiz.simulation::text = sim::text AS round_trip FROM old;
SELECT * FROM old, aibiz.investor(sim);
SELECT * FROM old, aibiz.compare(sim, sim);
SELECT count(*) FROM old, aibiz.survivors(sim);
SELECT aibiz.portfolio(x) FROM (SELECT sim FROM old UNION ALL SELECT sim FROM old) u(x);
\set VERBOSITY default
SELECT * FROM old, aibiz.investor(sim);
\set VERBOSITY sqlstate

-- Survivors: for one simulation the mean at month m is survival(sim, m);
-- for a portfolio of two it is twice the alive share, and each trial's
-- count is 0, 1 or 2.
SELECT bool_and(s.mean = aibiz.survival(d.sim, s.month)) AS single_mean_is_survival,
	bool_and(s.p5 IN (0, 1) AND s.p95 IN (0, 1)) AS single_counts
FROM dead d, aibiz.survivors(d.sim) s;
CREATE TEMP TABLE port AS SELECT aibiz.portfolio(x) AS p FROM (SELECT a FROM pair UNION ALL SELECT b FROM pair) u(x);
SELECT bool_and(s.mean = 2 * aibiz.survival(p, s.month)) AS mean_is_members_times_share,
	bool_and(s.members = 2 AND s.p5 >= 0 AND s.p95 <= 2 AND s.p5 <= s.p50 AND s.p50 <= s.p95) AS counts,
	bool_and(s.mean <= lag_mean) AS never_rising
FROM (SELECT s.*, lag(s.mean, 1, 2) OVER (ORDER BY s.month) AS lag_mean FROM port, aibiz.survivors(p) s) s, port;
-- a portfolio's trial-wise equity sums: its mean equity NPV is the members' sum
SELECT abs((SELECT equity_npv_mean FROM port, aibiz.investor(p))
	- (SELECT sum(i.equity_npv_mean) FROM (SELECT a AS x FROM pair UNION ALL SELECT b FROM pair) u, aibiz.investor(x) i)) < 1e-3 AS equity_sums;

-- Only simulations that sample alike pair: an lhs run against an mc run of
-- the same seed is 22023, as is a correlated run against an uncorrelated one;
-- another scenario pairs (only the market-wide draws differ).
SELECT * FROM co, aibiz.compare(
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11),
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11, sampling => 'lhs'));
SELECT * FROM co, aibiz.compare(
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11),
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11,
				   correlations => '{"subscription.price|product.churn": 0.5}'));
SELECT c.trials FROM co, aibiz.compare(
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11),
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11, scenario => 5)) c;
\set VERBOSITY default
SELECT * FROM co, aibiz.compare(
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11),
	aibiz.simulate(revenue, risk, plan, aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 12, 200, 11,
				   correlations => '{"subscription.price|product.churn": 0.5}'));
\set VERBOSITY sqlstate
