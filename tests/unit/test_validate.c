/* test_validate.c — every typed field, one way: plain decimals only,
 * limits from one place, and a one-line message naming what is expected. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/validate.h"

static void depth_plain_decimals_only(void **state)
{
	static const char *const bad[] = {
		"+1.0", "1e0", "0x1p0", "\t1.0", " 1.0", "1.0 ", "1.", ".5", "1,0", "-1.0",
		"inf", "nan", "1.0.0", "", "0.05", "3.01", "10", "0000000000000001.0",
	};
	char msg[HG_VALID_MSG];
	double v;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = -1;
		assert_int_equal(validate_depth(bad[i], 0, &v, msg), -1);
		assert_true(v == -1);
		assert_non_null(strstr(msg, "expected millimetres from 0.1 to 3.0, got \""));
		assert_null(strchr(msg, '\n'));
		assert_null(strchr(msg, '\t'));
	}
	assert_int_equal(validate_depth("1.0", 0, &v, msg), 0);
	assert_true(v == 1.0);
	assert_int_equal(validate_depth("0.25", 0, &v, msg), 0);
	assert_true(v == 0.25);
	assert_int_equal(validate_depth("0.1", 0, &v, msg), 0);
	assert_true(v == 0.1);
	assert_int_equal(validate_depth("3", 0, &v, msg), 0);
	assert_true(v == 3.0);
	assert_int_equal(validate_depth("1.15", 0, &v, msg), 0);
	assert_true(v == strtod("1.15", NULL));
	assert_int_equal(validate_depth("", 1, &v, msg), 0);
	assert_true(v == 0);
	assert_int_equal(validate_depth("x", 1, &v, msg), -1);
	assert_string_equal(msg, "expected millimetres from 0.1 to 3.0, or empty, got \"x\"");
}

static void depth_ignores_a_decimal_comma_locale(void **state)
{
	char msg[HG_VALID_MSG];
	double v;

	(void)state;
	/* The locale is installed wherever the suite runs (see
	 * tests/cli/locale.sh); here it only matters when it is. */
	if (setlocale(LC_ALL, "de_DE.UTF-8")) {
		assert_int_equal(validate_depth("1.5", 0, &v, msg), 0);
		assert_true(v == 1.5);
		assert_int_equal(validate_depth("1,5", 0, &v, msg), -1);
		setlocale(LC_ALL, "C");
	}
}

static void whole_numbers(void **state)
{
	static const char *const bad[] = {
		"+14", " 14", "14 ", "0x0e", "1e1", "-7", "6", "", "99999999999999999999",
	};
	char msg[HG_VALID_MSG];
	long l;
	int w;
	int64_t id;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(validate_window(bad[i], &w, msg), -1);
		assert_int_equal(validate_int(bad[i], 7, 90, &l, msg), -1);
	}
	assert_int_equal(validate_window("14", &w, msg), 0);
	assert_int_equal(w, 14);
	assert_int_equal(validate_window("1", &w, msg), -1);
	assert_string_equal(msg, "expected a whole number 7-180, got \"1\"");
	assert_int_equal(validate_day("0", &w, msg), 0);
	assert_int_equal(validate_day("+0", &w, msg), -1);
	assert_int_equal(validate_id("12", &id, msg), 0);
	assert_int_equal(id, 12);
	assert_int_equal(validate_id("0", &id, msg), -1);
	assert_int_equal(validate_id("+1", &id, msg), -1);
}

static void ratings_and_text(void **state)
{
	char msg[HG_VALID_MSG], big[HG_NOTE_MAX + 2];
	int r;

	(void)state;
	assert_int_equal(validate_rating("-", "-", &r, msg), 0);
	assert_int_equal(r, HG_UNRATED);
	assert_int_equal(validate_rating("", "", &r, msg), 0);
	assert_int_equal(r, HG_UNRATED);
	assert_int_equal(validate_rating("3", "-", &r, msg), 0);
	assert_int_equal(r, 3);
	assert_int_equal(validate_rating("5", "-", &r, msg), -1);
	assert_string_equal(msg, "expected 0-3, got \"5\"");
	assert_int_equal(validate_rating("+1", "", &r, msg), -1);
	assert_string_equal(msg, "expected 0-3 or empty (not rated), got \"+1\"");
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(validate_note(big, msg), -1);
	big[HG_NOTE_MAX] = '\0';
	assert_int_equal(validate_note(big, msg), 0);
	assert_int_equal(validate_note("\xff", msg), -1);
	assert_int_equal(validate_area("", msg), -1);
	assert_int_equal(validate_area("face", msg), 0);
}

static void long_input_is_shortened_in_the_message(void **state)
{
	char msg[HG_VALID_MSG], big[4000];
	double v;

	(void)state;
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[5] = '\x1b';
	assert_int_equal(validate_depth(big, 0, &v, msg), -1);
	assert_true(strlen(msg) < 100);
	assert_null(strchr(msg, '\x1b'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(depth_plain_decimals_only),
		cmocka_unit_test(depth_ignores_a_decimal_comma_locale),
		cmocka_unit_test(whole_numbers),
		cmocka_unit_test(ratings_and_text),
		cmocka_unit_test(long_input_is_shortened_in_the_message),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
