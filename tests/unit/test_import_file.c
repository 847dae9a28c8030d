/* test_import_file.c — import_file reads a file a piece at a time (bench/:
 * memory must not grow with the file), cutting only at record boundaries:
 * a file several pieces long, with quoted notes holding newlines, quotes
 * and commas, imports exactly as import_csv imports it whole, and errors
 * deep in the file name the same line. */
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
#include "healgrid/import.h"
#include "healgrid/util.h"

enum { ROWS = 6000 };   /* about 1.3 MB: five pieces and more */

/* A CSV of ROWS check-ins over ROWS / 60 treatments; row bad_row (when
 * not -1) carries a rating of 5.  Caller frees. */
static char *make_csv(size_t *len, int bad_row)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "treatment_date,device,depth_mm,area,risks,day,date,redness,"
		"swelling,bruising,bleeding,signs,note\r\n");
	for (int i = 0; i < ROWS; i++) {
		int td = date_from_ymd(2000 + i / 60, 1, 1), day = i % 60;
		char tdate[HG_DATE_LEN], date[HG_DATE_LEN];

		date_format(td, tdate);
		date_format(td + day, date);
		sb_printf(&sb, "%s,home,0.5,\"neck, left\",,%d,%s,%d,,1,0,lines,\"",
			  tdate, day, date, i == bad_row ? 5 : day % 4);
		/* notes of varied length with line ends, quotes and commas */
		for (int k = 0; k < i % 40; k++)
			sb_puts(&sb, k % 7 == 3 ? "\r\nsaid \"\"fine\"\", ok" : " caf\xc3\xa9,");
		sb_puts(&sb, "\"\r\n");
	}
	*len = sb.len;
	return sb_detach(&sb);
}

static int import_via_file(struct hg_db *db, const char *data, size_t len, int today,
			   struct import_stats *st)
{
	FILE *f = tmpfile();
	int rc;

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	rewind(f);
	rc = import_file(db, "x.csv", f, today, st);
	fclose(f);
	return rc;
}

static void check_same_db(struct hg_db *a, struct hg_db *b)
{
	struct hg_recovery *ra, *rb;
	size_t na, nb;

	assert_int_equal(db_recovery_load_all(a, &ra, &na), HG_OK);
	assert_int_equal(db_recovery_load_all(b, &rb, &nb), HG_OK);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(ra[i].ndays, rb[i].ndays);
		assert_int_equal(ra[i].t.window, rb[i].t.window);
		for (size_t k = 0; k < ra[i].ndays; k++) {
			assert_int_equal(ra[i].days[k].day, rb[i].days[k].day);
			assert_memory_equal(ra[i].days[k].rating, rb[i].days[k].rating,
					    sizeof ra[i].days[k].rating);
			assert_string_equal(ra[i].days[k].note, rb[i].days[k].note);
		}
	}
	db_recoveries_free(ra, na);
	db_recoveries_free(rb, nb);
}

static void pieces_import_like_the_whole(void **state)
{
	struct tmpdb a, b;
	struct import_stats sa, sb;
	size_t len;
	char *csv = make_csv(&len, -1);
	int today = date_from_ymd(2100, 1, 1);

	(void)state;
	assert_true(len > 4 * (1 << 18));
	tmpdb_open(&a);
	tmpdb_open(&b);
	if (import_csv(a.db, "x.csv", csv, len, today, &sa) != HG_OK)
		fail_msg("%s", hg_error());
	assert_int_equal(import_via_file(b.db, csv, len, today, &sb), HG_OK);
	assert_int_equal(sa.rows, ROWS);
	assert_int_equal(sb.rows, ROWS);
	assert_int_equal(sb.treatments, ROWS / 60);
	check_same_db(a.db, b.db);
	free(csv);
	tmpdb_close(&a);
	tmpdb_close(&b);
}

static void a_late_error_names_its_line_and_saves_nothing(void **state)
{
	struct tmpdb a, b;
	struct import_stats st;
	size_t len;
	char *csv = make_csv(&len, ROWS - 7);
	int today = date_from_ymd(2100, 1, 1);
	char *want;

	(void)state;
	tmpdb_open(&a);
	tmpdb_open(&b);
	assert_int_equal(import_csv(a.db, "x.csv", csv, len, today, &st), HG_ERR_INPUT);
	want = xstrdup(hg_error());
	hg_error_clear();
	assert_int_equal(import_via_file(b.db, csv, len, today, &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), want);
	assert_non_null(strstr(want, "redness"));
	assert_int_equal(st.rows, 0);
	hg_error_clear();
	check_same_db(a.db, b.db);      /* both empty */
	free(want);
	free(csv);
	tmpdb_close(&a);
	tmpdb_close(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pieces_import_like_the_whole),
		cmocka_unit_test(a_late_error_names_its_line_and_saves_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
