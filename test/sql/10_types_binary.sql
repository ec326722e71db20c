-- 10_types_binary: binary send/receive of the input types — exact round
-- trips through COPY (FORMAT binary), and corrupted binary values rejected
-- as strictly as text input.  Files go to /tmp on the server (superuser).
SET search_path = aibiz, public;

CREATE TABLE src (id int, r revenue_model, k risk_profile, p plan);
INSERT INTO src VALUES
  (1, format('usage(price=%s, units=pert(1k, 5k, 20k)) + subscription(price=49, seats=3, expansion=-1%%)', 0.1::float8 + 0.2::float8)::revenue_model,
      '',
      'cash(amount=2M) + team(headcount=10, cost=12k) + product(churn=3%) + entry(mode=channel, cut=0.2)'),
  (2, 'licensing(deals=lognormal(3, 1), term=24) + advertising(impressions=normal(300, 50), cpm=4.5)',
      'technology(freq=2, strategy=mitigate(cost=5k, effect=0.5)) + privacy(freq=0.1, strategy=transfer(premium=1k, cover=0.8)) + ethics(freq=1, strategy=avoid(forgo=0.05))',
      'cash(amount=1M) + team(headcount=5, cost=10k) + product(churn=2%, launch=3) + entry(mode=jv, stake=0.4) + round(month=24, amount=3M) + round(month=6, amount=uniform(1M, 2M), p=0.5) + valuation(discount=0.3, multiple=8)'),
  (3, 'subscription(price=5e-324, cost=1.7976931348623157e308)',
      (SELECT string_agg(format('data(freq=%s, loss=triangular(1, %s, 1e6))', g, g * 1000), ' + ') FROM generate_series(1, 64) g)::risk_profile,
      'cash(amount=0) + team(headcount=0, cost=0) + product(churn=1) + marketing(budget=uniform(0, 1), cac=pert(1, 2, 3))');
-- the 64-term profile is about 21 kB and is stored compressed
SELECT id, pg_column_size(k) < 21000 AS compressed FROM src WHERE id = 3;

COPY src TO '/tmp/aibiz_10_types_binary.bin' (FORMAT binary);
CREATE TABLE dst (LIKE src);
COPY dst FROM '/tmp/aibiz_10_types_binary.bin' (FORMAT binary);
SELECT s.id, s.r = d.r AS r_eq, s.k = d.k AS k_eq, s.p = d.p AS p_eq,
       s.r::text = d.r::text AND s.k::text = d.k::text AND s.p::text = d.p::text AS text_eq
FROM src s JOIN dst d USING (id) ORDER BY id;
SELECT r FROM dst WHERE id = 1;

-- the binary layout, by hand for usage(price=1, units=2):
-- 01 version, 01 kind (revenue_model), 0001 one term; 01 term code (usage), 00 sub;
-- then 10 slots of a distribution code byte and its float8 arguments:
-- price 00 3ff0000000000000 (1.0), units 00 4000000000000000 (2.0),
-- attach 00 3ff0000000000000 (default 1), growth, price_decline, cost,
-- cost_decline 00 + eight zero bytes each, and three unused slots alike:
-- 4 + 2 + 10 * 9 = 96 bytes
SELECT length(revenue_model_send('usage(price=1, units=2)')) AS len,
       substr(revenue_model_send('usage(price=1, units=2)'), 1, 33) AS head;
-- a distribution slot carries only its arguments: pert = 1 + 3 * 8 bytes
SELECT length(revenue_model_send('usage(price=1, units=pert(1, 2, 3))')) AS len_pert;

-- load one crafted binary value through a COPY file; returns its text or the error
CREATE TABLE load_r (v revenue_model);
CREATE TABLE load_k (v risk_profile);
CREATE TABLE load_p (v plan);
CREATE FUNCTION pg_temp.load(tab text, data bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    lo oid;
    res text;
BEGIN
    -- COPY binary file: signature, flags, header extension, one tuple of one field, trailer
    lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                           || '\x0001'::bytea || int4send(length(data)) || data || '\xffff'::bytea);
    PERFORM lo_export(lo, '/tmp/aibiz_10_types_binary.bin');
    PERFORM lo_unlink(lo);
    EXECUTE format('TRUNCATE %I', tab);
    EXECUTE format('COPY %I FROM %L (FORMAT binary)', tab, '/tmp/aibiz_10_types_binary.bin');
    EXECUTE format('SELECT v::text FROM %I', tab) INTO res;
    RETURN res;
