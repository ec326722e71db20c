-- 60_tools: overrides (aibiz.set, aibiz.scale), the jsonb casts back, tornado
-- and spider of the expected path.  Expected numbers are computed by hand
-- from the monthly model in the comments.
\set VERBOSITY terse

-- SQLSTATE and message of a statement that must fail
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---- set: the text written by hand ----
SELECT aibiz.set('cash(amount=1M) + team(headcount=5, cost=10k) + product(churn=2%)'::aibiz.plan,
                 'team.headcount', '20');
-- usage[2] is the second usage term; new is read with the value grammar
SELECT aibiz.set('usage(price=1, units=10) + usage(price=2, units=5)'::aibiz.revenue_model,
                 'usage[2].price', 'pert(1, 2, 4)');
SELECT aibiz.set('usage(price=1, units=10) + usage(price=2, units=5)'::aibiz.revenue_model,
                 'Usage[1].UNITS', '1.5k');
-- a strategy argument, a whole strategy, a risk's frequency
SELECT aibiz.set('competition(freq=1, strategy=mitigate(cost=1k, effect=50%))'::aibiz.risk_profile,
                 'competition.strategy.effect', '30%');
SELECT aibiz.set('competition(freq=1)'::aibiz.risk_profile,
                 'competition.strategy', 'transfer(premium=200, cover=0.9)');
SELECT aibiz.set('competition(freq=1)'::aibiz.risk_profile, 'competition.freq', 'lognormal(2, 0.5)');
-- round[2] by month; moving it re-sorts the rounds
SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + round(month=6, amount=1M) + round(month=18, amount=3M)'::aibiz.plan,
                 'round[2].amount', '4M');
SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + round(month=6, amount=1M) + round(month=18, amount=3M)'::aibiz.plan,
                 'round[1].month', '24');
-- absent terms are added with their defaults
SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan,
                 'valuation.multiple', '8');
SELECT aibiz.set(''::aibiz.risk_profile, 'privacy.freq', '0.5');
SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan,
                 'entry.mode', 'channel');
-- a value equal to the default disappears from the text (canonical form)
SELECT aibiz.set('subscription(price=10, seats=3)'::aibiz.revenue_model, 'subscription.seats', '1');
-- ... and the added term that is invalid with its defaults says why
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'marketing.budget', '10k')$$);
SELECT pg_temp.err($$SELECT aibiz.set('subscription(price=1)'::aibiz.revenue_model, 'usage.price', '2')$$);

