-- ---------------------------------------------------------------------------
-- 21_cases.sql — the shipped case studies as companies: a revenue model, a
-- risk profile, a plan and a market for each, drawn from the case's story.
--
-- The numbers are illustrative, at the scale of the sample companies, not
-- figures of the companies named.  This one statement fills the rows for a
-- fresh install and for the update from 0.1.1 (which adds the columns first),
-- so both hold the same values.  Only the extension's own scripts may change
-- shipped rows (trigger guard_shipped_rows).
-- ---------------------------------------------------------------------------

UPDATE @extschema@.cases c
SET revenue = v.revenue::@extschema@.revenue_model,
	risk = v.risk::@extschema@.risk_profile,
	plan = v.plan::@extschema@.plan,
	market_id = v.market_id
FROM (VALUES
-- Google BERT: language understanding sold as an API (usage) and licensed
-- to enterprises (deal fees and royalties); a large research team, yearly
-- retraining, fast-moving technology and competition.  Market: search and
-- recommendation in e-commerce.
(1, 10,
 'usage(price=0.002, units=pert(30k, 100k, 400k), attach=70%, growth=1%, price_decline=20%, cost=0.0006, cost_decline=25%)'
 ' + licensing(deals=10, fee=lognormal(500k, 250k), royalty=1%, base=1M, term=24, cost=40k)',
 'technology(freq=0.8, churn=triangular(1%, 3%, 8%), strategy=mitigate(cost=20k, effect=40%))'
 ' + competition(freq=1.5, price=triangular(2%, 5%, 12%), share=5%)'
 ' + regulation(freq=0.2, loss=lognormal(200k, 150k))'
 ' + data(freq=0.3, cost=8000, churn=1%)',
 'cash(amount=20M) + team(headcount=30, cost=15k, growth=5%) + product(launch=6, churn=1.5%)'
 ' + marketing(budget=150k, cac=3000, growth=10%, organic=2%)'
 ' + training(cost=lognormal(1M, 400k), every=12, decline=20%)'
 ' + round(month=18, amount=30M, p=60%) + valuation(multiple=6)'),
-- Microsoft Azure Machine Learning: a cloud platform paid by subscription
-- (seats) and by usage (compute), sold through a partner channel that takes
-- a cut and multiplies reach.  Market: transport and routing in logistics,
-- one of the industries the study names.
(2, 8,
 'subscription(price=300, seats=5, attach=60%, expansion=1%, cost=45, cost_decline=20%)'
 ' + usage(price=0.08, units=pert(2k, 5k, 15k), growth=1.5%, price_decline=15%, cost=0.03, cost_decline=25%)',
 'technology(freq=0.5, churn=triangular(1%, 2%, 6%), strategy=mitigate(cost=15k, effect=50%))'
 ' + competition(freq=2, price=triangular(2%, 5%, 10%), share=4%)'
 ' + privacy(freq=0.15, loss=lognormal(500k, 400k), churn=2%, strategy=transfer(premium=4000, cover=70%))'
 ' + market(freq=0.5, share=triangular(3%, 8%, 20%))',
 'cash(amount=15M) + team(headcount=35, cost=14k, growth=6%) + product(launch=4, churn=1.2%)'
 ' + marketing(budget=120k, cac=9000, growth=15%, organic=3%)'
 ' + entry(mode=channel, cut=20%, reach=3)'
 ' + training(cost=400k, every=6, decline=20%)'
 ' + round(month=15, amount=25M, p=70%) + valuation(multiple=8)'),
-- Amazon intelligent customer service: a per-seat subscription (one seat
-- per service agent it assists), one revenue stream, sensitive customer
-- data.  Market: insurance and intelligent customer service.
(3, 3,
 'subscription(price=120, seats=pert(10, 30, 80), expansion=1.5%, cost=25, cost_decline=20%)',
 'technology(freq=0.4, churn=triangular(1%, 2%, 5%), cost=5000)'
 ' + competition(freq=1, price=triangular(2%, 4%, 10%), share=5%)'
 ' + regulation(freq=0.3, loss=lognormal(150k, 100k), cost=3000)'
 ' + privacy(freq=0.2, loss=lognormal(800k, 600k), churn=3%, strategy=transfer(premium=3000, cover=60%))',
 'cash(amount=12M) + team(headcount=25, cost=13k, growth=5%) + product(launch=3, churn=0.8%)'
 ' + marketing(budget=80k, cac=35k, growth=10%, organic=3%)'
 ' + training(cost=200k, every=6, decline=15%)'
 ' + round(month=12, amount=10M, p=70%) + valuation(multiple=5)')
) v (id, market_id, revenue, risk, plan)
WHERE c.id OPERATOR(pg_catalog.=) v.id AND c.builtin;
