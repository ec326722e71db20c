-- aibiz 0.1.0: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit
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
-- 20_schema.sql — the tables shipped by the extension (SPEC §2): application
-- markets, the risk catalogue, the case studies and the user's companies,
-- with the study's data, plus the market() constructor.
--
-- Shipped numbers are illustrative defaults, not measurements.  Rows shipped
-- here carry builtin = true; pg_dump keeps every row a user adds (builtin =
-- false) and leaves the shipped rows to CREATE EXTENSION.
-- ---------------------------------------------------------------------------

-- Application markets: a market is the five numbers of the adoption model.
CREATE TABLE @extschema@.markets (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1001) PRIMARY KEY,
	sector text NOT NULL,
	use_case text NOT NULL,
	name text NOT NULL UNIQUE,
	accounts float8 NOT NULL CHECK (accounts >= 0 AND accounts < 'Infinity'),
	adoption float8 NOT NULL CHECK (adoption >= 0 AND adoption < 1),
	bass_p float8 NOT NULL CHECK (bass_p > 0 AND bass_p < 'Infinity'),
	bass_q float8 NOT NULL CHECK (bass_q >= 0 AND bass_q < 'Infinity'),
	growth float8 NOT NULL CHECK (growth > -1 AND growth < 'Infinity'),
	regulatory_intensity float8 NOT NULL DEFAULT 0.5
		CHECK (regulatory_intensity >= 0 AND regulatory_intensity <= 1),
	data_sensitivity float8 NOT NULL DEFAULT 0.5
		CHECK (data_sensitivity >= 0 AND data_sensitivity <= 1),
	description text,
	builtin boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE @extschema@.markets IS
	'application markets of AI businesses: addressable accounts and Bass adoption; the shipped rows are the study''s 12 scenarios with illustrative numbers';
COMMENT ON COLUMN @extschema@.markets.id IS
	'market id; shipped rows use 1..12, rows added without an id get 1001 and up';
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
		CHECK (name IN ('technology', 'competition', 'regulation', 'ethics',
						'privacy', 'market', 'data', 'team')),
	ord integer NOT NULL UNIQUE CHECK (ord BETWEEN 1 AND 8),
	title text NOT NULL,
	description text NOT NULL,
	default_strategy text NOT NULL
		CHECK (default_strategy IN ('accept', 'mitigate', 'transfer', 'avoid')),
	strategy_note text NOT NULL
);

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
	tech_leadership numeric NOT NULL CHECK (tech_leadership BETWEEN 0 AND 10),
	business_model numeric NOT NULL CHECK (business_model BETWEEN 0 AND 10),
	market_performance numeric NOT NULL CHECK (market_performance BETWEEN 0 AND 10),
	ecosystem numeric NOT NULL CHECK (ecosystem BETWEEN 0 AND 10),
	lessons text,
	builtin boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE @extschema@.cases IS
	'case studies scored 0-10 on the study''s criteria; the shipped rows are its three cases with illustrative scores';
COMMENT ON COLUMN @extschema@.cases.id IS
	'case id; shipped rows use 1..3, rows added without an id get 1001 and up';
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
	market_id integer NOT NULL REFERENCES @extschema@.markets (id),
	revenue @extschema@.revenue_model NOT NULL,
	risk @extschema@.risk_profile NOT NULL DEFAULT '',
	plan @extschema@.plan NOT NULL,
	attrs jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attrs) = 'object'),
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON @extschema@.companies (market_id);

COMMENT ON TABLE @extschema@.companies IS
	'the user''s companies: market, revenue model, risk profile and operating plan; empty when shipped, aibiz.sample_companies fills it';
COMMENT ON COLUMN @extschema@.companies.id IS
	'company id, generated when not given';
COMMENT ON COLUMN @extschema@.companies.name IS
	'company name, unique';
COMMENT ON COLUMN @extschema@.companies.market_id IS
	'the market it sells into (aibiz.markets.id)';
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
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES
	ON @extschema@.markets, @extschema@.cases, @extschema@.companies
	TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE
	ON SEQUENCE @extschema@.markets_id_seq, @extschema@.cases_id_seq,
	@extschema@.companies_id_seq
	TO @extowner@ WITH GRANT OPTION;

