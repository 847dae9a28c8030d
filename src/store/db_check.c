/* db_check.c — what `healgrid check` runs: SQLite's integrity and foreign
 * key checks, then healgrid's rules about what the database holds, each a
 * query (invariants[]) and, where SQL alone cannot judge, a C judge.
 * Not here: repairing anything (check only reads), the queries (db.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "healgrid/db.h"
#include "healgrid/image.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

#include "db_int.h"

/* ---- check ------------------------------------------------------------ */

/* A rule SQL alone cannot judge, or output to tidy: the query selects the
 * values, judge() says whether the row is a problem (1, its line written)
 * or not (0), or fails (-1: out of memory, the message recorded). */
typedef int check_judge_fn(sqlite3_stmt *st, struct strbuf *line);

/* integrity_check: "ok", or problems, the first prefixed with the
 * schema's name and a line break. */
static int judge_integrity(sqlite3_stmt *st, struct strbuf *line)
{
	static const char banner[] = "*** in database main ***";
	const char *s = (const char *)sqlite3_column_text(st, 0);

	if (!s)
		return 0;
	if (strcmp(s, "ok") == 0)
		return 0;
	if (strncmp(s, banner, sizeof banner - 1) == 0)
		s += sizeof banner - 1;
	sb_puts(line, s + strspn(s, " \n"));
	return 1;
}

/* action_for (action_id, kind, date): the kind must be one healgrid knows,
 * or the flag can never be found again. */
static int judge_flag_kind(sqlite3_stmt *st, struct strbuf *line)
{
	const char *kind = (const char *)sqlite3_column_text(st, 1);

	if (!kind && sqlite3_column_type(st, 1) != SQLITE_NULL)
		return db_nomem_fail(), -1;
	if (kind && rules_kind_lookup(kind) >= 0)
		return 0;
	sb_printf(line, "action %lld: is for a flag of unknown kind \"%s\" (%s)",
		  (long long)sqlite3_column_int64(st, 0), kind ? kind : "",
		  sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "");
	return 1;
}

/* One stored JPEG of photo (id, treatment_id, day, width, height, jpeg,
 * thumb) at column col: 1 and its line when it is not a clean JPEG as
 * healgrid writes them, of at most max_side px, and when want_w is given,
 * of exactly want_w x want_h px. */
static int judge_jpeg(sqlite3_stmt *st, struct strbuf *line, int col, const char *what,
		      int max_side, long long want_w, long long want_h)
{
	const unsigned char *data = sqlite3_column_blob(st, col);
	int len = sqlite3_column_bytes(st, col), w, h;
	char name[64];

	if (!data && len > 0)
		return db_nomem_fail(), -1;
	snprintf(name, sizeof name, "photo %lld%s", (long long)sqlite3_column_int64(st, 0), what);
	sb_printf(line, "treatment %lld day %lld: ", (long long)sqlite3_column_int64(st, 1),
		  (long long)sqlite3_column_int64(st, 2));
	if (!data || !image_is_clean_jpeg(data, (size_t)len, name, &w, &h)) {
		/* image.c records why; out of memory is a failure, not a finding */
		if (strcmp(hg_error(), "out of memory") == 0)
			return -1;
		sb_puts(line, *hg_error() ? hg_error() : name);
		if (!*hg_error())
			sb_puts(line, ": not a JPEG image");
		hg_error_clear();
		return 1;
	}
	if (w > max_side || h > max_side) {
		sb_printf(line, "%s is %dx%d px (at most %d on a side)", name, w, h, max_side);
		return 1;
	}
	if (want_w >= 0 && (w != want_w || h != want_h)) {
		sb_printf(line, "%s is %dx%d px, stored as %lldx%lld", name, w, h, want_w, want_h);
		return 1;
	}
	return 0;
}

/* A photo decodes, whole, to the size stored with it, and so does its
 * thumbnail, which is no larger than a thumbnail is made. */
static int judge_photo(sqlite3_stmt *st, struct strbuf *line)
{
	int rc = judge_jpeg(st, line, 5, "", HG_IMAGE_LONG_SIDE, sqlite3_column_int64(st, 3),
			    sqlite3_column_int64(st, 4));

	if (rc != 0)
		return rc;
	sb_free(line);
	return judge_jpeg(st, line, 6, " thumbnail", HG_IMAGE_THUMB_SIDE, -1, -1);
}

