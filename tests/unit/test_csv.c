/* test_csv.c — cmocka tests for the CSV reader and writer (src/csv.c).
 *
 * Most reader tests turn the input into a transcript, one line per record:
 * "LINE:<field><field>...", or "!LINE:message" for a syntax error, so that
 * an expectation reads like the data it describes.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/csv.h"
#include "healgrid/util.h"

/* Transcript of every record in data[0..len); stops after an error. */
static char *transcript_n(const char *data, size_t len)
{
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	struct strbuf out = STRBUF_INIT;
	int rc;

	csv_reader_init(&r, data, len);
	while ((rc = csv_read_record(&r, &rec)) == 1) {
		size_t i;

		sb_printf(&out, "%zu:", rec.line);
		for (i = 0; i < rec.nfields; i++)
			sb_printf(&out, "<%s>", rec.fields[i]);
		sb_putc(&out, '\n');
	}
	if (rc < 0) {
		assert_non_null(rec.error);
		assert_int_equal(rec.nfields, 0);
		sb_printf(&out, "!%zu:%s\n", rec.err_line, rec.error);
	} else {
		assert_null(rec.error);
	}
	csv_record_free(&rec);
	return sb_detach(&out);
}

static char *transcript(const char *s)
{
	return transcript_n(s, strlen(s));
}

#define assert_csv(input, expected) do { \
		char *got_ = transcript(input); \
		assert_string_equal(got_, expected); \
		free(got_); \
	} while (0)

#define assert_csv_n(input, len, expected) do { \
		char *got_ = transcript_n(input, len); \
		assert_string_equal(got_, expected); \
		free(got_); \
	} while (0)

static void test_simple(void **state)
{
	(void)state;
	assert_csv("a,b,c\n1,2,3\n", "1:<a><b><c>\n2:<1><2><3>\n");
	assert_csv("a\n", "1:<a>\n");
}

static void test_no_final_newline(void **state)
{
	(void)state;
	assert_csv("a,b\n1,2", "1:<a><b>\n2:<1><2>\n");
	assert_csv("x", "1:<x>\n");
	assert_csv("\"q\"", "1:<q>\n");
	assert_csv("a,\"b\nc\"", "1:<a><b\nc>\n");
}

static void test_crlf(void **state)
{
	(void)state;
	assert_csv("a,b\r\n1,2\r\n", "1:<a><b>\n2:<1><2>\n");
	assert_csv("a\r\nb\nc\r\n", "1:<a>\n2:<b>\n3:<c>\n");
	assert_csv("\"a\"\r\n\"b\"", "1:<a>\n2:<b>\n");
	/* a CR right at the end of input ends the line */
	assert_csv("a,b\r", "1:<a><b>\n");
	assert_csv("\"a\"\r", "1:<a>\n");
}

static void test_empty_fields(void **state)
{
	(void)state;
	assert_csv(",,\n", "1:<><><>\n");
	assert_csv("a,\n", "1:<a><>\n");
	assert_csv("a,", "1:<a><>\n");
	assert_csv("a,\r\n", "1:<a><>\n");
	assert_csv(",a\n", "1:<><a>\n");
	assert_csv("\"\"\n", "1:<>\n");
	assert_csv("\"\",\"\"", "1:<><>\n");
	assert_csv(",", "1:<><>\n");
}

static void test_quoted(void **state)
{
	(void)state;
	assert_csv("\"a,b\",c\n", "1:<a,b><c>\n");
	assert_csv("\"say \"\"hi\"\"\"\n", "1:<say \"hi\">\n");
	assert_csv("\"\"\"\"\n", "1:<\">\n");
	assert_csv("\"one\ntwo\",x\n", "1:<one\ntwo><x>\n");
	assert_csv("\"crlf\r\nkept\"\n", "1:<crlf\r\nkept>\n");
	assert_csv("\"lone\rcr\"\n", "1:<lone\rcr>\n");
	assert_csv("\"\n\n\"\n", "1:<\n\n>\n");
}

