#!/bin/bash
# tests/tui/demo.sh — `healgrid --demo`: a sample recovery with flags in a
# throw-away database that is gone after q, SIGINT and SIGTERM alike; and
# a first week of check-ins as a new user would do them, one simulated day
# at a time, until a ticked sign raises a flag.
. "$top_srcdir/tests/tui/lib.sh"

mkdir -p "$T/tmp"
demo_dirs() { find "$T/tmp" -mindepth 1 -maxdepth 1 | wc -l | tr -d ' '; }

tui_start TMPDIR="$T/tmp" -- --demo
tui_expect "day 9 of 28" "the demo opens on day 9"
tui_expect "‼ 1 urgent   ! 0 see doctor" "the demo has flags to look at"
is "$(demo_dirs)" 1 "the demo database lives in a temporary folder"
tui_keys '?'
tui_expect "Help: keys and symbols" "? finds the help"
tui_keys Escape t
tui_expect "earlier treatments" "trends compares with the earlier treatment"
tui_keys q
tui_expect_exit 0 "demo quits"
is "$(demo_dirs)" 0 "q removes the demo database"

for sig in INT TERM; do
	tui_start TMPDIR="$T/tmp" -- --demo
	tui_expect "day 9 of 28" "demo again ($sig)"
	tui_signal "$sig"
	tui_expect_exit 0 "SIG$sig ends the demo"
	is "$(demo_dirs)" 0 "SIG$sig removes the demo database"
done

# ---- a new user's first week ------------------------------------------------
run treatment add --date 2026-11-03 --depth 1.0
day=0
for today in 2026-11-03 2026-11-04 2026-11-05 2026-11-06 2026-11-07 2026-11-08 2026-11-09; do
	HEALGRID_TODAY=$today tui_start
	tui_expect "day $day of 28" "$today: the grid opens on day $day"
	if [ "$today" = 2026-11-07 ]; then
		# Day 4: a yellow crust.  After the four ratings the focus is on
		# the first sign; two right is crusting.
		tui_keys Enter 1 1 0 0 Right Right Space
		tui_expect "[x] yellow/honey crusts" "$today: crusting ticked"
		tui_keys Enter
		tui_expect "Saved day 4. ! infection@4" "$today: saving names the flag"
		tui_expect "! 1 see doctor" "$today: the header counts it"
	else
		tui_keys Enter $(( day < 3 ? 3 - day : 1 )) 1 0 0 Enter
		tui_expect "Saved day $day." "$today: six-key check-in"
	fi
	tui_keys q
	tui_wait_exit
	day=$((day + 1))
done
is "$(sql 'SELECT count(*) FROM checkin')" 7 "seven days checked in"
run show
like "$out" "*| 3 1 0 0 | 2 1 0 0 | 1 1 0 0 | 1 1 0 0 | 1 1 0 0 | 1 1 0 0 | 1 1 0 0 |*" \
	"the week as the command line shows it"
like "$out" "*flags: 1 open, 0 in care, 0 settled*" "the flag of day 4"

done_testing
