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
HEALGRID_TODAY=2026-12-10 run due
expect_status 1 "due after the window ended, before the follow-up"

# The six-week follow-up: day 42 to 56, until a check-in from day 42 on.
HEALGRID_TODAY=2026-12-14 run due
expect_status 1 "no follow-up on day 41"
HEALGRID_TODAY=2026-12-15 run due
expect_status 0 "follow-up due on day 42"
is "$out" "healgrid: six-week follow-up of your face treatment (day 42): look for dark or light patches, bumps or lines, and check in" \
	"due names the follow-up look"
HEALGRID_TODAY=2026-12-29 run due
expect_status 0 "follow-up still due on day 56"
HEALGRID_TODAY=2026-12-30 run due
expect_status 1 "no follow-up after day 56"
# a treatment tracked daily (new) and one due for its follow-up: daily first
run treatment add --date 2026-12-20 --area neck
run treatment add --date 2027-01-20 --area chin
HEALGRID_TODAY=2026-12-21 run due
expect_status 0 "daily and follow-up together"
is "$out" "healgrid: day 1 of your neck treatment is not checked in yet: run healgrid
healgrid: six-week follow-up of your face treatment (day 48): look for dark or light patches, bumps or lines, and check in" \
	"daily lines first; the planned treatment is never due"
HEALGRID_TODAY=2026-12-21 run checkin --treatment 1 --day 44 --redness 0 --sign dark-patches --temp 37.2 --care sunscreen,sun
HEALGRID_TODAY=2026-12-21 run due
is "$out" "healgrid: day 1 of your neck treatment is not checked in yet: run healgrid" \
	"a check-in from day 42 on ends the follow-up"

# show lists temperatures, care and the flags with their status
HEALGRID_TODAY=2026-12-21 run flags resolve --treatment 1 pus@4 --text "saw GP"
HEALGRID_TODAY=2026-12-21 run show --treatment 1
like "$out" "*temperature and care:*day 44 (2026-12-17): 37.2 C; care: sunscreen,sun*" \
	"show lists the temperature and care of a day"
like "$out" "*flags (open first):*!   doctor    dark-patches@44  open*!!  urgent    pus@4  resolved by action 1 (2026-12-21)*" \
	"show marks open and resolved flags, open first"
is "$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0" \
	"show stays within 80 columns"

run show --treatment 5
expect_error 2 "no treatment 5" "show unknown treatment"
run show --treatment
expect_error 2 "--treatment: missing value" "show --treatment without a value"

done_testing
