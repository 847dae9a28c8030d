#!/bin/bash
# tests/reliability/migration_v5.sh — a database of schema 5, as version 2
# of healgrid wrote it (tests/data/v5.db, made by tests/data/make-v5-db.sh:
# every kind of row that schema knows), is brought to schema 6 by whatever
# command opens it first: every row of every table intact (signs and care
# assessed as they were, the sign lips at bit 12 kept, photos and profile
# untouched), each action's who not recorded, and the flags actions
# resolved by rule and date become the flags they are for by kind and date
# (breathing a reaction; crusting a cold sore on the face with the risk
# cold-sores, else an infection; precautions dropped, their actions kept;
# two rules of one kind and date one reference).  The version 2 JSON export
# of the same file (tests/data/v5-export.json) imports the same way.  A
# read-only file is checked without being changed; an upgrade that fails
# leaves the file byte for byte as it was.
. "$top_srcdir/tests/lib.sh"

empty_db
want_version=$(sqlite3 "$DB" 'PRAGMA user_version')
want_schema=$(sqlite3 "$DB" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")
is "$want_version" "6" "the current schema is 6"

fresh_copy() {
	cp "$top_srcdir/tests/data/v5.db" "$T/$1"
	chmod 0600 "$T/$1"
	echo "$T/$1"
}

# rows REF FILE: every row of every table REF has but action_flag (which
# the upgrade replaces), every column REF has, read from FILE; quoted.
rows() {
	local t cols order
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table'
			AND name NOT LIKE 'sqlite_%' AND name != 'action_flag' ORDER BY name"); do
		cols=$(sqlite3 "$1" "SELECT group_concat('quote(\"' || name || '\")', ', ')
			FROM pragma_table_info('$t')")
		order=$(sqlite3 "$1" "SELECT group_concat('\"' || name || '\"', ', ')
			FROM pragma_table_info('$t')")
		sqlite3 "$2" "SELECT '$t', $cols FROM \"$t\" ORDER BY $order" || echo "rows: $t: failed"
	done
}

ref=$(fresh_copy ref.db)
is "$(sqlite3 "$ref" 'PRAGMA user_version')" "5" "stored file is schema version 5"
is "$(sqlite3 "$ref" "SELECT (SELECT count(*) FROM treatment), (SELECT count(*) FROM checkin),
	(SELECT count(*) FROM action), (SELECT count(*) FROM action_flag),
	(SELECT count(*) FROM photo), (SELECT count(*) FROM profile)")" "4|9|6|18|1|1" \
	"stored file holds every kind of row"
before=$(rows "$ref" "$ref")
like "$before" "*checkin|4|1|NULL|2|NULL|NULL|4096|''|*" "the comparison sees the version 2 sign lips"
like "$before" "*photo|1|4|2|X'FFD8*" "the comparison sees the photo's bytes"

# What the upgrade makes of the flags the actions resolved.
want_for="1|cold-sore|2026-01-09
1|infection|2026-01-08
1|infection|2026-01-09
2|infection|2026-01-07
4|infection|2026-10-21
5|reaction|2026-11-02
6|bleeding|2026-11-03
6|care|2026-11-03
6|cold-sore|2026-11-03
6|eye|2026-11-03
6|healing|2026-11-03
6|illness|2026-11-03
6|infection|2026-11-03
6|pigment|2026-11-03
6|reaction|2026-11-03"

n=0
for c in check "treatment list" "action list --all" "export --format json" \
	"checkin --treatment 4 --day 3 --redness 1"; do
	n=$((n + 1))
	f=$(fresh_copy "c$n.db")
	# shellcheck disable=SC2086  # $c is a command and its options
	run_raw "$HEALGRID" --db "$f" $c
	expect_status 0 "$c on the schema 5 file"
	is "$err" "" "$c: nothing on stderr"
	is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" "$c: file now at schema $want_version"
	is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" "$want_schema" \
		"$c: schema is the one a new database gets"
	got=$(rows "$ref" "$f")
	case $c in
	checkin*)
		new_day="checkin|4|3|1|NULL|NULL|NULL|NULL|''|"
		is "$(printf '%s\n' "$got" | grep -vF "$new_day")" "$before" "$c: old rows intact"
		is "$(printf '%s\n' "$got" | grep -cF "$new_day")" "1" \
			"$c: the new day added, its signs and care not assessed"
		;;
	*) is "$got" "$before" "$c: every row of every table intact" ;;
	esac
	is "$(sqlite3 "$f" "SELECT action_id, kind, date FROM action_for ORDER BY action_id, kind, date")" \
		"$want_for" "$c: the flags of each action by kind and date"
	is "$(sqlite3 "$f" "SELECT count(*) FROM action WHERE who IS NULL; SELECT count(*) FROM medicine;
		SELECT count(*) FROM checkin WHERE signs IS NULL OR care IS NULL")" "6
0
$([ "$n" = 5 ] && echo 1 || echo 0)" "$c: who not recorded, no medicines, stored days assessed"
	run_raw "$HEALGRID" --db "$f" check
	is "$status:$out:$err" "0:ok:" "$c: check after the upgrade: ok"
done

run_raw "$HEALGRID" --db "$T/c1.db" action list --all --format json
printf '%s\n' "$out" >"$T/actions.json"
is "$(python3 -c '
import json, sys
for a in json.load(open(sys.argv[1]))["actions"]:
    print(a["id"], a["by"], ",".join(a["for"]))
' "$T/actions.json")" "3 None 
1 None infection@3,cold-sore@4
2 None infection@2
4 None infection@6
5 None reaction@1
6 None bleeding@2,care@2,cold-sore@2,eye@2,healing@2,illness@2,infection@2,pigment@2,reaction@1" \
	"action list: by null, the flags as KIND@DAY"
run_raw "$HEALGRID" --db "$T/c1.db" action list --treatment 2
is "$out" "action 2, treatment 2, 2026-01-07, who: not recorded: called the clinic ✓
  for infection@2" "action list: who: not recorded"

# The version 2 JSON export of the same file imports the same way.
run_raw "$HEALGRID" --db "$T/c1.db" export --format json
expect_status 0 "export of the upgraded file"
printf '%s\n' "$out" >"$T/upgraded.json"
like "$out" '{"format": "healgrid-export", "version": 3,*' "the export is of version 3"
like "$out" '*"signs": \["lips-airway"\]*' "the version 2 sign lips is kept, as lips-airway"
run_raw "$HEALGRID" --db "$T/fromjson.db" import "$top_srcdir/tests/data/v5-export.json"
expect_status 0 "import of the version 2 JSON export"
run_raw "$HEALGRID" --db "$T/fromjson.db" export --format json
printf '%s\n' "$out" >"$T/imported.json"
if cmp -s "$T/upgraded.json" "$T/imported.json"; then
	ok "the version 2 JSON imports as the database upgrades: the same export, byte for byte"
else
	not_ok "the version 2 JSON imports as the database upgrades" \
		"$(diff <(tr ',' '\n' <"$T/upgraded.json") <(tr ',' '\n' <"$T/imported.json") | head -20)"
fi
is "$(sqlite3 "$T/fromjson.db" "SELECT action_id, kind, date FROM action_for ORDER BY action_id, kind, date")" \
	"$want_for" "the imported actions' flags by kind and date"

# A read-only schema 5 file: check checks it unchanged; other commands refuse.
f=$(fresh_copy readonly.db)
chmod 0400 "$f"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" check
is "$status:$out" "0:ok" "check on a read-only schema 5 file"
is "$(file_sum "$f")" "$sum" "check: the read-only file is unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "5" "check: still schema 5"
f2=$(fresh_copy readonly-bad.db)
sqlite3 "$f2" "UPDATE checkin SET note = printf('%.2001c', 'x') WHERE treatment_id = 1 AND day = 0"
chmod 0400 "$f2"
sum2=$(file_sum "$f2")
run_raw "$HEALGRID" --db "$f2" check
is "$status" "1" "check on a read-only schema 5 file with a problem: exit 1"
like "$out" "*treatment 1 day 0: note of 2001 bytes (at most 2000)*" "check: the problem found"
is "$(file_sum "$f2")" "$sum2" "check: that file unchanged too"
run_raw "$HEALGRID" --db "$f" treatment list
expect_error 1 "$f: made by an older healgrid (schema 5) and read-only: make it writable once so healgrid can upgrade it; it was not changed" \
	"treatment list on a read-only schema 5 file"
is "$(file_sum "$f")" "$sum" "refused: the file is unchanged"

# An upgrade that fails leaves the file as it was.
f=$(fresh_copy clash.db)
sqlite3 "$f" "CREATE TABLE medicine (x)"
sum=$(file_sum "$f")
run_raw "$HEALGRID" --db "$f" treatment list
expect_error 1 "$f: database error: table medicine already exists" "a step of the upgrade that fails"
is "$(file_sum "$f")" "$sum" "failed upgrade: file unchanged"
is "$(sqlite3 "$f" 'PRAGMA user_version')" "5" "failed upgrade: still schema 5"

done_testing
