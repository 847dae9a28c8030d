/* test_rules.c — cmocka tests of the warning engine (src/rules.c).
 *
 * Recoveries are built as plain structs, no database.  For every rule of
 * the rule table (man page, WARNING RULES) there is a case that fires it on exactly the right first day and
 * a case one step below each threshold that must stay silent; then the
 * expected downtime D, whole recoveries, ordering and message wording,
 * and a check that man/healgrid.1 lists every rule of the table.
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

/* A professional treatment of unknown depth: D = 5. */
static void rec_plain(struct hg_recovery *r)
{
	rec_init(r, HG_DEVICE_PROFESSIONAL, 0.0, 0);
}

/* Append a check-in; days must be added in increasing order. */
static void rec_day(struct hg_recovery *r, int day, int red, int swe, int bru, int ble,
                    unsigned signs)
{
	struct hg_checkin *c;

	r->days = xrealloc(r->days, (r->ndays + 1) * sizeof *r->days);
	c = &r->days[r->ndays++];
	memset(c, 0, sizeof *c);
	c->treatment_id = r->t.id;
	c->day = day;
	c->rating[HG_REDNESS] = red;
	c->rating[HG_SWELLING] = swe;
	c->rating[HG_BRUISING] = bru;
	c->rating[HG_BLEEDING] = ble;
	c->signs = signs;
}

/* Days first..last with all four ratings 0 and no sign. */
static void rec_calm(struct hg_recovery *r, int first, int last)
{
	for (int d = first; d <= last; d++)
		rec_day(r, d, 0, 0, 0, 0, 0);
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

static const struct hg_flag *find(const struct result *res, const char *rule)
{
	const struct hg_flag *hit = NULL;

	for (size_t i = 0; i < res->n; i++) {
		if (strcmp(res->f[i].rule, rule) == 0) {
			if (hit)
				fail_msg("rule %s flagged twice (days %d and %d)", rule,
				         hit->day, res->f[i].day);
			hit = &res->f[i];
		}
	}
	return hit;
}

static void print_flags(const struct result *res)
{
	for (size_t i = 0; i < res->n; i++)
		print_message("  flag %s day %d: %s\n", res->f[i].rule, res->f[i].day,
		              res->f[i].message);
}

/* `rule` fires exactly once, first on `day`, with a date and a message
 * naming the day. */
static void expect_flag(const struct hg_recovery *r, const char *rule, int day)
{
	struct result res = eval(r);
	const struct hg_flag *f = find(&res, rule);
	char needle[32];

	if (!f) {
		print_flags(&res);
		fail_msg("rule %s did not fire (expected day %d)", rule, day);
	}
	if (f->day != day) {
		print_flags(&res);
		fail_msg("rule %s fired on day %d, expected day %d", rule, f->day, day);
	}
	assert_int_equal(f->date, T_DATE + day);
	assert_int_equal(f->treatment_id, r->t.id);
	assert_non_null(f->message);
	if (strcmp(rule, "risk-precaution") != 0) {
		const char *at;

		snprintf(needle, sizeof needle, "day %d", day);
		at = strstr(f->message, needle);
		if (!at || isdigit((unsigned char)at[strlen(needle)]))
			fail_msg("%s message does not name day %d: %s", rule, day, f->message);
	}
	rules_flags_free(res.f, res.n);
}

/* `rule` fires, first on `day`, and no other rule fires at all. */
static void expect_only(const struct hg_recovery *r, const char *rule, int day)
{
	struct result res = eval(r);

	if (res.n != 1) {
		print_flags(&res);
		fail_msg("expected only %s, got %zu flags", rule, res.n);
	}
	rules_flags_free(res.f, res.n);
	expect_flag(r, rule, day);
}

static void expect_no_flag(const struct hg_recovery *r, const char *rule)
{
	struct result res = eval(r);
	const struct hg_flag *f = find(&res, rule);

	if (f)
		fail_msg("rule %s fired on day %d: %s", rule, f->day, f->message);
	rules_flags_free(res.f, res.n);
}

static void expect_nothing(const struct hg_recovery *r)
{
	struct result res = eval(r);

	if (res.n != 0) {
		print_flags(&res);
		fail_msg("expected no flag, got %zu", res.n);
	}
	rules_flags_free(res.f, res.n);
}

/* The message of `rule` (fired once), copied. */
static char *message_of(const struct hg_recovery *r, const char *rule)
{
	struct result res = eval(r);
	const struct hg_flag *f = find(&res, rule);
	char *m;

	if (!f)
		fail_msg("rule %s did not fire", rule);
	m = xstrdup(f->message);
	rules_flags_free(res.f, res.n);
	return m;
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- the table matches the man page ----------------------------------------- */

static const struct {
	const char *id, *category, *level;
} spec_rules[] = {
	{ "pus", "infection", "urgent" },
	{ "spreading", "infection", "urgent" },
	{ "fever", "infection", "urgent" },
	{ "fever-alone", "infection", "doctor" },
	{ "blisters", "infection", "urgent" },
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
	{ "light-patches", "pigment", "doctor" },
	{ "risk-precaution", "precaution", "doctor" },
	{ "pigment-risk", "precaution", "watch" },
};

static void test_table_matches_spec(void **state)
{
	size_t nspec = sizeof spec_rules / sizeof spec_rules[0];

	(void)state;
	assert_int_equal(rules_count(), nspec);
	assert_null(rules_info(nspec));
	for (size_t i = 0; i < nspec; i++) {
		const struct hg_rule_info *info = NULL;

		for (size_t k = 0; k < rules_count(); k++)
			if (strcmp(rules_info(k)->id, spec_rules[i].id) == 0) {
				assert_null(info);      /* ids are unique */
				info = rules_info(k);
			}
		if (!info)
			fail_msg("rule %s missing from the table", spec_rules[i].id);
		assert_string_equal(rules_category_name(info->category), spec_rules[i].category);
		assert_string_equal(rules_level_name(info->level), spec_rules[i].level);
		assert_true(strlen(info->trigger) > 0);
		assert_true(strlen(info->source) > 0);
	}
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(rules_level_name(HG_LEVEL_URGENT), "urgent");
	assert_string_equal(rules_level_name(HG_LEVEL_DOCTOR), "doctor");
	assert_string_equal(rules_level_name(HG_LEVEL_WATCH), "watch");
	assert_string_equal(rules_level_symbol_ascii(HG_LEVEL_URGENT), "!!");
	assert_string_equal(rules_level_symbol_ascii(HG_LEVEL_DOCTOR), "!");
	assert_string_equal(rules_level_symbol_ascii(HG_LEVEL_WATCH), ".");
	assert_string_equal(rules_level_symbol(HG_LEVEL_URGENT), "\u203c");
	assert_string_equal(rules_category_name(HG_CAT_PRECAUTION), "precaution");
	assert_string_equal(rules_category_name(HG_CAT_PIGMENT), "pigment");
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
	assert_int_equal(downtime(HG_DEVICE_HOME, 0.25), 3);
	assert_int_equal(downtime(HG_DEVICE_HOME, 0.0), 3);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.0), 5);   /* unknown depth */
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.5), 3);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.6), 5);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 1.0), 5);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 1.5), 5);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 1.6), 7);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 2.0), 7);
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 3.0), 7);
	/* 0.1 + 0.4 is not exactly 0.5 in binary: still the <= 0.5 mm row */
	assert_int_equal(downtime(HG_DEVICE_PROFESSIONAL, 0.1 + 0.4), 3);
}

