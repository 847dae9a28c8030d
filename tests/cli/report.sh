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
# Every format of two recoveries: treatment 1 healed without a problem;
# treatment 2 had a cold sore, an infection with fever, dark patches and
# three actions.  The HTML's photos are left out of the comparison (their
# bytes are checked by tests/cli/html_pdf.sh).
for t in 1 2; do
	for f in text markdown html csv json; do
		case $f in text) ext=txt ;; markdown) ext=md ;; *) ext=$f ;; esac
		run report --treatment "$t" --format "$f"
		expect_status 0 "report --treatment $t --format $f"
		[ "$f" = html ] && sed -i 's|data:image/jpeg;base64,[A-Za-z0-9+/=]*|data:image/jpeg;base64,...|g' "$T/out"
		golden "report-t$t.$ext" "treatment $t, $f: matches tests/golden/report-t$t.$ext"
	done
done
run report --treatment 2
is "$(widest)" 80 "text: no line wider than 80 columns"
is "$(LC_ALL=C grep -c $'\x1b' "$T/out")" 0 "text: no escape codes"
like "$out" "*Day 12, 2026-10-18: <script>alert(1)</script>*" "text: a note is shown as typed"

run report --treatment 2 --format markdown
like "$out" "*| Day | Date | Redness | Swelling | Bruising | Bleeding | Flag | Signs, temp., care |*" \
	"markdown: the day table is a pipe table"
like "$out" '*&lt;script&gt;alert\\(1\\)&lt;/script&gt;*' "markdown: the note cannot become markup"

run report --all
expect_status 0 "text report of all treatments"
golden report-all.txt "report --all matches tests/golden/report-all.txt"
is "$(widest)" 80 "report --all: no line wider than 80 columns"
is "$(printf '%s\n' "$out" | grep -c '^TREATMENT [0-9]*:')" 3 "report --all has the three treatments"

run report
expect_status 0 "report defaults to the most recent treatment"
like "$out" "*TREATMENT 3: NECK, TREATED 2026-11-05*" "most recent is treatment 3"
like "$out" "*this one: 2026-11-05 neck*#2: 2026-10-06 face*#1: 2026-06-01 face*" \
	"compared with the two earlier treatments, most recent first"

# ---- what every report holds -----------------------------------------------
# The order a dermatologist reads: header, problems, now, what was done,
# photos, the day table, the chart, notes, comparison; clinical words, no
# advice to the patient; never measured or never recorded is said so.
for f in text markdown html csv json; do
	run report --treatment 2 --format "$f"
	expect_status 0 "report --format $f"
	flat=$(printf '%s' "$out" | tr -s ' \n' '  ')   # text wraps lines
	like "$flat" "*healgrid is not medical advice*" "$f: the not-medical-advice line"
	like "$out" "*2026-11-10*" "$f: the date it was made"
	like "$flat" "*cold-sore, urgent: blisters*" "$f: the cold sore, in clinical words"
	like "$flat" "*infection, urgent: fever 38.4 °C*" "$f: the fever with its value"
	like "$flat" "*pigment, doctor: early dark patches*" "$f: the dark patches"
	like "$flat" "*peak and last 38.4 °C on day 7*" "$f: the temperature peak"
	like "$flat" "*skin type not recorded*" "$f: a skin type never recorded says so"
	like "$flat" "*valaciclovir 500 mg*" "$f: what was done"
	like "$out" "*Ana Lima*" "$f: the profile"
	like "$out" "*2026-10-08*" "$f: the first day of the cold sore"
	for advice in "get medical care" "antivirals today" "call emergency services" \
		"see a doctor within" "mention it at your next visit" "get care today"; do
		case $out in
		*"$advice"*) not_ok "$f: no patient instruction \"$advice\"" ;;
		*) ok "$f: no patient instruction \"$advice\"" ;;
		esac
	done
	# Problems come before now, now before what was done, then the photos,
	# the day table, the chart, the notes and the comparison (JSON is data:
	# its order is its keys').
	[ "$f" = json ] && continue
	order=$(printf '%s\n' "$flat" | python3 -c '
import sys
t = sys.stdin.read().lower()
keys = ["cold-sore, urgent: blisters", "peak and last 38.4", "2026-10-19",
        "day 14, 2026-10-20", "2026-10-27", "a gap is a day not rated", "crème solaire",
        "average of 1 earlier"]
pos = [t.find(k) for k in keys]
print("ok" if all(p >= 0 for p in pos) and pos == sorted(pos) else "%s" % list(zip(keys, pos)))')
	is "$order" ok "$f: the sections in the dermatologist's order"
done
run report --treatment 1
flat=$(printf '%s' "$out" | tr -s ' \n' '  ')
like "$flat" "*No problem flagged by healgrid's rules.*" "text: an uneventful recovery says no problem"
like "$flat" "*Temperature: never measured*" "text: a temperature never taken is never measured"
"$HEALGRID" --db "$DB" treatment add --date 2026-11-09 --area chin >/dev/null
for f in text markdown html csv json; do
	run report --treatment 4 --format "$f"
	flat=$(printf '%s' "$out" | tr -s ' \n' '  ')
	like "$flat" "*never measured*" "$f: no check-in yet: the temperature was never measured"
	like "$flat" "*[Cc]are*not recorded*" "$f: and care was not recorded"
	like "$flat" "*[Rr]edness*not rated*" "$f: and redness was not rated"
	case $flat in *"none noted"*|*"edness: 0"*|*"edness:** 0"*|*"edness</th><td>0"*) not_ok "$f: nothing unrecorded reads as normal" ;;
	*) ok "$f: nothing unrecorded reads as normal" ;; esac
