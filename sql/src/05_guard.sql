
-- ---------------------------------------------------------------------------
-- 05_guard.sql — refuse to install into a schema someone prepared.
--
-- CREATE EXTENSION creates schema aibiz as the installing user when it does
-- not exist, and otherwise installs into the existing one.  The rest of this
-- script runs as the bootstrap superuser in a trusted install, so a schema
-- prepared by another role, or holding objects (an operator, a function, a
-- type, default privileges ...), could make it run foreign code.  Accepted is
-- only a schema that holds nothing but this extension, in which no role but
-- its owner may create objects, and that is owned by the installing user
-- (or, when a superuser installs, by any role: a restore of a dump).  Every name and
-- operator below is qualified with pg_catalog, so nothing planted in the
-- schema can take part in the check.
-- ---------------------------------------------------------------------------
DO $guard$
DECLARE
	ext pg_catalog.oid;
	ext_owner pg_catalog.oid;
	nsp pg_catalog.oid;
	nsp_owner pg_catalog.oid;
	held pg_catalog.text;
BEGIN
	SELECT x.oid, x.extowner, x.extnamespace INTO ext, ext_owner, nsp
	FROM pg_catalog.pg_extension x
	WHERE x.extname OPERATOR(pg_catalog.=) 'aibiz'::pg_catalog.name;
	SELECT n.nspowner INTO nsp_owner
	FROM pg_catalog.pg_namespace n
	WHERE n.oid OPERATOR(pg_catalog.=) nsp;

	-- A superuser may install into an empty schema another role owns: that is
	-- what pg_restore does for a database whose extension a non-superuser
	-- installed (the dump creates the schema and gives it to that role first).
	IF nsp_owner OPERATOR(pg_catalog.<>) ext_owner
	   AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r
				WHERE r.oid OPERATOR(pg_catalog.=) ext_owner) THEN
		RAISE EXCEPTION USING
			ERRCODE = 'insufficient_privilege',
			MESSAGE = pg_catalog.format(
				'schema %s is owned by role %s, not by role %s who is installing extension aibiz',
				nsp::pg_catalog.regnamespace, nsp_owner::pg_catalog.regrole,
				ext_owner::pg_catalog.regrole),
			HINT = 'Drop the schema, or have its owner check it, empty it and hand it over (ALTER SCHEMA ... OWNER TO), then run CREATE EXTENSION again.';
	END IF;

	SELECT pg_catalog.string_agg(a.grantee::pg_catalog.regrole::pg_catalog.text, ', ')
	INTO held
	FROM pg_catalog.pg_namespace n,
		 pg_catalog.aclexplode(n.nspacl) a
	WHERE n.oid OPERATOR(pg_catalog.=) nsp
	  AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'::pg_catalog.text
	  AND a.grantee OPERATOR(pg_catalog.<>) n.nspowner;
	IF held IS NOT NULL THEN
		RAISE EXCEPTION USING
			ERRCODE = 'insufficient_privilege',
			MESSAGE = pg_catalog.format(
				'schema %s grants CREATE to other roles (%s) and cannot hold extension aibiz',
				nsp::pg_catalog.regnamespace, held),
			HINT = 'Revoke CREATE on the schema from every role but its owner, or drop the schema, then run CREATE EXTENSION again.';
	END IF;

	SELECT pg_catalog.string_agg(
			   pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid),
			   '; ' ORDER BY pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid))
	INTO held
	FROM pg_catalog.pg_depend d
	WHERE d.refclassid OPERATOR(pg_catalog.=)
			  'pg_catalog.pg_namespace'::pg_catalog.regclass::pg_catalog.oid
	  AND d.refobjid OPERATOR(pg_catalog.=) nsp
	  AND NOT (d.classid OPERATOR(pg_catalog.=)
				   'pg_catalog.pg_extension'::pg_catalog.regclass::pg_catalog.oid
			   AND d.objid OPERATOR(pg_catalog.=) ext);
	IF held IS NULL AND EXISTS (
		SELECT FROM pg_catalog.pg_default_acl a
		WHERE a.defaclnamespace OPERATOR(pg_catalog.=) nsp) THEN
		held := 'default privileges';
	END IF;
	IF held IS NOT NULL THEN
		RAISE EXCEPTION USING
			ERRCODE = 'duplicate_schema',
			MESSAGE = pg_catalog.format(
				'schema %s already exists and holds objects extension aibiz did not create',
				nsp::pg_catalog.regnamespace),
			DETAIL = pg_catalog.format('Found: %s.', held),
			HINT = 'Extension aibiz installs only into a new or empty schema aibiz: move or drop those objects, or drop the schema, then run CREATE EXTENSION again.';
	END IF;
END
$guard$;
