/* test_report.c — the report's shared summary (peak day, days to clear,
 * comparison), each format's promises (80 columns, escaping, gaps never
 * drawn as zeros), atomic output files, and the import/export modules on
 * real temporary databases. */
#include "config.h"

#include <dirent.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"
#include "healgrid/atomicfile.h"
#include "healgrid/csv.h"
#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/import.h"
#include "healgrid/report.h"
#include "healgrid/util.h"

enum { N = HG_UNRATED };

/* ---- building recoveries in memory ------------------------------------- */

static int day_of(const char *s)
{
	int d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void rec_init(struct hg_recovery *r, int64_t id, const char *date, const char *area)
{
	memset(r, 0, sizeof *r);
	model_treatment_init(&r->t);
	r->t.id = id;
	r->t.date = day_of(date);
	r->t.area = xstrdup(area);
	r->t.products = xstrdup("");
	r->t.note = xstrdup("");
}

static void rec_day(struct hg_recovery *r, int day, int red, int swell, int bruise, int bleed,
		    unsigned signs, const char *note)
{
	struct hg_checkin *c;

	r->days = xrealloc(r->days, (r->ndays + 1) * sizeof *r->days);
	c = &r->days[r->ndays++];
	model_checkin_init(c);
	c->treatment_id = r->t.id;
	c->day = day;
	c->rating[HG_REDNESS] = red;
	c->rating[HG_SWELLING] = swell;
	c->rating[HG_BRUISING] = bruise;
	c->rating[HG_BLEEDING] = bleed;
	c->signs = signs;
	c->signs_assessed = c->care_assessed = 1;
	c->note = xstrdup(note ? note : "");
}

/* The report of r[0..n) (oldest first), as report_write_db hands the
 * treatments over. */
static int report_array(FILE *out, const struct hg_recovery *r, size_t n, int64_t tid,
			enum report_format f, int today)
{
	struct report_run *run = report_start(out, f, tid, today);

	for (size_t i = 0; i < n && report_wants_more(run); i++)
		report_add(run, &r[i]);
	return report_finish(run);
}

/* The report of tid (0: all) as a malloc'd string. */
static char *render(const struct hg_recovery *r, size_t n, int64_t tid, enum report_format f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(report_array(out, r, n, tid, f, day_of("2026-11-10")), HG_OK);
	fclose(out);
	if (getenv("TEST_REPORT_SHOW"))     /* to look at what a test sees */
		fputs(buf, stderr);
	return buf;
}

/* ---- the summary ------------------------------------------------------- */

/* text with every run of spaces and line breaks made one space, so checks
 * do not depend on where a line wraps.  Frees text, returns its own. */
static char *flat(char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;

	for (const char *p = text; *p; p++) {
		if (*p == ' ' || *p == '\n') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	free(text);
	return out;
}

static void summary_peak_and_clear(void **state)
{
	struct hg_recovery r;
	struct report_summary s;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 2, 0, N, 1, 0, NULL);
	rec_day(&r, 1, 3, 0, N, 0, 0, NULL);
	rec_day(&r, 2, 3, N, N, N, 0, NULL);
	rec_day(&r, 3, 0, N, N, 0, 0, NULL);
	rec_day(&r, 5, 1, N, N, N, 0, NULL);   /* redness comes back ... */
	rec_day(&r, 6, N, N, N, N, 0, NULL);   /* ... an unrated day is skipped ... */
	rec_day(&r, 8, 0, N, N, N, 0, NULL);   /* ... and clears again on day 8 */
	report_summarize(&r, &s);

	assert_int_equal(s.checkins, 7);
	assert_int_equal(s.last_day, 8);
	assert_int_equal(s.downtime, 5);      /* professional, depth unknown */
	/* redness: peak 3 first on day 1, rated none from day 8 */
	assert_int_equal(s.s[HG_REDNESS].peak, 3);
	assert_int_equal(s.s[HG_REDNESS].peak_day, 1);
	assert_int_equal(s.s[HG_REDNESS].clear, REPORT_CLEARED);
	assert_int_equal(s.s[HG_REDNESS].clear_day, 8);
	assert_int_equal(s.s[HG_REDNESS].rated, 6);
	/* swelling: rated, never above none */
	assert_int_equal(s.s[HG_SWELLING].peak, 0);
	assert_int_equal(s.s[HG_SWELLING].peak_day, -1);
	assert_int_equal(s.s[HG_SWELLING].clear, REPORT_NEVER);
	assert_int_equal(s.s[HG_SWELLING].clear_day, -1);
	/* bruising: never rated at all, which is not "none" */
	assert_int_equal(s.s[HG_BRUISING].peak, HG_UNRATED);
	assert_int_equal(s.s[HG_BRUISING].clear, REPORT_UNRATED);
	/* bleeding: 1 on day 0, none from day 1 */
	assert_int_equal(s.s[HG_BLEEDING].peak_day, 0);
	assert_int_equal(s.s[HG_BLEEDING].clear, REPORT_CLEARED);
	assert_int_equal(s.s[HG_BLEEDING].clear_day, 1);
	model_recovery_free(&r);
}

static void summary_not_yet_cleared(void **state)
{
	struct hg_recovery r;
	struct report_summary s;
	char *text;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 2, N, N, N, 0, NULL);
	rec_day(&r, 1, 0, N, N, N, 0, NULL);
	rec_day(&r, 4, 1, N, N, N, 0, NULL);
	report_summarize(&r, &s);
	assert_int_equal(s.s[HG_REDNESS].clear, REPORT_NOT_YET);
	assert_int_equal(s.s[HG_REDNESS].clear_day, -1);
	assert_int_equal(s.s[HG_REDNESS].last_day, 4);
	assert_int_equal(s.s[HG_REDNESS].last, 1);
	text = flat(render(&r, 1, 1, REPORT_TEXT));
	assert_non_null(strstr(text, " Redness: 1 mild on day 4 (worse than day 1); peak 2 moderate"
				     " on day 0; not cleared "));
	assert_non_null(strstr(text, " Swelling: not rated at the last check-in "));
	free(text);
	model_recovery_free(&r);
}

