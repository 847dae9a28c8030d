#!/bin/bash
# tests/cli/hacking.sh — HACKING and README stay true to the tree: their
# module maps name every folder of src/ and no folder or file that is not
# there, and HACKING says what running out of memory does (one line, exit
# 1: never abort), as the fault sweep checks of the program.
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir" || exit 1

for doc in HACKING README; do
	for d in src/*/; do
		grep -q "${d%/}/\|  ${d#src/}" "$doc" && ok "$doc names $d" || not_ok "$doc names $d"
	done
	missing=
	for p in $(grep -o 'src/[a-z_]*/\?[a-z_]*\.[ch]\|src/[a-z_]*/' "$doc" | sort -u); do
		[ -e "$p" ] || missing="$missing $p"
	done
	is "$missing" "" "every path $doc names under src/ exists"
done
grep -q 'abort on exhaustion' HACKING && not_ok "HACKING does not say allocation aborts" ||
	ok "HACKING does not say allocation aborts"
like "$(tr '\n' ' ' <HACKING)" '*out of memory*exit 1*' "HACKING says out of memory exits 1"
like "$(tr '\n' ' ' <HACKING)" '*src/record/*record_*' "HACKING names the record layer and its functions"
done_testing
