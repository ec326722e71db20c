-- TOPSIS window function and the case ranking view.
\set VERBOSITY terse

-- Worked example: three alternatives, criteria c1, c2 (larger is better) and
-- c3 (a cost, smaller is better), weights 0.5, 0.3, 0.2.
--   A1 = (3, 1, 2), A2 = (4, 2, 1), A3 = (0, 2, 2)
-- Column norms: c1 sqrt(9+16+0) = 5, c2 sqrt(1+4+4) = 3, c3 sqrt(4+1+4) = 3.
-- Weighted normalised v = w * x / norm:
--   A1 = (0.3, 0.1, 0.13333), A2 = (0.4, 0.2, 0.06667), A3 = (0, 0.2, 0.13333)
-- Ideal A+ = (0.4, 0.2, 0.06667) (max, max, min); anti-ideal A- = (0, 0.1, 0.13333).
--   A1: d+ = sqrt(0.01 + 0.01 + 0.004444) = 0.156347, d- = 0.3,
--       C = 0.3 / 0.456347 = 0.657394
--   A2: d+ = 0, C = 1
--   A3: d+ = sqrt(0.16 + 0.004444) = 0.405518, d- = 0.1,
--       C = 0.1 / 0.505518 = 0.197817
CREATE TEMP TABLE alt (name text, c float8[]);
INSERT INTO alt VALUES ('A1', '{3,1,2}'), ('A2', '{4,2,1}'), ('A3', '{0,2,2}');
SELECT name, round(aibiz.topsis(c, '{0.5,0.3,0.2}', '{t,t,f}') OVER ()::numeric, 6) AS closeness
FROM alt ORDER BY name;

-- weights are normalised: 5, 3, 2 gives the same bits as 0.5, 0.3, 0.2
SELECT bool_and(a = b) AS weights_normalised
FROM (SELECT aibiz.topsis(c, '{0.5,0.3,0.2}', '{t,t,f}') OVER () AS a,
			 aibiz.topsis(c, '{5,3,2}', '{t,t,f}') OVER () AS b FROM alt) s;

-- the result does not depend on the order rows arrive in: the same bits for
-- every window ORDER BY and for rows inserted in another order
CREATE TEMP TABLE big AS
SELECT i, ARRAY[(i * 7919 % 1000) / 10.0, (i * 104729 % 997) * 1.5,
				 (i * 31 % 101) + 0.25]::float8[] AS c
FROM generate_series(1, 2000) i;
CREATE TEMP TABLE big_rev AS SELECT * FROM big ORDER BY i DESC;
SELECT count(*) AS rows,
	   bool_and(a.v::text = b.v::text AND a.v::text = r.v::text) AS order_independent
FROM (SELECT i, aibiz.topsis(c, '{1,2,3}', '{t,f,t}') OVER () AS v FROM big) a
JOIN (SELECT i, aibiz.topsis(c, '{1,2,3}', '{t,f,t}') OVER (ORDER BY c[2], i DESC) AS v FROM big) b USING (i)
JOIN (SELECT i, aibiz.topsis(c, '{1,2,3}', '{t,f,t}') OVER () AS v FROM big_rev) r USING (i);

-- closeness lies in [0, 1]; the best alternative of each criterion decides:
-- with one criterion the maximum gets 1 and the minimum 0 exactly; the
-- middle one is 0.5 within rounding (2 units in the last place below:
-- (2/n - 1/n) and (3/n - 2/n), n = sqrt(14), round differently)
SELECT min(v) >= 0 AND max(v) <= 1 AS in_unit_interval
FROM (SELECT aibiz.topsis(c, '{1,2,3}') OVER () AS v FROM big) s;
SELECT x, aibiz.topsis(ARRAY[x], '{1}') OVER () AS v
FROM (VALUES (1::float8), (3), (2)) t(x) ORDER BY x;

-- partitions are ranked separately; NULL criteria rows get NULL and take no part
SELECT g, name, round(aibiz.topsis(c, '{1,1}') OVER (PARTITION BY g)::numeric, 6) AS v
FROM (VALUES (1, 'a', '{1,1}'::float8[]), (1, 'b', '{2,2}'), (1, 'n', NULL),
			 (2, 'c', '{5,0}'), (2, 'd', '{0,5}')) t(g, name, c)
