#!/bin/bash
# fuzz.sh SECONDS [harness...] — build and run libFuzzer harnesses (ASan +
# UBSan).  A harness <name> is fuzz/fuzz_<name>.c, built as build/fuzz-<name>;
# its seed corpus is fuzz/corpus/<name>/ and its dictionary, if any,
# fuzz/<name>.dict.  With no harness named, every fuzz/fuzz_*.c runs.  The
# SECONDS (default 60) are shared equally; each harness runs, one at a time,
# over a scratch copy of its corpus.  Prints "fuzz-<name>: N executions in S s
# (status R)" per harness and a final "N passed, N failed" with one count per
# harness; exits non-zero on any crash or sanitizer report, keeping the
# crashing inputs in build/fuzz-crashes/.
set -u

secs="${1:-60}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ "$#" -gt 0 ]; then
	harnesses=("$@")
else
	harnesses=()
	for f in fuzz/fuzz_*.c; do
		[ -e "$f" ] || continue
		n=${f#fuzz/fuzz_}
		harnesses+=("${n%.c}")
	done
fi
if [ "${#harnesses[@]}" -eq 0 ]; then
	echo "no fuzz harnesses"
	echo "0 passed, 0 failed"
	exit 0
fi
each=$((secs / ${#harnesses[@]}))
[ "$each" -ge 1 ] || each=1

work="$(mktemp -d /tmp/aibiz-fuzz.XXXXXX)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# run one harness; 0 if it ran clean
run_one() {
	local name=$1 dir="$work/$1" status=0 start end execs opts=()

	if [ ! -f "fuzz/fuzz_$name.c" ]; then
		echo "fuzz-$name: no such harness fuzz/fuzz_$name.c"
		return 1
	fi
	if ! make -s "build/fuzz-$name"; then
		echo "fuzz-$name: build failed"
		return 1
	fi
	mkdir -p "$dir/corpus" "$dir/artifacts"
	if [ -d "fuzz/corpus/$name" ]; then
		cp -r "fuzz/corpus/$name/." "$dir/corpus/"
	fi
	[ -f "fuzz/$name.dict" ] && opts+=("-dict=fuzz/$name.dict")
	start=$(date +%s)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"./build/fuzz-$name" -max_total_time="$each" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		"${opts[@]}" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
		"$dir/corpus" >"$dir/log" 2>&1 || status=$?
	end=$(date +%s)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
	echo "fuzz-$name: ${execs:-0} executions in $((end - start)) s (status $status)"
	if [ "$status" -ne 0 ] ||
		grep -q -e 'ERROR: AddressSanitizer' -e 'ERROR: libFuzzer' -e 'runtime error:' -e 'deadly signal' "$dir/log"; then
		grep -m 40 -e ERROR -e 'runtime error' -e SUMMARY -e '^#' "$dir/log" | tail -40
		for f in "$dir"/artifacts/*; do
			[ -e "$f" ] || continue
			mkdir -p build/fuzz-crashes
			cp "$f" "build/fuzz-crashes/$name-$(basename "$f")"
			echo "crash input kept in build/fuzz-crashes/$name-$(basename "$f")"
		done
		return 1
	fi
	return 0
}

for h in "${harnesses[@]}"; do
	if run_one "$h"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
