#!/usr/bin/env bash
# demo.sh — build and install aibiz, start a private PostgreSQL 15 cluster,
# load the sample companies (demo/load.sql, with aibiz.progress on so that
# the long simulations report how far they are) and write the report:
# tables on the terminal and report/index.html, one self-contained file
# whose tables psql writes (psql --html) and whose charts are the SVG the
# extension's chart functions return.  Each report section is one shell
# function below.  The cluster is stopped and removed at the end, also on
# error or interrupt.
#
# Environment: AIBIZ_DEMO_DIR (default /tmp/aibiz-demo), AIBIZ_DEMO_PORT
# (default 54329), AIBIZ_DEMO_KEEP=1 to leave the cluster running for psql,
# AIBIZ_DEMO_CURRENCY (default USD: the unit the sample's amounts are read
# in; nothing is converted).
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

# ---- the report: helpers ----

# append stdin to the report
html() {
	cat >>"$OUT"
}

# a SQL string literal of $1
sql_lit() {
	printf "'%s'" "${1//\'/\'\'}"
}

# a table: caption $1, query $2; aligned on the terminal, psql --html into the report
table() {
	echo
	echo "-- $1"
	psql -P footer=off -c "$2"
	printf '<h3>%s</h3>\n' "$1" | html
	psql -H -P footer=off -P tableattr='class="t"' -c "$2" | html
}

# a chart: caption $1, query $2 returning one SVG text; inline in the report
chart() {
	local svg
	svg=$(psql -At -c "$2")
	echo "-- chart: $1 (${#svg} bytes of SVG)"
	printf '<figure>%s<figcaption>%s</figcaption></figure>\n' "$svg" "$1" | html
}

# a section heading: title $1, text $2 (HTML)
heading() {
	echo
	echo "== $1"
	printf '<h2>%s</h2>\n<p>%s</p>\n' "$1" "$2" | html
}

# ---- the report: sections ----

