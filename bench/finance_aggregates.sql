-- finance_aggregates.sql — rows per second of the xnpv/xirr aggregates,
-- with rows in date order and shuffled (an outlay on the first date, income
-- for 27 years).  Run with
--   psql -X -f bench/finance_aggregates.sql   (needs CREATE EXTENSION aibiz)
\timing on
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE bench_sorted AS
SELECT CASE WHEN i <= 100 THEN -4e6 ELSE (i % 977) * 1.37 END::float8 AS amount,
	date '2000-01-01' + i / 100 AS day
FROM generate_series(1, 1000000) AS i;
CREATE TEMP TABLE bench_shuffled AS SELECT * FROM bench_sorted ORDER BY random();
\echo 'plain sum over 1M rows, for reference'
SELECT sum(amount) FROM bench_sorted;
\echo 'xnpv, 1M rows in date order (10,000 dates)'
SELECT aibiz.xnpv(0.05, amount, day) FROM bench_sorted;
\echo 'xnpv, 1M rows shuffled'
SELECT aibiz.xnpv(0.05, amount, day) FROM bench_shuffled;
\echo 'xirr, 1M rows shuffled'
SELECT aibiz.xirr(amount, day) FROM bench_shuffled;
