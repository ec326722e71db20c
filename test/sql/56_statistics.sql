-- statistics(sim): the statistics table of trial NPVs.
\set VERBOSITY terse

-- NPV linear in one normal input: a subscription company whose price is
-- normal(100, 10) per seat, with acquisition independent of price, cash
-- that never runs out and a terminal multiple, has NPV = a + b * price for
-- fixed a, b, so NPV is normal: skewness 0 and kurtosis 3, within three
-- standard errors sqrt(6/n) = 0.0173 and sqrt(24/n) = 0.0346 for n = 20,000.
CREATE TEMP TABLE mkt AS SELECT * FROM aibiz.market(10000, 0.05, 0.03, 0.4, 0);
CREATE TEMP TABLE normal_sim AS
SELECT aibiz.simulate('subscription(price=normal(100, 10), seats=2)', '',
					  'cash(amount=1B) + team(headcount=3, cost=10k) + product(churn=2%)
					   + marketing(budget=20k, cac=500, organic=5%) + valuation(multiple=4)',
					  m, 60, 20000, 5) AS sim
FROM mkt m;
SELECT trials,
	   abs(skewness) <= 3 * sqrt(6.0 / 20000) AS skewness_zero_within_3se,
	   abs(kurtosis - 3) <= 3 * sqrt(24.0 / 20000) AS kurtosis_three_within_3se,
	   sd > 0 AS spread
FROM normal_sim, aibiz.statistics(sim);

-- the table agrees with the accessors it summarises: the exact mean,
-- the sample sd, type-7 quantiles, and se = sd / sqrt(trials); min and max
-- bound the percentiles
SELECT s.mean = aibiz.npv_mean(sim) AS mean_same,
	   s.sd = aibiz.npv_stddev(sim) AS sd_same,
	   s.p1 = aibiz.npv_quantile(sim, 0.01) AND s.p5 = aibiz.npv_quantile(sim, 0.05)
	   AND s.p10 = aibiz.npv_quantile(sim, 0.1) AND s.p25 = aibiz.npv_quantile(sim, 0.25)
	   AND s.p50 = aibiz.npv_quantile(sim, 0.5) AND s.p75 = aibiz.npv_quantile(sim, 0.75)
	   AND s.p90 = aibiz.npv_quantile(sim, 0.9) AND s.p95 = aibiz.npv_quantile(sim, 0.95)
	   AND s.p99 = aibiz.npv_quantile(sim, 0.99) AS percentiles_same,
	   s.se_mean = s.sd / sqrt(20000) AS se_is_sd_over_root_n,
	   s.min <= s.p1 AND s.p99 <= s.max AND s.min < s.max AS extremes_bound,
	   s.min = aibiz.npv_quantile(sim, 0) AND s.max = aibiz.npv_quantile(sim, 1) AS extremes_are_q0_q1
FROM normal_sim, aibiz.statistics(sim) s;

-- a normal NPV: P50 is the mean within 3 standard errors of the median
-- (1.2533 sd / sqrt(n)), and P95 - P50 is 1.6449 sd within 2 %
SELECT abs(p50 - mean) <= 3 * 1.2533 * se_mean AS median_is_mean,
	   abs((p95 - p50) / (1.6449 * sd) - 1) < 0.02 AS p95_is_mean_plus_1645_sd
FROM normal_sim, aibiz.statistics(sim);

-- nothing uncertain: every trial the same, sd 0, skewness and kurtosis NULL
SELECT trials, sd, skewness IS NULL AS no_skewness, kurtosis IS NULL AS no_kurtosis,
	   min = max AND p1 = p99 AND mean = min AS all_equal, se_mean
FROM (SELECT aibiz.simulate('subscription(price=100)', '',
							'cash(amount=1B) + team(headcount=1, cost=1k) + product(churn=1%)
							 + marketing(organic=5%)', m, 24, 50, 1) AS sim FROM mkt m) t,
	 aibiz.statistics(sim);

-- one trial: sd and se NULL
SELECT trials, sd IS NULL AS no_sd, se_mean IS NULL AS no_se, p1 = p99 AS one_value
FROM (SELECT aibiz.simulate('subscription(price=100)', '',
							'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%)',
							m, 12, 1, 1) AS sim FROM mkt m) t,
	 aibiz.statistics(sim);

-- a portfolio is summarised the same way
SELECT s.trials, s.mean = aibiz.npv_mean(p) AS mean_same
FROM (SELECT aibiz.portfolio(sim) AS p FROM normal_sim) t, aibiz.statistics(p) s;
