/* db_schema.c — the database schema: migrations[], its history, and the
 * upgrade that runs them (in place, or in a copy in memory for a
 * read-only file), with the SQL function the upgrade to schema 6 calls.
 * Not here: opening and refusing files, and the queries (db.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "healgrid/db.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

#include "db_int.h"

/* Schema history: migrations[i] takes user_version i to i + 1.  Append
 * only; never edit a step that has shipped. */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE treatment ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),"
	"  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),"
	"  area TEXT NOT NULL DEFAULT 'face',"
	"  products TEXT NOT NULL DEFAULT '',"
	"  risks INTEGER NOT NULL DEFAULT 0,"
	"  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 90),"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX treatment_by_date ON treatment (date, id);"
	"CREATE TABLE checkin ("
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 89),"
	"  redness INTEGER CHECK (redness BETWEEN 0 AND 3),"
	"  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),"
	"  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),"
	"  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),"
	"  signs INTEGER NOT NULL DEFAULT 0,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (treatment_id, day)"
	") WITHOUT ROWID;",
	/* 1 -> 2: remember when each day was last saved (UTC) */
	"ALTER TABLE checkin ADD COLUMN updated TEXT;",
	/* 2 -> 3: windows and days up to 180 (the tables are rebuilt, as
	 * CHECK constraints cannot be altered: create the new table, copy,
	 * drop the old, rename, remake the index; foreign keys are off
	 * meanwhile, see db_migrate()); Fitzpatrick skin type; temperature in
	 * tenths of a degree C and care items on a check-in; actions and the
	 * flags they resolve (by rule and calendar date). */
	"CREATE TABLE treatment_new ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  device TEXT NOT NULL DEFAULT 'professional' CHECK (device IN ('professional', 'home')),"
	"  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.1 AND 3.0),"
	"  area TEXT NOT NULL DEFAULT 'face',"
	"  products TEXT NOT NULL DEFAULT '',"
	"  risks INTEGER NOT NULL DEFAULT 0,"
	"  window_days INTEGER NOT NULL DEFAULT 28 CHECK (window_days BETWEEN 7 AND 180),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  skin_type INTEGER CHECK (skin_type IS NULL OR skin_type BETWEEN 1 AND 6)"
	");"
	"INSERT INTO treatment_new (id, date, device, depth_mm, area, products, risks,"
	"  window_days, note)"
	" SELECT id, date, device, depth_mm, area, products, risks, window_days, note"
	" FROM treatment;"
	"DROP TABLE treatment;"
	"ALTER TABLE treatment_new RENAME TO treatment;"
	"CREATE INDEX treatment_by_date ON treatment (date, id);"
	"CREATE TABLE checkin_new ("
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 179),"
	"  redness INTEGER CHECK (redness BETWEEN 0 AND 3),"
	"  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),"
	"  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),"
	"  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),"
	"  signs INTEGER NOT NULL DEFAULT 0,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  updated TEXT,"
	"  temperature_dc INTEGER CHECK (temperature_dc IS NULL OR"
	"    temperature_dc BETWEEN 340 AND 430),"
	"  care INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (treatment_id, day)"
	") WITHOUT ROWID;"
	"INSERT INTO checkin_new (treatment_id, day, redness, swelling, bruising, bleeding,"
	"  signs, note, updated)"
	" SELECT treatment_id, day, redness, swelling, bruising, bleeding, signs, note,"
	"  updated FROM checkin;"
	"DROP TABLE checkin;"
	"ALTER TABLE checkin_new RENAME TO checkin;"
	"CREATE TABLE action ("
	"  id INTEGER PRIMARY KEY,"
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 500)"
	");"
	"CREATE INDEX action_by_treatment ON action (treatment_id, date, id);"
	"CREATE TABLE action_flag ("
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  rule TEXT NOT NULL,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
	"  PRIMARY KEY (treatment_id, rule, date)"
	") WITHOUT ROWID;"
	"CREATE INDEX action_flag_by_action ON action_flag (action_id);",
	/* 3 -> 4: no two treatments share date and area.  Older files may
	 * hold such twins: the second becomes "face (2)", the third
	 * "face (3)" (or "face (treatment ID)" should that name be taken);
	 * temp.hg_renamed lists them for announce_renames(). */
	"CREATE TEMP TABLE hg_renamed AS"
	"  SELECT t.id, t.area AS old_area, t.area || ' (' || ((SELECT count(*) FROM treatment u"
	"    WHERE u.date = t.date AND u.area = t.area AND u.id < t.id) + 1) || ')' AS new_area"
	"  FROM treatment t WHERE EXISTS (SELECT 1 FROM treatment u"
	"    WHERE u.date = t.date AND u.area = t.area AND u.id < t.id);"
	"UPDATE hg_renamed SET new_area = old_area || ' (treatment ' || id || ')'"
	"  WHERE EXISTS (SELECT 1 FROM treatment u WHERE u.area = hg_renamed.new_area"
	"    AND u.date = (SELECT date FROM treatment WHERE id = hg_renamed.id));"
	"UPDATE treatment SET area = (SELECT new_area FROM hg_renamed r WHERE r.id = treatment.id)"
	"  WHERE id IN (SELECT id FROM hg_renamed);"
	"CREATE UNIQUE INDEX treatment_by_date_area ON treatment (date, area);",
	/* 4 -> 5: photos of a day (cleaned JPEG and thumbnail, removed with
	 * their day), and the one-row profile */
	"CREATE TABLE photo ("
	"  id INTEGER PRIMARY KEY,"
	"  treatment_id INTEGER NOT NULL,"
	"  day INTEGER NOT NULL,"
	"  jpeg BLOB NOT NULL,"
	"  thumb BLOB NOT NULL,"
	"  width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),"
	"  height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1600),"
	"  bytes INTEGER NOT NULL CHECK (bytes = length(jpeg)),"
	"  added TEXT NOT NULL,"
	"  FOREIGN KEY (treatment_id, day) REFERENCES checkin (treatment_id, day)"
	"    ON DELETE CASCADE ON UPDATE CASCADE"
	");"
	"CREATE INDEX photo_by_day ON photo (treatment_id, day, id);"
	"CREATE TABLE profile ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  born TEXT CHECK (born IS NULL OR born GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  clinic TEXT NOT NULL DEFAULT ''"
	");",
	/* 5 -> 6: signs and care may be not assessed (NULL; stored rows were
	 * assessed); who did an action (NULL: not recorded, as before); the
	 * flags an action is for by kind of problem and calendar date, several
	 * actions to one flag allowed (a version 2 rule becomes its kind by
	 * hg_v2_kind(), see rules_rule_kind(); a precaution is dropped, its
	 * action kept; references that land on one kind and date become one);
	 * medicines of a treatment */
	"CREATE TABLE checkin_new ("
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 179),"
	"  redness INTEGER CHECK (redness BETWEEN 0 AND 3),"
	"  swelling INTEGER CHECK (swelling BETWEEN 0 AND 3),"
	"  bruising INTEGER CHECK (bruising BETWEEN 0 AND 3),"
	"  bleeding INTEGER CHECK (bleeding BETWEEN 0 AND 3),"
	"  signs INTEGER,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  updated TEXT,"
	"  temperature_dc INTEGER CHECK (temperature_dc IS NULL OR"
	"    temperature_dc BETWEEN 340 AND 430),"
	"  care INTEGER,"
	"  PRIMARY KEY (treatment_id, day)"
	") WITHOUT ROWID;"
	"INSERT INTO checkin_new (treatment_id, day, redness, swelling, bruising, bleeding,"
	"  signs, note, updated, temperature_dc, care)"
	" SELECT treatment_id, day, redness, swelling, bruising, bleeding, signs, note,"
	"  updated, temperature_dc, care FROM checkin;"
	"DROP TABLE checkin;"
	"ALTER TABLE checkin_new RENAME TO checkin;"
	"ALTER TABLE action ADD COLUMN who TEXT CHECK (who IS NULL OR who IN ('clinician', 'self'));"
	"CREATE TABLE action_for ("
	"  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  PRIMARY KEY (action_id, kind, date)"
	") WITHOUT ROWID;"
	"INSERT OR IGNORE INTO action_for (action_id, kind, date)"
	" SELECT f.action_id, hg_v2_kind(f.rule, t.risks, t.area), f.date"
	" FROM action_flag f JOIN action a ON a.id = f.action_id"
	" JOIN treatment t ON t.id = a.treatment_id"
	" WHERE hg_v2_kind(f.rule, t.risks, t.area) IS NOT NULL;"
	"DROP TABLE action_flag;"
	"CREATE TABLE medicine ("
	"  id INTEGER PRIMARY KEY,"
	"  treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 100),"
	"  dose TEXT NOT NULL DEFAULT '' CHECK (length(CAST(dose AS BLOB)) <= 100),"
	"  date_from TEXT NOT NULL"
	"    CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  date_to TEXT CHECK (date_to IS NULL OR"
	"    (date_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_to >= date_from))"
	");"
	"CREATE INDEX medicine_by_treatment ON medicine (treatment_id, date_from, id);",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int db_schema_version(void)
{
	return SCHEMA_VERSION;
}

