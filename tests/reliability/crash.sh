#!/bin/bash
# tests/reliability/crash.sh — SIGKILL a stream of check-in processes at
# random moments (at least 200 kills) and prove nothing acknowledged was
# lost and the file is sound.  The work is in crash.py (see there).
. "$top_srcdir/tests/lib.sh"
python3 "$top_srcdir/tests/reliability/crash.py" "$HEALGRID" "$T"
