-- Sustainability scoring (sustainability_score) worked by hand, overrides,
-- undefined values and errors; the shipped cases as companies.
\set VERBOSITY terse

-- Worked example 1: seven of eight criteria met, equal weights.
--   survival 0.9 >= 0.8 yes, npv_positive 0.7 >= 0.6 yes, ltv_cac 4 >= 3 yes,
--   gross_margin 0.6 >= 0.5 yes, breakeven 0.8 >= 0.5 yes,
--   risk_losses 0.05 <= 0.1 yes, concentration 0.9 <= 0.8 NO, moic 0.6 >= 0.5 yes
--   score = 100 x 7 / 8 = 87.5 >= 80 -> sustainable
SELECT verdict, score, criterion, value, threshold, comparison, weight, passed
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}');

-- Worked example 2: the same values, the failing criterion weighted 5.
--   weights met = 7 x 1 = 7, all weights = 7 + 5 = 12
--   score = 100 x 7 / 12 = 58.333... -> fragile (>= 50, < 80)
SELECT DISTINCT verdict, round(score::numeric, 6) AS score
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}',
								'{"concentration": {"weight": 5}}');

-- Worked example 3: thresholds raised so three more fail.
--   survival 0.9 < 0.95 NO, ltv_cac 4 < 5 NO, risk_losses 0.05 > 0.04 NO,
--   concentration NO (as above): 4 of 8 met, score 50 -> fragile (the bound
--   belongs to fragile); weight 0 on survival leaves 4 of 7: 57.142857
SELECT DISTINCT verdict, score
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}',
	'{"survival": 0.95, "ltv_cac": {"threshold": 5}, "risk_losses": 0.04}');
SELECT DISTINCT verdict, round(score::numeric, 6) AS score
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}',
	'{"survival": {"threshold": 0.95, "weight": 0}, "ltv_cac": {"threshold": 5}, "risk_losses": 0.04}');
-- the override is reported on its row
SELECT criterion, threshold, weight, passed
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}',
	'{"survival": {"threshold": 0.95, "weight": 0}, "ltv_cac": {"threshold": 5}}')
WHERE criterion IN ('survival', 'ltv_cac');

-- Worked example 4: undefined values (NULL) are excluded from the score;
-- +Infinity compares as a number (LTV/CAC with no churn passes).
--   ltv_cac Infinity >= 3 yes; gross_margin and concentration undefined;
--   survival 0.5 < 0.8 NO; the other four met: 5 of 6 counted = 83.333...
SELECT DISTINCT verdict, round(score::numeric, 6) AS score
FROM aibiz.sustainability_score('{0.5,0.7,Infinity,NULL,0.8,0.05,NULL,0.6}');
SELECT criterion, value, passed
FROM aibiz.sustainability_score('{0.5,0.7,Infinity,NULL,0.8,0.05,NULL,0.6}')
WHERE value IS NULL OR value = 'Infinity';

-- Worked example 5: 2 of 8 met (survival and npv_positive at their bounds,
-- >= holds), score 25 -> unsustainable
SELECT DISTINCT verdict, score
FROM aibiz.sustainability_score('{0.8,0.6,1,0.1,0.2,0.5,1,0.1}');

-- every value undefined: no score, no verdict, rows still listed
SELECT count(*) AS rows, bool_and(verdict IS NULL AND score IS NULL) AS no_score
FROM aibiz.sustainability_score(array_fill(NULL::float8, ARRAY[8]));
-- NULL values: no rows
SELECT count(*) FROM aibiz.sustainability_score(NULL);

-- huge weights do not overflow: 1e308 on each of two failing criteria and 1
-- elsewhere gives 6 x 1 / (6 + 2e308) -> 0 up to rounding, unsustainable
SELECT DISTINCT verdict, score < 1e-300 AS near_zero
FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.1}',
	'{"concentration": {"weight": 1e308}, "moic": {"weight": 1e308}}');

-- errors
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4}');
SELECT * FROM aibiz.sustainability_score('{}');
SELECT * FROM aibiz.sustainability_score('{{1,2,3,4},{5,6,7,8}}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,NaN}');
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '{"survivl": 0.9}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '{"ltv_cac": {"weigth": 2}}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '[0.9]');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '{"survival": "high"}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '{"survival": {"weight": "2"}}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}', '{"survival": {"weight": -1}}');
SELECT * FROM aibiz.sustainability_score('{0.9,0.7,4,0.6,0.8,0.05,0.9,0.6}',
	'{"survival": {"weight": 0}, "npv_positive": {"weight": 0}, "ltv_cac": {"weight": 0},
	  "gross_margin": {"weight": 0}, "breakeven": {"weight": 0}, "risk_losses": {"weight": 0},
	  "concentration": {"weight": 0}, "moic": {"weight": 0}}');
\set VERBOSITY terse

-- The shipped cases as companies.  Every one is modelled in a shipped market.
SELECT c.id, c.name, m.name AS market
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id ORDER BY c.id;
-- the stories: BERT earns from usage and licensing, Azure ML from
-- subscription and usage through a channel, customer service per seat
SELECT c.id, array_agg(DISTINCT t.term ORDER BY t.term) AS streams
FROM aibiz.cases c, aibiz.terms(c.revenue) t GROUP BY c.id ORDER BY c.id;
SELECT c.id, t.dist AS entry_mode
FROM aibiz.cases c, aibiz.terms(c.plan) t WHERE t.key = 'mode' ORDER BY c.id;
-- a case of your own without a model: its columns are NULL, the ranking and
-- a join to markets keep working
INSERT INTO aibiz.cases (name, company, tech_leadership, business_model,
						 market_performance, ecosystem)
VALUES ('Own case', 'Own', 5, 6, 7, 8);
SELECT name, revenue IS NULL AND risk IS NULL AND plan IS NULL AND market_id IS NULL AS unmodelled
FROM aibiz.cases WHERE NOT builtin;
SELECT count(*) AS ranked FROM aibiz.case_ranking;
SELECT count(*) AS projected
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.project(c.revenue, c.risk, c.plan, m) p;
-- a case of your own with a model
UPDATE aibiz.cases SET market_id = 12,
	revenue = 'subscription(price=400, seats=2, cost=40)',
	risk = '',
	plan = 'cash(amount=1M) + team(headcount=4, cost=10k) + product(churn=1%) + marketing(budget=20k, cac=4000)'
WHERE name = 'Own case';
SELECT count(*) AS projected
FROM aibiz.cases c JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.project(c.revenue, c.risk, c.plan, m) p;
-- a shipped case stays read-only
UPDATE aibiz.cases SET market_id = 1 WHERE id = 1;
DELETE FROM aibiz.cases WHERE NOT builtin;
