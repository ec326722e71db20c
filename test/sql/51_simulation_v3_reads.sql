-- 51_simulation_v3_reads: how much of a stored simulation the questions
-- read, and the type's description of its text form.
SET client_min_messages = warning;	-- models without marketing say so in a NOTICE

-- The type's description names the text form this build writes: a new
-- value's text starts with "simulation v3 " and so does the form quoted in
-- COMMENT ON TYPE (an update from 0.2.0 sets the same description).
SELECT position(left(s::text, 14) IN obj_description('aibiz.simulation'::regtype, 'pg_type')) > 0
	AS description_names_written_form
FROM (SELECT aibiz.simulate('subscription(price=50)', '',
	'cash(amount=100k) + team(headcount=1, cost=10k) + product(churn=2%)',
	aibiz.market(1000, 0.1, 0.02, 0.3, 0), 12, 1, 6) AS s) x;

-- summary() of a portfolio reads the value once.  A regular table (buffer
-- hits of a temporary one are local) holds a version 3 portfolio of three
-- members of 1,000 trials over 60 months and the same portfolio in
-- version 2 (its binary form with version byte 2, read back from text),
-- out of line and uncompressed, so reading a value costs a buffer hit per
-- 2 kB chunk: about 170 for these values.  summary() must cost no more
-- than reading the whole value once (simulation_send) plus the few hits of
-- the header's slice: below 1.5 times send's hits (reading the value twice
-- costs twice).
CREATE TABLE v3_reads (v int, sim aibiz.simulation);
ALTER TABLE v3_reads ALTER COLUMN sim SET STORAGE EXTERNAL;
INSERT INTO v3_reads SELECT 3, aibiz.portfolio(s) FROM (
	SELECT aibiz.simulate(('subscription(price=pert(40,50,70), seats=' || k || ')')::aibiz.revenue_model,
		'regulation(freq=1, loss=lognormal(50k,20k))',
		'cash(amount=300k) + team(headcount=2, cost=10k) + product(churn=2%)',
		aibiz.market(50000, 0.02, 0.03, 0.4, 0.1), 60, 1000, 10 + k) AS s
	FROM generate_series(1, 3) k) p;
INSERT INTO v3_reads SELECT 2, ('simulation v2' || substr(split_part(sim::text, ' data=', 1), 14) || ' data=' ||
	translate(encode(overlay(aibiz.simulation_send(sim) placing '\x02' from 1), 'base64'), E'\n', ''))::aibiz.simulation
FROM v3_reads;
-- shared buffer hits of a query over the table (run once before, so the catalog is cached)
CREATE FUNCTION pg_temp.hits(q text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	j json;
BEGIN
	EXECUTE q;
	EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || q INTO j;
	RETURN (j -> 0 -> 'Plan' ->> 'Shared Hit Blocks')::int + (j -> 0 -> 'Plan' ->> 'Shared Read Blocks')::int;
END $$;
SELECT v, aibiz.settings(sim) ->> 'version' AS version, aibiz.members(sim) AS members,
	pg_column_size(sim) > 300000 AS out_of_line_uncompressed,
	pg_temp.hits(format('SELECT aibiz.summary(sim) FROM v3_reads WHERE v = %s', v)) <
	1.5 * pg_temp.hits(format('SELECT aibiz.simulation_send(sim) FROM v3_reads WHERE v = %s', v))
	AS summary_reads_once
FROM v3_reads ORDER BY v;
-- and it answers as before: the two versions give the same summary
SELECT count(DISTINCT aibiz.summary(sim)::text) AS summaries FROM v3_reads;

-- Stored with lz4 compression, inline (STORAGE MAIN) and out of line, a
-- single simulation and its portfolio answer the prefix questions as the
-- value in memory does.
SET default_toast_compression = lz4;
CREATE TEMP TABLE lz (storage text, sim aibiz.simulation);
CREATE TEMP TABLE lz_main (sim aibiz.simulation);
ALTER TABLE lz_main ALTER COLUMN sim SET STORAGE MAIN;
CREATE TEMP TABLE mem AS SELECT aibiz.simulate('subscription(price=pert(40,50,70), seats=2)',
	'regulation(freq=2, loss=lognormal(50k,20k))',
	'cash(amount=200k) + team(headcount=2, cost=10k) + product(churn=2%) + marketing(budget=5k, cac=400)',
	aibiz.market(50000, 0.02, 0.03, 0.4, 0.1), 600, 50, 1) AS sim;
INSERT INTO mem SELECT aibiz.portfolio(sim) FROM (SELECT sim FROM mem UNION ALL SELECT sim FROM mem) u;
INSERT INTO lz SELECT 'extended', sim FROM mem;
INSERT INTO lz_main SELECT sim FROM mem;
RESET default_toast_compression;
CREATE FUNCTION pg_temp.prefix_answers(s aibiz.simulation) RETURNS text
LANGUAGE sql AS $$
SELECT concat_ws(' ', aibiz.npv_mean(s), aibiz.npv_stddev(s), aibiz.arr_mean(s), aibiz.loss_mean(s),
	aibiz.breakeven_probability(s), aibiz.survival(s, 1), aibiz.survival(s, 599), aibiz.survival(s, 600),
	aibiz.npv_quantile(s, 0.3), aibiz.npv_cdf(s, 0), aibiz.value_at_risk(s, 0.9),
	aibiz.expected_shortfall(s, 0.9), aibiz.statistics(s), aibiz.summary(s), aibiz.settings(s),
	(SELECT string_agg(f::text, ' ') FROM aibiz.fan(s) f),
	(SELECT string_agg(c::text, ' ') FROM aibiz.survival_curve(s) c),
	(SELECT string_agg(r::text, ' ') FROM aibiz.risk_attribution(s) r),
	(SELECT string_agg(h::text, ' ') FROM aibiz.npv_histogram(s, 7) h), aibiz.trial_npvs(s))
$$;
-- both lz4: the single simulation (about 2.9 kB compressed) out of line in
-- lz, inline in lz_main; the portfolio likewise
SELECT t, pg_column_compression(sim) AS compression, aibiz.members(sim) AS members
FROM (SELECT 'lz' AS t, sim FROM lz UNION ALL SELECT 'lz_main', sim FROM lz_main) x ORDER BY 1, 3;
SELECT count(*) FILTER (WHERE pg_temp.prefix_answers(l.sim) = pg_temp.prefix_answers(m.sim)) AS same, count(*) AS pairs
FROM (SELECT sim FROM lz UNION ALL SELECT sim FROM lz_main) l
JOIN mem m ON aibiz.members(m.sim) = aibiz.members(l.sim);
-- a month past the horizon is refused whatever is stored
SELECT aibiz.survival(sim, 601) FROM lz_main LIMIT 1;
DROP TABLE v3_reads;
