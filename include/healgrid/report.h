/* report.h — the summary for a dermatologist in five formats,
 * the per-symptom summary they all share (peak day, days to clear,
 * comparison with earlier treatments), and the UI's report files.
 *
 * Reports read plain structs (model.h) and the rules engine's flags; they
 * never touch SQL except through db.h in report_write_db(), and never
 * curses.  Every user text is sanitised or escaped by the writer of each
 * format (terminal text, Markdown, HTML, CSV, JSON).
 */
#ifndef HEALGRID_REPORT_H
#define HEALGRID_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "healgrid/db.h"
#include "healgrid/model.h"
#include "healgrid/util.h"

enum report_format {
	REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML, REPORT_CSV, REPORT_JSON,
	REPORT_FORMAT_COUNT
};

/* "text", "markdown", "html", "csv", "json", then NULL (for
 * cli_parse_format, whose index is the enum value). */
extern const char *const report_format_names[REPORT_FORMAT_COUNT + 1];

/* How far a symptom got towards "none". */
enum report_clear {
	REPORT_UNRATED,   /* never rated */
	REPORT_NEVER,     /* rated, but never above none */
	REPORT_CLEARED,   /* rated none on clear_day, after its last day above none */
	REPORT_NOT_YET    /* its last rating is still above none */
};

struct report_symptom {
	int rated;              /* days on which it was rated */
	int peak;               /* highest rating; HG_UNRATED when never rated */
	int peak_day;           /* first day of the peak; -1 unless peak >= 1 */
	enum report_clear clear;
	int clear_day;          /* REPORT_CLEARED: days after treatment; else -1 */
	int last_day;           /* last day it was rated; -1 when never */
	int last;               /* its rating on last_day */
};

struct report_summary {
	struct report_symptom s[HG_SYMPTOM_COUNT];
	int checkins;           /* days checked in */
	int last_day;           /* last day checked in; -1 when none */
	int downtime;           /* expected downtime D (rules_downtime) */
};

/* The summary of one recovery (check-ins sorted by day).  Pure. */
void report_summarize(const struct hg_recovery *r, struct report_summary *out);

/* Write the report of treatment tid (0: every treatment) in format fmt to
 * out, made on date `today`.  Treatments are handed over one at a time,
 * oldest first, every one of them (those before a reported treatment are
 * its "earlier treatments"): report_start, report_add for each, then
 * report_finish, which writes the end and frees the run.  Output goes out
 * as it is made (nothing before the first treatment of the report, so a
 * missing tid writes nothing); memory holds one treatment.  report_wants_more is 0 once
 * nothing further can change the report (tid written).  report_finish
 * returns HG_ERR_INPUT when tid never came, HG_ERR_RUNTIME when writing
 * failed. */
struct report_run;
struct report_run *report_start(FILE *out, enum report_format fmt, int64_t tid, int today);
int report_add(struct report_run *run, const struct hg_recovery *r);
int report_wants_more(const struct report_run *run);
int report_finish(struct report_run *run);

/* The same, reading the treatments from db one at a time (db_recovery_each):
 * memory stays small whatever the number of check-ins.  The earlier
 * treatments are the ones before tid (all of them are read). */
int report_write_db(FILE *out, struct hg_db *db, int64_t tid, enum report_format fmt,
		    int today);


#endif