/* Treatments the upgrade to unique (date, area) renamed, said once on
 * stderr (the upgrade runs once); then the list is dropped. */
static void announce_renames(struct hg_db *db)
{
	sqlite3_stmt *st;
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0;

	if (sqlite3_prepare_v2(db->sql, "SELECT id, old_area, new_area FROM temp.hg_renamed"
			       " ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return;         /* no such table: this upgrade did not run */
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&sb, "%s treatment %lld \"%s\" is now \"%s\"", n++ ? ";" : "",
			  (long long)sqlite3_column_int64(st, 0),
			  (const char *)sqlite3_column_text(st, 1),
			  (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (n > 0) {
		char *line = hg_sanitize(sb_str(&sb));
		fprintf(stderr, "healgrid: %s: treatments that shared a date and area were"
			" told apart:%s\n", db->path, line);
		free(line);
	}
	sb_free(&sb);
	(void)db_exec(db, "DROP TABLE temp.hg_renamed");
}

/* hg_v2_kind(rule, risks, area): the kind of problem a version 2 flag
 * reference becomes (rules_rule_kind), NULL for a precaution; for the
 * upgrade step of migrations[]. */
static void sql_v2_kind(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *rule = (const char *)sqlite3_value_text(argv[0]);
	const char *area = (const char *)sqlite3_value_text(argv[2]);
	const char *kind;

	(void)argc;
	struct hg_treatment t;
	int k;

	model_treatment_init(&t);
	t.risks = (unsigned)sqlite3_value_int64(argv[1]);
	t.area = (char *)(area ? area : "");    /* read only; never freed here */
	k = rules_rule_kind(rule, &t);
	kind = k >= 0 ? rules_kind_name((enum hg_kind)k) : NULL;
	if (kind)
		sqlite3_result_text(cx, kind, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(cx);
}

/* healgrid's own SQL functions on db's connection: hg_v2_kind (the step to
 * schema 6, and ST_A_FLAG_INSERT). */
int db_add_functions(struct hg_db *db)
{
	return sqlite3_create_function_v2(db->sql, "hg_v2_kind", 3,
					  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_v2_kind,
					  NULL, NULL, NULL);
}

/* Take the schema from `from` to SCHEMA_VERSION in one transaction: all
 * steps or none.  The version is read again under the write lock, because
 * another healgrid may have migrated the file since we looked. */
int db_migrate(struct hg_db *db, int from)
{
	int rc, src;

	if (from > 0 && sqlite3_db_readonly(db->sql, "main") == 1)
		return hg_fail(HG_ERR_RUNTIME, "%s: made by an older healgrid (schema %d) and"
			       " read-only: make it writable once so healgrid can upgrade it;"
			       " it was not changed", db->path, from);
	/* the function the step to schema 6 calls, on this connection */
	src = db_add_functions(db);
	if (src != SQLITE_OK)
		return db_sql_fail(db, src);
	/* Steps rebuild tables (drop and rename), which must not cascade:
	 * foreign keys are off for the migration (a no-op inside a
	 * transaction, so before it) and checked before the commit. */
	rc = db_exec(db, "PRAGMA foreign_keys = OFF");
	if (rc == HG_OK)
		rc = db_begin(db);
	if (rc == HG_OK && from > 0) {
		src = db_read_pragma_int(db, "PRAGMA user_version", &from);
		if (src != SQLITE_OK)
			rc = db_sql_fail(db, src);
	}
	for (int v = from; rc == HG_OK && v < SCHEMA_VERSION; v++)
		rc = db_exec(db, migrations[v]);
	if (rc == HG_OK && from < SCHEMA_VERSION) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", SCHEMA_VERSION);
		rc = db_exec(db, sql);
	}
	if (rc == HG_OK && from == 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", HG_DB_APPLICATION_ID);
		rc = db_exec(db, sql);
	}
	if (rc == HG_OK) {
		sqlite3_stmt *fk = NULL;
		int step = sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &fk, NULL);

		if (step == SQLITE_OK)
			step = sqlite3_step(fk);
		if (step == SQLITE_ROW)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot upgrade: a row refers to a"
				     " missing treatment; it was not changed", db->path);
		else if (step != SQLITE_DONE)
			rc = db_sql_fail(db, step);
		sqlite3_finalize(fk);
	}
	if (rc != HG_OK)
		db_rollback(db);
	else
		rc = db_commit(db);
	if (rc == HG_OK)
		announce_renames(db);
	if (db_exec(db, "PRAGMA foreign_keys = ON") != HG_OK && rc == HG_OK)
		rc = HG_ERR_RUNTIME;
	return rc;
}

/* An older schema in a file opened read-only, for reading only: the
 * connection moves to a copy of it in memory (SQLite's backup API), which
 * is upgraded; the file is never written. */
int db_upgrade_copy(struct hg_db *db, int version)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	int src = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
				  NULL);

	if (src != SQLITE_OK) {
		sqlite3_close(mem);
		return db_nomem_fail();
	}
	b = sqlite3_backup_init(mem, "main", db->sql, "main");
	if (!b) {
		src = sqlite3_errcode(mem);
		sqlite3_close(mem);
		return db_sql_fail(db, src);
	}
	src = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (src != SQLITE_DONE) {
		sqlite3_close(mem);
		return db_sql_fail(db, src);
	}
	sqlite3_close(db->sql);
	db->sql = mem;
	sqlite3_extended_result_codes(db->sql, 1);
	if (db_exec(db, "PRAGMA foreign_keys = ON") != HG_OK)
		return HG_ERR_RUNTIME;
	return db_migrate(db, version);
}
