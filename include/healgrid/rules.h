/* rules.h — the warning engine (WARNING RULES and FLAGS in the man page).
 *
 * One table of rules and one evaluator over a single recovery (a treatment,
 * its check-ins and the actions recorded for it).  Pure: no SQL, no curses,
 * no I/O, so the UI, the command line and the reports all share it.
 *
 * A rule matches a day when its trigger holds on that day.  Every rule
 * belongs to one kind of problem; a flag is one problem of one kind,
 * followed from the first day a rule of its kind matches until it settles
 * (three clear check-in days after its last matching day).  The rules that
 * matched are its findings.  Actions that name a flag may cover it
 * (in-care); a covered flag can come back.  The *once* rules are not flags
 * but precautions of the treatment.
 */
#ifndef HEALGRID_RULES_H
#define HEALGRID_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/model.h"

/* Kinds of problem; names are "infection", "cold-sore" ... */
enum hg_kind {
	HG_KIND_INFECTION, HG_KIND_COLD_SORE, HG_KIND_REACTION, HG_KIND_BLEEDING,
	HG_KIND_HEALING, HG_KIND_PIGMENT, HG_KIND_EYE, HG_KIND_ILLNESS, HG_KIND_CARE,
	HG_KIND_PRECAUTION,      /* the once rules only: never a flag */
	HG_KIND_COUNT
};

/* Lower value = more serious; flags sort by this first. */
enum hg_level {
	HG_LEVEL_EMERGENCY, HG_LEVEL_URGENT, HG_LEVEL_DOCTOR, HG_LEVEL_WATCH,
	HG_LEVEL_COUNT
};

enum hg_flag_status { HG_STATUS_OPEN, HG_STATUS_IN_CARE, HG_STATUS_SETTLED, HG_STATUS_COUNT };

/* What makes a day interrupt: the flag starts, gets worse, or comes back. */
enum hg_alert { HG_ALERT_NONE, HG_ALERT_NEW, HG_ALERT_WORSE, HG_ALERT_BACK };

/* Clear check-in days after the last matching day that settle a flag. */
enum { HG_SETTLE_DAYS = 3 };
/* Days after a covering action from which an infection still serious has
 * come back (not better after three days of care). */
enum { HG_BACK_INFECTION_DAYS = 3 };
/* Follow-up looks: due from their day for HG_LOOK_SPAN days. */
enum { HG_LOOK_SPAN = 14, HG_LOOK_COUNT = 3 };

/* What the man page and help show about one rule. */
struct hg_rule_info {
	const char *id;          /* stable: "pus", "redness-late" ... */
	enum hg_kind kind;       /* HG_KIND_PRECAUTION for once rules; crusting's
	                          * kind depends on the treatment (rules_rule_kind) */
	enum hg_level level;
	const char *trigger;     /* plain words: "sign pus" */
	const char *source;      /* short citation */
	const char *escalation;  /* plain words, or NULL when it never escalates */
	int once;                /* a precaution of the treatment */
	const char *short_name;  /* clinical words for lists: "rising redness" */
};

/* One rule that matched on a flag's days. */
struct hg_finding {
	const char *rule;        /* points into the static table */
	enum hg_level level;     /* the highest it reached */
	int day, last_day;       /* first and last matching day */
};

/* Longest flag id with NUL (room for a version 2 "light-patches-early@179"). */
enum { HG_FLAG_ID_MAX = 48 };

/* One problem. */
struct hg_flag {
	int64_t treatment_id;
	char id[HG_FLAG_ID_MAX]; /* "infection@10" */
	enum hg_kind kind;
	enum hg_level level;     /* effective level, escalation included */
	int day;                 /* first matching day */
	int date;                /* treatment date + day (date.h day number) */
	int last_day;            /* last matching day */
	struct hg_finding *findings; /* owned; by first day, then rule */
	size_t nfindings;
	char *message;           /* owned: what was seen, what it can mean, what to do;
	                          * the "back" message while it is back */
	enum hg_flag_status status;   /* now */
	int since;               /* day the status began */
	int settled_day;         /* day it settled by, or -1 while active */
	int back_day;            /* day it last came back, or -1 */
	int clinician_seen;      /* an action by a clinician (or unrecorded) names it */
	/* Actions naming the flag, by date (borrowed pointers into the array
	 * given to rules_eval, which must outlive the flags). */
	const struct hg_action **actions;  /* owned array */
	size_t nactions;
	const struct hg_action *care;      /* the covering action while in care,
	                                    * else NULL */
	int self_only_urgent;    /* a self action names it while urgent or
	                          * emergency: "needs a clinician" */
};

