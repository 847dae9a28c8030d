/* import.c — the CSV export back into the database.
 *
 * One pass inside one transaction: each record is parsed (csv.c), every
 * field validated, its treatment found by (treatment_date, area) — from a
 * cache, so a file grouped by treatment costs one lookup per treatment —
 * or created, and the check-in saved with the prepared statements of
 * db.c.  Windows are widened once at the end.  The first bad row rolls
 * everything back.  A file is read a piece at a time, cut at record
 * boundaries.  No SQL here.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/import.h"
#include "healgrid/record.h"
#include "healgrid/util.h"
#include "healgrid/validate.h"

/* import_file reads this much of the file at a time (more only for a
 * record longer than that), so memory does not grow with the file. */
enum { IMPORT_PIECE = 1 << 18 };

/* One treatment named in the file. */
struct entry {
	int date;
	char *area;
	struct hg_treatment t;          /* as stored (or as created) */
	int created;
	int max_day;
	uint64_t seen[(HG_WINDOW_MAX + 63) / 64]; /* days given so far */
	size_t line;                    /* where the file first named it; 0: stored */
	enum hg_device device;          /* the details on that line (or stored) */
	double depth;
	unsigned risks;
	int skin_type;
	int skin_known;                 /* a version 1 row does not say */
	int widened;                    /* its window grew to hold a row */
};

struct cache {
	struct entry **slot;            /* open addressing, power-of-two size */
	size_t cap, n;
	struct entry *last;             /* the previous row's treatment */
};

