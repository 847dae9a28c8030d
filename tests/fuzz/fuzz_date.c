/* fuzz_date.c — libFuzzer harness for date parsing and calendar sums.
 *
 * The input, as a C string, goes to date_parse.  When it is accepted,
 * date_format must give back exactly the input, the day must survive
 * date_to_ymd / date_from_ymd, and its neighbours must behave the same
 * (or be rejected, past the years 1900-9999).  The first 12 bytes are also read as three ints for date_valid_ymd,
 * whose accepted triples must round-trip the same way.
 *
 * Build: see run.sh (clang -fsanitize=fuzzer,address,undefined).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* A date as a day number matches its y-m-d; within the years healgrid
 * accepts (1900-9999) it is valid and formats and parses back. */
static void check_day(int day)
{
	char buf[HG_DATE_LEN];
	int y, m, d, back;

	date_to_ymd(day, &y, &m, &d);
	CHECK(date_from_ymd(y, m, d) == day);
	CHECK(date_weekday(day) >= 0 && date_weekday(day) <= 6);
	date_format(day, buf);
	CHECK(strlen(buf) == 10);
	if (y >= 1900 && y <= 9999) {
		CHECK(date_valid_ymd(y, m, d));
		CHECK(date_parse(buf, &back) == 0);
		CHECK(back == day);
	} else {
		CHECK(!date_valid_ymd(y, m, d));
		CHECK(date_parse(buf, &back) == -1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64], buf[HG_DATE_LEN];
	size_t n = size < sizeof(s) - 1 ? size : sizeof(s) - 1;
	int day;

	memcpy(s, data, n);
	s[n] = '\0';
	if (date_parse(s, &day) == 0) {
		date_format(day, buf);
		CHECK(strcmp(buf, s) == 0);
		check_day(day);
		check_day(day - 1);
		check_day(day + 1);
		CHECK(date_weekday(day + 1) == (date_weekday(day) + 1) % 7);
	}

	if (size >= 12) {
		int32_t v[3];

		memcpy(v, data, sizeof(v));
		if (date_valid_ymd(v[0], v[1], v[2]) && v[0] >= 1900 &&
		    v[0] <= 9999) {
			int y, m, d;

			day = date_from_ymd(v[0], v[1], v[2]);
			date_to_ymd(day, &y, &m, &d);
			CHECK(y == v[0] && m == v[1] && d == v[2]);
			check_day(day);
		}
	}
	return 0;
}
