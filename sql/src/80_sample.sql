
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
