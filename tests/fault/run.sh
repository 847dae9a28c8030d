#!/bin/bash
# tests/fault/run.sh — the fault-injection sweep (`make faults`): every
# allocation failing in turn during checkin (with and without a photo),
# import, export, report --all, check, action add, flags resolve, medicine
# add and the UI's start and one check-in (and GLib's while the UI draws
# a photo), and the disk filling up at
# every write during backup, checkin, import, the UI, action add, flags
# resolve and medicine add; each run ends in success or a clean exit 1,
# and nothing saved is ever lost; and out of memory in the UI is said
# after the terminal is given back, where the line stays.  The work is in
# sweep.py (see there); the faults come from shim.c,
# preloaded.  Plain builds only: a sanitizer build replaces malloc itself.
# Output is TAP with the counts as diagnostics.
# usage: run.sh HEALGRID SHIM.so MKIMG   (MKIMG: tests/photo/mkimg, for a photo)
set -u
healgrid=$1 shim=$2 mkimg=$3
here=$(cd "$(dirname "$0")" && pwd)
if ldd "$healgrid" 2>/dev/null | grep -q 'libasan\|libubsan\|libtsan'; then
	echo "not ok 1 - the fault sweep needs a plain build ($healgrid uses a sanitizer);" \
		"reconfigure without --enable-sanitizers"
	echo "1..1"
	exit 1
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/healgrid-faults.XXXXXX")
trap 'rm -rf "$T"' EXIT
python3 "$here/sweep.py" "$healgrid" "$shim" "$T" "$mkimg"
