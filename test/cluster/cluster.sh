#!/usr/bin/env bash
# cluster.sh — the scale-out recipe of docs/scale-out.md, tested on a
# coordinator and three shards on this machine (scripts/cluster.sh).
#
# For four queries over the partitioned foreign table public.companies
#   (i)   a projection roll-up: aibiz.sum(aibiz.project(...)) per market_id
#   (ii)  a portfolio of simulations: aibiz.portfolio(aibiz.simulate(...)) per market_id
#   (iii) a global total written two-level: aibiz.sum of the per-market sums
#   (iv)  a WHERE filter on an accessor: count per market_id of npv(project(...)) > 0
# it checks
#   (a) EXPLAIN (VERBOSE): each shard's Remote SQL holds the aibiz call and GROUP BY,
#   (b) pg_stat_user_functions (track_functions = all): the calls ran on the
#       shards, once per company, and never on the coordinator,
#   (c) the result is md5-identical to the same query on a single node holding
#       the same companies (database single), the global total to the
#       one-level aibiz.sum there,
# and that a plain float8 sum of the companies' NPVs, summed two-level on the
# shards, differs from the one-level sum on the single node (so (c) proves
# the exact sum, not a lucky order).  Prints "N passed, N failed".  Run it
# after make install, under the install lock (scripts/test.sh does).
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 1
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export AIBIZ_CLUSTER_COMPANIES=${AIBIZ_CLUSTER_COMPANIES:-600}
export AIBIZ_CLUSTER_SEED=${AIBIZ_CLUSTER_SEED:-7}
N=$AIBIZ_CLUSTER_COMPANIES
pass=0
fail=0

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
		echo "ok - $1"
	else
		fail=$((fail + 1))
		echo "not ok - $1"
		echo "#   expected: $2"
		echo "#   got:      $3"
	fi
}

DIR=$(bash scripts/cluster.sh start 2>/tmp/aibiz-cluster-start.$$)
if [ -z "$DIR" ] || [ ! -f "$DIR/env" ]; then
	cat /tmp/aibiz-cluster-start.$$
	rm -f /tmp/aibiz-cluster-start.$$
	echo "0 passed, 1 failed"
	exit 1
fi
rm -f /tmp/aibiz-cluster-start.$$
trap 'bash scripts/cluster.sh stop "$DIR"' EXIT
# shellcheck disable=SC1091
. "$DIR/env"
SHARDS="$PORT_SHARD1 $PORT_SHARD2 $PORT_SHARD3"

# q PORT DB SQL...: tuples only, unaligned, stop at the first error
q() {
	local port=$1 db=$2
	shift 2
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$port" -U postgres -d "$db" "$@" 2>&1
}

# calls of the aibiz functions named $2 (a regex) in database aibiz of port $1
calls() {
	q "$1" aibiz -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_user_functions
	                 WHERE schemaname = 'aibiz' AND funcname ~ '^($2)\$'"
}

# the sum of calls($2) over the shards
shard_calls() {
	local p s=0
	for p in $SHARDS; do
		s=$((s + $(calls "$p" "$1")))
	done
	echo "$s"
}

# reset the function statistics of every node
reset_stats() {
	local p
	for p in $PORT_COORD $SHARDS; do
		q "$p" aibiz -c "SELECT pg_stat_reset()" >/dev/null
	done
}

# wait until the shards report $2 calls of $1 (their sessions flush their
# statistics when they end, which is after the coordinator's session has
# ended and flushed its own); at most 15 s
wait_calls() {
	local i
	for i in $(seq 1 30); do
		[ "$(shard_calls "$1")" = "$2" ] && return 0
		sleep 0.5
	done
	return 1
}

M="aibiz.market(accounts, adoption, bass_p, bass_q, growth, market_id)"
P="aibiz.project(revenue, risk, plan, $M, 36)"

check "the shards hold the $N companies, every shard some" "$N 3" \
	"$(q "$PORT_COORD" aibiz -c "SELECT count(*) || ' ' || count(DISTINCT tableoid) FROM public.companies")"
check "the single node holds the same $N companies" "$N" \
	"$(q "$PORT_COORD" single -c "SELECT count(*) FROM public.companies")"

