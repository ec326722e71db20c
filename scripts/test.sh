#!/usr/bin/env bash
# test.sh — the whole test suite (what CI runs).
#
# Stages: deps, build, install, core unit tests, the same under ASan+UBSan,
# pg_regress regression tests, pgTAP tests (when test/pgtap/*.sql exist),
# a BI client over psycopg2, the dump/restore matrix, the regression suite
# under valgrind memcheck, the chart screenshots (when /usr/bin/chromium
# exists), the 0.1.0, 0.2.0 and 0.3.0 -> current upgrade test, the scale-out test on a
# coordinator and three shards, and a time-boxed run of every fuzz harness.
# Every stage runs even after an earlier one failed; the last line is "N passed, N failed"
# summed over all stages (docs/testing.md says what each stage counts).
# Exit status is non-zero if any stage failed.
#
# Usage: scripts/test.sh [STAGE ...]   (no stage: all of them; -h: this help)
# Named stages run alone, in the order above; name the ones they need too,
# e.g. `scripts/test.sh build install regression pgtap`.
#
# Environment: FUZZ_SECONDS (default 240, shared by the harnesses), PG_CONFIG (default PostgreSQL 15).
set -uo pipefail

STAGES="deps build unit unit-asan install regression pgtap bi-client restore memcheck charts upgrade cluster fuzz"
case "${1:-}" in
-h | --help)
	sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
	echo "stages: $STAGES"
	exit 0
	;;
esac
for s in "$@"; do
	case " $STAGES " in
	*" $s "*) ;;
	*)
		echo "test.sh: unknown stage \"$s\"; stages: $STAGES" >&2
		exit 2
		;;
	esac
done
WANT=" $* "

# true when stage $1 is to run (every stage when none was named)
want() {
	[ "$WANT" = "  " ] || [[ "$WANT" == *" $1 "* ]]
}

cd "$(dirname "$0")/.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
FUZZ_SECONDS=${FUZZ_SECONDS:-240}
LOCK=/tmp/aibiz-pg.lock
LOGDIR=build/test-logs
mkdir -p "$LOGDIR"

total_pass=0
total_fail=0
summary=()

# record a stage result: name exit-status passed failed
record() {
	local verdict=ok
	[ "$2" -eq 0 ] || verdict=FAILED
	summary+=("$(printf '%-12s %-6s %6d passed %4d failed' "$1" "$verdict" "$3" "$4")")
	total_pass=$((total_pass + $3))
	total_fail=$((total_fail + $4))
	echo "--- $1: $verdict ($3 passed, $4 failed)"
}

# print a stage banner
banner() {
	echo
	echo "=== $1"
}

# run a command, teeing its output to build/test-logs/NAME.log; returns its status
run_logged() {
	local name=$1
	shift
	# fd 9 holds the install lock: a server started below must not inherit it
	"$@" 2>&1 9>&- | tee "$LOGDIR/$name.log"
	return "${PIPESTATUS[0]}"
}

# stage with no test count of its own: one failure if the command fails
simple_stage() {
	local name=$1
	shift
	banner "$name"
	if run_logged "$name" "$@"; then
		record "$name" 0 0 0
	else
		record "$name" 1 0 1
	fi
}

# stage whose output ends with "N passed, N failed" (core unit runner, fuzz)
counted_stage() {
	local name=$1 rc p f line
	shift
	banner "$name"
	run_logged "$name" "$@"
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGDIR/$name.log" | tail -n 1)
	if [ -n "$line" ]; then
		p=${line%% passed*}
		f=${line#*, }
		f=${f%% failed}
	else
		p=$((rc == 0 ? 1 : 0))
		f=0
	fi
	# a crash or build error after (or instead of) the summary still counts
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	record "$name" "$rc" "$p" "$f"
}

# pg_regress: one count per test file
regress_stage() {
	local rc p f
	banner regression
	rm -f test/regression.diffs test/regression.out
	run_logged regression pg_virtualenv -t -v 15 make -s installcheck
	rc=$?
	p=$(grep -cE '\.\.\. ok( |$)' "$LOGDIR/regression.log")
	f=$(grep -cE '\.\.\. (FAILED|failed)' "$LOGDIR/regression.log")
	if [ "$rc" -ne 0 ]; then
		[ -f test/regression.diffs ] && cat test/regression.diffs
		[ "$f" -eq 0 ] && f=1
	fi
	record regression "$rc" "$p" "$f"
}

# pgTAP through pg_prove: one count per TAP assertion
pgtap_stage() {
	local rc p f t
	banner pgtap
	run_logged pgtap pg_virtualenv -t -v 15 bash -c '
		set -e
		psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION aibiz"
		pg_prove --failures test/pgtap/*.sql'
	rc=$?
	t=$(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$LOGDIR/pgtap.log" | tail -n 1)
	f=$(sed -n 's/.*Tests: [0-9]* Failed: \([0-9]*\)).*/\1/p' "$LOGDIR/pgtap.log" |
		awk '{ s += $1 } END { print s + 0 }')
	t=${t:-0}
	p=$((t - f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	record pgtap "$rc" "$p" "$f"
}

want deps && simple_stage deps bash scripts/deps.sh
want build && simple_stage build make -s -j2
want unit && counted_stage unit make -s unit
want unit-asan && counted_stage unit-asan make -s unit-asan

# the installed extension is shared by everyone on this machine
exec 9>"$LOCK"
banner "waiting for $LOCK"
flock 9
want install && simple_stage install make -s install
want regression && regress_stage
if want pgtap && compgen -G 'test/pgtap/*.sql' >/dev/null; then
	pgtap_stage
fi
want bi-client && counted_stage bi-client pg_virtualenv -t -v 15 /usr/bin/python3 test/client/bi_client.py
want restore && counted_stage restore bash test/restore/restore.sh
want memcheck && counted_stage memcheck bash scripts/memcheck.sh
# charts drawn by SQL, screenshotted by headless Chromium (skipped without it)
want charts && counted_stage charts bash test/charts/render.sh
want upgrade && counted_stage upgrade bash test/upgrade/upgrade.sh
# a coordinator and three shards over postgres_fdw (docs/scale-out.md)
want cluster && counted_stage cluster bash test/cluster/cluster.sh
flock -u 9
exec 9>&-

if want fuzz && [ -f scripts/fuzz.sh ]; then
	counted_stage fuzz bash scripts/fuzz.sh "$FUZZ_SECONDS"
fi

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
