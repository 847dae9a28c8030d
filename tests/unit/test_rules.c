/* test_rules.c — cmocka tests of the warning engine (src/engine/rules.c).
 *
 * Recoveries are built as plain structs from a short notation, no
 * database.  For every rule of the table (man page, WARNING RULES) a case
 * matches it on its first possible day and a case one step below each
 * threshold stays silent, and each escalation is checked; then the flag's
 * life: grouping by kind, settling after three clear days with unrated
 * days skipped, a return after settling, a gap that does not settle, the
 * three ways back, a self action on an urgent flag, alerts per day, noted
 * signs, precautions, daily tracking and the follow-up looks, and a check
 * that man/healgrid.1 lists every rule with its kind and level.
 * tests/engine_ref.py compares the engine with a reference on random
 * recoveries.
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

#define R(x) HG_BIT(HG_RISK_##x)

enum { T_DATE = 20780 };        /* 2026-11-23; rules only add days to it */

/* ---- building recoveries ---------------------------------------------- */

/* A treatment: device, depth, risks, skin type, area. */
static void rec_init(struct hg_recovery *r, enum hg_device dev, double depth, unsigned risks,
                     int skin, const char *area)
{
	memset(r, 0, sizeof *r);
	r->t.id = 1;
	r->t.date = T_DATE;
	r->t.device = dev;
	r->t.depth = depth;
	r->t.risks = risks;
	r->t.skin_type = skin;
	r->t.window = 28;
	r->t.area = xstrdup(area);
}

/* Check-ins in a short notation, days apart by '|': "4 R2 S1 +pus t384
 * c:actives".  The day first; R S B L and a digit rate redness, swelling,
 * bruising, bleeding (unrated when absent); +NAME ticks a sign; tNNN a
 * temperature in tenths; c:NAME a care item; "ns" leaves the signs not
 * assessed and "nc" the care (both are assessed otherwise). */
static void rec_days(struct hg_recovery *r, const char *spec)
{
	char *copy = xstrdup(spec), *day, *save = NULL;

	for (day = strtok_r(copy, "|", &save); day; day = strtok_r(NULL, "|", &save)) {
		char *tok, *save2 = NULL;
		struct hg_checkin *c;
		int first = 1;

		r->days = xrealloc(r->days, (r->ndays + 1) * sizeof *r->days);
		c = &r->days[r->ndays++];
		model_checkin_init(c);
		c->treatment_id = r->t.id;
		c->signs_assessed = c->care_assessed = 1;
		for (tok = strtok_r(day, " ", &save2); tok; tok = strtok_r(NULL, " ", &save2)) {
			if (first) {
				c->day = atoi(tok);
				first = 0;
			} else if (strchr("RSBL", tok[0]) && isdigit((unsigned char)tok[1])) {
				c->rating[strchr("RSBL", tok[0]) - "RSBL"] = tok[1] - '0';
			} else if (tok[0] == '+') {
				int s = model_sign_lookup(tok + 1);

				if (s < 0)
					fail_msg("unknown sign %s", tok + 1);
				c->signs |= HG_BIT(s);
			} else if (tok[0] == 't') {
				c->temp = atoi(tok + 1);
			} else if (strncmp(tok, "c:", 2) == 0) {
				c->care |= HG_BIT(model_care_lookup(tok + 2));
			} else if (strcmp(tok, "ns") == 0) {
				c->signs_assessed = 0;
			} else if (strcmp(tok, "nc") == 0) {
				c->care_assessed = 0;
			} else {
				fail_msg("bad token %s", tok);
			}
		}
	}
	free(copy);
}

/* An action by `by` on day `day` for the flag of `kind` started on
 * `ref_day`. */
static void act(struct hg_action *a, int64_t id, int day, enum hg_by by, const char *kind,
                int ref_day)
{
	model_action_init(a);
	a->id = id;
	a->treatment_id = 1;
	a->date = T_DATE + day;
	a->by = by;
	a->text = xstrdup("cefalexin from the GP");
	a->resolves = xcalloc(1, sizeof *a->resolves);
	a->nresolves = 1;
	a->resolves[0].rule = xstrdup(kind);
	a->resolves[0].kind = xstrdup(kind);
	a->resolves[0].date = T_DATE + ref_day;
}

struct result {
	struct hg_flag *f;
	size_t n;
};

static struct result eval_with(const struct hg_recovery *r, const struct hg_action *a,
                               size_t na)
{
	struct result res = { NULL, 0 };

	assert_int_equal(rules_eval(r, a, na, &res.f, &res.n), 0);
	return res;
}

static struct result eval(const struct hg_recovery *r)
{
	return eval_with(r, NULL, 0);
}

static void print_flags(const struct result *res)
{
	for (size_t i = 0; i < res->n; i++) {
		print_message("  flag %s %s %s since %d, days %d-%d:", res->f[i].id,
		              rules_level_name(res->f[i].level),
		              rules_status_name(res->f[i].status), res->f[i].since,
		              res->f[i].day, res->f[i].last_day);
		for (size_t k = 0; k < res->f[i].nfindings; k++)
			print_message(" %s(%s %d-%d)", res->f[i].findings[k].rule,
			              rules_level_name(res->f[i].findings[k].level),
			              res->f[i].findings[k].day, res->f[i].findings[k].last_day);
		print_message("\n    %s\n", res->f[i].message);
	}
}

static void res_free(struct result *res)
{
	rules_flags_free(res->f, res->n);
}

/* The flag `id`; failing the test when there is none. */
static const struct hg_flag *flag_by_id(const struct result *res, const char *id)
{
	static const struct hg_flag none;

	for (size_t i = 0; i < res->n; i++)
		if (strcmp(res->f[i].id, id) == 0)
			return &res->f[i];
	print_flags(res);
	fail_msg("no flag %s", id);
	return &none;
}

static const char *found_id(const struct hg_flag *f)
{
	return f ? f->id : "(none)";
}

/* The finding of `rule` in any flag, with its flag. */
static const struct hg_finding *finding(const struct result *res, const char *rule,
                                        const struct hg_flag **flag)
{
	for (size_t i = 0; i < res->n; i++)
		for (size_t k = 0; k < res->f[i].nfindings; k++)
			if (strcmp(res->f[i].findings[k].rule, rule) == 0) {
				if (flag)
					*flag = &res->f[i];
				return &res->f[i].findings[k];
			}
	return NULL;
}

