/* report_html.c — the report as one self-contained HTML file: inline CSS
 * with print styles (any paper: A4 and Letter both fit, a page break
 * before each treatment after the first), an inline SVG chart of the four
 * symptoms with flags marked and unrated days left as gaps, no scripts and
 * nothing fetched (a Content-Security-Policy says so too).  Every user
 * text is escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

/* ---- escaping --------------------------------------------------------- */

/* Append s as HTML text (also safe inside a quoted attribute).  Control
 * characters become spaces; with keep_lines a line break becomes <br>. */
static void esc_lines(struct strbuf *sb, const char *s, int keep_lines)
{
	char *clean = report_clean_lines(s);

	for (const char *q = clean; *q; q++) {
		switch (*q) {
		case '&': sb_puts(sb, "&amp;"); break;
		case '<': sb_puts(sb, "&lt;"); break;
		case '>': sb_puts(sb, "&gt;"); break;
		case '"': sb_puts(sb, "&quot;"); break;
		case '\'': sb_puts(sb, "&#39;"); break;
		case '\n':
			if (q[1])
				sb_puts(sb, keep_lines ? "<br>" : " ");
			break;
		default: sb_putc(sb, *q);
		}
	}
	free(clean);
}

static void esc(struct strbuf *sb, const char *s)
{
	esc_lines(sb, s, 0);
}

/* ---- the document ----------------------------------------------------- */

static const char css[] =
	"@page{margin:12mm 12mm 13mm}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{font:8.4pt/1.22 \"DejaVu Sans\",\"Liberation Sans\",Arial,Helvetica,sans-serif;"
	"color:#111;background:#fff;margin:0 auto;padding:6mm;max-width:190mm}\n"
	"h1{font-size:15pt;margin:0 0 1mm}\n"
	"h2{font-size:12.5pt;margin:3mm 0 1.5mm;padding-bottom:.8mm;border-bottom:.6mm solid #222}\n"
	"h3{font-size:9.6pt;margin:2mm 0 .6mm;break-after:avoid;page-break-after:avoid}\n"
	"p{margin:0 0 1mm}\n"
	"p.note{margin:0 0 .4mm}\n"
	"table.days{width:auto;min-width:70%}\n"
	"table.days td:last-child{min-width:55mm}\n"
	"svg.chart{max-height:42mm}\n"
	"table{border-collapse:collapse;width:100%;margin:0 0 1mm}\n"
	"th,td{border:.2mm solid #999;padding:.25mm 1.4mm;text-align:left;vertical-align:top}\n"
	"th{background:#eee}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"table.fields{border:0}table.fields th,table.fields td{border:0;padding:.2mm 1.4mm .2mm 0}\n"
	"table.fields th{width:17mm;background:none;white-space:nowrap}\n"
	"h2+div{margin-top:0}\n"
	"table.days td,table.days th{font-size:7.4pt;line-height:1.08;padding:0 1.4mm}\n"
	"td.n,th.n{text-align:center}\n"
	".nw{white-space:nowrap}\n"
	"td.r0{background:#f3f8f3}td.r1{background:#fde6e0}"
	"td.r2{background:#f8b9ab}td.r3{background:#ee8470;font-weight:bold}\n"
	"td.na{color:#888}\n"
	"tr.gap td{color:#888}\n"
	".lv-emergency{color:#d00000;font-weight:bold}\n"
	".lv-urgent{color:#a40000;font-weight:bold}\n"
	".lv-doctor{color:#a84f00;font-weight:bold}\n"
	".lv-watch{color:#2a5d8a;font-weight:bold}\n"
	"figure{margin:0 0 1mm;break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-size:8pt;color:#333}\n"
	"svg.chart{width:100%;height:auto;display:block}\n"
	"ul{margin:0 0 1mm;padding-left:5mm}\n"
	"li{break-inside:avoid}\n"
	".small{font-size:8pt;color:#333}\n"
	".strip{display:flex;gap:2mm;margin:1mm 0 2mm;break-inside:avoid;page-break-inside:avoid}\n"
	".strip figure{flex:0 0 auto;margin:0}\n"
	".strip img{height:21mm;width:auto;max-width:30mm;object-fit:cover;display:block;border:.2mm solid #999}\n"
	"table.days th{font-weight:normal}table.days td:last-child{min-width:30mm}\n"
	"section.treatment+section.treatment{break-before:page;page-break-before:always}\n"
	"footer{margin-top:4mm;border-top:.3mm solid #555;padding-top:1mm}\n"
	"@media print{body{padding:0;max-width:none}}\n";

