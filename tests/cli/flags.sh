#!/bin/bash
# tests/cli/flags.sh — `healgrid flags` on the real binary: the JSON of
# the man page read by python3's json module (field names, order, a flag
# per episode with its id RULE@DAY, status and action), the 80-column text
# with its not-medical-advice line, --all, --open, resolving, and the
# errors.
. "$top_srcdir/tests/lib.sh"

# python3 CHECKS: runs a python check over $T/out (parsed as JSON into
# `doc` when it parses); prints nothing when fine, else what is wrong.
pycheck() {
	python3 - "$T/out" "$@" <<'EOF'
import datetime, json, sys
path, check = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
KEYS = ["treatment", "id", "rule", "category", "level", "day", "date", "message",
        "status", "action"]
RANK = {"emergency": 0, "urgent": 1, "doctor": 2, "watch": 3}
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
    if f["id"] != "%s@%d" % (f["rule"], f["day"]):
        fail("id is not RULE@DAY: %r" % f)
    if f["status"] == "open":
        if f["action"] is not None:
            fail("an open flag with an action: %r" % f)
    elif f["status"] == "resolved":
        a = f["action"]
        if [k for k, _ in a] != ["id", "date", "text"]:
            fail("action keys: %r" % a)
    else:
        fail("unknown status: %r" % f)
seen = set()
for f in flags:
    if (f["treatment"], f["id"]) in seen:
        fail("flag %s twice for treatment %d" % (f["id"], f["treatment"]))
    seen.add((f["treatment"], f["id"]))
keys = [(RANK[f["level"]], f["day"], f["rule"]) for f in flags]
if keys != sorted(keys):
    fail("not ordered by level, day, rule: %r" % [(f["level"], f["day"]) for f in flags])
got = " ".join("%d:%s:%s:%s=%s%s" % (f["treatment"], f["id"], f["category"],
               f["level"], f["date"], "" if f["status"] == "open" else
               ":resolved by %d" % dict(f["action"])["id"]) for f in flags)
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
T1="1:blisters@3:infection:urgent=2026-10-04 1:infection-signs@4:infection:urgent=2026-10-05 1:pus@4:infection:urgent=2026-10-05 1:fever@5:infection:urgent=2026-10-06 1:redness-rising@4:infection:doctor=2026-10-05 1:warmth-pain@4:infection:doctor=2026-10-05 1:swelling-rising@5:infection:doctor=2026-10-06 1:dark-patches@12:pigment:doctor=2026-10-13 1:cold-sores-precaution@0:precaution:watch=2026-10-01 1:redness-lingering@12:healing:watch=2026-10-13"
json_is "flags --treatment 1: the right rules, first days, order" "$T1"
py_ok "message:blisters=antiviral" "blisters names antivirals"
py_ok "message:pus=Pus or cloudy discharge on day 4 can mean" "pus message says what, when and what it can mean"
py_ok "message:pus=get medical care today (your GP, an urgent care centre, or the clinic that treated you)." \
	"pus message gives the urgent level's action"
py_ok "message:fever=GP" "fever points to a GP"
is "${out%%\"message\"*}" \
	'{"flags": [{"treatment": 1, "id": "blisters@3", "rule": "blisters", "category": "infection", "level": "urgent", "day": 3, "date": "2026-10-04", ' \
	"JSON written as documented"
like "$out" '*"status": "open", "action": null}*' "an open flag: status open, action null"

run treatment add --date 2026-11-01 --device home --risk pregnancy
is "$out" 2 "treatment 2 added"

run flags --format json
json_is "flags defaults to the most recent treatment; a precaution fires with no check-in" \
	"2:risk-precaution@0:precaution:watch=2026-11-01"

run flags --all --format json
expect_status 0 "flags --all"
json_is "flags --all: both treatments, ordered by level, day, rule" \
	"1:blisters@3:infection:urgent=2026-10-04 1:infection-signs@4:infection:urgent=2026-10-05 1:pus@4:infection:urgent=2026-10-05 1:fever@5:infection:urgent=2026-10-06 1:redness-rising@4:infection:doctor=2026-10-05 1:warmth-pain@4:infection:doctor=2026-10-05 1:swelling-rising@5:infection:doctor=2026-10-06 1:dark-patches@12:pigment:doctor=2026-10-13 1:cold-sores-precaution@0:precaution:watch=2026-10-01 2:risk-precaution@0:precaution:watch=2026-11-01 1:redness-lingering@12:healing:watch=2026-10-13"
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
order=$(printf '%s\n' "$out" | sed -n 's/^[!.]* *\(EMERGENCY\|URGENT\|DOCTOR\|WATCH\):.*/\1/p' | tr '\n' ',')
is "$order" "URGENT,DOCTOR,WATCH," "highest level first"
like "$out" "*DOCTOR: see a doctor within a few days (your dermatologist, the clinic that*" \
	"each level heading gives its action"
like "$out" "*pus@4, day 4 (2026-10-05), infection*" "each flag names its day, date, rule and id"
like "$out" "*Pus or cloudy discharge on day 4 can mean an infection of the needle marks:*" \
	"each flag has its message"

run flags --all
py_ok text-width "flags --all as text fits 80 columns"
like "$out" "*treatment 2: risk-precaution@0, day 0 (2026-11-01), precaution*" "--all names the treatment of each flag"

# ---- episodes: pus comes back after a day without it -------------------
run checkin --treatment 1 --day 6 --redness 1 --swelling 0
run checkin --treatment 1 --day 7 --sign pus
expect_status 0 "pus again on day 7, after a day without"
like "$out" "*urgent pus@7 (new): Pus or cloudy discharge on day 7*" "checkin marks the new flag"
run flags --treatment 1 --format json
like "$out" '*"id": "pus@4"*"id": "pus@7"*' "a new flag for the new episode"

# ---- resolving ----------------------------------------------------------
run flags resolve --treatment 1 pus@4 fever@5 --text "saw GP, cefalexin 500 mg for 7 days" --date 2026-10-06
expect_status 0 "flags resolve"
is "$out" "1" "resolve prints the action's id"
run flags --treatment 1 --format json
py_ok "dates:1=2026-10-01" "resolved flags keep their dates"
like "$(pycheck json)" "*1:pus@4:infection:urgent=2026-10-05:resolved by 1 1:fever@5:infection:urgent=2026-10-06:resolved by 1*" \
	"both flags resolved by action 1"
like "$out" '*"status": "resolved", "action": {"id": 1, "date": "2026-10-06", "text": "saw GP, cefalexin 500 mg for 7 days"}}*' \
	"a resolved flag carries its action"
run flags --treatment 1 --open --format json
case $out in
*'"pus@4"'*|*'"resolved"'*) not_ok "--open leaves resolved flags out" "$out" ;;
*) ok "--open leaves resolved flags out" ;;
esac
like "$out" '*"pus@7"*' "--open keeps the open ones"
run flags --treatment 1
like "$out" "*RESOLVED*pus@4, day 4 (2026-10-05), infection*resolved by action 1 (2026-10-06): saw GP*" \
	"text lists resolved flags after the open ones, with their action"
