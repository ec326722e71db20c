--@ title: Expected path
--@ requires: aibiz.project, aibiz.rows, aibiz.unit_economics, demo_projection, demo_showcase
--@ about: aibiz.project(c, m) runs the monthly model of a company in its market with every distribution at its mean, every risk at its expected monthly effect and funding rounds at p × amount: accounts, revenue, costs, cash flow and cash for each of 60 months. The showcase company is the median of the logistics.routing market by expected NPV (demo/load.sql stores every projection once in demo_projection). Money is in the company's currency: k = thousand, M = million.

--@ caption: The showcase company and its inputs
SELECT 'company' AS item, name || ' (' || market || ', ' || npv_rank || ' of ' || companies
		   || ' by expected NPV)' AS value
FROM demo_showcase
UNION ALL SELECT 'revenue model', c.revenue::text FROM demo_showcase JOIN aibiz.companies c USING (id)
UNION ALL SELECT 'risk profile', c.risk::text FROM demo_showcase JOIN aibiz.companies c USING (id)
UNION ALL SELECT 'plan', c.plan::text FROM demo_showcase JOIN aibiz.companies c USING (id);

--@ caption: Its expected path, every 6th month
SELECT r.month, round(r.accounts) AS accounts, demo_money(r.revenue) AS revenue,
	   demo_money(r.gross_profit) AS gross_profit, demo_money(r.cash_flow) AS cash_flow,
	   demo_money(r.funding) AS funding, demo_money(r.cash) AS cash
FROM demo_showcase JOIN demo_projection p USING (id), aibiz.rows(p.p) r
WHERE r.month = 1 OR r.month % 6 = 0
ORDER BY r.month;

--@ caption: Revenue, gross profit and operating cash flow, month by month
--@ chart: line
SELECT r.month, r.revenue, r.gross_profit, r.cash_flow
FROM demo_showcase JOIN demo_projection p USING (id), aibiz.rows(p.p) r
ORDER BY r.month;

--@ caption: Cash at the end of each month (the step is a funding round booked at p × amount)
--@ chart: line
SELECT r.month, r.cash
FROM demo_showcase JOIN demo_projection p USING (id), aibiz.rows(p.p) r
ORDER BY r.month;

--@ caption: Summary of the expected path (aibiz.summary)
SELECT item, value
FROM demo_showcase JOIN demo_projection p USING (id),
	 LATERAL (VALUES
		(1, 'launch month', aibiz.launch_month(p.p)::text),
		(2, 'breakeven month', coalesce(aibiz.breakeven_month(p.p)::text, 'never')),
		(3, 'runway (first month with cash < 0)', coalesce(aibiz.runway(p.p)::text, 'cash never < 0')),
		(4, 'NPV', demo_money(aibiz.npv(p.p))),
		(5, 'ARR at month 60', demo_money(aibiz.arr(p.p, 60))),
		(6, 'total revenue', demo_money((aibiz.summary(p.p)->>'total_revenue')::float8)),
		(7, 'peak monthly burn', demo_money((aibiz.summary(p.p)->>'peak_burn')::float8)),
		(8, 'lowest cash', demo_money((aibiz.summary(p.p)->>'min_cash')::float8)),
		(9, 'funding received', demo_money((aibiz.summary(p.p)->>'total_funding')::float8)),
		(10, 'accounts at month 60', round((aibiz.summary(p.p)->>'final_accounts')::numeric)::text)
	 ) AS v(ord, item, value)
ORDER BY ord;

--@ caption: Unit economics at launch prices, per account and month (aibiz.unit_economics)
SELECT demo_money(u.arpa) AS arpa, demo_money(u.cost_per_account) AS cost,
	   round(u.gross_margin::numeric * 100, 1) AS "margin %", round(u.churn::numeric * 100, 2) AS "churn %",
	   demo_money(u.ltv) AS ltv, demo_money(u.cac) AS cac,
	   round(u.ltv_to_cac::numeric, 2) AS "ltv/cac", round(u.payback_months::numeric, 1) AS payback_months
FROM demo_showcase JOIN aibiz.companies c USING (id),
	 aibiz.unit_economics(c.revenue, c.plan) u;

--@ caption: Portfolio by sector: aibiz.sum(aibiz.project(c, m)), the month-wise exact sum
SELECT m.sector, count(*) AS companies,
	   count(*) FILTER (WHERE aibiz.breakeven_month(aibiz.project(c, m)) IS NOT NULL) AS break_even,
	   count(*) FILTER (WHERE aibiz.runway(aibiz.project(c, m)) IS NOT NULL) AS run_out_of_cash,
	   demo_money(aibiz.npv(aibiz.sum(aibiz.project(c, m)))) AS npv,
	   coalesce(aibiz.breakeven_month(aibiz.sum(aibiz.project(c, m)))::text, 'never') AS sector_breakeven,
	   demo_money(aibiz.arr(aibiz.sum(aibiz.project(c, m)), 60)) AS arr_60
FROM aibiz.companies c
JOIN aibiz.markets m ON m.id = c.market_id
GROUP BY m.sector
ORDER BY m.sector;

--@ caption: Expected NPV by market: the median company and the spread
SELECT market, count(*) AS companies,
	   demo_money(percentile_cont(0.1) WITHIN GROUP (ORDER BY aibiz.npv(p))) AS p10,
	   demo_money(percentile_cont(0.5) WITHIN GROUP (ORDER BY aibiz.npv(p))) AS median,
	   demo_money(percentile_cont(0.9) WITHIN GROUP (ORDER BY aibiz.npv(p))) AS p90,
	   count(*) FILTER (WHERE aibiz.npv(p) > 0) AS "npv > 0"
FROM demo_projection
GROUP BY market
ORDER BY market;
