#!/bin/bash
# tests/tui/treatments.sh — the treatments screen and form: a first
# treatment from an empty database, adding, switching, editing, checks
# on bad values, and deleting with confirmation.
. "$top_srcdir/tests/tui/lib.sh"

tui_start
tui_expect "No treatment yet." "an empty database greets with what to do"

# ---- the first treatment, from the empty grid -------------------------
tui_keys Enter
tui_expect "New treatment" "Enter opens the treatment form"
tui_expect "[2026-11-10 ]" "date defaults to today"
tui_keys C-u
tui_type 2026-11-01
tui_keys Down Right Down
tui_type 0.5
tui_keys Down C-u
tui_type neck
tui_keys Enter
tui_expect "Added treatment 1" "Enter adds it"
tui_expect "healgrid · neck · 2026-11-01 · home 0.5 mm" "the grid shows the new treatment"
tui_expect "day 9 of 28" "... on today's day"
is "$(sql "SELECT date, device, depth_mm, area, window_days FROM treatment")" \
	"2026-11-01|home|0.5|neck|28" "stored as typed"

# ---- a second one, through the list ----------------------------------------
tui_keys T
tui_expect "1 treatment" "T lists the treatments"
tui_keys a
tui_expect "New treatment" "a opens the form"
tui_keys C-u
tui_type 2026-02-30
tui_keys Enter
tui_expect 'Date: 2026-02-30: there is no day 30 in February 2026' "an impossible date is refused"
is "$(sql 'SELECT count(*) FROM treatment')" "1" "nothing stored"
tui_keys BSpace BSpace
tui_type 01
tui_keys Down Down
tui_type 4
tui_keys Enter
tui_expect "Depth: expected millimetres from 0.1 to 3.0" "a depth out of range is refused"
tui_keys BSpace
tui_type 1.5
# The skin type, four fields down; then past the note to the risks, Space.
tui_keys Down Down Down Down
tui_type iv
tui_keys Down Down Space
tui_expect "[x] active skin infection" "Space ticks a risk"
tui_keys Enter
tui_expect "Added treatment 2" "second treatment added"
run export --format json
like "$out" '*"date": "2026-02-01"*"skin_type": 4*' "the skin type typed as iv is stored as 4"
tui_expect "healgrid · face · 2026-02-01 · professional 1.5 mm" "grid follows the new one"
tui_keys f
tui_expect "Precautions, before and after this session:" "its risk raises a precaution, apart from flags"
tui_expect "0 open · 0 in care · 0 settled" "a precaution is never counted with flags"
tui_keys Escape
tui_wait "check in"
is "$(sql "SELECT date, depth_mm, risks FROM treatment WHERE id = 2")" "2026-02-01|1.5|1" \
	"second treatment stored"

# ---- switch ----------------------------------------------------------------
tui_keys T
tui_expect "2 treatments" "both listed"
tui_capture
like "$(tui_line 4)" "*2  2026-02-01  professional  1.5 mm*viewing*" "oldest first, the one viewed marked"
like "$(tui_line 5)" "*1  2026-11-01  home*neck*" "the neck treatment second"
tui_keys Down Enter
tui_expect "Showing treatment 1 of 2026-11-01." "Enter switches"
tui_expect "healgrid · neck · 2026-11-01" "grid shows treatment 1"

# ---- edit ------------------------------------------------------------------
tui_keys T
tui_expect "2 treatments" "list again"
tui_keys Up e
tui_expect "Edit treatment 2" "e edits the selected one"
tui_keys Down Down Down C-u
tui_type forehead
tui_keys Escape
tui_expect "Throw away this treatment's changes?" "Esc with edits asks"
tui_keys n
tui_expect_gone "Throw away" "n keeps the form"
tui_keys Enter
tui_expect "Saved treatment 2." "edit saved"
tui_expect "forehead" "the list shows the new area"
is "$(sql "SELECT area FROM treatment WHERE id = 2")" "forehead" "area updated"

