-- 59_hostile_v2: the arguments aibiz.simulate gained in 0.2.0 (scenario,
-- sampling, correlations, tolerance) from an attacker: every argument NULL
-- in turn, malformed correlations, tolerances at and beyond their bounds,
-- degenerate trial counts, and a statement timeout honoured while a block of
-- Latin hypercube inputs is drawn.  Every case ends in a value, NULL or an
-- error with its SQLSTATE, never a crash or an uninterruptible loop.
SET search_path = aibiz, public;

-- run a statement; its first result column as text, or SQLSTATE: message
CREATE FUNCTION pg_temp.try(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    res text;
BEGIN
    EXECUTE q INTO res;
    RETURN res;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE TEMP TABLE co AS SELECT
	'subscription(price=pert(40,50,70), seats=5)'::revenue_model AS revenue,
	'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%))'::risk_profile AS risk,
	'cash(amount=1M) + team(headcount=6, cost=uniform(14k,16k)) + product(churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800)'::plan AS plan,
	market(200000, 0.02, 0.03, 0.4, 0.1) AS mk;

-- each of the eleven arguments NULL in turn: NULL through sampling (the
-- strict part), a value when correlations or tolerance is NULL (their default)
SELECT i, simulate(
	CASE WHEN i = 1 THEN NULL ELSE revenue END, CASE WHEN i = 2 THEN NULL ELSE risk END,
	CASE WHEN i = 3 THEN NULL ELSE plan END, CASE WHEN i = 4 THEN NULL ELSE mk END,
	CASE WHEN i = 5 THEN NULL ELSE 12 END, CASE WHEN i = 6 THEN NULL ELSE 10 END,
	CASE WHEN i = 7 THEN NULL ELSE 1::bigint END, CASE WHEN i = 8 THEN NULL ELSE 0::bigint END,
	CASE WHEN i = 9 THEN NULL ELSE 'mc' END, CASE WHEN i = 10 THEN NULL ELSE '{}'::jsonb END,
	CASE WHEN i = 11 THEN NULL ELSE 0.5::float8 END) IS NULL AS is_null
FROM co, generate_series(1, 11) i ORDER BY i;
-- a NULL market name: NULL, like a NULL market row
SELECT simulate(revenue, risk, plan, NULL::text, 12, 10) IS NULL AS null_name FROM co;

-- sampling is exactly 'mc' or 'lhs'
SELECT s, pg_temp.try(format('SELECT simulate(revenue, risk, plan, mk, 12, 10, sampling => %L) IS NOT NULL FROM co', s)) AS result
FROM (VALUES ('mc'), ('lhs'), ('LHS'), (''), (E'lhs\n')) v(s);

-- correlations: a jsonb object of "pathA|pathB": rho in [-1, 1] between
-- inputs sampled once per trial; every other shape is 22023 (or 54000)
SELECT c, pg_temp.try(format('SELECT simulate(revenue, risk, plan, mk, 12, 10, correlations => %L) IS NOT NULL FROM co', c)) AS result
FROM (VALUES ('{}'), ('[]'), ('1'), ('null'), ('{"a|b": 1}'), ('{"|x": 1}'), ('{"x|": 1}'), ('{"a|b|c": 1}'),
	('{"subscription.price|product.churn": "0.5"}'), ('{"subscription.price|product.churn": null}'),
	('{"subscription.price|product.churn": 1.0000000000000000000001}'),
	('{"subscription.price|product.churn": -1}'), ('{"subscription.price|product.churn": 1e-400}'),
	('{"subscription.price|subscription.price": 1}'), ('{"subscription.price|team.headcount": 0.5}'),
	('{"subscription.price|competition.price": 0.5}'), ('{"subscription[0].price|product.churn": 0.5}'),
	('{"subscription[2].price|product.churn": 0.5}'),
	('{"subscription.price|product.churn": 1, "competition.freq|product.churn": -1}'),
	('{"subscription.price|product.churn": 0.9, "product.churn|subscription.price": 0.9}')) v(c);
-- three inputs whose correlations cannot hold together (price up with
-- churn and with team cost, which falls with churn): not PSD
SELECT pg_temp.try($q$SELECT simulate(revenue, risk, plan, mk, 12, 10, correlations =>
	'{"subscription.price|product.churn": 0.9, "subscription.price|team.cost": 0.9,
	  "product.churn|team.cost": -0.9}') IS NOT NULL FROM co$q$) AS not_psd;

-- tolerance: above 0 and below 1; NULL runs every trial
SELECT t, pg_temp.try(format('SELECT simulate(revenue, risk, plan, mk, 12, 10, tolerance => %s) IS NOT NULL FROM co', t)) AS result
FROM (VALUES ('0'), ('1'), ('-0'), ('''NaN'''), ('''Infinity'''), ('-1'), ('0.999999'), ('NULL')) v(t);
-- fewer trials than a batch (1000): one batch of all of them, the value
-- keeps them all and says it asked for them; a tolerance it cannot meet
-- runs every trial with a NOTICE
SELECT split_part(simulate(revenue, risk, plan, mk, 12, 999, tolerance => 0.5)::text, ' data=', 1) AS header FROM co;
SELECT split_part(simulate(revenue, risk, plan, mk, 12, 1500, tolerance => 1e-12)::text, ' data=', 1) AS header FROM co;

-- one trial: Latin hypercube has one stratum, the rearrangement nothing to
-- rearrange; both still make a valid value of one trial
SELECT trials(s), members(s), survival(s, 12) BETWEEN 0 AND 1 AS survival
FROM co, LATERAL (VALUES (simulate(revenue, risk, plan, mk, 12, 1, sampling => 'lhs',
	correlations => '{"subscription.price|product.churn": 1}'))) v(s);

-- scenario and seed at the ends of bigint
SELECT simulate(revenue, risk, plan, mk, 12, 10, seed => -9223372036854775808,
	scenario => 9223372036854775807) IS NOT NULL AS extremes FROM co;

-- A statement timeout is honoured while a block of inputs is drawn.  Nine
-- PERT inputs (each quantile an inverse beta, microseconds) over 300,000
-- Latin hypercube trials are 2.7 million draws made before the first trial
-- runs: tens of seconds without a check for a cancel inside the block.
-- The call is cancelled after 0.5 s; it must stop within 10 s.
SET statement_timeout = '500ms';
DO $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM aibiz.simulate(
		'subscription(price=pert(40,50,70), seats=pert(1,5,9)) + usage(price=pert(0.1,0.2,0.3), units=pert(10,20,90))',
		'',
		'cash(amount=1M) + team(headcount=pert(1,3,5), cost=pert(1k,2k,9k)) + product(churn=pert(0.01,0.02,0.05)) + marketing(budget=pert(1k,2k,9k), cac=pert(100,200,900))',
		aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 1, 300000, sampling => 'lhs');
	RAISE NOTICE 'not cancelled';
EXCEPTION WHEN query_canceled THEN
	RAISE NOTICE 'cancelled within 10 s: %', clock_timestamp() - t0 < interval '10 s';
END $$;
RESET statement_timeout;

-- sustainability() takes a market by name like every function that takes a
-- market: the same rows as with the row of aibiz.markets of that name; a
-- NULL name gives no rows, an unknown one 22023
SELECT count(*) AS rows, bool_and(n IS NOT DISTINCT FROM r) AS same_as_row
FROM (SELECT row_number() OVER () AS i, s AS n FROM sustainability(
		'subscription(price=10)', '', 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%) + marketing(budget=1k, cac=100)',
		'fintech.credit_scoring', 12, 10) s) a
JOIN (SELECT row_number() OVER () AS i, s AS r FROM markets m, sustainability(
		'subscription(price=10)', '', 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%) + marketing(budget=1k, cac=100)',
		m, 12, 10) s WHERE m.name = 'fintech.credit_scoring') b USING (i);
SELECT count(*) AS null_name FROM sustainability('subscription(price=10)', '', 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%) + marketing(budget=1k, cac=100)', NULL::text, 12, 10);
SELECT pg_temp.try($q$SELECT count(*) FROM sustainability('subscription(price=10)', '', 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%) + marketing(budget=1k, cac=100)', 'nowhere', 12, 10)$q$) AS unknown_name;
INSERT INTO companies (name, market_id, revenue, risk, plan)
VALUES ('hostile v2', 1, 'subscription(price=10)', '', 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=1%) + marketing(budget=1k, cac=100)');
SELECT count(*) AS company_rows, bool_and(s.verdict IS NOT NULL) AS verdicts
FROM companies c, sustainability(c, 'fintech.credit_scoring', 12, 10) s WHERE c.name = 'hostile v2';
DELETE FROM companies WHERE name = 'hostile v2';
