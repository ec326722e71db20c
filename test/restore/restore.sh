#!/usr/bin/env bash
# restore.sh — dump and restore matrix of a database using aibiz.
#
# In a throwaway cluster (pg_virtualenv) it builds a source database with
# test/restore/setup.sql: user rows in the extension's editable tables
# (markets, cases, companies pointing at user-added and shipped markets) and
# user tables holding values of every aibiz type.  Then for each format
# (plain through psql, custom, directory) and each restore mode (serial,
# pg_restore -j 2 for the archive formats) it dumps, restores into a fresh
# database and checks: the dump and restore exit 0 and print nothing on
# stderr, and every table and sequence reads back byte for byte (an md5 of
# the rows' text forms and of a binary COPY, and the row count).
#
# A second source database adds an edit of a shipped row
# (UPDATE aibiz.markets SET builtin = false WHERE id = 3): the extension may
# refuse that edit (an error), which passes; if it accepts it, the same
# matrix must keep every row of that database too.
#
# Prints one line per case and ends with "N passed, N failed".  Run it with
# the extension installed, under the install lock:
#   flock /tmp/aibiz-pg.lock bash test/restore/restore.sh
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 1
if [ -z "${AIBIZ_RESTORE_STATUS:-}" ]; then
	# the inner run exits 0 and leaves its verdict in a file, so that a
	# failing case does not also dump the throwaway server's log
	status=$(mktemp /tmp/aibiz-restore-status.XXXXXX)
	chmod 666 "$status"
	AIBIZ_RESTORE_STATUS=$status pg_virtualenv -t -v 15 bash "$0" "$@"
	rc=$?
	verdict=$(cat "$status")
	rm -f "$status"
	[ "$rc" -eq 0 ] && [ "$verdict" = ok ]
	exit
fi

PGBIN=/usr/lib/postgresql/15/bin
TABLES="aibiz.markets aibiz.cases aibiz.companies public.models public.projections
	public.simulations public.portfolios public.flows public.notes"
SEQUENCES="aibiz.markets_id_seq aibiz.cases_id_seq aibiz.companies_id_seq
	public.models_id_seq public.notes_id_seq"
WORK=$(mktemp -d /tmp/aibiz-restore.XXXXXX)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
pass=0
fail=0

# psql with no startup file, unaligned tuples only, stopping on the first error
q() {
	"$PGBIN/psql" -X -At -v ON_ERROR_STOP=1 "$@"
}

# one line per table and sequence of database $1: name, row count, md5 of
# the rows' text forms, md5 of their binary COPY
digest() {
	local db=$1 t text bin
	for t in $TABLES; do
		text=$(q -d "$db" -c "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '-') FROM $t t") || return 1
		bin=$(q -d "$db" -c "COPY (SELECT * FROM $t t ORDER BY t::text) TO STDOUT (FORMAT binary)" | md5sum) || return 1
		echo "$t $text ${bin%% *}"
	done
	for t in $SEQUENCES; do
		echo "$t $(q -d "$db" -c "SELECT last_value || ' ' || is_called FROM $t")" || return 1
	done
}

# print a case's verdict and count it: verdict name [details file]
verdict() {
	if [ "$1" = ok ]; then
		pass=$((pass + 1))
		echo "ok   $2"
	else
		fail=$((fail + 1))
		echo "FAIL $2"
		[ -n "${3:-}" ] && sed 's/^/     | /' "$3" | head -n 30
	fi
	return 0
}

# dump database $1 in format $2 (plain, custom, directory), restore it into
# a fresh database with $3 jobs, compare with the source's digest $4
run_case() {
	local src=$1 fmt=$2 jobs=$3 expect=$4 name dst file log rc=0
	name="$src $fmt $([ "$jobs" -gt 1 ] && echo "-j $jobs" || echo serial)"
	dst="dst_${fmt}_$jobs"
	file="$WORK/$src.$fmt"
	log="$WORK/log"
	: >"$log"
	rm -rf "$file"
	"$PGBIN/createdb" -T template0 "$dst" 2>>"$log" || rc=1
	"$PGBIN/pg_dump" --format="$fmt" --file="$file" "$src" 2>>"$log" || rc=1
	if [ "$fmt" = plain ]; then
		"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$dst" -f "$file" >/dev/null 2>>"$log" || rc=1
	else
		"$PGBIN/pg_restore" --jobs="$jobs" --dbname="$dst" "$file" 2>>"$log" || rc=1
	fi
	if [ "$rc" -ne 0 ] || [ -s "$log" ]; then
		echo "(dump or restore exit status $rc; its stderr above)" >>"$log"
		rc=1
	fi
	if ! digest "$dst" >"$WORK/got" 2>>"$log"; then
		rc=1
	elif ! diff "$expect" "$WORK/got" >"$WORK/diff"; then
		echo "tables differing (< source, > restored: name rows md5-text md5-binary):" >>"$log"
		cat "$WORK/diff" >>"$log"
		rc=1
	fi
	if [ "$rc" -eq 0 ]; then verdict ok "$name"; else verdict FAIL "$name" "$log"; fi
	"$PGBIN/dropdb" --if-exists "$dst" 2>/dev/null
}

# the matrix for source database $1
matrix() {
	local src=$1 fmt
	digest "$src" >"$WORK/$src.digest" || { verdict FAIL "$src digest"; return; }
	run_case "$src" plain 1 "$WORK/$src.digest"
	for fmt in custom directory; do
		run_case "$src" "$fmt" 1 "$WORK/$src.digest"
		run_case "$src" "$fmt" 2 "$WORK/$src.digest"
	done
}

start=$(date +%s)
"$PGBIN/createdb" src || exit 1
if q -q -d src -f test/restore/setup.sql >"$WORK/setup.log" 2>&1; then
	verdict ok "setup"
	matrix src

	# an edit of a shipped row: refused, or kept by every restore
	"$PGBIN/createdb" -T src src_edit || exit 1
	if q -d src_edit -c "UPDATE aibiz.markets SET builtin = false WHERE id = 3" \
		>"$WORK/edit.log" 2>&1; then
		echo "     (UPDATE aibiz.markets SET builtin = false WHERE id = 3 was accepted; every restore must keep it)"
		matrix src_edit
	else
		verdict ok "src_edit: UPDATE of a shipped row refused: $(grep -m1 ERROR "$WORK/edit.log")"
	fi

	# a database whose owner, not a superuser, installed the extension (a
	# trusted install: the schema belongs to that owner); a superuser's dump
	# and restore must keep everything as well
	if q -d postgres -c "CREATE ROLE abz_owner" >/dev/null 2>"$WORK/owner.log" &&
		"$PGBIN/createdb" -O abz_owner src_owner 2>>"$WORK/owner.log" &&
		q -q -d src_owner -c "SET ROLE abz_owner" -f test/restore/setup.sql \
			>>"$WORK/owner.log" 2>&1; then
		verdict ok "setup of src_owner (installed by its non-superuser owner)"
		matrix src_owner
	else
		verdict FAIL "setup of src_owner" "$WORK/owner.log"
	fi
else
	verdict FAIL "setup" "$WORK/setup.log"
fi
echo "restore matrix took $(($(date +%s) - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ] && echo ok >"$AIBIZ_RESTORE_STATUS"
exit 0