/* ---- every rule ------------------------------------------------------- */

/* One case: a treatment and its check-ins; `rule` first matches on `day`
 * at `level` in a flag of `kind`, or (day -1) never matches. */
struct rule_case {
	const char *rule;
	enum hg_device dev;
	double depth;
	unsigned risks;
	int skin;
	const char *area;
	const char *days;
	int day;
	const char *level;
	const char *kind;
};

#define PRO HG_DEVICE_PROFESSIONAL
#define HOME HG_DEVICE_HOME

static const struct rule_case rule_cases[] = {
	/* airway: the new sign and version 2's lips-airway */
	{ "airway", PRO, 0, 0, 0, "face", "0 +airway", 0, "emergency", "reaction" },
	{ "airway", PRO, 0, 0, 0, "face", "3 +lips-airway", 3, "emergency", "reaction" },
	{ "airway", PRO, 0, 0, 0, "face", "3 +lips", -1, NULL, NULL },
	{ "numbing", PRO, 0, 0, 0, "face", "1 +numb-mouth", 1, "emergency", "reaction" },
	{ "numbing", PRO, 0, 0, 0, "face", "2 +numb-mouth", -1, NULL, NULL },
	{ "eye", PRO, 0, 0, 0, "neck", "5 +eye", 5, "emergency", "eye" },
	{ "unwell", PRO, 0, 0, 0, "face", "0 +unwell", 0, "emergency", "illness" },
	{ "bleeding-nonstop", PRO, 0, 0, 0, "face", "0 +nonstop-bleeding", 0, "emergency",
	  "bleeding" },
	{ "spreading-fever", PRO, 0, 0, 0, "face", "1 +spreading t380", 1, "emergency",
	  "infection" },
	{ "spreading-fever", PRO, 0, 0, 0, "face", "1 +spreading +fever", 1, "emergency",
	  "infection" },
	{ "spreading-fever", PRO, 0, 0, 0, "face", "1 +spreading t379", -1, NULL, NULL },
	{ "spreading-fever", PRO, 0, 0, 0, "face", "0 +spreading t390", -1, NULL, NULL },
	/* lips: the usual puffiness on days 0-1 of the face */
	{ "lips", PRO, 0, 0, 0, "face", "1 +lips", 1, "watch", "reaction" },
	{ "lips", PRO, 0, 0, 0, "face", "2 +lips", 2, "urgent", "reaction" },
	{ "lips", PRO, 0, 0, 0, "neck", "0 +lips", 0, "urgent", "reaction" },
	{ "rash-early", PRO, 0, 0, 0, "face", "1 +rash", 1, "urgent", "reaction" },
	{ "rash-early", PRO, 0, 0, 0, "face", "2 +rash", -1, NULL, NULL },
	{ "pus", PRO, 0, 0, 0, "face", "0 +pus", 0, "urgent", "infection" },
	{ "spreading", PRO, 0, 0, 0, "face", "1 +spreading", 1, "urgent", "infection" },
	{ "spreading", PRO, 0, 0, 0, "face", "0 +spreading", -1, NULL, NULL },
	{ "spreading-early", PRO, 0, 0, 0, "face", "0 +spreading", 0, "doctor", "reaction" },
	{ "spreading-early", PRO, 0, 0, 0, "face", "1 +spreading", -1, NULL, NULL },
	/* fever: near the treatment or with signs at the skin */
	{ "fever", PRO, 0, 0, 0, "face", "7 t380", 7, "urgent", "infection" },
	{ "fever", PRO, 0, 0, 0, "face", "7 t379", -1, NULL, NULL },
	{ "fever", PRO, 0, 0, 0, "face", "8 t385", -1, NULL, NULL },
	{ "fever", PRO, 0, 0, 0, "face", "9 t385 +warmth", 9, "urgent", "infection" },
	{ "fever", PRO, 0, 0, 0, "face", "9 +fever R2", 9, "urgent", "infection" },
	{ "fever", PRO, 0, 0, 0, "face", "9 +fever S2", 9, "urgent", "infection" },
	{ "fever", PRO, 0, 0, 0, "face", "9 +fever S1 R1", -1, NULL, NULL },
	{ "fever", PRO, 0, R(CANCER_TREATMENT), 0, "face", "3 t381", 3, "emergency",
	  "infection" },
	{ "fever-alone", PRO, 0, 0, 0, "face", "8 t385", 8, "doctor", "illness" },
	{ "fever-alone", PRO, 0, 0, 0, "face", "7 t385", -1, NULL, NULL },
	{ "fever-alone", PRO, 0, R(WEAK_IMMUNITY), 0, "face", "8 t385", 8, "urgent",
	  "illness" },
	{ "fever-alone", PRO, 0, R(CANCER_TREATMENT), 0, "face", "8 +fever", 8, "emergency",
	  "illness" },
	{ "blisters", PRO, 0, 0, 0, "face", "2 +blisters", 2, "urgent", "cold-sore" },
	/* infection-signs: two of crusting, warmth-pain, the rising rules */
	{ "infection-signs", PRO, 0, 0, 0, "neck", "3 +crusting +pain", 3, "urgent",
	  "infection" },
	{ "infection-signs", PRO, 0, 0, 0, "neck", "3 +crusting", -1, NULL, NULL },
	{ "infection-signs", PRO, 0, 0, 0, "neck", "1 R1|2 R2 +pain", 2, "urgent",
	  "infection" },
	/* crusting of a cold sore does not count */
	{ "infection-signs", PRO, 0, R(COLD_SORES), 0, "face", "3 +crusting +pain", -1, NULL,
	  NULL },
	{ "bleeding-heavy", PRO, 0, 0, 0, "face", "1 L3", 1, "urgent", "bleeding" },
	{ "bleeding-heavy", PRO, 0, 0, 0, "face", "0 L3", -1, NULL, NULL },
	{ "bleeding-heavy", PRO, 0, 0, 0, "face", "1 L2", -1, NULL, NULL },
	/* crusting and its escalations */
	{ "crusting", PRO, 0, 0, 0, "neck", "0 +crusting", 0, "doctor", "infection" },
	{ "crusting", PRO, 0, 0, 0, "face", "0 +crusting", 0, "doctor", "infection" },
	{ "crusting", PRO, 0, 0, 0, "left eyelid", "0 +crusting", 0, "urgent", "infection" },
	{ "crusting", PRO, 0, R(WEAK_IMMUNITY), 0, "neck", "0 +crusting", 0, "urgent",
	  "infection" },
	{ "crusting", PRO, 0, R(CANCER_TREATMENT), 0, "neck", "0 +crusting", 0, "urgent",
	  "infection" },
	{ "crusting", PRO, 0, R(COLD_SORES), 0, "Upper lip", "4 +crusting", 4, "urgent",
	  "cold-sore" },
	{ "crusting", PRO, 0, R(COLD_SORES), 0, "neck", "4 +crusting", 4, "doctor",
	  "infection" },
	/* warmth-pain: pain from day 1, warmth from day 2 once 2d > D */
	{ "warmth-pain", PRO, 0, 0, 0, "face", "1 +pain", 1, "doctor", "infection" },
	{ "warmth-pain", PRO, 0, 0, 0, "face", "0 +pain", -1, NULL, NULL },
	{ "warmth-pain", PRO, 0, 0, 0, "face", "3 +warmth", 3, "doctor", "infection" },
	{ "warmth-pain", PRO, 0, 0, 0, "face", "2 +warmth", -1, NULL, NULL },
	{ "warmth-pain", HOME, 0, 0, 0, "face", "2 +warmth", 2, "doctor", "infection" },
	{ "warmth-pain", PRO, 2.0, 0, 0, "face", "3 +warmth", -1, NULL, NULL },
	{ "warmth-pain", PRO, 2.0, 0, 0, "face", "4 +warmth", 4, "doctor", "infection" },
	{ "warmth-pain", PRO, 0, 0, 0, "periorbital", "1 +pain", 1, "urgent", "infection" },
	/* the rising rules: unrated days are skipped, never read as 0 */
	{ "redness-rising", PRO, 0, 0, 0, "face", "0 R1|2 R2", 2, "doctor", "infection" },
	{ "redness-rising", PRO, 0, 0, 0, "face", "0 R1|1|2 R2", 2, "doctor", "infection" },
	{ "redness-rising", PRO, 0, 0, 0, "face", "0 R2|2 R2", -1, NULL, NULL },
	{ "redness-rising", PRO, 0, 0, 0, "face", "0 R0|1 R2", -1, NULL, NULL },
	{ "redness-rising", PRO, 0, 0, 0, "face", "2 R3", -1, NULL, NULL },
	{ "redness-rising", PRO, 0, R(WEAK_IMMUNITY), 0, "face", "1 R0|2 R2", 2, "urgent",
	  "infection" },
	{ "swelling-rising", PRO, 0, 0, 0, "face", "2 S1|3 S2", 3, "doctor", "infection" },
	{ "swelling-rising", PRO, 0, 0, 0, "face", "1 S1|2 S2", -1, NULL, NULL },
	{ "swelling-rising", PRO, 0, 0, 0, "eyes", "2 S1|3 S2", 3, "urgent", "infection" },
	/* the late rules: past D (professional, depth unknown: 5) */
	{ "redness-late", PRO, 0, 0, 0, "face", "6 R2", 6, "doctor", "healing" },
	{ "redness-late", PRO, 0, 0, 0, "face", "5 R2", -1, NULL, NULL },
	{ "redness-late", PRO, 0, 0, 0, "face", "6 R1", -1, NULL, NULL },
	{ "redness-late", HOME, 0, 0, 0, "face", "4 R2", 4, "doctor", "healing" },
	{ "redness-late", PRO, 0.5, 0, 0, "face", "4 R2", 4, "doctor", "healing" },
	{ "redness-late", PRO, 1.5, 0, 0, "face", "5 R2", -1, NULL, NULL },
	{ "redness-late", PRO, 1.6, 0, 0, "face", "7 R2", -1, NULL, NULL },
	{ "redness-late", PRO, 1.6, 0, 0, "face", "8 R2", 8, "doctor", "healing" },
	{ "swelling-late", PRO, 0, 0, 0, "face", "6 S2", 6, "doctor", "healing" },
	{ "swelling-late", PRO, 0, 0, 0, "face", "5 S3", -1, NULL, NULL },
	{ "lines", PRO, 0, 0, 0, "face", "7 +lines", 7, "doctor", "healing" },
	{ "lines", PRO, 0, 0, 0, "face", "6 +lines", -1, NULL, NULL },
	{ "bleeding-late", PRO, 0, 0, 0, "face", "2 L2", 2, "doctor", "bleeding" },
	{ "bleeding-late", PRO, 0, 0, 0, "face", "4 L1", 4, "doctor", "bleeding" },
	{ "bleeding-late", PRO, 0, 0, 0, "face", "3 L1", -1, NULL, NULL },
	{ "bleeding-late", PRO, 0, 0, 0, "face", "1 L2", -1, NULL, NULL },
	{ "bleeding-risk", PRO, 0, R(BLOOD_THINNERS), 0, "face", "1 B2", 1, "doctor",
	  "bleeding" },
	{ "bleeding-risk", PRO, 0, R(BLEEDING_DISORDER), 0, "face", "1 L2", 1, "doctor",
	  "bleeding" },
	{ "bleeding-risk", PRO, 0, R(BLOOD_THINNERS), 0, "face", "0 B3", -1, NULL, NULL },
	{ "bleeding-risk", PRO, 0, R(BLOOD_THINNERS), 0, "face", "1 B1 L1", -1, NULL, NULL },
	{ "bleeding-risk", PRO, 0, 0, 0, "face", "1 B2", -1, NULL, NULL },
	{ "bruising-heavy", PRO, 0, 0, 0, "face", "0 B3", 0, "doctor", "bleeding" },
	{ "bruising-heavy", PRO, 0, 0, 0, "face", "0 B2", -1, NULL, NULL },
	{ "rash", PRO, 0, 0, 0, "face", "2 +rash", 2, "doctor", "reaction" },
	{ "bumps", PRO, 0, 0, 0, "face", "0 +bumps", 0, "doctor", "reaction" },
	{ "dark-patches", PRO, 0, 0, 0, "face", "7 +dark-patches", 7, "doctor", "pigment" },
	{ "dark-patches", PRO, 0, 0, 0, "face", "6 +dark-patches", -1, NULL, NULL },
	{ "light-patches", PRO, 0, 0, 0, "face", "7 +light-patches", 7, "doctor", "pigment" },
	{ "light-patches", PRO, 0, 0, 0, "face", "6 +light-patches", -1, NULL, NULL },
	{ "redness-lingering", PRO, 0, 0, 0, "face", "10 R1", 10, "watch", "healing" },
	{ "redness-lingering", PRO, 0, 0, 0, "face", "9 R1", -1, NULL, NULL },
	{ "redness-lingering", PRO, 0, 0, 0, "face", "10 R0", -1, NULL, NULL },
	{ "bleeding-spotting", PRO, 0, 0, 0, "face", "2 L1", 2, "watch", "bleeding" },
	{ "bleeding-spotting", PRO, 0, 0, 0, "face", "3 L1", 3, "watch", "bleeding" },
	{ "bleeding-spotting", PRO, 0, 0, 0, "face", "1 L1", -1, NULL, NULL },
	{ "bruising-lingering", PRO, 0, 0, 0, "face", "10 B1", 10, "watch", "bleeding" },
	{ "bruising-lingering", PRO, 0, 0, 0, "face", "9 B2", -1, NULL, NULL },
	{ "dark-patches-early", PRO, 0, 0, 0, "face", "6 +dark-patches", 6, "watch",
	  "pigment" },
	{ "dark-patches-early", PRO, 0, 0, 4, "face", "6 +dark-patches", 6, "doctor",
	  "pigment" },
	{ "dark-patches-early", PRO, 0, R(DARK_SKIN), 0, "face", "0 +dark-patches", 0,
	  "doctor", "pigment" },
	{ "dark-patches-early", PRO, 0, 0, 3, "face", "0 +dark-patches", 0, "watch",
	  "pigment" },
	{ "light-patches-early", PRO, 0, 0, 0, "face", "6 +light-patches", 6, "watch",
	  "pigment" },
	{ "actives-early", PRO, 0, 0, 0, "face", "6 c:actives", 6, "watch", "care" },
	{ "actives-early", PRO, 0, 0, 0, "face", "7 c:actives", -1, NULL, NULL },
	{ "sun-early", PRO, 0, 0, 0, "face", "13 c:sun", 13, "watch", "care" },
	{ "sun-early", PRO, 0, 0, 0, "face", "14 c:sun", -1, NULL, NULL },
	{ "makeup-early", PRO, 0, 0, 0, "face", "1 c:makeup", 1, "watch", "care" },
	{ "makeup-early", PRO, 0, 0, 0, "face", "2 c:makeup", -1, NULL, NULL },
	/* sunscreen is good care: nothing */
	{ "sun-early", PRO, 0, 0, 0, "face", "1 c:sunscreen", -1, NULL, NULL },
};

