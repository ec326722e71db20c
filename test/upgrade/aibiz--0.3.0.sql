-- aibiz 0.3.0: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit

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
-- 10_types.sql — the three input types revenue_model, risk_profile and plan:
-- text and binary I/O, equality and hashing, the jsonb cast, the terms() row view.

-- ---- revenue_model ----

CREATE TYPE @extschema@.revenue_model;

CREATE FUNCTION @extschema@.revenue_model_in(cstring) RETURNS @extschema@.revenue_model
    AS 'MODULE_PATHNAME', 'abz_revenue_model_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue_model_out(@extschema@.revenue_model) RETURNS cstring
    AS 'MODULE_PATHNAME', 'abz_spec_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue_model_recv(internal) RETURNS @extschema@.revenue_model
    AS 'MODULE_PATHNAME', 'abz_revenue_model_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue_model_send(@extschema@.revenue_model) RETURNS bytea
    AS 'MODULE_PATHNAME', 'abz_spec_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.revenue_model (
    INPUT = @extschema@.revenue_model_in,
    OUTPUT = @extschema@.revenue_model_out,
    RECEIVE = @extschema@.revenue_model_recv,
    SEND = @extschema@.revenue_model_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);

CREATE FUNCTION @extschema@.revenue_model_eq(@extschema@.revenue_model, @extschema@.revenue_model) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.revenue_model_ne(@extschema@.revenue_model, @extschema@.revenue_model) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.revenue_model_hash(@extschema@.revenue_model) RETURNS integer
    AS 'MODULE_PATHNAME', 'abz_spec_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue_model_hash_extended(@extschema@.revenue_model, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'abz_spec_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.revenue_model, RIGHTARG = @extschema@.revenue_model,
    FUNCTION = @extschema@.revenue_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.revenue_model, RIGHTARG = @extschema@.revenue_model,
    FUNCTION = @extschema@.revenue_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);

CREATE OPERATOR CLASS @extschema@.revenue_model_hash_ops
    DEFAULT FOR TYPE @extschema@.revenue_model USING hash AS
    OPERATOR 1 @extschema@.= (@extschema@.revenue_model, @extschema@.revenue_model),
    FUNCTION 1 @extschema@.revenue_model_hash(@extschema@.revenue_model),
    FUNCTION 2 @extschema@.revenue_model_hash_extended(@extschema@.revenue_model, bigint);

CREATE FUNCTION @extschema@.jsonb(@extschema@.revenue_model) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'abz_spec_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (@extschema@.revenue_model AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.revenue_model);

CREATE FUNCTION @extschema@.terms(x @extschema@.revenue_model)
    RETURNS TABLE (ord integer, term text, key text, dist text,
                   value double precision, p1 double precision,
                   p2 double precision, p3 double precision)
    AS 'MODULE_PATHNAME', 'abz_spec_terms' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 20;

COMMENT ON TYPE @extschema@.revenue_model IS 'aibiz revenue model: how an account is monetised — subscription, usage, advertising and licensing terms; text form: term(key=value, ...) + ...';
COMMENT ON FUNCTION @extschema@.revenue_model_in(cstring) IS 'text input of aibiz.revenue_model: parses, fills defaults, validates';
COMMENT ON FUNCTION @extschema@.revenue_model_out(@extschema@.revenue_model) IS 'canonical text output of aibiz.revenue_model';
COMMENT ON FUNCTION @extschema@.revenue_model_recv(internal) IS 'binary input of aibiz.revenue_model, validated as strictly as text input';
COMMENT ON FUNCTION @extschema@.revenue_model_send(@extschema@.revenue_model) IS 'binary output of aibiz.revenue_model (format version 1)';
COMMENT ON FUNCTION @extschema@.revenue_model_eq(@extschema@.revenue_model, @extschema@.revenue_model) IS 'true if two aibiz.revenue_model values are the same canonical value';
COMMENT ON FUNCTION @extschema@.revenue_model_ne(@extschema@.revenue_model, @extschema@.revenue_model) IS 'true if two aibiz.revenue_model values differ';
COMMENT ON FUNCTION @extschema@.revenue_model_hash(@extschema@.revenue_model) IS 'hash of an aibiz.revenue_model value, consistent with =';
COMMENT ON FUNCTION @extschema@.revenue_model_hash_extended(@extschema@.revenue_model, bigint) IS 'seeded 64-bit hash of an aibiz.revenue_model value, consistent with =';
COMMENT ON OPERATOR @extschema@.= (@extschema@.revenue_model, @extschema@.revenue_model) IS 'same canonical aibiz.revenue_model value';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.revenue_model, @extschema@.revenue_model) IS 'different aibiz.revenue_model values';
COMMENT ON OPERATOR CLASS @extschema@.revenue_model_hash_ops USING hash IS 'hash equality of aibiz.revenue_model, for DISTINCT, GROUP BY and hash joins';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.revenue_model) IS 'aibiz.revenue_model as a jsonb array of term objects, every key with its value, defaults included';
COMMENT ON CAST (@extschema@.revenue_model AS jsonb) IS 'aibiz.revenue_model as a jsonb array of term objects';
COMMENT ON FUNCTION @extschema@.terms(@extschema@.revenue_model) IS 'row view of an aibiz.revenue_model: one row per key of every term (value = constant or mean, p1..p3 = distribution parameters)';

-- ---- risk_profile ----

CREATE TYPE @extschema@.risk_profile;

CREATE FUNCTION @extschema@.risk_profile_in(cstring) RETURNS @extschema@.risk_profile
    AS 'MODULE_PATHNAME', 'abz_risk_profile_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_profile_out(@extschema@.risk_profile) RETURNS cstring
    AS 'MODULE_PATHNAME', 'abz_spec_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_profile_recv(internal) RETURNS @extschema@.risk_profile
    AS 'MODULE_PATHNAME', 'abz_risk_profile_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_profile_send(@extschema@.risk_profile) RETURNS bytea
    AS 'MODULE_PATHNAME', 'abz_spec_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.risk_profile (
    INPUT = @extschema@.risk_profile_in,
    OUTPUT = @extschema@.risk_profile_out,
    RECEIVE = @extschema@.risk_profile_recv,
    SEND = @extschema@.risk_profile_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);

CREATE FUNCTION @extschema@.risk_profile_eq(@extschema@.risk_profile, @extschema@.risk_profile) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_profile_ne(@extschema@.risk_profile, @extschema@.risk_profile) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.risk_profile_hash(@extschema@.risk_profile) RETURNS integer
    AS 'MODULE_PATHNAME', 'abz_spec_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.risk_profile_hash_extended(@extschema@.risk_profile, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'abz_spec_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.risk_profile, RIGHTARG = @extschema@.risk_profile,
    FUNCTION = @extschema@.risk_profile_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.risk_profile, RIGHTARG = @extschema@.risk_profile,
    FUNCTION = @extschema@.risk_profile_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);

CREATE OPERATOR CLASS @extschema@.risk_profile_hash_ops
    DEFAULT FOR TYPE @extschema@.risk_profile USING hash AS
    OPERATOR 1 @extschema@.= (@extschema@.risk_profile, @extschema@.risk_profile),
    FUNCTION 1 @extschema@.risk_profile_hash(@extschema@.risk_profile),
    FUNCTION 2 @extschema@.risk_profile_hash_extended(@extschema@.risk_profile, bigint);

CREATE FUNCTION @extschema@.jsonb(@extschema@.risk_profile) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'abz_spec_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (@extschema@.risk_profile AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.risk_profile);

CREATE FUNCTION @extschema@.terms(x @extschema@.risk_profile)
    RETURNS TABLE (ord integer, term text, key text, dist text,
                   value double precision, p1 double precision,
                   p2 double precision, p3 double precision)
    AS 'MODULE_PATHNAME', 'abz_spec_terms' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 20;

COMMENT ON TYPE @extschema@.risk_profile IS 'aibiz risk profile: the risk register, one term per risk with its frequency, impacts and strategy; text form: term(key=value, ...) + ...';
COMMENT ON FUNCTION @extschema@.risk_profile_in(cstring) IS 'text input of aibiz.risk_profile: parses, fills defaults, validates';
COMMENT ON FUNCTION @extschema@.risk_profile_out(@extschema@.risk_profile) IS 'canonical text output of aibiz.risk_profile';
COMMENT ON FUNCTION @extschema@.risk_profile_recv(internal) IS 'binary input of aibiz.risk_profile, validated as strictly as text input';
COMMENT ON FUNCTION @extschema@.risk_profile_send(@extschema@.risk_profile) IS 'binary output of aibiz.risk_profile (format version 1)';
COMMENT ON FUNCTION @extschema@.risk_profile_eq(@extschema@.risk_profile, @extschema@.risk_profile) IS 'true if two aibiz.risk_profile values are the same canonical value';
COMMENT ON FUNCTION @extschema@.risk_profile_ne(@extschema@.risk_profile, @extschema@.risk_profile) IS 'true if two aibiz.risk_profile values differ';
COMMENT ON FUNCTION @extschema@.risk_profile_hash(@extschema@.risk_profile) IS 'hash of an aibiz.risk_profile value, consistent with =';
COMMENT ON FUNCTION @extschema@.risk_profile_hash_extended(@extschema@.risk_profile, bigint) IS 'seeded 64-bit hash of an aibiz.risk_profile value, consistent with =';
COMMENT ON OPERATOR @extschema@.= (@extschema@.risk_profile, @extschema@.risk_profile) IS 'same canonical aibiz.risk_profile value';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.risk_profile, @extschema@.risk_profile) IS 'different aibiz.risk_profile values';
COMMENT ON OPERATOR CLASS @extschema@.risk_profile_hash_ops USING hash IS 'hash equality of aibiz.risk_profile, for DISTINCT, GROUP BY and hash joins';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.risk_profile) IS 'aibiz.risk_profile as a jsonb array of term objects, every key with its value, defaults included';
COMMENT ON CAST (@extschema@.risk_profile AS jsonb) IS 'aibiz.risk_profile as a jsonb array of term objects';
COMMENT ON FUNCTION @extschema@.terms(@extschema@.risk_profile) IS 'row view of an aibiz.risk_profile: one row per key of every term (value = constant or mean, p1..p3 = distribution parameters)';

-- ---- plan ----

CREATE TYPE @extschema@.plan;

CREATE FUNCTION @extschema@.plan_in(cstring) RETURNS @extschema@.plan
    AS 'MODULE_PATHNAME', 'abz_plan_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plan_out(@extschema@.plan) RETURNS cstring
    AS 'MODULE_PATHNAME', 'abz_spec_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plan_recv(internal) RETURNS @extschema@.plan
    AS 'MODULE_PATHNAME', 'abz_plan_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plan_send(@extschema@.plan) RETURNS bytea
    AS 'MODULE_PATHNAME', 'abz_spec_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.plan (
    INPUT = @extschema@.plan_in,
    OUTPUT = @extschema@.plan_out,
    RECEIVE = @extschema@.plan_recv,
    SEND = @extschema@.plan_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);

CREATE FUNCTION @extschema@.plan_eq(@extschema@.plan, @extschema@.plan) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.plan_ne(@extschema@.plan, @extschema@.plan) RETURNS boolean
    AS 'MODULE_PATHNAME', 'abz_spec_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.plan_hash(@extschema@.plan) RETURNS integer
    AS 'MODULE_PATHNAME', 'abz_spec_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.plan_hash_extended(@extschema@.plan, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'abz_spec_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.plan, RIGHTARG = @extschema@.plan,
    FUNCTION = @extschema@.plan_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.plan, RIGHTARG = @extschema@.plan,
    FUNCTION = @extschema@.plan_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);

CREATE OPERATOR CLASS @extschema@.plan_hash_ops
    DEFAULT FOR TYPE @extschema@.plan USING hash AS
    OPERATOR 1 @extschema@.= (@extschema@.plan, @extschema@.plan),
    FUNCTION 1 @extschema@.plan_hash(@extschema@.plan),
    FUNCTION 2 @extschema@.plan_hash_extended(@extschema@.plan, bigint);

CREATE FUNCTION @extschema@.jsonb(@extschema@.plan) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'abz_spec_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (@extschema@.plan AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.plan);

CREATE FUNCTION @extschema@.terms(x @extschema@.plan)
    RETURNS TABLE (ord integer, term text, key text, dist text,
                   value double precision, p1 double precision,
                   p2 double precision, p3 double precision)
    AS 'MODULE_PATHNAME', 'abz_spec_terms' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 20;

COMMENT ON TYPE @extschema@.plan IS 'aibiz operating plan: cash, team, product, marketing, market entry, training, funding rounds and valuation; text form: term(key=value, ...) + ...';
COMMENT ON FUNCTION @extschema@.plan_in(cstring) IS 'text input of aibiz.plan: parses, fills defaults, validates';
COMMENT ON FUNCTION @extschema@.plan_out(@extschema@.plan) IS 'canonical text output of aibiz.plan';
COMMENT ON FUNCTION @extschema@.plan_recv(internal) IS 'binary input of aibiz.plan, validated as strictly as text input';
COMMENT ON FUNCTION @extschema@.plan_send(@extschema@.plan) IS 'binary output of aibiz.plan (format version 1)';
COMMENT ON FUNCTION @extschema@.plan_eq(@extschema@.plan, @extschema@.plan) IS 'true if two aibiz.plan values are the same canonical value';
COMMENT ON FUNCTION @extschema@.plan_ne(@extschema@.plan, @extschema@.plan) IS 'true if two aibiz.plan values differ';
COMMENT ON FUNCTION @extschema@.plan_hash(@extschema@.plan) IS 'hash of an aibiz.plan value, consistent with =';
COMMENT ON FUNCTION @extschema@.plan_hash_extended(@extschema@.plan, bigint) IS 'seeded 64-bit hash of an aibiz.plan value, consistent with =';
COMMENT ON OPERATOR @extschema@.= (@extschema@.plan, @extschema@.plan) IS 'same canonical aibiz.plan value';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.plan, @extschema@.plan) IS 'different aibiz.plan values';
COMMENT ON OPERATOR CLASS @extschema@.plan_hash_ops USING hash IS 'hash equality of aibiz.plan, for DISTINCT, GROUP BY and hash joins';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.plan) IS 'aibiz.plan as a jsonb array of term objects, every key with its value, defaults included';
COMMENT ON CAST (@extschema@.plan AS jsonb) IS 'aibiz.plan as a jsonb array of term objects';
COMMENT ON FUNCTION @extschema@.terms(@extschema@.plan) IS 'row view of an aibiz.plan: one row per key of every term (value = constant or mean, p1..p3 = distribution parameters)';

