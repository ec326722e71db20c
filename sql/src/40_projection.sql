-- 40_projection: the expected path (docs/projection.md): the aibiz.projection
-- type, aibiz.project(), row output, summaries, the exact sum aggregate and
-- unit economics.

CREATE TYPE @extschema@.projection;

CREATE FUNCTION @extschema@.projection_in(cstring)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_out(@extschema@.projection)
RETURNS cstring
AS 'MODULE_PATHNAME', 'abz_projection_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_recv(internal)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_send(@extschema@.projection)
RETURNS bytea
AS 'MODULE_PATHNAME', 'abz_projection_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.projection (
	INPUT = @extschema@.projection_in,
	OUTPUT = @extschema@.projection_out,
	RECEIVE = @extschema@.projection_recv,
	SEND = @extschema@.projection_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.projection IS
'Expected-path projection of one company or the month-wise sum of many: per month accounts, new accounts, revenue by stream, costs, cash flow, funding and cash, plus NPV, as exact Q95.32 fixed-point numbers. A projection from aibiz.project() keeps the float8 values the engine computed (format 2, text v2;...) and stands for their fixed-point conversions; sums and + are in fixed point (format 1, text v1;...). The text form (vF;h=..;n=..;l=..;npv=..;month values) is machine-oriented and round-trips exactly; read it with aibiz.rows() and aibiz.summary().';
COMMENT ON FUNCTION @extschema@.projection_in(cstring) IS
'Text input of aibiz.projection: the canonical form written by projection_out, strictly validated.';
COMMENT ON FUNCTION @extschema@.projection_out(@extschema@.projection) IS
'Text output of aibiz.projection: version, horizon, member count, launch month, NPV and the month values: raw fixed-point integers (format 1) or shortest exact float8 text (format 2).';
COMMENT ON FUNCTION @extschema@.projection_recv(internal) IS
'Binary input of aibiz.projection (format version first), validated as strictly as text input.';
COMMENT ON FUNCTION @extschema@.projection_send(@extschema@.projection) IS
'Binary output of aibiz.projection (format version first).';

-- the expected path

CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
									risk @extschema@.risk_profile,
									plan @extschema@.plan,
									market record,
									horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int) IS
'Expected path of the monthly model over horizon months (1..600): every distribution at its mean, risk events at their expected monthly effect, rounds at p x amount. market is any row with accounts, adoption, bass_p, bass_q and growth (a row of aibiz.markets or aibiz.market(...)).';

CREATE FUNCTION @extschema@.project(company @extschema@.companies,
									market record,
									horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, record, int) IS
'Expected path of a row of aibiz.companies in a market row: aibiz.project(company.revenue, company.risk, company.plan, market, horizon); NULL when the company lacks one of the three inputs.';

-- exact month-wise sum

CREATE FUNCTION @extschema@.projection_add(@extschema@.projection, @extschema@.projection)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.projection_add(@extschema@.projection, @extschema@.projection) IS
'Month-wise exact sum of two projections of the same horizon (members add, launch is the earlier), in fixed point (format 1).';

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.projection,
	RIGHTARG = @extschema@.projection,
	FUNCTION = @extschema@.projection_add,
	COMMUTATOR = OPERATOR(@extschema@.+)
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.projection, @extschema@.projection) IS
'Month-wise exact sum of two projections of the same horizon.';

CREATE FUNCTION @extschema@.projection_sum_add(@extschema@.projection, @extschema@.projection)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_sum_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.projection_sum_add(@extschema@.projection, @extschema@.projection) IS
'Transition and combine function of aibiz.sum (aggregate context only; not strict): starts from the fixed-point form of the first projection and adds the others in place.';

CREATE AGGREGATE @extschema@.sum(@extschema@.projection) (
	SFUNC = @extschema@.projection_sum_add,
	STYPE = @extschema@.projection,
	COMBINEFUNC = @extschema@.projection_sum_add,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.sum(@extschema@.projection) IS
'Portfolio roll-up: month-wise exact sum of projections of one horizon, in fixed point, so serial, parallel and sharded results are bit-identical.';

-- rows and summaries

CREATE FUNCTION @extschema@.rows(p @extschema@.projection)
RETURNS TABLE (month int, accounts float8, new_accounts float8, revenue float8,
			   gross_revenue float8, rev_subscription float8, rev_usage float8,
			   rev_advertising float8, rev_licensing float8, cost_of_revenue float8,
			   gross_profit float8, opex float8, marketing float8, training float8,
			   risk_cost float8, cash_flow float8, funding float8, cash float8)
AS 'MODULE_PATHNAME', 'abz_projection_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 60;

COMMENT ON FUNCTION @extschema@.rows(@extschema@.projection) IS
'One row per month 1..horizon of a projection, for BI tools: accounts, new accounts, net and gross revenue, revenue by stream, cost of revenue, gross profit, opex, marketing, training, risk cost, operating cash flow, funding and month-end cash.';

CREATE FUNCTION @extschema@.breakeven_month(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_breakeven'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.breakeven_month(@extschema@.projection) IS
'First month at or after launch with operating cash flow >= 0; NULL if none within the horizon.';

CREATE FUNCTION @extschema@.runway(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_runway'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.runway(@extschema@.projection) IS
'First month whose closing cash is negative; NULL if cash never goes below zero within the horizon.';

CREATE FUNCTION @extschema@.npv(p @extschema@.projection)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_projection_npv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.npv(@extschema@.projection) IS
'Net present value of the projection: discounted operating cash flows plus the terminal value (summed over members for an aggregate).';

CREATE FUNCTION @extschema@.arr(p @extschema@.projection, month int)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_projection_arr'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.arr(@extschema@.projection, int) IS
'Annual run rate at a month: 12 x net revenue of that month (1..horizon).';

CREATE FUNCTION @extschema@.horizon(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_horizon'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.horizon(@extschema@.projection) IS
'Number of months in the projection.';

CREATE FUNCTION @extschema@.members(p @extschema@.projection)
RETURNS bigint
AS 'MODULE_PATHNAME', 'abz_projection_members'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.members(@extschema@.projection) IS
'Number of company projections summed into this one (1 for a single aibiz.project result).';

CREATE FUNCTION @extschema@.launch_month(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_launch'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.launch_month(@extschema@.projection) IS
'Launch month of the projection (the earliest over the members of a sum).';

CREATE FUNCTION @extschema@.summary(p @extschema@.projection)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'abz_projection_summary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.summary(@extschema@.projection) IS
'Headline figures of a projection for people: horizon, members, launch month, npv, breakeven month, runway, ARR at the horizon, totals of revenue, gross profit, costs, cash flow and funding, peak monthly burn, lowest and final cash, final accounts.';

-- unit economics

CREATE FUNCTION @extschema@.unit_economics(revenue @extschema@.revenue_model,
										   plan @extschema@.plan,
										   OUT arpa float8,
										   OUT cost_per_account float8,
										   OUT gross_margin float8,
										   OUT churn float8,
										   OUT ltv float8,
										   OUT cac float8,
										   OUT ltv_to_cac float8,
										   OUT payback_months float8)
RETURNS record
AS 'MODULE_PATHNAME', 'abz_unit_economics_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unit_economics(@extschema@.revenue_model, @extschema@.plan) IS
'Unit economics at launch prices, per account and month, company share after channel cut and joint-venture stake: ARPA (subscription, usage and advertising; licensing is per deal and excluded), cost per account, gross margin, churn, LTV = ARPA x GM / churn (NULL when churn = 0), CAC = marketing.cac x (1 - stake) (NULL without paid marketing), LTV/CAC and payback months = CAC / (ARPA x GM).';