/* Shared chart symbols: one definition for every chart in the file. */
static const char svg_defs[] =
	"<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>\n"
	"<marker id=\"m0\" viewBox=\"-5 -5 10 10\" markerWidth=\"7\" markerHeight=\"7\""
	" markerUnits=\"userSpaceOnUse\"><circle r=\"4\" fill=\"#c62828\"/></marker>\n"
	"<marker id=\"m1\" viewBox=\"-5 -5 10 10\" markerWidth=\"7\" markerHeight=\"7\""
	" markerUnits=\"userSpaceOnUse\"><rect x=\"-3.6\" y=\"-3.6\" width=\"7.2\" height=\"7.2\""
	" fill=\"#1565c0\"/></marker>\n"
	"<marker id=\"m2\" viewBox=\"-5 -5 10 10\" markerWidth=\"8\" markerHeight=\"8\""
	" markerUnits=\"userSpaceOnUse\"><path d=\"M0-4.5L4.5 3.5H-4.5Z\" fill=\"#6a1b9a\"/></marker>\n"
	"<marker id=\"m3\" viewBox=\"-5 -5 10 10\" markerWidth=\"8\" markerHeight=\"8\""
	" markerUnits=\"userSpaceOnUse\"><path d=\"M0-4.8L4.8 0 0 4.8-4.8 0Z\" fill=\"#4e342e\"/></marker>\n"
	"</defs></svg>\n";

static const struct {
	const char *color, *dash;
} series[HG_SYMPTOM_COUNT] = {
	{ "#c62828", "" },
	{ "#1565c0", " stroke-dasharray=\"7 4\"" },
	{ "#6a1b9a", " stroke-dasharray=\"2 3\"" },
	{ "#4e342e", " stroke-dasharray=\"9 3 2 3\"" },
};

static const char *const level_color[HG_LEVEL_COUNT] = { "#d00000", "#a40000", "#a84f00", "#2a5d8a" };
static const char *const level_mark[HG_LEVEL_COUNT] = { "!!!", "!!", "!", "&#8226;" };

/* ---- the chart -------------------------------------------------------- */

/* Whole user units: 1/720 of the width is finer than print needs, and
 * integers keep both the file and the loop over every check-in small. */
enum { CW = 720, CH = 176, LEFT = 74, RIGHT = 8, TOP = 24, BOTTOM = 36 };
enum { PLOT_W = CW - LEFT - RIGHT, PLOT_H = CH - TOP - BOTTOM };

static int chart_x(int day, int ndays)
{
	return LEFT + (2 * day + 1) * PLOT_W / (2 * ndays);
}

static int chart_y(int rating, int s)
{
	/* Symptoms with equal ratings sit a little apart so every line shows. */
	return TOP + (3 - rating) * PLOT_H / 3 + (2 * s - 3) * 3 / 2;
}

static void put_xy(struct strbuf *sb, char cmd, int x, int y)
{
	sb_putc(sb, cmd);
	report_put_int(sb, x);
	sb_putc(sb, ' ');
	report_put_int(sb, y);
}

