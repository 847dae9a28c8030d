#!/bin/bash
# tests/cli/action.sh — `healgrid action add|list|delete`: what was done,
# dated, the flags it resolves (one action per flag at most), JSON read by
# python3's json module, a flag that vanished shown as "no longer raised",
# and the errors (exit 2, nothing changed).
. "$top_srcdir/tests/lib.sh"

run action list
expect_error 1 "no database at $DB;*" "action list before any database"
run action add --text "saw GP"
expect_error 2 "no treatment yet*" "action add before any treatment"

run treatment add --date 2026-11-01
run checkin --day 2 --sign pus
run checkin --day 3 --sign rash
run treatment add --date 2026-10-01 --area neck
run checkin --treatment 2 --day 4 --sign pus

run action add --text "saw GP, cefalexin 500 mg for 7 days" --resolves pus@2,rash@3 --date 2026-11-04
expect_status 0 "action add"
is "$out" "1" "action add prints the new id"
run action add --treatment 2 --text "called the clinic"
is "$out" "2" "an action without flags"
run action list --format json
expect_status 0 "action list --format json"
is "$out" '{"actions": [{"id": 1, "treatment": 1, "date": "2026-11-04", "text": "saw GP, cefalexin 500 mg for 7 days", "resolves": ["pus@2", "rash@3"]}]}' \
	"the current treatment's actions as documented"
run action list --all --format json
printf '%s\n' "$out" > "$T/json"
is "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["actions"]:
    print(list(a), a["id"], a["treatment"], a["date"], a["resolves"])
' "$T/json")" "['id', 'treatment', 'date', 'text', 'resolves'] 2 2 2026-11-10 []
['id', 'treatment', 'date', 'text', 'resolves'] 1 1 2026-11-04 ['pus@2', 'rash@3']" \
	"--all: every action, parsed by python3"
run action list
is "$out" "action 1, treatment 1, 2026-11-04: saw GP, cefalexin 500 mg for 7 days
  resolves pus@2
  resolves rash@3" "action list as text"

# errors: exit 2, one line, nothing changed
sum=$(db_sum)
run action add --text again --resolves pus@2
expect_error 2 "flag pus@2 is already resolved by action 1" "a flag resolved twice"
run action add --text x --resolves pus@4
expect_error 2 "no flag pus@4 in treatment 1 (see 'healgrid flags --treatment 1')" "a flag of another treatment"
run action add --text x --resolves pus@9
expect_error 2 "no flag pus@9 in treatment 1 (see 'healgrid flags --treatment 1')" "a flag that does not exist"
run action add --text x --resolves pus@4,pus@4 --treatment 2
expect_error 2 "pus@4: given twice" "the same flag twice"
run action add --resolves pus@4 --treatment 2
expect_error 2 "action add: --text TEXT is required (what was done)" "no text"
run action add --text ""
expect_error 2 '--text: say what was done, e.g. "saw GP, antibiotics for 7 days"' "empty text"
run action add --text "$(printf 'x%.0s' $(seq 501))"
expect_error 2 "--text: longer than 500 bytes (got 501)" "text over 500 bytes"
run action add --text x --date 2026-11-11
expect_error 2 "--date: 2026-11-11 is after today (2026-11-10): record what was done once it is done" "a date after today"
run action delete 1
expect_error 2 "action delete: this removes action 1 for good (the flags it resolved are open again); add --yes to confirm" \
	"delete needs --yes"
run action delete 9 --yes
expect_error 2 "no action 9" "delete of an unknown action"
run action list --all --treatment 1
expect_error 2 "action list: --treatment and --all do not go together" "--all with --treatment"
is "$(db_sum)" "$sum" "failed commands changed nothing"

# a vanished flag keeps its action
run checkin --day 3 --clear
run action list
like "$out" "*resolves rash@3 (no longer raised)*" "a flag that vanished is no longer raised"
like "$out" "*resolves pus@2
*" "the other stays raised"
run action list --format json
like "$out" '*"resolves": \["pus@2", "rash@3"\]*' "JSON keeps the reference"

# deleting the action opens its flags again
run action delete 1 --yes
is "$out" "deleted action 1" "action delete"
run flags --format json
like "$out" '*"id": "pus@2"*"status": "open", "action": null*' "its flag is open again"
run treatment delete 2 --yes
is "$(sqlite3 "$DB" 'SELECT count(*) FROM action')" "0" "a treatment's actions go with it"

done_testing
