/* report_int.h — what report.c hands to the writer of each format: the
 * document, one computed item per treatment, and the small wording helpers
 * every format shares so they all say the same thing.  Private to
 * src/report*.c.
 */
#ifndef HEALGRID_REPORT_INT_H
#define HEALGRID_REPORT_INT_H

#include <stddef.h>

#include "healgrid/date.h"
#include "healgrid/report.h"
#include "healgrid/rules.h"

/* How many earlier treatments the comparison lists one by one (the average
 * covers all of them). */
enum { REPORT_COMPARE_MAX = 5 };

struct report_doc {
	int today;              /* the date the report is made */
	size_t count;           /* treatments written so far (all of them at end) */
	int all;                /* --all: every treatment */
	const struct hg_profile *profile;   /* NULL when none is set */
	enum report_paper paper;            /* the PDF's paper */
	void *state;                        /* the writer's own, between calls */
	int failed;                         /* the writer could not write */
};

/* What the comparison keeps of an earlier treatment. */
struct report_past {
	int64_t id;
	int date;
	char *area;
	struct report_summary sum;
};

struct report_earlier {
	const struct report_past *past[REPORT_COMPARE_MAX];  /* most recent first */
	size_t shown;
	size_t total;                       /* earlier treatments in all */
	double avg[HG_SYMPTOM_COUNT];       /* mean days to clear ... */
	int avg_n[HG_SYMPTOM_COUNT];        /* ... over this many that cleared */
};

struct report_item {
	size_t index;                       /* 0-based place in the report */
	const struct hg_recovery *r;
	const struct report_summary *sum;
	const struct hg_flag *flags;        /* sorted by level, then day */
	size_t nflags;
	int today_day;                      /* today - treatment date */
	int later_same_area;                /* for the looks (report_extra) */
	int rows;                           /* the day table shows 0 .. rows-1 */
	struct report_earlier earlier;
	const struct hg_action *actions;    /* by date */
	size_t nactions;
	const struct report_photo *photos;  /* the strip, by day */
	size_t nphotos;
	size_t photos_total;
	const struct hg_medicine *medicines;/* by date */
	size_t nmedicines;
	int open[HG_LEVEL_COUNT];           /* open flags by level */
	size_t nopen;                       /* flags[0 .. nopen) are open */
};

/* ---- the report composed once ------------------------------------------
 *
 * report_doc.c turns one report_item into a list of blocks, in the order
 * a dermatologist reads them (header, problems, now, what was done,
 * photos, the day table, the chart, notes, comparison).  Every writer
 * draws these blocks and nothing else, so every format says the same.
 * Block text is plain UTF-8 that may hold user text: each writer escapes
 * it its own way (terminal-safe, Markdown, HTML, CSV, JSON, PDF). */

enum rd_kind {
	RD_TITLE,       /* the treatment: text */
	RD_HEADING,     /* a section's title: text */
	RD_FIELD,       /* label: text */
	RD_ITEM,        /* one line of a list: label (may be NULL) and text;
			 * level is the problem's level, or -1 */
	RD_LINE,        /* a sentence on its own: text */
	RD_NOTE,        /* a day's note: label, then text with its line breaks */
	RD_TABLE,       /* table (text: its legend, may be NULL) */
	RD_CHART,       /* the chart: rdoc.chart (text: its legend) */
	RD_PHOTOS       /* the strip: rdoc.item->photos (text: the captions) */
};

struct rd_table {
	int ncols;
	size_t nrows;
	const char *const *head;            /* column titles */
	const unsigned char *center;        /* per column: 1 centred (short values),
					     * 2 centred and a rating 0-3 */
	const int *maxw;                    /* per column: widest in text, 0 no cap */
	char **cell;                        /* nrows * ncols, owned */
};

struct rd_block {
	enum rd_kind kind;
	const char *section;                /* stable key: "header", "problems", "now" ... */
	const char *key;                    /* stable key of a field, or NULL */
	char *label;                        /* owned, may be NULL */
	char *text;                         /* owned, may be NULL */
	int level;                          /* enum hg_level, or -1 */
	struct rd_table *table;             /* owned, RD_TABLE only */
};

/* The chart's series: the four ratings by day (HG_UNRATED: not rated), the
 * days checked in, the most serious level a problem began with that day
 * (-1: none) and the days of actions. */
struct rd_chart {
	int ndays;
	int rating[HG_SYMPTOM_COUNT][HG_WINDOW_MAX];
	unsigned char checked[HG_WINDOW_MAX];
	int flag[HG_WINDOW_MAX];
	unsigned char action[HG_WINDOW_MAX];
};
/* The chart in characters, for text and Markdown: row 0 the days (the tens
 * digit every ten days, '+' every five), rows 1-4 the symptoms (the rating,
 * '.' not rated, ' ' no check-in), row 5 the marks (a problem's first day
 * by its level's ASCII symbol, 'A' an action).  Days from .. to-1 into buf
 * (to - from + 1 bytes); returns buf. */
enum { RD_CHART_ROWS = HG_SYMPTOM_COUNT + 2 };
const char *rd_chart_row(const struct rd_chart *ch, int row, int from, int to, char *buf);

/* One problem of the problem list, in clinical words. */
struct rd_problem {
	char id[HG_FLAG_ID_MAX];            /* "infection@10" */
	const char *kind;                   /* "infection" */
	enum hg_level level;
	int first, last;                    /* days */
	int first_date, last_date;
	const char *status;                 /* "open", "in-care", "settled" */
	int since;                          /* the day the status began */
	int clinician_seen;
	char *findings;                     /* owned: "fever 38.4 °C, pus" */
	char *done;                         /* owned: "clinician day 11: ..." or NULL */
	char *status_text;                  /* owned: "in care since day 11" */
	const struct hg_flag *flag;         /* the engine's flag */
};