-- ---------------------------------------------------------------------------
-- 20_schema.sql — the tables shipped by the extension: application
-- markets, the risk catalogue, the case studies and the user's companies,
-- with the study's data, plus the market() constructor.
--
-- Shipped numbers are illustrative defaults, not measurements.  Rows shipped
-- here carry builtin = true; pg_dump keeps every row a user adds (builtin =
-- false) and leaves the shipped rows to CREATE EXTENSION.  So that no user
-- row can break a restore, shipped rows are read-only outside the
-- extension's scripts (trigger guard_shipped_rows), ids 1..1000 are reserved
-- for them, and companies.market_id is a soft reference (a foreign key into
-- a configuration table is created before the data is restored and fails a
-- parallel restore).  Operators in constraints are pg_catalog-qualified and
-- literals exactly typed (docs/security.md).
-- ---------------------------------------------------------------------------

-- Keeps the shipped rows of the reference tables read-only outside the
-- extension's own scripts (argument: the boolean column that marks a shipped
-- row; without one every row is shipped).
CREATE FUNCTION @extschema@.guard_shipped_rows() RETURNS trigger
AS 'MODULE_PATHNAME', 'abz_guard_shipped_rows'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.guard_shipped_rows() IS
	'trigger: refuses UPDATE and DELETE of shipped rows, and INSERT or UPDATE of a row marked as shipped, outside the extension''s own scripts';

-- Application markets: a market is the five numbers of the adoption model.
CREATE TABLE @extschema@.markets (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1001) PRIMARY KEY,
	sector text NOT NULL,
	use_case text NOT NULL,
	name text NOT NULL UNIQUE,
	accounts float8 NOT NULL
		CHECK (accounts OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		       AND accounts OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	adoption float8 NOT NULL
		CHECK (adoption OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		       AND adoption OPERATOR(pg_catalog.<) '1'::pg_catalog.float8),
	bass_p float8 NOT NULL
		CHECK (bass_p OPERATOR(pg_catalog.>) '0'::pg_catalog.float8
		       AND bass_p OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	bass_q float8 NOT NULL
		CHECK (bass_q OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		       AND bass_q OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	growth float8 NOT NULL
		CHECK (growth OPERATOR(pg_catalog.>) '-1'::pg_catalog.float8
		       AND growth OPERATOR(pg_catalog.<) 'Infinity'::pg_catalog.float8),
	regulatory_intensity float8 NOT NULL DEFAULT '0.5'::pg_catalog.float8
		CHECK (regulatory_intensity OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		       AND regulatory_intensity OPERATOR(pg_catalog.<=) '1'::pg_catalog.float8),
	data_sensitivity float8 NOT NULL DEFAULT '0.5'::pg_catalog.float8
		CHECK (data_sensitivity OPERATOR(pg_catalog.>=) '0'::pg_catalog.float8
		       AND data_sensitivity OPERATOR(pg_catalog.<=) '1'::pg_catalog.float8),
	description text,
	builtin boolean NOT NULL DEFAULT false,
	-- shipped rows use ids 1..1000, the user's rows ids above 1000
	CONSTRAINT markets_id_range CHECK (id OPERATOR(pg_catalog.>=) 1
		AND (id OPERATOR(pg_catalog.<=) 1000) OPERATOR(pg_catalog.=) builtin)
);

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.markets
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows('builtin');

COMMENT ON TABLE @extschema@.markets IS
	'application markets of AI businesses: addressable accounts and Bass adoption; the shipped rows are the study''s 12 scenarios with illustrative numbers';
COMMENT ON COLUMN @extschema@.markets.id IS
	'market id: shipped rows use 1..1000 (1..12 today), your rows ids above 1000 (1001 and up when omitted)';
COMMENT ON COLUMN @extschema@.markets.sector IS
	'industry: fintech, healthcare, logistics, ecommerce, or your own';
COMMENT ON COLUMN @extschema@.markets.use_case IS
	'application scenario within the sector, in words';
COMMENT ON COLUMN @extschema@.markets.name IS
	'short unique slug, sector.use_case (e.g. fintech.credit_scoring)';
COMMENT ON COLUMN @extschema@.markets.accounts IS
	'potential business customers (accounts) at month 0, >= 0';
COMMENT ON COLUMN @extschema@.markets.adoption IS
	'share of accounts that have already adopted AI for this use at month 0, in [0, 1)';
COMMENT ON COLUMN @extschema@.markets.bass_p IS
	'Bass innovation coefficient per year, > 0';
COMMENT ON COLUMN @extschema@.markets.bass_q IS
	'Bass imitation coefficient per year, >= 0';
COMMENT ON COLUMN @extschema@.markets.growth IS
	'yearly growth of the number of accounts, > -1';
COMMENT ON COLUMN @extschema@.markets.regulatory_intensity IS
	'how heavily the use case is regulated, 0 (not at all) to 1 (licensed, audited)';
COMMENT ON COLUMN @extschema@.markets.data_sensitivity IS
	'how sensitive the data the use case needs is, 0 (public) to 1 (health, financial records)';
COMMENT ON COLUMN @extschema@.markets.description IS
	'what AI does in this market, after the study';
COMMENT ON COLUMN @extschema@.markets.builtin IS
	'true for rows shipped by the extension; pg_dump keeps only rows where it is false';

INSERT INTO @extschema@.markets
	(id, sector, use_case, name, accounts, adoption, bass_p, bass_q, growth,
	 regulatory_intensity, data_sensitivity, description, builtin)
OVERRIDING SYSTEM VALUE VALUES
(1, 'fintech', 'credit scoring', 'fintech.credit_scoring',
 12000, 0.15, 0.02, 0.35, 0.06, 0.9, 0.9,
 'Risk assessment and credit scoring: models read consumption behaviour and credit records to score borrowers and assess risk, raising the risk-management level of banks, lenders and other financial institutions.',
 true),
(2, 'fintech', 'quantitative trading', 'fintech.quant_trading',
 6000, 0.25, 0.03, 0.4, 0.05, 0.7, 0.7,
 'Quantitative trading and market forecasting: models analyse market data to predict the prices of stocks, futures and other instruments and trade on them, raising investment returns for funds and trading firms.',
 true),
(3, 'fintech', 'insurance and customer service', 'fintech.insurance_service',
 9000, 0.1, 0.02, 0.4, 0.08, 0.8, 0.8,
 'Insurance and intelligent customer service: precise pricing, intelligent underwriting and automated customer service that raise the efficiency and service quality of insurers.',
 true),
(4, 'healthcare', 'diagnosis and prediction', 'healthcare.diagnosis',
 40000, 0.06, 0.01, 0.3, 0.1, 0.95, 0.95,
 'Disease diagnosis and prediction: models analyse medical data for early diagnosis and prediction of disease, improving diagnostic accuracy and the use of medical resources in hospitals and clinics.',
 true),
(5, 'healthcare', 'drug discovery and clinical trials', 'healthcare.drug_discovery',
 3000, 0.12, 0.015, 0.3, 0.08, 0.8, 0.7,
 'Drug discovery and clinical trials: models help scientists find drug candidates and optimise clinical trial design, raising the success rate and speed of pharmaceutical research.',
 true),
(6, 'healthcare', 'health management', 'healthcare.health_management',
 60000, 0.08, 0.02, 0.45, 0.12, 0.75, 0.9,
 'Intelligent health management and decision support: models analyse personal health data for personalised health management and assisted decisions, sold to clinics, insurers, employers and digital-health providers.',
 true),
(7, 'logistics', 'warehousing and inventory', 'logistics.warehouse',
 80000, 0.1, 0.02, 0.35, 0.07, 0.2, 0.3,
 'Warehouse management and inventory optimisation: models analyse warehouse data to raise space utilisation and management efficiency for warehouse operators, 3PLs and retailers.',
 true),
(8, 'logistics', 'transport and routing', 'logistics.routing',
 150000, 0.12, 0.025, 0.4, 0.06, 0.3, 0.35,
 'Transport scheduling and route planning: models analyse transport data to optimise dispatch, raise transport efficiency and cut transport costs for carriers and fleets.',
 true),
(9, 'logistics', 'supply-chain finance', 'logistics.supply_chain_finance',
 5000, 0.08, 0.015, 0.3, 0.09, 0.8, 0.8,
 'Supply-chain finance and risk management: models analyse supply-chain data to assess and manage the risk of supply-chain finance, making it more efficient and secure for banks, factors and platforms.',
 true),
(10, 'ecommerce', 'recommendation and personalised marketing', 'ecommerce.recommendation',
 400000, 0.2, 0.03, 0.55, 0.1, 0.3, 0.6,
 'Product recommendation and personalised marketing: models analyse user behaviour and preferences to recommend products and target marketing, raising conversion and satisfaction for online merchants.',
 true),
(11, 'ecommerce', 'cart analysis and behaviour prediction', 'ecommerce.behaviour_prediction',
 250000, 0.1, 0.02, 0.5, 0.12, 0.35, 0.65,
 'Shopping-cart analysis and user behaviour prediction: models analyse cart and behaviour data to predict purchase intent and optimise the shopping experience and sales strategy.',
 true),
(12, 'ecommerce', 'transaction risk and fraud detection', 'ecommerce.fraud_detection',
 150000, 0.25, 0.03, 0.45, 0.09, 0.5, 0.8,
 'Transaction risk monitoring and fraud detection: models analyse transaction and behaviour data to monitor transaction risk and detect fraud, making trade safer and more reliable.',
 true);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.markets', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.markets_id_seq', '');

-- The risk catalogue: the eight categories the risk_profile grammar knows.
CREATE TABLE @extschema@.risk_categories (
	name text PRIMARY KEY
		CHECK (name OPERATOR(pg_catalog.=) ANY (ARRAY['technology', 'competition',
			'regulation', 'ethics', 'privacy', 'market', 'data',
			'team']::pg_catalog.text[])),
	ord integer NOT NULL UNIQUE
		CHECK (ord OPERATOR(pg_catalog.>=) 1 AND ord OPERATOR(pg_catalog.<=) 8),
	title text NOT NULL,
	description text NOT NULL,
	default_strategy text NOT NULL
		CHECK (default_strategy OPERATOR(pg_catalog.=) ANY (ARRAY['accept',
			'mitigate', 'transfer', 'avoid']::pg_catalog.text[])),
	strategy_note text NOT NULL
);

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.risk_categories
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows();

COMMENT ON TABLE @extschema@.risk_categories IS
	'the risk catalogue: the eight categories of aibiz.risk_profile, in catalogue order, with the study''s description and suggested response';
COMMENT ON COLUMN @extschema@.risk_categories.name IS
	'category, as the term name in aibiz.risk_profile';
COMMENT ON COLUMN @extschema@.risk_categories.ord IS
	'catalogue order (1..8), the order risk_profile terms print in';
COMMENT ON COLUMN @extschema@.risk_categories.title IS
	'category in words';
COMMENT ON COLUMN @extschema@.risk_categories.description IS
	'what the risk is and how it hits an AI business, after the study';
COMMENT ON COLUMN @extschema@.risk_categories.default_strategy IS
	'suggested response: accept, mitigate, transfer or avoid (the strategy term of risk_profile)';
COMMENT ON COLUMN @extschema@.risk_categories.strategy_note IS
	'what the suggested response means in practice';

INSERT INTO @extschema@.risk_categories
	(name, ord, title, description, default_strategy, strategy_note) VALUES
('technology', 1, 'technology risk',
 'Large models iterate fast: a new architecture or a stronger model can make a product fall behind and lose its edge, and the team must keep learning and updating its technology.',
 'mitigate', 'keep a research budget and retrain regularly; modelled as a monthly cost that cuts the event frequency'),
('competition', 2, 'competition',
 'More and more companies enter the field and competition intensifies; a rival or a stronger open model forces price cuts and takes share.',
 'mitigate', 'differentiate on data, vertical know-how and ecosystem; modelled as a monthly cost that cuts the event frequency'),
('regulation', 3, 'laws and regulation',
 'Governments keep refining the rules for AI; applications touch privacy, data security and intellectual property and must comply, at a cost, or face fines.',
 'mitigate', 'build compliance in from the start; modelled as a monthly cost that cuts the event frequency'),
('ethics', 4, 'ethics',
 'Applications may raise ethical problems (bias, misuse, opaque decisions) that damage trust and cost customers.',
 'avoid', 'stay out of applications that cannot meet ethical norms, giving up the revenue they would bring'),
('privacy', 5, 'data privacy and security',
 'Dependence on large amounts of data exposes leaks, abuse and misuse; in finance and health the data is sensitive and a breach means fines, remediation and lost customers.',
 'transfer', 'strict security measures plus insurance that reimburses part of each loss for a monthly premium'),
('market', 6, 'market risk',
 'Demand may develop slower than expected or shift between fields; customers delay purchases and acquisition falls short.',
 'accept', 'monitor the market and keep enough runway; nothing is paid in advance'),
('data', 7, 'data access and quality',
 'Models need large, high-quality data; losing a data source or its quality degrades the product and needs costly collection, storage and management.',
 'mitigate', 'build an own data collection, storage and management system; modelled as a monthly cost that cuts the event frequency'),
('team', 8, 'key talent',
 'Success rests on scarce technical and business talent; losing key people slows the product and raises hiring costs.',
 'mitigate', 'incentives, career paths and a culture of innovation; modelled as a monthly cost that cuts the event frequency');

-- Case studies scored on the study's criteria.
CREATE TABLE @extschema@.cases (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1001) PRIMARY KEY,
	name text NOT NULL UNIQUE,
	company text NOT NULL,
	tech_leadership numeric NOT NULL
		CHECK (tech_leadership OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		       AND tech_leadership OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	business_model numeric NOT NULL
		CHECK (business_model OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		       AND business_model OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	market_performance numeric NOT NULL
		CHECK (market_performance OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		       AND market_performance OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	ecosystem numeric NOT NULL
		CHECK (ecosystem OPERATOR(pg_catalog.>=) '0'::pg_catalog.numeric
		       AND ecosystem OPERATOR(pg_catalog.<=) '10'::pg_catalog.numeric),
	lessons text,
	builtin boolean NOT NULL DEFAULT false,
	-- the case as a company (0.2.0; after builtin, where ALTER TABLE ... ADD
	-- COLUMN puts them on an update, so both catalogs agree)
	revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market_id integer,
	-- shipped rows use ids 1..1000, the user's rows ids above 1000
	CONSTRAINT cases_id_range CHECK (id OPERATOR(pg_catalog.>=) 1
		AND (id OPERATOR(pg_catalog.<=) 1000) OPERATOR(pg_catalog.=) builtin)
);

CREATE TRIGGER guard_shipped_rows
	BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.cases
	FOR EACH ROW EXECUTE FUNCTION @extschema@.guard_shipped_rows('builtin');

COMMENT ON TABLE @extschema@.cases IS
	'case studies scored 0-10 on the study''s criteria, each optionally modelled as a company (revenue, risk, plan, market_id); the shipped rows are its three cases with illustrative scores and models';
COMMENT ON COLUMN @extschema@.cases.id IS
	'case id: shipped rows use 1..1000 (1..3 today), your rows ids above 1000 (1001 and up when omitted)';
COMMENT ON COLUMN @extschema@.cases.name IS
	'case name';
COMMENT ON COLUMN @extschema@.cases.company IS
	'company behind the case';
COMMENT ON COLUMN @extschema@.cases.tech_leadership IS
	'technical leadership, 0-10';
COMMENT ON COLUMN @extschema@.cases.business_model IS
	'strength of the business model, 0-10';
COMMENT ON COLUMN @extschema@.cases.market_performance IS
	'market performance, 0-10';
COMMENT ON COLUMN @extschema@.cases.ecosystem IS
	'ecosystem: platform, partners and developers around the product, 0-10';
COMMENT ON COLUMN @extschema@.cases.lessons IS
	'what the case teaches';
COMMENT ON COLUMN @extschema@.cases.builtin IS
	'true for rows shipped by the extension; pg_dump keeps only rows where it is false';
COMMENT ON COLUMN @extschema@.cases.revenue IS
	'the case as a company: how an account is monetised; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.risk IS
	'the case as a company: its risk register; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.plan IS
	'the case as a company: its operating plan; NULL when the case is not modelled';
COMMENT ON COLUMN @extschema@.cases.market_id IS
	'the case as a company: the aibiz.markets id it sells into, a soft reference like companies.market_id (no foreign key); NULL when the case is not modelled';

INSERT INTO @extschema@.cases
	(id, name, company, tech_leadership, business_model, market_performance,
	 ecosystem, lessons, builtin)
OVERRIDING SYSTEM VALUE VALUES
(1, 'Google BERT', 'Google', 9.5, 7.0, 8.5, 9.0,
 'Bidirectional pre-training on massive text set the state of the art across language tasks: technical innovation is the core driver. Released openly, it earns through the platform and ecosystem built around it rather than directly, so the business model scores below the technology.',
 true),
(2, 'Microsoft Azure Machine Learning', 'Microsoft', 8.0, 9.0, 8.5, 9.0,
 'A cloud platform with a full set of tools to build, train and deploy models, adopted across finance, healthcare and logistics: a platform business model with pay-as-you-go services and an open ecosystem of partners and developers turns technology into recurring revenue.',
 true),
(3, 'Amazon intelligent customer service', 'Amazon', 7.5, 8.0, 8.0, 7.5,
 'Large models answer customer enquiries and solve problems automatically, raising satisfaction while cutting labour cost: applying AI to a clear user need at scale is the foundation of commercial success.',
 true);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.cases', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cases_id_seq', '');

-- The user's companies: one revenue model, risk profile and plan each.
CREATE TABLE @extschema@.companies (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	name text NOT NULL UNIQUE,
	market_id integer NOT NULL,
	revenue @extschema@.revenue_model NOT NULL,
	risk @extschema@.risk_profile NOT NULL DEFAULT ''::@extschema@.risk_profile,
	plan @extschema@.plan NOT NULL,
	attrs jsonb NOT NULL DEFAULT '{}'::pg_catalog.jsonb
		CHECK (pg_catalog.jsonb_typeof(attrs) OPERATOR(pg_catalog.=) 'object'::pg_catalog.text),
	created_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);

CREATE INDEX ON @extschema@.companies (market_id);

COMMENT ON TABLE @extschema@.companies IS
	'the user''s companies: market, revenue model, risk profile and operating plan; empty when shipped, aibiz.sample_companies fills it';
COMMENT ON COLUMN @extschema@.companies.id IS
	'company id, generated when not given';
COMMENT ON COLUMN @extschema@.companies.name IS
	'company name, unique';
COMMENT ON COLUMN @extschema@.companies.market_id IS
	'the market it sells into: an id of aibiz.markets, a soft reference (no foreign key, so a restore may load the tables in any order); join on it to get the market';
COMMENT ON COLUMN @extschema@.companies.revenue IS
	'how an account is monetised';
COMMENT ON COLUMN @extschema@.companies.risk IS
	'the risk register; empty means no modelled risks';
COMMENT ON COLUMN @extschema@.companies.plan IS
	'operating plan: cash, team, product, marketing, entry, training, rounds, valuation';
COMMENT ON COLUMN @extschema@.companies.attrs IS
	'free attributes (stage, country, owner, tags ...) as a JSON object';
COMMENT ON COLUMN @extschema@.companies.created_at IS
	'when the row was added';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.companies', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.companies_id_seq', '');

-- Privileges.  In a trusted install the tables belong to the bootstrap
-- superuser, so the user who ran CREATE EXTENSION gets full use of the
-- editable tables (and may pass it on); the reference data is readable by
-- anyone who may use the schema.
GRANT SELECT ON @extschema@.markets, @extschema@.risk_categories,
	@extschema@.cases TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES
	ON @extschema@.markets, @extschema@.cases, @extschema@.companies
	TO @extowner@ WITH GRANT OPTION;
-- TRUNCATE fires no row trigger, so only companies (no shipped rows) has it
GRANT TRUNCATE ON @extschema@.companies TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE
	ON SEQUENCE @extschema@.markets_id_seq, @extschema@.cases_id_seq,
	@extschema@.companies_id_seq
	TO @extowner@ WITH GRANT OPTION;
-- ---------------------------------------------------------------------------
-- 21_cases.sql — the shipped case studies as companies: a revenue model, a
-- risk profile, a plan and a market for each, drawn from the case's story.
--
-- The numbers are illustrative, at the scale of the sample companies, not
-- figures of the companies named.  This one statement fills the rows for a
-- fresh install and for the update from 0.1.1 (which adds the columns first),
-- so both hold the same values.  Only the extension's own scripts may change
-- shipped rows (trigger guard_shipped_rows).
-- ---------------------------------------------------------------------------

UPDATE @extschema@.cases c
SET revenue = v.revenue::@extschema@.revenue_model,
	risk = v.risk::@extschema@.risk_profile,
	plan = v.plan::@extschema@.plan,
	market_id = v.market_id
FROM (VALUES
-- Google BERT: language understanding sold as an API (usage) and licensed
-- to enterprises (deal fees and royalties); a large research team, yearly
-- retraining, fast-moving technology and competition.  Market: search and
-- recommendation in e-commerce.
(1, 10,
 'usage(price=0.002, units=pert(30k, 100k, 400k), attach=70%, growth=1%, price_decline=20%, cost=0.0006, cost_decline=25%)'
 ' + licensing(deals=10, fee=lognormal(500k, 250k), royalty=1%, base=1M, term=24, cost=40k)',
 'technology(freq=0.8, churn=triangular(1%, 3%, 8%), strategy=mitigate(cost=20k, effect=40%))'
 ' + competition(freq=1.5, price=triangular(2%, 5%, 12%), share=5%)'
 ' + regulation(freq=0.2, loss=lognormal(200k, 150k))'
 ' + data(freq=0.3, cost=8000, churn=1%)',
 'cash(amount=20M) + team(headcount=30, cost=15k, growth=5%) + product(launch=6, churn=1.5%)'
 ' + marketing(budget=150k, cac=3000, growth=10%, organic=2%)'
 ' + training(cost=lognormal(1M, 400k), every=12, decline=20%)'
 ' + round(month=18, amount=30M, p=60%) + valuation(multiple=6)'),
-- Microsoft Azure Machine Learning: a cloud platform paid by subscription
-- (seats) and by usage (compute), sold through a partner channel that takes
-- a cut and multiplies reach.  Market: transport and routing in logistics,
-- one of the industries the study names.
(2, 8,
 'subscription(price=300, seats=5, attach=60%, expansion=1%, cost=45, cost_decline=20%)'
 ' + usage(price=0.08, units=pert(2k, 5k, 15k), growth=1.5%, price_decline=15%, cost=0.03, cost_decline=25%)',
 'technology(freq=0.5, churn=triangular(1%, 2%, 6%), strategy=mitigate(cost=15k, effect=50%))'
 ' + competition(freq=2, price=triangular(2%, 5%, 10%), share=4%)'
 ' + privacy(freq=0.15, loss=lognormal(500k, 400k), churn=2%, strategy=transfer(premium=4000, cover=70%))'
 ' + market(freq=0.5, share=triangular(3%, 8%, 20%))',
 'cash(amount=15M) + team(headcount=35, cost=14k, growth=6%) + product(launch=4, churn=1.2%)'
 ' + marketing(budget=120k, cac=9000, growth=15%, organic=3%)'
 ' + entry(mode=channel, cut=20%, reach=3)'
 ' + training(cost=400k, every=6, decline=20%)'
 ' + round(month=15, amount=25M, p=70%) + valuation(multiple=8)'),
-- Amazon intelligent customer service: a per-seat subscription (one seat
-- per service agent it assists), one revenue stream, sensitive customer
-- data.  Market: insurance and intelligent customer service.
(3, 3,
 'subscription(price=120, seats=pert(10, 30, 80), expansion=1.5%, cost=25, cost_decline=20%)',
 'technology(freq=0.4, churn=triangular(1%, 2%, 5%), cost=5000)'
 ' + competition(freq=1, price=triangular(2%, 4%, 10%), share=5%)'
 ' + regulation(freq=0.3, loss=lognormal(150k, 100k), cost=3000)'
 ' + privacy(freq=0.2, loss=lognormal(800k, 600k), churn=3%, strategy=transfer(premium=3000, cover=60%))',
 'cash(amount=12M) + team(headcount=25, cost=13k, growth=5%) + product(launch=3, churn=0.8%)'
 ' + marketing(budget=80k, cac=35k, growth=10%, organic=3%)'
 ' + training(cost=200k, every=6, decline=15%)'
 ' + round(month=12, amount=10M, p=70%) + valuation(multiple=5)')
) v (id, market_id, revenue, risk, plan)
WHERE c.id OPERATOR(pg_catalog.=) v.id AND c.builtin;
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
-- Finance: npv, irr, irr_all, the aibiz.cashflows type and the xnpv/xirr aggregates.

CREATE FUNCTION @extschema@.npv(rate float8, flows float8[], t0 int DEFAULT 1)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_npv_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv(float8, float8[], int) IS
'net present value: sum of flows[i] / (1 + rate)^(t0 + i - 1); flows are at t = t0, t0 + 1, ... (t0 = 1 is the Excel NPV convention)';

CREATE FUNCTION @extschema@.irr(flows float8[], guess float8 DEFAULT 0.1)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_irr_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.irr(float8[], float8) IS
'internal rate of return of flows at t = 0, 1, ...: Newton from guess, else the root nearest guess found by scanning rates from -0.99 to 10000; NULL and a notice when there is none';

CREATE FUNCTION @extschema@.irr_all(flows float8[])
RETURNS SETOF float8
AS 'MODULE_PATHNAME', 'abz_irr_all_sql'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION @extschema@.irr_all(float8[]) IS
'every rate between -0.99 and 10000 where the net present value of flows at t = 0, 1, ... changes sign, ascending';

CREATE TYPE @extschema@.cashflows;

CREATE FUNCTION @extschema@.cashflows_in(cstring)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_in(cstring) IS
'text input of aibiz.cashflows (canonical form only)';

CREATE FUNCTION @extschema@.cashflows_out(@extschema@.cashflows)
RETURNS cstring
AS 'MODULE_PATHNAME', 'abz_cashflows_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_out(@extschema@.cashflows) IS
'text output of aibiz.cashflows';

CREATE FUNCTION @extschema@.cashflows_recv(internal)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_recv(internal) IS
'binary input of aibiz.cashflows';

CREATE FUNCTION @extschema@.cashflows_send(@extschema@.cashflows)
RETURNS bytea
AS 'MODULE_PATHNAME', 'abz_cashflows_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_send(@extschema@.cashflows) IS
'binary output of aibiz.cashflows';

CREATE TYPE @extschema@.cashflows (
	INPUT = @extschema@.cashflows_in,
	OUTPUT = @extschema@.cashflows_out,
	RECEIVE = @extschema@.cashflows_recv,
	SEND = @extschema@.cashflows_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.cashflows IS
'dated cash flows, one exact (Q95.32) amount per date, and the xnpv rate: the state of the xnpv and xirr aggregates';

CREATE FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, amount float8, day date)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, float8, date) IS
'add a dated amount to a cash-flow list (transition function of xirr and cashflows)';