/* redness 2 on day D stays silent, on day D+1 it is late */
static void check_late_after(enum hg_device dev, double depth, int d)
{
	struct hg_recovery r;

	rec_init(&r, dev, depth, 0);
	rec_day(&r, d, 2, 2, 0, 0, 0);
	expect_no_flag(&r, "redness-late");
	expect_no_flag(&r, "swelling-late");
	rec_free(&r);

	rec_init(&r, dev, depth, 0);
	rec_day(&r, d + 1, 2, 0, 0, 0, 0);
	expect_only(&r, "redness-late", d + 1);
	rec_free(&r);
}

static void test_downtime_drives_late_rules(void **state)
{
	(void)state;
	check_late_after(HG_DEVICE_HOME, 0.25, 3);
	check_late_after(HG_DEVICE_PROFESSIONAL, 0.0, 5);
	check_late_after(HG_DEVICE_PROFESSIONAL, 0.5, 3);
	check_late_after(HG_DEVICE_PROFESSIONAL, 1.0, 5);
	check_late_after(HG_DEVICE_PROFESSIONAL, 1.5, 5);
	check_late_after(HG_DEVICE_PROFESSIONAL, 2.0, 7);
}

/* ---- infection -------------------------------------------------------- */

static void test_pus(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	rec_plain(&r);
	rec_calm(&r, 0, 2);
	expect_nothing(&r);
	rec_day(&r, 3, 0, 0, 0, 0, S(PUS));
	rec_day(&r, 5, 0, 0, 0, 0, S(PUS));
	expect_only(&r, "pus", 3);
	m = message_of(&r, "pus");
	assert_string_equal(m, "Pus on day 3 can mean infection: contact a doctor today.");
	free(m);
	rec_free(&r);

	rec_plain(&r);          /* any day, day 0 included */
	rec_day(&r, 0, U, U, U, U, S(PUS));
	expect_only(&r, "pus", 0);
	rec_free(&r);
}