ORDER BY g, name;
-- a single alternative, or identical ones, are both ideal and anti-ideal: 0.5
SELECT aibiz.topsis('{1,2}', '{1,1}') OVER () AS single;

-- subnormal scores: row 2 is larger on both criteria, so it is the ideal (1)
-- and row 1 the anti-ideal (0); the column norm ~2.2e-320 must not overflow
-- the weighting
SELECT c, aibiz.topsis(c, '{1,1}') OVER () AS v
FROM (VALUES ('{1e-320,1}'::float8[]), ('{2e-320,3}')) t(c) ORDER BY v;
-- weights whose sum overflows float8 are accepted: {1e308,1e308,1e308} is the
-- same bit for bit as {1,1,1}
SELECT bool_and(a = b) AS huge_weights_equal
FROM (SELECT aibiz.topsis(c, '{1e308,1e308,1e308}', '{t,t,f}') OVER () AS a,
			 aibiz.topsis(c, '{1,1,1}', '{t,t,f}') OVER () AS b FROM alt) s;

-- errors
SELECT aibiz.topsis(c, '{1,1}') OVER () FROM alt;
SELECT aibiz.topsis(c, '{1,-1,1}') OVER () FROM alt;
SELECT aibiz.topsis(c, '{0,0,0}') OVER () FROM alt;
SELECT aibiz.topsis(c, '{1,1,1}', '{t,f}') OVER () FROM alt;
SELECT aibiz.topsis(c, '{1,1,1}', '{t,NULL,f}') OVER () FROM alt;
SELECT aibiz.topsis(c, NULL) OVER () FROM alt;
SELECT aibiz.topsis(ARRAY[1, NULL]::float8[], '{1,1}') OVER ();
SELECT aibiz.topsis(ARRAY['Infinity', 1]::float8[], '{1,1}') OVER ();
SELECT aibiz.topsis('{{1,2},{3,4}}'::float8[], '{1,1}') OVER ();
SELECT aibiz.topsis(c, CASE WHEN name = 'A2' THEN '{1,1,2}' ELSE '{1,1,1}' END::float8[]) OVER () FROM alt;
SELECT aibiz.topsis(CASE WHEN name = 'A2' THEN '{1,1}' ELSE c END, '{1,1,1}') OVER () FROM alt;

-- The shipped cases, equal weights over the four criteria
--   BERT (9.5, 7, 8.5, 9), Azure ML (8, 9, 8.5, 9), Amazon (7.5, 8, 8, 7.5).
-- Norms: sqrt(90.25+64+56.25) = 14.5087, sqrt(49+81+64) = 13.9284,
-- sqrt(72.25+72.25+64) = 14.4395, sqrt(81+81+56.25) = 14.7733.
-- v = 0.25 x / norm; ideal = column maxima, anti-ideal = column minima
-- (c1: 9.5 / 7.5, c2: 9 / 7, c3: 8.5 / 8, c4: 9 / 7.5):
--   BERT   d+ = 0.25 * 2/13.9284 = 0.035898 (behind only on c2)
--          d- = 0.25 * sqrt((2/14.5086)^2 + (0.5/14.4395)^2 + (1.5/14.7733)^2)
--             = 0.25 * sqrt(0.019002 + 0.001199 + 0.010309) = 0.043668
--          C = 0.043668 / 0.079566 = 0.548830
--   Azure  d+ = 0.25 * 1.5/14.5086 = 0.025847 (behind only on c1)
--          d- = 0.25 * sqrt(0.001188 + 0.020619 + 0.001199 + 0.010309) = 0.045631
--          C = 0.045631 / 0.071478 = 0.638393
--   Amazon d+ = 0.25 * sqrt(0.019002 + 0.005155 + 0.001199 + 0.010309) = 0.047213
--          d- = 0.25 * 1/13.9284 = 0.017949 (above the minimum only on c2)
--          C = 0.017949 / 0.065162 = 0.275451
SELECT rank, name, round(closeness::numeric, 6) AS closeness
FROM aibiz.case_ranking ORDER BY rank;
