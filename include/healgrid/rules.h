/* rules.h — the warning engine (WARNING RULES in the man page).
 *
 * One table of rules and one evaluator over a single recovery (a treatment
 * and its check-ins).  Pure: no SQL, no curses, no I/O, so the UI, `flags`
 * and `report` all share it.
 *
 * Flags follow episodes: a rule matches a day when its trigger holds on
 * that day, and raises a flag on a matching day when its most recent
 * earlier known day did not match, lies more than a week before, or does
 * not exist.  Rules that read only ratings are unknown (skipped) on a day
 * where every rating they read is unrated.  A flag's id is RULE@DAY, the
 * day its episode began.
 */
#ifndef HEALGRID_RULES_H
#define HEALGRID_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/model.h"

enum hg_category {
	HG_CAT_INFECTION, HG_CAT_PIGMENT, HG_CAT_BLEEDING, HG_CAT_ALLERGY,
	HG_CAT_HEALING, HG_CAT_PRECAUTION, HG_CAT_GENERAL, HG_CAT_COUNT
};

/* Lower value = more serious; flags sort by this first. */
enum hg_level {
	HG_LEVEL_EMERGENCY, HG_LEVEL_URGENT, HG_LEVEL_DOCTOR, HG_LEVEL_WATCH,
	HG_LEVEL_COUNT
};

/* A new episode starts when the last known day lies more than this many
 * days before. */
enum { HG_EPISODE_GAP = 7 };

/* What the man page and help show about one rule. */
struct hg_rule_info {
	const char *id;          /* stable: "pus", "redness-late" ... */
	enum hg_category category;
	enum hg_level level;
	const char *trigger;     /* plain words: "sign pus on any day" */
	const char *source;      /* short citation */
	const char *escalation;  /* plain words, or NULL when it never escalates */
	int once;                /* treatment-level: one flag on day 0 */
};

struct hg_flag {
	int64_t treatment_id;
	const char *rule;        /* points into the static table */
	enum hg_category category;
	enum hg_level level;
	int day;                 /* first day it applies */
	int date;                /* treatment date + day (date.h day number) */
	char *message;           /* owned: what was seen, what it can mean, whom to contact how soon */
	const struct hg_action *action; /* the action resolving it, NULL when open
	                                 * (set by rules_attach_actions) */
};

/* One rule a given day matches (see rules_day_matches). */
struct hg_match {
	const char *rule;        /* points into the static table */
	enum hg_category category;
	enum hg_level level;     /* effective level, escalation included */
	int flag_day;            /* the day the episode's flag was raised */
	int is_new;              /* this day raises that flag */
	char *message;           /* owned: about this day */
};

/* Longest flag id, "light-patches-early@179" and the like, with NUL. */
enum { HG_FLAG_ID_MAX = 48 };

const char *rules_level_name(enum hg_level l);        /* "emergency", "urgent", "doctor", "watch" */
/* What the level asks, the same words everywhere: "call emergency services
 * now (112, 911 or 999)" ... (no capital, no full stop). */
const char *rules_level_action(enum hg_level l);
const char *rules_level_symbol(enum hg_level l);      /* "▲", "‼", "!", "·" (UTF-8) */
const char *rules_level_symbol_ascii(enum hg_level l);/* "!!!", "!!", "!", "." */
const char *rules_category_name(enum hg_category c);  /* "infection" ... */

size_t rules_count(void);
const struct hg_rule_info *rules_info(size_t i);

/* Expected downtime D in days for a treatment. */
int rules_downtime(const struct hg_treatment *t);

/* Evaluate every rule over r (check-ins sorted by day), in time linear in
 * the number of check-ins.  Appends the flags to *flags / *n (which may
 * start as NULL / 0), one per episode, at its first day, then sorts the
 * whole array (rules_sort).  Returns HG_OK. */
int rules_eval(const struct hg_recovery *r, struct hg_flag **flags, size_t *n);
/* Every rule that check-in day `day` of r matches (none when the day has
 * no check-in), most serious first, each with its episode's flag day and
 * whether this day raises it.  Treatment-level rules are not tied to a
 * day and are not listed.  Returns HG_OK. */
int rules_day_matches(const struct hg_recovery *r, int day, struct hg_match **out, size_t *n);
void rules_matches_free(struct hg_match *m, size_t n);
/* "pus@5" into buf (HG_FLAG_ID_MAX bytes). */
void rules_flag_id(const char *rule, int day, char *buf, size_t len);
/* Parse "pus@5": the rule must exist; *rule points into the table.
 * Returns 0, or -1 when malformed or unknown. */
int rules_parse_flag_id(const char *id, const char **rule, int *day);
/* Point each flag at the action resolving it (by treatment, rule and
 * calendar date); others get NULL.  The actions must outlive the flags'
 * use of them. */
void rules_attach_actions(struct hg_flag *flags, size_t n,
                          const struct hg_action *actions, size_t nactions);
/* The flag of treatment tid raised by `rule` on calendar `date`, or NULL:
 * a resolved reference that finds none is "no longer raised". */
const struct hg_flag *rules_find_flag(const struct hg_flag *flags, size_t n,
                                      int64_t tid, const char *rule, int date);
/* Sort flags by level, day, rule id (alphabetical), then treatment id. */
void rules_sort(struct hg_flag *flags, size_t n);
void rules_flags_free(struct hg_flag *flags, size_t n);

/* Highest level among flags whose first day is `day`, or -1. */
int rules_level_on_day(const struct hg_flag *flags, size_t n, int64_t tid, int day);

#endif
