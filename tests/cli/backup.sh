#!/bin/bash
# tests/cli/backup.sh — `healgrid backup FILE [--force]`: a private,
# complete, consistent copy; never overwrites without --force; works while
# other processes hold the database open, even in the middle of writing.
. "$top_srcdir/tests/lib.sh"

run backup "$T/copy.db"
expect_error 2 "$DB: no database to back up*" "backup when there is no database"
[ ! -e "$DB" ] && ok "backup did not create an empty database" || not_ok "backup did not create an empty database"

run treatment add --date 2026-11-01 --products 'serum' --note 'first'
for d in 0 1 2 3; do run checkin --day $d --redness $((3 - d)) --note "day $d, \"quoted\""; done

umask 022
run backup "$T/copy.db"
umask 077
expect_status 0 "backup"
is "$out" "" "backup prints nothing"
is "$(mode_of "$T/copy.db")" 600 "the copy is 0600 even with umask 022"
is "$(sqlite3 "$T/copy.db" 'pragma integrity_check')" ok "the copy passes integrity_check"
run export --format json
want=$out
run_raw "$HEALGRID" --db "$T/copy.db" export --format json
expect_status 0 "healgrid opens the copy"
is "$out" "$want" "the copy has every treatment and check-in"
ls "$T" | grep -q 'copy.db.tmp-' && not_ok "no temporary file left" || ok "no temporary file left"

# ---- never overwrite by accident --------------------------------------------------
sum=$(file_sum "$T/copy.db")
run checkin --day 4 --redness 0
run backup "$T/copy.db"
expect_error 2 "$T/copy.db: file exists (use --force to replace it)" "an existing file is refused"
is "$(file_sum "$T/copy.db")" "$sum" "and left untouched"
run backup "$T/copy.db" --force
expect_status 0 "--force replaces it"
is "$(sqlite3 "$T/copy.db" 'select count(*) from checkin')" 5 "the new copy has the new day"
run backup "$DB" --force
expect_error 2 "$DB: that is the database itself; a backup goes to another file" "--force onto the database itself"
sum=$(file_sum "$DB")
run backup "$DB"
expect_error 2 "$DB: that is the database itself; a backup goes to another file" \
	"the database itself, without --force: not told to use --force"
ln -s "$DB" "$T/link.db"
run backup "$T/link.db"
expect_error 2 "$T/link.db: that is the database itself*" "a symlink to the database is the database"
(cd "$T" && "$HEALGRID" --db "$DB" backup ./healgrid.db >/dev/null 2>"$T/err"); status=$?
like "$status:$(cat "$T/err")" "2:healgrid: ./healgrid.db: that is the database itself*" "another name for the same file"
is "$(file_sum "$DB")" "$sum" "the database is untouched"
run backup "$T/missing/copy.db"
expect_error 1 "$T/missing/copy.db: cannot create: No such file or directory" "a missing folder"
run backup
expect_error 2 "backup: expected the file to write*" "backup without a file"
run backup a b
expect_error 2 'backup: unexpected argument "b"' "two files"

# ---- while another process is writing -----------------------------------------------
# A sqlite3 shell holds a write transaction open (as the UI would mid-save):
# the backup must not wait for it, and must hold only what was committed.
mkfifo "$T/cmd"
sqlite3 "$DB" < "$T/cmd" > "$T/shell.out" 2>&1 &
shell=$!
exec 3> "$T/cmd"
printf '%s\n' "BEGIN IMMEDIATE;" \
	"INSERT INTO checkin (treatment_id, day, redness) VALUES (1, 9, 2);" \
	".print in-transaction" >&3
deadline=$((SECONDS + 20))
until grep -q in-transaction "$T/shell.out" 2>/dev/null || [ $SECONDS -ge $deadline ]; do :; done
grep -q in-transaction "$T/shell.out" && ok "the other process holds a write transaction" \
	|| not_ok "the other process holds a write transaction" "$(cat "$T/shell.out")"
run backup "$T/during.db"
expect_status 0 "backup while another process is mid-write"
is "$(sqlite3 "$T/during.db" 'select count(*) from checkin')" 5 "the copy has the committed days only"
is "$(sqlite3 "$T/during.db" 'pragma integrity_check')" ok "and is consistent"
printf '%s\n' "COMMIT;" ".quit" >&3
exec 3>&-
wait "$shell"
is "$(sqlite3 "$DB" 'select count(*) from checkin')" 6 "the other process's write went through"

# Many small writes from another process while backups run: every copy is
# whole and consistent.
awk -v n=20000 -f "$top_srcdir/tests/cli/gen_csv.awk" > "$T/many.csv"
run import "$T/many.csv"
expect_status 0 "a bigger database"
(
	i=0
	while [ ! -e "$T/stop" ]; do
		i=$((i + 1))
		sqlite3 -cmd '.timeout 5000' "$DB" \
			"BEGIN; UPDATE checkin SET note = 'w$i' WHERE day = 0; INSERT OR REPLACE INTO checkin (treatment_id, day, redness) VALUES (1, 20, $((i % 4))); COMMIT;" \
			|| echo "writer failed at $i" >> "$T/writer.err"
		echo "$i" > "$T/writes"
	done
) &
writer=$!
deadline=$((SECONDS + 20))
until [ -s "$T/writes" ] || [ $SECONDS -ge $deadline ]; do :; done
fails=0
for k in 1 2 3 4 5; do
	"$HEALGRID" --db "$DB" backup "$T/busy$k.db" 2>>"$T/backup.err" || fails=$((fails + 1))
	[ "$(sqlite3 "$T/busy$k.db" 'pragma integrity_check' 2>&1)" = ok ] || fails=$((fails + 1))
	n=$(sqlite3 "$T/busy$k.db" "select count(*) from checkin where treatment_id > 1" 2>&1)
	[ "$n" = 20000 ] || fails=$((fails + 1))
	# one snapshot: every day-0 note comes from the same write
	[ "$(sqlite3 "$T/busy$k.db" "select count(distinct note) from checkin where day = 0" 2>&1)" = 1 ] \
		|| fails=$((fails + 1))
done
writes_during=$(cat "$T/writes")
touch "$T/stop"
wait "$writer"
is "$fails" 0 "5 backups during $writes_during writes: all whole and consistent" \
	"$(cat "$T/backup.err" 2>/dev/null)"
[ ! -s "$T/writer.err" ] && ok "the writer was never blocked" || not_ok "the writer was never blocked" "$(cat "$T/writer.err")"

done_testing
