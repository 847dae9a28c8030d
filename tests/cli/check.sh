#!/bin/bash
# tests/cli/check.sh — `healgrid check`: ok and exit 0 on a healthy
# database; one line per problem and exit 1 on a damaged page or on rows
# that break healgrid's rules (written behind its back with the sqlite3
# shell); exit 2 on bad usage; never writes, never creates a database.
. "$top_srcdir/tests/lib.sh"

# No database: said so, exit 1, and none is made.
run check
expect_error 1 "no database at $DB; start with \`healgrid treatment add --date D\`" \
	"check without a database"
[ ! -e "$DB" ] && ok "check creates no database" || not_ok "check creates no database"

# Healthy: a few hundred check-ins over several pages.
awk -v n=600 -f "$top_srcdir/tests/cli/gen_csv.awk" >"$T/many.csv"
run import "$T/many.csv"
expect_status 0 "import 600 check-ins"
pages=$(sqlite3 "$DB" 'PRAGMA page_count')
[ "$pages" -ge 8 ] && ok "the database spans several pages ($pages)" ||
	not_ok "the database spans several pages" "got $pages"
run check
expect_status 0 "check on a healthy database"
is "$out" "ok" "healthy: prints ok"
is "$err" "" "healthy: nothing on stderr"

# Bad usage.
run check extra
expect_error 2 "check: unexpected argument \"extra\"" "check with an argument"
run check --bogus
expect_status 2 "check with an unknown option"
run check --help
like "$out" "usage: healgrid check*" "check --help"

# A check-in day outside its window, written by the sqlite3 shell.
cp "$DB" "$T/healthy.db"
sqlite3 "$DB" "INSERT INTO checkin (treatment_id, day, redness) VALUES (3, 40, 2)"
sum=$(file_sum "$DB")
run check
expect_status 1 "a day outside its window"
is "$err" "healgrid: $DB: 1 problem found" "a day outside its window: the count on stderr"
is "$out" "treatment 3: day 40 outside its window (days 0-27)" \
	"names the treatment and the day"
is "$(file_sum "$DB")" "$sum" "check changed nothing"

# Rules the schema's CHECK constraints hold, broken with those off.
cp "$T/healthy.db" "$DB"
sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1;
	UPDATE checkin SET swelling = 7 WHERE treatment_id = 2 AND day = 5;
	UPDATE treatment SET date = '2026-02-30' WHERE id = 4;
	UPDATE checkin SET note = printf('%.2001c', 'x') WHERE treatment_id = 5 AND day = 1;
	INSERT INTO checkin (treatment_id, day, redness) VALUES (99, 1, 1);"
run check
expect_status 1 "broken rules"
like "$out" "*treatment 2 day 5: swelling rated 7 (0-3 or none)*" "names a rating out of range"
like "$out" "*treatment 4: date \"2026-02-30\" is not a real date*" "names a date that is not real"
like "$out" "*treatment 5 day 1: note of 2001 bytes (at most 2000)*" "names a note too long"
like "$out" "*checkin row ?: refers to a missing treatment*" "names a check-in of no treatment"
lines=$(printf '%s\n' "$out" | wc -l | tr -d ' ')
[ "$lines" -ge 4 ] && ok "one line per problem ($lines)" || not_ok "one line per problem" "$out"
is "$err" "healgrid: $DB: $lines problems found" "the count on stderr"

# A page overwritten in the middle of the file (not the header page).
cp "$T/healthy.db" "$DB"
psize=$(sqlite3 "$DB" 'PRAGMA page_size')
page=$((pages / 2 + 1))
head -c "$psize" /dev/zero | tr '\0' 'x' |
	dd of="$DB" bs="$psize" seek=$((page - 1)) conv=notrunc status=none
run check
expect_status 1 "a page overwritten (page $page of $pages)"
like "$out" "*Page $page:*" "the damaged page is named"
like "$err" "healgrid: $DB: * found" "the count on stderr"
[ -n "$out" ] && [ "$(printf '%s\n' "$out" | grep -c '^ok$')" -eq 0 ] &&
	ok "not ok for a damaged page" || not_ok "not ok for a damaged page" "$out"

# ---- the version 2 data: a database with every kind of row ----------------
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"
DB="$T/rich.db"
"$MKIMG" jpeg "$T/photo.jpg" 800 600
"$MKIMG" png "$T/photo.png" 64 48
run treatment add --date 2026-11-01 --skin-type IV --risk dark-skin,weak-immunity \
	--window 14 --depth 1.5 --products "numbing cream" --note "first"
run treatment add --date 2026-11-01 --area neck --window 180
run checkin --treatment 1 --day 2 --redness 2 --swelling - --sign pus,warmth --temp 38.4 \
	--care sunscreen,actives --photo "$T/photo.jpg" --photo "$T/photo.png" --note "hot"