-- Build a market row from its five model numbers, checking their domains.
CREATE FUNCTION @extschema@.market(accounts float8, adoption float8,
								   bass_p float8, bass_q float8, growth float8)
RETURNS @extschema@.markets
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	m @extschema@.markets;
BEGIN
	IF NOT (market.accounts >= 0 AND market.accounts < 'Infinity') THEN
		RAISE EXCEPTION 'market accounts must be a finite number >= 0, got %', market.accounts
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.adoption >= 0 AND market.adoption < 1) THEN
		RAISE EXCEPTION 'market adoption must be in [0, 1), got %', market.adoption
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_p > 0 AND market.bass_p < 'Infinity') THEN
		RAISE EXCEPTION 'market bass_p must be a finite number > 0, got %', market.bass_p
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.bass_q >= 0 AND market.bass_q < 'Infinity') THEN
		RAISE EXCEPTION 'market bass_q must be a finite number >= 0, got %', market.bass_q
			USING ERRCODE = '22023';
	END IF;
	IF NOT (market.growth > -1 AND market.growth < 'Infinity') THEN
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
-- 40_projection: the expected path (SPEC §5, §7, §8): the aibiz.projection
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
'Expected path of SPEC §5 over horizon months (1..600): every distribution at its mean, risk events at their expected monthly effect, rounds at p x amount. market is any row with accounts, adoption, bass_p, bass_q and growth (a row of aibiz.markets or aibiz.market(...)).';

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
'Result of a Monte Carlo simulation (or a portfolio of them): per trial NPV, ARR at the horizon, risk loss, death and breakeven month; per month alive counts, mean and (single simulations) P5-P95 of revenue and cash; per risk category event and loss totals. Text form: "simulation v1 trials=... data=<base64>", exact.';
COMMENT ON FUNCTION @extschema@.simulation_in(cstring) IS 'text input of aibiz.simulation (the exact form written by its output)';
COMMENT ON FUNCTION @extschema@.simulation_out(@extschema@.simulation) IS 'text output of aibiz.simulation: a readable header then the base64 of the binary form';
COMMENT ON FUNCTION @extschema@.simulation_recv(internal) IS 'binary input of aibiz.simulation (versioned, validated like text input)';
COMMENT ON FUNCTION @extschema@.simulation_send(@extschema@.simulation) IS 'binary output of aibiz.simulation (versioned, big-endian)';

-- running simulations

CREATE FUNCTION @extschema@.simulate(revenue @extschema@.revenue_model,
									 risk @extschema@.risk_profile,
									 plan @extschema@.plan,
									 market record,
									 horizon int DEFAULT 60,
									 trials int DEFAULT 10000,
									 seed bigint DEFAULT 0)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.revenue_model, @extschema@.risk_profile, @extschema@.plan, record, int, int, bigint) IS
'Monte Carlo simulation of a company over horizon months (at most 600): trials trials (at most aibiz.max_trials), trial i keyed by (seed, i), so the same inputs and seed give the same bytes everywhere. market is any row with accounts, adoption, bass_p, bass_q, growth.';

CREATE FUNCTION @extschema@.simulate(company @extschema@.companies,
									 market record,
									 horizon int DEFAULT 60,
									 trials int DEFAULT 10000,
									 seed bigint DEFAULT 0)
	RETURNS @extschema@.simulation
	AS 'MODULE_PATHNAME', 'aibiz_simulate_company' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION @extschema@.simulate(@extschema@.companies, record, int, int, bigint) IS
'Monte Carlo simulation of a row of aibiz.companies in its market row (e.g. a row of aibiz.markets); NULL if the company has no revenue model, risk profile or plan. Companies simulated with the same seed share random streams (common random numbers); pass seed => id for independent draws.';

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
-- 80_sample.sql — aibiz.sample_companies(n, seed): plausible, varied
-- companies across the shipped markets, for demos and benchmarks (SPEC §9).
--
-- Deterministic: every draw is a hash of (seed, company, field) through
-- hashint8extended, never random(), so the same (n, seed) gives the same
-- rows on every server.  Each run of 12 consecutive companies covers the 12
-- shipped markets once, in an order drawn per run.  A latent "quality" draw
-- moves churn, acquisition cost, organic reach and spending discipline
-- together, so the sample spreads from sustainable through fragile to
-- failing companies.
-- ---------------------------------------------------------------------------

