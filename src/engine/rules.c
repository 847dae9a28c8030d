/* rules.c — the warning engine (WARNING RULES in the man page).
 *
 * Two tables and one walk: `downtime_table` gives the expected downtime D
 * by needle depth and device, `rule_table` lists every rule with its
 * trigger parameters, escalation, message template, trigger text and
 * source, and walk() goes once over the check-ins of a recovery, deciding
 * for every rule on every day whether it matches, does not, or cannot
 * tell (ratings not given), and where its episodes begin.  The walk is
 * linear in the number of check-ins.  No SQL, no curses, no I/O here.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/rules.h"
#include "healgrid/util.h"

/* ---- expected downtime D ---------------------------------------------- */

enum depth_match {
	DEPTH_UNKNOWN,      /* depth not recorded */
	DEPTH_UP_TO,        /* depth known and <= max_depth */
	DEPTH_ANY           /* whatever the depth */
};

enum { ANY_DEVICE = -1 };

/* First matching row wins: by depth when it is known (<= 0.5 mm: 3 days;
 * <= 1.5 mm: 5; deeper: 7), else by device (home 3, professional 5). */
static const struct downtime_row {
	int device;                 /* enum hg_device or ANY_DEVICE */
	enum depth_match match;
	double max_depth;           /* mm, for DEPTH_UP_TO */
	int days;
} downtime_table[] = {
	{ ANY_DEVICE,            DEPTH_UP_TO,   0.5, 3 },
	{ ANY_DEVICE,            DEPTH_UP_TO,   1.5, 5 },
	{ HG_DEVICE_HOME,        DEPTH_UNKNOWN, 0.0, 3 },
	{ HG_DEVICE_PROFESSIONAL, DEPTH_UNKNOWN, 0.0, 5 },
	{ ANY_DEVICE,            DEPTH_ANY,     0.0, 7 },
};

/* Depths arrive as parsed decimals ("0.5", "1.50"); allow for rounding. */
#define DEPTH_EPSILON 1e-9

int rules_downtime(const struct hg_treatment *t)
{
	int known = t->depth > 0.0;
	size_t n = sizeof downtime_table / sizeof downtime_table[0];

	for (size_t i = 0; i < n; i++) {
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
	return downtime_table[n - 1].days;
}

/* ---- the rule table --------------------------------------------------- */

enum trigger {
	TRIG_SIGN,          /* one of `signs` ticked */
	TRIG_CARE,          /* one of `care` recorded */
	TRIG_RATING,        /* `symptom` rated rating..rating_max (rating only) */
	TRIG_RISES,         /* `symptom` rated >= rating and higher than on the
	                     * most recent earlier day it was rated (rating only) */
	TRIG_BLEED_RISK,    /* bleeding or bruising >= rating (rating only) */
	TRIG_FEVER,         /* fever, with `ctx` (CTX_WITH / CTX_WITHOUT) */
	TRIG_WARMTH_PAIN,   /* one of `signs` on a day d with 2d > D */
	TRIG_TWO_OF,        /* two or more of the rules `parts` match the day */
	TRIG_ONCE_RISK,     /* treatment has one of `risks`: one flag, day 0 */
	TRIG_ONCE_DARKER,   /* darker skin: one flag, day 0 */
	TRIG_ONCE_HOME_DEEP /* home device deeper than `depth`: one flag, day 0 */
};

/* Fever's context: a day near the treatment (day <= fever_days) or one
 * with signs at the skin (ctx_signs, or redness or swelling >= 2). */
enum context { CTX_NONE, CTX_WITH, CTX_WITHOUT };

struct rule {
	struct hg_rule_info info;
	enum trigger trigger;
	unsigned signs;             /* TRIG_SIGN, TRIG_WARMTH_PAIN (HG_BIT) */
	unsigned care;              /* TRIG_CARE */
	enum hg_symptom symptom;    /* TRIG_RATING, TRIG_RISES */
	int rating;                 /* at least this */
	int rating_max;             /* at most this; 0 = no upper bound */
	int min_day;                /* only on days >= min_day */
	int day_below;              /* only on days < day_below; 0 = no limit */
	int past_downtime;          /* only on days > D */
	unsigned risks;             /* treatment must have one of these; 0 = any */
	double depth;               /* TRIG_ONCE_HOME_DEEP */
	const char *parts;          /* TRIG_TWO_OF: rule ids, comma-separated */
	enum context ctx;           /* TRIG_FEVER */
	/* Escalation: with one of esc_risks, or on darker skin when esc_darker,
	 * the level is esc_level. */
	unsigned esc_risks;
	int esc_darker;
	enum hg_level esc_level;
	/* Message template.  Placeholders: {day}, {action} (the effective
	 * level's action, with a full stop), {rating} (the rule's symptom that
	 * day in words), {downtime} (D), {seen} (the rule's signs ticked that
	 * day), {parts} (TRIG_TWO_OF: what matched), {risks} (the rule's risks
	 * the treatment has, every one named), {temp} (" of 38.4 °C" when
	 * measured), {depth}.  A capital first letter ({Seen}) capitalizes. */
	const char *message;
	unsigned alt_risks;         /* with one of these ... */
	int alt_from_day;           /* ... or from this day on (0 = never) ... */
	const char *alt_message;    /* ... this template replaces `message` */
};

#define SIGN(s) HG_BIT(HG_SIGN_##s)
#define RISK(r) HG_BIT(HG_RISK_##r)
#define CARE(c) HG_BIT(HG_CARE_##c)

#define SRC_CHU "Chu et al., Dermatologic Surgery 2021: side effects settle within about a week"
#define SRC_CHU_SCAR "Chu et al., Dermatologic Surgery 2021: tram-track scarring"
#define SRC_CHU_PIGMENT "Chu et al., Dermatologic Surgery 2021: pigment change, more often in darker skin"
#define SRC_NHS "NHS cellulitis guidance: spreading redness and fever with skin symptoms need urgent care; weak immunity or diabetes raises the urgency"
#define SRC_ANAPH "NHS anaphylaxis guidance: swollen lips, tongue or throat, or trouble breathing: call 999"
#define SRC_ORBIT "orbital cellulitis: eye pain or changed vision is an emergency"
#define SRC_WOUND "Southampton wound grading: pus marks an infected wound"
#define SRC_HSV "King, JCAD 2017, and the CMAC HSV-1 guideline, JCAD 2021: blisters 24-48 hours after; antiviral cover"
#define SRC_GRANULOMA "Martin & Huang, JAAD Case Reports 2021, and Friedmann et al., Dermatologic Surgery 2024: granulomatous reactions after serums, vitamin C"
#define SRC_PIH "Davis & Callender, JCAD 2010, and DermNet NZ: post-inflammatory hyperpigmentation, darker skin, sun protection"
#define SRC_HOME "AAD (home devices) and FDA (devices that penetrate the skin)"
#define SRC_FDA_ANAESTH "FDA 2007: reactions to topical anaesthetics"
#define SRC_ISO "ASDS 2017 isotretinoin consensus; Chu et al., Dermatologic Surgery 2021"
#define SRC_DEVICE "device makers' depth tables: about 3 days at 0.5 mm or less, 4-5 days at 0.8-1.5 mm, 6-7 days at 2-3 mm"

#define SKIN_CTX (SIGN(WARMTH) | SIGN(PUS) | SIGN(CRUSTING) | SIGN(SPREADING) | \
                  SIGN(PAIN) | SIGN(BLISTERS))
