/* db_backup.c — `healgrid backup`: a consistent copy of the open database
 * to a new file, placed only when complete.  Not here: restoring (a backup
 * is opened like any database, db.c). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "healgrid/db.h"
#include "healgrid/util.h"

#include "db_int.h"

/* ---- backup ----------------------------------------------------------- */

/* The copy is made in a temporary file beside dest and moved into place
 * only when complete, so a failed or interrupted backup never leaves a
 * half-written file nor destroys the one --force would replace.  Copying
 * every page in one backup step reads one snapshot of the source (WAL lets
 * other connections keep writing meanwhile), so the copy is consistent and
 * a busy writer cannot make the backup restart forever. */
int db_backup(struct hg_db *db, const char *dest, int force)
{
	struct stat st, self;
	struct strbuf tmp = STRBUF_INIT;
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int fd, rc, waited = 0;

	if (lstat(dest, &st) == 0) {
		if (!force)
			return hg_fail(HG_ERR_INPUT, "%s: file exists (use --force to replace it)", dest);
		if (stat(dest, &st) == 0 && stat(db->path, &self) == 0 &&
		    st.st_dev == self.st_dev && st.st_ino == self.st_ino)
			return hg_fail(HG_ERR_INPUT, "%s: that is the database itself", dest);
		if (!S_ISREG(st.st_mode))
			return hg_fail(HG_ERR_INPUT, "%s: not a regular file", dest);
	}
	sb_printf(&tmp, "%s.tmp-XXXXXX", dest);
	fd = mkstemp(tmp.s);    /* mode 0600 */
	if (fd < 0) {
		rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot create: %s", dest, strerror(errno));
		sb_free(&tmp);
		return rc;
	}
	fchmod(fd, 0600);
	close(fd);
	rc = sqlite3_open_v2(sb_str(&tmp), &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(out, "main", db->sql, "main");
		if (b) {
			while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
			       rc == SQLITE_LOCKED) {
				if (waited >= HG_DB_BUSY_TIMEOUT_MS)
					break;
				sqlite3_sleep(20);
				waited += 20;
			}
			sqlite3_backup_finish(b);
		} else {
			rc = sqlite3_errcode(out);
		}
	}
	if (rc == SQLITE_DONE) {
		int crc = sqlite3_close(out);

		out = NULL;
		if (crc != SQLITE_OK)
			rc = crc;
	}
	if (rc != SQLITE_DONE) {
		if ((rc & 0xFF) == SQLITE_NOMEM)
			rc = db_nomem_fail();
		else if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
			rc = hg_fail(HG_ERR_RUNTIME, "%s: backup failed: the database stayed"
				     " locked by another program; try again", dest);
		else if ((rc & 0xFF) == SQLITE_FULL ||
			 (out && sqlite3_system_errno(out) == ENOSPC))
			rc = hg_fail(HG_ERR_RUNTIME, "%s: backup failed: disk full", dest);
		else
			rc = hg_fail(HG_ERR_RUNTIME, "%s: backup failed: %s", dest,
				     out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
		sqlite3_close(out);
		unlink(sb_str(&tmp));
		sb_puts(&tmp, "-journal");
		unlink(sb_str(&tmp));
		sb_free(&tmp);
		return rc;
	}
	if (force)
		rc = rename(sb_str(&tmp), dest) == 0 ? HG_OK
			: hg_fail(HG_ERR_RUNTIME, "%s: %s", dest, strerror(errno));
	else if (db_place_new_file(sb_str(&tmp), dest) == 0)
		rc = HG_OK;     /* never over a file made meanwhile */
	else if (errno == EEXIST)
		rc = hg_fail(HG_ERR_INPUT, "%s: file exists (use --force to replace it)", dest);
	else
		rc = hg_fail(HG_ERR_RUNTIME, "%s: %s", dest, strerror(errno));
	unlink(sb_str(&tmp));
	sb_free(&tmp);
	return rc;
}
