/* rules.c — the warning engine (WARNING RULES in the man page).
 *
 * Two tables and one loop: `downtime_table` gives the expected downtime D
 * by device and needle depth, `rule_table` lists every rule with its
 * trigger parameters, message template, trigger text and source, and
 * rules_eval() walks the table over one recovery.  Every threshold (days,
 * ratings, risk sets, D) lives in the tables; the evaluator only knows the
 * four kinds of trigger.  No SQL, no curses, no I/O here.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/rules.h"
#include "healgrid/util.h"

/* ---- expected downtime D ---------------------------------------------- */

enum depth_match {
	DEPTH_ANY,          /* whatever the depth, known or not */
	DEPTH_UNKNOWN,      /* depth not recorded */
	DEPTH_UP_TO         /* depth known and <= max_depth */
};

enum { ANY_DEVICE = -1 };

/* First matching row wins ("3 for a home device or depth <= 0.5 mm;
 * 5 for depth <= 1.5 mm or a professional treatment of unknown depth; 7 for
 * depth > 1.5 mm"). */
static const struct downtime_row {
	int device;                 /* enum hg_device or ANY_DEVICE */
	enum depth_match match;
	double max_depth;           /* mm, for DEPTH_UP_TO */
	int days;
} downtime_table[] = {
	{ HG_DEVICE_HOME, DEPTH_ANY,     0.0, 3 },
	{ ANY_DEVICE,     DEPTH_UNKNOWN, 0.0, 5 },
	{ ANY_DEVICE,     DEPTH_UP_TO,   0.5, 3 },
	{ ANY_DEVICE,     DEPTH_UP_TO,   1.5, 5 },
	{ ANY_DEVICE,     DEPTH_ANY,     0.0, 7 },
};

/* Depths arrive as parsed decimals ("0.5", "1.50"); allow for rounding. */
#define DEPTH_EPSILON 1e-9

int rules_downtime(const struct hg_treatment *t)
{
	int known = t->depth > 0.0;

	for (size_t i = 0; i < sizeof downtime_table / sizeof downtime_table[0]; i++) {
		const struct downtime_row *row = &downtime_table[i];

		if (row->device != ANY_DEVICE && row->device != (int)t->device)
			continue;
		if (row->match == DEPTH_UNKNOWN && known)
			continue;
		if (row->match == DEPTH_UP_TO &&
		    (!known || t->depth > row->max_depth + DEPTH_EPSILON))
			continue;
		return row->days;
	}
	return downtime_table[sizeof downtime_table / sizeof downtime_table[0] - 1].days;
}

/* ---- the rule table --------------------------------------------------- */

enum trigger {
	TRIG_SIGN,      /* one of `signs` was ticked that day */
	TRIG_RATING,    /* `symptom` rated >= `rating` that day */
	TRIG_RISES,     /* `symptom` rated >= `rating` and higher than on the
	                 * most recent earlier day it was rated */
	TRIG_RISK       /* the treatment has one of `risks`: fires on min_day
	                 * whether or not any day was checked in */
};

enum context {
	CTX_NONE,       /* no condition on the rest of the day */
	CTX_WITH,       /* the day also shows ctx_signs or ctx_symptom >= ctx_rating */
	CTX_WITHOUT     /* ... and the opposite */
};

struct rule {
	struct hg_rule_info info;
	enum trigger trigger;
	unsigned signs;             /* TRIG_SIGN: any of these (HG_BIT) */
	enum hg_symptom symptom;    /* TRIG_RATING, TRIG_RISES */
	int rating;                 /* TRIG_RATING, TRIG_RISES: at least this */
	int min_day;                /* only on days >= min_day */
	int day_below;              /* only on days < day_below; 0 = no limit */
	int past_downtime;          /* only on days > D */
	unsigned risks;             /* treatment must have one of these; 0 = any */
	enum context ctx;
	unsigned ctx_signs;
	enum hg_symptom ctx_symptom;
	int ctx_rating;             /* 0 = the rating plays no part */
	/* Message template.  Placeholders: {day}, {rating} / {Rating} (the
	 * rule's symptom rating in words), {downtime} (D), {seen} (the rule's
	 * signs ticked that day), {risks} (the rule's risks the treatment has).
	 * A capital first letter ({Rating}) capitalizes the words. */
	const char *message;
	unsigned alt_risks;         /* when the treatment has one of these ... */
	const char *alt_message;    /* ... this template replaces `message` */
};

