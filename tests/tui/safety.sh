#!/bin/bash
# tests/tui/safety.sh — every screen keeps the safety line at every size:
# at least "Not medical advice · emergency: 112 / 911 / 999" (two rows
# under the status line when 40 columns cannot hold it), the manual's
# whole words where there is room.
. "$top_srcdir/tests/tui/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

run treatment add --date 2026-11-03
"$MKIMG" jpeg "$T/a.jpg" 320 240
run checkin --day 7 --redness 2 --sign pus --photo "$T/a.jpg"

# has_safety DESCRIPTION: the last capture shows the safety line.
has_safety() {
	local flat
	flat=$(printf '%s\n' "$screen" | tail -n 3 | tr '\n' ' ' | tr -s ' ')
	case $flat in
	*"Not medical advice"*"emergency: 112 / 911 / 999"*|*"Not medical advice"*"call 112, 911 or 999"*)
		ok "$1" ;;
	*) not_ok "$1" "$screen" ;;
	esac
}

for size in 40x16 50x20 80x24 160x45 240x30; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	has_safety "$size grid"
	tui_keys f
	tui_wait "Flags" && has_safety "$size flags"
	tui_keys t
	tui_wait "Trends" && has_safety "$size trends"
	tui_keys T
	tui_wait "Treatments" && has_safety "$size treatments"
	tui_keys '?'
	tui_wait "Help" ; has_safety "$size help"
	tui_keys Escape Escape
	tui_wait "day 7"
	tui_keys i
	tui_wait "photo 1 of 1" && has_safety "$size photo"
	tui_keys Escape Enter
	tui_wait "Redness" && has_safety "$size day editor"
	tui_keys Escape q
	tui_expect_exit 0 "$size quit"
done

TUI_COLS=240 TUI_LINES=30 tui_start
like "$(tui_line 30)" "*healgrid does not diagnose. Trouble breathing, a swollen tongue or throat, eye pain or changed vision, or feeling very unwell: call 112, 911 or 999. Otherwise, when in doubt, call your clinic or GP the same day.*" \
	"240 columns: the whole words"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
