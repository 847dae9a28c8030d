/* report_text.c — the report as plain text for `lpr`: every line at most
 * 80 columns (display width, so wide characters count twice), no escape
 * codes (user text goes through hg_sanitize), notes word-wrapped (util's
 * hg_wrap).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

enum { WIDTH = 80 };

/* ---- columns and wrapping --------------------------------------------- */

/* Printable ASCII only: one column a byte, nothing to sanitise. */
static int plain_ascii(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7E)
			return 0;
	return 1;
}

/* Append s cut to at most w columns, then pad to w columns. */
static void cell(struct strbuf *sb, const char *s, int w)
{
	int used;
	char *clean = hg_sanitize(s);

	sb_add(sb, clean, hg_utf8_fit_n(clean, strlen(clean), w, &used));
	hg_spaces(sb, w - used);
	free(clean);
}

/* Drop spaces at the end of the last line. */
static void trim(struct strbuf *sb)
{
	while (sb->len && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
}

/* Append prefix then text, word-wrapped to WIDTH; continuation lines are
 * indented by `indent`.  Line breaks in text are kept, other control
 * characters become spaces, runs of spaces collapse.  Ends with '\n'. */
static void wrap(struct strbuf *sb, const char *prefix, const char *text, int indent)
{
	struct hg_wrap w;
	char *clean;
	const char *p;

	sb_puts(sb, prefix);
	hg_wrap_start(&w, sb, WIDTH, indent);
	for (p = text; ; ) {
		size_t n = strcspn(p, "\n");
		const char *q, *end;

		/* Most notes are plain ASCII: only copy and clean the rest. */
		clean = NULL;
		if (plain_ascii(p, n)) {
			q = p;
			end = p + n;
		} else {
			char *line = xmalloc(n + 1);

			memcpy(line, p, n);
			line[n] = '\0';
			clean = hg_sanitize(line);
			free(line);
			q = clean;
			end = clean + strlen(clean);
		}
		hg_wrap_words(&w, q, (size_t)(end - q));
		free(clean);
		p += n;
		if (!*p)
			break;
		p++;
		if (*p)
			hg_wrap_newline(&w);
	}
	sb_putc(sb, '\n');
}

/* ---- the report ------------------------------------------------------- */

static void rule(struct strbuf *sb, char c)
{
	for (int i = 0; i < WIDTH; i++)
		sb_putc(sb, c);
	sb_putc(sb, '\n');
}

static void upper(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_putc(sb, (char)(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s));
}

static void text_begin(struct strbuf *sb, struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_puts(sb, "HEALGRID RECOVERY REPORT\n");
	sb_printf(sb, "Made on %s%s\n", today, doc->all ? " for all treatments." : ".");
}

/* Display width of the widest cell of column c (its title included),
 * capped by the column's maxw. */
static int col_width(const struct rd_table *t, int c)
{
	int w = hg_utf8_width_n(t->head[c], strlen(t->head[c]));

	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = rd_cell(t, r, c);
		int n = hg_utf8_width_n(s, strlen(s));

		if (n > w)
			w = n;
	}
	if (t->maxw && t->maxw[c] && w > t->maxw[c])
		w = t->maxw[c];
	return w;
}

/* A cell centred in w columns (short values made here). */
static void ccell(struct strbuf *sb, const char *s, int w)
{
	int n = hg_utf8_width_n(s, strlen(s)), left = (w - n) / 2;

	hg_spaces(sb, left);
	cell(sb, s, w - left);
}

/* Columns side by side, two spaces apart, the last one wrapped to what is
 * left of the 80 columns. */
