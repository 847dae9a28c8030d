/* db.c — SQLite storage: opening and refusing files, and the prepared
 * queries on treatments, check-ins, actions, medicines, photos, the
 * profile and JSON.  Every statement is prepared once per connection and
 * reused.  Not here: the schema and its migrations (db_schema.c), the
 * rules of `check` (db_check.c), backup (db_backup.c); what these files
 * share is in db_int.h.  SQL lives only in these files of src/store/. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "healgrid/date.h"
#include "healgrid/db.h"
#include "healgrid/util.h"

#include "db_int.h"

#define T_COLS "id, date, device, depth_mm, area, products, risks, window_days, note," \
	" skin_type"
#define C_COLS "treatment_id, day, redness, swelling, bruising, bleeding, signs, note," \
	" temperature_dc, care"

static const char *const stmt_sql[ST_COUNT] = {
	[ST_T_INSERT] = "INSERT INTO treatment (id, date, device, depth_mm, area, products,"
			" risks, window_days, note, skin_type)"
			" VALUES (?9, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
	[ST_T_UPDATE] = "UPDATE treatment SET date = ?1, device = ?2, depth_mm = ?3,"
			" area = ?4, products = ?5, risks = ?6, window_days = ?7, note = ?8,"
			" skin_type = ?10 WHERE id = ?9",
	[ST_T_DELETE] = "DELETE FROM treatment WHERE id = ?1",
	[ST_T_GET]    = "SELECT " T_COLS " FROM treatment WHERE id = ?1",
	[ST_T_LATEST] = "SELECT id FROM treatment ORDER BY date DESC, id DESC LIMIT 1",
	[ST_T_LIST]   = "SELECT " T_COLS " FROM treatment ORDER BY date, id",
	[ST_T_FIND]   = "SELECT id FROM treatment WHERE date = ?1 AND area = ?2"
			" ORDER BY id LIMIT 1",
	[ST_C_GET]    = "SELECT " C_COLS " FROM checkin WHERE treatment_id = ?1 AND day = ?2",
	/* An upsert, not INSERT OR REPLACE: a replace deletes the row first,
	 * and the delete would cascade to the day's photos. */
	[ST_C_PUT]    = "INSERT INTO checkin (" C_COLS ", updated)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			" strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
			" ON CONFLICT (treatment_id, day) DO UPDATE SET redness = excluded.redness,"
			" swelling = excluded.swelling, bruising = excluded.bruising,"
			" bleeding = excluded.bleeding, signs = excluded.signs,"
			" note = excluded.note, temperature_dc = excluded.temperature_dc,"
			" care = excluded.care, updated = excluded.updated",
	[ST_C_DELETE] = "DELETE FROM checkin WHERE treatment_id = ?1 AND day = ?2",
	[ST_C_OF_TREATMENT] = "SELECT " C_COLS " FROM checkin WHERE treatment_id = ?1"
			" ORDER BY day",
	[ST_C_ALL]    = "SELECT c.treatment_id, c.day, c.redness, c.swelling, c.bruising,"
			" c.bleeding, c.signs, c.note, c.temperature_dc, c.care FROM treatment t"
			" JOIN checkin c ON c.treatment_id = t.id ORDER BY t.date, t.id, c.day",
	[ST_DATA_VERSION] = "PRAGMA data_version",
	[ST_C_DAYS]   = "SELECT day FROM checkin WHERE treatment_id = ?1 ORDER BY day",
	[ST_C_RENUMBER] = "UPDATE checkin SET day = ?3 WHERE treatment_id = ?1 AND day = ?2",
	[ST_T_CURRENT] = "SELECT id FROM treatment WHERE date <= ?1 ORDER BY date DESC, id DESC"
			" LIMIT 1",
	[ST_A_INSERT] = "INSERT INTO action (id, treatment_id, date, text, who)"
			" VALUES (?4, ?1, ?2, ?3, ?5)",
	/* A reference given by rule only (a version 2 flag id) is stored by
	 * that rule's kind; one to a precaution is not stored.  References
	 * to one kind and date are one. */
	[ST_A_FLAG_INSERT] = "INSERT OR IGNORE INTO action_for (action_id, kind, date)"
			" SELECT ?1, k, ?3 FROM (SELECT coalesce(?2, hg_v2_kind(?4, t.risks,"
			" t.area)) AS k FROM treatment t WHERE t.id = ?5) WHERE k IS NOT NULL",
	[ST_A_DELETE] = "DELETE FROM action WHERE id = ?1",
	[ST_A_LIST]   = "SELECT id, treatment_id, date, text, who FROM action"
			" WHERE ?1 = 0 OR treatment_id = ?1 ORDER BY id",
	[ST_A_FLAG_LIST] = "SELECT f.action_id, f.kind, f.date FROM action_for f"
			" JOIN action a ON a.id = f.action_id"
			" WHERE ?1 = 0 OR a.treatment_id = ?1 ORDER BY f.action_id, f.date, f.kind",
	[ST_A_FIRST_DATE] = "SELECT min(date) FROM action WHERE treatment_id = ?1",
	[ST_M_INSERT] = "INSERT INTO medicine (id, treatment_id, name, dose, date_from, date_to)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_M_STOP]   = "UPDATE medicine SET date_to = ?2 WHERE id = ?1",
	[ST_BEYOND_CSV] = "SELECT EXISTS (SELECT 1 FROM photo), EXISTS (SELECT 1 FROM action),"
			" EXISTS (SELECT 1 FROM medicine), EXISTS (SELECT 1 FROM profile)",
	[ST_M_DELETE] = "DELETE FROM medicine WHERE id = ?1",
	[ST_M_GET]    = "SELECT id, treatment_id, name, dose, date_from, date_to FROM medicine"
			" WHERE id = ?1",
	[ST_M_LIST]   = "SELECT m.id, m.treatment_id, m.name, m.dose, m.date_from, m.date_to"
			" FROM medicine m JOIN treatment t ON t.id = m.treatment_id"
			" WHERE ?1 = 0 OR m.treatment_id = ?1"
			" ORDER BY t.date, t.id, m.date_from, m.id",
	[ST_PH_INSERT] = "INSERT INTO photo (id, treatment_id, day, jpeg, thumb, width, height,"
			" bytes, added) VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7,"
			" coalesce(?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
	[ST_PH_COUNT] = "SELECT count(*) FROM photo WHERE treatment_id = ?1 AND day = ?2",
	[ST_PH_LIST]  = "SELECT p.id, p.treatment_id, p.day, t.date, p.width, p.height, p.bytes,"
			" p.added FROM photo p JOIN treatment t ON t.id = p.treatment_id"
			" WHERE p.treatment_id = ?1 ORDER BY p.day, p.id",
	[ST_PH_LIST_ALL] = "SELECT p.id, p.treatment_id, p.day, t.date, p.width, p.height,"
			" p.bytes, p.added FROM photo p JOIN treatment t ON t.id = p.treatment_id"
			" ORDER BY t.date, t.id, p.day, p.id",
	/* Only what the index photo_by_day holds: no photo row is read. */
	[ST_PH_DAYS]  = "SELECT p.id, p.day FROM photo p"
			" WHERE p.treatment_id = ?1 ORDER BY p.day, p.id",
	[ST_PH_GET]   = "SELECT p.id, p.treatment_id, p.day, t.date, p.width, p.height, p.bytes,"
			" p.added, p.jpeg, p.thumb FROM photo p JOIN treatment t"
			" ON t.id = p.treatment_id WHERE p.id = ?1",
	[ST_PH_DELETE] = "DELETE FROM photo WHERE id = ?1",
	/* A day whose last photo went and that records nothing else is
	 * removed, as a check-in never stays stored empty.  (A column added
	 * to checkin that holds content must be named here.) */
	[ST_PH_PRUNE_DAY] = "DELETE FROM checkin WHERE treatment_id = ?1 AND day = ?2"
			" AND redness IS NULL AND swelling IS NULL AND bruising IS NULL"
			" AND bleeding IS NULL AND coalesce(signs, 0) = 0 AND note = ''"
			" AND temperature_dc IS NULL AND coalesce(care, 0) = 0"
			" AND NOT EXISTS (SELECT 1 FROM photo WHERE treatment_id = ?1 AND day = ?2)",
	[ST_PR_GET]   = "SELECT name, born, clinic FROM profile WHERE id = 1",
	[ST_PR_PUT]   = "INSERT INTO profile (id, name, born, clinic) VALUES (1, ?1, ?2, ?3)"
			" ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
			" born = excluded.born, clinic = excluded.clinic",
	[ST_PR_CLEAR] = "DELETE FROM profile",
};

