/* report_pdf.c — the report as PDF, drawn by healgrid itself with cairo
 * and pango: real text (selectable, fonts embedded as subsets), the chart
 * as vectors, the photos as the stored JPEG thumbnails themselves (cairo
 * embeds the bytes given as CAIRO_MIME_TYPE_JPEG; healgrid stores them
 * without any metadata), A4 or US Letter.  The PDF's metadata holds the
 * title "healgrid recovery report" and the creator, never personal data.
 *
 * The blocks come from report_doc.c, as for every format; this file only
 * lays them out on pages.  Output goes into the run's buffer through
 * cairo's stream callback, so report.c writes it like any other format.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "healgrid/date.h"
#include "report_int.h"

/* fontconfig loads its configuration once and keeps it for the process
 * (it cannot be released while cairo holds a font): LeakSanitizer is told
 * so here, valgrind in tests/valgrind.supp. */
#ifdef __SANITIZE_ADDRESS__
#define HG_ASAN 1
#endif
#ifdef __has_feature
#if __has_feature(address_sanitizer)
#define HG_ASAN 1
#endif
#endif
#ifdef HG_ASAN
const char *__lsan_default_suppressions(void); /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c) */
const char *__lsan_default_suppressions(void) /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c) */
{
	return "leak:libfontconfig.so\n";
}
#endif

/* Points (1/72 in). */
#define MARGIN 34.0
#define BODY_PT 8.2
#define SMALL_PT 7.2
#define HEAD_PT 10.0
#define TITLE_PT 12.5
#define GAP 3.0
#define FONT "DejaVu Sans"

struct pdf {
	struct strbuf *out;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoFontMap *fonts;    /* our own, freed at the end with its caches */
	PangoContext *ctx;
	PangoLayout *layout;
	PangoLayout *foot;      /* the footer's own: a page break in the middle of
				 * a block leaves the block's layout alone */
	double pw, ph;          /* the page */
	double y;               /* where the next block goes */
	int page;
	int drawn;              /* something on this page */
	int footed;             /* the page with its footer drawn */
};

