/* test_rules.c — cmocka tests of the warning engine (src/rules.c).
 *
 * Recoveries are built as plain structs, no database.  For every rule of
 * the rule table (man page, WARNING RULES) a case raises it on exactly the
 * right first day and a case one step below each threshold stays silent;
 * then episodes (a recurrence after a check-in that does not match raises
 * a new flag, a gap of up to a week is the same flag, unrated days are
 * skipped by rating rules), escalation, the matches of one day, message
 * wording, ordering, and a check that man/healgrid.1 lists every rule of
 * the table with its level.
 */
#include "config.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/rules.h"
#include "healgrid/util.h"

#define U HG_UNRATED
#define S(x) HG_BIT(HG_SIGN_##x)
#define R(x) HG_BIT(HG_RISK_##x)
#define C(x) HG_BIT(HG_CARE_##x)

enum { T_DATE = 20780 };        /* 2026-11-23; rules only add days to it */

/* ---- building recoveries ---------------------------------------------- */

static void rec_init(struct hg_recovery *r, enum hg_device dev, double depth, unsigned risks)
{
	memset(r, 0, sizeof *r);
	r->t.id = 1;
	r->t.date = T_DATE;
	r->t.device = dev;
	r->t.depth = depth;
	r->t.risks = risks;
	r->t.window = HG_WINDOW_MAX;
}

/* One check-in: ratings, signs, temperature (tenths, 0 none), care. */
struct day {
	int day, red, swe, bru, ble;
	unsigned signs;
	int temp;
	unsigned care;
};

static void rec_add(struct hg_recovery *r, struct day d)
{
	struct hg_checkin *c;

	r->days = xrealloc(r->days, (r->ndays + 1) * sizeof *r->days);
	c = &r->days[r->ndays++];
	memset(c, 0, sizeof *c);
	c->treatment_id = r->t.id;
	c->day = d.day;
	c->rating[HG_REDNESS] = d.red;
	c->rating[HG_SWELLING] = d.swe;
	c->rating[HG_BRUISING] = d.bru;
	c->rating[HG_BLEEDING] = d.ble;
	c->signs = d.signs;
	c->temp = d.temp;
	c->care = d.care;
}

static void rec_day(struct hg_recovery *r, int day, int red, int swe, int bru, int ble,
                    unsigned signs)
{
	rec_add(r, (struct day){ day, red, swe, bru, ble, signs, 0, 0 });
}

static void rec_free(struct hg_recovery *r)
{
	free(r->days);
	r->days = NULL;
	r->ndays = 0;
}

/* ---- checking flags --------------------------------------------------- */

struct result {
	struct hg_flag *f;
	size_t n;
};

static struct result eval(const struct hg_recovery *r)
{
	struct result res = { NULL, 0 };

	assert_int_equal(rules_eval(r, &res.f, &res.n), 0);
	return res;
}

static void print_flags(const struct result *res)
{
	for (size_t i = 0; i < res->n; i++)
		print_message("  flag %s@%d %s: %s\n", res->f[i].rule, res->f[i].day,
		              rules_level_name(res->f[i].level), res->f[i].message);
}

/* The flags of `rule`, as "day,day,..." */
static void days_of(const struct result *res, const char *rule, char *buf, size_t len)
{
	size_t at = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < res->n; i++)
		if (strcmp(res->f[i].rule, rule) == 0 && at < len)
			at += (size_t)snprintf(buf + at, len - at, "%s%d", at ? "," : "",
			                       res->f[i].day);
}

/* `rule` raises flags on exactly the days `want` ("3" or "3,9"; "" none). */
static void expect_days(const struct hg_recovery *r, const char *rule, const char *want)
{
	struct result res = eval(r);
	char got[256];

	days_of(&res, rule, got, sizeof got);
	if (strcmp(got, want) != 0) {
		print_flags(&res);
		fail_msg("rule %s raised flags on days \"%s\", expected \"%s\"", rule, got, want);
	}
	rules_flags_free(res.f, res.n);
}

/* The one flag of `rule`: its level and a copy of its message. */
static char *flag_of(const struct hg_recovery *r, const char *rule, enum hg_level *level)
{
	struct result res = eval(r);
	char *m = NULL;

	for (size_t i = 0; i < res.n; i++)
		if (strcmp(res.f[i].rule, rule) == 0) {
			if (m)
				fail_msg("rule %s raised twice", rule);
			m = xstrdup(res.f[i].message);
			if (level)
				*level = res.f[i].level;
			assert_int_equal(res.f[i].date, T_DATE + res.f[i].day);
		}
	if (!m) {
		print_flags(&res);
		fail_msg("rule %s raised nothing", rule);
	}
	rules_flags_free(res.f, res.n);
	return m;
}

static void expect_level(const struct hg_recovery *r, const char *rule, enum hg_level want)
{
	enum hg_level got;
	char *m = flag_of(r, rule, &got);

	if (got != want)
		fail_msg("%s is %s, expected %s", rule, rules_level_name(got), rules_level_name(want));
	free(m);
}

static void expect_message_has(const struct hg_recovery *r, const char *rule, const char *text)
{
	char *m = flag_of(r, rule, NULL);

	if (!strstr(m, text))
		fail_msg("%s message lacks \"%s\": %s", rule, text, m);
	free(m);
}

/* ---- every rule: its first day, and one step below each threshold ----- */

struct setup {
	enum hg_device dev;
	double depth;
	unsigned risks;
	int skin;
};

#define PRO { HG_DEVICE_PROFESSIONAL, 0.0, 0, 0 }          /* D = 5 */
#define MAXD 4

struct rule_case {
	const char *rule;
	struct setup t;
	struct day days[MAXD];
	size_t ndays;
	const char *want;               /* days of its flags */
};

#define D(...) { __VA_ARGS__ }
#define CALM(d) { d, 0, 0, 0, 0, 0, 0, 0 }
#define SIGNS(d, s) { d, U, U, U, U, s, 0, 0 }
#define RATE(d, r, s, b, l) { d, r, s, b, l, 0, 0, 0 }
#define TEMP(d, t) { d, U, U, U, U, 0, t, 0 }
#define CARE(d, c) { d, U, U, U, U, 0, 0, c }

