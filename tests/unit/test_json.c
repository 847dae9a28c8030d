/* test_json.c — cmocka tests for the JSON reader (src/core/json.c):
 * what json_check accepts, and the items json_items reads, each as the
 * JSON import sees it (the same values SQLite's JSON functions gave). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/json.h"
#include "healgrid/util.h"

static int check(const char *s)
{
	int type;

	return json_check(s, strlen(s), &type) == 0 ? type : -1;
}

static void test_check_accepts(void **state)
{
	(void)state;
	assert_int_equal(check(" {\"a\": [1, -0, 2.5e-3, 1E+2, true, false, null, \"\"]}\n"),
			 HG_JSON_OBJECT);
	assert_int_equal(check("[]"), HG_JSON_ARRAY);
	assert_int_equal(check("{ }"), HG_JSON_OBJECT);
	assert_int_equal(check("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\""), HG_JSON_TEXT);
	assert_int_equal(check("-12"), HG_JSON_INTEGER);
	assert_int_equal(check("0.5"), HG_JSON_REAL);
	assert_int_equal(check("\"caf\xc3\xa9\""), HG_JSON_TEXT);
}

static void test_check_refuses(void **state)
{
	static const char *const bad[] = {
		"", " ", "{", "[1,]", "[,1]", "{\"a\" 1}", "{\"a\":}", "{a: 1}", "{\"a\": 1,}",
		"[1] [2]", "[1]x", "01", "-", "-01", "1.", ".5", "1.e5", "1e", "1e+", "+1",
		"tru", "nul", "True", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"",
		"\"a\nb\"", "\"a\tb\"", "[1 2]", "{\"a\":1 \"b\":2}", "'a'", "NaN", "[\f]",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (check(bad[i]) != -1)
			fail_msg("accepted: %s", bad[i]);
	}
	assert_int_equal(json_check("[1]\0", 4, &(int){ 0 }), -1);
}

/* n arrays, one inside the other. */
static char *nested(int n)
{
	char *s = xmalloc(2 * (size_t)n + 1);

	memset(s, '[', (size_t)n);
	memset(s + n, ']', (size_t)n);
	s[2 * n] = '\0';
	return s;
}

static void test_check_depth(void **state)
{
	char *s = nested(HG_JSON_MAX_DEPTH);

	(void)state;
	assert_int_equal(check(s), HG_JSON_ARRAY);
	free(s);
	s = nested(HG_JSON_MAX_DEPTH + 1);
	assert_int_equal(check(s), -1);
	free(s);
}

static void test_items_of_object(void **state)
{
	const char *s = "{ \"a\\u0062\" : \"x\\\"]}\\\\\" , \"n\": [1, {\"k\": \"]\\\"\"}] ,"
			"\"o\":{} , \"t\": true, \"f\": false, \"z\": null }";
	struct hg_json_item *v;
	size_t n;

	(void)state;
	assert_int_equal(check(s), HG_JSON_OBJECT);
	json_items(s, strlen(s), &v, &n);
	assert_int_equal(n, 6);
	assert_string_equal(v[0].key, "ab");
	assert_int_equal(v[0].type, HG_JSON_TEXT);
	assert_string_equal(v[0].text, "x\"]}\\");
	assert_int_equal(v[0].len, 5);
	assert_string_equal(v[1].key, "n");
	assert_int_equal(v[1].type, HG_JSON_ARRAY);
	/* a container's text is where it lies */
	assert_ptr_equal(v[1].text, strchr(s, '['));
	assert_int_equal(v[1].len, strlen("[1, {\"k\": \"]\\\"\"}]"));
	assert_memory_equal(v[1].text, "[1, {\"k\": \"]\\\"\"}]", v[1].len);
	assert_int_equal(v[2].type, HG_JSON_OBJECT);
	assert_int_equal(v[2].len, 2);
	assert_int_equal(v[3].type, HG_JSON_TRUE);
	assert_string_equal(v[3].text, "1");
	assert_int_equal(v[4].type, HG_JSON_FALSE);
	assert_string_equal(v[4].text, "0");
	assert_int_equal(v[5].type, HG_JSON_NULL);
	assert_null(v[5].text);

	/* the items of an item's text */
	{
		struct hg_json_item *w;
		size_t m;

		json_items(v[1].text, v[1].len, &w, &m);
		assert_int_equal(m, 2);
		assert_null(w[0].key);
		assert_int_equal(w[0].i, 1);
		assert_int_equal(w[1].type, HG_JSON_OBJECT);
		json_items_free(w, m);
		json_items(v[2].text, v[2].len, &w, &m);
		assert_int_equal(m, 0);
		json_items_free(w, m);
	}
	json_items_free(v, n);
}

