#!/bin/sh
# make-v1-db.sh — how tests/data/v1.db was made: a database exactly as the
# first healgrid wrote it (schema version 1: migrations[0] of
# src/store/db_schema.c, copied verbatim; WAL; application_id "HgId"),
# holding two treatments and a few check-ins with unrated days, signs and
# UTF-8 notes.  The file is committed; this script documents it and is not
# run by the build.
#   tests/data/make-v1-db.sh tests/data/v1.db
set -eu
out=${1:?usage: make-v1-db.sh FILE}
rm -f "$out" "$out-wal" "$out-shm"
sqlite3 "$out" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE treatment (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 90),  note TEXT NOT NULL DEFAULT '');CREATE INDEX treatment_by_date ON treatment (date, id);CREATE TABLE checkin (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 89),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;
PRAGMA user_version = 1;
PRAGMA application_id = 1214728548;
INSERT INTO treatment VALUES (1, '2026-06-02', 'home', 0.25, 'face', '', 0, 28, 'first try at home');
INSERT INTO treatment VALUES (2, '2026-10-27', 'professional', 1.5, 'face and neck',
	'hyaluronic serum; numbing cream', 16 | 128, 42, 'clinic on Rue Haute');
INSERT INTO checkin VALUES (1, 0, 2, 1, 0, 1, 0, 'tight, pink');
INSERT INTO checkin VALUES (1, 1, 1, 0, 0, 0, 0, '');
INSERT INTO checkin VALUES (1, 3, 0, 0, 0, 0, 0, 'all clear');
INSERT INTO checkin VALUES (2, 0, 3, 2, 1, 1, 0, 'ça pique un peu ✓');
INSERT INTO checkin VALUES (2, 1, 3, NULL, 1, NULL, 1 | 16, 'hot to the touch');
INSERT INTO checkin VALUES (2, 2, 2, 1, NULL, 0, 4, '');
INSERT INTO checkin VALUES (2, 4, NULL, NULL, NULL, NULL, 256, 'darker spot by the left eye');
INSERT INTO checkin VALUES (2, 5, 2, 1, 1, 0, 0, 'line one
line two');
COMMIT;
SQL
chmod 0600 "$out"
