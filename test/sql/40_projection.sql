-- 40_projection: the expected path (docs/model.md) through aibiz.project(), its
-- row output and summaries, the sum aggregate and unit economics.  Every
-- expected number is computed by hand from docs/model.md in the comments.
\set VERBOSITY terse
SET extra_float_digits = 0;

-- SQLSTATE and message of a statement that must fail
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- The tiny company:
--   market accounts=1000, adoption=0, p=0.03, q=0.38, growth=0;
--   subscription(price=100); cash 1000, one head at 10 a month, launch 1,
--   churn 10 %, organic capture 100 % (reach 1, no paid marketing).
-- tau0 = ln((1 + (q/p)·0)/(1 - 0))/(p+q) = 0, so
--   F(tau) = (1 - e^(-0.41 tau)) / (1 + (38/3) e^(-0.41 tau)).
--   F(1/12): e^(-0.41/12) = 0.9664104228 -> 0.0335895772 / 13.2412653 = 0.0025367475
--   F(2/12): e = 0.9339491053 -> 0.0660508947 / 12.8300220 = 0.0051481513
--   F(3/12): e = 0.9025781498 -> 0.0974218502 / 12.4326566 = 0.0078359641
--   A_t = 1000·(F(t/12) - F((t-1)/12)): A_1 = 2.5367474636, A_2 = 2.6114038552,
--   A_3 = 2.6878127609 (M_t = 1000, no paid accounts, room never binds).
-- C_t = 0.9·C_{t-1} + A_t, S_t = 0.9·S_{t-1} + 100·A_t = 100·C_t:
--   C_1 = 2.5367474636                       R_1 = 253.6747463617
--   C_2 = 0.9·2.5367474636 + 2.6114038552 = 4.8944765724   R_2 = 489.4476572439
--   C_3 = 0.9·4.8944765724 + 2.6878127609 = 7.0928416761   R_3 = 709.2841676090
-- F_t = R_t - 10; K_t = K_{t-1} + F_t:
--   K_1 = 1000 + 243.6747463617 = 1243.6747463617
--   K_2 = 1243.6747463617 + 479.4476572439 = 1723.1224036057
--   K_3 = 1723.1224036057 + 699.2841676090 = 2422.4065712147
CREATE TEMP TABLE tiny AS
SELECT 'subscription(price=100)'::aibiz.revenue_model AS rv,
	   ''::aibiz.risk_profile AS rk,
	   'cash(amount=1000) + team(headcount=1, cost=10) + product(launch=1, churn=10%)
		+ marketing(organic=100%)'::aibiz.plan AS pl,
	   aibiz.market(1000, 0, 0.03, 0.38, 0) AS m;

SELECT month, round(accounts::numeric, 6) AS accounts, round(new_accounts::numeric, 6) AS new,
	   round(revenue::numeric, 6) AS revenue, round(cash_flow::numeric, 6) AS cash_flow,
	   round(cash::numeric, 6) AS cash, opex, marketing, cost_of_revenue, funding
FROM tiny, aibiz.rows(aibiz.project(rv, rk, pl, m, 3));

-- horizon, members, launch; the default horizon is 60 months
SELECT aibiz.horizon(p), aibiz.members(p), aibiz.launch_month(p),
	   aibiz.horizon(aibiz.project(rv, rk, pl, m)) AS default_horizon
FROM tiny, aibiz.project(rv, rk, pl, m, 3) p;

-- NPV at the default discount 25 %/year, v = 1.25^(-1/12) = 0.981576529874:
--   243.6747463617·v + 479.4476572439·v^2 + 699.2841676090·v^3 = 1362.4717600021
SELECT round(aibiz.npv(aibiz.project(rv, rk, pl, m, 3))::numeric, 6) AS npv FROM tiny;

