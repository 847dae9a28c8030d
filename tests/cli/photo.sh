#!/bin/bash
# tests/cli/photo.sh — `checkin --photo` and `photo list|export|delete`
# with real images made here by tests/photo/mkimg (libjpeg and libpng
# directly): what is stored is upright, at most 1600 px (thumbnail 320),
# a plain JPEG without a trace of the metadata planted in the original
# (GPS, camera, time, comment, colour profile) — in the photo, in the
# database file, in the export; the original is never changed; bad files
# are refused with one line naming them, and nothing is saved.
. "$top_srcdir/tests/lib.sh"

: "${MKIMG:=$(cd "$(dirname "$0")/../.." && pwd)/tests/photo/mkimg}"
markers="HGCAMERAMAKE HGCAMERAMODEL HGGPSAREA HGICCPROFILE HGSECRETCOMMENT 2026:11:05"

# count_markers FILE: how many of the planted strings FILE holds.
count_markers() {
	local n=0 m
	for m in $markers; do
		n=$((n + $(grep -c -a -- "$m" "$1")))
	done
	echo "$n"
}
# rgb_is FILE X Y WANT DESCRIPTION: WANT is red, green, blue, white or grey.
rgb_is() {
	local got
	got=$("$MKIMG" pixel "$1" "$2" "$3") || { not_ok "$5" "mkimg pixel failed"; return; }
	set -- "$got" "$4" "$5"
	read -r r g b <<<"$1"
	case $2 in
	red) [ "$r" -gt 200 ] && [ "$g" -lt 60 ] && [ "$b" -lt 60 ] ;;
	green) [ "$r" -lt 60 ] && [ "$g" -gt 150 ] && [ "$b" -lt 60 ] ;;
	blue) [ "$r" -lt 60 ] && [ "$g" -lt 60 ] && [ "$b" -gt 200 ] ;;
	white) [ "$r" -gt 245 ] && [ "$g" -gt 245 ] && [ "$b" -gt 245 ] ;;
	grey) [ $((r - g)) -lt 20 ] && [ $((g - r)) -lt 20 ] && [ $((b - g)) -lt 20 ] &&
		[ $((g - b)) -lt 20 ] && [ "$r" -gt 40 ] && [ "$r" -lt 220 ] ;;
	esac && ok "$3" || not_ok "$3" "pixel is $1, want $2"
}
photo_count() { sqlite3 "$DB" 'SELECT count(*) FROM photo'; }

run treatment add --date 2026-11-01
is "$out" "1" "treatment 1"

# ---- a camera JPEG: EXIF with GPS, camera, time, orientation 6; ICC; comment
"$MKIMG" exif "$T/raw.jpg" 2400 1800 6
is "$("$MKIMG" info "$T/raw.jpg")" "2400 1800" "the original is 2400x1800 as stored"
is "$("$MKIMG" segments "$T/raw.jpg" | grep -c -e APP1 -e APP2 -e COM)" "3" \
	"the original carries EXIF, ICC and a comment"
is "$(count_markers "$T/raw.jpg")" "6" "the original holds every planted string"
rgb_is "$T/raw.jpg" 10 10 red "the original's red square is at its top left"
orig_sum=$(file_sum "$T/raw.jpg")
orig_mode=$(mode_of "$T/raw.jpg")

run checkin --day 3 --redness 1 --photo "$T/raw.jpg"
expect_status 0 "checkin --photo"
is "$(file_sum "$T/raw.jpg")" "$orig_sum" "the original file is unchanged"
is "$(mode_of "$T/raw.jpg")" "$orig_mode" "the original's mode is unchanged"
is "$(ls "$T" | grep -c raw)" "1" "no copy of the original beside it"

run photo list --format json
expect_status 0 "photo list --format json"
is "$(printf '%s' "$out" | python3 -c '
import json, sys
p = json.load(sys.stdin)["photos"]
print(len(p), *[p[0][k] for k in ("id", "treatment", "day", "date", "width", "height")])')" \
	"1 1 1 3 2026-11-04 1200 1600" "list: one photo, upright 1200x1600 (the raw sides swapped)"
bytes=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["photos"][0]["bytes"])')

run photo list
expect_status 0 "photo list (text)"
like "$out" "*1  2026-11-04     3  1200x1600*" "text list names id, date, day and size"

