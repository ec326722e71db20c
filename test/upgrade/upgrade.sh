#!/usr/bin/env bash
# upgrade.sh — ALTER EXTENSION aibiz UPDATE from 0.1.0, from 0.2.0 and from
# 0.3.0 to the current version.
#
# The 0.1.0, 0.2.0 and 0.3.0 install scripts are kept frozen next to this
# file and are never installed by `make install`; this test copies them into
# the extension directory for its own run and puts back or removes what was
# there on exit.  In a private cluster
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
#     after it (format version 3, simulations_v2.sql),
#   - revenue models, risk profiles and plans stored by 0.3.0 (their format
#     version 1, specs_v1.txt, written into a table byte for byte by the
#     relabelling functions of specs_v1.sql) give the text and the hashes
#     0.3.0 gave, and the same text, binary form, jsonb, hashes, equality,
#     terms() and, as whole companies, projections, simulations, unit
#     economics and risk impact before the update, after it (still version
#     1 on disk) and after rewrite() made them version 2 (byte for byte what
#     text input writes, fewer bytes); hash indexes and a unique (exclusion)
#     hash constraint built before the update find every row throughout.
# Prints "N passed, N failed".  Run it under the install lock after
# `make install` (scripts/test.sh does).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}

if [ "${1:-}" != "--inner" ]; then
	extdir="$("$PG_CONFIG" --sharedir)/extension"
	keep=$(mktemp -d) || exit 1
	placed=
	# put back what an older install left there, remove what this run placed
	restore() {
		local v
		for v in $placed; do
			if [ -e "$keep/aibiz--$v.sql" ]; then
				mv "$keep/aibiz--$v.sql" "$extdir/aibiz--$v.sql"
			else
				rm -f "$extdir/aibiz--$v.sql"
			fi
		done
		rmdir "$keep"
	}
	trap restore EXIT
	for v in 0.1.0 0.2.0 0.3.0; do
		if [ -e "$extdir/aibiz--$v.sql" ]; then
			cp -p "$extdir/aibiz--$v.sql" "$keep/" || exit 1
		fi
		placed="$placed $v"
		cp "$here/aibiz--$v.sql" "$extdir/aibiz--$v.sql" || exit 1
	done
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
check "extension is at the current version" "0.4.0" \
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
check "0.2.0 updated to the current version" "0.4.0" \
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

# ---- 0.3.0 -> current: input values stored in format version 1 ----
# specs_v1.txt: 31 values as aibiz 0.3.0 stored them (kind, text, hex of
# the stored bytes: four zero bytes, then the fixed value whose first byte
# is its version, 1).  A superuser writes those bytes into a
# table as they are (specs_v1.sql relabels them), so the table holds what a
# database kept from 0.3.0; every answer is pinned before the update and
# compared after it and after rewrite() turned the values into version 2.
specs() {
	q "$1" -f "$here/specs_v1.sql" -c "$2" | tail -n 1
}
q postgres -c "CREATE DATABASE up3 OWNER installer" >/dev/null
check "install 0.3.0" "0.3.0" \
	"$(qo up3 "CREATE EXTENSION aibiz VERSION '0.3.0'" >/dev/null; q up3 -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"
q up3 -f "$here/specs_v1.sql" \
	-c "CREATE TABLE public.fixture (n int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text, txt text, hex text)" \
	-c "\\copy public.fixture (kind, txt, hex) FROM '$here/specs_v1.txt'" \
	-c "CREATE TABLE public.specs (n int PRIMARY KEY, kind text, txt text, revenue aibiz.revenue_model,
	      risk aibiz.risk_profile, plan aibiz.plan)" \
	-c "INSERT INTO public.specs
	    SELECT n, kind, txt,
	           CASE kind WHEN 'revenue_model' THEN pg_temp.revenue_model(decode(hex, 'hex')) END,
	           CASE kind WHEN 'risk_profile' THEN pg_temp.risk_profile(decode(hex, 'hex')) END,
	           CASE kind WHEN 'plan' THEN pg_temp.plan(decode(hex, 'hex')) END
	    FROM public.fixture" \
	-c "ALTER TABLE public.specs OWNER TO installer" >/dev/null