static void test_spaces_and_utf8(void **state)
{
	(void)state;
	assert_csv(" a , b \n", "1:< a >< b >\n");
	assert_csv("  \n", "1:<  >\n");
	assert_csv("caf\xC3\xA9,\xE2\x9C\x93,\xF0\x9F\x98\x80\n",
		   "1:<caf\xC3\xA9><\xE2\x9C\x93><\xF0\x9F\x98\x80>\n");
}

static void test_line_numbers(void **state)
{
	(void)state;
	assert_csv("a,\"x\ny\nz\"\nb\n", "1:<a><x\ny\nz>\n4:<b>\n");
	assert_csv("\"a\r\nb\"\r\nc\r\n", "1:<a\r\nb>\n3:<c>\n");
	/* a CR inside quotes is data, not a line break */
	assert_csv("\"a\rb\"\nc\n", "1:<a\rb>\n2:<c>\n");
	assert_csv("\"\n\",\"\n\"\n\"\n\"\nend", "1:<\n><\n>\n4:<\n>\n6:<end>\n");
}

static void test_blank_lines_skipped(void **state)
{
	(void)state;
	assert_csv("\n\na\n\r\n\nb\n\n", "3:<a>\n6:<b>\n");
	assert_csv("\n", "");
	assert_csv("\r\n\r\n", "");
	assert_csv("\r", "");
	assert_csv("a\n\n", "1:<a>\n");
}

static void test_empty_input(void **state)
{
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;

	(void)state;
	assert_csv("", "");
	csv_reader_init(&r, NULL, 0);
	assert_int_equal(csv_read_record(&r, &rec), 0);
	assert_int_equal(csv_read_record(&r, &rec), 0);
	csv_record_free(&rec);
	csv_record_free(&rec);
}

static void test_bom(void **state)
{
	(void)state;
	assert_csv("\xEF\xBB\xBF" "a,b\n", "1:<a><b>\n");
	assert_csv("\xEF\xBB\xBF", "");
	assert_csv("\xEF\xBB\xBF\n\n", "");
	assert_csv("\xEF\xBB\xBF\"q\"\n", "1:<q>\n");
	assert_csv("\xEF\xBB\xBF\xEF\xBB\xBFx\n", "1:<\xEF\xBB\xBFx>\n");
	/* only at the very start */
	assert_csv("a\n\xEF\xBB\xBF" "b\n", "1:<a>\n2:<\xEF\xBB\xBF" "b>\n");
	assert_csv("\"\xEF\xBB\xBF\"\n", "1:<\xEF\xBB\xBF>\n");
	/* a partial BOM is data */
	assert_csv("\xEF\xBB", "1:<\xEF\xBB>\n");
}

static void test_error_unterminated(void **state)
{
	(void)state;
	assert_csv("\"abc", "!1:unterminated quoted field\n");
	assert_csv("\"", "!1:unterminated quoted field\n");
	/* the line of the opening quote, not the end of input */
	assert_csv("a\nb,\"open\nmore\nstill\n",
		   "1:<a>\n!2:unterminated quoted field\n");
	assert_csv("\"x\"\"\n", "!1:unterminated quoted field\n");
	assert_csv("a,\"b\"\"", "!1:unterminated quoted field\n");
}

static void test_error_after_quote(void **state)
{
	(void)state;
	assert_csv("\"ab\"c\n", "!1:characters after closing quote\n");
	assert_csv("x\n\"ab\" ,c\n", "1:<x>\n!2:characters after closing quote\n");
	/* the line where the stray character is */
	assert_csv("a\n\"multi\nline\"x\n",
		   "1:<a>\n!3:characters after closing quote\n");
	assert_csv("\"a\"\"b\"c", "!1:characters after closing quote\n");
}

static void test_error_quote_in_unquoted(void **state)
{
	(void)state;
	assert_csv("ab\"c\"\n", "!1:quote in unquoted field\n");
	assert_csv("ok\n5\" scar\n", "1:<ok>\n!2:quote in unquoted field\n");
	assert_csv(" \"a\"\n", "!1:quote in unquoted field\n");
}

