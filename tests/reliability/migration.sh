#!/bin/bash
# tests/reliability/migration.sh — a database written by the first healgrid
# (tests/data/v1.db, schema version 1; see tests/data/make-v1-db.sh) is
# brought to the current schema by whatever command opens it first, in one
# transaction, with every treatment and check-in intact; a migration that
# cannot finish leaves the file byte for byte as it was.
. "$top_srcdir/tests/lib.sh"

v1=$top_srcdir/tests/data/v1.db

# What the current schema looks like: a database made fresh.
empty_db
want_version=$(sqlite3 "$DB" 'PRAGMA user_version')
want_schema=$(sqlite3 "$DB" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")
[ "$want_version" -gt 1 ] && ok "current schema is newer than 1 ($want_version)" ||
	not_ok "current schema is newer than 1" "got $want_version"

# fresh_copy NAME: a writable copy of v1.db in $T (the source tree may be
# read-only, and SQLite needs to write beside a WAL database even to read).
fresh_copy() {
	cp "$v1" "$T/$1"
	chmod 0600 "$T/$1"
	echo "$T/$1"
}

# rows FILE: every row of every table the stored file has, every column it
# has, read from FILE (the same file, or one upgraded from it); values
# quoted, so NULL, '' and 0 stay apart, and 1.5 and '1.5' too.  Columns
# and tables a migration adds are left out; a migration that changes what
# a stored value means must say so here.
ref=$(fresh_copy reference.db)
rows() {
	local t cols order
	for t in $(sqlite3 "$ref" "SELECT name FROM sqlite_schema WHERE type = 'table'
			AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
		cols=$(sqlite3 "$ref" "SELECT group_concat('quote(\"' || name || '\")', ', ')
			FROM pragma_table_info('$t')")
		order=$(sqlite3 "$ref" "SELECT group_concat('\"' || name || '\"', ', ')
			FROM pragma_table_info('$t')")
		sqlite3 "$1" "SELECT '$t', $cols FROM \"$t\" ORDER BY $order" || echo "rows: $t: failed"
	done
}

f=$(fresh_copy probe.db)
is "$(sqlite3 "$f" 'PRAGMA user_version')" "1" "stored file is schema version 1"
is "$(sqlite3 "$f" 'PRAGMA application_id')" "1214728548" "stored file carries healgrid's application_id"
is "$(sqlite3 "$f" "SELECT count(*) FROM pragma_table_info('checkin') WHERE name = 'updated'")" "0" \
	"stored file has the old check-in table"
v1_rows=$(rows "$f")
is "$(printf '%s\n' "$v1_rows" | grep -c '^checkin|')" "8" "stored file holds 8 check-ins"
is "$(printf '%s\n' "$v1_rows" | grep -c '^treatment|')" "2" "stored file holds 2 treatments"
like "$v1_rows" "*treatment|2|'2026-10-27'|'professional'|1.5|'face and neck'|'hyaluronic serum; numbing cream'|144|42|'clinic on Rue Haute'*" \
	"the comparison sees every column (a treatment in full)"

# Every command that opens the database migrates it; reading commands show
# the old data, and no row is lost or altered.
commands=("show --treatment 2" "treatment list" "due" "checkin --treatment 2 --day 6 --redness 1")
for extra in flags report export check; do
	"$HEALGRID" --help | grep -q "^  $extra " && commands+=("$extra")
done
n=0
for c in "${commands[@]}"; do
	n=$((n + 1))
	f=$(fresh_copy "c$n.db")
	# shellcheck disable=SC2086  # $c is a command and its options
	run_raw "$HEALGRID" --db "$f" $c
	case $c in
	due) like "$status:$out" "0:treatment 2 (face and neck, 2026-10-27): day 14 is not checked in yet*" "due on the old file" ;;
	*) expect_status 0 "$c on the old file" ;;
	esac
	is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "$c: file now at schema $want_version"
	is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" "$want_schema" \
		"$c: schema is the one a new database gets"
	got=$(rows "$f")
	case $c in
	checkin*)
		new_day="checkin|2|6|1|NULL|NULL|NULL|NULL|''"
		is "$(printf '%s\n' "$got" | grep -vxF "$new_day")" "$v1_rows" "$c: old rows intact"
		is "$(printf '%s\n' "$got" | grep -cxF "$new_day")" "1" "$c: the new day added"
		is "$(sqlite3 "$f" 'SELECT updated IS NOT NULL FROM checkin WHERE day = 6')" "1" \
			"$c: the new column is filled for the new day"
		;;
	*) is "$got" "$v1_rows" "$c: every row intact" ;;
	esac
	is "$(sqlite3 "$f" 'PRAGMA integrity_check; PRAGMA foreign_key_check')" "ok" "$c: integrity ok"
done

run_raw "$HEALGRID" --db "$T/c1.db" show --treatment 2
like "$out" "*treatment 2 - face and neck - 2026-10-27*" "migrated file shows the old treatment"
like "$out" "* 3 - 1 - *" "migrated file shows old ratings, unrated kept apart"

# Several healgrids meeting the old file at once: one migrates, the others
# see it done (the version is read again under the write lock).
f=$(fresh_copy race.db)
pids=()
for i in 1 2 3 4 5 6 7 8; do
	"$HEALGRID" --db "$f" treatment list >"$T/race$i.out" 2>&1 &
	pids+=($!)
