/* rules.c — the warning engine (WARNING RULES and FLAGS in the man page).
 *
 * `rule_table` lists every rule with its kind, level, trigger text, source,
 * short name and message; match_day() decides, for one check-in, which
 * rules match, which cannot tell (not rated, not assessed) and at what
 * level.  eval() walks the check-ins once, turning matches into flags (one
 * problem of one kind, from its first matching day until three clear days
 * settle it), then hands every flag the actions that name it and walks its
 * matching days and actions together for its status and alerts.  Linear in
 * the number of check-ins.  Also here: precautions (the once rules), daily
 * tracking's end and the follow-up looks.  No SQL, no curses, no I/O.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "healgrid/date.h"
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

/* ---- the area --------------------------------------------------------- */

static const char *const face_words[] = {
	"face", "facial", "forehead", "cheek", "cheeks", "nose", "chin", "lip", "lips",
	"mouth", "perioral", "eye", "eyes", "eyelid", "eyelids", "periorbital",
	"temple", "temples", "jaw", "jawline", NULL
};
static const char *const eye_words[] = {
	"eye", "eyes", "eyelid", "eyelids", "periorbital", NULL
};

/* Whether `area` holds one of words as a whole word (a run of ASCII
 * letters), in any case. */
static int area_has(const char *area, const char *const *words)
{
	const char *p = area ? area : "";

	while (*p) {
		size_t n = 0;

		while (*p && !isalpha((unsigned char)*p))
			p++;
		while (isalpha((unsigned char)p[n]))
			n++;
		for (size_t i = 0; n && words[i]; i++)
			if (strlen(words[i]) == n && strncasecmp(p, words[i], n) == 0)
				return 1;
		p += n;
	}
	return 0;
}

int rules_area_face(const char *area) { return area_has(area, face_words); }
int rules_area_eye(const char *area) { return area_has(area, eye_words); }

/* ---- the rule table --------------------------------------------------- */

/* In table order: ties between findings go to the one listed first. */
enum rule_id {
	R_AIRWAY, R_NUMBING, R_EYE, R_UNWELL, R_BLEEDING_NONSTOP, R_SPREADING_FEVER,
	R_LIPS, R_RASH_EARLY, R_PUS, R_SPREADING, R_FEVER, R_FEVER_ALONE, R_BLISTERS,
	R_INFECTION_SIGNS, R_BLEEDING_HEAVY, R_SPREADING_EARLY, R_CRUSTING,
	R_WARMTH_PAIN, R_REDNESS_RISING, R_SWELLING_RISING, R_REDNESS_LATE,
	R_SWELLING_LATE, R_LINES, R_BLEEDING_LATE, R_BLEEDING_RISK, R_BRUISING_HEAVY,
	R_RASH, R_BUMPS, R_DARK_PATCHES, R_LIGHT_PATCHES, R_REDNESS_LINGERING,
	R_BLEEDING_SPOTTING, R_BRUISING_LINGERING, R_DARK_PATCHES_EARLY,
	R_LIGHT_PATCHES_EARLY, R_ACTIVES_EARLY, R_SUN_EARLY, R_MAKEUP_EARLY,
	/* once rules: precautions */
	R_RISK_INFECTION, R_RISK_PRECAUTION, R_COLD_SORES_PRECAUTION, R_PIGMENT_RISK,
	R_HOME_DEEP,
	RULE_COUNT
};
enum { DAY_RULES = R_RISK_INFECTION };

struct rule {
	struct hg_rule_info info;
	/* Placeholders: {day}, {date} (the day's calendar date), {action} (the
	 * level's action and a full stop), {temp} (" of 38.4 °C" when
	 * measured), {seen} (what warmth-pain saw), {parts} (what
	 * infection-signs saw), {rating} (the rule's rating in words),
	 * {downtime}, {risks}, {depth}, {session} ("this session" or "your next
	 * session").  A capital first letter ({Seen}) capitalises. */
	const char *message;
};

#define SRC_CHU "Chu et al., Dermatologic Surgery 2021: side effects settle within about a week"
#define SRC_CHU_SCAR "Chu et al., Dermatologic Surgery 2021: tram-track scarring"
#define SRC_CHU_PIGMENT "Chu et al., Dermatologic Surgery 2021: pigment change, more often in darker skin"
#define SRC_CHU_RISK "Chu et al., Dermatologic Surgery 2021: not over active infection; metal allergy"
#define SRC_NHS "NHS cellulitis guidance: spreading redness, fever with skin symptoms and the face need same-day care; weak immunity raises the urgency"
#define SRC_NHS_AE "NHS cellulitis guidance: A&E for rapid spread with a high temperature"
#define SRC_NICE "NICE CG151 neutropenic sepsis; NHS cellulitis guidance"
#define SRC_ANAPH "NHS anaphylaxis guidance and Resuscitation Council UK: adrenaline, lying with legs raised"
#define SRC_SEPSIS "NHS sepsis guidance"
#define SRC_ORBIT "orbital cellulitis: eye pain or changed vision is an emergency"
#define SRC_WOUND "Southampton wound grading: pus marks an infected wound"
#define SRC_HSV "King, JCAD 2017, and the CMAC HSV-1 guideline, JCAD 2021: blisters 24-48 hours after; antiviral cover"
#define SRC_GRANULOMA "Martin & Huang, JAAD Case Reports 2021; Soltani-Arabshahi et al., JAMA Dermatology 2014; Friedmann et al., Dermatologic Surgery 2024: granulomas after serums"
#define SRC_PIH "Davis & Callender, JCAD 2010, and DermNet NZ: post-inflammatory hyperpigmentation, weeks 2-8, darker skin, sun protection"
#define SRC_HOME "AAD (home devices) and FDA (devices that penetrate the skin)"
#define SRC_FDA_ANAESTH "FDA 2007: systemic toxicity of topical anaesthetics"
#define SRC_ISO "ASDS 2017 isotretinoin consensus; Chu et al., Dermatologic Surgery 2021"
#define SRC_DEVICE "device makers' depth tables: about 3 days at 0.5 mm or less, 4-5 days at 0.8-1.5 mm, 6-7 days at 2-3 mm"

#define ESC_INFECTION "urgent around the eye or with weak-immunity or cancer-treatment"

#define SAFETY_NET " Get care today if it spreads, or you get a fever or feel unwell."
#define FACE_NET " On the face, get care today if it spreads, swells towards the eye, or you get a fever."
#define THROAT_NET " Call emergency services at once if the tongue or throat swells or breathing gets hard."

