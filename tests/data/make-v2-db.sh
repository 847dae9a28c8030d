#!/bin/sh
# make-v2-db.sh — how tests/data/v2.db was made: a database exactly as
# healgrid wrote it at schema version 2 (migrations[0] and [1] of
# src/store/db_schema.c, copied verbatim; WAL; application_id "HgId"),
# holding every kind of row that schema knows: treatments of both devices,
# with and without depth, every risk of the time, the widest window (90
# days), and check-ins with unrated and rated days, every sign of the time,
# the last day (89), UTF-8 and multi-line notes, and the `updated` stamp set
# and unset.  The file is committed; this script documents it and is not run
# by the build.
#   tests/data/make-v2-db.sh tests/data/v2.db
set -eu
out=${1:?usage: make-v2-db.sh FILE}
rm -f "$out" "$out-wal" "$out-shm"
sqlite3 "$out" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE treatment (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 90),  note TEXT NOT NULL DEFAULT '');CREATE INDEX treatment_by_date ON treatment (date, id);CREATE TABLE checkin (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 89),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;
ALTER TABLE checkin ADD COLUMN updated TEXT;
PRAGMA user_version = 2;
PRAGMA application_id = 1214728548;
INSERT INTO treatment VALUES (1, '2026-06-02', 'home', 0.25, 'face', '', 0, 28, 'first try at home');
INSERT INTO treatment VALUES (2, '2026-08-01', 'professional', NULL, 'neck',
	'numbing cream', 511, 90, 'every risk of schema 2');
INSERT INTO treatment VALUES (3, '2026-10-27', 'professional', 3.0, 'face and neck',
	'hyaluronic serum; numbing cream', 16 | 128, 42, 'clinic on Rue Haute');
INSERT INTO checkin VALUES (1, 0, 2, 1, 0, 1, 0, 'tight, pink', '2026-06-02T20:15:00Z');
INSERT INTO checkin VALUES (1, 3, 0, 0, 0, 0, 0, 'all clear', NULL);
INSERT INTO checkin VALUES (2, 0, 3, 3, 3, 3, 4095, 'every sign of schema 2', '2026-08-01T21:00:00Z');
INSERT INTO checkin VALUES (2, 89, NULL, NULL, NULL, NULL, 0, 'the last day', '2026-10-29T08:00:00Z');
INSERT INTO checkin VALUES (3, 0, 3, 2, 1, 1, 0, 'ça pique un peu ✓', NULL);
INSERT INTO checkin VALUES (3, 1, 3, NULL, 1, NULL, 1 | 16, 'hot to the touch', '2026-10-28T07:00:00Z');
INSERT INTO checkin VALUES (3, 4, NULL, NULL, NULL, NULL, 256, 'line one
line two', '2026-10-31T09:30:00Z');
COMMIT;
SQL
chmod 0600 "$out"
