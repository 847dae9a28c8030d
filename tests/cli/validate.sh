#!/bin/bash
# tests/cli/validate.sh — the command line and the importer take a field
# the same way: plain decimals only (no sign, exponent, hex or blanks).
. "$top_srcdir/tests/lib.sh"

HEADER='treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note'
TAB=$(printf '\t')

run treatment add --date 2026-11-01 --depth 1.0
expect_status 0 "treatment add --depth 1.0 is accepted"
run treatment add --date 2026-11-02 --depth 0.25 --area neck
expect_status 0 "treatment add --depth 0.25 is accepted"
{ printf '%s\r\n' "$HEADER"; printf '2026-10-01,home,1.0,face,,1,2026-10-02,1,,,,,\r\n'; } >"$T/in.csv"
run import "$T/in.csv"
expect_status 0 "import depth_mm 1.0 is accepted"
run treatment list --format json
depths=$(printf '%s' "$out" | python3 -c '
import json, sys
print(" ".join(str(t["depth_mm"]) for t in json.load(sys.stdin)["treatments"]))')
is "$depths" "1.0 1.0 0.25" "depths stored as given"

for depth in "+1.0" "1e0" "0x1p0" "${TAB}1.0" " 1.0" "1.0 " "1." ".5" "1,0" "-1.0" "inf" "nan" "1.0.0"; do
	shown=$(printf '%s' "$depth" | sed "s/$TAB/\\\\t/")
	sum=$(db_sum)
	run treatment add --date 2026-11-01 --depth "$depth"
	expect_status 2 "treatment add --depth \"$shown\" is refused"
	like "$err" "healgrid: --depth: expected millimetres from 0.1 to 3.0, got *" \
		"--depth \"$shown\": the message says what is expected"
	is "$(db_sum)" "$sum" "--depth \"$shown\": nothing written"

	{ printf '%s\r\n' "$HEADER"; printf '2026-11-01,home,"%s",face,,1,2026-11-02,1,,,,,\r\n' "$depth"; } >"$T/in.csv"
	run import "$T/in.csv"
	expect_status 2 "import depth_mm \"$shown\" is refused"
	like "$err" "healgrid: $T/in.csv:2: depth_mm: expected millimetres from 0.1 to 3.0, or empty, got *" \
		"import depth_mm \"$shown\": the message says what is expected"
	is "$(db_sum)" "$sum" "import depth_mm \"$shown\": nothing written"
done

for w in "+14" " 14" "14 " "0x0e" "1e1" "-7" "6" "181" ""; do
	run treatment add --date 2026-11-05 --window "$w"
	expect_error 2 "--window: expected a whole number 7-180, got \"$w\"" "--window \"$w\" is refused"
done
for id in "+1" " 1" "0" "0x1" "1e0"; do
	run treatment delete "$id"
	expect_status 2 "treatment delete \"$id\" is refused"
done
for r in "+1" " 1" "1 " "4" "01" ""; do
	run checkin --treatment 1 --day 0 --redness "$r"
	expect_error 2 "--redness: expected 0-3, got \"$r\"" "--redness \"$r\" is refused"
done

# ---- treatment dates: every day of the longest window keeps four-digit years
run treatment add --date 2026-11-05 --window 1
wmax=$(printf '%s' "$err" | sed -n 's/.*whole number [0-9]*-\([0-9]*\),.*/\1/p')
like "$wmax" "[0-9]*" "the longest window is named ($wmax days)"
last=$(python3 -c "import datetime as d; print(d.date(9999,12,31) - d.timedelta(days=$wmax - 1))")
after=$(python3 -c "import datetime as d; print(d.date(9999,12,31) - d.timedelta(days=$wmax - 2))")
for bad in 9999-12-31 "$after"; do
	sum=$(db_sum)
	run treatment add --date "$bad"
	expect_error 2 "--date: expected a date no later than $last, got \"$bad\"" \
		"treatment add --date $bad is refused"
	{ printf '%s\r\n' "$HEADER"; printf '%s,home,,face,,0,%s,1,,,,,\r\n' "$bad" "$bad"; } >"$T/in.csv"
	run import "$T/in.csv"
	expect_error 2 "$T/in.csv:2: treatment_date: expected a date no later than $last, got \"$bad\"" \
		"import treatment_date $bad is refused"
	is "$(db_sum)" "$sum" "treatment date $bad: nothing written"
done
run treatment add --date "$last" --window "$wmax" --area "last"
expect_status 0 "treatment add --date $last (the last allowed) is accepted"
id=$out
HEALGRID_TODAY=9999-12-31 run checkin --treatment "$id" --day $((wmax - 1)) --redness 1
expect_status 0 "its last day, 9999-12-31, can be checked in"
for cmd in "show --treatment $id" "treatment list" "export" "report --treatment $id"; do
	HEALGRID_TODAY=9999-12-31 run $cmd
	expect_status 0 "$cmd at the end of year 9999"
	case $out in
	*0000-*) not_ok "$cmd: no date leaves the four-digit years" "$out" ;;
	*) ok "$cmd: no date leaves the four-digit years" ;;
	esac
done
like "$out" "*9999-12-31*" "the report names 9999-12-31"

done_testing
