#!/bin/bash
# tests/tui/outfiles.sh — the files the UI writes outside the database:
# `p` refuses a symbolic link planted where the report goes (its target
# stays as it was), and `E` hands the note to $EDITOR in a private (0700)
# folder of its own, removed afterwards.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03

# ---- p and a planted link ------------------------------------------------------
printf 'not yours\n' >"$T/victim.txt"
ln -s victim.txt "$T/healgrid-report-2026-11-03-1.html"
tui_start
tui_keys p
tui_expect "symbolic" "p refuses to write through a symbolic link, saying so"
is "$(cat "$T/victim.txt")" "not yours" "the file the link names is untouched"
[ -L "$T/healgrid-report-2026-11-03-1.html" ] && ok "the link stays a link" || not_ok "the link stays a link"
tui_keys q
tui_expect_exit 0 "quit"

# ---- E: the note in a private folder --------------------------------------------
cat >"$T/editor" <<SH
#!/bin/sh
{ echo "\$1"; stat -c '%a' "\$(dirname "\$1")"; stat -c '%a' "\$1"; } >"$T/seen"
printf 'from the editor\n' >"\$1"
SH
chmod +x "$T/editor"
mkdir -p "$T/tmp"
tui_start EDITOR="$T/editor" VISUAL= TMPDIR="$T/tmp"
tui_keys Enter E
tui_expect "Note edited: Enter saves the day." "E runs the editor"
like "$(sed -n 1p "$T/seen")" "$T/tmp/healgrid-note-*/note.txt" "the note file sits in a folder of its own"
is "$(sed -n 2p "$T/seen")" "700" "the folder is private (0700)"
is "$(sed -n 3p "$T/seen")" "600" "the file is private (0600)"
is "$(find "$T/tmp" -mindepth 1 | wc -l | tr -d ' ')" "0" "the folder and the file are gone afterwards"
tui_keys Enter
tui_expect "Saved day 7." "saved"
is "$(sql 'SELECT note FROM checkin WHERE day = 7')" "from the editor" "the note came back"
tui_keys q
tui_expect_exit 0 "quit"
done_testing
