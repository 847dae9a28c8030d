#!/bin/bash
# tests/cli/export_import.sh — export (CSV and complete JSON) and import:
# byte-identical round trips with awkward notes, importing twice, windows
# widened, every malformed row refused with FILE:LINE and nothing written,
# and 100,000 rows fast.
. "$top_srcdir/tests/lib.sh"

HEADER='treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note'
HEADER2="$HEADER,temperature_c,care,skin_type"

empty_db
run export
expect_status 0 "export of an empty database"
is "$(printf '%s' "$out" | tr -d '\r')" "$HEADER2" "just the header"

# ---- awkward data ------------------------------------------------------------
run treatment add --date 2026-10-01 --depth 1.234 --area 'cheeks, "both"' --risk cold-sores,keloids \
	--products 'serum; "HA", 2%' --window 35 --note 'clinic note'
run treatment add --date 2026-11-01 --device home --area face
run treatment add --date 2026-11-08 --area 'nothing yet' --products 'kept in JSON'
run checkin --treatment 1 --day 0 --redness 3 --swelling 2 --bruising 1 --bleeding 1 \
	--note 'commas, "quotes", and ;semicolons;'
run checkin --treatment 1 --day 1 --redness 2 --note "$(printf 'two\nlines\r\nand CRLF')"
run checkin --treatment 1 --day 2 --sign warmth,pus --note '  leading and trailing spaces  '
run checkin --treatment 1 --day 3 --redness 1 --note 'Crème, 皮膚, emoji 😀, tab	here'
run checkin --treatment 1 --day 4 --swelling 0 --note '"'
run checkin --treatment 1 --day 30 --redness 0 --note '=1+1'
run checkin --treatment 2 --day 0 --redness 1 --sign lines,dark-patches
run checkin --treatment 2 --day 5 --bleeding 0
expect_status 0 "awkward check-ins saved"

run export
expect_status 0 "export csv"
export_err=$err
cp "$T/out" "$T/a.csv"
is "$(head -1 "$T/a.csv")" "$HEADER2"$'\r' "exact header, CRLF line ends"
like "$out" '*2026-10-01,professional,1.234,"cheeks, ""both""",cold-sores;keloids,0,2026-10-01,3,2,1,1,-,"commas, ""quotes"", and ;semicolons;"*' \
	"quoting of area and note (signs not assessed: -)"
like "$out" '*,2,2026-10-03,,,,,warmth;pus,"  leading and trailing spaces  "*' "signs ;-separated, spaces kept"
is "$export_err" "healgrid: note: treatment 3 without check-ins is not in the CSV; 'healgrid export --format json' keeps everything" \
	"says which treatment the CSV cannot carry"

run export -o "$T/b.csv"
expect_status 0 "export -o FILE"
is "$(mode_of "$T/b.csv")" 600 "export file is 0600"
is "$(file_sum "$T/b.csv")" "$(file_sum "$T/a.csv")" "-o writes the same bytes"

# ---- round trip ----------------------------------------------------------------
DB2="$T/second.db"
run_raw "$HEALGRID" --db "$DB2" import "$T/a.csv"
expect_status 0 "import into an empty database"
is "$out" "imported 8 check-ins of 2 treatments (2 new, 0 widened)" "import says what it saved"
run_raw "$HEALGRID" --db "$DB2" export
cp "$T/out" "$T/c.csv"
is "$(file_sum "$T/c.csv")" "$(file_sum "$T/a.csv")" "export, import, export: identical bytes"
run_raw "$HEALGRID" --db "$DB2" import "$T/a.csv"
expect_status 0 "the same file again"
is "$out" "imported 8 check-ins of 2 treatments (0 new, 0 widened)" "nothing new the second time"
run_raw "$HEALGRID" --db "$DB2" export
is "$(file_sum "$T/out")" "$(file_sum "$T/a.csv")" "importing twice does not duplicate"
is "$(sqlite3 "$DB2" 'select count(*) from checkin')" 8 "still 8 check-ins"
is "$(sqlite3 "$DB2" "select window_days from treatment where area = 'cheeks, \"both\"'")" 31 \
	"a created treatment's window covers its highest day (30)"