static void test_every_rule(void **state)
{
	int covered[64] = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++) {
		const struct rule_case *rc = &rule_cases[i];
		struct hg_recovery r;
		struct result res;
		const struct hg_flag *f = NULL;
		const struct hg_finding *fi;

		rec_init(&r, rc->dev, rc->depth, rc->risks, rc->skin, rc->area);
		rec_days(&r, rc->days);
		res = eval(&r);
		fi = finding(&res, rc->rule, &f);
		if (rc->day < 0 && fi) {
			print_flags(&res);
			fail_msg("case %zu: %s matched \"%s\"", i, rc->rule, rc->days);
		}
		if (rc->day >= 0) {
			if (!fi || !f) {
				print_flags(&res);
				fail_msg("case %zu: %s did not match \"%s\"", i, rc->rule, rc->days);
				continue;
			}
			if (fi->day != rc->day || strcmp(rules_level_name(fi->level), rc->level) ||
			    strcmp(rules_kind_name(f->kind), rc->kind)) {
				print_flags(&res);
				fail_msg("case %zu: %s on day %d, %s, %s; expected day %d, %s, %s", i,
				         rc->rule, fi->day, rules_level_name(fi->level),
				         rules_kind_name(f->kind), rc->day, rc->level, rc->kind);
			}
			for (size_t k = 0; k < rules_count(); k++)
				if (strcmp(rules_info(k)->id, rc->rule) == 0)
					covered[k] = 1;
		}
		res_free(&res);
		model_recovery_free(&r);
	}
	for (size_t k = 0; k < rules_count(); k++)
		if (!rules_info(k)->once && !covered[k])
			fail_msg("no case matches rule %s", rules_info(k)->id);
}

