/* util.c — error recording, checked allocation, string buffers and
 * terminal-safe text.  Nothing here knows about SQLite or curses. */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "healgrid/util.h"

static char last_error[1024];
static int have_error;

int hg_fail(int status, const char *fmt, ...)
{
	va_list ap;

	if (!have_error) {
		va_start(ap, fmt);
		vsnprintf(last_error, sizeof last_error, fmt, ap);
		va_end(ap);
		have_error = 1;
	}
	return status;
}

const char *hg_error(void)
{
	return have_error ? last_error : "";
}

void hg_error_clear(void)
{
	have_error = 0;
	last_error[0] = '\0';
}

/* The one way out when memory runs out: one line on stderr (written
 * without allocating), then exit(1), which runs the atexit handlers (the
 * UI's terminal restore) and flushes stdio.  Nothing saved is at risk:
 * SQLite rolls back a transaction left open by an exiting process when
 * the database is next opened. */
static void (*before_fatal)(void);

void hg_set_before_fatal(void (*fn)(void))
{
	before_fatal = fn;
}

void hg_out_of_memory(void)
{
	static const char msg[] = "healgrid: out of memory\n";
	static volatile sig_atomic_t dying;
	void (*fn)(void) = before_fatal;

	/* The terminal first (the UI leaves the alternate screen), so the
	 * line lands where it stays; an allocation failing in there comes
	 * back here and goes straight on. */
	if (!dying++ && fn) {
		before_fatal = NULL;
		fn();
	}
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nowhere left to say it: the exit status still does */
	}
	exit(HG_ERR_RUNTIME);
}

/* ---- temporary files, removed on every way out ---- */

enum { HG_TMP_SLOTS = 64 };
static char *tmp_paths[HG_TMP_SLOTS];
static volatile sig_atomic_t ntmp;

/* Files first, then the (then empty) folders. */
void hg_tmp_remove_all(void)
{
	for (sig_atomic_t i = 0; i < ntmp; i++)
		if (tmp_paths[i])
			(void)unlink(tmp_paths[i]);
	for (sig_atomic_t i = 0; i < ntmp; i++)
		if (tmp_paths[i])
			(void)rmdir(tmp_paths[i]);
}

void hg_tmp_add(const char *path)
{
	static int registered;
	char *copy = xstrdup(path);

	if (!registered && atexit(hg_tmp_remove_all) == 0)
		registered = 1;
	for (sig_atomic_t i = 0; i < ntmp; i++)
		if (!tmp_paths[i]) {
			tmp_paths[i] = copy;
			return;
		}
	if (ntmp < HG_TMP_SLOTS) {
		tmp_paths[ntmp] = copy;   /* set before it counts */
		ntmp = ntmp + 1;
	} else {
		free(copy);             /* removed the normal way only */
	}
}

