#!/bin/bash
# tests/cli/treatment_edit.sh — treatments are unique by date and area;
# `treatment edit ID` takes add's options (`-` or '' clears an optional
# one), keeps check-ins on their calendar dates when the date moves, and
# refuses, changing nothing, what would break a rule.  Today is 2026-11-10.
. "$top_srcdir/tests/lib.sh"

run treatment add --date 2026-11-01
is "$out" "1" "first face treatment"
sum=$(db_sum)
run treatment add --date 2026-11-01 --depth 0.5
expect_error 2 'treatment add: treatment 1 is already face on 2026-11-01 (no two treatments share date and area: give another --area, such as "face (2)")' \
	"a second face on the same day is refused, naming the first"
is "$(db_sum)" "$sum" "nothing added"
run treatment add --date 2026-11-01 --area neck
is "$status:$out" "0:2" "face and neck on one day are two treatments"
run treatment add --date 2026-11-02
is "$status:$out" "0:3" "face on another day"

run checkin --treatment 1 --day 2 --redness 1 --note "day two"
run checkin --treatment 1 --day 5 --redness 2
run checkin --treatment 1 --day 6 --redness 3
days() { sqlite3 "$DB" "SELECT day || '=' || date(t.date, '+' || day || ' days') FROM checkin c JOIN treatment t ON t.id = c.treatment_id WHERE t.id = 1 ORDER BY day" | tr '\n' ' '; }
is "$(days)" "2=2026-11-03 5=2026-11-06 6=2026-11-07 " "three days stored"

# Every field, and clearing the optional ones.
run treatment edit 1 --device home --depth 1.5 --products "serum" --risk keloids,dark-skin --note "first" --window 35
expect_status 0 "edit every field but the date"
like "$out" "updated treatment 1 (2026-11-01)*" "edit says what it updated"
is "$(sqlite3 "$DB" 'SELECT device, depth_mm, products, risks != 0, window_days, note FROM treatment WHERE id = 1')" \
	"home|1.5|serum|1|35|first" "the fields are stored"
run treatment edit 1 --depth - --products '' --risk '' --note -
expect_status 0 "clear the optional fields"
is "$(sqlite3 "$DB" 'SELECT device, quote(depth_mm), products, risks, note FROM treatment WHERE id = 1')" \
	"home|NULL||0|" "cleared: no depth, products, risks or note; the rest kept"
run treatment edit 1 --area -
expect_error 2 '--area: expected a name such as face, got "-"' "the area cannot be cleared"

# The date moves; the check-ins keep their calendar dates.
run treatment edit 1 --date 2026-10-30
expect_status 0 "date moved two days earlier"
like "$out" "*its 3 check-ins keep their dates; day numbers moved by +2*" "edit says the days moved"
is "$(days)" "4=2026-11-03 7=2026-11-06 8=2026-11-07 " "same dates, day numbers follow"
run treatment edit 1 --date yesterday
expect_error 2 '--date: 2026-11-03 is checked in and would fall before the treatment day; the date can be 2026-11-03 at the latest' \
	"a check-in may not fall before day 0"
run treatment edit 1 --date 2026-11-03
expect_status 0 "the date can be the first check-in's"
is "$(days)" "0=2026-11-03 3=2026-11-06 4=2026-11-07 " "first check-in is now day 0"
run checkin --treatment 1 --date 2026-11-10 --redness 1
run treatment edit 1 --date 2026-05-01
expect_error 2 '--date: 2026-11-10 is checked in and would be day 193, past day *' \
	"a check-in may not fall past the longest window"
run treatment edit 1 --window 7
expect_error 2 '--window: day 7 is checked in; at least 8' "a window too short names the real minimum"
run treatment edit 1 --window 8
expect_status 0 "the minimum window is taken"
run treatment edit 1 --date 2026-10-31
expect_status 0 "a date move past the window"
like "$out" "*window widened to 11 days to keep day 10*" "widens a window not given, and says so"
run treatment edit 1 --date 2026-10-30 --window 8
expect_error 2 '--window: day 11 is checked in; at least 12' "the minimum counts the moved days"

# Collisions with another treatment's date and area are refused.
sum=$(db_sum)
run treatment edit 3 --date 2026-11-01 --area neck
expect_error 2 'treatment edit: treatment 2 is already neck on 2026-11-01*' "edit into another's date and area"
run treatment edit 2 --area face --date 2026-10-31
expect_error 2 'treatment edit: treatment 1 is already face on 2026-10-31*' "edit into another's date and area (2)"
is "$(db_sum)" "$sum" "refused edits change nothing"
run treatment edit 3 --area face
expect_status 0 "keeping its own date and area is no collision"

# Usage.
run treatment edit 1
expect_error 2 'treatment edit: nothing to change*' "edit with nothing to change"
run treatment edit --depth 1.0
expect_error 2 'treatment edit: which treatment?*' "edit without an id"
run treatment edit 9 --depth 1.0
expect_error 2 'no treatment 9' "edit of a missing treatment"
run treatment edit 1 --depth 1.0 --depth 2.0
expect_error 2 '--depth given twice' "edit: one-value option twice"
run treatment edit 1 --depht 1.0
expect_error 2 'treatment edit: unknown option --depht; did you mean --depth?' "edit: typo suggested"
run treatment edit 1 --depth 9
expect_error 2 '--depth: expected millimetres from 0.1 to 3.0, got "9"' "edit checks values as add does"

# A planned treatment is editable.
run treatment add --date 2026-12-01 --area neck
run treatment edit 4 --date 2026-12-02 --note "booked"
expect_status 0 "a planned treatment can be edited"

done_testing
