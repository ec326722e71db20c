-- 61_tools_checks: a path's index names an existing term (set, scale,
-- solve); a jsonb number reads exactly as the same number written in text;
-- a number out of range in a simulation prints as PostgreSQL prints float8.
\set VERBOSITY terse

-- SQLSTATE, message and detail of a statement that must fail
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	d text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' | ' || d ELSE '' END;
END $$;

-- ---- a path's [n] names one of the value's terms, 1 to their count ----
-- one subscription term: [2] is a typo, not a second subscription
SELECT pg_temp.err($$SELECT aibiz.set('subscription(price=49, seats=3) + usage(price=0.01, units=1k)'::aibiz.revenue_model, 'subscription[2].price', '1')$$);
SELECT pg_temp.err($$SELECT aibiz.set('usage(price=1, units=10)'::aibiz.revenue_model, 'usage[2].price', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('data(freq=1)'::aibiz.risk_profile, 'data[2].freq', '3')$$);
-- an absent term: added with no index or [1], never with [2]
SELECT pg_temp.err($$SELECT aibiz.set(''::aibiz.risk_profile, 'privacy[2].freq', '1')$$);
SELECT aibiz.set(''::aibiz.risk_profile, 'privacy[1].freq', '0.5');
SELECT aibiz.set(''::aibiz.risk_profile, 'privacy.freq', '0.5');
-- the existing [n] still resolves
SELECT aibiz.set('subscription(price=49, seats=3) + usage(price=0.01, units=1k)'::aibiz.revenue_model, 'subscription[1].price', '50');
-- scale and solve resolve paths the same way
SELECT pg_temp.err($$SELECT aibiz.scale('subscription(price=49, seats=3)'::aibiz.revenue_model, 'subscription[2].price', 2)$$);
SELECT pg_temp.err($$SELECT * FROM aibiz.solve('subscription(price=100)'::aibiz.revenue_model, ''::aibiz.risk_profile, 'cash(amount=1M) + team(headcount=1, cost=10) + product(churn=0.1)'::aibiz.plan, aibiz.market(1000, 0, 0.03, 0.38, 0), 'subscription[2].price', 'npv', 500, 1, 1000, 3)$$);
SELECT pg_temp.err($$SELECT * FROM aibiz.solve('subscription(price=100)'::aibiz.revenue_model, ''::aibiz.risk_profile, 'cash(amount=1M) + team(headcount=1, cost=10) + product(churn=0.1)'::aibiz.plan, aibiz.market(1000, 0, 0.03, 0.38, 0), 'revenue.subscription[2].price', 'npv', 500, 1, 1000, 3)$$);

-- ---- jsonb numbers read as the same number in text ----
-- 1e-400 underflows to 0 by either route
SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": 1e-400}]')::text AS via_jsonb,
       'subscription(price=1e-400)'::aibiz.revenue_model::text AS via_text;
-- 0.1 + 2^-55 is not a double: both routes round the decimal once, to the same double
SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": 0.100000000000000027755575615628913510590791702270507812500001}]')
       OPERATOR(aibiz.=) 'subscription(price=0.100000000000000027755575615628913510590791702270507812500001)'::aibiz.revenue_model AS same,
       aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": 123456789.5e-3, "seats": {"dist": "uniform", "min": 1e0, "max": 30E-1}}]')::text AS exponents;
-- zero with a sign and trailing zeros, a negative exponent of a negative number
SELECT aibiz.plan_from_jsonb('[{"term": "cash", "amount": -0.000}, {"term": "team", "headcount": 2.50e1, "cost": 1e1}, {"term": "product", "churn": 0.5E-1}, {"term": "marketing", "growth": -25e-2}]')::text AS signs;
-- 1e400: the error of text input
SELECT pg_temp.err($$SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": 1e400}]')$$);
SELECT pg_temp.err($$SELECT 'subscription(price=1e400)'::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": {"dist": "normal", "mean": -1e400, "sd": 1}}]')$$);
-- a non-number names the term and key
SELECT pg_temp.err($$SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": "abc"}]')$$);
SELECT pg_temp.err($$SELECT aibiz.revenue_model_from_jsonb('[{"term": "subscription", "price": {"dist": "normal", "mean": true, "sd": 1}}]')$$);
SELECT pg_temp.err($$SELECT aibiz.plan_from_jsonb('[{"term": "cash", "amount": [1]}]')$$);

-- ---- non-finite numbers in messages: NaN, Infinity, -Infinity ----
-- revenue 1e300 * 1e300 seats overflows to Infinity and the costs to
-- Infinity too: their difference, and so the npv, is NaN
SELECT pg_temp.err($$SELECT aibiz.simulate('subscription(price=1e300, seats=1e300)', '', 'cash(amount=1e300)+team(headcount=1e6,cost=1e300)+product(churn=0)+marketing(budget=1e300,cac=1e-300)', aibiz.market(1e308,0.999,1e300,1e308,1e308), 600, 20, 1)$$);
