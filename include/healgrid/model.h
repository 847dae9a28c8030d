/* model.h — treatments, check-ins, symptoms, signs and risks as plain data.
 *
 * No SQL and no curses here: these structs are what storage fills, what the
 * rules read and what the screens and reports draw.  Name tables give every
 * enum value its stable command-line / CSV / JSON name.
 */
#ifndef HEALGRID_MODEL_H
#define HEALGRID_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum { HG_UNRATED = -1 };           /* a rating never given (NULL in SQL) */
enum { HG_RATING_MAX = 3 };
enum { HG_NOTE_MAX = 2000 };        /* bytes of UTF-8 in a note */
enum { HG_WINDOW_MIN = 7, HG_WINDOW_MAX = 180, HG_WINDOW_DEFAULT = 28 };
enum { HG_ACTION_TEXT_MAX = 500 };  /* bytes of UTF-8 in an action's text */
/* Temperatures are whole tenths of a degree Celsius (382 = 38.2 C). */
enum { HG_TEMP_NONE = 0, HG_TEMP_MIN = 340, HG_TEMP_MAX = 430, HG_TEMP_FEVER = 380 };
enum { HG_SKIN_NONE = 0, HG_SKIN_MIN = 1, HG_SKIN_MAX = 6, HG_SKIN_DARKER = 4 };
#define HG_DEPTH_MIN 0.1
#define HG_DEPTH_MAX 3.0

enum hg_symptom {
	HG_REDNESS, HG_SWELLING, HG_BRUISING, HG_BLEEDING, HG_SYMPTOM_COUNT
};

/* Bit positions are stored in the database: append only, never reorder. */
enum hg_sign {
	HG_SIGN_WARMTH, HG_SIGN_PUS, HG_SIGN_CRUSTING, HG_SIGN_SPREADING,
	HG_SIGN_PAIN, HG_SIGN_FEVER, HG_SIGN_BLISTERS, HG_SIGN_RASH,
	HG_SIGN_DARK_PATCHES, HG_SIGN_LIGHT_PATCHES, HG_SIGN_BUMPS,
	HG_SIGN_LINES,
	HG_SIGN_LIPS_AIRWAY,    /* version 2's "lips": lips, tongue or throat, or
	                         * trouble breathing; kept for stored data only */
	HG_SIGN_EYE, HG_SIGN_UNWELL,
	HG_SIGN_NONSTOP_BLEEDING, HG_SIGN_AIRWAY, HG_SIGN_NUMB_MOUTH,
	HG_SIGN_LIPS,           /* swollen lips or face */
	HG_SIGN_COUNT
};

/* Signs read from stored data and imports but never offered or accepted
 * for a new entry. */
#define HG_SIGNS_RETIRED HG_BIT(HG_SIGN_LIPS_AIRWAY)

/* Bit positions are stored in the database: append only, never reorder. */
enum hg_risk {
	HG_RISK_ACTIVE_INFECTION, HG_RISK_ACTIVE_ACNE, HG_RISK_BLEEDING_DISORDER,
	HG_RISK_BLOOD_THINNERS, HG_RISK_COLD_SORES, HG_RISK_KELOIDS,
	HG_RISK_ISOTRETINOIN, HG_RISK_DARK_SKIN, HG_RISK_PREGNANCY,
	HG_RISK_WEAK_IMMUNITY, HG_RISK_METAL_ALLERGY, HG_RISK_CANCER_TREATMENT,
	HG_RISK_COUNT
};

/* Care given to the skin that day.  Bit positions are stored in the
 * database: append only, never reorder. */
enum hg_care {
	HG_CARE_SUNSCREEN, HG_CARE_SUN, HG_CARE_ACTIVES, HG_CARE_MAKEUP,
	HG_CARE_COUNT
};

enum hg_device { HG_DEVICE_PROFESSIONAL, HG_DEVICE_HOME, HG_DEVICE_COUNT };

#define HG_BIT(x) (1u << (unsigned)(x))

/* Strings in these structs are owned by the struct: malloc'd (xstrdup),
 * freed by model_*_free, never pointing into memory that belongs to
 * something else (so never a cast away from const).  To store text you
 * only borrow, copy it in, and free the struct when done. */
struct hg_treatment {
	int64_t id;
	int date;               /* day number, see date.h */
	enum hg_device device;
	double depth;           /* mm; 0 = unknown */
	char *area;             /* owned; never NULL once loaded */
	char *products;         /* owned; "" when none */
	char *note;             /* owned; "" when none */
	unsigned risks;         /* HG_BIT(enum hg_risk) */
	int window;             /* days tracked, day 0 .. window-1 */
	int skin_type;          /* Fitzpatrick 1..6, HG_SKIN_NONE when unknown */
};

struct hg_checkin {
	int64_t treatment_id;
	int day;                           /* 0 .. window-1 */
	int rating[HG_SYMPTOM_COUNT];      /* 0..3 or HG_UNRATED */
	unsigned signs;                    /* HG_BIT(enum hg_sign) */
	int temp;                          /* tenths of a degree C, HG_TEMP_NONE */
	unsigned care;                     /* HG_BIT(enum hg_care) */
	char *note;                        /* "" when none; owned */
	/* Signs and care are each assessed (a list, possibly empty: "none of
	 * these") or not assessed (nothing said), as a rating is rated or
	 * not.  When not assessed, signs / care are 0 and say nothing. */
	int signs_assessed;                /* 1 or 0 */
	int care_assessed;                 /* 1 or 0 */
};

