-- 50_simulation_stats: the Monte Carlo engine against closed forms —
-- Poisson losses and survival, the samplers' means and variances, exact
-- agreement with the projection when nothing is uncertain, and a PERT churn.
-- Every statistical check is |estimate - truth| <= 3 standard errors with
-- fixed seeds; the bound is printed next to the boolean.
\set VERBOSITY sqlstate

-- A market with no accounts: no customers, no revenue, only what a plan
-- and risks do to cash.
CREATE TEMP TABLE empty_market AS SELECT * FROM aibiz.market(0, 0, 0.03, 0.4, 0);

-- 1. Constant losses.  regulation(freq=6, loss=1000): N ~ Poisson(6/12 per
-- month), total loss over H = 60 months 1000 N, N ~ Poisson(lambda H / 12 =
-- 30).  Mean 30000, standard error 1000 sqrt(30) / sqrt(10000) = 54.77.
-- Cash 1B never runs out, so every trial survives.
CREATE TEMP TABLE loss_sim AS
SELECT aibiz.simulate('subscription(price=100)', 'regulation(freq=6, loss=1000)',
					  'cash(amount=1B) + team(headcount=0, cost=0) + product(churn=0)',
					  m, 60, 10000, 11) AS sim
FROM empty_market m;
SELECT abs(aibiz.loss_mean(sim) - 30000) <= 3 * 1000 * sqrt(30) / sqrt(10000) AS loss_mean_within_3se,
	round((3 * 1000 * sqrt(30) / sqrt(10000))::numeric, 2) AS bound,
	aibiz.survival(sim, 60) AS survival
FROM loss_sim;
-- every event costs exactly 1000: the regulation row's mean loss is 1000 x
-- its events per trial, and it is the whole loss
SELECT category, round(mean_loss::numeric, 6) = round((1000 * events_per_trial)::numeric, 6) AS loss_is_1000_per_event,
	share_of_loss
FROM loss_sim, aibiz.risk_attribution(sim) WHERE category = 'regulation';
-- no revenue and no costs but the losses: NPV (discount 25 %) is minus the
-- discounted losses, so the mean NPV lies between -mean loss and -mean loss
-- discounted over the whole horizon (1.25^-5 = 0.32768)
SELECT aibiz.npv_mean(sim) BETWEEN -aibiz.loss_mean(sim) AND -0.32768 * aibiz.loss_mean(sim) AS npv_is_discounted_loss
FROM loss_sim;
-- Loss exceedance at 30000 agrees with P(N >= 30) for Poisson(30) =
-- 1 - sum_{n<30} e^-30 30^n / n! = 0.5243, standard error
-- sqrt(p (1 - p) / 10000) = 0.0050.  With points = max / 1000 + 1 the
-- points are 0, 1000, 2000, ... exactly.
WITH mx AS (SELECT max(loss) AS mx FROM loss_sim, aibiz.loss_exceedance(sim, 2)),
	 pe AS (SELECT (1 - sum(exp(-30::numeric) * 30::numeric ^ n / factorial(n)))::float8 AS p_exact FROM generate_series(0, 29) n)
SELECT round(p_exact::numeric, 4) AS p_exact,
	abs(e.probability - p_exact) <= 3 * sqrt(p_exact * (1 - p_exact) / 10000) AS within_3se
FROM loss_sim, mx, pe, aibiz.loss_exceedance(sim, (mx / 1000)::int + 1) e
WHERE e.loss = 30000;

-- 2. Death after k = 5 events.  Cash 4500 covers four losses of 1000; the
-- fifth makes it negative.  With freq = 2 a year, N over t months is
-- Poisson(t / 6): survival(t) = P(N_t <= 4).  At 24 months (mu 4):
-- e^-4 (1 + 4 + 8 + 32/3 + 32/3) = 0.628837; at 12 months (mu 2):
-- e^-2 (1 + 2 + 2 + 4/3 + 2/3) = 0.947347.  SE = sqrt(p (1 - p) / 10000).
CREATE TEMP TABLE death_sim AS
SELECT aibiz.simulate('subscription(price=100)', 'regulation(freq=2, loss=1000)',
					  'cash(amount=4500) + team(headcount=0, cost=0) + product(churn=0)',
					  m, 24, 10000, 12) AS sim