struct rdoc {
	const struct report_item *item;
	struct rd_block *b;
	size_t n, cap;
	struct rd_problem *problems;        /* by first day */
	size_t nproblems;
	struct rd_chart chart;
	int paper_hint;                     /* unused by most writers */
};

/* Compose the report of one treatment.  rdoc_free frees what it holds. */
void rdoc_compose(struct rdoc *d, const struct report_doc *doc, const struct report_item *it);
void rdoc_free(struct rdoc *d);
/* The first block of section `section` with field key `key`, or NULL. */
const struct rd_block *rdoc_field(const struct rdoc *d, const char *section, const char *key);
/* The cell of row r, column c. */
static inline const char *rd_cell(const struct rd_table *t, size_t r, int c)
{
	return t->cell[r * (size_t)t->ncols + (size_t)c];
}

/* Empty sb for reuse (sb_str then gives ""). */
static inline void rd_clear(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
}

/* The line that ends the report: the safety words and when it was made. */
void report_end_line(struct strbuf *sb, const struct report_doc *doc);
/* The report's title and the line under it. */
extern const char report_title[];

struct report_writer {
	void (*begin)(struct strbuf *sb, struct report_doc *doc);
	void (*treatment)(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d);
	void (*end)(struct strbuf *sb, struct report_doc *doc);
};

extern const struct report_writer report_text_writer;
extern const struct report_writer report_markdown_writer;
extern const struct report_writer report_html_writer;
extern const struct report_writer report_csv_writer;
extern const struct report_writer report_json_writer;
extern const struct report_writer report_pdf_writer;

/* The one not-medical-advice line every format prints. */
extern const char report_notice[];

/* "Peak": "3 severe on day 0", "none", "not rated". */
void report_peak_text(const struct report_symptom *s, char *buf, size_t len);
/* Short form for comparison tables: "6", "not yet", "-", "?". */
void report_clear_short(const struct report_symptom *s, char *buf, size_t len);
/* The comparison with earlier treatments as rows, the same in every
 * format: this treatment, the earlier ones shown (most recent first),
 * then the average.  A writer only lays them out. */
struct report_cmp_row {
	int this_one;                       /* the treatment of the report */
	char what[48];                      /* "2026-11-01", "#3: 2026-10-01",
					     * "average of 4 earlier" */
	const char *area;                   /* user text to escape; NULL: none */
	char v[HG_SYMPTOM_COUNT][16];       /* report_clear_short, or the average */
};
enum { REPORT_CMP_ROWS = REPORT_COMPARE_MAX + 2 };
/* Fills rows[0..REPORT_CMP_ROWS) and returns how many; 0 when there is no
 * earlier treatment. */
size_t report_compare_rows(const struct report_item *it, struct report_cmp_row *rows);
/* The comparison table's column titles and the legend under it. */
extern const char *const report_symptom_titles[HG_SYMPTOM_COUNT];
extern const char report_compare_legend[];
/* "status" names for JSON: "unrated", "never", "cleared", "not-yet". */
const char *report_clear_name(enum report_clear c);
/* Days on which sign was ticked, "2, 3, 5" (empty when none). */
void report_sign_days(struct strbuf *sb, const struct hg_recovery *r, enum hg_sign sign);
/* "%d" without printf, for the loops over days, which run once per
 * check-in of every treatment in `report --all`. */
void report_put_int(struct strbuf *sb, long v);
/* User text with its line breaks kept and every other control character
 * made a space, valid UTF-8 (hg_sanitize line by line): what each writer
 * escapes in its own way.  Caller frees. */
char *report_clean_lines(const char *text);
/* The profile as one line, "NAME, born DATE; clinic: CLINIC" (the parts
 * that are set), its free text written through put (the format's escaper). */
void report_profile_line(struct strbuf *sb, const struct hg_profile *p,
			 void (*put)(struct strbuf *, const char *));
/* Tables for people collapse a run of REPORT_GAP_MIN or more days without
 * a check-in into one line. */
enum { REPORT_GAP_MIN = 3 };
/* One row of the day table, the same in every format: day d with its
 * check-in (NULL when none), or, from a day without one, a run of
 * REPORT_GAP_MIN or more such days (d .. last).  k is the caller's place
 * in it->r->days, 0 at the start.  Returns the day of the next row:
 *     for (int d = 0, next; d < it->rows; d = next)
 *             next = report_day_row(it, d, &k, &row); ...  */
struct report_day {
	int last;                           /* last day the row covers */
	const struct hg_checkin *c;
};
int report_day_row(const struct report_item *it, int d, size_t *k, struct report_day *row);

/* The id of a reference that finds no flag: "infection@6". */
void report_ref_id(const struct report_item *it, const struct hg_flag_ref *ref, char *buf,
		   size_t len);
/* "day 35 after treatment (past its window)", "planned, starts in 2 days". */
void report_today_text(struct strbuf *sb, const struct report_item *it);
/* Rebound days of a symptom, "5, 9" (empty when none). */
void report_rebound_days(struct strbuf *sb, const struct report_symptom *s);
/* Days with care item c, "2, 3, 5" (empty when none). */
void report_care_days(struct strbuf *sb, const struct hg_recovery *r, enum hg_care c);
/* The flags an action resolves as "pus@5, fever@6 (no longer raised)". */
void report_action_refs(struct strbuf *sb, const struct report_item *it,
			const struct hg_action *a);
/* A resolved flag's action as "2026-10-09: saw GP ..." is laid out by
 * each writer from f->action. */

#endif
