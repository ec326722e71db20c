-- 51_simulation_v3_reads: how much of a stored simulation the questions
-- read, and the type's description of its text form.
SET client_min_messages = warning;	-- models without marketing say so in a NOTICE

-- The type's description names the text form this build writes: a new
-- value's text starts with "simulation v3 " and so does the form quoted in
-- COMMENT ON TYPE (an update from 0.2.0 sets the same description).
SELECT position(left(s::text, 14) IN obj_description('aibiz.simulation'::regtype, 'pg_type')) > 0
	AS description_names_written_form
FROM (SELECT aibiz.simulate('subscription(price=50)', '',
	'cash(amount=100k) + team(headcount=1, cost=10k) + product(churn=2%)',
	aibiz.market(1000, 0.1, 0.02, 0.3, 0), 12, 1, 6) AS s) x;