static uint64_t key_hash(int date, const char *area)
{
	uint64_t h = 1469598103934665603ULL ^ (uint64_t)(unsigned)date;

	for (const unsigned char *p = (const unsigned char *)area; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h;
}

static struct entry **cache_find(struct cache *c, int date, const char *area)
{
	size_t i = (size_t)key_hash(date, area) & (c->cap - 1);

	while (c->slot[i] && (c->slot[i]->date != date || strcmp(c->slot[i]->area, area) != 0))
		i = (i + 1) & (c->cap - 1);
	return &c->slot[i];
}

static void cache_grow(struct cache *c)
{
	struct entry **old = c->slot;
	size_t oldcap = c->cap;

	c->cap = oldcap ? oldcap * 2 : 64;
	c->slot = xcalloc(c->cap, sizeof *c->slot); /* NOLINT(bugprone-sizeof-expression): slots are pointers */
	for (size_t i = 0; i < oldcap; i++)
		if (old[i])
			*cache_find(c, old[i]->date, old[i]->area) = old[i];
	free(old);
}

static void cache_free(struct cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		if (c->slot[i]) {
			free(c->slot[i]->area);
			model_treatment_free(&c->slot[i]->t);
			free(c->slot[i]);
		}
	free(c->slot);
}

/* ---- field checks ----------------------------------------------------- */

struct row_ctx {
	const char *name;
	size_t line;
};

static int bad(const struct row_ctx *x, const char *what)
{
	return hg_fail(HG_ERR_INPUT, "%s:%zu: %s", x->name, x->line, what);
}

/* Field text safe to quote in a one-line message. */
static char *shown(const char *s)
{
	char *clean = hg_sanitize(s);

	if (strlen(clean) > 40)
		memcpy(clean + 37, "...", 4);
	return clean;
}

static int fail_field(const struct row_ctx *x, const char *col, const char *expected,
		      const char *got)
{
	char *g = shown(got);
	int rc = hg_fail(HG_ERR_INPUT, "%s:%zu: %s: expected %s, got \"%s\"", x->name, x->line,
			 col, expected, g);
	free(g);
	return rc;
}

/* A field validate.h refused: its message, after file, line and column. */
static int bad_field(const struct row_ctx *x, const char *col, const char *msg)
{
	return hg_fail(HG_ERR_INPUT, "%s:%zu: %s: %s", x->name, x->line, col, msg);
}

static int parse_date(const struct row_ctx *x, const char *col, const char *s, int *out)
{
	char msg[HG_VALID_MSG];

	return validate_date(s, out, msg) == 0 ? HG_OK : bad_field(x, col, msg);
}

static int parse_day(const struct row_ctx *x, const char *s, int *out)
{
	char msg[HG_VALID_MSG];

	return validate_day(s, out, msg) == 0 ? HG_OK : bad_field(x, "day", msg);
}

static int parse_rating(const struct row_ctx *x, const char *col, const char *s, int *out)
{
	char msg[HG_VALID_MSG];

	return validate_rating(s, "", out, msg) == 0 ? HG_OK : bad_field(x, col, msg);
}

static int parse_depth(const struct row_ctx *x, const char *s, double *out)
{
	char msg[HG_VALID_MSG];

	return validate_depth(s, 1, out, msg) == 0 ? HG_OK : bad_field(x, "depth_mm", msg);
}

static int check_text(const struct row_ctx *x, const char *col, const char *s, size_t max)
{
	char msg[HG_VALID_MSG];

	return validate_text(s, max, msg) == 0 ? HG_OK : bad_field(x, col, msg);
}

static int parse_names(const struct row_ctx *x, const char *col, const char *s,
		       int (*parse)(const char *, unsigned *, char **), const char *kind,
		       unsigned *out)
{
	char *unknown = NULL;

	if (parse(s, out, &unknown) != 0) {
		char *g = shown(unknown);
		int rc = hg_fail(HG_ERR_INPUT, "%s:%zu: %s: unknown %s \"%s\" (see healgrid"
				 " checkin --help)", x->name, x->line, col, kind, g);
		free(g);
		free(unknown);
		return rc;
	}
	return HG_OK;
}

/* Everything one record says, validated. */
struct row {
	int tdate;
	enum hg_device device;
	double depth;
	const char *area;
	unsigned risks;
	int skin_type;
	int v2;                         /* the row has the version 2 columns */
	struct hg_checkin c;
};

static int parse_row(const struct row_ctx *x, const char *const *f, size_t ncols, int today,
		     struct row *row)
{
	int rc, date, dev;
	char want[HG_DATE_LEN], got[HG_DATE_LEN], msg[HG_VALID_MSG];

	model_checkin_init(&row->c);
	if (validate_treatment_date(f[EXPORT_TREATMENT_DATE], &row->tdate, msg) != 0)
		return bad_field(x, "treatment_date", msg);
	dev = model_device_lookup(f[EXPORT_DEVICE]);
	if (dev < 0)
		return fail_field(x, "device", "professional or home", f[EXPORT_DEVICE]);
	row->device = (enum hg_device)dev;
	rc = parse_depth(x, f[EXPORT_DEPTH], &row->depth);
	if (rc == HG_OK && validate_area(f[EXPORT_AREA], msg) != 0)
		rc = bad_field(x, "area", msg);
	row->area = f[EXPORT_AREA];
	if (rc == HG_OK)
		rc = parse_names(x, "risks", f[EXPORT_RISKS], model_parse_risks, "risk", &row->risks);
	if (rc == HG_OK)
		rc = parse_day(x, f[EXPORT_DAY], &row->c.day);
	if (rc == HG_OK)
		rc = parse_date(x, "date", f[EXPORT_DATE], &date);
	if (rc != HG_OK)
		return rc;
	if (date != row->tdate + row->c.day) {
		date_format(row->tdate + row->c.day, want);
		return hg_fail(HG_ERR_INPUT, "%s:%zu: date: %s is not treatment_date + day"
			       " (%s + %d = %s)", x->name, x->line, f[EXPORT_DATE],
			       f[EXPORT_TREATMENT_DATE], row->c.day, want);
	}
	if (date > today) {
		date_format(today, got);
		return hg_fail(HG_ERR_INPUT, "%s:%zu: date: %s is after today (%s); a day"
			       " cannot be rated before it comes", x->name, x->line,
			       f[EXPORT_DATE], got);
	}
	for (int s = 0; s < HG_SYMPTOM_COUNT && rc == HG_OK; s++)
		rc = parse_rating(x, export_csv_header[EXPORT_REDNESS + s], f[EXPORT_REDNESS + s],
				  &row->c.rating[s]);
	/* "-": not assessed; a list, empty for none, is assessed */
	row->c.signs_assessed = strcmp(f[EXPORT_SIGNS], "-") != 0;
	row->c.care_assessed = 1;       /* a version 1 row: as stored days of then */
	if (rc == HG_OK && row->c.signs_assessed)
		rc = parse_names(x, "signs", f[EXPORT_SIGNS], model_parse_signs, "sign",
				 &row->c.signs);
	if (rc == HG_OK)
		rc = check_text(x, "note", f[EXPORT_NOTE], HG_NOTE_MAX);
	if (rc == HG_OK)
		row->c.note = xstrdup(f[EXPORT_NOTE]);
	row->v2 = ncols == EXPORT_COLUMNS;
	row->skin_type = HG_SKIN_NONE;
	if (rc != HG_OK || !row->v2)
		return rc;
	if (*f[EXPORT_TEMPERATURE]) {
		const char *why;
		const char *p = f[EXPORT_TEMPERATURE];
		size_t n = strlen(p);

		/* A plain number of degrees Celsius, as export writes it. */
		if (n == 0 || strchr("0123456789", p[n - 1]) == NULL
		    || model_parse_temp(p, &row->c.temp, &why) != 0)
			return fail_field(x, "temperature_c", "34.0-43.0 (degrees C, one decimal)", p);
	}
	row->c.care_assessed = strcmp(f[EXPORT_CARE], "-") != 0;
	if (row->c.care_assessed)
		rc = parse_names(x, "care", f[EXPORT_CARE], model_parse_care, "care item",
				 &row->c.care);
	if (rc == HG_OK && *f[EXPORT_SKIN_TYPE]) {
		row->skin_type = model_parse_skin_type(f[EXPORT_SKIN_TYPE]);
		if (row->skin_type < 0)
			rc = fail_field(x, "skin_type", "1-6", f[EXPORT_SKIN_TYPE]);
	}
	return rc;
}

/* ---- treatments ------------------------------------------------------- */

static int entry_get(struct hg_db *db, struct cache *c, const struct row_ctx *x,
		     const struct row *row, struct entry **out)
{
	struct entry *e = c->last, **slot;
	int rc;

	if (e && e->date == row->tdate && strcmp(e->area, row->area) == 0) {
		*out = e;
		return HG_OK;
	}
	if ((c->n + 1) * 2 > c->cap)
		cache_grow(c);
	slot = cache_find(c, row->tdate, row->area);
	if (*slot) {
		*out = c->last = *slot;
		return HG_OK;
	}
	e = xcalloc(1, sizeof *e);
	e->date = row->tdate;
	e->area = xstrdup(row->area);
	e->max_day = -1;
	e->line = x->line;
	e->device = row->device;
	e->depth = row->depth;
	e->risks = row->risks;
	e->skin_type = row->skin_type;
	e->skin_known = row->v2;
	*slot = e;
	c->n++;
	c->last = e;
	*out = e;

	int64_t id;
	rc = db_treatment_find(db, row->tdate, row->area, &id);
	if (rc != HG_OK)
		return rc;
	if (id) {
		/* Rows must agree with the stored treatment. */
		rc = db_treatment_get(db, id, &e->t);
		e->line = 0;
		e->device = e->t.device;
		e->depth = e->t.depth;
		e->risks = e->t.risks;
		e->skin_type = e->t.skin_type;
		e->skin_known = 1;
		return rc;
	}
	model_treatment_init(&e->t);
	e->t.date = row->tdate;
	e->t.device = row->device;
	e->t.depth = row->depth;
	e->t.area = xstrdup(row->area);
	e->t.products = xstrdup("");
	e->t.note = xstrdup("");
	e->t.risks = row->risks;
	e->t.skin_type = row->skin_type;
	e->t.window = HG_WINDOW_DEFAULT;
	e->created = 1;
	return record_treatment_add(db, &e->t, NULL);
}

/* Rows of one treatment must agree on its details. */
static int entry_check(const struct row_ctx *x, const struct entry *e, const struct row *row)
{
	const char *what = NULL;

	if (row->device != e->device)
		what = "device";
	else if (row->depth != e->depth)
		what = "depth_mm";
	else if (row->risks != e->risks)
		what = "risks";
	else if (row->v2 && e->skin_known && row->skin_type != e->skin_type)
		what = "skin_type";
	if (what) {
		char date[HG_DATE_LEN], where[64];
		char *area = shown(e->area);
		int rc;

		date_format(e->date, date);
		if (e->line)
			snprintf(where, sizeof where, "line %zu for the same treatment", e->line);
		else
			snprintf(where, sizeof where, "the stored treatment %lld", (long long)e->t.id);
		rc = hg_fail(HG_ERR_INPUT, "%s:%zu: %s differs from %s (%s, %s)", x->name,
			     x->line, what, where, date, area);
		free(area);
		return rc;
	}

	if (e->seen[row->c.day / 64] & ((uint64_t)1 << (row->c.day % 64))) {
		char date[HG_DATE_LEN];
		char *area = shown(e->area);
		int rc;

		date_format(e->date, date);
		rc = hg_fail(HG_ERR_INPUT, "%s:%zu: day %d of the treatment (%s, %s) is given"
			     " twice in this file", x->name, x->line, row->c.day, date, area);
		free(area);
		return rc;
	}
	return HG_OK;
}

/* Count the treatments the rows named (their windows widened row by row,
 * in the record layer). */
static void count_all(struct cache *c, struct import_stats *st)
{
	for (size_t i = 0; i < c->cap; i++) {
		struct entry *e = c->slot[i];

		if (!e)
			continue;
		st->treatments++;
		if (e->created)
			st->created++;
		else if (e->widened)
			st->widened++;
	}
}

/* ---- the import ------------------------------------------------------- */

/* The header of version 2 or of version 1 (its first columns): *ncols. */
static int check_header(const char *name, const struct csv_record *rec, size_t *ncols)
{
	int same = rec->nfields == EXPORT_COLUMNS || rec->nfields == EXPORT_COLUMNS_V1;

	for (size_t i = 0; same && i < rec->nfields; i++)
		same = strcmp(rec->fields[i], export_csv_header[i]) == 0;
	*ncols = rec->nfields;
	if (same)
		return HG_OK;

	struct strbuf want = STRBUF_INIT;
	for (size_t i = 0; i < EXPORT_COLUMNS; i++)
		sb_printf(&want, "%s%s", i ? "," : "", export_csv_header[i]);
	int rc = hg_fail(HG_ERR_INPUT, "%s:%zu: the header is not healgrid's; expected %s",
			 name, rec->line, sb_str(&want));
	sb_free(&want);
	return rc;
}

/* One import in progress: the records may come in several pieces of the
 * file (import_file), each ending at a record boundary. */
struct run {
	struct hg_db *db;
	const char *name;
	int today;
	struct import_stats *st;
	struct csv_record rec;
	struct cache cache;
	size_t ncols;                   /* of the header: version 1 or 2 */
	int begun;                      /* header checked, transaction open */
};

/* The records in data[0..len), which starts at physical line `line` and
 * ends at a record boundary (or at the end of the file: last).  first: the
 * start of the file, where a byte order mark is skipped. */
static int run_piece(struct run *x, const char *data, size_t len, size_t line,
		     int first, int last)
{
	struct csv_reader rd;
	int rc = HG_OK, got;

	csv_reader_init(&rd, data, len);
	if (!first)
		rd.pos = 0;             /* a mark mid-file is data, not a mark */
	rd.line = line;
	if (!x->begun) {
		got = csv_read_record(&rd, &x->rec);
		if (got == 0 && !last)
			return HG_OK;   /* only blank lines so far */
		if (got == 0)
			rc = hg_fail(HG_ERR_INPUT, "%s: empty file; expected the CSV header of"
				     " 'healgrid export'", x->name);
		else if (got < 0)
			rc = hg_fail(HG_ERR_INPUT, "%s:%zu: %s", x->name, x->rec.err_line,
				     x->rec.error);
		else
			rc = check_header(x->name, &x->rec, &x->ncols);
		if (rc == HG_OK)
			rc = db_begin(x->db);
		if (rc != HG_OK)
			return rc;
		x->begun = 1;
	}
	while (rc == HG_OK && (got = csv_read_record(&rd, &x->rec)) == 1) {
		struct row_ctx rx = { x->name, x->rec.line };
		struct row row;
		struct entry *e;

		if (x->rec.nfields != x->ncols) {
			char what[64];
			snprintf(what, sizeof what, "expected %zu fields, got %zu", x->ncols,
				 x->rec.nfields);
			rc = bad(&rx, what);
			break;
		}
		rc = parse_row(&rx, x->rec.fields, x->ncols, x->today, &row);
		if (rc == HG_OK)
			rc = entry_get(x->db, &x->cache, &rx, &row, &e);
		if (rc == HG_OK)
			rc = entry_check(&rx, e, &row);
		if (rc == HG_OK && !row.v2 && !e->created) {
			/* A version 1 row does not carry the temperature and
			 * care of a stored day: they stay. */
			struct hg_checkin old;
			int found = 0;

			model_checkin_init(&old);
			rc = db_checkin_get(x->db, e->t.id, row.c.day, &old, &found);
			if (rc == HG_OK && found) {
				row.c.temp = old.temp;
				row.c.care = old.care;
				row.c.care_assessed = old.care_assessed;
			}
			model_checkin_free(&old);
		}
		if (rc == HG_OK) {
			struct record_result res;

			/* A row with nothing in it (a day of photos only, in an
			 * export) leaves the stored day as it is. */
			row.c.treatment_id = e->t.id;
			rc = record_day_import(x->db, &e->t, &row.c, NULL, 0, &res);
			e->seen[row.c.day / 64] |= (uint64_t)1 << (row.c.day % 64);
			if (row.c.day > e->max_day)
				e->max_day = row.c.day;
			if (res.widened_from)
				e->widened = 1;
			if (res.stored)
				x->st->rows++;
		}
		model_checkin_free(&row.c);
		if (rc != HG_OK)
			break;
	}
	if (rc == HG_OK && got < 0)
		rc = hg_fail(HG_ERR_INPUT, "%s:%zu: %s", x->name, x->rec.err_line, x->rec.error);
	return rc;
}

static void run_init(struct run *x, struct hg_db *db, const char *name, int today,
		     struct import_stats *st)
{
	memset(x, 0, sizeof *x);
	x->db = db;
	x->name = name;
	x->today = today;
	x->st = st;
	memset(st, 0, sizeof *st);
}

/* Count what was done and commit, or roll back. */
static int run_end(struct run *x, int rc)
{
	if (rc == HG_OK)
		count_all(&x->cache, x->st);
	if (x->begun) {
		if (rc == HG_OK)
			rc = db_commit(x->db);
		else
			db_rollback(x->db);
	}
	csv_record_free(&x->rec);
	cache_free(&x->cache);
	if (rc != HG_OK)
		memset(x->st, 0, sizeof *x->st);
	return rc;
}

/* Bytes of data[0..len) up to and including the last line end outside a
 * quoted field (0 when there is none).  data starts at a record boundary.
 * Counting quotes is exact for valid CSV; a quote where none may stand
 * can misplace the cuts after it, but the reader stops at that error, which
 * always lies inside the piece (the quote's own line end is not a cut). */
static size_t whole_records(const char *data, size_t len)
{
	size_t end = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (data[i] == '\n' && !quoted)
			end = i + 1;
	}
	return end;
}