static const struct rule rule_table[RULE_COUNT] = {
	[R_AIRWAY] = { { "airway", HG_KIND_REACTION, HG_LEVEL_EMERGENCY,
	    "sign airway (or version 2's lips-airway)", SRC_ANAPH, NULL, 0,
	    "swollen tongue or throat" },
	  "A swollen tongue or throat, or trouble breathing or swallowing, on day {day}"
	  " can mean a severe allergic reaction (anaphylaxis): use your adrenaline pen now"
	  " if you have one, then {action} Lie down with your legs raised (on your left"
	  " side if pregnant), or sit up if breathing is hard; do not stand up or walk,"
	  " even if you feel better; use a second pen after 5 minutes if you are no"
	  " better." },
	[R_NUMBING] = { { "numbing", HG_KIND_REACTION, HG_LEVEL_EMERGENCY,
	    "sign numb-mouth on day 1 or earlier", SRC_FDA_ANAESTH, NULL, 0,
	    "numb mouth" },
	  "A numb mouth with a metallic taste, ringing ears, dizziness or twitching on day"
	  " {day} can mean a toxic reaction to the numbing cream: {action} Wash off any"
	  " cream left, and do not stay alone." },
	[R_EYE] = { { "eye", HG_KIND_EYE, HG_LEVEL_EMERGENCY,
	    "sign eye", SRC_ORBIT, NULL, 0, "eye pain or changed vision" },
	  "Eye pain or changed vision on day {day} can mean an infection or injury of the"
	  " eye: {action} If cream or serum got in the eye, rinse it with plenty of clean"
	  " water first; then go to an emergency department or eye casualty now, and do"
	  " not drive yourself." },
	[R_UNWELL] = { { "unwell", HG_KIND_ILLNESS, HG_LEVEL_EMERGENCY,
	    "sign unwell", SRC_SEPSIS, NULL, 0, "feeling very unwell" },
	  "Feeling very unwell on day {day} can mean sepsis, an infection spreading"
	  " through the body: {action} Say you had a skin treatment on {tdate}." },
	[R_BLEEDING_NONSTOP] = { { "bleeding-nonstop", HG_KIND_BLEEDING, HG_LEVEL_EMERGENCY,
	    "sign nonstop-bleeding", SRC_CHU, NULL, 0, "bleeding that would not stop" },
	  "Bleeding that did not stop after 10 minutes of firm pressure on day {day} can"
	  " mean a bleeding problem: press firmly with clean gauze for another 10 minutes"
	  " without lifting; if it still bleeds, go to an emergency department now, and"
	  " call emergency services (112, 911 or 999) if it is heavy or you feel faint."
	  " Say if you take blood thinners." },
	[R_SPREADING_FEVER] = { { "spreading-fever", HG_KIND_INFECTION, HG_LEVEL_EMERGENCY,
	    "fever and sign spreading on the same day, day 1 or later", SRC_NHS_AE, NULL, 0,
	    "spreading redness with fever" },
	  "Redness spreading beyond the treated area with a fever{temp} on day {day} can"
	  " mean a fast-spreading skin infection: go to an emergency department now, or"
	  " {action}" },
	[R_LIPS] = { { "lips", HG_KIND_REACTION, HG_LEVEL_URGENT,
	    "sign lips; watch on days 0-1 when the area is the face (the usual puffiness)",
	    SRC_ANAPH, NULL, 0, "swollen lips or face" },
	  "Swollen lips or face on day {day}, more than the usual puffiness, can mean an"
	  " allergic reaction: {action}" THROAT_NET },
	[R_RASH_EARLY] = { { "rash-early", HG_KIND_REACTION, HG_LEVEL_URGENT,
	    "sign rash on day 1 or earlier", SRC_FDA_ANAESTH, NULL, 0, "hives within hours" },
	  "Hives or an itchy rash on day {day}, within hours of the treatment, can mean a"
	  " reaction to the numbing cream or a serum: {action}" THROAT_NET },
	[R_PUS] = { { "pus", HG_KIND_INFECTION, HG_LEVEL_URGENT,
	    "sign pus", SRC_WOUND, NULL, 0, "pus" },
	  "Pus or cloudy discharge from the needle marks on day {day} can mean an"
	  " infection: {action}" },
	[R_SPREADING] = { { "spreading", HG_KIND_INFECTION, HG_LEVEL_URGENT,
	    "sign spreading on day 1 or later", SRC_NHS, NULL, 0, "spreading redness" },
	  "Redness spreading beyond the treated area on day {day} can mean cellulitis, a"
	  " skin infection: {action}" },
	[R_FEVER] = { { "fever", HG_KIND_INFECTION, HG_LEVEL_URGENT,
	    "fever on day 7 or earlier, or on any day that also has warmth, pus,"
	    " crusting, spreading, pain or blisters, or redness 2 or more, or swelling"
	    " 2 or more", SRC_NICE, "emergency with cancer-treatment", 0, "fever" },
	  "A fever{temp} on day {day}, soon after the treatment or with signs at the skin,"
	  " can mean an infection: {action} Your GP or an urgent care centre fits best." },
	[R_FEVER_ALONE] = { { "fever-alone", HG_KIND_ILLNESS, HG_LEVEL_DOCTOR,
	    "fever on any other day", SRC_NICE,
	    "emergency with cancer-treatment; urgent with weak-immunity", 0, "fever" },
	  "A fever{temp} on day {day}, with nothing at the skin, can mean an illness other"
	  " than the treatment: {action} Your GP fits best." },
	[R_BLISTERS] = { { "blisters", HG_KIND_COLD_SORE, HG_LEVEL_URGENT,
	    "sign blisters", SRC_HSV, NULL, 0, "blisters" },
	  "Clustered small blisters on day {day} can mean a cold sore (herpes) outbreak:"
	  " {action} Ask about antivirals today: they work best started early." },
	[R_INFECTION_SIGNS] = { { "infection-signs", HG_KIND_INFECTION, HG_LEVEL_URGENT,
	    "two or more of crusting (of kind infection), warmth-pain, redness-rising and"
	    " swelling-rising match the same day", SRC_NHS, NULL, 0, "signs together" },
	  "{Parts} together on day {day} can mean an infection: {action}" },
	[R_BLEEDING_HEAVY] = { { "bleeding-heavy", HG_KIND_BLEEDING, HG_LEVEL_URGENT,
	    "bleeding 3 on day 1 or later", SRC_CHU, NULL, 0, "heavy bleeding" },
	  "Severe bleeding on day {day}, after the treatment day, can mean a bleeding"
	  " problem: {action}" },
	[R_SPREADING_EARLY] = { { "spreading-early", HG_KIND_REACTION, HG_LEVEL_DOCTOR,
	    "sign spreading on day 0", SRC_FDA_ANAESTH, NULL, 0, "spreading redness on day 0" },
	  "Redness spreading beyond the treated area on day {day} can mean a reaction to"
	  " the numbing cream or a serum: {action} The clinic that treated you knows what"
	  " was used." },
	[R_CRUSTING] = { { "crusting", HG_KIND_INFECTION, HG_LEVEL_DOCTOR,
	    "sign crusting", SRC_WOUND,
	    ESC_INFECTION "; urgent and of kind cold-sore on the face with cold-sores", 0,
	    "crusting" },
	  "Yellow or honey-coloured crusts on day {day} can mean a skin infection:"
	  " {action}" },
	[R_WARMTH_PAIN] = { { "warmth-pain", HG_KIND_INFECTION, HG_LEVEL_DOCTOR,
	    "sign pain on day 1 or later, or sign warmth on a day d of 2 or later with"
	    " 2d > D", SRC_NHS, ESC_INFECTION, 0, "warmth or pain" },
	  "{Seen} on day {day}, when healing should be easing, can mean an infection:"
	  " {action}" },
	[R_REDNESS_RISING] = { { "redness-rising", HG_KIND_INFECTION, HG_LEVEL_DOCTOR,
	    "redness rises to 2 or more on day 2 or later", SRC_NHS, ESC_INFECTION, 0,
	    "rising redness" },
	  "Redness rising to {rating} on day {day} can mean an infection: {action}" },
	[R_SWELLING_RISING] = { { "swelling-rising", HG_KIND_INFECTION, HG_LEVEL_DOCTOR,
	    "swelling rises to 2 or more on day 3 or later", SRC_NHS, ESC_INFECTION, 0,
	    "rising swelling" },
	  "Swelling rising to {rating} on day {day} can mean an infection: {action}" },
	[R_REDNESS_LATE] = { { "redness-late", HG_KIND_HEALING, HG_LEVEL_DOCTOR,
	    "redness 2 or more on a day after D", SRC_DEVICE, NULL, 0, "redness past downtime" },
	  "{Rating} redness on day {day}, past the usual {downtime} days, can mean slow"
	  " healing: {action}" },
	[R_SWELLING_LATE] = { { "swelling-late", HG_KIND_HEALING, HG_LEVEL_DOCTOR,
	    "swelling 2 or more on a day after D", SRC_DEVICE, NULL, 0,
	    "swelling past downtime" },
	  "{Rating} swelling on day {day}, past the usual {downtime} days, can mean slow"
	  " healing: {action}" },
	[R_LINES] = { { "lines", HG_KIND_HEALING, HG_LEVEL_DOCTOR,
	    "sign lines on day 7 or later", SRC_CHU_SCAR, NULL, 0, "track lines" },
	  "Needle-track lines on day {day} can mean early scarring: {action}" },
	[R_BLEEDING_LATE] = { { "bleeding-late", HG_KIND_BLEEDING, HG_LEVEL_DOCTOR,
	    "bleeding 2 or more on day 2 or later, or bleeding 1 on day 4 or later",
	    SRC_CHU, NULL, 0, "late bleeding" },
	  "Bleeding on day {day}, when it usually stops within a day or two, can mean the"
	  " skin is slow to close: {action}" },
	[R_BLEEDING_RISK] = { { "bleeding-risk", HG_KIND_BLEEDING, HG_LEVEL_DOCTOR,
	    "bleeding 2 or more or bruising 2 or more on day 1 or later, with risk"
	    " bleeding-disorder or blood-thinners", SRC_ISO, NULL, 0,
	    "bleeding with a bleeding risk" },
	  "Heavy bleeding or bruising on day {day}, with {risks}, can mean more bleeding"
	  " than the skin should have: {action}" },
	[R_BRUISING_HEAVY] = { { "bruising-heavy", HG_KIND_BLEEDING, HG_LEVEL_DOCTOR,
	    "bruising 3", SRC_CHU, NULL, 0, "heavy bruising" },
	  "Severe bruising on day {day} can mean a bleeding problem: {action}" },
	[R_RASH] = { { "rash", HG_KIND_REACTION, HG_LEVEL_DOCTOR,
	    "sign rash on day 2 or later", SRC_GRANULOMA, NULL, 0, "rash" },
	  "A rash or hives on day {day} can mean an allergy to a product used on the"
	  " skin: {action} The clinic that treated you knows what was used." },
	[R_BUMPS] = { { "bumps", HG_KIND_REACTION, HG_LEVEL_DOCTOR,
	    "sign bumps (from day 14 the message names granulomas and late infection)",
	    SRC_GRANULOMA, NULL, 0, "bumps" },
	  "Firm bumps on day {day} can mean a reaction to a serum or cream: {action}" },
	[R_DARK_PATCHES] = { { "dark-patches", HG_KIND_PIGMENT, HG_LEVEL_DOCTOR,
	    "sign dark-patches on day 7 or later", SRC_PIH, NULL, 0, "dark patches" },
	  "Darker patches on day {day} can mean a lasting pigment change: {action} Keep"
	  " the area out of the sun meanwhile." },
	[R_LIGHT_PATCHES] = { { "light-patches", HG_KIND_PIGMENT, HG_LEVEL_DOCTOR,
	    "sign light-patches on day 7 or later", SRC_CHU_PIGMENT, NULL, 0,
	    "light patches" },
	  "Lighter patches on day {day} can mean pigment loss: {action}" },
	[R_REDNESS_LINGERING] = { { "redness-lingering", HG_KIND_HEALING, HG_LEVEL_WATCH,
	    "redness 1 on day 10 or later", SRC_CHU, NULL, 0, "lingering redness" },
	  "Mild redness still there on day {day} can mean slower healing than usual:"
	  " {action}" },
	[R_BLEEDING_SPOTTING] = { { "bleeding-spotting", HG_KIND_BLEEDING, HG_LEVEL_WATCH,
	    "bleeding 1 on day 2 or 3", SRC_CHU, NULL, 0, "spotting" },
	  "Light bleeding on day {day} can mean the skin is still closing: {action}" },
	[R_BRUISING_LINGERING] = { { "bruising-lingering", HG_KIND_BLEEDING, HG_LEVEL_WATCH,
	    "bruising 1 or more on day 10 or later", SRC_CHU, NULL, 0, "lingering bruising" },
	  "Bruising still there on day {day} can mean it is slow to fade: {action}" },
	[R_DARK_PATCHES_EARLY] = { { "dark-patches-early", HG_KIND_PIGMENT, HG_LEVEL_WATCH,
	    "sign dark-patches before day 7", SRC_CHU_PIGMENT, "doctor on darker skin", 0,
	    "early dark patches" },
	  "Darker patches on day {day} are common in the first week, but can mean a"
	  " pigment change starting: {action}" },
	[R_LIGHT_PATCHES_EARLY] = { { "light-patches-early", HG_KIND_PIGMENT, HG_LEVEL_WATCH,
	    "sign light-patches before day 7 (often peeling)", SRC_CHU_PIGMENT, NULL, 0,
	    "early light patches" },
	  "Lighter patches on day {day} are often peeling skin in the first week, but can"
	  " mean pigment loss: {action}" },
	[R_ACTIVES_EARLY] = { { "actives-early", HG_KIND_CARE, HG_LEVEL_WATCH,
	    "care actives before day 7", SRC_GRANULOMA, NULL, 0, "actives" },
	  "A retinoid, acid or vitamin C on day {day}, before the skin has closed, can"
	  " mean irritation or a reaction: stop retinoid, acid or vitamin C until day 7 or"
	  " until your clinic says; {action}" },
	[R_SUN_EARLY] = { { "sun-early", HG_KIND_CARE, HG_LEVEL_WATCH,
	    "care sun before day 14", SRC_PIH, NULL, 0, "strong sun" },
	  "Strong sun without protection on day {day} can mean {sunrisk} later: keep out"
	  " of strong sun for two weeks, with SPF 30+ every day, a hat and shade;"
	  " {action}" },
	[R_MAKEUP_EARLY] = { { "makeup-early", HG_KIND_CARE, HG_LEVEL_WATCH,
	    "care makeup before day 2", SRC_HOME, NULL, 0, "make-up" },
	  "Make-up on day {day}, while the needle marks are open, can mean an infection:"
	  " stop make-up until day 2, or until your clinic says; {action}" },

	[R_RISK_INFECTION] = { { "risk-infection", HG_KIND_PRECAUTION, HG_LEVEL_DOCTOR,
	    "once: risk active-infection", SRC_CHU_RISK, NULL, 1, "active infection" },
	  "An active infection where the skin is needled can mean the needling spreads"
	  " it: {action} Do not have needling over infected skin: postpone, and tell the"
	  " clinic before {session}." },
	[R_RISK_PRECAUTION] = { { "risk-precaution", HG_KIND_PRECAUTION, HG_LEVEL_WATCH,
	    "once: any of active-acne, bleeding-disorder, blood-thinners, isotretinoin,"
	    " keloids, pregnancy, weak-immunity, cancer-treatment, metal-allergy",
	    SRC_ISO, NULL, 1, "risks" },
	  "This treatment is recorded with {risks}, which can mean more risk from needling"
	  " and slower healing: {action} Tell the clinic before {session}." },
	[R_COLD_SORES_PRECAUTION] = { { "cold-sores-precaution", HG_KIND_PRECAUTION,
	    HG_LEVEL_WATCH, "once: risk cold-sores", SRC_HSV, NULL, 1, "cold sores" },
	  "A history of cold sores can mean an outbreak after needling: ask about"
	  " antiviral cover started 1-2 days before {session}; blisters in the first days"
	  " need a doctor today." },
	[R_PIGMENT_RISK] = { { "pigment-risk", HG_KIND_PRECAUTION, HG_LEVEL_WATCH,
	    "once: darker skin (skin type 4-6 or risk dark-skin)", SRC_PIH, NULL, 1,
	    "darker skin" },
	  "Darker skin can mean dark patches after needling: after {session}, protect it"
	  " from the sun, avoid irritating products, and tell the clinic about any"
	  " darkening." },
	[R_HOME_DEEP] = { { "home-deep", HG_KIND_PRECAUTION, HG_LEVEL_WATCH,
	    "once: home device deeper than 0.5 mm", SRC_HOME, NULL, 1, "deep home needling" },
	  "A home device at {depth} mm, deeper than 0.5 mm, can mean more risk of injury,"
	  " infection and scarring: {action} Ask a professional before {session}." },
};

