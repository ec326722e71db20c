-- BI views over aibiz.companies: company_kpis and company_months.
\set VERBOSITY terse

INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT name, market_id, revenue, risk, plan FROM aibiz.sample_companies(12, 7);

-- one KPI row per company, each equal to the accessor computed directly
SELECT count(*) AS companies,
	   bool_and(k.npv = aibiz.npv(aibiz.project(c, m))) AS npv_same,
	   bool_and(k.breakeven_month IS NOT DISTINCT FROM aibiz.breakeven_month(aibiz.project(c, m))) AS breakeven_same,
	   bool_and(k.cash_out_month IS NOT DISTINCT FROM aibiz.runway(aibiz.project(c, m))) AS runway_same,
	   bool_and(k.arr_at_horizon = aibiz.arr(aibiz.project(c, m), 60)) AS arr_same,
	   bool_and(k.ltv_to_cac IS NOT DISTINCT FROM (aibiz.unit_economics(c.revenue, c.plan)).ltv_to_cac) AS ue_same
FROM aibiz.company_kpis k
JOIN aibiz.companies c ON c.id = k.company_id
JOIN aibiz.markets m ON m.id = c.market_id;

-- lowest cash is the minimum of the monthly closing cash; cash at the
-- horizon is month 60's
SELECT bool_and(k.lowest_cash = (SELECT min(closing_cash) FROM aibiz.company_months w
								 WHERE w.company_id = k.company_id)) AS lowest_is_min,
	   bool_and(k.cash_at_horizon = (SELECT closing_cash FROM aibiz.company_months w
									 WHERE w.company_id = k.company_id AND w.month = 60)) AS final_is_month_60
FROM aibiz.company_kpis k;

-- 60 monthly rows per company, equal to rows() of its projection
SELECT count(*) AS month_rows, count(DISTINCT company_id) AS companies,
	   abs(sum(net_revenue) / (SELECT sum(r.revenue) FROM aibiz.companies c
							   JOIN aibiz.markets m ON m.id = c.market_id,
							   aibiz.rows(aibiz.project(c, m)) r) - 1) < 1e-12 AS revenue_same
FROM aibiz.company_months;

-- no view column shares a name with a column of companies or markets other
-- than the join key market_id, so joins need no aliases
SELECT v.table_name, v.column_name
FROM information_schema.columns v
JOIN information_schema.columns t
  ON t.table_schema = 'aibiz' AND t.table_name IN ('companies', 'markets')
 AND t.column_name = v.column_name
WHERE v.table_schema = 'aibiz' AND v.table_name IN ('company_kpis', 'company_months')
  AND v.column_name <> 'market_id'
ORDER BY 1, 2;

-- and they join with a plain NATURAL-free query
SELECT count(*) AS joined
FROM aibiz.company_kpis k JOIN aibiz.markets m ON m.id = k.market_id
JOIN aibiz.company_months w USING (company_id)
WHERE w.month = 1;

DELETE FROM aibiz.companies;
