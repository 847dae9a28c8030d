#!/bin/bash
# tests/cli/action.sh — `healgrid action add|list|delete` and `flags
# resolve`: what was done, dated, who did it (clinician or self; not
# recorded for version 2 actions), the flags it is for (KIND@DAY, any
# number of actions to a flag), JSON read by python3's json module, a
# self action for an urgent flag saying it stays open, a flag that
# vanished shown as "no longer raised", and the errors (exit 2, nothing
# changed).
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

run action add --text "saw GP, cefalexin 500 mg for 7 days" --by clinician \
	--for infection@2,reaction@3 --date 2026-11-04
expect_status 0 "action add"
is "$out" "1" "action add prints the new id"
run action add --treatment 2 --text "called the clinic"
is "$out" "2" "an action without flags"
run action add --text "washed it with saline" --by self --resolves infection@2
expect_status 0 "a self action for an urgent flag (--resolves, the older name of --for)"
is "$out" "3
infection@2 is urgent: it stays open until a clinician has seen it (an urgent problem needs a clinician)" \
	"it is saved, and says the flag stays open until a clinician has seen it"
run action add --text "cool compress" --by self --for reaction@3
is "$out" "4" "a self action for a doctor-level flag says nothing more"
run action list --format json
expect_status 0 "action list --format json"
is "$out" '{"actions": [{"id": 1, "treatment": 1, "date": "2026-11-04", "by": "clinician", "text": "saw GP, cefalexin 500 mg for 7 days", "for": ["infection@2", "reaction@3"]}, {"id": 3, "treatment": 1, "date": "2026-11-10", "by": "self", "text": "washed it with saline", "for": ["infection@2"]}, {"id": 4, "treatment": 1, "date": "2026-11-10", "by": "self", "text": "cool compress", "for": ["reaction@3"]}]}' \
	"the current treatment's actions as documented, several to one flag"
run action list --all --format json
printf '%s\n' "$out" > "$T/json"
is "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["actions"]:
    print(list(a), a["id"], a["treatment"], a["date"], a["by"], a["for"])
' "$T/json")" "['id', 'treatment', 'date', 'by', 'text', 'for'] 2 2 2026-11-10 self []
['id', 'treatment', 'date', 'by', 'text', 'for'] 1 1 2026-11-04 clinician ['infection@2', 'reaction@3']
['id', 'treatment', 'date', 'by', 'text', 'for'] 3 1 2026-11-10 self ['infection@2']
['id', 'treatment', 'date', 'by', 'text', 'for'] 4 1 2026-11-10 self ['reaction@3']" \
	"--all: every action, parsed by python3"
run action list
is "$out" "action 1, treatment 1, 2026-11-04, by clinician: saw GP, cefalexin 500 mg for 7 days
  for infection@2
  for reaction@3
action 3, treatment 1, 2026-11-10, by self: washed it with saline
  for infection@2
action 4, treatment 1, 2026-11-10, by self: cool compress
  for reaction@3" "action list as text"
is "$(sqlite3 "$DB" "SELECT a.id, quote(a.who), f.kind, f.date FROM action a LEFT JOIN action_for f
	ON f.action_id = a.id ORDER BY a.id, f.kind")" "1|'clinician'|infection|2026-11-03
1|'clinician'|reaction|2026-11-04
2|'self'||
3|'self'|infection|2026-11-03
4|'self'|reaction|2026-11-04" "stored: who, and each flag as kind and the calendar date of its first day"

# flags resolve records the same action
run flags resolve reaction@3 --text "antihistamine from the pharmacy" --by clinician --date 2026-11-05
expect_status 0 "flags resolve"
is "$out" "5" "flags resolve prints the action's id"
is "$(sqlite3 "$DB" "SELECT quote(who), date FROM action WHERE id = 5;
	SELECT kind, date FROM action_for WHERE action_id = 5")" "'clinician'|2026-11-05
reaction|2026-11-04" "flags resolve: by, date and flag stored"

