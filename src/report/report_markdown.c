/* report_markdown.c — the report as Markdown: headings, bullet lists and
 * pipe tables that render on any CommonMark/GFM viewer.  User text is
 * escaped so it always renders as the text typed (never as markup or
 * HTML); line breaks inside a note become <br>.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

/* Append s as literal Markdown text. */
static void md(struct strbuf *sb, const char *s)
{
	char *clean = report_clean_lines(s);

	for (const char *q = clean; *q; q++) {
		switch (*q) {
		case '&': sb_puts(sb, "&amp;"); break;
		case '<': sb_puts(sb, "&lt;"); break;
		case '>': sb_puts(sb, "&gt;"); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '|': case '#': case '~': case '!': case '(': case ')':
		case '{': case '}':
			sb_putc(sb, '\\');
			sb_putc(sb, *q);
			break;
		case '\n':
			if (q[1])
				sb_puts(sb, "<br>");
			break;
		default:
			sb_putc(sb, *q);
		}
	}
	free(clean);
}

static void md_begin(struct strbuf *sb, struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_printf(sb, "# %s\n\nMade on %s%s\n", report_title, today,
		  doc->all ? " for all treatments." : ".");
}

/* A table cell: escaped, on one line. */
static void md_cell(struct strbuf *sb, const char *s)
{
	md(sb, *s ? s : " ");
}

static void md_table(struct strbuf *sb, const struct rd_table *t)
{
	sb_putc(sb, '\n');
	for (int c = 0; c < t->ncols; c++) {
		sb_puts(sb, "| ");
		md_cell(sb, t->head[c]);
		sb_putc(sb, ' ');
	}
	sb_puts(sb, "|\n");
	for (int c = 0; c < t->ncols; c++)
		sb_puts(sb, t->center[c] ? "|:-:" : "|---");
	sb_puts(sb, "|\n");
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			sb_puts(sb, "| ");
			md_cell(sb, rd_cell(t, r, c));
			sb_putc(sb, ' ');
		}
		sb_puts(sb, "|\n");
	}
}

/* The chart as a block of characters, as in the text report. */
static void md_chart(struct strbuf *sb, const struct rd_chart *ch)
{
	static const char *const label[RD_CHART_ROWS] = {
		"day", "Redness", "Swelling", "Bruising", "Bleeding", "marks"
	};
	char buf[HG_WINDOW_MAX + 1];

	sb_puts(sb, "\n```\n");
	for (int row = 0; row < RD_CHART_ROWS; row++)
		sb_printf(sb, "%-10s%s\n", label[row], rd_chart_row(ch, row, 0, ch->ndays, buf));
	sb_puts(sb, "```\n");
}

static void md_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	enum rd_kind prev = RD_TITLE;

	(void)doc;
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		/* a blank line before anything that is not one more of a list */
		if (!((b->kind == RD_FIELD || b->kind == RD_ITEM) && b->kind == prev))
			sb_putc(sb, '\n');
		prev = b->kind;
		switch (b->kind) {
		case RD_TITLE:
			sb_puts(sb, "## ");
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_HEADING:
			sb_puts(sb, "### ");
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_FIELD:
			sb_puts(sb, "- **");
			md(sb, b->label);
			sb_puts(sb, ":** ");
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_ITEM:
			sb_puts(sb, "- ");
			if (b->label) {
				md(sb, b->label);
				sb_puts(sb, ": ");
			}
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_LINE:
		case RD_PHOTOS:
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_NOTE:
			sb_puts(sb, "**");
			md(sb, b->label);
			sb_puts(sb, ":** ");
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		case RD_TABLE:
			md_table(sb, b->table);
			if (b->text) {
				sb_putc(sb, '\n');
				md(sb, b->text);
				sb_putc(sb, '\n');
			}
			break;
		case RD_CHART:
			md_chart(sb, &d->chart);
			sb_putc(sb, '\n');
			md(sb, b->text);
			sb_putc(sb, '\n');
			break;
		}
	}
}

static void md_end(struct strbuf *sb, struct report_doc *doc)
{
	struct strbuf line = STRBUF_INIT;

	if (doc->all && doc->count == 0)
		sb_puts(sb, "\nNo treatments recorded yet.\n");
	report_end_line(&line, doc);
	sb_puts(sb, "\n---\n\n");
	md(sb, sb_str(&line));
	sb_putc(sb, '\n');
	sb_free(&line);
}

const struct report_writer report_markdown_writer = {
	md_begin, md_treatment, md_end
};
