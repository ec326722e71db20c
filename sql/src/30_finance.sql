-- Finance: npv, irr, irr_all, the aibiz.cashflows type and the xnpv/xirr aggregates.

CREATE FUNCTION @extschema@.npv(rate float8, flows float8[], t0 int DEFAULT 1)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_npv_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv(float8, float8[], int) IS
'net present value: sum of flows[i] / (1 + rate)^(t0 + i - 1); flows are at t = t0, t0 + 1, ... (t0 = 1 is the Excel NPV convention)';

CREATE FUNCTION @extschema@.irr(flows float8[], guess float8 DEFAULT 0.1)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_irr_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.irr(float8[], float8) IS
'internal rate of return of flows at t = 0, 1, ...: Newton from guess, else the root nearest guess found by scanning rates from -0.99 to 10000; NULL and a notice when there is none';

CREATE FUNCTION @extschema@.irr_all(flows float8[])
RETURNS SETOF float8
AS 'MODULE_PATHNAME', 'abz_irr_all_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION @extschema@.irr_all(float8[]) IS
'every rate between -0.99 and 10000 where the net present value of flows at t = 0, 1, ... changes sign, ascending';

CREATE TYPE @extschema@.cashflows;

CREATE FUNCTION @extschema@.cashflows_in(cstring)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_in(cstring) IS
'text input of aibiz.cashflows (canonical form only)';

CREATE FUNCTION @extschema@.cashflows_out(@extschema@.cashflows)
RETURNS cstring
AS 'MODULE_PATHNAME', 'abz_cashflows_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_out(@extschema@.cashflows) IS
'text output of aibiz.cashflows';

CREATE FUNCTION @extschema@.cashflows_recv(internal)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_recv(internal) IS
'binary input of aibiz.cashflows';

CREATE FUNCTION @extschema@.cashflows_send(@extschema@.cashflows)
RETURNS bytea
AS 'MODULE_PATHNAME', 'abz_cashflows_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_send(@extschema@.cashflows) IS
'binary output of aibiz.cashflows';

CREATE TYPE @extschema@.cashflows (
	INPUT = @extschema@.cashflows_in,
	OUTPUT = @extschema@.cashflows_out,
	RECEIVE = @extschema@.cashflows_recv,
	SEND = @extschema@.cashflows_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.cashflows IS
'dated cash flows, one exact (Q95.32) amount per date, and the xnpv rate: the state of the xnpv and xirr aggregates';

CREATE FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, amount float8, day date)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, float8, date) IS
'add a dated amount to a cash-flow list (transition function of xirr and cashflows)';

CREATE FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, rate float8, amount float8, day date)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_add_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, float8, float8, date) IS
'add a dated amount to a cash-flow list and fix its xnpv rate (transition function of xnpv)';

CREATE FUNCTION @extschema@.cashflows_combine(@extschema@.cashflows, @extschema@.cashflows)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_combine(@extschema@.cashflows, @extschema@.cashflows) IS
'merge two cash-flow lists, summing amounts of equal dates exactly (combine function of xnpv, xirr and cashflows)';

CREATE FUNCTION @extschema@.cashflows_xnpv_final(@extschema@.cashflows)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xnpv_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_xnpv_final(@extschema@.cashflows) IS
'XNPV of a cash-flow list at the rate it keeps (final function of xnpv)';

CREATE FUNCTION @extschema@.xnpv(@extschema@.cashflows, rate float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xnpv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xnpv(@extschema@.cashflows, float8) IS
'XNPV of a cash-flow list at rate: sum of a_i / (1 + rate)^((d_i - d_0) / 365), d_0 the earliest date; NULL for an empty list';

CREATE FUNCTION @extschema@.xirr(@extschema@.cashflows)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xirr_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xirr(@extschema@.cashflows) IS
'XIRR of a cash-flow list: the rate where its XNPV is 0 (Newton from 0.1, else the scanned root nearest 0.1); NULL and a notice when there is none';

CREATE FUNCTION @extschema@.flows(@extschema@.cashflows)
RETURNS TABLE(day date, amount float8)
AS 'MODULE_PATHNAME', 'abz_cashflows_flows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flows(@extschema@.cashflows) IS
'the dates of a cash-flow list with their summed amounts, in date order';

CREATE AGGREGATE @extschema@.xnpv(rate float8, amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.cashflows_xnpv_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.xnpv(float8, float8, date) IS
'Excel XNPV over rows: sum of amount / (1 + rate)^((day - first day) / 365); the rate must be the same in every row; rows with a NULL are skipped; exact and order-independent';

CREATE AGGREGATE @extschema@.xirr(amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.xirr,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.xirr(float8, date) IS
'Excel XIRR over rows: the rate where the XNPV of the flows is 0; NULL and a notice when there is none; exact and order-independent';

CREATE FUNCTION @extschema@.cashflows_final(@extschema@.cashflows)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_final(@extschema@.cashflows) IS
'the canonical form of a cash-flow list (final function of cashflows)';

CREATE AGGREGATE @extschema@.cashflows(amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.cashflows_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cashflows(float8, date) IS
'the cash-flow list of the rows (dated amounts summed per date), to store or to pass to xnpv(cashflows, rate) and xirr(cashflows)';