/* ---- comparison with earlier treatments ------------------------------- */

/* ---- rebounds, honest days to clear, temperature, the photo strip ------ */

/* One symptom (redness) rated v[0..n) on days 0..n-1; N leaves a day unrated
 * (swelling is rated 0 on every day, so each day is a check-in). */
static void redness_days(struct hg_recovery *r, const int *v, size_t n)
{
	rec_init(r, 1, "2026-11-01", "face");
	for (size_t i = 0; i < n; i++)
		rec_day(r, (int)i, v[i], 0, N, N, 0, NULL);
}

static void rebound_rules(void **state)
{
	static const struct {
		int v[8];
		size_t n;
		int nrebound;
		int days[3];
	} cases[] = {
		{ { 3, 1, 2 }, 3, 1, { 2 } },              /* down, then up again */
		{ { 2, 2, 1, 1, 3 }, 5, 1, { 4 } },        /* the peak lies further back */
		{ { 1, 2 }, 2, 0, { 0 } },                 /* never high before: rising, not back */
		{ { 0, 1, 2, 3 }, 4, 0, { 0 } },
		{ { 2, 3 }, 2, 0, { 0 } },                 /* still high: no rebound */
		{ { 2, 1, N, 2 }, 4, 1, { 3 } },           /* an unrated day is skipped */
		{ { 2, N, 2 }, 3, 0, { 0 } },              /* never came down */
		{ { 3, 0, 2, 0, 3 }, 5, 2, { 2, 4 } },     /* twice */
		{ { 2, 1, 1 }, 3, 0, { 0 } },              /* came down and stayed */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hg_recovery r;
		struct report_summary s;

		redness_days(&r, cases[i].v, cases[i].n);
		report_summarize(&r, &s);
		if (s.s[HG_REDNESS].nrebound != cases[i].nrebound)
			fail_msg("case %zu: %d rebounds, want %d", i, s.s[HG_REDNESS].nrebound,
				 cases[i].nrebound);
		for (int k = 0; k < cases[i].nrebound; k++)
			assert_int_equal(s.s[HG_REDNESS].rebound_day[k], cases[i].days[k]);
		assert_int_equal(s.s[HG_SWELLING].nrebound, 0);
		model_recovery_free(&r);
	}
}

static void rebound_in_words(void **state)
{
	struct hg_recovery r;
	struct report_summary s;
	struct strbuf sb = STRBUF_INIT;
	char *text;

	(void)state;
	/* 3 0 2 0 2 0 ...: a rebound every other day, more than are kept */
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 3, 0, N, N, 0, NULL);
	for (int d = 1; d <= 2 * (REPORT_REBOUND_MAX + 2); d++)
		rec_day(&r, d, d % 2 ? 0 : 2, 0, N, N, 0, NULL);
	rec_day(&r, 2 * (REPORT_REBOUND_MAX + 2) + 1, 0, 0, N, N, 0, NULL);
	report_summarize(&r, &s);
	assert_int_equal(s.s[HG_REDNESS].nrebound, REPORT_REBOUND_MAX + 2);
	assert_int_equal(s.s[HG_REDNESS].rebound_day[REPORT_REBOUND_MAX - 1], 2 * REPORT_REBOUND_MAX);
	assert_int_equal(s.s[HG_REDNESS].clear, REPORT_CLEARED);
	assert_int_equal(s.s[HG_REDNESS].clear_day, 2 * (REPORT_REBOUND_MAX + 2) + 1);
	text = render(&r, 1, 1, REPORT_MARKDOWN);     /* one line, never wrapped */
	assert_non_null(strstr(text, "rebound days 2, 4, 6, 8, 10, 12, 14, 16 and 2 more;"));
	free(text);
	text = render(&r, 1, 1, REPORT_JSON);
	assert_non_null(strstr(text, "\"rebounds\": 10, \"rebound_days\": [2, 4, 6, 8, 10, 12, 14, 16]"));
	free(text);
	sb_free(&sb);
	model_recovery_free(&r);
}

static void clear_stays_honest(void **state)
{
	struct hg_recovery r;
	struct report_summary s;
	char *text;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	/* redness: none on day 1, up again on day 2, none from day 3 */
	/* swelling: 1 on day 0 only, never rated since; later check-ins rate
	 * redness */
	/* bruising: 2 on day 1, last rated 1 on day 3, unrated on day 4 */
	/* bleeding: 1 on the last check-in */
	rec_day(&r, 0, 2, 1, N, 0, 0, NULL);
	rec_day(&r, 1, 0, N, 2, 0, 0, NULL);
	rec_day(&r, 2, 1, N, 2, 0, 0, NULL);
	rec_day(&r, 3, 0, N, 1, 0, 0, NULL);
	rec_day(&r, 4, 0, N, N, 1, 0, NULL);
	report_summarize(&r, &s);
	assert_int_equal(s.s[HG_REDNESS].clear, REPORT_CLEARED);
	assert_int_equal(s.s[HG_REDNESS].clear_day, 3);     /* not day 1 */
	assert_int_equal(s.s[HG_SWELLING].clear, REPORT_LAST_RATED);
	assert_int_equal(s.s[HG_SWELLING].last_day, 0);
	assert_int_equal(s.s[HG_BRUISING].clear, REPORT_LAST_RATED);
	assert_int_equal(s.s[HG_BRUISING].last_day, 3);
	assert_int_equal(s.s[HG_BRUISING].clear_day, -1);
	assert_int_equal(s.s[HG_BLEEDING].clear, REPORT_NOT_YET);
	text = flat(render(&r, 1, 1, REPORT_TEXT));
	assert_non_null(strstr(text, " Redness: 0 none on day 4 (same as day 3); peak 2 moderate on"
				     " day 0; cleared day 3 "));
	assert_non_null(strstr(text, " Swelling: not rated at the last check-in; last rated 1 mild on"
				     " day 0; peak 1 mild on day 0; not cleared "));
	assert_non_null(strstr(text, " Bruising: not rated at the last check-in; last rated 1 mild on"
				     " day 3; peak 2 moderate on day 1; not cleared "));
	assert_non_null(strstr(text, " Bleeding: 1 mild on day 4 (worse than day 3); peak 1 mild on"
				     " day 4; not cleared "));
	free(text);
	text = render(&r, 1, 1, REPORT_JSON);
	assert_non_null(strstr(text, "\"swelling\": {\"rated_days\": 1, \"peak\": 1, \"peak_day\": 0,"
				     " \"status\": \"last-rated\""));
	free(text);
	model_recovery_free(&r);

	/* Rated none on day 0 only, never since: never above none, not "not yet". */
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 0, 0, N, N, 0, NULL);
	rec_day(&r, 1, 0, N, N, N, 0, NULL);
	report_summarize(&r, &s);
	assert_int_equal(s.s[HG_SWELLING].clear, REPORT_NEVER);
	text = render(&r, 1, 1, REPORT_TEXT);
	assert_null(strstr(text, "not yet"));
	assert_null(strstr(text, "not cleared"));
	free(text);
	model_recovery_free(&r);
}

