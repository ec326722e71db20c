-- 45_hostile_values: crafted binary input and altered stored values of
-- aibiz.projection, aibiz.cashflows and the three input types are rejected
-- with their SQLSTATE, never read past the value or misread; member counts
-- and cash-flow amounts stay inside what their text form reads back;
-- unit_economics reports overflow instead of returning Infinity or NaN.
\set VERBOSITY terse

-- SQLSTATE and message of a statement, or its result
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	res text;
BEGIN
	EXECUTE q INTO res;
	RETURN 'ok: ' || coalesce(res, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- load one binary field of the type of table tab through COPY (FORMAT binary)
CREATE TEMP TABLE in_proj (v aibiz.projection);
CREATE TEMP TABLE in_cf (v aibiz.cashflows);
CREATE TEMP TABLE in_plan (v aibiz.plan);
CREATE FUNCTION pg_temp.load(tab text, body bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	o oid;
	res text;
BEGIN
	o := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
						  || '\x0001'::bytea || int4send(octet_length(body)) || body || '\xffff'::bytea);
	PERFORM lo_export(o, '/tmp/aibiz_45_hostile_values.bin');
	PERFORM lo_unlink(o);
	EXECUTE format('TRUNCATE %I', tab);
	EXECUTE format('COPY %I FROM %L (FORMAT binary)', tab, '/tmp/aibiz_45_hostile_values.bin');
	EXECUTE format('SELECT v::text FROM %I', tab) INTO res;
	RETURN 'ok: ' || res;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- The stored bytes of a value and back, unchanged: the internal varchar(x, -1)
-- coercion returns its argument as it is, so these relabel a varlena.
CREATE FUNCTION pg_temp.raw(aibiz.projection, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.proj(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.projection LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.plan, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.plan(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.plan LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.cashflows, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.cf(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.cashflows LANGUAGE internal IMMUTABLE STRICT AS 'varchar';

-- ---- altered stored projections ----
-- stored body of a horizon-1 format 2 value: 4 bytes padding, version 5-8,
-- horizon 9-12, members 13-20, launch 21-24, padding 25-28, npv 29-44
-- (float8 then 8 zero bytes), 17 float8 values 45-180 (little-endian)
CREATE TEMP TABLE sp AS
SELECT pg_temp.raw(('v2;h=1;n=1;l=1;npv=0.5;5' || repeat(',0', 16))::aibiz.projection) AS b;
SELECT octet_length(b) AS bytes, substr(b, 1, 12) AS head,
	   aibiz.npv(pg_temp.proj(b)) AS npv_unaltered FROM sp;
-- an unknown version: every reader refuses it (it was read as format 1)
SELECT pg_temp.try(format($$SELECT aibiz.npv(pg_temp.proj(%L))$$, overlay(b placing '\x09000000' from 5 for 4))) AS npv_v9,
	   pg_temp.try(format($$SELECT pg_temp.proj(%L)::text$$, overlay(b placing '\x09000000' from 5 for 4))) AS out_v9,
	   pg_temp.try(format($$SELECT aibiz.projection_send(pg_temp.proj(%L))$$, overlay(b placing '\x09000000' from 5 for 4))) AS send_v9
FROM sp;
-- format 1 claimed for format 2 bytes: the size does not match
SELECT pg_temp.try(format($$SELECT aibiz.npv(pg_temp.proj(%L))$$, overlay(b placing '\x01000000' from 5 for 4))) AS npv_v1 FROM sp;
-- a horizon of 600 (0x258) in a value of one month: output must not read beyond it
SELECT pg_temp.try(format($$SELECT pg_temp.proj(%L)::text$$, overlay(b placing '\x58020000' from 9 for 4))) AS out_h600,
	   pg_temp.try(format($$SELECT count(*) FROM aibiz.rows(pg_temp.proj(%L))$$, overlay(b placing '\x58020000' from 9 for 4))) AS rows_h600,
	   pg_temp.try(format($$SELECT aibiz.summary(pg_temp.proj(%L))$$, overlay(b placing '\x58020000' from 9 for 4))) AS summary_h600,
	   pg_temp.try(format($$SELECT aibiz.horizon(pg_temp.proj(%L))$$, overlay(b placing '\x00000000' from 9 for 4))) AS horizon_0
FROM sp;
-- the sum and + refuse it as well
SELECT pg_temp.try(format($$SELECT aibiz.sum(x)::text FROM (VALUES (pg_temp.proj(%L))) v(x)$$, overlay(b placing '\x58020000' from 9 for 4))) AS sum_h600,
	   pg_temp.try(format($$SELECT (pg_temp.proj(%1$L) OPERATOR(aibiz.+) pg_temp.proj(%1$L))::text$$, overlay(b placing '\x09000000' from 5 for 4))) AS plus_v9
FROM sp;
-- members 10^18 (0x0de0b6b3a7640000) and launch 0 in the stored header
SELECT pg_temp.try(format($$SELECT aibiz.members(pg_temp.proj(%L))$$, overlay(b placing '\x000064a7b3b6e00d' from 13 for 8))) AS members_1e18,
	   pg_temp.try(format($$SELECT aibiz.breakeven_month(pg_temp.proj(%L))$$, overlay(b placing '\x00000000' from 21 for 4))) AS launch_0,
	   pg_temp.try(format($$SELECT aibiz.npv(pg_temp.proj(%L))$$, substr(b, 1, 20))) AS cut_short
FROM sp;

-- ---- member counts ----
-- 10^18 - 1 members read back through text; 10^18 has 19 digits and does not
SELECT pg_temp.try($$SELECT aibiz.members(('v1;h=1;n=999999999999999999;l=1;npv=0' || repeat(';0' || repeat(',0', 16), 1))::aibiz.projection)$$) AS members_max,
	   pg_temp.try($$SELECT aibiz.members(('v1;h=1;n=1000000000000000000;l=1;npv=0' || repeat(';0' || repeat(',0', 16), 1))::aibiz.projection)$$) AS members_1e18_text;
-- binary: 10^18 members (0x0de0b6b3a7640000 big-endian) is refused as text is
CREATE TEMP TABLE bp AS
SELECT aibiz.projection_send(('v1;h=1;n=1;l=1;npv=0;5' || repeat(',0', 16))::aibiz.projection) AS b;
SELECT pg_temp.load('in_proj', overlay(b placing '\x0de0b6b3a763ffff' from 9 for 8)) AS members_max_binary,
	   pg_temp.load('in_proj', overlay(b placing '\x0de0b6b3a7640000' from 9 for 8)) AS members_1e18_binary
FROM bp;
-- sums: 5e17 + 5e17 members overflows (22003), 5e17 + (5e17 - 1) does not
CREATE TEMP TABLE half AS
SELECT ('v1;h=1;n=500000000000000000;l=1;npv=0;1' || repeat(',0', 16))::aibiz.projection AS a,
	   ('v1;h=1;n=499999999999999999;l=1;npv=0;1' || repeat(',0', 16))::aibiz.projection AS b;
SELECT pg_temp.try($$SELECT aibiz.members(a OPERATOR(aibiz.+) a) FROM half$$) AS plus_overflow,
	   pg_temp.try($$SELECT aibiz.members(a OPERATOR(aibiz.+) b) FROM half$$) AS plus_max,
	   pg_temp.try($$SELECT aibiz.members(aibiz.sum(x)) FROM half, LATERAL (VALUES (a), (a)) v(x)$$) AS sum_overflow,
	   pg_temp.try($$SELECT aibiz.members(aibiz.sum(x)) FROM half, LATERAL (VALUES (a), (b)) v(x)$$) AS sum_max;

-- ---- truncated binary input: 22P03 naming the type ----
SELECT pg_temp.load('in_proj', '\x000000') AS proj_3_bytes,
	   pg_temp.load('in_proj', substr(b, 1, 6)) AS proj_6_bytes,
	   pg_temp.load('in_proj', '\x') AS proj_empty
FROM bp;
SELECT pg_temp.load('in_cf', '\x01') AS cf_1_byte,
	   pg_temp.load('in_cf', '\x0100000000000000000000') AS cf_11_bytes,
	   pg_temp.load('in_cf', '\x') AS cf_empty;
-- a count of 4,000,000 dates with no data behind it: refused before allocating
SELECT pg_temp.load('in_cf', '\x0100' || float8send(0) || int4send(4000000)) AS cf_count_without_data;
SELECT pg_temp.load('in_plan', '\x010340'::bytea) AS plan_3_bytes,
	   pg_temp.load('in_plan', '\x01030040'::bytea) AS plan_64_terms_no_data;

-- ---- cashflows amounts: binary input is exactly as strict as text ----
-- 2^126 = 85070591730234615865843651857942052864 reads back as text;
-- 2^126 + 1 does not
SELECT pg_temp.try($$SELECT 'v1 2000-01-01:85070591730234615865843651857942052864'::aibiz.cashflows::text$$) AS text_2_126,
	   pg_temp.try($$SELECT 'v1 2000-01-01:85070591730234615865843651857942052865'::aibiz.cashflows::text$$) AS text_2_126_plus_1,
	   pg_temp.try($$SELECT 'v1 2000-01-01:-85070591730234615865843651857942052865'::aibiz.cashflows::text$$) AS text_minus;
-- binary: version 01, flags 00, rate 0.0, count 1, day 0, amount hi then lo
SELECT pg_temp.load('in_cf', '\x0100' || float8send(0) || int4send(1) || int4send(0)
						|| int8send(4611686018427387904) || int8send(0)) AS bin_2_126,
	   pg_temp.load('in_cf', '\x0100' || float8send(0) || int4send(1) || int4send(0)
						|| int8send(4611686018427387904) || int8send(1)) AS bin_2_126_plus_1,
	   pg_temp.load('in_cf', '\x0100' || float8send(0) || int4send(1) || int4send(0)
						|| int8send(-9223372036854775808) || int8send(0)) AS bin_int128_min,
	   pg_temp.load('in_cf', '\x0100' || float8send(0) || int4send(1) || int4send(0)
						|| int8send(-4611686018427387905) || int8send(-1)) AS bin_minus_2_126_minus_1;
-- every binary value accepted is one whose text reads back
SELECT 'v1 2000-01-01:85070591730234615865843651857942052864'::aibiz.cashflows::text::aibiz.cashflows::text
	   = 'v1 2000-01-01:85070591730234615865843651857942052864' AS text_round_trip;
-- the aggregate's sum on one date stays inside the text range (22003)
SELECT pg_temp.try($$SELECT aibiz.cashflows_combine('v1 2000-01-01:85070591730234615865843651857942052864', 'v1 2000-01-01:1')::text$$) AS combine_overflow;
-- a stored list altered to an out-of-range amount is not printed
SELECT pg_temp.try(format($$SELECT pg_temp.cf(%L)::text$$,
	   overlay(pg_temp.raw('v1 2000-01-01:1'::aibiz.cashflows) placing '\xffffffffffffff7f' from 37 for 8))) AS stored_amount,
	   pg_temp.try(format($$SELECT pg_temp.cf(%L)::text$$,
	   overlay(pg_temp.raw('v1 2000-01-01:1'::aibiz.cashflows) placing '\x02' from 5 for 1))) AS stored_version;

-- ---- altered stored input values ----
-- stored body (format version 2): byte 1 the version, 2 the kind, 3-4 the
-- term count (little endian), then per term its code, sub-term code and a 2-byte mask of the
-- slots stored, each slot a distribution code and its float8s.  This plan
-- is 4 + cash (4 + 9) + team (4 + 2 * 9: headcount, cost; growth 0 is left
-- out) + product (4 + 2 * 9: launch 1 by default, churn) = 61 bytes.
-- Byte 5 is cash's term code, 7-8 its mask, 9 its slot's distribution,
-- 10-17 the amount.
CREATE TEMP TABLE spl AS
SELECT pg_temp.raw('cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)'::aibiz.plan) AS b;
SELECT octet_length(b) AS bytes, substr(b, 1, 9) AS head, pg_temp.plan(b)::text AS unaltered FROM spl;
SELECT pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x03' from 1 for 1))) AS out_v3,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L) OPERATOR(aibiz.=) pg_temp.plan(%L)$$,
				overlay(b placing '\x03' from 1 for 1), b)) AS eq_v3,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x09' from 2 for 1))) AS out_kind_9,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x63' from 5 for 1))) AS out_term_99
