-- ---------------------------------------------------------------------------
-- 75_sustain.sql — the sustainability verdict: eight criteria of a company's
-- simulation, expected path and unit economics, each against a threshold,
-- scored as the weighted share of criteria met.
--
-- sustainability_score() scores given criterion values; sustainability()
-- gathers them from aibiz.simulate, aibiz.project, aibiz.unit_economics and
-- aibiz.investor and scores them.  Both are PL/pgSQL with search_path =
-- pg_catalog, pg_temp and every operator pg_catalog-qualified.
-- ---------------------------------------------------------------------------

-- Score eight criterion values (sustainability's order) against their thresholds.
CREATE FUNCTION @extschema@.sustainability_score(vals float8[],
												 thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8
AS $fn$
DECLARE
	names text[] := ARRAY['survival', 'npv_positive', 'ltv_cac', 'gross_margin',
						  'breakeven', 'risk_losses', 'concentration', 'moic']::pg_catalog.text[];
	cmps text[] := ARRAY['>=', '>=', '>=', '>=', '>=', '<=', '<=', '>=']::pg_catalog.text[];
	thr float8[] := ARRAY['0.8', '0.6', '3', '0.5', '0.5', '0.1', '0.8', '0.5']::pg_catalog.float8[];
	wts float8[] := ARRAY['1', '1', '1', '1', '1', '1', '1', '1']::pg_catalog.float8[];
	ok boolean[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::pg_catalog.bool[];
	maxw float8;
	met float8 := '0'::pg_catalog.float8;
	counted float8 := '0'::pg_catalog.float8;
	s float8;
	v text;
	i integer;
	k text;
	j jsonb;
	sk text;
	sj jsonb;
BEGIN
	IF vals IS NULL THEN
		RETURN;
	END IF;
	IF COALESCE(pg_catalog.array_ndims(vals), 0) OPERATOR(pg_catalog.<>) 1
	   OR pg_catalog.cardinality(vals) OPERATOR(pg_catalog.<>) 8 THEN
		RAISE EXCEPTION 'sustainability_score: vals must be a one-dimensional array of 8 criterion values, got %',
			COALESCE(pg_catalog.array_dims(vals), 'an empty array'::pg_catalog.text)
			USING ERRCODE = '22023',
				  DETAIL = pg_catalog.format('Criteria, in order: %s.', pg_catalog.array_to_string(names, ', '));
	END IF;

	-- overrides: {"name": threshold} or {"name": {"threshold": t, "weight": w}}
	IF thresholds IS NOT NULL THEN
		IF pg_catalog.jsonb_typeof(thresholds) OPERATOR(pg_catalog.<>) 'object'::pg_catalog.text THEN
			RAISE EXCEPTION 'sustainability thresholds must be a jsonb object, got %',
				pg_catalog.jsonb_typeof(thresholds)
				USING ERRCODE = '22023',
					  HINT = 'Write {"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}.';
		END IF;
		FOR k, j IN SELECT e.key, e.value FROM pg_catalog.jsonb_each(thresholds) e ORDER BY e.key LOOP
			i := pg_catalog.array_position(names, k);
			IF i IS NULL THEN
				RAISE EXCEPTION 'sustainability thresholds: unknown criterion "%"', k
					USING ERRCODE = '22023',
						  DETAIL = pg_catalog.format('Valid criteria: %s.', pg_catalog.array_to_string(names, ', '));
			END IF;
			IF pg_catalog.jsonb_typeof(j) OPERATOR(pg_catalog.=) 'number'::pg_catalog.text THEN
				thr[i] := j::pg_catalog.float8;
			ELSIF pg_catalog.jsonb_typeof(j) OPERATOR(pg_catalog.=) 'object'::pg_catalog.text THEN
				FOR sk, sj IN SELECT e.key, e.value FROM pg_catalog.jsonb_each(j) e ORDER BY e.key LOOP
					IF pg_catalog.jsonb_typeof(sj) OPERATOR(pg_catalog.<>) 'number'::pg_catalog.text THEN
						RAISE EXCEPTION 'sustainability thresholds, criterion "%", key "%": expected a number', k, sk
							USING ERRCODE = '22023';
					END IF;
					IF sk OPERATOR(pg_catalog.=) 'threshold'::pg_catalog.text THEN
						thr[i] := sj::pg_catalog.float8;
					ELSIF sk OPERATOR(pg_catalog.=) 'weight'::pg_catalog.text THEN
						wts[i] := sj::pg_catalog.float8;
					ELSE
						RAISE EXCEPTION 'sustainability thresholds, criterion "%": unknown key "%"', k, sk
							USING ERRCODE = '22023',
								  DETAIL = 'Valid keys: threshold, weight.';
					END IF;
				END LOOP;
			ELSE
				RAISE EXCEPTION 'sustainability thresholds, criterion "%": expected a number or an object, got %',
					k, pg_catalog.jsonb_typeof(j)
					USING ERRCODE = '22023',
						  HINT = 'Write {"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}.';
			END IF;
			IF wts[i] OPERATOR(pg_catalog.<) '0'::pg_catalog.float8 THEN
				RAISE EXCEPTION 'sustainability thresholds, criterion "%", key "weight": value % is below 0', k, wts[i]
					USING ERRCODE = '22023';
			END IF;
		END LOOP;
	END IF;
	-- weights above 1e300 count relative to the largest, so no sum overflows
	maxw := (SELECT pg_catalog.max(w) FROM pg_catalog.unnest(wts) w);
	IF maxw OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 THEN
		RAISE EXCEPTION 'sustainability thresholds: every weight is 0'
			USING ERRCODE = '22023',
				  HINT = 'Give at least one criterion a weight above 0.';
	END IF;
	IF maxw OPERATOR(pg_catalog.<=) '1e300'::pg_catalog.float8 THEN
		maxw := '1'::pg_catalog.float8;
	END IF;

	-- a NULL value is undefined: reported, not counted; +-Infinity compare as numbers
	FOR i IN 1..8 LOOP
		IF vals[i] OPERATOR(pg_catalog.=) 'NaN'::pg_catalog.float8 THEN
			RAISE EXCEPTION 'sustainability_score: the value of criterion "%" is NaN', names[i]
				USING ERRCODE = '22023',
					  HINT = 'Pass NULL for a value that is undefined.';
		END IF;
		IF vals[i] IS NOT NULL THEN
			IF cmps[i] OPERATOR(pg_catalog.=) '>='::pg_catalog.text THEN
				ok[i] := vals[i] OPERATOR(pg_catalog.>=) thr[i];
			ELSE
				ok[i] := vals[i] OPERATOR(pg_catalog.<=) thr[i];
			END IF;
			counted := counted OPERATOR(pg_catalog.+) (wts[i] OPERATOR(pg_catalog./) maxw);
			IF ok[i] THEN
				met := met OPERATOR(pg_catalog.+) (wts[i] OPERATOR(pg_catalog./) maxw);
			END IF;
		END IF;
	END LOOP;

	IF counted OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		s := ('100'::pg_catalog.float8 OPERATOR(pg_catalog.*) met) OPERATOR(pg_catalog./) counted;
		IF s OPERATOR(pg_catalog.>=) '80'::pg_catalog.float8 THEN
			v := 'sustainable';
		ELSIF s OPERATOR(pg_catalog.>=) '50'::pg_catalog.float8 THEN
			v := 'fragile';
		ELSE
			v := 'unsustainable';
		END IF;
	END IF;

	FOR i IN 1..8 LOOP
		verdict := v;
		score := s;
		criterion := names[i];
		value := vals[i];
		threshold := thr[i];
		comparison := cmps[i];
		weight := wts[i];
		passed := ok[i];
		RETURN NEXT;
	END LOOP;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability_score(float8[], jsonb) IS
'scores 8 criterion values given in the order survival, npv_positive, ltv_cac, gross_margin, breakeven, risk_losses, concentration, moic (NULL = undefined, excluded from the score) against their thresholds, overridable per name in thresholds ({"survival": 0.9, "ltv_cac": {"threshold": 4, "weight": 2}}); one row per criterion with the verdict and score repeated';

-- Gather the eight criterion values of a company and score them.
CREATE FUNCTION @extschema@.sustainability(revenue @extschema@.revenue_model,
										   risk @extschema@.risk_profile,
										   plan @extschema@.plan,
										   market record,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $fn$
DECLARE
	sim @extschema@.simulation;
	p @extschema@.projection;
	m record;
	ue record;
	vals float8[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::pg_catalog.float8[];
	mean_revenue float8;
	loss float8;
	profit float8;
BEGIN
	IF revenue IS NULL OR risk IS NULL OR plan IS NULL OR market IS NULL
	   OR horizon IS NULL OR trials IS NULL OR seed IS NULL THEN
		RETURN;
	END IF;
	-- a bad override fails before the simulation runs
	PERFORM FROM @extschema@.sustainability_score(vals, thresholds);

	sim := @extschema@.simulate(revenue, risk, plan, market, horizon, trials, seed);
	p := @extschema@.project(revenue, risk, plan, market, horizon);

	vals[1] := @extschema@.survival(sim, horizon);
	vals[2] := '1'::pg_catalog.float8 OPERATOR(pg_catalog.-) @extschema@.npv_cdf(sim, '0'::pg_catalog.float8);

	-- LTV/CAC; with churn 0 the lifetime is endless: +Infinity when an
	-- account earns a gross profit; undefined without paid acquisition or
	-- per-account revenue
	SELECT u.* INTO ue FROM @extschema@.unit_economics(revenue, plan) u;
	IF ue.ltv_to_cac IS NOT NULL THEN
		vals[3] := ue.ltv_to_cac;
	ELSIF ue.churn OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 AND ue.gross_margin IS NOT NULL
		  AND ue.cac OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		profit := ue.arpa OPERATOR(pg_catalog.*) ue.gross_margin;
		vals[3] := pg_catalog.sign(profit) OPERATOR(pg_catalog.*) 'Infinity'::pg_catalog.float8;
		IF profit OPERATOR(pg_catalog.=) '0'::pg_catalog.float8 THEN
			vals[3] := '0'::pg_catalog.float8;
		END IF;
	END IF;

	-- gross margin and the largest stream kind's share, at month H of the expected path
	SELECT r.* INTO m FROM @extschema@.rows(p) r WHERE r.month OPERATOR(pg_catalog.=) horizon;
	IF m.revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[4] := m.gross_profit OPERATOR(pg_catalog./) m.revenue;
	END IF;
	IF m.gross_revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[7] := GREATEST(m.rev_subscription, m.rev_usage, m.rev_advertising, m.rev_licensing)
				   OPERATOR(pg_catalog./) m.gross_revenue;
	END IF;

	vals[5] := @extschema@.breakeven_probability(sim);

	-- mean risk loss per trial over mean revenue per trial (both over the horizon)
	loss := @extschema@.loss_mean(sim);
	SELECT pg_catalog.sum(f.mean) INTO mean_revenue FROM @extschema@.fan(sim) f
	WHERE f.metric OPERATOR(pg_catalog.=) 'revenue'::pg_catalog.text;
	IF mean_revenue OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[6] := loss OPERATOR(pg_catalog./) mean_revenue;
	ELSIF loss OPERATOR(pg_catalog.>) '0'::pg_catalog.float8 THEN
		vals[6] := 'Infinity'::pg_catalog.float8;
	END IF;

	vals[8] := (@extschema@.investor(sim)).p_moic_1;

	RETURN QUERY SELECT s.* FROM @extschema@.sustainability_score(vals, thresholds) s;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint, jsonb) IS
'sustainability verdict of a company over horizon months from trials simulated trials (seed) and its expected path: per criterion (survival at H >= 0.8, P(NPV > 0) >= 0.6, LTV/CAC >= 3, gross margin at H >= 0.5, breakeven probability >= 0.5, mean risk loss / mean revenue <= 0.1, largest stream kind''s share of revenue at H <= 0.8, P(MOIC >= 1) >= 0.5) its value, threshold, weight and whether it is met; score = 100 x weight met / weight of defined criteria; sustainable >= 80, fragile >= 50, else unsustainable; thresholds overrides per criterion; no rows when an input is NULL';

-- The same for a row of aibiz.companies.
CREATE FUNCTION @extschema@.sustainability(company @extschema@.companies,
										   market record,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $fn$
BEGIN
	IF company IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY SELECT s.* FROM @extschema@.sustainability(company.revenue, company.risk, company.plan,
		market, horizon, trials, seed, thresholds) s;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.companies, record, int, int, bigint, jsonb) IS
'sustainability verdict of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- The verdict of a company in the market of aibiz.markets with this name.
CREATE FUNCTION @extschema@.sustainability(revenue @extschema@.revenue_model,
										   risk @extschema@.risk_profile,
										   plan @extschema@.plan,
										   market text,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $$ SELECT s.* FROM @extschema@.sustainability($1, $2, $3, @extschema@.market_by_name($4),
												 $5, $6, $7, $8) s $$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint, jsonb) IS
'as aibiz.sustainability with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none; no rows when the name is NULL';

-- The verdict of a row of aibiz.companies in the market of aibiz.markets with this name.
CREATE FUNCTION @extschema@.sustainability(company @extschema@.companies,
										   market text,
										   horizon int DEFAULT 60,
										   trials int DEFAULT 10000,
										   seed bigint DEFAULT 0,
										   thresholds jsonb DEFAULT NULL)
RETURNS TABLE (verdict text, score float8, criterion text, value float8,
			   threshold float8, comparison text, weight float8, passed boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
ROWS 8 COST 10000
AS $$ SELECT s.* FROM @extschema@.sustainability($1, @extschema@.market_by_name($2),
												 $3, $4, $5, $6) s $$;

COMMENT ON FUNCTION @extschema@.sustainability(@extschema@.companies, text, int, int, bigint, jsonb) IS
'as aibiz.sustainability of a row of aibiz.companies with aibiz.market_by_name(market); 22023 listing the valid names when there is none';