-- ARR = 12·R_3 = 12·709.2841676090 = 8511.410011308; breakeven month 1
-- (F_1 = 243.67 >= 0); runway NULL (cash never negative)
SELECT round(aibiz.arr(p, 3)::numeric, 6) AS arr3, round(aibiz.arr(p, 1)::numeric, 6) AS arr1,
	   aibiz.breakeven_month(p), aibiz.runway(p)
FROM tiny, aibiz.project(rv, rk, pl, m, 3) p;
SELECT pg_temp.err($$SELECT aibiz.arr(aibiz.project(rv, rk, pl, m, 3), 4) FROM tiny$$);
SELECT pg_temp.err($$SELECT aibiz.arr(aibiz.project(rv, rk, pl, m, 3), 0) FROM tiny$$);

-- summary: totals revenue 253.6747+489.4477+709.2842 = 1452.406571, costs
-- 3 x 10 = 30, no burn, lowest cash K_1, final accounts C_3
SELECT key, CASE WHEN value::text LIKE '%.%' THEN round(value::text::numeric, 6)::text
				 ELSE value::text END AS value
FROM tiny, jsonb_each(aibiz.summary(aibiz.project(rv, rk, pl, m, 3)))
ORDER BY key;
-- the summary's numbers carry every digit: they read back to the same float8
-- (NPV 1362.471760... has more than 15 significant digits)
SELECT (aibiz.summary(p)->>'npv')::float8 = aibiz.npv(p) AS npv_exact,
	   (aibiz.summary(p)->>'arr')::float8 = aibiz.arr(p, 3) AS arr_exact
FROM tiny, aibiz.project(rv, rk, pl, m, 3) p;

-- Subscription-only steady state against the closed form.  Paid acquisition
-- only: budget 1000, cac 10 -> b_t = 100·(1 - C_{t-1}/M), M = 1e12, churn 10 %:
--   C_t = C_{t-1}·(1 - 0.1 - 1e-10) + 100, so C_t = C*·(1 - 0.8999999999^t)
--   with C* = 100/(0.1 + 1e-10) = 999.999999 -> accounts -> n/churn = 1000.
--   C_12 = 999.999999·(1 - 0.9^12) = 999.999999·0.717570463519 = 717.570463
--   C_600 = C* (0.9^600 ~ 1e-28): 999.999999, revenue 50·C* = 49999.99995,
--   new accounts 100·(1 - 1e-9) = 99.9999999, marketing 1000 each month.
SELECT month, round(accounts::numeric, 4) AS accounts, round(new_accounts::numeric, 4) AS new,
	   round(revenue::numeric, 2) AS revenue, marketing
FROM aibiz.rows(aibiz.project('subscription(price=50)', '',
		'cash(amount=0) + team(headcount=0, cost=0) + product(churn=10%) + marketing(budget=1000, cac=10)',
		aibiz.market(1e12, 0, 0.03, 0, 0), 600))
WHERE month IN (1, 12, 600);

-- Licensing: deals=12/year -> 1 expected deal a month from launch (month 2);
-- each pays fee 1000 in its first month and royalty 10 % x base 500 = 50 in
-- each of its term = 3 months; cost 100 per deal.
--   month 1: 0 (before launch)
--   month 2: 1000 + 50·1 = 1050; month 3: 1000 + 50·2 = 1100;
--   month 4: 1000 + 50·3 = 1150; month 5: 1150 (the month-2 deal has ended)
--   cash_5 = 1050 + 1100 + 1150 + 1150 - 4 x 100 = 4050
SELECT month, accounts, rev_licensing, revenue, cost_of_revenue, gross_profit, cash
FROM aibiz.rows(aibiz.project('licensing(deals=12, fee=1000, royalty=10%, base=500, term=3, cost=100)', '',
		'cash(amount=0) + team(headcount=0, cost=0) + product(launch=2, churn=0)',
		aibiz.market(1000, 0, 0.03, 0.38, 0), 5));

