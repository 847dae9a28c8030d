#!/bin/bash
# tests/tui/screens.sh — trends (heat map, sparklines with gaps, the
# comparison with earlier treatments, the ASCII fallback), help (made
# from the key table), the report key, and a long window that scrolls.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-09-01 --depth 0.5
run checkin --treatment 1 --day 0 --redness 3 --swelling 2 --bruising 1 --bleeding 1
run checkin --treatment 1 --day 1 --redness 2 --swelling 1 --bruising 0 --bleeding 0
run checkin --treatment 1 --day 2 --redness 0 --swelling 0 --bruising 0 --bleeding 0
run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 0 --bleeding 1
run checkin --day 1 --redness 2 --swelling 2 --bruising 1 --bleeding 0
run checkin --day 3 --redness 1 --swelling 1 --bruising 0 --bleeding 0
run checkin --day 4 --redness 1 --swelling 0 --bruising 0 --bleeding 0

tui_start
tui_keys t
tui_expect_screen "trends: heat map, sparklines with a gap, days to clear" <<'EOF'
 Trends · face · 2026-11-03 · professional 1.0 mm               days 0-27 of 28
 ──────────────────────────────────────────────────────────────────────────────
 Heat map    0    5    10   15   20   25
   Redness   32 11   ····················
   Swelling  22 10   ····················
   Bruising  01 00   ····················
   Bleeding  10 00   ····················

 Sparklines  0    5    10   15   20   25
   Redness   █▅ ▃▃                         peak 3 on day 0 · not clear yet
   Swelling  ▅▅ ▃▁                         peak 2 on day 0 · clear day 4
   Bruising  ▁▃ ▁▁                         peak 1 on day 1 · clear day 3
   Bleeding  ▃▁ ▁▁                         peak 1 on day 0 · clear day 1

 Days until clear       this        earlier treatments
                        2026-11-03  2026-09-01
   redness              not yet     2
   swelling             4           2
   bruising             3           1
   bleeding             1           1
   — never above none   ? not rated

←→ scroll  f flags  T treatments  p report  Esc back  ? help  q quit
 Not medical advice · emergency: 112 / 911 / 999 · in doubt? call your clinic
EOF

tui_keys p
tui_expect "Report written:" "p writes the report"
# The whole path, folder included, wrapped in a box when longer than the
# line: the box's lines, joined, name it.
joined=$(printf '%s\n' "$screen" | sed -n 's/^│ \(.*[^ ]\) *│$/\1/p' | tr -d '\n')
like "$joined" "Report written:*$T/healgrid-report-2026-11-03-2.pdf*(and .html, .txt)" \
	"p names the report's full path, folder included"
is "$(mode_of "$T/healgrid-report-2026-11-03-2.pdf") $(mode_of "$T/healgrid-report-2026-11-03-2.html") $(mode_of "$T/healgrid-report-2026-11-03-2.txt")" \
	"600 600 600" "the report files are private"
like "$(head -c 5 "$T/healgrid-report-2026-11-03-2.pdf")" "%PDF-" "p writes the PDF"
like "$(cat "$T/healgrid-report-2026-11-03-2.txt")" "*not medical advice*" "the text report is complete"
like "$(cat "$T/healgrid-report-2026-11-03-2.html")" "*</html>*" "the HTML report is complete"

# ---- help comes from the key table ----------------------------------------------
tui_keys '?'
tui_expect "Help: keys and symbols" "? opens help"
tui_expect "Trends" "help opens at the section of the screen it came from"
tui_expect "Left, h               earlier days (windows wider than the screen)" \
	"help lists the trends keys"
tui_keys Escape
tui_expect "Heat map" "Esc goes back to trends"
tui_keys Escape
tui_expect "⏎ check in" "Esc goes back to the grid"
tui_keys '?'
tui_expect "Enter                 check in or correct the selected day" \
	"from the grid, help starts at the grid's keys"
tui_keys PPage
found=no
for i in 1 2 3 4 5 6 7 8; do
	tui_keys NPage
	sleep 0.1
	tui_capture
	case $screen in *"not rated (never the same as 0)"*) found=yes; break ;; esac
done
is "$found" yes "PgDn reaches the symbols"
tui_keys NPage NPage NPage
tui_expect "   ✎                     a note" "symbols aligned by display width"
tui_keys '?'
tui_expect "⏎ check in" "? again closes help"

# ---- ASCII sparklines ---------------------------------------------------------------
TUI_LOCALE=C tui_start
tui_keys t
tui_expect "   Redness   #+ --" "C locale: ASCII sparkline, gap blank"
tui_expect "   Bruising  .- .." "C locale: 0 is '.', not a gap"
tui_expect "   - never above none   ? not rated" "C locale: ASCII dash"
tui_keys q
tui_wait_exit

# ---- a window longer than four weeks scrolls by week --------------------------------
run treatment add --date 2026-10-01 --window 60
run checkin --treatment 3 --day 40 --redness 1
tui_start
tui_keys T
tui_expect "3 treatments" "three treatments"
tui_keys Up Enter
tui_expect "healgrid · face · 2026-10-01 · professional" "switched to the 60-day treatment"
tui_expect "day 40 of 60" "today is day 40"
tui_expect " weeks 3-6 of 9: more below " "the grid scrolled to today's week"
tui_expect "│40  11-10│" "today's week is on screen"
tui_keys PPage
tui_expect " weeks 2-5 of 9: more below " "PgUp scrolls back four weeks"
tui_keys PPage PPage
tui_expect " weeks 1-4 of 9: more below " "at the top"
tui_expect "│ 0  10-01│" "day 0 visible"
tui_keys NPage NPage NPage
tui_expect " weeks 6-9 of 9 " "PgDn to the last weeks"
tui_expect "│59  11-29│" "the last day"
tui_keys t
tui_expect "days 14-46 of 60" "trends opens with today in view"
tui_expect "▃        peak 1 on day 40" "day 40's rating drawn"
tui_keys Left
tui_expect "days 7-39 of 60" "Left scrolls back a week"
tui_keys Left Left
tui_expect "days 0-32 of 60" "... down to day 0"
tui_keys Right Right Right Right Right Right Right Right Right Right
tui_expect "days 27-59 of 60" "Right stops with the last day at the right edge"
tui_keys Left
tui_expect "days 20-52 of 60" "... and Left goes back a week from there"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
