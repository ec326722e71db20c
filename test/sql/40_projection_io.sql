-- 40_projection_io: aibiz.projection text and binary I/O round trip exactly
-- and are validated strictly.
\set VERBOSITY terse

-- SQLSTATE and message of a statement that must fail
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE TEMP TABLE pj AS
SELECT k, aibiz.project('subscription(price=100) + usage(price=0.01, units=1000, growth=2%)',
		'technology(freq=1, loss=100)',
		format('cash(amount=%s) + team(headcount=2, cost=5k) + product(launch=%s, churn=3%%)
				+ marketing(budget=2k, cac=100, organic=10%%) + round(month=6, amount=50k, p=0.5)',
			   1000 * k, k)::aibiz.plan,
		aibiz.market(1e5, 0.01, 0.02, 0.4, 0.05), 36) AS p
FROM generate_series(1, 5) k;

-- A hand-written value: the header, then the raw Q95.32 integers.
-- npv -4294967296 = -1.0; accounts 6442450944 = 1.5; cash -1 = -2^-32.
SELECT v, v::text = t AS same_text, aibiz.npv(v), aibiz.horizon(v), aibiz.members(v),
	   aibiz.launch_month(v), r.accounts, r.cash
FROM (SELECT 'v1;h=1;n=2;l=3;npv=-4294967296;6442450944,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,-1' AS t) x,
	 LATERAL (SELECT x.t::aibiz.projection AS v) y, aibiz.rows(v) r;

-- text round trip of computed values, byte for byte
SELECT count(*), bool_and(p::text::aibiz.projection::text = p::text) AS text_round_trip FROM pj;

-- binary form of aibiz.project()'s result, format 2 (float): version 2,
-- horizon 36 (0x24), members 1, launch 1, then the npv and 36 x 17 values
-- as one float8 each: 4 + 4 + 8 + 4 + 8 x (1 + 612) = 4924 bytes
SELECT substr(aibiz.projection_send(p), 1, 20) AS header, octet_length(aibiz.projection_send(p)) AS bytes
FROM pj WHERE k = 1;

-- binary round trip through COPY to a file and back
COPY (SELECT k, p FROM pj) TO '/tmp/aibiz_40_projection_io.bin' WITH (FORMAT binary);
CREATE TEMP TABLE pj2 (k int, p aibiz.projection);
COPY pj2 FROM '/tmp/aibiz_40_projection_io.bin' WITH (FORMAT binary);
SELECT count(*), bool_and(a.p::text = b.p::text) AS binary_round_trip,
	   bool_and(aibiz.projection_send(a.p) = aibiz.projection_send(b.p)) AS same_bytes
FROM pj a JOIN pj2 b USING (k);

-- Strict text input.
SELECT pg_temp.err($$SELECT 'v3;h=1;n=1;l=1;npv=0;0'::aibiz.projection$$) AS version;
SELECT pg_temp.err($$SELECT 'v1;h=0;n=1;l=1;npv=0'::aibiz.projection$$) AS horizon_0;
SELECT pg_temp.err($$SELECT 'v1;h=601;n=1;l=1;npv=0'::aibiz.projection$$) AS horizon_601;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=0;l=1;npv=0;0' || repeat(',0', 16))::aibiz.projection$$) AS members_0;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=0;0' || repeat(',0', 15))::aibiz.projection$$) AS field_missing;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=0;0' || repeat(',0', 17))::aibiz.projection$$) AS field_extra;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=0;0' || repeat(',0', 16) || ' ')::aibiz.projection$$) AS trailing_blank;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=-0;0' || repeat(',0', 16))::aibiz.projection$$) AS minus_zero;
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=1.5;0' || repeat(',0', 16))::aibiz.projection$$) AS not_raw;
-- 2^126 = 85070591730234615865843651857942052864 is out of range; 2^126 - 1 is not
SELECT pg_temp.err($$SELECT ('v1;h=1;n=1;l=1;npv=85070591730234615865843651857942052864;0' || repeat(',0', 16))::aibiz.projection$$) AS npv_2_126;
SELECT aibiz.npv(('v1;h=1;n=1;l=1;npv=85070591730234615865843651857942052863;0' || repeat(',0', 16))::aibiz.projection) AS npv_max;

