#!/bin/bash
# tests/cli/show.sh — the plain-text grid and `due`.
. "$top_srcdir/tests/lib.sh"

empty_db
run show
expect_error 2 "no treatment yet*" "show with no treatment"
run due
expect_status 1 "due with no treatment"
is "$out$err" "" "due says nothing when nothing is tracked"

run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 0 --bleeding 1
run checkin --day 1 --redness 2 --swelling 1
run checkin --day 4 --redness 2 --sign pus
run show
expect_status 0 "show"
is "$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0" "no line over 80 columns"
is "$(printf '%s' "$out" | LC_ALL=C grep -c $'\x1b')" "0" "no escape codes"
like "$out" "*treatment 1 - face - 2026-11-03 - professional 1.0 mm - day 7 of 28*" "header names the treatment and today's day"
like "$out" "*flags: 1 urgent (!!)*" "header counts the urgent flag"
like "$out" "*| 0  11-03| 1  11-04| 2  11-05|*" "first week's day numbers and dates"
like "$out" "*| 3 2 0 1 | 2 1 - - | - - - - |*" "ratings as digits, unrated as -"
like "$out" "*|!! pus   |*" "urgent flag marked on day 4 with its rule"
like "$out" "*|  today  |*" "today is marked"
like "$out" "*| 7  11-10| 8  11-11*| - - - - | . . . . |*" "future days show dots"
like "$out" "*|27  11-30|*" "the whole 28-day window is drawn"
like "$out" "*not medical advice*" "not-medical-advice line"

run due
expect_status 0 "due when today is missing"
is "$out" "healgrid: day 7 of your face treatment is not checked in yet: run healgrid" "due names the day"
run checkin --day 7 --redness 1
run due
expect_status 1 "due once today is done"
is "$out" "" "nothing printed once done"
HEALGRID_TODAY=2026-12-20 run due
expect_status 1 "due after the window ended"

run show --treatment 5
expect_error 2 "no treatment 5" "show unknown treatment"
run show --treatment
expect_error 2 "--treatment: missing value" "show --treatment without a value"

done_testing