/* What `check` runs, in order: SQLite's own checks, then healgrid's rules
 * about what the database holds.  Without judge, a query returns one row
 * per problem: its line.  Limits come in as named parameters (see
 * bind_limits).  Adding a rule is adding a line.  Every verdict depends on
 * the file alone, never on the clock: a date after today (written while
 * the clock ran ahead, or in another time zone) is not a problem. */
static const struct invariant {
	const char *sql;
	check_judge_fn *judge;
} invariants[] = {
	{ "PRAGMA integrity_check", judge_integrity },
	{ "SELECT printf('%s row %s: refers to a missing %s', \"table\", coalesce(rowid, '?'),"
	  " parent) FROM pragma_foreign_key_check", NULL },
	/* treatments */
	{ "SELECT printf('treatment %d: date \"%s\" is not a real date', id, date)"
	  " FROM treatment WHERE date(julianday(date)) IS NOT date ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: device \"%s\" is not professional or home', id, device)"
	  " FROM treatment WHERE device NOT IN ('professional', 'home') ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: depth %s mm outside %s-%s', id, depth_mm, :depth_min,"
	  " :depth_max) FROM treatment WHERE depth_mm IS NOT NULL"
	  " AND (typeof(depth_mm) NOT IN ('real', 'integer')"
	  " OR depth_mm NOT BETWEEN :depth_min AND :depth_max) ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: window of %s days outside %d-%d', id, window_days,"
	  " :window_min, :window_max) FROM treatment WHERE typeof(window_days) != 'integer'"
	  " OR window_days NOT BETWEEN :window_min AND :window_max ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: unknown risks (bits %d)', id, risks & ~:risks)"
	  " FROM treatment WHERE typeof(risks) != 'integer' OR risks & ~:risks != 0"
	  " ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: skin type %s (%d-%d or none)', id, quote(skin_type),"
	  " :skin_min, :skin_max) FROM treatment WHERE skin_type IS NOT NULL"
	  " AND (typeof(skin_type) != 'integer' OR skin_type NOT BETWEEN :skin_min AND :skin_max)"
	  " ORDER BY id", NULL },
	{ "SELECT printf('treatment %d: note of %d bytes (at most %d)', id,"
	  " length(CAST(note AS BLOB)), :note_max) FROM treatment"
	  " WHERE length(CAST(note AS BLOB)) > :note_max ORDER BY id", NULL },
	/* check-ins: a day lies within its window, which is never wider than
	 * the widest window */
	{ "SELECT printf('treatment %d: day %s outside its window (days 0-%d)', c.treatment_id,"
	  " c.day, min(t.window_days, :window_max) - 1) FROM checkin c"
	  " JOIN treatment t ON t.id = c.treatment_id"
	  " WHERE typeof(c.day) != 'integer' OR c.day < 0"
	  " OR c.day >= min(t.window_days, :window_max) ORDER BY c.treatment_id, c.day", NULL },
	{ "SELECT printf('treatment %d day %s: %s rated %s (0-%d or none)', treatment_id, day,"
	  " name, quote(v), :rating_max) FROM (SELECT treatment_id, day, 'redness' AS name,"
	  " redness AS v FROM checkin UNION ALL SELECT treatment_id, day, 'swelling', swelling"
	  " FROM checkin UNION ALL SELECT treatment_id, day, 'bruising', bruising FROM checkin"
	  " UNION ALL SELECT treatment_id, day, 'bleeding', bleeding FROM checkin)"
	  " WHERE v IS NOT NULL AND (typeof(v) != 'integer' OR v NOT BETWEEN 0 AND :rating_max)"
	  " ORDER BY treatment_id, day, name", NULL },
	{ "SELECT printf('treatment %d day %s: unknown signs (bits %d)', treatment_id, day,"
	  " signs & ~:signs) FROM checkin WHERE signs IS NOT NULL"
	  " AND (typeof(signs) != 'integer' OR signs & ~:signs != 0)"
	  " ORDER BY treatment_id, day", NULL },
	{ "SELECT printf('treatment %d day %s: temperature stored as %s, not in whole tenths"
	  " of a degree', treatment_id, day, quote(temperature_dc)) FROM checkin"
	  " WHERE temperature_dc IS NOT NULL AND typeof(temperature_dc) != 'integer'"
	  " ORDER BY treatment_id, day", NULL },
	{ "SELECT printf('treatment %d day %s: temperature %.1f outside %.1f-%.1f °C', treatment_id,"
	  " day, temperature_dc / 10.0, :temp_min / 10.0, :temp_max / 10.0) FROM checkin"
	  " WHERE typeof(temperature_dc) = 'integer'"
	  " AND temperature_dc NOT BETWEEN :temp_min AND :temp_max ORDER BY treatment_id, day",
	  NULL },
	{ "SELECT printf('treatment %d day %s: unknown care items (bits %d)', treatment_id, day,"
	  " care & ~:care) FROM checkin WHERE care IS NOT NULL"
	  " AND (typeof(care) != 'integer' OR care & ~:care != 0)"
	  " ORDER BY treatment_id, day", NULL },
	{ "SELECT printf('treatment %d day %s: note of %d bytes (at most %d)', treatment_id,"
	  " day, length(CAST(note AS BLOB)), :note_max) FROM checkin"
	  " WHERE length(CAST(note AS BLOB)) > :note_max ORDER BY treatment_id, day", NULL },
	/* actions and the flags they resolve */
	{ "SELECT printf('action %d: date \"%s\" is not a real date', id, date)"
	  " FROM action WHERE date(julianday(date)) IS NOT date ORDER BY id", NULL },
	{ "SELECT printf('action %d: text of %d bytes (1-%d)', id,"
	  " coalesce(length(CAST(text AS BLOB)), 0), :action_text_max) FROM action"
	  " WHERE coalesce(length(CAST(text AS BLOB)), 0) NOT BETWEEN 1 AND :action_text_max"
	  " ORDER BY id", NULL },
	{ "SELECT printf('action %d: who is %s (clinician, self or not recorded)', id,"
	  " quote(who)) FROM action WHERE who IS NOT NULL AND who NOT IN ('clinician', 'self')"
	  " ORDER BY id", NULL },
	{ "SELECT action_id, kind, date FROM action_for ORDER BY action_id, date, kind",
	  judge_flag_kind },
	{ "SELECT printf('action %d: is for %s on \"%s\", which is not a real date', action_id,"
	  " kind, date) FROM action_for WHERE date(julianday(date)) IS NOT date"
	  " ORDER BY action_id, date, kind", NULL },
	/* medicines */
	{ "SELECT printf('medicine %d: %s \"%s\" is not a real date', id, name, d) FROM"
	  " (SELECT id, 'from' AS name, date_from AS d FROM medicine UNION ALL"
	  " SELECT id, 'to', date_to FROM medicine WHERE date_to IS NOT NULL)"
	  " WHERE date(julianday(d)) IS NOT d ORDER BY id, name", NULL },
	{ "SELECT printf('medicine %d: ends %s, before it starts (%s)', id, date_to, date_from)"
	  " FROM medicine WHERE date_to < date_from ORDER BY id", NULL },
	{ "SELECT printf('medicine %d: name of %d bytes (1-%d), dose of %d bytes (at most %d)',"
	  " id, coalesce(length(CAST(name AS BLOB)), 0), :medicine_text_max,"
	  " coalesce(length(CAST(dose AS BLOB)), 0), :medicine_text_max) FROM medicine"
	  " WHERE coalesce(length(CAST(name AS BLOB)), 0) NOT BETWEEN 1 AND :medicine_text_max"
	  " OR length(CAST(dose AS BLOB)) > :medicine_text_max ORDER BY id", NULL },
	/* photos and the profile */
	{ "SELECT printf('treatment %d day %s: %d photos (at most %d)', treatment_id, day,"
	  " count(*), :photos_max) FROM photo GROUP BY treatment_id, day"
	  " HAVING count(*) > :photos_max ORDER BY treatment_id, day", NULL },
	{ "SELECT id, treatment_id, day, width, height, jpeg, thumb FROM photo ORDER BY id",
	  judge_photo },
	{ "SELECT printf('profile: born \"%s\" is not a real date', born) FROM profile"
	  " WHERE born IS NOT NULL AND date(julianday(born)) IS NOT born", NULL },
};

