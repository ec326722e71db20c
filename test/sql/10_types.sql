-- 10_types: text I/O of aibiz.revenue_model, risk_profile and plan —
-- canonical output, exact round trips, every error class with its SQLSTATE,
-- equality and hashing, the jsonb cast and the terms() row view.

-- a helper that returns the SQLSTATE and message of a failed input
CREATE FUNCTION pg_temp.try(typ text, input text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::aibiz.%I', input, typ);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- canonical form: lower case, schema key order, defaults omitted, suffixes
-- applied (1.1k = 1100, 2.5M = 2500000, 30% = 0.3), terms in code order
SELECT 'Usage(Units=pert(1k, 5k, 20k), PRICE=0.002) + subscription(price=49, seats=3, attach=100%)'::aibiz.revenue_model;
SELECT 'licensing(deals=2, term=12, fee=250k) + advertising(impressions=300, cpm=4.5, fill=60%)'::aibiz.revenue_model;
SELECT 'subscription(price=1.1k, cost=2.5M, expansion=-0)'::aibiz.revenue_model;
-- the shortest float8 text that reads back: 0.1+0.2, 1/3, tiny and huge
SELECT format('usage(price=%s, units=%s)', 0.1::float8 + 0.2::float8, 1::float8 / 3)::aibiz.revenue_model;
SELECT 'usage(price=5e-324, units=1.7976931348623157e308)'::aibiz.revenue_model;
SELECT 'usage(price=1e15, units=123456789012345)'::aibiz.revenue_model;
-- risk: empty profile, strategies (accept omitted, avoid() printed)
SELECT ''::aibiz.risk_profile AS empty, '  '::aibiz.risk_profile OPERATOR(aibiz.=) '' AS same;
SELECT 'team(freq=0.2) + technology(freq=2, loss=lognormal(50k, 20k), strategy=MITIGATE(effect=50%, cost=5k))'::aibiz.risk_profile;
SELECT 'privacy(freq=0.1, strategy=transfer(cover=0.8, premium=1k)) + ethics(freq=1, strategy=avoid) + data(freq=1, strategy=accept())'::aibiz.risk_profile;
-- plan: rounds by month, entry modes, valuation default discount 0.25 omitted
SELECT 'round(month=24, amount=3M) + valuation(discount=0.25) + entry(mode=channel, cut=20%) + product(churn=3%) + round(month=6, amount=1M, p=0.5) + team(cost=12k, headcount=10) + cash(amount=2M)'::aibiz.plan;
SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + entry()'::aibiz.plan,
       'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + entry(mode=jv, stake=0.4)'::aibiz.plan;

-- the operators live in schema aibiz: put it on the search path
SET search_path = aibiz, public;

-- round trips are exact: text out and in gives the same value, byte for byte
CREATE TABLE rt (id int, r aibiz.revenue_model);
INSERT INTO rt SELECT g, format('usage(price=%s, units=pert(%s, %s, %s))',
                                g * 0.1::float8, 1::float8 / g, 2::float8 / 3 + g, exp(g::float8))::aibiz.revenue_model
FROM generate_series(1, 200) g;
SELECT count(*) AS n, count(*) FILTER (WHERE r::text::aibiz.revenue_model = r) AS equal,
       count(*) FILTER (WHERE aibiz.revenue_model_send(r::text::aibiz.revenue_model) = aibiz.revenue_model_send(r)) AS same_bytes
FROM rt;
-- 0.1*3 = 0.30000000000000004 is kept exactly, not rounded to 0.3
SELECT r FROM rt WHERE id = 3;

-- syntax errors: 22P02
SELECT typ, input, pg_temp.try(typ, input) FROM (VALUES
    ('revenue_model', ''),
    ('plan', '   '),
    ('revenue_model', 'subscription(price=1'),
    ('revenue_model', 'subscription(price=1))'),
    ('revenue_model', 'subscription(price=1) usage(price=1, units=1)'),
    ('revenue_model', 'subscription(price 1)'),
    ('revenue_model', 'subscription(price=1.2.3)'),
    ('revenue_model', 'subscription(price=12kk)'),
    ('revenue_model', 'subscription(foo=1')
) v(typ, input);

-- domain errors: 22023, naming the term and the key
SELECT typ, input, pg_temp.try(typ, input) FROM (VALUES
    ('revenue_model', 'subscriptions(price=1)'),
    ('revenue_model', 'subscription(price=1, foo=2)'),
    ('revenue_model', 'subscription(seats=2)'),
    ('revenue_model', 'subscription(price=1, price=2)'),
    ('revenue_model', 'subscription(price=-1)'),
    ('revenue_model', 'subscription(price=1, attach=1.5)'),
    ('revenue_model', 'subscription(price=pert(3, 2, 4))'),
    ('revenue_model', 'subscription(price=lognormal(0, 1))'),
    ('revenue_model', 'subscription(price=gamma(1, 2))'),
    ('revenue_model', 'subscription(price=NaN)'),
    ('revenue_model', 'subscription(price=-Infinity)'),
    ('revenue_model', 'subscription(price=1e999)'),
    ('revenue_model', 'licensing(deals=1, term=12.5)'),
    ('risk_profile', 'weather(freq=1)'),
    ('risk_profile', 'technology(freq=1, strategy=ignore)'),
    ('risk_profile', 'technology(freq=1, strategy=mitigate(cost=1))'),
    ('plan', 'cash(amount=1) + team(headcount=1, cost=1)'),
    ('plan', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + cash(amount=2)'),
    ('plan', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + entry(mode=jv, cut=0.2)'),
    ('plan', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0) + marketing(budget=1k)'),
    ('plan', 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=0, launch=uniform(1, 3))')
) v(typ, input);

-- limits: 54000 (more than 64 terms, input over 65536 bytes, nesting)
SELECT pg_temp.try('risk_profile', string_agg('data(freq=1)', ' + ')) FROM generate_series(1, 64);
SELECT pg_temp.try('risk_profile', string_agg('data(freq=1)', ' + ')) FROM generate_series(1, 65);
SELECT pg_temp.try('risk_profile', repeat(' ', 65537));
SELECT pg_temp.try('risk_profile', 'a(b=c(d=e(f=g(h=i(j=k(l=m(n=o(p=q()))))))))');

-- error detail and verbosity of one error
\set VERBOSITY default
SELECT 'subscription(price=1) ; drop table x'::aibiz.revenue_model;
SELECT 'cash(amount=1) + team(headcount=1, cost=1) + product(churn=1.25)'::aibiz.plan;

-- equality, DISTINCT, GROUP BY and a hash join over canonical values
SELECT 'usage(units=2, price=1)'::aibiz.revenue_model = 'USAGE(price=1, units=2, attach=1)' AS eq,
       'usage(units=2, price=1)'::aibiz.revenue_model <> 'usage(price=1, units=3)' AS ne,
       'usage(units=2, price=1)'::aibiz.revenue_model = 'usage(price=1, units=3)' AS eq2;
SELECT count(*) FROM (SELECT DISTINCT x FROM (VALUES
    ('data(freq=1)'::aibiz.risk_profile), ('DATA(freq=100%)'), ('data(freq=1, strategy=accept)'),
    ('data(freq=2)'), ('')) v(x)) d;
SELECT x::text, count(*) FROM (VALUES
    ('data(freq=1)'::aibiz.risk_profile), ('DATA(freq=100%)'), ('data(freq=2)'), (''), ('  ')) v(x)
GROUP BY x ORDER BY 2 DESC, 1;
-- the join can hash (the operator is HASHES with a hash opclass)
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM rt a JOIN rt b ON a.r = b.r;
SELECT count(*) FROM rt a JOIN rt b ON a.r = b.r;
RESET enable_mergejoin;
RESET enable_nestloop;
SELECT aibiz.revenue_model_hash('usage(units=2, price=1)') = aibiz.revenue_model_hash('usage(price=1, units=2)') AS hash_eq,
       aibiz.plan_hash_extended('cash(amount=1)+team(headcount=1,cost=1)+product(churn=0)', 7)
       = aibiz.plan_hash_extended('product(churn=0)+team(cost=1,headcount=1)+cash(amount=1)', 7) AS xhash_eq;

-- jsonb: an array of term objects with every key, defaults included
SELECT jsonb_pretty('subscription(price=49, seats=3) + usage(price=0.002, units=pert(1k, 5k, 20k))'::aibiz.revenue_model::jsonb);
SELECT ('technology(freq=2, loss=uniform(10k, 20k), strategy=mitigate(cost=5k, effect=0.5)) + data(freq=normal(1, 0.5))'::aibiz.risk_profile)::jsonb;
SELECT ''::aibiz.risk_profile::jsonb;
SELECT ('cash(amount=2M) + team(headcount=10, cost=12k) + product(churn=3%) + entry(mode=channel, cut=0.2) + valuation()'::aibiz.plan)::jsonb;
-- numbers in jsonb keep all digits
SELECT (format('subscription(price=%s)', 0.1::float8 + 0.2::float8)::aibiz.revenue_model::jsonb)->0->'price';

-- terms(): one row per key; value is the constant or the mean
-- pert(1000, 5000, 20000) mean = (1000 + 4*5000 + 20000)/6 = 6833.33...
-- uniform(10000, 20000) mean = 15000; triangular(1, 2, 6) mean = 3
SELECT ord, term, key, dist, round(value::numeric, 4) AS value, p1, p2, p3
FROM aibiz.terms('usage(price=triangular(1, 2, 6), units=pert(1k, 5k, 20k)) + subscription(price=49)'::aibiz.revenue_model);
SELECT * FROM aibiz.terms('technology(freq=2, loss=uniform(10k, 20k), strategy=transfer(premium=100, cover=0.9)) + team(freq=1)'::aibiz.risk_profile);
SELECT * FROM aibiz.terms('cash(amount=2M) + team(headcount=10, cost=12k) + product(churn=3%) + entry(mode=jv, stake=0.3) + round(month=12, amount=lognormal(1M, 200k))'::aibiz.plan);
SELECT count(*) FROM aibiz.terms(''::aibiz.risk_profile);

-- every object has a comment
SELECT p.oid::regprocedure AS undocumented
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'aibiz'
WHERE obj_description(p.oid, 'pg_proc') IS NULL
  AND p.proname ~ '^(revenue_model|risk_profile|plan)_|^(jsonb|terms)$'
ORDER BY 1;
SELECT t.typname, obj_description(t.oid, 'pg_type') IS NOT NULL AS commented
FROM pg_type t WHERE t.typname IN ('revenue_model', 'risk_profile', 'plan')
  AND t.typnamespace = 'aibiz'::regnamespace ORDER BY 1;

-- a market-wide risk keeps its scope through the jsonb form and back
SELECT x::jsonb -> 0 ->> 'scope' AS scope, (x::jsonb)::aibiz.risk_profile = x AS round_trip
FROM (VALUES ('market(freq=1, churn=5%, scope=market)'::aibiz.risk_profile),
             ('market(freq=1, churn=5%)'::aibiz.risk_profile)) v(x);
SELECT key, dist FROM aibiz.terms('regulation(freq=1, scope=market)'::aibiz.risk_profile) WHERE key = 'scope';
