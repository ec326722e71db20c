-- bass_fit: Bass diffusion fitted to per-period adopters.
\set VERBOSITY terse
SET max_parallel_workers = 8;

-- Adopters generated from known parameters p = 0.03, q = 0.38, m = 10,000
-- per period t = 1..30:  y_t = m (F(t) - F(t - 1)),
-- F(t) = (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t).
-- Check by hand for t = 1: e^-0.41 = 0.663650, F(1) = 0.336350 /
-- (1 + 12.6667 * 0.663650) = 0.336350 / 9.406230 = 0.035758, so y_1 = 357.58
-- (= m p to first order: 300, plus imitation).
CREATE TEMP TABLE bass_exact AS
SELECT t::float8 AS t,
	   10000 * ((1 - exp(-0.41 * t)) / (1 + (0.38 / 0.03) * exp(-0.41 * t))
			  - (1 - exp(-0.41 * (t - 1))) / (1 + (0.38 / 0.03) * exp(-0.41 * (t - 1))))
	   AS adopters
FROM generate_series(1, 30) t;
SELECT round(adopters::numeric, 2) AS y1 FROM bass_exact WHERE t = 1;

-- the fit recovers the parameters (to 1e-6 relative; shown to 6 digits)
-- with R^2 = 1 and an RMSE that is round-off only
SELECT round(p::numeric, 6) AS p, round(q::numeric, 6) AS q, round(m::numeric, 2) AS m,
	   rmse < 1e-6 AS rmse_tiny, r2 > 1 - 1e-12 AS r2_one, periods
FROM (SELECT (aibiz.bass_fit(t, adopters)).* FROM bass_exact) f;

-- with a zig-zag of +-2 % on every period the estimates stay within 1 %
SELECT abs(p / 0.03 - 1) < 0.01 AS p_within_1pct,
	   abs(q / 0.38 - 1) < 0.01 AS q_within_1pct,
	   abs(m / 10000 - 1) < 0.01 AS m_within_1pct,
	   r2 BETWEEN 0.99 AND 1 - 1e-9 AS r2_below_one
FROM (SELECT (aibiz.bass_fit(t, adopters * (1 + 0.02 * (CASE WHEN t::int % 2 = 0 THEN 1 ELSE -1 END)))).*
	  FROM bass_exact) f;

-- A shipped market's yearly diffusion: credit scoring has p = 0.02,
-- q = 0.35 per year; its adopters per year recover the market's own numbers
SELECT round(f.p::numeric, 6) = round(mk.bass_p::numeric, 6) AS p_recovered,
	   round(f.q::numeric, 6) = round(mk.bass_q::numeric, 6) AS q_recovered
FROM aibiz.markets mk,
	 LATERAL (SELECT (aibiz.bass_fit(t, 12000 * (
				 (1 - exp(-(mk.bass_p + mk.bass_q) * t)) / (1 + (mk.bass_q / mk.bass_p) * exp(-(mk.bass_p + mk.bass_q) * t))
			   - (1 - exp(-(mk.bass_p + mk.bass_q) * (t - 1))) / (1 + (mk.bass_q / mk.bass_p) * exp(-(mk.bass_p + mk.bass_q) * (t - 1))))
			 )).* FROM generate_series(1, 25) t) f
WHERE mk.id = 1;

-- Row order and parallelism do not change a bit: each period's adopters
-- come in 2,000 rows of uneven parts (sums of such parts in float8 would
-- depend on their order); serial, shuffled and forced-parallel fits agree
-- as text (shortest exact float8 output).
CREATE TABLE bass_rows AS
SELECT b.t, b.adopters * (1 + (k % 7)) / 8000.0 AS adopters, k
FROM bass_exact b, generate_series(1, 2000) k;
ALTER TABLE bass_rows SET (parallel_workers = 2);
ANALYZE bass_rows;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE fit_serial AS SELECT aibiz.bass_fit(t, adopters)::text AS f FROM bass_rows;
CREATE TEMP TABLE fit_shuffled AS
SELECT aibiz.bass_fit(t, adopters ORDER BY md5(k::text || t::text))::text AS f FROM bass_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT aibiz.bass_fit(t, adopters) FROM bass_rows;
CREATE TEMP TABLE fit_parallel AS SELECT aibiz.bass_fit(t, adopters)::text AS f FROM bass_rows;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT s.f = h.f AS shuffled_same, s.f = p.f AS parallel_same,
	   abs((s.f::aibiz.bass_params).p / 0.03 - 1) < 1e-6 AS p_recovered
FROM fit_serial s, fit_shuffled h, fit_parallel p;
DROP TABLE bass_rows;

-- grouped: one fit per market segment, NULL rows skipped
SELECT g, round(p::numeric, 4) AS p, round(q::numeric, 4) AS q, round(m::numeric) AS m
FROM (SELECT g, (aibiz.bass_fit(t, CASE WHEN t = 7 AND g = 2 THEN NULL ELSE adopters * g END)).*
	  FROM bass_exact, generate_series(1, 2) g GROUP BY g) f
ORDER BY g;

-- too few periods: NULL and a notice; nothing adopted: NULL and a notice
SELECT aibiz.bass_fit(t, adopters) IS NULL AS two_periods
FROM bass_exact WHERE t <= 2;
SELECT aibiz.bass_fit(t, 0) IS NULL AS nothing_adopted FROM bass_exact;
SELECT aibiz.bass_fit(t, adopters) IS NULL AS no_rows FROM bass_exact WHERE false;

-- errors: periods must be whole numbers from 1; adopters finite
SELECT aibiz.bass_fit(t - 1, adopters) FROM bass_exact;
SELECT aibiz.bass_fit(t + 0.5, adopters) FROM bass_exact;
SELECT aibiz.bass_fit(t, 'NaN') FROM bass_exact;
-- called directly, the final function refuses lists bass_fit cannot have
-- built: keys outside periods 1..100000 (here a date before 2000) or an
-- xnpv rate
SELECT aibiz.bass_final(aibiz.cashflows(100, d)) FROM (VALUES (date '1999-01-01'), ('2024-02-01'), ('2024-03-01')) t(d);
SELECT aibiz.bass_final(aibiz.cashflows_add('v1'::aibiz.cashflows, 0.1, 100, date '2000-01-05'));
