-- Errors that say the fix: the valid names in DETAIL, the nearest in HINT.
\set VERBOSITY default
SELECT 'subscripton(price=49)'::aibiz.revenue_model;
SELECT 'usage(pirce=0.01, units=1k)'::aibiz.revenue_model;
SELECT 'banana(price=1)'::aibiz.revenue_model;
SELECT 'subscription(price=nromal(10, 2))'::aibiz.revenue_model;
SELECT 'regulation(freq=1, strategy=mitgate(cost=1k, effect=50%))'::aibiz.risk_profile;
SELECT 'regulation(freq=1, strategy=mitigate(cots=1k, effect=50%))'::aibiz.risk_profile;
SELECT 'regulation(freq=1, stratgy=accept())'::aibiz.risk_profile;
SELECT 'cash(amount=1M) + team(headcount=2, cost=10k) + product(churn=2%) + entry(mode=chanel)'::aibiz.plan;
SELECT 'cash(amount=1M) + team(headcount=2, cost=10k) + product(churn=2%) + MARKETTING(budget=1k, cac=100)'::aibiz.plan;
SELECT 'subscription(price=1,000)'::aibiz.revenue_model;
SELECT 'subscription(price=49$)'::aibiz.revenue_model;
-- the same for the paths of set()
SELECT aibiz.set('subscription(price=49)'::aibiz.revenue_model, 'subscription.prise', '50');
SELECT aibiz.set('subscription(price=49)'::aibiz.revenue_model, 'subscripton.price', '50');