sum=$(db_sum)
run flags resolve --treatment 1 pus@4 --text again
expect_error 2 "flag pus@4 is already resolved by action 1" "resolving a flag twice"
run flags resolve --treatment 1 pus@9 --text x
expect_error 2 "no flag pus@9 in treatment 1 (see 'healgrid flags --treatment 1')" "a flag that does not exist"
run flags resolve --treatment 2 pus@7 --text x
expect_error 2 "no flag pus@7 in treatment 2 (see 'healgrid flags --treatment 2')" "a flag of another treatment"
run flags resolve --treatment 1 pus@7 nothing@3 --text x
expect_error 2 "nothing@3: not a flag id (RULE@DAY, as 'healgrid flags' lists them)" "a bad id among good ones"
run flags resolve --treatment 1 pus@7
expect_error 2 "flags resolve: --text TEXT is required (what was done)" "no --text"
run flags resolve --treatment 1 pus@7 --text x --date 2026-11-11
expect_error 2 "--date: 2026-11-11 is after today (2026-11-10): record what was done once it is done" \
	"an action dated after today"
is "$(db_sum)" "$sum" "failed resolves changed nothing"

# A resolved flag whose episode vanishes keeps its action: "no longer raised".
run checkin --treatment 1 --day 5 --sign ''
run flags --treatment 1
like "$out" "*NO LONGER RAISED*fever of 2026-10-06: no longer raised; resolved by action 1*" \
	"the flags list names the vanished flag"
run action list --treatment 1
like "$out" "*resolves fever@5 (no longer raised)*" "action list shows it as no longer raised"
run checkin --treatment 1 --day 5 --sign pus,fever
run flags --treatment 1 --format json
like "$(pycheck json)" "*1:fever@5:infection:urgent=2026-10-06:resolved by 1*" \
	"the flag back again: still resolved by its action"

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
