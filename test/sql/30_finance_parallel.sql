-- xnpv/xirr run in parallel and give the serial result bit for bit.
\set VERBOSITY terse
SET max_parallel_workers = 8;

-- 100,000 flows: every tenth row an outlay in the first year, the others
-- income over ten years; amounts that are not exact binary fractions, so a
-- float8 sum would depend on the order of the rows; many rows per date
CREATE TABLE cf_rows AS
SELECT i,
	CASE WHEN i % 10 = 0 THEN -(i % 997) * 10.37 - 500.01 ELSE (i % 613) * 3.731 + 0.1 END::float8 AS amount,
	CASE WHEN i % 10 = 0 THEN date '2015-01-01' + (i / 10 % 365)
		 ELSE date '2015-01-01' + (i * 7919 % 3653) END AS day
FROM generate_series(1, 100000) AS i;
ALTER TABLE cf_rows SET (parallel_workers = 2);
ANALYZE cf_rows;
-- the same rows in another physical order
CREATE TABLE cf_shuffled AS SELECT * FROM cf_rows ORDER BY md5(i::text);
ALTER TABLE cf_shuffled SET (parallel_workers = 2);
ANALYZE cf_shuffled;

-- serial
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT aibiz.xnpv(0.08, amount, day) AS xnpv, aibiz.xirr(amount, day) AS xirr,
	aibiz.cashflows(amount, day)::text AS list
FROM cf_rows;

-- parallel, forced
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT aibiz.xnpv(0.08, amount, day), aibiz.xirr(amount, day) FROM cf_rows;
CREATE TEMP TABLE parallel AS
SELECT aibiz.xnpv(0.08, amount, day) AS xnpv, aibiz.xirr(amount, day) AS xirr,
	aibiz.cashflows(amount, day)::text AS list
FROM cf_rows;
CREATE TEMP TABLE shuffled AS
SELECT aibiz.xnpv(0.08, amount, day) AS xnpv, aibiz.xirr(amount, day) AS xirr,
	aibiz.cashflows(amount, day)::text AS list
FROM cf_shuffled;

-- bit-identical: float8 equality and the exact text of the merged lists
SELECT s.xnpv = p.xnpv AS xnpv_par, s.xirr = p.xirr AS xirr_par, s.list = p.list AS list_par,
	s.xnpv = h.xnpv AS xnpv_shuf, s.xirr = h.xirr AS xirr_shuf, s.list = h.list AS list_shuf,
	s.xnpv::text = p.xnpv::text AS text_same
FROM serial s, parallel p, shuffled h;

-- the merged list has one entry per distinct date (the income dates cover
-- all 3653 days of 2015-2024) and each entry is that date's sum (to 1e-12)
SELECT count(*) AS dates, (SELECT count(DISTINCT day) FROM cf_rows) AS distinct_days
FROM aibiz.flows((SELECT list::aibiz.cashflows FROM serial));
SELECT count(*) AS mismatches
FROM aibiz.flows((SELECT list::aibiz.cashflows FROM serial)) AS f
FULL JOIN (SELECT day, sum(amount) AS s FROM cf_rows GROUP BY day) AS e USING (day)
WHERE f.amount IS NULL OR e.s IS NULL OR abs(f.amount - e.s) > 1e-12 * abs(e.s);

-- the result is sane: the XNPV at the XIRR is about 0 relative to the flows
SELECT abs(aibiz.xnpv(list::aibiz.cashflows, xirr)) < 1e-6 * (SELECT sum(abs(amount)) FROM cf_rows) AS root_ok,
	xirr > -0.99 AS in_range
FROM serial;

-- for contrast: a float8 sum of the same rows depends on their order
SET max_parallel_workers_per_gather = 0;
SELECT (SELECT sum(amount) FROM cf_rows) = (SELECT sum(amount) FROM cf_shuffled) AS float_sum_same;
SET max_parallel_workers_per_gather = 2;

-- grouped and parallel: per-year results equal their serial twins
EXPLAIN (COSTS OFF)
SELECT extract(year FROM day) AS y, aibiz.xnpv(0.05, amount, day) AS v FROM cf_rows GROUP BY 1;
CREATE TEMP TABLE par_groups AS
SELECT extract(year FROM day) AS y, aibiz.xnpv(0.05, amount, day) AS v FROM cf_rows GROUP BY 1;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.v = s.v) AS identical
FROM par_groups p
JOIN (SELECT extract(year FROM day) AS y, aibiz.xnpv(0.05, amount, day) AS v FROM cf_shuffled GROUP BY 1) s USING (y);

DROP TABLE cf_rows, cf_shuffled;