static void temperature_above_normal(void **state)
{
	struct hg_recovery r;
	struct report_summary s;
	char buf[96];

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 1, N, N, N, 0, NULL);
	report_summarize(&r, &s);
	assert_int_equal(s.high_day, -1);
	report_high_text(&s, buf, sizeof buf);
	assert_string_equal(buf, "none at 37.5 C or above, no fever ticked");
	r.days[0].temp = REPORT_TEMP_HIGH - 1;           /* 37.4: normal */
	report_summarize(&r, &s);
	assert_int_equal(s.high_day, -1);
	rec_day(&r, 2, 1, N, N, N, 0, NULL);
	r.days[1].temp = REPORT_TEMP_HIGH;               /* 37.5: above normal */
	rec_day(&r, 3, 1, N, N, N, HG_BIT(HG_SIGN_FEVER), NULL);   /* fever, not measured */
	rec_day(&r, 4, 1, N, N, N, 0, NULL);
	r.days[3].temp = 368;
	report_summarize(&r, &s);
	assert_int_equal(s.high_day, 3);
	assert_int_equal(s.high_temp, HG_TEMP_NONE);
	report_high_text(&s, buf, sizeof buf);
	assert_string_equal(buf, "fever ticked on day 3, the last above normal");
	r.days[2].signs = 0;
	report_summarize(&r, &s);
	assert_int_equal(s.high_day, 2);
	report_high_text(&s, buf, sizeof buf);
	assert_string_equal(buf, "37.5 C on day 2, the last at 37.5 C or above");
	model_recovery_free(&r);
}

static void strip_picks_first_last_and_between(void **state)
{
	size_t pick[REPORT_STRIP_MAX], n;
	static const int few[] = { 0, 0, 3, 5, 5, 5 };        /* three days */
	static const int many[] = { 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10 }; /* ten days */

	(void)state;
	assert_int_equal(report_strip_pick(few, 0, NULL, NULL, 0, pick), 0);
	n = report_strip_pick(few, 6, NULL, NULL, 0, pick);
	assert_int_equal(n, 3);
	assert_int_equal(few[pick[0]], 0);
	assert_int_equal(pick[0], 0);
	assert_int_equal(few[pick[1]], 3);
	assert_int_equal(pick[2], 3);                       /* the first photo of day 5 */
	n = report_strip_pick(many, 11, NULL, NULL, 0, pick);
	assert_int_equal(n, REPORT_STRIP_MAX);
	assert_int_equal(many[pick[0]], 1);                 /* the first day */
	assert_int_equal(many[pick[REPORT_STRIP_MAX - 1]], 10);  /* the latest */
	for (size_t i = 1; i < n; i++)
		assert_true(many[pick[i]] > many[pick[i - 1]]); /* one a day, in order */
}

/* Each problem's worst day gets its photo (the first on or after it,
 * within the problem's days), before days spread evenly. */
static void strip_picks_problem_days(void **state)
{
	static const int days[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20 };
	static const int want[] = { 13, 7, 15, 30 }, last[] = { 13, 7, 19, 40 };
	size_t pick[REPORT_STRIP_MAX], n;
	int seen13 = 0, seen7 = 0, seen20 = 0;

	(void)state;
	n = report_strip_pick(days, 16, want, last, 4, pick);
	assert_int_equal(n, REPORT_STRIP_MAX);
	assert_int_equal(days[pick[0]], 0);
	assert_int_equal(days[pick[n - 1]], 20);
	for (size_t i = 0; i < n; i++) {
		seen13 |= days[pick[i]] == 13;
		seen7 |= days[pick[i]] == 7;
		if (i + 1 < n)
			seen20 |= days[pick[i]] == 20;
		if (i)
			assert_true(days[pick[i]] > days[pick[i - 1]]);
	}
	assert_true(seen13);
	assert_true(seen7);
	/* day 15 has no photo and day 20 lies past that problem's days */
	assert_false(seen20);
}

