#!/usr/bin/env bash
# upgrade.sh — ALTER EXTENSION aibiz UPDATE from 0.1.0 and from 0.2.0 to the
# current version.
#
# The 0.1.0 and 0.2.0 install scripts are kept frozen next to this file and
# are never installed by `make install`; this test copies them into the
# extension directory for its own run and removes them on exit.  In a private cluster
# (pg_virtualenv) it installs 0.1.0 as a non-superuser database owner, stores
# user rows and values of every type, plants hostile operators and functions
# in schema aibiz, updates, and checks that
#   - every stored value reads back byte-identical (md5 of the text output),
#   - the shipped cases' model columns equal a fresh install's,
#   - nothing planted fired while the update script ran as superuser,
#   - the upgraded catalog equals a fresh install's (pg_dump of schema aibiz
#     in binary-upgrade mode, which lists extension members one by one),
#   - an update refuses a database whose rows sit in the wrong id range,
#   - simulations stored by 0.2.0 (format version 2, simulations_v2.txt)
#     give the same answers to every question (answers.sql) after the
#     update as before it, and so do the same simulations written again
#     after it (format version 3, simulations_v2.sql).
# Prints "N passed, N failed".  Run it under the install lock after
# `make install` (scripts/test.sh does).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}

if [ "${1:-}" != "--inner" ]; then
	extdir="$("$PG_CONFIG" --sharedir)/extension"
	frozen="$extdir/aibiz--0.1.0.sql"
	frozen2="$extdir/aibiz--0.2.0.sql"
	# a file left there by an older install is put back afterwards
	saved=
	saved2=
	if [ -e "$frozen" ]; then
		saved=$(mktemp) && cp -p "$frozen" "$saved" || exit 1
	fi
	if [ -e "$frozen2" ]; then
		saved2=$(mktemp) && cp -p "$frozen2" "$saved2" || exit 1
	fi
	trap 'if [ -n "$saved" ]; then mv "$saved" "$frozen"; else rm -f "$frozen"; fi
	      if [ -n "$saved2" ]; then mv "$saved2" "$frozen2"; else rm -f "$frozen2"; fi' EXIT
	cp "$here/aibiz--0.1.0.sql" "$frozen" || exit 1
	cp "$here/aibiz--0.2.0.sql" "$frozen2" || exit 1
	pg_virtualenv -t -v 15 bash "$here/upgrade.sh" --inner
	exit $?
fi

pass=0
fail=0
# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		pass=$((pass + 1))
		echo "ok - $1"
	else
		fail=$((fail + 1))
		echo "not ok - $1"
		echo "#   expected: $2"
		echo "#   got:      $3"
	fi
}
# q DB SQL...: run as superuser, tuples only
q() {
	local db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@" 2>&1
}
# qo DB SQL: run as the database owner (a non-superuser)
qo() {
	q "$1" -c "SET ROLE installer" -c "$2"
}
# the database's schema as pg_dump writes it in binary-upgrade mode (which
# lists every extension member), without the OIDs that differ
catalog_dump() {
	pg_dump --schema-only --binary-upgrade -d "$1" 2>/dev/null |
		grep -v -e 'binary_upgrade_set_next_' -e '^\\restrict' -e '^\\unrestrict' \
			-e "^WHERE oid = '[0-9]*';" -e "^SET relfrozenxid = " -e "^SELECT pg_catalog.setval(" |
		sed -e "s/\(binary_upgrade_create_empty_extension([^{]*\)'{[0-9,]*}'/\1'{oids}'/"
}

q postgres -c "CREATE ROLE installer" -c "CREATE DATABASE up OWNER installer" \
	-c "CREATE DATABASE fresh OWNER installer" -c "CREATE DATABASE bad OWNER installer" >/dev/null

# ---- 0.1.0 as the database owner (a trusted install) ----
check "install 0.1.0" "0.1.0" \
	"$(qo up "CREATE EXTENSION aibiz VERSION '0.1.0'" >/dev/null; q up -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"

