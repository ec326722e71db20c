
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