/* A precaution: a once rule the treatment raises. */
struct hg_precaution {
	int64_t treatment_id;
	const char *id;          /* the rule id, into the static table */
	enum hg_level level;
	char *message;           /* owned */
};

/* One flag as one day shows it (rules_day). */
struct hg_day_flag {
	char id[HG_FLAG_ID_MAX];
	enum hg_kind kind;
	enum hg_level level;     /* the flag's level on that day */
	enum hg_flag_status status;   /* on that day */
	int since;
	enum hg_alert alert;
	const char **findings;   /* owned array of rule ids matching that day */
	size_t nfindings;
	/* Parallel to findings: each one's own message about that day (what
	 * was seen, what it can mean, what to do, first aid included) and its
	 * level that day.  Owned. */
	char **finding_messages;
	enum hg_level *finding_levels;
	char *message;           /* owned */
	const struct hg_action *care; /* covering action while in care, or NULL */
};

/* Everything one check-in day says: the flags with a finding on it, most
 * serious first, and the noted signs. */
struct hg_day {
	struct hg_day_flag *flags;
	size_t nflags;
	unsigned noted;          /* HG_BIT(enum hg_sign): ticked, matched nothing */
};

const char *rules_level_name(enum hg_level l);        /* "emergency", "urgent", "doctor", "watch" */
/* What the level asks, the same words everywhere: "call emergency services
 * now (112, 911 or 999)" ... (no capital, no full stop). */
const char *rules_level_action(enum hg_level l);
const char *rules_level_symbol(enum hg_level l);      /* "▲", "‼", "!", "·" (UTF-8) */
const char *rules_level_symbol_ascii(enum hg_level l);/* "!!!", "!!", "!", "." */
const char *rules_kind_name(enum hg_kind k);          /* "infection", "cold-sore" ... */
int rules_kind_lookup(const char *name);              /* enum hg_kind or -1 */
const char *rules_status_name(enum hg_flag_status s);      /* "open", "in-care", "settled" */
const char *rules_alert_name(enum hg_alert a);        /* "new", "worse", "back"; NULL for none */
/* "Tell the clinic that treated you if it gets worse." */
const char *rules_noted_advice(void);

size_t rules_count(void);
const struct hg_rule_info *rules_info(size_t i);
/* The rule named id (version 2's "breathing" and "lips" included, as the
 * rule that took them over), or NULL. */
const struct hg_rule_info *rules_find_rule(const char *id);
/* The kind of problem a rule's flags have on treatment t: crusting is a
 * cold sore on the face with the risk cold-sores.  Version 2 rule ids
 * ("breathing", "lips") are understood.  -1 when unknown or a once rule. */
int rules_rule_kind(const char *rule, const struct hg_treatment *t);

/* Expected downtime D in days for a treatment. */
int rules_downtime(const struct hg_treatment *t);
/* The area is the face; around the eye (see the man page). */
int rules_area_face(const char *area);
int rules_area_eye(const char *area);

/* Evaluate the rules over r (check-ins sorted by day) and the actions of
 * its treatment (any order; others are ignored), in time linear in the
 * number of check-ins.  Appends the flags to *flags / *n (which may start
 * as NULL / 0), sorted by level, day, kind; the flags point at the actions,
 * which must outlive them.  Returns HG_OK. */
int rules_eval(const struct hg_recovery *r, const struct hg_action *actions, size_t nactions,
               struct hg_flag **flags, size_t *n);
