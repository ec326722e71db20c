#!/bin/sh
# simulate.sh — Monte Carlo throughput of one reference company, side by side:
#   (a) aibiz.simulate() in the database,
#   (b) the same driver in the standalone core (bench/simulate_core.c),
#   (c) the same monthly model vectorised in numpy (bench/simulate_numpy.py),
# in trial-months per second on one core, with their ratios; then the
# parallel speed-up of aibiz.portfolio(aibiz.simulate(...)) over many
# companies with 2 workers against 0.  ROUNDS rounds: each runs (b), (c)
# and (a) once in turn (the core and numpy started by psql),
# then the portfolio with 0 and with 2 workers; every figure is the median
# over the rounds (ranges printed beside), the speed-up the ratio of the
# medians.
#
# Starts its own throwaway cluster (pg_virtualenv) after `make install`,
# both under /tmp/aibiz-pg.lock.  Environment: TRIALS (200000),
# HORIZON (60), COMPANIES (200), PTRIALS (2000, trials per company),
# MTRIALS (1000000, the simulation whose peak memory is measured),
# ROUNDS (5; at least 5 for a median).
set -eu
cd "$(dirname "$0")/.."

TRIALS=${TRIALS:-200000}
HORIZON=${HORIZON:-60}
COMPANIES=${COMPANIES:-200}
PTRIALS=${PTRIALS:-2000}
MTRIALS=${MTRIALS:-1000000}
ROUNDS=${ROUNDS:-5}
SEED=1
# the reference company: subscription + usage streams, three risks, one round with p < 1
BENCH_REV='subscription(price=pert(40,50,70), seats=5, cost=4, cost_decline=20%, expansion=1%) + usage(price=0.002, units=normal(20000,5000), growth=2%, price_decline=30%, cost=0.0008, cost_decline=40%)'
BENCH_RISK='competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%)) + regulation(freq=0.5, loss=lognormal(200k,100k), cost=5k) + privacy(freq=0.3, loss=pert(50k,150k,1M), churn=3%, strategy=transfer(premium=2k, cover=60%))'
BENCH_PLAN='cash(amount=3M) + team(headcount=12, cost=15k, growth=5%) + product(launch=3, churn=triangular(1%,2%,4%)) + marketing(budget=50k, cac=800, organic=2%, growth=10%) + round(month=18, amount=5M, p=60%) + valuation(discount=25%, multiple=6)'
MARKET="200000 0.02 0.03 0.4 0.1"
export BENCH_REV BENCH_RISK BENCH_PLAN

OUT=$(mktemp -d)
chmod 755 "$OUT"
trap 'rm -rf "$OUT"' EXIT

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reference company, $TRIALS trials x $HORIZON months, seed $SEED; $ROUNDS interleaved rounds, medians"

