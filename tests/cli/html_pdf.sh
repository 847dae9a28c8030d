#!/bin/bash
# tests/cli/html_pdf.sh — the HTML report printed to PDF by real headless
# Chromium and read back with poppler's pdftotext/pdfinfo: problems, table
# and notes are on paper, a 28-day treatment with its problems, three
# actions, a strip of six photos and notes of about 1,000 bytes fits two
# pages of A4 and two of US Letter, the photos are embedded (nothing
# from the network, no script, no camera metadata), a note with <script>
# prints as text, each treatment starts a new page.
# Skips (77) only when chromium or poppler-utils are missing and $CI is
# unset; in CI their absence is a failure.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/scenario.sh"

for tool in chromium pdftotext pdfinfo; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		if [ -n "${CI:-}" ]; then
			not_ok "$tool is installed (apt-get install chromium poppler-utils)"
			done_testing
			exit 1
		fi
		echo "1..0 # SKIP $tool not installed (apt-get install chromium poppler-utils)"
		exit 77
	fi
done

# pdf HTML PDF: print with headless Chromium, no network, no profile.
pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--no-pdf-header-footer --user-data-dir="$(mktemp -d "$T/chrome.XXXXXX")" \
		--print-to-pdf="$2" "file://$1" >"$T/chrome.log" 2>&1
	[ -s "$2" ]
}
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

fill_scenario
fill_followup
notes=$("$HEALGRID" --db "$DB" export --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sum(len(c["note"].encode()) for t in d["treatments"] if t["id"] == 2 for c in t["checkins"]))')
[ "$notes" -ge 900 ] && [ "$notes" -le 1000 ] && ok "the notes hold about 1,000 bytes ($notes)" ||
	not_ok "the notes hold about 1,000 bytes" "got $notes"
is "$("$HEALGRID" --db "$DB" report --treatment 2 --format json | python3 -c '
import json, sys
p = json.load(sys.stdin)["treatments"][0]["problems"]
print(len(p) >= 6)')" "True" "six problems or more"
run report --treatment 2 --format html -o "$T/report.html"
expect_status 0 "HTML report of the 28-day treatment"
html=$(cat "$T/report.html")
like "$html" "*&lt;script&gt;alert(1)&lt;/script&gt;*" "the note is escaped in the HTML"
case $html in *"<script"*) not_ok "no <script> element anywhere" ;; *) ok "no <script> element anywhere" ;; esac
case $html in *"http://"*|*"https://"*|*"//"[a-z]*) not_ok "no link to the network" ;; *) ok "no link to the network" ;; esac
is "$(printf '%s' "$html" | grep -o '<img [^>]*src="data:image/jpeg;base64,[A-Za-z0-9+/=]*"' | wc -l)" 6 \
	"six photos embedded as data: URIs"
is "$(printf '%s' "$html" | grep -o '<img [^>]*>' | grep -vc 'src="data:')" 0 "no image from anywhere else"
for m in HGGPSAREA HGSECRETCOMMENT HGCAMERAMAKE HGCAMERAMODEL HGICCPROFILE; do
	case $html in *"$m"*) not_ok "no $m from the camera JPEG" ;; *) ok "no $m from the camera JPEG" ;; esac
done
# The thumbnails decode as JPEG and carry no camera metadata either.
printf '%s' "$html" | grep -o 'src="data:image/jpeg;base64,[^"]*"' | head -1 |
	sed 's/^src="data:image\/jpeg;base64,//; s/"$//' | base64 -d > "$T/thumb.jpg"
like "$("$MKIMG" info "$T/thumb.jpg")" "[0-9]* [0-9]*" "the first thumbnail is a real JPEG"
is "$(od -An -tx1 -j $(($(wc -c < "$T/thumb.jpg") - 2)) "$T/thumb.jpg" | tr -d ' ')" ffd9 \
	"and a whole one (it ends with the end-of-image marker)"
for m in HGGPSAREA HGSECRETCOMMENT; do
	grep -q "$m" "$T/thumb.jpg" && not_ok "no $m in the thumbnail" || ok "no $m in the thumbnail"
done

# Each paper size set with @page in a copy of the file.
sed 's/@page{margin/@page{size:A4;margin/' "$T/report.html" > "$T/a4.html"
sed 's/@page{margin/@page{size:letter;margin/' "$T/report.html" > "$T/letter.html"
grep -q '@page{size:A4;' "$T/a4.html" && grep -q '@page{size:letter;' "$T/letter.html" &&
	ok "the paper size is set in the copies" || not_ok "the paper size is set in the copies"
pdf "$T/letter.html" "$T/letter.pdf" && ok "Chromium printed the report (Letter)" \
	|| not_ok "Chromium printed the report (Letter)" "$(tail -5 "$T/chrome.log")"
