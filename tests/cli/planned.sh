#!/bin/bash
# tests/cli/planned.sh — a treatment dated after today is planned: never
# the current treatment (the default of --treatment), never due.  The
# current one is the most recent dated today or earlier (ties: highest id).
# Today is 2026-11-10.
. "$top_srcdir/tests/lib.sh"

run treatment add --date 2026-11-20
is "$out" "1" "a planned treatment is added"
run show
expect_error 2 'no current treatment: treatment 1 is planned for 2026-11-20, after today; give --treatment 1 to use it' \
	"only a planned treatment: no current one, said clearly"
run checkin --day 0 --redness 1
expect_error 2 'no current treatment: *' "checkin has no default then"
run treatment add --date 2026-12-01
run flags
expect_error 2 'no current treatment: all 2 are planned after today, the next is treatment 1 on 2026-11-20; give --treatment ID to use one' \
	"several planned: the next one is named"
run due
is "$status:$out" "1:" "planned treatments are never due"
run show --treatment 1
expect_status 0 "a planned treatment can be shown by id"
like "$out" "*starts in 10 days*" "and says when it starts"

run treatment add --date 2026-11-01 --area neck
is "$out" "3" "a past treatment added after the planned ones"
run checkin --day 9 --redness 2
expect_status 0 "checkin goes to the past treatment, not the planned ones"
is "$(sqlite3 "$DB" 'SELECT treatment_id, day, redness FROM checkin')" "3|9|2" \
	"the day was saved on treatment 3"
run show
like "$out" "*treatment 3 - neck - 2026-11-01*" "show opens the current treatment"

# Ties: the highest id; today counts as current.
run treatment add --date 2026-11-10
is "$out" "4" "a treatment dated today"
run treatment add --date 2026-11-10 --area neck
is "$out" "5" "a second treatment dated today"
run report --format json
like "$out" '*"id": 5*' "two dated today: the higher id is current"
run due
like "$status:$out" "0:treatment 5 (neck, 2026-11-10): day 0 is not checked in yet*" "due names today's treatments, not a planned one"
is "$(printf '%s\n' "$out" | grep -c '^treatment [12] ')" "0" "the planned treatments are never due"

done_testing