/* ---- known, clear, settled -------------------------------------------- */

/* Signs not assessed can neither match nor clear a sign rule; unrated
 * days cannot clear a rating rule. */
static void test_not_assessed(void **state)
{
	struct hg_recovery r;
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");
	/* pus on day 3; days 4-7 give ratings only; then three clear days */
	rec_days(&r, "3 +pus|4 R1 ns|5 R1 ns|6 R0 ns|7 R0 ns|8|9|10");
	res = eval(&r);
	f = flag_by_id(&res, "infection@3");
	assert_non_null(f);
	assert_int_equal(f->status, HG_STATUS_SETTLED);
	assert_int_equal(f->settled_day, 10);
	assert_int_equal(f->since, 10);
	res_free(&res);
	model_recovery_free(&r);

	/* a rating rule is not cleared by a day that does not rate it */
	rec_init(&r, PRO, 0, 0, 0, "face");
	rec_days(&r, "10 R1|11 S0|12 S0|13 S0|14 R0|15 R0");
	res = eval(&r);
	f = flag_by_id(&res, "healing@10");
	assert_non_null(f);
	assert_int_equal(f->status, HG_STATUS_OPEN);
	res_free(&res);
	rec_days(&r, "16 R0");
	res = eval(&r);
	f = flag_by_id(&res, "healing@10");
	assert_int_equal(f->status, HG_STATUS_SETTLED);
	assert_int_equal(f->settled_day, 16);
	res_free(&res);
	model_recovery_free(&r);
}

/* One problem per kind: pus and fever and rising redness are one
 * infection flag; its level is the highest finding's; findings keep their
 * first and last days; the message leads with the highest finding and
 * names the others after "also:", a temperature with its value. */