FROM empty_market m;
SELECT t.month, round(t.p::numeric, 6) AS poisson_tail,
	abs(aibiz.survival(sim, t.month) - t.p) <= 3 * sqrt(t.p * (1 - t.p) / 10000) AS survival_within_3se,
	round(3 * sqrt(t.p * (1 - t.p) / 10000)::numeric, 4) AS bound
FROM death_sim,
	 (SELECT month, (SELECT sum(exp(-month / 6.0) * (month / 6.0) ^ n / factorial(n))::float8 FROM generate_series(0, 4) n) AS p
	  FROM (VALUES (12), (24)) v(month)) t
ORDER BY t.month;
-- a dead company keeps its cash at death: -500 exactly (4500 - 5 x 1000),
-- so the cash P5 at month 24 (37 % of trials are dead) is -500
SELECT p5 AS cash_p5_at_24 FROM death_sim, aibiz.fan(sim) WHERE month = 24 AND metric = 'cash';

-- 3. The samplers through simulate.  Revenue subscription(price = X), no
-- churn, no costs, discount 0, no terminal value: every trial's NPV is
-- X * sum_t C_t with C_t the (deterministic) accounts, and the projection's
-- NPV is E[X] * sum_t C_t.  So npv_mean / npv(project) estimates 1 and
-- npv_stddev / (npv(project) / E[X]) estimates sd(X).
--   uniform(50,150):       E 100,      sd 100/sqrt(12) = 28.8675, kurtosis 1.8
--   triangular(50,80,150): E 93.3333,  var (a2+b2+c2-ab-ac-bc)/18 = 7900/18, sd 20.9497, kurtosis 2.4
--   pert(50,80,150):       alpha 2.2, beta 3.8, E (50+4*80+150)/6 = 86.6667,
--                          var 100^2 * 2.2*3.8 / (6^2 * 7) = 331.746, sd 18.2139, kurtosis 2.43
--   normal(100,10):        E 100,      sd 10, kurtosis 3
--   lognormal(100,50):     E 100,      sd 50, w = 1 + 0.5^2 = 1.25, kurtosis w^4 + 2w^3 + 3w^2 - 3 = 8.035
-- The standard error of the mean ratio is sd / (E sqrt(n)); of the sd ratio
-- about sqrt((kurtosis - 1) / n) / 2.  n = 20000 trials.
CREATE TEMP TABLE dists (dist text, mean float8, sd float8, kurtosis float8);
INSERT INTO dists VALUES
	('uniform(50,150)', 100, 100 / sqrt(12), 1.8),
	('triangular(50,80,150)', 280.0 / 3, sqrt(7900.0 / 18), 2.4),
	('pert(50,80,150)', 520.0 / 6, sqrt(10000 * 2.2 * 3.8 / (36 * 7)), 2.43),
	('normal(100,10)', 100, 10, 3),
	('lognormal(100,50)', 100, 50, 8.035);
CREATE TEMP TABLE sampler AS
SELECT d.*, aibiz.simulate(r, '', p, m, 12, 20000, 13) AS sim,
	aibiz.npv(aibiz.project(r, '', p, m, 12)) AS proj_npv
FROM dists d,
	 LATERAL (SELECT format('subscription(price=%s)', d.dist)::aibiz.revenue_model AS r,
					 'cash(amount=1B) + team(headcount=0, cost=0) + product(churn=0) + marketing(organic=1) + valuation(discount=0)'::aibiz.plan AS p) x,
	 aibiz.market(1000, 0, 0.5, 0.5, 0) m;
SELECT dist,
	abs(aibiz.npv_mean(sim) / proj_npv - 1) <= 3 * sd / (mean * sqrt(20000)) AS mean_within_3se,
	round((3 * sd / (mean * sqrt(20000)))::numeric, 4) AS mean_bound,
	abs(aibiz.npv_stddev(sim) / (proj_npv / mean) / sd - 1) <= 3 * sqrt((kurtosis - 1) / 20000) / 2 AS sd_within_3se,
	round((3 * sqrt((kurtosis - 1) / 20000) / 2)::numeric, 4) AS sd_bound
