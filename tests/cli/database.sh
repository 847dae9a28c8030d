#!/bin/bash
# tests/cli/database.sh — where the database lives, its modes, and files
# that must be refused and left untouched.
. "$top_srcdir/tests/lib.sh"

# Default path: $XDG_DATA_HOME, then ~/.local/share; folders made 0700,
# even with a permissive umask.
umask 000
XDG_DATA_HOME="$T/xdg" run_raw "$HEALGRID" treatment add --date 2026-11-01
expect_status 0 "add with XDG_DATA_HOME"
like "$(mode_of "$T/xdg/healgrid")" "700" "XDG folder is 0700"
like "$(mode_of "$T/xdg/healgrid/healgrid.db")" "600" "XDG database is 0600"
run_raw "$HEALGRID" treatment add --date 2026-11-01
like "$(mode_of "$HOME/.local/share/healgrid")" "700" "~/.local/share/healgrid is 0700"
like "$(mode_of "$HOME/.local/share/healgrid/healgrid.db")" "600" "default database is 0600"
HEALGRID_DB="$T/env.db" run_raw "$HEALGRID" treatment add --date 2026-11-01
like "$(mode_of "$T/env.db")" "600" "HEALGRID_DB is used"
HEALGRID_DB="$T/env.db" run_raw "$HEALGRID" --db "$T/flag.db" treatment add --date 2026-11-01
[ -f "$T/flag.db" ] && ok "--db wins over HEALGRID_DB" || not_ok "--db wins over HEALGRID_DB"
run_raw "$HEALGRID" treatment list --db "$T/flag.db"
like "$out" "*2026-11-01*" "--db also works after the command"
umask 077

# A folder named with --db must exist.
run_raw "$HEALGRID" --db "$T/missing/dir/h.db" treatment add --date 2026-11-01
expect_error 1 "$T/missing/dir/h.db: folder $T/missing/dir does not exist" "missing --db folder"
[ ! -e "$T/missing" ] && ok "missing folder not created" || not_ok "missing folder not created"

# Files that are not healgrid databases are refused, byte for byte unchanged.
printf 'dear diary\n' > "$T/text.db"
sum=$(file_sum "$T/text.db")
run_raw "$HEALGRID" --db "$T/text.db" treatment add --date 2026-11-01
expect_error 1 "$T/text.db: not a healgrid database*" "text file as database"
is "$(file_sum "$T/text.db")" "$sum" "text file unchanged"
run_raw "$HEALGRID" --db "$T/text.db" show
expect_error 1 "$T/text.db: not a healgrid database*" "text file refused for reading too"

: > "$T/empty.db"
run_raw "$HEALGRID" --db "$T/empty.db" treatment list
expect_error 1 "$T/empty.db: not a healgrid database (empty file)" "empty file"
is "$(stat -c %s "$T/empty.db")" "0" "empty file left empty"

sqlite3 "$T/other.db" "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('la');"
sum=$(file_sum "$T/other.db")
run_raw "$HEALGRID" --db "$T/other.db" checkin --day 0 --redness 1
expect_error 1 "$T/other.db: not a healgrid database (it belongs to another program)*" "another program's database"
is "$(file_sum "$T/other.db")" "$sum" "other database unchanged"

run_raw "$HEALGRID" --db "$T" treatment list
expect_error 1 "$T: not a regular file" "a folder as database"

done_testing