EXCEPTION WHEN OTHERS THEN
    PERFORM lo_unlink(lo) WHERE lo IS NOT NULL AND EXISTS (SELECT 1 FROM pg_largeobject_metadata WHERE oid = lo);
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- subscription(price=5): the price float8 is bytes 8..15 (header 4, term 2, dist 1);
-- slot k of an all-constant term starts at byte 7 + 9k
SELECT revenue_model_send('subscription(price=5)') AS b \gset
SELECT what, pg_temp.load(tab, data) FROM (VALUES
  ('intact', 'load_r', :'b'::bytea),
  ('version 9', 'load_r', overlay(:'b'::bytea placing '\x09' from 1)),
  ('a revenue model read as a plan', 'load_p', :'b'::bytea),
  ('truncated', 'load_r', substr(:'b'::bytea, 1, length(:'b'::bytea) - 3)),
  ('header only', 'load_r', substr(:'b'::bytea, 1, 2)),
  ('trailing byte', 'load_r', :'b'::bytea || '\x00'::bytea),
  ('price -1', 'load_r', overlay(:'b'::bytea placing float8send(-1) from 8)),
  ('price NaN', 'load_r', overlay(:'b'::bytea placing float8send('NaN') from 8)),
  ('price Infinity', 'load_r', overlay(:'b'::bytea placing float8send('Infinity') from 8)),
  ('price -0 reads as 0', 'load_r', overlay(:'b'::bytea placing float8send('-0') from 8)),
  ('attach 2 (slot 2)', 'load_r', overlay(:'b'::bytea placing float8send(2) from 7 + 18 + 1)),
  ('distribution code 9', 'load_r', overlay(:'b'::bytea placing '\x09' from 7)),
  ('term code 4', 'load_r', overlay(:'b'::bytea placing '\x04' from 5)),
  ('sub-term code 1', 'load_r', overlay(:'b'::bytea placing '\x01' from 6)),
  ('unused slot 6 set', 'load_r', overlay(:'b'::bytea placing float8send(1) from 7 + 54 + 1)),
  ('65 terms', 'load_r', overlay(:'b'::bytea placing '\x0041' from 3)),
  ('zero terms', 'load_r', '\x01010000'::bytea),
  ('zero-term risk profile', 'load_k', '\x01020000'::bytea),
  ('usage before subscription', 'load_r',
     '\x01010002'::bytea || substr(revenue_model_send('usage(price=1, units=2)'), 5) || substr(:'b'::bytea, 5))
) v(what, tab, data);

-- plan and risk specifics: a strategy code beyond avoid (4), an entry mode
-- beyond jv (3), a second cash term, a whole-number key given 1.5
SELECT risk_profile_send('data(freq=1)') AS k \gset
SELECT plan_send('cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + entry()') AS p \gset
-- plan bytes: header 4; cash 2 + 10 * 9 = 92; team 92; product 92; entry at byte 281
SELECT what, pg_temp.load(tab, data) FROM (VALUES
  ('risk intact', 'load_k', :'k'::bytea),
  ('strategy code 4', 'load_k', overlay(:'k'::bytea placing '\x04' from 6)),
  ('plan intact', 'load_p', :'p'::bytea),
  ('entry mode 3', 'load_p', overlay(:'p'::bytea placing '\x03' from 4 + 3 * 92 + 2)),
  ('entry mode 1 without reach', 'load_p', overlay(:'p'::bytea placing '\x01' from 4 + 3 * 92 + 2)),
  ('product launch 1.5', 'load_p', overlay(:'p'::bytea placing float8send(1.5) from 4 + 2 * 92 + 2 + 2)),
  ('team relabelled cash', 'load_p', overlay(:'p'::bytea placing '\x00' from 4 + 92 + 1))
) v(what, tab, data);