static const struct rule_case cases[] = {
	/* emergency */
	{ "breathing", PRO, { SIGNS(0, S(LIPS)) }, 1, "0" },
	{ "breathing", PRO, { SIGNS(0, S(RASH)) }, 1, "" },
	{ "eye", PRO, { SIGNS(3, S(EYE)) }, 1, "3" },
	{ "eye", PRO, { SIGNS(3, S(PAIN)) }, 1, "" },
	{ "unwell", PRO, { SIGNS(1, S(UNWELL)) }, 1, "1" },
	{ "unwell", PRO, { SIGNS(1, S(FEVER)) }, 1, "" },
	{ "bleeding-nonstop", PRO, { SIGNS(0, S(NONSTOP_BLEEDING)) }, 1, "0" },
	{ "bleeding-nonstop", PRO, { RATE(0, U, U, U, 3) }, 1, "" },
	/* infection */
	{ "pus", PRO, { CALM(0), SIGNS(4, S(PUS)) }, 2, "4" },
	{ "pus", PRO, { SIGNS(4, S(CRUSTING)) }, 1, "" },
	{ "spreading", PRO, { SIGNS(0, S(SPREADING)), SIGNS(1, S(SPREADING)) }, 2, "1" },
	{ "spreading", PRO, { SIGNS(0, S(SPREADING)) }, 1, "" },
	{ "spreading-early", PRO, { SIGNS(0, S(SPREADING)) }, 1, "0" },
	{ "spreading-early", PRO, { SIGNS(1, S(SPREADING)) }, 1, "" },
	{ "fever", PRO, { SIGNS(7, S(FEVER)) }, 1, "7" },
	{ "fever", PRO, { TEMP(2, 380) }, 1, "2" },
	{ "fever", PRO, { TEMP(2, 379) }, 1, "" },
	{ "fever", PRO, { SIGNS(8, S(FEVER)) }, 1, "" },
	{ "fever", PRO, { SIGNS(20, S(FEVER) | S(BLISTERS)) }, 1, "20" },
	{ "fever", PRO, { { 20, 2, U, U, U, 0, 385, 0 } }, 1, "20" },
	{ "fever", PRO, { { 20, U, 2, U, U, 0, 385, 0 } }, 1, "20" },
	{ "fever", PRO, { { 20, 1, 1, U, U, 0, 385, 0 } }, 1, "" },
	{ "fever-alone", PRO, { SIGNS(8, S(FEVER)) }, 1, "8" },
	{ "fever-alone", PRO, { TEMP(9, 380) }, 1, "9" },
	{ "fever-alone", PRO, { SIGNS(7, S(FEVER)) }, 1, "" },
	{ "fever-alone", PRO, { TEMP(9, 379) }, 1, "" },
	{ "fever-alone", PRO, { SIGNS(9, S(FEVER) | S(WARMTH)) }, 1, "" },
	{ "blisters", PRO, { SIGNS(1, S(BLISTERS)) }, 1, "1" },
	{ "blisters", PRO, { SIGNS(1, S(RASH)) }, 1, "" },
	{ "infection-signs", PRO, { SIGNS(4, S(CRUSTING) | S(WARMTH)) }, 1, "4" },
	{ "infection-signs", PRO, { RATE(2, 1, 1, U, U), { 4, 2, 2, U, U, 0, 0, 0 } }, 2, "4" },
	{ "infection-signs", PRO, { SIGNS(4, S(CRUSTING)) }, 1, "" },
	{ "infection-signs", PRO, { SIGNS(2, S(CRUSTING) | S(WARMTH)) }, 1, "" },  /* 2d = D-1 */
	{ "crusting", PRO, { SIGNS(0, S(CRUSTING)) }, 1, "0" },
	{ "crusting", PRO, { SIGNS(0, S(PUS)) }, 1, "" },
	{ "warmth-pain", PRO, { SIGNS(3, S(WARMTH)) }, 1, "3" },          /* 6 > 5 */
	{ "warmth-pain", PRO, { SIGNS(3, S(PAIN)) }, 1, "3" },
	{ "warmth-pain", PRO, { SIGNS(2, S(PAIN)) }, 1, "" },             /* 4 <= 5 */
	{ "warmth-pain", { HG_DEVICE_HOME, 0.0, 0, 0 }, { SIGNS(2, S(WARMTH)) }, 1, "2" },
	{ "warmth-pain", { HG_DEVICE_HOME, 0.0, 0, 0 }, { SIGNS(1, S(WARMTH)) }, 1, "" },
	{ "redness-rising", PRO, { RATE(2, 1, U, U, U), RATE(3, 2, U, U, U) }, 2, "3" },
	{ "redness-rising", PRO, { RATE(1, 1, U, U, U), RATE(2, 2, U, U, U) }, 2, "" },
	{ "redness-rising", PRO, { RATE(2, 0, U, U, U), RATE(3, 1, U, U, U) }, 2, "" },
	{ "redness-rising", PRO, { RATE(2, 2, U, U, U), RATE(3, 2, U, U, U) }, 2, "" },
	{ "redness-rising", PRO, { RATE(2, 1, U, U, U), RATE(3, U, 1, U, U),
	                           RATE(4, 2, U, U, U) }, 3, "4" },
	{ "swelling-rising", PRO, { RATE(2, U, 1, U, U), RATE(3, U, 2, U, U) }, 2, "3" },
	{ "swelling-rising", PRO, { RATE(1, U, 1, U, U), RATE(2, U, 2, U, U) }, 2, "" },
	{ "swelling-rising", PRO, { RATE(2, U, 0, U, U), RATE(3, U, 1, U, U) }, 2, "" },
	/* healing */
	{ "redness-late", PRO, { RATE(6, 2, U, U, U) }, 1, "6" },
	{ "redness-late", PRO, { RATE(5, 2, U, U, U) }, 1, "" },
	{ "redness-late", PRO, { RATE(6, 1, U, U, U) }, 1, "" },
	{ "redness-late", { HG_DEVICE_HOME, 0.0, 0, 0 }, { RATE(4, 3, U, U, U) }, 1, "4" },
	{ "redness-late", { HG_DEVICE_HOME, 2.0, 0, 0 }, { RATE(7, 3, U, U, U) }, 1, "" },
	{ "redness-late", { HG_DEVICE_HOME, 2.0, 0, 0 }, { RATE(8, 3, U, U, U) }, 1, "8" },
	{ "swelling-late", PRO, { RATE(6, U, 2, U, U) }, 1, "6" },
	{ "swelling-late", PRO, { RATE(5, U, 3, U, U) }, 1, "" },
	{ "swelling-late", PRO, { RATE(6, U, 1, U, U) }, 1, "" },
	{ "redness-lingering", PRO, { RATE(10, 1, U, U, U) }, 1, "10" },
	{ "redness-lingering", PRO, { RATE(9, 1, U, U, U) }, 1, "" },
	{ "redness-lingering", PRO, { RATE(10, 0, U, U, U) }, 1, "" },
	{ "redness-lingering", PRO, { RATE(10, 2, U, U, U) }, 1, "" },
	{ "lines", PRO, { SIGNS(7, S(LINES)) }, 1, "7" },
	{ "lines", PRO, { SIGNS(6, S(LINES)) }, 1, "" },
	/* bleeding */
	{ "bleeding-heavy", PRO, { RATE(1, U, U, U, 3) }, 1, "1" },
	{ "bleeding-heavy", PRO, { RATE(0, U, U, U, 3) }, 1, "" },
	{ "bleeding-heavy", PRO, { RATE(1, U, U, U, 2) }, 1, "" },
	{ "bleeding-late", PRO, { RATE(2, U, U, U, 1) }, 1, "2" },
	{ "bleeding-late", PRO, { RATE(1, U, U, U, 2) }, 1, "" },
	{ "bleeding-late", PRO, { RATE(2, U, U, U, 0) }, 1, "" },
	{ "bleeding-risk", { HG_DEVICE_PROFESSIONAL, 0.0, R(BLOOD_THINNERS), 0 },
	  { RATE(0, U, U, U, 2) }, 1, "0" },
	{ "bleeding-risk", { HG_DEVICE_PROFESSIONAL, 0.0, R(BLEEDING_DISORDER), 0 },
	  { RATE(0, U, U, 2, U) }, 1, "0" },
	{ "bleeding-risk", { HG_DEVICE_PROFESSIONAL, 0.0, R(BLOOD_THINNERS), 0 },
	  { RATE(0, U, U, 1, 1) }, 1, "" },
	{ "bleeding-risk", PRO, { RATE(0, U, U, 3, 3) }, 1, "" },
	{ "bruising-heavy", PRO, { RATE(0, U, U, 3, U) }, 1, "0" },
	{ "bruising-heavy", PRO, { RATE(0, U, U, 2, U) }, 1, "" },
	{ "bruising-lingering", PRO, { RATE(10, U, U, 1, U) }, 1, "10" },
	{ "bruising-lingering", PRO, { RATE(9, U, U, 1, U) }, 1, "" },
	{ "bruising-lingering", PRO, { RATE(10, U, U, 0, U) }, 1, "" },
	/* allergy */
	{ "rash", PRO, { SIGNS(1, S(RASH)) }, 1, "1" },
	{ "rash", PRO, { SIGNS(1, S(BUMPS)) }, 1, "" },
	{ "bumps", PRO, { SIGNS(5, S(BUMPS)) }, 1, "5" },
	{ "bumps", PRO, { SIGNS(5, S(LINES)) }, 1, "" },
	/* pigment */
	{ "dark-patches-early", PRO, { SIGNS(6, S(DARK_PATCHES)) }, 1, "6" },
	{ "dark-patches-early", PRO, { SIGNS(7, S(DARK_PATCHES)) }, 1, "" },
	{ "dark-patches", PRO, { SIGNS(7, S(DARK_PATCHES)) }, 1, "7" },
	{ "dark-patches", PRO, { SIGNS(6, S(DARK_PATCHES)) }, 1, "" },
	{ "light-patches-early", PRO, { SIGNS(6, S(LIGHT_PATCHES)) }, 1, "6" },
	{ "light-patches-early", PRO, { SIGNS(7, S(LIGHT_PATCHES)) }, 1, "" },
	{ "light-patches", PRO, { SIGNS(7, S(LIGHT_PATCHES)) }, 1, "7" },
	{ "light-patches", PRO, { SIGNS(6, S(LIGHT_PATCHES)) }, 1, "" },
	/* care */
	{ "actives-early", PRO, { CARE(6, C(ACTIVES)) }, 1, "6" },
	{ "actives-early", PRO, { CARE(7, C(ACTIVES)) }, 1, "" },
	{ "actives-early", PRO, { CARE(3, C(SUNSCREEN)) }, 1, "" },
	{ "sun-early", PRO, { CARE(13, C(SUN)) }, 1, "13" },
	{ "sun-early", PRO, { CARE(14, C(SUN)) }, 1, "" },
	{ "makeup-early", PRO, { CARE(1, C(MAKEUP)) }, 1, "1" },
	{ "makeup-early", PRO, { CARE(2, C(MAKEUP)) }, 1, "" },
	/* once */
	{ "risk-infection", { HG_DEVICE_PROFESSIONAL, 0.0, R(ACTIVE_INFECTION), 0 }, { { 0 } }, 0, "0" },
	{ "risk-infection", { HG_DEVICE_PROFESSIONAL, 0.0, R(ACTIVE_ACNE), 0 }, { { 0 } }, 0, "" },
	{ "risk-precaution", { HG_DEVICE_PROFESSIONAL, 0.0, R(WEAK_IMMUNITY), 0 }, { { 0 } }, 0, "0" },
	{ "risk-precaution", { HG_DEVICE_PROFESSIONAL, 0.0, R(PREGNANCY), 0 },
	  { SIGNS(3, S(PUS)), SIGNS(20, S(PUS)) }, 2, "0" },
	{ "risk-precaution", { HG_DEVICE_PROFESSIONAL, 0.0, R(COLD_SORES) | R(DARK_SKIN), 0 },
	  { { 0 } }, 0, "" },
	{ "cold-sores-precaution", { HG_DEVICE_PROFESSIONAL, 0.0, R(COLD_SORES), 0 }, { { 0 } }, 0, "0" },
	{ "cold-sores-precaution", { HG_DEVICE_PROFESSIONAL, 0.0, R(KELOIDS), 0 }, { { 0 } }, 0, "" },
	{ "pigment-risk", { HG_DEVICE_PROFESSIONAL, 0.0, R(DARK_SKIN), 0 }, { { 0 } }, 0, "0" },
	{ "pigment-risk", { HG_DEVICE_PROFESSIONAL, 0.0, 0, 4 }, { { 0 } }, 0, "0" },
	{ "pigment-risk", { HG_DEVICE_PROFESSIONAL, 0.0, 0, 3 }, { { 0 } }, 0, "" },
	{ "home-deep", { HG_DEVICE_HOME, 0.75, 0, 0 }, { { 0 } }, 0, "0" },
	{ "home-deep", { HG_DEVICE_HOME, 0.5, 0, 0 }, { { 0 } }, 0, "" },
	{ "home-deep", { HG_DEVICE_PROFESSIONAL, 1.5, 0, 0 }, { { 0 } }, 0, "" },
};

