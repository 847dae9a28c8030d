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
run checkin --day 5 --redness 1 --sign ''
run checkin --day 6 --redness 1 --sign ''
run show
expect_status 0 "show"
is "$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0" "no line over 80 columns"
is "$(printf '%s' "$out" | LC_ALL=C grep -c $'\x1b')" "0" "no escape codes"
like "$out" "*treatment 1 - face - 2026-11-03 - professional 1.0 mm - day 7 of 28*" "header names the treatment and today's day"
like "$out" "*flags: 1 open, 0 in care, 0 settled*" "header counts open, in care and settled flags"
like "$out" "*| 0  11-03| 1  11-04| 2  11-05|*" "first week's day numbers and dates"
like "$out" "*| 3 2 0 1 | 2 1 - - | - - - - |*" "ratings as digits, unrated as -"
like "$out" "*|!!1 flag |*" "urgent flag marked on day 4"
like "$out" "*|  today  |*" "today is marked"
like "$out" "*| 7  11-10| 8  11-11*| - - - - | . . . . |*" "future days show dots"
like "$out" "*|27  11-30|*" "the whole 28-day window is drawn"
like "$out" "*not medical advice*" "not-medical-advice line"

run due
expect_status 0 "due when today is missing"
is "$out" "treatment 1 (face, 2026-11-03): day 7 is not checked in yet" "due names the day, not as an error"
run checkin --day 7 --redness 1 --sign ''
run due
expect_status 1 "due once today is done"
is "$out" "" "nothing printed once done"
HEALGRID_TODAY=2026-12-10 run due
expect_status 1 "due after the window ended, before the follow-up"

# The six-week look: day 42 to 55, until a check-in from day 42 on.
HEALGRID_TODAY=2026-12-14 run due
expect_status 1 "no follow-up on day 41"
HEALGRID_TODAY=2026-12-15 run due
expect_status 0 "follow-up due on day 42"
is "$out" "treatment 1 (face, 2026-11-03): the six-week look is due (day 42): look for dark or light patches, bumps or lines, and check in" \
	"due names the follow-up look"
HEALGRID_TODAY=2026-12-28 run due
expect_status 0 "follow-up still due on day 55"
HEALGRID_TODAY=2026-12-29 run due
expect_status 1 "no follow-up from day 56"
# a treatment tracked daily (new) and one due for its follow-up: daily first
run treatment add --date 2026-12-20 --area neck
run treatment add --date 2027-01-20 --area chin
HEALGRID_TODAY=2026-12-21 run due
expect_status 0 "daily and follow-up together"
is "$out" "treatment 2 (neck, 2026-12-20): day 1 is not checked in yet
treatment 1 (face, 2026-11-03): the six-week look is due (day 42): look for dark or light patches, bumps or lines, and check in" \
	"daily lines first; the planned treatment is never due"
HEALGRID_TODAY=2026-12-21 run checkin --treatment 1 --day 44 --redness 0 --sign dark-patches --temp 37.2 --care sunscreen,sun
HEALGRID_TODAY=2026-12-21 run due
is "$out" "treatment 2 (neck, 2026-12-20): day 1 is not checked in yet
treatment 1 (face, 2026-11-03): day 48 is not checked in yet" \
	"a check-in from day 42 on ends the look; its dark patches, open, ask for daily check-ins"

# show lists temperatures, care and the flags with their status
HEALGRID_TODAY=2026-12-21 run flags resolve --treatment 1 infection@4 --text "saw GP"
HEALGRID_TODAY=2026-12-21 run show --treatment 1
like "$out" "*temperature and care:*day 44 (2026-12-17): 37.2 C; care: sunscreen,sun*" \
	"show lists the temperature and care of a day"
like "$out" "*flags (open first, then in care, then settled):*!   doctor    pigment@44  open since 2026-12-17*!!  urgent    infection@4  settled by 2026-11-10*" \
	"show lists open flags first, then settled ones"
is "$(printf '%s\n' "$out" | awk '{ if (length($0) > 80) n++ } END { print n + 0 }')" "0" \
	"show stays within 80 columns"

run show --treatment 5
expect_error 2 "no treatment 5" "show unknown treatment"
run show --treatment
expect_error 2 "--treatment: missing value" "show --treatment without a value"

done_testing