static void comparison_lists_five_and_averages_all(void **state)
{
	struct hg_recovery r[8];
	char *json, *text, *p;

	(void)state;
	/* seven earlier treatments whose redness clears on day 1..7 */
	for (int i = 0; i < 8; i++) {
		char date[HG_DATE_LEN];

		date_format(day_of("2026-01-01") + i * 30, date);
		rec_init(&r[i], i + 1, date, "face");
		rec_day(&r[i], 0, 2, N, N, N, 0, NULL);
		rec_day(&r[i], i + 1, 0, N, N, N, 0, NULL);
	}
	json = render(r, 8, 8, REPORT_JSON);
	assert_non_null(strstr(json, "\"earlier_count\": 7"));
	/* (1+...+7)/7 = 4.00 over 7 that cleared */
	assert_non_null(strstr(json, "\"average_clear_day\": {\"redness\": 4.00, \"swelling\": null"));
	assert_non_null(strstr(json, "\"average_of\": {\"redness\": 7, \"swelling\": 0"));
	/* five listed, most recent first: treatments 7, 6, 5, 4, 3 */
	p = strstr(json, "\"earlier\": [{\"treatment\": 7");
	assert_non_null(p);
	assert_non_null(strstr(p, "{\"treatment\": 3"));
	assert_null(strstr(p, "{\"treatment\": 2,"));
	text = flat(render(r, 8, 8, REPORT_TEXT));
	assert_non_null(strstr(text, " this one: 2026-07-30 face 8 ? ? ? "));
	assert_non_null(strstr(text, " #3: 2026-03-02 face 3 ? ? ? "));
	assert_non_null(strstr(text, " average of 7 earlier 4.0 n/a n/a n/a "));
	/* the first treatment has nothing to compare with: no comparison */
	free(text);
	text = render(r, 8, 1, REPORT_TEXT);
	assert_null(strstr(text, "COMPARED WITH"));
	free(text);
	free(json);
	for (int i = 0; i < 8; i++)
		model_recovery_free(&r[i]);
}

static void unknown_treatment_is_input_error(void **state)
{
	struct hg_recovery r;
	FILE *out = fopen("/dev/null", "w");

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	hg_error_clear();
	assert_int_equal(report_array(out, &r, 1, 9, REPORT_TEXT, day_of("2026-11-10")),
			 HG_ERR_INPUT);
	assert_string_equal(hg_error(), "no treatment 9");
	hg_error_clear();
	fclose(out);
	model_recovery_free(&r);
}

/* ---- text: 80 columns, no escape codes -------------------------------- */

static int max_width(const char *text)
{
	int max = 0;
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xmalloc(n + 1);

		memcpy(line, p, n);
		line[n] = '\0';
		int w = hg_utf8_width(line);
		if (w > max)
			max = w;
		free(line);
		p += n;
		if (*p)
			p++;
	}
	return max;
}

static void text_fits_80_columns(void **state)
{
	struct hg_recovery r;
	struct strbuf long_note = STRBUF_INIT;
	char *text;

	(void)state;
	/* wide characters count two columns */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	for (int i = 0; i < 60; i++)
		sb_puts(&long_note, "word ");
	sb_puts(&long_note, "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanyspaceatallinit ");
	sb_puts(&long_note, "皮膚が赤くて少し腫れています。皮膚が赤くて少し腫れています。皮膚が赤くて少し腫れています。");
	rec_init(&r, 1, "2026-11-01", "");
	free(r.t.area);
	r.t.area = xstrdup("left cheek and the whole forehead up to the hairline, both temples, nose");
	free(r.t.products);
	r.t.products = xstrdup("serum with a very long name that goes on and on, numbing cream, another serum, a mask");
	r.t.risks = (1u << HG_RISK_COUNT) - 1;
	rec_day(&r, 0, 3, 3, 3, 3, (1u << HG_SIGN_COUNT) - 1, sb_str(&long_note));
	rec_day(&r, 1, 2, N, 1, N, 0, "\x1b[31mred\x1b[0m and a bell \a and\ttab");
	text = render(&r, 1, 0, REPORT_TEXT);
	assert_true(max_width(text) <= 80);
	text = flat(text);
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\a'));
	assert_null(strchr(text, '\t'));
	assert_non_null(strstr(text, "[31mred"));        /* the text stays, the escape goes */
	assert_non_null(strstr(text, "皮膚が赤くて"));
	/* every sign of day 0 is in the table, wrapped in the signs column */
	assert_non_null(strstr(text, " !!! warmth, pus, crusting, "));
	assert_non_null(strstr(text, " nonstop-bleeding,"));
	assert_non_null(strstr(text, " numb-mouth"));
	assert_non_null(strstr(text, " lips-airway"));
	free(text);
	sb_free(&long_note);
	model_recovery_free(&r);
	setlocale(LC_CTYPE, "C");
}

static void text_marks_gaps_and_flags(void **state)
{
	struct hg_recovery r;
	char *text;

	(void)state;
	rec_init(&r, 4, "2026-11-01", "face");
	rec_day(&r, 0, 2, 1, N, N, 0, NULL);
	rec_day(&r, 3, 1, N, N, N, HG_BIT(HG_SIGN_PUS), "oozing");
	text = flat(render(&r, 1, 4, REPORT_TEXT));
	/* unrated is "-", a day without check-in says so, never 0 */
	assert_non_null(strstr(text, " 0 2026-11-01 2 1 - - "));
	assert_non_null(strstr(text, " 1 2026-11-02 - - - - no check-in "));
	assert_non_null(strstr(text, " 3 2026-11-04 1 - - - !! pus "));
	/* today is day 9: the table runs to today, no further; a run of
	 * three or more days without check-in is one line */
	assert_non_null(strstr(text, " 4-9 2026-11-05 no check-ins "));
	assert_null(strstr(text, "2026-11-11"));
	/* the problem, in clinical words, without advice to the patient */
	assert_non_null(strstr(text, " !! day 3: infection, urgent: pus; open "));
	assert_null(strstr(text, "get medical care"));
	assert_non_null(strstr(text, "Day 3, 2026-11-04: oozing"));
	assert_non_null(strstr(text, "healgrid is not medical advice"));
	assert_non_null(strstr(text, "Made on 2026-11-10"));
	free(text);
	model_recovery_free(&r);
}

