/* report.h — the summary for a dermatologist in six formats (PDF drawn
 * with cairo and pango),
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
	REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML, REPORT_PDF, REPORT_CSV, REPORT_JSON,
	REPORT_FORMAT_COUNT
};

/* "text", "markdown", "html", "pdf", "csv", "json", then NULL (for
 * cli_parse_format, whose index is the enum value). */
extern const char *const report_format_names[REPORT_FORMAT_COUNT + 1];

/* The PDF's paper. */
enum report_paper { REPORT_PAPER_A4, REPORT_PAPER_LETTER, REPORT_PAPER_COUNT };
/* "a4", "letter", then NULL. */
extern const char *const report_paper_names[REPORT_PAPER_COUNT + 1];
/* The paper of the locale's LC_PAPER category (setlocale(LC_ALL, "") done
 * by main): US Letter where it says 216 x 279 mm, else A4. */
enum report_paper report_paper_default(void);

/* How far a symptom got towards "none". */
enum report_clear {
	REPORT_UNRATED,   /* never rated */
	REPORT_NEVER,     /* rated, but never above none */
	REPORT_CLEARED,   /* rated none on clear_day, after its last day above none */
	REPORT_NOT_YET,   /* its last rating is above none, on the last check-in */
	REPORT_LAST_RATED /* its last rating is above none, on last_day, and
			   * later check-ins left it unrated */
};

/* How many rebound days a summary keeps (it counts them all). */
enum { REPORT_REBOUND_MAX = 8 };
/* A temperature at or above this (tenths of a degree C), or the sign
 * fever, is "above normal" in the report's summary. */
enum { REPORT_TEMP_HIGH = 375 };

struct report_symptom {
	int rated;              /* days on which it was rated */
	int peak;               /* highest rating; HG_UNRATED when never rated */
	int peak_day;           /* first day of the peak; -1 unless peak >= 1 */
	enum report_clear clear;
	int clear_day;          /* REPORT_CLEARED: days after treatment; else -1 */
	int last_day;           /* last day it was rated; -1 when never */
	int last;               /* its rating on last_day */
	/* Days it rebounded: rated >= 2, its most recent earlier rating <= 1,
	 * and some rating before that >= 2.  The first REPORT_REBOUND_MAX. */
	int nrebound;
	int rebound_day[REPORT_REBOUND_MAX];
};

struct report_summary {
	struct report_symptom s[HG_SYMPTOM_COUNT];
	int checkins;           /* days checked in */
	int last_day;           /* last day checked in; -1 when none */
	int downtime;           /* expected downtime D (rules_downtime) */
	/* The last day with a temperature >= REPORT_TEMP_HIGH or the sign
	 * fever (-1: none), and its temperature (HG_TEMP_NONE: not measured). */
	int high_day;
	int high_temp;
};

/* A photo of the report's strip: its thumbnail (JPEG), owned by whoever
 * hands it to report_add_with. */
struct report_photo {
	int64_t id;
	int day;
	int date;
	const unsigned char *thumb;
	size_t len;
};

/* What a report shows beside the recovery: its actions (by date, as
 * db_action_list gives them) and the photos of its strip (by day, at most
 * REPORT_STRIP_MAX, see report_strip_pick). */
enum { REPORT_STRIP_MAX = 6 };
struct report_extra {
	const struct hg_action *actions;
	size_t nactions;
	const struct report_photo *photos;
	size_t nphotos;
	size_t photos_total;    /* photos of the treatment in all */
	const struct hg_medicine *medicines;    /* by date (from) */
	size_t nmedicines;
	int later_same_area;    /* what the looks heed: record_later_same_area */
};

/* Which of n photos (sorted by day) make the strip: day 0 (or the first),
 * the first photo on or after each of the nwant wanted days (each
 * problem's worst day, most serious problem first) while it lies on or
 * before want_last[i], and the latest; one photo a day, at most
 * REPORT_STRIP_MAX, by day.  Writes their indexes to pick and returns how
 * many. */
size_t report_strip_pick(const int *days, size_t n, const int *want, const int *want_last,
			 size_t nwant, size_t pick[REPORT_STRIP_MAX]);

/* The summary of one recovery (check-ins sorted by day).  Pure. */
void report_summarize(const struct hg_recovery *r, struct report_summary *out);
/* The last temperature above normal (REPORT_TEMP_HIGH or the sign fever)
 * in words: "37.9 C on day 7, the last at 37.5 C or above". */
void report_high_text(const struct report_summary *s, char *buf, size_t len);

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
/* report_add with the treatment's actions and photos (x may be NULL). */
int report_add_with(struct report_run *run, const struct hg_recovery *r,
		    const struct report_extra *x);
/* The profile for the header (copied; NULL or empty: none).  Call before
 * the first report_add. */
void report_set_profile(struct report_run *run, const struct hg_profile *p);
int report_wants_more(const struct report_run *run);
int report_finish(struct report_run *run);

/* The same, reading the treatments from db one at a time (db_recovery_each):
 * memory stays small whatever the number of check-ins.  The earlier
 * treatments are the ones before tid (all of them are read). */
int report_write_db(FILE *out, struct hg_db *db, int64_t tid, enum report_format fmt,
		    int today);
/* The same on the given paper (the PDF's; other formats ignore it). */
int report_write_db_paper(FILE *out, struct hg_db *db, int64_t tid, enum report_format fmt,
			  int today, enum report_paper paper);
/* The PDF's paper for a report_run (default A4). */
void report_set_paper(struct report_run *run, enum report_paper paper);


#endif