static void test_spreading(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, S(SPREADING));
	expect_nothing(&r);             /* day 0: below the threshold */
	rec_day(&r, 1, 0, 0, 0, 0, S(SPREADING));
	expect_only(&r, "spreading", 1);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, S(SPREADING));
	rec_calm(&r, 1, 3);
	rec_day(&r, 4, 0, 0, 0, 0, S(SPREADING));
	expect_only(&r, "spreading", 4);
	rec_free(&r);
}

static void test_fever_with_each_companion(void **state)
{
	static const unsigned companions[] = {
		S(WARMTH), S(PUS), S(CRUSTING), S(SPREADING), S(PAIN)
	};
	struct hg_recovery r;

	(void)state;
	for (size_t i = 0; i < sizeof companions / sizeof companions[0]; i++) {
		rec_plain(&r);
		rec_calm(&r, 0, 1);
		rec_day(&r, 2, 0, 0, 0, 0, S(FEVER) | companions[i]);
		expect_flag(&r, "fever", 2);
		expect_no_flag(&r, "fever-alone");
		rec_free(&r);
	}
	/* the companion sign counts even on day 0, where spreading itself
	 * does not fire */
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, S(FEVER) | S(SPREADING));
	expect_only(&r, "fever", 0);
	rec_free(&r);
}

static void test_fever_with_redness(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 1, 2, 0, 0, 0, S(FEVER));
	expect_only(&r, "fever", 1);
	rec_free(&r);

	rec_plain(&r);          /* redness 1: one step below */
	rec_day(&r, 1, 1, 0, 0, 0, S(FEVER));
	expect_only(&r, "fever-alone", 1);
	rec_free(&r);

	rec_plain(&r);          /* unrated redness is not 2, nor 0 */
	rec_day(&r, 1, U, U, U, U, S(FEVER));
	expect_only(&r, "fever-alone", 1);
	rec_free(&r);
}

static void test_fever_alone_then_with_pus(void **state)
{
	struct hg_recovery r;
	struct result res;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, 0);
	rec_day(&r, 1, 1, 0, 0, 0, S(FEVER));
	rec_day(&r, 2, 1, 0, 0, 0, S(FEVER));
	rec_day(&r, 3, 1, 0, 0, 0, S(FEVER) | S(PUS));
	expect_flag(&r, "fever-alone", 1);
	expect_flag(&r, "fever", 3);
	expect_flag(&r, "pus", 3);
	res = eval(&r);
	assert_int_equal(res.n, 3);
	rules_flags_free(res.f, res.n);
	rec_free(&r);
}

static void test_blisters(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	rec_plain(&r);
	rec_calm(&r, 0, 0);
	expect_nothing(&r);
	rec_day(&r, 1, 0, 0, 0, 0, S(BLISTERS));
	expect_only(&r, "blisters", 1);
	m = message_of(&r, "blisters");
	assert_null(strstr(m, "antiviral"));
	assert_non_null(strstr(m, "today"));
	free(m);
	rec_free(&r);

	rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, R(COLD_SORES));
	rec_calm(&r, 0, 0);
	expect_nothing(&r);     /* cold-sores alone is no precaution flag */
	rec_day(&r, 2, 0, 0, 0, 0, S(BLISTERS));
	expect_only(&r, "blisters", 2);
	m = message_of(&r, "blisters");
	assert_non_null(strstr(m, "cold sore"));
	assert_non_null(strstr(m, "antiviral"));
	free(m);
	rec_free(&r);
}

static void test_crusting(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_calm(&r, 0, 3);
	expect_nothing(&r);
	rec_day(&r, 4, 0, 0, 0, 0, S(CRUSTING));
	rec_day(&r, 6, 0, 0, 0, 0, S(CRUSTING));
	expect_only(&r, "crusting", 4);
	rec_free(&r);
}

static void test_warmth_pain(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, S(WARMTH) | S(PAIN));
	rec_day(&r, 1, 0, 0, 0, 0, S(WARMTH) | S(PAIN));
	expect_nothing(&r);             /* days 0 and 1: expected */
	rec_day(&r, 2, 0, 0, 0, 0, S(WARMTH));
	expect_only(&r, "warmth-pain", 2);
	m = message_of(&r, "warmth-pain");
	assert_string_equal(m, "Hot skin on day 2 can mean infection: "
	                       "call your dermatologist within a day or two.");
	free(m);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 1, 0, 0, 0, 0, S(PAIN));
	rec_day(&r, 2, 0, 0, 0, 0, S(PAIN));
	expect_only(&r, "warmth-pain", 2);
	m = message_of(&r, "warmth-pain");
	assert_true(starts_with(m, "Worsening pain on day 2 "));
	free(m);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 5, 0, 0, 0, 0, S(PAIN) | S(WARMTH));
	m = message_of(&r, "warmth-pain");
	assert_true(starts_with(m, "Hot skin and worsening pain on day 5 "));
	free(m);
	rec_free(&r);
}