/* Sort by level, day, kind (alphabetical), then treatment id. */
void rules_sort(struct hg_flag *flags, size_t n);
/* Stable: open first, then in care, then settled; by level and day within. */
void rules_sort_by_status(struct hg_flag *flags, size_t n);
void rules_flags_free(struct hg_flag *flags, size_t n);

/* The precautions of treatment t; `today` (date.h day number) tells a
 * planned treatment (its messages speak of "this session") from one that
 * happened ("your next session").  Appends to *out / *n. */
int rules_precautions(const struct hg_treatment *t, int today,
                      struct hg_precaution **out, size_t *n);
void rules_precautions_free(struct hg_precaution *p, size_t n);

/* What check-in day `day` shows, given the check-ins and actions up to
 * that day: each flag with a finding on it (status, alert, findings),
 * most serious first, and the noted signs.  A day without a check-in
 * shows nothing.  Free with rules_day_free. */
int rules_day(const struct hg_recovery *r, const struct hg_action *actions, size_t nactions,
              int day, struct hg_day *out);
void rules_day_free(struct hg_day *d);

/* The flag an action's reference names: the flag of the reference's kind
 * (ref->kind, else derived from ref->rule) whose span (first day to the
 * day it settled by, or open-ended) holds the reference's date, failing
 * that the one whose span holds action_date.  NULL: "no longer raised". */
const struct hg_flag *rules_find_flag(const struct hg_flag *flags, size_t n,
                                      const struct hg_treatment *t,
                                      const struct hg_flag_ref *ref, int action_date);
/* Check the flag ids an action dated action_date names against the flags
 * of treatment t: each must exist and start on or before action_date.
 * On success fills *refs (owned, model_action_free frees them with the
 * action; rule = the flag's first finding, kind = its kind, date = its
 * first date) and returns HG_OK; else records "no flag pus@1; flags of
 * treatment 1: infection@10, pigment@16" (with "did you mean ...?" when
 * one is near) and returns HG_ERR_INPUT.  Ids landing on one flag
 * collapse into one reference. */
int rules_check_flag_ids(const struct hg_flag *flags, size_t n, const struct hg_treatment *t,
                         int action_date, char *const *ids, size_t nids,
                         struct hg_flag_ref **refs, size_t *nrefs);
/* Parse "KIND@DAY" or a stored reference "RULE@DAY" (version 2's rule ids
 * "breathing" and "lips" included): *name points to a static copy of the
 * part before '@'.  Returns 0, or -1 when malformed or unknown. */
int rules_parse_flag_id(const char *id, const char **name, int *day);
/* "infection@10" into buf (HG_FLAG_ID_MAX bytes). */
void rules_flag_id(enum hg_kind kind, int day, char *buf, size_t len);

/* Daily tracking (see the man page): the day E it ended on, or -1 while
 * daily check-ins are still asked for.  flags are those rules_eval gave
 * for r (other treatments' are ignored). */
int rules_tracking_end(const struct hg_recovery *r, const struct hg_flag *flags, size_t n);
/* The follow-up looks: days 42, 84, 168. */
int rules_look_day(int i);
/* "six-week", "twelve-week", "twenty-four-week" */
const char *rules_look_name(int i);
/* The look due on `today` (date.h day number), as its index, or -1.
 * later_same_area: the date of the earliest treatment (not planned) of the
 * same area dated after this one, or 0 when none. */
int rules_look_due(const struct hg_recovery *r, int today, int later_same_area);
/* The next look not yet done and not yet past, as its index, or -1. */
int rules_look_next(const struct hg_recovery *r, int today, int later_same_area);
/* The later_same_area that rules_look_due and rules_look_next take for t,
 * from every treatment (all[n], t among them or not): the date of the
 * earliest one of t's area dated after t and on or before today, or 0. */
int rules_later_same_area(const struct hg_treatment *all, size_t n,
                          const struct hg_treatment *t, int today);
/* Whether `due` and the UI ask for today's check-in: today is inside the
 * window or a flag is open or in care, and daily tracking has not ended. */
int rules_daily_asked(const struct hg_recovery *r, const struct hg_flag *flags, size_t n,
                      int today);

#endif
