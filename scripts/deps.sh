#!/usr/bin/env bash
# deps.sh — install what building, testing and the demo need on Debian 12.
#
# Idempotent: when every package is already installed it does nothing and
# calls no apt at all.  Set AIBIZ_WITH_CHROMIUM=1 to add headless Chromium
# for the demo's report screenshot (optional, about 300 MB).
set -euo pipefail

packages=(
	build-essential				# cc, make
	postgresql-15				# server, initdb, pg_ctl
	postgresql-server-dev-15	# PGXS, server headers, pg_regress
	postgresql-15-pgtap			# pgTAP extension
	libtap-parser-sourcehandler-pgtap-perl	# pg_prove
	clang						# sanitizer and fuzzer builds
	libclang-rt-14-dev			# ASan/UBSan/libFuzzer runtimes
	python3						# report writer
	python3-psycopg2			# report writer's database driver
	python3-numpy				# statistics in checks and benchmarks
	util-linux					# flock, runuser
	valgrind					# memcheck stage
)
if [ "${AIBIZ_WITH_CHROMIUM:-0}" = 1 ]; then
	packages+=(chromium fonts-dejavu-core)
fi

# packages not yet installed, one per line
missing() {
	local p status
	for p in "${packages[@]}"; do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		[ "$status" = "install ok installed" ] || echo "$p"
	done
}

need=$(missing)
if [ -z "$need" ]; then
	echo "deps: all ${#packages[@]} packages present"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages:" $need >&2
	echo "deps: run as root (or install them) first" >&2
	exit 1
fi

echo "deps: installing" $need
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp /tmp/aibiz-deps.XXXXXX)
if ! apt-get update -qq >"$log" 2>&1; then
	cat "$log" >&2
	echo "deps: apt-get update failed (network or sources.list?); log above" >&2
	exit 1
fi
# shellcheck disable=SC2086
if ! apt-get install -y -qq --no-install-recommends $need >>"$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "deps: apt-get install failed for:" $need >&2
	exit 1
fi
rm -f "$log"

still=$(missing)
if [ -n "$still" ]; then
	echo "deps: still missing after apt-get:" $still >&2
	exit 1
fi
echo "deps: done"
