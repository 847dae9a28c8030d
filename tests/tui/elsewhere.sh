#!/bin/bash
# tests/tui/elsewhere.sh — data changed by another program while a list
# screen shows it: the UI reads it again, the selection stays within the
# list, and a question acts on what it asked about, not on whatever row
# is selected when the answer comes.
. "$top_srcdir/tests/tui/lib.sh"

# ---- flags: the selected flag goes away ------------------------------------
# Three flags: a rash on day 2 (a reaction), and six signs on day 5 make an
# infection and a cold sore.
run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 2 --redness 1 --swelling 1 --bruising 0 --bleeding 0 --sign rash
run checkin --day 5 --redness 1 --swelling 1 --bruising 0 --bleeding 0 \
	--sign warmth,pus,crusting,spreading,fever,blisters
run flags --format json
is "$(printf '%s\n' "$out" | grep -o '"kind"' | wc -l)" 3 "three flags to start with"

tui_start
tui_keys f
tui_expect "3 open" "the flags screen lists three"
tui_keys Down Down
tui_expect "A rash or hives on day 2" "the last flag is in view"
# Day 5's signs cleared elsewhere: one flag (day 2's rash) is left, and
# Enter arrives in the same turn as the change.
tui_behind_back checkin --day 5 --sign '' -- Enter
is "$status" 0 "the command line cleared day 5's signs"
tui_expect "Day 2 · Thu 2026-11-05 · ! reaction@2" "Enter shows the one flag left on the grid"
tui_keys f
tui_expect " 1 open" "the flags screen counts one"
tui_keys Enter
tui_expect "Day 2 · Thu 2026-11-05" "and Enter on it still works"
tui_keys q
tui_expect_exit 0 "the UI ran on and quit normally"

# ---- treatments: the question carries its treatment ------------------------
rm -f "$DB"
run treatment add --date 2026-10-01 --area neck
run treatment add --date 2026-11-03 --area face
tui_start
tui_keys T
tui_expect "2 treatments" "two treatments listed"
tui_keys Down d
tui_expect "Delete the face treatment of 2026-11-03" "d asks about the face treatment"

# A treatment that sorts before it, added elsewhere, with "y" in the same turn.
tui_behind_back treatment add --date 2026-09-01 --area chest -- y
tui_expect "Deleted treatment 2" "y deletes the face treatment"
run treatment list --format json
like "$out" '*"area": "neck"*' "the neck treatment remains"
like "$out" '*"area": "chest"*' "the chest treatment remains"
case $out in *'"area": "face"'*) not_ok "the face treatment is gone" "$out" ;;
	*) ok "the face treatment is gone" ;; esac

# The treatment asked about deleted elsewhere, and the list drawn again
# before the answer: "y" deletes nothing else.
tui_keys Up d
tui_expect "Delete the chest treatment of 2026-09-01" "d asks about the chest treatment"
run treatment delete 3 --yes
tui_expect "1 treatment" "the list shows the deletion made elsewhere"
tui_keys y
tui_expect "no treatment 3" "y on a treatment already gone says so"
run treatment list --format json
like "$out" '*"area": "neck"*' "the neck treatment was not deleted instead"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