store=$(qo up "
SET client_min_messages = warning;  -- Own Robotics acquires nothing: a NOTICE says so
INSERT INTO aibiz.markets (sector, use_case, name, accounts, adoption, bass_p, bass_q, growth)
VALUES ('robotics', 'cleaning', 'robotics.cleaning', 5000, 0.05, 0.02, 0.3, 0.1);
INSERT INTO aibiz.cases (name, company, tech_leadership, business_model, market_performance, ecosystem)
VALUES ('Own case', 'Own', 5, 6, 7, 8);
INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
SELECT name, market_id, revenue, risk, plan FROM aibiz.sample_companies(24, 11);
INSERT INTO aibiz.companies (name, market_id, revenue, plan)
SELECT 'Own Robotics', m.id, 'subscription(price=99, seats=3)',
       'cash(amount=2M) + team(headcount=5, cost=12k) + product(churn=2%)'
FROM aibiz.markets m WHERE m.name = 'robotics.cleaning';
CREATE TABLE public.vals AS
SELECT c.id, c.revenue, c.risk, c.plan,
       aibiz.project(c, m, 36) AS projection,
       aibiz.simulate(c, m, 36, 200, c.id) AS simulation
FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id;
CREATE TABLE public.flows AS
SELECT aibiz.cashflows(a, d) AS cashflows
FROM (VALUES (-1000::float8, date '2024-01-01'), (300, '2024-06-30'), (900, '2025-03-01')) v (a, d);
SELECT count(*) FROM public.vals;")
check "stored 25 companies with projections and simulations" "25" "$store"

# Simulations written by the 0.1.x engine (format version 1, as text: the
# two lines of simulations_v1.txt, 50 trials over 24 months, seeds 1 and 2)
# are stored too: this build writes version 3, so they stand for the values
# a database holds from before the update.
old_sims=$(q up -c "CREATE TABLE public.old_sims (seed int, sim aibiz.simulation); GRANT ALL ON public.old_sims TO installer" \
	-c "\\copy public.old_sims (sim) FROM '$here/simulations_v1.txt'" \
	-c "UPDATE public.old_sims SET seed = (split_part(split_part(sim::text, 'seed=', 2), ' ', 1))::int" \
	-c "SELECT count(*) FROM public.old_sims WHERE left(sim::text, 14) = 'simulation v1 '")
check "stored 2 simulations of format version 1" "2" "$(echo "$old_sims" | tail -n 1)"
old_md5() {
	q "$1" -c "SELECT md5(string_agg(sim::text, E'\n' ORDER BY seed)) FROM public.old_sims"
}
old_before=$(old_md5 up)

# everything the user owns, as text, hashed
values_md5() {
	q "$1" -c "
SELECT md5(concat_ws(E'\n',
  (SELECT string_agg(v::text, E'\n' ORDER BY v.id) FROM public.vals v),
  (SELECT string_agg(f::text, E'\n') FROM public.flows f),
  (SELECT string_agg(m::text, E'\n' ORDER BY m.id) FROM aibiz.markets m),
  (SELECT string_agg((c.id, c.name, c.company, c.tech_leadership, c.business_model,
                       c.market_performance, c.ecosystem, c.lessons, c.builtin)::text,
                      E'\n' ORDER BY c.id) FROM aibiz.cases c),
  (SELECT string_agg(c::text, E'\n' ORDER BY c.id) FROM aibiz.companies c)))"
}
# binary forms too: send functions of every type
send_md5() {
	q "$1" -c "
SELECT md5(string_agg(concat_ws(',', aibiz.revenue_model_send(revenue), aibiz.risk_profile_send(risk),
  aibiz.plan_send(plan), aibiz.projection_send(projection), aibiz.simulation_send(simulation)), E'\n' ORDER BY id))
  || md5((SELECT string_agg(aibiz.cashflows_send(cashflows)::text, ',') FROM public.flows))
FROM public.vals"
}
before=$(values_md5 up)
before_bin=$(send_md5 up)
# what the 0.1.0 generator makes, to compare with the re-created one (which
# marks regulation and market risks scope=market and is otherwise the same)
sample_md5() {
	q "$1" -c "SELECT md5(string_agg(concat_ws('|', s.name, s.market_id, s.revenue, replace(s.risk::text, ', scope=market', ''), s.plan), E'\n'))
	           FROM aibiz.sample_companies(600, 11) s"
}
sample_before=$(sample_md5 up)

# ---- hostile objects in schema aibiz, which the owner may create in ----
plant=$(qo up "
CREATE TABLE public.fired (what text);
GRANT INSERT ON public.fired TO PUBLIC;
CREATE FUNCTION aibiz.evil_ge(float8, integer) RETURNS boolean LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('>=(float8,integer)'); SELECT true \$\$;
CREATE OPERATOR aibiz.>= (LEFTARG = float8, RIGHTARG = integer, FUNCTION = aibiz.evil_ge);
CREATE FUNCTION aibiz.evil_gt(float8, integer) RETURNS boolean LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('>(float8,integer)'); SELECT true \$\$;
CREATE OPERATOR aibiz.> (LEFTARG = float8, RIGHTARG = integer, FUNCTION = aibiz.evil_gt);
CREATE FUNCTION aibiz.evil_lt(float8, numeric) RETURNS boolean LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('<(float8,numeric)'); SELECT true \$\$;
CREATE OPERATOR aibiz.< (LEFTARG = float8, RIGHTARG = numeric, FUNCTION = aibiz.evil_lt);
CREATE FUNCTION aibiz.evil_le(numeric, integer) RETURNS boolean LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('<=(numeric,integer)'); SELECT true \$\$;
CREATE OPERATOR aibiz.<= (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = aibiz.evil_le);
CREATE FUNCTION aibiz.format(text, text, integer, boolean) RETURNS text LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('format(text,text,integer,boolean)'); SELECT 'x' \$\$;
CREATE FUNCTION aibiz.jsonb_typeof(jsonb) RETURNS text LANGUAGE sql
  AS \$\$ INSERT INTO public.fired VALUES ('jsonb_typeof(jsonb)'); SELECT 'object' \$\$;
SELECT count(*) FROM public.fired;")
check "planted hostile operators in schema aibiz" "0" "$plant"

upd=$(qo up "ALTER EXTENSION aibiz UPDATE" 2>&1)
check "ALTER EXTENSION aibiz UPDATE as the database owner" "" "$upd"
check "extension is at the current version" "0.3.0" \
	"$(q up -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"
check "nothing planted fired during the update" "0" \
	"$(q up -c "SELECT count(*) FROM public.fired")"
check "every stored value reads back identical (text)" "$before" "$(values_md5 up)"
check "every stored value reads back identical (binary)" "$before_bin" "$(send_md5 up)"
check "version 1 simulations read back identical after the update" "$old_before" "$(old_md5 up)"
check "a version 1 simulation still answers npv_mean(), survival() and statistics()" "t" \
	"$(q up -c "SELECT bool_and(aibiz.npv_mean(sim) IS NOT NULL AND aibiz.survival(sim, 24) BETWEEN 0 AND 1 AND (aibiz.statistics(sim)).trials = 50) FROM public.old_sims")"
check "investor() of a version 1 simulation says to re-simulate (22023)" "22023 re-simulate" \
	"$(psql -X -q -At -d up -c "\set VERBOSITY verbose" -c "SELECT aibiz.investor(sim) FROM public.old_sims LIMIT 1" 2>&1 |
	   sed -n 's/^ERROR: *\([0-9A-Z]*\):.*\(re-simulate\).*/\1 \2/p')"
check "a portfolio of version 1 simulations says to re-simulate (22023)" "22023" \
	"$(psql -X -q -At -d up -c "\set VERBOSITY sqlstate" -c "SELECT aibiz.portfolio(sim) FROM public.old_sims" 2>&1 | sed 's/^ERROR: *//')"
check "a 0.1.0 simulation re-simulated after the update is of version 3" "simulation v3" \
	"$(q up -c "SELECT left(aibiz.simulate(c, m, 12, 10, 1)::text, 13) FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id LIMIT 1")"
check "the re-created sample_companies() gives the rows 0.1.0 gave (600 companies)" \
	"$sample_before" "$(sample_md5 up)"
check "market() and sample_companies() after the update fire nothing" "0" \
	"$(q up -c "SELECT count(*) FROM aibiz.sample_companies(24, 1)" >/dev/null
	   q up -c "SELECT (aibiz.market(1000, 0.1, 0.02, 0.3, 0.05)).accounts" >/dev/null
	   q up -c "SELECT count(*) FROM public.fired")"
