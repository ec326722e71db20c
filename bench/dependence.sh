#!/bin/bash
# dependence.sh — the cost of Latin hypercube sampling and of rank
# correlations (Iman–Conover) against plain Monte Carlo, on the reference
# company of bench/simulate.sh: aibiz.simulate() with sampling 'mc', 'lhs',
# correlations of its three once-per-trial inputs, and both; runs
# interleaved (mc, lhs, corr, lhs+corr, mc, ...) so that load on the
# machine hits every variant alike; medians and ratios to mc.  Target:
# under 1.2x.  Not a test.
#
# Environment: RUNS (7), TRIALS (100000), HORIZON (60).  Installs the
# extension and runs a throwaway cluster (pg_virtualenv), both under
# /tmp/aibiz-pg.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
TRIALS=${TRIALS:-100000}
HORIZON=${HORIZON:-60}
# the reference company of bench/simulate.sh; its once-per-trial inputs are
# subscription.price, usage.units and product.churn
BENCH_REV='subscription(price=pert(40,50,70), seats=5, cost=4, cost_decline=20%, expansion=1%) + usage(price=0.002, units=normal(20000,5000), growth=2%, price_decline=30%, cost=0.0008, cost_decline=40%)'
BENCH_RISK='competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=0.5, loss=lognormal(200k,100k), cost=5k) + privacy(freq=0.3, loss=pert(50k,150k,1M), churn=3%, strategy=transfer(premium=2k, cover=60%))'
BENCH_PLAN='cash(amount=3M) + team(headcount=12, cost=15k, growth=5%) + product(launch=3, churn=triangular(1%,2%,4%)) + marketing(budget=50k, cac=800, organic=2%, growth=10%) + round(month=18, amount=5M, p=60%) + valuation(discount=25%, multiple=6)'
CORR='{"usage.units|subscription.price": -0.5, "product.churn|subscription.price": 0.3}'
export BENCH_REV BENCH_RISK BENCH_PLAN CORR

tmp=$(mktemp -d /tmp/aibiz-bench.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "reference company, $TRIALS trials x $HORIZON months, $RUNS interleaved runs of each variant (median)"

{
	cat <<SQL
\\set ON_ERROR_STOP 1
\\getenv rev BENCH_REV
\\getenv risk BENCH_RISK
\\getenv plan BENCH_PLAN
\\getenv corr CORR
SET client_min_messages = warning;
SET jit = off;
CREATE EXTENSION aibiz;
CREATE TABLE m AS SELECT * FROM aibiz.market(200000, 0.02, 0.03, 0.4, 0.1);
SELECT aibiz.trials(aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, 1000, 1)) FROM m;
\\timing on
SQL
	for r in $(seq 1 "$RUNS"); do
		for v in mc lhs corr lhs+corr; do
			case $v in
				mc) args="sampling => 'mc'" ;;
				lhs) args="sampling => 'lhs'" ;;
				corr) args="correlations => :'corr'" ;;
				lhs+corr) args="sampling => 'lhs', correlations => :'corr'" ;;
			esac
			echo "\\echo variant $v"
			echo "SELECT aibiz.trials(s) FROM (SELECT aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, $TRIALS, $r, $args) AS s FROM m OFFSET 0) x;"
		done
	done
} > "$tmp/run.sql"

flock /tmp/aibiz-pg.lock bash -c "make -s install >/dev/null && pg_virtualenv psql -X -A -t -f '$tmp/run.sql'" \
	> "$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }

awk -v trials="$TRIALS" -v horizon="$HORIZON" '
	function median(arr, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && arr[j - 1] > arr[j]; j--) { t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t }
		return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
	}
	/^variant / { v = $2; next }
	/^Time:/ && v != "" { sub(/^Time: /, ""); sub(/ ms.*/, ""); n[v]++; t[v, n[v]] = $0; v = ""; next }
	END {
		split("mc lhs corr lhs+corr", names, " ")
		for (k = 1; k <= 4; k++) {
			name = names[k]
			for (i = 1; i <= n[name]; i++) a[i] = t[name, i]
			med[name] = median(a, n[name])
		}
		for (k = 1; k <= 4; k++) {
			name = names[k]
			printf "%-9s median %8.1f ms  %5.2f M trial-months/s  %.3fx mc\n", name, med[name],
				trials * horizon / med[name] / 1000, med[name] / med["mc"]
		}
	}' "$tmp/out"
