#!/bin/bash
# accessor.sh — the cost of one call of a question asked of a stored
# aibiz.simulation (60 months; 1,000 and 10,000 trials of the reference
# company of bench/simulate.sh), by format:
#   main v2  the extension at BASE (format version 2: every question
#            detoasts and reads the whole value) on the values it wrote;
#   new v2   this build on the same version 2 values (read whole, as before);
#   new v3   this build on the same simulations written as version 3 (the
#            scalar questions read a prefix of the value; see docs/types.md).
# Both builds are installed in turn into one throwaway cluster (pg_virtualenv,
# under /tmp/aibiz-pg.lock); each measurement is a fresh session, the builds
# interleaved round by round.  A measurement runs the query
#   SELECT sum(aibiz.<question>(s)) FROM <table>, generate_series(1, REPS)
# (every call fetches its value from the table's TOAST storage again) after a
# warm-up, 5 times, and keeps the median; the figure is the median over
# ROUNDS rounds, in microseconds per call (time / (rows x REPS)).
#
# Environment: BASE (main), ROUNDS (5), PERF (1: a perf profile of the
# version 3 calls of this build, when perf is present).  Leaves this build
# installed.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-main}
ROUNDS=${ROUNDS:-5}
PERF=${PERF:-1}
H=60
eval "$(sed -n '/^BENCH_REV=/p;/^BENCH_RISK=/p;/^BENCH_PLAN=/p;/^MARKET=/p' bench/simulate.sh)"
export BENCH_REV BENCH_RISK BENCH_PLAN

tmp=$(mktemp -d /tmp/aibiz-accessor.XXXXXX)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT

echo "machine: nproc=$(nproc), cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "main: $BASE ($(git log -1 --format='%h %s' "$BASE" | cut -c1-60)...); new: working tree"

mkdir -p "$tmp/old"
git archive "$BASE" | tar -x -C "$tmp/old"
(cd "$tmp/old" && make -s -j2 >/dev/null 2>&1)
make -s -j2 >/dev/null

# tables: t<version>_<trials>, 100 values of 1,000 trials and 20 of 10,000
tables_sql() {
	local v=$1
	cat <<SQL
\set ON_ERROR_STOP 1
\getenv rev BENCH_REV
\getenv risk BENCH_RISK
\getenv plan BENCH_PLAN
SET client_min_messages = warning;
CREATE TABLE t${v}_1k AS SELECT aibiz.simulate(:'rev', :'risk', :'plan', m, $H, 1000, g) AS s
	FROM aibiz.market($(echo "$MARKET" | tr ' ' ',')) m, generate_series(1, 100) g;
CREATE TABLE t${v}_10k AS SELECT aibiz.simulate(:'rev', :'risk', :'plan', m, $H, 10000, g) AS s
	FROM aibiz.market($(echo "$MARKET" | tr ' ' ',')) m, generate_series(1, 20) g;
VACUUM ANALYZE t${v}_1k;
VACUUM ANALYZE t${v}_10k;
SQL
}
cat > "$tmp/setup.sql" <<'SQL'
\set ON_ERROR_STOP 1
CREATE EXTENSION aibiz;
SQL
cat bench/us_per_call.sql >> "$tmp/setup.sql"
tables_sql 2 > "$tmp/tables2.sql"
tables_sql 3 > "$tmp/tables3.sql"
# the questions: name, call; REPS repeats each value (1,000 calls of 1k, 200 of 10k)
cat > "$tmp/questions" <<'EOF'
trials aibiz.trials(s)
npv_mean aibiz.npv_mean(s)
npv_stddev aibiz.npv_stddev(s)
survival aibiz.survival(s,60)
breakeven_probability aibiz.breakeven_probability(s)
npv_quantile aibiz.npv_quantile(s,0.5)
value_at_risk aibiz.value_at_risk(s,0.95)
summary length(aibiz.summary(s)::text)
EOF
measure_sql() {
	local v=$1 sep=
	echo '\set ON_ERROR_STOP 1'
	for size in 1k 10k; do
		local rows=100 reps=10
		[ "$size" = 10k ] && rows=20 && reps=10
		while read -r name call; do
			echo "${sep}SELECT '$size/$name', us_per_call('SELECT sum($call) FROM t${v}_$size, generate_series(1, $reps)', $((rows * reps)))"
			sep='UNION ALL '
		done < "$tmp/questions"
	done
	echo ';'
}
measure_sql 2 > "$tmp/measure2.sql"
measure_sql 3 > "$tmp/measure3.sql"
cat > "$tmp/sizes.sql" <<'SQL'
SELECT 'v' || v || '/' || size, avg(pg_column_size(s))::int, min(pg_column_compression(s)),
	min(length(s::text)) FROM (
	SELECT 2 v, '1k' size, s FROM t2_1k UNION ALL SELECT 2, '10k', s FROM t2_10k
	UNION ALL SELECT 3, '1k', s FROM t3_1k UNION ALL SELECT 3, '10k', s FROM t3_10k) x