-- ---- bad paths (22023, naming the path, listing what is valid) ----
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'teem.headcount', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'team.heads', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('usage(price=1, units=10) + usage(price=2, units=5)'::aibiz.revenue_model, 'usage.price', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('usage(price=1, units=10)'::aibiz.revenue_model, 'usage[3].price', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('data(freq=1)'::aibiz.risk_profile, 'data.strategy.effect', '0.2')$$);
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'entry.cut', '0.1')$$);
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'team', '2')$$);
SELECT pg_temp.err($$SELECT aibiz.scale('usage(price=1, units=10)'::aibiz.revenue_model, 'advertising.cpm', 2)$$);
SELECT pg_temp.err($$SELECT aibiz.scale('data(freq=1)'::aibiz.risk_profile, 'data.strategy', 2)$$);
-- ---- bad values: syntax 22P02, domain 22023 ----
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'team.cost', '1 +')$$);
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'product.churn', '120%')$$);
SELECT pg_temp.err($$SELECT aibiz.set('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'product.launch', '2.5')$$);
SELECT pg_temp.err($$SELECT aibiz.scale('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'product.churn', -1)$$);
SELECT pg_temp.err($$SELECT aibiz.scale('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1)'::aibiz.plan, 'team.cost', 'infinity')$$);

-- ---- scale ----
-- normal: mean and sd; uniform: both ends; triangular: all three points
SELECT aibiz.scale('subscription(price=normal(10, 2), seats=uniform(1, 3)) + usage(price=1, units=triangular(10, 20, 40))'::aibiz.revenue_model,
                   'subscription.price', 1.5);
SELECT aibiz.scale('subscription(price=normal(10, 2), seats=uniform(1, 3)) + usage(price=1, units=triangular(10, 20, 40))'::aibiz.revenue_model,
                   'subscription.seats', 2);
SELECT aibiz.scale('subscription(price=normal(10, 2), seats=uniform(1, 3)) + usage(price=1, units=triangular(10, 20, 40))'::aibiz.revenue_model,
                   'usage.units', 0.5);
-- scale by 1 is the identity, on sample companies' shown keys
SELECT count(*) AS checked,
       bool_and(aibiz.scale(c.plan, 'team.cost', 1) OPERATOR(aibiz.=) c.plan) AS plan_same,
       bool_and(aibiz.scale(c.plan, 'product.churn', 1) OPERATOR(aibiz.=) c.plan) AS churn_same,
       bool_and(aibiz.scale(c.plan, 'cash.amount', 1) OPERATOR(aibiz.=) c.plan) AS cash_same
FROM aibiz.sample_companies(100, 7) c;

-- ---- jsonb casts back: (x::jsonb)::type = x for every sample value ----
-- licensing has a key named term: in jsonb it is term_months, so that it
-- cannot replace the term's name
SELECT 'licensing(deals=2, fee=1k, term=24)'::aibiz.revenue_model::jsonb;
SELECT count(*) AS companies,
       bool_and((c.revenue::jsonb)::aibiz.revenue_model OPERATOR(aibiz.=) c.revenue) AS revenue_back,
       bool_and((c.risk::jsonb)::aibiz.risk_profile OPERATOR(aibiz.=) c.risk) AS risk_back,
       bool_and((c.plan::jsonb)::aibiz.plan OPERATOR(aibiz.=) c.plan) AS plan_back
FROM aibiz.sample_companies(500, 11) c;
-- every distribution, strategy and entry mode, and numbers that need every digit
SELECT (x::jsonb)::aibiz.revenue_model OPERATOR(aibiz.=) x AS revenue_back
FROM (SELECT 'subscription(price=normal(10.1, 0.3), seats=uniform(1, 3), cost=pert(0.1, 0.2, 0.7)) + usage(price=lognormal(0.001, 0.0004), units=triangular(1e-300, 2, 1e300)) + licensing(deals=0.1, fee=1.7976931348623157e308)'::aibiz.revenue_model AS x) s;
SELECT (x::jsonb)::aibiz.risk_profile OPERATOR(aibiz.=) x AS risk_back
FROM (SELECT 'technology(freq=1, strategy=avoid(forgo=0.1)) + team(freq=2, loss=5k, strategy=transfer(premium=10, cover=0.3)) + data(freq=uniform(0, 1), strategy=mitigate(cost=1, effect=0.2))'::aibiz.risk_profile AS x) s;
SELECT (x::jsonb)::aibiz.plan OPERATOR(aibiz.=) x AS plan_back
FROM (SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(launch=4, churn=0.1) + entry(mode=jv, stake=0.3) + round(month=3, amount=5, p=0.5) + round(month=9, amount=6) + valuation(discount=0.1)'::aibiz.plan AS x) s;
SELECT ''::aibiz.risk_profile::jsonb::aibiz.risk_profile::text AS empty_back;
-- keys may be left out for their defaults; errors name the type
SELECT '[{"term": "subscription", "price": 10}]'::jsonb::aibiz.revenue_model;
SELECT pg_temp.err($$SELECT '{"term": "subscription"}'::jsonb::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT '[{"term": "subscription"}]'::jsonb::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT '[{"term": "subscription(price=1)+x", "price": 1}]'::jsonb::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT '[{"term": "subscription", "price": "1"}]'::jsonb::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT '[{"term": "subscription", "price": {"dist": "normal", "mean": 1}}]'::jsonb::aibiz.revenue_model$$);
SELECT pg_temp.err($$SELECT '[{"term": "subscription", "price": -1}]'::jsonb::aibiz.revenue_model$$);

-- ---- tornado ----
-- The tiny company over 3 months: market 1000 accounts, adoption 0, p=0.03,
-- q=0.38; subscription price 100; one head at 10; churn 10 %; organic 100 %.
-- New adopters A_1..A_3 = 2.5367474636, 2.6114038552, 2.6878127609 and
-- C_t = 0.9 C_{t-1} + A_t give R_t = 100 C_t = 253.6747, 489.4477, 709.2842.
-- rho = 1.25^(1/12) - 1 = 0.0187692651, d = 1/(1+rho) = 0.9815765299.
-- NPV = sum (R_t - 10) d^t = 1362.471760 (base).
-- price 80 / 120: NPV = sum (0.8 R_t - 10) d^t = 1084.195787 and 1640.747733,
--   swing 0.4 sum R_t d^t = 556.551946.
-- organic 0.8 / 1 (1.2 is clamped to the domain [0, 1]): 1084.195787 and
--   1362.471760, swing 278.275973 (revenue is linear in organic here).
-- churn 0.08 / 0.12: C recomputed: 1381.032213 and 1344.103236, swing 36.928977.
-- team head 0.8 / 1.2 (or cost 8 / 12): 10 -> 8 or 12 a month:
--   1368.253381 and 1356.690139, swing 4 sum d^t = 11.563242.
-- cash 800 / 1200: no effect on the enterprise NPV, swing 0.
CREATE TEMP TABLE tiny AS
SELECT 'subscription(price=100)'::aibiz.revenue_model AS r, ''::aibiz.risk_profile AS k,
       'cash(amount=1000) + team(headcount=1, cost=10) + product(churn=10%) + marketing(organic=1)'::aibiz.plan AS p,
       aibiz.market(1000, 0, 0.03, 0.38, 0) AS m;
SELECT t.ord, t.source, t.path, t.kind, t.low_input, t.high_input,
       round(t.low_value::numeric, 6) AS low_value, round(t.high_value::numeric, 6) AS high_value,
       round(t.base_value::numeric, 6) AS base_value, round(t.swing::numeric, 6) AS swing
FROM tiny, aibiz.tornado(r, k, p, m, 3) t ORDER BY t.ord;
-- each row's metric equals npv(project(set(...))) computed independently
CREATE FUNCTION pg_temp.npv_with(r aibiz.revenue_model, k aibiz.risk_profile, p aibiz.plan, m aibiz.market,
                                  h int, source text, path text, v float8) RETURNS float8
LANGUAGE sql AS $$
SELECT aibiz.npv(aibiz.project(
	CASE WHEN source = 'revenue' THEN aibiz.set(r, path, v::text) ELSE r END,
	CASE WHEN source = 'risk' THEN aibiz.set(k, path, v::text) ELSE k END,
	CASE WHEN source = 'plan' THEN aibiz.set(p, path, v::text) ELSE p END, m, h))
$$;
SELECT count(*) AS rows,
       bool_and(t.low_value = pg_temp.npv_with(r, k, p, m, 3, t.source, t.path, t.low_input)) AS low_matches,
       bool_and(t.high_value = pg_temp.npv_with(r, k, p, m, 3, t.source, t.path, t.high_input)) AS high_matches,
       bool_and(t.base_value = aibiz.npv(aibiz.project(r, k, p, m, 3))) AS base_matches
FROM tiny, aibiz.tornado(r, k, p, m, 3) t;
-- the same on sample companies with risks and distributions, every metric
SELECT count(*) AS rows,
       bool_and(t.low_value = pg_temp.npv_with(c.revenue, c.risk, c.plan, aibiz.market(mk.accounts, mk.adoption, mk.bass_p, mk.bass_q, mk.growth, mk.id), 36, t.source, t.path, t.low_input)) AS low_matches,
       bool_and(t.high_value = pg_temp.npv_with(c.revenue, c.risk, c.plan, aibiz.market(mk.accounts, mk.adoption, mk.bass_p, mk.bass_q, mk.growth, mk.id), 36, t.source, t.path, t.high_input)) AS high_matches,
       bool_and(t.swing = abs(t.high_value - t.low_value)) AS swing_ok
FROM aibiz.sample_companies(6, 5) c
JOIN aibiz.markets mk ON mk.id = c.market_id,
LATERAL aibiz.tornado(c.revenue, c.risk, c.plan, mk, 36) t;
-- sorted by swing, largest first, ord 1..n
SELECT bool_and(ok) AS sorted FROM (
	SELECT t.swing <= lag(t.swing, 1, 'infinity') OVER (PARTITION BY c.name ORDER BY t.ord)
	       AND t.ord = row_number() OVER (PARTITION BY c.name ORDER BY t.ord) AS ok
	FROM aibiz.sample_companies(6, 5) c JOIN aibiz.markets mk ON mk.id = c.market_id,
	LATERAL aibiz.tornado(c.revenue, c.risk, c.plan, mk, 36) t) s;
-- other metrics against their own accessors
SELECT t.metric, bool_and(t.ok) AS matches FROM (
	SELECT 'arr' AS metric,
	       x.low_value = aibiz.arr(aibiz.project(aibiz.set(r, 'subscription.price', x.low_input::text), k, p, m, 3), 3) AS ok
	FROM tiny, aibiz.tornado(r, k, p, m, 3, 'arr') x WHERE x.path = 'subscription.price'
	UNION ALL
	SELECT 'lowest_cash', x.high_value = (SELECT min(cash) FROM aibiz.rows(aibiz.project(r, k, aibiz.set(p, 'team.cost', x.high_input::text), m, 3)))
	FROM tiny, aibiz.tornado(r, k, p, m, 3, 'lowest_cash') x WHERE x.path = 'team.cost'
	UNION ALL
	SELECT 'breakeven_month', x.base_value = coalesce(aibiz.breakeven_month(aibiz.project(r, k, p, m, 3)), 4)
	FROM tiny, aibiz.tornado(r, k, p, m, 3, 'breakeven_month') x) t
GROUP BY t.metric ORDER BY t.metric;
-- One uncertain input: training cost normal(1000, 200) every month, nothing
-- else that moves NPV (price 0, no team cost, no churn; cash does not enter
-- the enterprise NPV).  Over 12 months sum d^t = 0.2 / rho = 10.655718, so
-- NPV = -cost x 10.655718; P10, P90 = 1000 -+ 1.2815516 x 200 = 743.689687 and
-- 1256.310313: NPV -7924.547734 and -13386.888671, swing 5462.340938.
-- The other rows hold the base: the projection takes the mean of the cost
-- clamped to [0, inf), 1000 Phi(5) + 200 phi(5) = 1000.0000106923, so the
-- base NPV is -1000.0000106923 x 10.655718202 = -10655.718316.
SELECT t.path, t.kind, round(t.low_input::numeric, 6) AS low_input, round(t.high_input::numeric, 6) AS high_input,
       round(t.low_value::numeric, 6) AS low_value, round(t.high_value::numeric, 6) AS high_value,
       round(t.swing::numeric, 6) AS swing
FROM aibiz.tornado('subscription(price=0)', '',
                   'cash(amount=1k) + team(headcount=0, cost=0) + product(churn=0) + training(cost=normal(1000, 200), every=1)',
                   aibiz.market(1000, 0, 0.03, 0.38, 0), 12) t
ORDER BY t.ord;
-- the companies-row overloads give the same rows
BEGIN;
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT 'tools ' || s.name, s.market_id, s.revenue, s.risk, s.plan FROM aibiz.sample_companies(3, 9) s;
SELECT count(*) AS tornado_rows, count(*) FILTER (WHERE a IS DISTINCT FROM b) AS differ FROM (
	SELECT t AS a, u AS b
	FROM aibiz.companies c JOIN aibiz.markets mk ON mk.id = c.market_id,
	LATERAL aibiz.tornado(c.revenue, c.risk, c.plan, mk) WITH ORDINALITY t
	FULL JOIN LATERAL aibiz.tornado(c, mk) WITH ORDINALITY u ON u.ordinality = t.ordinality
	WHERE c.name LIKE 'tools %') s;
SELECT count(*) AS spider_rows, count(*) FILTER (WHERE a IS DISTINCT FROM b) AS differ FROM (
	SELECT t AS a, u AS b
	FROM aibiz.companies c JOIN aibiz.markets mk ON mk.id = c.market_id,
	LATERAL aibiz.spider(c.revenue, c.risk, c.plan, mk, 24) WITH ORDINALITY t
	FULL JOIN LATERAL aibiz.spider(c, mk, 24) WITH ORDINALITY u ON u.ordinality = t.ordinality
	WHERE c.name LIKE 'tools %') s;
ROLLBACK;
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.tornado(r, k, p, m, 3, 'survival')$$);
SELECT pg_temp.err($$SELECT * FROM tiny, aibiz.tornado(r, k, p, m, 0)$$);

-- ---- spider ----
-- factors 0.7 .. 1.3; price of the tiny company: NPV linear in the factor,
-- sum (f R_t - 10) d^t with sum R_t d^t = 1391.379866 and 10 sum d^t = 28.908106:
-- f = 0.7 -> 945.057800, 0.8 -> 1084.195787, ..., 1.3 -> 1779.885720.
SELECT s.factor, s.input, round(s.value::numeric, 6) AS value
FROM tiny, aibiz.spider(r, k, p, m, 3) s WHERE s.path = 'subscription.price' ORDER BY s.factor;
SELECT count(*) AS rows, count(DISTINCT s.path) AS inputs,
       bool_and(s.value = pg_temp.npv_with(r, k, p, m, 3, s.source, s.path, s.input)) AS matches
FROM tiny, aibiz.spider(r, k, p, m, 3) s;
-- organic 1 scaled up is clamped to 1
SELECT s.factor, s.input FROM tiny, aibiz.spider(r, k, p, m, 3) s
WHERE s.path = 'marketing.organic' AND s.factor >= 1 ORDER BY s.factor;
