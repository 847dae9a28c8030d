/* db_int.h — what the storage files share, private to src/store/: the
 * connection (struct hg_db, with the prepared queries of db.c), SQLite's
 * failures turned into one line, and the steps of opening that the schema,
 * check and backup files call.  The public interface is healgrid/db.h.
 */
#ifndef HEALGRID_DB_INT_H
#define HEALGRID_DB_INT_H

#include <sqlite3.h>

#include "healgrid/db.h"

/* The prepared queries, each one's SQL in stmt_sql[] of db.c. */
enum stmt_id {
	ST_T_INSERT, ST_T_UPDATE, ST_T_DELETE, ST_T_GET, ST_T_LATEST, ST_T_LIST,
	ST_T_FIND, ST_C_GET, ST_C_PUT, ST_C_DELETE, ST_C_OF_TREATMENT,
	ST_C_ALL, ST_DATA_VERSION,
	ST_T_CURRENT, ST_C_DAYS, ST_C_RENUMBER,
	ST_A_INSERT, ST_A_FLAG_INSERT, ST_A_DELETE, ST_A_LIST,
	ST_A_FLAG_LIST, ST_A_FIRST_DATE,
	ST_M_INSERT, ST_M_STOP, ST_M_DELETE, ST_M_GET, ST_M_LIST, ST_BEYOND_CSV,
	ST_PH_INSERT, ST_PH_COUNT, ST_PH_LIST, ST_PH_LIST_ALL, ST_PH_GET, ST_PH_DELETE,
	ST_PH_PRUNE_DAY, ST_PR_GET, ST_PR_PUT, ST_PR_CLEAR,
	ST_PH_DAYS,
	ST_COUNT
};

struct hg_db {
	sqlite3 *sql;
	char *path;
	int reading;            /* an old read-only file: upgrade a copy in memory */
	sqlite3_stmt *stmt[ST_COUNT];
};

/* db.c: SQLite ran out of memory: the same one line as healgrid's own
 * allocations. */
int db_nomem_fail(void);
/* db.c: an SQLite result code as one readable line; returns HG_ERR_RUNTIME. */
int db_sql_fail(struct hg_db *db, int rc);
/* db.c: run SQL that returns no rows. */
int db_exec(struct hg_db *db, const char *sql);
/* db.c: the integer a PRAGMA returns; an SQLite result code. */
int db_read_pragma_int(struct hg_db *db, const char *sql, int *out);
/* db.c: move the finished file tmp to dest, never over a file there. */
int db_place_new_file(const char *tmp, const char *dest);

/* db_schema.c: healgrid's own SQL functions on db's connection. */
int db_add_functions(struct hg_db *db);
/* db_schema.c: take the schema from `from` to the newest. */
int db_migrate(struct hg_db *db, int from);
/* db_schema.c: upgrade an older read-only file in a copy in memory. */
int db_upgrade_copy(struct hg_db *db, int version);

#endif
