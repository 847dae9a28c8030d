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

done_testing