# the columns 0.2.0 added to cases: the shipped rows filled as in a fresh
# install, the user's case left unmodelled
cases_md5() {
	q "$1" -c "SELECT md5(string_agg(concat_ws('|', c.id, c.revenue, c.risk, c.plan, c.market_id), E'\n' ORDER BY c.id))
	           FROM aibiz.cases c WHERE c.builtin"
}
q postgres -c "CREATE DATABASE cases_fresh" >/dev/null
q cases_fresh -c "CREATE EXTENSION aibiz" >/dev/null
check "the shipped cases' model columns equal a fresh install's" \
	"$(cases_md5 cases_fresh)" "$(cases_md5 up)"
check "the three shipped cases are modelled, the user's case is not" "3|0" \
	"$(q up -c "SELECT count(*) FILTER (WHERE builtin AND revenue IS NOT NULL AND risk IS NOT NULL
	                                    AND plan IS NOT NULL AND market_id IS NOT NULL)
	            || '|' || count(*) FILTER (WHERE NOT builtin AND revenue IS NOT NULL) FROM aibiz.cases")"
check "a shipped row is read-only after the update" "42501" \
	"$(psql -X -q -At -d up -c "\set VERBOSITY sqlstate" -c "UPDATE aibiz.markets SET builtin = false WHERE id = 3" 2>&1 | sed 's/^ERROR: *//')"

