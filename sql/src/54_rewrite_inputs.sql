-- ---------------------------------------------------------------------------
-- 54_rewrite_inputs.sql — aibiz.rewrite() of the three input types: a
-- stored revenue model, risk profile or plan in the compact form this
-- version writes, so that values kept from an earlier version take less
-- room and read faster.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rewrite(value @extschema@.revenue_model)
	RETURNS @extschema@.revenue_model
	AS 'MODULE_PATHNAME', 'aibiz_spec_rewrite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rewrite(value @extschema@.risk_profile)
	RETURNS @extschema@.risk_profile
	AS 'MODULE_PATHNAME', 'aibiz_spec_rewrite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rewrite(value @extschema@.plan)
	RETURNS @extschema@.plan
	AS 'MODULE_PATHNAME', 'aibiz_spec_rewrite' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rewrite(@extschema@.revenue_model) IS
'The same revenue model in stored format version 2 (only the keys that are not zero: 6 to 16 times fewer bytes): a value stored by aibiz 0.3 or before is rewritten, equal to itself under =, with the same text, binary form and hash; a version 2 value is returned as it is.';
COMMENT ON FUNCTION @extschema@.rewrite(@extschema@.risk_profile) IS
'The same risk profile in stored format version 2 (only the keys that are not zero): a value stored by aibiz 0.3 or before is rewritten, equal to itself under =, with the same text, binary form and hash; a version 2 value is returned as it is.';
COMMENT ON FUNCTION @extschema@.rewrite(@extschema@.plan) IS
'The same plan in stored format version 2 (only the keys that are not zero): a value stored by aibiz 0.3 or before is rewritten, equal to itself under =, with the same text, binary form and hash; a version 2 value is returned as it is.';
