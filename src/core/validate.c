/* validate.c — every field typed by a person, checked one way (see
 * validate.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/util.h"
#include "healgrid/validate.h"

enum { SHOWN_MAX = 40 };

/* "expected WHAT, got "S"" into msg; returns -1. */
static int expected(char *msg, const char *s, const char *fmt, ...) HG_PRINTF(3, 4);
static int expected(char *msg, const char *s, const char *fmt, ...)
{
	char what[160];
	char *shown;
	va_list ap;

	if (!msg)
		return -1;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	shown = hg_sanitize(s);
	if (strlen(shown) > SHOWN_MAX)
		memcpy(shown + SHOWN_MAX - 3, "...", 4);
	snprintf(msg, HG_VALID_MSG, "expected %s, got \"%s\"", what, shown);
	free(shown);
	return -1;
}

/* Digits only, at most 18 of them (so the value fits a long long). */
static int whole(const char *s, long long *out)
{
	long long v = 0;
	size_t n = strlen(s);

	if (n == 0 || n > 18)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int validate_int(const char *s, long lo, long hi, long *out, char *msg)
{
	long long v = 0;

	if (whole(s, &v) != 0 || v < lo || v > hi)
		return expected(msg, s, "a whole number %ld-%ld", lo, hi);
	*out = (long)v;
	return 0;
}

int validate_depth(const char *s, int empty_ok, double *out, char *msg)
{
	long long mant = 0;
	double scale = 1, v;
	int ndigits = 0, nint = 0, nfrac = 0, dot = 0;

	if (!*s && empty_ok) {
		*out = 0;
		return 0;
	}
	/* D, D.D...: the mantissa as a whole number and a power of ten,
	 * both exact in a double (at most 15 digits), so the quotient is the
	 * correctly rounded value strtod would give. */
	for (const char *p = s; *p; p++) {
		if (*p == '.' && !dot) {
			dot = 1;
		} else if (*p >= '0' && *p <= '9' && ndigits < 15) {
			mant = mant * 10 + (*p - '0');
			ndigits++;
			if (dot) {
				nfrac++;
				scale *= 10;
			} else {
				nint++;
			}
		} else {
			nint = 0;
			break;
		}
	}
	v = (double)mant / scale;
	if (nint == 0 || (dot && nfrac == 0) ||
	    !(v >= HG_DEPTH_MIN - 1e-9 && v <= HG_DEPTH_MAX + 1e-9))
		return expected(msg, s, "millimetres from %.1f to %.1f%s", HG_DEPTH_MIN,
				HG_DEPTH_MAX, empty_ok ? ", or empty" : "");
	*out = v;
	return 0;
}

int validate_window(const char *s, int *out, char *msg)
{
	long v = 0;

	if (validate_int(s, HG_WINDOW_MIN, HG_WINDOW_MAX, &v, msg) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

int validate_day(const char *s, int *out, char *msg)
{
	long v = 0;

	if (validate_int(s, 0, HG_DAY_MAX, &v, msg) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* A well-formed YYYY-MM-DD that is not a date says which part is wrong. */
static int date_part_wrong(const char *s, char *msg)
{
	static const char *const months[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	int y, m, d, len = 31;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	if (s[10])
		return 0;
	y = 0;
	for (int i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (msg && (m < 1 || m > 12)) {
		snprintf(msg, HG_VALID_MSG, "%s: there is no month %d", s, m);
		return 1;
	}
	while (len > 28 && !date_valid_ymd(y, m, len))
		len--;
	if (msg && (d < 1 || d > len)) {
		snprintf(msg, HG_VALID_MSG, "%s: there is no day %d in %s %d (it has %d days)",
		         s, d, months[m - 1], y, len);
		return 1;
	}
	return 0;
}

int validate_date(const char *s, int *out, char *msg)
{
	if (date_parse(s, out) != 0) {
		if (date_part_wrong(s, msg))
			return -1;
		return expected(msg, s, "a real date YYYY-MM-DD");
	}
	return 0;
}

int validate_treatment_date_max(void)
{
	return date_from_ymd(9999, 12, 31) - HG_DAY_MAX;
}

int validate_treatment_date(const char *s, int *out, char *msg)
{
	int d = 0;

	if (validate_date(s, &d, msg) != 0)
		return -1;
	if (d > validate_treatment_date_max()) {
		char last[HG_DATE_LEN];

		date_format(validate_treatment_date_max(), last);
		return expected(msg, s, "a date no later than %s", last);
	}
	*out = d;
	return 0;
}

int validate_rating(const char *s, const char *unrated, int *out, char *msg)
{
	if (strcmp(s, unrated) == 0) {
		*out = HG_UNRATED;
		return 0;
	}
	if (s[0] >= '0' && s[0] <= '0' + HG_RATING_MAX && s[1] == '\0') {
		*out = s[0] - '0';
		return 0;
	}
	if (!*unrated)
		return expected(msg, s, "0-%d or empty (not rated)", HG_RATING_MAX);
	return expected(msg, s, "0-%d", HG_RATING_MAX);
}

int validate_id(const char *s, int64_t *out, char *msg)
{
	long long v = 0;

	if (whole(s, &v) != 0 || v < 1)
		return expected(msg, s, "a treatment id (a number from 'healgrid treatment list')");
	*out = v;
	return 0;
}

int validate_text(const char *s, size_t max, char *msg)
{
	size_t n = strlen(s);

	if (n > max) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "longer than %zu bytes (got %zu)", max, n);
		return -1;
	}
	if (!hg_utf8_valid(s, n)) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "not valid UTF-8 text");
		return -1;
	}
	return 0;
}

int validate_note(const char *s, char *msg)
{
	return validate_text(s, HG_NOTE_MAX, msg);
}

int validate_products(const char *s, char *msg)
{
	return validate_text(s, HG_PRODUCTS_MAX, msg);
}

int validate_area(const char *s, char *msg)
{
	if (!*s) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "expected a name such as face, got \"\"");
		return -1;
	}
	return validate_text(s, HG_AREA_MAX, msg);
}

int validate_medicine_text(const char *s, int required, char **out, char *msg)
{
	char *clean, *start;
	size_t n;

	*out = NULL;
	if (!hg_utf8_valid(s, strlen(s))) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "not valid UTF-8 text");
		return -1;
	}
	clean = hg_sanitize(s);
	start = clean + strspn(clean, " ");
	n = strlen(start);
	while (n > 0 && start[n - 1] == ' ')
		n--;
	start[n] = '\0';
	if (required && n == 0) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "empty: give the medicine's name");
		free(clean);
		return -1;
	}
	if (n > HG_MEDICINE_TEXT_MAX) {
		if (msg)
			snprintf(msg, HG_VALID_MSG, "longer than %d bytes (got %zu)",
				 HG_MEDICINE_TEXT_MAX, n);
		free(clean);
		return -1;
	}
	memmove(clean, start, n + 1);
	*out = clean;
	return 0;
}
