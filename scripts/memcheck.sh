#!/usr/bin/env bash
# memcheck.sh — the pg_regress suite with the server under valgrind memcheck.
#
# Starts a private cluster whose postmaster runs under valgrind
# (--trace-children=yes; every backend it forks stays under valgrind), runs
# every test/sql/*.sql through pg_regress against the installed extension,
# then test/memcheck/hostile.sql (malformed values, output not compared),
# and stops the server.  Each process logs its errors to its own file;
# test/memcheck/postgres.supp suppresses known PostgreSQL-core noise.
#
# Passes when no error has a frame in aibiz code (a source file under
# src/core or src/pg, or aibiz.so); prints every error either way.
# Regression diffs are printed but judged by the regression stage, not here.
# The last line is "N passed, N failed": 1 passed for a clean run,
# otherwise one failure per error attributed to aibiz.
#
# It installs this checkout's build first (make -s install), so run it under
# the install lock:
#   flock /tmp/aibiz-pg.lock bash scripts/memcheck.sh
#
# Environment: MEMCHECK_TESTS (default: every test/sql file) names the
# pg_regress tests to run, e.g. MEMCHECK_TESTS="00_init 50_simulation";
# MEMCHECK_VALGRIND_OPTS adds valgrind options, e.g. --gen-suppressions=all
# to print a suppression for each report.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
PGBIN=$("$PG_CONFIG" --bindir)
PKGLIB=$("$PG_CONFIG" --pkglibdir)
SUPP=$PWD/test/memcheck/postgres.supp
WORK=$(mktemp -d /tmp/aibiz-memcheck.XXXXXX)
PORT=5432						# the socket lives in $WORK: no clash with other servers
server_pid=

# run a command as the cluster's owner (postgres when run as root)
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# stop the server if it still runs, remove the cluster
cleanup() {
	if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
		as_owner "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 ||
			kill -KILL "$server_pid"
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

# a private cluster with the postmaster under valgrind; JIT off (valgrind
# does not follow LLVM's generated code well, and it is not aibiz's)
start_server() {
	chmod 755 "$WORK"
	mkdir -m 777 "$WORK/vg"
	[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
	as_owner "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres >"$WORK/initdb.log" 2>&1 ||
		{ cat "$WORK/initdb.log"; return 1; }
	# shellcheck disable=SC2086  # MEMCHECK_VALGRIND_OPTS is a list of options
	as_owner valgrind --quiet --tool=memcheck --trace-children=yes --leak-check=no \
		--error-limit=no --num-callers=30 --fullpath-after= ${MEMCHECK_VALGRIND_OPTS:-} \
		--suppressions="$SUPP" --log-file="$WORK/vg/pid.%p" \
		"$PGBIN/postgres" -D "$WORK/data" -c listen_addresses= -c unix_socket_directories="$WORK" \
		-p "$PORT" -c jit=off -c max_connections=20 -c max_parallel_workers_per_gather=2 \
		>"$WORK/server.log" 2>&1 &
	server_pid=$!
	sleep 1
	kill -0 "$server_pid" 2>/dev/null && wait_ready && return 0
	cat "$WORK/server.log"
	return 1
}

# wait until the server accepts connections (again, after a crash)
wait_ready() {
	for _ in $(seq 1 240); do
		"$PGBIN/pg_isready" -q -h "$WORK" -p "$PORT" && return 0
		sleep 0.5
	done
	return 1
}

# test/memcheck/hostile.sql: the setup, then each case in its own connection
run_hostile() {
	local line n=0 rejected=0
	sed -n '1,/^-- cases$/p' test/memcheck/hostile.sql |
		"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$PORT" -U postgres \
			-d contrib_regression -f - || { echo "hostile.sql: setup failed"; return 0; }
	echo "hostile.sql (every case should be rejected with an error):"
	while IFS= read -r line; do
		n=$((n + 1))
		wait_ready || { echo "  server did not come back"; return 0; }
		if "$PGBIN/psql" -X -q -h "$WORK" -p "$PORT" -U postgres -d contrib_regression \
			-c "$line" >"$WORK/case.out" 2>&1; then
			echo "  case $n: accepted"
		elif grep -q '^ERROR' "$WORK/case.out"; then
			rejected=$((rejected + 1))
			echo "  case $n: $(head -n 1 "$WORK/case.out")"
		else
			echo "  case $n: $(head -n 1 "$WORK/case.out")"
		fi
	done < <(sed -n '/^-- cases$/,$p' test/memcheck/hostile.sql | grep -v '^--')
	echo "hostile.sql: $rejected of $n cases rejected with an error"
}

# pg_regress over the suite, then the malformed inputs
run_suite() {
	local tests
	tests=${MEMCHECK_TESTS:-$(for f in test/sql/*.sql; do basename "$f" .sql; done)}
	# shellcheck disable=SC2086
	"$PKGLIB/pgxs/src/test/regress/pg_regress" --inputdir=test --outputdir="$WORK/out" \
		--bindir="$PGBIN" --host="$WORK" --port="$PORT" --user=postgres \
		--dbname=contrib_regression $tests
	[ -f "$WORK/out/regression.diffs" ] && head -n 100 "$WORK/out/regression.diffs"
	run_hostile
	return 0
}

# print every valgrind error; count those with a frame in aibiz code
judge() {
	local f n_aibiz=0 n_other=0 a o
	for f in "$WORK"/vg/pid.*; do
		[ -s "$f" ] || continue
		# errors are blocks of "==pid== " lines separated by an empty one
		a=$(awk '/^==[0-9]+== [A-Z]/ && !inblk { inblk = 1; hit = 0 }
			inblk && /(src\/(core|pg)\/[A-Za-z0-9_]+\.[ch]:[0-9]+|aibiz\.so)/ { hit = 1 }
			/^==[0-9]+== $/ && inblk { inblk = 0; n += hit }
			END { n += (inblk && hit); print n + 0 }' "$f")
		o=$(grep -cE '^==[0-9]+== [A-Z]' "$f")
		n_aibiz=$((n_aibiz + a))
		n_other=$((n_other + o - a))
		echo "--- $(basename "$f"): $a error(s) in aibiz code, $((o - a)) outside it"
		cat "$f"
	done
	grep -E 'terminated by signal|server process .* was terminated' "$WORK/server.log" || true
	echo "valgrind errors: $n_aibiz in aibiz code, $n_other outside it (not counted)"
	if [ "$n_aibiz" -eq 0 ]; then
		echo "1 passed, 0 failed"
		return 0
	fi
	echo "0 passed, $n_aibiz failed"
	return 1
}

start=$(date +%s)
make -s install >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
start_server || { echo "0 passed, 1 failed"; exit 1; }
run_suite
as_owner "$PGBIN/pg_ctl" -D "$WORK/data" -m fast -w -t 300 stop >/dev/null
wait "$server_pid" 2>/dev/null
echo "memcheck took $(($(date +%s) - start)) s"
judge
