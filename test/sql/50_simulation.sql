-- 50_simulation: the aibiz.simulation type — text and binary round trips,
-- strict input checks, determinism, the accessors and row outputs, argument
-- checks and limits (trials, horizon, statement_timeout).
\set VERBOSITY sqlstate

-- A small company with every kind of uncertainty, simulated once into a table.
CREATE TEMP TABLE co AS SELECT
	'subscription(price=pert(40,50,70), seats=5, cost=4) + usage(price=0.002, units=normal(20000,5000))'::aibiz.revenue_model AS revenue,
	'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=1, loss=lognormal(200k,100k))'::aibiz.risk_profile AS risk,
	'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800, organic=2%) + round(month=12, amount=2M, p=50%)'::aibiz.plan AS plan,
	aibiz.market(200000, 0.02, 0.03, 0.4, 0.1) AS market;
CREATE TEMP TABLE s AS
	SELECT aibiz.simulate(revenue, risk, plan, market, 24, 2000, 7) AS sim FROM co;

-- header accessors
SELECT aibiz.trials(sim), aibiz.horizon(sim), aibiz.members(sim) FROM s;

-- The text form starts with a readable header.  Its length: the prefix
-- "simulation v3 trials=2000 horizon=24 members=1 seed=7 slots=2 data=" is
-- 67 bytes (two equity slots: month 0 and the round's month 12); the binary
-- form is 36 + 160 (version 2 block) + 2000*52 + 24*40 + 8*24 + 24*80 +
-- 2000*(3+2)*16 (equity NPV, exit, contributions, two slots) = 267268 bytes,
-- whose base64 is 4*ceil(267268/3) = 356360 bytes: 356427 in all.
SELECT left(sim::text, 67) AS prefix, length(sim::text) FROM s;
-- the binary form: version byte 3, then flags 1 (monthly quantiles present), 267268 bytes
SELECT substr(aibiz.simulation_send(sim), 1, 2) AS version_flags,
	length(aibiz.simulation_send(sim)) AS wire_bytes FROM s;
-- the text form reads back to the same value, byte for byte
SELECT sim::text::aibiz.simulation::text = sim::text AS text_round_trip FROM s;

-- binary round trip through COPY (FORMAT binary) and back
CREATE TEMP TABLE s_bin (sim aibiz.simulation);
DO $$
DECLARE
	f text := '/tmp/aibiz_sim_' || pg_backend_pid() || '.bin';
BEGIN
	EXECUTE format('COPY s TO %L (FORMAT binary)', f);
	EXECUTE format('COPY s_bin FROM PROGRAM %L (FORMAT binary)', 'cat ' || f || ' && rm -f ' || f);
END $$;
SELECT s.sim::text = s_bin.sim::text AS binary_round_trip FROM s, s_bin;

-- Determinism: the same call gives the same bytes; another seed differs.
SELECT (SELECT aibiz.simulate(revenue, risk, plan, market, 24, 2000, 7) FROM co)::text = sim::text AS same_bytes,
	(SELECT aibiz.simulate(revenue, risk, plan, market, 24, 2000, 8) FROM co)::text <> sim::text AS other_seed_differs
FROM s;
-- Trial i is keyed by (seed, i) alone: the only trial of a 1-trial simulation
-- is trial 0 of a 5-trial one, so its NPV is one of the five (the 5-trial
-- CDF jumps by at least one trial, 1/5, there).
WITH one AS MATERIALIZED (SELECT aibiz.simulate(revenue, risk, plan, market, 24, 1, 7) AS a,
								 aibiz.simulate(revenue, risk, plan, market, 24, 5, 7) AS b FROM co)
SELECT round(5 * (aibiz.npv_cdf(b, aibiz.npv_mean(a)) - aibiz.npv_cdf(b, aibiz.npv_mean(a) - 1e-3))) >= 1 AS trial0_among_five
FROM one;

-- Accessors agree with each other.
SELECT
	-- quantiles are ordered and bracket the mean
	aibiz.npv_quantile(sim, 0) <= aibiz.npv_quantile(sim, 0.05)
		AND aibiz.npv_quantile(sim, 0.05) <= aibiz.npv_quantile(sim, 0.5)
		AND aibiz.npv_quantile(sim, 0.5) <= aibiz.npv_quantile(sim, 1)
		AND aibiz.npv_mean(sim) BETWEEN aibiz.npv_quantile(sim, 0) AND aibiz.npv_quantile(sim, 1) AS ordered,
	-- the CDF at the maximum is 1, below the minimum 0
	aibiz.npv_cdf(sim, aibiz.npv_quantile(sim, 1)) AS cdf_at_max,
	aibiz.npv_cdf(sim, aibiz.npv_quantile(sim, 0) - 1) AS cdf_below_min,
	-- type 7 at q = k/(n-1) is the (k+1)-th order statistic exactly, so the CDF
	-- there is (k+1)/n when values are distinct: q = 999/1999 -> 1000/2000
	aibiz.npv_cdf(sim, aibiz.npv_quantile(sim, 999.0 / 1999)) AS cdf_at_rank_1000,
	-- VaR is minus the 5 % quantile; ES is at least VaR (mean of a tail below it)
	aibiz.value_at_risk(sim) = -aibiz.npv_quantile(sim, 1 - 0.95) AS var_is_quantile,
	aibiz.expected_shortfall(sim) >= aibiz.value_at_risk(sim) AS es_beyond_var,
	aibiz.value_at_risk(sim, 0.5) = -aibiz.npv_quantile(sim, 0.5) AS var_50,
	aibiz.survival(sim, 0) AS survival_0,
	aibiz.survival(sim, 24) <= aibiz.survival(sim, 12) AS survival_falls,
	aibiz.breakeven_probability(sim) BETWEEN 0 AND 1 AS breakeven_share,
	aibiz.loss_mean(sim) > 0 AS has_losses,
	aibiz.npv_stddev(sim) > 0 AS has_spread
FROM s;

-- ES at level 1 - 1/n... : with level = 1 - 0.5/1999 the quantile is between
-- the two smallest NPVs, so ES is minus the smallest NPV alone
SELECT aibiz.expected_shortfall(sim, 1 - 0.5 / 1999) = -aibiz.npv_quantile(sim, 0) AS es_of_minimum FROM s;

-- the summary repeats the accessors
SELECT (j->>'trials')::int AS trials, (j->>'horizon')::int AS horizon, (j->>'members')::int AS members,
	(j->>'seed')::int AS seed, (j->>'launch')::int AS launch,
	(j->>'npv_mean')::float8 = aibiz.npv_mean(sim) AS npv_mean,
	(j->>'npv_p50')::float8 = aibiz.npv_quantile(sim, 0.5) AS npv_p50,
	(j->>'npv_p5')::float8 = aibiz.npv_quantile(sim, 0.05) AS npv_p5,
	-- P(NPV > 0) is counted directly: equal to 1 - P(NPV <= 0) up to rounding
	round((j->>'p_npv_positive')::numeric, 12) = round((1 - aibiz.npv_cdf(sim, 0))::numeric, 12) AS p_positive,
	(j->>'value_at_risk_95')::float8 = aibiz.value_at_risk(sim) AS var,
	(j->>'expected_shortfall_95')::float8 = aibiz.expected_shortfall(sim) AS es,
	(j->>'survival')::float8 = aibiz.survival(sim, 24) AS survival,
	(j->>'breakeven_probability')::float8 = aibiz.breakeven_probability(sim) AS breakeven,
	-- a single simulation fails in the trials not alive at the horizon
	round((j->>'failure_probability')::numeric, 12) = round((1 - aibiz.survival(sim, 24))::numeric, 12) AS failure,
	(j->>'arr_mean')::float8 = aibiz.arr_mean(sim) AS arr,
	(j->>'loss_mean')::float8 = aibiz.loss_mean(sim) AS loss
FROM (SELECT sim, aibiz.summary(sim) AS j FROM s) x;

-- Row outputs.
-- fan: 24 months x 2 metrics, quantiles ordered
SELECT count(*) AS rows, count(DISTINCT month) AS months,
	bool_and(p5 <= p25 AND p25 <= p50 AND p50 <= p75 AND p75 <= p95) AS ordered
FROM s, aibiz.fan(sim) f;
-- Month 1 is before launch (month 2): no revenue in any trial.  Cash at
-- month 1 is 1M - team 8 x 15k = 880000 minus any regulation loss; a loss
-- strikes in month 1 with probability 1 - exp(-1/12) = 8 %, so the median
-- and P95 are 880000 and P5 is below it.
SELECT month, metric, p5 < p50 AS p5_below, p25, p50, p75, p95,
	CASE metric WHEN 'revenue' THEN mean END AS revenue_mean
FROM s, aibiz.fan(sim) WHERE month = 1 ORDER BY metric;
-- the monthly revenue mean at the horizon is the ARR mean / 12 (ARR = 12 R_H,
-- 0 if dead), except for a trial that dies in month H itself: the death
-- month's revenue counts in the series but its ARR is 0.  With seed 7 one
-- trial of 2000 (trial 281, R_24 = 278247.53) dies in month 24, so the ratio
-- is (sum of R_24 over the survivors + 278247.53) / (sum over the survivors)
-- = 1.002110137; without that trial it is 1 to 12 digits (checked with the
-- core model in C).
SELECT round((f.mean * 12 / aibiz.arr_mean(sim))::numeric, 9) AS revenue_mean_vs_arr
FROM s, aibiz.fan(sim) f WHERE f.month = 24 AND f.metric = 'revenue';

-- survival_curve matches survival(); a single simulation has at most 1 alive
SELECT bool_and(c.survival = aibiz.survival(sim, c.month) AND c.alive = c.survival) AS matches,
	count(*) AS months,
	bool_and(c.survival <= coalesce(lag_s, 1)) AS falling
FROM s, LATERAL (SELECT month, alive, survival, lag(survival) OVER (ORDER BY month) AS lag_s
				 FROM aibiz.survival_curve(sim)) c;

-- risk_attribution: 8 categories in catalogue order.  Only competition
-- (2 a year) and regulation (1 a year) have events: about 4 and 2 per trial
-- over 24 months, fewer when a company dies early (loose bounds).  Only
-- regulation has cash losses: its share is 1, and the mean losses add up to
-- loss_mean.
SELECT category,
	CASE WHEN f.freq IS NULL THEN events_per_trial = 0
		 ELSE events_per_trial BETWEEN 0.5 * f.freq * 2 AND 1.05 * f.freq * 2 END AS events_plausible,
	mean_loss > 0 AS has_loss, share_of_loss
FROM s, aibiz.risk_attribution(sim) r
	LEFT JOIN (VALUES ('competition', 2), ('regulation', 1)) AS f(cat, freq) ON f.cat = r.category;
SELECT round((sum(mean_loss) / (SELECT aibiz.loss_mean(sim) FROM s))::numeric, 9) AS attribution_adds_up
FROM s, aibiz.risk_attribution(sim);

-- loss_exceedance: 11 points from 0 to the largest loss; P(loss >= 0) = 1;
-- non-increasing; at the largest loss at least one trial (1/2000)
SELECT count(*) AS points, min(loss) AS first_loss,
	max(probability) FILTER (WHERE loss = 0) AS p_at_0,
	bool_and(probability <= coalesce(prev, 1)) AS non_increasing,
	(array_agg(probability ORDER BY loss DESC))[1] >= 1.0 / 2000 AS largest_reached
FROM s, LATERAL (SELECT loss, probability, lag(probability) OVER (ORDER BY loss) AS prev
				 FROM aibiz.loss_exceedance(sim, 11)) e;

-- npv_histogram: 7 bins cover [min, max], counts add up to the trials
SELECT count(*) AS bins, sum(h.trials) AS trials, round(sum(frequency)::numeric, 12) AS frequency,
	min(lo) = (SELECT aibiz.npv_quantile(sim, 0) FROM s) AS starts_at_min,
	max(hi) = (SELECT aibiz.npv_quantile(sim, 1) FROM s) AS ends_at_max,
	bool_and(lo < hi) AS widths
FROM s, aibiz.npv_histogram(sim, 7) h;
-- Argument checks.
SELECT aibiz.npv_quantile(sim, 1.5) FROM s;
SELECT aibiz.npv_quantile(sim, -0.1) FROM s;
SELECT aibiz.npv_quantile(sim, 'NaN') FROM s;
SELECT aibiz.value_at_risk(sim, 1) FROM s;
SELECT aibiz.expected_shortfall(sim, 0) FROM s;
SELECT aibiz.npv_cdf(sim, 'Infinity') FROM s;
SELECT aibiz.survival(sim, 25) FROM s;
SELECT aibiz.survival(sim, -1) FROM s;
SELECT count(*) FROM s, aibiz.npv_histogram(sim, 0);
SELECT count(*) FROM s, aibiz.npv_histogram(sim, 100001);
SELECT count(*) FROM s, aibiz.loss_exceedance(sim, 0);

-- Input checks: malformed text is 22P02, whatever part is wrong.
SELECT 'garbage'::aibiz.simulation;
SELECT 'simulation v2 trials=1 horizon=1 members=1 seed=0 slots=0 data=AAAA'::aibiz.simulation;
-- a version 1 header (values stored by aibiz 0.1) is read with the version 1 layout
SELECT 'simulation v1 trials=1 horizon=1 members=1 seed=0 data=AAAA'::aibiz.simulation;
-- a header that disagrees with the data (seed 8 instead of 7)
SELECT replace(sim::text, 'seed=7 ', 'seed=8 ')::aibiz.simulation FROM s;
-- a non-canonical number in the header
SELECT replace(sim::text, 'trials=2000', 'trials=02000')::aibiz.simulation FROM s;
-- Corrupt the binary body inside the text form and re-encode it: version 3,
-- a death month of 32767 (byte 196 + 2000*48 starts the death months, after
-- the 36-byte header and the 160-byte block), a monthly alive count above
-- the trials (alive counts start at 196 + 2000*52 = 104196), an unknown
-- flag, an exit value below 0 (exits start at 196 + 104000 + 24*40 + 8*24 +
-- 24*80 + 2000*16 = 139268; the cell's high word first).  Each is refused
-- by the strict validator.
CREATE TEMP TABLE body AS SELECT decode(split_part(sim::text, 'data=', 2), 'base64') AS b FROM s;
CREATE FUNCTION pg_temp.with_body(b bytea) RETURNS text LANGUAGE sql AS $$
	SELECT (SELECT split_part(sim::text, 'data=', 1) FROM s) || 'data=' || translate(encode(b, 'base64'), E'\n', '')
$$;
SELECT pg_temp.with_body(b)::aibiz.simulation::text = (SELECT sim::text FROM s) AS reencoded_ok FROM body;
SELECT pg_temp.with_body(set_byte(b, 0, 2))::aibiz.simulation FROM body;
SELECT pg_temp.with_body(set_byte(set_byte(b, 196 + 2000 * 48, 127), 196 + 2000 * 48 + 1, 255))::aibiz.simulation FROM body;
SELECT pg_temp.with_body(set_byte(b, 104196, 1))::aibiz.simulation FROM body;
SELECT pg_temp.with_body(set_byte(b, 139268, 128))::aibiz.simulation FROM body;
SELECT pg_temp.with_body(set_byte(b, 1, 129))::aibiz.simulation FROM body;
SELECT pg_temp.with_body(substr(b, 1, length(b) - 1))::aibiz.simulation FROM body;

-- Limits.
-- trials below 1: an out-of-domain value
SELECT aibiz.simulate(revenue, risk, plan, market, 12, 0, 1) FROM co;
-- above aibiz.max_trials: a limit, with a hint
SET aibiz.max_trials = 1000;
SELECT aibiz.simulate(revenue, risk, plan, market, 12, 1001, 1) FROM co;
\set VERBOSITY default
SELECT aibiz.simulate(revenue, risk, plan, market, 12, 1001, 1) FROM co;
\set VERBOSITY sqlstate
RESET aibiz.max_trials;
-- horizon 601 is a limit, 0 an out-of-domain value
SELECT aibiz.simulate(revenue, risk, plan, market, 601, 10, 1) FROM co;
SELECT aibiz.simulate(revenue, risk, plan, market, 0, 10, 1) FROM co;
-- a market row without the model's columns
SELECT aibiz.simulate(revenue, risk, plan, ROW(1, 2), 12, 10, 1) FROM co;
-- a value whose text would pass 1 GB is refused before anything is
-- allocated: 20M trials need 1.04 GB (binary) and 1.39 GB (text)
SET aibiz.max_trials = 100000000;
SELECT aibiz.simulate(revenue, risk, plan, market, 12, 20000000, 1) FROM co;
RESET aibiz.max_trials;
-- statement_timeout stops a long simulation (1M trials x 600 months, a
-- minute or more of work) within a second: the trial loop checks for
-- interrupts every 32768 trial-months
CREATE TEMP TABLE t0 AS SELECT clock_timestamp() AS t;
SET statement_timeout = '200ms';
SELECT aibiz.trials(aibiz.simulate(revenue, risk, plan, market, 600, 1000000, 1)) FROM co;
RESET statement_timeout;
SELECT clock_timestamp() - t < interval '1.2 s' AS stopped_within_a_second FROM t0;
-- and in parallel workers: the leader's timeout ends the query, and it can
-- only finish once both workers, each in a long simulation, have stopped
CREATE TABLE long_firms AS SELECT g AS id, revenue, risk, plan, market FROM co, generate_series(1, 4) g;
ALTER TABLE long_firms SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT aibiz.portfolio(aibiz.simulate(revenue, risk, plan, market, 600, 1000000, id)) FROM long_firms;
UPDATE t0 SET t = clock_timestamp();
SET statement_timeout = '300ms';
SELECT aibiz.trials(aibiz.portfolio(aibiz.simulate(revenue, risk, plan, market, 600, 1000000, id))) FROM long_firms;
RESET statement_timeout;
SELECT clock_timestamp() - t < interval '1.3 s' AS workers_stopped_within_a_second FROM t0;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE long_firms;
-- the session still works afterwards
SELECT aibiz.trials(aibiz.simulate(revenue, risk, plan, market, 12, 10, 1)) FROM co;

-- trials is numeric, so a count written as 1e2 is accepted and is 100 trials;
-- a fraction is 22023, more than aibiz.max_trials 54000 (the message keeps
-- the number as written)
SELECT aibiz.simulate(revenue, risk, plan, market, 6, trials => 1e2, seed => 3)::text
	 = aibiz.simulate(revenue, risk, plan, market, 6, trials => 100, seed => 3)::text AS numeric_trials FROM co;
SELECT aibiz.trials(aibiz.simulate(revenue, risk, plan, market, 6, trials => 1.5)) FROM co;
SELECT aibiz.trials(aibiz.simulate(revenue, risk, plan, market, 6, trials => 1e12)) FROM co;
\set VERBOSITY default
SELECT aibiz.trials(aibiz.simulate(revenue, risk, plan, market, 6, trials => 1e12)) FROM co;
\set VERBOSITY sqlstate
