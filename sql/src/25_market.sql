-- ---------------------------------------------------------------------------
-- 25_market.sql — the market() constructor: a market row from its five
-- model numbers, for the functions that take a market.
-- ---------------------------------------------------------------------------

-- Build a market row from its five model numbers, checking their domains.
CREATE FUNCTION @extschema@.market(accounts float8, adoption float8,
								   bass_p float8, bass_q float8, growth float8)
RETURNS @extschema@.markets
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.markets;
BEGIN
	IF NOT (market.accounts OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.accounts OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market accounts must be a finite number >= 0, got %', market.accounts
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.adoption OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.adoption OPERATOR(pg_catalog.<) '1'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market adoption must be in [0, 1), got %', market.adoption
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_p OPERATOR(pg_catalog.>) '0'::pg_catalog.float8
			AND market.bass_p OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_p must be a finite number > 0, got %', market.bass_p
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_q OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
			AND market.bass_q OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market bass_q must be a finite number >= 0, got %', market.bass_q
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.growth OPERATOR(pg_catalog.>) '-1'::pg_catalog.float8
			AND market.growth OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8) THEN
		RAISE EXCEPTION 'market growth must be a finite number > -1, got %', market.growth
			USING ERRCODE = '22023';
	END IF;
	m.accounts := market.accounts;
	m.adoption := market.adoption;
	m.bass_p := market.bass_p;
	m.bass_q := market.bass_q;
	m.growth := market.growth;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market(float8, float8, float8, float8, float8) IS
	'a market row with only accounts, adoption, bass_p, bass_q and growth set, for functions that take a market';
