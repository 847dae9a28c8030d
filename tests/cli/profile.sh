#!/bin/bash
# tests/cli/profile.sh — `healgrid profile`: set, show (text and JSON),
# merge, clear one field or all; bad values refused with nothing changed.
. "$top_srcdir/tests/lib.sh"

json_field() { python3 -c 'import json, sys; p = json.load(sys.stdin)["profile"]; print("null" if p is None else p[sys.argv[1]])' "$1"; }

run profile --format json
expect_status 0 "profile on a new database"
is "$out" '{"profile": null}' "no profile yet: null"
run profile
like "$out" "no profile (set one with*" "text says there is none and how to set it"

run profile --name 'Ana "Ana" Ruiz-Müller' --born 1990-04-02 --clinic 'Clinique de la Rue Haute'
expect_status 0 "set all three"
is "$out" "name:   Ana \"Ana\" Ruiz-Müller
born:   1990-04-02
clinic: Clinique de la Rue Haute" "setting prints the profile"
run profile --format json
expect_status 0 "profile --format json"
is "$(printf '%s' "$out" | json_field name)" 'Ana "Ana" Ruiz-Müller' "JSON name (quotes and UTF-8 kept)"
is "$(printf '%s' "$out" | json_field born)" "1990-04-02" "JSON born"
is "$(printf '%s' "$out" | json_field clinic)" "Clinique de la Rue Haute" "JSON clinic"
is "$(printf '%s' "$out" | python3 -c 'import json,sys; print(sorted(json.load(sys.stdin)["profile"]))')" \
	"['born', 'clinic', 'name']" "JSON has exactly name, born, clinic"

# Options merge: one field set, the others kept; '' clears one.
run profile --clinic 'Dr Okafor'
is "$(sqlite3 "$DB" 'SELECT name, born, clinic FROM profile')" 'Ana "Ana" Ruiz-Müller|1990-04-02|Dr Okafor' \
	"--clinic alone keeps name and born"
run profile --born ''
run profile --format json
is "$(printf '%s' "$out" | json_field born)" "None" "--born '' clears the birth date (JSON null)"
run profile
like "$out" "*born:   -*" "text shows a cleared field as -"
run profile --born 2026-11-10
expect_status 0 "born today is accepted"

# Bad values: exit 2, one line, nothing changed.
before=$(db_sum)
bad() { # bad MESSAGE-GLOB DESCRIPTION OPTION...
	local msg=$1 what=$2
	shift 2
	run profile "$@"
	expect_error 2 "$msg" "$what"
	is "$(db_sum)" "$before" "$what: nothing changed"
}
bad '--born: 2026-11-11 is after today (2026-11-10)' "born after today" --born 2026-11-11
bad '--born: 1990-02-30: there is no day 30 in February 1990 (it has 28 days)' "born on an impossible date" --born 1990-02-30
bad '--born: expected a real date YYYY-MM-DD, got "April 1990"' "born not a date" --born 'April 1990'
bad '--name: one line of text, without control characters' "a name with a line break" --name $'Ana\nRuiz'
bad '--name given twice' "--name twice" --name A --name B
bad "--clinic: longer than 200 bytes (got 201)" "a clinic too long" --clinic "$(printf 'x%.0s' $(seq 201))"
bad "profile: --clear removes the whole profile; it takes no --name, --born or --clinic" \
	"--clear with a field" --clear --name X
bad 'profile: unknown option --nmae; did you mean --name?' "an unknown option" --nmae X

run profile --clear
expect_status 0 "profile --clear"
is "$out" "profile cleared" "clear says so"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM profile')" "0" "nothing left of the profile"
run profile --format json
is "$out" '{"profile": null}' "cleared: null again"

done_testing