-- Entry modes against direct entry, months 1..12.
--   channel(cut=20 %, reach=50 %): organic capture halves, so accounts and
--   gross revenue are 0.5 x direct and net revenue 0.5 x 0.8 = 0.4 x direct.
--   Month 1: accounts 0.5·2.5367474636 = 1.2683737318, revenue 101.4698985447.
--   jv(stake=30 %): accounts as direct, every flow x 0.7: revenue_1 =
--   0.7·253.6747463617 = 177.5723224532, opex 7, cash_1 = 1000 + 170.5723224532.
WITH d AS (SELECT * FROM tiny, aibiz.rows(aibiz.project(rv, rk, pl, m, 12))),
	 ch AS (SELECT * FROM tiny, aibiz.rows(aibiz.project(rv, rk,
			(pl::text || ' + entry(mode=channel, cut=20%, reach=50%)')::aibiz.plan, m, 12))),
	 jv AS (SELECT * FROM tiny, aibiz.rows(aibiz.project(rv, rk,
			(pl::text || ' + entry(mode=jv, stake=30%)')::aibiz.plan, m, 12)))
SELECT bool_and(abs(ch.accounts - 0.5 * d.accounts) < 1e-8) AS ch_accounts,
	   bool_and(abs(ch.gross_revenue - 0.5 * d.gross_revenue) < 1e-6) AS ch_gross,
	   bool_and(abs(ch.revenue - 0.4 * d.revenue) < 1e-6) AS ch_net,
	   bool_and(abs(jv.accounts - d.accounts) < 1e-8) AS jv_accounts,
	   bool_and(abs(jv.revenue - 0.7 * d.revenue) < 1e-6) AS jv_net,
	   bool_and(abs(jv.opex - 7) < 1e-9) AS jv_opex,
	   bool_and(abs(jv.cash_flow - 0.7 * d.cash_flow) < 1e-6) AS jv_flow
FROM d JOIN ch USING (month) JOIN jv USING (month);
SELECT 'channel' AS mode, round(accounts::numeric, 6) AS accounts, round(revenue::numeric, 6) AS revenue,
	   round(cash::numeric, 6) AS cash
FROM tiny, aibiz.rows(aibiz.project(rv, rk,
		(pl::text || ' + entry(mode=channel, cut=20%, reach=50%)')::aibiz.plan, m, 1))
UNION ALL
SELECT 'jv', round(accounts::numeric, 6), round(revenue::numeric, 6), round(cash::numeric, 6)
FROM tiny, aibiz.rows(aibiz.project(rv, rk,
		(pl::text || ' + entry(mode=jv, stake=30%)')::aibiz.plan, m, 1));

-- Risk effects, one at a time, on the tiny company (expected monthly effect
-- with lambda/12 = 1 event a month for freq = 12).
--   loss 100: risk_cost 100 a month, cash_3 = 2422.406571 - 300 = 2122.406571
--   transfer(premium 5, cover 40 %): 100·0.6 + 5 = 65 a month, cash_3 = 2227.406571
--   mitigate(cost 10, effect 50 %): lambda halves -> 50 + 10 = 60, cash_3 = 2242.406571
--   avoid(forgo 10 %): no loss, R = 0.9·G: R_1 = 228.307272, gross 253.674746
--   cost 5: E grows by 5 a month -> opex = 10 + 5t: 15, 20, 25
SELECT r.name, month, round(revenue::numeric, 6) AS revenue, round(gross_revenue::numeric, 6) AS gross,
	   opex, risk_cost, round(cash::numeric, 6) AS cash
FROM tiny,
	 (VALUES ('loss', 'technology(freq=12, loss=100)'),
			 ('transfer', 'technology(freq=12, loss=100, strategy=transfer(premium=5, cover=40%))'),
			 ('mitigate', 'technology(freq=12, loss=100, strategy=mitigate(cost=10, effect=50%))'),
			 ('avoid', 'regulation(freq=12, loss=100, strategy=avoid(forgo=10%))'),
			 ('cost', 'regulation(freq=12, cost=5)')) AS r(name, risk_text),
	 aibiz.rows(aibiz.project(rv, r.risk_text::aibiz.risk_profile, pl, m, 3))