run_raw "$HEALGRID" --db "$T/third.db" import - < "$T/a.csv"
expect_status 0 "import - reads standard input"

# ---- JSON is complete ------------------------------------------------------------
run export --format json
expect_status 0 "export json"
check=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["format"] == "healgrid-export" and d["version"] == 3
t = {x["id"]: x for x in d["treatments"]}
assert len(t) == 3, t.keys()
a = t[1]
assert a["date"] == "2026-10-01" and a["device"] == "professional" and a["depth_mm"] == 1.234
assert a["area"] == "cheeks, \"both\"" and a["products"] == "serum; \"HA\", 2%"
assert a["risks"] == ["cold-sores", "keloids"] and a["window"] == 35 and a["note"] == "clinic note"
c = {x["day"]: x for x in a["checkins"]}
assert c[1]["note"] == "two\nlines\r\nand CRLF" and c[1]["swelling"] is None
assert c[2]["signs"] == ["warmth", "pus"] and c[2]["redness"] is None
assert c[3]["note"] == "Crème, 皮膚, emoji 😀, tab\there"
assert c[0]["date"] == "2026-10-01" and c[30]["date"] == "2026-10-31"
assert t[2]["device"] == "home" and t[2]["depth_mm"] is None
assert t[3]["checkins"] == [] and t[3]["products"] == "kept in JSON"
print("ok")' 2>&1)
is "$check" "ok" "export --format json has every field, the treatment without check-ins too"

# ---- windows ---------------------------------------------------------------------
printf '%s\r\n%s\r\n' "$HEADER" '2026-11-01,home,,face,,40,2026-12-11,1,,,,,' > "$T/future.csv"
sum=$(db_sum)
run import "$T/future.csv"
expect_error 2 "$T/future.csv:2: date: 2026-12-11 is after today (2026-11-10)*" "a day after today"
printf '%s\r\n%s\r\n' "$HEADER" '2026-09-01,home,,face,,40,2026-10-11,1,,,,,' > "$T/wide.csv"
run treatment add --date 2026-09-01 --device home --window 14
run import "$T/wide.csv"
expect_status 0 "import beyond an existing window"
is "$out" "imported 1 check-in of 1 treatment (0 new, 1 widened)" "the window is widened"
is "$(sqlite3 "$DB" "select window_days from treatment where date = '2026-09-01'")" 41 \
	"to the highest day + 1"

# ---- malformed rows: FILE:LINE, exit 2, nothing written ---------------------------
good='2026-11-01,home,,face,,1,2026-11-02,1,,,,,fine'
bad_case() { # bad_case DESCRIPTION EXPECTED-MESSAGE ROW...  (rows after the header)
	local what=$1 msg=$2
	shift 2
	{ printf '%s\r\n' "$HEADER"; printf '%s\r\n' "$@"; } > "$T/bad.csv"
	sum=$(db_sum)
	run import "$T/bad.csv"
	expect_error 2 "$T/bad.csv:$msg" "$what"
	is "$(db_sum)" "$sum" "$what: nothing written"
}
bad_case "missing column" "3: expected 13 fields, got 12" \
	"$good" '2026-11-01,home,,face,,2,2026-11-03,1,,,,'
bad_case "rating 7" '3: bruising: expected 0-3 or empty (not rated), got "7"' \
	"$good" '2026-11-01,home,,face,,2,2026-11-03,1,1,7,,,'
bad_case "impossible date" '2: date: 2026-11-31: there is no day 31 in November 2026 (it has 30 days)' \
	'2026-11-01,home,,face,,30,2026-11-31,1,,,,,'
bad_case "date not treatment date + day" \
	"2: date: 2026-11-05 is not treatment_date + day (2026-11-01 + 3 = 2026-11-04)" \
	'2026-11-01,home,,face,,3,2026-11-05,1,,,,,'
