#!/bin/bash
# tests/cli/options.sh — the option scanner every command shares: messages
# that name the option at fault, missing values, options given twice,
# suggestions for typos; and output that cannot be written.
. "$top_srcdir/tests/lib.sh"

run treatment add --date 2026-11-01
sum=$(db_sum)

# The option at fault is named, never the command or the program twice.
run show -xy
expect_error 2 'show: unknown option -x (see healgrid show --help)' "show -xy names -x"
run_raw "$HEALGRID" -x
expect_error 2 'unknown option -x (see healgrid --help)' "global -x: one clean line"
case $err in *"healgrid: healgrid:"*) not_ok "global -x says healgrid once" "$err" ;;
*) ok "global -x says healgrid once" ;; esac
run show --treatment=1 -q
expect_error 2 'show: unknown option -q*' "a letter after a long option is named"
run backup --force=yes "$T/b.db"
expect_error 2 '--force takes no value, got "yes"' "a value given to a flag"

# A missing value says so.
run checkin --day 1 --redness
expect_error 2 '--redness: missing value' "--redness without a value"
run report -o
expect_error 2 '-o: missing value' "-o without a value"
run_raw "$HEALGRID" --db
expect_error 2 '--db: missing value' "global --db without a value"

# A one-value option given twice is an error, and nothing is written.
run checkin --day 15 --day 14 --redness 1
expect_error 2 '--day given twice' "checkin --day twice"
is "$(db_sum)" "$sum" "checkin --day twice wrote nothing"
run checkin --day 1 --redness 1 --redness=2
expect_error 2 '--redness given twice' "--redness twice, once with ="
run report -o "$T/a" --output "$T/b"
expect_error 2 '--output given twice' "-o and --output are one option"
run treatment add --date 2026-11-02 --date 2026-11-03
expect_error 2 '--date given twice' "treatment add --date twice"
run_raw "$HEALGRID" --db "$DB" --db "$T/other.db" show
expect_error 2 '--db given twice' "global --db twice"
[ ! -e "$T/other.db" ] && ok "--db twice creates nothing" || not_ok "--db twice creates nothing"
is "$(db_sum)" "$sum" "nothing changed by the refused commands"

# Options that collect a list may repeat.
run checkin --day 1 --sign warmth --sign pus
expect_status 0 "--sign repeats"
run treatment add --date 2026-11-04 --risk keloids --risk dark-skin
expect_status 0 "--risk repeats"

# Typos get the nearest name.
run chekin --day 1
expect_error 2 'unknown command "chekin"; did you mean checkin?' "command typo"
run shw
expect_error 2 'unknown command "shw"; did you mean show?' "short command typo"
run help chekin
expect_error 2 'unknown command "chekin"; did you mean checkin?' "help with a command typo"
run fly
expect_error 2 'unknown command "fly" (see healgrid --help)' "nothing near: no suggestion"
run checkin --day 1 --redenss 1
expect_error 2 'checkin: unknown option --redenss; did you mean --redness?' "option typo (swapped letters)"
run flags --fomat json
expect_error 2 'flags: unknown option --fomat; did you mean --format?' "option typo (missing letter)"
run checkin --day 1 --b 1
expect_error 2 'checkin: ambiguous option --b: --bruising, --bleeding?' "an ambiguous abbreviation"
run treatment ad --date 2026-11-05
expect_error 2 'treatment: unknown action "ad"; did you mean add?' "treatment action typo"

# Output that cannot be written is a failure, --help and --version too.
for args in "--help" "--version" "show --help" "help checkin" "treatment --help"; do
	# shellcheck disable=SC2086  # $args is a command line
	"$HEALGRID" --db "$DB" $args >/dev/full 2>"$T/err"
	status=$?
	is "$status" 1 "$args into a full disk exits 1"
	like "$(cat "$T/err")" "healgrid: cannot write output: *" "$args into a full disk says so"
done

# A folder is not a file to import: bad input, not a runtime failure.
mkdir "$T/dir"
run import "$T/dir"
expect_error 2 "$T/dir: is a folder, not a file" "import DIR"

done_testing
