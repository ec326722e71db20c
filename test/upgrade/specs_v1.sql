-- specs_v1.sql — session functions of the upgrade test's input values
-- stored in format version 1 (specs_v1.txt: kind, text and the raw
-- stored bytes of 31 values as aibiz 0.3.0 stored them; the text is the
-- canonical one but in rows 25 and 28-31, which hold input text).  Run as a
-- superuser, since the relabelling functions are internal ones:
--   pg_temp.raw(value)        the stored bytes of a value, unchanged (the
--                             internal varchar(x, -1) coercion returns its
--                             argument as it is, so it relabels a varlena)
--   pg_temp.revenue_model(bytea), .risk_profile(bytea), .plan(bytea)
--                             those bytes back as a value, unchanged
--   pg_temp.old_hash(bytea), .old_hash(bytea, seed)
--                             the hashes aibiz 0.3.0 gave a value stored
--                             in version 1: hash_any (seeded:
--                             hash_any_extended) of the fixed value that
--                             follows the four zero bytes, which is what
--                             hashvarlena does with a bytea's bytes
--   pg_temp.answers(revenue, risk, plan, text)
--                             every answer of the one value given (the
--                             other two NULL): its text, binary form,
--                             jsonb, hash, seeded hashes, = and <> against
--                             the value parsed from the text, terms() rows
--   pg_temp.company(revenue, risk, plan, seed)
--                             a company's answers, as an array: project()
--                             (36 months), the md5 of simulate() (24
--                             months, 100 trials), unit_economics() and
--                             risk_impact() (50 trials)
--   pg_temp.found()           how many values a lookup by their text finds,
--                             alone, through the columns' hash indexes
--   pg_temp.index_plans()     the lookups' plans, one line per column
SET client_min_messages = warning;

CREATE FUNCTION pg_temp.raw(aibiz.revenue_model, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.risk_profile, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.raw(aibiz.plan, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.revenue_model(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.revenue_model LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.risk_profile(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.risk_profile LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.plan(bytea, int4 DEFAULT -1, bool DEFAULT false)
	RETURNS aibiz.plan LANGUAGE internal IMMUTABLE STRICT AS 'varchar';
CREATE FUNCTION pg_temp.old_hash(bytea) RETURNS int4
	LANGUAGE internal IMMUTABLE STRICT AS 'hashvarlena';
CREATE FUNCTION pg_temp.old_hash(bytea, int8) RETURNS int8
	LANGUAGE internal IMMUTABLE STRICT AS 'hashvarlenaextended';

CREATE FUNCTION pg_temp.answers(r aibiz.revenue_model, k aibiz.risk_profile, p aibiz.plan, txt text)
RETURNS text LANGUAGE sql STABLE AS $$
SELECT coalesce(
	(SELECT concat_ws(E'\n', r::text, aibiz.revenue_model_send(r), r::jsonb,
		aibiz.revenue_model_hash(r), aibiz.revenue_model_hash_extended(r, 0),
		aibiz.revenue_model_hash_extended(r, 7),
		r OPERATOR(aibiz.=) txt::aibiz.revenue_model, r OPERATOR(aibiz.<>) txt::aibiz.revenue_model,
		(SELECT string_agg(t::text, ' ' ORDER BY t.ord, t.key) FROM aibiz.terms(r) t))
	 WHERE r IS NOT NULL),
	(SELECT concat_ws(E'\n', k::text, aibiz.risk_profile_send(k), k::jsonb,
		aibiz.risk_profile_hash(k), aibiz.risk_profile_hash_extended(k, 0),
		aibiz.risk_profile_hash_extended(k, 7),
		k OPERATOR(aibiz.=) txt::aibiz.risk_profile, k OPERATOR(aibiz.<>) txt::aibiz.risk_profile,
		(SELECT string_agg(t::text, ' ' ORDER BY t.ord, t.key) FROM aibiz.terms(k) t))
	 WHERE k IS NOT NULL),
	(SELECT concat_ws(E'\n', p::text, aibiz.plan_send(p), p::jsonb,
		aibiz.plan_hash(p), aibiz.plan_hash_extended(p, 0),
		aibiz.plan_hash_extended(p, 7),
		p OPERATOR(aibiz.=) txt::aibiz.plan, p OPERATOR(aibiz.<>) txt::aibiz.plan,
		(SELECT string_agg(t::text, ' ' ORDER BY t.ord, t.key) FROM aibiz.terms(p) t))
	 WHERE p IS NOT NULL))
$$;

CREATE FUNCTION pg_temp.company(r aibiz.revenue_model, k aibiz.risk_profile, p aibiz.plan, seed bigint)
RETURNS text[] LANGUAGE sql STABLE AS $$
SELECT ARRAY[
	aibiz.project(r, k, p, aibiz.market(50000, 0.2, 0.01, 0.4, 0.05), 36)::text,
	md5(aibiz.simulate(r, k, p, aibiz.market(50000, 0.2, 0.01, 0.4, 0.05), 24, 100, seed)::text),
	aibiz.unit_economics(r, p)::text,
	(SELECT string_agg(x::text, ' ' ORDER BY x.ord)
	 FROM aibiz.risk_impact(r, k, p, aibiz.market(50000, 0.2, 0.01, 0.4, 0.05), 24, 50, seed) x)]
$$;

-- the column of each kind in public.specs
CREATE FUNCTION pg_temp.col(kind text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE kind WHEN 'revenue_model' THEN 'revenue' WHEN 'risk_profile' THEN 'risk' ELSE 'plan' END
$$;

CREATE FUNCTION pg_temp.found() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	s record;
	hit int[];
	n int := 0;
	total int := 0;
BEGIN
	SET LOCAL enable_seqscan = off;
	FOR s IN SELECT v.n, v.kind, v.txt FROM public.specs v ORDER BY v.n LOOP
		EXECUTE format('SELECT array_agg(n) FROM public.specs WHERE %I OPERATOR(aibiz.=) %L::aibiz.%I',
					   pg_temp.col(s.kind), s.txt, s.kind) INTO hit;
		total := total + 1;
		IF hit = ARRAY[s.n] THEN
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n || ' of ' || total;
END $$;

CREATE FUNCTION pg_temp.index_plans() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	k text;
	line text;
	plans text[] := '{}';
BEGIN
	SET LOCAL enable_seqscan = off;
	FOREACH k IN ARRAY '{revenue_model,risk_profile,plan}'::text[] LOOP
		FOR line IN EXECUTE format('EXPLAIN (COSTS OFF) SELECT n FROM public.specs WHERE %I OPERATOR(aibiz.=) %L::aibiz.%I',
								   pg_temp.col(k), (SELECT min(txt) FROM public.specs WHERE kind = k), k) LOOP
			IF line ~ '^[ ->]*(Bitmap )?Index Scan' THEN
				plans := plans || regexp_replace(line, '^[ ->]*', '');
			END IF;
		END LOOP;
	END LOOP;
	RETURN array_to_string(plans, '; ');
END $$;