done
bad=0
for p in "${pids[@]}"; do wait "$p" || bad=$((bad + 1)); done
is "$bad" "0" "8 healgrids opening the old file at once all succeed"
[ "$bad" -eq 0 ] || cat "$T"/race*.out | sed 's/^/# /'
is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "raced file at the current schema"
is "$(rows "$f")" "$v1_rows" "raced file: every row intact"

# A migration that cannot finish leaves the file unchanged.
# (1) a step fails: this v1 file already has a column the step adds.
f=$(fresh_copy clash.db)
sqlite3 "$f" "ALTER TABLE checkin ADD COLUMN updated TEXT"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" show
expect_error 1 "$f: database error: duplicate column name: updated" "a migration step that fails"
is "$(file_sum "$f")" "$sum" "failed migration: file unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "1" "failed migration: still schema 1"

# (2) the file is read-only.
f=$(fresh_copy readonly.db)
chmod 0400 "$f"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" treatment list
expect_error 1 "$f: made by an older healgrid (schema 1) and read-only: make it writable once so healgrid can upgrade it; it was not changed" \
	"an old read-only file"
is "$(file_sum "$f")" "$sum" "read-only old file unchanged"
# check reads it through an upgraded copy in memory: it checks, and the
# file stays as it is.
run_raw "$HEALGRID" --db "$f" check
is "$status:$out" "0:ok" "check on an old read-only file checks it"
is "$(file_sum "$f")" "$sum" "check: the read-only old file unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "1" "check: still schema 1"

# (3) another program holds the write lock past the busy timeout.
f=$(fresh_copy locked.db)
sum=$(file_sum "$f")
coproc LOCKER { python3 -u -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("locked")
sys.stdin.readline()
c.execute("ROLLBACK")
' "$f"; }
line=
read -r -t 30 line <&"${LOCKER[0]}"
is "$line" "locked" "another writer holds the old file"
run_raw "$HEALGRID" --db "$f" show
expect_error 1 "$f: database is locked by another program (waited 5 s); try again" \
	"migration blocked by another writer"
echo >&"${LOCKER[1]}"
wait "$LOCKER_PID"
is "$(file_sum "$f")" "$sum" "blocked migration: file unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "1" "blocked migration: still schema 1"
run_raw "$HEALGRID" --db "$f" show
expect_status 0 "once the lock is gone the migration runs"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "and the file is current"

# ---- schema 2 -> current: tests/data/v2.db (see tests/data/make-v2-db.sh)
# holds every kind of row schema 2 knows.  The step rebuilds both tables
# (their CHECK constraints said 90 days) and adds the new ones.
v2=$top_srcdir/tests/data/v2.db
rows2() {
	sqlite3 "$1" "SELECT 'T', id, date, device, quote(depth_mm), area, products, risks,
			window_days, note FROM treatment ORDER BY id;
		SELECT 'C', treatment_id, day, quote(redness), quote(swelling), quote(bruising),
			quote(bleeding), signs, note, quote(updated) FROM checkin
			ORDER BY treatment_id, day"
}
cp "$v2" "$T/v2.db"
chmod 0600 "$T/v2.db"
f=$T/v2.db
is "$(sqlite3 "$f" 'PRAGMA user_version')" "2" "stored v2 file is schema version 2"
v2_rows=$(rows2 "$f")
is "$(printf '%s\n' "$v2_rows" | grep -c '^C')" "7" "stored v2 file holds 7 check-ins"
run_raw "$HEALGRID" --db "$f" treatment list
expect_status 0 "treatment list on the v2 file"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "v2 file now at schema $want_version"
is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" "$want_schema" \
	"v2 file: schema is the one a new database gets"
is "$(rows2 "$f")" "$v2_rows" "v2 file: every row intact, save stamps included"
is "$(sqlite3 "$f" "SELECT count(*) FROM checkin WHERE temperature_dc IS NOT NULL OR care != 0;
	SELECT count(*) FROM treatment WHERE skin_type IS NOT NULL;
	SELECT count(*) FROM action; SELECT count(*) FROM action_for")" "0
0
0
0" "v2 file: new fields empty, no actions"
is "$(sqlite3 "$f" "SELECT name FROM sqlite_schema WHERE name IN ('checkin', 'treatment_by_date')
	AND (sql LIKE '%WITHOUT ROWID%' OR type = 'index') ORDER BY name")" "checkin
treatment_by_date" "v2 file: check-ins stay WITHOUT ROWID, the date index is back"
is "$(sqlite3 "$f" 'PRAGMA integrity_check; PRAGMA foreign_key_check')" "ok" "v2 file: integrity ok"
is "$(sqlite3 "$f" 'PRAGMA foreign_keys = ON; UPDATE treatment SET window_days = 180 WHERE id = 2;
	INSERT INTO checkin (treatment_id, day) VALUES (2, 179); SELECT changes()' 2>&1)" "1" \
	"v2 file: windows and days up to 180 now hold"
is "$(sqlite3 "$f" 'PRAGMA foreign_keys = ON; DELETE FROM treatment WHERE id = 2;
	SELECT count(*) FROM checkin WHERE treatment_id = 2')" "0" \
	"v2 file: check-ins still go with their treatment"

# A database of a newer schema is refused and left untouched.
cp "$v2" "$T/newer.db"
chmod 0600 "$T/newer.db"
f=$T/newer.db
sqlite3 "$f" "PRAGMA user_version = $((want_version + 1))"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" treatment list
expect_error 1 "$f: made by a newer healgrid (schema $((want_version + 1)), this one knows $want_version); upgrade healgrid" \
	"a newer schema is refused"
is "$(file_sum "$f")" "$sum" "newer file unchanged"

done_testing
