--@ title: Monte Carlo
--@ requires: aibiz.companies, aibiz.simulate, aibiz.fan, aibiz.survival_curve
--@ about: aibiz.simulate() runs trials that sample every distribution, risk event and funding round; a company whose cash falls below zero dies. One simulation answers many questions: survival, the NPV distribution, value at risk, risk attribution.
--@ placeholder: Planned: a fan chart of cash, a survival curve and NPV quantiles, enabled once aibiz.simulate() is in the extension.

/*  Enable once aibiz.simulate lands (remove this comment's first and last lines):

--@ caption: Survival, NPV quantiles and value at risk of the first ten companies (1000 trials, seed 42)
SELECT c.name,
	   round(aibiz.survival(s, 60)::numeric, 3) AS survival_60,
	   round(aibiz.npv_quantile(s, 0.05)) AS npv_p5,
	   round(aibiz.npv_quantile(s, 0.5)) AS npv_p50,
	   round(aibiz.npv_quantile(s, 0.95)) AS npv_p95,
	   round(aibiz.value_at_risk(s, 0.95)) AS var_95
FROM aibiz.companies c
JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.simulate(c.revenue, c.risk, c.plan, m, trials => 1000, seed => 42) s
ORDER BY c.name
LIMIT 10;

--@ caption: Cash of the first company, quantiles per month
--@ chart: fan
SELECT f.month, f.p5, f.p25, f.p50, f.p75, f.p95
FROM (SELECT * FROM aibiz.companies ORDER BY name LIMIT 1) c
JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.fan(aibiz.simulate(c.revenue, c.risk, c.plan, m, trials => 1000, seed => 42)) f
WHERE f.metric = 'cash'
ORDER BY f.month;

--@ caption: Survival of the first three companies
--@ chart: survival
SELECT c.name, v.month, v.survival
FROM (SELECT * FROM aibiz.companies ORDER BY name LIMIT 3) c
JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.survival_curve(aibiz.simulate(c.revenue, c.risk, c.plan, m, trials => 1000, seed => 42)) v
ORDER BY c.name, v.month;
*/