static void test_grouping(void **state)
{
	struct hg_recovery r;
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "2 R1|3 R2 +crusting|4 R2 +pus t384|5 +pus|6 +bumps");
	res = eval(&r);
	assert_int_equal(res.n, 2);
	f = flag_by_id(&res, "infection@3");
	assert_non_null(f);
	assert_int_equal(f->level, HG_LEVEL_URGENT);
	assert_int_equal(f->day, 3);
	assert_int_equal(f->last_day, 5);
	assert_int_equal(f->nfindings, 5);
	/* by first day, then rule */
	assert_string_equal(f->findings[0].rule, "crusting");
	assert_string_equal(f->findings[1].rule, "infection-signs");
	assert_string_equal(f->findings[2].rule, "redness-rising");
	assert_string_equal(f->findings[3].rule, "fever");
	assert_string_equal(f->findings[4].rule, "pus");
	assert_int_equal(f->findings[4].day, 4);
	assert_int_equal(f->findings[4].last_day, 5);
	/* infection-signs (urgent, day 3) leads: earliest among the urgent */
	if (!strstr(f->message, "together on day 3") || !strstr(f->message, "also: ") ||
	    !strstr(f->message, "fever 38.4 \u00b0C") || !strstr(f->message, "pus"))
		fail_msg("message: %s", f->message);
	/* infection messages below emergency end with the safety net */
	if (!strstr(f->message, "Get care today if it spreads, or you get a fever or feel"
	                        " unwell."))
		fail_msg("no safety net: %s", f->message);
	assert_non_null(flag_by_id(&res, "reaction@6"));
	/* sorted by level, day, kind */
	assert_string_equal(res.f[0].id, "infection@3");
	res_free(&res);
	model_recovery_free(&r);
}

/* Settling: three clear check-in days after the last match, gaps allowed,
 * days neither clear nor matching skipped; a later match starts a new
 * flag; a gap without clear days does not settle. */
static void test_settle_and_return(void **state)
{
	struct hg_recovery r;
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");
	rec_days(&r, "3 +pus|4|9 ns R0|12");
	res = eval(&r);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_OPEN);       /* two clear days only */
	res_free(&res);
	rec_days(&r, "20|22 +pus");
	res = eval(&r);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_SETTLED);
	assert_int_equal(f->settled_day, 20);
	f = flag_by_id(&res, "infection@22");
	assert_non_null(f);
	assert_int_equal(f->status, HG_STATUS_OPEN);
	res_free(&res);
	model_recovery_free(&r);

	/* a gap of weeks is no clear day: the flag stays active */
	rec_init(&r, PRO, 0, 0, 0, "face");
	rec_days(&r, "3 +pus|30 +pus");
	res = eval(&r);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.f[0].last_day, 30);
	res_free(&res);
	model_recovery_free(&r);
}

/* ---- actions: in care, back, alerts ----------------------------------- */

static int alert_on(const struct hg_recovery *r, const struct hg_action *a, size_t na,
                    int day, const char *id)
{
	struct hg_day d;
	int alert = -1;

	assert_int_equal(rules_day(r, a, na, day, &d), 0);
	for (size_t i = 0; i < d.nflags; i++)
		if (strcmp(d.flags[i].id, id) == 0)
			alert = (int)d.flags[i].alert;
	rules_day_free(&d);
	return alert;
}

/* a. worse after care: the level rises above its level on the action's
 * date. */
static void test_back_worse(void **state)
{
	struct hg_recovery r;
	struct hg_action a[1];
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "8 +dark-patches|9 +dark-patches|10 +dark-patches +bumps");
	act(&a[0], 1, 8, HG_BY_SELF, "pigment", 8);      /* a doctor-level flag */
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "pigment@8");
	assert_int_equal(f->status, HG_STATUS_IN_CARE);
	assert_int_equal(f->since, 8);
	assert_int_equal(f->clinician_seen, 0);
	res_free(&res);
	model_recovery_free(&r);
	model_action_free(&a[0]);

	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +crusting|4 +crusting|5 +crusting +pus|6 +pus");
	act(&a[0], 1, 3, HG_BY_CLINICIAN, "infection", 3);
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_OPEN);
	assert_int_equal(f->back_day, 5);
	assert_int_equal(f->since, 5);
	assert_int_equal(f->clinician_seen, 1);
	if (!strstr(f->message, "day 5, 2 days after 'cefalexin from the GP' (11-26)"))
		fail_msg("back message: %s", f->message);
	assert_int_equal(alert_on(&r, a, 1, 3, "infection@3"), HG_ALERT_NEW);
	assert_int_equal(alert_on(&r, a, 1, 4, "infection@3"), HG_ALERT_NONE);
	assert_int_equal(alert_on(&r, a, 1, 5, "infection@3"), HG_ALERT_BACK);
	assert_int_equal(alert_on(&r, a, 1, 6, "infection@3"), HG_ALERT_NONE);
	res_free(&res);
	model_recovery_free(&r);
	model_action_free(&a[0]);
}

/* A day's flag in care names the covering action as the caller's own,
 * which stays valid after rules_day returns (the day editor reads its
 * date while drawing). */
static void test_day_care_is_callers_action(void **state)
{
	struct hg_recovery r;
	struct hg_action a[2];
	struct hg_day d;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "2 +pus|3 +pus");
	act(&a[0], 1, 1, HG_BY_SELF, "pigment", 1);        /* before, names another */
	act(&a[1], 2, 2, HG_BY_CLINICIAN, "infection", 2);
	assert_int_equal(rules_day(&r, a, 2, 3, &d), 0);
	assert_int_equal(d.nflags, 1);
	assert_int_equal(d.flags[0].status, HG_STATUS_IN_CARE);
	assert_ptr_equal(d.flags[0].care, &a[1]);
	rules_day_free(&d);
	model_recovery_free(&r);
	model_action_free(&a[0]);
	model_action_free(&a[1]);
}

/* b. a serious finding new since the action (fever joining pus); c. an
 * infection still serious three days after care. */
