#!/bin/bash
# tests/tui/flagsfit.sh — the flags screen at 80x24 and 40x16: the status
# line shows the main keys, moving among them (shorter words at 80, the
# screen's own first to stay at 40); "What was done" taller than the
# screen scrolls line by line to its last word; the ↑ and ↓ that say more
# lies above or below never cover a letter.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 2 --sign blisters
run action add --date 2026-11-10 --by clinician \
	--text "saw the dermatologist about the blisters and got valaciclovir"
run action add --date 2026-11-10 --by self \
	--text "washed gently with a mild cleanser twice daily and stopped all actives"
run medicine add --name ibuprofen --dose "400 mg three times a day after meals" \
	--from 2026-11-04 --to 2026-11-06
run medicine add --name valaciclovir --dose "500 mg twice a day for five days" \
	--from 2026-11-05 --days 5
expect_status 0 "actions and medicines from the command line"

# legend_end: how the legend line (the third) ends: cut with "…", then the
# ↑ when the list is scrolled, in a column of its own.
legend_end() { tui_line 3 | sed 's/.*\(..\)$/\1/'; }

# The status line: every key of the screen's own, moving included, at 80.
tui_start
tui_keys f
tui_expect "What was done: 2 actions, 2 medicines" "80x24: the flags screen"
tui_expect "↑↓ move r done space mark a action m medicine ⏎ day Esc back ? help q quit" \
	"80x24: the status line holds every main key, moving included"
# true to what they do: Down moves, r asks what was done.
tui_keys Down
tui_keys r
tui_expect "No flag selected" "80x24: Down moved to what was done (no flag to record for)"
tui_keys Up r
tui_expect "What was done?" "80x24: Up moved back; r asks what was done for the flag"
tui_keys Escape
tui_keys q
tui_expect_exit 0 "80x24: quit"

TUI_LOCALE=C tui_start
tui_keys f
tui_expect "What was done: 2 actions, 2 medicines" "80x24 ASCII: the flags screen"
tui_expect "Up/Down move  r done  space mark  a action  m medicine  Esc back  ? help  q quit" \
	"80x24 ASCII: moving, the flag's keys, back, help and quit"
tui_keys q
tui_expect_exit 0 "80x24 ASCII: quit"

# 40x16: moving and r stay with back, help and quit.
TUI_COLS=40 TUI_LINES=16 tui_start
tui_keys f
tui_expect "findings: blisters (day 2)" "40x16: the flags screen"
tui_expect "↑↓ move r done Esc back ? help q quit" "40x16: moving and r stay in the status line"
is "$(legend_end)" " …" "40x16: the legend line cut with …"

# What was done is taller than the room: Down goes to it, then through it
# line by line to its end, every word whole.
tui_keys Down
tui_expect "     11-10 clinician: saw the" "40x16: what was done, from its first line"
is "$(legend_end)" "…↑" "40x16: scrolled: the ↑ beside the legend's …, covering nothing"
tui_expect_absent "to 11-09" "40x16: its end lies below at first"
for i in 1 2 3 4 5; do tui_keys Down; done
tui_expect "     to 11-09" "40x16: Down scrolls through it to its last line"
tui_expect "     twice a day for five days, 11-05" "40x16: the last medicine wrapped, whole"
tui_expect " What was done: 2 actions, 2 medicines↑" "40x16: its heading stays, lines above said by ↑"
tui_keys Down
tui_expect_absent "11-10 clinician" "40x16: Down at the end stays at the end"
for i in 1 2 3; do tui_keys Up; done
tui_expect "     11-10 clinician: saw the" "40x16: Up scrolls back to its first line"
tui_keys Up
tui_expect "urgent  cold-sore@2" "40x16: then to the flag above"
tui_keys q
tui_expect_exit 0 "40x16: quit"
done_testing
