-- aibiz.sample_companies(n, seed): determinism, spread, variety, validity.
\set VERBOSITY sqlstate

-- same (n, seed), same rows; compared as text so the check needs no operators
SELECT count(*) AS differing
FROM aibiz.sample_companies(60, 3) a
FULL JOIN aibiz.sample_companies(60, 3) b
  ON a.name = b.name AND a.market_id = b.market_id
 AND a.revenue::text = b.revenue::text AND a.risk::text = b.risk::text
 AND a.plan::text = b.plan::text
WHERE a.name IS NULL OR b.name IS NULL;

-- a company depends on (seed, its index) only: the first 24 of 60 are the 24
SELECT count(*) AS prefix_matches
FROM (SELECT row_number() OVER () AS i, s.* FROM aibiz.sample_companies(24, 3) s) a
JOIN (SELECT row_number() OVER () AS i, s.* FROM aibiz.sample_companies(60, 3) s) b
  ON a.i = b.i AND a.name = b.name AND a.market_id = b.market_id
 AND a.revenue::text = b.revenue::text AND a.plan::text = b.plan::text;

-- id is the index 1..n in output order, so the same company has the same id
-- whatever n: the 24 above by id, and three slices id % 3 = k of 60 are the 60
SELECT count(*) AS ids_in_order FROM (
	SELECT row_number() OVER () AS i, s.id FROM aibiz.sample_companies(60, 3) s) x
WHERE x.id = x.i;
SELECT count(*) AS id_matches
FROM aibiz.sample_companies(24, 3) a JOIN aibiz.sample_companies(60, 3) b
  ON a.id = b.id AND a.name = b.name AND a.market_id = b.market_id
 AND a.revenue::text = b.revenue::text AND a.risk::text = b.risk::text AND a.plan::text = b.plan::text;
SELECT count(*) AS slices_match
FROM (SELECT s.* FROM generate_series(0, 2) k, aibiz.sample_companies(60, 3) s WHERE s.id % 3 = k) a
JOIN aibiz.sample_companies(60, 3) b ON a.id = b.id AND a.name = b.name AND a.plan::text = b.plan::text;

-- another seed gives other companies (no plan in common; 60 plans each carry
-- a cash amount and a team drawn from a continuum, so a clash is ~impossible)
SELECT count(*) AS common_plans
FROM aibiz.sample_companies(60, 3) a
JOIN aibiz.sample_companies(60, 4) b ON a.plan::text = b.plan::text;

-- every run of 12 covers the 12 shipped markets once: 120 gives 10 each
SELECT market_id, count(*) FROM aibiz.sample_companies(120, 0)
GROUP BY market_id ORDER BY market_id;

-- names are unique within a call, even when the word lists repeat
SELECT count(*) AS n, count(DISTINCT name) AS distinct_names
FROM aibiz.sample_companies(2000, 9);

-- edge cases: n = 0 is empty, NULL is NULL (STRICT), n < 0 is an error
SELECT count(*) FROM aibiz.sample_companies(0);
SELECT count(*) FROM aibiz.sample_companies(NULL);
SELECT count(*) FROM aibiz.sample_companies(-1);
SELECT count(*) FROM aibiz.sample_companies(20000000);

-- every value reads back through its type's text form unchanged
SELECT count(*) FILTER (WHERE revenue::text::aibiz.revenue_model::text <> revenue::text) AS bad_revenue,
       count(*) FILTER (WHERE risk::text::aibiz.risk_profile::text <> risk::text) AS bad_risk,
       count(*) FILTER (WHERE plan::text::aibiz.plan::text <> plan::text) AS bad_plan
FROM aibiz.sample_companies(600, 11);

-- variety over 1200 companies.  Ranges follow from the generator's draw
-- probabilities (e.g. a usage distribution 1/2 of usage terms, entry 22 %,
-- a first round 70 %, a second 25 %, training 55 %); each must hold.
WITH s AS (SELECT * FROM aibiz.sample_companies(1200, 0))
SELECT count(*) FILTER (WHERE revenue::text ~ '(pert|triangular|lognormal)\(') BETWEEN 200 AND 700 AS uncertain_revenue,
       count(*) FILTER (WHERE revenue::text LIKE '%subscription(%') BETWEEN 600 AND 1000 AS subscription,
       count(*) FILTER (WHERE revenue::text LIKE '%usage(%') BETWEEN 500 AND 900 AS usage,
       count(*) FILTER (WHERE revenue::text LIKE '%advertising(%') BETWEEN 50 AND 200 AS advertising,
       count(*) FILTER (WHERE revenue::text LIKE '%licensing(%') BETWEEN 100 AND 300 AS licensing,
       count(*) FILTER (WHERE revenue::text LIKE '%+%') BETWEEN 400 AND 1000 AS mixed,
       count(*) FILTER (WHERE risk::text = '') < 30 AS few_riskless,
       count(*) FILTER (WHERE risk::text LIKE '%strategy=%') BETWEEN 600 AND 1150 AS with_strategy,
       count(*) FILTER (WHERE plan::text LIKE '%entry(%') BETWEEN 180 AND 350 AS with_entry,
       count(*) FILTER (WHERE plan::text LIKE '%round(%') BETWEEN 750 AND 950 AS with_round,
       count(*) FILTER (WHERE plan::text LIKE '%round(%round(%') BETWEEN 220 AND 380 AS two_rounds,
       count(*) FILTER (WHERE plan::text LIKE '%training(%') BETWEEN 560 AND 760 AS with_training,
       count(*) FILTER (WHERE plan::text LIKE 'cash(%team(%product(%marketing(%valuation(%') = 1200 AS full_plans
FROM s;

-- streams follow the sector: advertising only in e-commerce and health
-- management, licensing in most drug-discovery companies, none in routing
WITH s AS (SELECT * FROM aibiz.sample_companies(1200, 0))
SELECT count(*) FILTER (WHERE revenue::text LIKE '%advertising(%' AND market_id NOT IN (6, 10, 11)) AS stray_ads,
       count(*) FILTER (WHERE revenue::text LIKE '%licensing(%' AND market_id = 8) AS routing_licences,
       count(*) FILTER (WHERE revenue::text LIKE '%licensing(%' AND market_id = 5) >= 80 AS drug_licences
FROM s;

-- privacy risks follow data sensitivity: more often in diagnosis (0.95)
-- than in warehousing (0.3)
WITH s AS (SELECT * FROM aibiz.sample_companies(1200, 0))
SELECT count(*) FILTER (WHERE market_id = 4 AND risk::text LIKE '%privacy(%')
     > count(*) FILTER (WHERE market_id = 7 AND risk::text LIKE '%privacy(%') AS privacy_follows_data
FROM s;

-- the sample goes straight into aibiz.companies
BEGIN;
DELETE FROM aibiz.companies;
INSERT INTO aibiz.companies (id, name, market_id, revenue, risk, plan)
SELECT * FROM aibiz.sample_companies(100, 42);
SELECT count(*), count(DISTINCT market_id), min(id), max(id) FROM aibiz.companies;
ROLLBACK;
