#!/bin/bash
# tests/tui/fields.sh — the temperature and care of a day survive an
# edit of its other fields in the UI, and the flags screen tells in care
# flags apart.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 7 --temp 38.4 --care sunscreen --sign pus

tui_start
tui_expect "day 7 of 28" "the grid opens on today"
tui_keys Enter
tui_expect "[x] pus or cloudy ooze" "the editor opens on day 7"
tui_keys 1
tui_keys Enter
tui_expect "Saved day 7." "saved from the editor"
tui_keys Escape
tui_expect_gone "I have read this" "the advice box of the urgent day dismissed"
is "$(sql 'SELECT redness, signs, temperature_dc, care FROM checkin WHERE day = 7')" "1|2|384|1" \
	"the temperature and care of the day are kept"

# Unticking the only sign of a day that still has a temperature keeps the day.
run checkin --day 6 --temp 37.6 --sign pus
tui_keys Left
tui_keys Enter
tui_expect "Day 6" "day 6 in the editor"
tui_keys Down Down Down Down Right Space
tui_expect "[ ] pus or cloudy ooze" "pus unticked"
tui_keys Enter
tui_expect "Saved day 6." "day 6 saved"
is "$(sql 'SELECT signs, temperature_dc FROM checkin WHERE day = 6')" "0|376" \
	"a day with only a temperature left is kept, not removed"

run flags resolve infection@7 --text "saw GP" --by clinician
is "$out" "1" "infection@7 in care from the shell"
tui_keys f
tui_expect "infection@7 · day 7 · in care since 11-10" "the flags screen shows the flag in care"
tui_expect "clinician: saw GP" "with the action under it"
tui_expect "0 open · 1 in care · 0 settled" "the header counts open, in care and settled"

done_testing