static cairo_status_t put(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *p = closure;

	sb_add(p->out, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

static double content_w(const struct pdf *p)
{
	return p->pw - 2 * MARGIN;
}

static double bottom(const struct pdf *p)
{
	return p->ph - MARGIN - 10;
}

/* ---- text ------------------------------------------------------------- */

/* Set the layout to text (plain, never markup) in size pt, the first
 * `bold` bytes bold, wrapped to width (<= 0: one line). */
static void set_text(struct pdf *p, const char *text, double pt, size_t bold, double width,
		     int all_bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	PangoAttrList *attrs = pango_attr_list_new();
	char *clean = report_clean_lines(text);

	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	if (all_bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(p->layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(p->layout, clean, -1);
	if (bold && !all_bold) {
		PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);

		a->start_index = 0;
		a->end_index = (guint)(bold < strlen(clean) ? bold : strlen(clean));
		pango_attr_list_insert(attrs, a);
	}
	pango_layout_set_attributes(p->layout, attrs);
	pango_attr_list_unref(attrs);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	free(clean);
}

static double text_h(struct pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double text_w(struct pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void draw_at(struct pdf *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

static void footer(struct pdf *p)
{
	char buf[48];
	PangoLayout *keep = p->layout;

	if (p->footed == p->page)
		return;
	p->footed = p->page;
	snprintf(buf, sizeof buf, "healgrid recovery report, page %d", p->page);
	p->layout = p->foot;
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	set_text(p, buf, SMALL_PT - 0.6, 0, -1, 0);
	draw_at(p, p->pw - MARGIN - text_w(p), p->ph - MARGIN + 4);
	cairo_restore(p->cr);
	p->layout = keep;
}

static void new_page(struct pdf *p)
{
	if (p->page) {
		footer(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = MARGIN;
	p->drawn = 0;
}

/* Room for h more points on this page, else a new page. */
static void need(struct pdf *p, double h)
{
	if (p->drawn && p->y + h > bottom(p))
		new_page(p);
	p->drawn = 1;
}

/* A paragraph: `label` in bold (may be NULL) then text, at x, wrapped to
 * the right margin; continuation lines at x + hang. */
static void para(struct pdf *p, double x, const char *label, const char *text, double pt)
{
	struct strbuf sb = STRBUF_INIT;
	size_t bold = 0;
	double h;

	if (label) {
		sb_printf(&sb, "%s: ", label);
		bold = sb.len;
	}
	sb_puts(&sb, text ? text : "");
	set_text(p, sb_str(&sb), pt, bold, p->pw - MARGIN - x, 0);
	h = text_h(p);
	need(p, h);
	draw_at(p, x, p->y);
	p->y += h + 0.8;
	sb_free(&sb);
}

/* ---- tables ----------------------------------------------------------- */

static const double shade[4][3] = {
	{ 0.953, 0.973, 0.953 }, { 0.992, 0.902, 0.878 },
	{ 0.973, 0.725, 0.671 }, { 0.933, 0.518, 0.439 },
};

static double table_head(struct pdf *p, const struct rd_table *t, const double *w, double pt)
{
	double x = MARGIN, h = 0;

	for (int c = 0; c < t->ncols; c++) {
		set_text(p, t->head[c], pt, 0, w[c] - 3, 1);
		if (text_h(p) > h)
			h = text_h(p);
	}
	cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
	for (int c = 0; c < t->ncols; c++)
		x += w[c];
	cairo_rectangle(p->cr, MARGIN, p->y, x - MARGIN, h + 1);
	x = MARGIN;
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (int c = 0; c < t->ncols; c++) {
		set_text(p, t->head[c], pt, 0, w[c] - 3, 1);
		draw_at(p, x + 1.5, p->y + 0.5);
		x += w[c];
	}
	p->y += h + 1;
	return h + 1;
}

static void table(struct pdf *p, const struct rd_table *t)
{
	double w[16] = { 0 }, pt = SMALL_PT, total = 0;
	int n = t->ncols < 16 ? t->ncols : 16;

	/* Each column as wide as its widest cell; the last takes the rest. */
	for (int c = 0; c < n; c++) {
		set_text(p, t->head[c], pt, 0, -1, 1);
		w[c] = text_w(p);
		for (size_t r = 0; r < t->nrows && (c + 1 < n || t->center[c]); r++) {
			set_text(p, rd_cell(t, r, c), pt, 0, -1, 0);
			if (text_w(p) > w[c])
				w[c] = text_w(p);
		}
		w[c] += 6;
		if (c + 1 < n && w[c] > content_w(p) * 0.45)
			w[c] = content_w(p) * 0.45;
		if (c + 1 < n)
			total += w[c];
	}
	/* a last column of short values keeps its own width */
	if (!t->center[n - 1] || total + w[n - 1] > content_w(p))
		w[n - 1] = content_w(p) - total;
	need(p, 30);
	table_head(p, t, w, pt);
	for (size_t r = 0; r < t->nrows; r++) {
		double h = 0, x = MARGIN;

		for (int c = 0; c < n; c++) {
			set_text(p, rd_cell(t, r, c), pt, 0, w[c] - 3, 0);
			if (text_h(p) > h)
				h = text_h(p);
		}
		if (p->y + h > bottom(p)) {
			new_page(p);
			p->drawn = 1;
			table_head(p, t, w, pt);
		}
		for (int c = 0; c < n; c++) {
			const char *v = rd_cell(t, r, c);

			if (t->center[c] == 2 && v[0] >= '0' && v[0] <= '3' && !v[1]) {
				const double *s = shade[v[0] - '0'];

				cairo_set_source_rgb(p->cr, s[0], s[1], s[2]);
				cairo_rectangle(p->cr, x, p->y, w[c], h);
				cairo_fill(p->cr);
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			}
			set_text(p, v, pt, 0, w[c] - 3, 0);
			if (t->center[c])
				draw_at(p, x + (w[c] - text_w(p)) / 2, p->y);
			else
				draw_at(p, x + 1.5, p->y);
			x += w[c];
		}
		cairo_set_source_rgb(p->cr, 0.8, 0.8, 0.8);
		cairo_set_line_width(p->cr, 0.3);
		cairo_move_to(p->cr, MARGIN, p->y + h);
		cairo_line_to(p->cr, x, p->y + h);
		cairo_stroke(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		p->y += h;
	}
	p->y += GAP;
}

/* ---- the chart -------------------------------------------------------- */

static const double series[HG_SYMPTOM_COUNT][3] = {
	{ 0.776, 0.157, 0.157 }, { 0.082, 0.396, 0.753 },
	{ 0.416, 0.106, 0.604 }, { 0.306, 0.204, 0.180 },
};
static const double level_rgb[HG_LEVEL_COUNT][3] = {
	{ 0.816, 0, 0 }, { 0.643, 0, 0 }, { 0.659, 0.310, 0 }, { 0.165, 0.365, 0.541 },
};

static void chart(struct pdf *p, const struct rd_chart *ch)
{
	const double H = 112, left = MARGIN + 46, top_pad = 12, plot_h = H - top_pad - 30;
	double plot_w = content_w(p) - 46, top;
	int nd = ch->ndays < 7 ? 7 : ch->ndays, step = nd <= 31 ? 1 : 7;
	cairo_t *cr = p->cr;
	static const char *const labels[] = { "0 none", "1 mild", "2 moderate", "3 severe" };

	need(p, H);
	top = p->y + top_pad;
#define X(d) (left + ((d) + 0.5) * plot_w / nd)
#define Y(v, s) (top + (3 - (v)) * plot_h / 3 + ((s) * 2 - 3) * 0.9)
	/* days without a check-in shaded: a gap never reads as "none" */
	cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
	for (int d = 0; d < ch->ndays; d++)
		if (!ch->checked[d]) {
			cairo_rectangle(cr, left + d * plot_w / nd, top - 4, plot_w / nd, plot_h + 8);
			cairo_fill(cr);
		}
	cairo_set_line_width(cr, 0.4);
	for (int v = 0; v <= 3; v++) {
		double y = top + (3 - v) * plot_h / 3;

		cairo_set_source_rgb(cr, 0.72, 0.72, 0.72);
		cairo_move_to(cr, left, y);
		cairo_line_to(cr, left + plot_w, y);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		set_text(p, labels[v], SMALL_PT - 0.8, 0, -1, 0);
		draw_at(p, left - 4 - text_w(p), y - text_h(p) / 2);
	}
	for (int d = 0; d < nd; d += step) {
		char buf[16];

		snprintf(buf, sizeof buf, "%d", d);
		set_text(p, buf, SMALL_PT - 1.2, 0, -1, 0);
		draw_at(p, X(d) - text_w(p) / 2, top + plot_h + 5);
	}
	set_text(p, "day", SMALL_PT - 1.2, 0, -1, 0);
	draw_at(p, left - 4 - text_w(p), top + plot_h + 5);
	/* problems: a dashed line on the first day, in the level's colour */
	for (int d = 0; d < ch->ndays; d++) {
		static const char *const mark[] = { "!!!", "!!", "!", "\xE2\x80\xA2" };
		int lv = ch->flag[d];

		if (lv < 0)
			continue;
		cairo_set_source_rgb(cr, level_rgb[lv][0], level_rgb[lv][1], level_rgb[lv][2]);
		cairo_set_line_width(cr, 0.9);
		cairo_set_dash(cr, (const double[]){ 2, 1.5 }, 2, 0);
		cairo_move_to(cr, X(d), top - 4);
		cairo_line_to(cr, X(d), top + plot_h + 3);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		set_text(p, mark[lv], SMALL_PT - 0.5, 0, -1, 1);
		draw_at(p, X(d) - text_w(p) / 2, top - 4 - text_h(p));
	}
	for (int d = 0; d < ch->ndays; d++) {
		if (!ch->action[d])
			continue;
		cairo_set_source_rgb(cr, 0.106, 0.369, 0.125);
		cairo_set_line_width(cr, 0.9);
		cairo_move_to(cr, X(d) + 2, top - 4);
		cairo_line_to(cr, X(d) + 2, top + plot_h + 3);
		cairo_stroke(cr);
		set_text(p, "A", SMALL_PT - 0.8, 0, -1, 1);
		draw_at(p, X(d) + 3, top + plot_h - text_h(p));
	}
	/* one line per symptom, broken wherever it was not rated */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int prev = -2;

		cairo_set_source_rgb(cr, series[s][0], series[s][1], series[s][2]);
		cairo_set_line_width(cr, 1.2);
		for (int d = 0; d < ch->ndays; d++) {
			int v = ch->rating[s][d];

			if (v == HG_UNRATED)
				continue;
			if (d == prev + 1)
				cairo_line_to(cr, X(d), Y(v, s));
			else
				cairo_move_to(cr, X(d), Y(v, s));
			prev = d;
		}
		cairo_stroke(cr);
		for (int d = 0; d < ch->ndays; d++)
			if (ch->rating[s][d] != HG_UNRATED) {
				cairo_arc(cr, X(d), Y(ch->rating[s][d], s), 1.5, 0, 2 * M_PI);
				cairo_fill(cr);
			}
	}
	/* legend */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		double x = left + s * 78, y = top + plot_h + 19;

		cairo_set_source_rgb(cr, series[s][0], series[s][1], series[s][2]);
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x + 14, y);
		cairo_stroke(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		set_text(p, report_symptom_titles[s], SMALL_PT - 0.5, 0, -1, 0);
		draw_at(p, x + 17, y - text_h(p) / 2);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
#undef X
#undef Y
	p->y += H;
}

/* ---- photos ----------------------------------------------------------- */

/* Width and height from a JPEG's frame header, 0 when not found. */
static int jpeg_size(const unsigned char *d, size_t n, int *w, int *h)
{
	size_t i = 2;

	if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return 0;
	while (i + 9 < n) {
		unsigned m;
		size_t len;

		if (d[i] != 0xFF)
			return 0;
		m = d[i + 1];
		len = (size_t)d[i + 2] << 8 | d[i + 3];
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			*h = d[i + 5] << 8 | d[i + 6];
			*w = d[i + 7] << 8 | d[i + 8];
			return *w > 0 && *h > 0;
		}
		i += 2 + len;
	}
	return 0;
}

static void photos(struct pdf *p, const struct report_item *it)
{
	double gap = 5, sum = 0, hmax = 64, h, x = MARGIN;
	int w[REPORT_STRIP_MAX], hh[REPORT_STRIP_MAX], ok[REPORT_STRIP_MAX];

	for (size_t i = 0; i < it->nphotos; i++) {
		ok[i] = it->photos[i].thumb &&
			jpeg_size(it->photos[i].thumb, it->photos[i].len, &w[i], &hh[i]);
		if (ok[i])
			sum += (double)w[i] / hh[i];
	}
	if (sum <= 0)
		return;
	h = (content_w(p) - gap * (double)(it->nphotos - 1)) / sum;
	if (h > hmax)
		h = hmax;
	need(p, h + 12);
	for (size_t i = 0; i < it->nphotos; i++) {
		cairo_surface_t *img;
		unsigned char *copy;
		char cap[48], date[HG_DATE_LEN];
		double iw;

		if (!ok[i])
			continue;
		iw = h * w[i] / hh[i];
		/* The surface only gives the size; the PDF gets the JPEG bytes. */
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w[i], hh[i]);
		copy = xmalloc(it->photos[i].len);
		memcpy(copy, it->photos[i].thumb, it->photos[i].len);
		cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, copy, it->photos[i].len,
					    free, copy);
		cairo_save(p->cr);
		cairo_translate(p->cr, x, p->y);
		cairo_scale(p->cr, iw / w[i], h / hh[i]);
		cairo_set_source_surface(p->cr, img, 0, 0);
		cairo_paint(p->cr);
		cairo_restore(p->cr);
		cairo_surface_destroy(img);
		date_format(it->photos[i].date, date);
		snprintf(cap, sizeof cap, "day %d, %s", it->photos[i].day, date);
		set_text(p, cap, SMALL_PT - 0.5, 0, -1, 0);
		draw_at(p, x, p->y + h + 1);
		x += iw + gap;
	}
	p->y += h + 12;
}

/* ---- the blocks -------------------------------------------------------- */

static void pdf_begin(struct strbuf *sb, struct report_doc *doc)
{
	struct pdf *p = xcalloc(1, sizeof *p);
	char today[HG_DATE_LEN], line[64];

	doc->state = p;
	p->out = sb;
	if (doc->paper == REPORT_PAPER_LETTER) {
		p->pw = 612;
		p->ph = 792;
	} else {
		p->pw = 595.276;
		p->ph = 841.89;
	}
	p->surf = cairo_pdf_surface_create_for_stream(put, p, p->pw, p->ph);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE,
				       "healgrid recovery report");
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "healgrid");
	/* The day it was made, as the report says: the same data give the
	 * same bytes. */
	date_format(doc->today, today);
	snprintf(line, sizeof line, "%sT00:00:00Z", today);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATE_DATE, line);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_MOD_DATE, line);
	p->cr = cairo_create(p->surf);
	p->fonts = pango_cairo_font_map_new();
	p->ctx = pango_font_map_create_context(p->fonts);
	pango_cairo_update_context(p->cr, p->ctx);
	p->layout = pango_layout_new(p->ctx);
	p->foot = pango_layout_new(p->ctx);
	new_page(p);
	set_text(p, report_title, TITLE_PT + 2, 0, -1, 1);
	draw_at(p, MARGIN, p->y);
	p->y += text_h(p);
	date_format(doc->today, today);
	snprintf(line, sizeof line, "Made on %s%s", today, doc->all ? " for all treatments." : ".");
	para(p, MARGIN, NULL, line, BODY_PT);
	p->y += GAP;
}

static void pdf_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	struct pdf *p = doc->state;

	(void)sb;
	if (doc->count > 0)
		new_page(p);
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		switch (b->kind) {
		case RD_TITLE:
			set_text(p, b->text, TITLE_PT, 0, content_w(p), 1);
			need(p, text_h(p) + 4);
			draw_at(p, MARGIN, p->y);
			p->y += text_h(p) + 1;
			cairo_set_line_width(p->cr, 0.8);
			cairo_move_to(p->cr, MARGIN, p->y);
			cairo_line_to(p->cr, MARGIN + content_w(p), p->y);
			cairo_stroke(p->cr);
			p->y += 3;
			break;
		case RD_HEADING:
			set_text(p, b->text, HEAD_PT, 0, content_w(p), 1);
			/* a heading never ends a page */
			need(p, text_h(p) + 28);
			p->y += GAP;
			draw_at(p, MARGIN, p->y);
			p->y += text_h(p) + 0.5;
			break;
		case RD_FIELD:
			para(p, MARGIN, b->label, b->text, BODY_PT);
			break;
		case RD_ITEM:
			if (b->level >= 0) {
				const double *c = level_rgb[b->level];

				cairo_set_source_rgb(p->cr, c[0], c[1], c[2]);
				set_text(p, "\xE2\x96\xA0", BODY_PT, 0, -1, 0);
				need(p, text_h(p));
				draw_at(p, MARGIN, p->y);
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			} else {
				set_text(p, "\xE2\x80\xA2", BODY_PT, 0, -1, 0);
				need(p, text_h(p));
				draw_at(p, MARGIN + 1, p->y);
			}
			para(p, MARGIN + 10, b->label, b->text, BODY_PT);
			break;
		case RD_LINE:
			para(p, MARGIN, NULL, b->text, BODY_PT);
			break;
		case RD_NOTE:
			para(p, MARGIN, b->label, b->text, BODY_PT);
			break;
		case RD_TABLE:
			table(p, b->table);
			if (b->text)
				para(p, MARGIN, NULL, b->text, SMALL_PT);
			break;
		case RD_CHART:
			chart(p, &d->chart);
			para(p, MARGIN, NULL, b->text, SMALL_PT);
			break;
		case RD_PHOTOS:
			photos(p, d->item);
			break;
		}
	}
}

