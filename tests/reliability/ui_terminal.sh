#!/bin/bash
# tests/reliability/ui_terminal.sh — the full-screen UI against a hostile
# database and a vanishing terminal, in its own tmux server:
#  - escape sequences stored in a treatment's area and products and in a
#    check-in note (OSC 52 clipboard write, OSC 0/2 window title, CSI
#    screen clear, C1 CSI, BEL) are drawn as plain text: tmux's clipboard
#    buffer and pane title stay untouched and the screen is not cleared;
#  - when the terminal goes away under it (the window closed while the
#    shell above ignores SIGHUP, as nohup or a wrapper script does),
#    healgrid ends instead of spinning on a dead terminal.
# Every wait polls with a deadline.
. "$top_srcdir/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 77
fi

SOCK="healgrid-rel-$$-$RANDOM"
tmux_() { tmux -L "$SOCK" "$@"; }
# A server of its own for each part: a new one on a socket whose server is
# still shutting down can fail to start.
cat >"$T/tmux.conf" <<'EOF'
set -g status off
set -g escape-time 0
set -g set-clipboard on
set -g allow-rename on
set -g remain-on-exit on
EOF
pids=()
cleanup() {
	tmux_ kill-server >/dev/null 2>&1
	# Only healgrids this test started, by id.
	for p in "${pids[@]}"; do
		kill -KILL "$p" 2>/dev/null
		while kill -0 "$p" 2>/dev/null; do sleep 0.05; done
	done
	rm -rf "$T"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# wait_for TEXT: poll the pane until TEXT shows (15 s); $screen keeps it.
wait_for() {
	local end=$(( $(now_ms) + 15000 ))
	while :; do
		screen=$(tmux_ capture-pane -p -t hg)
		case $screen in *"$1"*) return 0 ;; esac
		[ "$(now_ms)" -ge "$end" ] && return 1
		sleep 0.05
	done
}

hostile_area=$'cheek\e]52;c;cm0gLXJmIH4K\aX\e]0;pwned-title\aY'
hostile_products=$'serum\e]2;pwned-too\e\\Z\xc2\x9b2J'
hostile_note=$'itchy\e[2J\e[Hwiped\e]52;c;ZXZpbA==\a!\a'
run treatment add --date 2026-11-03 --area "$hostile_area" --products "$hostile_products"
run checkin --day 7 --redness 2 --note "$hostile_note"
expect_status 0 "a check-in with escape sequences in its note"

# ---- hostile text on screen ------------------------------------------------
cmd=$(printf '%q ' env TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC \
	HEALGRID_TODAY="$HEALGRID_TODAY" "$HEALGRID" --db "$DB")
tmux_ -f "$T/tmux.conf" new-session -d -s hg -x 80 -y 24 "exec $cmd"
before_title=$(tmux_ display -p -t hg '#{pane_title}')
if wait_for "medical advice"; then ok "the UI starts on a database with hostile text"
else not_ok "the UI starts on a database with hostile text" "$screen"; fi
wait_for "wiped" >/dev/null
like "$screen" "*itchy*wiped*" "the note is drawn, escape sequences as plain text"
like "$screen" "*day 7 of 28*" "the grid is still there (no screen clear)"
tmux_ send-keys -t hg t T
wait_for "cheek" >/dev/null
tmux_ send-keys -t hg Escape Escape f
wait_for "medical advice" >/dev/null
is "$(tmux_ list-buffers 2>/dev/null)" "" "no clipboard (OSC 52) write reached the terminal"
is "$(tmux_ display -p -t hg '#{pane_title}')" "$before_title" "the window title (OSC 0/2) is unchanged"
raw=$(tmux_ capture-pane -p -e -t hg)
case $raw in
*$'\e]'*|*$'\a'*) not_ok "no OSC or BEL in the drawn screen" "$raw" ;;
*) ok "no OSC or BEL in the drawn screen" ;;
esac
tmux_ send-keys -t hg q
tmux_ kill-server >/dev/null 2>&1
SOCK="$SOCK-2"

# ---- the terminal goes away ------------------------------------------------
# A shell that ignores SIGHUP stays the session leader, so healgrid gets no
# signal when the window closes: only its reads fail.
tmux_ -f "$T/tmux.conf" new-session -d -s hg -x 80 -y 24 \
	"sh -c 'trap \"\" HUP; $cmd; echo \$? >$T/status'"
if wait_for "medical advice"; then ok "the UI runs under a shell that ignores SIGHUP"
else not_ok "the UI runs under a shell that ignores SIGHUP" "$screen"; fi
pid=$(pgrep -f -- "--db $DB\$" | head -1)
if [ -n "$pid" ]; then
	pids+=("$pid")
	ok "found healgrid's process ($pid)"
else
	not_ok "found healgrid's process"
fi
tmux_ kill-server >/dev/null 2>&1
end=$(( $(now_ms) + 10000 ))
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(now_ms)" -lt "$end" ]; do
	sleep 0.05
done
if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
	ok "healgrid ends when its terminal is gone"
else
	cpu=$(ps -o %cpu= -p "$pid" 2>/dev/null)
	not_ok "healgrid ends when its terminal is gone" "still running 10 s later, ${cpu:-?}% CPU"
fi

done_testing
