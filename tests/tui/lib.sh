# tests/tui/lib.sh — drive the real healgrid in a detached tmux session,
# on top of tests/lib.sh (TAP, $T, $DB, run, is, like ...).
#
# Each test gets its own tmux server (-L with a unique socket name), so it
# never touches a user's tmux, and the server is killed on exit.  Sessions
# are 80x24 with TERM=xterm-256color, LC_ALL=C.UTF-8, TZ=UTC and the test's
# HEALGRID_TODAY unless told otherwise (TUI_TERM, TUI_LOCALE, TUI_COLS,
# TUI_LINES).  Waiting is always polling capture-pane against a deadline
# (TUI_TIMEOUT seconds), never a fixed sleep.

. "$top_srcdir/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 77
fi

# The server's socket lives in the test's own folder, removed at the end.
export TMUX_TMPDIR="$T"
unset TMUX
TUI_SOCKET="healgrid-test-$$-${RANDOM}"
TUI_TIMEOUT=${TUI_TIMEOUT:-15}
TUI_SESSION=
_tui_count=0
screen=

tmux_() { tmux -L "$TUI_SOCKET" "$@"; }

cat >"$T/tmux.conf" <<'EOF'
set -g remain-on-exit on
set -g status off
set -g escape-time 0
EOF
trap 'tmux_ kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

# tui_start [VAR=VALUE...] [-- HEALGRID-ARGS...]: start healgrid on $DB (or
# with the given arguments after --) in a new 80x24 session, and wait for
# its first frame.
tui_start() {
	local envs=() cmd old=$TUI_SESSION
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift
	[ $# -eq 0 ] && set -- --db "$DB"
	_tui_count=$((_tui_count + 1))
	TUI_SESSION="hg$_tui_count"
	TUI_STATUS="$T/status.$_tui_count"
	# A small shell runs healgrid and writes down how it ended (tmux's own
	# pane_dead_status is not reliable).  The shell ignores the signals
	# the tests send to the whole process group, as a terminal would send
	# them; healgrid sets its own handlers.
	cmd=$(printf '%q ' sh -c 'trap "" INT TERM HUP QUIT SEGV; "$@"; echo $? >"$0"' \
		"$TUI_STATUS" env TERM="${TUI_TERM:-xterm-256color}" LC_ALL="${TUI_LOCALE:-C.UTF-8}" \
		TZ=UTC HEALGRID_TODAY="$HEALGRID_TODAY" "${envs[@]}" "$HEALGRID" "$@")
	tmux_ -f "$T/tmux.conf" new-session -d -s "$TUI_SESSION" -x "${TUI_COLS:-80}" \
		-y "${TUI_LINES:-24}" "exec $cmd"
	[ -n "$old" ] && tmux_ kill-session -t "$old" >/dev/null 2>&1
	tui_wait "medical advice" || not_ok "healgrid started" "$screen"
}

# tui_keys KEY...: tmux key names (Enter, Escape, Up, BSpace, C-u ...) or text.
tui_keys() { tmux_ send-keys -t "$TUI_SESSION" "$@"; }
# tui_type TEXT: literal text, UTF-8 included.
tui_type() { tmux_ send-keys -t "$TUI_SESSION" -l "$1"; }

tui_capture() { screen=$(tmux_ capture-pane -p -t "$TUI_SESSION" "$@"); }

_tui_deadline() { echo $(( $(date +%s%N) / 1000000 + TUI_TIMEOUT * 1000 )); }
_tui_now() { echo $(( $(date +%s%N) / 1000000 )); }

# tui_wait TEXT: poll until TEXT is on the screen; 1 on timeout ($screen
# keeps the last capture).
tui_wait() {
	local end; end=$(_tui_deadline)
	while :; do
		tui_capture
		case $screen in *"$1"*) return 0 ;; esac
		[ "$(_tui_now)" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# tui_wait_gone TEXT: poll until TEXT has left the screen.
tui_wait_gone() {
	local end; end=$(_tui_deadline)
	while :; do
		tui_capture
		case $screen in *"$1"*) ;; *) return 0 ;; esac
		[ "$(_tui_now)" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# tui_expect TEXT DESCRIPTION: one check that TEXT appears.
tui_expect() {
	if tui_wait "$1"; then ok "$2"; else not_ok "$2" "wanted: $1" "screen:" "$screen"; fi
}
# tui_expect_absent TEXT DESCRIPTION: one check that TEXT does not come,
# watched for TUI_ABSENT_WAIT seconds (default 1).  Call it once the
# screen shows the frame TEXT would be part of (after tui_expect of
# something drawn by the same key), so the short watch is enough.
tui_expect_absent() {
	local end=$(( $(_tui_now) + ${TUI_ABSENT_WAIT:-1} * 1000 ))
	while :; do
		tui_capture
		case $screen in *"$1"*) not_ok "$2" "came: $1" "$screen"; return 1 ;; esac
		[ "$(_tui_now)" -ge "$end" ] && { ok "$2"; return 0; }
		sleep 0.02
	done
}
# tui_expect_gone TEXT DESCRIPTION
tui_expect_gone() {
	if tui_wait_gone "$1"; then ok "$2"; else not_ok "$2" "still there: $1" "$screen"; fi
}
# tui_line N: line N (1-based) of the last capture.
tui_line() { printf '%s\n' "$screen" | sed -n "${1}p"; }

# tui_expect_screen DESCRIPTION <<EOF ... EOF: the whole screen, exactly
# (tmux trims trailing blanks), once it has settled into it.
tui_expect_screen() {
	local want end
	want=$(cat)
	end=$(_tui_deadline)
	while :; do
		tui_capture
		[ "$screen" = "$want" ] && { ok "$1"; return 0; }
		if [ "$(_tui_now)" -ge "$end" ]; then
			not_ok "$1" "$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$screen"))"
			return 1
		fi
		sleep 0.02
	done
}

