#!/bin/bash
# tests/cli/dates.sh — every date option takes YYYY-MM-DD, today or
# yesterday ("today" is $HEALGRID_TODAY here: 2026-11-10).
. "$top_srcdir/tests/lib.sh"

run treatment add --date yesterday
expect_status 0 "treatment add --date yesterday"
run treatment list --format json
like "$out" '*"date": "2026-11-09"*' "yesterday is the day before today"
run checkin --date today --redness 2
expect_status 0 "checkin --date today"
is "$(sqlite3 "$DB" 'SELECT day, redness FROM checkin')" "1|2" "today is day 1 of yesterday's treatment"
run checkin --date yesterday --swelling 1
expect_status 0 "checkin --date yesterday"
is "$(sqlite3 "$DB" 'SELECT day, swelling FROM checkin WHERE day = 0')" "0|1" "yesterday is day 0"
HEALGRID_TODAY=2026-03-01 run treatment add --date yesterday --area neck
expect_status 0 "yesterday across a month end"
is "$(sqlite3 "$DB" "SELECT date FROM treatment WHERE area = 'neck'")" "2026-02-28" \
	"yesterday of 2026-03-01 is 2026-02-28"
run checkin --date Today --redness 1
expect_error 2 '--date: expected a real date YYYY-MM-DD, got "Today"' "only the exact words"
run checkin --date tomorrow --redness 1
expect_error 2 '--date: expected a real date YYYY-MM-DD, got "tomorrow"' "tomorrow is not a date word"

done_testing