/* redness (or swelling) rising */
static void check_rising(enum hg_symptom s, const char *rule)
{
	struct hg_recovery r;
	int v[5];

	/* 1,1,1,2 rises to 2 on day 3 */
	rec_plain(&r);
	for (int d = 0; d <= 3; d++) {
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			v[k] = 0;
		v[s] = d == 3 ? 2 : 1;
		rec_day(&r, d, v[0], v[1], v[2], v[3], 0);
	}
	expect_only(&r, rule, 3);
	rec_free(&r);

	/* 1,1,2: the rise on day 2 is below the day threshold, and day 3
	 * staying at 2 is no rise */
	rec_plain(&r);
	for (int d = 0; d <= 3; d++) {
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			v[k] = 0;
		v[s] = d >= 2 ? 2 : 1;
		rec_day(&r, d, v[0], v[1], v[2], v[3], 0);
	}
	expect_nothing(&r);
	rec_free(&r);

	/* 0,0,0,1: rises on day 3 but only to 1 */
	rec_plain(&r);
	for (int d = 0; d <= 3; d++) {
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			v[k] = 0;
		v[s] = d == 3 ? 1 : 0;
		rec_day(&r, d, v[0], v[1], v[2], v[3], 0);
	}
	expect_nothing(&r);
	rec_free(&r);

	/* 3 on day 3 after 3,2,... falling then back up: rises vs day 2 */
	rec_plain(&r);
	for (int d = 0; d <= 4; d++) {
		static const int seq[] = { 3, 2, 1, 1, 3 };
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			v[k] = 0;
		v[s] = seq[d];
		rec_day(&r, d, v[0], v[1], v[2], v[3], 0);
	}
	expect_flag(&r, rule, 4);
	rec_free(&r);
}

static void test_redness_rising(void **state)
{
	(void)state;
	check_rising(HG_REDNESS, "redness-rising");
}

static void test_swelling_rising(void **state)
{
	(void)state;
	check_rising(HG_SWELLING, "swelling-rising");
}

static void test_rising_skips_unrated_days(void **state)
{
	struct hg_recovery r;

	(void)state;
	/* 1, unrated, unrated, 2: a rise from the last rated day (day 0) */
	rec_plain(&r);
	rec_day(&r, 0, 1, 0, 0, 0, 0);
	rec_day(&r, 1, U, 0, 0, 0, 0);
	rec_day(&r, 2, U, 0, 0, 0, 0);
	rec_day(&r, 3, 2, 0, 0, 0, 0);
	expect_only(&r, "redness-rising", 3);
	rec_free(&r);

	/* 3, unrated, 2: the gap is not a 0, so no rise on day 4 */
	rec_plain(&r);
	rec_day(&r, 2, 3, 0, 0, 0, 0);
	rec_day(&r, 3, U, 0, 0, 0, 0);
	rec_day(&r, 4, 2, 0, 0, 0, 0);
	expect_nothing(&r);
	rec_free(&r);

	/* days with no check-in at all are skipped the same way */
	rec_plain(&r);
	rec_day(&r, 0, 3, 0, 0, 0, 0);
	rec_day(&r, 4, 2, 0, 0, 0, 0);
	expect_nothing(&r);
	rec_free(&r);

	/* nothing rated before: nothing to rise from */
	rec_plain(&r);
	rec_day(&r, 0, U, U, U, U, 0);
	rec_day(&r, 3, 2, 2, 0, 0, 0);
	expect_nothing(&r);
	rec_free(&r);

	/* swelling is compared with swelling, not with redness's last day */
	rec_plain(&r);
	rec_day(&r, 0, 0, 1, 0, 0, 0);
	rec_day(&r, 2, 0, U, 0, 0, 0);
	rec_day(&r, 3, 0, 2, 0, 0, 0);
	expect_only(&r, "swelling-rising", 3);
	rec_free(&r);
}

/* ---- healing ---------------------------------------------------------- */

