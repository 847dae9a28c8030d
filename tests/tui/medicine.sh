#!/bin/bash
# tests/tui/medicine.sh — `m` on the flags screen records a medicine as
# `medicine add` takes it (its name, its dose, its first day, then its
# last day, a number of days or none); "What was done" lists the medicines
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
tui_expect "Taken to (YYYY-MM-DD, or days; Enter: ongoing):" "then its last day, none offered"
tui_keys Enter
tui_expect "Medicine recorded." "recorded"
tui_keys End
tui_expect "2 medicines" "what was done counts both"
tui_expect "medicine valaciclovir 500 mg, q 12 h, since 11-05" "the new one listed, still taken"
run medicine list --format json
like "$out" '*"name": "valaciclovir", "dose": "500 mg, q 12 h", "from": "2026-11-05", "to": null*' \
	"the command line sees the medicine as typed"

# A last day as a date, at 80x24, then as a number of days, at 40x16:
# the stored row says what `medicine add --to` and `--days` would.
# med NAME FROM: m, the name, no dose, the first day; at the last question.
med() {
	tui_keys m
	tui_expect "Medicine (its" "$1: m asks the name"
	tui_type "$1"
	tui_keys Enter
	tui_expect "Dose (Enter" "$1: the dose"
	tui_keys Enter
	tui_expect "Taken from (" "$1: the first day"
	tui_keys C-u
	tui_type "$2"
	tui_keys Enter
	tui_expect "Taken to (" "$1: the last day"
}
med cefalexin 2026-11-06
tui_type "2026-11-05"
tui_keys Enter
tui_expect "Taken to: 2026-11-05 is before the course began (2026-11-06)" \
	"a last day before the first is refused, as by medicine add"
is "$(sql "SELECT count(*) FROM medicine WHERE name = 'cefalexin'")" 0 "nothing stored yet"
tui_keys C-u
tui_expect "Taken to (" "the question stays, to mend"
tui_type "2026-11-12"
tui_keys Enter
tui_expect "Medicine recorded." "a last day as a date: recorded"
is "$(sql "SELECT date_from || ' ' || date_to FROM medicine WHERE name = 'cefalexin'")" \
	"2026-11-06 2026-11-12" "stored from the first day to the date given"
tui_keys End
tui_expect "medicine cefalexin, 11-06 to 11-12" "listed with both days"
tui_keys q
tui_expect_exit 0 "quit"

TUI_COLS=40 TUI_LINES=16 tui_start
tui_keys f
tui_expect "Flags" "40x16: the flags screen"
med aciclovir 2026-11-07
tui_type "0"
tui_keys Enter
tui_expect "Taken to: expected a whole number" "40x16: zero days refused, as by medicine add --days"
tui_keys C-u
tui_type "5"
tui_keys Enter
tui_expect "Medicine recorded." "40x16: a number of days: recorded"
is "$(sql "SELECT date_from || ' ' || date_to FROM medicine WHERE name = 'aciclovir'")" \
	"2026-11-07 2026-11-11" "five days from 11-07 end on 11-11, as medicine add --days 5"
run medicine add --name check --from 2026-11-07 --days 5
run medicine list --format json
like "$out" '*"name": "check", "dose": "", "from": "2026-11-07", "to": "2026-11-11"*' \
	"the command line's --days 5 gives the same last day"
run medicine delete --yes "$(sql "SELECT id FROM medicine WHERE name = 'check'")"
tui_keys m
tui_expect "Medicine (its" "m again"
tui_keys Escape
tui_expect_gone "Medicine (its name):" "Esc: never mind"
run medicine list --format json
is "$(printf '%s' "$out" | grep -o '"id": [0-9]*' | wc -l)" 4 "nothing added by Esc"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
