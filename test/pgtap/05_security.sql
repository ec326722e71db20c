-- The extension as a security boundary: catalog rules every SQL object must
-- follow, hostile operators and functions that must never fire inside the
-- extension's own code, and CREATE EXTENSION refusing a prepared schema.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS aibiz;

SELECT plan(27);

CREATE TEMP VIEW abz_members AS
SELECT d.classid, d.objid
FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'aibiz'
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e';

CREATE TEMP VIEW abz_sql_funcs AS
SELECT p.oid, p.oid::regprocedure AS fn, p.prosrc, p.proconfig, p.prosecdef
FROM pg_proc p
JOIN abz_members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
JOIN pg_language l ON l.oid = p.prolang
WHERE l.lanname IN ('sql', 'plpgsql');

-- ---- catalog rules ----
SELECT cmp_ok((SELECT count(*)::int FROM abz_sql_funcs), '>=', 2,
	'the extension has SQL or PL/pgSQL functions to check');
SELECT is_empty(
	$$SELECT fn FROM abz_sql_funcs
	  WHERE proconfig IS DISTINCT FROM ARRAY['search_path=pg_catalog, pg_temp']$$,
	'every SQL or PL/pgSQL function runs with search_path = pg_catalog, pg_temp');
SELECT is_empty(
	$$SELECT p.oid::regprocedure FROM pg_proc p
	  JOIN abz_members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	  WHERE p.prosecdef$$,
	'no function of the extension is SECURITY DEFINER');

-- A body with its string literals, comments and qualified operators removed
-- must hold no operator character left (casts, assignments, p.* and count(*),
-- RAISE options and negative constants aside), and none of the constructs
-- that look an operator up by name behind the scenes.
CREATE TEMP VIEW abz_body_rest AS
SELECT fn,
       regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
         prosrc,
         '''([^'']|'''')*''', ' ', 'g'),
         '--[^\n]*', ' ', 'g'),
         'OPERATOR\(pg_catalog\.[^)]+\)', ' ', 'g'),
         '::|:=|\.\*|\(\*\)|#variable_conflict', ' ', 'g'),
         '(ERRCODE|HINT|DETAIL|MESSAGE)\s*=', ' ', 'gi'),
         '([(,]\s*)-([0-9])', '\1\2', 'g') AS rest
FROM abz_sql_funcs;
SELECT is_empty(
	$$SELECT fn, m[1] FROM abz_body_rest, regexp_matches(rest, '([-+*/<>=~!@#%^&|`?]+)', 'g') m$$,
	'no SQL or PL/pgSQL body uses an unqualified operator');
SELECT is_empty(
	$$SELECT fn, m[1] FROM abz_body_rest,
	         regexp_matches(rest, '(\mBETWEEN\M|\mIN\s*\(|\m(I)?LIKE\M|\mDISTINCT\s+FROM\M|\mCASE\s+(?!WHEN\M)\w+|\mNULLIF\M)', 'gi') m$$,
	'no SQL or PL/pgSQL body uses BETWEEN, IN (...), LIKE, IS DISTINCT FROM, NULLIF or a simple CASE');

-- Every operator, function or type a CHECK constraint, default, trigger or
-- rule of an extension table depends on is built in (pg_depend records no
-- dependency on the pinned built-in objects) or belongs to the extension.
CREATE TEMP VIEW abz_expr_refs AS
SELECT e.relid, pg_describe_object(d.classid, d.objid, d.objsubid) AS expr,
       pg_describe_object(d.refclassid, d.refobjid, 0) AS uses,
       d.refclassid, d.refobjid
FROM (SELECT 'pg_constraint'::regclass AS classid, oid, conrelid AS relid FROM pg_constraint
      UNION ALL SELECT 'pg_attrdef'::regclass, oid, adrelid FROM pg_attrdef
      UNION ALL SELECT 'pg_trigger'::regclass, oid, tgrelid FROM pg_trigger
      UNION ALL SELECT 'pg_rewrite'::regclass, oid, ev_class FROM pg_rewrite) e
JOIN pg_depend d ON d.classid = e.classid AND d.objid = e.oid
WHERE d.refclassid IN ('pg_operator'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass,
                       'pg_collation'::regclass)
  AND NOT EXISTS (SELECT FROM abz_members m
                  WHERE m.classid = d.refclassid AND m.objid = d.refobjid);
