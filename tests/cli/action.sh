#!/bin/bash
# tests/cli/action.sh — `healgrid action add|list|delete`: what was done,
# dated, the flags it is for (ids checked: they must exist and start on or
# before the action), JSON read by
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

run action add --text "saw GP, cefalexin 500 mg for 7 days" --resolves infection@2,reaction@3 --date 2026-11-04
expect_status 0 "action add"
is "$out" "1" "action add prints the new id"
run action add --treatment 2 --text "called the clinic"
is "$out" "2" "an action without flags"
run action list --format json
expect_status 0 "action list --format json"
is "$out" '{"actions": [{"id": 1, "treatment": 1, "date": "2026-11-04", "text": "saw GP, cefalexin 500 mg for 7 days", "resolves": ["infection@2", "reaction@3"]}]}' \
	"the current treatment's actions as documented"
run action list --all --format json
printf '%s\n' "$out" > "$T/json"
is "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["actions"]:
    print(list(a), a["id"], a["treatment"], a["date"], a["resolves"])
' "$T/json")" "['id', 'treatment', 'date', 'text', 'resolves'] 2 2 2026-11-10 []
['id', 'treatment', 'date', 'text', 'resolves'] 1 1 2026-11-04 ['infection@2', 'reaction@3']" \
	"--all: every action, parsed by python3"
run action list
is "$out" "action 1, treatment 1, 2026-11-04: saw GP, cefalexin 500 mg for 7 days
  resolves infection@2
  resolves reaction@3" "action list as text"

# errors: exit 2, one line, nothing changed
sum=$(db_sum)
run action add --text x --resolves infection@4
expect_error 2 "no flag infection@4; did you mean infection@2? flags of treatment 1: infection@2, reaction@3" "a flag of another treatment"
run action add --text x --resolves pus@9
expect_error 2 "no flag pus@9; flags of treatment 1: infection@2, reaction@3" "a flag that does not exist (a version 2 id)"
run action add --text x --resolves reaction@3 --date 2026-11-03
expect_error 2 "flag reaction@3 starts on day 3, after the action's date 2026-11-03; flags of treatment 1: infection@2, reaction@3" "a flag dated after the action"
run action add --text x --resolves infection@4 --treatment 2 --date 2026-10-05
is "$status" "0" "a flag starting on the action's date"
run action delete 3 --yes
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
like "$out" "*resolves reaction@3 (no longer raised)*" "a flag that vanished is no longer raised"
like "$out" "*resolves infection@2
*" "the other stays raised"
run action list --format json
like "$out" '*"resolves": \["infection@2", "reaction@3"\]*' "JSON keeps the reference"

# deleting the action opens its flags again
run action delete 1 --yes
is "$out" "deleted action 1" "action delete"
run flags --format json
like "$out" '*"id": "infection@2"*"status": "open"*"actions": \[\]*' "its flag is open again"
run treatment delete 2 --yes
is "$(sqlite3 "$DB" 'SELECT count(*) FROM action')" "0" "a treatment's actions go with it"

done_testing
