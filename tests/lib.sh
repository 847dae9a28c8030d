# tests/lib.sh — shared helpers for the shell tests of the real binary.
# Each test sources this, runs checks, and ends with `done_testing`.
# Output is TAP: one "ok N - what" or "not ok N - what" per check.
#
# Every test gets its own temporary folder ($T) and database ($DB), fixed
# TZ and HEALGRID_TODAY (set by make check; defaults here for direct runs).

set -u
: "${HEALGRID:=$(cd "$(dirname "$0")/../.." && pwd)/healgrid}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
export TZ="${TZ:-UTC}"
export HEALGRID_TODAY="${HEALGRID_TODAY:-2026-11-10}"
unset HEALGRID_DB XDG_DATA_HOME NO_COLOR

T=$(mktemp -d "${TMPDIR:-/tmp}/healgrid-test.XXXXXX")
DB="$T/healgrid.db"
export HOME="$T/home"
mkdir -p "$HOME"
trap 'rm -rf "$T"' EXIT

_n=0
_failed=0

ok() {   # ok DESCRIPTION  (when the caller already decided it passed)
	_n=$((_n + 1)); echo "ok $_n - $1"
}
not_ok() { # not_ok DESCRIPTION [DETAIL...]
	_n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/#   /'; done
}

# run CMD...: runs healgrid with --db $DB; sets $out, $err, $status.
run() {
	"$HEALGRID" --db "$DB" "$@" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}
# run_raw CMD...: like run, without --db.
run_raw() {
	"$@" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

is() {   # is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "got:  $1" "want: $2"; fi
}
like() { # like GOT GLOB DESCRIPTION   (shell pattern match)
	case $1 in
	$2) ok "$3" ;;
	*) not_ok "$3" "got:  $1" "want pattern: $2" ;;
	esac
}
# expect_status N DESCRIPTION: checks $status of the last run.
expect_status() {
	if [ "$status" -eq "$1" ]; then ok "$2 (exit $1)"
	else not_ok "$2 (exit $1)" "exit $status" "stdout: $out" "stderr: $err"; fi
}
# expect_error STATUS MESSAGE-GLOB DESCRIPTION: failed run, one stderr line, nothing on stdout.
expect_error() {
	expect_status "$1" "$3"
	like "$err" "healgrid: $2" "$3: message"
	is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "$3: one line on stderr"
	is "$out" "" "$3: nothing on stdout"
}

# empty_db: create $DB holding no treatment (commands that only read never
# create a database; a treatment added and deleted leaves one behind).
empty_db() {
	"$HEALGRID" --db "$DB" treatment add --date 2026-01-01 --area empty-db >/dev/null &&
		"$HEALGRID" --db "$DB" treatment delete --yes \
			"$(sqlite3 "$DB" "SELECT id FROM treatment WHERE area = 'empty-db'")" >/dev/null
}

# db_sum: a checksum of the database contents (not its pages), to prove
# that a failed command changed nothing.  "no database" when the file does
# not exist (sqlite3 -readonly never creates it).  When sqlite3 or
# sha256sum fails, the error goes to stderr and the "sum" is a text no
# other call gives, so a "nothing changed" check fails instead of
# comparing two empty strings.
_sum_failed() { # _sum_failed WHAT: print a text that never matches another
	echo "$1 failed (pid $BASHPID, $(date +%s%N))"
}
db_sum() {
	local dump sum
	if [ ! -e "$DB" ]; then
		echo "no database"
		return 0
	fi
	# .dump exits 0 even when it cannot read the file: read the schema
	# first, and refuse a dump that reports an error inside it.
	if ! sqlite3 -readonly -bail "$DB" 'SELECT count(*) FROM sqlite_master' >/dev/null ||
	   ! dump=$(sqlite3 -readonly -bail "$DB" .dump); then
		_sum_failed "sqlite3 .dump of $DB"
		return 1
	fi
	case $dump in
	*'**** ERROR:'* | *'ROLLBACK; -- due to errors'*)
		printf '%s\n' "$dump" | grep ERROR >&2
		_sum_failed "sqlite3 .dump of $DB"
		return 1 ;;
	esac
	sum=$(printf '%s\n' "$dump" | sha256sum) || { _sum_failed sha256sum; return 1; }
	printf '%s\n' "${sum%% *}"
}
file_sum() {
	local sum
	sum=$(sha256sum <"$1") || { _sum_failed "sha256sum of $1"; return 1; }
	printf '%s\n' "${sum%% *}"
}
mode_of() { stat -c '%a' "$1"; }

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
