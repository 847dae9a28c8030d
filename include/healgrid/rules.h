/* rules.h — the warning engine (WARNING RULES in the man page).
 *
 * One table of rules and one evaluator over a single recovery (a treatment
 * and its check-ins).  Pure: no SQL, no curses, no I/O, so the UI, `flags`
 * and `report` all share it.
 */
#ifndef HEALGRID_RULES_H
#define HEALGRID_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/model.h"

enum hg_category {
	HG_CAT_INFECTION, HG_CAT_PIGMENT, HG_CAT_BLEEDING, HG_CAT_ALLERGY,
	HG_CAT_HEALING, HG_CAT_PRECAUTION, HG_CAT_COUNT
};

/* Lower value = more serious; flags sort by this first. */
enum hg_level { HG_LEVEL_URGENT, HG_LEVEL_DOCTOR, HG_LEVEL_WATCH, HG_LEVEL_COUNT };

/* What the man page and help show about one rule. */
struct hg_rule_info {
	const char *id;          /* stable: "pus", "redness-late" ... */
	enum hg_category category;
	enum hg_level level;
	const char *trigger;     /* plain words: "sign pus on any day" */
	const char *source;      /* short citation */
};

struct hg_flag {
	int64_t treatment_id;
	const char *rule;        /* points into the static table */
	enum hg_category category;
	enum hg_level level;
	int day;                 /* first day it applies */
	int date;                /* treatment date + day (date.h day number) */
	char *message;           /* owned: what was seen, what it can mean, whom to contact how soon */
};

const char *rules_level_name(enum hg_level l);        /* "urgent", "doctor", "watch" */
const char *rules_level_symbol(enum hg_level l);      /* "‼", "!", "·" (UTF-8) */
const char *rules_level_symbol_ascii(enum hg_level l);/* "!!", "!", "." */
const char *rules_category_name(enum hg_category c);  /* "infection" ... */

size_t rules_count(void);
const struct hg_rule_info *rules_info(size_t i);

/* Expected downtime D in days for a treatment. */
int rules_downtime(const struct hg_treatment *t);

/* Evaluate every rule over r (check-ins sorted by day).  Appends the flags
 * to *flags / *n (which may start as NULL / 0), each rule at most once, at
 * the first day it applies, then sorts the whole array by level, day,
 * treatment id and rule order.  Returns HG_OK. */
int rules_eval(const struct hg_recovery *r, struct hg_flag **flags, size_t *n);
/* Sort an array of flags (e.g. gathered from several treatments). */
void rules_sort(struct hg_flag *flags, size_t n);
void rules_flags_free(struct hg_flag *flags, size_t n);

/* Highest level among flags whose first day is `day`, or -1. */
int rules_level_on_day(const struct hg_flag *flags, size_t n, int64_t tid, int day);

#endif
