#!/bin/bash
# tests/cli/flags.sh — flags as problems on the real binary: what `checkin`
# says about the day it saved (alerts new / worse / back with their
# message, quiet lines with the status, noted signs; text and JSON), the
# JSON of `flags` read by python3's json module (field names and order,
# findings, status and since, clinician_seen, actions, precautions apart),
# the 80-column text grouped open / in care / settled, --all, --open,
# `show`'s counts, `due` (daily lines, the end of daily tracking, the
# follow-up looks), did-you-mean, and the errors.
. "$top_srcdir/tests/lib.sh"

# pycheck CHECK: runs a python check over $T/out; prints nothing when fine,
# else what is wrong.
pycheck() {
	python3 - "$T/out" "$@" <<'EOF'
import json, sys
path, check = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
def fail(msg):
    print(msg); sys.exit(0)
if check == "text-width":
    for n, line in enumerate(text.split("\n"), 1):
        if len(line) > 80:
            fail("line %d is %d columns: %r" % (n, len(line), line))
    sys.exit(0)
try:
    doc = json.loads(text, object_pairs_hook=lambda pairs: pairs)
except ValueError as e:
    fail("not JSON: %s: %r" % (e, text[:200]))
if check == "checkin":
    if [k for k, _ in doc] != ["treatment", "day", "date", "flags", "noted"]:
        fail("checkin keys: %r" % [k for k, _ in doc])
    for f in dict(doc)["flags"]:
        keys = [k for k, _ in f]
        if keys != ["id", "kind", "level", "status", "alert", "findings", "message"]:
            fail("flag keys: %r" % keys)
    d = dict(doc)
    print(" ".join("%s:%s:%s:%s:%s" % (f["id"], f["level"], f["status"], f["alert"],
                                       ",".join(f["findings"]))
                   for f in (dict(x) for x in d["flags"])) + " noted=" + ",".join(d["noted"]))
    sys.exit(0)
KEYS = ["treatment", "id", "kind", "level", "day", "date", "last_day", "last_date",
        "status", "since", "clinician_seen", "message", "findings", "actions"]
RANK = {"emergency": 0, "urgent": 1, "doctor": 2, "watch": 3}
if [k for k, _ in doc] != ["flags", "precautions"]:
    fail("top level keys: %r" % [k for k, _ in doc])
flags = dict(doc)["flags"]
for f in flags:
    if [k for k, _ in f] != KEYS:
        fail("keys %r" % [k for k, _ in f])
    for fi in dict(f)["findings"]:
        if [k for k, _ in fi] != ["rule", "level", "day", "last_day"]:
            fail("finding keys %r" % fi)
flags = [dict(f) for f in flags]
order = [(RANK[f["level"]], f["day"], f["kind"]) for f in flags]
if order != sorted(order):
    fail("not ordered by level, day, kind: %r" % order)
for f in flags:
    if f["id"] != "%s@%d" % (f["kind"], f["day"]):
        fail("id is not KIND@DAY: %r" % f)
    if not f["message"]:
        fail("no message: %r" % f)
if check == "summary":
    for f in flags:
        fs = ",".join("%s/%s/%d-%d" % (x["rule"], x["level"], x["day"], x["last_day"])
                      for x in (dict(y) for y in f["findings"]))
        print("%d %s %s %s-%s %s since %d seen=%s [%s] actions=%s" % (
            f["treatment"], f["id"], f["level"], f["date"], f["last_date"], f["status"],
            f["since"], str(f["clinician_seen"]).lower(), fs,
            ",".join(str(a) for a in f["actions"])))
    for p in dict(doc)["precautions"]:
        p = dict(p)
        print("%d precaution %s %s" % (p["treatment"], p["id"], p["level"]))
elif check == "messages":
    for f in flags:
        print(f["id"] + ": " + f["message"])
EOF
}

# ---- checkin: an infection on a face treatment (D = 5) ------------------
run treatment add --date 2026-11-03 --risk cold-sores
HEALGRID_TODAY=2026-11-05 run checkin --day 2 --sign pus,warmth --redness 1
expect_status 0 "checkin with pus"
is "$out" "saved day 2 (2026-11-05) of treatment 1
!! urgent infection@2 (new): Pus or cloudy discharge from the needle marks on day 2 can mean an infection: get medical care today (your GP, an urgent care centre, or the clinic that treated you). Get care today if it spreads, or you get a fever or feel unwell.
noted: warmth. Tell the clinic that treated you if it gets worse." \
	"a new flag is an alert with its message; warmth on day 2 is noted"