CREATE FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, rate float8, amount float8, day date)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_add_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_add(@extschema@.cashflows, float8, float8, date) IS
'add a dated amount to a cash-flow list and fix its xnpv rate (transition function of xnpv)';

CREATE FUNCTION @extschema@.cashflows_combine(@extschema@.cashflows, @extschema@.cashflows)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_combine(@extschema@.cashflows, @extschema@.cashflows) IS
'merge two cash-flow lists, summing amounts of equal dates exactly (combine function of xnpv, xirr and cashflows)';

CREATE FUNCTION @extschema@.cashflows_xnpv_final(@extschema@.cashflows)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xnpv_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_xnpv_final(@extschema@.cashflows) IS
'XNPV of a cash-flow list at the rate it keeps (final function of xnpv)';

CREATE FUNCTION @extschema@.xnpv(@extschema@.cashflows, rate float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xnpv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xnpv(@extschema@.cashflows, float8) IS
'XNPV of a cash-flow list at rate: sum of a_i / (1 + rate)^((d_i - d_0) / 365), d_0 the earliest date; NULL for an empty list';

CREATE FUNCTION @extschema@.xirr(@extschema@.cashflows)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_cashflows_xirr_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.xirr(@extschema@.cashflows) IS
'XIRR of a cash-flow list: the rate where its XNPV is 0 (Newton from 0.1, else the scanned root nearest 0.1); NULL and a notice when there is none';

CREATE FUNCTION @extschema@.flows(@extschema@.cashflows)
RETURNS TABLE(day date, amount float8)
AS 'MODULE_PATHNAME', 'abz_cashflows_flows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flows(@extschema@.cashflows) IS
'the dates of a cash-flow list with their summed amounts, in date order';

CREATE AGGREGATE @extschema@.xnpv(rate float8, amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.cashflows_xnpv_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.xnpv(float8, float8, date) IS
'Excel XNPV over rows: sum of amount / (1 + rate)^((day - first day) / 365); the rate must be the same in every row; rows with a NULL are skipped; exact and order-independent';

CREATE AGGREGATE @extschema@.xirr(amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.xirr,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.xirr(float8, date) IS
'Excel XIRR over rows: the rate where the XNPV of the flows is 0; NULL and a notice when there is none; exact and order-independent';

CREATE FUNCTION @extschema@.cashflows_final(@extschema@.cashflows)
RETURNS @extschema@.cashflows
AS 'MODULE_PATHNAME', 'abz_cashflows_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cashflows_final(@extschema@.cashflows) IS
'the canonical form of a cash-flow list (final function of cashflows)';

CREATE AGGREGATE @extschema@.cashflows(amount float8, day date) (
	SFUNC = @extschema@.cashflows_add,
	STYPE = @extschema@.cashflows,
	COMBINEFUNC = @extschema@.cashflows_combine,
	FINALFUNC = @extschema@.cashflows_final,
	INITCOND = 'v1',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.cashflows(float8, date) IS
'the cash-flow list of the rows (dated amounts summed per date), to store or to pass to xnpv(cashflows, rate) and xirr(cashflows)';
-- 40_projection: the expected path (docs/projection.md): the aibiz.projection
-- type, aibiz.project(), row output, summaries, the exact sum aggregate and
-- unit economics.

CREATE TYPE @extschema@.projection;

CREATE FUNCTION @extschema@.projection_in(cstring)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_out(@extschema@.projection)
RETURNS cstring
AS 'MODULE_PATHNAME', 'abz_projection_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_recv(internal)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.projection_send(@extschema@.projection)
RETURNS bytea
AS 'MODULE_PATHNAME', 'abz_projection_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.projection (
	INPUT = @extschema@.projection_in,
	OUTPUT = @extschema@.projection_out,
	RECEIVE = @extschema@.projection_recv,
	SEND = @extschema@.projection_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.projection IS
'Expected-path projection of one company or the month-wise sum of many: per month accounts, new accounts, revenue by stream, costs, cash flow, funding and cash, plus NPV, as exact Q95.32 fixed-point numbers. A projection from aibiz.project() keeps the float8 values the engine computed (format 2, text v2;...) and stands for their fixed-point conversions; sums and + are in fixed point (format 1, text v1;...). The text form (vF;h=..;n=..;l=..;npv=..;month values) is machine-oriented and round-trips exactly; read it with aibiz.rows() and aibiz.summary().';
COMMENT ON FUNCTION @extschema@.projection_in(cstring) IS
'Text input of aibiz.projection: the canonical form written by projection_out, strictly validated.';
COMMENT ON FUNCTION @extschema@.projection_out(@extschema@.projection) IS
'Text output of aibiz.projection: version, horizon, member count, launch month, NPV and the month values: raw fixed-point integers (format 1) or shortest exact float8 text (format 2).';
COMMENT ON FUNCTION @extschema@.projection_recv(internal) IS
'Binary input of aibiz.projection (format version first), validated as strictly as text input.';
COMMENT ON FUNCTION @extschema@.projection_send(@extschema@.projection) IS
'Binary output of aibiz.projection (format version first).';

-- the expected path

CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
									risk @extschema@.risk_profile,
									plan @extschema@.plan,
									market record,
									horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int) IS
'Expected path of the monthly model over horizon months (1..600): every distribution at its mean, risk events at their expected monthly effect, rounds at p x amount. market is any row with accounts, adoption, bass_p, bass_q and growth (a row of aibiz.markets or aibiz.market(...)).';

CREATE FUNCTION @extschema@.project(company @extschema@.companies,
									market record,
									horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, record, int) IS
'Expected path of a row of aibiz.companies in a market row: aibiz.project(company.revenue, company.risk, company.plan, market, horizon); NULL when the company lacks one of the three inputs.';

-- exact month-wise sum

CREATE FUNCTION @extschema@.projection_add(@extschema@.projection, @extschema@.projection)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.projection_add(@extschema@.projection, @extschema@.projection) IS
'Month-wise exact sum of two projections of the same horizon (members add, launch is the earlier), in fixed point (format 1).';

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.projection,
	RIGHTARG = @extschema@.projection,
	FUNCTION = @extschema@.projection_add,
	COMMUTATOR = OPERATOR(@extschema@.+)
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.projection, @extschema@.projection) IS
'Month-wise exact sum of two projections of the same horizon.';

CREATE FUNCTION @extschema@.projection_sum_add(@extschema@.projection, @extschema@.projection)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_projection_sum_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.projection_sum_add(@extschema@.projection, @extschema@.projection) IS
'Transition and combine function of aibiz.sum (aggregate context only; not strict): starts from the fixed-point form of the first projection and adds the others in place.';

CREATE AGGREGATE @extschema@.sum(@extschema@.projection) (
	SFUNC = @extschema@.projection_sum_add,
	STYPE = @extschema@.projection,
	COMBINEFUNC = @extschema@.projection_sum_add,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.sum(@extschema@.projection) IS
'Portfolio roll-up: month-wise exact sum of projections of one horizon, in fixed point, so serial, parallel and sharded results are bit-identical.';

-- rows and summaries

CREATE FUNCTION @extschema@.rows(p @extschema@.projection)
RETURNS TABLE (month int, accounts float8, new_accounts float8, revenue float8,
			   gross_revenue float8, rev_subscription float8, rev_usage float8,
			   rev_advertising float8, rev_licensing float8, cost_of_revenue float8,
			   gross_profit float8, opex float8, marketing float8, training float8,
			   risk_cost float8, cash_flow float8, funding float8, cash float8)
AS 'MODULE_PATHNAME', 'abz_projection_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 60;

COMMENT ON FUNCTION @extschema@.rows(@extschema@.projection) IS
'One row per month 1..horizon of a projection, for BI tools: accounts, new accounts, net and gross revenue, revenue by stream, cost of revenue, gross profit, opex, marketing, training, risk cost, operating cash flow, funding and month-end cash.';

CREATE FUNCTION @extschema@.breakeven_month(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_breakeven'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.breakeven_month(@extschema@.projection) IS
'First month at or after launch with operating cash flow >= 0; NULL if none within the horizon.';

CREATE FUNCTION @extschema@.runway(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_runway'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.runway(@extschema@.projection) IS
'First month whose closing cash is negative; NULL if cash never goes below zero within the horizon.';

CREATE FUNCTION @extschema@.npv(p @extschema@.projection)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_projection_npv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.npv(@extschema@.projection) IS
'Net present value of the projection: discounted operating cash flows plus the terminal value (summed over members for an aggregate).';

CREATE FUNCTION @extschema@.arr(p @extschema@.projection, month int)
RETURNS float8
AS 'MODULE_PATHNAME', 'abz_projection_arr'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.arr(@extschema@.projection, int) IS
'Annual run rate at a month: 12 x net revenue of that month (1..horizon).';

CREATE FUNCTION @extschema@.horizon(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_horizon'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.horizon(@extschema@.projection) IS
'Number of months in the projection.';

CREATE FUNCTION @extschema@.members(p @extschema@.projection)
RETURNS bigint
AS 'MODULE_PATHNAME', 'abz_projection_members'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.members(@extschema@.projection) IS
'Number of company projections summed into this one (1 for a single aibiz.project result).';

CREATE FUNCTION @extschema@.launch_month(p @extschema@.projection)
RETURNS int
AS 'MODULE_PATHNAME', 'abz_projection_launch'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.launch_month(@extschema@.projection) IS
'Launch month of the projection (the earliest over the members of a sum).';

CREATE FUNCTION @extschema@.summary(p @extschema@.projection)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'abz_projection_summary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.summary(@extschema@.projection) IS
'Headline figures of a projection for people: horizon, members, launch month, npv, breakeven month, runway, ARR at the horizon, totals of revenue, gross profit, costs, cash flow and funding, peak monthly burn, lowest and final cash, final accounts.';

-- unit economics

CREATE FUNCTION @extschema@.unit_economics(revenue @extschema@.revenue_model,
										   plan @extschema@.plan,
										   OUT arpa float8,
										   OUT cost_per_account float8,
										   OUT gross_margin float8,
										   OUT churn float8,
										   OUT ltv float8,
										   OUT cac float8,
										   OUT ltv_to_cac float8,
										   OUT payback_months float8)
RETURNS record
AS 'MODULE_PATHNAME', 'abz_unit_economics_fn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unit_economics(@extschema@.revenue_model, @extschema@.plan) IS
'Unit economics at launch prices, per account and month, company share after channel cut and joint-venture stake: ARPA (subscription, usage and advertising; licensing is per deal and excluded), cost per account, gross margin, churn, LTV = ARPA x GM / churn (NULL when churn = 0), CAC = marketing.cac x (1 - stake) (NULL without paid marketing), LTV/CAC and payback months = CAC / (ARPA x GM).';
-- 50_simulation.sql — Monte Carlo: the aibiz.simulation type, aibiz.simulate(),
-- its accessors and row outputs, and the aibiz.portfolio aggregate.

CREATE TYPE @extschema@.simulation;

CREATE FUNCTION @extschema@.simulation_in(cstring) RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulation_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_out(@extschema@.simulation) RETURNS cstring
	AS 'MODULE_PATHNAME', 'aibiz_simulation_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_recv(internal) RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulation_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.simulation_send(@extschema@.simulation) RETURNS bytea
	AS 'MODULE_PATHNAME', 'aibiz_simulation_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.simulation (
	INPUT = @extschema@.simulation_in,
	OUTPUT = @extschema@.simulation_out,
	RECEIVE = @extschema@.simulation_recv,
	SEND = @extschema@.simulation_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.simulation IS
'Result of a Monte Carlo simulation (or a portfolio of them): per trial NPV, ARR at the horizon, risk loss, death and breakeven month; per month alive counts, mean and (single simulations) P5-P95 of revenue and cash; per risk category event and loss totals. Text form: "simulation v3 trials=... slots=... data=<base64>" (values stored by aibiz 0.2 keep their "simulation v2" form, values stored by aibiz 0.1 their "simulation v1" form), exact.';
COMMENT ON FUNCTION @extschema@.simulation_in(cstring) IS 'text input of aibiz.simulation (the exact form written by its output)';
COMMENT ON FUNCTION @extschema@.simulation_out(@extschema@.simulation) IS 'text output of aibiz.simulation: a readable header then the base64 of the binary form';
COMMENT ON FUNCTION @extschema@.simulation_recv(internal) IS 'binary input of aibiz.simulation (versioned, validated like text input)';
COMMENT ON FUNCTION @extschema@.simulation_send(@extschema@.simulation) IS 'binary output of aibiz.simulation (versioned, big-endian)';

-- running simulations: aibiz.simulate() is in 52_simulate.sql

-- scalar accessors

CREATE FUNCTION @extschema@.trials(sim @extschema@.simulation) RETURNS int
	AS 'MODULE_PATHNAME', 'aibiz_sim_trials' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trials(@extschema@.simulation) IS 'number of trials of a simulation';

CREATE FUNCTION @extschema@.horizon(sim @extschema@.simulation) RETURNS int
	AS 'MODULE_PATHNAME', 'aibiz_sim_horizon' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.horizon(@extschema@.simulation) IS 'horizon of a simulation in months';

CREATE FUNCTION @extschema@.members(sim @extschema@.simulation) RETURNS bigint
	AS 'MODULE_PATHNAME', 'aibiz_sim_members' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.members(@extschema@.simulation) IS 'number of simulations summed into a portfolio (1 for a single simulation)';

CREATE FUNCTION @extschema@.survival(sim @extschema@.simulation, month int) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_survival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival(@extschema@.simulation, int) IS
'share of trials alive at the end of month (0..horizon; 1 at month 0); in a portfolio, the expected share of its members alive';

CREATE FUNCTION @extschema@.npv_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_mean(@extschema@.simulation) IS 'mean NPV over trials (a portfolio: of the trial-wise sum)';

CREATE FUNCTION @extschema@.npv_stddev(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_stddev(@extschema@.simulation) IS 'sample standard deviation of NPV over trials (NULL for a single trial)';

CREATE FUNCTION @extschema@.npv_quantile(sim @extschema@.simulation, q float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_quantile(@extschema@.simulation, float8) IS
'quantile q (0..1) of NPV over trials, interpolated like percentile_cont (type 7)';

CREATE FUNCTION @extschema@.npv_cdf(sim @extschema@.simulation, x float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_cdf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npv_cdf(@extschema@.simulation, float8) IS 'share of trials with NPV <= x';

CREATE FUNCTION @extschema@.value_at_risk(sim @extschema@.simulation, level float8 DEFAULT 0.95) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_value_at_risk' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value_at_risk(@extschema@.simulation, float8) IS
'value at risk of NPV at level (0..1 exclusive): -npv_quantile(sim, 1 - level); positive when that quantile is a loss';

CREATE FUNCTION @extschema@.expected_shortfall(sim @extschema@.simulation, level float8 DEFAULT 0.95) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_expected_shortfall' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.expected_shortfall(@extschema@.simulation, float8) IS
'expected shortfall of NPV at level: minus the mean of the trial NPVs at or below npv_quantile(sim, 1 - level)';

CREATE FUNCTION @extschema@.breakeven_probability(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_breakeven_probability' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.breakeven_probability(@extschema@.simulation) IS
'share of trials with a breakeven month (first month from launch with operating cash flow >= 0); in a portfolio, trials where every member broke even';

CREATE FUNCTION @extschema@.arr_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_arr_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.arr_mean(@extschema@.simulation) IS 'mean ARR at the horizon (12 x net revenue of the last month, 0 if dead)';

CREATE FUNCTION @extschema@.loss_mean(sim @extschema@.simulation) RETURNS float8
	AS 'MODULE_PATHNAME', 'aibiz_sim_loss_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.loss_mean(@extschema@.simulation) IS 'mean total cash lost to risk events per trial (after insurance cover)';

-- row outputs

CREATE FUNCTION @extschema@.fan(sim @extschema@.simulation)
	RETURNS TABLE(month int, metric text, p5 float8, p25 float8, p50 float8, p75 float8, p95 float8, mean float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_fan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 120;
COMMENT ON FUNCTION @extschema@.fan(@extschema@.simulation) IS
'fan chart rows: per month, metric revenue and cash, P5/P25/P50/P75/P95 (from the first min(trials, 4000000/horizon) trials; NULL for a portfolio) and the mean over all trials';

CREATE FUNCTION @extschema@.survival_curve(sim @extschema@.simulation)
	RETURNS TABLE(month int, alive float8, survival float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_survival_curve' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.survival_curve(@extschema@.simulation) IS
'per month 1..horizon: expected number of members alive (1 at most for a single simulation) and the share alive';

CREATE FUNCTION @extschema@.risk_attribution(sim @extschema@.simulation)
	RETURNS TABLE(category text, events_per_trial float8, mean_loss float8, share_of_loss float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_risk_attribution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@.risk_attribution(@extschema@.simulation) IS
'per risk category (catalogue order): events per trial, cash loss per trial, and its share of all risk losses (NULL when there are none)';

CREATE FUNCTION @extschema@.loss_exceedance(sim @extschema@.simulation, points int DEFAULT 50)
	RETURNS TABLE(loss float8, probability float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_loss_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@.loss_exceedance(@extschema@.simulation, int) IS
'loss exceedance curve: P(total risk loss of a trial >= loss) at points losses evenly spaced from 0 to the largest (one row when no trial lost anything)';

CREATE FUNCTION @extschema@.npv_histogram(sim @extschema@.simulation, bins int DEFAULT 20)
	RETURNS TABLE(bin int, lo float8, hi float8, trials bigint, frequency float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_npv_histogram' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.npv_histogram(@extschema@.simulation, int) IS
'NPV histogram: bins equal-width bins from the smallest to the largest trial NPV, [lo, hi) (the last includes hi); one bin when all NPVs are equal';

CREATE FUNCTION @extschema@.summary(sim @extschema@.simulation) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'aibiz_sim_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.summary(@extschema@.simulation) IS
'headline numbers of a simulation as jsonb: trials, horizon, members, NPV mean and quantiles, P(NPV > 0), VaR and ES at 95 %, survival at the horizon, breakeven probability, mean ARR and loss';

-- portfolios

CREATE FUNCTION @extschema@.simulation_add(a @extschema@.simulation, b @extschema@.simulation)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_sim_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.simulation_add(@extschema@.simulation, @extschema@.simulation) IS
'exact trial-wise sum of two simulations with the same trials and horizon (the step of aibiz.portfolio)';

CREATE AGGREGATE @extschema@.portfolio(@extschema@.simulation) (
	SFUNC = @extschema@.simulation_add,
	STYPE = @extschema@.simulation,
	COMBINEFUNC = @extschema@.simulation_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.portfolio(@extschema@.simulation) IS
'portfolio of simulations with equal trials and horizon: trial-wise sums of NPV, ARR and risk loss, summed alive counts, revenue and cash means and risk totals; exact (fixed point), so serial, parallel and sharded runs give the same bytes. Monthly quantiles are dropped; a trial''s death month is its first member death, its breakeven month the last member''s.';
-- ---------------------------------------------------------------------------
-- 52_simulate.sql — aibiz.simulate() with its sampling options, and the
-- questions only a version 2 simulation answers: the investor's view, the
-- paired comparison of two simulations, the survivors of a portfolio.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
									 risk @extschema@.risk_profile,
									 plan @extschema@.plan,
									 market record,
									 horizon int DEFAULT 60,
									 trials numeric DEFAULT 10000,
									 seed bigint DEFAULT 0,
									 scenario bigint DEFAULT 0,
									 sampling text DEFAULT 'mc',
									 correlations jsonb DEFAULT NULL,
									 tolerance float8 DEFAULT NULL)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, numeric, bigint, bigint, text, jsonb, float8) IS
'Monte Carlo simulation of a company over horizon months (at most 600): trials trials (at most aibiz.max_trials), trial i keyed by (seed, i), so the same inputs and seed give the same bytes on every run and in every parallel worker (across processors, libm may differ in last bits: see docs/simulation.md). market is any row with accounts, adoption, bass_p, bass_q, growth. scenario keys the shared draws of market-wide risks; sampling ''mc'' or ''lhs''; correlations: Spearman targets between once-per-trial inputs; tolerance: stop when the 95 % half-width of mean NPV is within tolerance x |mean|. NULL if an input before correlations is NULL.';

CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
									 market record,
									 horizon int DEFAULT 60,
									 trials numeric DEFAULT 10000,
									 seed bigint DEFAULT 0,
									 scenario bigint DEFAULT 0,
									 sampling text DEFAULT 'mc',
									 correlations jsonb DEFAULT NULL,
									 tolerance float8 DEFAULT NULL)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate_company_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, record, int, numeric, bigint, bigint, text, jsonb, float8) IS
'Monte Carlo simulation of a row of aibiz.companies in its market row (e.g. a row of aibiz.markets); NULL if the company has no revenue model, risk profile or plan. Companies simulated with the same seed share random streams (common random numbers); pass seed => id for independent draws.';

CREATE FUNCTION @extschema@.investor(sim @extschema@.simulation,
									 OUT funded_trials bigint,
									 OUT moic_mean float8, OUT moic_p10 float8,
									 OUT moic_p50 float8, OUT moic_p90 float8,
									 OUT irr_mean float8, OUT irr_p10 float8,
									 OUT irr_p50 float8, OUT irr_p90 float8,
									 OUT p_moic_1 float8, OUT p_moic_3 float8,
									 OUT equity_npv_mean float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_sim_investor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.investor(@extschema@.simulation) IS
'the equity view: MOIC (exit / contributions) and annualised equity IRR (mean, P10, P50, P90) over trials with contributions, P(MOIC >= 1), P(MOIC >= 3), mean equity NPV; needs a simulation made by aibiz 0.2 or later';

CREATE FUNCTION @extschema@.compare(a @extschema@.simulation, b @extschema@.simulation,
									OUT trials bigint,
									OUT npv_diff float8, OUT npv_diff_se float8,
									OUT p_b_better float8, OUT survival_diff float8,
									OUT equity_npv_diff float8)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_sim_compare' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compare(@extschema@.simulation, @extschema@.simulation) IS
'paired comparison of b against a (same seed, trials and horizon: common random numbers): mean NPV difference and its paired standard error, P(NPV_b > NPV_a), difference in survival at the horizon and in mean equity NPV';

CREATE FUNCTION @extschema@.survivors(sim @extschema@.simulation)
	RETURNS TABLE (month int, members bigint, mean float8, p5 float8, p25 float8,
				   p50 float8, p75 float8, p95 float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_survivors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.survivors(@extschema@.simulation) IS
'per month, the number of members alive at its end over trials: mean and P5/P25/P50/P75/P95 (a single simulation: 0 or 1 per trial)';
-- ---------------------------------------------------------------------------
-- 53_rewrite.sql — aibiz.rewrite(): a stored simulation in the format this
-- version writes, so that values kept from an earlier version gain its
-- faster reads.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rewrite(sim @extschema@.simulation)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_sim_rewrite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rewrite(@extschema@.simulation) IS
'The same simulation in format version 3 (summary and monthly arrays first, so that scalar questions read only a prefix of a stored value): a version 2 value (written by aibiz 0.2) is rewritten with the same trials and answers; a version 3 value is returned as it is, and so is a version 1 value (aibiz 0.1), which lacks the per-trial equity view that version 3 holds: re-simulate it. settings(sim)->>''version'' tells a value''s version.';
-- ---------------------------------------------------------------------------
-- 55_statistics.sql — the statistics table of a simulation's trial NPVs.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.statistics(sim @extschema@.simulation,
	OUT trials bigint, OUT mean float8, OUT sd float8, OUT skewness float8,
	OUT kurtosis float8, OUT min float8, OUT max float8,
	OUT p1 float8, OUT p5 float8, OUT p10 float8, OUT p25 float8, OUT p50 float8,
	OUT p75 float8, OUT p90 float8, OUT p95 float8, OUT p99 float8,
	OUT se_mean float8)
	AS 'MODULE_PATHNAME', 'aibiz_sim_statistics' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.statistics(@extschema@.simulation) IS
'statistics table of the trial NPVs in one row: trials, mean, sample standard deviation, skewness m3/m2^1.5, kurtosis m4/m2^2 (3 for a normal), min, max, percentiles P1..P99 (type 7, as percentile_cont) and the standard error of the mean sd/sqrt(trials); sd and se NULL for one trial, skewness and kurtosis NULL when every NPV is equal';
-- ---------------------------------------------------------------------------
-- 57_risk_impact.sql — aibiz.risk_impact(): which risk term matters.  Each
-- term of the risk profile is switched off in turn and the same trials are
-- rerun with common random numbers (every other random stream keeps its
-- numbers); the rows compare each variant with the base simulation, and a
-- last row removes every term at once.  Plain and companies-row forms, each
-- with a market row, an aibiz.market or a market name.
-- ---------------------------------------------------------------------------

-- risk impact of a company in a market row
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market record,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint, bigint) IS
	'which risk term matters: per term of the risk profile, the term removed and the same trials rerun with common random numbers (seed, trials, scenario as aibiz.simulate with sampling mc): term position, category, the term''s text, mean NPV change (removed minus base) with its paired standard error, change in survival at the horizon and in mean equity NPV; sorted by |npv_diff| descending, then one row (term NULL, category all) removing every term at once. Counts every effect of a term (losses, churn, price and share shocks, costs, premiums, forgone revenue), unlike aibiz.risk_attribution (cash losses only).';

-- risk impact of a company in an aibiz.market
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, int, bigint, bigint) IS
	'risk impact of a company in an aibiz.market, as aibiz.risk_impact with a market row; the form postgres_fdw can send to a remote server';

-- risk impact of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.risk_impact(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 9 COST 100000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.risk_impact($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8) f $$;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint, bigint) IS
	'as aibiz.risk_impact with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- risk impact of a row of aibiz.companies in a market row
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market record,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, record, int, int, bigint, bigint) IS
	'risk impact of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- risk impact of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
AS 'MODULE_PATHNAME', 'aibiz_risk_impact_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9 COST 100000;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, @extschema@.market, int, int, bigint, bigint) IS
	'risk impact of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- risk impact of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.risk_impact(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0)
RETURNS TABLE (ord int, term int, category text, risk_term text, npv_diff float8,
			   npv_diff_se float8, survival_diff float8, equity_npv_diff float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 9 COST 100000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.risk_impact($1, @extschema@.market_by_name($2), $3, $4, $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.risk_impact(@extschema@.companies, text, int, int, bigint, bigint) IS
	'as aibiz.risk_impact with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';
-- ---------------------------------------------------------------------------
-- 58_trials.sql — the trial NPVs of a simulation in trial order, and the
-- sampling settings it was made with.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.trial_npvs(sim @extschema@.simulation) RETURNS float8[]
	AS 'MODULE_PATHNAME', 'aibiz_sim_trial_npvs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trial_npvs(@extschema@.simulation) IS
'the NPV of every trial in trial order (element i + 1 is trial i): trials of simulations that share random numbers (same seed, or market-wide risks of one market and scenario) can be paired and correlated';

CREATE FUNCTION @extschema@.settings(sim @extschema@.simulation) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'aibiz_sim_settings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.settings(@extschema@.simulation) IS
'how a simulation was sampled: format version, trials, requested_trials, tolerance (null when trials were fixed), scenario, sampling (mc or lhs; null when a portfolio mixes them), correlated';
-- 60_tools.sql — the modeller's toolkit: overrides (aibiz.set, aibiz.scale),
-- the jsonb casts back to the three input types, tornado and spider of the
-- expected path, Monte Carlo rank sensitivity and goal seek.

-- overrides

CREATE FUNCTION @extschema@.set(value @extschema@.revenue_model, path text, new text)
	RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.set(value @extschema@.risk_profile, path text, new text)
	RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.set(value @extschema@.plan, path text, new text)
	RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_set' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.set(@extschema@.revenue_model, text, text) IS
'the revenue model with the key at path (term[n].key, n counting from 1 among terms of that name) replaced by new, a number (suffixes k, M, B, %) or a distribution; an absent term is added with its defaults; validated like input';
COMMENT ON FUNCTION @extschema@.set(@extschema@.risk_profile, text, text) IS
'the risk profile with the key at path (category[n].key, category.strategy, category.strategy.key) replaced by new; an absent risk is added; validated like input';
COMMENT ON FUNCTION @extschema@.set(@extschema@.plan, text, text) IS
'the plan with the key at path (term[n].key or entry.mode) replaced by new; an absent term (marketing, entry, training, round, valuation) is added with its defaults; validated like input';

CREATE FUNCTION @extschema@.scale(value @extschema@.revenue_model, path text, factor float8)
	RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.scale(value @extschema@.risk_profile, path text, factor float8)
	RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.scale(value @extschema@.plan, path text, factor float8)
	RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.scale(@extschema@.revenue_model, text, float8) IS
'the revenue model with the key at path multiplied by factor: a constant, both ends of a uniform, the three points of a triangular or PERT, mean and sd of a normal or lognormal; validated like input';
COMMENT ON FUNCTION @extschema@.scale(@extschema@.risk_profile, text, float8) IS
'the risk profile with the key at path multiplied by factor (every parameter of a distribution); validated like input';
COMMENT ON FUNCTION @extschema@.scale(@extschema@.plan, text, float8) IS
'the plan with the key at path multiplied by factor (every parameter of a distribution); validated like input';

-- jsonb back to the input types

CREATE FUNCTION @extschema@.revenue_model_from_jsonb(jsonb) RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_revenue_model_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.revenue_model)
	WITH FUNCTION @extschema@.revenue_model_from_jsonb(jsonb);
CREATE FUNCTION @extschema@.risk_profile_from_jsonb(jsonb) RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_risk_profile_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.risk_profile)
	WITH FUNCTION @extschema@.risk_profile_from_jsonb(jsonb);
CREATE FUNCTION @extschema@.plan_from_jsonb(jsonb) RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_plan_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (jsonb AS @extschema@.plan)
	WITH FUNCTION @extschema@.plan_from_jsonb(jsonb);
COMMENT ON FUNCTION @extschema@.revenue_model_from_jsonb(jsonb) IS
'the revenue model of its jsonb form (an array of term objects, as the cast to jsonb writes it; keys may be omitted for their defaults), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.revenue_model) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.revenue_model = x';
COMMENT ON FUNCTION @extschema@.risk_profile_from_jsonb(jsonb) IS
'the risk profile of its jsonb form (an array of term objects with a strategy object each), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.risk_profile) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.risk_profile = x';
COMMENT ON FUNCTION @extschema@.plan_from_jsonb(jsonb) IS
'the plan of its jsonb form (an array of term objects, entry with its mode), validated like text input';
COMMENT ON CAST (jsonb AS @extschema@.plan) IS
'inverse of the cast to jsonb: (x::jsonb)::aibiz.plan = x';

-- tornado and spider of the expected path

CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
									risk @extschema@.risk_profile,
									plan @extschema@.plan,
									market record,
									horizon int DEFAULT 60,
									metric text DEFAULT 'npv')
	RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
				   high_input float8, low_value float8, high_value float8,
				   base_value float8, swing float8)
	AS 'MODULE_PATHNAME', 'aibiz_tornado' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 COST 1000;
COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, text) IS
'one row per input (every key a value shows, whole-number keys excepted): a distribution at its P10 and P90, a constant at -20 % and +20 % (clamped to the key''s domain); the metric (npv, breakeven_month, arr or lowest_cash) of the expected path at each, the base value and the swing |high - low|, sorted by swing, largest first';

CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
									market record,
									horizon int DEFAULT 60,
									metric text DEFAULT 'npv')
	RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
				   high_input float8, low_value float8, high_value float8,
				   base_value float8, swing float8)
	AS 'MODULE_PATHNAME', 'aibiz_tornado_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 20 COST 1000;
COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, record, int, text) IS
'tornado of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
								   risk @extschema@.risk_profile,
								   plan @extschema@.plan,
								   market record,
								   horizon int DEFAULT 60,
								   metric text DEFAULT 'npv')
	RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
	AS 'MODULE_PATHNAME', 'aibiz_spider' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 140 COST 5000;
COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, text) IS
'per input (as in tornado) and factor 0.7, 0.8, ..., 1.3: the input scaled by factor (every parameter, clamped to the key''s domain), the value the projection uses (constant or mean) and the metric of the expected path';

CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
								   market record,
								   horizon int DEFAULT 60,
								   metric text DEFAULT 'npv')
	RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
	AS 'MODULE_PATHNAME', 'aibiz_spider_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 140 COST 5000;
COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, record, int, text) IS
'spider of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- Monte Carlo sensitivity

CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
										risk @extschema@.risk_profile,
										plan @extschema@.plan,
										market record,
										horizon int DEFAULT 60,
										trials int DEFAULT 10000,
										seed bigint DEFAULT 0)
	RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
				   variance_share float8)
	AS 'MODULE_PATHNAME', 'aibiz_sensitivity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 10 COST 10000;
COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint) IS
'per key sampled once per trial (a distribution of a revenue or plan key, a risk''s freq or strategy argument): Spearman rank correlation of its draws with trial NPV over the trials of aibiz.simulate with the same seed, and its share of NPV variance (squared rank correlations normalised to sum 1), sorted by share';

CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
										market record,
										horizon int DEFAULT 60,
										trials int DEFAULT 10000,
										seed bigint DEFAULT 0)
	RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
				   variance_share float8)
	AS 'MODULE_PATHNAME', 'aibiz_sensitivity_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 10 COST 10000;
COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, record, int, int, bigint) IS
'Monte Carlo sensitivity of a row of aibiz.companies in a market row; no rows when the company lacks one of its three inputs';

-- goal seek

CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
								  risk @extschema@.risk_profile,
								  plan @extschema@.plan,
								  market record,
								  path text,
								  metric text,
								  target float8,
								  lo float8,
								  hi float8,
								  horizon int DEFAULT 60,
								  trials int DEFAULT NULL,
								  seed bigint DEFAULT 0,
								  OUT value float8,
								  OUT achieved float8,
								  OUT iterations int)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_solve' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, text, text, float8, float8, float8, int, int, bigint) IS
