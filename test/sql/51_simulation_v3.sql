-- 51_simulation_v3: format version 3 answers every question with the same
-- bits as version 2.  test/upgrade/simulations_v2.txt holds simulations as
-- aibiz 0.2.0 wrote them (version 2 text); this build re-simulates them
-- from the same models and seeds (test/upgrade/simulations_v2.sql), which
-- gives version 3 values; test/upgrade/answers.sql asks each value every
-- question.  Both forms must carry the same binary body (only the version
-- byte differs) and give the same answers.
CREATE TEMP TABLE sims_v2 (label text, sim aibiz.simulation);
\copy sims_v2 FROM 'test/upgrade/simulations_v2.txt'
SET client_min_messages = warning;	-- models without marketing say so in a NOTICE
\i test/upgrade/simulations_v2.sql
\i test/upgrade/answers.sql
-- six simulations: five single ones and a portfolio of three, 100 trials each but one
SELECT a.label, left(a.sim::text, 13) AS stored, left(b.sim::text, 13) AS now,
	aibiz.trials(a.sim) AS trials, aibiz.members(a.sim) AS members,
	substr(aibiz.simulation_send(a.sim), 2) = substr(aibiz.simulation_send(b.sim), 2) AS same_body,
	pg_temp.answers(a.sim) = pg_temp.answers(b.sim) AS same_answers,
	CASE WHEN aibiz.members(a.sim) = 1 THEN (aibiz.compare(a.sim, b.sim)).npv_diff_se = 0 END AS paired_same
FROM sims_v2 a JOIN sims_v3 b USING (label)
ORDER BY label;
-- a version 2 text reads back to the same text, a version 3 value's text to itself
SELECT bool_and(sim::text::aibiz.simulation::text = sim::text) AS v2_text_round_trip FROM sims_v2;
SELECT bool_and(sim::text::aibiz.simulation::text = sim::text) AS v3_text_round_trip FROM sims_v3;
-- a portfolio mixing the two versions is the version 3 portfolio of the same members
SELECT aibiz.portfolio(sim)::text = (SELECT aibiz.portfolio(sim)::text FROM sims_v3 WHERE label IN ('lhs', 'plain'))
	AS mixed_portfolio_same
FROM (SELECT sim FROM sims_v2 WHERE label = 'lhs' UNION ALL SELECT sim FROM sims_v3 WHERE label = 'plain') u;
-- the answers are not trivially equal: different simulations differ
SELECT pg_temp.answers(a.sim) <> pg_temp.answers(b.sim) AS different_differ
FROM sims_v3 a, sims_v3 b WHERE a.label = 'plain' AND b.label = 'lhs';
-- stored out of line without compression (STORAGE EXTERNAL: a prefix is
-- fetched chunk by chunk) and in a table of its own with the default
-- (compressed): the same answers as the version 2 values
CREATE TEMP TABLE ext (label text, sim aibiz.simulation);
ALTER TABLE ext ALTER COLUMN sim SET STORAGE EXTERNAL;
INSERT INTO ext SELECT label, sim FROM sims_v3;
CREATE TEMP TABLE cmp (label text, sim aibiz.simulation);
INSERT INTO cmp SELECT label, sim FROM sims_v3;
SELECT 'external' AS storage, count(*) FILTER (WHERE pg_temp.answers(e.sim) = pg_temp.answers(v.sim)) AS same,
	count(*) AS values
FROM ext e JOIN sims_v2 v USING (label)
UNION ALL
SELECT 'extended', count(*) FILTER (WHERE pg_temp.answers(e.sim) = pg_temp.answers(v.sim)), count(*)
FROM cmp e JOIN sims_v2 v USING (label);
-- rewrite(): a version 2 value becomes, byte for byte, the version 3 value
-- this build writes for the same simulation (six of six, the portfolio
-- included, whose summary is recomputed from its summed trials); its
-- settings say version 3; a version 3 value comes back as it is
SELECT count(*) FILTER (WHERE aibiz.rewrite(a.sim)::text = b.sim::text) AS rewritten_same,
	count(*) FILTER (WHERE aibiz.settings(aibiz.rewrite(a.sim))->>'version' = '3') AS now_v3,
	count(*) FILTER (WHERE aibiz.rewrite(b.sim)::text = b.sim::text) AS v3_unchanged,
	count(*) AS values
FROM sims_v2 a JOIN sims_v3 b USING (label);
-- a version 1 value (aibiz 0.1) cannot hold version 3's equity view: it is
-- returned as it is (still "simulation v1 ...", version 1 in its settings)
CREATE TEMP TABLE sims_v1 (sim aibiz.simulation);
\copy sims_v1 FROM 'test/upgrade/simulations_v1.txt'
SELECT count(*) FILTER (WHERE aibiz.rewrite(sim)::text = sim::text) AS v1_unchanged,
	count(*) FILTER (WHERE aibiz.settings(aibiz.rewrite(sim))->>'version' = '1') AS still_v1,
	count(*) AS values
FROM sims_v1;
-- converting a table in place: the stored version 2 values answer as before
UPDATE cmp c SET sim = aibiz.rewrite(v.sim) FROM sims_v2 v WHERE v.label = c.label;
SELECT count(*) FILTER (WHERE pg_temp.answers(c.sim) = pg_temp.answers(v.sim)) AS same_after_update,
	count(*) FILTER (WHERE left(c.sim::text, 13) = 'simulation v3') AS stored_v3
FROM cmp c JOIN sims_v2 v USING (label);