-- Strict binary input: write one COPY BINARY row with the given field bytes
-- (signature, flags, header extension, one field, trailer) and read it back.
CREATE TEMP TABLE pj3 (p aibiz.projection);
CREATE FUNCTION pg_temp.copy_in(body bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	o oid;
BEGIN
	o := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
						  || '\x0001'::bytea || int4send(octet_length(body)) || body || '\xffff'::bytea);
	PERFORM lo_export(o, '/tmp/aibiz_40_projection_io_bad.bin');
	PERFORM lo_unlink(o);
	COPY pj3 FROM '/tmp/aibiz_40_projection_io_bad.bin' WITH (FORMAT binary);
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
-- body of a horizon-1 value: version 1-4, horizon 5-8, members 9-16,
-- launch 17-20, npv 21-36, values 37-308 (1-based byte positions)
CREATE TEMP TABLE good AS
SELECT aibiz.projection_send(('v1;h=1;n=1;l=1;npv=0;5' || repeat(',0', 16))::aibiz.projection) AS b;
SELECT octet_length(b) AS bytes, pg_temp.copy_in(b) AS good FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x00000003' from 1 for 4)) AS version_3 FROM good;
-- a format 1 body relabelled as format 2 has the wrong length for it
SELECT pg_temp.copy_in(overlay(b placing '\x00000002' from 1 for 4)) AS version_2_length FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x00000000' from 5 for 4)) AS horizon_0 FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x00000259' from 5 for 4)) AS horizon_601 FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x00000002' from 5 for 4)) AS horizon_2_short FROM good;
SELECT pg_temp.copy_in(substr(b, 1, 307)) AS truncated FROM good;
SELECT pg_temp.copy_in(b || '\x00'::bytea) AS extra_byte FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x0000000000000000' from 9 for 8)) AS members_0 FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x00000000' from 17 for 4)) AS launch_0 FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\x4000000000000000' from 37 for 8)) AS value_2_126 FROM good;
SELECT pg_temp.copy_in(overlay(b placing '\xc000000000000000' from 21 for 8)) AS npv_minus_2_126 FROM good;
-- only the good row arrived
SELECT count(*), min(aibiz.members(p)) AS members FROM pj3;

-- Format 2 (float), what aibiz.project() returns: every number the float8
-- the engine computed, in its shortest exact text; it stands for the
-- fixed-point conversion of each float8 (round to nearest even at 2^-32).
-- 0.1 * 2^32 = 429496729.6 -> 429496730, / 2^32 = 0.10000000009313226;
-- -2.5 and 1e+20 are exact; 5e-324 (the least subnormal) converts to 0.
SELECT v::text = t AS same_text, aibiz.npv(v) AS npv, r.accounts, r.new_accounts, r.revenue, r.cash,
	   aibiz.members(v) AS members, aibiz.launch_month(v) AS launch
FROM (SELECT 'v2;h=1;n=1;l=3;npv=-2.5;0.1,1e+20,5e-324,0,0,0,0,0,0,0,0,0,0,0,0,0,-0' AS t) x,
	 LATERAL (SELECT x.t::aibiz.projection AS v) y, aibiz.rows(v) r;
-- its sum over one row is in format 1 and holds the same numbers:
-- npv -2.5 * 2^32 = -10737418240; 429496730; 1e20 * 2^32 = 429496729600000000000000000000
SELECT aibiz.sum(v)::text
FROM (SELECT 'v2;h=1;n=1;l=3;npv=-2.5;0.1,1e+20,5e-324,0,0,0,0,0,0,0,0,0,0,0,0,0,-0'::aibiz.projection AS v) x;
-- computed values: the sum over one row has, bit for bit, the months,
-- summary and npv of the value, and + of two float values is in format 1
SELECT count(*) AS n,
	   bool_and(left(p::text, 3) = 'v2;') AS project_is_float,
	   bool_and(left(s::text, 3) = 'v1;') AS sum_is_fixed,
	   bool_and(ARRAY(SELECT r FROM aibiz.rows(p) r) = ARRAY(SELECT r FROM aibiz.rows(s) r)) AS same_rows,
	   bool_and(aibiz.summary(p) = aibiz.summary(s)) AS same_summary,
	   bool_and(aibiz.npv(p) = aibiz.npv(s) AND aibiz.breakeven_month(p) IS NOT DISTINCT FROM aibiz.breakeven_month(s)
				AND aibiz.runway(p) IS NOT DISTINCT FROM aibiz.runway(s)) AS same_figures,
	   bool_and((p OPERATOR(aibiz.+) p)::text = (SELECT aibiz.sum(q) FROM (VALUES (p), (p)) w(q))::text) AS plus_is_sum,
	   bool_and(left((p OPERATOR(aibiz.+) p)::text, 3) = 'v1;') AS plus_is_fixed