#define SIGN(s) HG_BIT(HG_SIGN_##s)
#define RISK(r) HG_BIT(HG_RISK_##r)

#define SRC_CHU "Chu et al., Dermatologic Surgery 2021: side effects settle within about a week"
#define SRC_CHU_SCAR "Chu et al., Dermatologic Surgery 2021: tram-track scarring after microneedling"
#define SRC_CHU_PIGMENT "Chu et al., Dermatologic Surgery 2021: pigment change, more often in darker skin"
#define SRC_NHS "NHS cellulitis guidance: spreading redness or fever needs urgent care"
#define SRC_WOUND "Southampton wound grading: pus marks an infected wound"
#define SRC_KING "King, JCAD 2017: herpes outbreaks 24-48 hours after treatment"
#define SRC_MARTIN "Martin & Huang, JAAD Case Reports 2021: reactions to serums on needled skin"
#define SRC_CRUSTS "NHS skin infection advice: yellow, honey-coloured crusts mean bacterial infection"
#define SRC_CONTRA "usual reasons to needle only with a doctor's agreement"
#define SRC_DEVICE "device makers' depth tables: about 3 days at 0.5 mm, 5 at 1.5 mm, 7 at 2-3 mm"

/* Endings by level, so every message says whom to contact how soon. */
#define TODAY "get medical care today."
#define SOON "call your dermatologist within a day or two."
#define NEXT "mention it at your next visit."

