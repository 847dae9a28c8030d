#!/bin/bash
# tests/reliability/hostile.sh — files healgrid must refuse without touching
# them: random bytes, empty, truncated, damaged, another program's database
# (also one with a pending write-ahead log), a read-only file, a database
# from a newer healgrid, a FIFO, and a database locked by another writer for
# longer than the busy timeout.  Each gives one line on stderr, exit 1, and
# leaves the file's bytes as they were (checksums).
. "$top_srcdir/tests/lib.sh"

tried=0

# A real healgrid database with a few pages of data, to damage in copies.
run treatment add --date 2026-11-01
long=$(printf 'x%.0s' $(seq 1500))
for d in 0 1 2 3 4 5 6 7 8 9; do
	run checkin --day "$d" --redness 2 --note "$long"
done
good=$T/good.db
cp "$DB" "$good"
pages=$(( $(stat -c %s "$good") / 4096 ))
[ "$pages" -ge 8 ] && ok "sample database has $pages pages" ||
	not_ok "sample database has several pages" "pages: $pages"

# refused FILE GLOB WHAT [COMMAND...]: running COMMAND (default: a check-in
# and a read) on FILE fails with exit 1 and one line matching GLOB, and
# FILE (and FILE-wal when present) keeps its bytes.
refused() {
	local file=$1 glob=$2 what=$3 sum wal=
	shift 3
	sum=$(file_sum "$file")
	[ -f "$file-wal" ] && wal=$(file_sum "$file-wal")
	tried=$((tried + 1))
	if [ $# -gt 0 ]; then
		run_raw "$HEALGRID" --db "$file" "$@"
		expect_error 1 "$glob" "$what: $*"
	else
		run_raw "$HEALGRID" --db "$file" checkin --day 0 --redness 1 --note "never saved"
		expect_error 1 "$glob" "$what: checkin"
		run_raw "$HEALGRID" --db "$file" treatment list
		expect_error 1 "$glob" "$what: treatment list"
	fi
	is "$(file_sum "$file")" "$sum" "$what: file unchanged"
	if [ -n "$wal" ]; then
		is "$(file_sum "$file-wal")" "$wal" "$what: its write-ahead log unchanged"
	fi
}

# Random bytes (fixed seed, so a failure can be replayed).
python3 -c 'import random, sys; random.seed(6); sys.stdout.buffer.write(bytes(random.randrange(256) for _ in range(16384)))' >"$T/random.db"
refused "$T/random.db" "$T/random.db: not a healgrid database (not an SQLite file); it was not changed" "random bytes"

# An empty file.
: >"$T/empty.db"
refused "$T/empty.db" "$T/empty.db: not a healgrid database (empty file)*" "empty file"

# Truncated copies: inside the header, at half size, and inside the last page.
for n in 50 $((pages * 4096 / 2)) $((pages * 4096 - 536)); do
	head -c "$n" "$good" >"$T/cut$n.db"
	refused "$T/cut$n.db" "$T/cut$n.db: *damaged*" "database truncated to $n bytes"
done

# A healgrid header in front of garbage pages.
cp "$good" "$T/garbage.db"
python3 - "$T/garbage.db" <<'EOF'
import random, sys
random.seed(7)
with open(sys.argv[1], 'r+b') as f:
    size = f.seek(0, 2)
    f.seek(4096)
    f.write(bytes(random.randrange(256) for _ in range(size - 4096)))
EOF
refused "$T/garbage.db" "$T/garbage.db: *damaged*" "pages overwritten with random bytes"

# Another program's database, plain and with a write-ahead log it has not
# yet copied back (a checkpoint by healgrid would rewrite the file).
sqlite3 "$T/songs.db" "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('la');"
refused "$T/songs.db" "$T/songs.db: not a healgrid database (it belongs to another program)*" \
	"another program's database"
python3 - "$T/walsongs.db" <<'EOF'
import os, shutil, sqlite3, sys
c = sqlite3.connect(sys.argv[1] + '.tmp')
c.execute('PRAGMA journal_mode = WAL')
c.execute('PRAGMA wal_autocheckpoint = 0')
c.execute('CREATE TABLE songs (title TEXT)')
c.executemany('INSERT INTO songs VALUES (?)', [('la' * 50,)] * 200)
c.commit()
shutil.copy(sys.argv[1] + '.tmp', sys.argv[1])
shutil.copy(sys.argv[1] + '.tmp-wal', sys.argv[1] + '-wal')
os._exit(0)   # leave the log un-checkpointed, as a running program would
EOF
[ -s "$T/walsongs.db-wal" ] && ok "foreign database has a pending log" ||
	not_ok "foreign database has a pending log"
refused "$T/walsongs.db" "$T/walsongs.db: not a healgrid database (it belongs to another program)*" \
	"another program's database with a pending log"

# A database from a newer healgrid.
cp "$good" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
refused "$T/newer.db" "$T/newer.db: made by a newer healgrid (schema 99, this one knows *); upgrade healgrid" \
	"newer schema"

# A FIFO must be refused before anything opens it (opening would block).
mkfifo "$T/fifo.db"
tried=$((tried + 1))
run_raw timeout 20 "$HEALGRID" --db "$T/fifo.db" treatment list
expect_error 1 "$T/fifo.db: not a regular file" "a FIFO"

# A read-only file: reading works, writing is refused — even for root,
# who could write it anyway: the owner marked it read-only.
cp "$good" "$T/ro.db"
chmod 0400 "$T/ro.db"
run_raw "$HEALGRID" --db "$T/ro.db" treatment list
expect_status 0 "read-only file: list works"
like "$out" "*2026-11-01*" "read-only file: list shows the treatment"
run_raw "$HEALGRID" --db "$T/ro.db" show
expect_status 0 "read-only file: show works"
refused "$T/ro.db" "$T/ro.db: database is read-only; nothing was saved" "read-only file" \
	checkin --day 3 --redness 1
refused "$T/ro.db" "$T/ro.db: database is read-only; nothing was saved" "read-only file" \
	treatment delete 1 --yes

# Locked by another writer for longer than the busy timeout (5 s): a
# python3 process holds BEGIN EXCLUSIVE until told to let go.
cp "$good" "$T/locked.db"
coproc LOCKER { python3 -u -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
print("locked")
sys.stdin.readline()
c.execute("ROLLBACK")
' "$T/locked.db"; }
line=
read -r -t 30 line <&"${LOCKER[0]}"
is "$line" "locked" "another writer holds the lock"
start=$(date +%s%N)
refused "$T/locked.db" "$T/locked.db: database is locked by another program (waited 5 s); try again" \
	"locked by another writer" checkin --day 3 --redness 1
waited=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$waited" -ge 4500 ] && ok "waited for the busy timeout (${waited} ms)" ||
	not_ok "waited for the busy timeout" "waited ${waited} ms"
run_raw "$HEALGRID" --db "$T/locked.db" show
expect_status 0 "reading still works while another program writes (WAL)"
echo >&"${LOCKER[1]}"
wait "$LOCKER_PID"
run_raw "$HEALGRID" --db "$T/locked.db" checkin --day 3 --redness 1
expect_status 0 "writing works once the lock is gone"

# Nothing healgrid refused left a file of its own behind.
leftover=$(cd "$T" && ls -a | grep -E '\.new-|-journal$' || true)
is "$leftover" "" "no temporary or journal files left behind"

echo "# hostile files tried: $tried"
done_testing
