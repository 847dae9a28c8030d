#!/bin/bash
# tests/tui/robust.sh — the interface under stress: a terminal too small
# and resized back, signals (the terminal must come back every time), a
# monochrome terminal and NO_COLOR, a database that refuses a write, the
# mouse, and redraw.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03 --depth 1.0
run checkin --day 0 --redness 3 --swelling 2 --bruising 0 --bleeding 1

# ---- no terminal ---------------------------------------------------------------
run </dev/null
expect_error 2 "the full-screen interface needs a terminal; 'healgrid show' prints the grid as text" \
	"without a terminal the UI says what to use instead"

# ---- resize ----------------------------------------------------------------
tui_start
tmux_ resize-window -t "$TUI_SESSION" -x 39 -y 20
tui_expect "terminal too small" "below 40x16: a clear notice"
tui_expect "healgrid needs 40×16; this one is" "... naming the size needed"
tui_expect "39×20." "... and this one"
tui_expect "not medical advice" "... and the not-medical-advice line"
tui_keys Enter
tui_keys 2
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_expect "day 7 of 28" "back at 80x24 the grid returns"
tui_expect_gone "terminal too small" "the notice is gone"
is "$(sql 'SELECT count(*) FROM checkin WHERE day = 7')" "0" "keys while too small did nothing"
tmux_ resize-window -t "$TUI_SESSION" -x 100 -y 40
tui_expect "│27 Mon 11-30 │" "a bigger terminal draws the whole grid, in wider cells"
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_expect "day 7 of 28" "and back"

# Small in the middle of an edit: the edit survives the resize.
tui_keys Enter 2
tui_expect "[▶2 moderate◀]" "editing day 7"
tmux_ resize-window -t "$TUI_SESSION" -x 36 -y 24
tui_expect "terminal too small" "too narrow while editing"
tmux_ resize-window -t "$TUI_SESSION" -x 80 -y 24
tui_expect "[▶2 moderate◀]" "the edit is still there"
tui_keys Enter
tui_expect "Saved day 7." "and saves"

# ---- signals: the terminal always comes back -----------------------------------
tui_start
is "$(tui_pane '#{alternate_on}')" 1 "the UI runs on the alternate screen"
tui_signal TERM
tui_expect_exit 0 "SIGTERM"

tui_start
tui_keys Enter 1
tui_expect "[▶1 mild◀]" "an edit in progress"
tui_signal INT
tui_expect_exit 0 "SIGINT"
is "$(sql "SELECT redness FROM checkin WHERE day = 7")" "2" "an unsaved edit is not written on SIGINT"

tui_start
tui_signal HUP
tui_expect_exit 0 "SIGHUP"

tui_start
tui_signal SEGV
tui_wait_exit
is "$tui_status" 139 "a crash signal still kills the process (SIGSEGV re-raised)"
is "$(tui_pane '#{alternate_on}')" 0 "SIGSEGV: terminal out of the alternate screen"

# abort() (from the allocator, say): the handler writes the reset
# sequences prepared at start, never calls curses.
tui_start
kill -ABRT "$(tui_pid)"
tui_wait_exit
is "$tui_status" 134 "SIGABRT re-raised"
is "$(tui_pane '#{alternate_on}')" 0 "SIGABRT: terminal out of the alternate screen"

# ---- colour, NO_COLOR and a monochrome terminal ----------------------------
run checkin --day 4 --sign pus
tui_start
tui_capture -e
like "$screen" $'*\e\\[31m‼*' "in colour the urgent marker is red"
tui_keys q
tui_wait_exit

tui_start NO_COLOR=1
tui_capture
like "$(tui_line 7)" "*‼ 1 flag*" "NO_COLOR: the marker symbol is there"
tui_capture -e
case $screen in
*$'\e['3[0-7]m* | *$'\e['3[0-7]\;* | *$'\e[38;'* | *\;3[0-7]m*)
	not_ok "NO_COLOR: no colour codes" "$screen" ;;
*) ok "NO_COLOR: no colour codes" ;;
esac
tui_keys q
tui_wait_exit

