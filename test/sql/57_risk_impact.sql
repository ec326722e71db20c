-- 57_risk_impact: which risk term matters.  Each term of the profile is
-- switched off in turn and the same trials rerun (common random numbers);
-- the rows compare each variant with the base simulation (removed minus
-- base), then one row removes every term.  Expected values are derived by
-- hand in the comments.
\set VERBOSITY terse

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- A company with an uncertain price, 1e9 of cash (no trial dies, so
-- survival is 1 with and without any risk) and four risk terms, in
-- canonical order:
--   1 technology(freq=0)      never happens, no strategy cost;
--   2 competition price shock (no cash loss: cuts price and MRR by 10 %);
--   3 regulation cash loss    (the only cash loss);
--   4 market churn shock      (no cash loss: 5 % of accounts and MRR leave),
--                             market-wide: its draws are keyed by the
--                             scenario and the market, as in aibiz.simulate.
CREATE TEMP TABLE ri AS
SELECT 'subscription(price=pert(80, 100, 130), seats=1, cost=10)'::aibiz.revenue_model AS r,
       'technology(freq=0) + competition(freq=2, price=10%) + regulation(freq=1, loss=lognormal(50k, 20k)) + market(freq=1, churn=5%, scope=market)'::aibiz.risk_profile AS k,
       'cash(amount=1e9) + team(headcount=2, cost=10k) + product(churn=2%) + marketing(budget=5k, cac=500)'::aibiz.plan AS p,
       aibiz.market(100000, 0.01, 0.03, 0.38, 0.1) AS m;
CREATE TEMP TABLE imp AS
SELECT f.* FROM ri, aibiz.risk_impact(r, k, p, m, 36, 2000, 1) f;

-- one row per term plus the all-terms row, which comes last; the term's
-- text is its canonical text alone.
-- technology(freq=0) has no event and no cost in any trial, and switching
-- it off leaves every other stream's numbers alone, so every trial is
-- bit-identical: npv_diff, its standard error, survival_diff and
-- equity_npv_diff are exactly 0.
-- competition and market only cut price or accounts (revenue falls, costs
-- do not: the cost is per seat and unchanged by a price cut, and the market
-- churn lowers it), so with a positive margin (80 or more against 10 a seat)
-- removing either raises NPV in every trial with an event: npv_diff > 0,
-- by far more than 4 standard errors.  No trial dies, so survival_diff = 0.
SELECT term, category, risk_term,
       npv_diff = 0 AS npv_is_0, npv_diff_se = 0 AS se_is_0,
       npv_diff > 4 * npv_diff_se AS npv_up,
       survival_diff, equity_npv_diff = 0 AS eq_is_0,
       ord = (SELECT max(ord) FROM imp) AS last
FROM imp ORDER BY term NULLS LAST;

-- sorted by |npv_diff| descending, the all-terms row after the single terms
SELECT bool_and(abs(a.npv_diff) >= abs(b.npv_diff)) AS sorted, count(*) AS pairs
FROM imp a JOIN imp b ON b.ord = a.ord + 1 AND b.term IS NOT NULL;

-- The regulation term is a pure cash loss and no trial dies, so removing it
-- raises F_t by the month's loss and ΔNPV = Σ_t loss_t / (1 + ρ)^t.  Events
-- arrive at freq/12 a month with mean loss 50,000 from month 1, so
-- E[ΔNPV] = (1/12) · 50,000 · Σ_{t=1..36} v^t with ρ = 1.25^(1/12) − 1 (the
-- default discount 25 %), v = 1/(1+ρ): Σ v^t = (1 − 1.25^−3)/ρ
-- = 0.488 / 0.0187693 = 26.000, E[ΔNPV] = 108,333.  The estimate is within
-- 4 of its standard errors of that.
SELECT round((1.0 / 12 * 50000 * (1 - 1.25 ^ -3) / (1.25 ^ (1.0 / 12) - 1))::numeric, 0) AS expected,
       abs(npv_diff - 1.0 / 12 * 50000 * (1 - 1.25 ^ -3) / (1.25 ^ (1.0 / 12) - 1)) < 4 * npv_diff_se AS within_4se
FROM imp WHERE category = 'regulation';

-- risk_attribution counts cash losses only: competition and market lose no
-- cash (mean_loss 0) although they have events and, above, a positive
-- impact; regulation holds every loss (share 1).
SELECT a.category, a.events_per_trial > 0 AS has_events, a.mean_loss > 0 AS cash_loss, a.share_of_loss,
       i.npv_diff > 0 AS removing_raises_npv
FROM ri, aibiz.risk_attribution(aibiz.simulate(r, k, p, m, 36, 2000, 1)) a
JOIN imp i ON i.category = a.category
ORDER BY i.term;