# A window too short for a stored check-in is refused.
run checkin --treatment 2 --day 20 --redness 1
tui_keys e Down Down Down Down Down C-u
tui_type 14
tui_keys Enter
tui_expect "Window: day 20 is checked in; at least 21" \
	"the window cannot drop a checked-in day"
tui_keys Escape
tui_expect "Throw away" "asks"
tui_keys y
tui_expect "2 treatments" "back on the list"
is "$(sql "SELECT window_days FROM treatment WHERE id = 2")" "28" "window unchanged"

# ---- delete ------------------------------------------------------------------
tui_keys d
tui_expect "Delete the forehead treatment of 2026-02-01 and its 1 check-in?" "d asks first"
tui_keys n
tui_expect_gone "Delete the" "n keeps it"
is "$(sql 'SELECT count(*) FROM treatment')" "2" "still two"
tui_keys d
tui_expect "Delete the forehead" "asks again"
tui_keys y
tui_expect "Deleted treatment 2 and its check-ins." "y deletes"
tui_expect "1 treatment" "one left"
is "$(sql 'SELECT count(*) FROM treatment')" "1" "one treatment stored"
is "$(sql 'SELECT count(*) FROM checkin WHERE treatment_id = 2')" "0" "its check-ins went too"

# Deleting the current one leaves the grid empty.
tui_keys d
tui_expect "Delete the neck" "delete the last one"
tui_keys y
tui_expect "No treatment yet: press a to add one." "list empty"
tui_keys Escape
tui_expect "No treatment yet." "grid empty again"

tui_keys q
tui_expect_exit 0 "quit"

# ---- text longer than its column -------------------------------------------
# Cut by display width, never inside a character, and marked with an
# ellipsis.
run treatment add --date 2026-11-01 --area "the left cheek and the jaw line"
run treatment add --date 2026-11-02 --area "頬と顎のライン頬と顎のライン"
tui_start
tui_keys T
tui_expect "2 treatments" "two treatments listed"
tui_capture
like "$(tui_line 4)" "* mm     the left cheek …  28 days*" "a long area ends in an ellipsis"
like "$(tui_line 5)" "* mm     頬と顎のライン…   28 days*" \
	"double-width text is cut between characters, then the ellipsis"
TUI_LOCALE=C tui_start
tui_keys T
tui_expect "2 treatments" "ASCII: listed"
tui_capture
like "$(tui_line 4)" "* mm     the left cheek ~  28 days*" "ASCII: the ellipsis is a tilde"
tui_keys q
tui_expect_exit 0 "quit"

# A treatment dated after today is marked planned.
run treatment add --date 2027-02-15 --area neck
tui_start
tui_keys T
tui_expect "3 treatments" "three treatments listed"
tui_capture
like "$(tui_line 6)" "*2027-02-15*neck*28 days  planned*" "the treatment in 97 days is marked planned"
like "$(tui_line 5)" "*28 days  viewing" "the one dated today or earlier is viewed, not planned"
tui_keys q
tui_expect_exit 0 "quit"

# The profile, from the treatments screen: P asks name, born, clinic.
tui_start
tui_keys T
tui_expect "Profile:  none" "no profile yet"
tui_keys P
tui_expect "Your name:" "P asks the name"
tui_type "Ana Ruiz"
tui_keys Enter
tui_expect "Born (YYYY-MM-DD" "then the birth date"
tui_type 2030-01-01
tui_keys Enter
tui_expect "Born: that is after today." "a birth date after today is refused"
tui_keys C-u
tui_type 1990-04-02
tui_keys Enter
tui_expect "Clinic:" "then the clinic"
tui_type "Derma Nord, Hamburg"
tui_keys Enter
tui_expect "Profile saved" "saved"
tui_expect "Profile:  Ana Ruiz · born 1990-04-02 · Derma Nord, Hamburg" "the profile shows"
run profile --format json
is "$out" '{"profile": {"name": "Ana Ruiz", "born": "1990-04-02", "clinic": "Derma Nord, Hamburg"}}' \
	"the command line reads the profile typed in the UI"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