FROM sampler ORDER BY dist;
-- the uniform's range: NPV / (sum C_t) spans about [50, 150]
SELECT round((aibiz.npv_quantile(sim, 0) / (proj_npv / mean))::numeric, 0) AS min_price,
	round((aibiz.npv_quantile(sim, 1) / (proj_npv / mean))::numeric, 0) AS max_price,
	round((aibiz.npv_quantile(sim, 0.5) / (proj_npv / mean))::numeric, 0) AS median_price
FROM sampler WHERE dist = 'uniform(50,150)';

-- 4. No uncertainty (constants only, no risks, no licensing, rounds with
-- p = 1, cash never negative): every trial is the projection, bit for bit.
CREATE TEMP TABLE certain AS
SELECT aibiz.simulate(r, '', p, m, 60, 500, 14) AS sim, aibiz.npv(aibiz.project(r, '', p, m, 60)) AS proj_npv
FROM (SELECT 'subscription(price=100, seats=3, cost=5, expansion=1%) + usage(price=0.01, units=1000, growth=1%) + advertising(impressions=200, cpm=4)'::aibiz.revenue_model AS r,
			 'cash(amount=10M) + team(headcount=3, cost=10k, growth=5%) + product(launch=2, churn=2%) + marketing(budget=10k, cac=500, organic=1%) + training(cost=50k, every=6) + round(month=12, amount=1M) + valuation(multiple=4)'::aibiz.plan AS p,
			 aibiz.market(100000, 0.01, 0.03, 0.4, 0.1) AS m) x;
SELECT aibiz.npv_quantile(sim, 0) = proj_npv AS min_is_projection,
	aibiz.npv_quantile(sim, 1) = proj_npv AS max_is_projection,
	aibiz.npv_mean(sim) = proj_npv AS mean_is_projection,
	aibiz.npv_stddev(sim) AS sd,
	aibiz.survival(sim, 60) AS survival,
	-- every month's quantiles coincide; the mean (a fixed-point sum, each
	-- value rounded to 2^-32) agrees to 1e-6
	(SELECT bool_and(p5 = p95 AND abs(mean - p5) < 1e-6) FROM aibiz.fan(sim)) AS fan_is_a_line
FROM certain;

-- 5. A PERT churn pert(1%, 2%, 5%) is the only uncertainty: alpha =
-- 1 + 4 (0.01 / 0.04) = 2, beta = 1 + 4 (0.03 / 0.04) = 4.  Its P10 and P90
-- solve I_x(2, 4) = 1 - (1-x)^5 - 5x(1-x)^4 = 0.1 and 0.9: x = 0.112235 and
-- 0.583890, churn 0.01 + 0.04 x = 0.0144894 and 0.0333556.  NPV falls as
-- churn rises, so its median lies between the NPVs of the projection at
-- those two constant churns (the median churn 0.0225524 lies between them).
CREATE TEMP TABLE pert_churn AS
SELECT aibiz.simulate(r, '', format(p, 'pert(1%,2%,5%)')::aibiz.plan, m, 60, 4000, 15) AS sim,
	aibiz.npv(aibiz.project(r, '', format(p, '0.0144894')::aibiz.plan, m, 60)) AS npv_p10_churn,
	aibiz.npv(aibiz.project(r, '', format(p, '0.0333556')::aibiz.plan, m, 60)) AS npv_p90_churn
FROM (SELECT 'subscription(price=100, seats=3)'::aibiz.revenue_model AS r,
			 'cash(amount=10M) + team(headcount=3, cost=10k) + product(churn=%s) + marketing(budget=10k, cac=500, organic=1%%) + valuation(multiple=4)' AS p,
			 aibiz.market(100000, 0.01, 0.03, 0.4, 0.1) AS m) x;
SELECT npv_p90_churn < npv_p10_churn AS npv_falls_with_churn,
	aibiz.npv_quantile(sim, 0.5) BETWEEN npv_p90_churn AND npv_p10_churn AS median_between,
	-- and, NPV being monotone in churn, its P10 and P90 are the NPVs at the
	-- churn's P90 and P10: within 5 % of the spread
	abs(aibiz.npv_quantile(sim, 0.1) - npv_p90_churn) <= 0.05 * (npv_p10_churn - npv_p90_churn) AS p10_matches,
	abs(aibiz.npv_quantile(sim, 0.9) - npv_p10_churn) <= 0.05 * (npv_p10_churn - npv_p90_churn) AS p90_matches
FROM pert_churn;
