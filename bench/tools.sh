#!/bin/bash
# tools.sh — the modeller's toolkit: tornado of a company with about twenty
# inputs (time per call and projections per second), spider of the same
# company, and a goal seek (time and iterations) on the expected path and
# on a simulation.  Median of RUNS runs of each.  Not a test.
#
# Environment: RUNS (7), H months (60), TRIALS for the simulation solve
# (1000).  Installs the extension under /tmp/aibiz-pg.lock and runs in a
# throwaway cluster (pg_virtualenv).
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
H=${H:-60}
TRIALS=${TRIALS:-1000}
tmp=$(mktemp -d /tmp/aibiz-bench.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "runs: $RUNS (median), horizon $H months"

cat > "$tmp/run.sql" <<EOF
\set ON_ERROR_STOP 1
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
SET jit = off;
CREATE EXTENSION aibiz;
-- a company of 21 inputs: 2 revenue streams, 3 risks, a full plan
CREATE TABLE co AS SELECT
	'subscription(price=normal(120, 25), seats=4, cost=pert(5, 8, 15), expansion=0.5%)
	 + usage(price=0.002, units=triangular(20k, 50k, 120k), growth=2%, price_decline=20%, cost=0.0006)'::aibiz.revenue_model AS r,
	'competition(freq=1.5, price=uniform(2%, 8%)) + regulation(freq=0.3, loss=lognormal(200k, 150k))
	 + data(freq=0.5, churn=5%, strategy=mitigate(cost=3k, effect=0.4))'::aibiz.risk_profile AS k,
	'cash(amount=5M) + team(headcount=20, cost=12k, growth=6%) + product(launch=3, churn=2.5%)
	 + marketing(budget=150k, cac=900, organic=1.5%) + valuation(discount=20%, multiple=6)'::aibiz.plan AS p,
	aibiz.market(200000, 0.02, 0.03, 0.38, 0.08) AS m;
-- median seconds of a query over $RUNS runs
CREATE FUNCTION bench_median(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; xs float8[] := '{}';
BEGIN
	FOR i IN 1 .. $RUNS LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		xs := xs || extract(epoch FROM clock_timestamp() - t0)::float8;
	END LOOP;
	RETURN (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(xs) x);
END \$\$;
SELECT 'inputs ' || count(*) FROM co, aibiz.tornado(r, k, p, m, $H);
SELECT 'tornado_s ' || bench_median('SELECT count(*) FROM co, aibiz.tornado(r, k, p, m, $H)');
SELECT 'spider_s ' || bench_median('SELECT count(*) FROM co, aibiz.spider(r, k, p, m, $H)');
SELECT 'project_s ' || bench_median('SELECT aibiz.npv(aibiz.project(r, k, p, m, $H)) FROM co');
SELECT 'solve_npv ' || s.iterations || ' ' || bench_median('SELECT * FROM co, aibiz.solve(r, k, p, m, ''subscription.price'', ''npv'', 0, 1, 1000, $H)')
FROM co, aibiz.solve(r, k, p, m, 'subscription.price', 'npv', 0, 1, 1000, $H) s;
SELECT 'solve_survival ' || s.iterations || ' ' || bench_median('SELECT * FROM co, aibiz.solve(r, k, p, m, ''cash.amount'', ''survival'', 0.8, 0, 1e8, 36, $TRIALS, 1)')
FROM co, aibiz.solve(r, k, p, m, 'cash.amount', 'survival', 0.8, 0, 1e8, 36, $TRIALS, 1) s;
SELECT 'sensitivity_s ' || bench_median('SELECT count(*) FROM co, aibiz.sensitivity(r, k, p, m, $H, 10000, 1)');
EOF
chmod 644 "$tmp/run.sql"

flock /tmp/aibiz-pg.lock bash -c "make -s install >/dev/null && \
	pg_virtualenv -t -v 15 psql -X -q -f '$tmp/run.sql'" > "$tmp/out.txt" 2>"$tmp/err.txt" ||
	{ cat "$tmp/err.txt"; exit 1; }

awk -v h="$H" -v trials="$TRIALS" '
	$1 == "inputs" { n = $2 }
	$1 == "tornado_s" { t = $2 }
	$1 == "spider_s" { s = $2 }
	$1 == "project_s" { p = $2 }
	$1 == "solve_npv" { ni = $2; ns = $3 }
	$1 == "solve_survival" { si = $2; ss = $3 }
	$1 == "sensitivity_s" { se = $2 }
	END {
		printf "tornado: %d inputs, %d projections, %.2f ms a call, %.0f projections/s\n", n, 2 * n + 1, t * 1000, (2 * n + 1) / t
		printf "spider: %d projections, %.2f ms a call, %.0f projections/s\n", 7 * n, s * 1000, 7 * n / s
		printf "one aibiz.project (%d months) alone: %.3f ms\n", h, p * 1000
		printf "solve npv by subscription.price: %d iterations, %.2f ms\n", ni, ns * 1000
		printf "solve survival(36) by cash.amount, %d trials: %d iterations, %.1f ms\n", trials, si, ss * 1000
		printf "sensitivity, 10000 trials: %.1f ms\n", se * 1000
	}' "$tmp/out.txt"