HEALGRID_TODAY=2026-11-06 run checkin --day 3 --sign pus --format json
pycheck checkin
is "$(pycheck checkin)" "infection@2:urgent:open:None:pus noted=" \
	"checkin JSON: a quiet day of an open flag, alert null"
like "$out" '{"treatment":1,"day":3,"date":"2026-11-06","flags":[{"id":"infection@2",*' \
	"checkin JSON on one line as documented"
HEALGRID_TODAY=2026-11-06 run checkin --day 3 --sign pus
is "$out" "saved day 3 (2026-11-06) of treatment 1
infection@2, open since 11-05: pus" "a quiet line: status and the day's findings"

# an action covers it: in care, quiet
HEALGRID_TODAY=2026-11-06 run action add --text "cefalexin from the GP" --by clinician --resolves infection@2
is "$out" "1" "the action is recorded"
HEALGRID_TODAY=2026-11-07 run checkin --day 4 --sign pus
like "$out" "saved day 4 (2026-11-07) of treatment 1
infection@2, in care since 11-06 (*cefalexin from the GP): pus" "in care: quiet, since the action's date"
# three days after care pus is still there: back
HEALGRID_TODAY=2026-11-09 run checkin --day 6 --sign pus
is "$out" "saved day 6 (2026-11-09) of treatment 1
!! urgent infection@2 (back): Pus still there on day 6, 3 days after 'cefalexin from the GP' (11-06): get medical care today (your GP, an urgent care centre, or the clinic that treated you)." \
	"not better three days after care: back, with what was done"
run flags --format json
is "$(pycheck summary)" "1 infection@2 urgent 2026-11-05-2026-11-09 open since 6 seen=true [pus/urgent/2-6] actions=1
1 precaution cold-sores-precaution watch" "flags JSON: status, since, findings, actions, precautions"
# a fever joins: the flag stays one problem
HEALGRID_TODAY=2026-11-10 run checkin --day 7 --sign pus --temp 38.4
is "$out" "saved day 7 (2026-11-10) of treatment 1
infection@2, open since 11-09: pus, fever" "a new serious finding on an open flag at the same level is quiet"
run flags --format json
like "$(pycheck messages)" "infection@2: Pus still there on day 6*" "a flag that came back shows the back message"

# ---- flags text ----------------------------------------------------------
run checkin --day 0 --sign lips
like "$out" "*. watch reaction@0 (new): Swollen lips or face on day 0 is often the usual puffiness*" \
	"lips on day 0 of the face: the usual puffiness, watch"
run flags
expect_status 0 "flags as text"
is "$(pycheck text-width)" "" "no line over 80 columns"
like "$out" "Flags of treatment 1, face, 2026-11-03: 1 open, 0 in care, 1 settled.
*" "the header counts open, in care and settled (lips settled by day 4)"
like "$out" "*
OPEN
  !! urgent infection@2, days 2-7 (from 2026-11-05), open: back on day 6
  (2026-11-09)
*      findings: pus (days 2-7), fever (day 7)
      action 1 (2026-11-06, *): cefalexin from the GP
*PRECAUTIONS (before and after this session)
  . watch cold-sores-precaution
*healgrid is not medical advice*" "open flags with days, status, findings and actions; precautions after"

# three clear days settle it; settled flags come last
export HEALGRID_TODAY=2026-11-20
run checkin --day 8 --sign '' --redness 0
run checkin --day 9 --sign '' --redness 0
run flags --format json
like "$(pycheck summary)" "*1 infection@2 urgent 2026-11-05-2026-11-10 open since 6*" "two clear days do not settle"
run checkin --day 10 --sign '' --redness 0 --temp 36.9
run flags --format json
like "$(pycheck summary)" "*1 infection@2 urgent 2026-11-05-2026-11-10 settled since 10 seen=true*" \
	"the third clear day settles it"
run flags
like "$out" "Flags of treatment 1, face, 2026-11-03: 0 open, 0 in care, 2 settled.
*SETTLED
  !! urgent infection@2, days 2-7 (from 2026-11-05), settled by day 10
*reaction@0*" "settled flags by level"
run checkin --day 11 --sign lips --redness 0
like "$out" "*!! urgent reaction@11 (new): Swollen lips or face on day 11*" "lips after day 1: urgent, a new flag"
run flags --open --format json
is "$(pycheck summary)" "1 reaction@11 urgent 2026-11-14-2026-11-14 open since 11 seen=false [lips/urgent/11-11] actions=
1 precaution cold-sores-precaution watch" "--open keeps the open flags"
run flags --open
like "$out" "Flags of treatment 1, face, 2026-11-03: 1 open, 0 in care, 2 settled.*" \
	"--open: the header still counts all three"

