--@ title: Monte Carlo
--@ requires: aibiz.simulate, aibiz.fan, aibiz.survival_curve, aibiz.risk_attribution, aibiz.portfolio, demo_showcase_sim, demo_sim, demo_sector_sim
--@ about: aibiz.simulate(c, m, trials => 5000, seed => 42) runs trials that sample every distribution, risk event and funding round; a company whose cash falls below zero dies. One stored simulation answers many questions: survival, the NPV distribution, value at risk, risk attribution. demo/load.sql computes each simulation once into a table (simulate() is re-run for every reference PostgreSQL inlines); the queries below only read it.

--@ caption: The showcase company, 5,000 trials (seed 42), against its expected path
SELECT item, value
FROM demo_showcase_sim s JOIN demo_projection p USING (id),
	 LATERAL (VALUES
		(1, 'survival at month 12 / 24 / 36 / 60',
		 concat_ws(' / ', to_char(aibiz.survival(s.sim, 12) * 100, 'FM990.0') || ' %',
				   to_char(aibiz.survival(s.sim, 24) * 100, 'FM990.0') || ' %',
				   to_char(aibiz.survival(s.sim, 36) * 100, 'FM990.0') || ' %',
				   to_char(aibiz.survival(s.sim, 60) * 100, 'FM990.0') || ' %')),
		(2, 'NPV mean (expected path)',
		 demo_money(aibiz.npv_mean(s.sim)) || '  (' || demo_money(aibiz.npv(p.p)) || ')'),
		(3, 'NPV P5 / P50 / P95',
		 concat_ws(' / ', demo_money(aibiz.npv_quantile(s.sim, 0.05)),
				   demo_money(aibiz.npv_quantile(s.sim, 0.5)),
				   demo_money(aibiz.npv_quantile(s.sim, 0.95)))),
		(4, 'P(NPV > 0)', to_char((1 - aibiz.npv_cdf(s.sim, 0)) * 100, 'FM990.0') || ' %'),
		(5, 'value at risk, 95 %', demo_money(aibiz.value_at_risk(s.sim, 0.95))),
		(6, 'expected shortfall, 95 %', demo_money(aibiz.expected_shortfall(s.sim, 0.95))),
		(7, 'P(breaks even within 60 months)', to_char(aibiz.breakeven_probability(s.sim) * 100, 'FM990.0') || ' %'),
		(8, 'ARR at month 60, mean (expected path)',
		 demo_money(aibiz.arr_mean(s.sim)) || '  (' || demo_money(aibiz.arr(p.p, 60)) || ')'),
		(9, 'risk losses per trial, mean', demo_money(aibiz.loss_mean(s.sim)))
	 ) AS v(ord, item, value)
ORDER BY ord;

--@ caption: Where the risk comes from: the categories with events (aibiz.risk_attribution); price and churn effects are not cash losses
SELECT r.category, round(r.events_per_trial::numeric, 2) AS events_per_trial,
	   demo_money(r.mean_loss) AS mean_loss,
	   round(r.share_of_loss::numeric * 100, 1) AS "share of loss %"
FROM demo_showcase_sim s, aibiz.risk_attribution(s.sim) r
WHERE r.events_per_trial > 0 OR r.mean_loss > 0;

--@ caption: Cash and revenue, quantiles over trials, every 12th month (aibiz.fan)
SELECT f.metric, f.month, demo_money(f.p5) AS p5, demo_money(f.p25) AS p25,
	   demo_money(f.p50) AS p50, demo_money(f.p75) AS p75, demo_money(f.p95) AS p95,
	   demo_money(f.mean) AS mean
FROM demo_showcase_sim s, aibiz.fan(s.sim) f
WHERE f.month % 12 = 0
ORDER BY f.metric, f.month;

--@ caption: Fan charts of cash and of monthly revenue
--@ chart: fan
SELECT f.metric, f.month, f.p5, f.p25, f.p50, f.p75, f.p95
FROM demo_showcase_sim s, aibiz.fan(s.sim) f
ORDER BY f.metric, f.month;

--@ caption: Share alive at months 12 to 60: the showcase company and each sector's companies (aibiz.survival)
SELECT series, to_char(m12 * 100, 'FM990.0') || ' %' AS m12, to_char(m24 * 100, 'FM990.0') || ' %' AS m24,
	   to_char(m36 * 100, 'FM990.0') || ' %' AS m36, to_char(m48 * 100, 'FM990.0') || ' %' AS m48,
	   to_char(m60 * 100, 'FM990.0') || ' %' AS m60
FROM (SELECT 0 AS ord, d.name AS series, aibiz.survival(s.sim, 12) AS m12, aibiz.survival(s.sim, 24) AS m24,
			 aibiz.survival(s.sim, 36) AS m36, aibiz.survival(s.sim, 48) AS m48, aibiz.survival(s.sim, 60) AS m60
	  FROM demo_showcase_sim s JOIN demo_showcase d USING (id)
	  UNION ALL
	  SELECT 1, 'sector ' || sector, aibiz.survival(sim, 12), aibiz.survival(sim, 24),
			 aibiz.survival(sim, 36), aibiz.survival(sim, 48), aibiz.survival(sim, 60)
	  FROM demo_sector_sim) x
ORDER BY ord, series;

--@ caption: Survival curves: the showcase company and the share of companies alive in each sector
--@ chart: survival
SELECT d.name AS series, v.month, v.survival
FROM demo_showcase_sim s JOIN demo_showcase d USING (id), aibiz.survival_curve(s.sim) v
UNION ALL
SELECT 'sector ' || p.sector, v.month, v.survival
FROM demo_sector_sim p, aibiz.survival_curve(p.sim) v
ORDER BY 1, 2;

--@ caption: Sectors: each company simulated (2,000 trials, seed = its id) — share alive at 60, mean P(NPV > 0), median of the companies' median NPV — and the sector as one portfolio (aibiz.portfolio)
SELECT c.sector, c.companies,
	   to_char(aibiz.survival(c.sim, 60) * 100, 'FM990.0') || ' %' AS "alive 60",
	   to_char(k.p_positive * 100, 'FM990.0') || ' %' AS "P(NPV>0)",
	   demo_money(k.median_npv) AS "median NPV",
	   demo_money(aibiz.npv_quantile(c.sim, 0.05)) AS "sector P5",
	   demo_money(aibiz.npv_quantile(c.sim, 0.5)) AS "sector P50",
	   to_char((1 - aibiz.npv_cdf(c.sim, 0)) * 100, 'FM990.0') || ' %' AS "sector P(NPV>0)"
FROM demo_sector_sim c
JOIN (SELECT sector, avg(1 - aibiz.npv_cdf(sim, 0)) AS p_positive,
			 percentile_cont(0.5) WITHIN GROUP (ORDER BY aibiz.npv_quantile(sim, 0.5)) AS median_npv
	  FROM demo_sim GROUP BY sector) k USING (sector)
ORDER BY c.sector;
