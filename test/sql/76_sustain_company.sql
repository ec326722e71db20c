-- sustainability() of a company: a deterministic company worked by hand,
-- the criteria checked against the accessors they are defined by, the
-- companies-row form, undefined LTV/CAC, NULL inputs, and the shipped cases.
\set VERBOSITY terse

-- A company without uncertainty: constant inputs, no risks, no rounds, so
-- every trial equals the expected path (bit-identity, docs/model.md).
--   subscription price 100, cost 20 per seat; churn 2 %; marketing budget
--   10k at CAC 1000, organic 5 %; cash 200k; team 2 x 5k; 60 months.
CREATE TEMP TABLE det AS
SELECT 'subscription(price=100, cost=20)'::aibiz.revenue_model AS r, ''::aibiz.risk_profile AS k,
	   'cash(amount=200k) + team(headcount=2, cost=5k) + product(churn=2%) + marketing(budget=10k, cac=1000, organic=5%)'::aibiz.plan AS p,
	   aibiz.market(20000, 0.1, 0.02, 0.4, 0.05) AS m;
-- its expected path never has negative cash, breaks even and has NPV > 0,
-- and its cash at month 60 is above the starting 200k
SELECT aibiz.runway(x) IS NULL AS never_negative, aibiz.breakeven_month(x) IS NOT NULL AS breaks_even,
	   aibiz.npv(x) > 0 AS npv_positive,
	   (SELECT cash FROM aibiz.rows(x) WHERE month = 60) > 200000 AS cash_grows
FROM (SELECT aibiz.project(r, k, p, m) AS x FROM det) t;
-- So, criterion by criterion (every trial the same path):
--   survival at 60        1 >= 0.8 (cash never negative)            met
--   P(NPV > 0)            1 >= 0.6 (NPV > 0 in every trial)          met
--   LTV/CAC               ARPA 100, GM (100-20)/100 = 0.8,
--                         LTV = 100 x 0.8 / 0.02 = 4000, / CAC 1000 = 4 >= 3  met
--   gross margin at 60    subscription revenue = 100 x accounts, cost
--                         20 x accounts: 0.8 >= 0.5                   met
--   breakeven             1 >= 0.5                                   met
--   risk losses           no risks: 0 <= 0.1                         met
--   concentration         one stream kind: 1 > 0.8                   FAILED
--   P(MOIC >= 1)          no multiple: exit = cash at 60 > 200k
--                         contributed at month 0, MOIC > 1: 1 >= 0.5  met
--   score = 100 x 7 / 8 = 87.5 -> sustainable
SELECT s.verdict, s.score, s.criterion, round(s.value::numeric, 6) AS value, s.threshold,
	   s.comparison, s.weight, s.passed
FROM det, aibiz.sustainability(r, k, p, m, trials => 200) s;
-- concentration weighted 5: 100 x 7 / 12 = 58.333333 -> fragile
SELECT DISTINCT s.verdict, round(s.score::numeric, 6) AS score
FROM det, aibiz.sustainability(r, k, p, m, trials => 200,
							   thresholds => '{"concentration": {"weight": 5}}') s;
-- LTV/CAC asked to reach 5 as well: 4 < 5 fails too, 100 x 6 / 8 = 75 -> fragile
SELECT DISTINCT s.verdict, s.score
FROM det, aibiz.sustainability(r, k, p, m, trials => 200, thresholds => '{"ltv_cac": 5}') s;

-- LTV/CAC undefined without paid acquisition: NULL, excluded (6 of 7 met:
-- 85.714286); with churn 0 and a CAC it is +Infinity and met
SELECT s.criterion, s.value, s.passed, round(s.score::numeric, 6) AS score
FROM det, aibiz.sustainability(r, k, aibiz.set(p, 'marketing.budget', '0'), m, trials => 200) s
WHERE s.criterion = 'ltv_cac';
SELECT s.criterion, s.value, s.passed
FROM det, aibiz.sustainability(r, k, aibiz.set(p, 'product.churn', '0'), m, trials => 200) s
WHERE s.criterion = 'ltv_cac';

