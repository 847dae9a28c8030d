#!/bin/bash
# tests/cli/treatment.sh — treatment add, list and delete, and their errors.
. "$top_srcdir/tests/lib.sh"

run treatment add --date 2026-11-03 --depth 1.0 --area "left cheek" --risk cold-sores,dark-skin \
	--products "serum, \"HA\"" --note "first one"
expect_status 0 "add prints the new id"
is "$out" "1" "first treatment gets id 1"
like "$(mode_of "$DB")" "600" "database file is 0600"

run treatment add --date 2026-10-01 --device home --depth 0.25 --window 14
is "$out" "2" "second treatment gets id 2"

run treatment list
expect_status 0 "list"
like "$out" "*2026-10-01*home*0.25*14*" "list shows the home treatment"
like "$out" "*2026-11-03*professional*1.0*28*left cheek / cold-sores,dark-skin*" "list shows area and risks"
first_line_after_header=$(printf '%s\n' "$out" | sed -n 2p)
like "$first_line_after_header" "*2026-10-01*" "list is oldest first"

run treatment list --format json
expect_status 0 "list --format json"
check=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)["treatments"]
t = [x for x in d if x["id"] == 1][0]
assert t["date"] == "2026-11-03" and t["device"] == "professional"
assert t["depth_mm"] == 1.0 and t["area"] == "left cheek" and t["window"] == 28
assert t["risks"] == ["cold-sores", "dark-skin"], t["risks"]
assert t["products"] == "serum, \"HA\"" and t["note"] == "first one"
h = [x for x in d if x["id"] == 2][0]
assert h["device"] == "home" and h["depth_mm"] == 0.25 and h["risks"] == []
print("good")' 2>&1)
is "$check" "good" "JSON has every field with the right values"

before=$(db_sum)
run treatment add --date 2026-02-30
expect_error 2 '--date: 2026-02-30: there is no day 30 in February 2026 (it has 28 days)' "impossible date"
run treatment add --date 2026-11-03 --depth 3.5
expect_error 2 '--depth: expected millimetres from 0.1 to 3.0, got "3.5"' "depth too deep"
run treatment add --date 2026-11-03 --depth abc
expect_error 2 '--depth: *' "depth not a number"
run treatment add --date 2026-11-03 --device laser
expect_error 2 '--device: expected professional or home, got "laser"' "unknown device"
run treatment add --date 2026-11-03 --risk smoking
expect_error 2 '--risk: unknown risk "smoking"*' "unknown risk"
run treatment add --date 2026-11-03 --window 6
expect_error 2 '--window: expected a whole number 7-180, got "6"' "window too short"
run treatment add --date 2026-11-03 --window 181
expect_error 2 '--window: expected a whole number 7-180, got "181"' "window too long"
run treatment add --depth 1.0
expect_error 2 'treatment add: --date YYYY-MM-DD is required' "date missing"
run treatment add --date 2026-11-03 --colour red
expect_error 2 'treatment add: unknown option --colour (see healgrid treatment add --help)' "unknown option"
run treatment add --date
expect_error 2 '--date: missing value' "option without value"
run treatment frobnicate
expect_error 2 'treatment: unknown action "frobnicate"*' "unknown action"
run treatment add --date 2026-11-03 --note "$(head -c 2001 /dev/zero | tr '\0' x)"
expect_error 2 '--note: longer than 2000 bytes (got 2001)' "note too long"
run treatment add --date 2026-11-03 --note "$(printf 'bad \377 byte')"
expect_error 2 '--note: not valid UTF-8 text' "note not UTF-8"
is "$(db_sum)" "$before" "failed adds changed nothing"

run checkin --treatment 1 --day 0 --redness 3
before=$(db_sum)
run treatment delete 1
expect_error 2 'treatment delete: this removes treatment 1 (2026-11-03) and its 1 check-ins for good; add --yes to confirm' "delete needs --yes"
is "$(db_sum)" "$before" "nothing deleted without --yes"
run treatment delete 7 --yes
expect_error 2 'no treatment 7' "delete unknown treatment"
run treatment delete abc --yes
expect_error 2 'treatment delete: expected a treatment id*' "delete non-numeric id"
run treatment delete 1 --yes
expect_status 0 "delete with --yes"
is "$out" "deleted treatment 1 (2026-11-03) and 1 check-ins" "delete says what went"
run treatment list --format json
is "$(printf '%s' "$out" | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin)["treatments"]])')" "[2]" "only treatment 2 is left"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM checkin')" "0" "its check-ins went with it"

done_testing