ORDER BY r.name, month;

-- churn 10 % a month (competition): C and S x 0.9 before acquisition.
--   C_1 = A_1 (C_0 = 0): 2.536747;  C_2 = 0.81·2.5367474636 + 2.6114038552 = 4.666169
--   C_3 = 0.81·4.6661693007 + 2.6878127609 = 6.467410; revenue = 100·C_t
SELECT month, round(accounts::numeric, 6) AS accounts, round(revenue::numeric, 6) AS revenue
FROM tiny, aibiz.rows(aibiz.project(rv, 'competition(freq=12, churn=10%)', pl, m, 3));

-- price 10 % (competition) on a usage stream: pi_t = 0.9^t, so revenue is
-- 0.9, 0.81, 0.729 x the revenue without the risk.  share 10 % (market):
-- sigma_t = 0.9^t, so new accounts are 0.9^t x those without the risk.
WITH base AS (SELECT * FROM tiny, aibiz.rows(aibiz.project('usage(price=1, units=100)', rk, pl, m, 3))),
	 price AS (SELECT * FROM tiny, aibiz.rows(aibiz.project('usage(price=1, units=100)',
			'competition(freq=12, price=10%)', pl, m, 3))),
	 share AS (SELECT * FROM tiny, aibiz.rows(aibiz.project('usage(price=1, units=100)',
			'market(freq=12, share=10%)', pl, m, 3)))
SELECT month, round((price.revenue / base.revenue)::numeric, 9) AS price_ratio,
	   round((share.new_accounts / base.new_accounts)::numeric, 9) AS share_ratio
FROM base JOIN price USING (month) JOIN share USING (month) ORDER BY month;

-- NPV equals the rows discounted plus the terminal value.  discount 10 %/year,
-- multiple 4, 24 months: npv = sum F_t·1.1^(-t/12) + 4·12·R_24·1.1^(-2);
-- by hand from the months of the tiny company 191186.2453.  The same through
-- aibiz.npv(rate, flows) with the monthly rate 1.1^(1/12) - 1.
WITH p AS (SELECT aibiz.project(rv, rk,
			(pl::text || ' + valuation(discount=10%, multiple=4)')::aibiz.plan, m, 24) AS p FROM tiny)
SELECT round(aibiz.npv(p)::numeric, 4) AS npv,
	   round((SELECT sum(cash_flow::numeric * 1.1 ^ (-month / 12.0)) FROM aibiz.rows(p))
			 + 4 * 12 * (SELECT revenue::numeric FROM aibiz.rows(p) WHERE month = 24) * 1.1 ^ (-2), 4) AS recomputed,
	   round(((SELECT aibiz.npv(1.1 ^ (1 / 12.0) - 1, array_agg(cash_flow ORDER BY month)) FROM aibiz.rows(p))
			 + 4 * 12 * (SELECT revenue FROM aibiz.rows(p) WHERE month = 24) * 1.1 ^ (-2))::numeric, 4) AS via_npv_flows
FROM p;

-- Breakeven and runway.  Team cost 400: F_1 = 253.6747 - 400 = -146.3253,
-- F_2 = 489.4477 - 400 = 89.4477 -> breakeven 2; cash 1000 never < 0 -> runway
-- NULL; with cash 100: K_1 = -46.3253 -> runway 1.  Launch 3 and no team:
-- F_1 = F_2 = 0 but before launch -> breakeven 3.
SELECT aibiz.breakeven_month(p1), aibiz.runway(p1), aibiz.runway(p2), aibiz.breakeven_month(p3)
FROM tiny,
	 aibiz.project(rv, rk, 'cash(amount=1000) + team(headcount=1, cost=400) + product(churn=10%) + marketing(organic=1)', m, 3) p1,
	 aibiz.project(rv, rk, 'cash(amount=100) + team(headcount=1, cost=400) + product(churn=10%) + marketing(organic=1)', m, 3) p2,
	 aibiz.project(rv, rk, 'cash(amount=0) + team(headcount=0, cost=0) + product(launch=3, churn=10%) + marketing(organic=1)', m, 3) p3;
