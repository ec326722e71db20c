-- setup.sql — the source database of the dump/restore matrix: the extension,
-- user rows in its editable tables (markets, cases, companies pointing at
-- both user-added and shipped markets) and user tables holding a value of
-- every aibiz type.  Run by test/restore/restore.sh with ON_ERROR_STOP.
\set QUIET on
CREATE EXTENSION aibiz;

-- user markets, added without an id (the identity gives 1001 and up)
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p,
						   bass_q, growth, description)
VALUES ('legal', 'contract review', 'legal.contract_review', 30000, 0.05, 0.02, 0.35, 0.07,
		'models read contracts and flag risky clauses'),
	   ('education', 'tutoring', 'education.tutoring', 500000, 0.03, 0.03, 0.5, 0.12, NULL),
	   ('energy', 'grid forecasting', 'energy.grid_forecasting', 800, 0.2, 0.01, 0.2, 0.03,
		E'tab\there, quote '' and backslash \\ survive');

-- user cases, added without an id
INSERT INTO aibiz.cases (name, company, tech_leadership, business_model,
						 market_performance, ecosystem, lessons)
VALUES ('Contract copilot', 'Example Legal Ltd', 7.5, 6.25, 5, 4.125, 'vertical data wins'),
	   ('Tutor bot', 'Example Edu', 6, 8, 7.5, 6, NULL);
-- a user case modelled as a company, in a user market (the other stays unmodelled)
UPDATE aibiz.cases
SET revenue = 'subscription(price=pert(40,50,70), seats=5) + licensing(deals=2, fee=100k)',
	risk = 'regulation(freq=0.5, loss=lognormal(80k, 40k))',
	plan = 'cash(amount=2M) + team(headcount=6, cost=14k) + product(churn=1.5%) + marketing(budget=25k, cac=2500)',
	market_id = (SELECT id FROM aibiz.markets WHERE name = 'legal.contract_review')
WHERE name = 'Contract copilot';

-- sample companies in the shipped markets, and the same companies moved to
-- the user markets (the documented workflow: pick a market, add companies)
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT name, market_id, revenue, risk, plan FROM aibiz.sample_companies(24, 7);
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan, attrs)
SELECT 'user-market ' || s.name,
	   (SELECT id FROM aibiz.markets WHERE NOT builtin ORDER BY id OFFSET (s.i % 3) LIMIT 1),
	   s.revenue, s.risk, s.plan, jsonb_build_object('i', s.i, 'tags', jsonb_build_array('user'))
FROM (SELECT row_number() OVER () AS i, x.* FROM aibiz.sample_companies(12, 8) x) s;

-- hand-written companies, one in a user market, one in a shipped one
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan, attrs, created_at)
VALUES ('Hand Legal AI',
		(SELECT id FROM aibiz.markets WHERE name = 'legal.contract_review'),
		'subscription(price=pert(40,50,70), seats=5, cost=4) + usage(price=0.002, units=normal(20000,5000))',
		'competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=1, loss=lognormal(200k,100k))',
		'cash(amount=1M) + team(headcount=8, cost=15k) + product(launch=2, churn=triangular(1%,2%,4%)) + marketing(budget=30k, cac=800, organic=2%) + round(month=12, amount=2M, p=50%)',
		'{"stage": "seed", "country": "DE"}', '2024-02-29 12:34:56.789+00'),
	   ('Hand Fraud AI', 12,
		'subscription(price=99, seats=3, cost=10)',
		'',
		'cash(amount=500k) + team(headcount=4, cost=12k) + product(launch=1, churn=2%) + marketing(budget=10k, cac=500, organic=1%)',
		'{}', '2025-01-01 00:00:00+00');

-- user tables with a value of every aibiz type.  They carry no foreign keys
-- into the extension's tables: pg_restore -j may add such a key before the
-- rows of an extension configuration table are loaded (pg_dump does not make
-- such a key wait for a configuration table's data), which the extension's
-- schema cannot prevent.
CREATE TABLE public.models (
	id serial PRIMARY KEY,
	revenue aibiz.revenue_model,
	risk aibiz.risk_profile,
	plan aibiz.plan
);
INSERT INTO public.models (revenue, risk, plan)
SELECT revenue, risk, plan FROM aibiz.companies ORDER BY id;
INSERT INTO public.models (revenue, risk, plan) VALUES (NULL, NULL, NULL);

CREATE TABLE public.projections (
	company_id bigint PRIMARY KEY,
	p aibiz.projection NOT NULL
);
INSERT INTO public.projections
SELECT c.id, aibiz.project(c, m, 36)
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id;

CREATE TABLE public.simulations (
	company_id bigint PRIMARY KEY,
	s aibiz.simulation NOT NULL
);
INSERT INTO public.simulations
SELECT c.id, aibiz.simulate(c, m, 24, 50, c.id)
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id
WHERE c.id % 4 = 0 OR c.name LIKE 'Hand%';
-- portfolios: the sum of the simulations per market
CREATE TABLE public.portfolios (
	market_id integer PRIMARY KEY,
	s aibiz.simulation NOT NULL
);
INSERT INTO public.portfolios
SELECT c.market_id, aibiz.portfolio(s.s)
FROM public.simulations s JOIN aibiz.companies c ON c.id = s.company_id
GROUP BY c.market_id;

CREATE TABLE public.flows (
	company_id bigint PRIMARY KEY,
	cf aibiz.cashflows NOT NULL
);
INSERT INTO public.flows
SELECT p.company_id,
	   aibiz.cashflows(r.cash_flow + r.funding, DATE '2025-01-31' + (r.month - 1) * 30)
FROM public.projections p, aibiz.rows(p.p) r
GROUP BY p.company_id;

-- a user table naming user markets and cases
CREATE TABLE public.notes (
	id serial PRIMARY KEY,
	market_id integer,
	case_id integer,
	note text
);
INSERT INTO public.notes (market_id, case_id, note)
SELECT m.id, c.id, m.name || ' / ' || c.name
FROM aibiz.markets m, aibiz.cases c WHERE NOT m.builtin AND NOT c.builtin;

-- every table must hold rows, or the comparison proves nothing
DO $$
DECLARE
	t text;
	n bigint;
BEGIN
	FOREACH t IN ARRAY ARRAY['aibiz.markets WHERE NOT builtin', 'aibiz.cases WHERE NOT builtin',
		'aibiz.cases WHERE NOT builtin AND plan IS NOT NULL',
		'aibiz.companies WHERE market_id > 1000', 'aibiz.companies WHERE market_id <= 12',
		'public.models', 'public.projections', 'public.simulations', 'public.portfolios',
		'public.flows', 'public.notes'] LOOP
		EXECUTE 'SELECT count(*) FROM ' || t INTO n;
		IF n = 0 THEN
			RAISE EXCEPTION 'setup left no rows in %', t;
		END IF;
	END LOOP;
END $$;
