/* csv.c — the RFC 4180 reader and writer declared in csv.h.
 *
 * The reader makes one pass over the input: runs of plain bytes are copied
 * with memcpy into the record's buffer, which grows geometrically, so time
 * and memory stay linear in the input whatever it holds.  Field offsets are
 * kept while reading and turned into pointers once the record is complete,
 * because the buffer may move as it grows.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/util.h"

static const char ERR_UNTERMINATED[] = "unterminated quoted field";
static const char ERR_AFTER_QUOTE[] = "characters after closing quote";
static const char ERR_QUOTE[] = "quote in unquoted field";
static const char ERR_NUL[] = "NUL byte in field";
static const char ERR_CR[] = "carriage return not followed by line feed";

void csv_reader_init(struct csv_reader *r, const char *data, size_t len)
{
	r->data = data;
	r->len = data ? len : 0;
	r->pos = 0;
	r->line = 1;
	r->error = NULL;
	r->err_line = 0;
	if (r->len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

void csv_record_free(struct csv_record *rec)
{
	free(rec->fields);
	free(rec->buf);
	free(rec->offs);
	*rec = (struct csv_record)CSV_RECORD_INIT;
}

/* Room for n more bytes in rec->buf. */
static void buf_reserve(struct csv_record *rec, size_t n)
{
	size_t need, cap;

	if (n > SIZE_MAX - rec->buf_len)
		hg_out_of_memory();
	need = rec->buf_len + n;
	if (need <= rec->buf_cap)
		return;
	cap = rec->buf_cap ? rec->buf_cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	rec->buf = xrealloc(rec->buf, cap);
	rec->buf_cap = cap;
}

static void buf_add(struct csv_record *rec, const char *s, size_t n)
{
	if (n == 0)
		return;
	buf_reserve(rec, n);
	memcpy(rec->buf + rec->buf_len, s, n);
	rec->buf_len += n;
}

static void buf_addc(struct csv_record *rec, char c)
{
	buf_reserve(rec, 1);
	rec->buf[rec->buf_len++] = c;
}

static void field_begin(struct csv_record *rec)
{
	if (rec->nfields == rec->offs_cap) {
		size_t cap = rec->offs_cap ? rec->offs_cap * 2 : 16;

		if (cap > SIZE_MAX / sizeof(*rec->offs) ||
		    cap > SIZE_MAX / sizeof(*rec->fields))
			hg_out_of_memory();
		rec->offs = xrealloc(rec->offs, cap * sizeof(*rec->offs));
		rec->fields = xrealloc(rec->fields, cap * sizeof(*rec->fields));
		rec->offs_cap = cap;
	}
	rec->offs[rec->nfields++] = rec->buf_len;
}

static int fail(struct csv_reader *r, struct csv_record *rec,
		const char *msg, size_t line)
{
	r->error = msg;
	r->err_line = line;
	rec->nfields = 0;
	rec->error = msg;
	rec->err_line = line;
	return -1;
}

/* Length of the run at data[pos] free of the bytes that need attention. */
static size_t plain_run(const struct csv_reader *r, int quoted)
{
	const unsigned char *p = (const unsigned char *)r->data + r->pos;
	size_t n = r->len - r->pos, i;

	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c == '"' || c == '\n' || c == '\0')
			break;
		if (!quoted && (c == ',' || c == '\r'))
			break;
	}
	return i;
}

/* Read a quoted field; r->pos is on its opening quote.  0 or -1. */
static int read_quoted(struct csv_reader *r, struct csv_record *rec)
{
	size_t open_line = r->line;

	r->pos++;
	for (;;) {
		size_t n = plain_run(r, 1);

		buf_add(rec, r->data + r->pos, n);
		r->pos += n;
		if (r->pos == r->len)
			return fail(r, rec, ERR_UNTERMINATED, open_line);
		switch (r->data[r->pos]) {
		case '\0':
			return fail(r, rec, ERR_NUL, r->line);
		case '\n':
			buf_addc(rec, '\n');
			r->pos++;
			r->line++;
			break;
		default: /* '"' */
			if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
				buf_addc(rec, '"');
				r->pos += 2;
				break;
			}
			r->pos++;
			return 0;
		}
	}
}