-- no breakeven at all: only costs
SELECT aibiz.breakeven_month(aibiz.project(rv, rk,
		'cash(amount=0) + team(headcount=1, cost=10) + product(churn=10%)', m, 6)) IS NULL AS never,
	   aibiz.runway(aibiz.project(rv, rk,
		'cash(amount=0) + team(headcount=1, cost=10) + product(churn=10%)', m, 6)) AS runway
FROM tiny;

-- The sum aggregate: three companies differing in team size.  Revenue adds,
-- opex 10 + 20 + 30 = 60, members 3, launch the earliest (1); the result does
-- not depend on the order of the rows.
CREATE TEMP TABLE trio AS
SELECT k, aibiz.project(rv, rk,
		format('cash(amount=1000) + team(headcount=%s, cost=10) + product(launch=%s, churn=10%%) + marketing(organic=1)', k, k)::aibiz.plan,
		m, 6) AS p
FROM tiny, generate_series(1, 3) k;
SELECT aibiz.members(s), aibiz.launch_month(s), r.opex,
	   round(r.revenue::numeric, 6) = (SELECT round(sum(x.revenue)::numeric, 6) FROM trio, aibiz.rows(p) x WHERE x.month = 6) AS revenue_adds,
	   s::text = (SELECT aibiz.sum(p ORDER BY k DESC)::text FROM trio) AS order_free,
	   s::text = (SELECT (t3.p OPERATOR(aibiz.+) (t2.p OPERATOR(aibiz.+) t1.p))::text FROM trio t1, trio t2, trio t3
				  WHERE t1.k = 1 AND t2.k = 2 AND t3.k = 3) AS operator_same
FROM (SELECT aibiz.sum(p ORDER BY k) AS s FROM trio) a, aibiz.rows(s) r WHERE r.month = 6;
-- NULL inputs are skipped; no rows gives NULL
SELECT aibiz.members(aibiz.sum(p)) FROM (SELECT p FROM trio UNION ALL SELECT NULL) x;
SELECT aibiz.sum(p) IS NULL AS empty FROM trio WHERE false;

-- The companies overload: a row of aibiz.companies with its market row gives
-- the same projection as its three inputs.
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT 'proj test ' || k, (SELECT min(id) FROM aibiz.markets),
	   'subscription(price=100)'::aibiz.revenue_model, 'technology(freq=2, loss=500)'::aibiz.risk_profile,
	   format('cash(amount=1M) + team(headcount=%s, cost=10k) + product(churn=3%%) + marketing(budget=5k, cac=300, organic=20%%)', k)::aibiz.plan
FROM generate_series(1, 2) k;
SELECT c.name, aibiz.horizon(aibiz.project(c, m)) AS horizon,
	   aibiz.project(c, m, 24)::text = aibiz.project(c.revenue, c.risk, c.plan, m, 24)::text AS same
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id
WHERE c.name LIKE 'proj test %' ORDER BY c.name;
DELETE FROM aibiz.companies WHERE name LIKE 'proj test %';

-- A market may be any row: numeric, integer and float4 columns in any order
-- give the same result as float8 ones; extra columns are ignored.  (q = 0.375
-- is exact in float4; 0.38 would not be, and the results would differ.)
CREATE TYPE pg_temp.mkt_num AS (growth numeric, name text, accounts int, adoption numeric,
								bass_p numeric, bass_q float4);