-- With risks, every value is the accessor it is defined by, on the
-- simulation with the same arguments (shipped case 3)
CREATE TEMP TABLE c3 AS
SELECT c.revenue, c.risk, c.plan, m AS mk,
	   aibiz.simulate(c.revenue, c.risk, c.plan, m, 60, 2000, 7) AS sim
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id WHERE c.id = 3;
SELECT bool_and(CASE s.criterion
		WHEN 'survival' THEN s.value = aibiz.survival(sim, 60)
		WHEN 'npv_positive' THEN s.value = 1 - aibiz.npv_cdf(sim, 0)
		WHEN 'breakeven' THEN s.value = aibiz.breakeven_probability(sim)
		WHEN 'risk_losses' THEN s.value = aibiz.loss_mean(sim)
			/ (SELECT sum(f.mean) FROM aibiz.fan(sim) f WHERE f.metric = 'revenue')
		WHEN 'moic' THEN s.value = (aibiz.investor(sim)).p_moic_1
		WHEN 'ltv_cac' THEN s.value = (aibiz.unit_economics(revenue, plan)).ltv_to_cac
		ELSE true END) AS values_are_the_accessors,
	   bool_and(s.score = 100.0 * (SELECT count(*) FILTER (WHERE x.passed) FROM
	   		aibiz.sustainability(revenue, risk, plan, mk, 60, 2000, 7) x) / 8) AS score_is_share_met
FROM c3, aibiz.sustainability(revenue, risk, plan, mk, 60, 2000, 7) s;

-- the companies-row form is the plain form of the row's three inputs
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT 'Case 3 copy', c.market_id, c.revenue, c.risk, c.plan FROM aibiz.cases c WHERE c.id = 3;
SELECT count(*) = 8 AND bool_and(a IS NOT DISTINCT FROM b) AS same
FROM (SELECT row(s.*)::text AS a, row(t.*)::text AS b, s.criterion
	  FROM aibiz.companies co JOIN aibiz.markets m ON m.id = co.market_id,
		   aibiz.sustainability(co, m, trials => 500) s,
		   aibiz.sustainability(co.revenue, co.risk, co.plan, m, trials => 500) t
	  WHERE s.criterion = t.criterion) x;
DELETE FROM aibiz.companies WHERE name = 'Case 3 copy';

-- NULL inputs give no rows; a bad threshold fails before any simulation
-- (trials far above aibiz.max_trials would fail otherwise)
SELECT count(*) FROM det, aibiz.sustainability(NULL::aibiz.revenue_model, k, p, m) s;
SELECT count(*) FROM det, aibiz.sustainability(r, k, p, m, trials => NULL) s;
SELECT * FROM det, aibiz.sustainability(r, k, p, m, trials => 2000000000,
										thresholds => '{"surival": 0.9}') s;

-- The shipped cases as companies.  LTV/CAC by hand:
--   BERT: usage units pert(30k, 100k, 400k) mean 138,333.3, attach 70 %,
--     price 0.002 x (1 - 20 %)^(6/12) at launch month 6: ARPA 173.22;
--     cost 0.0006 x 0.75^(6/12): 50.32 per account; GM 0.7095;
--     LTV = 173.22 x 0.7095 / 1.5 % = 8,193.6; / CAC 3000 = 2.73 < 3 FAILED
--   Azure ML: ARPA (0.6 x 5 x 300 + 6,166.7 x 0.08 x 0.85^(4/12)) x (1 - 20 % cut)
--     = 1,093.9; cost 293.4; GM 0.732; LTV 66,704; / 9000 = 7.41 met
--   customer service: seats pert(10, 30, 80) mean 35, ARPA 120 x 35 = 4,200;
--     cost 25 x 35 x 0.8^(3/12) = 827.5; GM 0.803; LTV = 4,200 x 0.803 / 0.8 %
--     = 421,560; / CAC 35,000 = 12.04 met; one stream kind, concentration
--     1 > 0.8 FAILED
SELECT c.id, s.criterion, round(s.value::numeric, 2) AS value, s.passed
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id,
	 aibiz.sustainability(c.revenue, c.risk, c.plan, m, trials => 1000) s
WHERE s.criterion = 'ltv_cac' OR (s.criterion = 'concentration' AND c.id = 3)
ORDER BY c.id, s.criterion;
SELECT c.id, count(*) AS criteria, bool_and(s.score BETWEEN 0 AND 100) AS score_in_range,
	   bool_and(s.verdict = CASE WHEN s.score >= 80 THEN 'sustainable'
								 WHEN s.score >= 50 THEN 'fragile' ELSE 'unsustainable' END) AS verdict_follows_score
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id,
	 aibiz.sustainability(c.revenue, c.risk, c.plan, m, trials => 1000) s
GROUP BY c.id ORDER BY c.id;