static void build(struct hg_recovery *r, const struct setup *t, const struct day *days, size_t n)
{
	rec_init(r, t->dev, t->depth, t->risks);
	r->t.skin_type = t->skin;
	for (size_t i = 0; i < n; i++)
		rec_add(r, days[i]);
}

static void test_every_rule_case(void **state)
{
	int raised[64] = { 0 }, silent[64] = { 0 };

	(void)state;
	assert_true(rules_count() <= 64);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hg_recovery r;
		size_t k;

		build(&r, &cases[i].t, cases[i].days, cases[i].ndays);
		print_message("# case %zu: %s\n", i, cases[i].rule);
		expect_days(&r, cases[i].rule, cases[i].want);
		rec_free(&r);
		for (k = 0; k < rules_count(); k++)
			if (strcmp(rules_info(k)->id, cases[i].rule) == 0)
				break;
		if (k == rules_count())
			fail_msg("case %zu names unknown rule %s", i, cases[i].rule);
		(cases[i].want[0] ? raised : silent)[k]++;
	}
	/* every rule has a case that raises it and one that does not */
	for (size_t k = 0; k < rules_count(); k++)
		if (!raised[k] || !silent[k])
			fail_msg("rule %s lacks a %s case", rules_info(k)->id,
			         raised[k] ? "silent" : "raising");
}

