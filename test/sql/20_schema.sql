-- The shipped schema: tables, shipped rows, CHECKs, market(), dump policy.
\set VERBOSITY sqlstate

-- shipped row counts: 12 markets, 8 risk categories, 3 cases, no companies
SELECT (SELECT count(*) FROM aibiz.markets) AS markets,
       (SELECT count(*) FROM aibiz.markets WHERE builtin) AS builtin_markets,
       (SELECT count(*) FROM aibiz.risk_categories) AS risk_categories,
       (SELECT count(*) FROM aibiz.cases) AS cases,
       (SELECT count(*) FROM aibiz.companies) AS companies;

-- the 12 scenarios, 3 per sector, ids 1..12 in the study's order
SELECT id, sector, name, accounts, adoption, bass_p, bass_q, growth
FROM aibiz.markets ORDER BY id;
SELECT sector, count(*) FROM aibiz.markets GROUP BY sector ORDER BY sector;

-- every shipped market is a valid model input and has a description
SELECT count(*) AS valid
FROM aibiz.markets m
CROSS JOIN LATERAL aibiz.market(m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth) x
WHERE x.accounts = m.accounts AND m.description <> ''
  AND m.regulatory_intensity BETWEEN 0 AND 1 AND m.data_sensitivity BETWEEN 0 AND 1;

-- health data is the most sensitive, warehouse data the least
SELECT name FROM aibiz.markets ORDER BY data_sensitivity DESC, id LIMIT 1;
SELECT name FROM aibiz.markets ORDER BY data_sensitivity, id LIMIT 1;

-- the risk catalogue in the grammar's order with the study's responses
SELECT ord, name, default_strategy FROM aibiz.risk_categories ORDER BY ord;

-- the three cases; BERT leads on technology, Azure on the business model
SELECT id, company, tech_leadership, business_model, market_performance, ecosystem
FROM aibiz.cases ORDER BY id;
SELECT name FROM aibiz.cases ORDER BY tech_leadership DESC LIMIT 1;
SELECT name FROM aibiz.cases ORDER BY business_model DESC LIMIT 1;

-- CHECK constraints reject markets the model cannot run (23514), NaN included
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.neg_accounts', -1, 0.1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.full', 1000, 1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.zero_p', 1000, 0.1, 0, 0.3, 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.neg_q', 1000, 0.1, 0.02, -0.1, 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.collapse', 1000, 0.1, 0.02, 0.3, -1);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.nan', 'NaN', 0.1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.inf', 1000, 0.1, 0.02, 'Infinity', 0.05);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth,
                           regulatory_intensity)
VALUES ('x', 'x', 'x.reg', 1000, 0.1, 0.02, 0.3, 0.05, 1.5);
-- a duplicate slug (23505); the risk catalogue takes no rows (42501: all
-- its rows are shipped)
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'fintech.credit_scoring', 1000, 0.1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.risk_categories VALUES ('weather', 9, 'weather', 'x', 'accept', 'x');
INSERT INTO aibiz.cases (name, company, tech_leadership, business_model, market_performance, ecosystem)
VALUES ('x', 'x', 11, 5, 5, 5);

-- boundary values are accepted: no accounts, no adoption yet, no imitation,
-- shrinking market; a row added without id gets one from 1001 up (failed
-- inserts above used some) and builtin = false
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.edge', 0, 0, 1e-9, 0, -0.999)
RETURNING id > 1000 AS user_range, builtin;

-- companies: name unique, attrs an object, risk defaults to ''
SELECT attname, format_type(atttypid, atttypmod), attnotnull, attidentity
FROM pg_attribute
WHERE attrelid = 'aibiz.companies'::regclass AND attnum > 0 AND NOT attisdropped
ORDER BY attnum;
INSERT INTO aibiz.companies (name, market_id, revenue, plan, attrs)
VALUES ('Acme', 1, 'subscription(price=49)',
        'cash(amount=1M) + team(headcount=3, cost=10k) + product(churn=2%)', '[1]');
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
VALUES ('Acme', 1, 'subscription(price=49)',
        'cash(amount=1M) + team(headcount=3, cost=10k) + product(churn=2%)')
RETURNING name, market_id, risk::text = '' AS no_risks, attrs;
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
VALUES ('Acme', 2, 'subscription(price=49)',
        'cash(amount=1M) + team(headcount=3, cost=10k) + product(churn=2%)');
-- market_id is a soft reference (no foreign key, so a restore may load the
-- tables in any order): a company may name a market that is not there, and
-- a join to the markets leaves it out
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
VALUES ('Orphan', 99, 'subscription(price=49)',
        'cash(amount=1M) + team(headcount=3, cost=10k) + product(churn=2%)');
SELECT c.name, m.name AS market
FROM aibiz.companies c LEFT JOIN aibiz.markets m ON m.id = c.market_id
ORDER BY c.name;
DELETE FROM aibiz.companies WHERE name IN ('Acme', 'Orphan');