static void test_error_nul(void **state)
{
	(void)state;
	assert_csv_n("a\0b\n", 4, "!1:NUL byte in field\n");
	assert_csv_n("x\n\"a\nb\0\"\n", 9, "1:<x>\n!3:NUL byte in field\n");
	assert_csv_n("\0", 1, "!1:NUL byte in field\n");
	assert_csv_n("\"a\"\0", 4, "!1:NUL byte in field\n");
	assert_csv_n("a,\0", 3, "!1:NUL byte in field\n");
}

static void test_error_bare_cr(void **state)
{
	(void)state;
	assert_csv("a\rb\n", "!1:carriage return not followed by line feed\n");
	assert_csv("a\n\n\"q\"\rx",
		   "1:<a>\n!3:carriage return not followed by line feed\n");
	assert_csv("\r\r\n", "!1:carriage return not followed by line feed\n");
}

static void test_error_is_sticky(void **state)
{
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	static const char in[] = "a\n\"b\"c\nd\n";

	(void)state;
	csv_reader_init(&r, in, sizeof(in) - 1);
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(csv_read_record(&r, &rec), -1);
	assert_string_equal(rec.error, "characters after closing quote");
	assert_int_equal(rec.err_line, 2);
	assert_int_equal(csv_read_record(&r, &rec), -1);
	assert_string_equal(rec.error, "characters after closing quote");
	assert_int_equal(rec.err_line, 2);
	assert_int_equal(rec.nfields, 0);
	csv_record_free(&rec);
}

static void test_spec_header(void **state)
{
	static const char *const header[] = {
		"treatment_date", "device", "depth_mm", "area", "risks", "day",
		"date", "redness", "swelling", "bruising", "bleeding", "signs",
		"note"
	};
	static const char in[] =
		"treatment_date,device,depth_mm,area,risks,day,date,redness,"
		"swelling,bruising,bleeding,signs,note\r\n"
		"2026-11-20,professional,1.0,face,dark-skin;cold-sores,3,"
		"2026-11-23,2,,0,0,warmth;pus,\"hot, \"\"angry\"\"\nskin\"\r\n";
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	size_t i;

	(void)state;
	csv_reader_init(&r, in, sizeof(in) - 1);
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(rec.nfields, 13);
	for (i = 0; i < 13; i++)
		assert_string_equal(rec.fields[i], header[i]);
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(rec.line, 2);
	assert_int_equal(rec.nfields, 13);
	assert_string_equal(rec.fields[4], "dark-skin;cold-sores");
	assert_string_equal(rec.fields[8], "");
	assert_string_equal(rec.fields[12], "hot, \"angry\"\nskin");
	assert_int_equal(csv_read_record(&r, &rec), 0);
	csv_record_free(&rec);
}

static char *field_str(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	csv_write_field(&sb, s);
	return sb_detach(&sb);
}

#define assert_field(in, expected) do { \
		char *got_ = field_str(in); \
		assert_string_equal(got_, expected); \
		free(got_); \
	} while (0)

static void test_write_field(void **state)
{
	(void)state;
	assert_field("plain", "plain");
	assert_field("", "");
	assert_field(NULL, "");
	assert_field("caf\xC3\xA9", "caf\xC3\xA9");
	assert_field("in side", "in side");
	assert_field("a;b", "a;b");
	assert_field("a,b", "\"a,b\"");
	assert_field("say \"hi\"", "\"say \"\"hi\"\"\"");
	assert_field("\"", "\"\"\"\"");
	assert_field("line\nbreak", "\"line\nbreak\"");
	assert_field("cr\r", "\"cr\r\"");
	assert_field(" lead", "\" lead\"");
	assert_field("trail ", "\"trail \"");
	assert_field("\ttab", "\"\ttab\"");
	assert_field("tab\t", "\"tab\t\"");
	assert_field(" ", "\" \"");
	assert_field("\xEF\xBB\xBFx", "\"\xEF\xBB\xBFx\"");
}

