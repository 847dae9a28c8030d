/* fuzz_csv.c — libFuzzer harness for the CSV reader and writer.
 *
 * Reads every record of the input (up to the first syntax error), checks
 * the reader's promises (line numbers, field counts, NUL-free fields), then
 * writes the records with csv_write_record, reads that back and requires
 * the very same records, no error, and a writer that reproduces its own
 * output byte for byte.
 *
 * Build: see run.sh (clang -fsanitize=fuzzer,address,undefined).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

struct saved {
	char **fields;
	size_t n;
};

/* Physical lines in data: LF count + 1. */
static size_t count_lines(const char *s, size_t n)
{
	size_t lines = 1, i;

	for (i = 0; i < n; i++)
		lines += s[i] == '\n';
	return lines;
}

/* Read all records of in; write them to out; keep copies in *recs.
 * Returns the reader's final status (0 or -1). */
static int read_all(const char *in, size_t len, struct strbuf *out,
		    struct saved **recs, size_t *nrecs)
{
	struct csv_reader r;
	struct csv_record rec = CSV_RECORD_INIT;
	size_t cap = 0, last_line = 0, max_line = count_lines(in, len);
	int rc;

	*recs = NULL;
	*nrecs = 0;
	csv_reader_init(&r, in, len);
	while ((rc = csv_read_record(&r, &rec)) == 1) {
		struct saved *s;
		size_t i;

		CHECK(rec.nfields >= 1);
		CHECK(rec.error == NULL);
		CHECK(rec.line > last_line && rec.line <= max_line);
		last_line = rec.line;
		if (*nrecs == cap) {
			cap = cap ? cap * 2 : 8;
			*recs = xrealloc(*recs, cap * sizeof(**recs));
		}
		s = &(*recs)[(*nrecs)++];
		s->n = rec.nfields;
		s->fields = xmalloc(rec.nfields * sizeof(*s->fields));
		for (i = 0; i < rec.nfields; i++) {
			/* fields lie inside the record's buffer, NUL-free */
			CHECK(rec.fields[i] >= rec.buf &&
			      rec.fields[i] < rec.buf + rec.buf_len);
			CHECK(strlen(rec.fields[i]) <
			      (size_t)(rec.buf + rec.buf_len - rec.fields[i]));
			s->fields[i] = xstrdup(rec.fields[i]);
		}
		csv_write_record(out, (const char *const *)s->fields, s->n);
	}
	if (rc < 0) {
		CHECK(rec.error != NULL && rec.error[0] != '\0');
		CHECK(rec.err_line >= 1 && rec.err_line <= max_line);
		CHECK(rec.nfields == 0);
		/* sticky */
		CHECK(csv_read_record(&r, &rec) == -1);
	} else {
		CHECK(csv_read_record(&r, &rec) == 0);
	}
	csv_record_free(&rec);
	return rc;
}

static void free_saved(struct saved *recs, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < recs[i].n; j++)
			free(recs[i].fields[j]);
		free(recs[i].fields);
	}
	free(recs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out1 = STRBUF_INIT, out2 = STRBUF_INIT;
	struct saved *a, *b;
	size_t na, nb, i, j;

	read_all((const char *)data, size, &out1, &a, &na);
	CHECK(read_all(out1.s, out1.len, &out2, &b, &nb) == 0);
	CHECK(na == nb);
	for (i = 0; i < na; i++) {
		CHECK(a[i].n == b[i].n);
		for (j = 0; j < a[i].n; j++)
			CHECK(strcmp(a[i].fields[j], b[i].fields[j]) == 0);
	}
	CHECK(out1.len == out2.len);
	CHECK(out1.len == 0 || memcmp(out1.s, out2.s, out1.len) == 0);

	free_saved(a, na);
	free_saved(b, nb);
	sb_free(&out1);
	sb_free(&out2);
	return 0;
}