static void pdf_end(struct strbuf *sb, struct report_doc *doc)
{
	struct pdf *p = doc->state;
	struct strbuf line = STRBUF_INIT;

	(void)sb;
	if (!p) {       /* nothing begun: an empty --all */
		pdf_begin(sb, doc);
		p = doc->state;
	}
	if (doc->all && doc->count == 0)
		para(p, MARGIN, NULL, "No treatments recorded yet.", BODY_PT);
	report_end_line(&line, doc);
	p->y += GAP;
	para(p, MARGIN, NULL, sb_str(&line), SMALL_PT);
	sb_free(&line);
	footer(p);
	cairo_show_page(p->cr);
	g_object_unref(p->layout);
	g_object_unref(p->foot);
	g_object_unref(p->ctx);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS)
		doc->failed = 1;
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surf);
	if (cairo_surface_status(p->surf) != CAIRO_STATUS_SUCCESS)
		doc->failed = 1;
	cairo_surface_destroy(p->surf);
	/* The font map's caches go with it.  (cairo and fontconfig keep
	 * theirs for the process: releasing them with
	 * cairo_debug_reset_static_data or FcFini aborts while cairo still
	 * holds a font.) */
	g_object_unref(p->fonts);
	free(p);
	doc->state = NULL;
}

const struct report_writer report_pdf_writer = {
	pdf_begin, pdf_treatment, pdf_end
};
