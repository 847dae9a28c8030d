#!/bin/bash
# tests/cli/testlib.sh — the helpers of tests/lib.sh can fail: a checksum
# that cannot be taken never equals another one.
. "$top_srcdir/tests/lib.sh"

is "$(db_sum)" "no database" "db_sum of a missing database says so"
[ -e "$DB" ] && not_ok "db_sum does not create the database" || ok "db_sum does not create the database"

printf 'this is not a database, but long enough to be read as one: %0200d\n' 0 >"$DB"
a=$(db_sum 2>/dev/null)
b=$(db_sum 2>/dev/null)
[ -n "$a" ] && ok "db_sum of a broken file is not empty" || not_ok "db_sum of a broken file is not empty"
[ "$a" != "$b" ] && ok "two failed db_sums differ" || not_ok "two failed db_sums differ" "$a" "$b"
db_sum >/dev/null 2>"$T/sum.err"
like "$(cat "$T/sum.err")" "*Error*" "db_sum shows sqlite3's error"

rm -f "$DB"
run treatment add --date 2026-11-01
a=$(db_sum)
b=$(db_sum)
like "$a" "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*" "db_sum of a database is a checksum"
is "$b" "$a" "db_sum of an unchanged database is the same"

a=$(file_sum "$T/missing" 2>/dev/null)
b=$(file_sum "$T/missing" 2>/dev/null)
[ "$a" != "$b" ] && ok "two failed file_sums differ" || not_ok "two failed file_sums differ" "$a" "$b"

done_testing