static void chart(struct strbuf *sb, const struct rd_chart *ch)
{
	static const char *const labels[] = { "0 none", "1 mild", "2 moderate", "3 severe" };
	int ndays = ch->ndays < 7 ? 7 : ch->ndays;
	int step = ndays <= 31 ? 1 : 7;

	sb_printf(sb, "<figure>\n<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
		  " aria-label=\"Ratings of redness, swelling, bruising and bleeding by day\""
		  " font-size=\"11\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n", CW, CH);
	/* Days without a check-in are shaded, so a gap never reads as "none". */
	sb_puts(sb, "<path fill=\"#eeeeee\" d=\"");
	for (int d = 0; d < ch->ndays; d++) {
		if (ch->checked[d])
			continue;
		put_xy(sb, 'M', LEFT + d * PLOT_W / ndays, TOP - 6);
		sb_putc(sb, 'H');
		report_put_int(sb, LEFT + (d + 1) * PLOT_W / ndays);
		sb_putc(sb, 'v');
		report_put_int(sb, PLOT_H + 12);
		sb_putc(sb, 'H');
		report_put_int(sb, LEFT + d * PLOT_W / ndays);
		sb_putc(sb, 'Z');
	}
	sb_puts(sb, "\"/>\n");
	for (int v = 0; v <= 3; v++) {
		int y = TOP + (3 - v) * PLOT_H / 3;
		sb_printf(sb, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\""
			  " stroke-width=\"0.7\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
			  LEFT, y, CW - RIGHT, y, LEFT - 6, y + 4, labels[v]);
	}
	sb_printf(sb, "<g text-anchor=\"middle\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">day</text>",
		  LEFT - 6, CH - BOTTOM + 19);
	for (int d = 0; d < ndays; d += step) {
		sb_puts(sb, "<text x=\"");
		report_put_int(sb, chart_x(d, ndays));
		sb_puts(sb, "\" y=\"");
		report_put_int(sb, CH - BOTTOM + 19);
		sb_puts(sb, "\">");
		report_put_int(sb, d);
		sb_puts(sb, "</text>");
	}
	sb_puts(sb, "</g>\n");
	/* Flags: a line on the first day each applies, in its level's colour. */
	for (int d = 0; d < ch->ndays; d++) {
		int lv = (int)ch->flag[d], x = chart_x(d, ndays);

		if (lv < 0)
			continue;
		sb_printf(sb, "<g><line x1=\"%d\" y1=\"%d\" x2=\"%d\""
			  " y2=\"%d\" stroke=\"%s\" stroke-width=\"1.4\" stroke-dasharray=\"3 2\"/>"
			  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\""
			  " fill=\"%s\">%s</text></g>\n", x, TOP - 4, x,
			  CH - BOTTOM + 4, level_color[lv], x, TOP - 9, level_color[lv], level_mark[lv]);
	}
	/* Actions: a green line on the day each was done, marked A. */
	for (int d = 0; d < ch->ndays; d++) {
		int x;

		if (!ch->action[d])
			continue;
		x = chart_x(d, ndays) + 3;
		sb_printf(sb, "<g><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1b5e20\""
			  " stroke-width=\"1.4\"/><text x=\"%d\" y=\"%d\" font-weight=\"bold\""
			  " fill=\"#1b5e20\">A</text></g>\n", x, TOP - 4, x, CH - BOTTOM + 4, x + 2,
			  CH - BOTTOM + 4);
	}
	/* One path per symptom, with a new subpath after every day it was not
	 * rated: the gap shows, nothing is drawn as zero. */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int prev = -2;

		sb_printf(sb, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
			  " marker-start=\"url(#m%d)\" marker-mid=\"url(#m%d)\" marker-end=\"url(#m%d)\" d=\"",
			  series[s].color, series[s].dash, s, s, s);
		for (int d = 0; d < ch->ndays; d++) {
			int v = ch->rating[s][d];

			if (v == HG_UNRATED)
				continue;
			put_xy(sb, d == prev + 1 ? 'L' : 'M', chart_x(d, ndays), chart_y(v, s));
			/* a lone point gets a zero-length segment so its marker shows */
			if (d != prev + 1 && (d + 1 >= ch->ndays || ch->rating[s][d + 1] == HG_UNRATED))
				sb_puts(sb, "h0");
			prev = d;
		}
		sb_puts(sb, "\"/>\n");
	}
	/* legend */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int x = 24 + s * 106;
		sb_printf(sb, "<path d=\"M%d %dh13h13\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
			  " marker-mid=\"url(#m%d)\"/><text x=\"%d\" y=\"%d\">%s</text>\n", x, CH - 6,
			  series[s].color, series[s].dash, s, x + 32, CH - 2,
			  model_symptom_name((enum hg_symptom)s));
	}
	sb_printf(sb, "<text x=\"%d\" y=\"%d\">flags: <tspan fill=\"%s\" font-weight=\"bold\">!!"
		  "</tspan> urgent <tspan fill=\"%s\" font-weight=\"bold\">!</tspan> doctor"
		  " <tspan fill=\"%s\" font-weight=\"bold\">&#8226;</tspan> watch"
		  " <tspan fill=\"#1b5e20\" font-weight=\"bold\">A</tspan> action</text>\n",
		  24 + 4 * 106 + 8, CH - 2, level_color[HG_LEVEL_URGENT],
		  level_color[HG_LEVEL_DOCTOR], level_color[HG_LEVEL_WATCH]);
	sb_puts(sb, "</svg>\n");
}