FROM spl;
SELECT pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x4000' from 3 for 2))) AS out_64_terms,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x0400' from 3 for 2))) AS out_4_terms,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x4100' from 3 for 2))) AS out_65_terms
FROM spl;
SELECT pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x0104' from 7 for 2))) AS out_mask_slot_11,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x09' from 9 for 1))) AS out_dist_9,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, overlay(b placing '\x0000000000000000' from 10 for 8))) AS out_zero_slot
FROM spl;
SELECT pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, b || '\x00'::bytea)) AS out_trailing,
	   pg_temp.try(format($$SELECT pg_temp.plan(%L)::text$$, substr(b, 1, 60))) AS out_truncated,
	   pg_temp.try($$SELECT pg_temp.plan('')::text$$) AS out_empty,
	   pg_temp.try($$SELECT pg_temp.plan('\x000000')::text$$) AS out_v1_short
FROM spl;
SELECT pg_temp.try(format($$SELECT count(*) FROM aibiz.terms(pg_temp.plan(%L))$$, overlay(b placing '\x03' from 1 for 1))) AS terms_v3,
	   pg_temp.try(format($$SELECT aibiz.unit_economics('subscription(price=1)', pg_temp.plan(%L))$$, overlay(b placing '\x03' from 1 for 1))) AS unit_economics_v3