bad_case "unknown sign" '3: signs: unknown sign "itchy" (see healgrid checkin --help)' \
	"$good" '2026-11-01,home,,face,,2,2026-11-03,1,,,,warmth;itchy,'
bad_case "unknown risk" '2: risks: unknown risk "smoker" (see healgrid checkin --help)' \
	'2026-11-01,home,,face,smoker,2,2026-11-03,1,,,,,'
bad_case "broken quoting" "3: unterminated quoted field" \
	"$good" '2026-11-01,home,,face,,2,2026-11-03,1,,,,,"no end' "$good"
bad_case "quote inside a field" "2: quote in unquoted field" \
	'2026-11-01,home,,face,,2,2026-11-03,1,,,,,say "hi"'
bad_case "unknown device" '2: device: expected professional or home, got "pen"' \
	'2026-11-01,pen,,face,,2,2026-11-03,1,,,,,'
bad_case "depth out of range" '2: depth_mm: expected millimetres from 0.1 to 3.0, or empty, got "0.05"' \
	'2026-11-01,home,0.05,face,,2,2026-11-03,1,,,,,'
bad_case "day beyond 179" '2: day: expected a whole number 0-179, got "200"' \
	'2026-11-01,home,,face,,200,2027-05-20,1,,,,,'
bad_case "the same day twice" \
	"3: day 1 of the treatment (2026-11-01, face) is given twice in this file" "$good" "$good"
bad_case "line numbers count the lines inside a quoted note" \
	'5: redness: expected 0-3 or empty (not rated), got "x"' \
	'2026-11-01,home,,face,,2,2026-11-03,1,,,,,"one' 'two' 'three"' \
	'2026-11-01,home,,face,,3,2026-11-04,x,,,,,'
printf 'date,redness\r\n2026-11-01,1\r\n' > "$T/bad.csv"
sum=$(db_sum)
run import "$T/bad.csv"
expect_error 2 "$T/bad.csv:1: the header is not healgrid's; expected $HEADER2" "a header that does not match"
is "$(db_sum)" "$sum" "wrong header: nothing written"
printf '%s\r\n%s\r\n' "${HEADER/,note/}" "${good%,fine}" > "$T/bad.csv"
run import "$T/bad.csv"
expect_error 2 "$T/bad.csv:1: the header is not healgrid's*" "a header without the note column"
: > "$T/empty.csv"
run import "$T/empty.csv"
expect_error 2 "$T/empty.csv: empty file; expected the CSV header of 'healgrid export'" "an empty file"
printf '\xef\xbb\xbf%s\r\n%s\r\n' "$HEADER" "$good" > "$T/bom.csv"
run import "$T/bom.csv"
expect_status 0 "a UTF-8 byte order mark (spreadsheets add one) is accepted"
run import "$T/none.csv"
expect_error 2 "$T/none.csv: No such file or directory" "a missing file"
run import
expect_error 2 "import: expected a CSV file*" "import without a file"

# ---- version 2 columns: temperature, care, skin type ------------------------------
DB="$T/v2.db"
run treatment add --date 2026-11-01 --skin-type IV --device home --depth 0.5
run checkin --day 1 --redness 2 --temp 38.3 --care sun,makeup --note 'v2'
run checkin --day 2 --swelling 1
run export -o "$T/v2.csv"
like "$(cat "$T/v2.csv")" "*2026-11-01,home,0.5,face,,1,2026-11-02,2,,,,-,v2,38.3,sun;makeup,4"$'\r'"*" \
	"a row carries temperature_c, care and skin_type"