# errors: exit 2, one line, nothing changed
sum=$(db_sum)
run action add --text "saw GP" --for infection@2
expect_error 2 "action add: --by clinician|self is required with --for*" "an action naming a flag without --by"
run flags resolve infection@2 --text "saw GP"
expect_error 2 "flags resolve: --by clinician|self is required*" "flags resolve without --by"
run action add --text x --for infection@2 --by doctor
expect_error 2 '--by: expected clinician (a doctor, nurse, pharmacist or the clinic) or self, got "doctor"' "an unknown --by"
run action add --text x --for infection@2 --by clinican
expect_error 2 '--by: expected clinician or self, got "clinican" (did you mean clinician?)' "a misspelt --by"
run action add --text x --for infection@4 --by self
expect_error 2 "no flag infection@4; did you mean infection@2? flags of treatment 1: infection@2, reaction@3" "a flag of another treatment"
run action add --text x --for infection@9 --by self
expect_error 2 "no flag infection@9; did you mean infection@2? flags of treatment 1: infection@2, reaction@3" "a flag that does not exist"
run action add --text x --for reaction@3 --by self --date 2026-11-03
expect_error 2 "flag reaction@3 starts on day 3, after the action's date 2026-11-03; flags of treatment 1: infection@2, reaction@3" \
	"a flag dated after the action"
run action add --text x --for nonsense --by self
expect_error 2 "no flag nonsense; flags of treatment 1: infection@2, reaction@3" "not a flag id"
run action add --for infection@4 --treatment 2
expect_error 2 "action add: --text TEXT is required (what was done)" "no text"
run action add --text ""
expect_error 2 '--text: say what was done, e.g. "saw GP, antibiotics for 7 days"' "empty text"
run action add --text "$(printf 'x%.0s' $(seq 501))"
expect_error 2 "--text: longer than 500 bytes (got 501)" "text over 500 bytes"
run action add --text x --date 2026-11-11
expect_error 2 "--date: 2026-11-11 is after today (2026-11-10): record what was done once it is done" "a date after today"
run action add --text x --by self --by clinician
expect_error 2 "*--by*" "--by given twice"
run action delete 1
expect_error 2 "action delete: this removes action 1 for good (the flags it was for lose it); add --yes to confirm" \
	"delete needs --yes"
run action delete 9 --yes
expect_error 2 "no action 9" "delete of an unknown action"
run action list --all --treatment 1
expect_error 2 "action list: --treatment and --all do not go together" "--all with --treatment"
is "$(db_sum)" "$sum" "failed commands changed nothing"

run action add --text "dressing" --for infection@4 --treatment 2 --date 2026-10-05 --by self
is "$status" "0" "a flag starting on the action's date"
run action delete "$out" --yes

# one flag named twice is one reference
run action add --text twice --by clinician --for infection@2,infection@2 --date 2026-11-05
is "$(sqlite3 "$DB" "SELECT count(*) FROM action_for WHERE action_id = $out")" "1" \
	"a flag named twice is stored once"
run action delete "$out" --yes

# a vanished flag keeps its action
run checkin --day 3 --clear
run action list
like "$out" "*action 1,*
  for reaction@3 (no longer raised)*" "a flag that vanished is no longer raised"
like "$out" "*  for infection@2
*" "the other stays raised"
run action list --format json
like "$out" '*"for": \["infection@2", "reaction@3"\]*' "JSON keeps the reference"

# treatment edit --date: an action may not fall before day 0
run action add --text "bought saline" --date 2026-11-02
early=$out
sum=$(db_sum)
run treatment edit 1 --date 2026-11-03
expect_error 2 "--date: an action is dated 2026-11-02 and would fall before the treatment day; the date can be 2026-11-02 at the latest" \
	"treatment edit --date past an action"
is "$(db_sum)" "$sum" "the refused edit changed nothing"
run action delete "$early" --yes
run treatment edit 1 --date 2026-11-03
expect_status 0 "with the action gone, the same edit"
is "$(sqlite3 "$DB" "SELECT date FROM action WHERE id = 1; SELECT kind, date FROM action_for WHERE action_id = 1")" "2026-11-04
infection|2026-11-03
reaction|2026-11-04" "actions keep their dates and flags' dates"

run flags --format json
like "$out" '*"id": "infection@0"*"status": "in-care"*' "the clinician's action puts the flag in care"
run action delete 1 --yes
is "$out" "deleted action 1" "action delete"
run flags --format json
like "$out" '*"id": "infection@0"*"status": "open"*' \
	"without it the flag is open again: the self action does not cover an urgent flag"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM action_for WHERE action_id = 1')" "0" "its flags go with it"
run treatment delete 2 --yes
is "$(sqlite3 "$DB" 'SELECT count(*) FROM action WHERE treatment_id = 2')" "0" "a treatment's actions go with it"

done_testing
