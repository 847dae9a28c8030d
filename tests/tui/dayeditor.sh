#!/bin/bash
# tests/tui/dayeditor.sh — the day editor: its layout at 80x24 (the
# emergency signs first, under the line saying when to call emergency
# services), the temperature typed in and read back by the command line,
# the note written in $EDITOR (two lines kept), the advice box after
# saving an emergency day, a resize in the middle of an edit keeping it,
# and a photo attached by path.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03

# An editor that writes two lines, whatever was in the file.
cat >"$T/editor" <<'SH'
#!/bin/sh
printf 'line one: stings\nline two: cheek warm\n' >"$1"
SH
chmod +x "$T/editor"

tui_start EDITOR="$T/editor" VISUAL=
tui_keys Enter
tui_expect_screen "the day editor at 80x24" <<'SCREEN'
 Day 7 · Tue 2026-11-10 · face                                            today
 Call emergency services for trouble breathing, a swollen tongue or throat, eye
 pain or changed vision, feeling very unwell, a numb mouth with twitching, or
 bleeding that will not stop.
  [ ] breathing or throat   [ ] swollen lips or face  [ ] eye pain or vision
  [ ] very unwell           [ ] numb mouth, twitching [ ] bleeding won't stop
  Space ticks; the meaning shows here
  Redness     [ 0 none ] [ 1 mild ] [ 2 moderate ] [ 3 severe ]  not rated
  Swelling    [ 0 none ] [ 1 mild ] [ 2 moderate ] [ 3 severe ]  not rated
  Bruising    [ 0 none ] [ 1 mild ] [ 2 moderate ] [ 3 severe ]  not rated
  Bleeding    [ 0 none ] [ 1 mild ] [ 2 moderate ] [ 3 severe ]  not rated
  Warning signs (space to tick)
  [ ] skin hot to touch     [ ] pus or cloudy ooze    [ ] yellow/honey crusts
  [ ] redness spreading     [ ] pain getting worse    [ ] fever, 38.0 C or more
  [ ] clustered blisters    [ ] itchy rash or hives   [ ] darker patches
  [ ] lighter patches       [ ] firm bumps, nodules   [ ] lines or track marks
  Temperature [       ] °C Care [ ] sunscreen [ ] sun [ ] actives [ ] makeup
  Photos  0 attached   a attach   o open   i show
  Note                                                v view  E edit in $EDITOR
 No warning from this day.


0-3 rate  ↑↓ field  space tick  y copy prev  ⏎ save  Esc cancel  ? help  q quit
 Not medical advice · emergency: 112 / 911 / 999 · in doubt? call your clinic
SCREEN

# Rate, then E: the editor's two lines come back, line break kept.
tui_keys 1 0 0 0 E
tui_expect "Note edited: Enter saves the day." "E runs \$EDITOR and takes the terminal back"
tui_expect "line one: stings line two: cheek warm" "the note shows inline"
# v: the note viewer shows it whole, line by line.
tui_keys v
tui_expect "Note · day 7 (as edited)" "v opens the note viewer"
is "$(printf '%s\n' "$screen" | sed -n '3,4p')" "  line one: stings
  line two: cheek warm" "the viewer keeps the line break"
tui_keys Escape
tui_expect "Photos  0 attached" "Esc back to the editor"
# Temperature: four down from bleeding's successor (the first sign): four
# rows of signs, then the temperature.
tui_keys Down Down Down Down
tui_type 100.8F
tui_expect "[100.8F ]" "a temperature in Fahrenheit typed"
tui_expect "fever" "the preview takes the temperature as a fever"
tui_keys Enter
tui_wait "I have read this" && tui_keys Escape
tui_expect "Saved day 7." "saved"
run export --format json
like "$out" '*"note": "line one: stings\\nline two: cheek warm"*' \
	"the note from \$EDITOR stored with its line break"
like "$out" '*"temperature_c": 38.2*' "100.8F stored as 38.2 C"
like "$out" '*"redness": 1, "swelling": 0, "bruising": 0, "bleeding": 0*' \
	"the ratings typed before E are kept"

# A bad temperature is refused with the parser's reason; nothing saved.
tui_keys Enter Down Down Down Down Down Down Down Down C-u
tui_type 52
tui_keys Enter
tui_expect "Temperature:" "a temperature out of range is refused on saving"
tui_keys C-u Escape
tui_wait "Throw away" && tui_keys y
tui_expect "Day 7 not changed." "cancelled"

# Emergency: tick "airway" (two up from redness) and save: the advice box stays
# until dismissed, whatever else is typed.
tui_keys Left Enter Up Up Space
tui_expect "[x] breathing or throat" "airway ticked"
tui_expect "(new)" "the preview marks the new flag"
tui_keys Enter
tui_expect "Enter or Esc: I have read this" "saving an emergency day shows the advice box"
tui_expect "emergency:" "the box names the level"
tui_keys j k x
tui_expect "Enter or Esc: I have read this" "the box stays through other keys"
tui_keys Enter
tui_expect_gone "I have read this" "Enter dismisses the box"
tui_expect "Saved day 6. ▲ reaction@6: f shows what to do." "the message names the flag once the box is gone"
is "$(sql 'SELECT signs FROM checkin WHERE day = 6')" "65536" "airway stored"

# A resize in the middle of an edit keeps the edit.
tui_keys Right Enter 3 2
tui_expect "[▶3 severe◀]" "redness rated, not saved"
tmux_ resize-window -t "$TUI_SESSION" -x 100 -y 40
tui_expect "[▶2 moderate◀]" "after growing, the edits are there"
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_expect "[▶3 severe◀]" "after shrinking back too"
tui_keys Enter
tui_expect "Saved day 7." "saved after the resizes"
is "$(sql 'SELECT redness, swelling FROM checkin WHERE day = 7')" "3|2" "the edit made before the resizes"
tui_keys q
tui_expect_exit 0 "quit"

done_testing
