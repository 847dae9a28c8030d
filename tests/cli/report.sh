#!/bin/bash
# tests/cli/report.sh — `healgrid report`: golden files for the text and
# Markdown reports of a fixed scenario (tests/cli/scenario.sh), the promises
# of each format, and where the report goes (-o FILE: 0600, atomic).
# HEALGRID_UPDATE_GOLDEN=1 rewrites the golden files from the current
# binary (then read the diff before committing it).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/scenario.sh"

golden() { # golden NAME DESCRIPTION: compare $T/out with tests/golden/NAME
	local want="$top_srcdir/tests/golden/$1"
	if [ "${HEALGRID_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$T/out" "$want"
	fi
	if cmp -s "$T/out" "$want"; then
		ok "$2"
	else
		not_ok "$2" "$(diff -u "$want" "$T/out" | head -40)"
	fi
}
# widest: the widest line of $T/out in display columns
widest() { LC_ALL=C.UTF-8 wc -L < "$T/out" | tr -d ' '; }

empty_db
run report
expect_error 2 "no treatment yet*" "report with no treatment"
run report --all
expect_status 0 "report --all on an empty database"
like "$out" "*No treatments recorded yet.*" "says there is nothing yet"

fill_scenario
fill_followup

# ---- golden files --------------------------------------------------------
run report --treatment 2
expect_status 0 "text report of the 28-day treatment"
golden report-t2.txt "text report matches tests/golden/report-t2.txt"
is "$(widest)" 80 "text: no line wider than 80 columns"
is "$(LC_ALL=C grep -c $'\x1b' "$T/out")" 0 "text: no escape codes"
like "$out" "*Day 12, 2026-10-18: <script>alert(1)</script>*" "text: a note is shown as typed"

run report --treatment 2 --format markdown
expect_status 0 "markdown report"
golden report-t2.md "markdown report matches tests/golden/report-t2.md"
like "$out" "*| Day | Date | Redness | Swelling | Bruising | Bleeding | Flag | Warning signs |*" \
	"markdown: the day table is a pipe table"
like "$out" '*&lt;script&gt;alert\\(1\\)&lt;/script&gt;*' "markdown: the note cannot become markup"

run report --all
expect_status 0 "text report of all treatments"
golden report-all.txt "report --all matches tests/golden/report-all.txt"
is "$(widest)" 80 "report --all: no line wider than 80 columns"
is "$(printf '%s\n' "$out" | grep -c '^TREATMENT [0-9]*:')" 3 "report --all has the three treatments"

run report
expect_status 0 "report defaults to the most recent treatment"
like "$out" "*TREATMENT 3: neck, treated 2026-11-05*" "most recent is treatment 3"
like "$out" "*this one: 2026-11-05 neck*#2: 2026-10-06 face*#1: 2026-06-01 face*" \
	"compared with the two earlier treatments, most recent first"

# ---- what every report holds -----------------------------------------------
for f in text markdown html json; do
	run report --treatment 2 --format "$f"
	expect_status 0 "report --format $f"
	like "$out" "*healgrid is not medical advice*" "$f: the not-medical-advice line"
	like "$out" "*2026-11-10*" "$f: the date it was made"
	like "$out" "*blisters*" "$f: the urgent flag"
	flat=$(printf '%s' "$out" | tr -s ' \n' '  ')   # text wraps lines
	like "$flat" "*cold sore*outbreak: get medical care today*" "$f: the flag's finding and its level's action"
	# (JSON carries the full message beside the finding, for programs)
	[ "$f" = json ] && out=${out//\"message\"*\"action\"/}
	case $out in
	*"antivirals today"*) not_ok "$f: the patient's advice stays on the patient's screens" ;;
	*) ok "$f: the patient's advice stays on the patient's screens" ;;
	esac
	like "$flat" "*valaciclovir 500 mg*" "$f: what was done"
	like "$out" "*Ana Lima*" "$f: the profile"
	like "$out" "*2026-10-08*" "$f: the flag's date"
done

