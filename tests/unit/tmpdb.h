/* tmpdb.h — a fresh temporary database file for each unit test. */
#ifndef HEALGRID_TEST_TMPDB_H
#define HEALGRID_TEST_TMPDB_H

#include "healgrid/db.h"

struct tmpdb {
	char dir[256];
	char path[300];
	struct hg_db *db;
};

/* Make a temporary folder and open a new database in it (asserts). */
void tmpdb_open(struct tmpdb *t);
/* Close the database and remove the folder with everything in it. */
void tmpdb_close(struct tmpdb *t);

/* Every treatment (oldest first) with its check-ins, copied out of
 * db_recovery_each into an array (asserts); free with tmpdb_free_all. */
void tmpdb_load_all(struct hg_db *db, struct hg_recovery **out, size_t *n);
void tmpdb_free_all(struct hg_recovery *r, size_t n);

#endif