/* The one item of "[VALUE]". */
static struct hg_json_item *one(const char *value, struct hg_json_item **v)
{
	char buf[200];
	size_t n;

	snprintf(buf, sizeof buf, "[%s]", value);
	assert_int_equal(check(buf), HG_JSON_ARRAY);
	json_items(buf, strlen(buf), v, &n);
	assert_int_equal(n, 1);
	return *v;
}

#define assert_number(value, want_type, want_text, want_i) do { \
		struct hg_json_item *v_, *it_ = one(value, &v_); \
		assert_int_equal(it_->type, want_type); \
		assert_string_equal(it_->text, want_text); \
		assert_int_equal(it_->len, strlen(want_text)); \
		assert_true(it_->i == (int64_t)(want_i)); \
		json_items_free(v_, 1); \
	} while (0)

static void test_numbers(void **state)
{
	(void)state;
	assert_number("0", HG_JSON_INTEGER, "0", 0);
	assert_number("-0", HG_JSON_INTEGER, "0", 0);
	assert_number("42", HG_JSON_INTEGER, "42", 42);
	assert_number("9223372036854775807", HG_JSON_INTEGER, "9223372036854775807", INT64_MAX);
	assert_number("-9223372036854775808", HG_JSON_INTEGER, "-9223372036854775808", INT64_MIN);
	/* past 64 bits: read as a real, clamped */
	assert_number("9223372036854775808", HG_JSON_INTEGER, "9.22337203685478e+18", INT64_MAX);
	assert_number("-9223372036854775809", HG_JSON_INTEGER, "-9.22337203685478e+18",
		      INT64_MIN);
	assert_number("99999999999999999999999", HG_JSON_INTEGER, "1.0e+23", INT64_MAX);
	assert_number("38.4", HG_JSON_REAL, "38.4", 38);
	assert_number("38.40", HG_JSON_REAL, "38.4", 38);
	assert_number("1e2", HG_JSON_REAL, "100.0", 100);
	assert_number("-2.5", HG_JSON_REAL, "-2.5", -2);
	assert_number("1e20", HG_JSON_REAL, "1.0e+20", INT64_MAX);
	assert_number("1e999", HG_JSON_REAL, "Inf", INT64_MAX);
	assert_number("0.1", HG_JSON_REAL, "0.1", 0);
}

static void test_strings(void **state)
{
	struct hg_json_item *v, *it;

	(void)state;
	/* a surrogate pair is one character; a lone half is kept as three bytes */
	it = one("\"\\ud83d\\ude00|\\ud83d|\\u00e9\\u20ac\\/\"", &v);
	assert_string_equal(it->text, "\xf0\x9f\x98\x80|\xed\xa0\xbd|\xc3\xa9\xe2\x82\xac/");
	json_items_free(v, 1);
	/* an escaped NUL is kept: the length says so */
	it = one("\"fa\\u0000ce\"", &v);
	assert_int_equal(it->len, 5);
	assert_memory_equal(it->text, "fa\0ce", 5);
	json_items_free(v, 1);
	it = one("\"a\\\\\"", &v);
	assert_string_equal(it->text, "a\\");
	json_items_free(v, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_accepts),
		cmocka_unit_test(test_check_refuses),
		cmocka_unit_test(test_check_depth),
		cmocka_unit_test(test_items_of_object),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
