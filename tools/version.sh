#!/bin/sh
# version.sh — healgrid's version, for configure.ac's AC_INIT (run by
# autoconf from the top of the tree; prints it without a newline):
#   - a tarball: its .tarball-version (written by `make dist`);
#   - a git clone: `git describe` (the last v* tag, commits since, commit
#     id, "-dirty" with uncommitted changes); without a tag, the base
#     version with the commit id;
#   - otherwise the base version.
base=0.1.0
if [ -f .tarball-version ]; then
	v=$(cat .tarball-version)
elif [ -e .git ] && command -v git >/dev/null 2>&1 &&
	v=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
	v=${v#v}
elif [ -e .git ] && command -v git >/dev/null 2>&1 &&
	id=$(git rev-parse --short HEAD 2>/dev/null); then
	v=$base-g$id
	git diff-index --quiet HEAD -- 2>/dev/null || v=$v-dirty
else
	v=$base
fi
printf '%s' "${v:-$base}"
