-- Finance functions: npv, irr, irr_all, the cashflows type, xnpv/xirr.
\set VERBOSITY terse
SET DateStyle = ISO;

-- npv: 300/1.1 + 400/1.1^2 + 500/1.1^3 = 272.7273 + 330.5785 + 375.6574 = 978.9632
SELECT round(aibiz.npv(0.1, ARRAY[300, 400, 500]::float8[])::numeric, 6) AS npv_t1;
-- t0 = 0: first flow undiscounted: -1000 + 978.9632 = -21.0368
SELECT round(aibiz.npv(0.1, ARRAY[-1000, 300, 400, 500]::float8[], 0)::numeric, 6) AS npv_t0;
-- Excel NPV (t0 = 1) of the same is -21.0368 / 1.1 = -19.1244
SELECT round(aibiz.npv(0.1, ARRAY[-1000, 300, 400, 500]::float8[])::numeric, 6) AS npv_excel;
-- rate 0 is the plain sum; empty array 0
SELECT aibiz.npv(0, ARRAY[1.5, 2.5]::float8[]) AS sum, aibiz.npv(0.1, '{}'::float8[]) AS empty;

-- irr: -100 + 110/(1+r) = 0 at r = 0.1 exactly
SELECT aibiz.irr(ARRAY[-100, 110]::float8[]) AS irr_10pct;
-- -1000 + 300/(1+r) + 400/(1+r)^2 + 500/(1+r)^3 = 0: at r = 0.0889634,
-- 275.494 + 337.311 + 387.195 = 1000.000
SELECT round(aibiz.irr(ARRAY[-1000, 300, 400, 500]::float8[])::numeric, 9) AS irr;
SELECT round(aibiz.irr(ARRAY[-1000, 300, 400, 500]::float8[], 5)::numeric, 9) AS irr_far_guess;
-- all positive: no root, NULL and a notice
SELECT aibiz.irr(ARRAY[100, 50, 25]::float8[]) IS NULL AS no_root;
-- two roots: x = 1/(1+r): -100 + 230x - 132x^2 = 0, x = (230 -+ 10)/264,
-- i.e. r = 0.1 and r = 0.2
SELECT round(r::numeric, 12) AS root FROM aibiz.irr_all(ARRAY[-100, 230, -132]::float8[]) AS r;
SELECT count(*) AS no_roots FROM aibiz.irr_all(ARRAY[1, 2, 3]::float8[]);
-- irr takes the root nearest the guess
SELECT round(aibiz.irr(ARRAY[-100, 230, -132]::float8[], 0.25)::numeric, 12) AS near_02;

-- bad input: NaN/inf 22023, rate <= -1 22023, null elements 22004, overflow 22003
\set VERBOSITY sqlstate
SELECT aibiz.npv(0.1, ARRAY[1, 'NaN']::float8[]);
SELECT aibiz.npv('Infinity', ARRAY[1]::float8[]);
SELECT aibiz.npv(-1, ARRAY[1]::float8[]);
SELECT aibiz.irr(ARRAY[-1, 'Infinity']::float8[]);
SELECT aibiz.irr(ARRAY[-1, 2]::float8[], -1);
SELECT aibiz.irr(ARRAY[-1, NULL]::float8[]);
SELECT aibiz.irr_all(ARRAY['-Infinity', 1]::float8[]);
SELECT aibiz.npv(-0.999, ARRAY[1e300]::float8[], 3);
SELECT aibiz.irr(ARRAY[[1, -2], [3, 4]]::float8[]);
\set VERBOSITY terse

-- Excel's XNPV/XIRR example (day offsets 0, 60, 303, 411, 456):
-- XNPV(9%) = -10000 + 2750/1.09^(60/365) + 4250/1.09^(303/365)
--            + 3250/1.09^(411/365) + 2750/1.09^(456/365) = 2086.647602
-- XIRR = 0.373362535 (Excel, which stops iterating near 1e-8); the root,
-- by bisection of the sum above, is 0.37336253352, i.e. 0.373362534 to 9 places
CREATE TEMP TABLE excel(amount float8, day date);
INSERT INTO excel VALUES (-10000, '2008-01-01'), (2750, '2008-03-01'),
	(4250, '2008-10-30'), (3250, '2009-02-15'), (2750, '2009-04-01');
