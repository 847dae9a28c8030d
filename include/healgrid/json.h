/* json.h — JSON writing shared by every output, and the reader the JSON
 * import walks (one level of a container at a time, over the text in
 * memory: no tree of the whole document is built). */
#ifndef HEALGRID_JSON_H
#define HEALGRID_JSON_H

#include <stdint.h>

#include "healgrid/util.h"

/* Append s as a quoted JSON string (UTF-8 kept, controls escaped). */
void json_string(struct strbuf *sb, const char *s);
/* Append "key": (with a leading comma unless first). */
void json_key(struct strbuf *sb, const char *key, int first);

/* ---- reading ---------------------------------------------------------- */

enum hg_json_type {
	HG_JSON_NULL, HG_JSON_TRUE, HG_JSON_FALSE, HG_JSON_INTEGER, HG_JSON_REAL,
	HG_JSON_TEXT, HG_JSON_ARRAY, HG_JSON_OBJECT
};

/* Containers deeper than this are not accepted. */
#define HG_JSON_MAX_DEPTH 2000

/* One member of an object or element of an array. */
struct hg_json_item {
	char *key;              /* member name, unescaped; NULL in an array; owned */
	int type;               /* enum hg_json_type */
	/* A string: its unescaped text (owned; may hold a NUL, see len).
	 * A number: its value as text (owned): an integer's digits, a
	 * real's 15 significant digits ("38.4", "100.0", "1.0e+20"); an
	 * integer past 64 bits is read as a real, so its text is a real's.
	 * true, false: "1", "0" (owned); null: NULL.
	 * An array or object: its JSON text inside the text it was read
	 * from (borrowed, not NUL-terminated: use len). */
	char *text;
	size_t len;             /* bytes of text */
	int64_t i;              /* a number's value (a real's clamped to 64 bits) */
	double r;
};

/* 0 when the len bytes at s are one JSON value (RFC 8259; surrounding
 * space allowed; containers at most HG_JSON_MAX_DEPTH deep), with *type
 * its type; -1 when they are not. */
int json_check(const char *s, size_t len, int *type);
/* The members or elements, in order, of the object or array at s (text
 * json_check accepted, or a container's text from an item).  Free with
 * json_items_free. */
void json_items(const char *s, size_t len, struct hg_json_item **out, size_t *n);
void json_items_free(struct hg_json_item *v, size_t n);

#endif