static void test_late(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	/* D = 5: rating 2 on day 5 is fine, on day 6 it is late */
	rec_plain(&r);
	rec_day(&r, 5, 2, 2, 0, 0, 0);
	expect_nothing(&r);
	rec_day(&r, 6, 2, 2, 0, 0, 0);
	expect_flag(&r, "redness-late", 6);
	expect_flag(&r, "swelling-late", 6);
	m = message_of(&r, "swelling-late");
	assert_non_null(strstr(m, "usual 5 days"));
	assert_non_null(strstr(m, "Moderate swelling"));
	free(m);
	rec_free(&r);

	/* rating 1 after D: below the threshold */
	rec_plain(&r);
	rec_day(&r, 6, 1, 1, 0, 0, 0);
	rec_day(&r, 9, 1, 1, 0, 0, 0);
	expect_nothing(&r);
	rec_free(&r);

	/* swelling alone */
	rec_plain(&r);
	rec_day(&r, 8, 0, 3, 0, 0, 0);
	expect_only(&r, "swelling-late", 8);
	rec_free(&r);
}

static void test_redness_lingering(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 9, 1, 0, 0, 0, 0);
	expect_nothing(&r);             /* day 9: one step below */
	rec_day(&r, 10, 1, 0, 0, 0, 0);
	expect_only(&r, "redness-lingering", 10);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 10, 0, 0, 0, 0, 0);
	rec_day(&r, 11, U, U, U, U, 0);
	expect_nothing(&r);             /* 0 and unrated do not linger */
	rec_free(&r);
}

static void test_lines(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 6, 0, 0, 0, 0, S(LINES));
	expect_nothing(&r);
	rec_day(&r, 7, 0, 0, 0, 0, S(LINES));
	expect_only(&r, "lines", 7);
	rec_free(&r);
}

/* ---- bleeding --------------------------------------------------------- */

static void test_bleeding_heavy(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 2, 0);
	expect_nothing(&r);             /* 2: one step below */
	rec_day(&r, 1, 0, 0, 0, 3, 0);
	expect_only(&r, "bleeding-heavy", 1);
	rec_free(&r);
}

static void test_bleeding_late(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 2, 0);
	rec_day(&r, 1, 0, 0, 0, 1, 0);
	expect_nothing(&r);             /* day 1: one step below */
	rec_day(&r, 2, 0, 0, 0, 1, 0);
	expect_only(&r, "bleeding-late", 2);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 2, 0, 0, 0, 0, 0);
	rec_day(&r, 3, 0, 0, 0, U, 0);
	expect_nothing(&r);
	rec_free(&r);
}

static void test_bleeding_risk(void **state)
{
	static const unsigned risks[] = { R(BLEEDING_DISORDER), R(BLOOD_THINNERS) };
	struct hg_recovery r;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, risks[i]);
		rec_day(&r, 0, 0, 0, 0, 1, 0);
		expect_no_flag(&r, "bleeding-risk");    /* 1: one step below */
		rec_day(&r, 1, 0, 0, 0, 2, 0);
		expect_flag(&r, "bleeding-risk", 1);
		expect_flag(&r, "risk-precaution", 0);
		rec_free(&r);
	}
	/* the same bleeding without the risk */
	rec_plain(&r);
	rec_day(&r, 1, 0, 0, 0, 2, 0);
	expect_nothing(&r);
	rec_free(&r);
}

static void test_bruising(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 2, 0, 0);
	expect_nothing(&r);
	rec_day(&r, 1, 0, 0, 3, 0, 0);
	expect_only(&r, "bruising-heavy", 1);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 9, 0, 0, 1, 0, 0);
	expect_nothing(&r);
	rec_day(&r, 10, 0, 0, 1, 0, 0);
	expect_only(&r, "bruising-lingering", 10);
	rec_free(&r);
}

/* ---- allergy and pigment ---------------------------------------------- */

static void check_sign_any_day(unsigned sign, const char *rule)
{
	struct hg_recovery r;

	rec_plain(&r);
	rec_calm(&r, 0, 2);
	expect_nothing(&r);
	rec_day(&r, 3, 0, 0, 0, 0, sign);
	rec_day(&r, 4, 0, 0, 0, 0, sign);
	expect_only(&r, rule, 3);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 0, 0, 0, 0, 0, sign);
	expect_only(&r, rule, 0);
	rec_free(&r);
}

static void test_rash_bumps_light(void **state)
{
	(void)state;
	check_sign_any_day(S(RASH), "rash");
	check_sign_any_day(S(BUMPS), "bumps");
	check_sign_any_day(S(LIGHT_PATCHES), "light-patches");
}

