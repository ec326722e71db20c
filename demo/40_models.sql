--@ title: Reading models
--@ requires: aibiz.revenue_model, aibiz.risk_profile, aibiz.plan, aibiz.terms
--@ about: The three input types share one grammar: a '+'-separated list of terms whose keys take numbers (with k, M, B and % suffixes) or distributions. Text output is canonical; aibiz.terms() shows a value as rows, one per term and key.

--@ caption: A revenue model — seats plus metered API calls, costs falling with compute prices
SELECT * FROM aibiz.terms('subscription(price=49, seats=5, attach=60%, cost=4, cost_decline=30%)
	+ usage(price=0.002, units=pert(20k, 50k, 200k), growth=2%, price_decline=25%,
			cost=0.0008, cost_decline=35%)'::aibiz.revenue_model);

--@ caption: A risk profile — regulation mitigated, a price war accepted, a privacy breach insured
SELECT * FROM aibiz.terms('regulation(freq=0.3, loss=lognormal(2M, 1M), cost=20k,
			 strategy=mitigate(cost=15k, effect=50%))
	+ competition(freq=1, price=triangular(2%, 5%, 15%))
	+ privacy(freq=0.1, loss=5M, churn=10%, strategy=transfer(premium=8k, cover=80%))'::aibiz.risk_profile);

--@ caption: An operating plan — seed cash, a team, paid and channel acquisition, a Series A at 70 %
SELECT * FROM aibiz.terms('cash(amount=20M) + team(headcount=40, cost=15k, growth=10%)
	+ product(launch=6, churn=2%) + marketing(budget=300k, cac=1200, organic=1%)
	+ entry(mode=channel, cut=20%, reach=3) + training(cost=500k, every=6, decline=30%)
	+ round(month=18, amount=30M, p=70%) + valuation(discount=25%, multiple=8)'::aibiz.plan);

--@ caption: Canonical text: case folded, defaults dropped, terms in a fixed order
SELECT 'USAGE(units=1e3, price=0.01) + Subscription( price = 20 , seats = 1 )'::aibiz.revenue_model AS canonical;