# the page head and the showcase company with its inputs
section_head() {
	cat >"$OUT" <<-EOF
	<!DOCTYPE html>
	<html lang="en"><head><meta charset="utf-8"><title>aibiz demo report</title>
	<style>
	body { font: 14px/1.45 sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
	table.t { border-collapse: collapse; margin: 0.5em 0 1.5em; }
	table.t th, table.t td { border: 1px solid #ccc; padding: 3px 8px; }
	table.t td { font-variant-numeric: tabular-nums; }
	table.t th { background: #f0f0f0; }
	figure { margin: 1em 0 2em; } figcaption { color: #555; }
	svg { max-width: 100%; height: auto; }
	</style>
	<script>addEventListener('load', () => document.documentElement.dataset.height =
	  Math.ceil(document.documentElement.scrollHeight));</script>
	</head><body>
	<h1>aibiz demo report</h1>
	<p>200 synthetic companies from <code>aibiz.sample_companies(200, 42)</code>, each projected over
	60 months and simulated; amounts are in $CURRENCY (the unit the inputs were written in; nothing is
	converted). k = thousand, M = million.</p>
	EOF
	heading "The showcase company" "The median company of the logistics.routing market by expected NPV, simulated with 200,000 trials (seed 42)."
	table "Its inputs" "SELECT 'company' AS item, d.name || ' (' || d.market || ')' AS value
		FROM demo_showcase d
		UNION ALL SELECT 'revenue model', c.revenue::text FROM demo_showcase JOIN aibiz.companies c USING (id)
		UNION ALL SELECT 'risk profile', c.risk::text FROM demo_showcase JOIN aibiz.companies c USING (id)
		UNION ALL SELECT 'plan', c.plan::text FROM demo_showcase JOIN aibiz.companies c USING (id)"
}

# the statistics table of the NPV distribution, as a risk-analysis package prints it
section_statistics() {
	heading "NPV statistics" "aibiz.statistics(sim): the distribution of the net present value over the trials. Percentiles are type 7 (as percentile_cont); skewness and kurtosis are the moment ratios (kurtosis 3 for a normal)."
	table "Statistics of the NPV ($CURRENCY)" "SELECT v.statistic, v.value
		FROM demo_showcase_sim s, aibiz.statistics(s.sim) t,
		LATERAL (VALUES
			(1, 'trials', to_char(t.trials, 'FM999,999,999')),
			(2, 'mean', demo_money(t.mean)),
			(3, 'standard deviation', demo_money(t.sd)),
			(4, 'standard error of the mean', demo_money(t.se_mean)),
			(5, 'skewness', to_char(t.skewness, 'FM990.000')),
			(6, 'kurtosis', to_char(t.kurtosis, 'FM990.000')),
			(7, 'minimum', demo_money(t.min)),
			(8, 'P1', demo_money(t.p1)), (9, 'P5', demo_money(t.p5)), (10, 'P10', demo_money(t.p10)),
			(11, 'P25', demo_money(t.p25)), (12, 'P50 (median)', demo_money(t.p50)),
			(13, 'P75', demo_money(t.p75)), (14, 'P90', demo_money(t.p90)),
			(15, 'P95', demo_money(t.p95)), (16, 'P99', demo_money(t.p99)),
			(17, 'maximum', demo_money(t.max)),
			(18, 'P(NPV > 0)', to_char((1 - aibiz.npv_cdf(s.sim, 0)) * 100, 'FM990.0') || ' %'),
			(19, 'value at risk, 95 %', demo_money(aibiz.value_at_risk(s.sim, 0.95))),
			(20, 'expected shortfall, 95 %', demo_money(aibiz.expected_shortfall(s.sim, 0.95))),
			(21, 'survival to month 60', to_char(aibiz.survival(s.sim, 60) * 100, 'FM990.0') || ' %')
		) AS v(ord, statistic, value)
		ORDER BY v.ord"
}

# histogram and exceedance curve of the NPV
section_npv_charts() {
	heading "NPV distribution" "Histogram (share of trials per bin, markers at P5, P50, P95 and the mean) and exceedance curve P(NPV &gt; x)."
	chart "NPV histogram, 40 bins (aibiz.svg_histogram)" \
		"SELECT aibiz.svg_histogram(sim, 40, 'NPV of the showcase company', $(sql_lit "$CURRENCY")) FROM demo_showcase_sim"
	chart "Probability that the NPV exceeds x (aibiz.svg_exceedance)" \
		"SELECT aibiz.svg_exceedance(sim, 'P(NPV > x)', $(sql_lit "$CURRENCY")) FROM demo_showcase_sim"
}

# fan charts of cash and revenue
section_fan() {
	heading "Cash and revenue over time" "Fan charts: the P5-P95 and P25-P75 bands of the trials month by month, the median line and the dashed mean."
	chart "Cash at the end of each month (aibiz.svg_fan)" \
		"SELECT aibiz.svg_fan(sim, 'cash', 'Cash', $(sql_lit "$CURRENCY")) FROM demo_showcase_sim"
	chart "Monthly revenue (aibiz.svg_fan)" \
		"SELECT aibiz.svg_fan(sim, 'revenue', 'Revenue per month', $(sql_lit "$CURRENCY")) FROM demo_showcase_sim"
}

# survival of the showcase and of each sector's companies
section_survival() {
	heading "Survival" "The share of trials whose cash never fell below zero, by month: the showcase company and each sector's 2,000-trial portfolio of companies."
	table "Share alive" "SELECT series, to_char(aibiz.survival(sim, 12) * 100, 'FM990.0') || ' %' AS \"month 12\",
			to_char(aibiz.survival(sim, 24) * 100, 'FM990.0') || ' %' AS \"month 24\",
			to_char(aibiz.survival(sim, 36) * 100, 'FM990.0') || ' %' AS \"month 36\",
			to_char(aibiz.survival(sim, 60) * 100, 'FM990.0') || ' %' AS \"month 60\"
		FROM (SELECT 0 AS ord, 'showcase' AS series, sim FROM demo_showcase_sim
			  UNION ALL SELECT 1, 'sector ' || sector, sim FROM demo_sector_sim) x
		ORDER BY ord, series"
	chart "Survival curves (aibiz.svg_survival)" \
		"SELECT aibiz.svg_survival(array_agg(series ORDER BY ord, series), array_agg(sim ORDER BY ord, series), 'Share of trials alive')
		FROM (SELECT 0 AS ord, 'showcase' AS series, sim FROM demo_showcase_sim
			  UNION ALL SELECT 1, sector, sim FROM demo_sector_sim) x"
}

# sector portfolios with market-wide risks shared, against the same companies drawing them alone
section_market_wide() {
	heading "Market-wide risks" "Regulation changes and price wars hit every company of a market in the same trial (scope=market). Each sector's portfolio as simulated, against the same companies with those risks drawn company by company: the tail is what sharing changes."
	table "Sector portfolios, NPV in $CURRENCY" "SELECT s.sector, s.companies,
			demo_money(aibiz.npv_quantile(i.sim, 0.05)) AS \"P5, independent\",
			demo_money(aibiz.npv_quantile(s.sim, 0.05)) AS \"P5, market-wide\",
			to_char((1 - aibiz.npv_cdf(i.sim, 0)) * 100, 'FM990.0') || ' %' AS \"P(NPV > 0), independent\",
			to_char((1 - aibiz.npv_cdf(s.sim, 0)) * 100, 'FM990.0') || ' %' AS \"P(NPV > 0), market-wide\",
			to_char(v.p5, 'FM99990') || ' to ' || to_char(v.p95, 'FM99990') AS \"survivors at 60, P5 to P95\"
		FROM demo_sector_sim s JOIN demo_sector_indep i USING (sector),
			 aibiz.survivors(s.sim) v
		WHERE v.month = 60
		ORDER BY s.sector"
}

# which inputs move the expected NPV most
section_tornado() {
	heading "What drives the NPV" "aibiz.tornado: every input of the showcase company moved to its P10 and P90 (a distribution) or by -20 % and +20 % (a constant), the expected NPV at each; the ten largest swings."
	table "Tornado, NPV in $CURRENCY" "SELECT t.ord, t.path, demo_money(t.low_value) AS \"NPV at low\", demo_money(t.high_value) AS \"NPV at high\",
			demo_money(t.swing) AS swing
		FROM demo_showcase d JOIN aibiz.companies c USING (id) JOIN aibiz.markets m ON m.id = c.market_id,
			 aibiz.tornado(c, m) t
		WHERE t.ord <= 10 ORDER BY t.ord"
	chart "Tornado of the expected NPV (aibiz.svg_tornado)" \
		"SELECT aibiz.svg_tornado(array_agg(t.path ORDER BY t.ord), array_agg(t.low_value ORDER BY t.ord),
				array_agg(t.high_value ORDER BY t.ord), min(t.base_value), 'Expected NPV',
				'NPV (' || $(sql_lit "$CURRENCY") || ')')
		FROM demo_showcase d JOIN aibiz.companies c USING (id) JOIN aibiz.markets m ON m.id = c.market_id,
			 aibiz.tornado(c, m) t
		WHERE t.ord <= 10"
}

# the case studies ranked by TOPSIS
section_case_ranking() {
	heading "Case studies" "The three cases scored 0-10 on four criteria, ranked by TOPSIS closeness to the ideal with equal weights (view aibiz.case_ranking)."
	table "Case ranking" "SELECT rank, name, tech_leadership AS technology, business_model AS \"business model\",
			market_performance AS market, ecosystem, to_char(closeness, 'FM0.000') AS closeness
		FROM aibiz.case_ranking ORDER BY rank, name"
}

# which risks matter: each removed with common random numbers, against cash losses alone
section_risk_impact() {
	heading "Which risks matter" "aibiz.risk_impact: each risk term of the showcase company removed in turn, the same 10,000 trials run again with the same random numbers; the change in mean NPV (with its paired standard error) and in survival. Price, churn and share shocks count here, not only cash losses (aibiz.risk_attribution's mean loss per trial, beside it)."
	table "Risk impact ($CURRENCY)" "SELECT coalesce(r.category || ' (term ' || r.term || ')', 'all risks together') AS risk,
			demo_money(r.npv_diff) AS \"NPV gain if removed\", demo_money(r.npv_diff_se) AS \"standard error\",
			to_char(r.survival_diff * 100, 'FM990.0') || ' pts' AS \"survival gain\",
			demo_money(a.mean_loss) AS \"cash loss per trial\"
		FROM (SELECT r.* FROM demo_showcase d JOIN aibiz.companies c USING (id)
				JOIN aibiz.markets m ON m.id = c.market_id, aibiz.risk_impact(c, m, 60, 10000, 42) r) r
		LEFT JOIN (SELECT a.category, a.mean_loss FROM demo_showcase_sim s, aibiz.risk_attribution(s.sim) a) a
			ON a.category = r.category
		ORDER BY r.ord"
}

# the sustainability verdict of the showcase company and of the three case studies
section_sustainability() {
	heading "Sustainability" "aibiz.sustainability: eight criteria (survival, P(NPV &gt; 0), LTV/CAC, gross margin, breakeven, risk losses, revenue concentration, P(MOIC &ge; 1)), each met or not against its threshold; the score is the weighted share met (80 and above: sustainable, 50 and above: fragile)."
	table "Verdicts (10,000 trials)" "SELECT x.who, min(v.verdict) AS verdict, to_char(min(v.score), 'FM990.0') AS score,
			string_agg(v.criterion, ', ' ORDER BY v.criterion) FILTER (WHERE NOT v.passed) AS \"criteria missed\"
		FROM (SELECT 0 AS ord, 'showcase: ' || d.name AS who, c.revenue, c.risk, c.plan, m AS mk
			  FROM demo_showcase d JOIN aibiz.companies c USING (id) JOIN aibiz.markets m ON m.id = c.market_id
			  UNION ALL
			  SELECT 1, 'case: ' || k.name, k.revenue, k.risk, k.plan, m
			  FROM aibiz.cases k JOIN aibiz.markets m ON m.id = k.market_id WHERE k.revenue IS NOT NULL) x,
			 aibiz.sustainability(x.revenue, x.risk, x.plan, x.mk) v
		GROUP BY x.ord, x.who ORDER BY x.ord, x.who"
}

# the page end
section_foot() {
	printf '<p>Written by scripts/demo.sh on %s.</p>\n</body></html>\n' "$(date -u +%Y-%m-%d)" | html
}

# every section, in order
report_sections() {
	section_head
	section_statistics
	section_npv_charts
	section_fan
	section_survival
	section_market_wide
	section_tornado
	section_case_ranking
	section_risk_impact
	section_sustainability
	section_foot
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
# progress of the long simulations, at most one line every 0.1 s
PGOPTIONS='-c aibiz.progress=on -c aibiz.progress_interval=100' \
	psql -f demo/load.sql 2>&1 | sed -e 's/^psql:[^ ]* NOTICE: */  /' -e 's/^DETAIL: */    /'

echo "== report"
mkdir -p report
OUT=report/index.html
CURRENCY=${AIBIZ_DEMO_CURRENCY:-USD}
report_sections
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

