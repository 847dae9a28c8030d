#!/bin/bash
# tests/cli/medicine.sh — `healgrid medicine add|stop|list|delete`: a
# course of a medicine on a treatment (name, dose, from, to), --days,
# control characters stripped, the limits, JSON as documented and read by
# python3, medicines staying on their dates when the treatment moves, and
# every error (exit 2, one line, nothing saved).
. "$top_srcdir/tests/lib.sh"

run medicine list
expect_error 1 "no database at $DB;*" "medicine list before any database"
run medicine add --name valaciclovir
expect_error 2 "no treatment yet*" "medicine add before any treatment"

run treatment add --date 2026-11-01
run treatment add --date 2026-11-20 --area neck
run medicine add --treatment 1 --name valaciclovir --dose "500 mg twice a day" --from 2026-10-30 --days 5
expect_status 0 "medicine add"
is "$out" "1" "medicine add prints the new id"
run medicine add --name "$(printf 'ibuprofen\033[31m \t')" --from 2026-11-05 --to 2026-11-05
is "$out" "2" "a medicine of one day, on the current treatment"
run medicine add --treatment 2 --name "cefalexin" --dose "$(printf '500 mg\n4 times a day')"
is "$out" "3" "a medicine still taken, from today"
run medicine add --treatment 2 --name "aciclovir" --from 2026-12-01
is "$out" "4" "a medicine planned after today"
is "$(sqlite3 "$DB" "SELECT id, treatment_id, name, dose, date_from, quote(date_to) FROM medicine ORDER BY id")" \
	"1|1|valaciclovir|500 mg twice a day|2026-10-30|'2026-11-03'
2|1|ibuprofen [31m||2026-11-05|'2026-11-05'
3|2|cefalexin|500 mg 4 times a day|2026-11-10|NULL
4|2|aciclovir||2026-12-01|NULL" "stored: --days N ends N - 1 days on, control characters stripped"

run medicine list --format json
is "$out" '{"medicines": [{"id": 1, "treatment": 1, "name": "valaciclovir", "dose": "500 mg twice a day", "from": "2026-10-30", "to": "2026-11-03"}, {"id": 2, "treatment": 1, "name": "ibuprofen [31m", "dose": "", "from": "2026-11-05", "to": "2026-11-05"}]}' \
	"medicine list --format json as documented (the current treatment)"
run medicine list --all --format json
printf '%s\n' "$out" >"$T/json"
is "$(python3 -c '
import json, sys
for m in json.load(open(sys.argv[1]))["medicines"]:
    print(list(m), m["id"], m["treatment"], m["from"], m["to"])
' "$T/json")" "['id', 'treatment', 'name', 'dose', 'from', 'to'] 1 1 2026-10-30 2026-11-03
['id', 'treatment', 'name', 'dose', 'from', 'to'] 2 1 2026-11-05 2026-11-05
['id', 'treatment', 'name', 'dose', 'from', 'to'] 3 2 2026-11-10 None
['id', 'treatment', 'name', 'dose', 'from', 'to'] 4 2 2026-12-01 None" "--all: every medicine, parsed by python3"
run medicine list --treatment 2
is "$out" "medicine 3, treatment 2: cefalexin, 500 mg 4 times a day, from 2026-11-10, still taken
medicine 4, treatment 2: aciclovir, from 2026-12-01, still taken" "medicine list as text"

run export
like "$err" "*healgrid: note: CSV carries no medicines: use --format json to keep them" \
	"export --format csv says the CSV leaves the medicines out"
run action add --text "saw GP"
run export
like "$err" "*healgrid: note: CSV carries no actions or medicines: use --format json to keep them" \
	"and actions"
run action delete 1 --yes

run medicine stop 3 --date 2026-11-12
is "$out" "medicine 3 taken until 2026-11-12" "medicine stop --date"
run medicine stop 1
is "$out" "medicine 1 taken until 2026-11-10" "medicine stop: today"
is "$(sqlite3 "$DB" "SELECT id, quote(date_to) FROM medicine WHERE id IN (1, 3) ORDER BY id")" "1|'2026-11-10'
3|'2026-11-12'" "stop sets to"

# errors: exit 2, one line, nothing saved
sum=$(db_sum)
run medicine add --name x --from 2026-11-05 --to 2026-11-04
expect_error 2 "--to: 2026-11-04 is before the course began (2026-11-05): a medicine ends on or after the day it starts" \
	"a medicine ending before it starts"
run medicine add --name x --to 2026-11-04 --days 2
expect_error 2 "medicine add: give --to or --days, not both" "--to with --days"
run medicine add --name x --days 0
expect_error 2 "--days:*" "--days 0"
run medicine add --name x --from 9999-12-30 --days 10
expect_error 2 "--to: the course would end after 9999-12-31" "--days past the last date there is"
run medicine add --dose "1 mg"
expect_error 2 "medicine add: --name TEXT is required*" "no name"
run medicine add --name "$(printf '\t \033')"
expect_error 2 "--name: empty: give the medicine's name" "a name of control characters only"
run medicine add --name "$(printf 'x%.0s' $(seq 101))"
expect_error 2 "--name: longer than 100 bytes (got 101)" "a name over 100 bytes"
run medicine add --name x --dose "$(printf 'x%.0s' $(seq 101))"
expect_error 2 "--dose: longer than 100 bytes (got 101)" "a dose over 100 bytes"
run medicine add --name "$(printf '\377')"
expect_error 2 "--name: not valid UTF-8 text" "a name that is not UTF-8"
run medicine add --name x --from 2026-02-30
expect_error 2 "--from: *" "a date that does not exist"
run medicine add --name x --name y
expect_error 2 "*--name*" "--name given twice"
run medicine add --name x --treatment 9
expect_error 2 "no treatment 9" "an unknown treatment"
run medicine stop 2 --date 2026-11-04
expect_error 2 "--date: 2026-11-04 is before the course began (2026-11-05): a medicine ends on or after the day it starts" \
	"stopped before it began"
run medicine stop 9
expect_error 2 "no medicine 9*" "stop of an unknown medicine"
run medicine stop
expect_error 2 "medicine stop: which medicine? give its id*" "stop without an id"
run medicine delete 1
expect_error 2 "medicine delete: this removes medicine 1 for good; add --yes to confirm" "delete needs --yes"
run medicine delete 9 --yes
expect_error 2 "no medicine 9" "delete of an unknown medicine"
run medicine list --all --treatment 1
expect_error 2 "medicine list: --treatment and --all do not go together" "--all with --treatment"
run medicine lst
expect_error 2 'medicine: unknown action "lst" (did you mean list?)' "an unknown subcommand"
is "$(db_sum)" "$sum" "failed commands saved nothing"

# medicines stay on their dates when the treatment's date moves
run treatment edit 1 --date 2026-11-03
expect_status 0 "treatment edit --date"
is "$(sqlite3 "$DB" "SELECT date_from, quote(date_to) FROM medicine WHERE treatment_id = 1 ORDER BY id")" \
	"2026-10-30|'2026-11-10'
2026-11-05|'2026-11-05'" "medicines keep their dates"

run medicine delete 2 --yes
is "$out" "deleted medicine 2" "medicine delete"
run treatment delete 2 --yes
is "$(sqlite3 "$DB" 'SELECT id FROM medicine')" "1" "a treatment's medicines go with it"

done_testing
