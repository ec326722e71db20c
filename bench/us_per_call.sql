-- us_per_call.sql — the timing function the benchmark scripts load into
-- their throwaway database: microseconds per call of a query q that makes
-- n calls, the median of 5 runs after a warm-up.
CREATE FUNCTION us_per_call(q text, n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; ts float8[] := '{}';
BEGIN
	EXECUTE q;
	FOR i IN 1 .. 5 LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		ts := ts || extract(epoch FROM clock_timestamp() - t0)::float8 * 1e6 / n;
	END LOOP;
	RETURN (SELECT x FROM unnest(ts) x ORDER BY x OFFSET 2 LIMIT 1);
END $$;
