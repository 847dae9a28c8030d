#!/bin/bash
# tests/cli/locale.sh — under a decimal-comma locale, option parsing and
# the data formats (JSON, CSV) still use the decimal point.  The locale
# must be installed (./bootstrap and .ci/run generate it): without it
# this test fails rather than proving nothing.
. "$top_srcdir/tests/lib.sh"

LOC=de_DE.UTF-8
if LC_ALL=$LOC locale 2>&1 >/dev/null | grep -q .; then
	not_ok "locale $LOC is installed" "generate it: localedef -i de_DE -f UTF-8 $LOC"
	done_testing
	exit
fi
ok "locale $LOC is installed"
export LC_ALL=$LOC
is "$(locale decimal_point)" "," "the locale's decimal separator is a comma"

run treatment add --date 2026-11-01 --depth 1.0
expect_status 0 "--depth 1.0 is accepted"
run treatment add --date 2026-11-02 --depth 1,5
expect_error 2 "--depth: *" "--depth 1,5 is refused"
run treatment add --date 2026-11-03 --depth 1.5
expect_status 0 "--depth 1.5 is accepted"
is "$out" "2" "it is treatment 2"
run checkin --treatment 2 --day 0 --redness 2
run checkin --treatment 2 --day 1 --redness 1
expect_status 0 "check-ins for an average"

json_has_15() { # json_has_15 WHAT: $out parses as JSON and holds depth 1.5
	local check
	check=$(printf '%s' "$out" | python3 -c '
import json, sys
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "depth_mm" and v is not None:
                yield v
            yield from walk(v)
    elif isinstance(x, list):
        for v in x:
            yield from walk(v)
d = json.load(sys.stdin)
assert 1.5 in list(walk(d)), list(walk(d))
print("ok")' 2>&1)
	is "$check" "ok" "$1 is valid JSON with depth 1.5"
	case $out in *'1,5'*) not_ok "$1 has no 1,5" "$out" ;; *) ok "$1 has no 1,5" ;; esac
}

run treatment list --format json
expect_status 0 "treatment list --format json"
json_has_15 "treatment list --format json"

run export --format json
expect_status 0 "export --format json"
json_has_15 "export --format json"

run export
expect_status 0 "export (CSV)"
like "$out" "*,1.5,*" "the CSV export carries 1.5"
case $out in *'"1,5"'*) not_ok "the CSV export has no 1,5" "$out" ;; *) ok "the CSV export has no 1,5" ;; esac

run report --treatment 2 --format json
expect_status 0 "report --format json"
json_has_15 "report --format json"
check=$(printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("ok")' 2>&1)
is "$check" "ok" "report --format json parses (averages too)"

done_testing