const char *db_path(const struct hg_db *db)
{
	return db->path;
}

/* SQLite ran out of memory: the same one line as healgrid's own
 * allocations, returned so the caller's rollback and clean-up still run. */
int db_nomem_fail(void)
{
	return hg_fail(HG_ERR_RUNTIME, "out of memory");
}

/* Turn an SQLite result code into one readable line. */
int db_sql_fail(struct hg_db *db, int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_NOMEM:
		return db_nomem_fail();
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return hg_fail(HG_ERR_RUNTIME, "%s: database is locked by another program"
			       " (waited %d s); try again", db->path, HG_DB_BUSY_TIMEOUT_MS / 1000);
	case SQLITE_FULL:
		return hg_fail(HG_ERR_RUNTIME, "%s: disk full; nothing was saved", db->path);
	case SQLITE_READONLY:
		return hg_fail(HG_ERR_RUNTIME, "%s: database is read-only; nothing was saved",
			       db->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return hg_fail(HG_ERR_RUNTIME, "%s: database file is damaged (%s)",
			       db->path, sqlite3_errmsg(db->sql));
	case SQLITE_IOERR:
		/* A write or fsync that failed for want of room: disk full. */
		if (sqlite3_system_errno(db->sql) == ENOSPC)
			return hg_fail(HG_ERR_RUNTIME, "%s: disk full; nothing was saved",
				       db->path);
		/* fall through */
	case SQLITE_CANTOPEN:
		return hg_fail(HG_ERR_RUNTIME, "%s: cannot read or write the database (%s)",
			       db->path, sqlite3_errmsg(db->sql));
	default:
		return hg_fail(HG_ERR_RUNTIME, "%s: database error: %s", db->path,
			       sqlite3_errmsg(db->sql));
	}
}

static sqlite3_stmt *stmt_get(struct hg_db *db, enum stmt_id id)
{
	if (!db->stmt[id]) {
		if (sqlite3_prepare_v3(db->sql, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       &db->stmt[id], NULL) != SQLITE_OK) {
			db_sql_fail(db, sqlite3_errcode(db->sql));
			return NULL;
		}
	} else {
		sqlite3_reset(db->stmt[id]);
		sqlite3_clear_bindings(db->stmt[id]);
	}
	return db->stmt[id];
}

int db_exec(struct hg_db *db, const char *sql)
{
	int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? HG_OK : db_sql_fail(db, rc);
}

/* Run a statement that returns no rows. */
static int step_done(struct hg_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? HG_OK : db_sql_fail(db, rc);
}

int db_begin(struct hg_db *db)
{
	return db_exec(db, "BEGIN IMMEDIATE");
}

int db_commit(struct hg_db *db)
{
	int rc = db_exec(db, "COMMIT");

	if (rc != HG_OK)
		db_rollback(db);
	return rc;
}

