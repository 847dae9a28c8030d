#!/bin/bash
# tests/cli/json_import.sh — the complete JSON export and its import: a
# database with every kind of row (two treatments and a planned one, notes
# with quotes, line breaks and emoji, temperatures, care, actions resolving
# flags, photos, a profile) goes out and back in byte for byte, a second
# import adds nothing, a day stored with other content is refused, and
# every kind of damaged file exits 2 with "FILE: ..." and changes nothing.
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
	run flags resolve --treatment 1 infection@3 --text 'saw GP, cefalexin 500 mg' --date 2026-10-05
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
	like "$(cat "$js")" '*"resolves": \["fever@3"\]*' "$loc: the action names the flag it resolves (by its first finding, until references store their kind)"
	like "$(cat "$js")" '*"window": 41*' "$loc: the widened window"
	like "$(cat "$js")" '*"photos": \[*"id": 1,*"id": 3,*"id": 5, "date": "2027-01-05"*' \
		"$loc: ids with gaps"

	DB="$T/new.db"
	run import "$js"
	expect_status 0 "$loc: import into an empty database"
	is "$out" "imported 4 check-ins of 4 treatments (4 new, 0 widened)" "$loc: says what it saved"
	run export --format json -o "$T/again.json"
	is "$(file_sum "$T/again.json")" "$(file_sum "$js")" "$loc: export, import, export: the same bytes"
	run photo list --treatment 1 --format json
	like "$out" '*"width": 900, "height": 600*"width": 300, "height": 500*' "$loc: photos back"
	run flags --treatment 1 --format json
	like "$out" '*"id": "infection@3"*"status": "in-care"*"actions": \[1\]*' "$loc: the flag is in care again"

	before=$(db_sum)
	run import "$js"
	expect_status 0 "$loc: a second import"
	is "$out" "imported 0 check-ins of 4 treatments (0 new, 0 widened)" "$loc: adds nothing"
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
	is "$out" "imported 4 check-ins of 4 treatments (3 new, 0 widened)" "$loc: matched on date and area"
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
	bad wrongtype2 's/"signs": \["warmth", "pus"\]/"signs": "pus"/' 'treatments\[0\].checkins\[1\].signs: expected an array, got a string'
	bad unknown 's/"care": \["sunscreen"\]/"care": ["sunscreen"], "mood": 2/' 'treatments\[0\].checkins\[2\]: unknown field "mood"'
	bad unknown_top 's/"version": 2,/"version": 2, "extra": null,/' 'unknown field "extra"'
	bad unknownsign 's/"warmth", "pus"/"warmth", "itch"/' 'treatments\[0\].checkins\[1\].signs\[1\]: unknown name "itch"'
	bad dayrange 's/"day": 40, "date": "2026-11-10"/"day": 180, "date": "2026-11-10"/' 'treatments\[0\].checkins\[2\].day: expected 0-179, got 180'
	bad datemismatch 's/"day": 40, "date": "2026-11-10"/"day": 40, "date": "2026-11-09"/' \
		"treatments\\[0\\].checkins\\[2\\].date: 2026-11-09 is not the treatment's date + day (2026-10-01 + 40 = 2026-11-10)"
	bad dupday 's/"day": 3, "date": "2026-10-04"/"day": 0, "date": "2026-10-01"/' 'treatments\[0\].checkins\[1\]: day 0 is given twice'
	bad dupid 's/{"id": 2, "date": "2026-11-01"/{"id": 1, "date": "2026-11-01"/' 'treatments\[1\]: treatment id 1 is given twice'
	bad dupaction 's/{"id": 3, "date": "2026-11-04"/{"id": 1, "date": "2026-11-04"/' 'treatments\[1\].actions\[0\]: action id 1 is given twice'
	bad dupkey 's/"redness": 3,/"redness": 3, "redness": 2,/' 'treatments\[0\].checkins\[0\]: field "redness" given twice'
	bad rating 's/"redness": 3,/"redness": 4,/' 'treatments\[0\].checkins\[0\].redness: expected 0-3, got 4'
	bad temp 's/"temperature_c": 38.4/"temperature_c": 38.45/' 'treatments\[0\].checkins\[1\].temperature_c: expected 34.0-43.0 with at most one decimal, got 38.45'
	bad flagid 's/"fever@3"/"pus@x"/' 'treatments\[0\].actions\[0\].resolves\[0\]: expected a flag id such as "pus@3", got "pus@x"'
	bad base64 's|"jpeg": "/9j/|"jpeg": "/9j*|' 'treatments\[0\].checkins\[1\].photos\[0\].jpeg: not base64'
	bad version 's/"version": 2/"version": 9/' 'version: expected 1 or 2*'
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
}

suite C
suite de_DE.UTF-8
done_testing