static void test_dark_patches(void **state)
{
	struct hg_recovery r;

	(void)state;
	rec_plain(&r);
	rec_day(&r, 6, 0, 0, 0, 0, S(DARK_PATCHES));
	expect_only(&r, "dark-patches-early", 6);
	rec_free(&r);

	rec_plain(&r);
	rec_day(&r, 7, 0, 0, 0, 0, S(DARK_PATCHES));
	expect_only(&r, "dark-patches", 7);
	rec_free(&r);

	/* early on day 2, then again on day 8: both, each at its first day */
	rec_plain(&r);
	rec_day(&r, 2, 0, 0, 0, 0, S(DARK_PATCHES));
	rec_day(&r, 5, 0, 0, 0, 0, S(DARK_PATCHES));
	rec_day(&r, 8, 0, 0, 0, 0, S(DARK_PATCHES));
	rec_day(&r, 9, 0, 0, 0, 0, S(DARK_PATCHES));
	expect_flag(&r, "dark-patches-early", 2);
	expect_flag(&r, "dark-patches", 8);
	rec_free(&r);
}

/* ---- precautions ------------------------------------------------------ */

static void test_risk_precaution(void **state)
{
	static const unsigned fire[] = {
		R(ACTIVE_INFECTION), R(ACTIVE_ACNE), R(BLEEDING_DISORDER),
		R(BLOOD_THINNERS), R(ISOTRETINOIN), R(KELOIDS), R(PREGNANCY)
	};
	struct hg_recovery r;
	char *m;

	(void)state;
	for (size_t i = 0; i < sizeof fire / sizeof fire[0]; i++) {
		rec_init(&r, HG_DEVICE_HOME, 0.25, fire[i]);
		expect_only(&r, "risk-precaution", 0);  /* no check-in at all */
		rec_free(&r);
	}
	rec_init(&r, HG_DEVICE_HOME, 0.25, R(COLD_SORES) | R(DARK_SKIN));
	expect_nothing(&r);
	rec_free(&r);

	rec_init(&r, HG_DEVICE_HOME, 0.25, R(PREGNANCY));
	m = message_of(&r, "risk-precaution");
	assert_non_null(strstr(m, "Pregnancy"));
	assert_non_null(strstr(m, "before the next session"));
	free(m);
	rec_free(&r);

	/* later check-ins do not move it off day 0 */
	rec_init(&r, HG_DEVICE_HOME, 0.25, R(KELOIDS) | R(BLOOD_THINNERS));
	rec_calm(&r, 3, 5);
	expect_only(&r, "risk-precaution", 0);
	m = message_of(&r, "risk-precaution");
	assert_true(starts_with(m, "Blood thinners and keloids "));
	free(m);
	rec_free(&r);
}

static void test_pigment_risk(void **state)
{
	struct hg_recovery r;
	char *m;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, R(DARK_SKIN));
	rec_day(&r, 2, 2, 0, 0, 0, 0);
	expect_nothing(&r);             /* day 2: one step below */
	rec_day(&r, 3, 2, 0, 0, 0, 0);
	expect_only(&r, "pigment-risk", 3);
	m = message_of(&r, "pigment-risk");
	assert_non_null(strstr(m, "next visit"));
	free(m);
	rec_free(&r);

	rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, R(DARK_SKIN));
	rec_day(&r, 3, 1, 0, 0, 0, 0);
	expect_nothing(&r);             /* rating 1: one step below */
	rec_free(&r);

	rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, 0);
	rec_day(&r, 3, 2, 0, 0, 0, 0);
	expect_nothing(&r);             /* without the risk */
	rec_free(&r);
}

/* ---- whole recoveries ------------------------------------------------- */

static void normal_recovery(struct hg_recovery *r)
{
	static const int red[] = { 3, 2, 1 };
	static const int swe[] = { 2, 1 };

	for (int d = 0; d < 28; d++)
		rec_day(r, d, d < 3 ? red[d] : 0, d < 2 ? swe[d] : 0,
		        d == 1 ? 1 : 0, d == 0 ? 1 : 0, 0);
}

static void test_normal_recovery_fires_nothing(void **state)
{
	static const double depths[] = { 0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0 };
	struct hg_recovery r;

	(void)state;
	for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		for (int dev = 0; dev < HG_DEVICE_COUNT; dev++) {
			rec_init(&r, (enum hg_device)dev, depths[i], R(DARK_SKIN) | R(COLD_SORES));
			normal_recovery(&r);
			expect_nothing(&r);
			rec_free(&r);
		}
	}
}

