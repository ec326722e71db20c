-- 96_advice: what the extension tells the analyst besides results.
-- (1) a rate or share written without %: a WARNING where the domain admits
--     values above 1 (growth, expansion, discount), an error with a hint
--     where it is [0, 1]; output prints such a value with % so that reading
--     it back (COPY, dump and restore) raises no warning;
-- (2) a NOTICE when a plan acquires no account;
-- (3) progress NOTICEs of long simulate and portfolio calls (aibiz.progress).
SET search_path = aibiz, public;

-- (1) discount=30 is 3,000 % a year: accepted with a WARNING naming term and key
SELECT 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%) + valuation(discount=30)'::plan;
-- monthly growth of usage: 5 = 500 % a month
SELECT 'usage(price=1, units=10, growth=5)'::revenue_model;
-- written with % or as a fraction: no warning; 1 (100 %) is not above 1
SELECT 'usage(price=1, units=10, growth=5%)'::revenue_model AS pct,
       'usage(price=1, units=10, growth=0.05)'::revenue_model AS fraction,
       'usage(price=1, units=10, growth=1)'::revenue_model AS one;
-- a share in [0, 1] stays an error; its hint says how to write 30 percent
SELECT 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=30)'::plan;
SELECT 'competition(freq=1, strategy=mitigate(cost=1k, effect=50))'::risk_profile;
-- set() parses its value like input, and warns alike
SELECT set('cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%)'::plan,
           'valuation.discount', '40');
-- jsonb numbers are the values themselves: no warning
SELECT '[{"term": "usage", "price": 1, "units": 10, "growth": 5}]'::jsonb::revenue_model;

-- COPY out prints 30 as 3000% and 5 as 500%; reading that back raises no
-- warning and gives the same value (the dump/restore path)
CREATE TEMP TABLE rates (p plan, r revenue_model);
INSERT INTO rates VALUES ('cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%) + valuation(discount=30)',
                          'usage(price=1, units=10, growth=pert(0.5, 2, 5))');
COPY rates TO STDOUT;
CREATE TEMP TABLE rates2 (LIKE rates);
COPY rates2 FROM STDIN;
cash(amount=1000000) + team(headcount=1, cost=1000) + product(churn=0.02) + valuation(discount=3000%)	usage(price=1, units=10, growth=pert(0.5, 200%, 500%))
\.
SELECT a.p = b.p AS same_plan, a.r = b.r AS same_revenue FROM rates a, rates2 b;
-- the stored numbers are 30 and 2, 5 (jsonb prints the values themselves)
SELECT p::jsonb AS plan, r::jsonb AS revenue FROM rates2;
SELECT (p::text)::plan = p AS text_round_trip FROM rates;

-- (2) no acquisition: budget 0 and no organic capture -> accounts stay 0
SELECT accounts FROM rows(project('subscription(price=10)', '',
       'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%)',
       market(1000, 0.1, 0.03, 0.4, 0), 2));
-- a launch after the horizon
SELECT accounts FROM rows(project('subscription(price=10)', '',
       'cash(amount=1M) + team(headcount=1, cost=1k) + product(launch=13, churn=2%) + marketing(organic=10%)',
       market(1000, 0.1, 0.03, 0.4, 0), 12)) WHERE month = 12;
-- a market without accounts
SELECT accounts FROM rows(project('subscription(price=10)', '',
       'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%) + marketing(organic=10%)',
       market(0, 0, 0.03, 0.4, 0), 1));
-- organic capture: no notice; accounts month 1 = 1000 * (A_1 - A_0) * 10 %
SELECT accounts > 0 AS acquires FROM rows(project('subscription(price=10)', '',
       'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%) + marketing(organic=10%)',
       market(1000, 0.1, 0.03, 0.4, 0), 1));
-- one NOTICE per call site of project(), not one per row
SELECT count(*) FROM generate_series(1, 3) i,
       LATERAL (SELECT project('subscription(price=10)', '',
                'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%)',
                market(1000, 0.1, 0.03, 0.4, 0), i)) x;
-- simulate(): once per call
SELECT trials(simulate('subscription(price=10)', '',
       'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%)',
       market(1000, 0.1, 0.03, 0.4, 0), 12, 10, 1));

-- (3) progress.  Off by default: nothing.
SHOW aibiz.progress;
SHOW aibiz.progress_interval;
-- the elapsed time is in the DETAIL, which terse verbosity hides
\set VERBOSITY terse
CREATE TEMP TABLE acq AS SELECT 'cash(amount=1M) + team(headcount=1, cost=1k) + product(churn=2%) + marketing(organic=10%)'::plan AS p;
SELECT trials(simulate('subscription(price=10)', '', p, market(1000, 0.1, 0.03, 0.4, 0), 12, 6000, 1)) FROM acq;
-- on: a call shorter than the interval (here 1 h, so that a slow machine
-- or valgrind cannot reach it) stays silent
SET aibiz.progress = on;
SET aibiz.progress_interval = '1h';
SELECT trials(simulate('subscription(price=10)', '', p, market(1000, 0.1, 0.03, 0.4, 0), 12, 6000, 1)) FROM acq;
-- interval 0 reports at every tick.  The driver ticks every 32768 / 12 =
-- 2730 trial-months' worth of trials: before trial 2730 (2730 trials
-- counted, 2730 / 6000 = 45.5 % -> 45 %) and before trial 5460 (91 %); then
-- once while it computes the monthly quantiles
SET aibiz.progress_interval = 0;
SELECT trials(simulate('subscription(price=10)', '', p, market(1000, 0.1, 0.03, 0.4, 0), 12, 6000, 1)) FROM acq;
-- the portfolio aggregate counts the simulations it has summed: the first
-- becomes its state, the transition reports when the second and the third
-- are added (each 10-trial simulate reports only its quantile step)
SELECT members(portfolio(s)) FROM (SELECT simulate('subscription(price=10)', '', p,
       market(1000, 0.1, 0.03, 0.4, 0), 12, 10, i) AS s FROM acq, generate_series(1, 3) i) x;
-- the interval's bounds
SET aibiz.progress_interval = -1;
RESET aibiz.progress_interval;
RESET aibiz.progress;
SELECT trials(simulate('subscription(price=10)', '', p, market(1000, 0.1, 0.03, 0.4, 0), 12, 6000, 1)) FROM acq;
\set VERBOSITY default