SELECT aibiz.project(rv, rk, pl, ROW(0, 'x', 1000, 0, 0.03, 0.375)::pg_temp.mkt_num, 12)::text
	 = aibiz.project(rv, rk, pl, aibiz.market(1000, 0, 0.03, 0.375, 0), 12)::text AS any_row,
	   aibiz.project(rv, rk, pl, ROW(0, 'x', 1000, 0, 0.03, 0.375)::pg_temp.mkt_num, 12)::text
	 = aibiz.project(rv, rk, pl, m, 12)::text AS same_as_q_038
FROM tiny;

-- Errors.
CREATE TYPE pg_temp.mkt AS (accounts float8, adoption float8, bass_p float8, bass_q float8, growth float8);
CREATE TYPE pg_temp.mkt4 AS (accounts float8, adoption float8, bass_p float8, bass_q float8);
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, m, 0) FROM tiny$$) AS horizon_0;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, m, 601) FROM tiny$$) AS horizon_601;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, ROW(1000, 0, 0, 0.38, 0)::pg_temp.mkt) FROM tiny$$) AS p_zero;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, ROW(1000, 0, -0.1, 0.38, 0)::pg_temp.mkt) FROM tiny$$) AS p_negative;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, ROW(1000, 1, 0.03, 0.38, 0)::pg_temp.mkt) FROM tiny$$) AS adoption_1;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, ROW(1000, 0, 0.03, 0.38)::pg_temp.mkt4) FROM tiny$$) AS missing_column;
SELECT pg_temp.err($$SELECT aibiz.project(rv, rk, pl, ROW(1000, 0, 0.03, NULL, 0)::pg_temp.mkt) FROM tiny$$) AS null_column;
-- the same checks through the remembered layout: a valid row first, then bad ones
SELECT pg_temp.err($$SELECT aibiz.horizon(aibiz.project(rv, rk, pl, x, 3))
	FROM tiny, (VALUES (ROW(1000, 0, 0.03, 0.38, 0)::pg_temp.mkt, 1),
					   (ROW(1000, 0, 0.03, NULL, 0)::pg_temp.mkt, 2)) v(x, o) ORDER BY o$$) AS null_later;
SELECT pg_temp.err($$SELECT aibiz.horizon(aibiz.project(rv, rk, pl, x, 3))
	FROM tiny, (VALUES (ROW(1000, 0, 0.03, 0.38, 0)::pg_temp.mkt, 1),
					   (ROW(1000, 0, 0.03, 0.38, -1)::pg_temp.mkt, 2)) v(x, o) ORDER BY o$$) AS growth_later;
-- the plan type itself rejects a paid budget without a positive cac
SELECT pg_temp.err($$SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.1) + marketing(budget=100, cac=0)'::aibiz.plan$$) AS cac_zero;
-- values beyond the fixed-point range (about 2e28) overflow: 22003
SELECT pg_temp.err($$SELECT aibiz.project('subscription(price=1e30)', rk, pl, m, 3) FROM tiny$$) AS overflow;
SELECT pg_temp.err($$SELECT aibiz.project('subscription(price=1e300)', rk, pl, aibiz.market(1e300, 0, 0.03, 0.38, 0), 3) FROM tiny$$) AS overflow_float;
-- sums of different horizons
SELECT pg_temp.err($$SELECT aibiz.sum(p) FROM (SELECT aibiz.project(rv, rk, pl, m, h) AS p
	FROM tiny, (VALUES (12), (24)) v(h)) s$$) AS sum_horizons;
-- fixed-point overflow of a sum: 2^125 + 2^125 leaves the range (raw 2^126)
SELECT pg_temp.err($$SELECT aibiz.sum(p) FROM (VALUES
	(('v1;h=1;n=1;l=1;npv=0;42535295865117307932921825928971026432' || repeat(',0', 16))::aibiz.projection),
	(('v1;h=1;n=1;l=1;npv=0;42535295865117307932921825928971026432' || repeat(',0', 16))::aibiz.projection)) v(p)$$) AS sum_overflow;