SELECT is_empty(
	$$SELECT expr, uses FROM abz_expr_refs
	  WHERE relid IN (SELECT objid FROM abz_members WHERE classid = 'pg_class'::regclass)$$,
	'constraints, defaults and triggers of the extension''s tables use only built-in or own objects');
-- the rule sees an operator a constraint picked up from outside
CREATE SCHEMA abz_probe;
CREATE FUNCTION abz_probe.ge(float8, integer) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR abz_probe.>= (LEFTARG = float8, RIGHTARG = integer, FUNCTION = abz_probe.ge);
CREATE TABLE abz_probe.t (x float8 CHECK (x OPERATOR(abz_probe.>=) 0));
SELECT isnt_empty(
	$$SELECT expr, uses FROM abz_expr_refs WHERE relid = 'abz_probe.t'::regclass$$,
	'the dependency rule flags a constraint bound to a foreign operator');
DROP SCHEMA abz_probe CASCADE;

-- dump and restore: no foreign key into a table whose rows pg_dump filters,
-- and no TRUNCATE (which fires no row trigger) on tables with shipped rows
SELECT is_empty(
	$$SELECT conname FROM pg_constraint c
	  WHERE c.contype = 'f'
	    AND c.confrelid IN (SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'aibiz')$$,
	'no foreign key points into an extension configuration table');
SELECT is_empty(
	$$SELECT c.relname, a.grantee::regrole FROM pg_class c, aclexplode(c.relacl) a
	  WHERE c.oid IN ('aibiz.markets'::regclass, 'aibiz.cases'::regclass,
	                  'aibiz.risk_categories'::regclass)
	    AND a.privilege_type = 'TRUNCATE' AND a.grantee <> c.relowner$$,
	'TRUNCATE of the tables with shipped rows is granted to nobody');
SELECT set_eq(
	$$SELECT tgrelid::regclass::text, tgfoid::regproc::text FROM pg_trigger
	  WHERE tgrelid IN ('aibiz.markets'::regclass, 'aibiz.cases'::regclass,
	                    'aibiz.risk_categories'::regclass) AND NOT tgisinternal$$,
	$$VALUES ('aibiz.markets', 'aibiz.guard_shipped_rows'),
	         ('aibiz.cases', 'aibiz.guard_shipped_rows'),
	         ('aibiz.risk_categories', 'aibiz.guard_shipped_rows')$$,
	'the shipped-row guard sits on the three reference tables');

-- ---- hostile operators and functions ----
-- In schema evil (placed ahead of pg_catalog), in public and in aibiz: every
-- operator the extension's SQL uses, for every pair of integer, bigint,
-- numeric, float8 and text operands, and the functions and aggregates it
-- calls, each recording its firing.  Planted objects would also hijack the
-- test framework, so they live in a savepoint that is rolled back before the
-- results are asserted; psql variables carry the counts across.
SAVEPOINT hostile;
CREATE SCHEMA evil;
CREATE TABLE public.abz_fired (what text);
GRANT INSERT ON public.abz_fired TO PUBLIC;
DO $plant$
DECLARE
	sch text;
	op text;
	lt text;
	rt text;
	ret text;
	n int := 0;
