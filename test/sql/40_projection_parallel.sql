-- 40_projection_parallel: aibiz.sum(aibiz.project(...)) over 100,000
-- companies gives the same value, bit for bit, serially, in a parallel plan
-- with partial aggregates combined through the type, and in a shuffled
-- order.  Horizon 24 months keeps the run short (2.4 million company-months
-- per pass).
\set VERBOSITY terse

-- 100,000 varied companies: subscription and usage streams, risks, paid and
-- organic acquisition, launch months 1..6, in sixty markets.  (Generated
-- here rather than by aibiz.sample_companies(100000, 1), which alone takes
-- about 20 s on the test machine.)
CREATE TABLE proj_par AS
SELECT i,
	   format('subscription(price=%s, seats=%s, cost=%s) + usage(price=0.002, units=%s, growth=1%%, cost=0.0008)',
			  20 + i % 97, 1 + i % 4, (20 + i % 97) / 10.0, 1000 + i % 991)::aibiz.revenue_model AS revenue,
	   (CASE i % 3 WHEN 0 THEN '' WHEN 1 THEN 'technology(freq=2, loss=10k)'
		ELSE 'competition(freq=1, price=5%, churn=2%)' END)::aibiz.risk_profile AS risk,
	   format('cash(amount=%s) + team(headcount=%s, cost=9k) + product(launch=%s, churn=%s)
			   + marketing(budget=%s, cac=%s, organic=%s)',
			  100000 * (1 + i % 9), 2 + i % 11, 1 + i % 6, 0.01 + (i % 7) / 100.0,
			  1000 * (i % 5), 150 + i % 300, (i % 10) / 20.0)::aibiz.plan AS plan,
	   aibiz.market(10000 + 5000 * (i % 12), 0.01 * (i % 4), 0.01 + 0.005 * (i % 5),
					0.3 + 0.02 * (i % 6), 0.04) AS m
FROM generate_series(1, 100000) i;
CREATE INDEX ON proj_par (i);
ALTER TABLE proj_par SET (parallel_workers = 2);
ANALYZE proj_par;
-- some rows acquire nothing (budget 0, no organic); how many parallel
-- workers raise that NOTICE varies, and 40_projection tests it
SET client_min_messages = warning;

-- serial
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24))::text AS s FROM proj_par;

-- parallel: partial aggregates in two workers, combined in the leader
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24)) FROM proj_par;
-- the workers really ran: "Workers Launched: 2"
CREATE FUNCTION pg_temp.launched(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
		IF line LIKE '%Workers Launched%' THEN
			RETURN trim(line);
		END IF;
	END LOOP;
	RETURN 'no workers';
END $$;
SELECT pg_temp.launched('SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24)) FROM proj_par');
CREATE TEMP TABLE parallel AS
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24))::text AS s FROM proj_par;

-- shuffled order: rows in the order i = (g·7919 mod 100000) + 1, a
-- permutation (7919 is prime to 100000), through a nested loop of index scans
SET max_parallel_workers_per_gather = 0;
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_bitmapscan = off;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24))
FROM generate_series(0, 99999) g JOIN proj_par ON proj_par.i = (g * 7919) % 100000 + 1;
CREATE TEMP TABLE shuffled AS
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24))::text AS s
FROM generate_series(0, 99999) g JOIN proj_par ON proj_par.i = (g * 7919) % 100000 + 1;
RESET ALL;
SET client_min_messages = warning;

SELECT a.s = b.s AS parallel_equals_serial, a.s = c.s AS shuffled_equals_serial,
	   aibiz.members(a.s::aibiz.projection) AS members, aibiz.horizon(a.s::aibiz.projection) AS horizon,
	   aibiz.launch_month(a.s::aibiz.projection) AS launch
FROM serial a, parallel b, shuffled c;

-- the sum is the month-wise sum: its revenue at month 24 equals the float
-- sum of the members' (to float rounding), and its member count is the row count
SELECT abs(r.revenue - x.total) / x.total < 1e-12 AS revenue_matches
FROM serial a, aibiz.rows(a.s::aibiz.projection) r,
	 (SELECT sum(aibiz.arr(aibiz.project(revenue, risk, plan, m, 24), 24)) / 12 AS total FROM proj_par) x
WHERE r.month = 24;

DROP TABLE proj_par;
