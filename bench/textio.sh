#!/bin/bash
# textio.sh — text output and input of aibiz.projection (60 months, format 2
# as aibiz.project returns it, and format 1 as a sum), aibiz.simulation
# (10,000 trials) and aibiz.cashflows (60 dated flows and a rate), before and
# after, per value:
#   (a) the standalone core (bench/textio_core.c) built twice: from the
#       sources at BASE (git archive, the code before) and from the working
#       tree (with PostgreSQL's shortest float8 routine installed, as the
#       server does); runs interleaved, median of ROUNDS;
#   (b) the database: the extension of BASE and of the working tree
#       installed in turn into one throwaway cluster, each timed in a fresh
#       session, interleaved; median of ROUNDS of the median of 5 runs.
# Also prints the sizes of the simulation: in memory, binary, text.
#
# Environment: BASE (319a48c, the commit before the change), ROUNDS (5),
# CORE (1; 0 skips the core part), DB (1; 0 skips the database part).  The database part installs under
# /tmp/aibiz-pg.lock and leaves the working tree's build installed.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-319a48c}
ROUNDS=${ROUNDS:-5}
CORE=${CORE:-1}
DB=${DB:-1}
H=60
TRIALS=10000
# the reference company of bench/simulate.sh
eval "$(sed -n '/^BENCH_REV=/p;/^BENCH_RISK=/p;/^BENCH_PLAN=/p;/^MARKET=/p' bench/simulate.sh)"
export BENCH_REV BENCH_RISK BENCH_PLAN
PGLIB=$(pg_config --pkglibdir)
PGCOMMON="$PGLIB/libpgcommon.a $PGLIB/libpgport.a"

tmp=$(mktemp -d /tmp/aibiz-textio.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "before: $BASE ($(git log -1 --format=%s "$BASE" | cut -c1-60)...); after: working tree"

mkdir -p "$tmp/old"
git archive "$BASE" | tar -x -C "$tmp/old"

# median of the values per key; prints "key median"
median() {
	sort -k1,1 -k2,2g | awk '
		{ if ($1 != k) { if (n) out(); k = $1; n = 0 } v[++n] = $2 }
		function out() { printf "%s %s\n", k, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) }
		END { if (n) out() }'
}

# the before/after table of a file of "before|after op microseconds ..." lines
report() {
	local title=$1 file=$2
	echo "$title"
	printf '  %-22s %14s %14s %9s\n' "per value" "before (us)" "after (us)" "speed-up"
	awk '{ print $1 "/" $2, $3 }' "$file" | median > "$file.med"
	for op in $(awk '{ print $2 }' "$file" | grep -v sizes | awk '!seen[$0]++'); do
		b=$(awk -v k="before/$op" '$1 == k { print $2 }' "$file.med")
		a=$(awk -v k="after/$op" '$1 == k { print $2 }' "$file.med")
		if [ -n "$b" ] && [ -n "$a" ]; then
			awk -v op="$op" -v b="$b" -v a="$a" \
				'BEGIN { printf "  %-22s %14.1f %14.1f %8.1fx\n", op, b, a, b / a }'
		fi
	done
}

