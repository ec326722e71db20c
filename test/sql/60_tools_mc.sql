-- 60_tools_mc: Monte Carlo sensitivity and goal seek.  Expected numbers are
-- computed by hand from the monthly model in the comments.
\set VERBOSITY terse

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---- sensitivity ----
-- NPV is strictly increasing in the price (no risks, no rounds, no other
-- uncertain key that moves NPV, cash so large that no trial dies), so the
-- price's draws and the trial NPVs have the same ranks: rank correlation 1.
-- The cash amount does not enter the enterprise NPV, so its rank
-- correlation with NPV is 0 up to sampling error: with 2000 independent
-- trials the standard error of a Spearman correlation is 1/sqrt(1999) =
-- 0.0224; the tolerance used is 4 standard errors, 0.09.
CREATE TEMP TABLE mono AS
SELECT 'subscription(price=uniform(50, 150))'::aibiz.revenue_model AS r, ''::aibiz.risk_profile AS k,
       'cash(amount=uniform(1e9, 2e9)) + team(headcount=2, cost=10k) + product(churn=3%) + marketing(organic=0.5)'::aibiz.plan AS p,
       aibiz.market(100000, 0.01, 0.03, 0.38, 0.1) AS m;
SELECT s.ord, s.source, s.path, s.rank_correlation > 0.999999 AS rho_is_1,
       abs(s.rank_correlation) < 0.09 AS rho_is_0,
       s.variance_share > 0.99 AS share_near_1
FROM mono, aibiz.sensitivity(r, k, p, m, 36, 2000, 1) s ORDER BY s.ord;
-- shares sum to 1; deterministic for a seed
SELECT round(sum(s.variance_share)::numeric, 12) AS share_sum FROM mono, aibiz.sensitivity(r, k, p, m, 36, 2000, 1) s;
SELECT count(*) AS differ FROM (
	SELECT * FROM mono, aibiz.sensitivity(r, k, p, m, 36, 500, 3) s
	EXCEPT SELECT * FROM mono, aibiz.sensitivity(r, k, p, m, 36, 500, 3) s) d;
-- every once-per-trial input: risk freq and strategy arguments too; constants have no row
SELECT s.source, s.path FROM aibiz.sensitivity(
	'subscription(price=normal(100, 10), cost=2) + usage(price=1, units=pert(1, 2, 4))',
	'competition(freq=lognormal(1, 0.5), loss=uniform(1, 2), strategy=mitigate(cost=triangular(1, 2, 3), effect=0.5)) + data(freq=2)',
	'cash(amount=1M) + team(headcount=normal(5, 1), cost=10k) + product(churn=2%) + round(month=6, amount=uniform(1, 2))',
	aibiz.market(1000, 0, 0.03, 0.38, 0), 12, 200, 0) s ORDER BY s.source, s.path;
SELECT pg_temp.err($$SELECT * FROM mono, aibiz.sensitivity(r, k, p, m, 36, 1)$$);
SELECT pg_temp.err($$SELECT * FROM mono, aibiz.sensitivity(r, k, p, m, 36, 2000000000)$$);
-- 200 uncertain keys x 1000000 trials need 1e6 x 8 x (200 + 3) + 1e6 x 16
-- = 1640000000 bytes, over the 1 GB limit: refused before allocating
SELECT pg_temp.err(format($$SELECT * FROM aibiz.sensitivity(%L, '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)', aibiz.market(1000, 0, 0.03, 0.38, 0), 1, 1000000)$$,
	(SELECT string_agg('usage(price=uniform(1, 2), units=uniform(1, 2), cost=uniform(0, 1), growth=uniform(0, 0.1))', ' + ') FROM generate_series(1, 50))));

-- ---- goal seek ----
-- The tiny company over 3 months (see 60_tools): NPV is linear in the price,
-- NPV(price) = 13.913799 x price - 28.908106 (sum C_t d^t = 13.913799,
-- 10 sum d^t = 28.908106), so NPV = 500 at price (500 + 28.908106) /
-- 13.913799 = 38.013207.
CREATE TEMP TABLE tiny AS
SELECT 'subscription(price=100)'::aibiz.revenue_model AS r, ''::aibiz.risk_profile AS k,
       'cash(amount=1000) + team(headcount=1, cost=10) + product(churn=10%) + marketing(organic=1)'::aibiz.plan AS p,
       aibiz.market(1000, 0, 0.03, 0.38, 0) AS m;