void db_rollback(struct hg_db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

int db_in_transaction(struct hg_db *db)
{
	return !sqlite3_get_autocommit(db->sql);
}

/* Writes open their own transaction unless the caller holds one. */
static int write_begin(struct hg_db *db, int *own)
{
	*own = sqlite3_get_autocommit(db->sql);
	return *own ? db_begin(db) : HG_OK;
}

static int write_end(struct hg_db *db, int own, int rc)
{
	if (!own)
		return rc;
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---- opening ---------------------------------------------------------- */

static int make_dirs_0700(const char *dir)
{
	char *copy = xstrdup(dir);
	int rc = 0;

	for (char *p = copy + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;
			*p = '\0';
			if (mkdir(copy, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*p = saved;
			if (rc || saved == '\0')
				break;
		}
	}
	free(copy);
	return rc;
}

int db_default_path(char **out, int *is_default)
{
	const char *env = getenv("HEALGRID_DB");
	struct strbuf sb = STRBUF_INIT;

	*is_default = 0;
	if (env && *env) {
		*out = xstrdup(env);
		return HG_OK;
	}
	*is_default = 1;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/') {
		sb_printf(&sb, "%s/healgrid/healgrid.db", xdg);
	} else {
		const char *home = getenv("HOME");
		if (!home || !*home)
			return hg_fail(HG_ERR_RUNTIME, "HOME is not set: use --db PATH");
		sb_printf(&sb, "%s/.local/share/healgrid/healgrid.db", home);
	}
	*out = sb_detach(&sb);
	return HG_OK;
}

int db_read_pragma_int(struct hg_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int connect(struct hg_db *db, const char *file, int flags)
{
	/* One thread per connection: SQLite's own mutexes (a lock and unlock
	 * around every sqlite3_column_* call) cost a fifth of a large read. */
	int rc = sqlite3_open_v2(file, &db->sql, flags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		if (!db->sql || (rc & 0xFF) == SQLITE_NOMEM)
			return db_nomem_fail();
		return hg_fail(HG_ERR_RUNTIME, "%s: cannot open database: %s", db->path,
			       sqlite3_errmsg(db->sql));
	}
	sqlite3_extended_result_codes(db->sql, 1);
	/* Until the file is known to be ours, closing must not checkpoint: that
	 * would copy another program's write-ahead log into its database. */
	sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	sqlite3_busy_timeout(db->sql, HG_DB_BUSY_TIMEOUT_MS);
	rc = db_add_functions(db);
	if (rc != SQLITE_OK)
		return db_sql_fail(db, rc);
	return db_exec(db, "PRAGMA foreign_keys = ON");
}

/* Move the finished file tmp to dest, never replacing a file at dest:
 * link() where the file system has hard links; else rename() with
 * RENAME_NOREPLACE; else (a file system that knows neither) rename() once
 * lstat() has found dest free.  0 when placed (tmp may still need
 * unlinking), else -1 with errno (EEXIST: something is at dest). */
int db_place_new_file(const char *tmp, const char *dest)
{
	struct stat st;

	if (link(tmp, dest) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
	/* No hard links here (EPERM, EOPNOTSUPP, ENOSYS, ...): any real
	 * problem (EACCES, ENOSPC, EROFS) comes back from rename too. */
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		return -1;
#endif
	if (lstat(dest, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, dest);
}

/* The temporary name a database is built under: "PATH.new-PID". */
static void new_name(struct strbuf *sb, const char *path, long pid)
{
	sb_printf(sb, "%s.new-%ld", path, pid);
}

/* Remove tmp and the log and index SQLite may have left beside it. */
static void unlink_with_logs(struct strbuf *tmp)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	size_t len = tmp->len;

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		tmp->len = len;
		tmp->s[len] = '\0';
		sb_puts(tmp, suffix[i]);
		unlink(sb_str(tmp));
	}
	tmp->len = len;
	tmp->s[len] = '\0';
}

/* A creation killed part-way leaves PATH.new-PID (and its -wal, -shm)
 * behind.  Remove those whose process is gone; a live process's are left
 * alone (kill(pid, 0) succeeds, or fails with EPERM: it exists but
 * belongs to someone else). */
static void remove_stale_new(const char *path)
{
	char *dir = hg_dirname(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t blen = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		const char *p = e->d_name;
		char *end;
		long pid;

		if (strncmp(p, base, blen) != 0 || strncmp(p + blen, ".new-", 5) != 0)
			continue;
		p += blen + 5;
		if (*p < '1' || *p > '9')
			continue;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (errno || pid <= 0 || (pid_t)pid != pid || (*end && *end != '-'))
			continue;
		if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		struct strbuf tmp = STRBUF_INIT;
		new_name(&tmp, path, pid);
		unlink_with_logs(&tmp);
		sb_free(&tmp);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* A new database is built under a temporary name and moved into place
 * only when complete (never over a file that appeared meanwhile), so a
 * crash never leaves a half-made file that later looks foreign. */
static int create_new(struct hg_db *db)
{
	struct strbuf tmp = STRBUF_INIT;
	int rc;

	new_name(&tmp, db->path, (long)getpid());
	unlink_with_logs(&tmp);
	rc = connect(db, sb_str(&tmp), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	if (rc == HG_OK) {
		/* Ours from the start: closing must copy the log into the file. */
		sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
		rc = db_exec(db, "PRAGMA journal_mode = WAL");
	}
	if (rc == HG_OK)
		rc = db_migrate(db, 0);
	if (rc == HG_OK) {
		/* Everything into the file itself before it moves into place
		 * without its log: closing checkpoints too, but says nothing
		 * when that fails (a full disk). */
		int crc = sqlite3_wal_checkpoint_v2(db->sql, "main", SQLITE_CHECKPOINT_TRUNCATE,
						    NULL, NULL);
		if (crc != SQLITE_OK)
			rc = db_sql_fail(db, crc);
	}
	sqlite3_close(db->sql);
	db->sql = NULL;
	if (rc == HG_OK) {
		chmod(sb_str(&tmp), 0600);
		/* EEXIST: another healgrid made it meanwhile; open that one. */
		if (db_place_new_file(sb_str(&tmp), db->path) != 0 && errno != EEXIST)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot create database: %s",
				     db->path, strerror(errno));
	}
	unlink_with_logs(&tmp);
	sb_free(&tmp);
	return rc;
}

/* Look at the 100-byte SQLite header before SQLite does.  SQLite takes a
 * file shorter than its header for an empty database (and would write one
 * over it), and reads a file cut inside its last page without complaint
 * (and would write past the cut).  The in-header page count is trusted
 * only when SQLite marks it valid and no write-ahead log is waiting: a
 * checkpoint cut short by a crash leaves the file shorter than the header
 * says until the log is replayed, which is normal. */
static int check_header(const char *path, off_t size)
{
	unsigned char h[100];
	struct stat st;
	struct strbuf wal = STRBUF_INIT;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got = fd < 0 ? -1 : read(fd, h, sizeof h);
	int err = errno;

	if (fd >= 0)
		close(fd);
	if (got < 0)
		return hg_fail(HG_ERR_RUNTIME, "%s: %s", path, strerror(err));
	if (got < 16 || memcmp(h, "SQLite format 3", 16) != 0)
		return hg_fail(HG_ERR_RUNTIME, "%s: not a healgrid database (not an SQLite"
			       " file); it was not changed", path);
	if (size < (off_t)sizeof h || got < (ssize_t)sizeof h)
		return hg_fail(HG_ERR_RUNTIME, "%s: database file is damaged (truncated:"
			       " %lld bytes); it was not changed", path, (long long)size);

	unsigned page = (unsigned)h[16] << 8 | h[17];
	uint32_t changes = (uint32_t)h[24] << 24 | (uint32_t)h[25] << 16 |
			   (uint32_t)h[26] << 8 | h[27];
	uint32_t pages = (uint32_t)h[28] << 24 | (uint32_t)h[29] << 16 |
			 (uint32_t)h[30] << 8 | h[31];
	uint32_t valid_for = (uint32_t)h[92] << 24 | (uint32_t)h[93] << 16 |
			     (uint32_t)h[94] << 8 | h[95];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)) != 0)
		return hg_fail(HG_ERR_RUNTIME, "%s: database file is damaged (bad page size"
			       " %u); it was not changed", path, page);

	sb_printf(&wal, "%s-wal", path);
	int log_waiting = stat(sb_str(&wal), &st) == 0 && st.st_size > 0;
	sb_free(&wal);
	if (log_waiting)
		return HG_OK;
	if (size % page != 0 || (changes == valid_for && (off_t)pages * page > size))
		return hg_fail(HG_ERR_RUNTIME, "%s: database file is damaged (truncated:"
			       " %lld bytes, expected %lld); it was not changed", path,
			       (long long)size, (long long)pages * page);
	return HG_OK;
}

static int db_open_as(const char *path, int make_dirs, int reading, struct hg_db **out);

int db_open(const char *path, int make_dirs, struct hg_db **out)
{
	return db_open_as(path, make_dirs, 0, out);
}

static int db_open_as(const char *path, int make_dirs, int reading, struct hg_db **out)
{
	struct hg_db *db = xcalloc(1, sizeof *db);
	char *dir = hg_dirname(path);
	struct stat st;
	int rc = HG_OK;

	db->path = xstrdup(path);
	db->reading = reading;
	*out = NULL;
	if (make_dirs && stat(dir, &st) != 0 && make_dirs_0700(dir) != 0)
		rc = hg_fail(HG_ERR_RUNTIME, "cannot create folder %s: %s", dir, strerror(errno));
	if (rc == HG_OK && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
		rc = hg_fail(HG_ERR_RUNTIME, "%s: folder %s does not exist", path, dir);
	if (rc == HG_OK)
		remove_stale_new(path);
	if (rc == HG_OK && stat(path, &st) != 0) {
		if (errno == ENOENT && lstat(path, &st) == 0)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: a symbolic link to a file that does"
				     " not exist; give --db the real path, or remove the link",
				     path);
		else if (errno == ENOENT)
			rc = create_new(db);
		else
			rc = hg_fail(HG_ERR_RUNTIME, "%s: %s", path, strerror(errno));
		/* What is there now: ours, or another healgrid's made meanwhile. */
		if (rc == HG_OK && stat(path, &st) != 0)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: %s", path, strerror(errno));
	}
	if (rc == HG_OK && !S_ISREG(st.st_mode))
		rc = hg_fail(HG_ERR_RUNTIME, "%s: not a regular file", path);
	if (rc == HG_OK && st.st_size == 0)
		rc = hg_fail(HG_ERR_RUNTIME, "%s: not a healgrid database (empty file)", path);
	if (rc == HG_OK)
		rc = check_header(path, st.st_size);
	if (rc == HG_OK) {
		/* A file without write permission is opened read-only even by
		 * root, who could write it anyway: its owner marked it so. */
		int writable = access(path, W_OK) == 0 && (st.st_mode & 0222) != 0;
		rc = connect(db, path, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
	}
	if (rc == HG_OK) {
		int app = 0, version = 0;
		int src = db_read_pragma_int(db, "PRAGMA application_id", &app);

		if (src == SQLITE_OK)
			src = db_read_pragma_int(db, "PRAGMA user_version", &version);
		if ((src & 0xFF) == SQLITE_NOTADB || (src & 0xFF) == SQLITE_CORRUPT)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: not a healgrid database"
				     " (not an SQLite file, or damaged)", path);
		else if (src != SQLITE_OK)
			rc = db_sql_fail(db, src);
		else if (app != HG_DB_APPLICATION_ID)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: not a healgrid database"
				     " (it belongs to another program); it was not changed", path);
		else if (version > db_schema_version())
			rc = hg_fail(HG_ERR_RUNTIME, "%s: made by a newer healgrid (schema %d,"
				     " this one knows %d); upgrade healgrid", path, version,
				     db_schema_version());
		else if (version < 1)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: not a healgrid database (no schema)", path);
		else if (version < db_schema_version() && db->reading &&
			 sqlite3_db_readonly(db->sql, "main") == 1)
			rc = db_upgrade_copy(db, version);
		else if (version < db_schema_version())
			rc = db_migrate(db, version);
	}
	/* Ours: from now on closing checkpoints as usual. */
	if (rc == HG_OK)
		sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
	free(dir);
	if (rc != HG_OK) {
		db_close(db);
		return rc;
	}
	*out = db;
	return HG_OK;
}

int db_open_existing(const char *path, struct hg_db **out, int *missing)
{
	struct stat st;

	*out = NULL;
	*missing = stat(path, &st) != 0 && errno == ENOENT;
	if (*missing)
		return HG_ERR_RUNTIME;
	return db_open(path, 0, out);
}

int db_open_reading(const char *path, struct hg_db **out, int *missing)
{
	struct stat st;

	*out = NULL;
	*missing = stat(path, &st) != 0 && errno == ENOENT;
	if (*missing)
		return HG_ERR_RUNTIME;
	return db_open_as(path, 0, 1, out);
}

void db_close(struct hg_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->sql);
	free(db->path);
	free(db);
}

