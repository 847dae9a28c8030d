/* test_report_db.c — report_write_db, which reads the treatments one at a
 * time (bench/: memory must not grow with the check-ins), writes exactly
 * what the same report writes from all of them loaded at once, in every
 * format, for all treatments and for one in the middle of the history. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tmpdb.h"
#include "healgrid/date.h"
#include "healgrid/report.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

static int64_t add(struct hg_db *db, const char *date, const char *area)
{
	struct hg_treatment t;

	model_treatment_init(&t);
	assert_int_equal(date_parse(date, &t.date), 0);
	t.area = (char *)area;
	t.products = (char *)"";
	t.note = (char *)"";
	assert_int_equal(db_treatment_add(db, &t), HG_OK);
	return t.id;
}

static void day(struct hg_db *db, int64_t id, int d, int redness, unsigned signs)
{
	struct hg_checkin c;

	model_checkin_init(&c);
	c.treatment_id = id;
	c.day = d;
	c.rating[HG_REDNESS] = redness;
	c.rating[HG_SWELLING] = redness > 0 ? redness - 1 : 0;
	c.signs = signs;
	c.note = (char *)(d % 2 ? "stings, \"a bit\"\nthen better caf\xc3\xa9" : "");
	assert_int_equal(db_checkin_put(db, &c), HG_OK);
}

/* What fn writes, as a string (caller frees). */
static char *capture_array(const struct hg_recovery *r, size_t n, int64_t tid,
			   enum report_format fmt, int today, int *rc, size_t *got)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	/* report_write_db's own loop, over an array: the extras it reads
	 * are none here but the looks' later session of the same area */
	struct report_run *run = report_start(f, fmt, tid, today);
	struct hg_treatment *all = xcalloc(n ? n : 1, sizeof *all);

	for (size_t i = 0; i < n; i++)
		all[i] = r[i].t;
	for (size_t i = 0; i < n && report_wants_more(run); i++) {
		struct report_extra x;

		memset(&x, 0, sizeof x);
		x.later_same_area = rules_later_same_area(all, n, &r[i].t, today);
		report_add_with(run, &r[i], &x);
	}
	free(all);
	*rc = report_finish(run);
	fclose(f);
	*got = len;
	return buf;
}

static char *capture_db(struct hg_db *db, int64_t tid, enum report_format fmt, int today,
			int *rc, size_t *got)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	*rc = report_write_db(f, db, tid, fmt, today);
	fclose(f);
	*got = len;
	return buf;
}

static void streamed_report_equals_loaded_report(void **state)
{
	struct tmpdb t;
	struct hg_recovery *r;
	size_t n;
	int64_t ids[7];
	int today;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(date_parse("2026-11-10", &today), 0);
	/* Seven treatments (more than the comparison names one by one), one
	 * without check-ins, added out of date order. */
	static const char *const dates[7] = { "2026-05-01", "2026-01-05", "2026-03-01",
		"2026-02-01", "2026-07-01", "2026-09-01", "2026-11-01" };
	for (int i = 0; i < 7; i++)
		ids[i] = add(t.db, dates[i], i == 3 ? "neck, left" : "face");
	for (int i = 0; i < 7; i++) {
		if (i == 2)
			continue;
		for (int d = 0; d < 9; d++)
			day(t.db, ids[i], d, d < 4 + i % 3 ? 2 : 0,
			    d == 3 && i == 4 ? HG_BIT(HG_SIGN_PUS) : 0);
	}
	tmpdb_load_all(t.db, &r, &n);
	for (int fmt = 0; fmt < REPORT_FORMAT_COUNT; fmt++) {
		int64_t tids[] = { 0, ids[0], ids[1], ids[2], ids[6] };

		for (size_t k = 0; k < sizeof tids / sizeof tids[0]; k++) {
			int rc_a, rc_b;
			size_t na, nb;
			char *a = capture_array(r, n, tids[k], (enum report_format)fmt, today, &rc_a,
						&na);
			char *b = capture_db(t.db, tids[k], (enum report_format)fmt, today, &rc_b, &nb);

			assert_int_equal(rc_a, HG_OK);
			assert_int_equal(rc_b, HG_OK);
			/* every format, the PDF's bytes included */
			assert_true(na > 100);
			assert_int_equal(na, nb);
			assert_memory_equal(a, b, na);
			free(a);
			free(b);
		}
	}
	tmpdb_free_all(r, n);

	/* A treatment that is not there: an error, and nothing written. */
	int rc;
	size_t len;
	char *none = capture_db(t.db, 999, REPORT_PDF, today, &rc, &len);
	assert_int_equal(rc, HG_ERR_INPUT);
	assert_string_equal(hg_error(), "no treatment 999");
	assert_int_equal(len, 0);
	free(none);
	hg_error_clear();
	tmpdb_close(&t);
}

static void streamed_report_of_an_empty_database(void **state)
{
	struct tmpdb t;
	int rc_a, rc_b, today;
	size_t na, nb;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(date_parse("2026-11-10", &today), 0);
	char *a = capture_array(NULL, 0, 0, REPORT_TEXT, today, &rc_a, &na);
	char *b = capture_db(t.db, 0, REPORT_TEXT, today, &rc_b, &nb);
	assert_int_equal(rc_a, HG_OK);
	assert_int_equal(rc_b, HG_OK);
	assert_string_equal(a, b);
	free(a);
	free(b);
	tmpdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(streamed_report_equals_loaded_report),
		cmocka_unit_test(streamed_report_of_an_empty_database),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
