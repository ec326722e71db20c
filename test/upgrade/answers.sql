-- answers.sql — pg_temp.answers(sim): every question aibiz asks of a
-- simulation, answered as one text (float8 as its shortest exact text, so
-- equal texts are equal bits): the header fields, the scalar accessors at
-- several arguments, the statistics, summary and settings (without the
-- format version), and every row of fan, survival_curve, risk_attribution,
-- loss_exceedance, npv_histogram, investor, survivors (portfolios) and
-- trial_npvs.  Two encodings of one simulation must give the same text.
CREATE FUNCTION pg_temp.answers(s aibiz.simulation) RETURNS text
LANGUAGE sql STABLE AS $$
SELECT concat_ws(E'\n',
	aibiz.trials(s), aibiz.horizon(s), aibiz.members(s),
	aibiz.npv_mean(s), aibiz.npv_stddev(s), aibiz.arr_mean(s), aibiz.loss_mean(s),
	aibiz.breakeven_probability(s),
	(SELECT string_agg(aibiz.survival(s, m)::text, ' ' ORDER BY m)
	 FROM generate_series(0, aibiz.horizon(s)) m),
	(SELECT string_agg(aibiz.npv_quantile(s, q)::text, ' ' ORDER BY q)
	 FROM unnest('{0,0.01,0.05,0.25,0.5,0.37,0.75,0.95,0.99,1}'::float8[]) q),
	(SELECT string_agg(aibiz.npv_cdf(s, x)::text, ' ' ORDER BY x)
	 FROM unnest('{-1e6,-1e4,0,1e4,1e6}'::float8[]) x),
	(SELECT string_agg(aibiz.value_at_risk(s, l) || '/' || aibiz.expected_shortfall(s, l), ' ' ORDER BY l)
	 FROM unnest('{0.5,0.9,0.95,0.99}'::float8[]) l),
	(SELECT st::text FROM aibiz.statistics(s) st),
	aibiz.summary(s)::text,
	(aibiz.settings(s) OPERATOR(pg_catalog.-) 'version')::text,
	(SELECT string_agg(f::text, ' ') FROM aibiz.fan(s) f),
	(SELECT string_agg(c::text, ' ') FROM aibiz.survival_curve(s) c),
	(SELECT string_agg(r::text, ' ') FROM aibiz.risk_attribution(s) r),
	(SELECT string_agg(e::text, ' ') FROM aibiz.loss_exceedance(s, 20) e),
	(SELECT string_agg(h::text, ' ') FROM aibiz.npv_histogram(s, 20) h),
	(SELECT i::text FROM aibiz.investor(s) i),
	CASE WHEN aibiz.members(s) > 1 THEN (SELECT string_agg(v::text, ' ') FROM aibiz.survivors(s) v) END,
	aibiz.trial_npvs(s)::text)
$$;