/* ---- treatments ------------------------------------------------------- */

static char *col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	/* NULL for a value that is not NULL: SQLite could not allocate its
	 * text form.  Never read that as "" (an export would lose the note). */
	if (!s && sqlite3_column_type(st, col) != SQLITE_NULL)
		hg_out_of_memory();
	return xstrdup(s ? (const char *)s : "");
}

static int row_treatment(struct hg_db *db, sqlite3_stmt *st, struct hg_treatment *t)
{
	const unsigned char *date = sqlite3_column_text(st, 1);
	const unsigned char *dev = sqlite3_column_text(st, 2);
	int device = dev ? model_device_lookup((const char *)dev) : -1;

	model_treatment_init(t);
	t->id = sqlite3_column_int64(st, 0);
	if (!date || date_parse((const char *)date, &t->date) != 0 || device < 0)
		return hg_fail(HG_ERR_RUNTIME, "%s: treatment %lld has a damaged date"
			       " or device", db->path, (long long)t->id);
	t->device = (enum hg_device)device;
	t->depth = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 3);
	t->area = col_text(st, 4);
	t->products = col_text(st, 5);
	t->risks = (unsigned)sqlite3_column_int64(st, 6) & (HG_BIT(HG_RISK_COUNT) - 1);
	t->window = sqlite3_column_int(st, 7);
	t->note = col_text(st, 8);
	t->skin_type = sqlite3_column_type(st, 9) == SQLITE_NULL ? HG_SKIN_NONE
		: sqlite3_column_int(st, 9);
	return HG_OK;
}

/* Bind a copy of text that does not outlive the call: the one kind of
 * bind that allocates, so the one that can fail (out of memory).  A
 * failed bind leaves the parameter NULL, and a lookup would find nothing. */
static int bind_copy(sqlite3_stmt *st, int i, const char *s)
{
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) == SQLITE_OK
		? HG_OK : db_nomem_fail();
}

static int bind_treatment(sqlite3_stmt *st, const struct hg_treatment *t)
{
	char date[HG_DATE_LEN];

	date_format(t->date, date);
	if (bind_copy(st, 1, date) != HG_OK)
		return HG_ERR_RUNTIME;
	sqlite3_bind_text(st, 2, model_device_name(t->device), -1, SQLITE_STATIC);
	if (t->depth > 0)
		sqlite3_bind_double(st, 3, t->depth);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, t->area ? t->area : "face", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->products ? t->products : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, t->risks);
	sqlite3_bind_int(st, 7, t->window);
	sqlite3_bind_text(st, 8, t->note ? t->note : "", -1, SQLITE_STATIC);
	if (t->skin_type >= HG_SKIN_MIN && t->skin_type <= HG_SKIN_MAX)
		sqlite3_bind_int(st, 10, t->skin_type);
	else
		sqlite3_bind_null(st, 10);
	return HG_OK;
}

static int treatment_insert(struct hg_db *db, struct hg_treatment *t, int keep_id)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_T_INSERT) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK)
		rc = bind_treatment(st, t);
	if (rc == HG_OK && keep_id)
		sqlite3_bind_int64(st, 9, t->id);
	if (rc == HG_OK) {
		rc = step_done(db, st);
		if (rc == HG_OK)
			t->id = sqlite3_last_insert_rowid(db->sql);
	}
	return write_end(db, own, rc);
}

int db_treatment_add(struct hg_db *db, struct hg_treatment *t)
{
	return treatment_insert(db, t, 0);
}

int db_treatment_add_as(struct hg_db *db, struct hg_treatment *t)
{
	return treatment_insert(db, t, 1);
}

int db_treatment_update(struct hg_db *db, const struct hg_treatment *t)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_T_UPDATE) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK)
		rc = bind_treatment(st, t);
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 9, t->id);
		rc = step_done(db, st);
		if (rc == HG_OK && sqlite3_changes(db->sql) == 0)
			rc = hg_fail(HG_ERR_INPUT, "no treatment %lld", (long long)t->id);
	}
	return write_end(db, own, rc);
}

