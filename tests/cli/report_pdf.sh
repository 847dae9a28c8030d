#!/bin/bash
# tests/cli/report_pdf.sh — `report --format pdf`, drawn by healgrid with
# cairo and pango, read back with poppler: the 28-day treatment with its
# problems, six photos and notes of about 1,000 bytes fits two pages of A4
# and two of US Letter; every font is embedded; the text is real (the
# problem lines come out of pdftotext); the photos are the stored JPEG
# thumbnails, with no EXIF, XMP, GPS or comment; the metadata hold the
# title and nothing personal; LC_PAPER picks the paper; a terminal is
# refused.  The pages are also written as PNGs (pdftoppm) beside the test
# (tests/cli/report-pdf-*.png) for a person to look at.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/scenario.sh"

for tool in pdftotext pdfinfo pdffonts pdfimages pdftoppm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		not_ok "$tool is installed (apt-get install poppler-utils)"
		done_testing
		exit 1
	fi
done
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
size() { pdfinfo "$1" | sed -n 's/^Page size: *//p'; }

fill_scenario
fill_followup

# ---- paper ----------------------------------------------------------------
for paper in a4 letter; do
	run report --treatment 2 --format pdf --paper "$paper" -o "$T/$paper.pdf"
	expect_status 0 "PDF report on $paper"
	is "$(head -c 5 "$T/$paper.pdf")" "%PDF-" "$paper: a PDF file"
	n=$(pages "$T/$paper.pdf")
	[ "$n" -le 2 ] && ok "$paper: the 28-day treatment fits two pages ($n)" ||
		not_ok "$paper: the 28-day treatment fits two pages" "got $n"
done
like "$(size "$T/a4.pdf")" "595.276 x 841.89 pts (A4)*" "A4 is A4"
like "$(size "$T/letter.pdf")" "612 x 792 pts (letter)*" "Letter is Letter"
# The locale's paper, when --paper is not given (LC_ALL would override it).
paper_of() {
	env -u LC_ALL LANG=C.UTF-8 LC_PAPER="$1" "$HEALGRID" --db "$DB" report --treatment 2 \
		--format pdf > "$T/loc.pdf" && size "$T/loc.pdf"
}
like "$(paper_of en_US.UTF-8)" "*(letter)*" "LC_PAPER=en_US.UTF-8 gives US Letter"
like "$(paper_of de_DE.UTF-8)" "*(A4)*" "LC_PAPER=de_DE.UTF-8 gives A4"
like "$(paper_of C)" "*(A4)*" "the C locale gives A4"
like "$(env -u LC_ALL LC_PAPER=en_US.UTF-8 "$HEALGRID" --db "$DB" report --treatment 2 \
	--format pdf --paper a4 | pdfinfo - 2>/dev/null | sed -n 's/^Page size: *//p')" "*(A4)*" \
	"--paper wins over the locale"

# ---- fonts, text, metadata ---------------------------------------------------
fonts=$(pdffonts "$T/a4.pdf" | tail -n +3)
[ -n "$fonts" ] && ok "the PDF has fonts" || not_ok "the PDF has fonts"
is "$(printf '%s\n' "$fonts" | awk '$(NF-4) != "yes"' | wc -l)" 0 "every font is embedded"
text=$(pdftotext "$T/a4.pdf" - | tr -s ' \n' '  ')
like "$text" "*Recovery report*Treatment 2: face, treated 2026-10-06*" "text: the title and the treatment"
like "$text" "*Patient: Ana Lima, born 1990-04-12; clinic: Skin & Co, Lisbon*" "text: the profile, in the page"
like "$text" "*Risks: cold-sores, dark-skin*Medicines: valaciclovir 500 mg twice a day; cefalexin 500 mg four times a day*" "text: risks and medicines"
like "$text" "*Problems*day 2: cold-sore, urgent: blisters;*settled by day 5*" "text: the cold sore"
like "$text" "*day 5: pigment, doctor: early dark patches;*" "text: the dark patches"
like "$text" "*day 7: infection, urgent: fever 38.4 °C, pus;*settled by day 11*" "text: the infection with fever"
like "$text" "*Temperature: peak and last 38.4 °C on day 7*" "text: the temperature peak"
like "$text" "*What was done*clinician: Saw the clinic: valaciclovir*2026-10-08 to 2026-10-12: medicine: valaciclovir*clinician: GP: impetigo*medicine: cefalexin*clinician: Dermatologist checked*" \
	"text: the three actions and two medicines"
like "$text" "*Crème solaire SPF 50*" "text: UTF-8 notes"
like "$text" "*<script>alert(1)</script>*" "text: a note is text"
like "$text" "*healgrid is not medical advice*" "text: the safety line"
for advice in "get medical care" "antivirals today" "call emergency services" "get care today"; do
	case $text in *"$advice"*) not_ok "no patient instruction \"$advice\"" ;;
	*) ok "no patient instruction \"$advice\"" ;; esac
done
info=$(pdfinfo "$T/a4.pdf")
like "$info" "*Title:*healgrid recovery report*" "metadata: the title"
for m in "Ana Lima" "1990-04-12" "Skin & Co" "Lisbon" "face"; do
	case $(printf '%s\n' "$info" | grep -v '^Page') in
	*"$m"*) not_ok "metadata: no \"$m\"" ;; *) ok "metadata: no \"$m\"" ;; esac
	grep -qaF "$m" "$T/a4.pdf" && not_ok "no \"$m\" readable in the file's bytes" ||
		ok "no \"$m\" readable in the file's bytes"
