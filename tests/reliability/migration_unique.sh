#!/bin/bash
# tests/reliability/migration_unique.sh — the upgrade that makes treatments
# unique by date and area, from a stored file of the version before
# (tests/data/v2dup.db, schema 2; see tests/data/make-v2dup-db.sh): twins
# get distinct areas ("face (2)"), said once on stderr, nothing else
# changes, and a UNIQUE index keeps it so.
. "$top_srcdir/tests/lib.sh"

src=$top_srcdir/tests/data/v2dup.db
fresh_copy() {
	cp "$src" "$T/$1"
	chmod 0600 "$T/$1"
	echo "$T/$1"
}
rows() {
	sqlite3 "$1" "SELECT 'T', id, date, device, depth_mm, area, products, risks,
			window_days, note FROM treatment ORDER BY id;
		SELECT 'C', treatment_id, day, quote(redness), quote(swelling), quote(bruising),
			quote(bleeding), signs, note, updated FROM checkin ORDER BY treatment_id, day"
}

empty_db
want_version=$(sqlite3 "$DB" 'PRAGMA user_version')
want_schema=$(sqlite3 "$DB" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")

f=$(fresh_copy probe.db)
is "$(sqlite3 "$f" 'PRAGMA user_version')" "2" "stored file is schema version 2"
is "$(sqlite3 "$f" "SELECT count(*) FROM treatment GROUP BY date, area HAVING count(*) > 1 ORDER BY 1")" "2
3" "stored file holds twins (two and three of a kind)"
before=$(rows "$f")

f=$(fresh_copy up.db)
run_raw "$HEALGRID" --db "$f" treatment list
expect_status 0 "treatment list on the old file"
is "$err" "healgrid: $f: treatments that shared a date and area were told apart: treatment 3 \"face\" is now \"face (2)\"; treatment 4 \"face\" is now \"face (3)\"; treatment 8 \"face\" is now \"face (treatment 8)\"" \
	"the renames are said in one line on stderr"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "file now at schema $want_version"
is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" "$want_schema" \
	"schema is the one a new database gets"
is "$(sqlite3 "$f" "SELECT id, area FROM treatment ORDER BY id")" "1|face
2|neck
3|face (2)
4|face (3)
5|face
6|face (2)
7|face
8|face (treatment 8)" "the first of each twin keeps its area, the others are numbered"
want=$(printf '%s\n' "$before" | sed -e 's/^T|3|\(.*\)|face|/T|3|\1|face (2)|/' \
	-e 's/^T|4|\(.*\)|face|/T|4|\1|face (3)|/' -e 's/^T|8|\(.*\)|face|/T|8|\1|face (treatment 8)|/')
is "$(rows "$f")" "$want" "nothing else changed: every check-in and field intact"
is "$(sqlite3 "$f" 'PRAGMA integrity_check; PRAGMA foreign_key_check')" "ok" "integrity ok"
is "$(sqlite3 "$f" "SELECT count(*) FROM sqlite_temp_schema")" "0" "no table left behind"

run_raw "$HEALGRID" --db "$f" treatment list
is "$status:$err" "0:" "said once: the next open is silent"
if sqlite3 "$f" "INSERT INTO treatment (date, area) VALUES ('2026-10-01', 'face')" 2>/dev/null; then
	not_ok "the database itself refuses a twin"
else
	ok "the database itself refuses a twin"
fi

# Writing commands upgrade too, and the twin they then name is distinct.
f=$(fresh_copy w.db)
run_raw "$HEALGRID" --db "$f" checkin --treatment 4 --day 2 --redness 1
expect_status 0 "checkin on the old file"
like "$err" "healgrid: $f: treatments that shared a date and area were told apart: *" "checkin says so too"
is "$(sqlite3 "$f" "SELECT area FROM treatment WHERE id = 4")" "face (3)" "checkin: renamed"

# An old file without twins upgrades silently.
f=$(fresh_copy clean.db)
sqlite3 "$f" "PRAGMA foreign_keys = ON; DELETE FROM treatment WHERE id IN (3, 4, 8)"
run_raw "$HEALGRID" --db "$f" show --treatment 1
is "$status:$err" "0:" "no twins: upgraded without a word"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "no twins: file upgraded"

done_testing