/* Delete the row of statement `which` (one ?1 id parameter); "no WHAT ID"
 * (HG_ERR_INPUT) when there is none. */
static int delete_by_id(struct hg_db *db, enum stmt_id which, const char *what, int64_t id)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, which) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = step_done(db, st);
		if (rc == HG_OK && sqlite3_changes(db->sql) == 0)
			rc = hg_fail(HG_ERR_INPUT, "no %s %lld", what, (long long)id);
	}
	return write_end(db, own, rc);
}

int db_treatment_delete(struct hg_db *db, int64_t id)
{
	return delete_by_id(db, ST_T_DELETE, "treatment", id);
}

int db_treatment_get(struct hg_db *db, int64_t id, struct hg_treatment *out)
{
	sqlite3_stmt *st = stmt_get(db, ST_T_GET);
	int rc;

	model_treatment_init(out);
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = row_treatment(db, st, out);
	else if (rc == SQLITE_DONE)
		rc = hg_fail(HG_ERR_INPUT, "no treatment %lld", (long long)id);
	else
		rc = db_sql_fail(db, rc);
	sqlite3_reset(st);
	if (rc != HG_OK)
		model_treatment_free(out);
	return rc;
}

static int query_id(struct hg_db *db, sqlite3_stmt *st, int64_t *id)
{
	int rc = sqlite3_step(st);

	*id = 0;
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? HG_OK : db_sql_fail(db, rc);
}

int db_treatment_latest(struct hg_db *db, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(db, ST_T_LATEST);

	*id = 0;
	return st ? query_id(db, st, id) : HG_ERR_RUNTIME;
}

int db_treatment_current(struct hg_db *db, int today, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(db, ST_T_CURRENT);
	char d[HG_DATE_LEN];

	*id = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	date_format(today, d);
	if (bind_copy(st, 1, d) != HG_OK)
		return HG_ERR_RUNTIME;
	return query_id(db, st, id);
}

int db_treatment_find(struct hg_db *db, int date, const char *area, int64_t *id)
{
	sqlite3_stmt *st = stmt_get(db, ST_T_FIND);
	char d[HG_DATE_LEN];

	*id = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	date_format(date, d);
	if (bind_copy(st, 1, d) != HG_OK)
		return HG_ERR_RUNTIME;
	sqlite3_bind_text(st, 2, area, -1, SQLITE_STATIC);
	return query_id(db, st, id);
}

int db_treatment_list(struct hg_db *db, struct hg_treatment **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(db, ST_T_LIST);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		if (row_treatment(db, st, &(*out)[*n]) != HG_OK) {
			model_treatment_free(&(*out)[*n]);
			rc = SQLITE_ERROR;
			break;
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rc = rc == SQLITE_ERROR ? HG_ERR_RUNTIME : db_sql_fail(db, rc);
		db_treatments_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	return HG_OK;
}

void db_treatments_free(struct hg_treatment *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_treatment_free(&t[i]);
	free(t);
}

/* ---- check-ins -------------------------------------------------------- */

static void row_checkin(sqlite3_stmt *st, struct hg_checkin *c)
{
	model_checkin_init(c);
	c->treatment_id = sqlite3_column_int64(st, 0);
	c->day = sqlite3_column_int(st, 1);
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		c->rating[i] = sqlite3_column_type(st, 2 + i) == SQLITE_NULL
			? HG_UNRATED : sqlite3_column_int(st, 2 + i);
	/* NULL signs or care: not assessed */
	c->signs_assessed = sqlite3_column_type(st, 6) != SQLITE_NULL;
	c->signs = (unsigned)sqlite3_column_int64(st, 6) & (HG_BIT(HG_SIGN_COUNT) - 1);
	c->note = col_text(st, 7);
	c->temp = sqlite3_column_type(st, 8) == SQLITE_NULL ? HG_TEMP_NONE
		: sqlite3_column_int(st, 8);
	c->care_assessed = sqlite3_column_type(st, 9) != SQLITE_NULL;
	c->care = (unsigned)sqlite3_column_int64(st, 9) & (HG_BIT(HG_CARE_COUNT) - 1);
}

int db_checkin_get(struct hg_db *db, int64_t tid, int day, struct hg_checkin *out, int *found)
{
	sqlite3_stmt *st = stmt_get(db, ST_C_GET);
	int rc;

	model_checkin_init(out);
	out->treatment_id = tid;
	out->day = day;
	*found = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_int(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_checkin(st, out);
		*found = 1;
	}
	sqlite3_reset(st);
	if (!*found)
		out->note = xstrdup("");
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? HG_OK : db_sql_fail(db, rc);
}

/* Store c as it is (an upsert: the day's photos stay); with prune, a day
 * that then records nothing and has no photo is removed. */
static int checkin_store(struct hg_db *db, const struct hg_checkin *c, int prune)
{
	int own, rc;
	sqlite3_stmt *st;

	rc = write_begin(db, &own);
	st = rc == HG_OK ? stmt_get(db, ST_C_PUT) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 1, c->treatment_id);
		sqlite3_bind_int(st, 2, c->day);
		for (int i = 0; i < HG_SYMPTOM_COUNT; i++) {
			if (c->rating[i] == HG_UNRATED)
				sqlite3_bind_null(st, 3 + i);
			else
				sqlite3_bind_int(st, 3 + i, c->rating[i]);
		}
		/* A list is stored when assessed (a sign ticked says so too),
		 * else NULL: not assessed. */
		if (c->signs_assessed || c->signs)
			sqlite3_bind_int64(st, 7, c->signs);
		else
			sqlite3_bind_null(st, 7);
		sqlite3_bind_text(st, 8, c->note ? c->note : "", -1, SQLITE_STATIC);
		if (c->temp == HG_TEMP_NONE)
			sqlite3_bind_null(st, 9);
		else
			sqlite3_bind_int(st, 9, c->temp);
		if (c->care_assessed || c->care)
			sqlite3_bind_int64(st, 10, c->care);
		else
			sqlite3_bind_null(st, 10);
		rc = step_done(db, st);
	}
	if (rc == HG_OK && prune && model_checkin_is_empty(c)) {
		st = stmt_get(db, ST_PH_PRUNE_DAY);
		if (!st) {
			rc = HG_ERR_RUNTIME;
		} else {
			sqlite3_bind_int64(st, 1, c->treatment_id);
			sqlite3_bind_int(st, 2, c->day);
			rc = step_done(db, st);
		}
	}
	return write_end(db, own, rc);
}

int db_checkin_put(struct hg_db *db, const struct hg_checkin *c)
{
	return checkin_store(db, c, 1);
}

int db_checkin_put_keep(struct hg_db *db, const struct hg_checkin *c)
{
	return checkin_store(db, c, 0);
}