BEGIN
	FOREACH sch IN ARRAY ARRAY['evil', 'public', 'aibiz'] LOOP
		FOREACH op IN ARRAY ARRAY['<', '>', '=', '<=', '>=', '<>', '+', '-', '*', '/', '%',
		                          '>>', '&', '||'] LOOP
			FOREACH lt IN ARRAY ARRAY['integer', 'bigint', 'numeric', 'double precision', 'text'] LOOP
				FOREACH rt IN ARRAY ARRAY['integer', 'bigint', 'numeric', 'double precision', 'text'] LOOP
					n := n + 1;
					ret := CASE WHEN op IN ('<', '>', '=', '<=', '>=', '<>') THEN 'boolean'
					            WHEN op = '||' THEN 'text' ELSE lt END;
					EXECUTE format($f$CREATE FUNCTION %I.abz_evil_%s(%s, %s) RETURNS %s
						LANGUAGE plpgsql AS $b$BEGIN
						INSERT INTO public.abz_fired VALUES (%L); RETURN NULL; END$b$$f$,
						sch, n, lt, rt, ret, format('%s.%s(%s, %s)', sch, op, lt, rt));
					EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.abz_evil_%s)',
						sch, op, lt, rt, sch, n);
				END LOOP;
			END LOOP;
		END LOOP;
		-- functions the extension calls, with exact-match signatures
		EXECUTE format($f$
			CREATE FUNCTION %1$I.abz_log(what text) RETURNS void LANGUAGE sql
				AS $b$INSERT INTO public.abz_fired VALUES (what)$b$;
			CREATE FUNCTION %1$I.round(numeric) RETURNS numeric LANGUAGE sql AS $b$SELECT %1$I.abz_log('round(numeric)'); SELECT 0::numeric$b$;
			CREATE FUNCTION %1$I.round(numeric, integer) RETURNS numeric LANGUAGE sql AS $b$SELECT %1$I.abz_log('round(numeric,int)'); SELECT 0::numeric$b$;
			CREATE FUNCTION %1$I.round(double precision) RETURNS double precision LANGUAGE sql AS $b$SELECT %1$I.abz_log('round(float8)'); SELECT 0::float8$b$;
			CREATE FUNCTION %1$I.floor(double precision) RETURNS double precision LANGUAGE sql AS $b$SELECT %1$I.abz_log('floor(float8)'); SELECT 0::float8$b$;
			CREATE FUNCTION %1$I.floor(numeric) RETURNS numeric LANGUAGE sql AS $b$SELECT %1$I.abz_log('floor(numeric)'); SELECT 0::numeric$b$;
			CREATE FUNCTION %1$I.log(double precision) RETURNS double precision LANGUAGE sql AS $b$SELECT %1$I.abz_log('log(float8)'); SELECT 0::float8$b$;
			CREATE FUNCTION %1$I.log(numeric) RETURNS numeric LANGUAGE sql AS $b$SELECT %1$I.abz_log('log(numeric)'); SELECT 0::numeric$b$;
			CREATE FUNCTION %1$I.hashint8extended(bigint, bigint) RETURNS bigint LANGUAGE sql AS $b$SELECT %1$I.abz_log('hashint8extended(bigint,bigint)'); SELECT 0::bigint$b$;
			CREATE FUNCTION %1$I.hashint8extended(integer, bigint) RETURNS bigint LANGUAGE sql AS $b$SELECT %1$I.abz_log('hashint8extended(int,bigint)'); SELECT 0::bigint$b$;
			CREATE FUNCTION %1$I.generate_series(integer, integer) RETURNS SETOF integer LANGUAGE sql AS $b$SELECT %1$I.abz_log('generate_series(int,int)'); SELECT 1$b$;
			CREATE FUNCTION %1$I.generate_series(bigint, bigint) RETURNS SETOF bigint LANGUAGE sql AS $b$SELECT %1$I.abz_log('generate_series(bigint,bigint)'); SELECT 1::bigint$b$;
			CREATE FUNCTION %1$I.format(text) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.format(text, text) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text,text)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.format(text, numeric) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text,numeric)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.format(text, numeric, numeric) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text,numeric,numeric)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.format(text, numeric, numeric, numeric) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text,numeric x3)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.format(text, text, numeric, text, text) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('format(text,text,numeric,text,text)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.concat_ws(text, text, text) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('concat_ws(text,text,text)'); SELECT ''$b$;
			CREATE FUNCTION %1$I.jsonb_typeof(jsonb) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('jsonb_typeof(jsonb)'); SELECT 'object'$b$;
			CREATE FUNCTION %1$I.now() RETURNS timestamptz LANGUAGE sql AS $b$SELECT %1$I.abz_log('now()'); SELECT 'epoch'::timestamptz$b$;
			CREATE FUNCTION %1$I.abz_cnt(bigint) RETURNS bigint LANGUAGE sql AS $b$SELECT %1$I.abz_log('count(*)'); SELECT 0::bigint$b$;
			CREATE AGGREGATE %1$I.count(*) (SFUNC = %1$I.abz_cnt, STYPE = bigint);
			CREATE FUNCTION %1$I.abz_sagg(text, text, text) RETURNS text LANGUAGE sql AS $b$SELECT %1$I.abz_log('string_agg(text,text)'); SELECT ''$b$;
			CREATE AGGREGATE %1$I.string_agg(text, text) (SFUNC = %1$I.abz_sagg, STYPE = text);
			CREATE FUNCTION %1$I.abz_aagg(integer[], integer) RETURNS integer[] LANGUAGE sql AS $b$SELECT %1$I.abz_log('array_agg(integer)'); SELECT '{}'::integer[]$b$;
			CREATE AGGREGATE %1$I.array_agg(integer) (SFUNC = %1$I.abz_aagg, STYPE = integer[]);
			$f$, sch);
	END LOOP;