'goal seek by Brent''s method: the constant in [lo, hi] that, set at path (optionally prefixed revenue., risk. or plan.), brings the metric to target; npv, breakeven_month, arr or lowest_cash of the expected path, or with trials survival (at the horizon) or p_npv_positive of the simulation with seed; returns the value, the metric achieved there and the evaluations used; 22023 when the metric does not cross target between lo and hi; NULL when an argument other than trials is NULL';

CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
								  market record,
								  path text,
								  metric text,
								  target float8,
								  lo float8,
								  hi float8,
								  horizon int DEFAULT 60,
								  trials int DEFAULT NULL,
								  seed bigint DEFAULT 0,
								  OUT value float8,
								  OUT achieved float8,
								  OUT iterations int)
	RETURNS record
	AS 'MODULE_PATHNAME', 'aibiz_solve_company' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, record, text, text, float8, float8, float8, int, int, bigint) IS
'goal seek on a row of aibiz.companies in a market row; NULL when the company lacks one of its three inputs';
-- ---------------------------------------------------------------------------
-- 65_market_args.sql — every function that takes a market, in two more
-- forms: with an aibiz.market (the form postgres_fdw can send to a remote
-- server, since the type, the constructor and the function all belong to the
-- extension) and with a market name (text), looked up in aibiz.markets by
-- aibiz.market_by_name().  The forms taking any row (a row of aibiz.markets)
-- are declared with the functions themselves.
-- ---------------------------------------------------------------------------