int db_checkin_renumber(struct hg_db *db, int64_t tid, int delta)
{
	sqlite3_stmt *st;
	int *days = NULL, own, rc = write_begin(db, &own);
	size_t n = 0, cap = 0;

	st = rc == HG_OK ? stmt_get(db, ST_C_DAYS) : NULL;
	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		int src;
		sqlite3_bind_int64(st, 1, tid);
		while ((src = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? 2 * cap : 32;
				days = xrealloc(days, cap * sizeof *days);
			}
			days[n++] = sqlite3_column_int(st, 0);
		}
		if (src != SQLITE_DONE)
			rc = db_sql_fail(db, src);
		sqlite3_reset(st);
	}
	st = rc == HG_OK ? stmt_get(db, ST_C_RENUMBER) : NULL;
	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	/* Every day moves by the same amount: taken in the direction of the
	 * move, no day lands on one not yet moved. */
	for (size_t k = 0; rc == HG_OK && k < n; k++) {
		size_t i = delta > 0 ? k : n - 1 - k;
		sqlite3_bind_int64(st, 1, tid);
		sqlite3_bind_int(st, 2, days[i]);
		sqlite3_bind_int(st, 3, days[i] - delta);
		rc = step_done(db, st);
	}
	free(days);
	return write_end(db, own, rc);
}

int db_checkin_delete(struct hg_db *db, int64_t tid, int day)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_C_DELETE) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 1, tid);
		sqlite3_bind_int(st, 2, day);
		rc = step_done(db, st);
	}
	return write_end(db, own, rc);
}

static void recovery_push(struct hg_recovery *r, size_t *cap, sqlite3_stmt *st)
{
	if (r->ndays == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		r->days = xrealloc(r->days, *cap * sizeof *r->days);
	}
	row_checkin(st, &r->days[r->ndays++]);
}

int db_recovery_load(struct hg_db *db, int64_t tid, struct hg_recovery *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = db_treatment_get(db, tid, &out->t);
	if (rc != HG_OK)
		return rc;
	st = stmt_get(db, ST_C_OF_TREATMENT);
	if (!st) {
		model_recovery_free(out);
		return HG_ERR_RUNTIME;
	}
	sqlite3_bind_int64(st, 1, tid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		recovery_push(out, &cap, st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		model_recovery_free(out);
		return db_sql_fail(db, rc);
	}
	return HG_OK;
}

int db_recovery_each(struct hg_db *db, db_recovery_fn *fn, void *arg)
{
	/* A read transaction, so the treatment list and the check-ins are
	 * one snapshot even with a writer beside us. */
	int own = sqlite3_get_autocommit(db->sql);
	int rc = own ? db_exec(db, "BEGIN") : HG_OK;
	struct hg_treatment *t = NULL;
	sqlite3_stmt *st = NULL;
	size_t nt = 0;
	int step = SQLITE_DONE;

	if (rc == HG_OK)
		rc = db_treatment_list(db, &t, &nt);
	if (rc == HG_OK && !(st = stmt_get(db, ST_C_ALL)))
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK)
		step = sqlite3_step(st);
	/* Both lists come in (date, id) order, so one pass pairs them. */
	for (size_t i = 0; i < nt && rc == HG_OK; i++) {
		struct hg_recovery r = { .t = t[i] };
		size_t cap = 0;

		while (step == SQLITE_ROW && sqlite3_column_int64(st, 0) == t[i].id) {
			recovery_push(&r, &cap, st);
			step = sqlite3_step(st);
		}
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			rc = db_sql_fail(db, step);
		else
			rc = fn(&r, i, nt, arg);
		for (size_t k = 0; k < r.ndays; k++)
			model_checkin_free(&r.days[k]);
		free(r.days);
	}
	if (rc == HG_OK && step == SQLITE_ROW)    /* a check-in out of order */
		rc = hg_fail(HG_ERR_RUNTIME, "%s: database file is damaged (check-ins"
			     " out of order)", db->path);
	if (st)
		sqlite3_reset(st);
	db_treatments_free(t, nt);
	if (own)
		sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	return rc;
}

int db_data_version(struct hg_db *db, int64_t *out)
{
	sqlite3_stmt *st = stmt_get(db, ST_DATA_VERSION);

	*out = 0;
	return st ? query_id(db, st, out) : HG_ERR_RUNTIME;
}

/* ---- actions ---------------------------------------------------------- */

static int action_insert(struct hg_db *db, struct hg_action *a, int keep_id)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_A_INSERT) : NULL;
	const char *by = model_by_name(a->by);
	char d[HG_DATE_LEN];

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		date_format(a->date, d);
		sqlite3_bind_int64(st, 1, a->treatment_id);
		rc = bind_copy(st, 2, d);
		sqlite3_bind_text(st, 3, a->text, -1, SQLITE_STATIC);
		if (keep_id)
			sqlite3_bind_int64(st, 4, a->id);
		if (by)
			sqlite3_bind_text(st, 5, by, -1, SQLITE_STATIC);
		if (rc == HG_OK)
			rc = step_done(db, st);
		if (rc == HG_OK)
			a->id = sqlite3_last_insert_rowid(db->sql);
	}
	for (size_t i = 0; rc == HG_OK && i < a->nresolves; i++) {
		const struct hg_flag_ref *f = &a->resolves[i];

		st = stmt_get(db, ST_A_FLAG_INSERT);
		if (!st) {
			rc = HG_ERR_RUNTIME;
			break;
		}
		date_format(f->date, d);
		sqlite3_bind_int64(st, 1, a->id);
		if (f->kind)
			sqlite3_bind_text(st, 2, f->kind, -1, SQLITE_STATIC);
		rc = bind_copy(st, 3, d);
		if (f->rule)
			sqlite3_bind_text(st, 4, f->rule, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, a->treatment_id);
		if (rc == HG_OK)
			rc = step_done(db, st);
	}
	return write_end(db, own, rc);
}

int db_action_add(struct hg_db *db, struct hg_action *a)
{
	return action_insert(db, a, 0);
}

int db_action_add_as(struct hg_db *db, struct hg_action *a)
{
	return action_insert(db, a, 1);
}

int db_action_delete(struct hg_db *db, int64_t id)
{
	return delete_by_id(db, ST_A_DELETE, "action", id);
}

static int action_id_cmp(const void *key, const void *elem)
{
	int64_t k = *(const int64_t *)key;
	const struct hg_action *a = elem;

	return (k > a->id) - (k < a->id);
}