static void test_infection_from_day_4(void **state)
{
	struct hg_recovery r;
	struct result res;
	static const char *const order[] = {
		"pus", "fever", "spreading", "warmth-pain", "redness-rising",
		"swelling-rising", "redness-late", "swelling-late"
	};
	static const int days[] = { 5, 5, 6, 4, 4, 5, 6, 6 };

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 1.0, 0);          /* D = 5 */
	rec_day(&r, 0, 3, 2, 1, 1, 0);
	rec_day(&r, 1, 2, 1, 1, 0, 0);
	rec_day(&r, 2, 1, 1, 0, 0, 0);
	rec_day(&r, 3, 1, 1, 0, 0, 0);
	rec_day(&r, 4, 2, 1, 0, 0, S(WARMTH));
	rec_day(&r, 5, 3, 2, 0, 0, S(WARMTH) | S(PAIN) | S(PUS) | S(FEVER));
	rec_day(&r, 6, 3, 2, 0, 0, S(PUS) | S(SPREADING) | S(FEVER));
	res = eval(&r);
	if (res.n != sizeof order / sizeof order[0])
		print_flags(&res);
	assert_int_equal(res.n, sizeof order / sizeof order[0]);
	for (size_t i = 0; i < res.n; i++) {
		assert_string_equal(res.f[i].rule, order[i]);
		assert_int_equal(res.f[i].day, days[i]);
	}
	rules_flags_free(res.f, res.n);
	rec_free(&r);
}

static void test_gaps_are_not_zero(void **state)
{
	struct hg_recovery r;

	(void)state;
	/* a normal recovery with unrated days and missing days in it */
	rec_plain(&r);
	rec_day(&r, 0, 3, 2, 0, 1, 0);
	rec_day(&r, 1, U, U, U, U, 0);
	rec_day(&r, 2, 2, U, 0, U, 0);
	rec_day(&r, 4, U, 1, U, U, 0);
	rec_day(&r, 5, 1, U, 0, 0, 0);
	rec_day(&r, 6, U, 0, U, U, 0);
	rec_day(&r, 9, 0, 0, 0, 0, 0);
	rec_day(&r, 12, U, U, U, U, 0);
	expect_nothing(&r);
	rec_free(&r);

	/* 2 on day 2, a gap, 2 on day 4: read as 0 the gap would make day 4
	 * a rise */
	rec_plain(&r);
	rec_day(&r, 2, 2, 2, 0, 0, 0);
	rec_day(&r, 3, U, U, U, U, 0);
	rec_day(&r, 4, 2, 2, 0, 0, 0);
	expect_nothing(&r);
	/* ... and 3 on day 5 is a rise over day 4 */
	rec_day(&r, 5, 3, 2, 0, 0, 0);
	expect_only(&r, "redness-rising", 5);
	rec_free(&r);
}

/* ---- ordering, appending, helpers ------------------------------------- */