# (a) the core, before and after, same driver and flags
if [ "$CORE" = 1 ]; then
# shellcheck disable=SC2086
cc -std=gnu11 -O2 -I"$tmp/old/src/core" -Ibench -o "$tmp/core_before" bench/textio_core.c \
	"$tmp"/old/src/core/*.c $PGCOMMON -lm
# shellcheck disable=SC2086
cc -std=gnu11 -O2 -DTEXTIO_PG_SHORTEST -Isrc/core -Ibench -o "$tmp/core_after" bench/textio_core.c \
	src/core/*.c $PGCOMMON -lm
for _ in $(seq "$ROUNDS"); do
	# shellcheck disable=SC2086
	"$tmp/core_before" "$BENCH_REV" "$BENCH_RISK" "$BENCH_PLAN" $MARKET $H $TRIALS 5 | sed 's/^/before /' >> "$tmp/core"
	# shellcheck disable=SC2086
	"$tmp/core_after" "$BENCH_REV" "$BENCH_RISK" "$BENCH_PLAN" $MARKET $H $TRIALS 5 | sed 's/^/after /' >> "$tmp/core"
done
grep -m1 'after simulation_sizes' "$tmp/core" | awk '{
	split($3, m, "="); split($4, b, "="); split($5, t, "=");
	printf "simulation of %d trials x %d months: in memory %d B, binary %d B, text %d B (text/binary %.3f)\n",
		'"$TRIALS"', '"$H"', m[2], b[2], t[2], t[2] / b[2] }'

report "(a) core, median of $ROUNDS interleaved rounds:" "$tmp/core"
fi

[ "$DB" = 1 ] || exit 0

# (b) the database: both builds installed in turn into one cluster
(cd "$tmp/old" && make -s -j2 >/dev/null 2>&1)
make -s -j2 >/dev/null
cat > "$tmp/setup.sql" <<SQL
\set ON_ERROR_STOP 1
\getenv rev BENCH_REV
\getenv risk BENCH_RISK
\getenv plan BENCH_PLAN
SET client_min_messages = warning;
CREATE EXTENSION aibiz;
CREATE TABLE m AS SELECT * FROM aibiz.market($(echo "$MARKET" | tr ' ' ','));
CREATE TABLE pj AS SELECT aibiz.project(:'rev', :'risk', :'plan', m, $H) AS p FROM m, generate_series(1, 200);
CREATE TABLE px AS SELECT p OPERATOR(aibiz.+) p AS p FROM pj;
CREATE TABLE cf AS SELECT aibiz.cashflows(r.cash_flow + r.funding, DATE '2025-01-31' + (r.month - 1) * 30) AS c
	FROM (SELECT p FROM pj LIMIT 1) x, aibiz.rows(x.p) r;
INSERT INTO cf SELECT c FROM cf, generate_series(2, 500);
CREATE TABLE pjt AS SELECT p::text AS t FROM pj;
CREATE TABLE pxt AS SELECT p::text AS t FROM px;
CREATE TABLE cft AS SELECT c::text AS t FROM cf;
VACUUM ANALYZE;
SQL
cat bench/us_per_call.sql >> "$tmp/setup.sql"
# the simulations: this build writes format version 3, which the build
# before cannot read; it reads the same simulations in version 2, whose
# binary form differs only in the version byte (tables sm_<build>, smt_<build>)
cat > "$tmp/sims.sql" <<SQL
\\set ON_ERROR_STOP 1
\\getenv rev BENCH_REV
\\getenv risk BENCH_RISK
\\getenv plan BENCH_PLAN
CREATE TABLE sm_after AS SELECT aibiz.simulate(:'rev', :'risk', :'plan', m, $H, $TRIALS, g) AS s FROM m, generate_series(1, 10) g;
CREATE TABLE smt_after AS SELECT s::text AS t FROM sm_after;
CREATE TABLE smt_before AS
	SELECT replace(substring(t FROM '^(.*data=)'), 'simulation v3 ', 'simulation v2 ')
		|| replace(encode(set_byte(decode(substring(t FROM 'data=(.*)\$'), 'base64'), 0, 2), 'base64'), E'\\n', '') AS t
	FROM smt_after;
SQL
cat > "$tmp/sims_before.sql" <<'SQL'
\set ON_ERROR_STOP 1
CREATE TABLE sm_before AS SELECT t::aibiz.simulation AS s FROM smt_before;
VACUUM ANALYZE;
SQL
cat > "$tmp/measure.sql" <<'SQL'
\set ON_ERROR_STOP 1
SELECT 'projection_float_out', us_per_call('SELECT sum(length(p::text)) FROM pj', 200)
UNION ALL SELECT 'projection_float_in', us_per_call('SELECT count(t::aibiz.projection) FROM pjt', 200)
UNION ALL SELECT 'projection_float_send', us_per_call('SELECT sum(length(aibiz.projection_send(p))) FROM pj', 200)
UNION ALL SELECT 'projection_fixed_out', us_per_call('SELECT sum(length(p::text)) FROM px', 200)
UNION ALL SELECT 'projection_fixed_in', us_per_call('SELECT count(t::aibiz.projection) FROM pxt', 200)
UNION ALL SELECT 'cashflows_out', us_per_call('SELECT sum(length(c::text)) FROM cf', 500)
UNION ALL SELECT 'cashflows_in', us_per_call('SELECT count(t::aibiz.cashflows) FROM cft', 500)
UNION ALL SELECT 'simulation_out', us_per_call('SELECT sum(length(s::text)) FROM sm_' || :'build', 10)
UNION ALL SELECT 'simulation_in', us_per_call('SELECT count(t::aibiz.simulation) FROM smt_' || :'build', 10)
UNION ALL SELECT 'simulation_send', us_per_call('SELECT sum(length(aibiz.simulation_send(s))) FROM sm_' || :'build', 10);
SQL
cat > "$tmp/run.sh" <<EOF
set -eo pipefail
make -s -C "$PWD" install >/dev/null
psql -X -q -f "$tmp/setup.sql" >/dev/null
psql -X -q -f "$tmp/sims.sql" >/dev/null
make -s -C "$tmp/old" install >/dev/null
psql -X -q -f "$tmp/sims_before.sql" >/dev/null
for r in \$(seq $ROUNDS); do
	make -s -C "$tmp/old" install >/dev/null
	psql -X -At -F ' ' -v build=before -f "$tmp/measure.sql" | sed 's/^/before /'
	make -s -C "$PWD" install >/dev/null
	psql -X -At -F ' ' -v build=after -f "$tmp/measure.sql" | sed 's/^/after /'
done
EOF
flock /tmp/aibiz-pg.lock pg_virtualenv -v 15 bash "$tmp/run.sh" > "$tmp/db" 2> "$tmp/db.err" ||
	{ cat "$tmp/db.err"; exit 1; }
report "(b) database (one value per row; send is the binary output, for reference):" "$tmp/db"