like "$(cat "$T/v2.csv")" "*,2,2026-11-03,,1,,,-,,,-,4"$'\r'"*" "empty temperature, signs and care not assessed"
DB="$T/v2b.db"
run import "$T/v2.csv"
expect_status 0 "import of the version 2 CSV"
run export -o "$T/v2b.csv"
is "$(file_sum "$T/v2b.csv")" "$(file_sum "$T/v2.csv")" "version 2 CSV round trip, byte for byte"
run treatment list --format json
like "$out" '*"skin_type": 4*' "the created treatment has the skin type"
# A version 1 row over a stored day: the day's temperature and care stay.
printf '%s\r\n%s\r\n' "$HEADER" '2026-11-01,home,0.5,face,,1,2026-11-02,3,,,,,from v1' > "$T/v1over.csv"
run import "$T/v1over.csv"
expect_status 0 "a version 1 row over a stored day"
is "$(sqlite3 "$DB" 'SELECT redness, temperature_dc, care, note FROM checkin WHERE day = 1')" \
	"3|383|10|from v1" "the rating and note replaced, temperature and care kept"
# Rows that disagree with the stored treatment name their line.
sum=$(db_sum)
for bad in 'skin_type:2026-11-01,home,0.5,face,,3,2026-11-04,1,,,,,,,,5' \
	   'device:2026-11-01,professional,0.5,face,,3,2026-11-04,1,,,,,,,,4' \
	   'depth_mm:2026-11-01,home,1.0,face,,3,2026-11-04,1,,,,,,,,4' \
	   'risks:2026-11-01,home,0.5,face,keloids,3,2026-11-04,1,,,,,,,,4'; do
	printf '%s\r\n%s\r\n' "$HEADER2" "${bad#*:}" > "$T/disagree.csv"
	run import "$T/disagree.csv"
	expect_error 2 "$T/disagree.csv:2: ${bad%%:*} differs from the stored treatment 1 (2026-11-01, face)" \
		"${bad%%:*} disagreeing with the stored treatment"
	is "$(db_sum)" "$sum" "${bad%%:*}: nothing changed"
done
for bad in 'temperature_c:45.0:2026-11-01,home,0.5,face,,3,2026-11-04,1,,,,,,45.0,,4' \
	   'temperature_c:100.4F:2026-11-01,home,0.5,face,,3,2026-11-04,1,,,,,,100.4F,,4' \
	   'care:tan:2026-11-01,home,0.5,face,,3,2026-11-04,1,,,,,,,tan,4' \
	   'skin_type:7:2026-11-01,home,0.5,face,,3,2026-11-04,1,,,,,,,,7'; do
	col=${bad%%:*}; rest=${bad#*:}; val=${rest%%:*}
	printf '%s\r\n%s\r\n' "$HEADER2" "${rest#*:}" > "$T/badv2.csv"
	run import "$T/badv2.csv"
	expect_error 2 "$T/badv2.csv:2: $col: *\"$val\"*" "bad $col $val"
	is "$(db_sum)" "$sum" "bad $col $val: nothing changed"
done
DB="$T/healgrid.db"

# ---- 100,000 rows ------------------------------------------------------------------
# Correctness at size only: timing belongs to bench/ (`make bench`), never
# to make check.
awk -v n=100000 -f "$top_srcdir/tests/cli/gen_csv.awk" > "$T/big.csv"
BIG="$T/big.db"
run_raw "$HEALGRID" --db "$BIG" import "$T/big.csv"
expect_status 0 "import 100,000 rows"
is "$out" "imported 100000 check-ins of 3572 treatments (3572 new, 0 widened)" "all of them"
run_raw "$HEALGRID" --db "$BIG" report --all
expect_status 0 "report --all on 100,000 check-ins"
run_raw "$HEALGRID" --db "$BIG" export -o "$T/big2.csv"
# The generator writes version 1 rows; the export adds the three empty
# version 2 columns.
sed '1s/\r$/,temperature_c,care,skin_type\r/; 2,$s/\r$/,,,\r/' "$T/big.csv" >"$T/big-v2.csv"
is "$(file_sum "$T/big2.csv")" "$(file_sum "$T/big-v2.csv")" "100,000 rows export back byte for byte"

done_testing
