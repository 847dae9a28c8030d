#!/bin/bash
# tests/reliability/migration_v3.sh — databases of schema 3 and 4
# (tests/data/v3.db and v4.db, made by tests/data/make-v3-db.sh and
# make-v4-db.sh, every kind of row those schemas know) are brought to the
# current schema by whatever command opens them first, `check` included,
# with every row of every table intact (the twins of version 3 told apart;
# the flags actions resolved, by rule, become the flags they are for, by
# kind, a precaution's dropped; nothing else changed); `check` finds them
# healthy after; a file of a newer schema is refused and left as it was.
. "$top_srcdir/tests/lib.sh"

# What the current schema looks like: a database made fresh.
empty_db
want_version=$(sqlite3 "$DB" 'PRAGMA user_version')
want_schema=$(sqlite3 "$DB" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")

# fresh_copy VERSION NAME: a writable copy of tests/data/vVERSION.db in $T.
fresh_copy() {
	cp "$top_srcdir/tests/data/v$1.db" "$T/$2"
	chmod 0600 "$T/$2"
	echo "$T/$2"
}

# rows REF FILE: every row of every table REF has (but action_flag, which
# the upgrade to schema 6 replaces), every column REF has, read from FILE
# (REF itself, or a file upgraded from it); values quoted, so NULL, '' and
# 0 stay apart, and 1.5 and '1.5' too.
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

renamed="healgrid: %s: treatments that shared a date and area were told apart: treatment 2 \"face\" is now \"face (2)\""

for v in 3 4; do
	ref=$(fresh_copy $v ref$v.db)
	is "$(sqlite3 "$ref" 'PRAGMA user_version')" "$v" "stored file is schema version $v"
	before=$(rows "$ref" "$ref")
	counts=$(sqlite3 "$ref" "SELECT (SELECT count(*) FROM treatment), (SELECT count(*)
		FROM checkin), (SELECT count(*) FROM action), (SELECT count(*) FROM action_flag)")
	is "$counts" "4|8|4|4" \
		"v$v: stored file holds every kind of row"
	like "$before" "*treatment|1|'2026-01-05'|'professional'|1.0|'face'|'numbing cream; hyaluronic serum'|1023|180|'first, \"all risks\"'|4*" \
		"v$v: the comparison sees every column (a treatment in full)"
	like "$before" "*checkin|1|4|NULL|NULL|NULL|NULL|65535|'every sign'|NULL|430|15*" \
		"v$v: every sign, every care item, the highest temperature"
	if [ "$v" = 3 ]; then
		is "$(sqlite3 "$ref" "SELECT count(*) FROM treatment GROUP BY date, area
			HAVING count(*) > 1")" "2" "v3: stored file holds twins of date and area"
		want=$(printf '%s\n' "$before" | sed "s/^treatment|2|\\(.*\\)|'face'|/treatment|2|\\1|'face (2)'|/")
	else
		want=$before
	fi

	# Every command that opens the file upgrades it: check first of all.
	n=0
	for c in check "treatment list" "flags --all" "action list --all" \
		"checkin --treatment 4 --day 2 --redness 1"; do
		n=$((n + 1))
		f=$(fresh_copy $v v$v-c$n.db)
		# shellcheck disable=SC2086  # $c is a command and its options
		run_raw "$HEALGRID" --db "$f" $c
		expect_status 0 "v$v: $c on the old file"
		if [ "$v" = 3 ]; then
			# shellcheck disable=SC2059  # the format is ours
			is "$err" "$(printf "$renamed" "$f")" "v$v: $c: the renamed twin said on stderr"
		else
			is "$err" "" "v$v: $c: nothing on stderr"
		fi
		[ "$c" = check ] && is "$out" "ok" "v$v: check on the old file: ok"
		is "$(sqlite3 "$f" 'PRAGMA user_version')" "$want_version" \
			"v$v: $c: file now at schema $want_version"
		is "$(sqlite3 "$f" "SELECT type, name, sql FROM sqlite_schema ORDER BY name")" \
			"$want_schema" "v$v: $c: schema is the one a new database gets"
		got=$(rows "$ref" "$f")
		case $c in
		checkin*)
			new_day="checkin|4|2|1|NULL|NULL|NULL|NULL|''|"
			is "$(printf '%s\n' "$got" | grep -vF "$new_day")" "$want" \
				"v$v: $c: old rows intact"
			is "$(printf '%s\n' "$got" | grep -cF "$new_day")" "1" "v$v: $c: the new day added"
			;;
		*) is "$got" "$want" "v$v: $c: every row of every table intact" ;;
		esac
		is "$(sqlite3 "$f" "SELECT action_id, kind, date FROM action_for
			ORDER BY action_id, date, kind; SELECT count(*) FROM action WHERE who IS NOT NULL")" \
			"1|infection|2026-01-08
1|infection|2026-01-09
2|infection|2026-01-07
0" "v$v: $c: pus and fever are infections, the precaution dropped, who not recorded"
		is "$(sqlite3 "$f" "SELECT count(*) FROM photo; SELECT count(*) FROM profile")" "0
0" "v$v: $c: photo and profile tables, empty"
		run_raw "$HEALGRID" --db "$f" check
		is "$status:$out:$err" "0:ok:" "v$v: $c: check after the upgrade: ok"
	done

	# A file of a newer schema is refused and left untouched.
	f=$(fresh_copy $v v$v-newer.db)
	sqlite3 "$f" "PRAGMA user_version = $((want_version + 1))"
	sum=$(file_sum "$f")
	for c in check "treatment list"; do
		# shellcheck disable=SC2086  # $c is a command and its options
		run_raw "$HEALGRID" --db "$f" $c
		expect_error 1 "$f: made by a newer healgrid (schema $((want_version + 1)), this one knows $want_version); upgrade healgrid" \
			"v$v: $c on a newer schema is refused"
		is "$(file_sum "$f")" "$sum" "v$v: $c: newer file unchanged"
	done
done

done_testing