/* ---- HTML and Markdown: user text is text ----------------------------- */

static const char evil[] = "<script>alert(1)</script> & \"quotes\" 'single' <img src=x onerror=alert(2)>";

static void html_escapes_every_user_text(void **state)
{
	struct hg_recovery r;
	char *html;

	(void)state;
	rec_init(&r, 1, "2026-11-01", evil);
	free(r.t.products);
	r.t.products = xstrdup(evil);
	free(r.t.note);
	r.t.note = xstrdup(evil);
	rec_day(&r, 0, 2, N, N, N, 0, evil);
	rec_day(&r, 2, 1, 1, N, N, 0, "line one\nline two");
	html = render(&r, 1, 0, REPORT_HTML);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "onerror=alert(2)>"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"
				     " &#39;single&#39;"));
	assert_non_null(strstr(html, "line one<br>line two"));
	/* self-contained: nothing to fetch, nothing to run */
	assert_non_null(strstr(html, "Content-Security-Policy\" content=\"default-src 'none'"));
	assert_null(strstr(html, "http://"));
	assert_null(strstr(html, "https://"));
	assert_null(strstr(html, " src=\""));
	assert_non_null(strstr(html, "<svg class=\"chart\""));
	assert_non_null(strstr(html, "@page"));
	assert_non_null(strstr(html, "@media print"));
	free(html);
	model_recovery_free(&r);
}

/* The chart's redness path: a new subpath ("M") after every unrated day. */
static void html_chart_leaves_gaps(void **state)
{
	struct hg_recovery r;
	char *html, *p, *end;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 3, N, N, N, 0, NULL);
	rec_day(&r, 1, 2, N, N, N, 0, NULL);
	rec_day(&r, 2, N, 1, N, N, 0, NULL);    /* redness not rated */
	rec_day(&r, 3, 1, N, N, N, 0, NULL);
	html = render(&r, 1, 0, REPORT_HTML);
	p = strstr(html, "stroke=\"#c62828\" stroke-width=\"2\" marker-start");
	assert_non_null(p);
	p = strstr(p, " d=\"");
	end = strchr(p + 4, '"');
	*end = '\0';
	/* two moves, one line: 0-1 joined, day 3 alone (zero-length, so its
	 * marker shows); never a point at 0 for day 2 */
	assert_int_equal((int)(strchr(p, 'L') != NULL), 1);
	assert_non_null(strstr(p, "h0"));
	int moves = 0;
	for (char *q = p; *q; q++)
		moves += *q == 'M';
	assert_int_equal(moves, 2);
	free(html);
	model_recovery_free(&r);
}

static void markdown_escapes_user_text(void **state)
{
	struct hg_recovery r;
	char *md;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face | *bold*");
	rec_day(&r, 0, 2, N, N, N, 0, evil);
	md = render(&r, 1, 0, REPORT_MARKDOWN);
	assert_null(strstr(md, "<script"));
	assert_non_null(strstr(md, "&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp;"));
	assert_non_null(strstr(md, "face \\| \\*bold\\*"));
	assert_non_null(strstr(md, "| 0 | 2026-11-01 | 2 | - | - | - |"));
	free(md);
	model_recovery_free(&r);
}

static void csv_and_json_reports(void **state)
{
	struct hg_recovery r;
	char *csv, *json;
	struct csv_reader rd;
	struct csv_record rec = CSV_RECORD_INIT;
	int rows = 0;

	(void)state;
	rec_init(&r, 1, "2026-11-01", "face");
	rec_day(&r, 0, 2, N, N, N, HG_BIT(HG_SIGN_PUS), "a, \"b\"\nc");
	rec_day(&r, 2, 1, 0, N, N, 0, NULL);
	csv = render(&r, 1, 0, REPORT_CSV);
	csv_reader_init(&rd, csv, strlen(csv));
	while (csv_read_record(&rd, &rec) == 1) {
		const char *const *f = (const char *const *)rec.fields;

		assert_int_equal(rec.nfields, 5);
		if (rows == 0)
			assert_string_equal(f[4], "value");
		else if (strcmp(f[1], "days") == 0 && strcmp(f[2], "0") == 0 &&
			 strcmp(f[3], "Redness") == 0)
			assert_string_equal(f[4], "2"), rows += 100;
		else if (strcmp(f[1], "days") == 0 && strcmp(f[2], "0") == 0 &&
			 strcmp(f[3], "Swelling") == 0)
			assert_string_equal(f[4], "-"), rows += 1000;   /* unrated, not 0 */
		else if (strcmp(f[1], "days") == 0 && strcmp(f[2], "1") == 0 &&
			 strcmp(f[3], "Signs, temp., care") == 0)
			assert_string_equal(f[4], "no check-in"), rows += 10000;
		else if (strcmp(f[1], "notes") == 0)
			assert_string_equal(f[4], "a, \"b\"\nc"), rows += 100000;
		else if (strcmp(f[1], "problems") == 0 && strcmp(f[2], "infection@0") == 0)
			assert_non_null(strstr(f[4], "urgent: pus")), rows += 1000000;
		rows++;
	}
	assert_int_equal(rows / 100, 11111);
	csv_record_free(&rec);
	json = render(&r, 1, 0, REPORT_JSON);
	assert_non_null(strstr(json, "{\"day\": 1, \"date\": \"2026-11-02\", \"checked_in\": false,"
				     " \"redness\": null"));
	assert_non_null(strstr(json, "\"note\": \"a, \\\"b\\\"\\nc\""));
	assert_non_null(strstr(json, "\"redness\": {\"rated_days\": 2, \"peak\": 2, \"peak_day\": 0,"
				     " \"status\": \"not-yet\", \"clear_day\": null"));
	assert_non_null(strstr(json, "\"bruising\": {\"rated_days\": 0, \"peak\": null"));
	free(csv);
	free(json);
	model_recovery_free(&r);
}