/* Messages that replace the table's in some cases. */
static const char msg_lips_usual[] =
	"Swollen lips or face on day {day} is often the usual puffiness after needling"
	" near the mouth, but can mean an allergic reaction: {action}" THROAT_NET;
static const char msg_unwell_day0[] =
	"Feeling very unwell on day {day} can mean sepsis, an infection spreading through"
	" the body: {action} Say you had a skin treatment on {tdate}. On day 0, fainting is"
	" often the needles' doing: lie down with your legs raised, and call if it does"
	" not pass within minutes, or comes with trouble breathing or a rash.";
static const char msg_fever_cancer[] =
	"A fever{temp} on day {day}, during cancer treatment, can mean a dangerous"
	" infection (neutropenic sepsis): call your cancer care team's 24-hour line or go"
	" to an emergency department now; do not wait, and do not take paracetamol first.";
static const char msg_fever_weak[] =
	"A fever{temp} on day {day} can mean an infection or another illness: {action} A"
	" fever needs care today when diabetes or medicines weaken immunity.";
static const char msg_crusting_cold_sore[] =
	"Crusting on day {day} can mean a cold sore crusting over, as you have had cold"
	" sores: {action} Ask about antivirals today.";
static const char msg_bumps_late[] =
	"Firm bumps on day {day} can mean granulomas (a late reaction to a serum or"
	" cream) or a late infection: {action}";
static const char msg_risk_infection_planned[] =
	"An active infection where the skin is to be needled can mean the needling"
	" spreads it: do not have needling over infected skin: postpone, and tell the"
	" clinic before this session.";

static const char *const rating_words[HG_RATING_MAX + 1] = {
	"none", "mild", "moderate", "severe"
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
	[HG_RISK_METAL_ALLERGY] = "a metal allergy",
	[HG_RISK_CANCER_TREATMENT] = "cancer treatment",
};

#define SIGN(s) HG_BIT(HG_SIGN_##s)
#define RISK(r) HG_BIT(HG_RISK_##r)
#define CARE(c) HG_BIT(HG_CARE_##c)

#define PRECAUTION_RISKS (RISK(ACTIVE_ACNE) | RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS) | \
                          RISK(ISOTRETINOIN) | RISK(KELOIDS) | RISK(PREGNANCY) |             \
                          RISK(WEAK_IMMUNITY) | RISK(CANCER_TREATMENT) | RISK(METAL_ALLERGY))
#define SKIN_SIGNS (SIGN(WARMTH) | SIGN(PUS) | SIGN(CRUSTING) | SIGN(SPREADING) | \
                    SIGN(PAIN) | SIGN(BLISTERS))
enum { FEVER_DAYS = 7, SKIN_RATING = 2 };

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

static const char *const kind_names[HG_KIND_COUNT] = {
	"infection", "cold-sore", "reaction", "bleeding", "healing", "pigment", "eye",
	"illness", "care", "precaution"
};

const char *rules_kind_name(enum hg_kind k)
{
	return (unsigned)k < HG_KIND_COUNT ? kind_names[k] : "?";
}

