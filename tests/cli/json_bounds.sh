#!/bin/bash
# tests/cli/json_bounds.sh — the JSON import takes a text or a number only
# as written: a text holding an escaped NUL ("fa\u0000ce", which SQLite's
# JSON functions cut to "fa") and an integer past 64 bits (which they read
# as a real, clamped to 2^63 - 1) are refused, naming what, and nothing is
# imported.
. "$top_srcdir/tests/lib.sh"

run treatment add --date 2026-11-03
run checkin --day 2 --redness 1 --note "face"
run export --format json -o "$T/ok.json"

sed 's/"note": "face"/"note": "fa\\u0000ce"/' "$T/ok.json" >"$T/nul.json"
grep -q 'fa\\u0000ce' "$T/nul.json" && ok "the file holds the escape" || not_ok "the file holds the escape"
run_raw "$HEALGRID" --db "$T/a.db" import "$T/nul.json"
expect_error 2 "$T/nul.json: a text holds a NUL character (\\\\u0000)*" "an escaped NUL in a text is refused"
[ ! -e "$T/a.db" ] || is "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM checkin')" "0" "nothing imported"

# An escaped backslash before u0000 is no NUL.
sed 's/"note": "face"/"note": "fa\\\\u0000ce"/' "$T/ok.json" >"$T/slash.json"
run_raw "$HEALGRID" --db "$T/b.db" import "$T/slash.json"
expect_status 0 "a backslash followed by u0000 is text"
is "$(sqlite3 "$T/b.db" 'SELECT note FROM checkin')" 'fa\u0000ce' "stored as written"

for big in 9223372036854775813 99999999999999999999999 -9223372036854775809; do
	sed "s/\"id\": 1, \"date\": \"2026-11-03\"/\"id\": $big, \"date\": \"2026-11-03\"/" "$T/ok.json" >"$T/big.json"
	run_raw "$HEALGRID" --db "$T/c.db" import "$T/big.json"
	expect_error 2 "$T/big.json: treatments[[]0[]].id: expected 1-9223372036854775807, got *" \
		"an id of $big is refused, not clamped"
done
done_testing
