#!/bin/bash
# tests/reliability/stale.sh — what a database creation leaves behind and
# where it starts: PATH.new-PID of a process that is gone is removed by the
# next command that opens the database (with its -wal and -shm), one of a
# live process is left alone, and --db naming a symbolic link to nothing
# gets a message that says so.  (Kills during a real creation: crash.sh.)
. "$top_srcdir/tests/lib.sh"

# A pid that is certainly gone: a child that has exited and been reaped.
sh -c 'exit 0' &
dead=$!
wait "$dead"
sleep 1000 &
live=$!
trap 'kill "$live" 2>/dev/null; rm -rf "$T"' EXIT

run treatment add --date 2026-11-01
expect_status 0 "a database to open"
for f in "$DB.new-$dead" "$DB.new-$dead-wal" "$DB.new-$dead-shm" "$DB.new-$live" \
	"$DB.new-$live-wal" "$DB.new-x1" "$T/other.db.new-$dead"; do
	printf 'half made' >"$f"
done
run treatment list
expect_status 0 "a command opens the database"
is "$(cd "$T" && ls healgrid.db.new-* | sort | tr '\n' ' ')" \
	"healgrid.db.new-$live healgrid.db.new-$live-wal healgrid.db.new-x1 " \
	"a dead process's .new files are gone, a live one's and foreign names stay"
[ -e "$T/other.db.new-$dead" ] && ok "another database's .new file is not touched" ||
	not_ok "another database's .new file is not touched"

# pid 1 exists but (for an ordinary user) kill(1, 0) fails with EPERM.
printf 'half made' >"$DB.new-1"
run treatment list
[ -e "$DB.new-1" ] && ok "a .new file of a pid that exists but is not ours stays" ||
	not_ok "a .new file of a pid that exists but is not ours stays"

# Creation where a dead process's debris lies: the new database is made.
printf 'half made' >"$T/fresh.db.new-$dead"
run_raw "$HEALGRID" --db "$T/fresh.db" treatment add --date 2026-11-01
expect_status 0 "creation beside a dead process's .new file"
[ ! -e "$T/fresh.db.new-$dead" ] && ok "and the debris is gone" || not_ok "and the debris is gone"

# --db naming a symbolic link to nothing.
ln -s "$T/nowhere/x.db" "$T/dangling.db"
run_raw "$HEALGRID" --db "$T/dangling.db" treatment add --date 2026-11-01
expect_error 1 "$T/dangling.db: a symbolic link to a file that does not exist; give --db the real path, or remove the link" \
	"--db a dangling symbolic link"
[ ! -e "$T/nowhere" ] && [ -L "$T/dangling.db" ] && ok "nothing made for a dangling link" ||
	not_ok "nothing made for a dangling link"

# A symbolic link to a database is followed.
ln -s "$DB" "$T/link.db"
run_raw "$HEALGRID" --db "$T/link.db" treatment list
like "$out" "*2026-11-01*" "--db a symbolic link to a database opens it"

done_testing