/* ---- the table -------------------------------------------------------- */

static const struct {
	const char *id, *category, *level;
} spec_rules[] = {
	{ "breathing", "allergy", "emergency" },
	{ "eye", "general", "emergency" },
	{ "unwell", "general", "emergency" },
	{ "bleeding-nonstop", "bleeding", "emergency" },
	{ "pus", "infection", "urgent" },
	{ "spreading", "infection", "urgent" },
	{ "spreading-early", "allergy", "doctor" },
	{ "fever", "infection", "urgent" },
	{ "fever-alone", "general", "doctor" },
	{ "blisters", "infection", "urgent" },
	{ "infection-signs", "infection", "urgent" },
	{ "crusting", "infection", "doctor" },
	{ "warmth-pain", "infection", "doctor" },
	{ "redness-rising", "infection", "doctor" },
	{ "swelling-rising", "infection", "doctor" },
	{ "redness-late", "healing", "doctor" },
	{ "swelling-late", "healing", "doctor" },
	{ "redness-lingering", "healing", "watch" },
	{ "lines", "healing", "doctor" },
	{ "bleeding-heavy", "bleeding", "urgent" },
	{ "bleeding-late", "bleeding", "doctor" },
	{ "bleeding-risk", "bleeding", "doctor" },
	{ "bruising-heavy", "bleeding", "doctor" },
	{ "bruising-lingering", "bleeding", "watch" },
	{ "rash", "allergy", "doctor" },
	{ "bumps", "allergy", "doctor" },
	{ "dark-patches-early", "pigment", "watch" },
	{ "dark-patches", "pigment", "doctor" },
	{ "light-patches-early", "pigment", "watch" },
	{ "light-patches", "pigment", "doctor" },
	{ "actives-early", "precaution", "watch" },
	{ "sun-early", "pigment", "watch" },
	{ "makeup-early", "infection", "watch" },
	{ "risk-infection", "precaution", "doctor" },
	{ "risk-precaution", "precaution", "watch" },
	{ "cold-sores-precaution", "precaution", "watch" },
	{ "pigment-risk", "precaution", "watch" },
	{ "home-deep", "precaution", "watch" },
};

static void test_table_matches_spec(void **state)
{
	size_t nspec = sizeof spec_rules / sizeof spec_rules[0];

	(void)state;
	assert_int_equal(rules_count(), nspec);
	assert_null(rules_info(nspec));
	for (size_t i = 0; i < nspec; i++) {
		const struct hg_rule_info *info = rules_info(i);

		/* in the table's order, ids unique */
		assert_string_equal(info->id, spec_rules[i].id);
		assert_string_equal(rules_category_name(info->category), spec_rules[i].category);
		assert_string_equal(rules_level_name(info->level), spec_rules[i].level);
		assert_true(strlen(info->trigger) > 0);
		assert_true(strlen(info->source) > 0);
	}
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(rules_level_name(HG_LEVEL_EMERGENCY), "emergency");
	assert_string_equal(rules_level_name(HG_LEVEL_WATCH), "watch");
	assert_string_equal(rules_level_action(HG_LEVEL_EMERGENCY),
	                    "call emergency services now (112, 911 or 999)");
	assert_string_equal(rules_level_action(HG_LEVEL_URGENT),
	                    "get medical care today (your GP, an urgent care centre, or the"
	                    " clinic that treated you)");
	assert_string_equal(rules_level_action(HG_LEVEL_DOCTOR),
	                    "see a doctor within a few days (your dermatologist, the clinic"
	                    " that treated you, or your GP)");
	assert_string_equal(rules_level_action(HG_LEVEL_WATCH),
	                    "note it and mention it at your next visit");
	assert_string_equal(rules_level_symbol_ascii(HG_LEVEL_EMERGENCY), "!!!");
	assert_string_equal(rules_level_symbol_ascii(HG_LEVEL_URGENT), "!!");
	assert_string_equal(rules_category_name(HG_CAT_GENERAL), "general");
}

static void test_flag_ids(void **state)
{
	const char *rule;
	int day;
	char buf[HG_FLAG_ID_MAX];

	(void)state;
	rules_flag_id("pus", 5, buf, sizeof buf);
	assert_string_equal(buf, "pus@5");
	assert_int_equal(rules_parse_flag_id("pus@5", &rule, &day), 0);
	assert_string_equal(rule, "pus");
	assert_int_equal(day, 5);
	assert_int_equal(rules_parse_flag_id("light-patches-early@179", &rule, &day), 0);
	assert_int_equal(day, 179);
	assert_int_equal(rules_parse_flag_id("pus@180", &rule, &day), -1);
	assert_int_equal(rules_parse_flag_id("pus@05", &rule, &day), -1);
	assert_int_equal(rules_parse_flag_id("pus@", &rule, &day), -1);
	assert_int_equal(rules_parse_flag_id("pus", &rule, &day), -1);
	assert_int_equal(rules_parse_flag_id("pu@5", &rule, &day), -1);
	assert_int_equal(rules_parse_flag_id("pus@5x", &rule, &day), -1);
}

