#!/bin/bash
# tests/tui/photos.sh — the day editor's photos: `a` attaches a file by
# its path (at once, the day's unsaved edits left alone), `o` hands the
# day's photos to $HEALGRID_VIEWER as files in a private folder that is
# gone once healgrid ends, and without a viewer or a desktop it says how
# to get at them.
. "$top_srcdir/tests/tui/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

run treatment add --date 2026-11-03
"$MKIMG" jpeg "$T/cheek.jpg" 640 480
# A viewer that notes what it was given and its folder's mode, all at
# once (moved into place), so that the test never reads half of it.
cat >"$T/viewer" <<SH
#!/bin/sh
for f in "\$@"; do echo "\$f"; stat -c '%a' "\$(dirname "\$f")"; done >"$T/viewed.new"
mv "$T/viewed.new" "$T/viewed"
SH
chmod +x "$T/viewer"

tui_start HEALGRID_VIEWER="$T/viewer" DISPLAY= WAYLAND_DISPLAY= TMPDIR="$T"
tui_keys Enter 2
tui_expect "Photos  0 attached" "no photo yet"
tui_keys a
tui_expect "Attach photo (path):" "a asks for a path"
tui_type "$T/missing.jpg"
tui_keys Enter
tui_expect "missing.jpg" "a file that is not there is refused, saying which"
tui_keys C-u
tui_type "$T/cheek.jpg"
tui_keys Enter
tui_expect "Photo attached to day 7 (1 in all)." "attached"
tui_expect "Photos  1 attached" "the count follows"
run photo list --format json
like "$out" '*"day": 7*' "the command line lists the photo on day 7"
is "$(sql 'SELECT ifnull(redness, "-") FROM checkin WHERE day = 7')" "-" \
	"the unsaved rating stays unsaved"
tui_keys o
tui_wait "Photos  1 attached"
tui_wait_file() { local i; for i in $(seq 1 50); do [ -s "$1" ] && return 0; sleep 0.1; done; return 1; }
tui_wait_file "$T/viewed"
like "$(cat "$T/viewed" 2>/dev/null)" "$T/healgrid-photos-*/day7-photo*.jpg*700" \
	"o runs \$HEALGRID_VIEWER on the day's photo in a 0700 folder"
# o a second time opens the day's photos again; so does o after the
# folder of copies vanished (a heap overflow once: the count of files
# written fell below the count taken before).
: >"$T/viewed"
tui_keys o
tui_wait_file "$T/viewed"
like "$(cat "$T/viewed" 2>/dev/null)" "$T/healgrid-photos-*/day7-photo*.jpg*" "o twice: the viewer gets the photo again"
tui_expect_gone "has no photo" "o twice: not told the day has no photo"
rm -rf "$T"/healgrid-photos-*
: >"$T/viewed"
tui_keys o
tui_wait_file "$T/viewed"
like "$(cat "$T/viewed" 2>/dev/null)" "$T/healgrid-photos-*/day7-photo*.jpg*700" \
	"o after the folder vanished: a new private folder, the photo in it"
[ -n "$(tmux_ list-panes -t "$TUI_SESSION" -F '#{?pane_dead,,alive}' 2>/dev/null)" ] &&
	ok "still running after o on a vanished folder" || not_ok "still running after o on a vanished folder"
tui_keys Enter
tui_expect "Saved day 7." "the rating saved after"
tui_keys q
tui_expect_exit 0 "quit"
is "$(ls -d "$T"/healgrid-photos-* 2>/dev/null | wc -l)" "0" "the photo folder is removed at exit"

# The Photos row takes the focus (from the temperature, Down goes there)
# and `a` there attaches, never typing into the temperature field.
tui_start TMPDIR="$T"
tui_keys Enter n Up
tui_expect "Photos  " "the day editor"
tui_keys a
tui_expect "Attach photo (path):" "a on the Photos row asks for a path"
tui_type "$T/cheek.jpg"
tui_keys Enter
tui_expect "Photo attached to day 7 (2 in all)." "a on the Photos row attaches"
tui_keys Up Up
tui_keys Down Down a
tui_expect "Attach photo (path):" "from the temperature, Down reaches the Photos row"
tui_keys Escape
tui_wait_gone "Attach photo (path):"
like "$screen" "*Temperature \\[       \\]*" "nothing typed into the temperature"
tui_keys Space
tui_expect "Attach photo (path):" "Space on the Photos row attaches too"
tui_keys Escape Escape q
tui_expect_exit 0 "quit"

# No viewer and no desktop: o says where the copies are and how to export.
tui_start HEALGRID_VIEWER= DISPLAY= WAYLAND_DISPLAY= TMPDIR="$T"
tui_keys Enter o
tui_expect "No viewer: set HEALGRID_VIEWER" "without a viewer o says what to do"
tui_keys Escape q
tui_expect_exit 0 "quit"
done_testing
