#!/bin/bash
# tests/cli/checkin.sh — recording days: merging, validation, no change on failure.
. "$top_srcdir/tests/lib.sh"

# HEALGRID_TODAY is 2026-11-10: day 7 of a treatment on 2026-11-03.
run checkin --day 0 --redness 1
expect_error 2 "no treatment yet: add one with 'healgrid treatment add --date YYYY-MM-DD'" "check-in before any treatment"

run treatment add --date 2026-11-03
run checkin --day 0 --redness 3 --swelling 2 --bruising 1 --bleeding 1 --note "clinic day"
expect_status 0 "full check-in"
is "$out" "" "check-in prints nothing"
is "$(sqlite3 "$DB" 'SELECT redness, swelling, bruising, bleeding, note FROM checkin WHERE day = 0')" \
	"3|2|1|1|clinic day" "stored as given"

run checkin --day 0 --swelling 1
is "$(sqlite3 "$DB" 'SELECT redness, swelling, bruising, bleeding, note FROM checkin WHERE day = 0')" \
	"3|1|1|1|clinic day" "merge keeps what was not given"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin')" "1" "saving again replaces, not duplicates"

run checkin --date 2026-11-05 --redness 2 --sign pus --sign warmth,fever
expect_status 0 "check-in by date with signs"
is "$(sqlite3 "$DB" 'SELECT day, redness, swelling IS NULL, bruising IS NULL FROM checkin WHERE day = 2')" \
	"2|2|1|1" "--date maps to day 2; unrated stays NULL"
run checkin --day 2 --sign ''
is "$(sqlite3 "$DB" 'SELECT signs FROM checkin WHERE day = 2')" "0" "--sign '' clears signs"
run checkin --day 2 --swelling 1
run checkin --day 2 --redness -
is "$(sqlite3 "$DB" 'SELECT redness IS NULL, swelling FROM checkin WHERE day = 2')" "1|1" "- unrates a rating"
run checkin --day 2 --swelling -
expect_status 0 "un-rating the last thing recorded"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin WHERE day = 2')" "0" \
	"a day left with nothing recorded is removed, not stored empty"

run checkin --day 7 --redness 1
expect_status 0 "today can be rated"

before=$(db_sum)
run checkin --day 3 --redness 5
expect_error 2 '--redness: expected 0-3, got "5"' "rating 5"
run checkin --day 3 --swelling -1
expect_error 2 '--swelling: expected 0-3, got "-1"' "rating -1"
run checkin --day 3 --bleeding 2x
expect_error 2 '--bleeding: expected 0-3, got "2x"' "rating 2x"
run checkin --day 3 --sign itchy
expect_error 2 '--sign: unknown sign "itchy"*' "unknown sign"
run checkin --day 3 --sign pus,itchy --redness 1
expect_error 2 '--sign: unknown sign "itchy"*' "unknown sign in a list"
run checkin --day 8 --redness 1
expect_error 2 '--day: day 8 is 2026-11-11, after today (2026-11-10): future days cannot be rated' "future day"
run checkin --date 2026-11-11 --redness 1
expect_error 2 '--date: day 8 is 2026-11-11, after today*' "future date"
run checkin --date 2026-02-30 --redness 1
expect_error 2 '--date: expected a real date YYYY-MM-DD, got "2026-02-30"' "impossible date"
run checkin --date 2026-11-02 --redness 1
expect_error 2 "--date: 2026-11-02 is outside treatment 1's window (2026-11-03 to 2026-11-30)" "date before the treatment"
run checkin --day 28 --redness 1
expect_error 2 '--day: expected a day from 0 to 27 for treatment 1, got "28"' "day past the window"
run checkin --day x --redness 1
expect_error 2 '--day: expected a whole number 0-179, got "x"' "day not a number"
run checkin --redness 1
expect_error 2 'checkin: give either --day N or --date YYYY-MM-DD' "no day"
run checkin --day 1 --date 2026-11-04 --redness 1
expect_error 2 'checkin: give either --day N or --date YYYY-MM-DD' "both day and date"
run checkin --day 3
expect_error 2 'checkin: nothing to record*' "nothing to record"
run checkin --treatment 9 --day 3 --redness 1
expect_error 2 'no treatment 9' "unknown treatment"
run checkin --treatment 0 --day 3 --redness 1
expect_error 2 '--treatment: expected a treatment id*' "treatment 0"
run checkin --day 3 --redness 1 extra
expect_error 2 'checkin: unexpected argument "extra"' "stray argument"
is "$(db_sum)" "$before" "failed check-ins changed nothing"

HEALGRID_TODAY=2026-13-01 run checkin --day 3 --redness 1
expect_error 2 'HEALGRID_TODAY: expected a real date YYYY-MM-DD, got "2026-13-01"' "bad HEALGRID_TODAY"

# --treatment picks an older treatment; the default is the most recent.
run treatment add --date 2026-10-01 --window 7
run checkin --treatment 2 --day 6 --redness 0
is "$(sqlite3 "$DB" 'SELECT treatment_id, day FROM checkin WHERE redness = 0')" "2|6" "--treatment 2 is used"
run checkin --day 1 --redness 2
is "$(sqlite3 "$DB" 'SELECT treatment_id FROM checkin WHERE day = 1')" "1" "default is the most recent treatment by date"

# UTF-8 and awkward notes survive.
note='ça pique, "un peu"
deuxième ligne ✓'
run checkin --day 1 --note "$note"
is "$(sqlite3 "$DB" 'SELECT note FROM checkin WHERE treatment_id = 1 AND day = 1')" "$note" "UTF-8 note with quotes and newline round-trips"

done_testing
