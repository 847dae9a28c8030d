#!/bin/bash
# tests/tui/selection.sh — a list keeps its selection by what is selected,
# not by its place: when another program changes the flags while the flags
# screen is open, the flag the person selected stays selected, and `r`
# records the action for that flag, never for one that moved into its
# place unseen.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 1 --sign pus
run checkin --day 2 --sign rash

tui_start
tui_keys f
tui_expect "2 open" "two open flags: urgent infection@1, then reaction@2"
tui_keys Down
# Another program raises a more serious flag, which sorts first: the
# second place now holds infection@1.  The next key reloads the list.
run checkin --day 3 --sign eye
tui_keys r
tui_expect "What was done?" "r asks what was done"
tui_type "antihistamine"
tui_keys Enter
tui_expect "Who: c a clinician" "then who"
tui_keys s
tui_expect "When (YYYY-MM-DD" "then when"
tui_keys Enter
tui_expect "Recorded for reaction@2." "the action is for the flag that was selected"
run action list --format json
like "$out" '*"reaction@2"*' "the command line sees the action for reaction@2"
case $out in
*'"infection@1"'*) not_ok "and not for infection@1, which moved into its place" "$out" ;;
*) ok "and not for infection@1, which moved into its place" ;;
esac
tui_keys q
tui_expect_exit 0 "quit"
done_testing