run report --treatment 2 --format json
check=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["made"] == "2026-11-10", d["made"]
t = d["treatments"][0]
assert t["id"] == 2 and t["window"] == 28 and t["risks"] == ["cold-sores", "dark-skin"]
assert t["depth_mm"] == 1.5 and t["expected_downtime_days"] == 5
assert d["profile"] == {"name": "Ana Lima", "born": "1990-04-12", "clinic": "Skin & Co, Lisbon"}
fl = t["flags"]
assert len(fl) == 7, len(fl)
st = [f["status"] for f in fl]
assert st == sorted(st, key=lambda s: s != "open"), st     # open ones first
assert st.count("settled") == 7, st
b = [f for f in fl if f["rule"] == "cold-sore@2"][0]
assert b["level"] == "urgent" and b["date"] == "2026-10-08" and b["status"] == "settled"
assert b["action"] == 1 and "antivirals" not in b["finding"] and "antivirals" in b["message"]
a = t["actions"]
assert [x["date"] for x in a] == ["2026-10-08", "2026-10-14", "2026-10-19"]
assert a[1]["resolves"] == [{"flag": "infection@7", "raised": True}, {"flag": "cold-sore@6", "raised": True}] \
    or a[1]["resolves"] == [{"flag": "cold-sore@6", "raised": True}, {"flag": "infection@7", "raised": True}], a[1]
s = t["summary"]
assert s["open"] == {"emergency": 0, "urgent": 0, "doctor": 0, "watch": 0}, s["open"]
assert s["resolved"] == 7
assert s["last_high_temperature"] == {"day": 7, "date": "2026-10-13", "temperature_c": 37.9}, s
assert s["sun_days"] == [4] and s["actives_days"] == [4]
assert s["photos"] == 7 and [p["day"] for p in s["photo_strip"]] == [0, 2, 3, 5, 7, 14], s
assert t["days"][4]["temperature_c"] == 37.8
r = t["symptoms"]["redness"]
assert (r["peak"], r["peak_day"], r["status"], r["clear_day"]) == (3, 0, "cleared", 11), r
assert len(t["days"]) == 28
d8 = t["days"][8]
assert d8["checked_in"] is False and d8["redness"] is None, d8
d10 = t["days"][10]
assert d10["bruising"] is None and d10["redness"] == 1, d10
assert t["days"][12]["note"] == "<script>alert(1)</script>"
c = t["comparison"]
assert c["earlier_count"] == 1 and c["earlier"][0]["treatment"] == 1
assert c["earlier"][0]["clear_day"]["redness"] == 3
assert c["average_clear_day"]["bruising"] is None
print("ok")' 2>&1)
is "$check" "ok" "json: fields and values"

run report --treatment 2 --format csv
expect_status 0 "report --format csv"
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" \
	"treatment,treatment_date,area,day,date,checked_in,redness,swelling,bruising,bleeding,signs,flag_level,flags,note,temperature_c,care" \
	"csv: header"
like "$out" "*2,2026-10-06,face,2,2026-10-08,1,2,1,2,0,blisters,urgent,cold-sore,*" "csv: day 2 with its flag"
like "$out" "*2,2026-10-06,face,8,2026-10-14,0,,,,,,,,*" "csv: a day without check-in is empty, not 0"
like "$out" "*2,2026-10-06,face,4,2026-10-10,1,2,1,1,0,,watch,care,*,37.8,sun;actives*" \
	"csv: the day's temperature and care"

# ---- the summary in words ------------------------------------------------------
run report --treatment 2
like "$out" "*SUMMARY*Today:       day 35 after treatment (tracking ended)*" "text: today's day"
like "$out" "*Open flags:  none; 7 resolved*" "text: open flags by level (every flag settled)"
like "$out" "*Redness:     last 0 none on day 27; peak 3 severe on day 0; cleared day 11*" \
	"text: a symptom's last rating, peak and clearing"
like "$out" "*Temperature: 37.9 C on day 7, the last at 37.5 C or above*" "text: the last temperature above normal"
like "$out" "*Care:        unprotected sun on day 4; actives on day 4*" "text: care noted"
like "$out" "*Photos:      7; the strip shows days 0, 2, 3, 5, 7, 14*" "text: the photo strip's days"
like "$out" "*WHAT WAS DONE*2026-10-08: Saw the clinic*2026-10-14: GP*2026-10-19: Dermatologist*" \
	"text: what was done, by date"
for m in HGGPSAREA HGSECRETCOMMENT HGCAMERAMAKE; do
	for f in text markdown html json csv; do
		run report --treatment 2 --format "$f"
		case $out in *"$m"*) not_ok "$f: no $m from the camera JPEG" ;; *) ok "$f: no $m from the camera JPEG" ;; esac
	done
done