done
is "$(pdfinfo -meta "$T/a4.pdf" | grep -c .)" 0 "no XMP metadata"

# ---- photos ------------------------------------------------------------------
is "$(pdfimages -list "$T/a4.pdf" | awk 'NR > 2 && $3 == "image" && $9 == "jpeg"' | wc -l)" 6 \
	"six photos, embedded as JPEG"
mkdir "$T/img"
pdfimages -j "$T/a4.pdf" "$T/img/p"
is "$(ls "$T/img" | grep -c '\.jpg$')" 6 "the six come out as JPEG files"
# Each is a JPEG with no segment but JFIF beside the image data: no EXIF
# (APP1, with GPS), no XMP (APP1), no ICC (APP2), no other APPn, no comment.
segs=$(python3 - "$T"/img/*.jpg <<'EOF'
import sys
bad = []
for path in sys.argv[1:]:
    d = open(path, "rb").read()
    assert d[:2] == b"\xff\xd8", path
    i = 2
    while i + 4 <= len(d) and d[i] == 0xFF:
        m = d[i + 1]
        if m == 0xDA:
            break
        n = d[i + 2] << 8 | d[i + 3]
        if (0xE1 <= m <= 0xEF) or m == 0xFE or (m == 0xE0 and d[i + 4:i + 9] != b"JFIF\0"):
            bad.append("%s: marker %02X" % (path, m))
        i += 2 + n
    for s in (b"Exif", b"http://ns.adobe.com/xap", b"GPS", b"HGGPSAREA", b"HGSECRETCOMMENT"):
        if s in d:
            bad.append("%s: %r" % (path, s))
print("clean" if not bad else "; ".join(bad))
EOF
)
is "$segs" "clean" "the photos hold no EXIF, XMP, GPS, ICC or comment"
# They are the stored thumbnails, byte for byte.
thumbs=$(sqlite3 "$DB" "SELECT hex(thumb) FROM photo WHERE treatment_id = 2" 2>/dev/null | sort)
mine=$(for f in "$T"/img/*.jpg; do od -An -v -tx1 "$f" | tr -d ' \n' | tr a-f A-F; echo; done | sort)
n_in=$(comm -12 <(printf '%s\n' "$thumbs") <(printf '%s\n' "$mine") | grep -c .)
is "$n_in" 6 "each is a stored thumbnail's bytes, unchanged"
for m in HGGPSAREA HGSECRETCOMMENT HGCAMERAMAKE HGCAMERAMODEL HGICCPROFILE; do
	grep -qa "$m" "$T/a4.pdf" && not_ok "no $m from the camera JPEG" || ok "no $m from the camera JPEG"
done

# ---- the pages as pictures ---------------------------------------------------
for paper in a4 letter; do
	rm -f "tests/cli/report-pdf-$paper"-*.png 2>/dev/null
	mkdir -p tests/cli 2>/dev/null
	pdftoppm -r 60 -png "$T/$paper.pdf" "tests/cli/report-pdf-$paper"
	is "$(ls tests/cli/report-pdf-"$paper"-*.png 2>/dev/null | wc -l)" "$(pages "$T/$paper.pdf")" \
		"$paper: one PNG a page (tests/cli/report-pdf-$paper-N.png)"
done

# ---- where it goes -------------------------------------------------------------
run report --treatment 2 --format pdf
expect_status 0 "PDF to standard output when it is not a terminal"
"$HEALGRID" --db "$DB" report --treatment 2 --format pdf | cmp -s - "$T/a4.pdf" &&
	ok "the same bytes as -o gives (same data, same day)" ||
	not_ok "the same bytes as -o gives (same data, same day)"
if command -v script >/dev/null 2>&1; then
	script -qec "$HEALGRID --db $DB report --treatment 2 --format pdf" /dev/null > "$T/tty.out" 2>&1
	is "$?" 2 "a PDF onto a terminal is refused (exit 2)"
	like "$(tr -d '\r' < "$T/tty.out")" "healgrid: report: a PDF is not for the terminal: give -o FILE*" \
		"and says how"
	case $(cat "$T/tty.out") in *"%PDF"*) not_ok "no PDF bytes on the terminal" ;;
	*) ok "no PDF bytes on the terminal" ;; esac
fi
run report --treatment 9 --format pdf -o "$T/none.pdf"
expect_error 2 "no treatment 9" "PDF of a missing treatment"
[ -e "$T/none.pdf" ] && not_ok "leaves no file" || ok "leaves no file"
run report --all --format pdf -o "$T/all.pdf"
expect_status 0 "report --all as PDF"
starts=0
for p in $(seq 1 "$(pages "$T/all.pdf")"); do
	case $(pdftotext -f "$p" -l "$p" "$T/all.pdf" - | grep -v '^[[:space:]]*$' | head -1) in
	"Treatment "[0-9]*": "*|"Recovery report") starts=$((starts + 1)) ;;
	esac
done
is "$starts" 3 "each of the three treatments starts a page"
# A page break inside a block keeps the block: every heading of the three
# treatments is on paper.
for h in Problems Now "What was done" "Day by day" Chart Notes; do
	is "$(pdftotext "$T/all.pdf" - | tr -d '\f' | grep -c "^$h\$")" 3 "every treatment's \"$h\" is on paper"
done

DB="$T/empty.db"
empty_db
run report --all --format pdf -o "$T/empty.pdf"
expect_status 0 "PDF of an empty database"
like "$(pdftotext "$T/empty.pdf" - | tr -s ' \n' '  ')" "*No treatments recorded yet.*" "says there is nothing yet"

done_testing