umask 022
run photo export 1 -o "$T/out.jpg"
umask 077
expect_status 0 "photo export"
is "$out" "" "export prints nothing"
is "$(mode_of "$T/out.jpg")" "600" "the exported file is 0600 even with umask 022"
is "$(stat -c %s "$T/out.jpg")" "$bytes" "the exported file has the listed bytes"
# A symbolic link where the photo goes is refused, its target untouched.
printf 'mine\n' >"$T/other.txt"
ln -s other.txt "$T/photo-link.jpg"
run photo export 1 -o "$T/photo-link.jpg"
expect_error 2 "$T/photo-link.jpg: is a symbolic link; healgrid does not write through one*" \
	"photo export -o onto a symlink is refused"
is "$(cat "$T/other.txt")" "mine" "the file the link names is untouched"
is "$("$MKIMG" info "$T/out.jpg")" "1200 1600" "stored photo: 1600 px on the long side, upright"
is "$("$MKIMG" segments "$T/out.jpg" | grep -c -e '^APP[1-9]' -e '^APP1[0-5]' -e COM)" "0" \
	"stored photo: no EXIF, ICC, comment or other application segment"
is "$("$MKIMG" segments "$T/out.jpg" | head -2 | tr '\n' ' ')" "SOI APP0 " \
	"stored photo: a JFIF header only"
is "$("$MKIMG" segments "$T/out.jpg" | grep -E '^C[0-35-9AB]$|^C[D-F]$' | tr '\n' ' ')" "C0 " \
	"stored photo is baseline (one SOF0 frame)"
is "$(count_markers "$T/out.jpg")" "0" "stored photo: none of the planted strings"
# Orientation 6 turns the picture a quarter clockwise: its top left lands top right.
rgb_is "$T/out.jpg" 1190 10 red "upright: the red square is now top right"
rgb_is "$T/out.jpg" 1190 1590 blue "upright: the blue square is now bottom right"
rgb_is "$T/out.jpg" 10 10 grey "upright: top left is the grey background"

sqlite3 "$DB" "SELECT writefile('$T/thumb.jpg', thumb) FROM photo WHERE id = 1" >/dev/null
is "$("$MKIMG" info "$T/thumb.jpg")" "240 320" "thumbnail: 320 px on the long side, upright"
is "$(count_markers "$T/thumb.jpg")" "0" "thumbnail: none of the planted strings"
rgb_is "$T/thumb.jpg" 235 3 red "thumbnail upright too"

sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
is "$(count_markers "$DB")" "0" "database file: none of the planted strings"
[ ! -s "$DB-wal" ] || is "$(count_markers "$DB-wal")" "0" "write-ahead log: none either"
run export --format json
expect_status 0 "export --format json"
printf '%s' "$out" >"$T/export.json"
is "$(count_markers "$T/export.json")" "0" "JSON export: none of the planted strings"
run export
printf '%s' "$out" >"$T/export.csv"
is "$(count_markers "$T/export.csv")" "0" "CSV export: none of the planted strings"
run report
printf '%s' "$out" >"$T/report.txt"
is "$(count_markers "$T/report.txt")" "0" "report: none of the planted strings"

run photo export 1 -o -
is "$(printf '%s' "$out" | head -c 2 | od -An -tx1 | tr -d ' ')" "ffd8" "-o - writes the JPEG to stdout"

# Saving the day again keeps its photo (a re-save must not replace the row).
run checkin --day 3 --redness 2
expect_status 0 "the day with a photo saved again"
is "$(photo_count)" "1" "its photo is still there"

# ---- PNG: transparency on white, 16-bit grey, palette with transparency
"$MKIMG" png "$T/alpha.png" 400 200
"$MKIMG" png16 "$T/grey16.png" 300 100
"$MKIMG" pngpal "$T/pal.png" 100 50
run checkin --day 4 --photo "$T/alpha.png" --photo "$T/grey16.png" --photo "$T/pal.png"
expect_status 0 "three PNGs on one day"
is "$(sqlite3 "$DB" 'SELECT group_concat(width || "x" || height, " ") FROM photo WHERE day = 4 ORDER BY id')" \
	"400x200 300x100 100x50" "PNGs stored at their own size (never enlarged)"
