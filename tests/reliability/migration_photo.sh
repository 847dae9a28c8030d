#!/bin/bash
# tests/reliability/migration_v2.sh — a database at schema version 2
# (tests/data/v2-photo.db; see tests/data/make-v2-photo-db.sh) gains the photo and
# profile tables when healgrid first opens it, losing nothing; photos then
# attach to its old days, and a migration that cannot finish leaves the
# file as it was.
. "$top_srcdir/tests/lib.sh"

: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"
v2=$top_srcdir/tests/data/v2-photo.db

empty_db
want_version=$(sqlite3 "$DB" 'PRAGMA user_version')
want_schema=$(sqlite3 "$DB" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")

rows() {
	sqlite3 "$1" "SELECT 'T', id, date, device, depth_mm, area, products, risks,
			window_days, note FROM treatment ORDER BY id;
		SELECT 'C', treatment_id, day, quote(redness), quote(swelling), quote(bruising),
			quote(bleeding), signs, note, updated FROM checkin ORDER BY treatment_id, day"
}
fresh_copy() {
	cp "$v2" "$T/$1"
	chmod 0600 "$T/$1"
	echo "$T/$1"
}

f=$(fresh_copy probe.db)
is "$(sqlite3 "$f" 'PRAGMA user_version')" "2" "stored file is schema version 2"
is "$(sqlite3 "$f" "SELECT count(*) FROM sqlite_schema WHERE name IN ('photo', 'profile')")" "0" \
	"stored file has no photo or profile table"
v2_rows=$(rows "$f")
is "$(printf '%s\n' "$v2_rows" | grep -c '^C')" "9" "stored file holds 9 check-ins"

for c in "photo list --treatment 2" "profile" "treatment list" "show --treatment 2"; do
	f=$(fresh_copy "m${c%% *}.db")
	# shellcheck disable=SC2086  # $c is a command and its options
	run_raw "$HEALGRID" --db "$f" $c
	expect_status 0 "$c on the version 2 file"
	is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "$c: file now at schema $want_version"
	is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" "$want_schema" \
		"$c: schema is the one a new database gets"
	is "$(rows "$f")" "$v2_rows" "$c: every row intact"
	is "$(sqlite3 "$f" 'PRAGMA integrity_check; PRAGMA foreign_key_check')" "ok" "$c: integrity ok"
done

# The upgraded file takes photos on its old days, and a profile.
f=$T/mphoto.db
"$MKIMG" jpeg "$T/p.jpg" 320 240
run_raw "$HEALGRID" --db "$f" checkin --treatment 2 --day 7 --photo "$T/p.jpg"
expect_status 0 "a photo on an old day of the upgraded file"
is "$(sqlite3 "$f" 'SELECT treatment_id, day, width, height FROM photo')" "2|7|320|240" "stored on that day"
is "$(rows "$f" | grep -v '^C|2|7|')" "$(printf '%s\n' "$v2_rows" | grep -v '^C|2|7|')" \
	"the other rows untouched"
is "$(sqlite3 "$f" "SELECT quote(redness), note FROM checkin WHERE treatment_id = 2 AND day = 7")" \
	"1|calmer today" "the old day keeps its ratings and note"
run_raw "$HEALGRID" --db "$f" profile --name Ana --format json
is "$out" '{"profile": {"name": "Ana", "born": null, "clinic": ""}}' "a profile on the upgraded file"

# A step that cannot finish (the table exists already) changes nothing.
f=$(fresh_copy clash.db)
sqlite3 "$f" "CREATE TABLE photo (x)"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" photo list
expect_error 1 "$f: database error: table photo already exists" "a migration step that fails"
is "$(file_sum "$f")" "$sum" "failed migration: file unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "2" "failed migration: still schema 2"

done_testing