static void test_back_new_sign_and_not_better(void **state)
{
	struct hg_recovery r;
	struct hg_action a[2];
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +pus|4 +pus +fever");
	act(&a[0], 1, 3, HG_BY_CLINICIAN, "infection", 3);
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_OPEN);
	assert_int_equal(f->back_day, 4);
	res_free(&res);
	model_recovery_free(&r);

	/* c: pus on days 4 and 5 after care on day 3 is not back yet; day 6 is */
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +pus|4 +pus|5 +pus");
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_IN_CARE);
	assert_int_equal(f->since, 3);
	res_free(&res);
	rec_days(&r, "6 +pus");
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_OPEN);
	assert_int_equal(f->back_day, 6);
	if (!strstr(f->message, "Pus still there on day 6, 3 days after 'cefalexin from the"
	                        " GP' (11-26): get medical care today"))
		fail_msg("back message: %s", f->message);
	assert_int_equal(alert_on(&r, a, 1, 6, "infection@3"), HG_ALERT_BACK);
	res_free(&res);
	/* a later covering action makes it in care again, since its date */
	act(&a[1], 2, 7, HG_BY_CLINICIAN, "infection", 3);
	res = eval_with(&r, a, 2);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_IN_CARE);
	assert_int_equal(f->since, 7);
	assert_int_equal(f->nactions, 2);
	assert_ptr_equal(f->care, &a[1]);
	res_free(&res);
	model_recovery_free(&r);
	model_action_free(&a[0]);
	model_action_free(&a[1]);

	/* c is for infections only: a bleeding flag still urgent is not back */
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 L3|4 L3|8 L3");
	act(&a[0], 1, 3, HG_BY_CLINICIAN, "bleeding", 3);
	res = eval_with(&r, a, 1);
	assert_int_equal(flag_by_id(&res, "bleeding@3")->status, HG_STATUS_IN_CARE);
	res_free(&res);
	model_recovery_free(&r);
	model_action_free(&a[0]);
}

/* A self action on an urgent flag is kept but covers nothing; on a
 * doctor-level flag it covers.  Version 2's actions (no `by`) count as a
 * clinician's. */
static void test_self_action(void **state)
{
	struct hg_recovery r;
	struct hg_action a[1];
	struct result res;
	const struct hg_flag *f;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +pus|4 +pus");
	act(&a[0], 1, 3, HG_BY_SELF, "infection", 3);
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_OPEN);
	assert_int_equal(f->nactions, 1);
	assert_int_equal(f->self_only_urgent, 1);
	assert_int_equal(f->clinician_seen, 0);
	res_free(&res);
	model_action_free(&a[0]);
	act(&a[0], 1, 3, HG_BY_UNRECORDED, "infection", 3);
	res = eval_with(&r, a, 1);
	f = flag_by_id(&res, "infection@3");
	assert_int_equal(f->status, HG_STATUS_IN_CARE);
	assert_int_equal(f->clinician_seen, 1);
	res_free(&res);
	model_recovery_free(&r);
	model_action_free(&a[0]);
}

/* worse: the level rises while open, not when a clinician saw the day;
 * an action before the flag's first day covers nothing. */
static void test_worse_alert(void **state)
{
	struct hg_recovery r;
	struct hg_action a[1];

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +crusting|4 +crusting|5 +pus");
	assert_int_equal(alert_on(&r, NULL, 0, 5, "infection@3"), HG_ALERT_WORSE);
	assert_int_equal(alert_on(&r, NULL, 0, 4, "infection@3"), HG_ALERT_NONE);
	act(&a[0], 1, 5, HG_BY_CLINICIAN, "infection", 3);
	assert_int_equal(alert_on(&r, a, 1, 5, "infection@3"), HG_ALERT_NONE);
	model_action_free(&a[0]);
	act(&a[0], 1, 2, HG_BY_CLINICIAN, "infection", 2);
	assert_int_equal(alert_on(&r, a, 1, 5, "infection@3"), HG_ALERT_WORSE);
	model_action_free(&a[0]);
	/* a day without a check-in shows nothing */
	assert_int_equal(alert_on(&r, NULL, 0, 6, "infection@3"), -1);
	model_recovery_free(&r);
}

/* References find their flag by kind and date, failing that by the
 * action's date; two references landing on one flag count once. */
static void test_references(void **state)
{
	struct hg_recovery r;
	struct hg_action a[1];
	struct result res;
	char pus[] = "pus", id1[] = "infection@3", id2[] = "pigment@8", id3[] = "pus@1",
	     id4[] = "infection@4";
	struct hg_flag_ref ref = { pus, T_DATE + 4, NULL };
	char *ids[] = { id1, id2 };
	struct hg_flag_ref *refs;
	size_t nrefs;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "neck");
	rec_days(&r, "3 +pus|4|5|6|8 +dark-patches");
	res = eval(&r);
	/* a version 2 reference: rule pus, its kind infection */
	assert_string_equal(found_id(rules_find_flag(res.f, res.n, &r.t, &ref, T_DATE + 9)),
	                    "infection@3");
	ref.date = T_DATE + 7;              /* after it settled: the action's date */
	assert_null(rules_find_flag(res.f, res.n, &r.t, &ref, T_DATE + 9));
	assert_string_equal(found_id(rules_find_flag(res.f, res.n, &r.t, &ref, T_DATE + 5)),
	                    "infection@3");
	/* the check for `action add --for` */
	assert_int_equal(rules_check_flag_ids(res.f, res.n, &r.t, T_DATE + 9, ids, 2, &refs,
	                                      &nrefs), HG_OK);
	assert_int_equal(nrefs, 2);
	assert_string_equal(refs[0].kind, "infection");
	assert_int_equal(refs[0].date, T_DATE + 3);
	a[0].resolves = refs;
	a[0].nresolves = nrefs;
	a[0].text = NULL;
	model_action_free(&a[0]);
	ids[1] = id3;
	assert_int_equal(rules_check_flag_ids(res.f, res.n, &r.t, T_DATE + 9, ids, 2, &refs,
	                                      &nrefs), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "no flag pus@1; flags of treatment 1: infection@3,"
	                                " pigment@8");
	hg_error_clear();
	ids[1] = id2;
	assert_int_equal(rules_check_flag_ids(res.f, res.n, &r.t, T_DATE + 7, ids, 2, &refs,
	                                      &nrefs), HG_ERR_INPUT);
	if (!strstr(hg_error(), "after the action's date"))
		fail_msg("%s", hg_error());
	hg_error_clear();
	ids[1] = id4;
	assert_int_equal(rules_check_flag_ids(res.f, res.n, &r.t, T_DATE + 9, ids, 2, &refs,
	                                      &nrefs), HG_ERR_INPUT);
	if (!strstr(hg_error(), "did you mean infection@3?"))
		fail_msg("%s", hg_error());
	hg_error_clear();
	res_free(&res);

	/* two references to one flag collapse into one */
	act(&a[0], 1, 9, HG_BY_CLINICIAN, "infection", 3);
	a[0].resolves = xrealloc(a[0].resolves, 2 * sizeof *a[0].resolves);
	a[0].resolves[1].rule = xstrdup("pus");
	a[0].resolves[1].kind = NULL;
	a[0].resolves[1].date = T_DATE + 4;
	a[0].nresolves = 2;
	res = eval_with(&r, a, 1);
	assert_int_equal(flag_by_id(&res, "infection@3")->nactions, 1);
	res_free(&res);
	model_action_free(&a[0]);
	model_recovery_free(&r);
}

