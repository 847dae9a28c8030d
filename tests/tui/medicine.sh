#!/bin/bash
# tests/tui/medicine.sh — `m` on the flags screen records a medicine (its
# name, its dose, the day it began); "What was done" lists the medicines
# with the actions, and the command line sees the same medicine.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 2 --sign blisters
run medicine add --name ibuprofen --from 2026-11-04 --to 2026-11-06
expect_status 0 "a medicine from the command line"

for size in 80x24 40x16; do
	TUI_COLS=${size%x*} TUI_LINES=${size#*x} tui_start
	tui_keys f
	tui_keys End
	tui_expect "1 medicine" "$size: what was done counts the medicine"
	[ "$size" = 80x24 ] && tui_expect "medicine ibuprofen, 11-04 to 11-06" "$size: and lists it"
	tui_keys q
	tui_expect_exit 0 "$size: quit"
done

tui_start
tui_keys f
tui_keys m
tui_expect "Medicine (its name):" "m asks the medicine's name"
tui_keys Enter
tui_expect "Medicine: " "a name is needed"
# Letters that are keys elsewhere (f, q, r, a, m) are text here.
tui_type "valaciclovir"
tui_keys Enter
tui_expect "Dose (Enter for none):" "then its dose"
tui_type "500 mg, q 12 h"
tui_keys Enter
tui_expect "Taken from (YYYY-MM-DD, Enter for today): 2026-11-10" "then the day it began, today offered"
tui_keys C-u
tui_type "2026-11-05"
tui_keys Enter
tui_expect "Medicine recorded." "recorded"
tui_keys End
tui_expect "2 medicines" "what was done counts both"
tui_expect "medicine valaciclovir 500 mg, q 12 h, since 11-05" "the new one listed, still taken"
run medicine list --format json
like "$out" '*"name": "valaciclovir", "dose": "500 mg, q 12 h", "from": "2026-11-05", "to": null*' \
	"the command line sees the medicine as typed"
tui_keys m
tui_expect "Medicine (its name):" "m again"
tui_keys Escape
tui_expect_gone "Medicine (its name):" "Esc: never mind"
run medicine list --format json
is "$(printf '%s' "$out" | grep -o '"id": [0-9]*' | wc -l)" 2 "nothing added by Esc"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
