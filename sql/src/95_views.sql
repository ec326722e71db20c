-- ---------------------------------------------------------------------------
-- 95_views.sql — plain views over aibiz.companies for BI tools: the
-- expected-path KPIs and unit economics of every company, and its monthly
-- rows.  They compute on read (a projection takes tens of microseconds), so
-- they always reflect the current rows; column names are unique across
-- companies, markets and each other, so the views join without aliases.
-- ---------------------------------------------------------------------------

-- One row per company: its market and the headline numbers of its projection.
CREATE VIEW @extschema@.company_kpis AS
SELECT c.id AS company_id,
	   c.name AS company,
	   c.market_id,
	   m.sector AS market_sector,
	   m.use_case AS market_use_case,
	   @extschema@.horizon(p) AS horizon_months,
	   @extschema@.launch_month(p) AS launch_month,
	   @extschema@.npv(p) AS npv,
	   @extschema@.breakeven_month(p) AS breakeven_month,
	   @extschema@.runway(p) AS cash_out_month,
	   @extschema@.arr(p, 12) AS arr_month_12,
	   @extschema@.arr(p, @extschema@.horizon(p)) AS arr_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'min_cash')::float8 AS lowest_cash,
	   (s OPERATOR(pg_catalog.->>) 'final_cash')::float8 AS cash_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'final_accounts')::float8 AS accounts_at_horizon,
	   u.arpa, u.gross_margin, u.ltv, u.cac, u.ltv_to_cac, u.payback_months
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.summary(p) s
CROSS JOIN LATERAL @extschema@.unit_economics(c.revenue, c.plan) u;
COMMENT ON VIEW @extschema@.company_kpis IS
'one row per company of aibiz.companies (joined to its market): the expected path over 60 months (npv, breakeven month, month cash runs out, ARR at month 12 and at the horizon, lowest and final cash, final accounts) and unit economics at launch; computed when read';

-- One row per company and month of its projection.
CREATE VIEW @extschema@.company_months AS
SELECT c.id AS company_id,
	   c.name AS company,
	   r.month,
	   r.accounts AS customer_accounts,
	   r.new_accounts AS new_customer_accounts,
	   r.revenue AS net_revenue,
	   r.gross_revenue,
	   r.rev_subscription AS subscription_revenue,
	   r.rev_usage AS usage_revenue,
	   r.rev_advertising AS advertising_revenue,
	   r.rev_licensing AS licensing_revenue,
	   r.cost_of_revenue,
	   r.gross_profit,
	   r.opex,
	   r.marketing AS marketing_spend,
	   r.training AS training_cost,
	   r.risk_cost,
	   r.cash_flow AS operating_cash_flow,
	   r.funding,
	   r.cash AS closing_cash
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.rows(p) r;
COMMENT ON VIEW @extschema@.company_months IS
'one row per company of aibiz.companies and month 1..60 of its expected path: accounts, new accounts, net and gross revenue and revenue by stream, cost of revenue, gross profit, opex, marketing, training, risk cost, operating cash flow, funding and closing cash; computed when read';

GRANT SELECT ON @extschema@.company_kpis, @extschema@.company_months TO PUBLIC;