# the stored bytes of a row, whatever its kind
stored="coalesce(pg_temp.raw(s.revenue), pg_temp.raw(s.risk), pg_temp.raw(s.plan))"
v1_rows="SELECT count(*) FILTER (WHERE substr($stored, 1, 5) = '\\x0000000001' AND $stored = decode(f.hex, 'hex'))
         || ' of ' || count(*) FROM public.specs s JOIN public.fixture f USING (n)"
check "stored 31 values of format version 1, byte for byte the fixture's" "31 of 31" "$(specs up3 "$v1_rows")"
# companies: the sample companies' revenue, risk and plan rows come in
# triples; the hand-written rows make three more (rows 25-31: two revenue
# models, the empty and a full risk profile, three plans)
q up3 -c "CREATE TABLE public.companies3 (c int PRIMARY KEY, rn int, kn int, pn int);
INSERT INTO public.companies3 SELECT i + 1, 3 * i + 1, 3 * i + 2, 3 * i + 3 FROM generate_series(0, 7) i;
INSERT INTO public.companies3 VALUES (9, 25, 28, 29), (10, 26, 27, 30), (11, 25, 28, 31)" >/dev/null
check "the companies are whole: a revenue model, a risk profile and a plan each" "11" \
	"$(q up3 -c "SELECT count(*) FROM public.companies3 c JOIN public.specs r ON r.n = c.rn AND r.kind = 'revenue_model'
	             JOIN public.specs k ON k.n = c.kn AND k.kind = 'risk_profile' JOIN public.specs p ON p.n = c.pn AND p.kind = 'plan'")"
# hash indexes, one of them under a unique (exclusion) constraint, which
# the update must leave valid: lookups by the text-parsed value find every row
q up3 -c "CREATE INDEX specs_revenue_hash ON public.specs USING hash (revenue)" \
	-c "CREATE INDEX specs_risk_hash ON public.specs USING hash (risk)" \
	-c "ALTER TABLE public.specs ADD CONSTRAINT specs_plan_unique EXCLUDE USING hash (plan WITH OPERATOR(aibiz.=))" >/dev/null
answers_of="pg_temp.answers(s.revenue, s.risk, s.plan, s.txt)"
company_of="pg_temp.company(r.revenue, k.risk, p.plan, c.c)
	FROM public.companies3 c JOIN public.specs r ON r.n = c.rn JOIN public.specs k ON k.n = c.kn JOIN public.specs p ON p.n = c.pn"
q up3 -f "$here/specs_v1.sql" \
	-c "CREATE TABLE public.spec_pins AS SELECT s.n, $answers_of AS answers FROM public.specs s" \
	-c "CREATE TABLE public.company_pins AS SELECT c.c, $company_of" >/dev/null
# risk_impact() has a row per risk term and one with every term removed, so
# company 10, whose profile is empty, has one row too
check "pinned 11 companies' projection, simulation, unit economics and risk impact" "11 11" \
	"$(q up3 -c "SELECT count(*) FILTER (WHERE array_length(company, 1) = 4 AND company[1] <> '' AND company[2] ~ '^[0-9a-f]{32}$'
	               AND company[3] <> '') || ' ' || count(company[4]) FROM public.company_pins")"
# what a user depends on, checked against 0.3.0 itself where that is known:
# its text and its hashes (of the fixed value, which follows the four zero
# bytes); = against the value parsed from the text.  The text is the
# fixture's, which is canonical text for 26 rows; the hand-written rows 25
# and 28-31 give their input text (1k, 2%, terms out of canonical order),
# so for all 31 the text is compared with the output of that input too.
txt_canonical="CASE s.kind WHEN 'revenue_model' THEN s.txt::aibiz.revenue_model::text
	WHEN 'risk_profile' THEN s.txt::aibiz.risk_profile::text ELSE s.txt::aibiz.plan::text END"