int rules_kind_lookup(const char *name)
{
	for (int k = 0; k < HG_KIND_PRECAUTION; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

const char *rules_status_name(enum hg_flag_status s)
{
	static const char *const names[HG_STATUS_COUNT] = { "open", "in-care", "settled" };
	return (unsigned)s < HG_STATUS_COUNT ? names[s] : "?";
}

const char *rules_alert_name(enum hg_alert a)
{
	static const char *const names[] = { NULL, "new", "worse", "back" };
	return (unsigned)a <= HG_ALERT_BACK ? names[a] : NULL;
}

const char *rules_noted_advice(void)
{
	return "Tell the clinic that treated you if it gets worse.";
}

size_t rules_count(void)
{
	return RULE_COUNT;
}

const struct hg_rule_info *rules_info(size_t i)
{
	return i < RULE_COUNT ? &rule_table[i].info : NULL;
}

static int rule_index(const char *id)
{
	for (int k = 0; k < RULE_COUNT; k++)
		if (strcmp(rule_table[k].info.id, id) == 0)
			return k;
	if (strcmp(id, "breathing") == 0)       /* version 2's name */
		return R_AIRWAY;
	return -1;
}

const struct hg_rule_info *rules_find_rule(const char *id)
{
	int k = id ? rule_index(id) : -1;

	return k >= 0 ? &rule_table[k].info : NULL;
}

/* ---- one treatment, one day ------------------------------------------- */

enum { NO, YES, UNKNOWN };

struct ectx {
	const struct hg_treatment *t;
	int downtime;
	int face, eye, darker, weak, cancer, bleed_risk;
	int cold_sore_crusts;       /* crusting is a cold sore here */
};

static void ectx_init(struct ectx *e, const struct hg_treatment *t)
{
	e->t = t;
	e->downtime = rules_downtime(t);
	e->face = rules_area_face(t->area);
	e->eye = rules_area_eye(t->area);
	e->darker = (t->risks & RISK(DARK_SKIN)) || t->skin_type >= HG_SKIN_DARKER;
	e->cancer = (t->risks & RISK(CANCER_TREATMENT)) != 0;
	e->weak = e->cancer || (t->risks & RISK(WEAK_IMMUNITY));
	e->bleed_risk = (t->risks & (RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS))) != 0;
	e->cold_sore_crusts = e->face && (t->risks & RISK(COLD_SORES));
}

static enum hg_kind rule_kind(const struct ectx *e, int k)
{
	if (k == R_CRUSTING && e->cold_sore_crusts)
		return HG_KIND_COLD_SORE;
	return rule_table[k].info.kind;
}

int rules_rule_kind(const char *rule, const struct hg_treatment *t)
{
	struct ectx e;
	int k;

	if (!rule)
		return -1;
	if (strcmp(rule, "lips") == 0)          /* version 2's lips: the airway sign */
		return HG_KIND_REACTION;
	k = rule_index(rule);
	if (k < 0 || rule_table[k].info.once)
		return -1;
	ectx_init(&e, t);
	return (int)rule_kind(&e, k);
}

/* Which rules match one check-in, at what level, and which can tell. */
struct dayres {
	unsigned char res[RULE_COUNT];
	unsigned char level[RULE_COUNT];
	unsigned contrib[RULE_COUNT];   /* signs that made the rule match */
};

static int rated(int v)
{
	return v != HG_UNRATED;
}

/* The ↑ rules of an infection: urgent around the eye or with weak
 * immunity. */
static enum hg_level infection_level(const struct ectx *e)
{
	return e->eye || e->weak ? HG_LEVEL_URGENT : HG_LEVEL_DOCTOR;
}

/* prev: the most recent earlier rating of each symptom, or HG_UNRATED. */
static void match_day(const struct ectx *e, const struct hg_checkin *c, const int *prev,
                      struct dayres *d)
{
	unsigned s = c->signs_assessed ? c->signs : 0;
	unsigned care = c->care_assessed ? c->care : 0;
	int sa = c->signs_assessed, ca = c->care_assessed;
	int day = c->day, D = e->downtime;
	int red = c->rating[HG_REDNESS], swe = c->rating[HG_SWELLING];
	int bru = c->rating[HG_BRUISING], ble = c->rating[HG_BLEEDING];
	int fever = (s & SIGN(FEVER)) || c->temp >= HG_TEMP_FEVER;
	int fever_known = sa || c->temp != HG_TEMP_NONE;
	unsigned fever_sign = s & SIGN(FEVER);
	int near = day <= FEVER_DAYS || (s & SKIN_SIGNS) ||
	           (rated(red) && red >= SKIN_RATING) || (rated(swe) && swe >= SKIN_RATING);
	int yes = 0, unknown = 0;

	memset(d, 0, sizeof *d);
	for (int k = 0; k < RULE_COUNT; k++)
		d->level[k] = (unsigned char)rule_table[k].info.level;

#define SET(k, known, match, signs) do {                                    \
		d->res[k] = !(known) ? UNKNOWN : (match) ? YES : NO;            \
		d->contrib[k] = d->res[k] == YES ? (unsigned)(signs) : 0;       \
	} while (0)
#define SIGNRULE(k, bits, range) \
	SET(k, sa || !(range), (range) && (s & (bits)), s & (bits))
#define RATED(k, v, range, match) SET(k, rated(v) || !(range), (range) && rated(v) && (match), 0)

	SIGNRULE(R_AIRWAY, SIGN(AIRWAY) | SIGN(LIPS_AIRWAY), 1);
	SIGNRULE(R_NUMBING, SIGN(NUMB_MOUTH), day <= 1);
	SIGNRULE(R_EYE, SIGN(EYE), 1);
	SIGNRULE(R_UNWELL, SIGN(UNWELL), 1);
	SIGNRULE(R_BLEEDING_NONSTOP, SIGN(NONSTOP_BLEEDING), 1);
	SET(R_SPREADING_FEVER, sa || day < 1, day >= 1 && fever && (s & SIGN(SPREADING)),
	    SIGN(SPREADING) | fever_sign);
	SIGNRULE(R_LIPS, SIGN(LIPS), 1);
	if (day <= 1 && e->face)
		d->level[R_LIPS] = HG_LEVEL_WATCH;
	SIGNRULE(R_RASH_EARLY, SIGN(RASH), day <= 1);
	SIGNRULE(R_PUS, SIGN(PUS), 1);
	SIGNRULE(R_SPREADING, SIGN(SPREADING), day >= 1);
	SET(R_FEVER, fever_known, fever && near, fever_sign);
	SET(R_FEVER_ALONE, fever_known, fever && !near, fever_sign);
	if (e->cancer) {
		d->level[R_FEVER] = HG_LEVEL_EMERGENCY;
		d->level[R_FEVER_ALONE] = HG_LEVEL_EMERGENCY;
	} else if (e->weak) {
		d->level[R_FEVER_ALONE] = HG_LEVEL_URGENT;
	}
	SIGNRULE(R_BLISTERS, SIGN(BLISTERS), 1);
	RATED(R_BLEEDING_HEAVY, ble, day >= 1, ble == 3);
	SIGNRULE(R_SPREADING_EARLY, SIGN(SPREADING), day == 0);
	SIGNRULE(R_CRUSTING, SIGN(CRUSTING), 1);
	d->level[R_CRUSTING] = (unsigned char)(e->cold_sore_crusts ? HG_LEVEL_URGENT
	                                                           : infection_level(e));
	{
		unsigned wp = 0;

		if (day >= 1)
			wp |= s & SIGN(PAIN);
		if (day >= 2 && 2 * day > D)
			wp |= s & SIGN(WARMTH);
		SET(R_WARMTH_PAIN, sa || day < 1, wp != 0, wp);
		d->level[R_WARMTH_PAIN] = (unsigned char)infection_level(e);
	}
	RATED(R_REDNESS_RISING, red, day >= 2, red >= 2 && rated(prev[HG_REDNESS]) &&
	      red > prev[HG_REDNESS]);
	RATED(R_SWELLING_RISING, swe, day >= 3, swe >= 2 && rated(prev[HG_SWELLING]) &&
	      swe > prev[HG_SWELLING]);
	d->level[R_REDNESS_RISING] = (unsigned char)infection_level(e);
	d->level[R_SWELLING_RISING] = (unsigned char)infection_level(e);
	/* Two or more of the four: known when it matches or when too few of
	 * the parts could still match. */
	{
		static const int parts[] = { R_CRUSTING, R_WARMTH_PAIN, R_REDNESS_RISING,
		                             R_SWELLING_RISING };

		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
			if (parts[i] == R_CRUSTING && e->cold_sore_crusts)
				continue;
			yes += d->res[parts[i]] == YES;
			unknown += d->res[parts[i]] == UNKNOWN;
		}
		SET(R_INFECTION_SIGNS, yes >= 2 || yes + unknown < 2, yes >= 2, 0);
	}
	RATED(R_REDNESS_LATE, red, day > D, red >= 2);
	RATED(R_SWELLING_LATE, swe, day > D, swe >= 2);
	SIGNRULE(R_LINES, SIGN(LINES), day >= 7);
	RATED(R_BLEEDING_LATE, ble, day >= 2, ble >= 2 || (ble == 1 && day >= 4));
	SET(R_BLEEDING_RISK, rated(ble) || rated(bru) || !e->bleed_risk || day < 1,
	    e->bleed_risk && day >= 1 && ((rated(ble) && ble >= 2) || (rated(bru) && bru >= 2)),
	    0);
	RATED(R_BRUISING_HEAVY, bru, 1, bru == 3);
	SIGNRULE(R_RASH, SIGN(RASH), day >= 2);
	SIGNRULE(R_BUMPS, SIGN(BUMPS), 1);
	SIGNRULE(R_DARK_PATCHES, SIGN(DARK_PATCHES), day >= 7);
	SIGNRULE(R_LIGHT_PATCHES, SIGN(LIGHT_PATCHES), day >= 7);
	RATED(R_REDNESS_LINGERING, red, day >= 10, red == 1);
	RATED(R_BLEEDING_SPOTTING, ble, day == 2 || day == 3, ble == 1);
	RATED(R_BRUISING_LINGERING, bru, day >= 10, bru >= 1);
	SIGNRULE(R_DARK_PATCHES_EARLY, SIGN(DARK_PATCHES), day < 7);
	if (e->darker)
		d->level[R_DARK_PATCHES_EARLY] = HG_LEVEL_DOCTOR;
	SIGNRULE(R_LIGHT_PATCHES_EARLY, SIGN(LIGHT_PATCHES), day < 7);
	SET(R_ACTIVES_EARLY, ca || day >= 7, day < 7 && (care & CARE(ACTIVES)), 0);
	SET(R_SUN_EARLY, ca || day >= 14, day < 14 && (care & CARE(SUN)), 0);
	SET(R_MAKEUP_EARLY, ca || day >= 2, day < 2 && (care & CARE(MAKEUP)), 0);
	for (int k = DAY_RULES; k < RULE_COUNT; k++)
		d->res[k] = NO;