# ---- alerts: worse and the emergency -----------------------------------
run treatment add --date 2026-11-01 --area neck --risk weak-immunity
HEALGRID_TODAY=2026-11-04 run checkin --treatment 2 --day 3 --sign crusting
like "$out" "*!! urgent infection@3 (new): Yellow or honey-coloured crusts*" "crusting with weak immunity is urgent"
HEALGRID_TODAY=2026-11-05 run checkin --treatment 2 --day 4 --sign crusting,spreading --temp 38.6
like "$out" "*!!! emergency infection@3 (worse): Redness spreading beyond the treated area with a fever of 38.6 °C on day 4*" \
	"spreading with a fever: worse, emergency"
HEALGRID_TODAY=2026-11-05 run checkin --treatment 2 --day 4 --sign airway --format json
is "$(pycheck checkin)" "reaction@4:emergency:open:new:airway infection@3:urgent:open:None:fever noted=" \
	"the airway sign: an emergency reaction first; the temperature still counts"
HEALGRID_TODAY=2026-11-05 run checkin --treatment 2 --day 4 --sign airway
like "$out" "*adrenaline pen*" "the airway message gives first aid"
run flags --treatment 2 --format json
is "$(pycheck summary)" "2 reaction@4 emergency 2026-11-05-2026-11-05 open since 4 seen=false [airway/emergency/4-4] actions=
2 infection@3 urgent 2026-11-04-2026-11-05 open since 3 seen=false [crusting/urgent/3-3,fever/urgent/4-4] actions=
2 precaution risk-precaution watch" "re-saving a day re-evaluates it; ordered by level, day, kind"

# --all: every treatment, the same order
run flags --all --format json
like "$(pycheck summary)" "2 reaction@4 emergency*
1 infection@2 urgent*
2 infection@3 urgent*
1 reaction@11 urgent*
1 reaction@0 watch*" "--all: ordered by level, day, kind"
run flags --all
like "$out" "Flags of all 2 treatments: 3 open, 0 in care, 2 settled.*treatment 2, infection@3*" "--all as text"

# ---- a self action on an urgent flag covers nothing ---------------------
run treatment add --date 2026-10-01 --area chest
run checkin --treatment 3 --day 2 --sign pus
run action add --treatment 3 --date 2026-10-03 --text "washed it" --resolves infection@2
expect_error 2 'action add: --by clinician|self is required with --for*' \
	"an action naming a flag must say who acted"
run action add --treatment 3 --date 2026-10-03 --text "washed it" --by self --for infection@2
like "$out" "*infection@2*stays open*" "a self action on an urgent flag: saved, the flag stays open"
run flags --treatment 3 --format json
like "$(pycheck summary)" "3 infection@2 urgent * open since 2 seen=false*" \
	"a self action covers no urgent flag"
# An action of version 2 data, which does not say who acted, counts as a
# clinician's.
DB_KEEP=$DB
DB="$T/v2.db"
cat >"$T/v2.json" <<-'EOF'
{"format": "healgrid-export", "version": 2, "profile": null, "treatments": [
{"id": 3, "date": "2026-10-01", "device": "professional", "depth_mm": null, "area": "chest", "products": "", "risks": [], "window": 28, "note": "", "skin_type": null, "checkins": [
  {"day": 2, "date": "2026-10-03", "redness": null, "swelling": null, "bruising": null, "bleeding": null, "signs": ["pus"], "note": "", "temperature_c": null, "care": [], "photos": []}], "actions": [
  {"id": 1, "date": "2026-10-03", "text": "washed it", "resolves": ["pus@2"]}]}
]}
EOF
run import "$T/v2.json"
run flags --treatment 3 --format json
like "$(pycheck summary)" "3 infection@2 urgent * in-care since 2 seen=true*" \
	"an action of version 2 that does not say who counts as a clinician's"
DB=$DB_KEEP

# ---- show --------------------------------------------------------------
export HEALGRID_TODAY=2026-11-10
run show --treatment 1
like "$out" "*flags: 1 open, 0 in care, 2 settled*" "show counts open, in care and settled"
like "$out" "*infection@2  settled by 2026-11-13*" "show lists the settled flag"