/* ---- the blocks -------------------------------------------------------- */

static void html_begin(struct strbuf *sb, struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_puts(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
		" style-src 'unsafe-inline'; img-src data:\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"healgrid\">\n");
	sb_printf(sb, "<title>healgrid recovery report, made %s</title>\n<style>\n%s</style>\n"
		  "</head>\n<body>\n%s", today, css, svg_defs);
	sb_printf(sb, "<header>\n<h1>%s</h1>\n<p>Made on <time>%s</time>%s</p>\n</header>\n",
		  report_title, today, doc->all ? " for all treatments." : ".");
}

static void strip(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "<div class=\"strip\">\n");
	for (size_t i = 0; i < it->nphotos; i++) {
		const struct report_photo *p = &it->photos[i];
		char date[HG_DATE_LEN];

		date_format(p->date, date);
		sb_printf(sb, "<figure><img alt=\"photo of day %d\" src=\"data:image/jpeg;base64,",
			  p->day);
		if (p->thumb)
			hg_base64(sb, p->thumb, p->len);
		sb_printf(sb, "\"><figcaption>day %d, %s</figcaption></figure>\n", p->day, date);
	}
	sb_puts(sb, "</div>\n");
}

static void table(struct strbuf *sb, const struct rd_table *t, const char *section)
{
	sb_printf(sb, "<table class=\"%s\">\n<thead><tr>", section);
	for (int c = 0; c < t->ncols; c++) {
		sb_puts(sb, t->center[c] ? "<th class=\"n\">" : "<th>");
		esc(sb, t->head[c]);
		sb_puts(sb, "</th>");
	}
	sb_puts(sb, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		sb_puts(sb, "<tr>");
		for (int c = 0; c < t->ncols; c++) {
			const char *v = rd_cell(t, r, c);

			/* a rating gets its shade */
			if (t->center[c] == 2 && v[0] >= '0' && v[0] <= '3' && !v[1])
				sb_printf(sb, "<td class=\"n r%c\">", v[0]);
			else
				sb_puts(sb, t->center[c] ? "<td class=\"n\">" : "<td>");
			esc(sb, v);
			sb_puts(sb, "</td>");
		}
		sb_puts(sb, "</tr>\n");
	}
	sb_puts(sb, "</tbody></table>\n");
}

