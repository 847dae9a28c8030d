#!/bin/bash
# tests/cli/engine_ref.sh — the warning engine against tests/engine_ref.py, a
# reference written from the man page's words (WARNING RULES, FLAGS): 300
# random recoveries with unrated days, signs or care not assessed, and
# actions by clinicians and by the person, compared fact by fact (flags,
# findings, status, since, each day's alerts and noted signs, the end of
# daily tracking).  The output is the script's own TAP.
set -u
: "${HEALGRID:=$(cd "$(dirname "$0")/../.." && pwd)/healgrid}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
# make check runs from the build folder; $HEALGRID may be a wrapper (CI's
# valgrind run), so look beside the build folder first.
dump=
for try in "$PWD/tests/unit/engine_dump" "$(dirname "$HEALGRID")/tests/unit/engine_dump" \
	"$(dirname "$0")/../unit/engine_dump"; do
	if [ -x "$try" ]; then dump=$try; break; fi
done
if [ -z "$dump" ]; then
	echo "1..1"
	echo "not ok 1 - tests/unit/engine_dump is built by make check"
	exit 1
fi
exec python3 "$top_srcdir/tests/engine_ref.py" "$dump" --cases 300 --seed 20261110