# query NAME FUNCTION SQL: the three checks (a), (b) and (c) of one query
query() {
	local name=$1 fn=$2 sql=$3 remote out single
	remote=$(q "$PORT_COORD" aibiz -c "EXPLAIN (VERBOSE, COSTS OFF) $sql" |
		grep -c "Remote SQL: SELECT .*aibiz\.$fn(.* GROUP BY ")
	check "$name: (a) every shard's Remote SQL holds aibiz.$fn and GROUP BY" "3" "$remote"
	reset_stats
	out=$(q "$PORT_COORD" aibiz -c "$sql")
	wait_calls "$fn" "$N"
	check "$name: (b) aibiz.$fn ran on the shards once per company" "$N" "$(shard_calls "$fn")"
	check "$name: (b) aibiz.market ran on the shards once per company" "$N" "$(shard_calls market)"
	check "$name: (b) no aibiz.project, simulate or market call on the coordinator" "0" \
		"$(calls "$PORT_COORD" 'project|simulate|market')"
	single=$(q "$PORT_COORD" single -c "$sql")
	if [ -n "$out" ] && [ "$(echo "$out" | md5sum)" = "$(echo "$single" | md5sum)" ]; then
		check "$name: (c) md5-identical to the single node ($(echo "$out" | wc -l) rows)" same same
	else
		check "$name: (c) md5-identical to the single node" "$(echo "$single" | head -c 200)" "$(echo "$out" | head -c 200)"
	fi
	LAST_OUT=$out
}

query "(i) projection roll-up per market" project \
	"SELECT market_id, aibiz.sum($P) AS total FROM public.companies GROUP BY market_id ORDER BY market_id"
query "(ii) portfolio of simulations per market" simulate \
	"SELECT market_id, aibiz.portfolio(aibiz.simulate(revenue, risk, plan, $M, 36, 200, id)) AS book
	 FROM public.companies GROUP BY market_id ORDER BY market_id"
query "(iii) global total, two-level" project \
	"SELECT aibiz.sum(total) FROM (SELECT market_id, aibiz.sum($P) AS total
	 FROM public.companies GROUP BY market_id) per_market"
two_level=$LAST_OUT
query "(iv) filter on an accessor" project \
	"SELECT market_id, count(*) FROM public.companies
	 WHERE aibiz.npv($P) > 0 GROUP BY market_id ORDER BY market_id"

# the two-level total equals the one-level total of the single node
check "(iii) the two-level total on the shards equals the one-level aibiz.sum on the single node" \
	"$(q "$PORT_COORD" single -c "SELECT aibiz.sum($P) FROM public.companies" | md5sum)" \
	"$(echo "$two_level" | md5sum)"
# while plain float8 sums of the same NPVs depend on the order of addition
f_two=$(q "$PORT_COORD" aibiz -c "SELECT sum(s) FROM (SELECT market_id, sum(aibiz.npv($P)) AS s
	FROM public.companies GROUP BY market_id) per_market")
f_one=$(q "$PORT_COORD" single -c "SELECT sum(aibiz.npv($P)) FROM public.companies")
if [ -n "$f_two" ] && [ -n "$f_one" ] && [ "$f_two" != "$f_one" ]; then
	check "a float8 sum of the same NPVs differs: two-level $f_two, one-level $f_one" differ differ
else
	check "a float8 sum of the same NPVs differs (else choose other data)" "differ" "$f_two = $f_one"
fi
check "the exact total's NPV is near the float8 sum (within 1e-6 relative)" "t" \
	"$(q "$PORT_COORD" single -c "SELECT abs(aibiz.npv(aibiz.sum($P)) - $f_one) <= 1e-6 * abs($f_one) FROM public.companies")"

# what is not sent: grouping by another column than the partition key, and a market given by name
check "grouping by sector (not the partition key) pulls rows: no aibiz call in the Remote SQL" "0" \
	"$(q "$PORT_COORD" aibiz -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT sector, aibiz.sum($P) FROM public.companies GROUP BY sector" |
		grep -c "Remote SQL: .*aibiz\.")"
# and the statistics see calls made on the coordinator: the sector query evaluates them there
reset_stats
q "$PORT_COORD" aibiz -c "SELECT sector, aibiz.sum($P) FROM public.companies GROUP BY sector" >/dev/null
for i in $(seq 1 30); do
	[ "$(calls "$PORT_COORD" project)" = "$N" ] && break
	sleep 0.5
done
check "grouping by sector runs aibiz.project on the coordinator, once per company" "$N" \
	"$(calls "$PORT_COORD" project)"
check "a market given by name (STABLE) is evaluated on the coordinator" "0" \
	"$(q "$PORT_COORD" aibiz -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT market_id, aibiz.sum(aibiz.project(revenue, risk, plan, 'logistics.routing', 36)) FROM public.companies GROUP BY market_id" |
		grep -c "Remote SQL: .*aibiz\.")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
