#!/bin/bash
# tests/cli/record.sh — the rules of the record hold whichever front end
# changes it: the command line, the CSV import and the JSON import give the
# same result (tests/tui/record.sh does the same through the UI).
# - renumbering: a treatment's date moves, its check-ins keep their dates;
# - widening: a day past the window widens it to fit;
# - the empty day: a day left with nothing recorded is removed, a row with
#   nothing in it changes nothing, and a day of photos only goes out and
#   comes back whole;
# - the photo limit: at most 4 a day.
. "$top_srcdir/tests/lib.sh"
: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

sq() { sqlite3 "$1" "$2"; }
"$MKIMG" jpeg "$T/a.jpg" 64 48
for i in 1 2 3 4 5; do cp "$T/a.jpg" "$T/p$i.jpg"; done

# ---- renumbering ----------------------------------------------------------------
run treatment add --date 2026-09-01
run checkin --day 5 --sign pus
run treatment edit 1 --date 2026-09-03
expect_status 0 "command line: the date moves two days later"
is "$(sq "$DB" "SELECT day FROM checkin")" "3" "command line: day 5 is day 3 now, same calendar date"
run flags --format json
like "$out" '*"id": "infection@3"*"date": "2026-09-06"*' "command line: the flag keeps its date"

# ---- widening -------------------------------------------------------------------
run checkin --day 40 --redness 1
like "$out" "*widened the window of treatment 1 from 28 to 41 days*" "command line: checkin past the window widens it"
is "$(sq "$DB" "SELECT window_days FROM treatment WHERE id = 1")" "41" "command line: window 41"
run checkin --day 45 --photo "$T/a.jpg"
expect_status 0 "command line: a photo alone past the window"
is "$(sq "$DB" "SELECT window_days FROM treatment WHERE id = 1")" "46" "command line: the photo widened it too"

# CSV: a row past the window of a stored treatment widens it.
printf '%s\n' "treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note,temperature_c,care,skin_type" \
	"2026-09-03,professional,,face,,50,2026-10-23,2,,,,,,,," >"$T/wide.csv"
run import "$T/wide.csv"
expect_status 0 "CSV import of a day past the window"
is "$(sq "$DB" "SELECT window_days FROM treatment WHERE id = 1")" "51" "CSV import: window 51"

# JSON: a day past the window the file gives widens it.
run export --format json -o "$T/all.json"
sed 's/"window": 51/"window": 28/' "$T/all.json" >"$T/narrow.json"
"$HEALGRID" --db "$T/j.db" import "$T/narrow.json" >/dev/null 2>&1
is "$?" "0" "JSON import of a day past the window"
is "$(sq "$T/j.db" "SELECT window_days FROM treatment WHERE id = 1")" "51" "JSON import: window 51"

# ---- the empty day --------------------------------------------------------------
run checkin --day 1 --note "tight skin"
run checkin --day 1 --note ''
like "$out" "cleared day 1*" "command line: a day emptied is removed"
is "$(sq "$DB" "SELECT count(*) FROM checkin WHERE day = 1")" "0" "command line: no empty row stored"
run checkin --day 45 --note ''
is "$(sq "$DB" "SELECT count(*) FROM checkin WHERE day = 45")" "1" "command line: a day of photos only stays for them"

# CSV: a row with nothing in it never empties the stored day.
run checkin --day 2 --redness 2 --note "stays"
printf '%s\n' "treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note,temperature_c,care,skin_type" \
	"2026-09-03,professional,,face,,2,2026-09-05,,,,,,,,," >"$T/empty.csv"
sum=$(db_sum)
run import "$T/empty.csv"
expect_status 0 "CSV import: a row with nothing in it is taken (a day of photos only)"
is "$(sq "$DB" "SELECT redness || ' ' || note FROM checkin WHERE day = 2")" "2 stays" \
	"CSV import: the stored day is untouched"
is "$(db_sum)" "$sum" "CSV import: nothing changed at all"

# A day of photos only goes out as a row with nothing else, and comes back
# without loss: into a database holding the photo, and into a new one.
run export --format csv -o "$T/round.csv"
like "$(cat "$T/round.csv")" "*2026-09-03,professional,,face,,45,2026-10-18,,,,,-,,,-,*" \
	"export: the day of photos only is a row with nothing else"
sum=$(db_sum)
run import "$T/round.csv"
expect_status 0 "CSV import of the export"
is "$(sq "$DB" "SELECT count(*) FROM photo WHERE day = 45")" "1" "CSV import: the photo's day keeps its photo"
is "$(sq "$DB" "SELECT count(*) FROM checkin WHERE day = 45")" "1" "CSV import: and the day"
"$HEALGRID" --db "$T/c.db" import "$T/round.csv" >/dev/null 2>&1
is "$?" "0" "CSV export imports into a new database"

# JSON: a day with nothing in it is refused, naming it.
run export --format json -o "$T/all2.json"
python3 - "$T/all2.json" "$T/emptyday.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["treatments"][0]["checkins"]:
    if c["day"] == 2:
        c.update(redness=None, note="")
json.dump(d, open(sys.argv[2], "w"))
PY
"$HEALGRID" --db "$T/e.db" import "$T/emptyday.json" >"$T/out" 2>"$T/err"
is "$?" "2" "JSON import: a day with nothing in it is refused"
like "$(cat "$T/err")" "*checkins[[]*[]]*records nothing*" "JSON import: the day is named"

# ---- the photo limit ------------------------------------------------------------
run checkin --day 6 --redness 1 --photo "$T/p1.jpg" --photo "$T/p2.jpg" --photo "$T/p3.jpg" --photo "$T/p4.jpg"
expect_status 0 "command line: four photos on a day"
run checkin --day 6 --photo "$T/p5.jpg"
expect_error 2 "--photo: at most 4 photos a day; day 6 has 4 already*" "command line: a fifth is refused"
run export --format json -o "$T/four.json"
python3 - "$T/four.json" "$T/five.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["treatments"][0]["checkins"]:
    if c["day"] == 6:
        p = dict(c["photos"][0]); p["id"] = 999
        c["photos"].append(p)
json.dump(d, open(sys.argv[2], "w"))
PY
"$HEALGRID" --db "$T/f.db" import "$T/five.json" >"$T/out" 2>"$T/err"
is "$?" "2" "JSON import: a fifth photo on a day is refused"
like "$(cat "$T/err")" "*more than 4 photos*" "JSON import: saying so"

done_testing