#undef SET
#undef SIGNRULE
#undef RATED
}

/* ---- messages --------------------------------------------------------- */

static void put_list(struct strbuf *sb, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_puts(sb, i == n - 1 ? " and " : ", ");
		sb_puts(sb, words[i]);
	}
}

struct msg {
	const struct ectx *e;
	int k;
	enum hg_level level;
	int day;
	const struct hg_checkin *c;     /* the day's check-in, or NULL */
	const struct dayres *d;         /* that day's results, or NULL */
	int planned;                    /* once rules: the session lies ahead */
};

static void put_temp(struct strbuf *sb, int temp, const char *lead)
{
	char t[16];

	model_format_temp(temp, t, sizeof t);
	sb_printf(sb, "%s%s \u00b0C", lead, t);
}

static int put_placeholder(struct strbuf *sb, const char *name, size_t len,
                           const struct msg *m)
{
	size_t start = sb->len;
	char w[16];

	if (len == 0 || len >= sizeof w)
		return 0;
	memcpy(w, name, len);
	w[len] = '\0';
	w[0] = (char)tolower((unsigned char)w[0]);
	if (strcmp(w, "day") == 0) {
		sb_printf(sb, "%d", m->day);
	} else if (strcmp(w, "tdate") == 0) {
		char date[HG_DATE_LEN];

		date_format(m->e->t->date, date);
		sb_puts(sb, date);
	} else if (strcmp(w, "action") == 0) {
		sb_puts(sb, rules_level_action(m->level));
		sb_putc(sb, '.');
	} else if (strcmp(w, "downtime") == 0) {
		sb_printf(sb, "%d", m->e->downtime);
	} else if (strcmp(w, "rating") == 0) {
		int v = HG_UNRATED;

		if (m->c)
			v = m->c->rating[m->k == R_SWELLING_RISING || m->k == R_SWELLING_LATE
			                 ? HG_SWELLING : HG_REDNESS];
		sb_puts(sb, v >= 0 && v <= HG_RATING_MAX ? rating_words[v] : "unrated");
	} else if (strcmp(w, "seen") == 0) {
		unsigned bits = m->d ? m->d->contrib[m->k] : 0;
		const char *list[2];
		size_t n = 0;

		if (bits & SIGN(WARMTH))
			list[n++] = "warm skin";
		if (bits & SIGN(PAIN))
			list[n++] = "worsening pain";
		put_list(sb, list, n);
	} else if (strcmp(w, "parts") == 0) {
		static const struct { int k; const char *words; } parts[] = {
			{ R_CRUSTING, "crusts" }, { R_WARMTH_PAIN, "warmth or pain" },
			{ R_REDNESS_RISING, "rising redness" },
			{ R_SWELLING_RISING, "rising swelling" },
		};
		const char *list[4];
		size_t n = 0;

		for (size_t i = 0; i < 4; i++)
			if (m->d && m->d->res[parts[i].k] == YES &&
			    !(parts[i].k == R_CRUSTING && m->e->cold_sore_crusts))
				list[n++] = parts[i].words;
		put_list(sb, list, n);
	} else if (strcmp(w, "temp") == 0) {
		if (m->c && m->c->temp != HG_TEMP_NONE)
			put_temp(sb, m->c->temp, " of ");
	} else if (strcmp(w, "risks") == 0) {
		unsigned bits = m->e->t->risks &
		                (m->k == R_BLEEDING_RISK
		                 ? RISK(BLEEDING_DISORDER) | RISK(BLOOD_THINNERS)
		                 : PRECAUTION_RISKS);
		const char *list[HG_RISK_COUNT];
		size_t n = 0;

		for (int r = 0; r < HG_RISK_COUNT; r++)
			if (bits & HG_BIT(r))
				list[n++] = risk_words[r];
		put_list(sb, list, n);
	} else if (strcmp(w, "depth") == 0) {
		char dd[16];

		model_format_depth(m->e->t->depth, dd, sizeof dd);
		sb_puts(sb, dd);
	} else if (strcmp(w, "session") == 0) {
		sb_puts(sb, m->planned ? "this session" : "your next session");
	} else if (strcmp(w, "sunrisk") == 0) {
		sb_puts(sb, m->e->darker ? "dark patches, more often on darker skin"
		                         : "dark patches");
	} else {
		return 0;
	}
	if (isupper((unsigned char)name[0]) && sb->len > start)
		sb->s[start] = (char)toupper((unsigned char)sb->s[start]);
	return 1;
}

static void expand(struct strbuf *sb, const char *p, const struct msg *m)
{
	while (*p) {
		const char *open = strchr(p, '{');
		const char *close = open ? strchr(open, '}') : NULL;

		if (!open || !close) {
			sb_puts(sb, p);
			break;
		}
		sb_add(sb, p, (size_t)(open - p));
		if (!put_placeholder(sb, open + 1, (size_t)(close - open - 1), m))
			sb_add(sb, open, (size_t)(close - open + 1));
		p = close + 1;
	}
}

/* One rule's message about one day (or, for a once rule, the treatment). */
static void rule_message(struct strbuf *sb, const struct msg *m)
{
	const struct ectx *e = m->e;
	const char *tmpl = rule_table[m->k].message;
	int infection_rule = m->k == R_CRUSTING || m->k == R_WARMTH_PAIN ||
	                     m->k == R_REDNESS_RISING || m->k == R_SWELLING_RISING;

	if (m->k == R_LIPS && m->level == HG_LEVEL_WATCH)
		tmpl = msg_lips_usual;
	else if (m->k == R_UNWELL && m->day == 0)
		tmpl = msg_unwell_day0;
	else if ((m->k == R_FEVER || m->k == R_FEVER_ALONE) && e->cancer)
		tmpl = msg_fever_cancer;
	else if (m->k == R_FEVER_ALONE && e->weak)
		tmpl = msg_fever_weak;
	else if (m->k == R_CRUSTING && e->cold_sore_crusts)
		tmpl = msg_crusting_cold_sore;
	else if (m->k == R_BUMPS && m->day >= 14)
		tmpl = msg_bumps_late;
	else if (m->k == R_RISK_INFECTION && m->planned)
		tmpl = msg_risk_infection_planned;
	expand(sb, tmpl, m);
	if (rule_kind(e, m->k) != HG_KIND_INFECTION || m->level == HG_LEVEL_EMERGENCY)
		return;
	if (infection_rule && e->face && !e->eye && m->level == HG_LEVEL_DOCTOR)
		sb_puts(sb, FACE_NET);
	sb_puts(sb, SAFETY_NET);
}

/* ---- flags: the walk -------------------------------------------------- */

typedef unsigned long long rmask;       /* one bit per rule */
#define RBIT(k) (1ull << (unsigned)(k))

/* One matching day of a flag. */
struct mday {
	int day;
	rmask rules;                /* findings matching that day */
	rmask serious;              /* those at urgent or emergency that day */
	unsigned char level;        /* the flag's level on that day */
	unsigned char alert;        /* enum hg_alert */
};

struct work {
	struct hg_flag f;
	struct mday *md;
	size_t nmd, cap;
	rmask findings;
	int clear;                  /* clear days since the last match */
	int finding_of[RULE_COUNT]; /* index into f.findings, or -1 */
	/* the message's finding: highest level, earliest, first in the table */
	int msg_rule, msg_day, msg_level;
	const struct hg_checkin *msg_ci;
	struct dayres msg_res;
	int peak_temp;              /* highest temperature on a fever day */
	/* back: what the back message says */
	rmask back_rules;
	int back_still;
	const struct hg_action *back_after;
};

struct walk {
	const struct hg_recovery *r;
	struct ectx e;
	struct work *w;
	size_t nw, cap;
	int active[HG_KIND_COUNT];  /* index into w, or -1 */
	unsigned noted_last;        /* noted signs of the last check-in walked */
	int last_day;               /* the last check-in walked, or -1 */
	int last_match;             /* the last day any rule matched, or -1 */
	struct dayres last_res;     /* the last check-in walked: its results */
	const struct hg_checkin *last_ci;
};

static struct work *new_flag(struct walk *wk, enum hg_kind kind, int day)
{
	struct work *w;

	if (wk->nw == wk->cap) {
		wk->cap = wk->cap ? wk->cap * 2 : 8;
		wk->w = xrealloc(wk->w, wk->cap * sizeof *wk->w);
	}
	w = &wk->w[wk->nw++];
	memset(w, 0, sizeof *w);
	w->f.treatment_id = wk->r->t.id;
	w->f.kind = kind;
	w->f.day = day;
	w->f.date = wk->r->t.date + day;
	w->f.last_day = day;
	w->f.level = HG_LEVEL_WATCH;
	w->f.settled_day = -1;
	w->f.back_day = -1;
	w->f.since = day;
	rules_flag_id(kind, day, w->f.id, sizeof w->f.id);
	for (int k = 0; k < RULE_COUNT; k++)
		w->finding_of[k] = -1;
	w->msg_rule = -1;
	w->peak_temp = HG_TEMP_NONE;
	wk->active[kind] = (int)(wk->nw - 1);
	return w;
}