# A resolved flag that later edits took away: the action keeps its text.
cp "$DB" "$T/keep.db"
"$HEALGRID" --db "$DB" checkin --treatment 2 --day 6 --sign '' >/dev/null
run report --treatment 2
like "$out" "*2026-10-14: GP: impetigo and a wound infection; cefalexin 500 mg four*cold-sore@6 (no longer raised)*" \
	"text: a vanished resolved flag reads 'no longer raised'"
like "$out" "*Open flags:  none; 6 resolved*" "text: and no longer counts"
run report --treatment 2 --format json
is "$(printf '%s' "$out" | python3 -c '
import json, sys
a = json.load(sys.stdin)["treatments"][0]["actions"][1]
print([r for r in a["resolves"] if r["flag"] == "cold-sore@6"])')" "[{'flag': 'cold-sore@6', 'raised': False}]" \
	"json: the vanished flag has raised false"
run report --treatment 2 --format html
like "$out" "*cold-sore@6 (no longer raised)*" "html: no longer raised"
cp "$T/keep.db" "$DB"

# ---- -o FILE -----------------------------------------------------------------
umask 022
run report --treatment 2 --format html -o "$T/report.html"
expect_status 0 "report -o FILE"
is "$out" "" "nothing on stdout with -o"
is "$(mode_of "$T/report.html")" 600 "report file is 0600 even with umask 022"
umask 077
like "$(head -c 15 "$T/report.html")" "<!DOCTYPE html>" "the file holds the HTML"
printf 'old report\n' > "$T/keep.txt"
run report --treatment 9 -o "$T/keep.txt"
expect_error 2 "no treatment 9" "report of a missing treatment"
is "$(cat "$T/keep.txt")" "old report" "a failed report leaves the old file alone"
run report -o "$T/keep.txt"
expect_status 0 "report -o replaces an existing file"
like "$(cat "$T/keep.txt")" "HEALGRID RECOVERY REPORT*" "the file was replaced whole"
mkdir -p "$T/folder/inside"
run report -o "$T/folder"
expect_error 1 "$T/folder: cannot write: *; nothing was written" "-o onto a folder"
is "$(ls "$T/folder")" "inside" "no temporary file left beside it"
run report -o "$T/missing/r.txt"
expect_error 1 "$T/missing/r.txt: cannot create: No such file or directory" "-o into a missing folder"
"$HEALGRID" --db "$DB" report > /dev/full 2>"$T/err"
status=$?
is "$status" 1 "report to a full disk fails (exit 1)"
like "$(cat "$T/err")" "healgrid: cannot write*" "and says so"
# A device or pipe is written to, never replaced by a regular file.
run report -o /dev/full
expect_error 1 "cannot write the report: No space left on device" "-o /dev/full fails"
[ -c /dev/full ] && ok "/dev/full is still a device" || not_ok "/dev/full is still a device"
run report -o /dev/stdout
expect_status 0 "-o /dev/stdout"
like "$out" "HEALGRID RECOVERY REPORT*" "-o /dev/stdout writes to stdout"
# A symbolic link is refused, as backup refuses one: written through, a
# link planted where the report goes would replace another file.
printf 'old\n' > "$T/real.txt"
ln -s real.txt "$T/link.txt"
run report -o "$T/link.txt"
expect_error 2 "$T/link.txt: is a symbolic link; healgrid does not write through one*" \
	"-o onto a symlink is refused"
[ -L "$T/link.txt" ] && ok "the symlink stays a symlink" || not_ok "the symlink stays a symlink"
is "$(cat "$T/real.txt")" "old" "the file it names is untouched"
ln -s nowhere.txt "$T/dangling.txt"
run report -o "$T/dangling.txt"
expect_error 2 "$T/dangling.txt: is a symbolic link*" "a dangling link too"
[ ! -e "$T/nowhere.txt" ] && ok "nothing made where it points" || not_ok "nothing made where it points"
for cmd in "export" "export --format json"; do
	run $cmd -o "$T/link.txt"
	expect_error 2 "$T/link.txt: is a symbolic link*" "$cmd -o onto a symlink is refused"
	is "$(cat "$T/real.txt")" "old" "$cmd: the file it names is untouched"
done

# ---- bad usage ---------------------------------------------------------------
run report --format pdf
expect_error 2 '--format: expected text|markdown|html|csv|json, got "pdf"' "unknown format"
run report --all --treatment 1
expect_error 2 "report: --treatment and --all do not go together" "--all with --treatment"
run report --treatment x
expect_error 2 "--treatment: expected a treatment id*" "bad treatment id"
run report extra
expect_error 2 'report: unexpected argument "extra"' "stray argument"

done_testing
