#!/bin/bash
# tests/tui/trendmarks.sh — the trends screen marks rebounds (a symptom
# rated 2 or more after its last rating eased to 1 or less, having been
# 2 or more before) and the days an action was taken.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 0 --redness 3 --swelling 1
run checkin --day 2 --redness 1 --swelling 2
run checkin --day 4 --redness 2 --swelling 1
run checkin --day 6 --redness 3
run action add --date 2026-11-08 --text "saw GP"

tui_start
tui_keys t
tui_expect "Heat map" "the trends screen"
tui_expect "↑ rebound  ✓ action" "the marks are explained"
# Day 0 is column 14 (1-based), so day 4 is column 18: day 4 rebounds (redness 3, 1, then 2);
# day 6 (3 after 2) does not; day 5 has the action.
like "$(tui_line 8)" "   marks         ↑✓ *" "redness back at 2 on day 4 marked, then the action on day 5"
TUI_LOCALE=C tui_start
tui_keys t
tui_expect "^ rebound  + action" "ASCII marks"
like "$(tui_line 8)" "   marks         ^+ *" "the same marks in ASCII"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