static void add_match(struct walk *wk, struct work *w, const struct hg_checkin *c,
                      const struct dayres *d, rmask rules)
{
	struct mday *m;
	int level = w->nmd ? w->md[w->nmd - 1].level : HG_LEVEL_COUNT;
	rmask serious = 0;

	if (w->nmd == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 4;
		w->md = xrealloc(w->md, w->cap * sizeof *w->md);
	}
	for (int k = 0; k < DAY_RULES; k++) {
		struct hg_finding *fi;

		if (!(rules & RBIT(k)))
			continue;
		if (d->level[k] <= HG_LEVEL_URGENT)
			serious |= RBIT(k);
		if (d->level[k] < level)
			level = d->level[k];
		if (w->finding_of[k] < 0) {
			w->f.findings = xrealloc(w->f.findings,
			                         (w->f.nfindings + 1) * sizeof *w->f.findings);
			w->finding_of[k] = (int)w->f.nfindings++;
			fi = &w->f.findings[w->finding_of[k]];
			fi->rule = rule_table[k].info.id;
			fi->level = (enum hg_level)d->level[k];
			fi->day = c->day;
		}
		fi = &w->f.findings[w->finding_of[k]];
		fi->last_day = c->day;
		if (d->level[k] < fi->level)
			fi->level = (enum hg_level)d->level[k];
		/* the message's finding: a higher level wins; among equals the
		 * earlier first day, then the table's order */
		if (w->msg_rule < 0 || d->level[k] < w->msg_level ||
		    (d->level[k] == w->msg_level && fi->day == c->day && w->msg_day == c->day &&
		     k < w->msg_rule)) {
			w->msg_rule = k;
			w->msg_day = c->day;
			w->msg_level = d->level[k];
			w->msg_ci = c;
			w->msg_res = *d;
		}
		if ((k == R_FEVER || k == R_FEVER_ALONE || k == R_SPREADING_FEVER) &&
		    c->temp > w->peak_temp)
			w->peak_temp = c->temp;
	}
	m = &w->md[w->nmd++];
	m->day = c->day;
	m->rules = rules;
	m->serious = serious;
	m->level = (unsigned char)level;
	m->alert = HG_ALERT_NONE;
	w->findings |= rules;
	w->f.last_day = c->day;
	w->f.level = (enum hg_level)level;
	w->clear = 0;
	(void)wk;
}

static void walk_checkins(struct walk *wk)
{
	const struct hg_recovery *r = wk->r;
	int prev[HG_SYMPTOM_COUNT];
	struct dayres d;

	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		prev[i] = HG_UNRATED;
	for (int k = 0; k < HG_KIND_COUNT; k++)
		wk->active[k] = -1;
	wk->last_day = -1;
	wk->last_match = -1;
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];
		rmask by_kind[HG_KIND_COUNT] = { 0 };
		rmask known = 0;
		unsigned contrib = 0;

		if (c->day < 0)
			continue;
		match_day(&wk->e, c, prev, &d);
		for (int k = 0; k < DAY_RULES; k++) {
			if (d.res[k] != UNKNOWN)
				known |= RBIT(k);
			if (d.res[k] == YES) {
				by_kind[rule_kind(&wk->e, k)] |= RBIT(k);
				contrib |= d.contrib[k];
			}
		}
		for (int kind = 0; kind < HG_KIND_PRECAUTION; kind++) {
			struct work *w = wk->active[kind] >= 0 ? &wk->w[wk->active[kind]] : NULL;

			if (by_kind[kind]) {
				if (!w)
					w = new_flag(wk, (enum hg_kind)kind, c->day);
				add_match(wk, w, c, &d, by_kind[kind]);
				wk->last_match = c->day;
			} else if (w && (known & w->findings) == w->findings &&
			           ++w->clear == HG_SETTLE_DAYS) {
				w->f.settled_day = c->day;
				wk->active[kind] = -1;
			}
		}
		wk->last_res = d;
		wk->last_ci = c;
		wk->noted_last = (c->signs_assessed ? c->signs : 0) & ~contrib;
		wk->last_day = c->day;
		for (int j = 0; j < HG_SYMPTOM_COUNT; j++)
			if (rated(c->rating[j]))
				prev[j] = c->rating[j];
	}
}

/* ---- flags: actions, status, alerts ----------------------------------- */

static int flag_holds(const struct hg_flag *f, int date)
{
	return date >= f->date &&
	       (f->settled_day < 0 || date <= f->date - f->day + f->settled_day);
}

const struct hg_flag *rules_find_flag(const struct hg_flag *flags, size_t n,
                                      const struct hg_treatment *t,
                                      const struct hg_flag_ref *ref, int action_date)
{
	int kind = ref->kind ? rules_kind_lookup(ref->kind) : rules_rule_kind(ref->rule, t);

	if (kind < 0)
		return NULL;
	for (int pass = 0; pass < 2; pass++) {
		int date = pass == 0 ? ref->date : action_date;

		for (size_t i = 0; i < n; i++)
			if (flags[i].treatment_id == t->id && (int)flags[i].kind == kind &&
			    flag_holds(&flags[i], date))
				return &flags[i];
	}
	return NULL;
}