static void test_order_level_then_day(void **state)
{
	struct hg_recovery a, b;
	struct hg_flag *f = NULL;
	size_t n = 0;

	(void)state;
	rec_plain(&a);
	rec_day(&a, 0, 0, 0, 0, 0, S(DARK_PATCHES));     /* watch, day 0 */
	rec_day(&a, 2, 0, 0, 0, 0, S(RASH));             /* doctor, day 2 */
	rec_day(&a, 8, 0, 0, 0, 0, S(PUS));              /* urgent, day 8 */
	rec_plain(&b);
	b.t.id = 2;
	b.t.date = T_DATE + 100;
	rec_day(&b, 1, 0, 0, 0, 0, S(PUS) | S(BUMPS));   /* urgent, doctor day 1 */

	assert_int_equal(rules_eval(&a, &f, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rules_eval(&b, &f, &n), 0);     /* appends, re-sorts */
	assert_int_equal(n, 5);

	assert_string_equal(f[0].rule, "pus");
	assert_int_equal(f[0].treatment_id, 2);
	assert_int_equal(f[0].date, T_DATE + 101);
	assert_string_equal(f[1].rule, "pus");
	assert_int_equal(f[1].treatment_id, 1);
	assert_int_equal(f[1].day, 8);
	assert_string_equal(f[2].rule, "bumps");
	assert_string_equal(f[3].rule, "rash");
	assert_string_equal(f[4].rule, "dark-patches-early");
	for (size_t i = 1; i < n; i++)
		assert_true(f[i - 1].level <= f[i].level);

	assert_int_equal(rules_level_on_day(f, n, 1, 8), HG_LEVEL_URGENT);
	assert_int_equal(rules_level_on_day(f, n, 1, 0), HG_LEVEL_WATCH);
	assert_int_equal(rules_level_on_day(f, n, 2, 1), HG_LEVEL_URGENT);
	assert_int_equal(rules_level_on_day(f, n, 1, 1), -1);
	assert_int_equal(rules_level_on_day(f, n, 3, 8), -1);

	/* rules_sort restores the order after shuffling */
	{
		struct hg_flag tmp = f[0];
		f[0] = f[4];
		f[4] = tmp;
	}
	rules_sort(f, n);
	assert_string_equal(f[0].rule, "pus");
	assert_string_equal(f[4].rule, "dark-patches-early");

	rules_flags_free(f, n);
	rec_free(&a);
	rec_free(&b);
}

static void test_empty_recovery(void **state)
{
	struct hg_recovery r;
	struct hg_flag *f = NULL;
	size_t n = 0;

	(void)state;
	rec_plain(&r);
	assert_int_equal(rules_eval(&r, &f, &n), 0);
	assert_int_equal(n, 0);
	assert_null(f);
	rules_flags_free(f, n);
}

/* Everything at once on the longest window: every rule fires once, every
 * message is filled in, short enough for a screen line, and says how soon
 * to act in words that match its level. */
static void test_every_message(void **state)
{
	struct hg_recovery r;
	struct result res;

	(void)state;
	rec_init(&r, HG_DEVICE_PROFESSIONAL, 2.0, (1u << HG_RISK_COUNT) - 1);
	rec_day(&r, 0, 0, 0, 0, 0, 0);
	rec_day(&r, 6, 0, 0, 0, 0, S(DARK_PATCHES));
	rec_day(&r, 87, 0, 0, 0, 0, S(FEVER));
	rec_day(&r, 88, 1, 1, 1, 1, 0);
	rec_day(&r, 89, 3, 3, 3, 3, (1u << HG_SIGN_COUNT) - 1);
	res = eval(&r);
	assert_int_equal(res.n, rules_count());
	for (size_t i = 0; i < res.n; i++) {
		const char *m = res.f[i].message;

		if (strchr(m, '{') || strchr(m, '}'))
			fail_msg("%s: placeholder left in: %s", res.f[i].rule, m);
		if (strlen(m) > 110)
			fail_msg("%s: %zu bytes: %s", res.f[i].rule, strlen(m), m);
		if (m[strlen(m) - 1] != '.')
			fail_msg("%s: not a sentence: %s", res.f[i].rule, m);
		switch (res.f[i].level) {
		case HG_LEVEL_URGENT:
			assert_non_null(strstr(m, "today"));
			break;
		case HG_LEVEL_DOCTOR:
			assert_true(strstr(m, "doctor") || strstr(m, "dermatologist"));
			break;
		default:
			assert_non_null(strstr(m, "next visit"));
			break;
		}
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

/* Every rule of the table has an entry in man/healgrid.1's WARNING RULES,
 * ".TP", ".B id" (hyphens written \-), then "category, level:", and the
 * manual lists no rule the table does not have. */
static void test_manual_lists_every_rule(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096], *man, *sec, *end, *p;
	size_t entries = 0;
	int seen[64] = { 0 };

	(void)state;
	assert_true(rules_count() <= 64);
	snprintf(path, sizeof path, "%s/man/healgrid.1", top && *top ? top : ".");
	man = read_file(path);
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
		const char *line;

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
		snprintf(want, sizeof want, "%s, %s:",
		         rules_category_name(rules_info(r)->category),
		         rules_level_name(rules_info(r)->level));
		if (strncmp(line, want, strlen(want)) != 0)
			fail_msg("manual entry of %s should start \"%s\"", id, want);
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
		cmocka_unit_test(test_downtime),
		cmocka_unit_test(test_downtime_drives_late_rules),
		cmocka_unit_test(test_pus),
		cmocka_unit_test(test_spreading),
		cmocka_unit_test(test_fever_with_each_companion),
		cmocka_unit_test(test_fever_with_redness),
		cmocka_unit_test(test_fever_alone_then_with_pus),
		cmocka_unit_test(test_blisters),
		cmocka_unit_test(test_crusting),
		cmocka_unit_test(test_warmth_pain),
		cmocka_unit_test(test_redness_rising),
		cmocka_unit_test(test_swelling_rising),
		cmocka_unit_test(test_rising_skips_unrated_days),
		cmocka_unit_test(test_late),
		cmocka_unit_test(test_redness_lingering),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_bleeding_heavy),
		cmocka_unit_test(test_bleeding_late),
		cmocka_unit_test(test_bleeding_risk),
		cmocka_unit_test(test_bruising),
		cmocka_unit_test(test_rash_bumps_light),
		cmocka_unit_test(test_dark_patches),
		cmocka_unit_test(test_risk_precaution),
		cmocka_unit_test(test_pigment_risk),
		cmocka_unit_test(test_normal_recovery_fires_nothing),
		cmocka_unit_test(test_infection_from_day_4),
		cmocka_unit_test(test_gaps_are_not_zero),
		cmocka_unit_test(test_order_level_then_day),
		cmocka_unit_test(test_empty_recovery),
		cmocka_unit_test(test_every_message),
		cmocka_unit_test(test_manual_lists_every_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
