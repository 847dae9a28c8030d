/* date.h — calendar dates as day numbers, strict parsing, and "today".
 *
 * A date is an int: days since 1970-01-01 (proleptic Gregorian), so
 * "treatment date + day" is plain addition.  No time zones here beyond
 * asking the C library for the local date once.
 */
#ifndef HEALGRID_DATE_H
#define HEALGRID_DATE_H

#include <stddef.h>

enum { HG_DATE_LEN = 11 };  /* "YYYY-MM-DD" + NUL */

/* Parse exactly YYYY-MM-DD (years 1900-9999), rejecting impossible dates
 * such as 2026-02-30.  Returns 0 and sets *out, or -1. */
int date_parse(const char *s, int *out);
/* Write YYYY-MM-DD into buf (at least HG_DATE_LEN bytes). */
void date_format(int day, char buf[HG_DATE_LEN]);
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
int date_valid_ymd(int y, int m, int d);
/* 0 = Monday .. 6 = Sunday */
int date_weekday(int day);

/* Today's local date, or $HEALGRID_TODAY when set.  Returns 0, or -1 when
 * HEALGRID_TODAY is set but is not a valid date. */
int date_today(int *out);

#endif