/* ---- expected downtime D ---------------------------------------------- */

static int downtime(enum hg_device dev, double depth)
{
	struct hg_recovery r;

	rec_init(&r, dev, depth, 0);
	return rules_downtime(&r.t);
}

static void test_downtime(void **state)
{
	(void)state;
	/* by depth first, whatever the device */
	assert_int_equal(downtime(HG_DEVICE_HOME, 0.25), 3);
	assert_int_equal(downtime(HG_DEVICE_HOME, 1.0), 5);
	assert_int_equal(downtime(HG_DEVICE_HOME, 2.0), 7);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.5), 3);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.6), 5);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 1.5), 5);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 1.6), 7);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 3.0), 7);
	/* then by device */
	assert_int_equal(downtime(HG_DEVICE_HOME, 0.0), 3);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.0), 5);
	/* 0.1 + 0.4 is not exactly 0.5 in binary: still the <= 0.5 mm row */
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.1 + 0.4), 3);
}

/* ---- episodes --------------------------------------------------------- */

static void test_recurrence_after_a_day_without(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 3, U, U, U, U, S(PUS));
	rec_day(&r, 4, U, U, U, U, S(PUS));
	rec_day(&r, 5, U, U, U, U, 0);          /* no pus: the episode ends */
	rec_day(&r, 15, U, U, U, U, S(PUS));
	expect_days(&r, "pus", "3,15");
	rec_free(&r);
}

static void test_gap_of_a_week_is_the_same_flag(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 3, U, U, U, U, S(PUS));
	rec_day(&r, 10, U, U, U, U, S(PUS));    /* 7 days later, nothing between */
	expect_days(&r, "pus", "3");
	rec_day(&r, 18, U, U, U, U, S(PUS));    /* 8 days later: a new episode */
	expect_days(&r, "pus", "3,18");
	rec_free(&r);
}

static void test_unrated_days_are_skipped(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 6, 2, U, U, U, 0);
	rec_day(&r, 7, U, 1, U, U, S(PAIN));    /* redness unrated: unknown */
	rec_day(&r, 8, 3, U, U, U, 0);
	expect_days(&r, "redness-late", "6");
	rec_day(&r, 9, 1, U, U, U, 0);          /* rated below: the episode ends */
	rec_day(&r, 10, 2, U, U, U, 0);
	expect_days(&r, "redness-late", "6,10");
	/* a sign rule knows every day: day 8 without pain ends warmth-pain */
	expect_days(&r, "warmth-pain", "7");
	rec_free(&r);
}

static void test_rising_skips_unrated_days(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 2, 1, U, U, U, 0);
	rec_day(&r, 3, U, U, U, U, S(RASH));
	rec_day(&r, 4, 2, U, U, U, 0);          /* rises from day 2's 1 */
	expect_days(&r, "redness-rising", "4");
	rec_free(&r);
	/* no earlier rating: nothing to rise from */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 4, 3, U, U, U, 0);
	expect_days(&r, "redness-rising", "");
	rec_free(&r);
}

static void test_once_rules_without_checkins(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_init(&r, HG_DEVICE_HOME, 1.0, R(ACTIVE_INFECTION) | R(COLD_SORES) | R(KELOIDS));
	expect_days(&r, "risk-infection", "0");
	expect_days(&r, "risk-precaution", "0");
	expect_days(&r, "cold-sores-precaution", "0");
	expect_days(&r, "home-deep", "0");
	expect_days(&r, "pigment-risk", "");
	rec_free(&r);
}


/* ---- every day rule: recurrence and gaps ------------------------------- */

/* M matches the rule on days d1, d3 (and d1 + 7, d1 + 8 when gaps is set);
 * N does not match it on day d2.  (The day field of M and N is ignored.) */
struct episode_case {
	const char *rule;
	struct setup t;
	struct day m, n;
	int d1, d2, d3;
	int gaps;
};

#define SG(s) { 0, U, U, U, U, s, 0, 0 }
#define RT(r, s, b, l) { 0, r, s, b, l, 0, 0, 0 }
#define TP(t) { 0, U, U, U, U, 0, t, 0 }
#define CR(c) { 0, U, U, U, U, 0, 0, c }
#define NONE { 0, 0, 0, 0, 0, 0, 0, 0 }

static const struct episode_case episodes[] = {
	{ "breathing", PRO, SG(S(LIPS)), NONE, 3, 4, 6, 1 },
	{ "eye", PRO, SG(S(EYE)), NONE, 3, 4, 6, 1 },
	{ "unwell", PRO, SG(S(UNWELL)), NONE, 3, 4, 6, 1 },
	{ "bleeding-nonstop", PRO, SG(S(NONSTOP_BLEEDING)), NONE, 3, 4, 6, 1 },
	{ "pus", PRO, SG(S(PUS)), NONE, 3, 4, 6, 1 },
	{ "spreading", PRO, SG(S(SPREADING)), NONE, 3, 4, 6, 1 },
	{ "fever", PRO, { 0, U, U, U, U, S(BLISTERS), 385, 0 }, TP(372), 2, 3, 4, 1 },
	{ "fever-alone", PRO, TP(385), TP(372), 10, 11, 12, 1 },
	{ "blisters", PRO, SG(S(BLISTERS)), NONE, 3, 4, 6, 1 },
	{ "infection-signs", PRO, SG(S(CRUSTING) | S(PAIN)), SG(S(CRUSTING)), 4, 5, 6, 1 },
	{ "crusting", PRO, SG(S(CRUSTING)), NONE, 3, 4, 6, 1 },
	{ "warmth-pain", PRO, SG(S(WARMTH)), NONE, 3, 4, 6, 1 },
	{ "redness-late", PRO, RT(2, U, U, U), RT(1, U, U, U), 6, 7, 8, 1 },
	{ "swelling-late", PRO, RT(U, 3, U, U), RT(U, 1, U, U), 6, 7, 8, 1 },
	{ "redness-lingering", PRO, RT(1, U, U, U), RT(0, U, U, U), 10, 11, 12, 1 },
	{ "lines", PRO, SG(S(LINES)), NONE, 7, 8, 9, 1 },
	{ "bleeding-heavy", PRO, RT(U, U, U, 3), RT(U, U, U, 1), 1, 2, 3, 1 },
	{ "bleeding-late", PRO, RT(U, U, U, 1), RT(U, U, U, 0), 2, 3, 4, 1 },
	{ "bleeding-risk", { HG_DEVICE_PROFESSIONAL, 0.0, R(BLOOD_THINNERS), 0 },
	  RT(U, U, 2, U), RT(U, U, 1, U), 0, 1, 2, 1 },
	{ "bruising-heavy", PRO, RT(U, U, 3, U), RT(U, U, 2, U), 0, 1, 2, 1 },
	{ "bruising-lingering", PRO, RT(U, U, 1, U), RT(U, U, 0, U), 10, 11, 12, 1 },
	{ "rash", PRO, SG(S(RASH)), NONE, 3, 4, 6, 1 },
	{ "bumps", PRO, SG(S(BUMPS)), NONE, 3, 4, 6, 1 },
	{ "dark-patches-early", PRO, SG(S(DARK_PATCHES)), NONE, 0, 1, 2, 0 },
	{ "dark-patches", PRO, SG(S(DARK_PATCHES)), NONE, 7, 8, 9, 1 },
	{ "light-patches-early", PRO, SG(S(LIGHT_PATCHES)), NONE, 0, 1, 2, 0 },
	{ "light-patches", PRO, SG(S(LIGHT_PATCHES)), NONE, 7, 8, 9, 1 },
	{ "actives-early", PRO, CR(C(ACTIVES)), CR(C(SUNSCREEN)), 0, 1, 2, 0 },
	{ "sun-early", PRO, CR(C(SUN)), CR(C(SUNSCREEN)), 0, 1, 2, 1 },
};

