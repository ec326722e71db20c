-- simulations_v2.sql — the simulations behind simulations_v2.txt, one row
-- (label, sim) each: a plain run, Latin hypercube sampling, a scenario of a
-- market-wide risk, equity rounds (three equity slots), one trial, and a
-- portfolio of three.  simulations_v2.txt
-- is their text as aibiz 0.2.0 wrote it (format version 2); the upgrade test
-- stores it before the update and runs this query after it (format version
-- 3) to compare every question's answers (answers.sql); so does the
-- regression test 51_simulation_v3.
CREATE TEMP TABLE sims_v3 AS SELECT label, sim FROM (
	SELECT 'plain' AS label, aibiz.simulate(
		'subscription(price=pert(40,50,70), seats=2)', 'regulation(freq=2, loss=lognormal(50k,20k))',
		'cash(amount=200k) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=5k, cac=400)',
		aibiz.market(50000, 0.02, 0.03, 0.4, 0.1), 24, 100, 1) AS sim
	UNION ALL
	SELECT 'lhs', aibiz.simulate(
		'subscription(price=pert(40,50,70), seats=5)',
		'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%))',
		'cash(amount=1M) + team(headcount=6, cost=15k) + product(churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800)',
		aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 24, 100, 2, sampling => 'lhs')
	UNION ALL
	SELECT 'scenario', aibiz.simulate(
		'subscription(price=pert(40,50,70), seats=2)', 'regulation(freq=2, loss=lognormal(50k,20k), scope=market)',
		'cash(amount=200k) + team(headcount=2, cost=10k) + product(launch=2, churn=2%) + marketing(budget=5k, cac=400)',
		aibiz.market(50000, 0.02, 0.03, 0.4, 0.1), 24, 100, 3, scenario => 5)
	UNION ALL
	SELECT 'rounds', aibiz.simulate(
		'subscription(price=pert(8,10,14))', 'team(freq=1, loss=lognormal(20k,10k))',
		'cash(amount=1M) + team(headcount=1, cost=10k) + product(churn=1%) + round(month=12, amount=500k, p=80%) + round(month=20, amount=500k, p=60%)',
		aibiz.market(1000, 0.1, 0.02, 0.3, 0), 24, 100, 4)
	UNION ALL
	SELECT 'one', aibiz.simulate(
		'subscription(price=50)', '', 'cash(amount=100k) + team(headcount=1, cost=10k) + product(churn=2%)',
		aibiz.market(1000, 0.1, 0.02, 0.3, 0), 12, 1, 6)
	UNION ALL
	SELECT 'portfolio', aibiz.portfolio(s) FROM (
		SELECT aibiz.simulate(('subscription(price=pert(40,50,70), seats=' || k || ')')::aibiz.revenue_model,
			'regulation(freq=1, loss=lognormal(50k,20k))',
			'cash(amount=300k) + team(headcount=2, cost=10k) + product(churn=2%)',
			aibiz.market(50000, 0.02, 0.03, 0.4, 0.1), 24, 100, 10 + k) AS s
		FROM generate_series(1, 3) k) p
) c;