static int action_cmp(const void *pa, const void *pb)
{
	const struct hg_action *a = *(const struct hg_action *const *)pa;
	const struct hg_action *b = *(const struct hg_action *const *)pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Give every flag the actions that name it (a reference landing on a flag
 * twice counts once), by date. */
static void attach_actions(struct walk *wk, const struct hg_action *a, size_t na)
{
	struct hg_flag *flags = xcalloc(wk->nw ? wk->nw : 1, sizeof *flags);

	/* rules_find_flag reads hg_flag arrays: a view of the work items */
	for (size_t i = 0; i < wk->nw; i++)
		flags[i] = wk->w[i].f;
	for (size_t i = 0; i < na; i++) {
		if (a[i].treatment_id != wk->r->t.id)
			continue;
		for (size_t j = 0; j < a[i].nresolves; j++) {
			const struct hg_flag *f = rules_find_flag(flags, wk->nw, &wk->r->t,
			                                          &a[i].resolves[j], a[i].date);
			struct hg_flag *wf;

			if (!f)
				continue;
			wf = &wk->w[f - flags].f;
			if (wf->nactions && wf->actions[wf->nactions - 1] == &a[i])
				continue;
			wf->actions = xrealloc(wf->actions, (wf->nactions + 1) * sizeof(const struct hg_action *));
			wf->actions[wf->nactions++] = &a[i];
		}
	}
	free(flags);
	for (size_t i = 0; i < wk->nw; i++) {
		struct hg_flag *f = &wk->w[i].f;

		if (f->nactions > 1)
			qsort(f->actions, f->nactions, sizeof(const struct hg_action *), action_cmp);
		for (size_t j = 0; j < f->nactions; j++)
			if (f->actions[j]->by != HG_BY_SELF)
				f->clinician_seen = 1;
	}
}

/* Walk one flag's matching days and actions in time order (a day's check-in
 * before that day's actions: an action covers what its day showed). */
static void flag_status(struct walk *wk, struct work *w)
{
	struct hg_flag *f = &w->f;
	size_t i = 0, j = 0;
	int level = HG_LEVEL_COUNT, status = HG_STATUS_OPEN;
	int cover_day = -1, cover_level = HG_LEVEL_COUNT;
	rmask seen = 0, seen_at_cover = 0;
	int tdate = wk->r->t.date;

	f->since = f->day;
	while (i < w->nmd || j < f->nactions) {
		int aday = j < f->nactions ? f->actions[j]->date - tdate : 0;

		if (i < w->nmd && (j >= f->nactions || w->md[i].day <= aday)) {
			struct mday *m = &w->md[i++];
			int worse = m->level < level, seen_today = 0;

			/* a covering action dated that day saw what the day shows:
			 * the flag is neither worse nor back there */
			for (size_t k = j; k < f->nactions; k++) {
				const struct hg_action *a = f->actions[k];

				if (a->date - tdate != m->day)
					break;
				seen_today |= a->by != HG_BY_SELF || m->level > HG_LEVEL_URGENT;
			}
			if (i == 1) {
				m->alert = HG_ALERT_NEW;
			} else if (seen_today) {
				m->alert = HG_ALERT_NONE;
			} else if (status == HG_STATUS_IN_CARE &&
			           (worse || (m->serious & ~seen_at_cover) ||
			            (f->kind == HG_KIND_INFECTION && m->serious &&
			             m->day >= cover_day + HG_BACK_INFECTION_DAYS))) {
				status = HG_STATUS_OPEN;
				f->since = m->day;
				f->back_day = m->day;
				m->alert = HG_ALERT_BACK;
				w->back_rules = m->rules;
				w->back_still = !worse && !(m->serious & ~seen_at_cover);
				w->back_after = f->care;
				f->care = NULL;
			} else if (status == HG_STATUS_OPEN && worse) {
				m->alert = HG_ALERT_WORSE;
			}
			if (m->level < level)
				level = m->level;
			seen |= m->rules;
		} else {
			const struct hg_action *a = f->actions[j++];

			if (aday < f->day || (f->settled_day >= 0 && aday > f->settled_day))
				continue;
			if (a->by == HG_BY_SELF && level <= HG_LEVEL_URGENT) {
				f->self_only_urgent = 1;
				continue;
			}
			if (status == HG_STATUS_OPEN) {
				status = HG_STATUS_IN_CARE;
				f->since = aday;
				f->care = a;
			}
			cover_day = aday;
			cover_level = level;
			seen_at_cover = seen;
		}
	}
	(void)cover_level;
	if (status == HG_STATUS_IN_CARE)
		f->self_only_urgent = 0;
	f->status = (enum hg_flag_status)status;
	if (f->settled_day >= 0) {
		f->status = HG_STATUS_SETTLED;
		f->since = f->settled_day;
		f->care = NULL;
	}
}

/* The flag's message: its leading finding's, "also:" the others; or, while
 * it is back, what came back after what was done. */
static void flag_message(struct walk *wk, struct work *w)
{
	struct hg_flag *f = &w->f;
	struct strbuf sb = STRBUF_INIT;

	if (f->status == HG_STATUS_OPEN && f->back_day >= 0 && w->back_after) {
		const struct hg_action *a = w->back_after;
		char date[HG_DATE_LEN], *text = hg_sanitize(a->text);
		const char *list[RULE_COUNT];
		size_t n = 0;
		int days = f->back_day - (a->date - wk->r->t.date);

		for (int k = 0; k < DAY_RULES; k++)
			if (w->back_rules & RBIT(k))
				list[n++] = rule_table[k].info.short_name;
		date_format(a->date, date);
		put_list(&sb, list, n);
		if (sb.len)
			sb.s[0] = (char)toupper((unsigned char)sb.s[0]);
		sb_printf(&sb, "%s on day %d, %d day%s after '%s' (%s): %s.",
		          w->back_still ? " still there" : "", f->back_day, days,
		          days == 1 ? "" : "s", text, date + 5, rules_level_action(f->level));
		free(text);
	} else {
		struct msg m = { &wk->e, w->msg_rule, (enum hg_level)w->msg_level, w->msg_day,
		                 w->msg_ci, &w->msg_res, 0 };
		int others = 0;

		rule_message(&sb, &m);
		for (size_t i = 0; i < f->nfindings; i++) {
			const struct hg_finding *fi = &f->findings[i];
			int k = rule_index(fi->rule);

			if (k == w->msg_rule)
				continue;
			sb_puts(&sb, others++ ? ", " : " (also: ");
			sb_puts(&sb, rule_table[k].info.short_name);
			if ((k == R_FEVER || k == R_FEVER_ALONE) && w->peak_temp != HG_TEMP_NONE)
				put_temp(&sb, w->peak_temp, " ");
		}
		if (others)
			sb_putc(&sb, ')');
	}
	f->message = sb_detach(&sb);
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct hg_finding *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

static void walk_run(struct walk *wk, const struct hg_recovery *r,
                     const struct hg_action *a, size_t na)
{
	memset(wk, 0, sizeof *wk);
	wk->r = r;
	ectx_init(&wk->e, &r->t);
	walk_checkins(wk);
	attach_actions(wk, a, na);
	for (size_t i = 0; i < wk->nw; i++) {
		struct work *w = &wk->w[i];

		flag_status(wk, w);
		if (w->f.nfindings > 1)
			qsort(w->f.findings, w->f.nfindings, sizeof *w->f.findings, finding_cmp);
		flag_message(wk, w);
	}
}

static void walk_free(struct walk *wk, int keep_flags)
{
	for (size_t i = 0; i < wk->nw; i++) {
		free(wk->w[i].md);
		if (!keep_flags) {
			free(wk->w[i].f.findings);
			free(wk->w[i].f.actions);
			free(wk->w[i].f.message);
		}
	}
	free(wk->w);
}

int rules_eval(const struct hg_recovery *r, const struct hg_action *actions, size_t nactions,
               struct hg_flag **flags, size_t *n)
{
	struct walk wk;

	walk_run(&wk, r, actions, nactions);
	if (wk.nw) {
		*flags = xrealloc(*flags, (*n + wk.nw) * sizeof **flags);
		for (size_t i = 0; i < wk.nw; i++)
			(*flags)[*n + i] = wk.w[i].f;
		rules_sort(*flags + *n, wk.nw);
		*n += wk.nw;
	}
	walk_free(&wk, 1);
	return HG_OK;
}

/* ---- one day ---------------------------------------------------------- */

static int day_flag_cmp(const void *pa, const void *pb)
{
	const struct hg_day_flag *a = pa, *b = pb;

	/* most serious first; among equals the alerts first */
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	if ((a->alert != HG_ALERT_NONE) != (b->alert != HG_ALERT_NONE))
		return a->alert != HG_ALERT_NONE ? -1 : 1;
	return strcmp(a->id, b->id);
}

int rules_day(const struct hg_recovery *r, const struct hg_action *actions, size_t nactions,
              int day, struct hg_day *out)
{
	struct hg_recovery upto = *r;
	struct hg_action *a = xcalloc(nactions ? nactions : 1, sizeof *a);
	size_t *from = xcalloc(nactions ? nactions : 1, sizeof *from);
	size_t na = 0;
	struct walk wk;

	memset(out, 0, sizeof *out);
	upto.ndays = 0;
	while (upto.ndays < r->ndays && r->days[upto.ndays].day <= day)
		upto.ndays++;
	if (upto.ndays == 0 || r->days[upto.ndays - 1].day != day) {
		free(a);
		free(from);
		return HG_OK;
	}
	for (size_t i = 0; i < nactions; i++)
		if (actions[i].date <= r->t.date + day) {
			from[na] = i;
			a[na++] = actions[i];      /* a view: nothing here is freed */
		}
	walk_run(&wk, &upto, a, na);
	out->noted = wk.noted_last;
	for (size_t i = 0; i < wk.nw; i++) {
		struct work *w = &wk.w[i];
		struct mday *m = w->nmd ? &w->md[w->nmd - 1] : NULL;
		struct hg_day_flag *df;

		if (!m || m->day != day)
			continue;
		out->flags = xrealloc(out->flags, (out->nflags + 1) * sizeof *out->flags);
		df = &out->flags[out->nflags++];
		memcpy(df->id, w->f.id, sizeof df->id);
		df->kind = w->f.kind;
		df->level = (enum hg_level)m->level;
		df->status = w->f.status;
		df->since = w->f.since;
		df->alert = (enum hg_alert)m->alert;
		/* the caller's action, not the copy freed below */
		df->care = w->f.care ? &actions[from[w->f.care - a]] : NULL;
		df->nfindings = 0;
		df->findings = xcalloc(RULE_COUNT, sizeof *df->findings);
		df->finding_messages = xcalloc(RULE_COUNT, sizeof *df->finding_messages);
		df->finding_levels = xcalloc(RULE_COUNT, sizeof *df->finding_levels);
		for (int k = 0; k < DAY_RULES; k++) {
			struct msg mm = { &wk.e, k, (enum hg_level)wk.last_res.level[k], day,
			                  wk.last_ci, &wk.last_res, 0 };
			struct strbuf sb = STRBUF_INIT;

			if (!(m->rules & RBIT(k)))
				continue;
			rule_message(&sb, &mm);
			df->finding_messages[df->nfindings] = sb_detach(&sb);
			df->finding_levels[df->nfindings] = mm.level;
			df->findings[df->nfindings++] = rule_table[k].info.id;
		}
		df->message = w->f.message;
		w->f.message = NULL;
	}
	walk_free(&wk, 0);
	free(a);
	free(from);
	if (out->nflags > 1)
		qsort(out->flags, out->nflags, sizeof *out->flags, day_flag_cmp);
	return HG_OK;
}

void rules_day_free(struct hg_day *d)
{
	for (size_t i = 0; i < d->nflags; i++) {
		for (size_t k = 0; k < d->flags[i].nfindings; k++)
			free(d->flags[i].finding_messages[k]);
		free(d->flags[i].finding_messages);
		free(d->flags[i].finding_levels);
		free(d->flags[i].findings);
		free(d->flags[i].message);
	}
	free(d->flags);
	memset(d, 0, sizeof *d);
}

/* ---- precautions ------------------------------------------------------ */

int rules_precautions(const struct hg_treatment *t, int today,
                      struct hg_precaution **out, size_t *n)
{
	struct ectx e;

	ectx_init(&e, t);
	for (int k = DAY_RULES; k < RULE_COUNT; k++) {
		int applies = 0;
		struct msg m = { &e, k, rule_table[k].info.level, 0, NULL, NULL, t->date > today };
		struct strbuf sb = STRBUF_INIT;
		struct hg_precaution *p;

		switch (k) {
		case R_RISK_INFECTION:
			applies = (t->risks & RISK(ACTIVE_INFECTION)) != 0;
			break;
		case R_RISK_PRECAUTION:
			applies = (t->risks & PRECAUTION_RISKS) != 0;
			break;
		case R_COLD_SORES_PRECAUTION:
			applies = (t->risks & RISK(COLD_SORES)) != 0;
			break;
		case R_PIGMENT_RISK:
			applies = e.darker;
			break;
		case R_HOME_DEEP:
			applies = t->device == HG_DEVICE_HOME && t->depth > 0.5 + DEPTH_EPSILON;
			break;
		default:
			break;
		}
		if (!applies)
			continue;
		rule_message(&sb, &m);
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		p = &(*out)[(*n)++];
		p->treatment_id = t->id;
		p->id = rule_table[k].info.id;
		p->level = rule_table[k].info.level;
		p->message = sb_detach(&sb);
	}
	return HG_OK;
}

void rules_precautions_free(struct hg_precaution *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i].message);
	free(p);
}

