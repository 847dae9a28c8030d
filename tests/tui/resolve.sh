#!/bin/bash
# tests/tui/resolve.sh — the flags screen, version 3: open flags first by
# level, then in care, then settled; space marks flags and `r` records
# what was done for both as ONE action (what, who, when); the command
# line sees one action naming both and both in care; `a` records an
# action naming no flag; the header counts open, in care and settled.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 4 --sign dark-patches
run checkin --day 6 --sign pus

for size in 80x24 160x45 50x20; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	tui_keys f
	tui_expect "2 open" "$size: two open flags"
	is "$(printf '%s\n' "$screen" | grep -o '[a-z]*@[46] ' | tr -d ' ' | tr '\n' ' ')" \
		"infection@6 pigment@4 " "$size: the urgent infection first, then the pigment flag"
	tui_keys q
	tui_expect_exit 0 "$size: quit"
done

tui_start
tui_keys f
tui_expect "2 open" "two open flags"
tui_keys Space
tui_expect "* ‼ urgent  infection@6" "space marks the selected flag"
tui_keys Space
tui_expect "* · watch   pigment@4" "and moves on: the second flag marked"
tui_keys r
tui_expect "What was done?" "r asks what was done"
# Letters that are keys elsewhere (f, t, p, q, c) are text here.
tui_type "saw GP, cefalexin for 7 days; q t f p c"
tui_keys Enter
tui_expect "Who: c a clinician" "then who"
tui_keys x
tui_expect "Who: c for a clinician, s for yourself" "only c or s answers"
tui_keys c
tui_expect "When (YYYY-MM-DD, Enter for today): 2026-11-10" "then when, today offered"
tui_keys Enter
tui_expect "Recorded for infection@6 and pigment@4." "one action for both"
tui_expect "0 open · 2 in care · 0 settled" "the header counts them in care"
tui_expect "infection@6 · day 6 · in care since 11-10" "the infection in care since today"
run action list --format json
like "$out" '*"text": "saw GP, cefalexin for 7 days; q t f p c"*' "the action as typed"
is "$(printf '%s' "$out" | grep -o '"id": [0-9]*' | wc -l)" 1 "ONE action"
like "$out" '*infection@6*' "naming the infection"
like "$out" '*pigment@4*' "and the pigment flag"
run flags --format json
like "$out" '*"id": "infection@6"*"status": "in-care"*' "the command line sees infection@6 in care"

# a: an action naming no flag; a date after today is refused.
tui_keys a
tui_expect "Action (what was done):" "a asks for an action"
tui_keys Escape
tui_expect_gone "Action (what was done):" "Esc leaves the question"
tui_keys a
tui_type "stopped the retinol"
tui_keys Enter s C-u
tui_type "2026-11-30"
tui_keys Enter
tui_expect "When: that is after today" "an action dated after today is refused"
tui_keys C-u
tui_type "2026-11-08"
tui_keys Enter
tui_expect "Action recorded." "an action naming no flag"
tui_expect "What was done: 2 actions" "what was done lists both"
run action list --format json
like "$out" '*"date": "2026-11-08"*"text": "stopped the retinol"*' \
	"the command line lists it, on the date given"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
