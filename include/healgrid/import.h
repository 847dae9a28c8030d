/* import.h — check-ins into the database from the CSV or JSON that
 * `export` writes: every field validated, all rows in one transaction or none, the
 * first bad row reported as "NAME:LINE: what is wrong".
 */
#ifndef HEALGRID_IMPORT_H
#define HEALGRID_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "healgrid/db.h"

struct import_stats {
	size_t rows;            /* check-ins saved (new or replaced) */
	size_t treatments;      /* distinct treatments in the file */
	size_t created;         /* of those, created by this import */
	size_t widened;         /* existing ones whose window grew */
};

/* Import in from where it stands to its end, a piece at a time (memory
 * stays small whatever the size of the file); name is used in messages.
 * today: a check-in dated after it is refused.  On any error nothing is
 * saved and HG_ERR_INPUT (bad data) or HG_ERR_RUNTIME (storage) is
 * returned with the message recorded by hg_fail(). */
int import_file(struct hg_db *db, const char *name, FILE *in, int today,
		struct import_stats *st);

/* The JSON that `export --format json` writes (version 3, and versions 1
 * and 2, upgraded as the database is: the sign lips becomes lips-airway, a
 * RULE@DAY reference the flag of that rule's kind, an action's who not
 * recorded), the len
 * bytes at data, read by json.h's reader: into a database without
 * treatments with their ids kept; else matched by (date, area), days and
 * actions already stored with the same content skipped, other content
 * refused.  All or nothing, as import_file (which calls it when a file's
 * first byte other than white space is "{"). */
int import_json(struct hg_db *db, const char *name, const char *data, size_t len, int today,
		struct import_stats *st);

#endif