GROUP BY 1 ORDER BY 1;
SQL

cat > "$tmp/run.sh" <<EOF
set -eo pipefail
make -s -C "$tmp/old" install >/dev/null
psql -X -q -f "$tmp/setup.sql" >/dev/null
psql -X -q -f "$tmp/tables2.sql" >/dev/null
make -s -C "$PWD" install >/dev/null
psql -X -q -f "$tmp/tables3.sql" >/dev/null
psql -X -At -F ' ' -f "$tmp/sizes.sql" | sed 's/^/sizes /' >&2
for r in \$(seq $ROUNDS); do
	make -s -C "$tmp/old" install >/dev/null
	psql -X -At -F ' ' -f "$tmp/measure2.sql" | sed 's/^/main-v2 /'
	make -s -C "$PWD" install >/dev/null
	psql -X -At -F ' ' -f "$tmp/measure2.sql" | sed 's/^/new-v2 /'
	psql -X -At -F ' ' -f "$tmp/measure3.sql" | sed 's/^/new-v3 /'
done
if [ "$PERF" = 1 ] && command -v perf >/dev/null; then
	# a profile of this build answering npv_mean, survival and npv_quantile on version 3 values
	PGAPPNAME=aibiz-perf psql -X -q -o /dev/null \
		-c "SELECT sum(aibiz.npv_mean(s) + aibiz.survival(s, 60)) FROM t3_10k, generate_series(1, 20000)" \
		-c "SELECT sum(aibiz.npv_quantile(s, 0.5)) FROM t3_10k, generate_series(1, 100)" &
	qpid=\$!
	sleep 0.5
	pid=\$(psql -X -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'aibiz-perf'")
	perf record -q -g -o "$tmp/perf.data" -p "\$pid" >/dev/null 2>&1 &
	perfpid=\$!
	wait \$qpid || true
	kill -INT \$perfpid 2>/dev/null || true
	wait \$perfpid 2>/dev/null || true
	perf report -i "$tmp/perf.data" --stdio --no-children --sort symbol 2>/dev/null |
		grep -E '^ +[0-9.]+%' | head -n 15 | sed 's/^/perf /' >&2 || true
fi
EOF
flock /tmp/aibiz-pg.lock pg_virtualenv -v 15 bash "$tmp/run.sh" > "$tmp/db" 2> "$tmp/db.err" ||
	{ cat "$tmp/db.err"; exit 1; }

echo "sizes (average stored bytes, compression, text bytes):"
grep '^sizes ' "$tmp/db.err" | sed 's/^sizes /  /'
echo "microseconds per call, median of $ROUNDS interleaved rounds (each the median of 5 runs):"
printf '  %-30s %10s %10s %10s %9s\n' "question" "main v2" "new v2" "new v3" "main/v3"
grep -E '^(main|new)-v[23] ' "$tmp/db" > "$tmp/runs"
awk '{ print $1 "|" $2, $3 }' "$tmp/runs" | sort -k1,1 -k2,2g | awk '
	{ if ($1 != k) { if (n) out(); k = $1; n = 0 } v[++n] = $2 }
	function out() { printf "%s %s\n", k, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) }
	END { if (n) out() }' > "$tmp/med"
for q in $(awk '{ print $2 }' "$tmp/runs" | awk '!seen[$0]++'); do
	awk -v q="$q" '
		{ split($1, a, "|"); if (a[2] == q) m[a[1]] = $2 }
		END { printf "  %-30s %10.1f %10.1f %10.2f %8.0fx\n", q, m["main-v2"], m["new-v2"], m["new-v3"],
			  m["main-v2"] / m["new-v3"] }' "$tmp/med"
done
if grep -q '^perf ' "$tmp/db.err"; then
	echo "perf profile of this build on version 3 values of 10,000 trials (self time by symbol):"
	grep '^perf ' "$tmp/db.err" | sed 's/^perf /  /'
fi
