#!/bin/bash
# tests/tui/checkin.sh — the daily check-in through the terminal UI: the
# home grid as a whole screen, the six-key check-in, correcting past days,
# Esc-cancel, copying the last rated day, future days refused.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 0 --bleeding 1

tui_start
tui_expect_screen "home grid at 80x24, cursor on today" <<'EOF'
 healgrid · face · 2026-11-03 · professional 1.0 mm                 day 7 of 28
 ‼ 0 urgent   ! 0 see doctor   · 0 watch
      R S B L = redness swelling bruising bleeding · 0-3 · - not rated
 ┌─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┐
 │ 0  11-03│ 1  11-04│ 2  11-05│ 3  11-06│ 4  11-07│ 5  11-08│ 6  11-09│
 │ 3 2 0 1 │ - - - - │ - - - - │ - - - - │ - - - - │ - - - - │ - - - - │
 │         │         │         │         │         │         │         │
 ├─────────┼─────────┼─────────┼─────────┼─────────┼─────────┼─────────┤
 │ 7  11-10│ 8  11-11│ 9  11-12│10  11-13│11  11-14│12  11-15│13  11-16│
 │ - - - - │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │
 │ today   │         │         │         │         │         │         │
 ├─────────┼─────────┼─────────┼─────────┼─────────┼─────────┼─────────┤
 │14  11-17│15  11-18│16  11-19│17  11-20│18  11-21│19  11-22│20  11-23│
 │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │
 │         │         │         │         │         │         │         │
 ├─────────┼─────────┼─────────┼─────────┼─────────┼─────────┼─────────┤
 │21  11-24│22  11-25│23  11-26│24  11-27│25  11-28│26  11-29│27  11-30│
 │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │ · · · · │
 │         │         │         │         │         │         │         │
 └─────────┴─────────┴─────────┴─────────┴─────────┴─────────┴─────────┘
 Day 7 · Tue 2026-11-10 · not checked in: Enter to check in

←↑↓→ move  ⏎ check in  f flags  t trends  T treatments  p report  ? help  q quit
 Not medical advice · emergency: 112 / 911 / 999 · in doubt? call your clinic
EOF

# The cursor cell is drawn in reverse video (today also bold); days to
# come are dim.
tui_capture -e
like "$(tui_line 9)" $'*│\e\\[1;7m 7  11-10\e*' "cursor (reverse video) starts on today's cell"
like "$(tui_line 9)" $'*│\e\\[2m 8  11-11\e*' "tomorrow is dim, not reversed"

# ---- the six-key check-in: Enter 2 1 0 0 Enter -------------------------
tui_keys Enter 2 1 0 0 Enter
tui_expect "Saved day 7." "six keys save today's check-in"
is "$(sql 'SELECT redness, swelling, bruising, bleeding FROM checkin WHERE day = 7')" \
	"2|1|0|0" "stored redness 2, swelling 1, bruising 0, bleeding 0"
run show
like "$out" "*| 7  11-10|*" "show still draws day 7"
like "$out" "*| 2 1 0 0 | . . . . |*" "show has today's ratings"
tui_expect "│ 2 1 0 0 │ · · · · │" "grid shows today's ratings"

# ---- the editor opens on the stored day, focus on redness ---------------
tui_keys Enter
tui_expect "Day 7 · Tue 2026-11-10 · face" "Enter opens today in the day editor"
tui_expect "[▶2 moderate◀]" "stored redness is selected"
tui_keys 3
tui_expect "[▶3 severe◀]" "a digit rates the focused symptom (redness)"
tui_keys Escape
tui_expect "Throw away your changes to day 7?" "Esc with an edit asks first"
tui_keys n
tui_expect_gone "Throw away" "n keeps editing"
tui_expect "[▶3 severe◀]" "... with the edit still there"
tui_keys Escape
tui_expect "Throw away your changes to day 7?" "Esc asks again"
tui_keys y
tui_expect "Day 7 not changed." "y throws the edit away"
is "$(sql 'SELECT redness, swelling, bruising, bleeding FROM checkin WHERE day = 7')" \
	"2|1|0|0" "Esc-cancel keeps the old values"

tui_keys Enter
tui_expect "Day 7 · Tue" "editor again"
tui_keys Escape
tui_expect "⏎ check in" "Esc without edits goes straight back to the grid"
tui_expect_gone "Throw away" "no question without edits"

# ---- correcting a past day ---------------------------------------------
tui_keys Up
tui_expect "Day 0 · Tue 2026-11-03" "Up moves a week back to day 0"
tui_keys Enter
tui_expect "[▶3 severe◀]" "day 0 opens with its stored redness"
tui_keys Left Enter
tui_expect "Saved day 0." "Left lowers the rating; Enter saves"
is "$(sql 'SELECT redness, swelling, bruising, bleeding FROM checkin WHERE day = 0')" \
	"2|2|0|1" "day 0 corrected, the other ratings kept"

# A day never checked in: rate two symptoms, leave two unrated.
tui_keys Right Right Right Right Right
tui_expect "Day 5 · Sun 2026-11-08 · not checked in" "Right moves a day at a time"
tui_keys Enter 1 Down 2 Enter
tui_expect "Saved day 5." "day 5 saved"
is "$(sql "SELECT ifnull(redness, '-'), ifnull(swelling, '-'), ifnull(bruising, '-'), ifnull(bleeding, '-') FROM checkin WHERE day = 5")" \
	"1|-|2|-" "unrated stays NULL, never 0"
tui_expect "│ 1 - 2 - │" "grid shows unrated as -"

# A rating set back to not rated with '-'.
tui_keys Enter
tui_expect "Day 5 · Sun 2026-11-08 · face" "day 5 in the editor"
tui_type -
tui_expect "Redness     [ 0 none ] [ 1 mild ] [ 2 moderate ] [ 3 severe ]  not rated" \
	"'-' marks redness not rated"
tui_keys Enter
tui_expect "Saved day 5." "day 5 saved again"
is "$(sql "SELECT ifnull(redness, '-') FROM checkin WHERE day = 5")" "-" "'-' clears a rating"

# ---- y copies the most recent earlier rated day ------------------------
tui_keys Right
tui_expect "Day 6 · Mon 2026-11-09 · not checked in" "on day 6"
tui_keys Enter y
tui_expect "Copied day 5" "y copies day 5"
tui_keys Enter
tui_expect "Saved day 6." "copy saved"
is "$(sql "SELECT ifnull(redness, '-'), ifnull(swelling, '-'), ifnull(bruising, '-'), ifnull(bleeding, '-') FROM checkin WHERE day = 6")" \
	"-|-|2|-" "day 6 has day 5's ratings"

# ---- days still to come ---------------------------------------------------
tui_keys g Right
tui_expect "Day 8 · Wed 2026-11-11 · still to come" "g goes to today, Right to tomorrow"
tui_keys Enter
tui_expect "Day 8 (2026-11-11) is still to come" "a future day cannot be opened"
is "$(sql 'SELECT count(*) FROM checkin WHERE day = 8')" "0" "nothing stored for the future day"

# ---- quit ------------------------------------------------------------------
tui_keys q
tui_expect_exit 0 "q quits"

done_testing
