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