spec_facts="SELECT count(*) FILTER (WHERE coalesce(s.revenue::text, s.risk::text, s.plan::text) = s.txt)
  || ' as the fixture, ' || count(*) FILTER (WHERE coalesce(s.revenue::text, s.risk::text, s.plan::text) = $txt_canonical)
  || ' as its input, ' || count(*) FILTER (WHERE coalesce(aibiz.revenue_model_hash(s.revenue), aibiz.risk_profile_hash(s.risk),
       aibiz.plan_hash(s.plan)) = pg_temp.old_hash(substr(decode(f.hex, 'hex'), 5)))
  || ' hash, ' || count(*) FILTER (WHERE coalesce(aibiz.revenue_model_hash_extended(s.revenue, 7),
       aibiz.risk_profile_hash_extended(s.risk, 7), aibiz.plan_hash_extended(s.plan, 7))
       = pg_temp.old_hash(substr(decode(f.hex, 'hex'), 5), 7))
  || ' hash_extended, ' || count(*) FILTER (WHERE CASE s.kind
       WHEN 'revenue_model' THEN s.revenue OPERATOR(aibiz.=) s.txt::aibiz.revenue_model
       WHEN 'risk_profile' THEN s.risk OPERATOR(aibiz.=) s.txt::aibiz.risk_profile
       ELSE s.plan OPERATOR(aibiz.=) s.txt::aibiz.plan END)
  || ' equal of ' || count(*) FROM public.specs s JOIN public.fixture f USING (n)"
all_facts="26 as the fixture, 31 as its input, 31 hash, 31 hash_extended, 31 equal of 31"
check "version 1 values before the update: text, 0.3.0's hashes, = the parsed value" "$all_facts" "$(specs up3 "$spec_facts")"
# a UNION of the stored values and the text-parsed ones hashes and compares
# across the two versions: 10 revenue models, 10 risk profiles, 11 plans
union_count="SELECT (SELECT count(*) FROM (SELECT revenue FROM public.specs WHERE revenue IS NOT NULL
	UNION SELECT txt::aibiz.revenue_model FROM public.specs WHERE kind = 'revenue_model') u)
	|| ' ' || (SELECT count(*) FROM (SELECT risk FROM public.specs WHERE risk IS NOT NULL
	UNION SELECT txt::aibiz.risk_profile FROM public.specs WHERE kind = 'risk_profile') u)
	|| ' ' || (SELECT count(*) FROM (SELECT plan FROM public.specs WHERE plan IS NOT NULL
	UNION SELECT txt::aibiz.plan FROM public.specs WHERE kind = 'plan') u)"
check "stored and text-parsed values are one set under hashing (UNION)" "10 10 11" "$(specs up3 "$union_count")"
check "the hash indexes find every row by its text before the update" "31 of 31" "$(specs up3 "SELECT pg_temp.found()")"
check "the lookups go through the three hash indexes" \
	"Index Scan using specs_revenue_hash on specs; Index Scan using specs_risk_hash on specs; Index Scan using specs_plan_unique on specs" \
	"$(specs up3 "SELECT pg_temp.index_plans()")"
dup_plan="INSERT INTO public.specs (n, kind, txt, plan) SELECT 100, kind, txt, txt::aibiz.plan FROM public.specs WHERE n = 31"
check "the unique hash constraint refuses the text of a stored plan (23P01)" "23P01" \
	"$(psql -X -q -At -d up3 -c "\set VERBOSITY sqlstate" -c "SET ROLE installer" -c "$dup_plan" 2>&1 | sed 's/^ERROR: *//')"
stored_bytes="SELECT sum(octet_length($stored)) || ' bytes (' || sum(coalesce(pg_column_size(s.revenue),
	pg_column_size(s.risk), pg_column_size(s.plan))) || ' on disk)' FROM public.specs s"
v1_bytes=$(specs up3 "$stored_bytes")

check "ALTER EXTENSION aibiz UPDATE from 0.3.0 as the database owner" "" "$(qo up3 "ALTER EXTENSION aibiz UPDATE" 2>&1)"
check "0.3.0 updated to the current version" "0.4.0" \
	"$(q up3 -c "SELECT extversion FROM pg_extension WHERE extname = 'aibiz'")"
check "the values are still of version 1 after the update, byte for byte" "31 of 31" "$(specs up3 "$v1_rows")"
same_answers="SELECT count(*) FILTER (WHERE $answers_of = p.answers) || ' of ' || count(*)
	FROM public.specs s JOIN public.spec_pins p USING (n)"