# ---- due: daily check-ins until tracking ends, then the looks -----------
DB="$T/due.db"
run treatment add --date 2026-11-01 --area face
HEALGRID_TODAY=2026-11-05 run due
expect_status 0 "due on day 4 without a check-in"
is "$out" "treatment 1 (face, 2026-11-01): day 4 is not checked in yet" "a reminder, not an error"
for d in 0 1 2 3 4 5 6 7; do run checkin --day $d --redness 1 --sign ''; done
HEALGRID_TODAY=2026-11-08 run show
is "$(printf '%s\n' "$out" | grep -c 'daily check-ins can stop')" "0" "not before E - 2 lies after D"
HEALGRID_TODAY=2026-11-09 run checkin --day 8 --redness 0 --sign ''
HEALGRID_TODAY=2026-11-09 run show
like "$out" "*daily check-ins can stop (since day 8); next: the six-week look, day 42 (2026-12-13)*" \
	"show: daily tracking ended, the next look"
HEALGRID_TODAY=2026-11-10 run due
expect_status 1 "nothing due once daily tracking ended, inside the window"
is "$out$err" "" "due says nothing"
HEALGRID_TODAY=2026-12-13 run due
is "$out" "treatment 1 (face, 2026-11-01): the six-week look is due (day 42): look for dark or light patches, bumps or lines, and check in" \
	"the six-week look is due on day 42"
HEALGRID_TODAY=2026-12-27 run due
expect_status 1 "a look is due for 14 days only"
HEALGRID_TODAY=2027-01-24 run due
like "$out" "*the twelve-week look is due (day 84)*" "the twelve-week look"
HEALGRID_TODAY=2027-01-24 run checkin --day 84 --redness 0
HEALGRID_TODAY=2027-01-25 run due
expect_status 1 "a check-in on the look's day ends it"
# a later match asks for daily check-ins again
run checkin --day 8 --sign pus
HEALGRID_TODAY=2026-11-10 run due
is "$out" "treatment 1 (face, 2026-11-01): day 9 is not checked in yet" "a later match asks again"
HEALGRID_TODAY=2027-04-18 run due
is "$out" "treatment 1 (face, 2026-11-01): day 168 is not checked in yet
treatment 1 (face, 2026-11-01): the twenty-four-week look is due (day 168): look for dark or light patches, bumps or lines, and check in" \
	"an open flag asks for daily check-ins, past the window too; daily lines first"
for d in 9 10 11; do HEALGRID_TODAY=2026-11-20 run checkin --day $d --redness 0 --sign ''; done
HEALGRID_TODAY=2027-04-18 run due
is "$out" "treatment 1 (face, 2026-11-01): the twenty-four-week look is due (day 168): look for dark or light patches, bumps or lines, and check in" \
	"settled again: the twenty-four-week look"
# a later treatment of the same area ends the looks of this one
run treatment add --date 2027-02-01 --area face
HEALGRID_TODAY=2027-04-18 run due
expect_status 1 "day 168 of the first is moot once the same area had a later session"

# ---- did you mean, dates -------------------------------------------------
run checkin --day 9 --sign puss
expect_error 2 '--sign: unknown sign "puss"; did you mean pus?' "a sign misspelt"
run checkin --day 9 --sign lips-airway
expect_error 2 '--sign: lips-airway is kept for older records only*' "the version 2 sign is not for new entries"
run checkin --day 9 --care sunscren
expect_error 2 '--care: unknown care item "sunscren"; did you mean sunscreen?' "a care item misspelt"
run treatment add --date 2026-11-20 --risk cold-sore
expect_error 2 '--risk: unknown risk "cold-sore"; did you mean cold-sores?' "a risk misspelt"
run checkin --date 2026-13-05 --redness 1
expect_error 2 '--date: 2026-13-05: there is no month 13' "a month that does not exist"
run checkin --date 2026-11-31 --redness 1
expect_error 2 '--date: 2026-11-31: there is no day 31 in November 2026 (it has 30 days)' "a day that does not exist"
run action add --text x --by clinician --resolves infection@7
expect_error 2 'no flag infection@7; did you mean infection@8? flags of treatment 1: infection@8' "a flag id misspelt"

# ---- errors: exit 2, one line on stderr, nothing on stdout -------------
run flags --format xml
expect_error 2 '--format: expected text|json, got "xml"' "bad --format"
run flags --treatment 99
expect_error 2 '*99*' "unknown treatment"
run flags --all --treatment 1
expect_error 2 '*--all*' "--all with --treatment"
run flags extra
expect_error 2 '*extra*' "unexpected argument"

# a fresh database: nothing to flag with --all
DB="$T/fresh.db"
empty_db
run flags --all --format json
expect_status 0 "flags --all on an empty database"
is "$out" '{"flags": [], "precautions": []}' "no treatments, no flags"
run flags
expect_error 2 '*no treatment*' "flags with no treatment at all"

done_testing
