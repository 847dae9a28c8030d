#!/bin/bash
# tests/tui/crashclean.sh — a crash signal leaves nothing behind in
# $TMPDIR: the photos written for the viewer and the --demo database are
# removed by the crash handler too, which then still dies of the signal.
. "$top_srcdir/tests/tui/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

mkdir -p "$T/tmp"
left() { find "$T/tmp" -mindepth 1 | wc -l | tr -d ' '; }
"$MKIMG" jpeg "$T/cheek.jpg" 64 48
run treatment add --date 2026-11-03
run checkin --day 7 --redness 1 --photo "$T/cheek.jpg"

for sig in SEGV ABRT BUS; do
	tui_start HEALGRID_VIEWER=true DISPLAY= WAYLAND_DISPLAY= TMPDIR="$T/tmp"
	tui_keys Enter o
	tui_wait "Photos  1 attached"
	end=$(( $(date +%s) + 10 ))
	while [ "$(left)" = 0 ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.05; done
	is "$(left)" 2 "SIG$sig: o wrote the photo in a folder of its own"
	kill -"$sig" "$(tui_pid)"
	tui_wait_exit
	is "$tui_status" $((128 + $(kill -l "$sig"))) "SIG$sig: still dies of the signal"
	is "$(tui_pane '#{alternate_on}')" 0 "SIG$sig: terminal given back"
	is "$(left)" 0 "SIG$sig: the photo and its folder are gone"
done

tui_start TMPDIR="$T/tmp" -- --demo
tui_expect "day 9 of 28" "the demo"
is "$(find "$T/tmp" -name 'healgrid.db' | wc -l | tr -d ' ')" 1 "its database in \$TMPDIR"
kill -SEGV "$(tui_pid)"
tui_wait_exit
is "$tui_status" 139 "SIGSEGV ends the demo"
is "$(left)" 0 "SIGSEGV: the demo database and its folder are gone"
done_testing
