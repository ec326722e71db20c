#!/bin/bash
# projection.sh — company-months per second of the expected path, three ways
# on the same inputs:
#   (a) in the database: aibiz.project() over a prepared table, serial plan,
#       the market stored as an aibiz.market column (and, for comparison,
#       a table with the market's five numbers as columns, the row itself
#       passed as the market record);
#   (b) in the standalone core: bench/projection_core.c, no server;
#   (c) the same model in PL/pgSQL (bench/projection_plpgsql.sql), on fewer
#       companies (a table of their own), rate scaled per company-month.
# ROUNDS rounds, each running (b), then (a), then (c) once; prints the
# median (and range) of each, the ratios of the medians, and checks that
# both table layouts give the same values.  Not a test.
#
# Environment: N companies (100000), NP companies for PL/pgSQL (1000),
# H months (60), ROUNDS (5; at least 5 for a median).  Installs the
# extension under /tmp/aibiz-pg.lock and runs the server part in a
# throwaway cluster (pg_virtualenv).
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-100000}
NP=${NP:-1000}
H=${H:-60}
ROUNDS=${ROUNDS:-5}
tmp=$(mktemp -d /tmp/aibiz-bench.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "inputs: $N companies x $H months (PL/pgSQL: $NP companies); $ROUNDS interleaved rounds, medians"

awk -v n="$N" -f bench/projection_inputs.awk > "$tmp/inputs.tsv"
chmod 644 "$tmp/inputs.tsv"

# (b) the core, without a server: run from inside the psql script below,
# between the database's queries
cc -std=gnu11 -O2 -Isrc/core -o "$tmp/projection_core" bench/projection_core.c \
	$(ls src/core/*.c) -lm
chmod 755 "$tmp/projection_core"

# one round: the core, each database query, PL/pgSQL, once each
round_sql() {
	cat <<EOF
\! $tmp/projection_core $tmp/inputs.tsv $H
SELECT 'db ' || bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, market, $H) AS p FROM t) s');
SELECT 'db_row ' || bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, r, $H) AS p FROM r) s');
SELECT 'db_npv ' || bench_seconds('SELECT sum(aibiz.npv(aibiz.project(revenue, risk, plan, market, $H))) FROM t');
SELECT 'plpgsql ' || bench_seconds('SELECT sum(bench_project_plpgsql($H, accounts, adoption, bass_p, bass_q, growth,
	sprice, seats, expansion, scost, sdecline, uprice, units, ugrowth, udecline, ucost, ucdecline,
	cash, headcount, tcost, tgrowth, launch, churn, budget, cac, mgrowth, organic, discount, multiple))
	FROM rawp');
EOF
}

# (a) and (c) in a throwaway cluster
cat > "$tmp/run.sql" <<EOF
\set ON_ERROR_STOP 1
\pset tuples_only on
\pset format unaligned
SET client_min_messages = warning;
CREATE EXTENSION aibiz;
CREATE TABLE raw (id int, revenue text, risk text, plan text,
	accounts float8, adoption float8, bass_p float8, bass_q float8, growth float8,
	sprice float8, seats float8, expansion float8, scost float8, sdecline float8,
	uprice float8, units float8, ugrowth float8, udecline float8, ucost float8, ucdecline float8,
	cash float8, headcount float8, tcost float8, tgrowth float8, launch int, churn float8,
	budget float8, cac float8, mgrowth float8, organic float8, discount float8, multiple float8);
\copy raw FROM '$tmp/inputs.tsv'
-- the three inputs and the market as one aibiz.market value: no record is
-- built from the table row per call
CREATE TABLE t AS SELECT id, revenue::aibiz.revenue_model AS revenue,
	risk::aibiz.risk_profile AS risk, plan::aibiz.plan AS plan,
	ROW(accounts, adoption, bass_p, bass_q, growth, NULL)::aibiz.market AS market FROM raw;
-- the market's five numbers as columns, the row passed as the market
CREATE TABLE r AS SELECT id, revenue::aibiz.revenue_model AS revenue,
	risk::aibiz.risk_profile AS risk, plan::aibiz.plan AS plan,
	accounts, adoption, bass_p, bass_q, growth FROM raw;
-- the PL/pgSQL model's companies, so that its query does not scan them all
CREATE TABLE rawp AS SELECT * FROM raw WHERE id <= $NP;
VACUUM ANALYZE t;
VACUUM ANALYZE r;
VACUUM ANALYZE rawp;
\i $tmp/projection_plpgsql.sql
-- seconds to run a query once: wall clock, then the backend's time on a
-- CPU (the first field of /proc/self/schedstat, in ns), which waiting for
-- a CPU on a busy machine does not inflate
CREATE FUNCTION bench_seconds(q text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; c0 bigint;
BEGIN
	c0 := split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint;
	t0 := clock_timestamp();
	EXECUTE q;
	RETURN extract(epoch FROM clock_timestamp() - t0) || ' ' ||
		(split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint - c0) / 1e9;
END \$\$;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
-- warm up; count(p) forces every projection to be computed
SELECT bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, market, $H) AS p FROM t WHERE id <= 1000) s');
SELECT bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, r, $H) AS p FROM r WHERE id <= 1000) s');
$(for _ in $(seq "$ROUNDS"); do round_sql; done)
-- the two layouts give the same values: the text of the first 2000
SELECT 'db_md5 ' || md5(string_agg(aibiz.project(revenue, risk, plan, market, $H)::text, ';' ORDER BY id))
FROM t WHERE id <= 2000;
SELECT 'db_row_md5 ' || md5(string_agg(aibiz.project(revenue, risk, plan, r, $H)::text, ';' ORDER BY id))
FROM r WHERE id <= 2000;
-- faithfulness: largest relative NPV difference between PL/pgSQL and the engine
SELECT 'plpgsql_maxrel ' || max(abs(b - a) / greatest(abs(a), 1))
FROM (SELECT aibiz.npv(aibiz.project(t.revenue, t.risk, t.plan, t.market, $H)) AS a,
	bench_project_plpgsql($H, r.accounts, r.adoption, r.bass_p, r.bass_q, r.growth,
	r.sprice, r.seats, r.expansion, r.scost, r.sdecline, r.uprice, r.units, r.ugrowth, r.udecline,
	r.ucost, r.ucdecline, r.cash, r.headcount, r.tcost, r.tgrowth, r.launch, r.churn, r.budget,
	r.cac, r.mgrowth, r.organic, r.discount, r.multiple) AS b
	FROM t JOIN rawp r USING (id)) s;
EOF
cp bench/projection_plpgsql.sql "$tmp/"
chmod 644 "$tmp"/*.sql
# as root, run the cluster as postgres so that pg_virtualenv keeps it in a private directory
as=""
[ "$(id -u)" = 0 ] && as="runuser -u postgres --"
(cd "$tmp" && flock /tmp/aibiz-pg.lock -c "make -s -C '$OLDPWD' install >/dev/null &&
	$as pg_virtualenv bash -c 'psql -X -q -f $tmp/run.sql'") > "$tmp/db.out"

md5a=$(awk '$1 == "db_md5" {print $2}' "$tmp/db.out")
md5b=$(awk '$1 == "db_row_md5" {print $2}' "$tmp/db.out")
if [ -z "$md5a" ] || [ "$md5a" != "$md5b" ]; then
	echo "the two table layouts give different projections" >&2
	exit 1
fi

awk -v n="$N" -v np="$NP" -v h="$H" -v md5="$md5a" "$(cat bench/stats.awk)"'
	$1 ~ /^core_(project|pack|fixed)$/ { val[$1, ++cnt[$1]] = $4; val["cpu_" $1, ++cnt["cpu_" $1]] = $6; next }
	$1 == "core_hash" { hash = $2; next }
	$1 ~ /^(db|db_row|db_npv|plpgsql)$/ { val[$1, ++cnt[$1]] = $2; val["cpu_" $1, ++cnt["cpu_" $1]] = $3; next }
	$1 == "plpgsql_maxrel" { rel = $2 }
	function report(p, what,    cm, cmp, core, pack, fixed, db, row, dbnpv, plp) {
		cm = n * h; cmp = np * h
		core = median(p "core_project"); pack = median(p "core_pack"); fixed = median(p "core_fixed")
		db = median(p "db"); row = median(p "db_row"); dbnpv = median(p "db_npv"); plp = median(p "plpgsql")
		printf "%s               median s  (range, %d runs)   company-months/s\n", what, cnt["db"]
		printf "(b) core, prepare+project:       %8.3f s (%s)  %12.0f\n", core, range(p "core_project", 3), cm / core
		printf "    core, + store as float8:     %8.3f s (%s)  %12.0f\n", pack, range(p "core_pack", 3), cm / pack
		printf "    core, + convert to Q95.32:   %8.3f s (%s)  %12.0f\n", fixed, range(p "core_fixed", 3), cm / fixed
		printf "(a) database, aibiz.project():   %8.3f s (%s)  %12.0f\n", db, range(p "db", 3), cm / db
		printf "    database, the row as market: %8.3f s (%s)  %12.0f\n", row, range(p "db_row", 3), cm / row
		printf "    database, sum(npv(project)): %8.3f s (%s)  %12.0f\n", dbnpv, range(p "db_npv", 3), cm / dbnpv
		printf "(c) PL/pgSQL (%d companies):   %8.3f s (%s)  %12.0f\n", np, plp, range(p "plpgsql", 3), cmp / plp
		printf "ratio db/core:      %.2f (db/(core + store) %.2f; row as market: %.2f)\n", db / core, db / pack, row / core
		printf "ratio db/plpgsql:   %.0f (row as market: %.0f)\n", (cm / db) / (cmp / plp), (cm / row) / (cmp / plp)
	}
	END {
		report("", "wall clock")
		report("cpu_", "CPU time  ")
		printf "PL/pgSQL vs engine: max relative NPV difference %s\n", rel
		printf "core: hash of every value %s; database: md5 of the first 2000 values %s (both layouts)\n", hash, md5
	}' "$tmp/db.out"