static const struct rule rule_table[] = {
	{ .info = { "pus", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign pus on any day", SRC_WOUND },
	  .trigger = TRIG_SIGN, .signs = SIGN(PUS),
	  .message = "Pus on day {day} can mean infection: contact a doctor today." },

	{ .info = { "spreading", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign spreading on day 1 or later", SRC_NHS },
	  .trigger = TRIG_SIGN, .signs = SIGN(SPREADING), .min_day = 1,
	  .message = "Redness spreading beyond the treated area on day {day} can mean cellulitis: " TODAY },

	{ .info = { "fever", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign fever on a day that also has warmth, pus, crusting, "
	            "spreading or pain, or redness 2 or more", SRC_NHS },
	  .trigger = TRIG_SIGN, .signs = SIGN(FEVER),
	  .ctx = CTX_WITH,
	  .ctx_signs = SIGN(WARMTH) | SIGN(PUS) | SIGN(CRUSTING) | SIGN(SPREADING) | SIGN(PAIN),
	  .ctx_symptom = HG_REDNESS, .ctx_rating = 2,
	  .message = "Fever with signs of skin infection on day {day} can mean it is spreading: " TODAY },

	{ .info = { "fever-alone", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "sign fever on any other day", SRC_NHS },
	  .trigger = TRIG_SIGN, .signs = SIGN(FEVER),
	  .ctx = CTX_WITHOUT,
	  .ctx_signs = SIGN(WARMTH) | SIGN(PUS) | SIGN(CRUSTING) | SIGN(SPREADING) | SIGN(PAIN),
	  .ctx_symptom = HG_REDNESS, .ctx_rating = 2,
	  .message = "Fever on day {day} may come from the treated skin: " SOON },

	{ .info = { "blisters", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign blisters on any day (the message names cold sores and "
	            "antivirals when the risk cold-sores is set)", SRC_KING },
	  .trigger = TRIG_SIGN, .signs = SIGN(BLISTERS),
	  .message = "Clustered blisters on day {day} can mean a viral skin infection: contact a doctor today.",
	  .alt_risks = RISK(COLD_SORES),
	  .alt_message = "Blisters on day {day} can be a cold sore outbreak: ask a doctor about antivirals today." },

	{ .info = { "crusting", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "sign crusting on any day", SRC_CRUSTS },
	  .trigger = TRIG_SIGN, .signs = SIGN(CRUSTING),
	  .message = "Yellow or honey crusts on day {day} can mean infection: " SOON },

	{ .info = { "warmth-pain", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "sign warmth or pain on day 2 or later", SRC_NHS },
	  .trigger = TRIG_SIGN, .signs = SIGN(WARMTH) | SIGN(PAIN), .min_day = 2,
	  .message = "{Seen} on day {day} can mean infection: " SOON },

	{ .info = { "redness-rising", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "redness rises to 2 or more on day 3 or later", SRC_NHS },
	  .trigger = TRIG_RISES, .symptom = HG_REDNESS, .rating = 2, .min_day = 3,
	  .message = "Redness rising to {rating} on day {day} can mean infection: " SOON },

	{ .info = { "swelling-rising", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "swelling rises to 2 or more on day 3 or later", SRC_NHS },
	  .trigger = TRIG_RISES, .symptom = HG_SWELLING, .rating = 2, .min_day = 3,
	  .message = "Swelling rising to {rating} on day {day} can mean infection: " SOON },

	{ .info = { "redness-late", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "redness 2 or more on a day after the expected downtime D", SRC_DEVICE },
	  .trigger = TRIG_RATING, .symptom = HG_REDNESS, .rating = 2, .past_downtime = 1,
	  .message = "{Rating} redness on day {day} outlasts the usual {downtime} days of healing: " SOON },

	{ .info = { "swelling-late", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "swelling 2 or more on a day after the expected downtime D", SRC_DEVICE },
	  .trigger = TRIG_RATING, .symptom = HG_SWELLING, .rating = 2, .past_downtime = 1,
	  .message = "{Rating} swelling on day {day} outlasts the usual {downtime} days of healing: " SOON },

	{ .info = { "redness-lingering", HG_CAT_HEALING, HG_LEVEL_WATCH,
	            "redness 1 or more on day 10 or later", SRC_CHU },
	  .trigger = TRIG_RATING, .symptom = HG_REDNESS, .rating = 1, .min_day = 10,
	  .message = "Redness still there on day {day} is slower healing than usual: " NEXT },

	{ .info = { "lines", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "sign lines on day 7 or later", SRC_CHU_SCAR },
	  .trigger = TRIG_SIGN, .signs = SIGN(LINES), .min_day = 7,
	  .message = "Needle-track lines on day {day} can be early scarring: " SOON },

	{ .info = { "bleeding-heavy", HG_CAT_BLEEDING, HG_LEVEL_URGENT,
	            "bleeding 3 (severe) on any day", SRC_CHU },
	  .trigger = TRIG_RATING, .symptom = HG_BLEEDING, .rating = 3,
	  .message = "Severe bleeding on day {day} is more than microneedling should cause: " TODAY },

	{ .info = { "bleeding-late", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bleeding 1 or more on day 2 or later", SRC_CHU },
	  .trigger = TRIG_RATING, .symptom = HG_BLEEDING, .rating = 1, .min_day = 2,
	  .message = "Bleeding on day {day}, when it usually stops within a day: " SOON },

	{ .info = { "bleeding-risk", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bleeding 2 or more on any day of a treatment with risk "
	            "bleeding-disorder or blood-thinners", SRC_CONTRA },
	  .trigger = TRIG_RATING, .symptom = HG_BLEEDING, .rating = 2,
	  .risks = RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS),
	  .message = "{Rating} bleeding on day {day} is a concern with your bleeding risk: " SOON },

	{ .info = { "bruising-heavy", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bruising 3 (severe) on any day", SRC_CHU },
	  .trigger = TRIG_RATING, .symptom = HG_BRUISING, .rating = 3,
	  .message = "Severe bruising on day {day} is more than usual: " SOON },

	{ .info = { "bruising-lingering", HG_CAT_BLEEDING, HG_LEVEL_WATCH,
	            "bruising 1 or more on day 10 or later", SRC_CHU },
	  .trigger = TRIG_RATING, .symptom = HG_BRUISING, .rating = 1, .min_day = 10,
	  .message = "Bruising still there on day {day} is slow to fade: " NEXT },

	{ .info = { "rash", HG_CAT_ALLERGY, HG_LEVEL_DOCTOR,
	            "sign rash on any day", SRC_MARTIN },
	  .trigger = TRIG_SIGN, .signs = SIGN(RASH),
	  .message = "Rash or hives on day {day} can mean an allergy to a product: " SOON },

	{ .info = { "bumps", HG_CAT_ALLERGY, HG_LEVEL_DOCTOR,
	            "sign bumps on any day", SRC_MARTIN },
	  .trigger = TRIG_SIGN, .signs = SIGN(BUMPS),
	  .message = "Firm bumps on day {day} can mean a reaction to a serum or cream: " SOON },

	{ .info = { "dark-patches-early", HG_CAT_PIGMENT, HG_LEVEL_WATCH,
	            "sign dark-patches before day 7 (some darkening in the "
	            "first week is common)", SRC_CHU_PIGMENT },
	  .trigger = TRIG_SIGN, .signs = SIGN(DARK_PATCHES), .day_below = 7,
	  .message = "Darker patches on day {day} are common in the first week: " NEXT },

	{ .info = { "dark-patches", HG_CAT_PIGMENT, HG_LEVEL_DOCTOR,
	            "sign dark-patches on day 7 or later", SRC_CHU_PIGMENT },
	  .trigger = TRIG_SIGN, .signs = SIGN(DARK_PATCHES), .min_day = 7,
	  .message = "Darker patches on day {day} can mean a lasting pigment change: " SOON },

	{ .info = { "light-patches", HG_CAT_PIGMENT, HG_LEVEL_DOCTOR,
	            "sign light-patches on any day", SRC_CHU_PIGMENT },
	  .trigger = TRIG_SIGN, .signs = SIGN(LIGHT_PATCHES),
	  .message = "Lighter patches on day {day} can mean pigment loss: " SOON },

	{ .info = { "risk-precaution", HG_CAT_PRECAUTION, HG_LEVEL_DOCTOR,
	            "day 0, when the treatment has risk active-infection, "
	            "active-acne, bleeding-disorder, blood-thinners, isotretinoin, "
	            "keloids or pregnancy", SRC_CONTRA },
	  .trigger = TRIG_RISK,
	  .risks = RISK(ACTIVE_INFECTION) | RISK(ACTIVE_ACNE) | RISK(BLEEDING_DISORDER) |
	           RISK(BLOOD_THINNERS) | RISK(ISOTRETINOIN) | RISK(KELOIDS) | RISK(PREGNANCY),
	  .message = "{Risks} can make needling riskier: ask your doctor before the next session." },

	{ .info = { "pigment-risk", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "risk dark-skin and redness 2 or more on day 3 or later", SRC_CHU_PIGMENT },
	  .trigger = TRIG_RATING, .symptom = HG_REDNESS, .rating = 2, .min_day = 3,
	  .risks = RISK(DARK_SKIN),
	  .message = "{Rating} redness on day {day} on darker skin raises the chance of dark patches: " NEXT },
};

enum { RULE_COUNT = sizeof rule_table / sizeof rule_table[0] };

/* Words for the placeholders.  Messages are sentences, so these are the
 * rules' own wording rather than the UI's labels. */
static const char *const rating_words[HG_RATING_MAX + 1] = {
	"no", "mild", "moderate", "severe"
};

static const char *const sign_words[HG_SIGN_COUNT] = {
	[HG_SIGN_WARMTH] = "hot skin",
	[HG_SIGN_PUS] = "pus",
	[HG_SIGN_CRUSTING] = "yellow crusts",
	[HG_SIGN_SPREADING] = "spreading redness",
	[HG_SIGN_PAIN] = "worsening pain",
	[HG_SIGN_FEVER] = "fever",
	[HG_SIGN_BLISTERS] = "blisters",
	[HG_SIGN_RASH] = "rash",
	[HG_SIGN_DARK_PATCHES] = "darker patches",
	[HG_SIGN_LIGHT_PATCHES] = "lighter patches",
	[HG_SIGN_BUMPS] = "firm bumps",
	[HG_SIGN_LINES] = "needle-track lines",
};

static const char *const risk_words[HG_RISK_COUNT] = {
	[HG_RISK_ACTIVE_INFECTION] = "an active infection",
	[HG_RISK_ACTIVE_ACNE] = "active acne",
	[HG_RISK_BLEEDING_DISORDER] = "a bleeding disorder",
	[HG_RISK_BLOOD_THINNERS] = "blood thinners",
	[HG_RISK_COLD_SORES] = "a history of cold sores",
	[HG_RISK_KELOIDS] = "keloids",
	[HG_RISK_ISOTRETINOIN] = "recent isotretinoin",
	[HG_RISK_DARK_SKIN] = "darker skin",
	[HG_RISK_PREGNANCY] = "pregnancy",
};

/* ---- names ------------------------------------------------------------ */

const char *rules_level_name(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = { "urgent", "doctor", "watch" };
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_level_symbol(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = { "\u203c", "!", "\u00b7" };
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_level_symbol_ascii(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = { "!!", "!", "." };
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_category_name(enum hg_category c)
{
	static const char *const names[HG_CAT_COUNT] = {
		"infection", "pigment", "bleeding", "allergy", "healing", "precaution"
	};
	return (unsigned)c < HG_CAT_COUNT ? names[c] : "?";
}

size_t rules_count(void)
{
	return RULE_COUNT;
}

const struct hg_rule_info *rules_info(size_t i)
{
	return i < RULE_COUNT ? &rule_table[i].info : NULL;
}

/* ---- evaluation ------------------------------------------------------- */

static int rated_at_least(int rating, int min)
{
	return rating != HG_UNRATED && rating >= min;
}

/* Rating of symptom s on check-in i is higher than on the most recent
 * earlier check-in that rated s; unrated days are skipped, and with no
 * earlier rating there is nothing to rise from. */
static int rises(const struct hg_recovery *r, size_t i, enum hg_symptom s)
{
	int now = r->days[i].rating[s];

	if (now == HG_UNRATED)
		return 0;
	while (i-- > 0) {
		int before = r->days[i].rating[s];
		if (before != HG_UNRATED)
			return now > before;
	}
	return 0;
}

static int context_holds(const struct rule *ru, const struct hg_checkin *c)
{
	if (c->signs & ru->ctx_signs)
		return 1;
	return ru->ctx_rating > 0 && rated_at_least(c->rating[ru->ctx_symptom], ru->ctx_rating);
}

static int day_in_range(const struct rule *ru, int day, int downtime)
{
	if (day < ru->min_day)
		return 0;
	if (ru->day_below > 0 && day >= ru->day_below)
		return 0;
	return !ru->past_downtime || day > downtime;
}

static int rule_matches(const struct rule *ru, const struct hg_recovery *r,
                        size_t i, int downtime)
{
	const struct hg_checkin *c = &r->days[i];

	if (c->day < 0 || !day_in_range(ru, c->day, downtime))
		return 0;
	if (ru->risks && !(r->t.risks & ru->risks))
		return 0;
	switch (ru->trigger) {
	case TRIG_SIGN:
		if (!(c->signs & ru->signs))
			return 0;
		break;
	case TRIG_RATING:
		if (!rated_at_least(c->rating[ru->symptom], ru->rating))
			return 0;
		break;
	case TRIG_RISES:
		if (!rated_at_least(c->rating[ru->symptom], ru->rating) ||
		    !rises(r, i, ru->symptom))
			return 0;
		break;
	case TRIG_RISK:
		return 0;       /* not tied to a check-in: see rules_eval() */
	}
	if (ru->ctx == CTX_WITH && !context_holds(ru, c))
		return 0;
	if (ru->ctx == CTX_WITHOUT && context_holds(ru, c))
		return 0;
	return 1;
}

/* Items named in a list before "and N others". */
enum { LIST_MAX = 1 };

/* Append the words for the set bits of `bits` (indexing `words`), joined
 * as "a", "a and b", or "a and 3 others" past LIST_MAX + 1 items, so a
 * message stays short enough for one line of a screen. */
static void put_list(struct strbuf *sb, unsigned bits, const char *const *words,
                     int count, const char *others)
{
	int total = 0, done = 0;

	for (int k = 0; k < count; k++)
		if (bits & HG_BIT(k))
			total++;
	for (int k = 0; k < count && done < total; k++) {
		if (!(bits & HG_BIT(k)))
			continue;
		if (done == LIST_MAX && total > LIST_MAX + 1) {
			sb_printf(sb, " and %d %s", total - done, others);
			return;
		}
		if (done > 0)
			sb_puts(sb, done == total - 1 ? " and " : ", ");
		sb_puts(sb, words[k]);
		done++;
	}
}

static void capitalize_from(struct strbuf *sb, size_t start)
{
	if (sb->len > start)
		sb->s[start] = (char)toupper((unsigned char)sb->s[start]);
}

struct msg_ctx {
	const struct rule *ru;
	const struct hg_recovery *r;
	const struct hg_checkin *c;     /* NULL for TRIG_RISK */
	int day;
	int downtime;
};

/* Expand one placeholder `name` (len bytes, without braces); a capital
 * first letter capitalizes the expansion.  Returns 0 when unknown. */
static int put_placeholder(struct strbuf *sb, const char *name, size_t len,
                           const struct msg_ctx *m)
{
	size_t start = sb->len;
	char first[16];

	if (len == 0 || len >= sizeof first)
		return 0;
	memcpy(first, name, len);
	first[len] = '\0';
	first[0] = (char)tolower((unsigned char)first[0]);

	if (strcmp(first, "day") == 0) {
		sb_printf(sb, "%d", m->day);
	} else if (strcmp(first, "downtime") == 0) {
		sb_printf(sb, "%d", m->downtime);
	} else if (strcmp(first, "rating") == 0) {
		int v = m->c ? m->c->rating[m->ru->symptom] : HG_UNRATED;
		sb_puts(sb, (v >= 0 && v <= HG_RATING_MAX) ? rating_words[v] : "unrated");
	} else if (strcmp(first, "seen") == 0) {
		put_list(sb, m->c ? m->c->signs & m->ru->signs : 0, sign_words,
		         HG_SIGN_COUNT, "others");
	} else if (strcmp(first, "risks") == 0) {
		put_list(sb, m->r->t.risks & m->ru->risks, risk_words,
		         HG_RISK_COUNT, "others");
	} else {
		return 0;
	}
	if (isupper((unsigned char)name[0]))
		capitalize_from(sb, start);
	return 1;
}

static char *message_make(const struct msg_ctx *m)
{
	const struct rule *ru = m->ru;
	const char *p = ru->message;
	struct strbuf sb = STRBUF_INIT;

	if (ru->alt_message && (m->r->t.risks & ru->alt_risks))
		p = ru->alt_message;
	while (*p) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open, '}') : NULL;

		if (!open || !close) {
			sb_puts(&sb, p);
			break;
		}
		sb_add(&sb, p, (size_t)(open - p));
		if (!put_placeholder(&sb, open + 1, (size_t)(close - open - 1), m))
			sb_add(&sb, open, (size_t)(close - open + 1));   /* leave it visible */
		p = close + 1;
	}
	return sb_detach(&sb);
}

static void flag_fill(struct hg_flag *f, const struct msg_ctx *m)
{
	f->treatment_id = m->r->t.id;
	f->rule = m->ru->info.id;
	f->category = m->ru->info.category;
	f->level = m->ru->info.level;
	f->day = m->day;
	f->date = m->r->t.date + m->day;
	f->message = message_make(m);
}

int rules_eval(const struct hg_recovery *r, struct hg_flag **flags, size_t *n)
{
	struct hg_flag found[RULE_COUNT];
	size_t nfound = 0;
	int downtime = rules_downtime(&r->t);

	for (size_t k = 0; k < RULE_COUNT; k++) {
		const struct rule *ru = &rule_table[k];
		struct msg_ctx m = { ru, r, NULL, 0, downtime };

		if (ru->trigger == TRIG_RISK) {
			if (!(r->t.risks & ru->risks))
				continue;
			m.day = ru->min_day;
			flag_fill(&found[nfound++], &m);
			continue;
		}
		for (size_t i = 0; i < r->ndays; i++) {
			if (rule_matches(ru, r, i, downtime)) {
				m.c = &r->days[i];
				m.day = m.c->day;
				flag_fill(&found[nfound++], &m);
				break;
			}
		}
	}
	if (nfound > 0) {
		*flags = xrealloc(*flags, (*n + nfound) * sizeof **flags);
		memcpy(*flags + *n, found, nfound * sizeof found[0]);
		*n += nfound;
	}
	rules_sort(*flags, *n);
	return HG_OK;
}

/* ---- ordering and cleanup --------------------------------------------- */

static size_t rule_order(const char *id)
{
	for (size_t k = 0; k < RULE_COUNT; k++)
		if (rule_table[k].info.id == id || strcmp(rule_table[k].info.id, id) == 0)
			return k;
	return RULE_COUNT;
}

static int flag_cmp(const void *pa, const void *pb)
{
	const struct hg_flag *a = pa, *b = pb;
	size_t ra, rb;

	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->treatment_id != b->treatment_id)
		return a->treatment_id < b->treatment_id ? -1 : 1;
	ra = rule_order(a->rule);
	rb = rule_order(b->rule);
	return (ra > rb) - (ra < rb);
}

void rules_sort(struct hg_flag *flags, size_t n)
{
	if (n > 1)
		qsort(flags, n, sizeof *flags, flag_cmp);
}

void rules_flags_free(struct hg_flag *flags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(flags[i].message);
	free(flags);
}

int rules_level_on_day(const struct hg_flag *flags, size_t n, int64_t tid, int day)
{
	int best = -1;

	for (size_t i = 0; i < n; i++)
		if (flags[i].treatment_id == tid && flags[i].day == day &&
		    (best < 0 || (int)flags[i].level < best))
			best = (int)flags[i].level;
	return best;
}
