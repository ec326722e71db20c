-- ---------------------------------------------------------------------------
-- 25_market.sql — the aibiz.market composite type, its constructor
-- aibiz.market(accounts, adoption, bass_p, bass_q, growth [, id]) and the
-- look-up of a market of aibiz.markets by name.
--
-- The type and every function taking it belong to the extension, so a call
-- such as aibiz.project(revenue, risk, plan, aibiz.market(...)) written over
-- the columns of a foreign table can be sent to the remote server by
-- postgres_fdw (docs/scale-out.md).  The functions that take a market also
-- take any row with its five columns (a row of aibiz.markets) and a market
-- name (text); those forms are conveniences that are evaluated locally.
-- ---------------------------------------------------------------------------

-- A market: the five numbers of the adoption model, and an optional id.
CREATE TYPE @extschema@.market AS (
	accounts float8,
	adoption float8,
	bass_p float8,
	bass_q float8,
	growth float8,
	id bigint
);

COMMENT ON TYPE @extschema@.market IS
	'a market: accounts (>= 0), adoption (in [0, 1)), bass_p (> 0, per year), bass_q (>= 0, per year), growth (> -1, per year) and id (the aibiz.markets id it came from, NULL for a market built from numbers)';

-- Build a market from its five model numbers (and an optional id), checking their domains.
CREATE FUNCTION @extschema@.market(accounts float8, adoption float8,
								   bass_p float8, bass_q float8, growth float8,
								   id bigint DEFAULT NULL)
RETURNS @extschema@.market
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.market;
BEGIN
	IF market.accounts IS NULL OR market.adoption IS NULL OR market.bass_p IS NULL
	   OR market.bass_q IS NULL OR market.growth IS NULL THEN
		RETURN NULL;
	END IF;
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
	m.id := market.id;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market(float8, float8, float8, float8, float8, bigint) IS
	'an aibiz.market from accounts, adoption, bass_p, bass_q and growth (checked as aibiz.markets checks them) and an optional id (NULL by default); NULL when one of the five numbers is NULL';

-- The market of aibiz.markets with this name, its id included; 22023 naming the valid names otherwise.
CREATE FUNCTION @extschema@.market_by_name(name text)
RETURNS @extschema@.market
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m @extschema@.market;
	names text;
BEGIN
	SELECT mk.accounts, mk.adoption, mk.bass_p, mk.bass_q, mk.growth, mk.id
	INTO m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth, m.id
	FROM @extschema@.markets mk
	WHERE mk.name OPERATOR(pg_catalog.=) market_by_name.name;
	IF NOT FOUND THEN
		SELECT pg_catalog.string_agg(mk.name, ', ' ORDER BY mk.name) INTO names
		FROM @extschema@.markets mk;
		RAISE EXCEPTION 'no market named "%" in aibiz.markets', market_by_name.name
			USING ERRCODE = '22023',
				  DETAIL = pg_catalog.format('A market passed as text is the name of a row of aibiz.markets: %s.',
											 coalesce(names, 'the table is empty')),
				  HINT = 'Pass a name listed in aibiz.markets, a row of aibiz.markets, or aibiz.market(accounts, adoption, bass_p, bass_q, growth) for a market built from numbers.';
	END IF;
	RETURN m;
END;
$$;

COMMENT ON FUNCTION @extschema@.market_by_name(text) IS
	'the aibiz.market of the row of aibiz.markets with this name (its id included); 22023 listing the valid names when there is none. The functions that take a market call it for a market passed as text.';