-- project of a company in an aibiz.market
CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int) IS
	'expected path of a company in an aibiz.market, as aibiz.project with a market row; the form postgres_fdw can send to a remote server (docs/scale-out.md)';

-- project of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.project(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.project($1, $2, $3, @extschema@.market_by_name($4), $5) $$;

COMMENT ON FUNCTION @extschema@.project(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int) IS
	'as aibiz.project with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- project of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.project(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
AS 'MODULE_PATHNAME', 'abz_project_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, @extschema@.market, int) IS
	'expected path of a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- project of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.project(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60)
RETURNS @extschema@.projection
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.project($1, @extschema@.market_by_name($2), $3) $$;

COMMENT ON FUNCTION @extschema@.project(@extschema@.companies, text, int) IS
	'as aibiz.project with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- simulate of a company in an aibiz.market
CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
AS 'MODULE_PATHNAME', 'aibiz_simulate_v2'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'Monte Carlo simulation of a company in an aibiz.market, as aibiz.simulate with a market row; the form postgres_fdw can send to a remote server';

-- simulate of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.simulate($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8, $9, $10, $11) $$;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'as aibiz.simulate with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- simulate of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
AS 'MODULE_PATHNAME', 'aibiz_simulate_company_v2'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, @extschema@.market, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'Monte Carlo simulation of a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- simulate of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials numeric DEFAULT 10000,
	seed bigint DEFAULT 0,
	scenario bigint DEFAULT 0,
	sampling text DEFAULT 'mc',
	correlations jsonb DEFAULT NULL,
	tolerance float8 DEFAULT NULL)
RETURNS @extschema@.simulation
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.simulate($1, @extschema@.market_by_name($2), $3, $4, $5, $6, $7, $8, $9) $$;

COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, text, int, numeric, bigint, bigint, text, jsonb, float8) IS
	'as aibiz.simulate with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- tornado of a company in an aibiz.market
CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
AS 'MODULE_PATHNAME', 'aibiz_tornado'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, text) IS
	'tornado of a company in an aibiz.market, as aibiz.tornado with a market row';

-- tornado of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.tornado(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20 COST 1000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.tornado($1, $2, $3, @extschema@.market_by_name($4), $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, text) IS
	'as aibiz.tornado with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- tornado of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
AS 'MODULE_PATHNAME', 'aibiz_tornado_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, @extschema@.market, int, text) IS
	'tornado of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- tornado of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.tornado(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (ord int, source text, path text, kind text, low_input float8,
			   high_input float8, low_value float8, high_value float8,
			   base_value float8, swing float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 20 COST 1000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.tornado($1, @extschema@.market_by_name($2), $3, $4) f $$;

COMMENT ON FUNCTION @extschema@.tornado(@extschema@.companies, text, int, text) IS
	'as aibiz.tornado with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- spider of a company in an aibiz.market
CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
AS 'MODULE_PATHNAME', 'aibiz_spider'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 140 COST 5000;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, text) IS
	'spider of a company in an aibiz.market, as aibiz.spider with a market row';

-- spider of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.spider(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 140 COST 5000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.spider($1, $2, $3, @extschema@.market_by_name($4), $5, $6) f $$;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, text) IS
	'as aibiz.spider with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- spider of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
AS 'MODULE_PATHNAME', 'aibiz_spider_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 140 COST 5000;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, @extschema@.market, int, text) IS
	'spider of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- spider of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.spider(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	metric text DEFAULT 'npv')
RETURNS TABLE (source text, path text, factor float8, input float8, value float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 140 COST 5000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.spider($1, @extschema@.market_by_name($2), $3, $4) f $$;

COMMENT ON FUNCTION @extschema@.spider(@extschema@.companies, text, int, text) IS
	'as aibiz.spider with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- sensitivity of a company in an aibiz.market
CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
AS 'MODULE_PATHNAME', 'aibiz_sensitivity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 10000;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, int, int, bigint) IS
	'Monte Carlo sensitivity of a company in an aibiz.market, as aibiz.sensitivity with a market row';

-- sensitivity of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.sensitivity(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10 COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.sensitivity($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7) f $$;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, int, int, bigint) IS
	'as aibiz.sensitivity with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- sensitivity of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
	market @extschema@.market,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
AS 'MODULE_PATHNAME', 'aibiz_sensitivity_company'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10 COST 10000;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, @extschema@.market, int, int, bigint) IS
	'Monte Carlo sensitivity of a row of aibiz.companies in an aibiz.market; no rows when the company lacks one of its three inputs';

-- sensitivity of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.sensitivity(company @extschema@.companies,
	market text,
	horizon int DEFAULT 60,
	trials int DEFAULT 10000,
	seed bigint DEFAULT 0)
RETURNS TABLE (ord int, source text, path text, rank_correlation float8,
			   variance_share float8)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10 COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.sensitivity($1, @extschema@.market_by_name($2), $3, $4, $5) f $$;

COMMENT ON FUNCTION @extschema@.sensitivity(@extschema@.companies, text, int, int, bigint) IS
	'as aibiz.sensitivity with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- solve of a company in an aibiz.market
CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market @extschema@.market,
	path text,
	metric text,
	target float8,
	lo float8,
	hi float8,
	horizon int DEFAULT 60,
	trials int DEFAULT NULL,
	seed bigint DEFAULT 0,
	OUT value float8,
	OUT achieved float8,
	OUT iterations int)
RETURNS record
AS 'MODULE_PATHNAME', 'aibiz_solve'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, @extschema@.market, text, text, float8, float8, float8, int, int, bigint) IS
	'goal seek on a company in an aibiz.market, as aibiz.solve with a market row; NULL when an argument other than trials is NULL';

-- solve of a company in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.solve(revenue @extschema@.revenue_model,
	risk @extschema@.risk_profile,
	plan @extschema@.plan,
	market text,
	path text,
	metric text,
	target float8,
	lo float8,
	hi float8,
	horizon int DEFAULT 60,
	trials int DEFAULT NULL,
	seed bigint DEFAULT 0,
	OUT value float8,
	OUT achieved float8,
	OUT iterations int)
RETURNS record
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.solve($1, $2, $3, @extschema@.market_by_name($4), $5, $6, $7, $8, $9, $10, $11, $12) f $$;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, text, text, text, float8, float8, float8, int, int, bigint) IS
	'as aibiz.solve with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';

-- solve of a row of aibiz.companies in an aibiz.market
CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
	market @extschema@.market,
	path text,
	metric text,
	target float8,
	lo float8,
	hi float8,
	horizon int DEFAULT 60,
	trials int DEFAULT NULL,
	seed bigint DEFAULT 0,
	OUT value float8,
	OUT achieved float8,
	OUT iterations int)
RETURNS record
AS 'MODULE_PATHNAME', 'aibiz_solve_company'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10000;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, @extschema@.market, text, text, float8, float8, float8, int, int, bigint) IS
	'goal seek on a row of aibiz.companies in an aibiz.market; NULL when the company lacks one of its three inputs';

-- solve of a row of aibiz.companies in the market of aibiz.markets with this name
CREATE FUNCTION @extschema@.solve(company @extschema@.companies,
	market text,
	path text,
	metric text,
	target float8,
	lo float8,
	hi float8,
	horizon int DEFAULT 60,
	trials int DEFAULT NULL,
	seed bigint DEFAULT 0,
	OUT value float8,
	OUT achieved float8,
	OUT iterations int)
RETURNS record
LANGUAGE sql STABLE PARALLEL SAFE COST 10000
SET search_path = pg_catalog, pg_temp
AS $$ SELECT f.* FROM @extschema@.solve($1, @extschema@.market_by_name($2), $3, $4, $5, $6, $7, $8, $9, $10) f $$;

COMMENT ON FUNCTION @extschema@.solve(@extschema@.companies, text, text, text, float8, float8, float8, int, int, bigint) IS
	'as aibiz.solve with aibiz.market_by_name(market): the market given by its name in aibiz.markets; 22023 listing the valid names when there is none';
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

-- ---------------------------------------------------------------------------
-- 80_sample.sql — aibiz.sample_companies(n, seed): plausible, varied
-- companies across the shipped markets, for demos and benchmarks.
--
-- Deterministic: every draw is a hash of (seed, company, field) through
-- hashint8extended, never random(), so the same (n, seed) gives the same
-- rows on every server.  Each run of 12 consecutive companies covers the 12
-- shipped markets once, in an order drawn per run.  A latent "quality" draw
-- moves churn, acquisition cost, organic reach and spending discipline
-- together, so the sample spreads from sustainable through fragile to
-- failing companies.
--
-- The function runs with search_path = pg_catalog, pg_temp, and every
-- operator and function it calls is written pg_catalog-qualified
-- (OPERATOR(pg_catalog.*) and so on, parenthesised because OPERATOR() has one
-- precedence for all operators), so nothing a user creates can take part.
-- ---------------------------------------------------------------------------

-- Generate n sample companies for seed, ready to insert into aibiz.companies;
-- id is the company's number i (1..n): its draws depend on (seed, i) alone,
-- so company i is the same whatever n.
CREATE FUNCTION @extschema@.sample_companies(n integer, seed bigint DEFAULT 0)
RETURNS TABLE (id bigint, name text, market_id integer,
			   revenue @extschema@.revenue_model,
			   risk @extschema@.risk_profile,
			   plan @extschema@.plan)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	n_markets integer;