END
$plant$;

-- the planted objects do fire for code that resolves names the way the
-- extension's functions did before they pinned search_path
SET LOCAL search_path = evil, pg_catalog, public, aibiz;
CREATE FUNCTION pg_temp.naive_market(a float8) RETURNS boolean LANGUAGE plpgsql
	AS $$BEGIN RETURN a >= 0 AND a < 'Infinity'; END$$;
SELECT pg_temp.naive_market(1);
SELECT format('%s', 1.5::numeric);
SELECT pg_catalog.count(*) AS abz_probe_fired FROM public.abz_fired \gset
TRUNCATE public.abz_fired;

-- every SQL and PL/pgSQL function of the extension, and every constraint and
-- default of its tables, with the hostile objects in place
SELECT (aibiz.market(12000, 0.15, 0.02, 0.35, 0.06)).accounts;
DO $$
BEGIN
	PERFORM aibiz.market(-1, 0.1, 0.02, 0.3, 0.05);
EXCEPTION WHEN invalid_parameter_value THEN
	NULL;
END
$$;
DO $$
BEGIN
	PERFORM aibiz.sample_companies(-1, 0);
EXCEPTION WHEN invalid_parameter_value THEN
	NULL;
END
$$;
SELECT pg_catalog.count(*) FROM aibiz.sample_companies(60, 3);
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('x', 'x', 'x.hostile', 1000, 0.1, 0.02, 0.3, 0.05);
INSERT INTO aibiz.cases (name, company, tech_leadership, business_model, market_performance, ecosystem)
VALUES ('x', 'x', 5, 5, 5, 5);
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
SELECT name, market_id, revenue, plan FROM aibiz.sample_companies(12, 5);
SELECT pg_catalog.count(*) AS abz_ext_fired FROM public.abz_fired \gset
SELECT coalesce(pg_catalog.string_agg(DISTINCT what, ', '), 'nothing') AS abz_ext_what
FROM public.abz_fired \gset
ROLLBACK TO SAVEPOINT hostile;
RESET search_path;

SELECT cmp_ok(:abz_probe_fired::int, '>=', 2,
	'planted operators and functions fire for code without a pinned search_path');
SELECT is(:abz_ext_fired::int, 0,
	'no planted operator or function fires inside the extension''s functions, constraints or defaults (fired: '
	|| :'abz_ext_what' || ')');

-- ---- CREATE EXTENSION and a schema aibiz that was there before ----
-- Objects planted in the prepared schema raise, so a refusal that came from
-- them (not from the guard) shows as the wrong SQLSTATE.  (No savepoint
-- here: rolling one back would also forget pgTAP's record of these tests;
-- the final ROLLBACK undoes it all.)
DROP EXTENSION aibiz;
DROP SCHEMA aibiz;
CREATE ROLE abz_mallory;
CREATE ROLE abz_installer;
DO $$
BEGIN
	EXECUTE format('GRANT CREATE ON DATABASE %I TO abz_mallory, abz_installer', current_database());
END
$$;
-- run cmd as role r (pgTAP itself keeps running as the session user)
CREATE FUNCTION pg_temp.as_role(r text, cmd text) RETURNS void LANGUAGE plpgsql AS $p$
BEGIN
	EXECUTE format('SET LOCAL ROLE %I', r);
	EXECUTE cmd;
	RESET ROLE;
END
$p$;
CREATE FUNCTION pg_temp.plant(sch text) RETURNS void LANGUAGE plpgsql AS $p$
BEGIN
	EXECUTE format($f$
		CREATE FUNCTION %1$I.boom(float8, integer) RETURNS boolean LANGUAGE plpgsql
			AS $b$BEGIN RAISE EXCEPTION 'hostile operator fired' USING ERRCODE = 'XX999'; END$b$;
		CREATE OPERATOR %1$I.>= (LEFTARG = float8, RIGHTARG = integer, FUNCTION = %1$I.boom);
		CREATE OPERATOR %1$I.> (LEFTARG = float8, RIGHTARG = integer, FUNCTION = %1$I.boom);
		CREATE OPERATOR %1$I.< (LEFTARG = float8, RIGHTARG = integer, FUNCTION = %1$I.boom);
		$f$, sch);
END
$p$;