done
"$HEALGRID" --db "$DB" treatment delete 4 --yes >/dev/null

run report --treatment 2 --format json
check=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["made"] == "2026-11-10", d["made"]
t = d["treatments"][0]
assert t["id"] == 2 and t["window"] == 28 and t["risks"] == ["cold-sores", "dark-skin"]
assert t["depth_mm"] == 1.5 and t["expected_downtime_days"] == 5
assert d["profile"] == {"name": "Ana Lima", "born": "1990-04-12", "clinic": "Skin & Co, Lisbon"}
assert t["header"]["risks"] == "cold-sores, dark-skin" and t["header"]["medicines"] == \
    "valaciclovir 500 mg twice a day; cefalexin 500 mg four times a day", t["header"]
p = t["problems"]
days = [x["day"] for x in p]
assert days == sorted(days), days                  # by first day
keys = {"treatment", "id", "kind", "level", "day", "date", "last_day", "last_date", "status",
        "since", "clinician_seen", "findings", "actions"}
assert all(keys <= set(x) for x in p), p[0].keys()
b = [x for x in p if x["kind"] == "cold-sore"][0]
assert b["id"] == "cold-sore@2" and b["level"] == "urgent" and b["date"] == "2026-10-08"
assert b["status"] == "settled" and b["actions"] == [1], b
assert b["findings"][0]["rule"] == "blisters"
assert not any("message" in x for x in p)
fv = [x for x in p if x["id"] == "infection@7"][0]
assert [f["rule"] for f in fv["findings"]] == ["fever", "pus"], fv
assert fv["findings_text"] == "fever 38.4 \u00b0C, pus", fv
n = t["now"]
assert n["temperature"] == "peak and last 38.4 \u00b0C on day 7", n
assert t["temperature_c"] == {"peak": 38.4, "peak_day": 7, "last": 38.4, "last_day": 7}
assert n["redness"].startswith("0 none on day 27"), n
a = t["actions"]
assert [x["date"] for x in a] == ["2026-10-08", "2026-10-14", "2026-10-19"]
assert sorted(a[1]["for"]) == ["cold-sore@6", "infection@7"], a[1]
assert [x["by"] for x in a] == ["clinician"] * 3, a
m = t["medicines"]
assert [(x["name"], x["dose"], x["from"], x["to"]) for x in m] == [
    ("valaciclovir", "500 mg twice a day", "2026-10-08", "2026-10-12"),
    ("cefalexin", "500 mg four times a day", "2026-10-14", "2026-10-20")], m
s = t["summary"]
assert s["photos"] == 7 and len(s["photo_strip"]) == 6, s
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
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "treatment,section,key,label,value" "csv: header"
like "$out" "*2,problems,cold-sore@2,day 2,\"cold-sore, urgent: blisters;*" "csv: the cold sore"
like "$out" "*2,days,2,Flag,!!*2,days,2,\"Signs, temp., care\",blisters*" "csv: day 2 with its flag"
like "$out" "*2,days,8,Redness,-*2,days,8,\"Signs, temp., care\",no check-in*" \
	"csv: a day without check-in says so, not 0"