TUI_TERM=vt100 tui_start
tui_expect "│ 2 - - - │" "vt100: ratings readable"
tui_expect "‼ 1 urgent" "vt100: flag counts readable"
tui_keys Left Enter 0 0 0 0 Enter
tui_expect "Saved day 6." "vt100: a check-in works"
tui_keys g Enter
tui_expect "Day 7 · Tue 2026-11-10" "vt100: day editor opens"
tui_keys Escape
tui_expect "⏎ check in" "vt100: Esc goes back"
tui_keys q
tui_expect_exit 0 "vt100: quit"

# ---- ASCII locale -------------------------------------------------------------
TUI_LOCALE=C tui_start
tui_expect "healgrid - face - 2026-11-03 - professional 1.0 mm" "C locale: ASCII title"
tui_expect "!! 1 urgent   ! 1 see doctor   . 0 watch" "C locale: ASCII flag symbols (one problem per kind)"
tui_expect "!! 1 flag" "C locale: ASCII marker in the cell"
tui_expect "hjkl move" "C locale: ASCII status line"
tui_keys q
tui_wait_exit

# ---- a database that refuses the write -------------------------------------
sql "CREATE TRIGGER refuse BEFORE UPDATE ON checkin BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END;
     CREATE TRIGGER refuse2 BEFORE INSERT ON checkin BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END;"
tui_start
tui_keys Enter 3
tui_expect "[▶3 severe◀]" "editing"
tui_keys Enter
tui_expect "the disk is on fire" "a failed save shows the database's message"
tui_expect "Day 7 · Tue 2026-11-10 · face" "... and stays in the editor"
tui_expect "[▶3 severe◀]" "... with the edit kept"
tui_expect " healgrid is not medical advice" "... screen intact"
sql "DROP TRIGGER refuse; DROP TRIGGER refuse2;"
tui_keys Enter
tui_expect "Saved day 7." "once the database accepts it, Enter saves"
is "$(sql 'SELECT redness FROM checkin WHERE day = 7')" "3" "saved"

# ---- mouse and redraw -------------------------------------------------------------
# Button 1 press and release in SGR encoding at column 25, row 6: day 2.
tui_type $'\e[<0;25;6M\e[<0;25;6m'
tui_expect "Day 2 · Thu 2026-11-05" "a click selects a day"
tui_type $'\e[<0;35;6M\e[<0;35;6m\e[<0;35;6M\e[<0;35;6m'
tui_expect "Day 3 · Fri 2026-11-06 · face" "a double click opens it"
tui_keys Escape
tui_expect "⏎ check in" "back"
# Another program writes over the screen (straight to the terminal,
# behind healgrid's back): Ctrl-L must paint it all again.
printf '\033[2J\033[Hnoise-on-the-screen' >"$(tui_pane '#{pane_tty}')"
tui_expect "noise-on-the-screen" "the screen is overwritten"
tui_expect_gone "day 7 of 28" "... and healgrid's text is gone"
tui_keys C-l
tui_expect "day 7 of 28" "Ctrl-L redraws"
tui_expect_gone "noise-on-the-screen" "... over the noise"
tui_keys q
tui_expect_exit 0 "quit"

# ---- the terminal goes away ---------------------------------------------------
# A closed window or a dropped ssh session: the pty vanishes (here: the
# whole tmux server is killed).  healgrid must end, not spin on a dead
# terminal holding the database open.
tui_start
hg_pid=$(pgrep -P "$(tui_pane '#{pane_pid}')" -f "$HEALGRID" | head -1)
[ -n "$hg_pid" ] && ok "found the running UI (pid $hg_pid)" || not_ok "found the running UI"
tmux_ kill-server >/dev/null 2>&1
end=$(_tui_deadline)
while [ -n "$hg_pid" ] && kill -0 "$hg_pid" 2>/dev/null && [ "$(_tui_now)" -lt "$end" ]; do
	sleep 0.05
done
if [ -n "$hg_pid" ] && ! kill -0 "$hg_pid" 2>/dev/null; then
	ok "healgrid ends when its terminal goes away"
else
	not_ok "healgrid ends when its terminal goes away" "$(ps -o pid,stat,pcpu,args -p "$hg_pid" 2>&1)"
	kill -9 "$hg_pid" 2>/dev/null
fi

done_testing
