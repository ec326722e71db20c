-- 40_projection_parallel: aibiz.sum(aibiz.project(...)) over 100,000
-- companies gives the same value, bit for bit, serially, in a parallel plan
-- with partial aggregates combined through the type, and in a shuffled
-- order.  Horizon 24 months keeps the run short (2.4 million company-months
-- per pass).
\set VERBOSITY terse

-- 100,000 sample companies (aibiz.sample_companies, seed 1), each with its
-- market row.
CREATE TABLE proj_par AS
SELECT s.name, s.revenue, s.risk, s.plan, m
FROM aibiz.sample_companies(100000, 1) s JOIN aibiz.markets m ON m.id = s.market_id;
ALTER TABLE proj_par SET (parallel_workers = 2);
ANALYZE proj_par;

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

-- shuffled order (an ORDER BY inside the aggregate runs serially)
RESET max_parallel_workers_per_gather;
SELECT setseed(0.25);
CREATE TEMP TABLE shuffled AS
SELECT aibiz.sum(aibiz.project(revenue, risk, plan, m, 24) ORDER BY random())::text AS s FROM proj_par;

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
