#!/bin/bash
# tests/tui/termphoto.sh — photos drawn inside the terminal: `i` on the
# grid and in the day editor shows the day's photos as coloured block
# symbols (tmux is a multiplexer, so never pixels), `n` the next photo,
# `c` the day beside another (day 0 offered first, arrows pick the other),
# a resize fits the picture again, 40x16 still shows one, and a day with
# no photo says how to attach one.
. "$top_srcdir/tests/tui/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

run treatment add --date 2026-11-03
"$MKIMG" jpeg "$T/a.jpg" 1600 1200
"$MKIMG" jpeg "$T/b.jpg" 640 480
"$MKIMG" prog "$T/c.jpg" 300 400
run checkin --day 0 --redness 3 --photo "$T/a.jpg"
run checkin --day 2 --redness 2 --photo "$T/c.jpg"
run checkin --day 4 --redness 2 --photo "$T/b.jpg" --photo "$T/a.jpg"
expect_status 0 "three days with photos"

# colour_blocks DESCRIPTION: the pane, with its attributes, holds block
# symbols drawn in 256-colour cells.
colour_blocks() {
	local esc
	esc=$(tmux_ capture-pane -p -e -t "$TUI_SESSION")
	case $esc in
	*$'\e[38;5;'*|*$'\e[48;5;'*) ;;
	*) not_ok "$1" "no 256-colour cell in:" "$esc"; return ;;
	esac
	if printf '%s' "$esc" | grep -q '[▀▄█▌▐▖▗▘▝▁▂▃▅▆▇▉▊▋▍▎▏▔▕]'; then
		ok "$1"
	else
		not_ok "$1" "no block symbol in:" "$esc"
	fi
}

# widest: columns of the widest line of the last capture.
widest() { printf '%s\n' "$screen" | LC_ALL=C.UTF-8 wc -L; }

tui_start
tui_keys Left Left Left i
tui_expect "Day 4 · Sat 2026-11-07 · photo 1 of 2" "i on the grid shows the day's first photo"
colour_blocks "80x24: the photo is coloured block symbols"
no=$(printf '%s\n' "$screen" | grep -c '[▀▄█▌▐▁▂▃▅▆▇▉▊▋▍▎▏▔▕]')
[ "$no" -ge 15 ] && ok "the picture fills the screen's height ($no rows)" ||
	not_ok "the picture fills the screen's height" "$screen"
like "$screen" "*n next photo*c compare*Esc back*" "the status line says the photo keys"
tui_keys n
tui_expect "photo 2 of 2" "n: the day's next photo"
tui_keys n
tui_expect "photo 1 of 2" "n wraps to the first"

tui_keys c
tui_expect "Day 0 · Tue 11-03 · photo 1 of 1" "c compares with day 0 first"
like "$screen" "*Day 4 · Sat 11-07 · photo 1 of 2*Day 0*" "the day on the left, day 0 beside it"
colour_blocks "both sides drawn in colour"
tui_keys Right
tui_expect "Day 2 · Thu 11-05" "Right: the next later day with photos beside"
tui_keys Right
tui_expect "No later day has a photo." "past the last day with photos, it says so"
tui_keys Left
tui_expect "Day 0 · Tue 11-03" "Left goes back to day 0"
tui_keys c
tui_expect_gone "Day 0 · Tue" "c again: one day"

# A resize fits the picture to the new size.
tmux_ resize-window -t "$TUI_SESSION" -x 160 -y 45
tui_wait "Day 4 · Sat 2026-11-07"
end=$(_tui_deadline)
while [ "$(widest)" -le 100 ] && [ "$(_tui_now)" -lt "$end" ]; do sleep 0.05; tui_capture; done
[ "$(widest)" -gt 100 ] && ok "160x45: the picture grows with the terminal" ||
	not_ok "160x45: the picture grows" "$screen"
colour_blocks "160x45: coloured block symbols"
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_wait "photo 1 of 2"
end=$(_tui_deadline)
while [ "$(widest)" -gt 80 ] && [ "$(_tui_now)" -lt "$end" ]; do sleep 0.05; tui_capture; done
[ "$(widest)" -le 80 ] && ok "back to 80x24: nothing wider than the terminal" ||
	not_ok "back to 80x24" "$screen"
tui_keys Escape
tui_expect "day 7 of" "Esc goes back to the grid"

# A day without photos says how to get one.
tui_keys Right i
tui_expect "Day 5 has no photo" "i on a day without photos says so"

# In the day editor, i shows the day being edited; Esc comes back to it.
tui_keys Left Enter
tui_expect "Photos  2 attached" "the day editor of day 4"
tui_keys i
tui_expect "Day 4 · Sat 2026-11-07 · photo 1 of 2" "i in the day editor shows its photos"
tui_keys Escape
tui_expect "Photos  2 attached" "Esc goes back to the editor"
tui_keys Escape q
tui_expect_exit 0 "quit"

# 40x16: one photo, fitted.
TUI_COLS=40 TUI_LINES=16 tui_start
tui_keys Left Left Left i
tui_expect "Day 4 · Sat 11-07 · photo 1 of 2" "40x16: the title in short"
colour_blocks "40x16: the photo drawn"
[ "$(widest)" -le 40 ] && ok "40x16: nothing wider than the terminal" ||
	not_ok "40x16 fits" "$screen"
tui_keys c
tui_expect "Day 0" "40x16: c still compares"
tui_keys q
tui_expect_exit 0 "quit at 40x16"

# 50x20 and 160x45 from the start, NO_COLOR: symbols without colour.
TUI_COLS=160 TUI_LINES=45 tui_start NO_COLOR=1
tui_keys Left Left Left i c
tui_expect "Day 0 · Tue 2026-11-03 · photo 1 of 1" "160x45: side by side"
esc=$(tmux_ capture-pane -p -e -t "$TUI_SESSION")
case $esc in
*$'\e[38;5;'*|*$'\e[48;5;'*) not_ok "NO_COLOR: no colour" ;;
*) ok "NO_COLOR: the photo without colour" ;;
esac
tui_keys q
tui_expect_exit 0 "quit at 160x45"

TUI_COLS=50 TUI_LINES=20 tui_start
tui_keys Left Left Left i
tui_expect "photo 1 of 2" "50x20: the photo"
colour_blocks "50x20: coloured block symbols"
tui_keys q
tui_expect_exit 0 "quit at 50x20"
done_testing