static void check_days(const char *rule, const struct setup *t, const struct day *d,
                       size_t n, const char *want)
{
	struct hg_recovery r;

	build(&r, t, d, n);
	expect_days(&r, rule, want);
	rec_free(&r);
}

static struct day at(struct day d, int day)
{
	d.day = day;
	return d;
}

static void test_every_rule_recurs_and_bridges_gaps(void **state)
{
	int covered[64] = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof episodes / sizeof episodes[0]; i++) {
		const struct episode_case *e = &episodes[i];
		char want[64];

		print_message("# episode case %s\n", e->rule);
		/* a check-in that does not match ends the episode: a new flag */
		{
			struct day d[3] = { at(e->m, e->d1), at(e->n, e->d2), at(e->m, e->d3) };
			snprintf(want, sizeof want, "%d,%d", e->d1, e->d3);
			check_days(e->rule, &e->t, d, 3, want);
		}
		/* two matching check-ins in a row: one flag */
		{
			struct day d[2] = { at(e->m, e->d1), at(e->m, e->d2) };
			snprintf(want, sizeof want, "%d", e->d1);
			check_days(e->rule, &e->t, d, 2, want);
		}
		if (e->gaps) {
			/* up to 7 days without a check-in: the same flag; 8: a new one */
			struct day same[2] = { at(e->m, e->d1), at(e->m, e->d1 + 7) };
			struct day apart[2] = { at(e->m, e->d1), at(e->m, e->d1 + 8) };

			snprintf(want, sizeof want, "%d", e->d1);
			check_days(e->rule, &e->t, same, 2, want);
			snprintf(want, sizeof want, "%d,%d", e->d1, e->d1 + 8);
			check_days(e->rule, &e->t, apart, 2, want);
		}
		for (size_t k = 0; k < rules_count(); k++)
			if (strcmp(rules_info(k)->id, e->rule) == 0)
				covered[k] = 1;
	}
	/* every day rule that can span three days is covered; the rest live on
	 * too few days to recur (spreading-early: day 0; makeup-early: days 0-1)
	 * or read a rise (test_rising_episodes) */
	for (size_t k = 0; k < rules_count(); k++) {
		const char *id = rules_info(k)->id;

		if (!covered[k] && !rules_info(k)->once && strcmp(id, "spreading-early") != 0 &&
		    strcmp(id, "makeup-early") != 0 && strcmp(id, "redness-rising") != 0 &&
		    strcmp(id, "swelling-rising") != 0)
			fail_msg("rule %s has no episode case", id);
	}
}

static void test_rising_episodes(void **state)
{
	static const enum hg_symptom which[2] = { HG_REDNESS, HG_SWELLING };
	static const char *const rules[2] = { "redness-rising", "swelling-rising" };

	(void)state;
	for (int w = 0; w < 2; w++) {
		struct hg_recovery r;
		/* 1, 2 (rises), 1 (ends), 2 (rises again): two flags */
		static const int days[4] = { 2, 3, 4, 5 }, vals[4] = { 1, 2, 1, 2 };
		/* 1, 2 (rises), then 3 a week later: the same flag; 8 days: new */
		static const int gdays[3] = { 2, 3, 10 }, gvals[3] = { 1, 2, 3 };

		rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
		for (int i = 0; i < 4; i++) {
			struct day d = RATE(days[i], U, U, U, U);
			*(which[w] == HG_REDNESS ? &d.red : &d.swe) = vals[i];
			rec_add(&r, d);
		}
		expect_days(&r, rules[w], "3,5");
		rec_free(&r);

		rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
		for (int i = 0; i < 3; i++) {
			struct day d = RATE(gdays[i], U, U, U, U);
			*(which[w] == HG_REDNESS ? &d.red : &d.swe) = gvals[i];
			rec_add(&r, d);
		}
		expect_days(&r, rules[w], "3");
		r.days[2].day = 11;
		expect_days(&r, rules[w], "3,11");
		rec_free(&r);
	}
}

/* ---- escalation ------------------------------------------------------- */