tui_pane() { tmux_ display -p -t "$TUI_SESSION" "$1"; }
# tui_signal SIG: send a signal to healgrid's process group, as a terminal
# does for Ctrl-C.
tui_signal() { kill -"$1" -- -"$(tui_pane '#{pane_pid}')"; }

# tui_wait_exit: poll until healgrid has ended; sets $tui_status to its
# exit status (128 + N after signal N).
tui_wait_exit() {
	local end; end=$(_tui_deadline)
	while ! [ -s "$TUI_STATUS" ]; do
		[ "$(_tui_now)" -ge "$end" ] && { tui_status=timeout; return 1; }
		sleep 0.02
	done
	tui_status=$(cat "$TUI_STATUS")
	while [ "$(tui_pane '#{pane_dead}')" != 1 ]; do
		[ "$(_tui_now)" -ge "$end" ] && return 1
		sleep 0.02
	done
	return 0
}

# tui_expect_exit STATUS DESCRIPTION: healgrid ended with STATUS and gave
# the terminal back (out of the alternate screen).
tui_expect_exit() {
	tui_wait_exit
	is "$tui_status" "$1" "$2: exit status"
	is "$(tui_pane '#{alternate_on}')" 0 "$2: terminal out of the alternate screen"
}

# sql QUERY: one query on the test database.
sql() { sqlite3 "$DB" "$1"; }

# tui_pid: the process id of the healgrid running in the session (the
# one child of the small shell that started it).
tui_pid() { pgrep -P "$(tui_pane '#{pane_pid}')" | head -1; }

# tui_pending: bytes typed into the pane that healgrid has not read yet.
tui_pending() {
	python3 - "$(tui_pane '#{pane_tty}')" <<'PY'
import array, fcntl, os, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
n = array.array("i", [0])
fcntl.ioctl(fd, termios.FIONREAD, n)
os.close(fd)
print(n[0])
PY
}

# tui_behind_back CMD... [-- KEY...]: run healgrid CMD... from "another
# shell" while the UI is stopped, type the KEYs, and let the UI go on once
# they wait in its terminal: it sees the change and the keys in the same
# turn, before it draws again (the moment a change made elsewhere can
# catch a screen out).  $status is CMD's.
tui_behind_back() {
	local pid args=() end
	while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift
	pid=$(tui_pid)
	[ -n "$pid" ] || { not_ok "found the running UI"; return 1; }
	kill -STOP "$pid"
	run "${args[@]}"
	if [ "$#" -gt 0 ]; then
		tui_keys "$@"
		end=$(_tui_deadline)
		while [ "$(tui_pending)" -eq 0 ]; do
			[ "$(_tui_now)" -ge "$end" ] && { not_ok "keys reached the terminal"; break; }
			sleep 0.02
		done
	fi
	kill -CONT "$pid"
}
