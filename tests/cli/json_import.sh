#!/bin/bash
# tests/cli/json_import.sh — the complete JSON export and its import: a
# database with every kind of row (two treatments and a planned one, notes
# with quotes, line breaks and emoji, temperatures, care, signs and care
# not assessed, actions by a clinician or not recorded for flags,
# medicines, photos, a profile) goes out and back in byte for byte, a second
# import adds nothing, a day stored with other content is refused, and
# every kind of damaged file exits 2 with "FILE: ..." and changes nothing;
# version 1 and 2 exports import as the upgrade maps them.
# Run twice: in the C locale and under a locale with a decimal comma.
. "$top_srcdir/tests/lib.sh"

: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"

suite() {
	local loc=$1 main="$T/main.db" js="$T/all.json" before
	export LC_ALL=$loc
	rm -f "$T"/*.db "$T"/*.json
	DB=$main

	"$MKIMG" jpeg "$T/p1.jpg" 900 600 && "$MKIMG" jpeg "$T/p2.jpg" 300 500 || not_ok "mkimg"
	run profile --name 'Ana "Q" Pérez' --born 1990-04-02 --clinic 'Skin, Ltd.'
	run treatment add --date 2026-10-01 --depth 1.25 --area face --risk cold-sores,weak-immunity \
		--skin-type V --products 'serum "HA"' --window 35 --note 'clinic note'
	run treatment add --date 2026-11-01 --device home --area neck
	run treatment add --date 2026-12-20 --area face --note planned
	run checkin --treatment 1 --day 0 --redness 3 --swelling 2 --bruising 1 --bleeding 0 \
		--note "$(printf 'quotes " and \\ back\nline two 😀\ttab')"
	# Ids with gaps (rows deleted in between), so that kept ids show.
	run treatment add --date 2027-01-04 --area gone
	run treatment add --date 2027-01-05 --area spare
	run treatment delete 4 --yes
	run checkin --treatment 1 --day 3 --sign pus,warmth --temp 38.4 --care sun,actives \
		--photo "$T/p1.jpg"
	run checkin --treatment 2 --day 2 --swelling 1 --temp 36.9 --note 'neck' --photo "$T/p2.jpg"
	run checkin --treatment 1 --day 3 --photo "$T/p2.jpg"
	run photo delete 2 --yes
	run checkin --treatment 1 --day 40 --redness 0 --temp 100.8F --care sunscreen
	run checkin --treatment 1 --day 5 --redness 1 --sign ''
	run flags resolve --treatment 1 infection@3 --text 'saw GP, cefalexin 500 mg' --date 2026-10-05 \
		--by clinician
	run medicine add --treatment 1 --name cefalexin --dose '500 mg, 4 times a day' \
		--from 2026-10-05 --days 7
	run medicine add --treatment 1 --name 'aciclovir "cream"' --from 2026-09-29
	run action add --treatment 2 --date 2026-11-04 --text 'deleted later'
	run action add --treatment 2 --date 2026-11-04 --text 'just a note'
	run action delete 2 --yes
	expect_status 0 "$loc: a database with every kind of row"

	run export --format json -o "$js"
	expect_status 0 "$loc: export --format json"
	like "$(cat "$js")" '*"profile": {"name": "Ana \\"Q\\" Pérez", "born": "1990-04-02", "clinic": "Skin, Ltd."}*' \
		"$loc: the profile"
	like "$(cat "$js")" '*"temperature_c": 38.4, "care": \["sun", "actives"\], "photos": \[*"jpeg": "/9j/*"thumb": "/9j/*' \
		"$loc: temperature with a dot, care, photos as base64 JPEG"
	like "$(cat "$js")" '*"depth_mm": 1.25*"skin_type": 5*' "$loc: depth and skin type as numbers"
	like "$(cat "$js")" '*"by": "clinician", "text": "saw GP, cefalexin 500 mg", "for": \["infection@3"\]*' \
		"$loc: the action says who and names the flag it is for"
	like "$(cat "$js")" '*"day": 0, *"signs": null, *"care": null, *' "$loc: signs and care not assessed: null"
	like "$(cat "$js")" '*"day": 5, *"signs": \[\], *' "$loc: signs assessed, none: an empty list"
	like "$(cat "$js")" '*"medicines": \[
  {"id": 2, "name": "aciclovir \\"cream\\"", "dose": "", "from": "2026-09-29", "to": null},
  {"id": 1, "name": "cefalexin", "dose": "500 mg, 4 times a day", "from": "2026-10-05", "to": "2026-10-11"}\]*' \
		"$loc: the medicines"
	like "$(cat "$js")" '*"window": 41*' "$loc: the widened window"
	like "$(cat "$js")" '*"photos": \[*"id": 1,*"id": 3,*"id": 5, "date": "2027-01-05"*' \
		"$loc: ids with gaps"

	DB="$T/new.db"
	run import "$js"
	expect_status 0 "$loc: import into an empty database"
	is "$out" "imported 5 check-ins of 4 treatments (4 new, 0 widened)" "$loc: says what it saved"
	run export --format json -o "$T/again.json"
	is "$(file_sum "$T/again.json")" "$(file_sum "$js")" "$loc: export, import, export: the same bytes"
	run photo list --treatment 1 --format json
	like "$out" '*"width": 900, "height": 600*"width": 300, "height": 500*' "$loc: photos back"
	run action list --treatment 1 --format json
	is "$out" '{"actions": [{"id": 1, "treatment": 1, "date": "2026-10-05", "by": "clinician", "text": "saw GP, cefalexin 500 mg", "for": ["infection@3"]}]}' \
		"$loc: the action is for its flag again"
	is "$(sqlite3 "$DB" "SELECT day, quote(signs), quote(care) FROM checkin WHERE treatment_id = 1
		ORDER BY day")" "0|NULL|NULL
3|3|6
5|0|NULL
40|NULL|1" "$loc: signs and care stored assessed or not, as they were"

	before=$(db_sum)
	run import "$js"
	expect_status 0 "$loc: a second import"
	is "$out" "imported 0 check-ins of 4 treatments (0 new, 0 widened)" "$loc: adds nothing"
	is "$(sqlite3 "$DB" "SELECT count(*) FROM action; SELECT count(*) FROM medicine")" "2
2" "$loc: no action or medicine twice"
	is "$(db_sum)" "$before" "$loc: database unchanged by the second import"
	DB=$main
	before=$(db_sum)
	run import "$js"
	is "$(db_sum)" "$before" "$loc: importing its own export adds nothing"

	# A day that exists with other content.
	sed 's/"note": "neck"/"note": "other"/' "$js" >"$T/other.json"
	run import "$T/other.json"
	expect_error 2 "$T/other.json: treatments\\[1\\].checkins\\[0\\]: day 2 (2026-11-03) of the treatment of 2026-11-01 (neck) exists with other content" \
		"$loc: a day with other content"
	is "$(db_sum)" "$before" "$loc: nothing changed"

	# Into a database with other data: new days added, the window widened.
	DB="$T/merge.db"
	run treatment add --date 2026-11-01 --device home --area neck
	run checkin --treatment 1 --day 1 --redness 2
	run import "$js"
	expect_status 0 "$loc: import into a database with data"
	is "$out" "imported 5 check-ins of 4 treatments (3 new, 0 widened)" "$loc: matched on date and area"
	run treatment list --format json
	like "$out" '*"area": "face"*"window": 41*"area": "neck"*' "$loc: treatments merged"
	run import "$js"
	is "$out" "imported 0 check-ins of 4 treatments (0 new, 0 widened)" "$loc: then adds nothing"

	DB="$T/new.db"
	before=$(db_sum)
	bad() { # bad NAME SED-EXPRESSION MESSAGE-GLOB
		sed "$2" "$js" >"$T/$1.json"
		cmp -s "$js" "$T/$1.json" && not_ok "$loc: $1: the damage was made"
		run import "$T/$1.json"
		expect_error 2 "$T/$1.json: $3" "$loc: $1"
		is "$(db_sum)" "$before" "$loc: $1: nothing changed"
	}
	head -c 3000 "$js" >"$T/truncated.json"
	run import "$T/truncated.json"
	expect_error 2 "$T/truncated.json: not valid JSON*" "$loc: truncated"
	is "$(db_sum)" "$before" "$loc: truncated: nothing changed"
	bad wrongtype 's/"day": 3,/"day": "3",/' 'treatments\[0\].checkins\[1\].day: expected a whole number, got a string'
	bad wrongtype2 's/"signs": \["warmth", "pus"\]/"signs": "pus"/' 'treatments\[0\].checkins\[1\].signs: expected a list or null, got a string'
	bad unknown 's/"care": \["sunscreen"\]/"care": ["sunscreen"], "mood": 2/' 'treatments\[0\].checkins\[3\]: unknown field "mood"'
	bad unknown_top 's/"version": 3,/"version": 3, "extra": null,/' 'unknown field "extra"'
	bad unknownsign 's/"warmth", "pus"/"warmth", "itch"/' 'treatments\[0\].checkins\[1\].signs\[1\]: unknown name "itch"'
	bad dayrange 's/"day": 40, "date": "2026-11-10"/"day": 180, "date": "2026-11-10"/' 'treatments\[0\].checkins\[3\].day: expected 0-179, got 180'
	bad datemismatch 's/"day": 40, "date": "2026-11-10"/"day": 40, "date": "2026-11-09"/' \
		"treatments\\[0\\].checkins\\[3\\].date: 2026-11-09 is not the treatment's date + day (2026-10-01 + 40 = 2026-11-10)"
	bad dupday 's/"day": 3, "date": "2026-10-04"/"day": 0, "date": "2026-10-01"/' 'treatments\[0\].checkins\[1\]: day 0 is given twice'
	bad dupid 's/{"id": 2, "date": "2026-11-01"/{"id": 1, "date": "2026-11-01"/' 'treatments\[1\]: treatment id 1 is given twice'
	bad dupaction 's/{"id": 3, "date": "2026-11-04"/{"id": 1, "date": "2026-11-04"/' 'treatments\[1\].actions\[0\]: action id 1 is given twice'
	bad dupkey 's/"redness": 3,/"redness": 3, "redness": 2,/' 'treatments\[0\].checkins\[0\]: field "redness" given twice'
	bad rating 's/"redness": 3,/"redness": 4,/' 'treatments\[0\].checkins\[0\].redness: expected 0-3, got 4'
	bad temp 's/"temperature_c": 38.4/"temperature_c": 38.45/' 'treatments\[0\].checkins\[1\].temperature_c: expected 34.0-43.0 with at most one decimal, got 38.45'
	bad flagid 's/"infection@3"/"infection@x"/' 'treatments\[0\].actions\[0\].for\[0\]: expected a flag id such as "infection@3", got "infection@x"'
	bad flagkind 's/"infection@3"/"pus@3"/' 'treatments\[0\].actions\[0\].for\[0\]: unknown kind of flag "pus"'
	bad flagtwice 's/"infection@3"/"infection@3", "infection@3"/' 'treatments\[0\].actions\[0\].for\[1\]: infection@3 is given twice'
	bad resolves 's/"for": \["infection@3"\]/"resolves": ["infection@3"]/' 'treatments\[0\].actions\[0\]: unknown field "resolves" (version 3 writes "for")'
	bad by 's/"by": "clinician"/"by": "doctor"/' 'treatments\[0\].actions\[0\].by: expected clinician, self or null, got "doctor"'
	bad medto 's/"to": "2026-10-11"/"to": "2026-10-04"/' 'treatments\[0\].medicines\[1\]: to 2026-10-04 is before from 2026-10-05'
	bad medname 's/"name": "cefalexin"/"name": "\\u0007cefalexin"/' 'treatments\[0\].medicines\[1\].name: control characters or spaces at the ends'
	bad medlong "s/\"name\": \"cefalexin\"/\"name\": \"$(printf 'x%.0s' $(seq 101))\"/" 'treatments\[0\].medicines\[1\].name: longer than 100 bytes (got 101)'
	bad medempty 's/"name": "cefalexin"/"name": ""/' 'treatments\[0\].medicines\[1\].name: empty: give the medicine'"'"'s name'
	bad meddupid 's/"id": 2, "name"/"id": 1, "name"/' 'treatments\[0\].medicines\[1\]: medicine id 1 is given twice'
	bad nul 's/"note": "clinic note"/"note": "clinic\\u0000note"/' 'a text holds a NUL character (*u0000), which no healgrid text may hold'
	bad nulsign 's/"warmth", "pus"/"warmth", "pus\\u0000x"/' 'a text holds a NUL character (*u0000), which no healgrid text may hold'
	bad bigid 's/{"id": 2, "date": "2026-11-01"/{"id": 9223372036854775808, "date": "2026-11-01"/' \
		'treatments\[1\].id: expected 1-9223372036854775807, got 9.22337203685478e+18'
	bad bigid2 's/{"id": 2, "date": "2026-11-01"/{"id": 18446744073709551617, "date": "2026-11-01"/' \
		'treatments\[1\].id: expected 1-9223372036854775807, got 1.84467440737096e+19'
	bad medv2 's/"version": 3/"version": 2/' 'treatments\[0\]: unknown field "medicines" (a version 2 file)'
	bad base64 's|"jpeg": "/9j/|"jpeg": "/9j*|' 'treatments\[0\].checkins\[1\].photos\[0\].jpeg: not base64'
	bad version 's/"version": 3/"version": 9/' 'version: expected 1, 2 or 3*'
	bad added 's/"added": "\([0-9-]*\)T/"added": "\1 /' 'treatments\[0\].checkins\[1\].photos\[0\].added: expected a UTC time YYYY-MM-DDTHH:MM:SSZ, got "*'
	bad photodim 's/"width": 900/"width": 901/' "treatments\\[0\\].checkins\\[1\\].photos\\[0\\]: width and height differ from the JPEG's (900x600)"

	# A photo that is not clean: EXIF, ICC and a comment.
	"$MKIMG" exif "$T/exif.jpg" 64 48 1
	local b64
	b64=$(base64 -w0 <"$T/exif.jpg")
	sed "0,/\"jpeg\": \"[^\"]*\"/s||\"jpeg\": \"$b64\"|" "$js" >"$T/exif.json"
	run import "$T/exif.json"
	expect_status 2 "$loc: a photo with metadata is refused"
	like "$err" "healgrid: $T/exif.json: treatments\\[0\\].checkins\\[1\\].photos\\[0\\].jpeg: *" "$loc: naming the photo"
	is "$(db_sum)" "$before" "$loc: exif: nothing changed"

	# A failed import into a database it created leaves none behind.
	DB="$T/never.db"
	run import "$T/bigid.json"
	expect_status 2 "$loc: a failed import into a new database"
	[ ! -e "$T/never.db" ] && [ ! -e "$T/never.db-wal" ] && ok "$loc: leaves no database behind" ||
		not_ok "$loc: leaves no database behind" "$(ls "$T"/never.db*)"
	run import "$T/truncated.json"
	[ ! -e "$T/never.db" ] && ok "$loc: not even for a file that is not JSON" ||
		not_ok "$loc: not even for a file that is not JSON"

	# A version 1 export still imports.
	DB="$T/v1.db"
	cat >"$T/v1.json" <<-'EOF'
	{"format": "healgrid-export", "version": 1, "treatments": [
	{"id": 1, "date": "2026-10-01", "device": "home", "depth_mm": 0.5, "area": "face", "products": "", "risks": ["keloids"], "window": 28, "note": "", "checkins": [
	  {"day": 0, "date": "2026-10-01", "redness": 2, "swelling": null, "bruising": null, "bleeding": null, "signs": ["warmth"], "note": "v1"},
	  {"day": 30, "date": "2026-10-31", "redness": 0, "swelling": null, "bruising": null, "bleeding": null, "signs": [], "note": ""}]}
	]}
	EOF
	run import "$T/v1.json"
	expect_status 0 "$loc: a version 1 export imports"
	run treatment list --format json
	like "$out" '*"window": 31*' "$loc: version 1: the window widened to fit day 30"
	is "$(sqlite3 "$DB" "SELECT quote(signs), quote(care) FROM checkin ORDER BY day")" "1|0
0|0" "$loc: version 1: signs and care assessed"

	# A version 2 export imports as the upgrade maps it: lips is the sign at
	# bit 12, RULE@DAY the flag of its rule's kind (one reference for two
	# rules of one kind and day; a precaution's dropped), by not recorded.
	DB="$T/v2.db"
	cat >"$T/v2.json" <<-'EOF'
	{"format": "healgrid-export", "version": 2, "profile": null, "treatments": [
	{"id": 3, "date": "2026-10-01", "device": "professional", "depth_mm": null, "area": "Cheeks", "products": "", "risks": ["cold-sores"], "window": 28, "note": "", "skin_type": null, "checkins": [
	  {"day": 2, "date": "2026-10-03", "redness": 2, "swelling": null, "bruising": null, "bleeding": null, "signs": ["pus", "crusting", "lips"], "note": "", "temperature_c": 38.5, "care": [], "photos": []}], "actions": [
	  {"id": 7, "date": "2026-10-04", "text": "GP", "resolves": ["pus@2", "fever@2", "crusting@2", "cold-sores-precaution@0", "breathing@2"]}]}
	]}
	EOF
	run import "$T/v2.json"
	expect_status 0 "$loc: a version 2 export imports"
	is "$(sqlite3 "$DB" "SELECT signs, care FROM checkin; SELECT id, quote(who) FROM action;
		SELECT kind, date FROM action_for ORDER BY kind")" "4102|0
7|NULL
cold-sore|2026-10-03
infection|2026-10-03
reaction|2026-10-03" "$loc: version 2: lips at bit 12, flags by kind, precaution dropped, who not recorded"
	run export --format json
	like "$out" '*"signs": \["pus", "crusting", "lips-airway"\]*"by": null, "text": "GP", "for": \["cold-sore@2", "infection@2", "reaction@2"\]*' \
		"$loc: version 2: exported as version 3"
}

suite C
suite de_DE.UTF-8
done_testing