static void test_write_record(void **state)
{
	static const char *const three[] = { "a", "b,c", "" };
	static const char *const empty1[] = { "" };
	static const char *const null1[] = { NULL };
	static const char *const nulls[] = { NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	csv_write_record(&sb, three, 3);
	assert_string_equal(sb_str(&sb), "a,\"b,c\",\r\n");
	sb_free(&sb);

	csv_write_record(&sb, empty1, 1);
	csv_write_record(&sb, null1, 1);
	csv_write_record(&sb, nulls, 2);
	assert_string_equal(sb_str(&sb), "\"\"\r\n\"\"\r\n,\r\n");
	sb_free(&sb);

	csv_write_record(&sb, three, 0);
	assert_string_equal(sb_str(&sb), "");
	sb_free(&sb);
}

/* Records are NULL-terminated field lists; the list ends with NULL too. */
static const char *const rt_rec0[] = { "plain", "with,comma", "\"quoted\"",
	"multi\nline", "crlf\r\ninside", "", " leading", "trailing ", NULL };
static const char *const rt_rec1[] = { "", NULL };
static const char *const rt_rec2[] = { "", "", "", NULL };
static const char *const rt_rec3[] = { "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80",
	"\xEF\xBB\xBF" "bom", "\r", "\n", "\"", ",", "\"\"", " ", NULL };
static const char *const rt_rec4[] = { "last", NULL };
static const char *const *const rt_records[] = {
	rt_rec1, rt_rec3, rt_rec0, rt_rec2, rt_rec1, rt_rec4, NULL
};

static size_t count_fields(const char *const *f)
{
	size_t n = 0;

	while (f[n])
		n++;
	return n;
}

static void test_round_trip(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	size_t i, j, line = 1;

	(void)state;
	for (i = 0; rt_records[i]; i++)
		csv_write_record(&sb, rt_records[i], count_fields(rt_records[i]));

	csv_reader_init(&r, sb.s, sb.len);
	for (i = 0; rt_records[i]; i++) {
		size_t n = count_fields(rt_records[i]);

		assert_int_equal(csv_read_record(&r, &rec), 1);
		assert_int_equal(rec.line, line);
		assert_int_equal(rec.nfields, n);
		for (j = 0; j < n; j++) {
			const char *nl = rt_records[i][j];

			assert_string_equal(rec.fields[j], rt_records[i][j]);
			while ((nl = strchr(nl, '\n')) != NULL) {
				line++;
				nl++;
			}
		}
		line++;
	}
	assert_int_equal(csv_read_record(&r, &rec), 0);
	csv_record_free(&rec);
	sb_free(&sb);
}

/* The record's buffers are reused: a long record followed by short ones,
 * and a record with many fields. */
static void test_buffer_reuse(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	size_t i;

	(void)state;
	sb_putc(&sb, '"');
	for (i = 0; i < 100000; i++)
		sb_puts(&sb, i % 7 ? "x" : "\"\"");
	sb_puts(&sb, "\"\nshort\n");
	for (i = 0; i < 1000; i++)
		sb_printf(&sb, "%s%zu", i ? "," : "", i);
	sb_puts(&sb, "\n");

	csv_reader_init(&r, sb.s, sb.len);
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(rec.nfields, 1);
	assert_int_equal(strlen(rec.fields[0]), 100000);
	assert_int_equal(rec.fields[0][0], '"');
	assert_int_equal(rec.fields[0][1], 'x');
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(rec.nfields, 1);
	assert_string_equal(rec.fields[0], "short");
	assert_int_equal(csv_read_record(&r, &rec), 1);
	assert_int_equal(rec.line, 3);
	assert_int_equal(rec.nfields, 1000);
	assert_string_equal(rec.fields[0], "0");
	assert_string_equal(rec.fields[999], "999");
	assert_int_equal(csv_read_record(&r, &rec), 0);
	csv_record_free(&rec);
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_spaces_and_utf8),
		cmocka_unit_test(test_line_numbers),
		cmocka_unit_test(test_blank_lines_skipped),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_error_unterminated),
		cmocka_unit_test(test_error_after_quote),
		cmocka_unit_test(test_error_quote_in_unquoted),
		cmocka_unit_test(test_error_nul),
		cmocka_unit_test(test_error_bare_cr),
		cmocka_unit_test(test_error_is_sticky),
		cmocka_unit_test(test_spec_header),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_write_record),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_buffer_reuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
