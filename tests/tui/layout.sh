#!/bin/bash
# tests/tui/layout.sh — what the layouts must keep: the six-key check-in
# at 50x20 (compact) and 80x24, the first run leading to the first
# treatment (and a status line true to it), q quitting at once below
# 40x16 even with an unsaved edit, and a grid that runs to today past the
# window.
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

# ---- first run ------------------------------------------------------------------
tui_start
tui_expect "No treatment yet." "first run: no treatment"
tui_expect "First, add your treatment: press Enter." "... says what to do"
tui_expect "⏎ add a treatment  T treatments  ? help  q quit" \
	"... and the status line says what Enter does"
tui_keys Enter
tui_expect "New treatment" "Enter opens the treatment form"
tui_keys Escape Escape
tui_expect "No treatment yet." "Esc, Esc: back to the first-run screen"
tui_keys q
expect_quit "quit"

# ---- the six-key check-in, compact and standard ---------------------------------
run treatment add --date 2026-11-03 --depth 1.0
for size in 50x20 80x24; do
	day=$([ $size = 50x20 ] && echo 6 || echo 7)
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	[ "$day" = 6 ] && tui_keys Left
	tui_keys Enter 2 1 0 0 Enter
	tui_expect "Saved day $day." "$size: Enter 2 1 0 0 Enter saves day $day"
	run show
	like "$out" "*| 2 1 0 0 |*" "$size: show has the ratings"
	is "$(sql "SELECT redness, swelling, bruising, bleeding FROM checkin WHERE day = $day")" \
		"2|1|0|0" "$size: stored"
	tui_keys q
	expect_quit "$size: quit"
done

# ---- below 40x16: q quits at once, even over an unsaved edit -----------------------
tui_start
tui_keys Left Left Enter 3
tui_expect "[▶3 severe◀]" "an edit in progress on day 5"
tmux_ resize-window -t "$TUI_SESSION" -x 39 -y 15
tui_expect "terminal too small" "39x15: the notice"
tui_keys q
expect_quit "q quits at once, asking nothing"
is "$(sql 'SELECT count(*) FROM checkin WHERE day = 5')" "0" "the unsaved edit is dropped"

# ---- past the window the grid runs to today -----------------------------------------
DB="$T/past.db"
run treatment add --date 2026-09-20 --window 28
tui_start
tui_expect "day 51 (28-day window)" "today is day 51 of a 28-day window"
tui_expect "│51  11-10│" "the grid runs to today"
tui_expect "Day 51 · Tue 2026-11-10" "the cursor on today"
# The six-week follow-up checked in from the grid widens the window.
tui_keys Enter
tui_expect "Day 51" "Enter opens today's editor past the window"
tui_keys 0 0 0 0 Enter
tui_expect "Saved day 51" "the follow-up is saved"
is "$(sql 'SELECT window_days FROM treatment')" "52" "the window widened to hold day 51"
is "$(sql 'SELECT redness, swelling, bruising, bleeding FROM checkin WHERE day = 51')" "0|0|0|0" \
	"day 51 stored as rated"
tui_keys q
expect_quit "quit"

done_testing
