#!/bin/sh
# fuzz.sh — build build/fuzz-spec (libFuzzer + ASan + UBSan) and run it for
# $1 seconds (default 60) over a scratch copy of fuzz/corpus.  Prints the
# executions and the duration; exits non-zero on any crash or sanitizer report.
set -eu

secs="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
make -s build/fuzz-spec
work="$(mktemp -d /tmp/aibiz-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
cp fuzz/corpus/* "$work/corpus/"
start=$(date +%s)
status=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	./build/fuzz-spec -max_total_time="$secs" -max_len=4096 -timeout=10 -dict=fuzz/spec.dict \
	-artifact_prefix="$work/artifacts/" -print_final_stats=1 \
	"$work/corpus" >"$work/log" 2>&1 || status=$?
end=$(date +%s)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
echo "fuzz-spec: ${execs:-0} executions in $((end - start)) s (status $status)"
if [ "$status" -ne 0 ] || grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'deadly signal' "$work/log"; then
	grep -m 40 -e ERROR -e 'runtime error' -e SUMMARY -e '^#' "$work/log" | tail -40
	for f in "$work"/artifacts/*; do
		[ -e "$f" ] || continue
		mkdir -p build/fuzz-crashes
		cp "$f" build/fuzz-crashes/
		echo "crash input kept in build/fuzz-crashes/$(basename "$f")"
	done
	exit 1
fi
exit 0
