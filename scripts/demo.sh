#!/usr/bin/env bash
# demo.sh — build and install aibiz, start a private PostgreSQL 15 cluster,
# load the sample companies, run the analysis sections in demo/ and write
# the report: readable tables on the terminal and report/index.html (one
# self-contained file with inline SVG charts).  The cluster is stopped and
# removed at the end, also on error or interrupt.
#
# Environment: AIBIZ_DEMO_DIR (default /tmp/aibiz-demo), AIBIZ_DEMO_PORT
# (default 54329), AIBIZ_DEMO_KEEP=1 to leave the cluster running for psql.
# With Chromium installed (AIBIZ_WITH_CHROMIUM=1 bash scripts/deps.sh) it
# also saves a screenshot of the whole page to report/screenshot.png.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PG_BIN=/usr/lib/postgresql/15/bin
export PG_CONFIG=$PG_BIN/pg_config
DEMO_DIR=${AIBIZ_DEMO_DIR:-/tmp/aibiz-demo}
PORT=${AIBIZ_DEMO_PORT:-54329}
LOCK=/tmp/aibiz-pg.lock

# run a server command as the postgres user (as ourselves when not root)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# stop the private cluster if it runs, then remove it
stop_cluster() {
	if [ -f "$DEMO_DIR/data/postmaster.pid" ]; then
		as_pg "$PG_BIN/pg_ctl" -D "$DEMO_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$DEMO_DIR"
}

# on exit: show the server log if something failed, then clean up
on_exit() {
	local rc=$?
	if [ -n "${report_pid:-}" ]; then
		kill "$report_pid" 2>/dev/null || true
		wait "$report_pid" 2>/dev/null || true
	fi
	if [ "$rc" -ne 0 ] && [ -f "$DEMO_DIR/server.log" ]; then
		echo "--- last lines of the demo server log:" >&2
		tail -n 20 "$DEMO_DIR/server.log" >&2
	fi
	if [ "${AIBIZ_DEMO_KEEP:-0}" = 1 ] && [ "$rc" -eq 0 ]; then
		echo "cluster left running: psql -h $DEMO_DIR -p $PORT -U postgres aibiz_demo"
		echo "stop it with: runuser -u postgres -- $PG_BIN/pg_ctl -D $DEMO_DIR/data stop"
	else
		stop_cluster
	fi
	exit "$rc"
}

echo "== dependencies"
bash scripts/deps.sh

echo "== build"
make -s -j2

# the installed extension is shared: install and use it under the lock
exec 9>"$LOCK"
flock 9
echo "== install"
make -s install

echo "== private cluster in $DEMO_DIR (port $PORT)"
trap on_exit EXIT
trap 'exit 130' INT TERM
stop_cluster
mkdir -p "$DEMO_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DEMO_DIR"
as_pg "$PG_BIN/initdb" -D "$DEMO_DIR/data" -U postgres -A trust -E UTF8 \
	--locale=C.UTF-8 >"$DEMO_DIR/initdb.log" 2>&1 ||
	{ cat "$DEMO_DIR/initdb.log" >&2; echo "demo: initdb failed" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$DEMO_DIR/data" -l "$DEMO_DIR/server.log" -w \
	-o "-p $PORT -k $DEMO_DIR -c listen_addresses=''" start >/dev/null 9>&- ||
	{ echo "demo: the server did not start (port $PORT in use? set AIBIZ_DEMO_PORT)" >&2; exit 1; }

export PGHOST=$DEMO_DIR PGPORT=$PORT PGUSER=postgres PGDATABASE=aibiz_demo
psql() { command "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
export PATH=$PG_BIN:$PATH
psql -d postgres -c "CREATE DATABASE aibiz_demo"
psql -c "CREATE EXTENSION aibiz"
echo "== sample"
psql -f demo/load.sql 2>&1 | sed 's/^psql:[^ ]* NOTICE: *//'

echo "== report"
mkdir -p report
status=0
# in the background so that a signal reaches the trap at once, not after it
/usr/bin/python3 scripts/report.py --out report/index.html demo/[0-9]*.sql &
report_pid=$!
wait "$report_pid" || status=$?
report_pid=
if [ "${AIBIZ_DEMO_KEEP:-0}" != 1 ]; then
	stop_cluster
fi
flock -u 9

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
	# the whole page: its height is what the page's inline script records
	# in <html data-height>, read back from the rendered DOM
	height=$("$chrome" --headless --no-sandbox --disable-gpu --window-size=1280,2000 --dump-dom \
		"file://$ROOT/report/index.html" 2>/dev/null |
		sed -n 's/.*<html[^>]* data-height="\([0-9]*\)".*/\1/p' | head -n 1)
	height=${height:-2000}
	"$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--window-size=1280,"$height" --screenshot="$ROOT/report/screenshot.png" \
		"file://$ROOT/report/index.html" >/dev/null 2>&1 &&
		echo "screenshot: report/screenshot.png (1280 x $height)" ||
		echo "screenshot: $chrome failed (the HTML report is complete)" >&2
fi
echo "open: file://$ROOT/report/index.html"
exit "$status"
