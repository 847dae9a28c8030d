#!/bin/sh
# make-v5-db.sh — how tests/data/v5.db was made: a database as healgrid
# (version 2 of the product) wrote it at schema version 5, the schema
# below being sqlite_schema's text of such a file (migrations[0] to [4] of
# src/store/db_schema.c as they leave it; WAL; application_id "HgId"),
# holding every kind of row that schema knows: the rows of tests/data/v4.db,
# plus the version 2 sign lips (bit 12) alone, a photo (a 16x12 clean JPEG
# as healgrid stores it, its own thumbnail), the profile, and actions whose
# flags are every kind of version 2 reference: breathing, crusting on the
# face with the risk cold-sores and on the neck with it, pus and warmth-pain
# of one date (one problem), precautions (pigment-risk, home-deep), and
# rules of every other kind.  The file is committed; this script documents it
# and is not run by the build.
#   tests/data/make-v5-db.sh tests/data/v5.db
set -eu
out=${1:?usage: make-v5-db.sh FILE}
rm -f "$out" "$out-wal" "$out-shm"
sqlite3 "$out" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE "treatment" (  id INTEGER PRIMARY KEY,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),  area TEXT NOT NULL DEFAULT 'face',  products TEXT NOT NULL DEFAULT '',  risks INTEGER NOT NULL DEFAULT 0,  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 180),  note TEXT NOT NULL DEFAULT '',  skin_type INTEGER CHECK (skin_type IS NULL OR skin_type BETWEEN 1 AND 6));
CREATE INDEX treatment_by_date ON treatment (date, id);
CREATE TABLE "checkin" (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 179),  redness INTEGER CHECK (redness BETWEEN 0 AND 3),  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),  signs INTEGER NOT NULL DEFAULT 0,  note TEXT NOT NULL DEFAULT '',  updated TEXT,  temperature_dc INTEGER CHECK (temperature_dc IS NULL OR    temperature_dc BETWEEN 340 AND 430),  care INTEGER NOT NULL DEFAULT 0,  PRIMARY KEY (treatment_id, day)) WITHOUT ROWID;
CREATE TABLE action (  id INTEGER PRIMARY KEY,  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 500));
CREATE INDEX action_by_treatment ON action (treatment_id, date, id);
CREATE TABLE action_flag (  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,  rule TEXT NOT NULL,  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,  PRIMARY KEY (treatment_id, rule, date)) WITHOUT ROWID;
CREATE INDEX action_flag_by_action ON action_flag (action_id);
CREATE UNIQUE INDEX treatment_by_date_area ON treatment (date, area);
CREATE TABLE photo (  id INTEGER PRIMARY KEY,  treatment_id INTEGER NOT NULL,  day INTEGER NOT NULL,  jpeg BLOB NOT NULL,  thumb BLOB NOT NULL,  width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),  height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1600),  bytes INTEGER NOT NULL CHECK (bytes = length(jpeg)),  added TEXT NOT NULL,  FOREIGN KEY (treatment_id, day) REFERENCES checkin (treatment_id, day)    ON DELETE CASCADE ON UPDATE CASCADE);
CREATE INDEX photo_by_day ON photo (treatment_id, day, id);
CREATE TABLE profile (  id INTEGER PRIMARY KEY CHECK (id = 1),  name TEXT NOT NULL DEFAULT '',  born TEXT CHECK (born IS NULL OR born GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  clinic TEXT NOT NULL DEFAULT '');
PRAGMA user_version = 5;
PRAGMA application_id = 1214728548;
INSERT INTO treatment VALUES (1, '2026-01-05', 'professional', 1.0, 'face', 'numbing cream; hyaluronic serum', 1023, 180, 'first, "all risks"', 4);
INSERT INTO treatment VALUES (2, '2026-01-05', 'home', NULL, 'face (2)', '', 0, 28, '', NULL);
INSERT INTO treatment VALUES (3, '2026-10-15', 'home', 0.25, 'neck', '', 144, 7, 'ünïcödé ✓
second line', 1);
INSERT INTO treatment VALUES (4, '2026-11-01', 'professional', 3.0, 'Upper Lip', 'serum', 512, 42, '', 6);
INSERT INTO checkin VALUES (1, 0, 3, 2, 1, 1, 0, '', '2026-01-05T20:00:00Z', NULL, 0);
INSERT INTO checkin VALUES (1, 3, 2, NULL, 0, NULL, 3, 'pus, "hot"', '2026-01-08T20:00:00Z', 384, 4);
INSERT INTO checkin VALUES (1, 4, NULL, NULL, NULL, NULL, 65535, 'every sign', NULL, 430, 15);
INSERT INTO checkin VALUES (1, 179, 0, 0, 0, 0, 0, 'last day', '2026-07-03T08:00:00Z', 340, 1);
INSERT INTO checkin VALUES (2, 2, 1, NULL, 0, NULL, 32, 'twin''s day', '2026-01-07T20:00:00Z', 380, 0);
INSERT INTO checkin VALUES (3, 0, 0, 0, 0, 0, 0, '', '2026-10-15T20:00:00Z', NULL, 2);
INSERT INTO checkin VALUES (3, 6, 1, 1, NULL, NULL, 4100, 'ünï
two lines', '2026-10-21T20:00:00Z', 375, 8);
INSERT INTO checkin VALUES (4, 1, NULL, 2, NULL, NULL, 4096, '', '2026-11-02T20:00:00Z', NULL, 0);
INSERT INTO checkin VALUES (4, 2, NULL, NULL, NULL, NULL, 0, '', '2026-11-03T20:00:00Z', NULL, 0);
INSERT INTO photo VALUES (1, 4, 2, X'FFD8FFE000104A46494600010100000100010000FFDB0043000503040404030504040405050506070C08070707070F0B0B090C110F1212110F111113161C1713141A1511111821181A1D1D1F1F1F13172224221E241C1E1F1EFFDB0043010505050706070E08080E1E1411141E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1EFFC0001108000C001003012200021101031101FFC4001500010100000000000000000000000000000607FFC400221000020201030501010000000000000000010203041100050612212231410761FFC4001501010100000000000000000000000000000102FFC4001B11010002020300000000000000000000000100020321111231FFDA000C03010002110311003F0023C5A964A920927D93AA9EC7B2D4BF50D4BF4E0B55E4C75C53461D1B04119520838201191EC674338A449E3DB4BB9AC9254FCD3769ABBF43B22424E01F0791118771F55D87F3E77D38D6B63A69252B91E5F5DCFFD9', X'FFD8FFE000104A46494600010100000100010000FFDB0043000503040404030504040405050506070C08070707070F0B0B090C110F1212110F111113161C1713141A1511111821181A1D1D1F1F1F13172224221E241C1E1F1EFFDB0043010505050706070E08080E1E1411141E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1E1EFFC0001108000C001003012200021101031101FFC4001500010100000000000000000000000000000607FFC400221000020201030501010000000000000000010203041100050612212231410761FFC4001501010100000000000000000000000000000102FFC4001B11010002020300000000000000000000000100020321111231FFDA000C03010002110311003F0023C5A964A920927D93AA9EC7B2D4BF50D4BF4E0B55E4C75C53461D1B04119520838201191EC674338A449E3DB4BB9AC9254FCD3769ABBF43B22424E01F0791118771F55D87F3E77D38D6B63A69252B91E5F5DCFFD9', 16, 12, 387, '2026-11-03T20:01:02Z');
INSERT INTO profile VALUES (1, 'Ana Müller', '1990-04-02', 'Clinic on Rue Haute');
INSERT INTO action VALUES (1, 1, '2026-01-09', 'saw GP, cefalexin 500 mg for 7 days');
INSERT INTO action VALUES (2, 2, '2026-01-07', 'called the clinic ✓');
INSERT INTO action VALUES (3, 1, '2026-01-05', 'cold compress');
INSERT INTO action VALUES (4, 3, '2026-10-22', printf('%.500c', 'a'));
INSERT INTO action VALUES (5, 4, '2026-11-02', 'antihistamine, called 112');
INSERT INTO action VALUES (6, 4, '2026-11-03', 'clinic checked it');
INSERT INTO action_flag VALUES (1, 'pus', '2026-01-08', 1);
INSERT INTO action_flag VALUES (1, 'fever', '2026-01-09', 1);
INSERT INTO action_flag VALUES (1, 'crusting', '2026-01-09', 1);
INSERT INTO action_flag VALUES (2, 'fever', '2026-01-07', 2);
INSERT INTO action_flag VALUES (3, 'pigment-risk', '2026-10-15', 4);
INSERT INTO action_flag VALUES (3, 'crusting', '2026-10-21', 4);
INSERT INTO action_flag VALUES (4, 'breathing', '2026-11-02', 5);
INSERT INTO action_flag VALUES (4, 'home-deep', '2026-11-01', 5);
INSERT INTO action_flag VALUES (4, 'pus', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'warmth-pain', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'redness-late', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'bleeding-heavy', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'sun-early', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'dark-patches', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'rash', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'eye', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'unwell', '2026-11-03', 6);
INSERT INTO action_flag VALUES (4, 'blisters', '2026-11-03', 6);
COMMIT;
SQL
chmod 0600 "$out"
