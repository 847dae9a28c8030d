#!/bin/bash
# tests/reliability/privacy.sh — what healgrid writes stays private, and
# what a user (or another tool) put in the database cannot drive the
# terminal it is shown on.
#  - Folders 0700 and files 0600 even under umask 000: the database, its
#    write-ahead log and shared-memory file, the folders made for it.
#  - Terminal escape sequences (CSI, OSC 52 clipboard writes, C1 controls,
#    BEL, backspace, carriage return) and bytes that are not UTF-8, in an
#    area, products or note, come out of show, flags, treatment list and
#    due as plain text; JSON keeps them, escaped, as data.
. "$top_srcdir/tests/lib.sh"

# ---- modes under a permissive umask ---------------------------------------
umask 000
XDG_DATA_HOME="$T/xdg/a/b" run_raw "$HEALGRID" treatment add --date 2026-11-01
expect_status 0 "add under umask 000"
for d in "$T/xdg" "$T/xdg/a" "$T/xdg/a/b" "$T/xdg/a/b/healgrid"; do
	is "$(mode_of "$d")" "700" "umask 000: folder ${d#"$T/"} made 0700"
done
is "$(mode_of "$T/xdg/a/b/healgrid/healgrid.db")" "600" "umask 000: database 0600"

# The log and shared-memory files exist while a reader holds the database
# open; whoever makes them, they must be as private as the database.
coproc READER { python3 -u -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
c.execute("SELECT count(*) FROM treatment").fetchall()
print("reading")
sys.stdin.readline()
c.execute("COMMIT")
' "$T/xdg/a/b/healgrid/healgrid.db"; }
line=
read -r -t 30 line <&"${READER[0]}"
is "$line" "reading" "a reader holds the database open"
XDG_DATA_HOME="$T/xdg/a/b" run_raw "$HEALGRID" checkin --day 1 --redness 1
expect_status 0 "check-in while another program reads"
is "$(mode_of "$T/xdg/a/b/healgrid/healgrid.db-wal")" "600" "umask 000: write-ahead log 0600"
is "$(mode_of "$T/xdg/a/b/healgrid/healgrid.db-shm")" "600" "umask 000: shared-memory file 0600"
echo >&"${READER[1]}"
wait "$READER_PID"

run_raw "$HEALGRID" --db "$T/given.db" treatment add --date 2026-11-01
is "$(mode_of "$T/given.db")" "600" "umask 000: --db file 0600"
leftover=$(ls -a "$T" | grep -c '\.new-' || true)
is "$leftover" "0" "no temporary database left beside it"
umask 077

# ---- hostile text ------------------------------------------------------------
esc=$'\033'
hostile=$'A\a\b\rB\xc2\x9b1;1HC\x7fD\033[2J\033]52;c;cm0gLXJmIH4=\033[31mE'

# no_controls FILE WHAT: FILE holds no terminal control: no C0 but newline,
# no DEL, no C1 (raw or UTF-8 encoded), and is valid UTF-8.
no_controls() {
	local bad
	bad=$(python3 - "$1" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
try:
    text = data.decode('utf-8')
except UnicodeDecodeError as e:
    print('not UTF-8: %s' % e)
    sys.exit()
for i, ch in enumerate(text):
    c = ord(ch)
    if (c < 0x20 and ch != '\n') or 0x7f <= c < 0xa0:
        print('control U+%04X at %d: %r' % (c, i, text[max(0, i - 10):i + 10]))
        break
EOF
)
	is "$bad" "" "$2: no control characters"
}

run treatment add --date 2026-11-03 --area "cheek $hostile" --products "serum $hostile" \
	--note "clinic $hostile" --risk cold-sores
expect_status 0 "a treatment with escape sequences in its text is stored"
run checkin --day 3 --redness 2 --sign pus,blisters --note "note $hostile"
expect_status 0 "a check-in with escape sequences in its note is stored"
is "$(sqlite3 "$DB" "SELECT instr(note, char(27)) > 0 FROM checkin WHERE day = 3")" "1" \
	"the note is stored as typed (escaping is for output)"

# A second treatment whose text another tool wrote: raw C1 and bytes that
# are not UTF-8 (healgrid's own input refuses those).
sqlite3 "$DB" "INSERT INTO treatment (date, area, products, note) VALUES ('2026-11-04',
	CAST(X'6172656109425B324A9B33316DFF' AS TEXT), CAST(X'1B5D303B7469746C6507' AS TEXT),
	CAST(X'C29B3248' AS TEXT));
	INSERT INTO checkin (treatment_id, day, redness, note) SELECT max(id), 0, 1,
	CAST(X'1B5B324A9BFF' AS TEXT) FROM treatment"

for cmd in "show --treatment 1" "show --treatment 2" "flags --all" "flags --treatment 2" \
	"treatment list" "due"; do
	# shellcheck disable=SC2086  # $cmd is a command and its options
	"$HEALGRID" --db "$DB" $cmd >"$T/shown" 2>"$T/err"
	no_controls "$T/shown" "$cmd"
	no_controls "$T/err" "$cmd (stderr)"