/* After a field: 1 when another field follows, 0 at the end of the record,
 * -1 on an error. */
static int read_separator(struct csv_reader *r, struct csv_record *rec,
			  int quoted)
{
	if (r->pos == r->len)
		return 0;
	switch (r->data[r->pos]) {
	case ',':
		r->pos++;
		return 1;
	case '\n':
		r->pos++;
		r->line++;
		return 0;
	case '\r':
		if (r->pos + 1 == r->len) {
			r->pos++;
			return 0;
		}
		if (r->data[r->pos + 1] == '\n') {
			r->pos += 2;
			r->line++;
			return 0;
		}
		return fail(r, rec, ERR_CR, r->line);
	case '\0':
		return fail(r, rec, ERR_NUL, r->line);
	default:
		/* unquoted fields stop only at ',', CR, LF, NUL or '"' */
		return fail(r, rec, quoted ? ERR_AFTER_QUOTE : ERR_QUOTE,
			    r->line);
	}
}

/* Skip blank lines; a lone CR at the very end counts as one. */
static void skip_blank_lines(struct csv_reader *r)
{
	while (r->pos < r->len) {
		const char *p = r->data + r->pos;
		size_t left = r->len - r->pos;

		if (p[0] == '\n') {
			r->pos++;
			r->line++;
		} else if (p[0] == '\r' && left >= 2 && p[1] == '\n') {
			r->pos += 2;
			r->line++;
		} else if (p[0] == '\r' && left == 1) {
			r->pos++;
		} else {
			break;
		}
	}
}

int csv_read_record(struct csv_reader *r, struct csv_record *rec)
{
	size_t i;
	int more;

	rec->nfields = 0;
	rec->buf_len = 0;
	rec->error = NULL;
	rec->err_line = 0;
	if (r->error) {
		rec->line = r->err_line;
		return fail(r, rec, r->error, r->err_line);
	}
	skip_blank_lines(r);
	rec->line = r->line;
	if (r->pos == r->len)
		return 0;

	do {
		int quoted = r->pos < r->len && r->data[r->pos] == '"';

		field_begin(rec);
		if (quoted) {
			if (read_quoted(r, rec) < 0)
				return -1;
		} else {
			size_t n = plain_run(r, 0);

			buf_add(rec, r->data + r->pos, n);
			r->pos += n;
		}
		buf_addc(rec, '\0');
		/* "a," at the end of input goes round once more: the last
		 * field is empty */
		more = read_separator(r, rec, quoted);
		if (more < 0)
			return -1;
	} while (more);

	for (i = 0; i < rec->nfields; i++)
		rec->fields[i] = rec->buf + rec->offs[i];
	return 1;
}

static int needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	if (strpbrk(s, ",\"\r\n"))
		return 1;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

void csv_write_field(struct strbuf *out, const char *s)
{
	const char *q;

	if (!s)
		s = "";
	if (!needs_quotes(s)) {
		sb_puts(out, s);
		return;
	}
	sb_putc(out, '"');
	while ((q = strchr(s, '"')) != NULL) {
		sb_add(out, s, (size_t)(q - s) + 1);
		sb_putc(out, '"');
		s = q + 1;
	}
	sb_puts(out, s);
	sb_putc(out, '"');
}

void csv_write_record(struct strbuf *out, const char *const *fields,
		      size_t n)
{
	size_t i;

	if (n == 0)
		return;
	if (n == 1 && (!fields[0] || !fields[0][0])) {
		sb_puts(out, "\"\"\r\n");
		return;
	}
	for (i = 0; i < n; i++) {
		if (i)
			sb_putc(out, ',');
		csv_write_field(out, fields[i]);
	}
	sb_puts(out, "\r\n");
}
