#!/bin/bash
# tests/tui/emergency.sh — the day editor's emergency signs: lips and
# numb-mouth ticked at 80x24 and at 40x16, each stored as its own bit and
# seen by the command line; the focused sign's meaning; the advice box
# with one paragraph per emergency finding; and at 40x16 the most serious
# flag's message read to its end in the preview.
. "$top_srcdir/tests/tui/lib.sh"

# The bits of the signs as stored (enum hg_sign).
AIRWAY=65536 NUMB_MOUTH=131072 LIPS=262144

# 80x24, today day 7: airway and lips on one day make one reaction flag
# with two serious findings; the box gives each its own paragraph.
DB="$T/a.db"
run treatment add --date 2026-11-03
tui_start
tui_keys Enter
tui_expect "Space ticks; the meaning shows here" "80x24: the emergency block has a line for the meaning"
tui_expect_absent "↓ more" "80x24: the whole form fits, nothing scrolled out"
tui_keys Up Up Space
tui_expect "[x] breathing or throat" "80x24: airway ticked"
tui_expect "airway: swollen tongue or throat, trouble breathing or swallowing" \
	"80x24: the focused sign's meaning"
tui_keys Right Space
tui_expect "[x] swollen lips or face" "80x24: lips ticked"
tui_expect "lips: swollen lips or face, more than the usual puffiness" "80x24: lips explained"
tui_keys Enter
tui_expect "Enter or Esc: I have read this" "80x24: the advice box"
tui_expect "reaction@7 (new), airway: A swollen tongue" "80x24: a paragraph for airway"
tui_expect "use a second pen after 5 minutes" "... with its first aid"
tui_expect "reaction@7 (new), lips: Swollen lips or face" "80x24: a paragraph of its own for lips"
tui_expect "Call emergency services at once if the tongue or" "... lips' own advice"
tui_keys Escape
tui_expect "Saved day 7." "80x24: saved"
is "$(sql 'SELECT signs FROM checkin WHERE day = 7')" "$((AIRWAY + LIPS))" "80x24: airway and lips stored"
tui_keys q
tui_expect_exit 0 "80x24: quit"

# 80x24, day 1: numb-mouth (emergency within a day of the numbing cream)
# and lips ticked, stored, and seen by the command line.
DB="$T/b.db"
run treatment add --date 2026-11-03
tui_start
tui_keys Up Right Enter
tui_expect "Day 1 ·" "80x24: the editor on day 1"
tui_keys Up Right Space
tui_expect "[x] numb mouth, twitching" "80x24: numb-mouth ticked"
tui_expect "numb mouth with metallic taste, ringing ears, dizziness or twitching" \
	"80x24: numb-mouth explained"
tui_keys Up Space
tui_expect "[x] swollen lips or face" "80x24: lips ticked on day 1"
tui_keys Enter
tui_expect "reaction@1 (new), numbing: A numb mouth" "80x24: the numbing paragraph"
tui_expect "toxic reaction to the numbing cream" "... its message"
tui_keys Enter
tui_expect "Saved day 1." "80x24: day 1 saved"
is "$(sql 'SELECT signs FROM checkin WHERE day = 1')" "$((NUMB_MOUTH + LIPS))" \
	"80x24: numb-mouth and lips stored as their bits"
tui_keys q
tui_expect_exit 0 "80x24: quit after day 1"
run export --format json
like "$out" '*"signs": \["numb-mouth", "lips"\]*' "export lists numb-mouth and lips"
run flags --format json
like "$out" '*"rule": "numbing"*' "flags: the numbing finding"
like "$out" '*"rule": "lips"*' "flags: the lips finding"
run show
like "$out" '*!!! emergency reaction@1  open*' "show lists day 1's emergency flag"

# 40x16: one column of signs, the form scrolls with the focus; the
# preview scrolls so the top flag's message is read to its end.
DB="$T/c.db"
run treatment add --date 2026-11-03
TUI_COLS=40 TUI_LINES=16 tui_start
tui_keys Enter Up Up
tui_expect "[ ] numb mouth, twitching" "40x16: numb-mouth in view"
tui_keys Space
tui_expect "[x] numb mouth, twitching" "40x16: numb-mouth ticked"
tui_keys Up Up Up Space
tui_expect "[x] swollen lips or face" "40x16: lips ticked"
tui_expect "lips: swollen lips or face, more" "40x16: lips explained, wrapped"
tui_keys Up Space
tui_expect "[x] breathing or throat" "40x16: airway ticked"
tui_expect "more lines: Tab down to read" "40x16: the preview says it goes on"
# Down through the form into the preview, then on to the message's end.
for i in $(seq 60); do tui_keys Tab; done
tui_expect "even if you feel better; use a" "40x16: the top flag's message read on"
tui_expect "second pen after 5 minutes if you" "40x16: ... to its last lines"
tui_expect "are no better. (also: swollen lips" "40x16: ... and its end"
tui_keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
tui_expect "reaction@7 (new)" "40x16: Up scrolls back to its start"
tui_keys Enter
tui_expect "more below: Down reads on;" "40x16: the box says more is below"
tui_expect "airway: A swollen" "40x16: the box starts with airway"
for i in $(seq 40); do tui_keys Down; done
tui_expect "Swollen lips or face on day 7," "40x16: Down reads on to the lips paragraph"
tui_expect "Enter or Esc: I have read this" "40x16: at its end, how to dismiss it"
tui_keys Escape
tui_expect "Saved day 7." "40x16: saved"
is "$(sql 'SELECT signs FROM checkin WHERE day = 7')" "$((AIRWAY + NUMB_MOUTH + LIPS))" \
	"40x16: airway, numb-mouth and lips stored"
tui_keys q
tui_expect_exit 0 "40x16: quit"

done_testing