SELECT round(aibiz.xnpv(0.09, amount, day)::numeric, 6) AS xnpv,
	round(aibiz.xirr(amount, day)::numeric, 9) AS xirr
FROM excel;
-- through a stored list, and the list itself
SELECT aibiz.cashflows(amount, day) FROM excel;
SELECT round(aibiz.xnpv(aibiz.cashflows(amount, day), 0.09)::numeric, 6) AS xnpv_of_list,
	round(aibiz.xirr(aibiz.cashflows(amount, day))::numeric, 9) AS xirr_of_list
FROM excel;
SELECT * FROM aibiz.flows((SELECT aibiz.cashflows(amount, day) FROM excel));
-- the xnpv state keeps its rate: 0.09 prints in shortest form
SELECT aibiz.cashflows_add('v1', 0.09, 100, '2020-01-01');
-- splitting amounts over rows of the same date changes nothing, bit for bit
SELECT (SELECT aibiz.xirr(amount, day) FROM excel) =
	(SELECT aibiz.xirr(a, d) FROM (VALUES (-4000, date '2008-01-01'), (2750, '2009-04-01'),
		(-6000, '2008-01-01'), (4250, '2008-10-30'), (3000, '2009-02-15'),
		(2750, '2008-03-01'), (250, '2009-02-15')) AS v(a, d)) AS split_same;
-- NULL rows are skipped; no rows give NULL
SELECT aibiz.xirr(a, d) IS NULL AS empty_null, aibiz.xnpv(0.1, a, d) IS NULL AS empty_null2
FROM (SELECT 1.0::float8 AS a, date '2020-01-01' AS d WHERE false) AS e;
SELECT round(aibiz.xirr(amount, day)::numeric, 9) AS with_nulls
FROM (SELECT * FROM excel UNION ALL SELECT NULL, '2008-05-05' UNION ALL SELECT 99, NULL) AS x;
-- no sign change: NULL and a notice
SELECT aibiz.xirr(a, d) IS NULL AS no_root
FROM (VALUES (100.0::float8, date '2020-01-01'), (5, '2021-01-01')) AS v(a, d);
-- xnpv: the rate must be the same in every row; bad dates and amounts
\set VERBOSITY sqlstate
SELECT aibiz.xnpv(r, 1, '2020-01-01') FROM (VALUES (0.1::float8), (0.2)) AS v(r);
SELECT aibiz.xnpv(-1, 1, '2020-01-01');
SELECT aibiz.xirr(1, 'infinity');
SELECT aibiz.xirr('NaN', '2020-01-01');
SELECT aibiz.xirr(1e30, '2020-01-01');
\set VERBOSITY terse

-- the type: canonical text round-trips; anything else is rejected
SELECT 'v1 rate=0.05 -0044-03-15:4294967296 2008-01-01:-1'::aibiz.cashflows;
SELECT x::text::aibiz.cashflows::text = x::text AS text_roundtrip
FROM (SELECT aibiz.cashflows(amount, day) AS x FROM excel) AS s;
\set VERBOSITY sqlstate
SELECT 'v2'::aibiz.cashflows;
SELECT 'v1 2020-01-02:1 2020-01-01:1'::aibiz.cashflows;
SELECT 'v1 2020-01-01:1 2020-01-01:1'::aibiz.cashflows;
SELECT 'v1 2020-02-30:1'::aibiz.cashflows;
SELECT 'v1 2020-01-01:1.5'::aibiz.cashflows;
SELECT 'v1 2020-01-01:1 '::aibiz.cashflows;
SELECT 'v1 rate=-2 2020-01-01:1'::aibiz.cashflows;
\set VERBOSITY terse

-- binary I/O through COPY (FORMAT binary): a file holding one field
CREATE TEMP TABLE loaded(x aibiz.cashflows);
CREATE FUNCTION pg_temp.copyfile(payload bytea) RETURNS bytea LANGUAGE sql AS $$
	SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
		|| '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea
$$;
CREATE FUNCTION pg_temp.load(payload bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	oid_ oid := lo_from_bytea(0, pg_temp.copyfile(payload));
	result text;
BEGIN
	PERFORM lo_export(oid_, '/tmp/aibiz_regress_cashflows.bin');
	PERFORM lo_unlink(oid_);
	TRUNCATE loaded;
	COPY loaded FROM '/tmp/aibiz_regress_cashflows.bin' (FORMAT binary);
	SELECT x::text INTO result FROM loaded;
	RETURN result;
EXCEPTION WHEN others THEN
	RETURN 'error ' || SQLSTATE || ': ' || SQLERRM;
END $$;
-- a payload: version, flags, rate, count, then (day, amount high, amount low)
CREATE FUNCTION pg_temp.payload(version int, flags int, rate float8, n int, days int[], his int8[], los int8[])
RETURNS bytea LANGUAGE sql AS $$
	SELECT set_byte(set_byte('\x0000'::bytea, 0, version), 1, flags) || float8send(rate) || int4send(n)
		|| coalesce((SELECT string_agg(int4send(d) || int8send(h) || int8send(l), ''::bytea ORDER BY o)
					 FROM unnest(days, his, los) WITH ORDINALITY AS u(d, h, l, o)), ''::bytea)
$$;
-- send layout: version 1, flags 1 (rate), rate 0.5 as float8, count 1,
-- then day 0 (2000-01-01) and the Q95.32 amount 2 * 2^32 as two int8 halves
SELECT aibiz.cashflows_send('v1 rate=0.5 2000-01-01:8589934592') =
	pg_temp.payload(1, 1, 0.5, 1, '{0}', '{0}', '{8589934592}') AS send_layout;
SELECT pg_temp.load(aibiz.cashflows_send(x)) = x::text AS binary_roundtrip
FROM (SELECT aibiz.cashflows(amount, day) AS x FROM excel) AS s;
SELECT pg_temp.load(pg_temp.payload(1, 1, 0.5, 2, '{-1, 3}', '{0, -1}', '{8589934592, 1}')) AS valid;
-- rejected: version 2, unknown flag, rate without its flag, rate <= -1,
-- count not matching the data, unsorted and repeated dates, a date out of range
SELECT pg_temp.load(pg_temp.payload(2, 0, 0, 0, '{}', '{}', '{}'));
SELECT pg_temp.load(pg_temp.payload(1, 2, 0, 0, '{}', '{}', '{}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0.5, 0, '{}', '{}', '{}'));
SELECT pg_temp.load(pg_temp.payload(1, 1, -1, 0, '{}', '{}', '{}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0, 2, '{1}', '{0}', '{1}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0, 1, '{1, 2}', '{0, 0}', '{1, 1}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0, 2, '{5, 3}', '{0, 0}', '{1, 1}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0, 2, '{5, 5}', '{0, 0}', '{1, 1}'));
SELECT pg_temp.load(pg_temp.payload(1, 0, 0, 1, '{2147483000}', '{0}', '{1}'));

-- as a window aggregate the running state keeps changing in place; every
-- row's results are those of its own running list.  Running XNPV at 9 %:
-- -10000; + 2750/1.09^(60/365) = + 2711.32 -> -7288.68; + 4250/1.09^(303/365)
-- = + 3956.58 -> -3332.10; + 3250/1.09^(411/365) = + 2949.44 -> -382.66;
-- + 2750/1.09^(456/365) = + 2469.32 -> 2086.65.  XIRR: none for row 1; for
-- row 2 the root, 2750 (1+r)^(-60/365) = 10000 at r = -0.9996, is outside
-- the scanned range, so NULL; row 3: r = -0.44868, 1/(1+r) = 1.8138,
-- 2750 * 1.8138^(60/365) + 4250 * 1.8138^(303/365) = 3032 + 6968 = 10000;
-- row 4: r = 0.03379: 2735 + 4134 + 3131 = 10000 (each also checked by
-- evaluating the list's XNPV there); row 5 is Excel's 0.373362534
SELECT day, dates, round(x::numeric, 2) AS running_xnpv, round(r::numeric, 9) AS running_xirr,
	abs(aibiz.xnpv(list, r)) < 1e-6 AS xnpv_zero_at_xirr
FROM (SELECT day, aibiz.cashflows(amount, day) OVER w AS list,
		aibiz.xnpv(0.09, amount, day) OVER w AS x, aibiz.xirr(amount, day) OVER w AS r
	  FROM excel WINDOW w AS (ORDER BY day)) AS s,
	LATERAL (SELECT count(*) AS dates FROM aibiz.flows(list)) AS f
ORDER BY day;
