#!/bin/sh
# make-v2-photo-db.sh — how tests/data/v2-photo.db was made: a database exactly as
# healgrid wrote it at schema version 2 (the first schema of
# make-v1-db.sh, then migrations[1] of src/store/db_schema.c, copied
# verbatim: the check-in's `updated` column), holding two treatments and
# check-ins with unrated days, signs and UTF-8 notes.  The file is committed;
# this script documents it and is not run by the build.
#   tests/data/make-v2-photo-db.sh tests/data/v2-photo.db
set -eu
out=${1:?usage: make-v2-photo-db.sh FILE}
here=$(dirname "$0")
sh "$here/make-v1-db.sh" "$out"
sqlite3 "$out" <<'SQL'
BEGIN;
ALTER TABLE checkin ADD COLUMN updated TEXT;
PRAGMA user_version = 2;
UPDATE checkin SET updated = '2026-11-0' || (day % 9 + 1) || 'T08:30:00Z';
INSERT INTO checkin VALUES (2, 7, 1, 1, 0, 0, 0, 'calmer today', '2026-11-03T19:02:11Z');
COMMIT;
SQL
chmod 0600 "$out"
