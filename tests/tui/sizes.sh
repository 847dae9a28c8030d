#!/bin/bash
# tests/tui/sizes.sh — the grid and help at every size the UI has a
# layout for (40x16 and 50x20 compact, 80x24 standard, 120x40 wide with
# the day below, 200x60 wide with the day panel at the right), no line
# wider than the terminal, NO_COLOR and TERM=vt100 at each size, and a
# resize in the middle keeping the selected day.
. "$top_srcdir/tests/tui/lib.sh"

# expect_quit DESCRIPTION: healgrid ended with status 0 and the terminal
# left the alternate screen (polled: tmux may see the process end before
# it has read the last bytes written, a large frame above all).
expect_quit() {
	local end
	tui_wait_exit
	is "$tui_status" 0 "$1: exit status"
	end=$(_tui_deadline)
	while [ "$(tui_pane '#{alternate_on}')" != 0 ] && [ "$(_tui_now)" -lt "$end" ]; do
		sleep 0.02
	done
	is "$(tui_pane '#{alternate_on}')" 0 "$1: terminal out of the alternate screen"
}

run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 0 --bleeding 1 --note "stings a little"
run checkin --day 2 --redness 2 --swelling 2 --bruising 1 --bleeding 0 --sign pus,blisters \
	--temp 38.3 --care sunscreen
run action add --date 2026-11-06 --text "saw GP, cefalexin 500 mg for 7 days" --resolves infection@2 --by clinician
expect_status 0 "an action covers infection@2"

# no_line_wider COLS DESCRIPTION: every line of the last capture fits.
no_line_wider() {
	local widest
	widest=$(printf '%s\n' "$screen" | LC_ALL=C.UTF-8 wc -L)
	if [ "$widest" -le "$1" ]; then ok "$2"; else not_ok "$2" "widest line $widest" "$screen"; fi
}