enum { FEVER_DAYS = 7, SKIN_RATING = 2 };

static const struct rule rule_table[] = {
	{ .info = { "breathing", HG_CAT_ALLERGY, HG_LEVEL_EMERGENCY,
	            "sign lips (swollen lips, tongue or throat, or trouble breathing"
	            " or swallowing) on any day", SRC_ANAPH, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(LIPS),
	  .message = "Swollen lips, tongue or throat, or trouble breathing or swallowing on"
	             " day {day} can mean a severe allergic reaction: {action}" },

	{ .info = { "eye", HG_CAT_GENERAL, HG_LEVEL_EMERGENCY,
	            "sign eye (eye pain or changed vision) on any day", SRC_ORBIT, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(EYE),
	  .message = "Eye pain or changed vision on day {day} can mean an infection around"
	             " the eye: {action}" },

	{ .info = { "unwell", HG_CAT_GENERAL, HG_LEVEL_EMERGENCY,
	            "sign unwell (feeling very unwell: confused, fainting, racing heart,"
	            " fast breathing or vomiting) on any day", SRC_NHS, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(UNWELL),
	  .message = "Feeling very unwell on day {day} can mean a serious infection"
	             " spreading through the body: {action}" },

	{ .info = { "bleeding-nonstop", HG_CAT_BLEEDING, HG_LEVEL_EMERGENCY,
	            "sign nonstop-bleeding (bleeding that does not stop after 10 minutes"
	            " of firm pressure) on any day", SRC_CHU, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(NONSTOP_BLEEDING),
	  .message = "Bleeding that did not stop after 10 minutes of firm pressure on day"
	             " {day} can mean a bleeding problem: {action}" },

	{ .info = { "pus", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign pus on any day", SRC_WOUND, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(PUS),
	  .message = "Pus or cloudy discharge on day {day} can mean an infection of the"
	             " needle marks: {action}" },

	{ .info = { "spreading", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign spreading on day 1 or later", SRC_NHS, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(SPREADING), .min_day = 1,
	  .message = "Redness spreading beyond the treated area on day {day} can mean"
	             " cellulitis, a skin infection: {action}" },

	{ .info = { "spreading-early", HG_CAT_ALLERGY, HG_LEVEL_DOCTOR,
	            "sign spreading on day 0 (a reaction to numbing cream or serum)",
	            SRC_FDA_ANAESTH, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(SPREADING), .day_below = 1,
	  .message = "Redness spreading beyond the treated area on day {day} can mean a"
	             " reaction to the numbing cream or serum: {action} The clinic that"
	             " treated you knows what was used." },

	{ .info = { "fever", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "fever (sign fever, or a temperature of 38.0 C or more) on day 7 or"
	            " earlier, or on any day that also has warmth, pus, crusting,"
	            " spreading, pain or blisters, or redness or swelling 2 or more",
	            SRC_NHS, NULL, 0 },
	  .trigger = TRIG_FEVER, .ctx = CTX_WITH,
	  .message = "A fever{temp} on day {day}, soon after the treatment or with signs at"
	             " the skin, can mean an infection: {action} Your GP or an urgent care"
	             " centre fits best." },

	{ .info = { "fever-alone", HG_CAT_GENERAL, HG_LEVEL_DOCTOR,
	            "fever on any other day (after day 7, with nothing at the skin)",
	            SRC_NHS, NULL, 0 },
	  .trigger = TRIG_FEVER, .ctx = CTX_WITHOUT,
	  .message = "A fever{temp} on day {day}, with nothing at the skin, can mean an"
	             " illness other than the treatment: {action} Your GP fits best, and"
	             " sooner if it lasts." },

	{ .info = { "blisters", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "sign blisters on any day", SRC_HSV, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(BLISTERS),
	  .message = "Clustered small blisters on day {day} can mean a cold sore (herpes)"
	             " outbreak: {action} Ask about antivirals today: they work best"
	             " started early." },

	{ .info = { "infection-signs", HG_CAT_INFECTION, HG_LEVEL_URGENT,
	            "two or more of crusting, warmth-pain, redness-rising and"
	            " swelling-rising match the same day", SRC_NHS, NULL, 0 },
	  .trigger = TRIG_TWO_OF,
	  .parts = "crusting,warmth-pain,redness-rising,swelling-rising",
	  .message = "{Parts} together on day {day} can mean an infection: {action}" },

	{ .info = { "crusting", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "sign crusting on any day", SRC_WOUND,
	            "urgent with risk weak-immunity or cold-sores", 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(CRUSTING),
	  .esc_risks = RISK(WEAK_IMMUNITY) | RISK(COLD_SORES), .esc_level = HG_LEVEL_URGENT,
	  .message = "Yellow or honey-coloured crusts on day {day} can mean a skin"
	             " infection: {action}",
	  .alt_risks = RISK(COLD_SORES),
	  .alt_message = "Crusting on day {day} can mean a cold sore crusting over, as you"
	                 " have had cold sores: {action} Ask about antivirals today." },

	{ .info = { "warmth-pain", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "sign warmth or pain on a day d with d >= 2 and 2d > D", SRC_NHS,
	            "urgent with risk weak-immunity", 0 },
	  .trigger = TRIG_WARMTH_PAIN, .signs = SIGN(WARMTH) | SIGN(PAIN), .min_day = 2,
	  .esc_risks = RISK(WEAK_IMMUNITY), .esc_level = HG_LEVEL_URGENT,
	  .message = "{Seen} on day {day}, when healing should be easing, can mean an"
	             " infection: {action}" },

	{ .info = { "redness-rising", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "redness rises to 2 or more on day 3 or later", SRC_NHS,
	            "urgent with risk weak-immunity", 0 },
	  .trigger = TRIG_RISES, .symptom = HG_REDNESS, .rating = 2, .min_day = 3,
	  .esc_risks = RISK(WEAK_IMMUNITY), .esc_level = HG_LEVEL_URGENT,
	  .message = "Redness rising to {rating} on day {day} can mean an infection: {action}" },

	{ .info = { "swelling-rising", HG_CAT_INFECTION, HG_LEVEL_DOCTOR,
	            "swelling rises to 2 or more on day 3 or later", SRC_NHS,
	            "urgent with risk weak-immunity", 0 },
	  .trigger = TRIG_RISES, .symptom = HG_SWELLING, .rating = 2, .min_day = 3,
	  .esc_risks = RISK(WEAK_IMMUNITY), .esc_level = HG_LEVEL_URGENT,
	  .message = "Swelling rising to {rating} on day {day} can mean an infection: {action}" },

	{ .info = { "redness-late", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "redness 2 or more on a day after the expected downtime D", SRC_DEVICE,
	            NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_REDNESS, .rating = 2, .past_downtime = 1,
	  .message = "{Rating} redness on day {day}, past the usual {downtime} days, can mean"
	             " slow healing or an infection: {action}" },

	{ .info = { "swelling-late", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "swelling 2 or more on a day after the expected downtime D", SRC_DEVICE,
	            NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_SWELLING, .rating = 2, .past_downtime = 1,
	  .message = "{Rating} swelling on day {day}, past the usual {downtime} days, can"
	             " mean slow healing or an infection: {action}" },

	{ .info = { "redness-lingering", HG_CAT_HEALING, HG_LEVEL_WATCH,
	            "redness exactly 1 on day 10 or later (2 and more is redness-late)",
	            SRC_CHU, NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_REDNESS, .rating = 1, .rating_max = 1,
	  .min_day = 10,
	  .message = "Mild redness still there on day {day} can mean slower healing than"
	             " usual: {action}" },

	{ .info = { "lines", HG_CAT_HEALING, HG_LEVEL_DOCTOR,
	            "sign lines on day 7 or later", SRC_CHU_SCAR, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(LINES), .min_day = 7,
	  .message = "Needle-track lines on day {day} can mean early scarring: {action}" },

	{ .info = { "bleeding-heavy", HG_CAT_BLEEDING, HG_LEVEL_URGENT,
	            "bleeding 3 (severe) on day 1 or later (bleeding on day 0 is expected)",
	            SRC_CHU, NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_BLEEDING, .rating = 3, .min_day = 1,
	  .message = "Severe bleeding on day {day}, after the treatment day, can mean a"
	             " bleeding problem: {action}" },

	{ .info = { "bleeding-late", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bleeding 1 or more on day 2 or later", SRC_CHU, NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_BLEEDING, .rating = 1, .min_day = 2,
	  .message = "Bleeding on day {day}, when it usually stops within a day, can mean"
	             " the skin is slow to close: {action}" },

	{ .info = { "bleeding-risk", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bleeding 2 or more or bruising 2 or more, with risk"
	            " bleeding-disorder or blood-thinners", SRC_ISO, NULL, 0 },
	  .trigger = TRIG_BLEED_RISK, .rating = 2,
	  .risks = RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS),
	  .message = "Heavy bleeding or bruising on day {day}, with {risks}, can mean more"
	             " bleeding than the skin should have: {action}" },

	{ .info = { "bruising-heavy", HG_CAT_BLEEDING, HG_LEVEL_DOCTOR,
	            "bruising 3 (severe) on any day", SRC_CHU, NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_BRUISING, .rating = 3,
	  .message = "Severe bruising on day {day} can mean a bleeding problem: {action}" },

	{ .info = { "bruising-lingering", HG_CAT_BLEEDING, HG_LEVEL_WATCH,
	            "bruising 1 or more on day 10 or later", SRC_CHU, NULL, 0 },
	  .trigger = TRIG_RATING, .symptom = HG_BRUISING, .rating = 1, .min_day = 10,
	  .message = "Bruising still there on day {day} can mean it is slow to fade: {action}" },

	{ .info = { "rash", HG_CAT_ALLERGY, HG_LEVEL_DOCTOR,
	            "sign rash on any day", SRC_GRANULOMA, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(RASH),
	  .message = "A rash or hives on day {day} can mean an allergy to a product used on"
	             " the skin: {action} The clinic that treated you knows what was used." },

	{ .info = { "bumps", HG_CAT_ALLERGY, HG_LEVEL_DOCTOR,
	            "sign bumps on any day (from day 14 the message names granulomas and"
	            " late infection)", SRC_GRANULOMA, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(BUMPS),
	  .message = "Firm bumps on day {day} can mean a reaction to a serum or cream:"
	             " {action}",
	  .alt_from_day = 14,
	  .alt_message = "Firm bumps on day {day} can mean granulomas (a late reaction to a"
	                 " serum or cream) or a late infection: {action}" },

	{ .info = { "dark-patches-early", HG_CAT_PIGMENT, HG_LEVEL_WATCH,
	            "sign dark-patches before day 7", SRC_CHU_PIGMENT,
	            "doctor on darker skin", 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(DARK_PATCHES), .day_below = 7,
	  .esc_darker = 1, .esc_level = HG_LEVEL_DOCTOR,
	  .message = "Darker patches on day {day} are common in the first week and can mean"
	             " the skin is still settling: {action}" },

	{ .info = { "dark-patches", HG_CAT_PIGMENT, HG_LEVEL_DOCTOR,
	            "sign dark-patches on day 7 or later", SRC_PIH, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(DARK_PATCHES), .min_day = 7,
	  .message = "Darker patches on day {day} can mean a lasting pigment change:"
	             " {action} Keep the area out of the sun meanwhile." },

	{ .info = { "light-patches-early", HG_CAT_PIGMENT, HG_LEVEL_WATCH,
	            "sign light-patches before day 7 (often peeling)", SRC_CHU_PIGMENT,
	            NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(LIGHT_PATCHES), .day_below = 7,
	  .message = "Lighter patches on day {day} are often peeling skin in the first week"
	             " but can mean pigment loss: {action}" },

	{ .info = { "light-patches", HG_CAT_PIGMENT, HG_LEVEL_DOCTOR,
	            "sign light-patches on day 7 or later", SRC_CHU_PIGMENT, NULL, 0 },
	  .trigger = TRIG_SIGN, .signs = SIGN(LIGHT_PATCHES), .min_day = 7,
	  .message = "Lighter patches on day {day} can mean pigment loss: {action}" },

	{ .info = { "actives-early", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "care actives (retinoid, acid or vitamin C) before day 7", SRC_GRANULOMA,
	            NULL, 0 },
	  .trigger = TRIG_CARE, .care = CARE(ACTIVES), .day_below = 7,
	  .message = "A retinoid, acid or vitamin C on day {day}, before the skin has closed,"
	             " can mean irritation or a reaction: {action}" },

	{ .info = { "sun-early", HG_CAT_PIGMENT, HG_LEVEL_WATCH,
	            "care sun (strong sun, unprotected) before day 14", SRC_PIH, NULL, 0 },
	  .trigger = TRIG_CARE, .care = CARE(SUN), .day_below = 14,
	  .message = "Strong sun without protection on day {day} can mean dark patches"
	             " later: {action}" },

	{ .info = { "makeup-early", HG_CAT_INFECTION, HG_LEVEL_WATCH,
	            "care makeup before day 2", SRC_HOME, NULL, 0 },
	  .trigger = TRIG_CARE, .care = CARE(MAKEUP), .day_below = 2,
	  .message = "Make-up on day {day}, while the needle marks are open, can mean an"
	             " infection: {action}" },

	{ .info = { "risk-infection", HG_CAT_PRECAUTION, HG_LEVEL_DOCTOR,
	            "once: risk active-infection", SRC_WOUND, NULL, 1 },
	  .trigger = TRIG_ONCE_RISK, .risks = RISK(ACTIVE_INFECTION),
	  .message = "An active infection where the skin is needled can mean the needling"
	             " spreads it: {action} Tell the clinic that treated you now." },

	{ .info = { "risk-precaution", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "once: any of active-acne, bleeding-disorder, blood-thinners,"
	            " isotretinoin, keloids, pregnancy, weak-immunity", SRC_ISO, NULL, 1 },
	  .trigger = TRIG_ONCE_RISK,
	  .risks = RISK(ACTIVE_ACNE) | RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS) |
	           RISK(ISOTRETINOIN) | RISK(KELOIDS) | RISK(PREGNANCY) | RISK(WEAK_IMMUNITY),
	  .message = "This treatment was recorded with {risks}, which can mean more risk from"
	             " needling and slower healing: {action}"
	             " Ask your doctor before the next session." },

	{ .info = { "cold-sores-precaution", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "once: risk cold-sores", SRC_HSV, NULL, 1 },
	  .trigger = TRIG_ONCE_RISK, .risks = RISK(COLD_SORES),
	  .message = "A history of cold sores can mean an outbreak after needling: {action}"
	             " Ask about antiviral cover before the next session; blisters in the"
	             " first days need a doctor today." },

	{ .info = { "pigment-risk", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "once: darker skin (skin type 4-6 or risk dark-skin)", SRC_PIH, NULL, 1 },
	  .trigger = TRIG_ONCE_DARKER,
	  .message = "Darker skin can mean dark patches after needling: {action} Protect it"
	             " from the sun, avoid irritating products, and tell the clinic about"
	             " any darkening." },

	{ .info = { "home-deep", HG_CAT_PRECAUTION, HG_LEVEL_WATCH,
	            "once: home device with depth over 0.5 mm", SRC_HOME, NULL, 1 },
	  .trigger = TRIG_ONCE_HOME_DEEP, .depth = 0.5,
	  .message = "A home device at {depth} mm, deeper than 0.5 mm, can mean more risk of"
	             " injury and infection: {action}" },
};

enum { RULE_COUNT = sizeof rule_table / sizeof rule_table[0] };

/* Words for the placeholders.  Messages are sentences, so these are the
 * rules' own wording rather than the UI's labels. */
static const char *const rating_words[HG_RATING_MAX + 1] = {
	"none", "mild", "moderate", "severe"
};

static const char *const sign_words[HG_SIGN_COUNT] = {
	[HG_SIGN_WARMTH] = "warm skin",
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
	[HG_SIGN_LIPS] = "swollen lips or throat",
	[HG_SIGN_EYE] = "eye pain",
	[HG_SIGN_UNWELL] = "feeling very unwell",
	[HG_SIGN_NONSTOP_BLEEDING] = "bleeding that does not stop",
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
	[HG_RISK_WEAK_IMMUNITY] = "weak immunity",
};

/* What each part of a TRIG_TWO_OF rule reads as in its message. */
static const struct { const char *rule, *words; } part_words[] = {
	{ "crusting", "crusts" },
	{ "warmth-pain", "warmth or pain" },
	{ "redness-rising", "rising redness" },
	{ "swelling-rising", "rising swelling" },
};

/* ---- names ------------------------------------------------------------ */

const char *rules_level_name(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = {
		"emergency", "urgent", "doctor", "watch"
	};
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_level_action(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = {
		"call emergency services now (112, 911 or 999)",
		"get medical care today (your GP, an urgent care centre, or the clinic"
		" that treated you)",
		"see a doctor within a few days (your dermatologist, the clinic that"
		" treated you, or your GP)",
		"note it and mention it at your next visit",
	};
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_level_symbol(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = {
		"\u25b2", "\u203c", "!", "\u00b7"
	};
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_level_symbol_ascii(enum hg_level l)
{
	static const char *const names[HG_LEVEL_COUNT] = { "!!!", "!!", "!", "." };
	return (unsigned)l < HG_LEVEL_COUNT ? names[l] : "?";
}

const char *rules_category_name(enum hg_category c)
{
	static const char *const names[HG_CAT_COUNT] = {
		"infection", "pigment", "bleeding", "allergy", "healing", "precaution",
		"general"
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

static int rule_index(const char *id, size_t len)
{
	for (size_t k = 0; k < RULE_COUNT; k++)
		if (strlen(rule_table[k].info.id) == len &&
		    memcmp(rule_table[k].info.id, id, len) == 0)
			return (int)k;
	return -1;
}

void rules_flag_id(const char *rule, int day, char *buf, size_t len)
{
	snprintf(buf, len, "%s@%d", rule, day);
}

int rules_parse_flag_id(const char *id, const char **rule, int *day)
{
	const char *at = strchr(id, '@');
	long v = 0;
	int k;

	if (!at || !at[1] || strlen(at + 1) > 3)
		return -1;
	for (const char *p = at + 1; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (v >= HG_WINDOW_MAX || (at[1] == '0' && at[2]))
		return -1;
	k = rule_index(id, (size_t)(at - id));
	if (k < 0)
		return -1;
	*rule = rule_table[k].info.id;
	*day = (int)v;
	return 0;
}

/* ---- one day ---------------------------------------------------------- */

enum { NO, YES, UNKNOWN };

/* What the walk knows of one check-in beyond the check-in itself. */
struct day_facts {
	const struct hg_checkin *c;
	int fever;                          /* sign fever or temperature >= 38.0 */
	int prev[HG_SYMPTOM_COUNT];         /* last earlier rating, or HG_UNRATED */
};

struct eval_ctx {
	const struct hg_recovery *r;
	int downtime;
	int darker;
};

static int rated(int v)
{
	return v != HG_UNRATED;
}

static int day_in_range(const struct rule *ru, int day, int downtime)
{
	if (day < ru->min_day)
		return 0;
	if (ru->day_below > 0 && day >= ru->day_below)
		return 0;
	return !ru->past_downtime || day > downtime;
}

static int skin_context(const struct hg_checkin *c)
{
	return (c->signs & SKIN_CTX) ||
	       (rated(c->rating[HG_REDNESS]) && c->rating[HG_REDNESS] >= SKIN_RATING) ||
	       (rated(c->rating[HG_SWELLING]) && c->rating[HG_SWELLING] >= SKIN_RATING);
}

/* How many of the rules named in a TRIG_TWO_OF rule's `parts` match the
 * day.  The names are looked up once per rule and remembered. */
static int count_parts(size_t k, const int *res)
{
	static signed char parts[RULE_COUNT][8];
	static int resolved[RULE_COUNT];
	int n = 0;

	if (!resolved[k]) {
		const char *p = rule_table[k].parts;
		size_t np = 0;

		memset(parts[k], -1, sizeof parts[k]);
		while (p && *p && np < sizeof parts[k]) {
			size_t len = strcspn(p, ",");

			parts[k][np++] = (signed char)rule_index(p, len);
			p += len;
			if (*p)
				p++;
		}
		resolved[k] = 1;
	}
	for (size_t i = 0; i < sizeof parts[k]; i++)
		if (parts[k][i] >= 0 && res[parts[k][i]] == YES)
			n++;
	return n;
}

static int match_one(const struct eval_ctx *e, size_t k, const struct day_facts *f,
                     const int *res)
{
	const struct rule *ru = &rule_table[k];
	const struct hg_checkin *c = f->c;
	int day = c->day, v;

	if (ru->risks && !(e->r->t.risks & ru->risks))
		return ru->trigger == TRIG_BLEED_RISK &&
		       !rated(c->rating[HG_BLEEDING]) && !rated(c->rating[HG_BRUISING])
		       ? UNKNOWN : NO;
	switch (ru->trigger) {
	case TRIG_SIGN:
		return day_in_range(ru, day, e->downtime) && (c->signs & ru->signs) ? YES : NO;
	case TRIG_CARE:
		return day_in_range(ru, day, e->downtime) && (c->care & ru->care) ? YES : NO;
	case TRIG_RATING:
		v = c->rating[ru->symptom];
		if (!rated(v))
			return UNKNOWN;
		return day_in_range(ru, day, e->downtime) && v >= ru->rating &&
		       (ru->rating_max == 0 || v <= ru->rating_max) ? YES : NO;
	case TRIG_RISES:
		v = c->rating[ru->symptom];
		if (!rated(v))
			return UNKNOWN;
		return day_in_range(ru, day, e->downtime) && v >= ru->rating &&
		       rated(f->prev[ru->symptom]) && v > f->prev[ru->symptom] ? YES : NO;
	case TRIG_BLEED_RISK: {
		int b = c->rating[HG_BLEEDING], u = c->rating[HG_BRUISING];

		if (!rated(b) && !rated(u))
			return UNKNOWN;
		return day_in_range(ru, day, e->downtime) &&
		       ((rated(b) && b >= ru->rating) || (rated(u) && u >= ru->rating)) ? YES : NO;
	}
	case TRIG_FEVER: {
		int near = day <= FEVER_DAYS || skin_context(c);

		if (!f->fever)
			return NO;
		return (ru->ctx == CTX_WITH) == (near != 0) ? YES : NO;
	}
	case TRIG_WARMTH_PAIN:
		return day_in_range(ru, day, e->downtime) && 2 * day > e->downtime &&
		       (c->signs & ru->signs) ? YES : NO;
	case TRIG_TWO_OF:
		return count_parts(k, res) >= 2 ? YES : NO;
	case TRIG_ONCE_RISK:
	case TRIG_ONCE_DARKER:
	case TRIG_ONCE_HOME_DEEP:
		break;
	}
	return NO;
}

/* Every day-rule on one check-in; TRIG_TWO_OF rules after the rest. */
static void match_day(const struct eval_ctx *e, const struct day_facts *f, int *res)
{
	for (size_t k = 0; k < RULE_COUNT; k++)
		res[k] = rule_table[k].info.once || rule_table[k].trigger == TRIG_TWO_OF
		         ? UNKNOWN : match_one(e, k, f, res);
	for (size_t k = 0; k < RULE_COUNT; k++)
		if (rule_table[k].trigger == TRIG_TWO_OF)
			res[k] = match_one(e, k, f, res);
}

static int once_applies(const struct eval_ctx *e, const struct rule *ru)
{
	const struct hg_treatment *t = &e->r->t;

	switch (ru->trigger) {
	case TRIG_ONCE_RISK:
		return (t->risks & ru->risks) != 0;
	case TRIG_ONCE_DARKER:
		return e->darker;
	case TRIG_ONCE_HOME_DEEP:
		return t->device == HG_DEVICE_HOME && t->depth > ru->depth + DEPTH_EPSILON;
	default:
		return 0;
	}
}

static enum hg_level effective_level(const struct eval_ctx *e, const struct rule *ru)
{
	if ((ru->esc_risks & e->r->t.risks) || (ru->esc_darker && e->darker))
		return ru->esc_level;
	return ru->info.level;
}

/* ---- messages --------------------------------------------------------- */

/* Append words joined as "a", "a and b", "a, b and c": every item named. */
static void put_list(struct strbuf *sb, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(sb, i == n - 1 ? " and " : ", ");
		sb_puts(sb, words[i]);
	}
}

static void put_bits(struct strbuf *sb, unsigned bits, const char *const *words, int count)
{
	const char *list[32];
	size_t n = 0;

	for (int k = 0; k < count && n < 32; k++)
		if (bits & HG_BIT(k))
			list[n++] = words[k];
	put_list(sb, list, n);
}

struct msg_ctx {
	const struct eval_ctx *e;
	const struct rule *ru;
	const struct day_facts *f;      /* NULL for once rules */
	const int *res;                 /* that day's results */
	int day;
	enum hg_level level;
};

/* Expand one placeholder `name` (len bytes, without braces); a capital
 * first letter capitalizes the expansion.  Returns 0 when unknown. */
static int put_placeholder(struct strbuf *sb, const char *name, size_t len,
                           const struct msg_ctx *m)
{
	size_t start = sb->len;
	const struct hg_checkin *c = m->f ? m->f->c : NULL;
	char first[16];

	if (len == 0 || len >= sizeof first)
		return 0;
	memcpy(first, name, len);
	first[len] = '\0';
	first[0] = (char)tolower((unsigned char)first[0]);

	if (strcmp(first, "day") == 0) {
		sb_printf(sb, "%d", m->day);
	} else if (strcmp(first, "action") == 0) {
		sb_puts(sb, rules_level_action(m->level));
		sb_putc(sb, '.');
	} else if (strcmp(first, "downtime") == 0) {
		sb_printf(sb, "%d", m->e->downtime);
	} else if (strcmp(first, "rating") == 0) {
		int v = c ? c->rating[m->ru->symptom] : HG_UNRATED;
		sb_puts(sb, v >= 0 && v <= HG_RATING_MAX ? rating_words[v] : "unrated");
	} else if (strcmp(first, "seen") == 0) {
		put_bits(sb, c ? c->signs & m->ru->signs : 0, sign_words, HG_SIGN_COUNT);
	} else if (strcmp(first, "risks") == 0) {
		put_bits(sb, m->e->r->t.risks & m->ru->risks, risk_words, HG_RISK_COUNT);
	} else if (strcmp(first, "temp") == 0) {
		if (c && c->temp != HG_TEMP_NONE) {
			char t[16];
			model_format_temp(c->temp, t, sizeof t);
			sb_printf(sb, " of %s \u00b0C", t);
		}
	} else if (strcmp(first, "depth") == 0) {
		char d[16];
		model_format_depth(m->e->r->t.depth, d, sizeof d);
		sb_puts(sb, d);
	} else if (strcmp(first, "parts") == 0) {
		const char *list[8];
		size_t n = 0;

		for (size_t i = 0; i < sizeof part_words / sizeof part_words[0]; i++) {
			int k = rule_index(part_words[i].rule, strlen(part_words[i].rule));
			if (k >= 0 && m->res && m->res[k] == YES && n < 8)
				list[n++] = part_words[i].words;
		}
		put_list(sb, list, n);
	} else {
		return 0;
	}
	if (isupper((unsigned char)name[0]) && sb->len > start)
		sb->s[start] = (char)toupper((unsigned char)sb->s[start]);
	return 1;
}

static char *message_make(const struct msg_ctx *m)
{
	const struct rule *ru = m->ru;
	const char *p = ru->message;
	struct strbuf sb = STRBUF_INIT;

	if (ru->alt_message && ((m->e->r->t.risks & ru->alt_risks) ||
	                        (ru->alt_from_day > 0 && m->day >= ru->alt_from_day)))
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

/* ---- the walk --------------------------------------------------------- */

/* What the walk reports: every new flag (on_flag), and every match of
 * one day (on_match, only for day == match_day; the walk stops after it). */
struct sink {
	struct hg_flag *flags;
	size_t nflags, cap;
	int want_flags;
	int match_day;                  /* -1: no matches wanted */
	struct hg_match *m;
	size_t nm;
};

static void push_flag(struct sink *s, const struct msg_ctx *m)
{
	struct hg_flag *f;

	if (s->nflags == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->flags = xrealloc(s->flags, s->cap * sizeof *s->flags);
	}
	f = &s->flags[s->nflags++];
	f->treatment_id = m->e->r->t.id;
	f->rule = m->ru->info.id;
	f->category = m->ru->info.category;
	f->level = m->level;
	f->day = m->day;
	f->date = m->e->r->t.date + m->day;
	f->message = message_make(m);
	f->action = NULL;
}

static void walk(const struct hg_recovery *r, struct sink *s)
{
	struct eval_ctx e = { r, rules_downtime(&r->t), 0 };
	struct { int known, last, matched, start; } st[RULE_COUNT];
	struct day_facts f;
	int res[RULE_COUNT];

	e.darker = (r->t.risks & RISK(DARK_SKIN)) || r->t.skin_type >= HG_SKIN_DARKER;
	memset(st, 0, sizeof st);
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		f.prev[i] = HG_UNRATED;
	if (s->want_flags) {
		for (size_t k = 0; k < RULE_COUNT; k++) {
			const struct rule *ru = &rule_table[k];
			struct msg_ctx m = { &e, ru, NULL, NULL, 0, effective_level(&e, ru) };

			if (ru->info.once && once_applies(&e, ru))
				push_flag(s, &m);
		}
	}
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];
		int want_matches = c->day == s->match_day;

		if (c->day < 0)
			continue;
		if (s->match_day >= 0 && c->day > s->match_day && !s->want_flags)
			break;
		f.c = c;
		f.fever = (c->signs & SIGN(FEVER)) || c->temp >= HG_TEMP_FEVER;
		match_day(&e, &f, res);
		for (size_t k = 0; k < RULE_COUNT; k++) {
			const struct rule *ru = &rule_table[k];
			struct msg_ctx m = { &e, ru, &f, res, c->day, effective_level(&e, ru) };
			int is_new;

			if (ru->info.once || res[k] == UNKNOWN)
				continue;
			if (res[k] == YES) {
				is_new = !st[k].known || !st[k].matched ||
				         c->day - st[k].last > HG_EPISODE_GAP;
				if (is_new)
					st[k].start = c->day;
				if (is_new && s->want_flags)
					push_flag(s, &m);
				if (want_matches) {
					struct hg_match *hm;

					s->m = xrealloc(s->m, (s->nm + 1) * sizeof *s->m);
					hm = &s->m[s->nm++];
					hm->rule = ru->info.id;
					hm->category = ru->info.category;
					hm->level = m.level;
					hm->flag_day = st[k].start;
					hm->is_new = is_new;
					hm->message = message_make(&m);
				}
			}
			st[k].known = 1;
			st[k].last = c->day;
			st[k].matched = res[k] == YES;
		}
		for (int j = 0; j < HG_SYMPTOM_COUNT; j++)
			if (rated(c->rating[j]))
				f.prev[j] = c->rating[j];
	}
}

int rules_eval(const struct hg_recovery *r, struct hg_flag **flags, size_t *n)
{
	struct sink s = { NULL, 0, 0, 1, -1, NULL, 0 };

	walk(r, &s);
	if (s.nflags > 0) {
		*flags = xrealloc(*flags, (*n + s.nflags) * sizeof **flags);
		memcpy(*flags + *n, s.flags, s.nflags * sizeof s.flags[0]);
		*n += s.nflags;
	}
	free(s.flags);
	rules_sort(*flags, *n);
	return HG_OK;
}

static int match_cmp(const void *pa, const void *pb)
{
	const struct hg_match *a = pa, *b = pb;

	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

int rules_day_matches(const struct hg_recovery *r, int day, struct hg_match **out, size_t *n)
{
	struct sink s = { NULL, 0, 0, 0, day < 0 ? -2 : day, NULL, 0 };

	walk(r, &s);
	if (s.nm > 1)
		qsort(s.m, s.nm, sizeof *s.m, match_cmp);
	*out = s.m;
	*n = s.nm;
	return HG_OK;
}

void rules_matches_free(struct hg_match *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(m[i].message);
	free(m);
}

/* ---- actions ---------------------------------------------------------- */

void rules_attach_actions(struct hg_flag *flags, size_t n,
                          const struct hg_action *actions, size_t nactions)
{
	for (size_t i = 0; i < n; i++)
		flags[i].action = NULL;
	for (size_t a = 0; a < nactions; a++) {
		for (size_t j = 0; j < actions[a].nresolves; j++) {
			const struct hg_flag_ref *ref = &actions[a].resolves[j];
			struct hg_flag *f = (struct hg_flag *)rules_find_flag(
				flags, n, actions[a].treatment_id, ref->rule, ref->date);

			if (f)
				f->action = &actions[a];
		}
	}
}

const struct hg_flag *rules_find_flag(const struct hg_flag *flags, size_t n,
                                      int64_t tid, const char *rule, int date)
{
	/* A treatment-level flag belongs to the treatment, not to a date: it
	 * stays the same flag when the treatment's date moves. */
	int k = rule_index(rule, strlen(rule));
	int once = k >= 0 && rule_table[k].info.once;

	for (size_t i = 0; i < n; i++)
		if (flags[i].treatment_id == tid && (once || flags[i].date == date) &&
		    strcmp(flags[i].rule, rule) == 0)
			return &flags[i];
	return NULL;
}

/* ---- ordering and cleanup --------------------------------------------- */

static int flag_cmp(const void *pa, const void *pb)
{
	const struct hg_flag *a = pa, *b = pb;
	int c;

	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	c = strcmp(a->rule, b->rule);
	if (c != 0)
		return c;
	return (a->treatment_id > b->treatment_id) - (a->treatment_id < b->treatment_id);
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