/* ---- one day: alerts, quiet lines, noted signs ------------------------ */

static void test_day_view(void **state)
{
	struct hg_recovery r;
	struct hg_day d;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");
	/* warmth on day 1 is noted even though pain made warmth-pain match */
	rec_days(&r, "1 +warmth +pain +rash|2 c:sunscreen ns");
	assert_int_equal(rules_day(&r, NULL, 0, 1, &d), 0);
	assert_int_equal(d.nflags, 2);
	assert_int_equal(d.noted, HG_BIT(HG_SIGN_WARMTH));
	/* most serious first: the urgent reaction (hives) before the infection */
	assert_string_equal(d.flags[0].id, "reaction@1");
	assert_int_equal(d.flags[0].alert, HG_ALERT_NEW);
	assert_string_equal(d.flags[1].id, "infection@1");
	assert_int_equal(d.flags[1].nfindings, 1);
	assert_string_equal(d.flags[1].findings[0], "warmth-pain");
	rules_day_free(&d);
	model_recovery_free(&r);
}

/* Each finding of a day has its own message and level: airway (first
 * aid) and lips on one day of one reaction flag. */
static void test_day_finding_messages(void **state)
{
	struct hg_recovery r;
	struct hg_day d;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");
	rec_days(&r, "7 +airway +lips");
	assert_int_equal(rules_day(&r, NULL, 0, 7, &d), 0);
	assert_int_equal(d.nflags, 1);
	assert_string_equal(d.flags[0].id, "reaction@7");
	assert_int_equal(d.flags[0].nfindings, 2);
	assert_string_equal(d.flags[0].findings[0], "airway");
	assert_int_equal(d.flags[0].finding_levels[0], HG_LEVEL_EMERGENCY);
	assert_non_null(strstr(d.flags[0].finding_messages[0], "on day 7"));
	assert_non_null(strstr(d.flags[0].finding_messages[0], "adrenaline pen"));
	assert_null(strstr(d.flags[0].finding_messages[0], "lips"));
	assert_string_equal(d.flags[0].findings[1], "lips");
	assert_int_equal(d.flags[0].finding_levels[1], HG_LEVEL_URGENT);
	assert_non_null(strstr(d.flags[0].finding_messages[1], "Swollen lips or face on day 7"));
	assert_non_null(strstr(d.flags[0].finding_messages[1], "get medical care today"));
	rules_day_free(&d);
	model_recovery_free(&r);
}

/* ---- precautions, tracking, looks ------------------------------------- */

