#!/bin/sh
# make-v4-db.sh — how tests/data/v4.db was made: a database as healgrid
# wrote it at schema version 4 (migrations[0] to [3] of
# src/store/db_schema.c, copied verbatim; WAL; application_id "HgId"),
# holding every kind of row that schema knows: the rows of tests/data/v3.db
# with the twin told apart ("face (2)", as the step to version 4 names it):
# treatments of both devices, with and without depth, every risk, skin types
# 1, 4, 6 and none, windows of 7 and 180 days; check-ins rated and unrated,
# every sign and every care item, temperatures at both ends of the range and
# none, the last day (179), UTF-8 and multi-line notes, the `updated` stamp
# set and unset; actions with and without the flags they resolve.  The file
# is committed; this script documents it and is not run by the build.
#   tests/data/make-v4-db.sh tests/data/v4.db
set -eu
out=${1:?usage: make-v4-db.sh FILE}
rm -f "$out" "$out-wal" "$out-shm"
sqlite3 "$out" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE treatment (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 90),  note TEXT NOT NULL DEFAULT '');CREATE INDEX treatment_by_date ON treatment (date, id);CREATE TABLE checkin (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 89),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;
ALTER TABLE checkin ADD COLUMN updated TEXT;
CREATE TABLE treatment_new (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 180),  note TEXT NOT NULL DEFAULT '',  skin_type INTEGER CHECK (skin_type IS NULL OR skin_type BETWEEN 1 AND 6));INSERT INTO treatment_new (id, date, device, depth_mm, area, products, risks,  window_days, note) SELECT id, date, device, depth_mm, area, products, risks, window_days, note FROM treatment;DROP TABLE treatment;ALTER TABLE treatment_new RENAME TO treatment;CREATE INDEX treatment_by_date ON treatment (date, id);CREATE TABLE checkin_new (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 179),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  updated TEXT,  temperature_dc INTEGER CHECK (temperature_dc IS NULL OR    temperature_dc BETWEEN 340 AND 430),  care INTEGER NOT NULL DEFAULT 0,  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;INSERT INTO checkin_new (treatment_id, day, redness, swelling, bruising, bleeding,  signs, note, updated) SELECT treatment_id, day, redness, swelling, bruising, bleeding, signs, note,  updated FROM checkin;DROP TABLE checkin;ALTER TABLE checkin_new RENAME TO checkin;CREATE TABLE action (  id INTEGER PRIMARY KEY,  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 500));CREATE INDEX action_by_treatment ON action (treatment_id, date, id);CREATE TABLE action_flag (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  rule TEXT NOT NULL,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,  PRIMARY KEY (treatment_id, rule, date)) WITHOUT ROWID;CREATE INDEX action_flag_by_action ON action_flag (action_id);
CREATE TEMP TABLE hg_renamed AS  SELECT t.id, t.area AS old_area, t.area || ' (' || ((SELECT count(*) FROM treatment u    WHERE u.date = t.date AND u.area = t.area AND u.id < t.id) + 1) || ')' AS new_area  FROM treatment t WHERE EXISTS (SELECT 1 FROM treatment u    WHERE u.date = t.date AND u.area = t.area AND u.id < t.id);UPDATE hg_renamed SET new_area = old_area || ' (treatment ' || id || ')'  WHERE EXISTS (SELECT 1 FROM treatment u WHERE u.area = hg_renamed.new_area    AND u.date = (SELECT date FROM treatment WHERE id = hg_renamed.id));UPDATE treatment SET area = (SELECT new_area FROM hg_renamed r WHERE r.id = treatment.id)  WHERE id IN (SELECT id FROM hg_renamed);CREATE UNIQUE INDEX treatment_by_date_area ON treatment (date, area);
PRAGMA user_version = 4;
PRAGMA application_id = 1214728548;
INSERT INTO treatment VALUES (1, '2026-01-05', 'professional', 1.0, 'face', 'numbing cream; hyaluronic serum', 1023, 180, 'first, "all risks"', 4);
INSERT INTO treatment VALUES (2, '2026-01-05', 'home', NULL, 'face (2)', '', 0, 28, '', NULL);
INSERT INTO treatment VALUES (3, '2026-10-15', 'home', 0.25, 'neck', '', 128, 7, 'ünïcödé ✓
second line', 1);
INSERT INTO treatment VALUES (4, '2026-11-01', 'professional', 3.0, 'face', 'serum', 512, 42, '', 6);
INSERT INTO checkin VALUES (1, 0, 3, 2, 1, 1, 0, '', '2026-01-05T20:00:00Z', NULL, 0);
INSERT INTO checkin VALUES (1, 3, 2, NULL, 0, NULL, 3, 'pus, "hot"', '2026-01-08T20:00:00Z', 384, 4);
INSERT INTO checkin VALUES (1, 4, NULL, NULL, NULL, NULL, 65535, 'every sign', NULL, 430, 15);
INSERT INTO checkin VALUES (1, 179, 0, 0, 0, 0, 0, 'last day', '2026-07-03T08:00:00Z', 340, 1);
INSERT INTO checkin VALUES (2, 2, 1, NULL, 0, NULL, 32, 'twin''s day', '2026-01-07T20:00:00Z', 380, 0);
INSERT INTO checkin VALUES (3, 0, 0, 0, 0, 0, 0, '', '2026-10-15T20:00:00Z', NULL, 2);
INSERT INTO checkin VALUES (3, 6, 1, 1, NULL, NULL, 4096, 'ünï
two lines', '2026-10-21T20:00:00Z', 375, 8);
INSERT INTO checkin VALUES (4, 1, NULL, 2, NULL, NULL, 0, '', '2026-11-02T20:00:00Z', NULL, 0);
INSERT INTO action VALUES (1, 1, '2026-01-09', 'saw GP, cefalexin 500 mg for 7 days');
INSERT INTO action VALUES (2, 2, '2026-01-07', 'called the clinic ✓');
INSERT INTO action VALUES (3, 1, '2026-01-05', 'cold compress');
INSERT INTO action VALUES (4, 3, '2026-10-22', printf('%.500c', 'a'));
INSERT INTO action_flag VALUES (1, 'pus', '2026-01-08', 1);
INSERT INTO action_flag VALUES (1, 'fever', '2026-01-09', 1);
INSERT INTO action_flag VALUES (2, 'fever', '2026-01-07', 2);
INSERT INTO action_flag VALUES (3, 'pigment-risk', '2026-10-15', 4);
COMMIT;
SQL
chmod 0600 "$out"