/* The limits an invariant may name, bound where it does. */
static void bind_limits(sqlite3_stmt *st)
{
	static const struct { const char *name; long long v; } ints[] = {
		{ ":window_min", HG_WINDOW_MIN }, { ":window_max", HG_WINDOW_MAX },
		{ ":rating_max", HG_RATING_MAX }, { ":note_max", HG_NOTE_MAX },
		{ ":signs", (long long)HG_BIT(HG_SIGN_COUNT) - 1 },
		{ ":risks", (long long)HG_BIT(HG_RISK_COUNT) - 1 },
		{ ":care", (long long)HG_BIT(HG_CARE_COUNT) - 1 },
		{ ":skin_min", HG_SKIN_MIN }, { ":skin_max", HG_SKIN_MAX },
		{ ":temp_min", HG_TEMP_MIN }, { ":temp_max", HG_TEMP_MAX },
		{ ":action_text_max", HG_ACTION_TEXT_MAX },
		{ ":medicine_text_max", HG_MEDICINE_TEXT_MAX },
		{ ":photos_max", HG_PHOTOS_PER_DAY },
	};
	static const struct { const char *name; double v; } reals[] = {
		{ ":depth_min", HG_DEPTH_MIN }, { ":depth_max", HG_DEPTH_MAX },
	};
	int i;

	for (size_t k = 0; k < sizeof ints / sizeof ints[0]; k++)
		if ((i = sqlite3_bind_parameter_index(st, ints[k].name)) > 0)
			sqlite3_bind_int64(st, i, ints[k].v);
	for (size_t k = 0; k < sizeof reals / sizeof reals[0]; k++)
		if ((i = sqlite3_bind_parameter_index(st, reals[k].name)) > 0)
			sqlite3_bind_double(st, i, reals[k].v);
}

