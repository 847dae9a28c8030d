#!/bin/bash
# tests/cli/nocreate.sh — commands that only read never create a database:
# where none exists they say so and how to start (exit 1); `due` exits 1
# without a word.  Commands that write create it as before.
. "$top_srcdir/tests/lib.sh"

cd "$T" || exit 1
for c in show flags report export "treatment list"; do
	# shellcheck disable=SC2086  # $c is a command and its options
	run_raw "$HEALGRID" --db typo $c
	expect_error 1 'no database at typo; start with `healgrid treatment add --date D`' "$c without a database"
	[ ! -e typo ] && ok "$c did not create typo" || { not_ok "$c did not create typo"; rm -f typo; }
done
run_raw "$HEALGRID" --db typo due
is "$status:$out:$err" "1::" "due without a database: exit 1, silent"
[ ! -e typo ] && ok "due did not create typo" || not_ok "due did not create typo"

# The default place: no folder is made either.
for c in show "flags --all" "report --all" due; do
	# shellcheck disable=SC2086
	run_raw "$HEALGRID" $c
	[ "$status" = 1 ] && ok "$c at the default path: exit 1" || not_ok "$c at the default path: exit 1" "$status $err"
done
[ ! -e "$HOME/.local" ] && ok "no folder made under ~/.local" || not_ok "no folder made under ~/.local"
HEALGRID_DB="$T/env.db" run_raw "$HEALGRID" show
expect_error 1 "no database at $T/env.db; start with*" "HEALGRID_DB names a missing file"
[ ! -e "$T/env.db" ] && ok "HEALGRID_DB file not created" || not_ok "HEALGRID_DB file not created"
# A dangling symlink is no database either, and stays dangling.
ln -s "$T/nowhere.db" "$T/link.db"
run_raw "$HEALGRID" --db "$T/link.db" flags
expect_error 1 "no database at $T/link.db; start with*" "a dangling symlink"
[ ! -e "$T/nowhere.db" ] && ok "symlink target not created" || not_ok "symlink target not created"

# Writing commands still create it; then the reading ones work.
run treatment add --date 2026-11-01
expect_status 0 "treatment add creates the database"
for c in show flags report export "treatment list"; do
	# shellcheck disable=SC2086
	run $c
	expect_status 0 "$c once the database exists"
done
run due
expect_status 0 "due once the database exists"

done_testing