-- shipped rows are read-only (42501), whatever the column
UPDATE aibiz.markets SET builtin = false WHERE id = 3;
UPDATE aibiz.markets SET accounts = 1 WHERE name = 'fintech.credit_scoring';
DELETE FROM aibiz.markets WHERE id = 1;
UPDATE aibiz.cases SET lessons = 'x' WHERE id = 2;
DELETE FROM aibiz.cases WHERE id = 3;
UPDATE aibiz.risk_categories SET title = 'x' WHERE name = 'team';
DELETE FROM aibiz.risk_categories WHERE name = 'data';
-- no row can be added or relabelled as shipped (42501)
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth, builtin)
VALUES ('x', 'x', 'x.fake', 1000, 0.1, 0.02, 0.3, 0.05, true);
UPDATE aibiz.markets SET builtin = true WHERE name = 'x.edge';
-- ids 1..1000 are reserved for shipped rows, above 1000 for the user's (23514)
INSERT INTO aibiz.markets (id, sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES (13, 'x', 'x', 'x.low', 1000, 0.1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.cases (id, name, company, tech_leadership, business_model, market_performance, ecosystem)
VALUES (4, 'x', 'x', 5, 5, 5, 5);
UPDATE aibiz.markets SET id = 500 WHERE name = 'x.edge';
-- the user's own rows change freely: a variant of a shipped market is a copy
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth,
                           regulatory_intensity, data_sensitivity, description)
SELECT sector, use_case, name || '.mine', accounts * 2, adoption, bass_p, bass_q, growth,
       regulatory_intensity, data_sensitivity, description
FROM aibiz.markets WHERE id = 3
RETURNING id > 1000 AS user_range, name, accounts, builtin;
UPDATE aibiz.markets SET growth = 0.2 WHERE name = 'fintech.insurance_service.mine'
RETURNING name, growth;
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
SELECT 'Mine', id, 'subscription(price=49)',
       'cash(amount=1M) + team(headcount=3, cost=10k) + product(churn=2%)'
FROM aibiz.markets WHERE name = 'x.edge';
-- a user market in use may be deleted; its companies stay, pointing nowhere
DELETE FROM aibiz.markets WHERE name IN ('x.edge', 'fintech.insurance_service.mine');
SELECT c.name, m.id IS NULL AS market_missing
FROM aibiz.companies c LEFT JOIN aibiz.markets m ON m.id = c.market_id;
DELETE FROM aibiz.companies WHERE name = 'Mine';
SELECT count(*) AS markets, count(*) FILTER (WHERE builtin) AS shipped FROM aibiz.markets;

-- market(): an aibiz.market with the five numbers set and id NULL unless given
SELECT * FROM aibiz.market(12000, 0.15, 0.02, 0.35, 0.06);
SELECT (aibiz.market(1e6, 0, 0.03, 0.5, 0.1)).accounts,
       (aibiz.market(1e6, 0, 0.03, 0.5, 0.1)).id IS NULL AS id_null,
       (aibiz.market(1e6, 0, 0.03, 0.5, 0.1, 7)).id AS id,
       pg_typeof(aibiz.market(1e6, 0, 0.03, 0.5, 0.1)) AS type;
-- a NULL id is allowed; the text form of the type is its six fields
SELECT aibiz.market(1e6, 0, 0.03, 0.5, 0.1, NULL)::text AS no_id,
       '(5000,0.1,0.02,0.3,0.05,)'::aibiz.market = aibiz.market(5000, 0.1, 0.02, 0.3, 0.05) AS round_trip;
-- market_by_name(): the shipped row with its id (fintech.credit_scoring is
-- id 1 and equals its own row of aibiz.markets)
SELECT x.id, x.accounts = m.accounts AND x.adoption = m.adoption AND x.bass_p = m.bass_p
       AND x.bass_q = m.bass_q AND x.growth = m.growth AS same_numbers
FROM aibiz.markets m, aibiz.market_by_name(m.name) x WHERE m.name = 'fintech.credit_scoring';
SELECT aibiz.market_by_name(NULL) IS NULL AS null_name;
\set VERBOSITY default
SELECT aibiz.market_by_name('fintech.credit-scoring');
\set VERBOSITY sqlstate
-- NULL in, NULL out
SELECT aibiz.market(NULL, 0.1, 0.02, 0.3, 0.05) IS NULL AS is_null;
-- each domain error is 22023, with the message naming the column
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT aibiz.market(-1, 0.1, 0.02, 0.3, 0.05);
SELECT aibiz.market(1000, 1, 0.02, 0.3, 0.05);
SELECT aibiz.market(1000, -0.1, 0.02, 0.3, 0.05);
SELECT aibiz.market(1000, 0.1, 0, 0.3, 0.05);
SELECT aibiz.market(1000, 0.1, 0.02, -0.3, 0.05);
SELECT aibiz.market(1000, 0.1, 0.02, 0.3, -1);
SELECT aibiz.market('NaN', 0.1, 0.02, 0.3, 0.05);
SELECT aibiz.market(1000, 0.1, 'Infinity', 0.3, 0.05);
DO $$
BEGIN
	PERFORM aibiz.market(1000, 0.1, 0.02, 0.3, 'NaN');
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'growth NaN: %', SQLSTATE;
END $$;
\set VERBOSITY sqlstate

-- pg_dump policy: markets and cases keep user rows only, companies all rows,
-- with their id sequences; the risk catalogue is not dumped
SELECT c.relname, e.cond
FROM pg_extension x,
     unnest(x.extconfig, x.extcondition) AS e (oid, cond)
JOIN pg_class c ON c.oid = e.oid
WHERE x.extname = 'aibiz'
ORDER BY c.relname;

-- reading shipped tables needs no privilege beyond the schema
SELECT relname, relacl::text LIKE '%=r/%' AS public_read
FROM pg_class
WHERE relnamespace = 'aibiz'::regnamespace
  AND relname IN ('cases', 'companies', 'markets', 'risk_categories')
ORDER BY relname;

-- the guard's flag column must be a boolean: on a table of one's own, a
-- non-boolean column is refused instead of read as a flag
CREATE TEMP TABLE guarded (id integer, label text);
CREATE TRIGGER g BEFORE INSERT ON guarded FOR EACH ROW
	EXECUTE FUNCTION aibiz.guard_shipped_rows('id');
INSERT INTO guarded VALUES (7, 'x');
DROP TABLE guarded;