static void draw_table(struct strbuf *sb, const struct rd_table *t)
{
	int w[16], col = 2;

	for (int c = 0; c < t->ncols && c < 16; c++)
		w[c] = col_width(t, c);
	for (int c = 0; c + 1 < t->ncols; c++)
		col += w[c] + 1;
	for (size_t r = 0; r <= t->nrows; r++) {
		sb_puts(sb, "  ");
		for (int c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->head[c] : rd_cell(t, r - 1, c);

			if (c + 1 == t->ncols) {
				if (col + hg_utf8_width_n(s, strlen(s)) <= WIDTH || !*s) {
					char *clean = hg_sanitize(s);

					sb_puts(sb, clean);
					free(clean);
					trim(sb);
					sb_putc(sb, '\n');
				} else {
					wrap(sb, "", s, col);
				}
			} else {
				if (t->center[c])
					ccell(sb, s, w[c]);
				else
					cell(sb, s, w[c]);
				sb_putc(sb, ' ');
			}
		}
	}
}

/* The chart as rows of characters: a column a day, a row a symptom (the
 * rating, '.' not rated, ' ' no check-in), a row of marks under them. */
static void draw_chart(struct strbuf *sb, const struct rd_chart *ch)
{
	enum { LABEL = 11, SPAN = WIDTH - LABEL - 2 };
	static const char *const label[RD_CHART_ROWS] = {
		"day", "Redness", "Swelling", "Bruising", "Bleeding", "marks"
	};
	char buf[SPAN + 1];

	for (int from = 0; from < ch->ndays; from += SPAN) {
		int to = from + SPAN < ch->ndays ? from + SPAN : ch->ndays;

		for (int row = 0; row < RD_CHART_ROWS; row++) {
			sb_printf(sb, "  %-*s%s", LABEL, label[row], rd_chart_row(ch, row, from, to, buf));
			trim(sb);
			sb_putc(sb, '\n');
		}
	}
}

static void text_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	struct strbuf line = STRBUF_INIT;

	(void)doc;
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		rd_clear(&line);
		switch (b->kind) {
		case RD_TITLE:
			sb_putc(sb, '\n');
			rule(sb, '=');
			upper(&line, b->text);
			wrap(sb, "", sb_str(&line), 2);
			rule(sb, '=');
			break;
		case RD_HEADING:
			sb_putc(sb, '\n');
			upper(&line, b->text);
			wrap(sb, "", sb_str(&line), 2);
			break;
		case RD_FIELD:
			sb_printf(&line, "  %s:", b->label);
			while (line.len < 15)
				sb_putc(&line, ' ');
			if (line.s[line.len - 1] != ' ')
				sb_putc(&line, ' ');
			wrap(sb, sb_str(&line), b->text, 15);
			break;
		case RD_ITEM:
			if (b->level >= 0)
				sb_printf(&line, "  %-3s ", rules_level_symbol_ascii((enum hg_level)b->level));
			else
				sb_puts(&line, "  ");
			if (b->label)
				sb_printf(&line, "%s: ", b->label);
			wrap(sb, sb_str(&line), b->text, 6);
			break;
		case RD_LINE:
			wrap(sb, "  ", b->text, 2);
			break;
		case RD_NOTE:
			sb_printf(&line, "  %s: ", b->label);
			wrap(sb, sb_str(&line), b->text, 4);
			break;
		case RD_TABLE:
			draw_table(sb, b->table);
			if (b->text)
				wrap(sb, "  ", b->text, 2);
			break;
		case RD_CHART:
			draw_chart(sb, &d->chart);
			wrap(sb, "  ", b->text, 2);
			break;
		case RD_PHOTOS:
			sb_printf(&line, "%s The pictures are in the HTML and PDF reports.", b->text);
			wrap(sb, "  ", sb_str(&line), 2);
			break;
		}
	}
	sb_free(&line);
}

static void text_end(struct strbuf *sb, struct report_doc *doc)
{
	struct strbuf line = STRBUF_INIT;

	if (doc->all && doc->count == 0)
		sb_puts(sb, "\nNo treatments recorded yet.\n");
	sb_putc(sb, '\n');
	rule(sb, '-');
	report_end_line(&line, doc);
	wrap(sb, "", sb_str(&line), 0);
	sb_free(&line);
}

const struct report_writer report_text_writer = {
	text_begin, text_treatment, text_end
};
