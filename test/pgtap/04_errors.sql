-- The error contract: each class of bad input raises its documented
-- SQLSTATE (22P02 syntax, 22023 out of domain, 54000 limits, 22003 overflow,
-- 22P03 bad binary), with a message that names the type, term and key.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS aibiz;

SELECT plan(29);

-- syntax: 22P02
SELECT throws_ok($$SELECT 'subscription(price=1'::aibiz.revenue_model$$, '22P02', NULL,
	'unbalanced parenthesis is a syntax error');
SELECT throws_ok($$SELECT 'subscription(price=1) junk'::aibiz.revenue_model$$, '22P02', NULL,
	'trailing garbage is a syntax error');
SELECT throws_ok($$SELECT ''::aibiz.plan$$, '22P02', NULL,
	'an empty plan is a syntax error');
SELECT throws_ok($$SELECT 'subscription(price 1)'::aibiz.revenue_model$$, '22P02', NULL,
	'a missing = is a syntax error');

-- domain: 22023, with type, term and key in the message
SELECT throws_ok($$SELECT 'subscription(price=-1)'::aibiz.revenue_model$$, '22023',
	'invalid value for type aibiz.revenue_model, term "subscription", key "price": value -1 is outside [0, inf)',
	'a negative price names type, term and key');
SELECT throws_ok($$SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=1.5)'::aibiz.plan$$,
	'22023', NULL, 'churn above 1 is out of domain');
SELECT throws_ok($$SELECT 'usage(price=1)'::aibiz.revenue_model$$, '22023', NULL,
	'a missing required key is out of domain');
SELECT throws_ok($$SELECT 'subscription(price=1, colour=2)'::aibiz.revenue_model$$, '22023', NULL,
	'an unknown key is out of domain');
SELECT throws_ok($$SELECT 'rocketry(freq=1)'::aibiz.risk_profile$$, '22023', NULL,
	'an unknown risk category is out of domain');
SELECT throws_ok($$SELECT 'subscription(price=triangular(3, 2, 1))'::aibiz.revenue_model$$, '22023', NULL,
	'triangular with min > mode > max is out of domain');
SELECT throws_ok($$SELECT 'subscription(price=lognormal(0, 1))'::aibiz.revenue_model$$, '22023', NULL,
	'lognormal with mean 0 is out of domain');
SELECT throws_ok($$SELECT 'subscription(price=NaN)'::aibiz.revenue_model$$, '22023', NULL,
	'NaN is rejected');
SELECT throws_ok($$SELECT 'subscription(price=1e999)'::aibiz.revenue_model$$, '22023', NULL,
	'a number overflowing float8 is rejected');
SELECT throws_ok($$SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + entry(mode=jv, cut=10%)'::aibiz.plan$$,
	'22023', NULL, 'a key of another entry mode is rejected');

-- limits: 54000
SELECT throws_ok($$SELECT (repeat('subscription(price=1) + ', 64) || 'subscription(price=1)')::aibiz.revenue_model$$,
	'54000', NULL, 'more than 64 terms is a limit');
SELECT throws_ok($$SELECT ('subscription(price=1' || repeat(' ', 70000) || ')')::aibiz.revenue_model$$,
	'54000', NULL, 'input above 64 kB is a limit');
SELECT throws_ok($$SELECT aibiz.project('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 601)$$, '54000', NULL, 'a horizon above 600 is a limit');
SELECT throws_ok($$SELECT aibiz.simulate('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 12, 2000000)$$, '54000', NULL, 'trials above aibiz.max_trials is a limit');

-- bad arguments of the models: 22023
SELECT throws_ok($$SELECT aibiz.project('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 0)$$, '22023', NULL, 'a horizon of 0 is out of domain');
SELECT throws_ok($$SELECT aibiz.simulate('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 12, 0)$$, '22023', NULL, 'zero trials is out of domain');
SELECT throws_ok($$SELECT aibiz.project('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	ROW(1000, 0, 0.03, 0.4)::record)$$, '22023', NULL, 'a market row without its columns is rejected');
SELECT throws_ok($$SELECT aibiz.npv_quantile(aibiz.simulate('subscription(price=1)', '',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)', aibiz.market(1000, 0, 0.03, 0.4, 0), 12, 10), 1.5)$$,
	'22023', NULL, 'a quantile outside [0, 1] is out of domain');

-- overflow: 22003
SELECT throws_ok($$SELECT aibiz.project('usage(price=1e300, units=1e300)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + marketing(organic=100%)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 12)$$, '22003', NULL, 'a projection overflowing float8 raises 22003');
SELECT throws_ok($$SELECT aibiz.sum(p) FROM (VALUES
	(aibiz.project('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)', aibiz.market(1000, 0, 0.03, 0.4, 0), 12)),
	(aibiz.project('subscription(price=1)', '', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)', aibiz.market(1000, 0, 0.03, 0.4, 0), 24))) v(p)$$,
	'22023', NULL, 'summing projections of different horizons is out of domain');

-- sustainability thresholds and values: 22023, checked before any simulation
SELECT throws_ok($$SELECT * FROM aibiz.sustainability_score('{1,1,1,1,1,1,1,1}', '{"survivl": 0.9}')$$,
	'22023', 'sustainability thresholds: unknown criterion "survivl"',
	'an unknown criterion is out of domain and named');
SELECT throws_ok($$SELECT * FROM aibiz.sustainability_score('{1,1,1,1,1,1,1,1}', '{"moic": {"weight": -1}}')$$,
	'22023', NULL, 'a negative weight is out of domain');
SELECT throws_ok($$SELECT * FROM aibiz.sustainability_score('{1,1,1}')$$,
	'22023', NULL, 'a values array of other than 8 elements is out of domain');
SELECT throws_ok($$SELECT * FROM aibiz.sustainability('subscription(price=1)', '',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0)',
	aibiz.market(1000, 0, 0.03, 0.4, 0), 60, 2000000000, 0, '[1]')$$,
	'22023', 'sustainability thresholds must be a jsonb object, got array',
	'sustainability() checks its thresholds before the simulation (whose trials are above the limit)');
SELECT throws_ok($$SELECT * FROM aibiz.sustainability_score('{1,1,1,1,1,1,1,1}', '{"survival": 1e400}')$$,
	'22003', NULL, 'a threshold beyond float8 is out of range');

SELECT * FROM finish();
ROLLBACK;
