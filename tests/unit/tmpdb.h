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

#endif
