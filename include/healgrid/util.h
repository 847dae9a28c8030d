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
/* fn runs first when memory runs out, before the line is written: the UI
 * gives the terminal back there, so the line is not lost on its
 * alternate screen.  NULL: none. */
void hg_set_before_fatal(void (*fn)(void));

/* Temporary files and folders of this process (the UI's photo copies,
 * the --demo database, the note handed to an editor): removed at exit,
 * and by hg_tmp_remove_all, which a crash handler may call (it only
 * unlinks and removes folders: async-signal-safe): files first, then the
 * folders.  hg_tmp_forget once the path is removed the normal way. */
void hg_tmp_add(const char *path);
void hg_tmp_forget(const char *path);
void hg_tmp_remove_all(void);
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
/* Display columns of a UTF-8 string, or of its first n bytes (wcwidth;
 * invalid bytes count 1). */
int hg_utf8_width(const char *s);
int hg_utf8_width_n(const char *s, size_t n);
/* Bytes of the longest prefix of s (or of its first n bytes) that fits in
 * cols display columns, ending between two characters (for "%.*s": never
 * half a character); hg_utf8_fit_n puts that prefix's width in *width
 * (may be NULL). */
size_t hg_utf8_fit(const char *s, int cols);
size_t hg_utf8_fit_n(const char *s, size_t n, int cols, int *width);

/* n spaces onto sb (nothing when n <= 0). */
void hg_spaces(struct strbuf *sb, int n);
/* The one word wrapper.  hg_wrap_start continues the last line of sb;
 * hg_wrap_words adds the words of the n bytes at s (split at spaces, runs
 * of spaces collapse) and starts a new line, indented by `indent`
 * spaces, when the next word would pass column `width`; a word wider than
 * a line is cut between characters.  Text must be sanitised (no line
 * breaks or control characters): hg_wrap_newline is the line break. */
struct hg_wrap {
	struct strbuf *sb;
	int width;              /* columns of a line */
	int indent;             /* continuation lines start here */
	int col;                /* current column */
	int words;              /* words on the current line */
};
void hg_wrap_start(struct hg_wrap *w, struct strbuf *sb, int width, int indent);
void hg_wrap_words(struct hg_wrap *w, const char *s, size_t n);
void hg_wrap_newline(struct hg_wrap *w);

/* base64 (RFC 4648, padded) of n bytes appended to sb; and back: 0 and a malloc'd
 * *out (caller frees), or -1 on anything but canonical base64. */
void hg_base64(struct strbuf *sb, const unsigned char *p, size_t n);
int hg_unbase64(const char *s, size_t n, unsigned char **out, size_t *len);

/* Optimal string alignment distance between two words ((size_t)-1 past
 * 64 bytes), and the name of a NULL-terminated list nearest to `typed`
 * when it is near enough to suggest ("did you mean ...?"), else NULL. */
size_t hg_edit_distance(const char *a, const char *b);
int hg_near_enough(const char *typed, size_t dist);
const char *hg_nearest(const char *typed, const char *const *names);

#endif