# ---- the upgraded catalog is a fresh install's ----
qo up "DROP FUNCTION aibiz.evil_ge(float8, integer) CASCADE; DROP FUNCTION aibiz.evil_gt(float8, integer) CASCADE;
DROP FUNCTION aibiz.evil_lt(float8, numeric) CASCADE; DROP FUNCTION aibiz.evil_le(numeric, integer) CASCADE;
DROP FUNCTION aibiz.format(text, text, integer, boolean); DROP FUNCTION aibiz.jsonb_typeof(jsonb);
DROP TABLE public.vals, public.flows, public.fired, public.old_sims" >/dev/null
qo fresh "CREATE EXTENSION aibiz" >/dev/null
catalog_dump up >/tmp/aibiz-upgrade-up.$$
catalog_dump fresh >/tmp/aibiz-upgrade-fresh.$$
lines=$(wc -l </tmp/aibiz-upgrade-fresh.$$)
if [ "$lines" -gt 500 ] && diff -u /tmp/aibiz-upgrade-fresh.$$ /tmp/aibiz-upgrade-up.$$; then
	check "upgraded schema equals a fresh install ($lines lines of pg_dump)" same same
else
	check "upgraded schema equals a fresh install ($lines lines of pg_dump)" same different
fi
check "the compared dump holds the re-created function and the three triggers" "4" \
	"$(grep -c -e "CREATE FUNCTION aibiz.sample_companies" -e "CREATE TRIGGER guard_shipped_rows" /tmp/aibiz-upgrade-up.$$)"
rm -f /tmp/aibiz-upgrade-up.$$ /tmp/aibiz-upgrade-fresh.$$

# ---- the same for an install by a superuser (who then owns the tables) ----
q postgres -c "CREATE DATABASE su_up" -c "CREATE DATABASE su_fresh" >/dev/null
q su_up -c "CREATE EXTENSION aibiz VERSION '0.1.0'" -c "ALTER EXTENSION aibiz UPDATE" >/dev/null
q su_fresh -c "CREATE EXTENSION aibiz" >/dev/null
if diff -u <(catalog_dump su_fresh) <(catalog_dump su_up); then
	check "superuser install: upgraded schema equals a fresh install" same same
else
	check "superuser install: upgraded schema equals a fresh install" same different
fi

# ---- 0.2.0 -> current: simulations stored in format version 2 ----
q postgres -c "CREATE DATABASE up2 OWNER installer" >/dev/null
check "install 0.2.0" "0.2.0" \
	"$(qo up2 "CREATE EXTENSION aibiz VERSION '0.2.0'" >/dev/null; q up2 -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"