static int action_date_cmp(const void *pa, const void *pb)
{
	const struct hg_action *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int db_action_list(struct hg_db *db, int64_t tid, struct hg_action **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(db, ST_A_LIST);
	struct hg_action *a = NULL;
	size_t na = 0, cap = 0;
	int rc, bad = 0;

	*out = NULL;
	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *d = sqlite3_column_text(st, 2);

		if (na == cap) {
			cap = cap ? cap * 2 : 8;
			a = xrealloc(a, cap * sizeof *a);
		}
		model_action_init(&a[na]);
		a[na].id = sqlite3_column_int64(st, 0);
		a[na].treatment_id = sqlite3_column_int64(st, 1);
		a[na].text = col_text(st, 3);
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			const unsigned char *by = sqlite3_column_text(st, 4);
			int v = by ? model_by_lookup((const char *)by) : -1;

			if (v < 0)
				bad = 1;
			else
				a[na].by = (enum hg_by)v;
		}
		if (!d || date_parse((const char *)d, &a[na].date) != 0)
			bad = 1;
		na++;
	}
	sqlite3_reset(st);
	/* The actions come by id, so each resolved flag finds its action by
	 * binary search; then they are put in date order. */
	if (rc == SQLITE_DONE && !bad) {
		st = stmt_get(db, ST_A_FLAG_LIST);
		rc = st ? SQLITE_OK : SQLITE_ERROR;
	}
	if (rc == SQLITE_OK && !bad) {
		sqlite3_bind_int64(st, 1, tid);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			const unsigned char *d = sqlite3_column_text(st, 2);
			struct hg_action *hit = na ? bsearch(&id, a, na, sizeof *a, action_id_cmp)
						   : NULL;
			struct hg_flag_ref ref = { 0 };

			if (!hit)
				continue;
			if (!d || date_parse((const char *)d, &ref.date) != 0) {
				bad = 1;
				continue;
			}
			/* Stored by kind; rule holds the kind too, for readers
			 * that still name a flag by its rule. */
			ref.kind = col_text(st, 1);
			ref.rule = xstrdup(ref.kind);
			hit->resolves = xrealloc(hit->resolves, (hit->nresolves + 1) * sizeof ref);
			hit->resolves[hit->nresolves++] = ref;
		}
		sqlite3_reset(st);
	}
	if (rc == SQLITE_DONE && !bad && na > 1)
		qsort(a, na, sizeof *a, action_date_cmp);
	if (bad) {
		model_actions_free(a, na);
		return hg_fail(HG_ERR_RUNTIME, "%s: an action has a damaged date or who",
			       db->path);
	}
	if (rc != SQLITE_DONE) {
		model_actions_free(a, na);
		return rc == SQLITE_ERROR ? HG_ERR_RUNTIME : db_sql_fail(db, rc);
	}
	*out = a;
	*n = na;
	return HG_OK;
}

int db_action_first_date(struct hg_db *db, int64_t tid, int *date, int *found)
{
	sqlite3_stmt *st = stmt_get(db, ST_A_FIRST_DATE);
	int rc;

	*found = 0;
	*date = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		const unsigned char *d = sqlite3_column_text(st, 0);

		if (!d || date_parse((const char *)d, date) != 0) {
			sqlite3_reset(st);
			return hg_fail(HG_ERR_RUNTIME, "%s: an action has a damaged date", db->path);
		}
		*found = 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? HG_OK : db_sql_fail(db, rc);
}

int db_beyond_csv(struct hg_db *db, unsigned *held)
{
	sqlite3_stmt *st = stmt_get(db, ST_BEYOND_CSV);
	int rc;

	*held = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	rc = sqlite3_step(st);
	for (int i = 0; rc == SQLITE_ROW && i < 4; i++)
		if (sqlite3_column_int(st, i))
			*held |= 1u << i;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? HG_OK : db_sql_fail(db, rc);
}

/* ---- medicines -------------------------------------------------------- */

int db_medicine_add(struct hg_db *db, struct hg_medicine *m)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_M_INSERT) : NULL;
	char from[HG_DATE_LEN], to[HG_DATE_LEN];

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		if (m->id > 0)
			sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int64(st, 2, m->treatment_id);
		sqlite3_bind_text(st, 3, m->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m->dose ? m->dose : "", -1, SQLITE_STATIC);
		date_format(m->from, from);
		sqlite3_bind_text(st, 5, from, -1, SQLITE_STATIC);
		if (m->to) {
			date_format(m->to, to);
			sqlite3_bind_text(st, 6, to, -1, SQLITE_STATIC);
		}
		rc = step_done(db, st);
		if (rc == HG_OK)
			m->id = sqlite3_last_insert_rowid(db->sql);
	}
	return write_end(db, own, rc);
}

static int row_medicine(struct hg_db *db, sqlite3_stmt *st, struct hg_medicine *m)
{
	const unsigned char *from = sqlite3_column_text(st, 4);
	const unsigned char *to = sqlite3_column_text(st, 5);

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->treatment_id = sqlite3_column_int64(st, 1);
	m->name = col_text(st, 2);
	m->dose = col_text(st, 3);
	if (!from || date_parse((const char *)from, &m->from) != 0 ||
	    (to && date_parse((const char *)to, &m->to) != 0))
		return hg_fail(HG_ERR_RUNTIME, "%s: medicine %lld has a damaged date", db->path,
			       (long long)m->id);
	return HG_OK;
}

int db_medicine_get(struct hg_db *db, int64_t id, struct hg_medicine *out)
{
	sqlite3_stmt *st = stmt_get(db, ST_M_GET);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = row_medicine(db, st, out);
	else if (rc == SQLITE_DONE)
		rc = hg_fail(HG_ERR_INPUT, "no medicine %lld (see 'healgrid medicine list --all')",
			     (long long)id);
	else
		rc = db_sql_fail(db, rc);
	sqlite3_reset(st);
	if (rc != HG_OK)
		model_medicine_free(out);
	return rc;
}

int db_medicine_stop(struct hg_db *db, int64_t id, int to)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_M_STOP) : NULL;
	char d[HG_DATE_LEN];

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 1, id);
		date_format(to, d);
		sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
		rc = step_done(db, st);
		if (rc == HG_OK && sqlite3_changes(db->sql) == 0)
			rc = hg_fail(HG_ERR_INPUT, "no medicine %lld", (long long)id);
	}
	return write_end(db, own, rc);
}

int db_medicine_delete(struct hg_db *db, int64_t id)
{
	return delete_by_id(db, ST_M_DELETE, "medicine", id);
}

int db_medicine_list(struct hg_db *db, int64_t tid, struct hg_medicine **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(db, ST_M_LIST);
	struct hg_medicine *m = NULL;
	size_t nm = 0, cap = 0;
	int rc, status = HG_OK;

	*out = NULL;
	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nm == cap) {
			cap = cap ? cap * 2 : 8;
			m = xrealloc(m, cap * sizeof *m);
		}
		status = row_medicine(db, st, &m[nm]);
		nm++;
		if (status != HG_OK)
			break;
	}
	sqlite3_reset(st);
	if (status == HG_OK && rc != SQLITE_DONE)
		status = db_sql_fail(db, rc);
	if (status != HG_OK) {
		model_medicines_free(m, nm);
		return status;
	}
	*out = m;
	*n = nm;
	return HG_OK;
}

/* ---- photos ----------------------------------------------------------- */

int db_photo_count(struct hg_db *db, int64_t tid, int day, int *n)
{
	sqlite3_stmt *st = stmt_get(db, ST_PH_COUNT);
	int64_t v = 0;
	int rc;

	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	sqlite3_bind_int(st, 2, day);
	rc = query_id(db, st, &v);
	*n = (int)v;
	return rc;
}

int db_photo_add(struct hg_db *db, int64_t tid, int day, const void *jpeg, size_t len,
		 const void *thumb, size_t thumb_len, int width, int height, int64_t *id)
{
	struct hg_photo_info info;

	memset(&info, 0, sizeof info);
	info.treatment_id = tid;
	info.day = day;
	info.width = width;
	info.height = height;
	return db_photo_put(db, &info, jpeg, len, thumb, thumb_len, id);
}