-- Generate n sample companies for seed, ready to insert into aibiz.companies.
CREATE FUNCTION @extschema@.sample_companies(n integer, seed bigint DEFAULT 0)
RETURNS TABLE (name text, market_id integer,
			   revenue @extschema@.revenue_model,
			   risk @extschema@.risk_profile,
			   plan @extschema@.plan)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $fn$
#variable_conflict use_column
DECLARE
	n_markets integer;
BEGIN
	IF n < 0 THEN
		RAISE EXCEPTION 'sample_companies: n must be >= 0, got %', n
			USING ERRCODE = '22023';
	END IF;
	IF n > 10000000 THEN
		RAISE EXCEPTION 'sample_companies: n % exceeds the limit of 10000000', n
			USING ERRCODE = '54000',
				  HINT = 'Generate in batches with different seeds.';
	END IF;
	IF n = 0 THEN
		RETURN;
	END IF;
	SELECT count(*) INTO n_markets FROM @extschema@.markets mk
	WHERE mk.builtin AND mk.id BETWEEN 1 AND 12;
	IF n_markets = 0 THEN
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
		JOIN prof p ON p.slug = m.name
		WHERE m.builtin AND m.id BETWEEN 1 AND 12
	),
	k AS (SELECT count(*)::int AS nm FROM mk),
	-- one shuffled order of the markets per run of nm companies
	blocks AS (
		SELECT b.blk,
			   array_agg(mk.id ORDER BY hashint8extended(b.blk * 64 + mk.id, seed), mk.id) AS ids
		FROM k, generate_series(0, (n - 1) / k.nm) b (blk)
		CROSS JOIN mk
		GROUP BY b.blk
	),
	co AS (
		SELECT g.i, mk.*,
			   -- 80 uniform draws in [0, 1) per company, u[f] for field f
			   ARRAY(SELECT ((hashint8extended(g.i::bigint * 128 + f, seed) >> 11)
							 & 9007199254740991)::float8 / 9007199254740992.0
					 FROM generate_series(1, 80) f ORDER BY f) AS u
		FROM k CROSS JOIN generate_series(1, n) g (i)
		JOIN blocks bl ON bl.blk = (g.i - 1) / k.nm
		JOIN mk ON mk.id = bl.ids[(g.i - 1) % k.nm + 1]
	),
	-- company-level draws: stage, quality, which streams
	base AS (
		SELECT co.*,
			   CASE WHEN u[3] < 0.45 THEN 0 WHEN u[3] < 0.85 THEN 1 ELSE 2 END AS stage,
			   u[4] AS q,
			   u[5] < sub_p AS has_sub,
			   u[10] < use_p AS has_use,
			   u[15] < adv_p AS has_adv,
			   u[17] < lic_p AS has_lic
		FROM co
	),
	streams AS (
		SELECT b.*,
			   -- at least one stream: the market's most likely one
			   has_sub OR (NOT (has_use OR has_adv OR has_lic)
						   AND sub_p >= greatest(use_p, lic_p)) AS w_sub,
			   has_use OR (NOT (has_sub OR has_adv OR has_lic)
						   AND use_p > sub_p AND use_p >= lic_p) AS w_use,
			   has_lic OR (NOT (has_sub OR has_use OR has_adv)
						   AND lic_p > greatest(sub_p, use_p)) AS w_lic
		FROM base b
	),
	rev AS (
		SELECT s.*,
			   concat_ws(' + ',
				 CASE WHEN w_sub THEN format(
					 'subscription(price=%s, seats=%s, attach=%s%%, expansion=%s%%, cost=%s, cost_decline=%s%%)',
					 round((sub_price * (0.6 + u[6])) :: numeric, 2 - floor(log(sub_price * (0.6 + u[6])))::int),
					 greatest(1, round(sub_seats * (0.5 + u[7]))),
					 CASE WHEN w_use OR has_adv OR w_lic THEN round((40 + 60 * u[7])::numeric) ELSE 100 END,
					 round((u[9] * 1.2)::numeric, 1),
					 round((sub_price * (0.6 + u[6]) * (0.12 + 0.4 * u[8]))::numeric,
						   1 - floor(log(sub_price * (0.6 + u[6]) * (0.12 + 0.4 * u[8])))::int),
					 round((10 + 25 * u[8])::numeric))
				 END,
				 CASE WHEN w_use THEN format(
					 'usage(price=%s, units=%s, growth=%s%%, price_decline=%s%%, cost=%s, cost_decline=%s%%)',
					 round((use_price * (0.6 + u[11]))::numeric,
						   2 - floor(log(use_price * (0.6 + u[11])))::int),
					 CASE WHEN u[19] < 0.5 THEN format('pert(%s, %s, %s)',
							 round((use_units * (0.2 + 0.2 * u[12]))::numeric, 1 - floor(log(use_units * (0.2 + 0.2 * u[12])))::int),
							 round((use_units * (0.5 + u[12]))::numeric, 1 - floor(log(use_units * (0.5 + u[12])))::int),
							 round((use_units * (2 + 3 * u[12]))::numeric, 1 - floor(log(use_units * (2 + 3 * u[12])))::int))
						  ELSE round((use_units * (0.5 + u[12]))::numeric,
									 1 - floor(log(use_units * (0.5 + u[12])))::int)::text
					 END,
					 round((u[14] * 2.5)::numeric, 1),
					 round((5 + 20 * u[14])::numeric),
					 round((use_price * (0.6 + u[11]) * (0.25 + 0.5 * u[13]))::numeric,
						   1 - floor(log(use_price * (0.6 + u[11]) * (0.25 + 0.5 * u[13])))::int),
					 round((15 + 25 * u[13])::numeric))
				 END,
				 CASE WHEN has_adv THEN format(
					 'advertising(impressions=%s, cpm=%s, users=%s, fill=%s%%, growth=%s%%, cost=%s)',
					 CASE WHEN u[19] >= 0.5 AND u[19] < 0.75
						  THEN format('triangular(%s, %s, %s)',
									  round((adv_impr * 0.5)::numeric), round(adv_impr::numeric),
									  round((adv_impr * (1.5 + u[16]))::numeric))
						  ELSE round((adv_impr * (0.6 + u[16]))::numeric)::text
					 END,
					 round((adv_cpm * (0.6 + u[16]))::numeric, 1),
					 round((adv_users * (0.4 + 1.2 * u[16]))::numeric, -2),
					 round((40 + 50 * u[16])::numeric),
					 round((u[16] * 1.5)::numeric, 1),
					 round((0.005 + 0.01 * u[16])::numeric, 3))
				 END,
				 CASE WHEN w_lic THEN format(
					 'licensing(deals=%s, fee=%s, royalty=%s%%, base=%s, term=%s, cost=%s)',
					 round((lic_deals * (0.5 + u[18]))::numeric, 1),
					 CASE WHEN u[19] >= 0.75
						  THEN format('lognormal(%s, %s)',
									  round((lic_fee * (0.5 + u[18]))::numeric, -3),
									  round((lic_fee * (0.5 + u[18]) * 0.6)::numeric, -3))
						  ELSE round((lic_fee * (0.5 + u[18]))::numeric, -3)::text
					 END,
					 round((lic_royalty * 100 * (0.5 + u[18]))::numeric, 1),
					 round((lic_base * (0.5 + u[18]))::numeric, -3),
					 12 * (1 + floor(u[18] * 4)::int),
					 round((lic_fee * (0.5 + u[18]) * 0.1)::numeric, -3))
				 END) AS revenue_text
		FROM streams s
	),
	-- the risk register: each category present with a chance that follows the
	-- market (regulation with regulatory intensity, privacy with data
	-- sensitivity); sometimes with a strategy
	rk AS (
		SELECT r.i,
			   string_agg(format('%s(freq=%s%s%s)', c.cat,
						  round((c.f_lo + (c.f_hi - c.f_lo) * r.u[48 + c.k])::numeric, 2),
						  CASE c.cat
							  WHEN 'technology' THEN format(', churn=triangular(1%%, %s%%, 10%%), cost=%s',
								  round((2 + 4 * r.u[56 + c.k])::numeric, 1), round((3000 + 12000 * r.u[56 + c.k])::numeric, -2))
							  WHEN 'competition' THEN format(', price=triangular(1%%, %s%%, 12%%), share=%s%%',
								  round((2 + 6 * r.u[56 + c.k])::numeric, 1), round((2 + 8 * r.u[56 + c.k])::numeric, 1))
							  WHEN 'regulation' THEN format(', loss=lognormal(%s, %s), cost=%s',
								  round((30000 + 300000 * r.u[56 + c.k] * r.reg)::numeric, -3),
								  round((20000 + 200000 * r.u[56 + c.k] * r.reg)::numeric, -3),
								  round((1000 + 8000 * r.u[56 + c.k] * r.reg)::numeric, -2))
							  WHEN 'ethics' THEN format(', churn=pert(0.5%%, %s%%, 8%%), loss=%s',
								  round((1 + 3 * r.u[56 + c.k])::numeric, 1), round((20000 + 100000 * r.u[56 + c.k])::numeric, -3))
							  WHEN 'privacy' THEN format(', loss=lognormal(%s, %s), churn=%s%%',
								  round((100000 + 1500000 * r.u[56 + c.k] * r.sens)::numeric, -3),
								  round((80000 + 1200000 * r.u[56 + c.k] * r.sens)::numeric, -3),
								  round((1 + 6 * r.u[56 + c.k])::numeric, 1))
							  WHEN 'market' THEN format(', share=triangular(3%%, %s%%, 25%%)',
								  round((5 + 10 * r.u[56 + c.k])::numeric, 1))
							  WHEN 'data' THEN format(', cost=%s, churn=%s%%',
								  round((2000 + 10000 * r.u[56 + c.k])::numeric, -2), round((0.5 + 2.5 * r.u[56 + c.k])::numeric, 1))
							  ELSE format(', loss=lognormal(%s, %s), cost=%s',
								  round((20000 + 60000 * r.u[56 + c.k])::numeric, -3),
								  round((10000 + 40000 * r.u[56 + c.k])::numeric, -3),
								  round((1000 + 4000 * r.u[56 + c.k])::numeric, -2))
						  END,
						  CASE
							  WHEN r.u[64 + c.k] >= 0.35 THEN ''
							  WHEN c.cat = 'privacy' THEN format(', strategy=transfer(premium=%s, cover=%s%%)',
								  round((1000 + 4000 * r.u[72 + c.k] * r.sens)::numeric, -2), round((50 + 40 * r.u[72 + c.k])::numeric))
							  WHEN c.cat = 'ethics' THEN format(', strategy=avoid(forgo=%s%%)',
								  round((1 + 4 * r.u[72 + c.k])::numeric, 1))
							  WHEN c.cat = 'market' THEN ''
							  ELSE format(', strategy=mitigate(cost=%s, effect=%s%%)',
								  round((2000 + 15000 * r.u[72 + c.k])::numeric, -2), round((25 + 45 * r.u[72 + c.k])::numeric))
						  END), ' + ' ORDER BY c.k) AS risk_text
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
		WHERE r.u[40 + c.k] < c.p_base + c.p_market *
			  CASE c.cat WHEN 'regulation' THEN r.reg WHEN 'privacy' THEN r.sens ELSE 0 END
		GROUP BY r.i
	),
	-- the operating plan: stage sets cash and team size; quality moves churn,
	-- acquisition cost, organic reach and spending together
	pl0 AS (
		SELECT b.i, b.q, b.u,
			   greatest(2, round(((ARRAY[6, 18, 45])[stage + 1] * (0.6 + 0.8 * u[22]))::numeric)) AS heads,
			   round((9000 + 9000 * u[23])::numeric, -2) AS tcost,
			   round(((ARRAY[30000, 100000, 300000])[stage + 1] * (0.4 + 1.2 * u[26]))::numeric, -3) AS budget,
			   CASE WHEN u[32] < 0.55
					THEN round((b.train * (0.5 + u[33]) * (ARRAY[0.4, 1, 2.5])[stage + 1])::numeric, -3)
			   END AS train_cost,
			   (ARRAY[3, 6, 6, 12])[1 + floor(u[33] * 4)::int] AS every,
			   1 + floor(u[20] * u[20] * (6 + 6 * (sub_p < 0.5 OR lic_p > 0.5)::int))::int AS launch,
			   cac * (1.8 - 1.3 * q) * (0.8 + 0.4 * u[27]) AS cac_v,
			   churn * (1.6 - 1.1 * q) * (0.8 + 0.4 * u[25]) AS churn_v
		FROM base b
	),
	-- cash covers the planned monthly burn for 9 to 36 months
	pl AS (
		SELECT p.*,
			   (heads * tcost + budget + coalesce(train_cost / every, 0))
			   * (9 + 27 * u[21]) AS cash
		FROM pl0 p
	),
	plans AS (
		SELECT p.i,
			   concat_ws(' + ',
				 format('cash(amount=%s)', round(p.cash::numeric, -5)),
				 format('team(headcount=%s, cost=%s, growth=%s%%)',
						p.heads, p.tcost,
						round((5 + 30 * u[24])::numeric)),
				 format('product(launch=%s, churn=%s%%)', p.launch, round((p.churn_v * 100)::numeric, 2)),
				 format('marketing(budget=%s, cac=%s, growth=%s%%, organic=%s%%)',
						p.budget,
						CASE WHEN u[19] >= 0.25 AND u[19] < 0.5
							 THEN format('pert(%s, %s, %s)', round((p.cac_v * 0.7)::numeric, -2),
										 round(p.cac_v::numeric, -2), round((p.cac_v * 2)::numeric, -2))
							 ELSE round(p.cac_v::numeric, -2)::text
						END,
						round((10 + 30 * u[28])::numeric),
						round((0.5 + 5 * p.q * u[29])::numeric, 2)),
				 CASE WHEN u[30] < 0.15 THEN format('entry(mode=channel, cut=%s%%, reach=%s)',
						round((15 + 20 * u[31])::numeric), round((1.5 + 2 * u[31])::numeric, 1))
					  WHEN u[30] < 0.22 THEN format('entry(mode=jv, stake=%s%%)',
						round((20 + 30 * u[31])::numeric))
				 END,
				 CASE WHEN p.train_cost IS NOT NULL THEN format('training(cost=%s, every=%s, decline=%s%%)',
						p.train_cost, p.every,
						round((10 + 25 * u[33])::numeric))
				 END,
				 CASE WHEN u[34] < 0.7 THEN format('round(month=%s, amount=%s, p=%s%%)',
						9 + floor(u[35] * 15)::int,
						round((p.cash * (1 + 2 * u[36]))::numeric, -5),
						round((35 + 60 * u[37] * (0.5 + 0.5 * p.q))::numeric))
				 END,
				 CASE WHEN u[34] < 0.25 THEN format('round(month=%s, amount=%s, p=%s%%)',
						30 + floor(u[38] * 12)::int,
						round((p.cash * (3 + 3 * u[38]))::numeric, -5),
						round((25 + 50 * u[38] * p.q)::numeric))
				 END,
				 format('valuation(discount=%s%%, multiple=%s)',
						round((20 + 20 * u[39])::numeric), round((3 + 9 * u[40])::numeric, 1))
			   ) AS plan_text
		FROM pl p
	),
	named AS (
		SELECT r.i, r.id, r.revenue_text,
			   (ARRAY['Aster', 'Lumen', 'Nova', 'Quanta', 'Cobalt', 'Helix', 'Vertex', 'Orbit',
					  'Sable', 'Tessel', 'Kite', 'Ember', 'Iris', 'Polar', 'Cedar', 'Vela',
					  'Zephyr', 'Atlas', 'Bright', 'Clear', 'Deep', 'Fathom', 'Granite', 'Harbor'])
				   [1 + floor(r.u[1] * 24)::int]
			   || (ARRAY['', 'ly', 'ify', 'io', ' AI', 'Mind', 'Logic', 'Path',
						 'Signal', 'Scale', 'Sense', 'Works'])[1 + floor(r.u[2] * 12)::int]
			   || ' ' || r.noun AS base_name
		FROM rev r
	)
	SELECT CASE WHEN row_number() OVER w = 1 THEN nd.base_name
				ELSE nd.base_name || ' ' || row_number() OVER w END,
		   nd.id,
		   nd.revenue_text::@extschema@.revenue_model,
		   coalesce(rk.risk_text, '')::@extschema@.risk_profile,
		   plans.plan_text::@extschema@.plan
	FROM named nd
	JOIN plans ON plans.i = nd.i
	LEFT JOIN rk ON rk.i = nd.i
	WINDOW w AS (PARTITION BY nd.base_name ORDER BY nd.i)
	ORDER BY nd.i;
END;
$fn$;

COMMENT ON FUNCTION @extschema@.sample_companies(integer, bigint) IS
	'n plausible, varied sample companies across the 12 shipped markets, deterministic for (n, seed); insert them into aibiz.companies';