-- Removing every term with the switches equals simulating with the empty
-- profile '' under the same seed, exactly: the streams are keyed by term
-- position and independent, so the company's own draws (its price, the
-- market-wide draws) are untouched and the switched-off terms change
-- nothing else.  The market-scope term also makes this check the market
-- key: the base is aibiz.simulate's simulation only if it is the same.
SELECT c.npv_diff = i.npv_diff AS npv_eq, c.npv_diff_se = i.npv_diff_se AS se_eq,
       c.survival_diff = i.survival_diff AS surv_eq, c.equity_npv_diff = i.equity_npv_diff AS eq_eq
FROM ri, aibiz.compare(aibiz.simulate(r, k, p, m, 36, 2000, 1), aibiz.simulate(r, '', p, m, 36, 2000, 1)) c,
     imp i
WHERE i.category = 'all';

-- The sum of the single impacts against the joint one (no equality: terms
-- interact).  Regulation is additive here (no trial dies), but a cohort's
-- MRR is x·a·b with a the product of its price cuts and b of its churn
-- shocks: removing both gains x(1 − ab), the two singly x(b − ab) + x(a −
-- ab), so the joint gain exceeds the sum by x(1 − a)(1 − b) >= 0.
SELECT sum(npv_diff) FILTER (WHERE term IS NOT NULL) < max(npv_diff) FILTER (WHERE term IS NULL) AS joint_above_sum
FROM imp;

-- deterministic: a second call gives the same rows
SELECT count(*) AS differ FROM (
	(SELECT * FROM imp EXCEPT SELECT f.* FROM ri, aibiz.risk_impact(r, k, p, m, 36, 2000, 1) f)
	UNION ALL
	(SELECT f.* FROM ri, aibiz.risk_impact(r, k, p, m, 36, 2000, 1) f EXCEPT SELECT * FROM imp)) d;

-- an empty profile has only the all-terms row, with nothing to remove
SELECT ord, term, category, risk_term, npv_diff, npv_diff_se, survival_diff, equity_npv_diff
FROM ri, aibiz.risk_impact(r, '', p, m, 36, 100, 1);

-- the market forms (row of aibiz.markets, aibiz.market with its id, name) and
-- the companies-row forms give the same rows
CREATE TEMP TABLE fm AS
SELECT f.* FROM ri, aibiz.markets mk, aibiz.risk_impact(r, k, p, mk, 24, 200, 2, 5) f
WHERE mk.name = 'logistics.routing';
BEGIN;
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT 'risk impact', mk.id, r, k, p FROM ri, aibiz.markets mk WHERE mk.name = 'logistics.routing';
SELECT count(*) AS rows,
       count(*) FILTER (WHERE a IS DISTINCT FROM b) AS differ_market,
       count(*) FILTER (WHERE a IS DISTINCT FROM c) AS differ_name,
       count(*) FILTER (WHERE a IS DISTINCT FROM d) AS differ_company,
       count(*) FILTER (WHERE a IS DISTINCT FROM e) AS differ_company_market,
       count(*) FILTER (WHERE a IS DISTINCT FROM g) AS differ_company_name
FROM (SELECT fm AS a,
             (SELECT f FROM ri, aibiz.markets mk,
                     aibiz.risk_impact(r, k, p, aibiz.market(mk.accounts, mk.adoption, mk.bass_p, mk.bass_q, mk.growth, mk.id), 24, 200, 2, 5) f
              WHERE mk.name = 'logistics.routing' AND f.ord = fm.ord) AS b,
             (SELECT f FROM ri, aibiz.risk_impact(r, k, p, 'logistics.routing', 24, 200, 2, 5) f WHERE f.ord = fm.ord) AS c,
             (SELECT f FROM aibiz.companies co JOIN aibiz.markets mk ON mk.id = co.market_id,
                     aibiz.risk_impact(co, mk, 24, 200, 2, 5) f
              WHERE co.name = 'risk impact' AND f.ord = fm.ord) AS d,
             (SELECT f FROM aibiz.companies co, aibiz.risk_impact(co, aibiz.market_by_name('logistics.routing'), 24, 200, 2, 5) f
              WHERE co.name = 'risk impact' AND f.ord = fm.ord) AS e,
             (SELECT f FROM aibiz.companies co, aibiz.risk_impact(co, 'logistics.routing', 24, 200, 2, 5) f
              WHERE co.name = 'risk impact' AND f.ord = fm.ord) AS g
      FROM fm) s;
ROLLBACK;
-- a company row without a risk profile gives no rows
SELECT count(*) AS rows FROM ri,
	aibiz.risk_impact(ROW(1, 'x', 1, r, NULL, p, '{}', now())::aibiz.companies, m, 12, 10) f;

-- errors
SELECT pg_temp.err($$SELECT * FROM ri, aibiz.risk_impact(r, k, p, m, 36, 0)$$);
SELECT pg_temp.err($$SELECT * FROM ri, aibiz.risk_impact(r, k, p, m, 0, 10)$$);
SELECT pg_temp.err($$SELECT * FROM ri, aibiz.risk_impact(r, k, p, 'no such market', 12, 10)$$);
