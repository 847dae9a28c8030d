#!/bin/bash
# tests/cli/flags.sh — `healgrid flags` on the real binary: the JSON of
# the man page read by python3's json module (field names, order, once per
# rule), the 80-column text with its not-medical-advice line, --all, and
# the errors.
. "$top_srcdir/tests/lib.sh"

# python3 CHECKS: runs a python check over $T/out (parsed as JSON into
# `doc` when it parses); prints nothing when fine, else what is wrong.
pycheck() {
	python3 - "$T/out" "$@" <<'EOF'
import datetime, json, sys
path, check = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
KEYS = ["treatment", "rule", "category", "level", "day", "date", "message"]
RANK = {"urgent": 0, "doctor": 1, "watch": 2}
def fail(msg):
    print(msg); sys.exit(0)
if check == "text-width":
    lines = text.split("\n")
    if lines[-1] != "":
        fail("no newline at the end")
    for n, line in enumerate(lines[:-1], 1):
        if len(line) > 80:
            fail("line %d is %d columns: %r" % (n, len(line), line))
    sys.exit(0)
try:
    doc = json.loads(text, object_pairs_hook=lambda pairs: pairs)
except ValueError as e:
    fail("not JSON: %s: %r" % (e, text[:200]))
if [k for k, _ in doc] != ["flags"] or not isinstance(doc[0][1], list):
    fail("top level is not {\"flags\": [...]}: %r" % text[:200])
flags = doc[0][1]
for f in flags:
    keys = [k for k, _ in f]
    if keys != KEYS:
        fail("keys %r, want %r" % (keys, KEYS))
flags = [dict(f) for f in flags]
for f in flags:
    for k in ("treatment", "day"):
        if type(f[k]) is not int:
            fail("%s is not an integer: %r" % (k, f))
    for k in ("rule", "category", "level", "date", "message"):
        if not isinstance(f[k], str) or not f[k]:
            fail("%s is not a non-empty string: %r" % (k, f))
    if f["level"] not in RANK:
        fail("unknown level: %r" % f)
    if "day %d" % f["day"] not in f["message"] and f["rule"] != "risk-precaution":
        fail("message does not name the day: %r" % f)
seen = set()
for f in flags:
    if (f["treatment"], f["rule"]) in seen:
        fail("rule %s twice for treatment %d" % (f["rule"], f["treatment"]))
    seen.add((f["treatment"], f["rule"]))
keys = [(RANK[f["level"]], f["day"]) for f in flags]
if keys != sorted(keys):
    fail("not ordered by level then day: %r" % [(f["level"], f["day"]) for f in flags])
got = " ".join("%d:%s:%s:%s@%d=%s" % (f["treatment"], f["rule"], f["category"],
               f["level"], f["day"], f["date"]) for f in flags)
if check == "json":
    print(got)
elif check.startswith("dates:"):
    # dates:TID=YYYY-MM-DD,... treatment dates; each flag's date is date + day
    start = dict((int(a), b) for a, b in (p.split("=") for p in check[6:].split(",")))
    for f in flags:
        d0 = datetime.date.fromisoformat(start[f["treatment"]])
        if f["date"] != (d0 + datetime.timedelta(days=f["day"])).isoformat():
            fail("date %s is not day %d of %s" % (f["date"], f["day"], d0))
elif check.startswith("message:"):
    rule, want = check[8:].split("=", 1)
    for f in flags:
        if f["rule"] == rule and want not in f["message"]:
            fail("%s message %r lacks %r" % (rule, f["message"], want))
EOF
}

# json_is CHECK WANT DESCRIPTION: the JSON in $out parses, has the documented
# shape, order and once-per-rule, and its summary equals WANT.
json_is() {
	got=$(pycheck json)
	is "$got" "$2" "$1"
}
py_ok() { # py_ok CHECK DESCRIPTION
	got=$(pycheck "$1")
	is "$got" "" "$2"
}

# ---- an infection on treatment 1 (D = 5), a precaution on treatment 2 --
run treatment add --date 2026-10-01 --depth 1.0 --risk cold-sores --area cheeks
is "$out" 1 "treatment 1 added"
for spec in \
	"0 --redness 3 --swelling 2 --bruising 1 --bleeding 1" \
	"1 --redness 2 --swelling 1 --bruising 1 --bleeding 0" \
	"2 --redness 1 --swelling 1 --bruising 0 --bleeding 0" \
	"3 --redness 1 --swelling 1 --sign blisters" \
	"4 --redness 2 --swelling 1 --sign warmth,pus" \
	"5 --redness 3 --swelling 2 --sign pus --sign fever" \
	"8 --redness 1 --swelling 0" \
	"12 --redness 1 --sign dark-patches"
do
	# shellcheck disable=SC2086
	set -- $spec
	day=$1; shift
	run checkin --treatment 1 --day "$day" "$@"
	expect_status 0 "checkin day $day"
done