-- Unit economics at launch prices, launch = 12 so declines apply for 1 year.
--   subscription: attach 0.5 x seats 2 x price 100 (triangular mean (50+100+150)/3)
--     = 100; cost 0.5·2·10·(1-0.2)^1 = 8
--   usage: 1000 units x 0.01 x (1-0.1)^1 = 9; cost 1000·0.004·(1-0.5)^1 = 2
--   advertising: users 3 x 2000 impressions x fill 0.5 x cpm 5 / 1000 = 15; cost 3·0.1 = 0.3
--   licensing: excluded (per deal)
--   gross 124, channel cut 10 % -> ARPA = 111.6; cost per account 10.3
--   GM = (111.6 - 10.3)/111.6 = 0.907706093; LTV = 101.3/0.05 = 2026;
--   CAC 200; LTV/CAC = 10.13; payback = 200/101.3 = 1.974333662
SELECT round(arpa::numeric, 6) AS arpa, round(cost_per_account::numeric, 6) AS cpa,
	   round(gross_margin::numeric, 9) AS gm, churn, round(ltv::numeric, 6) AS ltv, cac,
	   round(ltv_to_cac::numeric, 6) AS ltv_cac, round(payback_months::numeric, 9) AS payback
FROM aibiz.unit_economics(
	'subscription(price=triangular(50, 100, 150), seats=2, attach=50%, cost=10, cost_decline=20%)
	 + usage(price=0.01, units=1000, price_decline=10%, cost=0.004, cost_decline=50%)
	 + advertising(impressions=2000, cpm=5, users=3, fill=50%, cost=0.1)
	 + licensing(deals=12, fee=1000)',
	'cash(amount=1M) + team(headcount=1, cost=1) + product(launch=12, churn=5%)
	 + marketing(budget=1000, cac=200) + entry(mode=channel, cut=10%)');
-- jv stake 25 %: ARPA 124·0.75 = 93, cost 10.3·0.75 = 7.725, GM 85.275/93 =
-- 0.916935484, LTV 85.275/0.05 = 1705.5, CAC = 200·0.75 = 150 (the company's
-- share of marketing), LTV/CAC 11.37, payback 150/85.275 = 1.759014952
SELECT round(arpa::numeric, 6) AS arpa, round(cost_per_account::numeric, 6) AS cpa,
	   round(gross_margin::numeric, 9) AS gm, round(ltv::numeric, 6) AS ltv, cac,
	   round(ltv_to_cac::numeric, 6) AS ltv_cac, round(payback_months::numeric, 9) AS payback
FROM aibiz.unit_economics(
	'subscription(price=100, seats=2, attach=50%, cost=10, cost_decline=20%)
	 + usage(price=0.01, units=1000, price_decline=10%, cost=0.004, cost_decline=50%)
	 + advertising(impressions=2000, cpm=5, users=3, fill=50%, cost=0.1)',
	'cash(amount=1M) + team(headcount=1, cost=1) + product(launch=12, churn=5%)
	 + marketing(budget=1000, cac=200) + entry(mode=jv, stake=25%)');
-- NULLs: no paid marketing -> no CAC, ratio, payback; churn 0 -> no LTV;
-- licensing only -> ARPA 0, no margin, no LTV
SELECT arpa, gross_margin, ltv, cac, ltv_to_cac, payback_months
FROM aibiz.unit_economics('subscription(price=10, cost=2)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=10%) + marketing(organic=50%)');
SELECT arpa, gross_margin, ltv, cac, ltv_to_cac, payback_months
FROM aibiz.unit_economics('subscription(price=10, cost=2)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + marketing(budget=10, cac=4)');
SELECT arpa, cost_per_account, gross_margin, ltv, cac, ltv_to_cac, payback_months
FROM aibiz.unit_economics('licensing(deals=2, fee=100)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=10%) + marketing(budget=10, cac=4)');
