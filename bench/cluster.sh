#!/usr/bin/env bash
# cluster.sh — single node against a coordinator and three shards
# (scripts/cluster.sh) on this one machine, for 6,000 sample companies:
#   - a portfolio of simulations per market, 1,000 trials x 60 months each
#     (aibiz.portfolio(aibiz.simulate(...)) GROUP BY market_id),
#   - a projection roll-up per market (aibiz.sum(aibiz.project(...))),
# each (a) on the single node, (b) on the cluster with the aggregate sent to
# the shards, (c) on the cluster with enable_partitionwise_aggregate = off,
# which makes the coordinator pull the company rows and compute everything
# itself.  Prints wall times (one run each, psql start included) and the
# bytes moved from the shards: the text form of the rows each plan fetches
# (what postgres_fdw transfers, before the protocol's framing).
#
# All four servers share this machine's cores, so (b) against (a) measures
# the overhead of the coordinator, not a speed-up.  Takes about 3 to 5
# minutes on 2 cores.  Run it under the install lock after make install:
#   flock /tmp/aibiz-pg.lock bash bench/cluster.sh
set -euo pipefail

cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export AIBIZ_CLUSTER_COMPANIES=${COMPANIES:-6000}
export AIBIZ_CLUSTER_SEED=${SEED:-7}
TRIALS=${TRIALS:-1000}
HORIZON=${HORIZON:-60}

t0=$(date +%s)
DIR=$(bash scripts/cluster.sh start)
trap 'bash scripts/cluster.sh stop "$DIR"' EXIT
# shellcheck disable=SC1091
. "$DIR/env"
echo "cluster of $AIBIZ_CLUSTER_COMPANIES companies ready in $(($(date +%s) - t0)) s ($DIR)"

q() {
	local port=$1 db=$2
	shift 2
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$port" -U postgres -d "$db" "$@"
}

# seconds (3 decimals) to run SQL $3 on port $1, db $2; its output goes to $4
timed() {
	local s e
	s=$(date +%s%N)
	q "$1" "$2" -c "$3" >"$4"
	e=$(date +%s%N)
	awk -v d=$((e - s)) 'BEGIN { printf "%.3f", d / 1e9 }'
}

M="aibiz.market(accounts, adoption, bass_p, bass_q, growth, market_id)"
SIM="SELECT market_id, aibiz.portfolio(aibiz.simulate(revenue, risk, plan, $M, $HORIZON, $TRIALS, id)) FROM public.companies GROUP BY market_id ORDER BY market_id"
PROJ="SELECT market_id, aibiz.sum(aibiz.project(revenue, risk, plan, $M, $HORIZON)) FROM public.companies GROUP BY market_id ORDER BY market_id"
PULL="SET enable_partitionwise_aggregate = off"
out=$(mktemp -d)

# bytes of the rows a pulling plan fetches from the shards, in text form
pulled_bytes() {
	local cols=$1 p s=0
	for p in $PORT_SHARD1 $PORT_SHARD2 $PORT_SHARD3; do
		s=$((s + $(q "$p" aibiz -c "SELECT sum(octet_length(x::text)) FROM (SELECT $cols FROM public.companies) x")))
	done
	echo "$s"
}

# run one query three ways: name, SQL, columns a pulling plan fetches
run() {
	local name=$1 sql=$2 cols=$3 ta tb tc
	ta=$(timed "$PORT_COORD" single "$sql" "$out/a")
	tb=$(timed "$PORT_COORD" aibiz "$sql" "$out/b")
	tc=$(timed "$PORT_COORD" aibiz "$PULL; $sql" "$out/c")
	cmp -s "$out/a" "$out/b" && cmp -s "$out/a" "$out/c" || { echo "results differ for $name" >&2; exit 1; }
	printf '%-34s %10s %10s %10s %14s %14s\n' "$name" "$ta" "$tb" "$tc" \
		"$(wc -c <"$out/b")" "$(pulled_bytes "$cols")"
}

echo
echo "pushed plan (b):"
q "$PORT_COORD" aibiz -c "EXPLAIN (VERBOSE, COSTS OFF) $SIM" | grep -m1 'Remote SQL' | cut -c1-200
echo "pulled plan (c):"
q "$PORT_COORD" aibiz -c "$PULL" -c "EXPLAIN (VERBOSE, COSTS OFF) $SIM" | grep -m1 'Remote SQL' | cut -c1-200
echo
printf '%-34s %10s %10s %10s %14s %14s\n' query "single s" "pushed s" "pulled s" "pushed bytes" "pulled bytes"
run "portfolio, $TRIALS trials x $HORIZON months" "$SIM" "id, market_id, revenue, risk, plan, accounts, adoption, bass_p, bass_q, growth"
run "projection roll-up, $HORIZON months" "$PROJ" "market_id, revenue, risk, plan, accounts, adoption, bass_p, bass_q, growth"
rm -rf "$out"
echo
echo "results identical in all three runs; $(nproc) cores; total $(($(date +%s) - t0)) s"