# simulations_v2.txt: six simulations as aibiz 0.2.0 wrote them (its text)
check "stored 6 simulations of format version 2" "6" \
	"$(q up2 -c "CREATE TABLE public.sims_v2 (label text, sim aibiz.simulation)" \
		-c "\\copy public.sims_v2 FROM '$here/simulations_v2.txt'" \
		-c "SELECT count(*) FROM public.sims_v2 WHERE left(sim::text, 14) = 'simulation v2 '" | tail -n 1)"
# every question's answers, pinned before the update
q up2 -f "$here/answers.sql" \
	-c "CREATE TABLE public.pinned AS SELECT label, pg_temp.answers(sim) AS answers FROM public.sims_v2" >/dev/null
v2_before=$(q up2 -c "SELECT md5(string_agg(sim::text, E'\n' ORDER BY label)) FROM public.sims_v2")
check "ALTER EXTENSION aibiz UPDATE from 0.2.0 as the database owner" "" "$(qo up2 "ALTER EXTENSION aibiz UPDATE" 2>&1)"
check "0.2.0 updated to the current version" "0.3.0" \
	"$(q up2 -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"
check "version 2 simulations read back identical after the update (text)" "$v2_before" \
	"$(q up2 -c "SELECT md5(string_agg(sim::text, E'\n' ORDER BY label)) FROM public.sims_v2")"
check "version 2 simulations give every answer pinned before the update" "6 of 6" \
	"$(q up2 -f "$here/answers.sql" -c "SELECT count(*) FILTER (WHERE pg_temp.answers(s.sim) = p.answers) || ' of ' || count(*)
	   FROM public.sims_v2 s JOIN public.pinned p USING (label)" | tail -n 1)"
# the same simulations written after the update are of version 3, stored,
# and read back from the table
q up2 -c "SET client_min_messages = warning" -f "$here/simulations_v2.sql" \
	-c "CREATE TABLE public.sims_v3 AS SELECT * FROM sims_v3" >/dev/null
check "the same simulations written after the update are of version 3" "6" \
	"$(q up2 -c "SELECT count(*) FROM public.sims_v3 WHERE left(sim::text, 14) = 'simulation v3 '")"
check "stored version 3 simulations give the answers pinned from version 2" "6 of 6" \
	"$(q up2 -f "$here/answers.sql" -c "SELECT count(*) FILTER (WHERE pg_temp.answers(s.sim) = p.answers) || ' of ' || count(*)
	   FROM public.sims_v3 s JOIN public.pinned p USING (label)" | tail -n 1)"
check "their binary forms differ from the version 2 ones in the version byte only" "6" \
	"$(q up2 -c "SELECT count(*) FROM public.sims_v2 a JOIN public.sims_v3 b USING (label)
	             WHERE substr(aibiz.simulation_send(a.sim), 2) = substr(aibiz.simulation_send(b.sim), 2)
	               AND get_byte(aibiz.simulation_send(a.sim), 0) = 2 AND get_byte(aibiz.simulation_send(b.sim), 0) = 3")"
q up2 -c "DROP TABLE public.sims_v2, public.sims_v3, public.pinned" >/dev/null
if diff -u <(catalog_dump fresh) <(catalog_dump up2); then
	check "0.2.0 updated: schema equals a fresh install" same same
else
	check "0.2.0 updated: schema equals a fresh install" same different
fi

# ---- rows on the wrong side of the reserved id ranges stop the update ----
qo bad "CREATE EXTENSION aibiz VERSION '0.1.0'" >/dev/null
qo bad "UPDATE aibiz.markets SET builtin = false WHERE id = 3" >/dev/null
check "update refuses a shipped row whose builtin flag was cleared (23514)" "23514" \
	"$(psql -X -q -At -d bad -c "\set VERBOSITY sqlstate" -c "SET ROLE installer" -c "ALTER EXTENSION aibiz UPDATE" 2>&1 | sed -n 's/^ERROR: *//p')"
check "a refused update leaves 0.1.0 in place" "0.1.0" \
	"$(q bad -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
