#!/bin/sh
# run.sh — build each libFuzzer harness in tests/fuzz with clang from the
# sources it needs and run it for SECONDS on a scratch copy of its corpus
# (tests/fuzz/corpus/NAME stays untouched).  Prints one line of libFuzzer
# statistics per harness; exits non-zero when a build fails or a harness
# finds a crash, leak or timeout (the input is saved in $FUZZ_ARTIFACTS,
# default ./fuzz-artifacts — add it to the corpus once fixed).
#
#   tests/fuzz/run.sh SECONDS [NAME...]   NAME: csv, date, cli, import,
#                                         import_json, image
#                                         (default: all)
#
# Environment: CC (default clang), FUZZ_CONFIG_DIR (a directory holding the
# configure-made config.h; without it a minimal one is generated),
# FUZZ_ARTIFACTS, FUZZ_JOBS (harnesses built and run at once, default 1;
# each is one process, so CPUs beyond one per harness stay idle).
set -u

usage() {
	echo "usage: $0 SECONDS [csv|date|cli|import|import_json|image]..." >&2
	exit 2
}

[ $# -ge 1 ] || usage
secs=$1
shift
case $secs in
'' | *[!0-9]*) usage ;;
esac
[ "$secs" -gt 0 ] || usage

top=$(cd "$(dirname "$0")/../.." && pwd)
cc=${CC:-clang}
case $cc in
*clang*) ;;
*) cc=clang ;; # libFuzzer needs clang whatever configure picked
esac
artifacts=${FUZZ_ARTIFACTS:-./fuzz-artifacts}
jobs=${FUZZ_JOBS:-1}
case $jobs in
'' | *[!0-9]* | 0) jobs=1 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/healgrid-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

if [ -n "${FUZZ_CONFIG_DIR:-}" ]; then
	cfg=$FUZZ_CONFIG_DIR
else
	cfg=$work/cfg
	mkdir "$cfg"
	printf '#define _GNU_SOURCE 1\n#define PACKAGE_VERSION "fuzz"\n' \
		>"$cfg/config.h"
fi
mkdir -p "$artifacts" || exit 1
artifacts=$(cd "$artifacts" && pwd) # harnesses may change directory

status=0

# fuzz NAME SOURCE... [-lLIB...]: build tests/fuzz/fuzz_NAME.c with
# SOURCEs (relative to the top folder) and link options, run it.  Run in
# the background: what it says goes to $work/out_NAME, and a failure
# leaves $work/failed_NAME.
fuzz() {
	name=$1
	shift
	bin=$work/fuzz_$name
	srcs=
	for s in "$@"; do
		case $s in
		-*) srcs="$srcs $s" ;;
		*) srcs="$srcs $top/$s" ;;
		esac
	done
	# shellcheck disable=SC2086  # $srcs is a list of paths without spaces
	if ! "$cc" -std=c11 -g -O1 \
		-fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -Werror=implicit-function-declaration \
		-I"$cfg" -I"$top/include" \
		-o "$bin" "$top/tests/fuzz/fuzz_$name.c" $srcs; then
		echo "fuzz_$name: build failed" >&2
		: >"$work/failed_$name"
		return
	fi
	mkdir "$work/corpus_$name"
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$bin" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$artifacts/$name-" \
		"$work/corpus_$name" "$top/tests/fuzz/corpus/$name" \
		>"$work/log_$name" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$work/log_$name" | tail -n 1)
	last=$(grep -E '^#[0-9]+' "$work/log_$name" | tail -n 1)
	echo "fuzz_$name: ${runs:-?} executions (${secs}s budget); $last"
	if [ $rc -ne 0 ]; then
		echo "fuzz_$name: FAILED (exit $rc); log follows" >&2
		grep -v -E '^#[0-9]+' "$work/log_$name" | tail -n 60 >&2
		: >"$work/failed_$name"
	fi
}

# The command line links everything but main() and the curses screens
# (fuzz_cli.c stubs ui_run).
cli_sources() {
	(cd "$top" && ls src/*/*.c | grep -v -e '^src/ui/')
}

# What those sources compile and link with: storage, images, and the
# report's PDF (cairo, pango, fontconfig).
cli_pkgs='sqlite3 libjpeg libpng cairo cairo-pdf pangocairo fontconfig'

# start NAME: fuzz NAME in the background, waiting first for the ones
# running when FUZZ_JOBS of them are.
running=0
start() {
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
	running=$((running + 1))
	name=$1
	(fuzz "$@" >"$work/out_$name" 2>&1) &
}

[ $# -gt 0 ] || set -- csv date cli import import_json image
for h in "$@"; do
	case $h in
	csv) start csv src/core/csv.c src/core/util.c ;;
	date) start date src/core/date.c src/core/util.c ;;
	# shellcheck disable=SC2046  # a list of paths without spaces
	cli) start cli $(cli_sources) $(pkg-config --cflags --libs $cli_pkgs) ;;
	# shellcheck disable=SC2046
	import) start import $(cli_sources | grep -v -e '^src/cli/') \
		$(pkg-config --cflags --libs $cli_pkgs) ;;
	# shellcheck disable=SC2046
	import_json) start import_json $(cli_sources | grep -v -e '^src/cli/') \
		$(pkg-config --cflags --libs $cli_pkgs) ;;
	# shellcheck disable=SC2046
	image) start image src/image/image.c src/core/util.c $(pkg-config --cflags --libs libjpeg libpng) ;;
	*) usage ;;
	esac
done

wait
for h in "$@"; do
	cat "$work/out_$h"
	[ -e "$work/failed_$h" ] && status=1
done
rmdir "$artifacts" 2>/dev/null
exit $status