done
# has TEXT WHAT: $out contains TEXT as it is (no pattern characters).
has() {
	if printf '%s' "$out" | grep -qF -- "$1"; then ok "$2"; else not_ok "$2" "want: $1" "in: $out"; fi
}
run show --treatment 1
has " treatment 1 - cheek A   B 1;1HC D [2J  - " "show prints the area with each control as a space"
run treatment list
has "cheek A   B 1;1HC D [2J ]52;c; / cold-sores" "treatment list prints the area with each control as a space"
has "area B[2J?31m?" "bytes that are not UTF-8 show as ?"

for cmd in "flags --all --format json" "treatment list --format json"; do
	# shellcheck disable=SC2086
	"$HEALGRID" --db "$DB" $cmd >"$T/json"
	no_controls "$T/json" "$cmd"
	python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$T/json" 2>"$T/err"
	is "$(cat "$T/err")" "" "$cmd: valid JSON"
done
"$HEALGRID" --db "$DB" treatment list --format json >"$T/json"
got=$(python3 -c '
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
t = t["treatments"] if isinstance(t, dict) else t
print(ascii([x["area"] for x in t]))' "$T/json")
is "$got" "['cheek A\\x07\\x08\\rB\\x9b1;1HC\\x7fD\\x1b[2J\\x1b]52;c;cm0gLXJmIH4=\\x1b[31mE', 'area\\tB[2J\\ufffd31m\\ufffd']" \
	"JSON keeps the text as data: controls escaped, not dropped; bad bytes U+FFFD"

# Text cut to fit a column is cut between characters, never inside one.
run treatment add --date 2026-11-05 --area "x$(printf 'é%.0s' $(seq 40))"
for cmd in "show --treatment 3" "treatment list"; do
	# shellcheck disable=SC2086
	"$HEALGRID" --db "$DB" $cmd >"$T/shown"
	no_controls "$T/shown" "$cmd: a long accented area cut to fit"
done
run show --treatment 3
has " treatment 3 - x$(printf 'é%.0s' $(seq 23)) - 2026-11-05" "show keeps 24 columns of the area"

# An error message quoting what was typed is one clean line too.
run checkin --day 3 --redness "5${esc}[2J"
expect_status 2 "a bad rating with an escape sequence"
printf '%s\n' "$err" >"$T/err"
no_controls "$T/err" "error message quoting hostile input"

# ---- files healgrid writes, under umask 000 ---------------------------------
# A treatment whose text tries HTML and SVG injection as well.
run treatment add --date 2026-11-06 --area '<img src=x onerror=alert(1)>' \
	--products $'"\'><script>alert(2)</script>' --note '</style><svg onload=alert(3)>'
run checkin --treatment 4 --day 1 --redness 2 --sign pus \
	--note $'<!-- ]]> <a href="https://evil.example/">x</a> \e]52;c;ZXZpbA==\a'
expect_status 0 "a check-in whose note tries markup"
umask 000
for f in "report -o $T/r.txt" "report --all --format markdown -o $T/r.md" \
	"report --all --format html -o $T/r.html" "report --all --format csv -o $T/r.csv" \
	"report --all --format json -o $T/r.json" "export -o $T/e.csv" \
	"export --format json -o $T/e.json" "backup $T/b.db"; do
	# shellcheck disable=SC2086  # a command, its options and a path
	run $f
	expect_status 0 "umask 000: $f"
	is "$(mode_of "${f##* }")" "600" "umask 000: ${f##*/} is 0600"
done
umask 077
for f in r.txt r.md; do
	no_controls "$T/$f" "report file $f"
done

# The HTML report: the hostile text is there, escaped, and no element,
# event handler or outside address came from it.
cat >"$T/check_html.py" <<'PY'
import html.parser, sys
text = open(sys.argv[1], encoding='utf-8').read()
class P(html.parser.HTMLParser):
    tags, bad = set(), []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k.startswith('on') or (v and k != 'xmlns' and ('javascript:' in v or '//' in v)):
                self.bad.append('%s %s=%r' % (tag, k, v))
p = P()
p.feed(text)
for t in ('script', 'img', 'a', 'iframe', 'link'):
    if t in p.tags:
        p.bad.append('<%s> element' % t)
for want in ('&lt;img src=x onerror=alert(1)&gt;', '&lt;script&gt;alert(2)&lt;/script&gt;',
             '&lt;/style&gt;&lt;svg onload=alert(3)&gt;', '&lt;!-- ]]&gt;'):
    if want not in text:
        p.bad.append('missing escaped text: ' + want)
if '\x1b' in text or '\x07' in text:
    p.bad.append('raw control characters')
print('; '.join(p.bad))
PY
is "$(python3 "$T/check_html.py" "$T/r.html")" "" \
	"HTML report: user text escaped; no script, handler, link or outside address"

done_testing
