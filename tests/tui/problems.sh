#!/bin/bash
# tests/tui/problems.sh — flags as problems in the day editor and on the
# grid, at 40x16, 50x20, 80x24 and 160x45: a day of a flag in care is
# saved quietly (no box), a day on which it comes back shows the advice
# box (and saving that day again does not), and once daily tracking has
# ended the header says so and names the next look, or the look due.
. "$top_srcdir/tests/tui/lib.sh"

# tick_pus: from the editor's first rating, rate four and tick pus (the
# signs run in columns from 50 columns, pus beside warmth; in one below).
tick_pus() {
	tui_keys 1 1 0 0
	if [ "$cols" -ge 50 ]; then tui_keys Right Space; else tui_keys Down Space; fi
	tui_expect "[x] pus" "$size: pus ticked"
}

for size in 80x24 160x45 50x20 40x16; do
	cols=${size%x*}
	rm -f "$DB"
	run treatment add --date 2026-11-03
	run checkin --day 2 --sign pus
	run action add --date 2026-11-05 --text "GP: cefalexin" --resolves infection@2 --by clinician
	expect_status 0 "$size: infection@2 in care since 11-05"

	TUI_COLS=$cols TUI_LINES=${size#*x} tui_start
	# Day 3: still pus, a day after the GP: in care, quietly.
	tui_keys Left Left Left Left Enter
	tui_expect "Day 3" "$size: the editor on day 3"
	tick_pus
	tui_expect "infection@2 · in care since 11-05:" "$size: the preview says in care, quietly"
	tui_keys Enter
	tui_expect "Saved day 3." "$size: saved"
	tui_expect_absent "I have read this" "$size: no box for a day in care"
	# Day 6: pus three days after care: back, with the box.
	tui_keys Right Right Right Enter
	tui_expect "Day 6" "$size: the editor on day 6"
	tick_pus
	tui_expect "infection@2 (back)" "$size: the preview says back"
	tui_keys Enter
	tui_expect "I have read this" "$size: saving a back day shows the box"
	tui_expect "(back)" "$size: the box names the alert"
	tui_keys Enter
	tui_expect "Saved day 6." "$size: dismissed"
	# Saving the day again shows no box.
	tui_keys Enter 2
	tui_expect "Day 6" "$size: day 6 again"
	tui_keys Enter
	tui_expect "Saved day 6." "$size: saved again"
	tui_expect_absent "I have read this" "$size: no box on saving again"
	tui_keys q
	tui_expect_exit 0 "$size: quit"
done

# Daily tracking ended: ten quiet days, today day 40 of a 28-day window.
rm -f "$DB"
run treatment add --date 2026-10-01
for d in 0 1 2 3 4 5 6 7 8 9; do run checkin --day $d --redness 0 --swelling 0 --bruising 0 --bleeding 0; done
export HEALGRID_TODAY=2026-11-09
for size in 80x24 160x45; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	tui_expect "daily check-ins can stop · next look: six-week, Thu 11-12 (day 42)" \
		"$size: the header says daily check-ins can stop and names the next look"
	tui_keys q
	tui_expect_exit 0 "$size: quit"
done
TUI_COLS=40 TUI_LINES=16 tui_start
tui_expect "can stop" "40x16: the compact header says it in short"
tui_keys q
tui_expect_exit 0 "40x16: quit"
export HEALGRID_TODAY=2026-11-13
tui_start
tui_expect "six-week look due (day 42): look for dark or light patches, bumps or" \
	"a look that is due is shown as due"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
