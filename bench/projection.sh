#!/bin/bash
# projection.sh — company-months per second of the expected path, three ways
# on the same inputs:
#   (a) in the database: aibiz.project() over a prepared table, serial plan;
#   (b) in the standalone core: bench/projection_core.c, no server;
#   (c) the same model in PL/pgSQL (bench/projection_plpgsql.sql), on fewer
#       companies, rate scaled per company-month.
# Prints the figures and the ratios core/db and db/plpgsql.  Not a test.
#
# Environment: N companies (100000), NP companies for PL/pgSQL (1000),
# H months (60).  Installs the extension under /tmp/aibiz-pg.lock and runs
# the server part in a throwaway cluster (pg_virtualenv).
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-100000}
NP=${NP:-1000}
H=${H:-60}
tmp=$(mktemp -d /tmp/aibiz-bench.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "inputs: $N companies x $H months (PL/pgSQL: $NP companies)"

awk -v n="$N" -f bench/projection_inputs.awk > "$tmp/inputs.tsv"
chmod 644 "$tmp/inputs.tsv"

# (b) the core, without a server
cc -std=gnu11 -O2 -Isrc/core -o "$tmp/projection_core" bench/projection_core.c \
	$(ls src/core/*.c) -lm
"$tmp/projection_core" "$tmp/inputs.tsv" "$H" > "$tmp/core.out"

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
CREATE TABLE t AS SELECT id, revenue::aibiz.revenue_model AS revenue,
	risk::aibiz.risk_profile AS risk, plan::aibiz.plan AS plan,
	accounts, adoption, bass_p, bass_q, growth FROM raw;
VACUUM ANALYZE t;
VACUUM ANALYZE raw;
\i $tmp/projection_plpgsql.sql
-- seconds to run a query, best of three (the machine may be shared)
CREATE FUNCTION bench_seconds(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; best float8 := 'Infinity';
BEGIN
	FOR i IN 1 .. 3 LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		best := least(best, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	RETURN best;
END \$\$;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
-- warm up, then time: count(p) forces every projection to be computed
SELECT bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, t, $H) AS p FROM t WHERE id <= 1000) s');
SELECT 'db ' || bench_seconds('SELECT count(p) FROM (SELECT aibiz.project(revenue, risk, plan, t, $H) AS p FROM t) s');
SELECT 'db_npv ' || bench_seconds('SELECT sum(aibiz.npv(aibiz.project(revenue, risk, plan, t, $H))) FROM t');
SELECT 'plpgsql ' || bench_seconds('SELECT sum(bench_project_plpgsql($H, accounts, adoption, bass_p, bass_q, growth,
	sprice, seats, expansion, scost, sdecline, uprice, units, ugrowth, udecline, ucost, ucdecline,
	cash, headcount, tcost, tgrowth, launch, churn, budget, cac, mgrowth, organic, discount, multiple))
	FROM raw WHERE id <= $NP');
-- faithfulness: largest relative NPV difference between PL/pgSQL and the engine
SELECT 'plpgsql_maxrel ' || max(abs(b - a) / greatest(abs(a), 1))
FROM (SELECT aibiz.npv(aibiz.project(t.revenue, t.risk, t.plan, t, $H)) AS a,
	bench_project_plpgsql($H, r.accounts, r.adoption, r.bass_p, r.bass_q, r.growth,
	r.sprice, r.seats, r.expansion, r.scost, r.sdecline, r.uprice, r.units, r.ugrowth, r.udecline,
	r.ucost, r.ucdecline, r.cash, r.headcount, r.tcost, r.tgrowth, r.launch, r.churn, r.budget,
	r.cac, r.mgrowth, r.organic, r.discount, r.multiple) AS b
	FROM t JOIN raw r USING (id) WHERE id <= $NP) s;
EOF
cp bench/projection_plpgsql.sql "$tmp/"
chmod 644 "$tmp"/*.sql
# as root, run the cluster as postgres so that pg_virtualenv keeps it in a private directory
as=""
[ "$(id -u)" = 0 ] && as="runuser -u postgres --"
(cd "$tmp" && flock /tmp/aibiz-pg.lock -c "make -s -C '$OLDPWD' install >/dev/null &&
	$as pg_virtualenv bash -c 'psql -X -q -f $tmp/run.sql'") > "$tmp/db.out"

core=$(awk '$1 == "core_project" {print $4}' "$tmp/core.out")
pack=$(awk '$1 == "core_pack" {print $4}' "$tmp/core.out")
fixed=$(awk '$1 == "core_fixed" {print $4}' "$tmp/core.out")
db=$(awk '$1 == "db" {print $2}' "$tmp/db.out")
dbnpv=$(awk '$1 == "db_npv" {print $2}' "$tmp/db.out")
plp=$(awk '$1 == "plpgsql" {print $2}' "$tmp/db.out")
rel=$(awk '$1 == "plpgsql_maxrel" {print $2}' "$tmp/db.out")

awk -v n="$N" -v np="$NP" -v h="$H" -v core="$core" -v pack="$pack" -v fixed="$fixed" -v db="$db" \
	-v dbnpv="$dbnpv" -v plp="$plp" -v rel="$rel" 'BEGIN {
	cm = n * h; cmp = np * h
	printf "(b) core, prepare+project:       %8.3f s  %12.0f company-months/s\n", core, cm / core
	printf "    core, + store as float8:     %8.3f s  %12.0f company-months/s\n", pack, cm / pack
	printf "    core, + convert to Q95.32:   %8.3f s  %12.0f company-months/s\n", fixed, cm / fixed
	printf "(a) database, aibiz.project():   %8.3f s  %12.0f company-months/s\n", db, cm / db
	printf "    database, sum(npv(project)): %8.3f s  %12.0f company-months/s\n", dbnpv, cm / dbnpv
	printf "(c) PL/pgSQL (%d companies):   %8.3f s  %12.0f company-months/s\n", np, plp, cmp / plp
	printf "ratio core/db:      %.2f (db takes %.2fx the core time)\n", (cm / core) / (cm / db), db / core
	printf "ratio db/plpgsql:   %.0f\n", (cm / db) / (cmp / plp)
	printf "PL/pgSQL vs engine: max relative NPV difference %s\n", rel
}'