static void test_escalation(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	/* weak immunity: crusting, warmth-pain, redness-rising, swelling-rising */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 2, 1, 1, U, U, 0);
	rec_day(&r, 3, 2, 2, U, U, S(CRUSTING) | S(WARMTH));
	expect_level(&r, "crusting", HG_LEVEL_DOCTOR);
	expect_level(&r, "warmth-pain", HG_LEVEL_DOCTOR);
	expect_level(&r, "redness-rising", HG_LEVEL_DOCTOR);
	expect_level(&r, "swelling-rising", HG_LEVEL_DOCTOR);
	r.t.risks = R(WEAK_IMMUNITY);
	expect_level(&r, "crusting", HG_LEVEL_URGENT);
	expect_level(&r, "warmth-pain", HG_LEVEL_URGENT);
	expect_level(&r, "redness-rising", HG_LEVEL_URGENT);
	expect_level(&r, "swelling-rising", HG_LEVEL_URGENT);
	expect_message_has(&r, "crusting", rules_level_action(HG_LEVEL_URGENT));
	/* no other rule escalates with it */
	expect_level(&r, "infection-signs", HG_LEVEL_URGENT);
	rec_free(&r);

	/* cold sores: crusting is urgent and names antivirals */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, R(COLD_SORES) | R(KELOIDS));
	rec_day(&r, 2, U, U, U, U, S(CRUSTING));
	expect_level(&r, "crusting", HG_LEVEL_URGENT);
	m = flag_of(&r, "crusting", NULL);
	assert_non_null(strstr(m, "cold sore"));
	assert_non_null(strstr(m, "antivirals today"));
	free(m);
	r.t.risks = 0;
	m = flag_of(&r, "crusting", NULL);
	assert_null(strstr(m, "cold sore"));
	free(m);
	rec_free(&r);

	/* darker skin: dark-patches-early is doctor */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 3, U, U, U, U, S(DARK_PATCHES));
	expect_level(&r, "dark-patches-early", HG_LEVEL_WATCH);
	r.t.skin_type = 3;
	expect_level(&r, "dark-patches-early", HG_LEVEL_WATCH);
	r.t.skin_type = 4;
	expect_level(&r, "dark-patches-early", HG_LEVEL_DOCTOR);
	r.t.skin_type = 0;
	r.t.risks = R(DARK_SKIN);
	expect_level(&r, "dark-patches-early", HG_LEVEL_DOCTOR);
	expect_message_has(&r, "dark-patches-early", rules_level_action(HG_LEVEL_DOCTOR));
	/* weak immunity does not escalate pigment */
	r.t.risks = R(WEAK_IMMUNITY);
	expect_level(&r, "dark-patches-early", HG_LEVEL_WATCH);
	rec_free(&r);
}

/* ---- messages --------------------------------------------------------- */

static void test_messages(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	/* every flag of each raising case says "can mean", its day and its
	 * level's action in the same words */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct result res;

		if (!cases[i].want[0])
			continue;
		build(&r, &cases[i].t, cases[i].days, cases[i].ndays);
		res = eval(&r);
		for (size_t k = 0; k < res.n; k++) {
			const struct hg_flag *f = &res.f[k];
			char day[32];

			snprintf(day, sizeof day, "day %d", f->day);
			if (!strstr(f->message, "can mean"))
				fail_msg("%s: no \"can mean\": %s", f->rule, f->message);
			if (!strstr(f->message, rules_level_action(f->level)))
				fail_msg("%s: no action of its level: %s", f->rule, f->message);
			if (!rules_info(0) || (strstr(f->message, "{")))
				fail_msg("%s: placeholder left: %s", f->rule, f->message);
			for (size_t j = 0; j < rules_count(); j++)
				if (strcmp(rules_info(j)->id, f->rule) == 0 && !rules_info(j)->once &&
				    !strstr(f->message, day))
					fail_msg("%s: does not name %s: %s", f->rule, day, f->message);
		}
		rules_flags_free(res.f, res.n);
		rec_free(&r);
	}

	/* risk-precaution names every risk it has, never "and N others" */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, (1u << HG_RISK_COUNT) - 1);
	m = flag_of(&r, "risk-precaution", NULL);
	for (const char *const *w = (const char *const[]){ "active acne", "a bleeding disorder",
	     "blood thinners", "recent isotretinoin", "keloids", "pregnancy",
	     "weak immunity", NULL }; *w; w++)
		if (!strstr(m, *w))
			fail_msg("risk-precaution does not name %s: %s", *w, m);
	assert_null(strstr(m, "other"));
	assert_null(strstr(m, "active infection"));     /* that is risk-infection's */
	free(m);
	rec_free(&r);

	/* fever: a GP; the measured temperature is named */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_add(&r, (struct day){ 2, U, U, U, U, 0, 384, 0 });
	expect_message_has(&r, "fever", "38.4");
	expect_message_has(&r, "fever", "GP");
	rec_free(&r);
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 12, U, U, U, U, S(FEVER));
	expect_message_has(&r, "fever-alone", "GP");
	rec_free(&r);

	/* blisters: cold sores and antivirals; bumps from day 14: granulomas */
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 1, U, U, U, U, S(BLISTERS) | S(BUMPS));
	expect_message_has(&r, "blisters", "cold sore");
	expect_message_has(&r, "blisters", "antivirals");
	m = flag_of(&r, "bumps", NULL);
	assert_null(strstr(m, "granuloma"));
	free(m);
	rec_free(&r);
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	rec_day(&r, 14, U, U, U, U, S(BUMPS));
	expect_message_has(&r, "bumps", "granulomas");
	expect_message_has(&r, "bumps", "late infection");
	rec_free(&r);
}

/* ---- the matches of one day ------------------------------------------- */

static void test_day_matches(void **state)
{
	struct hg_recovery r;
	struct hg_match *m;
	size_t n;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, R(KELOIDS));
	rec_day(&r, 3, U, U, U, U, S(PUS));
	rec_day(&r, 5, U, U, U, U, S(PUS) | S(LIPS));
	rec_day(&r, 6, 0, 0, 0, 0, 0);

	assert_int_equal(rules_day_matches(&r, 5, &m, &n), HG_OK);
	assert_int_equal(n, 2);
	assert_string_equal(m[0].rule, "breathing");    /* level first */
	assert_int_equal(m[0].level, HG_LEVEL_EMERGENCY);
	assert_int_equal(m[0].flag_day, 5);
	assert_true(m[0].is_new);
	assert_string_equal(m[1].rule, "pus");
	assert_int_equal(m[1].flag_day, 3);             /* the episode of day 3 */
	assert_false(m[1].is_new);
	assert_non_null(strstr(m[1].message, "day 5"));
	rules_matches_free(m, n);

	assert_int_equal(rules_day_matches(&r, 6, &m, &n), HG_OK);
	assert_int_equal(n, 0);                         /* once rules are not a day's */
	rules_matches_free(m, n);
	assert_int_equal(rules_day_matches(&r, 4, &m, &n), HG_OK);
	assert_int_equal(n, 0);                         /* no check-in */
	rules_matches_free(m, n);
	rec_free(&r);
}

/* ---- ordering, actions, size ------------------------------------------ */