id=$(sqlite3 "$DB" 'SELECT min(id) FROM photo WHERE day = 4')
run photo export "$id" -o "$T/alpha.jpg"
rgb_is "$T/alpha.jpg" 20 100 white "transparent pixels become white"
rgb_is "$T/alpha.jpg" 380 100 green "opaque pixels keep their colour"
run photo export $((id + 1)) -o "$T/grey16.jpg"
read -r r g b <<<"$("$MKIMG" pixel "$T/grey16.jpg" 299 50)"
[ "$r" -gt 240 ] && [ "$g" -gt 240 ] && ok "16-bit grey: the white end stays white" ||
	not_ok "16-bit grey: the white end stays white" "got $r $g $b"
run photo export $((id + 2)) -o "$T/pal.jpg"
rgb_is "$T/pal.jpg" 10 25 white "palette: the transparent entry becomes white"
rgb_is "$T/pal.jpg" 90 25 red "palette: the opaque entry keeps its colour"

# ---- bad files: one line naming the file and the reason, nothing saved
"$MKIMG" jpeg "$T/good.jpg" 640 480
size=$(stat -c %s "$T/raw.jpg")
head -c $((size / 2)) "$T/raw.jpg" >"$T/cut.jpg"
printf 'not a picture\n' >"$T/text.jpg"
"$MKIMG" pnghdr "$T/wide.png" 30000 100
"$MKIMG" pnghdr "$T/tall.png" 100 20001
truncate -s 50000001 "$T/big.jpg"
mkdir "$T/folder.jpg"
: >"$T/empty.jpg"
bad() { # bad FILE MESSAGE-GLOB DESCRIPTION
	local before count
	before=$(db_sum)
	count=$(photo_count)
	run checkin --day 5 --redness 1 --photo "$T/good.jpg" --photo "$1"
	expect_error 2 "$2" "$3"
	is "$(db_sum)" "$before" "$3: nothing saved"
	is "$(photo_count)" "$count" "$3: not even the good photo"
}
bad "$T/text.jpg" "$T/text.jpg: not a JPEG or PNG image" "a text file named .jpg"
bad "$T/cut.jpg" "$T/cut.jpg: not a whole readable JPEG image (Premature end of JPEG file)" \
	"a JPEG cut in half"
bad "$T/wide.png" "$T/wide.png: image is 30000x100 px; at most 20,000 px on a side are accepted" \
	"a PNG 30,000 px wide"
bad "$T/tall.png" "$T/tall.png: image is 100x20001 px; at most 20,000 px on a side are accepted" \
	"a PNG 20,001 px tall"
bad "$T/big.jpg" "$T/big.jpg: file of 50000001 bytes is larger than the 50,000,000 bytes accepted" \
	"a file over 50,000,000 bytes"
bad "$T/folder.jpg" "$T/folder.jpg: a folder, not an image file" "a folder"
bad "$T/missing.jpg" "$T/missing.jpg: no such file" "a missing file"
bad "$T/empty.jpg" "$T/empty.jpg: empty file, not an image" "an empty file"
bad /dev/null "/dev/null: not a regular file, not an image file" "a device"

# A decompression bomb: a progressive JPEG of 12000x12000 px needs every
# coefficient in memory (over 400 MB); refused at once, memory bounded.
"$MKIMG" prog "$T/bomb.jpg" 12000 12000
before=$(db_sum)
/usr/bin/time -f '%M' -o "$T/rss" "$HEALGRID" --db "$DB" checkin --day 5 --photo "$T/bomb.jpg" \
	>"$T/out" 2>"$T/err"
status=$?
out=$(cat "$T/out")
err=$(cat "$T/err")
expect_error 2 "$T/bomb.jpg: image too large to decode within 256 MB" "a progressive 12000x12000 JPEG"
is "$(db_sum)" "$before" "the bomb: nothing saved"
rss=$(tail -n 1 "$T/rss")
[ "$rss" -lt 300000 ] && ok "the bomb: peak memory under 300 MB ($((rss / 1024)) MB)" ||
	not_ok "the bomb: peak memory under 300 MB" "peak $rss KiB"
"$MKIMG" prog "$T/prog.jpg" 3000 2000
run checkin --day 5 --photo "$T/prog.jpg"
expect_status 0 "a progressive 6-megapixel JPEG is accepted"
is "$(sqlite3 "$DB" 'SELECT width || "x" || height FROM photo WHERE day = 5')" "1600x1067" \
	"a progressive JPEG shrunk to 1600 px"
run photo delete "$(sqlite3 "$DB" 'SELECT id FROM photo WHERE day = 5')" --yes

