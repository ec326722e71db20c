-- Catalog-driven contract checks that hold for every object the extension
-- has or will have: comments, security, volatility, parallel safety, keys,
-- aggregates fit for parallel and sharded use, binary I/O of base types.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS aibiz;

SELECT plan(12);

-- the extension's member objects (pg_depend deptype 'e')
CREATE TEMP VIEW abz_members AS
SELECT d.classid, d.objid,
       pg_describe_object(d.classid, d.objid, 0) AS what
FROM pg_depend d
JOIN pg_extension x ON x.oid = d.refobjid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND x.extname = 'aibiz';

-- functions and aggregates of the extension
CREATE TEMP VIEW abz_procs AS
SELECT p.oid::regprocedure::text AS sig, p.*
FROM pg_proc p
JOIN abz_members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid;

-- Functions allowed to be VOLATILE, with the reason.
CREATE TEMP TABLE abz_volatile_ok (sig text PRIMARY KEY, reason text NOT NULL);
INSERT INTO abz_volatile_ok VALUES
  ('aibiz.guard_shipped_rows()', 'trigger function: decides about the row being written');

-- C functions allowed to be PARALLEL RESTRICTED, with the reason.
CREATE TEMP TABLE abz_restricted_ok (sig text PRIMARY KEY, reason text NOT NULL);
INSERT INTO abz_restricted_ok VALUES
  ('aibiz.guard_shipped_rows()', 'reads whether an extension script runs, backend-local state');

SELECT isnt_empty(
	'SELECT 1 FROM abz_procs',
	'the extension has functions');

SELECT is_empty(
	$$SELECT m.what FROM abz_members m
	  WHERE m.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass)
	    AND obj_description(m.objid, m.classid::regclass::name) IS NULL
	  UNION ALL
	  SELECT m.what FROM abz_members m JOIN pg_class c ON c.oid = m.objid
	  WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
	    AND obj_description(m.objid, 'pg_class') IS NULL
	  ORDER BY 1$$,
	'every function, aggregate, type, operator, table and view has a COMMENT');

SELECT is_empty(
	$$SELECT m.what FROM abz_members m
	  LEFT JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	  LEFT JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	  LEFT JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	  LEFT JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	  WHERE coalesce(p.pronamespace, t.typnamespace, c.relnamespace, o.oprnamespace)
	        <> 'aibiz'::regnamespace
	  ORDER BY 1$$,
	'every function, type, relation and operator lives in schema aibiz');

SELECT is_empty(
	'SELECT sig FROM abz_procs WHERE prosecdef ORDER BY 1',
	'no function is SECURITY DEFINER');

SELECT is_empty(
	$$SELECT sig FROM abz_procs
	  WHERE provolatile = 'v' AND sig NOT IN (SELECT sig FROM abz_volatile_ok)
	  ORDER BY 1$$,
	'no function is VOLATILE unless allow-listed');

SELECT is_empty(
	$$SELECT sig || ' is ' || CASE proparallel WHEN 'u' THEN 'PARALLEL UNSAFE' ELSE 'PARALLEL RESTRICTED' END
	  FROM abz_procs
	  WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	    AND (proparallel = 'u'
	         OR (proparallel = 'r' AND sig NOT IN (SELECT sig FROM abz_restricted_ok)))
	  ORDER BY 1$$,
	'every C function is PARALLEL SAFE, or RESTRICTED with a listed reason');

SELECT is_empty(
	$$SELECT c.oid::regclass::text FROM abz_members m JOIN pg_class c ON c.oid = m.objid
	  WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p')
	    AND NOT EXISTS (SELECT 1 FROM pg_constraint k
	                    WHERE k.conrelid = c.oid AND k.contype = 'p')
	  ORDER BY 1$$,
	'every table has a primary key');

SELECT is_empty(
	$$SELECT p.sig FROM abz_procs p JOIN pg_aggregate a ON a.aggfnoid = p.oid
	  WHERE p.prokind = 'a' AND a.aggkind = 'n'
	    AND (a.aggcombinefn = 0 OR p.proparallel <> 's')
	  ORDER BY 1$$,
	'every plain aggregate has a combine function and is PARALLEL SAFE');

SELECT is_empty(
	$$SELECT p.sig FROM abz_procs p JOIN pg_aggregate a ON a.aggfnoid = p.oid
	  WHERE a.aggtranstype = 'internal'::regtype
	  ORDER BY 1$$,
	'no aggregate keeps its state in internal');

SELECT is_empty(
	$$SELECT t.oid::regtype::text FROM abz_members m JOIN pg_type t ON t.oid = m.objid
	  WHERE m.classid = 'pg_type'::regclass AND t.typtype = 'b'
	    AND (t.typreceive = 0 OR t.typsend = 0)
	  ORDER BY 1$$,
	'every base type has binary send and receive');

SELECT is_empty(
	$$SELECT sig FROM abz_procs
	  WHERE prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
	    AND probin IS DISTINCT FROM '$libdir/aibiz'
	  ORDER BY 1$$,
	'every C function comes from the aibiz module');

SELECT is_empty(
	$$SELECT sig FROM abz_procs
	  WHERE prolang NOT IN (SELECT oid FROM pg_language
	                        WHERE lanname IN ('c', 'internal', 'sql', 'plpgsql'))
	  ORDER BY 1$$,
	'functions are written in C, SQL or PL/pgSQL only');

SELECT * FROM finish();
ROLLBACK;
