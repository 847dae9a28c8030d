/* csv.h — an RFC 4180 CSV reader over an in-memory buffer, and a writer
 * into a strbuf.  Only syntax lives here: what the columns mean (the export
 * header, dates, ratings) belongs to the import/export code that calls it.
 *
 * Reading — the dialect accepted:
 *  - Records end with CRLF or LF; the last record may end without one.
 *    A bare CR outside quotes is an error (a CR right at the end of input
 *    is taken as the end of the line).
 *  - Fields are separated by ','.  A field that starts with '"' is quoted:
 *    it may contain ',', CR, LF and '""' (one quote).  After the closing
 *    quote only ',', a line end or the end of input may follow.
 *  - A '"' inside an unquoted field is an error; so is a NUL byte anywhere
 *    in a field.  Nothing is trimmed: spaces are part of the field.
 *  - A UTF-8 byte order mark (EF BB BF) at the very start is skipped.
 *  - Blank lines (nothing between two line ends) are skipped, wherever they
 *    are, so a record always has at least one field.  A record made of a
 *    single empty field is therefore written as "" (see csv_write_record).
 *  - Line numbers are physical, 1-based: each LF (or CRLF) counts once, so
 *    a quoted field holding two newlines makes the next record start two
 *    lines further down.  A CR inside quotes is data and does not count.
 *  - Fields are not checked for valid UTF-8; callers validate content.
 *
 * Writing: fields are quoted only when needed (they contain ',', '"', CR
 * or LF, start or end with a space or tab, or start with a UTF-8 byte order
 * mark); every record ends with CRLF, as RFC 4180 asks.
 */
#ifndef HEALGRID_CSV_H
#define HEALGRID_CSV_H

#include <stddef.h>

struct strbuf;

struct csv_reader {
	const char *data;       /* not owned; must outlive the reader */
	size_t len;
	size_t pos;             /* next byte to read */
	size_t line;            /* physical line of data[pos], 1-based */
	const char *error;      /* sticky: set once a syntax error is met */
	size_t err_line;
};

/* One record.  The field strings live in a buffer owned by the record and
 * reused by the next csv_read_record() on it: they stay valid until then or
 * until csv_record_free().  Copy what must outlive that. */
struct csv_record {
	const char **fields;    /* nfields NUL-terminated strings */
	size_t nfields;         /* >= 1 after a record is read */
	size_t line;            /* first physical line of the record, 1-based */
	/* On -1: a short static text such as "unterminated quoted field",
	 * and the line it concerns (for an unterminated quoted field, the line
	 * where its opening quote is).  NULL / 0 otherwise. */
	const char *error;
	size_t err_line;
	/* private */
	char *buf;
	size_t buf_len, buf_cap;
	size_t *offs;
	size_t offs_cap;
};
#define CSV_RECORD_INIT { NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0 }

/* data need not be NUL-terminated and may hold any bytes. */
void csv_reader_init(struct csv_reader *r, const char *data, size_t len);

/* Read the next record into rec.  Returns 1 for a record, 0 at the end of
 * input, -1 on a syntax error (rec->error, rec->err_line; rec->fields is
 * then empty).  After an error every further call returns the same error:
 * the reader does not try to resynchronise. */
int csv_read_record(struct csv_reader *r, struct csv_record *rec);

/* Free rec's memory; rec is left as CSV_RECORD_INIT and may be reused. */
void csv_record_free(struct csv_record *rec);

/* Append one field, quoted only when needed.  NULL is written as empty. */
void csv_write_field(struct strbuf *out, const char *s);

/* Append n fields separated by ',' and a CRLF.  A record of one empty
 * field is written as "" so that it is not read back as a blank line;
 * n == 0 writes nothing. */
void csv_write_record(struct strbuf *out, const char *const *fields,
		      size_t n);

#endif