expect_status 0 "a check-in with temperature, care and two photos"
run checkin --treatment 1 --day 3 --temp 100.8F --care sun,makeup --note "better"
run checkin --treatment 2 --day 0 --bleeding 1 --photo "$T/photo.jpg"
run action add --treatment 1 --date 2026-11-04 --text "saw GP, cefalexin" --by clinician \
	--for infection@2,care@2
expect_status 0 "an action for two flags"
run action add --treatment 1 --text "cold compress"
run medicine add --treatment 1 --name cefalexin --dose "500 mg four times a day" \
	--from 2026-11-04 --days 7
expect_status 0 "a medicine"
run medicine add --treatment 2 --name "vitamin C"
run profile --name "Ann Example" --born 1990-04-02 --clinic "Skin Clinic"
expect_status 0 "a profile"
counts=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM treatment WHERE skin_type IS NOT NULL),
	(SELECT count(*) FROM checkin WHERE temperature_dc IS NOT NULL AND care != 0),
	(SELECT count(*) FROM action), (SELECT count(*) FROM action_for),
	(SELECT count(*) FROM photo), (SELECT count(*) FROM profile WHERE born IS NOT NULL),
	(SELECT count(*) FROM medicine), (SELECT count(*) FROM checkin WHERE signs IS NULL),
	(SELECT count(*) FROM action WHERE who IS NOT NULL)")
is "$counts" "1|2|2|2|3|1|2|2|2" "every kind of row is there (not assessed signs too)"
run check
expect_status 0 "check on a database with every kind of row"
is "$out" "ok" "every kind of row: prints ok"
is "$err" "" "every kind of row: nothing on stderr"
cp "$DB" "$T/rich-healthy.db"

# break SQL...: a copy of the healthy database with the sqlite3 shell's SQL
# applied, CHECK constraints off (foreign keys are off in the shell).
break_db() {
	cp "$T/rich-healthy.db" "$DB"
	sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1; $1"
}
# broken SQL LINE WHAT: that breakage is found, the problem named in LINE,
# exit 1, and the file left as it was.
broken() {
	local sum
	break_db "$1"
	sum=$(file_sum "$DB")
	run check
	expect_status 1 "$3"
	case $out in
	*"$2"*) ok "$3: names it" ;;
	*) not_ok "$3: names it" "got:  $out" "want a line: $2" ;;
	esac
	like "$err" "healgrid: $DB: * found" "$3: the count on stderr"
	is "$(file_sum "$DB")" "$sum" "$3: check changed nothing"
}

broken "UPDATE treatment SET window_days = 181 WHERE id = 2" \
	"treatment 2: window of 181 days outside 7-180" "a window over 180 days"
broken "UPDATE treatment SET window_days = 6 WHERE id = 1" \
	"treatment 1: window of 6 days outside 7-180" "a window under 7 days"
broken "UPDATE treatment SET window_days = 200 WHERE id = 2;
	INSERT INTO checkin (treatment_id, day, redness) VALUES (2, 180, 1)" \
	"treatment 2: day 180 outside its window (days 0-179)" "day 180 in a window of 200"
broken "INSERT INTO checkin (treatment_id, day, redness) VALUES (1, -1, 1)" \
	"treatment 1: day -1 outside its window (days 0-13)" "a day before day 0"
broken "UPDATE checkin SET temperature_dc = 431 WHERE treatment_id = 1 AND day = 2" \
	"treatment 1 day 2: temperature 43.1 outside 34.0-43.0 °C" "a temperature over 43.0"
broken "UPDATE checkin SET temperature_dc = 339 WHERE treatment_id = 1 AND day = 3" \
	"treatment 1 day 3: temperature 33.9 outside 34.0-43.0 °C" "a temperature under 34.0"
broken "UPDATE checkin SET temperature_dc = 38.4 WHERE treatment_id = 1 AND day = 3" \
	"treatment 1 day 3: temperature stored as 38.4, not in whole tenths of a degree" \
	"a temperature stored in degrees, not tenths"
broken "UPDATE treatment SET skin_type = 7 WHERE id = 1" \
	"treatment 1: skin type 7 (1-6 or none)" "a skin type of 7"
broken "UPDATE treatment SET skin_type = 0 WHERE id = 2" \
	"treatment 2: skin type 0 (1-6 or none)" "a skin type of 0"
broken "UPDATE checkin SET care = care | 64 WHERE treatment_id = 1 AND day = 3" \
	"treatment 1 day 3: unknown care items (bits 64)" "an unknown care bit"
