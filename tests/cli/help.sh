#!/bin/bash
# tests/cli/help.sh — --help, --version, unknown commands.
. "$top_srcdir/tests/lib.sh"

run_raw "$HEALGRID" --help
expect_status 0 "--help"
like "$out" "usage: healgrid*" "--help starts with usage"
help=$out
for c in treatment checkin show due flags; do
	like "$help" "*  $c *" "--help lists $c"
	run_raw "$HEALGRID" "$c" --help
	expect_status 0 "$c --help"
	like "$out" "usage: healgrid $c*" "$c --help shows its usage"
	is "$err" "" "$c --help writes nothing on stderr"
done
run_raw "$HEALGRID" help checkin
like "$out" "usage: healgrid checkin*" "help COMMAND"
run_raw "$HEALGRID" treatment add --help
like "$out" "usage: healgrid treatment add*" "treatment add --help"
run_raw "$HEALGRID" --version
expect_status 0 "--version"
like "$out" "healgrid [0-9]*.[0-9]*" "--version prints the version"
run_raw "$HEALGRID" fly
expect_error 2 'unknown command "fly" (see healgrid --help)' "unknown command"
run_raw "$HEALGRID" --frobnicate
expect_error 2 'unknown option --frobnicate (see healgrid --help)' "unknown global option"
run_raw "$HEALGRID" --demo show
expect_error 2 '--demo takes no command' "--demo with a command"

# Every option a command's --help names is one the man page documents.
man="$top_srcdir/man/healgrid.1"
for opt in $({ "$HEALGRID" --help; for c in treatment checkin show due flags; do "$HEALGRID" $c --help; done; } | grep -o -- '--[a-z]*' | sort -u); do
	if grep -q -- "\\\\-\\\\-${opt#--}" "$man"; then ok "man page documents $opt"; else not_ok "man page documents $opt"; fi
done

done_testing