void hg_tmp_forget(const char *path)
{
	for (sig_atomic_t i = 0; i < ntmp; i++)
		if (tmp_paths[i] && strcmp(tmp_paths[i], path) == 0) {
			char *p = tmp_paths[i];

			tmp_paths[i] = NULL;
			free(p);
			return;
		}
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		hg_out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		hg_out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		hg_out_of_memory();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	/* Sizes that would wrap around cannot be allocated anyway. */
	if (extra > SIZE_MAX / 2 - sb->len)
		hg_out_of_memory();
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	sb->s = xrealloc(sb->s, cap);
	sb->cap = cap;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->cap)
		sb_grow(sb, 1);
	sb->s[sb->len++] = c;
	sb->s[sb->len] = '\0';
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	size_t room = sb->cap > sb->len ? sb->cap - sb->len : 0;

	/* Straight into the free space; format twice only when it is short. */
	va_start(ap, fmt);
	n = vsnprintf(room ? sb->s + sb->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (room)
			sb->s[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		sb_grow(sb, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->s ? sb->s : "";
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->s ? sb->s : xstrdup("");

	sb->s = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

size_t hg_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t len;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2; *cp = c & 0x1F; min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3; *cp = c & 0x0F; min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4; *cp = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

static int is_control(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

char *hg_sanitize(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	sb_grow(&sb, n);
	sb.s[0] = '\0';                /* "" stays "" */
	while (n > 0) {
		unsigned cp;
		size_t len = 0;

		/* Printable ASCII, the bulk of any note, goes over in runs. */
		while (len < n && p[len] >= 0x20 && p[len] < 0x7F)
			len++;
		if (len > 0) {
			sb_add(&sb, (const char *)p, len);
			p += len;
			n -= len;
			continue;
		}
		len = hg_utf8_decode((const char *)p, n, &cp);

		if (len == 0) {
			sb_putc(&sb, '?');
			len = 1;
		} else if (is_control(cp)) {
			sb_putc(&sb, ' ');
		} else {
			sb_add(&sb, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
	return sb_detach(&sb);
}

int hg_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	while (n > 0) {
		unsigned cp;
		size_t len = hg_utf8_decode((const char *)p, n, &cp);

		if (len == 0 || cp == 0)
			return 0;
		p += len;
		n -= len;
	}
	return 1;
}

/* The one walk over display columns: bytes of the longest prefix of the n
 * bytes at s that fits in cols columns (all of them when cols < 0), and
 * its width. */
size_t hg_utf8_fit_n(const char *s, size_t n, int cols, int *width)
{
	size_t k = 0;
	int w = 0;

	while (k < n) {
		size_t len = 1;         /* ASCII, or a byte that is not UTF-8 */
		int cw = 1;

		if ((unsigned char)s[k] >= 0x80) {
			unsigned cp;
			size_t dl = hg_utf8_decode(s + k, n - k, &cp);

			if (dl > 0) {
				len = dl;
				cw = wcwidth((wchar_t)cp);
				if (cw < 0)
					cw = 1;
			}
		}
		if (cols >= 0 && w + cw > cols)
			break;
		w += cw;
		k += len;
	}
	if (width)
		*width = w;
	return k;
}

int hg_utf8_width_n(const char *s, size_t n)
{
	int w;

	hg_utf8_fit_n(s, n, -1, &w);
	return w;
}

int hg_utf8_width(const char *s)
{
	return hg_utf8_width_n(s, strlen(s));
}

size_t hg_utf8_fit(const char *s, int cols)
{
	return hg_utf8_fit_n(s, strlen(s), cols, NULL);
}

/* ---- word wrapping ------------------------------------------------------ */

void hg_spaces(struct strbuf *sb, int n)
{
	static const char blank[] = "                                ";

	for (; n > 0; n -= (int)sizeof blank - 1)
		sb_add(sb, blank, n < (int)sizeof blank - 1 ? (size_t)n : sizeof blank - 1);
}

void hg_wrap_start(struct hg_wrap *w, struct strbuf *sb, int width, int indent)
{
	size_t start = sb->len;

	while (start > 0 && sb->s[start - 1] != '\n')
		start--;
	w->sb = sb;
	w->width = width;
	w->indent = indent;
	w->col = hg_utf8_width_n(sb->s ? sb->s + start : "", sb->len - start);
	w->words = 0;
}

void hg_wrap_newline(struct hg_wrap *w)
{
	sb_putc(w->sb, '\n');
	hg_spaces(w->sb, w->indent);
	w->col = w->indent;
	w->words = 0;
}

static void wrap_word(struct hg_wrap *w, const char *p, size_t n)
{
	int ww = hg_utf8_width_n(p, n);

	if (w->words > 0) {
		if (w->col + 1 + ww <= w->width) {
			sb_putc(w->sb, ' ');
			w->col++;
		} else {
			hg_wrap_newline(w);
		}
	}
	/* A word wider than what is left is cut between characters (at
	 * least one character on a line that holds nothing else). */
	while (w->col + ww > w->width) {
		int used;
		size_t i = hg_utf8_fit_n(p, n, w->width - w->col, &used);

		if (i == 0 && w->col <= w->indent) {
			unsigned cp;

			if ((i = hg_utf8_decode(p, n, &cp)) == 0)
				i = 1;
			used = hg_utf8_width_n(p, i);
		}
		sb_add(w->sb, p, i);
		p += i;
		n -= i;
		ww -= used;
		hg_wrap_newline(w);
		if (n == 0)
			return;
	}
	sb_add(w->sb, p, n);
	w->col += ww;
	w->words++;
}

void hg_wrap_words(struct hg_wrap *w, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		size_t k = 0;

		while (s + k < end && s[k] != ' ')
			k++;
		if (k)
			wrap_word(w, s, k);
		s += k;
		while (s < end && *s == ' ')
			s++;
	}
}

char *hg_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	char *d = xmalloc((size_t)(slash - path) + 1);
	memcpy(d, path, (size_t)(slash - path));
	d[slash - path] = '\0';
	return d;
}

/* ---- base64 (RFC 4648) ------------------------------------------------ */

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void hg_base64(struct strbuf *sb, const unsigned char *p, size_t n)
{
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = b64[v >> 18];
		q[1] = b64[(v >> 12) & 63];
		q[2] = b64[(v >> 6) & 63];
		q[3] = b64[v & 63];
		if (i + 1 >= n)
			q[2] = '=';
		if (i + 2 >= n)
			q[3] = '=';
		sb_add(sb, q, 4);
	}
}

int hg_unbase64(const char *s, size_t n, unsigned char **out, size_t *len)
{
	unsigned char *buf;
	size_t k = 0;

	*out = NULL;
	*len = 0;
	if (n % 4 != 0)
		return -1;
	buf = xmalloc(n / 4 * 3 + 1);
	for (size_t i = 0; i < n; i += 4) {
		unsigned v = 0;
		int pad = 0;

		for (size_t j = 0; j < 4; j++) {
			const char *at = s[i + j] ? strchr(b64, s[i + j]) : NULL;

			if (s[i + j] == '=' && i + 4 == n && j >= 2 && (j == 3 || s[i + 3] == '=')) {
				pad++;
				v <<= 6;
				continue;
			}
			if (!at || pad) {
				free(buf);
				return -1;
			}
			v = (v << 6) | (unsigned)(at - b64);
		}
		buf[k++] = (unsigned char)(v >> 16);
		if (pad < 2)
			buf[k++] = (unsigned char)(v >> 8);
		if (pad < 1)
			buf[k++] = (unsigned char)v;
	}
	*out = buf;
	*len = k;
	return 0;
}

/* Optimal string alignment distance (Levenshtein plus transpositions):
 * "chekin" is one away from "checkin", "redenss" one from "redness". */
size_t hg_edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t *d, r;

	if (n > 64 || m > 64)
		return (size_t)-1;
	d = xcalloc((n + 1) * (m + 1), sizeof *d);
#define D(i, j) d[(i) * (m + 1) + (j)]
	for (size_t i = 0; i <= n; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= m; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = D(i - 1, j) + 1;

			if (D(i, j - 1) + 1 < v)
				v = D(i, j - 1) + 1;
			if (D(i - 1, j - 1) + cost < v)
				v = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    D(i - 2, j - 2) + 1 < v)
				v = D(i - 2, j - 2) + 1;
			D(i, j) = v;
		}
	r = D(n, m);
#undef D
	free(d);
	return r;
}

/* Close enough to suggest: at most two edits, and fewer than half the
 * typed word (so "x" suggests nothing). */
int hg_near_enough(const char *typed, size_t dist)
{
	return dist <= 2 && 2 * dist <= strlen(typed);
}

const char *hg_nearest(const char *typed, const char *const *names)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	for (size_t i = 0; names[i]; i++) {
		size_t dist = hg_edit_distance(typed, names[i]);
		if (dist < best_d) {
			best_d = dist;
			best = names[i];
		}
	}
	return best && hg_near_enough(typed, best_d) ? best : NULL;
}
