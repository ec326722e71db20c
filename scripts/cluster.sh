#!/usr/bin/env bash
# cluster.sh — a coordinator and three shards of aibiz on this machine,
# wired with postgres_fdw (docs/scale-out.md).
#
#   scripts/cluster.sh start [DIR]   build and start the four servers; prints DIR
#   scripts/cluster.sh stop DIR      stop them and remove DIR
#
# start makes four clusters (initdb) under DIR (a new temporary directory
# when none is given): coord, shard1, shard2, shard3, each listening on
# 127.0.0.1 and a socket in DIR, on four free ports from
# AIBIZ_CLUSTER_PORT (default 54340) up; the servers run as user postgres when
# this script runs as root.  Every server gets database aibiz with the
# extension and track_functions = all.  DIR/env holds the shell variables
# PGHOST, PORT_COORD, PORT_SHARD1..3 for the callers.
#
# Companies: each shard generates aibiz.sample_companies(N, SEED) (N =
# AIBIZ_CLUSTER_COMPANIES, default 600; SEED = AIBIZ_CLUSTER_SEED, default 7)
# and keeps the companies of its markets: the partition key is market_id,
# listed as shard1 = 1, 4, 7, 10; shard2 = 2, 5, 8, 11; shard3 = 3, 6, 9, 12.
# The table public.companies on a shard holds each company with its market's
# five numbers, so that aibiz.market(accounts, adoption, bass_p, bass_q,
# growth, market_id) can be written over its own columns.
#
# The coordinator's database aibiz has public.companies partitioned by list
# (market_id) into three foreign tables, one per shard server, whose options
# are extensions 'aibiz', async_capable 'true', fetch_size '1000' and
# fdw_tuple_cost '0.5' (a company row is over 1 kB; at the default 0.01 the
# planner prices pulling it as nearly free, finds the pushed and the local
# aggregate equally dear since the function runs either way, and keeps the
# local one for its sorted output), and enable_partitionwise_aggregate = on.  Its database single holds the same
# N companies in one local table, for comparison.
#
# The extension must be installed (make install) and the caller should hold
# the install lock: flock /tmp/aibiz-pg.lock scripts/cluster.sh start.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
N=${AIBIZ_CLUSTER_COMPANIES:-600}
SEED=${AIBIZ_CLUSTER_SEED:-7}
NODES="coord shard1 shard2 shard3"

# run a server command as the postgres user (as ourselves when not root)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# psql on node port $1, database $2, stopping at the first error
q() {
	local port=$1 db=$2
	shift 2
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$DIR" -p "$port" -U postgres -d "$db" "$@"
}

# true if nothing accepts connections on 127.0.0.1 port $1
port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# the first base port from $1 up (steps of 4) with four free ports
pick_ports() {
	local base=$1 i ok
	while [ "$base" -lt 65000 ]; do
		ok=1
		for i in 0 1 2 3; do
			port_free $((base + i)) || ok=0
		done
		[ "$ok" -eq 1 ] && { echo "$base"; return 0; }
		base=$((base + 4))
	done
	return 1
}

# initdb and start node $1 on port $2
start_node() {
	local node=$1 port=$2
	as_pg "$PG_BIN/initdb" -D "$DIR/$node" -U postgres -A trust -E UTF8 \
		--locale=C.UTF-8 >"$DIR/$node.initdb.log" 2>&1 ||
		{ cat "$DIR/$node.initdb.log" >&2; return 1; }
	as_pg "$PG_BIN/pg_ctl" -D "$DIR/$node" -l "$DIR/$node.log" -w \
		-o "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c track_functions=all -c max_connections=40 -c shared_buffers=64MB" \
		start >/dev/null 9>&- ||
		{ tail -n 20 "$DIR/$node.log" >&2; return 1; }
	q "$port" postgres -c "CREATE DATABASE aibiz"
	q "$port" aibiz -c "CREATE EXTENSION aibiz"
}

# the companies table of a shard or of the single node, with the market's numbers
COMPANIES_DDL="
CREATE TABLE public.companies (
	id bigint PRIMARY KEY,
	name text NOT NULL,
	market_id integer NOT NULL,
	sector text NOT NULL,
	revenue aibiz.revenue_model NOT NULL,
	risk aibiz.risk_profile NOT NULL,
	plan aibiz.plan NOT NULL,
	accounts float8 NOT NULL,
	adoption float8 NOT NULL,
	bass_p float8 NOT NULL,
	bass_q float8 NOT NULL,
	growth float8 NOT NULL)"