static void test_precautions(void **state)
{
	struct hg_treatment t;
	struct hg_precaution *p = NULL;
	size_t n = 0;

	(void)state;
	model_treatment_init(&t);
	t.id = 1;
	t.date = T_DATE;
	t.device = HG_DEVICE_HOME;
	t.depth = 1.0;
	t.risks = R(ACTIVE_INFECTION) | R(METAL_ALLERGY) | R(PREGNANCY) | R(COLD_SORES);
	t.skin_type = 5;
	t.area = xstrdup("face");
	assert_int_equal(rules_precautions(&t, T_DATE - 1, &p, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(p[0].id, "risk-infection");
	assert_int_equal(p[0].level, HG_LEVEL_DOCTOR);
	if (!strstr(p[0].message, "postpone") || !strstr(p[0].message, "this session"))
		fail_msg("planned: %s", p[0].message);
	if (!strstr(p[1].message, "pregnancy and a metal allergy"))
		fail_msg("risk-precaution: %s", p[1].message);
	rules_precautions_free(p, n);
	p = NULL;
	n = 0;
	assert_int_equal(rules_precautions(&t, T_DATE, &p, &n), 0);
	if (!strstr(p[2].message, "your next session"))
		fail_msg("happened: %s", p[2].message);
	rules_precautions_free(p, n);
	model_treatment_free(&t);
}

static void test_tracking_and_looks(void **state)
{
	struct hg_recovery r;
	struct result res;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");         /* D = 5 */
	rec_days(&r, "0 R2|1 R1|5 R0|6 R0|7 R0");
	res = eval(&r);
	/* E - 2 must lie after D: day 8 at the earliest */
	assert_int_equal(rules_tracking_end(&r, res.f, res.n), -1);
	res_free(&res);
	rec_days(&r, "8 R0");
	res = eval(&r);
	assert_int_equal(rules_tracking_end(&r, res.f, res.n), 8);
	assert_int_equal(rules_daily_asked(&r, res.f, res.n, T_DATE + 9), 0);
	res_free(&res);
	/* a later match asks again, until three more days after it */
	rec_days(&r, "9 +pus|10|11");
	res = eval(&r);
	assert_int_equal(rules_tracking_end(&r, res.f, res.n), -1);
	assert_int_equal(rules_daily_asked(&r, res.f, res.n, T_DATE + 12), 1);
	res_free(&res);
	rec_days(&r, "12");
	res = eval(&r);
	assert_int_equal(rules_tracking_end(&r, res.f, res.n), 12);
	res_free(&res);

	/* looks: due from day 42 for 14 days while nothing is checked in on or
	 * after day 42; a later treatment of the same area ends it */
	assert_int_equal(rules_look_due(&r, T_DATE + 41, 0), -1);
	assert_int_equal(rules_look_due(&r, T_DATE + 42, 0), 0);
	assert_int_equal(rules_look_due(&r, T_DATE + 55, 0), 0);
	assert_int_equal(rules_look_due(&r, T_DATE + 56, 0), -1);
	assert_int_equal(rules_look_due(&r, T_DATE + 42, T_DATE + 40), -1);
	assert_int_equal(rules_look_next(&r, T_DATE + 20, 0), 0);
	assert_int_equal(rules_look_due(&r, T_DATE + 170, 0), 2);
	assert_int_equal(rules_look_due(&r, T_DATE + 180, 0), -1);
	rec_days(&r, "43 R0");
	assert_int_equal(rules_look_due(&r, T_DATE + 44, 0), -1);
	assert_int_equal(rules_look_next(&r, T_DATE + 44, 0), 1);
	assert_int_equal(rules_look_day(1), 84);
	model_recovery_free(&r);
}

/* ---- names, areas, downtime ------------------------------------------- */

static void test_names_and_areas(void **state)
{
	struct hg_treatment t;
	const char *name;
	int day;

	(void)state;
	assert_string_equal(rules_kind_name(HG_KIND_COLD_SORE), "cold-sore");
	assert_int_equal(rules_kind_lookup("illness"), HG_KIND_ILLNESS);
	assert_int_equal(rules_kind_lookup("precaution"), -1);
	assert_string_equal(rules_status_name(HG_STATUS_IN_CARE), "in-care");
	assert_null(rules_alert_name(HG_ALERT_NONE));
	assert_string_equal(rules_alert_name(HG_ALERT_BACK), "back");
	assert_true(rules_area_face("Left CHEEK"));
	assert_true(rules_area_face("jaw-line and jaw"));
	assert_false(rules_area_face("cheekbone"));
	assert_false(rules_area_face("neck"));
	assert_true(rules_area_eye("around the eyes"));
	assert_false(rules_area_eye("eyebrow"));
	model_treatment_init(&t);
	t.area = xstrdup("face");
	t.risks = R(COLD_SORES);
	assert_int_equal(rules_rule_kind("crusting", &t), HG_KIND_COLD_SORE);
	assert_int_equal(rules_rule_kind("breathing", &t), HG_KIND_REACTION);
	assert_int_equal(rules_rule_kind("lips", &t), HG_KIND_REACTION);
	assert_int_equal(rules_rule_kind("home-deep", &t), -1);
	t.device = HG_DEVICE_HOME;
	assert_int_equal(rules_downtime(&t), 3);
	t.depth = 1.5;
	assert_int_equal(rules_downtime(&t), 5);
	t.depth = 2.5;
	assert_int_equal(rules_downtime(&t), 7);
	model_treatment_free(&t);
	assert_int_equal(rules_parse_flag_id("infection@10", &name, &day), 0);
	assert_string_equal(name, "infection");
	assert_int_equal(day, 10);
	assert_int_equal(rules_parse_flag_id("breathing@2", &name, &day), 0);
	assert_int_equal(rules_parse_flag_id("pus@03", &name, &day), -1);
	assert_int_equal(rules_parse_flag_id("nothing@3", &name, &day), -1);
}

/* Linear: 100,000 check-ins evaluate without trouble. */
static void test_many_checkins(void **state)
{
	struct hg_recovery r;
	struct result res;

	(void)state;
	rec_init(&r, PRO, 0, 0, 0, "face");
	r.days = xcalloc(100000, sizeof *r.days);
	for (int i = 0; i < 100000; i++) {
		struct hg_checkin *c = &r.days[r.ndays++];

		model_checkin_init(c);
		c->day = i;
		c->signs_assessed = c->care_assessed = 1;
		c->rating[HG_REDNESS] = i % 7 == 0 ? 2 : 0;
		c->signs = i % 11 == 0 ? HG_BIT(HG_SIGN_PUS) : 0;
	}
	res = eval(&r);
	assert_true(res.n > 1000);
	res_free(&res);
	model_recovery_free(&r);
}

/* ---- the manual ------------------------------------------------------- */

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 16, len = 0, got;
	char *buf;

	if (!f)
		fail_msg("cannot open %s", path);
	buf = xmalloc(cap + 1);
	do {
		if (len == cap) {
			cap *= 2;
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
 * ".TP", ".B id" (hyphens written \-), then "kind, level:" (with
 * "(escalates)" after the level when it may escalate), and a "Source:"
 * line; precautions say "precaution" for the kind.  The manual lists no
 * rule the table does not have.  LEVELS names every level's action in
 * the table's words. */
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
	for (int l = 0; l < HG_LEVEL_COUNT; l++)
		if (!strstr(levels, rules_level_action((enum hg_level)l)))
			fail_msg("LEVELS lacks \"%s\"", rules_level_action((enum hg_level)l));
	sec = strstr(man, "\n.SH WARNING RULES\n");
	if (!sec)
		fail_msg("%s has no WARNING RULES section", path);
	sec = strstr(sec, "\n.SS Rules\n");
	if (!sec)
		fail_msg("WARNING RULES has no Rules subsection");
	sec += strlen("\n.SS Rules\n");
	end = strstr(sec, "\n.SH");
	if (end)
		*end = '\0';
	for (p = strstr(sec, ".TP\n.B "); p; p = strstr(p, ".TP\n.B ")) {
		char id[64], want[128];
		size_t k = 0, r;
		const char *line, *next, *src;

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
		snprintf(want, sizeof want, "%s, %s%s:", rules_kind_name(rules_info(r)->kind),
		         rules_level_name(rules_info(r)->level),
		         rules_info(r)->escalation ? " (escalates)" : "");
		if (strncmp(line, want, strlen(want)) != 0)
			fail_msg("manual entry of %s should start \"%s\"", id, want);
		next = strstr(line, ".TP\n");
		src = strstr(line, "Source:");
		if (!src || (next && src > next))
			fail_msg("manual entry of %s has no Source:", id);
		entries++;
	}
	for (size_t r = 0; r < rules_count(); r++)
		if (!seen[r])
			fail_msg("rule %s is missing from the manual's WARNING RULES",
			         rules_info(r)->id);
	assert_int_equal(entries, rules_count());
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule),
		cmocka_unit_test(test_not_assessed),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_settle_and_return),
		cmocka_unit_test(test_back_worse),
		cmocka_unit_test(test_day_care_is_callers_action),
		cmocka_unit_test(test_back_new_sign_and_not_better),
		cmocka_unit_test(test_self_action),
		cmocka_unit_test(test_worse_alert),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_day_view),
		cmocka_unit_test(test_day_finding_messages),
		cmocka_unit_test(test_precautions),
		cmocka_unit_test(test_tracking_and_looks),
		cmocka_unit_test(test_names_and_areas),
		cmocka_unit_test(test_many_checkins),
		cmocka_unit_test(test_manual_lists_every_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