# Four a day at most, counting what the day has.
run checkin --day 5 --photo "$T/good.jpg" --photo "$T/good.jpg" --photo "$T/good.jpg" \
	--photo "$T/good.jpg" --photo "$T/good.jpg"
expect_error 2 "--photo: at most 4 photos a day" "five photos at once"
before=$(db_sum)
run checkin --day 4 --photo "$T/good.jpg" --photo "$T/good.jpg"
expect_error 2 "--photo: at most 4 photos a day; day 4 has 3 already*" "a fifth photo on a day"
is "$(db_sum)" "$before" "a fifth photo: nothing saved"
run checkin --day 4 --photo "$T/good.jpg"
expect_status 0 "the fourth photo of a day"

# ---- a day with only photos; delete; removal with the day
run checkin --day 6 --photo "$T/good.jpg"
expect_status 0 "a day with only a photo is a check-in"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin WHERE day = 6')" "1" "day 6 stored"
id=$(sqlite3 "$DB" 'SELECT id FROM photo WHERE day = 6')
before=$(db_sum)
run photo delete "$id"
expect_error 2 "photo delete: this removes photo $id (day 6, 2026-11-07, of treatment 1) for good; add --yes to confirm" \
	"photo delete without --yes"
is "$(db_sum)" "$before" "without --yes nothing is deleted"
run photo delete "$id" --yes
expect_status 0 "photo delete --yes"
is "$out" "deleted photo $id (day 6, 2026-11-07, of treatment 1)" "delete says what it removed"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin WHERE day = 6')" "0" \
	"the day, left with nothing, is removed with its last photo"
run photo delete "$id" --yes
expect_error 2 "no photo $id (see 'healgrid photo list')" "deleting it again"
run photo export 999 -o "$T/nope.jpg"
expect_error 2 "no photo 999 (see 'healgrid photo list')" "exporting a photo that does not exist"
[ ! -e "$T/nope.jpg" ] && ok "no file written for a missing photo" || not_ok "no file written for a missing photo"
run photo export 1
expect_error 2 "photo export: give -o FILE (the JPEG to write)" "photo export without -o"
run photo export x -o "$T/x.jpg"
expect_error 2 'photo export: expected a photo id*got "x"' "a photo id that is not a number"
run photo
expect_error 2 "photo: expected list, export or delete*" "photo without an action"

# Removing a day removes its photos (the database cascades).
sqlite3 "$DB" 'PRAGMA foreign_keys = ON; DELETE FROM checkin WHERE day = 4'
is "$(sqlite3 "$DB" 'SELECT count(*) FROM photo WHERE day = 4')" "0" "a removed day takes its photos"
run treatment delete 1 --yes
expect_status 0 "treatment delete"
is "$(photo_count)" "0" "a removed treatment takes its photos"

# ---- every EXIF orientation (1-8) is applied
# The red square of the raw picture is at its top left; where it lands:
#   1 top left, 2 top right (mirrored), 3 bottom right (180), 4 bottom left
#   (flipped), 5 top left (transposed), 6 top right (90 cw), 7 bottom right
#   (transversed), 8 bottom left (90 ccw); 5-8 swap the sides.
run treatment add --date 2026-11-01 --area back
tid=$out
for o in 1 2 3 4 5 6 7 8; do
	"$MKIMG" exif "$T/o$o.jpg" 160 80 "$o"
	run checkin --treatment "$tid" --day "$o" --photo "$T/o$o.jpg"
	id=$(sqlite3 "$DB" "SELECT id FROM photo WHERE treatment_id = $tid AND day = $o")
	run photo export "$id" -o "$T/o$o-out.jpg"
	case $o in 1 | 2 | 3 | 4) want="160 80" ;; *) want="80 160" ;; esac
	is "$("$MKIMG" info "$T/o$o-out.jpg")" "$want" "orientation $o: size"
	read -r w h <<<"$want"
	case $o in
	1 | 5) x=3 y=3 ;;
	2 | 6) x=$((w - 4)) y=3 ;;
	3 | 7) x=$((w - 4)) y=$((h - 4)) ;;
	4 | 8) x=3 y=$((h - 4)) ;;
	esac
	rgb_is "$T/o$o-out.jpg" "$x" "$y" red "orientation $o: the red corner lands at ($x, $y)"
done

done_testing
