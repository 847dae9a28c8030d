#!/bin/bash
# tests/tui/noteredo.sh — a note written in $EDITOR that comes back longer
# than a note holds is never thrown away: the editor opens again on it,
# its first line saying the limit; shortened, it is the note; given back
# unchanged, it is kept in its file and the path said.
. "$top_srcdir/tests/tui/lib.sh"

run treatment add --date 2026-11-03
long=$(printf 'x%.0s' $(seq 1 2500))

# An editor that writes 2500 bytes the first time; the second time it
# notes the first line it was given and shortens the text.
cat >"$T/editor" <<SH
#!/bin/sh
n=\$(cat "$T/runs" 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n >"$T/runs"
if [ \$n = 1 ]; then printf '%s\n' "$long" >"\$1"; exit 0; fi
head -n 1 "\$1" >"$T/first-line"
tail -n +2 "\$1" | cut -c1-1500 >"$T/rest" && mv "$T/rest" "\$1"
SH
chmod +x "$T/editor"

tui_start EDITOR="$T/editor" VISUAL= TMPDIR="$T"
tui_keys Enter
tui_expect "Note " "the day editor"
tui_keys E
tui_expect "Note edited: Enter saves the day." "the shortened note is taken"
is "$(cat "$T/runs")" 2 "the editor opened a second time"
like "$(cat "$T/first-line")" "# healgrid: a note holds at most 2000 bytes; this one has 2500.*" \
	"its first line says the limit and the note's size"
tui_keys Enter
tui_expect "Saved day 7." "saved"
is "$(sql 'SELECT length(note) FROM checkin WHERE day = 7')" 1500 \
	"the note stored is the text written, shortened, without the limit line"
is "$(ls "$T" | grep -c healgrid-note)" 0 "the temporary file is gone"

# An editor that gives the long text back unchanged: the second time,
# healgrid keeps the file and says where it is.
cat >"$T/editor2" <<SH
#!/bin/sh
n=\$(cat "$T/runs2" 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n >"$T/runs2"
if [ \$n = 1 ]; then printf '%s\n' "$long" >"\$1"; fi
exit 0
SH
chmod +x "$T/editor2"
tui_start EDITOR="$T/editor2" VISUAL= TMPDIR="$T"
tui_keys Enter E
tui_expect "what you wrote (2500 bytes" "given back unchanged, it says where the text is kept"
is "$(cat "$T/runs2")" 2 "the editor opened twice, then healgrid stopped asking"
kept=$(ls "$T"/healgrid-note-*/note.txt 2>/dev/null | head -1)
is "$(tail -n +2 "$kept" 2>/dev/null | tr -d '\n' | wc -c)" 2500 "the whole text is in the kept file"
is "$(stat -c %a "$kept" 2>/dev/null)" 600 "readable by its owner only"
tui_keys Escape q
tui_expect_exit 0 "quit"
is "$(sql 'SELECT count(*) FROM checkin WHERE day = 7 AND length(note) > 2000')" 0 \
	"no note over the limit stored"
done_testing
