-- charts.sql — writes every kind of chart of a small simulated company as an
-- SVG file into the directory :dir (psql variable), for test/charts/render.sh.
\set ON_ERROR_STOP 1
CREATE EXTENSION IF NOT EXISTS aibiz;
CREATE TEMP TABLE co AS SELECT
	'subscription(price=pert(40,50,70), seats=5, cost=4) + usage(price=0.002, units=normal(20000,5000))'::aibiz.revenue_model AS revenue,
	'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=1, loss=lognormal(200k,100k))'::aibiz.risk_profile AS risk,
	'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800, organic=2%) + round(month=12, amount=2M, p=50%)'::aibiz.plan AS plan,
	'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800, organic=2%)'::aibiz.plan AS no_round,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1) AS market;
CREATE TEMP TABLE s AS SELECT aibiz.simulate(revenue, risk, plan, market, 36, 2000, 7) AS sim,
	aibiz.simulate(revenue, risk, no_round, market, 36, 2000, 7) AS lean FROM co;
\pset tuples_only on
\pset format unaligned
\o :dir/fan_cash.svg
SELECT aibiz.svg_fan(sim) FROM s;
\o :dir/fan_revenue.svg
SELECT aibiz.svg_fan(sim, 'revenue', NULL, 'EUR') FROM s;
\o :dir/survival.svg
SELECT aibiz.svg_survival(sim) FROM s;
\o :dir/survival_series.svg
SELECT aibiz.svg_survival(ARRAY['with the seed round', 'without it'], ARRAY[sim, lean]) FROM s;
\o :dir/histogram.svg
SELECT aibiz.svg_histogram(sim) FROM s;
\o :dir/cumulative.svg
SELECT aibiz.svg_cumulative(sim) FROM s;
\o :dir/exceedance.svg
SELECT aibiz.svg_exceedance(sim) FROM s;
\o :dir/tornado.svg
SELECT aibiz.svg_tornado(ARRAY['product price', 'monthly churn', 'customer acquisition cost',
	'market size', 'regulatory loss per event in the worst year'],
	ARRAY[-300000, -900000, -100000, -50000, 10000]::float8[],
	ARRAY[800000, 400000, 200000, 60000, 20000]::float8[], 150000);
\o
