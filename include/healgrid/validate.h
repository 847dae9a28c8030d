/* validate.h — the one place where a field typed by a person (on the
 * command line, in an imported file, in a form) becomes a value.
 *
 * Every entry point calls these, so `+1.0` or `1e0` means the same thing
 * everywhere (here: nothing; it is refused).  Each validate_* returns 0 and
 * stores the value, or returns -1 and writes a one-line message into
 * msg[HG_VALID_MSG], such as `expected a whole number 7-90, got "5"`.  The
 * caller puts the field's name in front ("--window: ", "file.csv:3:
 * window: ", "Window: ").  Text quoted from the input is sanitised for a
 * terminal and shortened.
 *
 * Numbers are plain decimals in ASCII whatever the locale: digits, and for
 * depths one '.' between digits; no sign, exponent, hex or whitespace.
 *
 * The limits live in model.h (rating, note, window, depth) and here
 * (area, products, day, treatment date).
 */
#ifndef HEALGRID_VALIDATE_H
#define HEALGRID_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/model.h"

enum { HG_VALID_MSG = 256 };
enum { HG_AREA_MAX = 200 };                 /* bytes of UTF-8 in an area */
enum { HG_PRODUCTS_MAX = HG_NOTE_MAX };     /* bytes of UTF-8 in products */
enum { HG_DAY_MAX = HG_WINDOW_MAX - 1 };    /* the last day a window holds */

/* A whole number lo..hi (digits only). */
int validate_int(const char *s, long lo, long hi, long *out, char *msg);
/* Depth in mm, HG_DEPTH_MIN..HG_DEPTH_MAX: "1", "1.5", "0.25".  With
 * empty_ok, "" is accepted as 0 (unknown). */
int validate_depth(const char *s, int empty_ok, double *out, char *msg);
/* A tracking window in days, HG_WINDOW_MIN..HG_WINDOW_MAX. */
int validate_window(const char *s, int *out, char *msg);
/* A day of a window, 0..HG_DAY_MAX. */
int validate_day(const char *s, int *out, char *msg);
/* A real date YYYY-MM-DD (see date_parse). */
int validate_date(const char *s, int *out, char *msg);
/* A treatment date: a real date no later than validate_treatment_date_max(),
 * 9999-12-31 less the last day of the longest window, so every day a
 * treatment can hold is a four-digit year (9999-10-03 for 90 days). */
int validate_treatment_date(const char *s, int *out, char *msg);
int validate_treatment_date_max(void);
/* A rating 0..HG_RATING_MAX, or `unrated` (such as "-" or "") for
 * HG_UNRATED. */
int validate_rating(const char *s, const char *unrated, int *out, char *msg);
/* A treatment id: a whole number from 1. */
int validate_id(const char *s, int64_t *out, char *msg);
/* Valid UTF-8 of at most max bytes. */
int validate_text(const char *s, size_t max, char *msg);
int validate_note(const char *s, char *msg);
int validate_products(const char *s, char *msg);
/* A non-empty area name of at most HG_AREA_MAX bytes. */
int validate_area(const char *s, char *msg);
/* A medicine's name (required: not empty) or dose: valid UTF-8 whose
 * control characters are stripped (each becomes a space; spaces at either
 * end go), then at most HG_MEDICINE_TEXT_MAX bytes.  0 with *out the
 * cleaned copy (caller frees), else -1 and msg. */
int validate_medicine_text(const char *s, int required, char **out, char *msg);

#endif
