/* report_csv.c — the report as RFC 4180 CSV, one row per thing it says,
 * so a spreadsheet holds the same content as the other formats:
 *
 *     treatment,section,key,label,value
 *
 * A field is one row (key and label name it); a list item or a note one
 * row; a table one row per cell (key: the row's first cell, label: the
 * column's title), the day table's days included, so gaps stay visible.
 * Import/export CSV lives in export.c/import.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/date.h"
#include "report_int.h"

static const char *const header[] = { "treatment", "section", "key", "label", "value" };
enum { NCOLS = sizeof header / sizeof header[0] };

static void csv_begin(struct strbuf *sb, struct report_doc *doc)
{
	(void)doc;
	csv_write_record(sb, header, NCOLS);
}

static void row(struct strbuf *sb, const char *id, const char *section, const char *key,
		const char *label, const char *value)
{
	const char *f[NCOLS] = { id, section, key ? key : "", label ? label : "",
				 value ? value : "" };

	csv_write_record(sb, f, NCOLS);
}

static void csv_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	char id[24];

	(void)doc;
	snprintf(id, sizeof id, "%lld", (long long)d->item->r->t.id);
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		switch (b->kind) {
		case RD_HEADING:
			break;
		case RD_TABLE:
			for (size_t r = 0; r < b->table->nrows; r++)
				for (int c = 1; c < b->table->ncols; c++)
					row(sb, id, b->section, rd_cell(b->table, r, 0),
					    b->table->head[c], rd_cell(b->table, r, c));
			if (b->text)
				row(sb, id, b->section, "legend", NULL, b->text);
			break;
		case RD_PHOTOS:
			for (size_t k = 0; k < d->item->nphotos; k++) {
				char day[16], date[HG_DATE_LEN];

				snprintf(day, sizeof day, "day %d", d->item->photos[k].day);
				date_format(d->item->photos[k].date, date);
				row(sb, id, b->section, "photo", day, date);
			}
			row(sb, id, b->section, "caption", NULL, b->text);
			break;
		default:
			row(sb, id, b->section, b->key, b->label, b->text);
		}
	}
}

static void csv_end(struct strbuf *sb, struct report_doc *doc)
{
	struct strbuf line = STRBUF_INIT;

	report_end_line(&line, doc);
	row(sb, "", "end", "notice", NULL, sb_str(&line));
	sb_free(&line);
}

const struct report_writer report_csv_writer = {
	csv_begin, csv_treatment, csv_end
};
