-- hostile.sql — malformed values for the valgrind run (scripts/memcheck.sh).
-- Lines up to the marker set up the tables; after it, each line is one case,
-- run in a connection of its own (a crash loses only that case).  Every case
-- should fail with an error; the output is not compared, what matters is
-- that no input writes or reads out of bounds.

-- a simulation of 200 trials over 120 months: its text form, with pieces
-- of the binary header (bytes 8..11: trials, 4..7: horizon) replaced
CREATE TABLE memcheck_good AS
SELECT aibiz.simulate('subscription(price=50, seats=5, cost=4)',
					  'competition(freq=2, price=triangular(0,5%,15%))',
					  'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=2%) + marketing(budget=30k, cac=800, organic=2%)',
					  aibiz.market(200000, 0.02, 0.03, 0.4, 0.1), 120, 200, 7)::text AS t;
CREATE TABLE memcheck_parts AS
SELECT split_part(t, 'data=', 1) AS prefix,
	   decode(split_part(t, 'data=', 2), 'base64') AS wire
FROM memcheck_good;

-- cases
-- the data section claims 201 trials (or 199, or 121 / 119 months)
SELECT (prefix || 'data=' || translate(encode(set_byte(wire, 11, 201), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (prefix || 'data=' || translate(encode(set_byte(wire, 11, 199), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (prefix || 'data=' || translate(encode(set_byte(wire, 7, 121), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (prefix || 'data=' || translate(encode(set_byte(wire, 7, 119), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
-- a huge trial count in the data, and a huge one in the prefix
SELECT (prefix || 'data=' || translate(encode(set_byte(set_byte(wire, 8, 127), 11, 255), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (replace(prefix, 'trials=200', 'trials=2000000000') || 'data=' || translate(encode(wire, 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
-- truncated and extended data
SELECT (prefix || 'data=' || translate(encode(substr(wire, 1, length(wire) - 3), 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (prefix || 'data=' || translate(encode(wire || '\x000000'::bytea, 'base64'), E'\n', ''))::aibiz.simulation IS NULL FROM memcheck_parts;
SELECT (prefix || 'data=')::aibiz.simulation IS NULL FROM memcheck_parts;
