#!/bin/bash
# tests/tui/looks.sh — the grid header's follow-up looks heed a later
# session of the same area as `due` and `show` do: once a later treatment
# of the same area (not planned) is dated on or before a look, the earlier
# treatment's header neither asks for that look nor names it as the next.
. "$top_srcdir/tests/tui/lib.sh"

# Treatment 1 (face): ten quiet days, so daily tracking has ended.
run treatment add --date 2026-10-01 --area face
for d in 0 1 2 3 4 5 6 7 8 9; do run checkin --day $d --redness 0 --swelling 0 --bruising 0 --bleeding 0; done

# show_first: the treatments screen, then the earlier treatment on the grid.
show_first() {
	tui_keys T
	tui_expect "2 treatments" "$1: the treatments screen"
	tui_keys Up Enter
	tui_expect "Showing treatment 1 of 2026-10-01." "$1: the earlier treatment on the grid"
}

# Without a later face treatment, day 43: the six-week look is due.
run treatment add --date 2026-11-01 --area neck
export HEALGRID_TODAY=2026-11-13
run due
like "$out" "*six-week look*" "due: the look is due while the later session is of another area"
for size in 80x24 40x16; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	show_first "$size, another area"
	if [ "$size" = 80x24 ]; then
		tui_expect "six-week look due (day 42)" "$size, another area: the header shows the look due"
	else
		tui_expect "look due" "$size, another area: the compact header says the look is due"
	fi
	tui_keys q
	tui_expect_exit 0 "$size, another area: quit"
done

# The later session is of the face: no look of the earlier one is due
# or next, in the header as in `due` and `show`.
run treatment edit 2 --area face
expect_status 0 "the later session is of the face"
run due
is "$(printf '%s\n' "$out" | grep -c look)" 0 "due: no look for the earlier face treatment"
run show --treatment 1
is "$(printf '%s\n' "$out" | grep -c 'next look')" 0 "show: no next look"
for size in 80x24 40x16; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	show_first "$size"
	tui_expect "can stop" "$size: daily check-ins can stop"
	tui_expect_absent "look" "$size: no look due or next, as in due"
	tui_keys q
	tui_expect_exit 0 "$size: quit"
done

# Day 39, before the look: the header names no next look either.
export HEALGRID_TODAY=2026-11-09
tui_start
show_first "day 39"
tui_expect "daily check-ins can stop" "day 39: daily check-ins can stop"
tui_expect_absent "next look" "day 39: no next look"
tui_keys q
tui_expect_exit 0 "day 39: quit"
done_testing