static void test_order_and_actions(void **state)
{
	struct hg_recovery r;
	struct result res;
	struct hg_flag_ref ref = { (char *)"pus", T_DATE + 3 };
	struct hg_flag_ref gone = { (char *)"pus", T_DATE + 4 };
	struct hg_flag_ref refs[2] = { ref, gone };
	struct hg_action a = { 7, 1, T_DATE + 4, (char *)"saw GP", refs, 2 };

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, R(KELOIDS));
	rec_day(&r, 3, U, U, U, U, S(PUS) | S(RASH) | S(CRUSTING));
	rec_day(&r, 4, U, U, U, U, S(EYE));
	res = eval(&r);
	/* level, then day, then rule id */
	assert_int_equal(res.n, 5);
	assert_string_equal(res.f[0].rule, "eye");
	assert_string_equal(res.f[1].rule, "pus");
	assert_string_equal(res.f[2].rule, "crusting");
	assert_string_equal(res.f[3].rule, "rash");
	assert_string_equal(res.f[4].rule, "risk-precaution");
	rules_attach_actions(res.f, res.n, &a, 1);
	assert_ptr_equal(res.f[1].action, &a);
	assert_null(res.f[0].action);
	assert_null(rules_find_flag(res.f, res.n, 1, "pus", T_DATE + 4));
	assert_non_null(rules_find_flag(res.f, res.n, 1, "pus", T_DATE + 3));
	assert_null(rules_find_flag(res.f, res.n, 2, "pus", T_DATE + 3));
	/* a treatment-level flag is found whatever date was remembered (the
	 * treatment's date may have moved since) */
	assert_non_null(rules_find_flag(res.f, res.n, 1, "risk-precaution", T_DATE - 5));
	rules_flags_free(res.f, res.n);
	rec_free(&r);
}

/* 100,000 check-ins alternating pus and none: one flag per pus day, in one
 * linear walk (a quadratic search would not finish in the test's time). */
static void test_many_checkins(void **state)
{
	struct hg_recovery r;
	struct result res;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
	r.days = xcalloc(100000, sizeof *r.days);
	for (int d = 0; d < 100000; d++) {
		struct hg_checkin *c = &r.days[r.ndays++];

		c->treatment_id = 1;
		c->day = d;
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			c->rating[s] = d % 4;
		c->signs = d % 2 ? 0 : S(PUS);
	}
	res = eval(&r);
	{
		size_t pus = 0;
		for (size_t i = 0; i < res.n; i++)
			pus += strcmp(res.f[i].rule, "pus") == 0;
		assert_int_equal(pus, 50000);
	}
	rules_flags_free(res.f, res.n);
	rec_free(&r);
}

/* ---- the manual mirrors the table ------------------------------------- */

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!f)
		fail_msg("cannot open %s (run from the source tree or set top_srcdir)", path);
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* Every rule of the table has an entry in man/healgrid.1's WARNING RULES:
 * ".TP", ".B id" (hyphens written \-), then "category, level:" (with
 * "(escalates)" after the level when it may escalate), and a "Source:"
 * line; the manual lists no rule the table does not have.  LEVELS names
 * every level's action in the table's words. */
static void test_manual_lists_every_rule(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096], *man, *sec, *end, *p, *levels;
	size_t entries = 0;
	int seen[64] = { 0 };

	(void)state;
	assert_true(rules_count() <= 64);
	snprintf(path, sizeof path, "%s/man/healgrid.1", top && *top ? top : ".");
	man = read_file(path);
	levels = strstr(man, "\n.SH LEVELS\n");
	if (!levels)
		fail_msg("%s has no LEVELS section", path);
	for (int l = 0; l < HG_LEVEL_COUNT; l++) {
		char want[256];
		const char *a = rules_level_action((enum hg_level)l);
		size_t k = 0;

		/* the manual writes "-" as "\-"; compare without those */
		for (; *a && k < sizeof want - 1; a++)
			want[k++] = *a;
		want[k] = '\0';
		if (!strstr(levels, want))
			fail_msg("LEVELS lacks \"%s\"", want);
	}
	sec = strstr(man, "\n.SH WARNING RULES\n");
	if (!sec)
		fail_msg("%s has no WARNING RULES section", path);
	sec = strstr(sec, "\n.SS Rules\n");
	if (!sec)
		fail_msg("WARNING RULES has no Rules subsection");
	sec += strlen("\n.SS Rules\n");
	end = strstr(sec, "\n.S");
	if (end)
		*end = '\0';

	for (p = strstr(sec, ".TP\n.B "); p; p = strstr(p, ".TP\n.B ")) {
		char id[64], want[128];
		size_t k = 0, r;
		const char *line, *next;

		p += strlen(".TP\n.B ");
		while (*p && *p != '\n' && k < sizeof id - 1) {
			if (p[0] == '\\' && p[1] == '-')
				p++;
			id[k++] = *p++;
		}
		id[k] = '\0';
		line = *p ? p + 1 : p;
		for (r = 0; r < rules_count(); r++)
			if (strcmp(rules_info(r)->id, id) == 0)
				break;
		if (r == rules_count())
			fail_msg("the manual lists rule \"%s\", which the table does not have", id);
		if (seen[r]++)
			fail_msg("the manual lists rule %s twice", id);
		snprintf(want, sizeof want, "%s, %s%s:",
		         rules_category_name(rules_info(r)->category),
		         rules_level_name(rules_info(r)->level),
		         rules_info(r)->escalation ? " (escalates)" : "");
		if (strncmp(line, want, strlen(want)) != 0)
			fail_msg("manual entry of %s should start \"%s\"", id, want);
		next = strstr(line, ".TP\n");
		{
			const char *src = strstr(line, "Source:");
			if (!src || (next && src > next))
				fail_msg("manual entry of %s has no Source:", id);
		}
		entries++;
	}
	for (size_t r = 0; r < rules_count(); r++)
		if (!seen[r])
			fail_msg("rule %s is missing from the manual's WARNING RULES", rules_info(r)->id);
	assert_int_equal(entries, rules_count());
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_matches_spec),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_flag_ids),
		cmocka_unit_test(test_downtime),
		cmocka_unit_test(test_every_rule_case),
		cmocka_unit_test(test_recurrence_after_a_day_without),
		cmocka_unit_test(test_gap_of_a_week_is_the_same_flag),
		cmocka_unit_test(test_unrated_days_are_skipped),
		cmocka_unit_test(test_rising_skips_unrated_days),
		cmocka_unit_test(test_once_rules_without_checkins),
		cmocka_unit_test(test_every_rule_recurs_and_bridges_gaps),
		cmocka_unit_test(test_rising_episodes),
		cmocka_unit_test(test_escalation),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_day_matches),
		cmocka_unit_test(test_order_and_actions),
		cmocka_unit_test(test_many_checkins),
		cmocka_unit_test(test_manual_lists_every_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