# (b) the core, compiled with the server's flags
mkdir -p build
# shellcheck disable=SC2046
cc $(pg_config --cflags) -std=gnu11 -Wno-declaration-after-statement -Isrc/core \
	-o build/simulate_core src/core/*.c bench/simulate_core.c -lm
cp build/simulate_core bench/simulate_numpy.py "$OUT/"

# one round of the single simulation: (b), (c), then (a), each once
single_round() {
	cat <<SQL
\\! $OUT/simulate_core "\$BENCH_REV" "\$BENCH_RISK" "\$BENCH_PLAN" $MARKET $TRIALS $HORIZON $SEED
\\! /usr/bin/python3 $OUT/simulate_numpy.py $TRIALS $HORIZON
\\echo db-single
SELECT aibiz.npv_mean(s) AS npv_mean, aibiz.survival(s, $HORIZON) AS survival, aibiz.arr_mean(s) AS arr_mean
  FROM (SELECT aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, $TRIALS, $SEED) AS s FROM bench_market m OFFSET 0) x;
SQL
}

# one round of the portfolio: 0 workers, then 2
portfolio_round() {
	cat <<SQL
SET max_parallel_workers_per_gather = 0;
\\echo db-workers-0
SELECT md5(aibiz.portfolio(aibiz.simulate(c, m, $HORIZON, $PTRIALS, c.id))::text)
  FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id;
SET max_parallel_workers_per_gather = 2;
\\echo db-workers-2
SELECT md5(aibiz.portfolio(aibiz.simulate(c, m, $HORIZON, $PTRIALS, c.id))::text)
  FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id;
SQL
}

# (a) the database, and the parallel portfolio
cat > "$OUT/bench.sql" <<SQL
\set ON_ERROR_STOP 1
\getenv rev BENCH_REV
\getenv risk BENCH_RISK
\getenv plan BENCH_PLAN
SET client_min_messages = warning;
CREATE EXTENSION aibiz;
CREATE TABLE bench_market AS SELECT * FROM aibiz.market($(echo $MARKET | tr ' ' ','));
-- warm up (loads the library, fills caches)
SELECT aibiz.trials(aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, 1000, $SEED)) FROM bench_market m;
\timing on
$(for _ in $(seq "$ROUNDS"); do single_round; done)
\timing off
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
  SELECT 'bench', 'bench', 'bench', accounts, adoption, bass_p, bass_q, growth FROM bench_market;
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
  SELECT 'ref ' || g, (SELECT id FROM aibiz.markets WHERE name = 'bench'), :'rev', :'risk', :'plan'
  FROM generate_series(1, $COMPANIES) g;
ALTER TABLE aibiz.companies SET (parallel_workers = 2);
ANALYZE aibiz.companies;
ANALYZE aibiz.markets;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers = 8;
\timing on
$(for _ in $(seq "$ROUNDS"); do portfolio_round; done)
\timing off
EXPLAIN (COSTS OFF) SELECT aibiz.portfolio(aibiz.simulate(c, m, $HORIZON, $PTRIALS, c.id))
  FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id;
-- (d) peak resident memory of a fresh backend (library loaded) for one
-- simulation of MTRIALS trials
\\connect
-- the equity slots of the company size its trials (100 + 16 x slots bytes each)
SELECT (regexp_match(aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, 10, $SEED)::text, 'slots=(\d+)'))[1] AS slots
  FROM bench_market m \gset
SELECT (regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+) kB'))[1] AS hwm_before \gset
SELECT aibiz.trials(aibiz.simulate(:'rev', :'risk', :'plan', m, $HORIZON, $MTRIALS, $SEED)) FROM bench_market m;
SELECT (regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+) kB'))[1] AS hwm_after \gset
\echo db-memory :hwm_before :hwm_after :slots
SQL
flock /tmp/aibiz-pg.lock sh -c "make -s install >/dev/null && pg_virtualenv psql -X -A -t -F ' ' -f '$OUT/bench.sql'" \
	> "$OUT/db" 2>&1 || { cat "$OUT/db"; exit 1; }

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# report: medians over the rounds
awk -v trials="$TRIALS" -v horizon="$HORIZON" -v comps="$COMPANIES" -v ptrials="$PTRIALS" \
	-v mtrials="$MTRIALS" "$(cat bench/stats.awk)"'
	function ms(line) { sub(/^Time: /, "", line); sub(/ ms.*/, "", line); return line / 1000 }
	/^core [0-9]+ trials/ { put("core", $9); coreline = $0; next }
	/^numpy [0-9]+ trials/ { put("numpy", $9); next }
	/^db-single/ { sect = "single"; next }
	/^db-workers-0/ { sect = "w0"; next }
	/^db-workers-2/ { sect = "w2"; next }
	/^Time:/ {
		if (sect == "single") put("db", trials * horizon / ms($0) / 1e6)
		else if (sect == "w0" || sect == "w2") put(sect, ms($0))
		sect = ""
		next
	}
	sect == "single" && /^-?[0-9.e+]+ [0-9.e+-]+ [0-9.e+-]+$/ { dbline = $0 }
	(sect == "w0" || sect == "w2") && length($0) == 32 {
		if (md5 == "") md5 = $0
		else if ($0 != md5) differ = 1
	}
	/Partial Aggregate/ { partial = 1 }
	/^db-memory/ { hwm0 = $2; hwm1 = $3; slots = $4 }
	END {
		db = median("db"); core = median("core"); np = median("numpy")
		printf "(a) database: %.2f M trial-months/s per core (range %s; npv_mean survival arr_mean: %s)\n", db, range("db", 2), dbline
		printf "(b) core:     %.2f M trial-months/s per core (range %s)\n", core, range("core", 2)
		printf "(c) numpy:    %.2f M trial-months/s per core (range %s)\n", np, range("numpy", 2)
		printf "ratios of the medians: core/database %.2f, database/numpy %.2f, core/numpy %.2f\n", core / db, db / np, core / np
		w0 = median("w0"); w2 = median("w2")
		for (i = 1; i <= cnt["w2"]; i++)
			put("pair", val["w0", i] / val["w2", i])
		printf "portfolio of %d companies x %d trials x %d months: 0 workers %.3f s (%s), 2 workers %.3f s (%s), speed-up %.2f (median of the rounds own ratios %.2f, range %s; plan has Partial Aggregate: %s; results identical: %s)\n",
			comps, ptrials, horizon, w0, range("w0", 2), w2, range("w2", 2), w0 / w2, median("pair"), range("pair", 2),
			partial ? "yes" : "no", (!differ && md5 != "" && cnt["w0"] + cnt["w2"] >= 2) ? "yes" : "no"
		printf "memory: backend peak RSS %.0f MB before, %.0f MB after one simulation of %d trials x %d months (+%.0f MB; bound (100 + 16 x %d slots) B x trials + 64 MB = %.0f MB)\n",
			hwm0 / 1024, hwm1 / 1024, mtrials, horizon, (hwm1 - hwm0) / 1024, slots, ((100 + 16 * slots) * mtrials / 1048576) + 64
	}' "$OUT/db"
