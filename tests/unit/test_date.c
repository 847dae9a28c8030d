/* test_date.c — calendar dates: strict parsing, arithmetic, "today". */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "healgrid/date.h"

static void parse_accepts_real_dates(void **state)
{
	int d;
	char buf[HG_DATE_LEN];
	static const char *const good[] = {
		"2026-11-25", "2024-02-29", "2000-02-29", "1999-12-31", "2026-01-01",
		"2026-12-31", "1900-01-01", "9999-12-31",
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(date_parse(good[i], &d), 0);
		date_format(d, buf);
		assert_string_equal(buf, good[i]);
	}
}

static void parse_rejects_impossible_dates(void **state)
{
	int d = 12345;
	static const char *const bad[] = {
		"2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01",
		"2026-00-10", "2026-01-00", "2026-1-01", "2026-01-1", "26-01-01",
		"2026/01/01", "2026-01-01x", " 2026-01-01", "", "abcd-ef-gh",
		"2026-01-32", "0000-01-01", "2026-+1-01",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(date_parse(bad[i], &d), -1);
	assert_int_equal(d, 12345);     /* untouched on failure */
	assert_int_equal(date_parse(NULL, &d), -1);
}

static void arithmetic_crosses_months_and_years(void **state)
{
	int d;
	char buf[HG_DATE_LEN];

	(void)state;
	assert_int_equal(date_parse("2026-11-20", &d), 0);
	date_format(d + 27, buf);
	assert_string_equal(buf, "2026-12-17");
	date_format(d + 42, buf);
	assert_string_equal(buf, "2027-01-01");
	assert_int_equal(date_parse("2024-02-28", &d), 0);
	date_format(d + 1, buf);
	assert_string_equal(buf, "2024-02-29");
	date_format(d + 2, buf);
	assert_string_equal(buf, "2024-03-01");
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_weekday(0), 3);   /* Thursday */
	assert_int_equal(date_parse("2026-11-23", &d), 0);
	assert_int_equal(date_weekday(d), 0);   /* a Monday */
}

static void today_follows_healgrid_today(void **state)
{
	int d, want;

	(void)state;
	setenv("HEALGRID_TODAY", "2026-03-01", 1);
	assert_int_equal(date_today(&d), 0);
	assert_int_equal(date_parse("2026-03-01", &want), 0);
	assert_int_equal(d, want);
	setenv("HEALGRID_TODAY", "2026-02-30", 1);
	assert_int_equal(date_today(&d), -1);
	unsetenv("HEALGRID_TODAY");
	assert_int_equal(date_today(&d), 0);
	assert_true(d > date_from_ymd(2020, 1, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_accepts_real_dates),
		cmocka_unit_test(parse_rejects_impossible_dates),
		cmocka_unit_test(arithmetic_crosses_months_and_years),
		cmocka_unit_test(today_follows_healgrid_today),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
