-- ---------------------------------------------------------------------------
-- 70_decide.sql — ranking tools: the topsis() window function and the
-- aibiz.case_ranking view of the case studies.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.topsis(criteria float8[], weights float8[],
								   benefit boolean[] DEFAULT NULL)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_topsis_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.topsis(float8[], float8[], boolean[]) IS
'TOPSIS closeness to the ideal in [0, 1] over the rows of the window partition: criteria vector-normalised per column, weighted (weights normalised to sum 1), distances to the best and worst value per criterion (benefit false: smaller is better; NULL: all larger-is-better); rows with NULL criteria get NULL';

-- The case studies ranked by TOPSIS over their four criteria, equal weights.
CREATE VIEW @extschema@.case_ranking AS
SELECT r.id, r.name, r.company,
	   r.tech_leadership, r.business_model, r.market_performance, r.ecosystem,
	   r.closeness,
	   pg_catalog.rank() OVER (ORDER BY r.closeness DESC) AS rank
FROM (SELECT c.id, c.name, c.company,
			 c.tech_leadership, c.business_model, c.market_performance, c.ecosystem,
			 @extschema@.topsis(
				 ARRAY[c.tech_leadership::float8, c.business_model::float8,
					   c.market_performance::float8, c.ecosystem::float8],
				 ARRAY[1, 1, 1, 1]::float8[]) OVER () AS closeness
	  FROM @extschema@.cases c) r;
COMMENT ON VIEW @extschema@.case_ranking IS
'every case study (shipped and added) ranked by TOPSIS closeness over tech_leadership, business_model, market_performance and ecosystem with equal weights; rank 1 is closest to the ideal';
GRANT SELECT ON @extschema@.case_ranking TO PUBLIC;