like "$out" "*2,days,4,\"Signs, temp., care\",\"37.8 °C; care: sun, actives\"*" "csv: the day's temperature and care"
like "$out" "*2,now,temperature,Temperature,peak and last 38.4 °C on day 7*" "csv: the temperature peak"

# ---- now, in words -------------------------------------------------------------
run report --treatment 2
flat=$(printf '%s' "$out" | tr -s ' \n' '  ')
like "$flat" "*NOW Today: day 35 after treatment (past its window)*" "text: today's day"
like "$flat" "*Redness: 0 none on day 27 (same as day 26); peak 3 severe on day 0; cleared day 11*" \
	"text: a symptom's last two check-ins, peak and clearing"
like "$flat" "*Care: strong sun, unprotected on day 4; retinoid, acid or vitamin C on day 4*" "text: care noted"
like "$flat" "*6 of 7 photos: day 0, 2026-10-06; day 2*day 14, 2026-10-20.*" "text: the photo strip's days"
like "$flat" "*WHAT WAS DONE 2026-10-08 (day 2): clinician: Saw the clinic*2026-10-08 to 2026-10-12: medicine: valaciclovir, 500 mg twice a day 2026-10-14 (day 8)*GP*2026-10-14 to 2026-10-20: medicine: cefalexin*2026-10-19 (day 13)*Dermatologist*" \
	"text: what was done, actions and medicines by date"
for m in HGGPSAREA HGSECRETCOMMENT HGCAMERAMAKE; do
	for f in text markdown html json csv pdf; do
		run report --treatment 2 --format "$f"
		case $out in *"$m"*) not_ok "$f: no $m from the camera JPEG" ;; *) ok "$f: no $m from the camera JPEG" ;; esac
	done
done

# A resolved flag that later edits took away: the action keeps its text.
cp "$DB" "$T/keep.db"
"$HEALGRID" --db "$DB" checkin --treatment 2 --day 6 --sign '' >/dev/null
run report --treatment 2
flat=$(printf '%s' "$out" | tr -s ' \n' '  ')
like "$flat" "*2026-10-14 (day 8): clinician: GP: impetigo and a wound infection; cefalexin 500 mg four*cold-sore@6 (no longer raised)*" \
	"text: a vanished resolved flag reads 'no longer raised'"
case $flat in *"cold-sore, urgent: crusting"*) not_ok "text: and is no problem any more" ;; *) ok "text: and is no problem any more" ;; esac
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

# ---- the looks heed a later session of the same area, as show and due do ----
DB="$T/looks.db"
HEALGRID_TODAY=2026-10-10
run treatment add --date 2026-09-01 --area face
run checkin --treatment 1 --day 0 --redness 1
run report --treatment 1
like "$out" "*next look day 42 (the six-week look)*" "alone, the face treatment's next look is the six-week one"
run treatment add --date 2026-10-01 --area face
run report --treatment 1
case $out in
*"next look"*) not_ok "after a later face session, no look is named for the earlier one" "$out" ;;
*) ok "after a later face session, no look is named for the earlier one" ;;
esac
HEALGRID_TODAY=2026-10-13
run due
is "$out" "treatment 2 (face, 2026-10-01): day 12 is not checked in yet" \
	"... and due names no look for it on its day 42"
run report --treatment 1
case $out in
*"look"*) not_ok "... nor does its report on day 42" "$out" ;;
*) ok "... nor does its report on day 42" ;;
esac
run treatment add --date 2026-10-05 --area neck
run report --treatment 3
like "$out" "*next look day 42*" "another area's session leaves the looks alone"

# ---- bad usage ---------------------------------------------------------------
run report --format odt
expect_error 2 '--format: expected text|markdown|html|pdf|csv|json, got "odt"' "unknown format"
run report --format pdf --paper a5 -o "$T/r.pdf"
expect_error 2 '--paper: expected a4|letter, got "a5"' "unknown paper"
run report --all --treatment 1
expect_error 2 "report: --treatment and --all do not go together" "--all with --treatment"
run report --treatment x
expect_error 2 "--treatment: expected a treatment id*" "bad treatment id"
run report extra
expect_error 2 'report: unexpected argument "extra"' "stray argument"

done_testing
