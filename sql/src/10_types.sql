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
