-- load.sql — fill aibiz.companies with the demo sample: 200 synthetic
-- companies from the generator (SPEC §9), seed 42, so every run of the
-- demo shows the same figures.  Does nothing while the table or the
-- generator is not part of the extension yet.
DO $$
BEGIN
	IF to_regclass('aibiz.companies') IS NULL
		OR NOT EXISTS (SELECT 1 FROM pg_proc
					   WHERE proname = 'sample_companies'
						 AND pronamespace = 'aibiz'::regnamespace) THEN
		RAISE NOTICE 'no sample loaded: aibiz.companies or aibiz.sample_companies() is not there yet';
		RETURN;
	END IF;
	INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
	SELECT name, market_id, revenue, risk, plan
	FROM aibiz.sample_companies(200, 42);
	RAISE NOTICE '% sample companies loaded',
		(SELECT count(*) FROM aibiz.companies);
END
$$;