/* Lists and fields run together in one <ul> or <table>. */
static void close_list(struct strbuf *sb, enum rd_kind *open)
{
	if (*open == RD_FIELD)
		sb_puts(sb, "</table>\n");
	else if (*open == RD_ITEM)
		sb_puts(sb, "</ul>\n");
	*open = RD_LINE;
}

static void html_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	enum rd_kind open = RD_LINE;
	const char *section = "";

	(void)doc;
	sb_printf(sb, "<section class=\"treatment\" id=\"t%lld\">\n", (long long)d->item->r->t.id);
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		if (b->kind != open)
			close_list(sb, &open);
		if (strcmp(section, b->section) != 0) {
			if (*section)
				sb_puts(sb, "</div>\n");
			sb_printf(sb, "<div class=\"%s\">\n", b->section);
			section = b->section;
		}
		switch (b->kind) {
		case RD_TITLE:
			sb_puts(sb, "<h2>");
			esc(sb, b->text);
			sb_puts(sb, "</h2>\n");
			break;
		case RD_HEADING:
			sb_puts(sb, "<h3>");
			esc(sb, b->text);
			sb_puts(sb, "</h3>\n");
			break;
		case RD_FIELD:
			if (open != RD_FIELD)
				sb_puts(sb, "<table class=\"fields\">\n");
			open = RD_FIELD;
			sb_puts(sb, "<tr><th>");
			esc(sb, b->label);
			sb_puts(sb, "</th><td>");
			esc_lines(sb, b->text, 1);
			sb_puts(sb, "</td></tr>\n");
			break;
		case RD_ITEM:
			if (open != RD_ITEM)
				sb_puts(sb, "<ul>\n");
			open = RD_ITEM;
			sb_puts(sb, "<li>");
			if (b->level >= 0)
				sb_printf(sb, "<span class=\"lv-%s\">%s</span> ",
					  rules_level_name((enum hg_level)b->level), level_mark[b->level]);
			if (b->label) {
				sb_puts(sb, "<b>");
				esc(sb, b->label);
				sb_puts(sb, ":</b> ");
			}
			esc(sb, b->text);
			sb_puts(sb, "</li>\n");
			break;
		case RD_LINE:
			sb_puts(sb, "<p>");
			esc(sb, b->text);
			sb_puts(sb, "</p>\n");
			break;
		case RD_NOTE:
			sb_puts(sb, "<p class=\"note\"><b>");
			esc(sb, b->label);
			sb_puts(sb, ":</b> ");
			esc_lines(sb, b->text, 1);
			sb_puts(sb, "</p>\n");
			break;
		case RD_TABLE:
			table(sb, b->table, b->section);
			if (b->text) {
				sb_puts(sb, "<p class=\"small\">");
				esc(sb, b->text);
				sb_puts(sb, "</p>\n");
			}
			break;
		case RD_CHART:
			sb_puts(sb, "<figure>\n");
			chart(sb, &d->chart);
			sb_puts(sb, "<figcaption>");
			esc(sb, b->text);
			sb_puts(sb, "</figcaption>\n</figure>\n");
			break;
		case RD_PHOTOS:
			strip(sb, d->item);
			sb_puts(sb, "<p class=\"small\">");
			esc(sb, b->text);
			sb_puts(sb, "</p>\n");
			break;
		}
	}
	close_list(sb, &open);
	if (*section)
		sb_puts(sb, "</div>\n");
	sb_puts(sb, "</section>\n");
}

static void html_end(struct strbuf *sb, struct report_doc *doc)
{
	if (doc->all && doc->count == 0)
		sb_puts(sb, "<p>No treatments recorded yet.</p>\n");
	sb_puts(sb, "<footer><p>");
	{
		struct strbuf line = STRBUF_INIT;

		report_end_line(&line, doc);
		esc(sb, sb_str(&line));
		sb_free(&line);
	}
	sb_puts(sb, "</p></footer>\n</body>\n</html>\n");
}

const struct report_writer report_html_writer = {
	html_begin, html_treatment, html_end
};
