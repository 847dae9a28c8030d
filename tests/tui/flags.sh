#!/bin/bash
# tests/tui/flags.sh — ticking a warning sign raises a flag: live in the day
# editor's preview, then on the grid (marker, header count, detail line)
# and on the flags screen; unticking takes it away again.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 1 --bleeding 1

tui_start
tui_expect "‼ 0 urgent   ! 0 see doctor   · 0 watch" "no flags at first"

# Day 7: rate, then five fields down from bleeding is "pus" (left column,
# second row).
tui_keys Enter 1 1 0 0
tui_expect "No warning from this day." "preview: nothing yet"
tui_keys Right Space
tui_expect "[x] pus or cloudy ooze" "Space ticks pus"
tui_expect "‼ infection@7 (new) · open: pus. Pus or cloudy discharge from the needle marks" \
	"the editor previews the urgent flag before saving"
tui_keys Enter
# An urgent day: the advice stays in a box until dismissed.
tui_expect "Enter or Esc: I have read this" "saving an urgent day shows the advice box"
tui_expect "‼ urgent, infection@7 (new): Pus or cloudy discharge from the needle" "the box holds the advice"
tui_keys Enter
tui_expect "Saved day 7. ‼ infection@7: f shows what to do." "saving names the new flag"
tui_expect "‼ 1 urgent   ! 0 see doctor   · 0 watch" "header counts the urgent flag"
tui_expect "│ ‼ today │" "today's cell carries the urgent marker"
tui_expect "Day 7 · Tue 2026-11-10 · ‼ infection@7 · signs: pus" "detail line names flag and sign"
is "$(sql 'SELECT signs FROM checkin WHERE day = 7')" "2" "pus stored as a sign"
run show
like "$out" "*|!! today |*" "show agrees: urgent flag today"

tui_keys f
tui_expect_screen "the flags screen lists the flag with its advice" <<'EOF'
 Flags · face · 2026-11-03 · professional 1.0 mm 1 open · 0 in care · 0 settled
 ──────────────────────────────────────────────────────────────────────────────
 ▲ call emergency services now (112, 911 or 999)   ‼ get medical care today (…
   ‼ urgent  infection@7 · day 7 · open
     Pus or cloudy discharge from the needle marks on day 7 can mean an
     infection: get medical care today (your GP, an urgent care centre, or the
     clinic that treated you). Get care today if it spreads, or you get a
     fever or feel unwell.
     findings: pus (day 7)
 What was done: 0 actions, 0 medicines
     nothing recorded yet: r records what was done for a flag, a an action of
     its own, m a medicine










↑↓ move r done space mark a action m medicine ⏎ day Esc back ? help q quit
 Not medical advice · emergency: 112 / 911 / 999 · in doubt? call your clinic
EOF

# A second sign on an earlier day: urgent stays first, then by day.
tui_keys Escape
tui_expect "⏎ check in" "Esc back to the grid"
tui_keys Left Left Left Enter Down Down Down Down Down Down Right Right Space
tui_expect "[x] darker patches" "dark patches ticked on day 4"
tui_expect "· pigment@4 (new) · open: dark-patches-early. Darker patches on day 4 are" "preview: a watch flag"
tui_keys Enter
tui_expect "Saved day 4." "day 4 saved"
tui_expect "‼ 1 urgent   ! 0 see doctor   · 1 watch" "header counts both levels"
tui_keys f
tui_expect "2 open" "two flags listed"
is "$(printf '%s\n' "$screen" | grep -n 'day [47] ·' | cut -d: -f1 | tr '\n' ' ')" "4 10 " \
	"urgent first, then watch"
tui_keys Down Enter
tui_expect "Day 4 · Sat 2026-11-07 · · pigment@4" "Enter on a flag shows its day on the grid"

# Untick pus on day 7: the urgent flag goes away.
tui_keys g Enter Down Down Down Down Right Space
tui_expect "[ ] pus or cloudy ooze" "Space unticks pus"
tui_expect "No warning from this day." "preview clears"
tui_keys Enter
tui_expect "‼ 0 urgent   ! 0 see doctor   · 1 watch" "urgent flag gone from the header"

tui_keys q
tui_expect_exit 0 "quit"

done_testing