SELECT round(s.value::numeric, 6) AS price, round(s.achieved::numeric, 6) AS npv, s.iterations < 10 AS few_iterations,
       abs(aibiz.npv(aibiz.project(aibiz.set(r, 'subscription.price', s.value::text), k, p, m, 3)) - 500) <= 1e-6 * 500 AS within_1e6,
       s.achieved = aibiz.npv(aibiz.project(aibiz.set(r, 'subscription.price', s.value::text), k, p, m, 3)) AS achieved_is_npv
FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'npv', 500, 1, 1000, 3) s;
-- a prefix names the input; nonlinear in churn: the solved churn reaches the target
SELECT abs(aibiz.npv(aibiz.project(r, k, aibiz.set(p, 'product.churn', s.value::text), m, 3)) - 1370) <= 1e-6 * 1370 AS churn_within_1e6
FROM tiny, aibiz.solve(r, k, p, m, 'plan.product.churn', 'npv', 1370, 0, 0.5, 3) s;
-- solving a key of an absent term adds it (valuation.multiple: terminal value)
SELECT abs(aibiz.npv(aibiz.project(r, k, aibiz.set(p, 'valuation.multiple', s.value::text), m, 3)) - 50000) <= 1e-6 * 50000 AS multiple_within_1e6
FROM tiny, aibiz.solve(r, k, p, m, 'valuation.multiple', 'npv', 50000, 0, 100, 3) s;
-- no sign change: 22023 with the metric at both ends
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'npv', 1e9, 1, 1000, 3)$$);
-- team.cost: the plan's (the profile has no team risk), NPV 1388.5 to 1385.6 -> no zero
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'team.cost', 'npv', 0, 1, 2, 3)$$);
-- with a team risk, team.cost names both: the prefix decides.  A team risk
-- with freq 1 and cost c adds c/12 of opex each month: E_t = t c / 12, so
-- NPV = 1362.471760 - c sum t/12 d^t = 1362.471760 - 0.478816 c, which is
-- 1300 at c = 130.471458.
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, 'team(freq=1)', p, m, 'team.cost', 'npv', 0, 1, 2, 3)$$);
SELECT round(s.value::numeric, 6) AS loss_cost FROM tiny, aibiz.solve(r, 'team(freq=1)', p, m, 'risk.team.cost', 'npv', 1300, 0, 1000, 3) s;
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'product.launch', 'npv', 0, 1, 2, 3)$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'survival', 0.5, 1, 2, 3)$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'npv', 0, 1, 2, 3, 100)$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'irr', 0, 1, 2, 3)$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'subscription.price', 'npv', 0, 2, 1, 3)$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.solve(r, k, p, m, 'nothing.price', 'npv', 0, 1, 2, 3)$$);
SELECT aibiz.solve(r, k, p, m, 'subscription.price', 'npv', NULL, 1, 2, 3) IS NULL AS null_target FROM tiny;

-- What cash gives 80 % survival at 36 months: a company that burns cash and
-- is hit by losses.  Survival is a step function of the cash in steps of
-- 1/trials, so the solve lands within 1/trials of the target, and the
-- simulation at the solved cash with the same seed has that survival.
CREATE TEMP TABLE burn AS
SELECT 'subscription(price=normal(60, 20))'::aibiz.revenue_model AS r,
       'regulation(freq=2, loss=lognormal(50k, 40k))'::aibiz.risk_profile AS k,
       'cash(amount=100k) + team(headcount=3, cost=8k) + product(churn=3%) + marketing(organic=0.2)'::aibiz.plan AS p,
       aibiz.market(20000, 0.01, 0.03, 0.38, 0.1) AS m;
SELECT abs(s.achieved - 0.8) <= 1.0 / 1000 AS within_resolution,
       s.achieved = aibiz.survival(aibiz.simulate(r, k, aibiz.set(p, 'cash.amount', s.value::text), m, 36, 1000, 42), 36) AS simulation_agrees,
       aibiz.survival(aibiz.simulate(r, k, aibiz.set(p, 'cash.amount', (s.value * 0.9)::text), m, 36, 1000, 42), 36) < 0.8 AS less_cash_less_survival
FROM burn, aibiz.solve(r, k, p, m, 'cash.amount', 'survival', 0.8, 0, 1e8, 36, 1000, 42) s;
-- P(NPV > 0) of the simulation: price that makes it one half
SELECT abs(s.achieved - 0.5) <= 1.0 / 1000 AS within_resolution,
       s.achieved = 1 - aibiz.npv_cdf(aibiz.simulate(aibiz.set(r, 'subscription.price', s.value::text), k, p, m, 36, 1000, 42), 0) AS simulation_agrees
FROM burn, aibiz.solve(r, k, p, m, 'subscription.price', 'p_npv_positive', 0.5, 1, 10000, 36, 1000, 42) s;