/* A JSON export, told by its content: the first byte other than white
 * space (after a byte order mark) is "{", which no CSV header starts with. */
static int looks_json(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	return i < len && buf[i] == '{';
}

/* The rest of in after the have bytes already in *buf: a JSON file is
 * read whole (import_json reads it in place, one container at a time). */
static int read_rest(const char *name, FILE *in, char **buf, size_t *cap, size_t *have)
{
	for (;;) {
		size_t got;

		if (*have == *cap) {
			*cap *= 2;
			*buf = xrealloc(*buf, *cap);
		}
		got = fread(*buf + *have, 1, *cap - *have, in);
		*have += got;
		if (got == 0) {
			if (ferror(in))
				return hg_fail(HG_ERR_RUNTIME, "%s: cannot read: %s", name,
					       strerror(errno));
			return HG_OK;
		}
	}
}

int import_file(struct hg_db *db, const char *name, FILE *in, int today,
		struct import_stats *st)
{
	size_t cap = IMPORT_PIECE, have = 0, line = 1;
	char *buf = xmalloc(cap);
	int first = 1, eof = 0, rc = HG_OK;
	struct run x;

	run_init(&x, db, name, today, st);
	while (rc == HG_OK) {
		while (!eof && have < cap) {
			size_t got = fread(buf + have, 1, cap - have, in);

			have += got;
			if (got == 0 && ferror(in))
				rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot read: %s", name,
					     strerror(errno));
			eof = got == 0;
		}
		if (rc != HG_OK)
			break;
		if (first && looks_json(buf, have)) {
			size_t bom = have >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

			rc = read_rest(name, in, &buf, &cap, &have);
			if (rc == HG_OK)
				rc = import_json(db, name, buf + bom, have - bom, today, st);
			free(buf);
			csv_record_free(&x.rec);
			return rc;
		}
		size_t end = eof ? have : whole_records(buf, have);
		if (end == 0 && !eof) {         /* one record longer than the buffer */
			cap *= 2;
			buf = xrealloc(buf, cap);
			continue;
		}
		rc = run_piece(&x, buf, end, line, first, eof);
		if (eof)
			break;
		for (size_t i = 0; i < end; i++)
			line += buf[i] == '\n';
		memmove(buf, buf + end, have - end);
		have -= end;
		first = 0;
	}
	free(buf);
	return run_end(&x, rc);
}