# fill public.companies of node port $1, db $2 with the sample companies whose market_id is listed in $3
load_companies() {
	q "$1" "$2" -c "$COMPANIES_DDL" -c "
INSERT INTO public.companies
SELECT s.id, s.name, s.market_id, m.sector, s.revenue, s.risk, s.plan,
       m.accounts, m.adoption, m.bass_p, m.bass_q, m.growth
FROM aibiz.sample_companies($N, $SEED) s JOIN aibiz.markets m ON m.id = s.market_id
WHERE s.market_id = ANY ('{$3}'::int[])
ORDER BY s.id" -c "ANALYZE public.companies"
}

# the coordinator: foreign servers, user mappings, the partitioned table
wire_coordinator() {
	local k lists=("" "1,4,7,10" "2,5,8,11" "3,6,9,12") ports=("" "$PORT_SHARD1" "$PORT_SHARD2" "$PORT_SHARD3")
	q "$PORT_COORD" aibiz -c "CREATE EXTENSION postgres_fdw" \
		-c "${COMPANIES_DDL/PRIMARY KEY/NOT NULL} PARTITION BY LIST (market_id)" \
		-c "ALTER DATABASE aibiz SET enable_partitionwise_aggregate = on"
	for k in 1 2 3; do
		q "$PORT_COORD" aibiz -c "
CREATE SERVER shard$k FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port '${ports[$k]}', dbname 'aibiz',
	         extensions 'aibiz', async_capable 'true', fetch_size '1000',
	         fdw_tuple_cost '0.5')" \
			-c "CREATE USER MAPPING FOR postgres SERVER shard$k OPTIONS (user 'postgres')" \
			-c "CREATE FOREIGN TABLE public.companies_shard$k PARTITION OF public.companies
	FOR VALUES IN (${lists[$k]}) SERVER shard$k
	OPTIONS (schema_name 'public', table_name 'companies')"
	done
	q "$PORT_COORD" aibiz -c "ANALYZE public.companies"
}

# stop every node of $DIR that runs, then remove DIR
stop_all() {
	local node
	for node in $NODES; do
		if [ -f "$DIR/$node/postmaster.pid" ]; then
			as_pg "$PG_BIN/pg_ctl" -D "$DIR/$node" -m fast -w stop >/dev/null 2>&1 || true
		fi
	done
	rm -rf "$DIR"
}

case "${1:-}" in
start)
	DIR=${2:-$(mktemp -d /tmp/aibiz-cluster.XXXXXX)}
	mkdir -p "$DIR"
	chmod 755 "$DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
	base=$(pick_ports "${AIBIZ_CLUSTER_PORT:-54340}") ||
		{ echo "cluster: no four free ports" >&2; exit 1; }
	PORT_COORD=$base PORT_SHARD1=$((base + 1)) PORT_SHARD2=$((base + 2)) PORT_SHARD3=$((base + 3))
	trap 'rc=$?; [ $rc -ne 0 ] && stop_all; exit $rc' EXIT
	start_node coord "$PORT_COORD"
	start_node shard1 "$PORT_SHARD1"
	start_node shard2 "$PORT_SHARD2"
	start_node shard3 "$PORT_SHARD3"
	load_companies "$PORT_SHARD1" aibiz "1,4,7,10" &
	p1=$!
	load_companies "$PORT_SHARD2" aibiz "2,5,8,11" &
	p2=$!
	load_companies "$PORT_SHARD3" aibiz "3,6,9,12" &
	p3=$!
	wait "$p1" && wait "$p2" && wait "$p3"
	q "$PORT_COORD" postgres -c "CREATE DATABASE single"
	q "$PORT_COORD" single -c "CREATE EXTENSION aibiz"
	load_companies "$PORT_COORD" single "1,2,3,4,5,6,7,8,9,10,11,12"
	wire_coordinator
	cat >"$DIR/env" <<EOF
PGHOST=$DIR
PORT_COORD=$PORT_COORD
PORT_SHARD1=$PORT_SHARD1
PORT_SHARD2=$PORT_SHARD2
PORT_SHARD3=$PORT_SHARD3
EOF
	trap - EXIT
	echo "$DIR"
	;;
stop)
	DIR=${2:?usage: cluster.sh stop DIR}
	[ -f "$DIR/env" ] || [ -d "$DIR/coord" ] || { echo "cluster: $DIR is not a cluster directory" >&2; exit 1; }
	stop_all
	;;
*)
	echo "usage: scripts/cluster.sh start [DIR] | stop DIR" >&2
	exit 2
	;;
esac