/* A flag an action resolves, remembered by rule and calendar date so that
 * renumbering the days of a treatment keeps pointing at the same flag. */
struct hg_flag_ref {
	char *rule;                        /* owned */
	int date;                          /* date.h day number */
	char *kind;                        /* owned; the flag's kind ("infection"),
	                                    * NULL until storage records it */
};

/* Who did an action: a clinician (doctor, nurse, pharmacist, the clinic)
 * or the person themself; actions recorded before `by` existed say
 * nothing, and count as a clinician's. */
enum hg_by { HG_BY_UNRECORDED, HG_BY_CLINICIAN, HG_BY_SELF };

/* Something done about the recovery ("saw GP, antibiotics for 7 days"). */
struct hg_action {
	int64_t id;
	int64_t treatment_id;
	int date;                          /* date.h day number */
	char *text;                        /* owned, <= HG_ACTION_TEXT_MAX bytes */
	struct hg_flag_ref *resolves;      /* owned: the flags it is for */
	size_t nresolves;
	enum hg_by by;
};

enum { HG_MEDICINE_TEXT_MAX = 100 }; /* bytes of a medicine's name or dose */
enum { HG_MEDICINE_DAYS_MAX = 3650 }; /* a course given in days: ten years at most */

/* A course of a medicine taken during a recovery. */
struct hg_medicine {
	int64_t id;
	int64_t treatment_id;
	char *name;                        /* owned, <= HG_MEDICINE_TEXT_MAX bytes */
	char *dose;                        /* owned, "" when not given */
	int from;                          /* date.h day number */
	int to;                            /* date.h day number, 0 while still taken */
};

/* One treatment with its check-ins sorted by day. */
struct hg_recovery {
	struct hg_treatment t;
	struct hg_checkin *days;
	size_t ndays;
};

/* Stable names ("redness", "pus", "cold-sores", "home") and labels for
 * people ("pus or cloudy discharge").  Lookups return -1 when unknown. */
const char *model_symptom_name(enum hg_symptom s);
const char *model_sign_name(enum hg_sign s);
const char *model_sign_label(enum hg_sign s);
const char *model_risk_name(enum hg_risk r);
const char *model_device_name(enum hg_device d);
const char *model_care_name(enum hg_care c);
const char *model_care_label(enum hg_care c);
const char *model_rating_label(int rating); /* "none" .. "severe", "not rated" */
int model_symptom_lookup(const char *name);
int model_sign_lookup(const char *name);
int model_risk_lookup(const char *name);
int model_device_lookup(const char *name);
int model_care_lookup(const char *name);

/* Parse a list of names separated by ',' or ';' into a bit set.
 * On an unknown name returns -1 and points *bad at a malloc'd copy of it
 * (caller frees).  Empty string gives 0. */
int model_parse_signs(const char *list, unsigned *out, char **bad);
int model_parse_risks(const char *list, unsigned *out, char **bad);
int model_parse_care(const char *list, unsigned *out, char **bad);
/* Write names joined by sep into buf (always NUL-terminated); returns the
 * length it needed, like snprintf. */
size_t model_format_signs(unsigned signs, char sep, char *buf, size_t len);
size_t model_format_risks(unsigned risks, char sep, char *buf, size_t len);
size_t model_format_care(unsigned care, char sep, char *buf, size_t len);

/* Body temperature: "38", "38.2", "38.2C" or "100.8F" (suffix C/c/F/f, at
 * most one decimal, a dot as decimal point whatever the locale).
 * Fahrenheit is converted and rounded to 0.1 C; the range 34.0-43.0 C is
 * checked after conversion.  Returns 0 with *out in tenths of a degree C,
 * or -1 with *why saying what is wrong (a static string). */
int model_parse_temp(const char *s, int *out, const char **why);
/* "38.2" (no unit); "" when HG_TEMP_NONE.  buf of 8 bytes is enough. */
void model_format_temp(int tenths, char *buf, size_t len);
/* Fitzpatrick skin type "1".."6" or "I".."VI" (any case): 1..6, else -1. */
int model_parse_skin_type(const char *s);
/* "I" .. "VI"; "" for HG_SKIN_NONE. */
const char *model_skin_type_name(int type);


/* Depth for people: "1.0", "0.25"; "unknown" when 0. */
void model_format_depth(double depth, char *buf, size_t len);

void model_treatment_init(struct hg_treatment *t);
void model_treatment_free(struct hg_treatment *t);
void model_checkin_init(struct hg_checkin *c);
void model_checkin_free(struct hg_checkin *c);
void model_recovery_free(struct hg_recovery *r);
/* A day with nothing recorded (no rating, sign, temperature, care or
 * note) is removed rather than stored empty. */
int model_checkin_is_empty(const struct hg_checkin *c);
void model_action_init(struct hg_action *a);
void model_action_free(struct hg_action *a);
void model_medicine_free(struct hg_medicine *m);
void model_medicines_free(struct hg_medicine *m, size_t n);  /* each, then the array */
void model_actions_free(struct hg_action *a, size_t n);
/* The check-in of day `day`, or NULL. days must be sorted. */
const struct hg_checkin *model_recovery_day(const struct hg_recovery *r, int day);

/* Who did an action: "clinician", "self"; NULL for HG_BY_UNRECORDED.
 * model_by_lookup gives HG_BY_CLINICIAN or HG_BY_SELF, or -1. */
const char *model_by_name(enum hg_by by);
int model_by_lookup(const char *name);

#endif
