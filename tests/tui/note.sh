#!/bin/bash
# tests/tui/note.sh — the note field: UTF-8 typed in, cursor moves and
# backspace over multi-byte characters, stored byte for byte, shown again,
# the 2,000-byte limit, and terminal escapes in a stored note shown
# harmlessly.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03

tui_start
tui_keys Enter n
tui_expect "↑↓ field  ⏎ save  Esc cancel  ←→ cursor" "n moves to the note (status line follows)"
tui_type 'Brûlé ça 日本語 ok'
tui_expect "Note  Brûlé ça 日本語 ok" "UTF-8 typed into the note"
# Three Lefts put the cursor after 語; two Backspaces remove 語 and 本
# (three bytes each).
tui_keys Left Left Left BSpace BSpace
tui_expect "Note  Brûlé ça 日 ok" "Backspace removes whole wide characters"
# To the start, right past "Brû", backspace removes û (2 bytes).
tui_keys C-a Right Right Right BSpace
tui_expect "Note  Brlé ça 日 ok" "Backspace removes a two-byte character"
tui_keys C-e
tui_type '!'
tui_expect "Note  Brlé ça 日 ok!" "Ctrl-E goes to the end"
tui_keys Enter
tui_expect "Saved day 7." "saved"
is "$(sql 'SELECT note FROM checkin WHERE day = 7')" "Brlé ça 日 ok!" "stored byte for byte"
is "$(sql 'SELECT hex(note) FROM checkin WHERE day = 7')" \
	"42726CC3A920C3A76120E697A5206F6B21" "valid UTF-8 stored"
is "$(sql "SELECT ifnull(redness, '-') FROM checkin WHERE day = 7")" "-" \
	"a note alone leaves the ratings unrated"
tui_expect "Day 7 · Tue 2026-11-10 · Brlé ça 日 ok!" "the grid's detail line shows the note"
tui_expect "│ today  ✎│" "today's cell, with the note mark"

# Editing it again: the note comes back; Delete and Ctrl-U.
tui_keys Enter n
tui_expect "Note  Brlé ça 日 ok!" "the stored note in the editor"
tui_keys C-a Delete
tui_expect "Note  rlé ça 日 ok!" "Delete removes the character under the cursor"
tui_keys C-u
tui_expect_gone "rlé" "Ctrl-U clears the field"
tui_type 'x'
tui_keys Enter
tui_expect "Saved day 7." "saved again"
is "$(sql 'SELECT note FROM checkin WHERE day = 7')" "x" "replaced"

# A note at the limit takes no more.  (Written by the command line while
# the UI runs: the UI notices and reads it.)
long=$(printf 'a%.0s' $(seq 1 1999))
run checkin --day 6 --note "$long"
tui_keys Left
tui_expect "Day 6 · Mon 2026-11-09 · aaaa" "the UI picks up a change made from the command line"
tui_keys Enter n
tui_expect "1999/2000" "the byte count shows"
tui_type 'é'
tui_expect "The note is full (2000 bytes)." "a two-byte character does not fit in one byte"
tui_type 'b'
tui_expect "2000/2000" "one more byte fits"
tui_keys Enter
tui_expect "Saved day 6." "saved"
is "$(sql 'SELECT length(note) FROM checkin WHERE day = 6')" "2000" "2000 bytes stored"

# Escape sequences in a stored note never reach the terminal.
run checkin --day 5 --note $'red \e[31mALERT\e[0m \a bell'
tui_keys Left
tui_expect "ALERT" "the note is shown"
tui_capture -e
case $screen in
*$'\e[31mALERT'*) not_ok "the note's escape codes are not passed through" "$screen" ;;
*) ok "the note's escape codes are not passed through" ;;
esac
tui_keys q
tui_expect_exit 0 "quit"

done_testing