for size in 40x16 50x20 80x24 120x40 200x60; do
	cols=${size%x*} lines=${size#*x}
	TUI_COLS=$cols TUI_LINES=$lines tui_start
	tui_expect "q quit" "$size: the status line"
	case $size in
	40x16|50x20)
		tui_expect "day 7/28" "$size: compact header"
		tui_expect "     Tu   We   Th   Fr   Sa   Su   Mo" "$size: week days from day 0's"
		tui_expect "  0✎3201 ----‼2210✓---- ---- ---- ----" \
			"$size: four digits a day, the open flag first, action and note marks"
		tui_expect "  7 ---- ···· ···· ····" "$size: today unrated, days to come dotted"
		tui_expect "Day 7 · Tue 2026-11-10" "$size: the selected day below" ;;
	80x24)
		tui_expect " ‼ 1 urgent  ! 0 doctor  · 0 watch  ✓ 1 in care, 0 settled" \
			"$size: header counts open flags, in care and settled ones"
		tui_expect "│ 3 2 0 1 │ - - - - │ 2 2 1 0 │" "$size: cells as before"
		tui_expect "│        ✎│         │‼2 fla… ✓│        ✓│" \
			"$size: two flags (the open one's mark, cut with an ellipsis), action marks, note mark" ;;
	120x40)
		tui_expect "│ 2   Thu 11-05 │" "$size: wider cells name the week day"
		tui_expect "│ 2 2 1 0 38.3° │" "$size: temperature in the cell"
		tui_expect "│ pus, blisters │" "$size: signs' names in the cell"
		tui_expect "│ sunscreen     │" "$size: care in the cell" ;;
	200x60)
		tui_expect "┌─ Day 7 · Tue 2026-11-10 ─" "$size: the day panel at the right"
		tui_expect "│ not checked in: Enter to check in" "$size: ... on today" ;;
	esac
	tui_wait "q quit"
	no_line_wider "$cols" "$size: no line wider than the terminal"
	tui_keys Left Left Left Left Left
	case $size in
	40x16|50x20) tui_expect "Day 2 · Thu 2026-11-05" "$size: moved to day 2" ;;
	80x24)
		tui_expect "Day 2 · Thu 2026-11-05 · ‼ cold-sore@2 · ✓ infection@2 · signs: pus, blisters…" \
			"$size: day 2 on one line" ;;
	120x40|200x60)
		tui_expect "temperature 38.3 °C (fever)" "$size: the day in full: temperature"
		tui_expect "signs: pus, blisters" "$size: ... signs"
		tui_expect "care: sunscreen" "$size: ... care"
		tui_expect "‼ urgent cold-sore@2 (new) · Clustered small" \
			"$size: ... the open flag as that day showed it: new, with its advice" ;;
	esac
	no_line_wider "$cols" "$size: day 2 fits"
	tui_keys '?'
	tui_expect "lines 1-" "$size: help opens"
	tui_expect "the day before" "$size: help lists the grid's keys"
	no_line_wider "$cols" "$size: help fits"
	tui_keys NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage \
		NPage NPage NPage NPage NPage NPage
	tui_expect "healgrid --help lists the commands" "$size: help scrolls to its end"
	tui_keys Escape
	tui_expect_gone "lines 1-" "$size: Esc leaves help"
	tui_expect "Day 2 · Thu 2026-11-05" "$size: back on the grid, on day 2"
	tui_wait "⏎ check in"
	tui_keys q
	expect_quit "$size: q quits"

	# Monochrome and without colour: the same screens, readable.
	for how in NO_COLOR vt100; do
		if [ $how = NO_COLOR ]; then
			TUI_COLS=$cols TUI_LINES=$lines tui_start NO_COLOR=1
		else
			TUI_TERM=vt100 TUI_COLS=$cols TUI_LINES=$lines tui_start
		fi
		case $size in
		40x16|50x20) tui_expect "2210" "$size $how: ratings and marks as text" ;;
		*) tui_expect "│ 2 2 1 0" "$size $how: ratings as digits" ;;
		esac
		tui_keys Left '?'
		tui_expect "the day before" "$size $how: help"
		tui_keys Escape
		tui_expect_gone "lines 1-" "$size $how: back on the grid"
		tui_wait "⏎ check in"
		tui_keys q
		expect_quit "$size $how: no crash, quits"
	done
done

# ---- a long title is cut by display width, with an ellipsis -------------------
run treatment add --date 2026-11-03 --area "the left cheek, the jaw line and the neck"
TUI_COLS=40 TUI_LINES=16 tui_start
tui_expect " the left cheek, the jaw line… day 7/28" "40 columns: the title cut with an ellipsis"
tui_keys q
tui_wait_exit

# ---- a resize in the middle keeps the UI working ------------------------------
TUI_COLS=200 TUI_LINES=60 tui_start
tui_keys Left Left
tui_expect "┌─ Day 5 · Sun 2026-11-08 ─" "200x60: day 5 selected"
tmux_ resize-window -t "$TUI_SESSION" -x 50 -y 20
tui_expect "Day 5 · Sun 2026-11-08" "resized to 50x20: still day 5, compact"
tui_expect "day 7/28" "... compact header"
tmux_ resize-window -t "$TUI_SESSION" -x 120 -y 40
tui_expect "│ 5   Sun 11-08 │" "resized to 120x40: wide cells"
tmux_ resize-window -t "$TUI_SESSION" -x 30 -y 12
tui_expect "terminal too small" "resized to 30x12: the notice"
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_expect "Day 5 · Sun 2026-11-08 · not checked in" "back at 80x24 on day 5"
tui_keys Enter 1 1 0 0 Enter
tui_expect "Saved day 5." "a check-in after all that"
is "$(sql 'SELECT redness, swelling, bruising, bleeding FROM checkin WHERE treatment_id = 2 AND day = 5')" \
	"1|1|0|0" "stored"
tui_keys q
expect_quit "quit"

done_testing