broken "UPDATE checkin SET signs = signs | 1073741824 WHERE treatment_id = 1 AND day = 2" \
	"treatment 1 day 2: unknown signs (bits 1073741824)" "an unknown sign bit"
broken "UPDATE treatment SET risks = risks | 65536 WHERE id = 2" \
	"treatment 2: unknown risks (bits 65536)" "an unknown risk bit"
broken "UPDATE action SET text = '' WHERE id = 2" \
	"action 2: text of 0 bytes (1-500)" "an action with no text"
broken "UPDATE action SET text = printf('%.501c', 'x') WHERE id = 1" \
	"action 1: text of 501 bytes (1-500)" "an action text of 501 bytes"
broken "UPDATE action SET date = '2026-11-31' WHERE id = 2" \
	"action 2: date \"2026-11-31\" is not a real date" "an action date that is not real"
broken "UPDATE action_for SET kind = 'pox' WHERE kind = 'infection'" \
	"action 1: is for a flag of unknown kind \"pox\" (2026-11-03)" \
	"an action for a kind of flag that does not exist"
broken "UPDATE action_for SET date = '2026-11-00' WHERE kind = 'care'" \
	"action 1: is for care on \"2026-11-00\", which is not a real date" \
	"an action for a flag on a date that is not real"
broken "UPDATE action SET who = 'doctor' WHERE id = 1" \
	"action 1: who is 'doctor' (clinician, self or not recorded)" "an action's who unknown"
broken "UPDATE medicine SET date_from = '2026-02-30' WHERE id = 1" \
	"medicine 1: from \"2026-02-30\" is not a real date" "a medicine's date that is not real"
broken "UPDATE medicine SET date_to = '2026-11-03' WHERE id = 1" \
	"medicine 1: ends 2026-11-03, before it starts (2026-11-04)" "a medicine ending before it starts"
broken "UPDATE medicine SET name = printf('%.101c', 'x') WHERE id = 2" \
	"medicine 2: name of 101 bytes (1-100), dose of 0 bytes (at most 100)" \
	"a medicine's name over 100 bytes"
broken "UPDATE photo SET jpeg = substr(jpeg, 1, 2000), bytes = 2000 WHERE id = 1" \
	"treatment 1 day 2: photo 1: not a whole JPEG image" "a photo cut short"
broken "UPDATE photo SET jpeg = zeroblob(500), bytes = 500 WHERE id = 3" \
	"treatment 2 day 0: photo 3: not a JPEG image" "a photo that is not a JPEG"
broken "UPDATE photo SET width = 640 WHERE id = 1" \
	"treatment 1 day 2: photo 1 is 800x600 px, stored as 640x600" \
	"a photo whose stored size is wrong"
broken "UPDATE photo SET thumb = substr(thumb, 1, 300) WHERE id = 2" \
	"treatment 1 day 2: photo 2 thumbnail: not a whole JPEG image" "a thumbnail cut short"
broken "UPDATE photo SET thumb = jpeg WHERE id = 1" \
	"treatment 1 day 2: photo 1 thumbnail is 800x600 px (at most 320 on a side)" \
	"a thumbnail larger than a thumbnail"
broken "INSERT INTO photo (treatment_id, day, jpeg, thumb, width, height, bytes, added)
	SELECT treatment_id, day, jpeg, thumb, width, height, bytes, added FROM photo
	WHERE treatment_id = 1 AND day = 2;
	INSERT INTO photo (treatment_id, day, jpeg, thumb, width, height, bytes, added)
	SELECT treatment_id, day, jpeg, thumb, width, height, bytes, added FROM photo
	WHERE id = 1" \
	"treatment 1 day 2: 5 photos (at most 4)" "five photos on one day"
broken "UPDATE profile SET born = '1990-02-29'" \
	"profile: born \"1990-02-29\" is not a real date" "a birth date that is not real"

# A photo of a day that does not exist (foreign keys off in the shell).
broken "DELETE FROM checkin WHERE treatment_id = 2 AND day = 0" \
	"photo row 3: refers to a missing checkin" "a photo of a day that is gone"

# Several at once: one line each, in the table's order.
break_db "UPDATE treatment SET skin_type = 9 WHERE id = 2;
	UPDATE checkin SET temperature_dc = 500 WHERE treatment_id = 1 AND day = 2;
	UPDATE photo SET width = 1 WHERE id = 3"
run check
expect_status 1 "three problems"
lines=$(printf '%s\n' "$out" | grep -c -v '^CHECK constraint failed')
is "$lines" 3 "three problems: one line each besides SQLite's own"
is "$err" "healgrid: $DB: $(printf '%s\n' "$out" | wc -l | tr -d ' ') problems found" \
	"three problems: the count on stderr"

done_testing
