-- 11_types_stored: the stored form of the three input types.  Format
-- version 2 keeps only the key slots that are not zero (a slot is a
-- distribution code and its float8 arguments); version 1, written by
-- aibiz 0.3 and before (ten 32-byte slots per term, used or not), still
-- reads, equal to the same value in version 2 under =, text, binary form,
-- hash and every function; rewrite() turns it into version 2.
SET client_min_messages = warning;
SET search_path = aibiz, public;

-- The stored bytes of a value and back, unchanged: the internal varchar(x, -1)
-- coercion returns its argument as it is, so these relabel a varlena.
CREATE FUNCTION pg_temp.raw(aibiz.revenue_model, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.rev(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.revenue_model LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.risk_profile, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.risk(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.risk_profile LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.plan, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';

-- ---- sizes of version 2, by hand: 4 header bytes, 4 per term, 1 + 8 per argument ----
-- usage: price, units and attach (1 by default) = 4 + 4 + 3 * 9 = 35
-- subscription: price pert (1 + 3 * 8), seats 1 and attach 1 by default = 4 + 4 + 25 + 9 + 9 = 51
-- the empty risk profile: the header alone = 4
-- a plan of cash, team (2 keys) and product (launch 1 by default, churn) = 4 + 13 + 22 + 22 = 61
SELECT octet_length(pg_temp.raw('usage(price=0.01, units=500)'::revenue_model)) AS usage,
	   octet_length(pg_temp.raw('subscription(price=pert(20, 29, 49))'::revenue_model)) AS subscription,
	   octet_length(pg_temp.raw(''::risk_profile)) AS empty_risk,
	   octet_length(pg_temp.raw('cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)'::plan)) AS plan;
-- usage's bytes: version 2, kind 1, 1 term; usage (code 1), sub 0, slots 0, 1, 2
-- (mask 0x0007); then each slot: code 0 (a constant) and its float8
SELECT substr(pg_temp.raw('usage(price=0.01, units=500)'::revenue_model), 1, 9) AS head;

-- ---- version 1, as aibiz 0.3.0 stored it: 4 zero bytes, then the fixed value ----
CREATE TEMP TABLE v1 AS
SELECT pg_temp.rev('\x000000000101010000000000010000000000000000000000000000007b14ae47e17a843f0000000000000000000000000000000000000000000000000000000000407f40000000000000000000000000000000000000000000000000000000000000f03f000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000') AS rev,
	   pg_temp.risk('\x000000000102000000000000') AS risk;
SELECT octet_length(pg_temp.raw(rev)) AS rev_v1_bytes, rev::text,
	   octet_length(pg_temp.raw(risk)) AS risk_v1_bytes, risk::text = '' AS risk_empty
FROM v1;
-- the same value as text input writes it, in every form
SELECT rev OPERATOR(aibiz.=) 'usage(price=0.01, units=500)'::revenue_model AS eq,
	   revenue_model_hash(rev) = revenue_model_hash('usage(price=0.01, units=500)') AS hash,
	   revenue_model_hash_extended(rev, 7) = revenue_model_hash_extended('usage(price=0.01, units=500)', 7) AS hash_extended,
	   revenue_model_send(rev) = revenue_model_send('usage(price=0.01, units=500)') AS send,
	   rev::jsonb = 'usage(price=0.01, units=500)'::revenue_model::jsonb AS jsonb,
	   risk OPERATOR(aibiz.=) ''::risk_profile AS risk_eq
FROM v1;
-- and the same answers: a projection from version 1 inputs is the one from version 2
SELECT aibiz.project(rev, risk, 'cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)',
					 aibiz.market(10000, 0.05, 0.02, 0.3, 0.01), 24)::text
	   = aibiz.project('usage(price=0.01, units=500)', '', 'cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%)',
					 aibiz.market(10000, 0.05, 0.02, 0.3, 0.01), 24)::text AS same_projection
FROM v1;
-- set() and scale() on a version 1 value write version 2
SELECT octet_length(pg_temp.raw(aibiz.set(rev, 'usage.units', '600'))) AS set_bytes,
	   aibiz.set(rev, 'usage.units', '600')::text
FROM v1;

-- ---- rewrite(): version 1 becomes version 2, byte for byte what text input writes ----
SELECT pg_temp.raw(aibiz.rewrite(rev)) = pg_temp.raw('usage(price=0.01, units=500)'::revenue_model) AS rev_rewritten,
	   pg_temp.raw(aibiz.rewrite(risk)) = pg_temp.raw(''::risk_profile) AS risk_rewritten,
	   octet_length(pg_temp.raw(aibiz.rewrite(rev))) AS rev_bytes
FROM v1;
-- a version 2 value is returned as it is
SELECT pg_temp.raw(aibiz.rewrite(aibiz.rewrite(rev))) = pg_temp.raw(aibiz.rewrite(rev)) AS idempotent FROM v1;
-- in a table: the column's values rewritten in place keep their text
CREATE TEMP TABLE kept (id int, rev aibiz.revenue_model);
INSERT INTO kept SELECT 1, rev FROM v1;
INSERT INTO kept VALUES (2, 'subscription(price=pert(20, 29, 49))');
SELECT id, octet_length(pg_temp.raw(rev)) AS bytes FROM kept ORDER BY id;
UPDATE kept SET rev = aibiz.rewrite(rev);
SELECT id, octet_length(pg_temp.raw(rev)) AS bytes, rev::text FROM kept ORDER BY id;

-- ---- a damaged version 1 value is refused (XX001), not read ----
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok: ' || r;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
-- padding that is not zero, a size that is not the term count's, a term code past the kind's
SELECT pg_temp.try(format($$SELECT pg_temp.rev(%L)::text$$, overlay(pg_temp.raw(rev) placing '\x01' from 2 for 1))) AS pad,
	   pg_temp.try(format($$SELECT pg_temp.rev(%L)::text$$, substr(pg_temp.raw(rev), 1, 339))) AS short,
	   pg_temp.try(format($$SELECT pg_temp.rev(%L)::text$$, overlay(pg_temp.raw(rev) placing '\x09' from 13 for 1))) AS term_9
FROM v1;

-- ---- equality allocates nothing that outlives it ----
-- ANALYZE compares each sampled value with the values it tracks (up to 200)
-- in one memory context, so 3,000 distinct version 1 values make about
-- 600,000 comparisons; were each to keep its two fixed copies (336 bytes
-- each here), the backend's peak memory would grow by some 400 MB.
CREATE FUNCTION pg_temp.peak_kb() RETURNS bigint LANGUAGE sql AS $$
	SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s*(\d+)')::bigint $$;
CREATE TEMP TABLE distinct_v1 AS
SELECT i, pg_temp.rev(overlay(pg_temp.raw(rev) placing substr(int4send(i), 3, 2) from 29 for 2)) AS rev
FROM v1, generate_series(1, 3000) i;
SELECT count(DISTINCT rev::text) AS distinct_values, min(octet_length(pg_temp.raw(rev))) AS bytes FROM distinct_v1;
CREATE TEMP TABLE peak AS SELECT pg_temp.peak_kb() AS kb;
ANALYZE distinct_v1;
SELECT pg_temp.peak_kb() - kb < 100000 AS analyze_within_100mb FROM peak;
-- the same comparisons between version 2 values, and between the two versions
SELECT bool_and(rev OPERATOR(aibiz.=) aibiz.rewrite(rev)) AS mixed_equal,
	   bool_and(NOT (rev OPERATOR(aibiz.=) 'usage(price=0.02, units=500)'::revenue_model)) AS others_differ
FROM distinct_v1;

-- ---- output allocates nothing per value that outlives it ----
-- array_out calls the type's output once per element in one memory
-- context.  An array of 10,000 plans of 64 terms holds 2,440 bytes per
-- element: 4 header bytes; cash 4 + 9; team (headcount, cost) 4 + 2 * 9;
-- product (churn, launch 1 by default) 4 + 2 * 9; 61 rounds of 4 + 9
-- (month) + 17 (uniform amount) + 9 (p) = 39 each, 2,379: 4 + 13 + 22 + 22
-- + 2,379 = 2,440.  It prints about 3.7 kB per element, some 37 MB of
-- text; were each call to keep its fixed copy (8 + 64 * 328 = 20,999
-- bytes), the peak would grow by 210 MB more than that.
CREATE TEMP TABLE plans64 AS
SELECT array_agg(p) AS a
FROM (SELECT ('cash(amount=1M) + team(headcount=2, cost=5k) + product(churn=3%) + ' ||
			  string_agg(format('round(month=%s, amount=uniform(1M, 2M), p=0.5)', m), ' + '))::plan AS p
	  FROM generate_series(1, 61) m) one, generate_series(1, 10000);
SELECT cardinality(a) AS plans, octet_length(pg_temp.raw(a[1])) AS bytes_each FROM plans64;
UPDATE peak SET kb = pg_temp.peak_kb();
SELECT length(a::text) > 30000000 AS printed, pg_temp.peak_kb() - (SELECT kb FROM peak) < 150000 AS output_within_150mb
FROM plans64;
-- input likewise: array_in calls the input function per element in one
-- context; the same 37 MB of text reads back as the same array, and were
-- each call to keep its 21 kB parse buffer (room for 64 terms), the peak
-- would grow by 210 MB more
UPDATE peak SET kb = pg_temp.peak_kb();
SELECT a::text::plan[] OPERATOR(pg_catalog.=) a AS read_back,
	   pg_temp.peak_kb() - (SELECT kb FROM peak) < 150000 AS input_within_150mb
FROM plans64;
