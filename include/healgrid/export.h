/* export.h — every check-in out of the database: the CSV (the
 * format `import` reads back) and complete JSON.  The CSV columns are
 * named here once, for the writer and for import.c's reader.
 */
#ifndef HEALGRID_EXPORT_H
#define HEALGRID_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "healgrid/db.h"
#include "healgrid/model.h"
#include "healgrid/util.h"

enum export_col {
	EXPORT_TREATMENT_DATE, EXPORT_DEVICE, EXPORT_DEPTH, EXPORT_AREA,
	EXPORT_RISKS, EXPORT_DAY, EXPORT_DATE, EXPORT_REDNESS, EXPORT_SWELLING,
	EXPORT_BRUISING, EXPORT_BLEEDING, EXPORT_SIGNS, EXPORT_NOTE,
	EXPORT_COLUMNS_V1,              /* version 1 files end here */
	EXPORT_TEMPERATURE = EXPORT_COLUMNS_V1, EXPORT_CARE, EXPORT_SKIN_TYPE,
	EXPORT_COLUMNS
};

/* "treatment_date", "device", ... "note", "temperature_c", "care",
 * "skin_type": the exact CSV header (its first EXPORT_COLUMNS_V1 names are
 * the header of version 1, which import accepts too). */
extern const char *const export_csv_header[EXPORT_COLUMNS];

/* A depth that reads back as the same number: "1.0", "0.25", "1.234";
 * "" when unknown (0). */
void export_format_depth(double depth, char *buf, size_t len);
/* A treatment's fields as JSON members ("id": ... "note": ...), without
 * braces: the one shape that export, report and `treatment list` share. */
void export_treatment_fields(struct strbuf *sb, const struct hg_treatment *t);

/* One treatment at a time: export_start, export_add for every treatment
 * oldest first, export_finish (writes the end and frees; HG_ERR_RUNTIME
 * when writing failed).  CSV has one row per check-in, days in order, so a
 * treatment without check-ins has no row; JSON (field names in the man
 * page) has everything.  Output goes out as it is made. */
enum export_format { EXPORT_CSV, EXPORT_JSON };
struct export_run;
struct export_run *export_start(FILE *out, enum export_format fmt);
int export_add(struct export_run *run, const struct hg_recovery *r);
/* Treatments seen so far that had no check-in (for CSV's note), and the
 * ids of the first few, ", "-separated. */
size_t export_without_checkins(const struct export_run *run, const char **ids);
int export_finish(struct export_run *run);

/* The same straight from the database in one query; *without (may be
 * NULL) counts treatments without check-ins and ids (may be NULL) gets the
 * first few of their ids. */
int export_write_db(FILE *out, enum export_format fmt, struct hg_db *db, size_t *without,
		    struct strbuf *ids);

#endif