/* ---- output files ----------------------------------------------------- */

/* Temporary files left in dir. */
static int count_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strstr(e->d_name, ".tmp-") != NULL;
	closedir(d);
	return n;
}

static void files_are_atomic_and_private(void **state)
{
	struct tmpdb t;
	struct atomic_file f;
	struct stat st;
	char path[400], sub[400];
	FILE *in;
	char buf[32] = "";

	(void)state;
	tmpdb_open(&t);
	snprintf(path, sizeof path, "%s/out.txt", t.dir);
	/* abort: the old file stays, no temporary is left */
	in = fopen(path, "w");
	fputs("old", in);
	fclose(in);
	assert_int_equal(atomic_open(&f, path), HG_OK);
	fputs("half", f.fp);
	atomic_abort(&f);
	assert_int_equal(count_temps(t.dir), 0);
	in = fopen(path, "r");
	assert_non_null(fgets(buf, sizeof buf, in));
	fclose(in);
	assert_string_equal(buf, "old");
	/* commit replaces it whole, mode 0600 */
	assert_int_equal(atomic_open(&f, path), HG_OK);
	fputs("new", f.fp);
	assert_int_equal(atomic_commit(&f), HG_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	in = fopen(path, "r");
	assert_non_null(fgets(buf, sizeof buf, in));
	fclose(in);
	assert_string_equal(buf, "new");
	/* a folder as the target is refused up front */
	snprintf(sub, sizeof sub, "%s/dir", t.dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	hg_error_clear();
	assert_int_equal(atomic_open(&f, sub), HG_ERR_RUNTIME);
	hg_error_clear();
	/* a commit that cannot rename (a folder appeared meanwhile) fails
	 * cleanly and leaves no temporary file */
	snprintf(path, sizeof path, "%s/dir/x", t.dir);
	snprintf(sub, sizeof sub, "%s/dir/x/y", t.dir);
	assert_int_equal(atomic_open(&f, path), HG_OK);
	fputs("x", f.fp);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	hg_error_clear();
	assert_int_equal(atomic_commit(&f), HG_ERR_RUNTIME);
	assert_non_null(strstr(hg_error(), "nothing was written"));
	hg_error_clear();
	snprintf(sub, sizeof sub, "%s/dir", t.dir);
	assert_int_equal(count_temps(sub), 0);
	snprintf(sub, sizeof sub, "%s/dir/x/y", t.dir);
	rmdir(sub);
	rmdir(path);
	snprintf(sub, sizeof sub, "%s/dir", t.dir);
	rmdir(sub);
	/* folder missing: error, nothing created */
	snprintf(path, sizeof path, "%s/missing/x.txt", t.dir);
	assert_int_equal(atomic_open(&f, path), HG_ERR_RUNTIME);
	hg_error_clear();
	assert_int_equal(count_temps(t.dir), 0);
	snprintf(path, sizeof path, "%s/out.txt", t.dir);
	unlink(path);
	tmpdb_close(&t);
}

/* ---- export and import ------------------------------------------------ */

static void depth_reads_back_exactly(void **state)
{
	static const double depths[] = { 0.1, 0.25, 0.5, 1.0, 1.234, 2.05, 3.0, 0.3333333 };
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		export_format_depth(depths[i], buf, sizeof buf);
		assert_true(strtod(buf, NULL) == depths[i]);
	}
	export_format_depth(1.0, buf, sizeof buf);
	assert_string_equal(buf, "1.0");
	export_format_depth(0, buf, sizeof buf);
	assert_string_equal(buf, "");
}

#define HEADER "treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note\r\n"
/* What export writes: the version 2 header (import takes both). */
#define HEADER2 "treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,bruising,bleeding,signs,note,temperature_c,care,skin_type\r\n"

static int import_str(struct hg_db *db, const char *csv, struct import_stats *st)
{
	FILE *in = tmpfile();
	int rc;

	assert_non_null(in);
	assert_int_equal(fwrite(csv, 1, strlen(csv), in), strlen(csv));
	rewind(in);
	hg_error_clear();
	rc = import_file(db, "in.csv", in, day_of("2026-11-10"), st);
	fclose(in);
	return rc;
}

static char *export_str(struct hg_db *db, int json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_int_equal(export_write_db(out, json ? EXPORT_JSON : EXPORT_CSV, db, NULL, NULL),
			 HG_OK);
	fclose(out);
	return buf;
}

static void import_round_trip_and_replace(void **state)
{
	static const char csv[] = HEADER
		"2026-11-01,professional,1.5,face,cold-sores;dark-skin,0,2026-11-01,3,2,,1,pus;warmth,\"a, \"\"b\"\"\r\nc\"\r\n"
		"2026-11-01,professional,1.5,face,cold-sores;dark-skin,2,2026-11-03,,,,,,\r\n"
		"2026-11-01,home,,neck,,40,2026-12-11,,,,,,\r\n";
	struct tmpdb t;
	struct import_stats st;
	char *out, *again;

	(void)state;
	tmpdb_open(&t);
	/* day 40 is after today: refused, and nothing at all was saved */
	assert_int_equal(import_str(t.db, csv, &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "in.csv:5: date: 2026-12-11 is after today (2026-11-10);"
			    " a day cannot be rated before it comes");
	out = export_str(t.db, 0);
	assert_string_equal(out, HEADER2);
	free(out);

	static const char ok[] = HEADER
		"2026-11-01,professional,1.5,face,cold-sores;dark-skin,0,2026-11-01,3,2,,1,pus;warmth,\"a, \"\"b\"\"\r\nc\"\r\n"
		"2026-11-01,professional,1.5,face,cold-sores;dark-skin,2,2026-11-03,,,,,,\r\n"
		"2026-09-01,home,,neck,,40,2026-10-11,0,,,,,\r\n";
	assert_int_equal(import_str(t.db, ok, &st), HG_OK);
	assert_int_equal(st.rows, 2);   /* day 2 holds nothing: skipped, not saved */
	assert_int_equal(st.created, 2);
	out = export_str(t.db, 0);
	/* oldest treatment first, signs in their fixed order */
	assert_string_equal(out, HEADER2
			    "2026-09-01,home,,neck,,40,2026-10-11,0,,,,,,,,\r\n"
			    "2026-11-01,professional,1.5,face,cold-sores;dark-skin,0,2026-11-01,3,2,,1,warmth;pus,\"a, \"\"b\"\"\r\nc\",,,\r\n");
	/* (day 2 records nothing: an empty day is not stored) */
	/* the created treatment's window covers day 40 */
	again = export_str(t.db, 1);
	assert_non_null(strstr(again, "\"area\": \"neck\", \"products\": \"\", \"risks\": [],"
				      " \"window\": 41"));
	assert_non_null(strstr(again, "\"area\": \"face\", \"products\": \"\", \"risks\": [\"cold-sores\","
				      " \"dark-skin\"], \"window\": 28"));
	free(again);
	/* the same file again: replaced, not duplicated */
	assert_int_equal(import_str(t.db, ok, &st), HG_OK);
	assert_int_equal(st.created, 0);
	again = export_str(t.db, 0);
	assert_string_equal(again, out);
	free(again);
	free(out);
	tmpdb_close(&t);
}

static void import_widens_existing_window(void **state)
{
	struct tmpdb t;
	struct hg_treatment tr, got;
	struct import_stats st;

	(void)state;
	tmpdb_open(&t);
	model_treatment_init(&tr);
	tr.date = day_of("2026-09-01");
	tr.area = (char *)"face";
	tr.window = 14;
	tr.products = (char *)"serum";
	assert_int_equal(db_treatment_add(t.db, &tr), HG_OK);
	assert_int_equal(import_str(t.db, HEADER
		"2026-09-01,professional,,face,,20,2026-09-21,1,,,,,\r\n", &st), HG_OK);
	assert_int_equal(st.created, 0);
	assert_int_equal(st.widened, 1);
	assert_int_equal(db_treatment_get(t.db, tr.id, &got), HG_OK);
	assert_int_equal(got.window, 21);
	assert_string_equal(got.products, "serum");      /* details kept */
	model_treatment_free(&got);
	tmpdb_close(&t);
}

static void import_rejects_bad_rows(void **state)
{
	static const struct { const char *row, *error; } cases[] = {
		{ "2026-11-01,professional,,face,,0,2026-11-01,1,1,1\r\n",
		  "in.csv:3: expected 13 fields, got 10" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,7,,,,,\r\n",
		  "in.csv:3: redness: expected 0-3 or empty (not rated), got \"7\"" },
		{ "2026-02-30,professional,,face,,0,2026-02-30,1,,,,,\r\n",
		  "in.csv:3: treatment_date: 2026-02-30: there is no day 30 in February 2026 (it has 28 days)" },
		{ "2026-11-01,professional,,face,,1,2026-11-01,1,,,,,\r\n",
		  "in.csv:3: date: 2026-11-01 is not treatment_date + day (2026-11-01 + 1 = 2026-11-02)" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,1,,,,oozing,\r\n",
		  "in.csv:3: signs: unknown sign \"oozing\" (see healgrid checkin --help)" },
		{ "2026-11-01,professional,,face,flu,0,2026-11-01,1,,,,,\r\n",
		  "in.csv:3: risks: unknown risk \"flu\" (see healgrid checkin --help)" },
		{ "2026-11-01,pro,,face,,0,2026-11-01,1,,,,,\r\n",
		  "in.csv:3: device: expected professional or home, got \"pro\"" },
		{ "2026-11-01,professional,3.5,face,,0,2026-11-01,1,,,,,\r\n",
		  "in.csv:3: depth_mm: expected millimetres from 0.1 to 3.0, or empty, got \"3.5\"" },
		{ "2026-11-01,professional,,,,0,2026-11-01,1,,,,,\r\n",
		  "in.csv:3: area: expected a name such as face, got \"\"" },
		{ "2026-11-01,professional,,face,,180,2027-04-30,1,,,,,\r\n",
		  "in.csv:3: day: expected a whole number 0-179, got \"180\"" },
		{ "2026-11-01,professional,,face,,-1,2026-10-31,1,,,,,\r\n",
		  "in.csv:3: day: expected a whole number 0-179, got \"-1\"" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,1,,,,,\"unterminated\r\n",
		  "in.csv:3: unterminated quoted field" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,1,,,,,\"a\"b\r\n",
		  "in.csv:3: characters after closing quote" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,1,,,,,\xff\xfe\r\n",
		  "in.csv:3: note: not valid UTF-8 text" },
		{ "2026-11-01,home,,face,,1,2026-11-02,1,,,,,\r\n",
		  "in.csv:3: device differs from line 2 for the same treatment (2026-11-01, face)" },
		{ "2026-11-01,professional,,face,,0,2026-11-01,2,,,,,\r\n",
		  "in.csv:3: day 0 of the treatment (2026-11-01, face) is given twice in this file" },
	};
	struct tmpdb t;
	struct import_stats st;
	struct strbuf csv = STRBUF_INIT, longnote = STRBUF_INIT;
	char *before, *after;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(import_str(t.db, HEADER "2026-10-01,home,0.5,neck,,3,2026-10-04,1,,,,,x\r\n",
				    &st), HG_OK);
	before = export_str(t.db, 1);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		csv.len = 0;
		sb_puts(&csv, HEADER "2026-11-01,professional,,face,,0,2026-11-01,1,,,,,ok\r\n");
		sb_puts(&csv, cases[i].row);
		sb_puts(&csv, "2026-11-01,professional,,face,,5,2026-11-06,1,,,,,after\r\n");
		assert_int_equal(import_str(t.db, sb_str(&csv), &st), HG_ERR_INPUT);
		assert_string_equal(hg_error(), cases[i].error);
		after = export_str(t.db, 1);
		assert_string_equal(after, before);      /* nothing written */
		free(after);
	}
	/* a note of 2001 bytes */
	for (int i = 0; i <= HG_NOTE_MAX; i++)
		sb_putc(&longnote, 'n');
	csv.len = 0;
	sb_printf(&csv, HEADER "2026-11-01,professional,,face,,0,2026-11-01,1,,,,,%s\r\n",
		  sb_str(&longnote));
	assert_int_equal(import_str(t.db, sb_str(&csv), &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "in.csv:2: note: longer than 2000 bytes (got 2001)");
	/* headers */
	assert_int_equal(import_str(t.db, "", &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "in.csv: empty file; expected the CSV header of"
			    " 'healgrid export'");
	assert_int_equal(import_str(t.db, "date,redness\r\n2026-11-01,1\r\n", &st), HG_ERR_INPUT);
	assert_non_null(strstr(hg_error(), "in.csv:1: the header is not healgrid's; expected"
			       " treatment_date,device,depth_mm,area,risks,day,date,redness,"));
	/* line numbers are physical lines: a note over three lines moves them */
	assert_int_equal(import_str(t.db, HEADER
		"2026-11-01,professional,,face,,0,2026-11-01,1,,,,,\"one\r\ntwo\r\nthree\"\r\n"
		"2026-11-01,professional,,face,,1,2026-11-02,9,,,,,\r\n", &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "in.csv:5: redness: expected 0-3 or empty (not rated), got \"9\"");
	after = export_str(t.db, 1);
	assert_string_equal(after, before);
	free(after);
	free(before);
	hg_error_clear();
	sb_free(&csv);
	sb_free(&longnote);
	tmpdb_close(&t);
}

/* Files bigger than one read: records (and notes holding line breaks)
 * straddle the chunks, line numbers keep counting, streams work too. */
static void import_big_file_in_chunks(void **state)
{
	struct tmpdb t;
	struct import_stats st;
	struct strbuf csv = STRBUF_INIT, v2 = STRBUF_INIT;
	size_t lines = 1;
	FILE *f;

	(void)state;
	tmpdb_open(&t);
	sb_puts(&csv, HEADER);
	sb_puts(&v2, HEADER2);
	for (int i = 0; i < 9000; i++) {
		char date[HG_DATE_LEN], tdate[HG_DATE_LEN];
		int td = day_of("1960-01-01") + (i / 20) * 30;

		date_format(td, tdate);
		date_format(td + i % 20, date);
		sb_printf(&csv, "%s,home,,face,,%d,%s,1,,,,,\"note %d, \"\"quoted\"\"\nsecond line"
			  " padding padding padding padding padding padding\"\r\n", tdate, i % 20,
			  date, i);
		sb_printf(&v2, "%s,home,,face,,%d,%s,1,,,,,\"note %d, \"\"quoted\"\"\nsecond line"
			  " padding padding padding padding padding padding\",,,\r\n", tdate, i % 20,
			  date, i);
		lines += 2;
	}
	assert_true(csv.len > 3 * (1 << 18));
	if (import_str(t.db, sb_str(&csv), &st) != HG_OK)
		fail_msg("%s", hg_error());
	assert_int_equal(st.rows, 9000);
	assert_int_equal(st.created, 450);
	char *first = export_str(t.db, 0);
	assert_string_equal(first, sb_str(&v2));
	free(first);
	sb_free(&v2);
	/* a bad row at the very end: its line number counts every line */
	sb_puts(&csv, "1960-01-01,home,,face,,25,1960-01-26,4,,,,,\r\n");
	assert_int_equal(import_str(t.db, sb_str(&csv), &st), HG_ERR_INPUT);
	char want[128];
	snprintf(want, sizeof want, "in.csv:%zu: redness: expected 0-3 or empty (not rated),"
		 " got \"4\"", lines + 1);
	assert_string_equal(hg_error(), want);
	/* the same through a stream */
	f = tmpfile();
	assert_non_null(f);
	fwrite(csv.s, 1, csv.len, f);
	rewind(f);
	hg_error_clear();
	assert_int_equal(import_file(t.db, "in.csv", f, day_of("2026-11-10"), &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), want);
	fclose(f);
	hg_error_clear();
	sb_free(&csv);
	tmpdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(summary_peak_and_clear),
		cmocka_unit_test(summary_not_yet_cleared),
		cmocka_unit_test(rebound_rules),
		cmocka_unit_test(rebound_in_words),
		cmocka_unit_test(clear_stays_honest),
		cmocka_unit_test(temperature_above_normal),
		cmocka_unit_test(strip_picks_first_last_and_between),
		cmocka_unit_test(strip_picks_problem_days),
		cmocka_unit_test(comparison_lists_five_and_averages_all),
		cmocka_unit_test(unknown_treatment_is_input_error),
		cmocka_unit_test(text_fits_80_columns),
		cmocka_unit_test(text_marks_gaps_and_flags),
		cmocka_unit_test(html_escapes_every_user_text),
		cmocka_unit_test(html_chart_leaves_gaps),
		cmocka_unit_test(markdown_escapes_user_text),
		cmocka_unit_test(csv_and_json_reports),
		cmocka_unit_test(files_are_atomic_and_private),
		cmocka_unit_test(depth_reads_back_exactly),
		cmocka_unit_test(import_round_trip_and_replace),
		cmocka_unit_test(import_widens_existing_window),
		cmocka_unit_test(import_rejects_bad_rows),
		cmocka_unit_test(import_big_file_in_chunks),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