/* ---- ids and references ----------------------------------------------- */

void rules_flag_id(enum hg_kind kind, int day, char *buf, size_t len)
{
	snprintf(buf, len, "%s@%d", rules_kind_name(kind), day);
}

int rules_parse_flag_id(const char *id, const char **name, int *day)
{
	const char *at = strchr(id, '@');
	char word[HG_FLAG_ID_MAX];
	long v = 0;
	size_t len;

	if (!at || !at[1] || strlen(at + 1) > 3 || (at[1] == '0' && at[2]))
		return -1;
	for (const char *p = at + 1; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	len = (size_t)(at - id);
	if (v >= HG_WINDOW_MAX || len == 0 || len >= sizeof word)
		return -1;
	memcpy(word, id, len);
	word[len] = '\0';
	*day = (int)v;
	if (rules_kind_lookup(word) >= 0) {
		*name = kind_names[rules_kind_lookup(word)];
		return 0;
	}
	if (strcmp(word, "breathing") == 0 || strcmp(word, "lips") == 0) {
		*name = strcmp(word, "lips") == 0 ? "lips" : "breathing";
		return 0;
	}
	if (rule_index(word) < 0)
		return -1;
	*name = rule_table[rule_index(word)].info.id;
	return 0;
}

static int flag_day_cmp(const void *pa, const void *pb)
{
	const struct hg_flag *a = *(const struct hg_flag *const *)pa;
	const struct hg_flag *b = *(const struct hg_flag *const *)pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return strcmp(a->id, b->id);
}

int rules_check_flag_ids(const struct hg_flag *flags, size_t n, const struct hg_treatment *t,
                         int action_date, char *const *ids, size_t nids,
                         struct hg_flag_ref **refs, size_t *nrefs)
{
	const struct hg_flag **mine = xcalloc(n + 1, sizeof(const struct hg_flag *));
	const struct hg_flag **picked = xcalloc(nids + 1, sizeof(const struct hg_flag *));
	size_t nm = 0, np = 0;
	int rc = HG_OK;

	*refs = NULL;
	*nrefs = 0;
	for (size_t i = 0; i < n; i++)
		if (flags[i].treatment_id == t->id)
			mine[nm++] = &flags[i];
	if (nm > 1)
		qsort(mine, nm, sizeof(const struct hg_flag *), flag_day_cmp);
	for (size_t i = 0; i < nids && rc == HG_OK; i++) {
		const struct hg_flag *f = NULL;

		for (size_t k = 0; k < nm && !f; k++)
			if (strcmp(mine[k]->id, ids[i]) == 0)
				f = mine[k];
		if (!f || f->date > action_date) {
			struct strbuf sb = STRBUF_INIT;
			const char **names = xcalloc(nm + 1, sizeof *names);
			const char *near;
			char *bad = hg_sanitize(ids[i]), date[HG_DATE_LEN];

			for (size_t k = 0; k < nm; k++)
				names[k] = mine[k]->id;
			near = f ? NULL : hg_nearest(ids[i], names);
			date_format(action_date, date);
			if (f)
				sb_printf(&sb, "flag %s starts on day %d, after the action's date %s;",
				          bad, f->day, date);
			else
				sb_printf(&sb, "no flag %s;", bad);
			if (near)
				sb_printf(&sb, " did you mean %s?", near);
			if (nm == 0) {
				sb_printf(&sb, " treatment %lld has no flags", (long long)t->id);
			} else {
				sb_printf(&sb, " flags of treatment %lld:", (long long)t->id);
				for (size_t k = 0; k < nm; k++)
					sb_printf(&sb, "%s %s", k ? "," : "", mine[k]->id);
			}
			rc = hg_fail(HG_ERR_INPUT, "%s", sb_str(&sb));
			sb_free(&sb);
			free(names);
			free(bad);
			break;
		}
		for (size_t k = 0; k < np && f; k++)
			if (picked[k] == f)
				f = NULL;
		if (f)
			picked[np++] = f;
	}
	if (rc == HG_OK && np) {
		*refs = xcalloc(np, sizeof **refs);
		for (size_t i = 0; i < np; i++) {
			(*refs)[i].rule = xstrdup(picked[i]->nfindings ? picked[i]->findings[0].rule
			                                               : rules_kind_name(picked[i]->kind));
			(*refs)[i].kind = xstrdup(rules_kind_name(picked[i]->kind));
			(*refs)[i].date = picked[i]->date;
		}
		*nrefs = np;
	}
	free(mine);
	free(picked);
	return rc;
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
	c = strcmp(rules_kind_name(a->kind), rules_kind_name(b->kind));
	if (c != 0)
		return c;
	return (a->treatment_id > b->treatment_id) - (a->treatment_id < b->treatment_id);
}

void rules_sort(struct hg_flag *flags, size_t n)
{
	if (n > 1)
		qsort(flags, n, sizeof *flags, flag_cmp);
}

static int status_cmp(const void *pa, const void *pb)
{
	const struct hg_flag *a = pa, *b = pb;

	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	return flag_cmp(pa, pb);
}

void rules_sort_by_status(struct hg_flag *flags, size_t n)
{
	if (n > 1)
		qsort(flags, n, sizeof *flags, status_cmp);
}

void rules_flags_free(struct hg_flag *flags, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(flags[i].findings);
		free(flags[i].actions);
		free(flags[i].message);
	}
	free(flags);
}

/* ---- daily tracking and follow-up looks ------------------------------- */

int rules_tracking_end(const struct hg_recovery *r, const struct hg_flag *flags, size_t n)
{
	int D = rules_downtime(&r->t), last_match = -1, settled = -1;
	struct ectx e;
	int prev[HG_SYMPTOM_COUNT];
	struct dayres d;

	ectx_init(&e, &r->t);
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		prev[i] = HG_UNRATED;
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];

		match_day(&e, c, prev, &d);
		for (int k = 0; k < DAY_RULES; k++)
			if (d.res[k] == YES)
				last_match = c->day;
		for (int j = 0; j < HG_SYMPTOM_COUNT; j++)
			if (rated(c->rating[j]))
				prev[j] = c->rating[j];
	}
	for (size_t i = 0; i < n; i++) {
		if (flags[i].treatment_id != r->t.id)
			continue;
		if (flags[i].settled_day < 0)
			return -1;                      /* open or in care, now and on */
		if (flags[i].settled_day > settled)
			settled = flags[i].settled_day;
	}
	for (size_t i = 2; i < r->ndays; i++) {
		int E = r->days[i].day;

		if (E - 2 <= D || E - 2 <= last_match || E < settled)
			continue;
		if (r->days[i - 1].day == E - 1 && r->days[i - 2].day == E - 2)
			return E;
	}
	return -1;
}

static const int look_days[HG_LOOK_COUNT] = { 42, 84, 168 };

int rules_look_day(int i)
{
	return i >= 0 && i < HG_LOOK_COUNT ? look_days[i] : -1;
}

const char *rules_look_name(int i)
{
	static const char *const names[HG_LOOK_COUNT] = {
		"six-week", "twelve-week", "twenty-four-week"
	};
	return i >= 0 && i < HG_LOOK_COUNT ? names[i] : "?";
}

/* A check-in exists on or after day L. */
static int looked(const struct hg_recovery *r, int L)
{
	return r->ndays > 0 && r->days[r->ndays - 1].day >= L;
}

static int look_blocked(const struct hg_recovery *r, int L, int later_same_area)
{
	return later_same_area != 0 && later_same_area <= r->t.date + L;
}

int rules_look_due(const struct hg_recovery *r, int today, int later_same_area)
{
	int day = today - r->t.date;

	for (int i = 0; i < HG_LOOK_COUNT; i++) {
		int L = look_days[i];

		if (day >= L && day < L + HG_LOOK_SPAN && day < HG_WINDOW_MAX &&
		    !looked(r, L) && !look_blocked(r, L, later_same_area))
			return i;
	}
	return -1;
}

int rules_look_next(const struct hg_recovery *r, int today, int later_same_area)
{
	int day = today - r->t.date;

	for (int i = 0; i < HG_LOOK_COUNT; i++) {
		int L = look_days[i];

		if (day < L + HG_LOOK_SPAN && !looked(r, L) &&
		    !look_blocked(r, L, later_same_area))
			return i;
	}
	return -1;
}

/* A later session of the same area makes the earlier one's follow-up
 * looks moot; a planned one (after today) does not yet. */
int rules_later_same_area(const struct hg_treatment *all, size_t n,
                          const struct hg_treatment *t, int today)
{
	int best = 0;

	for (size_t i = 0; i < n; i++)
		if (all[i].id != t->id && all[i].date > t->date && all[i].date <= today &&
		    strcmp(all[i].area, t->area) == 0 && (!best || all[i].date < best))
			best = all[i].date;
	return best;
}

int rules_daily_asked(const struct hg_recovery *r, const struct hg_flag *flags, size_t n,
                      int today)
{
	int day = today - r->t.date, active = 0;

	if (day < 0 || rules_tracking_end(r, flags, n) >= 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (flags[i].treatment_id == r->t.id && flags[i].status != HG_STATUS_SETTLED)
			active = 1;
	return day < r->t.window || active;
}