pdf "$T/a4.html" "$T/a4.pdf" && ok "Chromium printed the report (A4)" \
	|| not_ok "Chromium printed the report (A4)" "$(tail -5 "$T/chrome.log")"
like "$(pdfinfo "$T/a4.pdf" | sed -n 's/^Page size: *//p')" "*(A4)*" "the A4 copy is on A4 paper"
like "$(pdfinfo "$T/letter.pdf" | sed -n 's/^Page size: *//p')" "*(letter)*" "the Letter copy is on Letter paper"
n_a4=$(pages "$T/a4.pdf")
[ "$n_a4" -le 2 ] && ok "the 28-day treatment fits on two A4 pages ($n_a4)" ||
	not_ok "the 28-day treatment fits on two A4 pages" "got $n_a4"
n_letter=$(pages "$T/letter.pdf")
[ "$n_letter" -le 2 ] && ok "and on two Letter pages ($n_letter)" ||
	not_ok "and on two Letter pages" "got $n_letter"
# The photos reach the paper: the PDF holds six images.
if command -v pdfimages >/dev/null 2>&1; then
	n_img=$(pdfimages -list "$T/a4.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)
	[ "$n_img" -ge 6 ] && ok "six photos printed ($n_img images)" || not_ok "six photos printed" "got $n_img"
fi

text=$(pdftotext -layout "$T/a4.pdf" -)
flat=$(printf '%s' "$text" | tr -s ' \n' '  ')
page1=$(pdftotext -layout -f 1 -l 1 "$T/a4.pdf" - | tr -s ' \n' '  ')
like "$page1" "*Recovery report*" "page 1: the title"
like "$page1" "*Treatment 2: face, treated 2026-10-06*" "page 1: which treatment"
like "$page1" "*Risks cold-sores, dark-skin*" "page 1: the risks"
like "$page1" "*Patient Ana Lima, born 1990-04-12; clinic: Skin & Co, Lisbon*" "page 1: the profile"
like "$page1" "*day 2: cold-sore, urgent: blisters;*settled by day 5*" "page 1: the cold sore"
like "$page1" "*day 7: infection, urgent: fever 38.4 °C, pus;*" "page 1: the fever"
like "$page1" "*Temperature peak and last 38.4 °C on day 7*" "page 1: the temperature peak"
like "$page1" "*day 0, 2026-10-06*day 14, 2026-10-20*" "page 1: the photo strip with day and date"
like "$flat" "*What was done*2026-10-08 (day 2)*Saw the clinic*2026-10-14 (day 8)*GP*" "what was done, by date"
like "$flat" "*3 severe*2 moderate*1 mild*0 none*" "the chart's scale"
like "$flat" "*Day Date Redness Swelling Bruising Bleeding Flag Signs, temp., care*" "the day table's header"
like "$flat" "* 2 2026-10-08 2 1 2 0 !! blisters *" "day 2 in the table, with its flag and sign"
like "$flat" "* 4 2026-10-10 2 1 1 0 . 37.8 °C; care: sun, actives *" "day 4 with its temperature and care"
like "$flat" "* 8 2026-10-14 - - - - no check-in *" "a day without check-in"
like "$flat" "* 27 2026-11-02 0 0 0 0 *" "the last day of the window"
like "$flat" "*Brownish patch on the left cheek. Photo taken.*" "a two-line note"
like "$flat" "*Day 12, 2026-10-18: <script>alert(1)</script>*" "<script>alert(1)</script> prints as text"
like "$flat" "*Crème solaire SPF 50*" "UTF-8 text survives"
like "$flat" "*this one: 2026-10-06 face 11 5 6 1*" "the comparison with earlier treatments"
like "$flat" "*healgrid is not medical advice*" "the not-medical-advice line"

# Every treatment starts on a new page.
run report --all --format html -o "$T/all.html"
sed 's/@page{margin/@page{size:A4;margin/' "$T/all.html" > "$T/all-a4.html"
pdf "$T/all-a4.html" "$T/all.pdf" && ok "Chromium printed report --all" \
	|| not_ok "Chromium printed report --all" "$(tail -5 "$T/chrome.log")"
n=$(pages "$T/all.pdf")
starts=0
for p in $(seq 1 "$n"); do
	first=$(pdftotext -f "$p" -l "$p" "$T/all.pdf" - | grep -v '^[[:space:]]*$' | head -1)
	case $first in "Treatment "[0-9]*": "*) starts=$((starts + 1)) ;; esac
done
first=$(pdftotext -f 1 -l 1 "$T/all.pdf" - | grep -v '^[[:space:]]*$' | head -1)
is "$first" "Recovery report" "page 1 starts with the title"
is "$starts" 2 "treatments 2 and 3 each start a new page ($n pages)"

done_testing