FROM pj, LATERAL (SELECT aibiz.sum(q) AS s FROM (VALUES (pj.p)) w(q)) z;
-- the fixed form of a float value reads back, and summing it again changes nothing
SELECT bool_and(s::text::aibiz.projection::text = s::text) AS fixed_round_trip,
	   bool_and((SELECT aibiz.sum(q) FROM (VALUES (s)) w(q))::text = s::text) AS sum_of_fixed
FROM pj, LATERAL (SELECT aibiz.sum(q) AS s FROM (VALUES (pj.p)) w(q)) z;

-- Strict text input of format 2: only the shortest exact float8 text
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;1.50' || repeat(',0', 16))::aibiz.projection$$) AS trailing_zero;
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;0.10000000000000001' || repeat(',0', 16))::aibiz.projection$$) AS not_shortest;
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;1e20' || repeat(',0', 16))::aibiz.projection$$) AS exponent_form;
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;+1' || repeat(',0', 16))::aibiz.projection$$) AS plus_sign;
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=nan;0' || repeat(',0', 16))::aibiz.projection$$) AS nan;
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;0' || repeat(',0', 15) || ',Infinity')::aibiz.projection$$) AS infinity;
-- 2^94 = 1.9807040628566084e+28 is out of range, the float8 just below is not
SELECT pg_temp.err($$SELECT ('v2;h=1;n=1;l=1;npv=0;1.9807040628566084e+28' || repeat(',0', 16))::aibiz.projection$$) AS value_2_94;
SELECT aibiz.rows(('v2;h=1;n=1;l=1;npv=0;1.9807040628566082e+28' || repeat(',0', 16))::aibiz.projection)
	= aibiz.rows(('v1;h=1;n=1;l=1;npv=0;85070591730234606421110686118651625472' || repeat(',0', 16))::aibiz.projection) AS below_2_94;

-- Strict binary input of format 2: 4 + 4 + 8 + 4 + 8 x 18 = 164 bytes
CREATE TEMP TABLE goodf AS
SELECT aibiz.projection_send(('v2;h=1;n=1;l=1;npv=0.5;5' || repeat(',0', 16))::aibiz.projection) AS b;
SELECT octet_length(b) AS bytes, substr(b, 21, 16) AS npv_and_first, pg_temp.copy_in(b) AS good FROM goodf;
SELECT pg_temp.copy_in(substr(b, 1, 163)) AS truncated FROM goodf;
-- 0x7ff0000000000000 = Infinity, 0x7ff8000000000000 = NaN, 0x45d0000000000000 = 2^94
SELECT pg_temp.copy_in(overlay(b placing '\x7ff0000000000000' from 29 for 8)) AS value_infinity FROM goodf;
SELECT pg_temp.copy_in(overlay(b placing '\x7ff8000000000000' from 21 for 8)) AS npv_nan FROM goodf;
SELECT pg_temp.copy_in(overlay(b placing '\x45d0000000000000' from 29 for 8)) AS value_2_94 FROM goodf;
SELECT count(*) AS rows_now, sum(aibiz.npv(p)) AS npv_sum FROM pj3;

-- A float8 with two exact spellings.  2^-44 = 5.684341886080801486968994140625e-14:
-- rounded to 16 digits (...801e-14) it reads back as the next lower double
-- (below a power of two the gap is half the gap above), so the shortest
-- exact text is the 16-digit 5.684341886080802e-14, while the precision
-- loop of earlier releases wrote the 17-digit 5.6843418860808015e-14.
-- Text input reads both to the same value; output writes the shortest.
-- The npv's float8 bits (bytes 21-28 of the binary form): exponent
-- 1023 - 44 = 979 = 0x3D3, mantissa zero, so 0x3D30000000000000.
SELECT a::text AS printed, aibiz.projection_send(a) = aibiz.projection_send(b) AS same_bytes,
	   substr(aibiz.projection_send(a), 21, 8) AS npv_bits
FROM (SELECT 'v2;h=1;n=1;l=1;npv=5.684341886080802e-14;0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'::aibiz.projection AS a,
			 'v2;h=1;n=1;l=1;npv=5.6843418860808015e-14;0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'::aibiz.projection AS b) x;
-- any other spelling of it is refused (the number starts at offset 19)
SELECT pg_temp.err($$SELECT 'v2;h=1;n=1;l=1;npv=5.68434188608080149e-14;0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0'::aibiz.projection$$) AS long_spelling;