run flags --treatment 1 --format json
expect_status 0 "flags --format json"
json_is "flags --treatment 1: the right rules, first days, order" \
	"1:blisters:infection:urgent@3=2026-10-04 1:pus:infection:urgent@4=2026-10-05 1:fever:infection:urgent@5=2026-10-06 1:warmth-pain:infection:doctor@4=2026-10-05 1:redness-rising:infection:doctor@4=2026-10-05 1:swelling-rising:infection:doctor@5=2026-10-06 1:dark-patches:pigment:doctor@12=2026-10-13 1:redness-lingering:healing:watch@12=2026-10-13"
py_ok "message:blisters=antiviral" "blisters names antivirals with the cold-sores risk"
py_ok "message:pus=Pus on day 4" "pus message says what and when"
is "${out%%\"message\"*}" \
	'{"flags": [{"treatment": 1, "rule": "blisters", "category": "infection", "level": "urgent", "day": 3, "date": "2026-10-04", ' \
	"JSON written as documented"

run treatment add --date 2026-11-01 --device home --risk pregnancy
is "$out" 2 "treatment 2 added"

run flags --format json
json_is "flags defaults to the most recent treatment; a precaution fires with no check-in" \
	"2:risk-precaution:precaution:doctor@0=2026-11-01"

run flags --all --format json
expect_status 0 "flags --all"
json_is "flags --all: both treatments, ordered by level then day" \
	"1:blisters:infection:urgent@3=2026-10-04 1:pus:infection:urgent@4=2026-10-05 1:fever:infection:urgent@5=2026-10-06 2:risk-precaution:precaution:doctor@0=2026-11-01 1:warmth-pain:infection:doctor@4=2026-10-05 1:redness-rising:infection:doctor@4=2026-10-05 1:swelling-rising:infection:doctor@5=2026-10-06 1:dark-patches:pigment:doctor@12=2026-10-13 1:redness-lingering:healing:watch@12=2026-10-13"
py_ok "dates:1=2026-10-01,2=2026-11-01" "every date is treatment date + day"

# Flags are computed, never stored: correcting a day takes its flag away.
run checkin --treatment 1 --day 12 --sign ''
expect_status 0 "clear the signs of day 12"
run flags --treatment 1 --format json
like "$out" '*redness-lingering*' "redness-lingering stays"
case $out in
*'"dark-patches"'*) not_ok "dark-patches gone after the correction" "$out" ;;
*) ok "dark-patches gone after the correction" ;;
esac

# ---- text ------------------------------------------------------------
run flags --treatment 1
expect_status 0 "flags as text"
py_ok text-width "text fits 80 columns"
is "$(printf '%s\n' "$out" | tail -n 1)" \
	"healgrid is not medical advice: when in doubt, call your dermatologist." \
	"text ends with the not-medical-advice line"
order=$(printf '%s\n' "$out" | sed -n 's/^[!.]* *\(URGENT\|SEE YOUR DERMATOLOGIST\|WATCH\).*/\1/p' | tr '\n' ',')
is "$order" "URGENT,SEE YOUR DERMATOLOGIST,WATCH," "highest level first"
like "$out" "*day 4 (2026-10-05): pus, infection*" "each flag names its day, date and rule"
like "$out" "*Pus on day 4 can mean infection: contact a doctor today.*" "each flag has its message"

run flags --all
py_ok text-width "flags --all as text fits 80 columns"
like "$out" "*treatment 2, day 0 (2026-11-01): risk-precaution*" "--all names the treatment of each flag"

# a long area and a clean treatment: wrapped header, "nothing flagged"
long=$(printf 'left cheek and the area under the eyes %.0s' 1 2 3 4 5)
run treatment add --date 2026-11-05 --area "$long"
is "$out" 3 "treatment 3 added"
run checkin --treatment 3 --day 0 --redness 2 --swelling 1
run flags --treatment 3
expect_status 0 "flags of a calm treatment"
py_ok text-width "a long area is wrapped at 80 columns"
like "$out" "*No warning signs flagged.*" "says when nothing is flagged"
run flags --treatment 3 --format json
is "$out" '{"flags": []}' "empty JSON list"

# ---- errors: exit 2, one line on stderr, nothing on stdout -------------
run flags --format xml
expect_error 2 '--format: expected text|json, got "xml"' "bad --format"
run flags --treatment 99
expect_error 2 '*99*' "unknown treatment"
run flags --treatment abc
expect_error 2 '*--treatment*' "non-numeric treatment"
run flags --all --treatment 1
expect_error 2 '*--all*' "--all with --treatment"
run flags extra
expect_error 2 '*extra*' "unexpected argument"
run flags --bogus
expect_error 2 '*bogus*' "unknown option"

# a fresh database: nothing to flag with --all, a clear error without
DB="$T/fresh.db"
empty_db
run flags --all --format json
expect_status 0 "flags --all on an empty database"
is "$out" '{"flags": []}' "no treatments, no flags"
run flags
expect_error 2 '*no treatment*' "flags with no treatment at all"

done_testing
