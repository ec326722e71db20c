#!/bin/sh
# fuzz.sh SECONDS [harness...] — build each libFuzzer harness (ASan + UBSan)
# and run it single-process for SECONDS (default 60) over a scratch copy of
# its seed corpus.  A harness is named by its file, fuzz/fuzz_<name>.c; its
# corpus is fuzz/corpus/<name>/ and its dictionary fuzz/<name>.dict when
# present.  Without names every harness runs.  Prints executions per harness
# and ends with "N passed, N failed"; exits non-zero on any crash or
# sanitizer report (the input is kept in build/fuzz-crashes/).
set -eu

secs="${1:-60}"
[ $# -gt 0 ] && shift
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ $# -eq 0 ]; then
	set -- $(ls fuzz/fuzz_*.c | sed 's|^fuzz/fuzz_||; s|\.c$||')
fi
work="$(mktemp -d /tmp/aibiz-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for name in "$@"; do
	if ! make -s "build/fuzz-$name"; then
		echo "fuzz-$name: build failed"
		failed=$((failed + 1))
		continue
	fi
	mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
	if [ -d "fuzz/corpus/$name" ]; then
		cp "fuzz/corpus/$name"/* "$work/$name/corpus/" 2>/dev/null || true
	fi
	dict=""
	[ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
	start=$(date +%s)
	status=0
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"./build/fuzz-$name" -max_total_time="$secs" -max_len=4096 -timeout=10 $dict \
		-artifact_prefix="$work/$name/artifacts/" -print_final_stats=1 \
		"$work/$name/corpus" >"$work/$name/log" 2>&1 || status=$?
	end=$(date +%s)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name/log" | tail -1)
	echo "fuzz-$name: ${execs:-0} executions in $((end - start)) s (status $status)"
	if [ "$status" -ne 0 ] || grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'deadly signal' "$work/$name/log"; then
		grep -m 40 -e ERROR -e 'runtime error' -e SUMMARY -e '^#' -e abort "$work/$name/log" | tail -40
		for f in "$work/$name"/artifacts/*; do
			[ -e "$f" ] || continue
			mkdir -p build/fuzz-crashes
			cp "$f" "build/fuzz-crashes/$name-$(basename "$f")"
			echo "crash input kept in build/fuzz-crashes/$name-$(basename "$f")"
		done
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
