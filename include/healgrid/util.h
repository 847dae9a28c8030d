/* util.h — the small things every module shares: error reporting,
 * allocation that never returns NULL, a growable string buffer, and
 * sanitising text for a terminal.
 *
 * Errors travel as return codes (HG_OK, HG_ERR_RUNTIME, HG_ERR_INPUT) up to
 * main(), which prints the one message recorded with hg_fail().
 */
#ifndef HEALGRID_UTIL_H
#define HEALGRID_UTIL_H

#include <stdarg.h>
#include <stddef.h>

enum hg_status {
	HG_OK = 0,
	HG_ERR_RUNTIME = 1,     /* exit 1: database unreadable, disk full ... */
	HG_ERR_INPUT = 2        /* exit 2: bad usage or bad input */
};

#if defined(__GNUC__)
#define HG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define HG_PRINTF(a, b)
#endif

/* Record the message to print (without "healgrid: " or newline) and return
 * status, so callers write `return hg_fail(HG_ERR_INPUT, "...", ...);`.
 * The first message recorded wins until hg_error_clear(). */
int hg_fail(int status, const char *fmt, ...) HG_PRINTF(2, 3);
const char *hg_error(void);          /* "" when none */
void hg_error_clear(void);

/* Allocation never returns NULL: when memory runs out, healgrid prints
 * "healgrid: out of memory" and exits 1 through hg_out_of_memory() (never
 * abort(): no core dump of a health record).  Also for SQLite's
 * SQLITE_NOMEM and any size that cannot be allocated. */
_Noreturn void hg_out_of_memory(void);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* The folder part of a path ("." when none, "/" for the root); caller frees. */
char *hg_dirname(const char *path);

struct strbuf {
	char *s;        /* NUL-terminated, NULL until something is added */
	size_t len;
	size_t cap;
};
#define STRBUF_INIT { NULL, 0, 0 }
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) HG_PRINTF(2, 3);
const char *sb_str(const struct strbuf *sb);   /* "" when empty */
char *sb_detach(struct strbuf *sb);            /* caller frees; never NULL */
void sb_free(struct strbuf *sb);

/* Copy of s safe to print on a terminal: control characters (C0, DEL, C1,
 * ESC sequences) become spaces, invalid UTF-8 becomes '?'.  Caller frees. */
char *hg_sanitize(const char *s);
/* 1 when the n bytes at s are valid UTF-8 (control characters allowed:
 * they are data, stripped only when shown on a terminal). */
int hg_utf8_valid(const char *s, size_t n);
/* Length of the UTF-8 sequence at s (of at most n bytes) and its code
 * point, or 0 when the bytes are not valid UTF-8. */
size_t hg_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Display columns of a UTF-8 string (wcwidth; invalid bytes count 1). */
int hg_utf8_width(const char *s);
/* Bytes of the longest prefix of s that fits in cols display columns,
 * ending between two characters (for "%.*s": never half a character). */
size_t hg_utf8_fit(const char *s, int cols);

#endif
