#!/bin/sh
# make-v2dup-db.sh — how tests/data/v2dup.db was made: a database as
# healgrid wrote it at schema version 2 (migrations[0] and [1] of
# src/store/db_schema.c, copied verbatim; WAL; application_id "HgId"),
# before treatments were unique by date and area: it holds three "face"
# treatments on one day (ids 1, 3, 4), a "neck" on the same day, a "face" on
# another day, and a "face (2)" on a third day beside its own "face" twin
# (id 6, 7), so the upgrade's new names meet an existing one.  Check-ins hang
# on the twins.  The file is committed; this script documents it and is not
# run by the build.
#   tests/data/make-v2dup-db.sh tests/data/v2dup.db
set -eu
out=${1:?usage: make-v2dup-db.sh FILE}
rm -f "$out" "$out-wal" "$out-shm"
sqlite3 "$out" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE treatment (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 90),  note TEXT NOT NULL DEFAULT '');CREATE INDEX treatment_by_date ON treatment (date, id);CREATE TABLE checkin (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 89),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;
ALTER TABLE checkin ADD COLUMN updated TEXT;
PRAGMA user_version = 2;
PRAGMA application_id = 1214728548;
INSERT INTO treatment VALUES (1, '2026-10-01', 'professional', 1.0, 'face', '', 0, 28, 'first');
INSERT INTO treatment VALUES (2, '2026-10-01', 'professional', 1.0, 'neck', '', 0, 28, '');
INSERT INTO treatment VALUES (3, '2026-10-01', 'home', 0.25, 'face', '', 0, 28, 'second');
INSERT INTO treatment VALUES (4, '2026-10-01', 'home', 0.5, 'face', '', 0, 28, 'third');
INSERT INTO treatment VALUES (5, '2026-10-20', 'professional', 1.5, 'face', '', 0, 28, '');
INSERT INTO treatment VALUES (6, '2026-10-25', 'professional', NULL, 'face (2)', '', 0, 28, 'typed so');
INSERT INTO treatment VALUES (7, '2026-10-25', 'professional', NULL, 'face', '', 0, 28, '');
INSERT INTO treatment VALUES (8, '2026-10-25', 'professional', NULL, 'face', '', 0, 28, '');
INSERT INTO checkin VALUES (1, 0, 2, 1, 0, 1, 0, 'one', '2026-10-01T20:00:00Z');
INSERT INTO checkin VALUES (3, 0, 1, 0, 0, 0, 0, 'three', '2026-10-01T20:00:00Z');
INSERT INTO checkin VALUES (4, 1, 3, NULL, NULL, NULL, 16, 'four', '2026-10-02T20:00:00Z');
INSERT INTO checkin VALUES (8, 2, 0, 0, 0, 0, 0, 'eight', '2026-10-27T20:00:00Z');
COMMIT;
SQL
chmod 0600 "$out"
