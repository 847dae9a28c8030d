#!/bin/bash
# tests/cli/completion.sh — the bash completion (completion/healgrid.bash)
# run as bash runs it: COMP_WORDS and COMP_CWORD set, _healgrid called,
# COMPREPLY read.  Ids come from the healgrid under test.  The zsh and fish
# scripts are checked for syntax when those shells are installed.
. "$top_srcdir/tests/lib.sh"

# shellcheck source=/dev/null
. "$top_srcdir/completion/healgrid.bash"

# complete WORD...: the completions of the last word (may be "").
complete_words() {
	COMP_WORDS=("$HEALGRID" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_healgrid
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

is "$(complete -p healgrid)" "complete -F _healgrid healgrid" "the function is registered for healgrid"
is "$(complete_words che)" "check checkin" "commands"
is "$(complete_words tr)" "treatment" "one command"
is "$(complete_words --d)" "--db --demo" "global options"
is "$(complete_words treatment "")" "add delete edit list" "treatment's actions"
is "$(complete_words checkin --re)" "--redness" "checkin's options"
is "$(complete_words checkin --day 3 --s)" "--sign --swelling" "options after an option's value"
is "$(complete_words treatment list --)" "--db --format --help" "treatment list's options"
is "$(complete_words checkin --sign "")" \
	"blisters bumps crusting dark-patches eye fever light-patches lines lips nonstop-bleeding pain pus rash spreading unwell warmth" \
	"every sign"
is "$(complete_words checkin --sign pus,l)" "pus,light-patches pus,lines pus,lips" "signs in a comma-separated list"
is "$(complete_words treatment add --risk w)" "weak-immunity" "risks, weak-immunity included"
is "$(complete_words checkin --care s)" "sun sunscreen" "care names"
is "$(complete_words checkin --care a,m)" "a,makeup" "care in a list"
is "$(complete_words report --format "")" "csv html json markdown pdf text" "report formats"
is "$(complete_words export --format "")" "csv json" "export formats"
is "$(complete_words flags --format "")" "json text" "list formats"
is "$(complete_words checkin --date "")" "today yesterday" "date words"
is "$(complete_words treatment add --device "")" "home professional" "devices"
is "$(complete_words checkin --redness "")" "- 0 1 2 3" "ratings"
is "$(complete_words checkin --note "")" "" "free text: nothing offered"

# Ids, asked of healgrid; no database: none, and none is created.
is "$(complete_words --db "$DB" show --treatment "")" "" "no database: no ids"
[ ! -e "$DB" ] && ok "completing creates no database" || not_ok "completing creates no database"
run treatment add --date 2026-11-01
run treatment add --date 2026-11-03 --area neck
run treatment add --date 2026-10-02
is "$(complete_words --db "$DB" show --treatment "")" "1 2 3" "treatment ids from the database"
is "$(HEALGRID_DB="$DB" complete_words show --treatment "")" "1 2 3" "treatment ids from HEALGRID_DB"
is "$(complete_words --db "$DB" treatment edit "")" "1 2 3" "treatment edit takes an id"
is "$(complete_words --db "$DB" treatment delete 2 "")" "" "one id only"
run checkin --treatment 2 --day 2 --sign pus
run checkin --treatment 3 --day 5 --sign rash
is "$(complete_words --db "$DB" flags resolve --treatment 2 "")" "pus@2" "flag ids of --treatment"
like "$(complete_words --db "$DB" flags resolve "")" "*pus@2*" "flag ids of the current treatment"
is "$(complete_words --db "$DB" action add --treatment 2 --resolves "p")" "pus@2" "--resolves takes flag ids"
is "$(complete_words --db "$DB" action add --treatment 2 --for "p")" "pus@2" "--for takes flag ids"
is "$(complete_words action add --by "")" "clinician self" "--by: clinician or self"
is "$(complete_words flags resolve --b)" "--by" "flags resolve takes --by"
is "$(complete_words medicine "")" "add delete list stop" "medicine's actions"
is "$(complete_words medicine add --d)" "--days --db --dose" "medicine add's options"
is "$(complete_words medicine add --from "")" "today yesterday" "--from: date words"
run medicine add --treatment 2 --name valaciclovir
run medicine add --treatment 3 --name ibuprofen
is "$(complete_words --db "$DB" medicine stop "")" "1 2" "medicine stop takes a medicine id"
is "$(complete_words --db "$DB" medicine delete "")" "1 2" "medicine delete takes a medicine id"
mkdir "$T/files" && : > "$T/files/export.csv"
is "$(complete_words import "$T/files/ex")" "$T/files/export.csv" "import completes file names"
is "$(complete_words --db "$T/files/e")" "$T/files/export.csv" "--db completes file names"

# zsh and fish: the scripts parse, and complete in a real shell.
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$top_srcdir/completion/_healgrid" && ok "zsh completion parses" || not_ok "zsh completion parses"
	# zsh_complete 'LINE' WAIT_FOR: what zsh shows after LINE and Tab Tab,
	# run with the healgrid under test first on PATH.
	mkdir -p "$T/zbin"
	ln -s "$HEALGRID" "$T/zbin/healgrid"
	zsh_complete() {
		HOME="$T" zsh -f "$top_srcdir/tests/cli/complete.zsh" "$top_srcdir/completion" "$T/zbin" "$1" "$2" 2>&1
	}
	like "$(zsh_complete 'healgrid che' 'checkin')" "*check *--*checkin *-- record or correct one day*" "zsh completes commands"
	like "$(zsh_complete 'healgrid checkin --sign li' 'lips')" "*light-patches*lines*lips*" "zsh completes sign names"
	like "$(zsh_complete 'healgrid treatment add --risk we' 'immunity')" "*--risk weak-immunity*" "zsh completes risk names"
	like "$(zsh_complete 'healgrid treatment list --f' 'format')" "*--format=*" "zsh completes a subcommand's options"
	like "$(zsh_complete "healgrid --db $DB treatment edit " '1  2  3')" "*1  2  3*" "zsh completes treatment ids"
	like "$(zsh_complete "healgrid show --db $DB --treatment " '1  2  3')" "*1  2  3*" "zsh: --db after the command"
	like "$(zsh_complete "healgrid --db $DB flags resolve --treatment 2 " 'pus@2')" "*pus@2*" "zsh completes flag ids"
	like "$(zsh_complete "healgrid --db $DB medicine delete " '1  2')" "*1  2*" "zsh completes medicine ids"
else
	not_ok "zsh is installed (CI installs it)"
fi
if command -v fish >/dev/null 2>&1; then
	fish --no-execute "$top_srcdir/completion/healgrid.fish" && ok "fish completion parses" ||
		not_ok "fish completion parses"
	# fish can run its completion: commands and names.
	got=$(HOME="$T" fish -c "source '$top_srcdir/completion/healgrid.fish'; complete -C 'healgrid che'" 2>&1 | cut -f1 | sort | tr '\n' ' ')
	is "$got" "check checkin " "fish completes commands"
	got=$(HOME="$T" fish -c "source '$top_srcdir/completion/healgrid.fish'; complete -C 'healgrid checkin --sign li'" 2>&1 | cut -f1 | sort | tr '\n' ' ')
	is "$got" "light-patches lines lips " "fish completes sign names"
	got=$(HOME="$T" fish -c "source '$top_srcdir/completion/healgrid.fish'; complete -C '$HEALGRID --db $DB show --treatment '" 2>&1 | cut -f1 | sort | tr '\n' ' ')
	is "$got" "1 2 3 " "fish completes treatment ids from the database"
	got=$(HOME="$T" fish -c "source '$top_srcdir/completion/healgrid.fish'; complete -C '$HEALGRID --db $DB flags resolve --treatment 2 '" 2>&1 | cut -f1 | sort | tr '\n' ' ')
	is "$got" "pus@2 " "fish completes flag ids"
	got=$(HOME="$T" fish -c "source '$top_srcdir/completion/healgrid.fish'; complete -C '$HEALGRID --db $DB medicine stop '" 2>&1 | cut -f1 | sort | tr '\n' ' ')
	is "$got" "1 2 " "fish completes medicine ids"
else
	not_ok "fish is installed (CI installs it)"
fi

done_testing
