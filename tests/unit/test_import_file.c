/* test_import_file.c — import_file reads a file a piece at a time (bench/:
 * memory must not grow with the file), cutting only at record boundaries:
 * a file several pieces long, with quoted notes holding newlines, quotes
 * and commas, stores every row exactly as written, and an error deep in
 * the file names its line and saves nothing. */
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
#include "healgrid/model.h"
#include "healgrid/util.h"

enum { ROWS = 6000 };   /* about 1.3 MB: five pieces and more */

/* The note of row i: varied length, with line ends, quotes and commas;
 * csv (not 0) gives it as written in the file, else as stored. */
static void note_of(struct strbuf *sb, int i, int csv)
{
	for (int k = 0; k < i % 40; k++)
		if (k % 7 == 3)
			sb_puts(sb, csv ? "\r\nsaid \"\"fine\"\", ok" : "\r\nsaid \"fine\", ok");
		else
			sb_puts(sb, " caf\xc3\xa9,");
}

/* A CSV of ROWS check-ins over ROWS / 60 treatments; row bad_row (when
 * not -1) carries a rating of 5 and *bad_line is its line.  Caller frees. */
static char *make_csv(size_t *len, int bad_row, size_t *bad_line)
{
	struct strbuf sb = STRBUF_INIT;
	size_t line = 2;

	sb_puts(&sb, "treatment_date,device,depth_mm,area,risks,day,date,redness,"
		"swelling,bruising,bleeding,signs,note\r\n");
	for (int i = 0; i < ROWS; i++) {
		int td = date_from_ymd(2000 + i / 60, 1, 1), day = i % 60;
		char tdate[HG_DATE_LEN], date[HG_DATE_LEN];
		size_t start = sb.len;

		if (i == bad_row)
			*bad_line = line;
		date_format(td, tdate);
		date_format(td + day, date);
		sb_printf(&sb, "%s,home,0.5,\"neck, left\",,%d,%s,%d,,1,0,lines,\"",
			  tdate, day, date, i == bad_row ? 5 : day % 4);
		note_of(&sb, i, 1);
		sb_puts(&sb, "\"\r\n");
		for (size_t k = start; k < sb.len; k++)
			line += sb.s[k] == '\n';
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

/* The database holds exactly the rows make_csv wrote. */
static void check_rows(struct hg_db *db)
{
	struct hg_recovery *r;
	size_t n;

	tmpdb_load_all(db, &r, &n);
	assert_int_equal(n, ROWS / 60);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(r[i].t.date, date_from_ymd(2000 + (int)i, 1, 1));
		assert_string_equal(r[i].t.area, "neck, left");
		assert_true(r[i].t.depth == 0.5);
		assert_int_equal(r[i].ndays, 60);
		for (size_t k = 0; k < r[i].ndays; k++) {
			const struct hg_checkin *c = &r[i].days[k];
			struct strbuf note = STRBUF_INIT;

			note_of(&note, (int)(i * 60 + k), 0);
			assert_int_equal(c->day, (int)k);
			assert_int_equal(c->rating[HG_REDNESS], (int)k % 4);
			assert_int_equal(c->rating[HG_SWELLING], HG_UNRATED);
			assert_int_equal(c->rating[HG_BRUISING], 1);
			assert_int_equal(c->rating[HG_BLEEDING], 0);
			assert_int_equal(c->signs, HG_BIT(HG_SIGN_LINES));
			assert_string_equal(c->note, sb_str(&note));
			sb_free(&note);
		}
	}
	tmpdb_free_all(r, n);
}

static void a_file_of_many_pieces_imports_every_row(void **state)
{
	struct tmpdb a;
	struct import_stats st;
	size_t len, unused;
	char *csv = make_csv(&len, -1, &unused);
	int today = date_from_ymd(2100, 1, 1);

	(void)state;
	assert_true(len > 4 * (1 << 18));
	tmpdb_open(&a);
	if (import_via_file(a.db, csv, len, today, &st) != HG_OK)
		fail_msg("%s", hg_error());
	assert_int_equal(st.rows, ROWS);
	assert_int_equal(st.treatments, ROWS / 60);
	assert_int_equal(st.created, ROWS / 60);
	check_rows(a.db);
	free(csv);
	tmpdb_close(&a);
}

static void a_late_error_names_its_line_and_saves_nothing(void **state)
{
	struct tmpdb a;
	struct import_stats st;
	struct hg_recovery *r;
	size_t len, n, bad_line = 0;
	char *csv = make_csv(&len, ROWS - 7, &bad_line);
	int today = date_from_ymd(2100, 1, 1);
	char want[100];

	(void)state;
	tmpdb_open(&a);
	assert_int_equal(import_via_file(a.db, csv, len, today, &st), HG_ERR_INPUT);
	snprintf(want, sizeof want, "x.csv:%zu: redness: expected 0-3 or empty (not rated),"
		 " got \"5\"", bad_line);
	assert_true(bad_line > ROWS);
	assert_string_equal(hg_error(), want);
	assert_int_equal(st.rows, 0);
	hg_error_clear();
	tmpdb_load_all(a.db, &r, &n);
	assert_int_equal(n, 0);
	tmpdb_free_all(r, n);
	free(csv);
	tmpdb_close(&a);
}

/* JSON is told from CSV by its first character other than white space
 * (after a byte order mark), read whole however long, whatever the name. */
static void json_is_told_by_content(void **state)
{
	static const char head[] = "\xef\xbb\xbf \r\n\t{\"format\": \"healgrid-export\","
		" \"version\": 1, \"treatments\": [";
	struct strbuf sb = STRBUF_INIT;
	struct import_stats st;
	struct tmpdb a;
	int today = date_from_ymd(2100, 1, 1);

	(void)state;
	sb_puts(&sb, head);
	for (int i = 0; i < 3000; i++) {
		char d[HG_DATE_LEN];

		date_format(date_from_ymd(2000, 1, 1) + i * 10, d);
		sb_printf(&sb, "%s{\"id\": %d, \"date\": \"%s\", \"area\": \"face\", \"checkins\":"
			  " [{\"day\": 0, \"date\": \"%s\", \"redness\": %d, \"note\": \"caf\u00e9\"}]}",
			  i ? ", " : "", i + 1, d, d, i % 4);
	}
	sb_puts(&sb, "]}\n");
	assert_true(sb.len > (1 << 18));        /* longer than one piece */
	tmpdb_open(&a);
	if (import_via_file(a.db, sb.s, sb.len, today, &st) != HG_OK)
		fail_msg("%s", hg_error());
	assert_int_equal(st.rows, 3000);
	assert_int_equal(st.created, 3000);
	/* cut short: refused, nothing saved */
	assert_int_equal(import_via_file(a.db, sb.s, sb.len - 5, today, &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "x.csv: not valid JSON (cut short, or not written by"
			    " healgrid export)");
	hg_error_clear();
	/* a NUL inside the text is not JSON either */
	sb.s[sb.len - 4] = '\0';
	assert_int_equal(import_json(a.db, "n.json", sb.s, sb.len, today, &st), HG_ERR_INPUT);
	hg_error_clear();
	/* not an object at the top */
	assert_int_equal(import_json(a.db, "a.json", "[1]", 3, today, &st), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "a.json: expected an object, got an array");
	hg_error_clear();
	sb_free(&sb);
	tmpdb_close(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_file_of_many_pieces_imports_every_row),
		cmocka_unit_test(a_late_error_names_its_line_and_saves_nothing),
		cmocka_unit_test(json_is_told_by_content),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