BEGIN
	IF (n OPERATOR(pg_catalog.<) 0) THEN
		RAISE EXCEPTION 'sample_companies: n must be >= 0, got %', n
			USING ERRCODE = '22023';
	END IF;
	IF (n OPERATOR(pg_catalog.>) 10000000) THEN
		RAISE EXCEPTION 'sample_companies: n % exceeds the limit of 10000000', n
			USING ERRCODE = '54000',
				  HINT = 'Generate in batches with different seeds.';
	END IF;
	IF (n OPERATOR(pg_catalog.=) 0) THEN
		RETURN;
	END IF;
	SELECT pg_catalog.count(*) INTO n_markets FROM @extschema@.markets mk
	WHERE mk.builtin AND (mk.id OPERATOR(pg_catalog.>=) 1) AND (mk.id OPERATOR(pg_catalog.<=) 12);
	IF (n_markets OPERATOR(pg_catalog.=) 0) THEN
		RAISE EXCEPTION 'sample_companies needs the shipped markets, and none is left in aibiz.markets'
			USING ERRCODE = '22023';
	END IF;

	RETURN QUERY
	WITH
	-- Typical figures per shipped market: the chance each revenue stream is
	-- present, its central price and volume, the acquisition cost of an
	-- account, its monthly churn and the cost of a training run.  Every
	-- company scatters around them.
	prof (slug, noun, sub_p, sub_price, sub_seats, use_p, use_price, use_units,
		  adv_p, adv_users, adv_impr, adv_cpm, lic_p, lic_deals, lic_fee,
		  lic_royalty, lic_base, cac, churn, train) AS (VALUES
		('fintech.credit_scoring', 'Credit',
		 0.6, 2000, 2, 0.7, 0.15, 20000, 0.0, 0, 0, 0, 0.25, 3, 150000, 0, 0,
		 60000, 0.012, 150000),
		('fintech.quant_trading', 'Capital',
		 0.7, 5000, 2, 0.4, 0.01, 200000, 0.0, 0, 0, 0, 0.35, 2, 300000, 0.02, 200000,
		 90000, 0.025, 250000),
		('fintech.insurance_service', 'Assure',
		 0.8, 120, 30, 0.6, 0.05, 40000, 0.0, 0, 0, 0, 0.1, 2, 100000, 0, 0,
		 35000, 0.012, 100000),
		('healthcare.diagnosis', 'Diagnostics',
		 0.8, 3000, 1, 0.6, 4, 800, 0.0, 0, 0, 0, 0.15, 2, 250000, 0, 0,
		 70000, 0.008, 300000),
		('healthcare.drug_discovery', 'Therapeutics',
		 0.4, 20000, 1, 0.2, 50, 300, 0.0, 0, 0, 0, 0.9, 2, 800000, 0.02, 2000000,
		 250000, 0.01, 600000),
		('healthcare.health_management', 'Health',
		 0.8, 3, 500, 0.3, 0.2, 2000, 0.15, 2000, 20, 8, 0.0, 0, 0, 0, 0,
		 15000, 0.018, 80000),
		('logistics.warehouse', 'Stock',
		 0.9, 900, 2, 0.4, 0.02, 30000, 0.0, 0, 0, 0, 0.05, 2, 80000, 0, 0,
		 15000, 0.015, 60000),
		('logistics.routing', 'Routes',
		 0.5, 300, 5, 0.8, 0.08, 5000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 9000, 0.02, 60000),
		('logistics.supply_chain_finance', 'Trade',
		 0.4, 4000, 1, 0.7, 3, 2000, 0.0, 0, 0, 0, 0.4, 3, 200000, 0, 0,
		 55000, 0.01, 150000),
		('ecommerce.recommendation', 'Commerce',
		 0.7, 300, 1, 0.5, 0.0005, 500000, 0.5, 3000, 25, 3, 0.0, 0, 0, 0, 0,
		 4000, 0.03, 100000),
		('ecommerce.behaviour_prediction', 'Insights',
		 0.8, 250, 1, 0.5, 0.001, 200000, 0.3, 2000, 20, 3, 0.0, 0, 0, 0, 0,
		 3500, 0.03, 80000),
		('ecommerce.fraud_detection', 'Shield',
		 0.4, 400, 1, 0.9, 0.01, 30000, 0.0, 0, 0, 0, 0.0, 0, 0, 0, 0,
		 6000, 0.015, 100000)
	),
	mk AS (
		SELECT m.id, m.regulatory_intensity AS reg, m.data_sensitivity AS sens, p.*
		FROM @extschema@.markets m
		JOIN prof p ON (p.slug OPERATOR(pg_catalog.=) m.name)
		WHERE m.builtin AND (m.id OPERATOR(pg_catalog.>=) 1) AND (m.id OPERATOR(pg_catalog.<=) 12)
	),
	k AS (SELECT pg_catalog.count(*)::int AS nm FROM mk),
	-- one shuffled order of the markets per run of nm companies
	blocks AS (
		SELECT b.blk,
			   pg_catalog.array_agg(mk.id ORDER BY pg_catalog.hashint8extended(((b.blk OPERATOR(pg_catalog.*) 64) OPERATOR(pg_catalog.+) mk.id), seed), mk.id) AS ids
		FROM k, pg_catalog.generate_series(0, ((n OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm)) b (blk)
		CROSS JOIN mk
		GROUP BY b.blk
	),
	co AS (
		SELECT g.i, mk.*,
			   -- 80 uniform draws in [0, 1) per company, u[f] for field f
			   ARRAY(SELECT (((pg_catalog.hashint8extended(((g.i::bigint OPERATOR(pg_catalog.*) 128) OPERATOR(pg_catalog.+) f), seed) OPERATOR(pg_catalog.>>) 11)
							 OPERATOR(pg_catalog.&) 9007199254740991)::float8 OPERATOR(pg_catalog./) 9007199254740992.0)
					 FROM pg_catalog.generate_series(1, 80) f ORDER BY f) AS u
		FROM k CROSS JOIN pg_catalog.generate_series(1, n) g (i)
		JOIN blocks bl ON (bl.blk OPERATOR(pg_catalog.=) ((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog./) k.nm))
		JOIN mk ON (mk.id OPERATOR(pg_catalog.=) bl.ids[(((g.i OPERATOR(pg_catalog.-) 1) OPERATOR(pg_catalog.%) k.nm) OPERATOR(pg_catalog.+) 1)])
	),
	-- company-level draws: stage, quality, which streams
	base AS (
		SELECT co.*,
			   CASE WHEN (u[3] OPERATOR(pg_catalog.<) 0.45) THEN 0 WHEN (u[3] OPERATOR(pg_catalog.<) 0.85) THEN 1 ELSE 2 END AS stage,
			   u[4] AS q,
			   (u[5] OPERATOR(pg_catalog.<) sub_p) AS has_sub,
			   (u[10] OPERATOR(pg_catalog.<) use_p) AS has_use,
			   (u[15] OPERATOR(pg_catalog.<) adv_p) AS has_adv,
			   (u[17] OPERATOR(pg_catalog.<) lic_p) AS has_lic
		FROM co
	),
	streams AS (
		SELECT b.*,
			   -- at least one stream: the market's most likely one
			   has_sub OR (NOT (has_use OR has_adv OR has_lic)
						   AND (sub_p OPERATOR(pg_catalog.>=) greatest(use_p, lic_p))) AS w_sub,
			   has_use OR (NOT (has_sub OR has_adv OR has_lic)
						   AND (use_p OPERATOR(pg_catalog.>) sub_p) AND (use_p OPERATOR(pg_catalog.>=) lic_p)) AS w_use,
			   has_lic OR (NOT (has_sub OR has_use OR has_adv)
						   AND (lic_p OPERATOR(pg_catalog.>) greatest(sub_p, use_p))) AS w_lic
		FROM base b
	),
	rev AS (
		SELECT s.*,
			   pg_catalog.concat_ws(' + ',
				 CASE WHEN w_sub THEN pg_catalog.format(
					 'subscription(price=%s, seats=%s, attach=%s%%, expansion=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) :: numeric, (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])))::int)),
					 greatest(1, pg_catalog.round(sub_seats OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[7]))),
					 CASE WHEN w_use OR has_adv OR w_lic THEN pg_catalog.round((40 OPERATOR(pg_catalog.+) (60 OPERATOR(pg_catalog.*) u[7]))::numeric) ELSE 100 END,
					 pg_catalog.round((u[9] OPERATOR(pg_catalog.*) 1.2)::numeric, 1),
					 pg_catalog.round(((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((sub_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[6])) OPERATOR(pg_catalog.*) (0.12 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[8]))))::int)),
					 pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[8]))::numeric))
				 END,
				 CASE WHEN w_use THEN pg_catalog.format(
					 'usage(price=%s, units=%s, growth=%s%%, price_decline=%s%%, cost=%s, cost_decline=%s%%)',
					 pg_catalog.round((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11]))::numeric,
						   (2 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])))::int)),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.<) 0.5) THEN pg_catalog.format('pert(%s, %s, %s)',
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.2 OPERATOR(pg_catalog.+) (0.2 OPERATOR(pg_catalog.*) u[12]))))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int)),
							 pg_catalog.round((use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12])))::numeric, (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (2 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[12]))))::int)))
						  ELSE pg_catalog.round((use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12]))::numeric,
									 (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log(use_units OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[12])))::int))::text
					 END,
					 pg_catalog.round((u[14] OPERATOR(pg_catalog.*) 2.5)::numeric, 1),
					 pg_catalog.round((5 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[14]))::numeric),
					 pg_catalog.round(((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13])))::numeric,
						   (1 OPERATOR(pg_catalog.-) pg_catalog.floor(pg_catalog.log((use_price OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[11])) OPERATOR(pg_catalog.*) (0.25 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) u[13]))))::int)),
					 pg_catalog.round((15 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[13]))::numeric))
				 END,
				 CASE WHEN has_adv THEN pg_catalog.format(
					 'advertising(impressions=%s, cpm=%s, users=%s, fill=%s%%, growth=%s%%, cost=%s)',
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.5) AND (u[19] OPERATOR(pg_catalog.<) 0.75)
						  THEN pg_catalog.format('triangular(%s, %s, %s)',
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) 0.5)::numeric), pg_catalog.round(adv_impr::numeric),
									  pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (1.5 OPERATOR(pg_catalog.+) u[16]))::numeric))
						  ELSE pg_catalog.round((adv_impr OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric)::text
					 END,
					 pg_catalog.round((adv_cpm OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) u[16]))::numeric, 1),
					 pg_catalog.round((adv_users OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[16])))::numeric, -2),
					 pg_catalog.round((40 OPERATOR(pg_catalog.+) (50 OPERATOR(pg_catalog.*) u[16]))::numeric),
					 pg_catalog.round((u[16] OPERATOR(pg_catalog.*) 1.5)::numeric, 1),
					 pg_catalog.round((0.005 OPERATOR(pg_catalog.+) (0.01 OPERATOR(pg_catalog.*) u[16]))::numeric, 3))
				 END,
				 CASE WHEN w_lic THEN pg_catalog.format(
					 'licensing(deals=%s, fee=%s, royalty=%s%%, base=%s, term=%s, cost=%s)',
					 pg_catalog.round((lic_deals OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.75)
						  THEN pg_catalog.format('lognormal(%s, %s)',
									  pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
									  pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.6)::numeric, -3))
						  ELSE pg_catalog.round((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3)::text
					 END,
					 pg_catalog.round(((lic_royalty OPERATOR(pg_catalog.*) 100) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, 1),
					 pg_catalog.round((lic_base OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18]))::numeric, -3),
					 (12 OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[18] OPERATOR(pg_catalog.*) 4)::int)),
					 pg_catalog.round(((lic_fee OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[18])) OPERATOR(pg_catalog.*) 0.1)::numeric, -3))
				 END) AS revenue_text
		FROM streams s
	),
	-- the risk register: each category present with a chance that follows the
	-- market (regulation with regulatory intensity, privacy with data
	-- sensitivity); sometimes with a strategy; regulation and market risks
	-- are market-wide (scope=market: shared by the companies of a market)
	rk AS (
		SELECT r.i,
			   pg_catalog.string_agg(pg_catalog.format('%s(freq=%s%s%s%s)', c.cat,
						  pg_catalog.round((c.f_lo OPERATOR(pg_catalog.+) ((c.f_hi OPERATOR(pg_catalog.-) c.f_lo) OPERATOR(pg_catalog.*) r.u[(48 OPERATOR(pg_catalog.+) c.k)]))::numeric, 2),
						  CASE
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'technology') THEN pg_catalog.format(', churn=triangular(1%%, %s%%, 10%%), cost=%s',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((3000 OPERATOR(pg_catalog.+) (12000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'competition') THEN pg_catalog.format(', price=triangular(1%%, %s%%, 12%%), share=%s%%',
								  pg_catalog.round((2 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((2 OPERATOR(pg_catalog.+) (8 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((30000 OPERATOR(pg_catalog.+) ((300000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) ((200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((8000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.reg))::numeric, -2))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', churn=pert(0.5%%, %s%%, 8%%), loss=%s',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1), pg_catalog.round((20000 OPERATOR(pg_catalog.+) (100000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', loss=lognormal(%s, %s), churn=%s%%',
								  pg_catalog.round((100000 OPERATOR(pg_catalog.+) ((1500000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((80000 OPERATOR(pg_catalog.+) ((1200000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -3),
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN pg_catalog.format(', share=triangular(3%%, %s%%, 25%%)',
								  pg_catalog.round((5 OPERATOR(pg_catalog.+) (10 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'data') THEN pg_catalog.format(', cost=%s, churn=%s%%',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (10000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((0.5 OPERATOR(pg_catalog.+) (2.5 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  ELSE pg_catalog.format(', loss=lognormal(%s, %s), cost=%s',
								  pg_catalog.round((20000 OPERATOR(pg_catalog.+) (60000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((10000 OPERATOR(pg_catalog.+) (40000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -3),
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) (4000 OPERATOR(pg_catalog.*) r.u[(56 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2))
						  END,
						  CASE
							  WHEN (r.u[(64 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.>=) 0.35) THEN ''
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN pg_catalog.format(', strategy=transfer(premium=%s, cover=%s%%)',
								  pg_catalog.round((1000 OPERATOR(pg_catalog.+) ((4000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]) OPERATOR(pg_catalog.*) r.sens))::numeric, -2), pg_catalog.round((50 OPERATOR(pg_catalog.+) (40 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'ethics') THEN pg_catalog.format(', strategy=avoid(forgo=%s%%)',
								  pg_catalog.round((1 OPERATOR(pg_catalog.+) (4 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, 1))
							  WHEN (c.cat OPERATOR(pg_catalog.=) 'market') THEN ''
							  ELSE pg_catalog.format(', strategy=mitigate(cost=%s, effect=%s%%)',
								  pg_catalog.round((2000 OPERATOR(pg_catalog.+) (15000 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric, -2), pg_catalog.round((25 OPERATOR(pg_catalog.+) (45 OPERATOR(pg_catalog.*) r.u[(72 OPERATOR(pg_catalog.+) c.k)]))::numeric))
						  END,
						  -- a regulation change or a price war hits the whole market
						  CASE WHEN (c.cat OPERATOR(pg_catalog.=) ANY (ARRAY['regulation', 'market']::pg_catalog.text[]))
							   THEN ', scope=market' ELSE '' END), ' + ' ORDER BY c.k) AS risk_text
		FROM co r
		CROSS JOIN (VALUES
			(1, 'technology', 0.2, 0.8, 0.7, 0.0),
			(2, 'competition', 0.5, 2.0, 0.8, 0.0),
			(3, 'regulation', 0.05, 0.5, 0.1, 0.8),
			(4, 'ethics', 0.05, 0.3, 0.3, 0.0),
			(5, 'privacy', 0.05, 0.3, 0.1, 0.8),
			(6, 'market', 0.2, 0.8, 0.5, 0.0),
			(7, 'data', 0.1, 0.5, 0.4, 0.0),
			(8, 'team', 0.3, 1.0, 0.5, 0.0)
		) c (k, cat, f_lo, f_hi, p_base, p_market)
		WHERE (r.u[(40 OPERATOR(pg_catalog.+) c.k)] OPERATOR(pg_catalog.<) (c.p_base OPERATOR(pg_catalog.+) (c.p_market OPERATOR(pg_catalog.*)
			  CASE WHEN (c.cat OPERATOR(pg_catalog.=) 'regulation') THEN r.reg WHEN (c.cat OPERATOR(pg_catalog.=) 'privacy') THEN r.sens ELSE 0 END)))
		GROUP BY r.i
	),
	-- the operating plan: stage sets cash and team size; quality moves churn,
	-- acquisition cost, organic reach and spending together
	pl0 AS (
		SELECT b.i, b.q, b.u,
			   greatest(2, pg_catalog.round(((ARRAY[6, 18, 45])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.6 OPERATOR(pg_catalog.+) (0.8 OPERATOR(pg_catalog.*) u[22])))::numeric)) AS heads,
			   pg_catalog.round((9000 OPERATOR(pg_catalog.+) (9000 OPERATOR(pg_catalog.*) u[23]))::numeric, -2) AS tcost,
			   pg_catalog.round(((ARRAY[30000, 100000, 300000])[(stage OPERATOR(pg_catalog.+) 1)] OPERATOR(pg_catalog.*) (0.4 OPERATOR(pg_catalog.+) (1.2 OPERATOR(pg_catalog.*) u[26])))::numeric, -3) AS budget,
			   CASE WHEN (u[32] OPERATOR(pg_catalog.<) 0.55)
					THEN pg_catalog.round(((b.train OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) u[33])) OPERATOR(pg_catalog.*) (ARRAY[0.4, 1, 2.5])[(stage OPERATOR(pg_catalog.+) 1)])::numeric, -3)
			   END AS train_cost,
			   (ARRAY[3, 6, 6, 12])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(u[33] OPERATOR(pg_catalog.*) 4)::int)] AS every,
			   (1 OPERATOR(pg_catalog.+) pg_catalog.floor((u[20] OPERATOR(pg_catalog.*) u[20]) OPERATOR(pg_catalog.*) (6 OPERATOR(pg_catalog.+) (6 OPERATOR(pg_catalog.*) ((sub_p OPERATOR(pg_catalog.<) 0.5) OR (lic_p OPERATOR(pg_catalog.>) 0.5))::int)))::int) AS launch,
			   ((cac OPERATOR(pg_catalog.*) (1.8 OPERATOR(pg_catalog.-) (1.3 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[27]))) AS cac_v,
			   ((churn OPERATOR(pg_catalog.*) (1.6 OPERATOR(pg_catalog.-) (1.1 OPERATOR(pg_catalog.*) q))) OPERATOR(pg_catalog.*) (0.8 OPERATOR(pg_catalog.+) (0.4 OPERATOR(pg_catalog.*) u[25]))) AS churn_v
		FROM base b
	),
	-- cash covers the planned monthly burn for 9 to 36 months
	pl AS (
		SELECT p.*,
			   ((((heads OPERATOR(pg_catalog.*) tcost) OPERATOR(pg_catalog.+) budget) OPERATOR(pg_catalog.+) coalesce((train_cost OPERATOR(pg_catalog./) every), 0))
			   OPERATOR(pg_catalog.*) (9 OPERATOR(pg_catalog.+) (27 OPERATOR(pg_catalog.*) u[21]))) AS cash
		FROM pl0 p
	),
	plans AS (
		SELECT p.i,
			   pg_catalog.concat_ws(' + ',
				 pg_catalog.format('cash(amount=%s)', pg_catalog.round(p.cash::numeric, -5)),
				 pg_catalog.format('team(headcount=%s, cost=%s, growth=%s%%)',
						p.heads, p.tcost,
						pg_catalog.round((5 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[24]))::numeric)),
				 pg_catalog.format('product(launch=%s, churn=%s%%)', p.launch, pg_catalog.round((p.churn_v OPERATOR(pg_catalog.*) 100)::numeric, 2)),
				 pg_catalog.format('marketing(budget=%s, cac=%s, growth=%s%%, organic=%s%%)',
						p.budget,
						CASE WHEN (u[19] OPERATOR(pg_catalog.>=) 0.25) AND (u[19] OPERATOR(pg_catalog.<) 0.5)
							 THEN pg_catalog.format('pert(%s, %s, %s)', pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 0.7)::numeric, -2),
										 pg_catalog.round(p.cac_v::numeric, -2), pg_catalog.round((p.cac_v OPERATOR(pg_catalog.*) 2)::numeric, -2))
							 ELSE pg_catalog.round(p.cac_v::numeric, -2)::text
						END,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[28]))::numeric),
						pg_catalog.round((0.5 OPERATOR(pg_catalog.+) ((5 OPERATOR(pg_catalog.*) p.q) OPERATOR(pg_catalog.*) u[29]))::numeric, 2)),
				 CASE WHEN (u[30] OPERATOR(pg_catalog.<) 0.15) THEN pg_catalog.format('entry(mode=channel, cut=%s%%, reach=%s)',
						pg_catalog.round((15 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[31]))::numeric), pg_catalog.round((1.5 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[31]))::numeric, 1))
					  WHEN (u[30] OPERATOR(pg_catalog.<) 0.22) THEN pg_catalog.format('entry(mode=jv, stake=%s%%)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (30 OPERATOR(pg_catalog.*) u[31]))::numeric))
				 END,
				 CASE WHEN p.train_cost IS NOT NULL THEN pg_catalog.format('training(cost=%s, every=%s, decline=%s%%)',
						p.train_cost, p.every,
						pg_catalog.round((10 OPERATOR(pg_catalog.+) (25 OPERATOR(pg_catalog.*) u[33]))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.7) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(9 OPERATOR(pg_catalog.+) pg_catalog.floor(u[35] OPERATOR(pg_catalog.*) 15)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (1 OPERATOR(pg_catalog.+) (2 OPERATOR(pg_catalog.*) u[36])))::numeric, -5),
						pg_catalog.round((35 OPERATOR(pg_catalog.+) ((60 OPERATOR(pg_catalog.*) u[37]) OPERATOR(pg_catalog.*) (0.5 OPERATOR(pg_catalog.+) (0.5 OPERATOR(pg_catalog.*) p.q))))::numeric))
				 END,
				 CASE WHEN (u[34] OPERATOR(pg_catalog.<) 0.25) THEN pg_catalog.format('round(month=%s, amount=%s, p=%s%%)',
						(30 OPERATOR(pg_catalog.+) pg_catalog.floor(u[38] OPERATOR(pg_catalog.*) 12)::int),
						pg_catalog.round((p.cash OPERATOR(pg_catalog.*) (3 OPERATOR(pg_catalog.+) (3 OPERATOR(pg_catalog.*) u[38])))::numeric, -5),
						pg_catalog.round((25 OPERATOR(pg_catalog.+) ((50 OPERATOR(pg_catalog.*) u[38]) OPERATOR(pg_catalog.*) p.q))::numeric))
				 END,
				 pg_catalog.format('valuation(discount=%s%%, multiple=%s)',
						pg_catalog.round((20 OPERATOR(pg_catalog.+) (20 OPERATOR(pg_catalog.*) u[39]))::numeric), pg_catalog.round((3 OPERATOR(pg_catalog.+) (9 OPERATOR(pg_catalog.*) u[40]))::numeric, 1))
			   ) AS plan_text
		FROM pl p
	),
	named AS (
		SELECT r.i, r.id, r.revenue_text,
			   ((((ARRAY['Aster', 'Lumen', 'Nova', 'Quanta', 'Cobalt', 'Helix', 'Vertex', 'Orbit',
					  'Sable', 'Tessel', 'Kite', 'Ember', 'Iris', 'Polar', 'Cedar', 'Vela',
					  'Zephyr', 'Atlas', 'Bright', 'Clear', 'Deep', 'Fathom', 'Granite', 'Harbor'])
				   [(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[1] OPERATOR(pg_catalog.*) 24)::int)]
			   OPERATOR(pg_catalog.||) (ARRAY['', 'ly', 'ify', 'io', ' AI', 'Mind', 'Logic', 'Path',
						 'Signal', 'Scale', 'Sense', 'Works'])[(1 OPERATOR(pg_catalog.+) pg_catalog.floor(r.u[2] OPERATOR(pg_catalog.*) 12)::int)])
			   OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) r.noun) AS base_name
		FROM rev r
	)
	SELECT nd.i::bigint,
		   CASE WHEN (pg_catalog.row_number() OVER w OPERATOR(pg_catalog.=) 1) THEN nd.base_name
				ELSE ((nd.base_name OPERATOR(pg_catalog.||) ' ') OPERATOR(pg_catalog.||) pg_catalog.row_number() OVER w) END,
		   nd.id,
		   nd.revenue_text::@extschema@.revenue_model,
		   coalesce(rk.risk_text, '')::@extschema@.risk_profile,
		   plans.plan_text::@extschema@.plan
	FROM named nd
	JOIN plans ON (plans.i OPERATOR(pg_catalog.=) nd.i)
	LEFT JOIN rk ON (rk.i OPERATOR(pg_catalog.=) nd.i)
	WINDOW w AS (PARTITION BY nd.base_name ORDER BY nd.i)
	ORDER BY nd.i;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sample_companies(integer, bigint) IS
	'n plausible, varied sample companies across the 12 shipped markets, deterministic for (n, seed); id is the company''s number 1..n, and company id is the same for every n >= id (so shards can each keep a slice, e.g. WHERE id % 3 = k); insert them into aibiz.companies';
-- 90_charts.sql — charts as SVG text (fan, survival, NPV histogram,
-- cumulative and exceedance curves, tornado) and a Unicode sparkline.
-- The chart functions are not strict: a NULL title or unit takes its
-- default, and a NULL simulation or array gives NULL.

CREATE FUNCTION @extschema@.svg_fan(sim @extschema@.simulation, metric text DEFAULT 'cash',
		title text DEFAULT NULL, currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_fan' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_fan(@extschema@.simulation, text, text, text) IS
'SVG fan chart of monthly cash or revenue: P5-P95 and P25-P75 bands, median line, dashed mean line; metric is ''cash'' or ''revenue''; currency names the unit on the y axis';

CREATE FUNCTION @extschema@.svg_survival(names text[], sims @extschema@.simulation[],
		title text DEFAULT NULL) RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_survival' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_survival(text[], @extschema@.simulation[], text) IS
'SVG survival chart: per simulation one line of the share of trials alive (%) from month 0 to the horizon, named by names (1 to 10 series; a legend when more than one)';

CREATE FUNCTION @extschema@.svg_survival(sim @extschema@.simulation, title text DEFAULT NULL)
	RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN sim IS NULL THEN NULL
		ELSE @extschema@.svg_survival(ARRAY['survival']::text[], ARRAY[sim], title) END;
COMMENT ON FUNCTION @extschema@.svg_survival(@extschema@.simulation, text) IS
'SVG survival chart of one simulation: share of trials alive (%) by month';

CREATE FUNCTION @extschema@.svg_histogram(sim @extschema@.simulation, bins int DEFAULT 30,
		title text DEFAULT NULL, currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_histogram' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_histogram(@extschema@.simulation, int, text, text) IS
'SVG histogram of the trial NPVs (bins 1 to 200, equal width from the smallest to the largest NPV, bar height the share of trials in %) with labelled markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_cumulative(sim @extschema@.simulation, title text DEFAULT NULL,
		currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_cumulative' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_cumulative(@extschema@.simulation, text, text) IS
'SVG curve of the NPV cumulative distribution P(NPV <= x) in %, at 201 points from the smallest to the largest NPV, with markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_exceedance(sim @extschema@.simulation, title text DEFAULT NULL,
		currency text DEFAULT 'money units') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_exceedance' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_exceedance(@extschema@.simulation, text, text) IS
'SVG curve of the NPV exceedance probability P(NPV > x) = 100 % - P(NPV <= x), with markers at P5, P50, P95 and the mean';

CREATE FUNCTION @extschema@.svg_tornado(labels text[], low float8[], high float8[], base float8,
		title text DEFAULT NULL, axis text DEFAULT 'NPV (money units)') RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_svg_tornado' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.svg_tornado(text[], float8[], float8[], float8, text, text) IS
'SVG tornado chart: per label (1 to 100) a bar from base to the output at the input''s low value and one to its high value, sorted by swing |high - low| descending; axis titles the value axis';

CREATE FUNCTION @extschema@.sparkline(float8[]) RETURNS text
	AS 'MODULE_PATHNAME', 'aibiz_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sparkline(float8[]) IS
'one-line sparkline: per element one of the blocks U+2581..U+2588 scaled from the smallest to the largest value, a space for NULL, U+2584 throughout for a constant series';
-- ---------------------------------------------------------------------------
-- 95_views.sql — plain views over aibiz.companies for BI tools: the
-- expected-path KPIs and unit economics of every company, and its monthly
-- rows.  They compute on read (a projection takes tens of microseconds), so
-- they always reflect the current rows; column names are unique across
-- companies, markets and each other, so the views join without aliases.
-- ---------------------------------------------------------------------------

-- One row per company: its market and the headline numbers of its projection.
CREATE VIEW @extschema@.company_kpis AS
SELECT c.id AS company_id,
	   c.name AS company,
	   c.market_id,
	   m.sector AS market_sector,
	   m.use_case AS market_use_case,
	   @extschema@.horizon(p) AS horizon_months,
	   @extschema@.launch_month(p) AS launch_month,
	   @extschema@.npv(p) AS npv,
	   @extschema@.breakeven_month(p) AS breakeven_month,
	   @extschema@.runway(p) AS cash_out_month,
	   @extschema@.arr(p, 12) AS arr_month_12,
	   @extschema@.arr(p, @extschema@.horizon(p)) AS arr_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'min_cash')::float8 AS lowest_cash,
	   (s OPERATOR(pg_catalog.->>) 'final_cash')::float8 AS cash_at_horizon,
	   (s OPERATOR(pg_catalog.->>) 'final_accounts')::float8 AS accounts_at_horizon,
	   u.arpa, u.gross_margin, u.ltv, u.cac, u.ltv_to_cac, u.payback_months
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.summary(p) s
CROSS JOIN LATERAL @extschema@.unit_economics(c.revenue, c.plan) u;
COMMENT ON VIEW @extschema@.company_kpis IS
'one row per company of aibiz.companies (joined to its market): the expected path over 60 months (npv, breakeven month, month cash runs out, ARR at month 12 and at the horizon, lowest and final cash, final accounts) and unit economics at launch; computed when read';

-- One row per company and month of its projection.
CREATE VIEW @extschema@.company_months AS
SELECT c.id AS company_id,
	   c.name AS company,
	   r.month,
	   r.accounts AS customer_accounts,
	   r.new_accounts AS new_customer_accounts,
	   r.revenue AS net_revenue,
	   r.gross_revenue,
	   r.rev_subscription AS subscription_revenue,
	   r.rev_usage AS usage_revenue,
	   r.rev_advertising AS advertising_revenue,
	   r.rev_licensing AS licensing_revenue,
	   r.cost_of_revenue,
	   r.gross_profit,
	   r.opex,
	   r.marketing AS marketing_spend,
	   r.training AS training_cost,
	   r.risk_cost,
	   r.cash_flow AS operating_cash_flow,
	   r.funding,
	   r.cash AS closing_cash
FROM @extschema@.companies c
JOIN @extschema@.markets m ON m.id OPERATOR(pg_catalog.=) c.market_id
CROSS JOIN LATERAL @extschema@.project(c, m) p
CROSS JOIN LATERAL @extschema@.rows(p) r;
COMMENT ON VIEW @extschema@.company_months IS
'one row per company of aibiz.companies and month 1..60 of its expected path: accounts, new accounts, net and gross revenue and revenue by stream, cost of revenue, gross profit, opex, marketing, training, risk cost, operating cash flow, funding and closing cash; computed when read';

GRANT SELECT ON @extschema@.company_kpis, @extschema@.company_months TO PUBLIC;