int db_photo_put(struct hg_db *db, const struct hg_photo_info *info, const void *jpeg,
		 size_t len, const void *thumb, size_t thumb_len, int64_t *id)
{
	int64_t tid = info->treatment_id;
	int day = info->day, width = info->width, height = info->height;
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_PH_INSERT) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_int64(st, 1, tid);
		sqlite3_bind_int(st, 2, day);
		sqlite3_bind_blob64(st, 3, jpeg, len, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 4, thumb, thumb_len, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, width);
		sqlite3_bind_int(st, 6, height);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)len);
		if (info->id > 0)
			sqlite3_bind_int64(st, 8, info->id);
		if (info->added[0])
			sqlite3_bind_text(st, 9, info->added, -1, SQLITE_STATIC);
		rc = step_done(db, st);
		if (rc == HG_OK && id)
			*id = sqlite3_last_insert_rowid(db->sql);
	}
	return write_end(db, own, rc);
}

static int row_photo(struct hg_db *db, sqlite3_stmt *st, struct hg_photo_info *p)
{
	const unsigned char *date = sqlite3_column_text(st, 3);
	const unsigned char *added = sqlite3_column_text(st, 7);

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->treatment_id = sqlite3_column_int64(st, 1);
	p->day = sqlite3_column_int(st, 2);
	if (!date || date_parse((const char *)date, &p->date) != 0)
		return hg_fail(HG_ERR_RUNTIME, "%s: treatment %lld has a damaged date", db->path,
			       (long long)p->treatment_id);
	p->date += p->day;
	p->width = sqlite3_column_int(st, 4);
	p->height = sqlite3_column_int(st, 5);
	p->bytes = sqlite3_column_int64(st, 6);
	snprintf(p->added, sizeof p->added, "%s", added ? (const char *)added : "");
	return HG_OK;
}

int db_photo_list(struct hg_db *db, int64_t tid, struct hg_photo_info **out, size_t *n)
{
	sqlite3_stmt *st = stmt_get(db, tid ? ST_PH_LIST : ST_PH_LIST_ALL);
	size_t cap = 0;
	int rc, status = HG_OK;

	*out = NULL;
	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	if (tid)
		sqlite3_bind_int64(st, 1, tid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		status = row_photo(db, st, &(*out)[*n]);
		if (status != HG_OK)
			break;
		(*n)++;
	}
	sqlite3_reset(st);
	if (status == HG_OK && rc != SQLITE_DONE)
		status = db_sql_fail(db, rc);
	if (status != HG_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return status;
}

int db_photo_days(struct hg_db *db, int64_t tid, int date, struct hg_photo_info **out,
		  size_t *n)
{
	sqlite3_stmt *st = stmt_get(db, ST_PH_DAYS);
	size_t cap = 0;
	int rc, status = HG_OK;

	*out = NULL;
	*n = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, tid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct hg_photo_info *p;

		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		p = &(*out)[(*n)++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(st, 0);
		p->treatment_id = tid;
		p->day = sqlite3_column_int(st, 1);
		p->date = date + p->day;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		status = db_sql_fail(db, rc);
	if (status != HG_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return status;
}

int db_photo_get(struct hg_db *db, int64_t id, int thumb, struct hg_photo_info *info,
		 unsigned char **data, size_t *len)
{
	sqlite3_stmt *st = stmt_get(db, ST_PH_GET);
	int rc;

	memset(info, 0, sizeof *info);
	*data = NULL;
	*len = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int col = thumb ? 9 : 8;
		const void *b = sqlite3_column_blob(st, col);
		size_t n = (size_t)sqlite3_column_bytes(st, col);

		rc = row_photo(db, st, info);
		if (rc == HG_OK) {
			*data = xmalloc(n);
			if (n)
				memcpy(*data, b, n);
			*len = n;
		}
	} else if (rc == SQLITE_DONE) {
		rc = hg_fail(HG_ERR_INPUT, "no photo %lld (see 'healgrid photo list')",
			     (long long)id);
	} else {
		rc = db_sql_fail(db, rc);
	}
	sqlite3_reset(st);
	return rc;
}

int db_photo_delete(struct hg_db *db, int64_t id)
{
	struct hg_photo_info info;
	unsigned char *data;
	size_t len;
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st;

	if (rc == HG_OK)
		rc = db_photo_get(db, id, 1, &info, &data, &len);
	if (rc == HG_OK) {
		free(data);
		st = stmt_get(db, ST_PH_DELETE);
		if (!st)
			rc = HG_ERR_RUNTIME;
		else {
			sqlite3_bind_int64(st, 1, id);
			rc = step_done(db, st);
		}
	}
	if (rc == HG_OK) {
		st = stmt_get(db, ST_PH_PRUNE_DAY);
		if (!st)
			rc = HG_ERR_RUNTIME;
		else {
			sqlite3_bind_int64(st, 1, info.treatment_id);
			sqlite3_bind_int(st, 2, info.day);
			rc = step_done(db, st);
		}
	}
	return write_end(db, own, rc);
}

/* ---- profile ---------------------------------------------------------- */

void db_profile_free(struct hg_profile *p)
{
	free(p->name);
	free(p->clinic);
	memset(p, 0, sizeof *p);
}

int db_profile_get(struct hg_db *db, struct hg_profile *out, int *found)
{
	sqlite3_stmt *st = stmt_get(db, ST_PR_GET);
	int rc;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!st)
		return HG_ERR_RUNTIME;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *born = sqlite3_column_text(st, 1);

		out->name = col_text(st, 0);
		out->clinic = col_text(st, 2);
		if (born && date_parse((const char *)born, &out->born) == 0)
			out->has_born = 1;
		*found = 1;
	}
	sqlite3_reset(st);
	if (!*found) {
		out->name = xstrdup("");
		out->clinic = xstrdup("");
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? HG_OK : db_sql_fail(db, rc);
}

int db_profile_put(struct hg_db *db, const struct hg_profile *p)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_PR_PUT) : NULL;
	char born[HG_DATE_LEN];

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK) {
		sqlite3_bind_text(st, 1, p->name ? p->name : "", -1, SQLITE_STATIC);
		if (p->has_born) {
			date_format(p->born, born);
			rc = bind_copy(st, 2, born);
		} else {
			sqlite3_bind_null(st, 2);
		}
		sqlite3_bind_text(st, 3, p->clinic ? p->clinic : "", -1, SQLITE_STATIC);
		if (rc == HG_OK)
			rc = step_done(db, st);
	}
	return write_end(db, own, rc);
}

int db_profile_clear(struct hg_db *db)
{
	int own, rc = write_begin(db, &own);
	sqlite3_stmt *st = rc == HG_OK ? stmt_get(db, ST_PR_CLEAR) : NULL;

	if (rc == HG_OK && !st)
		rc = HG_ERR_RUNTIME;
	if (rc == HG_OK)
		rc = step_done(db, st);
	return write_end(db, own, rc);
}

