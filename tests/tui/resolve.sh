#!/bin/bash
# tests/tui/resolve.sh — the flags screen: open flags first by level,
# `r` resolves the selected flag (asking what was done and when) and the command
# line sees it resolved; `a` records an action resolving nothing; the
# header counts open flags only.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 4 --sign dark-patches
run checkin --day 6 --sign pus

tui_start
tui_keys f
tui_expect "2 open" "two open flags"
is "$(printf '%s\n' "$screen" | grep -n '@[46] ·' | cut -d: -f1 | tr '\n' ' ')" "4 10 " \
	"urgent infection@6 first, then the watch flag"
tui_keys r
tui_expect "What was done?" "r asks what was done"
# Letters that are keys elsewhere (f, t, p, q) are text here.
tui_type "saw GP, cefalexin for 7 days; q t f p"
tui_keys Enter
tui_expect "When (YYYY-MM-DD, Enter for today): 2026-11-10" "then when, today offered"
tui_keys Enter
tui_expect "Resolved infection@6." "resolved"
tui_expect "1 open (1 resolved below)" "the header counts open flags only"
tui_expect "✓ urgent  infection@6 · day 6 — resolved 11-10: saw GP, cefalexin for 7 days;" \
	"the resolved flag after the open one, with its action"
run flags --format json
like "$out" '*"id": "infection@6"*"status": "in-care", "since": 7, "clinician_seen": true*"actions": \[1\]*' \
	"the command line sees infection@6 in care since the action"
like "$out" '*"id": "pigment@4"*"status": "open"*' "the other flag stays open"

# r on a resolved flag says so; Esc leaves the question.
tui_keys Down r
tui_expect "That flag is resolved already." "a resolved flag cannot be resolved twice"
tui_keys a
tui_expect "Action (what was done):" "a asks for an action"
tui_keys Escape
tui_expect_gone "Action (what was done):" "Esc leaves the question"
tui_keys a
tui_type "bought SPF 50"
tui_keys Enter C-u
tui_type 2026-11-11
tui_keys Enter
tui_expect "When: that is after today" "an action dated after today is refused"
tui_keys C-u
tui_type 2026-11-08
tui_keys Enter
tui_expect "Action recorded." "an action resolving nothing"
run action list --format json
like "$out" '*"date": "2026-11-08"*"text": "bought SPF 50"*' "the command line lists it, on the date given"

tui_keys q
tui_expect_exit 0 "quit"
done_testing
