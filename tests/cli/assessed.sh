#!/bin/bash
# tests/cli/assessed.sh — signs and care are assessed (a list, possibly
# none) or not assessed: `checkin` without --sign leaves them not
# assessed on a new day and keeps what is stored on an existing one,
# --sign '' assesses none; the JSON export writes a list or null, the CSV
# export the list or "-" (an empty field is none), and both importers read
# them back as they were.
. "$top_srcdir/tests/lib.sh"

stored() { sqlite3 "$DB" "SELECT day, quote(signs), quote(care) FROM checkin ORDER BY day"; }

run treatment add --date 2026-11-01
run checkin --day 1 --redness 2
run checkin --day 2 --redness 1 --sign ''
run checkin --day 3 --redness 1 --sign warmth --care ''
run checkin --day 4 --care sunscreen
is "$(stored)" "1|NULL|NULL
2|0|NULL
3|1|0
4|NULL|1" "a list given is assessed ('' for none), one not given is not"

run checkin --day 2 --swelling 1
run checkin --day 3 --note "calmer"
is "$(stored)" "1|NULL|NULL
2|0|NULL
3|1|0
4|NULL|1" "a later save without the lists keeps what was stored"
run checkin --day 1 --sign pus
run checkin --day 3 --sign ''
is "$(stored)" "1|2|NULL
2|0|NULL
3|0|0
4|NULL|1" "a later list replaces the stored one"

run checkin --day 5 --sign ''
expect_status 0 "a new day with only an empty sign list"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin WHERE day = 5')" "0" \
	"records nothing, so it is not stored"

run export --format json
like "$out" '*"day": 1, *"signs": \["pus"\], *"care": null, *"day": 2, *"signs": \[\], *"care": null, *"day": 3, *"signs": \[\], *"care": \[\], *"day": 4, *"signs": null, *"care": \["sunscreen"\]*' \
	"JSON: a list, or null when not assessed"
printf '%s\n' "$out" >"$T/all.json"
run export
printf '%s\n' "$out" >"$T/all.csv"
is "$err" "" "CSV export: nothing left out, no note"
is "$(printf '%s\n' "$out" | cut -d, -f6,12,15 | tr -d '\r')" "day,signs,care
1,pus,-
2,,-
3,,
4,-,sunscreen" "CSV: the list, - when not assessed, empty for none"

DB=$T/fromjson.db
run import "$T/all.json"
expect_status 0 "the JSON export imports"
is "$(stored)" "1|2|NULL
2|0|NULL
3|0|0
4|NULL|1" "JSON import: assessed or not, as exported"
DB=$T/fromcsv.db
run import "$T/all.csv"
expect_status 0 "the CSV export imports"
is "$(stored)" "1|2|NULL
2|0|NULL
3|0|0
4|NULL|1" "CSV import: - read back as not assessed"
run export
is "$(printf '%s\n' "$out")" "$(cat "$T/all.csv")" "CSV: export, import, export: the same bytes"

done_testing
