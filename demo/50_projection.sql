--@ title: Expected path
--@ requires: aibiz.companies, aibiz.project, aibiz.rows
--@ about: aibiz.project() runs the monthly model with every distribution at its mean and every risk at its expected monthly effect: accounts, revenue by stream, costs, cash flow and cash for each month of the horizon.
--@ placeholder: Planned: breakeven, runway and NPV per company and a portfolio roll-up, enabled once aibiz.project() is in the extension.

/*  Enable once aibiz.project lands (remove this comment's first and last lines):

--@ caption: Breakeven, runway and NPV of the first ten companies
SELECT c.name, aibiz.breakeven_month(p) AS breakeven, aibiz.runway(p) AS runway,
	   round(aibiz.npv(p)) AS npv, round(aibiz.arr(p, 60)) AS arr_60
FROM aibiz.companies c
JOIN aibiz.markets m ON m.id = c.market_id,
	 LATERAL aibiz.project(c.revenue, c.risk, c.plan, m) p
ORDER BY c.name
LIMIT 10;

--@ caption: Portfolio roll-up by sector (month-wise sum of projections)
SELECT m.sector, count(*) AS companies,
	   round(aibiz.npv(sum(aibiz.project(c.revenue, c.risk, c.plan, m)))) AS npv
FROM aibiz.companies c
JOIN aibiz.markets m ON m.id = c.market_id
GROUP BY m.sector
ORDER BY m.sector;
*/
