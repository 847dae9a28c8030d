/* export.h — every check-in out of the database: the CSV of SPEC 2.2 (the
 * format `import` reads back) and complete JSON.  The CSV columns are
 * named here once, for the writer and for import.c's reader.
 */
#ifndef HEALGRID_EXPORT_H
#define HEALGRID_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "healgrid/model.h"

enum export_col {
	EXPORT_TREATMENT_DATE, EXPORT_DEVICE, EXPORT_DEPTH, EXPORT_AREA,
	EXPORT_RISKS, EXPORT_DAY, EXPORT_DATE, EXPORT_REDNESS, EXPORT_SWELLING,
	EXPORT_BRUISING, EXPORT_BLEEDING, EXPORT_SIGNS, EXPORT_NOTE,
	EXPORT_COLUMNS
};

/* "treatment_date", "device", ... "note": the exact CSV header. */
extern const char *const export_csv_header[EXPORT_COLUMNS];

/* A depth that reads back as the same number: "1.0", "0.25", "1.234";
 * "" when unknown (0). */
void export_format_depth(double depth, char *buf, size_t len);

/* One CSV row per check-in, treatments oldest first, days in order (a
 * treatment without check-ins has no row).  HG_ERR_RUNTIME when writing
 * fails. */
int export_csv(FILE *out, const struct hg_recovery *r, size_t n);

/* Everything as one JSON object (field names in the man page). */
int export_json(FILE *out, const struct hg_recovery *r, size_t n);

#endif