same_company="SELECT count(*) FILTER (WHERE x.company = p.company) || ' of ' || count(*)
	FROM (SELECT c.c, $company_of) x JOIN public.company_pins p USING (c)"
check "every value's answers after the update are the pinned ones" "31 of 31" "$(specs up3 "$same_answers")"
check "every company's projection, simulation, unit economics and risk impact are the pinned ones" "11 of 11" \
	"$(specs up3 "$same_company")"
check "version 1 values after the update: text, 0.3.0's hashes, = the parsed value" "$all_facts" "$(specs up3 "$spec_facts")"
check "the hash indexes find every row by its text after the update" "31 of 31" "$(specs up3 "SELECT pg_temp.found()")"

# rewrite(): version 2, what text input writes, with the same answers
check "rewrite() of the three columns by the owner" "UPDATE 31" \
	"$(psql -X -At -d up3 -c "SET ROLE installer" -c "UPDATE public.specs SET revenue = aibiz.rewrite(revenue),
	   risk = aibiz.rewrite(risk), plan = aibiz.rewrite(plan)" 2>&1 | tail -n 1)"
text_bytes="CASE s.kind WHEN 'revenue_model' THEN pg_temp.raw(s.txt::aibiz.revenue_model)
	WHEN 'risk_profile' THEN pg_temp.raw(s.txt::aibiz.risk_profile) ELSE pg_temp.raw(s.txt::aibiz.plan) END"
check "the rewritten values are of version 2, byte for byte what text input writes" "31 of 31" \
	"$(specs up3 "SELECT count(*) FILTER (WHERE get_byte($stored, 0) = 2 AND $stored = $text_bytes)
	   || ' of ' || count(*) FROM public.specs s")"
check "every value's answers after rewrite() are the pinned ones" "31 of 31" "$(specs up3 "$same_answers")"
check "every company's answers after rewrite() are the pinned ones" "11 of 11" "$(specs up3 "$same_company")"
check "version 2 values: text, 0.3.0's hashes, = the parsed value" "$all_facts" "$(specs up3 "$spec_facts")"
check "stored and text-parsed values are one set under hashing after rewrite()" "10 10 11" "$(specs up3 "$union_count")"
check "the hash indexes find every row by its text after rewrite()" "31 of 31" "$(specs up3 "SELECT pg_temp.found()")"
check "the unique hash constraint still refuses the text of a stored plan (23P01)" "23P01" \
	"$(psql -X -q -At -d up3 -c "\set VERBOSITY sqlstate" -c "SET ROLE installer" -c "$dup_plan" 2>&1 | sed 's/^ERROR: *//')"
v2_md5="SELECT md5(string_agg($stored, '' ORDER BY s.n)) FROM public.specs s"
v2_before=$(specs up3 "$v2_md5")
q up3 -c "UPDATE public.specs SET revenue = aibiz.rewrite(revenue), risk = aibiz.rewrite(risk), plan = aibiz.rewrite(plan)" >/dev/null
check "rewrite() again leaves version 2 values as they are" "$v2_before" "$(specs up3 "$v2_md5")"
# 62364 bytes in version 1: the sum of the fixture's hex lengths / 2
v2_bytes=$(specs up3 "$stored_bytes")
echo "# stored input values: $v1_bytes in version 1, $v2_bytes in version 2"
check "version 1 values took 62364 bytes" "62364" "${v1_bytes%% *}"
check "rewrite() shrank the stored values ($v1_bytes -> $v2_bytes)" "t" \
	"$([ -n "${v2_bytes%% *}" ] && [ "${v2_bytes%% *}" -lt "${v1_bytes%% *}" ] && echo t || echo f)"

q up3 -c "DROP TABLE public.fixture, public.specs, public.companies3, public.spec_pins, public.company_pins" >/dev/null
if diff -u <(catalog_dump fresh) <(catalog_dump up3); then
	check "0.3.0 updated: schema equals a fresh install" same same
else
	check "0.3.0 updated: schema equals a fresh install" same different
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
