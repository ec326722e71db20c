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

-- Bass diffusion fitted to adopters per period.
CREATE TYPE @extschema@.bass_params AS (
	p float8,
	q float8,
	m float8,
	rmse float8,
	r2 float8,
	periods int
);
COMMENT ON TYPE @extschema@.bass_params IS
'a fitted Bass diffusion model: innovation p and imitation q per period, market potential m, root mean squared error and R^2 of the per-period adopters, number of periods';

CREATE FUNCTION @extschema@.bass_add(@extschema@.cashflows, t float8, adopters float8)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_bass_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bass_add(@extschema@.cashflows, float8, float8) IS
'add the adopters of period t (a whole number >= 1) to a per-period list kept exactly (transition function of bass_fit)';

CREATE FUNCTION @extschema@.bass_final(@extschema@.cashflows)
RETURNS @extschema@.bass_params
AS 'MODULE_PATHNAME', 'abz_bass_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bass_final(@extschema@.cashflows) IS
'least-squares Bass fit of a per-period adopters list; NULL and a notice with fewer than 3 periods or no fit (final function of bass_fit)';

CREATE AGGREGATE @extschema@.bass_fit(t float8, adopters float8) (
	SFUNC = @extschema@.bass_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.bass_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.bass_fit(float8, float8) IS
'Bass diffusion p, q, m fitted by nonlinear least squares to adopters per period t = 1, 2, ... (rows of one period are summed exactly), with RMSE and R^2; the same bits for every row order and in parallel';