/* Run one checking query, each problem to fn as one line.  A query that
 * cannot run because the pages it reads are damaged is itself a problem,
 * said once; any other failure (out of memory) stops the check. */
static int check_query(struct hg_db *db, const struct invariant *inv, db_problem_fn *fn,
		       void *arg, size_t *problems, int *damaged)
{
	sqlite3_stmt *st = NULL;
	struct strbuf line = STRBUF_INIT;
	int rc = sqlite3_prepare_v2(db->sql, inv->sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		bind_limits(st);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const unsigned char *text = sqlite3_column_text(st, 0);

			/* text that SQLite could not allocate */
			if (!text && sqlite3_column_type(st, 0) != SQLITE_NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			sb_free(&line);
			if (inv->judge) {
				int j = inv->judge(st, &line);

				if (j < 0) {
					sb_free(&line);
					sqlite3_finalize(st);
					return HG_ERR_RUNTIME;
				}
				if (j == 0)
					continue;
			} else if (!text) {
				continue;
			}
			if (!inv->judge)
				sb_puts(&line, (const char *)text);
			for (size_t i = 0; i < line.len; i++)
				if (line.s[i] == '\n' || line.s[i] == '\r')
					line.s[i] = ' ';
			fn(sb_str(&line), arg);
			++*problems;
		}
	}
	sb_free(&line);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return HG_OK;
	if ((rc & 0xFF) != SQLITE_CORRUPT && (rc & 0xFF) != SQLITE_NOTADB &&
	    (rc & 0xFF) != SQLITE_IOERR)
		return db_sql_fail(db, rc);        /* out of memory, or a rule that is wrong */
	if (*damaged)
		return HG_OK;
	*damaged = 1;
	sb_printf(&line, "database file is damaged: %s", sqlite3_errmsg(db->sql));
	fn(sb_str(&line), arg);
	sb_free(&line);
	++*problems;
	return HG_OK;
}

int db_check(struct hg_db *db, db_problem_fn *fn, void *arg, size_t *problems)
{
	int rc = db_exec(db, "BEGIN");     /* one snapshot; nothing is written */
	int damaged = 0;

	*problems = 0;
	for (size_t i = 0; rc == HG_OK && i < sizeof invariants / sizeof invariants[0]; i++)
		rc = check_query(db, &invariants[i], fn, arg, problems, &damaged);
	db_rollback(db);
	return rc;
}
