#!/bin/bash
# tests/tui/record.sh — the rules of the record hold in the UI as on the
# command line (tests/cli/record.sh): the treatment form moves a date with
# the check-ins keeping theirs; saving a day or attaching a photo past the
# window widens it and says so; a day emptied in the editor is removed;
# at most 4 photos a day; no two treatments share date and area.
. "$top_srcdir/tests/tui/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

"$MKIMG" jpeg "$T/a.jpg" 64 48

# ---- widening and the empty day (today is day 70, the window 28) ---------------
run treatment add --date 2026-09-01
tui_start
tui_keys Enter
tui_expect "Day 70 " "Enter opens today, day 70, past the window"
tui_keys 1 Enter
tui_expect "from 28 to 71 days." "saving says the window widened"
is "$(sql "SELECT window_days FROM treatment")" "71" "saving a day past the window widens it"
tui_keys Enter
tui_expect "Day 70 " "the day again"
tui_keys Left Left Enter
tui_expect "⏎ check in" "saving the emptied day closes the editor"
is "$(sql "SELECT count(*) FROM checkin WHERE day = 70")" "0" "a day emptied in the editor is removed"

# a on a day past the window widens it as saving does.
run treatment edit 1 --window 28
tui_keys Enter
tui_expect "Day 70 " "day 70 again, the window 28 again"
tui_keys a
tui_expect "Attach photo (path):" "a asks for a path"
tui_type "$T/a.jpg"
tui_keys Enter
tui_expect "Photo attached to day 70 (1 in all). The window widened from 28 to 71" \
	"a past the window says the window widened"
is "$(sql "SELECT window_days FROM treatment")" "71" "attaching a photo past the window widens it"
is "$(sql "SELECT count(*) FROM photo WHERE day = 70")" "1" "the photo is stored"
run show
expect_status 0 "show reads the widened treatment"

# At most 4 a day.
for i in 2 3 4; do
	tui_keys a
	tui_wait "Attach photo (path):"
	tui_type "$T/a.jpg"
	tui_keys Enter
	tui_expect "Photo attached to day 70 ($i in all)" "photo $i"
done
tui_keys a
tui_wait "Attach photo (path):"
tui_type "$T/a.jpg"
tui_keys Enter
tui_expect "at most 4 photos a day; day 70 has 4 already" "a fifth is refused"
is "$(sql "SELECT count(*) FROM photo WHERE day = 70")" "4" "four stored"
tui_keys Escape Escape
tui_expect "⏎ check in" "Escape twice: back on the grid"
tui_keys q
tui_expect_exit 0 "quit"

# ---- renumbering: the treatment form moves the date ----------------------------
DB="$T/move.db"
run treatment add --date 2026-11-01
run checkin --day 5 --sign pus
run action add --text "saw GP" --by clinician --for infection@5
tui_start
tui_keys T
tui_expect "1 treatment" "the treatments screen"
tui_keys e C-u
tui_type 2026-11-03
tui_keys Enter
tui_expect "Saved treatment 1." "the date moved in the form"
is "$(sql "SELECT day FROM checkin")" "3" "day 5 became day 3: the check-in keeps its date"
run flags --format json
like "$out" '*"id": "infection@3"*"date": "2026-11-06"*' "the flag keeps its calendar date"
like "$out" '*"id": "infection@3"*"status": "in-care"*"actions": \[1\]*' "and the action that put it in care"
run check
is "$out" "ok" "check: ok"

# ---- no two treatments on one date and area, in the form too ------------------
tui_keys a
tui_expect "New treatment" "a opens the form"
tui_keys C-u
tui_type 2026-11-03
tui_keys Enter
tui_expect "Area: treatment 1 is already face on 2026-11-03" \
	"a second face treatment on the same day is refused, naming the first"
is "$(sql "SELECT count(*) FROM treatment")" "1" "nothing added"
tui_keys Escape
tui_wait "Throw away" && tui_keys y
tui_keys q
tui_expect_exit 0 "quit"
done_testing