FROM spl;

-- ---- unit_economics: overflow is 22003 naming the output ----
-- ARPA = price x seats = 1e300 x 1e300 overflows float8
SELECT pg_temp.try($$SELECT aibiz.unit_economics('subscription(price=1e300, seats=1e300)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.5) + marketing(budget=1, cac=1)')::text$$) AS arpa_overflow;
-- LTV = ARPA x margin / churn = 1e300 x 0.5 / 1e-300 overflows
SELECT pg_temp.try($$SELECT aibiz.unit_economics('subscription(price=1e300, cost=5e299)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=1e-300) + marketing(budget=1, cac=1)')::text$$) AS ltv_overflow;
-- payback = CAC / (ARPA x margin) = 1e300 / 1e-300 overflows
SELECT pg_temp.try($$SELECT aibiz.unit_economics('subscription(price=1e-300)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.5) + marketing(budget=1, cac=1e300)')::text$$) AS payback_overflow;
-- the same shapes within range: every output finite
SELECT * FROM aibiz.unit_economics('subscription(price=1e300, cost=5e299)',
	'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0.5) + marketing(budget=1, cac=1)');

-- ---- a 39-digit raw number past 2^128 must not wrap into range ----
-- 385070591730234615865843651857942052863 > 2^128: out of range (22023), not read modulo 2^128
SELECT pg_temp.try($$SELECT aibiz.npv(('v1;h=1;n=1;l=1;npv=385070591730234615865843651857942052863;0' || repeat(',0', 16))::aibiz.projection)$$) AS npv_39_digits,
	   pg_temp.try($$SELECT aibiz.npv(('v1;h=1;n=1;l=1;npv=-85070591730234615865843651857942052863;0' || repeat(',0', 16))::aibiz.projection)$$) AS npv_below_2_126;
