-- The three forms of a market argument give the same results: a row of
-- aibiz.markets (any row with the five columns), an aibiz.market, and a
-- market name looked up in aibiz.markets.
\set VERBOSITY sqlstate
CREATE TEMP TABLE co AS
SELECT 'subscription(price=triangular(80, 99, 130), seats=3)'::aibiz.revenue_model AS r,
       'competition(freq=0.5, price=5%)'::aibiz.risk_profile AS k,
       'cash(amount=2M) + team(headcount=5, cost=12k) + product(churn=2%)'::aibiz.plan AS p;

-- which overload each call resolves to (the argument type of the market)
SELECT pg_typeof(m) AS markets_row, pg_typeof(aibiz.market(1, 0, 0.1, 0, 0)) AS built
FROM aibiz.markets m WHERE m.id = 1;

-- projection: row, aibiz.market and name give the same bytes
SELECT aibiz.project(r, k, p, m, 24)::text = aibiz.project(r, k, p, aibiz.market(m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth), 24)::text AS row_eq_market,
       aibiz.project(r, k, p, m, 24)::text = aibiz.project(r, k, p, m.name, 24)::text AS row_eq_name,
       aibiz.project(r, k, p, m, 24)::text = aibiz.project(r, k, p, 'logistics.routing', 24)::text AS row_eq_literal
FROM co, aibiz.markets m WHERE m.name = 'logistics.routing';

-- simulation, tornado, spider, sensitivity and solve likewise
SELECT aibiz.simulate(r, k, p, m, 24, 50, 3)::text = aibiz.simulate(r, k, p, aibiz.market(m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth, m.id), 24, 50, 3)::text AS sim_market,
       aibiz.simulate(r, k, p, m, 24, 50, 3)::text = aibiz.simulate(r, k, p, m.name, 24, 50, 3)::text AS sim_name,
       (SELECT array_agg(t.swing ORDER BY t.ord) FROM aibiz.tornado(r, k, p, m, 24) t)
         = (SELECT array_agg(t.swing ORDER BY t.ord) FROM aibiz.tornado(r, k, p, 'logistics.routing', 24) t) AS tornado_name,
       (SELECT array_agg(s.value ORDER BY s.path, s.factor) FROM aibiz.spider(r, k, p, m, 24) s)
         = (SELECT array_agg(s.value ORDER BY s.path, s.factor) FROM aibiz.spider(r, k, p, aibiz.market_by_name(m.name), 24) s) AS spider_market,
       (SELECT array_agg(s.variance_share ORDER BY s.ord) FROM aibiz.sensitivity(r, k, p, m, 24, 40, 1) s)
         IS NOT DISTINCT FROM (SELECT array_agg(s.variance_share ORDER BY s.ord) FROM aibiz.sensitivity(r, k, p, m.name, 24, 40, 1) s)
         AND EXISTS (SELECT FROM aibiz.sensitivity(r, k, p, m.name, 24, 40, 1)) AS sensitivity_name,
       (aibiz.solve(r, k, p, m, 'subscription.price', 'npv', aibiz.npv(aibiz.project(r, k, p, m, 24)), 1, 10000, 24))
         = (aibiz.solve(r, k, p, m.name, 'subscription.price', 'npv', aibiz.npv(aibiz.project(r, k, p, m, 24)), 1, 10000, 24)) AS solve_name
FROM co, aibiz.markets m WHERE m.name = 'logistics.routing';

-- the companies-row forms
BEGIN;
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT 'forms co', m.id, r, k, p FROM co, aibiz.markets m WHERE m.name = 'logistics.routing';
SELECT aibiz.project(c, m, 12)::text = aibiz.project(c, 'logistics.routing', 12)::text AS company_name,
       aibiz.project(c, m, 12)::text = aibiz.project(c, aibiz.market(m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth), 12)::text AS company_market,
       aibiz.simulate(c, m, 12, 20, 1)::text = aibiz.simulate(c, m.name, 12, 20, 1)::text AS company_sim
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id WHERE c.name = 'forms co';
ROLLBACK;

-- NULL market in any form: NULL
SELECT aibiz.project(r, k, p, NULL::aibiz.market) IS NULL AS null_market,
       aibiz.project(r, k, p, NULL::text) IS NULL AS null_name,
       aibiz.project(r, k, p, NULL) IS NULL AS null_unknown
FROM co;

-- an unknown name: 22023, with the valid names and what to pass instead
\set VERBOSITY default
SELECT aibiz.project(r, k, p, 'ai.chatbot') FROM co;
\set VERBOSITY sqlstate
-- an invalid aibiz.market built by a cast (not through market()) is refused
-- like an invalid row
SELECT aibiz.project(r, k, p, '(1000,1.5,0.02,0.3,0.05,)'::aibiz.market) FROM co;
SELECT aibiz.project(r, k, p, '(1000,0.1,0.02,0.3,,)'::aibiz.market) FROM co;