-- owned by the installer but holding operators: 42P06, nothing fires
CREATE SCHEMA aibiz;
SELECT pg_temp.plant('aibiz');
SELECT throws_ok('CREATE EXTENSION aibiz', '42P06', NULL,
	'CREATE EXTENSION refuses a schema aibiz that holds objects');
DROP SCHEMA aibiz CASCADE;

-- created by another role, with operators in it: a trusted install by a
-- non-superuser database owner refuses it
CREATE SCHEMA aibiz AUTHORIZATION abz_mallory;
SELECT pg_temp.plant('aibiz');
SELECT throws_ok($$SELECT pg_temp.as_role('abz_installer', 'CREATE EXTENSION aibiz')$$, '42501', NULL,
	'a trusted CREATE EXTENSION refuses a schema aibiz another role created');
-- the same schema emptied: still refused, its owner is not the installer
DROP FUNCTION aibiz.boom(float8, integer) CASCADE;
SELECT throws_ok($$SELECT pg_temp.as_role('abz_installer', 'CREATE EXTENSION aibiz')$$, '42501', NULL,
	'an empty schema aibiz owned by another role is refused too');
-- a superuser may install into it, as pg_restore does for a database whose
-- extension a non-superuser installed; the schema keeps its owner
SELECT lives_ok('CREATE EXTENSION aibiz',
	'a superuser installs into an empty schema aibiz another role owns (a restore)');
SELECT is((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'aibiz'),
	'abz_mallory', 'the restored schema keeps the owner the dump gave it');
DROP EXTENSION aibiz;
-- but not once that role has put something in it
SELECT pg_temp.plant('aibiz');
SELECT throws_ok('CREATE EXTENSION aibiz', '42P06', NULL,
	'a superuser install still refuses another role''s schema that holds objects');
DROP SCHEMA aibiz CASCADE;

-- owned by the installer, empty, but open to another role's objects
CREATE SCHEMA aibiz;
GRANT CREATE ON SCHEMA aibiz TO abz_mallory;
SELECT throws_ok('CREATE EXTENSION aibiz', '42501', NULL,
	'CREATE EXTENSION refuses a schema aibiz where other roles may create objects');
DROP SCHEMA aibiz;

-- default privileges in the schema count as objects
CREATE SCHEMA aibiz;
ALTER DEFAULT PRIVILEGES IN SCHEMA aibiz GRANT ALL ON TABLES TO abz_mallory;
SELECT throws_ok('CREATE EXTENSION aibiz', '42P06', NULL,
	'CREATE EXTENSION refuses a schema aibiz with default privileges');
ALTER DEFAULT PRIVILEGES IN SCHEMA aibiz REVOKE ALL ON TABLES FROM abz_mallory;
DROP SCHEMA aibiz;

-- an empty schema of the installer's own is accepted, as is none at all
CREATE SCHEMA aibiz;
SELECT lives_ok('CREATE EXTENSION aibiz',
	'CREATE EXTENSION accepts an empty schema aibiz of the installer');
DROP EXTENSION aibiz;
DROP SCHEMA aibiz;
SELECT lives_ok($$SELECT pg_temp.as_role('abz_installer', 'CREATE EXTENSION aibiz')$$,
	'a trusted CREATE EXTENSION by a non-superuser creates the schema and installs');
SELECT is((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'aibiz'),
	'abz_installer', 'the schema CREATE EXTENSION creates belongs to the installing user');
SELECT is((SELECT relowner FROM pg_class WHERE oid = 'aibiz.markets'::regclass),
	'10'::oid, 'the extension''s tables belong to the bootstrap superuser');
-- the installer may not change shipped rows, nor truncate the reference tables
SELECT throws_ok($$SELECT pg_temp.as_role('abz_installer',
	'UPDATE aibiz.markets SET builtin = false WHERE id = 3')$$, '42501', NULL,
	'the installer cannot relabel a shipped market as its own');
SELECT throws_ok($$SELECT pg_temp.as_role('abz_installer', 'TRUNCATE aibiz.markets')$$,
	'42501', NULL, 'the installer cannot truncate the markets');
SELECT lives_ok($$SELECT pg_temp.as_role('abz_installer',
	$i$INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
	VALUES ('x', 'x', 'x.mine', 1000, 0.1, 0.02, 0.3, 0.05)$i$)$$,
	'the installer adds its own markets');

SELECT * FROM finish();
ROLLBACK;
