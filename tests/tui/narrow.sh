#!/bin/bash
# tests/tui/narrow.sh — small terminals: text that is cut ends in an
# ellipsis (the flags screen at 40x16 keeps "open" apart from the flag's
# day), trends at 50x20 open on today with as many days as fit and keep
# off the footer, and the treatments panel names the skin type.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-10-01 --window 60 --skin-type IV --risk cold-sores
run checkin --day 16 --sign dark-patches
run checkin --day 38 --redness 2 --swelling 1 --bruising 0 --bleeding 0
expect_status 0 "a treatment of 60 days, today its day 40"

TUI_COLS=40 TUI_LINES=16 tui_start
tui_keys f
tui_expect "pigment@16" "40x16: the flags screen"
line=$(printf '%s\n' "$screen" | grep "pigment@16" | sed 's/ *$//')
case $line in
*"day 16"*|*"…") ok "a heading is whole or ends in an ellipsis: $line" ;;
*) not_ok "a heading is whole or ends in an ellipsis" "$line" ;;
esac
case $line in
*"day 1 "*|*"day 1") not_ok "never 'day 1' for day 16" "$line" ;;
*) ok "never 'day 1' for day 16" ;;
esac
tui_keys q
tui_expect_exit 0 "quit at 40x16"

TUI_COLS=50 TUI_LINES=20 tui_start
tui_keys t
tui_expect "Trends" "50x20: trends"
title=$(tui_line 1)
first=$(printf '%s\n' "$title" | sed -n 's/.*days \([0-9]*\)-\([0-9]*\) of 60.*/\1/p')
last=$(printf '%s\n' "$title" | sed -n 's/.*days \([0-9]*\)-\([0-9]*\) of 60.*/\2/p')
if [ -n "$first" ] && [ "$first" -le 40 ] && [ "$last" -ge 40 ] && [ $((last - first)) -ge 30 ]; then
	ok "50x20: today (day 40) in view with as many days as fit ($first-$last)"
else
	not_ok "50x20: today in view with as many days as fit" "$title"
fi
like "$screen" "*Redness   *2*" "the rating of day 38 on the heat map"
is "$(tui_line 18 | sed 's/ *$//')" "" "the row above the status line stays the message's"
like "$(tui_line 19)" "*Esc back*" "the status line"
like "$(tui_line 20)" "*Not medical advice*" "the safety line"
tui_keys T
tui_expect "Skin:     IV" "the treatments panel names the skin type"
like "$screen" "*Risks: cold-sores*" "... beside the risks"
tui_keys q
tui_expect_exit 0 "quit at 50x20"
done_testing
